"""What happened: typed events with trigger, actors, targets, place, time and modality.

Each sentence goes through the same passes, one module each:

* :mod:`~marsad.extract.event_triggers` finds the trigger words and their types;
* :mod:`~marsad.extract.event_senses` drops lexicon words used in another sense;
* :mod:`~marsad.extract.event_background` tells the sentence's news from its context
  (relative clauses, adjuncts, governed nouns, what was announced, wished or suffered);
* :mod:`~marsad.extract.event_modality` says whether the event is asserted, reported,
  possible or denied;
* :mod:`~marsad.extract.event_arguments` reads actors, targets, place and time;
* :mod:`~marsad.extract.event_words` holds the word classes they share.

This module drives them sentence by sentence (:func:`_sentence_events`), where the
passes' answers are combined and the few rules that need all of them live, and keeps
the public entry points.  The lead sentence's main event (``main=True``, what a headline
would report) is chosen by the learned selector of :mod:`~marsad.extract.main_event`;
:func:`main_event` is the hand rule it reads as a cue and falls back on: news before
background and statements, a verb before a noun, then the earlier and more specific trigger.
"""

from __future__ import annotations

import re
from typing import Any

from marsad.extract import cues as C
from marsad.extract.cues import Word
from marsad.extract.event_arguments import (
    _agent_suffix,
    _arguments,
    _gazetteer_places,
    _governor_after_pronoun,
    _nearest_time,
    _pronoun_subject,
    _tidy_arguments,
)
from marsad.extract.event_background import (
    _WARNED,
    _after_statement_head,
    _announced,
    _announcement_object,
    _clause_start,
    _exposed_to,
    _is_background,
    _wished,
)
from marsad.extract.event_modality import _modality, _predicate_modality
from marsad.extract.event_senses import _domain_genitive, _other_sense, _suspended
from marsad.extract.event_triggers import _find_triggers, _verb_spelling
from marsad.extract.event_types import NOUN_INDEX, UNTYPED, conjugate
from marsad.extract.event_untyped import untyped_lead_event
from marsad.extract.event_words import _suffix_stem
from marsad.extract.main_event import choose_main_event, event_rank
from marsad.extract.quotes import sentence_bounds
from marsad.model import Article, Event, Quote

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


# «أصدر» + a plain object («أصدر الرئيس عملة جديدة»، «أصدر أمرا ملكيا بترقية …») issues a thing;
# nobody is reported as saying anything. Round 15: the other reporting verbs with a plain object
# («أعلنت ستاربكس عن استقالة مؤسسها»، «أعلنت ناسا نجاح مهمة …») announce a non-taxonomy event,
# which the gold sets since fresh5 type as a `statement` (round 7 had made them `none`).
_ISSUING = frozenset(conjugate("أصدر"))
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
    """All events of ``article`` in text order; the lead sentence's main event (what a
    headline would report, chosen by :func:`~marsad.extract.main_event.choose_main_event`)
    carries ``main=True``; when the selector finds none, the lead's clause verb is an
    untyped event (:func:`~marsad.extract.event_untyped.untyped_lead_event`) that does."""
    out: list[Event] = []
    sents = sentence_bounds(article)
    quotes: list[Quote] = list(article.layer("quotes"))
    for idx, (s_start, s_end) in enumerate(sents):
        out.extend(_sentence_events(article, idx, s_start, s_end, quotes))
    if sents:
        lead = choose_main_event(article.text, sents[0][0], [e for e in out if e.sentence == 0], quotes)
        if lead is None:  # news outside the taxonomy: who acted and where is still worth keeping
            s_start, s_end = sents[0]
            ws = C.words(article.text, s_start, s_end)
            lead = untyped_lead_event(article, s_start, s_end, ws, _lead_index(article.text, ws))
            if lead is not None:
                out.append(lead)
                out.sort(key=lambda e: (e.sentence or 0, e.start))
        if lead is not None:
            lead.main = True
            if lead.place is None and lead.type in _VIOLENCE:
                _inherit_place(lead, [e for e in out if e.sentence == 0])
    return out


# the lead types whose place is where the violence behind them happened
_VIOLENCE = frozenset({"killing", "attack", "armed_clash"})


def _inherit_place(lead: Event, events: list[Event]) -> None:
    """A violent lead event with no place of its own takes the place of the first later event
    of its sentence that has one: «لقي تسعة أشخاص مصرعهم … في هجوم انتحاري استهدف … في
    طرابلس» — the dead fell where the attack was.  Only for killings, attacks and clashes:
    an appeal or a meeting mentions places it did not happen in (measured on the 4,188 gold
    leads: the three types gained 25 places and lost 3, the others gained 18 and lost 29)."""
    for ev in events:
        if ev is not lead and ev.start >= lead.end and ev.place is not None and ev.type != "statement":
            lead.place = dict(ev.place)
            return


def main_event(events: list[Event], sentence: int | None = 0) -> Event | None:
    """The hand rule's main event of sentence ``sentence`` (all sentences when None).

    The lead sentence's ``main`` flag comes from the learned selector, which reads this
    rank as one of its cues (:mod:`marsad.extract.main_event`).  Statements rank last (the content of what was said is the news); then a finite
    verb trigger beats a noun (the clause's predicate, not a noun in a side phrase);
    then the more specific type; then the earlier trigger.
    """
    cands = [e for e in events if sentence is None or e.sentence == sentence]
    typed = [e for e in cands if e.type != UNTYPED]
    if not typed:  # the untyped lead event stands in only when the taxonomy names nothing
        return cands[0] if cands else None
    return min(typed, key=event_rank)


_ATTRIBUTION = frozenset(C.fold(w) for w in ("بحسب", "حسب", "وفق", "وفقا", "طبقا", "نقلا", "كما", "حسبما",
                                             "بحسبما", "وفقما", "طبقما"))


# Round 15: «علمت CNN أن»، «جاء في بيان أن»: the writer names a source; nobody makes a statement
_SOURCING = frozenset(C.fold(w) for w in ("علمت", "علم", "جاء"))


def _attribution(ws: list[Word], i: int) -> bool:
    """Is the statement verb at ``i`` an attribution («بحسب ما أعلن»، «وفقا لما ذكرته»،
    «كما أعلنت الرئاسة»)?  Such a clause names the source of the sentence's news; the
    news itself is the event it is attached to, so it ranks after every other event."""
    k = i - 1
    while k >= 0 and i - k <= 2 and ws[k].bare in ("ما", "لما", "مما"):
        k -= 1
    return k >= 0 and i - k <= 3 and ws[k].bare in _ATTRIBUTION


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
        if etype != "statement" and quote is None and cue_quote is None and any(
                q.cue_end is not None and q.cue_start is not None and s_start <= q.cue_start
                and q.cue_end <= t_start < q.start for q in quotes):
            # Round 11: «قال رئيس الحكومة خلال زيارة أداها … إن …»، «علّق … على الضربة التي …، مشيرا
            # إلى أن»: an event between a cue and its words is the setting of the speech, not the news
            source = dict(source or {}, background=True)
        if opens or (not is_verb and etype != "statement" and _exposed_to(ws, first)):
            source = dict(source or {}, verb=True)  # «حُكم على طالب لجوء … بالسجن»: the clause's verb
            # (Round 9: «تعرضت الدورية لإطلاق نار»: the complement of «تعرض» is the predicate)
        if etype == "statement" and _attribution(ws, first):
            continue  # «حسبما أعلنت الوزارة»: the source of the news, not an event of its own
        if etype == "statement" and cue_quote is None and ws[first].bare in _ISSUING:
            source = dict(source or {}, plain=True)  # «أصدر الرئيس عملة جديدة»: a thing issued, nothing said
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
        # only «أصدر» + a plain noun: the news is outside the taxonomy (`none`) —
        # unless the sentence carries a quote's cue, whose speaker made a statement
        cued = _cued_statement(text, ws[lead], quotes, times, idx) if lead < len(ws) else None
        return [cued] if cued is not None else []
    _tidy_arguments(text, events)
    return events


def _cued_statement(text: str, opening: Word, quotes: list[Quote], times: list[Any], idx: int) -> Event | None:
    """Round 15: «تقول الشرطة في الهند إنها تمكنت …»، «نقلت وكالة … عن شاهد قوله إن …»: a
    sentence that opens with the cue of a quote and has no taxonomy word reports that someone
    spoke — a statement by the quote's speaker, even when the cue verb (an imperfect, a relay
    verb) is not in the statement trigger list. Only the opening verb counts: a cue later in
    the sentence («…، إلا أن خبراء قالوا إن») or a document's («نشر … بيانات تفيد بأن») leaves
    the sentence's own news outside the taxonomy, and «علمت CNN»، «جاء في بيان» are the
    writer's sourcing, not anyone's statement (all measured on the gold set as `none`)."""
    for q in quotes:
        if q.cue_start != opening.start or q.cue_end is None or not q.speaker:
            continue
        cue = C.words(text, q.cue_start, q.cue_end)
        if not cue or C.strip_conj(cue[0].folded) in _SOURCING or cue[0].folded in _SOURCING:
            continue
        relayed = C.strip_conj(cue[0].folded) in C.RELAY_VERBS or cue[0].folded in C.RELAY_VERBS
        return Event(start=q.cue_start, end=q.cue_end, text=text[q.cue_start:q.cue_end], type="statement",
                     modality="reported" if relayed else "asserted",
                     actors=[dict(q.speaker, type="speaker")], targets=[], place=None,
                     time=_nearest_time(times, q.cue_start), source=dict(q.speaker), sentence=idx)
    return None
