"""Arabic normalisation for matching and search: named, separately switchable folds.

Arabic spelling varies in ways that carry no meaning for matching: vowel marks are
usually omitted, the hamza seat on alef is written or dropped at will (أحمد / احمد),
final ya is written dotless (على / علي), ta marbuta is often typed as ha (مدرسة /
مدرسه), digits come in three scripts (2018 / ٢٠١٨ / ۲۰۱۸). Each such variation is a
separate *named* operation here, so a caller can say exactly which ones it wants
(CAMeL Tools' charmap idea; the code is Marsad's own).

Every operation is a character map. :func:`normalize` merges the maps of the switched-on
operations into a single ``str.translate`` table, built once per switch combination
and cached, so normalising a whole article is one C-level pass over the string.

Length: :func:`strip_diacritics` and :func:`strip_tatweel` delete characters and
:func:`normalize_punctuation` expands ``…`` to ``...``; all other folds map one
character to one character. :func:`char_fold` applies only the one-to-one folds, so
its output has exactly the input's length and offsets found in it are valid in the
input. :func:`normalize_with_offsets` gives the full normalisation plus, for each
output character, the index of the input character it came from.
"""

from __future__ import annotations

import re
from functools import cache

__all__ = [
    "DIACRITICS",
    "TATWEEL",
    "char_fold",
    "normalize",
    "normalize_alef",
    "normalize_alef_maqsura",
    "normalize_digits",
    "normalize_for_search",
    "normalize_hamza",
    "normalize_punctuation",
    "normalize_ta_marbuta",
    "normalize_with_offsets",
    "strip_diacritics",
    "strip_tatweel",
]

Table = dict[int, "str | None"]


def _span(first: int, last: int) -> str:
    return "".join(chr(c) for c in range(first, last + 1))


#: Harakat and tanwin (U+064B-U+0652), maddah/hamza above and below as combining marks
#: and the other Arabic combining marks up to U+065F, superscript (dagger) alef U+0670,
#: the Quranic honorific and annotation marks (U+0610-U+061A, U+06D6-U+06ED minus the
#: visible end-of-ayah, rub-el-hizb and sajdah signs, U+08D3-U+08FF minus U+08E2).
DIACRITICS: str = (
    _span(0x0610, 0x061A)
    + _span(0x064B, 0x065F)
    + "\u0670"
    + _span(0x06D6, 0x06DC)
    + _span(0x06DF, 0x06E8)
    + _span(0x06EA, 0x06ED)
    + _span(0x08D3, 0x08E1)
    + _span(0x08E3, 0x08FF)
)
#: The kashida used to stretch words for justification (U+0640).
TATWEEL: str = "\u0640"

_DIACRITICS_MAP: Table = {ord(c): None for c in DIACRITICS}
_TATWEEL_MAP: Table = {ord(TATWEEL): None}
# أ إ آ ٱ and the rarer wavy-hamza alefs all become bare alef.
_ALEF_MAP: Table = {ord(c): "\u0627" for c in "\u0623\u0625\u0622\u0671\u0672\u0673"}
# ى (alef maqsura) and the Persian/Urdu yeh ی, which Arabic keyboards also produce at
# word ends, become the dotted Arabic ya ي.
_ALEF_MAQSURA_MAP: Table = {0x0649: "\u064a", 0x06CC: "\u064a"}
_TA_MARBUTA_MAP: Table = {0x0629: "\u0647"}
# Hamza on a seat folds to the seat letter; the standalone hamza ء stays, and alef with
# hamza is the alef fold's business (PyArabic's normalize_hamza turns أ into ء, which
# would make أحمد and احمد differ: deliberately not done here).
_HAMZA_MAP: Table = {0x0624: "\u0648", 0x0626: "\u064a"}
_DIGITS_MAP: Table = {
    **{0x0660 + i: str(i) for i in range(10)},  # Arabic-Indic ٠-٩
    **{0x06F0 + i: str(i) for i in range(10)},  # Extended (Persian/Urdu) ۰-۹
    0x066B: ".",  # ٫ Arabic decimal separator
    0x066C: ",",  # ٬ Arabic thousands separator
}
_PUNCTUATION_MAP: Table = {
    0x060C: ",",  # ، Arabic comma
    0x061B: ";",  # ؛ Arabic semicolon
    0x061F: "?",  # ؟ Arabic question mark
    0x06D4: ".",  # ۔ Arabic full stop (Urdu)
    0x066A: "%",  # ٪ Arabic percent sign
    0x066D: "*",  # ٭ Arabic five-pointed star
    0x2E41: ",",  # ⹁ reversed comma
    0x00AB: '"',  # «
    0x00BB: '"',  # »
    0x201C: '"',  # “
    0x201D: '"',  # ”
    0x201E: '"',  # „
    0x2018: "'",  # ‘
    0x2019: "'",  # ’
    0x2039: '"',  # ‹
    0x203A: '"',  # ›
    0x2010: "-",  # ‐ hyphen
    0x2011: "-",  # non-breaking hyphen
    0x2012: "-",  # figure dash
    0x2013: "-",  # – en dash
    0x2014: "-",  # — em dash
    0x2212: "-",  # − minus sign
    0x2026: "...",  # … (the only fold that lengthens the text)
}

#: The named operations, in the order their switches appear in :func:`normalize`.
_OPERATIONS: dict[str, Table] = {
    "diacritics": _DIACRITICS_MAP,
    "tatweel": _TATWEEL_MAP,
    "alef": _ALEF_MAP,
    "alef_maqsura": _ALEF_MAQSURA_MAP,
    "ta_marbuta": _TA_MARBUTA_MAP,
    "hamza": _HAMZA_MAP,
    "digits": _DIGITS_MAP,
    "punctuation": _PUNCTUATION_MAP,
}


def strip_diacritics(text: str) -> str:
    """Remove harakat, tanwin, shadda, sukun, superscript alef and Quranic marks.

    Diacritics are rare and inconsistent in news, so matching must ignore them.
    Changes the length of the text when any are present.
    """
    return _only("diacritics")(text)


def strip_tatweel(text: str) -> str:
    """Remove the kashida ``ـ`` (a justification stretch, never a letter)."""
    return _only("tatweel")(text)


def normalize_alef(text: str) -> str:
    """Fold أ إ آ ٱ (and wavy-hamza alefs) to bare ا: writers drop the hamza freely."""
    return _only("alef")(text)


def normalize_alef_maqsura(text: str) -> str:
    """Fold ى (and Persian ی) to ي: final ya is typed dotted or dotless at random."""
    return _only("alef_maqsura")(text)


def normalize_ta_marbuta(text: str) -> str:
    """Fold ة to ه: many writers type a final ha for ta marbuta."""
    return _only("ta_marbuta")(text)


def normalize_hamza(text: str) -> str:
    """Fold ؤ to و and ئ to ي; the standalone ء and alef forms are left alone."""
    return _only("hamza")(text)


def normalize_digits(text: str) -> str:
    """Arabic-Indic ٠-٩ and Persian ۰-۹ digits to ASCII 0-9; ٫ to ``.`` and ٬ to ``,``."""
    return _only("digits")(text)


def normalize_punctuation(text: str) -> str:
    """Arabic and typographic punctuation to ASCII (، ؛ ؟ « » “ ” – …) for matching."""
    return _only("punctuation")(text)


@cache
def _table(switches: tuple[bool, ...]) -> Table:
    """The merged translate table for one combination of switches (built once)."""
    merged: Table = {}
    for on, table in zip(switches, _OPERATIONS.values()):
        if on:
            merged.update(table)
    return merged


# Letters folded by plain ``str.replace`` (a C loop at hundreds of MB/s) rather than by
# ``str.translate``, which looks every character up in a dict (~17 MB/s on Arabic).
# Each ``replace`` is one scan of the text, so only letters common in news get one:
# أ إ آ ى ة ؤ ئ. The rare variants (ٱ, wavy-hamza alefs, Persian ی) go with the regex.
_FREQUENT_LETTERS = frozenset("\u0623\u0625\u0622\u0649\u0629\u0624\u0626")
# Below this length ``str.translate`` beats a chain of ``replace`` calls (per-token use).
_SHORT_TEXT = 48


class _Plan:
    """How one switch combination is applied to long text.

    The frequent one-to-one letter folds run as ``str.replace`` calls; the rare
    characters (diacritics, tatweel, non-ASCII digits and punctuation) are found with
    one compiled character-class regex and only the runs found are translated.
    """

    __slots__ = ("pairs", "rare", "table")

    def __init__(self, switches: tuple[bool, ...]) -> None:
        self.table = _table(switches)
        on = dict(zip(_OPERATIONS, switches))
        pairs: list[tuple[str, str]] = []
        rare_chars: list[str] = []
        for name, table in _OPERATIONS.items():
            if not on[name]:
                continue
            for code, target in table.items():
                if chr(code) in _FREQUENT_LETTERS:
                    pairs.append((chr(code), target or ""))
                else:
                    rare_chars.append(chr(code))
        self.pairs = tuple(pairs)
        self.rare = re.compile("[" + re.escape("".join(rare_chars)) + "]+") if rare_chars else None

    def __call__(self, text: str) -> str:
        if len(text) < _SHORT_TEXT:
            return text.translate(self.table)
        for old, new in self.pairs:
            text = text.replace(old, new)
        if self.rare is not None:
            table = self.table
            text = self.rare.sub(lambda match: match.group().translate(table), text)
        return text


@cache
def _plan(switches: tuple[bool, ...]) -> _Plan:
    return _Plan(switches)


def _only(operation: str) -> _Plan:
    """The plan that applies one named operation and nothing else."""
    return _plan(tuple(name == operation for name in _OPERATIONS))


def normalize(
    text: str,
    *,
    diacritics: bool = True,
    tatweel: bool = True,
    alef: bool = True,
    alef_maqsura: bool = True,
    ta_marbuta: bool = True,
    hamza: bool = True,
    digits: bool = True,
    punctuation: bool = False,
) -> str:
    """Apply the switched-on folds in one pass (see the module docstring for each).

    The folds never conflict: no character is mapped by two operations, so the order
    of application does not matter and one merged table gives the same result as
    applying the named functions one after another.
    """
    switches = (diacritics, tatweel, alef, alef_maqsura, ta_marbuta, hamza, digits, punctuation)
    return _plan(switches)(text)


_SEARCH_PLAN = _plan((True,) * len(_OPERATIONS))


def normalize_for_search(text: str) -> str:
    """The matching/search profile: every fold including punctuation, then lower case.

    Use the same function on what is indexed and on queries. Lower-casing makes Latin
    names in Arabic text (CNN, Reuters) match whatever case the query uses.
    """
    return _SEARCH_PLAN(text).lower()


# One-to-one folds only: letters, hamza seats, digits. Used where offsets must survive.
_CHAR_FOLD_PLAN = _plan(
    tuple(name in {"alef", "alef_maqsura", "ta_marbuta", "hamza", "digits"} for name in _OPERATIONS)
)


def char_fold(text: str) -> str:
    """Fold alef, alef maqsura, ta marbuta, hamza seats and digits, strictly 1:1.

    ``len(char_fold(t)) == len(t)`` always, so a span found in the folded text is the
    same span in the original. Diacritics and tatweel are kept (deleting them would
    shift offsets); use :func:`normalize_with_offsets` when they must go too.
    """
    return _CHAR_FOLD_PLAN(text)


def normalize_with_offsets(text: str, **switches: bool) -> tuple[str, list[int]]:
    """Normalise like :func:`normalize` and map every output index back to the input.

    Returns ``(normalised, origin)`` where ``origin[i]`` is the index in ``text`` of
    the character that produced ``normalised[i]``, plus one final entry
    ``origin[len(normalised)] == len(text)`` so that a span ``(s, e)`` of the output
    maps to ``(origin[s], origin[e])`` in the input. News rarely carries diacritics,
    so the common case (nothing deleted or expanded) costs one comparison.
    """
    result = normalize(text, **switches)
    if len(result) == len(text) and "\u2026" not in text:
        return result, list(range(len(text) + 1))
    table = _table(tuple(switches.get(name, name != "punctuation") for name in _OPERATIONS))
    origin: list[int] = []
    for index, char in enumerate(text):
        mapped = table.get(ord(char), char)
        if mapped:
            origin.extend([index] * len(mapped))
    origin.append(len(text))
    return result, origin
