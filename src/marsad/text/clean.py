"""Publisher-boilerplate removal and spacing repair with exact offsets.

``clean_text(raw)`` returns the article body without the portal's furniture
(disclaimers, «اقرأ أيضا» blocks, share/follow lines, copyright, contact footers,
agency markers, stray HTML), with the metadata that furniture carries (publisher,
byline, dateline, translation) and with Arabic spacing repaired (" ، " -> "، ").

It works in two passes so each stays simple and the offsets stay exact:

1. **Boilerplate** (``_BoilerplateFinder``): looks at *lines*. A line is boilerplate
   only when its position (first or last lines), its shape (short, starts with a
   cue, no sentence ending) and a cue phrase from :mod:`marsad.text.boilerplate`
   agree. Every cut is recorded as a :class:`~marsad.model.Removed` over the raw
   text. The kept ranges are joined into an intermediate text.
2. **Spacing** (:func:`marsad.text.spacing.repair_spacing`): a few compiled regexes
   find only the places that need a change (runs of blanks, newlines, invisible
   characters, a space before punctuation, a missing space after «،»), so the
   common case — a single space between words — costs nothing in Python.

The final text is written through :class:`~marsad.model.TextBuilder`: kept
characters are *copied* from the raw text and the few characters cleaning writes
itself (a space replacing NBSP, a decoded ``&quot;``) are *inserted*, so
``CleanResult.offsets`` maps every clean offset back to the raw text exactly.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from marsad.model import OffsetMap, Removed, TextBuilder
from marsad.text import boilerplate as bp
from marsad.text.spacing import Pieces, expand_class, repair_spacing

__all__ = ["CleanResult", "clean_text"]


@dataclass(slots=True)
class CleanResult:
    """The clean text, how it maps to the raw text, what was cut and what it told us."""

    text: str
    offsets: OffsetMap
    removed: list[Removed] = field(default_factory=list)
    translated: bool = False
    translated_from: str | None = None
    publisher: str | None = None
    byline: str | None = None
    dateline: str | None = None
    #: Smaller findings: ``place``/``agency`` of a dateline, ``source_line``,
    #: ``republished_from``, ``translator``.
    meta: dict[str, str] = field(default_factory=dict)


_BLANK_CHARS = expand_class(bp.BLANKS)
_LINE_STRIP = _BLANK_CHARS + "\r" + expand_class(bp.OTHER_BREAKS)  # what a line loses at both ends
_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.!؟?](?=[\s\"”»']|$)")
_ENDS_SENTENCE = re.compile(r"[.!؟?:،؛,;]\W*$")
_HEAD_LINES = 4  # how many leading content lines may carry a byline or dateline
_TAIL_LINES = 10  # how many trailing content lines may be footer furniture
_GENERIC_PUBLISHERS = frozenset({"الصحيفة", "الجريدة", "الموقع", "البوابة", "الإدارة", "إدارة الموقع",
                                 "المجلة", "القناة", "الشبكة", "الوكالة", "إن", "ان"})


def _trim(text: str) -> str:
    return text.strip(" *«»\"'“”{}()[]:-–—،,.")


def _words(text: str) -> int:
    return len(text.split())


# ---------------------------------------------------------------- pass 1: lines


@dataclass(slots=True)
class _Cut:
    start: int  # recorded span over the raw text (what a reader would call the boilerplate)
    end: int
    reason: str
    replacement: str = ""
    drop_end: int | None = None  # delete up to here (past a trailing newline) without recording it


class _BoilerplateFinder:
    """Finds boilerplate in ``raw`` line by line and collects the metadata it carries."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.cuts: list[_Cut] = []
        self.meta: dict[str, str] = {}
        self.translated = False
        self.translated_from: str | None = None
        self.publisher: str | None = None
        self.byline: str | None = None
        self.dateline: str | None = None
        self.lines: list[list[int]] = []  # [start, end] of each non-blank line, blanks stripped
        for m in _LINE.finditer(raw):
            s, e = m.start(), m.end()
            segment = raw[s:e]
            stripped = segment.strip(_LINE_STRIP)
            if stripped:
                lead = len(segment) - len(segment.lstrip(_LINE_STRIP))
                self.lines.append([s + lead, s + lead + len(stripped)])
        self.cut_lines: set[int] = set()
        # cheap substring tests on the whole article decide which slow rules can fire
        self.may_disclaim = any(cue in raw for cue in bp.DISCLAIMER_CUES)
        self.may_copyright = any(cue in raw for cue in bp.COPYRIGHT_CUES)

    # -- helpers ---------------------------------------------------------------
    def text(self, i: int) -> str:
        s, e = self.lines[i]
        return self.raw[s:e]

    def cut_line(self, i: int, reason: str) -> None:
        s, e = self.lines[i]
        drop = e + 1 if e < len(self.raw) and self.raw[e] == "\n" else None
        self.cuts.append(_Cut(s, e, reason, drop_end=drop))
        self.cut_lines.add(i)

    def cut_inline(self, i: int, a: int, b: int, reason: str) -> None:
        """Cut ``[a, b)`` of line ``i`` (offsets relative to the line) and shrink the line."""
        s, e = self.lines[i]
        seg = self.raw[s + a:s + b]
        stripped = seg.strip(_BLANK_CHARS)
        if not stripped:
            return
        lead = len(seg) - len(seg.lstrip(_BLANK_CHARS))
        self.cuts.append(_Cut(s + a + lead, s + a + lead + len(stripped), reason))
        rest_start, rest_end = s, e
        if a == 0:
            rest_start = s + b
        elif b >= e - s:
            rest_end = s + a
        rest = self.raw[rest_start:rest_end]
        if not rest.strip(_BLANK_CHARS):
            self.cut_lines.add(i)
            self.lines[i] = [rest_start, rest_start]
            return
        lead = len(rest) - len(rest.lstrip(_BLANK_CHARS))
        self.lines[i] = [rest_start + lead, rest_start + lead + len(rest.strip(_BLANK_CHARS))]

    def set_publisher(self, name: str | None) -> None:
        name = _trim(name or "")
        if name and not self.publisher and name not in _GENERIC_PUBLISHERS and _words(name) <= 5:
            self.publisher = name

    def set_origin(self, name: str, *, force_translated: bool = False) -> None:
        """Record where the article came from; a foreign origin means a translation."""
        name = _trim(re.sub(r"[«»\"“”{}]", "", name))
        if not name:
            return
        for prefix in ("صحيفة ", "جريدة ", "مجلة ", "موقع ", "وكالة ", "شبكة "):
            if name.startswith(prefix):
                name = name[len(prefix):].strip(" «»\"“”")
        if force_translated or bp.looks_foreign(name):
            self.translated = True
            self.translated_from = self.translated_from or _strip_adjective(name)
        else:
            self.meta.setdefault("republished_from", name)

    # -- the three regions -----------------------------------------------------
    def run(self) -> None:
        if not self.lines:
            return
        first_body = self.scan_head()
        self.scan_tail(first_body)
        self.scan_everywhere()
        if self.translated and not self.translated_from:
            self.find_foreign_outlet()

    def scan_head(self) -> int:
        """Bylines, datelines, share/navigation prefixes in the first lines.
        Returns the index of the first body line."""
        i = 0
        while i < len(self.lines) and i < _HEAD_LINES:
            text = self.text(i)
            m = bp.NAVIGATION.match(text)
            if m:
                self.cut_inline(i, 0, m.end(), "navigation")
                if i in self.cut_lines:
                    i += 1
                    continue
                text = self.text(i)
            m = bp.SHARE_PREFIX.match(text)
            if m:
                self.cut_inline(i, 0, m.end(), "share")
                if i in self.cut_lines:
                    i += 1
                    continue
                text = self.text(i)
            reason = self.head_line_reason(text)
            if reason:
                self.cut_line(i, reason)
                i += 1
                continue
            self.dateline_prefix(i)
            return i
        return i

    def head_line_reason(self, text: str) -> str | None:
        if len(text) > 200 or _ENDS_SENTENCE.search(text) and not text.endswith(":"):
            # a sentence, not furniture; only the opinion header may end with a period
            return self.opinion_header(text) or self.translation_line(text)
        m = bp.BYLINE_LINE.match(text)
        if m and _words(m.group("name")) <= 6:
            self.byline = self.byline or _trim(m.group("name"))
            if "ترجم" in m.group("cue"):
                self.translated = True
                self.meta.setdefault("translator", self.byline)
            return "byline"
        m = bp.DATELINE_SPA.match(text)
        if m:
            self.dateline = self.dateline or text
            self.meta.setdefault("place", m.group("place").strip())
            self.meta.setdefault("agency", m.group("agency"))
            return "dateline"
        m = bp.DASHED_HEAD.match(text)
        if m and _words(text) <= 8:
            parts = [p.strip() for p in m.group("a", "b", "c") if p]
            agencies = [p for p in parts if bp.is_agency(p)]
            if agencies:  # «الرياض - واس»: a dateline on a line of its own
                self.dateline = self.dateline or _trim(text)
                self.meta.setdefault("agency", _trim(agencies[0]))
                others = [p for p in parts if p not in agencies]
                if others:
                    self.meta.setdefault("place", others[-1])
                return "dateline"
            if any(bp.is_known_source(p) for p in parts):  # «سالم أحمد – عين اليوم»
                self.byline = self.byline or _trim(text)
                for p in parts:
                    if bp.is_portal(p):
                        self.set_publisher(p)
                return "byline"
        return self.translation_line(text) or self.source_line(text) or (
            "separator" if bp.SEPARATOR.match(text) else None)

    def opinion_header(self, text: str) -> str | None:
        """«هذا المقال بقلم فلان، والآراء الواردة أدناه تعبر عن رأي الكاتب ...»."""
        if len(text) <= 400 and self.disclaimer_sentence(text) == (0, len(text)):
            m = bp.BYLINE_IN_DISCLAIMER.search(text)
            if m:
                self.byline = self.byline or _trim(m.group("name"))
            return "disclaimer"
        return None

    def translation_line(self, text: str) -> str | None:
        m = bp.TRANSLATION_LINE.match(text)
        if not m or len(text) > 100:
            return None
        self.translated = True
        if m.group("origin"):
            self.set_origin(m.group("origin"), force_translated=True)
        if m.group("translator"):
            self.meta.setdefault("translator", _trim(m.group("translator")))
        if m.group("for"):  # «ترجمة خاصة بـ«بوابة الوسط»»
            self.set_publisher(m.group("for"))
        return "translation"

    def source_line(self, text: str) -> str | None:
        """«المصدر: ...», «نقلاً عن ...», «* خدمة «نيويورك تايمز»»: short lines of their own."""
        if len(text) > 120:
            return None
        m = bp.SOURCE_LINE.match(text)
        if m and _words(m.group("name")) <= 8:
            self.set_origin(m.group("name"))
            self.meta.setdefault("source_line", text)
            return "source"
        m = bp.REPUBLISHED_LINE.match(text)
        if m and _words(m.group("name")) <= 8:
            self.set_origin(m.group("name"))
            self.meta.setdefault("source_line", text)
            return "source"
        m = bp.SYNDICATION_LINE.match(text)
        if m:
            if m.group("origin"):
                self.set_origin(m.group("origin"))
            self.set_publisher(m.group("publisher") or m.group("publisher2"))
            self.meta.setdefault("source_line", text)
            return "source"
        return None

    def dateline_prefix(self, i: int) -> None:
        """Agency dateline at the start of the first body line: cut it, keep the sentence."""
        text = self.text(i)
        m = bp.DATELINE_PAREN.match(text)
        if m:
            place = (m.group("place") or "").strip(" ،,-–—ـ")
            if place and (_words(place) > 6 or _SENTENCE_END.search(place)):
                return
            self.dateline = self.dateline or m.group("dateline").strip()
            if place:
                self.meta.setdefault("place", place)
            self.meta.setdefault("agency", m.group("agency"))
            self.cut_inline(i, 0, m.end(), "dateline")
            return
        m = bp.DATELINE_SLASH.match(text)
        if m and _words(m.group("place")) <= 4:
            self.dateline = self.dateline or m.group("dateline").strip()
            self.meta.setdefault("place", m.group("place").strip())
            self.meta.setdefault("agency", m.group("agency"))
            self.cut_inline(i, 0, m.end(), "dateline")
            return
        m = bp.DATELINE_DASHED.match(text)
        if m:
            parts = [p.strip() for p in m.group("a", "b", "c") if p]
            known = [p for p in parts if bp.is_known_source(p)]
            if known and _words(m.group("dateline")) <= 8:
                self.dateline = self.dateline or m.group("dateline").strip()
                for name in known:
                    if bp.is_agency(name):
                        self.meta.setdefault("agency", _trim(name))
                    elif bp.is_portal(name):
                        self.set_publisher(name)
                others = [p for p in parts if p not in known]
                if others:
                    self.meta.setdefault("place", others[-1])
                self.cut_inline(i, 0, m.end(), "dateline")

    def scan_tail(self, first_body: int) -> None:
        """Footer furniture: walk up from the last line while lines are boilerplate."""
        j = len(self.lines) - 1
        seen = 0
        while j > first_body and seen < _TAIL_LINES:
            if j in self.cut_lines:
                j -= 1
                continue
            reason = self.tail_line_reason(self.text(j))
            if not reason:
                break
            self.cut_line(j, reason)
            j -= 1
            seen += 1
        if j >= first_body and j not in self.cut_lines:
            self.tail_inline(j)

    def tail_line_reason(self, text: str) -> str | None:
        if bp.SEPARATOR.match(text):
            return "separator"
        if len(text) <= 400 and self.disclaimer_sentence(text) == (0, len(text)):
            return "disclaimer"
        if len(text) > 200:
            return None
        if self.may_copyright and bp.COPYRIGHT.search(text) and (len(text) <= 120 or bp.COPYRIGHT.match(text)):
            self.copyright_owner(text)
            return "copyright"
        if bp.SUBSCRIBE.match(text):
            return "subscribe"
        if self.is_follow(text):
            return "follow_us"
        if self.is_share(text):
            return "share"
        if bp.AGENCY_MARKER.match(text):
            return "agency_marker"
        if bp.TAGS_LINE.match(text):
            return "tags"
        if bp.CONTACT.match(text):
            return "contact"
        if bp.MORE.match(text):
            return "more"
        if bp.URL_LINE.match(text):
            return "related_links"
        m = bp.AGENCY_CREDIT.match(text)
        if m and bp.is_agency(m.group("agency")):
            self.meta.setdefault("agency", m.group("agency"))
            return "source"
        m = bp.PUBLISHER_LINE.match(text)
        if m:
            self.set_publisher(m.group("name"))
            return "source"
        reason = self.translation_line(text) or self.source_line(text)
        if not reason and bp.AUTHOR_NOTE.match(text) and _words(text) <= 7:
            reason = "author_note"
        return reason

    def copyright_owner(self, text: str) -> None:
        m = re.search(r"محفوظة\s+(?:ل|لـ|لصالح)\s*(?P<name>(?:[«\"]|مجلة|صحيفة|جريدة|موقع|بوابة|شبكة|قناة|وكالة|مؤسسة|دار)[^،,.\n]{2,40})", text)
        if m:
            self.set_publisher(m.group("name"))

    def tail_inline(self, j: int) -> None:
        """Furniture glued to the end of the last sentence (tags, news link, disclaimer)."""
        text = self.text(j)
        m = bp.NEWS_LINK_TAIL.search(text) if "رابط الخبر" in text else None
        if m:
            self.set_publisher(m.group("name"))
            self.cut_inline(j, m.start(), len(text), "related_links")
            text = self.text(j)
        m = bp.AGENCY_MARKER_TAIL.search(text) if "//" in text else None
        if m:
            self.cut_inline(j, m.start(), len(text), "agency_marker")
            if j in self.cut_lines:
                return
            text = self.text(j)
        m = bp.TAGS_TAIL.search(text) if any(cue in text for cue in bp.TAG_CUES) else None
        if m:
            self.cut_inline(j, m.start("tags"), len(text), "tags")
            text = self.text(j)
        if j in self.cut_lines:
            return
        span = self.disclaimer_sentence(text)
        if span and span[1] == len(text) and span[0] > 0:
            self.cut_inline(j, span[0], span[1], "disclaimer")

    def scan_everywhere(self) -> None:
        """Rules strict enough to fire on any line: read-also blocks, share and follow
        lines, strong disclaimers, copyright lines, separators."""
        i = 0
        n = len(self.lines)
        while i < n:
            if i in self.cut_lines:
                i += 1
                continue
            s, e = self.lines[i]
            if e - s > 400:  # a paragraph: no rule below fires on lines this long
                i += 1
                continue
            text = self.raw[s:e]
            if len(text) <= 200 and (bp.READ_ALSO.match(text) or bp.RELATED.match(text)):
                reason = "read_also" if bp.READ_ALSO.match(text) else "related_links"
                self.cut_line(i, reason)
                if _is_cue_only(text):
                    i = self.cut_headlines(i + 1, reason)
                    continue
            elif len(text) <= 400 and self.disclaimer_sentence(text) == (0, len(text)):
                self.cut_line(i, "disclaimer")
            elif self.may_copyright and len(text) <= 120 and bp.COPYRIGHT.match(text):
                self.copyright_owner(text)
                self.cut_line(i, "copyright")
            elif len(text) <= 200 and (self.is_share(text)):
                self.cut_line(i, "share")
            elif len(text) <= 200 and self.is_follow(text):
                self.cut_line(i, "follow_us")
            elif len(text) <= 160 and bp.SUBSCRIBE.match(text):
                self.cut_line(i, "subscribe")
            elif bp.SEPARATOR.match(text) and (i == 0 or i == n - 1 or len(text) >= 5):
                self.cut_line(i, "separator")
            i += 1

    def cut_headlines(self, i: int, reason: str) -> int:
        """After a bare «اقرأ أيضا:» come up to five link-like headline lines."""
        taken = 0
        while i < len(self.lines) and taken < 5 and i not in self.cut_lines:
            text = self.text(i)
            if len(text) > 140 or _ENDS_SENTENCE.search(text) and not text.endswith(("؟", "?", "\"", "»", "”")):
                break
            if text.endswith((".", "\u06d4")) or _words(text) > 22:
                break
            self.cut_line(i, reason)
            taken += 1
            i += 1
        return i

    # -- shapes ----------------------------------------------------------------
    def disclaimer_sentence(self, text: str) -> tuple[int, int] | None:
        """The sentence of ``text`` that is a portal disclaimer, as (start, end) in the line."""
        if not self.may_disclaim:
            return None
        m = bp.DISCLAIMER.search(text)
        if not m:
            return None
        start = 0
        for end_mark in _SENTENCE_END.finditer(text, 0, m.start()):
            start = end_mark.end()
        while start < len(text) and text[start] in _BLANK_CHARS:
            start += 1
        stop = _SENTENCE_END.search(text, m.end())
        end = stop.end() if stop else len(text)
        # a disclaimer footer often runs on as one paragraph: take the rest of the line
        # when what follows is still disclaimer-like or short
        rest = text[end:].strip(_BLANK_CHARS)
        if rest and (len(rest) <= 80 or bp.DISCLAIMER.search(rest)) and start > 0 or rest and start == 0 and bp.DISCLAIMER.search(rest):
            end = len(text)
        sentence = text[start:end]
        if len(sentence) > 400 or not bp.DISCLAIMER_TOPIC.search(sentence):
            return None
        if sentence.count("«") > sentence.count("»") + 0 and "«" in text[:start]:
            return None  # inside a quotation
        self.note_disclaimer(sentence)
        return start, end

    def note_disclaimer(self, sentence: str) -> None:
        if bp.TRANSLATION_WORD.search(sentence):
            self.translated = True
        head = bp.DISCLAIMER_SUBJECT_END.search(sentence)
        if head:
            subject = sentence[:head.start()]
            subject = re.sub(r"^\W*(?:ملاحظة|ملحوظة|تنويه|تنبيه|إخلاء\s+(?:ال)?مسؤولية)\s*[:：\-–]\s*", "", subject)
            subject = re.sub(r"^(?:\W*)(?:إن|ان|إنّ)\s+", "", subject)
            self.set_publisher(subject)
        m = re.search(r"لا\s+(?:تتحمل|يتحمل)\s+(?P<name>\S.{1,40}?)\s+(?:أي|اي|أية|أيّ|مسؤولية)", sentence)
        if m:
            self.set_publisher(m.group("name"))

    def is_share(self, text: str) -> bool:
        parts = text.split(None, 1)
        if not parts:
            return False
        first = parts[0].strip(":|,،/-–—•")
        if first not in bp.SHARE_WORDS and not first.startswith(("شارك", "مشاركة", "Share", "share")):
            return False
        words = [w.strip(":|,،/-–—•") for w in text.split()]
        words = [w for w in words if w]
        if not words or len(words) > 14:
            return False
        if not re.match(r"^(?:شارك|شاركوا|مشاركة|Share|share)", words[0]) and not all(
                w in bp.SHARE_WORDS for w in words):
            return False
        inside = sum(1 for w in words if w in bp.SHARE_WORDS)
        return inside == len(words) and inside >= 2 or (len(words) == 1 and words[0] in {"شارك", "Share"})

    def is_follow(self, text: str) -> bool:
        if len(text) > 160 or not bp.FOLLOW_US.match(text) or _SENTENCE_END.search(text[:-1]):
            return False
        target = bp.FOLLOW_TARGET.search(text)
        return target is not None and _words(text[:target.start()]) <= 6

    def find_foreign_outlet(self) -> None:
        """A translated article usually names its source in the lead sentence."""
        for i in range(min(len(self.lines), 3)):
            if i in self.cut_lines:
                continue
            lead = self.text(i)[:600]
            m = bp.FOREIGN_OUTLET_MENTION.search(lead) or bp.QUOTED_FOREIGN_OUTLET.search(lead)
            if m:
                self.translated_from = _trim(m.group("name"))
                return
            m = re.search(r"[«\"“](?P<name>(?:The |the )?[A-Z][A-Za-z.&' ]{1,40})[»\"”]", lead)
            if m:
                self.translated_from = m.group("name").strip()
                return


def _is_cue_only(text: str) -> bool:
    """«اقرأ أيضا:» with nothing after the cue: the headlines are on the next lines."""
    return _words(re.sub(r"[\W_]+", " ", text)) <= 3


def _strip_adjective(name: str) -> str:
    m = re.search(rf"\s+(?:{'|'.join(bp.FOREIGN_ADJECTIVES)})$", name)
    return name[:m.start()].strip(" «»\"“”") if m else name


def _html_cuts(raw: str, cuts: list[_Cut]) -> None:
    """Stray tags are cut (block tags leave a newline); entities become their character."""
    if "<" in raw:
        for m in bp.HTML_TAG.finditer(raw):
            newline = "\n" if bp.HTML_BLOCK_TAG.match(m.group()) else ""
            cuts.append(_Cut(m.start(), m.end(), "html", newline))
    if "&" in raw:
        for m in bp.HTML_ENTITY.finditer(raw):
            char = html.unescape(m.group())
            if char != m.group():
                cuts.append(_Cut(m.start(), m.end(), "html", char))


# --------------------------------------------------------------------- public


def clean_text(raw: str) -> CleanResult:
    """Remove publisher boilerplate from ``raw`` and repair its spacing.

    Every removed span is reported in ``removed`` (over ``raw``, with a reason);
    spacing repairs are not reported but are reflected in ``offsets``, which maps
    each clean offset back to ``raw``.
    """
    if not isinstance(raw, str):
        raise TypeError(f"clean_text expects str, got {type(raw).__name__}")
    finder = _BoilerplateFinder(raw)
    finder.run()
    cuts = finder.cuts
    _html_cuts(raw, cuts)
    cuts.sort(key=lambda c: (c.start, -(c.drop_end or c.end)))
    kept: list[_Cut] = []
    prev_end = 0
    for cut in cuts:
        if cut.start >= prev_end:
            kept.append(cut)
            prev_end = cut.drop_end or cut.end
    pieces = Pieces(raw, [(c.start, c.drop_end or c.end, c.replacement) for c in kept])
    builder = TextBuilder(raw)
    repair_spacing(pieces, builder)
    text, offsets = builder.build()
    removed = [Removed(c.start, c.end, raw[c.start:c.end], c.reason) for c in kept]
    return CleanResult(
        text=text,
        offsets=offsets,
        removed=removed,
        translated=finder.translated,
        translated_from=finder.translated_from,
        publisher=finder.publisher,
        byline=finder.byline,
        dateline=finder.dateline,
        meta=finder.meta,
    )
