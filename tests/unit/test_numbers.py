"""The numbers stage on sentences written for these tests."""

from __future__ import annotations

import re

import pytest

from marsad.extract.numbers import NumbersStage, find_numbers
from marsad.extract.times import TimesStage
from marsad.model import Article, Sentence, Token


def make_article(text: str) -> Article:
    """An Article with sentences and tokens (the real segmenter, or a regex stand-in)."""
    article = Article.from_raw(text, published="2016-03-10")
    try:
        from marsad.text.segment import split_sentences, tokenize
        sentences, tokens = split_sentences(text), tokenize(text)
    except ImportError:  # the text layer is still being written
        sentences = [(0, len(text))] if text.strip() else []
        tokens = [m.span() for m in re.finditer(r"\w+|[^\w\s]", text)]
    article.set_layer("sentences", [Sentence(s, e) for s, e in sentences])
    article.set_layer("tokens", [Token(s, e, text[s:e]) for s, e in tokens])
    return article


def run(text: str, with_times: bool = True) -> list:
    article = make_article(text)
    if with_times:
        article = TimesStage()(article)
    article = NumbersStage()(article)
    article.validate()
    for n in article.layer("numbers"):
        assert n.text == article.text[n.start:n.end]
    return article.layer("numbers")


def table(text: str, with_times: bool = True) -> list[tuple[str, float | None, str | None, bool]]:
    return [(n.text, n.value, n.unit, n.approximate) for n in run(text, with_times)]


def test_stage_metadata() -> None:
    stage = NumbersStage()
    assert (stage.name, stage.requires, stage.assigns) == ("numbers", ("tokens",), ("numbers",))


@pytest.mark.parametrize("text,expected", [
    ("يضم التنظيم 5000 عنصر", ("5000", 5000, "عنصر", False)),
    ("خصصت 12 مليون دولار", ("12 مليون", 12_000_000, "دولار", False)),
    ("وصل 1,500 لاجئ", ("1,500", 1500, "لاجئ", False)),
    ("وصل ١٬٥٠٠ لاجئ", ("١٬٥٠٠", 1500, "لاجئ", False)),
    ("بلغ 2.5 مليار يورو", ("2.5 مليار", 2_500_000_000, "يورو", False)),
    ("قرابة ٥٠٠٠ شخص", ("٥٠٠٠", 5000, "شخص", True)),
    ("نشرت ثلث القوات", ("ثلث", 0.333, "القوات", False)),
    ("نشرت ثلاثة أرباع القوات", ("ثلاثة أرباع", 0.75, "القوات", False)),
    ("أرسلت عدة مئات من الجنود", ("عدة مئات", 300, "الجنود", True)),
    ("قتل ثلاثة أشخاص", ("ثلاثة", 3, "أشخاص", False)),
    ("خمسة وعشرون جنديا", ("خمسة وعشرون", 25, "جنديا", False)),
    ("عشرات الآلاف من النازحين", ("عشرات الآلاف", 30000, "النازحين", True)),
    ("عشرات القتلى", ("عشرات", 30, "القتلى", True)),
    ("مليون ونصف لاجئ", ("مليون ونصف", 1_500_000, "لاجئ", False)),
    ("أكثر من 200 بالقوات", ("200", 200, "القوات", True)),
])
def test_quantities_with_their_unit(text: str, expected: tuple) -> None:
    assert table(text) == [expected]


@pytest.mark.parametrize("text,value", [
    ("ارتفع 20 في المئة", 20), ("ارتفع 20 في المائة", 20), ("ارتفع 20%", 20),
    ("ارتفع %20", 20), ("ارتفع ٣٥٪", 35), ("ارتفع 7.5 بالمئة", 7.5), ("ارتفع عشرين بالمائة", 20),
])
def test_percentages(text: str, value: float) -> None:
    [(_, got, unit, _)] = table(text)
    assert (got, unit) == (value, "%")


def test_report_sentence() -> None:
    text = ("وقال مصدر أمس إن بريطانيا سترسل ألف جندي منذ عامين في 2016 وأمضى 12 سنة، "
            "فيما يضم التنظيم 5000 عنصر.")
    got = {n.text: (n.value, n.unit) for n in run(text)}
    assert got["ألف"] == (1000, "جندي")
    assert got["5000"] == (5000, "عنصر")
    assert "2016" not in got


@pytest.mark.parametrize("with_times", [True, False])
def test_years_and_dates_are_not_numbers(with_times: bool) -> None:
    text = "في عام 2016 وفي 2015 وصدر في 12/3/2016 الساعة 10:30 بطائرات F16"
    assert table(text, with_times) == []


def test_words_that_are_not_quantities() -> None:
    assert table("التقى أحد المسؤولين يوم الاثنين وعدة أشخاص") == []


def test_two_numbers_joined_by_and_stay_two() -> None:
    got = [(n.text, n.value) for n in run("قتل ثلاثة وجرح خمسة")]
    assert got == [("ثلاثة", 3), ("خمسة", 5)]


def test_plain_function_and_empty_text() -> None:
    assert find_numbers("") == []
    assert [n.value for n in find_numbers("٧ جنود")] == [7]
    assert NumbersStage()(Article.from_raw("")).layer("numbers") == []


def test_year_like_numbers_and_verbs_are_not_quantities() -> None:
    assert table("تصفيات كأس العالم 2018 ضد الأرجنتين") == []
    assert table("قال: لست ذاهبا") == []
    assert table("قتل 2018 شخصا") == [("2018", 2018, "شخصا", False)]


def test_direction_word_is_not_a_unit() -> None:
    got = table("خلال الأشهر الـ18 الماضية")
    assert [(v, u) for _, v, u, _ in got] == [(18, None)]


def test_rounds_and_labels() -> None:
    assert table("في ذهاب الدور ربع النهائي") == []
    assert table("القرار الدولي رقم 1701 الصادر") == [("1701", 1701, None, False)]


def test_glued_percent_and_ordinal_teens() -> None:
    assert table("هبط المؤشر 2.57بالمئة") == [("2.57بالمئة", 2.57, "%", False)]
    assert table("على أن تكون العودة في الخامس عشر من الشهر") == []
