"""Training the learned speaker check (:mod:`marsad.extract.speaker_ranker`) on the gold set.

Every open gold article is run through the pipeline as the evaluation runs it; the quote
finder is then re-run with the speaker check off, and for every quote that matches an
annotated one, each of its candidate speakers becomes one example: positive when the scorer
would accept it as the annotated speaker (``names_match``).  A logistic regression over the
candidates' cues is fitted on pairs — a right candidate against each wrong one of the same
quote — (scikit-learn, the ``train`` extra) and exported as a weight table read without
scikit-learn.

Cross-validation holds out whole gold files (one annotation round, one annotator).  For each
margin it counts, over the held-out files, the matched quotes whose speaker the override makes
right and the ones it makes wrong, per kind; the shipped margin is the one with the largest net
gain whose losses stay under ``max_loss_share`` of its fixes.  The rules were written on these
same files, so their picks are right more often here than on unseen text: the chosen margin
errs on the side of leaving the rules alone.  The held-out gold files
(``HELD_OUT_FILES``) are never read: ``load_gold`` skips them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.evaluation.runner import analyse_gold, build_runner, quote_spans, speaker_strings
from marsad.evaluation.scoring import align, names_match
from marsad.extract.quotes import speaker_candidates
from marsad.extract.speaker_ranker import RankedQuote, SpeakerCandidate, SpeakerRankModel, choose
from marsad.model import Quote
from marsad.training.file_folds import file_folds

MARGINS = (0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0)


@dataclass(slots=True)
class RankExample:
    """One matched quote of one gold article: its candidates and which of them are right."""

    split: str
    doc: str
    kind: str  # the annotated kind
    candidates: list[SpeakerCandidate]
    right: list[bool]


def collect(gold: Path, data_dir: Path, progress: Callable[[str], None] | None = None) -> list[RankExample]:
    """The matched quotes of every open gold article, with candidates labelled against the annotation."""
    runner = build_runner()
    if runner.missing:
        raise RuntimeError("pipeline stages missing: " + "; ".join(runner.missing))
    examples: list[RankExample] = []
    for a in analyse_gold(gold, data_dir, runner, progress):
        ranked = speaker_candidates(a.article)
        spans = [(s.start, s.end) for s in quote_spans(a.article, [_as_quote(r) for r in ranked])]
        golds = a.gold.quotes
        for i, j in align([(g.start, g.end) for g in golds], spans):
            g, r = golds[i], ranked[j]
            right = [names_match(g.speakers(), speaker_strings(c.speaker.as_dict())) for c in r.candidates]
            examples.append(RankExample(a.gold.split, a.gold.id, g.kind, r.candidates, right))
    return examples


def _as_quote(r: RankedQuote) -> Quote:
    """The logged quote's span as a Quote, so the scorer's offset conversion applies to it."""
    return Quote(r.start, r.end, kind=r.kind)


def fit(examples: Sequence[RankExample], c: float = 1.0, margin: float = 2.0) -> SpeakerRankModel:
    """A pairwise logistic regression (needs scikit-learn): for each matched quote, the first
    right candidate against every wrong one; the weights score a candidate, no intercept."""
    from scipy.sparse import vstack
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    pairs = [(right, wrong) for e in examples for right in _first_right(e)
             for wrong, ok in zip(e.candidates, e.right) if not ok]
    if not pairs:
        raise ValueError("need quotes with both a right and a wrong candidate to fit the speaker check")
    vec = DictVectorizer()
    vec.fit([cand.features for e in examples for cand in e.candidates])
    diff = vec.transform([r.features for r, _ in pairs]) - vec.transform([w.features for _, w in pairs])
    x = vstack([diff, -diff])
    y = [1] * len(pairs) + [0] * len(pairs)
    clf = LogisticRegression(C=c, max_iter=5000, fit_intercept=False).fit(x, y)
    weights = {name: round(float(w), 6) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])
               if abs(w) >= 1e-6}
    return SpeakerRankModel(weights, margin, {"C": c, "pairs": len(pairs)})


def _first_right(e: RankExample) -> list[SpeakerCandidate]:
    return [next(cand for cand, ok in zip(e.candidates, e.right) if ok)] if any(e.right) else []


def outcome(model: SpeakerRankModel, e: RankExample) -> tuple[bool, bool]:
    """(right with the rules alone, right after the check) for one matched quote."""
    rules_right = outcome_rules(e)
    best = choose(model, e.candidates)
    if best is None:
        return rules_right, rules_right
    return rules_right, e.right[e.candidates.index(best)]


def cross_validate(examples: Sequence[RankExample], folds: int = 10, c: float = 1.0, seed: int = 7,
                   max_loss_share: float = 0.5) -> dict[str, Any]:
    """Folds of whole gold files: each fold's model is fitted on the other files only; every
    margin is then applied to the held-out fold's quotes.  Also reported: how often the
    ranking alone (its top candidate, rules' pick or not) is right, against the rules."""
    splits = sorted({e.split for e in examples})
    held: list[tuple[SpeakerRankModel, RankExample]] = []
    for train, test in file_folds(examples, lambda e: e.split, splits, folds, seed):
        model = fit(train, c)
        held.extend((model, e) for e in test)
    kinds = ("direct", "reported")
    rows: list[dict[str, Any]] = []
    for margin in MARGINS:
        counts = {kind: {"fixed": 0, "broken": 0} for kind in kinds}
        for model, e in held:
            before, after = outcome(SpeakerRankModel(model.weights, margin), e)
            if after and not before:
                counts[e.kind]["fixed"] += 1
            elif before and not after:
                counts[e.kind]["broken"] += 1
        fixed = sum(c_["fixed"] for c_ in counts.values())
        broken = sum(c_["broken"] for c_ in counts.values())
        rows.append({"margin": margin, "fixed": fixed, "broken": broken, "net": fixed - broken,
                     "direct": counts["direct"], "reported": counts["reported"]})
    ok_rows = [r for r in rows if r["fixed"] and r["broken"] <= max_loss_share * r["fixed"]]
    chosen = max(ok_rows, key=lambda r: (r["net"], r["margin"]))["margin"] if ok_rows else None
    quotes = {kind: sum(1 for _, e in held if e.kind == kind) for kind in kinds}
    rules_right = {kind: sum(1 for _, e in held if e.kind == kind and outcome_rules(e)) for kind in kinds}
    top_right = {kind: sum(1 for m, e in held if e.kind == kind and _top_right(m, e)) for kind in kinds}
    return {"folds": folds, "files": len(splits), "quotes": quotes, "rules_right": rules_right,
            "ranking_alone_right": top_right, "candidates": sum(len(e.candidates) for e in examples),
            "C": c, "seed": seed, "max_loss_share": max_loss_share, "chosen_margin": chosen, "by_margin": rows}


def _top_right(model: SpeakerRankModel, e: RankExample) -> bool:
    """Is the ranking's own top candidate (the rules' pick or not) one of the right ones?"""
    if not e.candidates:
        return False
    scores = [model.score(cand.features) for cand in e.candidates]
    return e.right[scores.index(max(scores))]


def outcome_rules(e: RankExample) -> bool:
    """Is the rules' pick right for this quote (False when the rules gave no speaker)?"""
    return any(ok for cand, ok in zip(e.candidates, e.right) if cand.rules)
