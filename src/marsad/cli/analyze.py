"""``marsad analyze PATH... [--json]``: run the pipeline on files or stdin.

Each input is one article of plain text (first line = title when it looks like one), or a
file in a markup format ``marsad ingest`` reads: ANT/TREC ``<DOC>`` blocks (one article per
block, with its title and date) or an HTML page (its main text). Markup is never analysed
as if it were text. A bad input (missing, empty, binary, too large, an
undecodable encoding) is reported as one line on stderr and the other inputs are still
processed; the exit code is 1 when any input failed.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from marsad.cli import app
from marsad.cli.display import bidi_wanted, visual
from marsad.ingest.plaintext import split_title
from marsad.model import Article
from marsad.pipeline import Pipeline, default_pipeline
from marsad.text.encoding import decode_bytes

MAX_INPUT_BYTES = 20 * 1024 * 1024
"""Larger inputs are refused: no single news article is anywhere near 20 MB, and
analysing one would take minutes; ``marsad ingest`` handles bulk files."""


class InputError(ValueError):
    """An input that cannot be analysed, with a message fit for the user."""


def read_input(path: str) -> tuple[bytes, str]:
    """The bytes of ``path`` (``-`` is stdin) and a name to show for it."""
    if path == "-":
        data = sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
        name = "<stdin>"
    else:
        file = Path(path)
        if not file.exists():
            raise InputError("no such file")
        if file.is_dir():
            raise InputError("is a directory (use `marsad ingest` for folders)")
        if file.stat().st_size > MAX_INPUT_BYTES:
            raise InputError(f"file too large ({file.stat().st_size:,} bytes; limit {MAX_INPUT_BYTES:,})")
        try:
            data = file.read_bytes()
        except OSError as exc:
            raise InputError(f"cannot read: {exc.strerror or exc}") from None
        name = path
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(f"input too large (limit {MAX_INPUT_BYTES:,} bytes)")
    return data, name


def _is_markup(text: str, name: str) -> bool:
    head = text.lstrip("\ufeff \t\r\n")[:512].lower()
    return head.startswith(("<doc>", "<!doctype html", "<html")) or name.lower().endswith((".html", ".htm"))


def articles_from_markup(data: bytes, name: str, **metadata: str | None) -> list[Article]:
    """Articles of an ANT ``<DOC>`` file or an HTML page, read as ``marsad ingest`` reads
    them; metadata given on the command line overrides what the file says."""
    from marsad.ingest.readers import RawRecord, ReadFailure, ReadOptions, read_bytes
    from marsad.ingest.runner import to_article

    articles: list[Article] = []
    problems: list[str] = []
    for item in read_bytes(data, name, Path(name).suffix.lower(), ReadOptions()):
        if isinstance(item, RawRecord):
            article = to_article(item)
            article.meta.update({k: v for k, v in metadata.items() if v})
            for key in ("published", "source"):
                if metadata.get(key):
                    setattr(article, key, metadata[key])
            article.meta["input"] = item.origin
            articles.append(article)
        elif isinstance(item, ReadFailure):
            problems.append(item.reason)
    if not articles:
        raise InputError("; ".join(problems) or "no article found")
    return articles


def articles_from_bytes(data: bytes, name: str, **metadata: str | None) -> list[Article]:
    """The unanalysed articles an input holds: one for plain text, one per ``<DOC>``."""
    try:
        text = decode_bytes(data).text
    except ValueError as exc:
        raise InputError(str(exc)) from None
    if text.strip() and _is_markup(text, name):
        return articles_from_markup(data, name, **metadata)
    return [article_from_bytes(data, name, **metadata)]


def article_from_bytes(data: bytes, name: str, **metadata: str | None) -> Article:
    """Decode plain text, split off a title, and wrap the body as an unanalysed Article."""
    try:
        decoded = decode_bytes(data)
    except ValueError as exc:
        raise InputError(str(exc)) from None
    text = decoded.text
    if not text.strip():
        raise InputError("empty input (only whitespace)")
    plain = split_title(text)
    if not plain.body.strip():
        raise InputError("no article body after the title line")
    article = Article.from_raw(plain.body, title=plain.title, **{k: v for k, v in metadata.items() if v})
    article.meta.update({"input": name, "encoding": decoded.encoding, "body_offset": plain.body_offset})
    return article


def analyze_one(path: str, pipeline: Pipeline, **metadata: str | None) -> list[Article]:
    data, name = read_input(path)
    return [pipeline(a) for a in articles_from_bytes(data, name, **metadata)]


def _iso_date(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (use YYYY-MM-DD)") from None


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="Files to analyse; '-' reads standard input.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per article per line.")] = False,
    published: Annotated[str | None, typer.Option(
        help="Publication date (YYYY-MM-DD): relative times («أمس», «منذ عامين») resolve against it.")] = None,
    source: Annotated[str | None, typer.Option(help="Outlet name to record as the source.")] = None,
) -> None:
    """Analyse Arabic news articles: clean text, sentences, tokens and every later layer."""
    out = Console()
    published_iso = _iso_date(published)
    pipeline = default_pipeline()
    failed = 0
    for path in paths:
        try:
            articles = analyze_one(path, pipeline, published=published_iso, source=source)
        except InputError as exc:
            failed += 1
            sys.stderr.write(f"marsad analyze: {path}: {exc}\n")
            continue
        for article in articles:
            if as_json:
                sys.stdout.write(json.dumps(article.to_dict(), ensure_ascii=False) + "\n")
                sys.stdout.flush()
            else:
                show_article(out, article)
    if failed:
        raise typer.Exit(code=1)


def show_article(console: Console, article: Article) -> None:
    """A readable terminal view: metadata, clean text, removed boilerplate, layers."""
    rtl = bidi_wanted(console)
    meta = Table.grid(padding=(0, 2))
    for label, value in [
        ("title", article.title), ("id", article.id), ("translated", str(article.translated)),
        ("translated from", article.translated_from), ("publisher", article.publisher),
        ("byline", article.byline), ("dateline", article.dateline),
        ("sentences", str(len(article.sentences))), ("tokens", str(len(article.tokens))),
    ]:
        if value:
            meta.add_row(f"[bold]{label}[/]", visual(value, rtl, CELL_WIDTH))
    console.print(Panel(meta, title=visual(article.title or str(article.meta.get("input", "")), rtl)))
    width = max(20, console.width - 4)
    body = Text(visual(article.text, rtl, width), justify="right" if rtl else "left")
    console.print(Panel(body, title="text", title_align="right"))
    if article.removed:
        table = Table("reason", "removed text", title="boilerplate removed")
        for r in article.removed:
            table.add_row(r.reason, visual(r.text.strip(), rtl, CELL_WIDTH))
        console.print(table)
    for name, columns in LAYER_VIEWS.items():
        spans = article.layer(name)
        if not spans:
            continue
        table = Table(*columns, title=name)
        for span in spans:
            table.add_row(*(visual(_cell(span, c), rtl, CELL_WIDTH) for c in columns))
        console.print(table)


CELL_WIDTH = 48
"""Table cells are pre-wrapped to this width when shown right to left (see display.visual)."""

LAYER_VIEWS: dict[str, tuple[str, ...]] = {
    "entities": ("text", "type", "canonical", "title"),
    "quotes": ("kind", "speaker", "text"),
    "events": ("type", "modality", "text", "actors", "place", "main"),
    "times": ("text", "kind", "value"),
    "numbers": ("text", "value", "unit"),
}


def _cell(span: object, column: str) -> str:
    value = getattr(span, column, None)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "✓" if value else ""  # the lead sentence's main event
    if isinstance(value, dict):
        return str(value.get("text", ""))
    if isinstance(value, list):
        return "، ".join(str(v.get("text", v)) if isinstance(v, dict) else str(v) for v in value)
    return str(value)
