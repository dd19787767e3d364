"""Round 13 speaker rules (docs/events.md, "Round 13"): sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, quotes


def test_participle_after_a_relative_reply_verb_takes_its_subject() -> None:
    text = ('وأعلن الرئيس سامي الراشد انسحاب بلاده من الاتفاق، متوعدا بعقوبات اقتصادية، وهو الأمر الذي رد '
            'عليه الرئيس الإيراني، عادل كمال قائلا إن بلاده فشلت بالالتزام بتعهداتها.')
    qs = quotes(text, [ent(text, "سامي الراشد"), ent(text, "عادل كمال")])
    assert qs[-1] == ("reported", "بلاده فشلت بالالتزام بتعهداتها", "عادل كمال")


def test_title_subject_beats_an_organisation_after_it() -> None:
    text = 'وواصل اللاعب المثير للجدل هوايته بالسخرية من جماهير النصر، مشيرا الى ان النصر فريق متعود على الخسائر.'
    qs = quotes(text, [ent(text, "النصر", "ORG")])
    assert qs and qs[0][2] == "اللاعب"


def test_name_inside_a_relative_clause_of_the_zone_is_no_speaker() -> None:
    text = 'وذكرت السلطات البريطانية التي تحقق في قضية تسميم سامي الراشد، بأنها تعتقد بأن الهجوم أتى بموافقة عليا.'
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert qs and qs[0][2].startswith("السلطات البريطانية")


def test_reporter_named_after_the_channel_word_is_no_speaker() -> None:
    text = 'وقال البرعي لمراسل الإذاعة في القاهرة سامي الراشد إن عمليات القبض المقصود بها تبريد الاحتجاجات.'
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert qs and qs[0][2] == "البرعي"


def test_a_blessing_formula_is_no_person_in_focus() -> None:
    text = ('وأشاد الأمير سامي الراشد بما يوليه الملك - حفظه الله - من عناية بالشباب. '
            'وقال سموه لدى استقباله مدير الفرع إن الشباب مصدر فخر للمجتمع.')
    qs = quotes(text, [ent(text, "سامي الراشد"), ent(text, "حفظه الله")])
    assert qs and qs[-1][2] != "حفظه الله"
