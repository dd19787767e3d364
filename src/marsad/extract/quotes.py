"""Who said what: direct and reported quotes with their cue and resolved speaker.

The stage works in three passes over the article text:

1. **Quoted segments** — pairs of «…», “…” or "…" (a «…» pair may run over several
   sentences and even paragraphs: it stays one quote).
2. **Cues** — a speech verb (قال، أضاف، أكد …, any conjugation, with و/ف), a
   participle (مؤكدا أن), a relay verb (نقلت … عن) or an attribution (بحسب، وفقا لـ،
   حسبما قال).  After a verb the *speaker zone* runs up to the *opener*: a
   complementiser (إن، أن، بأن، إلى أن) opens a reported quote that runs to the end of
   the sentence; a colon or a quote mark opens a direct quote.  A quoted segment that
   nothing introduced is a quote only when a cue follows it («"…"، قال فلان») or it is
   a whole-paragraph continuation of the previous speaker — short scare quotes and
   titles in quote marks are not speech.  After the cues, a learned pass
   (:mod:`~marsad.extract.quote_fragments`) decides which of the longer uncovered
   segments are someone's words all the same («واتهمت المنظمة مولودوفا "بالإخلال …"»).
3. **Speakers** — the entity (PERS/ORG/LOC from the NER layer) at the head of the
   zone, with its title; an anonymous source noun phrase («مصدر في وايتهول»); or, when
   the zone is empty («وأضاف أن»), the previous speaker or the last person in focus.
   Without entities the speaker falls back to the noun phrase after the cue.
   Resolution rules: a bare definite source or body («وقال المصدر»، «وأكدت الوزارة») points
   back to its first indefinite mention («مصدر في وايتهول») or the last matching ORG, kept
   as ``entity`` with an ``antecedent`` span; a one-word name («وأضاف الزين») takes the
   earlier full name; a pronoun cue skips persons governed by a preposition or an
   attribution («وفقا لفرانس برس»); a coordinated «…، وقالت» does not take the entity just
   before it; «ما قالت إنه» takes the subject of the clause's first verb.
   Round-2 rules (each a grammatical class, not a phrase list): «بالقول»/«قائلا» and time
   adjuncts in the zone are no speaker; a negated cue («لم يذكر … أن») gives no quote unless
   a «لكن» clause asserts; «إن "خطأ مهنيا" من جانب …» (≤ 3 quoted words the clause goes on
   from) is one reported quote; «حسب تعبيره» mid-clause does not cut it; «ما قالت إنه X،»
   ends at the comma; «عبر الهاتف» after a noun is the preposition; «المصدر نفسه» is the
   source just cited; a verb-initial sentence without subject continues the anonymous or
   organisation subject of the previous sentence; «وفقا للعضو …، NAME.» takes the name.
   Round-3 rules: unclosed and glued quote marks are paired by where the next cue stands
   (``cues.find_segments``); a reported clause ends where the narrator resumes after a
   comma (a coordinated verb in the cue's own form «قالت … ، ورفضت», «وذلك»، «لكنه»،
   «بينما» + speech verb) or at a colon before a quotation (which is then direct);
   «قبل أن» is temporal; a long zone of comma-separated adjuncts may end in «، إن»; «رد»
   is speech only before a colon; a plural participle takes a plural subject.

Every offset refers to ``Article.text``; ``Quote.text`` equals the slice.

Layout: this module keeps the public stage and the finder's main loop (``_QuoteFinder.run``); each
pass lives in a mixin of its own module, assembled here:

* :mod:`~marsad.extract.quote_words` — word classes and word tests shared by several passes;
* :mod:`~marsad.extract.quote_base` — the finder's state and the one place a quote is recorded;
* :mod:`~marsad.extract.quote_openers` — after a cue, where the speaker zone stops and the quote opens;
* :mod:`~marsad.extract.quote_spans` — where a direct or reported quote ends;
* :mod:`~marsad.extract.quote_turns` — subjects a cue takes from context (dialogue turns, relative
  antecedents, coordinated plural verbs);
* :mod:`~marsad.extract.quote_verbs` — speech-verb and participle cues;
* :mod:`~marsad.extract.quote_attributions` — «بحسب»، «وفقا لـ»، «نقلا عن» and trailing attributions;
* :mod:`~marsad.extract.quote_inner` — quotes another speaker says inside a quote;
* :mod:`~marsad.extract.quote_joins` — the passes after the cue scan: uncued marks, overlaps, joins;
* :mod:`~marsad.extract.quote_fragments` — the learned pass over quoted fragments no cue introduced.
* :mod:`~marsad.extract.speaker_ranker` — a learned check of the speakers, run last (no model ships, so it is off;
  measured in docs/events.md "A learned speaker check").
"""

from __future__ import annotations

from marsad.extract import cues as C
from marsad.extract.cues import find_segments, sentence_bounds
from marsad.extract.quote_attributions import AttributionCues
from marsad.extract.quote_fragments import FragmentCandidate, FragmentModel, FragmentRules, shipped_model
from marsad.extract.quote_inner import InnerQuotes
from marsad.extract.quote_joins import JoinRules
from marsad.extract.quote_words import _colon_only, _mark_only, _via
from marsad.extract.speaker_ranker import RankedQuote, SpeakerRanking, SpeakerRankModel
from marsad.extract.speaker_ranker import shipped_model as shipped_speaker_model
from marsad.extract.speakers import _CONNECTORS
from marsad.model import Article, Quote

_AL_QAWL = C.fold("القول")
_TO = frozenset(C.fold(w) for w in ("إلى", "الى"))

# re-exported: callers (events, the evaluation runner, tests) import these from here
__all__ = ["QuoteStage", "extract_quotes", "find_segments", "fragment_candidates", "rules_and_fragment_candidates",
           "sentence_bounds", "speaker_candidates"]


# ------------------------------------------------------------------ public stage


class QuoteStage:
    """Pipeline stage assigning the ``quotes`` layer."""

    name = "quotes"
    requires = ("sentences", "tokens", "entities")
    assigns = ("quotes",)

    def __call__(self, article: Article) -> Article:
        article.set_layer("quotes", extract_quotes(article))
        return article


def extract_quotes(article: Article, fragments: FragmentModel | None | str = "shipped",
                   speakers: SpeakerRankModel | None | str = "shipped") -> list[Quote]:
    """All quotes of ``article`` in text order (see the module docstring for the rules).

    ``fragments`` is the learned fragment pass's model and ``speakers`` the learned speaker
    check's: the shipped ones by default, ``None`` for the rules alone (how each pass is
    trained and compared)."""
    finder = _QuoteFinder(article)
    finder.fragment_model = shipped_model() if fragments == "shipped" else (
        fragments if isinstance(fragments, FragmentModel) else None)
    finder.speaker_model = shipped_speaker_model() if speakers == "shipped" else (
        speakers if isinstance(speakers, SpeakerRankModel) else None)
    return finder.run()


def speaker_candidates(article: Article) -> list[RankedQuote]:
    """Every quote of ``article`` (the shipped fragment pass on, the speaker check off) with its
    candidate speakers and their cues — the training rows of :mod:`marsad.training.speaker_ranker`."""
    finder = _QuoteFinder(article)
    finder.fragment_model = shipped_model()
    finder.collect_speakers = True
    finder.run()
    return finder.speaker_log


def rules_and_fragment_candidates(article: Article) -> tuple[list[Quote], list[FragmentCandidate]]:
    """One run of the rules alone over an analysed ``article``: their quotes (as
    ``extract_quotes(article, None)``) and every quoted fragment they leave uncovered, with its
    cues and speaker — the training rows of :mod:`marsad.training.quote_fragments`."""
    finder = _QuoteFinder(article)
    finder.collect_fragments = True
    return finder.run(), finder.fragment_log


def fragment_candidates(article: Article) -> list[FragmentCandidate]:
    """The uncovered fragments of :func:`rules_and_fragment_candidates`."""
    return rules_and_fragment_candidates(article)[1]


# ------------------------------------------------------------------ the finder


class _QuoteFinder(InnerQuotes, AttributionCues, JoinRules, FragmentRules, SpeakerRanking):
    """Finds quotes (cues, openers, spans); each pass is a mixin, speaker rules come
    from :class:`SpeakerRules`."""

    def run(self) -> list[Quote]:
        k = 0
        while k < len(self.words):
            w = self.words[k]
            if self.inside_segment(w.start) or self.inside_quote(w.start, kinds=("direct",)):
                k += 1
                continue
            is_verb = (w.bare in C.SPEECH_VERBS or w.folded in C.SPEECH_VERBS or w.bare in C.RELAY_VERBS
                       or _colon_only(w) or w.bare in C.DOCUMENT_VERBS
                       or _mark_only(w) or self._relative_speech(k) or self._bayyana(k)) \
                and not _via(self.text, self.words, k)
            if self.inside_quote(w.start) and (not is_verb or (w.folded == w.bare and not (
                    k > 0 and self.words[k - 1].bare in _CONNECTORS))):
                k += 1  # inside a reported quote only «وقال/فأضاف …» or «بينما ذكرت …» opens a new one
                continue
            handled = self._verb_cue(k) if is_verb else None
            if handled is None and (w.bare in C.SPEECH_PARTICIPLES or w.bare in C.SAYING_MASDARS
                                    or self._to_saying(k)):
                handled = self._participle_cue(k)
            if handled is None and w.bare in C.POSSESSED_SPEECH_NOUNS and not self.inside_quote(w.start):
                handled = self._noun_cue(k)
            if handled is None and (w.bare in C.ATTRIBUTION_CUES or w.folded in C.ATTRIBUTION_CUES):
                handled = self._attribution_cue(k)
            k = handled if handled is not None else k + 1
        self._uncued_segments()
        self.quotes.sort(key=lambda q: (q.start, q.end))
        self._cut_overlaps()
        self._join_coordinated_fragments()
        self._join_participle_clauses()
        # after the joins, which take «و"…"» fragments into the quote before them
        self._learned_fragments()
        self.quotes.sort(key=lambda q: (q.start, q.end))
        self._inner_quotes()
        self.quotes = [q for q in self.quotes if q.end > q.start]
        self._rank_speakers()
        return self.quotes

    def _to_saying(self, k: int) -> bool:
        """Round 30: «وخلص رئيس الأركان إلى القول: "…"»: «إلى القول» after a verb of
        concluding introduces the words as «بالقول» does."""
        return k > 0 and self.words[k].folded == _AL_QAWL and self.words[k - 1].folded in _TO
