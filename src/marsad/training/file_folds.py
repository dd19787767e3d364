"""Cross-validation folds of whole gold files, shared by the learned passes' training.

Each gold file is one annotation round by one annotator, so a fold holds whole files: a
model scored on a fold has seen neither its articles nor its annotator's habits.  The files
are shuffled with a fixed seed, so a training command prints the same table on every run.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")


def file_folds(items: Sequence[T], split_of: Callable[[T], str], splits: Iterable[str], folds: int,
               seed: int) -> Iterator[tuple[list[T], list[T]]]:
    """(train, test) for each fold of the gold files ``splits`` (sorted, then shuffled with
    ``seed``, file k in fold k mod ``folds``); a fold left with no test or no training item is skipped."""
    order = sorted(splits)
    random.Random(seed).shuffle(order)
    fold_of = {s: k % folds for k, s in enumerate(order)}
    for k in range(folds):
        test = [x for x in items if fold_of[split_of(x)] == k]
        train = [x for x in items if fold_of[split_of(x)] != k]
        if test and train:
            yield train, test
