"""Readers: every input format Marsad ingests, turned into :class:`RawRecord`.

Each reader yields records *or* :class:`ReadFailure` items and never raises for bad
input, so one broken line, file or zip member is reported and the rest is still read.
Formats: plain text (title rule in :mod:`marsad.ingest.plaintext`), JSON Lines, JSON
arrays (the SaudiNewsNet layout, also inside zips), CSV with a column mapping, HTML
(main text via trafilatura, which drops script/style/boilerplate) and the ANT/TREC
``<DOC>`` files. Files are sniffed as well as judged by extension, so a ``.txt`` holding
``<DOC>`` markup or an HTML page is read for what it is.

Size policy: a single-document file (text, HTML, ANT) larger than ``max_doc_bytes``
is refused as "too large" (a 50 MB "article" is a mistake, not news); line-oriented
containers (JSONL, CSV) are streamed and only each *record* is held to that limit;
whole-JSON containers (``.json``, zip members) may be up to ``max_container_bytes``.
"""

from __future__ import annotations

import csv
import glob
import io
import json
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from marsad.ingest.decode import decode
from marsad.ingest.plaintext import split_title

MB = 1024 * 1024


@dataclass
class ReadOptions:
    """How to read inputs: size limits and the CSV column mapping."""

    max_doc_bytes: int = 10 * MB
    max_container_bytes: int = 300 * MB
    csv_text: str | None = None
    csv_title: str | None = None
    csv_source: str | None = None
    csv_url: str | None = None
    csv_published: str | None = None
    csv_delimiter: str | None = None


@dataclass
class RawRecord:
    """One article as read, before any analysis."""

    origin: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: str | None = None
    byline: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


@dataclass
class ReadFailure:
    """An input item that could not be read, and why (goes to the ingest report)."""

    origin: str
    reason: str


Item = RawRecord | ReadFailure

TEXT_KEYS = ("text", "content", "body", "article", "TEXT")
TITLE_KEYS = ("title", "headline", "TITLE")
SOURCE_KEYS = ("source", "outlet", "src", "SRC")
URL_KEYS = ("url", "link", "URL")
DATE_KEYS = ("published", "date", "datetime", "time", "date_published", "date_extracted", "TIME")
BYLINE_KEYS = ("author", "byline", "AUTHOR")
SUFFIXES = {".txt", ".text", ".jsonl", ".ndjson", ".json", ".csv", ".tsv", ".html", ".htm", ".zip", ".xml"}
# Files that describe a corpus rather than hold its articles (README, licences, ...).
_NOT_ARTICLES = re.compile(r"^(readme|license|licence|copying|source|citation|changelog|notice)([._-].*)?$", re.IGNORECASE)


@dataclass
class Skipped:
    """A file a folder walk passes over (not an article format, or corpus metadata)."""

    origin: str
    reason: str


def is_article_file(path: Path) -> bool:
    """Whether a folder walk should read ``path`` (explicitly named files always are)."""
    return path.suffix.lower() in SUFFIXES and not _NOT_ARTICLES.match(path.name)


# ------------------------------------------------------------------- discovery


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path | ReadFailure | Skipped]:
    """Files named by ``paths``: files as given, folders walked (sorted; hidden entries,
    unknown suffixes and corpus metadata such as README/LICENSE/SOURCE.txt are yielded
    as :class:`Skipped`), glob patterns expanded; a name matching nothing is a failure."""
    seen: set[Path] = set()
    for raw in paths:
        text = str(raw)
        path = Path(text).expanduser()
        if path.is_dir():
            candidates = []
            for p in sorted(path.rglob("*")):
                if not p.is_file() or any(part.startswith(".") for part in p.relative_to(path).parts):
                    continue
                if is_article_file(p):
                    candidates.append(p)
                else:
                    yield Skipped(str(p), "not an article file (suffix or corpus metadata)")
        elif path.is_file():
            candidates = [path]
        elif any(ch in text for ch in "*?["):
            candidates = sorted(Path(p) for p in glob.glob(text, recursive=True) if Path(p).is_file())
            if not candidates:
                yield ReadFailure(text, "glob matched no files")
                continue
        else:
            yield ReadFailure(text, "no such file or folder")
            continue
        for p in candidates:
            if p not in seen:
                seen.add(p)
                yield p


# ------------------------------------------------------------------- helpers


def normalise_date(value: Any) -> str | None:
    """ISO 8601 text for the date forms found in the corpora, else None."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    try:
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> Any:
    for key in keys:
        value = obj.get(key)
        if value not in (None, ""):
            return value
    return None


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def record_from_mapping(obj: Any, origin: str, max_bytes: int) -> Item:
    """A JSON object / CSV row with the usual field names, as a record."""
    if not isinstance(obj, dict):
        return ReadFailure(origin, f"expected a JSON object, got {type(obj).__name__}")
    text = _first(obj, TEXT_KEYS)
    if not isinstance(text, str) or not text.strip():
        return ReadFailure(origin, "no article text (looked for: " + ", ".join(TEXT_KEYS[:4]) + ")")
    if len(text.encode("utf-8", "surrogatepass")) > max_bytes:
        return ReadFailure(origin, f"too large: article text over {max_bytes:,} bytes")
    date_raw = _first(obj, DATE_KEYS)
    meta: dict[str, Any] = {"origin": origin}
    if date_raw is not None and normalise_date(date_raw) is None:
        meta["published_raw"] = str(date_raw)
    for key in ("category", "cat", "abstract", "id", "docno"):
        if obj.get(key) not in (None, ""):
            meta[key] = obj[key]
    return RawRecord(origin, text, _str_or_none(_first(obj, TITLE_KEYS)), _str_or_none(_first(obj, SOURCE_KEYS)),
                     _str_or_none(_first(obj, URL_KEYS)), normalise_date(date_raw),
                     _str_or_none(_first(obj, BYLINE_KEYS)), meta)


# ------------------------------------------------------------------- formats

_DOC = re.compile(r"<DOC>(.*?)(?:</DOC>|\Z)", re.DOTALL)
_TAG = re.compile(r"<([A-Z]+)>(.*?)</\1>", re.DOTALL)


def read_ant(text: str, origin: str, max_bytes: int) -> Iterator[Item]:
    """ANT/TREC-style ``<DOC>`` blocks: DOCNO, URL, SRC, CAT, TITLE, TIME, AUTHOR,
    ABSTRACT, TEXT. A file may hold several documents."""
    docs = _DOC.findall(text)
    if not docs:
        yield ReadFailure(origin, "no <DOC> block found")
        return
    for n, body in enumerate(docs, start=1):
        fields = {tag: value.strip() for tag, value in _TAG.findall(body)}
        where = origin if len(docs) == 1 else f"{origin}#doc{n}"
        obj: dict[str, Any] = {
            "text": fields.get("TEXT"), "title": fields.get("TITLE"), "source": fields.get("SRC"),
            "url": fields.get("URL"), "published": fields.get("TIME"), "author": fields.get("AUTHOR"),
            "category": fields.get("CAT"), "abstract": fields.get("ABSTRACT"), "docno": fields.get("DOCNO"),
        }
        yield record_from_mapping(obj, where, max_bytes)


def read_plain(text: str, origin: str) -> Iterator[Item]:
    """Plain text; the first line becomes the title only when it looks like one."""
    parts = split_title(text)
    title, body = parts.title, parts.body
    if not body.strip():
        yield ReadFailure(origin, "no article text after the title")
        return
    yield RawRecord(origin, body, title, meta={"origin": origin})


def read_html(text: str, origin: str) -> Iterator[Item]:
    """Main text of an HTML page (trafilatura drops script, style and boilerplate)."""
    import trafilatura

    try:
        extracted = trafilatura.extract(text, output_format="json", with_metadata=True,
                                        include_comments=False, favor_recall=True)
    except Exception as exc:  # noqa: BLE001 - trafilatura raises assorted errors on broken markup
        yield ReadFailure(origin, f"HTML extraction failed: {type(exc).__name__}: {exc}")
        return
    if not extracted:
        yield ReadFailure(origin, "HTML page has no main text")
        return
    data = json.loads(extracted)
    if not (data.get("text") or "").strip():
        yield ReadFailure(origin, "HTML page has no main text")
        return
    yield RawRecord(origin, data["text"], _str_or_none(data.get("title")), _str_or_none(data.get("sitename")),
                    _str_or_none(data.get("url")), normalise_date(data.get("date")),
                    _str_or_none(data.get("author")), {"origin": origin})


def read_jsonl(stream: io.BufferedIOBase, origin: str, max_bytes: int) -> Iterator[Item]:
    """One JSON object per line, streamed; each bad line is its own failure."""
    for number, line in enumerate(stream, start=1):
        where = f"{origin}:{number}"
        if not line.strip():
            continue
        if len(line) > max_bytes:
            yield ReadFailure(where, f"too large: line over {max_bytes:,} bytes")
            continue
        try:
            obj = json.loads(decode(line))
        except json.JSONDecodeError as exc:
            yield ReadFailure(where, f"invalid JSON: {exc.msg} at column {exc.colno}")
            continue
        except ValueError as exc:
            yield ReadFailure(where, str(exc))
            continue
        yield record_from_mapping(obj, where, max_bytes)


def read_json(text: str, origin: str, max_bytes: int) -> Iterator[Item]:
    """A JSON array of article objects (SaudiNewsNet), an object with an ``articles``
    list, or a single article object."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield ReadFailure(origin, f"invalid JSON: {exc.msg} at line {exc.lineno}")
        return
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    if isinstance(data, list):
        for n, obj in enumerate(data):
            yield record_from_mapping(obj, f"{origin}[{n}]", max_bytes)
    else:
        yield record_from_mapping(data, origin, max_bytes)


def read_csv(text: str, origin: str, options: ReadOptions) -> Iterator[Item]:
    """CSV/TSV with a header; ``--csv-text`` etc. name the columns, else usual names."""
    delimiter = options.csv_delimiter or ("\t" if origin.endswith(".tsv") else None)
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(text[:4096], delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    csv.field_size_limit(max(options.max_doc_bytes, 131072))
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    mapping = {"text": options.csv_text, "title": options.csv_title, "source": options.csv_source,
               "url": options.csv_url, "published": options.csv_published}
    columns = reader.fieldnames or []
    missing = [c for c in mapping.values() if c and c not in columns]
    if missing:
        yield ReadFailure(origin, f"CSV has no column(s) {missing}; columns are {columns}")
        return
    try:
        for n, row in enumerate(reader, start=2):
            obj: dict[str, Any] = dict(row)
            for key, column in mapping.items():
                if column:
                    obj[key] = row.get(column)
            yield record_from_mapping(obj, f"{origin}:{n}", options.max_doc_bytes)
    except csv.Error as exc:
        yield ReadFailure(origin, f"broken CSV: {exc}")


def read_zip(path: Path, options: ReadOptions) -> Iterator[Item]:
    """Every member of a zip read by its own extension (SaudiNewsNet: one JSON array)."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield ReadFailure(str(path), f"broken zip: {exc}")
        return
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            where = f"{path}!{info.filename}"
            if info.file_size > options.max_container_bytes:
                yield ReadFailure(where, f"too large: {info.file_size:,} bytes")
                continue
            try:
                data = archive.read(info)
            except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
                yield ReadFailure(where, f"cannot read zip member: {exc}")
                continue
            yield from read_bytes(data, where, Path(info.filename).suffix.lower(), options)


def read_bytes(data: bytes, origin: str, suffix: str, options: ReadOptions) -> Iterator[Item]:
    """Read an in-memory file by its suffix and its content."""
    if suffix in (".jsonl", ".ndjson"):
        yield from read_jsonl(io.BytesIO(data), origin, options.max_doc_bytes)
        return
    try:
        text = decode(data)
    except ValueError as exc:
        yield ReadFailure(origin, str(exc) or "cannot decode")
        return
    head = text.lstrip("\ufeff \t\r\n")[:512].lower()
    if suffix == ".json":
        yield from read_json(text, origin, options.max_doc_bytes)
    elif suffix in (".csv", ".tsv"):
        yield from read_csv(text, origin, options)
    elif head.startswith("<doc>"):
        yield from read_ant(text, origin, options.max_doc_bytes)
    elif suffix in (".html", ".htm") or head.startswith(("<!doctype html", "<html")):
        yield from read_html(text, origin)
    else:
        yield from read_plain(text, origin)


def read_file(path: Path, options: ReadOptions | None = None) -> Iterator[Item]:
    """Everything one file holds, as records and failures."""
    options = options or ReadOptions()
    origin = str(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
        if suffix == ".zip":
            yield from read_zip(path, options)
            return
        if suffix in (".jsonl", ".ndjson"):
            with path.open("rb") as stream:
                yield from read_jsonl(stream, origin, options.max_doc_bytes)
            return
        limit = options.max_container_bytes if suffix in (".json", ".csv", ".tsv") else options.max_doc_bytes
        if size > limit:
            yield ReadFailure(origin, f"too large: {size:,} bytes (limit {limit:,}; "
                                      "split it, use JSONL, or raise --max-mb)")
            return
        data = path.read_bytes()
    except OSError as exc:
        yield ReadFailure(origin, f"cannot read: {exc.strerror or exc}")
        return
    yield from read_bytes(data, origin, suffix, options)


def read_paths(paths: Iterable[str | Path], options: ReadOptions | None = None) -> Iterator[Item]:
    """All records and failures from files, folders and globs, in a stable order."""
    for entry in expand_paths(paths):
        if isinstance(entry, ReadFailure):
            yield entry
        elif isinstance(entry, Path):
            yield from read_file(entry, options)
