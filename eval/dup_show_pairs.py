"""Print judging packets of SaudiNewsNet pairs: ids only in, both texts in full out.

    python eval/dup_show_pairs.py PACKET.jsonl [START [COUNT]]

A packet is JSON Lines of {"a": ID, "b": ID}, shuffled and stripped of sample, stratum and
scores, so the reader judges without knowing what the detector decided (eval/dup_judging.md).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

from corpus_eval import read_saudi


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    rows = [json.loads(x) for x in Path(sys.argv[1]).read_text(encoding="utf-8").splitlines() if x.strip()]
    start = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    count = int(sys.argv[3]) if len(sys.argv) > 3 else len(rows)
    need = {r["a"] for r in rows} | {r["b"] for r in rows}
    docs = {d.id: d for d in read_saudi() if d.id in need}
    for i, r in enumerate(rows[start:start + count], start):
        print(f"\n######## pair {i}: A={r['a']} B={r['b']}")
        for tag, d in (("A", docs[r["a"]]), ("B", docs[r["b"]])):
            print(f"--- {tag} [{d.source} {d.published}] {len(d.text.split())} words")
            print(f"TITLE: {d.title}")
            print(d.text)


if __name__ == "__main__":
    main()
