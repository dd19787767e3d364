"""Round 8 time rules (docs/events.md, "Round 8"): sentences written for these tests."""

from __future__ import annotations

from marsad.extract.times import find_times


def spans(text: str, published: str = "2019-06-12") -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_times(text, published)]


def test_yesterday_or_tomorrow_with_weekday_and_part_of_day_is_one_span() -> None:
    # 2019-06-12 is a Wednesday
    assert spans("وصل الوفد مساء أمس الثلاثاء إلى المدينة.") == [("مساء أمس الثلاثاء", "2019-06-11")]
    assert spans("ويبدأ الإضراب غدا الخميس في المصانع.") == [("غدا الخميس", "2019-06-13")]
    assert spans("وانقطعت الكهرباء فجر أمس.") == [("فجر أمس", "2019-06-11")]


def test_hours_written_as_ordinal_words() -> None:
    assert spans("انطلق القطار الساعة السابعة صباحا من المحطة.") == [("الساعة السابعة صباحا", "T07:00")]
    assert spans("تفتح الحديقة من 10 صباحا حتى الخامسة عصرا.") == [("10 صباحا", "T10:00"), ("الخامسة عصرا", "T17:00")]
    assert ("الساعة التاسعة", "T21:00") in spans("وقع الحادث الساعة التاسعة من مساء أمس الثلاثاء.")
    # minutes joined by و are not read as a bare hour
    assert all(v != "T03:00" for _, v in spans("في تمام الساعة الثالثة وعشر دقائق"))


def test_decades_but_not_ages() -> None:
    assert spans("انتقلت العائلة إلى المدينة في السبعينيات.") == [("السبعينيات", "197")]
    assert spans("وهو في السبعينيات من عمره.") == []


def test_quarters() -> None:
    assert spans("نمت المبيعات في الربع الثالث من 2016.") == [("الربع الثالث من 2016", "2016-Q3")]
    assert spans("تراجعت الأرباح في الربع الأول من العام الجاري.") == [("الربع الأول من العام الجاري", "2019-Q1")]


def test_since_the_start_of_the_year() -> None:
    assert spans("ارتفعت الأسعار منذ بداية العام.") == [("منذ بداية العام", "2019-01")]
    assert spans("ارتفعت الأسعار منذ بداية العام الماضي.") == [("منذ بداية العام الماضي", "2018-01")]


def test_vague_story_times_have_no_value() -> None:
    assert spans("وكان يعمل آنذاك في الميناء، ولم يعد منذ ذلك الحين.") == [("آنذاك", None), ("منذ ذلك الحين", None)]
    assert spans("بقي المصنع مغلقا لفترة طويلة.") == [("فترة طويلة", None)]  # the clitic ل stays outside


def test_ages_as_durations() -> None:
    assert spans("طفل في الثامنة من عمره") == [("الثامنة من عمره", "P8Y")]
    assert spans("يمنع القانون عمل من هم دون سن الـ15") == [("سن الـ15", "P15Y")]


def test_a_date_every_year_is_habitual() -> None:
    assert spans("تحتفل البلدة في 4 مايو من كل عام بعيد الزهور.") == [("4 مايو من كل عام", None)]


def test_two_years_after_a_preposition_are_two_spans() -> None:
    assert spans("يتوقع نمو الاقتصاد في 2020 و2021.") == [("2020", "2020"), ("2021", "2021")]
    assert spans("بلغ العجز ذروته خلال عامي 2014 و2015.") == [("عامي 2014 و2015", "2014/2015")]
