"""Round 37 quote rules (docs/events.md, "Round 37"): which noun phrase after the verb is its
subject when other people are named later in the clause, and when a ل opens a name. Sentences
written for these tests."""

from __future__ import annotations

from quote_support import ent, quotes


def test_an_organisation_opening_the_zone_is_the_subject() -> None:
    text = ('وأعلنت طهران الاتفاق. حيث قالت شركة ايرباص في بيان لها تعقيبا على قرار ترامب: '
            '"ندرس الإعلان ونقوم بتقدير أنسب الخطوات".')
    found = quotes(text, [ent(text, "ايرباص", "ORG"), ent(text, "ترامب")])
    assert found[-1] == ("direct", "ندرس الإعلان ونقوم بتقدير أنسب الخطوات", "شركة ايرباص")


def test_a_person_right_after_the_verb_still_speaks_before_an_organisation() -> None:
    text = 'وقال الرئيس دونالد ترامب في بيان للبيت الأبيض: "سنرد بقوة".'
    found = quotes(text, [ent(text, "دونالد ترامب"), ent(text, "للبيت الأبيض", "ORG")])
    assert found[-1][2].endswith("دونالد ترامب")


def test_a_title_after_the_opening_verb_is_the_participles_subject() -> None:
    text = ('وأضاف الوزير الإسرائيلي في تعليقه على اللقاء الذي سيجمع رئيس الوزراء الإسرائيلي، '
            'بنيامين نتنياهو، مع الرئيس الروسي فلاديمير بوتين، قائلا: "على الجميع أن يعلم أن لدينا خطوطا حمراء".')
    found = quotes(text, [ent(text, "بنيامين نتنياهو"), ent(text, "فلاديمير بوتين")])
    assert found[-1][2] == "الوزير الإسرائيلي"


def test_a_titled_subject_with_its_name_keeps_the_name() -> None:
    text = ('وأضاف الوزير الإسرائيلي يوفال شتاينتز في تعليقه على لقاء بنيامين نتنياهو، قائلا: '
            '"على الجميع أن يعلم أن لدينا خطوطا حمراء".')
    found = quotes(text, [ent(text, "يوفال شتاينتز"), ent(text, "بنيامين نتنياهو")])
    assert found[-1][2] == "يوفال شتاينتز"


def test_a_la_opening_a_name_seen_before_as_a_subject_is_part_of_it() -> None:
    text = ('واشترت تشارلي لاغارد بطاقة يانصيب. وقال باتريس لافوي إن المبلغ كبير. '
            'وأشارت لاغارد إلى أنها تريد استخدام النقود للسفر.')
    first = ent(text, "لاغارد")
    second_at = text.rindex("لاغارد")
    second = type(first)(start=second_at, end=second_at + 6, text="لاغارد", type="PERS")
    found = quotes(text, [first, ent(text, "باتريس لافوي"), second])
    assert found[-1][0] == "reported" and found[-1][2] == "لاغارد"


def test_a_la_name_after_a_speech_verb_is_still_whom_it_was_told_to() -> None:
    text = 'وقال لبنس إن الاتفاق انتهى. وكان لبنس قد قال إن الاتفاق جيد.'
    first = ent(text, "لبنس")
    found = quotes(text, [first])
    assert found[0][2] != "لبنس"


def test_a_fronted_adverbial_does_not_hide_the_previous_sentences_subject() -> None:
    text = ('وخلال المقابلة، شبه الأمير محمد بن سلمان، المرشد الإيراني علي خامنئي، بالزعيم النازي أدولف هتلر. '
            'وقال: "خامنئي يريد التوسع في الشرق الأوسط".')
    found = quotes(text, [ent(text, "محمد بن سلمان"), ent(text, "علي خامنئي"), ent(text, "أدولف هتلر")])
    assert found[-1][0] == "direct" and "محمد بن سلمان" in found[-1][2]
