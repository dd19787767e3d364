"""The learned copy verifier: its exported trees, when the detector consults it, and its
training inputs."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from test_duplicates import FLOODS, LIBRARY, PORT
from test_store_support import make_store

from marsad.corpus.duplicates import (
    DuplicateConfig,
    DuplicateDetector,
    anchors_from_bytes,
    find_duplicates,
    make_anchors,
    pair_scores,
    shingles,
)
from marsad.corpus.pair_model import FEATURES, DocMeta, TreeEnsemble, load_verifier, meta_features, save_model
from marsad.corpus.persistence import load_duplicate_groups, update_corpus
from marsad.corpus.records import CorpusDoc
from marsad.corpus.textprep import words
from marsad.model import Article
from marsad.store.base import Store
from marsad.training.dup_verifier import export_trees, fit_trees, read_judged


def _constant_model(log_odds: float, path: Path) -> str:
    """A one-leaf ensemble: P(copy) = sigmoid(log_odds) for every pair."""
    tree = {"feature": [-2], "threshold": [-2.0], "left": [-1], "right": [-1], "value": [0.0]}
    save_model({"features": list(FEATURES), "init": log_odds, "learning_rate": 0.1, "threshold": 0.5,
                "trees": [tree]}, path)
    return str(path)


def _half_copy() -> tuple[str, str]:
    """The port release re-led: a new opening of the outlet's own, the release's last three
    sentences kept, two of its sentences dropped and the floods report's tail added — about
    half of the shorter text inside the longer, below every path of the hand rule."""
    port, floods = PORT.split("\n"), FLOODS.split("\n")
    a = PORT
    b = "\n".join(["نقلت وسائل إعلام محلية اليوم عن مسؤولين في الميناء تفاصيل جديدة عن استئناف الملاحة.",
                   *port[2:], *floods[3:]])
    return a, b


def test_exported_trees_give_the_probabilities_scikit_learn_gives() -> None:
    pytest.importorskip("sklearn")
    rng = np.random.default_rng(3)
    x = rng.random((300, len(FEATURES)))
    y = (x[:, 1] + 0.3 * x[:, 12] - 0.2 * x[:, 6] + rng.normal(0, 0.1, 300)) > 0.6
    clf = fit_trees(x, y, trees=30)
    model = TreeEnsemble.from_dict(export_trees(clf, 0.7, {}))
    ours = np.array([model.probability(list(row)) for row in x[:50]])
    assert np.allclose(ours, clf.predict_proba(x[:50])[:, 1], atol=1e-6)
    assert model.threshold == 0.7 and model.features == FEATURES


def test_shipped_verifier_loads_and_reads_the_current_features() -> None:
    model = load_verifier()
    assert model is not None, "the package ships marsad/models/dup_verifier/model.json"
    assert model.features == FEATURES and 0 < model.threshold < 1 and len(model.trees) > 10
    assert model.meta["data"]["pairs"] > 1000


def test_verifier_trained_on_other_features_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "old.json"
    save_model({"features": ["jaccard"], "init": 0.0, "learning_rate": 0.1, "threshold": 0.5, "trees": []}, path)
    with pytest.raises(ValueError, match="retrain"):
        load_verifier(str(path))


def test_the_verifier_has_the_last_word_only_on_dated_titled_pairs_with_enough_overlap(tmp_path: Path) -> None:
    a, b = _half_copy()
    day = "2024-05-01T08:00:00"
    rule_only = find_duplicates([CorpusDoc("a", a, title="الميناء يستأنف العمل", published=day),
                                 CorpusDoc("b", b, title="استئناف الملاحة في الميناء", published=day)],
                                DuplicateConfig(learned=False))
    assert rule_only == []  # the hand rule misses this re-led copy
    yes = DuplicateConfig(verifier_path=_constant_model(5.0, tmp_path / "yes.json"))
    titled = [CorpusDoc("a", a, title="الميناء يستأنف العمل", published=day),
              CorpusDoc("b", b, title="استئناف الملاحة في الميناء", published=day)]
    assert [g.members for g in find_duplicates(titled, yes)] == [["a", "b"]]
    untitled = [CorpusDoc("a", a, published=day), CorpusDoc("b", b, published=day)]
    assert find_duplicates(untitled, yes) == []  # no title: the rule alone decides
    other = [CorpusDoc("a", PORT, title="الميناء", published=day),
             CorpusDoc("b", FLOODS, title="السيول", published=day)]
    assert find_duplicates(other, yes) == []  # too little overlap to ask the model at all
    no = DuplicateConfig(verifier_path=_constant_model(-5.0, tmp_path / "no.json"))
    same = [CorpusDoc("a", PORT, title="الميناء", published=day), CorpusDoc("b", PORT, title="الميناء", published=day)]
    assert find_duplicates(same, no) == []  # the model overrules the rule both ways


def test_detector_reads_earlier_articles_metadata_through_meta_of(tmp_path: Path) -> None:
    a, b = _half_copy()
    yes = DuplicateConfig(verifier_path=_constant_model(5.0, tmp_path / "yes.json"))
    stored = {"a": a}
    meta = {"a": DocMeta("الميناء يستأنف العمل", "sabq", "2024-05-01")}
    signature = DuplicateDetector(yes).add("a", a, keep_text=False)[0]  # stored by an earlier run
    unknown = DuplicateDetector(yes, text_of=stored.get)
    unknown.load_signature("a", signature)
    assert unknown.add("b", b, meta=DocMeta("استئناف الملاحة", "okaz", "2024-05-02"))[1] == []
    told = DuplicateDetector(yes, text_of=stored.get, meta_of=meta.get)
    told.load_signature("a", signature)
    pairs = told.add("b", b, meta=DocMeta("استئناف الملاحة", "okaz", "2024-05-02"))[1]
    assert [(p.a, p.b) for p in pairs] == [("a", "b")]


def _long_page() -> str:
    """Three of the port release's five sentences reprinted at the end of a long page of
    other items (their words shuffled, so each is new text): most of the release is inside
    the page, but the page is five times longer and opens elsewhere."""
    rng = random.Random(4)
    filler = []
    for source in (FLOODS, LIBRARY, FLOODS, LIBRARY):
        ws = source.split()
        rng.shuffle(ws)
        filler.append(" ".join(ws))
    return "\n".join([FLOODS, LIBRARY, *filler, *PORT.split("\n")[1:4]])


def test_anchor_index_proposes_a_release_reprinted_inside_a_long_page(tmp_path: Path) -> None:
    page = _long_page()
    jaccard, containment, _ = pair_scores(shingles(PORT), shingles(page))
    assert jaccard < 0.1 and containment > 0.5  # far under the LSH filter, yet mostly inside
    yes = _constant_model(5.0, tmp_path / "yes.json")
    day = "2024-05-01"
    docs = [CorpusDoc("a", PORT, title="الميناء", published=day), CorpusDoc("b", page, title="نشرة", published=day)]
    assert find_duplicates(docs, DuplicateConfig(verifier_path=yes, anchor_every=0)) == []
    assert [g.members for g in find_duplicates(docs, DuplicateConfig(verifier_path=yes))] == [["a", "b"]]


def test_an_anchor_in_more_articles_than_the_cap_stops_proposing_pairs(tmp_path: Path) -> None:
    yes = _constant_model(5.0, tmp_path / "yes.json")
    page = _long_page()
    texts = [("a", PORT), ("b", page), ("c", page + "\n" + FLOODS)]

    def pairs(cap: int) -> list[tuple[str, str]]:
        detector = DuplicateDetector(DuplicateConfig(verifier_path=yes, anchor_max_df=cap))
        return [(p.a, p.b) for doc_id, text in texts
                for p in detector.add(doc_id, text, meta=DocMeta("نشرة", "sabq", "2024-05-01"))[1]]

    assert pairs(20) == [("a", "b"), ("a", "c"), ("b", "c")]
    # each anchor remembered for one article only: b is compared with a, then the release's
    # anchors are common, and c (which LSH pairs with b) is never compared with a
    assert pairs(1) == [("a", "b"), ("b", "c")]


def test_anchors_travel_in_the_stored_signature(tmp_path: Path) -> None:
    yes = DuplicateConfig(verifier_path=_constant_model(5.0, tmp_path / "yes.json"))
    signature = DuplicateDetector(yes).add("a", PORT, keep_text=False)[0]
    assert anchors_from_bytes(signature, yes) == sorted(make_anchors(words(PORT), yes)) != []
    day = "2024-05-01"
    later = DuplicateDetector(yes, text_of={"a": PORT}.get, meta_of={"a": DocMeta("الميناء", "sabq", day)}.get)
    later.load_signature("a", signature)
    pairs = later.add("b", _long_page(), meta=DocMeta("نشرة", "okaz", day))[1]
    assert [(p.a, p.b) for p in pairs] == [("a", "b")]


def test_meta_features_read_titles_days_and_outlet() -> None:
    a = DocMeta("الميناء يستأنف العمل", "sabq", "2024-05-01T10:00:00")
    assert meta_features(a, DocMeta("الميناء يستأنف العمل", "sabq", "2024-05-03")) == [1.0, 2.0, 1.0]
    assert meta_features(a, DocMeta("سيول", "", "2025-01-01"))[1:] == [7.0, 0.0]
    assert not DocMeta("", "x", "2024-05-01").usable and not DocMeta("عنوان", "x", "soon").usable


def test_read_judged_keeps_the_first_verdict_of_a_pair_and_skips_unjudged_rows(tmp_path: Path) -> None:
    path = tmp_path / "judged.jsonl"
    rows = [{"a": "x:1", "b": "x:2", "verdict": "duplicate", "round": 3},
            {"a": "x:2", "b": "x:1", "verdict": "not_duplicate"},
            {"a": "x:3", "b": "x:4"},
            {"a": "x:5", "b": "x:6", "verdict": "not_duplicate"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    got = read_judged([path])
    assert [(p.a, p.b, p.copy) for p in got] == [("x:1", "x:2", True), ("x:5", "x:6", False)]
    assert got[0].origin == "judged.jsonl:3"


def test_train_duplicates_refuses_missing_data_and_malformed_judged_files(tmp_path: Path) -> None:
    def marsad(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "marsad", *args], capture_output=True, text=True,
                              timeout=120, check=False)

    out = tmp_path / "model.json"
    missing = marsad("train", "duplicates", "--judged", str(tmp_path / "none.jsonl"), "--out", str(out),
                     "--saudi", str(tmp_path))
    assert missing.returncode == 2 and "no SaudiNewsNet zips" in missing.stderr and "Traceback" not in missing.stderr
    (tmp_path / "fake.zip").write_bytes(b"PK\x05\x06" + b"\0" * 18)  # an empty zip: the folder looks right
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"a": "x:1", "b": "x:2", "verdict": "duplicate"}\n{not json\n', encoding="utf-8")
    malformed = marsad("train", "duplicates", "--judged", str(bad), "--out", str(out), "--saudi", str(tmp_path))
    assert malformed.returncode == 2 and "malformed judged file" in malformed.stderr
    assert "Traceback" not in malformed.stderr and not out.exists()


def test_a_named_verifier_file_that_is_missing_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="not found"):
        DuplicateDetector(DuplicateConfig(verifier_path=str(tmp_path / "absent.json")))


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    yield from make_store(request.param, tmp_path)


def test_stored_articles_of_an_earlier_ingest_reach_the_verifier_with_their_titles(store: Store,
                                                                                   tmp_path: Path) -> None:
    a, b = _half_copy()
    first = Article.from_raw(a, title="الميناء يستأنف العمل", source="agency", published="2024-05-01T08:00:00")
    store.add_articles([first])
    yes = DuplicateConfig(verifier_path=_constant_model(5.0, tmp_path / "yes.json"))
    update_corpus(store, [first.id], dup_config=yes)
    later = Article.from_raw(b, title="استئناف الملاحة", source="daily", published="2024-05-02T08:00:00")
    store.add_articles([later])
    update_corpus(store, [later.id], dup_config=DuplicateConfig(learned=False))
    assert load_duplicate_groups(store) == []  # the hand rule alone misses this copy
    again = Article.from_raw(b + "\nتابعونا", title="استئناف الملاحة", source="portal", published="2024-05-03T08:00:00")
    store.add_articles([again])
    update_corpus(store, [again.id], dup_config=yes)  # the first article is read back from the store
    groups = load_duplicate_groups(store)
    assert len(groups) == 1 and first.id in groups[0].members and again.id in groups[0].members


def test_an_ingest_finds_a_copy_of_a_stored_article_through_its_stored_anchors(store: Store,
                                                                               tmp_path: Path) -> None:
    first = Article.from_raw(PORT, title="الميناء يستأنف العمل", source="agency", published="2024-05-01T08:00:00")
    store.add_articles([first])
    yes = DuplicateConfig(verifier_path=_constant_model(5.0, tmp_path / "yes.json"))
    update_corpus(store, [first.id], dup_config=yes)
    page = Article.from_raw(_long_page(), title="نشرة الأخبار", source="portal", published="2024-05-01T20:00:00")
    store.add_articles([page])
    update_corpus(store, [page.id], dup_config=replace(yes, anchor_every=0))
    assert load_duplicate_groups(store) == []  # no LSH index proposes the pair
    again = Article.from_raw(_long_page() + "\nتابعونا", title="نشرة الأخبار", source="daily",
                             published="2024-05-02T08:00:00")
    store.add_articles([again])
    update_corpus(store, [again.id], dup_config=yes)  # the stored anchors of the first article
    groups = load_duplicate_groups(store)
    assert any(first.id in g.members and again.id in g.members for g in groups)
