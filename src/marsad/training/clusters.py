"""Word clusters learned here from unlabelled Arabic news (no download, numpy only).

Why: ANERcorp has 125k labelled tokens, so most names in unseen news were never seen
in training. Words that occur in the same contexts in millions of tokens of news
(بريطانيا / فرنسا / ألمانيا; قال / أكد / أضاف) fall into the same cluster, and a CRF
feature on the cluster id carries what was learned for one word to its neighbours.

How (a few minutes on one core):
1. read ANT-style news files (``<TITLE>``/``<TEXT>``) and tokenise the way ANERcorp is
   tokenised (clitics attached, punctuation split); fold spelling (:func:`fold`);
2. count co-occurrences of the ``vocab`` most frequent words with the ``contexts``
   most frequent words, separately to the left and to the right, within ±2 tokens;
3. positive PMI (context counts smoothed by ^0.75), then a randomised truncated SVD
   gives dense word vectors;
4. spherical k-means into ``levels[-1]`` fine clusters, then k-means over the fine
   centroids into the coarser levels, so the ids form a hierarchy like Brown paths;
5. while the text is in memory, *induce* name lists from trigger words: the word after
   نادي/حزب/شركة is often an organisation, after اللاعب/المدرب/الفنان a person, after
   مدينة/محافظة a place. A word enters a list when it follows that class's triggers at
   least ``min_trigger`` times and in at least ``min_share`` of its occurrences — the
   classic pattern-based lexicon induction, so recall reaches names ANERcorp never shows.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import numpy as np

from marsad.training.features import fold

_TOKEN = re.compile(r"[\u0621-\u063a\u0640-\u0652\u0670\u0671-\u06d3]+|[A-Za-z]+|[0-9\u0660-\u0669]+|[^\s\w]")
_FIELD = re.compile(r"<(TITLE|TEXT|ABSTRACT)>(.*?)</\1>", re.DOTALL)
_NOT_DATA = re.compile(r"^(readme|source|license|licence)", re.IGNORECASE)


def news_tokenize(text: str) -> list[str]:
    """ANERcorp-like tokens: letters runs (clitics attached), numbers, single punctuation."""
    return _TOKEN.findall(text)


def iter_news_texts(paths: Iterable[Path]) -> Iterator[str]:
    """Title and body of every ANT-style ``.txt`` article and every item of a ``.zip``
    (SaudiNewsNet: JSON arrays, read by the ingest reader) under ``paths``, sorted order.

    A ``.txt`` file without ``<TEXT>`` markup is taken whole, so plain-text folders work too.
    """
    from marsad.ingest.readers import RawRecord, ReadOptions, read_zip

    for root in paths:
        files = [root] if root.is_file() else sorted(
            f for f in root.rglob("*") if f.suffix in (".txt", ".zip") and f.is_file()
            and not _NOT_DATA.match(f.name))
        for f in files:
            if f.suffix == ".zip":
                for item in read_zip(f, ReadOptions()):
                    if isinstance(item, RawRecord):
                        yield (item.title or "") + "\n" + item.text
                continue
            raw = f.read_text(encoding="utf-8", errors="replace")
            fields = {name: body for name, body in _FIELD.findall(raw)}
            if fields:
                yield fields.get("TITLE", "") + "\n" + fields.get("TEXT", fields.get("ABSTRACT", ""))
            else:
                yield raw


# Trigger words (folded) that precede a name of the class, with or without و/ل/ب/ف.
TRIGGERS: dict[str, frozenset[str]] = {
    "ORG": frozenset(fold(w) for w in ["نادي", "فريق", "حزب", "شركة", "جامعة", "صحيفة", "وكالة", "حركة", "منظمة", "بنك", "مصرف", "قناة", "مجموعة", "جمعية", "مؤسسة", "جماعة", "تنظيم", "مستشفى"]),
    "PERS": frozenset(fold(w) for w in ["اللاعب", "المدرب", "الفنان", "الفنانة", "الكاتب", "الشاعر", "المطرب", "المطربة", "الممثل", "الممثلة", "النجم", "المهاجم", "المدافع", "الحارس", "الشيخ", "الدكتور", "السيد", "السيدة", "الأمير", "الملك", "اللواء", "العقيد", "الرئيس", "الوزير", "الزعيم", "الإعلامي", "الصحفي", "المخرج", "الروائي"]),
    "LOC": frozenset(fold(w) for w in ["مدينة", "محافظة", "ولاية", "العاصمة", "قرية", "بلدة", "منطقة", "جزيرة", "إقليم", "مقاطعة", "بلدية", "مخيم"]),
}


def induce_lexicons(docs: Iterable[list[str]], counts: Counter[str], min_trigger: int = 3,
                    min_share: float = 0.15) -> dict[str, list[str]]:
    """Words that typically follow the :data:`TRIGGERS` of each class (see step 5)."""
    after: dict[str, Counter[str]] = {cls: Counter() for cls in TRIGGERS}
    lookup: dict[str, str] = {}
    for cls, words in TRIGGERS.items():
        for w in words:
            lookup[w] = cls
            for p in ("و", "ل", "ب", "ف"):
                lookup.setdefault(p + w, cls)
    for doc in docs:
        for prev, word in pairwise(doc):
            found = lookup.get(prev)
            # after a person's title, a definite word is an adjective (الرئيس الامريكي)
            if found is not None and len(word) > 1 and word.isalpha() \
                    and not (found == "PERS" and word.startswith("ال")):
                after[found][word] += 1
    triggers_all = set(lookup)
    out: dict[str, list[str]] = {}
    for cls, seen in after.items():
        out[cls] = sorted(w for w, n in seen.items()
                          if n >= min_trigger and n >= min_share * counts[w] and w not in triggers_all)
    return out


@dataclass
class ClusterModel:
    """Folded word -> cluster ids (coarse ... fine), the word counts seen, and name
    lists induced from trigger words (class -> folded words)."""

    levels: tuple[int, ...]
    clusters: dict[str, tuple[int, ...]]
    counts: dict[str, int]
    meta: dict[str, object] = field(default_factory=dict)
    lexicons: dict[str, list[str]] = field(default_factory=dict)
    vectors: np.ndarray | None = None  # unit word vectors, rows in ``clusters`` order

    @staticmethod
    def vectors_path(path: Path) -> Path:
        """Sidecar file with the dense SVD word vectors (``X.json.gz`` -> ``X.vectors.npy``)."""
        name = path.name.removesuffix(".json.gz")
        return path.with_name(name + ".vectors.npy")

    def save(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        if self.vectors is not None:
            np.save(self.vectors_path(path), self.vectors.astype(np.float16))
        data = {"format": 1, "levels": list(self.levels), "meta": self.meta, "lexicons": self.lexicons,
                "clusters": {w: list(c) for w, c in self.clusters.items()}, "counts": self.counts}
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
            json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def load(cls, path: Path) -> ClusterModel:
        try:
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                data = json.load(fh)
        except (OSError, json.JSONDecodeError) as exc:
            raise ValueError(f"{path}: not a Marsad cluster file ({exc})") from None
        if data.get("format") != 1:
            raise ValueError(f"{path}: unsupported cluster file format {data.get('format')!r}")
        vec_file = cls.vectors_path(path)
        vectors = np.load(vec_file).astype(np.float32) if vec_file.is_file() else None
        return cls(tuple(data["levels"]), {w: tuple(c) for w, c in data["clusters"].items()},
                   dict(data["counts"]), dict(data.get("meta", {})),
                   {k: list(v) for k, v in data.get("lexicons", {}).items()}, vectors)


def _kmeans(x: np.ndarray, k: int, rng: np.random.Generator, iterations: int = 15,
            weights: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """Spherical k-means (rows of ``x`` unit length). Returns (labels, centroids)."""
    n = x.shape[0]
    k = min(k, n)
    # k-means++-lite: frequent rows first is a good, deterministic-enough seeding
    centroids = x[rng.choice(n, size=k, replace=False)].copy()
    labels = np.zeros(n, dtype=np.int64)
    w = np.ones(n, dtype=x.dtype) if weights is None else weights.astype(x.dtype)
    for _ in range(iterations):
        sims = x @ centroids.T
        labels = sims.argmax(axis=1)
        sums = np.zeros_like(centroids)
        np.add.at(sums, labels, x * w[:, None])
        norms = np.linalg.norm(sums, axis=1, keepdims=True)
        empty = norms[:, 0] == 0
        if empty.any():  # re-seed empty clusters with the worst-fitting rows
            worst = np.argsort(sims[np.arange(n), labels])[: int(empty.sum())]
            sums[empty] = x[worst]
            norms[empty] = 1.0
        centroids = sums / norms
    return labels, centroids


def word2vec_vectors(docs: list[list[str]], words: list[str], window: int, epochs: int = 5,
                     dims: int = 100, seed: int = 13) -> np.ndarray:
    """Unit skip-gram vectors (gensim) for ``words``, in that order; zero rows for words
    gensim dropped.

    Why: the PPMI + SVD vectors see each word's 1,000 most frequent neighbours only; skip-gram
    with negative sampling learns from every neighbour, and the two side by side gave the tagger
    a better held-out F1 than either alone (see the model card). One worker makes the vectors repeatable (several workers race
    over the shared weights); a test checks two processes agree."""
    try:
        from gensim.models import Word2Vec
    except ImportError as exc:  # the `train` extra brings gensim
        raise ValueError("word2vec vectors need gensim: pip install -e '.[train]'") from exc
    model = Word2Vec(docs, vector_size=dims, window=window, min_count=5, sg=1, negative=10, sample=1e-4,
                     epochs=epochs, workers=1, seed=seed)
    out = np.zeros((len(words), dims), dtype=np.float32)
    for i, w in enumerate(words):
        if w in model.wv:
            out[i] = model.wv[w]
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return out / np.where(norms == 0, 1.0, norms)


def train_clusters(texts: Iterable[str], vocab: int = 40_000, contexts: int = 1_000, dims: int = 100,
                   levels: tuple[int, ...] = (32, 128, 512), max_tokens: int = 12_000_000,
                   min_count: int = 5, seed: int = 13, word2vec_window: int = 0) -> ClusterModel:
    """Learn hierarchical word clusters from raw texts (see the module docstring).

    ``word2vec_window`` > 0 appends skip-gram vectors with that window to each word's SVD
    vector (the clusters still come from the SVD vectors alone)."""
    counts: Counter[str] = Counter()
    docs: list[list[str]] = []
    total = 0
    for text in texts:
        toks = [fold(t) for t in news_tokenize(text)]
        counts.update(toks)
        docs.append(toks)
        total += len(toks)
        if total >= max_tokens:
            break
    if total == 0:
        raise ValueError("no text found to train clusters on")
    lexicons = induce_lexicons(docs, counts)
    words = [w for w, c in counts.most_common(vocab) if c >= min_count]
    index = {w: i for i, w in enumerate(words)}
    ctx_n = min(contexts, len(words))
    ids = np.fromiter((index.get(t, -1) for doc in docs for t in doc + [""] * 2), dtype=np.int64)
    extra = word2vec_vectors(docs, words, word2vec_window, seed=seed) if word2vec_window > 0 else None
    del docs
    v = len(words)
    dim_ctx = 2 * ctx_n  # left contexts then right contexts
    matrix = np.zeros((v, dim_ctx), dtype=np.float32)
    for offset in (-2, -1, 1, 2):
        if offset < 0:
            tgt, ctx = ids[-offset:], ids[:offset]
        else:
            tgt, ctx = ids[:-offset], ids[offset:]
        keep = (tgt >= 0) & (ctx >= 0) & (ctx < ctx_n)
        col = ctx[keep] + (0 if offset < 0 else ctx_n)
        keys = tgt[keep] * dim_ctx + col
        uniq, cnt = np.unique(keys, return_counts=True)
        matrix.flat[uniq] += cnt.astype(np.float32)
    # positive PMI with context-distribution smoothing
    row = matrix.sum(axis=1, keepdims=True)
    col_p = matrix.sum(axis=0, keepdims=True) ** 0.75
    col_p /= col_p.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        # log p(w,c) / (p(w) p(c)^0.75) = log n(w,c) / (n(w) p(c)^0.75)
        pmi = np.log(matrix / np.maximum(row, 1.0) / np.maximum(col_p, 1e-12))
    pmi[~np.isfinite(pmi)] = 0.0
    np.maximum(pmi, 0.0, out=pmi)
    del matrix
    # randomised truncated SVD
    rng = np.random.default_rng(seed)
    k = min(dims, dim_ctx - 1)
    probe = rng.standard_normal((dim_ctx, k + 10)).astype(np.float32)
    q, _ = np.linalg.qr(pmi @ probe)
    for _ in range(2):
        q, _ = np.linalg.qr(pmi @ (pmi.T @ q))
    b = q.T @ pmi
    ub, s, _ = np.linalg.svd(b, full_matrices=False)
    vectors = (q @ ub[:, :k]) * np.sqrt(s[:k])
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = vectors / np.where(norms == 0, 1.0, norms)
    # hierarchical k-means: fine level on words, coarser levels on fine centroids
    levels = tuple(sorted(levels))
    fine_labels, centroids = _kmeans(vectors.astype(np.float32), levels[-1], rng)
    per_level: list[np.ndarray] = [fine_labels]
    for k_level in reversed(levels[:-1]):
        centroid_labels, _ = _kmeans(centroids, k_level, rng)
        per_level.insert(0, centroid_labels[fine_labels])
    clusters = {w: tuple(int(lbl[i]) for lbl in per_level) for i, w in enumerate(words)}
    meta: dict[str, object] = {"tokens": total, "vocab": v, "contexts": ctx_n, "dims": k,
                               "lexicon_sizes": {c: len(ws) for c, ws in lexicons.items()}}
    if extra is not None:
        # PPMI + SVD and skip-gram rows side by side, each unit length, the whole row rescaled
        vectors = np.concatenate([vectors, extra], axis=1)
        vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
        meta["word2vec"] = {"window": word2vec_window, "dims": extra.shape[1], "epochs": 5}
    return ClusterModel(levels, clusters, {w: counts[w] for w in words}, meta, lexicons,
                        vectors.astype(np.float32))
