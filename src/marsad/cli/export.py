"""``marsad export``: stored articles as JSON Lines, or a table as CSV/JSON Lines.

JSON Lines of ``articles`` carries each full stored article (id, title, source,
published, text and every layer) so an export can be re-read with
``Article.from_dict``; the other tables are flat rows, natural as CSV.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterator
from typing import Annotated, Any, TextIO

import typer
from rich.console import Console

from marsad.cli import app
from marsad.store.base import TABLES, Store, StoreError, open_store


def export_rows(store: Store, table: str, fmt: str) -> Iterator[dict[str, Any]]:
    """What ``export`` writes: full articles for articles+jsonl, else table rows."""
    if table == "articles" and fmt == "jsonl":
        return store.export_jsonl()
    return store.iter_rows(table)


def write_export(store: Store, table: str, fmt: str, out: TextIO) -> int:
    n = 0
    rows = export_rows(store, table, fmt)
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            n += 1
        return n
    writer: csv.DictWriter[str] | None = None
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(row))
            writer.writeheader()
        writer.writerow(row)
        n += 1
    return n


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="jsonl or csv.")] = "jsonl",
    table: Annotated[str, typer.Option("--table", help="articles, entities, quotes, events or times.")
                     ] = "articles",
    db: Annotated[str | None, typer.Option("--db", help="Database path or URL (default marsad.db).")] = None,
    out: Annotated[str | None, typer.Option("--out", help="Output file (default stdout).")] = None,
) -> None:
    """Export stored articles or one of the entity/quote/event/time tables."""
    err = Console(stderr=True, soft_wrap=True)
    if fmt not in ("jsonl", "csv"):
        err.print(f"marsad export: unknown format {fmt!r} (jsonl or csv)", markup=False)
        raise typer.Exit(code=2)
    if table not in TABLES:
        err.print(f"marsad export: unknown table {table!r} ({', '.join(TABLES)})", markup=False)
        raise typer.Exit(code=2)
    try:
        store = open_store(db)
    except StoreError as exc:
        err.print(f"marsad export: {exc}", markup=False, highlight=False)
        raise typer.Exit(code=1) from None
    try:
        stream = open(out, "w", encoding="utf-8", newline="") if out else sys.stdout  # noqa: SIM115
    except OSError as exc:
        store.close()
        err.print(f"marsad export: cannot write {out}: {exc.strerror or exc}", markup=False)
        raise typer.Exit(code=1) from None
    try:
        n = write_export(store, table, fmt, stream)
    finally:
        store.close()
        if out:
            stream.close()
    if out:
        err.print(f"exported {n} rows to {out}", markup=False, highlight=False)
