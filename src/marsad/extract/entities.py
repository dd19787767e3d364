"""The named-entity stage: tags ``article.tokens`` sentence by sentence with the
shipped CRF and adds the ``entities`` layer (PERS, LOC, ORG, MISC).

For each entity it also fills

* ``canonical`` — the name without the conjunction/preposition glued to its first word
  (وبريطانيا، لبريطانيا → بريطانيا; للقاهرة → القاهرة), diacritics and tatweel removed,
  spelling otherwise kept readable (no ة→ه or alef folding);
* ``title``/``title_start``/``title_end`` — for a person, the rank or office right before
  the name (see :mod:`marsad.extract.titles`). When the tagger put the title inside the
  person's span, the span is trimmed so the entity is the name alone.

Sentences are tagged one by one, then names found in one sentence are propagated to
their untagged repetitions elsewhere in the same article (:meth:`NerModel.tag_document`).

The model is loaded once per process and per path (:func:`load_model`, an LRU cache:
the only module-level state); a stage object holds nothing mutable itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from collections.abc import Set as AbstractSet
from functools import lru_cache
from pathlib import Path

from marsad.extract.ner_neural import NN_MODEL_DIR, NeuralTagger, load_ner
from marsad.extract.titles import leading_title, split_title_clitic, title_before
from marsad.model import Article, Entity, Token
from marsad.training.features import fold, strip_proclitics
from marsad.training.ner import NerModel
from marsad.training.scoring import tag_spans

# Round 28 of the quote rules: social platforms («على حسابه على تويتر»)
_PLATFORMS = frozenset(fold(w) for w in ("تويتر", "فيسبوك", "فيس", "يوتيوب", "إنستغرام", "انستغرام",
                                         "إنستجرام", "تلغرام", "تيليغرام", "واتساب", "سناب"))
_PLATFORM_PREPS = frozenset(fold(w) for w in ("على", "عبر"))
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c-\u200f]")
_SENTENCE_END = frozenset({".", "!", "?", "؟", "…"})
MAX_SENTENCE_TOKENS = 200  # a run-on "sentence" is tagged in pieces of this size


@lru_cache(maxsize=4)
def load_model(path: str | None = None) -> NerModel | NeuralTagger:
    """The NER model at ``path``, loaded once. The default is the shipped BiLSTM-CRF
    (``models/ner_nn``: dev F1 0.765 against the CRF's 0.730); a CRF directory
    (``models/ner``) still loads, the files tell which family it is."""
    return load_ner(Path(path) if path else NN_MODEL_DIR)


def name_resources(model: NerModel | NeuralTagger) -> tuple[Mapping[str, int], AbstractSet[str]]:
    """News word counts and known names that decide clitic stripping in canonical names."""
    if isinstance(model, NeuralTagger):
        return model.counts, frozenset()
    return model.resources.counts, model.extractor.known


def canonical_name(words: Sequence[str], counts: Mapping[str, int], known: AbstractSet[str] = frozenset()) -> str:
    """Readable canonical form: first word without proclitics, no diacritics/tatweel.

    ``counts``/``known`` are the model's news word counts and gazetteer names, which
    decide whether a leading و/ب/ل/ك/ف is a clitic (وبريطانيا) or part of the name (واشنطن).
    """
    clean = [_MARKS.sub("", w) for w in words]
    clean = [w for w in clean if w]
    if not clean:
        return ""
    first = clean[0]
    key = fold(first)
    prefix, rest = strip_proclitics(key, counts, known)
    if prefix:
        stripped = first[len(prefix):]
        if rest == "ا" + key[len(prefix):]:  # للقاهرة: ل + (ا)لقاهرة
            stripped = "ا" + stripped
        clean[0] = stripped
    return " ".join(clean)


def _title_fields(article: Article, tokens: Sequence[Token]) -> tuple[str, int, int]:
    """Title display text and its offsets; a proclitic on the first title word is left
    out of both (والرئيس → الرئيس) where the text allows it (see split_title_clitic)."""
    first = article.text[tokens[0].start:tokens[0].end]
    skip, display = split_title_clitic(first)
    start, end = tokens[0].start + skip, tokens[-1].end
    rest = [_MARKS.sub("", article.text[t.start:t.end]) for t in tokens[1:]]
    return " ".join([display, *rest]), start, end


_HASHTAG_WORD = re.compile(r"[^#_]+")


def name_tokens(tokens: Sequence[Token]) -> list[Token]:
    """The tokens the tagger reads: a hashtag is split into «#» and its words.

    Al Arabiya writes names and offices as hashtags («أكد #وزير_الخزانة_الأميركي ستيف
    منوتشين»); whole, such a token is one unknown word to the tagger and hides the office
    from the title rules. Split at «_», its words are read like any other (the entity's
    offsets stay those of the words in the text)."""
    out: list[Token] = []
    for tok in tokens:
        if not tok.text.startswith("#") or len(tok.text) < 2:
            out.append(tok)
            continue
        out.append(Token(tok.start, tok.start + 1, "#", "#", ["#"]))
        for m in _HASHTAG_WORD.finditer(tok.text):
            word = m.group()
            out.append(Token(tok.start + m.start(), tok.start + m.end(), word, word, [word]))
    return out


def _sentence_token_ranges(article: Article, tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Index ranges into ``tokens`` for each sentence (falls back to
    sentence-final punctuation when the article has no sentence layer)."""
    ranges: list[tuple[int, int]] = []
    sentences = article.sentences
    if sentences:
        i = 0
        for sent in sentences:
            while i < len(tokens) and tokens[i].end <= sent.start:
                i += 1  # tokens outside every sentence are skipped
            j = i
            while j < len(tokens) and tokens[j].start < sent.end:
                j += 1
            if j > i:
                ranges.append((i, j))
            i = j
    else:
        i = 0
        for j, tok in enumerate(tokens):
            if article.text[tok.start:tok.end] in _SENTENCE_END:
                ranges.append((i, j + 1))
                i = j + 1
        if i < len(tokens):
            ranges.append((i, len(tokens)))
    out: list[tuple[int, int]] = []
    for a, b in ranges:  # bound the cost of a run-on sentence
        for s in range(a, b, MAX_SENTENCE_TOKENS):
            out.append((s, min(b, s + MAX_SENTENCE_TOKENS)))
    return out


def entities_from_tags(article: Article, tokens: Sequence[Token], tags: Sequence[str],
                       counts: Mapping[str, int], known: AbstractSet[str] = frozenset()) -> list[Entity]:
    """Build :class:`Entity` spans for one sentence's tokens and IOB tags (any tagger's)."""
    words = [article.text[t.start:t.end] for t in tokens]
    found: list[Entity] = []
    prev_end = 0
    for s, e, etype in tag_spans(tags):
        if platform_phrase(words[s:e]):
            prev_end = e
            continue
        cut = leading_preposition(words[s:e])
        if cut and e - (s + cut) == 1 and fold(words[s + cut]).startswith("ال"):
            prev_end = e
            continue  # «علق الرئيس على الاتفاق»: after the preposition, a definite noun is no name
        s += cut
        title_range: tuple[int, int] | None = None
        if etype == "PERS":
            inside = leading_title(words, s, e)
            if inside:
                title_range = (s, s + inside)
                s += inside
            else:
                title_range = title_before(words, s, lower=prev_end)
        start, end = tokens[s].start, tokens[e - 1].end
        ent = Entity(start, end, text=article.text[start:end], type=etype,
                     canonical=canonical_name(words[s:e], counts, known))
        if title_range is not None:
            t_tokens = tokens[title_range[0]:title_range[1]]
            ent.title, ent.title_start, ent.title_end = _title_fields(article, t_tokens)
        found.append(ent)
        prev_end = e
    return found


def leading_preposition(words: Sequence[str]) -> int:
    """How many leading words of a span are the preposition «على» (spelt with alef maqsura, as
    names «علي» are not) and «لسان» after it: «رد على روحاني»، «على لسان بري» — the tagger reads
    «على» as the name Ali (35 spans over the 5,052 open gold articles, nearly all prepositions).
    A span keeps at least one word."""
    if len(words) >= 2 and words[0] == "على":
        return 2 if len(words) >= 3 and fold(words[1]) == fold("لسان") else 1
    return 0


def platform_phrase(words: Sequence[str]) -> bool:
    """«وكتب الوزير على حسابه على تويتر»: the tagger can read «على تويتر» as the name «علي»;
    a span of the preposition «على/عبر» and a social platform is where, never who, so the
    stage drops it (the quote stage's speakers and the registry would otherwise count it)."""
    return len(words) == 2 and fold(words[0]) in _PLATFORM_PREPS and fold(words[1]) in _PLATFORMS


class EntityStage:
    """Pipeline stage ``entities``: requires ``tokens``; batches through :meth:`pipe`."""

    name = "entities"
    requires: tuple[str, ...] = ("tokens",)
    assigns: tuple[str, ...] = ("entities",)

    def __init__(self, model_path: str | Path | None = None) -> None:
        self.model_path = str(model_path) if model_path else None

    @property
    def model(self) -> NerModel | NeuralTagger:
        return load_model(self.model_path)

    def __call__(self, article: Article) -> Article:
        return self.pipe([article])[0]

    def pipe(self, articles: Iterable[Article]) -> list[Article]:
        model = self.model
        counts, known = name_resources(model)
        out: list[Article] = []
        for article in articles:
            tokens = name_tokens(article.tokens)
            entities: list[Entity] = []
            ranges = _sentence_token_ranges(article, tokens)
            words = [[article.text[t.start:t.end] for t in tokens[a:b]] for a, b in ranges]
            for (a, b), tags in zip(ranges, model.tag_document(words)):
                entities.extend(entities_from_tags(article, tokens[a:b], tags, counts, known))
            article.set_layer("entities", entities)
            out.append(article)
        return out
