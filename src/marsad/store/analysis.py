"""The search analyser: the one function that turns text into index terms.

Index and query MUST go through the same analyser, or «الليبية» in a query would never
meet «ليبيا» in a document. Each word is normalised (diacritics and tatweel removed
*before* anything else, because SQLite's unicode61 tokenizer splits Arabic words at
diacritics; alef, ya and ta marbuta forms unified), then light-stemmed: a few proclitics
(و, ال and its prepositional forms) and the common suffixes are removed, never past a
three-letter stem. A light stemmer is preferred to PyStemmer's Arabic stemmer because
the latter is inconsistent on names (بريطانيا -> ريطاني, ليبيا -> ليبي but الليبية -> ليب),
which matters more for news search than root-level recall.

Terms keep a link to the word they came from (:func:`analyse_with_offsets`) so results
can show a snippet of the *original* text with the matching words highlighted.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

# Word characters plus the Arabic combining marks, so a diacritised word stays one word.
_WORD = re.compile(r"[\w\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED]+")
_MARKS = re.compile(r"[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640_]")
_CHAR_MAP = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4",
    "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4",
    "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    "ک": "ك", "ی": "ي", "ﻻ": "لا",
})

# Proclitic article forms, longest first; removed only if a 2+ letter stem remains.
_ARTICLES = ("وال", "فال", "بال", "كال", "لل", "ال")
# Suffixes (after ة->ه), tried once each in this order; a stem keeps >= 3 letters.
_SUFFIXES = ("ها", "ان", "ات", "ون", "ين", "يه", "يا", "ه", "ي")
_MIN_STEM = 3


def _external_normaliser() -> Callable[[str], str] | None:
    """The project's ``normalize_for_search`` when the text layer provides it."""
    try:
        from marsad.text.normalize import normalize_for_search
    except Exception:  # the text layer is optional for the analyser
        return None
    return normalize_for_search


_EXTERNAL = _external_normaliser()


def normalise_word(word: str) -> str:
    """Diacritics/tatweel off first, then unified letter forms, lower-case Latin."""
    word = _MARKS.sub("", word)
    if _EXTERNAL is not None:
        try:
            word = _EXTERNAL(word)
        except Exception:
            pass
        word = _MARKS.sub("", word)
    return word.translate(_CHAR_MAP).lower()


def light_stem(word: str) -> str:
    """Strip و, the article forms and one pass of suffixes (see module docstring)."""
    if len(word) >= 4 and word[0] == "و" and not word.startswith("وال"):
        word = word[1:]
    for art in _ARTICLES:
        if word.startswith(art) and len(word) - len(art) >= 2:
            word = word[len(art):]
            break
    for suf in _SUFFIXES:
        if word.endswith(suf) and len(word) - len(suf) >= _MIN_STEM:
            word = word[: -len(suf)]
    return word


@lru_cache(maxsize=200_000)
def analyse_word(word: str) -> str:
    """The index term of one surface word ('' if nothing is left)."""
    norm = normalise_word(word)
    if not norm:
        return ""
    if norm.isascii():
        return norm
    return light_stem(norm)


def analyse_with_offsets(text: str) -> list[tuple[str, int, int]]:
    """``(term, start, end)`` per word of ``text``, offsets into ``text`` itself."""
    out: list[tuple[str, int, int]] = []
    for m in _WORD.finditer(text):
        term = analyse_word(m.group())
        if term:
            for piece in term.split():
                out.append((piece, m.start(), m.end()))
    return out


def analyse(text: str) -> list[str]:
    """Index terms of ``text`` in order."""
    return [t for t, _, _ in analyse_with_offsets(text)]


def analysed_text(text: str | None) -> str:
    """Terms joined by spaces: what both backends store in their full-text index."""
    return " ".join(analyse(text or ""))


def plain_words(text: str) -> list[str]:
    """Words with only diacritics removed (the no-analysis baseline in bench/)."""
    return [w for w in (_MARKS.sub("", m.group()) for m in _WORD.finditer(text)) if w]
