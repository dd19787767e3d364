"""Train the character-aware BiLSTM-CRF tagger (:mod:`marsad.extract.ner_neural`) with torch.

Architecture (small enough to train on one CPU core in minutes):

* word input = embedding of the folded word + embedding of the word without proclitics
  (one shared table, initialised from the SVD word vectors that
  ``marsad train clusters`` learns from unlabelled news) + a character CNN over the
  letters (ReLU, max-pooled; the part that reads names never seen anywhere) + six shape
  flags + two "unknown word" flags;
* a one-layer bidirectional LSTM; a linear layer to label scores; a linear-chain CRF
  with start/end scores and the IOB2 constraints built in.

Word dropout replaces word/stem ids by UNK during training so the model learns to fall
back on the letters. The number of epochs is chosen on the dev split only (the best
epoch's weights are kept); the model is then exported to numpy arrays, and the dev
score is measured with the numpy tagger that ships, not with torch.

torch is needed only here (optional ``train`` extra); inference is numpy.
"""

from __future__ import annotations

import json
import random
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, cast

import numpy as np

from marsad.extract.ner_neural import (
    META_FILE,
    PAD,
    UNK,
    VOCAB_FILE,
    WEIGHTS_FILE,
    Lexicon,
    NeuralTagger,
    allowed_transitions,
    is_bioes,
    to_bioes,
)
from marsad.training.conll import ENTITY_TYPES, TaggedSentence
from marsad.training.features import fold

LABELS: list[str] = ["O"] + [f"{p}-{t}" for t in ENTITY_TYPES for p in ("B", "I")]
# the same names with their last token (E-) and one-token names (S-) marked: the tagger then
# learns where a name ends, not only where it starts; it still answers in IOB2
LABELS_BIOES: list[str] = ["O"] + [f"{p}-{t}" for t in ENTITY_TYPES for p in ("B", "I", "E", "S")]
TAG_SCHEMES = ("iob2", "bioes")


@dataclass
class NeuralConfig:
    """Hyperparameters (chosen on the dev split; defaults are the shipped model's)."""

    hidden: int = 100
    char_dim: int = 32
    char_filters: int = 64
    char_width: int = 3
    dropout: float = 0.5
    word_dropout: float = 0.1
    embeddings: str = "tuned"  # "frozen": news vectors fixed; "new": only words absent from the news
    # vectors are trained; "tuned": every row is trained (at lr * embedding_lr_scale)
    embedding_lr_scale: float = 0.1
    epochs: int = 30
    patience: int = 6
    batch_size: int = 16
    lr: float = 2e-3
    clip: float = 5.0
    seed: int = 13
    threads: int = 1
    train_word_min_count: int = 2  # unless "frozen": training words without a vector get a row
    ema: float = 0.0  # > 0: score and export an exponential moving average of the weights
    # (decay per batch), which evens out the epoch-to-epoch swing of the dev score
    # language-model pretraining on unlabelled news before the tagger is trained: the
    # forward LSTM learns to predict the next word's news vector, the backward one the
    # previous word's (cosine loss, no softmax over the vocabulary); 0 turns it off
    lm_epochs: int = 0
    lm_batch_size: int = 32
    scheme: str = "iob2"  # "bioes": train on BIOES labels (decoded back to IOB2)

    def __post_init__(self) -> None:
        if self.scheme not in TAG_SCHEMES:
            raise ValueError(f"scheme must be one of {', '.join(TAG_SCHEMES)}, got {self.scheme!r}")
        if self.embeddings not in EMBEDDING_MODES:
            raise ValueError(f"embeddings must be one of {', '.join(EMBEDDING_MODES)}, got {self.embeddings!r}")
        if not 0.0 <= self.ema < 1.0:
            raise ValueError(f"ema must be in [0, 1), got {self.ema}")


EMBEDDING_MODES = ("frozen", "new", "tuned")


# ------------------------------------------------------------------ vocabulary


def build_lexicon(train: Sequence[TaggedSentence], vectors: dict[str, np.ndarray], counts: dict[str, int],
                  config: NeuralConfig, name_lists: dict[str, frozenset[str]] | None = None
                  ) -> tuple[Lexicon, np.ndarray]:
    """Words = pretrained vocabulary (plus frequent training words when embeddings are
    fine-tuned); characters = those seen in training; ``name_lists`` become one input flag
    each (:meth:`Lexicon.shape`). Returns the lexicon and the initial embedding table
    (rows of unseen words: small random)."""
    from marsad.extract.titles import TITLE_WORDS

    words = ["<pad>", "<unk>", *vectors]
    if config.embeddings != "frozen":
        seen = Counter(fold(t) for s in train for t in s.tokens)
        words += sorted(w for w, c in seen.items() if c >= config.train_word_min_count and w not in vectors)
    chars = ["<pad>", "<unk>", "<w>", "</w>", *sorted({c for s in train for t in s.tokens for c in fold(t)})]
    dim = len(next(iter(vectors.values()))) if vectors else 50
    rng = np.random.default_rng(config.seed)
    table = (rng.standard_normal((len(words), dim)) * 0.05).astype(np.float32)
    table[PAD] = 0.0
    table[UNK] = 0.0
    for i, w in enumerate(words[2:], start=2):
        vec = vectors.get(w)
        if vec is not None:
            table[i] = vec
    titles = frozenset(fold(t) for t in TITLE_WORDS)
    labels = LABELS_BIOES if config.scheme == "bioes" else LABELS
    lex = Lexicon(words, chars, list(labels), dict(counts), titles, {"embedding_dim": dim}, dict(name_lists or {}))
    return lex, table


def load_vectors(cluster_file: Path, scale: float = 1.0) -> tuple[dict[str, np.ndarray], dict[str, int]]:
    """SVD word vectors (and news counts) from a cluster file written by ``marsad train clusters``."""
    from marsad.training.clusters import ClusterModel

    model = ClusterModel.load(cluster_file)
    if model.vectors is None:
        raise ValueError(f"{cluster_file}: has no word vectors (retrain with `marsad train clusters`)")
    vecs = model.vectors.astype(np.float32)
    vecs = vecs / max(float(vecs.std()), 1e-6) * 0.1 * scale
    return {w: vecs[i] for i, w in enumerate(model.clusters)}, dict(model.counts)


@dataclass
class Encoded:
    """One sentence as model inputs."""

    words: list[int]
    stems: list[int]
    chars: list[list[int]]
    shapes: list[list[float]]
    tags: list[int]


def encode(sentences: Sequence[TaggedSentence], lex: Lexicon) -> list[Encoded]:
    label_index = {lbl: i for i, lbl in enumerate(lex.labels)}
    bioes = is_bioes(lex.labels)
    cache: dict[str, tuple[int, int, list[int], list[float]]] = {}
    out: list[Encoded] = []
    for s in sentences:
        enc = Encoded([], [], [], [], [label_index[t] for t in (to_bioes(s.tags) if bioes else s.tags)])
        for tok in s.tokens:
            item = cache.get(tok)
            if item is None:
                wid, sid = lex.word_ids(tok)
                item = cache[tok] = (wid, sid, lex.char_ids(tok), lex.shape(tok))
            enc.words.append(item[0])
            enc.stems.append(item[1])
            enc.chars.append(item[2])
            enc.shapes.append(item[3])
        out.append(enc)
    return out


# ------------------------------------------------------------------ torch model


def _torch_model(lex: Lexicon, table: np.ndarray, config: NeuralConfig,
                 vectors: dict[str, np.ndarray] | None = None) -> Any:
    import torch
    from torch import nn

    pretrained: dict[str, np.ndarray] = vectors or {}

    class BiLstmCrf(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            dim = table.shape[1]
            self.word_emb = nn.Embedding(len(lex.words), dim, padding_idx=PAD)
            self.word_emb.weight.data.copy_(torch.from_numpy(table))
            self.word_emb.weight.requires_grad = config.embeddings != "frozen"
            if config.embeddings == "new":  # rows with a news vector stay as learned from the news
                keep = torch.tensor([0.0 if w in pretrained else 1.0 for w in lex.words])[:, None]
                self.word_emb.weight.register_hook(lambda grad: grad * keep)
            self.char_emb = nn.Embedding(len(lex.chars), config.char_dim, padding_idx=PAD)
            self.conv = nn.Conv1d(config.char_dim, config.char_filters, config.char_width,
                                  padding=config.char_width // 2)
            in_dim = 2 * dim + config.char_filters + lex.n_shape + 2
            self.lstm = nn.LSTM(in_dim, config.hidden, batch_first=True, bidirectional=True)
            self.drop = nn.Dropout(config.dropout)
            self.out = nn.Linear(2 * config.hidden, len(lex.labels))
            n = len(lex.labels)
            self.trans = nn.Parameter(torch.zeros(n, n))
            self.start = nn.Parameter(torch.zeros(n))
            self.end = nn.Parameter(torch.zeros(n))
            trans_ok, start_ok = allowed_transitions(lex.labels)
            self.register_buffer("trans_mask", torch.from_numpy(np.where(trans_ok, 0.0, -1e4).astype(np.float32)))
            self.register_buffer("start_mask", torch.from_numpy(np.where(start_ok, 0.0, -1e4).astype(np.float32)))

        def emissions(self, words: Any, stems: Any, chars: Any, char_len: Any, shapes: Any, lengths: Any) -> Any:
            return self.out(self.drop(self.states(words, stems, chars, char_len, shapes, lengths)))

        def states(self, words: Any, stems: Any, chars: Any, char_len: Any, shapes: Any, lengths: Any) -> Any:
            """BiLSTM outputs (batch x time x 2 hidden): what the label layer and the
            language-model pretraining heads read."""
            b, t, c = chars.shape
            ce = self.char_emb(chars.view(b * t, c)).transpose(1, 2)  # BT x dim x C
            conv = torch.relu(self.conv(ce))  # BT x filters x C
            valid = torch.arange(c)[None, :] < char_len.view(b * t, 1)
            conv = conv * valid[:, None, :]
            char_vec = conv.max(dim=2).values.view(b, t, -1)
            flags = torch.stack([(words == UNK).float(), (stems == UNK).float()], dim=2)
            x = torch.cat([self.word_emb(words), self.word_emb(stems), char_vec, shapes, flags], dim=2)
            x = self.drop(x)
            packed = nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
            h, _ = self.lstm(packed)
            h, _ = nn.utils.rnn.pad_packed_sequence(h, batch_first=True, total_length=t)
            return h

        def nll(self, em: Any, tags: Any, mask: Any) -> Any:
            trans = self.trans + cast(torch.Tensor, self.trans_mask)
            start = self.start + cast(torch.Tensor, self.start_mask)
            b, t, _ = em.shape
            idx = torch.arange(b)
            maskf = mask.float()
            gold = start[tags[:, 0]] + (em.gather(2, tags[:, :, None])[:, :, 0] * maskf).sum(1)
            gold = gold + (trans[tags[:, :-1], tags[:, 1:]] * maskf[:, 1:]).sum(1)
            last = tags[idx, mask.sum(1) - 1]
            gold = gold + self.end[last]
            alpha = start[None, :] + em[:, 0]
            for i in range(1, t):
                nxt = torch.logsumexp(alpha[:, :, None] + trans[None] + em[:, i, None, :], dim=1)
                alpha = torch.where(mask[:, i, None], nxt, alpha)
            log_z = torch.logsumexp(alpha + self.end[None, :], dim=1)
            return (log_z - gold).sum()

    return BiLstmCrf()


def _batch(items: Sequence[Encoded], word_dropout: float, rng: random.Random) -> dict[str, Any]:
    import torch

    b = len(items)
    t = max(len(e.words) for e in items)
    c = max(len(ch) for e in items for ch in e.chars)
    words = torch.zeros(b, t, dtype=torch.long)
    words_clean = torch.zeros(b, t, dtype=torch.long)  # before word dropout (language-model targets)
    stems = torch.zeros(b, t, dtype=torch.long)
    chars = torch.zeros(b, t, c, dtype=torch.long)
    char_len = torch.ones(b, t, dtype=torch.long)
    shapes = torch.zeros(b, t, len(items[0].shapes[0]))
    tags = torch.zeros(b, t, dtype=torch.long)
    mask = torch.zeros(b, t, dtype=torch.bool)
    for i, e in enumerate(items):
        n = len(e.words)
        w, s = list(e.words), list(e.stems)
        if word_dropout > 0:
            for j in range(n):
                if rng.random() < word_dropout:
                    w[j] = s[j] = UNK
        words[i, :n] = torch.tensor(w)
        words_clean[i, :n] = torch.tensor(e.words)
        stems[i, :n] = torch.tensor(s)
        for j, ch in enumerate(e.chars):
            chars[i, j, :len(ch)] = torch.tensor(ch)
            char_len[i, j] = len(ch)
        shapes[i, :n] = torch.tensor(e.shapes)
        tags[i, :n] = torch.tensor(e.tags)
        mask[i, :n] = True
    lengths = torch.tensor([len(e.words) for e in items])
    return {"words": words, "words_clean": words_clean, "stems": stems, "chars": chars, "char_len": char_len, "shapes": shapes,
            "tags": tags, "mask": mask, "lengths": lengths}


class _WeightAverage:
    """Exponential moving average of a model's float weights, kept beside it."""

    def __init__(self, model: Any, decay: float) -> None:
        self.model = model
        self.decay = decay
        self.shadow = {k: v.detach().clone() for k, v in model.state_dict().items() if v.is_floating_point()}

    def update(self) -> None:
        for k, v in self.model.state_dict().items():
            if k in self.shadow:
                self.shadow[k].mul_(self.decay).add_(v.detach(), alpha=1.0 - self.decay)

    def swap_in(self) -> dict[str, Any]:
        """Load the averaged weights into the model; return the live ones to restore."""
        live = {k: v.detach().clone() for k, v in self.model.state_dict().items()}
        self.model.load_state_dict({**live, **self.shadow})
        return live


def export(model: Any, lex: Lexicon, out_dir: Path, meta: dict[str, Any]) -> None:
    """Write the numpy model directory (embedding table in float16 to halve its size)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    sd = {k: v.detach().cpu().numpy() for k, v in model.state_dict().items()}
    arrays = {
        "word_emb": sd["word_emb.weight"].astype(np.float16),
        "char_emb": sd["char_emb.weight"], "conv_w": sd["conv.weight"], "conv_b": sd["conv.bias"],
        "w_ih_f": sd["lstm.weight_ih_l0"], "w_hh_f": sd["lstm.weight_hh_l0"],
        "b_f": sd["lstm.bias_ih_l0"] + sd["lstm.bias_hh_l0"],
        "w_ih_b": sd["lstm.weight_ih_l0_reverse"], "w_hh_b": sd["lstm.weight_hh_l0_reverse"],
        "b_b": sd["lstm.bias_ih_l0_reverse"] + sd["lstm.bias_hh_l0_reverse"],
        "w_out": sd["out.weight"], "b_out": sd["out.bias"],
        "trans": sd["trans"], "start": sd["start"], "end": sd["end"],
    }
    np.savez_compressed(out_dir / WEIGHTS_FILE, **arrays)
    lex.save(out_dir / VOCAB_FILE)
    (out_dir / META_FILE).write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", "utf-8")


def train_neural(train: Sequence[TaggedSentence], dev: Sequence[TaggedSentence],
                 vectors: dict[str, np.ndarray], counts: dict[str, int], out_dir: Path,
                 config: NeuralConfig | None = None, meta: dict[str, Any] | None = None,
                 log: Callable[[str], None] = print,
                 name_lists: dict[str, frozenset[str]] | None = None,
                 lm_sentences: Sequence[Sequence[str]] = ()) -> NeuralTagger:
    """Train, keep the epoch with the best dev F1 (numpy tagger), write ``out_dir``.

    With no ``dev`` sentences every one of ``config.epochs`` epochs is trained and the last
    (averaged) weights are kept: the way to fold the dev split into training once a run with
    a dev split has chosen the epoch count. ``lm_sentences`` (tokenised unlabelled news)
    pretrain the LSTM as a language model first when ``config.lm_epochs`` > 0."""
    import torch

    from marsad.training.ner import evaluate

    if not train:
        raise ValueError("no training sentences")
    config = config or NeuralConfig()
    torch.manual_seed(config.seed)
    torch.set_num_threads(max(1, config.threads))
    rng = random.Random(config.seed)
    lex, table = build_lexicon(train, vectors, counts, config, name_lists)
    data = encode(train, lex)
    model = _torch_model(lex, table, config, vectors)
    if lm_sentences and config.lm_epochs > 0:
        from marsad.training.lm_pretrain import pretrain_lm

        lm_info = pretrain_lm(model, lex, table, lm_sentences, config, log)
    else:
        lm_info = {}
    params = [p for p in model.parameters() if p.requires_grad]
    emb = model.word_emb.weight
    groups: list[dict[str, Any]] = [{"params": [p for p in params if p is not emb]}]
    if emb.requires_grad:
        groups.append({"params": [emb], "lr": config.lr * config.embedding_lr_scale})
    opt = torch.optim.Adam(groups, lr=config.lr)
    order = sorted(range(len(data)), key=lambda i: len(data[i].words))
    batches = [order[i:i + config.batch_size] for i in range(0, len(order), config.batch_size)]
    averaged = _WeightAverage(model, config.ema) if config.ema > 0 else None
    started = time.perf_counter()
    best_f1, best_epoch, best_state = -1.0, 0, None
    history: list[dict[str, float | None]] = []
    for epoch in range(1, config.epochs + 1):
        model.train()
        rng.shuffle(batches)
        total = 0.0
        for idx in batches:
            batch = _batch([data[i] for i in idx], config.word_dropout, rng)
            em = model.emissions(batch["words"], batch["stems"], batch["chars"], batch["char_len"],
                                 batch["shapes"], batch["lengths"])
            loss = model.nll(em, batch["tags"], batch["mask"])
            opt.zero_grad()
            (loss / len(idx)).backward()
            torch.nn.utils.clip_grad_norm_(params, config.clip)
            opt.step()
            if averaged is not None:
                averaged.update()
            total += float(loss.detach())
        model.eval()
        live = averaged.swap_in() if averaged is not None else None
        f1: float | None = None
        if dev:
            with tempfile.TemporaryDirectory() as tmp:  # score what ships: the numpy tagger
                export(model, lex, Path(tmp), {})
                f1 = evaluate(NeuralTagger(tmp).tag, dev).scores.f1
        history.append({"epoch": epoch, "loss": round(total, 1), "dev_f1": None if f1 is None else round(f1, 4),
                        "seconds": round(time.perf_counter() - started, 1)})
        log(f"epoch {epoch}: loss {total:.1f}" + ("" if f1 is None else f" dev F1 {f1:.4f}")
            + f" ({time.perf_counter() - started:.0f} s)")
        if f1 is None or f1 > best_f1:  # no dev split: every epoch supersedes the one before
            best_f1, best_epoch = best_f1 if f1 is None else f1, epoch
            best_state = {k: v.clone() for k, v in model.state_dict().items()}
            export(model, lex, out_dir, {"partial": True, "best_epoch": epoch})  # survives an interruption
        if live is not None:
            model.load_state_dict(live)  # training continues from the live weights
        if epoch - best_epoch >= config.patience:
            break
    if best_state is not None:
        model.load_state_dict(best_state)
    info = dict(meta or {})
    info.update({"family": "bilstm-crf", "config": asdict(config), "best_epoch": best_epoch,
                 "dev_f1_best_epoch": round(best_f1, 4) if dev else None, "history": history,
                 "train_seconds": round(time.perf_counter() - started, 1),
                 "train_sentences": len(train), "train_tokens": sum(len(s.tokens) for s in train),
                 "vocabulary": len(lex.words), **lm_info})
    export(model, lex, out_dir, info)
    return NeuralTagger(out_dir)
