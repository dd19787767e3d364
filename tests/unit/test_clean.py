"""Tests for publisher-boilerplate cleaning (``marsad.text.clean``).

The fixtures in ``tests/fixtures/clean`` are articles the project wrote itself in
the layout of real portals; their ``.expected.json`` golden files were checked by
eye. Every test also checks the offsets: each clean character that cleaning did
not write itself maps back to the identical raw character.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.model import OffsetMap
from marsad.text import boilerplate as bp
from marsad.text.clean import CleanResult, clean_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "clean"
_BLANK = re.compile(rf"[\s{bp.BLANKS}]")


# ------------------------------------------------------------------- helpers


def inserted_positions(offsets: OffsetMap, clean_len: int) -> set[int]:
    """Clean offsets of characters that cleaning wrote itself (pieces of raw length 0)."""
    out: set[int] = set()
    for i, (start, length) in enumerate(zip(offsets.clean, offsets.length)):
        end = offsets.clean[i + 1] if i + 1 < len(offsets.clean) else clean_len
        if length == 0:
            out.update(range(start, end))
    return out


def assert_exact(raw: str, result: CleanResult) -> None:
    """Offsets and removed spans agree with the raw text, character for character."""
    inserted = inserted_positions(result.offsets, len(result.text))
    previous = -1
    for i, char in enumerate(result.text):
        j = result.offsets.to_raw(i)
        assert 0 <= j <= len(raw)
        assert j >= previous, f"offset map not monotonic at clean {i}"
        previous = j
        if i in inserted:
            assert char.isspace() or result.removed, f"unexpected inserted char {char!r}"
            continue
        assert raw[j] == char, f"clean {i} {char!r} maps to raw {j} {raw[j]!r}"
    last_end = 0
    for r in result.removed:
        assert 0 <= r.start <= r.end <= len(raw)
        assert raw[r.start:r.end] == r.text
        assert r.start >= last_end, "removed spans overlap"
        last_end = r.end


def assert_nothing_else_lost(raw: str, result: CleanResult) -> None:
    """Apart from the recorded cuts, cleaning changed only whitespace and invisibles."""
    kept: list[str] = []
    prev = 0
    for r in result.removed:
        kept.append(raw[prev:r.start])
        if r.reason == "html" and r.text.startswith("&"):
            kept.append(html.unescape(r.text))
        prev = r.end
    kept.append(raw[prev:])
    assert _BLANK.sub("", "".join(kept)) == _BLANK.sub("", result.text)


def read_fixture(name: str) -> str:
    with open(FIXTURES / name, encoding="utf-8", newline="") as handle:
        return handle.read()


# ------------------------------------------------------------ golden fixtures

FIXTURE_NAMES = sorted(p.name for p in FIXTURES.glob("*.txt"))


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_fixture_matches_golden(name: str) -> None:
    raw = read_fixture(name)
    expected = json.loads((FIXTURES / name.replace(".txt", ".expected.json")).read_text(encoding="utf-8"))
    result = clean_text(raw)
    assert result.text == expected["text"]
    assert [[r.text, r.reason] for r in result.removed] == expected["removed"]
    for key in ("translated", "translated_from", "publisher", "byline", "dateline", "meta"):
        assert getattr(result, key) == expected[key], key
    assert_exact(raw, result)
    assert_nothing_else_lost(raw, result)


def test_fixtures_are_all_there() -> None:
    assert {"translated_report.txt", "agency_dateline.txt", "read_also_share.txt",
            "plain_spacing.txt"} <= set(FIXTURE_NAMES)


def test_translated_report_disclaimer_and_metadata() -> None:
    raw = read_fixture("translated_report.txt")
    result = clean_text(raw)
    assert result.translated is True
    assert result.translated_from == "ذا تايمز"
    assert result.publisher == "بوابة الوسط"
    (cut,) = result.removed
    assert cut.reason == "disclaimer" and "غير مسؤولة" in cut.text
    assert "غير مسؤولة" not in result.text
    assert result.text.endswith("في العاصمة.")


def test_agency_copy_keeps_first_sentence_and_drops_footer() -> None:
    raw = read_fixture("agency_dateline.txt")
    result = clean_text(raw)
    assert result.dateline == "طرابلس (رويترز)"
    assert result.meta["agency"] == "رويترز" and result.meta["place"] == "طرابلس"
    assert result.text.startswith("قال مسؤولون في المؤسسة الوطنية للنفط")
    assert "«الحقوق المالية للعاملين" in result.text  # a body mention of الحقوق stays
    assert {r.reason for r in result.removed} == {"dateline", "agency_marker", "copyright"}


def test_read_also_block_and_footer() -> None:
    raw = read_fixture("read_also_share.txt")
    result = clean_text(raw)
    reasons = [r.reason for r in result.removed]
    assert reasons.count("read_also") == 3 and "share" in reasons and "follow_us" in reasons
    assert "تابع القراء الحفل" in result.text  # «تابع» in a sentence is not a follow line
    assert "يتابعوا برنامج الأنشطة" in result.text


def test_plain_article_changes_only_spacing() -> None:
    raw = read_fixture("plain_spacing.txt")
    result = clean_text(raw)
    assert result.removed == []
    assert "\r" not in result.text and "\u200c" not in result.text and "\xa0" not in result.text
    assert " ،" not in result.text and " ؟" not in result.text and "  " not in result.text
    assert "\n\n\n" not in result.text
    assert_nothing_else_lost(raw, result)


# ------------------------------------------------------ portal layouts (ours)


def clean_ok(raw: str) -> CleanResult:
    result = clean_text(raw)
    assert_exact(raw, result)
    assert_nothing_else_lost(raw, result)
    return result


BODY = "وقال الوزير إن الحكومة ستعلن خطتها الجديدة خلال الأسبوع المقبل."


def test_cnn_style_dateline_is_cut_and_recorded() -> None:
    raw = f"دبي، الإمارات العربية المتحدة (CNN)-- {BODY}"
    result = clean_ok(raw)
    assert result.text == BODY
    assert result.dateline == "دبي، الإمارات العربية المتحدة (CNN)"
    assert result.meta["place"] == "دبي، الإمارات العربية المتحدة"


def test_egyptian_agency_colon_dateline() -> None:
    result = clean_ok(f"القاهرة - أ ش أ: {BODY}")
    assert result.text == BODY and result.meta["agency"] == "أ ش أ"


def test_headline_with_dash_is_not_a_dateline() -> None:
    raw = f"ترامب - بوتين: قمة جديدة في هلسنكي\n\n{BODY}"
    result = clean_ok(raw)
    assert result.removed == [] and result.dateline is None


def test_spa_dateline_line_and_end_markers() -> None:
    raw = f" الرياض 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس\n {BODY}\n // انتهى //\n 20:26 ت م \n"
    result = clean_ok(raw)
    assert result.text == BODY
    assert [r.reason for r in result.removed] == ["dateline", "agency_marker", "agency_marker"]
    assert result.meta["agency"] == "واس"


def test_portal_byline_line_and_tag_tail() -> None:
    raw = f" Next Previous سالم أحمد – عين اليوم\n{BODY} سمات الحكومة الخطة الأسبوع "
    result = clean_ok(raw)
    assert result.text == BODY
    assert [r.reason for r in result.removed] == ["navigation", "byline", "tags"]
    assert result.byline == "سالم أحمد – عين اليوم"


def test_news_link_tail_gives_publisher() -> None:
    raw = f"{BODY} رابط الخبر بصحيفة الوئام: الحكومة تعلن خطتها "
    result = clean_ok(raw)
    assert result.text == BODY and result.publisher == "الوئام"


def test_share_prefix_on_first_line() -> None:
    result = clean_ok(f" شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك {BODY}")
    assert result.text == BODY and result.removed[0].reason == "share"


def test_syndication_footer_marks_translation() -> None:
    raw = f"{BODY}\n\n * خدمة «نيويورك تايمز» خاص بـ«الشرق الأوسط»"
    result = clean_ok(raw)
    assert result.text == BODY
    assert result.translated and result.translated_from == "نيويورك تايمز"
    assert result.publisher == "الشرق الأوسط"


def test_arab_republished_line_is_not_a_translation() -> None:
    result = clean_ok(f"{BODY}\n*نقلاً عن الرؤية الإماراتية")
    assert result.text == BODY and not result.translated
    assert result.meta["republished_from"] == "الرؤية الإماراتية"


def test_foreign_republished_line_is_a_translation() -> None:
    result = clean_ok(f"{BODY}\nنقلا عن صحيفة الغارديان البريطانية")
    assert result.translated and result.translated_from == "الغارديان"


def test_translation_credit_line() -> None:
    result = clean_ok(f"ترجمة: سعاد علي\n\n{BODY}")
    assert result.text == BODY and result.translated and result.meta["translator"] == "سعاد علي"


def test_prepared_and_translated_byline() -> None:
    result = clean_ok(f"إعداد وترجمة - بندر علي\n{BODY}")
    assert result.text == BODY and result.byline == "بندر علي"
    assert result.translated and result.meta["translator"] == "بندر علي"


def test_place_agency_line_is_a_dateline() -> None:
    result = clean_ok(f"\xa0\xa0الرياض - واس \n {BODY}")
    assert result.text == BODY and result.removed[0].reason == "dateline"
    assert result.meta == {"agency": "واس", "place": "الرياض"}


def test_agency_credit_under_a_caption() -> None:
    result = clean_ok(f"{BODY}\n(أ. ف. ب)\n")
    assert result.text == BODY and result.meta["agency"] == "أ. ف. ب"


def test_opinion_header_gives_byline() -> None:
    raw = ("هذا المقال بقلم سامر خليل، والآراء الواردة أدناه تعبر عن رأي الكاتب، "
           "ولا تعكس بالضرورة وجهة نظر شبكة CNN.\n" + BODY)
    result = clean_ok(raw)
    assert result.text == BODY and result.byline == "سامر خليل"
    assert result.removed[0].reason == "disclaimer"


def test_byline_line_and_opinion_disclaimer_footer() -> None:
    raw = f"كتب: أحمد علي\n\n{BODY}\n** جميع المقالات المنشورة تمثل رأي كتابها فقط."
    result = clean_ok(raw)
    assert result.text == BODY and result.byline == "أحمد علي"
    assert [r.reason for r in result.removed] == ["byline", "disclaimer"]


def test_disclaimer_glued_to_last_paragraph() -> None:
    raw = f"{BODY} بوابة الوسط غير مسؤولة عن مضامين الأخبار والتقارير والمقالات المترجمة."
    result = clean_ok(raw)
    assert result.text == BODY and result.translated and result.publisher == "بوابة الوسط"


def test_cannot_bear_responsibility_disclaimer() -> None:
    raw = f"{BODY}\nلا تتحمل بوابة الوسط أي مسؤولية عن مضمون المقالات المترجمة المنشورة."
    result = clean_ok(raw)
    assert result.text == BODY and result.publisher == "بوابة الوسط" and result.translated


@pytest.mark.parametrize(("raw", "reason", "translated_from", "publisher"), [
    ((f"نشرت «ذا تايمز» البريطانية تقريرا عن ليبيا.\n{BODY}\n"
      "ملاحظة: الموقع غير مسؤول عن مضامين المقالات المترجمة."), "disclaimer", "ذا تايمز", None),
    (f"{BODY}\n(المقالات المترجمة لا تعبر بالضرورة عن رأي الموقع)", "disclaimer", None, None),
    (f"هذا المقال مترجم عن صحيفة الغارديان البريطانية\n{BODY}", "translation", "الغارديان", None),
    (f"ترجمة خاصة بـ«بوابة الوسط»\nقالت صحيفة «الإندبندنت» البريطانية إن الوزير سيزور طرابلس.\n{BODY}",
     "translation", "الإندبندنت", "بوابة الوسط"),
    (f"{BODY}\nلا تتحمل «بوابة الوسط» أي مسؤولية قانونية أو أدبية عن مضمون المقالات المترجمة.",
     "disclaimer", None, "بوابة الوسط"),
    (f"{BODY}\nالمصدر: صحيفة التايمز البريطانية", "source", "التايمز", None),
])
def test_translation_signals(raw: str, reason: str, translated_from: str | None, publisher: str | None) -> None:
    result = clean_ok(raw)
    assert result.translated
    assert [r.reason for r in result.removed] == [reason]
    assert result.translated_from == translated_from
    assert result.publisher == publisher
    assert BODY in result.text


@pytest.mark.parametrize(("raw", "dateline"), [
    (f"القاهرة ـ أ ش أ: {BODY}", "القاهرة ـ أ ش أ"),
    (f"طرابلس (رويترز) ـ {BODY}", "طرابلس (رويترز)"),
    (f"(أ ف ب) - {BODY}", "(أ ف ب)"),
    (f"الخرطوم - (سونا) : {BODY}", "الخرطوم - (سونا)"),
    (f"أنقرة/ الأناضول\n{BODY}", "أنقرة/ الأناضول"),
    (f"القاهرة - بوابة الأهرام: {BODY}", "القاهرة - بوابة الأهرام"),
])
def test_tatweel_and_bare_agency_datelines(raw: str, dateline: str) -> None:
    result = clean_ok(raw)
    assert result.text == BODY and result.dateline == dateline


def test_subscribe_prompt_and_separator() -> None:
    raw = (f"{BODY}\n--------------------\nيمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل "
           "أحدث نسخة من تطبيق الموقع على هاتفكم المحمول.\n")
    result = clean_ok(raw)
    assert result.text == BODY
    assert [r.reason for r in result.removed] == ["separator", "subscribe"]


def test_contact_and_more_footers() -> None:
    raw = f"{BODY}\n\n ...المزيد\nللتواصل أرسل sms إلى 88000 ثم الرسالة\nwriter@example.com"
    result = clean_ok(raw)
    assert result.text == BODY
    assert [r.reason for r in result.removed] == ["more", "contact", "contact"]


def test_html_tags_and_entities() -> None:
    raw = "<p>قال الوزير &quot;نعم&quot; للاتفاق</p><p>ثم غادر القاعة.</p>"
    result = clean_ok(raw)
    assert result.text == 'قال الوزير "نعم" للاتفاق\n\nثم غادر القاعة.'
    assert all(r.reason == "html" for r in result.removed)


# ------------------------------------------------- body text that must stay


@pytest.mark.parametrize("sentence", [
    "تابعوا المباراة في الملعب حتى الدقيقة الأخيرة رغم المطر.",
    "انضم برايان أكتون، أحد مؤسسي واتساب، إلى الحملة التي تطالب بحذف فيسبوك.",
    "ويتمتع المقيم النظامي بجميع الحقوق والواجبات في هذا البلد.",
    "واعتبرت الأمانة العامة أن هذه التصريحات غير مسؤولة عن مضمون الاتفاق.",
    "وقال المصدر: إن اللاعب ليس ضمن القائمة.",
    "شارك اللاعب في المباراة الأخيرة وسجل هدفين.",
    "للمزيد من الوضوح، شرح الوزير الخطة بندا بندا أمام البرلمان.",
    "يمكنك التحكم في تطبيقات الطرف الثالث من إعدادات حسابك على فيسبوك.",
    "* الوزير يعلن الخطة اليوم في مؤتمر صحفي بالعاصمة وسط حضور كبير من الصحفيين.",
])
def test_body_sentences_with_cue_words_survive(sentence: str) -> None:
    raw = f"{BODY}\n{sentence}\n{BODY}"
    result = clean_ok(raw)
    assert result.removed == []
    assert sentence in result.text


def test_agency_cited_in_first_sentence_is_not_a_dateline() -> None:
    raw = f"أعلن الجيش الليبي (وال) أن قواته سيطرت على المدينة.\n{BODY}"
    assert clean_ok(raw).removed == []


def test_headline_like_first_line_survives() -> None:
    raw = f"تقرير: ليبيا تستعد للانتخابات\n\n{BODY}"
    assert clean_ok(raw).removed == []


def test_body_sentence_as_last_line_survives() -> None:
    raw = f"{BODY}\nشارك اللاعب في المباراة الأخيرة وسجل هدفين."
    assert clean_ok(raw).removed == []


# --------------------------------------------------------------- spacing


@pytest.mark.parametrize(("raw", "clean"), [
    ("قال ، إن", "قال، إن"),
    ("قال،إن", "قال، إن"),
    ("هل جاء ؟", "هل جاء؟"),
    ("انتهى .", "انتهى."),
    ("كلمة  كلمة", "كلمة كلمة"),
    ("سطر\r\nسطر", "سطر\nسطر"),
    ("فقرة\n\n\n\nفقرة", "فقرة\n\nفقرة"),
    ("\ufeff\u200fكلمة\u200c\u200dكلمة\u200e ", "كلمةكلمة"),
    ("كلمة\xa0كلمة", "كلمة كلمة"),
    ("  \n نص \n  ", "نص"),
    ("الساعة 10:30 صباحا", "الساعة 10:30 صباحا"),
])
def test_spacing_repair(raw: str, clean: str) -> None:
    result = clean_ok(raw)
    assert result.text == clean
    assert result.removed == []


def test_empty_and_blank_input() -> None:
    assert clean_text("").text == ""
    result = clean_text(" \n\u200f\n ")
    assert result.text == "" and result.removed == []


def test_non_string_input_gives_clear_error() -> None:
    with pytest.raises(TypeError, match="clean_text expects str"):
        clean_text(b"bytes")  # type: ignore[arg-type]


# --------------------------------------------------------------- properties

_ARABICISH = st.sampled_from(list("ابتثجحخدذرزسشصضطظعغفقكلمنهوي ،؛؟!.:\n\r\t\xa0\u200c\u200f«»&;<>/-–()\x85\u2028\x1c"))
_SNIPPETS = st.sampled_from(["اقرأ أيضا:", "شارك", "تابعونا على فيسبوك", "غير مسؤولة عن مضامين الأخبار",
                             "// انتهى //", "&quot;", "<br>", "طرابلس (رويترز) -", "سمات", "\n\n\n", " ، "])


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=20), _ARABICISH, _SNIPPETS), max_size=40).map("".join))
def test_property_offsets_exact_on_random_text(raw: str) -> None:
    result = clean_text(raw)
    inserted = inserted_positions(result.offsets, len(result.text))
    previous = 0
    for i, char in enumerate(result.text):
        j = result.offsets.to_raw(i)
        assert previous <= j < len(raw)
        previous = j
        if i not in inserted:
            assert raw[j] == char
        else:
            assert char in " \n" or any(r.reason == "html" for r in result.removed)
    end = 0
    for r in result.removed:
        assert end <= r.start <= r.end <= len(raw) and raw[r.start:r.end] == r.text
        end = r.end
    assert_nothing_else_lost(raw, result)


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_property_any_unicode_never_crashes(raw: str) -> None:
    result = clean_text(raw)
    assert result.text == result.text.strip()
    assert_exact(raw, result)
    assert_nothing_else_lost(raw, result)


def test_cleaning_is_idempotent_on_fixtures() -> None:
    for name in FIXTURE_NAMES:
        once = clean_text(read_fixture(name)).text
        twice = clean_text(once)
        assert twice.text == once and twice.removed == []


# ------------------------------------------------------- real corpus (shared)


def test_real_articles_lose_nothing_but_boilerplate(shared_data: Path) -> None:
    """On real articles: exact offsets, and only recorded cuts change non-blank text."""
    files = sorted((shared_data / "news" / "ant_multisource").glob("*/*/*.txt"))[::200][:150]
    if not files:
        pytest.skip("ANT corpus files not found")
    for path in files:
        document = path.read_text(encoding="utf-8", errors="replace")
        match = re.search(r"<TEXT>\n?(.*?)</TEXT>", document, re.DOTALL)
        if not match:
            continue
        raw = match.group(1)
        result = clean_text(raw)
        assert_exact(raw, result)
        assert_nothing_else_lost(raw, result)
