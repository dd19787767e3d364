"""`marsad analyze`: JSON Lines output, the readable view, and bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "britain_libya.txt"


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "marsad", "analyze", *args],
        input=stdin, capture_output=True, timeout=300, check=False,
    )


@pytest.fixture(scope="module")
def example_json() -> dict:
    proc = run(str(EXAMPLE), "--json")
    assert proc.returncode == 0, proc.stderr.decode()
    lines = proc.stdout.decode().splitlines()
    assert len(lines) == 1
    return json.loads(lines[0])


def test_json_has_the_promised_fields(example_json: dict) -> None:
    for key in ("text", "title", "source", "translated", "removed", "sentences", "tokens"):
        assert key in example_json
    assert example_json["title"] == "بريطانيا تدرس إرسال وحدات إلى ليبيا لتدريب قوة لمكافحة الإرهاب"
    assert example_json["translated"] is True


def test_json_spans_point_into_the_text(example_json: dict) -> None:
    text = example_json["text"]
    raw = example_json["raw"]
    for r in example_json["removed"]:
        assert raw[r["start"]:r["end"]] == r["text"]
    for t in example_json["tokens"]:
        assert text[t["start"]:t["end"]] == t["text"]
    assert "غير مسؤولة" not in text and "شارك هذا المقال" not in text
    assert text.startswith("يمكن أن تبعث بريطانيا")


def test_readable_view_runs() -> None:
    proc = run(str(EXAMPLE))
    assert proc.returncode == 0, proc.stderr.decode()
    assert "boilerplate removed" in proc.stdout.decode()


def test_stdin_is_read() -> None:
    proc = run("-", "--json", stdin="قال الوزير إن الاجتماع مهم.".encode())
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["text"] == "قال الوزير إن الاجتماع مهم."


def test_windows_1256_is_decoded(tmp_path: Path) -> None:
    f = tmp_path / "legacy.txt"
    f.write_bytes("قال الوزير إن الاجتماع مهم جدا للبلدين.".encode("cp1256"))
    proc = run(str(f), "--json")
    assert proc.returncode == 0, proc.stderr.decode()
    assert json.loads(proc.stdout)["text"] == "قال الوزير إن الاجتماع مهم جدا للبلدين."


def test_bad_inputs_are_reported_and_good_ones_still_processed(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_bytes(b"  \n\n ")
    binary = tmp_path / "image.bin"
    binary.write_bytes(bytes(range(256)) * 8)
    missing = tmp_path / "missing.txt"
    proc = run(str(empty), str(binary), str(missing), str(EXAMPLE), str(blank), "--json")
    assert proc.returncode == 1
    err = proc.stderr.decode().strip().splitlines()
    assert len(err) == 4, err
    assert all(line.startswith("marsad analyze: ") for line in err)
    assert "Traceback" not in proc.stderr.decode()
    assert len(proc.stdout.decode().splitlines()) == 1


def test_huge_input_is_refused_clearly(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(21 * 1024 * 1024)
    proc = run(str(huge))
    assert proc.returncode == 1
    assert "too large" in proc.stderr.decode()
