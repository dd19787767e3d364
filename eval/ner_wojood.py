"""A second unseen NER measure: the public Wojood sample, mapped onto PERS / LOC / ORG.

    .venv/bin/python eval/ner_wojood.py [--doc-size 20] [--json]

Why: every ANERcorp figure comes from one corpus whose sentences, or their neighbours, chose
the recipe. Wojood (SinaLab, ``../shared/data/ner/wojood_sample``: train, val and test files of
the sample, ~28,000 tokens of media, history, health and social-media text, MSA and dialect) was
never trained on, tuned on or read while building the taggers, so it says how the shipped models
carry to other Arabic text and another annotation team.

Wojood is nested with 21 types; only the outermost layer (the first tag of a token) is read and
mapped: PERS -> PERS, GPE / LOC / FAC -> LOC, ORG -> ORG, everything else -> O. MISC has no
counterpart, so predicted MISC is dropped too. Conventions differ (Wojood tags «حكومة فلسطين» as
one ORG where ANERcorp would tag «فلسطين» LOC), so the figures are a lower bound on agreement,
compared across models in the same run, not with ANERcorp scores. Segments are the file's
blank-line blocks; ``$#$`` marker tokens are dropped. Documents are runs of ``--doc-size``
segments in file order (the sample keeps no article boundaries).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.extract.ner_neural import NN_MODEL_DIR, load_ner
from marsad.training.ner import SHIPPED_MODEL_DIR, shared_data_dir
from marsad.training.scoring import Scores, tag_spans

_MAP = {"PERS": "PERS", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "ORG": "ORG"}
FILES = ("train.txt", "val.txt", "test.txt")


def outer_layer(tag: str) -> str:
    """A Wojood outermost tag in Marsad's four-type scheme (``O`` where none applies)."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, kind = tag.split("-", 1)
    mapped = _MAP.get(kind)
    return f"{prefix}-{mapped}" if mapped and prefix in ("B", "I") else "O"


def read_wojood(path: Path) -> list[tuple[list[str], list[str]]]:
    """(tokens, mapped outer tags) per segment. An ``I-`` whose span was dropped becomes
    ``B-`` (IOB2 repair), as the CoNLL reader does for ANERcorp."""
    segments: list[tuple[list[str], list[str]]] = []
    tokens: list[str] = []
    tags: list[str] = []
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        parts = line.split()
        if not parts:
            if tokens:
                segments.append((tokens, _repair(tags)))
            tokens, tags = [], []
            continue
        if parts[0] == "$#$":
            continue
        tokens.append(parts[0])
        tags.append(outer_layer(parts[1]) if len(parts) > 1 else "O")
    return segments


def _repair(tags: list[str]) -> list[str]:
    out: list[str] = []
    for t in tags:
        if t.startswith("I-") and (not out or out[-1][2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
    return out


def _no_misc(tags: list[str]) -> list[str]:
    return ["O" if t.endswith("-MISC") else t for t in tags]


def overlap_scores(gold: list[list[str]], pred: list[list[str]]) -> dict[str, float]:
    """Lenient P/R/F1: a predicted span is right when it overlaps a gold span of its type,
    a gold span is found when a predicted span of its type overlaps it. This forgives the
    boundary conventions («قرية المجدل» vs «المجدل») and keeps the type question."""
    right = found = n_pred = n_gold = 0
    for g, p in zip(gold, pred):
        gs, ps = tag_spans(g), tag_spans(p)
        n_pred += len(ps)
        n_gold += len(gs)
        right += sum(any(t == u and a < d and c < b for c, d, u in gs) for a, b, t in ps)
        found += sum(any(t == u and a < d and c < b for a, b, u in ps) for c, d, t in gs)
    precision = right / n_pred if n_pred else 0.0
    recall = found / n_gold if n_gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--doc-size", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    folder = shared_data_dir() / "ner" / "wojood_sample"
    if not folder.is_dir():
        print(f"shared data absent ({folder}): skipped")
        return 0
    segments = [s for f in FILES for s in read_wojood(folder / f)]
    sentences = [tokens for tokens, _ in segments]
    gold = [tags for _, tags in segments]
    results: dict[str, dict[str, object]] = {}
    for name, directory in (("CRF (models/ner)", SHIPPED_MODEL_DIR), ("BiLSTM-CRF (models/ner_nn, shipped)", NN_MODEL_DIR)):
        model = load_ner(directory)
        for mode in ("sentence", "document"):
            if mode == "sentence":
                pred = model.tag_many(sentences)
            else:
                pred = []
                for i in range(0, len(sentences), args.doc_size):
                    pred += model.tag_document(sentences[i:i + args.doc_size])
            pred = [_no_misc(list(p)) for p in pred]
            scores = Scores()
            for g, p in zip(gold, pred):
                scores.add(g, p)
            results[f"{name}, {mode}"] = {**scores.as_dict(), "overlap": overlap_scores(gold, pred)}
    if args.json:
        print(json.dumps({"segments": len(segments), "tokens": sum(map(len, sentences)), "results": results}))
        return 0
    print(f"Wojood sample: {len(segments)} segments, {sum(map(len, sentences))} tokens "
          f"(PERS {sum(t.startswith('B-PERS') for g in gold for t in g)}, "
          f"LOC {sum(t.startswith('B-LOC') for g in gold for t in g)}, "
          f"ORG {sum(t.startswith('B-ORG') for g in gold for t in g)} entities)")
    for name, res in results.items():
        per = res["per_type"]
        assert isinstance(per, dict)
        types = ", ".join(f"{t} {v['f1']:.3f}" for t, v in sorted(per.items()))
        lenient = res["overlap"]
        assert isinstance(lenient, dict)
        print(f"{name}: exact P {res['precision']:.3f} R {res['recall']:.3f} F1 {res['f1']:.3f} ({types}); "
              f"overlap P {lenient['precision']:.3f} R {lenient['recall']:.3f} F1 {lenient['f1']:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
