"""Where a NER model's entity errors fall: missed outright, wrong boundaries, wrong type.

    .venv/bin/python eval/ner_errors.py MODEL_DIR FILE.conll [--last-ninth] [--examples N]

F1 says how much is wrong, not what; this sorts every gold entity the model did not match
exactly, and every predicted entity that matches no gold one, into

* ``missed``: no predicted entity overlaps it;
* ``boundary``: an overlapping prediction of the same type with other edges;
* ``type``: a prediction with the same edges and another type;
* ``boundary+type``: overlapping, other edges and another type;
* ``spurious``: a prediction that overlaps no gold entity,

per type, with the most frequent missed and spurious strings and examples of boundary
errors in context. Sentences are tagged one by one (as ``marsad eval ner`` does by default).
``--last-ninth`` reads only the last ninth of the file: the tuning sentences of
``eval/ner_holdout.py``'s work file (sentences 80-90% of ANERcorp), so an analysis of a
held-out run never looks at the sentences it is scored on.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.extract.ner_neural import load_ner
from marsad.training.conll import read_conll
from marsad.training.scoring import tag_spans

Span = tuple[int, int, str]


def classify(gold: set[Span], pred: set[Span]) -> list[tuple[str, str, Span, list[Span]]]:
    """(category, entity type, the span, the spans it overlaps) for every error."""
    out: list[tuple[str, str, Span, list[Span]]] = []
    for g in sorted(gold - pred):
        overlapping = [p for p in sorted(pred) if p[0] < g[1] and g[0] < p[1]]
        if not overlapping:
            kind = "missed"
        elif any(p[:2] == g[:2] for p in overlapping):
            kind = "type"
        elif any(p[2] == g[2] for p in overlapping):
            kind = "boundary"
        else:
            kind = "boundary+type"
        out.append((kind, g[2], g, overlapping))
    for p in sorted(pred - gold):
        if not any(p[0] < g[1] and g[0] < p[1] for g in gold):
            out.append(("spurious", p[2], p, []))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("model", type=Path)
    parser.add_argument("conll", type=Path)
    parser.add_argument("--last-ninth", action="store_true", help="only the last ninth of the sentences")
    parser.add_argument("--examples", type=int, default=30, help="boundary errors to print in context")
    args = parser.parse_args()
    sentences, _ = read_conll(args.conll)
    if args.last_ninth:
        sentences = sentences[len(sentences) - len(sentences) // 9:]
    tagger = load_ner(args.model)
    counts: Counter[tuple[str, str]] = Counter()
    missed: Counter[str] = Counter()
    spurious: Counter[str] = Counter()
    examples: list[str] = []
    matched = 0
    for s in sentences:
        gold, pred = set(tag_spans(s.tags)), set(tag_spans(tagger.tag(s.tokens)))
        matched += len(gold & pred)
        for kind, typ, span, overlapping in classify(gold, pred):
            counts[(kind, typ)] += 1
            text = " ".join(s.tokens[span[0]:span[1]])
            if kind == "missed":
                missed[text] += 1
            elif kind == "spurious":
                spurious[text] += 1
            elif kind.startswith("boundary") and len(examples) < args.examples:
                got = "; ".join(" ".join(s.tokens[a:b]) + "/" + t for a, b, t in overlapping)
                lo = min([span[0]] + [p[0] for p in overlapping])
                hi = max([span[1]] + [p[1] for p in overlapping])
                examples.append(f"{typ} gold «{text}» predicted «{got}» in «{' '.join(s.tokens[max(0, lo - 2):hi + 2])}»")
    print(f"{len(sentences)} sentences, {matched} entities matched exactly")
    types = sorted({t for _, t in counts})
    print("error".ljust(14) + "".join(t.rjust(7) for t in types) + "  all".rjust(7))
    for kind in ("missed", "boundary", "type", "boundary+type", "spurious"):
        row = [counts[(kind, t)] for t in types]
        print(kind.ljust(14) + "".join(str(n).rjust(7) for n in row) + str(sum(row)).rjust(7))
    print("most often missed:", ", ".join(f"{k} ({n})" for k, n in missed.most_common(20)))
    print("most often spurious:", ", ".join(f"{k} ({n})" for k, n in spurious.most_common(20)))
    print("boundary errors:")
    for line in examples:
        print("  " + line)


if __name__ == "__main__":
    main()
