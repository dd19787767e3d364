"""Train, load and evaluate Marsad's CRF named-entity tagger.

A model is a directory with three files:

* ``ner.crfsuite`` — the CRFsuite model (L1+L2 regularised, so unused features drop out);
* ``resources.json.gz`` — gazetteers, word clusters, word counts and title words
  compiled at training time (see :class:`marsad.training.features.Resources`);
* ``weights.npz`` — the same weights as arrays, for :class:`FastCrf`: a Viterbi decoder in
  numpy that skips python-crfsuite's per-call string conversion (about twice as fast,
  and identical output, which a test checks against CRFsuite itself);
* ``meta.json`` — how it was trained (data, hashes, parameters) and its dev scores.

The CRF was chosen over the alternatives by measurement (see ``MODEL_CARD.md``).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pycrfsuite

from marsad.training.clusters import ClusterModel
from marsad.training.conll import TaggedSentence, read_conll, split_dev
from marsad.training.features import FeatureExtractor, Resources
from marsad.training.gazetteers import compile_gazetteers
from marsad.training.scoring import Scores

MODEL_FILE = "ner.crfsuite"
WEIGHTS_FILE = "weights.npz"
RESOURCES_FILE = "resources.json.gz"
META_FILE = "meta.json"
SHIPPED_MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "ner"


class NerModelError(RuntimeError):
    """A NER model directory is missing or incomplete (message names the path)."""


def shared_data_dir(repo_root: Path | None = None) -> Path:
    """``$MARSAD_DATA``, else ``../shared/data`` beside the repository checkout."""
    env = os.environ.get("MARSAD_DATA")
    if env:
        return Path(env)
    root = repo_root or Path(__file__).resolve().parents[3]
    return root.parent / "shared" / "data"


def anercorp_train_file() -> Path:
    """The ANERcorp train file (CAMeL Lab split) in the shared data: what the NER benchmarks
    and the held-out check read, its last 10% being the dev split (may not exist on a user's
    machine; callers say so and skip)."""
    return shared_data_dir() / "ner" / "anercorp" / "ANERCorp_CamelLab_train.txt"


def anercorp_split(path: Path | None = None) -> tuple[list[TaggedSentence], list[TaggedSentence]]:
    """The ANERcorp train file as every NER figure here splits it: the first 90% of its
    sentences, and the last 10% (the dev split; the split the official test part mirrors)."""
    sentences, _ = read_conll(path or anercorp_train_file())
    return split_dev(sentences, 0.1)


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# ------------------------------------------------------------------ resources


def build_resources(gazetteer_dir: Path | None, clusters: ClusterModel | None,
                    use_gazetteers: bool = True, use_clusters: bool = True,
                    rich_clusters: bool = False, vector_dims: int = 0, vector_scale: float = 0.1,
                    extras: Sequence[str] = ()) -> Resources:
    """Assemble the lexical resources a model is trained with (and will ship).

    ``vector_dims > 0`` keeps the first dimensions of the clusters' SVD word vectors as
    real-valued features, each dimension scaled to standard deviation ``vector_scale``
    (small values keep the dense weights on the same footing as binary features).
    """
    from marsad.extract.titles import TITLE_WORDS

    if vector_dims > 0 and clusters is None:
        raise ValueError("word-vector features need a cluster file that has word vectors (--clusters)")

    res = Resources(titles=set(TITLE_WORDS), use_gazetteers=use_gazetteers and gazetteer_dir is not None,
                    use_clusters=use_clusters and clusters is not None, rich_clusters=rich_clusters)
    if res.use_gazetteers and gazetteer_dir is not None:
        singles, phrases, sizes = compile_gazetteers(gazetteer_dir)
        res.gazetteers, res.phrases = singles, phrases
        res.meta["gazetteer_sizes"] = sizes
    if clusters is not None:
        # counts drive proclitic stripping even when cluster features are off
        res.counts = dict(clusters.counts)
        if res.use_gazetteers and clusters.lexicons:
            for cls, words in clusters.lexicons.items():
                res.gazetteers["x" + cls] = set(words)  # induced lists: feature names gxORG ...
        if res.use_clusters:
            res.clusters = dict(clusters.clusters)
            res.cluster_levels = tuple(clusters.levels)
        res.meta["clusters"] = dict(clusters.meta)
        if vector_dims > 0:
            if clusters.vectors is None:
                raise ValueError("the cluster file has no word vectors (retrain it with `marsad train clusters`)")
            vecs = np.asarray(clusters.vectors[:, :vector_dims], dtype=np.float32)
            std = vecs.std(axis=0, keepdims=True)
            res.vector_matrix = (vecs / np.where(std == 0, 1.0, std) * vector_scale).astype(np.float32)
            res.vector_words = {w: i for i, w in enumerate(clusters.clusters)}
            res.meta["vectors"] = {"dims": int(vecs.shape[1]), "scale": vector_scale,
                                   "offsets": list(res.vector_offsets)}
    res.extras = tuple(extras)
    return res


# ------------------------------------------------------------------ fast decoding


def export_weights(model_file: Path, out_file: Path) -> None:
    """Dump a CRFsuite model's state and transition weights to ``.npz`` arrays."""
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model_file))
    info = tagger.info()
    labels = list(tagger.labels())
    label_index = {lbl: i for i, lbl in enumerate(labels)}
    attrs = sorted({a for a, _ in info.state_features})
    attr_index = {a: i for i, a in enumerate(attrs)}
    weights = np.zeros((len(attrs) + 1, len(labels)), dtype=np.float32)  # last row: zeros
    for (attr, label), w in info.state_features.items():
        weights[attr_index[attr], label_index[label]] = w
    trans = np.zeros((len(labels), len(labels)), dtype=np.float32)
    for (a, b), w in info.transitions.items():
        trans[label_index[a], label_index[b]] = w
    np.savez_compressed(out_file, attrs=np.array(attrs, dtype=str), labels=np.array(labels, dtype=str),
                        weights=weights, transitions=trans)


class FastCrf:
    """First-order linear-chain CRF decoding (Viterbi) over exported weights.

    Attributes are mapped to weight rows once per distinct word (the caller caches the
    row lists), so tagging a sentence is a gather, a segment sum and a short loop.
    """

    def __init__(self, path: Path) -> None:
        with np.load(path, allow_pickle=False) as data:
            attrs = [str(a) for a in data["attrs"]]
            self.labels = [str(lbl) for lbl in data["labels"]]
            self.weights = data["weights"]
            self.transitions = data["transitions"]
        self.index = {a: i for i, a in enumerate(attrs)}
        self.zero_row = len(attrs)

    def rows(self, features: Sequence[str]) -> list[int]:
        index = self.index
        return [index[f] for f in features if f in index]

    def dense_weights(self, names: Sequence[str]) -> np.ndarray:
        """Weight matrix (len(names) x labels) of real-valued features (zeros if unused)."""
        rows = [self.index.get(nm, self.zero_row) for nm in names]
        return np.ascontiguousarray(self.weights[rows])

    def decode(self, token_rows: Sequence[Sequence[int]], dense: np.ndarray | None = None,
               dense_weights: np.ndarray | None = None) -> list[str]:
        """Best label sequence; ``dense`` (tokens x features) times ``dense_weights``
        adds the real-valued features' scores."""
        n = len(token_rows)
        if n == 0:
            return []
        flat: list[int] = []
        starts: list[int] = []
        for rows in token_rows:
            starts.append(len(flat))
            flat.append(self.zero_row)  # keeps every segment non-empty
            flat.extend(rows)
        emissions = np.add.reduceat(self.weights[flat], starts, axis=0)
        if dense is not None and dense_weights is not None and dense_weights.size:
            emissions = emissions + dense @ dense_weights
        if n == 1:
            return [self.labels[int(emissions[0].argmax())]]
        return [self.labels[i] for i in viterbi(emissions, self.transitions)]


def viterbi(emissions: np.ndarray, trans: np.ndarray, start: np.ndarray | None = None,
            end: np.ndarray | None = None) -> list[int]:
    """Best label path of a linear-chain model: ``emissions`` is tokens x labels,
    ``trans[i, j]`` the score of label j after label i; optional start/end scores.
    Shared by the CRF and the BiLSTM-CRF decoders (constraints live in ``trans``)."""
    n, labels = emissions.shape
    columns = np.arange(labels)
    back = np.empty((n, labels), dtype=np.intp)
    delta = emissions[0] if start is None else start + emissions[0]
    for t in range(1, n):
        cand = delta[:, None] + trans
        best_prev = cand.argmax(axis=0)
        back[t] = best_prev
        delta = cand[best_prev, columns] + emissions[t]
    best = int((delta if end is None else delta + end).argmax())
    path = [best]
    for t in range(n - 1, 0, -1):
        best = int(back[t, best])
        path.append(best)
    return path[::-1]


def viterbi_many(emissions: Sequence[np.ndarray], trans: np.ndarray, start: np.ndarray,
                 end: np.ndarray) -> list[list[int]]:
    """:func:`viterbi` of several sentences at once (the same paths): one numpy step per
    token position serves every sentence, shorter ones keep their scores once they end."""
    if not emissions:
        return []
    lengths = np.array([len(e) for e in emissions])
    k, n, labels = len(emissions), int(lengths.max()), trans.shape[0]
    em = np.zeros((k, n, labels), dtype=np.float32)
    for i, e in enumerate(emissions):
        em[i, : len(e)] = e
    back = np.zeros((n, k, labels), dtype=np.intp)
    delta = start + em[:, 0]
    for t in range(1, n):
        cand = delta[:, :, None] + trans  # sentence x previous x next
        best_prev = cand.argmax(axis=1)
        back[t] = best_prev
        stepped = np.take_along_axis(cand, best_prev[:, None, :], axis=1)[:, 0] + em[:, t]
        delta = np.where((t < lengths)[:, None], stepped, delta)
    finals = (delta + end).argmax(axis=1)
    paths = []
    for i in range(k):
        best = int(finals[i])
        path = [best]
        for t in range(int(lengths[i]) - 1, 0, -1):
            best = int(back[t, i, best])
            path.append(best)
        paths.append(path[::-1])
    return paths


# ------------------------------------------------------------------ model


class NerModel:
    """A loaded tagger: tokens in, IOB2 tags out (features computed inside)."""

    def __init__(self, directory: Path) -> None:
        directory = Path(directory)
        missing = [f for f in (MODEL_FILE, WEIGHTS_FILE, RESOURCES_FILE) if not (directory / f).is_file()]
        if missing:
            raise NerModelError(f"{directory}: not a NER model directory (missing {', '.join(missing)})")
        self.directory = directory
        self.resources = Resources.load(directory / RESOURCES_FILE)
        self.extractor = FeatureExtractor(self.resources)
        try:
            self.crf = FastCrf(directory / WEIGHTS_FILE)
        except (OSError, ValueError, KeyError) as exc:
            raise NerModelError(f"{directory / WEIGHTS_FILE}: cannot read CRF weights ({exc})") from None
        self._dense_weights = (self.crf.dense_weights(self.extractor.vector_names())
                               if self.resources.use_vectors else None)
        meta_path = directory / META_FILE
        self.meta: dict[str, Any] = json.loads(meta_path.read_text("utf-8")) if meta_path.is_file() else {}

    def tag(self, tokens: Sequence[str]) -> list[str]:
        """IOB2 tags for one sentence's tokens (numpy Viterbi over the exported weights)."""
        if not tokens:
            return []
        rows = self.extractor.sentence_rows(tokens, self.crf)
        if self._dense_weights is None:
            return self.crf.decode(rows)
        return self.crf.decode(rows, self.extractor.sentence_vectors(tokens), self._dense_weights)

    def crfsuite_tag(self, tokens: Sequence[str]) -> list[str]:
        """The same tags computed by CRFsuite itself (slower; used to check :meth:`tag`)."""
        tagger = pycrfsuite.Tagger()
        tagger.open(str(self.directory / MODEL_FILE))
        try:
            items = pycrfsuite.ItemSequence(self.extractor.sentence_items(tokens))
            return list(tagger.tag(items)) if tokens else []
        finally:
            tagger.close()

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return [self.tag(s) for s in sentences]

    def tag_document(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """Tag the sentences of one document, then apply *one name, one type per document*.

        A name the CRF found in one sentence is often missed where the same article
        repeats it in a weaker context («البنك التجاري» found once, missed twice). After
        the first pass, every untagged occurrence of a name already tagged in the same
        document gets that name's majority type, and a person's last name alone is
        tagged as that person (صامويل إيتو ... وأضاف إيتو). Only names that cannot be ordinary
        words take part: several tokens, or one rare token (see :meth:`_reliable`).
        """
        tags = [self.tag(s) for s in sentences]
        return propagate_names(sentences, tags, self._key, self._reliable)

    def _key(self, tokens: Sequence[str], start: int, end: int) -> tuple[str, ...]:
        info = self.extractor._info
        return (info(tokens[start]).stem, *(info(t).key for t in tokens[start + 1:end]))

    def _reliable(self, key: tuple[str, ...]) -> bool:
        if len(key) > 1:
            return True
        word = key[0]
        return len(word) > 2 and self.resources.counts.get(word, 0) < RARE_WORD_COUNT


RARE_WORD_COUNT = 2000
"""A one-token name takes part in document propagation only if the news corpus has it
fewer times than this: frequent words (الشمال، العربي) are names only in context."""
MAX_NAME_TOKENS = 4


def propagate_names(sentences: Sequence[Sequence[str]], tags: list[list[str]],
                    key: Callable[[Sequence[str], int, int], tuple[str, ...]],
                    reliable: Callable[[tuple[str, ...]], bool],
                    surname: Callable[[Sequence[str], int, tuple[str, ...]], bool] | None = None,
                    plain: Callable[[str], bool] | None = None) -> list[list[str]]:
    """Second pass of :meth:`NerModel.tag_document` (pure function, unit-tested).

    ``key(tokens, start, end)`` must begin with the same first element for every ``end``
    (the first word's form, then the others'): a position whose one-word key starts no
    remembered name is skipped at once, which spares the n-gram keys of almost every word
    (they cost more than the tagging itself on a cold cache).

    ``surname(tokens, i, key)`` may admit the last word ``tokens[i]`` of a person's name that
    ``reliable`` refuses for being frequent in the news («دونالد ترامب» … «وانتقد ترامب»: the
    tagger often misses the bare surname, and a frequent one is the one most quoted); such a
    word is then written only where ``plain(token)`` holds (no proclitic but و), so the name's
    word is not read into «لصالح» after «علي عبد الله صالح»."""
    from collections import Counter

    from marsad.training.scoring import tag_spans

    memory: dict[tuple[str, ...], Counter[str]] = {}
    firm: set[tuple[str, ...]] = set()
    for tokens, sent_tags in zip(sentences, tags):
        for s, e, etype in tag_spans(sent_tags):
            parts = [(s, e)] if e - s <= MAX_NAME_TOKENS else []
            if etype == "PERS" and e - s >= 2:
                parts.append((e - 1, e))  # a person is later called by the last name alone
            for a, b in parts:
                k = key(tokens, a, b)
                if reliable(k):
                    memory.setdefault(k, Counter())[etype] += 1
                    firm.add(k)
                elif surname is not None and etype == "PERS" and (a, b) == (e - 1, e) and e - s >= 2 \
                        and surname(tokens, a, k):
                    memory.setdefault(k, Counter())[etype] += 1
    if not memory:
        return tags
    longest = max(len(k) for k in memory)
    firsts = {k[0] for k in memory}
    out: list[list[str]] = []
    for tokens, sent_tags in zip(sentences, tags):
        new = list(sent_tags)
        i = 0
        while i < len(tokens):
            done = False
            if new[i] != "O" or key(tokens, i, i + 1)[0] not in firsts:
                i += 1
                continue
            for n in range(min(longest, len(tokens) - i), 0, -1):
                if any(t != "O" for t in new[i:i + n]):
                    continue
                # the name must not continue into a neighbouring entity
                if i + n < len(tokens) and new[i + n].startswith("I-"):
                    continue
                k = key(tokens, i, i + n)
                seen = memory.get(k)
                if seen and k not in firm and plain is not None and not plain(tokens[i]):
                    seen = None  # an admitted surname, here with a proclitic other than و
                if seen:
                    etype = seen.most_common(1)[0][0]
                    new[i:i + n] = ["B-" + etype] + ["I-" + etype] * (n - 1)
                    i += n
                    done = True
                    break
            if not done:
                i += 1
        out.append(new)
    return out


@dataclass
class Evaluation:
    scores: Scores
    tokens_per_second: float
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        out = self.scores.as_dict()
        out["tokens_per_second"] = self.tokens_per_second
        return out


def evaluate(tagger: Callable[[Sequence[str]], list[str]], sentences: Sequence[TaggedSentence],
             document: Callable[[Sequence[Sequence[str]]], list[list[str]]] | None = None,
             doc_size: int = 0) -> Evaluation:
    """Tag every sentence and score it; the timing covers feature extraction + tagging.

    With ``document`` and ``doc_size > 0``, runs of ``doc_size`` consecutive sentences
    are tagged together as one document (CoNLL files here carry no article boundaries).
    """
    start = time.perf_counter()
    if document is not None and doc_size > 0:
        predicted: list[list[str]] = []
        for i in range(0, len(sentences), doc_size):
            predicted += document([s.tokens for s in sentences[i:i + doc_size]])
    else:
        predicted = [tagger(s.tokens) for s in sentences]
    seconds = time.perf_counter() - start
    scores = Scores()
    for sent, pred in zip(sentences, predicted):
        scores.add(sent.tags, pred)
    tps = scores.tokens / seconds if seconds > 0 else 0.0
    return Evaluation(scores, tps, seconds)


# ------------------------------------------------------------------ training

DEFAULT_PARAMS: dict[str, Any] = {
    "c1": 0.05,
    "c2": 0.01,
    "max_iterations": 200,
    "feature.possible_transitions": True,
}


def train_model(train: Sequence[TaggedSentence], resources: Resources, out_dir: Path,
                params: dict[str, Any] | None = None, meta: dict[str, Any] | None = None) -> NerModel:
    """Train a CRF on ``train`` and write a complete model directory to ``out_dir``."""
    if not train:
        raise ValueError("no training sentences")
    out_dir.mkdir(parents=True, exist_ok=True)
    extractor = FeatureExtractor(resources)
    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for sent in train:
        trainer.append(pycrfsuite.ItemSequence(extractor.sentence_items(sent.tokens)), sent.tags)
    trainer.set_params({**DEFAULT_PARAMS, **(params or {})})
    started = time.perf_counter()
    trainer.train(str(out_dir / MODEL_FILE))
    export_weights(out_dir / MODEL_FILE, out_dir / WEIGHTS_FILE)
    resources.save(out_dir / RESOURCES_FILE)
    info = dict(meta or {})
    info.setdefault("params", {**DEFAULT_PARAMS, **(params or {})})
    info["train_seconds"] = round(time.perf_counter() - started, 1)
    info["train_sentences"] = len(train)
    info["train_tokens"] = sum(len(s.tokens) for s in train)
    (out_dir / META_FILE).write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return NerModel(out_dir)
