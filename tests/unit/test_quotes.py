"""Quotes: cues, spans, speakers — on sentences written for these tests.

Entities are set by hand (``Entity`` objects) so the tests do not depend on the NER
model; sentences and tokens come from the real segment stage.
"""

from __future__ import annotations

import pytest

from marsad.extract.quotes import QuoteStage, extract_quotes, find_segments
from marsad.model import Article, Entity
from marsad.text.stages import SegmentStage

REPORT = (
    "يمكن أن تبعث بريطانيا وحدات إلى ليبيا لتدريب قوات حكومة الوفاق، بحسب مصدر في وايتهول.\n"
    "وقال اللواء محمد الزين، قائد القوات الخاصة، إن التدريب سيبدأ في الأشهر المقبلة.\n"
    "وأضاف أن القوات البريطانية لن تشارك في أي قتال.\n"
    "وقالت مصادر دبلوماسية في لندن إن الحكومة لم تتخذ قرارا نهائيا بعد."
)


def ent(text: str, needle: str, typ: str, title: str | None = None, nth: int = 0) -> Entity:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    e = Entity(start, start + len(needle), needle, typ, needle)
    if title is not None:
        t = text.rindex(title, 0, start)
        e.title, e.title_start, e.title_end = title, t, t + len(title)
    return e


def analyse(text: str, entities: list[Entity] | None = None) -> Article:
    article = SegmentStage()(Article.from_raw(text, published="2018-03-01"))
    article.set_layer("entities", entities or [])
    article = QuoteStage()(article)
    article.validate()
    return article


def quote_containing(article: Article, needle: str):  # type: ignore[no-untyped-def]
    hits = [q for q in article.layer("quotes") if needle in q.text]
    assert hits, f"no quote contains {needle!r}: {[q.text for q in article.layer('quotes')]}"
    return hits[0]


@pytest.fixture()
def report() -> Article:
    return analyse(REPORT, [ent(REPORT, "بريطانيا", "LOC"), ent(REPORT, "ليبيا", "LOC"),
                            ent(REPORT, "وايتهول", "LOC"), ent(REPORT, "محمد الزين", "PERS", title="اللواء"),
                            ent(REPORT, "لندن", "LOC")])


def test_stage_declares_its_contract() -> None:
    stage = QuoteStage()
    assert stage.name == "quotes"
    assert stage.requires == ("sentences", "tokens", "entities")
    assert stage.assigns == ("quotes",)


def test_named_speaker_with_title(report: Article) -> None:
    q = quote_containing(report, "التدريب سيبدأ")
    assert q.kind == "reported"
    assert q.cue == "وقال"
    assert q.speaker["entity"] == "محمد الزين"
    assert q.speaker["kind"] == "person"
    assert "اللواء" in q.speaker["text"]  # the title goes with the name
    assert report.text[q.speaker["start"]:q.speaker["end"]] == q.speaker["text"]
    assert "قائد القوات" not in q.text  # the apposition is not part of what was said


def test_pronoun_cue_takes_previous_speaker(report: Article) -> None:
    q = quote_containing(report, "لن تشارك")
    assert q.cue == "وأضاف"
    assert q.speaker["kind"] == "pronoun-resolved"
    assert q.speaker["entity"] == "محمد الزين"


def test_anonymous_source_after_attribution(report: Article) -> None:
    q = quote_containing(report, "تبعث بريطانيا")
    assert q.kind == "reported"
    assert q.cue == "بحسب"
    assert q.speaker["kind"] == "anonymous"
    assert q.speaker["text"] == "مصدر في وايتهول"
    assert "بحسب" not in q.text


def test_anonymous_plural_source_keeps_its_place(report: Article) -> None:
    q = quote_containing(report, "لم تتخذ قرارا")
    assert q.speaker["kind"] == "anonymous"
    assert q.speaker["text"] == "مصادر دبلوماسية في لندن"


def test_works_without_entities() -> None:
    article = analyse(REPORT)
    q = quote_containing(article, "التدريب سيبدأ")
    assert "محمد الزين" in q.speaker["text"]
    assert q.speaker["entity"] is None
    assert quote_containing(article, "لن تشارك").speaker["text"] == q.speaker["text"]


def test_multi_sentence_quote_is_one() -> None:
    text = ("وقال الوزير خالد العناني: «القطع لن تخرج كلها. سنرسل خمسين قطعة فقط. "
            "والباقي يبقى في المتحف».\nوانتهى المؤتمر.")
    article = analyse(text, [ent(text, "خالد العناني", "PERS", title="الوزير")])
    quotes = article.layer("quotes")
    assert len(quotes) == 1
    q = quotes[0]
    assert q.kind == "direct"
    assert q.text.startswith("القطع لن تخرج") and q.text.endswith("في المتحف")
    assert q.speaker["entity"] == "خالد العناني"


def test_colon_quote_without_marks_runs_to_paragraph_end() -> None:
    text = "وقال المتحدث باسم الجيش: لن نسمح بأي هجوم جديد. وسنرد بقوة.\nوفي سياق آخر، ارتفعت الأسعار."
    q = quote_containing(analyse(text), "لن نسمح")
    assert q.kind == "direct"
    assert q.text.endswith("وسنرد بقوة")


def test_quote_before_its_cue() -> None:
    text = '"الوضع الأمني تحسن كثيرا في الأسابيع الأخيرة"، قال المتحدث باسم الشرطة.'
    q = quote_containing(analyse(text), "الوضع الأمني")
    assert q.kind == "direct"
    assert "المتحدث" in q.speaker["text"]


def test_scare_quotes_and_titles_are_not_speech() -> None:
    text = 'افتتح معرض "كنوز الفرعون الصغير" في القاهرة، ووصف النقاد العمل بـ"الكارثة".'
    assert analyse(text).layer("quotes") == []


def test_impersonal_background_is_not_a_quote() -> None:
    text = "يذكر أن النقابة قررت تعليق الدروس منذ أسبوعين."
    assert analyse(text).layer("quotes") == []


def test_organization_and_country_speakers() -> None:
    text = "وقالت وزارة الخارجية إن السفير استدعي. وأعلنت روسيا أنها سترد على القرار."
    article = analyse(text, [ent(text, "وزارة الخارجية", "ORG"), ent(text, "روسيا", "LOC")])
    assert quote_containing(article, "السفير استدعي").speaker["kind"] == "organization"
    q = quote_containing(article, "سترد")
    assert q.speaker["kind"] == "country"
    assert q.speaker["entity"] == "روسيا"


def test_trailing_hasabma_attribution() -> None:
    text = "وصلت تعزيزات عسكرية كبيرة إلى المدينة ليلا، حسبما قال مصدر أمني."
    q = quote_containing(analyse(text), "تعزيزات")
    assert q.kind == "reported"
    assert q.speaker["kind"] == "anonymous"
    assert q.speaker["text"].startswith("مصدر أمني")


def test_quoted_name_inside_speaker_zone() -> None:
    text = 'وذكرت وكالة "وفا" الرسمية، الإثنين، بأن القوات قصفت موقعين شمال غزة.'
    q = quote_containing(analyse(text), "القوات قصفت")
    assert q.kind == "reported"
    assert "وفا" in q.speaker["text"]


def test_relay_speaker_is_the_original_source() -> None:
    text = "ونقلت وكالة رويترز عن مسؤول رفيع في الوزارة قوله إن المفاوضات ستستأنف الأسبوع المقبل."
    q = quote_containing(analyse(text), "المفاوضات")
    assert q.speaker["text"].startswith("مسؤول رفيع")
    assert q.speaker["kind"] == "anonymous"


def test_new_cue_inside_a_reported_sentence_starts_a_new_quote() -> None:
    text = "وأكدت المسؤولة أنها ستعمل مع الحكومة، وقالت إنها \"ستنجز الخطط كلها قبل نهاية العام\"."
    article = analyse(text)
    assert len(article.layer("quotes")) == 2
    first, second = article.layer("quotes")
    assert first.end <= second.start
    assert second.kind == "direct"


def test_find_segments_pairs_marks() -> None:
    text = 'قال «أ «ب» ج» ثم "د ه" و“و ز”'
    spans = [text[s.start:s.end] for s in find_segments(text)]
    assert spans == ["أ «ب» ج", "د ه", "و ز"]


def test_empty_article() -> None:
    assert extract_quotes(Article.from_raw("")) == []


def test_straight_quotes_nest_around_a_quoted_name() -> None:
    text = 'وقال المدير إن "مصنع مخابر "سيف" شهد أمس أحداث عنف خطيرة" داخل المؤسسة.'
    spans = [text[s.start:s.end] for s in find_segments(text)]
    assert spans[0] == 'مصنع مخابر "سيف" شهد أمس أحداث عنف خطيرة'
    q = analyse(text).layer("quotes")[0]
    assert q.kind == "direct" and q.text.endswith("أحداث عنف خطيرة")


def test_straight_quotes_side_by_side_stay_separate() -> None:
    text = 'وصف الوزير القرار بأنه "خاطئ" و"متسرع" ثم غادر.'
    spans = [text[s.start:s.end] for s in find_segments(text)]
    assert spans == ["خاطئ", "متسرع"]


# ---------------------------------------------------------------- broken quote marks (round 3)


def seg_texts(text: str) -> list[tuple[str, bool]]:
    return [(text[s.start:s.end].strip(), s.closed) for s in find_segments(text)]


def test_unclosed_mark_before_a_new_cue_with_a_glued_mark() -> None:
    text = ('وقال الوزير في كلمته "لن نقبل بهذا الوضع أبدا متسائلا عن جدوى المفاوضات . '
            'وأضاف الوزير"  سنواصل العمل مع شركائنا حتى النهاية ". ثم غادر القاعة.')
    assert seg_texts(text) == [("لن نقبل بهذا الوضع أبدا", False),
                               ("سنواصل العمل مع شركائنا حتى النهاية", True)]
    qs = analyse(text).layer("quotes")
    assert [q.text for q in qs if q.kind == "direct"] == ["لن نقبل بهذا الوضع أبدا",
                                                         "سنواصل العمل مع شركائنا حتى النهاية"]


def test_unclosed_mark_before_a_cue_with_complementiser() -> None:
    text = 'وبالنظر لما "يشهده القطاع من ركود وفساد، قال إنه " كان محصورا في فئة ضيقة ". وغادر.'
    assert seg_texts(text) == [("يشهده القطاع من ركود وفساد", False), ("كان محصورا في فئة ضيقة", True)]
    qs = analyse(text).layer("quotes")
    assert [q.text for q in qs] == ["كان محصورا في فئة ضيقة"]  # the unclosed label is no quote


def test_unclosed_mark_after_a_cue_runs_to_the_sentence_end() -> None:
    text = 'وقال المدير في تصريحه "سنفتح المصنع من جديد الأسبوع المقبل. ثم غادر المكان'
    assert seg_texts(text) == [("سنفتح المصنع من جديد الأسبوع المقبل", False)]
    q = analyse(text).layer("quotes")[0]
    assert q.kind == "direct" and q.text == "سنفتح المصنع من جديد الأسبوع المقبل"


def test_unclosed_mark_without_cue_is_left_alone() -> None:
    text = 'شارك العشرات في مسيرة "الكرامة وسط العاصمة. وانتهت المسيرة بسلام.'
    assert seg_texts(text) == []


def test_a_narrated_speech_sentence_ends_an_unclosed_quotation() -> None:
    text = ('واعتبر النائب أن القرار سياسي قائلا "إننا دخلنا مرحلة خطيرة وفق قوله. '
            'وأكد النائب أن حزبه سيواصل نضاله. ويشار إلى أن حزب "الأمل" أصدر بيانا.')
    segs = seg_texts(text)
    assert ("إننا دخلنا مرحلة خطيرة وفق قوله", False) in segs and ("الأمل", True) in segs
    q = next(q for q in analyse(text).layer("quotes") if "حزبه سيواصل" in q.text)
    assert q.kind == "reported" and q.text == "حزبه سيواصل نضاله"


def test_new_cue_after_a_connector_opens_the_next_quotation() -> None:
    text = ('وشدد الأمين العام على أن الحزب يقوم "بعمل غير مألوف في البلاد حيث ننظم مهرجانا، '
            'لكنه ذكر بأن "الدوائر الانتخابية كلها مفتوحة للجميع".')
    assert seg_texts(text) == [("بعمل غير مألوف في البلاد حيث ننظم مهرجانا", False),
                               ("الدوائر الانتخابية كلها مفتوحة للجميع", True)]
    qs = analyse(text).layer("quotes")
    assert [(q.kind, q.text[:9]) for q in qs] == [("reported", "الحزب يقو"), ("direct", "الدوائر ا")]


def test_a_mark_before_punctuation_never_opens() -> None:
    text = 'من ديون المؤسسات لدى البنوك".وصرح أن "مشاكل القطاع تتفاقم يوما بعد يوم" وفق تعبيره.'
    assert seg_texts(text) == [("مشاكل القطاع تتفاقم يوما بعد يوم", True)]


def test_a_real_closing_mark_after_a_connector_cue_is_kept() -> None:
    text = 'وقالت إن هذه المعطيات "تشير إلى تحسن طفيف، لكنها تؤكد استمرار التحديات".'
    assert seg_texts(text) == [("تشير إلى تحسن طفيف، لكنها تؤكد استمرار التحديات", True)]


def test_an_after_a_temporal_preposition_is_no_complementiser() -> None:
    text = 'وأرسل لها رسالة يقول فيها "انتظري مكالمتي"، قبل أن يرسل رمزا يعني الخطر.'
    qs = analyse(text).layer("quotes")
    assert [(q.kind, q.text) for q in qs] == [("direct", "انتظري مكالمتي")]


def test_long_zone_of_adjuncts_closed_by_comma_complementiser() -> None:
    text = ('وقال رئيس الجمعية الوطنية للمحاسبين محمد سالم، في تصريح اعلامي قبل انطلاق اشغال '
            'المجلس الذي يشارك فيه ممثلو الجمعية وفروعها في كل من العاصمة والمدن الساحلية '
            'والمدن الداخلية والقرى، ان "البلاد بصدد خسارة أحد الحلول المهمة".')
    q = analyse(text).layer("quotes")[0]
    assert q.kind == "direct" and q.text == "البلاد بصدد خسارة أحد الحلول المهمة"


# ---------------------------------------------------------------- round 5


def test_bare_participle_between_marked_stretches_keeps_two_quotes_of_one_speaker() -> None:
    # round 5 joined them; round 51 follows the sets since fresh101, which annotate two quotes
    text = 'وقال الوزير في بيان "نرفض هذا القرار رفضا تاما،" مؤكدا "سنواصل العمل مع شركائنا في المنطقة."'
    qs = analyse(text, [ent(text, "الوزير", "PERS")]).layer("quotes")
    assert [q.kind for q in qs] == ["direct", "direct"]
    assert qs[0].text.startswith("نرفض") and qs[1].text.endswith("في المنطقة")
    assert [(q.speaker or {}).get("entity") for q in qs] == ["الوزير", "الوزير"]


def test_participle_with_complementiser_keeps_two_quotes() -> None:
    text = 'وقال الوزير إن "القرار خاطئ من أساسه تماما"، مضيفا أن "الحكومة ستعترض عليه أمام المحكمة".'
    qs = analyse(text, [ent(text, "الوزير", "PERS")]).layer("quotes")
    assert [q.kind for q in qs] == ["direct", "direct"]


def test_short_label_after_a_characterising_verb_is_not_a_quote() -> None:
    text = 'ووصف الرئيس منفذي التفجيرات بأنهم "أناس مرضى".'
    assert analyse(text).layer("quotes") == []


def test_participle_with_noun_object_before_attribution_adds_no_quote() -> None:
    text = 'وأضاف الوزير في المقابلة "هذا عمل جبان وبشع"، مشيراً إلى الهجمات الأخيرة على الكنائس، بحسب رويترز.'
    qs = analyse(text, [ent(text, "الوزير", "PERS"), ent(text, "رويترز", "ORG")]).layer("quotes")
    assert [q.kind for q in qs] == ["direct"]
    text = 'وأكد الوزير أن "العلاقات بين البلدين تاريخية" معبرا عن استعداده للزيارة، وفق ما جاء في البيان.'
    qs = analyse(text, [ent(text, "الوزير", "PERS")]).layer("quotes")
    assert [q.kind for q in qs] == ["direct"]


def test_attribution_set_off_by_commas_covers_its_clause() -> None:
    text = "وأبدى فريق الخبراء، وفقاً لوكالة الأنباء الرسمية، استعداده لتقديم الدعم الفني للوزارة."
    qs = analyse(text, [ent(text, "وكالة الأنباء الرسمية", "ORG")]).layer("quotes")
    assert len(qs) == 1 and qs[0].kind == "reported"
    assert qs[0].text.startswith("وأبدى") and qs[0].text.endswith("للوزارة")
    # a relative clause after the source describes the source: the quote ends at the attribution
    text = "وقع الحادث يوم الاثنين، بحسب مؤسسة النقل الحكومية، التي لم تعرف بالأمر إلا لاحقا."
    qs = analyse(text, [ent(text, "مؤسسة النقل الحكومية", "ORG")]).layer("quotes")
    assert [q.text for q in qs] == ["وقع الحادث يوم الاثنين"]


def test_vocalised_perfect_passive_has_no_speaker() -> None:
    text = "وافق البرلمان على مشروع قانون وُصف بأنه حيوي لإنقاذ الاتفاق مع الدول الكبرى."
    assert analyse(text, [ent(text, "البرلمان", "ORG")]).layer("quotes") == []


def test_background_kana_clause_and_purpose_adjunct_stay_in_the_reported_clause() -> None:
    text = ("وقالت مصادر حكومية إنه تم العثور على أربعة بحارة من طاقم السفينة، "
            "وكانت السفينة قد جنحت قرب الساحل.")
    qs = analyse(text).layer("quotes")
    assert len(qs) == 1 and qs[0].text.endswith("قرب الساحل")
    text = ("وذكرت القناة أن الجماعة تنوي تنفيذ عمليات في محافظات عدة، "
            "وذلك بهدف التأثير على المجتمع الدولي.")
    qs = analyse(text).layer("quotes")
    assert len(qs) == 1 and qs[0].text.endswith("المجتمع الدولي")
    # the writer's comment («، وذلك في …») and the speaker's next act («، ورفضت …») still end it
    text = "وقالت الوزيرة إن الاجتماع سيعقد في موعده، ورفضت الكشف عن جدول الأعمال."
    assert analyse(text).layer("quotes")[0].text.endswith("في موعده")


# ---------------------------------------------------------------- round 6 (fresh3 opened)

def _sp(q: object) -> str:
    sp = getattr(q, "speaker", None)
    return (sp or {}).get("text") or ""


def test_doubled_opening_mark_is_one_mark() -> None:
    text = 'وأكد المطرب سامر الخبر في منشور.\nوكتب المطرب: ""لست نادما على شيء، أنا فخور بنفسي".'
    qs = analyse(text, [ent(text, "سامر", "PERS")]).layer("quotes")
    assert [(q.kind, q.text) for q in qs] == [("direct", "لست نادما على شيء، أنا فخور بنفسي")]


def test_unclosed_mark_ends_before_the_narrators_next_cue_sentence() -> None:
    text = ('وأضاف القائد: "سنواصل القتال في العام المقبل وعلى مدى بعيد. وتابع بالقول: '
            '"لولا الدعم الخارجي ما استمرت الحرب"، وفقا لما نقله موقع الحركة.')
    qs = [q for q in analyse(text).layer("quotes") if q.kind == "direct"]
    assert [q.text for q in qs] == ["سنواصل القتال في العام المقبل وعلى مدى بعيد",
                                    "لولا الدعم الخارجي ما استمرت الحرب"]


def test_question_and_reply_verbs_open_a_quote_after_a_colon_only() -> None:
    text = 'وتساءل القاضي: "هل العدالة موجودة هنا؟" ثم رفع الجلسة.'
    qs = analyse(text).layer("quotes")
    assert [(q.kind, q.text, _sp(q)) for q in qs] == [("direct", "هل العدالة موجودة هنا؟", "القاضي")]
    # «تساءل عن» (wondered about) takes a plain object: the colon later is not its quotation
    text = 'في تغريدته التي تساءل البعض عن جديتها، كتب المرشح: "أعلن ترشحي للانتخابات النيابية".'
    assert all(_sp(q) != "البعض" for q in analyse(text).layer("quotes"))


def test_reply_in_dialogue_goes_to_the_other_party() -> None:
    text = ('وعندما سأله الأب، رد عليه ذلك الرجل بالقول: "يذهب إلى الجبهة ويقاتل". فأجابه الأب: "ما شأنه بالجبهة؟"، '
            'فقال له: "إذن أنت عدو".')
    qs = analyse(text).layer("quotes")
    assert [q.text for q in qs] == ["يذهب إلى الجبهة ويقاتل", "ما شأنه بالجبهة؟", "إذن أنت عدو"]
    # the demonstrative phrase after the addressee pronoun is the subject (the zone also keeps
    # the manner word «بالقول»); «فقال له» answers the father, so it is the other party again
    assert _sp(qs[0]).startswith("ذلك الرجل") and _sp(qs[1]) == "الأب"
    assert _sp(qs[2]) == _sp(qs[0])


def test_a_document_provision_with_ala_anna_is_quoted_by_the_document() -> None:
    text = 'وينص الفصل 12 على أنه "لا يجوز إيقاف أي شخص دون إذن قضائي مسبق".'
    qs = analyse(text).layer("quotes")
    assert [(q.kind, q.text, _sp(q)) for q in qs] == [
        ("direct", "لا يجوز إيقاف أي شخص دون إذن قضائي مسبق", "الفصل 12")]
    # the noun «نص» with no complementiser is no cue
    text = "ونشرت الصحيفة نص القرار كاملا على موقعها."
    assert analyse(text).layer("quotes") == []


def test_fronted_attribution_followed_by_marks_is_a_direct_quote() -> None:
    text = 'ووفقا لمصادر إعلامية تابعة للجماعة "فقد قضت المحكمة بسجن ثلاثة صحفيين عشر سنوات".'
    qs = analyse(text).layer("quotes")
    assert [(q.kind, q.text) for q in qs] == [("direct", "فقد قضت المحكمة بسجن ثلاثة صحفيين عشر سنوات")]
    assert "مصادر إعلامية" in _sp(qs[0])


def test_fragments_coordinated_by_wa_are_one_direct_quote() -> None:
    text = 'وأضاف البيان "شكر الرئيس للأمير التزام بلاده بمكافحة الإرهاب،" و"مناقشة التهديد الذي تفرضه الميليشيات."'
    qs = analyse(text).layer("quotes")
    assert len(qs) == 1 and qs[0].kind == "direct"
    assert qs[0].text.startswith("شكر الرئيس") and qs[0].text.endswith("تفرضه الميليشيات")


def test_a_day_after_hasabama_is_not_the_source() -> None:
    from marsad.extract.times import TimesStage
    text = "تلقت المنظمة الدولية استقالة رئيسها الموقوف في الصين، وذلك حسبما أعلنت الأحد."
    article = TimesStage()(SegmentStage()(Article.from_raw(text, published="2018-03-01")))
    article.set_layer("entities", [ent(text, "المنظمة الدولية", "ORG")])
    qs = QuoteStage()(article).layer("quotes")
    assert len(qs) == 1 and _sp(qs[0]) == "المنظمة الدولية"


def test_indefinite_object_and_adjective_after_the_verb_are_not_the_speaker() -> None:
    text = 'ونشر المطرب سامر صورة لنفسه، وكتب تعليقا ساخرا: "هل يريد أحد قليلا من المال؟".'
    qs = analyse(text, [ent(text, "سامر", "PERS")]).layer("quotes")
    assert len(qs) == 1 and _sp(qs[0]) != "تعليقا ساخرا"


def test_participle_clause_after_narration_joins_the_speakers_reported_quote() -> None:
    text = ("وأضاف الوزير أن بلاده ستحصل على دعم إضافي من حلفائها, وذلك لمحاربة الإرهابيين, "
            "مؤكدا أن مستوى الدعم الحالي كاف.")
    qs = analyse(text).layer("quotes")
    assert len(qs) == 1 and qs[0].kind == "reported"
    assert qs[0].text.startswith("بلاده ستحصل") and qs[0].text.endswith("كاف")


def test_fronted_attribution_set_off_by_a_comma_names_an_unknown_source() -> None:
    text = "ووفقا للإنتربول، كانت للعصابة صلات بشبكات تهريب في ثلاث قارات."
    qs = analyse(text).layer("quotes")
    assert len(qs) == 1 and qs[0].kind == "reported" and "إنتربول" in _sp(qs[0])


def test_present_of_taba_with_a_colon_opens_a_direct_quote() -> None:
    text = 'تقول الكاتبة سلمى حسن إن الطريق كان صعبا. وتتابع: "كنت أدرك أنني لن أعيش حياة عادية".'
    q = quote_containing(analyse(text), "كنت أدرك")
    assert q.kind == "direct"


def test_present_of_taba_without_a_colon_is_follow_not_speech() -> None:
    text = 'وتتابع الوزارة عن كثب "الوضع الأمني" في المدينة.'
    assert not analyse(text).layer("quotes")


def test_zada_with_a_colon_is_speech_and_without_it_is_not() -> None:
    said = analyse('وزاد المدرب: "اللاعب سيعود إلى التدريبات الأسبوع المقبل".').layer("quotes")
    assert len(said) == 1 and said[0].kind == "direct"
    assert not analyse('وزاد عدد الزوار "بشكل لافت" هذا العام.').layer("quotes")


def test_unmarked_colon_quote_ends_where_a_new_verb_opens_marks() -> None:
    text = ('وقال المدرب سامي العلي: بقي اللاعب في المدينة ليواصل العلاج تحت إشراف الطبيب، '
            'وأضاف «الحديث عن اللاعب ينطبق على زملائه المصابين أيضا».')
    qs = analyse(text).layer("quotes")
    first = next(q for q in qs if "بقي اللاعب" in q.text)
    assert "الحديث" not in first.text
    assert any(q.text.startswith("الحديث عن اللاعب") and q.kind == "direct" for q in qs)
