"""Turn an article's text and its spans into safe, highlighted HTML.

The article text is untrusted (it may contain ``<script>`` or attribute-breaking
quotes), so the HTML is built by walking span boundaries over ``article.text`` and
escaping *every* piece of text and every attribute value; the only markup in the
output is the tags written here. Spans from different layers may nest (an entity
inside a quote) or cross (an event trigger straddling an entity edge); crossing spans
are closed and reopened at the boundary so the result is always well-formed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from marsad.model import Article

# When two spans share both edges the one with the lower rank is the outer one.
_RANK = {"quote": 0, "speaker": 1, "entity": 2, "cue": 3, "event": 4, "hit": 5}
_SAFE_TAGS = {"a", "span", "mark", "q"}
_ATTR_NAME = re.compile(r"^[a-z][a-z0-9-]*$")


@dataclass(frozen=True)
class Mark:
    """One highlight: a half-open range of the text, a tag and its attributes."""

    start: int
    end: int
    kind: str
    tag: str = "span"
    attrs: tuple[tuple[str, str], ...] = field(default=())

    def open_tag(self) -> str:
        if self.tag not in _SAFE_TAGS:
            raise ValueError(f"tag {self.tag!r} is not allowed in highlights")
        parts = [self.tag]
        for name, value in self.attrs:
            if not _ATTR_NAME.match(name):
                raise ValueError(f"attribute name {name!r} is not allowed")
            parts.append(f'{name}="{escape(value)}"')
        return "<" + " ".join(parts) + ">"

    def close_tag(self) -> str:
        return f"</{self.tag}>"


def render_marked(text: str, marks: Iterable[Mark]) -> Markup:
    """Escaped HTML of ``text`` with ``marks`` wrapped around their ranges.

    Marks outside the text or empty are ignored (a stale layer must not break a page).
    """
    n = len(text)
    valid = sorted((m for m in marks if 0 <= m.start < m.end <= n),
                   key=lambda m: (m.start, -m.end, _RANK.get(m.kind, 9)))
    bounds = sorted({0, n, *(m.start for m in valid), *(m.end for m in valid)})
    starts: dict[int, list[Mark]] = {}
    for m in valid:
        starts.setdefault(m.start, []).append(m)
    out: list[str] = []
    stack: list[Mark] = []
    prev = 0
    for pos in bounds:
        if pos > prev:
            out.append(str(escape(text[prev:pos])))
        prev = pos
        reopen: list[Mark] = []
        if any(m.end == pos for m in stack):
            # close down to the deepest mark that ends here, remembering the others
            while any(m.end == pos for m in stack):
                top = stack.pop()
                out.append(top.close_tag())
                if top.end != pos:
                    reopen.append(top)
        opening = sorted(reopen + starts.get(pos, []), key=lambda m: (-m.end, _RANK.get(m.kind, 9)))
        for m in opening:
            out.append(m.open_tag())
            stack.append(m)
    while stack:
        out.append(stack.pop().close_tag())
    return Markup("".join(out))


def article_marks(article: Article, entity_ids: Sequence[str | None] = ()) -> list[Mark]:
    """Marks for the entities, quotes (with cue and speaker) and events of ``article``.

    ``entity_ids[i]`` is the registry id of the i-th span of the entities layer (or
    None), so a mention links to its entity page.
    """
    marks: list[Mark] = []
    for i, ent in enumerate(article.layer("entities")):
        eid = entity_ids[i] if i < len(entity_ids) else None
        attrs: list[tuple[str, str]] = [("class", f"ent ent-{_css(ent.type)}"), ("data-ent", str(i)),
                                        ("title", f"{ent.type}: {ent.canonical or ent.text}")]
        if eid:
            marks.append(Mark(ent.start, ent.end, "entity", "a", (("href", f"/entities/{eid}"), *attrs)))
        else:
            marks.append(Mark(ent.start, ent.end, "entity", "span", tuple(attrs)))
    for i, quote in enumerate(article.layer("quotes")):
        marks.append(Mark(quote.start, quote.end, "quote", "mark",
                          (("class", f"quote quote-{_css(quote.kind)}"), ("data-quote", str(i)))))
        if quote.cue_start is not None and quote.cue_end is not None:
            marks.append(Mark(quote.cue_start, quote.cue_end, "cue", "span",
                              (("class", "cue"), ("data-quote", str(i)))))
        speaker = quote.speaker or {}
        s_start, s_end = speaker.get("start"), speaker.get("end")
        if isinstance(s_start, int) and isinstance(s_end, int):
            marks.append(Mark(s_start, s_end, "speaker", "span",
                              (("class", "speaker"), ("data-quote", str(i)))))
    for i, event in enumerate(article.layer("events")):
        marks.append(Mark(event.start, event.end, "event", "span",
                          (("class", f"event ev-{_css(event.type)}"), ("data-event", str(i)),
                           ("title", f"{event.type} ({event.modality})"))))
    return marks


def highlight_article(article: Article, entity_ids: Sequence[str | None] = ()) -> Markup:
    """The article body as escaped HTML with all analysis layers highlighted."""
    return render_marked(article.text, article_marks(article, entity_ids))


def render_snippet(snippet: str, open_marker: str, close_marker: str) -> Markup:
    """Escape a search snippet whose hits are delimited by plain-text markers.

    The store marks hits with sentinel strings; they are turned into ``<mark>`` here,
    after escaping, so a snippet can never inject markup.
    """
    out: list[str] = []
    rest = snippet
    while True:
        i = rest.find(open_marker)
        if i < 0:
            out.append(str(escape(rest)))
            break
        j = rest.find(close_marker, i + len(open_marker))
        if j < 0:
            out.append(str(escape(rest.replace(open_marker, ""))))
            break
        out.append(str(escape(rest[:i])))
        out.append("<mark class=\"hit\">" + str(escape(rest[i + len(open_marker):j])) + "</mark>")
        rest = rest[j + len(close_marker):]
    return Markup("".join(out))


def _css(value: str | None) -> str:
    """A class-name-safe version of a label (labels come from models, not users, but still)."""
    return re.sub(r"[^A-Za-z0-9_-]", "_", value or "none")[:40]
