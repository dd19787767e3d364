"""Offset-exact spacing repair for cleaned Arabic text.

The second pass of :func:`marsad.text.clean.clean_text`. The first pass (boilerplate
removal) leaves an intermediate text made of :class:`Pieces` of the raw text and of
characters cleaning wrote itself; :func:`repair_spacing` then writes the final text
into a :class:`~marsad.model.TextBuilder`, copying every kept character from the raw
text so the offset map stays exact:

* ``\\r\\n`` and lone ``\\r`` become ``\\n``; three or more line breaks become ``\\n\\n``;
* NBSP and other exotic spaces become one space; runs of spaces collapse to one;
* zero-width characters (ZWNJ, ZWJ, LRM/RLM, BOM, bidi controls) are dropped;
* no space before ``، ؛ ؟ ! . :``; a space is added after ``،``/``؛`` glued to a word
  and after ``:`` glued to an Arabic word or a quote;
* leading and trailing blanks of the whole text go; each line loses its own.

Why several small regexes instead of one: CPython's regex engine only skips quickly
through text when a pattern begins with one literal or character class, and this
pass touches every byte of the corpus. A lone space between two words never matches,
so the common case costs no Python at all.
"""

from __future__ import annotations

import bisect
import re

from marsad.model import TextBuilder
from marsad.text import boilerplate as bp

__all__ = ["Pieces", "expand_class", "repair_spacing"]


def expand_class(char_class: str) -> str:
    """Expand a regex character-class body such as ``a-c`` into ``abc`` for str.strip."""
    out: list[str] = []
    i = 0
    while i < len(char_class):
        if i + 2 < len(char_class) and char_class[i + 1] == "-":
            out.extend(chr(c) for c in range(ord(char_class[i]), ord(char_class[i + 2]) + 1))
            i += 3
        else:
            out.append(char_class[i])
            i += 1
    return "".join(out)


_BLANK_CHARS = expand_class(bp.BLANKS)




class Pieces:
    """The intermediate text of pass 1 as pieces, so pass 2 can map back to raw."""

    def __init__(self, raw: str, cuts: list[tuple[int, int, str]]) -> None:
        """``cuts`` are sorted ``(start, end, replacement)`` ranges of ``raw`` to replace."""
        self.raw = raw
        self.starts: list[int] = []  # start of each piece in the intermediate text
        self.raw_starts: list[int] = []  # raw start of a copied piece, -1 for an insert
        self.raw_at: list[int] = []  # raw position an inserted piece stands for
        parts: list[str] = []
        size = 0
        prev = 0
        for start, end, replacement in cuts:
            if start < prev:
                continue
            size = self._add(parts, size, raw[prev:start], prev, prev)
            size = self._add(parts, size, replacement, -1, start)
            prev = end
        self._add(parts, size, raw[prev:], prev, prev)
        self.text = "".join(parts)

    def _add(self, parts: list[str], size: int, piece: str, raw_start: int, raw_at: int) -> int:
        if piece:
            self.starts.append(size)
            self.raw_starts.append(raw_start)
            self.raw_at.append(raw_at)
            parts.append(piece)
        return size + len(piece)

    def copy(self, builder: TextBuilder, a: int, b: int) -> None:
        """Copy intermediate ``[a, b)`` into the builder, piece by piece."""
        if a >= b:
            return
        k = bisect.bisect_right(self.starts, a) - 1
        while a < b:
            piece_end = self.starts[k + 1] if k + 1 < len(self.starts) else len(self.text)
            stop = min(b, piece_end)
            if self.raw_starts[k] >= 0:
                offset = self.raw_starts[k] - self.starts[k]
                builder.copy(a + offset, stop + offset)
            else:
                builder.insert(self.text[a:stop], self.raw_at[k])
            a = stop
            k += 1

    def raw_position(self, a: int) -> int:
        if not self.starts or a >= len(self.text):
            return len(self.raw)
        k = bisect.bisect_right(self.starts, a) - 1
        if self.raw_starts[k] >= 0:
            return self.raw_starts[k] + a - self.starts[k]
        return self.raw_at[k]

    def is_copied(self, a: int) -> bool:
        k = bisect.bisect_right(self.starts, a) - 1
        return self.raw_starts[k] >= 0


# Spacing sites are found with a few *simple* patterns rather than one alternation:
# CPython's regex engine skips ahead quickly only when a pattern starts with one
# literal or character class, and this pass runs over every byte of the corpus.
_ALL_BLANKS = f"{bp.BLANKS}\\r\\n{bp.OTHER_BREAKS}"
_NONSPACE_BLANKS = f"\\r\\n{bp.OTHER_BREAKS}{bp.EXOTIC_SPACES}{bp.INVISIBLES}"
_BLANK_RUN = re.compile(rf"[{_NONSPACE_BLANKS}][{_ALL_BLANKS}]*")  # newlines, NBSP, invisibles
_MULTI_SPACE = re.compile(r"  +")
_SPACE_BEFORE_PUNCT = re.compile(rf" (?=[{bp.NO_SPACE_BEFORE}])")
_GLUED_COMMA = re.compile(r"[،؛](?=[^\W\d_])")  # «،» glued to the next word
_GLUED_COLON = re.compile(r":(?=[\u0621-\u064a«])")  # «:» glued to an Arabic word or quote
_SPACE_LIKE = re.compile(rf"[ {bp.EXOTIC_SPACES}]")
_OTHER_BREAK = re.compile(f"[{bp.OTHER_BREAKS}]")


def _spacing_sites(text: str, lo: int, hi: int) -> list[tuple[int, int, bool]]:
    """Sorted, disjoint ``(start, end, is_blank_run)`` sites that need a change."""
    runs: list[tuple[int, int]] = []
    for m in _BLANK_RUN.finditer(text, lo, hi):
        a = m.start()
        while a > lo and text[a - 1] == " ":  # "word \n": the space goes with the newline
            a -= 1
        runs.append((a, m.end()))
    runs.extend(m.span() for m in _MULTI_SPACE.finditer(text, lo, hi))
    runs.extend(m.span() for m in _SPACE_BEFORE_PUNCT.finditer(text, lo, hi))
    runs.sort()
    sites: list[tuple[int, int, bool]] = []
    for a, b in runs:
        if sites and a <= sites[-1][1]:
            if b > sites[-1][1]:
                sites[-1] = (sites[-1][0], b, True)
        else:
            sites.append((a, b, True))
    glued = [(m.start(), m.end(), False) for m in _GLUED_COMMA.finditer(text, lo, hi)]
    glued += [(m.start(), m.end(), False) for m in _GLUED_COLON.finditer(text, lo, hi)]
    if glued:
        sites = sorted(sites + glued)
    return sites


def repair_spacing(pieces: Pieces, builder: TextBuilder) -> None:
    text = pieces.text
    strip = _BLANK_CHARS + "\r\n" + expand_class(bp.OTHER_BREAKS)
    lo = len(text) - len(text.lstrip(strip))  # leading and trailing blanks go
    hi = len(text.rstrip(strip))
    prev = lo
    for a, b, is_blank in _spacing_sites(text, lo, hi):
        if not is_blank:
            pieces.copy(builder, prev, b)
            builder.insert(" ", pieces.raw_position(b))
            prev = b
            continue
        run = text[a:b]
        if run == "\n":
            continue  # already what we want
        pieces.copy(builder, prev, a)
        prev = b
        breaks = run.count("\n") + run.count("\r") - run.count("\r\n") + len(_OTHER_BREAK.findall(run))
        if breaks:
            _emit_newlines(pieces, builder, run, a, 1 if breaks == 1 else 2)
        elif text[b] in bp.NO_SPACE_BEFORE:
            continue  # no space before Arabic punctuation
        elif _SPACE_LIKE.search(run):
            k = run.find(" ")
            if k >= 0 and pieces.is_copied(a + k):
                pieces.copy(builder, a + k, a + k + 1)
            else:
                builder.insert(" ", pieces.raw_position(a))
        # a run of invisible characters only: dropped
    pieces.copy(builder, prev, hi)


def _emit_newlines(pieces: Pieces, builder: TextBuilder, run: str, a: int, count: int) -> None:
    """Write ``count`` newlines, copying real '\\n' characters of the run when it has them.

    Newlines the run lacks (a lone CR, NEL or U+2029 stands for one) are inserted
    first, at the run's start, so raw positions never go backwards.
    """
    found: list[int] = []
    k = run.find("\n")
    while k >= 0 and len(found) < count:
        found.append(a + k)
        k = run.find("\n", k + 1)
    if len(found) < count:
        builder.insert("\n" * (count - len(found)), pieces.raw_position(a))
    for position in found:
        if pieces.is_copied(position):
            pieces.copy(builder, position, position + 1)
        else:
            builder.insert("\n", pieces.raw_position(position))
