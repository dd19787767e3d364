"""The evaluation gate (eval/gate.py) on stand-in tasks: pass, fail, changed data, absent data."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from eval_script_support import EVAL, load_eval_script


@pytest.fixture(scope="module")
def gate():  # type: ignore[no-untyped-def]
    return load_eval_script("gate")


def write_task(folder: Path, data_root: Path, gate, minimum: float, score: float,  # type: ignore[no-untyped-def]
               good_hash: bool = True) -> None:
    (data_root / "task").mkdir(parents=True, exist_ok=True)
    (data_root / "task" / "gold.txt").write_text("gold data\n", "utf-8")
    digest = gate.data_hash(data_root, ["task/gold.txt"]) if good_hash else "0" * 64
    printer = f"import json; print('log line'); print(json.dumps({{'f1': {score}, 'per_type': {{'PERS': {{'f1': 0.9}}}}}}))"
    baseline = {"task": "demo", "command": [sys.executable, "-c", printer, "{data}/task/gold.txt"],
                "data": ["task/gold.txt"], "data_sha256": digest,
                "minimums": {"f1": minimum, "per_type.PERS.f1": 0.5}}
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "demo.json").write_text(json.dumps(baseline), "utf-8")


def test_gate_passes_when_scores_meet_minimums(gate, tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MARSAD_DATA", str(tmp_path / "data"))
    write_task(tmp_path / "b", tmp_path / "data", gate, minimum=0.7, score=0.75)
    assert gate.main(["--baselines", str(tmp_path / "b")]) == 0
    assert "gate passed" in capsys.readouterr().out


def test_gate_fails_when_a_score_drops(gate, tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MARSAD_DATA", str(tmp_path / "data"))
    write_task(tmp_path / "b", tmp_path / "data", gate, minimum=0.8, score=0.75)
    assert gate.main(["--baselines", str(tmp_path / "b")]) == 1
    assert "FAIL" in capsys.readouterr().out


def test_gate_fails_when_the_evaluation_data_changed(gate, tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MARSAD_DATA", str(tmp_path / "data"))
    write_task(tmp_path / "b", tmp_path / "data", gate, minimum=0.1, score=0.75, good_hash=False)
    assert gate.main(["--baselines", str(tmp_path / "b")]) == 1
    assert "evaluation data changed" in capsys.readouterr().out


def test_gate_skips_without_shared_data(gate, tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("MARSAD_DATA", str(tmp_path / "nowhere"))
    assert gate.main([]) == 0
    assert "shared data absent: gate skipped" in capsys.readouterr().out


def test_lookup_follows_dotted_paths(gate) -> None:  # type: ignore[no-untyped-def]
    result = {"f1": 0.8, "per_type": {"LOC": {"f1": 0.9}}}
    assert gate.lookup(result, "per_type.LOC.f1") == 0.9
    assert gate.lookup(result, "per_type.ORG.f1") is None


def test_shipped_ner_baseline_is_well_formed(gate) -> None:  # type: ignore[no-untyped-def]
    base = gate.Baseline.load(EVAL / "baselines" / "ner.json")
    assert base.task == "ner" and "--split" in base.command and "dev" in base.command
    assert base.minimums["f1"] > 0.5 and len(base.data_sha256) == 64


def test_gate_commands_run_marsad_and_eval_scripts_with_this_interpreter(gate, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    assert gate.resolve_command(["marsad", "eval", "ner", "{data}/x.txt"], tmp_path) == [
        sys.executable, "-m", "marsad", "eval", "ner", f"{tmp_path}/x.txt"]
    assert gate.resolve_command(["python", "eval/dup_gate.py", "--json"], tmp_path) == [
        sys.executable, "eval/dup_gate.py", "--json"]
    base = gate.Baseline.load(EVAL / "baselines" / "duplicates.json")
    assert base.minimums["round12.recall"] > 0.8 and base.data and all(d.endswith(".zip") for d in base.data)
