"""Trigger finding: which words of a sentence name an event, and of which type.

Triggers come from the lexicons in :mod:`marsad.extract.event_types` (verbs, nouns,
multi-word phrases, and verb+object pairs such as «تبعث … وحدات»).  A word is matched
after folding and after removing و/ف, the future prefix س and, for nouns, the article
and the ل/ب prepositions (لتدريب → تدريب).  Phrases are tried first so their words are
not read again one by one; a few verbs need their clause to be read at all
(:func:`_clause_verb_trigger`).  Same-type triggers within :data:`MERGE_WINDOW` words are
one event.  Whether a candidate is really the sentence's event is decided later, by the
filters in :mod:`~marsad.extract.event_senses` and :mod:`~marsad.extract.event_background`.
"""

from __future__ import annotations

from marsad.extract import cues as C
from marsad.extract.cues import Word
from marsad.extract.event_types import (
    EVENT_TYPES,
    NOUN_INDEX,
    PHRASE_INDEX,
    VERB_INDEX,
    VERB_LEMMAS,
    WEAK_NOUNS,
    conjugate,
)
from marsad.extract.event_words import _GOVERNING, _PREPS, _noun_forms, _verb_forms


def _phrases_by_first() -> dict[str, list[tuple[tuple[str, ...], list[str]]]]:
    out: dict[str, list[tuple[tuple[str, ...], list[str]]]] = {}
    for phrase, types in PHRASE_INDEX.items():
        out.setdefault(phrase[0], []).append((phrase, types))
    for cands in out.values():  # the longest phrase first: «وقف إطلاق النار» before «إطلاق النار»
        cands.sort(key=lambda c: -len(c[0]))
    return out


_PHRASES_BY_FIRST = _phrases_by_first()
MERGE_WINDOW = 8


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


_INSIST = frozenset(f for lemma in ("شدد", "أكد") for f in conjugate(lemma)) | frozenset(
    C.fold(w) for w in ("شدد", "شددت", "يشدد", "تشدد", "يؤكد", "تؤكد"))
_NECESSITY = frozenset(C.fold(w) for w in ("ضرورة", "وجوب"))


def _find_triggers(ws: list[Word]) -> list[tuple[int, int, str, bool, bool]]:
    """(first word, last word, type, is_verb, future) per trigger, before merging."""
    found: list[tuple[int, int, str, bool, bool]] = []
    taken: set[int] = set()
    # computed once per word; read in _noun_forms' order (the word as written first), so a
    # form in two lexicon entries always gives the same type — a set's order changed with
    # PYTHONHASHSEED («بالإعدام» came out court_ruling or killing from run to run)
    norder = [list(dict.fromkeys([*_noun_forms(w), w.bare])) for w in ws]
    nforms = [set(forms) for forms in norder]
    vforms_all = [_verb_forms(w) for w in ws]
    # multi-word phrases first (indexed by their first word)
    for i in range(len(ws)):
        for first in norder[i]:
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
        ntypes = next((NOUN_INDEX[f] for f in norder[i] if f in NOUN_INDEX and f not in WEAK_NOUNS), None)
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


_DETENTION = frozenset(C.fold(w) for w in ("حبس", "سجن", "توقيف", "احتجاز", "إيقاف", "اعتقال"))
_FORECAST_FORMS = frozenset(C.fold(w) for w in ("توقع", "توقعت", "توقعوا"))
_JUDICIAL_HEADS = frozenset(C.fold(w) for w in (
    "النيابة", "المحكمة", "محكمة", "القاضي", "قاضي", "الادعاء", "القضاء", "النائب"))
_ORDER_FORMS = frozenset(f for lemma in ("قرر", "أمر") for f in conjugate(lemma)) | frozenset(
    C.fold(w) for w in ("قرر", "قررت", "أمر", "أمرت", "يقرر", "تقرر"))

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
