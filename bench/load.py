"""Bounded local load test of the API: search and article endpoints under concurrency.

What it does, and how to read it:

* **Corpus**: ``--db`` (default ``/tmp/marsad-load.db``, outside the repo). If it holds
  fewer than ``--n`` articles (default 100,000) it is filled first from the ANT
  multi-source corpus in ``$MARSAD_DATA/news/ant_multisource`` (~27,500 real articles);
  the rest are *replicated* real articles with a small edit (one word dropped and a
  numbered line added), so every copy has its own content id and its own index rows.
  The fill stores articles **without running the analysis pipeline** (the full-text
  index does not depend on the layers); the article endpoint therefore returns light
  documents. This is said in the printed table too.
* **Server**: a real ``marsad serve`` process on a free localhost port (uvicorn, one
  process, its thread pool; one SQLite connection per thread, WAL mode).
* **Load**: ``--clients`` (20) asyncio clients with httpx for ``--seconds`` (30); each
  request is, at random, ``GET /api/search?q=<2 title words>&limit=10`` or
  ``GET /api/articles/<id>`` of a known id. Reports requests, throughput, p50/p95/p99
  latency and errors (any non-2xx or transport failure) per endpoint.

The client and the server share the machine, so numbers are lower bounds.

Usage: ``.venv/bin/python bench/load.py [--n 100000] [--seconds 30] [--clients 20] [--db PATH]``
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx
from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
console = Console()


def data_dir() -> Path:
    return Path(os.environ.get("MARSAD_DATA", ROOT.parent / "shared" / "data"))


def fill(db: str, n: int) -> str:
    """Make sure ``db`` holds ``n`` articles; returns a note on how it was built."""
    from marsad.ingest.readers import RawRecord, read_paths
    from marsad.ingest.runner import to_article
    from marsad.store.base import open_store

    with open_store(db) as store:
        have = store.count("articles")
        if have >= n:
            return f"existing DB with {have:,} articles"
        src = data_dir() / "news" / "ant_multisource"
        if not src.is_dir():
            raise SystemExit(f"error: {src} not found (set MARSAD_DATA) and {db} holds only {have} articles")
        t0 = time.perf_counter()
        records = [r for r in read_paths([src]) if isinstance(r, RawRecord) and r.text.strip()]
        console.print(f"read {len(records):,} real articles in {time.perf_counter() - t0:.1f}s; filling to {n:,}")
        batch: list = []
        k = 0
        t1 = time.perf_counter()
        start = have
        while have < n:
            for r in records:
                if have + len(batch) >= n:
                    break
                if k == 0:
                    batch.append(to_article(r))
                else:
                    words = r.text.split()
                    drop = (k * 7919) % max(1, len(words))
                    text = " ".join(words[:drop] + words[drop + 1:]) + f"\nتحديث رقم {k}"
                    batch.append(to_article(RawRecord(f"{r.origin}~{k}", text, f"{r.title} ({k})", r.source, r.url,
                                                      r.published, r.byline, {})))
                if len(batch) >= 1000:
                    have = _add_new(store, batch)
                    batch = []
                    console.print(f"  {have:,} articles ({(have - start) / (time.perf_counter() - t1):.0f} new/s)",
                                  end="\r")
            if batch:
                have = _add_new(store, batch)
                batch = []
            k += 1
        total = store.count("articles")
    return (f"built: {len(records):,} real ANT articles + replicated edited copies = {total:,} articles; "
            "stored WITHOUT running the analysis pipeline")


def _add_new(store, batch: list) -> int:  # type: ignore[no-untyped-def]
    """Store the articles of ``batch`` not ingested before (re-runs skip known input)."""
    known = store.known_raw([a.meta["raw_hash"] for a in batch])
    fresh = [a for a in batch if a.meta["raw_hash"] not in known]
    if fresh:
        store.add_articles(fresh)
    return int(store.count("articles"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: str, port: int) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "MARSAD_WRITE_TOKEN"}
    proc = subprocess.Popen([sys.executable, "-m", "marsad", "serve", "--db", db, "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        if proc.poll() is not None:
            raise SystemExit("error: the server exited during start-up")
        try:
            # /openapi.json: ready without building the corpus read model (search needs none)
            if httpx.get(base + "/openapi.json", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    proc.terminate()
    raise SystemExit("error: the server did not start within 60 s")


def make_queries(db: str, count: int, seed: int) -> list[str]:
    """Two-word queries from random stored titles (what an analyst would type)."""
    import sqlite3
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    titles = [r[0] for r in con.execute("SELECT title FROM articles WHERE title IS NOT NULL "
                                        "ORDER BY random() LIMIT ?", (count * 2,))]
    con.close()
    rnd = random.Random(seed)
    out = []
    for t in titles:
        words = [w for w in t.split() if len(w) > 3 and not w.startswith("(")]
        if len(words) >= 2:
            i = rnd.randrange(len(words) - 1)
            out.append(f"{words[i]} {words[i + 1]}")
        if len(out) >= count:
            break
    return out


async def run_load(base: str, queries: list[str], ids: list[str], seconds: float, clients: int,
                   seed: int) -> dict[str, dict[str, list]]:
    stats: dict[str, dict[str, list]] = {e: {"lat": [], "err": []} for e in ("search", "article")}
    deadline = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async def worker(n: int, client: httpx.AsyncClient) -> None:
        rnd = random.Random(seed + n)
        while time.perf_counter() < deadline:
            if rnd.random() < 0.5:
                kind, url, params = "search", "/api/search", {"q": rnd.choice(queries), "limit": 10}
            else:
                kind, url, params = "article", f"/api/articles/{rnd.choice(ids)}", None
            t = time.perf_counter()
            try:
                r = await client.get(url, params=params)
                ok = 200 <= r.status_code < 300
                await r.aread()
                err = None if ok else f"HTTP {r.status_code}"
            except httpx.HTTPError as exc:
                err = type(exc).__name__
            stats[kind]["lat"].append(time.perf_counter() - t)
            if err:
                stats[kind]["err"].append(err)

    async with httpx.AsyncClient(base_url=base, timeout=30, limits=limits) as client:
        await asyncio.gather(*(worker(i, client) for i in range(clients)))
    return stats


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> int:
    ap = argparse.ArgumentParser(description="Bounded load test of marsad serve (search + article).")
    ap.add_argument("--db", default="/tmp/marsad-load.db", help="SQLite file (built if too small)")
    ap.add_argument("--n", type=int, default=100_000, help="articles the DB must hold")
    ap.add_argument("--seconds", type=float, default=30.0, help="load duration")
    ap.add_argument("--clients", type=int, default=20, help="concurrent clients")
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    if not 1 <= args.seconds <= 600 or not 1 <= args.clients <= 200:
        ap.error("--seconds must be 1..600 and --clients 1..200 (this is a bounded test)")
    note = fill(args.db, args.n)
    console.print(note)
    port = free_port()
    proc = start_server(args.db, port)
    base = f"http://127.0.0.1:{port}"
    try:
        queries = make_queries(args.db, 500, args.seed)
        ids: list[str] = []
        with httpx.Client(base_url=base, timeout=60) as c:
            for q in queries[:200]:
                ids += [h["id"] for h in c.get("/api/search", params={"q": q, "limit": 5}).json()["results"]]
        ids = list(dict.fromkeys(ids))
        if not queries or not ids:
            raise SystemExit("error: no queries or ids to load-test with")
        # one client, one request at a time: the server's own cost, without queueing
        sequential = asyncio.run(run_load(base, queries, ids, min(10.0, args.seconds), 1, args.seed + 1))
        t = time.perf_counter()
        stats = asyncio.run(run_load(base, queries, ids, args.seconds, args.clients, args.seed))
        elapsed = time.perf_counter() - t
    finally:
        proc.terminate()
        proc.wait(timeout=15)
    table = Table(title=f"marsad serve load test: {args.clients} clients, {elapsed:.1f}s, "
                        f"{args.n:,} articles (SQLite)")
    for col in ("endpoint", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "max ms", "errors"):
        table.add_column(col, justify="right")
    all_lat: list[float] = []
    all_err: list[str] = []
    for kind, s in stats.items():
        lat, err = s["lat"], s["err"]
        all_lat += lat
        all_err += err
        table.add_row(kind, f"{len(lat):,}", f"{len(lat) / elapsed:.1f}", f"{pct(lat, 50) * 1000:.1f}",
                      f"{pct(lat, 95) * 1000:.1f}", f"{pct(lat, 99) * 1000:.1f}", f"{max(lat, default=0) * 1000:.0f}",
                      str(len(err)))
    table.add_row("all", f"{len(all_lat):,}", f"{len(all_lat) / elapsed:.1f}", f"{pct(all_lat, 50) * 1000:.1f}",
                  f"{pct(all_lat, 95) * 1000:.1f}", f"{pct(all_lat, 99) * 1000:.1f}",
                  f"{max(all_lat, default=0) * 1000:.0f}", str(len(all_err)))
    for kind, s in sequential.items():
        lat = s["lat"]
        table.add_row(f"{kind} (1 client)", f"{len(lat):,}", "", f"{pct(lat, 50) * 1000:.1f}",
                      f"{pct(lat, 95) * 1000:.1f}", f"{pct(lat, 99) * 1000:.1f}",
                      f"{max(lat, default=0) * 1000:.0f}", str(len(s["err"])))
        all_err += s["err"]
    console.print(table)
    console.print(f"load average at the end: {os.getloadavg()[0]:.1f} (2 cores shared with other jobs)")
    console.print(f"corpus: {note}")
    console.print(f"{len(queries)} distinct queries (2 words of stored titles), {len(ids)} distinct article ids; "
                  f"mean latency {statistics.fmean(all_lat) * 1000:.1f} ms")
    if all_err:
        console.print(f"[red]errors: {sorted(set(all_err))}[/red]")
    return 1 if all_err else 0


if __name__ == "__main__":
    raise SystemExit(main())
