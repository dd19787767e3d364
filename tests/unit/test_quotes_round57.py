"""Round 57 (docs/events.md, "Round 57"): a participle after «، و» + a verb belongs to that clause;
«عند سؤاله» after the verb is no subject. Sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, speakers


def test_a_participle_after_a_joined_clause_takes_that_clauses_subject() -> None:
    text = ('وهاجم سامر الخطيب حينها ماجد حداد واصفا إياه بأنه "محتل"، ورد ماجد حداد قائلا "إن بلادي لن '
            'تتلقى دروسا من أحد في هذا الشأن".')
    found = speakers(text, [ent(text, "سامر الخطيب"), ent(text, "ماجد حداد"), ent(text, "ماجد حداد", nth=1)])
    assert found[-1] == ("إن بلادي لن تتلقى دروسا من أحد في هذا الشأن", "ماجد حداد")


def test_a_verb_with_an_object_after_a_quote_continues_its_speaker() -> None:
    text = ('وردا على سؤال لشبكة سي إن إن، قال المصري: "انتهينا من كل القضايا الكبيرة في المحاكم"، وطمأن '
            'عملاء البنك قائلا: "ذهب الخوف على البنك وهذه القضية تساعد الاقتصاد".')
    found = speakers(text, [ent(text, "سي إن إن", "ORG")])
    assert found[-1] == ("ذهب الخوف على البنك وهذه القضية تساعد الاقتصاد", "المصري")


def test_when_asked_after_the_verb_is_no_subject() -> None:
    text = ('ورفض سامر الخطيب التطرق إلى السياسة. وقال عند سؤاله من قبل أحد الصحفيين عن القضية: "سنواصل '
            'عملنا كما كنا دائما في كل البلدان".')
    found = speakers(text, [ent(text, "سامر الخطيب")])
    assert found[-1] == ("سنواصل عملنا كما كنا دائما في كل البلدان", "سامر الخطيب")
