"""Readers for CoNLL-style named-entity corpora (one ``token tag`` per line).

Two tag spellings occur in the corpora Marsad trains on:

* ANERcorp: ``B-PERS``/``I-PERS``, ``LOC``, ``ORG``, ``MISC``;
* AQMAR: ``B-PER``, ``LOC``, ``ORG`` and four miscellaneous classes ``MIS0``-``MIS3``,
  plus a handful of hand-typed slips (``I--ORG``, ``B-MIS1```, ``OO``, ``B-ENGLISH``).

Both are mapped onto Marsad's four types PERS, LOC, ORG, MISC. Slips whose intent is
clear are *repaired*; tags whose type cannot be recovered become ``O``. Every change is
counted in a :class:`ReadReport` so nothing is silently lost, and tags are converted to
IOB2 (an ``I-X`` that opens an entity becomes ``B-X``, the CoNLL reading of it).

Files are read leniently: a UTF-8 BOM, CRLF line ends, tabs instead of spaces, trailing
spaces and runs of blank lines are all accepted. A file in which most lines are not
``token tag`` pairs is refused with a clear :class:`ConllError` rather than read as noise.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ENTITY_TYPES: tuple[str, ...] = ("PERS", "LOC", "ORG", "MISC")

# Every spelling of a type seen in the corpora (upper-cased, separators removed).
_TYPE_ALIASES: dict[str, str] = {
    "PERS": "PERS", "PER": "PERS", "PERSON": "PERS",
    "LOC": "LOC", "LOCATION": "LOC", "GPE": "LOC",
    "ORG": "ORG", "ORGANIZATION": "ORG", "ORGANISATION": "ORG",
    "MISC": "MISC", "MIS": "MISC", "MISS": "MISC",
    "MIS0": "MISC", "MIS1": "MISC", "MIS2": "MISC", "MIS3": "MISC", "MISS1": "MISC",
}
# Spellings that are a corpus's documented tag set (anything else mapped is a repair).
_DOCUMENTED = frozenset({"PERS", "PER", "LOC", "ORG", "MISC", "MIS0", "MIS1", "MIS2", "MIS3"})
_CANONICAL_TAG = re.compile(r"^(?:O|[BI]-(?:PERS|LOC|ORG|MISC))$")
_TAG_SHAPE = re.compile(r"^([BI])-+([A-Z]+)-?([0-9]*)$")
# Names of files in a corpus folder that document it rather than hold annotations.
_NOT_DATA = re.compile(r"^(readme|source|license|licence|copying|notice|metadata)", re.IGNORECASE)
_DATA_SUFFIXES = {".txt", ".conll", ".iob", ".bio", ".tsv"}


class ConllError(ValueError):
    """A file cannot be read as a CoNLL token/tag file (message says where and why)."""


@dataclass(slots=True)
class TaggedSentence:
    """One sentence: parallel lists of tokens and IOB2 tags (types PERS/LOC/ORG/MISC)."""

    tokens: list[str]
    tags: list[str]
    source: str = ""


@dataclass
class ReadReport:
    """What the reader had to change, so a caller can print it instead of hiding it."""

    files: int = 0
    sentences: int = 0
    tokens: int = 0
    repaired: Counter[str] = field(default_factory=Counter)  # original tag -> count
    unknown: Counter[str] = field(default_factory=Counter)  # tag mapped to O -> count
    iob_fixes: int = 0  # I-X opening an entity, rewritten to B-X
    skipped_lines: int = 0  # lines without a tag

    def merge(self, other: ReadReport) -> None:
        self.files += other.files
        self.sentences += other.sentences
        self.tokens += other.tokens
        self.repaired.update(other.repaired)
        self.unknown.update(other.unknown)
        self.iob_fixes += other.iob_fixes
        self.skipped_lines += other.skipped_lines

    def summary(self) -> str:
        parts = [f"{self.files} files, {self.sentences} sentences, {self.tokens} tokens"]
        if self.repaired:
            parts.append(f"{sum(self.repaired.values())} malformed tags repaired "
                         f"({', '.join(f'{k}×{v}' for k, v in sorted(self.repaired.items()))})")
        if self.unknown:
            parts.append(f"{sum(self.unknown.values())} unknown tags mapped to O "
                         f"({', '.join(f'{k}×{v}' for k, v in sorted(self.unknown.items()))})")
        if self.iob_fixes:
            parts.append(f"{self.iob_fixes} I- tags opening an entity turned into B-")
        if self.skipped_lines:
            parts.append(f"{self.skipped_lines} lines without a tag skipped")
        return "; ".join(parts)


def normalize_tag(raw: str) -> tuple[str, str]:
    """Map one corpus tag to Marsad's tag set.

    Returns ``(tag, status)`` where status is ``"ok"`` (already canonical or a known
    alias such as ``B-PER``/``I-MIS2``), ``"repaired"`` (a typing slip whose meaning is
    clear: ``I--ORG``, ``B-MIS1```, ``OO``) or ``"unknown"`` (no recoverable type:
    ``B-ENGLISH``, ``IO``; mapped to ``O``).
    """
    if _CANONICAL_TAG.match(raw):
        return raw, "ok"
    cleaned = re.sub(r"[^A-Za-z0-9-]", "", raw).upper()
    if cleaned and set(cleaned) == {"O"}:
        return "O", "repaired"  # "OO", "O`"
    match = _TAG_SHAPE.match(cleaned)
    if match:
        prefix, name, digits = match.groups()
        etype = _TYPE_ALIASES.get(name + digits) or _TYPE_ALIASES.get(name)
        if etype is not None:
            documented = raw == f"{prefix}-{name}{digits}" and name + digits in _DOCUMENTED
            return f"{prefix}-{etype}", "ok" if documented else "repaired"
    return "O", "unknown"


def to_iob2(tags: list[str]) -> tuple[list[str], int]:
    """Rewrite ``I-X`` that does not continue an ``X`` entity as ``B-X`` (CoNLL reading)."""
    out: list[str] = []
    fixes = 0
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and (prev == "O" or prev[2:] != tag[2:]):
            tag = "B-" + tag[2:]
            fixes += 1
        out.append(tag)
        prev = tag
    return out, fixes


def parse_conll_text(text: str, source: str = "<text>") -> tuple[list[TaggedSentence], ReadReport]:
    """Parse CoNLL text (already decoded). See the module docstring for what is accepted."""
    report = ReadReport(files=1)
    sentences: list[TaggedSentence] = []
    tokens: list[str] = []
    raw_tags: list[str] = []
    data_lines = 0

    def flush() -> None:
        if tokens:
            tags: list[str] = []
            for t in raw_tags:
                tag, status = normalize_tag(t)
                if status == "repaired":
                    report.repaired[t] += 1
                elif status == "unknown":
                    report.unknown[t] += 1
                tags.append(tag)
            tags, fixes = to_iob2(tags)
            report.iob_fixes += fixes
            sentences.append(TaggedSentence(list(tokens), tags, source))
            report.tokens += len(tokens)
        tokens.clear()
        raw_tags.clear()

    for line in text.lstrip("\ufeff").splitlines():
        fields = line.split()
        if not fields:
            flush()
            continue
        if fields[0].startswith("-DOCSTART-"):
            flush()
            continue
        if len(fields) < 2:
            report.skipped_lines += 1
            continue
        data_lines += 1
        tokens.append(fields[0])
        raw_tags.append(fields[-1])
    flush()
    report.sentences = len(sentences)
    unreadable = sum(report.unknown.values()) + report.skipped_lines
    if data_lines == 0 or unreadable > 0.5 * (data_lines + report.skipped_lines):
        raise ConllError(f"{source}: does not look like a CoNLL token/tag file "
                         f"({data_lines} token lines, {unreadable} unreadable)")
    return sentences, report


def read_conll(path: Path | str) -> tuple[list[TaggedSentence], ReadReport]:
    """Read one CoNLL file (UTF-8, BOM tolerated)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConllError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise ConllError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    except IsADirectoryError:
        raise ConllError(f"{path}: is a directory, expected a file") from None
    return parse_conll_text(text, str(path))


def write_conll(path: Path | str, sentences: Iterable[TaggedSentence]) -> Path:
    """Write sentences as ``read_conll`` reads them (token and tag per line, a blank line after
    each sentence): the training and evaluation scripts hand splits to ``marsad train`` this way."""
    path = Path(path)
    with path.open("w", encoding="utf-8") as fh:
        for s in sentences:
            fh.write("".join(f"{t} {g}\n" for t, g in zip(s.tokens, s.tags)) + "\n")
    return path


def conll_files(paths: Iterable[Path | str]) -> list[Path]:
    """Expand files and directories into the data files to read, in a stable order.

    Inside a directory, files named README/SOURCE/LICENSE... are documentation and
    are left out; only ``.txt .conll .iob .bio .tsv`` files are taken.
    """
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in _DATA_SUFFIXES
                           and not _NOT_DATA.match(f.name))
            if not found:
                raise ConllError(f"{p}: no CoNLL data files in this directory")
            out.extend(found)
        elif p.is_file():
            out.append(p)
        else:
            raise ConllError(f"{p}: no such file or directory")
    return out


def read_corpus(paths: Iterable[Path | str]) -> tuple[list[TaggedSentence], ReadReport]:
    """Read every data file under ``paths`` (files or directories) into one list."""
    report = ReadReport()
    sentences: list[TaggedSentence] = []
    for f in conll_files(paths):
        sents, rep = read_conll(f)
        sentences.extend(sents)
        report.merge(rep)
    return sentences, report


def split_dev(sentences: Sequence[TaggedSentence], fraction: float = 0.1
              ) -> tuple[list[TaggedSentence], list[TaggedSentence]]:
    """Split sequentially: the last ``fraction`` of the sentences are the dev part.

    Sequential (not random) because that is how the official ANERcorp test split was
    cut: the dev part then comes from later articles, as unseen news would.
    """
    if not 0.0 <= fraction < 1.0:
        raise ValueError(f"dev fraction must be in [0, 1), got {fraction}")
    n_dev = round(len(sentences) * fraction)
    cut = len(sentences) - n_dev
    return list(sentences[:cut]), list(sentences[cut:])


SPLITS = ("all", "train", "dev")


def select_split(sentences: Sequence[TaggedSentence], split: str, fraction: float = 0.1
                 ) -> list[TaggedSentence]:
    """``all``, ``train`` (first 1-fraction) or ``dev`` (last fraction) of a file's sentences."""
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; expected one of {', '.join(SPLITS)}")
    if split == "all":
        return list(sentences)
    train, dev = split_dev(sentences, fraction)
    return train if split == "train" else dev
