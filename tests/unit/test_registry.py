"""Entity registry: name variants within and across articles, countries and organisation
aliases, counts over time, co-mentions, quotes, storage and the ``marsad entity`` command.

Entities are set on articles by hand so the tests do not depend on the NER model."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_store_support import make_store
from typer.testing import CliRunner

from marsad.corpus.persistence import find_entities, update_corpus
from marsad.corpus.records import CorpusDoc
from marsad.corpus.registry import EntityRecord, EntityRegistry, compatible, entity_id, resolve_mentions
from marsad.corpus.timeline import by_period, sparkline
from marsad.model import Article, Entity, Quote
from marsad.store.base import Store


def ents(text: str, *names: tuple[str, str], title: dict[str, str] | None = None) -> list[Entity]:
    """Entity spans for every occurrence of each (surface, type), in text order."""
    out = []
    for surface, etype in names:
        start = 0
        while (i := text.find(surface, start)) >= 0:
            out.append(Entity(i, i + len(surface), text=surface, type=etype, canonical=surface,
                              title=(title or {}).get(surface)))
            start = i + len(surface)
    out.sort(key=lambda e: e.start)
    # drop mentions nested in a longer one («الزين» inside «محمد الزين»)
    kept: list[Entity] = []
    for e in out:
        if kept and e.start < kept[-1].end:
            if e.end - e.start > kept[-1].end - kept[-1].start:
                kept[-1] = e
            continue
        kept.append(e)
    return kept


ZAIN = ("قال اللواء محمد الزين قائد المنطقة العسكرية إن قواته استعادت السيطرة على الطريق الساحلي. "
        "وأضاف الزين أن العملية ستستمر حتى تأمين القرى المجاورة، فيما شكر محمد الزين السكان على صبرهم.")


def zain_doc(doc_id: str = "a1", published: str = "2018-03-01T10:00:00") -> CorpusDoc:
    return CorpusDoc(doc_id, ZAIN, published=published,
                     entities=ents(ZAIN, ("محمد الزين", "PERS"), ("الزين", "PERS")))


def test_short_forms_link_to_the_full_name_within_an_article() -> None:
    resolved = resolve_mentions(zain_doc())
    assert [m.surface for m in resolved] == ["محمد الزين", "الزين", "محمد الزين"]
    assert {m.key for m in resolved} == {"محمد الزين"}
    assert len({m.entity_id for m in resolved}) == 1


def test_title_is_not_part_of_the_name() -> None:
    text = "أعلن اللواء محمد الزين انتهاء العملية."
    i = text.index("اللواء")
    doc = CorpusDoc("t", text, entities=[Entity(i, i + len("اللواء محمد الزين"), text="اللواء محمد الزين",
                                                type="PERS", canonical="اللواء محمد الزين")])
    assert resolve_mentions(doc)[0].key == "محمد الزين"


def test_full_names_merge_across_articles_but_surnames_alone_do_not() -> None:
    other = "وصل محمد الزين إلى العاصمة أمس في زيارة رسمية."
    lone = "ونفى الزين صحة الأنباء عن استقالته من منصبه."
    reg = EntityRegistry()
    reg.add_doc(zain_doc())
    reg.add_doc(CorpusDoc("a2", other, published="2018-03-02", entities=ents(other, ("محمد الزين", "PERS"))))
    reg.add_doc(CorpusDoc("a3", lone, published="2018-03-02", entities=ents(lone, ("الزين", "PERS"))))
    full = reg.records[entity_id("PERS", "محمد الزين")]
    assert full.articles == 2 and full.mentions == 4
    assert set(full.aliases) == {"محمد الزين", "الزين"}
    surname_only = reg.records[entity_id("PERS", "الزين")]
    assert surname_only.id != full.id and surname_only.article_ids == ["a3"]


def test_ambiguous_first_name_is_left_unresolved() -> None:
    text = "التقى محمد الزين مع محمد علي، ثم غادر محمد القاعة."
    resolved = resolve_mentions(CorpusDoc("x", text, entities=ents(
        text, ("محمد الزين", "PERS"), ("محمد علي", "PERS"), ("محمد", "PERS"))))
    keys = [m.key for m in resolved]
    assert keys == ["محمد الزين", "محمد علي", "محمد"]
    assert compatible(["الزين"], ["محمد", "الزين"]) and not compatible(["علي"], ["محمد", "الزين"])


def test_country_aliases_and_capital_as_government_resolve_to_iso_code() -> None:
    text = ("انتقدت بريطانيا القرار، وقالت لندن إنها ستراجع علاقاتها، "
            "بينما أكدت المملكة المتحدة التزامها. وتظاهر المئات في لندن.")
    resolved = resolve_mentions(CorpusDoc("c", text, entities=ents(
        text, ("بريطانيا", "LOC"), ("لندن", "LOC"), ("المملكة المتحدة", "LOC"))))
    assert [(m.surface, m.key) for m in resolved] == [
        ("بريطانيا", "GB"), ("لندن", "GB"), ("المملكة المتحدة", "GB"), ("لندن", "لندن")]
    assert resolved[0].country == "GB" and resolved[0].display == "المملكة المتحدة"


def test_isis_names_are_one_organisation_across_articles() -> None:
    a = "تبنى تنظيم داعش الهجوم على نقطة التفتيش."
    b = "قال بيان إن تنظيم الدولة الإسلامية خسر آخر معاقله، وإن الدولة الإسلامية تراجعت."
    reg = EntityRegistry()
    reg.add_doc(CorpusDoc("1", a, published="2018-02-10", entities=ents(a, ("تنظيم داعش", "ORG"))))
    reg.add_doc(CorpusDoc("2", b, published="2018-03-05", entities=ents(
        b, ("تنظيم الدولة الإسلامية", "ORG"), ("الدولة الإسلامية", "ORG"))))
    isis = reg.records[entity_id("ORG", "ISIS")]
    assert isis.articles == 2 and isis.mentions == 3
    assert isis.by_month == {"2018-02": 1, "2018-03": 2}
    assert reg.lookup("داعش")[0].id == isis.id


def test_counts_co_mentions_and_attributed_quotes() -> None:
    text = "قال محمد الزين «لن نتراجع عن حماية المدنيين» بعد لقائه ممثلي الأمم المتحدة في ليبيا."
    q0 = text.index("«") + 1
    q1 = text.index("»")
    s0 = text.index("محمد الزين")
    doc = CorpusDoc("q", text, published="2018-04-01T09:00:00",
                    entities=ents(text, ("محمد الزين", "PERS"), ("الأمم المتحدة", "ORG"), ("ليبيا", "LOC")),
                    quotes=[Quote(q0, q1, text=text[q0:q1], kind="direct", cue="قال",
                                  speaker={"text": "محمد الزين", "start": s0, "end": s0 + 10})])
    reg = EntityRegistry()
    reg.add_doc(doc)
    zain = reg.records[entity_id("PERS", "محمد الزين")]
    assert zain.quotes == [{"article": "q", "published": "2018-04-01T09:00:00", "kind": "direct",
                            "text": "لن نتراجع عن حماية المدنيين"}]
    assert set(zain.co_mentions) == {entity_id("ORG", "UN"), entity_id("LOC", "LY")}
    assert reg.records[entity_id("LOC", "LY")].quotes == []


def test_timeline_helpers() -> None:
    days = {"2018-03-01": 2, "2018-03-30": 1, "2018-04-02": 4, "undated": 1}
    assert by_period(days, "month") == {"2018-03": 3, "2018-04": 4, "undated": 1}
    assert next(iter(by_period(days, "week"))) == "2018-W09"
    assert sparkline([0, 1, 8]) == " ▁█"


# ------------------------------------------------------------- storage and command


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    yield from make_store(request.param, tmp_path)


def _article(text: str, published: str, *names: tuple[str, str]) -> Article:
    a = Article.from_raw(text, title=text[:30], source="test", published=published)
    a.set_layer("entities", ents(text, *names))
    return a


def test_registry_is_stored_and_merged_incrementally(store: Store) -> None:
    first = _article("تبنى تنظيم داعش الهجوم في الموصل.", "2018-02-10", ("تنظيم داعش", "ORG"), ("الموصل", "LOC"))
    store.add_articles([first])
    update_corpus(store, [first.id])
    second = _article("أعلن تنظيم الدولة الإسلامية مسؤوليته عن التفجير.", "2018-03-05",
                      ("تنظيم الدولة الإسلامية", "ORG"))
    store.add_articles([second])
    update_corpus(store, [second.id])
    update_corpus(store, [second.id])  # a repeated call counts nothing twice
    found = find_entities(store, "داعش")
    assert found and found[0].key == "ISIS"
    assert found[0].mentions == 2 and found[0].articles == 2
    assert found[0].by_month == {"2018-02": 1, "2018-03": 1}
    assert sorted(found[0].article_ids) == sorted([first.id, second.id])


def test_entity_command_json_and_errors(tmp_path: Path) -> None:
    from marsad.cli import _register, app
    from marsad.store.base import open_store
    _register()
    db = tmp_path / "m.db"
    with open_store(db) as st:
        st.add_articles([_article("قالت بريطانيا إن تنظيم داعش يهدد المنطقة.", "2018-02-10",
                                  ("بريطانيا", "LOC"), ("تنظيم داعش", "ORG"))])
    runner = CliRunner()
    result = runner.invoke(app, ["entity", "المملكة المتحدة", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    payload = json.loads(result.stdout.strip().splitlines()[-1])
    assert {"id", "canonical", "type", "aliases", "mentions"} <= set(payload)
    assert payload["id"] == entity_id("LOC", "GB") and payload["aliases"] == ["بريطانيا"]
    assert payload["co_mentioned"][0]["name"] == "تنظيم الدولة الإسلامية"
    missing = runner.invoke(app, ["entity", "شخص غير موجود", "--db", str(db)])
    assert missing.exit_code == 1 and "no entity matches" in missing.output


def test_lookup_prefers_the_city_for_a_capital_name_but_offers_the_state() -> None:
    text = "قالت لندن إنها سترد، وتظاهر المئات في لندن."
    reg = EntityRegistry()
    reg.add_doc(CorpusDoc("x", text, published="2018-03-01", entities=ents(text, ("لندن", "LOC"))))
    found = reg.lookup("لندن")
    assert [(r.type, r.key) for r in found] == [("LOC", "لندن"), ("LOC", "GB")]


# ------------------------------------------------------- cross-article context check


def _doc(doc_id: str, text: str, *names: tuple[str, str], title: dict[str, str] | None = None,
         published: str = "2018-03-01") -> CorpusDoc:
    return CorpusDoc(doc_id, text, published=published, entities=ents(text, *names, title=title))


SPORT = "سجل محمد علي هدفين للنادي الأهلي في مباراته أمام الزمالك على استاد القاهرة."
CLINIC = "قال الباحث محمد علي من جامعة إيموري في أتلانتا إن مرض السكري ينتشر بسرعة."
SPORT2 = "غاب محمد علي عن تدريبات الأهلي بسبب إصابة تعرض لها أمام الزمالك."


def test_common_full_name_in_unrelated_articles_is_kept_apart_with_a_reason() -> None:
    reg = EntityRegistry()
    reg.add_doc(_doc("s1", SPORT, ("محمد علي", "PERS"), ("الأهلي", "ORG"), ("الزمالك", "ORG"), ("القاهرة", "LOC")))
    reg.add_doc(_doc("c1", CLINIC, ("محمد علي", "PERS"), ("جامعة إيموري", "ORG"), ("أتلانتا", "LOC")))
    people = [r for r in reg.records.values() if r.key == "محمد علي"]
    assert len(people) == 2 and sorted(a for r in people for a in r.article_ids) == ["c1", "s1"]
    apart = next(r for r in people if r.article_ids == ["c1"])
    assert apart.links[0]["rule"] == "no-context-support"
    assert apart.links[0]["kept_apart_from"] == [entity_id("PERS", "محمد علي")]


def test_common_full_name_links_when_rare_co_mentions_agree() -> None:
    reg = EntityRegistry()
    reg.add_doc(_doc("s1", SPORT, ("محمد علي", "PERS"), ("الأهلي", "ORG"), ("الزمالك", "ORG"), ("القاهرة", "LOC")))
    reg.add_doc(_doc("s2", SPORT2, ("محمد علي", "PERS"), ("الأهلي", "ORG"), ("الزمالك", "ORG")))
    rec = reg.records[entity_id("PERS", "محمد علي")]
    assert rec.article_ids == ["s1", "s2"]
    assert rec.links[1]["rule"] == "context"
    assert set(rec.links[1]["shared"]) == {entity_id("ORG", "الاهلي"), entity_id("ORG", "الزمالك")}


BENGHAZI = "قال اللواء محمد الزين قائد المنطقة العسكرية إن قواته دخلت درنة بعد معارك عنيفة."
LONE_SAME = "وأكد الزين أن المنطقة العسكرية تسيطر الآن على مداخل درنة كلها."
LONE_OTHER = "أحيا المطرب الزين حفلا غنائيا في بيروت حضره آلاف المعجبين."


def test_surname_alone_joins_the_full_name_only_with_context() -> None:
    reg = EntityRegistry()
    reg.add_doc(_doc("a1", BENGHAZI, ("محمد الزين", "PERS"), ("المنطقة العسكرية", "ORG"), ("درنة", "LOC")))
    same = reg.add_doc(_doc("a2", LONE_SAME, ("الزين", "PERS"), ("المنطقة العسكرية", "ORG"), ("درنة", "LOC")))
    other = reg.add_doc(_doc("a3", LONE_OTHER, ("الزين", "PERS"), ("بيروت", "LOC")))
    zain = entity_id("PERS", "محمد الزين")
    assert [m.entity_id for m in same if m.type == "PERS"] == [zain]
    assert reg.records[zain].article_ids == ["a1", "a2"] and reg.records[zain].aliases["الزين"] == 1
    singer = next(m.entity_id for m in other if m.type == "PERS")
    assert singer != zain and reg.records[singer].links[0]["kept_apart_from"] == [zain]


def test_same_office_is_enough_for_a_surname() -> None:
    first = "أعلن اللواء محمد الزين انتهاء العملية."
    second = "وصل اللواء الزين إلى المدينة صباح اليوم."
    reg = EntityRegistry()
    reg.add_doc(_doc("o1", first, ("اللواء محمد الزين", "PERS")))
    resolved = reg.add_doc(_doc("o2", second, ("اللواء الزين", "PERS")))
    assert resolved[0].entity_id == entity_id("PERS", "محمد الزين")
    assert reg.records[resolved[0].entity_id].links[1]["titles"] == ["لواء"]


def test_distinctive_full_name_links_without_context_unless_offices_conflict() -> None:
    general = "قاد اللواء محمد الزين الهجوم على المدينة."
    traveller = "وصل محمد الزين إلى المطار مساء أمس."
    singer = "غنى محمد الزين أغنيته الجديدة أمام الجمهور."
    reg = EntityRegistry()
    reg.add_doc(_doc("g", general, ("محمد الزين", "PERS"), title={"محمد الزين": "اللواء"}))
    reg.add_doc(_doc("t", traveller, ("محمد الزين", "PERS")))
    resolved = reg.add_doc(_doc("s", singer, ("محمد الزين", "PERS"), title={"محمد الزين": "المطرب"}))
    zain = entity_id("PERS", "محمد الزين")
    assert reg.records[zain].article_ids == ["g", "t"]
    assert resolved[0].entity_id != zain
    assert reg.records[resolved[0].entity_id].links[0]["rule"] == "office-conflict"


def test_common_given_name_alone_and_first_name_alone_do_not_link_across_articles() -> None:
    a = "قال محمد إن الأهلي سيفوز على الزمالك."
    b = "وأضاف محمد أن الأهلي جاهز لمواجهة الزمالك."
    trump = "قال دونالد ترامب إن واشنطن ستفرض رسوما على الصين."
    first = "وقال دونالد إن واشنطن لن تتراجع أمام الصين."
    reg = EntityRegistry()
    ids = [reg.add_doc(_doc(i, t, ("محمد", "PERS"), ("الأهلي", "ORG"), ("الزمالك", "ORG")))[0].entity_id
           for i, t in (("m1", a), ("m2", b))]
    assert ids[0] != ids[1]
    reg.add_doc(_doc("d1", trump, ("دونالد ترامب", "PERS"), ("واشنطن", "LOC"), ("الصين", "LOC")))
    lone = reg.add_doc(_doc("d2", first, ("دونالد", "PERS"), ("واشنطن", "LOC"), ("الصين", "LOC")))
    assert [m.entity_id for m in lone if m.type == "PERS"] == [entity_id("PERS", "دونالد")]


def test_kunya_needs_context() -> None:
    a = "قتل القيادي أبو زيد في غارة على صعدة."
    b = "قال المتحدث أبو زيد إن القاهرة ترحب بالاتفاق."
    reg = EntityRegistry()
    first = reg.add_doc(_doc("k1", a, ("أبو زيد", "PERS"), ("صعدة", "LOC")))[0].entity_id
    second = reg.add_doc(_doc("k2", b, ("أبو زيد", "PERS"), ("القاهرة", "LOC")))[0].entity_id
    assert first != second


def test_plain_rule_is_kept_for_comparison() -> None:
    reg = EntityRegistry(context_check=False)
    reg.add_doc(_doc("s1", SPORT, ("محمد علي", "PERS"), ("الأهلي", "ORG")))
    reg.add_doc(_doc("c1", CLINIC, ("محمد علي", "PERS"), ("جامعة إيموري", "ORG")))
    assert reg.records[entity_id("PERS", "محمد علي")].article_ids == ["s1", "c1"]


def test_preloaded_records_steer_linking_but_are_not_counted_again() -> None:
    first = EntityRegistry()
    first.add_doc(_doc("a1", BENGHAZI, ("محمد الزين", "PERS"), ("المنطقة العسكرية", "ORG"), ("درنة", "LOC")))
    stored = {eid: EntityRecord.from_dict(r.to_dict()) for eid, r in first.records.items()}
    keys, single, variants = EntityRegistry.wanted_keys([resolve_mentions(_doc("a2", LONE_SAME, ("الزين", "PERS")))])
    assert keys == {"الزين"} and single == {"الزين"} and variants == {"الزن", "~الزن"}
    batch = EntityRegistry()
    batch.preload(stored.values(), n_docs=1)
    batch.add_doc(_doc("a2", LONE_SAME, ("الزين", "PERS"), ("المنطقة العسكرية", "ORG"), ("درنة", "LOC")))
    zain = entity_id("PERS", "محمد الزين")
    assert batch.records[zain].article_ids == ["a2"] and batch.records[zain].mentions == 1
    stored[zain].merge(batch.records[zain])
    assert stored[zain].articles == 2 and stored[zain].links[1]["rule"] == "context"


def test_new_record_fields_round_trip() -> None:
    reg = EntityRegistry()
    reg.add_doc(_doc("o1", "أعلن اللواء محمد الزين من درنة انتهاء العملية.", ("اللواء محمد الزين", "PERS"),
                     ("درنة", "LOC")))
    rec = reg.records[entity_id("PERS", "محمد الزين")]
    assert rec.titles == {"لواء": 1}
    again = EntityRecord.from_dict(json.loads(json.dumps(rec.to_dict())))
    assert again.titles == rec.titles and again.links == rec.links and again.countries == rec.countries


# ------------------------------------------------ metonymy and organisation names in text


def test_capital_before_a_present_tense_state_verb_is_the_government() -> None:
    text = "لندن تتهم موسكو بالتسميم، وفي لندن تتهم الشرطة رجلا بالسرقة."
    resolved = resolve_mentions(CorpusDoc("m", text, entities=ents(text, ("لندن", "LOC"), ("موسكو", "LOC"))))
    assert [(m.surface, m.key) for m in resolved] == [("لندن", "GB"), ("موسكو", "RU"), ("لندن", "لندن")]


def test_capital_after_a_sentence_break_is_not_taken_for_the_subject() -> None:
    text = "وهذا ما قالت. لندن مدينة كبيرة."
    resolved = resolve_mentions(CorpusDoc("m", text, entities=ents(text, ("لندن", "LOC"))))
    assert resolved[0].key == "لندن"


def test_organisation_names_missed_by_ner_are_counted_from_the_text() -> None:
    a = "أعلن #تنظيم_الدولة مسؤوليته عن الهجوم، بينما أبدى المشجعون حماس كبير للمباراة."
    b = "قال مسؤول عراقي إن بقايا داعش تختبئ في الصحراء."
    reg = EntityRegistry()
    returned = reg.add_doc(_doc("i1", a))
    reg.add_doc(_doc("i2", b, ("مسؤول عراقي", "MISC")))
    isis = reg.records[entity_id("ORG", "ISIS")]
    assert isis.article_ids == ["i1", "i2"] and isis.mentions == 2
    assert returned == []  # the stories clusterer still gets NER mentions only
    assert entity_id("ORG", "HAMAS") not in reg.records  # «حماس كبير» is zeal, not the movement
    assert EntityRegistry(scan_aliases=False).add_doc(_doc("i3", b)) == []


def test_organisation_scan_peels_proclitics_and_respects_ner_spans() -> None:
    from marsad.corpus.aliases import find_organisations
    text = "وللأمم المتحدة موقف، وبداعش صلة، والحوثيين رد."
    assert [k for _, _, k in find_organisations(text)] == ["UN", "ISIS", "HOUTHIS"]
    doc = _doc("n", "قال تنظيم داعش إنه خسر.", ("تنظيم داعش", "ORG"))
    reg = EntityRegistry()
    reg.add_doc(doc)
    assert reg.records[entity_id("ORG", "ISIS")].mentions == 1  # NER span, not counted twice


def test_linking_across_separate_ingests_uses_the_stored_context(store: Store) -> None:
    """Each ingest updates the corpus in its own batch: a family name in a later batch
    joins the stored full name only when the context agrees, as within one batch."""
    first = _article(BENGHAZI, "2018-03-01", ("محمد الزين", "PERS"), ("المنطقة العسكرية", "ORG"), ("درنة", "LOC"))
    store.add_articles([first])
    update_corpus(store, [first.id])
    same = _article(LONE_SAME, "2018-03-02", ("الزين", "PERS"), ("المنطقة العسكرية", "ORG"), ("درنة", "LOC"))
    other = _article(LONE_OTHER, "2018-03-03", ("الزين", "PERS"), ("بيروت", "LOC"))
    store.add_articles([same])
    update_corpus(store, [same.id])
    store.add_articles([other])
    update_corpus(store, [other.id])
    zain = next(r for r in find_entities(store, "محمد الزين") if r.id == entity_id("PERS", "محمد الزين"))
    assert sorted(zain.article_ids) == sorted([first.id, same.id])
    singer = [r for r in find_entities(store, "الزين") if other.id in r.article_ids]
    assert singer and singer[0].id != zain.id


# ------------------------------------------------- the API shows the registry's choices


def _api_ids(store: Store, *articles: Article) -> tuple[list[list[str | None]], dict[str, dict[str, object]]]:
    """Each article's ``entity_ids`` from the JSON API over ``store``, and the entity
    pages of those ids (what the web workbench links to)."""
    from fastapi.testclient import TestClient

    from marsad.api import create_app

    with TestClient(create_app(store.url)) as client:
        ids = [client.get(f"/api/articles/{a.id}").json()["entity_ids"] for a in articles]
        pages = {}
        for eid in {e for row in ids for e in row if e}:
            r = client.get(f"/api/entities/{eid}")
            assert r.status_code == 200, (eid, r.text)
            pages[eid] = r.json()
    return ids, pages


def _registry_id(store: Store, name: str, article: Article) -> str:
    return next(r.id for r in find_entities(store, name) if article.id in r.article_ids)


def test_api_keeps_namesakes_apart_as_the_registry_does(store: Store) -> None:
    """Two lone «الزين» in unrelated articles, each in its own update: the registry keeps
    them apart, and the API gives each article its own entity, not one shared key id."""
    officer = _article(LONE_SAME, "2018-03-02", ("الزين", "PERS"), ("المنطقة العسكرية", "ORG"), ("درنة", "LOC"))
    singer = _article(LONE_OTHER, "2018-03-03", ("الزين", "PERS"), ("بيروت", "LOC"))
    for a in (officer, singer):
        store.add_articles([a])
        update_corpus(store, [a.id])
    officer_id, singer_id = _registry_id(store, "الزين", officer), _registry_id(store, "الزين", singer)
    assert officer_id != singer_id
    ids, pages = _api_ids(store, officer, singer)
    assert ids[0][0] == officer_id and ids[1][0] == singer_id
    assert pages[officer_id]["articles"] == 1 and pages[singer_id]["articles"] == 1


def test_api_shows_a_family_name_linked_across_updates_as_the_full_name(store: Store) -> None:
    first = _article(BENGHAZI, "2018-03-01", ("محمد الزين", "PERS"), ("المنطقة العسكرية", "ORG"), ("درنة", "LOC"))
    same = _article(LONE_SAME, "2018-03-02", ("الزين", "PERS"), ("المنطقة العسكرية", "ORG"), ("درنة", "LOC"))
    for a in (first, same):
        store.add_articles([a])
        update_corpus(store, [a.id])
    zain = entity_id("PERS", "محمد الزين")
    assert _registry_id(store, "الزين", same) == zain
    ids, pages = _api_ids(store, first, same)
    assert ids[0][0] == zain and ids[1][0] == zain
    assert pages[zain]["articles"] == 2 and pages[zain]["canonical"] == "محمد الزين"
    from fastapi.testclient import TestClient

    from marsad.api import create_app
    with TestClient(create_app(store.url)) as client:  # the workbench links the same entity
        html = client.get(f"/articles/{same.id}").text
        assert f'href="/entities/{zain}"' in html and entity_id("PERS", "الزين") not in html
        assert client.get(f"/entities/{zain}").status_code == 200


def test_api_falls_back_to_per_article_ids_before_the_corpus_update(store: Store) -> None:
    lone = _article(LONE_OTHER, "2018-03-03", ("الزين", "PERS"), ("بيروت", "LOC"))
    store.add_articles([lone])
    from marsad.api.backend import Backend
    backend = Backend(store.url)
    try:
        assert backend.entity_ids(lone)[0] == entity_id("PERS", "الزين")
    finally:
        backend.close()


def test_api_read_model_takes_the_registry_ids_once_the_server_updates_the_corpus(store: Store) -> None:
    """Articles stored without a corpus update: the server brings them in when it first
    needs the corpus groups, and the entity pages built before then are rebuilt."""
    from fastapi.testclient import TestClient

    from marsad.api import create_app

    officer = _article(LONE_SAME, "2018-03-02", ("الزين", "PERS"), ("المنطقة العسكرية", "ORG"), ("درنة", "LOC"))
    singer = _article(LONE_OTHER, "2018-03-03", ("الزين", "PERS"), ("بيروت", "LOC"))
    store.add_articles([officer, singer])
    with TestClient(create_app(store.url)) as client:
        before = client.get("/api/entities", params={"q": "الزين"}).json()["items"]
        assert len([e for e in before if e["type"] == "PERS"]) == 1  # per-article ids: one key
        assert client.get("/api/stories").status_code == 200  # runs the pending corpus update
        after = client.get("/api/entities", params={"q": "الزين"}).json()["items"]
    assert sorted(e["id"] for e in after if e["type"] == "PERS") == sorted(
        [_registry_id(store, "الزين", officer), _registry_id(store, "الزين", singer)])


# ------------------------------------------------- spelling variants of one name

TRUMP_BBC = "قال الرئيس الأمريكي دونالد ترامب إن البيت الأبيض سيفرض رسوما على واردات الصلب من الصين."
TRUMP_ARABIYA = "أعلن الرئيس الأمريكي دونالد ترمب أن البيت الأبيض يدرس رسوما جديدة على الصين."
TRUMP_SHORT = "وقال ترمب إن البيت الأبيض لن يتراجع عن الرسوم على الصين."
TRUMP_ELSEWHERE = "افتتح دونالد ترمب متجرا للزهور في حي صغير بمدينة ليون."


def test_spelling_variants_and_given_names() -> None:
    from marsad.corpus.registry import skeleton, spelling_variants, variant_key

    assert skeleton("ترامب") == skeleton("ترمب") and skeleton("بوتين") == skeleton("بوتن")
    assert variant_key("بنيامين نتنياهو") == variant_key("بنيامين نتانياهو")
    assert spelling_variants("دونالد ترامب", "دونالد ترمب")
    assert not spelling_variants("محمد عباس", "محمود عباس")  # two given names, two people
    assert not spelling_variants("حسن نصرالله", "حسين نصرالله")
    assert not spelling_variants("دونالد ترامب", "دونالد ترامب")  # the same key is no variant
    assert not spelling_variants("ترامب", "دونالد ترامب")


def _trump_doc(doc_id: str, text: str, *names: tuple[str, str]) -> CorpusDoc:
    return CorpusDoc(doc_id, text, published="2018-03-01T10:00:00", entities=ents(text, *names))


def test_a_spelling_variant_joins_only_when_the_context_agrees() -> None:
    reg = EntityRegistry()
    first = reg.add_doc(_trump_doc("a1", TRUMP_BBC, ("دونالد ترامب", "PERS"), ("البيت الأبيض", "ORG"),
                                   ("الصين", "LOC")))
    variant = reg.add_doc(_trump_doc("a2", TRUMP_ARABIYA, ("دونالد ترمب", "PERS"), ("البيت الأبيض", "ORG"),
                                     ("الصين", "LOC")))
    short = reg.add_doc(_trump_doc("a3", TRUMP_SHORT, ("ترمب", "PERS"), ("البيت الأبيض", "ORG"), ("الصين", "LOC")))
    florist = reg.add_doc(_trump_doc("a4", TRUMP_ELSEWHERE, ("دونالد ترمب", "PERS"), ("ليون", "LOC")))
    trump = first[0].entity_id
    assert variant[0].entity_id == trump and short[0].entity_id == trump
    assert florist[0].entity_id != trump  # a namesake in another context stays apart
    record = reg.records[trump]
    assert {"دونالد ترامب", "دونالد ترمب", "ترمب"} <= set(record.aliases)


def test_spelling_variants_link_across_separate_ingests(store: Store) -> None:
    first = _article(TRUMP_BBC, "2018-03-01", ("دونالد ترامب", "PERS"), ("البيت الأبيض", "ORG"), ("الصين", "LOC"))
    later = _article(TRUMP_ARABIYA, "2018-03-02", ("دونالد ترمب", "PERS"), ("البيت الأبيض", "ORG"),
                     ("الصين", "LOC"))
    for a in (first, later):
        store.add_articles([a])
        update_corpus(store, [a.id])
    found = [r for r in find_entities(store, "دونالد ترامب") if first.id in r.article_ids]
    assert found and sorted(found[0].article_ids) == sorted([first.id, later.id])


def test_rebuild_recomputes_what_an_older_marsad_left(store: Store) -> None:
    """A store processed before variant keys and span ids existed: a later spelling does
    not find the stored entity until ``rebuild_corpus`` recomputes every result."""
    from marsad.corpus.persistence import rebuild_corpus

    first = _article(TRUMP_BBC, "2018-03-01", ("دونالد ترامب", "PERS"), ("البيت الأبيض", "ORG"), ("الصين", "LOC"))
    store.add_articles([first])
    update_corpus(store, [first.id])
    store._exec("DELETE FROM corpus_name_variants")  # what an older Marsad stored: no variant keys,
    store._exec("DELETE FROM corpus_mentions")  # no span -> entity ids
    later = _article(TRUMP_ARABIYA, "2018-03-02", ("دونالد ترمب", "PERS"), ("البيت الأبيض", "ORG"),
                     ("الصين", "LOC"))
    store.add_articles([later])
    update_corpus(store, [later.id])
    apart = [r for r in find_entities(store, "دونالد ترامب") if first.id in r.article_ids]
    assert apart and later.id not in apart[0].article_ids
    report = rebuild_corpus(store)
    assert report.processed == 2
    joined = [r for r in find_entities(store, "دونالد ترامب") if first.id in r.article_ids]
    assert joined and sorted(joined[0].article_ids) == sorted([first.id, later.id])
    assert store._exec("SELECT COUNT(*) FROM corpus_mentions").fetchone()[0] > 0
    assert len([r for r in find_entities(store, "دونالد ترمب") if later.id in r.article_ids]) == 1


def test_rebuild_corpus_command(tmp_path: Path) -> None:
    db = str(tmp_path / "m.db")
    from marsad.cli import _register, app

    _register()
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", "examples", "--db", db, "--report", str(tmp_path / "r.jsonl")]).exit_code == 0
    result = runner.invoke(app, ["rebuild-corpus", "--db", db, "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output.strip().splitlines()[-1])
    assert summary["articles"] == 1 and summary["entities"] > 0
    bad = runner.invoke(app, ["rebuild-corpus", "--db", str(tmp_path / "missing" / "x.db")])
    assert bad.exit_code != 0 and "Traceback" not in bad.output
