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
   titles in quote marks are not speech.
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
"""

from __future__ import annotations

import itertools
import re

from marsad.extract import cues as C
from marsad.extract.cues import (
    OPEN_MARKS,
    TRIM,
    Segment,
    Word,
    find_segments,
    sentence_bounds,
    strip_punct,
)
from marsad.extract.speakers import _CONNECTORS, _PREPOSITIONS, _PRONOUN_PREP, SpeakerRules, _Speaker
from marsad.model import Article, Quote

# re-exported: callers (events, the evaluation runner, tests) import these from here
__all__ = ["QuoteStage", "extract_quotes", "find_segments", "sentence_bounds"]

MAX_ZONE_WORDS = 20
STRETCH_ZONE_WORDS = 14  # past LONG_ZONE_WORDS only «، إن» after comma-separated adjuncts
LONG_ZONE_WORDS = 26  # «قال X، منصبه، في تصريح لـ…، على هامش …، إن»: the plain speech verbs allow more
_PLAIN_SPEECH = frozenset(C.fold(v) for v in ("قال", "أضاف", "أكد", "أوضح", "صرح", "أفاد", "ذكر", "تابع"))
# «وصف X بـ"…"»: what follows the marks is a label, not speech (a complementiser still opens one)
_CHARACTERISING = frozenset(C.fold(v) for v in ("وصف", "اعتبر"))
_TRAILING_ATTRIBUTION = re.compile(
    r"[،,]\s*(?:و)?(?:بحسب|حسب|وفقا|وفقاً|وفق|طبقا|نقلا|نقلاً|حسبما)\s"
    # «حسب تعبيره» closes the clause only before punctuation; mid-clause it hedges one word
    # («القرارات الخاطئة حسب تعبيره على غرار التوريد») and the quote goes on
    r"|\s(?:على حد|وفق|حسب)\s(?:تعبيره|تعبيرها|قوله|قولها|وصفه|وصفها|تعبيرهم)(?=\s*(?:[.،,؛:!?؟\n\"»”]|$))")
# jussive/future negation before a speech verb; «ما» is left out (it is also the relative «ما قال إنه»)
_NEGATION = frozenset(C.fold(w) for w in ("لم", "ولم", "فلم", "لن", "ولن", "فلن"))
# Round 9: «لم يقل سوى إن …»، «لم يذكر إلا أن …»: an exception after a negated speech verb asserts the clause
_EXCEPT = frozenset(C.fold(w) for w in ("سوى", "إلا"))
_CONTRAST = frozenset(C.fold(w) for w in ("لكن", "لكنه", "لكنها", "ولكن", "ولكنه", "ولكنها", "بل"))
# words that close a quoted clause rather than continue it: «"…" على حد تعبيره»، «"…" وفق قوله»
_CLAUSE_CLOSERS = frozenset(C.fold(w) for w in ("على", "وفق", "حسب", "بحسب", "كما", "وفقا", "وذلك", "في", "خلال"))
# after a comma inside a reported clause these connectors give the narrator's comment or
# contrast («، وذلك في أول رد»، «، بينما تؤكد أنقرة»، «، ولكنه شكر»)
_NARRATOR_CONNECTORS = frozenset(C.fold(w) for w in (
    "وذلك", "ولكنه", "ولكنها", "لكنه", "لكنها", "ولكنهم", "لكنهم"))
_PURPOSE = frozenset(C.fold(w) for w in ("بهدف", "بغية", "لغرض", "سعيا"))
_KANA = frozenset(C.fold(w) for w in ("كان", "كانت", "كانوا"))
_CONTRAST_WHILE = frozenset(C.fold(w) for w in ("بينما", "وبينما", "فيما"))
_TIME_CLAUSE = frozenset(C.fold(w) for w in ("بعدما", "وبعدما"))


def _perfect_suffix(bare: str) -> str | None:
    """The subject suffix of a perfect verb of three or four letters (رفضت، أكدت → "ت";
    رفضوا → "وا"), or None when the word does not have that shape.  Only the marked
    forms count: a bare 3ms perfect looks like any noun."""
    for suf in ("وا", "ت"):
        stem = bare[:-len(suf)]
        if bare.endswith(suf) and 3 <= len(stem) <= 4 and not stem.startswith("ال") \
                and (len(stem) == 3 or stem[0] in "اأ"):
            return suf
    return None


def _other_referent(connector: str, suffix: str | None) -> bool:
    """Does the pronoun on «لكنه/لكنها/لكنهم» disagree with a marked speech verb's subject?

    «وقالوا إن الخطة لم تكتمل، لكنها دخلت مراحلها النهائية»: a plural speaker and a feminine
    pronoun — لكن + ها refers to the plan, so the contrast is still the speakers' words."""
    if suffix is None or not connector.removeprefix("و").startswith("لكن"):
        return False
    pron = connector.removeprefix("و").removeprefix("لكن")
    return pron != {"ت": "ها", "وا": "هم"}[suffix]


# «قبل أن»، «بعد أن»، «منذ أن»: أن after these is a temporal subordinator, not «قال أن»
# temporal and concessive heads: «قبل أن»، «رغم أنه» open an adverbial clause, not speech
_TEMPORAL_PREPS = frozenset(C.fold(w) for w in ("قبل", "بعد", "منذ", "حتى", "ريثما", "لدى", "عقب", "رغم", "برغم"))
# «، بحسب المؤسسة، التي لم تعرف …»: a relative clause after the attribution describes the source
_RELATIVE_PRONOUNS = frozenset(C.fold(w) for w in ("الذي", "التي", "الذين", "اللذان", "اللتان", "اللواتي", "اللاتي"))
_PRONOUN_CONNECTORS = frozenset(C.fold(w) for w in ("لكنه", "لكنها", "ولكنه", "ولكنها", "انه", "انها"))
# Round 9: groups that speak for themselves in a relative clause («الفرقة التي تقول إنها …»)
_SECT_HEADS = frozenset(C.fold(w) for w in ("فرقة", "طائفة", "ميليشيا", "ميليشيات", "عصابة", "قبيلة", "عائلة",
                                            "أسرة", "جالية", "أقلية"))
_RELATIVE_MA = frozenset(C.fold(w) for w in ("ما", "بما", "مما", "لما", "فيما"))
SHORT_FRAGMENT_WORDS = 3
LONG_FRAGMENT_WORDS = 6
MIN_UNCUED_WORDS = 5
MIN_CUED_WORDS = 2


def _in_document(w: Word) -> bool:
    """«ببلاغ»، «ببيان»: بـ + a document noun, the «في بيان» of «وجاء في بيان … أن»."""
    return w.folded.startswith("ب") and w.folded[1:] in C.ORGANIZATION_HEADS and len(w.folded) > 4


_MODAL_NOUNS = frozenset(C.fold(w) for w in ("أهمية", "ضرورة", "وجوب", "إمكانية", "احتمال", "ضرورية",
                                              "مرجح", "محتمل", "متوقع", "ممكن", "مقرر", "مستبعد"))


def _modal_noun(w: Word) -> bool:
    """Is the word a noun of necessity or possibility («أهمية»، «بضرورة») that takes its own أن?"""
    b = w.bare
    for pre in ("بال", "ال", "ب", "ل"):
        if b.startswith(pre) and b[len(pre):] in _MODAL_NOUNS:
            return True
    return b in _MODAL_NOUNS


def _passive(w: Word, lemma: str) -> bool:
    """Is the speech verb a vocalised passive («يُزعم»، «يُعتقد»، «وُصف»)?

    A damma on the prefix marks the passive of a form I or form VII–X verb; forms II–IV
    (يُؤكد، يُعلن، يُصرّح) carry the same damma in the active, so they never count."""
    lem = C.fold(lemma)
    if len(w.text) >= 3 and w.text[1] == "\u064f" and w.text[0] not in "يتنأ" and len(lem) == 3 \
            and C.fold(w.text[0]) == lem[0]:
        return True  # «وُصف بأنه»: the perfect passive فُعِل of a form I verb, damma on the first radical
    if len(w.text) < 3 or w.text[0] not in "يت" or w.text[1] != "\u064f":
        return False
    return (len(lem) == 3 and not lem.startswith("ا")) or (len(lem) > 4 and lem.startswith("ا"))


def _via(text: str, ws: list[Word], i: int) -> bool:
    """«في مؤتمر صحفي عبر الهاتف»: unvocalised عبر right after a noun, with no و/ف and no
    connector before it, is the preposition "via"; the verb عبّر («expressed») opens its
    clause («عبّر المجلس عن …»، «وعبر الوزير …»، «كما عبر …») or takes عن at once."""
    w = ws[i]
    if w.bare != C.fold("عبر") or w.folded != w.bare or i == 0:
        return False
    if i + 1 < len(ws) and ws[i + 1].folded == "عن":
        return False
    prev = ws[i - 1]
    if any(ch in ".!?؟:\n" for ch in text[prev.end:w.start]):
        return False  # a new sentence: the verb
    if any(ch in "،," for ch in text[prev.end:w.start]):
        # «وقال القحطاني، عبر حسابه على تويتر:»: after a comma the verb still needs its عن
        # near («، عبر المجلس عن قلقه»); a noun with a pronoun and no عن is the channel
        return not any(x.folded == "عن" for x in ws[i + 1:i + 5])
    return prev.folded not in _CONNECTORS and prev.bare not in _CONNECTORS and prev.folded != "كما"


def _mark_only(w: Word) -> bool:
    """Is ``w`` a shouting/asking verb (MARK_ONLY_VERBS), also when و is glued to a stem
    that ``strip_conj`` keeps whole («ورددوا»: ورد is also a root)?"""
    return w.bare in C.MARK_ONLY_VERBS or (w.folded[:1] in "وف" and w.folded[1:] in C.MARK_ONLY_VERBS)


def _colon_only(w: Word) -> bool:
    """Is ``w`` a verb that is speech only before a colon (COLON_ONLY_VERBS), also «وردت»
    whose و ``strip_conj`` keeps (ورد is also a root)?"""
    return w.bare in C.COLON_ONLY_VERBS or (w.folded[:1] in "وف" and w.folded[1:] in C.COLON_ONLY_VERBS)


def _prepositional_object(w: Word) -> bool:
    """«بالمواطنين»، «بجميع مواطنيها»: a word with a glued بـ is a complement, never a subject."""
    return w.folded.startswith("ب") and len(w.folded) > 3 and not w.folded.startswith("بين")


# imperfect forecast verbs: with no subject of their own they are the impersonal "it is expected"
_FORECAST = frozenset(C.fold(w) for w in ("توقع", "رجح"))
_COUNT_WORDS = frozenset(C.fold(w) for w in (
    "واحد", "اثنان", "إثنان", "اثنين", "ثلاثة", "أحدهم", "بعضهم", "أحدهما", "كلاهما", "جميعهم"))
_CAME_IN = frozenset(C.fold(w) for w in ("ورد", "جاء"))
# documents that «بحسب/وفقا لـ» can cite as the source of a clause (the law article of fresh3)
_DOCUMENT_SOURCES = frozenset(C.fold(w) for w in (
    "قانون", "دستور", "تقرير", "دراسة", "إحصائية", "احصائية", "فيديو", "وثيقة", "مرسوم", "قرار", "اتفاقية",
    "بيانات", "أرقام", "نتائج", "استطلاع", "مسح"))
_INSET_MARKS = ("،", ",", "-", "–", "—")
_CONTRAST_HEADS = frozenset(C.fold(w) for w in ("إلا", "الا", "لكن", "ولكن", "غير", "بينما", "فيما"))
# «ردت»، «ردوا»: a person-marked perfect of رد is the verb "replied", never the noun «رد»
_MARKED_REPLY = frozenset(C.fold(w) for w in ("ردت", "ردوا"))
_SUBJECT_PRONOUNS = frozenset(C.fold(w) for w in ("وهو", "وهي", "وهم", "هو", "هي", "هم"))
_HUMAN_BROKEN_PLURALS = frozenset(C.fold(w) for w in (
    "الساسة", "النشطاء", "الشهود", "الخبراء", "السكان", "المصادر", "العمال", "الطلاب", "الأطباء",
    "النواب", "الوزراء", "الأعضاء", "الزعماء", "القادة", "المسؤولين", "المسؤولون"))
_QUANTITY_HEADS = frozenset(C.fold(w) for w in ("عشرات", "آلاف", "مئات", "ملايين", "كبار", "بعض",
                                                 "أغلبية", "غالبية", "معظم"))


# ------------------------------------------------------------------ public stage


class QuoteStage:
    """Pipeline stage assigning the ``quotes`` layer."""

    name = "quotes"
    requires = ("sentences", "tokens", "entities")
    assigns = ("quotes",)

    def __call__(self, article: Article) -> Article:
        article.set_layer("quotes", extract_quotes(article))
        return article


def extract_quotes(article: Article) -> list[Quote]:
    """All quotes of ``article`` in text order (see the module docstring for the rules)."""
    return _QuoteFinder(article).run()


# ------------------------------------------------------------------ the finder


class _QuoteFinder(SpeakerRules):
    """Finds quotes (cues, openers, spans); speaker rules come from :class:`SpeakerRules`."""

    def __init__(self, article: Article) -> None:
        super().__init__(article)
        # Round 9: direct quotes a reported clause embeds on purpose (kept by _cut_overlaps)
        self._embedded: set[tuple[int, int]] = set()

    # ---------------------------------------------------------------- main
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
            if handled is None and w.bare in C.SPEECH_PARTICIPLES:
                handled = self._participle_cue(k)
            if handled is None and (w.bare in C.ATTRIBUTION_CUES or w.folded in C.ATTRIBUTION_CUES):
                handled = self._attribution_cue(k)
            k = handled if handled is not None else k + 1
        self._uncued_segments()
        self.quotes.sort(key=lambda q: (q.start, q.end))
        self._cut_overlaps()
        self._join_participle_fragments()
        self._join_coordinated_fragments()
        self._join_participle_clauses()
        self._inner_quotes()
        return [q for q in self.quotes if q.end > q.start]

    # ---------------------------------------------------------------- openers
    def _find_opener(self, k: int, max_words: int = MAX_ZONE_WORDS,
                     marks: bool = True, stretch: int = 0) -> tuple[str, int, int, int] | None:
        """From word ``k`` (exclusive) find the opener: (kind, zone_end, content_start, next_word).

        kind is "comp" (complementiser), "colon" or "mark"; zone_end is where the
        speaker zone stops; content_start where the quote text begins.  A quoted name
        inside the zone («وكالة "وفا"»، «المجلس "للجمعية …"» before أن) is skipped.
        Past ``max_words`` and up to ``stretch`` more words only «، إن» counts: a long
        zone of comma-separated adjuncts («قال X، في تصريح …، الذي …، ان») is closed by
        the complementiser after its last comma, with no other speech verb on the way.
        """
        prev_end = self.words[k].end
        j = k + 1
        seen = 0
        while j < len(self.words) and seen <= max_words + stretch:
            w = self.words[j]
            gap = self._gap(prev_end, w.start)
            if seen > max_words:
                if any(ch in ".!?؟\n:" or ch in OPEN_MARKS for ch in gap) or w.bare in C.SPEECH_VERBS:
                    return None
                if C.COMPLEMENTISER_RE.match(w.folded) and any(ch in "،," for ch in gap):
                    return "comp", w.start, w.end, j + 1
                prev_end = w.end
                j += 1
                seen += 1
                continue
            jumped = False
            for off, ch in enumerate(gap):
                if ch in ".!?؟\n":
                    return None
                if ch == ":":
                    return "colon", prev_end + off, prev_end + off + 1, j
                seg = self.segment_at(prev_end + off) if ch in OPEN_MARKS else None
                if seg is not None:
                    if self._zone_continues(seg, strict=len(C.words(self.text, seg.start, seg.end)) >= 3):
                        j = self.word_index(seg.close + 1)  # a quoted name inside the zone: keep looking
                        prev_end = seg.close + 1
                        jumped = True
                        break
                    if not marks or (seen > 3 and len(C.words(self.text, seg.start, seg.end)) < 3):
                        return None  # «… لمواجهة ما تسميه "التمرد الكردي"»: a label, not speech
                    return "mark", prev_end + off, prev_end + off, j
            if jumped:
                continue  # the quoted name counts as part of the zone, not as extra words
            if C.COMPLEMENTISER_RE.match(w.folded) and _modal_noun(self.words[j - 1]):
                return None  # «لافتا إلى أهمية أن يصدر …»: أن completes the noun, the verb has a noun object
            if C.COMPLEMENTISER_RE.match(w.folded) and self.words[j - 1].bare not in _TEMPORAL_PREPS:
                return "comp", w.start, w.end, j + 1
            if w.folded in C.COMPLEMENTISER_PREPS and j + 1 < len(self.words):
                nxt = self.words[j + 1]
                if C.COMPLEMENTISER_RE.match(nxt.folded) and self._gap(w.end, nxt.start).strip() == "":
                    return "comp", w.start, nxt.end, j + 2
            prev_end = w.end
            j += 1
            seen += 1
        return None

    @staticmethod
    def _via_after_mark(after: list[Word], i: int) -> bool:
        """Round 9: «في تصريح لـ"إذاعة …" عبر "برنامج …"، أن»: unvocalised عبر right after a
        quoted name, without its «عن» close by, is the preposition "via" (a channel), not the
        verb عبّر that would start a new statement."""
        w = after[i]
        if w.bare != C.fold("عبر") or w.folded != w.bare:
            return False
        return i <= 1 and not any(x.folded == "عن" for x in after[i + 1:i + 4])

    def _zone_continues(self, seg: Segment, strict: bool = False) -> bool:
        """After a quoted segment, does the speaker zone go on to an opener?

        ``strict`` (a segment of three words or more, which could itself be the quote)
        asks for a complementiser (أن، إن) in the same clause, with no comma-free
        narrative in between beyond a few words.
        """
        after = C.words(self.text, seg.close + 1, min(len(self.text), seg.close + 200))
        for i, w in enumerate(after[:MAX_ZONE_WORDS]):
            if any(ch in ".!?؟\n" for ch in self.text[seg.close:w.start]):
                return False
            if C.COMPLEMENTISER_RE.match(w.folded):
                # «يقول فيها "انتظري مكالمتي"، قبل أن يرسل …»: أن after a temporal
                # preposition opens an adverbial clause; the quotation closed the speech
                return not (i > 0 and after[i - 1].bare in _TEMPORAL_PREPS)
            if not strict and w.folded in C.COMPLEMENTISER_PREPS:
                return True
            if strict and (w.bare in C.SPEECH_VERBS or w.bare in C.SPEECH_PARTICIPLES) \
                    and not self._via_after_mark(after, i):
                return False
            if i < 8 and ":" in self.text[seg.close:w.start]:  # also «لـ"رويترز" في رسالة: "…"»
                return True  # «في كلمة ضمن "مؤتمر ميونيخ للأمن" بألمانيا، الأحد: "…"»
        if strict:
            return False
        tail = self.text[seg.close + 1:seg.close + 150]
        return ":" in tail.split("\n")[0][:120] or any(m in tail[:120] for m in "«“\"")

    def _content(self, kind: str, content_start: int, cue: Word | None = None) -> tuple[int, int, str] | None:
        """Quote span and kind given the opener."""
        pos = content_start
        while pos < len(self.text) and self.text[pos] in " \t":
            pos += 1
        if kind == "comp" and self.text[pos:pos + 1] == ":":  # «قال إن: "…"»
            colon = pos
            pos += 1
            while pos < len(self.text) and self.text[pos] in " \t":
                pos += 1
            if self.segment_at(pos) is None:
                pos = colon + 1
        if self.text[pos:pos + 2] == '""' and self.segment_at(pos + 1) is not None:
            pos += 1  # «وكتب: ""ليس …"»: a doubled opening mark
        seg = self.segment_at(pos) if pos < len(self.text) else None
        if seg is not None and kind == "comp" and self._clause_goes_on(seg):
            return self._reported_span(seg.start, cue)  # «قال إن "خطأ مهنيا" من جانب الطاقم كان وراء …»
        if seg is not None:
            seg.used = True
            return seg.start, seg.end, "direct"
        if kind == "colon":
            end = self.paragraph_end(pos)
            for s_start, _ in self.sents:  # «وتابعت: …»، «فيما رد الزوج: …» start the next quote
                if pos < s_start < end:
                    first = C.words(self.text, s_start, min(end, s_start + 40))[:2]
                    if first and (first[0].bare in C.SPEECH_VERBS or first[0].bare in C.SPEECH_PARTICIPLES
                                  or ((first[0].bare in _CONNECTORS or first[0].folded in _CONNECTORS)
                                      and len(first) > 1)):  # «فيما» keeps its ف
                        end = s_start
                        break
            end = self._colon_resumed(pos, end)
            end = self._next_turn(pos, end)
            return pos, end, "direct"
        if kind == "mark":
            return None
        return self._reported_span(pos, cue)

    def _colon_resumed(self, pos: int, end: int) -> int:
        """«وزاد: بقي إبراهيم في الرياض …، وأضاف «الحديث عن …»»: words after a colon with no
        marks run to the paragraph end, but a comma then a و-joined speech verb whose
        quotation opens in marks within two words is the narrator speaking again — the
        unmarked quotation ends at that comma and the marked one is a quote of its own."""
        prev = pos
        for w in C.words(self.text, pos, end):
            gap, prev = self.text[prev:w.start], w.end
            if not any(c in "،," for c in gap) or not w.folded.startswith("و") \
                    or w.folded[1:] not in C.SPEECH_VERBS:
                continue
            ahead = self.text[w.end:min(end, w.end + 30)]
            seg = next((g for g in self.segments if w.end <= g.open < w.end + 30 and g.closed), None)
            if seg is not None and len(C.words(self.text, w.end, seg.open)) <= 2 and ahead.strip():
                return strip_punct(self.text, pos, w.start)[1]
        return end

    def _turn_subject(self, k: int) -> _Speaker | None:
        """Round 8: «، قلبه الصائغ ثم قال: …»: a speech verb after «ثم» (or with ف) continues
        the subject of the verb that opens its clause — the definite noun right after it."""
        w = self.words[k]
        if not (k > 0 and self.words[k - 1].folded == C.fold("ثم")) and w.folded[:1] != "ف":
            return None
        first = k - 1 if w.folded[:1] == "ف" else k - 2
        clause: list[Word] = []
        for i in range(first, max(-1, first - 4), -1):
            x = self.words[i]
            clause.insert(0, x)
            if any(c in "،,.:!?؟\n" for c in self.text[(self.words[i - 1].end if i else 0):x.start]):
                break
        subject = next((x for x in clause[1:] if x.bare.startswith("ال") and not _PRONOUN_PREP.match(x.folded)), None)
        if len(clause) < 2 or subject is None or self.inside_quote(subject.start) \
                or self.inside_segment(subject.start) \
                or any(not _PRONOUN_PREP.match(x.folded) for x in clause[1:clause.index(subject)]):
            return None  # «نظر إليه البائع ثم قال»: only an addressee pronoun may stand before the subject
        return self._make_speaker(subject.start, subject.end)

    def _reply_party(self, w: Word, speaker: _Speaker | None) -> _Speaker | None:
        """Round 8: «فرد: …»، «فأجاب: …» with no subject answers the last speaker, so the
        speaker is the other party of the exchange (the previous different speaker)."""
        stem = w.folded[1:] if w.folded[:1] in "وف" and w.folded[1:] in C.COLON_ONLY_VERBS else w.bare
        if not (_colon_only(w) and stem.startswith((C.fold("رد"), C.fold("أجاب")))) or len(self.quotes) < 2:
            return speaker
        last = self.quotes[-1].speaker
        other = next((q.speaker for q in reversed(self.quotes[:-1])
                      if q.speaker and last and q.speaker.get("text") != last.get("text")), None)
        if other is None or other.get("start") is None:
            return speaker
        return _Speaker(other["text"], other["start"], other["end"], "pronoun", other.get("entity"))

    def _next_turn(self, pos: int, end: int) -> int:
        """Round 8: «وقال: أنقدني به دراهم، قلبه الصائغ ثم قال: هذا زائف، فرد: …» — in a
        dialogue told in one paragraph, an unmarked turn ends before the clause of the next
        speech verb that opens its own turn with a colon (at most three words before it)."""
        ws = C.words(self.text, pos, end)
        for i, w in enumerate(ws):
            if i == 0 or not (w.bare in C.SPEECH_VERBS or _colon_only(w)) or w.bare in C.IMPERSONAL:
                continue
            after = ws[i + 1:i + 4]
            stop = next((x.start for x in after if ":" in self.text[w.end:x.start]), None)
            if stop is None and ":" not in self.text[w.end:(after[0].start if after else end)]:
                continue
            comma = max(self.text.rfind("،", pos, w.start), self.text.rfind(",", pos, w.start))
            cut = comma if comma > pos else w.start
            if len(C.words(self.text, pos, cut)) >= MIN_CUED_WORDS:
                return strip_punct(self.text, pos, cut)[1]
        return end

    def _clause_goes_on(self, seg: Segment) -> bool:
        """After «إن "…"» does the reported clause continue past the closing mark?

        When the marks hold only a short phrase (≤ 3 words: the clause's subject, not a
        predication of its own) and the predicate follows outside them, the quote is the
        whole reported clause; a mark that closes the clause is followed by punctuation,
        the sentence end, a preposition of an adjunct («في مؤتمر») or a trailing
        attribution («على حد تعبيره»، «وفق قوله»)."""
        n_words = len(C.words(self.text, seg.start, seg.end))
        after = C.words(self.text, seg.close + 1, min(len(self.text), seg.close + 40))
        if not after or self.text[seg.close + 1:after[0].start].strip():
            return False
        first = after[0]
        if n_words > SHORT_FRAGMENT_WORDS:
            # Round 8: «إنها "ضللت عن غير قصد" النواب بشأن …» — a definite noun right after the
            # closing mark, with no punctuation, is the object of the marked verb: the clause goes
            # on, so the quote is the reported clause (an adjunct would open with a preposition)
            return n_words <= LONG_FRAGMENT_WORDS and first.folded.startswith("ال") \
                and first.folded not in _CLAUSE_CLOSERS and not self.in_time(first)
        return first.folded not in _CLAUSE_CLOSERS and first.bare not in C.ATTRIBUTION_CUES \
            and first.bare not in C.SPEECH_VERBS and first.bare not in C.SPEECH_PARTICIPLES

    def _reported_span(self, pos: int, cue: Word | None = None) -> tuple[int, int, str]:
        _, s_end = self.sentence_of(pos)
        end = max(s_end, pos)
        for seg in self.segments:  # a quote mark opened inside runs to its close
            if pos <= seg.open < end < seg.close:
                end = seg.close + 1
        m = _TRAILING_ATTRIBUTION.search(self.text, pos, end)
        if m is not None and m.start() - pos > 10:
            end = m.start()
        end = self._narrator_resumes(pos, end, cue)
        colon = self.text.find(":", pos, end)
        if colon - pos > 10 and self._colon_quotation(colon) is not None:
            end = colon  # «وأضاف أن الوضع مأساوي: "…"»: the quotation after the colon is direct
        return pos, end, "reported"

    def _narrator_resumes(self, pos: int, end: int, cue: Word | None) -> int:
        """End of a reported clause where the narrator's voice comes back after a comma.

        «قالت إن فنلندا تيسّر الاجتماع، ورفضت الكشف عن …»: a coordinated finite verb in the
        same form as the speech verb (perfect, same person, gender and number: قالت …
        رفضت) continues the narration of what the speaker did, not what she said.
        «أن خصم 50 في المئة … مؤقتة، وذلك في أول رد …»، «…، بينما تؤكد أنقرة …»،
        «…، ولكنه شكر …»: a contrast or comment connector after a comma starts the
        narrator's clause."""
        suffix = _perfect_suffix(cue.bare) if cue is not None else None
        prev = pos
        for w in C.words(self.text, pos, end):
            gap = self.text[prev:w.start]
            prev = w.end
            if w.start - pos <= 10 or not any(c in "،,؛;" for c in gap) or self.inside_segment(w.start):
                continue
            nxt = C.words(self.text, w.end, min(end, w.end + 12))
            if w.folded in _NARRATOR_CONNECTORS and not _other_referent(w.folded, suffix) \
                    and not (w.folded == C.fold("وذلك") and nxt and nxt[0].folded in _PURPOSE):
                # «…، وذلك بهدف التأثير على …»: a purpose adjunct (مفعول لأجله) explains the
                # reported act and stays in the speaker's clause
                return strip_punct(self.text, pos, w.start)[1]
            if w.folded == "في" and nxt and nxt[0].folded == C.fold("إشارة"):
                # «…، في إشارة إلى الصواريخ …»: the writer explains what the words referred to
                return strip_punct(self.text, pos, w.start)[1]
            if w.folded in _TIME_CLAUSE and self._cue_ahead(w.end, end, 3):
                # Round 8: «…، بعدما قال في حصيلة أولية إن …»، «، بعدما كان توقع أن …»: the
                # writer's time clause holds a second statement; the first ends before it
                return strip_punct(self.text, pos, w.start)[1]
            if w.folded in _CONTRAST_WHILE and any(
                    x.bare in C.SPEECH_VERBS for x in C.words(self.text, w.end, end)[:2]):
                # «…، بينما تؤكد أنقرة …»، «…، بينما كان يدعي أنه …»: a contrasting attribution;
                # a plain «بينما» clause («بينما تتراجع الحالات») may still be the speaker's
                return strip_punct(self.text, pos, w.start)[1]
            if suffix and w.folded[:1] == "و" and _perfect_suffix(w.folded[1:]) == suffix \
                    and w.folded[1:] not in C.SPEECH_VERBS \
                    and not (w.folded[1:] in _KANA and nxt and nxt[0].bare.startswith("ال")):
                # «…، وكانت السفينة قد جنحت»: كان with a subject of its own is background the
                # speaker gives, not the speaker's next act
                return strip_punct(self.text, pos, w.start)[1]
        return end

    # ---------------------------------------------------------------- cue kinds
    def _relative_speech(self, k: int) -> bool:
        """«ما كشفه ولي العهد أن …»، «ما ذكرته الوكالة أن»: after the relative «ما» a speech
        verb carries a resumptive object pronoun; it is still the cue of the clause after أن."""
        w = self.words[k]
        if k == 0 or self.words[k - 1].folded != "ما":
            return False  # «لما/بما/فيما ذكرته» belong to an attribution («وفقا لما ذكرته المصادر»)
        if not any(w.bare.endswith(suf) and w.bare[:-len(suf)] in C.SPEECH_VERBS
                   for suf in ("ه", "ها", "ته", "تها") if len(w.bare) > len(suf) + 2):
            return False
        for x in self.words[k + 1:k + 8]:  # the complementiser follows the subject, with no comma between
            if any(c in "،,.:!?؟\n" for c in self.text[w.end:x.start]):
                return False
            if C.COMPLEMENTISER_RE.match(x.folded):
                return True
        return False

    def _bayyana(self, k: int) -> bool:
        """«وبيّن الدوسري، أن …»: unvocalised «بين» is the preposition "between" unless it
        opens its clause with و/ف and a complementiser follows within eight words with no
        «و» joining two nouns on the way (the «بين X وY» of the preposition)."""
        w = self.words[k]
        if w.bare != C.fold("بين") or w.folded == w.bare:
            return False
        prev_end = self.words[k - 1].end if k else 0
        if k and not any(c in ".!?؟\n،,:" for c in self.text[prev_end:w.start]):
            return False
        if k + 1 < len(self.words):
            nxt = self.words[k + 1]
            after = self.words[k + 2] if k + 2 < len(self.words) else None
            closed = after is not None and (C.COMPLEMENTISER_RE.match(after.folded) is not None
                                            or any(c in "،," for c in self.text[nxt.end:after.start]))
            if not (C.COMPLEMENTISER_RE.match(nxt.folded) or nxt.bare in C.TITLE_WORDS | C.ORGANIZATION_HEADS
                    or any(e.start == nxt.start and e.type in ("PERS", "ORG") for e in self.entities)
                    or (nxt.bare.startswith("ال") and closed)):
                return False  # «وبين الضحايا شرطي …»: "among the victims", not «وبيّن المدير أن»
        for x in self.words[k + 1:k + 9]:
            if x.folded.startswith("و") and len(x.folded) > 2 and not C.COMPLEMENTISER_RE.match(x.folded[1:]):
                return False
            if C.COMPLEMENTISER_RE.match(x.folded):
                return True
            if any(c in ".!?؟\n" for c in self.text[w.end:x.start]):
                return False
        return False

    def _verb_lemma(self, w: Word) -> str:
        """The lemma of a cue word, also for «كشفه» after «ما» and the verb «بيّن»."""
        lemma = C.SPEECH_VERBS.get(w.bare) or C.SPEECH_VERBS.get(w.folded)
        if lemma:
            return lemma
        if w.bare == C.fold("بين"):
            return "بين"
        for suf in ("ته", "تها", "ه", "ها"):
            if w.bare.endswith(suf) and w.bare[:-len(suf)] in C.SPEECH_VERBS:
                return C.SPEECH_VERBS[w.bare[:-len(suf)]]
        return ""

    def _verb_cue(self, k: int) -> int | None:
        w = self.words[k]
        if w.bare in C.JUSSIVE_SAY and not (k > 0 and self.words[k - 1].folded in _NEGATION):
            return None  # Round 9: «لا يقل عن 50»: "is not less than", no speech
        lemma0 = self._verb_lemma(w)
        strong = C.fold(lemma0) in _PLAIN_SPEECH
        characterises = C.fold(lemma0) in _CHARACTERISING
        if w.bare in C.DOCUMENT_VERBS and k > 0 and self.words[k - 1].bare in _PRONOUN_CONNECTORS:
            return None  # «لكنه نص على أن "…"»: the pronoun is a document, which the speaker
            # resolver does not track; the uncued-segment rule attributes the quotation
        if _mark_only(w):
            opener = self._mark_opener(k)
        else:
            opener = self._find_opener(k, LONG_ZONE_WORDS if strong else MAX_ZONE_WORDS, marks=not characterises,
                                       stretch=STRETCH_ZONE_WORDS if strong else 0)
        if opener is None:
            return None
        okind, zone_end, content_start, next_k = opener
        lemma = self._verb_lemma(w) or None
        if _colon_only(w) and okind != "colon" and not (
                _MARKED_REPLY & {w.bare, w.folded[1:]} and okind == "comp"
                and self.words[next_k - 1].folded.startswith("ب")):
            return None  # Round 8: «وردت واشنطن … بأنها ستفعل»: a marked perfect of رد is the verb
        if _mark_only(w) and okind not in ("colon", "mark"):
            return None  # «تساءلت عن الأمر وعرفت أنه …»: asking narrates, the أن clause is no quote
        if self._impersonal_forecast(w, zone_end):
            return None
        if w.bare in C.DOCUMENT_VERBS and (okind != "comp" or self.words[next_k - 2].bare != "علي"):
            return None
        if okind == "colon" and lemma is not None and C.fold(lemma) in C.NEEDS_COMPLEMENTISER:
            pass  # «أعلن:» is still speech; kept
        span = self._content(okind, content_start, w)
        if span is None:
            return None
        start, end, qkind = span
        if characterises and qkind == "direct" and len(C.words(self.text, start, end)) <= SHORT_FRAGMENT_WORDS:
            _, s_end = self.sentence_of(start)
            if not C.words(self.text, end, s_end):
                return None  # «ووصفهم بأنهم "أناس مرضى".»: a label closing the sentence, not speech
        if qkind == "reported" and k > 0 and self.words[k - 1].bare in _RELATIVE_MA:
            end = self._relative_end(start, end)
        if len(C.words(self.text, start, end)) < MIN_CUED_WORDS:
            return None
        zone = (w.end, zone_end)
        zone_words = C.words(self.text, *zone)
        if k > 0 and self.words[k - 1].folded in _NEGATION and not any(
                z.folded in _CONTRAST for z in zone_words) and not self._exception_close(w, zone_words):
            return None  # «ولم يذكر … أي تفاصيل حول أن»: a negated speech verb reports that nothing was
            # said; «لم يذكر القانون البرقع، لكنه نص على أن» — the contrast clause asserts the words
        if w.bare == C.fold("جاء") and (not zone_words or (zone_words[0].folded != "في"
                                                           and not _in_document(zone_words[0]))):
            return None  # only «وجاء في بيان … أن» relays; «وجاء ذلك …» narrates
        if any(z.bare in C.SPEECH_VERBS and C.SPEECH_VERBS[z.bare] != "جاء" and self._finite_cue(zone_words, i)
               and not _via(self.text, zone_words, i) for i, z in enumerate(zone_words) if i > 0):
            return None  # «جاء ذلك في مقابلة … حيث قال:»: the later verb is the cue
        if any((z.bare in C.COLON_ONLY_VERBS or z.bare in C.MARK_ONLY_VERBS) and z.folded != z.bare
               or any(c in "،," for c in self.text[zone_words[i - 1].end:z.start]) and (
                   z.bare in C.COLON_ONLY_VERBS or z.bare in C.MARK_ONLY_VERBS)
               for i, z in enumerate(zone_words) if i > 0):
            return None  # «وعندما سأله الأب، رد عليه الرجل: "…"»: the later dialogue verb is the cue
        if any(z.bare in C.SPEECH_PARTICIPLES for z in zone_words):
            return None  # «حذر من … بقوله «…»»: the participle introduces the quote
        if (w.bare in C.IMPERSONAL or w.folded in C.IMPERSONAL or _passive(w, lemma or "")) and not zone_words:
            return None  # «يذكر أن …»، «قرد يُزعم أنه …»: background or passive, nobody speaks
        if self._exception_close(w, zone_words):
            zone_words = zone_words[:-1]  # Round 9: «لم يقل سوى إن»: the exception word is no subject
            zone = (w.end, zone_words[-1].end if zone_words else w.end)
        if w.bare in C.ADDRESSEE_VERBS:
            speaker = None  # «وأبلغ رويترز بأن»: the zone is who was told
        elif _mark_only(w) and zone_words and (
                zone_words[0].bare in C.CHANT_OBJECTS or _prepositional_object(zone_words[0])):
            speaker = None  # «ورددوا هتافات تقول "…"»، «وأهاب بالمواطنين "…"»: the zone is the object
        elif w.bare in C.RELAY_VERBS or any(z.bare in (C.fold("نقلا"), C.fold("نقلاً")) for z in zone_words):
            speaker = self._relay_speaker(zone, w)
        else:
            speaker = self._zone_speaker(zone)
        if speaker is None and w.bare.endswith("وا") and (w.folded != w.bare or _mark_only(w) or not zone_words
                                                          or _PRONOUN_PREP.match(zone_words[0].folded)):
            # «وانتقد عشرات الناشطين الحكم داخل قاعة المحكمة ورددوا …»: a plural verb joined by و
            # continues the plural subject of its sentence, not the last noun before it
            s0, _ = self.sentence_of(w.start)
            speaker = self._plural_noun_subject(s0, w.start)
            if speaker is None and not zone_words and not C.words(self.text, s0, w.start):
                speaker = self._previous_plural_subject(s0)
        if speaker is None and not zone_words:
            speaker = self._relative_antecedent(k)
        if speaker is None:
            same_sentence = bool(self.quotes) and self.sentence_of(self.quotes[-1].start) == self.sentence_of(w.start)
            speaker = (self._before_speaker(k) or self._svo_subject(k)
                       or (self._resolve_pronoun(w.start) if same_sentence else None)
                       or self._subject_in_sentence(w.start) or self._resolve_pronoun(w.start))
            speaker = self._dialogue_turn(speaker, zone_words)
            if not zone_words:
                speaker = self._turn_subject(k) or self._reply_party(w, speaker)
        colon_seg = self._colon_quotation(end) if qkind == "reported" else None
        inner = self._clause_participle_subject(w, start, end) if colon_seg is not None else None
        if inner is not None and colon_seg is not None:
            # Round 9: the reported clause runs over the participle and its quotation
            self._add(start, colon_seg.end, qkind, w, speaker)
            colon_seg.used = True
            self._add(colon_seg.start, colon_seg.end, "direct", w, inner)
            self._embedded.add((self.quotes[-1].start, self.quotes[-1].end))
            return max(next_k, k + 1)
        self._add(start, end, qkind, w, speaker)
        if colon_seg is not None:
            colon_seg.used = True  # «بأن الهاربين في وضع مأساوي: "إنهم لم يأكلوا …"»
            self._add(colon_seg.start, colon_seg.end, "direct", w, speaker)
        return max(next_k, k + 1)

    def _clause_participle_subject(self, cue: Word, start: int, end: int) -> _Speaker | None:
        """Round 9: «وقالت الوكالة إن الأسد تسلم …، قائلا حينها: "…"»: a participle of speech that
        closes the reported clause and disagrees in gender with the cue verb is a حال of the
        clause's own verb; its quotation is the words of the clause's subject (a name opening
        the clause), and the reported clause runs over it.  When the genders agree the
        participle may be the speaker's and nothing changes."""
        ws = C.words(self.text, start, end)
        if len(ws) < 4:
            return None
        part = next((i for i in (len(ws) - 1, len(ws) - 2) if ws[i].bare in C.SPEECH_PARTICIPLES), None)
        if part is None or "،" not in self._gap(ws[part - 1].end, ws[part].start):
            return None
        p_fem = ws[part].folded.endswith("ه")
        if ws[part].folded.endswith(("ين", "ات")):
            return None
        v = cue.folded
        v_fem = v.endswith("ت") or (v[:1] == "ت" and len(v) > 3)
        if p_fem == v_fem:
            return None
        ent = next((e for e in self.entities if e.type == "PERS" and ws[0].start <= e.start <= ws[min(3, len(ws) - 1)].start
                    and e.start < ws[part].start), None)
        if ent is None:
            return None
        return self._make_speaker(ent.start, ent.end)

    def _exception_close(self, verb: Word, zone_words: list[Word]) -> bool:
        """Round 9: does the speaker zone end in «سوى/إلا» right before the complementiser, with
        no comma before it («لكنه لم يقل سوى إن …»، «لم يذكر المتحدث إلا أن …»)?  The negated
        verb then asserts that clause.  After a comma «إلا أن» is "however" and opens a clause
        of the narrator's («لم تعلن عن الدعوة، …، إلا أن كوريا أعلنت …»)."""
        if not zone_words or zone_words[-1].folded not in _EXCEPT:
            return False
        return len(zone_words) <= 4 and not any(c in "،,;؛" for c in self.text[verb.end:zone_words[-1].start])

    def _relative_antecedent(self, k: int) -> _Speaker | None:
        """Round 9: «… أتباع الفرقة التي تقول إنها تعاني …»: a speech verb right after a relative
        pronoun it agrees with, and with no subject of its own, has the relative's antecedent as
        subject — the definite noun phrase just before the pronoun (its adjectives agree in
        definiteness; an indefinite construct head before it is not part of it).  A verb that
        does not agree («الأسلحة التي قال إنها …») has another subject and is left alone."""
        if k < 2:
            return None
        rel, verb = self.words[k - 1], self.words[k]
        if rel.bare not in _RELATIVE_PRONOUNS or self._gap(rel.end, verb.start).strip():
            return None
        v = verb.folded
        feminine = v.startswith("ت") or v.endswith("ت")
        plural = v.endswith(("وا", "ون"))
        agrees = {C.fold("التي"): feminine and not plural, C.fold("الذي"): not feminine and not plural,
                  C.fold("الذين"): plural}.get(rel.bare, False)
        if not agrees or any(ch in "،,.:!?؟\n" for ch in self._gap(self.words[k - 2].end, rel.start)):
            return None
        ent = next((e for e in self.entities if e.start <= self.words[k - 2].start < e.end), None)
        if ent is not None:
            return self._make_speaker(ent.start, ent.end) if ent.type in ("PERS", "ORG", "LOC") else None
        heads = C.ORGANIZATION_HEADS | C.TITLE_WORDS | C.ANONYMOUS_HEADS | _SECT_HEADS
        first, best = k - 2, None
        while first >= 0 and k - 2 - first < 3 and self.words[first].bare.startswith("ال"):
            head = self.words[first].bare
            if head in heads or head[2:] in heads:
                best = first  # the longest definite phrase whose head is a speaking body or person
            if first == 0 or self._gap(self.words[first - 1].end, self.words[first].start).strip():
                break
            first -= 1
        if best is None:
            return None  # «بسبب التوتر التجاري الذي قال إنه …»: a thing is what was spoken about
        return self._make_speaker(self.words[best].start, self.words[k - 2].end)

    def _cue_ahead(self, start: int, end: int, n: int) -> bool:
        """Is one of the ``n`` words after ``start`` (past «كان» or «قد») a speech verb?"""
        ws = C.words(self.text, start, end)[:n]
        return any(x.bare in C.SPEECH_VERBS and x.bare not in C.IMPERSONAL for x in ws)

    def _mark_opener(self, k: int, max_words: int = 6) -> tuple[str, int, int, int] | None:
        """The opener of a shouting/asking verb: the first quote mark or colon within
        ``max_words`` words of the same sentence («وهتفوا "عار .. عار" في حين …»: a short
        chant is the quote even when a complementiser follows later in the sentence)."""
        prev_end = self.words[k].end
        for j in range(k + 1, min(len(self.words), k + 2 + max_words)):
            gap = self._gap(prev_end, self.words[j].start)
            for off, ch in enumerate(gap):
                if ch in ".!?؟\n":
                    return None
                if ch == ":":
                    return "colon", prev_end + off, prev_end + off + 1, j
                if ch in OPEN_MARKS and self.segment_at(prev_end + off) is not None:
                    return "mark", prev_end + off, prev_end + off, j
            prev_end = self.words[j].end
        return None

    def _impersonal_forecast(self, w: Word, zone_end: int) -> bool:
        """«ويتوقع أن يرتفع …»، «كما يتوقع أن يستمر …»: an imperfect forecast verb with an
        empty zone is the impersonal "it is expected" (nobody speaks); «يتوقع صندوق النقد أن»
        has its subject in the zone and «المصدر يرجح أن» before the verb."""
        lemma = C.fold(self._verb_lemma(w))
        if lemma not in _FORECAST or w.bare[:1] not in ("ي", "ت") or w.bare.startswith(lemma):
            return False
        if C.words(self.text, w.end, zone_end):
            return not self._zone_source(w.end, zone_end)
        k = self.word_index(w.start)
        return self._svo_subject(k) is None

    def _zone_source(self, start: int, end: int) -> bool:
        """Does the zone open with a named entity or a source/organisation/title noun?"""
        zw = C.words(self.text, start, end)
        if not zw:
            return False
        if any(e.start <= zw[0].start < e.end and e.type in ("PERS", "ORG", "LOC") for e in self.entities):
            return True
        return zw[0].bare in C.ANONYMOUS_HEADS | C.ORGANIZATION_HEADS | C.TITLE_WORDS

    def _plural_noun_subject(self, s_start: int, pos: int) -> _Speaker | None:
        """The first human plural noun of the clause before ``pos`` («المحتجون»، «عشرات
        الناشطين»، «الساسة»): the subject a coordinated plural verb continues."""
        ws = C.words(self.text, s_start, pos)
        for i, x in enumerate(ws):
            if self.inside_segment(x.start) or self.inside_quote(x.start):
                continue
            noun = x.bare.removeprefix("ال")
            human = x.bare.startswith("ال") and noun.endswith(("ون", "ين")) and len(noun) > 4
            if not (human or x.bare in _HUMAN_BROKEN_PLURALS):
                continue
            start = x.start
            if i > 0 and ws[i - 1].bare in _QUANTITY_HEADS:
                start = ws[i - 1].start  # «عشرات الناشطين»، «آلاف المحتجين»
            return self._make_speaker(start, x.end)
        return None

    def _previous_plural_subject(self, s0: int) -> _Speaker | None:
        """Round 9: «وأصدر أغلبية النواب، … بيانا … . وقالوا إن …»: a plural verb opening its
        sentence with no subject continues a human plural subject among the first words of the
        sentence before (a verb-initial sentence's subject), when that sentence reported no
        quote of its own (the last speaker, if any, is older and singular in form)."""
        prev = [b for b in self.sents if b[1] <= s0]
        if not prev or self.last_speaker_at >= prev[-1][0]:
            return None
        ws = C.words(self.text, prev[-1][0], prev[-1][1])[:4]
        if len(ws) < 2:
            return None
        return self._plural_noun_subject(ws[1].start, ws[-1].end)

    def _dialogue_turn(self, speaker: _Speaker | None, zone_words: list[Word]) -> _Speaker | None:
        """«فأجابه نبيل: "…"، فقال له: "…"»: «قال له» addresses the one who spoke last, so
        the pronoun subject is the other party of the exchange — the previous different
        speaker — not the addressee."""
        if speaker is None or speaker.kind != "pronoun" or len(zone_words) != 1 \
                or zone_words[0].folded not in ("له", "لها") or not self.quotes:
            return speaker
        last = self.quotes[-1].speaker
        if not last or last.get("text") != speaker.text:
            return speaker
        other = next((q.speaker for q in reversed(self.quotes[:-1])
                      if q.speaker and q.speaker.get("text") != speaker.text), None)
        if other is None or other.get("start") is None:
            return speaker
        return _Speaker(other["text"], other["start"], other["end"], "pronoun", other.get("entity"))

    def _colon_quotation(self, end: int) -> Segment | None:
        """A quotation introduced by a colon right where a reported clause ends."""
        pos = end
        while pos < len(self.text) and self.text[pos] in " \t":
            pos += 1
        if self.text[pos:pos + 1] != ":":
            return None
        pos += 1
        while pos < len(self.text) and self.text[pos] in " \t":
            pos += 1
        seg = self.segment_at(pos)
        return seg if seg is not None and len(C.words(self.text, seg.start, seg.end)) >= MIN_CUED_WORDS else None

    def _relative_end(self, start: int, end: int) -> int:
        """«شنت هجوما على ما قالت إنه مركز قيادة، فيما …»: after the relative «ما» the
        reported words are a noun phrase naming what the verb's object is said to be, so
        they end at the first comma or clause connector, not at the sentence end."""
        prev = start
        for w in C.words(self.text, start, end):
            if w.start > start and (any(ch in "،,؛;" for ch in self.text[prev:w.start]) or w.folded in _CONNECTORS):
                return strip_punct(self.text, start, w.start)[1]
            prev = w.end
        return end

    @staticmethod
    def _finite_cue(zone_words: list[Word], i: int) -> bool:
        """Can the speech verb ``zone_words[i]`` inside a speaker zone take over as the cue?

        A perfect verb or one opening a clause (وقال، حيث يقول) can; a bare imperfect
        after a noun describes that noun («في تغريدة مصحوبة بمقطع يوضح قوة الإعصار، أن»)."""
        z = zone_words[i]
        lemma = C.fold(C.SPEECH_VERBS.get(z.bare, ""))
        imperfect = z.bare[:1] in ("ي", "ت") and not z.bare.startswith(lemma)
        if not imperfect or z.folded != z.bare:
            return True
        return zone_words[i - 1].bare in _CONNECTORS or zone_words[i - 1].folded in _CONNECTORS

    def _participle_cue(self, k: int) -> int | None:
        w = self.words[k]
        opener = self._find_opener(k)
        if opener is None or len(C.words(self.text, w.end, opener[1])) > 4:
            return None
        okind, _zone_end, content_start, next_k = opener
        span = self._content(okind, content_start)
        if span is None:
            return None
        start, end, qkind = span
        s_start, _ = self.sentence_of(w.start)
        for x in C.words(self.text, s_start, w.start):
            if x.folded in _CONTRAST_WHILE and any(c in "،," for c in self.text[max(s_start, x.start - 3):x.start]):
                # «…، فيما رد نتنياهو، قائلا إنه»: the participle (حال) belongs to the finite
                # verb of its own clause, whose subject follows the connector
                s_start = x.end
        plural = w.bare.endswith("ين")  # «مضيفين»: the subject is plural, never one named person
        speaker = (self._plural_subject(s_start, w.start) if plural else None) \
            or self._subject_before(s_start, w.start) or self._resolve_pronoun(w.start)
        self._add(start, end, qkind, w, speaker)
        return next_k

    def _attribution_cue(self, k: int) -> int | None:
        w = self.words[k]
        if k + 1 >= len(self.words):
            return None
        j = k + 1
        if w.bare in (C.fold("حسبما"), C.fold("كما")):
            if self.words[j].bare not in C.SPEECH_VERBS:
                return None
            if C.fold(C.SPEECH_VERBS[self.words[j].bare]) in C.WEAK_SPEECH:
                return None  # «، كما يتوقع أن يستمر …»: "as is expected", no source
            s0, _ = self.sentence_of(w.start)
            if w.bare == C.fold("كما") and not C.words(self.text, s0, w.start):
                return None  # «كما أعرب المجلس عن …»: "also", the verb itself is the cue
            j += 1
        elif w.bare == C.fold("نقلا"):
            if self.words[j].bare != "عن":
                return None
            j += 1
        if j >= len(self.words):
            return None
        s_start, s_end = self.sentence_of(w.start)
        if self.words[j].start >= s_end:
            return None
        np_start = self.words[j].start
        # «وفقا لـ» / «طبقا ل»: the لـ may be a separate token or glued to the next word
        if w.folded in (C.fold("وفقا"), C.fold("طبقا"), C.fold("وفق"), C.fold("ووفقا")):
            if self.words[j].text in ("ل", "لـ"):
                j += 1
                if j >= len(self.words):
                    return None
                np_start = self.words[j].start
            elif self.words[j].text.startswith("ل"):
                np_start = self.words[j].start + (2 if self.words[j].text.startswith("لـ") else 1)
            elif w.folded not in (C.fold("وفق"),):
                return None  # «وفقا» needs its لـ; «وفق» governs the noun directly (وفق ما صرح به)
        # «وفقا لما ذكره الجيش» / «بحسب ما أفادت به الوكالة»: skip «ما» + speech verb (+ به)
        if j < len(self.words) and self.words[j].bare in ("ما", "لما") or (
                j < len(self.words) and C.fold(self.text[np_start:self.words[j].end]) == "ما"):
            k2 = j + 1
            if k2 + 2 < len(self.words) and self.words[k2].bare in _CAME_IN and self.words[k2 + 1].folded == "في":
                # Round 8: «وحسب ما ورد في تقرير الشرطة …»: the document after «ورد/جاء في» is the source
                j = k2 + 2
                np_start = self.words[j].start
                k2 = len(self.words)
            if k2 < len(self.words) and (self._speech_stem(self.words[k2].bare)):
                k2 += 1
                if k2 < len(self.words) and self.words[k2].folded in ("به", "بها"):
                    k2 += 1
                verb_w = self.words[j + 1]
                if (k2 >= len(self.words) or self.words[k2].start >= s_end) and verb_w.bare.endswith("وا"):
                    # «…، بحسب ما قالوا.»: the plural verb's own subject pronoun is the source;
                    # it points back to the plural subject of the clause it is attached to
                    subject = self._plural_subject(s_start, w.start)
                    for x in C.words(self.text, s_start, w.start):
                        if subject is None and x.bare.startswith("ال") and x.bare.endswith("ون") \
                                and len(x.bare) > 5:  # «وكان المتظاهرون غاضبين»: a nominative plural
                            subject = self._make_speaker(x.start, x.end)
                    if subject is None:
                        return None
                    start, end = strip_punct(self.text, s_start, w.start)
                    if len(C.words(self.text, start, end)) < 3:
                        return None
                    self._add(start, end, "reported", w, subject, cue_end=verb_w.end)
                    return k2
                if k2 >= len(self.words):
                    return None
                j = k2
                np_start = self.words[j].start
        np_end = self._definite_np_end(j, self._np_end(j, s_end))
        speaker = self._make_speaker(np_start, np_end, require_source=True)
        if speaker is None and self.words[j].bare.removeprefix("ال") in _DOCUMENT_SOURCES:
            speaker = self._make_speaker(np_start, np_end)  # «وحسب القانون الإسباني يختلف …»
        if speaker is None and self.text[np_end:s_end].strip(TRIM + "\"»”") == "" \
                and not self.words[j].text.endswith(("ه", "ها", "هم")):
            speaker = self._make_speaker(np_start, np_end)  # «…، بحسب هيومن رايتس ووتش.»: a source closing the sentence
        if speaker is not None and self.in_time(self.words[j]):
            # «…، وذلك حسبما أعلنت الأحد»: a day is no source; the verb's subject is the
            # pronoun, which points back to the subject of the clause the attribution closes
            speaker = self._subject_in_sentence(w.start)
        seg = None if self._gap(s_start, w.start).strip(TRIM + "و") or speaker is None else \
            next((g for g in self.segments if np_end <= g.open < s_end and g.closed and not g.used), None)
        if seg is not None and speaker is not None and not any(c in ".،,:؛!?؟\n" for c in self.text[np_end:seg.open]) \
                and len(C.words(self.text, np_end, seg.open)) <= 4 \
                and self.text[seg.close + 1:s_end].strip(TRIM + "\"»”") == "" \
                and len(C.words(self.text, seg.start, seg.end)) >= MIN_CUED_WORDS:
            # «ووفقا لمصادر إعلامية تابعة للميليشيات "فقد قضت المحكمة …"»: the source's
            # words in marks fill the rest of the sentence — a direct quote
            seg.used = True
            self._add(seg.start, seg.end, "direct", w, speaker,
                      cue_end=self.words[j - 1].end if j - 1 > k else w.end)
            return self.word_index(seg.close)
        if speaker is None and not self._gap(s_start, w.start).strip(TRIM + "و") \
                and self.text[np_end:np_end + 2].lstrip()[:1] in ("،", ",") \
                and len(C.words(self.text, np_start, np_end)) <= 3:
            speaker = self._make_speaker(np_start, np_end)  # «ووفقا للإنتربول، كانت …»: a fronted source set off by a comma
        closing = self._closing_name(np_start, s_end)
        if closing is not None and (speaker is None or speaker.entity is None):
            # «…، وفقا للعضو في المركز الإعلامي …، رضا عيسى.»: a title phrase with the person's
            # name in apposition closing the sentence — the named person is the source
            speaker, np_end = self._make_speaker(closing[0], closing[1]), closing[1]
        if speaker is None:
            return None
        cue_at_start = self._gap(s_start, w.start).strip(TRIM + "و") == ""
        if cue_at_start:
            start = np_end
            while start < s_end and self.text[start] in TRIM:
                start += 1
            end = s_end
        else:
            start = s_start
            for q in self.quotes:
                if s_start <= q.end <= w.start:
                    start = max(start, q.end)
            end = w.start
            rest = C.words(self.text, np_end, s_end)
            if start == s_start and len(rest) >= 3 and self._gap(np_end, rest[0].start).strip() in _INSET_MARKS \
                    and rest[0].folded not in _RELATIVE_PRONOUNS and rest[0].bare not in _CONTRAST_HEADS \
                    and self.text[s_start:w.start].rstrip().endswith(_INSET_MARKS):
                # «وأبدى فريق الخبراء، وفقاً للوكالة، استعداده …»: an attribution set off by
                # commas inside the clause covers the whole clause around it. Round 8: a
                # dash-set one («… إلى أسرة واحدة - بحسب ما قاله الضباط - ويرجح …») does too; a
                # contrast after it («، وفقا لما ذكرته المصادر، إلا أنه …») is the writer's
                end = s_end
            elif start == s_start and len(rest) >= 3 and self._gap(np_end, rest[0].start).strip() in _INSET_MARKS \
                    and w.folded[:1] == "و" and 1 <= len(C.words(self.text, s_start, w.start)) <= 3 \
                    and not any(c in TRIM for c in self.text[s_start:w.start].strip()):
                # Round 8: «الميليشيات وبحسب ناشطين، حولت القضاء …»: an attribution inserted
                # with و after a fronted subject covers the clause it interrupts
                end = s_end
            first = C.words(self.text, start, end)[:1]
            if start > s_start and first and (first[0].bare in C.SPEECH_PARTICIPLES or (
                    first[0].bare.startswith("م") and len(first[0].bare) >= 4
                    and first[0].folded.endswith("ا"))):
                # «"…"، مشيراً إلى الهجمات …، بحسب رويترز»، «"…" معبرا عن استعداده …»: a
                # circumstantial participle (حال, مُفعِلاً) with a plain noun object (a
                # complementiser would have made it a cue) continues the narration; the attribution
                # names the source of the quotation before it, and adds no new quote
                return None
        start, end = strip_punct(self.text, start, end)
        if len(C.words(self.text, start, end)) < 3:
            return None
        self._add(start, end, "reported", w, speaker, cue_end=self.words[j - 1].end if j - 1 > k else w.end)
        return self.word_index(np_end)

    def _definite_np_end(self, j: int, np_end: int) -> int:
        """«وحسب القانون الإسباني يختلف …»: with no comma after it, a definite source phrase
        runs over its definite adjectives and genitives only; the first indefinite word is
        the verb of the clause the attribution introduces."""
        head = self.words[j]
        if not head.bare.startswith("ال") or any(e.start <= head.start < e.end for e in self.entities) \
                or head.bare in C.TITLE_WORDS or head.bare[2:] in C.TITLE_WORDS:
            return np_end  # «بحسب ما أعلن العقيد الركن صادق الدويد»: a title takes its name
        end = head.end
        for x in self.words[j + 1:]:
            if x.start >= np_end or self.text[end:x.start].strip() or not x.bare.startswith("ال"):
                break
            end = x.end
        return end

    def _closing_name(self, start: int, s_end: int) -> tuple[int, int] | None:
        """A PERS mention set off by a comma that ends the sentence after ``start``."""
        for e in self.entities:
            if e.type == "PERS" and start < e.start and e.end <= s_end \
                    and self.text[e.end:s_end].strip(TRIM + "\"»”") == "" \
                    and self.text[start:e.start].rstrip().endswith(("،", ",")):
                return e.start, e.end
        return None

    @staticmethod
    def _speech_stem(bare: str) -> bool:
        """A speech verb possibly carrying an object pronoun: ذكره، نقلته، أعلنه."""
        for suffix in ("", "ه", "ته", "تها", "ها"):
            if bare.endswith(suffix) and (bare[:len(bare) - len(suffix)] if suffix else bare) in (
                    C.SPEECH_VERBS.keys() | C.RELAY_VERBS):
                return True
        return False

    # ---------------------------------------------------------------- uncued marks
    def _uncued_segments(self) -> None:
        for seg in self.segments:
            if seg.used or not seg.closed or any(q.start < seg.end and seg.start < q.end for q in self.quotes):
                continue  # an unclosed mark is a quote only when a cue introduces it
            n_words = len(C.words(self.text, seg.start, seg.end))
            if n_words < MIN_CUED_WORDS:
                continue
            after = C.words(self.text, seg.close + 1, min(len(self.text), seg.close + 200))
            gap = self._gap(seg.close + 1, after[0].start) if after else ""
            cue_taken = bool(after) and any(q.cue_start == after[0].start for q in self.quotes)
            if after and not cue_taken and n_words >= 3 and "\n" not in gap and "." not in gap and (
                    after[0].bare in C.SPEECH_VERBS or after[0].bare in C.ATTRIBUTION_CUES) \
                    and not self._via_after_mark(after, 0):
                _, s_end = self.sentence_of(after[0].start)
                j = self.word_index(after[0].end)
                if after[0].bare in (C.fold("حسبما"), C.fold("كما")) and j < len(self.words):
                    j += 1
                if j < len(self.words) and self.words[j].folded not in C.SPEAKER_STOP \
                        and self.words[j].bare not in _PREPOSITIONS:
                    end = self._np_end(j, max(s_end, after[0].end + 1))
                    speaker = self._make_speaker(self.words[j].start, end) if end > self.words[j].start else None
                else:
                    speaker = None
                if j <= len(self.words):
                    cue = Word(after[0].start, after[0].end, after[0].text, after[0].folded, after[0].bare)
                    self._add(seg.start, seg.end, "direct", cue, speaker or self._resolve_pronoun(seg.open))
                    continue
            before = self.text[max(0, seg.open - 3):seg.open]
            starts_para = seg.open == 0 or "\n" in before or before.strip() == ""
            if n_words >= MIN_UNCUED_WORDS and starts_para and self.last_speaker is not None \
                    and seg.open - self.last_speaker_at < 1500:
                speaker = self._resolve_pronoun(seg.open)
                self._add(seg.start, seg.end, "direct", None, speaker)

    # ---------------------------------------------------------------- adding
    def _add(self, start: int, end: int, kind: str, cue: Word | None, speaker: _Speaker | None,
             cue_end: int | None = None) -> None:
        start, end = strip_punct(self.text, start, end)
        if end <= start:
            return
        sp_dict = None
        if speaker is not None:
            resolved = speaker.kind == "pronoun"
            sp_dict = speaker.as_dict("pronoun-resolved" if resolved else None)
            self.last_speaker = _Speaker(speaker.text, speaker.start, speaker.end,
                                         speaker.kind if not resolved else "person", speaker.entity)
            self.last_speaker_at = max(start, cue.start if cue else start)
        self.quotes.append(Quote(
            start=start, end=end, text=self.text[start:end], kind=kind,
            cue=(self.text[cue.start:cue_end or cue.end] if cue else ""),
            cue_start=cue.start if cue else None, cue_end=(cue_end or cue.end) if cue else None,
            speaker=sp_dict,
        ))

    def _join_participle_fragments(self) -> None:
        """«نفت فيه "…،" مؤكدة "…"»، «"…"، مضيفا "…"»: a speaker's quotation resumed
        after a bare participle of speech in the same sentence is one direct quote.

        The participle (حال) has no subject of its own and, with no complementiser, takes
        the marked words themselves as its object: the two stretches are one quotation
        interrupted by the narrator's linking word.  With a complementiser («مضيفا أن
        "…"») the participle governs a clause of its own, which stays a separate quote."""
        out: list[Quote] = []
        for q in self.quotes:
            p = out[-1] if out else None
            if p is not None and p.kind == q.kind == "direct" and q.cue_start is not None \
                    and p.end <= q.cue_start and q.cue_end is not None and q.cue_end <= q.start:
                gap = self.text[p.end:q.start]
                words = C.words(self.text, p.end, q.start)
                if words and len(words) == 1:
                    # Round 8: «"…،" مضيفاً: "…"» — a colon after the bare participle only
                    # announces the resumed quotation (fresh4–fresh6 annotate one quote)
                    gap = gap[:words[0].end - p.end] + gap[words[0].end - p.end:].replace(":", "", 1)
                if not any(ch in ".!?؟\n:" for ch in gap) and words \
                        and words[0].bare in C.SPEECH_PARTICIPLES and len(words) == 1:
                    p.end, p.text = q.end, self.text[p.start:q.end]
                    continue
            out.append(q)
        self.quotes = out

    def _join_participle_clauses(self) -> None:
        """«وبيّن الخرد أنه تقدم بشكوى …، معربا عن امتعاضه …، مشيرا إلى أنه يجب …»: a
        participle cue (حال) has no subject of its own and continues the speaker of the
        finite cue in the same sentence, so its clause belongs to that reported quote even
        when narration («معربا عن …»، «وفق تعبيره») stood between the two clauses."""
        out: list[Quote] = []
        for q in self.quotes:
            p = out[-1] if out else None
            if p is not None and p.kind == q.kind == "reported" and q.cue_start is not None \
                    and p.end <= q.cue_start and q.cue and C.fold(q.cue.split()[0]) in C.SPEECH_PARTICIPLES \
                    and p.speaker and q.speaker and p.speaker.get("text") == q.speaker.get("text") \
                    and self.sentence_of(p.start) == self.sentence_of(q.cue_start) \
                    and not any(c in ".!?؟\n" for c in self.text[p.end:q.cue_start]):
                p.end, p.text = q.end, self.text[p.start:q.end]
                continue
            out.append(q)
        self.quotes = out

    def _join_coordinated_fragments(self) -> None:
        """«وأضاف البيان "شكر ترامب …،" و"مناقشة السلوك …"»: a second stretch in marks joined
        by a bare «و» glued to its mark is a second object of the same speech verb — one
        direct quote from the first mark to the last (as participle-joined fragments are).
        Only a stretch of several words that no other cue claims, in the same sentence."""
        for q in self.quotes:
            if q.kind != "direct":
                continue
            first = next((g for g in self.segments if g.start == q.start and g.closed
                          and 0 <= g.end - q.end <= 2), None)
            if first is None:
                continue
            _, s_end = self.sentence_of(q.start)
            nxt = next((g for g in self.segments if g.open > first.close), None)
            if nxt is None or not nxt.closed or nxt.used or nxt.open >= s_end \
                    or len(C.words(self.text, nxt.start, nxt.end)) < 3:
                continue
            gap = self.text[first.close + 1:nxt.open]
            if gap.strip(" ،,") != "و" or not gap.endswith("و"):
                continue
            if not any(c in "،," for c in self.text[q.end:first.close + 1]):
                # Round 8: «كتبوا عليها "…" و"…"» — marked slogans with no comma inside the
                # first mark are two quotes of the same cue and speaker; «"شكر ترامب …،"
                # و"مناقشة …"» (the comma inside the mark) continues one sentence
                nxt.used = True
                self.quotes.append(Quote(start=nxt.start, end=nxt.end, text=self.text[nxt.start:nxt.end],
                                         kind="direct", cue=q.cue, cue_start=q.cue_start, cue_end=q.cue_end,
                                         speaker=q.speaker))
                continue
            if any(o is not q and o.start < nxt.end and nxt.start < o.end for o in self.quotes):
                continue
            nxt.used = True
            q.end = strip_punct(self.text, q.start, nxt.end)[1]
            q.text = self.text[q.start:q.end]
        self.quotes.sort(key=lambda x: (x.start, x.end))

    # ---------------------------------------------------------------- nested quotes
    def _inner_quotes(self) -> None:
        """Round 8: words another speaker said, reported inside a quote («قالت الوزارة إن 3 منهم
        صرحوا بأنهم من السنيغال»، «إن المهاجم اندفع … وهو يصرخ "سأقتلكم"»، a host reading out
        «… وأكد نائب المرشد أن …» inside his own quotation) are an inner quote; the outer quote
        keeps its span. The main pass skips such cues (only «وقال/فأضاف» opens a new quote
        inside a reported clause), so this pass looks at them afterwards: a speech verb that no
        quote took as its cue, an opener inside the outer quote, and a speaker of its own —
        the noun phrase in the zone («صرح اثنان بأنهما»), the subject right before the verb
        («مصادر أمنية ترجح أن»), or, after «وهو»/«وأنه», the subject that opens the outer
        clause. A cue whose speaker is the outer speaker, or that sits in a relative clause
        («التوتر الذي قال إنه …»), adds nothing."""
        taken = {q.cue_start for q in self.quotes if q.cue_start is not None}
        added: list[Quote] = []
        for q in list(self.quotes):
            k = self.word_index(q.start)
            while k < len(self.words) and self.words[k].start < q.end:
                inner = self._inner_at(k, q) if self.words[k].start not in taken else None
                if inner is not None and not any(
                        o is not q and o.start < inner.end and inner.start < o.end
                        and not (o.start <= q.start and q.end <= o.end) for o in self.quotes):
                    added.append(inner)
                k += 1
        added.sort(key=lambda x: x.start)
        for a, b in itertools.pairwise(added):
            if b.cue_start is not None and a.start < b.cue_start < a.end:
                a.end = strip_punct(self.text, a.start, b.cue_start)[1]
                comma = max(self.text.rfind("،", a.start, a.end), self.text.rfind(",", a.start, a.end))
                if comma > a.start and len(C.words(self.text, comma, a.end)) <= 2:
                    a.end = comma  # «بأنهم من السنيغال، في حين صرح …»: the connector opens the next clause
                a.text = self.text[a.start:a.end]
                for word in reversed(C.words(self.text, a.start, a.end)):
                    if word.folded.startswith("و") and word.start > a.start and word.bare not in C.SPEECH_VERBS \
                            and not any(c in "،," for c in self.text[word.end:b.cue_start]) \
                            and len(C.words(self.text, word.start, b.cue_start)) == 1:
                        # «بأنهما من غينيا وواحد قال إنه»: the coordinated subject of the next cue
                        a.end = strip_punct(self.text, a.start, word.start)[1]
                        a.text = self.text[a.start:a.end]
                    break
        self.quotes.extend(x for x in added if len(C.words(self.text, x.start, x.end)) >= MIN_CUED_WORDS)
        self.quotes.sort(key=lambda x: (x.start, x.end))

    def _inner_at(self, k: int, q: Quote) -> Quote | None:
        """The inner quote whose cue is word ``k`` inside quote ``q``, if it has one."""
        w = self.words[k]
        mark_only = _mark_only(w)
        colon_only = _colon_only(w)
        if not (w.bare in C.SPEECH_VERBS or mark_only or colon_only) or w.bare in C.IMPERSONAL \
                or C.SPEECH_VERBS.get(w.bare) == "جاء":
            return None
        if k > 0 and (self.words[k - 1].folded in _NEGATION or self.words[k - 1].bare in _RELATIVE_MA
                      or self.words[k - 1].bare in _RELATIVE_PRONOUNS):
            return None  # «الذي قال إنه …»، «ما قالت إنها …»: a relative clause, no quote of its own
        if _passive(w, C.SPEECH_VERBS.get(w.bare, "")) or _via(self.text, self.words, k):
            return None
        opener = self._mark_opener(k) if mark_only else self._find_opener(k)
        if opener is None:
            return None
        okind, zone_end, content_start, _ = opener
        if colon_only and okind != "colon":
            return None  # «أجاب كيم: "…"» inside the outer clause: a dialogue verb needs its colon
        if content_start >= q.end or (mark_only and okind == "comp") or self._impersonal_forecast(w, zone_end):
            return None
        zw = C.words(self.text, w.end, zone_end)
        if any(z.bare in C.SPEECH_VERBS or z.bare in C.SPEECH_PARTICIPLES for z in zw):
            return None  # «أعرب عن تعاطفه … وأكد أن»: the later verb is the cue
        speaker = None
        if zw and w.bare not in C.ADDRESSEE_VERBS and not (
                mark_only and (zw[0].bare in C.CHANT_OBJECTS or _prepositional_object(zw[0]))):
            speaker = self._zone_speaker((w.end, zone_end))
        checked = speaker is not None and self._source_like(speaker)
        if speaker is None:
            speaker, checked = self._inner_subject(k, q)
        if speaker is None or not checked or self._same_speaker(speaker, q):
            return None
        span = self._content(okind, content_start, w)
        if span is None:
            return None
        start, end, kind = span
        end = min(end, q.end)
        start, end = strip_punct(self.text, start, end)
        if end <= start:
            return None
        return Quote(start=start, end=end, text=self.text[start:end], kind=kind, cue=w.text,
                     cue_start=w.start, cue_end=w.end, speaker=speaker.as_dict())

    def _inner_subject(self, k: int, q: Quote) -> tuple[_Speaker | None, bool]:
        """Subject of an inner cue with an empty zone: the words between the clause start
        (a complementiser, «في حين», a connector) and the verb («وأن 3 منهم صرحوا»); after
        «وهو»/«وأنه» or a bare «و» the subject that opens the outer clause («إن المهاجم اندفع …
        وهو يصرخ»)."""
        verb = self.words[k]
        phrase: list[Word] = []
        marker: Word | None = None
        i = k - 1
        while i >= 0 and self.words[i].start >= q.start:
            x = self.words[i]
            nxt_start = phrase[0].start if phrase else verb.start
            if any(c in ".!?؟،,:;؛\n" for c in self.text[x.end:nxt_start]):
                break
            if C.COMPLEMENTISER_RE.match(x.folded) or C.COMPLEMENTISER_RE.match(x.folded.removeprefix("و")) \
                    or x.folded in _CONNECTORS or x.bare in _CONNECTORS \
                    or x.folded in _SUBJECT_PRONOUNS or x.folded == "حين":
                marker = x
                break
            phrase.insert(0, x)
            if x.folded != x.bare and x.folded[:1] == "و":
                marker = x
                break  # «وواحد قال»: a coordinated subject starts at its و
            if len(phrase) > 5:
                return None, False
            i -= 1
        phrase = [x for x in phrase if x.folded not in ("قد", "كان", "كانت")]
        if phrase:
            if phrase[0].folded in _PREPOSITIONS or phrase[0].bare in C.PRONOUNS or marker is None \
                    and phrase[0].start > q.start:
                return None, False
            start = phrase[0].start + (1 if phrase[0].folded != phrase[0].bare else 0)
            sp = self._make_speaker(start, phrase[-1].end)
            return sp, sp is not None and self._source_like(sp)
        pronoun = marker is not None and (marker.folded in _SUBJECT_PRONOUNS or (
            C.COMPLEMENTISER_RE.match(marker.folded.removeprefix("و")) and marker.folded.endswith(("ه", "ها"))))
        if pronoun and marker is not None and marker.end <= verb.start and not C.words(self.text, marker.end, verb.start):
            return self._clause_subject(q), True  # «وهو يصرخ»، «وأنه صرح»: the outer clause's subject
        return None, False

    def _source_like(self, sp: _Speaker) -> bool:
        """Can ``sp`` be an inner speaker: a named entity, a source, body or title noun, a
        human plural, or a number of people («3 منهم»، «اثنان»، «بعضهم»)?"""
        ws = C.words(self.text, sp.start, sp.end) if sp.start is not None else []
        if not ws:
            return False
        head = ws[0]
        if any(e.start <= head.start < e.end and e.type in ("PERS", "ORG") for e in self.entities):
            return True
        bare = C.strip_conj(head.folded)
        return bare in C.ANONYMOUS_HEADS | C.ORGANIZATION_HEADS | C.TITLE_WORDS | _HUMAN_BROKEN_PLURALS \
            or bare in _COUNT_WORDS or bare.isdigit() or bare.removeprefix("ال") in C.ANONYMOUS_HEADS \
            or bare.removeprefix("ال") in C.ORGANIZATION_HEADS or bare in _QUANTITY_HEADS

    def _clause_subject(self, q: Quote) -> _Speaker | None:
        """The noun phrase that opens a reported clause («المهاجم اندفع …»، «سيف الدين اختار …»)."""
        if q.kind != "reported":
            return None
        ws = C.words(self.text, q.start, q.end)
        if not ws:
            return None
        ent = next((e for e in self.entities if e.start <= ws[0].start < e.end and e.type in ("PERS", "ORG")), None)
        if ent is not None:
            return self._make_speaker(ent.start, ent.end)
        if not ws[0].bare.startswith("ال") or len(ws) < 2:
            return None
        end = ws[0].end
        for x in ws[1:3]:
            if not x.bare.startswith("ال") or self.text[end:x.start].strip():
                break
            end = x.end
        return self._make_speaker(ws[0].start, end)

    @staticmethod
    def _same_speaker(sp: _Speaker, q: Quote) -> bool:
        """Does ``sp`` name the speaker of ``q`` (one folded name containing the other)?"""
        if not q.speaker:
            return False
        mine = {C.fold(x) for x in (sp.text, sp.entity) if x}
        theirs = {C.fold(x) for x in (q.speaker.get("text"), q.speaker.get("entity")) if x}
        return any(a in b or b in a for a in mine for b in theirs)

    def _cut_overlaps(self) -> None:
        """A quote runs until the next cue in the same sentence; drop exact duplicates."""
        out: list[Quote] = []
        for q in self.quotes:
            if out:
                p = out[-1]
                if q.cue_start is not None and p.start < q.cue_start < p.end and p.kind == "reported":
                    s, e = strip_punct(self.text, p.start, q.cue_start)
                    if e - s >= 10:
                        p.end, p.text = e, self.text[s:e]
                        p.start = s
                if q.start < p.end and (q.end <= p.end) and (q.start, q.end) not in self._embedded:
                    continue  # contained: keep the earlier, larger quote
            out.append(q)
        self.quotes = out
