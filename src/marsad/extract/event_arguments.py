"""Arguments: who acted, on whom, where and when.

Arguments come from the ``entities`` layer of the same sentence, read by position and
by the preposition in front (:func:`_prep_before`): the subject after a verb (VSO) or
before a noun trigger is the actor; an entity after ضد/على or the direct object is a
target; a place after في/إلى/ب (a LOC entity) is the place — after إلى it is also a
target.  The nearest time expression of the sentence is the time.  Without entities the
actor falls back to the noun phrase after the verb (:func:`_fallback_np`), and places
fall back to gazetteer stand-ins (:func:`_gazetteer_places`).  The driver may replace
the actor with a quote's speaker (:func:`_pronoun_subject`, :func:`_agent_suffix`), and
:func:`_tidy_arguments` repairs what only the whole sentence shows.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from marsad.extract import cues as C
from marsad.extract.cues import Word
from marsad.extract.event_types import EVENT_TYPES, VERB_INDEX
from marsad.extract.event_words import (
    _ACHIEVE,
    _GOVERNING,
    _LIGHT_VERBS,
    _NEGATORS,
    _PREPS,
    _RELATIVE,
    _TIME_WORDS,
    _noun_forms,
    _verb_forms,
)
from marsad.model import Entity, Event

_PLACE_PREPS = frozenset(C.fold(p) for p in ("في", "إلى", "داخل", "قرب", "نحو", "شمال", "جنوب", "شرق", "غرب",
                                            "وسط", "ب"))
_TARGET_PREPS = frozenset(C.fold(p) for p in ("ضد", "على", "إلى", "ب"))


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


# the fixed objects of verb+object triggers, per type («ألقى» + «القبض»)
_OBJECTS: dict[str, frozenset[str]] = {
    t.name: frozenset(o for _, objs in t.verb_objects for o in objs) for t in EVENT_TYPES}
_ALL_OBJECTS = frozenset(o for objs in _OBJECTS.values() for o in objs)


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


def _prep_before(text: str, ws: list[Word], ent: Entity) -> str | None:
    """The preposition governing an entity: a separate word before it or a clitic on it."""
    pos = ent.start + 1 if text.startswith("#", ent.start) else ent.start  # «في #اليابان»: a hashtag name
    idx = next((k for k, w in enumerate(ws) if w.start <= pos < w.end), None)
    if idx is None:
        return None
    w = ws[idx]
    if pos > w.start:  # the entity starts inside the word: a clitic precedes it
        clitic = C.fold(text[w.start:pos]).lstrip("وف")
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
