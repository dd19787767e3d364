"""Round 50 (docs/events.md, "Round 50"): the body noun after the opening verb is the subject a
participle cue continues, even with a person named later in the clause. Sentences written for
these tests."""

from __future__ import annotations

from quote_support import ent, speakers


def test_construct_body_noun_is_the_subject_of_the_participle() -> None:
    text = ('أصدرت وزارة الزراعة الليبية بيانا، الأحد، بشأن قرار شركة النسيم وقف التوريد، '
            'معتبرة أنه "جاء في وقت صعب على المزارعين".')
    found = speakers(text, [ent(text, "شركة النسيم", "ORG")])
    assert found[-1][1].startswith("وزارة الزراعة الليبية")


def test_body_subject_wins_over_a_person_in_the_object() -> None:
    text = ('وكانت إدارة الميناء قد انتقدت الأسبوع الماضي المدير السابق سامي فارس، '
            'معتبرة أنه "أهمل صيانة الأرصفة لسنوات".')
    found = speakers(text, [ent(text, "سامي فارس")])
    assert found[-1] == ("أهمل صيانة الأرصفة لسنوات", "إدارة الميناء")


def test_a_participle_of_the_other_gender_skips_the_body_noun() -> None:
    text = ('وعممت وزارة الصحة على الأطباء ضرورة التعقيم، '
            'استنادا لفتوى المفتي سامي فارس، مشيرا إلى أن "من ترك ذلك فهو آثم".')
    found = speakers(text, [ent(text, "سامي فارس")])
    assert not found[-1][1].startswith("وزارة")


def test_ones_part_without_a_comma_opens_the_clause() -> None:
    text = ('قال الجيش الباكستاني إن الهدنة بدأت. من جانبه اكد الجيش الهندي اتفاق الجيش الباكستاني، '
            'قائلا إن "الهدنة ستصمد هذه المرة".')
    found = speakers(text, [ent(text, "الجيش الباكستاني", "ORG"), ent(text, "الجيش الهندي", "ORG"),
                            ent(text, "الجيش الباكستاني", "ORG", nth=1)])
    assert found[-1] == ("الهدنة ستصمد هذه المرة", "الجيش الهندي")
