"""The passes after the cue scan: uncued quote marks, overlaps and joined fragments.

A stretch in marks that no cue introduced is a quote only when a cue follows it or it is a
whole-paragraph continuation of the previous speaker.  Overlapping quotes are cut at the next
cue, and fragments of one quotation that a coordinating «و» split are joined back into one
quote, as are a finite cue's clause and the participle clause that continues it.  Two marked
stretches with a bare participle between them («"…"، مضيفا: "…"») stay two quotes (round 51:
the sets since fresh101 annotate 13 of 17 such pairs as two).
"""

from __future__ import annotations

from marsad.extract import cues as C
from marsad.extract.cues import Word, strip_punct
from marsad.extract.quote_attributions import AttributionCues
from marsad.extract.quote_openers import OpenerRules
from marsad.extract.quote_words import _OWN_WORDS, MIN_CUED_WORDS
from marsad.extract.speakers import _PREPOSITIONS
from marsad.model import Quote

MIN_UNCUED_WORDS = 5
_THUS = C.fold("هكذا")


class JoinRules(OpenerRules):
    """Uncued marks, overlap cutting and the joins run once the cue scan is done."""

    def _uncued_segments(self) -> None:
        for seg in self.segments:
            if seg.used or not seg.closed or any(q.start < seg.end and seg.start < q.end for q in self.quotes):
                continue  # an unclosed mark is a quote only when a cue introduces it
            n_words = len(C.words(self.text, seg.start, seg.end))
            if n_words < MIN_CUED_WORDS:
                continue
            after = C.words(self.text, seg.close + 1, min(len(self.text), seg.close + 200))
            gap = self._gap(seg.close + 1, after[0].start) if after else ""
            if n_words >= MIN_UNCUED_WORDS and self._thus_verb(after, gap):
                after = after[1:]  # Round 55: «"…".. هكذا رأى الرئيس عبدالفتاح السيسي»: "so said"
                gap = ""
            cue_taken = bool(after) and any(q.cue_start == after[0].start for q in self.quotes)
            if after and not cue_taken and n_words >= 3 and "\n" not in gap and "." not in gap and (
                    after[0].bare in C.SPEECH_VERBS or after[0].bare in C.ATTRIBUTION_CUES) \
                    and not self._via_after_mark(after, 0):
                _, s_end = self.sentence_of(after[0].start)
                j = self.word_index(after[0].end)
                if after[0].bare in (C.fold("حسبما"), C.fold("كما")) and j < len(self.words):
                    j += 1
                j, lam = self._past_relative_verb(j, s_end)
                if j < len(self.words) and self.words[j].folded not in C.SPEAKER_STOP \
                        and self.words[j].bare not in _PREPOSITIONS:
                    end = self._np_end(j, max(s_end, after[0].end + 1))
                    start = self.words[j].start + lam
                    speaker = self._make_speaker(start, end) if end > start else None
                    if C.strip_conj(self.words[j].folded).removeprefix("ل") in _OWN_WORDS:
                        speaker = self._speaker_before(seg.open)  # Round 15: «"…"، وفقا لتعبيره»
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
                # Round 44: this pass runs after the cue scan, so a last speaker later in the text
                # («… قالوا» three paragraphs on) is no guide; the quote just before continues
                speaker = self._speaker_before(seg.open) if self.last_speaker_at > seg.open else None
                self._add(seg.start, seg.end, "direct", None, speaker or self._resolve_pronoun(seg.open))

    def _thus_verb(self, after: list[Word], gap: str) -> bool:
        """Round 55: «"رمزية جميلة …".. هكذا رأى الرئيس …»، «"…". هكذا علق الوزير»: «هكذا» ("thus")
        and a speech verb right after a quotation name its speaker, across the full stop."""
        return len(after) >= 3 and "\n" not in gap and after[0].bare == _THUS and after[1].bare in C.SPEECH_VERBS

    def _past_relative_verb(self, j: int, s_end: int) -> tuple[int, int]:
        """Round 51: «"…،" وفقاً لما ذكره منسق الشؤون الإنسانية»، «وفقا لما ذكر ببيان للبيت الأبيض»:
        after «وفقا/بحسب» the source follows «(ل)ما» + the reporting verb (+ «به»), or the
        document after a passive verb's «بـ/في»; returns the index of the source's first word and
        how many letters of a clitic («ب») to skip in it."""
        if j >= len(self.words) or self.words[j].bare not in ("ما", "لما") \
                or j + 1 >= len(self.words) or not AttributionCues._speech_stem(self.words[j + 1].bare):
            return j, 0
        j += 2
        if j < len(self.words) and self.words[j].folded in ("به", "بها"):
            j += 1
        if j < len(self.words) and self.words[j].start < s_end:
            if self.words[j].folded == "في" and j + 1 < len(self.words):
                return j + 1, 0  # «وفقاً لما ذكر في وصف المقطع»
            if self.words[j].folded.startswith("ب") and len(self.words[j].folded) > 3 \
                    and self.words[j].folded[1:] in C.ORGANIZATION_HEADS:
                return j, 1  # «وفقاً لما ذكر ببيان للبيت الأبيض»: the statement
        return j, 0

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
