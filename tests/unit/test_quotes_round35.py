"""Round 35 quote rules (docs/events.md, "Round 35"): relayed statements and verbs of telling.
Sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, quotes


def test_a_relay_verb_takes_the_source_after_an_not_a_min_inside_the_outlets_aside() -> None:
    text = ('ونقلت وكالة "مهر"، القريبة من المحافظين، عن سامي قوله: "أعترض على هذا القرار". '
            'وأضاف: "سنتصدى له".')
    found = quotes(text, [ent(text, "سامي")])
    assert [q[2] for q in found] == ["سامي", "سامي"]


def test_the_owner_of_a_relayed_statement_speaks_in_its_relative_clause() -> None:
    text = 'ونقلت "رويترز" البيان الصحفي لساندرز والذي قالت فيه: "المشكلة هي أن الاتفاق أبرم بناء على ادعاءات".'
    found = quotes(text, [ent(text, "رويترز", "ORG"), ent(text, "ساندرز")])
    assert found == [("direct", "المشكلة هي أن الاتفاق أبرم بناء على ادعاءات", "ساندرز")]


def test_a_title_can_own_the_statement() -> None:
    text = 'ونقلت وكالة الأناضول تصريحات الرئيس التركي والتي قال فيها "أيها الغرب، متى ستلتفت إلى النساء".'
    found = quotes(text, [ent(text, "الأناضول", "ORG")])
    assert found == [("direct", "أيها الغرب، متى ستلتفت إلى النساء", "الرئيس التركي")]


def test_the_relaying_subject_still_speaks_without_a_relative_clause() -> None:
    text = 'ونقلت وكالة الأناضول تصريحات الرئيس التركي. وقالت الوكالة إن "الزيارة ناجحة".'
    assert quotes(text, [ent(text, "الأناضول", "ORG")])[-1][2] == "الوكالة"


def test_a_named_subject_of_a_verb_of_telling_speaks() -> None:
    text = ('وأبلغ الناشر أندرياس فيرشينج الذي يرأس المعهد لوكالة الأنباء الألمانية '
            '"أرقام المبيعات فاجأتنا. لم يكن لأحد أن يتوقع هذا".')
    found = quotes(text, [ent(text, "أندرياس فيرشينج")])
    assert found[-1][0] == "direct" and "أندرياس فيرشينج" in found[-1][2]


def test_an_outlet_after_a_verb_of_telling_is_still_who_was_told() -> None:
    text = 'وقال الوزير إن الوضع مستقر. وأبلغ رويترز بأن الحكومة لن تستقيل.'
    found = quotes(text, [ent(text, "رويترز", "ORG")])
    assert found[-1][0] == "reported" and found[-1][2] != "رويترز"
