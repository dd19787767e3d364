"""Word classes and one-word tests that several quote passes share.

Each set is a grammatical class (negation particles, relative pronouns, speech verbs that need
a colon …) rather than a list of phrases; the small functions decide what one word is from its
shape («يُزعم» is passive, unvocalised «عبر» after a noun is "via").  Sets used by one pass only
live in that pass's module; these are the ones the passes have in common, kept here so the
mixins do not import from one another for a constant.
"""

from __future__ import annotations

from marsad.extract import cues as C
from marsad.extract.cues import Word
from marsad.extract.speakers import _CONNECTORS

MAX_ZONE_WORDS = 20
# jussive/future negation before a speech verb; «ما» is left out (it is also the relative «ما قال إنه»)
_NEGATION = frozenset(C.fold(w) for w in ("لم", "ولم", "فلم", "لن", "ولن", "فلن"))
_CONTRAST_WHILE = frozenset(C.fold(w) for w in ("بينما", "وبينما", "فيما"))
# «، بحسب المؤسسة، التي لم تعرف …»: a relative clause after the attribution describes the source
_RELATIVE_PRONOUNS = frozenset(C.fold(w) for w in ("الذي", "التي", "الذين", "اللذان", "اللتان", "اللواتي", "اللاتي"))
_RELATIVE_MA = frozenset(C.fold(w) for w in ("ما", "بما", "مما", "لما", "فيما"))
SHORT_FRAGMENT_WORDS = 3
MIN_CUED_WORDS = 2


def _passive(w: Word, lemma: str) -> bool:
    """Is the speech verb a vocalised passive («يُزعم»، «يُعتقد»، «وُصف»)?

    A damma on the prefix marks the passive of a form I or form VII–X verb; forms II–IV
    (يُؤكد، يُعلن، يُصرّح) carry the same damma in the active, so they never count."""
    lem = C.fold(lemma)
    if len(w.text) >= 3 and w.text[1] == "\u064f" and w.text[0] not in "يتنأ" and len(lem) == 3 \
            and C.fold(w.text[0]) == lem[0]:
        return True  # «وُصف بأنه»: the perfect passive فُعِل of a form I verb, damma on the first radical
    if len(w.text) < 3 or w.text[0] not in "يت" or w.text[1] != "\u064f":
        return False
    return (len(lem) == 3 and not lem.startswith("ا")) or (len(lem) > 4 and lem.startswith("ا"))


def _via(text: str, ws: list[Word], i: int) -> bool:
    """«في مؤتمر صحفي عبر الهاتف»: unvocalised عبر right after a noun, with no و/ف and no
    connector before it, is the preposition "via"; the verb عبّر («expressed») opens its
    clause («عبّر المجلس عن …»، «وعبر الوزير …»، «كما عبر …») or takes عن at once."""
    w = ws[i]
    if w.bare != C.fold("عبر") or w.folded != w.bare or i == 0:
        return False
    if i + 1 < len(ws) and ws[i + 1].folded == "عن":
        return False
    prev = ws[i - 1]
    if any(ch in ".!?؟:\n" for ch in text[prev.end:w.start]):
        return False  # a new sentence: the verb
    if any(ch in "،," for ch in text[prev.end:w.start]):
        # «وقال القحطاني، عبر حسابه على تويتر:»: after a comma the verb still needs its عن
        # near («، عبر المجلس عن قلقه»); a noun with a pronoun and no عن is the channel
        return not any(x.folded == "عن" for x in ws[i + 1:i + 5])
    return prev.folded not in _CONNECTORS and prev.bare not in _CONNECTORS and prev.folded != "كما"


def _mark_only(w: Word) -> bool:
    """Is ``w`` a shouting/asking verb (MARK_ONLY_VERBS), also when و is glued to a stem
    that ``strip_conj`` keeps whole («ورددوا»: ورد is also a root)?"""
    return w.bare in C.MARK_ONLY_VERBS or (w.folded[:1] in "وف" and w.folded[1:] in C.MARK_ONLY_VERBS)


def _colon_only(w: Word) -> bool:
    """Is ``w`` a verb that is speech only before a colon (COLON_ONLY_VERBS), also «وردت»
    whose و ``strip_conj`` keeps (ورد is also a root)?"""
    return w.bare in C.COLON_ONLY_VERBS or (w.folded[:1] in "وف" and w.folded[1:] in C.COLON_ONLY_VERBS)


def _prepositional_object(w: Word) -> bool:
    """«بالمواطنين»، «بجميع مواطنيها»: a word with a glued بـ is a complement, never a subject."""
    return w.folded.startswith("ب") and len(w.folded) > 3 and not w.folded.startswith("بين")


_QUANTITY_HEADS = frozenset(C.fold(w) for w in ("عشرات", "آلاف", "مئات", "ملايين", "كبار", "بعض",
                                                 "أغلبية", "غالبية", "معظم"))

# Round 15: «وفقا لتعبيره»، «حسب قوله»: "in his words" names no source; the pronoun is the speaker in focus
_OWN_WORDS = frozenset(C.fold(w) for w in ("تعبيره", "تعبيرها", "تعبيرهم", "قوله", "قولها", "قولهم", "وصفه",
                                            "وصفها", "وصفهم", "كلامه", "كلامها",
                                            # Round 21: «بحسب تقديرهم»، «على حد تأكيدهم»
                                            "تقديره", "تقديرها", "تقديرهم", "تأكيده", "تأكيدها", "تأكيدهم"))
