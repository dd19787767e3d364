"""Run Marsad over the gold articles and score quotes, lead events and times.

The pipeline is :func:`marsad.pipeline.default_pipeline` when it already contains
the stages a task needs; otherwise it is assembled from whichever of the known stages
import, and every stage that is missing is *named* in the result (``missing``) — a
missing NER stage, for example, still lets quotes be scored with the no-entity
fallbacks, and the report says so instead of silently scoring something else.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marsad.evaluation.gold import GoldArticle, GoldError, check_offsets, load_gold, read_source
from marsad.evaluation.scoring import (
    EventScore,
    QuoteScore,
    SysEvent,
    SysSpan,
    TimeScore,
    score_lead_event,
    score_quotes,
    score_times,
)
from marsad.model import Article, Event, Quote, Sentence, Token

if TYPE_CHECKING:
    from marsad.extract.speaker_ranker import SpeakerRankModel

# (module, class) in pipeline order; "fallback" layers are filled by a stand-in when absent.
KNOWN_STAGES: list[tuple[str, str, str]] = [
    ("clean", "marsad.text.stages", "CleanStage"),
    ("segment", "marsad.text.stages", "SegmentStage"),
    ("entities", "marsad.extract.entities", "EntityStage"),
    ("times", "marsad.extract.times", "TimesStage"),
    ("quotes", "marsad.extract.quotes", "QuoteStage"),
    ("events", "marsad.extract.events", "EventStage"),
]


class _FallbackSegment:
    """Stand-in used only when ``marsad.text.stages`` cannot be imported."""

    name = "segment(fallback)"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("sentences", "tokens")

    def __call__(self, article: Article) -> Article:
        from marsad.extract.cues import words
        from marsad.extract.quotes import sentence_bounds
        article.layers.pop("sentences", None)
        article.set_layer("sentences", [Sentence(s, e) for s, e in sentence_bounds(article)])
        article.set_layer("tokens", [Token(w.start, w.end, w.text, w.folded) for w in words(article.text)])
        return article


class _EmptyEntities:
    name = "entities(missing)"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("entities",)

    def __call__(self, article: Article) -> Article:
        article.set_layer("entities", [])
        return article


_STAND_INS: dict[str, Any] = {"entities": _EmptyEntities, "segment": _FallbackSegment}


@dataclass
class Runner:
    """The stages that will run, and the names of the ones that could not be loaded."""

    stages: list[Any]
    missing: list[str] = field(default_factory=list)

    def __call__(self, article: Article) -> Article:
        """Run the stages; a stage that raises is disabled, named in ``missing`` and
        replaced by its stand-in (entities -> empty layer) for this and later articles."""
        for k, st in enumerate(self.stages):
            try:
                article = st(article)
            except Exception as exc:  # noqa: BLE001 - reported by name, never hidden
                name = getattr(st, "name", type(st).__name__)
                self.missing.append(f"{name} (failed at run time: {type(exc).__name__}: {exc})"[:200])
                stand_in = _STAND_INS.get(name)
                self.stages[k] = stand_in() if stand_in else _Skip(name)
                article = self.stages[k](article)
        return article


class _Skip:
    """Takes the place of a stage that failed and has no stand-in: assigns nothing."""

    def __init__(self, name: str) -> None:
        self.name = f"{name}(skipped)"
        self.requires: tuple[str, ...] = ()
        self.assigns: tuple[str, ...] = ()

    def __call__(self, article: Article) -> Article:
        return article


def build_runner(needed: tuple[str, ...] = ("quotes", "events", "times")) -> Runner:
    """The default pipeline if it has the needed stages, else one assembled from what imports."""
    stages: list[Any] = []
    missing: list[str] = []
    try:
        from marsad.pipeline import default_pipeline
        pipe = default_pipeline()
        if all(n in pipe.names for n in needed):
            return Runner(list(pipe.stages))
    except Exception as exc:  # noqa: BLE001 - fall back to assembling stages one by one
        missing.append(f"default_pipeline ({type(exc).__name__}: {exc})"[:200])
    for name, module, cls in KNOWN_STAGES:
        try:
            stage = getattr(importlib.import_module(module), cls)()
        except Exception as exc:  # noqa: BLE001 - any import/constructor failure means "missing"
            missing.append(f"{name} ({module}.{cls}: {type(exc).__name__}: {exc})"[:200])
            if name == "segment":
                stages.append(_FallbackSegment())
            elif name == "entities":
                stages.append(_EmptyEntities())
            continue
        stages.append(stage)
    return Runner(stages, missing)


@dataclass
class Analysed:
    gold: GoldArticle
    body: str
    article: Article


def analyse_gold(gold_path: Path | str, data_dir: Path, runner: Runner,
                 progress: Callable[[str], None] | None = None) -> list[Analysed]:
    """Read every gold article's body, check annotations and run the pipeline on it."""
    out: list[Analysed] = []
    for g in load_gold(gold_path):
        doc = read_source(g, data_dir)
        problems = check_offsets(g, doc.body)
        if problems:
            raise GoldError(f"{g.id}: " + "; ".join(problems[:3]))
        art = Article.from_raw(doc.body, title=doc.title, published=g.published or doc.published,
                               source=g.path)
        art = runner(art)
        out.append(Analysed(g, doc.body, art))
        if progress:
            progress(g.id)
    return out


def _to_body(article: Article, start: int, end: int) -> tuple[int, int]:
    return article.offsets.span_to_raw(start, end)


def speaker_strings(sp: dict[str, Any] | None) -> list[str]:
    """What the scorer compares with the annotated speaker: the speaker's text and entity."""
    if not sp:
        return []
    return [s for s in (sp.get("text"), sp.get("entity")) if s]


def quote_spans(article: Article, quotes: Sequence[Quote]) -> list[SysSpan]:
    """``quotes`` of ``article`` as the scorer reads them: body offsets, kind, speaker strings."""
    return [SysSpan(*_to_body(article, q.start, q.end), q.kind, speaker_strings(q.speaker)) for q in quotes]


def system_quotes(a: Analysed, fragments: bool = True, speakers: SpeakerRankModel | None = None) -> list[SysSpan]:
    """The article's quotes in body offsets; ``fragments=False`` re-reads them with the cue
    rules alone (without the learned fragment pass and the learned speaker check), for comparison;
    ``speakers`` (a :class:`~marsad.extract.speaker_ranker.SpeakerRankModel`) re-reads them with
    that speaker check, which ships with no model (see its module)."""
    from marsad.extract.quotes import extract_quotes

    if speakers is not None:
        return quote_spans(a.article, extract_quotes(a.article, "shipped" if fragments else None, speakers))
    return quote_spans(a.article, a.article.layer("quotes") if fragments
                       else extract_quotes(a.article, None, None))


def system_times(a: Analysed) -> list[SysSpan]:
    out = []
    for t in a.article.layer("times"):
        s, e = _to_body(a.article, t.start, t.end)
        out.append(SysSpan(s, e, t.kind, value=t.value))
    return out


def _in_lead(a: Analysed, ev: Event) -> bool:
    g = a.gold.lead_event
    s, _ = _to_body(a.article, ev.start, ev.end)
    return g is not None and g.sentence_start <= s < g.sentence_end


def lead_candidates(a: Analysed) -> list[Event]:
    """Typed system events whose trigger lies in the gold lead sentence (what the selector
    chooses among; the untyped event stands in only when it chooses none)."""
    from marsad.extract.event_types import UNTYPED

    return [ev for ev in a.article.layer("events") if ev.type != UNTYPED and _in_lead(a, ev)]


def untyped_lead(a: Analysed) -> Event | None:
    """The events stage's untyped lead event, when it lies in the gold lead sentence."""
    from marsad.extract.event_types import UNTYPED

    return next((ev for ev in a.article.layer("events") if ev.type == UNTYPED and _in_lead(a, ev)), None)


def lead_sentence_start(a: Analysed, cands: list[Event]) -> int:
    """Where the sentence of the lead candidates starts (the article's first sentence when
    there are none): the selector's cues count positions from it."""
    from marsad.extract.quotes import sentence_bounds

    bounds = sentence_bounds(a.article)
    idx = (cands[0].sentence or 0) if cands else 0
    if idx < len(bounds):
        return bounds[idx][0]
    return cands[0].start if cands else 0


def as_sys_event(ev: Event | None) -> SysEvent | None:
    """What the lead-event scorer compares: type (the untyped event is the gold's ``none``),
    actor strings, place string, modality."""
    from marsad.extract.event_types import UNTYPED

    if ev is None:
        return None
    actors = [x for arg in ev.actors for x in (arg.get("text"), arg.get("entity")) if x]
    place = None
    if ev.place:
        place = ev.place.get("entity") or ev.place.get("text")
    return SysEvent("none" if ev.type == UNTYPED else ev.type, actors, place, ev.modality)


def system_lead_event(a: Analysed, by: str = "model", untyped: bool = True) -> SysEvent | None:
    """The main event among the system events of the gold lead sentence, chosen as the
    events stage chooses it (``by="model"``: the learned selector when shipped) or by the
    hand rule alone (``by="rule"``, for comparison); when none is chosen, the untyped lead
    event (``untyped=False`` scores without it, for comparison)."""
    from marsad.extract.main_event import choose_main_event

    cands = lead_candidates(a)
    chosen = choose_main_event(a.article.text, lead_sentence_start(a, cands), cands,
                               list(a.article.layer("quotes")), use_model=by == "model") if cands else None
    if chosen is None and untyped:
        chosen = untyped_lead(a)
    return as_sys_event(chosen)


def evaluate(task: str, analysed: list[Analysed], lead_by: str = "model", fragments: bool = True,
             untyped: bool = True, speakers: SpeakerRankModel | None = None) -> dict[str, Any]:
    """Scores for ``task`` (quotes | events | times) per split and overall (``lead_by``: how
    the lead sentence's main event is chosen, see :func:`system_lead_event`; ``fragments``:
    whether quotes include the learned fragment pass, see :func:`system_quotes`; ``untyped``:
    whether the untyped lead event stands in when no typed one is chosen; ``speakers``: a speaker
    check model to score quotes with)."""
    splits = sorted({a.gold.split for a in analysed})
    result: dict[str, Any] = {"task": task, "articles": len(analysed), "splits": {}}
    errors: list[dict[str, Any]] = []
    for split in splits + ["all"]:
        part = [a for a in analysed if split == "all" or a.gold.split == split]
        if task == "quotes":
            qs = QuoteScore()
            for a in part:
                score_quotes(a.gold.quotes, system_quotes(a, fragments, speakers), qs, a.gold.id)
            result["splits"][split] = qs.as_dict()
            if split == "all":
                errors = qs.errors
        elif task == "times":
            ts = TimeScore()
            for a in part:
                score_times(a.gold.times, system_times(a), ts, a.gold.id)
            result["splits"][split] = ts.as_dict()
            if split == "all":
                errors = ts.errors
        elif task == "events":
            es = EventScore()
            for a in part:
                if a.gold.lead_event is not None:
                    score_lead_event(a.gold.lead_event, system_lead_event(a, lead_by, untyped), es, a.gold.id)
            result["splits"][split] = es.as_dict()
            if split == "all":
                errors = es.errors
        else:
            raise ValueError(f"unknown task {task!r} (quotes, events, times)")
    result["errors"] = errors
    return result
