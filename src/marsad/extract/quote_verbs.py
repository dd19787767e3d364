"""Verb cues: a speech verb or participle, its opener, its quote and its speaker.

The main entry is :meth:`VerbCues._verb_cue`: it turns down verbs that do not report speech
here (a negated verb without a «لكن»/«إلا» clause, an impersonal or passive one, «جاء» outside
«وجاء في بيان», a later verb in the zone that is the real cue, a forecast verb with no subject)
and otherwise takes the quote span from the opener and the speaker from the zone or context.
«ما كشفه … أن» and the verb «بيّن» (spelt like the preposition «بين») are recognised here too.
"""

from __future__ import annotations

from marsad.extract import cues as C
from marsad.extract.agreement import disagree, participle_gender, phrase_gender, verb_gender
from marsad.extract.cues import Word
from marsad.extract.quote_spans import SpanRules
from marsad.extract.quote_turns import TurnRules
from marsad.extract.quote_words import (
    _CONTRAST_WHILE,
    _NEGATION,
    _RELATIVE_MA,
    MAX_ZONE_WORDS,
    MIN_CUED_WORDS,
    SHORT_FRAGMENT_WORDS,
    _colon_only,
    _mark_only,
    _passive,
    _prepositional_object,
    _via,
)
from marsad.extract.speakers import (
    _CONCERNS,
    _CONNECTORS,
    _GEMINATE_VERBS,
    _IN_IT,
    _MANNER_SAYING,
    _PRONOUN_PREP,
    _Speaker,
)

# Round 27: verbs that report only a clause: «وأوردت شبكة «سي إن إن» أن …» — marks right after
# them name the outlet («وفق ما أوردت "فرانس برس"») or a title, never the words
_CLAUSE_ONLY = frozenset(C.fold(v) for v in ("أورد", "أبرز"))
# «أبرز» without و/ف: the verb "highlighted" clause-initially, the elative "most prominent" mid-clause
_ELATIVE_ABRAZ = C.fold("أبرز")
# Round 42: a speech word after these is a verbal noun, not a verb («دون ذكر اسمه»، «رفض ذكر اسمه»)
_BEFORE_VERBAL_NOUN = frozenset(C.fold(w) for w in ("عدم", "دون", "بدون", "رفض", "رفضت", "رفضوا"))
# Round 42: «، رفض ذكر اسمه،»، «، طلب عدم الكشف عن هويته،»: a source's request for anonymity inside
# the speaker phrase; its verb is no later cue
_NAMING_NOUNS = frozenset(C.fold(w) for w in ("ذكر", "كشف", "الكشف", "عدم", "نشر", "الإفصاح", "الافصاح"))
# Round 45: «أكد مستثمر قطري ذكر اسمه في تغريدات … أنه»: a verb with a name or identity as its object
# names someone; it never opens the clause that follows
_NAME_OBJECTS = frozenset(C.fold(w) for w in ("اسمه", "اسمها", "اسمهم", "اسمي", "هويته", "هويتها", "هويتهم"))
_NAMING_OR_NAME = _NAMING_NOUNS | _NAME_OBJECTS


def _anonymity_request(zone_words: list[Word], i: int) -> bool:
    """Is ``zone_words[i]`` the verb of an anonymity request («رفض ذكر اسمه»، «طلب عدم الكشف») or
    its verbal noun («ذكر» after «رفض»، «دون»)?"""
    return (i + 1 < len(zone_words) and zone_words[i + 1].folded in _NAMING_OR_NAME) or (
        i > 0 and zone_words[i].folded in _NAMING_NOUNS and zone_words[i - 1].folded in _BEFORE_VERBAL_NOUN
        and zone_words[i - 1].end + 1 == zone_words[i].start)


# «حسب ما»، «وفق ما»، «حسبما»: the relative of an attribution inside the zone
_ATTRIBUTION_HEADS = frozenset(C.fold(w) for w in ("حسب", "بحسب", "وفق", "وفقا", "طبقا"))
_ATTRIBUTION_RELATIVES = frozenset(C.fold(w) for w in ("حسبما", "بحسبما", "وفقما"))


def _attributive(zone_words: list[Word], i: int) -> bool:
    """Round 27: «وذكرت المفوضية، حسب ما أوردت وكالة "أسوشيتد برس"، أن …»: a speech verb after
    «حسب ما» inside the zone names the channel of the cue's own words, not a later cue."""
    prev = zone_words[i - 1] if i > 0 else None
    if prev is None:
        return False
    if prev.folded in _ATTRIBUTION_RELATIVES:
        return True
    return prev.folded == "ما" and i > 1 and zone_words[i - 2].folded in _ATTRIBUTION_HEADS


STRETCH_ZONE_WORDS = 14  # past LONG_ZONE_WORDS only «، إن» after comma-separated adjuncts
LONG_ZONE_WORDS = 26  # «قال X، منصبه، في تصريح لـ…، على هامش …، إن»: the plain speech verbs allow more
_PLAIN_SPEECH = frozenset(C.fold(v) for v in ("قال", "أضاف", "أكد", "أوضح", "صرح", "أفاد", "ذكر", "تابع"))
# «وصف X بـ"…"»: what follows the marks is a label, not speech (a complementiser still opens one)
_CHARACTERISING = frozenset(C.fold(v) for v in ("وصف", "اعتبر"))
# Round 9: «لم يقل سوى إن …»، «لم يذكر إلا أن …»: an exception after a negated speech verb asserts the clause
_EXCEPT = frozenset(C.fold(w) for w in ("سوى", "إلا"))
_CONTRAST = frozenset(C.fold(w) for w in ("لكن", "لكنه", "لكنها", "ولكن", "ولكنه", "ولكنها", "بل"))
# Round 55: connectors opening a second clause whose verb a و-joined speech verb continues
_WHILE_CLAUSE = frozenset(C.fold(w) for w in ("فيما", "بينما", "وفيما", "وبينما"))
_PRONOUN_CONNECTORS = frozenset(C.fold(w) for w in ("لكنه", "لكنها", "ولكنه", "ولكنها", "انه", "انها"))


def _in_document(w: Word) -> bool:
    """«ببلاغ»، «ببيان»: بـ + a document noun, the «في بيان» of «وجاء في بيان … أن»."""
    return w.folded.startswith("ب") and w.folded[1:] in C.ORGANIZATION_HEADS and len(w.folded) > 4


# «وجاء في بيان … أن»; Round 39: «وجاء نص القرار كالتالي: "…"» — the document's text itself
_IN_TEXT = frozenset(C.fold(w) for w in ("في", "نص"))
# imperfect forecast verbs: with no subject of their own they are the impersonal "it is expected"
_FORECAST = frozenset(C.fold(w) for w in ("توقع", "رجح"))
# «ردت»، «ردوا»: a person-marked perfect of رد is the verb "replied", never the noun «رد»
_MARKED_REPLY = frozenset(C.fold(w) for w in ("ردت", "ردوا"))
# Round 48: prepositions of place that may follow a described object
_PLACE_PREPOSITIONS = frozenset(C.fold(w) for w in ("في", "داخل", "خارج"))
# Round 48: appeal verbs and the words that open their object, not their subject: «ودعت جميع الأطراف الليبية إلى»،
# «وحثت المجتمع الدولي على»، «دعا الله أن» (prayed to God)
_APPEAL_VERBS = frozenset(C.fold(w) for w in ("دعا", "دعت", "دعوا", "حث", "حثت", "حثوا", "ناشد", "ناشدت", "ناشدوا",
                                             "طالب", "طالبت", "طالبوا"))
_APPEALED_TO = frozenset(C.fold(w) for w in ("جميع", "كافة", "كل", "الله", "المجتمع", "العالم"))  # Round 49: «العالم»
# Round 43: «وعندما سئلت … أجابت نويرت "نعم"»، «فأجاب "لا أبداً"»: the answer of an interview is
# quoted right after the verb, without a colon; «أجاب عن سؤال "…"» (the question in marks) is not
_ANSWER_VERBS = frozenset(C.fold(w) for w in ("أجاب", "أجابت", "أجابوا", "أجابه", "أجابها", "أجابته"))
# one-word answers quoted after any speech verb («قال بومبيو "لا"»)
_ANSWER_WORDS = frozenset(C.fold(w) for w in ("نعم", "لا", "كلا", "أبدا", "بالتأكيد", "طبعا", "قطعا", "أجل", "بلى"))
_ANSWER_STEMS = frozenset(a.rstrip("ا") for a in _ANSWER_WORDS)  # «أبداً» folds with or without its alef
_QUESTION_NOUNS = frozenset(C.fold(w) for w in ("سؤال", "السؤال", "أسئلة", "الأسئلة", "سؤالا"))


def _answer_verb(w: Word) -> bool:
    return bool(_ANSWER_VERBS & {w.bare, w.folded, w.folded[1:]})


_RELATIVE_PRONOUNS_Q = frozenset(C.fold(w) for w in ("الذي", "التي", "الذين"))
# Round 12: words that may open a clause before its subject («وكانت X حذرت»، «لكن الشرطة قالت»)
_CLAUSE_OPENERS = frozenset(C.fold(w) for w in ("كان", "كانت", "كانوا", "لكن", "ولكن", "إلا", "الا", "أن", "ان",
                                                "بينما", "فيما", "حيث", "كما", "غير", "قد"))
_PREPOSITIONS_Q = frozenset(C.fold(w) for w in ("في", "على", "من", "عن", "إلى", "مع", "خلال", "أمام", "عبر"))
_BA_ANNAHU = frozenset(C.fold(w) for w in ("بأنه", "بأنها", "بأنهم", "بأنهن", "بأنهما"))
# Round 11: وصف with its object attached speaks only before a colon or a quote mark
_DESCRIBED_FORMS = frozenset(C.fold(w) for w in ("وصفه", "وصفها", "وصفهم"))


class VerbCues(SpanRules, TurnRules):
    """Speech-verb and participle cues, with the checks that a verb really reports speech."""

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

    def _short_answer(self, verb: Word, okind: str, start: int, end: int) -> bool:
        """Round 43: a one-word quotation that is an interview's answer («أجابت نويرت "نعم"»،
        «قال بومبيو "لا"») is a quote, though one marked word after a verb is usually a label."""
        ws = C.words(self.text, start, end)
        return okind in ("mark", "colon") and len(ws) == 1 and (
            _answer_verb(verb) or ws[0].folded.rstrip("ا") in _ANSWER_STEMS)

    def _verb_cue(self, k: int) -> int | None:
        w = self.words[k]
        if w.bare in C.JUSSIVE_SAY and not (k > 0 and self.words[k - 1].folded in _NEGATION):
            return None  # Round 9: «لا يقل عن 50»: "is not less than", no speech
        if k > 0 and self.words[k - 1].folded in _BEFORE_VERBAL_NOUN \
                and not any(c in "،,.:؛!?؟\n" for c in self.text[self.words[k - 1].end:w.start]):
            return None  # Round 25: «طلبوا عدم كشف هوياتهم، أن»: after «عدم» the word is a verbal noun;
            # round 42: so after «دون» and «رفض» («عن أحد المحققين، دون ذكر اسمه، قوله إن»)
        if k + 1 < len(self.words) and self.words[k + 1].folded in _NAME_OBJECTS \
                and not self.text[w.end:self.words[k + 1].start].strip():
            return None  # Round 45: «مستثمر ذكر اسمه في …»: naming someone, no speech
        if w.folded == _ELATIVE_ABRAZ and k > 0 and not any(
                c in "،,.:؛\n" for c in self.text[self.words[k - 1].end:w.start]):
            return None  # Round 27: «التي كانت أبرز المستشارين»: mid-clause «أبرز» is "most prominent"
        lemma0 = self._verb_lemma(w)
        strong = C.fold(lemma0) in _PLAIN_SPEECH
        characterises = C.fold(lemma0) in _CHARACTERISING
        if w.bare in C.DOCUMENT_VERBS and k > 0 and self.words[k - 1].bare in _PRONOUN_CONNECTORS:
            return None  # «لكنه نص على أن "…"»: the pronoun is a document, which the speaker
            # resolver does not track; the uncued-segment rule attributes the quotation
        asked = False
        if _mark_only(w):
            opener = self._mark_opener(k)
            if opener is None and w.bare in C.ASKING_VERBS:
                opener = self._question_opener(k)
                asked = opener is not None
        else:
            opener = self._find_opener(k, LONG_ZONE_WORDS if strong else MAX_ZONE_WORDS, marks=not characterises,
                                       stretch=STRETCH_ZONE_WORDS if strong else 0)
        if opener is None:
            return None
        okind, zone_end, content_start, next_k = opener
        if okind == "mark" and C.fold(lemma0) in _CLAUSE_ONLY and self._marked_name(w.end, zone_end):
            return None
        lemma = self._verb_lemma(w) or None
        if _colon_only(w) and okind != "colon" and not (
                _MARKED_REPLY & {w.bare, w.folded[1:]} and okind == "comp"
                and self.words[next_k - 1].folded.startswith("ب")) and not (
                okind == "mark" and _answer_verb(w)
                and not any(z.folded in _QUESTION_NOUNS for z in C.words(self.text, w.end, zone_end))):
            return None  # Round 8: «وردت واشنطن … بأنها ستفعل»: a marked perfect of رد is the verb
        if _mark_only(w) and okind not in ("colon", "mark") and not asked:
            return None  # «تساءلت عن الأمر وعرفت أنه …»: asking narrates, the أن clause is no quote
        if self._impersonal_forecast(w, zone_end):
            return None
        if okind == "comp" and w.bare in _DESCRIBED_FORMS:
            return None  # Round 11: «الاتهامات التي وصفها بأن …»: labelling its object; only «ووصفها X: "…"» speaks
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
        if len(C.words(self.text, start, end)) < MIN_CUED_WORDS and not self._short_answer(w, okind, start, end):
            return None
        zone = (w.end, zone_end)
        zone_words = C.words(self.text, *zone)
        if k > 0 and self.words[k - 1].folded in _NEGATION and not any(
                z.folded in _CONTRAST for z in zone_words) and not self._exception_close(w, zone_words):
            return None  # «ولم يذكر … أي تفاصيل حول أن»: a negated speech verb reports that nothing was
            # said; «لم يذكر القانون البرقع، لكنه نص على أن» — the contrast clause asserts the words
        came = w.bare == C.fold("جاء")
        came_in_it = came and len(zone_words) == 1 and zone_words[0].folded in _IN_IT
        if came and not came_in_it and (
                not zone_words or (zone_words[0].folded not in _IN_TEXT and not _in_document(zone_words[0]))):
            return None  # only «وجاء في بيان … أن» relays; «وجاء ذلك …» narrates
        if any(z.bare in C.SPEECH_VERBS and C.SPEECH_VERBS[z.bare] != "جاء" and self._finite_cue(zone_words, i)
               and not _via(self.text, zone_words, i) and not _attributive(zone_words, i)
               and not self._in_relative_aside(zone_words, i, zone[1]) and not _anonymity_request(zone_words, i)
               for i, z in enumerate(zone_words) if i > 0):
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
        if w.bare in C.ADDRESSEE_VERBS and zone_words and zone_words[0].bare in C.ANONYMOUS_HEADS:
            speaker = self._zone_speaker(zone)  # Round 20: «وأبلغت مصادر أمنية أن»: sources tell, the
            # outlet told is left out
        elif w.bare in C.ADDRESSEE_VERBS and not self._titled_subject_first(zone_words):
            speaker = None  # «وأبلغ رويترز بأن»: the zone is who was told
        elif zone_words and C.strip_conj(w.bare) in _APPEAL_VERBS and C.strip_conj(zone_words[0].folded) in _APPEALED_TO:
            speaker = None  # Round 48: «ودعت جميع الأطراف إلى …»، «دعا الله أن …»: the zone is who is appealed to
        elif characterises and (self._described_object(zone_words) or self._described_as(w, zone_words, self.words[next_k - 1] if okind == "comp" else None)):
            speaker = None  # Round 11: «ووصف الادعاءات بأن …»: the zone is what was described
        elif _mark_only(w) and zone_words and (
                zone_words[0].bare in C.CHANT_OBJECTS or _prepositional_object(zone_words[0])):
            speaker = None  # «ورددوا هتافات تقول "…"»، «وأهاب بالمواطنين "…"»: the zone is the object
        elif came_in_it:
            speaker = self._document_owner(k)  # Round 41: «وجاء فيه: "…"» quotes the text named before
        elif w.bare in C.RELAY_VERBS or (any(z.bare in (C.fold("نقلا"), C.fold("نقلاً")) for z in zone_words)
                                          and not self._named_before_relay(zone_words)):
            speaker = self._relay_speaker(zone, w)
        else:
            # Round 12: «وكانت الولايات المتحدة حذرت سوريا … من أنها»: a subject right before the
            # verb (SVO) speaks; the zone after the verb then holds its object, not a subject
            # Round 35: «ونقلت "رويترز" البيان الصحفي لساندرز والذي قالت فيه:»: the statement's owner
            # speaks, not the subject of the verb that relayed the statement
            speaker = (self._named_antecedent(k, zone_words) or self._relative_statement_owner(k, zone_words)
                       or self._coordinated_verb_subject(k, zone_words)
                       or self._clause_subject_before(k) or self._kana_subject(k) or self._zone_speaker(zone))
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
            speaker = self._speech_noun_owner(k, zone_words)
        if speaker is None and not zone_words and _answer_verb(w):
            speaker = self._asked_party(k)
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

    def _named_before_relay(self, zone_words: list[Word]) -> bool:
        """Round 19: «وقال كريم كينيك رئيس الهلال الأحمر التركي على تويتر نقلا عن الهلال الأحمر
        الإيراني "…"»: a person named as the subject of a plain speech verb before «نقلا عن»
        speaks (citing his source); the relay path is for «نقلت الوكالة عن …»."""
        cut = next((z.start for z in zone_words if z.bare in (C.fold("نقلا"), C.fold("نقلاً"))), None)
        return cut is not None and any(zone_words[0].start <= e.start and e.end <= cut and e.type == "PERS"
                                       for e in self.entities)

    def _speech_verb_after(self, rel: Word, limit: int) -> bool:
        """Round 13: does a speech or reply verb follow the relative pronoun ``rel`` within two
        words, with a name after it before ``limit``?"""
        after = C.words(self.text, rel.end, limit)[:2]
        verb = next((x for x in after if x.bare in C.SPEECH_VERBS or x.bare in C.COLON_ONLY_VERBS), None)
        if verb is None:
            return False
        # Round 41: the name must be the verb's subject — right after it, past «عليه» and a title —
        # not a genitive in its object («التي أعلنت تأييدها لقرار الرئيس الأمريكي دونالد ترامب»,
        # where the relative clause's subject is its antecedent)
        rest = [x for x in C.words(self.text, verb.end, limit)[:4] if not _PRONOUN_PREP.match(x.folded)]
        if not rest or not (rest[0].bare in C.TITLE_WORDS or any(e.start == rest[0].start for e in self.entities)):
            return False
        return any(verb.end <= e.start and e.end <= limit and e.type == "PERS" for e in self.entities)

    def _coordinated_verb_subject(self, k: int, zone_words: list[Word]) -> _Speaker | None:
        """Round 36: «وانتقد ترامب وسائل الإعلام وقال "…"»: a speech verb joined by و with nothing
        between it and the words continues the subject of its sentence's opening verb — the name
        right after that verb — not the object just before it."""
        w = self.words[k]
        if zone_words or w.folded == w.bare:
            return None
        s_start, _ = self.sentence_of(w.start)
        opening = C.words(self.text, s_start, w.start)
        in_while = self._while_clause_subject(opening, w)
        if in_while is not None:
            return in_while
        if len(opening) < 3 or not self._verb_initial(opening[0]) or opening[0].bare in C.SPEECH_VERBS:
            return None
        ent = next((e for e in self.entities if e.type == "PERS" and e.start == opening[1].start), None)
        return self._make_speaker(ent.start, ent.end) if ent is not None else None

    def _while_clause_subject(self, opening: list[Word], w: Word) -> _Speaker | None:
        """Round 55: «… فيما ترفض موسكو الادعاءات وتؤكد أن»، «فيما أسمتها وكالة الأناضول …، ولفتت إلى
        أن»: a speech verb ``w`` joined by و continues the clause «فيما/بينما» opened in ``opening``
        (the sentence before ``w``), whose subject is the name right after that clause's verb —
        when the speech verb agrees with it («بينما هاجم قناة "الجزيرة" القطرية، ورأى أنه»: «رأى»
        does not agree with «قناة», the object)."""
        while_at = max((i for i, x in enumerate(opening[:-2]) if x.folded in _WHILE_CLAUSE), default=None)
        if while_at is None or not w.folded.startswith("و"):
            return None
        verb, head = opening[while_at + 1], opening[while_at + 2]
        named = opening[while_at + 3] if head.bare in C.ORGANIZATION_HEADS and while_at + 3 < len(opening) else head
        ent = next((e for e in self.entities if e.start == named.start and e.type in ("PERS", "ORG", "LOC")), None)
        if ent is None or not self._verb_initial(verb) or verb.bare in C.SPEECH_VERBS or verb.bare in _CONCERNS \
                or disagree(verb_gender(C.strip_conj(w.bare)), phrase_gender(self.text[head.start:ent.end], ent.type)):
            return None
        return self._make_speaker(head.start, ent.end)

    def _clause_subject_before(self, k: int) -> _Speaker | None:
        """Round 12: the subject right before the verb when it opens its clause — only
        «كان»، «لكن»، «إلا أن» and the like stand before it («وكانت الولايات المتحدة حذرت …»)
        — so that the zone after the verb is read as the object. A name ending a fronted
        adjunct («وفي مسألة … من ولاية قبلّي أكد مجلس الشورى») is no subject."""
        speaker = self._before_speaker(k)
        if speaker is None:
            return None
        s_start, _ = self.sentence_of(self.words[k].start)
        opening = C.words(self.text, s_start, speaker.start)
        return speaker if all(C.strip_conj(x.bare) in _CLAUSE_OPENERS for x in opening) else None

    def _described_object(self, zone_words: list[Word]) -> bool:
        """Round 11: after «وصف/اعتبر» a zone that is one definite common noun («ووصف الادعاءات
        بأن …») is the verb's object — what is described, whose content clause follows — not a
        subject: no name, source, title or organisation noun in it."""
        if not zone_words or not zone_words[0].bare.startswith("ال"):
            return False
        if len(zone_words) > 1 and (zone_words[1].folded not in _PLACE_PREPOSITIONS or any(
                e.type == "PERS" and zone_words[0].start <= e.start <= zone_words[-1].start for e in self.entities)):
            return False  # Round 48: «ووصف الوضع في الغوطة الشرقية بأنه "…"»: a place phrase may follow it
        z = zone_words[0]
        if z.bare in C.ANONYMOUS_HEADS | C.ORGANIZATION_HEADS | C.TITLE_WORDS \
                or z.bare[2:] in C.ANONYMOUS_HEADS | C.ORGANIZATION_HEADS | C.TITLE_WORDS:
            return False
        return not any(e.start <= z.start < e.end for e in self.entities)

    def _described_as(self, verb: Word, zone_words: list[Word], comp: Word | None) -> bool:
        """Round 15: «ووصف داركود بأنه "عش دبابير …"»، «ووصفت زوجها، الذي يبحث في …، بأنه "…"»:
        after «وصف» one noun phrase before «بأنه» (a relative clause may follow it) is what is
        described; «ووصف ترامب الاتفاق بأنه» has two, the first being the subject. A title,
        source or organisation noun opening the zone may be the subject and is left alone."""
        if self._verb_lemma(verb) != "وصف" or not zone_words or comp is None \
                or C.strip_conj(comp.folded) not in _BA_ANNAHU:
            return False
        head = zone_words[0]
        if head.bare in C.ANONYMOUS_HEADS | C.ORGANIZATION_HEADS | C.TITLE_WORDS \
                or head.bare[2:] in C.ANONYMOUS_HEADS | C.ORGANIZATION_HEADS | C.TITLE_WORDS:
            return False
        end = self._np_end(self.word_index(head.start), comp.start)
        rest = [z for z in zone_words if z.start >= end]
        return not rest or C.strip_conj(rest[0].folded) in _RELATIVE_PRONOUNS_Q

    def _exception_close(self, verb: Word, zone_words: list[Word]) -> bool:
        """Round 9: does the speaker zone end in «سوى/إلا» right before the complementiser, with
        no comma before it («لكنه لم يقل سوى إن …»، «لم يذكر المتحدث إلا أن …»)?  The negated
        verb then asserts that clause.  After a comma «إلا أن» is "however" and opens a clause
        of the narrator's («لم تعلن عن الدعوة، …، إلا أن كوريا أعلنت …»)."""
        if not zone_words or zone_words[-1].folded not in _EXCEPT:
            return False
        return len(zone_words) <= 4 and not any(c in "،,;؛" for c in self.text[verb.end:zone_words[-1].start])

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

    def _in_relative_aside(self, zone_words: list[Word], i: int, zone_end: int) -> bool:
        """Round 29: «وأوضح المصدر، الذي لم يجر ذكر اسمه، أن …»: a speech verb inside a relative
        clause set off by commas describes the subject; it is no later cue (a relative pronoun
        after the last comma before it, and a comma after it before the opener)."""
        last_comma = max((k for k in range(1, i + 1)
                          if any(c in "،," for c in self.text[zone_words[k - 1].end:zone_words[k].start])), default=0)
        if not any(C.strip_conj(zone_words[k].bare) in _RELATIVE_PRONOUNS_Q for k in range(last_comma, i)):
            return False
        return any(c in "،," for c in self.text[zone_words[i].end:zone_end])

    def _marked_name(self, zone_start: int, mark: int) -> bool:
        """Round 27: after a verb that reports a clause («أورد»، «أبرز»), are the marks at
        ``mark`` a name or a title — under four words («شبكة «سي إن إن»»), or past a zone of more than three
        («وفق ما أوردت "فرانس برس"»، «أوردت مقالات … بينها مقال حمل عنوان "…"»)? «وأوردت
        اليونيسف "نظراً إلى تصعيد …"» quotes."""
        seg = self.segment_at(mark)
        if seg is None:
            return False
        return len(C.words(self.text, seg.start, seg.end)) < 4 or len(C.words(self.text, zone_start, mark)) > 3

    @staticmethod
    def _finite_cue(zone_words: list[Word], i: int) -> bool:
        """Can the speech verb ``zone_words[i]`` inside a speaker zone take over as the cue?

        A perfect verb or one opening a clause (وقال، حيث يقول) can; a bare imperfect
        after a noun describes that noun («في تغريدة مصحوبة بمقطع يوضح قوة الإعصار، أن»)."""
        z = zone_words[i]
        if z.folded == _ELATIVE_ABRAZ:
            return False  # «وقال أحد أبرز قادة الحزب إن»: the elative, not a verb
        lemma = C.fold(C.SPEECH_VERBS.get(z.bare, ""))
        imperfect = z.bare[:1] in ("ي", "ت") and not z.bare.startswith(lemma)
        if not imperfect or z.folded != z.bare:
            return True
        return zone_words[i - 1].bare in _CONNECTORS or zone_words[i - 1].folded in _CONNECTORS

    def _noun_cue(self, k: int) -> int | None:
        """Round 10: a speech noun with a possessive pronoun right before the complementiser,
        «بعد أيام على إعلانه أن القمة قد لا تعقد»، «رغم تأكيدها أن …»: what he announced is
        reported speech, the pronoun's referent (the sentence's subject, else the person in
        focus) its speaker. Only the possessed noun counts: «إعلان أن» with no owner names
        nobody."""
        w = self.words[k]
        if w.bare not in C.POSSESSED_SPEECH_NOUNS or k + 1 >= len(self.words):
            return None
        comp = self.words[k + 1]
        if not C.COMPLEMENTISER_RE.match(comp.folded) or self._gap(w.end, comp.start).strip():
            return None
        span = self._content("comp", comp.end)
        if span is None:
            return None
        start, end, qkind = span
        if len(C.words(self.text, start, end)) < MIN_CUED_WORDS:
            return None
        self._add(start, end, qkind, w, self._subject_in_sentence(w.start) or self._resolve_pronoun(w.start))
        return k + 2

    def _manner_subject(self, s_start: int, participle: Word) -> _Speaker | None:
        """Round 16: «وأضاف الخضر قائلاً: "…"»: between a sentence-opening speech verb and its
        manner participle («قائلا»، «قائلة») only the subject can stand, so those words speak
        even when the tagger saw no name in them (a surname alone, «الخضر», looks like a noun)."""
        if participle.bare not in _MANNER_SAYING:
            return None
        ws = C.words(self.text, s_start, participle.start)
        if not (2 <= len(ws) <= 4) or C.strip_conj(ws[0].bare) not in C.SPEECH_VERBS \
                and ws[0].bare not in C.SPEECH_VERBS:
            return None
        subject = ws[1:]
        if any(c in self.text[ws[0].start:participle.start] for c in "،,.:؛;\"«»“”\n") \
                or subject[0].bare in C.PRONOUNS or subject[0].folded in C.SPEAKER_STOP \
                or subject[0].folded in _PREPOSITIONS_Q or self.in_time(subject[0]) \
                or any(x.folded.startswith(("ل", "ب")) and x.folded[1:2] == "ل" for x in subject):
            return None  # «وأضاف في تصريح قائلا»، «وأضاف للصحفيين قائلا»: no subject here
        return self._make_speaker(subject[0].start, subject[-1].end)

    def _quote_continued(self, s_start: int, participle: Word) -> _Speaker | None:
        """Round 27: «وأكد أن هذه الاعتداءات شملت "…"، لافتا إلى أن "…"»: a participle right
        after a quote of the same sentence (only a comma and marks between) continues that
        quote's speaker — the subject search would reach past the quote to any name before."""
        before = [q for q in self.quotes if s_start <= q.start and q.end <= participle.start]
        if not before:
            return None
        q = max(before, key=lambda x: x.end)
        sp = q.speaker
        if not sp or sp.get("start") is None or self.text[q.end:participle.start].strip(" ،,\"»”'") != "":
            return None
        if q.cue_start is not None and self._adjectival_cue(q.cue_start):
            return None  # Round 56: «وسخر رضائي من عرض … طائرة إيرانية قالت إسرائيل إنها أسقطتها … بالقول:»
        gender = participle_gender(participle.text)
        kind = "PERS" if sp.get("kind") in ("person", "pronoun-resolved") else None  # a bare name tells no gender
        if disagree(gender, phrase_gender(sp["text"], kind)):
            return None  # «وذكرت الوكالة أن الأسد أشار …، مضيفا»: the participle agrees with الأسد
        return _Speaker.taken_up(sp)

    def _joined_clause_subject(self, s_start: int, participle: Word) -> _Speaker | None:
        """Round 57: «وهاجم أردوغان نتنياهو واصفا إياه …، ورد نتنياهو قائلا "…"»: a participle
        after a clause joined by «، و» + a verb belongs to that clause — its subject is the name
        right after the verb; «قال المصري: "…"، وطمأن عملاء البنك قائلا:»: a verb with an object and
        no subject of its own continues the speaker quoted earlier in the sentence."""
        ws = C.words(self.text, s_start, participle.start)
        at = next((i for i in range(len(ws) - 2, 0, -1) if ws[i].folded.startswith("و")
                   and (ws[i].folded != ws[i].bare and self._verb_initial(ws[i]) or ws[i].folded[1:] in _GEMINATE_VERBS)
                   and "،" in self._gap(ws[i - 1].end, ws[i].start)
                   and not self.inside_quote(ws[i].start) and not self.inside_segment(ws[i].start)), None)
        if at is None:
            return None
        verb, nxt = ws[at], ws[at + 1]
        ent = next((e for e in self.entities if e.start == nxt.start), None)
        if ent is not None:
            # (only a verb of saying or replying: «، وصول أحمد الدربي، …، مؤكدة» is a verbal noun)
            speaking = C.strip_conj(verb.bare) in C.SPEECH_VERBS or verb.folded[1:] in _GEMINATE_VERBS
            return self._make_speaker(ent.start, ent.end) if ent.type == "PERS" and speaking else None
        if verb.bare in C.SPEECH_VERBS or nxt.bare.startswith("ال") or nxt.bare in C.TITLE_WORDS | C.ANONYMOUS_HEADS:
            return None
        before = [q for q in self.quotes if s_start <= q.start and q.end <= verb.start and q.speaker]
        sp = before[-1].speaker if before else None
        return _Speaker.taken_up(sp) if sp and sp.get("start") is not None else None

    def _adjectival_cue(self, pos: int) -> bool:
        """Round 56: is the speech verb at ``pos`` the head of an adjectival clause — no «و/ف», no
        punctuation before it, right after an indefinite noun or adjective («طائرة استطلاع إيرانية
        قالت إسرائيل إنها …»)?  Its quote then sits inside the main clause, whose subject a later
        participle continues."""
        at = self.word_index(pos)
        if not 0 < at < len(self.words) or self.words[at].start != pos:
            return False
        verb, prev = self.words[at], self.words[at - 1]
        return verb.folded == verb.bare and not self._gap(prev.end, verb.start).strip() \
            and not prev.bare.startswith("ال") and len(prev.bare) >= 4 and prev.bare not in _CONNECTORS \
            and prev.folded not in _CONNECTORS and not any(e.start <= prev.start < e.end for e in self.entities) \
            and prev.text.endswith(("ة", "ية", "ي"))

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
            elif x.bare in _RELATIVE_PRONOUNS_Q and self._speech_verb_after(x, w.start):
                # Round 13: «…، وهو الأمر الذي رد عليه الرئيس الإيراني، حسن روحاني قائلا إن»: the
                # participle goes with the speech verb of the relative clause and its subject
                s_start = x.end
        plural = w.bare.endswith("ين")  # «مضيفين»: the subject is plural, never one named person
        speaker = (self._plural_subject(s_start, w.start) if plural else None) \
            or self._joined_clause_subject(s_start, w) \
            or self._quote_continued(s_start, w) or self._manner_subject(s_start, w) \
            or self._subject_before(s_start, w.start) or self._resolve_pronoun(w.start)
        self._add(start, end, qkind, w, speaker)
        return next_k
