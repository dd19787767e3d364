"""Round 58 (docs/events.md, "Round 58"): participles after the verb that the tagger read as names,
and the owner of a statement named after «لـ». Sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, speakers


def test_an_accusative_participle_with_a_prepositional_phrase_is_no_subject() -> None:
    text = ('وقال المحافظ سامر الخطيب إن القوات ستدخل المدينة قريبا. وأضاف ملوحا بسيف قديم: "سنذهب أيضا إلى '
            'كل المدن في الشمال".')
    found = speakers(text, [ent(text, "سامر الخطيب"), ent(text, "ملوحا بسيف")])
    assert found[-1] == ("سنذهب أيضا إلى كل المدن في الشمال", "سامر الخطيب")


def test_a_feminine_participle_after_the_verb_is_the_manner_of_saying() -> None:
    text = ('وقالت شاهدة عيان تدعى منى حداد إن السائق كان مسرعا. وأضافت متسائلة "كيف لأحد أن يفقد السيطرة '
            'على السيارة وسط هذا الزحام".')
    found = speakers(text, [ent(text, "منى حداد")])
    assert found[-1] == ("كيف لأحد أن يفقد السيطرة على السيارة وسط هذا الزحام", "منى حداد")


def test_the_person_named_after_li_owns_the_statement_said_in_it() -> None:
    text = ('وسجلت الاستخبارات الأمريكية حديثا للعميل الروسي سامر الخطيب قال فيه: "أراد أن نلتقي ثم تراجع عن '
            'ذلك في اللحظة الأخيرة".')
    found = speakers(text, [ent(text, "سامر الخطيب")])
    assert found[-1] == ("أراد أن نلتقي ثم تراجع عن ذلك في اللحظة الأخيرة", "سامر الخطيب")
