"""Entity-level exact-match scoring with CoNLL semantics.

An entity counts as correct only when its type *and* both boundaries equal a gold
entity's. Chunks are read from IOB tags the way ``conlleval`` reads them: ``B-X``
opens an entity, ``I-X`` continues an ``X`` entity, and an ``I-X`` after ``O`` or after
another type opens a new one (so an IOB1 file and its IOB2 rewrite score the same).
Written here rather than borrowed so the exact rules are visible and unit-tested.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field


def tag_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` for each entity in one sentence's IOB tags (end exclusive)."""
    spans: list[tuple[int, int, str]] = []
    start = -1
    etype = ""
    for i, tag in enumerate(tags):
        if tag.startswith("B-") or (tag.startswith("I-") and (start < 0 or tag[2:] != etype)):
            if start >= 0:
                spans.append((start, i, etype))
            start, etype = i, tag[2:]
        elif not tag.startswith("I-"):  # "O" or anything unrecognised closes
            if start >= 0:
                spans.append((start, i, etype))
            start, etype = -1, ""
    if start >= 0:
        spans.append((start, len(tags), etype))
    return spans


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    precision = tp / n_pred if n_pred else 0.0
    recall = tp / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


@dataclass
class Scores:
    """Counts of true positives, predicted and gold entities, overall and per type."""

    tp: Counter[str] = field(default_factory=Counter)
    pred: Counter[str] = field(default_factory=Counter)
    gold: Counter[str] = field(default_factory=Counter)
    tokens: int = 0

    def add(self, gold_tags: Sequence[str], pred_tags: Sequence[str]) -> None:
        if len(gold_tags) != len(pred_tags):
            raise ValueError(f"gold has {len(gold_tags)} tags but prediction has {len(pred_tags)}")
        gold = set(tag_spans(gold_tags))
        pred = set(tag_spans(pred_tags))
        self.tokens += len(gold_tags)
        for _, _, t in gold:
            self.gold[t] += 1
        for _, _, t in pred:
            self.pred[t] += 1
        for _, _, t in gold & pred:
            self.tp[t] += 1

    @property
    def micro(self) -> tuple[float, float, float]:
        return _prf(sum(self.tp.values()), sum(self.pred.values()), sum(self.gold.values()))

    @property
    def f1(self) -> float:
        return self.micro[2]

    def per_type(self) -> dict[str, dict[str, float]]:
        out: dict[str, dict[str, float]] = {}
        for t in sorted(set(self.gold) | set(self.pred)):
            p, r, f = _prf(self.tp[t], self.pred[t], self.gold[t])
            out[t] = {"precision": p, "recall": r, "f1": f, "support": self.gold[t]}
        return out

    def as_dict(self) -> dict[str, object]:
        p, r, f = self.micro
        return {"precision": p, "recall": r, "f1": f, "per_type": self.per_type()}


def score(gold: Iterable[Sequence[str]], pred: Iterable[Sequence[str]]) -> Scores:
    """Score parallel sequences of sentences' tags."""
    s = Scores()
    gold_list = list(gold)
    pred_list = list(pred)
    if len(gold_list) != len(pred_list):
        raise ValueError(f"{len(gold_list)} gold sentences but {len(pred_list)} predicted")
    for g, p in zip(gold_list, pred_list):
        s.add(g, p)
    return s
