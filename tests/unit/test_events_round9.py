"""Round 9 lead-event rules (docs/events.md, "Round 9"): sentences written for these tests."""

from __future__ import annotations

from test_events import lead


def test_reported_with_bi_is_the_reported_event() -> None:
    ev = lead('أفادت تقارير بمقتل 12 شخصا إثر انهيار مبنى سكني في المدينة.')
    assert ev is not None and ev.type == "killing" and ev.modality == "reported"
    ev = lead('أفاد مراسلنا في المدينة، الخميس، بمقتل 20 من المسلحين في غارات على مواقعهم.')
    assert ev is not None and ev.type == "killing"


def test_announced_with_an_after_a_long_subject() -> None:
    text = 'أعلن المتحدث باسم الشرطة، العقيد سالم أحمد، عن اعتقال 40 شخصا بعد أعمال الشغب في العاصمة.'
    ev = lead(text)
    assert ev is not None and ev.type == "arrest" and ev.modality == "reported"


def test_announced_death_is_no_killing() -> None:
    text = 'أعلن مسؤول بارز في الحزب المعارض في البلاد عن وفاة زعيم الحزب، السياسي المعروف سامي جون.'
    ev = lead(text)
    assert ev is None or ev.type == "statement"


def test_reached_agreement_with_the_subject_between() -> None:
    ev = lead('توصلت الحكومة والنقابة العامة إلى اتفاق ينهي الإضراب في الموانئ.')
    assert ev is not None and ev.type == "agreement"
    # a relative clause between: the «إلى» belongs to something else
    ev = lead('وصل الوفد الذي توصل أمس إلى المدينة لحضور المؤتمر.')
    assert ev is None or ev.type != "agreement"


def test_subjected_to_an_attack_is_the_news() -> None:
    text = ('تعرضت إحدى دوريات الحرس أثناء عملها في بلدة صغيرة بالمحافظة لإطلاق نار من سيارة، '
            'كما ألقت الشرطة القبض على شخصين.')
    ev = lead(text)
    assert ev is not None and ev.type == "attack"


def test_supporting_the_economy_is_no_cooperation() -> None:
    text = 'أظهرت بيانات اليوم أن المبيعات زادت، مما يشير إلى أن إنفاق المستهلكين سيدعم النمو هذا العام.'
    ev = lead(text)
    assert ev is None or ev.type != "diplomatic_cooperation"


def test_wished_for_visit_is_a_possible_meeting() -> None:
    text = 'قالت الصحيفة إن الرئيس عبر عن رغبته بزيارة إلى العاصمة للقاء نظيره.'
    ev = lead(text)
    assert ev is not None and ev.type == "meeting" and ev.modality == "possible"


def test_missile_launch_suffered_is_an_attack_without_the_target_as_actor() -> None:
    text = 'أعلن الجيش، الأربعاء، عن تعرض إحدى طائراته لإطلاق صاروخ من داخل المطار.'
    ev = lead(text)
    assert ev is not None and ev.type == "attack" and not ev.actors


def test_intention_to_run_is_a_possible_election_of_the_speaker() -> None:
    text = 'أعرب رجل الأعمال سامي خالد عن نيته بالترشح لرئاسة النادي في الموسم المقبل.'
    ev = lead(text)
    assert ev is not None and ev.type == "election" and ev.modality == "possible"
    assert ev.actors and ev.actors[0].get("text", "").startswith("رجل الأعمال")
