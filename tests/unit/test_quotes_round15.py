"""Round 15 speaker and lead-event rules (docs/events.md, "Round 15"): sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, quotes
from test_events import lead


def test_the_subject_between_kana_and_qad_speaks_not_the_object_after_the_verb() -> None:
    text = ('وكان زميل للمهندس المفقود قد أفاد إذاعة المدينة، الأحد، أن الرجل غادر منزله '
            'صباحا ولم يعد حتى المساء.')
    qs = quotes(text, [ent(text, "إذاعة المدينة", "ORG")])
    assert qs and qs[0][0] == "reported" and qs[0][2].startswith("زميل للمهندس")


def test_a_place_inside_the_kana_subject_is_not_the_speaker() -> None:
    text = 'وكان شهود عيان في مدينة الرمال قد أفادوا، أن مسلحين أطلقوا النار على الحافلة قرب السوق.'
    qs = quotes(text, [ent(text, "الرمال", "LOC")])
    assert qs and qs[0][2].startswith("شهود عيان")


def test_a_state_after_the_opening_verb_speaks_for_its_participle() -> None:
    text = ('استنكرت مملكة الواحات بشدة تصريحات سامي الراشد ضد جيرانها، معتبرة أن هذه التصريحات '
            'إساءة مرفوضة لكل دول المنطقة.')
    qs = quotes(text, [ent(text, "الواحات", "LOC"), ent(text, "سامي الراشد")])
    assert qs and qs[0][2] == "مملكة الواحات"


def test_a_person_in_a_relative_clause_is_not_the_titled_subject() -> None:
    text = ('وكان وزير الخارجية السابق، والذي عمل في حكومة الرئيس السابق، سامي الراشد، قد نشر تغريدة '
            'على صفحته، قال فيها: "لم تكن هناك مفاوضات قبل هذا الاتفاق أبدا".')
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert qs and qs[-1][0] == "direct" and qs[-1][2].startswith("وزير الخارجية السابق")


def test_the_single_noun_phrase_before_bi_annahu_is_what_is_described() -> None:
    text = ('وأعلن المدعي العام سامي الراشد التهم في العاصمة ووصف نيتكود بأنه "وكر للمحتالين على الإنترنت '
            'في كل أنحاء العالم".')
    qs = quotes(text, [ent(text, "سامي الراشد"), ent(text, "نيتكود", "ORG")])
    assert qs and qs[-1][2] == "سامي الراشد"


def test_the_subject_before_the_object_still_speaks_with_bi_annahu() -> None:
    text = 'ووصف سامي الراشد الاتفاق بأنه "خطوة كبيرة نحو السلام في المنطقة كلها".'
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert qs and qs[-1][2] == "سامي الراشد"


def test_in_his_words_points_back_to_the_previous_speaker() -> None:
    text = ('وقال المتحدث باسم البلدية في تصريح إن "المبنى احترق بالكامل".\nوأضاف: "إننا لا نتهم جهة معينة"، '
            'مستكملا: "إننا عملنا على خدمة المواطنين وما حدث عمل همجي"، وفقا لتعبيره.\n'
            'وفي سياق آخر أعلن الوزير سامي الراشد أن المساعدات ستصل غدا.')
    qs = quotes(text, [ent(text, "سامي الراشد")])
    marked = [q for q in qs if "ما حدث" in q[1]]
    assert marked and marked[0][2] == "المتحدث باسم البلدية"


def test_a_feminine_dual_speech_verb_is_a_cue() -> None:
    text = 'وقالت الحركتان في بيانهما إن الخيارات مفتوحة وشددتا على أن "الرد سيكون بالمثل".'
    qs = quotes(text)
    assert any(q[0] == "direct" and q[1].startswith("الرد سيكون") for q in qs)


def test_a_fronted_for_his_part_leaves_the_title_as_the_topic() -> None:
    text = ('من جانبه، أكد مدير وكالة السفر رفض المكاتب لهذه الرسوم. وقال إن ما يحدث عرقلة واضحة '
            'لإجراءات تسجيل المسافرين.')
    qs = quotes(text)
    assert qs and qs[-1][2].startswith("مدير وكالة السفر")


def test_a_sentence_opening_with_the_cue_of_a_quote_is_a_statement() -> None:
    ev = lead('تقول الشرطة في المدينة إنها تمكنت من استخراج كبسولات كثيرة من حقيبة مسافرة.')
    assert ev is not None and ev.type == "statement"


def test_sourcing_by_the_writer_is_no_statement() -> None:
    ev = lead('علمت الإذاعة من مصدر أمني أن أحد الموقوفين في قضية السرقة تمكن من الفرار من المركز.')
    assert ev is None or ev.type != "statement"
