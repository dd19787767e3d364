"""Features for the CRF: spelling fold, data-driven clitic stripping, gazetteer and
cluster features, context window, and the row-index fast path."""

from __future__ import annotations

from marsad.training.features import FeatureExtractor, Resources, fold, proclitic_candidates, strip_proclitics


def _resources(**kw: object) -> Resources:
    res = Resources(
        gazetteers={"LOC": {fold("بريطانيا"), fold("القاهرة")}, "PERS": {fold("محمد")}},
        phrases={(fold("الأمم"), fold("المتحدة")): "ORG"},
        clusters={fold("بريطانيا"): (1, 7), fold("فرنسا"): (1, 8), fold("قال"): (2, 9)},
        cluster_levels=(4, 16),
        counts={fold("بريطانيا"): 900, fold("واشنطن"): 500, fold("القاهرة"): 700, fold("اشنطن"): 0,
                fold("الأمم"): 300},
        titles={fold("الرئيس")},
    )
    for k, v in kw.items():
        setattr(res, k, v)
    return res


def test_fold_is_a_matching_key_only() -> None:
    assert fold("أَحْمَد") == "احمد"
    assert fold("إمارة") == "اماره"
    assert fold("مصطفى") == "مصطفي"
    assert fold("القـــاهرة") == "القاهره"


def test_proclitic_candidates_cover_lam_lam() -> None:
    cands = proclitic_candidates("للقاهره")
    assert ("ل", "القاهره") in cands
    assert ("و", "بريطانيا") in proclitic_candidates("وبريطانيا")
    assert ("وب", "ريطانيا") in proclitic_candidates("وبريطانيا")
    assert proclitic_candidates("مصر") == []


def test_strip_proclitics_follows_the_data() -> None:
    counts = {"بريطانيا": 900, "واشنطن": 500, "القاهره": 700, "ريطانيا": 0}
    assert strip_proclitics("وبريطانيا", counts) == ("و", "بريطانيا")
    assert strip_proclitics("لبريطانيا", counts) == ("ل", "بريطانيا")
    assert strip_proclitics("للقاهره", counts) == ("ل", "القاهره")
    assert strip_proclitics("والقاهره", counts) == ("و", "القاهره")
    assert strip_proclitics("واشنطن", counts) == ("", "واشنطن")  # a name that begins with و
    # a gazetteer name wins even when the counts know neither form
    assert strip_proclitics("وطرابلس", {}, {"طرابلس"}) == ("و", "طرابلس")


def test_word_features_include_shape_affixes_gazetteer_and_clusters() -> None:
    fx = FeatureExtractor(_resources())
    feats = fx.sentence(["وبريطانيا"])[0]
    assert "w=" + fold("وبريطانيا") in feats
    assert "s=بريطانيا" in feats and "pf=و" in feats
    assert "gLOC" in feats  # found through the stripped form
    assert "sc4=1" in feats and "sc16=7" in feats  # the whole token is unknown: the stem's cluster
    assert "BOS" in feats and "EOS" in feats
    num = fx.sentence(["2011"])[0]
    assert "dig" in num
    assert "pun" in fx.sentence(["،"])[0]


def test_context_window_is_two_each_side() -> None:
    fx = FeatureExtractor(_resources())
    feats = fx.sentence(["قال", "الرئيس", "محمد", "في", "القاهرة"])
    middle = feats[2]
    assert "-2w=قال" in middle and "-1w=الرئيس" in middle and "+1w=في" in middle and "+2w=" + fold("القاهرة") in middle
    assert "-1ttl" in middle  # a title right before
    assert "bw=الرئيس|محمد" in middle and "fw=محمد|في" in middle
    assert not any(f.startswith("-2") for f in feats[1]) and "BOS" not in middle


def test_multiword_gazetteer_match_is_marked_b_and_i() -> None:
    fx = FeatureExtractor(_resources())
    feats = fx.sentence(["وقالت", "الأمم", "المتحدة", "إن"])
    assert "PBORG" in feats[1] and "PIORG" in feats[2]
    assert "+1PBORG" in feats[0] and "-1PIORG" in feats[3]
    # a clitic on the first word of the phrase does not hide it
    assert "PBORG" in fx.sentence(["والأمم", "المتحدة"])[0]
    assert "PBORG" in fx.sentence(["للأمم", "المتحدة"])[0]


def test_switching_resources_off_removes_their_features() -> None:
    fx = FeatureExtractor(_resources(use_gazetteers=False, use_clusters=False))
    feats = [f for tok in fx.sentence(["وبريطانيا", "الأمم", "المتحدة"]) for f in tok]
    assert not any(f.startswith(("g", "PB", "PI", "c4", "sc4")) or "gLOC" in f or "PBORG" in f for f in feats)


def test_resources_round_trip(tmp_path) -> None:  # type: ignore[no-untyped-def]
    res = _resources()
    res.save(tmp_path / "r.json.gz")
    back = Resources.load(tmp_path / "r.json.gz")
    assert back.gazetteers == res.gazetteers and back.phrases == res.phrases
    assert back.clusters == res.clusters and back.cluster_levels == res.cluster_levels
    assert FeatureExtractor(back).sentence(["وبريطانيا"]) == FeatureExtractor(res).sentence(["وبريطانيا"])


class _Index:
    """Stand-in decoder: numbers every feature string it is shown."""

    def __init__(self, features: list[str]) -> None:
        self.index = {f: i for i, f in enumerate(sorted(set(features)))}

    def rows(self, features):  # type: ignore[no-untyped-def]
        return [self.index[f] for f in features if f in self.index]


def test_row_path_gives_the_same_features_as_the_string_path() -> None:
    for rich in (False, True):
        fx = FeatureExtractor(_resources(rich_clusters=rich))
        tokens = ["وقال", "الرئيس", "محمد", "إن", "الأمم", "المتحدة", "وبريطانيا", "قال"]
        strings = fx.sentence(tokens)
        index = _Index([f for tok in strings for f in tok])
        rows = fx.sentence_rows(tokens, index)
        assert [sorted(r) for r in rows] == [sorted(index.rows(s)) for s in strings]


def test_rich_clusters_add_cluster_bigrams_and_all_levels() -> None:
    plain = FeatureExtractor(_resources()).sentence(["بريطانيا", "فرنسا"])
    rich = FeatureExtractor(_resources(rich_clusters=True)).sentence(["بريطانيا", "فرنسا"])
    assert not any(f.startswith(("cb=", "cf=")) for f in plain[0] + plain[1])
    assert "cf=7|8" in rich[0] and "cb=7|8" in rich[1]
    assert "-1c4=1" in rich[1] and "-1c16=7" in rich[1]


def _with_vectors(**kw: object) -> Resources:
    import numpy as np

    res = _resources(**kw)
    res.vector_words = {fold("بريطانيا"): 0, fold("قال"): 1}
    res.vector_matrix = np.array([[1.0, 2.0], [3.0, 4.0]], dtype=np.float32)
    return res


def test_dense_vectors_follow_their_offset_and_skip_unknown_words() -> None:
    fx = FeatureExtractor(_with_vectors())
    assert fx.vector_names() == ["v-1:0", "v-1:1", "v0:0", "v0:1", "v1:0", "v1:1"]
    vecs = fx.sentence_vectors(["قال", "وبريطانيا", "مجهول"])
    # row 1 (وبريطانيا, found through its stem): previous word قال, itself, next unknown
    assert vecs[1].tolist() == [3.0, 4.0, 1.0, 2.0, 0.0, 0.0]
    assert vecs[0].tolist() == [0.0, 0.0, 3.0, 4.0, 1.0, 2.0]  # nothing before the first word
    assert vecs[2].tolist() == [1.0, 2.0, 0.0, 0.0, 0.0, 0.0]
    items = fx.sentence_items(["قال", "وبريطانيا"])
    assert items[1]["v0:0"] == 1.0 and items[1]["v-1:1"] == 4.0 and "v1:0" not in items[1]
    assert all(items[0][f] == 1.0 for f in fx.sentence(["قال", "وبريطانيا"])[0])


def test_vectors_round_trip_beside_the_resources(tmp_path) -> None:  # type: ignore[no-untyped-def]
    res = _with_vectors(extras=("cues",))
    res.save(tmp_path / "resources.json.gz")
    back = Resources.load(tmp_path / "resources.json.gz")
    assert back.use_vectors and back.vector_words == res.vector_words and back.extras == ("cues",)
    tokens = ["قال", "وبريطانيا"]
    assert (FeatureExtractor(back).sentence_vectors(tokens) == FeatureExtractor(res).sentence_vectors(tokens)).all()


def test_org_cue_marks_the_following_three_tokens_only() -> None:
    tokens = ["قالت", "وزارة", "الخارجية", "الفرنسية", "اليوم", "إن"]
    fx = FeatureExtractor(_resources(extras=("cues",)))
    feats = fx.sentence(tokens)
    assert "cue1" in feats[2] and "cue2" in feats[3] and "cue3" in feats[4]
    assert not any(f.startswith("cue") for f in feats[0] + feats[1] + feats[5])
    assert not any(f.startswith("cue") for tok in FeatureExtractor(_resources()).sentence(tokens) for f in tok)
    index = _Index([f for tok in feats for f in tok])
    assert [sorted(r) for r in fx.sentence_rows(tokens, index)] == [sorted(index.rows(s)) for s in feats]


def test_neighbour_affixes_and_ngrams_are_optional_groups() -> None:
    fx = FeatureExtractor(_resources(extras=("nbaffix", "ngrams")))
    feats = fx.sentence(["الرئيس", "بريطانيا"])
    assert "+1p3=بري" in feats[0] and "+1x3=نيا" in feats[0]
    assert "-1p3=الر" in feats[1] and "-1x3=" + fold("الرئيس")[-3:] in feats[1]
    assert not any(f.startswith(("-2p3", "+2p3")) for f in feats[0] + feats[1])
    assert "n3=ريط" in feats[1]
