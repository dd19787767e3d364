"""Training the learned copy verifier (:mod:`marsad.corpus.pair_model`) on judged pairs.

The judged files hold article ids of SaudiNewsNet (``zip stem:index``), a verdict
(``duplicate`` / ``not_duplicate``) and a reason, never text; the texts are read from the
corpus here, and the corpus's shingle and word frequencies (boilerplate, rare words) are
counted over all of it, as :func:`marsad.corpus.duplicates.find_duplicates` counts them.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from marsad.corpus.duplicates import (
    CorpusFrequency,
    DuplicateConfig,
    doc_meta,
    pair_features,
    shingles_of_words,
    swap_count,
    verify_pair,
)
from marsad.corpus.pair_model import FEATURES
from marsad.corpus.records import CorpusDoc
from marsad.corpus.textprep import words


def read_saudinewsnet(folder: Path) -> Iterator[CorpusDoc]:
    """SaudiNewsNet's zips of JSON arrays; id = zip stem + ':' + position among the
    articles with text (the ids the judged files use)."""
    for zpath in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(zpath) as zf:
            for name in zf.namelist():
                for i, item in enumerate(json.loads(zf.read(name))):
                    text = (item.get("content") or "").strip()
                    if not text:
                        continue
                    when = item.get("date_extracted") or ""
                    yield CorpusDoc(id=f"{zpath.stem}:{i}", text=text, title=item.get("title") or "",
                                    source=item.get("source") or "",
                                    published=when.replace(" ", "T") if when else None)


@dataclass(frozen=True, slots=True)
class JudgedPair:
    a: str
    b: str
    copy: bool
    origin: str  # file and round, for leave-one-round-out checks


def read_judged(paths: Sequence[Path]) -> list[JudgedPair]:
    """Every judged pair of ``paths`` (a pair judged twice keeps its first verdict)."""
    seen: set[frozenset[str]] = set()
    out: list[JudgedPair] = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            row = json.loads(line)
            if row.get("verdict") not in ("duplicate", "not_duplicate"):
                continue
            pair = frozenset((row["a"], row["b"]))
            if pair in seen:
                continue
            seen.add(pair)
            out.append(JudgedPair(row["a"], row["b"], row["verdict"] == "duplicate",
                                  f"{path.name}:{row.get('round', '')}"))
    return out


def feature_rows(docs: Iterable[CorpusDoc], pairs: Sequence[JudgedPair],
                 config: DuplicateConfig | None = None) -> tuple[np.ndarray, np.ndarray, list[JudgedPair]]:
    """Feature matrix and labels of the pairs whose two articles are in ``docs``."""
    config = config or DuplicateConfig()
    wanted = {p.a for p in pairs} | {p.b for p in pairs}
    freq = CorpusFrequency()
    kept: dict[str, CorpusDoc] = {}
    for doc in docs:
        ws = words(doc.text)
        freq.observe(ws, shingles_of_words(ws, config.shingle_size))
        if doc.id in wanted:
            kept[doc.id] = doc
    rows, labels, used = [], [], []
    for p in pairs:
        if p.a not in kept or p.b not in kept:
            continue
        da, db = kept[p.a], kept[p.b]
        wa, wb = words(da.text), words(db.text)
        sa, sb = shingles_of_words(wa, config.shingle_size), shingles_of_words(wb, config.shingle_size)
        swaps = swap_count(wa, wb, config, freq)
        rule_ok, _ = verify_pair(wa, wb, sa, sb, config, freq, swaps=swaps)
        rows.append(pair_features(wa, wb, sa, sb, config, freq, swaps, doc_meta(da), doc_meta(db), rule_ok))
        labels.append(p.copy)
        used.append(p)
    return np.asarray(rows, dtype=np.float64), np.asarray(labels, dtype=bool), used


def fit_trees(x: np.ndarray, y: np.ndarray, trees: int = 200, depth: int = 3, rate: float = 0.05,
              min_leaf: int = 10, seed: int = 0) -> Any:
    """scikit-learn's GradientBoostingClassifier (the ``train`` extra)."""
    from sklearn.ensemble import GradientBoostingClassifier

    return GradientBoostingClassifier(n_estimators=trees, max_depth=depth, learning_rate=rate,
                                      min_samples_leaf=min_leaf, random_state=seed).fit(x, y)


def export_trees(clf: Any, threshold: float, meta: dict[str, Any]) -> dict[str, Any]:
    """The fitted ensemble as plain arrays (see :class:`marsad.corpus.pair_model.TreeEnsemble`).

    The starting log-odds are the class prior's, which is what the classifier's default
    initial estimator predicts; a unit test checks the export against ``predict_proba``."""
    positive = float(clf.init_.class_prior_[1])
    trees = []
    for (est,) in clf.estimators_:
        t = est.tree_
        trees.append({"feature": t.feature.tolist(), "threshold": [round(v, 8) for v in t.threshold.tolist()],
                      "left": t.children_left.tolist(), "right": t.children_right.tolist(),
                      "value": [round(float(v), 8) for v in t.value[:, 0, 0]]})
    return {"features": list(FEATURES), "init": float(np.log(positive / (1 - positive))),
            "learning_rate": float(clf.learning_rate), "threshold": threshold,
            "trained": date.today().isoformat(), **meta, "trees": trees}
