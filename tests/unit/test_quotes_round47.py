"""Round 47 (docs/events.md, "Round 47"): a person's title phrase that a comma separates from the
name's own honorific, and the impersonal «من المقرر» as no subject. Sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, speakers


def test_a_title_phrase_before_the_honorific_names_the_person() -> None:
    text = ('عبر وزير الخارجية البحريني، الشيخ سامي فارس، عن تأييد بلاده للقرار. جاء ذلك في سلسلة من '
            'التغريدات للوزير البحريني، حيث قال: "موقف قيادي كبير من الرئيس".')
    person = ent(text, "سامي فارس")
    person.title, person.title_start = "الشيخ", text.index("الشيخ")
    person.title_end = person.title_start + len("الشيخ")
    found = speakers(text, [person])
    assert found[-1] == ("موقف قيادي كبير من الرئيس", "سامي فارس")


def test_the_impersonal_min_al_muqarrar_is_no_subject() -> None:
    text = ('ولم يتحدد موعد للتحقيق مع المحامي. ومن المقرر أن تمثل الناشطة أمام القاضي غدا.\n'
            'وقال إنه علم بخبر منعه من السفر من بعض الصحف.')
    found = speakers(text, [])
    assert found and all(speaker != "المقرر" for _, speaker in found)
