"""Benchmark the corpus jobs at 100,000 articles, beside naive baselines in the same run.

    python bench/corpus.py [--n 100000] [--subset 2000] [--only stories] [--entities-db /tmp/ant.db]

The shared corpora hold about 58,000 real articles (ANT multi-source + SaudiNewsNet);
to reach ``--n`` the script adds *perturbed replicas* of real articles (a sentence
dropped, a few words swapped, published 120 days later per round so replicas form
their own stories instead of piling onto the originals). The table says how many
documents were real. Entities are not set unless ``--entities-db`` names a store that
``marsad ingest .../ant_multisource --no-corpus`` filled: then ANT articles and their
replicas carry the pipeline's entities and events (SaudiNewsNet articles still have
none), so the story timing includes the entity signal as ingest uses it.

Rows: near-duplicates with MinHash LSH + exact verification vs an exact-hash dedup
(fast but blind to edited copies) on all documents, and vs all-pairs exact Jaccard on a
subset; story clustering with the inverted index vs comparing each article with every
active story on the same subset.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import replace
from datetime import timedelta
from itertools import combinations
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

from corpus_eval import read_ant, read_saudi

from marsad.corpus.duplicates import (
    CorpusFrequency,
    DuplicateConfig,
    exact_duplicates,
    find_duplicates,
    is_duplicate,
    shingles_of_words,
    verify_pair,
)
from marsad.corpus.records import CorpusDoc, parse_time
from marsad.corpus.registry import resolve_mentions
from marsad.corpus.stories import Story, StoryClusterer, StoryConfig, cluster_stories, story_id
from marsad.corpus.textprep import words

console = Console()


def perturb(doc: CorpusDoc, round_no: int, rng: random.Random) -> CorpusDoc:
    sentences = [s for s in doc.text.replace("\n", " ").split(".") if s.strip()]
    if len(sentences) > 2:
        sentences.pop(rng.randrange(len(sentences)))
    ws = ". ".join(sentences).split()
    for _ in range(max(1, len(ws) // 30)):
        i, j = rng.randrange(len(ws)), rng.randrange(len(ws))
        ws[i], ws[j] = ws[j], ws[i]
    when = parse_time(doc.published)
    published = (when + timedelta(days=120 * round_no)).isoformat() if when else None
    return replace(doc, id=f"{doc.id}~r{round_no}", text=" ".join(ws), published=published)


def analysed_layers(db: str) -> dict[str, tuple[list[Any], list[str]]]:
    """DOCNO -> (entities, event types) from a store ``marsad ingest --no-corpus`` filled."""
    from marsad.store.base import open_store
    out = {}
    with open_store(db) as store:
        ids = [r[0] for r in store._exec("SELECT id FROM articles").fetchall()]  # type: ignore[attr-defined]
        for aid in ids:
            article = store.get_article(aid)
            if article is not None and (article.meta or {}).get("docno"):
                rec = CorpusDoc.from_article(article)
                out[str(article.meta["docno"])] = (rec.entities, rec.event_types)
    return out


def build(n: int, seed: int, layers: dict[str, tuple[list[Any], list[str]]] | None = None
          ) -> tuple[list[CorpusDoc], int]:
    real = list(read_ant()) + list(read_saudi())
    if layers:  # entities found by the pipeline on the article's own text (ANT only)
        real = [replace(d, entities=layers[d.id][0], event_types=layers[d.id][1]) if d.id in layers else d
                for d in real]
    rng = random.Random(seed)
    docs = real[:n]
    round_no = 0
    while len(docs) < n:
        round_no += 1
        for d in real:
            if len(docs) >= n:
                break
            docs.append(perturb(d, round_no, rng))
    return docs, min(len(real), n)


def timed(fn, *args):  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    out = fn(*args)
    return out, time.perf_counter() - t0


def all_pairs_dedup(docs: list[CorpusDoc], config: DuplicateConfig) -> set[frozenset[str]]:
    """Every verified pair, comparing all pairs exactly (the quadratic baseline).

    The cheap overlap test filters first; the full check (boilerplate, swapped
    specifics, with the same corpus frequencies) runs only on what passes it.
    """
    freq = CorpusFrequency()
    word_lists = [words(d.text) for d in docs]
    sets = [shingles_of_words(ws, config.shingle_size) for ws in word_lists]
    for ws, ss in zip(word_lists, sets, strict=True):
        freq.observe(ws, ss)
    return {frozenset((docs[a].id, docs[b].id)) for a, b in combinations(range(len(docs)), 2)
            if is_duplicate(sets[a], sets[b], config)[0]
            and verify_pair(word_lists[a], word_lists[b], sets[a], sets[b], config, freq)[0]}


def brute_force_stories(docs: list[CorpusDoc], config: StoryConfig) -> int:
    """Same clustering, but each article is scored against every active story."""
    c = StoryClusterer(config)
    batch = sorted(docs, key=lambda d: d.published or "")
    terms = c.count_terms(batch)
    mentions = {d.id: resolve_mentions(d) for d in batch}
    c.count_entities(mentions.values())
    for doc in batch:
        f = c.features(doc, terms[doc.id], mentions[doc.id])
        best, best_score = None, config.threshold
        for sid in list(c.active):
            story = c.stories[sid]
            if c._in_window(f, story):
                sc = c.similarity(f, story)
                if sc >= best_score:
                    best, best_score = story, sc
        if best is None:
            best = Story(id=story_id(doc.id))
            c.stories[best.id] = best
            c.active.add(best.id)
        best.add(f, config)
        c.assignment[doc.id] = best.id
        if f.when is not None:
            c._clock = max(c._clock or f.when, f.when)
        c.evict()
    return len(c.stories)


def incremental(docs: list[CorpusDoc], base: int, step: int) -> list[tuple[str, str, int, float, str]]:
    """Store ``base`` articles in a fresh SQLite file, process them, then time one
    increment of ``step`` new articles: the increment must not redo the base."""
    import tempfile

    from marsad.corpus.persistence import update_corpus
    from marsad.model import Article
    from marsad.store.base import open_store

    rows = []
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "bench.db") as store:
        arts = [Article.from_raw(d.text, title=d.title, source=d.source, published=d.published)
                for d in docs[: base + step]]
        store.add_articles(arts[:base])
        report, t = timed(update_corpus, store, [a.id for a in arts[:base]])
        rows.append(("update_corpus (SQLite)", "first run", report.processed, t,
                     f"{report.duplicate_groups} dup groups, {report.stories_touched} stories"))
        store.add_articles(arts[base:])
        report, t = timed(update_corpus, store, [a.id for a in arts[base:]])
        rows.append(("update_corpus (SQLite)", f"increment after {base:,}", report.processed, t,
                     f"{report.stories_touched} stories touched"))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--subset", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--incremental", type=int, nargs=2, metavar=("BASE", "STEP"), default=None,
                        help="also time update_corpus on BASE stored articles, then on STEP more")
    parser.add_argument("--skip-big", action="store_true", help="skip the --n runs (with --incremental)")
    parser.add_argument("--only", choices=["all", "stories", "duplicates"], default="all",
                        help="time only one of the two jobs")
    parser.add_argument("--entities-db", default=None, metavar="DB",
                        help="store filled by `marsad ingest ANT --no-corpus`: ANT articles (and their "
                             "replicas) get the pipeline's entities and events, so stories use them")
    args = parser.parse_args()
    layers = analysed_layers(args.entities_db) if args.entities_db else None
    (docs, n_real), t_load = timed(build, args.n, args.seed, layers)
    with_ents = sum(1 for d in docs if d.entities)
    console.print(f"{len(docs)} documents ({n_real} real, {len(docs) - n_real} perturbed replicas; "
                  f"{with_ents} with entities), read in {t_load:.1f} s")
    dups, stories_too = args.only in ("all", "duplicates"), args.only in ("all", "stories")
    dconf, sconf = DuplicateConfig(), StoryConfig()
    # the subset is a run of consecutive articles in time: the densest case for the
    # story window, where scoring every active story costs the most
    by_time = sorted(docs, key=lambda d: d.published or "")
    start = len(by_time) // 3
    subset = by_time[start:start + args.subset]
    rows = []
    if args.incremental:
        rows += incremental(docs, *args.incremental)
    if not args.skip_big and dups:
        groups, t = timed(find_duplicates, docs, dconf)
        rows.append(("near-duplicates", "LSH + anchors + rule + learned verifier", len(docs), t,
                     f"{len(groups)} groups, {sum(len(g.members) for g in groups)} articles"))
        groups, t = timed(find_duplicates, docs, replace(dconf, anchor_every=0))
        rows.append(("near-duplicates", "the same without the anchor index", len(docs), t,
                     f"{len(groups)} groups, {sum(len(g.members) for g in groups)} articles"))
        groups, t = timed(find_duplicates, docs, replace(dconf, learned=False, anchor_every=0))
        rows.append(("near-duplicates", "MinHash LSH + hand rule only", len(docs), t,
                     f"{len(groups)} groups, {sum(len(g.members) for g in groups)} articles"))
        exact, t = timed(exact_duplicates, docs)
        rows.append(("near-duplicates", "baseline: exact hash", len(docs), t, (f"{len(exact)} groups, "
                     f"{sum(len(g.members) for g in exact)} articles")))
    if not args.skip_big and stories_too:
        stories, t = timed(cluster_stories, docs, sconf)
        multi = sum(1 for s in stories if len(s.sources) > 1)
        rows.append(("stories", "single pass, inverted index", len(docs), t,
                     f"{len(stories)} stories, {multi} multi-source"))
    if dups:
        sub_groups, t = timed(find_duplicates, subset, dconf)
        grouped = {frozenset(p) for g in sub_groups for p in combinations(g.members, 2)}
        rows.append(("near-duplicates", "LSH + anchors + rule + learned verifier", len(subset), t,
                     f"{len(grouped)} pairs in groups"))
        rule_groups, t = timed(find_duplicates, subset, replace(dconf, learned=False, anchor_every=0))
        rows.append(("near-duplicates", "MinHash LSH + hand rule only", len(subset), t,
                     f"{sum(len(g.members) * (len(g.members) - 1) // 2 for g in rule_groups)} pairs in groups"))
        pairs, t = timed(all_pairs_dedup, subset, dconf)
        covered = len(pairs & grouped)
        rows.append(("near-duplicates", "baseline: all pairs, exact", len(subset), t,
                     f"{len(pairs)} verified pairs; {covered} of them grouped by LSH"))
    if stories_too:
        sub_stories, t = timed(cluster_stories, subset, sconf)
        rows.append(("stories", "single pass, inverted index", len(subset), t, f"{len(sub_stories)} stories"))
        n_brute, t = timed(brute_force_stories, subset, sconf)
        rows.append(("stories", "baseline: score every active story", len(subset), t, f"{n_brute} stories"))
    table = Table(title="Corpus jobs (one process, wall-clock; the machine is shared, numbers are noisy)")
    for col, just in (("task", "left"), ("method", "left"), ("articles", "right"), ("seconds", "right"),
                      ("articles/s", "right"), ("result", "left")):
        table.add_column(col, justify=just)  # type: ignore[arg-type]
    for task, method, n, secs, result in rows:
        table.add_row(task, method, f"{n:,}", f"{secs:.1f}", f"{n / secs:,.0f}" if secs else "-", result)
    console.print(table)


if __name__ == "__main__":
    main()
