"""Analyse a slice of the ANT multi-source corpus once, for the registry check.

    nice -n 10 .venv/bin/python eval/registry_slice.py            # 1-21 March 2018: 2,862 articles
    nice -n 10 .venv/bin/python eval/registry_slice.py --start 20180405 --end 20180412 \
        --out /tmp/marsad_registry_april.jsonl                     # 5-12 April 2018: 1,243 articles

Articles whose file date lies in ``[start, end]`` (every outlet and topic, sorted by
path, so the slice is the same on every machine) go through the default pipeline; each
analysed article is written as one ``Article.to_dict`` line. The cache holds corpus
text, so it lives outside the repository (``/tmp`` by default) and is never committed;
``eval/registry_eval.py`` reads it. Already-analysed ids are skipped, so an
interrupted run resumes.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import Iterator
from datetime import UTC
from email.utils import parsedate_to_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from marsad.model import Article
from marsad.pipeline import default_pipeline

DEFAULT_OUT = Path("/tmp/marsad_registry_slice.jsonl")
_TAG = re.compile(r"<(DOCNO|SRC|TITLE|TIME|TEXT)>(.*?)</\1>", re.DOTALL)
_DATE = re.compile(r"-(\d{8})\.txt$")


def data_root() -> Path:
    return Path(os.environ.get("MARSAD_DATA", ROOT.parent / "shared" / "data"))


def slice_files(start: str, end: str, limit: int | None) -> list[Path]:
    """ANT files dated within [start, end] (YYYYMMDD, from the file name), in path order."""
    base = data_root() / "news" / "ant_multisource"
    if not base.is_dir():
        raise SystemExit(f"ANT corpus not found at {base} (set MARSAD_DATA)")
    out = []
    for path in sorted(base.glob("*/*/*.txt")):
        m = _DATE.search(path.name)
        if m and start <= m.group(1) <= end:
            out.append(path)
    return out[:limit] if limit else out


def read_article(path: Path) -> Article | None:
    raw = path.read_text(encoding="utf-8", errors="replace")
    fields = {m.group(1): m.group(2).strip() for m in _TAG.finditer(raw)}
    if not fields.get("TEXT"):
        return None
    published = None
    if fields.get("TIME"):
        try:
            published = parsedate_to_datetime(fields["TIME"]).astimezone(UTC).isoformat()
        except (TypeError, ValueError):
            published = None
    return Article.from_raw(fields["TEXT"], title=fields.get("TITLE", ""),
                            source=fields.get("SRC", path.parts[-3]), published=published,
                            url=fields.get("DOCNO", path.stem))


def load_cache(path: Path) -> Iterator[dict[str, object]]:
    """Analysed articles of a cache file, one dict per line (``docno`` names the file)."""
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--start", default="20180301")
    parser.add_argument("--end", default="20180321")
    parser.add_argument("--limit", type=int, default=0, help="at most N files (0: all)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    files = slice_files(args.start, args.end, args.limit)
    done = {str(row["docno"]) for row in load_cache(args.out)} if args.out.exists() else set()
    todo = [p for p in files if p.stem not in done]
    print(f"{len(files)} files in slice, {len(done)} cached, {len(todo)} to analyse", flush=True)
    pipeline = default_pipeline()
    t0 = time.time()
    with args.out.open("a", encoding="utf-8") as fh:
        for n, path in enumerate(todo, 1):
            article = read_article(path)
            if article is None:
                continue
            article = pipeline(article)
            row = article.to_dict(include_raw=False)
            row["docno"] = path.stem
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            if n % 100 == 0:
                fh.flush()
                print(f"{n}/{len(todo)} analysed, {(time.time() - t0) / n:.2f} s/article", flush=True)
    print(f"done: {args.out}", flush=True)


if __name__ == "__main__":
    main()
