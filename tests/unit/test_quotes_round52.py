"""Round 52 (docs/events.md, "Round 52"): zones that hold no subject (a quotation opening with
«من», «وفي وقت سابق»), and a state named before whom it told. Sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, speakers


def test_a_quotation_opening_with_min_after_the_verb_is_no_subject() -> None:
    text = ('وقال الرئيس سامي فارس إن الحصار سيفشل. وأضاف "من يفهم قليلا في السياسة لا يوافق على وقف التصدير" '
            'مذكرا أن بلاده "تملك الكثير من الموانئ".')
    found = speakers(text, [ent(text, "سامي فارس")])
    assert [sp for _, sp in found[1:]] == ["سامي فارس", "سامي فارس"]


def test_conjunction_and_preposition_after_the_verb_is_no_subject() -> None:
    text = ('وقالت المتحدثة باسم الوزارة إن الوزارة لا تعلم بأي صفقة. وكانت محطة "إن.بي.سي نيوز" قد ذكرت '
            'وفي وقت سابق الخميس إن البلدين توصلا لاتفاق يطلق بموجبه سراح القس.')
    found = speakers(text, [ent(text, "إن.بي.سي نيوز", "ORG")])
    assert found[-1][1] == "إن.بي.سي نيوز"


def test_a_state_named_before_whom_it_told_is_the_subject() -> None:
    text = ('وقال الرئيس سامي فارس إن الرسوم ستبقى. وأبلغت طوكيو منظمة التجارة العالمية الشهر الماضي بأن لديها '
            'الحق في فرض رسوم مقابلة.')
    found = speakers(text, [ent(text, "سامي فارس"), ent(text, "طوكيو", "LOC"),
                            ent(text, "منظمة التجارة العالمية", "ORG")])
    assert found[-1][1] == "طوكيو"
