"""Round 10 lead-event rules (docs/events.md, "Round 10"): sentences written for these tests."""

from __future__ import annotations

from test_events import lead


def test_opening_an_inquiry_is_a_legal_step() -> None:
    ev = lead('فتحت السلطات في البلاد تحقيقا في اختفاء مسؤول بارز في الشرطة الدولية.')
    assert ev is not None and ev.type == "court_ruling"


def test_opening_a_shop_is_no_legal_step() -> None:
    ev = lead('فتحت الشركة فرعا جديدا في العاصمة الأسبوع الماضي.')
    assert ev is None or ev.type != "court_ruling"


def test_directing_the_charge_is_a_charge() -> None:
    ev = lead('وجهت السلطات الاتهام لعشرة من المتطرفين فيما يتعلق بمؤامرة مزعومة، حسبما قال مصدر قضائي.')
    assert ev is not None and ev.type == "court_ruling" and ev.modality == "reported"


def test_lifting_a_ban_is_no_sanction() -> None:
    ev = lead('أعلنت الحكومة الخميس عن رفع جزئي لحظر السفر إلى عدد من المدن الساحلية.')
    assert ev is None or ev.type != "sanctions"
    ev = lead('فرضت الحكومة حظرا على السفر إلى عدد من المدن الساحلية.')
    assert ev is not None and ev.type == "sanctions"
