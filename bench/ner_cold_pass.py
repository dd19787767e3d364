"""One cold pass of the shipped BiLSTM-CRF over the ANERcorp dev split, for instruction counts.

    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg_doc.out .venv/bin/python bench/ner_cold_pass.py doc
    valgrind --tool=callgrind --callgrind-out-file=/tmp/cg_none.out .venv/bin/python bench/ner_cold_pass.py none

Why: this machine's wall-clock speed drifts by a factor of two between runs, so two versions of
the tagger timed in different runs cannot be compared. Instruction counts are repeatable: the
``summary:`` line of ``doc`` (documents of 20 sentences, what the entities stage runs) or ``sent``
(sentence batches) minus that of ``none`` (loading only) is the cost of tagging 12,334 tokens with
an empty word cache. Run it once per version: it puts its own checkout's ``src`` first on the
path, so copy it into a ``git worktree`` of the older commit and run that copy.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from marsad.extract.ner_neural import NN_MODEL_DIR, load_ner
from marsad.training.ner import anercorp_split, anercorp_train_file


def main() -> int:
    mode = sys.argv[1] if len(sys.argv) > 1 else "doc"
    data = anercorp_train_file()
    if not data.is_file():
        print(f"shared data absent ({data}): skipped")
        return 0
    _, dev = anercorp_split(data)
    tokens = [s.tokens for s in dev]
    tagger = load_ner(NN_MODEL_DIR)
    if mode == "sent":
        tagger.tag_many(tokens)
    elif mode == "doc":
        for i in range(0, len(tokens), 20):
            tagger.tag_document(tokens[i:i + 20])
    elif mode != "none":
        print(f"unknown mode {mode!r}: use doc, sent or none")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
