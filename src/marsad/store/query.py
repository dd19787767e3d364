"""The search query language and its translation to each backend.

Users write words (all must match), ``"exact phrases"``, ``OR``, ``NOT word`` or
``-word``, and parentheses. The parser builds a small tree whose leaves are already
*analysed* terms (same analyser as the index), then renders it as an FTS5 MATCH
expression or a PostgreSQL ``tsquery``. Parsing once and rendering twice keeps the two
backends answering the same question.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from marsad.store.analysis import analyse


class QueryError(ValueError):
    """A query the parser cannot make sense of (message says why)."""


@dataclass(frozen=True)
class Term:
    term: str


@dataclass(frozen=True)
class Phrase:
    terms: tuple[str, ...]


@dataclass(frozen=True)
class Not:
    child: Node


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...] = field(default_factory=tuple)


Node = Term | Phrase | Not | And | Or

_TOKEN = re.compile(r'\s*(?:(")(.*?)(?:"|$)|(\()|(\))|(-)(?=\S)|([^\s()"]+))', re.DOTALL)


def _lex(text: str) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pos = 0
    text = text.strip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            break
        pos = m.end()
        if m.group(1):
            out.append(("PHRASE", m.group(2)))
        elif m.group(3):
            out.append(("(", "("))
        elif m.group(4):
            out.append((")", ")"))
        elif m.group(5):
            out.append(("NOT", "-"))
        elif m.group(6):
            word = m.group(6)
            if word in ("OR", "|"):
                out.append(("OR", word))
            elif word in ("AND", "&"):
                out.append(("AND", word))
            elif word == "NOT":
                out.append(("NOT", word))
            else:
                out.append(("WORD", word))
    return out


class _Parser:
    def __init__(self, tokens: list[tuple[str, str]]) -> None:
        self.tokens = tokens
        self.i = 0

    def peek(self) -> str | None:
        return self.tokens[self.i][0] if self.i < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def parse_or(self) -> Node | None:
        parts = [self.parse_and()]
        while self.peek() == "OR":
            self.take()
            parts.append(self.parse_and())
        kept = [p for p in parts if p is not None]
        if not kept:
            return None
        return kept[0] if len(kept) == 1 else Or(tuple(kept))

    def parse_and(self) -> Node | None:
        parts: list[Node] = []
        while self.peek() not in (None, "OR", ")"):
            if self.peek() == "AND":
                self.take()
                continue
            node = self.parse_unary()
            if node is not None:
                parts.append(node)
        if not parts:
            return None
        return parts[0] if len(parts) == 1 else And(tuple(parts))

    def parse_unary(self) -> Node | None:
        kind, value = self.take()
        if kind == "NOT":
            if self.peek() in (None, "OR", ")", "AND"):
                return None
            child = self.parse_unary()
            return Not(child) if child is not None else None
        if kind == "(":
            inner = self.parse_or()
            if self.peek() == ")":
                self.take()
            return inner
        if kind == ")":
            return None
        return _leaf(value)


def _leaf(text: str) -> Node | None:
    terms = analyse(text)
    if not terms:
        return None
    return Term(terms[0]) if len(terms) == 1 else Phrase(tuple(terms))


def parse_query(text: str) -> Node:
    """Parse ``text``; raise :class:`QueryError` if nothing searchable is left."""
    tokens = _lex(text)
    parser = _Parser(tokens)
    node = parser.parse_or()
    # stray ')' at top level: keep parsing what follows as more AND-ed parts
    while parser.i < len(tokens):
        parser.take()
        more = parser.parse_or()
        if more is not None:
            node = more if node is None else And((node, more))
    if node is None:
        raise QueryError(f"query {text!r} has no searchable words")
    _check_positive(node)
    return node


def _check_positive(node: Node) -> None:
    """Every AND group and the query itself need at least one non-negated part."""
    if isinstance(node, Not):
        raise QueryError("a query needs at least one word that is not negated")
    if isinstance(node, And):
        if all(isinstance(c, Not) for c in node.children):
            raise QueryError("a query needs at least one word that is not negated")
        for c in node.children:
            _check_positive(c.child if isinstance(c, Not) else c)
    if isinstance(node, Or):
        for c in node.children:
            _check_positive(c)


def positive_terms(node: Node) -> set[str]:
    """Terms that count as hits (for snippets): everything not under a NOT."""
    if isinstance(node, Term):
        return {node.term}
    if isinstance(node, Phrase):
        return set(node.terms)
    if isinstance(node, Not):
        return set()
    out: set[str] = set()
    for c in node.children:
        out |= positive_terms(c)
    return out


# ------------------------------------------------------------------- renderers


def _fts_quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def to_fts5(node: Node) -> str:
    """An FTS5 MATCH expression (FTS5's NOT is binary: ``a NOT b``)."""
    if isinstance(node, Term):
        return _fts_quote(node.term)
    if isinstance(node, Phrase):
        return _fts_quote(" ".join(node.terms))
    if isinstance(node, Or):
        return "(" + " OR ".join(to_fts5(c) for c in node.children) + ")"
    if isinstance(node, And):
        pos = [c for c in node.children if not isinstance(c, Not)]
        neg = [c.child for c in node.children if isinstance(c, Not)]
        out = "(" + " AND ".join(to_fts5(c) for c in pos) + ")"
        for n in neg:
            out += " NOT " + to_fts5(n)
        return "(" + out + ")"
    raise QueryError("a query needs at least one word that is not negated")


def _ts_quote(term: str) -> str:
    return "'" + term.replace("'", "''").replace("\\", "") + "'"


def to_tsquery(node: Node) -> str:
    """A PostgreSQL ``to_tsquery('simple', ...)`` expression."""
    if isinstance(node, Term):
        return _ts_quote(node.term)
    if isinstance(node, Phrase):
        return "(" + " <-> ".join(_ts_quote(t) for t in node.terms) + ")"
    if isinstance(node, Not):
        return "!" + to_tsquery(node.child)
    if isinstance(node, Or):
        return "(" + " | ".join(to_tsquery(c) for c in node.children) + ")"
    return "(" + " & ".join(to_tsquery(c) for c in node.children) + ")"
