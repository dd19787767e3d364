"""Throughput of Marsad's Arabic text layer beside PyArabic and a bare ``str.split``.

Usage::

    python bench/text.py [--data ../shared/data/news] [--limit-mb 10] [--repeat 3]

Reads the article bodies (``<TEXT>`` of the ANT ``.txt`` files) under ``--data`` until
``--limit-mb`` megabytes of UTF-8 are loaded (files in a fixed shuffled order, so every
outlet is represented), then times each job article by article, as the pipeline runs
them, keeping the best CPU time of ``--repeat`` runs. Prints MB/s of UTF-8 input and the
time relative to the ``str.split`` floor. The goal for Marsad's normalise + clean + segment is
to stay within 10x of the floor.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))  # measure this checkout, whatever the venv points at

from rich.console import Console
from rich.table import Table

from marsad.model import Article
from marsad.text.normalize import normalize
from marsad.text.segment import split_sentences, tokenize

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "news"
_BODY = re.compile(r"<TEXT>\s*(.*?)\s*</TEXT>", re.DOTALL)

try:  # the cleaning step is written separately; the bench says when it is missing
    from marsad.text.clean import clean_text
except ImportError:  # pragma: no cover - depends on the state of the tree
    clean_text = None  # type: ignore[assignment]

try:
    from pyarabic import araby
except ImportError:  # pragma: no cover
    araby = None  # type: ignore[assignment]


def load_bodies(data: Path, limit_bytes: int) -> list[str]:
    """Article bodies from the ANT files under ``data``, up to ``limit_bytes`` of UTF-8."""
    files = sorted(path for path in data.rglob("*.txt") if path.name not in {"README.txt", "SOURCE.txt"})
    random.Random(2018).shuffle(files)
    bodies: list[str] = []
    total = 0
    for path in files:
        match = _BODY.search(path.read_text(encoding="utf-8", errors="replace"))
        if match is None or not match.group(1).strip():
            continue
        bodies.append(match.group(1))
        total += len(match.group(1).encode("utf-8"))
        if total >= limit_bytes:
            break
    return bodies


def marsad_all(body: str) -> None:
    """What the pipeline's text stages do to one article: clean, normalise, segment."""
    text = clean_text(body).text if clean_text is not None else body
    normalize(text)
    split_sentences(text)
    tokenize(text)


def marsad_stages() -> Callable[[str], object] | None:
    """The pipeline's own clean and segment stages over ``Article`` objects.

    Unlike the bare functions above, this builds what the pipeline keeps: the
    ``Sentence`` and ``Token`` objects (each token with its search form and clitic
    segments), so it is the figure that matters for ``marsad analyze``.
    """
    try:
        from marsad.text.stages import CleanStage, SegmentStage
    except ImportError:  # pragma: no cover - depends on the state of the tree
        return None
    clean, segment = CleanStage(), SegmentStage()

    def run(body: str) -> Article:
        return segment(clean(Article.from_raw(body)))

    return run


def marsad_no_clean(body: str) -> None:
    normalize(body)
    split_sentences(body)
    tokenize(body)


def pyarabic_normalize(body: str) -> str:
    text = araby.strip_tashkeel(body)
    text = araby.strip_tatweel(text)
    text = araby.normalize_alef(text)
    text = araby.normalize_hamza(text)
    return araby.normalize_teh(text)


def pyarabic_all(body: str) -> None:
    """PyArabic doing the same job: its normalisation, sentence splitting and tokens."""
    pyarabic_normalize(body)
    araby.sentence_tokenize(body)
    araby.tokenize(body)


def best_times(jobs: dict[str, Callable[[str], object]], bodies: list[str], repeat: int) -> dict[str, float]:
    """Best CPU time of each job over ``repeat`` rounds.

    CPU time of this process (``time.process_time``), not wall time: on a machine shared
    with other jobs, wall time mostly measures the other jobs. Rounds run every job once
    in turn, so what noise is left hits all jobs alike.
    """
    best = dict.fromkeys(jobs, float("inf"))
    for _ in range(repeat):
        for name, job in jobs.items():
            start = time.process_time()
            for body in bodies:
                job(body)
            best[name] = min(best[name], time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with ANT .txt files")
    parser.add_argument("--limit-mb", type=float, default=10.0, help="megabytes of article text to load")
    parser.add_argument("--repeat", type=int, default=3, help="runs per job; the best is kept")
    args = parser.parse_args(argv)
    console = Console(width=max(Console().width, 110))
    if not args.data.is_dir():
        console.print(f"[red]no data folder at {args.data}[/red] (pass --data)")
        return 2
    bodies = load_bodies(args.data, int(args.limit_mb * 1_000_000))
    if not bodies:
        console.print(f"[red]no ANT .txt articles found under {args.data}[/red]")
        return 2
    megabytes = sum(len(body.encode("utf-8")) for body in bodies) / 1_000_000
    words = sum(len(body.split()) for body in bodies)

    jobs: list[tuple[str, Callable[[str], object] | None, str]] = [
        ("str.split (floor)", str.split, "whitespace split only"),
        (
            "Marsad normalise + clean + segment",
            marsad_all if clean_text is not None else None,
            "the pipeline's text stages",
        ),
        (
            "Marsad clean + segment stages (Article objects)",
            marsad_stages(),
            "Sentence + Token objects with norm, segments",
        ),
        ("Marsad normalise + segment", marsad_no_clean, "no cleaning (same job as PyArabic)"),
        ("  Marsad normalize", normalize, "all default folds"),
        (
            "  Marsad clean_text",
            (lambda b: clean_text(b)) if clean_text is not None else None,
            "boilerplate + spacing",
        ),
        ("  Marsad split_sentences", split_sentences, "sentence spans"),
        ("  Marsad tokenize", tokenize, "token spans"),
        ("PyArabic normalise + sentences + tokens", pyarabic_all if araby else None, "same job, no offsets"),
        (
            "  PyArabic normalise (5 functions)",
            pyarabic_normalize if araby else None,
            "tashkeel tatweel alef hamza teh",
        ),
        ("  PyArabic tokenize", araby.tokenize if araby else None, "token strings"),
        (
            "  PyArabic tokenize_with_location",
            araby.tokenize_with_location if araby else None,
            "with offsets",
        ),
    ]
    timings = best_times({name: job for name, job, _ in jobs if job is not None}, bodies, args.repeat)
    floor = timings["str.split (floor)"]

    table = Table(
        title=f"Arabic text throughput: {len(bodies)} articles, {megabytes:.1f} MB, {words:,} words"
    )
    table.add_column("job")
    table.add_column("MB/s", justify="right")
    table.add_column("k words/s", justify="right")
    table.add_column("x floor time", justify="right")
    table.add_column("note")
    for name, job, note in jobs:
        if job is None:
            table.add_row(name, "-", "-", "-", "skipped: not importable")
            continue
        seconds = timings[name]
        table.add_row(
            name,
            f"{megabytes / seconds:.1f}",
            f"{words / seconds / 1000:,.0f}",
            f"{seconds / floor:.1f}",
            note,
        )
    console.print(table)
    console.print(f"best CPU time of {args.repeat} runs each, one process, Python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
