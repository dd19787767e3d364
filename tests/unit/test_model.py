"""The article model: invariants, offset maps and the JSON round trip."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.model import (
    SCHEMA_VERSION,
    Article,
    Entity,
    ModelError,
    OffsetMap,
    Removed,
    Sentence,
    TextBuilder,
    Token,
)


def _article_with_layers() -> Article:
    text = "قال اللواء محمد الزين إن ليبيا تحتاج إلى التدريب."
    art = Article.from_raw(text, title="عنوان", source="المرصد", published="2016-03-10")
    art.set_layer("sentences", [Sentence(0, len(text))])
    words = [(m, m + len(w)) for w, m in _word_starts(text)]
    art.set_layer("tokens", [Token(s, e, text[s:e], text[s:e], [text[s:e]]) for s, e in words])
    start = text.index("محمد الزين")
    art.set_layer("entities", [Entity(start, start + 10, "محمد الزين", "PERS", "محمد الزين", "اللواء")])
    return art


def _word_starts(text: str) -> list[tuple[str, int]]:
    out, pos = [], 0
    for word in text.split(" "):
        out.append((word, pos))
        pos += len(word) + 1
    return out


def test_round_trip_keeps_everything() -> None:
    art = _article_with_layers()
    art.removed = [Removed(0, 1, art.raw[0], "test")]
    data = json.loads(json.dumps(art.to_dict(), ensure_ascii=False))
    assert data["schema_version"] == SCHEMA_VERSION
    back = Article.from_dict(data)
    assert back.to_dict() == art.to_dict()
    assert back.entities[0].title == "اللواء"
    assert back.id == art.id


def test_unknown_schema_version_is_refused() -> None:
    data = _article_with_layers().to_dict()
    data["schema_version"] = 999
    with pytest.raises(ModelError, match="schema_version"):
        Article.from_dict(data)


def test_validate_accepts_a_good_article() -> None:
    _article_with_layers().validate()


@pytest.mark.parametrize(
    "spans, message",
    [
        ([Sentence(0, 500)], "outside"),
        ([Sentence(5, 9), Sentence(0, 3)], "ordered|overlaps"),
        ([Sentence(0, 6), Sentence(4, 9)], "overlaps"),
    ],
)
def test_validate_rejects_bad_sentences(spans: list[Sentence], message: str) -> None:
    art = Article.from_raw("نص قصير جدا هنا")
    art.layers["sentences"] = spans  # bypass set_layer's sorting on purpose
    with pytest.raises(ModelError, match=message):
        art.validate()


def test_validate_rejects_text_that_disagrees_with_its_slice() -> None:
    art = Article.from_raw("ليبيا وبريطانيا")
    art.set_layer("entities", [Entity(0, 5, "تونس", "LOC", "تونس")])
    with pytest.raises(ModelError, match="slice"):
        art.validate()


def test_set_layer_checks_the_span_class() -> None:
    art = Article.from_raw("ليبيا")
    with pytest.raises(ModelError, match="Entity"):
        art.set_layer("entities", [Sentence(0, 5)])


def test_removed_spans_must_match_raw() -> None:
    art = Article.from_raw("abc")
    art.removed = [Removed(0, 2, "xx", "test")]
    with pytest.raises(ModelError, match="removed"):
        art.validate()


def test_text_builder_maps_clean_offsets_to_raw() -> None:
    raw = "AAA<junk>BBB  ،CCC"
    b = TextBuilder(raw)
    b.copy(0, 3)            # AAA
    b.copy(9, 12)           # BBB
    b.insert("،", 14)       # written by the cleaner
    b.insert(" ", 15)
    b.copy(15, 18)          # CCC
    text, omap = b.build()
    assert text == "AAABBB، CCC"
    for i, ch in enumerate(text):
        if ch not in "، ":
            assert raw[omap.to_raw(i)] == ch
    assert omap.span_to_raw(3, 6) == (9, 12)
    assert raw[slice(*omap.span_to_raw(8, 11))] == "CCC"


def test_identity_map() -> None:
    omap = OffsetMap.identity(10)
    assert [omap.to_raw(i) for i in range(11)] == list(range(11))


@given(st.text(), st.lists(st.tuples(st.integers(0, 60), st.integers(0, 60)), max_size=8))
def test_builder_property_every_copied_char_maps_home(raw: str, cuts: list[tuple[int, int]]) -> None:
    """Whatever ranges a cleaner keeps, each kept character maps back to itself."""
    b = TextBuilder(raw)
    kept: list[int] = []
    pos = 0
    for a, c in sorted((min(x, y), max(x, y)) for x, y in cuts):
        a, c = min(a, len(raw)), min(c, len(raw))
        if a < pos:
            continue
        b.copy(a, c)
        kept.extend(range(a, c))
        pos = c
    text, omap = b.build()
    assert len(text) == len(kept)
    for i, raw_index in enumerate(kept):
        assert omap.to_raw(i) == raw_index
        assert raw[omap.to_raw(i)] == text[i]
    back = OffsetMap.from_dict(json.loads(json.dumps(omap.to_dict())))
    assert all(back.to_raw(i) == omap.to_raw(i) for i in range(len(text) + 1))


@given(st.text(min_size=1), st.data())
def test_round_trip_property_over_random_unicode(text: str, data: st.DataObject) -> None:
    art = Article.from_raw(text, title=data.draw(st.one_of(st.none(), st.text())))
    bounds = sorted(data.draw(st.lists(st.integers(0, len(text)), max_size=10)))
    spans = [Sentence(a, b) for a, b in zip(bounds[::2], bounds[1::2])]
    art.set_layer("sentences", spans)
    art.validate()
    back = Article.from_dict(json.loads(json.dumps(art.to_dict())))
    assert back.to_dict() == art.to_dict()
    for s in back.sentences:
        assert 0 <= s.start <= s.end <= len(back.text)
