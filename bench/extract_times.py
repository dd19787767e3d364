"""Run the times and numbers stages over ANT articles: counts, speed and a sample to check.

Usage::

    python bench/extract_times.py [--data ../shared/data/news/ant_multisource] [-n 500]
        [--sample 50] [--seed 7] [--show]
    python bench/extract_times.py --places [--anercorp ../shared/data/ner/anercorp] [--show]

``--places`` measures geocoding instead: every gold LOC mention of the ANERcorp
training part is looked up with :func:`marsad.extract.places.geocode` (coverage by
mention and by distinct name, lookups/s, and a sample of hits and misses to check).

Prints a Rich table of counts per kind and articles/s; with ``--show`` it also prints
``--sample`` random time expressions and numbers with their context so a person can
judge precision by eye. The TIME field of each file is the publication date (anchor).
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections import Counter
from email.utils import parsedate_to_datetime
from pathlib import Path

from rich.console import Console
from rich.table import Table

from marsad.extract.numbers import find_numbers
from marsad.extract.places import geocode
from marsad.extract.times import find_times

ROOT = Path(__file__).resolve().parents[1]


def read_ant(path: Path) -> tuple[str, str | None]:
    raw = path.read_text(encoding="utf-8", errors="replace")
    body = re.search(r"<TEXT>\s*(.*?)\s*</TEXT>", raw, re.DOTALL)
    when = re.search(r"<TIME>(.*?)</TIME>", raw)
    published = None
    if when:
        try:
            published = parsedate_to_datetime(when.group(1).strip()).date().isoformat()
        except (TypeError, ValueError):
            published = None
    return (body.group(1) if body else ""), published


def loc_mentions(path: Path) -> list[str]:
    """Gold LOC mentions (B-LOC I-LOC...) of an ANERcorp-style ``token tag`` file."""
    mentions: list[str] = []
    current: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        tag = parts[-1] if len(parts) >= 2 else "O"
        if tag == "I-LOC" and current:
            current.append(parts[0])
            continue
        if current:
            mentions.append(" ".join(current))
            current = []
        if tag == "B-LOC":
            current = [parts[0]]
    if current:
        mentions.append(" ".join(current))
    return mentions


def bench_places(args: argparse.Namespace, console: Console) -> None:
    files = sorted(args.anercorp.glob("*train*.txt"))
    if not files:
        console.print(f"[red]no ANERcorp train file under {args.anercorp}[/red]")
        raise SystemExit(2)
    mentions = loc_mentions(files[0])
    geocode("تهيئة")  # load the gazetteer outside the timing
    t0 = time.perf_counter()
    results = [(m, geocode(m)) for m in mentions]
    elapsed = time.perf_counter() - t0
    hits = sum(g is not None for _, g in results)
    distinct = {m: g for m, g in results}
    dhits = sum(g is not None for g in distinct.values())
    table = Table(title=f"geocode on ANERcorp train LOC mentions ({files[0].name})")
    table.add_column("what")
    table.add_column("value", justify="right")
    table.add_row("mentions found in gazetteer", f"{hits}/{len(results)} ({hits / len(results):.1%})")
    table.add_row("distinct names found", f"{dhits}/{len(distinct)} ({dhits / len(distinct):.1%})")
    kinds = Counter(g["kind"] for _, g in results if g)
    table.add_row("hits: countries / cities", f"{kinds['country']} / {kinds['city']}")
    table.add_row("speed", f"{len(results) / elapsed:,.0f} lookups/s")
    console.print(table)
    if args.show:
        rng = random.Random(args.seed)
        found = [(m, g) for m, g in distinct.items() if g]
        missed = [m for m, g in distinct.items() if not g]
        console.print("\n[bold]HITS[/bold] sample (distinct names)")
        for i, (m, g) in enumerate(rng.sample(found, min(args.sample, len(found)))):
            print(f"{i + 1:2d}. {m} -> {g['name']} {g['country']} {g['kind']} ({g['lat']}, {g['lon']})")
        console.print("\n[bold]MISSES[/bold] sample (distinct names)")
        print(" | ".join(rng.sample(missed, min(args.sample, len(missed)))))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "news" / "ant_multisource")
    ap.add_argument("-n", type=int, default=500)
    ap.add_argument("--sample", type=int, default=50)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--places", action="store_true", help="measure geocoding instead")
    ap.add_argument("--anercorp", type=Path, default=ROOT.parent / "shared" / "data" / "ner" / "anercorp")
    args = ap.parse_args()
    console = Console(width=250)
    if args.places:
        bench_places(args, console)
        return
    files = sorted(args.data.rglob("*.txt"))
    if not files:
        console.print(f"[red]no ANT files under {args.data}[/red]")
        raise SystemExit(2)
    rng = random.Random(args.seed)
    chosen = rng.sample(files, min(args.n, len(files)))
    docs = [read_ant(p) + (p.name,) for p in chosen]
    t0 = time.perf_counter()
    results = []
    for text, published, name in docs:
        times = find_times(text, published)
        numbers = find_numbers(text, times)
        results.append((text, published, name, times, numbers))
    elapsed = time.perf_counter() - t0

    kinds: Counter[str] = Counter()
    resolved: Counter[str] = Counter()
    n_numbers = n_units = n_approx = 0
    for _, _, _, times, numbers in results:
        for t in times:
            kinds[t.kind] += 1
            resolved[t.kind] += t.value is not None
        n_numbers += len(numbers)
        n_units += sum(n.unit is not None for n in numbers)
        n_approx += sum(n.approximate for n in numbers)
    words = sum(len(text.split()) for text, *_ in docs)
    table = Table(title=f"times + numbers on {len(docs)} ANT articles ({words:,} words)")
    table.add_column("what")
    table.add_column("count", justify="right")
    table.add_column("with value", justify="right")
    for kind, count in kinds.most_common():
        table.add_row(f"time: {kind}", str(count), str(resolved[kind]))
    table.add_row("numbers", str(n_numbers), f"unit {n_units}, approx {n_approx}")
    table.add_row("speed", f"{len(docs) / elapsed:.0f} articles/s", f"{words / elapsed:,.0f} words/s")
    console.print(table)

    if args.show:
        all_times = [(t, text, pub, name) for text, pub, name, ts, _ in results for t in ts]
        all_numbers = [(n, text, pub, name) for text, pub, name, _, ns in results for n in ns]
        for label, items in (("TIMES", all_times), ("NUMBERS", all_numbers)):
            console.print(f"\n[bold]{label}[/bold] sample")
            for i, (span, text, pub, name) in enumerate(rng.sample(items, min(args.sample, len(items)))):
                ctx = text[max(0, span.start - 40):span.start] + "[" + span.text + "]" + text[span.end:span.end + 30]
                ctx = ctx.replace("\n", " ")
                extra = f"{getattr(span, 'kind', '')} {span.value} {getattr(span, 'unit', '') or ''}" \
                    f"{' ~' if getattr(span, 'approximate', False) else ''}"
                console.print(f"{i + 1:2d}. pub={pub} {extra} | {ctx}", markup=False, highlight=False)


if __name__ == "__main__":
    main()
