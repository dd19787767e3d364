"""The near-duplicate detector's decisions on the judged SaudiNewsNet pairs, for the gate.

    python eval/dup_gate.py [--rounds 6 7 8 9 10 11 12 13 14] [--json]

Each judged pair is decided as the shipped detector decides it inside ``find_duplicates``
over the whole corpus: a pair is compared only when one of the two LSH indexes or the anchor
index proposes it (the same hashing, so the same answer), the corpus's shingle and word frequencies are
counted over all of SaudiNewsNet first, and then the hand rule, or the learned verifier
for dated, titled pairs sharing 30% or more, decides. Figures are plain shares of the
judged pairs (no stratum weights, unlike ``dup_saudi_sample.py score``): of the judged
copies, how many are accepted (recall), and of the accepted judged pairs, how many are
copies (precision). Rounds 6-10 trained the shipped verifier, so their figures are fitted;
rounds 11 and 12 were drawn from it (before the anchor index) and 13 and 14 from the detector
with the anchor index; none of 11-14 was trained on. The gate keeps all of them from
slipping.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

import dup_saudi_sample as S
from corpus_eval import read_saudi
from dup_verifier_cv import candidates

from marsad.corpus.duplicates import DuplicateConfig
from marsad.corpus.pair_model import FEATURES, load_verifier
from marsad.training.dup_verifier import JudgedPair, feature_rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, nargs="+", default=[6, 7, 8, 9, 10, 11, 12, 13, 14])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    config, model = DuplicateConfig(), load_verifier()
    if model is None:
        sys.exit("dup_gate: no shipped verifier (src/marsad/models/dup_verifier/model.json)")
    rows = {n: [r for r in S.read_rows(S.ROUND_FILES[n]) if "verdict" in r] for n in args.rounds}
    pairs = [JudgedPair(str(r["a"]), str(r["b"]), r["verdict"] == "duplicate", str(n))
             for n, rs in rows.items() for r in rs]
    docs = list(read_saudi())  # read once: the features and the candidate check both need it
    x, _, used = feature_rows(docs, pairs, config)
    cands = candidates([S.key(p.a, p.b) for p in used], config, docs)
    rule, cont = FEATURES.index("rule"), FEATURES.index("containment")
    # feature_rows only measures pairs whose articles are dated and titled in SaudiNewsNet (all are)
    decided = {S.key(p.a, p.b): S.key(p.a, p.b) in cands and (
        model.accepts(list(v)) if v[cont] >= config.learned_min_containment else bool(v[rule]))
        for p, v in zip(used, x)}
    out: dict[str, object] = {}
    for n, rs in rows.items():
        took = [decided[S.key(str(r["a"]), str(r["b"]))] for r in rs]
        copy = [r["verdict"] == "duplicate" for r in rs]
        tp = sum(t and c for t, c in zip(took, copy))
        out[f"round{n}"] = {"pairs": len(rs), "copies": sum(copy), "accepted": sum(took),
                            "precision": round(tp / max(1, sum(took)), 4), "recall": round(tp / max(1, sum(copy)), 4)}
    print(json.dumps(out) if args.json else json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
