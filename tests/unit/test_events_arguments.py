"""Event actors, places and modality chosen with entity types.

Sentences are written for these tests; entities (with a hand-set ``geo`` where the
rule depends on the gazetteer kind) are given explicitly so the NER model is not needed.
"""

from __future__ import annotations

from test_events import analyse, lead_event, names

from marsad.model import Entity, Event

COUNTRY = {"kind": "country"}
CITY = {"kind": "city"}


def ent(text: str, needle: str, typ: str, geo: dict | None = None) -> Entity:  # type: ignore[type-arg]
    start = text.index(needle)
    return Entity(start, start + len(needle), needle, typ, needle, geo=geo)


def lead(text: str, entities: list[Entity]) -> Event:
    return lead_event(analyse(text, entities, published="2019-05-01"))


def test_a_city_is_never_the_actor() -> None:
    text = "اعتقلت في حلب قوات الأمن ثلاثة مطلوبين."
    with_city = lead(text, [ent(text, "حلب", "LOC", CITY)])
    assert "حلب" not in names(with_city.actors)
    assert with_city.place is not None and with_city.place["text"] == "حلب"


def test_a_country_can_act() -> None:
    text = "اعتقلت تركيا ثلاثة صحفيين في إسطنبول."
    ev = lead(text, [ent(text, "تركيا", "LOC", COUNTRY), ent(text, "إسطنبول", "LOC", CITY)])
    assert names(ev.actors) == ["تركيا"]
    assert ev.place is not None and ev.place["text"] == "إسطنبول"


def test_entity_after_a_comma_separated_subject_is_the_object() -> None:
    text = "دعت الحكومة اليمنية، الأحد، الأمم المتحدة إلى ممارسة الضغط على المتمردين."
    ev = lead(text, [ent(text, "الأمم المتحدة", "ORG")])
    assert ev.type == "appeal"
    assert "الأمم المتحدة" not in names(ev.actors)
    assert ev.actors and ev.actors[0]["text"].startswith("الحكومة")


def test_subject_right_before_the_verb_is_the_actor() -> None:
    text = "قال مسؤولون إن الرئيس سامي الحداد سيستقبل رئيس الوزراء كريم منصور في القصر الجمهوري."
    ev = lead(text, [ent(text, "سامي الحداد", "PERS"), ent(text, "كريم منصور", "PERS")])
    assert ev.type == "meeting" and ev.modality == "possible"
    assert names(ev.actors) == ["سامي الحداد"]


def test_partner_country_after_with_is_not_the_place() -> None:
    text = "وقعت مصر اتفاقية تعاون عسكري مع فرنسا."
    ev = lead(text, [ent(text, "مصر", "LOC", COUNTRY), ent(text, "فرنسا", "LOC", COUNTRY)])
    assert names(ev.actors) == ["مصر"]
    assert ev.place is None


def test_direction_word_makes_a_place() -> None:
    text = "اعتقلت الشرطة رجلا جنوبي ولاية كاليفورنيا بتهمة إشعال الحرائق."
    ev = lead(text, [ent(text, "كاليفورنيا", "LOC")])
    assert ev.type == "arrest"
    assert ev.place is not None and ev.place["text"] == "كاليفورنيا"


def test_the_reporting_paper_is_not_a_target() -> None:
    text = "يمكن أن ترسل إيطاليا مدربين إلى النيجر لتدريب الجيش، بحسب صحيفة لاريبوبليكا."
    ev = lead(text, [ent(text, "إيطاليا", "LOC", COUNTRY), ent(text, "النيجر", "LOC", COUNTRY),
                     ent(text, "لاريبوبليكا", "ORG")])
    assert ev.modality == "possible"
    assert names(ev.actors) == ["إيطاليا"]
    assert "لاريبوبليكا" not in names(ev.targets)


def test_future_verb_before_a_noun_trigger_is_possible() -> None:
    text = "أفادت المحكمة بأن الوزير السابق سيدخل السجن خلال أيام."
    article = analyse(text, [], published="2019-05-01")
    prison = [e for e in article.layer("events") if e.text == "السجن"]
    assert prison and prison[0].modality == "possible"


def test_a_named_building_after_in_is_the_place() -> None:
    text = "استقبل الرئيس سامي الحداد وفدا من رجال الأعمال في البيت الأبيض."
    ev = lead(text, [ent(text, "سامي الحداد", "PERS"), ent(text, "البيت الأبيض", "MISC")])
    assert ev.type == "meeting"
    assert ev.place is not None and ev.place["text"] == "البيت الأبيض"


def test_place_of_a_relative_clause_is_not_the_events_place() -> None:
    text = "استقبل الرئيس سامي الحداد الصحفي الذي عاد إلى الأردن بعد سنوات."
    ev = lead(text, [ent(text, "سامي الحداد", "PERS"), ent(text, "الأردن", "LOC", COUNTRY)])
    assert ev.type == "meeting"
    assert ev.place is None


def test_pronoun_after_the_complementiser_makes_the_speaker_the_actor() -> None:
    ev = lead("أعلن الجيش أنه قصف مواقع المسلحين قرب الحدود.", [])
    assert ev.type == "attack"
    assert any("الجيش" in a["text"] for a in ev.actors)


def test_subject_phrase_runs_to_the_entity_that_ends_it() -> None:
    text = "طالبت النيابة العامة السعودية بالإفراج عن المعتقلين."
    ev = lead(text, [ent(text, "السعودية", "LOC", COUNTRY)])
    assert ev.type == "appeal"
    assert names(ev.actors) == ["النيابة العامة السعودية"]
    assert ev.actors[0]["entity"] == "السعودية"


def test_killing_has_no_actor_from_the_victims() -> None:
    ev = lead("قتل 24 شخصا في حريق داخل عيادة.", [])
    assert ev.type == "killing" and ev.actors == []


def test_indefinite_subject_takes_its_adjectives() -> None:
    ev = lead("قضت محكمة إيرانية بسجن ناشطة عاما.", [])
    assert ev.type == "court_ruling"
    assert names(ev.actors) == ["محكمة إيرانية"]


def test_person_after_a_title_completed_by_an_organisation_acts() -> None:
    text = "وصف الأمين العام للأمم المتحدة، انطونيو غوتيريس، الوضع في المدينة بأنه كارثي."
    un = Entity(text.index("للأمم"), text.index("للأمم") + len("للأمم المتحدة"), "للأمم المتحدة", "ORG",
                "الأمم المتحدة")
    ev = lead(text, [un, ent(text, "انطونيو غوتيريس", "PERS")])
    assert ev.type == "statement"
    assert "انطونيو غوتيريس" in names(ev.actors)[0]


def test_light_verb_subject_acts_for_its_noun_object() -> None:
    ev = lead("أصدرت المحكمة العليا، الثلاثاء، حكما بسجن الناشط عاما.", [])
    assert ev.type == "court_ruling"
    assert names(ev.actors) == ["المحكمة العليا"]


def test_subject_of_a_light_verb_is_not_its_own_actor() -> None:
    ev = lead("تواصلت الاحتجاجات في العاصمة ضد القانون.", [])
    assert ev.type == "protest" and ev.actors == []


def test_result_of_an_accident_is_the_reported_news() -> None:
    text = "قالت الشرطة إن حافلة صدمت مارة قرب مهرجان الربيع، ما أسفر عن مقتل شخص."
    ev = lead(text, [ent(text, "الربيع", "LOC")])
    assert ev.type == "killing" and ev.modality == "reported"
    assert ev.actors == []  # a place named near the event does not kill


def test_a_perfect_verb_starting_with_sin_is_not_future() -> None:
    ev = lead("قال مسؤولون إن مسلحين سيطروا على قاعدة عسكرية.", [])
    assert ev.type == "armed_clash" and ev.modality == "reported"


# ---------------------------------------------------------------- round 2


def test_an_accusation_by_a_leader_is_a_statement() -> None:
    text = "اتهم زعيم المعارضة خالد ناصر الحكومة بإهدار المال العام."
    ev = lead(text, [ent(text, "خالد ناصر", "PERS")])
    assert ev.type == "statement"


def test_an_accusation_by_the_authorities_is_a_charge() -> None:
    text = "اتهمت السلطات الفرنسية رجلا بإشعال حريق في مستودع قرب المدينة."
    ev = lead(text, [])
    assert ev.type == "court_ruling"


def test_a_noun_after_a_preposition_is_never_read_as_a_verb() -> None:
    # «سيطرة» folds like سيطر + ه («controlled it»); after على it can only be the noun
    text = "وصف المجلس القرار بأنه خطير، معتبرا أنه يدل على سيطرة منطق القوة في المنطقة."
    ev = lead(text, [])
    assert ev.type == "statement"


def test_an_event_in_a_during_adjunct_is_background() -> None:
    text = "أعلن الجيش نتائج التحقيق في سقوط طائرة خلال تنفيذ هجوم على هدف قرب الحدود."
    ev = lead(text, [])
    assert ev.type == "statement"


def test_masdar_with_agent_suffix_takes_the_speaker_as_actor() -> None:
    text = "أكدت السلطات الصينية اعتقالها لمدير الشركة، هوانغ لي، بتهمة الفساد."
    ev = lead(text, [ent(text, "السلطات الصينية", "ORG"), ent(text, "هوانغ لي", "PERS")])
    assert ev.type == "arrest"
    assert names(ev.actors)[0] == "السلطات الصينية"


def test_indefinite_accusative_is_the_object_and_the_fronted_noun_the_subject() -> None:
    text = "قال السكان إن شاحنة كبيرة انحرفت فجأة واقتحمت حشدا من المصلين في البلدة."
    ev = lead(text, [])
    assert ev.type == "attack"
    assert names(ev.actors) == ["شاحنة كبيرة"]


def test_fronted_indefinite_subject_of_a_verb_phrase_acts() -> None:
    text = "قالت الشرطة إن رجلا أطلق النار على المصلين."
    ev = lead(text, [ent(text, "الشرطة", "ORG")])
    assert ev.type == "attack" and [a["text"] for a in ev.actors] == ["رجلا"]


def test_a_court_speaking_is_the_actor_of_the_sentence_it_reports() -> None:
    text = "قالت المحكمة العليا إن الرئيس الأسبق لولا سيدخل السجن."
    ev = lead(text, [ent(text, "المحكمة العليا", "ORG"), ent(text, "لولا", "PERS")])
    assert ev.type == "court_ruling" and ev.actors[0]["text"] == "المحكمة العليا"


def test_place_after_a_later_background_event_is_not_the_lead_place() -> None:
    text = "دعا الرئيس، الأربعاء، الحكومة إلى الاستعداد للأزمة، عشية قمة تعقد في بروكسل."
    ev = lead(text, [ent(text, "بروكسل", "LOC", CITY)])
    assert ev.type == "appeal" and ev.place is None


def test_theophoric_name_cut_by_the_tagger_is_completed() -> None:
    text = "انتقد حسن نصر الله القرار الأخير."
    ev = lead(text, [ent(text, "حسن نصر", "PERS")])
    assert ev.actors[0]["text"] == "حسن نصر الله"


def test_fixed_object_of_the_verb_is_not_its_subject() -> None:
    text = "قال مصدر عسكري إن الجيش ألقى القبض على قيادي في المدينة."
    ev = lead(text, [])
    assert ev.type == "arrest" and [a["text"] for a in ev.actors] == ["الجيش"]


def test_possessive_on_a_reported_event_noun_points_to_the_speaker() -> None:
    text = "قال الرئيس دونالد ترامب إن لقاءه بالزعيم الكوري قد لا يعقد في موعده."
    ev = lead(text, [ent(text, "دونالد ترامب", "PERS")])
    assert ev.type == "meeting" and ev.modality == "possible"
    assert "دونالد ترامب" in ev.actors[0]["text"]


def test_what_a_speaker_managed_to_do_is_the_news_and_the_speaker_did_it() -> None:
    text = 'قال الجيش إنه تمكن من القضاء على "12 عنصرا مسلحا" في المنطقة.'
    ev = lead(text, [ent(text, "الجيش", "ORG")])
    assert (ev.type, ev.modality) == ("killing", "reported")
    assert ev.actors[0]["text"] == "الجيش"


def test_eliminating_a_problem_is_no_killing() -> None:
    text = "قال الوزير إن الحكومة تعمل على القضاء على الفقر."
    ev = lead(text, [ent(text, "الوزير", "PERS")])
    assert ev.type == "statement"


# ---------------------------------------------------------------- round 4 (fresh-set error classes)


def test_impersonal_tamma_after_the_complementiser_takes_no_actor() -> None:
    text = "أكد الوزير سليم الهادي أنه تم الاتفاق على خفض أسعار الخبز في المحلات الكبرى."
    ev = lead(text, [ent(text, "سليم الهادي", "PERS")])
    assert ev.type == "agreement" and ev.actors == []


def test_a_dual_verb_carries_its_subject_so_the_town_after_it_is_the_place() -> None:
    text = "أسقطت الدفاعات الجوية صاروخين، استهدفا مدينة نجران السعودية، مساء الأحد."
    ev = lead(text, [ent(text, "نجران", "LOC", CITY), ent(text, "السعودية", "LOC", COUNTRY)])
    assert ev.type == "attack" and ev.actors == []
    assert ev.place is not None and ev.place["text"] == "نجران"


def test_finite_verb_heads_the_clause_over_a_masdar_in_an_adjunct() -> None:
    text = ("في اليوم الثاني من زيارته للمملكة المتحدة، اجتمع الرئيس الأمريكي، دونالد ترامب، "
            "مع رئيسة الوزراء البريطانية، تيريزا ماي، في مقر إقامتها.")
    ev = lead(text, [ent(text, "دونالد ترامب", "PERS"), ent(text, "تيريزا ماي", "PERS")])
    assert ev.type == "meeting" and ev.text == "اجتمع"
    assert "دونالد ترامب" in names(ev.actors)[0]


def test_part_of_day_is_not_the_subject() -> None:
    text = "التقى صبيحة اليوم الأربعاء أمين عام الحركة وفدا من المعارضة في مدينة بنغازي."
    ev = lead(text, [ent(text, "بنغازي", "LOC")])
    assert ev.type == "meeting" and not any("صبيحة" in n for n in names(ev.actors))


def test_a_killing_takes_the_place_of_the_attack_behind_it() -> None:
    text = "لقي تسعة أشخاص مصرعهم في هجوم انتحاري استهدف مقر المفوضية في طرابلس."
    events = analyse(text, [ent(text, "طرابلس", "LOC")]).layer("events")
    lead = next(e for e in events if e.main)
    assert lead.type == "killing" and lead.place is not None and lead.place["text"] == "طرابلس"


def test_an_appeal_does_not_inherit_a_later_place() -> None:
    text = "طالبت المنظمة بوقف الهجمات التي تستهدف المدنيين في حلب."
    events = analyse(text, [ent(text, "المنظمة", "ORG"), ent(text, "حلب", "LOC")]).layer("events")
    lead = next(e for e in events if e.main)
    assert lead.type == "appeal" and lead.place is None
