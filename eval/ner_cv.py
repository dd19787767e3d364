"""The shipped NER recipe cross-validated over blocks of the ANERcorp train file.

    .venv/bin/python eval/ner_cv.py --clusters build/ner/clusters60k_w2v.json.gz \
        [--folds 10] [--only 0 2 4 6 8] [--jobs 2] [--work /tmp/marsad_ner_cv] [--seed 13]

Why: every held-out NER figure so far came from one slice, the last 10% of the file (about 970
entities), where one seed's F1 moves by ±0.005 and the slice's own sampling error is about ±0.013
— too coarse to say on which side of 0.80 the recipe lies. This script cuts the sentences into
``--folds`` consecutive blocks; for each chosen block it trains the shipped recipe (``marsad train
ner-nn --dev-fraction 0 --epochs 10 --ema 0.995``: no dev split, the epoch count the shipped model
uses) on every other block and scores the held-out block once, sentence by sentence and as
documents of 20 sentences. Counts are pooled over the blocks, so the pooled F1 is micro over all
held-out entities. The last block is the slice whose scores chose the recipe; the others chose
nothing. A finished block is not retrained (its scores are kept in WORK/foldK/scores.json).
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.training.conll import TaggedSentence, read_conll, write_conll
from marsad.training.ner import anercorp_train_file, evaluate
from marsad.training.neural import TAG_SCHEMES
from marsad.training.scoring import Scores

RECIPE = ["--dev-fraction", "0", "--epochs", "10", "--ema", "0.995"]
MODES = {"sentences": 0, "documents of 20": 20}


def blocks(sentences: list[TaggedSentence], folds: int) -> list[tuple[int, int]]:
    """Consecutive (start, end) sentence ranges, as equal as possible: ANERcorp is ordered by
    article, so a consecutive block holds later or earlier news, as an unseen test part would."""
    n = len(sentences)
    return [(round(k * n / folds), round((k + 1) * n / folds)) for k in range(folds)]


def _counts(scores: Scores) -> dict[str, dict[str, int]]:
    return {"tp": dict(scores.tp), "pred": dict(scores.pred), "gold": dict(scores.gold)}


def run_fold(k: int, sentences: list[TaggedSentence], span: tuple[int, int], args: argparse.Namespace) -> dict:
    work = args.work / f"fold{k}"
    done = work / "scores.json"
    if done.is_file():
        return json.loads(done.read_text("utf-8"))
    work.mkdir(parents=True, exist_ok=True)
    train_file, test = work / "train.txt", sentences[span[0]:span[1]]
    write_conll(train_file, sentences[:span[0]] + sentences[span[1]:])
    began = time.perf_counter()
    proc = subprocess.run([str(ROOT / ".venv" / "bin" / "marsad"), "train", "ner-nn", "--data", str(train_file),
                           "--clusters", str(args.clusters), "--out", str(work / "model"), *RECIPE,
                           "--scheme", args.scheme, "--seed", str(args.seed), "--json"], cwd=ROOT, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"fold {k}: training failed: {proc.stderr.strip()[-500:]}")
    from marsad.extract.ner_neural import load_ner

    ner = load_ner(work / "model")
    result = {"fold": k, "held_out_sentences": len(test), "train_seconds": round(time.perf_counter() - began),
              "scores": {label: _counts(evaluate(ner.tag, test, ner.tag_document, size).scores)
                         for label, size in MODES.items()}}
    done.write_text(json.dumps(result, ensure_ascii=False) + "\n", "utf-8")
    return result


def _f1(tp: int, pred: int, gold: int) -> tuple[float, float, float]:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def summarise(results: list[dict]) -> None:
    for label in MODES:
        print(f"\n{label}:")
        print("| block | sentences | gold entities | P | R | F1 |")
        print("|---|---|---|---|---|---|")
        totals = {"tp": 0, "pred": 0, "gold": 0}
        per_fold = []
        for res in results:
            c = {key: sum(res["scores"][label][key].values()) for key in totals}
            p, r, f = _f1(c["tp"], c["pred"], c["gold"])
            per_fold.append(f)
            for key in totals:
                totals[key] += c[key]
            print(f"| {res['fold']} | {res['held_out_sentences']} | {c['gold']} | {p:.3f} | {r:.3f} | {f:.3f} |")
        p, r, f = _f1(totals["tp"], totals["pred"], totals["gold"])
        mean = sum(per_fold) / len(per_fold)
        sd = math.sqrt(sum((x - mean) ** 2 for x in per_fold) / (len(per_fold) - 1)) if len(per_fold) > 1 else 0.0
        print(f"| pooled | {sum(x['held_out_sentences'] for x in results)} | {totals['gold']} | {p:.3f} | {r:.3f} | **{f:.3f}** |")
        print(f"mean of blocks {mean:.3f}, standard deviation {sd:.3f}, standard error {sd / math.sqrt(len(per_fold)):.3f}")
        types = sorted({t for res in results for t in res["scores"][label]["gold"]})
        cells = []
        for t in types:
            tp = sum(res["scores"][label]["tp"].get(t, 0) for res in results)
            pred = sum(res["scores"][label]["pred"].get(t, 0) for res in results)
            gold = sum(res["scores"][label]["gold"].get(t, 0) for res in results)
            cells.append(f"{t} {_f1(tp, pred, gold)[2]:.3f}")
        print("pooled per type: " + ", ".join(cells))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=Path, default=ROOT / "build" / "ner" / "clusters60k_w2v.json.gz")
    parser.add_argument("--folds", type=int, default=10)
    parser.add_argument("--only", type=int, nargs="*", default=None, help="blocks to hold out (default: all)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/marsad_ner_cv"))
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--jobs", type=int, default=1, help="blocks trained at the same time (one core each)")
    parser.add_argument("--scheme", choices=TAG_SCHEMES, default="iob2", help="labels the CRF learns")
    args = parser.parse_args()
    data = anercorp_train_file()
    if not data.is_file():
        print(f"shared data absent ({data}): skipped")
        return 0
    if not args.clusters.is_file():
        raise SystemExit(f"{args.clusters} not found: build it with `marsad train clusters` (model card)")
    sentences, _ = read_conll(data)
    spans = blocks(sentences, args.folds)
    chosen = args.only if args.only is not None else list(range(args.folds))
    if any(not 0 <= k < args.folds for k in chosen):
        raise SystemExit(f"--only takes block numbers 0 to {args.folds - 1}")
    def one(k: int) -> dict:
        result = run_fold(k, sentences, spans[k], args)
        print(f"block {k} done ({result['train_seconds']} s)", flush=True)
        return result

    # training runs in a subprocess on one thread, so threads here are enough to fill the cores
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(one, chosen))
    summarise(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
