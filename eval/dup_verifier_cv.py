"""Leave-one-round-out check of the learned copy verifier, and the choice of its threshold.

    python eval/dup_verifier_cv.py [--test 2 3 ...] [--exclude 11 12 13 14] [--without NAME ...]
                                   [--all-candidates] [--min-containment X] [--fixed shipped]

For each judged round R (``--test``, 2-10 by default), a verifier is trained on every judged pair *not* drawn in
R (and not in the ``--exclude`` rounds), and R's pairs are decided by it: a pair is a copy
when the detector would compare it at all (an LSH, opening-LSH or anchor candidate), and then by
the model when the shorter text is at least 30% inside the longer (the rule below that).
Each judged pair stands for its stratum (stratum size / pairs judged there), with the
strata sizes of the hand rule's partition, which drew round 5 (the other rounds were drawn
from earlier rules or from verifier versions, so their rows are re-weighted approximately).
The rule's own figures on rounds 2-4 are fitted: they were tuned on those rounds.

The shipped threshold is the lowest whose mean precision over the held-out rounds is at
least 0.95, the issue's precision target: 0.5 for the fifth version (``--test 2 3 4 5 6 7
8 9 10``: 0.956 / 0.892 before the anchor index, 0.951 / 0.906 with it, whose candidates this
check now reads) and the fourth (2-8: 0.955 / 0.885), 0.6 for the first three (2-6:
0.954 / 0.890; 2-7: 0.961 / 0.880 — each figure with the later rounds left out, e.g. ``--test 2 3
4 5 6 --exclude 7 8 9 10 11 12 13 14``). Rounds drawn after a version was frozen measure it
(round 6 the first version, 7 the second, 8 the third, 9-10 the fourth, 11-12 the fifth,
13-14 the fifth with the anchor index; ``dup_saudi_sample.py score``).
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

import dup_saudi_sample as S
from corpus_eval import read_saudi
from datasketch import MinHashLSH

from marsad.corpus.duplicates import (
    DuplicateConfig,
    make_anchors,
    make_lead_minhash,
    make_minhash,
    shingles_of_words,
)
from marsad.corpus.pair_model import FEATURES, load_verifier
from marsad.corpus.records import CorpusDoc
from marsad.corpus.textprep import words
from marsad.training.dup_verifier import JudgedPair, feature_rows, fit_trees

JUDGED = ["dup_saudi_fresh.jsonl", "dup_saudi_recall.jsonl", "dup_saudi_check.jsonl", "dup_saudi_heldout.jsonl",
          "dup_saudi_round3.jsonl", "dup_saudi_round4.jsonl", "dup_saudi_round5.jsonl", "dup_saudi_round6.jsonl",
          "dup_saudi_round7.jsonl", "dup_saudi_round8.jsonl", "dup_saudi_round9.jsonl", "dup_saudi_round10.jsonl", "dup_saudi_round11.jsonl",
          "dup_saudi_round12.jsonl", "dup_saudi_round13.jsonl", "dup_saudi_round14.jsonl",
          "dup_saudi_groups.jsonl"]
THRESHOLDS = (0.4, 0.5, 0.6, 0.7, 0.8)


def judged_rows() -> list[dict[str, object]]:
    """Every judged row, with its sample (precision / recall / other) made explicit."""
    rows = []
    for name in JUDGED:
        for r in S.read_rows(ROOT / "eval" / name):
            if r.get("verdict") not in ("duplicate", "not_duplicate"):
                continue
            sample = r.get("sample") or {"dup_saudi_fresh.jsonl": "precision",
                                         "dup_saudi_recall.jsonl": "recall"}.get(name, "other")
            rows.append({**r, "sample": sample})
    return rows


def candidates(pairs: list[tuple[str, str]], config: DuplicateConfig,
               docs: Iterable[CorpusDoc]) -> set[tuple[str, str]]:
    """The pairs the detector's three indexes would propose when it reads ``docs`` in order:
    the two LSH indexes (the same hashing, so the same answer), and the anchor index, where
    an anchor counts for a pair when the later article is among the first ``anchor_max_df``
    + 1 to carry it (the detector forgets the anchor after that)."""
    docs = list(docs)
    wanted = {x for p in pairs for x in p}
    ws = {d.id: words(d.text) for d in docs if d.id in wanted}
    rank: dict[tuple[int, str], int] = {}  # (anchor, article) -> how many carried it before
    seen: dict[int, int] = defaultdict(int)
    order = {d.id: i for i, d in enumerate(docs)}
    anchors: dict[str, set[int]] = {}
    for d in docs:
        mine = make_anchors(ws[d.id] if d.id in ws else words(d.text), config)
        for a in mine:
            if d.id in wanted:
                rank[(a, d.id)] = seen[a]
            seen[a] += 1
        if d.id in wanted:
            anchors[d.id] = mine
    out = set()
    for a, b in pairs:
        later = b if order[b] > order[a] else a
        shared = sum(1 for x in anchors[a] & anchors[b] if rank[(x, later)] <= config.anchor_max_df)
        if config.anchor_every > 0 and shared >= config.anchor_min_shared:
            out.add((a, b))
            continue
        lsh = MinHashLSH(threshold=config.lsh_threshold, num_perm=config.num_perm)
        lsh.insert("a", make_minhash(shingles_of_words(ws[a]), config))
        lead = MinHashLSH(threshold=config.lead_lsh_threshold, num_perm=config.lead_perm)
        lead.insert("a", make_lead_minhash(ws[a], config))
        if lsh.query(make_minhash(shingles_of_words(ws[b]), config)) or lead.query(make_lead_minhash(ws[b], config)):
            out.add((a, b))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--exclude", type=int, nargs="*", default=[11, 12, 13, 14],
                        help="rounds never trained on (default: 11-14, drawn from the shipped verifier, "
                             "which the threshold choice must not see)")
    parser.add_argument("--test", type=int, nargs="+", default=[2, 3, 4, 5, 6, 7, 8, 9, 10], help="rounds held out in turn")
    parser.add_argument("--without", nargs="*", default=[], help="features left out (to measure them)")
    parser.add_argument("--all-candidates", action="store_true",
                        help="treat every judged pair as proposed by LSH (what a perfect candidate index would add)")
    parser.add_argument("--fixed", default=None, metavar="shipped|MODEL.json",
                        help="decide every held-out round with this model instead of one fitted without it")
    parser.add_argument("--min-containment", type=float, default=None,
                        help="let the model decide pairs from this containment (default: the config's)")
    args = parser.parse_args()
    config = DuplicateConfig()
    if args.min_containment is not None:
        config = DuplicateConfig(learned_min_containment=args.min_containment)
    fixed = None if args.fixed is None else load_verifier(None if args.fixed == "shipped" else args.fixed)
    rows = judged_rows()
    pairs = [JudgedPair(str(r["a"]), str(r["b"]), r["verdict"] == "duplicate", str(r.get("round", ""))) for r in rows]
    docs = list(read_saudi())  # read once: the features and the candidate check both need it
    x, _, used = feature_rows(docs, pairs, config)
    keep = [i for i, name in enumerate(FEATURES) if name not in args.without]
    feats = {S.key(p.a, p.b): v for p, v in zip(used, x)}
    cands = {S.key(p.a, p.b) for p in used} if args.all_candidates else \
        candidates([S.key(p.a, p.b) for p in used], config, docs)
    accepted = S.accepted_pairs(verifier="rule")
    sizes = {"precision": S.population_sizes(accepted, S.PRECISION_STRATA),
             "recall": S.population_sizes(S.rejected_universe(accepted), S.RECALL_STRATA)}
    rule_col, cont_col = FEATURES.index("rule"), FEATURES.index("containment")

    def estimate(test: list[dict[str, object]], decide: dict[tuple[str, str], bool]) -> tuple[float, float]:
        strata: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
        for r in test:
            strata[(str(r["sample"]), str(r["stratum"]))].append(r)
        return S.weighted_precision_recall(strata, sizes, lambda r: decide[S.key(str(r["a"]), str(r["b"]))])

    means: dict[float, list[tuple[float, float]]] = defaultdict(list)
    print("round  rule (P/R)    " + "  ".join(f"model>={t} (P/R)" for t in THRESHOLDS))
    for held in args.test:
        test = [r for r in rows if r.get("round") == held and r["sample"] in ("precision", "recall")]
        train = [r for r in rows if r.get("round") != held and r.get("round") not in args.exclude]
        keys = [S.key(str(r["a"]), str(r["b"])) for r in test]
        if fixed is not None:
            prob = {k: fixed.probability(list(feats[k])) for k in keys}
        else:
            clf = fit_trees(np.array([feats[S.key(str(r["a"]), str(r["b"]))][keep] for r in train]),
                            np.array([r["verdict"] == "duplicate" for r in train]))
            prob = dict(zip(keys, clf.predict_proba(np.array([feats[k][keep] for k in keys]))[:, 1]))
        rule = estimate(test, {k: k in cands and bool(feats[k][rule_col]) for k in keys})
        cells = [f"R{held}     {rule[0]:.3f}/{rule[1]:.3f}"]
        for t in THRESHOLDS:
            decide = {k: k in cands and (prob[k] >= t if feats[k][cont_col] >= config.learned_min_containment
                                         else bool(feats[k][rule_col])) for k in keys}
            p, r = estimate(test, decide)
            means[t].append((p, r))
            cells.append(f"   {p:.3f}/{r:.3f}  ")
        print("  ".join(cells))
    for t in THRESHOLDS:
        p, r = np.mean([m[0] for m in means[t]]), np.mean([m[1] for m in means[t]])
        print(f"threshold {t}: mean precision {p:.3f}, recall {r:.3f}, F1 {2 * p * r / (p + r):.3f}")


if __name__ == "__main__":
    main()
