"""Pretrain the tagger's BiLSTM as a language model on unlabelled news.

ANERcorp gives the tagger about 130,000 labelled tokens; the news corpora hold millions
of unlabelled ones. Before the tagger learns labels, its character CNN, input layers and
BiLSTM are trained to read news: at each position the forward LSTM predicts the *news
vector* of the next word and the backward LSTM that of the previous word (a cosine loss
against the fixed vectors from ``marsad train clusters``, so no softmax over 60,000
words is needed and a CPU pass over a few million tokens takes minutes). The tagger then
starts from these weights instead of random ones; nothing is added at inference, so the
speed of the shipped tagger does not change.
"""

from __future__ import annotations

import random
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from marsad.extract.ner_neural import PAD, UNK, Lexicon
from marsad.training.conll import TaggedSentence

_SENTENCE_END = re.compile(r"[.!?؟\n]+")


def news_sentences(paths: Iterable[Path], max_tokens: int, min_len: int = 5, max_len: int = 60
                   ) -> Iterator[list[str]]:
    """Tokenised sentences of the news under ``paths`` (the tokens the tagger reads),
    ``min_len``-``max_len`` tokens long, until ``max_tokens`` tokens have been given.

    The articles are read in sorted order; titles are skipped (a headline is no sentence)."""
    from marsad.training.clusters import iter_news_texts, news_tokenize

    given = 0
    for text in iter_news_texts(list(paths)):
        body = text.split("\n", 1)[1] if "\n" in text else text
        for part in _SENTENCE_END.split(body):
            tokens = news_tokenize(part)
            if min_len <= len(tokens) <= max_len:
                yield tokens
                given += len(tokens)
                if given >= max_tokens:
                    return


def _targets(words: Any, table: Any) -> tuple[Any, Any]:
    """Unit news vectors of ``words`` and a mask of the positions that have one."""
    vecs = table[words]
    norm = vecs.norm(dim=-1, keepdim=True)
    ok = (words != PAD) & (words != UNK) & (norm[..., 0] > 0)
    return vecs / norm.clamp_min(1e-6), ok


def pretrain_lm(model: Any, lex: Lexicon, table: np.ndarray, sentences: Sequence[Sequence[str]],
                config: Any, log: Callable[[str], None] = print) -> dict[str, float]:
    """Train ``model``'s input layers and BiLSTM (in place) as a two-way language model
    over ``sentences`` for ``config.lm_epochs`` epochs; returns the last epoch's mean loss
    and the seconds taken."""
    import torch
    from torch import nn

    from marsad.training.neural import _batch, encode

    torch.manual_seed(config.seed + 1)  # the heads' initial weights repeat whatever ran before
    hidden = config.hidden
    fixed = torch.from_numpy(np.asarray(table, dtype=np.float32))  # targets never move
    heads = nn.ModuleDict({"next": nn.Linear(hidden, fixed.shape[1]),
                           "previous": nn.Linear(hidden, fixed.shape[1])})
    encoded = encode([TaggedSentence(list(s), ["O"] * len(s)) for s in sentences], lex)
    emb = model.word_emb.weight
    body = [p for p in model.parameters() if p.requires_grad and p is not emb]
    groups: list[dict[str, Any]] = [{"params": body + list(heads.parameters())}]
    if emb.requires_grad:
        groups.append({"params": [emb], "lr": config.lr * config.embedding_lr_scale})
    opt = torch.optim.Adam(groups, lr=config.lr)
    rng = random.Random(config.seed + 1)
    order = sorted(range(len(encoded)), key=lambda i: len(encoded[i].words))
    batches = [order[i:i + config.lm_batch_size] for i in range(0, len(order), config.lm_batch_size)]
    started = time.perf_counter()
    mean = 0.0
    model.train()
    for epoch in range(1, config.lm_epochs + 1):
        rng.shuffle(batches)
        total, count = 0.0, 0
        for n, idx in enumerate(batches, start=1):
            batch = _batch([encoded[i] for i in idx], config.word_dropout, rng)
            h = model.drop(model.states(batch["words"], batch["stems"], batch["chars"], batch["char_len"],
                                        batch["shapes"], batch["lengths"]))
            words = batch["words_clean"]
            target, ok = _targets(words, fixed)
            fwd = heads["next"](h[:, :-1, :hidden])  # position t predicts word t + 1
            bwd = heads["previous"](h[:, 1:, hidden:])  # position t predicts word t - 1
            loss_f = 1.0 - nn.functional.cosine_similarity(fwd, target[:, 1:], dim=-1)
            loss_b = 1.0 - nn.functional.cosine_similarity(bwd, target[:, :-1], dim=-1)
            mask_f, mask_b = ok[:, 1:].float(), ok[:, :-1].float()
            denom = mask_f.sum() + mask_b.sum()
            if float(denom) == 0:
                continue
            loss = ((loss_f * mask_f).sum() + (loss_b * mask_b).sum()) / denom
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(body + list(heads.parameters()), config.clip)
            opt.step()
            total += float(loss.detach())
            count += 1
            if n % 2000 == 0:
                log(f"lm epoch {epoch}: {n}/{len(batches)} batches, loss {total / count:.4f} "
                    f"({time.perf_counter() - started:.0f} s)")
        mean = total / max(1, count)
        log(f"lm epoch {epoch}: loss {mean:.4f} over {len(encoded)} sentences "
            f"({time.perf_counter() - started:.0f} s)")
    return {"lm_loss": round(mean, 4), "lm_seconds": round(time.perf_counter() - started, 1),
            "lm_sentences": len(encoded), "lm_tokens": sum(len(e.words) for e in encoded)}
