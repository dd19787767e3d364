"""``marsad eval ner FILE.conll``: entity-level exact-match scores of a NER model.

``--split dev`` scores only the last ``--dev-fraction`` of the file's sentences: the
part of ANERcorp the shipped model was never trained or tuned on, which is what the
evaluation gate measures.
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
from marsad.training.conll import SPLITS, ConllError, read_corpus, select_split


def scores_table(title: str, result: dict[str, Any]) -> Table:
    """A Rich table of micro and per-type precision/recall/F1."""
    table = Table(title=title)
    for col in ("type", "precision", "recall", "F1", "support"):
        table.add_column(col, justify="left" if col == "type" else "right")
    for etype, row in result["per_type"].items():
        table.add_row(etype, f"{row['precision']:.3f}", f"{row['recall']:.3f}", f"{row['f1']:.3f}",
                      str(row["support"]))
    support = sum(int(r["support"]) for r in result["per_type"].values())
    table.add_row("[bold]micro[/bold]", f"{result['precision']:.3f}", f"{result['recall']:.3f}",
                  f"[bold]{result['f1']:.3f}[/bold]", str(support))
    return table


def _fail(message: str) -> None:
    print(f"marsad eval ner: {message}", file=sys.stderr)
    raise typer.Exit(2)


@eval_app.command("ner")
def eval_ner(
    file: Annotated[Path, typer.Argument(help="CoNLL file (token and tag per line) with gold tags.")],
    model: Annotated[Path | None, typer.Option("--model", help="Model directory (default: the shipped model).")] = None,
    split: Annotated[str, typer.Option("--split", help="Sentences to score: all, train or dev (last fraction).")] = "all",
    dev_fraction: Annotated[float, typer.Option("--dev-fraction", help="Size of the dev split (last sentences).")] = 0.1,
    doc_size: Annotated[int, typer.Option(
        "--doc-size", help="Tag runs of N sentences as one document (name propagation); 0: sentence by sentence."
    )] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object instead of a table.")] = False,
) -> None:
    """Score the NER model on FILE: CoNLL entity-level precision, recall, F1 and tokens/s."""
    from marsad.extract.ner_neural import NN_MODEL_DIR, load_ner
    from marsad.training.ner import NerModelError, evaluate

    if split not in SPLITS:
        _fail(f"--split must be one of {', '.join(SPLITS)}, got {split!r}")
    if not 0.0 < dev_fraction < 1.0:
        _fail(f"--dev-fraction must be between 0 and 1, got {dev_fraction}")
    try:
        sentences, report = read_corpus([file])
        ner = load_ner(model or NN_MODEL_DIR)
    except (ConllError, NerModelError) as exc:
        _fail(str(exc))
        return
    chosen = select_split(sentences, split, dev_fraction)
    if not chosen:
        _fail(f"{file}: the {split} split is empty ({len(sentences)} sentences in the file)")
    if doc_size < 0:
        _fail(f"--doc-size must be 0 or more, got {doc_size}")
    result = evaluate(ner.tag, chosen, ner.tag_document, doc_size)
    out = result.as_dict()
    if as_json:
        print(json.dumps(out, ensure_ascii=False))
        return
    console = Console()
    console.print(scores_table(f"NER on {file.name} ({split}: {len(chosen)} sentences, "
                               f"{result.scores.tokens} tokens)", out))
    console.print(f"tokens/s (features + tagging, one core): {result.tokens_per_second:,.0f}")
    if report.repaired or report.unknown:
        console.print(f"[yellow]reader: {report.summary()}[/yellow]")
