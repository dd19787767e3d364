"""Precision and recall of the duplicate *groups* on SaudiNewsNet, not only of the verified pairs.

    python eval/dup_saudi_groups.py draw --seed 6 --n 40 [--show] [--write]
    python eval/dup_saudi_groups.py show              # the drawn rows not judged yet, for judging
    python eval/dup_saudi_groups.py score [--round 5]

Why: ``marsad duplicates`` prints groups, and a group joins every article linked to it through
any chain of verified pairs (union-find). Two articles in one group are shown as copies of each
other even when the detector never compared them or rejected them: these *implied* pairs are not
in the pair-level sample of ``eval/dup_saudi_sample.py`` (which judges verified pairs only and
counts a rejected pair as missed even when a chain puts both articles in one group). Here:

* the implied pairs (same group, not verified) are drawn at random and judged by hand with the
  same definition of a copy (``eval/dup_saudi_groups.jsonl``, ``"sample": "implied"``);
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

from dup_saudi_sample import (
    PRECISION_STRATA,
    RECALL_STRATA,
    accepted_pairs,
    judged_rows,
    key,
    population_sizes,
    read_rows,
    rejected_universe,
    seen_pairs,
    show,
    stratum_of,
    wilson,
)

GROUPS_FILE = ROOT / "eval" / "dup_saudi_groups.jsonl"


def group_of(pairs: list[tuple[str, str]]) -> dict[str, str]:
    """Article id -> group root, by union-find over the verified pairs (as ``group_pairs``)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
    return {x: find(x) for x in list(parent)}


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
    accepted = accepted_pairs()
    root = group_of(list(accepted))
    seen = seen_pairs() | {key(str(r["a"]), str(r["b"])) for r in read_rows(GROUPS_FILE)}
    pool = [p for p in implied_pairs(accepted, root) if p not in seen]
    rows = [{"sample": "implied", "a": a, "b": b, "draw": f"seed{args.seed}"}
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


def score(args: argparse.Namespace) -> None:
    accepted = accepted_pairs()
    root = group_of(list(accepted))
    implied = implied_pairs(accepted, root)
    judged = [r for r in read_rows(GROUPS_FILE) if r.get("verdict")]
    same = lambda a, b: a in root and b in root and root[a] == root[b]
    # verified pairs: the weighted precision of the judged round
    sizes = population_sizes(accepted, PRECISION_STRATA)
    prec_rows = judged_rows("precision", args.round)
    by: dict[str, list[bool]] = defaultdict(list)
    for r in prec_rows:
        by[str(r["stratum"])].append(r["verdict"] == "duplicate")
    true_verified = sum(sizes[s] * sum(v) / len(v) for s, v in by.items() if v)
    k = sum(r["verdict"] == "duplicate" for r in judged)
    share_implied = k / len(judged) if judged else float("nan")
    true_implied = share_implied * len(implied)
    grouped = len(accepted) + len(implied)
    print(f"verified pairs {len(accepted)}, implied pairs {len(implied)} "
          f"({len(set(root.values()))} groups holding {len(root)} articles)")
    lo, hi = wilson(k, len(judged))
    print(f"implied pairs judged {len(judged)}: copies {k} = {share_implied:.3f} (Wilson {lo:.2f}-{hi:.2f})")
    print(f"pair precision of the verified pairs (round {args.round}): {true_verified / len(accepted):.3f}")
    print(f"group-level pair precision: {(true_verified + true_implied) / grouped:.3f}")
    # recall: the round's recall rows, a copy in one group counts as found
    rejected = rejected_universe(accepted)
    not_grouped = {p: s for p, s in rejected.items() if not same(*p)}
    ng_sizes = population_sizes(not_grouped, RECALL_STRATA)
    rec_rows = judged_rows("recall", args.round)
    missed = 0.0
    for name, _, _ in RECALL_STRATA:
        rows = [r for r in rec_rows if r["stratum"] == name and not same(str(r["a"]), str(r["b"]))]
        grouped_copies = sum(r["verdict"] == "duplicate" for r in rec_rows
                             if r["stratum"] == name and same(str(r["a"]), str(r["b"])))
        share = sum(r["verdict"] == "duplicate" for r in rows) / len(rows) if rows else 0.0
        missed += ng_sizes[name] * share
        print(f"  {name:12s} universe pairs not grouped {ng_sizes[name]:6d} (of {len(rejected) and sum(1 for p, s in rejected.items() if stratum_of(RECALL_STRATA, s) == name):6d}); "
              f"judged rows not grouped {len(rows):3d}, copies {sum(r['verdict'] == 'duplicate' for r in rows)}; "
              f"judged copies grouped by a chain {grouped_copies}")
    true_grouped = true_verified + true_implied
    print(f"group-level recall: {true_grouped / (true_grouped + missed):.3f} "
          f"(true grouped copies ~{true_grouped:.0f}, missed ~{missed:.0f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("draw")
    p.add_argument("--seed", type=int, default=6)
    p.add_argument("--n", type=int, default=40)
    p.add_argument("--show", action="store_true")
    p.add_argument("--write", action="store_true")
    sub.add_parser("show")
    p = sub.add_parser("score")
    p.add_argument("--round", type=int, nargs="+", default=[5])
    args = parser.parse_args()
    if args.cmd == "draw":
        draw(args)
    elif args.cmd == "show":
        show_unjudged()
    else:
        score(args)


if __name__ == "__main__":
    main()
