"""Round 53 (docs/events.md, "Round 53"): «الأخير» ("the latter") and a verb-initial previous
sentence whose subject the tagger read as MISC. Sentences written for these tests."""

from __future__ import annotations

from quote_support import ent, speakers


def test_the_latter_is_the_person_named_last() -> None:
    text = ('واشتدت الحروب الكلامية بين الرئيس سامي فارس وزعيم الجزيرة خالد منصور في يناير، حيث قال الأخير إنه '
            '"يحتفظ بزر القنبلة على مكتبه دائما".')
    found = speakers(text, [ent(text, "سامي فارس"), ent(text, "خالد منصور")])
    assert found == [("يحتفظ بزر القنبلة على مكتبه دائما", "خالد منصور")]


def test_the_latter_in_the_feminine_skips_a_man() -> None:
    text = ('والتقت الوزيرة سلمى عادل بالسفير سامي فارس أمس، وقالت الأخيرة إن "المحادثات كانت مثمرة جدا".')
    woman, man = ent(text, "سلمى عادل"), ent(text, "سامي فارس")
    woman.title, man.title = "الوزيرة", "السفير"  # what the entities stage attaches
    found = speakers(text, [woman, man])
    assert found[-1][1] == "سلمى عادل"


def test_a_body_read_as_misc_after_a_two_letter_verb_stays_in_focus() -> None:
    text = ('ردّ البيت الأبيض، الاثنين، على إعلان موسكو أن القمة المرتقبة لن تتطرق إلى قضية القرم.\nوأكد أن '
            'الولايات المتحدة لا تعترف بضم روسيا شبه الجزيرة.')
    found = speakers(text, [ent(text, "البيت الأبيض", "MISC"), ent(text, "موسكو", "LOC")])
    assert found[-1] == ("الولايات المتحدة لا تعترف بضم روسيا شبه الجزيرة", "البيت الأبيض")
