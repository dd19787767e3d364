"""``marsad eval quotes|events|times GOLD [--json]``: score extraction against the gold set.

GOLD is a ``.jsonl`` file or a directory of them (``eval/gold``); the articles are
read from the shared data directory (``--data``, ``$MARSAD_DATA`` or
``../shared/data``).  Figures are given per split (dev, test) and overall; with
``--json`` one JSON object is printed on stdout.  Stages that could not be loaded are
named on stderr (and under ``missing`` in the JSON) — scores then describe the
pipeline that actually ran.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from marsad.cli import eval_app
from marsad.evaluation.gold import GoldError, default_data_dir
from marsad.evaluation.runner import analyse_gold, build_runner, evaluate
from marsad.extract.quote_fragments import shipped_model as shipped_fragment_model

GoldArg = Annotated[Path, typer.Argument(help="gold .jsonl file or directory (eval/gold)")]
JsonOpt = Annotated[bool, typer.Option("--json", help="print one JSON object")]
DataOpt = Annotated[Path | None, typer.Option("--data", help="shared data directory")]
ErrorsOpt = Annotated[int, typer.Option("--errors", help="show up to N errors (human output)")]
LeadOpt = Annotated[str, typer.Option("--lead-by", help="events: choose the lead sentence's main event with the "
                                      "shipped selector (model) or the hand rule alone (rule)")]


def _fail(message: str) -> None:
    print(f"marsad eval: {message}", file=sys.stderr)
    raise typer.Exit(2)


def _run(task: str, gold: Path, as_json: bool, data: Path | None, show_errors: int,
         lead_by: str = "model", fragments: bool = True, untyped: bool = True,
         speaker_model: Path | None = None) -> None:
    if lead_by not in ("model", "rule"):
        _fail(f"--lead-by must be model or rule, not {lead_by!r}")
    speakers = None
    if speaker_model is not None:
        from marsad.extract.speaker_ranker import load_model

        try:
            speakers = load_model(speaker_model)
        except (FileNotFoundError, ValueError) as exc:
            _fail(str(exc))
    data_dir = data or default_data_dir()
    if not data_dir.is_dir():
        _fail(f"shared data directory not found: {data_dir} (use --data or MARSAD_DATA)")
    runner = build_runner()
    for m in runner.missing:
        print(f"marsad eval: stage missing, skipped or replaced: {m}", file=sys.stderr)
    try:
        analysed = analyse_gold(gold, data_dir, runner)
    except GoldError as exc:
        _fail(str(exc))
        return
    result = evaluate(task, analysed, lead_by, fragments, untyped, speakers)
    result["missing"] = runner.missing
    # which stages really ran (e.g. "entities", not "entities(missing)"), so a score is never
    # mistaken for one measured with the NER model when the model could not load
    result["stages"] = [getattr(st, "name", type(st).__name__) for st in runner.stages]
    result["gold"] = str(gold)
    if task == "quotes":
        result["quote_fragments"] = fragments and shipped_fragment_model() is not None
        result["speaker_model"] = str(speaker_model) if speaker_model is not None else None
    if as_json:
        out = {k: v for k, v in result.items() if k != "errors"}
        out["n_errors"] = len(result["errors"])
        print(json.dumps(out, ensure_ascii=False))
        return
    _print_table(task, result, show_errors)


def _fmt(v: Any) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def _print_table(task: str, result: dict[str, Any], show_errors: int) -> None:
    console = Console()
    table = Table(title=f"marsad eval {task} — {result['articles']} articles")
    splits = result["splits"]
    if task == "quotes":
        for col in ("split", "kind", "P", "R", "F1", "speaker acc", "found+right speaker", "tp/fp/fn"):
            table.add_column(col)
        for split, sc in splits.items():
            for kind in ("direct", "reported", "all"):
                d = sc[kind]
                table.add_row(split, kind, _fmt(d["precision"]), _fmt(d["recall"]), _fmt(d["f1"]),
                              _fmt(d["speaker_accuracy"]), _fmt(d.get("right_speaker_recall")),
                              f"{d['tp']}/{d['fp']}/{d['fn']}")
    elif task == "times":
        for col in ("split", "P", "R", "F1", "value acc", "tp/fp/fn"):
            table.add_column(col)
        for split, d in splits.items():
            table.add_row(split, _fmt(d["precision"]), _fmt(d["recall"]), _fmt(d["f1"]),
                          _fmt(d["value_accuracy"]), f"{d['tp']}/{d['fp']}/{d['fn']}")
    else:
        for col in ("split", "articles", "type", "actor", "place", "modality"):
            table.add_column(col)
        for split, d in splits.items():
            table.add_row(split, str(d["articles"]), _fmt(d["type_accuracy"]), _fmt(d["actor_accuracy"]),
                          _fmt(d["place_accuracy"]), _fmt(d["modality_accuracy"]))
    console.print(table)
    for err in result["errors"][:show_errors]:
        console.print(json.dumps(err, ensure_ascii=False), markup=False)


@eval_app.command("quotes")
def eval_quotes(gold: GoldArg, as_json: JsonOpt = False, data: DataOpt = None, errors: ErrorsOpt = 0,
                rules_only: Annotated[bool, typer.Option(
                    "--rules-only", help="Score the cue rules alone, without the learned fragment pass "
                    "and the learned speaker check.")]
                = False,
                speaker_model: Annotated[Path | None, typer.Option(
                    "--speaker-model", help="Score with this learned speaker check (a model written by "
                    "`marsad train speaker-ranker`; none ships).")] = None) -> None:
    """Quotes: P/R/F1 by span overlap (≥ 50%) and speaker accuracy, direct and reported."""
    _run("quotes", gold, as_json, data, errors, fragments=not rules_only, speaker_model=speaker_model)


@eval_app.command("events")
def eval_events(gold: GoldArg, as_json: JsonOpt = False, data: DataOpt = None, errors: ErrorsOpt = 0,
                lead_by: LeadOpt = "model",
                typed_only: Annotated[bool, typer.Option(
                    "--typed-only", help="Score the typed events alone: no untyped lead event when the "
                                         "selector chooses none (for comparison).")] = False) -> None:
    """Lead-sentence main event: type, actor, place and modality accuracy."""
    _run("events", gold, as_json, data, errors, lead_by, untyped=not typed_only)


@eval_app.command("times")
def eval_times(gold: GoldArg, as_json: JsonOpt = False, data: DataOpt = None, errors: ErrorsOpt = 0) -> None:
    """Time expressions: P/R/F1 by span overlap and value accuracy."""
    _run("times", gold, as_json, data, errors)
