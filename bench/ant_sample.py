"""The analysed ANT sample two benchmarks share (``main_event.py``, ``quote_fragments.py``):
``-n`` articles of the ANT multi-source corpus in a seeded shuffled order, each run through the
default pipeline once (not timed), so each benchmark times only its own stage's choice."""

from __future__ import annotations

import argparse
import random
from pathlib import Path

from marsad.evaluation.gold import parse_ant
from marsad.model import Article
from marsad.pipeline import default_pipeline

ROOT = Path(__file__).resolve().parents[1]


def add_sample_arguments(parser: argparse.ArgumentParser) -> None:
    """``--data``, ``-n`` and ``--seed``: which articles are drawn."""
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "news" / "ant_multisource")
    parser.add_argument("-n", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)


def analysed_sample(args: argparse.Namespace) -> list[Article]:
    """The drawn articles with every pipeline layer; exits with a message when none are found."""
    files = sorted(args.data.rglob("*.txt"))
    if not files:
        raise SystemExit(f"no ANT files under {args.data}")
    random.Random(args.seed).shuffle(files)
    pipe = default_pipeline()
    articles: list[Article] = []
    for path in files[:args.n]:
        doc = parse_ant(path.read_text(encoding="utf-8", errors="replace"))
        if doc.body.strip():
            articles.append(pipe(Article.from_raw(doc.body, title=doc.title, published=doc.published)))
    return articles
