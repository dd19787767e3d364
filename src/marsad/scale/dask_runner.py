"""Run the ingest analysis on a Dask distributed cluster; store from one writer.

Why Dask: the same code runs on one laptop (a ``LocalCluster`` of worker processes)
and on many machines (pass the address of an existing scheduler), so a corpus that
outgrows one machine needs no second implementation.

Why one writer: SQLite serialises writes anyway, and keeping every transaction in
this process keeps the crash-safety rules of :mod:`marsad.ingest.runner` intact. The
workers only do the expensive part - pipeline + turning articles into rows
(:func:`~marsad.ingest.runner.prepare_batch`) - and send plain rows back. Each batch
is then written in ONE transaction with its raw-input hashes exactly as the serial
runner does (this class reuses its reading, skipping and writing code), so
``kill -9`` loses at most the batches in flight and a re-run stores nothing twice.

Memory stays bounded: at most ``2 x worker threads`` batches are outstanding; the
next batch is only read from disk when one comes back. Results are written in the
order they finish, which is safe because every batch is self-contained.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from marsad.ingest.runner import IngestError, Ingestor, IngestStats, PipelineFactory, prepare_batch
from marsad.model import Article
from marsad.store.base import PreparedArticle

CONNECT_TIMEOUT_S = 10.0

# ------------------------------------------------------------------ worker side

# One pipeline per worker process, built on its first batch and reused for the rest:
# building a pipeline (lexicons, models) costs far more than analysing one batch.
# Keyed by a per-run token so a long-lived shared cluster never mixes two runs'
# pipelines; only the latest run's pipeline is kept to bound worker memory.
_PIPELINE_LOCK = threading.Lock()
_PIPELINE_CACHE: dict[str, Any] = {}


def _pipeline_for(token: str, factory: PipelineFactory) -> Any:
    with _PIPELINE_LOCK:
        if token not in _PIPELINE_CACHE:
            _PIPELINE_CACHE.clear()
            _PIPELINE_CACHE[token] = factory()
        return _PIPELINE_CACHE[token]


def prepare_on_worker(token: str, factory: PipelineFactory, articles: list[Article]
                      ) -> list[PreparedArticle | str]:
    """The Dask task: the same analysis + row preparation as the process-pool runner."""
    return prepare_batch(_pipeline_for(token, factory), articles)


# ------------------------------------------------------------------ cluster


@contextmanager
def dask_client(workers: int, scheduler: str | None = None, timeout: float = CONNECT_TIMEOUT_S
                ) -> Iterator[Any]:
    """A Dask ``Client``: on an existing scheduler, or on a fresh local cluster of
    ``workers`` single-threaded processes (one thread each: the pipeline is pure
    Python, so threads would only fight over the GIL). Always shut down on exit."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise IngestError("the Dask runner needs dask[distributed]: pip install 'dask[distributed]>=2024.1'"
                          ) from None
    if scheduler:
        try:
            client = Client(scheduler, timeout=timeout)
        except (OSError, TimeoutError, ValueError) as exc:
            raise IngestError(f"cannot reach the Dask scheduler at {scheduler}: {type(exc).__name__}: {exc}"
                              ) from None
        try:
            yield client
        finally:
            client.close()
        return
    try:
        # Loopback only, random ports, no dashboard: several ingests (or other users of
        # the machine) can run side by side without port clashes or an open listener.
        cluster = LocalCluster(n_workers=max(1, workers), threads_per_worker=1, processes=True,
                               host="127.0.0.1", scheduler_port=0, dashboard_address="127.0.0.1:0",
                               scheduler_kwargs={"dashboard": False})
    except Exception as exc:  # noqa: BLE001 - any start-up failure becomes one message
        raise IngestError(f"cannot start a local Dask cluster: {type(exc).__name__}: {exc}") from None
    try:
        client = Client(cluster)
        try:
            yield client
        finally:
            client.close()
    finally:
        cluster.close()


# ------------------------------------------------------------------ the loop


class DaskIngestor(Ingestor):
    """:class:`~marsad.ingest.runner.Ingestor` with analysis on Dask workers.

    Reading, the cheap "already present" skip, failure reporting and the batch writes
    are inherited unchanged; only where ``prepare_batch`` runs differs.
    """

    def __init__(self, store: Any, *, scheduler: str | None = None,
                 connect_timeout: float = CONNECT_TIMEOUT_S, **kwargs: Any) -> None:
        super().__init__(store, **kwargs)
        self.scheduler = scheduler
        self.connect_timeout = connect_timeout
        self.peak_in_flight = 0  # most batches outstanding at once (the memory bound, observable)

    def run(self, paths: Iterable[str | Path]) -> IngestStats:
        with dask_client(self.workers, self.scheduler, self.connect_timeout) as client:
            return self.run_on(client, paths)

    def run_on(self, client: Any, paths: Iterable[str | Path]) -> IngestStats:
        """Ingest using an already connected ``client`` (it is not closed here)."""
        from distributed import as_completed

        threads = sum(client.nthreads().values()) or self.workers
        limit = 2 * max(1, threads)
        token = uuid.uuid4().hex
        in_flight: dict[str, list[Article]] = {}
        finished = as_completed()
        for batch in self._batches(paths):
            future = client.submit(prepare_on_worker, token, self.factory, batch, pure=False)
            in_flight[future.key] = batch
            finished.add(future)
            self.peak_in_flight = max(self.peak_in_flight, len(in_flight))
            while len(in_flight) >= limit:
                self._collect_dask(in_flight, next(finished))
        for future in finished:
            self._collect_dask(in_flight, future)
        return self.stats

    def _collect_dask(self, in_flight: dict[str, list[Article]], future: Any) -> None:
        batch = in_flight.pop(future.key)
        try:
            results = future.result()
        except IngestError:
            raise  # the pipeline cannot be built on the workers: no batch can succeed
        except Exception as exc:  # noqa: BLE001 - a worker died: report the batch, keep going
            results = [f"analysis worker failed: {type(exc).__name__}: {exc}"] * len(batch)
        finally:
            future.release()
        self._write(batch, results)
