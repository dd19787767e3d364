"""CoNLL readers: both tag spellings, malformed tags, lenient layout, dev split."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.training.conll import (
    ConllError,
    TaggedSentence,
    conll_files,
    normalize_tag,
    parse_conll_text,
    read_conll,
    read_corpus,
    select_split,
    split_dev,
    to_iob2,
)


def test_anercorp_spelling_is_kept() -> None:
    text = "أعلن O\nالرئيس O\nباراك B-PERS\nأوباما I-PERS\nفي O\nواشنطن B-LOC\n\nوقال O\nالأمم B-ORG\nالمتحدة I-ORG\n"
    sents, report = parse_conll_text(text)
    assert [s.tokens for s in sents] == [["أعلن", "الرئيس", "باراك", "أوباما", "في", "واشنطن"],
                                         ["وقال", "الأمم", "المتحدة"]]
    assert sents[0].tags == ["O", "O", "B-PERS", "I-PERS", "O", "B-LOC"]
    assert sents[1].tags == ["O", "B-ORG", "I-ORG"]
    assert not report.repaired and not report.unknown
    assert report.sentences == 2 and report.tokens == 9


def test_aqmar_spelling_maps_to_marsad_types() -> None:
    text = "ابن B-PER\nسينا I-PER\nو O\nكرة B-MIS1\nالقدم I-MIS1\nو O\nالذرة B-MIS0\nدمشق B-LOC\n"
    sents, report = parse_conll_text(text)
    assert sents[0].tags == ["B-PERS", "I-PERS", "O", "B-MISC", "I-MISC", "O", "B-MISC", "B-LOC"]
    assert not report.repaired  # these are AQMAR's documented tags, not slips


@pytest.mark.parametrize("raw, expected, status", [
    ("I--ORG", "I-ORG", "repaired"),
    ("B-MIS1`", "B-MISC", "repaired"),
    ("B-MISS1", "B-MISC", "repaired"),
    ("B-MIS-2", "B-MISC", "repaired"),
    ("OO", "O", "repaired"),
    ("IO", "O", "unknown"),
    ("B-ENGLISH", "O", "unknown"),
    ("B-MIS3", "B-MISC", "ok"),
    ("I-PERS", "I-PERS", "ok"),
])
def test_malformed_tags_are_repaired_or_mapped_to_o(raw: str, expected: str, status: str) -> None:
    assert normalize_tag(raw) == (expected, status)


def test_malformed_tags_are_counted() -> None:
    text = "الحكومة B-ORG\nالأمريكية I--ORG\nO B-ENGLISH\n16 OO\nكلمة O\n"
    sents, report = parse_conll_text(text)
    assert sents[0].tags == ["B-ORG", "I-ORG", "O", "O", "O"]
    assert report.repaired == {"I--ORG": 1, "OO": 1}
    assert report.unknown == {"B-ENGLISH": 1}
    assert "repaired" in report.summary() and "unknown" in report.summary()


def test_layout_noise_is_tolerated() -> None:
    text = "\ufeffمصر\tB-LOC  \r\nو O\t\r\n\r\n\r\n   \nتونس   B-LOC\n\n\n"
    sents, report = parse_conll_text(text)
    assert [s.tokens for s in sents] == [["مصر", "و"], ["تونس"]]
    assert [s.tags for s in sents] == [["B-LOC", "O"], ["B-LOC"]]
    assert report.sentences == 2


def test_i_tag_opening_an_entity_becomes_b() -> None:
    tags, fixes = to_iob2(["O", "I-LOC", "I-LOC", "I-PERS", "B-ORG", "I-ORG"])
    assert tags == ["O", "B-LOC", "I-LOC", "B-PERS", "B-ORG", "I-ORG"]
    assert fixes == 2


def test_non_conll_file_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "notes.txt"
    bad.write_text("This is a paragraph of prose.\nIt has many words per line and no tags at all.\n", "utf-8")
    with pytest.raises(ConllError, match="does not look like"):
        read_conll(bad)
    with pytest.raises(ConllError, match="no such file"):
        read_conll(tmp_path / "missing.conll")
    latin1 = tmp_path / "latin1.conll"
    latin1.write_bytes("caf\xe9 O\n".encode("latin-1"))
    with pytest.raises(ConllError, match="not UTF-8"):
        read_conll(latin1)


def test_directory_reading_skips_documentation(tmp_path: Path) -> None:
    (tmp_path / "README.txt").write_text("about this corpus\n", "utf-8")
    (tmp_path / "SOURCE.txt").write_text("where it came from\n", "utf-8")
    (tmp_path / "b.txt").write_text("دمشق B-LOC\n", "utf-8")
    (tmp_path / "a.conll").write_text("عمان B-LOC\n", "utf-8")
    assert [p.name for p in conll_files([tmp_path])] == ["a.conll", "b.txt"]
    sents, report = read_corpus([tmp_path])
    assert [s.tokens[0] for s in sents] == ["عمان", "دمشق"]
    assert report.files == 2
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(ConllError, match="no CoNLL data"):
        conll_files([empty])


def test_dev_split_is_the_last_tenth_in_order() -> None:
    sents = [TaggedSentence([f"w{i}"], ["O"]) for i in range(30)]
    train, dev = split_dev(sents, 0.1)
    assert [s.tokens[0] for s in dev] == ["w27", "w28", "w29"]
    assert len(train) == 27 and train[-1].tokens[0] == "w26"
    assert select_split(sents, "dev") == dev
    assert select_split(sents, "train") == train
    assert select_split(sents, "all") == sents
    with pytest.raises(ValueError):
        select_split(sents, "test")


def test_shared_corpora_read_cleanly(shared_data: Path) -> None:
    aner, rep = read_corpus([shared_data / "ner" / "anercorp"])
    assert rep.sentences == 3973 and rep.tokens == 125102
    assert not rep.unknown
    aqmar, rep2 = read_corpus([shared_data / "ner" / "aqmar"])
    assert rep2.files == 28 and rep2.tokens == 73853
    assert sum(rep2.unknown.values()) == 3 and sum(rep2.repaired.values()) >= 10
    tags = {t for s in aner + aqmar for t in s.tags}
    assert tags <= {"O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}


def test_written_sentences_read_back_the_same(tmp_path: Path) -> None:
    from marsad.training.conll import write_conll

    sentences = [TaggedSentence(["قال", "اللواء", "محمد", "الزين"], ["O", "O", "B-PERS", "I-PERS"]),
                 TaggedSentence(["في", "ليبيا"], ["O", "B-LOC"])]
    path = write_conll(tmp_path / "out.conll", sentences)
    back, _ = read_conll(path)
    assert [(s.tokens, s.tags) for s in back] == [(s.tokens, s.tags) for s in sentences]
