"""The text stages of the pipeline: cleaning, then sentences and tokens.

They are thin adapters from the pure functions in :mod:`marsad.text` to the
:class:`~marsad.pipeline.Stage` protocol, so the functions stay usable (and testable)
without an ``Article``.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

from marsad.model import Article, Sentence, Token
from marsad.text.clean import clean_text
from marsad.text.normalize import normalize_for_search
from marsad.text.segment import split_clitics, split_sentences, tokenize


class CleanStage:
    """Removes publisher boilerplate from ``raw`` and sets the clean ``text``.

    Runs from the raw text every time, so running it twice gives the same article.
    Metadata found in the boilerplate (publisher, byline, dateline, translation) is
    kept only where the article does not already carry it.
    """

    name = "clean"
    requires: tuple[str, ...] = ("raw",)
    assigns: tuple[str, ...] = ("text", "removed", "translated")

    def __call__(self, article: Article) -> Article:
        result = clean_text(article.raw)
        article.text = result.text
        article.offsets = result.offsets
        article.removed = list(result.removed)
        article.translated = article.translated or result.translated
        article.translated_from = article.translated_from or result.translated_from
        article.publisher = article.publisher or result.publisher
        article.byline = article.byline or result.byline
        article.dateline = article.dateline or result.dateline
        for key, value in result.meta.items():  # place, agency, source line, translator
            article.meta.setdefault(key, value)
        article.layers.clear()  # spans over an older text would be wrong now
        return article


class SegmentStage:
    """Adds the ``sentences`` and ``tokens`` layers (tokens with clitic segments).

    Each token carries ``norm = normalize_for_search(text)`` and ``segments =
    split_clitics(text)``. News repeats its words (5 MB of ANT copy: 525k tokens, 58k
    distinct surfaces), so both are computed once per distinct surface by
    :func:`token_forms` and only looked up afterwards; building the ``Token`` objects
    is then most of the stage's time, with the cyclic garbage collector (paused, see
    :func:`_collector_paused`).
    """

    name = "segment"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("sentences", "tokens")

    def __call__(self, article: Article) -> Article:
        text = article.text
        with _collector_paused():
            # Both functions return ordered, non-overlapping spans: set_layer's sort and
            # type check would only cost time.
            article.layers["sentences"] = [Sentence(s, e) for s, e in split_sentences(text)]
            article.layers["tokens"] = build_tokens(text)
        return article


#: Most distinct surfaces remembered by :func:`token_forms`. Bounded because the stage
#: lives as long as the process (an API server sees an unbounded vocabulary); at about
#: 300 bytes an entry this is some 40 MB at most, more than a day of news needs.
TOKEN_FORMS_CACHE_SIZE = 1 << 17

# surface -> (search form, clitic segments). A plain dict rather than functools.lru_cache:
# a dict.get in the token loop costs half an lru_cache call, and when the cache is full
# it is simply emptied (news vocabulary refills the frequent words within an article).
_FORMS: dict[str, tuple[str, tuple[str, ...]]] = {}


def token_forms(surface: str) -> tuple[str, tuple[str, ...]]:
    """``(normalize_for_search(surface), split_clitics(surface))`` for one surface, cached.

    The segments are a tuple so the cached value cannot be changed by a caller; every
    ``Token`` gets its own list copy of it.
    """
    forms = _FORMS.get(surface)
    if forms is None:
        forms = _FORMS[surface] = _compute_forms(surface)
    return forms


def _compute_forms(surface: str) -> tuple[str, tuple[str, ...]]:
    if len(_FORMS) >= TOKEN_FORMS_CACHE_SIZE:
        _FORMS.clear()
    return normalize_for_search(surface), tuple(split_clitics(surface))


def build_tokens(text: str) -> list[Token]:
    """The ``Token`` objects of ``text``, in order (the fast path of :class:`SegmentStage`).

    Equal, token for token, to ``Token(s, e, text[s:e], normalize_for_search(text[s:e]),
    split_clitics(text[s:e]))`` for every span of :func:`tokenize` (a test checks it).
    """
    cached = _FORMS.get
    compute = _compute_forms
    store = _FORMS.__setitem__
    make = Token
    tokens: list[Token] = []
    append = tokens.append
    for start, end in tokenize(text):
        surface = text[start:end]
        forms = cached(surface)
        if forms is None:
            forms = compute(surface)
            store(surface, forms)
        append(make(start, end, surface, forms[0], list(forms[1])))
    return tokens


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Hold off Python's cyclic garbage collector while the spans are built.

    Every ``Token``, its segment list and every span tuple is a tracked container, so
    an article triggers many collections, and each older-generation pass walks every
    object the process holds (earlier articles of the batch, gazetteers, models):
    measured on 5 MB of ANT news kept in memory, that doubled the stage's time.
    Tokens form no cycles, so nothing is lost by collecting after the loop instead of
    during it. The previous state is restored, so a caller that disabled the collector
    keeps it disabled.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
