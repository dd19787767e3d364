"""NER speed and accuracy on the ANERcorp dev split (last 10% of the train file).

    python bench/ner.py [--model DIR] [--neural DIR] [--candidate NAME=DIR ...] [--repeat 3]

Prints one Rich table: F1 and tokens per second (one core, one thread, feature
extraction included) for the shipped model, a trivial gazetteer-lookup baseline
measured in the same run, the character-aware BiLSTM-CRF (numpy forward pass) when its
model directory exists, and any candidate CRF model directories given. Speed is shown
twice: wall-clock, and CPU time of this process (``time.process_time``) — on a shared
machine the second is the honest measure of what one core does. The first pass starts
with an empty per-word feature cache ("cold"); later passes reuse it ("warm"), which
is what a long-running pipeline sees.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.extract.ner_neural import NN_MODEL_DIR, NeuralTagger, load_ner
from marsad.training.conll import TaggedSentence
from marsad.training.features import Resources, fold, strip_proclitics
from marsad.training.gazetteers import compile_gazetteers
from marsad.training.ner import (
    SHIPPED_MODEL_DIR,
    NerModel,
    NerModelError,
    anercorp_split,
    anercorp_train_file,
    shared_data_dir,
)
from marsad.training.scoring import Scores

console = Console()
_GAZ_TYPE = {"PERS": "PERS", "LOC": "LOC", "ORG": "ORG", "CTRY": "LOC", "CITY": "LOC"}


class GazetteerTagger:
    """Baseline: longest match in the shared gazetteers, no learning. Clitics are
    stripped with the shipped model's news counts, as the model itself does."""

    def __init__(self, gazetteer_dir: Path, res: Resources) -> None:
        self.res = res
        singles, phrases, _ = compile_gazetteers(gazetteer_dir)
        self.single: dict[str, str] = {}
        for kind in ("CITY", "CTRY", "ORG", "LOC", "PERS"):  # later lists win ties
            for name in singles.get(kind, ()):
                self.single[name] = _GAZ_TYPE[kind]
        self.phrases = {p: _GAZ_TYPE[t] for p, t in phrases.items() if t in _GAZ_TYPE}
        self.longest = max((len(p) for p in self.phrases), default=1)
        self.known = frozenset(self.single)

    def __call__(self, tokens: Sequence[str]) -> list[str]:
        keys = [fold(t) for t in tokens]
        stems = [strip_proclitics(k, self.res.counts, self.known)[1] for k in keys]
        tags = ["O"] * len(tokens)
        i = 0
        while i < len(tokens):
            for n in range(min(self.longest, len(tokens) - i), 1, -1):
                etype = self.phrases.get((stems[i], *keys[i + 1:i + n]))
                if etype:
                    tags[i:i + n] = ["B-" + etype] + ["I-" + etype] * (n - 1)
                    i += n
                    break
            else:
                etype = self.single.get(stems[i]) if len(stems[i]) > 2 else None
                if etype:
                    tags[i] = "B-" + etype
                i += 1
        return tags


def _document_tagger(model: NerModel | NeuralTagger, dev: list[TaggedSentence], size: int = 20
                     ) -> Callable[[Sequence[str]], list[str]]:
    """A per-sentence callable that tags each run of ``size`` dev sentences as one
    document the first time one of its sentences is asked for (cache keyed by identity)."""
    position = {id(s.tokens): i for i, s in enumerate(dev)}
    done: dict[int, list[str]] = {}

    def tag(tokens: Sequence[str]) -> list[str]:
        i = position[id(tokens)]
        if i not in done:
            start = i - i % size
            block = dev[start:start + size]
            for j, tags in enumerate(model.tag_document([s.tokens for s in block])):
                done[start + j] = tags
        return done.pop(i)

    return tag


def measure(tag: Callable[[Sequence[str]], list[str]], dev: list[TaggedSentence], repeat: int
            ) -> tuple[float, float, float, float]:
    """(F1, cold tokens/s wall, warm tokens/s wall, warm tokens/s CPU)."""
    tokens = sum(len(s.tokens) for s in dev)
    runs: list[tuple[float, float]] = []
    scores = Scores()
    for r in range(max(1, repeat)):
        wall, cpu = time.perf_counter(), time.process_time()
        predicted = [tag(s.tokens) for s in dev]
        runs.append((time.perf_counter() - wall, time.process_time() - cpu))
        if r == 0:
            for s, p in zip(dev, predicted):
                scores.add(s.tags, p)
    cold = tokens / runs[0][0]
    warm_runs = runs[1:] or runs
    warm_wall = tokens / min(w for w, _ in warm_runs)
    warm_cpu = tokens / min(c for _, c in warm_runs if c > 0) if any(c > 0 for _, c in warm_runs) else 0.0
    return scores.f1, cold, warm_wall, warm_cpu


def _clear_caches(model: NerModel | NeuralTagger) -> None:
    """Empty the per-word caches, so the first pass is measured cold."""
    if isinstance(model, NeuralTagger):  # an ensemble clears its members
        model.clear_cache()
    else:
        model.extractor._cache.clear()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=SHIPPED_MODEL_DIR)
    parser.add_argument("--neural", type=Path, default=NN_MODEL_DIR,
                        help="BiLSTM-CRF model directory (rows skipped when it does not exist)")
    parser.add_argument("--candidate", action="append", default=[], metavar="NAME=DIR")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    data = anercorp_train_file()
    if not data.is_file():
        console.print(f"shared data absent ({data}): bench skipped")
        return 0
    _, dev = anercorp_split(data)
    n_tokens = sum(len(s.tokens) for s in dev)

    shipped = NerModel(args.model)
    rows: list[tuple[str, NerModel | NeuralTagger | None, Callable[[Sequence[str]], list[str]]]] = [
        ("shipped CRF (numpy Viterbi)", shipped, shipped.tag),
    ]
    rows.append(("shipped CRF + document propagation (20 sentences)", shipped,
                 _document_tagger(shipped, dev)))
    rows.append(("gazetteer lookup baseline", None,
                 GazetteerTagger(shared_data_dir() / "gazetteers", shipped.resources)))
    if args.neural.is_dir():
        try:
            neural = load_ner(args.neural)
        except NerModelError as exc:
            console.print(f"[red]neural model: {exc}[/red]")
            return 2
        rows.append(("BiLSTM-CRF + char-CNN (numpy forward pass)", neural, neural.tag))
        rows.append(("BiLSTM-CRF + document propagation (20 sentences)", neural, _document_tagger(neural, dev)))
    for spec in args.candidate:
        name, _, path = spec.partition("=")
        try:
            candidate = load_ner(Path(path))  # either family, or an ensemble
        except NerModelError as exc:
            console.print(f"[red]candidate {name}: {exc}[/red]")
            return 2
        rows.append((name, candidate, candidate.tag))
        if isinstance(candidate, NeuralTagger):
            rows.append((f"{name} + document propagation (20 sentences)", candidate,
                         _document_tagger(candidate, dev)))

    table = Table(title=f"NER on the ANERcorp dev split ({len(dev)} sentences, {n_tokens} tokens, one core)")
    for col in ("model", "dev F1", "tok/s cold (wall)", "tok/s warm (wall)", "tok/s warm (CPU)"):
        table.add_column(col, justify="left" if col == "model" else "right")
    for name, tagger, tag in rows:
        if tagger is not None:  # warm the interpreter and numpy up, then start the word cache cold
            for s in dev[:3]:
                tagger.tag(s.tokens)
            _clear_caches(tagger)
        f1, cold, warm, cpu = measure(tag, dev, args.repeat)
        table.add_row(name, f"{f1:.3f}", f"{cold:,.0f}", f"{warm:,.0f}", f"{cpu:,.0f}")
    console.print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
