"""``marsad duplicates``, ``marsad stories``, ``marsad entity NAME``: cross-article views.

Each command first brings the corpus results up to date for articles stored since the
last update (incremental: :func:`marsad.corpus.persistence.update_corpus`), unless
``--no-update``; then it prints Rich tables for people or JSON Lines with ``--json``.
"""

from __future__ import annotations

import json
import sys
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from marsad.cli import app
from marsad.corpus import persistence
from marsad.corpus.registry import EntityRecord
from marsad.corpus.timeline import by_period, daily_series, sparkline

DbOption = Annotated[str | None, typer.Option("--db", help="Database path or URL (default marsad.db).")]
JsonOption = Annotated[bool, typer.Option("--json", help="JSON Lines output.")]
NoUpdate = Annotated[bool, typer.Option("--no-update", help="Do not process newly stored articles first.")]


def _fail(command: str, message: str, code: int = 1) -> typer.Exit:
    Console(stderr=True).print(f"marsad {command}: {message}", markup=False, highlight=False)
    return typer.Exit(code=code)


def _open(command: str, db: str | None, update: bool, quiet: bool) -> Any:
    from marsad.store.base import StoreError, open_store
    try:
        store = open_store(db)
    except StoreError as exc:
        raise _fail(command, str(exc)) from None
    try:
        if update:
            pending = persistence.pending_ids(store)
            if pending:
                if not quiet:
                    Console(stderr=True).print(f"updating corpus results for {len(pending)} new articles …",
                                               markup=False)
                persistence.update_corpus(store, pending)
    except (persistence.CorpusStoreError, StoreError) as exc:
        store.close()
        raise _fail(command, str(exc)) from None
    return store


def _visual(console: Console) -> Any:
    try:
        from marsad.cli.display import bidi_wanted, visual
    except ImportError:  # display helper unavailable: print logical order
        return lambda text: text
    enabled = bidi_wanted(console)
    return lambda text: visual(text or "", enabled)


def _emit(obj: dict[str, Any]) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")


@app.command("rebuild-corpus")
def rebuild_corpus(db: DbOption = None, as_json: JsonOption = False) -> None:
    """Recompute duplicates, stories and the entity registry for every stored article with
    this version's rules (run once after upgrading Marsad; articles are not re-analysed)."""
    from marsad.store.base import StoreError

    store = _open("rebuild-corpus", db, update=False, quiet=True)
    try:
        report = persistence.rebuild_corpus(store)
    except (persistence.CorpusStoreError, StoreError) as exc:
        raise _fail("rebuild-corpus", str(exc)) from None
    finally:
        store.close()
    summary = {"articles": report.processed, "duplicate_pairs": report.duplicate_pairs,
               "duplicate_groups": report.duplicate_groups, "stories_touched": report.stories_touched,
               "entities": report.entities_touched}
    if as_json:
        _emit(summary)
    else:
        Console().print("corpus results rebuilt: " + ", ".join(f"{k} {v}" for k, v in summary.items()),
                        markup=False)


@app.command()
def duplicates(db: DbOption = None, as_json: JsonOption = False, no_update: NoUpdate = False,
               limit: Annotated[int | None, typer.Option("--limit", min=1, help="Largest N groups.")] = None,
               ) -> None:
    """Groups of republished copies; the original is the earliest published copy."""
    store = _open("duplicates", db, not no_update, as_json)
    try:
        groups = persistence.load_duplicate_groups(store)[:limit]
        if as_json:
            for g in groups:
                _emit(g.to_dict())
            return
        console = Console()
        if not groups:
            console.print("no near-duplicate groups", markup=False)
            return
        v = _visual(console)
        texts = store._texts(sorted({m for g in groups for m in g.members}))
        table = Table(title=f"{len(groups)} groups of republished copies", show_lines=True)
        table.add_column("copies", justify="right")
        table.add_column("original (earliest)")
        table.add_column("republished by")
        for g in groups:
            title, _, source, published = texts.get(g.original, (None, "", None, None))
            others = [f"{texts.get(m, (None, '', '-', None))[2] or '-'} · {m}" for m in g.members[1:]]
            table.add_row(str(len(g.members)), f"{v(title or '(untitled)')}\n{g.original} · {source or '-'} · "
                          f"{(published or '-')[:16]}", "\n".join(others))
        console.print(table)
    finally:
        store.close()


@app.command()
def stories(db: DbOption = None, as_json: JsonOption = False, no_update: NoUpdate = False,
            min_sources: Annotated[int, typer.Option("--min-sources", min=1, help="At least N outlets.")] = 1,
            min_size: Annotated[int, typer.Option("--min-size", min=1, help="At least N articles.")] = 2,
            limit: Annotated[int | None, typer.Option("--limit", min=1, help="Largest N stories.")] = None,
            ) -> None:
    """Stories: articles from different outlets and days about the same development."""
    store = _open("stories", db, not no_update, as_json)
    try:
        found = persistence.load_stories(store, min_sources=min_sources, min_size=min_size, limit=limit)
        if as_json:
            for s in found:
                _emit(s)
            return
        console = Console()
        if not found:
            console.print("no stories match", markup=False)
            return
        v = _visual(console)
        table = Table(title=f"{len(found)} stories", show_lines=True)
        for col, just in (("articles", "right"), ("story", "left"), ("span", "left"), ("sources", "left"),
                          ("key entities", "left")):
            table.add_column(col, justify=just)  # type: ignore[arg-type]
        for s in found:
            span = f"{(s['start'] or '-')[:10]}\n{(s['end'] or '-')[:10]}"
            ents = ", ".join(v(e["name"]) for e in s.get("key_entities", [])[:4])
            table.add_row(str(s["size"]), f"{v(s['title'] or '(untitled)')}\n{s['id']}", span,
                          ", ".join(s["sources"]), ents)
        console.print(table)
    finally:
        store.close()


def entity_payload(store: Any, rec: EntityRecord, others: list[EntityRecord],
                   top: int = 15) -> dict[str, Any]:
    """The JSON object printed by ``marsad entity --json``."""
    co = rec.co_mentions.most_common(top)
    names = persistence.entity_names(store, [eid for eid, _ in co])
    return {"id": rec.id, "canonical": rec.canonical, "type": rec.type, "country": rec.country,
            "aliases": [a for a, _ in rec.aliases.most_common()],
            "mentions": rec.mentions, "articles": rec.articles,
            "mentions_by_month": rec.by_month, "mentions_by_day": dict(sorted(rec.by_day.items())),
            "co_mentioned": [{"id": eid, "name": names.get(eid, ("?", ""))[0],
                              "type": names.get(eid, ("", "?"))[1], "articles": n} for eid, n in co],
            "quotes": rec.quotes,
            "titles": [t for t, _ in rec.titles.most_common()],
            "links": rec.links[:20],
            "other_matches": [{"id": o.id, "canonical": o.canonical, "type": o.type, "mentions": o.mentions}
                              for o in others[:10]]}


@app.command()
def entity(name: Annotated[str, typer.Argument(help="A name, alias («داعش», «بريطانيا») or entity id.")],
           db: DbOption = None, as_json: JsonOption = False, no_update: NoUpdate = False) -> None:
    """One entity of the registry: aliases, mentions over time, co-mentions, quotes."""
    if not name.strip():
        raise _fail("entity", "give a non-empty NAME", code=2)
    store = _open("entity", db, not no_update, as_json)
    try:
        matches = persistence.find_entities(store, name)
        if not matches:
            raise _fail("entity", f"no entity matches {name!r}")
        payload = entity_payload(store, matches[0], matches[1:])
        if as_json:
            _emit(payload)
            return
        _show_entity(Console(), payload, matches[0])
    finally:
        store.close()


def _show_entity(console: Console, p: dict[str, Any], rec: EntityRecord) -> None:
    v = _visual(console)
    console.print(f"[bold]{v(p['canonical'])}[/bold]  {p['type']}  {p['id']}"
                  + (f"  ({p['country']})" if p.get("country") else ""), highlight=False)
    console.print(f"{p['mentions']} mentions in {p['articles']} articles", highlight=False)
    console.print("aliases: " + " · ".join(v(a) for a in p["aliases"][:12]), markup=False, highlight=False)
    series = daily_series(rec.by_day)
    if series:
        console.print(f"{series[0][0]} {sparkline([n for _, n in series])} {series[-1][0]}",
                      markup=False, highlight=False)
    months = Table(title="mentions by month")
    months.add_column("month")
    months.add_column("mentions", justify="right")
    for month, n in by_period(rec.by_day, "month").items():
        months.add_row(month, str(n))
    console.print(months)
    if p["co_mentioned"]:
        co = Table(title="mentioned with")
        co.add_column("entity")
        co.add_column("type")
        co.add_column("articles", justify="right")
        for c in p["co_mentioned"]:
            co.add_row(v(c["name"]), c["type"], str(c["articles"]))
        console.print(co)
    if p["quotes"]:
        qt = Table(title=f"{len(p['quotes'])} quotes attributed", show_lines=True)
        qt.add_column("date")
        qt.add_column("quote")
        for q in p["quotes"][:10]:
            qt.add_row((q.get("published") or "-")[:10], v(q["text"][:300]))
        console.print(qt)
    apart = sorted({e for why in p.get("links", []) for e in why.get("kept_apart_from", [])})
    if apart:
        console.print(f"kept apart from {len(apart)} namesake(s) (no shared context): " + ", ".join(apart),
                      markup=False, highlight=False)
    if p["other_matches"]:
        console.print("other matches: " + ", ".join(f"{v(o['canonical'])} ({o['type']}, {o['id']})"
                                                    for o in p["other_matches"]), markup=False)
