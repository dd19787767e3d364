"""The lead sentence's news when it lies outside the taxonomy: an untyped (``other``) event.

About a quarter of news leads report something the fifteen types do not name («وافق مجلس
الوزراء على مبادرة …»، «أغلقت السلطات في رواندا 700 كنيسة»، «أظهرت بيانات رسمية …»).  Their
type is rightly *none*, but an analyst still wants to know who acted and where — and the
gold sets since fresh40 annotate exactly that.  So when the selector finds no typed main
event in the lead, the clause's own verb becomes an ``other`` event whose actor, place,
time and modality are read by the same argument rules as a typed verb trigger.

Only the lead sentence gets one (an event per verb of the article would be noise), and
only when its clause opens with a finite verb, the usual order of an Arabic news lead.
Verbs of change and occurrence (ارتفع، تحطم، توفي، اندلع …) have a subject that undergoes
rather than acts, so they keep no actor; nor does a price, an index or a currency.
"""

from __future__ import annotations

from typing import Any

from marsad.extract import cues as C
from marsad.extract.cues import Word
from marsad.extract.event_arguments import _arg, _arguments, _gazetteer_places, _nearest_time
from marsad.extract.event_modality import _modality
from marsad.extract.event_types import UNTYPED, conjugate
from marsad.extract.event_words import _NEGATORS, _PREPS, _verb_forms
from marsad.model import Article, Event

# verbs whose subject undergoes the change rather than acting: prices rise, planes crash
_UNDERGOING = frozenset(f for lemma in (
    "ارتفع", "انخفض", "تراجع", "هبط", "استقر", "تحطم", "نشب", "اندلع", "هطل", "انطلق", "استمر", "انهار",
    "غرق", "انفجر", "تصاعد", "قفز", "نفق", "صعد", "تجاوز", "تفاقم", "تدهور", "انتشر", "اجتاح", "تزايد",
    "تضاعف", "تقلص", "ظهر", "غاب") for f in conjugate(lemma)) | frozenset(C.fold(w) for w in (
    # hollow and defective verbs, whose stems conjugate() does not derive
    "توفي", "توفيت", "لقي", "لقيت", "لقى", "لقوا", "صادف", "يصادف", "تصادف", "تعافى", "تعافت", "بلغ", "بلغت",
    "يبلغ", "تبلغ", "زاد", "زادت", "حدث", "ضرب", "ضربت"))

# «شهد»: "saw, witnessed" — a place as its subject is where the news happens, not an actor
_WITNESSING = frozenset(conjugate("شهد")) | {C.fold("شهد")}

# heads of market subjects: «ارتفعت أسعار النفط»، «هوى الدولار» — what moves does not act
_MARKET = frozenset(C.fold(w) for w in (
    "أسعار", "سعر", "الذهب", "النفط", "الدولار", "الين", "اليورو", "الليرة", "الجنيه", "الريال", "الأسهم",
    "البورصة", "مؤشر", "المؤشر", "أسواق", "الأسواق", "أسهم", "عملة", "العملة", "الفضة", "خام", "برنت",
    "التضخم"))

# opening words that are no finite verb though nothing in their spelling says so
_NOT_VERBS = frozenset(C.fold(w) for w in (
    "أحد", "إحدى", "قبل", "بعد", "منذ", "فيما", "بينما", "هاه", "مع", "عند", "حين", "إذا", "لو", "كل", "بعض",
    "أكثر", "أقل", "نحو", "حوالي", "هذا", "هذه", "ذلك", "تلك", "هو", "هي", "هم", "إن", "أن", "كما", "ثم", "أول",
    "آخر"))

# verbs whose spelling starts with ب though most such words are ب + noun («بمناسبة»، «باعتبار»)
_B_VERBS = ("بدا", "بحث", "بعث", "بلغ", "بدأ")


def _finite_verb(w: Word) -> bool:
    """Can ``w``, opening a news lead, be its finite verb?  Spelling decides what can be
    decided without a dictionary: ال, a preposition glued on, ة, the adverbial tanwin
    («بعيداً»، «بناءً») and a م-prefixed pattern (مكتب، موعد، متهم) make a noun; a perfect in
    -ت (منعت، منحت) stays a verb."""
    b, f = w.bare, C.strip_conj(w.folded)
    if b.startswith(("ال", "بال", "لل", "كال")) or w.text[:1].isdigit() or b in C.TITLE_WORDS:
        return False
    if b in _PREPS or f in _PREPS or f in _NOT_VERBS or b in _NOT_VERBS or f in _NEGATORS:
        return False
    if b.endswith("ة") or w.text.endswith(("اً", "ًا", "ءً")):
        return False
    if b.startswith("م") and (len(b) >= 5 or (len(b) == 4 and not b.endswith("ت"))):
        return False
    return not (b.startswith("ب") and len(b) >= 5 and not b.startswith(_B_VERBS))


def _clause_verb(ws: list[Word], lead: int) -> int | None:
    """Index of the lead clause's verb: the first word after a dateline, past «قد/لقد» and
    «من المقرر/المتوقع أن»; None when the clause does not open with a finite verb."""
    v = lead
    if v < len(ws) and ws[v].folded in ("قد", "لقد"):
        v += 1
    if v + 2 < len(ws) and ws[v].folded == "من" and C.COMPLEMENTISER_RE.match(ws[v + 2].folded):
        v += 3  # «من المقرر أن يوافق البرلمان»: the planned act is the clause's verb
    if v >= len(ws) or not _finite_verb(ws[v]):
        return None
    return v


# words after which the rest of the sentence is another clause: a place there is not this event's
_CLAUSE_BREAKS = frozenset(C.fold(w) for w in (
    "بعد", "عقب", "إثر", "اثر", "حيث", "الذي", "التي", "الذين", "اللذين", "اللتين", "وذلك", "بسبب", "منذ",
    "حسب", "بحسب", "وفق", "وفقا", "حسبما", "بينما", "فيما", "عندما", "أجراه", "أجرته", "قبل", "خلال", "مما",
    "ما"))


def _in_main_clause(ws: list[Word], v: int, arg: dict[str, Any]) -> bool:
    """Does ``arg`` start before the first clause break after the verb at ``v``?"""
    stop = next((k for k in range(v + 1, len(ws))
                 if ws[k].folded in _CLAUSE_BREAKS or C.strip_conj(ws[k].folded) in _CLAUSE_BREAKS), None)
    return stop is None or arg["start"] < ws[stop].start


def untyped_lead_event(article: Article, s_start: int, s_end: int, ws: list[Word], lead: int) -> Event | None:
    """The ``other`` event of the lead sentence ``[s_start, s_end)``, whose words are ``ws``
    and whose clause starts at word ``lead`` (after any dateline), or None when the clause
    opens with no finite verb."""
    text = article.text
    v = _clause_verb(ws, lead)
    if v is None:
        return None
    ents = [e for e in article.entities if s_start <= e.start and e.end <= s_end] or _gazetteer_places(text, ws)
    actors, targets, place = _arguments(text, ws, v, v, True, ents, UNTYPED)
    verb = ws[v]
    if verb.folded in _UNDERGOING or verb.bare in _UNDERGOING or C.strip_conj(verb.folded) in _UNDERGOING:
        actors = []
    if actors and (C.fold(actors[0]["text"]).split() or [""])[0] in _MARKET:
        actors = []
    if verb.folded in _WITNESSING or C.strip_conj(verb.folded) in _WITNESSING:
        subject = actors[0] if actors else None
        if subject is not None and place is None:  # «قد تشهد مدينة جدة …»: the place the news happens in
            loc = next((e for e in ents if e.type == "LOC" and subject["start"] <= e.start and e.end <= subject["end"]),
                       None)
            place = subject if subject.get("type") == "LOC" else (_arg(loc) if loc is not None else None)
        actors = []  # «شهدت عدة مناطق … انقطاعا»، «شهدت الأسواق …»: what witnesses does not act
    if place is not None and not _in_main_clause(ws, v, place):
        place = None  # «… بعد إقلاعها من مطار في موسكو»: the place of a background clause
    times = [t for t in article.layer("times") if s_start <= t.start and t.end <= s_end]
    _, future = _verb_forms(verb)
    return Event(start=verb.start, end=verb.end, text=verb.text, type=UNTYPED,
                 modality=_modality(ws, v, future, None, text, s_start, verb.start),
                 actors=actors, targets=targets, place=place, time=_nearest_time(times, verb.start), sentence=0)
