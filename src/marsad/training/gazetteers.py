"""Compile the shared gazetteers into the compact name lists a NER model ships with.

Read once, at *training* time, from ``gazetteers/`` in the shared data folder:

* ``anergazet/Aligned{Pers,Loc,Org}Gazetteer.txt`` (Benajiba): one name per line; the
  location list groups variants between ``====``/``****`` separator lines;
* ``countries/countries_ar.tsv``: Arabic common and official country names;
* ``geonames_cities/cities15000_arabic_script_names.tsv``: Arabic-script city names.
  Persian/Urdu spellings are mixed in; names with letters outside the Arabic alphabet
  proper (پ چ ژ گ ک ی ...) are dropped.

Names are folded (:func:`marsad.training.features.fold`). One-word names go to a set per
list; longer names become phrases (up to :data:`MAX_PHRASE` words) matched over tokens.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from marsad.training.features import fold

MAX_PHRASE = 4
_ARABIC_ONLY = re.compile(r"^[\u0621-\u063a\u0641-\u064a ]+$")
_SEPARATOR = re.compile(r"^[=*\-\s]*$")


class GazetteerError(ValueError):
    """The gazetteer folder is missing or does not have the expected files."""


def _add(name: str, kind: str, singles: dict[str, set[str]], phrases: dict[tuple[str, ...], str]) -> None:
    words = tuple(fold(w) for w in name.split())
    if not words or not all(words):
        return
    if len(words) == 1:
        if len(words[0]) >= 2:
            singles.setdefault(kind, set()).add(words[0])
    elif len(words) <= MAX_PHRASE:
        phrases.setdefault(words, kind)


def compile_gazetteers(root: Path, with_cities: bool = True
                       ) -> tuple[dict[str, set[str]], dict[tuple[str, ...], str], dict[str, int]]:
    """``(singles, phrases, sizes)`` from the gazetteer folder ``root``.

    List names used as feature names: PERS, LOC, ORG (anergazet), CTRY, CITY.
    """
    if not root.is_dir():
        raise GazetteerError(f"gazetteer folder not found: {root}")
    singles: dict[str, set[str]] = {}
    phrases: dict[tuple[str, ...], str] = {}
    sizes: dict[str, int] = {}
    found = False
    for kind, fname in (("PERS", "AlignedPersGazetteer.txt"), ("LOC", "AlignedLocGazetteer.txt"),
                        ("ORG", "AlignedOrgGazetteer.txt")):
        path = root / "anergazet" / fname
        if not path.is_file():
            continue
        found = True
        n = 0
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            name = line.strip()
            if name and not _SEPARATOR.match(name):
                _add(name, kind, singles, phrases)
                n += 1
        sizes[kind] = n
    countries = root / "countries" / "countries_ar.tsv"
    if countries.is_file():
        found = True
        n = 0
        with countries.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                for col in ("name_ar_common", "name_ar_official"):
                    name = (row.get(col) or "").strip()
                    if name:
                        _add(name, "CTRY", singles, phrases)
                        n += 1
        sizes["CTRY"] = n
    cities = root / "geonames_cities" / "cities15000_arabic_script_names.tsv"
    if with_cities and cities.is_file():
        found = True
        n = 0
        with cities.open(encoding="utf-8") as fh:
            for row in csv.DictReader(fh, delimiter="\t"):
                for name in (row.get("arabic_script_alternatenames") or "").split("|"):
                    clean = fold(name.strip()).replace("-", " ")
                    if clean and _ARABIC_ONLY.match(clean):
                        _add(clean, "CITY", singles, phrases)
                        n += 1
        sizes["CITY"] = n
    if not found:
        raise GazetteerError(f"no known gazetteer files under {root} "
                             "(expected anergazet/, countries/ or geonames_cities/)")
    return singles, phrases, sizes


# Phrase words of these lists are flagged too (most organisation names have two or more
# words); city phrases are not, their words are too often common nouns.
_PHRASE_WORD_LISTS = frozenset({"PERS", "LOC", "ORG", "CTRY"})


def name_word_lists(singles: dict[str, set[str]], phrases: dict[tuple[str, ...], str],
                    induced: dict[str, list[str]] | None = None) -> dict[str, frozenset[str]]:
    """Word sets for the neural tagger's name-list flags (one flag per set).

    The tagger flags single words, not phrases, so every word of a multi-word gazetteer
    name counts; lists induced from news trigger words (``marsad train clusters``) come in
    as ``news_<CLASS>``."""
    out: dict[str, set[str]] = {kind: set(names) for kind, names in singles.items()}
    for phrase, kind in phrases.items():
        if kind in _PHRASE_WORD_LISTS:
            out.setdefault(kind, set()).update(w for w in phrase if len(w) >= 2)
    for cls, induced_words in (induced or {}).items():
        out[f"news_{cls}"] = set(induced_words)
    return {kind: frozenset(names) for kind, names in out.items() if names}
