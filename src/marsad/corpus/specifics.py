"""Evidence that two near-identical texts are *different* releases, not copies.

Ministries and agencies publish templated releases: the same royal cable for another
country's national day, the same execution statement for another region and culprit,
the same announcement for another governorate. Their word shingles overlap as much as
a republished copy's, so shingle similarity alone calls them duplicates (they were the
main false positives on SaudiNewsNet). What separates them is the *specifics*: a
republished copy keeps the names, places and numbers of its original (it may drop a
paragraph, add a header, re-spell a transliterated name), while a templated release
swaps them *inside otherwise identical wording*. We therefore align the two word
sequences and count the short replaced runs whose words on both sides are specific
(numbers, entity words, non-function words) and appear nowhere in the other text;
spelling variants («كومينتانغ»/«كومينتانج», «١٥»/«15», «عبد الله»/«عبدالله») are not
counted. Inserted or deleted blocks (headers, footers, «اقرأ أيضا» lists, dropped
paragraphs) are not swaps and never count.

Numbers are the sharpest specifics: the fourth relief flight and the fifth, yesterday's
weather and today's, differ only in an ordinal or a few figures, and those look alike
as characters («الرابعة»/«الخامسة», «18 38»/«15 35»), so a spelling test would excuse
them. A slot where both sides hold a number (digits, or a cardinal/ordinal word) and
the values differ is therefore always a swap, even when the other text uses that value
elsewhere («الدفعة الثالثة من المعونة الثانية»). A slot where one place name of the
shipped gazetteer replaces another is a swap too, so a template re-issued for another
region («حائل»/«الباحة») is caught without the NER stage; both sides must be places,
because some place names are also common words («العين», «الخبر»).

The second signal is site boilerplate: shingles that occur in very many documents
(menus, share buttons, a template's fixed sentences) are no evidence that two pages
carry the same text. :class:`ShingleFrequency` keeps approximate document frequencies
in a fixed-size hashed counter (memory does not grow with the corpus) so the verifier
can leave such shingles out of the overlap.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import struct
from collections.abc import Callable, Iterable
from difflib import SequenceMatcher
from functools import lru_cache
from importlib import resources

import numpy as np

from marsad.corpus.textprep import STOPWORDS, words

# a replaced run longer than this (on either side) is rewritten or inserted prose, not a slot
MAX_SLOT_WORDS = 4
# two sides this similar (as characters) are a re-spelling, not a different name
SPELLING_SIMILARITY = 0.6
_DIGIT_RUN = re.compile(r"\d+")
_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل")
# honorifics and titles that outlets add or drop freely; swapping them is not a new release
_EDITORIAL = frozenset(["معالي", "سمو", "صاحب", "السمو", "الملكي", "فخامه", "الاستاذ", "الدكتور", "د",
                        "الشيخ", "سماحه", "المهندس", "معاليه", "سموه", "فخامته", "سماحته", "حفظه", "الله",
                        "امس", "اليوم", "غدا", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس",
                        "الجمعه", "السبت", "البارحه", "المقبل", "القادم", "الماضي", "الجاري", "ه", "م"])


# cardinal and ordinal number words (normalised: ة->ه, ى->ي, أ->ا), by value
_NUMBER_WORDS: dict[str, int] = {}
for _value, _forms in enumerate([
    "واحد واحده الاول الاولي اولي",
    "اثنان اثنين اثنتان اثنتين اثنتي اثني الثاني الثانيه ثاني ثانيه",
    "ثلاث ثلاثه الثالث الثالثه ثالث ثالثه",
    "اربع اربعه الرابع الرابعه رابع رابعه",
    "خمس خمسه الخامس الخامسه خامس خامسه",
    "ست سته السادس السادسه سادس سادسه",
    "سبع سبعه السابع السابعه سابع سابعه",
    "ثمان ثماني ثمانيه الثامن الثامنه ثامن ثامنه",
    "تسع تسعه التاسع التاسعه تاسع تاسعه",
    "عشر عشره العاشر العاشره عاشر عاشره",
], start=1):
    for _form in _forms.split():
        _NUMBER_WORDS[_form] = _value
for _form, _value in [("عشرون", 20), ("عشرين", 20), ("ثلاثون", 30), ("ثلاثين", 30), ("اربعون", 40),
                      ("اربعين", 40), ("خمسون", 50), ("خمسين", 50), ("ستون", 60), ("ستين", 60),
                      ("سبعون", 70), ("سبعين", 70), ("ثمانون", 80), ("ثمانين", 80), ("تسعون", 90),
                      ("تسعين", 90), ("ميه", 100), ("مايه", 100), ("ميتي", 200), ("ميتان", 200),
                      ("الف", 1000), ("الاف", 1000), ("مليون", 10**6), ("ملايين", 10**6),
                      ("مليار", 10**9), ("مليارات", 10**9)]:
    _NUMBER_WORDS[_form] = _value


def number_value(word: str) -> str | None:
    """The number a word stands for, as a digit string («الخامسه» -> "5", «12» -> "12")."""
    if word.isdigit():
        return word.lstrip("0") or "0"
    for candidate in (word, word_core(word), word[1:] if word[:1] in "وبل" else word):
        if candidate in _NUMBER_WORDS:
            return str(_NUMBER_WORDS[candidate])
    return None


# town names that are everyday words too («العين» eye, «الخبر» news, «المدينة» city)
_COMMON_PLACE_WORDS = frozenset(["عين", "خبر", "جديد", "مدينه", "نادي", "صور", "جان", "تون", "بيان", "امل", "نور",
                                 "باب", "قصر", "شري"])


@lru_cache(maxsize=1)
def place_cores() -> frozenset[str]:
    """One-word country and city names of the shipped gazetteer, as :func:`word_core` forms."""
    try:
        raw = resources.files("marsad.data").joinpath("gazetteer.json.gz").read_bytes()
        data = json.loads(gzip.decompress(raw))
    except (OSError, ValueError, ModuleNotFoundError):
        return frozenset()
    names: set[str] = set()
    # countries: [code, name, [aliases], lat, lon]; cities: [name, code, lat, lon, population, [aliases]].
    # Main names only: the alias lists hold common words («جديد»).
    for name in [c[1] for c in data.get("countries", [])] + [c[0] for c in data.get("cities", [])]:
        ws = words(str(name)) if name else []
        if len(ws) != 1:
            continue
        # only the article comes off a name: «بالتي» and «لاول» are towns, not «التي» and «اول»
        core = ws[0][2:] if ws[0].startswith("ال") and len(ws[0]) >= 5 else ws[0]
        if len(core) >= 3 and ws[0] not in STOPWORDS and core not in _COMMON_PLACE_WORDS \
                and number_value(ws[0]) is None:
            names.add(core)
    return frozenset(names)


def word_core(word: str) -> str:
    """The word without a leading و/ب/ل/ال, so «وكوريا» and «كوريا» compare equal."""
    for prefix in _PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3:
            return word[len(prefix):]
    return word


def _is_specific(word: str, entity_cores: frozenset[str]) -> bool:
    if any(ch.isdigit() for ch in word):
        return True
    core = word_core(word)
    if core in entity_cores:
        return True
    return len(core) >= 3 and word not in STOPWORDS and core not in STOPWORDS and word not in _EDITORIAL


def _digit_key(run: list[str]) -> list[str]:
    # trailing zeros dropped («11000» ~ «11 الفا») and digits sorted («47ر09» ~ «0947»)
    return sorted("".join(d.rstrip("0") or "0" for d in _DIGIT_RUN.findall(" ".join(run))))


def _same_digits(left: list[str], right: list[str]) -> bool:
    """The same figure written differently (units, separators, order of parts)."""
    runs_a, runs_b = _DIGIT_RUN.findall(" ".join(left)), _DIGIT_RUN.findall(" ".join(right))
    if "".join(runs_a) == "".join(runs_b) or "".join(reversed(runs_a)) == "".join(runs_b):
        return True  # «60.3» with its point dropped, «8ر15» written «15 8»
    return _digit_key(left) == _digit_key(right)


def _notable(run: list[str], entity_cores: frozenset[str], is_rare: Callable[[str], bool]) -> bool:
    return any(any(ch.isdigit() for ch in w) or word_core(w) in entity_cores or is_rare(w) for w in run)


def _similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def specific_swaps(words_a: list[str], words_b: list[str], entities: Iterable[str] = (),
                   is_rare: Callable[[str], bool] | None = None) -> list[tuple[str, str]]:
    """Short runs where one text has specific words and the other has *different* ones.

    ``words_*`` are normalised words (see :func:`marsad.corpus.textprep.words`);
    ``entities`` are normalised entity words of either article (optional; they make a
    frequent word such as a city name count as specific). ``is_rare`` (a corpus word
    frequency test) keeps only swaps where each side has a number, an entity word or a
    rare word: editors swap common words («أكد»/«أوضح»), templates swap names. Returns the swapped runs as
    (text in a, text in b) pairs, for counting and for showing why a pair was rejected.
    """
    entity_cores = frozenset(word_core(w) for w in entities)
    places = place_cores()
    cores_a = {word_core(w) for w in words_a}
    cores_b = {word_core(w) for w in words_b}
    matcher = SequenceMatcher(None, words_a, words_b, autojunk=False)
    swaps: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace" or i2 - i1 > MAX_SLOT_WORDS or j2 - j1 > MAX_SLOT_WORDS:
            continue
        left, right = words_a[i1:i2], words_b[j1:j2]
        values_a = sorted(v for v in map(number_value, left) if v is not None)
        values_b = sorted(v for v in map(number_value, right) if v is not None)
        if values_a and values_b:
            reformatted = _digit_key(left) and _same_digits(left, right)  # «15 8» / «8ر15»
            if values_a != values_b and not reformatted:
                swaps.append((" ".join(left), " ".join(right)))  # another figure or ordinal
            continue
        only_a = [w for w in left if _is_specific(w, entity_cores) and word_core(w) not in cores_b]
        only_b = [w for w in right if _is_specific(w, entity_cores) and word_core(w) not in cores_a]
        if not only_a or not only_b:
            continue
        if (any(word_core(w) in places for w in only_a) and any(word_core(w) in places for w in only_b)
                and _similarity(" ".join(only_a), " ".join(only_b)) < SPELLING_SIMILARITY):
            swaps.append((" ".join(left), " ".join(right)))  # one place for another
            continue
        if is_rare is not None and not (_notable(only_a, entity_cores, is_rare)
                                        and _notable(only_b, entity_cores, is_rare)):
            continue
        digits_a = any(ch.isdigit() for w in only_a for ch in w)
        digits_b = any(ch.isdigit() for w in only_b for ch in w)
        if digits_a != digits_b:
            continue  # «ستة» -> «6»: a number written out, not another number
        if digits_a and _same_digits(left, right):
            continue  # «15 8» -> «8ر15»: the same figure re-formatted
        if max(_similarity(" ".join(only_a), " ".join(only_b)),
               _similarity(" ".join(left), " ".join(right))) >= SPELLING_SIMILARITY:
            continue
        swaps.append((" ".join(left), " ".join(right)))
    return swaps


def _bucket(shingle: str, size: int) -> int:
    return struct.unpack("<Q", hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest())[0] % size


class ShingleFrequency:
    """Approximate document frequency of shingles in a fixed hashed table.

    Collisions can only *raise* a count, so with a table much larger than the number
    of distinct shingles per threshold the error is small (2**22 buckets: ~8 distinct
    shingles per bucket at 100,000 articles, far below a boilerplate threshold of tens
    of documents spread over them). Counts saturate instead of wrapping.
    """

    def __init__(self, buckets: int = 1 << 22) -> None:
        self.size = buckets
        self.counts = np.zeros(buckets, dtype=np.uint16)
        self.n_docs = 0
        self._cache: dict[str, int] = {}

    def indices(self, shingle_set: Iterable[str]) -> np.ndarray:
        return np.fromiter((_bucket(s, self.size) for s in shingle_set), dtype=np.int64)

    def observe(self, shingle_set: set[str]) -> None:
        """Count one document (each shingle once)."""
        if not shingle_set:
            self.n_docs += 1
            return
        idx = np.unique(self.indices(shingle_set))
        room = self.counts[idx] < np.iinfo(np.uint16).max
        self.counts[idx[room]] += 1
        self.n_docs += 1

    def frequent(self, shingle_set: set[str], max_df: int) -> set[str]:
        """The shingles of ``shingle_set`` seen in more than ``max_df`` documents."""
        if not shingle_set:
            return set()
        ordered = list(shingle_set)
        counts = self.counts[self.indices(ordered)]
        return {s for s, c in zip(ordered, counts, strict=True) if int(c) > max_df}
