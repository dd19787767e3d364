"""eval/ner_errors.py sorts NER errors into the categories its report names."""

from __future__ import annotations

from types import ModuleType

from eval_script_support import load_eval_script


def _module() -> ModuleType:
    return load_eval_script("ner_errors")


def test_every_unmatched_entity_gets_one_category() -> None:
    classify = _module().classify
    gold = {(0, 2, "PERS"), (3, 4, "LOC"), (5, 7, "ORG"), (8, 9, "MISC"), (10, 12, "ORG"), (14, 15, "LOC")}
    pred = {(0, 2, "PERS"),  # exact: no error
            (3, 4, "ORG"),  # same edges, other type
            (5, 6, "ORG"),  # same type, other edges
            (10, 11, "LOC"),  # other edges and type
            (13, 14, "PERS")}  # touches nothing (end exclusive)
    found = {(kind, span) for kind, _, span, _ in classify(gold, pred)}
    assert found == {("type", (3, 4, "LOC")), ("boundary", (5, 7, "ORG")), ("missed", (8, 9, "MISC")),
                     ("boundary+type", (10, 12, "ORG")), ("missed", (14, 15, "LOC")),
                     ("spurious", (13, 14, "PERS"))}
