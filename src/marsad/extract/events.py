"""What happened: typed events with trigger, actors, targets, place, time and modality.

Rules, sentence by sentence:

* **Triggers** come from the lexicons in :mod:`marsad.extract.event_types` (verbs,
  nouns, multi-word phrases, and verb+object pairs such as «تبعث … وحدات»).  A word
  is matched after folding and after removing و/ف, the future prefix س and, for nouns,
  the article and the ل/ب prepositions (لتدريب → تدريب).  Same-type triggers within a
  few words are one event.
* **Modality**: *denied* (لم، لن، لا، ليس، عدم، or a denial verb نفى earlier in the
  sentence), *possible* (يمكن أن، قد + imperfect, من المحتمل، تعتزم، تخطط، تدرس، من
  المقرر، سـ/سوف …), *reported* (inside a quote, or the sentence is attributed:
  «بحسب مصدر»), else *asserted*.  Denied beats possible beats reported.
* **Arguments** from the ``entities`` layer of the same sentence, by position and the
  preposition in front: the subject after a verb (VSO) or before a noun trigger is
  the actor; an entity after ضد/على or the direct object is a target; a place after
  في/إلى/ب (a LOC entity) is the place — after إلى it is also a target.  The nearest
  time expression of the sentence is the time.  Without entities the actor falls back
  to the noun phrase after the verb.

:func:`main_event` picks the event a headline would report from a sentence: the most
specific type (attack before statement), then the earliest.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from marsad.extract import cues as C
from marsad.extract.cues import Word
from marsad.extract.event_types import (
    EVENT_TYPES,
    NOUN_INDEX,
    PHRASE_INDEX,
    TYPE_BY_NAME,
    VERB_INDEX,
    VERB_LEMMAS,
    WEAK_NOUNS,
    conjugate,
)
from marsad.extract.quotes import sentence_bounds
from marsad.model import Article, Entity, Event, Quote

_POSSIBLE = frozenset(C.fold(w) for w in (
    "يمكن", "يمكنها", "يمكنه", "ربما", "محتمل", "المحتمل", "يحتمل", "تعتزم", "يعتزم", "تعتزمان", "تخطط",
    "يخطط", "تنوي", "ينوي", "تدرس", "يدرس", "المقرر", "المتوقع", "المرتقب", "مرتقب", "سوف", "تسعى",
    "يسعى", "يرجح", "المرجح", "تستعد", "يستعد", "تتجه", "يتجه", "بصدد", "تعتزمان",
    "اقترحت", "اقترح", "مقترح", "مستعدة", "مستعد",
))
_NEGATORS = frozenset(C.fold(w) for w in ("لم", "لن", "لا", "ليس", "ليست", "عدم", "دون", "بدون", "غير"))
# «وفقا لما ذكرته»: in news لما is ل + ما (to what), not the rare negation لمّا + jussive
_DENIAL_VERBS = frozenset(C.fold(w) for w in ("نفى", "نفت", "ينفي", "تنفي", "نفوا", "نافيا", "نافية", "تنفى"))
_PREPS = {C.fold(p): p for p in ("إلى", "في", "ضد", "على", "من", "مع", "عن", "داخل", "قرب", "نحو", "لدى",
                                   "شمال", "جنوب", "شرق", "غرب", "وسط", "بين")}
_PLACE_PREPS = frozenset(C.fold(p) for p in ("في", "إلى", "داخل", "قرب", "نحو", "شمال", "جنوب", "شرق", "غرب",
                                            "وسط", "ب"))
_TARGET_PREPS = frozenset(C.fold(p) for p in ("ضد", "على", "إلى", "ب"))
_IMPERFECT = "يتنا"


def _phrases_by_first() -> dict[str, list[tuple[tuple[str, ...], list[str]]]]:
    out: dict[str, list[tuple[tuple[str, ...], list[str]]]] = {}
    for phrase, types in PHRASE_INDEX.items():
        out.setdefault(phrase[0], []).append((phrase, types))
    for cands in out.values():  # the longest phrase first: «وقف إطلاق النار» before «إطلاق النار»
        cands.sort(key=lambda c: -len(c[0]))
    return out


_PHRASES_BY_FIRST = _phrases_by_first()
def _is_background(ws: list[Word], i: int, etype: str, is_verb: bool = True, lead: int = 0,
                   clause_start: int | None = None) -> bool:
    """A trigger in a relative clause, a time adjunct, a «وذلك» elaboration, the object
    of a warning/appeal verb, a noun governed by a preposition, or a noun inside what
    was said that is not the predicate of the reported clause is context for the
    sentence's news, not the news itself."""
    if not is_verb and i > lead and _governed_noun(ws, i, etype):
        return True
    if not is_verb and clause_start is not None and not _predicate_noun(ws, i, clause_start):
        return True
    if is_verb and i > lead + 1 and _indefinite_relative(ws, i):
        return True
    window = ws[max(0, i - 2):i]
    if any(x.bare in _RELATIVE or x.bare in _ADJUNCT for x in window):
        return True
    if i > 0 and C.COMPLEMENTISER_RE.match(ws[i - 1].folded) and not is_verb_trigger(ws[i].text) \
            and not _occurs_after(ws, i, etype):
        return True  # «اعتبرت أن اعتقال بوتينا يهدف إلى …»: the subject of what was said is its topic
    if any(x.bare in _TOPIC_VERBS for x in ws[max(0, i - 6):i]):
        return True  # «وصف الأمير … هجوم الحوثي بأنه …»: the described event is the topic
    if not is_verb and any(x.bare in _CONDEMN for x in ws[max(0, i - 16):i]) \
            and not any(C.COMPLEMENTISER_RE.match(x.folded) for x in ws[max(0, i - 16):i]):
        return True  # Round 8: «دان رئيس البرلمان، الهجوم الذي …»: the condemned event is the topic
    if any(x.bare == C.fold("وذلك") or x.folded == C.fold("وذلك") for x in ws[:i]):
        return True
    if etype != "statement" and any(x.folded == "من" for x in ws[max(0, i - 2):i]) \
            and any(x.bare in _WARNED for x in ws[max(0, i - 10):i]):
        return True  # «حذر مبعوث الأمم المتحدة للشرق الأوسط من تصاعد المواجهات»: feared, not reported
    return bool(etype != "statement" and any(x.bare in _WARNED for x in ws[max(0, i - 4):i]))


_ATTRIBUTION_WORDS = frozenset(C.fold(w) for w in ("ما", "بحسب", "حسب", "حسبما", "وفق", "وفقا", "كما"))


def _announced(ws: list[Word], i: int) -> bool:
    """Is the noun at ``i`` the object of an announcement verb of its clause («أعلن الناطق …
    التوصل إلى اتفاق»، «كشفت مصادر عن مقتل …»)?  No comma or complementiser may stand between."""
    for k in range(i - 1, max(-1, i - 13), -1):
        w = ws[k]
        if w.bare in _ANNOUNCE:
            return True
        if C.COMPLEMENTISER_RE.match(w.folded) or w.folded in _ATTRIBUTION_WORDS:
            return False
    return False


def _governed_noun(ws: list[Word], i: int, etype: str | None = None) -> bool:
    """Is the noun at ``i`` the object of a preposition (a separate word or an attached
    ل/ب: «في الاحتجاجات»، «للاستفتاء»، «باحتجاز»)?

    Arabic clauses put their predicate first (a verb) or make the event noun the
    subject or object of a light verb («تواصلت الاحتجاجات»، «شن هجوما»); a masdar
    behind a preposition states a purpose, a cause or a topic («بسبب …»، «لتدريب …»،
    «اتهمت … باحتجاز …») and is rarely the news of the sentence.  An announcement
    verb with its preposition («أعلن عن اعتقال …»، «كشف عن …») is the exception:
    what is announced is the news.
    """
    w = ws[i]
    if w.bare in NOUN_INDEX or w.folded in NOUN_INDEX or _suffix_stem(w.bare) in NOUN_INDEX:
        attached = False  # «لقاءه»: the ل is the root's, the word is the noun with a possessive
    else:
        attached = w.bare[:1] in ("ل", "ب") and len(w.bare) > 4
    prev = ws[i - 1] if i > 0 else None
    separate = prev is not None and (prev.folded in _GOVERNING or prev.bare in _GOVERNING)
    if not (attached or separate):
        return False
    if separate and prev is not None and prev.folded == "عن" and any(w.bare in _ANNOUNCE for w in ws[max(0, i - 6):i]):
        return False  # «أعلن الجيش عن اعتقال خلية»: the announced arrest is the news
    if _announcement_object(ws, i, separate, attached):
        return False  # Round 9: «أعلن المتحدث …، العميد …، عن اعتقال»، «أفادت تقارير بمقتل»
    if separate and prev is not None and prev.folded == "في" and any(
            f in _TAKE_PART for x in ws[max(0, i - 8):i - 1] for f in _verb_forms(x)[0]):
        return False  # Round 8: «شارك عشرات الآلاف … في مسيرات»: what people took part in is the news
    if separate and prev is not None and prev.folded == "الي" and i > 1 and ws[i - 2].bare in _REACH:
        return False  # «أعلن التوصل إلى اتفاق»: what was reached is the news
    if separate and prev is not None and prev.folded == "الي" and _reached_after_subject(ws, i - 1):
        return False  # Round 9: «توصل الطرفان المتنازعان إلى اتفاق»: the subject stands between
    if attached and prev is not None and prev.bare in _REACH:
        return False  # «توصلت لاتفاق»: the same complement with an attached ل
    if _wished(ws, i, separate, attached):
        return False  # Round 9: «عبر عن رغبته بزيارة بيونغ يانغ»: the wished-for event is the news
    if attached and _exposed_to(ws, i):
        return False  # Round 9: «تعرضت دورية … لإطلاق نار»: what the subject suffered is the news
    if i > 1 and (separate or attached):
        forms, _ = _verb_forms(ws[i - 2] if separate else prev) if prev is not None else ([], False)
        if any(f in _RESULT_VERBS or f in _ACHIEVE for f in forms):
            # «تمكن الجيش من القضاء على …»، «نجحت في تحرير …»: what was achieved is the news
            return False  # «ما أسفر عن مقتل شخص»، «أدى إلى مقتل»: the result is an event of its own
    if attached and prev is not None and etype is not None:
        forms, _ = _verb_forms(prev)
        if any(etype in VERB_INDEX.get(f, ()) for f in forms):
            return False  # «فازت بالانتخابات»: the complement of a verb of the same event
    return True


_REPORT_BI = frozenset(conjugate("أفاد")) | frozenset(C.fold(w) for w in ("أفاد", "أفادت", "أفادوا", "يفيد", "تفيد"))


_WISH_NOUNS = frozenset(C.fold(w) for w in (
    "رغبته", "رغبتها", "رغبتهم", "رغبة", "استعداده", "استعدادها", "استعدادهم", "نيته", "نيتها", "نيتهم",
    "عزمه", "عزمها", "عزمهم"))


def _wished(ws: list[Word], i: int, separate: bool, attached: bool) -> bool:
    """Round 9: is the noun at ``i`` what a wish, readiness or intention noun right before it
    names («عبر عن رغبته بزيارة …»، «أعلن استعداده للقاء …»، «عن نيتها في الترشح»)?  That
    event is the sentence's news, only possible (see the modality in ``_sentence_events``)."""
    if i == 0:
        return False
    if attached and ws[i].bare[:1] in ("ب", "ل"):
        return ws[i - 1].bare in _WISH_NOUNS or ws[i - 1].folded in _WISH_NOUNS
    if separate and i > 1 and ws[i - 1].folded in ("في", "ل", "ب"):
        return ws[i - 2].bare in _WISH_NOUNS or ws[i - 2].folded in _WISH_NOUNS
    return False


_EXPOSED = frozenset(conjugate("تعرض")) | frozenset(C.fold(w) for w in (
    "تعرض", "تعرضت", "تعرضوا", "يتعرض", "تتعرض", "يتعرضون"))


def _exposed_to(ws: list[Word], i: int) -> bool:
    """Round 9: is the ل-noun at ``i`` the complement of «تعرض» ("was subjected to") opening
    its clause («تعرضت إحدى دوريات الأمن … لإطلاق نار»، «تعرض الموكب لهجوم»)?  The event
    happened to the subject: it is the clause's predicate, not a purpose or a topic.  The
    verb may stand a long subject and adjuncts away; a complementiser, relative pronoun or
    attribution word on the way ends the search."""
    if not ws[i].bare.startswith("ل") or _suffix_stem(ws[i].bare) != ws[i].bare and ws[i].bare.endswith("ه"):
        return False
    return _verb_before(ws, i, _EXPOSED, 13)


def _reached_after_subject(ws: list[Word], prep: int) -> bool:
    """Round 9: is the «إلى» at ``prep`` the complement of a «توصل» a few words back, with only
    its subject between («توصل الطرفان إلى اتفاق»، «توصلت الحكومة والنقابة إلى اتفاق»)?  A
    complementiser, an attribution word or a relative pronoun on the way ends the search."""
    return _verb_before(ws, prep, _REACH, 7)


def _verb_before(ws: list[Word], i: int, verbs: frozenset[str], reach: int) -> bool:
    """Whether one of ``verbs`` stands at most ``reach`` words before ``i`` in the same
    clause: a complementiser, a relative pronoun or an attribution word between them means
    the verb governs another clause."""
    for k in range(i - 1, max(-1, i - reach - 1), -1):
        w = ws[k]
        if w.bare in verbs or w.folded in verbs:
            return True
        if C.COMPLEMENTISER_RE.match(w.folded) or w.bare in _RELATIVE or w.folded in _ATTRIBUTION_WORDS:
            return False
    return False


_NATURAL_DEATH = frozenset(C.fold(w) for w in ("وفاة", "الوفاة", "وفاه"))


def _announcement_object(ws: list[Word], i: int, separate: bool, attached: bool) -> bool:
    """Round 9: is the noun at ``i`` what an announcement verb of its clause reports, with
    the verb's own preposition («أعلن … عن اعتقال»، «كشف … عن مقتل»، «أفادت تقارير بمقتل»)?

    The subject of such a verb can be long (a title, a comma-set name, a time word), so
    the verb is searched back over the clause; a complementiser, an attribution word or
    another comma-less verb clause in between means the noun belongs to something else."""
    if ws[i].folded in _NATURAL_DEATH or ws[i].folded.removeprefix("ب") in _NATURAL_DEATH:
        return False  # «أعلن … عن وفاة زعيم الحركة»: a death announced is no killing (a statement)
    prev = ws[i - 1] if i > 0 else None
    if separate and prev is not None and prev.folded == "عن":
        return _verb_before(ws, i - 1, _ANNOUNCE, 14)  # the search starts before «عن»
    if attached and ws[i].bare[:1] == "ب":
        return _verb_before(ws, i, _REPORT_BI, 15)
    return False


def _suffix_stem(b: str) -> str:
    """The word without a possessive suffix or the accusative alef (لقاءه → لقاء)."""
    for suf in ("هما", "هم", "ها", "ه", "ا"):
        if b.endswith(suf) and len(b) - len(suf) >= 3:
            return b[:-len(suf)]
    return b


def _occurs_after(ws: list[Word], i: int, etype: str = "") -> bool:
    """Is the event noun at ``i`` the subject of an occurrence verb within the next words
    («إن اشتباكات عنيفة اندلعت»، «إن لقاءه … قد لا يعقد»)?  Then the clause reports the
    event; with another predicate («أن اعتقال بوتينا يهدف إلى …») the event is its topic."""
    for w in ws[i + 1:i + 11]:
        if C.COMPLEMENTISER_RE.match(w.folded):
            break
        forms, _ = _verb_forms(w)
        if any(f in _HELD for f in forms):
            if etype == "meeting":
                return True  # «لقاءه … قد لا يعقد»; «الضربة … ستعقد الحل» is another verb
            continue
        if any(f in _LIGHT_VERBS or f in _LAUNCH for f in forms):
            return True  # «إن انتحاريا شن هجوما»: the noun is the subject of the clause's light verb
    return False


def _pronoun_subject(ws: list[Word], i: int) -> bool:
    """Is the verb at ``i`` right after a complementiser carrying a pronoun (أنه، إنها، أنهم),
    with at most «قد» between?  Its subject is then the speaker the pronoun points to."""
    k = i - 1
    while k >= 0 and ws[k].folded in ("قد", "لقد"):
        k -= 1
    return k >= 0 and C.COMPLEMENTISER_RE.match(ws[k].folded) is not None and ws[k].folded[-1] in "هام"


_IMPERSONAL_LIGHT = frozenset(C.fold(w) for w in ("تم", "يتم", "سيتم", "جرى", "يجري", "سيجري"))


def _governor_after_pronoun(ws: list[Word], i: int) -> bool:
    """Is the noun at ``i`` the complement of a light or achievement verb («نفذ هجوما»، «تمكن
    من القضاء») that stands right after a complementiser with a pronoun (أنه، إنها)?  The
    pronoun is the speaker, so the speaker did what the noun names."""
    for k in (i - 1, i - 2):
        if k < 1:
            return False
        if ws[k].folded in _IMPERSONAL_LIGHT:
            return False  # «أنه تم الاتفاق»: تم has the masdar as subject; the pronoun is ضمير الشأن
        forms, _ = _verb_forms(ws[k])
        if any(f in _LIGHT_VERBS or f in _ACHIEVE for f in forms):
            return _pronoun_subject(ws, k) and (k == i - 1 or ws[i - 1].folded in _GOVERNING)
    return False


def _after_statement_head(ws: list[Word], i: int, lead: int, is_verb: bool) -> bool:
    """Does the clause open with a statement verb that takes a noun phrase, the trigger
    lying inside that phrase («كشف التحالف عن أسلحة … ضبطت في اليمن»)?

    Without a complementiser what was announced is a thing, not a clause: a verb inside
    it belongs to a relative clause.  A verb with its own و/ف opens a coordinated
    clause («… ودعت إلى وقف الاقتتال») and stays news.
    """
    if not is_verb or i <= lead or lead >= len(ws):
        return False  # «أعلن … ترشحه»: a masdar object is what was announced
    head_forms, _ = _verb_forms(ws[lead])
    if not any("statement" in VERB_INDEX.get(f, ()) for f in head_forms):
        return False
    if ws[i].folded != ws[i].bare:
        return False  # «… ودعت إلى …»: a coordinated clause
    if ws[i].bare not in VERB_INDEX and ws[i].bare.endswith(("ه", "ها", "هم")):
        return False  # «أعلن … ترشحه»: a masdar with its possessive, what was announced
    return not any(C.COMPLEMENTISER_RE.match(w.folded) for w in ws[lead + 1:i])


def _indefinite_relative(ws: list[Word], i: int) -> bool:
    """Is the verb at ``i`` a relative clause on the indefinite noun before it?

    Arabic marks no relative pronoun after an indefinite noun: «أسلحة ضبطت في اليمن»،
    «في مناطق يسيطر عليها مقاتلون»، «مشروع قرار يطالب …».  The verb then describes the
    noun and is not the clause's news.  The noun must look like one — a feminine or plural
    ending, or a preposition in front of it — and must not be the indefinite subject that
    opens a reported clause («إن رجلا أطلق النار»).
    """
    w = ws[i]
    if w.folded != w.bare:
        return False  # «… وقتل»: a coordinated verb
    prev = ws[i - 1]
    f = prev.bare
    if f.startswith("ال") or f in _PARTICLES or prev.text[:1].isdigit() or len(f) < 3 \
            or f in VERB_INDEX or f in C.SPEECH_VERBS or C.COMPLEMENTISER_RE.match(prev.folded):
        return False
    before = ws[i - 2]
    if C.COMPLEMENTISER_RE.match(before.folded):
        return False  # «إن رجلا أطلق …»: the subject of the reported clause
    nominal = f.endswith(("ه", "ات", "ين", "ون", "اء")) and not f.endswith(("ته", "يه"))
    governed = before.folded in _GOVERNING or f[:1] in ("ب", "ل") and len(f) > 4
    return nominal or governed


_PARTICLES = frozenset(C.fold(w) for w in (
    "قد", "لقد", "لم", "لن", "لا", "ما", "كما", "حيث", "ثم", "بل", "لكن", "فقد", "وقد", "كان", "كانت",
    "التي", "الذي", "الذين", "عندما", "بعدما", "حين", "حينما", "بينما", "فيما", "إذ", "إذا", "لو", "كي", "حتى",
    "أنه", "انه", "إنه", "أنها", "إنها", "هو", "هي", "هم", "يوم", "اليوم", "أمس", "مساء", "صباح", "فجر",
))


def _clause_start(ws: list[Word], quote: Quote | None, lead: int = 0) -> int | None:
    """Index of the first word of the reported clause holding a trigger (None outside quotes)."""
    if quote is None or quote.kind != "reported":
        return None
    start = next((k for k, w in enumerate(ws) if w.start >= quote.start), None)
    return None if start is None else max(start, lead)


def _predicate_noun(ws: list[Word], i: int, clause_start: int) -> bool:
    """Does the event noun at ``i`` carry the clause it sits in?

    In «… إن اشتباكات اندلعت …» the noun opens the reported clause (its subject), and in
    «… أن الجيش شن هجوما»، «تواصلت الاحتجاجات»، «أعلن الجيش اعتقال خلية» it is the
    subject or object of a light verb (occur, continue, carry out, announce, decide), so
    the noun is what the clause reports.  Elsewhere — «لم يتلق البرلمان طلبا …» — it is
    one argument among others and the clause reports something else.
    """
    if i <= clause_start + 1:
        return True
    for k in list(range(max(clause_start, i - 4), i)) + [clause_start, clause_start + 1]:
        if k >= i:
            continue
        forms, future = _verb_forms(ws[k])
        if any(f in _LIGHT_VERBS or f in VERB_INDEX or f in _ACHIEVE or f in _REACH for f in forms) \
                or (future and k == i - 1):
            return True  # «أنه تم … الاتفاق»، «سيدخل السجن»، «توصلت لاتفاق»: object of a light or future verb
    return False


_LIGHT_VERBS = frozenset(
    f for lemma in ("تواصل", "استمر", "اندلع", "تجدد", "شهد", "نفذ", "أسفر", "خلف", "بدأ", "انطلق", "تصاعد",
                    "تزايد", "أعلن", "كشف", "قرر", "أمر", "تبنى", "نظم", "قاد", "أطلق", "عقد", "وقع", "تم",
                    "واصل", "استأنف", "أكد", "شارك", "حصل", "أوقع", "سجل", "تسبب", "أصدر")
    for f in conjugate(lemma)
) | frozenset(C.fold(w) for w in ("جرى", "جرت", "يجري", "تجري", "أجرى", "أجرت", "يجري", "تجري", "أسفر", "تم",
                                  "شهد", "قرر", "عقد", "وقع", "بدأ", "بدأت", "ألغى", "ألغت", "أرجأ", "أرجأت",
                                  "أدى", "أدت", "يؤدي", "تؤدي"))


_DATELINE_END = re.compile(r"\)\s*(?:--|—|–|-|:)?|--|—|–| - |:")


def _lead_index(text: str, ws: list[Word]) -> int:
    """Index of the first word after a dateline («دبي، الإمارات (CNN)--»، «تونس - »), else 0.

    Only the first dozen words are searched, so a dash later in the sentence is no dateline.
    """
    if not ws:
        return 0
    head_end = ws[min(len(ws), 12) - 1].end
    m = _DATELINE_END.search(text, ws[0].start, head_end)
    if m is None:
        return 0
    return next((k for k, w in enumerate(ws) if w.start >= m.end()), 0)


# «عقد/انعقد» is light only for meetings (held); elsewhere تعقد is «to complicate»
_HELD = frozenset(conjugate("عقد") + conjugate("انعقد")) | {C.fold("عقد")}

_RESULT_VERBS = frozenset(
    f for lemma in ("أسفر", "تسبب", "خلف") for f in conjugate(lemma)
) | frozenset(C.fold(w) for w in ("أدى", "أدت", "يؤدي", "تؤدي", "أسفر"))

_REACH = frozenset(conjugate("توصل")) | frozenset(C.fold(w) for w in ("التوصل", "توصل", "للتوصل"))
_ACHIEVE = frozenset(f for lemma in ("تمكن", "نجح", "استطاع") for f in conjugate(lemma))
_GOVERNING = frozenset(C.fold(w) for w in (
    "في", "من", "على", "عن", "إلى", "حول", "بشأن", "منذ", "ضد", "مع", "خلال", "لدى", "بسبب", "عبر", "تجاه",
    "نحو", "جراء", "إثر", "بعد", "قبل", "عقب", "رغم", "بين", "دون", "لأجل", "حيال", "ضمن",
))
_ANNOUNCE = frozenset(C.fold(w) for w in ("أعلن", "أعلنت", "أعلنوا", "يعلن", "تعلن", "كشف", "كشفت", "كشفوا",
                                          "يكشف", "تكشف"))


# Reporting verbs are statements only when they introduce what was said (the cue of a quote);
# evaluative and assertive speech acts (أدان، نفى، حذر، أكد، أشار إلى …) are statements with a
# plain object too.
_REPORTING = frozenset(f for lemma in ("قال", "أعلن", "ذكر", "أفاد", "كشف", "أوضح", "صرح", "أصدر", "وصف")
                       for f in conjugate(lemma))
_TOPIC_VERBS = frozenset(C.fold(w) for w in ("وصف", "وصفت", "يصف", "تصف"))
# Round 8: what is condemned is the topic of the condemnation («دان/أدان … الانفجار»)
_CONDEMN = frozenset(f for lemma in ("أدان", "ندد", "استنكر", "شجب") for f in conjugate(lemma)) | frozenset(
    C.fold(w) for w in ("دان", "دانت", "أدان", "أدانت", "ندد", "نددت", "استنكر", "استنكرت", "شجب", "شجبت"))
_ADJUNCT = frozenset(C.fold(w) for w in ("بعد", "قبل", "عقب", "إثر", "خلفية", "أعقاب", "منذ", "بعيد", "وسط",
                                         "خلال", "أثناء", "عشية", "غداة", "قبيل"))  # «خلال تنفيذ هجوم»: during — a time adjunct
_WARNED = frozenset(C.fold(w) for w in ("حذر", "حذرت", "يحذر", "تحذر", "محذرا", "محذرة", "دعا", "دعت", "طالب",
                                        "طالبت", "تخوف", "مخاوف", "خشية"))
_RELATIVE = frozenset(C.fold(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "حيث"))
MERGE_WINDOW = 8
# «اتهم» is a legal charge only when the state or the judiciary accuses; from anyone else
# (a leader, a party, an NGO) it is an accusation made in words — a statement
_ACCUSE = frozenset(conjugate("اتهم")) | {C.fold("اتهم")}
_CHARGE = frozenset(C.fold(w) for w in ("وجه", "وجهت", "يوجه", "توجه", "وجهوا"))
_AUTHORITY_HEADS = frozenset(C.fold(w) for w in (
    "سلطات", "نيابة", "ادعاء", "محكمة", "شرطة", "قضاء", "مدعي", "محققون", "محققين",
    "الادعاء", "هيئة", "وزارة", "أمن", "قوات"))


def _authority(actors: list[dict[str, Any]]) -> bool:
    """Is the first actor a state or judicial body (السلطات الأمريكية، النيابة العامة)?"""
    for a in actors[:1]:
        ws = C.words(a.get("text") or "")
        if ws and C.strip_conj(ws[0].folded).removeprefix("ال") in _AUTHORITY_HEADS:
            return True
    return False


class EventStage:
    """Pipeline stage assigning the ``events`` layer (uses ``quotes``/``times`` when present)."""

    name = "events"
    requires = ("sentences", "tokens", "entities")
    assigns = ("events",)

    def __call__(self, article: Article) -> Article:
        article.set_layer("events", extract_events(article))
        return article


def extract_events(article: Article) -> list[Event]:
    """All events of ``article`` in text order."""
    out: list[Event] = []
    sents = sentence_bounds(article)
    quotes: list[Quote] = list(article.layer("quotes"))
    for idx, (s_start, s_end) in enumerate(sents):
        out.extend(_sentence_events(article, idx, s_start, s_end, quotes))
    return out


def main_event(events: list[Event], sentence: int | None = 0) -> Event | None:
    """The event a headline would report from sentence ``sentence`` (all sentences when None).

    Statements rank last (the content of what was said is the news); then a finite
    verb trigger beats a noun (the clause's predicate, not a noun in a side phrase);
    then the more specific type; then the earlier trigger.
    """
    cands = [e for e in events if sentence is None or e.sentence == sentence]
    if not cands:
        return None
    return min(cands, key=event_rank)


def event_rank(e: Event) -> tuple[int, int, int, int]:
    """Sort key used by :func:`main_event` (smaller ranks first)."""
    prio = TYPE_BY_NAME[e.type].priority if e.type in TYPE_BY_NAME else 99
    verb = is_verb_trigger(e.text) or bool(e.source and e.source.get("verb"))
    background = bool(e.source and e.source.get("background"))
    return (int(e.type == "statement" or background), 0 if verb else 1, e.start, prio)


_ATTRIBUTION = frozenset(C.fold(w) for w in ("بحسب", "حسب", "وفق", "وفقا", "طبقا", "نقلا", "كما", "حسبما",
                                             "بحسبما", "وفقما", "طبقما"))


def _attribution(ws: list[Word], i: int) -> bool:
    """Is the statement verb at ``i`` an attribution («بحسب ما أعلن»، «وفقا لما ذكرته»،
    «كما أعلنت الرئاسة»)?  Such a clause names the source of the sentence's news; the
    news itself is the event it is attached to, so it ranks after every other event."""
    k = i - 1
    while k >= 0 and i - k <= 2 and ws[k].bare in ("ما", "لما", "مما"):
        k -= 1
    return k >= 0 and i - k <= 3 and ws[k].bare in _ATTRIBUTION


def is_verb_trigger(text: str) -> bool:
    """Whether a trigger's surface is one of the lexicon's verb forms."""
    ws = C.words(text)
    if len(ws) > 1:
        return _verb_phrase(ws[0])  # «أطلق النار»: a verb with its fixed object
    if not ws:
        return False
    if ws[0].bare not in VERB_INDEX and (ws[0].bare in NOUN_INDEX or ws[0].folded in NOUN_INDEX):
        return False  # «قضية»، «سيطرة»: a listed noun surface is the noun unless it is a listed verb form
    forms, _ = _verb_forms(ws[0])
    if any(f in VERB_INDEX or f in _INSIST for f in forms):
        return True  # «شدد … على ضرورة»: the insisting verb of an appeal
    return any(f in verbs for t in EVENT_TYPES for verbs, _ in t.verb_objects for f in forms)


# ------------------------------------------------------------------ triggers


def _noun_forms(w: Word) -> list[str]:
    """Candidate lexicon forms of a word read as a noun: with/without ال، ل، ب، لل، بال."""
    forms = [w.bare, w.folded]
    for base in (w.bare, w.folded):
        # possessive pronouns and the accusative alef: لقاءه -> لقاء، زيارته -> زياره، اتصالا -> اتصال
        for suf in ("هما", "هم", "ها", "ه", "ا"):
            if base.endswith(suf) and len(base) - len(suf) >= 3:
                stem = base[:-len(suf)]
                forms.append(stem)
                if stem.endswith("ت"):
                    forms.append(stem[:-1] + "ه")
                break
    for base in list(forms):
        for pre in ("بال", "لل", "وال", "فال", "ال", "ل", "ب", "ك"):
            if base.startswith(pre) and len(base) - len(pre) >= 3:
                forms.append(base[len(pre):])
                if not base[len(pre):].startswith("ال"):
                    forms.append("ال" + base[len(pre):])
    return forms


def _verb_forms(w: Word) -> tuple[list[str], bool]:
    """Candidate verb forms and whether a future prefix سـ was removed."""
    forms = [w.bare, w.folded]
    future = False
    for base in (w.bare, w.folded):
        if base.startswith("س") and len(base) > 3 and base[1] in _IMPERFECT and base not in VERB_INDEX:
            forms.append(base[1:])  # «سيطروا» is a perfect of سيطر, not سـ + يطروا
            future = True
        if base.startswith("ل") and len(base) > 3 and base[1] in _IMPERFECT:  # لتبعث، ليزور
            forms.append(base[1:])
    marbuta = re.sub(r"[\u064B-\u0652]", "", w.text).endswith("ة")  # «قضية» is a noun, not قضى + ـه
    for base in list(forms):  # object pronouns: ودعتهم -> دعت، استقبله -> استقبل
        for suf in ("هما", "هم", "ها", "ه", "نا", "كم"):
            if suf == "ه" and marbuta:
                continue
            if base.endswith(suf) and len(base) - len(suf) >= 3:
                forms.append(base[:-len(suf)])
                break
    return forms, future


_INSIST = frozenset(f for lemma in ("شدد", "أكد") for f in conjugate(lemma)) | frozenset(
    C.fold(w) for w in ("شدد", "شددت", "يشدد", "تشدد", "يؤكد", "تؤكد"))
_NECESSITY = frozenset(C.fold(w) for w in ("ضرورة", "وجوب"))


def _find_triggers(ws: list[Word]) -> list[tuple[int, int, str, bool, bool]]:
    """(first word, last word, type, is_verb, future) per trigger, before merging."""
    found: list[tuple[int, int, str, bool, bool]] = []
    taken: set[int] = set()
    nforms = [set(_noun_forms(w)) | {w.bare} for w in ws]  # computed once per word
    vforms_all = [_verb_forms(w) for w in ws]
    # multi-word phrases first (indexed by their first word)
    for i in range(len(ws)):
        for first in nforms[i]:
            for phrase, types in _PHRASES_BY_FIRST.get(first, ()):
                n = len(phrase)
                if i + n <= len(ws) and not taken.intersection(range(i, i + n)) \
                        and all(p in nforms[i + k] for k, p in enumerate(phrase)):
                    found.append((i, i + n - 1, types[0], _verb_phrase(ws[i]), False))
                    taken.update(range(i, i + n))
    # verb + object pairs
    for t in EVENT_TYPES:
        for verbs, objects in t.verb_objects:
            for i in range(len(ws)):
                if i in taken:
                    continue
                forms, future = vforms_all[i]
                if not any(f in verbs for f in forms):
                    continue
                if any(any(o in nforms[j] for o in objects) for j in range(i + 1, min(len(ws), i + 5))):
                    found.append((i, i, t.name, True, future))
                    taken.add(i)
    for i, w in enumerate(ws):  # «شدد … على ضرورة …»: insisting on a necessity is a demand
        if i in taken or not set(vforms_all[i][0]) & _INSIST:
            continue
        for j in range(i + 1, min(len(ws), i + 16)):
            if C.COMPLEMENTISER_RE.match(ws[j].folded) or ws[j].bare in VERB_INDEX:
                break
            if ws[j].bare in _NECESSITY or (ws[j].folded.startswith("ب") and ws[j].folded[1:] in _NECESSITY) \
                    or (ws[j].folded in _NECESSITY and ws[j - 1].folded == "علي"):
                found.append((i, i, "appeal", True, vforms_all[i][1]))
                taken.add(i)
                break
    for i, w in enumerate(ws):
        if i in taken:
            continue
        special = _clause_verb_trigger(ws, i, vforms_all[i][0])
        if special is not None:
            found.append((i, i, special, True, vforms_all[i][1]))
            continue
        vforms, future = vforms_all[i]
        after_prep = i > 0 and (ws[i - 1].folded in _PREPS or ws[i - 1].folded in _GOVERNING)
        # «يدلل على سيطرة …»: right after a preposition only a noun can stand, never a finite verb
        vtypes = None if after_prep else next(
            (VERB_INDEX[f] for f in vforms if f in VERB_INDEX and f not in WEAK_NOUNS), None)
        if vtypes:
            found.append((i, i, vtypes[0], True, future))
            continue
        ntypes = next((NOUN_INDEX[f] for f in nforms[i] if f in NOUN_INDEX and f not in WEAK_NOUNS), None)
        if ntypes:
            found.append((i, i, ntypes[0], False, False))
    found.sort()
    merged: list[tuple[int, int, str, bool, bool]] = []
    for trig in found:
        near = [k for k, m in enumerate(merged) if m[2] == trig[2] and abs(trig[0] - m[0]) <= MERGE_WINDOW]
        if near:
            k = near[0]
            m0 = merged[k][0]
            if trig[3] and not merged[k][3] and k == len(merged) - 1 and m0 > 0 \
                    and (ws[m0 - 1].folded in _PREPS or ws[m0].folded[:1] in ("ب", "ل")
                         and ws[m0].folded[1:] in NOUN_INDEX):
                # «في اليوم الثاني من زيارته …، اجتمع الرئيس …»: the finite verb heads the clause
                # and carries its subject; a masdar governed by a preposition is an adjunct
                merged[k] = trig
            continue
        merged.append(trig)
    return merged


def _opens_clause(ws: list[Word], i: int) -> bool:
    """Is word ``i`` the first of its sentence, or joined to it by و/ف only?"""
    return i == 0 or ws[i].folded != ws[i].bare and ws[i].folded[:1] in "وف"


def _clause_verb_trigger(ws: list[Word], i: int, forms: list[str]) -> str | None:
    """Round 8: verbs whose event reading needs their clause, not the lexicon alone.

    * «بحث الرئيس … مع ولي العهد …»: clause-initial بحث with «مع» ahead is talks (the
      word is also the noun "research", so the lexicon keeps it out);
    * «قررت النيابة العامة تشريح …»، «أمرت المحكمة …»: a decision or order whose subject
      is a prosecutor or a court is a judicial act (`court_ruling`);
    * «دان رئيس الجمعية … الانفجار»: clause-initial دان is «condemned» (أدان), a statement.
    """
    w = ws[i]
    if w.bare == C.fold("بحث") and _opens_clause(ws, i):
        for x in ws[i + 1:i + 10]:
            if x.folded == "مع":
                return "meeting"
            if x.folded == "عن":
                return None
    if set(forms) & _ORDER_FORMS and i + 1 < len(ws) and ws[i + 1].bare in _JUDICIAL_HEADS:
        j = i + 2
        while j < len(ws) and j < i + 5 and ws[j].bare.startswith("ال"):
            j += 1  # «النيابة العامة المصرية»: the subject's adjectives
        if j < len(ws) and ws[j].bare in _DETENTION:
            return "arrest"  # «قررت النيابة حبس …»: what was ordered is a detention
        return "court_ruling"
    if w.bare in (C.fold("دان"), C.fold("دانت")) and _opens_clause(ws, i) and i + 1 < len(ws) \
            and ws[i + 1].folded not in _PREPS:
        return "statement"
    if w.bare in _FORECAST_FORMS and _opens_clause(ws, i) and not any(
            x.folded == "علي" or "agreement" in NOUN_INDEX.get(x.bare, ()) for x in ws[i + 1:i + 6]):
        return "statement"  # «توقع مازن السديري ارتفاع الدخل»: a forecast (signing takes «على» or a deal)
    return None


# ------------------------------------------------------------------ one sentence


def _sentence_events(article: Article, idx: int, s_start: int, s_end: int,
                     quotes: list[Quote]) -> list[Event]:
    text = article.text
    ws = C.words(text, s_start, s_end)
    if not ws:
        return []
    ents = [e for e in article.entities if s_start <= e.start and e.end <= s_end]
    if not article.entities:
        ents = _gazetteer_places(text, ws)
    times = [t for t in article.layer("times") if s_start <= t.start and t.end <= s_end]
    events: list[Event] = []
    lead = _lead_index(text, ws)
    for first, last, etype, is_verb, future in _find_triggers(ws):
        t_start, t_end = ws[first].start, ws[last].end
        opens = not is_verb and first == lead and _verb_spelling(ws[first])
        is_verb = is_verb or opens
        if any(e.start <= t_start < e.end for e in ents) and not (
                is_verb and first == lead and any(e.start == t_start and e.end == t_end for e in ents)):
            continue  # a word inside a name («مجلس الأمن» …) is not a trigger; Round 8: a one-word
            # "name" opening the sentence and spelt like a listed verb («دان رئيس …») is the verb
        if any(q.speaker and q.speaker.get("kind") != "pronoun-resolved"
               and q.speaker["start"] <= t_start < q.speaker["end"] for q in quotes):
            continue  # «المفوضية العليا للانتخابات قالت»: a word of the speaker's name
        if not is_verb and any(q.cue_end is not None and q.cue_end <= t_start < q.start
                               and C.words(text, t_end, q.start) and q.start - q.cue_end < 120 for q in quotes):
            continue  # «قالت المفوضية العليا المستقلة للانتخابات … إن»: a noun in the speaker zone
        if _other_sense(ws, first, etype):
            continue
        if etype == "arrest" and _suspended(ws, first):
            continue  # «أوقف سائق حافلة عن العمل»: stopped from doing something, not detained
        if not is_verb and _domain_genitive(ws, first):
            continue  # «مركز الإيقاف»، «أنظمة التصويت»: the masdar names a domain, not an occurrence
        quote = next((q for q in quotes if q.start <= t_start < q.end), None)
        cue_quote = next((q for q in quotes if q.cue_start is not None and q.cue_start <= t_start < (q.cue_end or 0)),
                         None)
        modality = _modality(ws, first, future, quote, text, s_start, t_start)
        if modality == "asserted" and not is_verb and quote is None and (
                _announced(ws, first) or _announcement_object(ws, first, False, True)):
            modality = "reported"  # «كشفت مصادر عن مقتل قيادي»: the event is known from what was said
        if not is_verb and modality in ("asserted", "reported") and _wished(ws, first, True, True):
            modality = "possible"  # Round 9: a wished-for or intended event has not happened
        if not is_verb and modality in ("asserted", "reported") and first > 0 \
                and C.COMPLEMENTISER_RE.match(ws[first - 1].folded):
            modality = _predicate_modality(ws, first, etype) or modality
        actors, targets, place = _arguments(text, ws, first, last, is_verb, ents, etype)
        speaker_spans = [(q.speaker["start"], q.speaker["end"]) for q in quotes
                         if q.speaker and q.speaker.get("kind") != "pronoun-resolved"
                         and q.speaker.get("start") is not None and s_start <= q.speaker["start"] < s_end]
        targets = [t for t in targets if not any(a <= t["start"] and t["end"] <= b for a, b in speaker_spans)]
        # «… بحسب ما نقلت صحيفة التايمز»: the paper that reports the event is not its target
        if etype == "court_ruling" and is_verb and (ws[first].bare in _ACCUSE or ws[first].bare in _CHARGE) \
                and actors and not _authority(actors):  # «وُجهت له تهم»: a passive charge stays one
            etype = "statement"  # «اتهم المرشد الإيراني واشنطن بـ…»: an accusation, not a charge
        if etype == "statement":
            place = None  # a statement's LOCs belong to what was said, not where
        if cue_quote is not None and cue_quote.speaker:
            actors = [dict(cue_quote.speaker, type="speaker")]
        elif is_verb and quote is not None and quote.speaker and _pronoun_subject(ws, first):
            actors = [dict(quote.speaker, type="speaker")]  # «أعلن الجيش أنه شن …»: the speaker acted
        elif not is_verb and quote is not None and quote.speaker and _governor_after_pronoun(ws, first):
            actors = [dict(quote.speaker, type="speaker")]  # «قال الجيش إنه تمكن من القضاء على …»
        source = dict(quote.speaker) if quote is not None and quote.speaker else None
        if _is_background(ws, first, etype, is_verb, lead, _clause_start(ws, quote, lead)) or (
                quote is None and _after_statement_head(ws, first, lead, is_verb)):
            source = dict(source or {}, background=True)  # «الرجل الذي شن الهجوم»: background, not the news
            if modality == "asserted" and any(x.bare in _WARNED for x in ws[max(0, first - 4):first]):
                modality = "possible"  # «حذر من تصاعد المواجهات»: warned about, not happening
        if opens or (not is_verb and etype != "statement" and _exposed_to(ws, first)):
            source = dict(source or {}, verb=True)  # «حُكم على طالب لجوء … بالسجن»: the clause's verb
            # (Round 9: «تعرضت الدورية لإطلاق نار»: the complement of «تعرض» is the predicate)
        if etype == "statement" and _attribution(ws, first):
            continue  # «حسبما أعلنت الوزارة»: the source of the news, not an event of its own
        if etype == "statement" and cue_quote is None and ws[first].bare in _REPORTING:
            source = dict(source or {}, plain=True)  # «أعلن البيت الأبيض استقالة …»: no clause was reported
        time = _nearest_time(times, t_start)
        events.append(Event(start=t_start, end=t_end, text=text[t_start:t_end], type=etype,
                            modality=modality, actors=actors, targets=targets, place=place, time=time,
                            source=source, sentence=idx))
        if not is_verb and not actors and first == last and quote is not None and quote.speaker \
                and ws[first].bare != _suffix_stem(ws[first].bare) and not ws[first].bare.endswith("ا") \
                and _suffix_stem(ws[first].bare) in NOUN_INDEX:
            # «قال ترامب إن لقاءه بالزعيم الكوري …»: the possessive points back to the speaker
            events[-1].actors = [dict(quote.speaker, type="speaker")]
        if etype == "court_ruling" and quote is not None and quote.speaker \
                and _authority([quote.speaker]) and not _authority(actors):
            # «قالت المحكمة العليا إن الرئيس الأسبق سيدخل السجن»: the court rules; the person is sentenced
            events[-1].actors = [dict(quote.speaker, type="speaker")]
        if not is_verb and etype != "statement" and _exposed_to(ws, first):
            events[-1].actors = []  # Round 9: «تعرضت الدورية لإطلاق نار»: the subject is the target
        if not is_verb and etype != "statement" and _wished(ws, first, True, True):
            said = [e for e in events if e.type == "statement" and e.start < t_start and e.actors]
            if said:  # Round 9: «أعرب X عن نيته بالترشح»: the one who wishes would act
                events[-1].actors = [dict(a) for a in said[-1].actors]
        if not is_verb and etype != "statement" and _agent_suffix(ws, first, last):
            said = [e for e in events if e.type == "statement" and e.start < t_start and e.actors]
            if said:  # «أكدت السلطات الصينية اعتقالها لمدير الانتربول»: the speaker did the arrest
                events[-1].actors = [dict(a) for a in said[-1].actors]
    if all(e.source and e.source.get("plain") for e in events):
        return []  # only «أعلن/أصدر/كشف» + a plain noun: the news is outside the taxonomy (`none`)
    _tidy_arguments(text, events)
    return events


# Heads of institutions, places and instruments: a masdar in their genitive («مركز الإيقاف»،
# «لجنة الانتخابات»، «أنظمة التصويت»، «قانون التظاهر») says what they are for, not that it happened
_DOMAIN_HEADS = frozenset(C.fold(w) for w in (
    "مركز", "مراكز", "نظام", "أنظمة", "قانون", "قوانين", "لجنة", "لجان", "مفوضية", "هيئة", "صندوق", "صناديق",
    "مكتب", "مكاتب", "مقر", "مقرات", "قاعة", "بطاقة", "بطاقات", "ورقة", "أوراق", "وزارة", "إدارة", "خلية",
    "معسكر", "معسكرات", "مخيم", "مخيمات", "سجن", "سجون", "منشأة", "منشآت",  # «معسكرات احتجاز»
))


def _domain_genitive(ws: list[Word], i: int) -> bool:
    """Is the noun at ``i`` the genitive of an institution/place/instrument head (idafa)?"""
    if i == 0 or ws[i].end - ws[i].start < 2:
        return False
    head = ws[i - 1].bare
    if head[:1] in ("ب", "ل") and head[1:] in _DOMAIN_HEADS:
        head = head[1:]
    return head in _DOMAIN_HEADS and ws[i].start - ws[i - 1].end <= 1


_AIM_FORMS = frozenset(f for f in conjugate("استهدف") if f[:1] in "يت")
_CONSIDER_FORMS = frozenset(f for f in conjugate("اعتبر") if f[:1] in "يت")
_TRAIN_LEMMAS = frozenset(C.fold(w) for w in ("درب", "دربت", "يدرب", "تدرب", "تدريب", "التدريب", "تدريبات",
                                              "التدريبات", "مدرب", "مدربين"))
_ARMED = ("قوات", "قوة", "جيش", "جنود", "جندي", "عسكري", "عسكرية", "عسكريين", "أمني", "أمنية", "مقاتل", "شرطة",
          "وحدات", "ميليشيا", "مسلح", "سلاح", "أسلحة", "حرس", "بحرية", "داعش", "تنظيم", "إرهاب")
_ARMED_FOLDED = tuple(C.fold(w) for w in _ARMED)
# the fixed objects of verb+object triggers, per type («ألقى» + «القبض»)
_OBJECTS: dict[str, frozenset[str]] = {
    t.name: frozenset(o for _, objs in t.verb_objects for o in objs) for t in EVENT_TYPES}
_ALL_OBJECTS = frozenset(o for objs in _OBJECTS.values() for o in objs)
_COMBATANTS = tuple(C.fold(w) for w in ("عنصر", "عناصر", "مسلح", "إرهابي", "إرهابيين", "مقاتل", "تكفيري",
                                          "متشدد", "انتحاري", "قيادي", "قادة", "أمير"))
_SIGN_FORMS = frozenset(conjugate("وقع"))
_RULE_IMPERFECT = frozenset(f for f in conjugate("حكم") if f[:1] in "يت")
_ERUPT = frozenset(conjugate("انفجر") + conjugate("تفجر"))


def _other_sense(ws: list[Word], i: int, etype: str) -> bool:
    """Is the trigger at ``i`` a lexicon word used in its everyday sense, not the event's?

    * the imperfect of استهدف is the goal sense in news («يستهدف الصندوق زيادة العائد»):
      attacks are reported in the perfect or the passive;
    * the imperfect of اعتبر without a complementiser is the copula «is considered»
      («تعتبر الصادرات طوق النجاة»), not someone's statement;
    * training is military assistance only with armed forces in view (coaching a club is not);
    * «انفجر/تفجر» right before another event noun is «erupted» («وانفجرت مظاهرات»).
    """
    w = ws[i]
    forms = set(_verb_forms(w)[0])
    if etype == "attack" and forms & _AIM_FORMS and not _verb_forms(w)[1]:
        return True
    if etype == "statement" and forms & _CONSIDER_FORMS \
            and not any(C.COMPLEMENTISER_RE.match(x.folded) for x in ws[i + 1:i + 7]):
        return True
    if etype == "military_assistance" and (forms | set(_noun_forms(w))) & _TRAIN_LEMMAS:
        window = ws[max(0, i - 8):i + 9]
        return not any(any(a in x.bare for a in _ARMED_FOLDED) for x in window)
    if etype == "statement" and w.bare == C.fold("عبر") and "\u0651" not in w.text \
            and not any(x.folded == "عن" for x in ws[i + 1:i + 11]):
        return True  # «كتب عبر صفحته»: the preposition «via»; عبّر states only «عن» something
    if etype == "agreement" and forms & _SIGN_FORMS \
            and not any(x.folded == "علي" or NOUN_INDEX.get(f) == ["agreement"] for x in ws[i + 1:i + 6]
                        for f in _noun_forms(x)):
        return True  # «وقعت الانتهاكات»، «فوقعت في مجموعة»: occurred/fell; signing has an object
    if etype == "sanctions" and i > 0 and ws[i - 1].folded == "في" and w.bare.removeprefix("ال") == C.fold("مقاطعة"):
        return True  # «في مقاطعة بيركشير»: the county, not a boycott
    if etype == "killing" and w.bare == C.fold("القضاء"):
        # «القضاء على 16 عنصرا»: eliminating people is killing; «القضاء على الفقر» is not
        objs = [x for x in ws[i + 2:i + 4]]
        return not any(x.text[:1].isdigit() or any(x.bare.removeprefix("ال").startswith(p) for p in _COMBATANTS)
                        for x in objs)
    if etype == "attack" and w.bare == C.fold("فجر") and i + 1 < len(ws) and ws[i + 1].folded in _TIME_WORDS:
        return True  # «فجر السبت»: dawn, not «detonated»
    if etype == "court_ruling" and forms & _RULE_IMPERFECT \
            and not any(x.folded == "علي" or x.bare.startswith("بال") for x in ws[i + 1:i + 4]):
        return True  # «الأعراف التي تحكم علاقات البلدين»: governs; a sentence is «يحكم على … بالسجن»
    if etype == "meeting" and forms & _SEARCH_FORMS and any(
            x.folded == "عن" for x in ws[i + 1:i + 5]):
        return True  # «تبحث الشرطة عن قرد»: بحث عن is "search for"; talks are «بحث … مع» / «بحث الملف»
    if etype == "diplomatic_cooperation" and w.folded == C.fold("بالتعاون") and i + 1 < len(ws) \
            and ws[i + 1].folded == "مع":
        return True  # «أطلق البريد بالتعاون مع القوات خدمة»: a manner adjunct, not an event
    if etype == "attack" and (forms | {w.bare}) & _LAUNCH and i + 1 < len(ws) and ws[i + 1].bare in _CAMPAIGN \
            and not any(x.bare.removeprefix("ال") in _CAMPAIGN_EVENT or x.bare in _CAMPAIGN_EVENT
                        for x in ws[i + 2:i + 5]):
        return True  # Round 8: «تشن حملة من الخطب والاتصالات»: a campaign of words, not an attack
    if etype == "arrest" and w.bare.removeprefix("ال") == C.fold("ضبط") and not forms & _ARREST_VERB_FORMS:
        # Round 8: the masdar «ضبط» arrests only people («من ضبط 6 أشخاص»); «ضبط كميات من
        # المخدرات» seizes goods
        return not any(x.bare.removeprefix("ال").startswith(_HUMAN_OBJECTS_FOLDED) for x in ws[i + 1:i + 4])
    if etype == "meeting" and forms & _RECEIVE_FORMS and any(
            x.bare.removeprefix("ال") in _FACILITY_HEADS for x in ws[max(0, i - 3):i] + ws[i + 1:i + 2]):
        return True  # Round 8: «سيستقبل مطار المنستير أول رحلة»: a facility receives traffic, not guests
    if etype == "diplomatic_cooperation" and (forms | set(_noun_forms(w)) | {w.bare}) & _SUPPORT_FORMS \
            and any(x.bare.removeprefix("ال") in _ECONOMY_OBJECTS for x in ws[i + 1:i + 3]):
        return True  # Round 9: «سيدعم النمو»، «دعم الأسعار»: propping up the economy, not ties
    if etype == "appeal" and w.bare == C.fold("الطلب") and (
            (i > 0 and ws[i - 1].bare.removeprefix("ال") in _ECONOMIC_DEMAND)
            or (i + 1 < len(ws) and ws[i + 1].folded == "علي")):
        return True  # Round 8: «تآكل الطلب»، «الطلب على النفط»: economic demand, not a request
    if etype == "attack" and (forms | {w.bare}) & _LAUNCH and i + 1 < len(ws):
        # «شن إضراب»، «شنت حملة اعتقالات»: شنّ is the light verb of the noun it launches
        launched = _noun_forms(ws[i + 1])
        if any(f in NOUN_INDEX and f not in WEAK_NOUNS and "attack" not in NOUN_INDEX[f] for f in launched):
            return True
    if etype == "armed_clash" and forms & _ADVANCE_FORMS and i + 1 < len(ws) \
            and ws[i + 1].folded.startswith("ب") and not ws[i + 1].folded.startswith("بات"):
        return True  # «طلبا تقدمت به جماعة»، «تقدم بشكوى»: تقدّم بـ is "submitted", not a military advance
    if etype == "attack" and forms & _ERUPT and i + 1 < len(ws):
        nxt = set(_noun_forms(ws[i + 1]))
        return any(f in NOUN_INDEX and "attack" not in NOUN_INDEX[f] for f in nxt)
    return False


_ARREST_VERB_FORMS = frozenset(conjugate("ضبط"))
_DETENTION = frozenset(C.fold(w) for w in ("حبس", "سجن", "توقيف", "احتجاز", "إيقاف", "اعتقال"))
_FORECAST_FORMS = frozenset(C.fold(w) for w in ("توقع", "توقعت", "توقعوا"))
_RECEIVE_FORMS = frozenset(conjugate("استقبل"))
_TAKE_PART = frozenset(conjugate("شارك")) | frozenset(C.fold(w) for w in ("شارك", "شاركت", "شاركوا"))
_CAMPAIGN = frozenset(C.fold(w) for w in ("حملة", "حملات", "الحملة", "الحملات"))
# what makes a «حملة» an attack or a wave of arrests rather than a campaign of speeches or ads
_CAMPAIGN_EVENT = frozenset(C.fold(w) for w in (
    "عسكرية", "جوية", "عسكري", "قصف", "غارات", "اعتقالات", "مداهمات", "اعتقال", "أمنية", "تفجيرات", "هجمات",
    "عنيفة", "دامية"))
_JUDICIAL_HEADS = frozenset(C.fold(w) for w in (
    "النيابة", "المحكمة", "محكمة", "القاضي", "قاضي", "الادعاء", "القضاء", "النائب"))
_ORDER_FORMS = frozenset(f for lemma in ("قرر", "أمر") for f in conjugate(lemma)) | frozenset(
    C.fold(w) for w in ("قرر", "قررت", "أمر", "أمرت", "يقرر", "تقرر"))
_FACILITY_HEADS = frozenset(C.fold(w) for w in (
    "مطار", "ميناء", "مستشفى", "ملعب", "فندق", "مطارات", "موانئ", "محطة", "معبر"))
_HUMAN_OBJECTS = ("شخص", "أشخاص", "اشخاص", "متهم", "مطلوب", "مشتبه", "عنصر", "عناصر", "مهرب", "مهربين",
                  "إرهابي", "ارهابي", "مسلح", "شاب", "شبان", "امرأة", "رجل", "نفر", "أفراد", "افراد")
_HUMAN_OBJECTS_FOLDED = tuple(C.fold(w) for w in _HUMAN_OBJECTS)
_ECONOMIC_DEMAND = frozenset(C.fold(w) for w in (
    "تآكل", "زيادة", "ارتفاع", "انخفاض", "تراجع", "ضعف", "نمو", "حجم", "العرض", "ضعيف", "قوة"))
_ADVANCE_FORMS = frozenset(conjugate("تقدم")) | frozenset(C.fold(w) for w in ("تقدم", "تقدمت", "يتقدم", "تتقدم"))
_LAUNCH = frozenset(conjugate("شن")) | frozenset(C.fold(w) for w in ("شن", "شنت", "شنوا"))
_SEARCH_FORMS = frozenset(conjugate("بحث")) | frozenset(C.fold(w) for w in ("بحث", "بحثت", "يبحث", "تبحث"))
_STOP_FORMS = frozenset(conjugate("أوقف") + conjugate("توقف")) | frozenset(
    C.fold(w) for w in ("أوقف", "أوقفت", "إيقاف", "توقيف", "الإيقاف", "التوقيف", "أُوقف"))


# Round 9: support of an economic quantity is no diplomatic cooperation («سيدعم النمو»)
_SUPPORT_FORMS = frozenset(conjugate("دعم")) | frozenset(C.fold(w) for w in (
    "دعم", "الدعم", "دعمت", "يدعم", "تدعم", "سيدعم", "ستدعم"))
_ECONOMY_OBJECTS = frozenset(C.fold(w) for w in (
    "نمو", "اقتصاد", "أسعار", "اسعار", "عملة", "إنفاق", "انفاق", "صادرات", "أسواق", "اسواق", "سوق", "طلب",
    "استهلاك", "أرباح", "ارباح", "إيرادات", "ايرادات", "مبيعات", "أسهم", "اسهم", "بورصة", "ليرة", "جنيه",
    "دولار", "ريال", "دينار", "الدرهم", "درهم", "يورو", "سيولة", "قطاع", "موازنة", "ميزانية"))


def _suspended(ws: list[Word], i: int) -> bool:
    """Is the أوقف/إيقاف at ``i`` «stop (someone) from» — followed by عن in its clause?

    Detention takes a direct object only; «أوقف … عن العمل»، «إيقافه عن مهامه» is a
    suspension from work or office."""
    forms = set(_noun_forms(ws[i])) | set(_verb_forms(ws[i])[0])
    if not forms & _STOP_FORMS:
        return False
    for k in range(i + 1, min(len(ws), i + 6)):
        if ws[k].folded == "عن":
            return not (k + 1 < len(ws) and ws[k + 1].folded == "طريق")  # «عن طريق»: by means of
        if C.COMPLEMENTISER_RE.match(ws[k].folded) or "،" in ws[k].text:
            break
    return False


_PHRASE_VERBS = frozenset(f for lemma in ("أطلق", "فتح") for f in conjugate(lemma)) | frozenset(
    C.fold(w) for w in ("أطلق", "أطلقت", "أطلقوا", "فتح", "فتحت", "فتحوا"))


def _verb_phrase(w: Word) -> bool:
    """Does a multi-word trigger open with a finite verb («أطلق النار»، «فتحوا النار»)?"""
    return w.bare in _PHRASE_VERBS


def _verb_spelling(w: Word) -> bool:
    """Is a clause-initial word spelt like a form I perfect of a listed verb (حكم، قتل)?

    An indefinite noun cannot open an Arabic nominal clause, so a bare word without ال
    at the start of the clause that spells a verb lemma is that verb (often passive in
    leads: «حُكم على …»، «قُتل …»)."""
    return w.folded == w.bare and w.bare in _FORM_I_LEMMAS


_FORM_I_LEMMAS = frozenset(C.fold(v) for lemmas in VERB_LEMMAS.values() for v in lemmas if len(C.fold(v)) == 3)


def _tidy_arguments(text: str, events: list[Event]) -> None:
    """Sentence-level repairs of arguments, once every event of the sentence is known.

    * A theophoric name the tagger cut before «الله» («حسن نصر» + «الله») takes it back.
    * A place standing after a comma and a later *background* event («دعا توسك … ، عشية
      قمة أوروبية تعقد … في بروكسل») belongs to that event, not to the earlier one.
    """
    for e in events:
        for a in e.actors:
            end = a.get("end")
            if isinstance(end, int) and re.match(r"\s+(?:ال|أل|إل)له\b", text[end:end + 6]):
                stop = text.index("له", end) + 2
                a["text"] = (a.get("text") or "") + text[end:stop]
                a["end"] = stop
                if a.get("entity") and not str(a["entity"]).endswith("الله"):
                    a["entity"] = f"{a['entity']} الله"
        p = e.place
        if p is None or p.get("start") is None or p["start"] <= e.end:
            continue
        for b in events:
            if b is e or not (b.source and b.source.get("background")) or not (e.end < b.start < p["start"]):
                continue
            if "،" in text[e.end:b.start] or "," in text[e.end:b.start]:
                e.place = None
                break


def _agent_suffix(ws: list[Word], first: int, last: int) -> bool:
    """Does the masdar carry its agent as a pronoun suffix, with the object after لـ
    («اعتقالها لمدير …»، «استقباله للوفد»)?  With a لـ object the suffix cannot be the
    object, so it names who acted — the subject of the verb the masdar depends on."""
    if first != last or last + 1 >= len(ws):
        return False
    w, nxt = ws[first], ws[last + 1]
    return w.bare.endswith(("ها", "هم", "ه")) and len(w.bare) > 4 and nxt.text.startswith("ل") \
        and nxt.bare not in ("لا", "لم", "لن", "لكن", "لكنه", "لكنها") and len(nxt.bare) > 3


def _modality(ws: list[Word], i: int, future: bool, quote: Quote | None, text: str, s_start: int,
              t_start: int) -> str:
    before = ws[max(0, i - 6):i]
    near = ws[max(0, i - 3):i]
    neg = next((k for k in range(len(near)) if near[k].bare in _NEGATORS or near[k].folded in _NEGATORS), None)
    if neg is not None and any(ch in "،,.؛:" for ch in text[near[neg].end:t_start]):
        neg = None  # «أمراً واقعاً لا محالة، وكشفت مصادر»: a negator of the clause before the comma
    if neg is not None:
        j = i - len(near) + neg
        if j > 0 and ws[j - 1].folded == "قد":
            return "possible"  # «قد لا يعقد»: قد hedges the negated verb — may not happen
        return "denied"
    if any(w.bare in _DENIAL_VERBS for w in ws[:i]):
        return "denied"
    if future or any(w.bare in _POSSIBLE or w.folded in _POSSIBLE for w in before):
        return "possible"
    if near and near[-1].folded == "قد" and ws[i].bare[:1] in "يتن" \
            and not (len(near) > 1 and near[-2].bare in _WAS):
        return "possible"
    if any(w.bare[:1] in "يت" and any(f in _SCHEDULED for f in _verb_forms(w)[0]) for w in before) \
            and ws[i].bare not in VERB_INDEX:
        return "possible"  # «يعقد مجلس الأمن اجتماعا طارئا الأربعاء»: a news imperfect of holding is scheduled
    for j, w in enumerate(before):  # قد + imperfect governing the trigger (قد ترسل … قوات)
        if w.folded == "قد" and j + 1 < len(before) and before[j + 1].bare[:1] in "يتن" \
                and not (j > 0 and before[j - 1].bare in _WAS):
            return "possible"  # «كان قد أخبر»: كان + قد + perfect is the pluperfect, not a possibility
        if w.folded == "ان" and j > 0 and before[j - 1].bare in _POSSIBLE:
            return "possible"
    if any(w.bare.startswith("س") and len(w.bare) > 3 and w.bare[1] in _IMPERFECT
           and w.bare[1:] in VERB_INDEX for w in near):
        return "possible"
    prev = near[-1].bare if near else ""
    if len(prev) >= 4 and prev[0] == "س" and prev[1] in "يتن" and not prev.endswith(("ة", "ه", "ات", "اء")):
        return "possible"  # «سيدخل السجن»: a future verb governing a noun trigger
    if quote is not None:
        return "reported"
    return "asserted"


_WAS = frozenset(C.fold(w) for w in ("كان", "كانت", "كانوا", "يكون", "تكون"))
# verbs of holding or staging an event: their imperfect in a news lead announces a scheduled event
_SCHEDULED = frozenset(f for lemma in ("عقد", "انعقد", "أقام", "نظم") for f in conjugate(lemma)) | frozenset(
    C.fold(w) for w in ("يقام", "تقام", "يقيم", "تقيم", "يعقد", "تعقد", "ينظم", "تنظم"))


def _predicate_modality(ws: list[Word], i: int, etype: str) -> str | None:
    """Modality carried by the verb an event noun is the subject of («إن لقاءه … قد لا يعقد»،
    «إن المحادثات ستجري»): the noun reports no more than its predicate asserts."""
    for k in range(i + 1, min(len(ws), i + 11)):
        w = ws[k]
        if C.COMPLEMENTISER_RE.match(w.folded):
            return None
        forms, future = _verb_forms(w)
        held = any(f in _HELD for f in forms)
        if (held and etype == "meeting") or (not held and any(f in _LIGHT_VERBS for f in forms)):
            prev = ws[max(i + 1, k - 2):k]
            if any(x.folded == "قد" for x in prev) and w.bare[:1] in "يت":
                return "possible"
            if any(x.bare in _NEGATORS for x in prev):
                return "denied"
            if future or any(x.bare in _POSSIBLE for x in prev):
                return "possible"
            return None
    return None


def _prep_before(text: str, ws: list[Word], ent: Entity) -> str | None:
    """The preposition governing an entity: a separate word before it or a clitic on it."""
    idx = next((k for k, w in enumerate(ws) if w.start <= ent.start < w.end), None)
    if idx is None:
        return None
    w = ws[idx]
    if ent.start > w.start:  # the entity starts inside the word: a clitic precedes it
        clitic = C.fold(text[w.start:ent.start]).lstrip("وف")
        return "ب" if "ب" in clitic else ("ل" if "ل" in clitic else None)
    ft, fc = C.fold(ent.text), C.fold(ent.canonical or "")
    if fc and ft != fc and ft.endswith(fc):  # NER kept the clitic in the text: «بليبيا» / canonical «ليبيا»
        clitic = ft[:len(ft) - len(fc)].lstrip("وف")
        if clitic[:1] in ("ب", "ل"):
            return clitic[0]
    if fc.startswith("ال") and ft.lstrip("وف").startswith("لل") and ft.lstrip("وف")[2:] == fc[2:]:
        return "ل"  # «للأمم المتحدة» / canonical «الأمم المتحدة»: ل + ال written لل
    back = idx - 1
    walked_direction = False
    while back >= 0 and idx - back <= 3 and _strip_prep(ws[back])[1] in _PLACE_NOUNS:
        prep, noun = _strip_prep(ws[back])
        if prep:
            return prep  # «بجنوب روسيا»، «بمدينة حلب»
        walked_direction = walked_direction or noun in _DIRECTIONS
        back -= 1
    if walked_direction and not (back >= 0 and (ws[back].folded in _PREPS or ws[back].bare in _PREPS)):
        return C.fold("في")  # «حرائق الغابات جنوبي ولاية كاليفورنيا»: a direction word is locative
    if back >= 0 and ws[back].folded in _PREPS:
        return ws[back].folded
    if back >= 0 and ws[back].bare in _PREPS:
        return ws[back].bare
    return None


_PLACE_NOUNS = frozenset(C.fold(w) for w in (
    "قطاع", "مدينة", "العاصمة", "عاصمة", "ولاية", "محافظة", "إقليم", "منطقة", "جزيرة", "بلدة", "قرية", "جمهورية",
    "شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي", "غربي", "ضواحي", "مخيم", "معبر", "سواحل",
    "ميناء", "مطار", "دولة",
))


_DIRECTIONS = frozenset(C.fold(w) for w in ("شمال", "جنوب", "شرق", "غرب", "وسط", "شمالي", "جنوبي", "شرقي",
                                            "غربي"))


def _strip_prep(w: Word) -> tuple[str | None, str]:
    """(attached preposition or None, the word without it and without ال): بجنوب -> (ب, جنوب)."""
    whole = w.folded[2:] if w.folded.startswith("ال") and len(w.folded) > 4 else w.folded
    if whole in _PLACE_NOUNS:
        return None, whole  # «ولاية»: the و is the root's, not a conjunction
    f = w.bare
    prep = None
    if f[:1] in ("ب", "ل") and len(f) > 3:
        prep, f = f[0], f[1:]
    if f.startswith("ال") and len(f) > 4:
        f = f[2:]
    return prep, f


def _arg(ent: Entity, role_type: str | None = None) -> dict[str, Any]:
    return {"text": ent.text, "start": ent.start, "end": ent.end,
            "entity": ent.canonical or ent.text, "type": role_type or ent.type}


_TOWN_HEADS = frozenset(C.fold(w) for w in ("مدينة", "بلدة", "قرية", "مخيم", "حي"))


def _suffix_subject(w: Word) -> bool:
    """Does the verb carry its subject as a dual or plural ending («استهدفا»، «اعتقلوا»)?"""
    b = w.bare
    return b in VERB_INDEX and (b.endswith("وا") or (b.endswith("ا") and b[:-1] in VERB_INDEX))


def _arguments(text: str, ws: list[Word], first: int, last: int, is_verb: bool, ents: list[Entity],
               etype: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]], dict[str, Any] | None]:
    t_start, t_end = ws[first].start, ws[last].end
    preps = {id(e): _prep_before(text, ws, e) for e in ents}
    # a gazetteer stand-in city is a place, never an actor; countries may act («قالت روسيا»)
    agentive = [e for e in ents if e.type in ("PERS", "ORG", "LOC", "MISC")]
    can_act = [e for e in agentive if not (e.geo and e.geo.get("stand_in") and e.geo.get("kind") != "country")
               and _may_act(text, ws, e)]
    if etype in _PATIENT_SUBJECT:
        can_act = [e for e in can_act if e.type in ("PERS", "ORG")]  # a place does not kill; a state attacks
    actors: list[dict[str, Any]] = []
    targets: list[dict[str, Any]] = []
    place: dict[str, Any] | None = None
    used: set[int] = set()
    after = [e for e in can_act if e.start >= t_end]
    before = [e for e in can_act if e.end <= t_start]
    actor: Entity | None = None
    subject_np = False
    if is_verb and _suffix_subject(ws[first]):
        # «صاروخين، استهدفا مدينة جازان»: a verb before its subject stays singular, so a dual or
        # plural ending is the subject pronoun and the noun phrase after the verb is its object
        after = []
    if is_verb and after:
        cand = after[0]
        gap_words = C.words(text, t_end, cand.start)
        gap_words = [g for g in gap_words if g.folded not in _TIME_WORDS]
        if preps[id(cand)] is not None and gap_words and gap_words[0].bare in C.TITLE_WORDS:
            # «وصف الأمين العام للأمم المتحدة، انطونيو غوتيريس، …»: the organisation completes
            # the title; the person set off by commas after it is the subject
            nxt = next((e for e in after[1:3] if e.type == "PERS" and preps[id(e)] is None), None)
            if nxt is not None and text[cand.end:nxt.start].strip() in ("،", ","):
                cand, gap_words = nxt, [g for g in C.words(text, t_end, nxt.start) if g.folded not in _TIME_WORDS]
        if gap_words and cand.type != "PERS" and "،" in text[t_end:cand.start] \
                and gap_words[0].bare not in C.TITLE_WORDS:
            subject_np = True  # «دعت الحكومة اليمنية، الأحد، الأمم المتحدة»: the entity is the object
        elif preps[id(cand)] is None and (len(gap_words) <= 3 or (
                cand.type == "PERS" and gap_words[0].bare in C.TITLE_WORDS and len(gap_words) <= 7)):
            actor = cand
    if actor is None and not is_verb and after and not [e for e in before if preps[id(e)] is None]:
        cand = after[0]  # «الزيارة التي يؤديها الوزير الأول الفرنسي برنار كازنوف»: the visitor
        if cand.type in ("PERS", "ORG") and preps[id(cand)] is None and len(C.words(text, t_end, cand.start)) <= 7:
            actor = cand
    if is_verb and before and preps[id(before[-1])] is None and before[-1].type in ("PERS", "ORG", "LOC") \
            and all(g.folded == "قد" for g in C.words(text, before[-1].end, t_start)) \
            and not any(ch in "،,:" for ch in text[before[-1].end:t_start]):
        actor = before[-1]  # «إن الرئيس دونالد ترمب سيستضيف نتنياهو»: subject before the verb
    if actor is None and before and not subject_np:
        # «قالت الشرطة إن رجلا أطلق النار»: a name before the complementiser is the speaker,
        # not the subject of the reported clause
        free = [e for e in before if preps[id(e)] is None
                and not any(C.COMPLEMENTISER_RE.match(w.folded) for w in C.words(text, e.end, t_start))]
        if free:
            actor = free[-1] if is_verb else free[0]
    if actor is None and not is_verb and first > 0:
        light = None
        for k in range(first - 1, max(-1, first - 9), -1):
            if C.COMPLEMENTISER_RE.match(ws[k].folded):
                break
            if any(f in _LIGHT_VERBS for f in _verb_forms(ws[k])[0]):
                light = k
                break
        if light is not None:  # «أصدرت المحكمة … حكما»، «شن الجيش هجوما»: the light verb's subject acts
            sub, _, _ = _arguments(text, ws, light, light, True, ents, etype)
            # only a subject standing between the light verb and the noun («أصدرت المحكمة … حكما»);
            # «تواصلت الاحتجاجات»: the noun is itself the light verb's subject
            if sub and sub[0]["start"] is not None and sub[0]["end"] <= t_start:
                return sub, *_arguments(text, ws, first, last, True, ents, etype)[1:]
    if actor is not None:
        arg = _arg(actor)
        if is_verb and actor.start >= t_end:
            np_start = _head_before(text, ws, last + 1, actor)
            if np_start is not None:  # «أعلنت النيابة العامة السعودية»: the whole subject phrase
                arg.update(text=text[np_start:actor.end], start=np_start)
        actors.append(arg)
        used.add(id(actor))
    elif is_verb and last + 1 < len(ws) and etype not in _PATIENT_SUBJECT and not _suffix_subject(ws[first]) \
            and ws[last].folded not in _PREPS and ws[last].folded not in _GOVERNING:
        # «حُكم على طالب لجوء»: after a trigger ending in a preposition comes its object, not the subject
        np = _fallback_np(ws, last + 1)
        if np is not None and _OBJECTS.get(etype, frozenset()) & set(_noun_forms(ws[last + 1])):
            np = None  # «ألقى القبض»: the fixed object of the verb is not its subject
        if np is None or _accusative(ws[last + 1]):
            # «إن مركبة مدرعة سارت … واقتحمت حشدا»: an indefinite accusative is the object;
            # the subject is the noun phrase fronted after the complementiser
            np = _fronted_subject(ws, first)
        if np is not None:
            actors.append({"text": text[np[0]:np[1]], "start": np[0], "end": np[1], "entity": None, "type": None})
    for e in [x for x in agentive if x.start >= t_end] + [x for x in agentive if x.end <= t_start]:
        if id(e) in used:
            continue
        p = preps[id(e)]
        if _in_relative_clause(text, t_end, e):
            continue  # «… الذي عاد إلى الولايات المتحدة»: a relative clause's place is another event's
        if e.type in ("ORG", "MISC") and p in _PLACE_PREPS and place is None \
                and C.fold(e.text).split()[0].lstrip("بلو") in _BUILDINGS:
            place = _arg(e)  # «في البيت الأبيض»، «في قصر الإليزيه»
            used.add(id(e))
            continue
        if e.type == "LOC" and p is None and etype == "attack" and place is None and e.start >= t_end \
                and len(C.words(text, t_end, e.start)) <= 2 \
                and C.words(text, t_end, e.start)[-1:] and C.words(text, t_end, e.start)[-1].bare in _TOWN_HEADS:
            place = _arg(e)  # «استهدفا مدينة جازان»: the town attacked is where the attack happened
            targets.append(_arg(e))
            used.add(id(e))
            continue
        if e.type == "LOC" and (p in _PLACE_PREPS) and place is None:
            place = _arg(e)
            used.add(id(e))
            if p == C.fold("إلى") and etype in ("military_assistance", "attack", "sanctions", "threat", "meeting"):
                targets.append(_arg(e))
            continue
        if p in _TARGET_PREPS or (p is None and e.start >= t_end and etype in ("attack", "arrest", "killing", "threat",
                                                                            "sanctions", "military_assistance")):
            targets.append(_arg(e))
            used.add(id(e))
    if place is None:
        loc = next((e for e in sorted(agentive, key=lambda e: abs(e.start - t_start))
                    if e.type == "LOC" and id(e) not in used and preps[id(e)] is not None
                    and preps[id(e)] not in _NOT_LOCATIVE and not _in_relative_clause(text, t_end, e)), None)
        if loc is not None:
            place = _arg(loc)
    return actors, targets, place


def _gazetteer_places(text: str, ws: list[Word]) -> list[Entity]:
    """LOC stand-ins for articles without NER: words (1-2) the gazetteer geocodes.

    A leading و/ب/ل clitic stays outside the span, so «بليبيا» gives «ليبيا» and the
    preposition logic still sees the ب.
    """
    out: list[Entity] = []
    i = 0
    while i < len(ws):
        hit = None
        for n in (2, 1):
            if i + n > len(ws) or (n == 2 and ws[i].end + 1 != ws[i + 1].start):
                continue
            start, end = ws[i].start, ws[i + n - 1].end
            surface = text[start:end]
            for cut in (2, 1, 0):
                if cut and (len(surface) - cut < 3 or any(ch not in "وفبلك" for ch in surface[:cut])):
                    continue
                name = surface[cut:]
                rec = _geocode_cached(name)
                if rec is None or C.fold(name) in _NOT_PLACES or not _same_name(name, rec):
                    continue
                if rec.get("kind") != "country" and (rec.get("population") or 0) < 100_000:
                    continue
                hit = Entity(start + cut, end, name, "LOC", rec.get("name") or name, geo=dict(rec, stand_in=True))
                break
            if hit:
                i += n
                break
        if hit:
            out.append(hit)
        else:
            i += 1
    return out


@lru_cache(maxsize=20000)
def _geocode_cached(name: str) -> dict[str, Any] | None:
    """Gazetteer lookup memoised per surface form (a pure function of the shipped data)."""
    try:
        from marsad.extract.places import geocode
    except Exception:  # noqa: BLE001 - the places module is optional here
        return None
    return geocode(name)


def _same_name(name: str, rec: dict[str, Any]) -> bool:
    """The gazetteer matched this name itself (not a clitic-stripped or fuzzy variant of another)."""
    def key(s: str) -> str:
        f = C.fold(s).replace(" ", "")
        return f.removeprefix("ال")
    if key(name) == key(str(rec.get("name", ""))):
        return True
    # aliases (بريطانيا -> المملكة المتحدة): accept when the name is a single known word
    return rec.get("kind") == "country" and len(C.fold(name)) >= 4 and " " not in name


_NOT_PLACES = frozenset(C.fold(w) for w in ("عمان", "الأمل", "النصر", "السلام", "الوحدة", "الخليج", "العاصمة"))


_PRONOUN_PREPS = frozenset(C.fold(w) for w in ("به", "بها", "له", "لها", "فيه", "فيها", "منه", "منها", "عنه", "عنها"))


def _in_relative_clause(text: str, t_end: int, ent: Entity) -> bool:
    """Is ``ent`` after the trigger behind a relative pronoun («… الذي عاد إلى الأردن»)?
    Such a clause tells of another event; its place is not this event's — unless the
    pronoun follows the trigger itself («الزيارة التي يؤديها … إلى تونس»: the visit's own place)."""
    between = C.words(text, t_end, ent.start) if ent.start >= t_end else []
    return any(w.bare in _RELATIVE for w in between[1:])


_BUILDINGS = frozenset(C.fold(w) for w in ("البيت", "قصر", "القصر", "مقر", "المقر", "مبنى", "الكرملين",
                                           "الإليزيه", "مجمع", "مستشفى", "سجن", "مطار"))

# «مع الولايات المتحدة»، «من جورجيا»، «ضد إسرائيل»: a partner, an origin or a target, not where
_NOT_LOCATIVE = frozenset(C.fold(w) for w in ("مع", "من", "عن", "ضد", "لدى", "بين", "على"))

_TIME_WORDS = frozenset(C.fold(w) for w in ("اليوم", "أمس", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء",
                                            "الخميس", "الجمعة", "السبت", "مساء", "صباح", "الليلة",
                                            "صبيحة", "ظهر", "فجر"))


def _may_act(text: str, ws: list[Word], ent: Entity) -> bool:
    """A place acts only as a state («قالت روسيا»، «تبعث بريطانيا»): a LOC the gazetteer
    knows as a city or region («بيغ آيلاند»، «إقليم داغستان») is where, never who."""
    if ent.type != "LOC":
        return True
    kind = (ent.geo or {}).get("kind")
    if kind is not None:
        return kind == "country"
    idx = next((k for k, w in enumerate(ws) if w.start <= ent.start < w.end), None)
    if idx is not None and idx > 0 and _strip_prep(ws[idx - 1])[1] in _PLACE_NOUNS:
        return False  # «جزيرة بيغ آيلاند»، «مدينة حلب»
    return "_" not in ent.text and "#" not in ent.text  # a hashtag «#إقليم_داغستان» names a place tag


# Types whose verbs usually come passive or intransitive in leads («قُتل 24 شخصا»، «أصيب
# جنديان»): the noun phrase after the verb is the victim, never the actor.
_PATIENT_SUBJECT = frozenset({"killing"})


def _head_before(text: str, ws: list[Word], k: int, ent: Entity) -> int | None:
    """Start of a subject phrase whose head precedes the entity that ends it: «النيابة
    العامة السعودية» (the tagger found only السعودية), «كتلة رجل الدين مقتدى الصدر».

    The words between the verb and the entity must be plain (time words skipped), with
    no punctuation, preposition or complementiser, and at most four of them.
    """
    while k < len(ws) and ws[k].folded in _TIME_WORDS:
        k += 1
    if k >= len(ws) or ws[k].start >= ent.start:
        return None
    gap = [w for w in ws[k:] if w.end <= ent.start]
    if not gap or len(gap) > 4 or any(ch in "،,:؛()\"«»" for ch in text[gap[0].start:ent.start]):
        return None
    if any(w.folded in _PREPS or w.bare in _PREPS or w.folded in C.SPEAKER_STOP
           or C.COMPLEMENTISER_RE.match(w.folded) or w.text.isdigit() for w in gap):
        return None
    return gap[0].start


def _accusative(w: Word) -> bool:
    """«حشدا»، «هجوما»: an indefinite noun with the accusative alif — an object, not a subject."""
    b = w.bare
    return not b.startswith("ال") and b.endswith("ا") and len(b) >= 4 and not b.endswith(("وا", "ها", "نا"))


def _fronted_subject(ws: list[Word], first: int) -> tuple[int, int] | None:
    """The noun phrase right after إن/أن when the verb at ``first`` follows it within the clause."""
    for c in range(first - 1, max(-1, first - 9), -1):
        if C.COMPLEMENTISER_RE.match(ws[c].folded):
            np = _fallback_np(ws, c + 1) if c + 1 < first else None
            if np is not None and np[1] > ws[first].start:
                np = (np[0], ws[first - 1].end)  # the subject phrase ends where its verb begins
            return np if np is not None and np[0] < np[1] else None
    return None


def _fallback_np(ws: list[Word], k: int) -> tuple[int, int] | None:
    """One or two words after a verb that look like its subject (no entities available)."""
    while k < len(ws) - 1 and ws[k].folded in _TIME_WORDS:
        k += 1  # «طالب اليوم مجلس شورى …»: the time word sits between verb and subject
    if k >= len(ws) or ws[k].folded in _PREPS or ws[k].folded in _NEGATORS or C.COMPLEMENTISER_RE.match(ws[k].folded) \
            or ws[k].folded in _PRONOUN_PREPS or ws[k].folded in C.SPEAKER_STOP:
        return None  # «طالب اليوم مجلس …»: a time word is not the subject
    end = ws[k].end
    if not ws[k].bare.startswith("ال") and ws[k].bare not in C.TITLE_WORDS:
        # an indefinite head takes its genitive and its adjectives: «وسائل إعلام سورية رسمية»،
        # «محكمة إيرانية»، «قاضية أميركية»
        j = k + 1
        while j < len(ws) and j - k <= 4 and ws[j].start - ws[j - 1].end == 1 and _np_word(ws[j]) and (
                j == k + 1 or ws[j].folded.startswith("ال") or ws[j].folded.endswith(("يه", "يون", "يين"))):
            end = ws[j].end
            j += 1
        return ws[k].start, end
    if ws[k].bare in C.TITLE_WORDS:  # «السيدة الأميركية الأولى ميلانيا ترامب،»: title and name up to the comma
        j = k + 1
        while j < len(ws) and j - k < 6 and ws[j].start - ws[j - 1].end == 1 and ws[j].folded not in _PREPS \
                and not ws[j].folded.startswith(("بال", "لل", "كال", "فال")) and ws[j].folded not in C.SPEAKER_STOP \
                and not C.COMPLEMENTISER_RE.match(ws[j].folded):
            end = ws[j].end
            j += 1
        return ws[k].start, end
    for j in (k + 1, k + 2):
        if j < len(ws) and ws[j].folded.startswith("ال") and ws[j].folded not in _PREPS \
                and ws[j].bare not in _ALL_OBJECTS and ws[j].start - end <= 1:  # «ألقت الشرطة القبض»
            end = ws[j].end
        else:
            break
    return ws[k].start, end


def _np_word(w: Word) -> bool:
    """Can ``w`` continue a noun phrase (no preposition, stop word, time word, complementiser or number)?"""
    return not (w.folded in _PREPS or w.bare in _PREPS or w.folded in C.SPEAKER_STOP or w.folded in _TIME_WORDS
                or C.COMPLEMENTISER_RE.match(w.folded) or w.text[:1].isdigit()
                or w.folded.startswith(("بال", "لل", "كال", "فال")) or w.bare in VERB_INDEX
                or w.bare in C.SPEECH_VERBS)


def _nearest_time(times: list[Any], pos: int) -> dict[str, Any] | None:
    if not times:
        return None
    t = min(times, key=lambda t: abs(t.start - pos))
    return {"text": t.text, "start": t.start, "end": t.end, "value": getattr(t, "value", None),
            "entity": None, "type": getattr(t, "kind", None)}
