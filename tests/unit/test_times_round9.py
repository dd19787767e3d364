"""Round 9 time rules (docs/events.md, "Round 9"): sentences written for these tests."""

from __future__ import annotations

from test_times_round8 import spans


def test_month_of_last_or_this_year_is_one_expression() -> None:
    assert spans("بدأت المحاكمات منذ مطلع أيلول/سبتمبر من العام الماضي.") == [
        ("أيلول/سبتمبر من العام الماضي", "2018-09")]
    assert spans("وارتفعت الأسعار في مارس من العام الماضي.") == [("مارس من العام الماضي", "2018-03")]
    assert spans("وتنطلق الدورة في 5 يناير من العام المقبل.") == [("5 يناير من العام المقبل", "2020-01-05")]
    assert spans("وبدأت الأزمة في فبراير من العام الجاري.") == [("فبراير من العام الجاري", "2019-02")]


def test_the_next_day_is_story_anchored() -> None:
    assert spans("وعاد الفريق إلى المدينة في اليوم التالي للمباراة.") == [("في اليوم التالي", None)]
