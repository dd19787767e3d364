"""Turns: the subject a speech verb takes from context when its zone names nobody.

In a dialogue «ثم قال» continues the subject of its clause and «فرد:» or «فقال له» answers
the last speaker, so the speaker is the other party; a verb after an agreeing relative pronoun
(«الفرقة التي تقول إن») has the antecedent as subject; a plural verb joined by و continues a
human plural subject; a participle that disagrees with the cue verb speaks for the reported
clause's own subject.  These are grammatical links, so they run before the generic
pronoun resolution of :mod:`~marsad.extract.speakers`.
"""

from __future__ import annotations

from marsad.extract import cues as C
from marsad.extract.cues import Word
from marsad.extract.quote_base import QuoteBase
from marsad.extract.quote_words import _QUANTITY_HEADS, _RELATIVE_PRONOUNS, _colon_only
from marsad.extract.speakers import _HIS_SAYING, _HUMAN_BROKEN_PLURALS, _IN_IT, _PRONOUN_PREP, _Speaker
from marsad.model import Entity

# Round 9: groups that speak for themselves in a relative clause («الفرقة التي تقول إنها …»)
_SECT_HEADS = frozenset(C.fold(w) for w in ("فرقة", "طائفة", "ميليشيا", "ميليشيات", "عصابة", "قبيلة", "عائلة",
                                            "أسرة", "جالية", "أقلية"))


# Round 11: words spelt with a leading «ال» that are no definite noun («إلى» folds to «الي»)
# Round 20: statements a relative clause «التي قال فيها» can hang on
_SPEECH_NOUNS = frozenset(C.fold(w) for w in ("تصريحات", "تصريح", "حديث", "مقابلة", "كلمة", "خطاب", "تغريدة",
                                               "تغريدات", "رسالة", "مداخلة", "حوار", "بيان", "التصريحات",
                                               "الحديث", "المقابلة", "الكلمة", "الخطاب", "الحوار",
                                               "البيان", "التغريدة", "الرسالة"))  # Round 35: definite forms
_NOT_DEFINITE = frozenset(C.fold(w) for w in ("إلى", "إلا", "الذي", "التي", "الذين", "اللذين", "اللتين", "الآن"))
# Round 41: texts whose wording «جاء فيه» quotes (indefinite forms; ال and a preposition are taken off)
_DOCUMENT_NOUNS = _SPEECH_NOUNS | frozenset(C.fold(w) for w in (
    "ملخص", "مقال", "مقالة", "تقرير", "نص", "وثيقة", "بلاغ", "كتاب", "قرار", "تدوينة", "منشور", "توضيح",
    "رد", "إعلان", "نداء", "موضوع", "تعميم", "مذكرة", "برقية", "منشورات", "تقارير"))
_OWN = frozenset(C.fold(w) for w in ("له", "لها", "لهم"))
# the passive "was asked" and «عند سؤاله» ("on his being asked"): the asked person is the subject
_ASKED = frozenset(C.fold(w) for w in ("سئل", "سئلت", "سئلوا", "سؤاله", "سؤالها", "سؤالهم"))


def _speech_noun_stem(w: Word, prefixed: bool = True) -> bool:
    """Round 55: a speech noun in any form: «بيان»، «البيان»، «بيانًا»، and with ``prefixed`` «بتغريدة»."""
    bare = C.strip_conj(w.bare)
    for b in (bare, bare[1:] if prefixed and bare[:1] in "بل" else ""):
        if b in _SPEECH_NOUNS or b.endswith("ا") and b[:-1] in _SPEECH_NOUNS:
            return True
    return False


def _relative_agrees(relative: str, verb: Word) -> bool:
    """Does the speech verb right after a relative pronoun (folded, without «و») agree with it, so
    that the pronoun is its subject? «التي قالت»، «الذي قال»، «الذين قالوا» do; «الأسلحة التي قال
    إنها …» does not (the verb has another subject)."""
    v = verb.folded
    feminine = v.startswith("ت") or v.endswith("ت")
    plural = v.endswith(("وا", "ون"))
    return {C.fold("التي"): feminine and not plural, C.fold("الذي"): not feminine and not plural,
            C.fold("الذين"): plural}.get(relative, False)


class TurnRules(QuoteBase):
    """Speakers that a cue with no subject in its zone takes from the surrounding text."""

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
        subject = next((x for x in clause[1:] if x.bare.startswith("ال") and not _PRONOUN_PREP.match(x.folded)
                        and x.folded not in _NOT_DEFINITE), None)
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

    def _asked_party(self, k: int) -> _Speaker | None:
        """Round 43: «وسئل ماتيس عما إذا … فأجاب "لا أبداً"»، «وعندما سئلت إن كانت الولايات المتحدة …
        أجابت "نعم"»: after a passive "was asked" in the same sentence the answer's subject is the
        one asked — the name right after the passive, else the pronoun's person — never a noun of
        the question («الولايات المتحدة») nor the other party of a dialogue."""
        w = self.words[k]
        s_start, _ = self.sentence_of(w.start)
        if not C.words(self.text, s_start, w.start) and s_start > 0:
            # Round 46: «وقد سئل ترامب … عام 2016.» then «فأجاب "…"»: an answer that opens its
            # sentence answers the question of the sentence before
            s_start = next((s for s, e in reversed(self.sents) if e <= s_start), s_start)
        asked = [x for x in C.words(self.text, s_start, w.start) if C.strip_conj(x.folded) in _ASKED]
        if not asked:
            return None
        after = next((e for e in self.entities if e.type == "PERS" and e.start > asked[0].end
                      and not self.text[asked[0].end:e.start].strip()), None)
        if after is not None:
            return self._make_speaker(after.start, after.end)
        # Round 55: «وقال بولتون عندما سئل عن … قمة ترامب وبوتين …، أجاب: "…"»: the one asked is the
        # subject named before the passive in the same sentence, not the last name of the question
        return self._subject_in_sentence(asked[0].start) or self._resolve_pronoun(w.start)

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

    def _named_antecedent(self, k: int, zone_words: list[Word]) -> _Speaker | None:
        """Round 51: «وزير الخارجية البريطانية، بوريس جونسون، والذي قال إن»، «هيئة مكافحة التمييز،
        التي قالت بأن»، «سيرغي لافروف، الذي أضاف قوله:»: a speech verb right after a relative
        pronoun it agrees with, whose antecedent is a person or body named right before the
        pronoun (a comma may set the relative clause off), has that name as its subject — before
        any subject of the sentence's main verb. Only «فيه/فيها» or «قوله» may stand after the verb."""
        if k < 2:
            return None
        rel, verb = self.words[k - 1], self.words[k]
        bare = C.strip_conj(rel.bare)
        if bare not in _RELATIVE_PRONOUNS or self._gap(rel.end, verb.start).strip() or len(zone_words) > 1 \
                or zone_words and zone_words[0].folded not in _IN_IT and zone_words[0].bare not in _HIS_SAYING:
            return None
        if not _relative_agrees(bare, verb):
            return None
        ent = next((e for e in self.entities if e.end <= rel.start and e.type in ("PERS", "ORG")
                    and self.text[e.end:rel.start].strip(" \t،,") == ""), None)
        return self._make_speaker(ent.start, ent.end) if ent is not None else None

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
        if not _relative_agrees(rel.bare, verb) \
                or any(ch in "،,.:!?؟\n" for ch in self._gap(self.words[k - 2].end, rel.start)):
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

    def _speech_noun_owner(self, k: int, zone_words: list[Word]) -> _Speaker | None:
        """Round 20: «انتقد … تصريحات أستاذ القانون الدستوري أمين محفوظ لجريدة … والتي قال فيها
        إن …»: a speech verb right after a relative pronoun, with only «فيها/فيه» after it, speaks
        of the statement the relative clause hangs on — the speaker is the person named as that
        speech noun's genitive (within a few words after it, in the same sentence)."""
        if k < 1 or len(zone_words) != 1 or zone_words[0].folded not in _IN_IT:
            return None
        s_start, _ = self.sentence_of(self.words[k].start)
        if C.strip_conj(self.words[k - 1].bare) not in _RELATIVE_PRONOUNS:
            return self._statement_poster(k, s_start)
        before = [w for w in self.words[max(0, k - 20):k - 1] if w.start >= s_start]
        for i in range(len(before) - 1, -1, -1):
            if C.strip_conj(before[i].bare) not in _SPEECH_NOUNS:
                continue
            window_end = before[min(i + 7, len(before) - 1)].end
            person = next((e for e in self.entities if e.type == "PERS"
                           and before[i].end <= e.start and e.end <= window_end), None)
            if person is None and i + 1 < len(before) and before[i + 1].bare in C.TITLE_WORDS:
                # Round 35: «تصريحات الرئيس التركي والتي قال فيها»: a title as the noun's genitive
                j = self.word_index(before[i + 1].start)
                return self._make_speaker(before[i + 1].start, self._np_end(j, self.words[k - 1].start))
            return self._make_speaker(person.start, person.end) if person is not None else None
        return None

    def _relative_statement_owner(self, k: int, zone_words: list[Word]) -> _Speaker | None:
        """Round 35: «ونقلت وكالة الأناضول تصريحات الرئيس التركي والتي قال فيها "…"»: with a relative
        pronoun right before the verb and only «فيها» after it, the statement noun's owner speaks
        (:meth:`_speech_noun_owner`), before any subject of the sentence's relaying verb."""
        if k < 1 or C.strip_conj(self.words[k - 1].bare) not in _RELATIVE_PRONOUNS:
            return None
        return self._speech_noun_owner(k, zone_words)

    def _document_noun(self, w: Word) -> int | None:
        """Offset where the document noun in ``w`` starts («بيان»، «البيان»، «بتوضيح» → «توضيح»),
        or None when ``w`` names no document."""
        bare = C.strip_conj(w.bare)
        exact = len(w.text) == len(w.folded)  # no diacritics or tatweel: folded offsets are the text's
        if bare.endswith("ا") and bare[:-1] in _DOCUMENT_NOUNS:
            return w.end - len(bare) if exact else w.start  # «نشرت مقالا جاء فيه»: the accusative ending
        for prefix in ("بال", "وال", "ال", "ب", ""):
            if bare.startswith(prefix) and bare[len(prefix):] in _DOCUMENT_NOUNS:
                skip = len(prefix) - (2 if prefix.endswith("ال") else 0)
                return w.end - len(bare) + skip if exact else w.start
        return None

    def _document_owner(self, k: int) -> _Speaker | None:
        """Round 41: «جاء ذلك في ملخص للبنتاغون مقدم للكونغرس، وجاء فيه: "…"»، «وكانت الوزيرة قد نشرت
        تغريدة لها جاء فيها "…"»، «بينها مقال حمل عنوان "…" جاء فيه:»: «جاء فيه» ("in it came")
        quotes a text named just before — its owner speaks: the organisation or person after
        «لـ» or as its genitive, the sentence's subject when the text is «لها» (their own), the
        statement's author in focus after «جاء ذلك في بيان», the subject that issued it («أصدر مكتب
        الرئاسة بيانا جاء فيه»); else the text itself speaks."""
        s_start, _ = self.sentence_of(self.words[k].start)
        before = [w for w in self.words[max(0, k - 15):k]
                  if w.start >= s_start and not self.inside_segment(w.start) and not self.inside_quote(w.start)]
        for i in range(len(before) - 1, -1, -1):
            at = self._document_noun(before[i])
            if at is None:
                continue
            nxt = before[i + 1] if i + 1 < len(before) else None
            if nxt is not None and nxt.folded in _OWN:
                return self._subject_in_sentence(before[i].start) or self._resolve_pronoun(s_start)
            window_end = before[min(i + 3, len(before) - 1)].end
            owner = next((e for e in self.entities if e.type in ("PERS", "ORG") and before[i].end <= e.start
                          and e.end <= window_end and not self.inside_segment(e.start)), None)
            if owner is not None:
                return self._make_speaker(owner.start, owner.end)
            clause = C.words(self.text, s_start, before[i].start)
            if len(clause) >= 2 and clause[0].bare == C.fold("جاء") and clause[1].bare in (
                    C.fold("ذلك"), C.fold("هذا")):
                focus = self._resolve_pronoun(s_start)
                if focus is not None:
                    return focus
            issuer = self._subject_in_sentence(before[i].start) if len(clause) >= 2 and self._verb_initial(
                clause[0]) else None
            if issuer is not None and issuer.start == clause[1].start and issuer.end <= before[i].start:
                return issuer  # «أصدر مكتب الرئاسة بيانا جاء فيه»: the subject right after the verb issued it
            return _Speaker(self.text[at:before[i].end], at, before[i].end, "organization", None)
        return None

    def _titled_subject_first(self, zone_words: list[Word]) -> bool:
        """Round 35: «وأبلغ الناشر أندرياس فيرشينج … لوكالة الأنباء الألمانية "…"»: after a verb of
        telling, a title or a person's name right after the verb is its subject, not who was told."""
        if not zone_words:
            return False
        first = zone_words[0]
        # a name, or a definite noun of office and the name after it («الناشر أندرياس فيرشينج»)
        starts = {first.start} | ({zone_words[1].start} if len(zone_words) > 1 and first.bare.startswith("ال")
                                  else set())
        if first.bare in C.TITLE_WORDS or any(e.type == "PERS" and e.start in starts for e in self.entities):
            return True
        # Round 52: «وأبلغت طوكيو منظمة التجارة العالمية … بأن»: a state or body named right after the
        # verb with whom it told named after it — two names, the first is the subject
        head = next((e for e in self.entities if e.start == first.start and e.type in ("LOC", "ORG")), None)
        end = zone_words[-1].end
        return head is not None and any(e.start >= head.end and e.end <= end and e.type in ("LOC", "ORG", "PERS")
                                        and not self.text[head.end:e.start].strip() for e in self.entities)

    def _statement_poster(self, k: int, s_start: int) -> _Speaker | None:
        """Round 23: «ونشر فيتسوم أريجا مدير مكتب رئيس الوزراء تغريدة على تويتر قال فيها إن …»: an
        indefinite speech noun a few words before «قال فيها» (an adjectival clause, no relative
        pronoun) belongs to the sentence's subject — the person named right after its opening verb."""
        before = [w for w in self.words[max(0, k - 6):k] if w.start >= s_start]
        noun = next((w for w in reversed(before) if _speech_noun_stem(w, prefixed=False)
                     and not w.bare.startswith("ال")), None)  # («بيانًا»: the accusative alif, round 55)
        if noun is None:
            return None
        owner = next((e for e in self.entities if e.type == "PERS" and e.start > noun.end
                      and not self.text[noun.end:e.start].strip()), None) or self._owner_after_li(noun, k)
        others = [w for w in before if w is not noun and _speech_noun_stem(w)]
        if owner is not None and not others:
            # (not «أصدرت بيانا بشأن تصريحات جنينة، قالت فيه»: the statement issued comes first; nor
            # «على تغريدة قرقاش، بتغريدة قال فيها»: the nearer statement is another)
            return self._make_speaker(owner.start, owner.end)  # Round 55: «على خطاب ترامب في الأمم المتحدة، قال فيه»
        opening = C.words(self.text, s_start, noun.start)[:2]
        if not opening:
            return None
        if len(opening) == 1:
            # Round 26: «وكتبت تغريدة الأسبوع الماضي على موقع تويتر قالت فيها»: the opening verb has
            # no subject of its own (its object, the speech noun, follows it) and continues the
            # person in focus; the channel named after the noun is no poster
            return self._resolve_pronoun(opening[0].start)
        # only the subject right after the sentence's opening verb («ونشر فيتسوم أريجا …»); a name
        # further on may sit in a relative clause («وكان وزير الخارجية السابق، والذي عمل …، فلان»)
        person = next((e for e in self.entities if e.type == "PERS" and e.start == opening[1].start
                       and e.end <= noun.start), None)
        if person is None and opening[1].bare.startswith("ال") and not self.in_time(opening[1]) \
                and len(C.words(self.text, opening[1].end, noun.start)) <= 2 and self._verb_initial(opening[0]):
            # Round 55: «وأصدر التنظيم بيانًا قال فيه»: a definite noun after the opening verb, right
            # before the statement it issued, is the one who issued it
            return self._make_speaker(opening[1].start, self._np_end(self.word_index(opening[1].start), noun.start))
        return self._make_speaker(person.start, person.end) if person is not None else None

    def _owner_after_li(self, noun: Word, k: int) -> Entity | None:
        """Round 58: «وسجلت الاستخبارات الأمريكية حديثا للعميل الروسي فيكتور بودوبني قال فيه»: a person
        named within four words after «لـ» + a definite noun right after the speech noun (before «قال
        فيه») owns the statement."""
        nxt = C.words(self.text, noun.end, self.words[k].start)
        if not nxt or not nxt[0].folded.startswith("لل"):
            return None
        return next((e for e in self.entities if e.type == "PERS" and nxt[0].end <= e.start < self.words[k].start
                     and "،" not in self.text[noun.end:e.start] and len(C.words(self.text, noun.end, e.start)) <= 4), None)

    def _plural_noun_subject(self, s_start: int, pos: int) -> _Speaker | None:
        """The first human plural noun of the clause before ``pos`` («المحتجون»، «عشرات
        الناشطين»، «الساسة»): the subject a coordinated plural verb continues."""
        ws = C.words(self.text, s_start, pos)
        for i, x in enumerate(ws):
            if self.inside_segment(x.start) or self.inside_quote(x.start) or self.in_time(x) or x.folded in C.SPEAKER_STOP:
                continue  # Round 12: «الاثنين» (Monday) is no plural of people
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
