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

Every offset refers to ``Article.text``; ``Quote.text`` equals the slice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from marsad.extract import cues as C
from marsad.extract.cues import (
    OPEN_MARKS,
    SENT_END,
    TRIM,
    Segment,
    Word,
    find_segments,
    sentence_bounds,
    strip_punct,
)
from marsad.model import Article, Entity, Quote

MAX_ZONE_WORDS = 20
LONG_ZONE_WORDS = 26  # «قال X، منصبه، في تصريح لـ…، على هامش …، إن»: the plain speech verbs allow more
_PLAIN_SPEECH = frozenset(C.fold(v) for v in ("قال", "أضاف", "أكد", "أوضح", "صرح", "أفاد", "ذكر", "تابع"))
# «وصف X بـ"…"»: what follows the marks is a label, not speech (a complementiser still opens one)
_CHARACTERISING = frozenset(C.fold(v) for v in ("وصف", "اعتبر"))
_PRONOUN_PREP = re.compile(r"^(?:علي|عن|في|من|ل|ب|الي|مع)(?:ه|ها|هم|هما|هن)$")
_PREPOSITIONS = frozenset(C.fold(w) for w in ("إلى", "على", "من", "عن", "في", "مع", "ب", "ل"))
_CONNECTORS = frozenset(C.fold(w) for w in ("إذ", "بينما", "فيما", "لكن", "لكنه", "لكنها", "ولكن", "ولكنه",
                                             "ولكنها", "حيث", "كما", "ثم", "لكنهم", "أما", "وأما", "حينما", "عندما"))
_TRAILING_ATTRIBUTION = re.compile(
    r"[،,]\s*(?:و)?(?:بحسب|حسب|وفقا|وفقاً|وفق|طبقا|نقلا|نقلاً|حسبما)\s"
    r"|\s(?:على حد|وفق|حسب)\s(?:تعبيره|تعبيرها|قوله|قولها|وصفه|وصفها|تعبيرهم)")
MIN_UNCUED_WORDS = 5
MIN_CUED_WORDS = 2


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


@dataclass(slots=True)
class _Speaker:
    text: str
    start: int
    end: int
    kind: str
    entity: str | None

    antecedent: tuple[int, int] | None = None  # «المصدر» -> where «مصدر في وايتهول» was introduced

    def as_dict(self, kind: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "entity": self.entity, "start": self.start, "end": self.end,
                               "kind": kind or self.kind}
        if self.antecedent is not None:
            out["antecedent"] = {"start": self.antecedent[0], "end": self.antecedent[1]}
        return out


class _QuoteFinder:
    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.words = C.words(self.text)
        self.sents = sentence_bounds(article)
        self.segments = find_segments(self.text)
        self.entities: list[Entity] = [e for e in article.entities if e.type]
        self.quotes: list[Quote] = []
        self.last_speaker: _Speaker | None = None
        self.last_speaker_at = -1

    # ---------------------------------------------------------------- helpers
    def sentence_of(self, pos: int) -> tuple[int, int]:
        for s, e in self.sents:
            if s <= pos < e:
                return s, e
        return pos, self._sentence_end(pos)

    def _sentence_end(self, pos: int) -> int:
        m = SENT_END.search(self.text, pos)
        return m.end() if m else len(self.text)

    def paragraph_end(self, pos: int) -> int:
        j = self.text.find("\n", pos)
        return len(self.text) if j < 0 else j

    def segment_at(self, pos: int) -> Segment | None:
        for seg in self.segments:
            if seg.open == pos:
                return seg
        return None

    def inside_segment(self, pos: int) -> bool:
        return any(seg.open < pos < seg.close for seg in self.segments)

    def inside_quote(self, pos: int, kinds: tuple[str, ...] = ("direct", "reported")) -> bool:
        return any(q.start <= pos < q.end and q.kind in kinds for q in self.quotes)

    def entity_in(self, start: int, end: int) -> Entity | None:
        for e in self.entities:
            if start <= e.start and e.end <= end:
                return e
        return None

    def word_index(self, pos: int) -> int:
        for k, w in enumerate(self.words):
            if w.start >= pos:
                return k
        return len(self.words)

    def _gap(self, a: int, b: int) -> str:
        return self.text[a:b]

    # ---------------------------------------------------------------- main
    def run(self) -> list[Quote]:
        k = 0
        while k < len(self.words):
            w = self.words[k]
            if self.inside_segment(w.start) or self.inside_quote(w.start, kinds=("direct",)):
                k += 1
                continue
            is_verb = w.bare in C.SPEECH_VERBS or w.folded in C.SPEECH_VERBS or w.bare in C.RELAY_VERBS
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
        return [q for q in self.quotes if q.end > q.start]

    # ---------------------------------------------------------------- openers
    def _find_opener(self, k: int, max_words: int = MAX_ZONE_WORDS,
                     marks: bool = True) -> tuple[str, int, int, int] | None:
        """From word ``k`` (exclusive) find the opener: (kind, zone_end, content_start, next_word).

        kind is "comp" (complementiser), "colon" or "mark"; zone_end is where the
        speaker zone stops; content_start where the quote text begins.  A quoted name
        inside the zone («وكالة "وفا"»، «المجلس "للجمعية …"» before أن) is skipped.
        """
        prev_end = self.words[k].end
        j = k + 1
        seen = 0
        while j < len(self.words) and seen <= max_words:
            w = self.words[j]
            gap = self._gap(prev_end, w.start)
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
            if C.COMPLEMENTISER_RE.match(w.folded):
                return "comp", w.start, w.end, j + 1
            if w.folded in C.COMPLEMENTISER_PREPS and j + 1 < len(self.words):
                nxt = self.words[j + 1]
                if C.COMPLEMENTISER_RE.match(nxt.folded) and self._gap(w.end, nxt.start).strip() == "":
                    return "comp", w.start, nxt.end, j + 2
            prev_end = w.end
            j += 1
            seen += 1
        return None

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
                return True
            if not strict and w.folded in C.COMPLEMENTISER_PREPS:
                return True
            if strict and (w.bare in C.SPEECH_VERBS or w.bare in C.SPEECH_PARTICIPLES):
                return False
            if i < 8 and ":" in self.text[seg.close:w.start]:  # also «لـ"رويترز" في رسالة: "…"»
                return True  # «في كلمة ضمن "مؤتمر ميونيخ للأمن" بألمانيا، الأحد: "…"»
        if strict:
            return False
        tail = self.text[seg.close + 1:seg.close + 150]
        return ":" in tail.split("\n")[0][:120] or any(m in tail[:120] for m in "«“\"")

    def _content(self, kind: str, content_start: int) -> tuple[int, int, str] | None:
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
        seg = self.segment_at(pos) if pos < len(self.text) else None
        if seg is not None:
            seg.used = True
            return seg.start, seg.end, "direct"
        if kind == "colon":
            end = self.paragraph_end(pos)
            for s_start, _ in self.sents:  # «وتابعت: …»، «فيما رد الزوج: …» start the next quote
                if pos < s_start < end:
                    first = C.words(self.text, s_start, min(end, s_start + 40))[:2]
                    if first and (first[0].bare in C.SPEECH_VERBS or first[0].bare in C.SPEECH_PARTICIPLES
                                  or (first[0].bare in _CONNECTORS and len(first) > 1)):
                        end = s_start
                        break
            return pos, end, "direct"
        if kind == "mark":
            return None
        _, s_end = self.sentence_of(pos)
        end = max(s_end, pos)
        for seg in self.segments:  # a quote mark opened inside runs to its close
            if pos <= seg.open < end < seg.close:
                end = seg.close + 1
        m = _TRAILING_ATTRIBUTION.search(self.text, pos, end)
        if m is not None and m.start() - pos > 10:
            end = m.start()
        return pos, end, "reported"

    # ---------------------------------------------------------------- cue kinds
    def _verb_cue(self, k: int) -> int | None:
        w = self.words[k]
        lemma0 = C.SPEECH_VERBS.get(w.bare) or C.SPEECH_VERBS.get(w.folded) or ""
        strong = C.fold(lemma0) in _PLAIN_SPEECH
        characterises = C.fold(lemma0) in _CHARACTERISING
        opener = self._find_opener(k, LONG_ZONE_WORDS if strong else MAX_ZONE_WORDS, marks=not characterises)
        if opener is None:
            return None
        okind, zone_end, content_start, next_k = opener
        lemma = C.SPEECH_VERBS.get(w.bare) or C.SPEECH_VERBS.get(w.folded)
        if okind == "colon" and lemma is not None and C.fold(lemma) in C.NEEDS_COMPLEMENTISER:
            pass  # «أعلن:» is still speech; kept
        span = self._content(okind, content_start)
        if span is None:
            return None
        start, end, qkind = span
        if len(C.words(self.text, start, end)) < MIN_CUED_WORDS:
            return None
        zone = (w.end, zone_end)
        zone_words = C.words(self.text, *zone)
        if w.bare == C.fold("جاء") and (not zone_words or zone_words[0].folded != "في"):
            return None  # only «وجاء في بيان … أن» relays; «وجاء ذلك …» narrates
        if any(z.bare in C.SPEECH_VERBS and C.SPEECH_VERBS[z.bare] != "جاء" for z in zone_words[1:]):
            return None  # «جاء ذلك في مقابلة … حيث قال:»: the later verb is the cue
        if any(z.bare in C.SPEECH_PARTICIPLES for z in zone_words):
            return None  # «حذر من … بقوله «…»»: the participle introduces the quote
        if (w.bare in C.IMPERSONAL or w.folded in C.IMPERSONAL) and not zone_words:
            return None  # «يذكر أن …»: background, nobody speaks
        if w.bare in C.ADDRESSEE_VERBS:
            speaker = None  # «وأبلغ رويترز بأن»: the zone is who was told
        elif w.bare in C.RELAY_VERBS or any(z.bare in (C.fold("نقلا"), C.fold("نقلاً")) for z in zone_words):
            speaker = self._relay_speaker(zone, w)
        else:
            speaker = self._zone_speaker(zone)
        if speaker is None:
            same_sentence = bool(self.quotes) and self.sentence_of(self.quotes[-1].start) == self.sentence_of(w.start)
            speaker = (self._before_speaker(k) or self._svo_subject(k)
                       or (self._resolve_pronoun(w.start) if same_sentence else None)
                       or self._subject_in_sentence(w.start) or self._resolve_pronoun(w.start))
        self._add(start, end, qkind, w, speaker)
        return max(next_k, k + 1)

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
        speaker = self._subject_before(s_start, w.start) or self._resolve_pronoun(w.start)
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
            if k2 < len(self.words) and (self._speech_stem(self.words[k2].bare)):
                k2 += 1
                if k2 < len(self.words) and self.words[k2].folded in ("به", "بها"):
                    k2 += 1
                if k2 >= len(self.words):
                    return None
                j = k2
                np_start = self.words[j].start
        np_end = self._np_end(j, s_end)
        speaker = self._make_speaker(np_start, np_end, require_source=True)
        if speaker is None and self.text[np_end:s_end].strip(TRIM + "\"»”") == "" \
                and not self.words[j].text.endswith(("ه", "ها", "هم")):
            speaker = self._make_speaker(np_start, np_end)  # «…، بحسب هيومن رايتس ووتش.»: a source closing the sentence
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
        start, end = strip_punct(self.text, start, end)
        if len(C.words(self.text, start, end)) < 3:
            return None
        self._add(start, end, "reported", w, speaker, cue_end=self.words[j - 1].end if j - 1 > k else w.end)
        return self.word_index(np_end)

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
            if seg.used or any(q.start < seg.end and seg.start < q.end for q in self.quotes):
                continue
            n_words = len(C.words(self.text, seg.start, seg.end))
            if n_words < MIN_CUED_WORDS:
                continue
            after = C.words(self.text, seg.close + 1, min(len(self.text), seg.close + 200))
            gap = self._gap(seg.close + 1, after[0].start) if after else ""
            cue_taken = bool(after) and any(q.cue_start == after[0].start for q in self.quotes)
            if after and not cue_taken and n_words >= 3 and "\n" not in gap and "." not in gap and (
                    after[0].bare in C.SPEECH_VERBS or after[0].bare in C.ATTRIBUTION_CUES):
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

    # ---------------------------------------------------------------- speakers
    def _np_end(self, j: int, limit: int) -> int:
        """End of the noun phrase starting at word ``j`` (entity-aware, ≤ 7 words)."""
        first = self.words[j]
        ent = next((e for e in self.entities if e.start <= first.start < e.end), None)
        end = first.end
        count = 0
        while j < len(self.words) and self.words[j].start < limit and count < 9:
            w = self.words[j]
            if count and (self._gap(end, w.start).strip() not in ("", "ـ", "#", '"', "«", "»", "“", "”", '" "') or w.folded in C.SPEAKER_STOP
                          or (w.text.startswith("ل") and w.text.startswith(("لـ", "لل")))
                          or C.COMPLEMENTISER_RE.match(w.folded) or w.folded in C.SPEECH_VERBS
                          or w.bare in C.SPEECH_VERBS):
                if w.folded == "في" and count == 1 and self.words[j - 1].bare in C.ANONYMOUS_HEADS:
                    pass  # «مصدر في وايتهول»: the place belongs to the source
                elif w.folded == "في" and ent is None and count <= 2 and \
                        self.words[j - 1].bare in C.ANONYMOUS_HEADS | {C.fold("رفيع"), C.fold("مطلع"), C.fold("دبلوماسية"), C.fold("أمنية"), C.fold("عسكرية"), C.fold("مطلعة"), C.fold("رسمية")}:
                    pass
                else:
                    break
            end = w.end
            count += 1
            j += 1
            if ent is not None and end >= ent.end and count >= 1:
                # an entity ends the phrase unless a title-like noun continues it
                break
        return end

    def _make_speaker(self, start: int, end: int, require_source: bool = False) -> _Speaker | None:
        start, end = strip_punct(self.text, start, end)
        if end <= start:
            return None
        zone_words = C.words(self.text, start, end)
        if not zone_words:
            return None
        head = zone_words[0].bare
        if head in C.PRONOUNS:
            return None
        back = self._definite_anaphor(zone_words[0])
        if back is not None:
            return back
        ent = self.entity_in(start, end) or next(
            (e for e in self.entities if e.start <= start < e.end), None)
        if head in C.ANONYMOUS_HEADS and (ent is None or ent.start > zone_words[0].start):
            return _Speaker(self.text[start:end], start, end, "anonymous", None)
        if ent is not None and ent.type in ("LOC", "MISC") and ent.start > zone_words[0].start \
                and C.strip_conj(head) in C.ORGANIZATION_HEADS:
            s, e = strip_punct(self.text, start, max(end, ent.end))  # «هيئة الطيران المدني بالإمارات»
            return _Speaker(self.text[s:e], s, e, "organization", None)
        if ent is not None and ent.type in ("PERS", "ORG", "LOC", "MISC"):
            kind = {"PERS": "person", "ORG": "organization", "LOC": "country", "MISC": "organization"}[ent.type]
            s = min(start, ent.start)
            if ent.title_start is not None and ent.title_start < s:
                s = ent.title_start
            e = max(ent.end, end if ent.type != "PERS" else ent.end)
            s, e = strip_punct(self.text, s, e)
            return _Speaker(self.text[s:e], s, e, kind, self._full_name(ent))
        if require_source:
            if head not in C.ANONYMOUS_HEADS | C.ORGANIZATION_HEADS | C.TITLE_WORDS and not self.entities:
                if C.strip_conj(head) not in C.ORGANIZATION_HEADS:
                    return None
            elif self.entities and head not in C.ANONYMOUS_HEADS | C.ORGANIZATION_HEADS | C.TITLE_WORDS:
                return None
        if zone_words[0].text.endswith(("ه", "ها", "هم")) and len(zone_words) == 1 and require_source:
            return None
        kind = "organization" if head in C.ORGANIZATION_HEADS else "person"
        if head in C.ANONYMOUS_HEADS:
            kind = "anonymous"
        return _Speaker(self.text[start:end], start, end, kind, None)

    def _full_name(self, ent: Entity) -> str:
        """«وأضاف الزين» after «اللواء محمد الزين»: a one-word person name takes the
        earlier full name that ends with it (the usual second mention in news)."""
        name = ent.canonical or ent.text
        if ent.type != "PERS" or " " in name.strip():
            return name
        key = C.fold(name)
        for e in reversed(self.entities):
            if e.type == "PERS" and e.end <= ent.start:
                full = e.canonical or e.text
                parts = C.fold(full).split()
                if len(parts) > 1 and parts[-1] == key:
                    return full
        return name

    def _definite_anaphor(self, word: Word) -> _Speaker | None:
        """«وقال المصدر»، «ونفت الوزارة»: a bare definite noun that points back to its first mention.

        The head must be a definite anonymous-source or organisation noun (المصدر،
        المسؤول، الوزارة، الشرطة …) standing alone — followed by punctuation or a
        stop word, not by a qualifier of its own («الوزارة الفرنسية»).  The antecedent
        is the nearest earlier indefinite mention of the same noun («مصدر في وايتهول»،
        «وزارة الدفاع البريطانية»), preferring an ORG entity that starts with it.
        """
        folded = word.bare
        if not folded.startswith("ال") or len(folded) < 5:
            return None
        noun = folded[2:]
        is_anon = noun in C.ANONYMOUS_HEADS
        if not is_anon and noun not in C.ORGANIZATION_HEADS:
            return None
        nxt = C.words(self.text, word.end, min(len(self.text), word.end + 40))[:1]
        gap = self._gap(word.end, nxt[0].start) if nxt else ""
        if nxt and gap.strip() == "" and nxt[0].folded not in C.SPEAKER_STOP \
                and not C.COMPLEMENTISER_RE.match(nxt[0].folded) and nxt[0].folded not in _PREPOSITIONS:
            return None  # «المسؤول الأمريكي»: a qualified phrase, not a bare anaphor
        orgs = [e for e in self.entities if e.end <= word.start and e.type == "ORG"
                and C.strip_conj(C.fold(e.canonical or e.text)).startswith(noun)]
        earlier = [w for w in self.words if w.end <= word.start and C.strip_conj(w.folded) == noun]
        if orgs and (not earlier or orgs[-1].start >= earlier[-1].start):
            e = orgs[-1]
            return _Speaker(self.text[word.start:word.end], word.start, word.end, "organization",
                            e.canonical or e.text, (e.start, e.end))
        if not earlier:
            return None
        first = earlier[-1]
        j = self.word_index(first.start)
        _, s_end = self.sentence_of(first.start)
        a_start, a_end = strip_punct(self.text, first.start, self._np_end(j, s_end))
        if a_end <= a_start:
            return None
        return _Speaker(self.text[word.start:word.end], word.start, word.end,
                        "anonymous" if is_anon else "organization", self.text[a_start:a_end], (a_start, a_end))

    def _zone_speaker(self, zone: tuple[int, int]) -> _Speaker | None:
        zw = C.words(self.text, *zone)
        while zw and (zw[0].bare in C.SPEAKER_SKIP or zw[0].bare in C.SPEECH_PARTICIPLES):
            zw = zw[1:]
        if not zw or zw[0].bare in C.PRONOUNS or zw[0].folded in _PREPOSITIONS or zw[0].folded in C.SPEAKER_STOP \
                or _PRONOUN_PREP.match(zw[0].folded):
            return None  # «وأكد في تصريحات …»: the zone holds no subject
        j = self.word_index(zw[0].start)
        end = self._np_end(j, zone[1])
        zone_pers = any(zw[0].start <= e.start and e.end <= zone[1] and e.type == "PERS" for e in self.entities)
        if not zone_pers and zw[0].bare in C.TITLE_WORDS:
            name_end = self._appositive_name(zw[0].start, zone[1])
            if name_end is not None:
                return self._make_speaker(zw[0].start, name_end)
        # «قال الأمين العام لحركة الشعب، زهير المغزاوي إن»: a short appositive after a title
        if zw[0].bare in C.TITLE_WORDS and not zone_pers:
            rest = C.words(self.text, end, zone[1])
            if 1 <= len(rest) <= 3 and self.text[end:rest[0].start].strip() == "،" and \
                    not any(r.folded in C.SPEAKER_STOP or r.text.startswith(("لـ", "لل")) for r in rest):
                end = rest[-1].end
        pers = [e for e in self.entities if zw[0].start <= e.start and e.end <= zone[1] and e.type == "PERS"]
        if pers and zw[0].bare not in C.ANONYMOUS_HEADS:
            e = pers[0]
            lead = C.words(self.text, zw[0].start, e.start)
            appositive = self.text[lead[-1].end:e.start].strip() == "،" if lead else False
            if len(lead) <= (12 if appositive else 8):  # title words before the name, possibly «، name،»
                return self._make_speaker(zw[0].start if all(x.folded not in C.SPEAKER_STOP for x in lead)
                                          else e.start, e.end)
        # a title phrase before a PERS entity: extend to the entity
        ent = next((e for e in self.entities if zw[0].start <= e.start < zone[1] and e.type == "PERS"), None)
        if ent is not None and zw[0].bare in C.TITLE_WORDS and ent.start - zw[0].start < 60 \
                and "،" not in self.text[zw[0].start:ent.start]:
            end = max(end, ent.end)
        return self._make_speaker(zw[0].start, end)

    def _appositive_name(self, start: int, end: int) -> int | None:
        """«الرئيس الأمريكي، دونالد ترامب، الثلاثاء، إن»: end of the name set off by commas.

        Without NER the name after a title phrase is recognised by shape: a comma-separated
        piece of one to three words that holds no stop word, date, preposition or title.
        """
        pieces: list[tuple[int, int]] = []
        pos = start
        for m in re.finditer(r"[،,]", self.text[start:end]):
            pieces.append((pos, start + m.start()))
            pos = start + m.end()
        pieces.append((pos, end))
        for a, b in pieces[1:]:
            ws = C.words(self.text, a, b)
            while len(ws) > 1 and ws[0].bare in C.TITLE_WORDS:  # «، الفريق محمد المقدشي،»
                ws = ws[1:]
            if 1 <= len(ws) <= 3 and not any(
                    w.folded in C.SPEAKER_STOP or w.bare in _PREPOSITIONS or w.bare in C.TITLE_WORDS
                    or w.bare in C.ORGANIZATION_HEADS or w.text.startswith(("لـ", "لل")) or w.text.isdigit()
                    for w in ws):
                return ws[-1].end
        return None

    def _svo_subject(self, k: int) -> _Speaker | None:
        """«لكن الشرطة قالت إنها …»، «أن الناطق …، أكد …»: a subject noun phrase before the verb."""
        s_start, _ = self.sentence_of(self.words[k].start)
        before = C.words(self.text, s_start, self.words[k].start)
        verb = self.words[k]
        if before and verb.folded != verb.bare and any(ch in "،,;؛" for ch in self._gap(before[-1].end, verb.start)):
            return None  # «…، وقالت إن»: a coordinated clause; its subject is the first clause's
        cut = 0
        for i, w in enumerate(before):
            if C.COMPLEMENTISER_RE.match(w.folded) or w.bare in _CONNECTORS or w.folded in _CONNECTORS:
                cut = i + 1
        phrase = [w for w in before[cut:] if w.folded not in ("قد", "كان", "كانت", "وكان", "وكانت")]
        if not (1 <= len(phrase) <= 10):
            return None
        if len(phrase) >= 3 and phrase[-1].folded in ("ما", "بما", "مما"):
            # «أدانت هيئة الطيران المدني بالإمارات، الاثنين، ما قالت إنه»: the subject of the
            # clause's first verb is the one who "said"
            j = self.word_index(phrase[1].start)
            sp = self._make_speaker(phrase[1].start, self._np_end(j, phrase[-1].start))
            if sp is not None and (phrase[1].bare in C.ORGANIZATION_HEADS | C.TITLE_WORDS | C.ANONYMOUS_HEADS
                                   or sp.kind in ("person", "organization")):
                return sp
        head = phrase[0]
        ents = [e for e in self.entities if phrase[0].start <= e.start and e.end <= phrase[-1].end
                and e.type in ("PERS", "ORG", "LOC") and not self._governed(e)]
        after_kana = len(before) > len(phrase) and before[cut].bare in ("كان", "كانت") and len(phrase) <= 3
        if not ents and not after_kana and not (head.bare in C.TITLE_WORDS or head.bare in C.ORGANIZATION_HEADS
                                                or head.bare in C.ANONYMOUS_HEADS):
            return None
        if self.inside_segment(head.start) or self.inside_quote(head.start):
            return None
        if ents:
            pers = [e for e in ents if e.type == "PERS"]
            e = (pers or ents)[0]
            return self._make_speaker(e.start, e.end)
        end = phrase[-1].end
        if not self.entities and head.bare in C.TITLE_WORDS:
            name_end = self._appositive_name(head.start, end)
            if name_end is not None:
                end = name_end
        return self._make_speaker(head.start, end)

    def _relay_speaker(self, zone: tuple[int, int], verb: Word | None = None) -> _Speaker | None:
        zw = C.words(self.text, *zone)
        markers = ("عن", "من", "في") if verb is not None and verb.bare == C.fold("جاء") else ("عن", "من")
        for i, w in enumerate(zw):
            if w.folded in markers and i + 1 < len(zw):
                j = self.word_index(zw[i + 1].start)
                return self._make_speaker(zw[i + 1].start, self._np_end(j, zone[1]))
        if verb is not None and verb.bare in (C.fold("نسب"), C.fold("نسبت")):
            for i, w in enumerate(zw):
                if i > 0 and w.folded.startswith("لل") and len(w.folded) > 4:  # «نسبت الصحيفة للشيخ راشد»
                    j = self.word_index(w.start)
                    return self._make_speaker(w.start + 1, self._np_end(j, zone[1]))
        return self._zone_speaker(zone)

    def _before_speaker(self, k: int) -> _Speaker | None:
        """«وكان الوزير قد قال إن»: an entity just before the verb in the same sentence."""
        s_start, _ = self.sentence_of(self.words[k].start)
        cands = [e for e in self.entities if s_start <= e.start and e.end <= self.words[k].start
                 and e.type in ("PERS", "ORG", "LOC")]
        if not cands:
            return None
        e = cands[-1]
        between = C.words(self.text, e.end, self.words[k].start)
        if len(between) > 1 or any(b.folded not in ("قد",) for b in between):
            return None
        verb = self.words[k]
        if any(ch in "،,;؛" for ch in self._gap(e.end, verb.start)) or verb.folded != verb.bare:
            return None  # «أيدت المحكمة … في بلجيكا، وقالت إن»: a new clause, the entity is no subject
        return self._make_speaker(e.start, e.end)

    def _subject_before(self, s_start: int, pos: int) -> _Speaker | None:
        """Subject of a clause ending in a participle cue: last PERS/ORG before it."""
        cands = [e for e in self.entities if s_start <= e.start and e.end <= pos
                 and e.type in ("PERS", "ORG") and not self.inside_segment(e.start)]
        if cands:
            pers = [e for e in cands if e.type == "PERS" and not self._governed(e)] or \
                [e for e in cands if e.type == "PERS"]
            e = pers[0] if pers else cands[-1]  # «وردد الأمير زيد … تحذيرات غوتيريس، مضيفا»: the subject
            return self._make_speaker(e.start, e.end)
        # no entities: the noun phrase after a sentence-initial verb
        sw = C.words(self.text, s_start, pos)
        if len(sw) >= 2:
            j = self.word_index(sw[1].start)
            end = self._np_end(j, pos)
            sp = self._make_speaker(sw[1].start, end)
            if sp is not None and sp.kind in ("anonymous", "organization") or (sp and sw[1].bare in C.TITLE_WORDS):
                return sp
        return None

    def _subject_in_sentence(self, pos: int) -> _Speaker | None:
        """«أيدت المحكمة … ، وقالت إن»: an earlier subject of the same sentence."""
        s_start, _ = self.sentence_of(pos)
        if not C.words(self.text, s_start, pos):
            return None
        if self.entities:
            cands = [e for e in self.entities if s_start <= e.start and e.end <= pos and e.type in ("PERS", "ORG")
                     and not self.inside_segment(e.start) and not self.inside_quote(e.start)]
            if cands:
                return self._make_speaker(cands[0].start, cands[0].end)
        for w in C.words(self.text, s_start, pos):
            if self.inside_quote(w.start) or self.inside_segment(w.start):
                break
            if w.bare in C.ORGANIZATION_HEADS or w.bare in C.ANONYMOUS_HEADS or w.bare in C.TITLE_WORDS:
                j = self.word_index(w.start)
                return self._make_speaker(w.start, self._np_end(j, pos))
        return None

    def _governed(self, ent: Entity) -> bool:
        """Is the mention the object of a preposition or an attribution («لفرانس برس»، «بحسب رويترز»)?

        Such a mention names a channel or a topic, not the person whose words a later
        pronoun cue («وأوضحت قائلة») continues.
        """
        folded, canon = C.fold(ent.text), C.fold(ent.canonical or ent.text)
        if folded[:1] in ("ل", "ب") and not canon.startswith(folded[:1]):
            return True
        before = C.words(self.text, max(0, ent.start - 30), ent.start)
        return bool(before) and (before[-1].bare in C.ATTRIBUTION_CUES or before[-1].folded in _PREPOSITIONS
                                 or before[-1].folded in ("عن", "لـ", "ل"))

    def _resolve_pronoun(self, pos: int) -> _Speaker | None:
        """Previous speaker, or a person mentioned (outside quotes) more recently than it."""
        pers = [e for e in self.entities if e.type == "PERS" and e.end <= pos and not self._governed(e)
                and not self.inside_quote(e.start) and not self.inside_segment(e.start)]
        cand = None
        if pers and (self.last_speaker is None or pers[-1].start > self.last_speaker_at):
            e = pers[-1]
            sp = self._make_speaker(e.start, e.end)
            if sp is not None:
                cand = sp
        if cand is None and self.last_speaker is not None:
            cand = self.last_speaker
        if cand is None:
            return None
        return _Speaker(cand.text, cand.start, cand.end, "pronoun", cand.entity)

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
                if q.start < p.end and (q.end <= p.end):
                    continue  # contained: keep the earlier, larger quote
            out.append(q)
        self.quotes = out
