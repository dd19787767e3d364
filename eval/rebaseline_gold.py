"""Re-measure the quotes/events/times gate baselines over every open gold file.

    .venv/bin/python eval/rebaseline_gold.py [--margin 0.02] [--dry-run]

Run after a gold set is opened (scored once as held-out, then added to folder runs) or
after a round of rule changes: it runs each baseline's own command (``marsad eval
quotes|events|times eval/gold --json``), stores the measured scores, sets each minimum to
the measured score minus ``--margin`` rounded down to two decimals, and records the hash of
the source articles the gold points at (``eval/gate.py``'s ``data_hash``), so the gate
notices when the gold set or its sources change without a new measurement.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

from gate import data_dir, data_hash

from marsad.evaluation.gold import HELD_OUT_FILES, load_gold

TASKS = ("quotes", "events", "times")


def _dig(obj: dict, dotted: str) -> float:
    for part in dotted.split("."):
        obj = obj[part]
    return float(obj)  # type: ignore[arg-type]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--margin", type=float, default=0.02)
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--save", type=Path, help="also write each task's full JSON result to DIR/<task>.json")
    args = parser.parse_args()
    gold = load_gold(ROOT / "eval" / "gold")
    paths = list(dict.fromkeys(g.path for g in gold))
    files = sorted({g.split for g in gold})
    digest = data_hash(data_dir(), paths)
    for task in TASKS:
        path = ROOT / "eval" / "baselines" / f"{task}.json"
        base = json.loads(path.read_text("utf-8"))
        proc = subprocess.run([str(ROOT / ".venv" / "bin" / "marsad"), *base["command"][1:]], cwd=ROOT,
                              capture_output=True, text=True, check=True)
        line = [x for x in proc.stdout.splitlines() if x.strip()][-1]
        result = json.loads(line)
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"{task}.json").write_text(line + "\n", "utf-8")
        measured = {k: round(_dig(result, k), 4) for k in base["minimums"]}
        base["minimums"] = {k: math.floor((v - args.margin) * 100) / 100 for k, v in measured.items()}
        base["measured"] = measured
        base["data"] = paths
        base["data_sha256"] = digest
        base["note"] = (f"gold: eval/gold, all files a folder run reads ({', '.join(files)}: {len(gold)} articles; "
                        f"held out and not read: {', '.join(sorted(HELD_OUT_FILES))}); minimums = measured - "
                        f"{args.margin}, rounded down; measured {dt.date.today().isoformat()} with the full "
                        "default pipeline")
        print(task, measured)
        if not args.dry_run:
            path.write_text(json.dumps(base, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
