"""Training the lead-event selector (:mod:`marsad.extract.main_event`) on the gold set.

Every gold article of ``eval/gold`` has a hand-annotated lead event (its type, or
``none``).  The pipeline is run on each article as the evaluation runs it; the system
events whose trigger lies in the gold lead sentence, plus a *none* option, become one
choice group.  An option is a positive example when it is the annotated choice (its type
is the gold type and its trigger the annotated trigger; *none* when the gold type is
``none``).  A logistic regression over the option cues is
fitted (scikit-learn, the ``train`` extra) and exported as a weight table that runs
without scikit-learn.

Cross-validation holds out whole gold files (a file is one annotation round by one
annotator), so a fold's articles, and its annotator's habits, were never trained on.
The held-out gold files (``HELD_OUT_FILES``) are never read: ``load_gold`` skips them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.evaluation.gold import GoldEvent
from marsad.evaluation.runner import (
    Analysed,
    analyse_gold,
    as_sys_event,
    build_runner,
    lead_candidates,
    lead_sentence_start,
)
from marsad.evaluation.scoring import EventScore, score_lead_event
from marsad.extract import cues as C
from marsad.extract.main_event import MainEventModel, event_rank, options
from marsad.model import Event
from marsad.training.file_folds import file_folds

Option = tuple[Event | None, dict[str, float]]


@dataclass(slots=True)
class LeadGroup:
    """One gold article's choice: its options, the gold lead event, and its gold file."""

    split: str
    doc: str
    gold: GoldEvent
    options: list[Option]


def group_of(a: Analysed) -> LeadGroup | None:
    """The choice group of one analysed gold article (None when it has no lead event)."""
    g = a.gold.lead_event
    if g is None:
        return None
    cands = lead_candidates(a)
    return LeadGroup(a.gold.split, a.gold.id, g, options(a.article.text, lead_sentence_start(a, cands), cands,
                                                         list(a.article.layer("quotes"))))


def collect(gold: Path, data_dir: Path, progress: Callable[[str], None] | None = None) -> list[LeadGroup]:
    """Run the pipeline on every (open) gold article and build its choice group."""
    runner = build_runner()
    if runner.missing:
        raise RuntimeError("pipeline stages missing: " + "; ".join(runner.missing))
    groups = []
    for a in analyse_gold(gold, data_dir, runner, progress):
        grp = group_of(a)
        if grp is not None:
            groups.append(grp)
    return groups


def _label(option: Option, gold: GoldEvent) -> int:
    """1 for the annotated choice: *none* when the gold type is ``none``, else an event of
    the gold type whose trigger agrees with the annotated trigger (when one was annotated;
    a second event of the same type elsewhere in the sentence is not the one meant)."""
    event = option[0]
    if event is None:
        return int(gold.type == "none")
    if event.type != gold.type:
        return 0
    if not gold.trigger:
        return 1
    mine, theirs = C.fold(event.text), C.fold(gold.trigger)
    return int(bool(mine) and (mine in theirs or theirs in mine))


def fit(groups: Sequence[LeadGroup], c: float = 0.3, none_margin: float = 1.5) -> MainEventModel:
    """A logistic regression over every option of ``groups`` (needs scikit-learn)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    rows = [f for g in groups for _, f in g.options]
    labels = [_label(o, g.gold) for g in groups for o in g.options]
    if len(set(labels)) < 2:
        raise ValueError("need both right and wrong options to fit the selector")
    vec = DictVectorizer()
    x = vec.fit_transform(rows)
    clf = LogisticRegression(C=c, max_iter=5000).fit(x, labels)
    weights = {name: round(float(w), 6) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])
               if abs(w) >= 1e-6}
    return MainEventModel(weights, round(float(clf.intercept_[0]), 6), {"C": c}, none_margin)


def _score(groups: Sequence[LeadGroup], choose: Callable[[LeadGroup], Event | None]) -> EventScore:
    score = EventScore()
    for g in groups:
        score_lead_event(g.gold, as_sys_event(choose(g)), score, g.doc)
    return score


def rule_choice(g: LeadGroup) -> Event | None:
    events = [e for e, _ in g.options if e is not None]
    return min(events, key=event_rank) if events else None


def model_choice(model: MainEventModel) -> Callable[[LeadGroup], Event | None]:
    def choose(g: LeadGroup) -> Event | None:
        return model.pick(g.options) if len(g.options) > 1 else None
    return choose


def cross_validate(groups: Sequence[LeadGroup], folds: int = 10, c: float = 0.3, none_margin: float = 1.5,
                   seed: int = 7) -> dict[str, Any]:
    """Rule against selector on folds of whole gold files: each fold's selector is fitted
    on the other files only.  Returns pooled type / actor / place / modality accuracy."""
    splits = sorted({g.split for g in groups})
    rule, learned = EventScore(), EventScore()
    for train, test in file_folds(groups, lambda g: g.split, splits, folds, seed):
        model = fit(train, c, none_margin)
        for part, into in ((_score(test, rule_choice), rule), (_score(test, model_choice(model)), learned)):
            for name in ("n", "type_ok", "actor_ok", "place_ok", "modality_ok", "n_typed"):
                setattr(into, name, getattr(into, name) + getattr(part, name))
    return {"folds": folds, "files": len(splits), "articles": len(groups), "C": c,
            "none_margin": none_margin, "seed": seed,
            "rule": rule.as_dict(), "selector": learned.as_dict()}
