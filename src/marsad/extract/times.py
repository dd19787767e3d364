"""The ``times`` stage: dates, years, relative expressions and durations.

Why our own rules: dateparser returns nothing for «منذ عامين»، «قبل ثلاثة أيام»،
«الأشهر المقبلة»، «آذار 2019»، «العاشر من مارس», and its ``search_dates`` reads
«5000» as a year and «12 سنة» as 2007 (see OFFLINE-DEPS.md). Here every rule is a
compiled regex over the folded text (:mod:`marsad.extract.arabic_numbers`), so offsets
map back exactly and number words are read by the same parser the numbers stage uses.

Values (``TimeExpr.value``), all ISO 8601:

* ``date``: ``2016-03-12``; month only ``2016-03``; a Hijri month with a year becomes
  the Gregorian interval it covers (``2016-06-06/2016-07-05``), ``calendar="hijri"``.
* ``year``: ``2016`` («في 2016»، «عام 2016»، «سنة 1990»); a Hijri year gives an interval.
* ``relative``: resolved against ``article.published`` (the *anchor*): «أمس» ->
  ``2016-03-09``; «منذ عامين» -> ``2014`` (the unit fixes the precision: years -> year,
  months -> ``2016-01``, weeks -> ISO week ``2016-W09``, days/hours -> date); «الأسبوع
  الماضي» -> ``2016-W09``; weekdays («يوم الثلاثاء») -> the most recent such day on or
  before the anchor («الماضي» strictly before, «المقبل» strictly after). Open plural
  ranges («الأشهر المقبلة»، «الأيام الماضية») become an interval from or to the anchor
  of three units (Arabic plurals of paucity start at three) or the stated count:
  ``2016-03-10/P3M``, ``P3D/2016-03-10``. With no anchor, or when the expression is
  anchored on another event («بعد ثلاثة أيام من الهجوم»), the value is None but the
  expression is still reported.
* ``duration``: ``P12Y``, ``P3M``, ``PT2H`` («12 سنة»، «لمدة ثلاثة أشهر»، «ساعتين»).
* ``time``: clock time ``T10:30`` («الساعة 10:30»).

A bare number is never a year here: years need a trigger («عام»، «في»، «منذ»...) and
1900-2100 (wider with «عام/سنة»), and a following scale word or «%» cancels it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from marsad.extract.arabic_numbers import (
    NUMBER_PHRASE,
    ORDINAL_DAY,
    ORDINALS,
    Folded,
    fold,
    fold_word,
    words_value,
)
from marsad.model import Article, TimeExpr

# --------------------------------------------------------------------- vocabulary

GREGORIAN_MONTHS: dict[str, int] = {
    "يناير": 1, "جانفي": 1, "كانون الثاني": 1, "فبراير": 2, "فيفري": 2, "شباط": 2,
    "مارس": 3, "آذار": 3, "أبريل": 4, "إبريل": 4, "ابريل": 4, "أفريل": 4, "نيسان": 4,
    "مايو": 5, "أيار": 5, "يونيو": 6, "يونيه": 6, "جوان": 6, "حزيران": 6,
    "يوليو": 7, "يوليه": 7, "جويلية": 7, "تموز": 7, "أغسطس": 8, "آب": 8, "أوت": 8,
    "سبتمبر": 9, "أيلول": 9, "أكتوبر": 10, "تشرين الأول": 10, "نوفمبر": 11,
    "تشرين الثاني": 11, "ديسمبر": 12, "كانون الأول": 12,
    # the article is often dropped: «تشرين ثاني»، «كانون أول»، «تشرين ثانٍ»
    "كانون ثاني": 1, "كانون ثان": 1, "تشرين أول": 10, "تشرين ثاني": 11, "تشرين ثان": 11,
    "كانون أول": 12,
}
HIJRI_MONTHS: dict[str, int] = {
    "محرم": 1, "صفر": 2, "ربيع الأول": 3, "ربيع الآخر": 4, "ربيع الثاني": 4,
    "جمادى الأولى": 5, "جمادى الأول": 5, "جمادى الآخرة": 6, "جمادى الثانية": 6,
    "جمادى الآخر": 6, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10,
    "ذو القعدة": 11, "ذي القعدة": 11, "ذو الحجة": 12, "ذي الحجة": 12,
}
# Month names that are also common words («مارس» practised, «آب» father) need a day,
# a year, «شهر» or «الماضي/المقبل» next to them.
_AMBIGUOUS_MONTHS = {fold_word(w) for w in ("مارس", "آب", "أوت", "جوان")}
WEEKDAYS: dict[str, int] = {  # Python weekday(): Monday = 0
    "الاثنين": 0, "الإثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3, "الجمعة": 4,
    "السبت": 5, "الأحد": 6,
}
# unit -> (ISO designator, count implied by the form: 1 singular, 2 dual, 0 plural)
_UNIT_FORMS: dict[str, tuple[str, int]] = {}
for _forms, _code in (
    (("ثانية", "ثانيتين", "ثوان", "ثواني"), "S"),
    (("دقيقة", "دقيقتين", "دقائق"), "TM"),
    (("ساعة", "ساعتين", "ساعات"), "H"),
    (("يوم", "يوما", "يومين", "أيام"), "D"),
    (("أسبوع", "أسبوعا", "أسبوعين", "أسابيع"), "W"),
    (("شهر", "شهرا", "شهرين", "أشهر", "شهور"), "M"),
    (("عام", "عاما", "عامين", "أعوام", "سنة", "سنتين", "سنوات", "سنين"), "Y"),
    (("عقد", "عقدا", "عقدين", "عقود"), "DEC"),
    (("قرن", "قرنا", "قرنين", "قرون"), "CEN"),
):
    for _w in _forms:
        _count = 2 if _w.endswith(("ين", "تين")) and _w not in ("سنين",) else (
            0 if _w in ("ثوان", "ثواني", "دقائق", "ساعات", "أيام", "أسابيع", "أشهر", "شهور",
                        "أعوام", "سنوات", "سنين", "عقود", "قرون") else 1)
        _UNIT_FORMS[fold_word(_w)] = (_code, _count)

_PAST = ("الماضي", "المنصرم", "الفائت", "السابق", "الأخير")
_FUTURE = ("المقبل", "القادم")
_CURRENT = ("الجاري", "الحالي")
PLURAL_RANGE_COUNT = 3
"""Units an open plural range («الأشهر المقبلة») spans when no count is given."""


def _alt(words: object) -> str:
    folded = {fold_word(w) for w in words}  # type: ignore[attr-defined]
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+")
                            for w in sorted(folded, key=len, reverse=True)) + ")"


B, E = r"(?<![\w])", r"(?![\w])"
PFX = r"(?:[وف]?[بلك]?)"  # clitics before a core word; never part of the span
ART = r"(?:ال|(?<=ل)ل)"  # the article, also after «ل» (للعام)
GMONTH = _alt(GREGORIAN_MONTHS)
HMONTH = _alt(HIJRI_MONTHS)
WEEKDAY = _alt(w.removeprefix("ال") for w in WEEKDAYS)
UNIT = _alt(_UNIT_FORMS)
DIR = "(?:" + "|".join(fold_word(w) for w in _PAST + _FUTURE + _CURRENT) + ")ه?"
NUM = rf"(?:\d+(?:[.,]\d+)?|{NUMBER_PHRASE})"
AD = r"(?:\s*م(?!\w)|\s+ميلادي(?:ه)?(?!\w))?"
AH = r"(?:\s*(?:ه|هجري(?:ه)?)(?!\w))"
APPROX = r"(?:(?:نحو|حوالي|قرابه|زهاء|اكثر\s+من|اقل\s+من|ما\s+يقرب\s+من|ما\s+يزيد\s+عن)\s+)?"

# ------------------------------------------------------------------------- values


def parse_anchor(published: str | None) -> date | None:
    """The publication date from an ISO date/datetime string, or None."""
    if not published or not isinstance(published, str):
        return None
    try:
        return date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None


def _add_months(d: date, months: int) -> tuple[int, int]:
    m = d.year * 12 + (d.month - 1) + months
    return m // 12, m % 12 + 1


def _iso_week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y}-W{w:02d}"


def _shift(anchor: date, code: str, n: int) -> str:
    """ISO value of ``anchor`` moved by ``n`` units, at the precision of the unit."""
    if code in ("Y", "DEC", "CEN"):
        step = {"Y": 1, "DEC": 10, "CEN": 100}[code]
        return f"{anchor.year + n * step:04d}"
    if code == "M":
        y, m = _add_months(anchor, n)
        return f"{y:04d}-{m:02d}"
    if code == "W":
        return _iso_week(anchor + timedelta(weeks=n))
    if code == "D":
        return (anchor + timedelta(days=n)).isoformat()
    return anchor.isoformat()  # hours, minutes, seconds: the day is what we know


def duration_value(n: float, code: str) -> str:
    """ISO 8601 duration for ``n`` units (``P12Y``, ``P3M``, ``PT2H``)."""
    num = int(n) if float(n).is_integer() else n
    if code == "DEC":
        return f"P{num * 10}Y"
    if code == "CEN":
        return f"P{num * 100}Y"
    if code in ("H", "S"):
        return f"PT{num}{code}"
    if code == "TM":
        return f"PT{num}M"
    return f"P{num}{code}"


def _number(text: str) -> float | None:
    text = text.strip()
    if re.fullmatch(r"\d+(?:[.,]\d+)?", text):
        return float(text.replace(",", "."))
    return words_value(text)


def hijri_to_gregorian(year: int, month: int, day: int) -> date | None:
    """Gregorian date of a Hijri (Umm al-Qura) date, or None outside hijridate's range."""
    try:
        from hijridate import Hijri
        return Hijri(year, month, day).to_gregorian()
    except (ImportError, ValueError, OverflowError):
        return None


def _hijri_month_interval(year: int, month: int) -> str | None:
    first = hijri_to_gregorian(year, month, 1)
    nxt = hijri_to_gregorian(year + (month == 12), month % 12 + 1, 1)
    if first is None or nxt is None:
        return None
    return f"{first.isoformat()}/{(nxt - timedelta(days=1)).isoformat()}"


def _anchor_hijri_year(anchor: date | None) -> int | None:
    if anchor is None:
        return None
    try:
        from hijridate import Gregorian
        return int(Gregorian(anchor.year, anchor.month, anchor.day).to_hijri().year)
    except (ImportError, ValueError, OverflowError):
        return None


def _folded_table(table: dict[str, int]) -> dict[str, int]:
    return {fold_word(k[2:] if k.startswith("ال") and table is WEEKDAYS else k): v
            for k, v in table.items()}


_FOLDED = {id(t): _folded_table(t) for t in (GREGORIAN_MONTHS, HIJRI_MONTHS, WEEKDAYS)}


def _lookup(table: dict[str, int], folded: str) -> int:
    """Value of a matched (folded) name; for WEEKDAYS the name is without «ال»."""
    return _FOLDED[id(table)][re.sub(r"\s+", " ", folded)]


# -------------------------------------------------------------------------- rules


@dataclass(slots=True)
class _Found:
    start: int  # folded offsets
    end: int
    kind: str
    value: str | None
    calendar: str = "gregorian"
    priority: int = 0
    tag: str = ""
    past_by_default: bool = False  # a bare weekday read as the last one only for want of a future cue


_Rule = Callable[[re.Match[str], date | None], "_Found | None"]


def _day(text: str | None) -> int | None:
    if text is None:
        return None
    if text.isdigit():
        return int(text)
    return ORDINALS.get(re.sub(r"\s+", " ", text))


def _rule_numeric(m: re.Match[str], anchor: date | None) -> _Found | None:
    g = m.groupdict()
    if g.get("iy"):
        y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
    else:
        a, b, y = int(g["a"]), int(g["b"]), int(g["y"])
        d, mo = (a, b) if b <= 12 else (b, a)  # day first, as Arabic news writes it
    if g.get("ah"):
        conv = hijri_to_gregorian(y, mo, d)
        return _Found(m.start("x"), m.end("x"), "date", conv.isoformat() if conv else None, "hijri")
    try:
        value = date(y, mo, d).isoformat()
    except ValueError:
        return None
    return _Found(m.start("x"), m.end("x"), "date", value)


def _nearest_year(anchor: date, month: int, day: int | None, direction: str) -> int:
    """Year of a day/month written without one: «الماضي» -> latest on or before the
    anchor, «المقبل» -> next on or after it, otherwise the nearer of the two (a tie
    goes to the past, which news reports more often)."""
    def key(year: int) -> tuple[int, int, int]:
        return (year, month, day or (anchor.day if month == anchor.month else 1))

    now = (anchor.year, anchor.month, anchor.day)
    past = anchor.year if key(anchor.year) <= now else anchor.year - 1
    future = anchor.year if key(anchor.year) >= now else anchor.year + 1
    if direction.startswith(tuple(fold_word(w) for w in _PAST)):
        return past
    if direction.startswith(tuple(fold_word(w) for w in _FUTURE)):
        return future
    months_back = (anchor.year - past) * 12 + anchor.month - month
    months_ahead = (future - anchor.year) * 12 + month - anchor.month
    return past if months_back <= months_ahead else future


def _rule_gdate(m: re.Match[str], anchor: date | None) -> _Found | None:
    day = _day(m.group("day"))
    month = _lookup(GREGORIAN_MONTHS, m.group("month"))
    year = int(m.group("year")) if m.group("year") else None
    direction = m.group("dir") or ""
    named_month = bool(m.group("shahr"))  # «شهر مارس»
    ydir = m.group("ydir")
    if ydir and anchor is not None:
        # Round 9: «نيسان/أبريل من العام الماضي»، «يونيو من العام الجاري»: the phrase fixes the year
        year = anchor.year - 1 if ydir.startswith(tuple(fold_word(w) for w in _PAST)) else \
            anchor.year + 1 if ydir.startswith(tuple(fold_word(w) for w in _FUTURE)) else anchor.year
    bare = day is None and year is None and not direction and not named_month and not ydir
    if bare and (re.sub(r"\s+", " ", m.group("month")) in _AMBIGUOUS_MONTHS or not m.group("prep")):
        return None  # «مارس الرياضة»: a bare month name needs «في/منذ...» and no ambiguity
    if day is not None and not 1 <= day <= 31:
        return None
    if year is None and anchor is not None:
        year = _nearest_year(anchor, month, day, direction)
    value: str | None = None
    if year is not None:
        value = f"{year:04d}-{month:02d}"
        if day is not None:
            try:
                value = date(year, month, day).isoformat()
            except ValueError:
                return None
    return _Found(m.start("x"), m.end("x"), "date", value)


def _rule_hdate(m: re.Match[str], anchor: date | None) -> _Found | None:
    day = _day(m.group("day"))
    month = _lookup(HIJRI_MONTHS, m.group("month"))
    year = int(m.group("year")) if m.group("year") else None
    if day is None and year is None and not m.group("shahr"):
        return None  # «رمضان» alone is also a first name
    if year is None:
        year = _anchor_hijri_year(anchor)
    value: str | None = None
    if year is not None and day is not None:
        conv = hijri_to_gregorian(year, month, day)
        value = conv.isoformat() if conv else None
    elif year is not None:
        value = _hijri_month_interval(year, month)
    return _Found(m.start("x"), m.end("x"), "date", value, "hijri")


def _rule_year(m: re.Match[str], anchor: date | None) -> _Found | None:
    g = m.groupdict()
    y1 = int(g["year"])
    y2 = int(g["year2"]) if g.get("year2") else None
    if g.get("ah"):
        first = hijri_to_gregorian(y1, 1, 1)
        last = hijri_to_gregorian((y2 or y1) + 1, 1, 1)
        value = f"{first.isoformat()}/{(last - timedelta(days=1)).isoformat()}" \
            if first and last else None
        return _Found(m.start("x"), m.end("x"), "year", value, "hijri")
    if not 1000 <= y1 <= 2100:
        return None
    if y2 is not None and g.get("conj"):
        # Round 8: «في 2018 و2019» names two years, each its own expression (a dual noun
        # «عامي 2015 و2016» stays one); the second is matched on its own
        return _Found(m.start("x"), m.end("year"), "year", f"{y1:04d}")
    value = f"{y1:04d}" if y2 is None else f"{y1:04d}/{y2:04d}"
    return _Found(m.start("x"), m.end("x"), "year", value)


def _rule_second_year(m: re.Match[str], anchor: date | None) -> _Found | None:
    """The second year of «في 2018 و2019» (a preposition, a year, و, a year)."""
    if not _PAIR_BEFORE.search(m.string[max(0, m.start("x") - 30):m.start("x")]):
        return None
    return _rule_year(m, anchor)


_HOUR_WORDS = {fold_word(w): h for w, h in (
    ("الواحدة", 1), ("الثانية", 2), ("الثالثة", 3), ("الرابعة", 4), ("الخامسة", 5), ("السادسة", 6),
    ("السابعة", 7), ("الثامنة", 8), ("التاسعة", 9), ("العاشرة", 10), ("الحادية عشرة", 11),
    ("الثانية عشرة", 12))}
HOUR_WORD = "(?:" + "|".join(sorted((re.escape(k) for k in _HOUR_WORDS), key=len, reverse=True)) + ")"
_PART_HOURS = fold_word(r"(?:صباحا|صباحاً|مساء|مساءا|مساءً|ظهرا|ظهراً|عصرا|عصراً|فجرا|فجراً|ليلا|ليلاً)")


def _rule_word_clock(m: re.Match[str], anchor: date | None) -> _Found | None:
    """Round 8: «الساعة الثامنة صباحا»، «الثالثة عصراً»، «12 ظهراً»: an hour written as an
    ordinal word (or digits) with a part of the day; afternoon, evening and night add 12."""
    hw = re.sub(r"\s+", " ", m.group("hw") or "")
    h = _HOUR_WORDS.get(hw) if hw else int(m.group("hd"))
    if h is None or not 0 < h <= 12:
        return None
    part = m.group("part") or ""
    if part.startswith(("مساء", "ليلا", "عصر")) and h < 12 or part.startswith("ظهر") and h < 6:
        h += 12
    return _Found(m.start("x"), m.end("x"), "time", f"T{h:02d}:00")


_DECADES = {fold_word(w): d for w, d in (
    ("الخمسينيات", 195), ("الخمسينات", 195), ("الستينيات", 196), ("الستينات", 196),
    ("السبعينيات", 197), ("السبعينات", 197), ("الثمانينيات", 198), ("الثمانينات", 198),
    ("التسعينيات", 199), ("التسعينات", 199))}


def _rule_decade(m: re.Match[str], anchor: date | None) -> _Found | None:
    """Round 8: «في الستينيات» (of the last century) is the decade ``196``; ages («في
    الستينيات من عمره») are excluded by the pattern."""
    return _Found(m.start("x"), m.end("x"), "year", str(_DECADES[m.group("dec")]))


_QUARTERS = {fold_word(w): q for w, q in (("الأول", 1), ("الثاني", 2), ("الثالث", 3), ("الرابع", 4),
                                          ("الأخير", 4))}


def _rule_quarter(m: re.Match[str], anchor: date | None) -> _Found | None:
    """Round 8: «الربع الأول من 2017»، «الربع الثاني من العام الجاري» -> ``2017-Q1``."""
    q = _QUARTERS[m.group("q")]
    if m.group("year"):
        year: int | None = int(m.group("year"))
    elif anchor is not None:
        d = m.group("dir") or "الجاري"
        year = anchor.year - 1 if d.startswith(tuple(fold_word(w) for w in _PAST)) else \
            anchor.year + 1 if d.startswith(tuple(fold_word(w) for w in _FUTURE)) else anchor.year
    else:
        year = None
    return _Found(m.start("x"), m.end("x"), "date", f"{year:04d}-Q{q}" if year else None)


def _rule_since_start(m: re.Match[str], anchor: date | None) -> _Found | None:
    """Round 8: «منذ بداية العام (المنصرم)» counts from January of that year (fresh5/fresh6)."""
    if anchor is None:
        return _Found(m.start("x"), m.end("x"), "relative", None)
    d = m.group("dir") or ""
    year = anchor.year - 1 if d.startswith(tuple(fold_word(w) for w in _PAST)) else anchor.year
    return _Found(m.start("x"), m.end("x"), "relative", f"{year:04d}-01", priority=3)


def _rule_vague(m: re.Match[str], anchor: date | None) -> _Found | None:
    """Round 8: time words that refer to a moment of the story or a vague stretch
    («آنذاك»، «حينها»، «منذ ذلك الحين»، «لفترة طويلة»، «الفترة الماضية»): reported with
    no value, as the gold conventions annotate them."""
    return _Found(m.start("x"), m.end("x"), "relative", None)


def _rule_age_ordinal(m: re.Match[str], anchor: date | None) -> _Found | None:
    """Round 8: «العاشرة من عمرهم»، «سن الـ16»: an age is a duration in years."""
    n = _day(m.group("ord")) if m.group("ord") else int(m.group("n"))
    if n is None or not 0 < n < 130:
        return None
    return _Found(m.start("x"), m.end("x"), "duration", f"P{n}Y", priority=2)


def _rule_yearly(m: re.Match[str], anchor: date | None) -> _Found | None:
    """Round 8: «18 مارس من كل عام»: a date that recurs every year is habitual, no value."""
    return _Found(m.start("x"), m.end("x"), "relative", None, priority=3)


_FUTURE_CONTEXT = re.compile(fold_word(
    r"(?<!\w)(?:سوف|المرتقب\w*|المقرر\w*|المنتظر\w*|المزمع\w*|يعتزم|تعتزم|سيعقد|ستعقد|ستجرى"
    r"|سيجرى|سيلتقي|ستلتقي|سيزور|ستزور|سيصل|ستصل|سيبدأ|ستبدأ|ستنطلق|سينطلق|سيلعب|ستلعب"
    r"|سيواجه|ستواجه|سيخوض|ستخوض|سيستضيف|يستضيف|يلتقي|تلتقي)(?!\w)"))


def _clause_start(text: str, pos: int) -> int:
    """Start of the stretch before ``pos`` that the weekday's direction cues are read from: at
    most 80 characters, and not past the last sentence end."""
    window = max(0, pos - 80)
    return max(window, max(text.rfind(c, window, pos) for c in ".!?؟\n") + 1)


def _future_context(m: re.Match[str]) -> bool:
    """A future marker earlier in the same sentence («قمته المرتقبة الإثنين»)."""
    pos = m.start("x")
    return bool(_FUTURE_CONTEXT.search(m.string[_clause_start(m.string, pos):pos]))


def _rule_weekday(m: re.Match[str], anchor: date | None) -> _Found | None:
    wd = _lookup(WEEKDAYS, m.group("wd"))
    if anchor is None:
        return _Found(m.start("x"), m.end("x"), "relative", None, tag="weekday")
    direction = m.group("dir") or ""
    back = (anchor.weekday() - wd) % 7
    future = direction.startswith(tuple(fold_word(w) for w in _FUTURE)) or \
        bool(not direction and back and _future_context(m))
    if future:
        when = anchor + timedelta(days=(wd - anchor.weekday()) % 7 or 7)
    else:
        if direction and back == 0:
            back = 7
        when = anchor - timedelta(days=back)
    return _Found(m.start("x"), m.end("x"), "relative", when.isoformat(), tag="weekday",
                  past_by_default=not future and not direction and back > 0)


# Round 59: «وسترسل الكوريتان وفدا … الخميس»، «سيعقد … الجمعة»: «س» + an imperfect verb a few words
# before a bare weekday puts it in the coming week.  Words that only look so — nouns («سياسة»،
# «سيارة»، «سيطرة»، «ستة») and names, which the entities layer marks — are not verbs.
_FUTURE_VERB = re.compile(r"^[وف]?س[يتن]\w{3,}$")
_NOT_FUTURE_VERB = re.compile(fold_word(
    r"^[وفل]?(?:سيطر|سياس|سيار|ستري|ستوك|سيت|سين|ستا|سنو|سنت|سيد|ستين|ستة|سيول|سير|سيئ|سياد|سياح|سيناري|سنغا)"))
FUTURE_VERB_WORDS = 4


def _future_verb_before(folded: Folded, pos: int, in_name: Callable[[int], bool]) -> bool:
    """A future verb among the last few words of the clause before folded offset ``pos``."""
    start = _clause_start(folded.text, pos)
    words = list(re.finditer(r"\w+", folded.text[start:pos]))[-FUTURE_VERB_WORDS:]
    return any(_FUTURE_VERB.match(w.group()) and not _NOT_FUTURE_VERB.match(w.group())
               and not in_name(folded.index[start + w.start()]) for w in words)


_DAY_WORDS = {"امس": -1, "الامس": -1, "اليوم": 0, "الليله": 0, "غدا": 1, "يوم غد": 1, "غد": 1,
              "بعد غد": 2, "اول امس": -2, "اول من امس": -2, "امس الاول": -2}


def _rule_dayword(m: re.Match[str], anchor: date | None) -> _Found | None:
    key = re.sub(r"\s+", " ", m.group("x"))
    if key.startswith("ل") and not key.startswith("ال") and not key.startswith("الليل"):
        key = "ا" + key
    offset = _DAY_WORDS.get(key)
    if offset is None:
        return None
    value = (anchor + timedelta(days=offset)).isoformat() if anchor else None
    return _Found(m.start("x"), m.end("x"), "relative", value)


def _rule_ago(m: re.Match[str], anchor: date | None) -> _Found | None:
    code, implied = _UNIT_FORMS[m.group("unit")]
    n = _number(m.group("n")) if m.group("n") else (implied or None)
    if m.group("n") and n is None:
        return None
    sign = 1 if m.group("dir") == "بعد" else -1
    value = None
    if anchor is not None and n is not None and not m.group("other") and float(n).is_integer():
        value = _shift(anchor, code, sign * int(n))
    return _Found(m.start("x"), m.end("x"), "relative", value, priority=2)


def _rule_this_period(m: re.Match[str], anchor: date | None) -> _Found | None:
    unit = m.group("unit")
    code = "W" if unit == "اسبوع" else "M" if unit == "شهر" else "Y"
    direction = m.group("dir") or "الجاري"
    step = -1 if direction.startswith(tuple(fold_word(w) for w in _PAST)) else \
        1 if direction.startswith(tuple(fold_word(w) for w in _FUTURE)) else 0
    if m.group("this"):
        step = 0
    value = _shift(anchor, code, step) if anchor else None
    return _Found(m.start("x"), m.end("x"), "relative", value)


def _rule_plural_range(m: re.Match[str], anchor: date | None) -> _Found | None:
    code, _ = _UNIT_FORMS[m.group("unit")]
    n = _number(m.group("n")) if m.group("n") else PLURAL_RANGE_COUNT
    if n is None:
        return None
    value = None
    if anchor is not None:
        extent = duration_value(n, code)
        future = m.group("dir").startswith(tuple(fold_word(w) for w in _FUTURE))
        value = f"{anchor.isoformat()}/{extent}" if future else f"{extent}/{anchor.isoformat()}"
    return _Found(m.start("x"), m.end("x"), "relative", value)


def _rule_dual_range(m: re.Match[str], anchor: date | None) -> _Found | None:
    """«الأسبوعين الماضيين»، «اليومين المقبلين»: a definite dual with a dual adjective is the
    open range of two units before or after publication, like «الأيام الثلاثة الماضية»."""
    code, count = _UNIT_FORMS[m.group("unit")]
    if count != 2:
        return None
    value = None
    if anchor is not None:
        extent = duration_value(2, code)
        future = m.group("dir").startswith(tuple(fold_word(w) for w in _FUTURE))
        value = f"{anchor.isoformat()}/{extent}" if future else f"{extent}/{anchor.isoformat()}"
    return _Found(m.start("x"), m.end("x"), "relative", value)


def _rule_duration(m: re.Match[str], anchor: date | None) -> _Found | None:
    code, implied = _UNIT_FORMS[m.group("unit")]
    if m.group("n"):
        n = _number(m.group("n"))
        if n is None or n <= 0:
            return None
        if implied == 2:  # «عامين» after a number is not a count
            return None
    else:
        n = implied
        if n == 0 or (n == 1 and not m.group("lead")):
            return None
    if m.group("half"):
        n += 0.5  # «ثلاث سنوات ونصف» = P3.5Y
    return _Found(m.start("x"), m.end("x"), "duration", duration_value(n, code), priority=1)


def _rule_clock(m: re.Match[str], anchor: date | None) -> _Found | None:
    h, mi = int(m.group("h")), int(m.group("mi") or 0)
    part = m.groupdict().get("part") or ""
    if part.startswith(("مساء", "ليلا", "بعد")) and h < 12:
        h += 12
    if h > 24 or mi > 59:
        return None
    return _Found(m.start("x"), m.end("x"), "time", f"T{h:02d}:{mi:02d}")


_YEAR_TRIGGERS = r"(?:عام|العام|لعام|عامي|سنه|السنه|لسنه|سنتي)"
_YEAR_PREPS = r"(?:في|منذ|حتى|خلال|قبل|بعد|مطلع|اوائل|منتصف|اواخر|نهايه|بدايه|بين|ربيع|صيف|خريف|شتاء)"
_NOT_COUNT = r"(?!\s*(?:%|في\s+الم[ئا]|بالم[ئا]|(?:الف|الاف|مليون|ملايين|مليار)(?!\w))|\s*[/.\-]\d)"
_PAIR_BEFORE = re.compile(fold_word(rf"{_YEAR_PREPS}\s+\d{{4}}\s*و\s*$"))

def _rx(pattern: str) -> re.Pattern[str]:
    """Compile a pattern written in plain Arabic against the folded text (حتى -> حتي)."""
    return re.compile(fold_word(pattern))


RULES: list[tuple[re.Pattern[str], _Rule]] = [
    (_rx(rf"(?<![\d/.\-])(?P<x>(?P<a>\d{{1,2}})(?P<sep>[/.\-])(?P<b>\d{{1,2}})(?P=sep)"
                rf"(?P<y>\d{{4}})(?P<ah>{AH})?)(?![\d/\-]|\.\d)"), _rule_numeric),
    (_rx(r"(?<![\d/.\-])(?P<x>(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2}))"
                r"(?![\d/\-]|\.\d)"), _rule_numeric),
    (_rx(rf"{B}(?P<prep>{PFX}(?:في|منذ|حتى|خلال|مطلع|اوائل|منتصف|اواخر|نهايه|بدايه)\s+)?"
                rf"{PFX}(?P<x>(?:(?P<day>\d{{1,2}}|{ORDINAL_DAY})\s+(?:من\s+)?)?(?P<shahr>شهر\s+)?"
                rf"(?P<month>{GMONTH})(?:\s*[/(]\s*{GMONTH}\s*\)?)?"
                rf"(?:\s*[,،]?\s*(?:من\s+)?(?:عام\s+|العام\s+|سنه\s+)?(?P<year>\d{{4}}){AD}"
                rf"|\s+(?P<dir>{DIR})|\s+من\s+(?:العام|السنه)\s+(?P<ydir>{DIR}))?){E}"), _rule_gdate),
    (_rx(rf"{B}(?P<x>(?:(?P<day>\d{{1,2}}|{ORDINAL_DAY})\s+(?:من\s+)?)?(?P<shahr>شهر\s+)?"
                rf"(?P<month>{HMONTH})(?:\s+(?:من\s+)?(?:عام\s+|سنه\s+)?(?P<year>\d{{3,4}})(?:{AH})?)?)"
                rf"{E}"), _rule_hdate),
    (_rx(rf"{B}{PFX}(?P<x>{_YEAR_TRIGGERS}\s+(?P<year>\d{{3,4}})"
                rf"(?:\s*(?:و|-|الى|حتى)\s*(?P<year2>\d{{4}}))?(?:(?P<ah>{AH})|{AD})){_NOT_COUNT}(?!\d)"),
     _rule_year),
    (_rx(rf"{B}{PFX}{_YEAR_PREPS}\s+(?P<x>(?P<year>(?:19|20)\d\d)"
                rf"(?:(?:(?P<conj>\s*و\s*)|\s*(?:-|الى|حتى)\s*)(?P<year2>(?:19|20)\d\d))?(?:(?P<ah>{AH})|{AD}))"
                rf"{_NOT_COUNT}(?!\d)"),
     _rule_year),
    # Round 8: «في 2018 و2019»: the second year of a pair joined by و after a preposition
    (_rx(rf"(?<=[0-9]{{4}})\s*و\s*(?P<x>(?P<year>(?:19|20)\d\d){AD}){_NOT_COUNT}(?!\d)"), _rule_second_year),
    (_rx(rf"{B}{PFX}(?:من|الى|عن|مع)\s+(?P<x>(?P<year>(?:19|20)\d\d){AD})"
         rf"(?=\s*[.,،؛:)»\"]|\s*$)"), _rule_year),
    (_rx(rf"(?<![\w\d])(?P<x>(?P<year>\d{{3,4}})(?P<ah>{AH}))"), _rule_year),
    (_rx(rf"{B}{PFX}(?P<x>(?:يوم\s+)?{ART}(?P<wd>{WEEKDAY})(?:\s+(?P<dir>{DIR}))?){E}"
                rf"(?!\s+عشر)"), _rule_weekday),
    (_rx(rf"{B}{PFX}(?P<x>اول\s+(?:من\s+)?امس|امس\s+الاول|{ART}?امس|بعد\s+غد|يوم\s+غد|غدا"
                rf"|غد(?=\s+{ART}(?:{WEEKDAY})(?!\w))"  # Round 59: «غد السبت»: bare «غد» before a weekday
                rf"|(?<!ذلك )(?<!تلك )(?<!نفس )(?<!ذات )(?:اليوم|الليله)(?!\s+(?:ال(?!اثنين|ثلاثاء|اربعاء|خميس|جمعه|سبت|احد)\w+|نفس|ذات)))"
                rf"{E}"), _rule_dayword),
    (_rx(rf"{B}{PFX}(?P<x>(?P<dir>منذ|قبل|بعد)\s+{APPROX}(?:(?P<n>{NUM})\s+)?(?P<unit>{UNIT}))"
                rf"{E}(?P<other>\s+(?:من|على)\s)?"), _rule_ago),
    (_rx(rf"{B}{PFX}(?P<x>(?P<dir>منذ|قبل|بعد)\s+(?:نحو|حوالي|قرابه|زهاء)\s+ال(?P<unit>{UNIT})(?P<n>(?!))?)"
                rf"{E}(?P<other>\s+(?:من|على)\s)?"), _rule_ago),  # «منذ حوالي الشهر»: about a month
    (_rx(rf"{B}{PFX}(?P<x>ال(?P<unit>{UNIT})\s+(?P<dir>(?:الماضي|الاخير|المقبل|القادم|المنصرم)(?:ين|تين)))"
                rf"{E}"), _rule_dual_range),
    (_rx(rf"{B}{PFX}(?P<x>(?:(?P<this>هذا|هذه)\s+)?{ART}(?P<unit>اسبوع|شهر|عام|سنه)"
                rf"(?(this)|\s+(?P<dir>{DIR}))){E}"), _rule_this_period),
    (_rx(rf"{B}{PFX}(?P<x>(?:خلال\s+)?{ART}(?P<unit>ساعات|ايام|اسابيع|اشهر|شهور|سنوات|اعوام|سنين|عقود)"
                rf"\s+(?:(?:ال)?(?P<n>{NUM})\s+)?(?:القليله\s+)?(?P<dir>(?:الماضيه|الاخيره|المقبله|القادمه|المنصرمه|السابقه)))"
                rf"{E}"), _rule_plural_range),
    (_rx(rf"{B}{PFX}(?P<x>ال(?P<n>\d+)\s+(?P<unit>{UNIT})\s+"
                rf"(?P<dir>(?:الماضيه|الاخيره|المقبله|القادمه|المنصرمه|السابقه)))"
                rf"{E}"), _rule_plural_range),
    (_rx(rf"{B}{PFX}(?P<x>(?:(?P<lead>لمده|طيله|طوال|على\s+مدي|على\s+مدار|خلال)\s+)?{APPROX}"
                rf"(?:(?P<n>{NUM})\s+)?(?P<unit>{UNIT})(?P<half>\s+ونصف(?:\s+{UNIT})?)?){E}"), _rule_duration),
    (_rx(r"(?<![\d.,:])(?P<x>(?P<h>\d{1,2})[:.,](?P<mi>\d{2}))(?=\s+(?:بتوقيت|بالتوقيت|ت\s*غ|صباحا|مساء|ظهرا|فجرا))"),
     _rule_clock),
    # «0150 بتوقيت غرينتش»: military-style HHMM, only with an explicit time zone
    (_rx(r"(?<![\d.,:])(?P<x>(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s+(?:بتوقيت|بالتوقيت)\s+\w+)"), _rule_clock),
    (_rx(rf"{B}{PFX}(?P<x>(?:الساعه\s+)?(?:(?P<hw>{HOUR_WORD})|(?P<hd>\d{{1,2}}))\s+"
         rf"(?P<part>{_PART_HOURS})){E}"), _rule_word_clock),
    (_rx(rf"{B}{PFX}(?P<x>الساعه\s+(?P<hw>{HOUR_WORD})(?P<hd>(?!))?){E}(?!\s*و(?:\S+\s+){{1,3}}دق)"
         rf"(?=(?:\s+من\s+(?P<part>مساء|صباح|ليل|ظهر|عصر|فجر))?)"), _rule_word_clock),
    (_rx(rf"{B}{PFX}(?:في\s+)?(?P<x>(?P<dec>{_alt(_DECADES)})(?:\s+من\s+القرن\s+(?:الماضي|العشرين))?){E}"
         rf"(?!\s+من\s+(?:العمر|عمر))"), _rule_decade),
    (_rx(rf"{B}{PFX}(?P<x>الربع\s+(?P<q>{_alt(_QUARTERS)})\s+(?:من\s+)?(?:(?:عام\s+|العام\s+|سنه\s+)?"
         rf"(?P<year>(?:19|20)\d\d)|(?:العام|السنه)(?:\s+(?P<dir>{DIR}))?)){E}"), _rule_quarter),
    (_rx(rf"{B}{PFX}(?P<x>منذ\s+(?:بدايه|مطلع)\s+(?:العام|السنه)(?:\s+(?P<dir>{DIR}))?){E}"), _rule_since_start),
    (_rx(rf"{B}{PFX}(?P<x>اناذاك|انذاك|آنذاك|حينها|حينئذ|حينذاك|منذ\s+ذلك\s+الحين|في\s+ذلك\s+الوقت"
         rf"|(?:ل)?فتره\s+طويله|لسنوات\s+طويله|الفتره\s+الماضيه"
         rf"|في\s+اليوم\s+التالي){E}"), _rule_vague),  # Round 9: «في اليوم التالي» (story-anchored)
    (_rx(rf"{B}{PFX}(?P<x>(?P<ord>{ORDINAL_DAY})(?P<n>(?!))?\s+من\s+(?:العمر|عمره|عمرها|عمرهم|عمرهما)){E}"),
     _rule_age_ordinal),
    (_rx(rf"{B}{PFX}(?P<x>سن\s+(?:ال)?(?P<n>\d{{1,3}})(?P<ord>(?!))?){E}"), _rule_age_ordinal),
    (_rx(rf"(?<![\w\d])(?P<x>(?:\d{{1,2}}|{ORDINAL_DAY})\s+(?:من\s+)?(?:{GMONTH})\s+من\s+كل\s+(?:عام|سنه)){E}"),
     _rule_yearly),
    (_rx(rf"{B}{PFX}(?P<x>الساعه\s+(?P<h>\d{{1,2}})(?:[:.,](?P<mi>\d{{2}}))?"
                rf"(?:\s+(?P<part>صباحا|مساء|مساءا|ظهرا|فجرا|ليلا|بعد\s+الظهر))?){E}"), _rule_clock),
]


def find_times(text: str, published: str | None = None,
               names: Sequence[tuple[int, int]] = ()) -> list[TimeExpr]:
    """All time expressions in ``text``, non-overlapping, longest match first.  ``names`` are
    the spans of named entities (original offsets): a name is never read as a future verb."""
    anchor = parse_anchor(published)
    folded = fold(text)
    found: list[_Found] = []
    for pattern, rule in RULES:
        for m in pattern.finditer(folded.text):
            hit = rule(m, anchor)
            if hit is not None and hit.end > hit.start:
                found.append(hit)

    def in_name(pos: int) -> bool:
        return any(s <= pos < e for s, e in names)

    for f in found:
        if f.past_by_default and f.value is not None and _future_verb_before(folded, f.start, in_name):
            f.value = (date.fromisoformat(f.value) + timedelta(days=7)).isoformat()
    return _select(found, folded, text, anchor)


# day words that a weekday names again: «اليوم الخميس»، «أمس الأحد»، «غدا السبت»
_NEAR_DAYS = frozenset(("اليوم", "امس", "الامس", "غدا", "غد", "بعد غد", "يوم غد"))
_PART_OF_DAY = re.compile(fold_word(r"(?<![\w])[وف]?(?P<p>صباح|مساء|صبيحة|ظهر|فجر)\s+$"))


def _join_today(taken: list[_Found], ftext: str, anchor: date | None) -> list[_Found]:
    """Join «اليوم» with the weekday (and date) that name the same day, and a part of
    the day written before it, into one expression.

    Arabic news dates its events as «اليوم الثلاثاء», «صبيحة اليوم الأربعاء», «اليوم
    (السبت)» or «اليوم الخميس 24 أكتوبر 2016»: one reference to one day, not two. When
    the parts disagree (agency copy re-published a day later), the part that names the
    publication day wins, else the written date, else the weekday.
    """
    out: list[_Found] = []
    i = 0
    while i < len(taken):
        f = taken[i]
        if re.sub(r"\s+", " ", ftext[f.start:f.end]) in _NEAR_DAYS and i + 1 < len(taken):
            g = taken[i + 1]
            gap = ftext[f.end:g.start]
            if g.tag == "weekday" and re.fullmatch(r"\s*\(?\s*", gap):
                end, parts, j = g.end, [g], i + 2
                if "(" in gap and ftext.startswith(")", end):
                    end += 1
                if j < len(taken) and taken[j].kind == "date" \
                        and re.fullmatch(r"[\s,،]*", ftext[end:taken[j].start]):
                    parts.append(taken[j])
                    end = taken[j].end
                    j += 1
                today = anchor.isoformat() if anchor else None
                values = [p.value for p in parts]
                value = today if today in values else values[-1]
                if ftext[f.start:f.end] != "اليوم":
                    value = f.value  # Round 8: «مساء أمس السبت»، «غدا السبت»: the day word fixes the day
                    if value is not None and len(parts) == 1 and parts[0].value is not None:
                        # Round 59: unless the weekday names another day — an item dated a day late
                        # («غد الخميس» in a Thursday copy): the named weekday nearest that day
                        day = date.fromisoformat(value)
                        shift = (date.fromisoformat(parts[0].value) - day).days % 7
                        value = (day + timedelta(days=shift if shift <= 3 else shift - 7)).isoformat()
                f = _Found(f.start, end, "relative", value, tag="near_day")
                i = j - 1
        if f.tag in ("weekday", "near_day") or ftext[f.start:f.end].startswith(("اليوم", "امس")):
            m = _PART_OF_DAY.search(ftext[max(0, f.start - 12):f.start])
            if m:
                f.start -= len(ftext[max(0, f.start - 12):f.start]) - m.start("p")
        out.append(f)
        i += 1
    return out


def _select(found: list[_Found], folded: Folded, text: str,
            anchor: date | None = None) -> list[TimeExpr]:
    found.sort(key=lambda f: (-(f.end - f.start), -f.priority, f.start))
    taken: list[_Found] = []
    for f in found:
        if all(f.end <= t.start or f.start >= t.end for t in taken):
            taken.append(f)
    taken.sort(key=lambda f: f.start)
    taken = _join_today(taken, folded.text, anchor)
    # a weekday written just before a full date («الثلاثاء 8 مارس») adds nothing
    kept = [f for i, f in enumerate(taken)
            if not (f.tag == "weekday" and i + 1 < len(taken) and taken[i + 1].kind == "date"
                    and re.fullmatch(r"[\s,،]*", folded.text[f.end:taken[i + 1].start]))]
    out: list[TimeExpr] = []
    for f in kept:
        if folded.text.startswith("ل", f.start) and not folded.text.startswith("ال", f.start) \
                and f.start > 0 and folded.text[f.start - 1] == "ل":
            f.start -= 1  # «للعام الماضي»: the elided article's «ل» belongs to the word
        start, end = folded.span(f.start, f.end)
        out.append(TimeExpr(start, end, text=text[start:end], kind=f.kind, value=f.value,
                            calendar=f.calendar))
    return out


class TimesStage:
    """Pipeline stage that assigns the ``times`` layer (see the module docstring)."""

    name = "times"
    requires: tuple[str, ...] = ("sentences", "tokens")
    assigns: tuple[str, ...] = ("times",)

    def __call__(self, article: Article) -> Article:
        names = [(e.start, e.end) for e in article.layer("entities")]  # empty when no tagger ran
        article.set_layer("times", find_times(article.text or "", article.published, names))
        return article

    def pipe(self, articles: list[Article]) -> list[Article]:
        return [self(a) for a in articles]


__all__ = [
    "GREGORIAN_MONTHS",
    "HIJRI_MONTHS",
    "PLURAL_RANGE_COUNT",
    "WEEKDAYS",
    "TimesStage",
    "duration_value",
    "find_times",
    "hijri_to_gregorian",
    "parse_anchor",
]
