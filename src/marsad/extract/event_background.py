"""Trigger filter: is an event the sentence's news, or context for it?

A sentence names more events than it reports.  A trigger in a relative clause, a time
adjunct («بعد الهجوم»), the object of a warning, a condemnation or a description, or a
masdar behind a preposition («بسبب الاحتجاجات») is background: it stays an event but
ranks after the news (see :func:`marsad.extract.events.event_rank`).  The exceptions are
where Arabic puts the news in such a slot: what is announced («أعلن عن اعتقال …»),
reached («التوصل إلى اتفاق»), achieved, suffered («تعرضت لإطلاق نار») or wished for
(«عبر عن رغبته بزيارة …»); the driver also reads :func:`_announced` and :func:`_wished`
to set the modality of such events.
"""

from __future__ import annotations

from marsad.extract import cues as C
from marsad.extract.cues import Word
from marsad.extract.event_triggers import is_verb_trigger
from marsad.extract.event_types import NOUN_INDEX, VERB_INDEX, conjugate
from marsad.extract.event_words import (
    _ACHIEVE,
    _GOVERNING,
    _HELD,
    _LAUNCH,
    _LIGHT_VERBS,
    _RELATIVE,
    _suffix_stem,
    _verb_forms,
)
from marsad.model import Quote


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


_RESULT_VERBS = frozenset(
    f for lemma in ("أسفر", "تسبب", "خلف") for f in conjugate(lemma)
) | frozenset(C.fold(w) for w in ("أدى", "أدت", "يؤدي", "تؤدي", "أسفر"))

_REACH = frozenset(conjugate("توصل")) | frozenset(C.fold(w) for w in ("التوصل", "توصل", "للتوصل"))
_ANNOUNCE = frozenset(C.fold(w) for w in ("أعلن", "أعلنت", "أعلنوا", "يعلن", "تعلن", "كشف", "كشفت", "كشفوا",
                                          "يكشف", "تكشف"))
_TOPIC_VERBS = frozenset(C.fold(w) for w in ("وصف", "وصفت", "يصف", "تصف"))
# Round 8: what is condemned is the topic of the condemnation («دان/أدان … الانفجار»)
_CONDEMN = frozenset(f for lemma in ("أدان", "ندد", "استنكر", "شجب") for f in conjugate(lemma)) | frozenset(
    C.fold(w) for w in ("دان", "دانت", "أدان", "أدانت", "ندد", "نددت", "استنكر", "استنكرت", "شجب", "شجبت"))
_ADJUNCT = frozenset(C.fold(w) for w in ("بعد", "قبل", "عقب", "إثر", "خلفية", "أعقاب", "منذ", "بعيد", "وسط",
                                         "خلال", "أثناء", "عشية", "غداة", "قبيل"))  # «خلال تنفيذ هجوم»: during — a time adjunct
_WARNED = frozenset(C.fold(w) for w in ("حذر", "حذرت", "يحذر", "تحذر", "محذرا", "محذرة", "دعا", "دعت", "طالب",
                                        "طالبت", "تخوف", "مخاوف", "خشية"))
_TAKE_PART = frozenset(conjugate("شارك")) | frozenset(C.fold(w) for w in ("شارك", "شاركت", "شاركوا"))
