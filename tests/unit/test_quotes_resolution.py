"""Speaker resolution with entities: anaphora, full names, clause subjects.

Every sentence is written for these tests and the entities are set by hand, so the
rules are checked independently of the NER model that runs in the real pipeline.
"""

from __future__ import annotations

from marsad.extract.quotes import QuoteStage
from marsad.model import Article, Entity, Quote
from marsad.text.stages import SegmentStage


def ent(text: str, needle: str, typ: str, canonical: str | None = None, nth: int = 0,
        geo: dict | None = None) -> Entity:  # type: ignore[type-arg]
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Entity(start, start + len(needle), needle, typ, canonical or needle, geo=geo)


def quotes(text: str, entities: list[Entity]) -> list[Quote]:
    article = SegmentStage()(Article.from_raw(text, published="2019-05-01"))
    article.set_layer("entities", entities)
    article = QuoteStage()(article)
    article.validate()
    return list(article.layer("quotes"))


def containing(qs: list[Quote], needle: str) -> Quote:
    hits = [q for q in qs if needle in q.text]
    assert hits, f"no quote contains {needle!r}: {[q.text for q in qs]}"
    return hits[0]


def test_definite_source_points_back_to_the_anonymous_source() -> None:
    text = ("ذكرت صحيفة محلية نقلا عن مسؤول في وزارة الداخلية أن الحدود ستغلق يومين.\n"
            "وقال المسؤول، الذي طلب عدم نشر اسمه، إن القرار اتخذ بعد هجوم على نقطة تفتيش.")
    qs = quotes(text, [])
    sp = containing(qs, "القرار اتخذ").speaker
    assert sp is not None
    assert sp["text"] == "المسؤول" and sp["kind"] == "anonymous"
    assert sp["entity"].startswith("مسؤول في وزارة")
    a = sp["antecedent"]
    assert text[a["start"]:a["end"]] == sp["entity"]
    assert a["end"] <= text.index("\n")  # introduced in the first sentence


def test_qualified_definite_noun_is_not_an_anaphor() -> None:
    text = ("ذكرت صحيفة محلية نقلا عن مسؤول في وزارة الداخلية أن الحدود ستغلق يومين.\n"
            "وقال المسؤول الأمريكي إن بلاده تتابع الوضع عن كثب.")
    sp = containing(quotes(text, []), "تتابع الوضع").speaker
    assert sp is not None and "antecedent" not in sp
    assert "الأمريكي" in sp["text"]


def test_the_ministry_takes_the_last_ministry_named() -> None:
    text = ("أعلنت وزارة الصحة المصرية تسجيل إصابات جديدة بالحمى في أسوان.\n"
            "وأكدت الوزارة أن الفرق الطبية وصلت إلى القرى المتضررة.")
    qs = quotes(text, [ent(text, "وزارة الصحة المصرية", "ORG"), ent(text, "أسوان", "LOC")])
    sp = containing(qs, "الفرق الطبية").speaker
    assert sp is not None
    assert (sp["entity"], sp["kind"]) == ("وزارة الصحة المصرية", "organization")


def test_second_mention_surname_takes_the_full_name() -> None:
    text = ("وقال العقيد سامي الحداد إن الدوريات ستتضاعف في الأسابيع المقبلة.\n"
            "وأضاف الحداد أن عدد المتطوعين تجاوز ألفي شاب.")
    qs = quotes(text, [ent(text, "سامي الحداد", "PERS"), ent(text, "الحداد", "PERS", nth=1)])
    sp = containing(qs, "عدد المتطوعين").speaker
    assert sp is not None
    assert sp["text"] == "الحداد" and sp["entity"] == "سامي الحداد"


def test_pronoun_cue_skips_a_name_after_an_attribution() -> None:
    text = ('وقالت الوزيرة هالة السعيد "نعمل على خفض العجز في الموازنة"، وفقا لرويترز.\n'
            'وأضافت: "الإصلاحات مستمرة رغم الصعوبات".')
    qs = quotes(text, [ent(text, "هالة السعيد", "PERS"), ent(text, "لرويترز", "PERS", canonical="رويترز")])
    sp = containing(qs, "الإصلاحات مستمرة").speaker
    assert sp is not None and sp["entity"] == "هالة السعيد"


def test_conjoined_verb_after_a_comma_does_not_take_the_place_before_it() -> None:
    text = "أيدت المحكمة الإدارية قرار الحظر في الإسكندرية، وقالت إن النظام العام مقدم على رغبة الأفراد."
    qs = quotes(text, [ent(text, "الإسكندرية", "LOC")])
    sp = containing(qs, "النظام العام").speaker
    assert sp is not None and sp["text"].startswith("المحكمة")


def test_what_it_said_is_the_subject_of_the_first_verb() -> None:
    text = "أدانت هيئة الموانئ في مصر، الاثنين، ما قالت إنه احتجاز غير قانوني لسفينة شحن."
    qs = quotes(text, [ent(text, "مصر", "LOC")])
    sp = containing(qs, "احتجاز غير قانوني").speaker
    assert sp is not None
    assert sp["text"].startswith("هيئة الموانئ") and sp["kind"] == "organization"


def test_long_title_before_an_appositive_name() -> None:
    text = ("وأوضح نائب رئيس مجلس الوزراء ووزير الدولة لشؤون مجلس الوزراء، خالد العلي، بأن "
            "الحكومة ستعرض الموازنة على البرلمان الأسبوع المقبل.")
    qs = quotes(text, [ent(text, "خالد العلي", "PERS")])
    sp = containing(qs, "ستعرض الموازنة").speaker
    assert sp is not None and sp["entity"] == "خالد العلي"


def test_participle_takes_the_clause_subject_not_a_later_name() -> None:
    text = ("وردد المبعوث الأممي، سامر الخطيب، تحذيرات كمال يوسف، مضيفا أن "
            "المدنيين يدفعون ثمن الحصار منذ أشهر.")
    qs = quotes(text, [ent(text, "سامر الخطيب", "PERS"), ent(text, "كمال يوسف", "PERS")])
    sp = containing(qs, "يدفعون ثمن").speaker
    assert sp is not None and sp["entity"] == "سامر الخطيب"


def test_title_and_name_without_ner_are_found_by_apposition() -> None:
    text = "كشف القائم بأعمال وزير الدفاع، الفريق نادر الأحمد، إن المسلحين نهبوا مخازن السلاح."
    qs = quotes(text, [ent(text, "الدفاع", "ORG")])  # NER found something, but not the person
    sp = containing(qs, "نهبوا مخازن").speaker
    assert sp is not None and "نادر الأحمد" in sp["text"]


# ---------------------------------------------------------------- titles, appositives and anaphors


def test_title_alone_points_back_to_the_person_it_introduced() -> None:
    text = ("قال وزير الخارجية الأميركي مايك بومبيو إن بلاده لن تتراجع عن موقفها.\n"
            "وأضاف وزير الخارجية الأميركي أن \"الاتفاق الحالي سيئ جدا\".")
    qs = quotes(text, [ent(text, "مايك بومبيو", "PERS")])
    sp = containing(qs, "الاتفاق الحالي").speaker
    assert sp is not None and sp["text"] == "وزير الخارجية الأميركي" and sp["entity"] == "مايك بومبيو"


def test_one_word_definite_title_points_to_the_office_holder() -> None:
    text = ("قالت وزيرة الصحة سميرة مرعي إن المستشفيات جاهزة لاستقبال المرضى.\n"
            "وأضافت الوزيرة أن فرقا طبية ستصل إلى الجنوب غدا.")
    qs = quotes(text, [ent(text, "سميرة مرعي", "PERS")])
    sp = containing(qs, "فرقا طبية").speaker
    assert sp is not None and sp["entity"] == "سميرة مرعي"


def test_one_word_title_with_two_candidates_stays_unresolved() -> None:
    text = ("التقى الوزير سامي العلي نظيره الوزير خالد الحسن في العاصمة أمس.\n"
            "وقال الوزير إن المحادثات كانت مثمرة وصريحة.")
    qs = quotes(text, [ent(text, "سامي العلي", "PERS"), ent(text, "خالد الحسن", "PERS")])
    sp = containing(qs, "المحادثات كانت").speaker
    assert sp is not None and sp["entity"] is None


def test_name_cut_short_by_the_tagger_is_completed_in_an_appositive() -> None:
    text = "أكد رئيس النقابة، رازي ونّاس، اليوم أن الأطباء يرفضون القانون الجديد."
    qs = quotes(text, [ent(text, "رازي", "PERS")])
    sp = containing(qs, "الأطباء يرفضون").speaker
    assert sp is not None and sp["text"].endswith("رازي ونّاس") and sp["entity"] == "رازي ونّاس"


def test_adverb_after_the_verb_is_not_the_speaker() -> None:
    text = "وكانت الحكومة الروسية قالت سابقا إن خمسة مواطنين قتلوا في الاشتباك."
    sp = containing(quotes(text, []), "خمسة مواطنين").speaker
    assert sp is not None and "الحكومة" in sp["text"] and "سابقا" not in sp["text"]


def test_title_phrase_keeps_its_complements_and_the_missed_name() -> None:
    text = "أكدت المندوبة الجهوية للتربية بسوسة سميرة خذر في مداخلة إذاعية أن الدروس ستتوقف يومين."
    sp = containing(quotes(text, []), "الدروس ستتوقف").speaker
    assert sp is not None and sp["text"] == "المندوبة الجهوية للتربية بسوسة سميرة خذر"


def test_the_name_ali_is_not_the_preposition() -> None:
    text = "قال علي أكبر ولايتي، مستشار المرشد، إن بلاده لن تغير موقفها."
    sp = containing(quotes(text, [ent(text, "علي أكبر ولايتي", "PERS")]), "بلاده لن").speaker
    assert sp is not None and sp["entity"] == "علي أكبر ولايتي"


def test_a_name_after_a_preposition_is_the_channel_not_the_speaker() -> None:
    text = ("قالت وزيرة الصحة سميرة مرعي إن المستشفيات جاهزة.\n"
            "وأضافت الوزيرة في تصريح لمراسلة الإذاعة هند الشابي أن سيارات إسعاف جديدة ستصل.")
    qs = quotes(text, [ent(text, "سميرة مرعي", "PERS"), ent(text, "هند الشابي", "PERS")])
    sp = containing(qs, "سيارات إسعاف").speaker
    assert sp is not None and sp["text"] == "الوزيرة" and sp["entity"] == "سميرة مرعي"


def test_imperfect_speech_verb_describing_a_noun_does_not_take_the_cue() -> None:
    text = "وأضاف ترامب في تغريدة مصحوبة بمقطع يوضح قوة الإعصار، أن الولايات مستعدة للطوارئ."
    sp = containing(quotes(text, [ent(text, "ترامب", "PERS")]), "الولايات مستعدة").speaker
    assert sp is not None and sp["text"] == "ترامب"


def test_appeal_verb_with_a_quoted_demand_is_a_direct_quote() -> None:
    text = 'وحثت المنظمة السلطات على "وقف الاحتجاز التعسفي للناشطين فورا".'
    q = containing(quotes(text, []), "وقف الاحتجاز")
    assert q.kind == "direct" and q.speaker is not None and q.speaker["text"].startswith("المنظمة")


def test_appeal_verb_without_a_quote_or_complementiser_is_no_quote() -> None:
    assert quotes("وحثت المنظمة السلطات على الإفراج عن المعتقلين.", []) == []


def test_document_after_ja_a_with_ba_is_the_source() -> None:
    text = "وقد جاء ببلاغ السفارة الفرنسية أن الوزير سيزور المدينة غدا."
    q = containing(quotes(text, []), "الوزير سيزور")
    assert q.kind == "reported" and q.speaker is not None and q.speaker["text"].startswith("بلاغ السفارة")


def test_definite_noun_prefers_the_earlier_speaker_over_a_later_mention() -> None:
    text = ('قالت شركة "تويز آر أص" إنها ستغلق جميع فروعها في البلاد.\n'
            "وتنافس الشركة شركات كبرى مثل شركة ليجو.\n"
            "وقالت الشركة إنها تجري مناقشات مع أطراف مهتمة.")
    qs = quotes(text, [ent(text, "تويز آر أص", "ORG"), ent(text, "شركة ليجو", "ORG")])
    sp = containing(qs, "تجري مناقشات").speaker
    assert sp is not None and sp["entity"] == "تويز آر أص"


def test_place_inside_the_subject_phrase_is_not_the_speaker() -> None:
    text = "وكانت مصادر رئاسية في عدن قد قالت إن المبعوث سيزور العاصمة."
    sp = containing(quotes(text, [ent(text, "عدن", "LOC")]), "المبعوث سيزور").speaker
    assert sp is not None and sp["text"] == "مصادر رئاسية في عدن"


def test_definite_source_phrase_stops_before_an_indefinite_object() -> None:
    text = "ولم يوضح البيان عدد القتلى، وقال إن الجرحى نقلوا إلى المستشفيات."
    sp = containing(quotes(text, []), "الجرحى نقلوا").speaker
    assert sp is not None and sp["text"] == "البيان"


# ---------------------------------------------------------------- round 2: general failure classes


def test_manner_masdar_is_no_speaker_and_the_pronoun_takes_the_previous_speaker() -> None:
    text = ('قال الوزير سامي الحداد: "نحن ملتزمون بالاتفاق مع الشركاء".\n'
            'وتابع بالقول: "لن نقبل أي تأجيل جديد في تنفيذ المشاريع".')
    qs = quotes(text, [ent(text, "سامي الحداد", "PERS")])
    sp = containing(qs, "لن نقبل").speaker
    assert sp is not None and sp["entity"] == "سامي الحداد"


def test_a_time_adjunct_after_the_verb_is_no_speaker() -> None:
    text = ("وكان النائب العام، كريم يوسف، أعلن العام الماضي، أنه يعتزم فتح تحقيق في صفقات الوزارة.")
    article = SegmentStage()(Article.from_raw(text, published="2019-05-01"))
    article.set_layer("entities", [ent(text, "كريم يوسف", "PERS")])
    from marsad.extract.times import TimesStage
    article = QuoteStage()(TimesStage()(article))
    q = containing(list(article.layer("quotes")), "فتح تحقيق")
    assert q.speaker is not None and q.speaker["entity"] == "كريم يوسف"


def test_negated_speech_verb_gives_no_quote_unless_a_contrast_clause_asserts() -> None:
    text = "ولم يذكر المتحدثون أي تفاصيل حول أن الجولة المقبلة ستعقد في الربيع."
    assert quotes(text, []) == []
    text2 = "ولم يذكر البيان الأسماء، لكنه نص على أن المتهمين سيمثلون أمام القضاء قريبا."
    assert containing(quotes(text2, []), "المتهمين سيمثلون")


def test_quote_marks_holding_only_the_subject_make_one_reported_quote() -> None:
    # «في» right after the mark is left out on purpose (it may be an adjunct of a direct quote)
    text = ('وقال الجيش إن "خللا فنيا" أصاب المحرك وكان وراء سقوط الطائرة، مشيرا إلى أن الطاقم نجا.')
    qs = quotes(text, [])
    assert len(qs) == 1
    assert qs[0].kind == "reported" and "خللا فنيا" in qs[0].text and "الطاقم نجا" in qs[0].text


def test_quote_marks_closing_the_clause_stay_direct() -> None:
    text = 'وقال الوزير إن "الحكومة لن تتراجع عن قرارها"، على حد تعبيره.'
    qs = quotes(text, [])
    assert qs and qs[0].kind == "direct" and qs[0].text == "الحكومة لن تتراجع عن قرارها"


def test_hedge_in_mid_clause_does_not_cut_the_reported_quote() -> None:
    text = "وأوضح المدير أن الأزمة سببها القرارات الخاطئة حسب تعبيره على غرار رفع الأسعار فجأة."
    q = containing(quotes(text, []), "الأزمة")
    assert "رفع الأسعار" in q.text


def test_what_it_said_is_a_noun_phrase_ending_at_the_comma_with_the_first_subject() -> None:
    text = ("وأسقطت إسرائيل الطائرة، ثم شنت هجوما على ما قالت إنه مخزن أسلحة قرب الحدود، "
            "فيما لم تعلق دمشق على الحادث.")
    q = containing(quotes(text, [ent(text, "إسرائيل", "LOC"), ent(text, "دمشق", "LOC")]), "مخزن أسلحة")
    assert q.text == "مخزن أسلحة قرب الحدود"
    assert q.speaker is not None and q.speaker["text"] == "إسرائيل"


def test_via_is_a_preposition_not_the_verb_expressed() -> None:
    text = ("وقال رامي، في مؤتمر صحفي عبر الهاتف، ردا على سؤال عن الخطط، إنه لا توجد أي نية للانسحاب.")
    q = containing(quotes(text, [ent(text, "رامي", "PERS")]), "لا توجد")
    assert q.speaker is not None and q.speaker["text"] == "رامي"


def test_expressed_with_an_is_still_a_speech_verb() -> None:
    text = "عبر المجلس المحلي عن مخاوفه بأن الأسوأ لم يأت بعد في المدينة."
    assert containing(quotes(text, []), "الأسوأ")


def test_pronoun_cue_continues_the_anonymous_subject_of_the_previous_sentence() -> None:
    text = ('وقال سمير نوح "كان الحشد غاضبا".\nوقدم أحد أفراد الحرس رواية أخرى.\n'
            "وقال إن السائق فقد السيطرة على الشاحنة.")
    q = containing(quotes(text, [ent(text, "سمير نوح", "PERS")]), "السائق فقد")
    assert q.speaker is not None and q.speaker["text"] == "أحد أفراد الحرس"


def test_the_same_source_is_the_one_just_cited() -> None:
    text = ("يجتمع المجلس مساء الأربعاء كما أعلنت الرئاسة الدورية.\n"
            "وهذه الجلسة ستعقد بطلب من فرنسا لبحث الهجوم الأخير كما أوضح المصدر نفسه.")
    q = containing(quotes(text, []), "بطلب من فرنسا")
    assert q.kind == "reported" and q.speaker is not None
    assert q.speaker["text"] == "المصدر نفسه" and "الرئاسة" in (q.speaker["entity"] or "")


def test_title_phrase_with_the_name_closing_the_sentence() -> None:
    text = "قصفت الطائرات ثلاثة مواقع جنوب المدينة، وفقا للعضو في المجلس المحلي للمدينة، سالم خليفة."
    q = containing(quotes(text, [ent(text, "سالم خليفة", "PERS")]), "ثلاثة مواقع")
    assert q.kind == "reported" and q.speaker is not None and q.speaker["text"] == "سالم خليفة"


# ---------------------------------------------------------------- round 3


def test_genitive_of_a_verbal_noun_is_the_person_in_focus() -> None:
    text = ("نشرت صحيفة محلية تقريرا عن نفقات الإقامة الرسمية.\n"
            "وكان رد رئيس الوزراء غاضبا على هذه الاتهامات التي وصفها بأنها حملة ضد عائلته.\n"
            'وكتب على حسابه بموقع فيسبوك: "زوجتي سيدة محترمة ولم ترتكب أي مخالفة".')
    sp = containing(quotes(text, []), "زوجتي سيدة").speaker
    assert sp is not None and sp["text"] == "رئيس الوزراء"


def test_coordinated_verb_in_the_cue_form_ends_the_reported_clause() -> None:
    text = ("وقالت سلمى العلي، مسؤولة الاتصال بوزارة الخارجية، إن بلادها تيسر الاجتماع، "
            "ولا تشارك فيه، ورفضت الكشف عن موعده أو مكانه.")
    q = containing(quotes(text, [ent(text, "سلمى العلي", "PERS")]), "تيسر الاجتماع")
    assert q.text == "بلادها تيسر الاجتماع، ولا تشارك فيه"


def test_masculine_cue_does_not_cut_at_a_noun() -> None:
    # «وقال … إن …، وبيروت …»: a bare 3ms perfect is not recognisable; nothing is cut
    text = "وقال الوزير إن المحادثات تتقدم، وثمرة الجهود ستظهر قريبا."
    q = containing(quotes(text, []), "المحادثات")
    assert q.text == "المحادثات تتقدم، وثمرة الجهود ستظهر قريبا"


def test_narrator_connectors_end_the_reported_clause() -> None:
    cases = [
        ("ذكرت الحكومة، يوم الثلاثاء، أن خصم الرواتب مسألة مؤقتة، وذلك في أول رد لها على المظاهرات.",
         "خصم الرواتب مسألة مؤقتة"),
        ("وترى واشنطن أن هذا السلاح لا يتوافق مع معايير الحلف، بينما تؤكد أنقرة حاجتها إليه.",
         "هذا السلاح لا يتوافق مع معايير الحلف"),
        ("وكان الرئيس قد أكد، على حسابه بموقع تويتر، أنه لم يعقد أي صفقة مع تركيا، ولكنه شكر نظيره على جهوده.",
         "لم يعقد أي صفقة مع تركيا"),
    ]
    for text, expected in cases:
        q = containing(quotes(text, []), expected[:10])
        assert q.text == expected, text


def test_a_connector_sentence_inside_a_colon_quote_starts_the_next_one() -> None:
    text = ("وتابعت الزوجة: حاولنا التحمل طويلا ولكننا فشلنا في الحفاظ على زواجنا. "
            "فيما قال الزوج أمام المحكمة إنه حاول الصبر عليها.")
    q = containing(quotes(text, []), "حاولنا التحمل")
    assert q.text == "حاولنا التحمل طويلا ولكننا فشلنا في الحفاظ على زواجنا"


def test_reported_clause_ending_in_a_colon_before_a_quotation() -> None:
    text = 'وأضاف المجلس ببيان بأن النازحين في وضع مأساوي: "إنهم لم يأكلوا منذ أيام ولا يجدون الماء".'
    qs = quotes(text, [])
    assert [(q.kind, q.text) for q in qs] == [
        ("reported", "النازحين في وضع مأساوي"), ("direct", "إنهم لم يأكلوا منذ أيام ولا يجدون الماء")]
    assert qs[0].speaker == qs[1].speaker


def test_radd_is_speech_only_before_a_colon() -> None:
    text = ("وكان رد الوزارة سريعا على التقرير الذي وصفته بأنه منحاز.\n"
            "فيما رد المتحدث في المؤتمر الصحفي: لن نعلق على الشائعات.")
    qs = quotes(text, [])
    assert [(q.kind, q.text) for q in qs] == [("direct", "لن نعلق على الشائعات")]
    assert qs[0].speaker is not None and qs[0].speaker["text"].startswith("المتحدث")


def test_plural_participle_takes_the_plural_source() -> None:
    text = ("يأتي هذا وسط تقارير من مجموعات معارضة في سوريا عن حالات اختناق شكا منها الطبيب سامر العلي، "
            "مضيفين بأن القصف استمر طوال الليل.")
    q = containing(quotes(text, [ent(text, "سامر العلي", "PERS")]), "القصف استمر")
    assert q.speaker is not None and q.speaker["text"].startswith("مجموعات معارضة")


def test_a_plain_while_clause_stays_in_the_reported_quote() -> None:
    text = "وقال الباحث إن الإصابات الناجمة عن البدانة تزيد، بينما تتراجع الإصابات الناجمة عن التدخين."
    q = containing(quotes(text, []), "البدانة")
    assert q.text.endswith("عن التدخين")


# ---------------------------------------------------------------- round 4 (fresh-set error classes)


def test_a_la_name_after_the_subject_is_the_addressee() -> None:
    text = 'وقال موظف في البلدية لسكاي نيوز "سنفتح الطريق خلال يومين على الأكثر".'
    qs = quotes(text, [ent(text, "لسكاي نيوز", "PERS")])
    sp = containing(qs, "سنفتح الطريق").speaker
    assert sp is not None and "سكاي" not in sp["text"] and sp["text"].startswith("موظف")


def test_a_la_name_after_a_title_is_still_the_speaker() -> None:
    text = "وقال الرئيس لطفي الحمادي إن الميزانية الجديدة ستعرض على البرلمان قريبا."
    qs = quotes(text, [ent(text, "لطفي الحمادي", "PERS")])
    sp = containing(qs, "الميزانية").speaker
    assert sp is not None and "لطفي الحمادي" in sp["text"]


def test_via_after_a_comma_is_the_channel_not_a_new_cue() -> None:
    text = 'وقال المتحدث سامي العلي، عبر صفحته على فيسبوك: "لن نقبل بأي تأجيل جديد للانتخابات".'
    qs = quotes(text, [ent(text, "سامي العلي", "PERS")])
    sp = containing(qs, "لن نقبل").speaker
    assert sp is not None and "سامي العلي" in sp["text"]


def test_an_attribution_after_the_verb_leaves_the_pronoun_subject() -> None:
    text = ('قالت الوزيرة هدى سالم إن المدارس ستفتح الأحد. '
            'وأضافت، بحسب ما نقلته وكالة محلية: "لا نريد أن يخسر الطلاب مزيدا من الوقت".')
    qs = quotes(text, [ent(text, "هدى سالم", "PERS")])
    sp = containing(qs, "لا نريد").speaker
    assert sp is not None and "هدى سالم" in sp["text"]


def test_ascribed_to_him_names_the_person_not_the_relaying_agency() -> None:
    text = ("زار الوزير خالد الناصر المدينة القديمة أمس. "
            "ونسبت الوكالة له قوله إن ترميم الأسواق سيبدأ في الربيع المقبل.")
    qs = quotes(text, [ent(text, "خالد الناصر", "PERS")])
    sp = containing(qs, "ترميم الأسواق").speaker
    assert sp is not None and "خالد الناصر" in sp["text"]


def test_a_vocalised_passive_speech_verb_has_no_speaker_and_makes_no_quote() -> None:
    text = "تبحث الشرطة عن رجل يُزعم أنه سرق سيارة إسعاف من أمام المستشفى."
    assert not [q for q in quotes(text, []) if "سرق" in q.text]


def test_a_necessity_noun_takes_the_complementiser_not_the_participle() -> None:
    text = "دعا الوزير إلى الهدوء، لافتا إلى أهمية أن تصدر النقابات بيانا مشتركا هذا الأسبوع."
    assert not [q for q in quotes(text, []) if "النقابات" in q.text]


def test_a_reported_clause_ends_before_the_writers_in_reference_to() -> None:
    text = "قال القائد إن الخصم يريد فرض شروطه بالقوة، في إشارة إلى الهجمات التي وقعت أمس على الحدود."
    q = containing(quotes(text, []), "فرض شروطه")
    assert q.text.endswith("بالقوة")


def test_a_concessive_or_modal_an_opens_no_reported_clause() -> None:
    text = "وأكد الوزير دعمه للوسطاء، رغم أنه لا توجد مؤشرات على قرب الاتفاق بين الأطراف."
    assert not [q for q in quotes(text, []) if "مؤشرات" in q.text]
    text = "وتحدث الوزير طويلا عن الخطة، ومن غير المرجح أن توافق الأطراف عليها قريبا."
    assert not [q for q in quotes(text, []) if "توافق الأطراف" in q.text]


def test_but_with_a_pronoun_for_another_referent_stays_in_the_speakers_words() -> None:
    text = ("وقالوا إن خطة الإصلاح لم تكتمل بعد، لكنها دخلت مراحلها الأخيرة. "
            "وقالت الوزيرة إن المفاوضات صعبة، لكنها شكرت الوسطاء على جهودهم.")
    qs = quotes(text, [])
    assert "مراحلها الأخيرة" in containing(qs, "خطة الإصلاح").text
    assert "شكرت" not in containing(qs, "المفاوضات صعبة").text


# ---------------------------------------------------------------- round 5


def test_plural_verb_in_attribution_points_to_the_plural_subject() -> None:
    text = ("أفادت تقارير بأن متظاهرين أحرقوا مبنى المجلس.\n"
            "وكان المتظاهرون غاضبين من مقتل اثنين من المحتجين، بحسب ما قالوا.")
    q = containing(quotes(text, []), "غاضبين")
    assert q.kind == "reported" and q.speaker is not None and q.speaker["text"] == "المتظاهرون"


def test_participle_after_while_clause_takes_that_clauses_subject() -> None:
    text = ('وافتتح الرئيس هوراسيو كارتيس السفارة، قائلا إنه "يوم تاريخي للبلدين، فيما رد رئيس الوزراء '
            'بنيامين نتنياهو، قائلا إنه "يوم عظيم لصداقتنا".')
    qs = quotes(text, [ent(text, "هوراسيو كارتيس", "PERS"), ent(text, "بنيامين نتنياهو", "PERS")])
    assert containing(qs, "يوم تاريخي").speaker["entity"] == "هوراسيو كارتيس"  # type: ignore[index]
    second = containing(qs, "يوم عظيم")
    assert second.speaker is not None and second.speaker["entity"] == "بنيامين نتنياهو"


def test_a_lamed_name_right_after_the_verb_is_the_addressee() -> None:
    text = "وكان فلين قد أكد لبنس أنه لم يناقش العقوبات مع الروس."
    qs = quotes(text, [ent(text, "فلين", "PERS"), ent(text, "لبنس", "PERS")])
    assert len(qs) == 1 and qs[0].speaker is not None and qs[0].speaker["text"] == "فلين"


# ---------------------------------------------------------------- round 7


def test_manner_adverbial_after_the_verb_is_no_speaker() -> None:
    text = "وكان باحثون مستقلون قد أكدوا بشكل منفصل في دراسة حديثة أن المياه الجوفية تتراجع بسرعة."
    q = containing(quotes(text, []), "المياه الجوفية")
    assert q.speaker is None or "بشكل" not in q.speaker["text"]


def test_a_lamed_reporter_after_a_pronoun_verb_is_the_addressee() -> None:
    text = ('طالب النائب سمير الحداد بفتح تحقيق في الحادث.\n'
            'وقال لمراسل "إذاعة المدينة" إن كل المؤشرات تدل على تقصير في الإنقاذ.')
    qs = quotes(text, [ent(text, "سمير الحداد", "PERS")])
    q = containing(qs, "كل المؤشرات")
    assert q.speaker is not None and q.speaker["entity"] == "سمير الحداد"


def test_a_lamed_definite_noun_is_whom_it_was_told_to() -> None:
    text = 'شوهد المدرب سالم العمري وهو يقول للاعب الشاب "ستلعب أساسيا في المباراة المقبلة".'
    q = containing(quotes(text, [ent(text, "سالم العمري", "PERS")]), "ستلعب أساسيا")
    assert q.speaker is None or "للاعب" not in q.speaker["text"]


def test_fi_is_never_a_name_start() -> None:
    text = 'وقال الممثل نادر فوزي إن العرض ناجح. وأضاف في تصريحات لراديو النجوم: "سنعود في الخريف".'
    qs = quotes(text, [ent(text, "نادر فوزي", "PERS"), ent(text, "لراديو النجوم", "PERS")])
    q = containing(qs, "سنعود في الخريف")
    assert q.speaker is not None and q.speaker["entity"] == "نادر فوزي"


def test_waw_before_a_definite_noun_opens_a_circumstantial_clause() -> None:
    text = ('وقال سعيد الهاشمي إن ابنه كان بعيدا عن المواجهات. '
            'وأضاف والحزن باد على وجهه "لن أتنازل عن حقه أمام القضاء".')
    qs = quotes(text, [ent(text, "سعيد الهاشمي", "PERS")])
    q = containing(qs, "لن أتنازل")
    assert q.speaker is not None and q.speaker["entity"] == "سعيد الهاشمي"


def test_father_is_still_a_subject() -> None:
    text = 'وقال والد الطالب: "كان ابني يدرس في المكتبة".'
    q = containing(quotes(text, []), "كان ابني")
    assert q.speaker is not None and q.speaker["text"].startswith("والد")


def test_a_quotation_after_the_verb_is_never_its_subject() -> None:
    text = ('وقال ماجد السالم: "الطريق طويل أمامنا". وأضاف "لا نريد أن يدفع الأطفال الثمن"، '
            'داعيا المنظمات إلى "أن تتحرك قبل فوات الأوان".')
    qs = quotes(text, [ent(text, "ماجد السالم", "PERS")])
    q = containing(qs, "أن تتحرك")
    assert q.speaker is not None and q.speaker["entity"] == "ماجد السالم"


def test_a_short_marked_name_after_the_verb_is_still_the_subject() -> None:
    text = 'وقال "أبو خالد": "المشروع يبدأ الشهر المقبل".'
    q = containing(quotes(text, []), "المشروع يبدأ")
    assert q.speaker is not None and "أبو خالد" in q.speaker["text"]


def test_manner_of_saying_is_trimmed_from_the_speaker() -> None:
    text = 'وختم الوزير بالقول: "سنواصل العمل حتى النهاية".'
    q = containing(quotes(text, []), "سنواصل العمل")
    assert q.speaker is not None and q.speaker["text"] == "الوزير"


def test_person_in_a_fronted_topic_phrase_is_not_the_speaker() -> None:
    text = ('أكد الوكيل فهد الراشد أن اللاعب بخير.\n'
            'وحول موعد عودة سلطان الماجد إلى الملاعب قال: بحسب الطبيب فإنه سيكون جاهزا الشهر المقبل.')
    qs = quotes(text, [ent(text, "فهد الراشد", "PERS"), ent(text, "سلطان الماجد", "PERS")])
    q = containing(qs, "سيكون جاهزا")
    assert q.speaker is not None and q.speaker["entity"] == "فهد الراشد"
