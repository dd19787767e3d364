"""Round 36 quote rules (docs/events.md, "Round 36"): where a speaker's phrase ends and which
words after a speech verb are no subject. Sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, quotes


def test_a_time_relation_ends_the_subjects_phrase() -> None:
    text = 'وقال ترامب إن الأمر جيد. وتابع الرئيس الاميركي غداة تنصيبه "نحن على الموجة نفسها".'
    assert quotes(text, [ent(text, "ترامب")])[-1] == ("direct", "نحن على الموجة نفسها", "الرئيس الاميركي")


def test_an_aside_on_who_relayed_the_words_is_no_subject() -> None:
    text = ('أكدت الناطقة مرضية افخم المواقف. وقالت كما نقلت عنها وكالة الانباء الطلابية '
            '«مواقفنا مختلفة تماما». واضافت «سنعبر عن قلقنا».')
    found = quotes(text, [ent(text, "مرضية افخم")])
    assert [q[1] for q in found] == ["مواقفنا مختلفة تماما", "سنعبر عن قلقنا"]
    assert all("مرضية افخم" in q[2] or q[2] == "الناطقة" for q in found), found


def test_a_stance_noun_after_the_verb_is_its_object() -> None:
    text = 'وقال رئيس الحكومة أحمد بن دغر إن السلام لن يتحقق. وأكد رفض "تحويل اليمن إلى منصة للصواريخ".'
    found = quotes(text, [ent(text, "أحمد بن دغر")])
    assert found[-1][1] == "تحويل اليمن إلى منصة للصواريخ" and "أحمد بن دغر" in found[-1][2]


def test_a_speech_verb_joined_by_wa_continues_the_sentences_subject() -> None:
    text = 'وانتقد ترامب وسائل الإعلام وقال "أنا في حرب مفتوحة مع وسائل الإعلام".'
    assert quotes(text, [ent(text, "ترامب")]) == [("direct", "أنا في حرب مفتوحة مع وسائل الإعلام", "ترامب")]


def test_a_subject_of_its_own_after_the_joined_verb_still_speaks() -> None:
    text = 'والتقى ترامب الوزير وقال الوزير "الاجتماع كان مثمرا".'
    assert quotes(text, [ent(text, "ترامب")])[-1][2] == "الوزير"
