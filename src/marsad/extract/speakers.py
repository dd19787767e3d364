"""Speaker rules for the quote finder: who a cue zone names, and what a pronoun or a
bare definite noun («وقال المصدر»، «وأكدت الوزارة») refers back to.

Beyond entities the rules use the shape of Arabic noun phrases: a title alone («وزير
الخارجية الأميركي»، «الوزيرة») points back to the person it introduced; a title phrase
runs over its ل/ب complements to the name the tagger missed («المندوبة الجهوية للتربية
بسوسة سميرة خذر»); a definite source noun stops before an indefinite word («البيان |
عدد القتلى»); a name after a preposition is the channel, not the speaker.

Split out of :mod:`marsad.extract.quotes` so each module stays readable: this one knows
about noun phrases, entities and focus; the finder there knows about cues, openers and
quote spans.  ``SpeakerRules`` is the finder's base class and holds the shared state
(text, words, sentences, quote-mark segments, entities, quotes found so far).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from marsad.extract import agreement as A
from marsad.extract import cues as C
from marsad.extract.cues import SENT_END, Segment, Word, find_segments, sentence_bounds, strip_punct
from marsad.model import Article, Entity, Quote

_PRONOUN_PREP = re.compile(r"^(?:علي|عن|في|من|ل|ب|الي|مع|خلال|عبر|امام|فوق|تحت|عند|لدي|حول|ضد|بين|نحو|تجاه|دون|وراء|خلف)"
                           r"(?:ه|ها|هم|هما|هن)$")
_DEMONSTRATIVES = frozenset(C.fold(w) for w in ("ذلك", "تلك", "هذا", "هذه", "هؤلاء", "أولئك"))
_PREPOSITIONS = frozenset(C.fold(w) for w in ("إلى", "على", "من", "عن", "في", "مع", "ب", "ل"))
# Round 54: «وهو/وهي/وهم» right after a speech verb open a circumstantial clause
_WHILE_PRONOUNS = frozenset(C.fold(w) for w in ("وهو", "وهي", "وهم", "وهما", "وهن"))
# Round 53: perfect verbs of two letters once the shadda is dropped, which _verb_initial's length test misses
_GEMINATE_VERBS = frozenset(C.fold(w) for w in ("رد", "حث", "عد", "ظل"))
# Round 53: «قال الأخير»: "the latter" names the person mentioned last
_LATTER = frozenset(C.fold(w) for w in ("الأخير", "الأخيرة"))
# Round 51: «فيما يتعلق/يخص …» ("as regards") after a speech verb names the topic
_CONCERNS = frozenset(C.fold(w) for w in ("يتعلق", "يخص", "يتصل"))
# Round 51: outlets, which relay what others said: no sentence subject for a pronoun or fragment
_MEDIA_HEADS = frozenset(C.fold(w) for w in ("موقع", "الموقع", "وسائل", "إعلام", "الإعلام", "الاعلام", "صحيفة",
                                             "الصحيفة", "وكالة", "الوكالة", "قناة", "القناة", "تلفزيون", "التلفزيون"))
# Round 50: statements and notices among the body heads — where words were said, not who said them
_DOCUMENT_HEADS = frozenset(C.fold(w) for w in ("بيان", "البيان", "بلاغ", "البلاغ"))
# Round 59: documents whose issuer, named right after them, is the one speaking (see ``_issuer``)
_ISSUED_DOCUMENTS = _DOCUMENT_HEADS | frozenset(C.fold(w) for w in (
    "بيانات", "البيانات", "تغريدة", "التغريدة", "تقرير", "التقرير",
    "أرقام", "الأرقام", "إحصاءات", "الإحصاءات", "إحصائيات", "الإحصائيات"))
# «بيان صادر عن الوزارة»: the issuer follows «عن»
_ISSUED_BY = frozenset(C.fold(w) for w in ("صادر", "صادرة", "الصادر", "الصادرة", "صدر", "صدرت"))
# «أرقام أوردتها نقابة …»: the issuer is the verb's subject, right after it
_ISSUED_VERBS = frozenset(C.fold(p + s) for p in ("أصدر", "أصدرت", "نشر", "نشرت", "أورد", "أوردت", "وزع", "وزعت")
                          for s in ("ه", "ها"))
# Nouns that merely begin with «وال» (father, mother, governor, Walter), not و + article.
_WAL_NOUNS = re.compile(r"^وال(?:د(?:ه|ة|ي|ها|هم|ته|تها|ين|ان|ا)?|ي|تر)$")
# Round 9: sentence-initial words that are no verb (a previous sentence opening with them has no
# verb-subject order to continue)
_SUBJECT_NEGATIONS = frozenset(C.fold(w) for w in ("لم", "ولم", "لا", "ولا", "لن", "ولن"))
_NOT_VERBS = frozenset(C.fold(w) for w in ("حسبما", "كما", "بحسب", "حسب", "وفق", "وفقا", "طبقا", "نقلا", "بينما",
                                           "فيما", "حيث", "لكن", "لكن", "غير", "إلا", "أما", "إذ", "إذا", "منذ",
                                           "بعد", "قبل", "خلال", "أثناء", "وسط", "رغم", "عقب", "إثر"))
_TOPIC_PREPOSITIONS = frozenset(C.fold(w) for w in ("حول", "عن", "بشأن", "بخصوص"))
_ON_ONES_PART = frozenset(C.fold(w) for w in ("جانبه", "جانبها", "جانبهم", "جهته", "جهتها", "جهتهم", "ناحيته",
                                               "ناحيتها", "بدوره", "بدورها", "بدورهم"))
# Round 16: «طالبا عدم الكشف عن هويته»، «مشترطا عدم ذكر اسمه»: a source's request for anonymity
_ANONYMITY_PARTICIPLES = frozenset(C.fold(w) for w in ("طالبا", "طالبة", "مشترطا", "مشترطة", "رافضا", "رافضة",
                                                       "مفضلا", "مفضلة", "طالبين", "مشترطين", "رافضين"))
# Round 16: body nouns that open a subject phrase after the opening verb («وكانت القوات المسلحة قد …»)
# Round 25: prepositions inside a title phrase («السفير الأميركي لدى اليمن»، «المتحدث باسم الجيش»)
_IN_TITLE_PHRASE = frozenset(C.fold(w) for w in ("لدى", "باسم", "في"))
# Round 24: kinship nouns head a person phrase («وكشفت زوجة الرئيس الأمريكي عن مبادرة … . وقالت إن»)
# Round 55: «هنأ صاحب السمو الأمير جلوي …»، «أكد معالي وزير …»: honorifics before a title or name
_HONORIFIC_OWNER = C.fold("صاحب")
_HONORIFICS = frozenset(C.fold(w) for w in ("السمو", "المعالي", "الفخامة", "السعادة", "الجلالة", "الفضيلة",
                                            "سمو", "معالي", "فخامة", "سعادة", "جلالة", "فضيلة"))
_ROYAL = frozenset(C.fold(w) for w in ("الملكي", "الملكية"))
_ON_ASKING = frozenset(C.fold(w) for w in ("عند", "لدى", "حين", "حينما"))
_SIDES = frozenset(C.fold(w) for w in ("جانب", "جهة", "ناحية"))
_OTHER = frozenset(C.fold(w) for w in ("آخر", "أخرى", "ثان", "ثانية"))
_BECAUSE = frozenset(C.fold(w) for w in ("لأن", "ولأن"))
_MANY = frozenset(C.fold(w) for w in ("كثيرا", "كثيرون", "كثيرين", "كثير", "بعض", "معظم", "أغلب", "غالبية"))
_KIN_HEADS = frozenset(C.fold(w) for w in ("زوجة", "زوج", "أرملة", "ابن", "ابنة", "نجل", "نجلة", "شقيق",
                                           "شقيقة", "والد", "والدة", "عم", "خال", "حفيد", "حفيدة"))
_SUBJECT_BODIES = frozenset(C.fold(w) for w in ("القوات", "الحكومة", "الشرطة", "الوزارة", "السلطات", "الرئاسة",
                                                "الجيش", "الخارجية", "الداخلية", "النيابة", "المحكمة"))
# Round 17: epithets for a person already introduced («ضيف بوليتيكا»، «ضيفة البرنامج»)
_EPITHETS = frozenset(C.fold(w) for w in ("ضيف", "ضيفة", "ضيفا"))
_CALLED = frozenset(C.fold(w) for w in ("يدعى", "تدعى", "يدعي", "تدعي", "يسمى", "تسمى"))
_HUMAN_BROKEN_PLURALS = frozenset(C.fold(w) for w in (
    "الساسة", "النشطاء", "الشهود", "الخبراء", "السكان", "المصادر", "العمال", "الطلاب", "الأطباء",
    "النواب", "الوزراء", "الأعضاء", "الزعماء", "القادة", "المسؤولين", "المسؤولون"))
# Round 41: people a trailing attribution may name as a group («، وفقا للأطباء.»): the human plurals
# above (sources are handled as anonymous heads already) and more professions and roles
_GROUP_SOURCES = (_HUMAN_BROKEN_PLURALS - {C.fold("المصادر")}) | frozenset(C.fold(w) for w in (
    "المحللين", "المحللون", "الباحثين", "الباحثون", "المسعفين", "المسعفون", "الناشطين", "الناشطون",
    "المراقبين", "المراقبون", "المنظمين", "المنظمون"))
# Round 41: stop words that may follow a title's comma and still lead to its holder («، لـ»: the
# addressee is handled elsewhere)
_TITLE_STOP_KEEPS = frozenset(C.fold(w) for w in ("إن", "أن", "بأن", "إنه", "انه", "أنه", "إنها", "أنها", "لـ", "ل"))
_TIME_PREPOSITIONS = frozenset(C.fold(w) for w in ("بعد", "قبل", "خلال", "عند", "منذ"))
_SAME = frozenset(C.fold(w) for w in ("ذات", "نفس"))
_IN_IT = frozenset(C.fold(w) for w in ("فيه", "فيها"))
_KANA = frozenset(C.fold(w) for w in ("كان", "كانت", "كانوا"))
# Round 15: «مملكة البحرين»، «دولة الكويت»: the state noun before a country's name
_STATE_HEADS = frozenset(C.fold(w) for w in ("مملكة", "دولة", "جمهورية", "سلطنة", "إمارة"))
_CONNECTORS = frozenset(C.fold(w) for w in ("إذ", "بينما", "فيما", "لكن", "لكنه", "لكنها", "ولكن", "ولكنه",
                                             "ولكنها", "حيث", "كما", "ثم", "لكنهم", "أما", "وأما", "حينما", "عندما"))


# Round 39: «في بيان للمتحدثة وصل لموقع CNN بالعربية نسخة منه»: a verb of receiving a copy opens an
# unmarked relative clause on the statement; the owner's phrase ends before it
_COPY_RECEIVED = frozenset(C.fold(w) for w in ("وصل", "وصلت"))
# Round 39: «وجاء نص القرار كالتالي:»، «… كما يلي:»: "as follows" ends the document's phrase
_AS_FOLLOWS = frozenset(C.fold(w) for w in ("كالتالي", "كالآتي", "كما", "يلي"))
_TO_HIM = frozenset(C.fold(w) for w in ("له", "لها", "لهم", "إليه", "إليها", "إليهم"))
_HIS_SAYING = frozenset(C.fold(w) for w in ("قوله", "قولها", "قولهم"))  # Round 48
# «نقلت الوكالة عنه قوله»: عن with an attached pronoun
_FROM_HIM = frozenset(C.fold(w) for w in ("عنه", "عنها", "عنهم", "عنهما"))
_SAYING = _HIS_SAYING | frozenset(C.fold(w) for w in ("بقوله", "بقولها", "تصريحه", "تصريحها"))
# «وتابع بالقول: "…"»: بـ + the masdar of the speech verb is a manner adverbial (a cognate
# complement), never the subject — the verb's subject is the pronoun of the speaker in focus
_MANNER_SAYING = frozenset(C.fold(w) for w in ("بالقول", "قائلا", "قائلة", "قائلين", "قائلاً", "قائلةً"))
# Round 42: how the words were said — «وقالت مازحة»، «رد بصوت متهدج»، «وأضاف ردا على سؤال» — opens
# a circumstantial phrase after the verb; the verb's subject is its pronoun
_MANNER_OPENERS = frozenset(C.fold(w) for w in (
    "مازحة", "مازحا", "ضاحكا", "ضاحكة", "ساخرا", "ساخرة", "متهكما", "متهكمة", "مبتسما", "مبتسمة",
    "بصوت", "بنبرة", "بلهجة", "ردا", "جوابا", "تعقيبا",
    # Round 45: «كما أضاف موجها تهديده إلى نظيره: "…"»: addressing someone is the manner of saying
    "موجها", "موجهة", "مخاطبا", "مخاطبة", "متوجها", "متوجهة"))
# Round 42: «وختم كلمته قائلا»، «وتابع حديثه "…"»: the verb's object is the speaker's own words
_OWN_WORDS = re.compile("^(?:" + "|".join(C.fold(w) for w in (
    "كلمت", "حديث", "تصريح", "تصريحات", "كلام", "خطاب", "تغريدت", "تدوينت", "رسالت", "مداخلت",
    # Round 46: «وتابع اقتباسه قائلا: "…"»، «وختم بيانه»
    "اقتباس", "بيان", "حوار", "مقابلت",
    # Round 54: «وتابعت قولها: "…"»: "her saying" is the verb's object
    "قول")) + ")(?:ه|ها|هم)$")


def _manner_or_own_words(bare: str) -> bool:
    """Round 42: a word right after the speech verb that names nobody — how the words were
    said («مازحة»، «ردا») or the speaker's own words as the verb's object («كلمته»)."""
    return bare in _MANNER_OPENERS or bool(_OWN_WORDS.match(bare))


_AUDIENCE = frozenset(C.fold(w) for w in ("مراسل", "مراسلة", "صحفيين", "الصحفيين", "الصحافيين", "صحافيين",
                                           "إذاعة", "جريدة", "شبكة", "مجلة", "برنامج", "وسائل", "الجمهور",
                                           "راديو", "تلفزيون",  # Round 42
                                           # Round 45: «وقال لحشد من نحو 15 ألف شخص "…"»: the crowd addressed
                                           "حشد", "حشود", "الحشود", "الحضور", "الحاضرين", "المتظاهرين",
                                           "المحتجين", "أنصاره", "مؤيديه", "أنصارها", "مؤيديها"))
# Round 49: «وقال لأعضاء البرلمان "…"»: members addressed right after the verb; inside a title phrase
# («عضو المكتب التنفيذي لأعضاء شرف النادي») the same words are a genitive, so not in _AUDIENCE
_MEMBERS = frozenset(C.fold(w) for w in ("أعضاء", "نواب"))


def _channel(bare: str, audience_only: bool = False) -> bool:
    """«لوكالة»، «لمراسلة»، «للصحفيين»: a ل-phrase naming whom the words were given to.

    ``audience_only`` leaves out organisation nouns, which after a noun are more often
    its genitive («بلاغ لسفارة فرنسا») than the addressee."""
    if not bare.startswith("ل") or len(bare) < 4:
        return False
    rest = bare[1:]
    if bare.startswith("لل"):
        rest = "ال" + bare[2:]
    if audience_only:
        return rest in _AUDIENCE or rest.removeprefix("ال") in _AUDIENCE
    return rest in C.ORGANIZATION_HEADS or rest in _AUDIENCE or rest.removeprefix("ال") in _AUDIENCE \
        or rest.removeprefix("ال") in C.ORGANIZATION_HEADS or rest.removeprefix("ال") in _MEMBERS


# Round 44: «لإحدى محطات التلفزيون»، «لأحد المواقع»: "to one of" + the outlets is the addressee
_TO_ONE_OF = frozenset(C.fold(w) for w in ("لإحدى", "لأحد"))
_MEDIA_PLURALS = frozenset(C.fold(w) for w in ("محطات", "قنوات", "صحف", "الصحف", "وسائل", "مواقع", "المواقع",
                                               "إذاعات", "الإذاعات", "القنوات", "المحطات", "وكالات"))
_ZONE_RELATIVES = frozenset(C.fold(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين"))
# Round 13: formulas after a name («الملك سلمان - حفظه الله -») that the tagger may read as a person
_FORMULAS = frozenset(C.fold(w) for w in ("حفظه الله", "رحمه الله", "يرحمه الله", "حفظها الله", "رحمها الله",
                                           # Round 39: the plural and dual of the blessing («القيادة حفظهم الله»)
                                           "حفظهم الله", "حفظهما الله", "رحمهم الله", "رعاه الله", "أيده الله"))
# Round 12: «عن السياسة الإسرائيلية إزاء سوريا»: a name after these is what is spoken about
_TOPIC_GOVERNORS = frozenset(C.fold(w) for w in ("إزاء", "تجاه", "حيال", "ضد", "نحو", "بشأن", "حول"))
_CAME = frozenset(C.fold(w) for w in ("جاء", "يأتي", "ياتي", "تأتي", "جاءت"))
# Round 11: news outlets that words are told to («وقال لبي بي سي:», «لرويترز»); the tagger
# often reads «لبي بي سي» as a person
_OUTLETS = ("بي بي سي", "رويترز", "سي إن إن", "CNN", "BBC", "فرانس برس", "أسوشيتد برس", "الأناضول",
            "سكاي نيوز", "الجزيرة", "العربية", "الشرق الأوسط", "واشنطن بوست", "نيويورك تايمز", "الغارديان")

# broken plurals of source nouns (a sound plural in ـون/ـين/ـات is recognised by shape)
_PLURAL_SOURCES = frozenset(C.fold(w) for w in (
    "مصادر", "المصادر", "شهود", "الشهود", "خبراء", "الخبراء", "سكان", "السكان", "أوساط", "جهات", "عمال",
    "أشخاص", "تقارير", "التقارير", "نشطاء", "النشطاء", "أطباء", "الأطباء", "محامون", "مسؤولون"))
_REPORT_NOUNS = frozenset(C.fold(w) for w in ("تقارير", "التقارير", "تقرير", "معلومات", "أنباء", "الأنباء"))
_GROUP_NOUNS = frozenset(C.fold(w) for w in (
    "مجموعات", "منظمات", "جماعات", "فصائل", "حركات", "أحزاب", "هيئات", "جمعيات", "نقابات", "قوات", "سلطات",
    "حكومات", "وكالات"))


# Round 20: «وطالبت البعثة أيضا بالعمل»: an adverb ends the subject phrase
_ALSO = frozenset(C.fold(w) for w in ("أيضا", "أيضاً", "كذلك"))


_SIDE = frozenset(C.fold(w) for w in ("جهة", "ناحية", "جانب", "صعيد"))
_OTHER = frozenset(C.fold(w) for w in ("أخرى", "آخر", "ثانية", "ثان", "ثاني"))


def _other_hand(zw: list[Word]) -> bool:
    """Round 43: «وأكد من جهة أخرى أن …» ("on the other hand"): after «من» (skipped before it)
    the two words are an adverbial, no subject."""
    return len(zw) >= 2 and zw[0].folded in _SIDE and zw[1].folded in _OTHER


def _bi_verbal_noun(w: Word) -> bool:
    """Round 43: «بإقالة»، «باعتقال»، «بمقتل»: بـ + a verbal noun of the forms إفعال/افتعال/مفعل,
    whose genitive is what is done to someone — a person right after it is the act's object."""
    f = w.folded
    return len(f) >= 5 and f[0] == "ب" and f[1] in ("ا", "م") and f[1:3] != "ال" and f[-1] != "ي"


def _bi_complement(w: Word) -> bool:
    """Round 20: is ``w`` بـ + a noun (``بالعمل``، ``باستمرار``) — a prepositional
    complement of the verb, which a subject phrase never starts with or runs over?"""
    f = w.folded
    # بـ + article, or بـ + a verbal noun of the forms استفعال / افتعال (باستمرار، باعتماد);
    # other با- words are as often transliterated names (باكستان، باسيسكو، باراك)
    if f[1:] in C.ORGANIZATION_HEADS or f[3:] in C.ORGANIZATION_HEADS:
        return False  # «وذكر بالبيان بأن …»: a typo for «وذكر البيان», the source noun is the subject
    if w.text.startswith(("بإ", "وبإ")) and len(w.text) > 4:
        return True  # Round 26: «ونوه بإدراك قيادات البلدين …»: بـ + a word written with إ (folding hides the hamza)
    return len(f) > 4 and f.startswith(("بال", "باست", "باعت", "بانت", "باتخ")) and f != C.fold("باسم")


def _plural_body(noun: str) -> bool:
    """A plural of a group or body noun («مجموعات»، «منظمات»), article removed."""
    return noun in _GROUP_NOUNS


_QUANTIFIERS = frozenset(C.fold(w) for w in ("عدة", "بعض", "عدد", "أحد", "إحدى", "كبار")) | frozenset(
    # Round 10: «وفقا لما قاله ثلاثة مسؤولين أمريكيين»: a count before the source noun
    C.fold(w) for w in ("اثنان", "اثنين", "ثلاثة", "ثلاث", "أربعة", "أربع", "خمسة", "خمس", "ستة", "ست",
                        "سبعة", "سبع", "ثمانية", "ثماني", "تسعة", "تسع", "عشرة", "عشر"))
_EMPHATIC = frozenset(C.fold(w) for w in ("نفسه", "نفسها", "نفسهم", "ذاته", "ذاتها", "ذاتهم"))


def _opens_adjunct(w: Word) -> bool:
    """Round 37: does ``w`` — a preposition or a word that ends a speaker's phrase (a time word, a
    complementiser) — start an adjunct after a subject, so that names after it are not the subject?"""
    return w.folded in C.SPEAKER_STOP or w.folded in _PREPOSITIONS


def _accusative_participle(w: Word) -> bool:
    """Round 19: «مخاطبا»، «متحدثا»، «معلقا»: an indefinite accusative active participle (مُفاعِلاً)."""
    b = w.bare
    return len(b) >= 5 and b.startswith("م") and b.endswith("ا") \
        and not b.endswith(("ءا", "يا", "وا", "ها", "نا", "هما", "كما"))  # «مديرها»، «مراسلنا»: a noun and its pronoun


def _feminine_participle(zw: list[Word]) -> bool:
    """Round 58: «وأضافت متسائلة "…"»: a zone that is one feminine active participle (مُتفاعِلة) is the
    manner of saying (حال), not a subject — unless it is a body or title noun («منظمة»)."""
    if len(zw) != 1:
        return False
    b = zw[0].bare
    return len(b) >= 6 and b.startswith("مت") and b.endswith("ه") \
        and b not in C.ORGANIZATION_HEADS | C.ANONYMOUS_HEADS | C.TITLE_WORDS


def _participant_plural(w: Word) -> bool:
    """Round 18: «منتقدين»، «معارضون»، «محللين»: a sound masculine plural of an agent noun (مُفعِل);
    round 33: or of a relational adjective used as a noun («اقتصاديين»، «دبلوماسيون»)."""
    b = w.bare.removeprefix("ال")
    return len(b) >= 6 and (b.startswith("م") and b.endswith(("ين", "ون")) or b.endswith(("يين", "يون")))


def _name_like(text: str) -> bool:
    """Round 56: does the phrase open with two or three words that can only be a name the tagger
    missed («بارول خاتون إحدى …»): none definite, none with a clitic preposition or «ما», none a
    plural, none a title, source or body noun?"""
    lead = 0
    for w in C.words(text)[:3]:
        if w.bare.startswith(("ال", "لل", "بال", "لا", "لم", "لت", "ما")) or _participant_plural(w) \
                or len(w.bare) >= 5 and w.bare.endswith("ات") or not w.text.isalpha() \
                or w.bare in C.TITLE_WORDS | C.ANONYMOUS_HEADS | C.ORGANIZATION_HEADS:
            break
        lead += 1
    return lead >= 2


def _other_side(ws: list[Word]) -> bool:
    """Round 55: «من جانب آخر»، «ومن جهة أخرى»، «من ناحية ثانية» ("on the other hand") open a sentence
    as «من جانبه» does; the clause and its subject start after the three words."""
    return len(ws) >= 4 and C.strip_conj(ws[0].folded) == "من" and ws[1].folded in _SIDES and ws[2].folded in _OTHER


def _dual_of(bare: str) -> str:
    """Round 55: «ونبهت الوزارتان إلى …»: the singular of a definite dual («الوزارتان» → «الوزارة»,
    «الحزبان» → «الحزب»), so that two bodies speaking together count as a body; else ''."""
    if not bare.startswith("ال") or len(bare) < 7:
        return ""
    if bare.endswith(("تان", "تين")):
        return bare[:-3] + "ه"
    return bare[:-2] if bare.endswith(("ان", "ين")) else ""


def _plural_group(phrase: list[Word]) -> bool:
    """Round 55: «النقاد»، «كثيرا من المراقبين»، «بعض المحللين»: one definite noun, or a quantifier
    with (or without) «من» and one — a group that a plural verb of saying can have as subject."""
    if len(phrase) == 2 and phrase[0].bare in _MANY:
        return phrase[1].bare.startswith("ال")
    if len(phrase) == 3 and phrase[0].bare in _MANY and phrase[1].folded == "من":
        return phrase[2].bare.startswith("ال")
    return len(phrase) == 1 and phrase[0].bare.startswith("ال") and len(phrase[0].bare) >= 5


def _indefinite_object(w: Word) -> bool:
    """«هجوما»، «بيانا»: an indefinite accusative (alif of tanween, no ال) — an object, not a subject."""
    return not w.bare.startswith("ال") and w.bare.endswith("ا") and len(w.bare) >= 4 \
        and not w.bare.endswith(("وا", "ها"))


def _speech_with_object(bare: str) -> bool:
    """A speech verb carrying an object pronoun (وصفها، اعتبره، نقلته): it ends a noun phrase."""
    for suf in ("ها", "هم", "ه"):
        if bare.endswith(suf) and len(bare) - len(suf) >= 3:
            stem = bare[:-len(suf)]
            return stem in C.SPEECH_VERBS or stem in C.RELAY_VERBS
    return False


_RELATIVE_GENDER = {C.fold("التي"): "f", C.fold("الذي"): "m"}  # «آردين التي تبلغ …»


def _title_form(word: str) -> str:
    """A title word as titles are compared: «الأميركي» and «الأمريكي» are one spelling."""
    return word.replace("اميرك", "امريك")


def _title_head(ent: Entity) -> set[str]:
    """The first word of the title the entities stage attached to a person, folded, without
    its conjunction (empty when none): «وزير» for «وزير الخزانة الأميركي»."""
    return {C.strip_conj(C.fold(ent.title.split()[0]))} if ent.title else set()


def _title_key(zone_words: list[Word]) -> list[str]:
    """Round 42: the words of a title phrase that must all recur beside the name it points
    back to — folded, without conjunctions, cut at a relative clause («السفير الأميركي الذي كان
    يتحدث» → «السفير الأميركي»)."""
    key: list[str] = []
    for w in zone_words:
        word = C.strip_conj(w.folded)
        if word in _ZONE_RELATIVES:
            break
        key.append(_title_form(word))
    return key


def _last_word(ent: Entity) -> str:
    """The folded last word of a person's name: what the mentions of one person share
    («جاسيندا آردين»، «آردين»)."""
    ws = C.words(ent.canonical or ent.text)
    return ws[-1].bare if ws else ""


@dataclass(slots=True)
class _Speaker:
    text: str
    start: int
    end: int
    kind: str
    entity: str | None

    antecedent: tuple[int, int] | None = None  # «المصدر» -> where «مصدر في وايتهول» was introduced

    @classmethod
    def taken_up(cls, sp: dict[str, Any]) -> _Speaker:
        """The speaker of an earlier quote (its stored dict, which has a ``start``) taken up again
        as a pronoun would be — «، لافتا إلى أن» after it, «"…"، وفقا لتعبيره» — so ``_add`` marks
        the new quote's speaker as pronoun-resolved."""
        return cls(sp["text"], sp["start"], sp["end"], "pronoun", sp.get("entity"))

    def as_dict(self, kind: str | None = None) -> dict[str, Any]:
        out: dict[str, Any] = {"text": self.text, "entity": self.entity, "start": self.start, "end": self.end,
                               "kind": kind or self.kind}
        if self.antecedent is not None:
            out["antecedent"] = {"start": self.antecedent[0], "end": self.antecedent[1]}
        return out


# Round 36: verbal nouns of a stance that follow «أكد/أعلن/أبدى» as their object («وأكد رفض "…"»)
_STANCE_MASDARS = frozenset(C.fold(w) for w in (
    "رفض", "رفضه", "رفضها", "ضرورة", "أهمية", "استعداد", "استعداده", "دعم", "دعمه", "تمسك", "حرص", "التزام",
    "ترحيب", "رغبة", "إدانة", "قلق"))


class SpeakerRules:
    """State shared with the quote finder, text helpers and the speaker rules."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.text = article.text
        self.words = C.words(self.text)
        self.sents = sentence_bounds(article)
        self.segments = find_segments(self.text)
        self.entities: list[Entity] = [e for e in article.entities if e.type]
        self.quotes: list[Quote] = []
        self.last_speaker: _Speaker | None = None
        self.last_speaker_at = -1
        # time expressions («العام الماضي»، «الأحد») are adjuncts, never a speaker
        self.time_spans: list[tuple[int, int]] = [(t.start, t.end) for t in article.layer("times")]
        self._genders: dict[str, A.Gender | None] = {}  # a person's last name word -> gender (Round 40)

    # ---------------------------------------------------------------- helpers
    def sentence_of(self, pos: int) -> tuple[int, int]:
        for s, e in self.sents:
            if s <= pos < e:
                return s, e
        return pos, self._sentence_end(pos)

    def _sentence_end(self, pos: int) -> int:
        m = SENT_END.search(self.text, pos)
        return m.end() if m else len(self.text)

    def paragraph_end(self, pos: int) -> int:
        j = self.text.find("\n", pos)
        return len(self.text) if j < 0 else j

    def segment_at(self, pos: int) -> Segment | None:
        for seg in self.segments:
            if seg.open == pos:
                return seg
        return None

    def inside_segment(self, pos: int) -> bool:
        return any(seg.open < pos < seg.close for seg in self.segments)

    def inside_quote(self, pos: int, kinds: tuple[str, ...] = ("direct", "reported")) -> bool:
        return any(q.start <= pos < q.end and q.kind in kinds for q in self.quotes)

    def entity_in(self, start: int, end: int) -> Entity | None:
        for e in self.entities:
            if start <= e.start and e.end <= end:
                return e
        return None

    def word_index(self, pos: int) -> int:
        for k, w in enumerate(self.words):
            if w.start >= pos:
                return k
        return len(self.words)

    def _gap(self, a: int, b: int) -> str:
        return self.text[a:b]

    # ---------------------------------------------------------------- speakers
    def _np_end(self, j: int, limit: int) -> int:
        """End of the noun phrase starting at word ``j`` (entity-aware, ≤ 7 words)."""
        first = self.words[j]
        ent = next((e for e in self.entities if e.start <= first.start < e.end), None)
        end = first.end
        count = 0
        while j < len(self.words) and self.words[j].start < limit and count < 9:
            w = self.words[j]
            if count and (self._gap(end, w.start).strip() not in ("", "ـ", "#", '"', "«", "»", "“", "”", '" "') or w.folded in C.SPEAKER_STOP
                          or w.folded in _ALSO
                          or (w.text.startswith("ل") and w.text.startswith(("لـ", "لل")))
                          or C.COMPLEMENTISER_RE.match(w.folded) or w.folded in C.SPEECH_VERBS
                          or w.bare in C.SPEECH_VERBS or w.folded == "من" or _speech_with_object(w.bare)
                          or w.bare in _SAYING or (_channel(w.bare, audience_only=True) and ent is None)
                          or w.folded in _COPY_RECEIVED or w.folded in _AS_FOLLOWS
                          or (count == 1 and self._definite_source_ends(first, w))):
                if w.folded == "في" and count == 1 and self.words[j - 1].bare in C.ANONYMOUS_HEADS:
                    pass  # «مصدر في وايتهول»: the place belongs to the source
                elif w.folded == "في" and ent is None and count <= 2 and \
                        self.words[j - 1].bare in C.ANONYMOUS_HEADS | {C.fold("رفيع"), C.fold("مطلع"), C.fold("دبلوماسية"), C.fold("أمنية"), C.fold("عسكرية"), C.fold("مطلعة"), C.fold("رسمية")}:
                    pass
                else:
                    break
            end = w.end
            count += 1
            j += 1
            if ent is not None and end >= ent.end and count >= 1:
                # an entity ends the phrase unless a title-like noun continues it
                break
        return end

    def _definite_source_ends(self, head: Word, nxt: Word) -> bool:
        """«البيان عدد القتلى»: a definite source or body noun takes definite adjectives and
        names, never a bare indefinite word — that word starts the verb's object."""
        if nxt.bare in _EMPHATIC:
            return False  # «المصدر نفسه»: the emphatic pronoun belongs to the phrase
        if not head.bare.startswith("ال") or head.bare in C.TITLE_WORDS or (
                head.bare[2:] not in C.ORGANIZATION_HEADS | C.ANONYMOUS_HEADS and head.bare not in C.ORGANIZATION_HEADS):
            return False  # «المتحدثة باسم …»: a title takes its complement
        if nxt.folded.startswith("ال") or any(e.start <= nxt.start < e.end for e in self.entities):
            return False
        return nxt.text[:1] not in "\"«“#"

    def _make_speaker(self, start: int, end: int, require_source: bool = False) -> _Speaker | None:
        start, end = strip_punct(self.text, start, end)
        if end <= start:
            return None
        zone_words = C.words(self.text, start, end)
        while len(zone_words) > 1 and (zone_words[-1].bare in _MANNER_SAYING or (
                len(zone_words) > 2 and zone_words[-1].bare in _EMPHATIC)):
            # «وختم ترامب بالقول:»: the manner of saying follows the subject, not part of it
            # Round 39: «المصدر الدبلوماسي ذاته»: "the same" points back, it names nobody
            zone_words = zone_words[:-1]
            end = zone_words[-1].end
        if not zone_words:
            return None
        head = zone_words[0].bare
        if head in _ISSUED_DOCUMENTS:
            issuer = self._issuer(zone_words[0])
            if issuer is not None:
                return issuer
        if head in _DEMONSTRATIVES and len(zone_words) == 1:
            return None  # «وتوضح ذلك قائلا»: the demonstrative is what is explained, not who explains
        if head in C.PRONOUNS or (_manner_or_own_words(head) and self.entity_in(start, end) is None):
            return None  # Round 42: «وختم كلمته قائلا»: the speaker's own words name nobody
        if len(zone_words) == 1 and head in C.SPEECH_VERBS and head[:1] in ("ي", "ت"):
            return None  # Round 39: «وكتب يقول: "…"»: the imperfect is the manner of writing, not a subject
        if head in _EPITHETS and not self._person_named_in(start, end):
            focus = self._person_in_focus(start)
            if focus is not None:
                # Round 17: «وأوضح ضيف بوليتيكا أن …»: the programme's guest is the person
                # introduced before, named by the epithet
                return _Speaker(self.text[start:end], start, end, "person", focus)
        if head in _SAME and len(zone_words) >= 2 and zone_words[1].bare.startswith("ال") \
                and zone_words[1].bare[2:] in C.ANONYMOUS_HEADS | C.ORGANIZATION_HEADS and self.last_speaker is not None:
            # Round 17: «وفق ذات المصدر»، «بحسب نفس المصدر»: the source just cited, as «المصدر نفسه»
            last = self.last_speaker
            return _Speaker(self.text[start:end], start, end, last.kind, last.entity or last.text,
                            (last.start, last.end))
        if head in _LATTER and len(zone_words) == 1:
            latter = self._latter(zone_words[0])
            if latter is not None:
                return latter
        back = self._definite_anaphor(zone_words[0])
        if back is not None:
            return back
        ent = self.entity_in(start, end) or next(
            (e for e in self.entities if e.start <= start < e.end), None)
        if head in C.ANONYMOUS_HEADS and (ent is None or ent.start > zone_words[0].start):
            return _Speaker(self.text[start:end], start, end, "anonymous", None)
        if ent is not None and ent.type in ("LOC", "MISC") and ent.start > zone_words[0].start \
                and C.strip_conj(head) in C.ORGANIZATION_HEADS:
            s, e = strip_punct(self.text, start, max(end, ent.end))  # «هيئة الطيران المدني بالإمارات»
            return _Speaker(self.text[s:e], s, e, "organization", None)
        if ent is not None and ent.type in ("PERS", "ORG", "LOC", "MISC"):
            kind = {"PERS": "person", "ORG": "organization", "LOC": "country", "MISC": "organization"}[ent.type]
            s = min(start, ent.start)
            if ent.title_start is not None and ent.title_start < s:
                s = ent.title_start
            e = max(ent.end, end if ent.type != "PERS" else ent.end)
            name = self._full_name(ent)
            if ent.type == "PERS":
                tail = self._name_tail(ent)
                if tail is not None:  # «، رازي ونّاس،»: the tagger stopped one word short
                    e, name = tail, name + self.text[ent.end:tail]
            s, e = strip_punct(self.text, s, e)
            return _Speaker(self.text[s:e], s, e, kind, name)
        if require_source and len(zone_words) > 1 and (head in _QUANTIFIERS or head.isdigit()):
            # Round 8: «وفقا لما أكده عدة مسؤولين»، «بحسب بعض المصادر»: the source noun follows
            # the quantifier (and its «من»)
            head = zone_words[2].bare if zone_words[1].folded == "من" and len(zone_words) > 2 else zone_words[1].bare
        restored: str | None = None  # Round 41: «وفقا للجيش الإسرائيلي»: after the لـ of «لل» the
        # article's ل remains; the phrase is named with its article restored («الجيش الإسرائيلي»)
        if require_source and head.startswith("ل") and not head.startswith("ال") and start > 0 \
                and self.text[start - 1] == "ل" and zone_words[0].start == start:
            head, restored = "ا" + head, "ا" + self.text[start:end]
        if require_source and head.startswith("ال") and head in _GROUP_SOURCES and len(zone_words) <= 3:
            return _Speaker(self.text[start:end], start, end, "anonymous", restored)  # Round 41: «وفقا للأطباء»
        if require_source and head.startswith("ال") and head[2:] in C.ANONYMOUS_HEADS | C.ORGANIZATION_HEADS:
            head = head[2:]  # «وفقا لما ذكرته المصادر»: the definite source noun
        if require_source:
            if head not in C.ANONYMOUS_HEADS | C.ORGANIZATION_HEADS | C.TITLE_WORDS and not self.entities:
                if C.strip_conj(head) not in C.ORGANIZATION_HEADS:
                    return None
            elif self.entities and head not in C.ANONYMOUS_HEADS | C.ORGANIZATION_HEADS | C.TITLE_WORDS:
                return None
        if zone_words[0].text.endswith(("ه", "ها", "هم")) and len(zone_words) == 1 and require_source:
            return None
        kind = "organization" if head in C.ORGANIZATION_HEADS else "person"
        if head in C.ANONYMOUS_HEADS:
            kind = "anonymous"
        named = (self._titled_person(zone_words) or self._titled_speaker(zone_words[0])) if head in C.TITLE_WORDS else None
        return _Speaker(self.text[start:end], start, end, kind, named or restored)

    def _issuer(self, document: Word) -> _Speaker | None:
        """«وفق بيان صادر اليوم السبت عن وزارة الشؤون الخارجية»، «وفق أرقام أوردتها نقابة وكلاء
        العقارات»، «تغريدة لوزارة الخارجية الروسية»: a statement, a tweet or figures do not speak —
        whoever issued them does, and the gold names the issuer.  Only an issuer named in the same
        sentence right after the document (at most one adjective, then the participle or verb of
        issuing and a time adjunct, or a «لـ» of possession) is taken; otherwise None and the
        phrase stays as it was."""
        def named_at(w: Word) -> Entity | None:  # a name starting at the word or right after its «لـ»
            return next((e for e in self.entities
                         if w.start <= e.start <= w.start + 2 and e.type in ("ORG", "PERS", "LOC")), None)

        s_end = self.sentence_of(document.start)[1]
        k = self.word_index(document.end)
        issuer_at: int | None = None
        for step in range(2):  # the document, then at most one adjective («بيان مشترك صادر»)
            if k >= len(self.words) or self.words[k].start >= s_end or self._gap(
                    self.words[k - 1].end, self.words[k].start).strip():
                return None
            w = self.words[k]
            if step == 0 and w.text.startswith("ل") and not w.bare.startswith("ال"):
                if named_at(w) is None:
                    return None
                issuer_at = k  # «تغريدة لوزارة الخارجية»: the لـ of possession
                break
            if w.bare in _ISSUED_BY or w.bare in _ISSUED_VERBS:
                j = k + 1
                while j < len(self.words) and j <= k + 4 and self.in_time(self.words[j]):
                    j += 1  # «صادر اليوم السبت عن …»
                if w.bare in _ISSUED_BY:
                    if j >= len(self.words) or self.words[j].folded != "عن":
                        return None
                    j += 1
                issuer_at = j
                break
            if w.bare in _PREPOSITIONS or w.folded in C.SPEAKER_STOP or C.COMPLEMENTISER_RE.match(w.folded):
                return None
            k += 1
        if issuer_at is None or issuer_at >= len(self.words) or self.words[issuer_at].start >= s_end:
            return None
        first = self.words[issuer_at]
        ent = named_at(first)
        head = C.strip_conj(first.bare)
        if ent is None and head.removeprefix("ال") not in C.ORGANIZATION_HEADS:
            return None  # only a named issuer or an organisation noun («عن الرابطة» is read by the anaphor rules)
        end = max(self._np_end(issuer_at, s_end), ent.end if ent else 0)
        if head.startswith("ل") and not head.startswith("ال"):
            return self._make_speaker(first.start + (2 if first.text.startswith("لـ") else 1), end)
        speaker = self._make_speaker(first.start, end)
        return speaker if speaker is not None and speaker.kind != "pronoun" else None

    def _titled_speaker(self, word: Word) -> str | None:
        """Round 56: «وقالت الوزيرة لشبكة …» after «قالت وزيرة خارجية كوريا الجنوبية كانغ كونغ-وا، إن …»
        where the tagger did not read the name as a person: a definite title points back to the
        latest earlier speaker whose phrase opens with that title — its name, else its phrase."""
        if not word.bare.startswith("ال"):
            return None
        noun = word.bare[2:]
        for sp in self._speakers_opening_with(noun, word.start):
            if len(C.words(sp["text"])) > 1:
                entity = str(sp.get("entity") or "")
                chained = C.strip_conj(C.fold(entity)).removeprefix("ال").startswith(noun)  # an earlier link of the chain
                return entity if entity and (sp.get("kind") == "person" or chained) else str(sp["text"])
        return None

    def _person_named_in(self, start: int, end: int) -> bool:
        """Does a person's name (or any name but a person's epithet) stand in ``start:end``?

        Round 43: the tagger reads the epithet «ضيف» ("guest") as the name Dhaif in «وكشف ضيف
        "بوليتيكا" إنه …»; a one-word mention that is only the epithet names nobody, and a
        programme's name after it («ضيف "صباح الورد"») is no subject either."""
        return any(start <= e.start and e.end <= end and e.type == "PERS"
                   and C.fold(self.text[e.start:e.end]) not in _EPITHETS for e in self.entities)

    def _person_in_focus(self, pos: int) -> str | None:
        """Round 17: the name of the person an epithet before ``pos`` points back to: the
        last speaker when a person spoke, else the last person mentioned outside quotes."""
        if self.last_speaker is not None and self.last_speaker.entity and self.last_speaker_at < pos \
                and self.last_speaker.kind == "person":
            return self.last_speaker.entity
        pers = [e for e in self.entities if e.type == "PERS" and e.end <= pos and not self.inside_quote(e.start)]
        return self._full_name(pers[-1]) if pers else None

    def _titled_person(self, zone_words: list[Word]) -> str | None:
        """«وأضاف وزير الخارجية الأميركي أن …»: a title alone points back to the person it
        introduced earlier («وزير الخارجية الأميركي مايك بومبيو»، «الرئيس الفرنسي، ماكرون»).

        The title words must stand right before an earlier PERS mention (a comma between
        allowed); a one-word title («الرئيس») must fit exactly one earlier person.
        """
        key = " ".join(C.strip_conj(w.folded) for w in zone_words)
        qualified = _title_key(zone_words)
        found: list[str] = []
        for e in self.entities:
            if e.type != "PERS" or e.end > zone_words[0].start:
                continue
            before = C.words(self.text, max(0, e.start - 120), e.start)
            if self.text[before[-1].end if before else e.start:e.start].strip() not in ("", "،", ","):
                continue
            tail = " ".join(C.strip_conj(w.folded) for w in before[-len(zone_words):]) if before else ""
            # «الوزيرة» after «وزيرة الصحة سميرة مرعي»: a one-word definite title names the office head
            # (or whose title the entities stage found there: «#وزير_الخزانة_الأميركي ستيف منوتشين»)
            office = len(zone_words) == 1 and key.startswith("ال") and key[2:] in {
                C.strip_conj(w.folded) for w in before[-4:]} | _title_head(e)
            if tail == key or office or (e.title and " ".join(C.strip_conj(C.fold(x)) for x in e.title.split()) == key) \
                    or self._title_after(e, key.split()) or self._title_beside(e, qualified):
                name = self._full_name(e)
                if name not in found:
                    found.append(name)
        if not found or (len(zone_words) < 2 and len(found) > 1):
            return None
        return found[-1]

    def _title_after(self, ent: Entity, key: list[str]) -> bool:
        """Round 28: «وقال فردريك بينار مدير عمليات المنظمة …» then «وندد مدير المنظمة»: an office
        set after the name (a comma allowed) names the person when it opens with the same
        title word and holds every word of the later title phrase («مدير … المنظمة»)."""
        if len(key) < 2:
            return False  # a one-word title («الرئيس») is too common to match by words
        after = C.words(self.text, ent.end, min(len(self.text), ent.end + 80))[:6]
        if not after or self.text[ent.end:after[0].start].strip() not in ("", "،", ","):
            return False
        words = [C.strip_conj(w.folded) for w in after]
        return words[0] == key[0] and all(k in words for k in key[1:])

    def _title_beside(self, ent: Entity, key: list[str]) -> bool:
        """Round 42: «الوزير البحريني» after «الشيخ خالد بن أحمد، وزير الخارجية البحريني»، «الشيخ
        القطري» after «الشيخ حمد بن جاسم، رئيس الوزراء القطري السابق»: a later title names the
        person whose title phrase — the words right before the name in its clause, or the
        appositive right after it — holds the title's head noun (with or without its article)
        and every qualifier. ``key`` is ``_title_key``'s: two words or more, so a bare «الرئيس»
        never matches this way."""
        if len(key) < 2:
            return False
        near = [_title_form(w) for w in self._title_phrase_words(ent)]
        head = key[0]
        return (head in near or head.removeprefix("ال") in near) and all(k in near for k in key[1:])

    def _title_phrase_words(self, ent: Entity) -> list[str]:
        """The folded words of the title phrase written beside a person's name: back from the
        name to the clause's start (a comma right before the name allowed; at most seven words,
        no other name), and the appositive after it up to the next punctuation."""
        out: list[str] = []
        before = C.words(self.text, max(0, ent.start - 120), ent.start)
        edge = ent.start
        for w in reversed(before[-7:]):
            gap = self.text[w.end:edge]
            # (Round 47: or right before the name's own title: «وزير الخارجية البحريني، الشيخ خالد بن أحمد»)
            if any(ch in gap for ch in ".:؛;!?؟\n\"«»") or ("،" in gap and edge not in (ent.start, ent.title_start)) \
                    or any(e.start <= w.start < e.end for e in self.entities if e is not ent):
                break
            out.append(C.strip_conj(w.folded))
            edge = w.start
        after = C.words(self.text, ent.end, min(len(self.text), ent.end + 120))
        if after and self.text[ent.end:after[0].start].strip() in ("", "،", ","):
            edge = ent.end
            for w in after[:8]:
                gap = self.text[edge:w.start]
                if (edge != ent.end and any(ch in gap for ch in ".،,:؛;!?؟\n\"«»()")) \
                        or C.strip_conj(w.folded) in _ZONE_RELATIVES:
                    break  # «أردوغان، الذي دعا الوزير الإماراتي»: a relative clause is no title
                out.append(C.strip_conj(w.folded))
                edge = w.end
        return out

    def _name_tail(self, ent: Entity) -> int | None:
        """End of a person's name the tagger cut short: one more plain word when the name is
        set off as an appositive («…، رازي ونّاس، اليوم») — the word must close the
        appositive (a comma follows) and be no stop word, time word, verb or preposition."""
        before = self.text[max(0, ent.start - 2):ent.start].strip()
        if before not in ("،", ","):
            return None
        nxt = C.words(self.text, ent.end, min(len(self.text), ent.end + 40))[:1]
        if not nxt or self.text[ent.end:nxt[0].start] != " ":
            return None
        w = nxt[0]
        if w.folded in C.SPEAKER_STOP or w.bare in _PREPOSITIONS or w.bare in C.SPEECH_VERBS \
                or w.folded.startswith("ال") or w.text[:1].isdigit() or C.COMPLEMENTISER_RE.match(w.folded) \
                or any(e.start <= w.start < e.end for e in self.entities):
            return None
        after = self.text[w.end:w.end + 2].strip()[:1]
        return w.end if after in ("،", ",") else None

    def _full_name(self, ent: Entity) -> str:
        """«وأضاف الزين» after «اللواء محمد الزين»: a one-word person name takes the
        earlier full name that ends with it (the usual second mention in news)."""
        name = ent.canonical or ent.text
        if ent.type != "PERS" or " " in name.strip():
            return name
        key = C.fold(name)
        for e in reversed(self.entities):
            if e.type == "PERS" and e.end <= ent.start:
                full = e.canonical or e.text
                parts = C.fold(full).split()
                if len(parts) > 1 and parts[-1] == key:
                    return full
        return name

    def _latter(self, word: Word) -> _Speaker | None:
        """Round 53: «الحروب الكلامية بين الرئيس ترامب وزعيم كوريا الشمالية كيم جونغ أون …، حيث قال
        الأخير إنه»: "the latter" is the person named last before it (outside quotes), of its gender."""
        gender: A.Gender = "f" if word.bare.endswith(("ه", "ة")) else "m"
        for e in reversed([e for e in self.entities if e.type == "PERS" and e.end <= word.start
                           and not self.inside_quote(e.start)]):
            if not A.disagree(gender, self._person_gender(e)):
                return _Speaker(word.text, word.start, word.end, "person", self._full_name(e), (e.start, e.end))
        return None

    def _definite_anaphor(self, word: Word) -> _Speaker | None:
        """«وقال المصدر»، «ونفت الوزارة»: a bare definite noun that points back to its first mention.

        The head must be a definite anonymous-source or organisation noun (المصدر،
        المسؤول، الوزارة، الشرطة …) standing alone — followed by punctuation or a
        stop word, not by a qualifier of its own («الوزارة الفرنسية»).  The antecedent
        is the nearest earlier indefinite mention of the same noun («مصدر في وايتهول»،
        «وزارة الدفاع البريطانية»), preferring an ORG entity that starts with it.
        """
        folded = word.bare
        if not folded.startswith("ال") or len(folded) < 5:
            return None
        noun = folded[2:]
        is_anon = noun in C.ANONYMOUS_HEADS
        if not is_anon and noun not in C.ORGANIZATION_HEADS:
            return None
        nxt = C.words(self.text, word.end, min(len(self.text), word.end + 40))[:1]
        gap = self._gap(word.end, nxt[0].start) if nxt else ""
        same = bool(nxt) and gap.strip() == "" and nxt[0].bare in _EMPHATIC
        if nxt and gap.strip() == "" and nxt[0].folded not in C.SPEAKER_STOP and not same \
                and not C.COMPLEMENTISER_RE.match(nxt[0].folded) and nxt[0].folded not in _PREPOSITIONS:
            return None  # «المسؤول الأمريكي»: a qualified phrase, not a bare anaphor
        if same and self.last_speaker is not None:
            # «كما أوضح المصدر نفسه»: "the same source" is the one just cited
            last = self.last_speaker
            return _Speaker(self.text[word.start:nxt[0].end], word.start, nxt[0].end, last.kind,
                            last.entity or last.text, (last.start, last.end))
        spoke = self._earlier_speaker(noun, word)
        if spoke is not None:  # «وقالت الشركة» after «قالت شركة "تويز آر أص" …»: the source in focus
            return spoke
        orgs = [e for e in self.entities if e.end <= word.start and e.type == "ORG"
                and C.strip_conj(C.fold(e.canonical or e.text)).startswith(noun)]
        earlier = [w for w in self.words if w.end <= word.start and C.strip_conj(w.folded) == noun]
        if orgs and (not earlier or orgs[-1].start >= earlier[-1].start):
            e = orgs[-1]
            return _Speaker(self.text[word.start:word.end], word.start, word.end, "organization",
                            e.canonical or e.text, (e.start, e.end))
        if not earlier:
            return None
        first = earlier[-1]
        j = self.word_index(first.start)
        _, s_end = self.sentence_of(first.start)
        a_start, a_end = strip_punct(self.text, first.start, self._np_end(j, s_end))
        if a_end <= a_start:
            return None
        return _Speaker(self.text[word.start:word.end], word.start, word.end,
                        "anonymous" if is_anon else "organization", self.text[a_start:a_end], (a_start, a_end))

    def _earlier_speaker(self, noun: str, word: Word) -> _Speaker | None:
        """The latest earlier quote speaker whose phrase opens with ``noun`` (folded, no ال).

        A source that has already spoken is the one in focus: «وقالت الشركة» goes back to
        «قالت شركة "تويز آر أص"» even when another company was named in between."""
        for sp in self._speakers_opening_with(noun, word.start):
            if sp.get("kind") != "pronoun-resolved":
                return _Speaker(self.text[word.start:word.end], word.start, word.end,
                                sp.get("kind") or "organization", sp.get("entity") or sp["text"],
                                (sp["start"], sp["end"]))
        return None

    def _speakers_opening_with(self, noun: str, before: int) -> Iterator[dict[str, Any]]:
        """The speakers of earlier quotes (latest first) named before ``before`` whose phrase opens
        with ``noun`` (folded, no ال): what a bare definite «الشركة» or «الوزيرة» points back to."""
        for q in reversed(self.quotes):
            sp = q.speaker
            if not sp or sp.get("start") is None or sp["start"] >= before:
                continue
            first = C.words(sp["text"])[:1]
            if first and C.strip_conj(first[0].folded).removeprefix("ال") == noun:
                yield sp

    def in_time(self, w: Word) -> bool:
        """Is the word part of a time expression found by the times stage?"""
        return any(s <= w.start and w.end <= e for s, e in self.time_spans)

    def _zone_speaker(self, zone: tuple[int, int]) -> _Speaker | None:
        zw = C.words(self.text, *zone)
        if zw and self._quotation_opens_at(zw[0].start):
            return None  # Round 52: «وأضاف "من يفهم قليلا …" مذكرا»: not even after skipping «من»
        while zw and (zw[0].bare in C.SPEAKER_SKIP or zw[0].bare in C.SPEECH_PARTICIPLES
                      or zw[0].bare in _MANNER_SAYING or self.in_time(zw[0]) or _other_hand(zw)):
            zw = zw[2:] if _other_hand(zw) else zw[1:]
        if len(zw) >= 3 and zw[0].folded == C.fold("كل") and zw[1].folded == "من":
            zw = zw[2:]  # Round 8: «وقال كل من الفتاة والمعتدون، إنهم»: "both X and Y" — the speakers follow من
        if len(zw) >= 3 and _PRONOUN_PREP.match(zw[0].folded) and zw[1].bare in _DEMONSTRATIVES \
                and zw[2].bare.startswith("ال"):
            zw = zw[1:]  # «رد عليه ذلك الشخص بالقول:»: the addressee pronoun, then the subject
        if len(zw) >= 2 and _PRONOUN_PREP.match(zw[0].folded) and zw[0].folded[:2] in ("في", "ل", "له") \
                and self._subject_head(zw[1]):
            zw = zw[1:]  # Round 11: «أكد فيه ممثل الشركة أن»، «قال فيه الرئيس الأميركي …»: فيه refers
            # back to the occasion; the subject follows it
        if zw and zw[0].folded in _ON_ASKING:
            return None  # Round 57: «وقال عند سؤاله من قبل أحد الصحفيين …:»: "when asked", no subject
        if zw and zw[0].folded in _WHILE_PRONOUNS:
            return None  # Round 54: «وقالت وهي تبكي: "…"»: a circumstantial clause (واو الحال), no subject
        if zw and _manner_or_own_words(zw[0].bare) and not any(e.start <= zw[0].start < e.end for e in self.entities):
            return None  # Round 42: «وقالت مازحة "…"»، «وختم كلمته قائلا "…"»: no subject in the zone
        if zw and zw[0].folded in _KANA:
            return None  # Round 31: «وأضاف كانت "على قيد الحياة …"»: a verb opens the reported words
        if len(zw) >= 2 and zw[0].folded == C.fold("فيما") and zw[1].folded in _CONCERNS:
            return None  # Round 51: «حيث قال فيما يتعلق بالملف اليمني، وفقا لما نقله …:»: a topic, no subject
        if len(zw) >= 2 and zw[0].folded == C.fold("كما") and (
                zw[1].bare in C.RELAY_VERBS or zw[1].bare in C.SPEECH_VERBS):
            return None  # Round 36: «وقالت كما نقلت عنها وكالة …»: an aside on who relayed it; the
            # verb's subject is its pronoun
        if len(zw) == 1 and C.strip_conj(zw[0].bare) in _STANCE_MASDARS:
            return None  # Round 36: «وأكد رفض "تحويل اليمن …"»: the verb's object, not its subject
        if len(zw) >= 2 and zw[0].folded in _TO_ONE_OF and (_channel("ل" + zw[1].bare) or zw[1].bare in _MEDIA_PLURALS):
            return self._subject_after_outlet(zw[1:], zone)  # Round 44: «وقال لإحدى محطات التلفزيون "…"»
        if zw and (zw[0].bare == "ل" or _channel(zw[0].bare)) and not self._name_start(zw):
            # Round 16: «وأضاف لوسائل إعلام محلية: "…"»: لـ + a channel noun is the addressee, and the
            # subject is the verb's pronoun — unless it follows the outlet's marked name (Round 34)
            return self._subject_after_outlet(zw, zone)
        if not zw or zw[0].bare in C.PRONOUNS or (
                (zw[0].folded in _PREPOSITIONS or zw[0].folded in C.SPEAKER_STOP
                 or zw[0].folded[:1] == "و" and zw[0].folded[1:] in _PREPOSITIONS and not _WAL_NOUNS.match(zw[0].folded))
                and not self._name_start(zw)) \
                or _PRONOUN_PREP.match(zw[0].folded):
            return None  # «وأكد في تصريحات …»: the zone holds no subject
        if self._quotation_opens_at(zw[0].start):
            # «وأضاف "لا يريدون …"، داعيا …»: a quotation opening right after the verb is what
            # was said, never the subject; a short marked name («وقال "أبو عباة":») still is,
            # and so is a longer one the complementiser follows (Round 22: «وقالت "إير بي إن بي" إن»)
            return None
        if len(zw) >= 2 and zw[0].folded.startswith("ل") and not zw[0].folded.startswith("لل") \
                and zw[0].folded.endswith(("ه", "ها", "هم")) and len(zw[0].folded) > 4 \
                and not any(e.start <= zw[0].start < e.end for e in self.entities) \
                and not _channel(zw[0].bare):  # Round 34: «لصحيفة» is no possessed noun (ة folds to ه)
            return None  # Round 22: «بعد أن قالت لوالديها وأسرتها إنها …»: لـ + a possessed noun is
            # whom it was told to
        if zw[0].folded.startswith("لل") and len(zw[0].folded) > 4 and not self._name_start(zw):
            return None  # «وهو يقول للمهاجم البرازيلي "…"»: لـ + article marks whom it was told to
        if _bi_complement(zw[0]) and not self._name_start(zw):
            return None  # Round 20: «وتعهدت باستمرار المظاهرات "…"»، «كما تعهد بالعمل على …»: بـ + a
            # noun is the verb's complement, never its subject; the subject is the pronoun
        if zw[0].folded.startswith("وال") and not _WAL_NOUNS.match(zw[0].folded):
            return None  # «واضاف والدموع في عينيه "…"»: و before a definite noun opens a
            # circumstantial clause (واو الحال); a subject never takes و, so the subject is the pronoun
        if len(zw) >= 2 and _indefinite_object(zw[0]) and _indefinite_object(zw[1]) \
                and not any(e.start <= zw[0].start < e.end for e in self.entities):
            return None  # «وكتب تعليقا مداعبا: "…"»: an indefinite noun with its agreeing adjective,
            # both accusative, is the verb's object; the subject is the pronoun
        if zw[0].folded in C.ATTRIBUTION_CUES and zw[0].folded != C.fold("كما"):
            return None  # «وأضافت، بحسب ما نقلته الوكالة:»: an attribution, the subject is the pronoun
        if len(zw) == 1 and any(e.start == zw[0].start and e.type == "PERS" and e.text.startswith("ل")
                                and e.text[1:2] != "ل" and not self._whole_name_word(e) for e in self.entities):
            return None  # «كان فلين قد أكد لبنس أنه …»: a لـ-name alone is whom it was told to
        if self._addressee_name(zw[0]):
            # Round 11: «وقال لبي بي سي: "…"»: the zone opens with whom it was told to
            return self._subject_after_outlet(zw, zone)
        if zw[0].bare in _ANONYMITY_PARTICIPLES:
            return None  # Round 16: «وأضاف طالبا عدم الكشف عن هويته "…"»: a circumstantial phrase, no subject
        if _accusative_participle(zw[0]) and (not any(e.start <= zw[0].start < e.end for e in self.entities) or (
                len(zw) > 1 and zw[1].folded.startswith("ب") and any(
                    e.start == zw[0].start and e.end == zw[1].end for e in self.entities))) or _feminine_participle(zw):
            # Round 58: «وأضاف ملوحا بسيف …:» (the tagger read just «ملوحا بسيف» as a name; not «محمدرضا بور
            # ابراهيمي»), «وأضافت متسائلة "…"»
            return None  # Round 19: «وأضاف مخاطبا أنصار الحزب "…"»: an indefinite accusative participle
            # (حال) opens a circumstantial phrase; a subject is never accusative
        j = self.word_index(zw[0].start)
        end = self._np_end(j, zone[1])
        # «وقال ضابط في الشرطة المحلية لبي بي سي»: a لـ-name after the subject is whom the
        # words were told to (the tagger keeps the clitic), never the speaker
        zents = [e for e in self.entities if not (e.start > zw[0].start and e.text.startswith("ل")
                                                  and not self._after_title(e.start))
                 and not (e.start > zw[0].start and (self._with_party(e) or self._in_zone_aside(zw, e)))
                 and not (e.start > zw[0].start and self._after_preposition(e) and self._subject_head(zw[0]))]
        zone_pers = any(zw[0].start <= e.start and e.end <= zone[1] and e.type == "PERS" for e in zents)
        if not zone_pers and zw[0].bare in C.TITLE_WORDS:
            name_end = self._appositive_name(zw[0].start, zone[1])
            if name_end is not None:
                return self._make_speaker(zw[0].start, name_end)
        # «قال الأمين العام لحركة الشعب، زهير المغزاوي إن»: a short appositive after a title
        if zw[0].bare in C.TITLE_WORDS and not zone_pers:
            rest = C.words(self.text, end, zone[1])
            if 1 <= len(rest) <= 3 and self.text[end:rest[0].start].strip() == "،" and \
                    not any(r.folded in C.SPEAKER_STOP or r.text.startswith(("لـ", "لل")) for r in rest):
                end = rest[-1].end
            else:
                end = max(end, self._title_phrase_end(j, zone[1]))
        pers = [e for e in zents if zw[0].start <= e.start and e.end <= zone[1] and e.type == "PERS"]
        called = next((e for e in pers if self._called(zw[0].start, e)), None)
        if called is not None:
            # Round 19: «وقال شاهد عيان يدعى يوسف نجاح، 28 عاما، إنه»: the witness is the person named
            return _Speaker(self.text[zw[0].start:called.end], zw[0].start, called.end, "person",
                            self._full_name(called))
        if pers and zw[0].bare not in C.ANONYMOUS_HEADS:
            e = pers[0]
            lead = C.words(self.text, zw[0].start, e.start)
            organisation = self._organisation_subject(zw, lead)
            if organisation is not None:
                return organisation
            if zw[0].bare in C.TITLE_WORDS and self._title_then_adjunct(lead):
                return self._make_speaker(zw[0].start, end)
            appositive = self.text[lead[-1].end:e.start].strip() == "،" if lead else False
            closes_zone = not C.words(self.text, e.end, zone[1]) and zw[0].bare in C.TITLE_WORDS \
                and not any(C.strip_conj(x.folded) in _ZONE_RELATIVES for x in lead)
            # Round 18: «وقال رئيس الفريق الهندسي في اللواء الخامس حرس حدود، ملازم أول سلطان شمسان، إن»:
            # a name that closes a zone opened by a title is that title's holder, however long the title
            if len(lead) <= (16 if closes_zone else 12 if appositive else 8):  # title words before the name
                if zw[0].bare in C.TITLE_WORDS and not appositive and any(
                        _channel(x.bare) or x.text.startswith("لـ") or x.folded in ("ل", "لـ") for x in lead[-3:]):
                    # «وأضافت الوزيرة في تصريح لمراسلة الجوهرة اف ام»: the name after the
                    # preposition is the channel; the title before it is the speaker
                    return self._make_speaker(zw[0].start, end)
                return self._make_speaker(zw[0].start if all(x.folded not in C.SPEAKER_STOP for x in lead)
                                          else e.start, e.end)
        # a title phrase before a PERS entity: extend to the entity
        ent = next((e for e in zents if zw[0].start <= e.start < zone[1] and e.type == "PERS"), None)
        if ent is not None and zw[0].bare in C.TITLE_WORDS and ent.start - zw[0].start < 60 \
                and "،" not in self.text[zw[0].start:ent.start]:
            end = max(end, ent.end)
        return self._make_speaker(zw[0].start, end)

    def _title_then_adjunct(self, lead: list[Word]) -> bool:
        """Round 41: «وقالت الممثلة الأمريكية، من أمام أنقاض الجامع مسجد النوري …، السبت:»: a title
        phrase closed by a comma, then a preposition — the name after it sits in a circumstantial
        adjunct (where, when), and the title is the subject (it names the person introduced before)."""
        for i in range(1, len(lead)):
            if "،" in self._gap(lead[i - 1].end, lead[i].start):
                return (lead[i].folded in C.SPEAKER_STOP or lead[i].folded in _PREPOSITIONS) \
                    and lead[i].folded not in _TITLE_STOP_KEEPS
        return False

    def _organisation_subject(self, zw: list[Word], lead: list[Word]) -> _Speaker | None:
        """Round 37: «حيث قالت شركة ايرباص في بيان لها تعقيبا على قرار ترامب:»: a zone that opens
        with an organisation's name (or its head noun and then the name) is the verb's subject;
        a person named later, after a preposition or a time word, belongs to an adjunct."""
        org = next((e for e in self.entities if e.type == "ORG" and e.start == zw[0].start), None)
        if org is None and len(zw) >= 2 and zw[0].bare in C.ORGANIZATION_HEADS:
            org = next((e for e in self.entities if e.type == "ORG" and e.start == zw[1].start), None)
        if org is None:
            return None
        after = [x for x in lead if x.start >= org.end]
        if not after or not _opens_adjunct(after[0]):
            return None
        return self._make_speaker(zw[0].start, org.end)

    def _subject_after_outlet(self, zw: list[Word], zone: tuple[int, int]) -> _Speaker | None:
        """Round 34: «وقالت لـ"اليوم" مصادر مطلعة:»، «وقالت لصحيفة "اليوم" مصادر مطلعة إن»: an
        addressee fronted before the subject — لـ or a ل-channel noun, then the outlet's short
        marked name — leaves the subject after the marks. Without such a name, or with no
        subject after it, the zone has no subject (the pronoun of the verb speaks)."""
        if len(zw) < 2:
            return None
        seg = next((g for g in self.segments if zw[0].end <= g.open <= zw[0].end + 2), None)
        if seg is None or len(C.words(self.text, seg.start, seg.end)) > 4 or seg.close + 1 >= zone[1]:
            return None
        rest = C.words(self.text, seg.close + 1, zone[1])
        if rest and any(ch in "،," for ch in self.text[seg.close:rest[0].start]):
            return None  # «وأوضح لمراسل "الجوهرة اف أم"، عمر التيس، الذي …»: the reporter, in apposition
        if not rest or not (self._subject_head(rest[0]) or rest[0].bare in _PLURAL_SOURCES
                            or any(e.start == rest[0].start and e.type in ("PERS", "ORG") for e in self.entities)):
            return None
        return self._zone_speaker((rest[0].start, zone[1]))

    def _called(self, zone_start: int, ent: Entity) -> bool:
        """Round 19: does «يدعى/تدعى/يسمى» ("named") stand right before the name?"""
        before = C.words(self.text, max(zone_start, ent.start - 12), ent.start)
        return bool(before) and C.strip_conj(before[-1].folded) in _CALLED

    def _complementiser_after(self, pos: int) -> bool:
        """Is the first word at or after ``pos`` a complementiser (إن، أن، بأن …)?"""
        nxt = C.words(self.text, pos, min(len(self.text), pos + 12))[:1]
        return bool(nxt) and bool(C.COMPLEMENTISER_RE.match(nxt[0].folded))

    def _whole_name_word(self, ent: Entity) -> bool:
        """Round 21: «قال لازاريني:» after «فيليب لازاريني»: the ل belongs to the name when an
        earlier full name ends with the same word, ل included, or when a colon follows the name.
        Round 37: also when the same word, ل included, was named earlier with no speech verb
        before it, so that its ل could not be the preposition («واشترت تشارلي لاغارد …», where
        the tagger kept only «لاغارد»)."""
        if self.text[ent.end:ent.end + 2].strip().startswith(":"):
            return True  # «قال لازاريني: "…"»: a colon right after the name introduces its own words
        word = C.fold(ent.text)
        return any(e.type == "PERS" and e.end <= ent.start and C.fold(e.text).split()[-1] == word
                   and (len(C.fold(e.text).split()) > 1 or not self._addressee_position(e))
                   for e in self.entities)

    def _addressee_position(self, ent: Entity) -> bool:
        """Could the ل opening this one-word mention be the preposition: a speech or reply verb,
        or the mention's opening the sentence, before it?"""
        prev = self._word_before(ent.start)
        if prev is None or self.sentence_of(prev.start) != self.sentence_of(ent.start):
            return True
        return prev.bare in C.SPEECH_VERBS or C.strip_conj(prev.bare) in C.SPEECH_VERBS \
            or prev.bare in C.COLON_ONLY_VERBS or prev.bare in C.ADDRESSEE_VERBS

    def _addressee_name(self, w: Word) -> bool:
        """Round 11: does ``w`` open a name that carries the preposition لـ as a clitic
        («لبي بي سي»، «لوكالة رويترز»، «لموقع CNN»)? The entity stage's canonical name drops
        attached clitics, so a name whose text starts with ل and whose canonical form does not
        is «to X» — the addressee — while «لجنة الانتخابات» keeps its ل and stays a subject."""
        if w.text.startswith("لـ") or (w.bare.startswith("ل") and any(
                C.fold(self.text[w.start + 1:w.start + 1 + len(o)]) == C.fold(o) for o in _OUTLETS)):
            return True
        for e in self.entities:
            if e.start == w.start and e.type != "PERS" and e.text.startswith("ل") and e.canonical \
                    and not C.fold(e.canonical).startswith("ل"):
                return True
        return False

    def _after_title(self, pos: int) -> bool:
        """Does a title word stand right before ``pos`` («الرئيس لطفي»)?"""
        k = self.word_index(pos)
        return k > 0 and self.words[k - 1].bare in C.TITLE_WORDS

    def _title_phrase_end(self, j: int, limit: int) -> int:
        """End of a title phrase with its complements and the name the tagger missed:
        «المندوبة الجهوية للتربية بسوسة سميرة خذر في مداخلة …» → up to خذر.

        The phrase runs over plain words and ل/ب complements (للتربية، بسوسة) and stops at
        punctuation, a stop word or preposition, a complementiser, a speech verb, a time
        word or a channel («لوكالة»، «لمراسلة»), ten words at most.
        """
        end = self.words[j].end
        k = j + 1
        while k < len(self.words) and self.words[k].start < limit and k - j < 10:
            w = self.words[k]
            if self._gap(end, w.start).strip() or w.folded in C.SPEAKER_STOP or w.bare in _PREPOSITIONS \
                    or C.COMPLEMENTISER_RE.match(w.folded) or w.bare in C.SPEECH_VERBS or w.folded in C.SPEECH_VERBS \
                    or w.bare in C.SPEAKER_SKIP or _channel(w.bare) or w.text[:1].isdigit():
                break
            end = w.end
            k += 1
        return end

    def _name_start(self, zw: list[Word]) -> bool:
        """«قال علي أكبر ولايتي»: the name علي folds like the preposition على; it is a name
        when written with ya (not alef maqsura) and a person mention starts within two words."""
        first = zw[0]
        if not first.text.endswith("ي") or first.folded == "في":
            return False  # «وأضاف في تصريحات لنيوزبيتس:»: في is never a name
        if any(e.type == "PERS" and first.start <= e.start <= (zw[min(2, len(zw) - 1)].start) for e in self.entities):
            return True
        # Round 55: the tagger missed «علي أكبر ولايتي مستشار المرشد …»: two or three name words (none
        # definite, none a feminine noun like «على ضرورة») and then a title
        return len(zw) >= 4 and not any(x.bare.startswith("ال") or x.folded.endswith("ه") for x in zw[1:3]) \
            and any(x.bare in C.TITLE_WORDS for x in zw[2:4])

    def _appositive_name(self, start: int, end: int) -> int | None:
        """«الرئيس الأمريكي، دونالد ترامب، الثلاثاء، إن»: end of the name set off by commas.

        Without NER the name after a title phrase is recognised by shape: a comma-separated
        piece of one to three words that holds no stop word, date, preposition or title.
        """
        pieces: list[tuple[int, int]] = []
        pos = start
        for m in re.finditer(r"[،,]", self.text[start:end]):
            pieces.append((pos, start + m.start()))
            pos = start + m.end()
        pieces.append((pos, end))
        for a, b in pieces[1:]:
            ws = C.words(self.text, a, b)
            if ws and ws[0].folded in ("مع", "ومع"):
                return None  # Round 11: «، مع الرئيس الصربي، ألكسندر فوسيتش:»: the names after «مع» are the other party's
            while len(ws) > 1 and ws[0].bare in C.TITLE_WORDS:  # «، الفريق محمد المقدشي،»
                ws = ws[1:]
            if 1 <= len(ws) <= 3 and not any(
                    w.folded in C.SPEAKER_STOP or w.bare in _PREPOSITIONS or w.bare in C.TITLE_WORDS
                    or w.bare in C.ORGANIZATION_HEADS or w.text.startswith(("لـ", "لل")) or w.text.isdigit()
                    for w in ws):
                return ws[-1].end
        return None

    def _svo_subject(self, k: int) -> _Speaker | None:
        """«لكن الشرطة قالت إنها …»، «أن الناطق …، أكد …»: a subject noun phrase before the verb."""
        s_start, _ = self.sentence_of(self.words[k].start)
        before = C.words(self.text, s_start, self.words[k].start)
        verb = self.words[k]
        if before and verb.folded != verb.bare and any(ch in "،,;؛" for ch in self._gap(before[-1].end, verb.start)):
            return None  # «…، وقالت إن»: a coordinated clause; its subject is the first clause's
        after = C.words(self.text, verb.end, verb.end + 12)[:1]
        if before and after and after[0].folded in _IN_IT and any(ch in "،," for ch in self._gap(before[-1].end, verb.start)):
            issuer = self._subject_in_sentence(verb.start)
            if issuer is not None and issuer.kind != "country":
                return issuer  # Round 16: «وكانت القوات المسلحة قد أصدرت بيانا بشأن تصريحات جنينة، قالت فيه إن»
        cut = 0
        for i, w in enumerate(before):
            if C.COMPLEMENTISER_RE.match(w.folded) or w.bare in _CONNECTORS or w.folded in _CONNECTORS \
                    or w.bare in _BECAUSE:  # Round 55: «لأن الرئيس يقول إنه …»
                cut = i + 1
        phrase = [w for w in before[cut:] if w.folded not in ("قد", "كان", "كانت", "وكان", "وكانت")]
        if not (1 <= len(phrase) <= 10):
            return None
        if len(phrase) >= 3 and phrase[-1].folded in ("ما", "بما", "مما"):
            # «أدانت هيئة الطيران المدني بالإمارات، الاثنين، ما قالت إنه»: the subject of the
            # clause's first verb is the one who "said"
            j = self.word_index(phrase[1].start)
            obj = _indefinite_object(phrase[1]) and not any(
                e.start <= phrase[1].start < e.end for e in self.entities)
            sp = None if obj else self._make_speaker(phrase[1].start, self._np_end(j, phrase[-1].start))
            if sp is not None and (phrase[1].bare in C.ORGANIZATION_HEADS | C.TITLE_WORDS | C.ANONYMOUS_HEADS
                                   or sp.kind in ("person", "organization")):
                return sp
            if obj and cut > 0:
                # «وأسقطت إسرائيل الطائرة، ثم شنت هجوما على ما قالت إنه»: the verb after the
                # connector has an object right after it, so its subject is elided and is the
                # subject of the sentence's first clause
                first = [e for e in self.entities if s_start <= e.start and e.end <= before[cut - 1].start
                         and e.type in ("PERS", "ORG", "LOC") and not self._governed(e)]
                if first:
                    return self._make_speaker(first[0].start, first[0].end)
        head = phrase[0]
        ents = [e for e in self.entities if phrase[0].start <= e.start and e.end <= phrase[-1].end
                and e.type in ("PERS", "ORG", "LOC") and not self._governed(e)]
        if not ents and 1 <= len(phrase) <= 2 and cut > 0 and _participant_plural(head) and verb.bare.endswith(("ون", "وا")):
            # Round 18: «لكن منتقدين يقولون إنه …»: a sound plural of an agent noun after the
            # connector, agreeing with the plural verb, is its subject
            return self._make_speaker(head.start, phrase[-1].end)
        if not ents and (cut > 0 or len(phrase) == len(before)) and verb.bare.endswith(("ون", "وا")) \
                and _plural_group(phrase):
            # Round 55: «لكن النقاد يقولون إنها …»، «ولكن كثيرا من المراقبين يقولون إن …»: a definite noun
            # (or «كثير/بعض من» + one) before a plural verb of saying is its subject: only people say
            return _Speaker(self.text[head.start:phrase[-1].end], head.start, phrase[-1].end, "anonymous", None)
        after_kana = len(before) > len(phrase) and before[cut].bare in ("كان", "كانت") and len(phrase) <= 3
        if not ents and not after_kana and not (head.bare in C.TITLE_WORDS or head.bare in C.ORGANIZATION_HEADS
                                                or head.bare in C.ANONYMOUS_HEADS or self._speaking_noun(phrase, cut)):
            return None
        if self.inside_segment(head.start) or self.inside_quote(head.start):
            return None
        if ents:
            pers = [e for e in ents if e.type == "PERS"]
            e = (pers or ents)[0]
            return self._make_speaker(e.start, e.end)
        end = phrase[-1].end
        if not self.entities and head.bare in C.TITLE_WORDS:
            name_end = self._appositive_name(head.start, end)
            if name_end is not None:
                end = name_end
        return self._make_speaker(head.start, end)

    def _speaking_noun(self, phrase: list[Word], cut: int) -> bool:
        """Round 39: «ولكن العارضة أكدت أن …»: after a connector, one definite noun that an earlier
        quote of the article already has as its speaker («وكتبت العارضة … تقول إن») is the
        subject before the verb, though it is no title or source word — not a pronoun whose
        speaker is the last one quoted."""
        if cut == 0 or len(phrase) != 1 or not phrase[0].bare.startswith("ال"):
            return False
        noun = phrase[0].bare
        return any(q.speaker and noun in C.fold(q.speaker.get("text") or "").split() for q in self.quotes)

    def _relay_speaker(self, zone: tuple[int, int], verb: Word | None = None) -> _Speaker | None:
        zw = C.words(self.text, *zone)
        if verb is not None and verb.bare == C.fold("جاء") and zw and zw[0].folded.startswith("ب") \
                and zw[0].folded[1:] in C.ORGANIZATION_HEADS:
            j = self.word_index(zw[0].start)  # «وقد جاء ببلاغ السفارة الفرنسية أن»: the document, without بـ
            return self._make_speaker(zw[0].start + 1, self._np_end(j, zone[1]))
        markers: tuple[str, ...] = ("عن", "من", "في") if verb is not None and verb.bare == C.fold("جاء") else ("عن", "من")
        tongue = self._tongue_speaker(zw, zone)
        if tongue is not None:
            return tongue
        if verb is not None and verb.bare in C.RELAY_VERBS and any(x.folded == "عن" for x in zw):
            # Round 35: «ونقلت وكالة "مهر"، القريبة من المحافظين، عن منتظري قوله:»: a relay verb
            # governs «عن»; a «من» inside an aside on the outlet names no source
            markers = ("عن",)
        for i, w in enumerate(zw):
            if i > 0 and w.folded in _FROM_HIM and not any(x.folded in markers for x in zw[:i]):
                # Round 29: «ونقلت وكالة فرانس برس عنه قوله، قبل الإعلان عن الأمر …»: the words are
                # relayed from the person the pronoun points to, not from a later «عن» phrase
                return self._resolve_pronoun(w.start)
            if w.folded in markers and i + 1 < len(zw):
                j = self.word_index(zw[i + 1].start)
                return self._make_speaker(zw[i + 1].start, self._np_end(j, zone[1]))
        if verb is not None and verb.bare in C.RELAY_VERBS and 2 <= len(zw) <= 5 and zw[-1].folded in _HIS_SAYING \
                and not any(x.folded in ("الى", "الي") for x in zw) \
                and not any(e.type == "PERS" and zw[0].start <= e.start < zw[-1].start for e in self.entities):
            # Round 48: «حيث نقلت الصحيفة قوله: "…"»: with no «عن» (or «إلى» after «نسبت») the relayer
            # quotes "his saying" — the person the pronoun points to
            return self._resolve_pronoun(zw[-1].start)
        if verb is not None and verb.bare in (C.fold("نسب"), C.fold("نسبت")):
            to = next((i for i, w in enumerate(zw) if i > 0 and w.folded in (C.fold("إلى"), "الي")
                       and i + 1 < len(zw)), None)
            if to is not None:
                # Round 25: «نسبت وكالة إنترفاكس الروسية للأنباء إلى سيرغي ريابكوف … قوله»: the
                # words are ascribed *to* the person after «إلى» (the agency's «للأنباء» is its name)
                j = self.word_index(zw[to + 1].start)
                return self._make_speaker(zw[to + 1].start, self._np_end(j, zone[1]))
            for i, w in enumerate(zw):
                if i > 0 and w.folded.startswith("لل") and len(w.folded) > 4:  # «نسبت الصحيفة للشيخ راشد»
                    j = self.word_index(w.start)
                    sp = self._make_speaker(w.start + 1, self._np_end(j, zone[1]))
                    if sp is not None and sp.start == w.start + 1:
                        sp.text = "ال" + sp.text[1:]  # Round 25: ل + الشيخ is written «للشيخ»; the name is «الشيخ …»
                    return sp
                if i > 0 and w.folded in _TO_HIM:
                    # «ونسبت الوكالة له قوله إن»: the words are his; the subject only relays them
                    return self._resolve_pronoun(w.start)
        return self._zone_speaker(zone)

    def _tongue_speaker(self, zw: list[Word], zone: tuple[int, int]) -> _Speaker | None:
        """Round 9: «ونقل الموقع الرسمي للحركة على لسان هنية قوله:»: the relaying subject only
        carries the words; the person after «على لسان» ("on the tongue of") said them."""
        for i, w in enumerate(zw[:-1]):
            if i > 0 and w.folded == C.fold("لسان") and zw[i - 1].folded in (C.fold("على"), "علي"):
                j = self.word_index(zw[i + 1].start)
                return self._make_speaker(zw[i + 1].start, self._np_end(j, zone[1]))
        return None

    def _before_speaker(self, k: int) -> _Speaker | None:
        """«وكان الوزير قد قال إن»: an entity just before the verb in the same sentence."""
        s_start, _ = self.sentence_of(self.words[k].start)
        cands = [e for e in self.entities if s_start <= e.start and e.end <= self.words[k].start
                 and e.type in ("PERS", "ORG", "LOC")]
        if not cands:
            return None
        e = cands[-1]
        verb_at = self.words[k].start
        if self.text[e.end:verb_at].strip() == ")":
            # Round 24: «النائب المستقل عدنان الحاجي (عن ولاية قفصة) قال»: the bracket is an
            # aside on the subject standing right before it
            opened = self.text.rfind("(", s_start, e.start)
            subject = next((c for c in reversed(cands) if opened >= 0 and c.end <= opened
                            and not self.text[c.end:opened].strip() and c.type in ("PERS", "ORG")), None)
            return self._make_speaker(subject.start, subject.end) if subject is not None else None
        if e.type == "LOC" and self._governed(e):
            return None  # «وكانت مصادر رئاسية في عدن قد قالت»: the place belongs to the subject phrase
        between = C.words(self.text, e.end, self.words[k].start)
        if len(between) > 1 or any(b.folded not in ("قد",) for b in between):
            return None
        verb = self.words[k]
        if any(ch in "،,;؛" for ch in self._gap(e.end, verb.start)) or verb.folded != verb.bare:
            return None  # «أيدت المحكمة … في بلجيكا، وقالت إن»: a new clause, the entity is no subject
        return self._make_speaker(e.start, e.end)

    def _kana_subject(self, k: int) -> _Speaker | None:
        """Round 15: «وكان صديق للعميل الروسي السابق قد أفاد هيئة الإذاعة البريطانية … أن»،
        «وكان شهود عيان في مدينة عدن قد أفادوا، أن»: كان … قد frames a pluperfect whose
        subject stands between them, so the words after the verb are its object or an
        adjunct, never the speaker. (A name right before قد is :meth:`_before_speaker`'s.)"""
        if k < 2:
            return None
        qad = self.words[k - 1].folded == "قد"
        s_start, _ = self.sentence_of(self.words[k].start)
        before = C.words(self.text, s_start, self.words[k - 1 if qad else k].start)
        kana = [i for i, w in enumerate(before) if C.strip_conj(w.folded) in _KANA]
        if not kana or not qad and (kana[0] != 0 or len(before) > 5 or "،" in self._gap(before[0].end, self.words[k].start)):
            # Round 26: without «قد» only a sentence opening «وكان» + a short subject + the verb
            # («وكان مكتب عمدة أمستردام كشف … أن»); «قد» marks the frame anywhere else
            return None
        phrase = before[kana[-1] + 1:]
        while phrase and self.in_time(phrase[-1]):
            phrase = phrase[:-1]  # «وكان الوزير أمس قد قال»: the time adverb is no part of the subject
        if not 1 <= len(phrase) <= 8:
            return None
        head = phrase[0]
        if head.bare in C.PRONOUNS or head.folded in _PREPOSITIONS or head.folded in C.SPEAKER_STOP \
                or self.inside_segment(head.start) or self.inside_quote(head.start) \
                or any(C.COMPLEMENTISER_RE.match(w.folded) or w.bare in C.SPEECH_VERBS for w in phrase):
            return None
        return self._make_speaker(head.start, phrase[-1].end)

    def _participle_disagrees(self, pos: int, ent: Entity) -> bool:
        """Round 44: «ونشرت صحيفة نيويورك تايمز بيانا، ردا على تغريدة ترامب …، قائلة إنها …»: the
        participle at ``pos`` agrees with its subject, so a person of the other gender (as the
        article gives it) is not the subject."""
        at = self.word_index(pos)
        if not 0 <= at < len(self.words) or self.words[at].start != pos or ent.type != "PERS":
            return False
        gender = A.participle_gender(self.words[at].text)
        key = _last_word(ent)
        if sum(e.type == "PERS" and _last_word(e) == key for e in self.entities) < 2:
            return False  # one mention (perhaps cut wrong: «والاس بالدارما التي») is too little to go by
        return A.disagree(gender, A.phrase_gender(ent.text, ent.type) or self._person_gender(ent))

    def _subject_before(self, s_start: int, pos: int) -> _Speaker | None:
        """Subject of a clause ending in a participle cue: last PERS/ORG before it."""
        cands = [e for e in self.entities if s_start <= e.start and e.end <= pos
                 and e.type in ("PERS", "ORG") and not self.inside_segment(e.start)
                 and C.fold(e.text) not in C.SPEECH_VERBS  # Round 8: «دان» tagged as a name is the verb
                 and not self._with_party(e)  # Round 11: «… مؤتمر صحفي مشترك مع الرئيس X، قائلة»
                 and not self._acted_on(e) and not self._participle_disagrees(pos, e)]
        sw = C.words(self.text, s_start, pos)
        if self._also_opens(sw):
            sw = sw[1:]  # Round 43: «كما انتقدت وزارة الخارجية القصف قائلة في بيان إن»: «كما» ("also") opens it
        elif len(sw) >= 4 and C.strip_conj(sw[0].folded) == "من" and sw[1].folded in _ON_ONES_PART \
                and self._verb_initial(sw[2]):
            sw = sw[2:]  # Round 50: «من جانبه اكد الجيش الهندي التوصل للاتفاق، قائلا»: no comma after «من جانبه»
        elif _other_side(sw) and len(sw) >= 5 and self._verb_initial(sw[3]):
            sw = sw[3:]  # Round 55: «من جانب آخر تحدث رئيس حركة النهضة عن …، مشيرا»
        if sw and (not self._verb_initial(sw[0]) or sw[0].folded[1:] in _PREPOSITIONS | _TIME_PREPOSITIONS):
            # Round 18: «وفي حفل أقيم الإثنين بالمناسبة، حذر رئيس بلدية هيروشيما … قائلا إن»: a
            # fronted adverbial set off by a comma; the clause and its subject start after it
            # Round 24: «وبعد حوالي 35 دقيقة، وقبل أن تعلن …، غرد الرئيس الأمريكي قائلا»: the
            # adverbial may run over several commas; the clause starts at the first verb after one
            commas = [i for i, w in enumerate(sw[1:16], 1) if "،" in self._gap(sw[i - 1].end, w.start)]
            comma = next((i for i in commas if self._verb_initial(sw[i]) and not self.inside_segment(sw[i].start)
                          and C.strip_conj(sw[i].bare) not in _PREPOSITIONS | _TIME_PREPOSITIONS), None)
            if comma is not None and len(sw) - comma >= 2 and C.strip_conj(sw[comma].bare) not in C.RELAY_VERBS:
                sw = sw[comma:]
        if len(sw) >= 3 and self._verb_initial(sw[0]) and C.strip_conj(sw[0].bare) not in C.RELAY_VERBS and (
                sw[1].bare.startswith("ال") and sw[1].bare in C.ORGANIZATION_HEADS
                and not any(e.type == "PERS" for e in cands) or self._body_subject(sw, pos)):
            # Round 18: «ودافع الحزب عن سياسة الجمعية على فيسبوك …، قائلا»: a definite body noun
            # after the opening verb is its subject (the outlet named later is the channel)
            return self._phrase_after_verb(sw, pos)
        if len(sw) >= 3 and self._verb_initial(sw[0]):
            # Round 15: «استنكرت مملكة البحرين وبشدة تصريحات نوري المالكي …، معتبرة أن»: a
            # country or organisation right after the opening verb is its subject (VSO); a
            # person later in the clause is the object
            head = sw[2] if sw[1].bare in _STATE_HEADS else sw[1]
            subj = next((e for e in self.entities if e.start == head.start and e.type in ("ORG", "LOC")), None)
            if subj is not None and not self._governed(subj):
                return self._make_speaker(sw[1].start, subj.end)
        titled = self._titled_opening_subject(sw, pos)
        if titled is not None:
            return titled
        if cands:
            pers = [e for e in cands if e.type == "PERS" and not self._governed(e)] or \
                [e for e in cands if e.type == "PERS"]
            if not pers and len(sw) >= 2 and sw[1].bare in C.TITLE_WORDS and sw[1].start < cands[0].start:
                # Round 13: «وواصل اللاعب المثير للجدل هوايته بالسخرية من جماهير النصر، مشيرا»: a
                # person by title after the opening verb is the subject, not an organisation after it
                return self._make_speaker(sw[1].start, sw[1].end)
            e = pers[0] if pers else cands[-1]  # «وردد الأمير زيد … تحذيرات غوتيريس، مضيفا»: the subject
            return self._make_speaker(e.start, e.end)
        # no entities: the noun phrase after a sentence-initial verb
        if len(sw) >= 2 and not any(m in self._gap(sw[0].end, sw[1].start) for m in '"«“'):
            # Round 52: «وأضاف "من يفهم …" مذكرا»: a quotation right after the verb holds no subject
            j = self.word_index(sw[1].start)
            end = self._np_end(j, pos)
            sp = self._make_speaker(sw[1].start, end)
            if sp is not None and sp.kind in ("anonymous", "organization") or (sp and sw[1].bare in C.TITLE_WORDS):
                return sp
        return None

    def _phrase_after_verb(self, ws: list[Word], pos: int) -> _Speaker | None:
        """The subject phrase right after a clause's opening verb ``ws[0]``: from ``ws[1]`` to the
        end of its noun phrase, cut at «قد» («وكانت إدارة الرئيس … ترمب قد انتقدت») or at ``pos``."""
        qad = next((x.start for x in ws[2:] if x.folded == "قد"), pos)
        return self._make_speaker(ws[1].start, self._np_end(self.word_index(ws[1].start), qad))

    def _also_opens(self, ws: list[Word]) -> bool:
        """«كما» ("also") before the clause's opening verb, so the clause starts one word later."""
        return len(ws) >= 3 and ws[0].folded == C.fold("كما") and self._verb_initial(ws[1])

    def _quotation_opens_at(self, pos: int) -> bool:
        """A quotation of more than three words whose content starts at ``pos`` and no complementiser
        follows: what was said, never a subject (a short marked name still can be, and so can a longer
        one the complementiser follows, Round 22: «وقالت "إير بي إن بي" إن»)."""
        seg = next((g for g in self.segments if g.start == pos), None)
        return seg is not None and len(C.words(self.text, seg.start, seg.end)) > 3 \
            and not self._complementiser_after(seg.close + 1)

    def _body_subject(self, sw: list[Word], pos: int) -> bool:
        """Round 50: «أصدرت وزارة الخارجية المصرية بيانا …، معتبرة»، «وكانت إدارة الرئيس الأميركي
        دونالد ترمب قد انتقدت …، معتبرة»، «وسعى البيت الأبيض … إلى التخفيف من لهجة تعليقات ترامب،
        قائلا»: a body noun in construct, or one the tagger read as a name of any type, right
        after the opening verb is its subject even when a person is named later in the clause
        (in its own phrase or as the object)."""
        head = sw[1]
        if head.bare in _DOCUMENT_HEADS or sw[0].folded[1:] in _PREPOSITIONS or self.inside_segment(head.start) \
                or "،" in self._gap(sw[0].end, head.start) \
                or any(e.type == "PERS" and e.start == head.start for e in self.entities):
            return False  # «وفي بيان الجمعة، رد مكابي»: a statement is where, not who
        gender = A.phrase_gender(head.text, "ORG")
        at = self.word_index(pos)
        if 0 <= at < len(self.words) and self.words[at].start == pos and A.disagree(
                A.participle_gender(self.words[at].text), gender):
            return False  # «عمّمت وزارة الصحة … استناداً لفتوى المفتي …، مشيراً»: the participle agrees elsewhere
        if not head.bare.startswith("ال"):
            # Round 51: «كشف مصدر مطلع لـCNN تفاصيل اللقاء … بين الوزير X والأمير Y، قائلا»
            if head.bare in C.ANONYMOUS_HEADS:  # a named official in the phrase is read by the general rule
                end = self._np_end(self.word_index(head.start), pos)
                return not any(e.type == "PERS" and head.start <= e.start < end for e in self.entities)
            return head.bare in C.ORGANIZATION_HEADS
        if head.bare in C.ORGANIZATION_HEADS and any(e.start == head.start for e in self.entities):
            return True
        if not (head.bare in C.ORGANIZATION_HEADS or head.bare in C.ANONYMOUS_HEADS
                or any(e.start == head.start for e in self.entities)) or self.in_time(head):
            return False
        verb = C.strip_conj(sw[0].bare)
        return gender is not None and ("f" if verb.endswith("ت") else "m") == gender

    def _titled_opening_subject(self, sw: list[Word], pos: int) -> _Speaker | None:
        """Round 37: «وأضاف الوزير الإسرائيلي في تعليقه على اللقاء … رئيس الوزراء الإسرائيلي، بنيامين
        نتنياهو …، قائلا:»: a title right after the clause's opening verb is its subject (VSO), with
        the name in apposition when one follows; when a preposition or time word ends the title
        phrase instead, persons named after it belong to that adjunct, not to the subject."""
        if len(sw) < 3 or not self._verb_initial(sw[0]) or sw[1].bare not in C.TITLE_WORDS \
                or C.strip_conj(sw[0].bare) in C.RELAY_VERBS or self.entity_in(sw[0].start, sw[0].end):
            return None  # «وزيهوفر عضو في …»: a name, not a verb, opens the clause
        named = self._titled_subject(sw, 1)
        if named is not None:
            return named
        end = self._np_end(self.word_index(sw[1].start), pos)
        if any(e.type == "PERS" and sw[1].start <= e.start < end for e in self.entities):
            return None  # a name inside the phrase: the general rule reads it
        rest = C.words(self.text, end, pos)
        if not rest or not _opens_adjunct(rest[0]) \
                or any(e.type == "PERS" and e.start <= r.start < e.end for r in rest[:2] for e in self.entities):
            return None  # «المرشد الإيراني علي خامنئي»: «علي» folds like «على» but opens the name
        return self._make_speaker(sw[1].start, end)

    def _plural_subject(self, s_start: int, pos: int) -> _Speaker | None:
        """«يأتي هذا وسط تقارير من مجموعات معارضة …، مضيفين بأن»: a plural participle agrees
        with a plural subject, so the speaker is the first plural source or body noun of the
        sentence (sound plural ـون/ـين/ـات or a broken plural source noun), not a person named
        in between.  «تقارير من X» (reports from X) names X as the source."""
        ws = C.words(self.text, s_start, pos)
        for i, w in enumerate(ws):
            if self.inside_segment(w.start) or self.inside_quote(w.start):
                continue
            noun = w.bare.removeprefix("ال")
            if w.bare not in _PLURAL_SOURCES and not (
                    noun.endswith(("ون", "ين", "ات")) and len(noun) > 4
                    and (w.bare in C.ANONYMOUS_HEADS or _plural_body(noun))):
                continue
            if w.bare in _REPORT_NOUNS and i + 2 < len(ws) and ws[i + 1].folded == "من":
                continue  # the source is the noun after «من»
            j = self.word_index(w.start)
            return self._make_speaker(w.start, self._np_end(j, pos))
        return None

    def _subject_in_sentence(self, pos: int) -> _Speaker | None:
        """«أيدت المحكمة … ، وقالت إن»: an earlier subject of the same sentence.

        Round 11: a sentence opening «جاء ذلك في بيان لوزارة …، وصل لموقع CNN …، حيث قال:»
        points back to the previous statement: its organisations are the venue and the outlet,
        so only a person («في مقابلة لكينغ على CNN») can be its speaker, else the pronoun keeps
        the speaker in focus."""
        s_start, _ = self.sentence_of(pos)
        opening = C.words(self.text, s_start, pos)
        if not opening:
            return None
        comma = next((i for i, w in enumerate(opening[1:4], 1) if "،" in self._gap(opening[i - 1].end, w.start)), None)
        if comma is not None and (_bi_complement(opening[0]) or C.strip_conj(opening[0].folded) == "في") \
                and len(opening) - comma >= 3 \
                and self._verb_initial(opening[comma]):
            # Round 24: «بالمقابل، اتهم المتحدث باسم وزارة الدفاع …، حسبما قال لـCNN»: a fronted
            # connective set off by a comma; the clause and its subject start after it
            opening = opening[comma:]
        relay = len(opening) >= 2 and C.strip_conj(opening[0].bare) in _CAME and opening[1].bare in _DEMONSTRATIVES
        if len(opening) >= 3 and self._verb_initial(opening[0]) and not self.inside_quote(opening[1].start) and (
                opening[1].bare in C.TITLE_WORDS or opening[1].bare in _SUBJECT_BODIES):
            # Round 15: «وكان وزير الخارجية الأمريكي السابق، والذي عمل في إدارة الرئيس السابق، باراك
            # أوباما، قد نشر تغريدة …، قال فيها:»: the title phrase after the opening verb is the
            # subject; a name further on, not right after the title, sits in a relative clause or
            # the object
            # Round 16: «وكانت القوات المسلحة قد أصدرت بيانا بشأن تصريحات جنينة، قالت فيه»: a body
            # noun opening the subject phrase too
            titled = self._titled_subject(opening, 1) if opening[1].bare in C.TITLE_WORDS else None
            if titled is not None:
                return titled
            return self._phrase_after_verb(opening, pos)
        if self._also_opens(opening):
            opening = opening[1:]  # Round 51: «كما عزا الائتلاف هذه المطالبات إلى "…"»
        if len(opening) >= 3 and self._verb_initial(opening[0]) and not relay \
                and C.strip_conj(opening[0].bare) not in C.RELAY_VERBS and not self.inside_quote(opening[1].start) \
                and opening[1].bare not in _MEDIA_HEADS and self._body_subject(opening, pos):
            # Round 51: «وطالب الإطار التربوي المندوب الجهوي … "…"»: the body noun after the opening verb
            return self._phrase_after_verb(opening, pos)
        gender = self._cue_gender(pos)
        if self.entities:
            types = ("PERS",) if relay else ("PERS", "ORG")
            cands = [e for e in self.entities if s_start <= e.start and e.end <= pos and e.type in types
                     and not self.inside_segment(e.start) and not self.inside_quote(e.start) and not self._with_party(e)
                     and not self._fronted_topic(e.start) and not self._channel_apposition(e)
                     and not (relay and self._after_on(e))
                     and not A.disagree(gender, A.phrase_gender(e.text, e.type))]
            if cands:
                return self._make_speaker(cands[0].start, cands[0].end)
        for w in C.words(self.text, s_start, pos):
            if self.inside_quote(w.start) or self.inside_segment(w.start):
                break
            if A.disagree(gender, A.phrase_gender(w.text, None)):
                continue  # Round 20: «جاء ذلك في المؤتمر الصحفي اليومي للمتحدثة، حيث قالت:»: not «الصحفي»
            if w.bare in C.TITLE_WORDS or not relay and (w.bare in C.ORGANIZATION_HEADS or w.bare in C.ANONYMOUS_HEADS):
                # («جاء ذلك في تصريح أدلى به السفير الأردني …»: a person by title may speak in a relay)
                j = self.word_index(w.start)
                return self._make_speaker(w.start, self._np_end(j, pos))
            if relay and w.bare.startswith("لل") and "ال" + w.bare[2:] in C.TITLE_WORDS:
                # Round 16: «جاء ذلك في سلسلة من التغريدات للسفير السعودي، حيث قال:»: the title
                # after لـ owns the tweets; without the لـ it names the person it introduced
                end = strip_punct(self.text, w.start, self._np_end(self.word_index(w.start), pos))[1]
                head = Word(w.start + 1, w.end, "ال" + w.text[2:], "ال" + w.folded[2:], "ال" + w.bare[2:])
                named = self._titled_person([head, *C.words(self.text, w.end, end)])
                return _Speaker("ال" + self.text[w.start + 2:end], w.start + 1, end, "person", named)
        return self._country_subject(s_start, pos)

    def _country_subject(self, s_start: int, pos: int) -> _Speaker | None:
        """Round 10: «ولم تعلق إسرائيل على تلك التقارير، لكنها قالت إنها …»: a place name right
        after the verb that opens the sentence (a negation «لم/لا/لن» may come first) is that
        verb's subject — a country speaking as a state — so a later cue of the same sentence
        with no subject of its own is that country's, not the previous quote's speaker."""
        ws = C.words(self.text, s_start, pos)
        if len(ws) < 2:
            return None
        verb_at = 1 if ws[0].folded in _SUBJECT_NEGATIONS and len(ws) > 2 else 0
        if not self._verb_initial(ws[verb_at]):
            return None
        subject = ws[verb_at + 1]
        ent = next((e for e in self.entities if e.start == subject.start and e.type == "LOC" and e.end <= pos), None)
        if ent is None or self.inside_quote(ent.start) or self.inside_segment(ent.start):
            return None
        return self._make_speaker(ent.start, ent.end)

    def _after_on(self, ent: Entity) -> bool:
        """Round 48: «جاء ذلك في مقابلة لكوك مع فريد زكريا على CNN، حيث قال:»: a name right after
        «على/عبر» in a relay sentence is where the words were said (the tagger may read «CNN» as a
        person), not who said them."""
        before = C.words(self.text, max(0, ent.start - 12), ent.start)
        # the preposition spelt with alef maqsura: folded, «على» and the name «علي» are one word
        return bool(before) and before[-1].text in ("على", "عبر") and not self.text[before[-1].end:ent.start].strip()

    def _channel_apposition(self, ent: Entity) -> bool:
        """Round 9: «أدلى به السفير لوكالة الأنباء الروسية، تاس، حيث قال:»: a name set off by a
        comma right after a ل-phrase naming the outlet the words were given to is that outlet's
        name, not a subject."""
        gap = self.text[max(0, ent.start - 3):ent.start]
        if "،" not in gap and "," not in gap:
            return False
        before = C.words(self.text, max(0, ent.start - 60), ent.start)[-4:]
        return any(_channel(w.bare) or w.bare.startswith("لل") and _channel("ل" + w.bare[2:]) for w in before)

    def _in_zone_aside(self, zw: list[Word], ent: Entity) -> bool:
        """Round 13: is the name inside a relative clause or an addressee phrase of the zone
        («ذكرت السلطات البريطانية التي تحقق في قضية تسميم سكريبال، بأنها»، «وقال البرعي لمراسل بي بي سي
        في القاهرة محمد حميده إن»)? Some word must stand before the relative or channel word."""
        for x in zw[1:]:
            if x.start >= ent.start:
                return False
            if x.folded in _ZONE_RELATIVES or _channel(x.bare, audience_only=True):
                return True
        return False

    def _after_preposition(self, ent: Entity) -> bool:
        """Round 33: does a preposition stand right before the mention («ودعت الخارجية القطرية إلى
        "سرعة الإفراج" عن الكربي، مطالبة …»)? Such a name is the object of a phrase inside the
        zone, never the subject that a subject head at the zone's start already opened."""
        prev = self._word_before(ent.start)
        return prev is not None and prev.folded in _PREPOSITIONS

    def _with_party(self, ent: Entity) -> bool:
        """Round 11: is the mention the other party of a «مع» phrase («في مؤتمر صحافي بأنقرة، مع
        الرئيس الصربي، ألكسندر فوسيتش»، «مشترك مع الرئيس الأميركي دونالد ترامب»)? «مع» within
        the four words before it, with only title words, adjectives and commas between."""
        before = C.words(self.text, max(0, ent.start - 80), ent.start)[-7:]
        for i in range(len(before) - 1, -1, -1):
            w = before[i]
            if w.folded in ("مع", "ومع"):
                return True
            if w.bare.startswith("بال") and "ال" + w.bare[3:] in C.TITLE_WORDS:
                return True  # Round 25: «أثناء لقائه في الرياض بالسفير الأميركي لدى اليمن، ماثيو تولر»
            if not (w.bare in C.TITLE_WORDS or w.bare.startswith("ال") or w.folded in _IN_TITLE_PHRASE):
                return False
        return False

    def _subject_head(self, w: Word) -> bool:
        """Can ``w`` open a subject: a title, source or organisation noun, or a name's first word?"""
        return w.bare in C.TITLE_WORDS or w.bare in C.ANONYMOUS_HEADS or w.bare in C.ORGANIZATION_HEADS \
            or any(e.start == w.start and e.type in ("PERS", "ORG") for e in self.entities)

    def _governed(self, ent: Entity) -> bool:
        """Is the mention the object of a preposition or an attribution («لفرانس برس»، «بحسب رويترز»)?

        Such a mention names a channel or a topic, not the person whose words a later
        pronoun cue («وأوضحت قائلة») continues.
        """
        folded, canon = C.fold(ent.text), C.fold(ent.canonical or ent.text)
        if folded[:1] in ("ل", "ب") and not canon.startswith(folded[:1]):
            return True
        prev = self._word_before(ent.start)
        if prev is not None and (prev.bare in C.ATTRIBUTION_CUES or prev.folded in _PREPOSITIONS
                                 or prev.folded in _TOPIC_GOVERNORS or prev.folded in ("عن", "لـ", "ل")):
            return True
        return self._acted_on(ent) or self._fronted_topic(ent.start)

    def _acted_on(self, ent: Entity) -> bool:
        """Round 43: «على مطالبة النقابة بإقالة ناجي جلول، مشددا»: a person right after بـ + a
        verbal noun is what the act is done to, never the speaker of a later participle."""
        prev = self._word_before(ent.start)
        return prev is not None and _bi_verbal_noun(prev) and not self.text[prev.end:ent.start].strip()

    def _word_before(self, pos: int) -> Word | None:
        """The word ending within 30 characters before ``pos`` (the one that governs a mention there)."""
        before = C.words(self.text, max(0, pos - 30), pos)
        return before[-1] if before else None

    def _fronted_topic(self, pos: int) -> bool:
        """«وحول موعد عودة غالب إلى الملاعب قال: …»: a sentence that opens with a topic
        phrase (حول، عن، بشأن، بخصوص) fronted before its verb names what is spoken about;
        a person inside it is the topic, and the verb's pronoun subject is the earlier speaker."""
        s_start, _ = self.sentence_of(pos)
        ws = C.words(self.text, s_start, pos)
        if not ws or C.fold(ws[0].bare.removeprefix("و")) not in _TOPIC_PREPOSITIONS:
            return False
        return not any(w.bare in C.SPEECH_VERBS or w.folded in C.SPEECH_VERBS for w in ws[1:])

    def _previous_subject(self, pos: int) -> _Speaker | None:
        """«وقدم أحد أفراد الشرطة نسخة ثالثة. وقال إن …»: a sentence opening with a verb
        and no subject continues the subject of the sentence before it (news narration
        keeps its topic), here a source noun phrase the tagger cannot see.

        Only a verb-initial previous sentence whose subject is an anonymous source, a
        title phrase or an organisation counts; the phrase runs over its genitives and stops at the first
        indefinite word after a definite one (an adjective agrees in definiteness, so that
        word is the verb's object)."""
        s_start, _ = self.sentence_of(pos)
        if C.words(self.text, s_start, pos)[1:]:
            return None  # the cue is not the sentence's first word
        prev = [b for b in self.sents if b[1] <= s_start]
        if not prev:
            return None
        ws = C.words(self.text, prev[-1][0], prev[-1][1])
        part = next((i for i in range(1, min(4, len(ws) - 5)) if ws[i].folded == "من" and ws[i + 1].folded in _ON_ONES_PART
                     and self._verb_initial(ws[i + 2])), None)
        if part is not None and "\n" not in self.text[ws[0].start:ws[part].start]:
            ws = ws[part:]  # Round 55: «رحيل الحكومة من جهته طالب الجيلاني الهمامي …»: a run-in heading first
        if len(ws) >= 5 and ws[0].folded == "من" and ws[1].folded in _ON_ONES_PART:
            ws = ws[2:]  # Round 15: «من جانبه، أكد مدير وكالة الحج …»: the fronted "for his part"
        elif len(ws) >= 6 and _other_side(ws):
            ws = ws[3:]  # Round 55: «من جهة أخرى، أكد …»: "on the other hand"
        elif len(ws) >= 4 and C.strip_conj(ws[0].folded) in _ON_ONES_PART:
            ws = ws[1:]  # «بدوره، قال …»
        else:
            ws = self._after_fronted_adverbial(ws)
        ws = self._without_honorific(ws)
        if len(ws) < 3 or self.inside_segment(ws[0].start) or self.inside_quote(ws[1].start):
            return None
        head = ws[1]
        # Round 24: «وأكد تنكيس الأعلام …»: after a speech verb the verbal noun is what was
        # announced, its object, and the verb itself continues an earlier subject
        if C.strip_conj(ws[0].bare) not in C.SPEECH_VERBS and self._construct_head(head, ws[2]):
            head = ws[2]  # «وكان رد رئيس الوزراء …»: the verbal noun's genitive is its agent
        ent = next((e for e in self.entities if e.start <= head.start < e.end), None)
        if ent is not None:
            # «أكد تحالف دعم الشرعية … . وأضاف أن»: an organisation subject; Round 9: a person
            # subject too («قدم سامر الخالدي اعتذاره للأمير … . وأوضح أن»), which a later person
            # of that sentence (its object) must not take over
            ok = (ent.type in ("ORG", "PERS") or ent.type == "MISC" and head.bare in C.ORGANIZATION_HEADS) \
                and ent.start == head.start and (self._verb_initial(ws[0]) or ws[0].bare in _GEMINATE_VERBS)
            # Round 53: «ردّ البيت الأبيض، الاثنين، على … . وأكد أن»: the tagger reads «البيت الأبيض» as
            # MISC, and «ردّ» has two letters once its shadda is gone
            return self._make_speaker(ent.start, ent.end) if ok else None
        if head.bare in C.TITLE_WORDS and self._verb_initial(ws[0]):
            titled = self._titled_subject(ws, ws.index(head))
            if titled is not None:
                return titled
        kin = head.bare in _KIN_HEADS and head is ws[1]
        if head.bare not in C.ANONYMOUS_HEADS and head.bare not in C.TITLE_WORDS \
                and head.bare not in C.ORGANIZATION_HEADS and not kin and _dual_of(head.bare) not in C.ORGANIZATION_HEADS:
            return None
        if ws[0].folded in ("من", "ومن") and head is ws[1]:
            return None  # Round 47: «ومن المقرر أن تمثل …» ("it is scheduled"): an impersonal, no subject
        end = head.end
        definite = head.bare.startswith("ال")
        for w in ws[ws.index(head) + 1:ws.index(head) + 5]:
            if self._gap(end, w.start).strip() or w.folded in C.SPEAKER_STOP or w.bare in _PREPOSITIONS \
                    or (definite and not w.bare.startswith("ال")) or self.in_time(w):
                break
            definite = definite or w.bare.startswith("ال")
            end = w.end
        if head.bare in C.TITLE_WORDS:
            # Round 14: «وشدد الوزير على … . وأضاف أن»: the title points back to the person it
            # introduced («وزير تكنولوجيا الاتصال محمد أنور معروف»), as in a speaker zone
            named = self._titled_person(C.words(self.text, head.start, end))
            if named is not None:
                return _Speaker(self.text[head.start:end], head.start, end, "person", named)
        if kin and end > head.end:
            return _Speaker(self.text[head.start:end], head.start, end, "person", None)
        return _Speaker(self.text[head.start:end], head.start, end, "anonymous", None)

    def _after_fronted_adverbial(self, ws: list[Word]) -> list[Word]:
        """Round 37: «وخلال المقابلة، شبه الأمير محمد بن سلمان، المرشد الإيراني …. وقال:»: a
        sentence that opens with a short prepositional or time phrase set off by a comma
        («وخلال المقابلة،»، «وفي كلمته،») has its clause, verb first, after the comma."""
        if not ws or C.strip_conj(ws[0].folded) not in _PREPOSITIONS | _TIME_PREPOSITIONS:
            return ws
        for i in range(1, min(len(ws), 5)):
            if "،" in self._gap(ws[i - 1].end, ws[i].start):
                rest = ws[i:]
                return rest if self._verb_initial(rest[0]) and rest[0].bare not in _PREPOSITIONS else ws
        return ws

    @staticmethod
    def _without_honorific(ws: list[Word]) -> list[Word]:
        """Round 55: «هنأ صاحب السمو الأمير جلوي بن عبدالعزيز …»، «وأكد معالي وزير الداخلية …»: the
        honorific after the opening verb ``ws[0]`` («صاحب السمو الملكي»، «معالي») stands before the
        title or name that heads the subject, so the subject is read from after it."""
        i = 1
        if len(ws) > 3 and ws[1].bare == _HONORIFIC_OWNER and ws[2].bare in _HONORIFICS:
            i = 3
        elif len(ws) > 2 and ws[1].bare in _HONORIFICS:
            i = 2
        if i > 1 and len(ws) > i + 1 and ws[i].bare in _ROYAL:
            i += 1
        return [ws[0], *ws[i:]] if i > 1 and len(ws) > i else ws

    @staticmethod
    def _verb_initial(first: Word) -> bool:
        """Round 9: does the previous sentence open with a perfect verb (its first word is no
        preposition, particle or definite noun)?  Only then is the word after it the subject."""
        bare = C.strip_conj(first.bare)
        if bare in C.ATTRIBUTION_CUES or first.folded in C.ATTRIBUTION_CUES or bare in _NOT_VERBS:
            return False  # «حسبما أوردت أسوسيتد برس.»: an attribution, its subject is no topic
        return len(bare) >= 3 and not bare.startswith("ال") and bare not in _PREPOSITIONS \
            and bare not in _TOPIC_PREPOSITIONS and not first.text[-1:].isdigit()

    def _titled_subject(self, ws: list[Word], h: int) -> _Speaker | None:
        """Round 9: «قدم الإعلامي سامر الخالدي …»، «استقبل وزير الخارجية أحمد سالم …»: a title
        phrase of up to four words with the person's name right after it is the subject."""
        for w in ws[h + 1:h + 5]:
            ent = next((e for e in self.entities if e.start == w.start), None)
            if ent is not None:  # «وكان الرئيس الأميركي، دونالد ترمب، قد قرر»: a name set off by commas too
                return self._make_speaker(ent.start, ent.end) if ent.type == "PERS" else None
            if "،" in self._gap(ws[h].start, w.start) or w.folded in C.SPEAKER_STOP:
                return None
        return None

    def _construct_head(self, head: Word, nxt: Word) -> bool:
        """Is ``head`` the first noun of a construct state whose genitive ``nxt`` names the
        person or body in focus («رد رئيس الوزراء»، «تصريحات وزير الخارجية»)?

        A construct head carries no article, no tanween alif and no pronoun suffix, and is
        no source noun itself; the genitive is a title, an organisation or source noun, or
        a person/organisation mention.  Such a verbal noun reports what its genitive did,
        so the genitive is the topic a following subjectless «وكتب:» continues."""
        if head.bare.startswith("ال") or head.bare in C.ANONYMOUS_HEADS | C.TITLE_WORDS | C.ORGANIZATION_HEADS:
            return False
        if _indefinite_object(head) or head.bare.endswith(("ه", "ها", "هم")) or len(head.bare) < 2:
            return False
        if C.COMPLEMENTISER_RE.match(head.folded):
            return False  # Round 23: «وأضاف ان المستشارة الالمانية …»: «ان» opens what was said
        if self._addressee_name(head):
            return False  # Round 17: «وتحدثت لبي بي سي عن …»: لـ + an outlet is whom she spoke to
        if self._gap(head.end, nxt.start).strip():
            return False
        ent = next((e for e in self.entities if e.start <= nxt.start < e.end), None)
        if ent is not None:
            return ent.type in ("PERS", "ORG") and ent.start == nxt.start
        return nxt.bare in C.TITLE_WORDS or nxt.bare in C.ANONYMOUS_HEADS or nxt.bare in C.ORGANIZATION_HEADS

    def _same_sentence(self, a: int, b: int) -> bool:
        """Round 9: do offsets ``a`` ≤ ``b`` lie in one sentence (the later person is then the
        object or a complement of the subject at ``a``, not the new topic)?"""
        return a <= b and self.sentence_of(a) == self.sentence_of(b)

    def _resolve_pronoun(self, pos: int) -> _Speaker | None:
        """Previous speaker, or a person mentioned (outside quotes) more recently than it;
        Round 20: a candidate the cue verb's gender rules out gives way to the next one."""
        focus = self._previous_subject(pos)
        pers = [e for e in self.entities if e.type == "PERS" and e.end <= pos and not self._governed(e)
                and not self.inside_quote(e.start) and not self.inside_segment(e.start)]
        found = self._pronoun_candidate(pos, focus, pers)
        gender = self._cue_gender(pos)
        if found is None or not A.disagree(gender, self._speaker_gender(found)):
            return found
        # «واعتبر أن …» after a quotation of «ميليشيات الحوثي»; «حيث قالت: …» after «المؤتمر
        # الصحفي اليومي للمتحدثة»: the verb agrees with another candidate in focus
        options = [focus, *(self._make_speaker(e.start, e.end) for e in reversed(pers[-3:])), self.last_speaker]
        for option in options:
            if option is not None and option.text != found.text \
                    and not A.disagree(gender, self._speaker_gender(option)):
                return _Speaker(option.text, option.start, option.end, "pronoun", option.entity)
        return found

    def _cue_gender(self, pos: int) -> A.Gender | None:
        """Gender of the speech verb starting at ``pos`` (None when no verb starts there:
        a quote mark, an attribution word)."""
        at = self.word_index(pos)
        if not 0 <= at < len(self.words) or self.words[at].start != pos:
            return None
        return A.verb_gender(self.words[at].bare)

    def _speaker_gender(self, sp: _Speaker) -> A.Gender | None:
        """Gender of a candidate speaker, read with its entity type where it has one; a
        person's bare name takes the gender the article gives it elsewhere (Round 40)."""
        ent = next((e for e in self.entities if e.start <= sp.start < e.end), None)
        gender = A.phrase_gender(sp.text, ent.type if ent is not None else None)
        if gender == "m" and ent is None and sp.kind in ("person", "pronoun") and _name_like(sp.text):
            return None  # Round 56: «قالت بارول خاتون (35 عاماً) …»: a name the tagger missed is not masculine by default
        if gender is None and ent is not None and ent.type == "PERS":
            return self._person_gender(ent)
        return gender

    def _person_gender(self, ent: Entity) -> A.Gender | None:
        """Round 40: «وقالت: "أنا ممثلة كوميدية"» after «واعتذرت جريفين» and «قال ترامب» — a
        bare foreign name says nothing, but the article does: a speech verb right before a
        mention («وقالت آردين»), a relative pronoun right after it («آردين التي»), a title
        («الوزيرة»). Every mention sharing the name's last word votes; None unless they agree."""
        key = _last_word(ent)
        if key in self._genders:
            return self._genders[key]
        votes: set[str] = set()
        for e in self.entities:
            if e.type != "PERS" or _last_word(e) != key:
                continue
            title_words = C.words(e.title or "")
            if title_words and title_words[0].bare in C.TITLE_WORDS:
                title = A.phrase_gender(e.title or "", None)
                if title is not None:
                    votes.add(title)
            at = self.word_index(e.start)
            if 0 < at <= len(self.words) and not self.text[self.words[at - 1].end:e.start].strip():
                verb = A.verb_gender(self.words[at - 1].bare)
                if verb is not None:
                    votes.add(verb)
            after = C.words(self.text, e.end, min(len(self.text), e.end + 12))
            if after and not self.text[e.end:after[0].start].strip(" \t،,"):
                relative = _RELATIVE_GENDER.get(after[0].folded)
                if relative is not None:
                    votes.add(relative)
        gender: A.Gender | None = None
        if votes == {"f"}:
            gender = "f"
        elif votes == {"m"}:
            gender = "m"
        self._genders[key] = gender
        return gender

    def _pronoun_candidate(self, pos: int, focus: _Speaker | None, persons: list[Entity]) -> _Speaker | None:
        """The resolver's first choice: the subject in focus, a person named since the last
        quote, or the last speaker. ``focus`` is :meth:`_previous_subject` at ``pos`` and
        ``persons`` the persons named before ``pos`` outside quotes (the resolver has both)."""
        pers = [e for e in persons if not self._with_party(e) and C.fold(e.text) not in _FORMULAS]
        cand = None
        if focus is not None and (not pers or pers[-1].start < focus.start or self._same_sentence(focus.start, pers[-1].start)) and (
                self.last_speaker is None or focus.start > self.last_speaker_at):
            return _Speaker(focus.text, focus.start, focus.end, "pronoun", focus.entity)
        if pers and (self.last_speaker is None or pers[-1].start > self.last_speaker_at) and not (
                self.last_speaker is not None and self.last_speaker.kind == "person"
                and self._same_sentence(self.last_speaker_at, pers[-1].start)):
            # Round 17: «واعتبر أن الأمر "خطير"، بحسب تعبيره … بشأن تعيين يوسف الشاهد … . وأكد أن»:
            # a person named after a speaker's cue in that speaker's sentence is what was
            # spoken about; the pronoun continues the speaker
            e = pers[-1]
            sp = self._make_speaker(e.start, e.end)
            if sp is not None:
                cand = sp
        if cand is None and self.last_speaker is not None:
            cand = self.last_speaker
        if cand is None:
            return None
        return _Speaker(cand.text, cand.start, cand.end, "pronoun", cand.entity)
