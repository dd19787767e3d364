"""eval/ner_cv.py: consecutive blocks that cover every sentence once, and micro F1 pooled from counts."""

from __future__ import annotations

from itertools import pairwise

import pytest
from eval_script_support import load_eval_script

from marsad.training.conll import TaggedSentence

cv = load_eval_script("ner_cv")


def _sentences(n: int) -> list[TaggedSentence]:
    return [TaggedSentence([f"w{i}"], ["O"]) for i in range(n)]


@pytest.mark.parametrize("n, folds", [(3973, 10), (10, 3), (7, 7)])
def test_blocks_are_consecutive_cover_everything_and_differ_by_at_most_one(n: int, folds: int) -> None:
    spans = cv.blocks(_sentences(n), folds)
    assert spans[0][0] == 0 and spans[-1][1] == n
    assert all(a[1] == b[0] for a, b in pairwise(spans))
    sizes = [e - s for s, e in spans]
    assert max(sizes) - min(sizes) <= 1


def test_pooled_f1_is_micro_over_the_blocks_not_the_mean_of_their_f1(capsys: pytest.CaptureFixture[str]) -> None:
    def block(k: int, tp: int, pred: int, gold: int) -> dict:
        counts = {"tp": {"LOC": tp}, "pred": {"LOC": pred}, "gold": {"LOC": gold}}
        return {"fold": k, "held_out_sentences": 10, "train_seconds": 1,
                "scores": {label: counts for label in cv.MODES}}

    cv.summarise([block(0, 9, 10, 10), block(1, 1, 10, 90)])  # F1 0.9 and 0.02; pooled 10 of 20 / 100
    out = capsys.readouterr().out
    assert "| pooled | 20 | 100 | 0.500 | 0.100 | **0.167** |" in out
    assert "mean of blocks 0.460" in out
