"""The ingest loop: read -> skip what is known -> analyse -> store, batch by batch.

Crash safety comes from three rules. (1) Every input record has a ``raw_hash`` (hash
of its title and text *before* analysis) and every stored article records it, so a
re-run skips known input without analysing it again. (2) Each batch is written in ONE
transaction together with its ``raw_hash`` rows, so ``kill -9`` loses at most the
uncommitted batch, which the re-run redoes. (3) Articles are keyed by
:attr:`Article.id` (hash of the clean text), so the same article from two files is
stored once.

With ``workers > 1`` analysis runs in a process pool (each worker builds its own
pipeline once) while this process stays the single database writer, which is what
SQLite wants and keeps PostgreSQL transactions simple.
"""

from __future__ import annotations

import json
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from marsad.ingest.readers import RawRecord, ReadFailure, ReadOptions, Skipped, expand_paths, read_file
from marsad.model import Article
from marsad.store.base import PreparedArticle, Store, prepare_article, raw_hash

PipelineFactory = Callable[[], Any]


class IngestError(RuntimeError):
    """Ingest cannot start (e.g. the pipeline cannot be built)."""


@dataclass
class IngestStats:
    """Counts shown at the end of an ingest and written to the report."""

    read: int = 0
    stored: int = 0
    already_present: int = 0
    failed: int = 0
    files: int = 0
    skipped_files: int = 0
    failures: list[dict[str, str]] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        return {"files": self.files, "skipped_files": self.skipped_files, "read": self.read, "stored": self.stored,
                "already_present": self.already_present, "failed": self.failed}


# ------------------------------------------------------------------ analysis side

_WORKER_PIPELINE: Any = None


def default_factory(exclude: Sequence[str] = ()) -> Any:
    """The shipped pipeline minus ``exclude``; a clear error if it cannot be built."""
    from marsad.pipeline import default_pipeline
    try:
        return default_pipeline(exclude=exclude)
    except Exception as exc:  # noqa: BLE001 - any stage constructor error becomes one message
        raise IngestError(f"cannot build the analysis pipeline: {type(exc).__name__}: {exc}") from None


def no_analysis() -> Any:
    """Factory for ``--no-analysis``: store the raw text as is."""
    return


def to_article(record: RawRecord) -> Article:
    meta = dict(record.meta)
    meta["raw_hash"] = raw_hash(record.text, record.title)
    article = Article.from_raw(record.text, title=record.title, source=record.source, url=record.url,
                               published=record.published, byline=record.byline)
    article.meta = meta
    return article


def analyse_batch(pipeline: Any, articles: list[Article]) -> list[Article | str]:
    """Run ``pipeline`` over a batch; if the batch fails, retry one by one so a single
    bad article becomes one failure (the error text) instead of sinking the batch."""
    if pipeline is None:
        return list(articles)
    try:
        return list(pipeline.pipe(articles, batch_size=len(articles)))
    except Exception:  # noqa: BLE001, S110 - retried article by article just below
        pass
    out: list[Article | str] = []
    for article in articles:
        try:
            out.append(pipeline(article))
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop the run
            out.append(f"analysis failed: {type(exc).__name__}: {exc}")
    return out


def prepare_batch(pipeline: Any, articles: list[Article]) -> list[PreparedArticle | str]:
    """Analyse a batch and turn each article into the rows the store writes (or the
    reason it failed). Runs in the worker, so only plain strings cross processes."""
    out: list[PreparedArticle | str] = []
    for source, result in zip(articles, analyse_batch(pipeline, articles)):
        if isinstance(result, str):
            out.append(result)
        elif not result.text.strip():
            out.append("no text left after cleaning")
        else:
            try:
                out.append(prepare_article(result, source.meta.get("raw_hash")))
            except Exception as exc:  # noqa: BLE001 - e.g. a stage left unserialisable data
                out.append(f"cannot serialise the analysed article: {type(exc).__name__}: {exc}")
    return out


def _worker_init(factory: PipelineFactory) -> None:
    global _WORKER_PIPELINE
    _WORKER_PIPELINE = factory()


def _worker_prepare(articles: list[Article]) -> list[PreparedArticle | str]:
    return prepare_batch(_WORKER_PIPELINE, articles)


# ------------------------------------------------------------------ the loop


@dataclass
class _Pending:
    articles: list[Article]


class Ingestor:
    """Runs one ingest into ``store``; see the module docstring for the guarantees."""

    def __init__(self, store: Store, *, factory: PipelineFactory, workers: int = 1, batch_size: int = 32,
                 options: ReadOptions | None = None, report: TextIO | None = None,
                 on_file: Callable[[Path], None] | None = None,
                 on_progress: Callable[[IngestStats], None] | None = None) -> None:
        self.store = store
        self.factory = factory
        self.workers = max(1, workers)
        self.batch_size = max(1, batch_size)
        self.options = options or ReadOptions()
        self.report = report
        self.on_file = on_file
        self.on_progress = on_progress
        self.stats = IngestStats()

    def fail(self, origin: str, reason: str) -> None:
        self.stats.failed += 1
        entry = {"origin": origin, "reason": reason}
        if len(self.stats.failures) < 10_000:
            self.stats.failures.append(entry)
        if self.report is not None:
            self.report.write(json.dumps(entry, ensure_ascii=False) + "\n")
            self.report.flush()

    def _records(self, paths: Iterable[str | Path]) -> Iterator[RawRecord]:
        for entry in expand_paths(paths):
            if isinstance(entry, ReadFailure):
                self.fail(entry.origin, entry.reason)
                continue
            if isinstance(entry, Skipped):
                self.stats.skipped_files += 1
                if self.report is not None:
                    self.report.write(json.dumps({"origin": entry.origin, "skipped": entry.reason},
                                                 ensure_ascii=False) + "\n")
                continue
            self.stats.files += 1
            for item in read_file(entry, self.options):
                if isinstance(item, ReadFailure):
                    self.fail(item.origin, item.reason)
                else:
                    self.stats.read += 1
                    yield item
            if self.on_file is not None:
                self.on_file(entry)

    def _batches(self, paths: Iterable[str | Path]) -> Iterator[list[Article]]:
        """Batches of articles whose input is not in the store yet (the cheap skip)."""
        batch: list[Article] = []
        seen: set[str] = set()

        def flush() -> list[Article]:
            known = self.store.known_raw([a.meta["raw_hash"] for a in batch])
            fresh = [a for a in batch if a.meta["raw_hash"] not in known]
            self.stats.already_present += len(batch) - len(fresh)
            return fresh

        for record in self._records(paths):
            article = to_article(record)
            rh = article.meta["raw_hash"]
            if rh in seen:  # same input twice in this run
                self.stats.already_present += 1
                continue
            seen.add(rh)
            batch.append(article)
            if len(batch) >= self.batch_size:
                fresh = flush()
                batch = []
                if fresh:
                    yield fresh
                elif self.on_progress:
                    self.on_progress(self.stats)
        if batch:
            fresh = flush()
            if fresh:
                yield fresh

    def _write(self, inputs: list[Article], results: list[PreparedArticle | str]) -> None:
        good: list[PreparedArticle] = []
        for source, result in zip(inputs, results):
            if isinstance(result, str):
                self.fail(source.meta.get("origin", "?"), result)
            else:
                good.append(result)
        if good:
            try:
                added = self.store.add_prepared(good)
            except Exception as exc:  # noqa: BLE001 - reported per article, run goes on
                for item in good:
                    self.fail(item.origin or "?", f"storing failed: {type(exc).__name__}: {exc}")
            else:
                self.stats.stored += len(added.stored)
                self.stats.already_present += len(added.already_present)
        if self.on_progress is not None:
            self.on_progress(self.stats)

    def run(self, paths: Iterable[str | Path]) -> IngestStats:
        if self.workers == 1:
            pipeline = self.factory()
            for batch in self._batches(paths):
                self._write(batch, prepare_batch(pipeline, batch))
            return self.stats
        pending: deque[tuple[list[Article], Future[list[PreparedArticle | str]]]] = deque()
        with ProcessPoolExecutor(max_workers=self.workers, initializer=_worker_init,
                                 initargs=(self.factory,)) as pool:
            for batch in self._batches(paths):
                pending.append((batch, pool.submit(_worker_prepare, batch)))
                while len(pending) > 2 * self.workers:
                    done_batch, future = pending.popleft()
                    self._collect(done_batch, future)
            while pending:
                done_batch, future = pending.popleft()
                self._collect(done_batch, future)
        return self.stats

    def _collect(self, batch: list[Article], future: Future[list[PreparedArticle | str]]) -> None:
        try:
            results = future.result()
        except Exception as exc:  # noqa: BLE001 - a worker died: report the batch, keep going
            results = [f"analysis worker failed: {type(exc).__name__}: {exc}"] * len(batch)
        self._write(batch, results)


def ingest(paths: Iterable[str | Path], store: Store, *, factory: PipelineFactory | None = None,
           workers: int = 1, batch_size: int = 32, options: ReadOptions | None = None,
           report_path: str | Path | None = None) -> IngestStats:
    """Library entry point: ingest ``paths`` into ``store`` and return the counts."""
    make = factory or default_factory
    if report_path is None:
        return Ingestor(store, factory=make, workers=workers, batch_size=batch_size, options=options).run(paths)
    with open(report_path, "w", encoding="utf-8") as report:
        ingestor = Ingestor(store, factory=make, workers=workers, batch_size=batch_size, options=options,
                            report=report)
        stats = ingestor.run(paths)
        report.write(json.dumps({"summary": stats.summary()}) + "\n")
    return stats
