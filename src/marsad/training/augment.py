"""Mention replacement: more NER training sentences made from the training sentences.

Why: ANERcorp's training part holds about 3,500 sentences, so the tagger sees most names
once or twice and learns much of its context from which names happen to sit in it. A
copy of a sentence in which some names are swapped for other names *of the same type
from the same training data* keeps the context and the labels true while showing the
context with names it did not come with (Dai & Adel 2020, "An analysis of simple data
augmentation for named entity recognition", found this the most useful of the simple
augmentations on small training sets).

Arabic writes the conjunction and the prepositions onto the name (وبريطانيا، لبريطانيا،
للقاهرة); a swapped-in name takes over the proclitics of the name it replaces, and only
names written bare are drawn as replacements, so no sentence gets «وو» or loses its «ل».
Only training sentences are used: the dev split that chooses the epoch and anything
scored later are never read here.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from marsad.training.conll import TaggedSentence
from marsad.training.features import fold, strip_proclitics

Mention = tuple[str, ...]


def mentions_of(sentence: TaggedSentence) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` token spans of the IOB2-tagged names of a sentence."""
    spans: list[tuple[int, int, str]] = []
    start, kind = -1, ""
    for i, tag in enumerate([*sentence.tags, "O"]):
        if start >= 0 and not (tag.startswith("I-") and tag[2:] == kind):
            spans.append((start, i, kind))
            start = -1
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, kind = i, tag[2:]
    return spans


def _prefix(token: str, counts: Mapping[str, int]) -> str:
    """The proclitics written onto ``token`` (``""`` when it stands bare), as the news
    counts decide (:func:`strip_proclitics`)."""
    prefix, _ = strip_proclitics(fold(token), counts)
    return token[:len(prefix)] if prefix else ""


def _attach(prefix: str, token: str) -> str:
    """``prefix`` written onto ``token``: ل + القاهرة is «للقاهرة» (the article's alef drops)."""
    if prefix.endswith("ل") and token.startswith("ال"):
        return prefix + token[1:]
    return prefix + token


def bare_inventory(sentences: Sequence[TaggedSentence], counts: Mapping[str, int]) -> dict[str, list[Mention]]:
    """Per type, the names of ``sentences`` whose first word carries no proclitic (with
    repeats, so a frequent name is drawn as often as it occurs)."""
    out: dict[str, list[Mention]] = {}
    for s in sentences:
        for start, end, kind in mentions_of(s):
            if not _prefix(s.tokens[start], counts):
                out.setdefault(kind, []).append(tuple(s.tokens[start:end]))
    return out


def replace_mentions(sentence: TaggedSentence, inventory: Mapping[str, Sequence[Mention]],
                     counts: Mapping[str, int], rate: float, rng: random.Random) -> TaggedSentence | None:
    """A copy of ``sentence`` with each name swapped, with probability ``rate``, for a
    name of the same type from ``inventory``; ``None`` when nothing was swapped."""
    tokens: list[str] = []
    tags: list[str] = []
    changed = False
    pos = 0
    for start, end, kind in mentions_of(sentence):
        tokens += sentence.tokens[pos:start]
        tags += sentence.tags[pos:start]
        pool = inventory.get(kind, ())
        original = tuple(sentence.tokens[start:end])
        if pool and rng.random() < rate:
            new = list(rng.choice(pool))
            new[0] = _attach(_prefix(original[0], counts), new[0])
            changed = changed or tuple(new) != original
        else:
            new = list(original)
        tokens += new
        tags += [f"B-{kind}"] + [f"I-{kind}"] * (len(new) - 1)
        pos = end
    tokens += sentence.tokens[pos:]
    tags += sentence.tags[pos:]
    if not changed:
        return None
    return TaggedSentence(tokens, tags, sentence.source + "#augmented")


def augment(sentences: Sequence[TaggedSentence], counts: Mapping[str, int], copies: int = 1,
            rate: float = 0.5, seed: int = 13) -> list[TaggedSentence]:
    """Up to ``copies`` mention-replaced copies of every sentence that holds a name
    (only the new sentences are returned; the originals stay as they are)."""
    if copies < 0 or not 0.0 <= rate <= 1.0:
        raise ValueError(f"copies must be >= 0 and rate in [0, 1], got {copies} and {rate}")
    rng = random.Random(seed)
    inventory = bare_inventory(sentences, counts)
    out: list[TaggedSentence] = []
    for s in sentences:
        for _ in range(copies):
            new = replace_mentions(s, inventory, counts, rate, rng)
            if new is not None:
                out.append(new)
    return out
