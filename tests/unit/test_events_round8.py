"""Round 8 lead-event rules (docs/events.md, "Round 8"): sentences written for these tests."""

from __future__ import annotations

from test_events import ent, lead


def test_bahatha_with_ma_is_talks() -> None:
    text = 'بحث وزير الخارجية الأردني مع نظيره التونسي ملف المياه والتعاون الاقتصادي.'
    ev = lead(text)
    assert ev is not None and ev.type == "meeting" and ev.text == "بحث"
    text = 'بحث الباحثون عن علاج جديد للمرض.'
    assert lead(text) is None or lead(text).type != "meeting"


def test_prosecutor_order_is_a_ruling_or_the_ordered_detention() -> None:
    ev = lead('قررت النيابة العامة فتح تحقيق في حادث انهيار المبنى.')
    assert ev is not None and ev.type == "court_ruling"
    ev = lead('أمرت النيابة العامة حبس المتهمين أربعة أيام على ذمة التحقيق.')
    assert ev is not None and ev.type == "arrest"
    ev = lead('قررت الشركة زيادة الأجور في الربع المقبل.')
    assert ev is None or ev.type != "court_ruling"


def test_clause_initial_dan_is_condemned() -> None:
    text = 'دان رئيس البرلمان، الهجوم الذي استهدف الحافلة، مؤكدا أن المجرمين سينالون عقابهم.'
    ev = lead(text)
    assert ev is not None and ev.type == "statement" and ev.text == "دان"


def test_forecast_with_noun_object_is_a_statement() -> None:
    text = 'توقع الخبير الاقتصادي ارتفاع أسعار القمح نتيجة تآكل الطلب العالمي.'
    ev = lead(text)
    assert ev is not None and ev.type == "statement"


def test_taking_part_in_a_protest_is_the_news() -> None:
    text = 'شارك آلاف الطلاب في مسيرات بعدة مدن للمطالبة بإلغاء الرسوم، ودعوا إلى إغلاق معسكرات احتجاز اللاجئين.'
    ev = lead(text)
    assert ev is not None and ev.type == "protest"


def test_campaign_of_words_is_no_attack() -> None:
    text = 'قال مسؤولون إن الحكومة تشن حملة من الإعلانات على التلفزيون لتشجيع السياحة.'
    ev = lead(text)
    assert ev is None or ev.type == "statement"
    text = 'شنت القوات حملة عسكرية على مواقع المسلحين في الجبال.'
    ev = lead(text)
    assert ev is not None and ev.type == "attack"


def test_seizing_people_is_an_arrest_goods_are_not() -> None:
    ev = lead('تمكنت دورية الحرس من ضبط 5 أشخاص حاولوا اجتياز الحدود.')
    assert ev is not None and ev.type == "arrest"
    ev = lead('تمكنت دورية الحرس من ضبط كميات من السجائر المهربة.')
    assert ev is None or ev.type != "arrest"


def test_a_facility_receiving_traffic_is_no_meeting() -> None:
    text = 'أعلن الوزير أن ميناء المدينة سيستقبل أول سفينة سياحية في الصيف.'
    ev = lead(text)
    assert ev is None or ev.type != "meeting"


def test_economic_demand_is_no_appeal() -> None:
    text = 'ارتفعت أسعار النفط بسبب زيادة الطلب من الصين.'
    ev = lead(text)
    assert ev is None or ev.type != "appeal"


def test_entity_helper_still_works() -> None:  # keeps the shared helper import used
    text = 'بحث الرئيس مع الوفد الزائر سبل التعاون.'
    assert lead(text, [ent(text, "الرئيس", "PERS")]) is not None
