"""Round 43 (docs/events.md, "Round 43"): one-word answers in an interview, the one asked as the
answer's speaker, «من جهة أخرى» as no subject, the epithet «ضيف» the tagger reads as a name, a
person who is the object of an act, «كما» before the clause's verb, and a fragment that continues
the quote before it in its sentence. Sentences written for these tests."""

from __future__ import annotations

from quote_support import analyse, ent, quotes


def _speakers(text: str, entities: list[tuple[str, str]]) -> list[tuple[str, str, str | None]]:
    article = analyse(text, [ent(text, n, t) for n, t in entities])
    return [(q.kind, q.text, (q.speaker or {}).get("entity") or (q.speaker or {}).get("text"))
            for q in article.layer("quotes")]


def test_a_one_word_answer_after_the_speaker_is_a_quote() -> None:
    text = ('وردا على سؤال عما إذا كانت بلاده تنوي الانسحاب من الاتفاق، قال الوزير سامي فارس "لا"، '
            'بحسب ما نقلته الوكالة.')
    found = _speakers(text, [("سامي فارس", "PERS")])
    assert ("direct", "لا", "سامي فارس") in found


def test_an_answer_verb_takes_its_quotation_without_a_colon() -> None:
    text = ('وقالت المتحدثة ليلى منصور: "نحن نراقب الوضع عن كثب". وعندما سئلت إن كانت الحكومة تملك '
            'أدلة على ذلك أجابت "نعم". وأضافت أن فريقا من الخبراء سيصل الأسبوع المقبل.')
    found = _speakers(text, [("ليلى منصور", "PERS")])
    assert ("direct", "نعم", "ليلى منصور") in found
    assert found[-1][0] == "reported" and found[-1][2] == "ليلى منصور", "the next pronoun cue keeps her"


def test_the_one_asked_answers_not_a_noun_of_the_question() -> None:
    text = ('وقال الوزير كريم داود إن المحادثات مستمرة. وسئل داود عما إذا كانت نتيجة الانتخابات قد '
            'فاجأته فأجاب "لا أبدا".')
    found = _speakers(text, [("كريم داود", "PERS"), ("داود", "PERS")])
    assert found[-1][:2] == ("direct", "لا أبدا") and "داود" in (found[-1][2] or "")


def test_an_answer_verb_before_a_question_in_marks_gives_no_quote() -> None:
    text = ('وأجاب الوزير على سؤال "هل ستستقيل الحكومة قريبا؟" بالنفي خلال المؤتمر الصحفي.')
    assert not any(q[1].startswith("هل ستستقيل") and q[0] == "direct" and q[2] for q in quotes(text))


def test_on_the_other_hand_is_no_subject() -> None:
    text = ('وقال المتحدث سليم حداد إن الأسعار سترتفع. وأكد من جهة أخرى أن "الحكومة لم تدخل حتى الآن في أي '
            'مفاوضات مع الشركات".')
    found = _speakers(text, [("سليم حداد", "PERS")])
    assert found[-1][0] == "direct" and found[-1][2] == "سليم حداد"


def test_the_guest_epithet_read_as_a_name_points_back_to_the_guest() -> None:
    text = ('قال النائب منير الصالح اليوم إن الحكومة مطالبة بالتحرك. وكشف ضيف "بوليتيكا" إنه سيقدم '
            'مبادرة تشريعية جديدة خلال الدورة المقبلة.')
    found = _speakers(text, [("منير الصالح", "PERS"), ("ضيف", "PERS")])
    assert found[-1][0] == "reported" and found[-1][2] == "منير الصالح"


def test_a_person_after_bi_and_a_verbal_noun_is_not_the_participles_subject() -> None:
    text = ('قال النائب منير الصالح إن النقابة تبالغ. وجاء ذلك في تعليقه على مطالبة النقابة بإقالة سمير '
            'العلوي، مشددا على أن الوزير "لم يخطئ في أي قرار اتخذه".')
    found = _speakers(text, [("منير الصالح", "PERS"), ("سمير العلوي", "PERS")])
    assert found[-1][2] == "منير الصالح"


def test_kama_before_the_verb_leaves_the_subject_after_it() -> None:
    text = ('كما انتقدت وزارة الخارجية القصف قائلة في بيان إن "الوزارة ترفض رفضا قاطعا خرق السيادة الوطنية '
            'من خلال قصف أي هدف داخل الأراضي".')
    found = quotes(text)
    assert found and found[-1][2].startswith("وزارة الخارجية")


def test_a_fragment_after_a_quote_of_its_sentence_keeps_that_speaker() -> None:
    text = ('وقالت السلطة في بيان اليوم "إن فرض الضريبة يحول دون قدرتنا على الشراء"، مبدية "استعدادها التام '
            'لشراء الوقود بدون أي ضرائب بما يضمن تشغيل المحطة".')
    found = analyse(text).layer("quotes")
    assert len(found) == 2
    assert [(q.speaker or {}).get("text") for q in found] == ["السلطة", "السلطة"]


def test_a_single_marked_word_after_a_speech_verb_is_still_no_quote() -> None:
    text = 'ووصف الوزير سامي فارس القرار بأنه "سخيف".'
    assert not any(q[1] == "سخيف" for q in quotes(text, [ent(text, "سامي فارس")]))
