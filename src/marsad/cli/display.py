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


def visual(text: str, enabled: bool) -> str:
    """The display form of ``text``, one line at a time (bidi works per paragraph)."""
    if not enabled or not text:
        return text
    return "\n".join(get_display(arabic_reshaper.reshape(line)) for line in text.split("\n"))
