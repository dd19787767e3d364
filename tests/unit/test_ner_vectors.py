"""Dense word-vector features: a model trained with them decodes in numpy exactly as
CRFsuite does, and the vectors travel with the model directory."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from marsad.training.clusters import ClusterModel
from marsad.training.conll import read_conll
from marsad.training.features import VECTORS_FILE, fold
from marsad.training.ner import NerModel, build_resources, train_model

TINY = Path(__file__).resolve().parents[1] / "fixtures" / "ner" / "tiny.conll"


def _clusters(words: list[str]) -> ClusterModel:
    rng = np.random.default_rng(3)
    vectors = rng.standard_normal((len(words), 6)).astype(np.float32)
    return ClusterModel((2, 4), {w: (i % 2, i % 4) for i, w in enumerate(words)},
                        dict.fromkeys(words, 10), {}, {}, vectors)


def test_vector_model_decodes_like_crfsuite(tmp_path: Path) -> None:
    sentences, _ = read_conll(TINY)
    words = sorted({fold(t) for s in sentences for t in s.tokens})
    res = build_resources(None, _clusters(words), use_gazetteers=False, vector_dims=4, vector_scale=0.5,
                          extras=("cues",))
    assert res.vector_matrix.shape == (len(words), 4)
    assert np.allclose(res.vector_matrix.std(axis=0), 0.5, atol=1e-4)
    model = train_model(sentences, res, tmp_path / "m", {"max_iterations": 30})
    assert (tmp_path / "m" / VECTORS_FILE).is_file()
    loaded = NerModel(tmp_path / "m")
    assert loaded.resources.use_vectors and loaded.resources.extras == ("cues",)
    dense_rows = [a for a in loaded.crf.index if a.startswith("v0:")]
    assert dense_rows, "the CRF kept no weight for the vector features"
    for sent in sentences:
        assert loaded.tag(sent.tokens) == model.crfsuite_tag(sent.tokens)
    unseen = ["قال", "مجهول", "تماما", "في", "بريطانيا"]
    assert loaded.tag(unseen) == loaded.crfsuite_tag(unseen)


def test_cluster_vectors_round_trip(tmp_path: Path) -> None:
    model = _clusters(["a", "b", "c"])
    model.save(tmp_path / "c.json.gz")
    assert ClusterModel.vectors_path(tmp_path / "c.json.gz").is_file()
    back = ClusterModel.load(tmp_path / "c.json.gz")
    assert back.vectors is not None and np.allclose(back.vectors, model.vectors, atol=1e-2)  # stored as float16
