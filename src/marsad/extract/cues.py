"""Cue lexicons for quote and event extraction, and the word folding they rely on.

Arabic news attributes speech with a small, very regular vocabulary: a speech verb
(قال، أضاف، أكد …) in any person/number, usually with a conjunction clitic (وقال،
فقالت), followed by the speaker and a complementiser (إن، أن، بأن، إلى أن).  The
lexicons below list *folded* stems (see :func:`fold`), so one entry matches every
spelling variant of alef, ya and ta marbuta; :func:`strip_conj` removes the و/ف
clitic before lookup.  Keeping these as plain data lets the rules in ``quotes.py``
stay short and lets a linguist extend the lists without reading the matcher.

The last section holds the text-structure helpers both the quote and the event rules
use: quote-mark pairing (:func:`find_segments`) and sentence bounds with a fallback
when no segmenter ran (:func:`sentence_bounds`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from marsad.model import Article
from marsad.text.normalize import normalize

WORD_RE = re.compile(r"[\w\u0640\u064b-\u065f\u0670]+")


def fold(word: str) -> str:
    """Remove diacritics/tatweel and merge alef, hamza-seat, ya and ta-marbuta variants.

    Matching on folded forms is what makes one lexicon entry cover «أكد», «اكد» and
    «أكّد»; it is deliberately more aggressive than display normalisation.
    """
    return normalize(word, digits=False)


def strip_conj(folded: str) -> str:
    """Drop one leading conjunction clitic (و / ف) unless the و/ف belongs to the word.

    Words whose first letter is a root و/ف (وزارة، وكالة، وسائل، وفقا، فريق …) are kept
    whole, with or without the ال article, even when a real و precedes them (ووزارة).
    """
    if len(folded) > 3 and folded[0] in "وف":
        if _root_initial(folded) and not _root_initial(folded[1:]):
            return folded
        return folded[1:]
    return folded


def _root_initial(folded: str) -> bool:
    base = folded.removeprefix("ال")
    return any(base.startswith(stem) for stem in _ROOT_WAW_FA)


# Stems (folded, without ال) whose first و/ف is part of the root, not a conjunction.
_ROOT_WAW_FA = tuple(fold(w) for w in (
    "وزار", "وزير", "وكال", "وسائل", "وفق", "وفد", "والي", "ولي", "وحد", "وطن", "وقف", "وقع", "وصف", "وضع",
    "وصل", "وجه", "وثيق", "وعد", "ورد", "فريق", "فرنس", "فلسطين", "فصيل", "فرع", "فترة", "فكر",
    "وزرا",  # Round 8: «وزراء» (ministers), as in «رئيس وزراء مقدونيا»
))


@dataclass(frozen=True, slots=True)
class Word:
    """One word of a text with its offsets and folded forms."""

    start: int
    end: int
    text: str
    folded: str  # fold(text)
    bare: str  # fold(text) without a leading و/ف


def words(text: str, start: int = 0, end: int | None = None) -> list[Word]:
    """Words of ``text[start:end]`` with absolute offsets."""
    stop = len(text) if end is None else end
    out: list[Word] = []
    for m in WORD_RE.finditer(text, start, stop):
        f = fold(m.group())
        out.append(Word(m.start(), m.end(), m.group(), f, strip_conj(f)))
    return out


def iter_forms(*stems: str) -> Iterator[str]:
    for s in stems:
        yield fold(s)


# --------------------------------------------------------------------- speech verbs
# Folded finite forms (perfect + imperfect, 3rd person sg/pl, m/f).  The value is the
# lemma shown as the cue's "family".
SPEECH_VERBS: dict[str, str] = {}


def _add(lemma: str, *forms: str) -> None:
    for f in forms:
        SPEECH_VERBS[fold(f)] = lemma


_add("قال", "قال", "قالت", "قالوا", "قلن", "يقول", "تقول", "يقولون", "قالا", "قالتا")
_add("أضاف", "أضاف", "أضافت", "أضافوا", "يضيف", "تضيف", "يضيفون", "أضافا")
_add("أكد", "أكد", "أكدت", "أكدوا", "يؤكد", "تؤكد", "يؤكدون", "أكدا", "اكد")
_add("أوضح", "أوضح", "أوضحت", "أوضحوا", "يوضح", "توضح")
_add("أشار", "أشار", "أشارت", "أشاروا", "يشير", "تشير", "يشيرون")
_add("ذكر", "ذكر", "ذكرت", "ذكروا", "يذكر", "تذكر")
_add("أفاد", "أفاد", "أفادت", "أفادوا", "يفيد", "تفيد")
_add("صرح", "صرح", "صرحت", "صرحوا", "يصرح", "تصرح")
_add("نفى", "نفى", "نفت", "نفوا", "ينفي", "تنفي")
_add("أعلن", "أعلن", "أعلنت", "أعلنوا", "يعلن", "تعلن")
_add("كشف", "كشف", "كشفت", "كشفوا", "يكشف", "تكشف")
_add("اعتبر", "اعتبر", "اعتبرت", "اعتبروا", "يعتبر", "تعتبر")
_add("رأى", "رأى", "رأت", "رأوا", "يرى", "ترى")
_add("لفت", "لفت", "لفتت", "لفتوا")
_add("تابع", "تابع", "تابعت")
_add("أردف", "أردف", "أردفت")
_add("استطرد", "استطرد", "استطردت")
_add("شدد", "شدد", "شددت", "شددوا", "يشدد", "تشدد")
_add("زعم", "زعم", "زعمت", "زعموا", "يزعم")
_add("حذر", "حذر", "حذرت", "حذروا", "يحذر", "تحذر")
_add("أبلغ", "أبلغ", "أبلغت")
_add("أعرب", "أعرب", "أعربت")
_add("نوه", "نوه", "نوهت")
_add("اعترف", "اعترف", "اعترفت")
_add("أقر", "أقر", "أقرت")
_add("ختم", "ختم", "ختمت", "اختتم", "اختتمت")  # Round 20: «واختتم فولر بيانه بالقول: "…"»
_add("استدرك", "استدرك", "استدركت")
_add("بين", "بينت")
_add("أفصح", "أفصح", "أفصحت")
_add("دعا", "دعا", "دعت")  # only counts when followed by a direct quote or إلى أن
_add("حث", "حث", "حثت", "حثوا", "يحث", "تحث")  # «وحثت المنظمة السلطات على "…"»: the appeal is quoted
_add("طالب", "طالبت", "طالبوا", "يطالب", "تطالب", "طالبه", "طالبها", "طالبهم")  # «طالبها بأن تعدّل …»
_add("ناشد", "ناشد", "ناشدت", "ناشدوا")
_add("أخبر", "أخبر", "أخبرت", "أخبروا")
_add("كتب", "كتب", "كتبت", "يكتب", "تكتب", "كتبوا")
_add("غرد", "غرد", "غردت", "غردوا", "يغرد", "تغرد")  # round 10: «وغرد على تويتر: "…"», tweeting is writing
_add("ادعى", "ادعى", "ادعت", "يدعي", "تدعي", "ادعوا")
_add("وصف", "وصف", "وصفت", "وصفوا", "يصف", "تصف",
     "وصفه", "وصفها", "وصفهم")  # Round 11: «ووصفها مديرها السابق مايك بومبيو: "…"» (the object attached)
# Round 11: a threat with its words («وهددت الجماعة … بأنهم "لن يذوقوا طعم الأمان"»); «هدد بالانسحاب»
# (a noun object) gives none (NEEDS_COMPLEMENTISER)
_add("هدد", "هدد", "هددت", "هددوا", "يهدد", "تهدد", "توعد", "توعدت", "توعدوا", "يتوعد", "تتوعد")
_add("عبر", "عبر", "عبرت", "عبروا", "يعبر", "تعبر")
_add("علق", "علق", "علقت", "علقوا", "يعلق", "تعلق")
_add("أصر", "أصر", "أصرت", "أصروا", "يصر", "تصر")
_add("جاء", "جاء")  # «وجاء في بيان … أن»: a relay, the source follows في
# Round 27: verbs of reporting and remarking common in Maghrebi and agency copy («وأوردت محطة نوش
# أن "…"»، «وأبرز الأمين العام أن "…"»، «ولاحظ الوزير أن …»); with a plain object they narrate
# («أبرز دور …»، «لاحظ تحسنا»), so they need a complementiser (NEEDS_COMPLEMENTISER). «لاحظ الناس
# أن …» (noticing) is the cost: on the open sets it gave 2 false quotes against 4 found
_add("أورد", "أورد", "أوردت", "أوردوا", "يورد", "تورد")
_add("أبرز", "أبرز", "أبرزت", "أبرزوا", "يبرز", "تبرز")
_add("لاحظ", "لاحظ", "لاحظت", "لاحظوا", "يلاحظ", "تلاحظ")
_add("زعم", "تزعم")
# Round 8: commitments and forecasts are speech acts with a complement clause («تعهد كيم بأن
# …»، «توقع صندوق النقد أن …»، «المصدر يرجح أن …»); with a plain object («تعهد بالرد») they
# give no quote (NEEDS_COMPLEMENTISER below), and an imperfect with no subject of its own
# («ويتوقع أن يرتفع …», "it is expected") is impersonal — see quote_verbs._impersonal_forecast.
_add("تعهد", "تعهد", "تعهدت", "تعهدوا", "يتعهد", "تتعهد")
_add("أدان", "دان", "دانت")  # «دان رئيس الجمعية … الانفجار»: condemned (a name «دان» is rare in Arabic news)
_add("توقع", "توقع", "توقعت", "توقعوا", "يتوقع", "تتوقع", "يتوقعون")
_add("رجح", "رجح", "رجحت", "رجحوا", "يرجح", "ترجح", "يرجحون")
# Round 9: hinting and speculating report a clause too («وألمحت الوكالة إلى أن …»، «وتكهنت بأنها
# …»); with a plain object they give no quote (NEEDS_COMPLEMENTISER).
_add("لمح", "لمح", "لمحت", "لمحوا", "ألمح", "ألمحت", "ألمحوا", "يلمح", "تلمح")
_add("تكهن", "تكهن", "تكهنت", "تكهنوا", "يتكهن", "تتكهن")
# Round 9: the jussive after «لم» («لكنه لم يقل سوى إن …»); spelt like «يقلّ» "is less", so the
# quote finder accepts it only right after «لم» (quote_verbs: JUSSIVE_SAY)
_add("قال", "يقل", "تقل")
JUSSIVE_SAY = frozenset(fold(w) for w in ("يقل", "تقل"))
# Round 15: dual subjects («وقالت الكتائب وسرايا القدس … وشددتا على أن "…"»): the feminine dual
# perfect (…تا) of every verb above, and the masculine dual where it is not also an accusative
# noun («نفيا قاطعا»، «رأيا»، «ذكرا»، «كشفا» stay out)
for _form, _lemma in list(SPEECH_VERBS.items()):
    if _form.endswith("ت") and _form[:-1] in SPEECH_VERBS:  # «أكدت» beside «أكد»: a feminine perfect
        SPEECH_VERBS.setdefault(_form + "ا", _lemma)
for _form, _lemma in (("نفتا", "نفى"), ("دعتا", "دعا"), ("رأتا", "رأى"), ("أوضحا", "أوضح"), ("أشارا", "أشار"),
                      ("أفادا", "أفاد"), ("صرحا", "صرح"), ("أعلنا", "أعلن"), ("اعتبرا", "اعتبر"), ("شددا", "شدد"),
                      ("حذرا", "حذر"), ("لفتا", "لفت"), ("تابعا", "تابع"), ("أعربا", "أعرب"), ("ناشدا", "ناشد")):
    SPEECH_VERBS.setdefault(fold(_form), _lemma)

# Round 8: the lemmas of speech acts that are not plain reporting (a forecast, a commitment):
# they open a reported clause after their own subject, but a sentence opening with them inside
# a quotation («… .. وتوقعت أن يفشلوا») is the quoted speaker's own first person, not the
# narrator's next attribution, so they never cut a quotation mark pair.
WEAK_SPEECH = frozenset(fold(v) for v in ("توقع", "رجح", "تعهد"))


def narrator_cue(bare: str) -> bool:
    """Is ``bare`` a speech verb that can mark the narrator's next attribution?"""
    return bare in SPEECH_VERBS and fold(SPEECH_VERBS[bare]) not in WEAK_SPEECH


# Verbs that are speech only when a colon opens their quotation («فيما رد الزوج في الجلسة: …»).
# Kept out of SPEECH_VERBS: «رد» is as often the noun "reply" («وقال في رد على سؤال إن»،
# «وكان رد رئيس الوزراء … بأن»), which must neither open a clause nor end a speaker zone.
COLON_ONLY_VERBS = frozenset(fold(v) for v in (
    "رد", "ردت", "ردوا", "يرد", "ترد",  # Round 8: «وترد عليه بعفوية: "…"»
    "ليرد", "لترد",  # Round 20: «ليرد المحافظ: "…"» (لـ of sequence: "whereupon he replied")
    # dialogue verbs: «وتساءل القاضي: "هل …؟"»، «فأجابه نبيل: "…"» — with a colon only, since
    # «تساءل عن …» (wondered about) and «أجاب عن سؤال» take a plain object
    "أجاب", "أجابت", "أجابوا", "أجابه", "أجابها", "أجابهم", "أجابته",
    # the present of تابع in feature narration: «وتتابع: "كنت أدرك …"»; with a colon only,
    # since «تتابع الوزارة الوضع» (follows, monitors) is the commoner sense
    "يتابع", "تتابع",
    # «وزاد: "…"» (he added), common in Gulf news; without a colon زاد is "increased"
    "زاد",
))

# Round 8: verbs of shouting, chanting, asking and urging introduce words only in quote marks
# (or after a colon): «وهتفوا "عار .. عار"»، «وهو يصرخ "…"»، «كانت تسألهن "كيف كان الأمر"»،
# «وأهابت السفارة بمواطنيها "أن يتبعوا …"». Without marks they narrate an act («صرخ من الألم»،
# «تساءل عن الأمر»، «أهاب بالمواطنين التقيد …»), so a complementiser never opens a quote after them.
MARK_ONLY_VERBS = frozenset(fold(v) for v in (
    "هتف", "هتفت", "هتفوا", "يهتف", "تهتف", "يهتفون",
    "صرخ", "صرخت", "صرخوا", "يصرخ", "تصرخ", "يصرخون",
    "صاح", "صاحت", "صاحوا", "يصيح", "تصيح", "يصيحون",
    "ردد", "رددت", "رددوا", "يردد", "تردد", "يرددون",
    "تساءل", "تساءلت", "تساءلوا", "يتساءل", "تتساءل", "يتساءلون",
    "سأل", "سألت", "سألوا", "يسأل", "تسأل", "سأله", "سألها", "سألهم", "يسأله", "يسألها", "يسألهم",
    "تسأله", "تسألها", "تسألهم", "تسألهن", "سألته", "سألتها", "سألتهم",
    "أهاب", "أهابت",
    # Round 32: verbs of welcoming, congratulating, recommending and warning whose words follow in
    # marks («ورحب كورتز "بالتعاون الإيجابي الذي نرغب في تطويره …"»، «هنأت الحركة ترامب "بالثقة التي
    # منحه إياها الشعب"»، «وأوصت الوزارة "بتفادي …"»، «نبّه أيضاً "بعدم وجود تأكيد نهائي …"»): all four
    # such marks in the open sets are direct quotes; without marks their object is a plain noun
    "رحب", "رحبت", "رحبوا", "يرحب", "ترحب",
    "هنأ", "هنأت", "هنأوا", "يهنئ", "تهنئ",
    "أوصى", "أوصت", "أوصوا", "يوصي", "توصي",
    "نبه", "نبهت", "نبهوا", "ينبه", "تنبه",
))
# Round 10: speech nouns owned by their speaker, right before a complementiser («على إعلانه أن
# …»، «رغم تأكيدها أن …», see quote_verbs._noun_cue); without the pronoun there is no speaker
POSSESSED_SPEECH_NOUNS = frozenset(
    fold(noun + suffix) for noun in ("إعلان", "تأكيد", "قول", "تصريح", "اعتراف", "زعم", "ادعاء", "توضيح", "تحذير")
    for suffix in ("ه", "ها", "هم", "هما"))
# Round 10: the asking verbs among them also report an indirect question («تساءل … عما إذا …»)
ASKING_VERBS = frozenset(v for v in MARK_ONLY_VERBS
                         if v.startswith(tuple(fold(x) for x in ("تساءل", "يتساءل", "تتساءل", "سأل", "يسأل", "تسأل"))))
# words naming what was chanted or written, the object of «ردد/رفع» («رددوا هتافات تقول "…"»)
CHANT_OBJECTS = frozenset(fold(w) for w in (
    "هتافات", "شعارات", "عبارات", "لافتات", "كلمات", "هتافا", "شعارا", "عبارة", "لافتة"))

# A document's wording: «وينص الفصل 31 على أنه "…"»، «نصت الاتفاقية على أن …». The text is
# the speaker. Kept out of SPEECH_VERBS (the noun «نص القرار» is common); a cue only with
# «على أن» after its subject.
DOCUMENT_VERBS = frozenset(fold(v) for v in ("نص", "نصت", "ينص", "تنص"))

# Verbs that are ambiguous outside speech: they only count with an explicit
# complementiser or quote mark after the speaker zone, never with «:» alone.
NEEDS_COMPLEMENTISER = frozenset(fold(v) for v in (
    "أعلن", "كشف", "اعتبر", "رأى", "شدد", "زعم", "حذر", "أبلغ", "أعرب", "نوه", "اعترف",
    "أقر", "بين", "دعا", "أشار", "لفت", "أفصح", "وصف", "عبر", "علق", "حث", "طالب", "ناشد",
    "تعهد", "توقع", "رجح", "دان", "لمح", "تكهن", "هدد", "توعد",
    "أورد", "أبرز", "لاحظ",
))

# Impersonal cues that have no speaker («يذكر أن …» = "it should be noted that").
IMPERSONAL = frozenset(fold(v) for v in ("يذكر", "يشار", "يذكرأن", "يجدر"))

# Verbs whose zone names the addressee, not the speaker («وأبلغ رويترز بأن …»).
ADDRESSEE_VERBS = frozenset(fold(v) for v in ("أبلغ", "أبلغت", "أخبر", "أخبرت", "أبلغوا"))

# Participles that attribute speech to the clause's subject: «… مؤكدا أن …».
SPEECH_PARTICIPLES: dict[str, str] = {}
for _lemma, _forms in {
    "أضاف": ("مضيفا", "مضيفة", "مضيفين"),
    "أكد": ("مؤكدا", "مؤكدة", "مؤكدين"),
    "أوضح": ("موضحا", "موضحة", "موضحين"),
    "أشار": ("مشيرا", "مشيرة", "مشيرين"),
    "لفت": ("لافتا", "لافتة"),
    "اعتبر": ("معتبرا", "معتبرة", "معتبرين"),
    "شدد": ("مشددا", "مشددة"),
    "قال": ("قائلا", "قائلة", "قائلين"),
    "أردف": ("مردفا", "مردفة"),
    "نوه": ("منوها", "منوهة"),
    "حذر": ("محذرا", "محذرة"),
    "كشف": ("كاشفا", "كاشفة"),
    "نفى": ("نافيا", "نافية"),
    "أعرب": ("معربا", "معربة"),
    "قول": ("بقوله", "بقولها"),
    "لاحظ": ("ملاحظا", "ملاحظة"),
    "دعا": ("داعيا", "داعية", "داعين"),  # «داعياً المولى أن يحفظ …»: an appeal with its clause
    "أبرز": ("مبرزا", "مبرزة"),
    "بين": ("مبينا", "مبينة", "مبينين"),
    "تابع": ("متابعا", "متابعة"),
    "توقع": ("متوقعا", "متوقعة", "متوقعين"),
}.items():
    for _f in _forms:
        SPEECH_PARTICIPLES[fold(_f)] = _lemma

# Round 27: «اكتفى ترامب بالقول "…"»، «ومضى للقول، "…"»: the verbal noun of saying after a verb
# that is no speech verb (اكتفى، مضى) introduces the words of that verb's subject. After a speech
# verb («وتابع بالقول إن») the verb's own cue has already taken the quote, so the main loop only
# meets these words when no speech verb did.
SAYING_MASDARS = frozenset(fold(w) for w in ("بالقول", "للقول"))

# Complementisers that open a reported clause (folded, clitic pronouns allowed after).
COMPLEMENTISER_RE = re.compile(r"^(?:ب)?[اإأ]ن(?:ه|ها|هم|هما|هن|ني|نا|ك|كم)?$")
COMPLEMENTISER_PREPS = frozenset({"الي", "علي", "من", "عن", "ب"})  # أشار إلى أن، شدد على أن

# Attribution phrases: the source follows the cue.  Values are the number of words
# the cue occupies (بحسب = 1; وفقا لـ = 1 + the لـ clitic on the next word).
ATTRIBUTION_CUES = frozenset(fold(w) for w in (
    "بحسب", "حسب", "حسبما", "وفقا", "وفق", "طبقا", "نقلا", "كما",
))

# Verbs that take «عن» + source: «نقلت وكالة الأنباء عن مصدر …».
RELAY_VERBS = frozenset(fold(v) for v in ("نقل", "نقلت", "نقلوا", "ينقل", "تنقل", "روى", "روت", "نسب", "نسبت",
                                          "علمت", "علم", "جاء"))

# Heads of anonymous-source noun phrases.
ANONYMOUS_HEADS = frozenset(fold(w) for w in (
    "مصدر", "مصادر", "مسؤول", "مسؤولون", "مسؤولين", "مسئول", "مسئولون", "دبلوماسي", "دبلوماسيون",
    "دبلوماسيين", "شهود", "شاهد", "ناشطون", "ناشطين", "ناشط", "سكان", "مراقبون", "خبراء",
    "محللون", "مقربون", "مصدرا", "مسؤولا", "مسؤولة", "مصدرين", "أوساط", "جهات", "متحدث",
    "متحدثة", "مواطنون", "عامل", "عمال", "شخص", "أشخاص", "تقارير", "تقرير", "معلومات",
    "أحد", "إحدى",  # «أحد أفراد الشرطة»، «إحدى الناجيات»: one unnamed member of a group
    "ضابط", "ضباط", "محققون", "محققين",  # «بحسب ما قاله الضباط»
    "ممثل", "ممثلة", "ممثلو", "ممثلي",  # Round 11: «أكد فيه ممثل الشركة التونسية للملاحة أن»
))

# Heads of organisation noun phrases (when NER found nothing).
ORGANIZATION_HEADS = frozenset(fold(w) for w in (
    "وسائل", "الإعلام", "الاعلام", "إعلام", "السلطات", "سلطات", "مؤسسة", "المؤسسة", "وزارة", "الوزارة", "صحيفة", "الصحيفة", "وكالة", "الوكالة", "الحكومة", "حكومة", "الجيش", "جيش",
    "الشرطة", "شرطة", "هيئة", "الهيئة", "منظمة", "المنظمة", "بيان", "البيان", "شركة", "الشركة",
    "مجلس", "المجلس", "لجنة", "اللجنة", "موقع", "الموقع", "قناة", "القناة", "التلفزيون", "تلفزيون",
    "الرئاسة", "رئاسة", "السفارة", "سفارة", "البرلمان", "حزب", "الحزب", "حركة", "الحركة", "جماعة",
    "الجماعة", "التحالف", "تحالف", "الأمم", "الاتحاد", "اتحاد", "مكتب", "المكتب", "إدارة", "الإدارة",
    "مديرية", "المديرية", "نقابة", "النقابة", "جمعية", "الجمعية", "محكمة", "المحكمة", "النيابة",
    "المرصد", "مرصد", "البنك", "بنك", "الديوان", "ديوان", "القيادة", "قيادة", "الخارجية", "الداخلية",
    "الدفاع", "البيت", "الكرملين", "البنتاغون", "الاليزيه", "الإليزيه", "بلاغ", "البلاغ",
    "صندوق", "الصندوق",  # «صندوق النقد الدولي»
    "المركز", "مركز",  # Round 15: «ونشر المركز الإعلامي للمنطقة العسكرية الخامسة … . وأوضح أن»
    "الشؤون", "الشئون",  # Round 19: «نفت الشئون الصحية بحائل …، مؤكدة أن» (a Saudi health directorate)
))

# Titles and offices that start a person's noun phrase.
TITLE_WORDS = frozenset(fold(w) for w in (
    "اللواء", "العميد", "العقيد", "الفريق", "المشير", "الرائد", "النقيب", "الجنرال", "الرئيس", "رئيس",
    "الوزير", "وزير", "وزيرة", "الوزيرة", "السفير", "سفير", "الدكتور", "د", "الشيخ", "الأمير", "الملك",
    "السيد", "السيدة", "النائب", "نائب", "المتحدث", "الناطق", "مدير", "المدير", "الأمين", "أمين",
    "المستشار", "مستشار", "القاضي", "المحامي", "الأستاذ", "البروفيسور", "الكاتب", "الصحفي", "العاهل",
    "ولي", "المبعوث", "مبعوث", "قائد", "القائد", "زعيم", "الزعيم", "المرشد", "محافظ", "المحافظ",
    "والي", "الوالي", "عضو", "رئيسة", "الرئيسة", "الخبير", "الباحث", "المدرب", "مدرب", "اللاعب",
    "الأستاذة", "الدكتورة", "الناطقة", "المتحدثة", "المقرر", "المفوض", "المنسق", "المفوضة", "المساعدة",
    "النقيب", "نقيب", "القائم", "السيناتور", "المدعي", "الأمينة", "المندوبة", "الملكة", "الإمام", "البابا", "المندوب", "مندوب", "الممثل", "الممثلة", "المرشح", "المرشحة",
    # Round 8: descriptive heads that take a name in apposition like a title («دعا رجل الدين
    # الشيعي العراقي، مقتدى الصدر، …»، «قال الناشط الحقوقي، فلان، إن»)
    "رجل", "الناشط", "الناشطة", "الفنان", "الفنانة", "المغني", "المغنية", "الداعية", "الشاعر",
    "الروائي", "المحلل", "الإعلامي", "الإعلامية", "المؤرخ", "رجل الأعمال",
    # Round 22: «وقالت المحررة السياسية في بي بي سي لورا كوينزبيرغ»
    "المحرر", "المحررة", "محرر", "محررة",
    # Round 23: feminine forms of titles («قالت النائبة في مجلس نواب الشعب …، زهرة إدريس، إن»)
    "النائبة", "نائبة", "السفيرة", "سفيرة", "المديرة", "مديرة", "القاضية",
    "المحامية", "الكاتبة", "الصحفية", "الباحثة", "الخبيرة", "المدربة", "اللاعبة", "المبعوثة",
    "عضوة",
))

# Pronoun subjects that stand for an earlier speaker.
PRONOUNS = frozenset(fold(w) for w in ("هو", "هي", "هم", "هما", "هن",
                                        # Round 12: honorifics that stand for the person in focus
                                        # («وأوضح معاليه أن …»، «وأكد سموه»), as a pronoun does
                                        "معاليه", "معاليها", "سموه", "سموها", "فضيلته", "سعادته", "سعادتها",
                                        "جلالته", "فخامته", "دولته"))

# Words that end a speaker noun phrase when no entity tells us where it ends.
SPEAKER_STOP = frozenset(fold(w) for w in (
    "إن", "أن", "بأن", "إنه", "انه", "أنه", "في", "خلال", "أمام", "اليوم", "أمس", "الثلاثاء", "الأربعاء",
    "الخميس", "الجمعة", "السبت", "الأحد", "الاثنين", "عقب", "بعد", "قبل", "عن", "على", "إلى", "حول",
    "بشأن", "لدى", "عبر", "ضمن", "أثناء", "مساء", "صباح", "الليلة", "لقناة", "لصحيفة", "لوكالة",
    "لموقع", "لـ", "ل", "القول", "قوله", "إنها", "أنها", "إنهم", "أنهم", "بأنه", "بأنها", "بينما", "حين", "عندما",
    # «أكدوا بشكل منفصل»، «قال بصورة رسمية»: a manner adverbial (بشكل/بصورة + adjective)
    # stands where a subject could, but is never one
    "بشكل", "بصورة", "بالمناسبة",
    # «وقال لمراسل "الجوهرة"»: a لـ-reporter is whom the words were told to (as لقناة)
    "لمراسل", "لمراسلة", "لمراسلي", "لمندوب",
    "دون", "بدون",  # Round 14: «وأضاف دون الخوض في التفاصيل "…"»: a manner phrase, no subject
    "وسط",  # Round 22: «وأضاف وسط تصفيق البرلمانيين "…"»: a circumstance, no subject
    # Round 36: «وتابع الرئيس الاميركي غداة تنصيبه "…"»: a time relation ends the subject's phrase
    "غداة", "إثر", "اثر", "قبيل", "عشية", "فور",
))

# Words that may precede the noun phrase and are not part of it.
SPEAKER_SKIP = frozenset(fold(w) for w in ("من", "جهته", "جانبه", "جهتها", "جانبها", "ناحيته", "بدوره", "بدورها", "أيضا", "كذلك",
                                          "سابقا", "مؤخرا", "لاحقا", "مجددا", "حينها", "آنذاك", "أخيرا", "وقتها",
                                          "بدورهم", "جهتهم", "جانبهم", "أمس", "اليوم", "مساء", "صباح",
                                          "جديد",  # Round 11: «تؤكد من جديد أنها» (anew), after «من»
                                          # Round 14: «نفى بعدها أن»: a time adverb before the clause
                                          "بعدها", "بعده", "قبلها", "عندها", "حينئذ", "يومها",
                                          # Round 55: «وكان أعلن قبلا أنه»، «أعلن مسبقا»: "before"
                                          "قبلا", "مسبقا", "سلفا"))


# --------------------------------------------------------------- text structure
# Quote marks, sentence bounds and quoted segments: shared by the quote and event rules.

OPEN_MARKS = {"«": "»", "“": "”", '"': '"', "„": "”"}
SENT_END = re.compile(r"[.!?؟]+[\"»”]?|\n")
TRIM = " \t\n،,.:؛;-–—"


@dataclass(slots=True)
class Segment:
    """Content of a quoted segment: ``start`` after the opening mark, ``end`` before the closing one."""

    open: int
    start: int
    end: int
    close: int  # index of the closing mark (== end for an unclosed mark)
    used: bool = False
    closed: bool = True  # False: the source never closed the mark; the span is inferred


def sentence_bounds(article: Article) -> list[tuple[int, int]]:
    """Sentence spans from the layer, or a plain punctuation split when it is absent."""
    spans = [(s.start, s.end) for s in article.sentences]
    if spans:
        return spans
    out: list[tuple[int, int]] = []
    start = 0
    for m in SENT_END.finditer(article.text):
        if article.text[start:m.end()].strip():
            out.append(_strip(article.text, start, m.end()))
        start = m.end()
    if article.text[start:].strip():
        out.append(_strip(article.text, start, len(article.text)))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def find_segments(text: str) -> list[Segment]:
    """Pair quote marks.  «» nest-aware over up to 3000 chars; “” and "" within one paragraph."""
    segs: list[Segment] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch == "«":
            depth, j = 0, i
            limit = min(n, i + 3000)
            while j < limit:
                if text[j] == "«":
                    depth += 1
                elif text[j] == "»":
                    depth -= 1
                    if depth == 0:
                        break
                j += 1
            if j < limit and text[j] == "»":
                segs.append(Segment(i, i + 1, j, j))
                i = j + 1
                continue
        elif ch == '"' and _followed_by_punct(text, i):
            pass  # «…للبنوك". وصرح»: a mark before punctuation closes, it never opens
        elif ch == '"' and (text[i + 1:i + 2] == '"' and text[i + 2:i + 3].isalpha()
                            or text[i + 1:i + 3] == ' "' and text[i + 3:i + 4].isalpha()) \
                and (i == 0 or not text[i - 1].isalpha()):
            # «وكتب: ""ليس سيئا …"», «وقال لافروف: " "لكي يكون …"»: a doubled opener (with or
            # without a space between) is one mark; the second one opens
            pass
        elif ch in ('"', "“", "„", "”"):
            para_end = text.find("\n", i)
            para_end = n if para_end < 0 else para_end
            closers = '"' if ch == '"' else "”“\"″"  # Round 38: «:” … حماس″»: a double prime may close
            j = i + 1
            depth = 1
            while j < para_end:
                if text[j] in closers:
                    if ch == '"' and _opens_nested(text, j, para_end):
                        depth += 1  # «إن "مصنع مخابر "سيف" شهد …"»: a name quoted inside the quote
                    else:
                        depth -= 1
                        if depth == 0:
                            break
                j += 1
            if j < para_end and depth == 0:
                cut = _attribution_inside(text, i, j) if ch == '"' else None
                narrated = _narrated_sentence(text, i + 1, j) if ch == '"' else None
                if narrated is not None and cut is not None and narrated < cut:
                    cut = None  # «"قادمون … العسكرية. وتابع بالقول: "لولا …"»: the earlier boundary wins
                if cut is not None:
                    # «وقال X "بتنا نرى … . وأضاف X"  لنفترض …"»: the first mark was never
                    # closed; the mark after the new cue opens the next quotation
                    segs.append(Segment(i, i + 1, cut, cut, closed=False))
                    i = j
                    continue
                if narrated is not None:
                    # «قائلا "إننا دخلنا … وفق قوله. وأكد منصر أن … حزب "حراك"»: a sentence
                    # opening with the narrator's «وأكد فلان» cannot lie inside a quotation
                    end = _participle_cut(text, i + 1, narrated)
                    if len(WORD_RE.findall(text, i + 1, end)) >= 2:
                        segs.append(Segment(i, i + 1, end, end, closed=False))
                    i = narrated
                    continue
                segs.append(Segment(i, i + 1, j, j))
                i = j + 1
                continue
            if ch == '"' and _after_cue(text, i):
                end = _unclosed_end(text, i + 1, para_end, after_colon=_after_colon(text, i))
                if len(WORD_RE.findall(text, i + 1, end)) >= 2:
                    segs.append(Segment(i, i + 1, end, end, closed=False))
                    i = end
                    continue
        i += 1
    return segs


# Participles of speech verbs that describe the speaker's next act; the narrator's voice
# resumes at them, so an unclosed quotation cannot run over one.
_PARTICIPLE_STOPS = frozenset(SPEECH_PARTICIPLES) | frozenset(fold(w) for w in ("متسائلا", "متسائلة", "متسائلين"))
_ZONE_BOUNDARY = ".!?؟،,:؛\n"
MAX_MARK_ZONE_WORDS = 6


def _cue_before(text: str, start: int, stop: int) -> int | None:
    """Start of the last speech verb in ``text[start:stop]`` that opens a clause (after a
    sentence end, a comma or a colon, or at ``start``) and whose speaker zone reaches
    ``stop`` with at most six words, no sentence end, and at most a complementiser or a
    colon before ``stop`` — the shape «، قال إنه "» / «. وأضاف نصر الله"»."""
    ws = list(WORD_RE.finditer(text, start, stop))
    for idx in range(len(ws) - 1, -1, -1):
        m = ws[idx]
        bare = strip_conj(fold(m.group()))
        participle = fold(m.group()) in SPEECH_PARTICIPLES and len(ws) - idx - 1 <= 2
        if not narrator_cue(bare) and not narrator_cue(fold(m.group())) and not participle:
            continue  # «، قائلا إنه "»: a participle with only إنه before the mark also opens one
        if len(ws) - idx - 1 > MAX_MARK_ZONE_WORDS:
            return None
        if any(c in ".!?؟\n" for c in text[m.end():stop]):
            return None
        at = m.start()
        if idx and fold(ws[idx - 1].group()) in _CLAUSE_CONNECTORS:
            at = ws[idx - 1].start()  # «، لكنه ذكر بأن "»: the connector opens the new clause
            idx -= 1
        head = text[(ws[idx - 1].end() if idx else start):at]
        if idx and not any(c in _ZONE_BOUNDARY for c in head):
            continue  # a verb inside a clause («التي قال عنها») is no new attribution
        return at
    return None


# connectors that open a new clause before a speech verb («، لكنه ذكر بأن»، «، فيما قال»)
_CLAUSE_CONNECTORS = frozenset(fold(w) for w in (
    "لكنه", "لكنها", "ولكنه", "ولكنها", "لكن", "ولكن", "بينما", "فيما", "ثم", "كما", "حيث"))


def _attribution_inside(text: str, i: int, j: int) -> int | None:
    """Where the text before mark ``j`` ends when ``j`` belongs to a new attribution.

    Pairing ``i`` with ``j`` is implausible when a new speech cue (a clause-initial speech
    verb, its speaker and maybe إن/أن or «:») stands right before ``j``: a quotation does
    not end on its narrator's next «وأضاف فلان».  Then ``i`` is an unclosed mark whose
    content ends before that cue (and before a speech participle such as «متسائلا»).
    """
    if _followed_by_punct(text, j):
        return None  # «…، لكنها تؤكد استمرار التحديات".»: a real closing mark
    cue = _cue_before(text, i + 1, j)
    if cue is None:
        return None
    end = cue
    while end > i + 1 and text[end - 1] in " \t،,.:؛;":
        end -= 1
    end = _participle_cut(text, i + 1, end)
    if len(WORD_RE.findall(text, i + 1, end)) < 2:
        return None
    return end


def _narrated_sentence(text: str, start: int, stop: int) -> int | None:
    """End of the last sentence before a sentence in ``text[start:stop]`` that opens with
    a conjoined speech verb («. وأكد منصر …»), the narrator's next attribution."""
    for m in re.finditer(r"[.!?؟]\s+", text[start:stop]):
        w = WORD_RE.match(text, start + m.end())
        if w is None:
            continue
        f = fold(w.group())
        if f[:1] in "وف" and narrator_cue(strip_conj(f)) and strip_conj(f) != f:
            return start + m.start()
    return None


def _after_cue(text: str, i: int) -> bool:
    """Does the opener-shaped mark at ``i`` follow a speech cue («قال في كلمته "…», «قال: "…»)?"""
    after = text[i + 1:i + 2]
    if not after or after.isspace() and not text[i + 2:i + 3].strip():
        return False
    line_start = max(text.rfind("\n", 0, i) + 1, i - 200)
    cut = max(text.rfind(c, line_start, i) for c in '.!?؟"«»“”')
    s = max(line_start, cut + 1)
    if text[s:i].rstrip().endswith(":"):
        return True
    return _cue_before(text, s, i) is not None


def _after_colon(text: str, i: int) -> bool:
    """Does the mark at ``i`` follow a colon («وأضاف: "…»)?"""
    return text[max(0, i - 5):i].rstrip().endswith(":")


def _unclosed_end(text: str, start: int, para_end: int, after_colon: bool = False) -> int:
    """An unclosed quotation runs to the end of its sentence (within the paragraph),
    stopping before a speech participle.

    Round 8: after a colon («وأضاف: "يا راجل …؟ … غريبة!») the mark only reinforces the
    colon, which already hands the rest of the paragraph to the speaker (the «قال:» rule),
    so a question or exclamation inside does not end it; it still stops at a new sentence
    that opens with the narrator's «وقال/وأضاف»."""
    if after_colon:
        end = _narrated_sentence(text, start, para_end)
        return _participle_cut(text, start, para_end if end is None else end)
    m = re.compile(r"[.!?؟]").search(text, start, para_end)
    end = m.start() if m else para_end
    return _participle_cut(text, start, end)


def _participle_cut(text: str, start: int, end: int) -> int:
    ws = list(WORD_RE.finditer(text, start, end))
    for idx, m in enumerate(ws):
        if idx >= 2 and fold(m.group()) in _PARTICIPLE_STOPS:
            e = m.start()
            while e > start and text[e - 1] in " \t،,":
                e -= 1
            return e
    return end


def _followed_by_punct(text: str, i: int) -> bool:
    """Is the next non-blank character after ``i`` punctuation (or the line end)?"""
    k = i + 1
    while k < len(text) and text[k] in " \t\xa0":
        k += 1
    return k >= len(text) or text[k] in ".،,؛;:!?؟\n"


def _opener_shaped(text: str, j: int) -> bool:
    """A straight quote with white space before it and a letter right after it."""
    before = text[j - 1] if j > 0 else " "
    after = text[j + 1] if j + 1 < len(text) else " "
    return before.isspace() and after.isalpha()


def _opens_nested(text: str, j: int, para_end: int) -> bool:
    """Is the straight quote at ``j`` shaped like an opener (a space before it, a letter
    right after it) with a closer of its own further on in the paragraph?

    Straight quotes do not say which way they face; news copy often quotes a name inside
    a quotation («إن "مصنع مخابر "سيف" شهد أحداث عنف"»), and pairing the first two marks
    would cut the quotation after «مصنع مخابر».
    """
    before = text[j - 1] if j > 0 else " "
    after = text[j + 1] if j + 1 < len(text) else " "
    if not (before.isspace() and after.isalpha()):
        return False
    rest = text[j + 1:para_end]
    return rest.count('"') >= 2


def strip_punct(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return start, end
