"""Tune story similarity on the two judged samples, with entities as ingest stores them.

    python eval/stories_tune.py --db /tmp/ant.db [--grid]

The ANT corpus must first be ingested without the corpus step (``marsad ingest
.../ant_multisource --db /tmp/ant.db --no-corpus``) so every article carries the
entities and event types of the shipped pipeline. Articles are read back from that
store and keep their ANT DOCNO as id (``meta.docno``), the id the judged files use.

The judged files (``eval/stories_check.jsonl``, word-only run, and
``eval/stories_check_ner.jsonl``, entities at full weight) say for each checked story
which articles report its main development and which do not. Clusterings change when
the similarity changes, so story-level verdicts cannot be reused; instead they become
*pair constraints*: two on-story articles of one checked story belong together (a
positive pair), an on-story and an off-story article do not (a negative pair). A
configuration is scored by the positive pairs it keeps together and the negative pairs
it merges, beside corpus-wide shape figures (stories, multi-source stories, singleton
rate, largest story), so a configuration cannot win by splitting everything. These
files are seen data: the figure to report is the fresh check (``stories_check_fresh``).
"""

from __future__ import annotations

import argparse
import json
import pickle
import sys
from collections.abc import Iterator
from dataclasses import replace
from itertools import combinations
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.corpus.records import CorpusDoc, sort_key
from marsad.corpus.registry import EntityRegistry, ResolvedMention
from marsad.corpus.stories import Story, StoryClusterer, StoryConfig

CHECKS = [ROOT / "eval" / "stories_check.jsonl", ROOT / "eval" / "stories_check_ner.jsonl"]


def docs_from_store(db: str, cache: Path | None = None) -> list[CorpusDoc]:
    """Every stored article as a corpus record with its DOCNO as id (cached as a pickle)."""
    if cache is not None and cache.exists():
        with open(cache, "rb") as fh:
            docs: list[CorpusDoc] = pickle.load(fh)
        return docs
    from marsad.store.base import open_store
    docs = []
    with open_store(db) as store:
        ids = [r[0] for r in store._exec("SELECT id FROM articles ORDER BY seq").fetchall()]  # type: ignore[attr-defined]
        for aid in ids:
            article = store.get_article(aid)
            if article is not None:
                docs.append(CorpusDoc.from_article(article, doc_id=str((article.meta or {}).get("docno") or aid)))
    if cache is not None:
        with open(cache, "wb") as fh:
            pickle.dump(docs, fh)
    return docs


def strip_entities(docs: list[CorpusDoc]) -> list[CorpusDoc]:
    return [replace(d, entities=[], event_types=[]) for d in docs]


def resolve_all(docs: list[CorpusDoc]) -> dict[str, list[ResolvedMention]]:
    """Registry ids in arrival order, as ``update_corpus`` resolves a batch."""
    registry = EntityRegistry()
    return {d.id: registry.add_doc(d) for d in sorted(docs, key=sort_key)}


def cluster(docs: list[CorpusDoc], config: StoryConfig,
            resolved: dict[str, list[ResolvedMention]] | None = None) -> list[Story]:
    c = StoryClusterer(config)
    c.cluster(docs, resolved)
    return sorted(c.stories.values(), key=lambda s: (-len(s.members), s.id))


def read_checks(paths: list[Path]) -> Iterator[dict[str, Any]]:
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                yield json.loads(line)


def pair_constraints(rows: list[dict[str, Any]]) -> tuple[set[frozenset[str]], set[frozenset[str]]]:
    pos: set[frozenset[str]] = set()
    neg: set[frozenset[str]] = set()
    for row in rows:
        off = set(row.get("off_story", []))
        on = [a for a in row["articles"] if a not in off]
        pos |= {frozenset(p) for p in combinations(on, 2)}
        neg |= {frozenset((a, b)) for a in on for b in off}
    return pos, neg - pos


def shape(stories: list[Story]) -> dict[str, Any]:
    n_articles = sum(len(s.members) for s in stories)
    multi = [s for s in stories if len([x for x in s.sources if x]) > 1]
    return {"articles": n_articles, "stories": len(stories), "multi_source": len(multi),
            "in_multi": sum(len(s.members) for s in multi),
            "singleton_rate": round(sum(len(s.members) == 1 for s in stories) / max(1, n_articles), 4),
            "largest": max((len(s.members) for s in stories), default=0)}


def score(stories: list[Story], pos: set[frozenset[str]], neg: set[frozenset[str]]) -> dict[str, Any]:
    where = {m: s.id for s in stories for m in s.members}
    # ingest stores an article once: a judged id that was a byte-identical repeat is absent
    pos = {p for p in pos if all(x in where for x in p)}
    neg = {p for p in neg if all(x in where for x in p)}
    kept = sum(1 for p in pos if len({where[x] for x in p}) == 1)
    merged = sum(1 for p in neg if len({where[x] for x in p}) == 1)
    return {"pos_kept": f"{kept}/{len(pos)}", "neg_merged": f"{merged}/{len(neg)}", **shape(stories)}


GRID: list[dict[str, Any]] = [
    {"entity_floor": 0.2, "age_penalty": 0.02},
    {"entity_floor": 0.2, "age_penalty": 0.0},
    {"entity_floor": 0.2, "entities_only_raise": False},
    {"entity_floor": 0.2, "age_penalty": 0.01},
    {"entity_floor": 0.0, "entity_idf": False, "entities_only_raise": False},  # the rule before this change
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", default="/tmp/ant.db")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/ant_docs.pkl"))
    parser.add_argument("--grid", action="store_true", help="score the built-in grid of settings")
    parser.add_argument("--set", action="append", default=[], metavar="FIELD=VALUE",
                        help="StoryConfig override (repeatable), e.g. --set entity_floor=0.2")
    parser.add_argument("--only", type=int, default=None, help="with --grid: only setting number N")
    parser.add_argument("--words-only", action="store_true", help="drop entities and events")
    args = parser.parse_args()
    docs = docs_from_store(args.db, args.cache)
    rows = list(read_checks(CHECKS))
    pos, neg = pair_constraints(rows)
    print(f"{len(docs)} articles; {len(rows)} judged stories -> {len(pos)} positive, {len(neg)} negative pairs")
    words_only = strip_entities(docs)
    if args.words_only:
        over = {k: float(v) for k, v in (kv.split("=", 1) for kv in args.set)}
        base = score(cluster(words_only, replace(StoryConfig(age_penalty=0.0), **over)), pos, neg)
        print(json.dumps({"config": f"words only {over or '(the rule before)'}", **base}, ensure_ascii=False))
        return
    resolved = resolve_all(docs)
    settings = (GRID[args.only:args.only + 1] if args.only is not None else GRID) if args.grid \
        else [dict(kv.split("=", 1) for kv in args.set)]
    defaults = StoryConfig()
    for setting in settings:
        typed = {k: type(getattr(defaults, k))(v) if not isinstance(getattr(defaults, k), bool)
                 else str(v).lower() in ("1", "true", "yes") for k, v in setting.items()}
        out = score(cluster(docs, replace(defaults, **typed), resolved), pos, neg)
        print(json.dumps({"config": typed, **out}, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
