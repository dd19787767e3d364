"""Token features for the CRF named-entity tagger.

Everything a feature depends on is *frozen into the model* at training time: the
spelling fold, the gazetteers, the word clusters, the word counts used to strip
proclitics and the title words all travel in :class:`Resources` inside the model
directory. The shared text layer may change its normaliser later without silently
shifting the features a shipped model was trained on.

Speed matters (the target is tens of thousands of tokens per second in pure Python),
so the features that depend on one word only are computed once per distinct word and
cached on the :class:`FeatureExtractor` (a bounded dict, not module state); a sentence
then only concatenates cached lists and adds the few features that need neighbours.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Callable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

# ------------------------------------------------------------------ spelling fold

_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_FOLD_TABLE = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                             "ـ": None, "\u200c": None, "\u200d": None, "\u200f": None, "\u200e": None})
_ARABIC_LETTER = re.compile("[\u0621-\u064a]")
_LATIN = re.compile("[A-Za-z]")
_DIGIT = re.compile(r"[0-9\u0660-\u0669\u06f0-\u06f9]")
_WORDISH = re.compile(r"\w")


def fold(word: str) -> str:
    """Matching key: no diacritics or tatweel; alef, alef maqsura and ta marbuta folded.

    Used only to *compare* words (features, gazetteers, clusters); it is deliberately
    lossy (ة→ه) and is never shown to a user.
    """
    return _DIACRITICS.sub("", word).translate(_FOLD_TABLE)


# ------------------------------------------------------------------ proclitics

_CONJ = ("و", "ف")
_PREP = ("ب", "ل", "ك")


def proclitic_candidates(word: str) -> list[tuple[str, str]]:
    """Every ``(prefix, rest)`` split of a folded word into و/ف + ب/ل/ك + rest.

    ``لل`` + X is the preposition ل before the article ال whose alef is not written
    (للقاهرة = ل + القاهرة), so that split restores the alef.
    """
    out: list[tuple[str, str]] = []
    stems = [("", word)]
    if len(word) > 3 and word[0] in _CONJ:
        stems.append((word[0], word[1:]))
    for pre, rest in stems:
        if pre:
            out.append((pre, rest))
        if len(rest) > 3 and rest[0] in _PREP:
            out.append((pre + rest[0], rest[1:]))
            if rest.startswith("لل") and len(rest) > 4:
                out.append((pre + "ل", "ا" + rest[1:]))
    return out


def strip_proclitics(word: str, counts: Mapping[str, int], known: AbstractSet[str] = frozenset()
                     ) -> tuple[str, str]:
    """``(prefix, stem)`` of a folded word, stripping only when the data says so.

    A split is taken when its remainder is a more frequent word in the news counts
    than the whole token (or a gazetteer name the token is not): وبريطانيا → بريطانيا,
    but واشنطن stays whole because اشنطن is not a word. This avoids a hand list of
    names that merely *begin* with و/ب/ل/ك/ف.
    """
    best_prefix, best = "", word
    best_score = counts.get(word, 0) + (10**9 if word in known else 0)
    for prefix, rest in proclitic_candidates(word):
        score = counts.get(rest, 0) + (10**9 if rest in known else 0)
        if score > best_score:
            best_prefix, best, best_score = prefix, rest, score
    return best_prefix, best


# ------------------------------------------------------------------ resources

VECTORS_FILE = "vectors.npz"


@dataclass
class Resources:
    """Lexical knowledge compiled at training time and shipped with the model.

    ``gazetteers``: type -> set of folded single-word names; ``phrases``: folded
    multi-word names as tuples -> type; ``clusters``: folded word -> cluster ids at
    increasing granularity; ``counts``: folded word -> frequency in the news corpus
    (used by :func:`strip_proclitics`); ``titles``: folded title words.
    """

    gazetteers: dict[str, set[str]] = field(default_factory=dict)
    phrases: dict[tuple[str, ...], str] = field(default_factory=dict)
    clusters: dict[str, tuple[int, ...]] = field(default_factory=dict)
    cluster_levels: tuple[int, ...] = ()
    counts: dict[str, int] = field(default_factory=dict)
    titles: set[str] = field(default_factory=set)
    use_gazetteers: bool = True
    use_clusters: bool = True
    rich_clusters: bool = False  # every level in the window, stem clusters, cluster bigrams
    meta: dict[str, Any] = field(default_factory=dict)
    # dense word vectors (real-valued CRF features): folded word -> row of ``vector_matrix``
    vector_words: dict[str, int] = field(default_factory=dict)
    vector_matrix: Any = None  # numpy float32 array (words x dims), already scaled
    vector_offsets: tuple[int, ...] = (-1, 0, 1)
    extras: tuple[str, ...] = ()  # optional feature groups, see FeatureExtractor.EXTRAS

    @property
    def use_vectors(self) -> bool:
        return self.vector_matrix is not None and len(self.vector_words) > 0

    @property
    def max_phrase(self) -> int:
        return max((len(p) for p in self.phrases), default=0)

    @property
    def known_names(self) -> set[str]:
        out: set[str] = set()
        for kind, names in self.gazetteers.items():
            if not kind.startswith("x"):  # induced lists are too noisy to steer clitic stripping
                out |= names
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "format": 1,
            "gazetteers": {t: sorted(v) for t, v in self.gazetteers.items()},
            "phrases": [[" ".join(p), t] for p, t in sorted(self.phrases.items())],
            "cluster_levels": list(self.cluster_levels),
            "clusters": {w: list(c) for w, c in sorted(self.clusters.items())},
            "counts": dict(sorted(self.counts.items())),
            "titles": sorted(self.titles),
            "use_gazetteers": self.use_gazetteers,
            "use_clusters": self.use_clusters,
            "rich_clusters": self.rich_clusters,
            "meta": self.meta,
            "vector_offsets": list(self.vector_offsets),
            "extras": list(self.extras),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Resources:
        if data.get("format") != 1:
            raise ValueError(f"unsupported NER resources format {data.get('format')!r}")
        return cls(
            gazetteers={t: set(v) for t, v in data["gazetteers"].items()},
            phrases={tuple(p.split(" ")): t for p, t in data["phrases"]},
            clusters={w: tuple(c) for w, c in data["clusters"].items()},
            cluster_levels=tuple(data["cluster_levels"]),
            counts=dict(data["counts"]),
            titles=set(data["titles"]),
            use_gazetteers=bool(data["use_gazetteers"]),
            use_clusters=bool(data["use_clusters"]),
            rich_clusters=bool(data.get("rich_clusters", False)),
            meta=dict(data.get("meta", {})),
            vector_offsets=tuple(data.get("vector_offsets", (-1, 0, 1))),
            extras=tuple(data.get("extras", ())),
        )

    def save(self, path: Path) -> None:
        """Write the resources; dense vectors go to ``vectors.npz`` beside ``path``."""
        with gzip.open(path, "wt", encoding="utf-8", compresslevel=9) as fh:
            json.dump(self.to_json(), fh, ensure_ascii=False, separators=(",", ":"))
        vec_file = path.with_name(VECTORS_FILE)
        if self.use_vectors:
            import numpy as np

            words = sorted(self.vector_words, key=self.vector_words.__getitem__)
            np.savez_compressed(vec_file, words=np.array(words, dtype=str),
                                matrix=np.asarray(self.vector_matrix, dtype=np.float16))
        elif vec_file.exists():
            vec_file.unlink()

    @classmethod
    def load(cls, path: Path) -> Resources:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            res = cls.from_json(json.load(fh))
        vec_file = path.with_name(VECTORS_FILE)
        if vec_file.is_file():
            import numpy as np

            with np.load(vec_file, allow_pickle=False) as data:
                res.vector_words = {str(w): i for i, w in enumerate(data["words"])}
                res.vector_matrix = data["matrix"].astype(np.float32)
        return res


# ------------------------------------------------------------------ extraction

_OFFSETS = (-2, -1, 1, 2)
_CACHE_LIMIT = 100_000


def _length_bucket(n: int) -> str:
    return "1" if n <= 1 else "2" if n == 2 else "3" if n == 3 else "5" if n <= 5 else "8" if n <= 8 else "9"


@dataclass
class _WordInfo:
    own: list[str]  # features of the word at the current position
    context: dict[int, list[str]]  # offset -> features it lends to a neighbour
    key: str  # folded word (for bigrams and phrase matching)
    stem: str  # folded word without proclitics
    cid: str = ""  # fine cluster id for cluster-bigram features ("" when those are off)
    own_rows: list[int] | None = None  # the same features as weight rows (see sentence_rows)
    context_rows: dict[int, list[int]] | None = None
    vec: int = -1  # row of Resources.vector_matrix for the word (or its stem); -1: none
    cue: str = ""  # organisation cue class of the stem (see ORG_CUES), "" when not a cue


class RowIndex(Protocol):
    """What :meth:`FeatureExtractor.sentence_rows` needs from a decoder."""

    index: dict[str, int]

    def rows(self, features: Sequence[str]) -> list[int]: ...


# Words that announce an organisation name within the next few tokens (folded stems):
# «شركة», «وزارة الخارجية», «حزب العمال»... ANERcorp misses most ORGs after them.
ORG_CUES: frozenset[str] = frozenset(fold(w) for w in [
    "شركة", "وزارة", "منظمة", "حزب", "جامعة", "نادي", "مجلس", "بنك", "هيئة", "وكالة", "صحيفة",
    "مصرف", "حركة", "اتحاد", "جمعية", "مؤسسة", "مجموعة", "قناة", "محكمة", "لجنة", "فريق", "معهد",
    "مركز", "جبهة", "تنظيم", "الشركة", "الوزارة", "المنظمة", "الحزب", "الجامعة", "النادي", "المجلس",
    "البنك", "الهيئة", "الوكالة", "الصحيفة", "الاتحاد", "الجمعية", "المؤسسة", "المجموعة", "القناة",
    "المحكمة", "اللجنة", "الفريق", "المعهد", "المركز", "الجبهة"])
CUE_WINDOW = 3


class FeatureExtractor:
    """Turns a sentence (list of token strings) into CRFsuite feature lists.

    Optional groups (``Resources.extras``): ``"cues"`` marks tokens within
    :data:`CUE_WINDOW` after an organisation cue word; ``"nbaffix"`` lends the 3-letter
    prefix/suffix of the stem to the ±1 neighbours; ``"ngrams"`` adds the character
    3-grams inside the stem. Dense word vectors (``Resources.vector_matrix``) become
    real-valued features ``v{offset}:{dim}`` (see :meth:`sentence_items`).
    """

    def __init__(self, resources: Resources) -> None:
        self.res = resources
        self.known: frozenset[str] = frozenset(resources.known_names) if resources.use_gazetteers else frozenset()
        self._cache: dict[str, _WordInfo] = {}
        self._max_phrase = resources.max_phrase if resources.use_gazetteers else 0
        # first words of multi-word names: most positions can skip phrase matching at once
        self._phrase_starts = frozenset(p[0] for p in resources.phrases) if self._max_phrase else frozenset()
        self._padded_vectors: Any = None

    # one word ---------------------------------------------------------------------
    def _word_features(self, token: str) -> _WordInfo:
        res = self.res
        key = fold(token)
        prefix, stem = strip_proclitics(key, res.counts, self.known)
        own = ["b", "w=" + key, "x2=" + key[-2:], "x3=" + key[-3:], "x4=" + key[-4:],
               "p2=" + stem[:2], "p3=" + stem[:3], "len=" + _length_bucket(len(stem))]
        ctx_common = ["w=" + key]
        if prefix:
            own += ["s=" + stem, "pf=" + prefix]
            ctx_common.append("s=" + stem)
        if stem.startswith("ال"):
            own.append("al")
            ctx_common.append("al")
        if _DIGIT.search(token):
            own.append("dig")
            ctx_common.append("dig")
        elif _LATIN.search(token):
            own.append("lat")
        elif not _ARABIC_LETTER.search(token):
            shape = "pun" if not _WORDISH.search(token) else "oth"
            own.append(shape)
            ctx_common.append(shape)
        if stem in res.titles or key in res.titles:
            own.append("ttl")
            ctx_common.append("ttl")
        if res.use_gazetteers:
            for etype, names in res.gazetteers.items():
                if key in names or stem in names:
                    own.append("g" + etype)
                    ctx_common.append("g" + etype)
                elif stem.startswith("ال") and stem[2:] in names:
                    own.append("ga" + etype)
        cid = ""
        if res.use_clusters and res.clusters:
            ids = res.clusters.get(key)
            src = "c"
            if ids is None and prefix:
                ids = res.clusters.get(stem)
                src = "sc"
            levels = res.cluster_levels
            if ids is None:
                own.append("c=unk")
                ctx_common.append("c=unk")
                cid = "unk"
            else:
                for level, c in zip(levels, ids):
                    own.append(f"{src}{level}={c}")
                if res.rich_clusters:
                    ctx_common += [f"c{level}={c}" for level, c in zip(levels, ids)]
                else:
                    ctx_common.append(f"c{levels[-1]}={ids[-1]}")
                    ctx_common.append(f"c{levels[0]}={ids[0]}")
                cid = str(ids[-1])
                if prefix and src == "c":
                    sids = res.clusters.get(stem)
                    if sids is not None:
                        if res.rich_clusters:
                            own += [f"sc{level}={c}" for level, c in zip(levels, sids)]
                        else:
                            own.append(f"sc{levels[-1]}={sids[-1]}")
            if not res.rich_clusters:
                cid = ""
        extras = res.extras
        context = {o: [f"{o:+d}{f}" for f in ctx_common] for o in _OFFSETS}
        if "nbaffix" in extras and _ARABIC_LETTER.search(token):
            for o in (-1, 1):
                context[o] += [f"{o:+d}p3={stem[:3]}", f"{o:+d}x3={stem[-3:]}"]
        if "ngrams" in extras and len(stem) > 3:
            own += ["n3=" + stem[i:i + 3] for i in range(1, len(stem) - 3)]
        vec = -1
        if res.use_vectors:
            vec = res.vector_words.get(key, -1)
            if vec < 0 and prefix:
                vec = res.vector_words.get(stem, -1)
        cue = "o" if "cues" in extras and (stem in ORG_CUES or key in ORG_CUES) else ""
        return _WordInfo(own, context, key, stem, cid, vec=vec, cue=cue)

    def _info(self, token: str) -> _WordInfo:
        info = self._cache.get(token)
        if info is None:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            info = self._word_features(token)
            self._cache[token] = info
        return info

    # one sentence -----------------------------------------------------------------
    def _phrase_tags(self, infos: Sequence[_WordInfo]) -> list[list[str]]:
        """Longest multi-word gazetteer matches as B/I features (on stems, so clitics
        on the first word do not hide a match)."""
        n = len(infos)
        out: list[list[str]] = [[] for _ in range(n)]
        if not self._max_phrase:
            return out
        phrases = self.res.phrases
        starts = self._phrase_starts
        i = 0
        while i < n:
            matched = 0
            if infos[i].stem not in starts:
                i += 1
                continue
            for length in range(min(self._max_phrase, n - i), 1, -1):
                words = (infos[i].stem,) + tuple(x.key for x in infos[i + 1:i + length])
                etype = phrases.get(words)
                if etype is not None:
                    out[i].append("PB" + etype)
                    for j in range(i + 1, i + length):
                        out[j].append("PI" + etype)
                    matched = length
                    break
            i += matched or 1
        return out

    def _cue_tags(self, infos: Sequence[_WordInfo]) -> list[list[str]]:
        """``cue{d}`` on the tokens 1..CUE_WINDOW after an organisation cue word."""
        out: list[list[str]] = [[] for _ in infos]
        if "cues" not in self.res.extras:
            return out
        for i, info in enumerate(infos):
            if info.cue:
                for d in range(1, CUE_WINDOW + 1):
                    if i + d < len(infos):
                        out[i + d].append(f"cue{d}")
        return out

    def vector_names(self) -> list[str]:
        """Names of the real-valued features, in the column order of :meth:`sentence_vectors`."""
        if not self.res.use_vectors:
            return []
        dims = self.res.vector_matrix.shape[1]
        return [f"v{o}:{k}" for o in self.res.vector_offsets for k in range(dims)]

    def sentence_vectors(self, tokens: Sequence[str]) -> Any:
        """``len(tokens) x len(vector_names())`` array: each offset's neighbour vector
        (zeros past the sentence ends and for words without a vector)."""
        import numpy as np

        padded = self._padded_vectors
        if padded is None:  # once: the matrix plus a zero row for words without a vector
            matrix = self.res.vector_matrix
            padded = np.vstack([matrix, np.zeros((1, matrix.shape[1]), dtype=np.float32)]).astype(np.float32)
            self._padded_vectors = padded
        dims = padded.shape[1]
        rows = np.array([self._info(t).vec for t in tokens], dtype=np.intp)
        rows[rows < 0] = len(padded) - 1
        n = len(tokens)
        out = np.zeros((n, dims * len(self.res.vector_offsets)), dtype=np.float32)
        for j, o in enumerate(self.res.vector_offsets):
            lo, hi = max(0, -o), min(n, n - o)
            if lo < hi:
                out[lo:hi, j * dims:(j + 1) * dims] = padded[rows[lo + o:hi + o]]
        return out

    def sentence_items(self, tokens: Sequence[str]) -> list[dict[str, float]]:
        """Features as CRFsuite items: the binary ones with value 1, plus the dense vectors."""
        binary = self.sentence(tokens)
        items = [dict.fromkeys(f, 1.0) for f in binary]
        if self.res.use_vectors:
            names = self.vector_names()
            for item, values in zip(items, self.sentence_vectors(tokens)):
                item.update((nm, float(v)) for nm, v in zip(names, values) if v != 0.0)
        return items

    def sentence(self, tokens: Sequence[str]) -> list[list[str]]:
        """Feature strings per token (what the CRF is trained on)."""
        infos = [self._info(t) for t in tokens]
        return self._assemble(infos, lambda i: i.own, lambda i, o: i.context[o], list)

    def sentence_rows(self, tokens: Sequence[str], crf: RowIndex) -> list[list[int]]:
        """The same features as :meth:`sentence`, as weight-row indices of ``crf``.

        Rows of a word's own and context features are cached with the word, so only
        the few sentence-dependent features (bigrams, phrase matches) are looked up.
        Kept in step with :meth:`_assemble` by a test that compares the two.
        """
        infos = [self._info(t) for t in tokens]
        cues = self._cue_tags(infos)
        for info in infos:
            if info.own_rows is None:
                info.own_rows = crf.rows(info.own)
                info.context_rows = {o: crf.rows(f) for o, f in info.context.items()}
        index = crf.index
        n = len(infos)
        phrase = self._phrase_tags(infos)
        bos, eos = index.get("BOS"), index.get("EOS")
        out: list[list[int]] = []
        for i, info in enumerate(infos):
            f = list(info.own_rows)  # type: ignore[arg-type]
            extra = phrase[i] + cues[i] if cues[i] else phrase[i]
            if i >= 2:
                f += infos[i - 2].context_rows[-2]  # type: ignore[index]
            if i >= 1:
                prev = infos[i - 1]
                f += prev.context_rows[-1]  # type: ignore[index]
                r = index.get("bw=" + prev.key + "|" + info.key)
                if r is not None:
                    f.append(r)
                if info.cid:
                    r = index.get("cb=" + prev.cid + "|" + info.cid)
                    if r is not None:
                        f.append(r)
                if phrase[i - 1]:
                    extra = extra + ["-1" + p for p in phrase[i - 1]]
            elif bos is not None:
                f.append(bos)
            if i + 1 < n:
                nxt = infos[i + 1]
                f += nxt.context_rows[1]  # type: ignore[index]
                r = index.get("fw=" + info.key + "|" + nxt.key)
                if r is not None:
                    f.append(r)
                if info.cid:
                    r = index.get("cf=" + info.cid + "|" + nxt.cid)
                    if r is not None:
                        f.append(r)
                if phrase[i + 1]:
                    extra = extra + ["+1" + p for p in phrase[i + 1]]
            elif eos is not None:
                f.append(eos)
            if i + 2 < n:
                f += infos[i + 2].context_rows[2]  # type: ignore[index]
            if extra:
                f += crf.rows(extra)
            out.append(f)
        return out

    def _assemble(self, infos: Sequence[_WordInfo], own: Callable[[_WordInfo], Any],
                  ctx: Callable[[_WordInfo, int], Any], extra: Callable[[list[str]], list[Any]]) -> list[list[Any]]:
        n = len(infos)
        phrase = self._phrase_tags(infos)
        cues = self._cue_tags(infos)
        feats: list[list[Any]] = []
        for i, info in enumerate(infos):
            f = list(own(info))
            more = list(phrase[i]) + cues[i]
            if i >= 2:
                f += ctx(infos[i - 2], -2)
            if i >= 1:
                prev = infos[i - 1]
                f += ctx(prev, -1)
                more.append("bw=" + prev.key + "|" + info.key)
                if info.cid:
                    more.append("cb=" + prev.cid + "|" + info.cid)
                more += ["-1" + p for p in phrase[i - 1]]
            else:
                more.append("BOS")
            if i + 1 < n:
                nxt = infos[i + 1]
                f += ctx(nxt, 1)
                more.append("fw=" + info.key + "|" + nxt.key)
                if info.cid:
                    more.append("cf=" + info.cid + "|" + nxt.cid)
                more += ["+1" + p for p in phrase[i + 1]]
            else:
                more.append("EOS")
            if i + 2 < n:
                f += ctx(infos[i + 2], 2)
            f += extra(more)
            feats.append(f)
        return feats
