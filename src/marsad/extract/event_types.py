"""Marsad's event taxonomy as data: types, their ACLED/CAMEO mapping and trigger lexicons.

The taxonomy is small on purpose: it covers what Arabic political news leads with
and maps each type onto the two coding schemes analysts already use —
ACLED's event type / sub-event type (conflict events) and CAMEO's two-digit top-level
code (inter-actor interactions).  A type that one scheme does not code maps to
``None`` there.  ``docs/events.md`` describes the same table for readers.

Triggers are *folded* forms (see :func:`marsad.extract.cues.fold`) matched after
removing the و/ف conjunction and, for nouns, the ال article and ل/ب prepositions.
Verb entries list perfect and imperfect stems; the matcher also strips the future
prefix س and tries the stem with the imperfect prefixes (ي، ت، ن، أ).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from marsad.extract.cues import fold


@dataclass(frozen=True)
class EventType:
    """One event type with its mappings and trigger lexicon."""

    name: str
    label_ar: str
    description: str
    cameo: str | None  # CAMEO top-level (two-digit) code
    cameo_label: str | None
    acled_type: str | None
    acled_sub_types: tuple[str, ...] = ()
    verbs: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    # (verb, object) pairs: the verb only triggers this type with one of the objects nearby
    verb_objects: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = field(default_factory=tuple)
    priority: int = 5  # lower wins when choosing the main event of a sentence


EVENT_TYPES: tuple[EventType, ...] = (
    EventType(
        "attack", "هجوم", "Bombing, airstrike, shelling, armed assault on a target.",
        "18", "Assault (bombing 183; aerial/artillery use under 19: 195/194)",
        "Explosions/Remote violence",
        ("Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED",
         "Suicide bomb", "Violence against civilians: Attack"),
        verbs=("قصف", "قصفت", "يقصف", "تقصف", "قصفوا", "استهدف", "استهدفت", "يستهدف", "تستهدف", "هاجم",
               "هاجمت", "يهاجم", "تهاجم", "هاجموا", "فجر", "فجرت", "انفجرت", "انفجر", "شن", "شنت", "يشن",
               "تشن", "شنوا", "أغارت", "اقتحم", "اقتحمت", "اقتحموا"),
        nouns=("قصف", "غارة", "غارات", "هجوم", "هجمات", "تفجير", "تفجيرات", "انفجار", "انفجارات",
               "ضربة", "ضربات", "اعتداء", "اعتداءات", "قذائف", "صواريخ", "عبوة", "عبوات", "سيارة مفخخة",
               "مفخخة", "انتحاري", "اقتحام", "أطلق النار", "أطلقت النار", "أطلقوا النار", "إطلاق النار",
               "إطلاق نار", "يطلق النار", "فتح النار", "فتحوا النار",
               # Round 9: a missile launch («تعرضت مقاتلة لإطلاق صاروخ»)
               "إطلاق صاروخ", "إطلاق صواريخ"),
        priority=1,
    ),
    EventType(
        "armed_clash", "اشتباك مسلح", "Armed groups or forces fighting each other.",
        "19", "Fight", "Battles", ("Armed clash", "Government regains territory",
                                   "Non-state actor overtakes territory"),
        verbs=("اشتبك", "اشتبكت", "يشتبك", "تشتبك", "اشتبكوا", "سيطر", "سيطرت", "يسيطر", "تسيطر", "استعاد",
               "استعادت", "تقدمت", "حاصر", "حاصرت"),
        nouns=("اشتباك", "اشتباكات", "معارك", "معركة", "مواجهات", "قتال", "حصار", "هجوم بري", "السيطرة"),
        priority=1,
    ),
    EventType(
        "killing", "قتل وإصابات", "Deaths or injuries reported as the event itself.",
        "18", "Assault (186 assassinate; 20 for mass killing)", "Violence against civilians", ("Attack",),
        verbs=("قتل", "قتلت", "قتلوا", "يقتل", "تقتل", "اغتال", "اغتالت", "أصيب",
               "أصيبت", "أصيبوا", "جرح", "سقط", "سقطوا", "استشهد", "استشهدت", "استشهدوا", "أعدم", "أعدمت"),
        nouns=("مقتل", "قتلى", "قتيل", "مصرع", "ضحايا", "جرحى", "اغتيال", "إعدام", "شهيد", "شهداء",
               "مصابين", "وفاة", "القضاء على"),
        # «لقي مصرعه/حتفه»: لقي kills only with its fixed object («لقي دعما» is «received support»)
        verb_objects=(((fold("لقي"), fold("لقيت"), fold("لقوا"), fold("يلقى"), fold("تلقى")),
                       (fold("مصرعه"), fold("مصرعها"), fold("مصرعهم"), fold("مصرع"), fold("حتفه"), fold("حتفها"),
                        fold("حتفهم"), fold("حتف"))),),
        priority=2,
    ),
    EventType(
        "arrest", "اعتقال", "Arrest, detention, raid leading to detention.",
        "17", "Coerce (173 arrest, detain)", "Strategic developments", ("Arrests",),
        verbs=("اعتقل", "اعتقلت", "يعتقل", "تعتقل", "اعتقلوا", "احتجز", "احتجزت", "تحتجز", "يحتجز", "أوقف",
               "أوقفت", "اختطف", "اختطفت", "خطف", "أسر", "أسرت", "داهم", "داهمت"),
        nouns=("اعتقال", "احتجاز", "توقيف", "القبض", "إيقاف", "اختطاف", "خطف", "مداهمة", "حملة اعتقالات",
               "ضبط"),  # «ضبط 6 أشخاص»; goods seized are told apart in events._other_sense
        # «ألقت الشرطة القبض»: ألقى arrests only with القبض («ألقى باللوم»، «ألقى كلمة» do not)
        verb_objects=(((fold("ألقى"), fold("ألقت"), fold("ألقوا"), fold("يلقي"), fold("تلقي")), (fold("القبض"),)),),
        priority=2,
    ),
    EventType(
        "court_ruling", "حكم قضائي", "A court ruling, sentence, charge or trial step.",
        "17", "Coerce (173 arrest, detain or charge with legal action)", None, (),
        verbs=("قضت", "قضى", "حكمت", "برأت", "برأ", "أحالت", "أحال", "اتهمت", "اتهم"),
        nouns=("حكم على", "حكم عليه", "حكم عليها", "حكم عليهم", "حكم", "الحكم", "حكما", "محاكمة", "إدانة", "تبرئة",
               "السجن", "سجن", "الإعدام",
               "لائحة اتهام", "قضية", "دعوى"),
        verb_objects=(((fold("أصدرت"), fold("أصدر")), (fold("حكم"), fold("حكما"), fold("الحكم"))),
                      ((fold("أقام"), fold("أقامت"), fold("رفع"), fold("رفعت"), fold("يرفع"), fold("ترفع")),
                       (fold("دعوى"), fold("دعوة قضائية"), fold("قضية"))),
                      # «وجهت السلطات تهمة الاحتيال»: a formal charge (only from the state, see events)
                      ((fold("وجه"), fold("وجهت"), fold("يوجه"), fold("توجه"), fold("وجهوا")),
                       (fold("تهمة"), fold("تهم"), fold("التهمة"), fold("التهم"), fold("تهمتي"),
                        fold("اتهام"), fold("اتهاما"))),  # Round 10: «وجهت السلطات الاتهام لعشرة …»
                      # Round 10: «فتحت فرنسا تحقيقا في اختفاء …»: the state opening an inquiry is a
                      # legal step, as a prosecutor opening one (fresh3's convention)
                      ((fold("فتح"), fold("فتحت"), fold("يفتح"), fold("تفتح"), fold("فتحوا")),
                       (fold("تحقيق"), fold("تحقيقا"), fold("تحقيقات"))),),
        priority=3,
    ),
    EventType(
        "protest", "احتجاج", "Demonstration, strike, sit-in, riot.",
        "14", "Protest", "Protests", ("Peaceful protest", "Protest with intervention", "Excessive force against protesters",
                                      "Riots: Violent demonstration"),
        verbs=("تظاهر", "تظاهرت", "تظاهروا", "احتج", "احتجت", "احتجوا", "يحتج", "اعتصم", "اعتصموا",
               "أضرب", "أضربوا", "خرج", "احتشد", "احتشدوا", "احتشدت", "تجمع", "تجمعوا"),
        nouns=("مظاهرة", "مظاهرات", "تظاهرة", "تظاهرات", "احتجاج", "احتجاجات", "اعتصام", "إضراب",
               "مسيرة", "مسيرات", "وقفة احتجاجية", "وقفة", "حراك"),
        priority=3,
    ),
    EventType(
        "military_assistance", "مساعدة أو تدريب عسكري",
        "Sending trainers or troops, training or arming another country's forces.",
        "07", "Provide aid (072 military aid; training as 062 military cooperation under 06)",
        "Strategic developments", ("Other",),
        verbs=("درب", "دربت", "يدرب", "تدرب", "سلح", "سلحت", "يسلح", "تسلح"),
        nouns=("تدريب", "تدريبات", "تسليح", "مساعدات عسكرية", "دعم عسكري", "صفقة أسلحة", "أسلحة",
               "مستشارين عسكريين", "قوات", "وحدات", "جنود"),
        verb_objects=(((fold("تبعث"), fold("يبعث"), fold("بعثت"), fold("بعث"), fold("ترسل"), fold("يرسل"),
                        fold("أرسلت"), fold("أرسل"), fold("نشرت"), fold("نشر"), fold("تنشر"), fold("ينشر"),
                        fold("زودت"), fold("تزود"), fold("يزود"), fold("سلمت"), fold("تسلم")),
                       (fold("وحدات"), fold("قوات"), fold("جنود"), fold("جنودا"), fold("عسكريين"),
                        fold("مدربين"), fold("أسلحة"), fold("خبراء"), fold("مستشارين"), fold("عتاد"),
                        fold("طائرات"), fold("صواريخ"))),),
        priority=2,
    ),
    EventType(
        "agreement", "اتفاق", "Signing or reaching an agreement, deal, ceasefire, truce.",
        "05", "Engage in diplomatic cooperation (057 sign formal agreement)",
        "Strategic developments", ("Agreement",),
        verbs=("اتفق", "اتفقت", "اتفقوا", "يتفق", "وقع", "وقعت", "وقعوا", "يوقع", "توقع", "أبرم", "أبرمت"),
        nouns=("اتفاق", "اتفاقية", "اتفاقيات", "اتفاقا", "صفقة", "هدنة", "وقف إطلاق النار", "مذكرة تفاهم",
               "معاهدة", "توقيع"),
        priority=3,
    ),
    EventType(
        "sanctions", "عقوبات", "Imposing sanctions, embargo, expelling diplomats, cutting ties.",
        "16", "Reduce relations (163 impose embargo, boycott or sanctions)", None, (),
        verbs=("طرد", "طردت", "جمد", "جمدت", "حظر", "حظرت"),
        nouns=("عقوبات", "العقوبات", "حظر", "طرد", "تجميد", "مقاطعة", "حصار اقتصادي"),
        verb_objects=(((fold("فرض"), fold("فرضت"), fold("يفرض"), fold("تفرض")), (fold("عقوبات"), fold("العقوبات"), fold("حظر"))),),
        priority=3,
    ),
    EventType(
        "threat", "تهديد", "Threatening force, sanctions or other action.",
        "13", "Threaten", None, (),
        verbs=("هدد", "هددت", "يهدد", "تهدد", "هددوا", "توعد", "توعدت"),
        nouns=("تهديد", "تهديدات", "إنذار", "وعيد"),
        priority=4,
    ),
    EventType(
        "meeting", "لقاء ومحادثات", "Meetings, talks, visits, calls, summits, negotiations.",
        "04", "Consult (042/043 make or host a visit, 046 engage in negotiation)", None, (),
        verbs=("التقى", "التقت", "يلتقي", "تلتقي", "استقبل", "استقبلت", "يستقبل", "زار", "زارت", "يزور",
               "تزور", "بحث", "بحثت", "يبحث", "تبحث", "اجتمع", "اجتمعت", "يجتمع", "تجتمع", "ناقش", "ناقشت",
               "تفاوض", "اتصل", "أجرى", "أجرت", "عقد", "عقدت", "استضاف", "استضافت", "يستضيف", "تستضيف"),
        nouns=("لقاء", "اجتماع", "اجتماعات", "محادثات", "مباحثات", "مفاوضات", "زيارة", "قمة", "مؤتمر",
               "اتصال هاتفي", "مشاورات", "جولة"),
        priority=4,
    ),
    EventType(
        "diplomatic_cooperation", "تعاون دبلوماسي",
        "Support, recognition, praise, cooperation or ties short of a signed agreement.",
        "05", "Engage in diplomatic cooperation", None, (),
        verbs=("أيد", "أيدت", "يؤيد", "تؤيد", "رحب", "رحبت", "يرحب", "ترحب", "اعترف", "اعترفت", "دعم",
               "دعمت", "يدعم", "تدعم", "تعاون", "عين", "عينت", "تعهد", "تعهدت", "يتعهد", "تتعهد"),
        nouns=("تعاون", "دعم", "ترحيب", "تأييد", "اعتراف", "علاقات", "شراكة", "تحالف"),
        priority=5,
    ),
    EventType(
        "appeal", "طلب أو مناشدة", "Calls, requests, demands and appeals.",
        "02", "Appeal (10 Demand when insistent)", None, (),
        verbs=("دعا", "دعت", "يدعو", "تدعو", "دعوا", "طالب", "طالبت", "يطالب", "تطالب", "طالبوا", "ناشد",
               "ناشدت", "طلب", "طلبت", "يطلب", "تطلب", "حث", "حثت", "يحث", "تحث"),
        nouns=("دعوة", "مطالبة", "مطالب", "مناشدة", "طلب", "نداء"),
        priority=6,
    ),
    EventType(
        "election", "انتخابات", "Elections, votes, referendums, appointments by vote.",
        None, None, None, (),
        verbs=("انتخب", "انتخبت", "صوت", "صوتت", "صوتوا", "يصوت", "فاز", "فازت", "ترشح", "ترشحت"),
        nouns=("انتخابات", "الانتخابات", "انتخاب", "اقتراع", "استفتاء", "تصويت", "الرئاسية", "البلدية",
               "ترشح"),  # Round 9: the masdar «الترشح» («عن نيته بالترشح لرئاسة الاتحاد»)
        priority=5,
    ),
    EventType(
        "statement", "تصريح", "Public statements, announcements, comments, denials.",
        "01", "Make public statement", None, (),
        verbs=("قال", "قالت", "أعلن", "أعلنت", "يعلن", "تعلن", "أكد", "أكدت", "صرح", "صرحت", "أوضح",
               "أوضحت", "ذكر", "ذكرت", "أفاد", "أفادت", "نفى", "نفت", "كشف", "كشفت", "أشار", "أشارت",
               "حذر", "حذرت", "انتقد", "انتقدت", "أدان", "أدانت", "ندد", "نددت", "أعرب", "أعربت", "اتهم",
               "اتهمت", "اعتبر", "اعتبرت", "رفض", "رفضت", "يرفض", "ترفض", "أصدر", "أصدرت", "عبر", "عبرت",
               "عبروا", "وصف"),
        nouns=("بيان", "تصريح", "تصريحات", "إعلان", "مؤتمر صحفي"),
        priority=9,
    ),
)

TYPE_BY_NAME: dict[str, EventType] = {t.name: t for t in EVENT_TYPES}

# The type of a lead sentence's event that the taxonomy does not name (the gold's `none`):
# its actor and place are still read (:mod:`marsad.extract.event_untyped`); it maps to no
# ACLED or CAMEO code and is never counted as a shared event between articles.
UNTYPED = "other"
UNTYPED_LABEL_AR = "حدث غير مصنف"


def mapping_table() -> list[dict[str, object]]:
    """The taxonomy as plain rows (for docs and ``--json`` output)."""
    return [{"type": t.name, "label_ar": t.label_ar, "cameo": t.cameo, "cameo_label": t.cameo_label,
             "acled_type": t.acled_type, "acled_sub_types": list(t.acled_sub_types),
             "description": t.description} for t in EVENT_TYPES]


# Verb lemmas (perfect, 3rd person masculine singular) per type; :func:`conjugate` derives
# the other finite forms, so a lemma listed once matches «اعتقلوا»، «يعتقلون»، «تعتقل».
# Only sound and doubled verbs are listed: hollow and defective verbs (زار، دعا، نفى) change
# their stem and keep their hand-written forms in ``EventType.verbs``.
VERB_LEMMAS: dict[str, tuple[str, ...]] = {
    "attack": ("قصف", "استهدف", "هاجم", "فجر", "شن", "اقتحم", "دمر", "نسف", "قنص", "أغار"),
    "armed_clash": ("اشتبك", "سيطر", "استعاد", "حاصر", "قاتل", "تقاتل", "حرر"),
    "killing": ("قتل", "اغتال", "استشهد", "أعدم", "ذبح", "طعن"),
    "arrest": ("اعتقل", "احتجز", "أوقف", "اختطف", "خطف", "داهم", "ضبط", "حبس", "سجن"),
    "court_ruling": ("حكم", "برأ", "أحال", "اتهم", "حاكم", "أدين"),
    "protest": ("تظاهر", "احتج", "اعتصم", "أضرب", "احتشد", "تجمهر"),
    "military_assistance": ("درب", "سلح", "زود"),
    "agreement": ("اتفق", "وقع", "أبرم", "صادق", "تبادل"),
    "sanctions": ("جمد", "حظر", "قاطع", "طرد"),
    "threat": ("هدد", "توعد"),
    "meeting": ("استقبل", "بحث", "اجتمع", "ناقش", "تفاوض", "اتصل", "استضاف", "تباحث", "تشاور",
                "ترأس", "حضر"),
    "diplomatic_cooperation": ("أيد", "رحب", "اعترف", "دعم", "تعاون", "تعهد", "أشاد", "هنأ", "ثمن",
                               "عين"),
    "appeal": ("طالب", "ناشد", "طلب", "حث", "التمس"),
    "election": ("انتخب", "صوت", "فاز", "ترشح", "اقترع"),
    "statement": ("أعلن", "أكد", "صرح", "أوضح", "ذكر", "أفاد", "كشف", "أشار", "حذر", "انتقد", "أدان", "ندد",
                  "أعرب", "اعتبر", "رفض", "أصدر", "عبر", "استنكر", "شجب", "نشر", "وصف"),
}

_PERFECT_SUFFIXES = ("", "ت", "وا", "تا")
_IMPERFECT_SUFFIXES = ("", "ون", "ان", "وا", "ن")


def conjugate(lemma: str) -> tuple[str, ...]:
    """Folded 3rd-person finite forms of a sound or doubled verb (perfect and imperfect).

    The imperfect stem is the perfect without its first alef for the derived forms that
    begin with one (أعلن → يعلن، اعتقل → يعتقل، استهدف → يستهدف, after folding أ to ا),
    and the perfect itself otherwise (قصف → يقصف، هاجم → يهاجم، تظاهر → يتظاهر، شن → يشن).
    A three-letter lemma with a first alef is a form II/IV verb whose prefix vowel
    varies (أيد → يؤيد, أكد → يؤكد): only its perfect forms are produced.
    """
    p = fold(lemma)
    # a bare three-letter form I perfect is spelt like its masdar (قتل، طلب، حكم): only the
    # hand-written lists may claim it as a verb
    forms = {p + suf for suf in _PERFECT_SUFFIXES if suf or len(p) > 3 or p.startswith("ا")}
    if len(p) > 3:
        # the masculine dual «استهدفا»، «اعتقلا»; a three-letter stem + ا is the accusative masdar (قصفا)
        forms.add(p + "ا")
    if p.startswith("ا") and len(p) == 3:
        return tuple(sorted(forms))
    stem = p.removeprefix("ا")
    for pre in ("ي", "ت"):
        forms.update(pre + stem + suf for suf in _IMPERFECT_SUFFIXES)
    return tuple(sorted(forms))


def _index() -> tuple[dict[str, list[str]], dict[str, list[str]], dict[tuple[str, ...], list[str]]]:
    """Folded single-word verbs/nouns -> types, and multi-word nouns -> types."""
    verbs: dict[str, list[str]] = {}
    nouns: dict[str, list[str]] = {}
    phrases: dict[tuple[str, ...], list[str]] = {}
    for t in EVENT_TYPES:
        for lemma in VERB_LEMMAS.get(t.name, ()):
            for form in conjugate(lemma):
                if t.name not in verbs.setdefault(form, []):
                    verbs[form].append(t.name)
        for v in t.verbs:
            parts = tuple(fold(p) for p in v.split())
            if len(parts) == 1:
                if t.name not in verbs.setdefault(parts[0], []):
                    verbs[parts[0]].append(t.name)
            else:
                phrases.setdefault(parts, []).append(t.name)
        for n in t.nouns:
            parts = tuple(fold(p) for p in n.split())
            if len(parts) == 1:
                nouns.setdefault(parts[0], []).append(t.name)
            else:
                phrases.setdefault(parts, []).append(t.name)
    return verbs, nouns, phrases


VERB_INDEX, NOUN_INDEX, PHRASE_INDEX = _index()

# Nouns that only signal military assistance next to a training/assistance word; alone
# they are arguments (قوات = forces), not triggers.
WEAK_NOUNS = frozenset(fold(w) for w in ("قوات", "وحدات", "جنود", "أسلحة", "صواريخ", "قذائف", "حكم", "الحكم",
                                         "قضية", "دعوى", "جولة", "مؤتمر", "علاقات", "تحالف", "دعم",
                                         "وقفة", "خرج", "سقط", "عين", "بحث", "عقد", "أجرى", "أجرت", "صوت",
                                         "حكم", "قطع", "قطعت", "نشر", "أسر", "حصار", "السيطرة", "جرح",
                                         "الرئاسية", "البلدية", "فاز", "فازت", "وقع",
                                         "حاكم"))  # «حاكم دبي»: the ruler, far likelier than «he tried»
