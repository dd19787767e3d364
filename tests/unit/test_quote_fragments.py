"""The learned quote-fragment pass: its mechanics, the shipped model, training and the eval switch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from quote_support import analyse, ent

from marsad.extract.quote_fragments import (
    MIN_FRAGMENT_WORDS,
    FragmentModel,
    load_model,
    save_model,
    shipped_model,
)
from marsad.extract.quotes import extract_quotes, fragment_candidates

# a sentence whose marked words follow a verb that is no speech cue: the rules leave it alone
ACCUSED = 'واتهمت منظمة العفو الدولية السلطات "بالإخلال بواجباتها الدولية في مجال حقوق الإنسان" أمس.'
# a name in marks: no speech
NAMED = 'وشارك فريق "نادي الهلال السعودي" في البطولة.'


def _always(threshold: float = 0.5) -> FragmentModel:
    """A model that accepts every fragment whose first word is «بالإخلال»."""
    return FragmentModel({"first=بالاخلال": 5.0}, -2.0, threshold)


def _entities(text: str) -> list:
    return [ent(text, "منظمة العفو الدولية", "ORG")] if "العفو" in text else []


def test_the_rules_alone_leave_the_fragment_and_a_model_makes_it_a_direct_quote() -> None:
    art = analyse(ACCUSED, _entities(ACCUSED))
    assert [q for q in extract_quotes(art, None) if "بالإخلال" in q.text] == []
    found = [q for q in extract_quotes(art, _always()) if "بالإخلال" in q.text]
    assert len(found) == 1
    q = found[0]
    assert q.kind == "direct" and q.text.startswith("بالإخلال") and q.text.endswith("الإنسان")
    assert q.text == art.text[q.start:q.end]
    assert "العفو" in ((q.speaker or {}).get("text") or "")


def test_a_model_that_scores_low_adds_nothing() -> None:
    art = analyse(ACCUSED, _entities(ACCUSED))
    strict = FragmentModel({"first=بالاخلال": 5.0}, -2.0, 0.99)
    assert [q for q in extract_quotes(art, strict) if "بالإخلال" in q.text] == []


def test_candidates_are_uncovered_segments_of_three_words_or_more_with_their_cues() -> None:
    art = analyse(ACCUSED + ' وقال المتحدث: "لن نقبل بهذا أبدا". وأشار إلى "الخطة".', _entities(ACCUSED))
    cands = fragment_candidates(art)
    texts = [art.text[c.start:c.end] for c in cands]
    assert texts == ["بالإخلال بواجباتها الدولية في مجال حقوق الإنسان"]  # the cued quote and «الخطة» are not
    f = cands[0].features
    assert f["prev1=السلطات"] == 1.0 and f["mark=\""] == 1.0 and f["first=بالاخلال"] == 1.0
    assert cands[0].speaker is not None
    assert MIN_FRAGMENT_WORDS == 3


def test_first_person_words_and_names_are_cues() -> None:
    text = 'وحمل المحتجون لافتات "نحن لن نتراجع عن مطالبنا" في الساحة.'
    f = fragment_candidates(analyse(text))[0].features
    assert f["personal"] == 1.0
    named = analyse(NAMED, [ent(NAMED, "نادي الهلال السعودي", "ORG")])
    g = fragment_candidates(named)[0].features
    assert g["named=>0.7"] == 1.0


def test_the_package_ships_a_cross_validated_model_with_its_card() -> None:
    model = shipped_model()
    assert model is not None and len(model.weights) > 100
    cv = model.meta["cross_validation"]
    assert cv["chosen_threshold"] == model.threshold
    card = Path(__file__).resolve().parents[2] / "src/marsad/models/quote_fragments/MODEL_CARD.md"
    assert "cross-validation" in card.read_text("utf-8").lower()


def test_the_shipped_model_keeps_a_name_in_marks_out() -> None:
    art = analyse(NAMED, [ent(NAMED, "نادي الهلال السعودي", "ORG")])
    assert art.layer("quotes") == []


def test_model_files_round_trip_and_bad_ones_are_named(tmp_path: Path) -> None:
    model = FragmentModel({"personal": 1.5}, -0.5, 0.4, {"C": 1.0})
    save_model(model, tmp_path / "m.json")
    assert load_model(tmp_path / "m.json") == model
    assert 0.0 < model.probability({"personal": 1.0}) < 1.0
    assert model.accepts({"personal": 1.0}) and not model.accepts({})
    (tmp_path / "bad.json").write_text(json.dumps({"format": 1, "weights": []}), "utf-8")
    with pytest.raises(ValueError, match="bad.json"):
        load_model(tmp_path / "bad.json")
    with pytest.raises(FileNotFoundError):
        load_model(tmp_path / "missing.json")


def test_training_learns_which_fragments_are_quotes() -> None:
    """Fragments after «اتهم» annotated as quotes, fragments after «فريق» not: the model,
    cross-validated over the examples' files, adds the first kind and not the second."""
    pytest.importorskip("sklearn")
    from marsad.training.quote_fragments import FileBase, FragmentExample, cross_validate, fit

    examples = []
    for k in range(80):
        quote = k % 2 == 0
        feats = {("prev1=اتهم" if quote else "prev1=فريق"): 1.0, "len=<=5": 1.0}
        examples.append(FragmentExample(f"f{k % 8}", f"d{k}", feats, int(quote), quote and k % 4 == 0))
    base = {f"f{k}": FileBase(direct=20, right=15) for k in range(8)}
    model = fit(examples, 1.0, 0.5)
    assert model.accepts({"prev1=اتهم": 1.0, "len=<=5": 1.0})
    assert not model.accepts({"prev1=فريق": 1.0, "len=<=5": 1.0})
    cv = cross_validate(examples, base, folds=4, c=1.0, min_precision=0.9)
    assert cv["files"] == 8 and cv["positives"] == 40 and cv["rules_right"] == 120
    row = next(r for r in cv["by_threshold"] if r["threshold"] == 0.5)
    assert row["added"] == 40 and row["quotes"] == 40 and row["right_speaker"] == 20
    assert row["direct_right"] == pytest.approx((120 + 20) / 160)
    assert cv["chosen_threshold"] is not None
