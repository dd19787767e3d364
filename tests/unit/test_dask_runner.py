"""The Dask runner stores exactly what the serial runner stores, and re-runs add nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from ingest_support import FIXTURES, pipeline_failing_on_carthage, tagging_pipeline
from typer.testing import CliRunner

from marsad.ingest.readers import ReadOptions
from marsad.ingest.runner import IngestError, ingest
from marsad.pipeline import Pipeline
from marsad.scale.dask_runner import DaskIngestor, dask_client
from marsad.store.base import open_store

OPTIONS = ReadOptions(csv_text="body", csv_title="headline")


def broken_factory() -> Pipeline:
    raise IngestError("cannot build the analysis pipeline: test")


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    """One 2-process local cluster for the module; closed even when a test fails."""
    with dask_client(workers=2) as c:
        yield c


def _ids(store) -> set[str]:  # type: ignore[no-untyped-def]
    return {a.id for a in store.iter_articles()}


def test_dask_stores_what_the_serial_runner_stores(tmp_path: Path, client) -> None:  # type: ignore[no-untyped-def]
    serial = open_store(tmp_path / "serial.db")
    s1 = ingest([FIXTURES], serial, factory=tagging_pipeline, options=OPTIONS, batch_size=3)
    dask_store = open_store(tmp_path / "dask.db")
    runner = DaskIngestor(dask_store, factory=tagging_pipeline, workers=2, batch_size=3, options=OPTIONS)
    s2 = runner.run_on(client, [FIXTURES])
    assert s2.stored == 8 and s2.failed == 0
    assert s1.summary() == s2.summary()
    assert _ids(serial) == _ids(dask_store)
    assert dask_store.count("entities") == serial.count("entities") >= 1
    assert dask_store.count("inputs") == 8  # raw hashes written with the articles
    again = DaskIngestor(dask_store, factory=tagging_pipeline, workers=2, batch_size=3, options=OPTIONS)
    s3 = again.run_on(client, [FIXTURES])
    assert (s3.read, s3.stored, s3.already_present, s3.failed) == (8, 0, 8, 0)
    assert dask_store.count() == 8


def test_batches_in_flight_stay_bounded(tmp_path: Path, client) -> None:  # type: ignore[no-untyped-def]
    src = tmp_path / "many.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for i in range(60):
            f.write(json.dumps({"title": f"خبر {i}", "text": f"نص الخبر رقم {i} من طرابلس."},
                               ensure_ascii=False) + "\n")
    store = open_store(tmp_path / "many.db")
    runner = DaskIngestor(store, factory=tagging_pipeline, workers=2, batch_size=2)
    stats = runner.run_on(client, [src])
    assert (stats.stored, stats.failed) == (60, 0) and store.count("entities") == 60
    assert 1 <= runner.peak_in_flight <= 4  # 2 x worker threads, never all 30 batches


def test_failures_come_back_per_article(tmp_path: Path, client) -> None:  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "f.db")
    stats = DaskIngestor(store, factory=pipeline_failing_on_carthage, workers=2, batch_size=4,
                         options=OPTIONS).run_on(client, [FIXTURES])
    assert stats.read == 8 and stats.failed >= 1 and stats.stored + stats.failed == 8
    assert all("refused قرطاج" in f["reason"] for f in stats.failures)
    assert store.count() == stats.stored


def test_unbuildable_pipeline_is_one_clear_error(tmp_path: Path, client) -> None:  # type: ignore[no-untyped-def]
    store = open_store(tmp_path / "b.db")
    with pytest.raises(IngestError, match="cannot build"):
        DaskIngestor(store, factory=broken_factory, workers=2, options=OPTIONS).run_on(client, [FIXTURES])
    assert store.count() == 0


def test_unreachable_scheduler_is_one_clear_error(tmp_path: Path) -> None:
    store = open_store(tmp_path / "u.db")
    runner = DaskIngestor(store, factory=tagging_pipeline, scheduler="tcp://127.0.0.1:9",
                          connect_timeout=1.0, options=OPTIONS)
    with pytest.raises(IngestError, match="cannot reach the Dask scheduler"):
        runner.run([FIXTURES])


def test_cli_dask_flag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from marsad.cli import _register, app
    _register()
    monkeypatch.chdir(tmp_path)
    db = str(tmp_path / "c.db")
    args = ["ingest", str(FIXTURES), "--db", db, "--no-analysis", "--quiet", "--csv-text", "body",
            "--csv-title", "headline", "--dask", "--workers", "2", "--batch-size", "3"]
    res = CliRunner().invoke(app, args)
    assert res.exit_code == 0, res.output
    assert open_store(db).count() == 8
