"""Round 34 quote rules (docs/events.md, "Round 34"): outlets named in quote marks between a
speech verb and its words or its subject. Sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, quotes


def test_a_marked_programme_after_lam_is_where_the_words_were_said() -> None:
    text = ('وأوضح سامي أنه لاحظ أحدا يلاحقه. وقال لبرنامج "صباح الخير" الخميس '
            '"بعد ذلك شعرت بغبار يرش على وجهي بينما كان يبتعد".')
    found = quotes(text, [ent(text, "سامي")])
    assert ("direct", "بعد ذلك شعرت بغبار يرش على وجهي بينما كان يبتعد", "سامي") in found
    assert not any(q[1] == "صباح الخير" for q in found)


def test_marks_after_the_outlet_told_hold_the_words_not_the_company_name() -> None:
    text = ('وقال جون كيلداف أحد مؤسسي الصندوق الأميركي "اغين كابيتال ال ال سي" في نيويورك، لوكالة بلومبرغ '
            '"نحن في سوق تميل إلى ارتفاع كبير قبل نهاية العام".')
    found = quotes(text, [ent(text, "جون كيلداف")])
    assert [q[1] for q in found] == ["نحن في سوق تميل إلى ارتفاع كبير قبل نهاية العام"]
    assert found[0][2].startswith("جون كيلداف")


def test_the_subject_after_a_fronted_outlet_speaks() -> None:
    for told in ('لـ"اليوم"', 'لصحيفة "اليوم"'):
        text = f'وقالت الهيئة إن المشروع مهم. وقالت {told} مصادر مطلعة إن هناك نية للتوسع.'
        assert quotes(text)[-1] == ("reported", "هناك نية للتوسع", "مصادر مطلعة"), told


def test_an_outlet_alone_still_leaves_the_pronoun_to_speak() -> None:
    text = 'وقالت الهيئة إن المشروع مهم. وأضافت لـ"اليوم" إن العمل سيبدأ قريبا.'
    assert quotes(text)[-1][2] == "الهيئة"


def test_a_name_set_off_after_the_outlet_is_the_reporter_not_the_speaker() -> None:
    text = ('أكد الوزير سامي الراشد اليوم أن الأراضي ستوزع. وأوضح لمراسل "الجوهرة اف أم"، عمر التيس، '
            'الذي واكب الزيارة، أن كل الولايات سيشملها الإجراء.')
    found = quotes(text, [ent(text, "سامي الراشد"), ent(text, "عمر التيس")])
    assert found[-1][0] == "reported" and "سامي الراشد" in found[-1][2]
