"""Learned pass: quoted fragments no cue introduced that are still someone's words.

The cue rules make a quote of words in marks when a speech verb, a colon or an attribution
introduces them.  Annotators also take as direct quotes the marked complement of other verbs
and nouns — «واتهمت المنظمة مولودوفا "بالإخلال بواجباتها الدولية"»، «ووصفه بأنه "واحد من أسوأ
الصفقات"»، «وثمنت الوزارة "حسن تعاون الأطراف الليبية"» — while titles, names and scare quotes in
marks («جماعة "ولاية سيناء"»، «برنامج "60 دقيقة"») are not speech.  No short list of verbs
separates the two, so once the cue scan and its joins are done, every closed quoted segment of
three words or more that no quote covers is scored by a logistic regression over cues of its context (the words before the opening mark,
the punctuation around it, its length, first-person words inside, how much of it is a name,
speech verbs earlier in the sentence …), trained on the hand-annotated gold articles
(:mod:`marsad.training.quote_fragments`).  Above the model's threshold it becomes a direct
quote whose speaker is the subject of its sentence (the rules' :meth:`_subject_in_sentence`)
or, failing that, the speaker in focus.

The weights ship as JSON and are read without scikit-learn; without the file the pass does
nothing (the rules alone decide, as before it existed).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.extract import cues as C
from marsad.extract.cues import Segment
from marsad.extract.model_files import load_json_model, save_json_model, shipped_json_model
from marsad.extract.quote_base import QuoteBase
from marsad.extract.speakers import _Speaker

MODEL_FILE = "quote_fragments/model.json"
# a segment shorter than this is a name or a label far more often than speech (2,350 of 2,388
# one- to four-word segments outside any quote in the open gold articles are no quote)
MIN_FRAGMENT_WORDS = 3
_LENGTH_BUCKETS = (3, 4, 5, 7, 10, 15, 25)
# first- and second-person words: speech addresses someone or speaks for a "we"
_PERSONAL = frozenset(C.fold(w) for w in (
    "أنا", "نحن", "إننا", "إنني", "اننا", "انني", "أننا", "أنني", "لدينا", "لدي", "علينا", "لنا", "لي", "نحن",
    "أنت", "أنتم", "أنتما", "لكم", "عليكم", "بلادنا", "بلدنا", "شعبنا", "لن", "سوف", "نريد", "أريد", "نعمل",
    "نأمل", "أعتقد", "نعتقد", "أؤكد", "نؤكد", "نرفض", "أرفض", "نطالب", "ندعو", "أدعو"))


def _bucket(n: float, edges: tuple[float, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge:g}"
    return f">{edges[-1]:g}"


def _stem(bare: str) -> str:
    """A governing word without its preposition and object pronoun: «بإرساء» → «ارساء»,
    «ووصفه» → «وصف» (after ``strip_conj``), so the cue generalises over its forms."""
    if len(bare) > 4 and bare[0] in "بل":
        bare = bare[1:]
    for suffix in ("هما", "هم", "ها", "ه"):
        if len(bare) - len(suffix) >= 3 and bare.endswith(suffix):
            return bare[: -len(suffix)]
    return bare


@dataclass(frozen=True, slots=True)
class FragmentModel:
    """A logistic scorer over fragment cues; above ``threshold`` a fragment is a quote."""

    weights: dict[str, float]
    intercept: float
    threshold: float
    meta: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> FragmentModel:
        if data.get("format") != 1 or not isinstance(data.get("weights"), dict):
            raise ValueError("not a quote-fragment model (format 1 with a weights table)")
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data.get("intercept", 0.0)),
                   float(data.get("threshold", 0.5)), dict(data.get("meta", {})))

    def to_dict(self) -> dict[str, Any]:
        return {"format": 1, "intercept": self.intercept, "threshold": self.threshold,
                "weights": self.weights, "meta": self.meta}

    def probability(self, features: dict[str, float]) -> float:
        z = self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def accepts(self, features: dict[str, float]) -> bool:
        return self.probability(features) >= self.threshold


def save_model(model: FragmentModel, path: Path) -> None:
    save_json_model(model.to_dict(), path)


def load_model(path: Path | str) -> FragmentModel:
    """A quote-fragment model from ``path``; a clear error when it is missing or malformed."""
    return load_json_model(path, "quote-fragment model", FragmentModel.from_dict)


@lru_cache(maxsize=1)
def shipped_model() -> FragmentModel | None:
    """The model shipped in ``marsad/models`` (None when the package carries none)."""
    data = shipped_json_model(MODEL_FILE)
    return FragmentModel.from_dict(data) if data is not None else None


@dataclass(slots=True)
class FragmentCandidate:
    """One uncovered quoted segment: its content span, cues and the speaker it would get."""

    start: int
    end: int
    features: dict[str, float]
    speaker: dict[str, Any] | None


class FragmentRules(QuoteBase):
    """The learned pass over quoted segments the cue scan left alone."""

    fragment_model: FragmentModel | None = None
    # filled when ``collect_fragments`` is set: every candidate, accepted or not (for training)
    collect_fragments: bool = False
    fragment_log: list[FragmentCandidate]

    def _learned_fragments(self) -> None:
        if self.fragment_model is None and not self.collect_fragments:
            return
        self.fragment_log = []
        for seg in self.segments:
            if seg.used or not seg.closed or any(q.start < seg.end and seg.start < q.end for q in self.quotes):
                continue
            inside = C.words(self.text, seg.start, seg.end)
            if len(inside) < MIN_FRAGMENT_WORDS:
                continue
            speaker = self._fragment_speaker(seg)
            feats = self._fragment_features(seg, inside, speaker)
            if self.collect_fragments:
                self.fragment_log.append(FragmentCandidate(seg.start, seg.end, feats,
                                                           speaker.as_dict() if speaker else None))
            if self.fragment_model is not None and self.fragment_model.accepts(feats):
                # Round 43: the model decides on the speaker it was trained with; the quote
                # before in the same sentence only names who said the accepted fragment
                self._add(seg.start, seg.end, "direct", None, self._same_sentence_speaker(seg)
                          or self._subject_in_sentence(seg.open) or self._focus_rewound(seg.open) or speaker)

    def _fragment_speaker(self, seg: Segment) -> _Speaker | None:
        return self._subject_in_sentence(seg.open) or self._resolve_pronoun(seg.open)

    def _focus_rewound(self, pos: int) -> _Speaker | None:
        """Round 46: «ونقلت الوكالة عنه قوله: "…"» then «وخلال دقائق "…"»: this pass runs after
        the cue scan, so the scan's last speaker may stand later in the text («… حسب المتحدث»
        two paragraphs on). The resolver is asked again with its focus set back to the last
        quote before ``pos`` (None when the scan's focus is already before it)."""
        q = self._quote_before(pos) if self.last_speaker_at > pos else None
        if q is None:
            return None
        saved = self.last_speaker, self.last_speaker_at
        self.last_speaker = _Speaker.taken_up(q.speaker or {})
        self.last_speaker_at = max(q.start, q.cue_start if q.cue_start is not None else q.start)
        try:
            return self._resolve_pronoun(pos)
        finally:
            self.last_speaker, self.last_speaker_at = saved

    def _same_sentence_speaker(self, seg: Segment) -> _Speaker | None:
        """Round 43: «وقالت السلطة في بيان اليوم "إن …"، مبدية "استعدادها …"»: a fragment after a
        quote of the same sentence, with no name or quote mark between them, continues that
        quote's speaker (the sentence's words before it — «بيان» — are not the subject)."""
        s_start, _ = self.sentence_of(seg.open)
        before = [q for q in self.quotes if s_start <= q.start and q.end <= seg.open]
        if not before:
            return None
        q = max(before, key=lambda x: x.end)
        sp = q.speaker
        gap = self.text[q.end:seg.open].lstrip("\"»”.، ,")  # the closing mark of the quote before
        if not sp or sp.get("start") is None or any(q.end <= e.start < seg.open for e in self.entities) \
                or any(ch in gap for ch in "«“\".؛:\n") or len(C.words(gap)) > 4:
            return None
        return _Speaker.taken_up(sp)

    def _fragment_features(self, seg: Segment, inside: list[C.Word], speaker: _Speaker | None
                           ) -> dict[str, float]:
        text = self.text
        s_start, s_end = self.sentence_of(seg.open)
        before = C.words(text, max(s_start, seg.open - 120), seg.open)[-3:]
        after = C.words(text, seg.close + 1, min(len(text), seg.close + 40))[:1]
        f: dict[str, float] = {"len=" + _bucket(len(inside), _LENGTH_BUCKETS): 1.0,
                               "mark=" + text[seg.open]: 1.0}
        gap = text[before[-1].end:seg.open] if before else text[max(0, seg.open - 2):seg.open]
        f["gap=" + ("newline" if "\n" in gap or seg.open == 0 else ":" if ":" in gap else "،" if "،" in gap
                    or "," in gap else "glued" if not gap.strip() and not gap else "space" if not gap.strip()
                    else "other")] = 1.0
        for k, w in enumerate(reversed(before), 1):
            f[f"prev{k}={C.strip_conj(w.bare)}"] = 1.0
            if k == 1:
                f["prev1_prefix=" + (w.bare[:1] if w.bare[:1] in "بل" and len(w.bare) > 2 else "-")] = 1.0
                f["prev1_stem=" + _stem(C.strip_conj(w.bare))] = 1.0
        if not before:
            f["prev=none"] = 1.0
        if len(before) >= 2:
            f[f"prev21={C.strip_conj(before[-2].bare)}_{C.strip_conj(before[-1].bare)}"] = 1.0
        tail = text[seg.close + 1:seg.close + 3]
        f["after=" + ("newline" if "\n" in tail or seg.close + 1 >= len(text) else "." if "." in tail
                      else "،" if "،" in tail or "," in tail else "word")] = 1.0
        if after:
            f["next1=" + C.strip_conj(after[0].bare)] = 1.0
        f["first=" + inside[0].bare] = 1.0
        if any(w.bare in _PERSONAL or w.folded in _PERSONAL for w in inside):
            f["personal"] = 1.0
        covered = sum(e.end - e.start for e in self.entities if seg.start <= e.start and e.end <= seg.end)
        f["named=" + _bucket(covered / max(1, seg.end - seg.start), (0.0, 0.3, 0.7))] = 1.0
        if any(ch.isdigit() for ch in text[seg.start:seg.end]):
            f["digits"] = 1.0
        if any(p in text[seg.start:seg.end] for p in ".،,؟?!:"):
            f["clause_punct"] = 1.0
        if text[seg.start:seg.end].rstrip()[-1:] in ".!؟?":
            f["ends_stop"] = 1.0
        rest = C.words(text, seg.close + 1, s_end)
        f["sentence_after=" + _bucket(len(rest), (0, 3, 10))] = 1.0
        sentence_words = C.words(text, s_start, seg.open)
        speech = [i for i, w in enumerate(sentence_words) if w.bare in C.SPEECH_VERBS
                  or w.bare in C.SPEECH_PARTICIPLES or w.bare in C.ATTRIBUTION_CUES]
        f["speech_before=" + (_bucket(len(sentence_words) - 1 - speech[-1], (2, 6, 15)) if speech else "none")] = 1.0
        if any(q.start < s_end and s_start < q.end for q in self.quotes):
            f["quote_in_sentence"] = 1.0
        f["sentence_pos=" + _bucket(len(sentence_words), (0, 3, 10, 25))] = 1.0
        f["speaker=" + (speaker.kind if speaker else "none")] = 1.0
        return f
