"""NER scored on sentences that chose nothing: train on 80%, pick the epoch on the next 10%,
score the last 10% once.

    .venv/bin/python eval/ner_holdout.py [--clusters build/ner/clusters60k_snn.json.gz]
        [--work /tmp/marsad_ner_holdout] [--previous] [--extra FILE ...] [--seed N]

The shipped model picks its epoch on the last 10% of the ANERcorp train file and reports
its scores there too, so those are tuning scores. This script retrains the shipped recipe
with one more split: the first 90% of the sentences are written to a work file, of which
``marsad train ner-nn --dev-fraction 0.1111`` keeps the last ninth (sentences 80-90% of the
original) to choose the epoch; the model never sees the last 10%, which is then scored
once with ``marsad eval ner … --split dev`` (sentence by sentence and as documents of 20
sentences). What still leaked: the recipe itself (name lists, weight averaging, news
vectors) was chosen by looking at that last 10% in earlier runs. Needs torch (``train``
extra); takes about as long as training the shipped model.

``--aqmar misc|drop`` adds the AQMAR Wikipedia files as extra training data (MIS0-3 as MISC, or
dropped). ``--augment N [--augment-rate P]`` adds N mention-replaced copies of each training sentence
(``marsad.training.augment``; drawn from the first 80% only, the tuning ninth is split off
before augmenting). ``--extra FILE`` (repeatable) is passed to ``train ner-nn --extra``: more CoNLL training data,
never split, so the tuning and held-out sentences stay exactly as without it (for example the
silver sentences of ``eval/ner_silver.py``); training then takes longer in proportion.

``--fold-tuning`` then measures what folding the tuning sentences into training is worth (the
shipped model is trained that way: ``--dev-fraction 0`` on the whole train file for the epoch
count a run with a dev split chose): a second model is trained on all of the first 90%, tuning
ninth included, for exactly the epochs the first run chose, with no dev split, and the last 10%
is scored once more. Both models are scored; neither has seen the last 10%.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.training.conll import TaggedSentence, conll_files, read_corpus, write_conll
from marsad.training.ner import anercorp_split, anercorp_train_file, shared_data_dir
from marsad.training.neural import TAG_SCHEMES

RECIPE = ["--epochs", "24", "--patience", "5", "--ema", "0.995"]
# the previous default, for a comparison under the same protocol (run with --previous
# --clusters build/ner/clusters60k.json.gz: ANT vectors only)
PREVIOUS = ["--epochs", "30", "--patience", "6", "--no-name-lists"]


def _marsad(*args: str) -> dict:
    proc = subprocess.run([str(ROOT / ".venv" / "bin" / "marsad"), *args], cwd=ROOT, capture_output=True,
                          text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"marsad {' '.join(args[:2])} failed: {proc.stderr.strip()[-500:]}")
    return json.loads([x for x in proc.stdout.splitlines() if x.strip()][-1])


def _aqmar_file(work: Path, keep_misc: bool) -> Path:
    """AQMAR (``ner/aqmar``, 28 Wikipedia articles) in ANERcorp's tag spelling, read with the
    project's reader (which repairs the hand-typed slips). Its MIS0-3 are topical classes of each
    article (elements, software, clubs), so they are written as MISC or dropped to O."""
    sentences, _ = read_corpus(conll_files([shared_data_dir() / "ner" / "aqmar"]))
    return write_conll(work / f"aqmar_{'misc' if keep_misc else 'drop'}.conll",
                       (TaggedSentence(s.tokens, [g if keep_misc or not g.endswith("MISC") else "O" for g in s.tags])
                        for s in sentences))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clusters", type=Path, default=ROOT / "build" / "ner" / "clusters60k_snn.json.gz")
    parser.add_argument("--work", type=Path, default=Path("/tmp/marsad_ner_holdout"))
    parser.add_argument("--previous", action="store_true",
                        help="the previous default recipe (no name lists, no weight averaging)")
    parser.add_argument("--seed", type=int, default=13, help="training seed (another seed shows the noise)")
    parser.add_argument("--extra", type=Path, action="append", default=[],
                        help="extra CoNLL training data, never split (repeatable; passed to train ner-nn)")
    parser.add_argument("--aqmar", choices=("misc", "drop"), default=None,
                        help="add the AQMAR Wikipedia files as extra training data, their MIS0-3 classes "
                             "mapped to MISC or dropped to O")
    parser.add_argument("--lm-news", type=Path, action="append", default=[],
                        help="pretrain the LSTM as a language model on this news (passed to train ner-nn)")
    parser.add_argument("--lm-tokens", type=int, default=2_000_000)
    parser.add_argument("--lm-epochs", type=int, default=1)
    parser.add_argument("--augment", type=int, default=0,
                        help="mention-replaced copies per training sentence (passed to train ner-nn)")
    parser.add_argument("--augment-rate", type=float, default=0.5)
    parser.add_argument("--hidden", type=int, default=0, help="LSTM units per direction (0: the recipe's)")
    parser.add_argument("--char-filters", type=int, default=0, help="character CNN filters (0: the recipe's)")
    parser.add_argument("--word-dropout", type=float, default=-1.0, help="share of word ids dropped (<0: the recipe's)")
    parser.add_argument("--scheme", choices=TAG_SCHEMES, default="iob2",
                        help="labels the CRF learns (bioes: name ends and one-token names marked)")
    parser.add_argument("--fold-tuning", action="store_true",
                        help="also train on all of the first 90%% for the chosen epoch count (no dev split) "
                             "and score the last 10%%")
    args = parser.parse_args()
    data = anercorp_train_file()
    if not data.is_file():
        print(f"shared data absent ({data}): skipped")
        return 0
    first90, last10 = anercorp_split(data)
    args.work.mkdir(parents=True, exist_ok=True)
    train_file = write_conll(args.work / "anercorp_first90.txt", first90)
    model = args.work / "model"
    if args.aqmar:
        args.extra.append(_aqmar_file(args.work, keep_misc=args.aqmar == "misc"))
    extra = [x for f in args.extra for x in ("--extra", str(f.resolve()))]
    extra += [x for f in args.lm_news for x in ("--lm-news", str(f.resolve()))]
    if args.lm_news:
        extra += ["--lm-tokens", str(args.lm_tokens), "--lm-epochs", str(args.lm_epochs)]
    if args.hidden:
        extra += ["--hidden", str(args.hidden)]
    if args.char_filters:
        extra += ["--char-filters", str(args.char_filters)]
    if args.scheme != "iob2":
        extra += ["--scheme", args.scheme]
    if args.word_dropout >= 0:
        extra += ["--word-dropout", str(args.word_dropout)]
    if args.augment:
        extra += ["--augment", str(args.augment), "--augment-rate", str(args.augment_rate)]
    began = time.perf_counter()
    trained = _marsad("train", "ner-nn", "--data", str(train_file), "--clusters", str(args.clusters),
                      "--out", str(model), "--dev-fraction", "0.1111",
                      *(PREVIOUS if args.previous else RECIPE), *extra, "--seed", str(args.seed), "--json")
    took = time.perf_counter() - began
    scores = {
        "tuning split (sentences 80-90%)": trained["dev"],
        "held-out last 10%, sentences": _marsad("eval", "ner", str(data), "--split", "dev", "--model", str(model),
                                                "--json"),
        "held-out last 10%, documents of 20": _marsad("eval", "ner", str(data), "--split", "dev", "--model",
                                                      str(model), "--doc-size", "20", "--json"),
    }
    meta = json.loads((model / "meta.json").read_text("utf-8"))
    if args.fold_tuning:
        folded = args.work / "model_folded"
        recipe = list(PREVIOUS if args.previous else RECIPE)
        recipe[recipe.index("--epochs") + 1] = str(meta["best_epoch"])
        _marsad("train", "ner-nn", "--data", str(train_file), "--clusters", str(args.clusters), "--out",
                str(folded), "--dev-fraction", "0", *recipe, *extra, "--seed", str(args.seed), "--json")
        for label, size in (("sentences", []), ("documents of 20", ["--doc-size", "20"])):
            scores[f"folded (first 90%, {meta['best_epoch']} epochs), held-out last 10%, {label}"] = _marsad(
                "eval", "ner", str(data), "--split", "dev", "--model", str(folded), *size, "--json")
    print(f"trained on {meta['train_sentences']} sentences ({len(args.extra)} extra file(s)) in {took:.0f} s; "
          f"epoch {meta['best_epoch']} chosen on the tuning split; held-out sentences: {len(last10)}")
    for name, res in scores.items():
        types = ", ".join(f"{t} {v['f1']:.3f}" for t, v in sorted(res["per_type"].items()))
        print(f"{name}: P {res['precision']:.3f} R {res['recall']:.3f} F1 {res['f1']:.3f} ({types})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
