"""eval/gold_agreement.py: which direct quotes two readings disagree on, and how verdicts settle them."""

from __future__ import annotations

from types import ModuleType

import pytest
from eval_script_support import load_eval_script

from marsad.evaluation.gold import GoldArticle, GoldEvent, GoldQuote


def _module() -> ModuleType:
    return load_eval_script("gold_agreement")


def _article(quotes: list[GoldQuote], actor: str | None = "الجيش") -> GoldArticle:
    lead = GoldEvent("attack", actor, "ليبيا", "asserted", 0, 50)
    return GoldArticle("doc1", "news/x.txt", "0" * 64, "ant", "2018-01-01", "fresh1", quotes=quotes,
                       lead_event=lead)


FIRST = _article([GoldQuote(10, 40, "direct", "محمد الزين|اللواء محمد الزين"),  # same in both
                  GoldQuote(50, 90, "direct", "الوزير"),  # other speaker in the second
                  GoldQuote(100, 130, "direct", "المتحدث"),  # only in the first
                  GoldQuote(140, 200, "reported", "الوزير")])  # reported in both: never an item
SECOND = _article([GoldQuote(12, 40, "direct", "الزين"),
                   GoldQuote(50, 88, "direct", "السفير"),
                   GoldQuote(140, 200, "reported", "مصدر"),
                   GoldQuote(210, 240, "direct", "الرئيس")],  # only in the second
                  actor=None)


def test_only_direct_quote_disagreements_become_items_and_options_hide_their_reading() -> None:
    m = _module()
    items = m.disagreements([(FIRST, SECOND)], seed=3)
    assert {(it.first_index, it.second_index) for it in items} == {(1, 1), (2, None), (None, 3)}
    assert len(items) == 3
    for it in items:
        assert sorted(it.source) == ["first", "second"]
        assert all(set(o) == {"kind", "speaker"} for o in it.options)


def test_compare_counts_agreement_in_both_directions() -> None:
    result = _module().compare([(FIRST, SECOND)])
    forward = result["second_vs_first"]["quotes"]["direct"]
    assert forward["tp"] == 2 and forward["fn"] == 1 and forward["right_speaker_recall"] == pytest.approx(1 / 3, abs=1e-3)
    backward = result["first_vs_second"]["quotes"]["direct"]
    assert backward["tp"] == 2 and backward["fn"] == 1
    assert result["second_vs_first"]["lead_event"]["actor_accuracy"] == 0.0


def test_verdicts_settle_the_first_reading() -> None:
    m = _module()
    items = m.disagreements([(FIRST, SECOND)], seed=3)
    key = [{"item": it.n, "doc": it.doc, "options": it.options, "source": it.source,
            "first_index": it.first_index, "second_index": it.second_index} for it in items]
    verdicts = {}
    for it in items:
        if (it.first_index, it.second_index) == (1, 1):
            verdicts[it.n] = {"item": it.n, "verdict": "both"}
        elif it.second_index is None:  # the first reading's extra quote: not a quote
            verdicts[it.n] = {"item": it.n, "verdict": str(it.source.index("second") + 1)}
        else:  # the second reading's extra quote: a quote, by someone else
            verdicts[it.n] = {"item": it.n, "verdict": "other", "kind": "direct", "speaker": "رئيس الحكومة"}
    (out,) = m.adjudicate([(FIRST, SECOND)], key, verdicts)
    assert [(q.start, q.kind, set(q.speakers())) for q in out.quotes] == [
        (10, "direct", {"محمد الزين", "اللواء محمد الزين"}), (50, "direct", {"الوزير", "السفير"}),
        (140, "reported", {"الوزير"}), (210, "direct", {"رئيس الحكومة"})]
    assert out.lead_event == FIRST.lead_event


def test_a_missing_or_unknown_verdict_is_refused() -> None:
    m = _module()
    items = m.disagreements([(FIRST, SECOND)], seed=3)
    key = [{"item": it.n, "doc": it.doc, "options": it.options, "source": it.source,
            "first_index": it.first_index, "second_index": it.second_index} for it in items]
    with pytest.raises(SystemExit, match="no verdict"):
        m.adjudicate([(FIRST, SECOND)], key, {})
    bad = {it.n: {"item": it.n, "verdict": "maybe"} for it in items}
    with pytest.raises(SystemExit, match="not one of"):
        m.adjudicate([(FIRST, SECOND)], key, bad)
