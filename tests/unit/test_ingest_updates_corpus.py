"""`marsad ingest` brings duplicates, stories and the registry up to date by itself."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def marsad(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "marsad", *args], capture_output=True, text=True,
                          timeout=300, cwd=ROOT, check=False)


def test_ingest_updates_stories_without_a_separate_step(tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    first = marsad("ingest", "examples", "--db", db, "--report", str(tmp_path / "r.jsonl"))
    assert first.returncode == 0, first.stderr
    assert "corpus: 1 articles processed" in first.stderr
    stories = marsad("stories", "--db", db, "--no-update", "--min-size", "1", "--json")
    assert stories.returncode == 0, stories.stderr
    lines = [json.loads(line) for line in stories.stdout.splitlines()]
    assert len(lines) == 1 and len(lines[0]["articles"]) == 1
    again = marsad("ingest", "examples", "--db", db, "--report", str(tmp_path / "r.jsonl"))
    assert "corpus: 0 articles processed" in again.stderr


def test_no_corpus_skips_the_update(tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    run = marsad("ingest", "examples", "--db", db, "--no-corpus", "--report", str(tmp_path / "r.jsonl"))
    assert run.returncode == 0, run.stderr
    assert "corpus:" not in run.stderr
    stories = marsad("stories", "--db", db, "--no-update", "--min-size", "1", "--json")
    assert stories.stdout.strip() == ""
