"""Train, load and evaluate Marsad's CRF named-entity tagger.

A model is a directory with three files:

* ``ner.crfsuite`` — the CRFsuite model (L1+L2 regularised, so unused features drop out);
* ``resources.json.gz`` — gazetteers, word clusters, word counts and title words
  compiled at training time (see :class:`marsad.training.features.Resources`);
* ``meta.json`` — how it was trained (data, hashes, parameters) and its dev scores.

The CRF was chosen over the alternatives by measurement (see ``MODEL_CARD.md``).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Sequence

import pycrfsuite

from marsad.training.clusters import ClusterModel
from marsad.training.conll import TaggedSentence
from marsad.training.features import FeatureExtractor, Resources
from marsad.training.gazetteers import compile_gazetteers
from marsad.training.scoring import Scores

MODEL_FILE = "ner.crfsuite"
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


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# ------------------------------------------------------------------ resources


def build_resources(gazetteer_dir: Path | None, clusters: ClusterModel | None,
                    use_gazetteers: bool = True, use_clusters: bool = True) -> Resources:
    """Assemble the lexical resources a model is trained with (and will ship)."""
    from marsad.extract.titles import TITLE_WORDS

    res = Resources(titles=set(TITLE_WORDS), use_gazetteers=use_gazetteers and gazetteer_dir is not None,
                    use_clusters=use_clusters and clusters is not None)
    if res.use_gazetteers and gazetteer_dir is not None:
        singles, phrases, sizes = compile_gazetteers(gazetteer_dir)
        res.gazetteers, res.phrases = singles, phrases
        res.meta["gazetteer_sizes"] = sizes
    if clusters is not None:
        # counts drive proclitic stripping even when cluster features are off
        res.counts = dict(clusters.counts)
        if res.use_clusters:
            res.clusters = dict(clusters.clusters)
            res.cluster_levels = tuple(clusters.levels)
        res.meta["clusters"] = dict(clusters.meta)
    return res


# ------------------------------------------------------------------ model


class NerModel:
    """A loaded tagger: tokens in, IOB2 tags out (features computed inside)."""

    def __init__(self, directory: Path) -> None:
        directory = Path(directory)
        missing = [f for f in (MODEL_FILE, RESOURCES_FILE) if not (directory / f).is_file()]
        if missing:
            raise NerModelError(f"{directory}: not a NER model directory (missing {', '.join(missing)})")
        self.directory = directory
        self.resources = Resources.load(directory / RESOURCES_FILE)
        self.extractor = FeatureExtractor(self.resources)
        self.tagger = pycrfsuite.Tagger()
        try:
            self.tagger.open(str(directory / MODEL_FILE))
        except (OSError, ValueError) as exc:
            raise NerModelError(f"{directory / MODEL_FILE}: cannot open CRF model ({exc})") from None
        meta_path = directory / META_FILE
        self.meta: dict[str, Any] = json.loads(meta_path.read_text("utf-8")) if meta_path.is_file() else {}

    def tag(self, tokens: Sequence[str]) -> list[str]:
        if not tokens:
            return []
        return list(self.tagger.tag(self.extractor.sentence(tokens)))

    def tag_many(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        return [self.tag(s) for s in sentences]


@dataclass
class Evaluation:
    scores: Scores
    tokens_per_second: float
    seconds: float

    def as_dict(self) -> dict[str, Any]:
        out = self.scores.as_dict()
        out["tokens_per_second"] = self.tokens_per_second
        return out


def evaluate(tagger: Callable[[Sequence[str]], list[str]], sentences: Sequence[TaggedSentence]) -> Evaluation:
    """Tag every sentence and score it; the timing covers feature extraction + tagging."""
    start = time.perf_counter()
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
        trainer.append(pycrfsuite.ItemSequence(extractor.sentence(sent.tokens)), sent.tags)
    trainer.set_params({**DEFAULT_PARAMS, **(params or {})})
    started = time.perf_counter()
    trainer.train(str(out_dir / MODEL_FILE))
    resources.save(out_dir / RESOURCES_FILE)
    info = dict(meta or {})
    info.setdefault("params", {**DEFAULT_PARAMS, **(params or {})})
    info["train_seconds"] = round(time.perf_counter() - started, 1)
    info["train_sentences"] = len(train)
    info["train_tokens"] = sum(len(s.tokens) for s in train)
    (out_dir / META_FILE).write_text(json.dumps(info, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return NerModel(out_dir)
