"""Person titles, ranks and offices (اللواء، الرئيس، وزير الخارجية، رئيس الوزراء ...).

A title is *next to* a name, never part of it: in «وزير الخارجية الأمريكي جون كيري»
the person is «جون كيري» and the title «وزير الخارجية الأمريكي». Two shapes occur:

* a **rank or honorific** that stands alone (الرئيس، اللواء، الشيخ، الدكتور، المشير);
* an **office head** that needs its complement (وزير + الخارجية، رئيس + الوزراء،
  الأمين + العام، رئيس + مجلس + النواب).

Either may be followed by definite modifiers (الرئيس **الأمريكي**، وزير الخارجية **السعودي**),
which belong to the title. The functions work on token strings only, so they are tested
without any model; words are compared after :func:`fold` and after removing one
attached conjunction/preposition (والرئيس، للرئيس).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from marsad.training.features import fold

# Ranks and honorifics that make a title on their own (definite form as written in news).
_RANKS = ["الرئيس", "الرئيسة", "اللواء", "العقيد", "العميد", "المشير", "الفريق", "النقيب", "الرائد", "المقدم", "الملازم", "الجنرال", "الأدميرال", "الشيخ", "الشيخة", "الدكتور", "الدكتورة", "د.", "الأستاذ", "الأستاذة", "المهندس", "المهندسة", "الحاج", "الحاجة", "السيد", "السيدة", "الآنسة", "الملك", "الملكة", "الأمير", "الأميرة", "السلطان", "ولي", "الإمام", "البابا", "الكاردينال", "المطران", "البطريرك", "الحاخام", "آية", "القاضي", "المستشار", "النائب", "النائبة", "السفير", "السفيرة", "الوزير", "الوزيرة", "الزعيم", "المرشد", "المبعوث", "المتحدث", "الناطق", "المدرب", "الأمين", "العاهل", "المفتي", "الخليفة", "القائد", "المحافظ", "العمدة", "السيناتور", "المستشارة"]

# Office heads: they name a post only together with what follows (وزير الخارجية).
_HEADS = """
رئيس رئيسة وزير وزيرة نائب نائبة سفير سفيرة قائد قائدة مدير مديرة محافظ محافظة أمين زعيم مبعوث
مستشار مستشارة متحدث ناطق ممثل ممثلة مفوض مفوضة عضو مساعد حاكم ملك أمير ولي رئيس_مجلس
المتحدث الناطق الأمين
""".replace("رئيس_مجلس", "").split()

# Nouns that may stand inside the complement without the article (رئيس مجلس النواب،
# رئيس هيئة الأركان، وزير الدولة لشؤون ...).
_CONSTRUCT = ["مجلس", "هيئة", "أركان", "جهاز", "دولة", "حكومة", "شؤون", "لشؤون", "باسم", "عام", "العام", "وكالة", "منظمة", "حزب", "حركة", "جبهة", "لجنة", "اتحاد", "جامعة", "بنك", "مصرف", "شركة", "الدولة"]

_PROCLITICS = ("و", "ف", "ب", "ل", "ك")
MAX_TITLE_TOKENS = 5


def _folded(words: str | Sequence[str]) -> frozenset[str]:
    items = words.split() if isinstance(words, str) else words
    return frozenset(fold(w) for w in items)


RANKS = _folded(_RANKS)
HEADS = _folded(_HEADS)
CONSTRUCT = _folded(_CONSTRUCT)
TITLE_WORDS = RANKS | HEADS
"""Every folded word that can open a title (shipped into the NER model as a feature)."""


def _forms(token: str) -> tuple[str, ...]:
    """The folded token and its form without one attached proclitic (والرئيس → الرئيس)."""
    key = fold(token)
    forms = [key]
    if len(key) > 3 and key[0] in _PROCLITICS:
        forms.append(key[1:])
        if key.startswith("لل"):
            forms.append("ا" + key[1:])
        if len(key) > 4 and key[0] in "وف" and key[1] in "بلك":
            forms.append(key[2:])
    return tuple(forms)


def is_rank(token: str) -> bool:
    return any(f in RANKS for f in _forms(token))


def is_head(token: str) -> bool:
    return any(f in HEADS for f in _forms(token))


def _is_modifier(token: str) -> bool:
    """A word that can continue a title: a definite word (possibly with a clitic,
    للأمم) or a construct noun (مجلس، هيئة)."""
    forms = _forms(token)
    return any(f.startswith("ال") and len(f) > 3 for f in forms) or forms[0] in CONSTRUCT


def _is_opener(tokens: Sequence[str], j: int, name_start: int) -> bool:
    """A rank, or an office head with at least one complement word before the name."""
    return is_rank(tokens[j]) or (is_head(tokens[j]) and j < name_start - 1)


def title_before(tokens: Sequence[str], name_start: int, lower: int = 0) -> tuple[int, int] | None:
    """Token range ``[i, name_start)`` of the title just before a name, or ``None``.

    Walks left from the name over title-like words (ranks, heads, modifiers), at most
    :data:`MAX_TITLE_TOKENS`, and takes the *nearest* opener, so «التقى الرئيس الأمريكي
    الرئيس الفرنسي ماكرون» gives ماكرون the title «الرئيس الفرنسي». An office head just
    left of that opener joins it (نائب + الرئيس). ``lower`` is the first index the title
    may use (the end of the previous entity, so a title never swallows another name).
    """
    j = name_start - 1
    opener: int | None = None
    while j >= lower and name_start - j <= MAX_TITLE_TOKENS:
        tok = tokens[j]
        if not (_is_modifier(tok) or is_head(tok) or is_rank(tok)):
            break
        if _is_opener(tokens, j, name_start):
            opener = j
            break
        j -= 1
    if opener is None:
        return None
    while opener - 1 >= lower and name_start - opener < MAX_TITLE_TOKENS and is_head(tokens[opener - 1]):
        opener -= 1
    return opener, name_start


def leading_title(tokens: Sequence[str], start: int, end: int) -> int:
    """How many tokens at the start of an entity ``tokens[start:end]`` are a title.

    Used when the tagger put the title inside a person's span (الرئيس باراك أوباما);
    at least one token is always left for the name.
    """
    if end - start < 2:
        return 0
    first = tokens[start]
    if not (is_rank(first) or is_head(first)):
        return 0
    i = start + 1
    while i < end - 1 and i - start < MAX_TITLE_TOKENS and (_is_modifier(tokens[i]) or is_head(tokens[i])):
        i += 1
    if is_head(first) and not is_rank(first) and i == start + 1:
        return 0  # an office head alone is not a title («وزير» before a name is rare)
    return i - start


_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def split_title_clitic(word: str) -> tuple[int, str]:
    """``(skip, display)`` for the first word of a title: ``skip`` characters of the
    word are an attached proclitic (والرئيس → 1) and ``display`` is the readable title
    word without it. For ل + ال written «لل» (للرئيس، وللرئيس) no slice of the word is
    the title word, so ``skip`` is 0 and only ``display`` restores «الرئيس»."""
    clean = _MARKS.sub("", word)
    key = fold(clean)
    if key in TITLE_WORDS:
        return 0, clean
    conj = 1 if len(key) > 3 and key[0] in "وف" else 0
    if key[conj:].startswith("لل") and "ا" + key[conj + 1:] in TITLE_WORDS:
        return 0, "ا" + clean[conj + 1:]
    for k in (1, 2):
        head = _MARKS.sub("", word[:k])
        shape_ok = (k == 1 and head in _PROCLITICS) or (k == 2 and head[:1] in "وف" and head[1:] in "بلك")
        if len(head) == k and shape_ok and fold(word[k:]) in TITLE_WORDS:
            return k, _MARKS.sub("", word[k:])
    return 0, clean
