"""Hand-written alias tables: names that refer to one country or organisation.

Arabic news names the same state in several ways (بريطانيا / المملكة المتحدة / لندن
when London acts as the government) and the same group under rival names (داعش /
تنظيم الدولة الإسلامية / الدولة الإسلامية). A gazetteer lookup
(:func:`marsad.extract.places.country_code`, when present) covers official names;
this table covers the everyday and political names it misses, and the organisations.
Keys are compared after :func:`marsad.corpus.textprep.normalize` and without a leading
definite article, so spelling variants (أ/ا, ة/ه, ى/ي) need not be listed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.corpus.textprep import normalize

# ISO code -> (Arabic display name, aliases). The display name is also an alias.
COUNTRIES: dict[str, tuple[str, tuple[str, ...]]] = {
    "GB": ("المملكة المتحدة", ("بريطانيا", "بريطانيا العظمى", "المملكة المتحدة لبريطانيا العظمى",
                               "انجلترا", "إنكلترا")),
    "US": ("الولايات المتحدة", ("أمريكا", "أميركا", "الولايات المتحدة الأمريكية",
                                "الولايات المتحدة الأميركية", "واشنطن الرسمية")),
    "RU": ("روسيا", ("روسيا الاتحادية", "الاتحاد الروسي")),
    "FR": ("فرنسا", ("الجمهورية الفرنسية",)),
    "DE": ("ألمانيا", ("المانيا",)),
    "CN": ("الصين", ("جمهورية الصين الشعبية", "الصين الشعبية")),
    "IR": ("إيران", ("ايران", "الجمهورية الإسلامية الإيرانية", "جمهورية إيران الإسلامية")),
    "TR": ("تركيا", ("الجمهورية التركية",)),
    "IL": ("إسرائيل", ("اسرائيل", "دولة إسرائيل")),
    "PS": ("فلسطين", ("دولة فلسطين", "الأراضي الفلسطينية")),
    "SY": ("سوريا", ("سورية", "الجمهورية العربية السورية")),
    "IQ": ("العراق", ("جمهورية العراق",)),
    "SA": ("السعودية", ("المملكة العربية السعودية", "المملكة السعودية")),
    "AE": ("الإمارات", ("الإمارات العربية المتحدة", "دولة الإمارات")),
    "QA": ("قطر", ("دولة قطر",)),
    "KW": ("الكويت", ("دولة الكويت",)),
    "BH": ("البحرين", ("مملكة البحرين",)),
    # bare «عمان» is left out on purpose: it is also Amman, the Jordanian capital
    "OM": ("سلطنة عمان", ("سلطنة عُمان",)),
    "YE": ("اليمن", ("الجمهورية اليمنية",)),
    "JO": ("الأردن", ("المملكة الأردنية الهاشمية", "المملكة الأردنية")),
    "LB": ("لبنان", ("الجمهورية اللبنانية",)),
    "EG": ("مصر", ("جمهورية مصر العربية",)),
    "LY": ("ليبيا", ("دولة ليبيا",)),
    "TN": ("تونس", ("الجمهورية التونسية",)),
    "DZ": ("الجزائر", ("الجمهورية الجزائرية",)),
    "MA": ("المغرب", ("المملكة المغربية",)),
    "MR": ("موريتانيا", ()),
    "SD": ("السودان", ("جمهورية السودان",)),
    "SS": ("جنوب السودان", ()),
    "SO": ("الصومال", ()),
    "DJ": ("جيبوتي", ()),
    "KM": ("جزر القمر", ()),
    "AF": ("أفغانستان", ()),
    "PK": ("باكستان", ()),
    "IN": ("الهند", ()),
    "JP": ("اليابان", ()),
    "KR": ("كوريا الجنوبية", ()),
    "KP": ("كوريا الشمالية", ()),
    "IT": ("إيطاليا", ("ايطاليا",)),
    "ES": ("إسبانيا", ("اسبانيا",)),
    "UA": ("أوكرانيا", ("اوكرانيا",)),
    "CA": ("كندا", ()),
    "AU": ("أستراليا", ("استراليا",)),
    "BR": ("البرازيل", ()),
    "ET": ("إثيوبيا", ("اثيوبيا",)),
    "NG": ("نيجيريا", ()),
    "VE": ("فنزويلا", ()),
    "MX": ("المكسيك", ()),
    "NL": ("هولندا", ()),
    "BE": ("بلجيكا", ()),
    "SE": ("السويد", ()),
    "GR": ("اليونان", ()),
    "CY": ("قبرص", ()),
}

# Capitals that stand for their government when they act («قالت لندن», «طالبت موسكو»).
CAPITALS: dict[str, str] = {
    "لندن": "GB", "واشنطن": "US", "موسكو": "RU", "باريس": "FR", "برلين": "DE", "بكين": "CN",
    "طهران": "IR", "أنقرة": "TR", "دمشق": "SY", "بغداد": "IQ", "الرياض": "SA", "أبوظبي": "AE",
    "الدوحة": "QA", "القاهرة": "EG", "بيروت": "LB", "طرابلس": "LY", "الجزائر": "DZ",
    "الرباط": "MA", "الخرطوم": "SD", "صنعاء": "YE", "تل أبيب": "IL", "بيونغ يانغ": "KP", "سيول": "KR",
    "طوكيو": "JP", "روما": "IT", "مدريد": "ES", "كييف": "UA", "أوتاوا": "CA",
}

# Verbs of state action: a capital right after one of them is the government speaking
# («قالت لندن»); a capital right before a present-tense one is too («لندن تتهم موسكو»).
_PAST = ["قالت", "أعلنت", "طالبت", "اتهمت", "رفضت", "ردت", "حذرت", "نفت", "أكدت", "دعت", "هددت",
         "أدانت", "قررت", "فرضت", "طردت", "استدعت", "اعتبرت", "رحبت", "أعربت", "نددت", "حثت",
         "أبلغت", "وافقت", "علقت", "سحبت", "أوقفت", "توعدت", "اتخذت"]
_PRESENT = ["ترفض", "تطالب", "تتهم", "تحذر", "تدعو", "تنفي", "تؤكد", "تهدد", "تدين", "تقرر", "تفرض",
            "تعتبر", "ترحب", "تندد", "تحث", "تتوعد", "تطرد", "تستدعي", "توافق", "تعلق", "تسحب", "ترد"]
GOVERNMENT_VERBS: frozenset[str] = frozenset(
    normalize(p + w) for w in _PAST + _PRESENT for p in ("", "و", "ف"))
GOVERNMENT_VERBS_BEFORE: frozenset[str] = frozenset(normalize(w) for w in _PRESENT + _PAST)
# A capital after one of these is a place, whatever follows («في لندن تتهم الشرطة ...»).
PLACE_PREPOSITIONS: frozenset[str] = frozenset(normalize(p + w) for p in ("", "و", "ف") for w in [
    "في", "من", "إلى", "الى", "على", "عن", "بين", "قرب", "مع", "نحو", "داخل", "خارج", "وسط",
    "شمال", "جنوب", "شرق", "غرب", "العاصمة", "مدينة", "بالعاصمة", "ضواحي"])

# Given names so frequent that a name made only of them («محمد علي», «أحمد محمد», «عبد الله
# حسن») says little about who is meant: such names, and these names alone, need context
# before the registry links them across articles. Name particles (عبد، بن، أبو) count as
# common too, so «عبد الله محمد» is common and «محمد بن سلمان» is not.
COMMON_GIVEN_NAMES: frozenset[str] = frozenset(normalize(w) for w in [
    "محمد", "أحمد", "محمود", "مصطفى", "علي", "حسن", "حسين", "عمر", "عثمان", "خالد", "إبراهيم",
    "يوسف", "يعقوب", "إسماعيل", "موسى", "عيسى", "سعيد", "سعد", "صالح", "سالم", "سليمان", "فهد",
    "فيصل", "ناصر", "عادل", "كريم", "جمال", "طارق", "وليد", "هشام", "سامي", "سمير", "ماجد",
    "مجدي", "حمد", "حامد", "أمين", "عماد", "رامي", "زياد", "نبيل", "منير", "حسام", "أيمن",
    "ياسر", "طه", "عمرو", "بكر", "أنس", "فاطمة", "مريم", "عائشة", "زينب", "خديجة", "سارة", "نور",
    "هدى", "منى", "ليلى", "سلمى", "أمل", "هند", "رانيا", "عبد", "عبدالله", "عبدالرحمن", "الله",
    "الرحمن", "العزيز", "الكريم", "الرحيم", "المجيد", "الحميد", "بن", "ابن", "بنت", "أبو", "ابو",
    "أم", "آل", "ال",
])

# Canonical organisation key -> (Arabic display name, aliases).
ORGANISATIONS: dict[str, tuple[str, tuple[str, ...]]] = {
    "ISIS": ("تنظيم الدولة الإسلامية", ("داعش", "تنظيم داعش", "الدولة الإسلامية", "تنظيم الدولة",
                                       "الدولة الإسلامية في العراق والشام", "الدولة الاسلامية",
                                       "تنظيم الدولة الاسلامية")),
    "UN": ("الأمم المتحدة", ("منظمة الأمم المتحدة", "هيئة الأمم المتحدة", "الامم المتحدة")),
    "UNSC": ("مجلس الأمن الدولي", ("مجلس الأمن", "مجلس الامن الدولي")),
    "NATO": ("حلف شمال الأطلسي", ("الناتو", "حلف الناتو", "حلف الأطلسي", "الأطلسي")),
    "EU": ("الاتحاد الأوروبي", ("الاتحاد الاوروبي", "الاتحاد الأوربي")),
    "ARAB_LEAGUE": ("جامعة الدول العربية", ("الجامعة العربية",)),
    "GCC": ("مجلس التعاون الخليجي", ("مجلس التعاون لدول الخليج العربية", "مجلس التعاون")),
    "HAMAS": ("حركة حماس", ("حماس", "حركة المقاومة الإسلامية")),
    "HEZBOLLAH": ("حزب الله", ("حزب الله اللبناني",)),
    "AL_QAEDA": ("تنظيم القاعدة", ("القاعدة",)),
    "HOUTHIS": ("جماعة الحوثي", ("الحوثيون", "الحوثيين", "جماعة أنصار الله", "أنصار الله")),
    "MUSLIM_BROTHERHOOD": ("جماعة الإخوان المسلمين", ("الإخوان المسلمين", "الإخوان المسلمون",
                                                      "جماعة الإخوان", "الإخوان")),
    "FIFA": ("الاتحاد الدولي لكرة القدم", ("فيفا", "الفيفا")),
    "IMF": ("صندوق النقد الدولي", ()),
    "OPEC": ("منظمة أوبك", ("أوبك", "منظمة الدول المصدرة للنفط")),
    "WHO": ("منظمة الصحة العالمية", ()),
}


# Organisation names safe to find in running text when NER missed them (in the ANT
# slice NER tagged 12 of 249 occurrences of داعش / تنظيم الدولة). Only names that are
# not also common words: «حماس» (zeal), «القاعدة» (base, rule), «الأطلسي» (the ocean)
# and «الإخوان» (brothers) are left to NER.
TEXT_ALIASES: dict[str, tuple[str, ...]] = {
    "ISIS": ("داعش", "تنظيم داعش", "تنظيم الدولة الإسلامية", "تنظيم الدولة",
             "الدولة الإسلامية في العراق والشام"),
    "UN": ("الأمم المتحدة", "منظمة الأمم المتحدة"),
    "UNSC": ("مجلس الأمن الدولي",),
    "NATO": ("حلف شمال الأطلسي", "الناتو", "حلف الناتو"),
    "EU": ("الاتحاد الأوروبي", "الاتحاد الأوربي"),
    "ARAB_LEAGUE": ("جامعة الدول العربية", "الجامعة العربية"),
    "HAMAS": ("حركة حماس",),
    "HEZBOLLAH": ("حزب الله",),
    "AL_QAEDA": ("تنظيم القاعدة",),
    "HOUTHIS": ("جماعة الحوثي", "الحوثيون", "الحوثيين", "جماعة أنصار الله"),
    "MUSLIM_BROTHERHOOD": ("جماعة الإخوان المسلمين", "الإخوان المسلمين", "جماعة الإخوان"),
    "FIFA": ("فيفا", "الفيفا", "الاتحاد الدولي لكرة القدم"),
    "IMF": ("صندوق النقد الدولي",),
    "OPEC": ("أوبك", "منظمة أوبك"),
    "WHO": ("منظمة الصحة العالمية",),
}

_TOKEN = re.compile(r"[^\W_]+")


def alias_key(name: str) -> str:
    """Lookup form: normalised and single-spaced (spelling variants fold together)."""
    return " ".join(normalize(name).split())


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    countries: dict[str, str] = {}
    for code, (display, aliases) in COUNTRIES.items():
        for alias in (display, *aliases):
            countries[alias_key(alias)] = code
    orgs: dict[str, str] = {}
    for code, (display, aliases) in ORGANISATIONS.items():
        for alias in (display, *aliases):
            orgs[alias_key(alias)] = code
    capitals = {alias_key(k): v for k, v in CAPITALS.items()}
    return countries, orgs, capitals


def _gazetteer(name: str) -> dict[str, object] | None:
    """The places helper's geocoder record, when that module exists."""
    try:
        from marsad.extract.places import geocode
    except ImportError:
        return None
    try:
        record = geocode(name)
    except Exception:  # noqa: BLE001 - a gazetteer failure only loses the lookup
        return None
    return record if isinstance(record, dict) else None


def _gazetteer_code(name: str) -> str | None:
    """ISO code when the gazetteer says ``name`` *is* a country (a city only lies in one)."""
    record = _gazetteer(name)
    if not record or record.get("kind") != "country":
        return None
    code = record.get("country")
    return code.upper() if isinstance(code, str) and len(code) == 2 else None


def place_country(name: str) -> str | None:
    """ISO code of the country a (city) name lies in, for the entity's ``country`` field."""
    record = _gazetteer(name)
    code = record.get("country") if record else None
    return code.upper() if isinstance(code, str) and len(code) == 2 else None


def country_of(name: str) -> str | None:
    """ISO 3166 alpha-2 code of a country name or alias, or ``None``."""
    key = alias_key(name)
    countries = _tables()[0]
    code = countries.get(key)
    if code is None and key.startswith("ال") and len(key) > 4:
        code = countries.get(key[2:])
    return code or _gazetteer_code(name)


def capital_country(name: str) -> str | None:
    """ISO code of the state whose capital ``name`` is (for metonymy), or ``None``."""
    return _tables()[2].get(alias_key(name))


def organisation_of(name: str) -> str | None:
    """Canonical organisation key (``ISIS``, ``UN``, ...) for a known alias, or ``None``."""
    orgs = _tables()[1]
    key = alias_key(name)
    if key in orgs:
        return orgs[key]
    # «تنظيم داعش الإرهابي», «داعش الإرهابي»: drop a trailing epithet
    trimmed = key.removesuffix(" الارهابي").removesuffix(" المتطرف")
    return orgs.get(trimmed)


def country_name(code: str) -> str:
    """Arabic display name of an ISO code (the code itself when not in the table)."""
    return COUNTRIES.get(code, (code, ()))[0]


def organisation_name(key: str) -> str:
    return ORGANISATIONS.get(key, (key, ()))[0]


@lru_cache(maxsize=1)
def _text_table() -> tuple[dict[tuple[str, ...], str], int]:
    table = {tuple(alias_key(a).split()): code for code, names in TEXT_ALIASES.items() for a in names}
    return table, max(len(k) for k in table)


def _first_word_forms(token: str) -> set[str]:
    """A first word with its proclitics peeled: «والأمم» -> الامم, «للأمم» -> الامم,
    «بداعش» -> داعش (the conjunction, then a preposition)."""
    forms = {token}
    base = token[1:] if token[:1] in ("و", "ف") and len(token) > 3 else token
    forms.add(base)
    if base.startswith("لل") and len(base) > 3:
        forms.add("ال" + base[2:])
    elif base[:1] in ("ب", "ل", "ك") and len(base) > 3:
        forms.add(base[1:])
    return forms


def find_organisations(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of organisation names from :data:`TEXT_ALIASES` in ``text``,
    longest match first, words matched after normalisation (hashtags «#تنظيم_الدولة»
    count: the underscore separates words)."""
    table, longest = _text_table()
    toks = [(m.start(), m.end(), alias_key(m.group())) for m in _TOKEN.finditer(text)]
    out = []
    i = 0
    while i < len(toks):
        hit = None
        for n in range(min(longest, len(toks) - i), 0, -1):
            rest = tuple(t for _, _, t in toks[i + 1:i + n])
            for first in _first_word_forms(toks[i][2]):
                code = table.get((first, *rest))
                if code is not None:
                    hit = (n, code)
                    break
            if hit:
                break
        if hit:
            n, code = hit
            out.append((toks[i][0], toks[i + n - 1][1], code))
            i += n
        else:
            i += 1
    return out
