"""Round 17 speaker rules (docs/events.md, "Round 17"): sentences written for these tests."""

from __future__ import annotations

from quote_support import analyse, ent, quotes


def test_an_outlet_after_lam_in_the_previous_sentence_is_not_the_topic() -> None:
    text = ('وأوضحت سلمى الراشد، من اتحاد الطلاب، أن الهدف من المبادرة هو تسهيل الحصول على الكتب.\n'
            'وتحدثت لبي بي سي عن هذا الأسبوع الذي هو الأول في توزيع الكتب.\n'
            'وقالت "هدفنا أن يحصل كل طالب على كتبه بسهولة ودون أن يدفع الكثير".')
    qs = quotes(text, [ent(text, "سلمى الراشد"), ent(text, "بي سي", "ORG")])
    assert qs[-1][0] == "direct" and qs[-1][2] == "سلمى الراشد"


def test_the_programme_guest_names_the_person_introduced_before() -> None:
    text = ('أكد أمين المال الجهوي سامي الراشد اليوم أنه تم ربط المنظومة بالقباضات المالية. '
            'وأوضح ضيف البرنامج أنه تم الإعلان عن هذا الإجراء منذ نهاية ديسمبر الماضي.')
    last = analyse(text, [ent(text, "سامي الراشد")]).layer("quotes")[-1]
    assert last.speaker is not None and last.speaker["text"] == "ضيف البرنامج"
    assert last.speaker["entity"] == "سامي الراشد"


def test_a_person_named_after_the_cue_in_the_speakers_sentence_is_the_topic() -> None:
    text = ('وقال سامي الراشد إن الأمر "خطير وغريب"، بحسب تعبيره لـ"الإذاعة" في تعليقه على مقترح بشأن '
            'تعيين كريم العابد رئيسا للهيئة. وأكد أن رئيس الجمهورية كان قد نبه إلى أهمية استقلالية الحكومة.')
    qs = quotes(text, [ent(text, "سامي الراشد"), ent(text, "كريم العابد")])
    assert qs[-1][2] == "سامي الراشد"


def test_the_same_source_is_the_one_just_cited() -> None:
    text = ('وأفاد رئيس المشروع سامي الراشد أن الأشغال ستنتهي في الصيف. وسيتم تنفيذ القسط الثاني من '
            'المشروع، وفق ذات المصدر، على مساحة هكتارين في وسط المدينة.')
    last = analyse(text, [ent(text, "سامي الراشد")]).layer("quotes")[-1]
    assert last.speaker is not None and last.speaker["text"] == "ذات المصدر"
    assert last.speaker["entity"] == "سامي الراشد"
