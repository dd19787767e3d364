"""Training the learned fragment pass (:mod:`marsad.extract.quote_fragments`) on the gold set.

Every open gold article is run through the pipeline as the evaluation runs it; the quote
finder is then re-run with the rules alone, and each quoted segment it leaves uncovered
becomes one example: positive when an annotated *direct* quote matches its span.  A
logistic regression over the segments' cues is fitted (scikit-learn, the ``train`` extra)
and exported as a weight table read without scikit-learn.

Cross-validation holds out whole gold files (one annotation round, one annotator), and
scores what matters to a reader: how many direct quotes with the right speaker the pass
adds to the rules', and how many false quotes it adds with them.  The threshold is the
one that adds the most right quotes while at least ``min_precision`` of what it adds is a
quote (chosen on the folds, so the shipped threshold is itself a cross-validated choice).
The held-out gold files (``HELD_OUT_FILES``) are never read: ``load_gold`` skips them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.evaluation.runner import analyse_gold, build_runner, quote_spans, speaker_strings
from marsad.evaluation.scoring import QuoteScore, names_match, score_quotes, spans_match
from marsad.extract.quote_fragments import FragmentModel
from marsad.extract.quotes import rules_and_fragment_candidates
from marsad.training.file_folds import file_folds

THRESHOLDS = (0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7)


@dataclass(slots=True)
class FragmentExample:
    """One uncovered segment of one gold article, with its label and speaker verdict."""

    split: str
    doc: str
    features: dict[str, float]
    label: int  # an annotated direct quote matches the span
    speaker_ok: bool  # ... and the pass's speaker is one of its annotated speakers


@dataclass(slots=True)
class FileBase:
    """What the rules alone score on one gold file: gold direct quotes, right speakers."""

    direct: int = 0
    right: int = 0


def collect(gold: Path, data_dir: Path, progress: Callable[[str], None] | None = None
            ) -> tuple[list[FragmentExample], dict[str, FileBase]]:
    """Examples from every open gold article, and the rules' own direct-quote score per file."""
    runner = build_runner()
    if runner.missing:
        raise RuntimeError("pipeline stages missing: " + "; ".join(runner.missing))
    examples: list[FragmentExample] = []
    base: dict[str, FileBase] = {}
    for a in analyse_gold(gold, data_dir, runner, progress):
        golds = [q for q in a.gold.quotes if q.kind == "direct"]
        fb = base.setdefault(a.gold.split, FileBase())
        fb.direct += len(golds)
        rules, candidates = rules_and_fragment_candidates(a.article)
        score = QuoteScore()
        score_quotes(a.gold.quotes, quote_spans(a.article, rules), score)
        fb.right += score.speaker_ok["direct"]
        for cand in candidates:
            span = a.article.offsets.span_to_raw(cand.start, cand.end)
            hit = next((g for g in golds if spans_match((g.start, g.end), span)), None)
            ok = hit is not None and names_match(hit.speakers(), speaker_strings(cand.speaker))
            examples.append(FragmentExample(a.gold.split, a.gold.id, cand.features, int(hit is not None), ok))
    return examples, base


def fit(examples: Sequence[FragmentExample], c: float = 1.0, threshold: float = 0.4) -> FragmentModel:
    """A logistic regression over ``examples`` (needs scikit-learn)."""
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    labels = [e.label for e in examples]
    if len(set(labels)) < 2:
        raise ValueError("need both quotes and non-quotes to fit the fragment pass")
    vec = DictVectorizer()
    x = vec.fit_transform([e.features for e in examples])
    clf = LogisticRegression(C=c, max_iter=5000).fit(x, labels)
    weights = {name: round(float(w), 6) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0])
               if abs(w) >= 1e-6}
    return FragmentModel(weights, round(float(clf.intercept_[0]), 6), threshold, {"C": c})


def cross_validate(examples: Sequence[FragmentExample], base: dict[str, FileBase], folds: int = 10,
                   c: float = 1.0, seed: int = 7, min_precision: float = 0.6) -> dict[str, Any]:
    """Folds of whole gold files: each fold's model is fitted on the other files only.

    For every threshold: quotes the pass adds, how many match an annotated direct quote,
    how many of those have the right speaker, and the pooled direct right-speaker rate
    with the rules alone and with the pass."""
    splits = sorted(base)
    probs: list[tuple[float, FragmentExample]] = []
    for train, test in file_folds(examples, lambda e: e.split, splits, folds, seed):
        model = fit(train, c)
        probs.extend((model.probability(e.features), e) for e in test)
    direct = sum(b.direct for b in base.values())
    right = sum(b.right for b in base.values())
    rows = []
    for t in THRESHOLDS:
        added = [e for p, e in probs if p >= t]
        quotes = sum(e.label for e in added)
        ok = sum(e.speaker_ok for e in added)
        rows.append({"threshold": t, "added": len(added), "quotes": quotes, "right_speaker": ok,
                     "precision": round(quotes / len(added), 4) if added else None,
                     "direct_right": round((right + ok) / direct, 4) if direct else None})
    ok_rows = [r for r in rows if r["added"] and (r["precision"] or 0) >= min_precision]
    chosen = max(ok_rows, key=lambda r: (r["right_speaker"], r["threshold"]))["threshold"] if ok_rows else None
    return {"folds": folds, "files": len(splits), "examples": len(examples),
            "positives": sum(e.label for e in examples), "C": c, "seed": seed,
            "direct": direct, "rules_right": right,
            "rules_direct_right": round(right / direct, 4) if direct else None,
            "min_precision": min_precision, "chosen_threshold": chosen, "by_threshold": rows}
