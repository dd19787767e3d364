"""Title logic on hand-built token sequences (no model involved)."""

from __future__ import annotations

import pytest

from marsad.extract.titles import leading_title, split_title_clitic, title_before


def _title(sentence: str, name: str) -> str | None:
    tokens = sentence.split()
    start = tokens.index(name.split()[0])
    found = title_before(tokens, start)
    return None if found is None else " ".join(tokens[found[0]:found[1]])


@pytest.mark.parametrize("sentence, name, title", [
    ("وقال اللواء خليفة حفتر إن", "خليفة حفتر", "اللواء"),
    ("قال وزير الخارجية الأمريكي جون كيري", "جون كيري", "وزير الخارجية الأمريكي"),
    ("التقى رئيس الوزراء البريطاني ديفيد كاميرون", "ديفيد كاميرون", "رئيس الوزراء البريطاني"),
    ("أعلن نائب الرئيس الأمريكي مايك بنس", "مايك بنس", "نائب الرئيس الأمريكي"),
    ("قال الأمين العام للأمم المتحدة أنطونيو غوتيريش", "أنطونيو غوتيريش", "الأمين العام للأمم المتحدة"),
    ("استقبل الشيخ محمد بن زايد", "محمد بن زايد", "الشيخ"),
    ("وأكد المشير عبد الفتاح السيسي", "عبد الفتاح السيسي", "المشير"),
    ("التقى رئيس مجلس النواب عقيلة صالح", "عقيلة صالح", "رئيس مجلس النواب"),
    ("وصرح الدكتور أحمد زويل", "أحمد زويل", "الدكتور"),
    ("وقالت المتحدثة باسم الحكومة سارة", "سارة", None),  # المتحدثة not listed: no guess
])
def test_title_before_the_name(sentence: str, name: str, title: str | None) -> None:
    assert _title(sentence, name) == title


def test_nearest_title_wins_and_titles_do_not_cross_entities() -> None:
    tokens = ["التقى", "الرئيس", "الأمريكي", "الرئيس", "الفرنسي", "ماكرون"]
    assert title_before(tokens, 5) == (3, 5)
    tokens = ["زار", "القاهرة", "محمد"]
    assert title_before(tokens, 2) is None  # a definite place is not a title
    tokens = ["قال", "الرئيس", "الأمريكي", "أوباما"]
    assert title_before(tokens, 3, lower=2) is None  # «الأمريكي» alone, the rank is out of reach


def test_bare_office_head_right_before_a_name_is_not_a_title() -> None:
    assert title_before(["وزير", "محمد"], 1) is None
    assert title_before(["رأى", "أمير", "خان"], 1) is None


def test_title_with_attached_clitic_is_recognised() -> None:
    tokens = ["ثم", "قال", "والرئيس", "بشار", "الأسد"]
    assert title_before(tokens, 3) == (2, 3)
    tokens = ["رسالة", "للرئيس", "عباس"]
    assert title_before(tokens, 2) == (1, 2)


def test_leading_title_inside_a_person_span() -> None:
    assert leading_title(["الرئيس", "الأمريكي", "باراك", "أوباما"], 0, 4) == 2
    assert leading_title(["الرئيس", "الأسد"], 0, 2) == 1  # one token always stays the name
    assert leading_title(["أمير", "خان"], 0, 2) == 0
    assert leading_title(["محمد", "مرسي"], 0, 2) == 0
    assert leading_title(["اللواء"], 0, 1) == 0


def test_split_title_clitic() -> None:
    assert split_title_clitic("والرئيس") == (1, "الرئيس")
    assert split_title_clitic("وللرئيس") == (0, "الرئيس")
    assert split_title_clitic("للرئيس") == (0, "الرئيس")
    assert split_title_clitic("الرئيسُ") == (0, "الرئيس")
    assert split_title_clitic("ووزير") == (1, "وزير")
