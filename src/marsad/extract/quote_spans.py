"""Spans: where a quote that an opener started ends.

A quotation in marks ends at its closing mark; words after a colon run to the paragraph end
unless the narrator or the next dialogue turn takes over; a reported clause runs to the end
of its sentence but stops earlier where the narrator's voice resumes after a comma (a verb in
the cue's own form, «وذلك»، «لكنه»، «بينما» + speech verb, «بعدما» + a new statement), at a
trailing attribution («على حد تعبيره») or before a colon that introduces a direct quotation.
"""

from __future__ import annotations

import re

from marsad.extract import cues as C
from marsad.extract.cues import Segment, Word, strip_punct
from marsad.extract.quote_openers import OpenerRules
from marsad.extract.quote_words import _CONTRAST_WHILE, MIN_CUED_WORDS, SHORT_FRAGMENT_WORDS, _colon_only
from marsad.extract.speakers import _CONNECTORS, _KANA, _last_word

_TRAILING_ATTRIBUTION = re.compile(
    r"[،,]\s*(?:و)?(?:بحسب|حسب|وفقا|وفقاً|وفق|طبقا|نقلا|نقلاً|حسبما)\s"
    # «حسب تعبيره» closes the clause only before punctuation; mid-clause it hedges one word
    # («القرارات الخاطئة حسب تعبيره على غرار التوريد») and the quote goes on
    r"|\s(?:على حد|وفق|حسب)\s(?:تعبيره|تعبيرها|قوله|قولها|وصفه|وصفها|تعبيرهم)(?=\s*(?:[.،,؛:!?؟\n\"»”]|$))")
# words that close a quoted clause rather than continue it: «"…" على حد تعبيره»، «"…" وفق قوله»
_CLAUSE_CLOSERS = frozenset(C.fold(w) for w in ("على", "وفق", "حسب", "بحسب", "كما", "وفقا", "وذلك", "في", "خلال"))
# after a comma inside a reported clause these connectors give the narrator's comment or
# contrast («، وذلك في أول رد»، «، بينما تؤكد أنقرة»، «، ولكنه شكر»)
_NARRATOR_CONNECTORS = frozenset(C.fold(w) for w in (
    "وذلك", "ولكنه", "ولكنها", "لكنه", "لكنها", "ولكنهم", "لكنهم"))
_PURPOSE = frozenset(C.fold(w) for w in ("بهدف", "بغية", "لغرض", "سعيا"))
_QAD_AND = frozenset(C.fold(w) for w in ("وقد", "فقد"))
# plain verbs of saying: after «، وقد» they attribute anew («وقد أبلغ القائد البرج بوجود عطل»، «وقد
# اعترف بعضهم بأنهم …» are events inside the reported clause)
_PLAIN_SAYING = frozenset(C.fold(v) for v in ("قال", "أكد", "أوضح", "صرح", "أفاد", "ذكر"))
_TIME_CLAUSE = frozenset(C.fold(w) for w in ("بعدما", "وبعدما"))
LONG_FRAGMENT_WORDS = 6
# the preposition a participle of speech governs its clause with («مشيرا إلى أن»، «مشددا على أن»)
_PARTICIPLE_PREPS = frozenset(C.fold(w) for w in ("إلى", "على"))


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


class SpanRules(OpenerRules):
    """Turns an opener into a quote span and finds where reported clauses end."""

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
        elif self.text[pos:pos + 3] == '" "' and self.segment_at(pos + 2) is not None:
            pos += 2  # «وقال لافروف: " "لكي …"»: the same with a space between
        seg = self.segment_at(pos) if pos < len(self.text) else None
        if seg is not None and kind == "comp" and self._clause_goes_on(seg):
            return self._reported_span(seg.start, cue)  # «قال إن "خطأ مهنيا" من جانب الطاقم كان وراء …»
        if seg is not None:
            seg.used = True
            return seg.start, seg.end, "direct"
        if kind == "colon":
            end = self.paragraph_end(pos)
            bracketed = self._bracketed_after_colon(pos, end)
            if bracketed is not None:
                return bracketed
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
            end = self._speaker_named_again(pos, end)
            return pos, end, "direct"
        if kind == "mark":
            return None
        return self._reported_span(pos, cue)

    def _speaker_named_again(self, pos: int, end: int) -> int:
        """Round 59: «ورد خامنئي بالقول: نحن لا نريد الحرب، ولن نبدأها. وجعل خامنئي بدلا من الكلمات
        صورة …»: words after a colon with no marks run to the paragraph end, but nobody names
        himself in the third person — a later sentence that names a person of the cue's
        sentence is the narrator's again, and the quotation ends before it."""
        s_start, _ = self.sentence_of(max(0, pos - 2))
        names = {_last_word(e) for e in self.entities
                 if e.type == "PERS" and s_start <= e.start and e.end <= pos}
        if not names:
            return end
        for s, _ in self.sents:
            if pos < s < end and any(e.type == "PERS" and _last_word(e) in names and s <= e.start < end
                                     and self.sentence_of(e.start)[0] == s for e in self.entities):
                cut = strip_punct(self.text, pos, s)[1]
                return cut if len(C.words(self.text, pos, cut)) >= MIN_CUED_WORDS else end
        return end

    def _bracketed_after_colon(self, pos: int, end: int) -> tuple[int, int, str] | None:
        """Round 40: «فقال: (صنع الريح من ماء الزرد) وانتظر أن يكمل الوزير» — a saying or a
        line of verse in parentheses right after the colon is the whole quotation when the
        narrator's sentence goes on after the closing bracket (punctuation, or a new و/ف clause);
        otherwise the words after the colon run on as usual."""
        if self.text[pos:pos + 1] != "(":
            return None
        close = self.text.find(")", pos + 1, end)
        if close < 0 or "(" in self.text[pos + 1:close] or len(C.words(self.text, pos + 1, close)) < 2:
            return None
        after = self.text[close + 1:end].lstrip(" \t")
        if after and after[0] not in ".!?؟،,؛" and after[0] not in "وف":
            return None
        return pos + 1, close, "direct"

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
            if w.start - pos <= 10 or self.inside_segment(w.start):
                continue
            after_comma = any(c in "،,؛;" for c in gap)
            if self._own_quotation(w, after_comma) and self._participle_quotation(w, end):
                # Round 27: «قالت إن …، مشيرة إلى أنها "أكبر عملية طرد …"»: the participle opens a
                # quotation of its own that closes the sentence — a direct quote
                return strip_punct(self.text, pos, w.start)[1]
            if not after_comma:
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
            if w.folded in _QAD_AND and nxt and nxt[0].folded == nxt[0].bare \
                    and C.fold(C.SPEECH_VERBS.get(nxt[0].bare, "")) in _PLAIN_SAYING:
                # Round 27: «لاحظت العالمتان أن …، وقد أكدت الباحثتان أن …»: «وقد» + a speech verb
                # after a comma is the narrator's next attribution, not the speaker's words
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

    def _own_quotation(self, w: Word, after_comma: bool) -> bool:
        """Can ``w`` open a quotation of its own inside a reported clause? A participle of speech
        after a comma can (round 27); round 30: so can a participle or «بالقول» with a colon and no
        comma before it («مشيرة إلى ان الأهم هو صحة الفتيات قائلة: "هذا يعني …"»، «… قبل أن يستطرد
        بالقول: "…"»)."""
        if after_comma:
            return w.bare in C.SPEECH_PARTICIPLES
        return (w.bare in C.SPEECH_PARTICIPLES or w.bare in C.SAYING_MASDARS) \
            and self.text[w.end:w.end + 2].lstrip().startswith(":")

    def _participle_quotation(self, participle: Word, end: int) -> bool:
        """Does ``participle`` («مؤكدا»، «مشيرا إلى أن»، «مضيفا أنه») introduce words in marks
        that open right after it (or its complementiser) and close the clause at ``end``?

        The gold convention (and 64 of the 74 such participles annotated in the open sets):
        when a quote mark follows the complementiser directly and closes the clause, the
        quotation is *direct*, a quote of its own beside the reported clause before the
        comma."""
        ws = C.words(self.text, participle.end, end)[:3]
        i = 1 if ws and ws[0].folded in _PARTICIPLE_PREPS else 0
        if i < len(ws) and C.COMPLEMENTISER_RE.match(ws[i].folded):
            after = ws[i].end
        elif i == 0:
            after = participle.end
        else:
            return False
        lead = len(self.text[after:end]) - len(self.text[after:end].lstrip(" :"))
        seg = self.segment_at(after + lead)
        if seg is None or not seg.closed or len(C.words(self.text, seg.start, seg.end)) < 2:
            return False
        # the marks must close the sentence, not only the clause a trailing «على حد تعبيرها»
        # already cut: «لافتا على أن "التشكيلات الإرهابية" على حد تعبيرها، مستمرة …» goes on
        _, s_end = self.sentence_of(participle.start)
        return not C.words(self.text, seg.close + 1, max(end, s_end, seg.close + 1))

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

    def _cue_ahead(self, start: int, end: int, n: int) -> bool:
        """Is one of the ``n`` words after ``start`` (past «كان» or «قد») a speech verb?"""
        ws = C.words(self.text, start, end)[:n]
        return any(x.bare in C.SPEECH_VERBS and x.bare not in C.IMPERSONAL for x in ws)
