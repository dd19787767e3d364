"""Every SaudiNewsNet article pair that could be a republished copy, with its scores.

    python eval/dup_saudi_pairs.py [--cache /tmp/marsad_dup_pairs.pkl] [--rebuild]

Shared by the precision and recall checks (``eval/dup_saudi_sample.py``). The *pair
universe* is the union of three cheap candidate generators, each far looser than the
shipped rule, so that a republished copy the rule misses still lands in it:

* ``lsh``: MinHash LSH over word 3-gram shingles at threshold 0.15 (the detector's
  own index runs at 0.3);
* ``gram8``: pairs sharing at least two word 8-grams that occur in at most 20
  articles (a copy of any real length shares dozens of long runs; site boilerplate and
  stock phrases occur in many more articles and are left out);
* ``title``: pairs published within two days whose titles share at least half their
  normalised words.

For every pair the exact shingle Jaccard, containment, shared count and size ratio are
stored, plus the number of shared rare 8-grams. The cache holds ids and numbers only.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))

from corpus_eval import read_saudi
from datasketch import MinHashLSH

from marsad.corpus.duplicates import DuplicateConfig, make_minhash, pair_scores, shingles_of_words
from marsad.corpus.pair_model import publication_day
from marsad.corpus.records import CorpusDoc
from marsad.corpus.textprep import words

CACHE = Path("/tmp/marsad_dup_pairs.pkl")
GRAM = 8
GRAM_MAX_DF = 20
GRAM_MIN_SHARED = 2
LSH_THRESHOLD = 0.15
TITLE_JACCARD = 0.5
TITLE_DAYS = 2


@dataclass(slots=True)
class PairInfo:
    a: str
    b: str
    jaccard: float
    containment: float
    shared: int
    ratio: float
    grams8: int
    sources: frozenset[str]  # which generators proposed the pair


def _grams(ws: list[str], n: int) -> set[int]:
    return {hash(tuple(ws[i:i + n])) for i in range(len(ws) - n + 1)}


def build_universe(docs: list[CorpusDoc]) -> list[PairInfo]:
    config = DuplicateConfig()
    ids = [d.id for d in docs]
    word_lists = [words(d.text) for d in docs]
    sets = [shingles_of_words(ws, config.shingle_size) for ws in word_lists]
    proposed: dict[tuple[int, int], set[str]] = defaultdict(set)

    lsh = MinHashLSH(threshold=LSH_THRESHOLD, num_perm=config.num_perm)
    for i, s in enumerate(sets):
        if not s:
            continue
        mh = make_minhash(s, config)
        for other in lsh.query(mh):
            proposed[(other, i)].add("lsh")
        lsh.insert(i, mh, check_duplication=False)
    print(f"lsh: {sum('lsh' in v for v in proposed.values())} pairs", file=sys.stderr)

    posting: dict[int, list[int]] = defaultdict(list)
    grams = [_grams(ws, GRAM) for ws in word_lists]
    for i, g in enumerate(grams):
        for h in g:
            posting[h].append(i)
    counts: dict[tuple[int, int], int] = defaultdict(int)
    for docs_with in posting.values():
        if 2 <= len(docs_with) <= GRAM_MAX_DF:
            for a, b in combinations(docs_with, 2):
                counts[(a, b)] += 1
    del posting
    for key, c in counts.items():
        if c >= GRAM_MIN_SHARED:
            proposed[key].add("gram8")
    print(f"gram8: {sum('gram8' in v for v in proposed.values())} pairs", file=sys.stderr)

    by_day: dict[int, list[int]] = defaultdict(list)
    title_sets = [set(words(d.title)) for d in docs]
    for i, d in enumerate(docs):
        day = publication_day(d.published)
        if day is not None and len(title_sets[i]) >= 3:
            by_day[day].append(i)
    for day in sorted(by_day):
        pool = [i for k in range(TITLE_DAYS + 1) for i in by_day.get(day - k, [])]
        for i in by_day[day]:
            for j in pool:
                if j == i or (publication_day(docs[j].published) == day and j > i):
                    continue
                ti, tj = title_sets[i], title_sets[j]
                if len(ti & tj) / len(ti | tj) >= TITLE_JACCARD:
                    proposed[(min(i, j), max(i, j))].add("title")
    print(f"title: {sum('title' in v for v in proposed.values())} pairs", file=sys.stderr)

    out = []
    for (i, j), why in proposed.items():
        i, j = min(i, j), max(i, j)
        jac, cont, shared = pair_scores(sets[i], sets[j])
        ratio = min(len(sets[i]), len(sets[j])) / max(1, len(sets[i]), len(sets[j]))
        g8 = counts.get((i, j), counts.get((j, i), 0))
        out.append(PairInfo(ids[i], ids[j], jac, cont, shared, ratio, g8, frozenset(why)))
    # the same unordered pair can come from (i, j) and (j, i): keep one
    seen: dict[frozenset[str], PairInfo] = {}
    for p in out:
        key = frozenset((p.a, p.b))
        if key in seen:
            seen[key] = PairInfo(p.a, p.b, p.jaccard, p.containment, p.shared, p.ratio,
                                 max(p.grams8, seen[key].grams8), p.sources | seen[key].sources)
        else:
            seen[key] = p
    return list(seen.values())


def load_universe(cache: Path = CACHE, rebuild: bool = False,
                  docs: Iterable[CorpusDoc] | None = None) -> list[PairInfo]:
    if cache.exists() and not rebuild:
        with cache.open("rb") as fh:
            rows = pickle.load(fh)
        return [PairInfo(*row) for row in rows]
    universe = build_universe(list(docs) if docs is not None else list(read_saudi()))
    with cache.open("wb") as fh:  # plain tuples: the cache must not depend on the module name
        pickle.dump([(p.a, p.b, p.jaccard, p.containment, p.shared, p.ratio, p.grams8, p.sources)
                     for p in universe], fh)
    return universe


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", type=Path, default=CACHE)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    universe = load_universe(args.cache, args.rebuild)
    by_source: dict[str, int] = defaultdict(int)
    for p in universe:
        by_source["+".join(sorted(p.sources))] += 1
    print(f"{len(universe)} candidate pairs; by generator: {dict(sorted(by_source.items()))}")


if __name__ == "__main__":
    main()
