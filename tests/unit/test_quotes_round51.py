"""Round 51 (docs/events.md, "Round 51"): a relative clause's named antecedent speaks, a trailing
«وفقا لما ذكره …» names its source, and a fragment's sentence subject may be a body noun.
Sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, speakers


def test_named_antecedent_of_a_relative_clause_speaks() -> None:
    text = ('وجاءت تصريحات الرئيس سامي فارس بعد أخرى صادرة عن وزير الداخلية، خالد منصور، والذي قال إن '
            '"الحدود ستبقى مغلقة حتى نهاية الشهر".')
    found = speakers(text, [ent(text, "سامي فارس"), ent(text, "خالد منصور")])
    assert found[-1] == ("الحدود ستبقى مغلقة حتى نهاية الشهر", "خالد منصور")


def test_a_relative_pronoun_that_does_not_agree_is_left_alone() -> None:
    text = ('وقال الرئيس سامي فارس إن المفاوضات متعثرة. وانتقد سامي فارس الخطة، التي قال إنها "لن تنجح في '
            'إنهاء الأزمة".')
    found = speakers(text, [ent(text, "سامي فارس")])
    assert found[-1][1] == "سامي فارس"


def test_source_after_lima_and_the_verb_of_a_trailing_attribution() -> None:
    text = ('تأثرت المدينة المحاصرة "بمزيد من القصف والمزيد من القتال والمزيد من النزوح،" وفقاً لما ذكره '
            'منسق الإغاثة، خالد منصور، لمجلس الأمن.')
    found = speakers(text, [ent(text, "خالد منصور")])
    assert found[-1][1] != "لما"
    assert found[-1][1].startswith("منسق الإغاثة")


def test_body_noun_after_the_verb_owns_a_marked_fragment() -> None:
    text = ('وكان الوزير سامي فارس قد زار المدرسة. وطالب الاتحاد الجهوي للشغل الوزير سامي فارس '
            '"بإيجاد حل لمشاكل النقل المدرسي التي تتكرر كل عام".')
    found = speakers(text, [ent(text, "سامي فارس"), ent(text, "سامي فارس", nth=1)])
    assert found[-1] == ("بإيجاد حل لمشاكل النقل المدرسي التي تتكرر كل عام", "الاتحاد الجهوي")
