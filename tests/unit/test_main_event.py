"""The lead-event selector: the shipped model, its scoring, its training and its CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_events import analyse

from marsad.evaluation.gold import GoldEvent
from marsad.extract.main_event import (
    NONE_OPTION,
    MainEventModel,
    choose_main_event,
    event_rank,
    load_model,
    option_features,
    options,
    save_model,
    shipped_model,
)
from marsad.model import Event


def _event(start: int, text: str, etype: str, **kw: object) -> Event:
    return Event(start=start, end=start + len(text), text=text, type=etype, **kw)  # type: ignore[arg-type]


def test_the_package_ships_a_selector_with_its_card() -> None:
    model = shipped_model()
    assert model is not None and len(model.weights) > 100
    assert model.none_margin >= 0
    card = Path(__file__).resolve().parents[2] / "src/marsad/models/main_event/MODEL_CARD.md"
    assert "cross-validation" in card.read_text("utf-8").lower()


def test_exactly_one_lead_event_is_main_and_it_is_in_the_lead_sentence() -> None:
    a = analyse("قال الجيش إنه قتل ثلاثة مسلحين في هجوم على قاعدة عسكرية. واعتقلت الشرطة رجلين أمس.")
    events = a.layer("events")
    main = [e for e in events if e.main]
    assert len(main) == 1 and main[0].sentence == 0
    assert any(e.sentence == 1 and not e.main for e in events)


def test_the_flag_travels_through_the_article_json() -> None:
    from marsad.model import Article

    a = analyse("اعتقلت الشرطة رجلا في المدينة أمس.")
    back = Article.from_dict(json.loads(json.dumps(a.to_dict())))
    assert [e.main for e in back.layer("events")] == [e.main for e in a.layer("events")]
    assert any(e.main for e in back.layer("events"))


def test_without_a_model_the_rule_decides() -> None:
    stmt = _event(0, "قال", "statement", source=None)
    kill = _event(20, "قتل", "killing")
    assert choose_main_event("x" * 40, 0, [stmt, kill], [], use_model=False) is min([stmt, kill], key=event_rank)
    assert choose_main_event("x", 0, [], []) is None


def test_none_wins_only_by_the_margin() -> None:
    ev = _event(0, "قصف", "attack")
    model = MainEventModel({"type=attack": 1.0, NONE_OPTION: 1.5}, 0.0, {}, none_margin=0.0)
    assert model.choose("قصف الجيش المدينة", 0, [ev], []) is None
    strict = MainEventModel(model.weights, 0.0, {}, none_margin=1.0)
    assert strict.choose("قصف الجيش المدينة", 0, [ev], []) is ev


def test_option_cues_carry_the_rule_rank_and_the_complementiser() -> None:
    text = "قال الجيش إن قتل المسلحين تم أمس"
    stmt = _event(0, "قال", "statement")
    kill = _event(text.index("قتل"), "قتل", "killing")
    f = option_features(text, 0, [stmt, kill], [], kill)
    assert f["rank=0"] == 1 and f["type=killing"] == 1 and f["before=ان"] == 1
    assert [e for e, _ in options(text, 0, [stmt, kill], [])] == [stmt, kill, None]


def test_model_files_round_trip_and_bad_ones_are_named(tmp_path: Path) -> None:
    model = MainEventModel({"type=attack": 0.5}, -0.25, {"C": 0.3}, 1.0)
    save_model(model, tmp_path / "m.json")
    assert load_model(tmp_path / "m.json") == model
    (tmp_path / "bad.json").write_text('{"format": 2}', "utf-8")
    with pytest.raises(ValueError, match="bad.json"):
        load_model(tmp_path / "bad.json")
    with pytest.raises(FileNotFoundError):
        load_model(tmp_path / "missing.json")


def test_training_learns_the_annotated_choice() -> None:
    """Gold that takes the attack after a statement but reads the lone noun «هجوما» as no
    event: the rule (statements last, any event before none) gets half right; the selector,
    cross-validated over the groups' files, learns both."""
    pytest.importorskip("sklearn")
    from marsad.training.main_event import LeadGroup, cross_validate, fit, model_choice

    groups = []
    for k in range(60):
        text = "قال الجيش إنه قصف المدينة" if k % 2 else "نفذ الجيش هجوما على المدينة"
        events = [_event(0, "قال", "statement"), _event(14, "قصف", "attack")] if k % 2 else \
            [_event(10, "هجوما", "attack")]
        gold = GoldEvent("attack" if k % 2 else "none", None, None, "asserted", 0, len(text))
        groups.append(LeadGroup(f"f{k % 6}", f"d{k}", gold, options(text, 0, events, [])))
    model = fit(groups, 1.0, none_margin=0.0)
    chosen = model_choice(model)
    two = next(g for g in groups if len(g.options) == 3)
    picked = chosen(two)
    assert picked is not None and picked.type == "attack"
    cv = cross_validate(groups, folds=3, c=1.0, none_margin=0.0)
    assert cv["files"] == 6 and cv["articles"] == 60
    assert cv["rule"]["type_accuracy"] == pytest.approx(0.5)
    assert cv["selector"]["type_accuracy"] == pytest.approx(1.0)
