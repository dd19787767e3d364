"""The store contract, run against SQLite and the real PostgreSQL server alike."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_store_support import analysed_article, article, make_store

from marsad.store.base import Store, StoreError, open_store, raw_hash
from marsad.store.query import QueryError


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    yield from make_store(request.param, tmp_path)


CORPUS = [
    ("طرابلس", "أعلنت الحكومة الليبية في طرابلس عن خطة جديدة للكهرباء.", "bbc", "2018-02-01T09:00:00"),
    ("مصر", "المصريون يحتفلون بالعيد في القاهرة وسط إجراءات أمنية.", "cnn", "2018-03-01T09:00:00"),
    ("ليبيا وتونس", "وقعت ليبيا وتونس اتفاقا تجاريا في العاصمة.", "cnn", "2018-03-02T23:59:00"),
    ("اقتصاد", "ارتفعت أسعار النفط في الأسواق العالمية اليوم.", "sky", "2018-04-10T08:00:00"),
]


def fill(store: Store) -> dict[str, str]:
    ids = {}
    arts = [article(text, title, source=src, published=pub) for title, text, src, pub in CORPUS]
    store.add_articles(arts)
    for (title, *_), a in zip(CORPUS, arts):
        ids[title] = a.id
    return ids


def test_adding_twice_stores_once(store: Store) -> None:
    a = analysed_article()
    first = store.add_articles([a, a])
    assert first.stored == [a.id] and first.already_present == [a.id]
    second = store.add_articles([a])
    assert second.stored == [] and second.already_present == [a.id]
    assert store.count() == 1
    assert store.count("entities") == 1 and store.count("quotes") == 1
    assert store.count("events") == 1 and store.count("times") == 1


def test_round_trip_keeps_layers_and_metadata(store: Store) -> None:
    a = analysed_article()
    a.raw = "<p>" + a.text + "</p>"
    store.add_articles([a])
    back = store.get_article(a.id)
    assert back is not None
    assert back.to_dict() == a.to_dict()
    assert store.has(a.id) and not store.has("0" * 16)
    assert store.get_article("nope") is None
    assert [x.id for x in store.iter_articles(batch_size=1)] == [a.id]


def test_raw_hashes_are_remembered(store: Store) -> None:
    a = article("نص قصير عن الانتخابات", "عنوان")
    h = raw_hash(a.raw, a.title)
    store.add_articles([a], [h])
    assert store.known_raw([h, "unknown"]) == {h}


def test_failed_batch_leaves_nothing_behind(store: Store) -> None:
    good = article("مقال سليم عن الاقتصاد")
    bad = article("مقال معطوب")
    bad.meta["unserialisable"] = object()  # json.dumps fails inside the transaction
    with pytest.raises(TypeError):
        store.add_articles([good, bad], ["h1", "h2"])
    assert store.count() == 0
    assert store.known_raw(["h1"]) == set()
    store.add_articles([good], ["h1"])
    assert store.count() == 1


def test_arabic_forms_match(store: Store) -> None:
    ids = fill(store)
    # «الليبية» in the text, «ليبيا» in the query and vice versa
    assert {h.id for h in store.search("ليبيا")} == {ids["طرابلس"], ids["ليبيا وتونس"]}
    assert {h.id for h in store.search("الليبي")} == {ids["طرابلس"], ids["ليبيا وتونس"]}
    # diacritics in the query do not matter
    assert [h.id for h in store.search("المِصْرِيّ")] == [ids["مصر"]]


def test_diacritics_in_documents_do_not_split_words(store: Store) -> None:
    a = article("قَالَ الرَّئِيسُ إِنَّ الاِقْتِصَادَ يَتَحَسَّنُ")
    store.add_articles([a])
    hits = store.search("الرئيس الاقتصاد")
    assert [h.id for h in hits] == [a.id]
    # the snippet shows the original (diacritised) words, highlighted
    marked = [hits[0].snippet[s:e] for s, e in hits[0].highlights]
    assert marked == ["الرَّئِيسُ", "الاِقْتِصَادَ"]


def test_boolean_operators_and_phrases(store: Store) -> None:
    ids = fill(store)
    assert {h.id for h in store.search("ليبيا تونس")} == {ids["ليبيا وتونس"]}
    assert {h.id for h in store.search("القاهرة OR النفط")} == {ids["مصر"], ids["اقتصاد"]}
    assert {h.id for h in store.search("ليبيا -تونس")} == {ids["طرابلس"]}
    assert {h.id for h in store.search("ليبيا NOT تونس")} == {ids["طرابلس"]}
    assert {h.id for h in store.search('"أسعار النفط"')} == {ids["اقتصاد"]}
    assert store.search('"النفط أسعار"') == []
    assert {h.id for h in store.search("(القاهرة OR النفط) -الأسواق")} == {ids["مصر"]}


def test_query_without_positive_words_is_an_error(store: Store) -> None:
    fill(store)
    with pytest.raises(QueryError):
        store.search("-ليبيا")
    with pytest.raises(QueryError):
        store.search('" "')


def test_filters(store: Store) -> None:
    ids = fill(store)
    q = "ليبيا OR القاهرة OR النفط"
    assert {h.id for h in store.search(q, source="cnn")} == {ids["مصر"], ids["ليبيا وتونس"]}
    assert {h.id for h in store.search(q, date_from="2018-03-01", date_to="2018-03-02")} == {
        ids["مصر"], ids["ليبيا وتونس"]}
    assert {h.id for h in store.search(q, date_to="2018-02-28")} == {ids["طرابلس"]}
    a = analysed_article()
    store.add_articles([a])
    assert [h.id for h in store.search("الحوار", entity="طرابلس")] == [a.id]
    assert store.search("الحوار", entity="القاهرة") == []
    assert [h.id for h in store.search("الحوار", event_type="attack")] == [a.id]
    assert store.search("الحوار", event_type="protest") == []


def test_ranking_prefers_the_title_match(store: Store) -> None:
    on_title = article("نص عام عن الطقس والمطر في المدن.", "الطاقة الشمسية")
    in_body = article("تحدث التقرير عن الطاقة الشمسية مرة واحدة بين مواضيع كثيرة أخرى.", "تقرير")
    store.add_articles([in_body, on_title])
    hits = store.search("الطاقة الشمسية")
    assert [h.id for h in hits] == [on_title.id, in_body.id]
    assert hits[0].score >= hits[1].score


def test_limit_and_offset(store: Store) -> None:
    arts = [article(f"خبر رقم {i} عن الانتخابات البلدية") for i in range(7)]
    store.add_articles(arts)
    first = store.search("الانتخابات", limit=3)
    rest = store.search("الانتخابات", limit=10, offset=3)
    assert len(first) == 3 and len(rest) == 4
    assert not {h.id for h in first} & {h.id for h in rest}


def test_export_rows(store: Store) -> None:
    a = analysed_article()
    store.add_articles([a])
    ents = list(store.iter_rows("entities"))
    assert ents == [{"article_id": a.id, "start_char": a.entities[0].start, "end_char": a.entities[0].end,
                     "text": "طرابلس", "type": "LOC", "canonical": "طرابلس"}]
    quotes = list(store.iter_rows("quotes"))
    assert quotes[0]["speaker"] == "وزير الخارجية" and quotes[0]["text"] == "الحوار مستمر"
    assert [r["type"] for r in store.iter_rows("events")] == ["attack"]
    assert [r["value"] for r in store.iter_rows("times")] == ["2018-03-04"]
    docs = list(store.export_jsonl())
    assert docs[0]["id"] == a.id and docs[0]["text"] == a.text and docs[0]["entities"][0]["type"] == "LOC"
    with pytest.raises(StoreError):
        list(store.iter_rows("nope"))


def test_schema_is_versioned(store: Store) -> None:
    from marsad.store.sqlbase import SQLStore
    assert isinstance(store, SQLStore)
    assert store.schema_version() == len(store.migrations)


def test_sqlite_reopen_and_newer_schema(tmp_path: Path) -> None:
    path = tmp_path / "v.db"
    with open_store(path) as s:
        s.add_articles([article("نص للتجربة")])
        version = s.schema_version()
    with open_store(f"sqlite:///{path}") as s:  # reopening does not migrate again
        assert s.schema_version() == version and s.count() == 1
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO schema_version VALUES (?, 'future')", (version + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(path)


def test_sqlite_uses_wal(tmp_path: Path) -> None:
    with open_store(tmp_path / "w.db") as s:
        mode = s.conn.execute("PRAGMA journal_mode").fetchone()[0]  # type: ignore[attr-defined]
    assert mode == "wal"


def test_bad_urls(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        open_store("mysql://x/y")
    with pytest.raises(StoreError):
        open_store(tmp_path / "missing-folder" / "x.db")
    not_db = tmp_path / "text.db"
    not_db.write_text("this is not a database" * 100)
    with pytest.raises(StoreError):
        open_store(not_db)
