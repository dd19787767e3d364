"""Precision and recall of the shipped duplicate rule on SaudiNewsNet, by judged samples.

    python eval/dup_saudi_sample.py accepted [--verifier shipped|rule|MODEL.json]  # run a detector, cache its pairs
    python eval/dup_saudi_sample.py draw-precision --round 2 [--show] [--write]
    python eval/dup_saudi_sample.py draw-recall --round 2 [--show] [--write]
    python eval/dup_saudi_sample.py score [--round 5] [--strata-from rule] [--decide rule] [--borderline copies]

``--strata-from`` names the detector a round was drawn from (its accepted pairs define the
strata): ``rule`` for rounds 1-5, and for the learned verifier's rounds the model file of the
version frozen before the round — ``git show COMMIT:src/marsad/models/dup_verifier/model.json
> vK.json`` with 28b7c6a for round 6, 5d06da3 for round 7, 2844a9d for round 8 — or
f36a243 for rounds 9 and 10 — or ``no-anchors`` for rounds 11 and 12 (the fifth version,
05a0f47, before the anchor index) and ``shipped`` for rounds 13 and 14; ``--decide`` reads another
detector's decisions on that same judged sample and ``--against`` a second one beside it,
with a bootstrap interval for the paired difference; ``--borderline`` reads every borderline
call one way.

Rounds 6-12 (seeds 6-12) were each drawn from the detector with a learned verifier
(``marsad.corpus.pair_model``) after that version was frozen and committed, and judged
blind: four readers a round, each a quarter of the 215 pairs in shuffled order with ids
only, none told which sample a pair came from or what the system decided
(``eval/dup_judging.md``, ``eval/dup_show_pairs.py``). After rounds 6, 7 and 8 the verifier
was retrained with that round; rounds 9 and 10 both measure the fourth version, which was
then retrained with them; rounds 11 and 12 measure that fifth version. Rounds 13 and 14
(seeds 13, 14) measure the shipped detector: the fifth verifier with the anchor index
(commit 8a78d4d), drawn after it was frozen and judged blind by eight readers, each an
eighth of the 430 pairs of both rounds shuffled together; ``no-anchors`` names the shipped
detector without that index (the detector rounds 11 and 12 were drawn from). Rounds 13 and
14 were then read a second time by eight other readers, in another shuffle, blind to the
first verdicts (``verdict2``): 425 of 430 verdicts agreed, and a third reader decided the
other five (``verdict3``); ``adjudicated`` holds the agreed verdict, read with ``--reads
adjudicated``.

Judged files hold ids, stratum, verdict and a one-line reason, never article text.
Each row carries the ``round`` it was drawn in. Round 1 measured the rule before the
same-opening path existed (precision 0.985, recall 0.764 — the misses were trimmed or
extended copies); its judged pairs were then used, with the two tuning files, to add
that path, so they are seen data. Round 2 was drawn afresh, after the rule was frozen
again, leaving out every pair judged before; only round 2 describes the shipped rule
(``score`` re-runs round 1's arithmetic on the current rule's pair counts, which is not
what round 1 measured).

Round 3 (``eval/dup_saudi_round3.jsonl``, both samples in one file, told apart by
``sample``) was drawn with the same design after every earlier pair was left out, and
judged with the round-2 rule still unchanged: it measured that rule at precision 0.964,
recall 0.800. Its misses and errors (with rounds 1-2) then led to two changes — a looser
opening match when more of the shorter text is inside the longer one (with a looser
opening index), and the specific-containment test against templated bulletins — so
round 3 is seen data too. Round 4 (``eval/dup_saudi_round4.jsonl``) was drawn after
that rule was frozen: precision 0.972, recall 0.768.

Round 5 (``eval/dup_saudi_round5.jsonl``, seed 5). The misses of rounds 1-4 were mostly
re-led copies (an outlet's own opening over the release) and copies whose Jaccard fell
under the candidate filter; the false pairs were digest pages and templates. Studied on
the judged pairs of rounds 1-4 and the two tuning files only, two changes followed: the
LSH candidate threshold went from 0.3 to 0.2 (at 0.3 a pair at Jaccard 0.3 became a
candidate 64% of the time), and a *subject path* accepts a pair when the longer text
opens on the shorter one's subject (70% of its first 40 content words found in the
shorter text: digest pages open on another item) and either 55% of the shorter text's
shingles are inside the longer (half of its own wording shared) or 30% of the opening
and 40% of the text are shared, with no swapped specific. On rounds 1-4, post-stratified
on the old rule's partition, that moved precision 0.973 -> 0.963 and recall 0.817 ->
0.892 (round 4 alone 0.972 / 0.768 -> 0.976 / 0.898). The rule was then frozen (18,681
accepted pairs: 1,226 more, 12 of the old ones lost because the new LSH bands do not
cover the old ones) and round 5 drawn with the same design, leaving out every pair
judged before, and judged from the texts: precision 0.950 (95% 0.877-0.965), recall
0.797 (0.695-0.862 taking the C<0.3 strata as free of copies, 0/40 found there); 23 of
215 calls borderline (as not-copies 0.887 / 0.925, as copies 0.960 / 0.766). The old
rule read on the same sample (its accepted set, round-5 stratum weights) scores 0.958 /
0.767: the change bought about 3 points of recall (paired bootstrap +0.030, 95% -0.001
to +0.065) for under a point of precision (-0.007, -0.026 to +0.004), far less than the
seen rounds promised. Six of the seven false pairs of round 5 were accepted by the old
rule too (weather reports of consecutive days, programme templates, digest pages); only
round 5 describes the shipped rule.

**Precision** (``eval/dup_saudi_fresh.jsonl``): the rule was frozen first; then pairs the
detector accepted (its verified LSH pairs over all 30,676 articles) were drawn at
random within Jaccard strata, leaving out every pair of the two files used while
tuning (``dup_saudi_check.jsonl``, ``dup_saudi_heldout.jsonl``) and every pair judged in
an earlier round, and judged by hand.
Stratum precisions are weighted by stratum size over all accepted pairs.

**Recall** (``eval/dup_saudi_recall.jsonl``): the true copies the rule misses must be
found among pairs it did *not* accept. ``eval/dup_saudi_pairs.py`` builds a pair
universe far looser than the rule (LSH at 0.15, pairs sharing two or more rare word
8-grams, pairs within two days with similar titles). Its non-accepted pairs are stratified by
containment of the smaller text (copies that drop paragraphs keep a high containment)
and sampled; the judged share of copies in each stratum times the stratum size
estimates the missed copies M, and the accepted true copies are T = precision x
accepted pairs. Recall = T / (T + M). The intervals are simulated over both judged
samples: each stratum's share of copies is drawn from its Jeffreys
posterior, Beta(k + 1/2, n - k + 1/2), 4,000 times, and the weighted precision and the
recall are recomputed from each draw (a plain bootstrap would give strata judged
all-correct no spread at all).
Pairs sharing under 30% of the shorter text's 3-grams are not the same text by
construction (a trimmed copy keeps most of its shingles inside the longer one); their
strata are still sampled, and the report gives the recall interval both with their
posterior spread and taking them as free of copies. What the estimate cannot see:
copies outside the universe (no LSH hit at 0.15, fewer
than two shared rare 8-grams and no similar title within two days), which would need
to share almost no long word run with their original to be there.

Pairs are *duplicates* when they are the same text republished (agency copy, headers
or footers swapped, small edits, paragraphs dropped or added, a re-written opening over
the same release), not merely the same story. A page that reprints an item under
another lead item (a digest) is not a copy of that item; a page that opens with the
item and appends another is. Templated releases (royal cables, execution statements,
weather reports, relief flights) for another country, case, day or flight are not
copies. Borderline calls say "borderline" in their note.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import sys
from collections import defaultdict
from collections.abc import Callable
from difflib import SequenceMatcher
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

from corpus_eval import read_saudi
from dup_saudi_pairs import PairInfo, load_universe

from marsad.corpus.duplicates import (
    DuplicateConfig,
    DuplicateDetector,
    doc_meta,
    pair_scores,
    shingles_of_words,
)
from marsad.corpus.textprep import words

ACCEPTED_DIR = Path("/tmp")
FRESH = ROOT / "eval" / "dup_saudi_fresh.jsonl"
RECALL = ROOT / "eval" / "dup_saudi_recall.jsonl"
# from round 3 on, both samples of a round live in one file per round, told apart by "sample"
ROUND_FILES = {3: ROOT / "eval" / "dup_saudi_round3.jsonl", 4: ROOT / "eval" / "dup_saudi_round4.jsonl",
               5: ROOT / "eval" / "dup_saudi_round5.jsonl", 6: ROOT / "eval" / "dup_saudi_round6.jsonl",
               7: ROOT / "eval" / "dup_saudi_round7.jsonl", 8: ROOT / "eval" / "dup_saudi_round8.jsonl",
               9: ROOT / "eval" / "dup_saudi_round9.jsonl", 10: ROOT / "eval" / "dup_saudi_round10.jsonl",
               11: ROOT / "eval" / "dup_saudi_round11.jsonl", 12: ROOT / "eval" / "dup_saudi_round12.jsonl",
               13: ROOT / "eval" / "dup_saudi_round13.jsonl", 14: ROOT / "eval" / "dup_saudi_round14.jsonl"}
SEEN = [ROOT / "eval" / "dup_saudi_check.jsonl", ROOT / "eval" / "dup_saudi_heldout.jsonl"]
Scores = tuple[float, float, int]  # Jaccard, containment of the smaller text, shared rare 8-grams
Strata = list[tuple[str, Callable[[float, float, int], bool], int]]
PRECISION_STRATA: Strata = [
    ("J<0.4", lambda j, c, g: j < 0.4, 20),
    ("0.4-0.5", lambda j, c, g: 0.4 <= j < 0.5, 25),
    ("0.5-0.6", lambda j, c, g: 0.5 <= j < 0.6, 20),
    ("0.6-0.8", lambda j, c, g: 0.6 <= j < 0.8, 17),
    ("0.8-1", lambda j, c, g: j >= 0.8, 18),
]
# sample sizes of round 2 (round 1 drew 30/20/15/10/10)
RECALL_STRATA: Strata = [
    ("C>=0.6", lambda j, c, g: c >= 0.6, 30),
    ("0.45-0.6", lambda j, c, g: 0.45 <= c < 0.6, 25),
    ("0.3-0.45", lambda j, c, g: 0.3 <= c < 0.45, 20),
    ("C<0.3,g8>=5", lambda j, c, g: c < 0.3 and g >= 5, 20),
    ("C<0.3,g8<5", lambda j, c, g: c < 0.3 and g < 5, 20),
]
# under 30% of the shorter text's 3-grams shared: not the same text by construction; the
# samples check that, and the report gives the interval with and without their spread
ASSUMED_EMPTY = frozenset(["C<0.3,g8>=5", "C<0.3,g8<5"])


def key(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


def stratum_of(strata: Strata, scores: Scores) -> str:
    return next(name for name, test, _ in strata if test(*scores))


def read_rows(path: Path) -> list[dict[str, object]]:
    if not path.exists():
        return []
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]


def seen_pairs() -> set[tuple[str, str]]:
    """Every pair judged so far, in any file or round: a new draw leaves them out."""
    files = [*SEEN, FRESH, RECALL, *ROUND_FILES.values()]
    return {key(str(r["a"]), str(r["b"])) for p in files for r in read_rows(p)}


def judged_rows(sample: str, rounds: list[int], borderline: str | None = None,
                reads: str = "first") -> list[dict[str, object]]:
    """Judged rows of one sample ("precision" or "recall") drawn in any of ``rounds``;
    ``borderline`` ("copies" / "not-copies") overrides the verdict of rows whose note
    says borderline, to show how much the figures rest on those calls. ``reads="adjudicated"``
    takes the verdict of two independent readers, or of a third where they differed
    (rounds 13-14 were read twice; earlier rounds have no such field and are refused)."""
    rows = read_rows(FRESH if sample == "precision" else RECALL)
    for path in ROUND_FILES.values():
        rows += [r for r in read_rows(path) if r.get("sample") == sample]
    rows = [r for r in rows if "verdict" in r and r.get("round") in rounds]
    if reads == "adjudicated":
        if borderline is not None:
            sys.exit("--borderline reads the first reader's notes; it does not combine with --reads adjudicated")
        missing = sorted({int(str(r["round"])) for r in rows if "adjudicated" not in r})
        if missing:
            sys.exit(f"rounds {missing} were read once: no adjudicated verdicts")
        rows = [{**r, "verdict": r["adjudicated"]} for r in rows]
    if borderline is not None:
        verdict = "duplicate" if borderline == "copies" else "not_duplicate"
        rows = [{**r, "verdict": verdict} if str(r.get("note", "")).startswith("borderline") else r for r in rows]
    return rows


def detector_config(verifier: str) -> DuplicateConfig:
    """``shipped`` (the rule and the shipped learned verifier), ``no-anchors`` (the same
    without the anchor index, as rounds 11-12 were drawn), ``rule`` (the hand rule alone
    and no anchor index, as rounds 1-5 measured it) or the path of another verifier model,
    read without the anchor index as every earlier version was drawn from."""
    if verifier == "shipped":
        return DuplicateConfig()
    if verifier == "no-anchors":
        return DuplicateConfig(anchor_every=0)
    if verifier == "rule":
        return DuplicateConfig(learned=False, anchor_every=0)
    return DuplicateConfig(verifier_path=verifier, anchor_every=0)


def accepted_pairs(rebuild: bool = False, verifier: str = "shipped") -> dict[tuple[str, str], Scores]:
    """Every pair the detector verifies on SaudiNewsNet, as find_duplicates runs it."""
    tag = verifier if verifier in ("shipped", "no-anchors", "rule") else Path(verifier).stem
    cache = ACCEPTED_DIR / f"marsad_dup_accepted_{tag}.pkl"
    if cache.exists() and not rebuild:
        with cache.open("rb") as fh:
            return pickle.load(fh)
    docs = list(read_saudi())
    texts: dict[str, str] = {}
    detector = DuplicateDetector(detector_config(verifier), text_of=texts.get)
    for d in docs:
        detector.observe(d.id, d.text)
    out: dict[tuple[str, str], Scores] = {}
    sets: dict[str, set[str]] = {}
    for d in docs:
        _, pairs = detector.add(d.id, d.text, keep_text=False, meta=doc_meta(d))
        texts[d.id] = d.text
        for p in pairs:
            for x in (p.a, p.b):
                if x not in sets:
                    sets[x] = shingles_of_words(words(texts[x]))
            j, c, _ = pair_scores(sets[p.a], sets[p.b])
            out[key(p.a, p.b)] = (j, c, 0)
    with cache.open("wb") as fh:
        pickle.dump(out, fh)
    return out


def draw(population: dict[tuple[str, str], Scores], strata: Strata, seed: int,
         exclude: set[tuple[str, str]], round_no: int) -> list[dict[str, object]]:
    by: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for k, scores in sorted(population.items()):
        if k not in exclude:
            by[stratum_of(strata, scores)].append(k)
    rng = random.Random(seed)
    rows: list[dict[str, object]] = []
    for name, _, n in strata:
        for a, b in rng.sample(by[name], min(n, len(by[name]))):
            j, c, g = population[(a, b)]
            rows.append({"round": round_no, "a": a, "b": b, "stratum": name, "jaccard": round(j, 4),
                         "containment": round(c, 4), "grams8": g, "draw": f"seed{seed}"})
    return rows


def show(rows: list[dict[str, object]], width: int = 700) -> None:
    by_id = {d.id: d for d in read_saudi()}
    for i, r in enumerate(rows):
        a, b = by_id[str(r["a"])], by_id[str(r["b"])]
        print(f"\n#{i} {r['a']} [{a.source} {a.published}] / {r['b']} [{b.source} {b.published}] "
              f"{r['stratum']} J={r['jaccard']} C={r['containment']} words={len(a.text.split())}/{len(b.text.split())}")
        print("TA:", a.title)
        print("TB:", b.title)
        print("A:", a.text[:width].replace("\n", " / "))
        print("B:", b.text[:width].replace("\n", " / "))
        wa, wb = words(a.text), words(b.text)
        ops = [o for o in SequenceMatcher(None, wa, wb, autojunk=False).get_opcodes() if o[0] != "equal"]
        for tag, i1, i2, j1, j2 in ops[:6]:
            print(f"  {tag}: [{' '.join(wa[i1:i2])[:90]}] -> [{' '.join(wb[j1:j2])[:90]}]")


def population_sizes(population: dict[tuple[str, str], Scores], strata: Strata) -> dict[str, int]:
    sizes: dict[str, int] = defaultdict(int)
    for scores in population.values():
        sizes[stratum_of(strata, scores)] += 1
    return sizes


def wilson(k: float, n: int, z: float = 1.96) -> tuple[float, float]:
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * ((p * (1 - p) / n + z * z / (4 * n * n)) ** 0.5) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def rejected_universe(accepted: dict[tuple[str, str], Scores]) -> dict[tuple[str, str], Scores]:
    universe: list[PairInfo] = load_universe()
    return {key(p.a, p.b): (p.jaccard, p.containment, p.grams8) for p in universe
            if key(p.a, p.b) not in accepted}


Row = dict[str, object]


def weighted_precision_recall(strata: dict[tuple[str, str], list[Row]], sizes: dict[str, dict[str, int]],
                              took: Callable[[Row], bool]) -> tuple[float, float]:
    """Precision and recall of a detector's decisions (``took``) on judged rows grouped by
    (sample, stratum), each row standing for its stratum's pairs (stratum size / rows judged)."""
    tp = fp = fn = 0.0
    for (sample, stratum), rs in strata.items():
        weight = sizes[sample][stratum] / len(rs)
        for r in rs:
            copy, accepted = r["verdict"] == "duplicate", took(r)
            tp += weight * (copy and accepted)
            fp += weight * (accepted and not copy)
            fn += weight * (copy and not accepted)
    return tp / max(1e-9, tp + fp), tp / max(1e-9, tp + fn)


def score_decisions(args: argparse.Namespace) -> None:
    """Another detector read on a round drawn from ``--strata-from``'s partition: each
    judged row stands for its stratum's pairs (size / judged), and counts as accepted when
    the other detector accepts it. With ``--against``, a second detector on the same judged
    rows, and the paired difference with a bootstrap interval (rows resampled within their
    stratum, both detectors read on each resample)."""
    accepted = accepted_pairs(verifier=args.strata_from)
    rejected = rejected_universe(accepted)
    sizes = {"precision": population_sizes(accepted, PRECISION_STRATA),
             "recall": population_sizes(rejected, RECALL_STRATA)}
    rows = [(sample, r) for sample in ("precision", "recall")
            for r in judged_rows(sample, args.round, args.borderline, args.reads)]
    strata: dict[tuple[str, str], list[dict[str, object]]] = defaultdict(list)
    for sample, r in rows:
        strata[(sample, str(r["stratum"]))].append(r)

    def read(decided: set[tuple[str, str]], drawn: dict[tuple[str, str], list[dict[str, object]]]) -> tuple[float, float]:
        return weighted_precision_recall(drawn, sizes, lambda r: key(str(r["a"]), str(r["b"])) in decided)

    decided = set(accepted_pairs(verifier=args.decide))
    moved = sum((key(str(r["a"]), str(r["b"])) in decided) != (key(str(r["a"]), str(r["b"])) in accepted)
                for _, r in rows)
    p, r = read(decided, strata)
    print(f"round(s) {args.round}, drawn from '{args.strata_from}', decided by '{args.decide}' "
          f"({len(decided)} accepted pairs; {moved} of {len(rows)} judged pairs decided otherwise)")
    print(f"precision {p:.3f}, recall {r:.3f}")
    if args.against is None:
        return
    other = set(accepted_pairs(verifier=args.against))
    p2, r2 = read(other, strata)
    rng = random.Random(args.seed)
    diffs_p, diffs_r = [], []
    for _ in range(args.rounds // 4):
        drawn = {k: [rng.choice(rs) for _ in rs] for k, rs in strata.items()}
        a, b = read(decided, drawn), read(other, drawn)
        diffs_p.append(a[0] - b[0])
        diffs_r.append(a[1] - b[1])

    def ci(xs: list[float]) -> str:
        xs = sorted(xs)
        return f"{xs[int(0.025 * len(xs))]:+.3f} to {xs[int(0.975 * len(xs)) - 1]:+.3f}"

    print(f"against '{args.against}': precision {p2:.3f}, recall {r2:.3f}; difference precision "
          f"{p - p2:+.3f} (95% {ci(diffs_p)}), recall {r - r2:+.3f} (95% {ci(diffs_r)})")


def score(args: argparse.Namespace) -> None:
    if args.decide is not None:
        score_decisions(args)
        return
    accepted = accepted_pairs(verifier=args.strata_from)
    rejected = rejected_universe(accepted)
    acc_sizes = population_sizes(accepted, PRECISION_STRATA)
    rej_sizes = population_sizes(rejected, RECALL_STRATA)
    fresh = judged_rows("precision", args.round, args.borderline, args.reads)
    recall_rows = judged_rows("recall", args.round, args.borderline, args.reads)

    def group(rows: list[dict[str, object]]) -> dict[str, list[bool]]:
        out: dict[str, list[bool]] = defaultdict(list)
        for r in rows:
            out[str(r["stratum"])].append(r["verdict"] == "duplicate")
        return out

    prec_by, rec_by = group(fresh), group(recall_rows)
    total_acc = sum(acc_sizes.values())

    def estimate(pb: dict[str, float], rb: dict[str, float]) -> tuple[float, float, float]:
        true_acc = sum(acc_sizes[s] * share for s, share in pb.items())
        missed = sum(rej_sizes[s] * share for s, share in rb.items())
        return true_acc / max(1, total_acc), true_acc / max(1e-9, true_acc + missed), missed

    def shares(by: dict[str, list[bool]]) -> dict[str, float]:
        return {s: sum(v) / len(v) for s, v in by.items() if v}

    prec, rec, missed = estimate(shares(prec_by), shares(rec_by))
    rng = random.Random(args.seed)
    boots_p, boots_r = [], []
    for _ in range(args.rounds):
        pb = {s: rng.betavariate(sum(v) + 0.5, len(v) - sum(v) + 0.5) for s, v in prec_by.items() if v}
        rb = {s: rng.betavariate(sum(v) + 0.5, len(v) - sum(v) + 0.5) for s, v in rec_by.items() if v}
        p, r, _ = estimate(pb, rb)
        boots_p.append(p)
        boots_r.append(r)

    def ci(xs: list[float]) -> str:
        xs = sorted(xs)
        return f"{xs[int(0.025 * len(xs))]:.3f}-{xs[int(0.975 * len(xs)) - 1]:.3f}"

    print(f"round(s) {args.round}; accepted pairs: {total_acc}; universe pairs not accepted: {len(rejected)}")
    print("precision sample (accepted pairs):")
    for name, _, _ in PRECISION_STRATA:
        v = prec_by.get(name, [])
        lo, hi = wilson(sum(v), len(v))
        print(f"  {name:8s} accepted {acc_sizes[name]:6d}  judged {len(v):3d}  copies {sum(v):3d}  "
              f"precision {sum(v) / max(1, len(v)):.3f} (Wilson {lo:.2f}-{hi:.2f})")
    print("recall sample (rejected universe pairs, by containment):")
    for name, _, _ in RECALL_STRATA:
        v = rec_by.get(name, [])
        lo, hi = wilson(sum(v), len(v))
        print(f"  {name:8s} pairs {rej_sizes[name]:6d}  judged {len(v):3d}  copies {sum(v):3d}  "
              f"share {sum(v) / max(1, len(v)):.3f} (Wilson {lo:.2f}-{hi:.2f})  -> est. missed "
              f"{rej_sizes[name] * sum(v) / max(1, len(v)):.0f}")
    print(f"weighted precision {prec:.3f} (95% interval {ci(boots_p)}); "
          f"true copies accepted ~{prec * total_acc:.0f}, missed ~{missed:.0f}")
    print(f"recall {rec:.3f} (95% interval {ci(boots_r)})")
    # the same without the last stratum's sampling spread, i.e. taking it as free of copies
    assumed = {s: v for s, v in rec_by.items() if s not in ASSUMED_EMPTY}
    checked = [x for s in ASSUMED_EMPTY for x in rec_by.get(s, [])]
    if checked and not any(checked):
        alt = []
        for _ in range(args.rounds):
            pb = {s: rng.betavariate(sum(v) + 0.5, len(v) - sum(v) + 0.5) for s, v in prec_by.items() if v}
            rb = {s: rng.betavariate(sum(v) + 0.5, len(v) - sum(v) + 0.5) for s, v in assumed.items() if v}
            alt.append(estimate(pb, rb)[1])
        print(f"recall 95% interval if the C<0.3 strata hold no copies (0/{len(checked)} judged there): "
              f"{ci(alt)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("accepted")
    p.add_argument("--rebuild", action="store_true")
    p.add_argument("--verifier", default="shipped", help="shipped | no-anchors | rule | path of a verifier model")
    for name in ("draw-precision", "draw-recall"):
        p = sub.add_parser(name)
        p.add_argument("--seed", type=int, default=20261127)
        p.add_argument("--show", action="store_true", help="print the drawn pairs' text for judging")
        p.add_argument("--write", action="store_true", help="append the unjudged rows to the judged file")
        p.add_argument("--round", type=int, required=True)
    p = sub.add_parser("score")
    p.add_argument("--round", type=int, nargs="+", default=[5],
                   help="rounds to pool (only rounds drawn after the rule last changed describe it)")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--rounds", type=int, default=4000)
    p.add_argument("--strata-from", default="shipped",
                   help="the detector the round was drawn from: shipped (13-14) | no-anchors (11-12) | rule (1-5) | model path")
    p.add_argument("--reads", choices=["first", "adjudicated"], default="first",
                   help="the first reader's verdicts (every round) or two readers' agreed ones, a third "
                        "deciding where they differed (rounds 13-14)")
    p.add_argument("--borderline", choices=["copies", "not-copies"], default=None,
                   help="read the judges' borderline calls all one way")
    p.add_argument("--against", default=None,
                   help="with --decide: a second detector on the same judged rows, and the paired difference")
    p.add_argument("--decide", default=None,
                   help="score another detector's decisions on that round (shipped | no-anchors | rule | model path)")
    args = parser.parse_args()
    if args.cmd == "accepted":
        acc = accepted_pairs(args.rebuild, args.verifier)
        print(f"{len(acc)} accepted pairs; by stratum: {dict(population_sizes(acc, PRECISION_STRATA))}")
        return
    if args.cmd == "score":
        score(args)
        return
    accepted = accepted_pairs()
    if args.cmd == "draw-precision":
        rows, out = draw(accepted, PRECISION_STRATA, args.seed, seen_pairs(), args.round), FRESH
    else:
        rows, out = draw(rejected_universe(accepted), RECALL_STRATA, args.seed, seen_pairs(), args.round), RECALL
    sample = "precision" if args.cmd == "draw-precision" else "recall"
    if args.round in ROUND_FILES:
        out = ROUND_FILES[args.round]
        rows = [{"sample": sample, **r} for r in rows]
    if args.write:
        if any(r.get("round") == args.round and r.get("sample", sample) == sample for r in read_rows(out)):
            sys.exit(f"{out} already holds round {args.round}; not drawing it again")
        with out.open("a", encoding="utf-8") as fh:
            fh.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
    if args.show:
        show(rows)
    else:
        print(f"{len(rows)} pairs drawn")


if __name__ == "__main__":
    main()
