"""The CoNLL entity-level scorer on hand-made cases."""

from __future__ import annotations

import pytest

from marsad.training.scoring import Scores, score, tag_spans


def test_spans_follow_conlleval_chunking() -> None:
    assert tag_spans(["B-PERS", "I-PERS", "O", "B-LOC"]) == [(0, 2, "PERS"), (3, 4, "LOC")]
    # I- after O opens an entity; I- of another type opens a new one
    assert tag_spans(["O", "I-ORG", "I-ORG", "I-LOC"]) == [(1, 3, "ORG"), (3, 4, "LOC")]
    # B- right after B- of the same type: two entities
    assert tag_spans(["B-LOC", "B-LOC", "I-LOC"]) == [(0, 1, "LOC"), (1, 3, "LOC")]
    assert tag_spans(["I-MISC"]) == [(0, 1, "MISC")]
    assert tag_spans([]) == []


def test_exact_match_needs_type_and_both_boundaries() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC", "O", "B-ORG", "I-ORG"]]
    pred = [["B-PERS", "O", "O", "B-ORG", "O", "B-ORG", "I-ORG"]]
    s = score(gold, pred)
    # PERS boundary wrong, LOC typed ORG, ORG exact: 1 of 3 right, 1 of 3 found
    assert s.tp == {"ORG": 1}
    assert s.micro == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    per = s.per_type()
    assert per["ORG"]["precision"] == pytest.approx(0.5) and per["ORG"]["recall"] == 1.0
    assert per["LOC"] == {"precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1}
    assert per["PERS"]["support"] == 1 and per["PERS"]["f1"] == 0.0


def test_perfect_and_empty_predictions() -> None:
    gold = [["B-LOC", "O"], ["O", "B-PERS"]]
    assert score(gold, gold).f1 == 1.0
    empty = score(gold, [["O", "O"], ["O", "O"]])
    assert empty.micro == (0.0, 0.0, 0.0)
    nothing = score([["O"]], [["O"]])
    assert nothing.micro == (0.0, 0.0, 0.0) and nothing.tokens == 1


def test_micro_f1_pools_counts_across_types_and_sentences() -> None:
    s = Scores()
    s.add(["B-LOC", "O", "B-LOC"], ["B-LOC", "O", "O"])        # tp 1, pred 1, gold 2
    s.add(["B-PERS", "I-PERS"], ["B-PERS", "I-PERS"])          # tp 1, pred 1, gold 1
    s.add(["O", "O"], ["B-MISC", "O"])                         # tp 0, pred 1, gold 0
    p, r, f = s.micro
    assert (p, r) == pytest.approx((2 / 3, 2 / 3))
    assert f == pytest.approx(2 / 3)
    d = s.as_dict()
    assert set(d) == {"precision", "recall", "f1", "per_type"}
    assert set(d["per_type"]) == {"LOC", "PERS", "MISC"}


def test_length_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError, match="tags"):
        Scores().add(["O", "O"], ["O"])
    with pytest.raises(ValueError, match="sentences"):
        score([["O"]], [])


def test_document_propagation_tags_repeated_names() -> None:
    from marsad.training.ner import propagate_names

    sentences = [["فاز", "البنك", "التجاري", "على", "الشمال"],
                 ["وقال", "مدرب", "البنك", "التجاري", "إن", "الشمال", "قوي"],
                 ["البنك", "التجاري", "العربي"]]
    tags = [["O", "B-ORG", "I-ORG", "O", "B-ORG"],
            ["O", "O", "O", "O", "O", "O", "O"],
            ["O", "O", "B-MISC"]]

    def key(tokens, s, e):  # type: ignore[no-untyped-def]
        return tuple(tokens[s:e])

    def reliable(k):  # type: ignore[no-untyped-def]
        return len(k) > 1  # a single frequent word such as الشمال is not propagated

    out = propagate_names(sentences, tags, key, reliable)
    assert out[0] == tags[0]
    assert out[1] == ["O", "O", "B-ORG", "I-ORG", "O", "O", "O"]
    assert out[2] == ["B-ORG", "I-ORG", "B-MISC"]  # an entity after the name is kept
    assert propagate_names([["x"]], [["O"]], key, reliable) == [["O"]]


def test_document_propagation_knows_a_person_by_the_last_name() -> None:
    from marsad.training.ner import propagate_names

    sentences = [["وقال", "صامويل", "إيتو", "إن"], ["وأضاف", "إيتو", "أن"]]
    tags = [["O", "B-PERS", "I-PERS", "O"], ["O", "O", "O"]]
    out = propagate_names(sentences, tags, lambda t, s, e: tuple(t[s:e]), lambda k: True)
    assert out[1] == ["O", "B-PERS", "O"]


def test_document_propagation_admits_a_frequent_surname_only_where_it_is_plain() -> None:
    """Round 37: «دونالد ترامب» … «وانتقد ترامب»: a surname too frequent for the one-word rule
    is still propagated when the tagger's own ``surname`` check admits it — but never into a
    token with a proclitic other than و («لترامب» may be "to Trump" or a word like «لصالح»)."""
    from marsad.training.ner import propagate_names

    sentences = [["قال", "دونالد", "ترامب"], ["وانتقد", "ترامب", "الإعلام"], ["شكرا", "لترامب"]]
    tags = [["O", "B-PERS", "I-PERS"], ["O", "O", "O"], ["O", "O"]]

    def key(tokens, s, e):  # type: ignore[no-untyped-def]
        return (tokens[s].removeprefix("ل"), *tokens[s + 1:e])

    def reliable(k):  # type: ignore[no-untyped-def]
        return len(k) > 1  # ترامب alone is too frequent

    assert propagate_names(sentences, tags, key, reliable)[1] == ["O", "O", "O"]
    out = propagate_names(sentences, tags, key, reliable, lambda t, i, k: True, lambda tok: not tok.startswith("ل"))
    assert out[1] == ["O", "B-PERS", "O"]
    assert out[2] == ["O", "O"]


def test_the_shipped_tagger_refuses_compound_name_tails_as_surnames() -> None:
    from marsad.extract.ner_neural import NN_MODEL_DIR, load_ner

    tagger = load_ner(NN_MODEL_DIR)
    assert tagger._surname(["دونالد", "ترامب"], 1, ("ترامب",))
    assert not tagger._surname(["حسن", "نصر", "الله"], 2, ("الله",))
    assert not tagger._surname(["عبد", "العزيز"], 1, ("العزيز",))
    assert not tagger._surname(["محمد", "علي"], 1, ("علي",))  # folds like the preposition على
    assert not tagger._surname(["نبيل", "العربي"], 1, ("العربي",))  # a definite word: an adjective too
    assert tagger._plain("وترامب") and not tagger._plain("لترامب")
