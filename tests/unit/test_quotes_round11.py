"""Round 11 quote and speaker rules (docs/events.md, "Round 11"): sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, quotes


def test_outlet_after_the_verb_is_the_addressee() -> None:
    text = 'في المقابل، يؤيد الطالب الجامعي سامي الراشد موقف الجامعة، وقال لبي بي سي: "القرار صائب تماما".'
    qs = quotes(text, [ent(text, "سامي الراشد"), ent(text, "لبي بي سي")])
    assert qs == [("direct", "القرار صائب تماما", "سامي الراشد")]


def test_attribution_to_an_addressee_then_the_named_source() -> None:
    text = ('وتضم الجبهة عددا من الأحزاب الصغيرة، بحسب ما أكده لمراسلة الإذاعة، سامي الراشد، القيادي في '
            'الحركة.')
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert qs and qs[0][2] == "سامي الراشد"


def test_came_in_a_statement_keeps_the_speaker_in_focus() -> None:
    text = ('وقال الوزير سامي الراشد إن القيادة جعلت البلاد أكثر أمانا. '
            'جاء ذلك في بيان لوزارة الخارجية، وصل لموقع الشبكة نسخة منه، حيث قال: "أنا ممتن جدا لهذه الثقة".')
    qs = quotes(text, [ent(text, "سامي الراشد"), ent(text, "وزارة الخارجية", "ORG")])
    assert qs[-1] == ("direct", "أنا ممتن جدا لهذه الثقة", "الوزير سامي الراشد")


def test_interviewee_of_came_in_an_interview_speaks() -> None:
    text = ('وقال المحلل سامي الراشد إن التنظيم لم ينته. '
            'جاء ذلك في مقابلة حصرية لعادل كمال مع الزميلة ليلى حسن، حيث قال: "التنظيم ما زال يملك الأموال".')
    qs = quotes(text, [ent(text, "سامي الراشد"), ent(text, "لعادل كمال"), ent(text, "ليلى حسن")])
    assert qs[-1][2] == "لعادل كمال"


def test_ila_is_no_definite_subject_of_a_turn() -> None:
    text = ('وشكر سامي الراشد الرئيس على جهوده. وتطرق سامي الراشد في كلمته إلى الموضوع الإيراني، '
            'فقال: "التصعيد يهدد جميع مواطني المنطقة".')
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert qs[-1][2] == "سامي الراشد"


def test_anew_is_no_speaker() -> None:
    text = 'وقال سامي الراشد إن البلاد تظهر نيتها الحسنة، لكنها تؤكد من جديد أنها لن تقدم أي تنازلات.'
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert all(q[2] != "جديد" for q in qs)


def test_described_thing_is_no_speaker() -> None:
    text = ('وقال الإمام سامي الراشد إن الأمر ليس كما يظن الناس، ووصف الادعاءات بأن الجن يدخل الإنسان '
            'بالخيالات الكاذبة.')
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert all(q[2] != "الادعاءات" for q in qs)


def test_described_with_a_colon_speaks() -> None:
    text = 'ووصفها مديرها السابق سامي الراشد: "إنها في غاية الذكاء ولها خبرة طويلة".'
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert qs == [("direct", "إنها في غاية الذكاء ولها خبرة طويلة", "مديرها السابق سامي الراشد")]


def test_described_object_with_a_complementiser_is_a_label() -> None:
    text = 'ورد الوزير بغضب على الاتهامات التي وصفها بأن تصيد ضد عائلته بتحريض من معارضين.'
    assert quotes(text) == []


def test_threat_with_its_words() -> None:
    text = 'وهددت الجماعة من أسمتهم بـ"قوى العدوان"، بأنهم "لن يذوقوا طعم الأمان منذ اليوم".'
    qs = quotes(text)
    assert qs and qs[-1][:2] == ("direct", "لن يذوقوا طعم الأمان منذ اليوم") and qs[-1][2].startswith("الجماعة")


def test_threat_with_a_noun_object_is_no_quote() -> None:
    assert quotes('وهدد الوزير بالانسحاب من الحكومة إذا لم تنفذ المطالب.') == []


def test_the_other_party_after_with_is_no_speaker() -> None:
    text = ('وكان المرشح قد وجه الدعوة إلى سامي الراشد. وقال الرئيس التركي، في مؤتمر صحافي بأنقرة، مع الرئيس '
            'الصربي، عادل كمال: "لا أريد المشاركة في مناظرات".')
    qs = quotes(text, [ent(text, "سامي الراشد"), ent(text, "عادل كمال")])
    assert qs[-1] == ("direct", "لا أريد المشاركة في مناظرات", "الرئيس التركي")


def test_the_other_party_is_no_participle_subject() -> None:
    text = ('وقالت المستشارة ليلى حسن إنها لا تستبعد اتفاقا. وتحدثت المستشارة في مؤتمر صحفي مشترك مع الرئيس '
            'عادل كمال، قائلة: "نريد تجارة حرة".')
    qs = quotes(text, [ent(text, "ليلى حسن"), ent(text, "عادل كمال")])
    assert qs[-1][2] != "عادل كمال" and "ليلى حسن" in qs[-1][2]


def test_subject_after_fihi() -> None:
    text = 'وتم تنظيم يوم إعلامي للخط الجديد، أكد فيه ممثل الشركة الوطنية أن الشركة ملتزمة بتنظيم الرحلات.'
    qs = quotes(text)
    assert qs and qs[0][2].startswith("ممثل الشركة")


def test_and_according_to_answered_by_fa_inna_fronts_the_next_clause() -> None:
    text = ('طالب الادعاء بتنفيذ حكم الإعدام بحق المتهم، وبحسب ممثلي الادعاء فإن التوصية جاءت بعد سماع '
            'الشهود في المحكمة.')
    qs = quotes(text)
    assert qs == [("reported", "التوصية جاءت بعد سماع الشهود في المحكمة", "ممثلي الادعاء")]
