"""Precision of cross-article person merges in the entity registry, before/after the context check.

    nice -n 10 .venv/bin/python eval/registry_slice.py      # analyse the ANT slices once (see there)
    .venv/bin/python eval/registry_eval.py                  # 1-21 March, eval/registry_check.jsonl
    .venv/bin/python eval/registry_eval.py --cache /tmp/marsad_registry_april.jsonl \
        --check eval/registry_check_april.jsonl             # 5-12 April
    options: [--per-stratum 25 --per-entity 4 --seed 11] [--show FILE] [--labels FILE] [--write]

The analysed slice goes through the registry twice: ``before`` is the plain rule (same
person key, same entity; no text scan of organisation names:
``EntityRegistry(context_check=False, scan_aliases=False)``), ``after`` the shipped
registry. From each run, person entities spanning >= 2 articles are sampled in two
strata: ``full`` (every article names the person in full) and ``surname`` (at least one
article links through a single name: «ترامب», «الزين»). The sample is a stable hash
order of entity ids (seed 11), so an entity both runs share is sampled in both. Up to
``--per-entity`` articles of each sampled entity are judged (the first one and a stable
choice of the rest).

Judgments are per (article, name as resolved in that article): a short English label of
whom the name means («Donald Trump»; «~Napoli club» for a referent that is not a person,
an NER type error; «?junk ...» for a span that names nothing). One label serves both
runs. An entity is ``one`` when its judged articles carry one label (junk spans aside),
``mixed`` otherwise, ``unclear`` when only junk was judged. The pair table counts
judged pairs from different articles that either run put in one entity. ``--show FILE``
writes unlabelled sampled mentions with their context, to judge; ``--labels FILE`` adds
JSON Lines ``{article, name, person}``; ``--write`` stores sample, labels, verdicts and
reasons in ``--check`` (no article text). Article ids are the ANT DOCNO (file name).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

from registry_slice import DEFAULT_OUT, load_cache

from marsad.corpus.records import CorpusDoc, sort_key
from marsad.corpus.registry import EntityRegistry, ResolvedMention
from marsad.model import Article

CHECK = ROOT / "eval" / "registry_check.jsonl"


@dataclass
class Run:
    """One registry pass: per entity, its articles and the local name keys in each."""

    name: str
    registry: EntityRegistry
    names: dict[str, dict[str, set[str]]]  # entity id -> article -> local keys
    single_only: dict[str, set[str]]  # entity id -> articles naming it by one word only
    spans: dict[tuple[str, str], tuple[int, int, str]]  # (article, local key) -> first mention


def load_docs(cache: Path) -> list[CorpusDoc]:
    if not cache.exists():
        raise SystemExit(f"no analysed slice at {cache}: run eval/registry_slice.py first")
    docs = []
    for row in load_cache(cache):
        docno = str(row.pop("docno"))
        docs.append(CorpusDoc.from_article(Article.from_dict(row), doc_id=docno))
    return sorted(docs, key=sort_key)


def run(docs: list[CorpusDoc], context_check: bool) -> Run:
    reg = EntityRegistry(context_check=context_check, scan_aliases=context_check)
    names: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    surfaces: dict[str, dict[str, set[int]]] = defaultdict(lambda: defaultdict(set))
    spans: dict[tuple[str, str], tuple[int, int, str]] = {}
    for doc in docs:
        resolved: list[ResolvedMention] = reg.add_doc(doc)
        for m in resolved:
            if m.type == "PERS":
                names[m.entity_id][doc.id].add(m.key)
                surfaces[m.entity_id][doc.id].add(len(m.surface.split()))
                spans.setdefault((doc.id, m.key), (m.start, m.end, m.surface))
    single = {eid: {a for a, lens in arts.items() if lens == {1}} for eid, arts in surfaces.items()}
    return Run("after" if context_check else "before", reg, names, single, spans)


def merges(r: Run) -> dict[str, list[str]]:
    """Stratum -> ids of person entities in >= 2 articles (sorted for a stable sample)."""
    out: dict[str, list[str]] = {"full": [], "surname": []}
    for eid in sorted(r.names):
        arts = r.names[eid]
        if len(arts) < 2:
            continue
        out["surname" if r.single_only.get(eid) else "full"].append(eid)
    return out


def _rank(seed: int, *parts: str) -> str:
    """Stable pseudo-random order: an entity keeps its place in the sample when other
    entities change, so the before and after runs share most of their sample."""
    return hashlib.sha1("|".join((str(seed), *parts)).encode()).hexdigest()


def sample(r: Run, per_stratum: int, per_entity: int, seed: int) -> list[dict[str, object]]:
    rows = []
    for stratum, ids in merges(r).items():
        for eid in sorted(ids, key=lambda e: _rank(seed, e))[:per_stratum]:
            arts = r.registry.records[eid].article_ids
            rest = sorted(arts[1:], key=lambda a: _rank(seed, eid, a))
            picked = [arts[0], *rest[:per_entity - 1]]
            rows.append({"mode": r.name, "stratum": stratum, "entity": eid,
                         "key": r.registry.records[eid].key, "n_articles": len(arts),
                         "articles": picked,
                         "names": {a: sorted(r.names[eid][a]) for a in picked}})
    return rows


def load_labels(path: Path) -> dict[tuple[str, str], str]:
    """(article, local key) -> person label, from every row of the check file."""
    labels: dict[tuple[str, str], str] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                for item in row.get("labels", []):
                    labels[(item["article"], item["name"])] = item["person"]
    return labels


def verdict(row: dict[str, object], labels: dict[tuple[str, str], str]) -> tuple[str, list[dict[str, str]]]:
    """``one`` / ``mixed`` / ``unjudged`` for a sampled entity, and its labels."""
    got = []
    names = row["names"]
    assert isinstance(names, dict)
    for art in row["articles"]:  # type: ignore[attr-defined]
        for key in names[art]:
            if (art, key) in labels:
                got.append({"article": art, "name": key, "person": labels[(art, key)]})
    if len(got) < len(row["articles"]):  # type: ignore[arg-type]
        return "unjudged", got
    people = {g["person"] for g in got if not g["person"].startswith("?")}
    if not people:
        return "unclear", got
    return ("one" if len(people) == 1 else "mixed"), got


def show(rows: list[dict[str, object]], docs: dict[str, CorpusDoc], labels: dict[tuple[str, str], str],
         spans: dict[tuple[str, str], tuple[int, int, str]], out: Path) -> None:
    """Write the unlabelled (article, name) pairs with their context, for judging."""
    seen = set()
    lines = []
    for row in rows:
        names = row["names"]
        assert isinstance(names, dict)
        for art in row["articles"]:  # type: ignore[attr-defined]
            for key in names[art]:
                if (art, key) in labels or (art, key) in seen:
                    continue
                seen.add((art, key))
                doc = docs[art]
                start, end, surface = spans[(art, key)]
                snippet = (doc.text[max(0, start - 120):start] + "[[" + doc.text[start:end] + "]]"
                           + doc.text[end:end + 120]).replace("\n", " ")
                lines.append(json.dumps({"article": art, "name": key, "entity": row["entity"],
                                         "surface": surface, "title": doc.title, "context": snippet},
                                        ensure_ascii=False))
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} (article, name) pairs to judge written to {out}")


def _where(r: Run) -> dict[tuple[str, str], str]:
    return {(art, key): eid for eid, arts in r.names.items() for art, keys in arts.items() for key in keys}


def pair_table(before: Run, after: Run, labels: dict[tuple[str, str], str]) -> Counter[str]:
    """Judged (article, name) pairs from different articles that either run merged:
    same or different person, and whether before / after put them in one entity."""
    wb, wa = _where(before), _where(after)
    seen = set()
    counts: Counter[str] = Counter()
    for r in (before, after):
        for arts in r.names.values():
            judged = sorted((a, k) for a, keys in arts.items() for k in keys
                            if (a, k) in labels and not labels[(a, k)].startswith("?"))
            for x, y in combinations(judged, 2):
                if x[0] == y[0] or (x, y) in seen:
                    continue
                seen.add((x, y))
                same = "same" if labels[x] == labels[y] else "different"
                b = "merged" if wb.get(x) == wb.get(y) else "apart"
                a = "merged" if wa.get(x) == wa.get(y) else "apart"
                counts[f"{same} person: before {b}, after {a}"] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--per-stratum", type=int, default=25)
    parser.add_argument("--per-entity", type=int, default=4)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--check", type=Path, default=CHECK)
    parser.add_argument("--show", type=Path, help="write unlabelled sampled mentions here, to judge")
    parser.add_argument("--labels", type=Path, help="extra labels: JSON Lines of {article, name, person}")
    parser.add_argument("--write", action="store_true",
                        help="rewrite --check with the current sample, verdicts and the labels it holds")
    args = parser.parse_args()

    docs = load_docs(args.cache)
    before, after = run(docs, False), run(docs, True)
    labels = load_labels(args.check)
    if args.labels:
        for line in args.labels.read_text(encoding="utf-8").splitlines():
            if line.strip():
                item = json.loads(line)
                labels[(item["article"], item["name"])] = item["person"]
    print(f"slice: {len(docs)} articles")
    for r in (before, after):
        people = [eid for eid in r.names]
        multi = merges(r)
        print(f"{r.name:6s}: {len(people)} person entities, {len(multi['full'])} full-name and "
              f"{len(multi['surname'])} surname-linked entities spanning >= 2 articles")
    rules: Counter[str] = Counter()
    for rec in after.registry.records.values():
        for why in rec.links:
            rules[why["rule"]] += 1
    print("after: decisions by rule (one per article and person): "
          + ", ".join(f"{k} {v}" for k, v in rules.most_common()))
    split_from = {e for rec in after.registry.records.values() for why in rec.links
                  for e in why.get("kept_apart_from", [])}
    opened = sum(1 for rec in after.registry.records.values() if rec.links
                 and "kept_apart_from" in rec.links[0])
    print(f"after: {opened} entities opened apart from an existing namesake "
          f"({len(split_from)} distinct entities they were kept apart from)")
    broken = sum(1 for eid, arts in before.names.items() if len(arts) >= 2 and
                 len({e for e, a2 in after.names.items() for a in arts if a in a2 and arts[a] & a2[a]}) > 1)
    print(f"before-entities in >= 2 articles that the check splits: {broken} of "
          f"{sum(len(v) for v in merges(before).values())}")

    rows = sample(before, args.per_stratum, args.per_entity, args.seed) + \
        sample(after, args.per_stratum, args.per_entity, args.seed)
    if args.show:
        show(rows, {d.id: d for d in docs}, labels, {**before.spans, **after.spans}, args.show)
    table: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    out_rows = []
    for row in rows:
        v, got = verdict(row, labels)
        table[(str(row["mode"]), str(row["stratum"]))][v] += 1
        out_rows.append({"mode": row["mode"], "stratum": row["stratum"], "entity": row["entity"],
                         "key": row["key"], "n_articles": row["n_articles"], "articles": row["articles"],
                         "labels": got, "verdict": v, "reason": reason(v, got)})
    print("\nmerge precision (sampled person entities spanning >= 2 articles; judged articles agree)")
    print(f"{'run':7s}{'stratum':9s}{'sampled':>8s}{'one':>6s}{'mixed':>7s}{'unclear':>8s}"
          f"{'unjudged':>9s}{'precision':>10s}")
    for mode in ("before", "after"):
        tot: Counter[str] = Counter()
        for stratum in ("full", "surname"):
            c = table[(mode, stratum)]
            tot.update(c)
            _row(mode, stratum, c)
        _row(mode, "all", tot)
    pairs = pair_table(before, after, labels)
    if pairs:
        print("\njudged article pairs (different articles) merged by either run")
        for k in sorted(pairs):
            print(f"  {k}: {pairs[k]}")
        pool = sum(n for k, n in pairs.items() if k.startswith("same"))
        for run_name in ("before", "after"):
            good = sum(n for k, n in pairs.items() if k.startswith("same") and f"{run_name} merged" in k)
            bad = sum(n for k, n in pairs.items() if k.startswith("different") and f"{run_name} merged" in k)
            print(f"  {run_name}: pair precision {good / max(1, good + bad):.3f} ({good}/{good + bad}), "
                  f"same-person pairs kept together {good / max(1, pool):.3f} ({good}/{pool})")
    if args.write:
        used = {(g["article"], g["name"]) for r in out_rows for g in r["labels"]}  # type: ignore[attr-defined]
        rest = [{"article": a, "name": n, "person": p} for (a, n), p in sorted(labels.items()) if (a, n) not in used]
        lines = [*out_rows, {"mode": "labels", "note": "judged pairs outside the current sample (earlier "
                             "samples); they count in the pair table", "labels": rest}]
        args.check.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in lines), encoding="utf-8")
        print(f"wrote {len(out_rows)} sampled entities and {len(rest)} further labels to {args.check}")


def reason(verdict_: str, got: list[dict[str, str]]) -> str:
    """A short why for the verdict, from the labels (English, no article text)."""
    people = Counter(g["person"] for g in got)
    if verdict_ == "one":
        (person, n), = [(p, n) for p, n in people.items() if not p.startswith("?")][:1] or [("?", 0)]
        kind = "not a person (NER type), one referent" if person.startswith("~") else "one person"
        return f"{kind}: {person.lstrip('~')} in all {n} judged articles"
    if verdict_ == "mixed":
        return "different referents: " + " / ".join(p.lstrip("~") for p in people if not p.startswith("?"))
    if verdict_ == "unclear":
        return "the span is not a name: " + "; ".join(p.lstrip("?") for p in people)
    return "not judged yet"


def _row(mode: str, stratum: str, c: Counter[str]) -> None:
    judged = c["one"] + c["mixed"]
    prec = f"{c['one'] / judged:.3f}" if judged else "-"
    print(f"{mode:7s}{stratum:9s}{sum(c.values()):8d}{c['one']:6d}{c['mixed']:7d}{c['unclear']:8d}"
          f"{c['unjudged']:9d}{prec:>10s}")


if __name__ == "__main__":
    main()
