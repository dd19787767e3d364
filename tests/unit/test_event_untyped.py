"""The untyped lead event: a lead whose news lies outside the taxonomy still says who acted and
where (sentences written for these tests)."""

from __future__ import annotations

from test_events import analyse, ent

from marsad.corpus.records import CorpusDoc
from marsad.evaluation.runner import as_sys_event
from marsad.extract.cues import words
from marsad.extract.event_types import UNTYPED
from marsad.extract.event_untyped import _clause_verb, _finite_verb
from marsad.model import Article, Event


def untyped(article: Article) -> Event | None:
    return next((e for e in article.layer("events") if e.type == UNTYPED), None)


def test_an_untaxonomised_lead_keeps_its_actor() -> None:
    text = "وافق مجلس الوزراء السعودي على مبادرة المدارس المستقلة."
    ev = untyped(analyse(text, [ent(text, "مجلس الوزراء السعودي", "ORG")]))
    assert ev is not None and ev.main and ev.text == "وافق"
    assert [a["text"] for a in ev.actors] == ["مجلس الوزراء السعودي"]
    assert ev.modality == "asserted"


def test_the_place_of_the_main_clause_is_kept() -> None:
    text = "أغلقت السلطات في رواندا نحو 700 كنيسة لعدم امتثالها لقوانين البناء."
    ev = untyped(analyse(text, [ent(text, "رواندا", "LOC")]))
    assert ev is not None and ev.place is not None and ev.place["text"] == "رواندا"


def test_a_place_after_a_clause_break_belongs_to_another_event() -> None:
    text = "أعلنت شركة الطيران أرباحها بعد أن افتتحت مكتبا في القاهرة."
    ev = untyped(analyse(text, [ent(text, "القاهرة", "LOC")]))
    assert ev is None or ev.place is None


def test_what_undergoes_a_change_does_not_act() -> None:
    for text in ("ارتفعت أسعار النفط الاثنين لليوم الرابع.", "تحطمت طائرة شحن عسكرية قديمة في جورجيا."):
        ev = untyped(analyse(text))
        assert ev is not None and ev.actors == [], text
    ev = untyped(analyse("سجلت أسعار الذهب انخفاضا الثلاثاء."))  # a market subject of any verb
    assert ev is not None and ev.actors == []


def test_a_place_that_witnesses_is_the_place_not_the_actor() -> None:
    text = "قد تشهد مدينة جدة اقامة مباراة كبيرة بين ناديين أوروبيين."
    ev = untyped(analyse(text, [ent(text, "جدة", "LOC")]))
    assert ev is not None and ev.actors == []
    assert ev.place is not None and ev.place["text"] == "جدة"
    ev = untyped(analyse("شهدت عدة مناطق من البلاد أمس انقطاعا متكررا للتيار الكهربائي."))
    assert ev is not None and ev.actors == []


def test_a_typed_lead_gets_no_untyped_event() -> None:
    text = "قصفت طائرات حربية مواقع في مدينة إدلب."
    events = analyse(text, [ent(text, "إدلب", "LOC")]).layer("events")
    assert UNTYPED not in [e.type for e in events]
    assert any(e.main and e.type == "attack" for e in events)


def test_a_nominal_opening_has_no_clause_verb() -> None:
    for opening in ("مكتب سعد لأفلام الكلاسك واحد من المحلات القليلة في بغداد.",
                    "بمناسبة إقامة المعرض الدولي الأول في روما افتتح الوزير الجناح.",
                    "الرئيس الأمريكي يلتقي نظيره الفرنسي.", "بعيداً عن الرسميات، انتشرت صور جديدة."):
        assert _clause_verb(words(opening), 0) is None, opening
    for verb in ("منحت", "وافق", "يتوجه", "أظهرت", "بدأ"):
        assert _finite_verb(words(verb)[0]), verb


def test_a_planned_act_is_the_clause_verb_and_possible() -> None:
    text = "من المقرر أن يوافق البرلمان الصيني على شطب مادة في الدستور."
    ev = untyped(analyse(text, [ent(text, "البرلمان الصيني", "ORG")]))
    assert ev is not None and ev.text == "يوافق" and ev.modality == "possible"
    assert ev.actors and ev.actors[0]["text"] == "البرلمان الصيني"


def test_the_scorer_reads_the_untyped_event_as_none() -> None:
    ev = Event(0, 4, "وافق", UNTYPED, "asserted", actors=[{"text": "مجلس الوزراء", "entity": None}])
    sys_ev = as_sys_event(ev)
    assert sys_ev is not None and sys_ev.type == "none" and sys_ev.actors == ["مجلس الوزراء"]


def test_stories_never_share_the_untyped_type() -> None:
    text = "وافق مجلس الوزراء السعودي على مبادرة المدارس المستقلة."
    article = analyse(text, [ent(text, "مجلس الوزراء السعودي", "ORG")])
    assert untyped(article) is not None
    assert CorpusDoc.from_article(article, "a1").event_types == []

