"""Attribution cues: «بحسب»، «وفقا لـ»، «حسبما قال»، «نقلا عن» name a source, not a verb.

A fronted attribution covers the rest of its sentence; one that trails or is set off by commas
covers the clause before or around it.  The source is the noun phrase after the cue (a
definite phrase stops at its first indefinite word, a title phrase may close in the person's
name); «بحسب ما قالوا» points back to the plural subject of the clause; a source's words in
marks filling the rest of the sentence are a direct quote.
"""

from __future__ import annotations

from marsad.extract import cues as C
from marsad.extract.cues import TRIM, Word, strip_punct
from marsad.extract.quote_base import QuoteBase
from marsad.extract.quote_words import _OWN_WORDS, _RELATIVE_PRONOUNS, MIN_CUED_WORDS
from marsad.extract.speakers import _channel, _Speaker

_CAME_IN = frozenset(C.fold(w) for w in ("ورد", "جاء"))
# documents that «بحسب/وفقا لـ» can cite as the source of a clause (the law article of fresh3)
_DOCUMENT_SOURCES = frozenset(C.fold(w) for w in (
    "قانون", "دستور", "تقرير", "دراسة", "إحصائية", "احصائية", "فيديو", "وثيقة", "مرسوم", "قرار", "اتفاقية",
    "بيانات", "أرقام", "نتائج", "استطلاع", "مسح", "إحصاءات", "احصاءات", "إحصائيات", "احصائيات", "تقديرات",
    "معطيات", "تقارير"))


_NORMS = frozenset(C.fold(w) for w in ("قانون", "دستور", "مرسوم", "قرار", "اتفاقية", "اتفاق"))


def _source_noun(bare: str, after_li: bool) -> str:
    """The noun of «وفقا لنتائج»، «بحسب الإحصاءات»، «وفقا للتقديرات» without its article and the
    glued لـ (Round 41: the list was matched against «لنتائج»)."""
    if after_li:
        noun = bare[2:] if bare.startswith("لل") else bare[1:] if bare.startswith("ل") else bare.removeprefix("ال")
        # «وفقا للقانون السوري»، «وفقا للاتفاقية»: in accordance with a rule — no source of news
        return "" if noun in _NORMS else noun
    return bare.removeprefix("ال")
_INSET_MARKS = ("،", ",", "-", "–", "—")
# Round 41: «وفقا لما نشرته وكالة الأنباء السورية»، «بحسب ما أوردته الصحيفة»: publishing names the source too
_PUBLISHED = frozenset(C.fold(w) for w in ("نشر", "نشرت", "نشرته", "أورد", "أوردت", "بث", "بثت", "روى", "روت",
                                           "كتب", "كتبت"))
# what «بحسب ما … » may be followed by before its subject: speech, relay and publishing verbs
_REPORTING_STEMS = frozenset(C.SPEECH_VERBS) | C.RELAY_VERBS | _PUBLISHED
# Round 20: prepositions of the occasion after «بحسب ما صرح به»: no subject follows the verb
_OCCASION_PREPS = frozenset(C.fold(w) for w in ("في", "خلال", "عبر", "مع", "أمام", "لدى"))
_CONTRAST_HEADS = frozenset(C.fold(w) for w in ("إلا", "الا", "لكن", "ولكن", "غير", "بينما", "فيما"))


class AttributionCues(QuoteBase):
    """Source attributions («بحسب»، «وفقا لـ» …) and the clause each one covers."""

    def _after_addressee(self, j: int, s_end: int) -> int | None:
        """Round 11: when the words after «بحسب ما أكده» name whom it was told to («لمراسلة
        الجوهرة أف أم»، «لرويترز») and a comma closes that phrase, the source is the word after
        the comma; ``None`` when word ``j`` is no addressee or no comma follows in the sentence."""
        w = self.words[j]
        if not (_channel(w.bare) or self._addressee_name(w)):
            return None
        for k in range(j + 1, min(len(self.words), j + 8)):
            if self.words[k].start >= s_end:
                return None
            if "،" in self._gap(self.words[k - 1].end, self.words[k].start) \
                    or "," in self._gap(self.words[k - 1].end, self.words[k].start):
                return k
        return None

    def _closing_verb_subject(self, verb: Word, s_start: int, cue_at: int) -> _Speaker | None:
        """The subject a sentence-final «بحسب ما قال(وا)» points back to: for a plural verb the
        plural subject of the clause (or a nominative plural «المتظاهرون»), else the clause's
        subject."""
        if not verb.bare.endswith("وا"):
            return self._subject_in_sentence(cue_at)
        subject = self._plural_subject(s_start, cue_at)
        for x in C.words(self.text, s_start, cue_at):
            if subject is None and x.bare.startswith("ال") and x.bare.endswith("ون") \
                    and len(x.bare) > 5:  # «وكان المتظاهرون غاضبين»: a nominative plural
                subject = self._make_speaker(x.start, x.end)
        return subject

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
        relative_verb = False
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
                if k2 >= len(self.words) or self.words[k2].start >= s_end:
                    # «…، بحسب ما قالوا.» / Round 24: «طلب وزير الخارجية …، بحسب ما قاله.»: the verb
                    # closes the sentence, so its own pronoun is the source — the subject of the
                    # clause it is attached to (the next sentence's first words are no source)
                    subject = self._closing_verb_subject(verb_w, s_start, w.start)
                    start, end = strip_punct(self.text, s_start, w.start)
                    if subject is None or len(C.words(self.text, start, end)) < 3:
                        return None
                    self._add(start, end, "reported", w, subject, cue_end=verb_w.end)
                    return k2
                j = k2
                np_start = self.words[j].start
                relative_verb = True
                after = self._after_addressee(j, s_end)
                if after is not None:  # Round 11: «بحسب ما أكده لمراسلة الجوهرة أف أم، خميس قسيلة، …»
                    j, np_start = after, self.words[after].start
        np_end = self._definite_np_end(j, self._np_end(j, s_end))
        speaker = self._make_speaker(np_start, np_end, require_source=True)
        after_verb = relative_verb or w.bare in (C.fold("حسبما"), C.fold("كما"))
        told_last = after_verb and (_channel(self.words[j].bare) or self._addressee_name(self.words[j])) \
            and self.text[np_end:s_end].strip(TRIM + "\"»”") == ""
        if told_last or relative_verb and (self.words[j].folded in C.SPEAKER_STOP
                                           or self.words[j].folded in _OCCASION_PREPS):
            # Round 20: «…، بحسب ما صرح به في مقابلة مع وكالة فرانس برس»: the verb has no subject
            # of its own (a preposition follows it); its pronoun is the person the clause is about;
            # Round 24: so too when only whom it was told to closes the sentence («حسبما قال لـCNN.»)
            subject = self._subject_in_sentence(w.start)
            if subject is not None and (subject.kind == "person" or told_last):
                speaker = subject
            elif told_last:
                speaker = self._resolve_pronoun(w.start)
        if C.fold(self.text[np_start:self.words[j].end]) in _OWN_WORDS:
            # Round 15: «"…"، وفقا لتعبيره»: "in his words" — the pronoun is the speaker in focus
            speaker = self._resolve_pronoun(w.start)
        if speaker is None and _source_noun(self.words[j].bare, np_start > self.words[j].start) in _DOCUMENT_SOURCES:
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
        answer = next((x for x in C.words(self.text, np_start, s_end)[:8] if x.folded.startswith(("فان", "فإن"))), None)
        if not cue_at_start and w.folded[:1] == "و" and answer is not None \
                and self.text[s_start:w.start].rstrip().endswith(("،", ",")):
            # Round 11: «…، وبحسب ممثلي الادعاء فإن التوصية …»: و + attribution after a comma,
            # answered by «فإن», fronts the clause that follows it, not the one before
            source = self._make_speaker(np_start, answer.start)
            start, end = strip_punct(self.text, answer.end, s_end)
            if source is None or len(C.words(self.text, start, end)) < 3:
                return None
            self._add(start, end, "reported", w, source, cue_end=self.words[j - 1].end if j - 1 > k else w.end)
            return self.word_index(answer.start)
        closes_previous = self._closes_previous(s_start, np_end, s_end) if cue_at_start else None
        if closes_previous is not None:
            start, end = closes_previous
        elif cue_at_start:
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

    def _closes_previous(self, s_start: int, np_end: int, s_end: int) -> tuple[int, int] | None:
        """Round 41: «طلبت سفارة ألمانيا … تفسيرا لغلق مدرسة. بحسب فرانس برس.»: an attribution that
        opens a sentence and is the whole of it (its source, perhaps a title in apposition, and no
        clause of its own) closes the sentence before it, in the same paragraph."""
        rest = C.words(self.text, np_end, s_end)
        if len(rest) > 6 or (rest and ("،" in self._gap(np_end, rest[0].start) or any(
                C.COMPLEMENTISER_RE.match(x.folded) or x.bare in C.SPEECH_VERBS for x in rest))):
            return None
        if rest and not rest[0].bare.startswith(("ال", "لل")) and self._verb_initial(rest[0]):
            return None  # «وبحسب الشرطة قتل شخصان.»: a verb after the source opens the attribution's own clause
        before = self.text[:s_start].rstrip()
        if not before.endswith(".") or "\n" in self.text[len(before):s_start]:
            return None
        p_start, _ = self.sentence_of(len(before) - 1)
        start, end = strip_punct(self.text, p_start, len(before))
        if self.inside_quote(start) or any(q.start < end and start < q.end for q in self.quotes) or any(
                g.open < end and start <= g.close for g in self.segments):
            return None  # a quotation in marks there is the uncued-segment rule's to attribute
        return start, end

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
            if bare.endswith(suffix) and bare.removesuffix(suffix) in _REPORTING_STEMS:
                return True
        return False
