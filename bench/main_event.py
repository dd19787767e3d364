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
import random
import time
from pathlib import Path

from rich.console import Console
from rich.table import Table

from marsad.evaluation.gold import parse_ant
from marsad.extract.events import EventStage
from marsad.extract.main_event import choose_main_event, shipped_model
from marsad.extract.quotes import sentence_bounds
from marsad.model import Article
from marsad.pipeline import default_pipeline

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "news" / "ant_multisource")
    parser.add_argument("-n", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    files = sorted(args.data.rglob("*.txt"))
    if not files:
        raise SystemExit(f"no ANT files under {args.data}")
    random.Random(args.seed).shuffle(files)
    pipe = default_pipeline()
    model = shipped_model()
    if model is None:
        raise SystemExit("no shipped main-event model")
    articles: list[Article] = []
    for path in files[:args.n]:
        doc = parse_ant(path.read_text(encoding="utf-8", errors="replace"))
        if doc.body.strip():
            articles.append(pipe(Article.from_raw(doc.body, title=doc.title, published=doc.published)))
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
