"""Which person entities the registry joined through a spelling variant, for judging by hand.

    .venv/bin/python eval/registry_variants.py [--cache /tmp/marsad_registry_slice.jsonl]
        [--labels eval/registry_variants.jsonl]

Runs the shipped registry over an analysed ANT slice (``eval/registry_slice.py``) and lists
every entity whose articles name it with two spellings that are
:func:`~marsad.corpus.registry.spelling_variants` of each other (دونالد ترامب / دونالد ترمب,
or a lone ترمب joined to دونالد ترامب), with the number of articles per spelling. It also
runs the registry with variant linking switched off, so the table shows what the variant
rule adds: person-article links, and entities split under one person. ``--labels`` is a JSON
Lines file ``{"entity": id, "keys": [...], "verdict": ..., "note": ...}`` of hand judgements
(names only, no text): ``same`` (one person), ``mixed`` (different people joined), ``junk``
(an NER span that is not one person, joined to its own other spelling) or ``unclear``; the
script prints the verdicts of the merges this run makes.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

from registry_eval import load_docs
from registry_slice import DEFAULT_OUT

from marsad.corpus.registry import EntityRegistry, skeleton, spelling_variants


def variant_groups(docs: list, variants: bool) -> dict[str, dict[str, set[str]]]:
    """Entity id -> person key -> articles, for person entities (variant linking on/off)."""
    reg = EntityRegistry(link_variants=variants)
    out: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for doc in docs:
        for m in reg.add_doc(doc):
            if m.type == "PERS":
                out[m.entity_id][m.key].add(doc.id)
    return out


def _is_variant_pair(a: str, b: str) -> bool:
    if spelling_variants(a, b):
        return True
    ta, tb = a.split(), b.split()
    short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    return len(short) == 1 and len(long_) > 1 and short[0] != long_[-1] \
        and spelling_variants(short[0], long_[-1]) and skeleton(short[0]) == skeleton(long_[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--labels", type=Path)
    args = parser.parse_args()
    docs = load_docs(args.cache)
    with_v = variant_groups(docs, True)
    without = variant_groups(docs, False)
    merged = []
    for eid, keys in with_v.items():
        ks = sorted(keys)
        if any(_is_variant_pair(a, b) for i, a in enumerate(ks) for b in ks[i + 1:]):
            merged.append((eid, {k: len(v) for k, v in keys.items()}))
    merged.sort(key=lambda e: -sum(e[1].values()))
    ents_with = sum(1 for keys in with_v.values() if len(set().union(*keys.values())) > 1)
    ents_without = sum(1 for keys in without.values() if len(set().union(*keys.values())) > 1)
    print(f"{len(docs)} articles; person entities over >= 2 articles: {ents_without} without variant "
          f"linking, {ents_with} with; entities joining spelling variants: {len(merged)}")
    for eid, keys in merged:
        print(json.dumps({"entity": eid, "keys": keys}, ensure_ascii=False))
    if args.labels and args.labels.is_file():
        labels = {x["entity"]: x for x in map(json.loads, args.labels.read_text("utf-8").splitlines()) if x}
        verdicts = Counter(labels[eid]["verdict"] if eid in labels else "not judged" for eid, _ in merged)
        print("verdicts of this run's variant merges:", dict(verdicts))


if __name__ == "__main__":
    main()
