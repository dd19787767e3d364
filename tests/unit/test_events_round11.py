"""Round 11 lead-event rules (docs/events.md, "Round 11"): sentences written for these tests."""

from __future__ import annotations

from quote_support import quotes
from test_events import ent, lead


def test_an_event_between_the_cue_and_the_words_is_the_setting() -> None:
    text = ('قال رئيس الحكومة سامي الراشد خلال زيارة أداها صباح اليوم الأحد إلى معبد المدينة القديمة لمتابعة '
            'اليوم الأخير لهذه الزيارة السنوية، إن "البلاد منفتحة على كل الأديان".')
    ev = lead(text, [ent(text, "سامي الراشد", "PERS")])
    assert ev is not None and ev.type == "statement"


def test_the_words_themselves_still_carry_their_event() -> None:
    ev = lead('قال مسؤول في الشرطة إن قوات الأمن اعتقلت 12 شخصا في المدينة.')
    assert ev is not None and ev.type == "arrest"


def test_a_name_in_marks_after_lam_is_no_quote() -> None:
    text = ('أعلن الحوثيون، الإثنين، عن مقتل رئيس المجلس السياسي، والذي قتل في غارة جوية للتحالف العربي '
            'لـ"دعم الشرعية في اليمن"، الخميس.')
    assert quotes(text) == []
