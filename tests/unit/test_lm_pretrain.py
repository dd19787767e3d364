"""Language-model pretraining of the tagger's BiLSTM: news is read into sentences the
tagger would see, the two-way cosine loss goes down on a corpus it can learn, and the
tagger trained after it still exports and tags (skipped without torch)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from marsad.training.conll import read_conll
from marsad.training.features import fold

TINY = Path(__file__).resolve().parents[1] / "fixtures" / "ner" / "tiny.conll"


def test_news_sentences_split_tokenise_and_stop_at_the_budget(tmp_path: Path) -> None:
    from marsad.training.lm_pretrain import news_sentences

    doc = ("<DOC><TITLE>عنوان الخبر هنا فقط</TITLE><TEXT>قال الوزير إن الحكومة ستعقد اجتماعا غدا. "
           "قصير جدا. وأضاف أن الاجتماع سيبحث الأوضاع في المنطقة كلها</TEXT></DOC>")
    (tmp_path / "a.txt").write_text(doc, encoding="utf-8")
    got = list(news_sentences([tmp_path], max_tokens=1000))
    assert got[0][:3] == ["قال", "الوزير", "إن"]
    assert all(len(s) >= 5 for s in got)  # "قصير جدا" is too short, the title is skipped
    assert len(got) == 2
    assert len(list(news_sentences([tmp_path], max_tokens=5))) == 1


def test_pretraining_lowers_the_language_model_loss_and_the_tagger_still_trains(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch")
    from marsad.training import neural
    from marsad.training.lm_pretrain import pretrain_lm

    sentences, _ = read_conll(TINY)
    words = sorted({fold(t) for s in sentences for t in s.tokens})
    rng = np.random.default_rng(3)
    vectors = {w: rng.standard_normal(8).astype(np.float32) for w in words}
    news = [list(s.tokens) for s in sentences] * 20  # a corpus small enough to learn
    one = neural.NeuralConfig(hidden=12, char_dim=5, char_filters=7, epochs=1, lm_epochs=1, lr=1e-2)
    lex, table = neural.build_lexicon(sentences, vectors, dict.fromkeys(words, 50), one)
    torch.manual_seed(0)  # the model's initial weights, whatever tests ran before
    model = neural._torch_model(lex, table, one)
    first = pretrain_lm(model, lex, table, news, one, log=lambda _m: None)["lm_loss"]
    more = neural.NeuralConfig(hidden=12, char_dim=5, char_filters=7, epochs=1, lm_epochs=4, lr=1e-2)
    later = pretrain_lm(model, lex, table, news, more, log=lambda _m: None)["lm_loss"]
    assert later < first * 0.85
    tagger = neural.train_neural(sentences, sentences[:2], vectors, dict.fromkeys(words, 50), tmp_path / "m",
                                 more, log=lambda _m: None, lm_sentences=news[:10])
    assert tagger.meta["lm_sentences"] == 10
    assert len(tagger.tag(sentences[0].tokens)) == len(sentences[0].tokens)
