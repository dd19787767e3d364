"""Accuracy gate: every task's scores must stay at or above the minimums stored here.

Each ``eval/baselines/*.json`` describes one task::

    {"task": "ner",
     "command": ["marsad", "eval", "ner", "{data}/ner/...", "--split", "dev", "--json"],
     "data": ["ner/anercorp/ANERCorp_CamelLab_train.txt"],   # relative to the shared data dir
     "data_sha256": "...",                                    # see data_hash()
     "minimums": {"f1": 0.80, "per_type.PERS.f1": 0.80}}

The command must print one JSON object (its last non-empty stdout line); a minimum's
key is a dotted path into it. ``{data}`` in the command is replaced by the shared data
folder (``$MARSAD_DATA``, else ``../shared/data`` beside the repository). A task added
later (quotes, events, times ...) only adds its own json file.

Exit status: 0 when every score meets its minimum, or when the shared data is absent
(a user's machine: the gate says so and skips); 1 when a score is below its minimum,
the evaluation data changed (hash mismatch), or a command failed.

    python eval/gate.py                 # run every baseline
    python eval/gate.py --task ner      # only one task
    python eval/gate.py --show-hashes   # print the current data hash of each baseline
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
BASELINES = ROOT / "eval" / "baselines"
console = Console()


def data_dir() -> Path:
    env = os.environ.get("MARSAD_DATA")
    return Path(env) if env else ROOT.parent / "shared" / "data"


def data_hash(root: Path, relative_paths: list[str]) -> str:
    """sha256 over each file's relative path and content hash, in the listed order."""
    outer = hashlib.sha256()
    for rel in relative_paths:
        inner = hashlib.sha256()
        with (root / rel).open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                inner.update(block)
        outer.update(f"{rel}\0{inner.hexdigest()}\n".encode())
    return outer.hexdigest()


@dataclass
class Baseline:
    path: Path
    task: str
    command: list[str]
    data: list[str]
    data_sha256: str
    minimums: dict[str, float]
    timeout: int = 1800

    @classmethod
    def load(cls, path: Path) -> Baseline:
        try:
            raw = json.loads(path.read_text("utf-8"))
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path.name}: not valid JSON ({exc})") from None
        missing = [k for k in ("task", "command", "data", "data_sha256", "minimums") if k not in raw]
        if missing:
            raise ValueError(f"{path.name}: missing key(s) {', '.join(missing)}")
        if not isinstance(raw["command"], list) or not all(isinstance(c, str) for c in raw["command"]):
            raise ValueError(f"{path.name}: 'command' must be a list of strings")
        return cls(path, str(raw["task"]), list(raw["command"]), list(raw["data"]), str(raw["data_sha256"]),
                   {str(k): float(v) for k, v in raw["minimums"].items()}, int(raw.get("timeout", 1800)))


@dataclass
class Outcome:
    task: str
    rows: list[tuple[str, float | None, float, bool]] = field(default_factory=list)
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and all(passed for *_, passed in self.rows)


def lookup(result: dict[str, Any], dotted: str) -> float | None:
    node: Any = result
    for part in dotted.split("."):
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return float(node) if isinstance(node, (int, float)) else None


def resolve_command(command: list[str], root: Path) -> list[str]:
    """``{data}`` substituted; a leading ``marsad`` runs this interpreter's Marsad, a leading
    ``python`` this interpreter (a script under ``eval/``)."""
    args = [c.replace("{data}", str(root)) for c in command]
    if args and args[0] == "marsad":
        args = [sys.executable, "-m", "marsad", *args[1:]]
    elif args and args[0] == "python":
        args = [sys.executable, *args[1:]]
    return args


def run_baseline(base: Baseline, root: Path) -> Outcome:
    outcome = Outcome(base.task)
    absent = [rel for rel in base.data if not (root / rel).is_file()]
    if absent:
        outcome.error = f"evaluation data missing: {', '.join(absent)}"
        return outcome
    actual = data_hash(root, base.data)
    if actual != base.data_sha256:
        outcome.error = (f"evaluation data changed (sha256 {actual[:12]}… != stored {base.data_sha256[:12]}…): "
                         f"re-measure and update {base.path}")
        return outcome
    env = {**os.environ, "MARSAD_DATA": str(root)}
    src = str(ROOT / "src")
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    try:
        proc = subprocess.run(resolve_command(base.command, root), capture_output=True, text=True,
                              timeout=base.timeout, cwd=ROOT, env=env, check=False)
    except subprocess.TimeoutExpired:
        outcome.error = f"command timed out after {base.timeout} s"
        return outcome
    if proc.returncode != 0:
        last = (proc.stderr.strip().splitlines() or ["(no stderr)"])[-1]
        outcome.error = f"command exited {proc.returncode}: {last}"
        return outcome
    lines = [ln for ln in proc.stdout.splitlines() if ln.strip()]
    try:
        result = json.loads(lines[-1]) if lines else None
    except json.JSONDecodeError:
        result = None
    if not isinstance(result, dict):
        outcome.error = "command did not print a JSON object on its last line"
        return outcome
    for key, minimum in base.minimums.items():
        value = lookup(result, key)
        outcome.rows.append((key, value, minimum, value is not None and value >= minimum))
    return outcome


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Compare evaluation scores with stored minimums.")
    parser.add_argument("--task", action="append", help="only run this task (repeatable)")
    parser.add_argument("--show-hashes", action="store_true", help="print each baseline's current data hash")
    parser.add_argument("--baselines", type=Path, default=BASELINES, help="folder of baseline json files")
    args = parser.parse_args(argv)

    root = data_dir()
    if not root.is_dir():
        console.print(f"shared data absent: gate skipped ({root} not found; set MARSAD_DATA)")
        return 0
    try:
        baselines = [Baseline.load(p) for p in sorted(args.baselines.glob("*.json"))]
    except ValueError as exc:
        console.print(f"[red]gate: {exc}[/red]")
        return 1
    if args.task:
        baselines = [b for b in baselines if b.task in set(args.task)]
    if not baselines:
        console.print("[red]gate: no baselines to check[/red]")
        return 1
    if args.show_hashes:
        for b in baselines:
            absent = [rel for rel in b.data if not (root / rel).is_file()]
            console.print(f"{b.task}: " + (f"missing {absent}" if absent else data_hash(root, b.data)))
        return 0

    table = Table(title=f"Accuracy gate (data: {root})")
    for col in ("task", "metric", "measured", "minimum", "result"):
        table.add_column(col, justify="right" if col in ("measured", "minimum") else "left")
    failed = False
    for base in baselines:
        outcome = run_baseline(base, root)
        if outcome.error:
            table.add_row(base.task, "-", "-", "-", f"[red]FAIL: {outcome.error}[/red]")
        for key, value, minimum, passed in outcome.rows:
            shown = "missing" if value is None else f"{value:.4f}"
            table.add_row(base.task, key, shown, f"{minimum:.4f}", "[green]ok[/green]" if passed else "[red]FAIL[/red]")
        failed |= not outcome.ok
    console.print(table)
    if failed:
        console.print("[red]gate failed: a score is below its minimum or a task could not be measured[/red]")
        return 1
    console.print("[green]gate passed[/green]")
    return 0


if __name__ == "__main__":
    sys.exit(main())
