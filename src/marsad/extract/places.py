"""The ``places`` stage and :func:`geocode`: Arabic place names to countries and cities.

The gazetteer is compiled by ``scripts/build_gazetteer.py`` into
``marsad/data/gazetteer.json.gz`` (countries from mledoze/countries, cities from
GeoNames; see ``GAZETTEER_SOURCES.md``) and loaded once, lazily. Names are normalised
here with the same function applied to queries, so the shipped file stores names as
written.

Lookup rules, in order (first hit wins):

1. the normalised name; 2. without a leading «و/ف» and then «ب/ل/ك» on the article
   (and «لل» -> «ال»), then without one or two bare proclitics «و» + «ب/ل» («بدمشق»);
   a city is never the answer for a word in :data:`NOT_PLACES` (كان، بيان، الخميس...);
3. without or with the article «ال», for countries only («الباكستان»): for cities this
   turned common words into places («الدولة» -> an Indian «دوله»);
4. without a leading generic word («مدينة»، «العاصمة»، «ولاية»...).

When a name is both a country and a city («الجزائر»، «تونس»، «الكويت»، «عمان»), the
country wins: news names the state far more often than its capital by the same name.
Among cities sharing a name the most populous wins, so «طرابلس» is Tripoli, Libya
(1.3 M) rather than Tripoli, Lebanon (0.23 M); an article that means Lebanon's needs
context this lookup does not have. Demonyms («البريطانية»، «الليبي») are not places
and do not match. :data:`COUNTRY_ALIASES` adds common names missing from the data
(بريطانيا، سوريا، روسيا، إيران...) and :data:`CITY_ALIASES` capitals missing from
GeoNames' Arabic names (واشنطن -> Washington DC, الخرطوم).
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from marsad.model import Article, Entity

try:  # the shared text layer; a local stand-in keeps places usable without it
    from marsad.text.normalize import normalize_for_search as _normalize
except ImportError:  # pragma: no cover - only while the text layer is being written
    def _normalize(text: str) -> str:
        text = re.sub("[\u064B-\u0652\u0670\u0640]", "", text)
        return text.translate(str.maketrans("أإآٱىة", "اااايه"))

GAZETTEER_RESOURCE = "gazetteer.json.gz"

COUNTRY_ALIASES: dict[str, str] = {
    "بريطانيا": "GB", "المملكة المتحدة": "GB", "إنجلترا": "GB", "انكلترا": "GB", "إنكلترا": "GB",
    "اسكتلندا": "GB", "سوريا": "SY", "سورية": "SY", "الجمهورية العربية السورية": "SY",
    "فلسطين": "PS", "دولة فلسطين": "PS", "الأراضي الفلسطينية": "PS", "روسيا": "RU",
    "روسيا الاتحادية": "RU", "الاتحاد الروسي": "RU", "إيران": "IR", "تركيا": "TR",
    "الولايات المتحدة": "US", "أمريكا": "US", "أميركا": "US", "الولايات المتحدة الأمريكية": "US",
    "الولايات المتحدة الأميركية": "US", "مصر": "EG", "جمهورية مصر العربية": "EG",
    "السعودية": "SA", "المملكة العربية السعودية": "SA", "الإمارات": "AE",
    "الإمارات العربية المتحدة": "AE", "دولة الإمارات": "AE", "ليبيا": "LY", "العراق": "IQ",
    "لبنان": "LB", "الأردن": "JO", "المملكة الأردنية الهاشمية": "JO", "اليمن": "YE",
    "السودان": "SD", "جنوب السودان": "SS", "الجزائر": "DZ", "المغرب": "MA",
    "المملكة المغربية": "MA", "تونس": "TN", "موريتانيا": "MR", "الكويت": "KW", "قطر": "QA",
    "البحرين": "BH", "عمان": "OM", "سلطنة عمان": "OM", "إسرائيل": "IL", "ألمانيا": "DE",
    "فرنسا": "FR", "إيطاليا": "IT", "إسبانيا": "ES", "الصين": "CN", "اليابان": "JP",
    "الهند": "IN", "باكستان": "PK", "أفغانستان": "AF", "كوريا الجنوبية": "KR",
    "كوريا الشمالية": "KP", "هولندا": "NL", "بلجيكا": "BE", "سويسرا": "CH", "السويد": "SE",
    "النرويج": "NO", "الدنمارك": "DK", "اليونان": "GR", "قبرص": "CY", "أوكرانيا": "UA",
    "بولندا": "PL", "كندا": "CA", "أستراليا": "AU", "البرازيل": "BR", "المكسيك": "MX",
    "فنزويلا": "VE", "الأرجنتين": "AR", "جنوب أفريقيا": "ZA", "جنوب إفريقيا": "ZA",
    "نيجيريا": "NG", "إثيوبيا": "ET", "الصومال": "SO", "إريتريا": "ER", "جيبوتي": "DJ",
    "جزر القمر": "KM", "تشاد": "TD", "النيجر": "NE", "مالي": "ML", "ميانمار": "MM",
    "بورما": "MM", "بنغلاديش": "BD", "بنغلادش": "BD", "إندونيسيا": "ID", "ماليزيا": "MY",
    "الفاتيكان": "VA", "التشيك": "CZ", "النمسا": "AT", "المجر": "HU", "صربيا": "RS",
    "البوسنة": "BA", "البوسنة والهرسك": "BA", "أرمينيا": "AM", "أذربيجان": "AZ",
    "جورجيا": "GE", "كازاخستان": "KZ", "أوزبكستان": "UZ", "كولومبيا": "CO", "كوبا": "CU",
    "الشيلي": "CL", "تشيلي": "CL", "ساحل العاج": "CI", "كوت ديفوار": "CI", "الباكستان": "PK",
    "هونغ كونغ": "HK", "هونج كونج": "HK", "غينيا": "GN", "الفلبين": "PH", "تايوان": "TW",
}
"""Arabic country names the data lacks or spells otherwise -> ISO alpha-2 (ours). The
first name listed for a code is the one news uses and becomes ``geo["name"]``."""

# name -> (ISO alpha-2, lat, lon, population): capitals GeoNames lists without an Arabic name
CITY_ALIASES: dict[str, tuple[str, float, float, int]] = {
    "واشنطن": ("US", 38.8951, -77.0364, 689545),
    "الخرطوم": ("SD", 15.5518, 32.5324, 1974647),
    "نيودلهي": ("IN", 28.6358, 77.2245, 317797),
    "أبوظبي": ("AE", 24.4512, 54.397, 603492),
    "أبو ظبي": ("AE", 24.4512, 54.397, 603492),
}

NOT_PLACES: frozenset[str] = frozenset(["كان", "فإن", "إن", "أن", "وأن", "وإن", "بيان", "دوري", "دور", "الجديدة", "الجديد", "نادي", "إطار", "جمال", "وقف", "جامعة", "يوما", "أنا", "ميل", "رأي", "لأول", "لأي", "بار", "بري", "الخبراء", "الزعيم", "الأبيض", "الهندية", "أمل", "آمل", "ديلي", "الآن", "المدينة", "صور", "الصور", "عنه", "قوله", "أمن", "كامل", "كبار", "كبرى", "الساحل", "العين", "الأمل", "النور", "السلام", "الوحدة", "الحرية", "النصر", "الفتح", "الخليج", "الشمال", "الجنوب", "الشرق", "الغرب", "الوسط", "المركز", "الحي", "السوق", "الميناء", "المطار", "الجسر", "الجبل", "الوادي", "البحر", "النهر", "الرئيس", "طراز", "الحد", "بلد", "بول", "مون", "مارتن", "لويس", "سلطات", "الأشهر", "يونغ", "وردا", "ليل", "بشار", "فلاديمير"])
"""Common Arabic words that GeoNames also lists as some city's name (كان = Cannes,
الخميس = a town in Algeria). They are never geocoded as cities; weekday and month
names are added from :mod:`marsad.extract.times`. Countries are not affected."""

_GENERIC = ("مدينة", "العاصمة", "ولاية", "محافظة", "إقليم", "بلدة", "منطقة", "جزيرة")
_GENERIC_NORM: tuple[str, ...] = ()


def _norm(name: str) -> str:
    return re.sub(r"\s+", " ", _normalize(name)).strip()


@lru_cache(maxsize=1)
def _index() -> dict[str, dict[str, Any]]:
    """Normalised name -> geo record (countries override cities)."""
    raw = resources.files("marsad.data").joinpath(GAZETTEER_RESOURCE).read_bytes()
    data = json.loads(gzip.decompress(raw).decode("utf-8"))
    index: dict[str, dict[str, Any]] = {}
    for display, cc, lat, lon, population, others in data["cities"]:
        record = {"name": display, "country": cc, "lat": lat, "lon": lon, "kind": "city",
                  "population": population}
        for name in [display, *others]:
            key = _norm(name)
            old = index.get(key)
            if old is None or old["population"] < population:
                index[key] = record
    for name, (cc, lat, lon, population) in CITY_ALIASES.items():
        key = _norm(name)
        if key not in index or index[key]["population"] < population:
            index[key] = {"name": name, "country": cc, "lat": lat, "lon": lon,
                          "kind": "city", "population": population}
    by_code: dict[str, dict[str, Any]] = {}
    for cc, display, others, lat, lon in data["countries"]:
        record = {"name": display, "country": cc, "lat": lat, "lon": lon, "kind": "country"}
        by_code[cc] = record
        for name in [display, *others]:
            index[_norm(name)] = record
    for name, cc in COUNTRY_ALIASES.items():
        if cc in by_code:
            record = by_code[cc]
            if not record.get("_named"):  # the first alias is the name news uses
                record["name"], record["_named"] = name, True
            index[_norm(name)] = record
    for record in by_code.values():
        record.pop("_named", None)
    return index


def _candidates(key: str) -> list[tuple[str, bool]]:
    """Spellings to try for a normalised name, most literal first; the flag says the
    article «ال» was added or removed (accepted for countries only: «الباكستان»)."""
    out = [key]
    m = re.match(r"^[وف]?[بل]?(?=ال)", key)
    if m and m.end():
        out.append(key[m.end():])
    m = re.match(r"^[وف]?ل(?=ل)", key)
    if m:
        out.append("ا" + key[m.end():])
    # bare proclitics on a name without the article: «بدمشق», «وبأفريقيا», «لبريطانيا».
    # Tried only after the literal spellings, so «بغداد» and «بريطانيا» stay whole.
    m = re.match(r"^(?:و[بل]|[وبل])(?=\S{3})", key)
    if m:
        out.append(key[1:])
        if m.end() == 2:
            out.append(key[2:])
    for generic in _generic_words():
        for k in list(out):
            if k.startswith(generic + " "):
                out.append(k[len(generic) + 1:])
    tries = [(k, False) for k in dict.fromkeys(out)]
    for k in dict.fromkeys(out):
        if k.startswith("ال") and len(k) > 4:
            tries.append((k[2:], True))
        elif not k.startswith("ال"):
            tries.append(("ال" + k, True))
    return tries


@lru_cache(maxsize=1)
def _not_places() -> frozenset[str]:
    from marsad.extract.times import GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS
    words = set(NOT_PLACES) | set(WEEKDAYS) | set(GREGORIAN_MONTHS) | set(HIJRI_MONTHS)
    words |= {w[2:] for w in WEEKDAYS if w.startswith("ال")}
    return frozenset(_norm(w) for w in words)


@lru_cache(maxsize=1)
def _generic_words() -> tuple[str, ...]:
    return tuple(_norm(g) for g in _GENERIC)


def geocode(name: str | None) -> dict[str, Any] | None:
    """Geo record for an Arabic place name, or None if the gazetteer does not know it.

    ``{"name", "country" (ISO alpha-2), "lat", "lon", "kind": "country"|"city",
    "population" (cities)}``; a fresh dict each call, so callers may keep or edit it.
    """
    if not name or not isinstance(name, str):
        return None
    key = _norm(name)
    if not key:
        return None
    index = _index()
    stop = _not_places()
    for candidate, article_changed in _candidates(key):
        record = index.get(candidate)
        if record is None:
            continue
        if record["kind"] == "city" and (article_changed or candidate in stop):
            continue
        return dict(record)
    return None


def country_code(name: str | None) -> str | None:
    """ISO 3166 alpha-2 code of the country a place name lies in (or is), else None."""
    record = geocode(name)
    return record["country"] if record else None


_HASHTAG = re.compile(r"#(\w+)")


def hashtag_places(text: str, entities: Sequence[Entity]) -> list[Entity]:
    """LOC entities for hashtags that name a country or a large city («#اليابان»، «#خان_يونس»).

    Outlets such as Al Arabiya tag places inline; the tagger, trained on plain newswire,
    rarely reads a hashtag as a name. A hashtag the gazetteer knows (underscores read as
    spaces; a city needs 100,000 people, as the no-NER stand-ins do) becomes a LOC over the
    whole hashtag, unless an entity already covers any of it."""
    out: list[Entity] = []
    for m in _HASHTAG.finditer(text):
        start, end = m.span()
        if any(e.start < end and start < e.end for e in entities):
            continue
        name = m.group(1).replace("_", " ")
        rec = geocode(name)
        if rec is None or (rec.get("kind") != "country" and (rec.get("population") or 0) < 100_000):
            continue
        out.append(Entity(start, end, text[start:end], "LOC", rec.get("name") or name, geo=rec))
    return out


class PlacesStage:
    """Fills ``Entity.geo`` on LOC entities the gazetteer knows (the layer is kept)."""

    name = "places"
    requires: tuple[str, ...] = ("entities",)
    assigns: tuple[str, ...] = ("entities",)
    types: frozenset[str] = frozenset({"LOC", "GPE"})

    def __call__(self, article: Article) -> Article:
        for entity in article.layer("entities"):
            if getattr(entity, "type", "") not in self.types:
                continue
            geo = geocode(entity.canonical) if entity.canonical else None
            entity.geo = geo or geocode(entity.text)
        tagged = hashtag_places(article.text, article.layer("entities"))
        if tagged:
            article.set_layer("entities", sorted([*article.layer("entities"), *tagged], key=lambda e: e.start))
        return article

    def pipe(self, articles: list[Article]) -> list[Article]:
        return [self(a) for a in articles]


__all__ = ["CITY_ALIASES", "COUNTRY_ALIASES", "NOT_PLACES", "PlacesStage", "country_code", "geocode",
           "hashtag_places"]
