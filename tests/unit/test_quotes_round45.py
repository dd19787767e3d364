"""Round 45 (docs/events.md, "Round 45"): a crowd addressed after «لـ», addressing someone as the
manner of saying, and «ذكر اسمه» (naming someone) as no cue. Sentences written for these tests."""

from __future__ import annotations

from quote_support import analyse, ent


def _speakers(text: str, names: list[str]) -> list[tuple[str, str | None]]:
    article = analyse(text, [ent(text, n) for n in names])
    return [(q.text, (q.speaker or {}).get("entity") or (q.speaker or {}).get("text"))
            for q in article.layer("quotes")]


def test_a_crowd_after_li_is_the_addressee() -> None:
    text = ('وزار الرئيس كمال يلدز مدينة سراييفو أمس. وقال لحشد من نحو 15 ألف شخص "لقد أظهرتم للعالم كله أن '
            'الحضارة ليست حكرا على أحد".')
    found = _speakers(text, ["كمال يلدز"])
    assert found[-1][1] == "كمال يلدز"


def test_addressing_someone_is_the_manner_of_saying() -> None:
    text = ('وقال الرئيس سامي فارس في تغريدة إن بلاده لن تتراجع. كما أضاف موجها تهديده إلى نظيره: "لا تهدد '
            'بلادنا أبدا بعد اليوم".')
    found = _speakers(text, ["سامي فارس"])
    assert found[-1] == ("لا تهدد بلادنا أبدا بعد اليوم", "سامي فارس")


def test_naming_someone_is_no_cue_and_the_subject_speaks() -> None:
    text = ('أكد مستثمر قطري ذكر اسمه في مجموعة من التغريدات أنه كان موجودا في الاجتماعات التي عقدت في '
            'ديسمبر الماضي.')
    found = _speakers(text, [])
    assert len(found) == 1 and found[0][0].startswith("كان موجودا") and found[0][1] == "مستثمر قطري"
