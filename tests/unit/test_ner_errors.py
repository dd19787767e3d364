"""eval/ner_errors.py sorts NER errors into the categories its report names."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "eval" / "ner_errors.py"


def _module():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("marsad_eval_ner_errors", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


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
