"""Character-aware BiLSTM-CRF named-entity tagger, run in pure numpy (no torch at run time).

Why a second model family: the CRF (``marsad.training.ner``) reaches its ceiling on names
that occur neither in ANERcorp nor in the cluster vocabulary. This tagger reads every
word through its letters (a character CNN) as well as through word vectors learned here
from unlabelled news, and a bidirectional LSTM gives each word the whole sentence as
context. It is trained with torch (:mod:`marsad.training.neural`) and exported to
``weights.npz``; this module only needs numpy.

Speed: everything that depends on a word alone — embeddings, character CNN, shape flags
*and* the LSTM's input projection — is computed once per distinct token string and
cached, so tagging a sentence is a row gather, the two LSTM recurrences (run side by
side) and a Viterbi pass.

A model directory holds ``weights.npz`` (arrays), ``vocab.json.gz`` (words, characters,
labels, news word counts, configuration) and ``meta.json`` (training record, scores).
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from marsad.training.features import fold, strip_proclitics
from marsad.training.ner import (
    RARE_WORD_COUNT,
    NerModel,
    NerModelError,
    propagate_names,
    viterbi,
    viterbi_many,
)

NN_MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "ner_nn"
WEIGHTS_FILE = "weights.npz"
VOCAB_FILE = "vocab.json.gz"
META_FILE = "meta.json"

PAD, UNK = 0, 1  # word and character ids
BOW, EOW = 2, 3  # character ids marking the word's edges
MAX_CHARS = 20  # longer words keep their first and last letters (clitics and suffixes)
N_SHAPE = 6  # shape flags before the name-list flags, see Lexicon.shape()
_CACHE_LIMIT = 200_000
_DIGIT = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]")
_LATIN = re.compile("[A-Za-z]")
_WORDISH = re.compile(r"\w")


class NeuralModelError(NerModelError):
    """A neural NER model directory is missing, incomplete or unreadable (names the path).

    A :class:`NerModelError`, so callers that handle the CRF's errors handle these too."""


@dataclass
class Lexicon:
    """What maps a token to model inputs; shared by training and inference so both see
    exactly the same ids.

    ``words``: folded words (index 0 PAD, 1 UNK); ``chars``: characters (0 PAD, 1 UNK,
    2 BOW, 3 EOW); ``counts``: news word counts that decide proclitic stripping
    (وبريطانيا → بريطانيا, but واشنطن stays whole); ``titles``: folded title words;
    ``name_lists``: folded words of name lists (gazetteers, lists induced from news), one
    flag per list in :meth:`shape` — they give names that neither ANERcorp nor the news
    vectors know well a type hint (an empty mapping for models trained without them).
    """

    words: list[str]
    chars: list[str]
    labels: list[str]
    counts: dict[str, int] = field(default_factory=dict)
    titles: frozenset[str] = frozenset()
    config: dict[str, Any] = field(default_factory=dict)
    name_lists: dict[str, frozenset[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.word_index = {w: i for i, w in enumerate(self.words)}
        self.char_index = {c: i for i, c in enumerate(self.chars)}
        self._lists = [self.name_lists[k] for k in sorted(self.name_lists)]
        self._forms: dict[str, tuple[str, str, str]] = {}

    def forms(self, token: str) -> tuple[str, str, str]:
        """(folded word, proclitics, word without them), remembered per token string: the
        ids, the letters, the flags and the document keys all start from them, and folding
        and clitic stripping were a third of a cold pass when each recomputed them."""
        got = self._forms.get(token)
        if got is None:
            if len(self._forms) > _CACHE_LIMIT:
                self._forms.clear()
            key = fold(token)
            prefix, stem = strip_proclitics(key, self.counts)
            got = self._forms[token] = (key, prefix, stem)
        return got

    @property
    def n_shape(self) -> int:
        """Length of :meth:`shape`: the six shape flags plus one per name list."""
        return N_SHAPE + len(self._lists)

    def word_ids(self, token: str) -> tuple[int, int]:
        """(id of the folded word, id of the word without proclitics); UNK when unknown."""
        key, _, stem = self.forms(token)
        return self.word_index.get(key, UNK), self.word_index.get(stem, UNK)

    def char_ids(self, token: str) -> list[int]:
        """BOW, letters of the folded word (first/last MAX_CHARS-2 kept), EOW."""
        key = self.forms(token)[0] or token
        room = MAX_CHARS - 2
        if len(key) > room:
            key = key[: room // 2] + key[-(room - room // 2):]
        return [BOW, *(self.char_index.get(c, UNK) for c in key), EOW]

    def shape(self, token: str) -> list[float]:
        """Binary flags: digit, Latin, punctuation, title word, definite stem, clitic split,
        then one per name list (sorted by name): the word or its stem is in the list."""
        key, prefix, stem = self.forms(token)
        return [float(bool(_DIGIT.search(token))), float(bool(_LATIN.search(token))),
                float(not _WORDISH.search(token)), float(key in self.titles or stem in self.titles),
                float(stem.startswith("ال")), float(bool(prefix)),
                *(float(key in names or stem in names) for names in self._lists)]

    def to_json(self) -> dict[str, Any]:
        return {"format": 1, "words": self.words, "chars": self.chars, "labels": self.labels,
                "counts": [self.counts.get(w, 0) for w in self.words], "extra_counts": {
                    w: c for w, c in self.counts.items() if w not in self.word_index},
                "titles": sorted(self.titles), "config": self.config,
                "name_lists": {k: sorted(v) for k, v in sorted(self.name_lists.items())}}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Lexicon:
        if data.get("format") != 1:
            raise ValueError(f"unsupported vocabulary format {data.get('format')!r}")
        words = list(data["words"])
        counts = {w: int(c) for w, c in zip(words, data["counts"]) if c}
        counts.update({w: int(c) for w, c in data.get("extra_counts", {}).items()})
        return cls(words, list(data["chars"]), list(data["labels"]), counts,
                   frozenset(data.get("titles", ())), dict(data.get("config", {})),
                   {k: frozenset(v) for k, v in data.get("name_lists", {}).items()})

    def save(self, path: Path) -> None:
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
            json.dump(self.to_json(), fh, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def load(cls, path: Path) -> Lexicon:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return cls.from_json(json.load(fh))


def _run_lstms(projections: Sequence[Sequence[np.ndarray]], w_hh: np.ndarray, hdim: int
               ) -> list[list[np.ndarray]]:
    """BiLSTM states of several sentences and several models, all stepped together.

    ``projections[k][m]``: the input projections of sentence ``k`` under model ``m`` (tokens x
    8H: forward gates, then backward gates); ``w_hh``: the recurrent weights of every model's
    two chains stacked (2 per model, forward then backward, each H x 4H, gates i, f, o
    pre-halved, see ``NeuralTagger``). Returns ``states[k][m]``, tokens x 2H (forward ⊕
    backward). One matrix product per step serves every chain: per step the time goes to
    numpy's call overhead, not to arithmetic, so a document's sentences (and an ensemble's
    members) cost about what one sentence costs. Shorter sentences are padded at the end of
    both chains (the backward chain reads the sentence reversed), where padding cannot reach
    the states of real tokens."""
    n_sent, chains = len(projections), w_hh.shape[0]
    lengths = [p[0].shape[0] for p in projections]
    n = max(lengths)
    gates_in = np.zeros((n, n_sent, chains, 1, 4 * hdim), dtype=np.float32)
    for k, per_model in enumerate(projections):
        for m, proj in enumerate(per_model):
            gates_in[: lengths[k], k, 2 * m, 0] = proj[:, : 4 * hdim]
            gates_in[: lengths[k], k, 2 * m + 1, 0] = proj[::-1, 4 * hdim:]
    h = np.zeros((n_sent, chains, 1, hdim), dtype=np.float32)
    c = np.zeros((n_sent, chains, 1, hdim), dtype=np.float32)
    out = np.empty((n, n_sent, chains, hdim), dtype=np.float32)
    h2, h3 = 2 * hdim, 3 * hdim
    for t in range(n):
        z = np.tanh(gates_in[t] + np.matmul(h, w_hh))  # i, f, o: tanh(x/2); g: tanh(x)
        gate = z * 0.5 + 0.5  # sigmoid for i, f, o
        c = gate[..., hdim:h2] * c + gate[..., :hdim] * z[..., h2:h3]
        h = gate[..., h3:] * np.tanh(c)
        out[t] = h[:, :, 0]
    return [[np.concatenate([out[: lengths[k], k, 2 * m], out[lengths[k] - 1::-1, k, 2 * m + 1]], axis=1)
             for m in range(len(projections[k]))] for k in range(n_sent)]


_BATCH = 32  # sentences stepped together (sorted by length, so little padding)


def _batches(sentences: Sequence[Sequence[str]]) -> list[list[int]]:
    """Indices of the non-empty sentences in groups of similar length."""
    order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
    return [order[i:i + _BATCH] for i in range(0, len(order), _BATCH)]


def allowed_transitions(labels: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Tag-scheme constraints as (transition mask L x L, start mask L). Training and decoding
    both use them.

    IOB2: ``I-X`` only after ``B-X``/``I-X``, never first. BIOES (labels with ``E-``/``S-``):
    ``I-X``/``E-X`` only after ``B-X``/``I-X``, never first; ``B``, ``S`` and ``O`` only after
    ``O``, ``E`` or ``S`` (a ``B`` or ``I`` must be continued)."""
    n = len(labels)
    trans = np.ones((n, n), dtype=bool)
    start = np.ones(n, dtype=bool)
    bioes = is_bioes(labels)
    for j, lbl in enumerate(labels):
        inside = lbl.startswith(("I-", "E-")) if bioes else lbl.startswith("I-")
        for i, prev in enumerate(labels):
            if inside:
                trans[i, j] = prev[2:] == lbl[2:] and prev.startswith(("B-", "I-"))
            elif bioes:
                trans[i, j] = not prev.startswith(("B-", "I-"))
        if inside:
            start[j] = False
    return trans, start


def is_bioes(labels: Sequence[str]) -> bool:
    """Does the label set mark single-token names (``S-``) and name ends (``E-``)?"""
    return any(lbl.startswith(("S-", "E-")) for lbl in labels)


def to_bioes(tags: Sequence[str]) -> list[str]:
    """IOB2 → BIOES: a name's last token becomes ``E-`` (``S-`` when it is also its first)."""
    out = list(tags)
    for i, tag in enumerate(tags):
        if tag == "O":
            continue
        ends = i + 1 == len(tags) or tags[i + 1] != f"I-{tag[2:]}"
        if ends:
            out[i] = ("S-" if tag.startswith("B-") else "E-") + tag[2:]
    return out


def to_iob2(label: str) -> str:
    """BIOES label → IOB2 label (``S-X`` → ``B-X``, ``E-X`` → ``I-X``; others unchanged)."""
    if label.startswith("S-"):
        return "B-" + label[2:]
    if label.startswith("E-"):
        return "I-" + label[2:]
    return label


class NeuralTagger:
    """Loaded BiLSTM-CRF: tokens in, IOB2 tags out (numpy forward pass, per-word cache)."""

    def __init__(self, directory: Path | str) -> None:
        _one_blas_thread()
        directory = Path(directory)
        missing = [f for f in (WEIGHTS_FILE, VOCAB_FILE) if not (directory / f).is_file()]
        if missing:
            raise NeuralModelError(f"{directory}: not a neural NER model directory "
                                   f"(missing {', '.join(missing)})")
        self.directory = directory
        try:
            self.lexicon = Lexicon.load(directory / VOCAB_FILE)
            with np.load(directory / WEIGHTS_FILE, allow_pickle=False) as data:
                w = {k: data[k].astype(np.float32) for k in data.files}
        except (OSError, ValueError, KeyError, json.JSONDecodeError) as exc:
            raise NeuralModelError(f"{directory}: cannot read the neural NER model ({exc})") from None
        self.labels = self.lexicon.labels
        # what the tagger answers: IOB2 whatever scheme the model was trained in
        self.output_labels = [to_iob2(lbl) for lbl in self.labels]
        self.hidden = int(w["w_hh_f"].shape[1])
        self.emb = w["word_emb"]
        self.char_emb = w["char_emb"]
        self.conv_w = w["conv_w"]  # filters x char_dim x width (torch Conv1d layout)
        self.conv_b = w["conv_b"]
        # input projection of both directions in one matrix: word vector -> 8H. The gate
        # columns i, f, o are halved so that one tanh over all gates gives tanh(z/2) there,
        # and sigmoid(z) = (1 + tanh(z/2)) / 2: one transcendental call per LSTM step.
        hdim = self.hidden
        half = np.ones(4 * hdim, dtype=np.float32)
        half[: 2 * hdim] = 0.5
        half[3 * hdim:] = 0.5
        self.w_in = np.concatenate([w["w_ih_f"].T * half, w["w_ih_b"].T * half], axis=1)
        self.b_in = np.concatenate([w["b_f"] * half, w["b_b"] * half])
        self.w_hh = np.stack([w["w_hh_f"].T * half, w["w_hh_b"].T * half])  # 2 x H x 4H
        self.w_out = w["w_out"].T
        self.b_out = w["b_out"]
        trans_ok, start_ok = allowed_transitions(self.labels)
        self.trans = np.where(trans_ok, w["trans"], -1e4).astype(np.float32)
        self.start = np.where(start_ok, w["start"], -1e4).astype(np.float32)
        self.end = w["end"]
        self._cache: dict[str, np.ndarray] = {}
        meta_path = directory / META_FILE
        self.meta: dict[str, Any] = json.loads(meta_path.read_text("utf-8")) if meta_path.is_file() else {}

    # words -------------------------------------------------------------------------
    def word_vectors(self, tokens: Sequence[str]) -> np.ndarray:
        """Each word's input to the LSTM (rows): word and stem embeddings, character CNN
        (max over positions of ReLU(conv)), shape flags and unknown-word flags. Done for
        many words at once because the per-call overhead of numpy dominates otherwise."""
        lex = self.lexicon
        ids = [lex.word_ids(t) for t in tokens]
        chars = [lex.char_ids(t) for t in tokens]
        filters, _, width = self.conv_w.shape
        pad = width // 2
        longest = max(len(c) for c in chars)
        grid = np.zeros((len(tokens), longest + 2 * pad), dtype=np.intp)  # PAD = 0 around and after
        for i, c in enumerate(chars):
            grid[i, pad:pad + len(c)] = c
        x = self.char_emb[grid]  # words x (longest + 2 pad) x char_dim
        # windows: words x positions x (char_dim * width), laid out like conv_w reshaped
        windows = np.stack([x[:, k:k + longest] for k in range(width)], axis=3).reshape(len(tokens), longest, -1)
        conv = np.maximum(windows @ self.conv_w.reshape(filters, -1).T + self.conv_b, 0.0)
        lengths = np.array([len(c) for c in chars])
        conv *= (np.arange(longest)[None, :] < lengths[:, None])[:, :, None]  # positions past the word
        char_vec = conv.max(axis=1)
        wid = np.array([w for w, _ in ids], dtype=np.intp)
        sid = np.array([s for _, s in ids], dtype=np.intp)
        flags = np.array([[*lex.shape(t), float(w == UNK), float(s == UNK)] for t, (w, s) in zip(tokens, ids)],
                         dtype=np.float32)
        return np.concatenate([self.emb[wid], self.emb[sid], char_vec, flags], axis=1)

    def _project_new(self, sentences: Sequence[Sequence[str]]) -> None:
        """Compute and cache the LSTM input projections of every token of ``sentences`` not
        seen before, in one batch: the character CNN and the projection then run once per
        document instead of once per sentence (numpy's per-call cost dominated cold tagging)."""
        cache = self._cache
        new = list(dict.fromkeys(t for s in sentences for t in s if t not in cache))
        if new:
            if len(cache) + len(new) > _CACHE_LIMIT:
                cache.clear()
            rows = (self.word_vectors(new) @ self.w_in + self.b_in).astype(np.float32)
            for t, row in zip(new, rows):
                cache[t] = row

    def _projected(self, tokens: Sequence[str]) -> np.ndarray:
        """LSTM input projections (tokens x 8H) of a sentence whose batch went through
        :meth:`_project_new` first (every token is cached then; gathered here, not recomputed)."""
        return np.stack([self._cache[t] for t in tokens])

    def clear_cache(self) -> None:
        """Forget every word seen (projections and word forms): what a cold start sees."""
        self._cache.clear()
        self.lexicon._forms.clear()

    # a sentence --------------------------------------------------------------------
    def emissions(self, tokens: Sequence[str]) -> np.ndarray:
        """Label scores per token (tokens x labels) from the BiLSTM."""
        return self.emissions_many([tokens])[0]

    def emissions_many(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """:meth:`emissions` of several non-empty sentences, their LSTMs stepped together."""
        self._project_new(sentences)
        states = _run_lstms([[self._projected(s)] for s in sentences], self.w_hh, self.hidden)
        return [st[0] @ self.w_out + self.b_out for st in states]

    def decode(self, emissions: np.ndarray) -> list[str]:
        """Viterbi with start/end scores and the tag scheme's constraints (built into ``trans``),
        answered in IOB2."""
        return [self.output_labels[i] for i in viterbi(emissions, self.trans, self.start, self.end)]

    @property
    def counts(self) -> dict[str, int]:
        """News word counts (what :func:`marsad.extract.entities.canonical_name` needs)."""
        return self.lexicon.counts

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """IOB2 tags for one sentence's tokens."""
        if not tokens:
            return []
        return self.decode(self.emissions(tokens))

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """IOB2 tags of several sentences; batches of similar length share the LSTM steps
        (the same tags as :meth:`tag` one by one, several times faster)."""
        tags: list[list[str]] = [[] for _ in sentences]
        for batch in _batches(sentences):
            paths = viterbi_many(self.emissions_many([sentences[i] for i in batch]), self.trans, self.start, self.end)
            for i, path in zip(batch, paths):
                tags[i] = [self.output_labels[j] for j in path]
        return tags

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tag one document's sentences, then *one name, one type per document*
        (the same second pass as the CRF model, :func:`marsad.training.ner.propagate_names`)."""
        return propagate_names(sentences, self.tag_many(sentences), self._key, self._reliable,
                               self._surname, self._plain)

    def _key(self, tokens: Sequence[str], start: int, end: int) -> tuple[str, ...]:
        forms = self.lexicon.forms
        return (forms(tokens[start])[2], *(forms(t)[0] for t in tokens[start + 1:end]))

    def _reliable(self, key: tuple[str, ...]) -> bool:
        if len(key) > 1:
            return True
        return len(key[0]) > 2 and self.lexicon.counts.get(key[0], 0) < RARE_WORD_COUNT

    def _surname(self, tokens: Sequence[str], i: int, key: tuple[str, ...]) -> bool:
        """A frequent last word of a person's name that still names that person alone
        (ترامب، أردوغان، سلمان): not a definite word (those are the adjectives and nouns a
        name may end in — العربي، الجديد), not the second part of a compound given name
        (عبد الله، نصر الله، نور الدين), and not among the very frequent words at all."""
        word = key[0]
        if len(word) < 3 or word.startswith("ال") or word in _NAME_TAILS \
                or self.lexicon.counts.get(word, 0) >= SURNAME_WORD_COUNT:
            return False
        return i == 0 or self.lexicon.forms(tokens[i - 1])[0] not in _COMPOUND_HEADS

    def _plain(self, token: str) -> bool:
        """No proclitic but the conjunction و: where an admitted surname may be written."""
        return self.lexicon.forms(token)[1] in ("", "و")


SURNAME_WORD_COUNT = 15000
"""A person's last word that the news has this often or more is not propagated alone
(above it stand the function words a folded surname can collide with: علي/على)."""
_NAME_TAILS = frozenset(fold(w) for w in ("الله", "الدين", "الرحمن", "الرحيم", "العزيز", "الكريم", "الحق"))
_COMPOUND_HEADS = frozenset(fold(w) for w in ("عبد", "أبو", "أبي", "ابن", "بن", "بنت", "آل", "أم", "ذو"))

ENSEMBLE_FILE = "ensemble.json"


class NeuralEnsemble(NeuralTagger):
    """Several BiLSTM-CRF taggers scored as one CRF (a product of experts).

    A sequence's score is the sum of the members' scores, so summing their emissions,
    transitions and start/end scores and running one Viterbi finds the tag sequence the
    members agree on best. Members trained from different seeds or word vectors make
    different mistakes; the price is one forward pass per member.

    The directory holds ``ensemble.json`` (``{"members": ["a", "b"]}``, sub-directories
    that are ordinary neural model directories) and usually a ``meta.json``.
    """

    def __init__(self, directory: Path | str) -> None:  # not super().__init__: that loads one model
        _one_blas_thread()
        directory = Path(directory)
        try:
            spec = json.loads((directory / ENSEMBLE_FILE).read_text("utf-8"))
            names = [str(n) for n in spec["members"]]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise NeuralModelError(f"{directory}: cannot read {ENSEMBLE_FILE} ({exc})") from None
        if not names:
            raise NeuralModelError(f"{directory}: {ENSEMBLE_FILE} lists no members")
        self.members = [NeuralTagger(directory / n) for n in names]
        first = self.members[0]
        if any(m.labels != first.labels for m in self.members):
            raise NeuralModelError(f"{directory}: ensemble members have different label sets")
        if any(m.hidden != first.hidden for m in self.members):
            raise NeuralModelError(f"{directory}: ensemble members have different LSTM sizes")
        self.hidden = first.hidden
        self.w_hh = np.concatenate([m.w_hh for m in self.members])  # all chains, stepped together
        self.directory = directory
        self.lexicon = first.lexicon  # news counts for clitic stripping and the name keys
        self.labels = first.labels
        self.output_labels = first.output_labels
        self.trans = sum((m.trans for m in self.members), np.zeros_like(first.trans))
        self.start = sum((m.start for m in self.members), np.zeros_like(first.start))
        self.end = sum((m.end for m in self.members), np.zeros_like(first.end))
        meta_path = directory / META_FILE
        self.meta = json.loads(meta_path.read_text("utf-8")) if meta_path.is_file() else {}

    def clear_cache(self) -> None:
        for member in self.members:
            member.clear_cache()

    def emissions_many(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Sum of the members' label scores per sentence; every member's LSTMs for every
        sentence step together (:func:`_run_lstms`)."""
        for m in self.members:
            m._project_new(sentences)
        states = _run_lstms([[m._projected(s) for m in self.members] for s in sentences], self.w_hh, self.hidden)
        return [sum((st @ m.w_out + m.b_out for st, m in zip(per_model, self.members)),
                    np.zeros((len(s), len(self.labels)), dtype=np.float32))
                for s, per_model in zip(sentences, states)]


def _one_blas_thread() -> None:
    """Keep numpy's BLAS on one thread for this process.

    The tagger multiplies one sentence at a time (tiny matrices), where extra BLAS threads
    only add synchronisation: on this 2-core machine under load the dev split ran at
    3,400 tokens/s with the default threads and 28,900 with one. Marsad's pipeline is
    one core per process by design (ingest workers, Dask workers), so this costs nothing."""
    from threadpoolctl import threadpool_limits

    threadpool_limits(limits=1, user_api="blas")


def is_neural_model(directory: Path | str) -> bool:
    """Whether ``directory`` holds a BiLSTM-CRF model or an ensemble of them (rather
    than a CRF one)."""
    directory = Path(directory)
    if (directory / ENSEMBLE_FILE).is_file():
        return True
    return (directory / WEIGHTS_FILE).is_file() and (directory / VOCAB_FILE).is_file() \
        and not (directory / "ner.crfsuite").is_file()


def load_ner(directory: Path | str) -> NerModel | NeuralTagger:
    """Load whichever model family ``directory`` holds (the files tell: a CRF directory
    has ``ner.crfsuite``, a neural one ``vocab.json.gz``); both offer ``tag`` and
    ``tag_document``. Raises :class:`NerModelError` for anything else."""
    if (Path(directory) / ENSEMBLE_FILE).is_file():
        return NeuralEnsemble(directory)
    if is_neural_model(directory):
        return NeuralTagger(directory)
    return NerModel(Path(directory))
