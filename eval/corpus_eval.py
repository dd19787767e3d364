"""Evaluate the cross-article jobs on the shared corpora (read by path, never copied).

    python eval/corpus_eval.py dup-synthetic [--n-base 1500 --n-copied 500]
    python eval/corpus_eval.py dup-saudi [--show] [--groups]
    python eval/corpus_eval.py ans
    python eval/corpus_eval.py stories-ant [--sample 50] [--check eval/stories_check.jsonl]

``dup-synthetic`` builds republished copies from real ANT articles (another portal's
disclaimer and an «اقرأ أيضا» block, paragraph drops, word edits, punctuation changes),
mixes them with distinct articles and sweeps the verification threshold, printing
pairwise precision and recall. The data root is ``$MARSAD_DATA`` or ``../shared/data``.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC
from email.utils import parsedate_to_datetime
from itertools import combinations
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.corpus.duplicates import (
    DuplicateConfig,
    DuplicateDetector,
    exact_duplicates,
    find_duplicates,
    group_pairs,
    is_duplicate,
    pair_scores,
    shingles,
    verify_pair,
)
from marsad.corpus.records import CorpusDoc
from marsad.corpus.stories import StoryClusterer, StoryConfig, cluster_stories
from marsad.corpus.textprep import words
from marsad.training.dup_verifier import read_saudinewsnet

console = Console()


def data_root() -> Path:
    return Path(os.environ.get("MARSAD_DATA", ROOT.parent / "shared" / "data"))


# ------------------------------------------------------------------ readers
_TAG = re.compile(r"<(DOCNO|SRC|TITLE|TIME|TEXT)>(.*?)</\1>", re.DOTALL)


def read_ant(root: Path | None = None, limit: int | None = None) -> Iterator[CorpusDoc]:
    """ANT multi-source files: one <DOC> per file; id = DOCNO (the file name)."""
    base = (root or data_root()) / "news" / "ant_multisource"
    n = 0
    for path in sorted(base.glob("*/*/*.txt")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        fields = {m.group(1): m.group(2).strip() for m in _TAG.finditer(raw)}
        if not fields.get("TEXT"):
            continue
        published = None
        if fields.get("TIME"):
            try:
                published = parsedate_to_datetime(fields["TIME"]).astimezone(UTC).isoformat()
            except (TypeError, ValueError):
                published = None
        yield CorpusDoc(id=fields.get("DOCNO", path.stem), text=fields["TEXT"],
                        title=fields.get("TITLE", ""), source=fields.get("SRC", path.parts[-3]),
                        published=published)
        n += 1
        if limit and n >= limit:
            return


def read_saudi(root: Path | None = None) -> Iterator[CorpusDoc]:
    """SaudiNewsNet: zips of JSON arrays; id = zip stem + position (see the package reader)."""
    return read_saudinewsnet((root or data_root()) / "news" / "saudinewsnet")


# --------------------------------------------------------- synthetic copies
DISCLAIMERS = [
    "جميع الحقوق محفوظة لموقع الخبر اليومي ولا يجوز نقل المادة دون ذكر المصدر",
    "هذا المحتوى مترجم من مصدر أجنبي ونشر بالتعاون مع شبكة الأخبار العربية والآراء الواردة فيه لا تعبر عن رأي الموقع",
    "تابعونا على تويتر وفيسبوك للحصول على آخر الأخبار العاجلة لحظة بلحظة",
]
READ_ALSO = ["اقرأ أيضا:", "شاهد أيضا:", "اقرأ المزيد:"]
EDIT_WORDS = ["كبير", "جديد", "رسمي", "مهم", "أخير", "واسع"]


def make_copy(doc: CorpusDoc, rng: random.Random, other_titles: list[str]) -> str:
    """A republished copy of ``doc``: 1-3 random transformations a portal applies."""
    paras = [p for p in doc.text.split("\n") if p.strip()]
    ops = rng.sample(["header_footer", "drop", "edit", "punct", "read_also"], k=rng.randint(1, 3))
    if "drop" in ops and len(paras) > 3:
        for _ in range(max(1, len(paras) // 6)):
            paras.pop(rng.randrange(1, len(paras)))
    if "edit" in ops:
        out = []
        for p in paras:
            ws = p.split()
            for _ in range(max(1, len(ws) // 40)):
                if ws:
                    j = rng.randrange(len(ws))
                    if rng.random() < 0.5:
                        ws[j] = rng.choice(EDIT_WORDS)
                    else:
                        ws.insert(j, rng.choice(EDIT_WORDS))
            out.append(" ".join(ws))
        paras = out
    if "punct" in ops:
        paras = [p.replace("،", ",").replace(".", "").replace("\"", "«") for p in paras]
    if "header_footer" in ops:
        paras = [rng.choice(["القاهرة - وكالات", "عاجل |", "متابعات -"])] + paras + [rng.choice(DISCLAIMERS)]
    if "read_also" in ops:
        block = [rng.choice(READ_ALSO)] + rng.sample(other_titles, k=3)
        paras = paras[: len(paras) // 2] + block + paras[len(paras) // 2:]
    return "\n".join(paras)


def dup_synthetic(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    pool = [d for d in read_ant() if len(d.text.split()) >= 60]
    rng.shuffle(pool)
    # the pool itself may hold copies (outlets repeat themselves): keep one per group
    base_docs, seen_sets = [], DuplicateDetector(DuplicateConfig(lsh_threshold=0.2, min_jaccard=0.3,
                                                                 min_containment=0.6, max_swaps=0,
                                                                 min_specific_shared=0))
    for d in pool:
        _, pairs = seen_sets.add(d.id, d.text)
        if not pairs:
            base_docs.append(d)
        if len(base_docs) >= args.n_base:
            break
    titles = [d.title for d in pool[:500] if d.title]
    docs: list[CorpusDoc] = []
    truth: dict[str, str] = {}
    for i, d in enumerate(base_docs):
        docs.append(d)
        truth[d.id] = d.id
        if i < args.n_copied:
            for c in range(rng.randint(1, 3)):
                cid = f"{d.id}#copy{c}"
                docs.append(replace(d, id=cid, text=make_copy(d, rng, titles)))
                truth[cid] = d.id
    # hard negatives: distinct articles that carry the *same* portal boilerplate
    # (disclaimer + «اقرأ أيضا» block), which is what fools a containment or shingle test
    portal_footer = "\n".join([DISCLAIMERS[1], READ_ALSO[0]] + titles[:4] + [DISCLAIMERS[2]])
    n_hard = 0
    for i, d in enumerate(docs):
        if truth[d.id] == d.id and i % 4 == 0 and not d.id.endswith("#copy"):
            docs[i] = replace(d, text=d.text + "\n" + portal_footer)
            n_hard += 1
    rng.shuffle(docs)
    console.print(f"{len(base_docs)} distinct ANT articles, {args.n_copied} of them copied, "
                  f"{n_hard} distinct ones sharing one portal footer: {len(docs)} documents")
    # collect every LSH candidate pair once with its exact scores, then sweep acceptance rules
    default = DuplicateConfig()
    detector = DuplicateDetector(DuplicateConfig(lsh_threshold=args.lsh, min_jaccard=0.0,
                                                 min_containment=0.0, min_shared=0, max_swaps=0,
                                                 min_specific_shared=0))
    scored: list[tuple[str, str, float, float, int]] = []
    sets = {d.id: shingles(d.text) for d in docs}
    for d in docs:
        _, pairs = detector.add(d.id, d.text)
        for p in pairs:
            jac, cont, shared = pair_scores(sets[p.a], sets[p.b])
            ratio = min(len(sets[p.a]), len(sets[p.b])) / max(1, len(sets[p.a]), len(sets[p.b]))
            # containment only counts between texts of comparable size (see is_duplicate)
            scored.append((p.a, p.b, jac, cont if ratio >= default.min_size_ratio else 0.0, shared))
    true_pairs = {frozenset(p) for ids in _groups(truth).values() for p in combinations(ids, 2)}
    published = {d.id: d.published for d in docs}
    table = Table(title=f"Synthetic copies: pairwise precision/recall (LSH threshold {args.lsh}, "
                        f"shingles of 3 words, 128 permutations)")
    for col in ("min Jaccard", "or containment (>=25 shared)", "pairs found", "precision", "recall", "F1"):
        table.add_column(col, justify="right")
    for jmin in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        for cmin in (0.7, 0.8, 0.9, 1.01):
            edges = [(a, b) for a, b, jac, cont, shared in scored
                     if jac >= jmin or (cont >= cmin and shared >= 25)]
            groups = group_pairs(edges, published)
            found = {frozenset(p) for g in groups for p in combinations(g.members, 2)}
            tp = len(found & true_pairs)
            prec = tp / len(found) if found else 1.0
            rec = tp / len(true_pairs) if true_pairs else 1.0
            f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
            table.add_row(f"{jmin:.1f}", "off" if cmin > 1 else f"{cmin:.1f}", str(len(found)),
                          f"{prec:.4f}", f"{rec:.4f}", f"{f1:.4f}")
    console.print(table)
    # the verification rule as shipped, and with its two newer tests switched off in turn
    word_lists = {d.id: words(d.text) for d in docs}
    variants = [
        ("old rule (overlap only)", replace(default, min_specific_shared=0, max_swaps=0, lead_words=0)),
        ("+ boilerplate discount", replace(default, max_swaps=0, lead_words=0)),
        ("+ swapped specifics", replace(default, min_specific_shared=0, lead_words=0)),
        ("both, no same-opening path", replace(default, lead_words=0)),
        ("default: both + same-opening path", default),
        ("default, reject at 3 swaps", replace(default, max_swaps=3)),
        ("default, reject at 1 swap", replace(default, max_swaps=1)),
    ]
    rules = Table(title="Synthetic copies: verification rules at the chosen overlap thresholds")
    for col in ("rule", "pairs found", "precision", "recall"):
        rules.add_column(col, justify="right")
    for name, cfg in variants:
        chosen = [(a, b) for a, b, *_ in scored
                  if verify_pair(word_lists[a], word_lists[b], sets[a], sets[b], cfg, detector.freq)[0]]
        found = {frozenset(p) for g in group_pairs(chosen, published) for p in combinations(g.members, 2)}
        tp = len(found & true_pairs)
        rules.add_row(name, str(len(found)), f"{tp / max(1, len(found)):.4f}", f"{tp / max(1, len(true_pairs)):.4f}")
        if cfg is default:
            misses = sorted(map(tuple, true_pairs - found))[:5]
            false = sorted(map(tuple, found - true_pairs))[:5]
    console.print(rules)
    for a, b in false:
        console.print(f"  false pair: {a} / {b}", markup=False)
    for a, b in misses:
        console.print(f"  missed pair: {a} / {b}", markup=False)


def _groups(truth: dict[str, str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for doc_id, root in truth.items():
        out.setdefault(root, []).append(doc_id)
    return out


# ------------------------------------------------------------ SaudiNewsNet
OLD_RULE = replace(DuplicateConfig(), min_specific_shared=0, max_swaps=0, boilerplate_df=10**9, lead_words=0)


def dup_saudi(args: argparse.Namespace) -> None:
    """Groups on SaudiNewsNet, and the hand check scored under the old and the new rule.

    The hand check (``eval/dup_saudi_check.jsonl``: ids, verdict, note, stratum; no
    text) holds pairs the *old* rule accepted, drawn per Jaccard stratum, so it measures
    precision of both rules and the share of true copies the new rule gives up; it says
    nothing about copies neither rule finds.
    """
    docs = list(read_saudi())
    by_id = {d.id: d for d in docs}
    config = DuplicateConfig()
    detector = DuplicateDetector(config)
    for d in docs:
        detector.observe(d.id, d.text)
    rows = []
    if args.check and Path(args.check).exists():
        rows = [json.loads(x) for x in Path(args.check).read_text(encoding="utf-8").splitlines() if x.strip()]
    table = Table(title=f"SaudiNewsNet hand check ({len(rows)} pairs the old rule accepted): old vs new rule")
    for col in ("stratum (Jaccard)", "pairs", "true copies", "old: precision", "new: accepted",
                "new: precision", "new: true copies kept"):
        table.add_column(col, justify="right")
    strata: dict[str, list[tuple[bool, bool, bool]]] = {}
    for row in rows:
        a, b = by_id[row["a"]], by_id[row["b"]]
        wa, wb = words(a.text), words(b.text)
        sa, sb = shingles(a.text), shingles(b.text)
        old_ok = verify_pair(wa, wb, sa, sb, OLD_RULE)[0]
        new_ok = verify_pair(wa, wb, sa, sb, config, detector.freq)[0]
        strata.setdefault(row.get("stratum", "?"), []).append((row["verdict"] == "duplicate", old_ok, new_ok))
        if args.show and old_ok != new_ok:
            console.print(f"  changed: {row['a']} / {row['b']} {row['verdict']} old={old_ok} new={new_ok} "
                          f"({row.get('note', '')})", markup=False, highlight=False)
    total: list[tuple[bool, bool, bool]] = []
    for name in sorted(strata):
        total += strata[name]
        table.add_row(name, *_check_cells(strata[name]))
    if total:
        table.add_row("all", *_check_cells(total))
        console.print(table)
    if args.groups:
        groups = find_duplicates(docs, config)
        sizes = Counter(min(len(g.members), 6) for g in groups)
        cross = [g for g in groups if len({by_id[m].source for m in g.members}) > 1]
        console.print(f"SaudiNewsNet: {len(docs)} articles, {len(groups)} near-duplicate groups holding "
                      f"{sum(len(g.members) for g in groups)} articles; {len(cross)} groups span several outlets")
        console.print("group sizes (6 = 6 or more): " + ", ".join(f"{k}: {v}" for k, v in sorted(sizes.items())))
        exact = exact_duplicates(docs)
        console.print(f"exact-hash baseline: {len(exact)} groups holding "
                      f"{sum(len(g.members) for g in exact)} articles")


def _check_cells(part: list[tuple[bool, bool, bool]]) -> list[str]:
    true = sum(t for t, _, _ in part)
    old_acc = [t for t, o, _ in part if o]
    new_acc = [t for t, _, n in part if n]
    kept = sum(t and n for t, _, n in part)
    return [str(len(part)), str(true), f"{sum(old_acc) / max(1, len(old_acc)):.3f}", str(len(new_acc)),
            f"{sum(new_acc) / max(1, len(new_acc)):.3f}", f"{kept}/{true} ({kept / max(1, true):.3f})"]


# --------------------------------------------------------------------- ANS
def ans(args: argparse.Namespace) -> None:
    """Headline pairs: how well the story similarity separates paraphrases (agree)."""
    base = data_root() / "pairs" / "ans" / "stance"
    rows = []
    for split in ("train", "dev"):
        with open(base / f"{split}.csv", encoding="utf-8") as fh:
            rows += [(split, r["s1"], r["s2"], r["stance"]) for r in csv.DictReader(fh)]
    clusterer = StoryClusterer(StoryConfig())
    heads = [CorpusDoc(f"h{i}", "", title=t) for i, t in enumerate({x for r in rows for x in r[1:3]})]
    index = {d.title: d for d in heads}
    # document frequencies over all headlines (titles are the whole text here)
    terms = clusterer.count_terms(heads)
    vec = {d.title: clusterer.features(d, terms[d.id]).terms for d in heads}
    scored = []
    for split, s1, s2, stance in rows:
        sim = sum(w * vec[s2].get(t, 0.0) for t, w in vec[s1].items())
        jac = pair_scores(shingles(s1, 1), shingles(s2, 1))[0]
        scored.append((split, stance, sim, jac))
    del index
    table = Table(title="ANS headline pairs: story similarity (TF-IDF cosine of stemmed content words)")
    for col in ("split", "label", "pairs", "mean cosine", "share >= story threshold", "mean word Jaccard"):
        table.add_column(col, justify="right")
    thr = StoryConfig().threshold
    for split in ("train", "dev"):
        for label in ("agree", "disagree", "other"):
            xs = [r for r in scored if r[0] == split and r[1] == label]
            if xs:
                table.add_row(split, label, str(len(xs)), f"{sum(r[2] for r in xs) / len(xs):.3f}",
                              f"{sum(r[2] >= thr for r in xs) / len(xs):.3f}",
                              f"{sum(r[3] for r in xs) / len(xs):.3f}")
    console.print(table)
    dev = [r for r in scored if r[0] == "dev"]
    pos = [r[2] for r in dev if r[1] == "agree"]
    neg = [r[2] for r in dev if r[1] != "agree"]
    auc = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg) / max(1, len(pos) * len(neg))
    console.print(f"dev: ROC AUC of cosine for agree vs (disagree+other) = {auc:.3f}")
    sweep = Table(title="dev: 'same story' = cosine >= t, agree as the positive class")
    for col in ("t", "precision", "recall"):
        sweep.add_column(col, justify="right")
    for t in (0.2, 0.25, 0.3, 0.33, 0.4, 0.5, 0.6):
        tp = sum(p >= t for p in pos)
        fp = sum(n >= t for n in neg)
        sweep.add_row(f"{t:.2f}", f"{tp / max(1, tp + fp):.3f}", f"{tp / max(1, len(pos)):.3f}")
    console.print(sweep)
    dup = sum(is_duplicate(shingles(a), shingles(b), DuplicateConfig())[0] for _, a, b, lab in rows
              if lab == "agree")
    console.print(f"near-duplicate rule fires on {dup} of {sum(r[3] == 'agree' for r in rows)} agree pairs "
                  "(paraphrases are not copies, as intended)")


# --------------------------------------------------------------------- ANT
def stories_ant(args: argparse.Namespace) -> None:
    docs = list(read_ant())
    stories = cluster_stories(docs, StoryConfig())
    multi = [s for s in stories if len(s.sources) > 1]
    sizes = Counter(min(len(s.members), 10) for s in stories)
    console.print(f"ANT: {len(docs)} articles -> {len(stories)} stories, {len(multi)} with several outlets; "
                  "sizes (10 = 10+): " + ", ".join(f"{k}: {v}" for k, v in sorted(sizes.items())))
    rng = random.Random(args.seed)
    sample = rng.sample(multi, min(args.sample, len(multi)))
    verdicts = {}
    if args.check and Path(args.check).exists():
        for line in Path(args.check).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                verdicts[row["story"]] = row
    if args.show:
        for s in sample:
            console.print(f"== {s.id} size={len(s.members)} sources={dict(s.sources)}", markup=False)
            for m in s.members:
                console.print(f"   {m} | {s.titles[m]}", markup=False)
    judged = [verdicts[s.id] for s in sample if s.id in verdicts and
              sorted(verdicts[s.id]["articles"]) == sorted(s.members)]
    if judged:
        total = sum(len(v["articles"]) for v in judged)
        majority = sum(len(v["articles"]) - len(v.get("off_story", [])) for v in judged)
        pure = sum(not v.get("off_story") for v in judged)
        console.print(f"hand check of {len(judged)} multi-source stories: purity {majority / total:.3f} "
                      f"({majority}/{total} articles on the story's main development); "
                      f"{pure}/{len(judged)} stories fully pure")
    elif verdicts:
        console.print("stored verdicts do not match the current clustering (re-check needed)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("dup-synthetic")
    p.add_argument("--n-base", type=int, default=1500)
    p.add_argument("--n-copied", type=int, default=500)
    p.add_argument("--lsh", type=float, default=DuplicateConfig().lsh_threshold)
    p.add_argument("--seed", type=int, default=7)
    p = sub.add_parser("dup-saudi")
    p.add_argument("--check", default=str(ROOT / "eval" / "dup_saudi_check.jsonl"))
    p.add_argument("--show", action="store_true", help="list the checked pairs whose decision changed")
    p.add_argument("--groups", action="store_true", help="also group the whole corpus (slow: minutes)")
    sub.add_parser("ans")
    p = sub.add_parser("stories-ant")
    p.add_argument("--sample", type=int, default=50)
    p.add_argument("--seed", type=int, default=13)
    p.add_argument("--show", action="store_true", help="print the sampled stories' titles")
    p.add_argument("--check", default=str(ROOT / "eval" / "stories_check.jsonl"))
    args = parser.parse_args()
    {"dup-synthetic": dup_synthetic, "dup-saudi": dup_saudi, "ans": ans,
     "stories-ant": stories_ant}[args.cmd](args)


if __name__ == "__main__":
    main()
