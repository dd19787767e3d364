"""``marsad search``: Arabic-aware full-text search over the store.

Rich output for people; ``--json`` prints one JSON object per hit, and ``--queries
FILE`` runs one query per line and prints one JSON line per query
(``{"query", "results": [{"id", "title", "score", "snippet"}]}``) for batch evaluation.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from marsad.cli import app
from marsad.store.base import SearchHit, Store, StoreError, mark_snippet, open_store
from marsad.store.query import QueryError


def _filters(source: str | None, date_from: str | None, date_to: str | None, entity: str | None,
             event_type: str | None) -> dict[str, str | None]:
    return {"source": source, "date_from": date_from, "date_to": date_to, "entity": entity,
            "event_type": event_type}


@app.command()
def search(
    query: Annotated[str | None, typer.Argument(help='Words (all must match), "phrases", OR, NOT/-word, '
                                                        "parentheses.")] = None,
    db: Annotated[str | None, typer.Option("--db", help="Database path or URL (default marsad.db).")] = None,
    limit: Annotated[int, typer.Option("--limit", min=1, help="Results per query.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="JSON Lines output.")] = False,
    source: Annotated[str | None, typer.Option("--source", help="Only this source.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="Published on/after (ISO date).")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="Published on/before (ISO date).")] = None,
    entity: Annotated[str | None, typer.Option("--entity", help="Mentions this entity.")] = None,
    event_type: Annotated[str | None, typer.Option("--event-type", help="Has an event of this type.")
                          ] = None,
    queries: Annotated[str | None, typer.Option("--queries", help="File with one query per line "
                                                                     "('-' = stdin); prints JSON Lines.")
                       ] = None,
) -> None:
    """Search stored articles, best first, with highlighted snippets."""
    err = Console(stderr=True, soft_wrap=True)
    if (query is None) == (queries is None):
        err.print("marsad search: give a QUERY or --queries FILE (one of them)", markup=False)
        raise typer.Exit(code=2)
    filters = _filters(source, date_from, date_to, entity, event_type)
    try:
        store = open_store(db)
    except StoreError as exc:
        err.print(f"marsad search: {exc}", markup=False, highlight=False)
        raise typer.Exit(code=1) from None
    try:
        if queries is not None:
            _batch(store, queries, limit, filters, err)
            return
        assert query is not None
        try:
            hits = store.search(query, limit=limit, **filters)  # type: ignore[arg-type]
        except (QueryError, StoreError) as exc:
            err.print(f"marsad search: {exc}", markup=False, highlight=False)
            raise typer.Exit(code=1) from None
        if as_json:
            for hit in hits:
                sys.stdout.write(json.dumps(hit.to_dict(), ensure_ascii=False) + "\n")
        else:
            _show(Console(), hits, query)
    finally:
        store.close()


def _batch(store: Store, path: str, limit: int, filters: dict[str, str | None], err: Console) -> None:
    try:
        stream = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115 - closed below
    except OSError as exc:
        err.print(f"marsad search: cannot read {path}: {exc.strerror or exc}", markup=False)
        raise typer.Exit(code=1) from None
    failed = 0
    with stream:
        for line in stream:
            q = line.strip()
            if not q:
                continue
            out: dict[str, object] = {"query": q}
            try:
                hits = store.search(q, limit=limit, **filters)  # type: ignore[arg-type]
                out["results"] = [{"id": h.id, "title": h.title, "score": round(h.score, 6),
                                   "snippet": mark_snippet(h.snippet, h.highlights)} for h in hits]
            except (QueryError, StoreError) as exc:
                out["results"] = []
                out["error"] = str(exc)
                failed += 1
            sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    if failed:
        err.print(f"marsad search: {failed} queries failed (see their \"error\" field)", markup=False)


def _show(console: Console, hits: list[SearchHit], query: str) -> None:
    from marsad.cli.display import bidi_wanted, visual
    bidi = bidi_wanted(console)
    if not hits:
        console.print(f"no results for {query}", markup=False, highlight=False)
        return
    table = Table(show_header=True, show_lines=True)
    table.add_column("#", justify="right")
    table.add_column("score", justify="right")
    table.add_column("title / snippet")
    for n, hit in enumerate(hits, start=1):
        cell = Text(visual(hit.title or "(untitled)", bidi), style="bold")
        cell.append(f"\n{hit.id} · {hit.source or '-'} · {hit.published or '-'}\n", style="dim")
        if bidi:
            cell.append(visual(mark_snippet(hit.snippet, hit.highlights), bidi))
        else:
            pos = 0
            for s, e in hit.highlights:
                cell.append(hit.snippet[pos:s])
                cell.append(hit.snippet[s:e], style="bold yellow")
                pos = e
            cell.append(hit.snippet[pos:])
        table.add_row(str(n), f"{hit.score:.3f}", cell)
    console.print(table)
