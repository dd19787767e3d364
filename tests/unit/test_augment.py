"""Mention replacement for NER training data (marsad.training.augment)."""

from __future__ import annotations

import random

import pytest

from marsad.training.augment import augment, bare_inventory, mentions_of, replace_mentions
from marsad.training.conll import TaggedSentence

# news counts that make «و»/«ل» proclitics of these names and not of «واشنطن»
COUNTS = {"بريطانيا": 900, "القاهره": 800, "فرنسا": 700, "وبريطانيا": 20, "للقاهره": 10,
          "واشنطن": 500, "اشنطن": 0}


def _sent(pairs: list[tuple[str, str]]) -> TaggedSentence:
    return TaggedSentence([t for t, _ in pairs], [g for _, g in pairs], "toy")


def test_mentions_of_reads_iob2_spans_and_a_stray_inside_tag() -> None:
    s = _sent([("قال", "O"), ("محمد", "B-PERS"), ("الزين", "I-PERS"), ("في", "O"), ("ليبيا", "I-LOC")])
    assert mentions_of(s) == [(1, 3, "PERS"), (4, 5, "LOC")]


def test_inventory_keeps_only_names_written_bare() -> None:
    sents = [_sent([("زار", "O"), ("وبريطانيا", "B-LOC")]), _sent([("في", "O"), ("فرنسا", "B-LOC")]),
             _sent([("من", "O"), ("واشنطن", "B-LOC")])]
    inv = bare_inventory(sents, COUNTS)
    assert sorted(inv["LOC"]) == [("فرنسا",), ("واشنطن",)]  # «و» of واشنطن is part of the name


def test_replacement_carries_the_proclitic_and_keeps_labels_aligned() -> None:
    s = _sent([("زار", "O"), ("وبريطانيا", "B-LOC"), ("الوزير", "O")])
    new = replace_mentions(s, {"LOC": [("فرنسا",)]}, COUNTS, 1.0, random.Random(1))
    assert new is not None
    assert new.tokens == ["زار", "وفرنسا", "الوزير"] and new.tags == ["O", "B-LOC", "O"]


def test_lam_before_the_article_drops_its_alef() -> None:
    s = _sent([("عاد", "O"), ("لفرنسا", "B-LOC")])
    new = replace_mentions(s, {"LOC": [("القاهرة",)]}, {**COUNTS, "فرنسا": 900, "لفرنسا": 5}, 1.0,
                           random.Random(1))
    assert new is not None and new.tokens == ["عاد", "للقاهرة"]


def test_longer_name_gets_inside_tags_and_other_words_are_untouched() -> None:
    s = _sent([("قال", "O"), ("الزين", "B-PERS"), ("إن", "O")])
    new = replace_mentions(s, {"PERS": [("محمد", "بن", "سلمان")]}, COUNTS, 1.0, random.Random(1))
    assert new is not None
    assert new.tokens == ["قال", "محمد", "بن", "سلمان", "إن"]
    assert new.tags == ["O", "B-PERS", "I-PERS", "I-PERS", "O"]


def test_nothing_swapped_gives_no_copy() -> None:
    s = _sent([("زار", "O"), ("فرنسا", "B-LOC")])
    assert replace_mentions(s, {"LOC": [("فرنسا",)]}, COUNTS, 1.0, random.Random(1)) is None
    assert replace_mentions(s, {"LOC": [("بريطانيا",)]}, COUNTS, 0.0, random.Random(1)) is None
    assert replace_mentions(s, {}, COUNTS, 1.0, random.Random(1)) is None


def test_augment_returns_only_new_sentences_and_repeats_with_its_seed() -> None:
    sents = [_sent([("زار", "O"), ("فرنسا", "B-LOC")]), _sent([("في", "O"), ("بريطانيا", "B-LOC")]),
             _sent([("لا", "O"), ("اسم", "O")])]
    first = augment(sents, COUNTS, copies=2, rate=1.0, seed=3)
    assert first and all(s.source.endswith("#augmented") for s in first)
    assert all(len(s.tokens) == len(s.tags) for s in first)
    assert [s.tokens for s in first] == [s.tokens for s in augment(sents, COUNTS, copies=2, rate=1.0, seed=3)]
    assert sents[0].tokens == ["زار", "فرنسا"]  # originals unchanged


def test_augment_rejects_bad_settings() -> None:
    with pytest.raises(ValueError):
        augment([], COUNTS, copies=-1)
    with pytest.raises(ValueError):
        augment([], COUNTS, rate=1.5)
