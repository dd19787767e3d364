"""Word classes and form readers shared by every event pass.

Triggers, their filters, modality and arguments all ask the same questions of a word:
which lexicon forms could it be once its clitics are removed (:func:`_noun_forms`,
:func:`_verb_forms`), is it a preposition, a light verb, a relative pronoun or a time
word.  Those answers live here, once, so the passes stay consistent with each other and
none of them has to import another just for a word list.
"""

from __future__ import annotations

import re

from marsad.extract import cues as C
from marsad.extract.cues import Word
from marsad.extract.event_types import VERB_INDEX, conjugate

_NEGATORS = frozenset(C.fold(w) for w in ("لم", "لن", "لا", "ليس", "ليست", "عدم", "دون", "بدون", "غير"))
_PREPS = {C.fold(p): p for p in ("إلى", "في", "ضد", "على", "من", "مع", "عن", "داخل", "قرب", "نحو", "لدى",
                                   "شمال", "جنوب", "شرق", "غرب", "وسط", "بين")}
_IMPERFECT = "يتنا"


def _suffix_stem(b: str) -> str:
    """The word without a possessive suffix or the accusative alef (لقاءه → لقاء)."""
    for suf in ("هما", "هم", "ها", "ه", "ا"):
        if b.endswith(suf) and len(b) - len(suf) >= 3:
            return b[:-len(suf)]
    return b


_LIGHT_VERBS = frozenset(
    f for lemma in ("تواصل", "استمر", "اندلع", "تجدد", "شهد", "نفذ", "أسفر", "خلف", "بدأ", "انطلق", "تصاعد",
                    "تزايد", "أعلن", "كشف", "قرر", "أمر", "تبنى", "نظم", "قاد", "أطلق", "عقد", "وقع", "تم",
                    "واصل", "استأنف", "أكد", "شارك", "حصل", "أوقع", "سجل", "تسبب", "أصدر")
    for f in conjugate(lemma)
) | frozenset(C.fold(w) for w in ("جرى", "جرت", "يجري", "تجري", "أجرى", "أجرت", "يجري", "تجري", "أسفر", "تم",
                                  "شهد", "قرر", "عقد", "وقع", "بدأ", "بدأت", "ألغى", "ألغت", "أرجأ", "أرجأت",
                                  "أدى", "أدت", "يؤدي", "تؤدي"))

# «عقد/انعقد» is light only for meetings (held); elsewhere تعقد is «to complicate»
_HELD = frozenset(conjugate("عقد") + conjugate("انعقد")) | {C.fold("عقد")}
_ACHIEVE = frozenset(f for lemma in ("تمكن", "نجح", "استطاع") for f in conjugate(lemma))
_GOVERNING = frozenset(C.fold(w) for w in (
    "في", "من", "على", "عن", "إلى", "حول", "بشأن", "منذ", "ضد", "مع", "خلال", "لدى", "بسبب", "عبر", "تجاه",
    "نحو", "جراء", "إثر", "بعد", "قبل", "عقب", "رغم", "بين", "دون", "لأجل", "حيال", "ضمن",
))
_RELATIVE = frozenset(C.fold(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "حيث"))


def _noun_forms(w: Word) -> list[str]:
    """Candidate lexicon forms of a word read as a noun: with/without ال، ل، ب، لل، بال."""
    forms = [w.bare, w.folded]
    for base in (w.bare, w.folded):
        # possessive pronouns and the accusative alef: لقاءه -> لقاء، زيارته -> زياره، اتصالا -> اتصال
        for suf in ("هما", "هم", "ها", "ه", "ا"):
            if base.endswith(suf) and len(base) - len(suf) >= 3:
                stem = base[:-len(suf)]
                forms.append(stem)
                if stem.endswith("ت"):
                    forms.append(stem[:-1] + "ه")
                break
    for base in list(forms):
        for pre in ("بال", "لل", "وال", "فال", "ال", "ل", "ب", "ك"):
            if base.startswith(pre) and len(base) - len(pre) >= 3:
                forms.append(base[len(pre):])
                if not base[len(pre):].startswith("ال"):
                    forms.append("ال" + base[len(pre):])
    return forms


def _verb_forms(w: Word) -> tuple[list[str], bool]:
    """Candidate verb forms and whether a future prefix سـ was removed."""
    forms = [w.bare, w.folded]
    future = False
    for base in (w.bare, w.folded):
        if base.startswith("س") and len(base) > 3 and base[1] in _IMPERFECT and base not in VERB_INDEX:
            forms.append(base[1:])  # «سيطروا» is a perfect of سيطر, not سـ + يطروا
            future = True
        if base.startswith("ل") and len(base) > 3 and base[1] in _IMPERFECT:  # لتبعث، ليزور
            forms.append(base[1:])
    marbuta = re.sub(r"[\u064B-\u0652]", "", w.text).endswith("ة")  # «قضية» is a noun, not قضى + ـه
    for base in list(forms):  # object pronouns: ودعتهم -> دعت، استقبله -> استقبل
        for suf in ("هما", "هم", "ها", "ه", "نا", "كم"):
            if suf == "ه" and marbuta:
                continue
            if base.endswith(suf) and len(base) - len(suf) >= 3:
                forms.append(base[:-len(suf)])
                break
    return forms, future


_LAUNCH = frozenset(conjugate("شن")) | frozenset(C.fold(w) for w in ("شن", "شنت", "شنوا"))

_TIME_WORDS = frozenset(C.fold(w) for w in ("اليوم", "أمس", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء",
                                            "الخميس", "الجمعة", "السبت", "مساء", "صباح", "الليلة",
                                            "صبيحة", "ظهر", "فجر"))
