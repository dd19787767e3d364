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
import time

from ant_sample import add_sample_arguments, analysed_sample
from rich.console import Console
from rich.table import Table

from marsad.extract.quote_fragments import shipped_model
from marsad.extract.quotes import extract_quotes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_sample_arguments(parser)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    model = shipped_model()
    if model is None:
        raise SystemExit("no shipped quote-fragment model")
    articles = analysed_sample(args)
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
