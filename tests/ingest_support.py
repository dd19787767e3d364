"""Stand-in stages, inputs and the kill -9 drill shared by the ingest tests.

The real pipeline takes seconds to build, so the ingest, Dask and PostgreSQL tests run a
tiny stage that tags «طرابلس». It lives in an importable module (not in a test file)
because Dask's worker processes unpickle the pipeline factory by module name.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from marsad.model import Article, Entity
from marsad.pipeline import Pipeline

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "ingest"
TRIPOLI = "طرابلس"


class TagTripoli:
    """Tags every «طرابلس» as a LOC entity: enough to check that layers are stored."""

    name = "tag_tripoli"
    requires: tuple[str, ...] = ()
    assigns = ("entities",)

    def __call__(self, article: Article) -> Article:
        spans, start = [], article.text.find(TRIPOLI)
        while start >= 0:
            end = start + len(TRIPOLI)
            spans.append(Entity(start, end, text=TRIPOLI, type="LOC", canonical=TRIPOLI))
            start = article.text.find(TRIPOLI, end)
        article.set_layer("entities", spans)
        return article


class FailOn:
    """Raises on articles containing ``word``, so per-article failures must be isolated."""

    name = "fail_on"
    requires: tuple[str, ...] = ()
    assigns: tuple[str, ...] = ()

    def __init__(self, word: str) -> None:
        self.word = word

    def __call__(self, article: Article) -> Article:
        if self.word in article.text:
            raise RuntimeError(f"refused {self.word}")
        return article


def tagging_pipeline() -> Pipeline:
    return Pipeline([TagTripoli()])


def pipeline_failing_on_explosion() -> Pipeline:
    """Fails on «انفجر», a word only the bad-input fixtures contain."""
    return Pipeline([TagTripoli(), FailOn("انفجر")])


def pipeline_failing_on_carthage() -> Pipeline:
    """Fails on «قرطاج», the word of one article in the ingest fixtures."""
    return Pipeline([TagTripoli(), FailOn("قرطاج")])


def write_jsonl(path: Path, n: int, start: int = 0) -> None:
    """``n`` small distinct articles, each findable by «رقم i» and mentioning Tripoli."""
    with path.open("w", encoding="utf-8") as f:
        for i in range(start, start + n):
            f.write(json.dumps({"title": f"خبر {i}", "text": f"نص الخبر رقم {i} من طرابلس عن موضوع {i * 7}."},
                               ensure_ascii=False) + "\n")


_SLOW_INGEST = """
import sys, time
from marsad.ingest.runner import ingest
from marsad.pipeline import Pipeline
from marsad.store.base import open_store

class Slow:
    name = "slow"
    requires = ()
    assigns = ()
    def __call__(self, article):
        time.sleep(float(sys.argv[3]))
        return article

ingest([sys.argv[2]], open_store(sys.argv[1]), factory=lambda: Pipeline([Slow()]), batch_size=7)
"""


def kill_mid_ingest_then_rerun(target: str, src: Path, workdir: Path, count: Callable[[], int],
                               kill_after: int) -> int:
    """Ingest ``src`` into ``target`` slowly in a child process, ``kill -9`` it once
    ``count()`` reaches ``kill_after`` articles, then re-run the ingest to the end.

    Returns the number stored at the moment of the kill, so a test can check that the
    kill landed mid-run and that the re-run neither lost nor duplicated anything."""
    script = workdir / "slow_ingest.py"
    script.write_text(_SLOW_INGEST, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    proc = subprocess.Popen([sys.executable, str(script), target, str(src), "0.01"], env=env)
    deadline = time.monotonic() + 60
    while count() < kill_after and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = count()
    subprocess.run([sys.executable, str(script), target, str(src), "0"], env=env, check=True)
    return partial
