"""Plain-text articles: the title rule.

The first line of a plain-text file is taken as the title only when it looks like
one: it is short, has no sentence-final punctuation, and a blank line follows it.
A lead sentence («يمكن أن تبعث بريطانيا وحدات إلى ليبيا ...») is never swallowed as a
title, because losing the lead is worse than missing a title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_TITLE_CHARS = 150
MAX_TITLE_WORDS = 20
_SENTENCE_FINAL = tuple(".!?؟…:؛")
# first line, its line break, then a line holding only whitespace
_TITLE_BLOCK = re.compile(r"([^\n]*?)\r?\n[ \t\u00a0]*\r?\n")


@dataclass(frozen=True, slots=True)
class PlainText:
    """A plain-text article split into an optional title and the body.

    ``body_offset`` is where the body starts in the original text, so offsets into
    ``body`` can be turned into offsets into the file.
    """

    title: str | None
    body: str
    body_offset: int


def looks_like_title(line: str) -> bool:
    """True for a short line with no sentence-final punctuation."""
    stripped = line.strip().lstrip("\ufeff")
    if not stripped or len(stripped) > MAX_TITLE_CHARS:
        return False
    if len(stripped.split()) > MAX_TITLE_WORDS:
        return False
    return not stripped.endswith(_SENTENCE_FINAL)


def split_title(text: str) -> PlainText:
    """Split ``text`` into title and body by the rule in this module's docstring."""
    block = _TITLE_BLOCK.match(text)
    if block is None or not looks_like_title(block.group(1)):
        return PlainText(None, text, 0)
    return PlainText(block.group(1).strip().lstrip("\ufeff"), text[block.end():], block.end())
