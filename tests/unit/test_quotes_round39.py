"""Round 39 (docs/events.md, "Round 39"): speaker phrases that named a preposition, a verb or
"the same", a definite noun already speaking before a verb, and «وجاء نص القرار كالتالي:».
Sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, quotes


def test_a_preposition_with_a_pronoun_is_no_speaker() -> None:
    text = 'نشر رئيس الوزراء سعد الحريري صورة مع الرئيس الفرنسي، وكتب فوقها "لا تعليق على ما جرى".'
    found = quotes(text, [ent(text, "سعد الحريري")])
    assert found and found[0][0] == "direct" and found[0][2] != "فوقها"
    assert "الحريري" in found[0][2]


def test_a_definite_noun_that_already_spoke_is_the_subject_after_a_connector() -> None:
    text = ('وكتبت العارضة على موقعها إن تجربتها في مصر كانت صعبة. وقال الحاخام: "هذا موقف محرج ومؤسف". '
            'ولكن العارضة أكدت أن هذا ليس صحيحا.')
    found = quotes(text)
    assert found[-1][0] == "reported" and found[-1][2] == "العارضة"


def test_a_definite_noun_never_quoted_before_still_leaves_the_verb_to_the_speaker_in_focus() -> None:
    text = 'وقال الحاخام: "هذا موقف محرج ومؤسف". ولكن الصورة أكدت أن هذا ليس صحيحا.'
    found = quotes(text)
    assert found[-1][2] != "الصورة"


def test_a_copy_sent_to_the_outlet_ends_the_owner_phrase() -> None:
    text = 'جاء ذلك في بيان للمتحدثة وصل لموقع CNN بالعربية نسخة منه، حيث قالت: "سيكون القتال صعبا ولكننا سننتصر".'
    found = quotes(text)
    assert found and found[0][2] == "المتحدثة"


def test_the_same_source_is_named_without_the_word_same() -> None:
    text = 'وقال المصدر الدبلوماسي ذاته إن "الدول الثلاث اتفقت على خلق آلية أمنية مشتركة".'
    found = quotes(text)
    assert found and found[0][2] == "المصدر الدبلوماسي"


def test_the_text_of_a_decision_as_follows_is_a_direct_quote() -> None:
    text = ('وأصدر الرئيس قرارا يسمح بزواج دبلوماسي. وجاء نص القرار كالتالي: "بعد الاطلاع على الدستور، '
            'يؤذن للسيد تامر حماد بالزواج". ولم يذكر القرار أي تفاصيل.')
    found = quotes(text)
    assert found[0] == ("direct", "بعد الاطلاع على الدستور، يؤذن للسيد تامر حماد بالزواج", "نص القرار")


def test_an_imperfect_speech_verb_after_the_cue_is_no_speaker() -> None:
    text = ('وقال الرئيس الأمريكي دونالد ترامب إنه يراقب الوضع عن كثب. '
            'وكتب يقول: "أرجو مشاركتي في تقديم العزاء لعائلات الضحايا".')
    found = quotes(text, [ent(text, "دونالد ترامب")])
    assert found[-1][0] == "direct" and "ترامب" in found[-1][2]


def test_a_plural_blessing_is_no_speaker() -> None:
    text = ('أدان الأمير عبدالله بن مساعد العمل الإرهابي. ورفع التعازي للقيادة -حفظهم الله- وللشعب كافة. '
            'وقال: "هذا الفعل الجبان لن يرهب عزيمة رجال الأمن".')
    found = quotes(text, [ent(text, "عبدالله بن مساعد"), ent(text, "حفظهم الله")])
    assert found and found[-1][2] != "حفظهم الله"
