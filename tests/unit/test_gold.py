"""Gold reader, scorers and the ``marsad eval quotes|events|times`` command on tiny hand-made cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from marsad.evaluation.gold import (
    HELD_OUT_FILES,
    GoldError,
    GoldEvent,
    GoldQuote,
    GoldTime,
    check_offsets,
    file_sha256,
    load_gold,
    parse_ant,
    read_source,
)
from marsad.evaluation.scoring import (
    EventScore,
    QuoteScore,
    SysEvent,
    SysSpan,
    TimeScore,
    align,
    names_match,
    score_lead_event,
    score_quotes,
    score_times,
    spans_match,
)

BODY = ("قال الوزير أحمد سالم إن الحكومة ستفتح المعبر غدا.\n"
        "وأضاف: «سنعمل على تسهيل عبور المسافرين في الأسابيع المقبلة».")
ANT = f"""<DOC>
<DOCNO>XX-politic-1-20180305</DOCNO>
<TITLE>عنوان</TITLE>
<TIME>Mon, 05 Mar 2018 10:00:00 GMT</TIME>
<TEXT>
{BODY}
</TEXT>
</DOC>
"""


def write_case(tmp_path: Path) -> tuple[Path, Path]:
    data = tmp_path / "data"
    (data / "news").mkdir(parents=True)
    src = data / "news" / "one.txt"
    src.write_text(ANT, encoding="utf-8")
    q1 = BODY.index("الحكومة ستفتح")
    q1_end = BODY.index("غدا") + 2
    q2 = BODY.index("سنعمل")
    q2_end = BODY.index("المقبلة") + len("المقبلة")
    t = BODY.index("غدا")
    record = {
        "id": "one", "split": "test", "path": "news/one.txt", "sha256": file_sha256(src), "format": "ant",
        "published": "2018-03-05",
        "quotes": [{"start": q1, "end": q1_end, "kind": "reported", "speaker": "أحمد سالم", "snippet": "الحكومة ستفتح"},
                   {"start": q2, "end": q2_end, "kind": "direct", "speaker": "أحمد سالم|الوزير", "snippet": "سنعمل"}],
        "lead_event": {"type": "statement", "actor": "أحمد سالم", "place": None, "modality": "asserted",
                       "sentence": [0, BODY.index("\n")]},
        "times": [{"start": t, "end": t + 3, "value": "2018-03-06", "snippet": "غدا"}],
    }
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return data, gold


def test_parse_ant_body_and_dates() -> None:
    doc = parse_ant(ANT)
    assert doc.body == BODY
    assert doc.title == "عنوان"
    assert doc.published == "2018-03-05"
    jawhara = ANT.replace("Mon, 05 Mar 2018 10:00:00 GMT", "09/10/2016")
    assert parse_ant(jawhara).published == "2016-10-09"
    no_time = ANT.replace("<TIME>Mon, 05 Mar 2018 10:00:00 GMT</TIME>", "")
    assert parse_ant(no_time).published == "2018-03-05"  # from the DOCNO suffix
    with pytest.raises(GoldError):
        parse_ant("<DOC>no text</DOC>")


def test_load_and_read_source(tmp_path: Path) -> None:
    data, gold = write_case(tmp_path)
    [g] = load_gold(gold)
    assert g.split == "test" and len(g.quotes) == 2 and g.lead_event is not None
    body = read_source(g, data).body
    assert body == BODY
    assert check_offsets(g, body) == []
    assert body[g.times[0].start:g.times[0].end] == "غدا"


def test_folder_run_leaves_the_held_out_file_out(tmp_path: Path) -> None:
    _, gold = write_case(tmp_path)
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "dev.jsonl").write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
    assert HELD_OUT_FILES
    for held_out in sorted(HELD_OUT_FILES):
        (folder / held_out).write_text(gold.read_text(encoding="utf-8").replace('"test"', '"fresh"'),
                                       encoding="utf-8")
    assert [g.split for g in load_gold(folder)] == ["test"]
    for held_out in sorted(HELD_OUT_FILES):
        assert [g.split for g in load_gold(folder / held_out)] == ["fresh"]


def test_hash_mismatch_and_bad_snippet_are_reported(tmp_path: Path) -> None:
    data, gold = write_case(tmp_path)
    [g] = load_gold(gold)
    (data / "news" / "one.txt").write_text(ANT.replace("غدا", "اليوم"), encoding="utf-8")
    with pytest.raises(GoldError, match="sha256"):
        read_source(g, data)
    g.quotes[0].snippet = "شيء آخر تماما"
    assert any("snippet" in p for p in check_offsets(g, BODY))


def test_bad_gold_line_gives_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x"}\n', encoding="utf-8")
    with pytest.raises(GoldError, match="bad.jsonl:1"):
        load_gold(bad)
    with pytest.raises(GoldError, match="not found"):
        load_gold(tmp_path / "missing.jsonl")


def test_span_overlap_rule() -> None:
    assert spans_match((0, 10), (0, 10))
    assert spans_match((0, 10), (0, 5))  # half of the longer
    assert not spans_match((0, 10), (0, 4))
    assert not spans_match((0, 10), (10, 20))
    assert align([(0, 10), (20, 30)], [(21, 30), (0, 9), (50, 60)]) == [(0, 1), (1, 0)]


def test_names_match_ignores_clitics_titles_and_quotes() -> None:
    assert names_match(["الزين"], ["اللواء محمد الزين"])
    assert names_match(["وكالة وفا"], ['وكالة "وفا" الرسمية'])
    assert names_match(["مصدر في وايتهول"], ["مصدر في وايتهول"])
    assert not names_match(["الشرطة"], ["وزارة الصحة"])
    assert not names_match([""], ["أي شيء"])


def test_score_quotes_counts_by_kind_and_speaker() -> None:
    gold = [GoldQuote(0, 20, "direct", "أحمد سالم"), GoldQuote(30, 60, "reported", "الشرطة|وزارة الداخلية"),
            GoldQuote(70, 90, "reported", "مصدر أمني")]
    system = [SysSpan(0, 19, "direct", ["الوزير أحمد سالم"]), SysSpan(31, 60, "reported", ["وزارة الداخلية"]),
              SysSpan(100, 120, "direct", ["أحد"])]
    score = QuoteScore()
    score_quotes(gold, system, score)
    d = score.as_dict()
    assert (d["direct"]["tp"], d["direct"]["fp"], d["direct"]["fn"]) == (1, 1, 0)
    assert (d["reported"]["tp"], d["reported"]["fn"]) == (1, 1)
    assert d["all"]["speaker_accuracy"] == 1.0
    assert d["reported"]["right_speaker_recall"] == 0.5


def test_score_times_values() -> None:
    gold = [GoldTime(0, 5, "2018-03-06"), GoldTime(10, 20, "P2Y")]
    system = [SysSpan(0, 5, value="2018-03-06"), SysSpan(10, 20, value="2016")]
    score = TimeScore()
    score_times(gold, system, score)
    assert score.as_dict()["f1"] == 1.0
    assert score.as_dict()["value_accuracy"] == 0.5


def test_score_lead_event() -> None:
    gold = GoldEvent("attack", "القوات الجوية", "غزة|قطاع غزة", "reported", 0, 50)
    score = EventScore()
    score_lead_event(gold, SysEvent("attack", ["القوات الجوية الإسرائيلية"], "غزة", "reported"), score)
    score_lead_event(gold, None, score)
    d = score.as_dict()
    assert d["type_accuracy"] == 0.5 and d["actor_accuracy"] == 0.5 and d["place_accuracy"] == 0.5
    none_gold = GoldEvent("none", None, None, "asserted", 0, 50)
    s2 = EventScore()
    score_lead_event(none_gold, None, s2)
    assert s2.as_dict()["type_accuracy"] == 1.0 and s2.as_dict()["modality_accuracy"] is None


def test_eval_command_json(tmp_path: Path) -> None:
    import marsad.cli.evaluate_extract  # noqa: F401 - registers the commands
    from marsad.cli import app

    data, gold = write_case(tmp_path)
    runner = CliRunner()
    for task in ("quotes", "events", "times"):
        result = runner.invoke(app, ["eval", task, str(gold), "--data", str(data), "--json"])
        assert result.exit_code == 0, result.output
        out = json.loads(result.stdout.strip().splitlines()[-1])
        assert out["task"] == task and out["articles"] == 1
        assert set(out["splits"]) == {"test", "all"}
    quotes = json.loads(runner.invoke(app, ["eval", "quotes", str(gold), "--data", str(data), "--json"])
                        .stdout.strip().splitlines()[-1])
    assert quotes["splits"]["all"]["direct"]["tp"] == 1
    assert quotes["splits"]["all"]["reported"]["tp"] == 1
    assert quotes["splits"]["all"]["direct"]["speaker_accuracy"] == 1.0
    assert quotes["quote_fragments"] is True
    rules = json.loads(runner.invoke(app, ["eval", "quotes", str(gold), "--data", str(data), "--json",
                                           "--rules-only"]).stdout.strip().splitlines()[-1])
    assert rules["quote_fragments"] is False
    assert rules["splits"]["all"]["direct"]["tp"] == 1


def test_eval_command_reports_bad_input(tmp_path: Path) -> None:
    import marsad.cli.evaluate_extract  # noqa: F401
    from marsad.cli import app

    data, _ = write_case(tmp_path)
    result = CliRunner().invoke(app, ["eval", "quotes", str(tmp_path / "nope.jsonl"), "--data", str(data)])
    assert result.exit_code == 2
    assert "gold path not found" in result.output
