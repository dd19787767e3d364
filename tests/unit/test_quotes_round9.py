"""Round 9 quote and speaker rules (docs/events.md, "Round 9"): sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, quotes


def test_previous_subject_beats_a_later_object_person() -> None:
    text = ('قدم الكاتب سامر الخالدي اعتذاره للوزير فيصل بن خالد، بعد خلاف طويل. '
            'وأوضح بأنه يقدر موقف الوزير ويحترمه كثيرا.')
    qs = quotes(text, [ent(text, "سامر الخالدي"), ent(text, "فيصل بن خالد")])
    assert qs == [("reported", "يقدر موقف الوزير ويحترمه كثيرا", "سامر الخالدي")]


def test_previous_organisation_subject_beats_a_later_person() -> None:
    text = ('وأعلن موقع الجيش، مقتل القائد الميداني في الجماعة، عادل صالح منصور وعدد من المسلحين. '
            'وأفاد أن القائد لقي مصرعه في مواجهات ليلية.')
    qs = quotes(text, [ent(text, "عادل صالح منصور")])
    assert qs and qs[0][2] == "موقع الجيش"


def test_title_with_name_in_commas_is_the_named_subject() -> None:
    text = ('وكان الرئيس الفرنسي، جان مارتان، قد قرر الأحد، الانسحاب من المفاوضات. '
            'وقال إن المفاوضات لم تعد مجدية لبلاده.')
    qs = quotes(text, [ent(text, "جان مارتان")])
    assert qs and qs[0][2] == "جان مارتان"


def test_attribution_sentence_is_no_topic() -> None:
    text = ('وقال سليم عن المسؤولين "إنهم لا يقولون الحقيقة أبدا".  حسبما أوردت وكالة النبأ.\n'
            'وأضاف أنه يعتقد أن المشروع يخدم مصالحهم الخاصة.')
    qs = quotes(text, [ent(text, "سليم"), ent(text, "وكالة النبأ", "ORG")])
    assert qs[-1][0] == "reported" and qs[-1][2] == "سليم"


def test_via_after_a_quoted_outlet_is_no_new_statement() -> None:
    text = 'وأكد المدير في تصريح لـ "إذاعة النور الجديدة" عبر "برنامج الصباح"، أن المحصول لم يتضرر هذا العام.'
    qs = quotes(text)
    assert qs == [("reported", "المحصول لم يتضرر هذا العام", "المدير")]
    # the verb «عبّر عن» after a quotation is still speech
    text = '"سنواصل العمل حتى النهاية" عبر الوزير عن ذلك في كلمته.'
    assert quotes(text)[0][:2] == ("direct", "سنواصل العمل حتى النهاية")


def test_relative_clause_speaker_is_the_antecedent() -> None:
    text = 'وخرج أنصارها إلى الشارع احتجاجا على توقيف أحد أتباع الطائفة التي تقول إنها تتعرض لمضايقات مستمرة.'
    assert quotes(text) == [("reported", "تتعرض لمضايقات مستمرة", "الطائفة")]
    # a thing before the relative is what was spoken about, not the speaker
    text = 'ولمح الوزير إلى أن الدول لا تحتمل أي خلاف بسبب التوتر التجاري الذي قال إنه يجب أن يحل سريعا.'
    assert quotes(text)[-1][2] == "الوزير"


def test_on_the_tongue_of_names_the_speaker() -> None:
    text = 'ونقل الموقع الرسمي للحزب على لسان سعيد قوله: "لن ندخل في أي صفقة مهما كانت الضغوط."'
    qs = quotes(text, [ent(text, "سعيد")])
    assert qs == [("direct", "لن ندخل في أي صفقة مهما كانت الضغوط.", "سعيد")] or (
        qs and qs[0][0] == "direct" and qs[0][2] == "سعيد")


def test_participle_disagreeing_with_the_cue_belongs_to_the_clause_subject() -> None:
    text = ('وقالت الصحيفة إن الوزير كمال تسلم أمس أوراق اعتماد السفير الجديد، قائلا حينها: '
            '"نرحب بالتعاون بين البلدين في كل المجالات."')
    qs = quotes(text, [ent(text, "كمال")])
    assert ("direct", "نرحب بالتعاون بين البلدين في كل المجالات", "كمال") in [(k, t.rstrip("."), s) for k, t, s in qs]
    rep = [q for q in qs if q[0] == "reported"]
    assert rep and rep[0][2] == "الصحيفة" and "نرحب بالتعاون" in rep[0][1]
    # the same gender: the participle may be the speaker's own, nothing changes
    text = ('وقال الوزير إن الرئيس كمال زار المدينة أمس، مضيفا: '
            '"الوضع مستقر تماما في كل الأحياء."')
    qs = quotes(text, [ent(text, "كمال")])
    assert [q[2] for q in qs if q[0] == "direct"] == ["الوزير"]


def test_hinting_and_speculating_report_a_clause() -> None:
    text = 'وألمحت الوكالة إلى أن البلاد لن تتمكن من سداد ديونها هذا العام.'
    assert quotes(text) == [("reported", "البلاد لن تتمكن من سداد ديونها هذا العام", "الوكالة")]
    text = 'وتكهنت صحف محلية بأنها ربما تكون رسالة تحذير للجيران.'
    assert quotes(text) == [("reported", "ربما تكون رسالة تحذير للجيران", "صحف محلية")]
    # with a plain object they give no quote
    assert quotes("ولمح الحارس ظلا يتحرك قرب السور.") == []


def test_negated_say_with_an_exception_asserts_the_clause() -> None:
    text = 'وسئل المتحدث باسم الوزارة عن الطائرات، لكنه لم يقل سوى إن القوات المسلحة تسيطر على الوضع.'
    assert quotes(text) == [("reported", "القوات المسلحة تسيطر على الوضع", "المتحدث باسم الوزارة")]
    # «لا يقل عن» is "not less than"; «، إلا أن» after a comma is "however"
    assert quotes("وارتفع عدد المصابين إلى ما لا يقل عن أن يحصى في المدينة.") == []
    text = 'ورغم أن الحكومة لم تعلن عن الموعد، والذي نقلته الصحف أمس، إلا أن الوزير أكد قبول الدعوة.'
    assert all(q[0] != "reported" or q[2] != "الحكومة" for q in quotes(text))


def test_plural_verb_continues_the_plural_subject_of_the_sentence_before() -> None:
    text = ('وقالت الإذاعة إن المجلس سيصوت اليوم. وأصدر غالبية الأعضاء، 40 من أصل 70 عضوا، بيانا '
            'يرفض المشروع، يوم الأحد.\nوقالوا إن "المشروع لا يخدم مصالح المواطنين في شيء".')
    qs = quotes(text)
    assert ("direct", "المشروع لا يخدم مصالح المواطنين في شيء", "غالبية الأعضاء") in qs


def test_outlet_name_in_apposition_is_no_speaker() -> None:
    text = ('جاء ذلك في تصريح أدلى به السفير الأردني لوكالة الأنباء الألمانية، دبا، حيث قال: '
            '"المفاوضات ما زالت مستمرة بين الجانبين حتى الآن."')
    qs = quotes(text, [ent(text, "دبا", "ORG")])
    assert [q[2] for q in qs if q[0] == "direct"] == ["السفير الأردني"]
