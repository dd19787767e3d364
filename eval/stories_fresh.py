"""Stories as ``marsad ingest`` makes them, on ANT, for a fresh hand check.

    python eval/stories_fresh.py run   --db /tmp/ant.db        # update_corpus on two copies
    python eval/stories_fresh.py show  [--sample 50 --seed 29] # print the sample to judge
    python eval/stories_fresh.py score [--check eval/stories_check_fresh.jsonl]

``--db`` is a store that ``marsad ingest .../ant_multisource --no-corpus`` filled (the
shipped pipeline ran: entities, events). ``run`` copies it twice and runs
:func:`marsad.corpus.persistence.update_corpus` on each copy, exactly as ingest does
after storing (batches of 2,000 in storage order, registry ids, stored frequencies):
once with the shipped :class:`StoryConfig`, once with words only (entity and event
weights 0), so both clusterings come from the same run of the same code.

``show`` samples multi-source stories of the shipped run, leaving out every story that
holds an article of the two earlier (seen) checks, and prints titles and leads to
judge; the verdicts go to ``eval/stories_check_fresh.jsonl`` (story id, DOCNO ids,
verdict, off-story ids, a short reason; no article text). ``score`` prints purity
(article-weighted, and the share of fully pure stories) beside the shape of both runs
(stories, multi-source stories, singleton rate), so purity cannot be won by splitting.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.corpus.persistence import load_stories, update_corpus
from marsad.corpus.stories import StoryConfig
from marsad.store.base import open_store

# "words" is the word-only rule the README reported before entities were used
RUNS = {"entities": StoryConfig(),
        "words": StoryConfig(entity_weight=0.0, event_weight=0.0, age_penalty=0.0)}
SEEN = [ROOT / "eval" / "stories_check.jsonl", ROOT / "eval" / "stories_check_ner.jsonl"]
FRESH = ROOT / "eval" / "stories_check_fresh.jsonl"


def copy_db(src: str, dst: Path) -> None:
    dst.unlink(missing_ok=True)
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)


class _NoDuplicates:
    """Stand-in for the near-duplicate detector during ``run``: duplicates do not feed
    stories, and re-hashing the stored signatures for every batch of 27,000 articles
    takes most of an update's time on a shared machine. Stories, entity registry and
    frequencies run the shipped code unchanged."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        pass

    def load_signature(self, *args: Any) -> None:
        pass

    def observe(self, *args: Any) -> None:
        pass

    def add(self, *args: Any, **kwargs: Any) -> tuple[bytes, list[Any]]:
        return b"", []


def run(args: argparse.Namespace) -> None:
    if not args.with_duplicates:
        from marsad.corpus import persistence
        persistence.DuplicateDetector = _NoDuplicates  # type: ignore[misc,assignment]
    saved = Path(args.work, "ant_stories.json")
    out: dict[str, Any] = json.loads(saved.read_text(encoding="utf-8")) if saved.exists() else {}
    for name, config in RUNS.items():
        if args.runs and name not in args.runs:
            continue
        path = Path(args.work) / f"ant_{name}.db"
        copy_db(args.db, path)
        with open_store(path) as store:
            t0 = time.perf_counter()
            report = update_corpus(store, story_config=config)
            secs = time.perf_counter() - t0
            docno = {r[0]: json.loads(r[1]).get("meta", {}).get("docno") or r[0]
                     for r in store._exec("SELECT id, doc FROM articles").fetchall()}  # type: ignore[attr-defined]
            stories = [{"id": s["id"], "sources": s["sources"], "size": s["size"],
                        "articles": [docno[a] for a in s["articles"]],
                        "titles": [t["title"] for d in s["timeline"] for t in d["articles"]]}
                       for s in load_stories(store)]
        out[name] = {"seconds": round(secs, 1), "processed": report.processed, "stories": stories}
        print(f"{name}: update_corpus on {report.processed} articles in {secs:.0f} s", flush=True)
        saved.write_text(json.dumps(out, ensure_ascii=False), encoding="utf-8")


def shape(stories: list[dict[str, Any]]) -> str:
    n = sum(s["size"] for s in stories)
    multi = [s for s in stories if len(s["sources"]) > 1]
    single = sum(s["size"] == 1 for s in stories)
    return (f"{n} articles -> {len(stories)} stories; {len(multi)} multi-source holding "
            f"{sum(s['size'] for s in multi)} articles ({sum(s['size'] for s in multi) / max(1, n):.3f}); "
            f"singleton rate {single / max(1, n):.3f}; largest {max(s['size'] for s in stories)}")


def _seen_ids() -> set[str]:
    return {a for p in SEEN for line in p.read_text(encoding="utf-8").splitlines() if line.strip()
            for a in json.loads(line)["articles"]}


def sample(data: dict[str, Any], n: int, seed: int) -> list[dict[str, Any]]:
    seen = _seen_ids()
    multi = [s for s in data["entities"]["stories"] if len(s["sources"]) > 1 and not seen & set(s["articles"])]
    multi.sort(key=lambda s: s["id"])
    return random.Random(seed).sample(multi, min(n, len(multi)))


def show(args: argparse.Namespace) -> None:
    data = json.loads(Path(args.work, "ant_stories.json").read_text(encoding="utf-8"))
    leads = {}
    with open_store(Path(args.work) / "ant_entities.db") as store:
        for doc, text in store._exec("SELECT doc, text FROM articles").fetchall():  # type: ignore[attr-defined]
            leads[json.loads(doc).get("meta", {}).get("docno")] = " ".join(text.split()[: args.lead])
    for s in sample(data, args.sample, args.seed):
        print(f"== {s['id']} size={s['size']} sources={s['sources']}")
        for a, t in zip(s["articles"], s["titles"]):
            print(f"   {a} | {t}\n      {leads.get(a, '')}")


def score(args: argparse.Namespace) -> None:
    data = json.loads(Path(args.work, "ant_stories.json").read_text(encoding="utf-8"))
    for name in RUNS:
        print(f"{name}: {shape(data[name]['stories'])}; update_corpus {data[name]['seconds']} s")
    current = {s["id"]: sorted(s["articles"]) for s in sample(data, args.sample, args.seed)}
    rows = [json.loads(x) for x in Path(args.check).read_text(encoding="utf-8").splitlines() if x.strip()]
    judged = [r for r in rows if current.get(r["story"]) == sorted(r["articles"])]
    if len(judged) != len(rows):
        print(f"{len(rows) - len(judged)} judged stories no longer match the clustering (re-check needed)")
    if judged:
        total = sum(len(r["articles"]) for r in judged)
        on = total - sum(len(r["off_story"]) for r in judged)
        pure = sum(not r["off_story"] for r in judged)
        print(f"fresh hand check of {len(judged)} multi-source stories: purity {on}/{total} = {on / total:.3f}; "
              f"{pure}/{len(judged)} stories fully pure")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("cmd", choices=["run", "show", "score"])
    parser.add_argument("--db", default="/tmp/ant.db")
    parser.add_argument("--work", default="/tmp")
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=29)
    parser.add_argument("--lead", type=int, default=45, help="words of each article's lead to print")
    parser.add_argument("--check", default=str(FRESH))
    parser.add_argument("--with-duplicates", action="store_true", help="with run: also find duplicates")
    parser.add_argument("--runs", nargs="*", choices=list(RUNS), help="with run: only these (default all)")
    args = parser.parse_args()
    {"run": run, "show": show, "score": score}[args.cmd](args)


if __name__ == "__main__":
    main()
