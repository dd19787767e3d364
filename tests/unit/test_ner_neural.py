"""The BiLSTM-CRF tagger: the numpy forward pass that ships computes what the torch model
trained, Viterbi finds the best allowed path, and bad model directories fail clearly.

The torch parts are skipped where torch is not installed (it is an optional extra)."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import numpy as np
import pytest

from marsad.extract.ner_neural import (
    BOW,
    EOW,
    UNK,
    VOCAB_FILE,
    WEIGHTS_FILE,
    Lexicon,
    NeuralModelError,
    NeuralTagger,
    allowed_transitions,
    to_bioes,
    to_iob2,
)
from marsad.training.conll import read_conll
from marsad.training.features import fold

TINY = Path(__file__).resolve().parents[1] / "fixtures" / "ner" / "tiny.conll"
LABELS = ["O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"]


def _vectors(words: list[str]) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(5)
    return {w: rng.standard_normal(8).astype(np.float32) * 0.1 for w in words}


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, Path]:
    torch = pytest.importorskip("torch")
    from marsad.training import neural

    sentences, _ = read_conll(TINY)
    words = sorted({fold(t) for s in sentences for t in s.tokens})[::2]  # half the words are unknown
    config = neural.NeuralConfig(hidden=6, char_dim=5, char_filters=7, epochs=1, word_dropout=0.0)
    names = {"LOC": frozenset({fold("واشنطن")}), "PERS": frozenset({fold("أوباما"), fold("زيد")})}
    lex, table = neural.build_lexicon(sentences, _vectors(words), dict.fromkeys(words, 50), config, names)
    model = neural._torch_model(lex, table, config)
    torch.manual_seed(0)
    with torch.no_grad():  # random, non-zero weights everywhere (CRF scores start at 0)
        for p in model.parameters():
            p.normal_(0.0, 0.5)
        model.word_emb.weight[0] = 0.0
        model.char_emb.weight[0] = 0.0
        model.word_emb.weight.copy_(model.word_emb.weight.half().float())  # as exported
    model.eval()
    out = tmp_path_factory.mktemp("nn") / "model"
    neural.export(model, lex, out, {"family": "bilstm-crf"})
    return model, out


def test_numpy_forward_matches_torch(trained: tuple[object, Path]) -> None:
    import torch

    from marsad.training import neural

    model, out = trained
    tagger = NeuralTagger(out)
    sentences, _ = read_conll(TINY)
    unseen = ["وقال", "المتحدث", "باسم", "شركةزيد", "X1", "."]  # unknown words and characters
    for tokens in [s.tokens for s in sentences] + [unseen, ["واحد"]]:
        enc = neural.encode([neural.TaggedSentence(tokens, ["O"] * len(tokens))], tagger.lexicon)
        batch = neural._batch(enc, 0.0, __import__("random").Random(0))
        with torch.no_grad():
            expected = model.emissions(batch["words"], batch["stems"], batch["chars"],  # type: ignore[attr-defined]
                                       batch["char_len"], batch["shapes"], batch["lengths"])[0].numpy()
        got = tagger.emissions(tokens)
        assert got.shape == (len(tokens), len(LABELS))
        np.testing.assert_allclose(got, expected, atol=2e-4)


def _best_allowed_path(tagger: NeuralTagger, em: np.ndarray) -> list[str]:
    trans_ok, start_ok = allowed_transitions(tagger.labels)
    best, best_path = -np.inf, None
    for path in itertools.product(range(len(tagger.labels)), repeat=em.shape[0]):
        if not start_ok[path[0]] or any(not trans_ok[a, b] for a, b in itertools.pairwise(path)):
            continue
        score = tagger.start[path[0]] + tagger.end[path[-1]] + sum(em[i, p] for i, p in enumerate(path))
        score += sum(tagger.trans[a, b] for a, b in itertools.pairwise(path))
        if score > best:
            best, best_path = score, path
    assert best_path is not None
    return [tagger.labels[i] for i in best_path]


def test_viterbi_finds_the_best_allowed_sequence(trained: tuple[object, Path]) -> None:
    tagger = NeuralTagger(trained[1])
    rng = np.random.default_rng(1)
    for n in (1, 2, 3):
        for _ in range(5):
            em = rng.standard_normal((n, len(tagger.labels))).astype(np.float32) * 3
            assert tagger.decode(em) == _best_allowed_path(tagger, em)


def test_tags_are_valid_iob2_and_cached_per_word(trained: tuple[object, Path]) -> None:
    tagger = NeuralTagger(trained[1])
    tokens = ["قال", "الرئيس", "باراك", "أوباما", "في", "واشنطن", "إن", "الأمم", "المتحدة", "ستجتمع", "."]
    tags = tagger.tag(tokens)
    assert len(tags) == len(tokens) and set(tags) <= set(LABELS)
    for prev, tag in zip(["O", *tags], tags):
        assert not tag.startswith("I-") or prev[2:] == tag[2:]
    assert set(tokens) <= set(tagger._cache)
    assert tagger.tag(tokens) == tags and tagger.tag([]) == []
    assert len(tagger.tag_document([tokens, tokens[:3]])) == 2


def test_lexicon_ids_strip_proclitics_and_roundtrip(tmp_path: Path) -> None:
    lex = Lexicon(["<pad>", "<unk>", "بريطانيا", "واشنطن"], ["<pad>", "<unk>", "<w>", "</w>", "ب", "ر"],
                  LABELS, {"بريطانيا": 900, "واشنطن": 500, "اشنطن": 1}, frozenset({fold("الرئيس")}))
    assert lex.word_ids("وبريطانيا") == (UNK, 2)  # word unknown, stem known
    assert lex.word_ids("واشنطن") == (3, 3)  # not و + اشنطن
    assert lex.char_ids("بر") == [BOW, 4, 5, EOW]
    assert lex.char_ids("x") == [BOW, UNK, EOW]
    assert len(lex.char_ids("ب" * 50)) == 20
    assert lex.shape("الرئيس")[3] == 1.0 and lex.shape("12")[0] == 1.0 and lex.shape("،")[2] == 1.0
    assert lex.n_shape == 6 and len(lex.shape("x")) == 6  # a model trained without name lists
    lex.save(tmp_path / "v.json.gz")
    again = Lexicon.load(tmp_path / "v.json.gz")
    assert again.words == lex.words and again.counts == lex.counts and again.titles == lex.titles


def test_name_list_flags_follow_the_sorted_lists_and_roundtrip(tmp_path: Path) -> None:
    lex = Lexicon(["<pad>", "<unk>"], ["<pad>", "<unk>", "<w>", "</w>"], LABELS, {"بريطانيا": 900},
                  name_lists={"PERS": frozenset({"زيد"}), "LOC": frozenset({"بريطانيا"})})
    assert lex.n_shape == 8
    assert lex.shape("وبريطانيا")[6:] == [1.0, 0.0]  # LOC before PERS; the stem is looked up
    assert lex.shape("زيد")[6:] == [0.0, 1.0] and lex.shape("عمرو")[6:] == [0.0, 0.0]
    lex.save(tmp_path / "v.json.gz")
    again = Lexicon.load(tmp_path / "v.json.gz")
    assert again.name_lists == lex.name_lists and again.shape("وبريطانيا") == lex.shape("وبريطانيا")


def test_allowed_transitions_follow_iob2() -> None:
    trans, start = allowed_transitions(LABELS)
    i = LABELS.index
    assert not start[i("I-PERS")] and start[i("B-PERS")] and start[i("O")]
    assert trans[i("B-PERS"), i("I-PERS")] and trans[i("I-PERS"), i("I-PERS")]
    assert not trans[i("O"), i("I-LOC")] and not trans[i("B-ORG"), i("I-LOC")]


def test_bioes_conversion_roundtrips_and_marks_ends_and_single_tokens() -> None:
    tags = ["O", "B-PERS", "I-PERS", "I-PERS", "B-LOC", "O", "B-ORG", "B-ORG", "I-ORG"]
    bioes = to_bioes(tags)
    assert bioes == ["O", "B-PERS", "I-PERS", "E-PERS", "S-LOC", "O", "S-ORG", "B-ORG", "E-ORG"]
    assert [to_iob2(t) for t in bioes] == tags


def test_allowed_transitions_follow_bioes() -> None:
    from marsad.training.neural import LABELS_BIOES

    trans, start = allowed_transitions(LABELS_BIOES)
    i = LABELS_BIOES.index
    assert not start[i("I-PERS")] and not start[i("E-PERS")] and start[i("S-PERS")] and start[i("B-LOC")]
    assert trans[i("B-PERS"), i("I-PERS")] and trans[i("B-PERS"), i("E-PERS")] and trans[i("I-PERS"), i("E-PERS")]
    assert not trans[i("B-PERS"), i("O")] and not trans[i("I-PERS"), i("B-LOC")]  # an open name must go on
    assert not trans[i("E-PERS"), i("I-PERS")] and not trans[i("S-LOC"), i("E-LOC")]
    assert trans[i("E-PERS"), i("S-LOC")] and trans[i("S-LOC"), i("O")] and not trans[i("B-ORG"), i("E-LOC")]


def test_bioes_model_answers_in_iob2(tmp_path: Path) -> None:
    pytest.importorskip("torch")
    from marsad.training import neural

    sentences, _ = read_conll(TINY)
    words = sorted({fold(t) for s in sentences for t in s.tokens})
    config = neural.NeuralConfig(hidden=6, char_dim=5, char_filters=7, epochs=2, word_dropout=0.0, scheme="bioes")
    tagger = neural.train_neural(sentences, [], _vectors(words), dict.fromkeys(words, 50), tmp_path / "m", config,
                                 log=lambda _: None)
    assert any(lbl.startswith("S-") for lbl in tagger.labels)
    for s in sentences:
        tags = tagger.tag(s.tokens)
        assert set(tags) <= set(LABELS)
        for prev, tag in zip(["O", *tags], tags):
            assert not tag.startswith("I-") or prev[2:] == tag[2:]
    with pytest.raises(ValueError, match="scheme"):
        neural.NeuralConfig(scheme="bilou")


def test_bad_model_directory_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NeuralModelError, match="missing"):
        NeuralTagger(tmp_path)
    (tmp_path / WEIGHTS_FILE).write_bytes(b"not numpy")
    (tmp_path / VOCAB_FILE).write_bytes(b"not gzip")
    with pytest.raises(NeuralModelError, match="cannot read"):
        NeuralTagger(tmp_path)


def test_shipped_model_if_present_loads_and_tags() -> None:
    from marsad.extract.ner_neural import NN_MODEL_DIR

    if not (NN_MODEL_DIR / WEIGHTS_FILE).is_file():
        pytest.skip("no neural model shipped")
    tagger = NeuralTagger(NN_MODEL_DIR)
    meta = json.loads((NN_MODEL_DIR / "meta.json").read_text("utf-8"))
    # trained on the whole ANERcorp train file for the epoch count a dev run chose, so the meta
    # must say that the dev split was trained on (its scores are fitted; the card says so)
    assert meta["includes_dev"] is True and meta["dev_fraction"] == 0.0 and meta["best_epoch"] == 10
    tags = tagger.tag(["وقال", "الرئيس", "المصري", "حسني", "مبارك", "في", "القاهرة"])
    assert "B-LOC" in tags and "B-PERS" in tags


def test_load_ner_picks_the_family_from_the_directory(trained: tuple[object, Path], tmp_path: Path) -> None:
    from marsad.extract.ner_neural import is_neural_model, load_ner
    from marsad.training.ner import SHIPPED_MODEL_DIR, NerModel, NerModelError

    assert isinstance(load_ner(trained[1]), NeuralTagger) and is_neural_model(trained[1])
    assert not is_neural_model(SHIPPED_MODEL_DIR)
    if (SHIPPED_MODEL_DIR / "ner.crfsuite").is_file():
        assert isinstance(load_ner(SHIPPED_MODEL_DIR), NerModel)
    with pytest.raises(NerModelError, match="not a NER model directory"):
        load_ner(tmp_path)


def test_ensemble_sums_member_scores(trained: tuple[object, Path], tmp_path: Path) -> None:
    import shutil

    from marsad.extract.ner_neural import ENSEMBLE_FILE, NeuralEnsemble, load_ner

    ens = tmp_path / "ens"
    for name in ("a", "b"):
        shutil.copytree(trained[1], ens / name)
    (ens / ENSEMBLE_FILE).write_text(json.dumps({"members": ["a", "b"]}), "utf-8")
    single, both = NeuralTagger(trained[1]), load_ner(ens)
    assert isinstance(both, NeuralEnsemble)
    tokens = ["قال", "الرئيس", "باراك", "أوباما", "في", "واشنطن"]
    np.testing.assert_allclose(both.emissions(tokens), 2 * single.emissions(tokens), rtol=1e-5)
    np.testing.assert_allclose(both.trans, 2 * single.trans)
    assert both.tag(tokens) == single.tag(tokens)  # doubling every score keeps the best path
    # a different second member: the chains stepped together give each member's own scores
    with np.load(ens / "b" / WEIGHTS_FILE) as data:
        arrays = {k: data[k] for k in data.files}
    rng = np.random.default_rng(3)
    for k in ("w_hh_f", "w_hh_b", "w_ih_b", "w_out"):
        arrays[k] = (arrays[k] + rng.standard_normal(arrays[k].shape) * 0.3).astype(arrays[k].dtype)
    np.savez_compressed(ens / "b" / WEIGHTS_FILE, **arrays)
    mixed, other = NeuralEnsemble(ens), NeuralTagger(ens / "b")
    np.testing.assert_allclose(mixed.emissions(tokens), single.emissions(tokens) + other.emissions(tokens),
                               rtol=1e-4, atol=1e-4)
    (ens / ENSEMBLE_FILE).write_text("{}", "utf-8")
    with pytest.raises(NeuralModelError, match="ensemble.json"):
        load_ner(ens)


def test_sentences_stepped_together_score_as_one_by_one(trained: tuple[object, Path], tmp_path: Path) -> None:
    """Batching pads shorter sentences at the end of both LSTM chains; it must not change
    any score, for one model or an ensemble."""
    import shutil

    from marsad.extract.ner_neural import ENSEMBLE_FILE, NeuralEnsemble

    sentences = [["قال", "الرئيس", "باراك", "أوباما", "في", "واشنطن", "إن", "الأمم", "المتحدة", "ستجتمع", "."],
                 ["وصل", "زيد"], [], ["X1"], ["المتحدث", "باسم", "شركةزيد", "قال", "."]]
    ens = tmp_path / "ens"
    for name in ("a", "b"):
        shutil.copytree(trained[1], ens / name)
    (ens / ENSEMBLE_FILE).write_text(json.dumps({"members": ["a", "b"]}), "utf-8")
    for tagger in (NeuralTagger(trained[1]), NeuralEnsemble(ens)):
        together = tagger.emissions_many([s for s in sentences if s])
        for got, tokens in zip(together, [s for s in sentences if s]):
            np.testing.assert_allclose(got, tagger.emissions(tokens), rtol=1e-5, atol=1e-5)
        assert tagger.tag_many(sentences) == [tagger.tag(s) for s in sentences]


def test_batched_viterbi_gives_each_sentence_its_own_best_path(trained: tuple[object, Path]) -> None:
    from marsad.training.ner import viterbi, viterbi_many

    tagger = NeuralTagger(trained[1])
    rng = np.random.default_rng(4)
    ems = [rng.standard_normal((n, len(tagger.labels))).astype(np.float32) * 3 for n in (5, 1, 3, 8, 2)]
    paths = viterbi_many(ems, tagger.trans, tagger.start, tagger.end)
    assert paths == [viterbi(e, tagger.trans, tagger.start, tagger.end) for e in ems]
    assert [len(p) for p in paths] == [5, 1, 3, 8, 2] and viterbi_many([], tagger.trans, tagger.start, tagger.end) == []
