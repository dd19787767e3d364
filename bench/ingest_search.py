"""Ingest throughput, search latency, DB size and known-item accuracy, in one run.

Prints Rich tables. What it measures, and how:

* **Known-item search** (issue 5's accuracy gate): ``--known`` real ANT articles
  (multi-source + JawharaFM) are stored; each article's title is the query (its words,
  AND-ed); P@1 = the article is ranked first, MRR over the top 10. Run on the Marsad
  SQLite store, the Marsad PostgreSQL store and a plain SQLite FTS5 index of the raw
  text with no Arabic analysis (unicode61, diacritics removed by FTS5 only).
* **Ingest throughput**: ``--sample`` ANT articles through the real ingest loop
  (reading, ``default_pipeline(exclude=--exclude)``, storing) with 1 and 2 workers
  (process pool) and with 2 Dask workers (local cluster; its start-up is timed too).
* **Search latency / size** over ``--n`` articles (default 100,000): the three corpora
  hold ~69k articles, so copies of real articles with small edits (one word dropped,
  a numbered line added) fill the rest; the search index does not depend on the
  analysis layers, so this store is filled without running the pipeline.

Usage: ``python bench/ingest_search.py [--n 100000] [--known 10000] [--sample 1000]``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

from marsad.ingest.readers import RawRecord, read_paths
from marsad.ingest.runner import default_factory, ingest, no_analysis, to_article
from marsad.model import Article
from marsad.scale.dask_runner import DaskIngestor, dask_client
from marsad.store.analysis import analyse, plain_words
from marsad.store.base import Store, open_store
from marsad.store.query import And, Term

console = Console(width=150)
DATA = Path(os.environ.get("MARSAD_DATA", Path(__file__).resolve().parents[2] / "shared" / "data"))
PG_URL = os.environ.get("MARSAD_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/test")


# ------------------------------------------------------------------ corpora


def load(paths: list[Path], limit: int | None = None) -> list[RawRecord]:
    out: list[RawRecord] = []
    for item in read_paths(paths):
        if isinstance(item, RawRecord) and item.title:
            out.append(item)
            if limit and len(out) >= limit:
                break
    return out


def spread(records: list[RawRecord], n: int, seed: int = 7) -> list[RawRecord]:
    """A deterministic sample of ``n`` records across all outlets."""
    rnd = random.Random(seed)
    return rnd.sample(records, min(n, len(records)))


def replicate(records: list[RawRecord], n: int) -> list[Article]:
    """``n`` articles: the real ones, then edited copies (distinct content hashes)."""
    out: list[Article] = []
    k = 0
    while len(out) < n:
        for r in records:
            if len(out) >= n:
                break
            if k == 0:
                out.append(to_article(r))
                continue
            words = r.text.split()
            drop = (k * 7919) % max(1, len(words))
            text = " ".join(words[:drop] + words[drop + 1:]) + f"\nتحديث رقم {k}"
            out.append(to_article(RawRecord(r.origin + f"~{k}", text, f"{r.title} ({k})", r.source, r.url,
                                            r.published, r.byline, {})))
        k += 1
    return out


# ------------------------------------------------------------------ backends


def fill(store: Store, articles: list[Article], batch: int = 500) -> float:
    t = time.perf_counter()
    for i in range(0, len(articles), batch):
        chunk = articles[i:i + batch]
        store.add_articles(chunk, [a.meta["raw_hash"] for a in chunk])
    return time.perf_counter() - t


class PlainFTS:
    """The baseline: raw title+text in FTS5 (unicode61), no Arabic analysis."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = sqlite3.connect(path)
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS docs USING fts5(id UNINDEXED, title, body, "
                          "tokenize='unicode61 remove_diacritics 2')")

    def fill(self, articles: list[Article]) -> float:
        t = time.perf_counter()
        with self.conn:
            self.conn.executemany("INSERT INTO docs (id, title, body) VALUES (?, ?, ?)",
                                  ((a.id, a.title or "", a.text) for a in articles))
        return time.perf_counter() - t

    def search(self, words: list[str], limit: int = 10) -> list[str]:
        if not words:
            return []
        q = " AND ".join('"' + w.replace('"', '""') + '"' for w in words)
        rows = self.conn.execute("SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, 4.0, 1.0) "
                                 "LIMIT ?", (q, limit)).fetchall()
        return [r[0] for r in rows]


def title_node(title: str) -> Any:
    """The title's words AND-ed (no operators: a title is not query syntax)."""
    terms = list(dict.fromkeys(analyse(title)))
    return And(tuple(Term(t) for t in terms)) if len(terms) > 1 else (Term(terms[0]) if terms else None)


def known_item(search: Callable[[str], list[str]], articles: list[Article]) -> tuple[float, float, float]:
    """(P@1, MRR@10, queries/s) with each article's title as the query."""
    hits1 = 0
    rr = 0.0
    t = time.perf_counter()
    for a in articles:
        ranked = search(a.title or "")
        if ranked and ranked[0] == a.id:
            hits1 += 1
        if a.id in ranked:
            rr += 1.0 / (ranked.index(a.id) + 1)
    dt = time.perf_counter() - t
    n = len(articles)
    return hits1 / n, rr / n, n / dt


def store_search(store: Store) -> Callable[[str], list[str]]:
    def run(title: str) -> list[str]:
        node = title_node(title)
        return [h.id for h in store.search(node, limit=10, snippets=False)] if node is not None else []
    return run


def latency(fn: Callable[[str], Any], queries: list[str]) -> tuple[float, float]:
    times = []
    for q in queries:
        t = time.perf_counter()
        fn(q)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def pg_size(store: Any) -> int:
    row = store.conn.execute(
        "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = %s AND c.relkind IN ('r', 'm')",
        (store.schema,)).fetchone()
    return int(row[0])


def sqlite_size(path: Path) -> int:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path.stat().st_size


def pg_open() -> Store | None:
    try:
        return open_store(f"{PG_URL}?schema=bench_{uuid.uuid4().hex[:8]}")
    except Exception as exc:  # noqa: BLE001 - report and carry on
        console.print(f"PostgreSQL skipped: {exc}", markup=False, style="yellow")
        return None


# ------------------------------------------------------------------ main


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--n", type=int, default=100_000, help="articles for latency/size")
    ap.add_argument("--known", type=int, default=10_000, help="ANT articles for known-item search")
    ap.add_argument("--sample", type=int, default=1000, help="articles for ingest throughput")
    ap.add_argument("--queries", type=int, default=300, help="queries for latency")
    ap.add_argument("--exclude", action="append", default=[], help="pipeline stage to skip (throughput)")
    ap.add_argument("--no-pg", action="store_true")
    ap.add_argument("--no-sqlite", action="store_true", help="latency: PostgreSQL rows only")
    ap.add_argument("--only", choices=("known", "throughput", "latency"), action="append",
                    help="run only these parts (repeatable; default all)")
    ap.add_argument("--pg-n", type=int, default=None, help="articles in the PostgreSQL latency store "
                                                             "(default: --n)")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="marsad-bench-"))
    news = DATA / "news"
    t = time.perf_counter()
    ant = load([news / "ant_multisource", news / "ant_jawharafm"])
    parts = set(args.only or ("known", "throughput", "latency"))
    saudi = load([news / "saudinewsnet"]) if "latency" in parts else []
    console.print(f"read {len(ant)} ANT + {len(saudi)} SaudiNewsNet records in {time.perf_counter() - t:.1f}s")

    if "known" in parts:
        run_known(args, ant, work)
    if "throughput" in parts:
        run_throughput(args, ant, work)
    if "latency" in parts:
        run_latency(args, ant, saudi, work)
    shutil.rmtree(work, ignore_errors=True)


def run_known(args: argparse.Namespace, ant: list[RawRecord], work: Path) -> None:
    known = [to_article(r) for r in spread(ant, args.known)]
    known = list({a.id: a for a in known}.values())
    title_count: dict[str, int] = {}
    for a in known:
        title_count[a.title or ""] = title_count.get(a.title or "", 0) + 1
    shared_titles = sum(1 for a in known if title_count[a.title or ""] > 1)
    acc = Table(title=f"Known-item search: {len(known)} ANT articles, title as query "
                      f"({shared_titles} share their title with another article)")
    for col in ("index", "P@1", "MRR@10", "queries/s", "index build s"):
        acc.add_column(col, justify="right")
    s_known = open_store(work / "known.db")
    build = fill(s_known, known)
    p1, mrr, qps = known_item(store_search(s_known), known)
    acc.add_row("Marsad SQLite (FTS5, analysed)", f"{p1:.3f}", f"{mrr:.3f}", f"{qps:.0f}", f"{build:.1f}")
    s_known.close()
    plain = PlainFTS(work / "known-plain.db")
    build = plain.fill(known)
    p1, mrr, qps = known_item(lambda title: plain.search(list(dict.fromkeys(plain_words(title)))), known)
    acc.add_row("plain SQLite FTS5 (no analysis)", f"{p1:.3f}", f"{mrr:.3f}", f"{qps:.0f}", f"{build:.1f}")
    pg = None if args.no_pg else pg_open()
    if pg is not None:
        build = fill(pg, known)
        p1, mrr, qps = known_item(store_search(pg), known)
        acc.add_row("Marsad PostgreSQL (tsvector, analysed)", f"{p1:.3f}", f"{mrr:.3f}", f"{qps:.0f}",
                    f"{build:.1f}")
        pg.drop_schema()  # type: ignore[attr-defined]
        pg.close()
    console.print(acc)


def run_throughput(args: argparse.Namespace, ant: list[RawRecord], work: Path) -> None:
    sample_dir = work / "sample"
    sample_dir.mkdir()
    with (sample_dir / "sample.jsonl").open("w", encoding="utf-8") as f:
        for r in spread(ant, args.sample, seed=11):
            f.write(json.dumps({"title": r.title, "text": r.text, "source": r.source, "url": r.url,
                                "published": r.published}, ensure_ascii=False) + "\n")
    thr = Table(title=f"Ingest throughput: {args.sample} ANT articles, read + analyse + store (SQLite)")
    for col in ("pipeline", "workers", "articles/s", "stored", "failed"):
        thr.add_column(col, justify="right")
    try:
        names = ",".join(default_factory(args.exclude).names)
        factories: list[tuple[str, Callable[[], Any]]] = [(names, _Factory(args.exclude)), ("none", no_analysis)]
    except Exception as exc:  # noqa: BLE001 - report and carry on
        console.print(f"pipeline unavailable ({exc}); measuring storage only", markup=False, style="yellow")
        factories = [("none", no_analysis)]
    startups: list[str] = []
    for label, factory in factories:
        for workers in (1, 2, "dask"):
            db = work / f"thr-{label[:10]}-{workers}.db"
            store = open_store(db)
            t = time.perf_counter()
            if workers == "dask":
                with dask_client(2) as client:
                    started = time.perf_counter() - t
                    stats = DaskIngestor(store, factory=factory, workers=2, batch_size=32).run_on(
                        client, [sample_dir])
                    ran = time.perf_counter() - t - started
                shown = "2 (Dask)"
                startups.append(f"{label[:20]}: cluster start {started:.1f}s, ingest with cluster up "
                                f"{stats.stored / ran:.1f} art/s")
            else:
                stats = ingest([sample_dir], store, factory=factory, workers=int(workers), batch_size=32)
                shown = f"{workers} (pool)" if workers != 1 else "1"
            dt = time.perf_counter() - t
            thr.add_row(label, shown, f"{stats.stored / dt:.1f}", str(stats.stored), str(stats.failed))
            store.close()
    thr.caption = "Dask rows include starting and stopping the local cluster; " + "; ".join(startups)
    console.print(thr)


def run_latency(args: argparse.Namespace, ant: list[RawRecord], saudi: list[RawRecord], work: Path) -> None:
    big = replicate(ant + saudi, args.n)
    rnd = random.Random(3)
    picks = rnd.sample(big[: len(ant) + len(saudi)], args.queries)
    queries = []
    for i, a in enumerate(picks):
        words = (a.title or "").split()
        if i % 3 == 0:
            queries.append(a.title or "")
        else:
            k = 1 + i % 3
            queries.append(" ".join(rnd.sample(words, min(k, len(words)))))
    lat = Table(title=f"Search over {len(big):,} articles ({len(ant) + len(saudi):,} real + edited copies), "
                      f"{len(queries)} queries (titles and 1-3 title words), top 10")
    for col in ("index", "build s", "articles/s stored", "p50 ms", "p95 ms", "MB per 1,000 articles"):
        lat.add_column(col, justify="right")
    if not args.no_sqlite:
        sqlite_latency(big, queries, work, lat)
    pg = None if args.no_pg else pg_open()
    if pg is not None:
        pg_n = args.pg_n or len(big)
        build = fill(pg, big[:pg_n])
        pg.conn.execute("ANALYZE")  # type: ignore[attr-defined]
        p50, p95 = latency(marsad_q(pg, True), queries)
        size = pg_size(pg)
        lat.add_row(f"Marsad PostgreSQL (+ snippets, {pg_n:,} articles)", f"{build:.0f}", f"{pg_n / build:.0f}",
                    f"{p50:.1f}", f"{p95:.1f}", f"{size / pg_n * 1000 / 1e6:.2f}")
        p50, p95 = latency(marsad_q(pg, False), queries)
        lat.add_row(f"Marsad PostgreSQL (ids + titles only, {pg_n:,})", "", "", f"{p50:.1f}", f"{p95:.1f}", "")
        pg.drop_schema()  # type: ignore[attr-defined]
        pg.close()
    console.print(lat)


def marsad_q(store: Store, snippets: bool) -> Callable[[str], Any]:
    def run(q: str) -> Any:
        node = title_node(q)
        return store.search(node, limit=10, snippets=snippets) if node is not None else []
    return run


def sqlite_latency(big: list[Article], queries: list[str], work: Path, lat: Table) -> None:
    s_big = open_store(work / "big.db")
    build = fill(s_big, big)

    p50, p95 = latency(marsad_q(s_big, True), queries)
    size = sqlite_size(work / "big.db")
    lat.add_row("Marsad SQLite (+ snippets)", f"{build:.0f}", f"{len(big) / build:.0f}", f"{p50:.1f}", f"{p95:.1f}",
                f"{size / len(big) * 1000 / 1e6:.2f}")
    p50, p95 = latency(marsad_q(s_big, False), queries)
    lat.add_row("Marsad SQLite (ids + titles only)", "", "", f"{p50:.1f}", f"{p95:.1f}", "")
    s_big.close()
    plain = PlainFTS(work / "big-plain.db")
    build = plain.fill(big)
    p50, p95 = latency(lambda q: plain.search(list(dict.fromkeys(plain_words(q)))), queries)
    size = sqlite_size(work / "big-plain.db")
    lat.add_row("plain SQLite FTS5 (ids only)", f"{build:.0f}", f"{len(big) / build:.0f}", f"{p50:.1f}",
                f"{p95:.1f}", f"{size / len(big) * 1000 / 1e6:.2f}")


class _Factory:
    """Picklable: each worker process builds the pipeline itself."""

    def __init__(self, exclude: Iterable[str]) -> None:
        self.exclude = list(exclude)

    def __call__(self) -> Any:
        return default_factory(self.exclude)


if __name__ == "__main__":
    main()
