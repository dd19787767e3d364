"""Round 16 speaker rules (docs/events.md, "Round 16"): sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, quotes


def test_the_words_between_a_speech_verb_and_qailan_are_its_subject() -> None:
    text = ('وقال البيان إن المحادثات ستبدأ الأسبوع المقبل في العاصمة.\nوأضاف الراشدي قائلا: "تجري الآن '
            'الترتيبات لنقل الفريق الفني إلى العاصمة".')
    qs = quotes(text)
    assert qs[-1][0] == "direct" and qs[-1][2] == "الراشدي"


def test_a_prepositional_phrase_before_qailan_is_no_subject() -> None:
    text = ('وقال الوزير سامي الراشد إن المحادثات ستبدأ قريبا.\nوأضاف في تصريح قائلا: "تجري الآن الترتيبات '
            'لنقل الفريق الفني".')
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert qs[-1][2] == "الوزير سامي الراشد"


def test_a_relayed_tweet_belongs_to_the_title_after_lam() -> None:
    text = ('قال الأمير سامي الراشد، سفير البلاد في واشنطن، إن الاتفاق خطير. جاء ذلك في سلسلة من '
            'التغريدات للسفير الجديد، حيث قال: "نؤيد الإجراءات التي اتخذها الرئيس بشأن الاتفاق".')
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert qs[-1][0] == "direct" and qs[-1][2] == "السفير الجديد"


def test_lam_and_a_channel_noun_is_the_addressee() -> None:
    text = ('وقال أحد الشهود ويدعى سامي الراشد إنهم سمعوا صوتا عاليا. وأضاف لوسائل إعلام محلية: "رأيت '
            'رجلي شرطة يقبضان على شخص مصاب".')
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert qs[-1][0] == "direct" and "سامي الراشد" in qs[-1][2]


def test_a_request_for_anonymity_is_no_subject() -> None:
    text = ('وقال الضابط سامي الراشد إن الوضع صعب في المنطقة.\nوأضاف طالبا عدم الكشف عن هويته "تعرضوا '
            'لهجوم في القرية المجاورة".')
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert qs[-1][0] == "direct" and "سامي الراشد" in qs[-1][2]


def test_the_issuer_of_a_statement_speaks_in_qalat_fihi() -> None:
    text = ('وكانت القوات المسلحة قد أصدرت بيانا بشأن تصريحات سامي الراشد، قالت فيه إن التصريحات تستهدف '
            'إثارة الشكوك حول الدولة.')
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert qs and qs[-1][2] == "القوات المسلحة"
