"""Round 49 (docs/events.md, "Round 49"): «العالم» appealed to, and members addressed right after the
verb. Sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, speakers


def test_the_world_appealed_to_is_the_object() -> None:
    text = ('وقالت الناشطة سلمى عادل إن "مضايقة المدافعات عن حقوق الإنسان غير مبررة". وحثت العالم على "عدم '
            'الصمت على قمع المدافعين عن حقوق الإنسان".')
    found = speakers(text, [ent(text, "سلمى عادل")])
    assert found[-1] == ("عدم الصمت على قمع المدافعين عن حقوق الإنسان", "سلمى عادل")


def test_members_addressed_after_the_verb_are_no_speaker() -> None:
    text = ('قال رئيس الوزراء سامي فارس إن بعض الجنود أرادوا قتله. وشوهد سامي فارس يضحك مع الجنود، وقال لأعضاء '
            'البرلمان "في داخلي كنت أشعر بسعادة غامرة".')
    found = speakers(text, [ent(text, "سامي فارس")])
    assert found[-1] == ("في داخلي كنت أشعر بسعادة غامرة", "سامي فارس")


def test_members_inside_a_title_phrase_stay_in_it() -> None:
    text = 'أوضح عضو المكتب التنفيذي لأعضاء شرف النادي المحامي سامي فارس، بأن هناك "إجراءات نظامية يجب احترامها".'
    found = speakers(text, [ent(text, "سامي فارس")])
    assert found and found[0][1] == "سامي فارس"
