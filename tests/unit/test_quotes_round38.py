"""Round 38 (docs/events.md, "Round 38"): a double prime closes a curly quotation. Sentence
written for this test."""

from __future__ import annotations

from quote_support import quotes


def test_a_double_prime_closes_a_curly_quotation() -> None:
    text = 'وقال المسؤول:” يعتقد القادة العسكريون أن الخفض يسرع التصعيد في غزة″. ولفت إلى أن الوضع صعب.'
    found = quotes(text)
    assert found[0] == ("direct", "يعتقد القادة العسكريون أن الخفض يسرع التصعيد في غزة", "المسؤول")
