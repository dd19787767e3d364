"""The text stages of the pipeline: cleaning, then sentences and tokens.

They are thin adapters from the pure functions in :mod:`marsad.text` to the
:class:`~marsad.pipeline.Stage` protocol, so the functions stay usable (and testable)
without an ``Article``.
"""

from __future__ import annotations

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
        article.layers.clear()  # spans over an older text would be wrong now
        return article


class SegmentStage:
    """Adds the ``sentences`` and ``tokens`` layers (tokens with clitic segments)."""

    name = "segment"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("sentences", "tokens")

    def __call__(self, article: Article) -> Article:
        text = article.text
        article.set_layer("sentences", [Sentence(s, e) for s, e in split_sentences(text)])
        tokens = []
        for s, e in tokenize(text):
            surface = text[s:e]
            tokens.append(Token(s, e, surface, normalize_for_search(surface), split_clitics(surface)))
        article.layers["tokens"] = tokens  # tokenize() returns them ordered
        return article
