"""A learned last word on candidate copy pairs: gradient-boosted trees over pair measures.

The hand rule in :func:`marsad.corpus.duplicates.verify_pair` was tuned over five judged
rounds of SaudiNewsNet pairs and stalled at about 0.80 recall: the copies it misses are
re-led or reworded releases whose overlap (30-60% of the shorter text) is the same as
that of two days' weather reports or two royal cables to different countries. No single
threshold separates them, but several measures together do better: how much of the
shorter text's *rare* words and figures the other carries, how many specifics are
swapped, whether the openings agree, how close the titles and dates are, and what the
rule itself said. The judged pairs (2,403 of rounds 1-10 and the rule's tuning files)
train a small tree ensemble (``marsad train duplicates``); only its trees ship, as JSON, and this module
evaluates them with numpy, so scikit-learn is needed for training only.

The model is used only when both articles carry a title and a publication date (the
measures it was trained with); otherwise the rule decides alone.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from marsad.corpus.textprep import words

FEATURES: tuple[str, ...] = (
    "jaccard", "containment", "specific_containment", "log_specific", "rare_containment",
    "number_containment", "swaps", "lead_overlap", "subject_share", "subject_share_reverse",
    "size_ratio", "log_length", "rule", "title_jaccard", "days_apart", "same_source",
)
MODEL_FILE = "dup_verifier/model.json"


def publication_day(published: str | None) -> int | None:
    """The calendar day of an ISO publication time as an ordinal (days apart is then a
    subtraction), or None when it is missing or unreadable."""
    if not published:
        return None
    try:
        return datetime.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return None


@dataclass(frozen=True)
class DocMeta:
    """What the model reads besides the text: the title, outlet and day of an article.

    The title's words and the day are worked out once per article (cached), not once per
    candidate pair it meets."""

    title: str = ""
    source: str = ""
    published: str | None = None

    @cached_property
    def title_words(self) -> frozenset[str]:
        return frozenset(words(self.title))

    @cached_property
    def day(self) -> int | None:
        return publication_day(self.published)

    @property
    def usable(self) -> bool:
        return bool(self.title_words) and self.day is not None


def meta_features(a: DocMeta, b: DocMeta) -> list[float]:
    """Title word Jaccard, days apart (capped at a week) and same outlet."""
    ta, tb = a.title_words, b.title_words
    title = len(ta & tb) / len(ta | tb) if ta | tb else 0.0
    da, db = a.day, b.day
    days = float(min(abs(da - db), 7)) if da is not None and db is not None else 7.0
    same = float(bool(a.source) and a.source == b.source)
    return [title, days, same]


def share_found(mine: set[str], other: set[str], empty: float) -> float:
    """Share of ``mine`` found in ``other`` (``empty`` when ``mine`` is empty)."""
    return len(mine & other) / len(mine) if mine else empty


def log_size(n: int) -> float:
    return math.log1p(n)


@dataclass(frozen=True)
class TreeEnsemble:
    """Boosted regression trees over log-odds (scikit-learn's GradientBoostingClassifier
    layout: node arrays per tree, a leaf is a node whose left child is -1)."""

    features: tuple[str, ...]
    init: float
    learning_rate: float
    trees: tuple[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray], ...]
    threshold: float
    meta: dict[str, Any]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> TreeEnsemble:
        trees = tuple((np.asarray(t["feature"], dtype=np.int64), np.asarray(t["threshold"], dtype=np.float64),
                       np.asarray(t["left"], dtype=np.int64), np.asarray(t["right"], dtype=np.int64),
                       np.asarray(t["value"], dtype=np.float64)) for t in data["trees"])
        return cls(tuple(data["features"]), float(data["init"]), float(data["learning_rate"]), trees,
                   float(data["threshold"]), {k: v for k, v in data.items() if k != "trees"})

    def probability(self, x: list[float]) -> float:
        """P(copy) for one feature vector (order of :attr:`features`)."""
        raw = self.init
        for feature, threshold, left, right, value in self.trees:
            node = 0
            while left[node] != -1:
                node = left[node] if x[feature[node]] <= threshold[node] else right[node]
            raw += self.learning_rate * value[node]
        return 1.0 / (1.0 + math.exp(-raw))

    def accepts(self, x: list[float]) -> bool:
        return self.probability(x) >= self.threshold


def save_model(model: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


@lru_cache(maxsize=4)
def load_verifier(path: str | None = None) -> TreeEnsemble | None:
    """The shipped model (None when the package has none), or the one at ``path``."""
    if path is not None:
        source = Path(path)
        if not source.is_file():
            raise FileNotFoundError(f"duplicate verifier model not found: {path}")
        text = source.read_text(encoding="utf-8")
    else:
        ref = resources.files("marsad.models").joinpath(MODEL_FILE)
        if not ref.is_file():
            return None
        text = ref.read_text(encoding="utf-8")
    model = TreeEnsemble.from_dict(json.loads(text))
    if model.features != FEATURES:
        raise ValueError(f"duplicate verifier {path or MODEL_FILE} was trained on other features: "
                         f"{model.features}; retrain with `marsad train duplicates`")
    return model
