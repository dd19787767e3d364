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
from collections.abc import Callable

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
# Order matters: the nisba/plural endings go before ان, so لبنان, اللبنانية and
# اللبنانيين all reach the same stem.
_SUFFIXES = ("ها", "يه", "ين", "ون", "ات", "يا", "ي", "ان", "ه")
_MIN_STEM = 3


def _external_normaliser() -> Callable[[str], str] | None:
    """The project's ``normalize_for_search`` when the text layer provides it."""
    try:
        from marsad.text.normalize import normalize_for_search
    except ImportError:  # the text layer is optional for the analyser
        return None
    return normalize_for_search


_EXTERNAL = _external_normaliser()


def _external_clitic_stripper() -> Callable[[str], str] | None:
    """The text layer's ``strip_clitics`` (lexicon-aware: لتونس -> تونس but
    بريطانيا stays), when present; without it only و and the article are stripped."""
    try:
        from marsad.text.segment import strip_clitics
    except ImportError:
        return None
    return strip_clitics


_STRIP_CLITICS = _external_clitic_stripper()


def normalise_word(word: str) -> str:
    """Diacritics/tatweel off first, then unified letter forms, lower-case Latin."""
    word = _MARKS.sub("", word)
    if _EXTERNAL is not None:
        word = _MARKS.sub("", _EXTERNAL(word))
    return word.translate(_CHAR_MAP).lower()


def light_stem(word: str, prefixes: bool = True) -> str:
    """Strip و and the article forms (unless ``prefixes`` is False because clitics were
    already split off), then one pass of suffixes (see module docstring)."""
    if prefixes:
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


_CACHE: dict[str, str] = {}
_CACHE_MAX = 500_000


def _analyse_uncached(word: str) -> str:
    bare = _MARKS.sub("", word)
    split = False
    if _STRIP_CLITICS is not None and bare and not bare.isascii():
        stripped = _STRIP_CLITICS(bare)
        if len(stripped) >= 2:
            bare, split = stripped, True
    norm = normalise_word(bare)
    if not norm:
        return ""
    term = norm if norm.isascii() else light_stem(norm, prefixes=not split)
    return " ".join(term.split())


def analyse_word(word: str) -> str:
    """The index term of one surface word ('' if nothing is left).

    Cached in a plain dict (news vocabularies are Zipfian, so nearly every lookup hits;
    a dict is several times cheaper per call than ``functools.lru_cache``)."""
    term = _CACHE.get(word)
    if term is None:
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        term = _CACHE[word] = _analyse_uncached(word)
    return term


def analyse_with_offsets(text: str) -> list[tuple[str, int, int]]:
    """``(term, start, end)`` per word of ``text``, offsets into ``text`` itself."""
    out: list[tuple[str, int, int]] = []
    get = _CACHE.get
    for m in _WORD.finditer(text):
        word = m.group()
        term = get(word)
        if term is None:
            term = analyse_word(word)
        if not term:
            continue
        if " " in term:
            out.extend((piece, m.start(), m.end()) for piece in term.split())
        else:
            out.append((term, m.start(), m.end()))
    return out


def analysed_text(text: str | None) -> str:
    """Terms joined by spaces: what both backends store in their full-text index.
    (The hot path of indexing: no offsets, one cached lookup per word.)"""
    get = _CACHE.get
    out = []
    for word in _WORD.findall(text or ""):
        term = get(word)
        if term is None:
            term = analyse_word(word)
        if term:
            out.append(term)
    return " ".join(out)


def analyse(text: str) -> list[str]:
    """Index terms of ``text`` in order."""
    return analysed_text(text).split()


def plain_words(text: str) -> list[str]:
    """Words with only diacritics removed (the no-analysis baseline in bench/)."""
    return [w for w in (_MARKS.sub("", m.group()) for m in _WORD.finditer(text)) if w]
