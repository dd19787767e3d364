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
    assert "✓" in proc.stdout.decode()  # the main event of the lead sentence is marked


def test_the_example_lead_is_a_possible_training_event(example_json: dict) -> None:
    """The issue's example: «يمكن أن تبعث بريطانيا وحدات إلى ليبيا لتدريب قوات …» is a possible
    military-training event, and it is the one marked as the article's main event."""
    main = [e for e in example_json["events"] if e["main"]]
    assert len(main) == 1 and main[0]["sentence"] == 0
    assert main[0]["type"] == "military_assistance" and main[0]["modality"] == "possible"


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


ANT_TWO_DOCS = """<DOC>
<DOCNO>XX-test-1-20180301</DOCNO>
<TITLE>وزير الخارجية يزور طرابلس</TITLE>
<TIME>Thu, 01 Mar 2018 10:00:00 GMT</TIME>
<ABSTRACT>ملخص لا يدخل في النص</ABSTRACT>
<TEXT>
وصل وزير الخارجية إلى طرابلس أمس في زيارة رسمية.
</TEXT>
</DOC>
<DOC>
<DOCNO>XX-test-2-20180302</DOCNO>
<TITLE>خبر ثان</TITLE>
<TEXT>
وقال المتحدث إن الاجتماع سيعقد الأسبوع المقبل.
</TEXT>
</DOC>
"""


def test_ant_markup_is_read_as_articles_not_analysed_as_text(tmp_path: Path) -> None:
    src = tmp_path / "two.txt"
    src.write_text(ANT_TWO_DOCS, encoding="utf-8")
    proc = run(str(src), "--json")
    assert proc.returncode == 0, proc.stderr.decode()
    first, second = (json.loads(x) for x in proc.stdout.decode().splitlines())
    assert first["title"] == "وزير الخارجية يزور طرابلس"
    assert first["text"].startswith("وصل وزير الخارجية") and "<" not in first["text"]
    assert "ملخص" not in first["text"] and first["published"].startswith("2018-03-01")
    assert [t["value"] for t in first["times"] if t["text"] == "أمس"] == ["2018-02-28"]
    assert second["title"] == "خبر ثان" and second["text"].startswith("وقال المتحدث")


def test_published_on_the_command_line_overrides_the_file(tmp_path: Path) -> None:
    src = tmp_path / "one.txt"
    src.write_text(ANT_TWO_DOCS.split("</DOC>")[0] + "</DOC>\n", encoding="utf-8")
    proc = run(str(src), "--json", "--published", "2020-05-05")
    assert proc.returncode == 0, proc.stderr.decode()
    [doc] = (json.loads(x) for x in proc.stdout.decode().splitlines())
    assert doc["published"] == "2020-05-05"


def test_html_page_gives_its_main_text_and_script_stays_out(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text("<html><head><title>عنوان</title><script>alert('x')</script></head><body><article>"
                    "<h1>عنوان الخبر</h1><p>" + "قال الوزير إن المحادثات ستستمر في القاهرة الأسبوع المقبل. " * 5
                    + "</p></article></body></html>", encoding="utf-8")
    proc = run(str(page), "--json")
    assert proc.returncode == 0, proc.stderr.decode()
    [doc] = (json.loads(x) for x in proc.stdout.decode().splitlines())
    assert "alert" not in doc["text"] and "<p>" not in doc["text"]
    assert "المحادثات ستستمر" in doc["text"]
