"""Which event of a sentence is its news: the rule rank and the learned selector.

A lead sentence often carries several triggers — «قال الجيش إنه قتل ثلاثة مسلحين في
هجوم …» has a statement, a killing and an attack — and sometimes none of them is what the
sentence reports (a trigger word used in a side phrase).  :func:`event_rank` is the hand
rule (news before background and statements, a verb before a noun, the earlier and more
specific trigger).  The learned selector (:class:`MainEventModel`, trained by ``marsad
train main-event`` on the hand-annotated lead events of ``eval/gold``) scores every
candidate and a *none* option with a linear model over the same cues plus the rank itself,
so it keeps the rule's order where the annotators agreed with it and learns where they
did not: cross-validated over the gold files it types the lead event right more often than
the rule (figures in the model card, ``models/main_event/MODEL_CARD.md``).

The model is a table of feature weights (JSON, a few hundred KB), scored in pure Python;
without it (a trimmed install) the rule decides.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.extract import cues as C
from marsad.extract.event_triggers import is_verb_trigger
from marsad.extract.event_types import TYPE_BY_NAME
from marsad.extract.model_files import load_json_model, save_json_model, shipped_json_model
from marsad.model import Event, Quote

MODEL_FILE = "main_event/model.json"
NONE_OPTION = "NONE"


def event_rank(e: Event) -> tuple[int, int, int, int]:
    """The hand rule's sort key (smaller ranks first): statements and background last, then
    a finite verb before a noun, then the earlier trigger, then the more specific type."""
    prio = TYPE_BY_NAME[e.type].priority if e.type in TYPE_BY_NAME else 99
    return (int(e.type == "statement" or _background(e)), 0 if _verb(e) else 1, e.start, prio)


def _verb(e: Event) -> bool:
    return is_verb_trigger(e.text) or bool(e.source and e.source.get("verb"))


def _background(e: Event) -> bool:
    return bool(e.source and e.source.get("background"))


def _first_word(s: str) -> str:
    ws = s.split()
    return C.fold(ws[0]) if ws else ""


def option_features(text: str, sentence_start: int, events: Sequence[Event], quotes: Sequence[Quote],
                    event: Event) -> dict[str, float]:
    """Binary cues for choosing ``event`` as the main one among ``events`` (one sentence).

    The rule's rank and its ingredients (verb, background, position, type), the modality,
    whether arguments were found, the trigger and the word before it (a complementiser puts
    the event inside what was said), and whether the trigger sits inside a quote."""
    t = event.type
    rank = min(sorted(events, key=event_rank).index(event), 3)
    order = min(sorted(events, key=lambda e: e.start).index(event), 3)
    verb, background = _verb(event), _background(event)
    inside = any(q.start <= event.start < q.end for q in quotes)
    position = min(len(text[sentence_start:event.start].split()) // 3, 6)
    before = text[max(sentence_start, event.start - 12):event.start].split()
    trigger = _first_word(event.text)
    f: dict[str, float] = {
        f"type={t}": 1, f"verb={verb}": 1, f"type={t}|verb={verb}": 1,
        f"background={background}": 1, f"type={t}|background={background}": 1,
        f"rank={rank}": 1, f"type={t}|rank={rank}": 1, f"order={order}": 1,
        f"modality={event.modality}": 1, f"type={t}|modality={event.modality}": 1,
        f"actors={bool(event.actors)}": 1, f"type={t}|actors={bool(event.actors)}": 1,
        f"place={event.place is not None}": 1, f"events={min(len(events), 4)}": 1,
        f"position={position}": 1, f"type={t}|position={position}": 1,
        f"trigger={trigger}": 1, f"type={t}|trigger={trigger}": 1,
        f"in_quote={inside}": 1, f"type={t}|in_quote={inside}": 1,
        f"statement_beside={t != 'statement' and any(e.type == 'statement' for e in events)}": 1,
    }
    if before:
        f[f"before={C.fold(before[-1])}"] = 1
    return f


def none_features(text: str, sentence_start: int, events: Sequence[Event], quotes: Sequence[Quote]
                  ) -> dict[str, float]:
    """Cues for "none of these is the sentence's news": how many candidates and of which
    types, the sentence's first word, and whether a quote opens near it."""
    f: dict[str, float] = {NONE_OPTION: 1, f"{NONE_OPTION}|events={min(len(events), 4)}": 1,
                           f"{NONE_OPTION}|first={_first_word(text[sentence_start:sentence_start + 40])}": 1,
                           f"{NONE_OPTION}|quote={any(sentence_start <= q.start < sentence_start + 400 for q in quotes)}": 1}
    for t in {e.type for e in events}:
        f[f"{NONE_OPTION}|has={t}"] = 1
    return f


def options(text: str, sentence_start: int, events: Sequence[Event], quotes: Sequence[Quote]
            ) -> list[tuple[Event | None, dict[str, float]]]:
    """Every choice for one sentence: each event with its cues, then *none*."""
    out: list[tuple[Event | None, dict[str, float]]] = [
        (e, option_features(text, sentence_start, events, quotes, e)) for e in events]
    out.append((None, none_features(text, sentence_start, events, quotes)))
    return out


@dataclass(frozen=True, slots=True)
class MainEventModel:
    """A linear scorer over option cues; the best-scoring option is the main event."""

    weights: dict[str, float]
    intercept: float
    meta: dict[str, Any]
    # *none* must beat the best event by this much: the regression sees "none" as one more
    # class, but a wrong *none* also loses the event's modality (chosen in cross-validation)
    none_margin: float = 0.0

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> MainEventModel:
        if data.get("format") != 1 or not isinstance(data.get("weights"), dict):
            raise ValueError("not a main-event model (format 1 with a weights table)")
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data.get("intercept", 0.0)),
                   dict(data.get("meta", {})), float(data.get("none_margin", 0.0)))

    def to_dict(self) -> dict[str, Any]:
        return {"format": 1, "intercept": self.intercept, "none_margin": self.none_margin,
                "weights": self.weights, "meta": self.meta}

    def score(self, features: dict[str, float]) -> float:
        return self.intercept + sum(self.weights.get(k, 0.0) * v for k, v in features.items())

    def choose(self, text: str, sentence_start: int, events: Sequence[Event], quotes: Sequence[Quote]
               ) -> Event | None:
        """The main event of one sentence's ``events``, or None when the model reads the
        sentence as reporting nothing in the taxonomy (or there is no candidate)."""
        if not events:
            return None
        return self.pick(options(text, sentence_start, events, quotes))

    def pick(self, choices: Sequence[tuple[Event | None, dict[str, float]]]) -> Event | None:
        """The best-scoring of :func:`options`' choices (the earlier one on a tie)."""
        if not choices:
            return None
        scores = [self.score(f) - (self.none_margin if e is None else 0.0) for e, f in choices]
        best = max(range(len(choices)), key=lambda k: (scores[k], -k))
        return choices[best][0]


def save_model(model: MainEventModel, path: Path) -> None:
    save_json_model(model.to_dict(), path)


def load_model(path: Path | str) -> MainEventModel:
    """A main-event model from ``path``; a clear error when it is missing or malformed."""
    return load_json_model(path, "main-event model", MainEventModel.from_dict)


@lru_cache(maxsize=1)
def shipped_model() -> MainEventModel | None:
    """The model shipped in ``marsad/models`` (None when the package carries none)."""
    data = shipped_json_model(MODEL_FILE)
    return MainEventModel.from_dict(data) if data is not None else None


def choose_main_event(text: str, sentence_start: int, events: Sequence[Event], quotes: Sequence[Quote],
                      model: MainEventModel | None = None, use_model: bool = True) -> Event | None:
    """The sentence's main event: the learned selector when shipped (or given), else the rule."""
    if not events:
        return None
    chosen_model = model if model is not None else (shipped_model() if use_model else None)
    if chosen_model is None:
        return min(events, key=event_rank)
    return chosen_model.choose(text, sentence_start, events, quotes)
