"""``marsad train ner`` and ``marsad train clusters``: build the NER model Marsad ships.

The dev split (the last ``--dev-fraction`` of each ``--data`` source, sequentially) is
held out of training; its scores are printed and stored in the model's ``meta.json``.
``--extra`` adds training data that is never split (for example AQMAR), and ``--cross``
names corpora scored after training as an honest out-of-domain number.
"""

from __future__ import annotations

import datetime as _dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console

from marsad.cli import train_app

if TYPE_CHECKING:
    from marsad.training.conll import ReadReport


def finish_training(console: Console, out: Path, meta: dict[str, Any], results: dict[str, Any],
                    as_json: bool) -> None:
    """Write the model's ``meta.json`` (with its scores) and show the scores: one JSON
    object with ``--json``, else a table per evaluated set."""
    from marsad.cli.evaluate_ner import scores_table

    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=2) + "\n", "utf-8")
    if as_json:
        print(json.dumps(results, ensure_ascii=False))
        return
    for name, res in results.items():
        console.print(scores_table(f"{name}", res))
        console.print(f"tokens/s: {res['tokens_per_second']:,.0f}")
    console.print(f"model written to {out} (training took {meta.get('train_seconds')} s)")


def read_train_dev(data: list[Path], dev_fraction: float) -> tuple[list[Any], list[Any], ReadReport]:
    """Sentences of each CoNLL file, split per file into train and its last ``dev_fraction``
    (so every corpus given contributes to the dev split), and one merged read report."""
    from marsad.training.conll import ReadReport, read_corpus, split_dev

    train: list[Any] = []
    dev: list[Any] = []
    report = ReadReport()
    for source in data:
        sents, rep = read_corpus([source])
        report.merge(rep)
        t, d = split_dev(sents, dev_fraction)
        train += t
        dev += d
    return train, dev, report


def _dev_results(model: Any, dev: list[Any]) -> dict[str, Any]:
    """A neural tagger's scores on the dev split, sentence by sentence and as documents of 20
    (what the entities stage runs); none when there is no dev split (``--dev-fraction 0``)."""
    from marsad.training.ner import evaluate

    if not dev:
        return {}
    return {"dev": evaluate(model.tag, dev).as_dict(),
            "dev_documents_20": evaluate(model.tag, dev, model.tag_document, 20).as_dict()}


T = TypeVar("T")

def _fail(command: str, message: str) -> None:
    print(f"marsad train {command}: {message}", file=sys.stderr)
    raise typer.Exit(2)


@train_app.command("clusters")
def train_clusters_cmd(
    news: Annotated[list[Path], typer.Option("--news",
                                             help="Folder(s) of ANT-style news .txt files (repeatable).")],
    out: Annotated[Path, typer.Option("--out", help="Where to write the cluster file (.json.gz).")],
    vocab: Annotated[int, typer.Option("--vocab", help="Number of most frequent words to cluster.")] = 40_000,
    max_tokens: Annotated[int, typer.Option("--max-tokens",
                                            help="Stop reading after this many tokens.")] = 12_000_000,
    levels: Annotated[str, typer.Option("--levels", help="Cluster counts, coarse to fine.")] = "32,128,512",
    seed: Annotated[int, typer.Option("--seed")] = 13,
    word2vec_window: Annotated[int, typer.Option(
        "--word2vec-window", help="Also train skip-gram vectors (gensim, `train` extra) with this window and "
        "append them to the SVD vectors; 0: SVD vectors only.")] = 0,
) -> None:
    """Learn word clusters (PPMI + SVD + hierarchical k-means) from unlabelled news."""
    from marsad.training.clusters import iter_news_texts, train_clusters

    missing = [str(p) for p in news if not p.exists()]
    if missing:
        _fail("clusters", f"no such news folder: {', '.join(missing)}")
    try:
        level_counts = tuple(int(x) for x in levels.split(","))
    except ValueError:
        _fail("clusters", f"--levels must be comma-separated integers, got {levels!r}")
        return
    try:
        model = train_clusters(iter_news_texts(news), vocab=vocab, max_tokens=max_tokens,
                               levels=level_counts, seed=seed, word2vec_window=word2vec_window)
    except ValueError as exc:
        _fail("clusters", str(exc))
        return
    model.meta["news"] = [str(p) for p in news]
    model.save(out)
    Console().print(f"clusters: {model.meta} -> {out}")


@train_app.command("ner")
def train_ner_cmd(
    data: Annotated[list[Path], typer.Option("--data", help="CoNLL file or folder (repeatable); its last "
                                             "--dev-fraction of sentences is the dev split.")],
    out: Annotated[Path, typer.Option("--out", help="Model directory to write.")],
    dev_fraction: Annotated[float, typer.Option("--dev-fraction",
                                                help="Share of sentences held out as dev.")] = 0.1,
    clusters: Annotated[Path | None, typer.Option("--clusters",
                                                  help="Cluster file from `marsad train clusters`.")] = None,
    gazetteers: Annotated[Path | None, typer.Option(
        "--gazetteers", help="Gazetteer folder (default: $MARSAD_DATA/gazetteers).")] = None,
    no_gazetteers: Annotated[bool, typer.Option("--no-gazetteers",
                                                help="Train without gazetteer features.")] = False,
    no_clusters: Annotated[bool, typer.Option("--no-clusters", help="Train without cluster features.")] = False,
    rich_clusters: Annotated[bool, typer.Option(
        "--rich-clusters", help="Every cluster level in the window, stem clusters, cluster bigrams.")] = False,
    vector_dims: Annotated[int, typer.Option(
        "--vector-dims", help="Use this many SVD word-vector dimensions (from --clusters) as real-valued "
        "features for the word and its ±1 neighbours; 0 = off.")] = 0,
    vector_scale: Annotated[float, typer.Option(
        "--vector-scale", help="Standard deviation each vector dimension is scaled to.")] = 0.1,
    extras: Annotated[str, typer.Option(
        "--extras", help="Optional feature groups, comma-separated: cues, nbaffix, ngrams.")] = "",
    extra: Annotated[list[Path] | None, typer.Option(
        "--extra", help="Extra CoNLL training data, never split (repeatable).")] = None,
    cross: Annotated[list[Path] | None, typer.Option(
        "--cross", help="CoNLL data to score after training (repeatable).")] = None,
    include_dev: Annotated[bool, typer.Option(
        "--include-dev", help="After scoring, retrain on train+dev (the gate then cannot be honest).")] = False,
    c1: Annotated[float, typer.Option("--c1", help="L1 regularisation.")] = 0.05,
    c2: Annotated[float, typer.Option("--c2", help="L2 regularisation.")] = 0.01,
    max_iterations: Annotated[int, typer.Option("--max-iterations")] = 200,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as one JSON object.")] = False,
) -> None:
    """Train the CRF named-entity tagger and print its dev (and cross-domain) scores."""
    from marsad.training.clusters import ClusterModel
    from marsad.training.conll import ConllError, ReadReport, conll_files, read_corpus
    from marsad.training.gazetteers import GazetteerError
    from marsad.training.ner import build_resources, evaluate, sha256_file, shared_data_dir, train_model

    extra = extra or []
    cross = cross or []
    if not 0.0 <= dev_fraction < 1.0:
        _fail("ner", f"--dev-fraction must be in [0, 1), got {dev_fraction}")
    console = Console(stderr=as_json)
    extra_groups = tuple(x.strip() for x in extras.split(",") if x.strip())
    unknown = sorted(set(extra_groups) - {"cues", "nbaffix", "ngrams"})
    if unknown:
        _fail("ner", f"unknown --extras group(s): {', '.join(unknown)} (known: cues, nbaffix, ngrams)")
    if vector_dims < 0 or vector_scale <= 0:
        _fail("ner", "--vector-dims must be >= 0 and --vector-scale > 0")
    try:
        train, dev, report = read_train_dev(data, dev_fraction)
        extra_sents, extra_rep = read_corpus(extra) if extra else ([], ReadReport())
        report.merge(extra_rep)
        cross_sets = {str(p): read_corpus([p])[0] for p in cross}
        cluster_model = ClusterModel.load(clusters) if clusters else None
        if clusters is None and not no_clusters:
            console.print("[yellow]no --clusters given: training without cluster features[/yellow]")
        gaz_dir = None if no_gazetteers else (gazetteers or shared_data_dir() / "gazetteers")
        resources = build_resources(gaz_dir, cluster_model, not no_gazetteers, not no_clusters, rich_clusters,
                                    vector_dims, vector_scale, extra_groups)
    except (ConllError, GazetteerError, ValueError) as exc:
        _fail("ner", str(exc))
        return
    console.print(f"read: {report.summary()}")
    console.print(f"train {len(train)} sentences (+{len(extra_sents)} extra), dev {len(dev)} sentences")
    params = {"c1": c1, "c2": c2, "max_iterations": max_iterations}
    meta: dict[str, Any] = {
        "trained": _dt.date.today().isoformat(),
        "data": [{"path": str(f), "sha256": sha256_file(f)} for f in conll_files(data)],
        "extra": [str(p) for p in extra],
        "dev_fraction": dev_fraction,
        "features": {"gazetteers": resources.use_gazetteers, "clusters": resources.use_clusters,
                     "rich_clusters": resources.rich_clusters, "vector_dims": vector_dims,
                     "vector_scale": vector_scale, "extras": list(extra_groups)},
        "reader": report.summary(),
        "includes_dev": False,
    }
    model = train_model(train + extra_sents, resources, out, params, meta)
    results: dict[str, Any] = {}
    if dev:
        results["dev"] = evaluate(model.tag, dev).as_dict()
    for name, sents in cross_sets.items():
        results[name] = evaluate(model.tag, sents).as_dict()
    meta = {**model.meta, "scores": results}
    if include_dev and dev:
        model = train_model(train + dev + extra_sents, resources, out, params,
                            {**meta, "includes_dev": True})
        meta = model.meta
    finish_training(console, out, meta, results, as_json)


def _name_lists(gaz_dir: Path | None, cluster_file: Path) -> dict[str, frozenset[str]]:
    """Gazetteer word sets (when a folder is given) plus the lists the cluster file
    induced from news."""
    from marsad.training.clusters import ClusterModel
    from marsad.training.gazetteers import compile_gazetteers, name_word_lists

    singles, phrases = compile_gazetteers(gaz_dir)[:2] if gaz_dir is not None else ({}, {})
    return name_word_lists(singles, phrases, ClusterModel.load(cluster_file).lexicons)


@train_app.command("ner-nn")
def train_ner_nn_cmd(
    data: Annotated[list[Path], typer.Option("--data", help="CoNLL file or folder (repeatable); its last "
                                             "--dev-fraction of sentences is the dev split.")],
    clusters: Annotated[Path, typer.Option("--clusters", help="Cluster file with word vectors "
                                           "(`marsad train clusters`): initial word embeddings.")],
    out: Annotated[Path, typer.Option("--out", help="Model directory to write.")],
    dev_fraction: Annotated[float, typer.Option(
        "--dev-fraction", help="Share of sentences held out as dev; 0: no dev split, train exactly --epochs "
        "epochs and keep the last (use the epoch count a run with a dev split chose).")] = 0.1,
    cross: Annotated[list[Path] | None, typer.Option(
        "--cross", help="CoNLL data to score after training (repeatable).")] = None,
    extra: Annotated[list[Path] | None, typer.Option(
        "--extra", help="Extra CoNLL training data, never split (repeatable).")] = None,
    epochs: Annotated[int, typer.Option("--epochs", help="Most epochs; the best on dev is kept "
                                        "(with --dev-fraction 0, all of them and the last kept).")] = 30,
    patience: Annotated[int, typer.Option("--patience", help="Stop after this many epochs without a "
                                          "better dev F1.")] = 6,
    hidden: Annotated[int, typer.Option("--hidden", help="LSTM units per direction.")] = 100,
    char_filters: Annotated[int, typer.Option("--char-filters", help="Character CNN filters.")] = 64,
    word_dropout: Annotated[float, typer.Option("--word-dropout", help="Share of word ids replaced by "
                                                "UNK in training.")] = 0.1,
    embeddings: Annotated[str, typer.Option(
        "--embeddings", help="frozen: keep the news vectors fixed; new: train only rows of words the news "
        "vectors lack; tuned: train every row.")] = "tuned",
    embedding_lr_scale: Annotated[float, typer.Option(
        "--embedding-lr-scale", help="Learning rate of tuned embeddings relative to --lr.")] = 0.1,
    batch_size: Annotated[int, typer.Option("--batch-size")] = 16,
    lr: Annotated[float, typer.Option("--lr", help="Adam learning rate.")] = 2e-3,
    threads: Annotated[int, typer.Option("--threads", help="torch threads.")] = 1,
    seed: Annotated[int, typer.Option("--seed")] = 13,
    ema: Annotated[float, typer.Option("--ema", help="Decay of a per-batch moving average of the weights, "
                                       "which is what is scored and kept (0: off).")] = 0.0,
    gazetteers: Annotated[Path | None, typer.Option(
        "--gazetteers", help="Gazetteer folder for the name-list flags (default: $MARSAD_DATA/gazetteers).")] = None,
    no_name_lists: Annotated[bool, typer.Option(
        "--no-name-lists", help="No name-list flags (gazetteers, lists induced from news).")] = False,
    lm_news: Annotated[list[Path] | None, typer.Option(
        "--lm-news", help="News folder or zip (repeatable): pretrain the LSTM as a language model on it first.")] = None,
    lm_tokens: Annotated[int, typer.Option("--lm-tokens", help="Most news tokens for the pretraining.")] = 2_000_000,
    lm_epochs: Annotated[int, typer.Option("--lm-epochs", help="Passes over the pretraining news.")] = 1,
    augment: Annotated[int, typer.Option(
        "--augment", help="Mention-replaced copies of each training sentence that holds a name (0: none).")] = 0,
    augment_rate: Annotated[float, typer.Option(
        "--augment-rate", help="Chance that a name in such a copy is swapped for another of its type.")] = 0.5,
    scheme: Annotated[str, typer.Option(
        "--scheme", help="Labels the CRF learns: iob2, or bioes (name ends and one-token names marked; "
        "the tagger still answers in IOB2).")] = "iob2",
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as one JSON object.")] = False,
) -> None:
    """Train the character-aware BiLSTM-CRF tagger (needs torch: the `train` extra)."""
    from marsad.training.augment import augment as augment_mentions
    from marsad.training.conll import ConllError, ReadReport, conll_files, read_corpus
    from marsad.training.ner import evaluate, sha256_file, shared_data_dir

    try:
        from marsad.training.neural import NeuralConfig, load_vectors, train_neural
    except ImportError as exc:  # pragma: no cover - depends on the environment
        _fail("ner-nn", f"needs torch ({exc}); install the `train` extra")
        return
    try:
        import torch  # noqa: F401
    except ImportError:
        _fail("ner-nn", "needs torch; install the `train` extra (pip install 'marsad[train]')")
    cross = cross or []
    if not 0.0 <= dev_fraction < 1.0:
        _fail("ner-nn", f"--dev-fraction must be in [0, 1) (0: no dev split), got {dev_fraction}")
    if epochs < 1 or hidden < 1 or batch_size < 1 or lr <= 0:
        _fail("ner-nn", "--epochs, --hidden and --batch-size must be >= 1 and --lr > 0")
    if augment < 0 or not 0.0 <= augment_rate <= 1.0:
        _fail("ner-nn", f"--augment must be >= 0 and --augment-rate in [0, 1], got {augment} and {augment_rate}")
    console = Console(stderr=as_json)
    try:
        train, dev, report = read_train_dev(data, dev_fraction)
        extra_sents, extra_rep = read_corpus(extra) if extra else ([], ReadReport())
        report.merge(extra_rep)
        cross_sets = {str(p): read_corpus([p])[0] for p in cross}
        if not clusters.is_file():
            raise ValueError(f"{clusters}: no such cluster file")
        vectors, counts = load_vectors(clusters)
        augmented = augment_mentions(train, counts, augment, augment_rate, seed) if augment else []
        train = train + augmented + extra_sents
        gaz_dir = gazetteers or shared_data_dir() / "gazetteers"
        if gazetteers is None and not gaz_dir.is_dir() and not no_name_lists:
            console.print(f"[yellow]no gazetteer folder at {gaz_dir}: name lists from the news only[/yellow]")
        name_lists = None if no_name_lists else _name_lists(gaz_dir if gaz_dir.is_dir() or gazetteers else None,
                                                            clusters)
    except (ConllError, ValueError) as exc:  # GazetteerError is a ValueError
        _fail("ner-nn", str(exc))
        return
    if not train or (dev_fraction > 0 and not dev):
        _fail("ner-nn", f"need both training and dev sentences (got {len(train)} and {len(dev)})")
    console.print(f"read: {report.summary()}")
    console.print(f"train {len(train)} sentences, dev {len(dev)} sentences")
    try:
        config = NeuralConfig(hidden=hidden, char_filters=char_filters, word_dropout=word_dropout,
                              embeddings=embeddings, embedding_lr_scale=embedding_lr_scale, epochs=epochs,
                              patience=patience, batch_size=batch_size, lr=lr, threads=threads, seed=seed,
                              ema=ema, lm_epochs=lm_epochs if lm_news else 0, scheme=scheme)
    except ValueError as exc:
        _fail("ner-nn", str(exc))
        return
    meta: dict[str, Any] = {
        "trained": _dt.date.today().isoformat(),
        "data": [{"path": str(f), "sha256": sha256_file(f)} for f in conll_files(data)],
        "extra": [{"path": str(f), "sha256": sha256_file(f)} for f in conll_files(extra or [])],
        "clusters": str(clusters),
        "dev_fraction": dev_fraction,
        "reader": report.summary(),
        "includes_dev": not dev,
        "name_lists": {k: len(v) for k, v in sorted((name_lists or {}).items())},
        "augmented": {"copies": augment, "rate": augment_rate, "sentences": len(augmented)},
    }
    lm_sentences: list[list[str]] = []
    if lm_news:
        from marsad.training.lm_pretrain import news_sentences

        missing = [str(p) for p in lm_news if not p.exists()]
        if missing:
            _fail("ner-nn", f"no such news folder: {', '.join(missing)}")
        lm_sentences = list(news_sentences(lm_news, lm_tokens))
        meta["lm_news"] = [str(p) for p in lm_news]
        console.print(f"language-model pretraining: {len(lm_sentences)} news sentences")
    model = train_neural(train, dev, vectors, counts, out, config, meta, log=console.print,
                         name_lists=name_lists, lm_sentences=lm_sentences)
    results = _dev_results(model, dev)
    for name, sents in cross_sets.items():
        results[name] = evaluate(model.tag, sents).as_dict()
    meta = {**model.meta, "scores": results}
    finish_training(console, out, meta, results, as_json)


@train_app.command("ner-ensemble")
def train_ner_ensemble_cmd(
    member: Annotated[list[Path], typer.Option("--member", help="Neural model directory (repeatable, >= 2).")],
    data: Annotated[list[Path], typer.Option("--data", help="CoNLL data whose last --dev-fraction is the "
                                             "dev split the members were tuned on (scored here).")],
    out: Annotated[Path, typer.Option("--out", help="Ensemble directory to write.")],
    dev_fraction: Annotated[float, typer.Option("--dev-fraction")] = 0.1,
    cross: Annotated[list[Path] | None, typer.Option(
        "--cross", help="CoNLL data to score as well (repeatable).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as one JSON object.")] = False,
) -> None:
    """Join trained BiLSTM-CRF taggers into one ensemble directory (their scores summed,
    one Viterbi) and score it; no training, so no torch needed."""
    import shutil

    from marsad.extract.ner_neural import ENSEMBLE_FILE, NeuralEnsemble, NeuralModelError, is_neural_model
    from marsad.training.conll import ConllError, read_corpus
    from marsad.training.ner import evaluate

    if len(member) < 2:
        _fail("ner-ensemble", "give at least two --member directories")
    bad = [str(m) for m in member if not is_neural_model(m) or (m / ENSEMBLE_FILE).is_file()]
    if bad:
        _fail("ner-ensemble", f"not a neural model directory: {', '.join(bad)}")
    if out.resolve() in {m.resolve() for m in member}:
        _fail("ner-ensemble", "--out must not be one of the members")
    console = Console(stderr=as_json)
    try:
        _, dev, _ = read_train_dev(data, dev_fraction)
        cross_sets = {str(p): read_corpus([p])[0] for p in cross or []}
    except (ConllError, ValueError) as exc:
        _fail("ner-ensemble", str(exc))
        return
    names = [f"m{i + 1}" for i in range(len(member))]
    out.mkdir(parents=True, exist_ok=True)
    for name, src in zip(names, member):
        shutil.rmtree(out / name, ignore_errors=True)
        shutil.copytree(src, out / name)
    (out / ENSEMBLE_FILE).write_text(json.dumps({"members": names}) + "\n", "utf-8")
    try:
        model = NeuralEnsemble(out)
    except NeuralModelError as exc:
        _fail("ner-ensemble", str(exc))
        return
    results = _dev_results(model, dev)
    for name, sents in cross_sets.items():
        results[name] = evaluate(model.tag, sents).as_dict()
    meta = {"family": "bilstm-crf-ensemble", "trained": _dt.date.today().isoformat(),
            "members": {n: str(m) for n, m in zip(names, member)}, "dev_fraction": dev_fraction,
            "includes_dev": False, "scores": results}
    finish_training(console, out, meta, results, as_json)


@train_app.command("duplicates")
def train_duplicates_cmd(
    judged: Annotated[list[Path], typer.Option("--judged", help="JSON Lines of judged SaudiNewsNet pairs "
                                               "(a, b, verdict); repeatable.")],
    out: Annotated[Path, typer.Option("--out", help="Model file to write (JSON).")],
    saudi: Annotated[Path | None, typer.Option(
        "--saudi", help="SaudiNewsNet folder (default: news/saudinewsnet in $MARSAD_DATA or "
        "../shared/data beside the checkout).")] = None,
    threshold: Annotated[float, typer.Option(
        "--threshold", help="P(copy) from which a pair is a copy (0.5: the lowest threshold with mean "
        "precision >= 0.95 over the held-out rounds of eval/dup_verifier_cv.py).")] = 0.5,
    trees: Annotated[int, typer.Option("--trees")] = 200,
    seed: Annotated[int, typer.Option("--seed")] = 0,
) -> None:
    """Train the learned copy verifier on hand-judged pairs (needs scikit-learn: the train extra)."""
    from marsad.corpus.pair_model import save_model
    from marsad.training.dup_verifier import (
        export_trees,
        feature_rows,
        fit_trees,
        read_judged,
        read_saudinewsnet,
    )
    from marsad.training.ner import shared_data_dir

    folder = saudi or shared_data_dir() / "news" / "saudinewsnet"
    if not folder.is_dir() or not any(folder.glob("*.zip")):
        _fail("duplicates", f"no SaudiNewsNet zips in {folder} (give --saudi or set MARSAD_DATA)")
    missing = [str(p) for p in judged if not p.is_file()]
    if missing:
        _fail("duplicates", f"no such judged file: {', '.join(missing)}")
    console = Console()
    try:
        pairs = read_judged(judged)
    except (ValueError, KeyError) as exc:
        _fail("duplicates", f"malformed judged file: {exc}")
        return
    with console.status("reading SaudiNewsNet and measuring the judged pairs"):
        x, y, used = feature_rows(read_saudinewsnet(folder), pairs)
    if len(used) < 50 or y.all() or not y.any():
        _fail("duplicates", f"{len(used)} usable judged pairs ({int(y.sum())} copies): too few to train on")
    clf = fit_trees(x, y, trees=trees, seed=seed)
    fitted = clf.predict_proba(x)[:, 1] >= threshold
    meta = {"data": {"corpus": "SaudiNewsNet (../shared/data/news/saudinewsnet)",
                     "judged": [str(p) for p in judged], "pairs": len(used), "copies": int(y.sum())},
            "params": {"trees": trees, "depth": 3, "learning_rate": 0.05, "min_samples_leaf": 10, "seed": seed},
            "fitted_accuracy": round(float((fitted == y).mean()), 4)}
    save_model(export_trees(clf, threshold, meta), out)
    console.print(f"{len(used)} judged pairs ({int(y.sum())} copies) -> {out}; "
                  f"fitted accuracy {meta['fitted_accuracy']:.3f} (training data: no honest figure; "
                  "see eval/dup_saudi_sample.py)")


# options of the commands trained on the hand-annotated gold set (eval/gold)
GoldSetOpt = Annotated[Path, typer.Option("--gold", help="Gold directory or file (held-out files are skipped).")]
GoldDataOpt = Annotated[Path | None, typer.Option("--data", help="Shared data directory (default: $MARSAD_DATA "
                                                  "or ../shared/data).")]


def _collect_gold(command: str, console: Console, collect: Callable[[Path, Path], T], gold: Path,
                  data_dir: Path) -> T:
    """``collect(gold, data_dir)`` — the pipeline run over the gold articles behind a status line
    — with a clear error instead of a traceback when the gold set or the pipeline fails."""
    from marsad.evaluation.gold import GoldError

    try:
        with console.status("running the pipeline on the gold articles"):
            return collect(gold, data_dir)
    except (GoldError, RuntimeError) as exc:
        _fail(command, str(exc))
        raise  # _fail exits; this line only tells the type checker so


def _gold_inputs(command: str, gold: Path, data: Path | None) -> Path:
    """The shared data directory for a command trained on the gold set; a clear error when
    it or the gold set is missing."""
    from marsad.evaluation.gold import default_data_dir

    data_dir = data or default_data_dir()
    if not data_dir.is_dir():
        _fail(command, f"shared data directory not found: {data_dir} (use --data or MARSAD_DATA)")
    if not gold.exists():
        _fail(command, f"no gold set at {gold}")
    return data_dir


@train_app.command("main-event")
def train_main_event_cmd(
    out: Annotated[Path, typer.Option("--out", help="Model file to write (JSON), e.g. "
                                      "src/marsad/models/main_event/model.json.")],
    gold: GoldSetOpt = Path("eval/gold"),
    data: GoldDataOpt = None,
    c: Annotated[float, typer.Option("--c", help="Inverse L2 strength of the logistic regression "
                                     "(0.3: the best of 0.1 / 0.3 / 1 in cross-validation).")] = 0.3,
    none_margin: Annotated[float, typer.Option(
        "--none-margin", help="How much more 'none' must score than the best event (1.5: in cross-validation "
        "it kept most of the type gain and the modality accuracy; 0 lost modality).")] = 1.5,
    folds: Annotated[int, typer.Option("--folds", help="Cross-validation folds over whole gold files "
                                       "(0: none).")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the cross-validation as one JSON object.")]
    = False,
) -> None:
    """Train the lead-event selector on the gold set's lead events (needs scikit-learn: the train extra)."""
    from rich.table import Table

    from marsad.extract.main_event import save_model
    from marsad.training.main_event import collect, cross_validate, fit

    data_dir = _gold_inputs("main-event", gold, data)
    console = Console(stderr=as_json)
    groups = _collect_gold("main-event", console, collect, gold, data_dir)
    if len(groups) < 50:
        _fail("main-event", f"{len(groups)} gold lead events: too few to train on")
    cv = cross_validate(groups, folds, c, none_margin) if folds > 1 else None
    model = fit(groups, c, none_margin)
    model.meta.update({"trained": _dt.date.today().isoformat(), "gold": str(gold), "articles": len(groups),
                       "files": len({g.split for g in groups}), "cross_validation": cv})
    save_model(model, out)
    if as_json:
        print(json.dumps(cv, ensure_ascii=False))
    elif cv is not None:
        table = Table(title=f"lead event, {cv['folds']}-fold CV over {cv['files']} gold files "
                            f"({cv['articles']} articles)")
        for col in ("chooser", "type", "actor", "place", "modality"):
            table.add_column(col)
        for name in ("rule", "selector"):
            d = cv[name]
            table.add_row(name, *(f"{d[k]:.3f}" for k in ("type_accuracy", "actor_accuracy", "place_accuracy",
                                                          "modality_accuracy")))
        console.print(table)
    console.print(f"{len(model.weights)} weights -> {out}")


@train_app.command("quote-fragments")
def train_quote_fragments_cmd(
    out: Annotated[Path, typer.Option("--out", help="Model file to write (JSON), e.g. "
                                      "src/marsad/models/quote_fragments/model.json.")],
    gold: GoldSetOpt = Path("eval/gold"),
    data: GoldDataOpt = None,
    c: Annotated[float, typer.Option("--c", help="Inverse L2 strength of the logistic regression "
                                     "(1.0: as good as 0.1 / 0.3 in cross-validation).")] = 1.0,
    min_precision: Annotated[float, typer.Option(
        "--min-precision", help="The threshold shipped is the one that adds the most right quotes in "
        "cross-validation while at least this share of what it adds is an annotated quote.")] = 0.6,
    folds: Annotated[int, typer.Option("--folds", help="Cross-validation folds over whole gold files.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the cross-validation as one JSON object.")]
    = False,
) -> None:
    """Train the learned quote-fragment pass on the gold set's direct quotes (needs the train extra)."""
    from rich.table import Table

    from marsad.extract.quote_fragments import save_model
    from marsad.training.quote_fragments import collect, cross_validate, fit

    data_dir = _gold_inputs("quote-fragments", gold, data)
    if folds < 2:
        _fail("quote-fragments", "--folds must be 2 or more: the threshold is chosen by cross-validation")
    console = Console(stderr=as_json)
    examples, base = _collect_gold("quote-fragments", console, collect, gold, data_dir)
    if sum(e.label for e in examples) < 20:
        _fail("quote-fragments", f"{sum(e.label for e in examples)} annotated fragments: too few to train on")
    cv = cross_validate(examples, base, folds, c, min_precision=min_precision)
    if cv["chosen_threshold"] is None:
        _fail("quote-fragments", f"no threshold reaches precision {min_precision} in cross-validation")
    model = fit(examples, c, cv["chosen_threshold"])
    model.meta.update({"trained": _dt.date.today().isoformat(), "gold": str(gold), "examples": len(examples),
                       "files": cv["files"], "cross_validation": cv})
    save_model(model, out)
    if as_json:
        print(json.dumps(cv, ensure_ascii=False))
        return
    table = Table(title=f"quote fragments, {cv['folds']}-fold CV over {cv['files']} gold files "
                        f"({cv['examples']} uncovered segments, {cv['positives']} annotated direct quotes); "
                        f"rules alone: {cv['rules_right']}/{cv['direct']} direct quotes with the right speaker")
    for col in ("threshold", "added", "quotes", "right speaker", "precision", "direct, right speaker"):
        table.add_column(col)
    for r in cv["by_threshold"]:
        mark = " (shipped)" if r["threshold"] == cv["chosen_threshold"] else ""
        table.add_row(f"{r['threshold']}{mark}", str(r["added"]), str(r["quotes"]), str(r["right_speaker"]),
                      "–" if r["precision"] is None else f"{r['precision']:.3f}", f"{r['direct_right']:.4f}")
    console.print(table)
    console.print(f"{len(model.weights)} weights, threshold {model.threshold} -> {out}")


@train_app.command("speaker-ranker")
def train_speaker_ranker_cmd(
    out: Annotated[Path, typer.Option("--out", help="Model file to write (JSON), e.g. "
                                      "src/marsad/models/speaker_ranker/model.json.")],
    gold: GoldSetOpt = Path("eval/gold"),
    data: GoldDataOpt = None,
    c: Annotated[float, typer.Option("--c", help="Inverse L2 strength of the pairwise logistic regression.")] = 1.0,
    max_loss_share: Annotated[float, typer.Option(
        "--max-loss-share", help="The margin shipped is the one with the largest net gain in cross-validation "
        "whose wrongly replaced speakers stay under this share of the fixed ones.")] = 0.5,
    folds: Annotated[int, typer.Option("--folds", help="Cross-validation folds over whole gold files.")] = 10,
    as_json: Annotated[bool, typer.Option("--json", help="Print the cross-validation as one JSON object.")]
    = False,
) -> None:
    """Train the learned speaker check on the gold set's matched quotes (needs the train extra)."""
    from rich.table import Table

    from marsad.extract.speaker_ranker import save_model
    from marsad.training.speaker_ranker import collect, cross_validate, fit

    data_dir = _gold_inputs("speaker-ranker", gold, data)
    if folds < 2:
        _fail("speaker-ranker", "--folds must be 2 or more: the margin is chosen by cross-validation")
    console = Console(stderr=as_json)
    examples = _collect_gold("speaker-ranker", console, collect, gold, data_dir)
    if sum(1 for e in examples if any(e.right) and not all(e.right)) < 50:
        _fail("speaker-ranker", f"{len(examples)} matched quotes: too few with a right and a wrong candidate")
    cv = cross_validate(examples, folds, c, max_loss_share=max_loss_share)
    if cv["chosen_margin"] is None:
        _fail("speaker-ranker", f"no margin keeps its losses under {max_loss_share} of its fixes")
        return
    model = fit(examples, c, cv["chosen_margin"])
    model.meta.update({"trained": _dt.date.today().isoformat(), "gold": str(gold), "quotes": len(examples),
                       "files": cv["files"], "cross_validation": cv})
    save_model(model, out)
    if as_json:
        print(json.dumps(cv, ensure_ascii=False))
        return
    q, rules, alone = cv["quotes"], cv["rules_right"], cv["ranking_alone_right"]
    table = Table(title=f"speaker check, {cv['folds']}-fold CV over {cv['files']} gold files "
                        f"({sum(q.values())} matched quotes, {cv['candidates']} candidates); right speakers, "
                        f"direct / reported: rules {rules['direct']} / {rules['reported']}, ranking alone "
                        f"{alone['direct']} / {alone['reported']} of {q['direct']} / {q['reported']}")
    for col in ("margin", "fixed", "broken", "net", "direct fixed / broken", "reported fixed / broken"):
        table.add_column(col)
    for r in cv["by_margin"]:
        mark = " (shipped)" if r["margin"] == cv["chosen_margin"] else ""
        table.add_row(f"{r['margin']}{mark}", str(r["fixed"]), str(r["broken"]), str(r["net"]),
                      f"{r['direct']['fixed']} / {r['direct']['broken']}",
                      f"{r['reported']['fixed']} / {r['reported']['broken']}")
    console.print(table)
    console.print(f"{len(model.weights)} weights, margin {model.margin} -> {out}")
