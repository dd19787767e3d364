"""Round 42 (docs/events.md, "Round 42"): a later title that names the person whose title phrase
holds its words, manner words and the speaker's own words after the verb, anonymity requests
inside the speaker phrase, and radio or television names in marks. Sentences written for these
tests."""

from __future__ import annotations

from quote_support import analyse, ent, quotes


def _speaker_entities(text: str, names: list[str]) -> list[str | None]:
    article = analyse(text, [ent(text, n) for n in names])
    return [(q.speaker or {}).get("entity") for q in article.layer("quotes")]


def test_definite_title_names_the_person_whose_appositive_holds_its_words() -> None:
    text = ('انتقد الشيخ سالم بن حمد، وزير الخارجية البحريني، التغطية الإعلامية للقمة. وجاء ذلك في تغريدة '
            'للوزير البحريني على حسابه، حيث قال: "لا مكان لمن يسيء إلى جيرانه في هذه القمة".')
    assert _speaker_entities(text, ["سالم بن حمد"]) == ["سالم بن حمد"]


def test_title_words_before_the_name_in_its_clause_count_too() -> None:
    text = ('وصل وزير الطاقة السعودي خالد العمري إلى لندن أمس. وقال الوزير السعودي: "سنواصل الاستثمار في '
            'قطاع الغاز خلال السنوات المقبلة".')
    assert _speaker_entities(text, ["خالد العمري"]) == ["خالد العمري"]


def test_a_relative_clause_after_the_name_is_no_title_phrase() -> None:
    text = ('ورد الرئيس التركي، أحمد يلدز، الذي دعا الوزير الإماراتي إلى ضبط النفس. وقال الوزير الإماراتي: '
            '"نرفض هذه الاتهامات جملة وتفصيلا وننتظر اعتذارا".')
    assert _speaker_entities(text, ["أحمد يلدز"]) == [None]


def test_a_title_cut_at_its_relative_clause_still_names_the_person() -> None:
    text = ('وحضر السفير الأميركي لدى إسرائيل، ديفيد كارتر، الافتتاح. ونقلت الوكالة عن السفير الأميركي الذي '
            'كان يتحدث من تل أبيب "إننا في غاية السرور بهذه الخطوة التاريخية".')
    assert _speaker_entities(text, ["ديفيد كارتر"])[-1] == "ديفيد كارتر"


def test_two_spellings_of_american_are_one_title() -> None:
    text = ('وزار الرئيس الأمريكي جون هارت مقر الوكالة. وتابع الرئيس الاميركي بعد الزيارة: "نحن على الموجة '
            'نفسها وسنقوم بأشياء كبيرة".')
    assert _speaker_entities(text, ["جون هارت"]) == ["جون هارت"]


def test_a_manner_word_after_the_verb_leaves_the_previous_speaker() -> None:
    text = ('وقالت العداءة سارة نجم إن الرحلة كانت طويلة. وقالت مازحة: "ربما ينبغي لنا ركوب الدراجات أكثر في '
            'الأسابيع المقبلة".')
    found = quotes(text, [ent(text, "سارة نجم")])
    assert found[-1][0] == "direct" and "سارة نجم" in found[-1][2]


def test_the_speakers_own_words_as_object_are_no_subject() -> None:
    text = ('وألقى الوزير رامي حداد كلمة في الافتتاح. وختم كلمته قائلا: "تؤكد حكومة بلادي ضرورة توحيد الجهود '
            'في المنطقة".')
    found = quotes(text, [ent(text, "رامي حداد")])
    assert found[-1][0] == "direct" and "رامي حداد" in found[-1][2]


def test_reply_adverbial_after_the_verb_leaves_the_previous_speaker() -> None:
    text = ('وقال وزير الدفاع جيمس هول إنه ينسق مع البيت الأبيض. وأضاف ردا على سؤال عن الخطة "ليست لدي كل '
            'الإجابات النهائية حتى الآن".')
    found = quotes(text, [ent(text, "جيمس هول")])
    assert found[-1][0] == "direct" and "جيمس هول" in found[-1][2]


def test_anonymity_request_inside_the_speaker_phrase_is_no_cue() -> None:
    text = ('فيما نفى أحد العاملين في القنصلية، رفض ذكر اسمه، أن يكون للقنصلية أي علم بالموضوع. ونقل موقع '
            'إخباري عن أحد المحققين، دون ذكر اسمه، قوله إن قائد الطائرة أبلغ عن وجود خلل.')
    found = quotes(text)
    assert [(k, s) for k, _, s in found] == [("reported", "أحد العاملين"), ("reported", "أحد المحققين")]


def test_a_sentence_ending_in_duna_does_not_silence_the_next_verb() -> None:
    text = 'وتبلغ أعمار بعضهم خمس سنوات أو ما دون. وأوضح المكتب أن ذوي هؤلاء الأطفال غادروا البلاد.'
    found = quotes(text)
    assert [(k, s) for k, _, s in found] == [("reported", "المكتب")]


def test_radio_name_in_marks_is_where_the_words_were_given() -> None:
    text = ('وقال الوزير لوران دوبوا إن الاتفاق لم ينته. وأضاف لراديو "أر.تي.إل" الفرنسي "هذا الاتفاق لم '
            'يمت بعد".')
    found = quotes(text, [ent(text, "لوران دوبوا")])
    assert found[-1][:2] == ("direct", "هذا الاتفاق لم يمت بعد") and "دوبوا" in found[-1][2]
