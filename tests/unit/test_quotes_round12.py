"""Round 12 quote and speaker rules (docs/events.md, "Round 12"): sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, quotes


def test_a_weekday_is_no_plural_subject() -> None:
    text = 'سجل الميزان التجاري عجزا بحسب أرقام رسمية نشرت، الاثنين، إلا أن خبراء قالوا إن التأثير مؤقت تماما.'
    qs = quotes(text)
    assert qs[-1] == ("reported", "التأثير مؤقت تماما", "خبراء")


def test_honorific_stands_for_the_person_in_focus() -> None:
    text = 'وقدم وزير الخدمة المدنية سامي الراشد التعازي للأسرة. وأوضح معاليه أن الوطن فقد رجلا كبيرا.'
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert qs[-1][2] != "معاليه" and "سامي الراشد" in qs[-1][2]


def test_a_place_after_izaa_is_no_subject() -> None:
    text = ('ونفى سامي الراشد أن رئيس الوزراء أدلى بهذا التصريح. '
            'وعندما سئل الراشد عن السياسة الإسرائيلية إزاء سوريا قال "نحن لسنا طرفا في الحرب".')
    qs = quotes(text, [ent(text, "سامي الراشد"), ent(text, "سوريا", "LOC")])
    assert qs[-1][2] != "سوريا"


def test_subject_before_the_verb_speaks_not_the_object_after() -> None:
    text = 'وكانت الولايات المتحدة حذرت سوريا الأسبوع الماضي من أنها ستتخذ إجراءات صارمة ردا على الانتهاك.'
    qs = quotes(text, [ent(text, "الولايات المتحدة", "LOC"), ent(text, "سوريا", "LOC")])
    assert qs and qs[0][2] == "الولايات المتحدة"


def test_a_place_ending_a_fronted_adjunct_is_no_subject() -> None:
    text = 'وفي مسألة الواحة من ولاية قبلي أكد مجلس الشورى على "حل قانوني يحفظ ملك الدولة الخاص".'
    qs = quotes(text, [ent(text, "قبلي", "LOC")])
    assert qs and qs[0][2] != "قبلي"
