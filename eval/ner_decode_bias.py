"""Does the tagger miss names out of timidity?  Add a constant to every entity label's score
before Viterbi and watch precision, recall and F1 on the dev split.

    .venv/bin/python eval/ner_decode_bias.py [--model src/marsad/models/ner_nn]

Dev recall (0.74) trails precision (0.85); if the gap were a bias toward O, a bonus for the
entity labels would buy F1. It does not (README, "Also measured"): the misses are wrong
boundaries and types, which a constant cannot move.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.extract.ner_neural import NeuralTagger
from marsad.training.ner import anercorp_split, anercorp_train_file
from marsad.training.scoring import score


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", type=Path, default=ROOT / "src" / "marsad" / "models" / "ner_nn")
    args = parser.parse_args()
    if not anercorp_train_file().is_file():
        print("shared data absent: skipped")
        return 0
    _, dev = anercorp_split()
    tagger = NeuralTagger(args.model)
    plain = tagger.emissions_many
    gold = [s.tags for s in dev]
    print("bonus | sentences P / R / F1 | documents of 20 P / R / F1")
    for bonus in (0.0, 0.25, 0.5, 0.75, 1.0, 1.5):
        shift = np.array([0.0 if label == "O" else bonus for label in tagger.labels])
        tagger.emissions_many = lambda ss, shift=shift: [e + shift for e in plain(ss)]  # type: ignore[method-assign]
        sent = score(gold, tagger.tag_many([s.tokens for s in dev])).micro
        docs: list[list[str]] = []
        for i in range(0, len(dev), 20):
            docs += tagger.tag_document([s.tokens for s in dev[i:i + 20]])
        doc = score(gold, docs).micro
        print(f"{bonus:5.2f} | {sent[0]:.3f} / {sent[1]:.3f} / {sent[2]:.3f} | {doc[0]:.3f} / {doc[1]:.3f} / {doc[2]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
