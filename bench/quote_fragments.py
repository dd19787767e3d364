"""What the learned fragment pass costs: the quote stage with the shipped fragment model beside
the cue rules alone, over ANT articles run through the pipeline once.

Usage::

    python bench/quote_fragments.py [--data ../shared/data/news/ant_multisource] [-n 400] [--repeat 5]

The pipeline runs once per article (not timed); then the quote finder is run ``--repeat``
times over every article with the rules alone and with the fragment pass, alternating, and the
best pass of each is kept (the machine's speed drifts). Prints a Rich table with the time per
article and how many quotes the pass adds.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from marsad.evaluation.gold import parse_ant
from marsad.extract.quote_fragments import shipped_model
from marsad.extract.quotes import extract_quotes
from marsad.model import Article
from marsad.pipeline import default_pipeline

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "news" / "ant_multisource")
    parser.add_argument("-n", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    files = sorted(args.data.rglob("*.txt"))
    if not files:
        raise SystemExit(f"no ANT files under {args.data}")
    model = shipped_model()
    if model is None:
        raise SystemExit("no shipped quote-fragment model")
    random.Random(args.seed).shuffle(files)
    pipe = default_pipeline()
    articles: list[Article] = []
    for path in files[:args.n]:
        doc = parse_ant(path.read_text(encoding="utf-8", errors="replace"))
        if doc.body.strip():
            articles.append(pipe(Article.from_raw(doc.body, title=doc.title, published=doc.published)))
    best = {"rules alone": float("inf"), "with the fragment pass": float("inf")}
    counts = {}
    for _ in range(args.repeat):
        for name, fragments in (("rules alone", None), ("with the fragment pass", model)):
            t0 = time.perf_counter()
            counts[name] = sum(len(extract_quotes(a, fragments)) for a in articles)
            best[name] = min(best[name], time.perf_counter() - t0)
    table = Table(title=f"quote stage: {len(articles)} ANT articles, best of {args.repeat}")
    for col in ("quote finder", "ms per article", "quotes found"):
        table.add_column(col)
    for name, seconds in best.items():
        table.add_row(name, f"{seconds / max(1, len(articles)) * 1e3:,.2f}", f"{counts[name]:,}")
    extra = best["with the fragment pass"] / best["rules alone"] - 1
    Console().print(table)
    Console().print(f"the pass costs {extra:+.1%} of the quote finder's time and adds "
                    f"{counts['with the fragment pass'] - counts['rules alone']:,} quotes")


if __name__ == "__main__":
    main()
