"""``marsad ingest``: load files, folders and globs into the store, with counts.

The progress bar counts files and shows articles stored per second; the closing table
gives read / stored / already present / failed, and every failure (with its reason) is
also written to the report file, so nothing is dropped silently.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from marsad.cli import app
from marsad.ingest.readers import MB, ReadOptions, expand_paths
from marsad.ingest.runner import IngestError, Ingestor, IngestStats, default_factory, no_analysis
from marsad.store.base import StoreError, open_store


class _Factory:
    """Picklable pipeline factory (worker processes build their own pipeline)."""

    def __init__(self, exclude: list[str], analysis: bool) -> None:
        self.exclude = exclude
        self.analysis = analysis

    def __call__(self) -> object:
        return default_factory(self.exclude) if self.analysis else no_analysis()


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders or glob patterns to ingest.")],
    db: Annotated[str | None, typer.Option("--db", help="Database: file path, sqlite:///path or "
                                                          "postgresql://... (default marsad.db).")] = None,
    workers: Annotated[int, typer.Option("--workers", min=1, help="Analysis processes.")] = 1,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1, help="Articles per transaction.")] = 32,
    report: Annotated[str, typer.Option("--report", help="Where failures are written (JSON Lines).")
                      ] = "ingest-report.jsonl",
    exclude: Annotated[list[str] | None, typer.Option("--exclude", help="Skip a pipeline stage by name "
                                                                           "(repeatable).")] = None,
    no_analysis_: Annotated[bool, typer.Option("--no-analysis", help="Store the text without running "
                                                                     "the pipeline.")] = False,
    max_mb: Annotated[float, typer.Option("--max-mb", help="Largest single document, in MB "
                                                           "(JSONL/CSV are streamed).")] = 10.0,
    csv_text: Annotated[str | None, typer.Option("--csv-text", help="CSV column with the text.")] = None,
    csv_title: Annotated[str | None, typer.Option("--csv-title", help="CSV column with the title.")] = None,
    csv_source: Annotated[str | None, typer.Option("--csv-source", help="CSV column: source.")] = None,
    csv_url: Annotated[str | None, typer.Option("--csv-url", help="CSV column: URL.")] = None,
    csv_published: Annotated[str | None, typer.Option("--csv-published", help="CSV column: date.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    corpus: Annotated[bool, typer.Option("--corpus/--no-corpus", help="Update duplicates, stories and "
                                         "the entity registry for the new articles afterwards.")] = True,
    dask: Annotated[bool, typer.Option("--dask", help="Analyse on a local Dask cluster of --workers "
                                                      "processes (same code as on a real cluster).")] = False,
    dask_scheduler: Annotated[str | None, typer.Option("--dask-scheduler", help="Analyse on an existing "
                                                       "Dask cluster, e.g. tcp://host:8786.")] = None,
) -> None:
    """Read articles, analyse them and store them (re-runs skip what is stored)."""
    err = Console(stderr=True, soft_wrap=True)
    options = ReadOptions(max_doc_bytes=int(max_mb * MB), csv_text=csv_text, csv_title=csv_title,
                          csv_source=csv_source, csv_url=csv_url, csv_published=csv_published)
    factory = _Factory(list(exclude or []), not no_analysis_)
    try:
        factory()  # fail before reading anything if the pipeline cannot be built
        store = open_store(db)
    except (IngestError, StoreError) as exc:
        err.print(f"marsad ingest: {exc}", markup=False, highlight=False)
        raise typer.Exit(code=1) from None
    files = [p for p in expand_paths(paths) if isinstance(p, Path)]
    progress = Progress(TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
                        TextColumn("files · {task.fields[stored]} stored · {task.fields[rate]} art/s"),
                        TimeElapsedColumn(), console=err, disable=quiet, transient=False)
    try:
        with progress, open(report, "w", encoding="utf-8") as report_file:
            task = progress.add_task("ingest", total=len(files), stored=0, rate="-")

            def on_progress(stats: IngestStats) -> None:
                elapsed = progress.tasks[0].elapsed or 0.0
                done = stats.stored + stats.already_present
                rate = f"{done / elapsed:.1f}" if elapsed > 0 else "-"
                progress.update(task, stored=stats.stored, rate=rate)

            runner_class: type[Ingestor] = Ingestor
            extra: dict[str, Any] = {}
            if dask or dask_scheduler:  # imported here: plain ingests must not need Dask
                from marsad.scale.dask_runner import DaskIngestor
                runner_class, extra = DaskIngestor, {"scheduler": dask_scheduler}
            runner = runner_class(store, factory=factory, workers=workers, batch_size=batch_size,
                                  options=options, report=report_file,
                                  on_file=lambda _p: progress.advance(task), on_progress=on_progress, **extra)
            stats = runner.run(paths)
            on_progress(stats)
            import json
            report_file.write(json.dumps({"summary": stats.summary()}) + "\n")
        if corpus and stats.read:
            _update_corpus(store, err, quiet)
    except IngestError as exc:
        err.print(f"marsad ingest: {exc}", markup=False, highlight=False)
        raise typer.Exit(code=1) from None
    except OSError as exc:
        err.print(f"marsad ingest: cannot write report {report}: {exc.strerror or exc}", markup=False)
        raise typer.Exit(code=1) from None
    finally:
        store.close()
    _show(Console(), stats, report)
    if stats.read == 0 and stats.failed:
        raise typer.Exit(code=1)


def _update_corpus(store: Any, err: Console, quiet: bool) -> None:
    """Incremental corpus jobs over every stored article not processed yet.

    Run over *pending* articles rather than this run's ids, so a run killed before this
    step is caught up by the next one.
    """
    from marsad.corpus.persistence import update_corpus

    with err.status("updating duplicates, stories and entities", spinner="dots") if not quiet \
            else contextlib.nullcontext():
        done = update_corpus(store)
    if not quiet:
        err.print(f"corpus: {done.processed} articles processed, {done.duplicate_groups} duplicate groups, "
                  f"{done.stories_touched} stories and {done.entities_touched} entities updated",
                  markup=False, highlight=False)


def _show(console: Console, stats: IngestStats, report: str) -> None:
    table = Table(title="ingest", show_header=True)
    for name in ("files", "read", "stored", "already present", "failed"):
        table.add_column(name, justify="right")
    s = stats.summary()
    table.add_row(*(str(s[k]) for k in ("files", "read", "stored", "already_present", "failed")))
    console.print(table)
    if stats.skipped_files:
        console.print(f"{stats.skipped_files} files skipped in folders (not article files: README, "
                      f"LICENSE, unknown suffix); listed in {report}", markup=False, highlight=False)
    if stats.failed:
        console.print(f"{stats.failed} failed; reasons in {report}", markup=False, highlight=False)
        for entry in stats.failures[:5]:
            console.print(f"  {entry['origin']}: {entry['reason']}", markup=False, highlight=False)
