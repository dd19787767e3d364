"""Skip-gram vectors appended to the SVD vectors (`marsad train clusters --word2vec-window`):
repeatable across processes, unit length, in the cluster file's word order."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import numpy as np
import pytest

pytest.importorskip("gensim", reason="gensim comes with the `train` extra")

from marsad.training.clusters import train_clusters, word2vec_vectors

_WORDS = ["بريطانيا", "فرنسا", "ليبيا", "قال", "أكد", "الوزير", "الرئيس", "في", "إلى", "من"]


def _corpus(n: int = 400) -> list[str]:
    rng = np.random.default_rng(5)
    out = []
    for _ in range(n):
        ws = rng.choice(_WORDS, size=12)
        out.append(" ".join(ws))
    return out


def test_word2vec_rows_follow_the_word_order_and_are_unit_length() -> None:
    docs = [t.split() for t in _corpus()]
    vecs = word2vec_vectors(docs, [*_WORDS, "غائبة"], window=2, epochs=2, dims=8)
    assert vecs.shape == (len(_WORDS) + 1, 8)
    assert np.allclose(np.linalg.norm(vecs[:-1], axis=1), 1.0, atol=1e-5)
    assert not vecs[-1].any(), "a word gensim never saw keeps a zero row"


def test_word2vec_is_repeatable_across_processes() -> None:
    code = ("import json, sys; import numpy as np; from marsad.training.clusters import word2vec_vectors; "
            "docs = json.loads(sys.stdin.read()); "
            f"print(json.dumps(word2vec_vectors(docs, {_WORDS!r}, window=2, epochs=2, dims=8).round(6).tolist()))")
    docs = json.dumps([t.split() for t in _corpus()])
    runs = []
    for hash_seed in ("1", "2"):  # a different str hash per process, as in two training runs
        env = dict(os.environ, PYTHONHASHSEED=hash_seed)
        proc = subprocess.run([sys.executable, "-c", code], input=docs, capture_output=True, text=True, env=env,
                              check=True)
        runs.append(json.loads(proc.stdout))
    assert runs[0] == runs[1]


def test_cluster_vectors_concatenate_svd_and_skip_gram() -> None:
    model = train_clusters(_corpus(), vocab=50, contexts=10, dims=4, levels=(2, 4), word2vec_window=2)
    assert model.vectors is not None
    svd_dims = int(model.meta["dims"])  # type: ignore[call-overload]
    assert model.vectors.shape == (len(model.clusters), svd_dims + 100)
    assert model.meta["word2vec"] == {"window": 2, "dims": 100, "epochs": 5}
    assert np.allclose(np.linalg.norm(model.vectors, axis=1), 1.0, atol=1e-4)
