"""Stories: same development in other words and outlets grouped, distinct events and
events outside the time window kept apart, incremental runs equal to one batch, storage
in both backends and the ``marsad stories`` / ``marsad duplicates`` JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_store_support import make_store
from typer.testing import CliRunner

from marsad.corpus.persistence import load_stories, update_corpus
from marsad.corpus.records import CorpusDoc
from marsad.corpus.stories import Story, StoryClusterer, StoryConfig, cluster_stories
from marsad.model import Article, Entity
from marsad.store.base import Store

# (id, source, published, title, text) — written for these tests.
QUAKE = [
    ("q1", "agency", "2018-03-01T06:00:00", "زلزال بقوة 6 درجات يضرب مدينة بم",
     ("ضرب زلزال بقوة ست درجات على مقياس ريختر مدينة بم فجر اليوم وأدى إلى انهيار مبان سكنية ومقتل عشرات "
     "السكان. وقالت فرق الإنقاذ إن البحث عن ناجين تحت الأنقاض مستمر وإن المستشفيات امتلأت بالجرحى.")),
    ("q2", "daily", "2018-03-01T14:00:00", "ارتفاع حصيلة قتلى زلزال بم",
     ("ارتفعت حصيلة قتلى الزلزال الذي بلغت قوته ست درجات على مقياس ريختر في مدينة بم إلى أكثر من مئة، "
     "وتواصل فرق الإنقاذ انتشال الجرحى من تحت أنقاض المباني المنهارة وسط نقص في معدات الإنقاذ.")),
    ("q3", "tv", "2018-03-02T09:00:00", "بم تدفن قتلى الزلزال",
     ("شيع سكان مدينة بم قتلى الزلزال المدمر الذي هدم مباني المدينة، فيما أعلنت الحكومة الحداد ثلاثة أيام "
     "وأرسلت فرق إنقاذ ومساعدات طبية إلى بم بعد أن امتلأت مستشفياتها بالجرحى.")),
]
FINAL = [
    ("f1", "agency", "2018-03-01T20:00:00", "الأهلي يتوج بكأس البطولة",
     ("توج النادي الأهلي بكأس البطولة بعد فوزه في المباراة النهائية بهدفين مقابل هدف، وسجل المهاجم هدف "
     "الفوز في الدقيقة الأخيرة أمام جماهير ملأت الملعب.")),
    ("f2", "sport", "2018-03-02T08:00:00", "هدف قاتل يمنح الأهلي اللقب",
     ("منح هدف قاتل في الدقيقة الأخيرة النادي الأهلي لقب البطولة إثر فوزه في المباراة النهائية بهدفين "
     "لهدف، واحتفلت الجماهير في الملعب بالكأس.")),
]
RATES = [("r1", "daily", "2018-03-02T10:00:00", "البنك المركزي يرفع سعر الفائدة",
          ("قرر البنك المركزي رفع سعر الفائدة الرئيسي نصف نقطة مئوية لمواجهة التضخم، وقال المحافظ إن "
          "القرار يهدف إلى حماية قيمة العملة المحلية وتشجيع الادخار."))]
# the same kind of event in the same city a month later is another story
LATER = [("q9", "daily", "2018-04-05T07:00:00", "زلزال جديد يضرب مدينة بم",
          ("ضرب زلزال جديد مدينة بم اليوم وأدى إلى انهيار مبان ومقتل عدد من السكان، وقالت فرق الإنقاذ إن "
          "البحث عن ناجين تحت الأنقاض مستمر وإن المستشفيات استقبلت الجرحى."))]


def docs(rows: list[tuple[str, str, str, str, str]]) -> list[CorpusDoc]:
    return [CorpusDoc(i, text, title=title, source=src, published=pub) for i, src, pub, title, text in rows]


def groups(stories: list[Story]) -> list[list[str]]:
    return sorted(sorted(s.members) for s in stories)


def test_same_event_in_other_words_groups_and_distinct_events_do_not() -> None:
    stories = cluster_stories(docs(QUAKE + FINAL + RATES + LATER))
    assert groups(stories) == [["f1", "f2"], ["q1", "q2", "q3"], ["q9"], ["r1"]]
    quake = next(s for s in stories if "q1" in s.members)
    out = quake.to_dict()
    assert out["sources"] == ["agency", "daily", "tv"]
    assert out["start"].startswith("2018-03-01T06:00") and out["end"].startswith("2018-03-02T09:00")
    assert out["articles"] == ["q1", "q2", "q3"]  # timeline order
    assert [d["date"] for d in out["timeline"]] == ["2018-03-01", "2018-03-02"]
    assert out["title"] in {t for _, _, _, t, _ in QUAKE}
    # same story, but not copies: the near-duplicate detector must leave them apart
    from marsad.corpus.duplicates import find_duplicates
    assert find_duplicates(docs(QUAKE)) == []


def test_time_window_is_what_separates_the_later_quake() -> None:
    wide = StoryConfig(window_days=60.0, max_span_days=90.0)
    stories = cluster_stories(docs(QUAKE + LATER), wide)
    assert groups(stories) == [["q1", "q2", "q3", "q9"]]


def test_shared_entities_pull_a_differently_worded_report_in() -> None:
    a_text = "أعلن وزير الخارجية سامي الحداد استقالته من الحكومة بعد خلاف حول الموازنة."
    b_text = "سامي الحداد يغادر منصبه ويقول إن الخلافات مع رئيس الوزراء لم تعد تحتمل."
    a = CorpusDoc("a", a_text, title="استقالة وزير", source="x", published="2018-03-01",
                  entities=[Entity(a_text.index("سامي"), a_text.index("سامي") + 10, text="سامي الحداد",
                                   type="PERS", canonical="سامي الحداد")])
    b = CorpusDoc("b", b_text, title="الحداد يغادر", source="y", published="2018-03-01",
                  entities=[Entity(0, 10, text="سامي الحداد", type="PERS", canonical="سامي الحداد")])
    without = [CorpusDoc(d.id, d.text, d.title, d.source, d.published) for d in (a, b)]
    assert groups(cluster_stories(without)) == [["a"], ["b"]]
    assert groups(cluster_stories([a, b])) == [["a", "b"]]


def test_incremental_state_round_trip_matches_one_batch() -> None:
    all_docs = docs(QUAKE + FINAL + RATES)
    config = StoryConfig()
    batch = StoryClusterer(config)
    batch.cluster(all_docs)
    first = StoryClusterer(config)
    first.cluster(all_docs[:2])
    # restart from serialised state, then feed the rest
    second = StoryClusterer(config)
    second.df.update(first.df)
    second.n_docs = first.n_docs
    for s in first.stories.values():
        second.reactivate(Story.from_state(json.loads(json.dumps(s.to_state())), config))
    second.cluster(all_docs[2:])
    assert groups(list(second.stories.values())) == groups(list(batch.stories.values()))


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    yield from make_store(request.param, tmp_path)


def _articles(rows: list[tuple[str, str, str, str, str]]) -> dict[str, Article]:
    return {i: Article.from_raw(text, title=title, source=src, published=pub) for i, src, pub, title, text in rows}


def test_stories_stored_and_continued_in_both_backends(store: Store) -> None:
    arts = _articles(QUAKE + FINAL)
    first = [arts["q1"], arts["f1"]]
    store.add_articles(first)
    update_corpus(store, [a.id for a in first])
    rest = [arts["q2"], arts["q3"], arts["f2"]]
    store.add_articles(rest)
    update_corpus(store, [a.id for a in rest])
    found = load_stories(store, min_size=2)
    by_size = sorted((sorted(s["articles"]) for s in found), key=len)
    assert by_size == [sorted([arts["f1"].id, arts["f2"].id]),
                       sorted([arts["q1"].id, arts["q2"].id, arts["q3"].id])]
    assert load_stories(store, min_sources=3)[0]["sources"] == ["agency", "daily", "tv"]


def test_cli_json_lines_for_stories_and_duplicates(tmp_path: Path) -> None:
    from marsad.cli import _register, app
    from marsad.store.base import open_store
    _register()
    db = tmp_path / "m.db"
    arts = _articles(QUAKE + RATES)
    copy = Article.from_raw(arts["q1"].text + "\nجميع الحقوق محفوظة", title="نسخة", source="portal",
                            published="2018-03-01T09:00:00")
    with open_store(db) as st:
        st.add_articles([*arts.values(), copy])
    runner = CliRunner()
    res = runner.invoke(app, ["stories", "--db", str(db), "--json"])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in res.stdout.splitlines() if x.strip()]
    assert len(lines) == 1
    assert {"id", "title", "start", "end", "sources", "articles"} <= set(lines[0])
    assert set(lines[0]["articles"]) == {arts["q1"].id, arts["q2"].id, arts["q3"].id, copy.id}
    dup = runner.invoke(app, ["duplicates", "--db", str(db), "--json"])
    assert dup.exit_code == 0, dup.output
    assert [json.loads(x) for x in dup.stdout.splitlines()] == [
        {"original": arts["q1"].id, "members": [arts["q1"].id, copy.id]}]
    human = runner.invoke(app, ["stories", "--db", str(db)])
    assert human.exit_code == 0 and "1 stories" in human.stdout
    bad = runner.invoke(app, ["stories", "--db", "mysql://nowhere"])
    assert bad.exit_code == 1 and "unknown database URL" in bad.output


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    yield from make_store("sqlite", tmp_path)


def test_frequencies_persist_between_runs_and_equal_one_batch(sqlite_store: Store) -> None:
    """Each update adds its batch's document frequencies to the stored ones, so after
    three ingests the store holds the frequencies of the whole corpus (not the last batch)."""
    from collections import Counter

    from marsad.corpus.persistence import stored_frequencies
    rows = QUAKE + FINAL + RATES
    arts = _articles(rows)
    store = sqlite_store
    for part in (["q1", "f1"], ["q2", "r1"], ["q3", "f2"]):
        store.add_articles([arts[i] for i in part])
        update_corpus(store, [arts[i].id for i in part])
    n, df = stored_frequencies(store)
    one = StoryClusterer()
    one.count_terms(CorpusDoc.from_article(a, doc_id=i) for i, a in arts.items())
    assert n == len(rows) == one.n_docs
    assert df == dict(one.df)
    assert max(df.values()) >= 3  # the quake's words were counted across all three runs
    # a repeated update counts nothing twice
    update_corpus(store, [a.id for a in arts.values()])
    assert stored_frequencies(store) == (n, df)
    # entity frequencies are stored too (the test articles carry one person)
    tagged = Article.from_raw("أعلن سامي الحداد استقالته.", title="استقالة", source="x", published="2018-03-05")
    tagged.set_layer("entities", [Entity(5, 15, text="سامي الحداد", type="PERS", canonical="سامي الحداد")])
    store.add_articles([tagged])
    update_corpus(store, [tagged.id])
    n2, edf = stored_frequencies(store, "story_entity")
    assert n2 == n + 1 and list(edf.values()) == [1]
    assert Counter(stored_frequencies(store)[1]) != Counter(df)


def test_frequencies_kept_as_json_by_an_older_marsad_move_to_rows(sqlite_store: Store) -> None:
    from marsad.corpus.persistence import ensure_tables, stored_frequencies
    store = sqlite_store
    ensure_tables(store)
    with store._transaction():  # type: ignore[attr-defined]
        store._exec("INSERT INTO corpus_state (name, value) VALUES (?, ?)",  # type: ignore[attr-defined]
                    ("story_df", json.dumps({"n_docs": 7, "df": {"زلزال": 4}})))
    assert stored_frequencies(store) == (7, {"زلزال": 4})
    arts = _articles(QUAKE[:1])
    store.add_articles(list(arts.values()))
    update_corpus(store, [a.id for a in arts.values()])
    n, df = stored_frequencies(store)
    assert n == 8 and df["زلزال"] == 5
    assert store._exec("SELECT COUNT(*) FROM corpus_state WHERE name = 'story_df'").fetchone()[0] == 0  # type: ignore[attr-defined]


def test_frequency_table_comes_from_a_migration(tmp_path: Path) -> None:
    """A database made before migration 3 gains ``corpus_df`` when reopened."""
    import sqlite3

    from marsad.store.base import open_store
    path = tmp_path / "old.db"
    with open_store(path) as s:
        version = s.schema_version()
    conn = sqlite3.connect(path)
    conn.execute("DROP TABLE corpus_df")
    conn.execute("DELETE FROM schema_version WHERE version = 3")
    conn.commit()
    conn.close()
    with open_store(path) as s:
        assert s.schema_version() == version >= 3
        assert s._exec("SELECT COUNT(*) FROM corpus_df").fetchone()[0] == 0  # type: ignore[attr-defined]


def _salah(doc_id: str, title: str, text: str, source: str, published: str) -> CorpusDoc:
    name, ents, start = "محمد صلاح", [], 0
    while (k := text.find(name, start)) >= 0:
        ents.append(Entity(k, k + len(name), text=name, type="PERS", canonical=name))
        start = k + len(name)
    return CorpusDoc(doc_id, text, title=title, source=source, published=published, entities=ents)


# one footballer, two developments two days apart (the chain the NER check found on ANT)
AWARD = _salah("award", "جائزة أفضل لاعب لمحمد صلاح",
               "فاز اللاعب المصري محمد صلاح بجائزة أفضل لاعب في الدوري الإنجليزي التي تمنحها رابطة اللاعبين "
               "المحترفين، متفوقا على زملائه المرشحين في حفل أقيم مساء الأحد في لندن.", "x", "2018-04-22T20:00:00")
GOALS = _salah("goals", "محمد صلاح يقود ليفربول لفوز كبير على روما",
               "سجل محمد صلاح هدفين وصنع هدفين آخرين في مباراة ليفربول وروما في ذهاب نصف نهائي دوري أبطال "
               "أوروبا على ملعب أنفيلد، لينتهي اللقاء بخمسة أهداف مقابل هدفين.", "y", "2018-04-24T22:00:00")


def test_a_shared_person_alone_does_not_make_one_story() -> None:
    assert groups(cluster_stories([AWARD, GOALS])) == [["award"], ["goals"]]
    # what the floor prevents: entities counted at any word overlap merge the two
    unfloored = StoryConfig(entity_floor=0.0, entity_idf=False)
    assert groups(cluster_stories([AWARD, GOALS], unfloored)) == [["award", "goals"]]


def test_entity_idf_discounts_a_person_in_every_article() -> None:
    """Of two people in one article, the one the corpus mentions everywhere weighs less."""
    text = "التقى محمد صلاح بسامي الحداد في القاهرة."
    doc = CorpusDoc("d", text, title="لقاء", published="2018-03-01", entities=[
        Entity(6, 15, text="محمد صلاح", type="PERS", canonical="محمد صلاح"),
        Entity(17, 27, text="سامي الحداد", type="PERS", canonical="سامي الحداد")])
    from marsad.corpus.registry import resolve_mentions
    mentions = resolve_mentions(doc)
    ids = {m.display: m.entity_id for m in mentions}
    c = StoryClusterer()
    c.n_docs = 1000
    c.edf.update({ids["محمد صلاح"]: 400, ids["سامي الحداد"]: 2})
    weights = c.features(doc, ["لقاء"], mentions).entities
    assert weights[ids["سامي الحداد"]] > 3 * weights[ids["محمد صلاح"]]
    flat = StoryClusterer(StoryConfig(entity_idf=False))
    flat.n_docs, flat.edf = c.n_docs, c.edf
    same = flat.features(doc, ["لقاء"], mentions).entities
    assert abs(same[ids["سامي الحداد"]] - same[ids["محمد صلاح"]]) < 1e-9


def test_other_people_quoted_do_not_split_what_the_words_group() -> None:
    """Each report of the quake quotes someone else: entities may add evidence, not veto."""
    def quoting(d: CorpusDoc, name: str) -> CorpusDoc:
        text = d.text + f" وقال {name} إن الوضع صعب."
        k = text.index(name)
        return CorpusDoc(d.id, text, d.title, d.source, d.published,
                         entities=[Entity(k, k + len(name), text=name, type="PERS", canonical=name)])
    tagged = [quoting(d, n) for d, n in zip(docs(QUAKE), ["سامي الحداد", "ليلى حسن", "كريم يوسف"])]
    assert groups(cluster_stories(tagged)) == [["q1", "q2", "q3"]]
    # the weighted mean the rule replaced let the disjoint people pull the reports apart
    assert groups(cluster_stories(tagged, StoryConfig(entities_only_raise=False))) == [["q1"], ["q2"], ["q3"]]
