"""Precision and recall of the duplicate *groups* on SaudiNewsNet, not only of the verified pairs.

    python eval/dup_saudi_groups.py draw --seed 6 --n 40 [--show] [--write] [--components]
    python eval/dup_saudi_groups.py show              # the drawn rows not judged yet, for judging
    python eval/dup_saudi_groups.py score [--round 5] [--components]

Why: ``marsad duplicates`` prints groups. A group is an original and the later articles verified
against it (``group_pairs``), so two *members* are shown as copies of each other even when the
detector never compared them or rejected them: these *implied* pairs are not in the pair-level
sample of ``eval/dup_saudi_sample.py`` (which judges verified pairs only and counts a rejected
pair as missed even when both articles sit in one group). Here:

* the implied pairs (same group, not verified) are drawn at random and judged by hand with the
  same definition of a copy (``eval/dup_saudi_groups.jsonl``, ``"sample": "implied"``; its 40
  rows were drawn with ``draw --seed 6 --n 40 --components`` from connected components, a
  superset, so the rows still implied under the shipped grouping are a random sample of its
  implied pairs — 5 of them);
* group-level precision = (verified true copies + implied true copies) / (verified + implied
  pairs), the verified share taken from a judged precision round;
* group-level recall re-reads the same round's recall sample: a judged copy whose two articles
  share a group is found; the copies still missed are estimated from the rows not grouped,
  stratum by stratum, over the universe pairs not grouped.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

from corpus_eval import read_saudi
from dup_saudi_sample import (
    PRECISION_STRATA,
    RECALL_STRATA,
    accepted_pairs,
    judged_rows,
    key,
    read_rows,
    rejected_universe,
    seen_pairs,
    show,
    stratum_of,
    wilson,
)

from marsad.corpus.duplicates import UnionFind, group_pairs

GROUPS_FILE = ROOT / "eval" / "dup_saudi_groups.jsonl"


def group_of(pairs: list[tuple[str, str]], components: bool = False) -> dict[str, str]:
    """Article id -> the original of its group, grouped exactly as ``marsad duplicates`` does
    (:func:`marsad.corpus.duplicates.group_pairs`: publication order, every member verified
    against its group's original); ``components``: plain connected components instead, the
    grouping that function avoids, for comparison."""
    if components:
        uf = UnionFind()
        for a, b in pairs:
            uf.union(a, b)
        return {x: uf.find(x) for x in list(uf.parent)}
    published = {d.id: d.published for d in read_saudi()}
    return {m: g.original for g in group_pairs(pairs, published) for m in g.members}


def implied_pairs(accepted: dict[tuple[str, str], tuple[float, float, int]], root: dict[str, str]
                  ) -> list[tuple[str, str]]:
    members: dict[str, list[str]] = defaultdict(list)
    for x, r in root.items():
        members[r].append(x)
    out = []
    for ids in members.values():
        ids.sort()
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                if key(a, b) not in accepted:
                    out.append(key(a, b))
    return sorted(out)


def draw(args: argparse.Namespace) -> None:
    accepted = accepted_pairs(verifier="rule")  # its judged pairs were drawn from the hand rule's groups
    root = group_of(list(accepted), args.components)
    seen = seen_pairs() | {key(str(r["a"]), str(r["b"])) for r in read_rows(GROUPS_FILE)}
    pool = [p for p in implied_pairs(accepted, root) if p not in seen]
    population = "components" if args.components else "groups"
    rows = [{"sample": "implied", "a": a, "b": b, "draw": f"seed{args.seed}", "population": population}
            for a, b in random.Random(args.seed).sample(pool, min(args.n, len(pool)))]
    print(f"{len(pool)} implied pairs not judged before; {len(rows)} drawn")
    if args.write:
        with GROUPS_FILE.open("a", encoding="utf-8") as fh:
            fh.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    if args.show:
        for r in rows:
            r.update(stratum="implied", jaccard="-", containment="-")
        show(rows)


def show_unjudged() -> None:
    rows = [r for r in read_rows(GROUPS_FILE) if not r.get("verdict")]
    for r in rows:
        r.update(stratum="implied", jaccard="-", containment="-")
    show(rows, width=1200)


def _share(rows: list[dict[str, object]]) -> float:
    return sum(r["verdict"] == "duplicate" for r in rows) / len(rows) if rows else 0.0


def score(args: argparse.Namespace) -> None:
    accepted = accepted_pairs(verifier="rule")  # its judged pairs were drawn from the hand rule's groups
    root = group_of(list(accepted), args.components)
    implied = set(implied_pairs(accepted, root))

    def same(a: object, b: object) -> bool:
        return str(a) in root and str(b) in root and root[str(a)] == root[str(b)]

    print(f"{len(set(root.values()))} groups holding {len(root)} articles; verified pairs {len(accepted)}, "
          f"{sum(same(*p) for p in accepted)} of them inside one group; implied pairs {len(implied)}")
    # verified pairs, by the judged round's Jaccard strata: grouped or not (an article verified
    # against two originals joins the earlier one only)
    true_grouped = grouped = missed = 0.0
    prec_rows = judged_rows("precision", args.round)
    for name, _, _ in PRECISION_STRATA:
        pop = [p for p, sc in accepted.items() if stratum_of(PRECISION_STRATA, sc) == name]
        n_in = sum(same(*p) for p in pop)
        rows = [r for r in prec_rows if r["stratum"] == name]
        rows_in = [r for r in rows if same(r["a"], r["b"])]
        rows_out = [r for r in rows if not same(r["a"], r["b"])]
        grouped += n_in
        true_grouped += n_in * _share(rows_in)
        missed += (len(pop) - n_in) * _share(rows_out)
        print(f"  verified {name:8s} pairs {len(pop):6d}, in one group {n_in:6d}; judged {len(rows)} "
              f"({len(rows_in)} in one group, {sum(r['verdict'] == 'duplicate' for r in rows_in)} copies; "
              f"{len(rows_out)} not, {sum(r['verdict'] == 'duplicate' for r in rows_out)} copies)")
    # a row drawn from connected components' implied pairs (a superset) that is still implied here
    # is a random draw from these implied pairs too; one drawn from the shipped groups' is not a
    # random draw from the components' (a smaller population)
    usable = ("components",) if args.components else ("components", "groups")
    judged = [r for r in read_rows(GROUPS_FILE) if r.get("verdict") and r.get("population") in usable
              and key(str(r["a"]), str(r["b"])) in implied]
    k = sum(r["verdict"] == "duplicate" for r in judged)
    lo, hi = wilson(k, len(judged))
    print(f"  implied pairs judged (drawn at random, still implied now) {len(judged)}: copies {k} = "
          f"{_share(judged):.3f} (Wilson {lo:.2f}-{hi:.2f})")
    grouped += len(implied)
    true_grouped += len(implied) * _share(judged)
    # rejected universe pairs: a copy in one group is found; the rest by stratum
    rejected = rejected_universe(accepted)
    rec_rows = judged_rows("recall", args.round)
    for name, _, _ in RECALL_STRATA:
        pop = [p for p, sc in rejected.items() if stratum_of(RECALL_STRATA, sc) == name and not same(*p)]
        rows = [r for r in rec_rows if r["stratum"] == name and not same(r["a"], r["b"])]
        chained = sum(r["verdict"] == "duplicate" for r in rec_rows if r["stratum"] == name and same(r["a"], r["b"]))
        missed += len(pop) * _share(rows)
        print(f"  universe {name:12s} pairs not in one group {len(pop):6d}; judged {len(rows)}, copies "
              f"{sum(r['verdict'] == 'duplicate' for r in rows)}; judged copies inside one group {chained}")
    print(f"group-level pair precision: {true_grouped / max(1.0, grouped):.3f}")
    print(f"group-level recall: {true_grouped / max(1e-9, true_grouped + missed):.3f} "
          f"(true copies in one group ~{true_grouped:.0f}, missed ~{missed:.0f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("draw")
    p.add_argument("--seed", type=int, default=6)
    p.add_argument("--n", type=int, default=40)
    p.add_argument("--show", action="store_true")
    p.add_argument("--write", action="store_true")
    p.add_argument("--components", action="store_true", help="draw from connected components' implied pairs")
    sub.add_parser("show")
    p = sub.add_parser("score")
    p.add_argument("--round", type=int, nargs="+", default=[5])
    p.add_argument("--components", action="store_true",
                   help="score plain connected components instead of the shipped grouping")
    args = parser.parse_args()
    if args.cmd == "draw":
        draw(args)
    elif args.cmd == "show":
        show_unjudged()
    else:
        score(args)


if __name__ == "__main__":
    main()
