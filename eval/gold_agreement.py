"""How far two independent readings of the same gold articles agree, and an adjudicated gold.

    .venv/bin/python eval/gold_agreement.py compare FIRST SECOND [--json]
    .venv/bin/python eval/gold_agreement.py items FIRST SECOND --out DIR [--packets 4] [--seed N]
    .venv/bin/python eval/gold_agreement.py adjudicate FIRST SECOND --items DIR --out DIR

FIRST and SECOND are gold files or folders (``eval/gold`` format) holding readings of the same
articles, joined by id; when FIRST is a folder (``eval/gold``) only the articles SECOND covers are
read from it. The second reading of fresh113–118 and its adjudication are kept in
``eval/gold/agreement/`` (README there). Why this exists: the held-out direct-quote score has stayed near 0.85
for many rounds while every set was read by one annotator only, so part of what is scored as a
system error may be a reading two careful people would not share. ``compare`` scores the second
reading against the first with the evaluation's own matching (spans overlapping by half the
longer one, speakers matching by folded words), in both directions, and the lead events
likewise. ``items`` lists every *direct* quote the two readings disagree on (one reading has it
and the other not, or they give it another kind or speaker) as questions for a third reader,
with the two answers in shuffled order and no word of which reading gave which — the system's
output is never shown, so adjudication cannot lean towards it. ``adjudicate`` applies the
verdicts to the first reading and writes the adjudicated gold (one file per split), which
``marsad eval quotes DIR`` then scores like any gold.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.evaluation.gold import GoldArticle, GoldQuote, load_gold
from marsad.evaluation.scoring import (
    EventScore,
    QuoteScore,
    SysEvent,
    SysSpan,
    align,
    names_match,
    score_lead_event,
    score_quotes,
)

VERDICTS = ("1", "2", "both", "other")


def _joined(first: Path, second: Path) -> list[tuple[GoldArticle, GoldArticle]]:
    """Pairs of readings of the same article; an article in one reading only is an error."""
    a = {g.id: g for g in load_gold(first)}
    b = {g.id: g for g in load_gold(second)}
    if first.is_dir():  # the whole gold folder: only the articles the second reading covers
        a = {k: g for k, g in a.items() if k in b}
    if set(a) != set(b):
        only = sorted(set(a) ^ set(b))[:5]
        raise SystemExit(f"the two readings cover different articles (e.g. {only})")
    return [(a[k], b[k]) for k in sorted(a)]


def _as_system(quotes: list[GoldQuote]) -> list[SysSpan]:
    return [SysSpan(q.start, q.end, q.kind, q.speakers()) for q in quotes]


def _as_event(g: GoldArticle) -> SysEvent | None:
    ev = g.lead_event
    if ev is None:
        return None
    return SysEvent(ev.type, ev.actor.split("|") if ev.actor else [], ev.place or None,
                    ev.modality)


def compare(pairs: list[tuple[GoldArticle, GoldArticle]]) -> dict[str, Any]:
    """The second reading scored against the first and the first against the second."""
    out: dict[str, Any] = {"articles": len(pairs)}
    for name, flip in (("second_vs_first", False), ("first_vs_second", True)):
        qs, es = QuoteScore(), EventScore()
        for a, b in pairs:
            gold, other = (b, a) if flip else (a, b)
            score_quotes(gold.quotes, _as_system(other.quotes), qs, gold.id)
            if gold.lead_event is not None:
                score_lead_event(gold.lead_event, _as_event(other), es, gold.id)
        out[name] = {"quotes": qs.as_dict(), "lead_event": es.as_dict()}
    return out


@dataclass(slots=True)
class Item:
    """One direct-quote disagreement: a span and the two readings' answers (1 and 2, shuffled)."""

    n: int
    doc: str
    start: int
    end: int
    options: list[dict[str, Any]]  # each {"kind", "speaker"} or {"kind": None} for "not a quote"
    source: list[str]  # which reading gave each option ("first"/"second"); kept out of the packets
    first_index: int | None  # index of the quote in the first reading, when it has one
    second_index: int | None


def _answer(q: GoldQuote | None) -> dict[str, Any]:
    return {"kind": None, "speaker": None} if q is None else {"kind": q.kind, "speaker": q.speaker}


def disagreements(pairs: list[tuple[GoldArticle, GoldArticle]], seed: int) -> list[Item]:
    rng = random.Random(seed)
    items: list[Item] = []
    for a, b in pairs:
        matched = align([(q.start, q.end) for q in a.quotes], [(q.start, q.end) for q in b.quotes])
        in_a = {i for i, _ in matched}
        in_b = {j for _, j in matched}
        cases: list[tuple[int | None, int | None]] = []
        for i, j in matched:
            x, y = a.quotes[i], b.quotes[j]
            if "direct" in (x.kind, y.kind) and (x.kind != y.kind or not names_match(x.speakers(), y.speakers())):
                cases.append((i, j))
        cases += [(i, None) for i, q in enumerate(a.quotes) if i not in in_a and q.kind == "direct"]
        cases += [(None, j) for j, q in enumerate(b.quotes) if j not in in_b and q.kind == "direct"]
        for ia, jb in cases:
            qa = a.quotes[ia] if ia is not None else None
            qb = b.quotes[jb] if jb is not None else None
            span = qa if qa is not None else qb
            assert span is not None
            opts = [(_answer(qa), "first"), (_answer(qb), "second")]
            rng.shuffle(opts)
            items.append(Item(0, a.id, span.start, span.end, [o for o, _ in opts], [s for _, s in opts], ia, jb))
    rng.shuffle(items)
    for n, it in enumerate(items, 1):
        it.n = n
    return items


def write_items(items: list[Item], pairs: list[tuple[GoldArticle, GoldArticle]], out: Path, packets: int) -> None:
    """Packets for the judges (no sources) and a key file that says which reading gave what."""
    out.mkdir(parents=True, exist_ok=True)
    recs = {a.id: a for a, _ in pairs}
    for p in range(packets):
        with (out / f"packet_{p + 1}.jsonl").open("w", encoding="utf-8") as f:
            for it in items[p::packets]:
                g = recs[it.doc]
                article = {k: v for k, v in g.to_dict().items() if k not in ("quotes", "lead_event", "times")}
                f.write(json.dumps({"item": it.n, "article": article, "start": it.start, "end": it.end,
                                    "options": {"1": it.options[0], "2": it.options[1]}},
                                   ensure_ascii=False) + "\n")
    with (out / "key.jsonl").open("w", encoding="utf-8") as f:
        for it in items:
            f.write(json.dumps({"item": it.n, "doc": it.doc, "start": it.start, "end": it.end,
                                "options": it.options, "source": it.source, "first_index": it.first_index,
                                "second_index": it.second_index}, ensure_ascii=False) + "\n")


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(x) for x in path.read_text("utf-8").splitlines() if x.strip()]


def _decided(verdict: dict[str, Any], options: list[dict[str, Any]]) -> dict[str, Any]:
    """The reading a verdict settles on: {"kind", "speaker"}, kind None for "not a quote"."""
    v = str(verdict["verdict"])
    if v not in VERDICTS:
        raise SystemExit(f"item {verdict['item']}: verdict {v!r} is not one of {VERDICTS}")
    if v in ("1", "2"):
        return dict(options[int(v) - 1])
    if v == "both":
        kinds = {o["kind"] for o in options}
        if len(kinds) != 1 or None in kinds:
            raise SystemExit(f"item {verdict['item']}: 'both' needs two quotes of one kind")
        speakers = "|".join(dict.fromkeys(s for o in options for s in o["speaker"].split("|") if s))
        return {"kind": options[0]["kind"], "speaker": speakers}
    kind = verdict.get("kind")
    if kind not in (None, "direct", "reported"):
        raise SystemExit(f"item {verdict['item']}: kind {kind!r}")
    return {"kind": kind, "speaker": (verdict.get("speaker") or "") if kind else None}


def adjudicate(pairs: list[tuple[GoldArticle, GoldArticle]], key: list[dict[str, Any]],
               verdicts: dict[int, dict[str, Any]]) -> list[GoldArticle]:
    """The first reading with every judged direct-quote disagreement settled by its verdict."""
    missing = [k["item"] for k in key if k["item"] not in verdicts]
    if missing:
        raise SystemExit(f"{len(missing)} items have no verdict (e.g. {missing[:5]})")
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for k in key:
        by_doc[k["doc"]].append(k)
    out = []
    for a, b in pairs:
        quotes = list(a.quotes)
        drop: set[int] = set()
        for k in by_doc.get(a.id, []):
            d = _decided(verdicts[k["item"]], k["options"])
            i, j = k["first_index"], k["second_index"]
            if d["kind"] is None:
                if i is not None:
                    drop.add(i)
                continue
            base = a.quotes[i] if i is not None else b.quotes[j]
            q = GoldQuote(base.start, base.end, d["kind"], d["speaker"], base.snippet)
            if i is not None:
                quotes[i] = q
            else:
                quotes.append(q)
        kept = sorted((q for n, q in enumerate(quotes) if n not in drop), key=lambda q: (q.start, q.end))
        out.append(replace(a, quotes=kept))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="cmd", required=True)
    for name in ("compare", "items", "adjudicate"):
        p = sub.add_parser(name)
        p.add_argument("first", type=Path)
        p.add_argument("second", type=Path)
        if name == "compare":
            p.add_argument("--json", action="store_true")
        if name == "items":
            p.add_argument("--out", type=Path, required=True)
            p.add_argument("--packets", type=int, default=4)
            p.add_argument("--seed", type=int, default=20261128)
        if name == "adjudicate":
            p.add_argument("--items", type=Path, required=True, help="DIR with key.jsonl and verdicts_*.jsonl")
            p.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    pairs = _joined(args.first, args.second)
    if args.cmd == "compare":
        result = compare(pairs)
        if args.json:
            print(json.dumps(result, ensure_ascii=False))
            return 0
        print(f"{result['articles']} articles read twice")
        for name in ("second_vs_first", "first_vs_second"):
            q, e = result[name]["quotes"], result[name]["lead_event"]
            print(f"{name}: direct {q['direct']['right_speaker_recall']} (found {q['direct']['recall']}), "
                  f"reported {q['reported']['right_speaker_recall']} (found {q['reported']['recall']}); "
                  f"lead type {e['type_accuracy']} actor {e['actor_accuracy']} place {e['place_accuracy']} "
                  f"modality {e['modality_accuracy']}")
        return 0
    if args.cmd == "items":
        items = disagreements(pairs, args.seed)
        write_items(items, pairs, args.out, args.packets)
        print(f"{len(items)} direct-quote disagreements in {args.packets} packets under {args.out}")
        return 0
    key = _read_jsonl(args.items / "key.jsonl")
    verdicts = {int(v["item"]): v for f in sorted(args.items.glob("verdicts_*.jsonl")) for v in _read_jsonl(f)}
    adjudicated = adjudicate(pairs, key, verdicts)
    args.out.mkdir(parents=True, exist_ok=True)
    by_split: dict[str, list[GoldArticle]] = defaultdict(list)
    for g in adjudicated:
        by_split[g.split].append(g)
    for split, gs in sorted(by_split.items()):
        with (args.out / f"{split}.jsonl").open("w", encoding="utf-8") as f:
            for g in gs:
                f.write(json.dumps(g.to_dict(), ensure_ascii=False) + "\n")
    changed = sum(1 for k in key if _decided(verdicts[k["item"]], k["options"]) != k["options"][k["source"].index("first")])
    print(f"{len(adjudicated)} articles written to {args.out}; {changed} of {len(key)} judged items "
          f"settled otherwise than the first reading")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
