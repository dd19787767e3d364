"""Text preparation shared by the cross-article jobs (duplicates, stories).

Duplicate detection must ignore differences that republishing introduces (diacritics,
alef/ya/ta-marbuta spellings, punctuation, tatweel), and story clustering must match
«الليبية» with «ليبيا»-like forms, so both work on *normalised* words. They use the
house normaliser, :func:`marsad.text.normalize.normalize_for_search`, so every part of
Marsad (search, duplicates, stories) agrees on one normal form.
"""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.text.normalize import normalize_for_search

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "0123456789" * 2)


def normalize(text: str) -> str:
    """Normalised form used for every cross-article comparison."""
    return normalize_for_search(text)


def words(text: str) -> list[str]:
    """Normalised words (letters and digits only; punctuation dropped)."""
    return _WORD.findall(normalize(text))


# Function words that carry no topic. Written in normalised form (ة->ه, ى->ي, أ->ا).
STOPWORDS: frozenset[str] = frozenset(["في", "من", "الي", "علي", "عن", "مع", "ان", "او", "ثم", "قد", "لقد", "لا", "لم", "لن", "ما", "ماذا", "هل", "كل", "بعض", "غير", "بين", "حتي", "اذا", "اذ", "كان", "كانت", "يكون", "تكون", "هو", "هي", "هم", "هن", "انا", "نحن", "انت", "هذا", "هذه", "ذلك", "تلك", "هؤلاء", "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "عند", "عندما", "لدي", "منذ", "خلال", "بعد", "قبل", "حول", "ضد", "دون", "تحت", "فوق", "امام", "وراء", "لدى", "كما", "ايضا", "اي", "اية", "الا", "لكن", "بل", "ولكن", "فقط", "جدا", "حيث", "وقال", "قال", "قالت", "وقالت", "واضاف", "اضاف", "واضافت", "اضافت", "واكد", "اكد", "اكدت", "واكدت", "وذكر", "ذكر", "ذكرت", "وذكرت", "واشار", "اشار", "اشارت", "يوم", "اليوم", "امس", "غدا", "العام", "عام", "الماضي", "المقبل", "الجاري", "نحو", "اكثر", "اقل", "وفي", "ومن", "وعلي", "والي", "وعن", "وان", "وهو", "وهي", "به", "بها", "له", "لها", "لهم", "فيه", "فيها", "منه", "منها", "عليه", "عليها", "اليه", "اليها", "عنه", "عنها", "انه", "انها", "لان", "كذلك", "تم", "وتم", "يتم", "الا", "اما", "وكان", "وكانت", "ليس", "ليست", "مثل", "عبر", "وفق", "وفقا", "لدي", "بشان", "اجل", "شان"])


@lru_cache(maxsize=1)
def _stemmer():  # type: ignore[no-untyped-def]
    import Stemmer  # PyStemmer: measured at >1M words/s on this machine

    return Stemmer.Stemmer("arabic")


_PROCLITIC_WA = re.compile(r"^(و|ف)(?=ال)")


_HAMZA_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})


def content_terms(text: str) -> list[str]:
    """Stemmed content words: the vocabulary of story similarity.

    The Snowball stemmer needs ة and ى to recognise suffixes («المدينة» -> مدين, but
    «المدينه» stays مدينه), so we stem words with only diacritics and hamza-alef
    folded, and fold the stems afterwards. PyStemmer leaves a leading و/ف before the
    article ال («والبريطانيين»), which we strip first so «والحكومة» and «الحكومة» meet.
    """
    light = _light_fold(text)
    raw = [w for w in _WORD.findall(light) if len(w) > 1 and not w.isdigit()]
    raw = [_PROCLITIC_WA.sub("", w) for w in raw]
    raw = [w for w in raw if normalize_for_search(w) not in STOPWORDS]
    stems = (normalize_for_search(s) for s in _stemmer().stemWords(raw))
    return [s for s in stems if len(s) > 1 and s not in STOPWORDS]


def _light_fold(text: str) -> str:
    return _DIACRITICS.sub("", text).translate(_HAMZA_ALEF).translate(_DIGITS).lower()
