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
from marsad.corpus.registry import EntityRegistry, compatible, entity_id, resolve_mentions
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
