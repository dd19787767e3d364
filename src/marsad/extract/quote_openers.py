"""Openers: after a cue, where the speaker zone stops and the quoted words begin.

The zone after a speech verb runs to a complementiser («إن»، «أن»، «بأن»، «إلى أن»), a colon
or a quote mark.  A quoted name inside the zone («وكالة "وفا"») does not open the quote, a
temporal «قبل أن» or a modal noun («أهمية أن») does not make a complementiser speech, and a
long zone of comma-separated adjuncts may still close in «، إن».  Shouting and asking verbs
open only on a mark or colon close by.
"""

from __future__ import annotations

from marsad.extract import cues as C
from marsad.extract.cues import OPEN_MARKS, Segment, Word
from marsad.extract.quote_base import QuoteBase
from marsad.extract.quote_words import MAX_ZONE_WORDS, MIN_CUED_WORDS

# heads of adverbial clauses: after them أن is a subordinator, not «قال أن» — temporal («قبل أن»،
# «منذ أن»), concessive («رغم أنه») and, since round 27, «دون أن»/«بدون أن» ("without": «وقال - دون
# أن يسمي دولا - إن …»)
_ADVERBIAL_HEADS = frozenset(C.fold(w) for w in ("قبل", "بعد", "منذ", "حتى", "ريثما", "لدى", "عقب", "رغم", "برغم",
                                                   "دون", "بدون"))
_MODAL_NOUNS = frozenset(C.fold(w) for w in ("أهمية", "ضرورة", "وجوب", "إمكانية", "احتمال", "ضرورية",
                                              "مرجح", "محتمل", "متوقع", "ممكن", "مقرر", "مستبعد"))


# Round 30: «في تصريح لمراسل "الجوهرة اف ام"»، «في مقابلة مع شبكة "سي بي اس"»، «لدى "سي.إم.سي ماركتس"»: a
# short marked name after an outlet noun is where the words were given, not the words
_OUTLETS = ("مراسل", "مراسلة", "شبكة", "صحيفة", "قناة", "إذاعة", "مجلة", "وكالة", "موقع",
            # and a body, operation or work named by the marks («أعلن تحالف "دعم الشرعية"»، «عملية "غصن
            # الزيتون"»); Round 34: with ل too («وقال لبرنامج "صباح الخير بريطانيا" الخميس "…"»)
            "تحالف", "حزب", "حركة", "جمعية", "منظمة", "جماعة", "مؤسسة", "شركة", "عملية", "تنظيم", "مركز", "ائتلاف",
            "جبهة", "كتاب", "فيلم", "برنامج", "مسلسل", "حملة", "مبادرة", "مؤتمر", "ندوة",
            # Round 42: «وأضاف لراديو "أر.تي.إل" الفرنسي "…"»
            "راديو", "تلفزيون", "جريدة")
_OUTLET_NOUNS = frozenset(C.fold(lam + w) for w in _OUTLETS for lam in ("", "ل")) | frozenset(
    C.fold(w) for w in ("لدى", "بعنوان", "عنوان"))
MAX_OUTLET_NAME_WORDS = 4
_WHAT = frozenset(C.fold(w) for w in ("ما", "حسبما", "كما"))
# Round 28: «وقالت الوزارة في بيان "ندعو …" واصفة القرار بأنه "…"»: a participle of describing after
# the marks starts the narrator's next clause, so the marks were the statement, not a name in the zone
# (it is no cue itself: «واصفا إياه بـ"…"» characterises)
_DESCRIBING = frozenset(C.fold(w) for w in ("واصفا", "واصفة", "واصفين", "واصفاً", "واصفةً"))


def _abbreviation_dot(gap: str, before: str, after: str) -> bool:
    """Round 27: is ``gap`` a dot glued between two letters, inside an abbreviation («(بي.بي.سي)»)?
    Such a dot ends no sentence, so the speaker zone runs on; between digits («1269.46») it is a
    decimal point, which the zone may not cross (the number is the narrator's)."""
    return gap == "." and not (before.isdigit() or after.isdigit())


def _modal_noun(w: Word) -> bool:
    """Is the word a noun of necessity or possibility («أهمية»، «بضرورة») that takes its own أن?"""
    b = w.bare
    for pre in ("بال", "ال", "ب", "ل"):
        if b.startswith(pre) and b[len(pre):] in _MODAL_NOUNS:
            return True
    return b in _MODAL_NOUNS


class OpenerRules(QuoteBase):
    """Finds the opener of a cue and decides whether a quote mark ends its zone."""

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
                if ch in ".!?؟\n" and not _abbreviation_dot(gap, self.text[prev_end - 1], w.text[:1]):
                    return None
                if ch == ":":
                    return "colon", prev_end + off, prev_end + off + 1, j
                seg = self.segment_at(prev_end + off) if ch in OPEN_MARKS else None
                if seg is not None:
                    if self._named_after_lam(prev_end + off) or self._outlet_name(j, seg):
                        # Round 11: «للتحالف العربي لـ"دعم الشرعية في اليمن"»: a name after لـ, not speech
                        j = self.word_index(seg.close + 1)
                        prev_end = seg.close + 1
                        jumped = True
                        break
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
            after_dot = self.text[w.end + 1:w.end + 2]
            if gap == "." or self.text[w.end:w.end + 1] == "." and after_dot.isalpha() \
                    and _abbreviation_dot(".", w.text[-1:], after_dot):
                prev_end = w.end  # a letter group of an abbreviation («كي.سي.ان.ايه»): «ان» is no أن
                j += 1
                seen += 1
                continue
            if C.COMPLEMENTISER_RE.match(w.folded) and _modal_noun(self.words[j - 1]):
                return None  # «لافتا إلى أهمية أن يصدر …»: أن completes the noun, the verb has a noun object
            if C.COMPLEMENTISER_RE.match(w.folded) and self.words[j - 1].bare not in _ADVERBIAL_HEADS:
                return "comp", w.start, w.end, j + 1
            if w.folded in C.COMPLEMENTISER_PREPS and j + 1 < len(self.words):
                nxt = self.words[j + 1]
                if C.COMPLEMENTISER_RE.match(nxt.folded) and self._gap(w.end, nxt.start).strip() == "":
                    return "comp", w.start, nxt.end, j + 2
            prev_end = w.end
            j += 1
            seen += 1
        return None

    def _named_after_lam(self, mark: int) -> bool:
        """Round 11: is the quote mark at ``mark`` glued to a preceding «لـ»/«ل» («لـ"دعم الشرعية"»،
        «لـ"سكاي نيوز عربية"»)? The marks then set off a name governed by the preposition."""
        before = self.text[max(0, mark - 2):mark]
        return before.endswith("لـ") or (before.endswith("ل") and (len(before) < 2 or not before[0].isalpha()))

    def _outlet_name(self, j: int, seg: Segment) -> bool:
        """Round 30: do the marks opening before word ``j`` hold a name right after an outlet
        or body noun («لمراسل "الجوهرة اف ام"»، «شبكة "سي بي اس"»، «تحالف "دعم الشرعية"»)?"""
        if j == 0 or len(C.words(self.text, seg.start, seg.end)) > MAX_OUTLET_NAME_WORDS:
            return False
        before = self.words[j - 1]
        if before.folded in _OUTLET_NOUNS:
            return True
        # «…، وفق ما نقلت "فرانس برس"»: after «ما» + a verb of relaying the marks name the source
        return j > 1 and self.words[j - 2].folded in _WHAT and (
            before.bare in C.SPEECH_VERBS or before.bare in C.RELAY_VERBS)

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
        told = False  # a ل-outlet seen since the marks («… لوكالة بلومبرغ»)
        for i, w in enumerate(after[:MAX_ZONE_WORDS]):
            if any(ch in ".!?؟\n" for ch in self.text[seg.close:w.start]):
                return False
            if told and any(ch in OPEN_MARKS for ch in self._gap(after[i - 1].end, w.start)):
                # Round 34: «وقال جون كيلداف … "اغين كابيتال ال ال سي" في نيويورك، لوكالة بلومبرغ "نحن …"»:
                # marks opening after the outlet the words were told to hold the words; the first
                # marks were a name in the speaker zone
                return True
            told = told or (w.folded.startswith("ل") and w.folded in _OUTLET_NOUNS)
            if C.COMPLEMENTISER_RE.match(w.folded):
                # «يقول فيها "انتظري مكالمتي"، قبل أن يرسل …»: أن after a temporal
                # preposition opens an adverbial clause; the quotation closed the speech
                return not (i > 0 and after[i - 1].bare in _ADVERBIAL_HEADS)
            if not strict and w.folded in C.COMPLEMENTISER_PREPS:
                return True
            if strict and (w.bare in C.SPEECH_VERBS or w.bare in C.SPEECH_PARTICIPLES or w.folded in _DESCRIBING) \
                    and not self._via_after_mark(after, i):
                return False
            if i < 8 and ":" in self.text[seg.close:w.start]:  # also «لـ"رويترز" في رسالة: "…"»
                return True  # «في كلمة ضمن "مؤتمر ميونيخ للأمن" بألمانيا، الأحد: "…"»
        if strict:
            return False
        tail = self.text[seg.close + 1:seg.close + 150]
        return ":" in tail.split("\n")[0][:120] or any(m in tail[:120] for m in "«“\"")

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

    def _question_opener(self, k: int, max_words: int = 8) -> tuple[str, int, int, int] | None:
        """Round 10: the indirect question of an asking verb, «تساءل زعيمه … عما إذا كانت
        الوزيرة تريد …» («عن ما إذا» too): what was asked is reported speech, unlike «تساءل عن
        الأمر» (a plain object), so only «عما» followed by «إذا» opens it, within the sentence."""
        prev_end = self.words[k].end
        for j in range(k + 1, min(len(self.words) - 1, k + 2 + max_words)):
            w = self.words[j]
            if any(ch in ".!?؟\n:" or ch in OPEN_MARKS for ch in self._gap(prev_end, w.start)):
                return None
            nxt = self.words[j + 1]
            if w.folded == "عما" and nxt.folded == "اذا":
                return "comp", w.start, nxt.end, j + 2
            if w.folded == "عن" and nxt.folded == "ما" and j + 2 < len(self.words) \
                    and self.words[j + 2].folded == "اذا":
                return "comp", w.start, self.words[j + 2].end, j + 3
            prev_end = w.end
        return None

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
