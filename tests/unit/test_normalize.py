"""Each named normalisation, their combination, and the offset-keeping variants."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marsad.text import normalize as nz
from marsad.text.normalize import (
    DIACRITICS,
    char_fold,
    normalize,
    normalize_alef,
    normalize_alef_maqsura,
    normalize_digits,
    normalize_for_search,
    normalize_hamza,
    normalize_punctuation,
    normalize_ta_marbuta,
    normalize_with_offsets,
    strip_diacritics,
    strip_tatweel,
)

# Text mixing every kind of character the folds touch, long enough to take the
# replace/regex path of normalize() rather than the short-text translate path.
ARABIC_SAMPLE = "قَالَ أَحْمَدُ إِنَّ آلافَ المُوَظَّفِينَ في مَدْرَسَةٍ ـ ٢٠١٨ «مسؤول» رئيس؟ على، ۱۲۳"
ALPHABET = (
    "ابتثجحخدذرزسشصضطظعغفقكلمنهويءأإآٱىةؤئـ٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹،؛؟«»“”…"
    + DIACRITICS
    + "abcXYZ 0123456789.,;?!\n"
)


def test_strip_diacritics_removes_harakat_tanwin_shadda_sukun_and_dagger_alef() -> None:
    assert strip_diacritics("مُحَمَّدٌ") == "محمد"
    assert strip_diacritics("كِتَابًا مُسْلِمٍ") == "كتابا مسلم"
    assert strip_diacritics("هٰذا") == "هذا"  # superscript alef U+0670
    assert strip_diacritics("رَسُولُ ٱللَّهِ ﷺ صَلَّى ٱللَّهُ عَلَيْهِ") == "رسول ٱلله ﷺ صلى ٱلله عليه"


def test_strip_diacritics_removes_quranic_marks_but_not_letters() -> None:
    assert strip_diacritics("الرَّحِيمِ\u06d6") == "الرحيم"
    assert strip_diacritics("محمد\u0610") == "محمد"
    # the visible end-of-ayah sign is text, not a mark on a letter
    assert strip_diacritics("\u06dd") == "\u06dd"
    assert strip_diacritics("أإآء") == "أإآء"


def test_strip_tatweel() -> None:
    assert strip_tatweel("جـــمـيـل") == "جميل"
    assert strip_tatweel("بدون") == "بدون"


def test_normalize_alef_folds_hamza_and_madda_and_wasla_forms() -> None:
    assert normalize_alef("أحمد إبراهيم آمال ٱلله") == "احمد ابراهيم امال الله"


def test_normalize_alef_maqsura() -> None:
    assert normalize_alef_maqsura("على مستشفى") == "علي مستشفي"
    assert normalize_alef_maqsura("علی") == "علي"  # Persian yeh typed at a word end


def test_normalize_ta_marbuta() -> None:
    assert normalize_ta_marbuta("مدرسة الجامعة") == "مدرسه الجامعه"
    assert normalize_ta_marbuta("تقرير") == "تقرير"


def test_normalize_hamza_keeps_standalone_hamza_and_alef_hamza() -> None:
    assert normalize_hamza("مسؤول رئيس سماء") == "مسوول رييس سماء"
    # unlike PyArabic, alef with hamza is not turned into a standalone hamza
    assert normalize_hamza("أحمد إلى") == "أحمد إلى"


def test_normalize_digits_arabic_indic_and_persian() -> None:
    assert normalize_digits("٠١٢٣٤٥٦٧٨٩") == "0123456789"
    assert normalize_digits("۰۱۲۳۴۵۶۷۸۹") == "0123456789"
    assert normalize_digits("٣٫٥ و١٬٠٠٠") == "3.5 و1,000"


def test_normalize_punctuation() -> None:
    assert normalize_punctuation("نعم، لا؛ لماذا؟ «قال» “هذا” – انتهى…") == (
        'نعم, لا; لماذا? "قال" "هذا" - انتهى...'
    )


def test_each_switch_turns_exactly_its_fold_off() -> None:
    everything_off = dict.fromkeys(
        ("diacritics", "tatweel", "alef", "alef_maqsura", "ta_marbuta", "hamza", "digits", "punctuation"),
        False,
    )
    assert normalize(ARABIC_SAMPLE, **everything_off) == ARABIC_SAMPLE
    singles = {
        "diacritics": strip_diacritics,
        "tatweel": strip_tatweel,
        "alef": normalize_alef,
        "alef_maqsura": normalize_alef_maqsura,
        "ta_marbuta": normalize_ta_marbuta,
        "hamza": normalize_hamza,
        "digits": normalize_digits,
        "punctuation": normalize_punctuation,
    }
    for name, function in singles.items():
        only = {**everything_off, name: True}
        assert normalize(ARABIC_SAMPLE, **only) == function(ARABIC_SAMPLE), name
        assert function(ARABIC_SAMPLE) != ARABIC_SAMPLE, f"sample does not exercise {name}"


def test_default_normalize_result() -> None:
    text = "قَالَ أَحْمَدُ إِنَّ مَدْرَسَةٍ ـ على مسؤول ٢٠١٨ «نعم»؟"
    assert normalize(text) == "قال احمد ان مدرسه  علي مسوول 2018 «نعم»؟"
    assert normalize(text, punctuation=True) == 'قال احمد ان مدرسه  علي مسوول 2018 "نعم"?'


def test_normalize_for_search_folds_everything_and_lowercases_latin() -> None:
    assert normalize_for_search("قالت CNN، إنّ «المدرسة» مغلقة") == 'قالت cnn, ان "المدرسه" مغلقه'
    assert normalize_for_search("أحمد") == normalize_for_search("احمد") == normalize_for_search("أَحْمَد")


@given(st.text(alphabet=ALPHABET, max_size=200))
def test_normalize_equals_the_named_functions_applied_in_turn(text: str) -> None:
    chained = text
    for function in (
        strip_diacritics,
        strip_tatweel,
        normalize_alef,
        normalize_alef_maqsura,
        normalize_ta_marbuta,
        normalize_hamza,
        normalize_digits,
        normalize_punctuation,
    ):
        chained = function(chained)
    assert normalize(text, punctuation=True) == chained
    # the short-text path (translate) and the long-text path (replace + regex) agree
    long_text = text * 5 + "x" * 60
    assert normalize(long_text, punctuation=True) == long_text.translate(nz._table((True,) * 8))


@given(st.text(alphabet=ALPHABET, max_size=200))
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text, punctuation=True)
    assert normalize(once, punctuation=True) == once


@given(st.text(alphabet=ALPHABET, max_size=200))
def test_char_fold_keeps_length_and_agrees_with_full_normalisation(text: str) -> None:
    folded = char_fold(text)
    assert len(folded) == len(text)
    assert normalize(folded) == normalize(text)


@given(st.text(alphabet=ALPHABET, max_size=200))
def test_normalize_with_offsets_maps_every_output_character_back(text: str) -> None:
    result, origin = normalize_with_offsets(text, punctuation=True)
    assert result == normalize(text, punctuation=True)
    assert len(origin) == len(result) + 1
    assert origin[-1] == len(text)
    assert origin == sorted(origin)
    for index, char in enumerate(result):
        source = text[origin[index]]
        assert normalize(source, punctuation=True).find(char) >= 0


def test_normalize_with_offsets_maps_a_span_found_in_normalised_text() -> None:
    text = "وصل مُحَمَّد إلى القاهرة"
    result, origin = normalize_with_offsets(text)
    start = result.index("محمد")
    end = start + len("محمد")
    assert text[origin[start] : origin[end]] == "مُحَمَّد"


def test_unknown_switch_is_rejected() -> None:
    with pytest.raises(TypeError):
        normalize("نص", kashida=True)  # type: ignore[call-arg]
