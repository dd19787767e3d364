"""Gender agreement between a subjectless speech verb and the speaker it refers back to.

«وقالت إن …» has no subject word, but its verb is feminine: the speaker is a woman, a
ministry, a country, a militia (non-human plurals agree in the feminine singular), never
«المتحدث» or «الجيش». «واعتبر أن …» after a quotation of «ميليشيات الحوثي» points to a
man, not to the militia. The pronoun resolver ranks its candidates by focus and distance;
this module only says when a candidate *cannot* be the verb's subject.

Only what the letters show is used: a verb's gender from its form (قال / قالت, يقول /
تقول), a candidate's from its head word (a feminine ending ة / ات, a known masculine
country, a title word). A person's name alone says nothing (أسامة is a man), so a bare
name is never ruled out.
"""

from __future__ import annotations

from typing import Literal

from marsad.extract import cues as C

Gender = Literal["m", "f"]

# Countries whose names are grammatically masculine («قال العراق»); other states are feminine
_MASCULINE_STATES = frozenset(C.fold(w) for w in (
    "العراق", "الأردن", "لبنان", "السودان", "اليمن", "المغرب", "عمان", "الكيان"))
# broken plurals of things and bodies agree in the feminine singular («قالت مصادر»)
_NONHUMAN_PLURALS = frozenset(C.fold(w) for w in (
    "مصادر", "المصادر", "وسائل", "الأمم", "أوساط", "الأوساط", "دوائر", "الدوائر", "جهات", "الجهات",
    # Round 59: «ووصف التقارير عن مرضه بالكاذبة، مشيرا»: reports, figures and documents are things
    "تقارير", "التقارير", "أرقام", "الأرقام", "وثائق", "الوثائق", "رسائل", "الرسائل",
    "صحف", "الصحف", "مواقع", "المواقع", "دول", "الدول", "أجهزة", "الأجهزة", "لجان", "اللجان"))


def verb_gender(bare: str) -> Gender | None:
    """Gender of a singular speech verb form (``bare``: folded, without و/ف), or None for
    a plural, a dual or a word that is no speech verb.

    Read from the form against the other forms the lexicon knows (its lemmas are not all
    masculine): قالت is قال + ت, تقول is يقول with the feminine prefix, دعت is دعا."""
    forms = C.SPEECH_VERBS
    if bare not in forms or len(bare) < 3:
        return None
    if bare.endswith(("وا", "ون", "تا")) or (bare.endswith("ا") and bare[:-1] in forms):
        return None  # قالوا، يقولون، قالتا، قالا
    lemma = C.fold(forms[bare])
    if bare.endswith("ت") and (any(bare[:-1] + x in forms for x in ("", "ي", "ا"))
                               or bare == lemma + "ت" or (lemma.endswith(("ي", "ا")) and bare == lemma[:-1] + "ت")):
        return "f"  # قالت، نفت (نفى)، دعت (دعا)، طالبت (طالب)
    if bare.startswith("ت") and "ي" + bare[1:] in forms:
        return "f"  # تقول، تتعهد
    if bare == lemma or bare.startswith("ي") or bare + "ت" in forms:
        return "m"
    return None


def participle_gender(text: str) -> Gender | None:
    """Gender of a singular participle as written («مضيفة» f, «مضيفا» m), short vowels ignored;
    None when its ending does not tell («قائلين»)."""
    raw = text.rstrip("ًٌٍَُِّْ")
    return "f" if raw.endswith("ة") else "m" if raw.endswith("ا") else None


def phrase_gender(text: str, entity_type: str | None) -> Gender | None:
    """Grammatical gender of a speaker phrase by its head (first) word, or None when the
    letters do not tell (a person's bare name)."""
    ws = C.words(text)
    if not ws:
        return None
    head = ws[0]
    raw = head.text.rstrip("ًٌٍَُِّْ")
    if head.bare in C.TITLE_WORDS:
        return "f" if raw.endswith("ة") else "m"
    if entity_type == "PERS":
        return None
    if head.bare in _NONHUMAN_PLURALS or raw.endswith(("ة", "ات")):
        return "f"
    if len(ws) > 1 and ws[1].text.endswith("ة"):
        return None  # «وتابع بيان الخزانة الأمريكية … ورأت أن»: the verb may agree with the genitive
    if entity_type == "LOC":
        return "m" if head.bare in _MASCULINE_STATES else "f"
    if entity_type is not None and not head.bare.startswith("ال") and head.bare not in C.ORGANIZATION_HEADS:
        return None  # a proper name («بي بي سي»، «رويترز»): its gender is a matter of usage
    if len(ws) == 1 and not head.bare.startswith("ال"):
        return None  # a bare one-word name («حماس»، «فيسبوك»), or a name the tagger missed
    return "m"


def disagree(verb: Gender | None, speaker: Gender | None) -> bool:
    """True only when both genders are known and differ."""
    return verb is not None and speaker is not None and verb != speaker
