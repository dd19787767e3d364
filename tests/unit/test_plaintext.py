"""The plain-text title rule: a title only when it clearly is one."""

from __future__ import annotations

from marsad.ingest.plaintext import split_title


def test_short_line_then_blank_line_is_a_title() -> None:
    doc = split_title("بريطانيا تدرس إرسال وحدات إلى ليبيا\n\nيمكن أن تبعث بريطانيا وحدات.")
    assert doc.title == "بريطانيا تدرس إرسال وحدات إلى ليبيا"
    assert doc.body == "يمكن أن تبعث بريطانيا وحدات."
    assert doc.body_offset == len("بريطانيا تدرس إرسال وحدات إلى ليبيا\n\n")


def test_lead_sentence_is_never_a_title() -> None:
    text = "يمكن أن تبعث بريطانيا وحدات إلى ليبيا.\n\nوقال المصدر إن القرار لم يتخذ."
    doc = split_title(text)
    assert doc.title is None and doc.body == text


def test_no_blank_line_means_no_title() -> None:
    text = "عنوان قصير\nوقال المصدر إن القرار لم يتخذ."
    assert split_title(text).title is None


def test_long_first_line_is_not_a_title() -> None:
    line = " ".join(["كلمة"] * 30)
    assert split_title(line + "\n\nنص.").title is None


def test_windows_line_endings() -> None:
    doc = split_title("عنوان\r\n\r\nنص المقال.")
    assert doc.title == "عنوان" and doc.body == "نص المقال."
