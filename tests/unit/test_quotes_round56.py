"""Round 56 (docs/events.md, "Round 56"): a definite title points back to an earlier titled speaker;
a name the tagger missed is no masculine speaker; an adjectival clause's quote is not continued by the
main clause's «بالقول». Sentences written for these tests."""

from __future__ import annotations

from quote_support import analyse, ent, speakers


def test_a_definite_title_points_back_to_the_titled_speaker_the_tagger_missed() -> None:
    text = ('قالت وزيرة خارجية كوريا الجنوبية كانغ كونغ-وا، إن المحادثات ستبدأ قريبا. وقالت الوزيرة لشبكة '
            'إخبارية: "نحن نمنحه الوقت الذي يحتاج إليه للرد على الدعوة".')
    quotes = analyse(text, [ent(text, "كوريا الجنوبية", "LOC"), ent(text, "كانغ كونغ", "LOC")]).layer("quotes")
    last = quotes[-1].speaker or {}
    assert quotes[-1].text == "نحن نمنحه الوقت الذي يحتاج إليه للرد على الدعوة"
    assert "وزيرة خارجية كوريا الجنوبية" in (last.get("entity") or "")


def test_a_name_the_tagger_missed_is_not_masculine_by_default() -> None:
    text = ('وقال الرئيس سامر الخطيب إن الاتفاق تاريخي. وفي تصريح للصحفيين، قالت بارول خاتون إحدى ساكنات '
            'القرية "هذه أهم لحظة في حياتي كلها". وأضافت "أريد أن أصبح مواطنة مع كل الحقوق".')
    found = speakers(text, [ent(text, "سامر الخطيب")])
    assert found[-1][0] == "أريد أن أصبح مواطنة مع كل الحقوق"
    assert found[-1][1].startswith("بارول خاتون")


def test_the_manner_of_saying_continues_the_main_clause_not_an_adjectival_one() -> None:
    text = ('وسخر سامر الخطيب من عرض ماجد حداد لأجزاء طائرة إيرانية قالت الحكومة إنها أسقطتها فوق أراضيها '
            'بالقول: "هذا عرض مسرحي لا يقنع أحدا في المنطقة".')
    found = speakers(text, [ent(text, "سامر الخطيب"), ent(text, "ماجد حداد")])
    assert found[-1] == ("هذا عرض مسرحي لا يقنع أحدا في المنطقة", "سامر الخطيب")
