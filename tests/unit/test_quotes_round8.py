"""Round 8 quote rules (docs/events.md, "Round 8"): sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, quotes


def test_chant_verb_takes_marks_not_a_complementiser() -> None:
    text = 'تجمع الطلاب أمام الجامعة وهتفوا "لا للرسوم" في حين طالب الأساتذة بأن تراجع الإدارة قرارها.'
    qs = quotes(text)
    assert ("direct", "لا للرسوم", "الطلاب") in qs
    # without marks, asking narrates: the أن clause is no quote of «تساءلت»
    assert all(q[0] != "direct" for q in quotes("وتساءلت المعلمة عن السبب وعرفت أن الموعد تأجل."))


def test_chant_object_is_not_the_speaker() -> None:
    text = 'وانتقد مئات المزارعين القرار أمام مبنى الوزارة ورددوا شعارات تقول "الأرض لمن يزرعها".'
    qs = quotes(text)
    assert qs == [("direct", "الأرض لمن يزرعها", "مئات المزارعين")]


def test_urging_verb_with_marks_is_direct() -> None:
    text = 'وأهابت القنصلية بجميع المسافرين "أن يحملوا جوازاتهم في كل وقت".'
    qs = quotes(text)
    assert [q[:2] for q in qs] == [("direct", "أن يحملوا جوازاتهم في كل وقت")]
    assert qs[0][2].startswith("القنصلية")


def test_two_marked_slogans_joined_by_wa_are_two_quotes() -> None:
    text = 'وسار آلاف العمال في الشوارع حاملين لافتات كتبوا عليها "نريد أجرا عادلا" و"لا للتسريح الجماعي".'
    qs = quotes(text)
    assert [q[1] for q in qs] == ["نريد أجرا عادلا", "لا للتسريح الجماعي"]
    assert all(q[2] == "آلاف العمال" for q in qs)


def test_participle_with_colon_opens_a_second_quote_of_the_same_speaker() -> None:
    # round 8 joined the two stretches; round 51 splits them, as the sets since fresh101 do
    text = 'وقال الوزير: "الطريق الجديد جاهز للافتتاح،" مضيفاً: "سنفتح الجسر الثاني في الخريف".'
    qs = quotes(text, [ent(text, "الوزير", "PERS")])
    assert qs == [("direct", "الطريق الجديد جاهز للافتتاح", "الوزير"),
                  ("direct", "سنفتح الجسر الثاني في الخريف", "الوزير")]


def test_unclosed_mark_after_colon_runs_over_questions() -> None:
    text = 'وأضاف المذيع: "هل أنت جاد؟ كيف نصدق هذا؟ لا يعقل!\nوفي سياق آخر أعلنت الشرطة إغلاق الطريق.'
    qs = quotes(text)
    assert qs[0][:2] == ("direct", "هل أنت جاد؟ كيف نصدق هذا؟ لا يعقل!")


def test_marked_verb_phrase_with_object_after_the_mark_is_reported() -> None:
    text = 'وقالت الوزيرة إنها "أبلغت دون قصد" اللجنة بأرقام غير دقيقة عن الميزانية.'
    assert quotes(text)[0][:2] == ("reported", 'أبلغت دون قصد" اللجنة بأرقام غير دقيقة عن الميزانية')


def test_inner_quotes_of_other_speakers_keep_the_outer_quote() -> None:
    text = ('وأكدت الوزارة أن المسافرين لا يحملون تأشيرات وأن 4 منهم صرحوا بأنهم من مالي، '
            'في حين صرح ثلاثة بأنهم من النيجر.')
    qs = quotes(text)
    outer = [q for q in qs if q[2] == "الوزارة"]
    assert len(outer) == 1 and outer[0][1].endswith("من النيجر")
    assert ("reported", "من مالي", "4 منهم") in qs
    assert ("reported", "من النيجر", "ثلاثة") in qs


def test_inner_direct_quote_after_wahuwa_takes_the_clause_subject() -> None:
    text = 'وقال شاهد إن السائق نزل من الشاحنة وهو يصرخ "ابتعدوا عن الطريق". ثم غادر المكان.'
    qs = quotes(text)
    assert ("direct", "ابتعدوا عن الطريق", "السائق") in qs
    assert any(q[0] == "reported" and q[2] == "شاهد" for q in qs)


def test_relative_clause_cue_is_no_inner_quote() -> None:
    text = 'وأشار المحلل إلى أن الركود الذي قال إنه سيستمر عامين يهدد الوظائف.'
    assert len(quotes(text)) == 1


def test_time_clause_with_a_second_cue_ends_the_first_quote() -> None:
    text = 'وأعلنت الهيئة أن 12 شخصا أصيبوا في الحادث، بعدما قالت في حصيلة أولى إن عدد المصابين 7.'
    qs = quotes(text)
    assert [q[1] for q in qs] == ["12 شخصا أصيبوا في الحادث", "عدد المصابين 7"]


def test_forecast_verbs_are_cues_with_a_subject_only() -> None:
    text = 'وتوقع البنك المركزي أن يتراجع التضخم في الربع المقبل.'
    assert quotes(text) == [("reported", "يتراجع التضخم في الربع المقبل", "البنك المركزي")]
    assert quotes("ويتوقع أن يرتفع الطلب على الكهرباء خلال الصيف.") == []


def test_relative_ma_with_a_speech_verb_and_pronoun() -> None:
    text = 'وأثار القلق ما كشفه المدير التنفيذي أن الشركة ستغلق فرعين في الشمال.'
    qs = quotes(text)
    assert qs and qs[0][1] == "الشركة ستغلق فرعين في الشمال" and qs[0][2].startswith("المدير")


def test_bayyana_before_a_name_or_complementiser() -> None:
    text = 'وبيّن المهندس، أن الأشغال ستنتهي قبل موعدها.'
    assert quotes(text)[0][:2] == ("reported", "الأشغال ستنتهي قبل موعدها")
    assert quotes("وبين اللاعبين خلاف قديم على أن المدرب لم يحسم الأمر.") == []


def test_attribution_with_quantifier_or_definite_source() -> None:
    text = 'وافتتحت الحكومة مكتبا جديدا في العاصمة، وفقا لما أكده عدة مسؤولين للصحيفة.'
    assert quotes(text)[0][2].startswith("عدة مسؤولين")
    text = 'وتستعد الشركة لطرح منتج جديد، وفقا لما ذكرته المصادر، إلا أن الموعد لم يتحدد بعد.'
    qs = quotes(text)
    assert qs[0][1].endswith("منتج جديد") and qs[0][2] == "المصادر"


def test_document_source_without_a_comma() -> None:
    text = 'وحسب اللائحة الداخلية يحق للعضو الاعتراض خلال أسبوع.'
    assert quotes(text) == []  # «اللائحة» is not a listed document noun
    text = 'وحسب القانون المحلي يحق للمستأجر الاعتراض خلال أسبوع.'
    assert quotes(text) == [("reported", "يحق للمستأجر الاعتراض خلال أسبوع", "القانون المحلي")]
    text = 'وحسب ما ورد في تقرير اللجنة، فقد تأخرت الأشغال ستة أشهر.'
    assert quotes(text)[0][2] == "تقرير اللجنة"


def test_dash_set_attribution_covers_the_sentence() -> None:
    text = 'تعود السيارات إلى شركة واحدة - بحسب ما قاله الضباط - ويرجح أن بينها سيارتين مسروقتين.'
    qs = quotes(text)
    assert len(qs) == 1 and qs[0][1].startswith("تعود السيارات") and qs[0][1].endswith("مسروقتين")


def test_both_x_and_y_speaker() -> None:
    text = 'وقال كل من المدعي والمتهم، إنهما سيستأنفان الحكم.'
    assert quotes(text)[0][2] == "المدعي والمتهم"


def test_marked_perfect_of_radda_with_bianna() -> None:
    text = 'وردت الحكومة على الانتقادات بأنها ستنشر التقرير كاملا.'
    assert quotes(text) == [("reported", "ستنشر التقرير كاملا", "الحكومة")]
    assert quotes("وكان رد الوزير على السؤال بأن الوضع صعب.") == []


def test_wuzara_keeps_its_waw() -> None:
    from marsad.extract.cues import fold, strip_conj
    assert strip_conj(fold("وزراء")) == fold("وزراء")
    assert strip_conj(fold("ووزراء")) == fold("وزراء")


def test_dialogue_turns_in_one_paragraph() -> None:
    text = ('دخل رجل إلى الدكان وقال: أريد كيلو من التمر، نظر إليه البائع ثم قال: التمر نفد اليوم، '
            'فرد: سأعود غدا إذن')
    qs = quotes(text)
    assert [q[1] for q in qs] == ["أريد كيلو من التمر", "التمر نفد اليوم", "سأعود غدا إذن"]
    assert qs[1][2] == "البائع" and qs[2][2] == qs[0][2]


def test_inner_dialogue_verb_needs_its_colon() -> None:
    text = 'وبحسب المكتب الرئاسي، عندما سأل الرئيس عن الموعد أجاب المبعوث: "سنصل قبل نهاية الشهر".'
    qs = quotes(text)
    assert ("direct", "سنصل قبل نهاية الشهر", "المبعوث") in qs


def test_descriptive_head_takes_the_name_in_apposition() -> None:
    text = 'ودعا رجل الأعمال اللبناني، سمير حداد، الحكومة إلى "خفض الضرائب فورا".'
    qs = quotes(text, [ent(text, "سمير حداد")])
    assert qs[0][1] == "خفض الضرائب فورا" and "سمير حداد" in qs[0][2]


def test_verb_dan_tagged_as_a_name_is_no_speaker() -> None:
    text = 'دان رئيس الاتحاد، مراد سليم، الاعتداء على الحكام، مؤكدا أن العقوبات ستكون صارمة.'
    qs = quotes(text, [ent(text, "دان"), ent(text, "مراد سليم")])
    assert qs and qs[0][2] == "مراد سليم"


def test_attribution_inserted_with_wa_after_a_fronted_subject() -> None:
    text = 'الشركة وبحسب مصادر مطلعة، أخفت خسائرها عن المساهمين طوال عامين.'
    qs = quotes(text)
    assert len(qs) == 1 and qs[0][1].endswith("طوال عامين") and qs[0][2] == "مصادر مطلعة"


def test_imperfect_reply_verb_with_a_colon() -> None:
    text = 'فسألها المذيع عن رأيها، وترد عليه بهدوء: "لكل شيء وقته".'
    assert ("direct", "لكل شيء وقته") in [q[:2] for q in quotes(text)]


def test_fund_heads_an_organisation() -> None:
    text = 'ورفع صندوق النقد الدولي توقعاته للنمو، مشيرا إلى أن الاقتصاد سينمو بنسبة 3%.'
    qs = quotes(text)
    assert qs and qs[0][2].startswith("صندوق النقد")
