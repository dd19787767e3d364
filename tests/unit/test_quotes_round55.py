"""Round 55 (docs/events.md, "Round 55"): the one asked, honorifics, «هكذا», subjects before a verb
of saying, a «فيما» clause, a run-in heading, a missed name and a dual body.
Sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, quotes, speakers


def test_the_one_asked_is_the_subject_named_before_the_passive() -> None:
    text = ('وقال سامر الخطيب عندما سئل عن لقاء الوزير وماجد حداد، أجاب: "لا تعليق لدي على هذا اللقاء '
            'الآن".')
    found = speakers(text, [ent(text, "سامر الخطيب"), ent(text, "ماجد حداد")])
    assert found[-1] == ("لا تعليق لدي على هذا اللقاء الآن", "سامر الخطيب")


def test_an_honorific_stands_before_the_previous_sentences_subject() -> None:
    text = ('استقبل صاحب السمو الأمير فهد بن سعد أمير المنطقة، في مكتبه أمس الأمير خالد بن ناصر. وقال '
            'سموه: "نحن نرحب بكل زائر يأتي إلى هذه المنطقة".')
    found = speakers(text, [ent(text, "فهد بن سعد"), ent(text, "خالد بن ناصر")])
    assert found[-1] == ("نحن نرحب بكل زائر يأتي إلى هذه المنطقة", "فهد بن سعد")


def test_thus_and_a_speech_verb_after_a_quotation_name_its_speaker() -> None:
    text = ('وأعلنت الشرطة إغلاق الطريق. "هذه خطوة ضرورية لحماية جميع السكان في المدينة".. هكذا علق الوزير '
            'كريم منصور على القرار.')
    found = speakers(text, [ent(text, "كريم منصور")])
    assert ("هذه خطوة ضرورية لحماية جميع السكان في المدينة", "كريم منصور") in found


def test_a_group_before_a_plural_verb_of_saying_is_its_subject() -> None:
    text = ('ونشرت الحكومة خطة جديدة للإصلاح، لكن النقاد يقولون إنها لن تغير شيئا في حياة المواطنين.')
    found = speakers(text, [])
    assert found[-1] == ("لن تغير شيئا في حياة المواطنين", "النقاد")


def test_a_title_after_because_is_the_subject_of_the_verb() -> None:
    text = ('وألغت الحكومة زيارة الوزير سامي فهمي، لأن الرئيس يقول إنه لا يوجد تقدم في المفاوضات.')
    found = speakers(text, [ent(text, "سامي فهمي")])
    assert found[-1] == ("لا يوجد تقدم في المفاوضات", "الرئيس")


def test_a_verb_joined_to_a_while_clause_continues_its_subject() -> None:
    text = ('ويقول الانفصاليون إن الطائرة سقطت بصاروخ، فيما ترفض موسكو الاتهامات وتؤكد أن الطائرة أسقطت من '
            'مناطق الجيش.')
    found = speakers(text, [ent(text, "موسكو", "LOC")])
    assert found[-1] == ("الطائرة أسقطت من مناطق الجيش", "موسكو")


def test_a_run_in_heading_stands_before_the_previous_sentences_subject() -> None:
    text = ('رحيل الحكومة من جهته طالب سامي الكافي من الجبهة الشعبية بتغيير كل حكومة يوسف الهادي. واعتبر '
            'أن الحكومة فشلت في كل الملفات.')
    found = speakers(text, [ent(text, "سامي الكافي"), ent(text, "يوسف الهادي")])
    assert found[-1] == ("الحكومة فشلت في كل الملفات", "سامي الكافي")


def test_a_name_the_tagger_missed_before_a_title_is_the_speaker() -> None:
    text = ('وقال علي أكبر ولايتي مستشار المرشد الإيراني: "لن نبقى في الاتفاق إذا انسحبت منه الولايات '
            'المتحدة".')
    found = speakers(text, [])
    assert found[-1][1].startswith("علي أكبر ولايتي")


def test_a_dual_body_is_the_previous_sentences_subject() -> None:
    text = ('ونبهت الوزارتان إلى خطورة تسريب التقارير السرية. واعتبرت أن هذا الأمر مخالفة صريحة للقانون.')
    found = speakers(text, [])
    assert found[-1] == ("هذا الأمر مخالفة صريحة للقانون", "الوزارتان")


def test_the_person_after_a_speech_noun_owns_the_statement_said_in_it() -> None:
    text = ('وكان سامر الخطيب يرد على خطاب ماجد حداد في البرلمان، قال فيه إنه "سيغلق كل المعابر الحدودية".')
    found = speakers(text, [ent(text, "سامر الخطيب"), ent(text, "ماجد حداد")])
    assert found[-1] == ("سيغلق كل المعابر الحدودية", "ماجد حداد")


def test_a_definite_noun_after_the_verb_issued_the_statement_said_in_it() -> None:
    text = ('تبنت جماعة مسلحة الهجوم على السوق. وأصدر التنظيم بيانًا قال فيه إن منفذ العملية ينتمي إليه.')
    found = speakers(text, [])
    assert found[-1] == ("منفذ العملية ينتمي إليه", "التنظيم")


def test_on_the_other_hand_opens_the_clause_like_for_his_part() -> None:
    text = ('من جانب آخر تحدث رئيس حركة النهضة عن اغتيال المهندس سامي الكافي مشيرا إلى أن هذا الاعتداء صارخ '
            'على السيادة الوطنية.')
    found = quotes(text, [ent(text, "سامي الكافي"), ent(text, "حركة النهضة", "ORG")])
    assert found[-1][1] == "هذا الاعتداء صارخ على السيادة الوطنية"
    assert found[-1][2].startswith("رئيس حركة النهضة")
