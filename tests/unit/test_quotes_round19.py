"""Round 19 speaker rules (docs/events.md, "Round 19"): sentences written for these tests."""

from __future__ import annotations

from quote_support import analyse, ent, quotes


def test_an_accusative_participle_opening_the_zone_is_no_subject() -> None:
    text = ('وتعهد الرئيس سامي الراشد بأن المهاجمين سيدفعون الثمن. وأضاف مخاطبا أنصار الحزب الحاكم في '
            'العاصمة "لقد فقدنا طائرة لكنهم سيدفعون ثمنا باهظا لذلك".')
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert qs[-1][0] == "direct" and "سامي الراشد" in qs[-1][2]


def test_a_noun_with_a_pronoun_suffix_is_no_participle() -> None:
    text = 'ووصفها مديرها السابق سامي الراشد: "إنها في غاية الذكاء ولها خبرة طويلة في العمل".'
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert qs and "سامي الراشد" in qs[-1][2]


def test_a_witness_called_by_name_is_that_person() -> None:
    text = ('وقال شاهد عيان يدعى سامي الراشد، 28 عاما، إنه كان يسير بجانب القناة عندما رأى رجلا يركض.\n'
            'وقال: "كان هناك نحو عشرين شخصا يطاردونه في الشارع".')
    article = analyse(text, [ent(text, "سامي الراشد")])
    speakers = [q.speaker or {} for q in article.layer("quotes")]
    assert len(speakers) == 2 and all(sp.get("entity") == "سامي الراشد" for sp in speakers)


def test_a_named_subject_citing_a_source_speaks_himself() -> None:
    text = ('وقال سامي الراشد رئيس الهلال الأحمر على تويتر نقلا عن الهلال الأحمر في البلد الجار "تم '
            'العثور على حطام الطائرة والجثث في الجبل".')
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert qs and qs[-1][2] == "سامي الراشد"


def test_a_relay_verb_still_gives_the_source_after_an() -> None:
    text = 'ونقلت وكالة الأنباء عن مسؤول في الوزارة قوله إن المفاوضات ستستأنف الأسبوع المقبل في العاصمة.'
    qs = quotes(text)
    assert qs and qs[-1][2].startswith("مسؤول في الوزارة")


def test_a_health_directorate_is_a_body_subject() -> None:
    text = ('نفت الشئون الصحية بالمنطقة اليوم ما تردد عن تعرض طفلة لحروق بعد الولادة، مؤكدة أن الطفلة '
            'كانت تعاني من التهاب جلدي بسيط.')
    qs = quotes(text)
    assert qs and qs[0][2].startswith("الشئون الصحية")
