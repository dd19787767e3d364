"""Inner quotes: words another speaker said, reported inside a quote.

The main scan skips most cues inside a quote (only «وقال/فأضاف» start a new one there), so
this pass runs afterwards over each quote: a speech verb no quote took, with an opener inside
the outer quote and a speaker of its own — not the outer speaker, not a relative clause —
gives an inner quote, and the outer quote keeps its span.
"""

from __future__ import annotations

import itertools

from marsad.extract import cues as C
from marsad.extract.cues import Word, strip_punct
from marsad.extract.quote_verbs import VerbCues
from marsad.extract.quote_words import (
    _NEGATION,
    _QUANTITY_HEADS,
    _RELATIVE_MA,
    _RELATIVE_PRONOUNS,
    MIN_CUED_WORDS,
    _colon_only,
    _mark_only,
    _passive,
    _prepositional_object,
    _via,
)
from marsad.extract.speakers import _CONNECTORS, _HUMAN_BROKEN_PLURALS, _PREPOSITIONS, _Speaker
from marsad.model import Quote

_COUNT_WORDS = frozenset(C.fold(w) for w in (
    "واحد", "اثنان", "إثنان", "اثنين", "ثلاثة", "أحدهم", "بعضهم", "أحدهما", "كلاهما", "جميعهم"))
_SUBJECT_PRONOUNS = frozenset(C.fold(w) for w in ("وهو", "وهي", "وهم", "هو", "هي", "هم"))


class InnerQuotes(VerbCues):
    """Finds quotes of a second speaker inside an outer quote."""

    def _inner_quotes(self) -> None:
        """Round 8: words another speaker said, reported inside a quote («قالت الوزارة إن 3 منهم
        صرحوا بأنهم من السنيغال»، «إن المهاجم اندفع … وهو يصرخ "سأقتلكم"»، a host reading out
        «… وأكد نائب المرشد أن …» inside his own quotation) are an inner quote; the outer quote
        keeps its span. The main pass skips such cues (only «وقال/فأضاف» opens a new quote
        inside a reported clause), so this pass looks at them afterwards: a speech verb that no
        quote took as its cue, an opener inside the outer quote, and a speaker of its own —
        the noun phrase in the zone («صرح اثنان بأنهما»), the subject right before the verb
        («مصادر أمنية ترجح أن»), or, after «وهو»/«وأنه», the subject that opens the outer
        clause. A cue whose speaker is the outer speaker, or that sits in a relative clause
        («التوتر الذي قال إنه …»), adds nothing."""
        taken = {q.cue_start for q in self.quotes if q.cue_start is not None}
        added: list[Quote] = []
        for q in list(self.quotes):
            k = self.word_index(q.start)
            while k < len(self.words) and self.words[k].start < q.end:
                inner = self._inner_at(k, q) if self.words[k].start not in taken else None
                if inner is not None and not any(
                        o is not q and o.start < inner.end and inner.start < o.end
                        and not (o.start <= q.start and q.end <= o.end) for o in self.quotes):
                    added.append(inner)
                k += 1
        added.sort(key=lambda x: x.start)
        for a, b in itertools.pairwise(added):
            if b.cue_start is not None and a.start < b.cue_start < a.end:
                a.end = strip_punct(self.text, a.start, b.cue_start)[1]
                comma = max(self.text.rfind("،", a.start, a.end), self.text.rfind(",", a.start, a.end))
                if comma > a.start and len(C.words(self.text, comma, a.end)) <= 2:
                    a.end = comma  # «بأنهم من السنيغال، في حين صرح …»: the connector opens the next clause
                a.text = self.text[a.start:a.end]
                for word in reversed(C.words(self.text, a.start, a.end)):
                    if word.folded.startswith("و") and word.start > a.start and word.bare not in C.SPEECH_VERBS \
                            and not any(c in "،," for c in self.text[word.end:b.cue_start]) \
                            and len(C.words(self.text, word.start, b.cue_start)) == 1:
                        # «بأنهما من غينيا وواحد قال إنه»: the coordinated subject of the next cue
                        a.end = strip_punct(self.text, a.start, word.start)[1]
                        a.text = self.text[a.start:a.end]
                    break
        self.quotes.extend(x for x in added if len(C.words(self.text, x.start, x.end)) >= MIN_CUED_WORDS)
        self.quotes.sort(key=lambda x: (x.start, x.end))

    def _inner_at(self, k: int, q: Quote) -> Quote | None:
        """The inner quote whose cue is word ``k`` inside quote ``q``, if it has one."""
        w = self.words[k]
        mark_only = _mark_only(w)
        colon_only = _colon_only(w)
        if not (w.bare in C.SPEECH_VERBS or mark_only or colon_only) or w.bare in C.IMPERSONAL \
                or C.SPEECH_VERBS.get(w.bare) == "جاء":
            return None
        if k > 0 and (self.words[k - 1].folded in _NEGATION or self.words[k - 1].bare in _RELATIVE_MA
                      or self.words[k - 1].bare in _RELATIVE_PRONOUNS):
            return None  # «الذي قال إنه …»، «ما قالت إنها …»: a relative clause, no quote of its own
        if _passive(w, C.SPEECH_VERBS.get(w.bare, "")) or _via(self.text, self.words, k):
            return None
        opener = self._mark_opener(k) if mark_only else self._find_opener(k)
        if opener is None:
            return None
        okind, zone_end, content_start, _ = opener
        if colon_only and okind != "colon":
            return None  # «أجاب كيم: "…"» inside the outer clause: a dialogue verb needs its colon
        if content_start >= q.end or (mark_only and okind == "comp") or self._impersonal_forecast(w, zone_end):
            return None
        zw = C.words(self.text, w.end, zone_end)
        if any(z.bare in C.SPEECH_VERBS or z.bare in C.SPEECH_PARTICIPLES for z in zw):
            return None  # «أعرب عن تعاطفه … وأكد أن»: the later verb is the cue
        speaker = None
        if zw and w.bare not in C.ADDRESSEE_VERBS and not (
                mark_only and (zw[0].bare in C.CHANT_OBJECTS or _prepositional_object(zw[0]))):
            speaker = self._zone_speaker((w.end, zone_end))
        checked = speaker is not None and self._source_like(speaker)
        if speaker is None:
            speaker, checked = self._inner_subject(k, q)
        if speaker is None or not checked or self._same_speaker(speaker, q):
            return None
        span = self._content(okind, content_start, w)
        if span is None:
            return None
        start, end, kind = span
        end = min(end, q.end)
        start, end = strip_punct(self.text, start, end)
        if end <= start:
            return None
        return Quote(start=start, end=end, text=self.text[start:end], kind=kind, cue=w.text,
                     cue_start=w.start, cue_end=w.end, speaker=speaker.as_dict())

    def _inner_subject(self, k: int, q: Quote) -> tuple[_Speaker | None, bool]:
        """Subject of an inner cue with an empty zone: the words between the clause start
        (a complementiser, «في حين», a connector) and the verb («وأن 3 منهم صرحوا»); after
        «وهو»/«وأنه» or a bare «و» the subject that opens the outer clause («إن المهاجم اندفع …
        وهو يصرخ»)."""
        verb = self.words[k]
        phrase: list[Word] = []
        marker: Word | None = None
        i = k - 1
        while i >= 0 and self.words[i].start >= q.start:
            x = self.words[i]
            nxt_start = phrase[0].start if phrase else verb.start
            if any(c in ".!?؟،,:;؛\n" for c in self.text[x.end:nxt_start]):
                break
            if C.COMPLEMENTISER_RE.match(x.folded) or C.COMPLEMENTISER_RE.match(x.folded.removeprefix("و")) \
                    or x.folded in _CONNECTORS or x.bare in _CONNECTORS \
                    or x.folded in _SUBJECT_PRONOUNS or x.folded == "حين":
                marker = x
                break
            phrase.insert(0, x)
            if x.folded != x.bare and x.folded[:1] == "و":
                marker = x
                break  # «وواحد قال»: a coordinated subject starts at its و
            if len(phrase) > 5:
                return None, False
            i -= 1
        phrase = [x for x in phrase if x.folded not in ("قد", "كان", "كانت")]
        if phrase:
            if phrase[0].folded in _PREPOSITIONS or phrase[0].bare in C.PRONOUNS or marker is None \
                    and phrase[0].start > q.start:
                return None, False
            start = phrase[0].start + (1 if phrase[0].folded != phrase[0].bare else 0)
            sp = self._make_speaker(start, phrase[-1].end)
            return sp, sp is not None and self._source_like(sp)
        pronoun = marker is not None and (marker.folded in _SUBJECT_PRONOUNS or (
            C.COMPLEMENTISER_RE.match(marker.folded.removeprefix("و")) and marker.folded.endswith(("ه", "ها"))))
        if pronoun and marker is not None and marker.end <= verb.start and not C.words(self.text, marker.end, verb.start):
            return self._clause_subject(q), True  # «وهو يصرخ»، «وأنه صرح»: the outer clause's subject
        return None, False

    def _source_like(self, sp: _Speaker) -> bool:
        """Can ``sp`` be an inner speaker: a named entity, a source, body or title noun, a
        human plural, or a number of people («3 منهم»، «اثنان»، «بعضهم»)?"""
        ws = C.words(self.text, sp.start, sp.end) if sp.start is not None else []
        if not ws:
            return False
        head = ws[0]
        if any(e.start <= head.start < e.end and e.type in ("PERS", "ORG") for e in self.entities):
            return True
        bare = C.strip_conj(head.folded)
        return bare in C.ANONYMOUS_HEADS | C.ORGANIZATION_HEADS | C.TITLE_WORDS | _HUMAN_BROKEN_PLURALS \
            or bare in _COUNT_WORDS or bare.isdigit() or bare.removeprefix("ال") in C.ANONYMOUS_HEADS \
            or bare.removeprefix("ال") in C.ORGANIZATION_HEADS or bare in _QUANTITY_HEADS

    def _clause_subject(self, q: Quote) -> _Speaker | None:
        """The noun phrase that opens a reported clause («المهاجم اندفع …»، «سيف الدين اختار …»)."""
        if q.kind != "reported":
            return None
        ws = C.words(self.text, q.start, q.end)
        if not ws:
            return None
        ent = next((e for e in self.entities if e.start <= ws[0].start < e.end and e.type in ("PERS", "ORG")), None)
        if ent is not None:
            return self._make_speaker(ent.start, ent.end)
        if not ws[0].bare.startswith("ال") or len(ws) < 2:
            return None
        end = ws[0].end
        for x in ws[1:3]:
            if not x.bare.startswith("ال") or self.text[end:x.start].strip():
                break
            end = x.end
        return self._make_speaker(ws[0].start, end)

    @staticmethod
    def _same_speaker(sp: _Speaker, q: Quote) -> bool:
        """Does ``sp`` name the speaker of ``q`` (one folded name containing the other)?"""
        if not q.speaker:
            return False
        mine = {C.fold(x) for x in (sp.text, sp.entity) if x}
        theirs = {C.fold(x) for x in (q.speaker.get("text"), q.speaker.get("entity")) if x}
        return any(a in b or b in a for a in mine for b in theirs)
