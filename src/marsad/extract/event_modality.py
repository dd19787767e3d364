"""Modality: did the event happen, is it denied, only possible, or reported?

*denied* (لم، لن، لا، ليس، عدم، or a denial verb نفى earlier in the sentence),
*possible* (يمكن أن، قد + imperfect, من المحتمل، تعتزم، تخطط، تدرس، من المقرر، سـ/سوف,
a news imperfect of holding …), *reported* (inside a quote), else *asserted*.  Denied
beats possible beats reported.  An event noun that is the subject of a reported clause
takes the modality of its predicate instead (:func:`_predicate_modality`): «إن لقاءه …
قد لا يعقد» says the meeting may not happen.
"""

from __future__ import annotations

from marsad.extract import cues as C
from marsad.extract.cues import Word
from marsad.extract.event_types import VERB_INDEX, conjugate
from marsad.extract.event_words import _HELD, _IMPERFECT, _LIGHT_VERBS, _NEGATORS, _verb_forms
from marsad.model import Quote

_POSSIBLE = frozenset(C.fold(w) for w in (
    "يمكن", "يمكنها", "يمكنه", "ربما", "محتمل", "المحتمل", "يحتمل", "تعتزم", "يعتزم", "تعتزمان", "تخطط",
    "يخطط", "تنوي", "ينوي", "تدرس", "يدرس", "المقرر", "المتوقع", "المرتقب", "مرتقب", "سوف", "تسعى",
    "يسعى", "يرجح", "المرجح", "تستعد", "يستعد", "تتجه", "يتجه", "بصدد", "تعتزمان",
    "اقترحت", "اقترح", "مقترح", "مستعدة", "مستعد",
))
# «وفقا لما ذكرته»: in news لما is ل + ما (to what), not the rare negation لمّا + jussive
_DENIAL_VERBS = frozenset(C.fold(w) for w in ("نفى", "نفت", "ينفي", "تنفي", "نفوا", "نافيا", "نافية", "تنفى"))


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
