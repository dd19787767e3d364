"""`marsad train ner` and `marsad eval ner`: output shape, splits and bad input.

A tiny model is trained here on the project's own fixture (no shared data needed),
then evaluated through the real command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

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
