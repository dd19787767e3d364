"""The analyser and the query language, independent of any database."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.store.analysis import analyse, analyse_with_offsets, analyse_word
from marsad.store.base import make_snippet, mark_snippet
from marsad.store.query import (
    And,
    Not,
    Or,
    Phrase,
    QueryError,
    Term,
    parse_query,
    positive_terms,
    to_fts5,
    to_tsquery,
)


@pytest.mark.parametrize("forms", [
    ["ليبيا", "الليبية", "الليبي", "وليبيا", "الليبيون"],
    ["مصر", "المصرية", "المصريين", "مصري"],
    ["بريطانيا", "البريطانية", "والبريطانيين"],
    ["محمد", "مُحَمَّد", "محـــمد"],
    ["أحمد", "احمد", "إحمد"],
])
def test_related_forms_share_a_term(forms: list[str]) -> None:
    assert len({analyse_word(f) for f in forms}) == 1


def test_different_words_stay_apart() -> None:
    assert analyse_word("ليبيا") != analyse_word("لبنان")
    assert analyse_word("مصر") != analyse_word("مصرف")


def test_digits_and_latin() -> None:
    assert analyse("عام ٢٠١٨ CNN") == [analyse_word("عام"), "2018", "cnn"]


def test_offsets_point_at_original_words() -> None:
    text = "قالَ الرئيسُ: ليبيا"
    for term, s, e in analyse_with_offsets(text):
        assert analyse_word(text[s:e]) == term


def test_parse_structure() -> None:
    assert parse_query("ليبيا") == Term(analyse_word("ليبيا"))
    node = parse_query('"وزير الخارجية" OR ليبيا -مصر')
    assert isinstance(node, Or)
    phrase, rest = node.children
    assert isinstance(phrase, Phrase) and len(phrase.terms) == 2
    assert isinstance(rest, And) and isinstance(rest.children[1], Not)
    assert positive_terms(node) == set(phrase.terms) | {analyse_word("ليبيا")}


def test_parentheses_and_renderers() -> None:
    node = parse_query("(ليبيا OR مصر) NOT تونس")
    assert to_fts5(node) == '((("ليب" OR "مصر")) NOT "تونس")'
    assert to_tsquery(node) == "(('ليب' | 'مصر') & !'تونس')"


@pytest.mark.parametrize("bad", ["", "   ", "-ليبيا", "NOT ليبيا", "((", '""', "!!!"])
def test_unsearchable_queries(bad: str) -> None:
    with pytest.raises(QueryError):
        parse_query(bad)


@given(st.text(max_size=60))
def test_parser_never_crashes_and_renders_safely(text: str) -> None:
    try:
        node = parse_query(text)
    except QueryError:
        return
    fts = to_fts5(node)
    ts = to_tsquery(node)
    assert fts.count('"') % 2 == 0
    assert ts.count("'") % 2 == 0


def test_snippet_highlights_query_words_in_original_text() -> None:
    text = "في خبر طويل " * 20 + "أعلنت الحكومةُ الليبية خطة. " + "كلام آخر " * 20
    snippet, marks = make_snippet(text, {analyse_word("الليبية"), analyse_word("الحكومة")})
    assert [snippet[s:e] for s, e in marks] == ["الحكومةُ", "الليبية"]
    assert snippet.startswith("… ") and snippet.endswith(" …")
    assert "[الليبية]" in mark_snippet(snippet, marks)
