"""Scorers for quotes, lead events and time expressions against the gold set.

All comparisons are on *body* offsets (see :mod:`marsad.evaluation.gold`).  Two spans
**match** when their overlap covers at least half of the longer one
(``overlap >= 0.5 * max(len_gold, len_sys)``); matching is one-to-one, greedy by
overlap.  Speaker and argument strings are compared after folding (alef/ya/ta marbuta,
diacritics), dropping the و/ال/ب/ل clitics of each word, and accept either string
containing the other — «الزين» matches «اللواء محمد الزين».  A gold speaker may list
alternatives separated by «|».
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from marsad.extract.cues import fold

MIN_OVERLAP = 0.5


@dataclass(slots=True)
class SysSpan:
    """A system span in body offsets with what the scorer needs to compare."""

    start: int
    end: int
    kind: str = ""
    speaker: list[str] = field(default_factory=list)
    value: str | None = None


@dataclass(slots=True)
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    def as_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


def spans_match(a: tuple[int, int], b: tuple[int, int]) -> bool:
    overlap = min(a[1], b[1]) - max(a[0], b[0])
    longest = max(a[1] - a[0], b[1] - b[0])
    return overlap > 0 and overlap >= MIN_OVERLAP * longest


def align(gold: Sequence[tuple[int, int]], system: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """One-to-one (gold index, system index) pairs of matching spans, largest overlap first."""
    cands = []
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            if spans_match(g, s):
                cands.append((min(g[1], s[1]) - max(g[0], s[0]), i, j))
    cands.sort(reverse=True)
    used_g: set[int] = set()
    used_s: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i not in used_g and j not in used_s:
            used_g.add(i)
            used_s.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def _key_words(s: str) -> list[str]:
    out = []
    for w in re.sub(r"[^\w\s]|_", " ", fold(s)).split():
        for pre in ("وال", "بال", "لل", "ال", "و", "ب", "ل"):
            if w.startswith(pre) and len(w) - len(pre) >= 2:
                w = w[len(pre):]
                break
        if w:
            out.append(w)
    return out


def names_match(gold: Iterable[str], system: Iterable[str | None]) -> bool:
    """True when one of the gold strings and one of the system strings contain each other (by words)."""
    sys_keys = [" ".join(_key_words(s)) for s in system if s]
    for g in gold:
        gk = " ".join(_key_words(g))
        if not gk:
            continue
        for sk in sys_keys:
            if sk and (f" {gk} " in f" {sk} " or f" {sk} " in f" {gk} "):
                return True
    return False


@dataclass(slots=True)
class QuoteScore:
    by_kind: dict[str, PRF] = field(default_factory=lambda: {"direct": PRF(), "reported": PRF()})
    speaker_ok: dict[str, int] = field(default_factory=lambda: {"direct": 0, "reported": 0})
    matched: dict[str, int] = field(default_factory=lambda: {"direct": 0, "reported": 0})
    kind_ok: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        total = PRF()
        for kind, prf in self.by_kind.items():
            total.add(prf)
            m = self.matched[kind]
            out[kind] = dict(prf.as_dict(), speaker_accuracy=round(self.speaker_ok[kind] / m, 4) if m else None,
                             right_speaker_recall=round(self.speaker_ok[kind] / (prf.tp + prf.fn), 4)
                             if prf.tp + prf.fn else None)
        m_all = sum(self.matched.values())
        out["all"] = dict(total.as_dict(), speaker_accuracy=round(sum(self.speaker_ok.values()) / m_all, 4)
                          if m_all else None, kind_accuracy=round(self.kind_ok / m_all, 4) if m_all else None)
        return out


def score_quotes(gold: Sequence[Any], system: Sequence[SysSpan], score: QuoteScore, doc_id: str = "") -> None:
    """Add one article's quotes to ``score``.

    A gold quote is counted under its own kind; a system quote is a false positive
    under its kind when it matches nothing.  Span matching ignores kind (a found quote
    with the wrong kind still counts as found; ``kind_accuracy`` reports that).
    """
    pairs = align([(g.start, g.end) for g in gold], [(s.start, s.end) for s in system])
    got_g = {i for i, _ in pairs}
    got_s = {j for _, j in pairs}
    for i, j in pairs:
        g, s = gold[i], system[j]
        score.by_kind[g.kind].tp += 1
        score.matched[g.kind] += 1
        score.kind_ok += g.kind == s.kind
        if names_match(g.speakers(), s.speaker):
            score.speaker_ok[g.kind] += 1
        else:
            score.errors.append({"doc": doc_id, "error": "speaker", "gold": g.speaker, "system": s.speaker[:1],
                                 "span": [g.start, g.end]})
    for i, g in enumerate(gold):
        if i not in got_g:
            score.by_kind[g.kind].fn += 1
            score.errors.append({"doc": doc_id, "error": "missed", "kind": g.kind, "span": [g.start, g.end],
                                 "snippet": g.snippet})
    for j, s in enumerate(system):
        if j not in got_s:
            score.by_kind[s.kind if s.kind in score.by_kind else "reported"].fp += 1
            score.errors.append({"doc": doc_id, "error": "spurious", "kind": s.kind, "span": [s.start, s.end]})


@dataclass(slots=True)
class TimeScore:
    prf: PRF = field(default_factory=PRF)
    value_ok: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return dict(self.prf.as_dict(), value_accuracy=round(self.value_ok / self.prf.tp, 4) if self.prf.tp else None)


def score_times(gold: Sequence[Any], system: Sequence[SysSpan], score: TimeScore, doc_id: str = "") -> None:
    pairs = align([(g.start, g.end) for g in gold], [(s.start, s.end) for s in system])
    score.prf.tp += len(pairs)
    score.prf.fn += len(gold) - len(pairs)
    score.prf.fp += len(system) - len(pairs)
    for i, j in pairs:
        if (gold[i].value or None) == (system[j].value or None):
            score.value_ok += 1
        else:
            score.errors.append({"doc": doc_id, "error": "value", "gold": gold[i].value, "system": system[j].value,
                                 "span": [gold[i].start, gold[i].end]})
    got_g = {i for i, _ in pairs}
    got_s = {j for _, j in pairs}
    score.errors += [{"doc": doc_id, "error": "missed", "span": [g.start, g.end], "snippet": g.snippet}
                     for i, g in enumerate(gold) if i not in got_g]
    score.errors += [{"doc": doc_id, "error": "spurious", "span": [s.start, s.end]}
                     for j, s in enumerate(system) if j not in got_s]


@dataclass(slots=True)
class SysEvent:
    type: str
    actors: list[str]
    place: str | None
    modality: str


@dataclass(slots=True)
class EventScore:
    n: int = 0
    type_ok: int = 0
    actor_ok: int = 0
    place_ok: int = 0
    modality_ok: int = 0
    n_typed: int = 0  # gold lead events with a type other than "none"
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        def ratio(a: int, b: int) -> float | None:
            return round(a / b, 4) if b else None
        return {"articles": self.n, "type_accuracy": ratio(self.type_ok, self.n),
                "actor_accuracy": ratio(self.actor_ok, self.n), "place_accuracy": ratio(self.place_ok, self.n),
                "modality_accuracy": ratio(self.modality_ok, self.n_typed), "typed_events": self.n_typed}


def score_lead_event(gold: Any, system: SysEvent | None, score: EventScore, doc_id: str = "") -> None:
    """Compare the lead-sentence main event.

    Actor and place are correct when gold and system agree that there is none, or
    when the names match; modality is scored on gold events that have a type.
    """
    score.n += 1
    sys_type = system.type if system is not None else "none"
    ok_type = sys_type == gold.type
    score.type_ok += ok_type
    sys_actors = system.actors if system is not None else []
    ok_actor = (not gold.actor and not sys_actors) or (bool(gold.actor) and names_match(gold.actor.split("|"), sys_actors))
    score.actor_ok += ok_actor
    sys_place = system.place if system is not None else None
    ok_place = (not gold.place and not sys_place) or (bool(gold.place) and names_match(gold.place.split("|"), [sys_place]))
    score.place_ok += ok_place
    ok_mod = True
    if gold.type != "none":
        score.n_typed += 1
        ok_mod = system is not None and system.modality == gold.modality
        score.modality_ok += ok_mod
    if not (ok_type and ok_actor and ok_place and ok_mod):
        score.errors.append({"doc": doc_id, "gold": {"type": gold.type, "actor": gold.actor, "place": gold.place,
                                                     "modality": gold.modality},
                             "system": None if system is None else {"type": system.type, "actors": system.actors,
                                                                    "place": system.place,
                                                                    "modality": system.modality}})
