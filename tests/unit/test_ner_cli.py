"""`marsad train ner` and `marsad eval ner`: output shape, splits and bad input.

A tiny model is trained here on the project's own fixture (no shared data needed),
then evaluated through the real command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any, cast

import pytest

TINY = Path(__file__).resolve().parents[1] / "fixtures" / "ner" / "tiny.conll"


def marsad(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "marsad", *args], capture_output=True, text=True, timeout=300,
                          check=False)


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("ner") / "model"
    proc = marsad("train", "ner", "--data", str(TINY), "--out", str(out), "--no-gazetteers",
                  "--dev-fraction", "0.25", "--max-iterations", "30", "--json")
    assert proc.returncode == 0, proc.stderr
    scores = json.loads(proc.stdout.strip().splitlines()[-1])
    assert set(scores) == {"dev"}
    assert {"precision", "recall", "f1", "tokens_per_second", "per_type"} <= set(scores["dev"])
    meta = json.loads((out / "meta.json").read_text("utf-8"))
    assert meta["includes_dev"] is False and meta["train_sentences"] == 3  # 4 sentences, last one is dev
    assert "dev" in meta["scores"]
    return out


def test_eval_ner_json_shape(tiny_model: Path) -> None:
    proc = marsad("eval", "ner", str(TINY), "--model", str(tiny_model), "--json")
    assert proc.returncode == 0, proc.stderr
    lines = proc.stdout.strip().splitlines()
    assert len(lines) == 1
    result = json.loads(lines[0])
    assert set(result) == {"precision", "recall", "f1", "tokens_per_second", "per_type"}
    assert 0.0 <= result["f1"] <= 1.0 and result["tokens_per_second"] > 0
    assert set(result["per_type"]) <= {"PERS", "LOC", "ORG", "MISC"}
    for row in result["per_type"].values():
        assert set(row) == {"precision", "recall", "f1", "support"}
    assert sum(r["support"] for r in result["per_type"].values()) == 12  # gold entities in tiny.conll
    # the training sentences are fitted closely by a CRF: the score is real, not a constant
    train_only = json.loads(marsad("eval", "ner", str(TINY), "--model", str(tiny_model), "--split", "train",
                                   "--dev-fraction", "0.25", "--json").stdout)
    assert train_only["f1"] > 0.5
    assert sum(r["support"] for r in train_only["per_type"].values()) == 9


def test_eval_ner_dev_split_scores_only_the_last_sentences(tiny_model: Path) -> None:
    proc = marsad("eval", "ner", str(TINY), "--model", str(tiny_model), "--split", "dev",
                  "--dev-fraction", "0.25", "--json")
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert sum(r["support"] for r in result["per_type"].values()) == 3  # خليفة حفتر، الجيش الليبي، بنغازي


def test_eval_ner_table_output(tiny_model: Path) -> None:
    proc = marsad("eval", "ner", str(TINY), "--model", str(tiny_model))
    assert proc.returncode == 0, proc.stderr
    assert "micro" in proc.stdout and "tokens/s" in proc.stdout


@pytest.mark.parametrize("args, message", [
    (["missing.conll"], "no such file"),
    ([str(TINY), "--split", "test"], "--split must be one of"),
    ([str(TINY), "--model", "/nonexistent/model"], "not a NER model directory"),
])
def test_eval_ner_bad_input_is_one_line(args: list[str], message: str) -> None:
    proc = marsad("eval", "ner", *args, "--json")
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_train_ner_refuses_non_conll(tmp_path: Path) -> None:
    prose = tmp_path / "prose.txt"
    prose.write_text("هذا نص عادي بلا وسوم على الإطلاق في أي سطر منه\n" * 3, "utf-8")
    proc = marsad("train", "ner", "--data", str(prose), "--out", str(tmp_path / "m"), "--no-gazetteers")
    assert proc.returncode == 2 and "does not look like" in proc.stderr


@pytest.mark.parametrize("args, message", [
    (["--extras", "cues,bogus"], "unknown --extras group(s): bogus"),
    (["--vector-dims", "-1"], "--vector-dims must be >= 0"),
    (["--vector-dims", "8"], "need a cluster file that has word vectors"),  # no --clusters given
])
def test_train_ner_bad_feature_options_are_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    proc = marsad("train", "ner", "--data", str(TINY), "--out", str(tmp_path / "m"), "--no-gazetteers", *args)
    assert proc.returncode == 2, proc.stderr
    assert message in proc.stderr and "Traceback" not in proc.stderr


def _tiny_cluster_file(path: Path) -> Path:
    import numpy as np

    from marsad.training.clusters import ClusterModel
    from marsad.training.conll import read_conll
    from marsad.training.features import fold

    words = sorted({fold(t) for s in read_conll(TINY)[0] for t in s.tokens})
    vectors = np.random.default_rng(2).standard_normal((len(words), 8)).astype(np.float32)
    ClusterModel((2,), {w: (i % 2,) for i, w in enumerate(words)}, dict.fromkeys(words, 10), {}, {},
                 vectors).save(path)
    return path


def _train_tiny(tmp_path: Path, out: Path, epochs: int) -> dict[str, Any]:
    """Train a tiny BiLSTM-CRF on the fixture with the CLI; its printed scores."""
    clusters = _tiny_cluster_file(tmp_path / "c.json.gz")
    proc = marsad("train", "ner-nn", "--data", str(TINY), "--clusters", str(clusters), "--out", str(out),
                  "--dev-fraction", "0.25", "--epochs", str(epochs), "--hidden", "8", "--json")
    assert proc.returncode == 0, proc.stderr
    return cast(dict[str, Any], json.loads(proc.stdout.strip().splitlines()[-1]))


def test_train_ner_nn_writes_a_neural_model(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    out = tmp_path / "nn"
    scores = _train_tiny(tmp_path, out, 2)
    assert set(scores) == {"dev", "dev_documents_20"}
    assert {"precision", "recall", "f1", "tokens_per_second", "per_type"} <= set(scores["dev"])
    meta = json.loads((out / "meta.json").read_text("utf-8"))
    assert meta["family"] == "bilstm-crf" and meta["includes_dev"] is False
    assert meta["train_sentences"] == 3 and 1 <= meta["best_epoch"] <= 2
    from marsad.extract.ner_neural import load_ner

    assert len(load_ner(out).tag(["قال", "أوباما"])) == 2


def test_train_ner_nn_without_dev_trains_every_epoch_on_every_sentence(tmp_path: Path) -> None:
    """--dev-fraction 0 folds the dev split into training: all four sentences, exactly --epochs
    epochs, the last kept, and the meta says the dev split was trained on."""
    pytest.importorskip("torch")
    clusters = _tiny_cluster_file(tmp_path / "c.json.gz")
    out = tmp_path / "nn"
    proc = marsad("train", "ner-nn", "--data", str(TINY), "--clusters", str(clusters), "--out", str(out),
                  "--dev-fraction", "0", "--epochs", "3", "--patience", "1", "--hidden", "8", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == {}
    meta = json.loads((out / "meta.json").read_text("utf-8"))
    assert meta["train_sentences"] == 4 and meta["includes_dev"] is True
    assert meta["best_epoch"] == 3 and [h["epoch"] for h in meta["history"]] == [1, 2, 3]
    assert meta["dev_f1_best_epoch"] is None
    bad = marsad("train", "ner-nn", "--data", str(TINY), "--clusters", str(clusters), "--out",
                 str(tmp_path / "m"), "--dev-fraction", "1")
    assert bad.returncode == 2 and "--dev-fraction must be in [0, 1)" in bad.stderr


@pytest.mark.parametrize("extra, message", [
    (["--clusters", "/nonexistent/c.json.gz"], "no such cluster file"),
    (["--clusters", str(TINY), "--embeddings", "warm"], "not a Marsad cluster file"),
])
def test_train_ner_nn_bad_input_is_one_line(extra: list[str], message: str, tmp_path: Path) -> None:
    pytest.importorskip("torch")
    proc = marsad("train", "ner-nn", "--data", str(TINY), "--out", str(tmp_path / "m"), *extra)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_train_ner_nn_rejects_an_unknown_embedding_mode(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    clusters = _tiny_cluster_file(tmp_path / "c.json.gz")
    proc = marsad("train", "ner-nn", "--data", str(TINY), "--clusters", str(clusters), "--out",
                  str(tmp_path / "m"), "--dev-fraction", "0.25", "--embeddings", "warm")
    assert proc.returncode == 2 and "embeddings must be one of" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_train_ner_nn_augments_only_the_training_split(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    clusters = _tiny_cluster_file(tmp_path / "c.json.gz")
    out = tmp_path / "nn"
    proc = marsad("train", "ner-nn", "--data", str(TINY), "--clusters", str(clusters), "--out", str(out),
                  "--dev-fraction", "0.25", "--epochs", "1", "--hidden", "8", "--augment", "2",
                  "--augment-rate", "1.0", "--json")
    assert proc.returncode == 0, proc.stderr
    meta = json.loads((out / "meta.json").read_text("utf-8"))
    made = meta["augmented"]["sentences"]
    assert meta["augmented"]["copies"] == 2 and made >= 1
    assert meta["train_sentences"] == 3 + made  # the dev sentence is neither trained on nor copied
    bad = marsad("train", "ner-nn", "--data", str(TINY), "--clusters", str(clusters), "--out",
                 str(tmp_path / "m"), "--augment", "-1")
    assert bad.returncode == 2 and "--augment must be" in bad.stderr and "Traceback" not in bad.stderr


def test_train_ner_ensemble_joins_members_and_scores_them(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    single = tmp_path / "nn"
    alone = _train_tiny(tmp_path, single, 1)
    copy = tmp_path / "nn2"
    __import__("shutil").copytree(single, copy)
    ens = tmp_path / "ens"
    proc = marsad("train", "ner-ensemble", "--member", str(single), "--member", str(copy), "--data", str(TINY),
                  "--dev-fraction", "0.25", "--out", str(ens), "--json")
    assert proc.returncode == 0, proc.stderr
    scores = json.loads(proc.stdout.strip().splitlines()[-1])
    assert scores["dev"]["f1"] == alone["dev"]["f1"]  # twice the same model: the same tags
    meta = json.loads((ens / "meta.json").read_text("utf-8"))
    assert meta["family"] == "bilstm-crf-ensemble" and sorted(meta["members"]) == ["m1", "m2"]
    from marsad.extract.ner_neural import NeuralEnsemble, load_ner

    assert isinstance(load_ner(ens), NeuralEnsemble)
    proc = marsad("train", "ner-ensemble", "--member", str(single), "--data", str(TINY), "--out",
                  str(tmp_path / "e2"))
    assert proc.returncode == 2 and "at least two" in proc.stderr and "Traceback" not in proc.stderr
