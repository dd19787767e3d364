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

The second signal is site boilerplate: shingles that occur in very many documents
(menus, share buttons, a template's fixed sentences) are no evidence that two pages
carry the same text. :class:`ShingleFrequency` keeps approximate document frequencies
in a fixed-size hashed counter (memory does not grow with the corpus) so the verifier
can leave such shingles out of the overlap.
"""

from __future__ import annotations

import hashlib
import re
import struct
from collections.abc import Callable, Iterable
from difflib import SequenceMatcher

import numpy as np

from marsad.corpus.textprep import STOPWORDS

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
    cores_a = {word_core(w) for w in words_a}
    cores_b = {word_core(w) for w in words_b}
    matcher = SequenceMatcher(None, words_a, words_b, autojunk=False)
    swaps: list[tuple[str, str]] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "replace" or i2 - i1 > MAX_SLOT_WORDS or j2 - j1 > MAX_SLOT_WORDS:
            continue
        left, right = words_a[i1:i2], words_b[j1:j2]
        only_a = [w for w in left if _is_specific(w, entity_cores) and word_core(w) not in cores_b]
        only_b = [w for w in right if _is_specific(w, entity_cores) and word_core(w) not in cores_a]
        if not only_a or not only_b:
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
