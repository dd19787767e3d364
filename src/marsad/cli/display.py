"""Showing Arabic in a terminal.

Most terminals lay text out left to right and do not join Arabic letters, so Arabic
prints reversed and broken. When the output is a terminal (or ``MARSAD_BIDI=1``),
lines are shaped (arabic-reshaper) and reordered for display (python-bidi, the
Unicode bidirectional algorithm) before Rich prints them. Piped output and JSON are
never touched: they stay in logical order, which is what programs expect.
"""

from __future__ import annotations

import os
import sys
import textwrap

import arabic_reshaper
from bidi import get_display
from rich.console import Console


def bidi_wanted(console: Console | None = None) -> bool:
    """Reorder for display? ``MARSAD_BIDI`` (1/0) wins; otherwise only on a terminal."""
    setting = os.environ.get("MARSAD_BIDI")
    if setting is not None:
        return setting.strip() not in {"", "0", "false", "no"}
    if console is not None:
        return console.is_terminal
    return sys.stdout.isatty()


def visual(text: str, enabled: bool, width: int | None = None) -> str:
    """The display form of ``text``, one line at a time.

    Lines are wrapped to ``width`` *before* reordering: wrapping a line that is already
    in visual order would put its first words on the last screen line.
    """
    if not enabled or not text:
        return text
    lines: list[str] = []
    for paragraph in text.split("\n"):
        pieces = textwrap.wrap(paragraph, width) if width and paragraph else [paragraph]
        lines.extend(get_display(arabic_reshaper.reshape(line)) for line in pieces)
    return "\n".join(lines)
