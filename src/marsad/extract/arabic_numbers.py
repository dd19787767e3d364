"""Arabic number words, ordinals and an offset-keeping fold of the text.

Shared by the ``times`` and ``numbers`` stages. Both stages match compiled regexes
over a *folded* copy of the article text (alef/ya/ta-marbuta unified, Arabic-Indic
digits turned into ASCII, diacritics and tatweel dropped) because news spells the
same word many ways (ثلاثة/ثلاثه، أمس/امس، ٢٠١٦/2016). Folding deletes characters,
so :func:`fold` also returns, for every folded character, the offset of the original
character it came from; a match in the folded text maps back to an exact slice of
``Article.text``.

Number words are parsed by :func:`parse_number_words`, a small place-value parser
(units, teens, tens, hundreds, thousands, millions...) written for news Arabic:
«خمسة وعشرون» = 25, «ثلاثة آلاف» = 3000, «مئة وخمسون ألفا» = 150000, «ألفين» = 2000.
Vague plurals («عشرات»، «مئات»، «آلاف») and «عدة/بضعة + plural» count as three of
the unit (Arabic plurals of paucity start at three): «عدة مئات» = 300, «عشرات
الآلاف» = 30000, all flagged approximate.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# ----------------------------------------------------------------------------- fold

_CHAR_MAP = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",
    "ى": "ي", "ة": "ه",
    "٬": ",", "٫": ".", "٪": "%",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ",
}
for _i in range(10):
    _CHAR_MAP[chr(0x0660 + _i)] = str(_i)  # Arabic-Indic digits
    _CHAR_MAP[chr(0x06F0 + _i)] = str(_i)  # Extended (Persian) digits

# Diacritics, superscript alef, tatweel and invisible format characters carry no
# letters; dropping them lets «غداً» match «غدا» and «الـ12» match «ال12».
_DROP = {chr(c) for c in range(0x064B, 0x0653)} | {"\u0670", "\u0640", "\u200c", "\u200d",
                                                     "\u200e", "\u200f", "\u061c"}


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded text and, per folded character, its offset in the original text."""

    text: str
    index: list[int]
    original: str

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original ``(start, end)`` of the folded range ``[start, end)``.

        The end grows over dropped marks that follow the last character (the tanween
        of «غداً», the tatweel of «هـ») so the span holds the whole written word.
        """
        if end <= start:
            pos = self.index[start] if start < len(self.index) else len(self.original)
            return pos, pos
        stop = self.index[end - 1] + 1
        while stop < len(self.original) and self.original[stop] in _DROP:
            stop += 1
        return self.index[start], stop


_TRANSLATE = str.maketrans({**_CHAR_MAP, **{c: None for c in _DROP}})
_DROP_RE = re.compile("[" + "".join(sorted(_DROP)) + "]")


def fold_word(word: str) -> str:
    """Fold one word (or a regex pattern) the same way :func:`fold` folds text."""
    return word.translate(_TRANSLATE)


def fold(text: str) -> Folded:
    """Fold ``text`` for matching, keeping a map back to the original offsets.

    ``str.translate`` does the work in C; the offset map is built from the positions
    of the dropped marks only (most news text has none, and then it is the identity).
    """
    folded = text.translate(_TRANSLATE)
    dropped = [m.start() for m in _DROP_RE.finditer(text)]
    if not dropped:
        return Folded(folded, list(range(len(text))), text)
    index: list[int] = []
    prev = 0
    for pos in dropped:
        index.extend(range(prev, pos))
        prev = pos + 1
    index.extend(range(prev, len(text)))
    return Folded(folded, index, text)


# ------------------------------------------------------------------------ lexicon

_UNITS = {
    "واحد": 1, "واحده": 1,
    "اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
    "ثلاثه": 3, "ثلاث": 3, "اربعه": 4, "اربع": 4, "خمسه": 5, "خمس": 5,
    "سته": 6, "ست": 6, "سبعه": 7, "سبع": 7, "ثمانيه": 8, "ثماني": 8, "ثمان": 8,
    "تسعه": 9, "تسع": 9,
    "احد": 1, "احدي": 1,  # only inside teens («أحد عشر»), see _TEEN_ONLY
}
_TEEN_ONLY = {"احد", "احدي", "اثنا", "اثني", "اثنتا", "اثنتي"}
_TEN = {"عشره": 10, "عشر": 10}
_TENS = {}
for _stem, _v in (("عشر", 20), ("ثلاث", 30), ("اربع", 40), ("خمس", 50), ("ست", 60),
                  ("سبع", 70), ("ثمان", 80), ("تسع", 90)):
    _TENS[_stem + "ون"] = _v
    _TENS[_stem + "ين"] = _v
_HUNDREDS = {"مئه": 100, "مائه": 100, "مئتان": 200, "مئتين": 200, "مائتان": 200, "مائتين": 200,
             "مئتا": 200, "مئتي": 200, "مائتا": 200, "مائتي": 200}
for _stem, _v in (("ثلاث", 3), ("اربع", 4), ("خمس", 5), ("ست", 6), ("سبع", 7),
                  ("ثمان", 8), ("تسع", 9)):
    _HUNDREDS[_stem + "مئه"] = _v * 100
    _HUNDREDS[_stem + "مائه"] = _v * 100
# scale words: singular (multiplies what precedes), dual (a value of its own), plural
_SCALES = {"الف": 1e3, "الفا": 1e3, "مليون": 1e6, "مليونا": 1e6, "مليار": 1e9, "مليارا": 1e9,
           "بليون": 1e9, "بليونا": 1e9, "تريليون": 1e12, "تريليونا": 1e12}
_DUAL_SCALES = {"الفين": 2e3, "الفان": 2e3, "الفي": 2e3, "الفا_": 2e3,
                "مليونين": 2e6, "مليونان": 2e6, "مليوني": 2e6,
                "مليارين": 2e9, "ملياران": 2e9, "ملياري": 2e9}
_DUAL_SCALES.pop("الفا_")
_PLURAL_SCALES = {"الاف": 1e3, "الالاف": 1e3, "ملايين": 1e6, "الملايين": 1e6,
                  "مليارات": 1e9, "المليارات": 1e9, "بلايين": 1e9}
_VAGUE_PLURALS = {"عشرات": 10, "مئات": 100, "مائات": 100, "الاف": 1e3, "ملايين": 1e6,
                  "مليارات": 1e9}
_VAGUE_COUNT = {"عده": 3, "بضع": 3, "بضعه": 3}
PAUCITY = 3
"""The count an Arabic vague plural stands for (plurals of paucity start at three)."""

FRACTIONS = {"نصف": 0.5, "ثلث": 1 / 3, "ربع": 0.25, "ثلثي": 2 / 3, "ثلثا": 2 / 3}

_ALL_WORDS = (set(_UNITS) | set(_TEN) | set(_TENS) | set(_HUNDREDS) | set(_SCALES)
              | set(_DUAL_SCALES) | set(_PLURAL_SCALES) | set(_VAGUE_PLURALS) | set(_VAGUE_COUNT))


def _alternation(words: set[str]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


NUMBER_WORD = f"(?:{_alternation(_ALL_WORDS)})"
"""Regex (folded text) matching one number word, without clitics."""
SCALE_WORD = f"(?:{_alternation(set(_SCALES) | set(_PLURAL_SCALES) | set(_DUAL_SCALES))})"
"""Regex (folded text) matching a scale word that can follow digits («12 مليون»)."""
NUMBER_PHRASE = rf"(?:{NUMBER_WORD}(?!\w)(?:\s+و?{NUMBER_WORD}(?!\w))*)"
"""Regex (folded text) matching a run of number words joined by spaces or «و»."""


def scale_value(word: str) -> float | None:
    """Multiplier of a scale word after digits («مليون» -> 1e6, «آلاف» -> 1e3)."""
    w = fold_word(word)
    if w in _SCALES:
        return _SCALES[w]
    if w in _PLURAL_SCALES:
        return _PLURAL_SCALES[w]
    return None


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    """One number read from a run of words: words ``[first, last)``."""

    first: int
    last: int
    value: float
    approximate: bool


def _strip_conj(word: str) -> tuple[str, bool]:
    if word.startswith("و") and word[1:] in _ALL_WORDS and word not in _ALL_WORDS:
        return word[1:], True
    return word, False


def has_conjunction(word: str) -> bool:
    """True if ``word`` is «و» + a number word («وعشرون»), not a number word itself."""
    return _strip_conj(word)[1]


def _parse_one(words: list[str], i: int) -> ParsedNumber | None:
    """Read the longest well-formed number starting at ``words[i]``."""
    total = 0.0
    group = 0.0  # the part below the last scale word
    last = ""  # class of the last word read
    approximate = False
    j = i
    n = len(words)
    while j < n:
        w, conj = _strip_conj(words[j])
        if j == i:
            conj = False  # a leading «و» joins this number to the sentence, not to a number
        if w in _VAGUE_COUNT and j == i and j + 1 < n and words[j + 1] in _VAGUE_PLURALS:
            # «عدة مئات» / «بضعة آلاف»: three of the plural unit
            nxt = words[j + 1]
            group, last, approximate = PAUCITY * _VAGUE_PLURALS[nxt], "vague", True
            j += 2
            continue
        if w in _VAGUE_PLURALS and not conj and (j == i or last == "vague"):
            if j == i:
                group, last, approximate = PAUCITY * _VAGUE_PLURALS[w], "vague", True
            else:  # «عشرات الآلاف» (folded: عشرات الالاف)
                group *= _VAGUE_PLURALS[w]
            j += 1
            continue
        if last == "vague" and w in _PLURAL_SCALES and not conj:
            group *= _PLURAL_SCALES[w]
            j += 1
            continue
        if w in _UNITS and (w not in _TEEN_ONLY or (j + 1 < n and words[j + 1] in _TEN)):
            if last in ("", "scale") or (conj and last == "hundred"):
                group += _UNITS[w]
                last = "unit"
                j += 1
                continue
            break
        if w in _TEN:
            if not conj and last == "unit" and group % 10 and group % 10 == group % 100:
                group += 10  # teen: «ثلاثة عشر»
                last = "teen"
                j += 1
                continue
            if last in ("", "scale") or (conj and last == "hundred"):
                group += 10
                last = "teen"
                j += 1
                continue
            break
        if w in _TENS:
            if last in ("", "scale") or (conj and last in ("unit", "hundred")):
                group += _TENS[w]
                last = "tens"
                j += 1
                continue
            break
        if w in _HUNDREDS:
            if not conj and last == "unit" and w in ("مئه", "مائه") and group < 10:
                group *= 100  # «ثلاث مئة»
            elif last in ("", "scale"):
                group += _HUNDREDS[w]
            else:
                break
            last = "hundred"
            j += 1
            continue
        if w in _DUAL_SCALES and last in ("", "scale") and not (conj and last == ""):
            total += _DUAL_SCALES[w]
            group, last = 0.0, "scale"
            j += 1
            continue
        if (w in _SCALES or w in _PLURAL_SCALES) and not conj:
            if last == "":
                if w in _PLURAL_SCALES:  # «آلاف» alone: several thousand
                    break
                group = 1.0
            elif last == "scale":
                break
            scale = _SCALES.get(w) or _PLURAL_SCALES[w]
            total += group * scale
            group, last = 0.0, "scale"
            j += 1
            continue
        break
    if j == i:
        return None
    return ParsedNumber(i, j, total + group, approximate)


def parse_number_words(words: list[str]) -> list[ParsedNumber]:
    """Split a run of folded words into the numbers it holds.

    The first word must be free of clitics; later words may carry the «و» that joins
    the parts of one number. A run that is not one number («ثلاثة وأربعة») gives
    several; words that do not start a number are skipped.
    """
    found: list[ParsedNumber] = []
    i = 0
    while i < len(words):
        parsed = _parse_one(words, i)
        if parsed is None:
            i += 1
            continue
        found.append(parsed)
        i = parsed.last
    return found


def words_value(phrase: str) -> float | None:
    """Value of a whole phrase of number words, or None if it is not exactly one number."""
    words = fold_word(phrase).split()
    parsed = parse_number_words(words)
    if len(parsed) == 1 and parsed[0].first == 0 and parsed[0].last == len(words):
        return parsed[0].value
    return None


# ----------------------------------------------------------------------- ordinals

_ORDINAL_UNITS = {
    "الاول": 1, "الاولي": 1, "الحادي": 1, "الثاني": 2, "الثانيه": 2, "الثالث": 3, "الثالثه": 3,
    "الرابع": 4, "الرابعه": 4, "الخامس": 5, "الخامسه": 5, "السادس": 6, "السادسه": 6,
    "السابع": 7, "السابعه": 7, "الثامن": 8, "الثامنه": 8, "التاسع": 9, "التاسعه": 9,
}


def _build_ordinals() -> dict[str, int]:
    table: dict[str, int] = {}
    for w, v in _ORDINAL_UNITS.items():
        if w != "الحادي":
            table[w] = v
    table.update({"العاشر": 10, "العاشره": 10})
    for w, v in _ORDINAL_UNITS.items():
        if w in ("الاول", "الاولي"):
            continue
        table[f"{w} عشر"] = 10 + v
        table[f"{w} عشره"] = 10 + v
    for tens_word, tens in (("العشرين", 20), ("الثلاثين", 30)):
        table[tens_word] = tens
        for w, v in _ORDINAL_UNITS.items():
            if w in ("الاول", "الاولي"):
                continue
            if tens + v <= 31:
                table[f"{w} و{tens_word}"] = tens + v
    return table


ORDINALS = _build_ordinals()
"""Folded day ordinals 1..31 («العاشر» = 10, «الحادي والعشرين» = 21)."""
ORDINAL_DAY = f"(?:{_alternation(set(ORDINALS))})"
"""Regex (folded) for a day ordinal."""

__all__ = [
    "FRACTIONS",
    "NUMBER_PHRASE",
    "NUMBER_WORD",
    "ORDINALS",
    "ORDINAL_DAY",
    "PAUCITY",
    "SCALE_WORD",
    "Folded",
    "ParsedNumber",
    "fold",
    "fold_word",
    "has_conjunction",
    "parse_number_words",
    "scale_value",
    "words_value",
]
