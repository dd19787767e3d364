"""Round 14 speaker rules (docs/events.md, "Round 14"): sentences written for these tests."""

from __future__ import annotations

from quote_support import analyse, ent, quotes


def test_a_time_adverb_after_the_verb_is_no_speaker() -> None:
    text = 'وانتقد المسؤول تصريحات متهورة. بيد أن سامي الراشد نفى بعدها أن تتبع بلاده هذا النموذج في المفاوضات.'
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert qs and qs[-1][2] == "سامي الراشد"


def test_a_manner_phrase_with_doon_is_no_speaker() -> None:
    text = 'وقال الوزير سامي الراشد إن القضية مهمة. وأضاف دون الخوض في التفاصيل "لكننا سنرد على هذا".'
    qs = quotes(text, [ent(text, "سامي الراشد")])
    assert qs[-1][0] == "direct" and qs[-1][2] != "دون الخوض" and "سامي الراشد" in qs[-1][2]


def test_a_bare_title_in_the_previous_sentence_names_its_person() -> None:
    text = ('وقال وزير الاتصال سامي الراشد إن المشروع مهم. وشدد الوزير على ضرورة تغطية المناطق الداخلية. '
            'وأضاف أن الوزارة أطلقت طلب عروض جديد.')
    article_quotes = quotes(text, [ent(text, "سامي الراشد")])
    assert article_quotes[-1][2] == "الوزير"
    last = analyse(text, [ent(text, "سامي الراشد")]).layer("quotes")[-1]
    assert last.speaker is not None and last.speaker.get("entity") == "سامي الراشد"
