"""The hand-annotated gold set: reading annotations and the article bodies they point at.

Gold files (``eval/gold/*.jsonl``) never contain article text beyond a ≤ 40-character
snippet per item.  Each line names a source file under the shared data directory by
relative path plus its sha256, and every annotation is a character range into the
article **body** as defined here:

* ANT files (``format: "ant"``): the text between ``<TEXT>`` and ``</TEXT>`` with
  surrounding whitespace stripped (``str.strip()``), read as UTF-8.
* SaudiNewsNet (``format: "saudinewsnet"``): the ``content`` field of item ``item``
  of the JSON array in the zip member ``member``, stripped the same way.

The scorer analyses exactly this body (``Article.from_raw(body)``) and maps the
system's spans back to body offsets through ``Article.offsets``, so cleaning may drop
boilerplate without shifting the gold.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import zipfile
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

SNIPPET_MAX = 40


class GoldError(ValueError):
    """A gold file or the article it points at cannot be used (message says why)."""


@dataclass(slots=True)
class GoldQuote:
    start: int
    end: int
    kind: str  # direct | reported
    speaker: str  # acceptable speaker strings separated by "|"
    snippet: str = ""

    def speakers(self) -> list[str]:
        return [s.strip() for s in self.speaker.split("|") if s.strip()]


@dataclass(slots=True)
class GoldTime:
    start: int
    end: int
    value: str | None
    snippet: str = ""


@dataclass(slots=True)
class GoldEvent:
    """The main event of the lead sentence (``type`` "none" when the taxonomy has none)."""

    type: str
    actor: str | None
    place: str | None
    modality: str
    sentence_start: int
    sentence_end: int
    trigger: str | None = None


@dataclass(slots=True)
class GoldArticle:
    id: str
    path: str
    sha256: str
    format: str
    published: str | None
    split: str
    member: str | None = None
    item: int | None = None
    quotes: list[GoldQuote] = field(default_factory=list)
    times: list[GoldTime] = field(default_factory=list)
    lead_event: GoldEvent | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "split": self.split, "path": self.path, "sha256": self.sha256,
                               "format": self.format, "published": self.published}
        if self.member is not None:
            out["member"], out["item"] = self.member, self.item
        out["quotes"] = [{"start": q.start, "end": q.end, "kind": q.kind, "speaker": q.speaker,
                          "snippet": q.snippet[:SNIPPET_MAX]} for q in self.quotes]
        out["lead_event"] = None if self.lead_event is None else {
            "type": self.lead_event.type, "actor": self.lead_event.actor, "place": self.lead_event.place,
            "modality": self.lead_event.modality, "sentence": [self.lead_event.sentence_start,
                                                               self.lead_event.sentence_end],
            "trigger": self.lead_event.trigger}
        out["times"] = [{"start": t.start, "end": t.end, "value": t.value, "snippet": t.snippet[:SNIPPET_MAX]}
                        for t in self.times]
        return out


@dataclass(slots=True)
class SourceDoc:
    body: str
    title: str | None
    published: str | None


def default_data_dir() -> Path:
    """``$MARSAD_DATA`` or ``../shared/data`` next to the repository root."""
    env = os.environ.get("MARSAD_DATA")
    if env:
        return Path(env)
    return Path(__file__).resolve().parents[3].parent / "shared" / "data"


# Held-out files are read only when named explicitly: a folder run (the gate, rule tuning
# with --errors) must never show their gold, or they stop being unseen. fresh … fresh5 were
# each scored once and then opened (eval/gold/README.md); the next held-out set goes here.
HELD_OUT_FILES = frozenset({"fresh223.jsonl", "fresh224.jsonl", "fresh225.jsonl", "fresh226.jsonl"})


def load_gold(path: Path | str) -> list[GoldArticle]:
    """Read a ``.jsonl`` gold file, or every ``*.jsonl`` in a directory (sorted) except the
    held-out files in ``HELD_OUT_FILES``."""
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.glob("*.jsonl") if f.name not in HELD_OUT_FILES)
        if not files:
            raise GoldError(f"no *.jsonl gold files in {p}")
    elif p.is_file():
        files = [p]
    else:
        raise GoldError(f"gold path not found: {p}")
    out: list[GoldArticle] = []
    for f in files:
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                out.append(parse_gold_line(json.loads(line)))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise GoldError(f"{f}:{n}: bad gold record ({exc})") from None
    return out


def parse_gold_line(d: dict[str, Any]) -> GoldArticle:
    ev = d.get("lead_event")
    lead = None
    if ev is not None:
        s, e = ev["sentence"]
        lead = GoldEvent(ev["type"], ev.get("actor"), ev.get("place"), ev.get("modality", "asserted"),
                         int(s), int(e), ev.get("trigger"))
    quotes = [GoldQuote(int(q["start"]), int(q["end"]), q["kind"], q.get("speaker") or "", q.get("snippet", ""))
              for q in d.get("quotes", [])]
    for q in quotes:
        if q.kind not in ("direct", "reported") or q.end <= q.start:
            raise ValueError(f"quote ({q.start}, {q.end}) kind {q.kind!r}")
    times = [GoldTime(int(t["start"]), int(t["end"]), t.get("value"), t.get("snippet", ""))
             for t in d.get("times", [])]
    return GoldArticle(id=d["id"], path=d["path"], sha256=d["sha256"], format=d.get("format", "ant"),
                       published=d.get("published"), split=d.get("split", "dev"), member=d.get("member"),
                       item=d.get("item"), quotes=quotes, times=times, lead_event=lead)


_TAG = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.DOTALL) for name in ("TEXT", "TITLE", "TIME")}


def parse_ant(raw: str) -> SourceDoc:
    """Body, title and ISO date of one ANT ``<DOC>`` file."""
    m = _TAG["TEXT"].search(raw)
    if m is None:
        raise GoldError("no <TEXT> section in ANT file")
    title = _TAG["TITLE"].search(raw)
    when = _TAG["TIME"].search(raw)
    return SourceDoc(m.group(1).strip(), title.group(1).strip() if title else None,
                     _ant_date(when.group(1).strip() if when else "", raw))


def _ant_date(value: str, raw: str) -> str | None:
    """ISO date from an ANT ``<TIME>`` (RFC 2822 or dd/mm/yyyy), else the DOCNO's -YYYYMMDD suffix."""
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    if m:
        return f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}"
    if value:
        try:
            return parsedate_to_datetime(value).date().isoformat()
        except (TypeError, ValueError):
            pass
    m = re.search(r"<DOCNO>[^<]*-(\d{4})(\d{2})(\d{2})</DOCNO>", raw)
    return f"{m.group(1)}-{m.group(2)}-{m.group(3)}" if m else None


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def read_source(gold: GoldArticle, data_dir: Path, check_hash: bool = True) -> SourceDoc:
    """The body the annotations of ``gold`` index into, after checking the file hash."""
    path = data_dir / gold.path
    if not path.is_file():
        raise GoldError(f"{gold.id}: source file missing: {path}")
    if check_hash and file_sha256(path) != gold.sha256:
        raise GoldError(f"{gold.id}: sha256 of {path} differs from the gold record (file changed?)")
    if gold.format == "ant":
        return parse_ant(path.read_text(encoding="utf-8"))
    if gold.format == "saudinewsnet":
        if gold.member is None or gold.item is None:
            raise GoldError(f"{gold.id}: saudinewsnet record needs member and item")
        with zipfile.ZipFile(path) as zf:
            items = json.loads(zf.read(gold.member).decode("utf-8"))
        it = items[gold.item]
        date = (it.get("date_extracted") or "")[:10] or None
        return SourceDoc((it.get("content") or "").strip(), it.get("title"), date)
    raise GoldError(f"{gold.id}: unknown format {gold.format!r}")


def check_offsets(gold: GoldArticle, body: str) -> list[str]:
    """Problems with the annotations against ``body`` (empty list when all is well)."""
    problems: list[str] = []
    n = len(body)
    items: list[tuple[str, int, int, str]] = [("quote", q.start, q.end, q.snippet) for q in gold.quotes]
    items += [("time", t.start, t.end, t.snippet) for t in gold.times]
    for kind, s, e, snip in items:
        if not (0 <= s < e <= n):
            problems.append(f"{kind} ({s}, {e}) outside body of length {n}")
        elif snip and not body[s:e].startswith(snip[:20]):
            problems.append(f"{kind} ({s}, {e}) snippet {snip[:20]!r} != {body[s:s + 20]!r}")
    if gold.lead_event is not None and not (0 <= gold.lead_event.sentence_start < gold.lead_event.sentence_end <= n):
        problems.append("lead sentence outside body")
    return problems
