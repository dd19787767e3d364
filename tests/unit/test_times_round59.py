"""Round 59 time rules (docs/events.md, "Round 59", the last item): sentences written for
these tests."""

from __future__ import annotations

from marsad.extract.times import find_times


def values(text: str, published: str) -> list[tuple[str, str | None]]:
    return [(t.text, t.value) for t in find_times(text, published)]


def test_bare_ghad_before_a_weekday_is_tomorrow() -> None:
    # 2018-03-02 is a Friday: «غد السبت» is the next day, not the Saturday before
    assert values("وتستمر الأمطار حتى غد السبت في معظم المناطق.", "2018-03-02") == [("غد السبت", "2018-03-03")]
    assert values("ويغادر الفريق بعد غد الاثنين إلى لندن.", "2015-08-08") == [("بعد غد الاثنين", "2015-08-10")]


def test_a_day_word_and_a_weekday_that_disagree_take_the_weekday_nearest_the_day_word() -> None:
    # dated Thursday 2015-08-06 but written the day before: «غدا الخميس» is that Thursday
    assert values("وتنطلق البطولة غدا الخميس في جدة.", "2015-08-06") == [("غدا الخميس", "2015-08-06")]
    # day word and weekday agree: nothing changes
    assert values("وقال الوزير أمس السبت إن الوضع مستقر.", "2018-03-04") == [("أمس السبت", "2018-03-03")]


def test_ghad_alone_is_no_time() -> None:
    assert values("ونأمل في غد أفضل لأبنائنا.", "2018-03-02") == []


def test_a_future_verb_before_a_bare_weekday_puts_it_in_the_coming_week() -> None:
    # 2018-03-24 is a Saturday
    assert values("وسيعقد المجلس اجتماعه الخميس في القاهرة.", "2018-03-24") == [("الخميس", "2018-03-29")]
    # a noun that only looks like a future verb, and a name the entities layer marks, change nothing
    assert values("وأحكم الجيش سيطرته على المدينة الخميس.", "2018-03-24") == [("الخميس", "2018-03-22")]
    text = "وقال وزير الخزانة ستيفن منوشين الخميس إن الوضع جيد."
    name = (text.index("ستيفن"), text.index("ستيفن") + len("ستيفن منوشين"))
    assert [(t.text, t.value) for t in find_times(text, "2018-03-24", [name])] == [("الخميس", "2018-03-22")]
