"""What the lead-event selector costs: choosing the lead sentence's main event with the shipped
model beside the hand rule, over ANT articles run through the pipeline once.

Usage::

    python bench/main_event.py [--data ../shared/data/news/ant_multisource] [-n 400] [--repeat 200]

The pipeline runs once per article (not timed); then the choice over each article's
sentence-0 events is timed ``--repeat`` times with each chooser, and the whole events stage
once, so the selector's share of the stage is on the same run. Prints a Rich table.
"""

from __future__ import annotations

import argparse
import time

from ant_sample import add_sample_arguments, analysed_sample
from rich.console import Console
from rich.table import Table

from marsad.extract.events import EventStage
from marsad.extract.main_event import choose_main_event, shipped_model
from marsad.extract.quotes import sentence_bounds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_sample_arguments(parser)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    model = shipped_model()
    if model is None:
        raise SystemExit("no shipped main-event model")
    articles = analysed_sample(args)
    cases = []
    for a in articles:
        bounds = sentence_bounds(a)
        lead = [e for e in a.layer("events") if e.sentence == 0]
        if bounds and lead:
            cases.append((a.text, bounds[0][0], lead, list(a.layer("quotes"))))
    stage = EventStage()
    t0 = time.perf_counter()
    for a in articles:
        stage(a)
    stage_s = time.perf_counter() - t0
    rows = []
    for name, use_model in (("hand rule", False), ("selector", True)):
        t0 = time.perf_counter()
        for _ in range(args.repeat):
            for text, start, events, quotes in cases:
                choose_main_event(text, start, events, quotes, model=model if use_model else None,
                                  use_model=use_model)
        per = (time.perf_counter() - t0) / (args.repeat * max(1, len(cases)))
        rows.append((name, per))
    table = Table(title=f"lead-event choice: {len(articles)} ANT articles, {len(cases)} with lead events, "
                        f"x{args.repeat}")
    for col in ("chooser", "µs per article", "share of the events stage"):
        table.add_column(col)
    stage_per = stage_s / max(1, len(articles))
    for name, per in rows:
        table.add_row(name, f"{per * 1e6:,.1f}", f"{per / stage_per:.1%}")
    table.add_row("whole events stage (once)", f"{stage_per * 1e6:,.1f}", "100%")
    Console().print(table)


if __name__ == "__main__":
    main()
