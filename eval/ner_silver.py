"""Silver NER data: news sentences on which the shipped BiLSTM-CRF and the shipped CRF agree.

    OMP_NUM_THREADS=1 nice -n 10 .venv/bin/python eval/ner_silver.py \
        [--out /tmp/marsad_silver/silver.conll] [--target 3500] [--seed 13]

Why: ANERcorp has only ~3,600 training sentences. Two taggers of different families make
different mistakes, so a sentence both tag identically (and in which they find at least one
name) is a cleaner label than either tagger alone; ``eval/ner_holdout.py --extra FILE`` then
measures whether adding such sentences to training lifts the score on unseen sentences.

Articles of ANT multi-source (2018) and SaudiNewsNet (2015) are visited in a random order
(fixed seed), split and tokenised as the pipeline does (``split_sentences``/``tokenize``) and
tagged per article with both models' ``tag_document``. Sentences of 5-60 tokens are compared;
agreeing ones with an entity go into a pool (one copy of each distinct sentence, none that is
also an ANERcorp sentence), until the pool holds twice the target; ``--target`` sentences are
then drawn from it at random. Caveat: the teachers trained on ANERcorp's first 90%, and the
neural one's epoch was chosen on the last 10% that ``ner_holdout.py`` scores — a weak leak.
Nothing here is written into the repository; the output is a file under /tmp by default.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.extract.ner_neural import NN_MODEL_DIR, load_ner
from marsad.text.segment import split_sentences, tokenize
from marsad.training.clusters import iter_news_texts
from marsad.training.conll import read_conll
from marsad.training.ner import SHIPPED_MODEL_DIR, NerModel, shared_data_dir

MIN_TOKENS, MAX_TOKENS = 5, 60
SOURCES = ("ant_multisource", "saudinewsnet")


def article_sentences(text: str) -> list[list[str]]:
    """Token strings of each sentence, split the way the pipeline splits an article."""
    out: list[list[str]] = []
    for start, end in split_sentences(text):
        sentence = text[start:end]
        words = [sentence[a:b] for a, b in tokenize(sentence)]
        if words:
            out.append(words)
    return out


def entity_types(tags: Sequence[str]) -> Iterator[str]:
    """The type of every entity (each ``B-`` tag; IOB2 from both taggers)."""
    return (t[2:] for t in tags if t.startswith("B-"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=Path("/tmp/marsad_silver/silver.conll"))
    parser.add_argument("--target", type=int, default=3500, help="silver sentences to write")
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    news = shared_data_dir() / "news"
    gold_file = shared_data_dir() / "ner" / "anercorp" / "ANERCorp_CamelLab_train.txt"
    if not news.is_dir() or not gold_file.is_file():
        print(f"shared data absent ({news}, {gold_file}): skipped")
        return 0
    began = time.perf_counter()
    gold = {tuple(s.tokens) for s in read_conll(gold_file)[0]}
    texts: list[tuple[str, str]] = []
    for source in SOURCES:
        texts.extend((source, t) for t in iter_news_texts([news / source]))
    order = list(range(len(texts)))
    rng = random.Random(args.seed)
    rng.shuffle(order)
    print(f"articles available: {len(texts)} ({', '.join(f'{s} {sum(1 for x, _ in texts if x == s)}' for s in SOURCES)})")

    neural, crf = load_ner(NN_MODEL_DIR), NerModel(SHIPPED_MODEL_DIR)
    pool: dict[tuple[str, ...], tuple[str, list[str]]] = {}
    read = tagged = agreed = agreed_empty = duplicates = in_gold = tokens_tagged = 0
    for i in order:
        if len(pool) >= 2 * args.target:
            break
        source, text = texts[i]
        read += 1
        sentences = article_sentences(text)
        if not sentences:
            continue
        by_nn, by_crf = neural.tag_document(sentences), crf.tag_document(sentences)
        for words, a, b in zip(sentences, by_nn, by_crf):
            if not MIN_TOKENS <= len(words) <= MAX_TOKENS:
                continue
            tagged += 1
            tokens_tagged += len(words)
            if a != b:
                continue
            agreed += 1
            if all(t == "O" for t in a):
                agreed_empty += 1
                continue
            key = tuple(words)
            if key in gold:
                in_gold += 1
            elif key in pool:
                duplicates += 1
            else:
                pool[key] = (source, a)
    keys = sorted(pool)  # sorted first so the draw depends on the seed only
    chosen = random.Random(args.seed).sample(keys, min(args.target, len(keys)))
    args.out.parent.mkdir(parents=True, exist_ok=True)
    types: Counter[str] = Counter()
    per_source: Counter[str] = Counter()
    n_tokens = 0
    with args.out.open("w", encoding="utf-8") as fh:
        for key in chosen:
            source, tags = pool[key]
            per_source[source] += 1
            types.update(entity_types(tags))
            n_tokens += len(key)
            fh.write("".join(f"{w} {t}\n" for w, t in zip(key, tags)) + "\n")
    print(f"articles read: {read}; sentences of {MIN_TOKENS}-{MAX_TOKENS} tokens tagged: {tagged} "
          f"({tokens_tagged} tokens)")
    print(f"exact agreement: {agreed} ({agreed / max(tagged, 1):.1%}); of which no entity: {agreed_empty}; "
          f"with an entity: {agreed - agreed_empty} (repeats dropped {duplicates}, ANERcorp sentences dropped {in_gold})")
    print(f"pool {len(pool)} distinct sentences; kept {len(chosen)} ({n_tokens} tokens; "
          f"{', '.join(f'{s} {n}' for s, n in sorted(per_source.items()))}) -> {args.out}")
    print(f"entities kept: {sum(types.values())} ({', '.join(f'{t} {n}' for t, n in sorted(types.items()))})")
    print(f"took {time.perf_counter() - began:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
