"""The learned speaker check: candidates and their cues, the override, the shipped model, training."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from quote_support import analyse, ent

from marsad.extract.quotes import extract_quotes, speaker_candidates
from marsad.extract.speaker_ranker import (
    SpeakerCandidate,
    SpeakerRankModel,
    choose,
    load_model,
    save_model,
    shipped_model,
)
from marsad.extract.speakers import _Speaker

# the minister speaks; the agency only carried his words, and the premier is who he met
TEXT = ("التقى وزير الخارجية أحمد سالم رئيس الوزراء خالد عمر أمس. "
        "وقال سالم لوكالة الأنباء الرسمية إن المحادثات كانت مثمرة.")


def _entities() -> list:
    return [ent(TEXT, "أحمد سالم"), ent(TEXT, "خالد عمر"), ent(TEXT, "وكالة الأنباء الرسمية", "ORG"),
            ent(TEXT.replace("أحمد سالم", "_" * 9), "سالم")]


def _quote(text: str = TEXT):
    art = analyse(text, _entities())
    return art, extract_quotes(art, None, None)


def test_candidates_hold_the_rules_pick_and_the_names_near_the_cue_with_their_cues() -> None:
    art, quotes = _quote()
    assert len(quotes) == 1 and quotes[0].kind == "reported"
    assert "سالم" in (quotes[0].speaker or {}).get("text", "")
    ranked = speaker_candidates(art)
    assert [(r.start, r.end) for r in ranked] == [(quotes[0].start, quotes[0].end)]
    cands = ranked[0].candidates
    picks = [c for c in cands if c.rules]
    assert len(picks) == 1 and "سالم" in picks[0].speaker.text
    assert "src=rules" not in picks[0].features  # who picked it is never a cue
    names = {c.speaker.entity or c.speaker.text for c in cands}
    assert {"خالد عمر", "وكالة الأنباء الرسمية"} <= names
    agency = next(c for c in cands if c.speaker.text.startswith("وكالة"))
    assert agency.features["type=ORG"] == 1.0 and agency.features["where=after_cue"] == 1.0
    assert agency.features.get("after_preposition") == 1.0 or agency.features.get("governed") == 1.0
    premier = next(c for c in cands if "خالد" in c.speaker.text)
    assert premier.features["where=back1"] == 1.0 and premier.features["type=PERS"] == 1.0


def test_a_model_replaces_the_pick_only_past_its_margin() -> None:
    art, plain = _quote()
    favour_org = SpeakerRankModel({"type=ORG": 3.0}, 1.0)
    changed = extract_quotes(art, None, favour_org)
    assert [q.text for q in changed] == [q.text for q in plain]
    sp = changed[0].speaker or {}
    assert sp.get("text", "").startswith("وكالة") and sp.get("ranked") is True
    too_far = SpeakerRankModel({"type=ORG": 3.0}, 5.0)
    assert extract_quotes(art, None, too_far)[0].speaker == plain[0].speaker


def test_choose_keeps_a_quote_without_a_rules_pick_as_it_is() -> None:
    model = SpeakerRankModel({"good": 5.0}, 0.0)
    alone = SpeakerCandidate(_Speaker("س", 0, 1, "person", None), {"good": 1.0})
    assert choose(model, [alone]) is None
    pick = SpeakerCandidate(_Speaker("ص", 2, 3, "person", None), {}, rules=True)
    assert choose(model, [pick, alone]) is alone
    assert choose(SpeakerRankModel({"good": 5.0}, 6.0), [pick, alone]) is None


def test_model_files_round_trip_and_bad_ones_are_named(tmp_path: Path) -> None:
    model = SpeakerRankModel({"type=PERS": 1.5}, 2.0, {"C": 1.0})
    save_model(model, tmp_path / "m.json")
    assert load_model(tmp_path / "m.json") == model
    assert model.score({"type=PERS": 1.0, "unknown": 1.0}) == 1.5
    (tmp_path / "bad.json").write_text(json.dumps({"format": 2, "weights": {}}), "utf-8")
    with pytest.raises(ValueError, match="bad.json"):
        load_model(tmp_path / "bad.json")
    with pytest.raises(FileNotFoundError):
        load_model(tmp_path / "missing.json")


def test_no_model_ships_so_the_stage_keeps_the_rules_pick() -> None:
    """Measured and not shipped (docs/events.md, "A learned speaker check"): the stage runs the
    rules' speakers unchanged, and the evaluation scores a trained model only when asked."""
    assert shipped_model() is None
    art, plain = _quote()
    assert [q.speaker for q in art.layer("quotes")] == [q.speaker for q in plain]


def test_the_evaluation_scores_a_given_speaker_model(tmp_path: Path) -> None:
    from marsad.evaluation.runner import Analysed, system_quotes

    art, _ = _quote()
    save_model(SpeakerRankModel({"type=ORG": 3.0}, 1.0), tmp_path / "m.json")
    analysed = Analysed(None, art.text, art)  # type: ignore[arg-type]
    before = system_quotes(analysed)
    after = system_quotes(analysed, True, load_model(tmp_path / "m.json"))
    assert [(s.start, s.end) for s in after] == [(s.start, s.end) for s in before]
    assert any("سالم" in x for x in before[0].speaker) and after[0].speaker[0].startswith("وكالة")


def test_training_learns_which_candidates_are_speakers() -> None:
    """Quotes whose right speaker is the person right after the cue and whose rules' pick is
    sometimes a governed organisation: the ranking learns to prefer the person, and the
    cross-validated margin fixes those quotes without breaking the others."""
    pytest.importorskip("sklearn")
    from marsad.training.speaker_ranker import RankExample, cross_validate, fit

    def cand(feats: dict[str, float], rules: bool) -> SpeakerCandidate:
        return SpeakerCandidate(_Speaker("x", 0, 1, "person", None), feats, rules)

    person = {"type=PERS": 1.0, "right_after_cue": 1.0}
    org = {"type=ORG": 1.0, "governed": 1.0}
    examples = []
    for k in range(200):
        rules_wrong = k % 10 == 0
        cands = [cand(person, not rules_wrong), cand(org, rules_wrong)]
        examples.append(RankExample(f"f{k % 8}", f"d{k}", "direct" if k % 2 else "reported", cands,
                                    [True, False]))
    model = fit(examples, 1.0, 0.5)
    assert model.score(person) > model.score(org) + 0.5
    cv = cross_validate(examples, folds=4, c=1.0)
    assert cv["files"] == 8 and sum(cv["quotes"].values()) == 200
    assert sum(cv["rules_right"].values()) == 180 and sum(cv["ranking_alone_right"].values()) == 200
    best = next(r for r in cv["by_margin"] if r["margin"] == cv["chosen_margin"])
    assert best["fixed"] == 20 and best["broken"] == 0
