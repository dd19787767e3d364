"""Round 54 (docs/events.md, "Round 54"): «وهي تبكي» and «قولها» after the verb name nobody.
Sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, speakers


def test_a_circumstantial_clause_after_the_verb_is_no_subject() -> None:
    text = ('قالت الممثلة سلمى عادل إنها نادمة على ما كتبت. وقالت وهي تبكي: "لم أقصد إيذاء أحد، وأعتذر '
            'لكل من شعر بالإهانة".')
    found = speakers(text, [ent(text, "سلمى عادل")])
    assert found[-1] == ("لم أقصد إيذاء أحد، وأعتذر لكل من شعر بالإهانة", "سلمى عادل")


def test_her_saying_after_the_verb_is_its_object() -> None:
    text = ('قالت الممثلة سلمى عادل إنها نادمة على ما كتبت. وتابعت قولها: "لكنهم لا يقبلون اعتذاري أو أي '
            'تبرير".')
    found = speakers(text, [ent(text, "سلمى عادل")])
    assert found[-1] == ("لكنهم لا يقبلون اعتذاري أو أي تبرير", "سلمى عادل")
