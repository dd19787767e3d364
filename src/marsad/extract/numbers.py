"""The ``numbers`` stage: quantities in digits or words, with what they count.

Each :class:`~marsad.model.NumberExpr` has the number's span, its value, the counted
noun (``unit``: the next word, with a leading «و/ف» + «ب/ل/ك» stripped only where it
sits on the article «ال», so «بالقوات» -> «القوات» while «وزير» stays whole) and
whether the text marks it as approximate.

Rules, documented because they are choices:

* digits with thousands separators («5,000»، «٥٬٠٠٠»), decimals («2.5»، «2,5»),
  Arabic-Indic digits; a following scale word multiplies («12 مليون دولار» =
  12,000,000, unit «دولار»); «ونصف» after a scale adds half of it («مليون ونصف»).
* number words via :func:`marsad.extract.arabic_numbers.parse_number_words`
  («ثلاثة»، «اثنين»، «خمسة وعشرون»، «ألفين»).
* fractions «نصف/ثلث/ربع/ثلثا/ثلاثة أرباع» + noun («ثلث القوات» = 0.333, unit «القوات»).
* vague quantities are three of their unit and approximate: «عشرات» = 30, «مئات»
  = 300, «عدة مئات» = 300, «آلاف» = 3000, «عشرات الآلاف» = 30,000.
* percentages «20 في المئة»، «20%»، «%20»: unit «%».
* «نحو/حوالي/قرابة/أكثر من/أقل من/ما يقرب من...» before, or «تقريبا» after, sets
  ``approximate``.
* Not numbers: a number inside a ``date``/``year``/``time`` span of the ``times``
  layer when that layer exists; without it, a 4-digit number in 1900-2100 right after
  «عام/العام/سنة/في/منذ/حتى» (a year); a bare 4-digit 1900-2100 that counts nothing
  («كأس العالم 2018»); digits glued to Latin letters («F16»، «G20»),
  clock times («10:30») and the parts of numeric dates («12/3/2016»).
"""

from __future__ import annotations

import re

from marsad.extract.arabic_numbers import (
    FRACTIONS,
    NUMBER_PHRASE,
    NUMBER_WORD,
    ORDINALS,
    SCALE_WORD,
    Folded,
    fold,
    fold_word,
    has_conjunction,
    parse_number_words,
    scale_value,
    words_value,
)
from marsad.model import Article, NumberExpr

_B, _E = r"(?<![\w])", r"(?![\w])"
_DIRECTION_WORDS = {fold_word(w) for w in (
    "الماضي", "الماضية", "المقبل", "المقبلة", "القادم", "القادمة", "الأخيرة", "الأخير",
    "المنصرم", "المنصرمة", "الجاري", "الحالي", "السابقة")}
_PCT = r"(?P<pct>\s*%|\s+في\s+الم(?:ئ|ائ)ه|\s*بالم(?:ئ|ائ)ه)"
_DIGITS = re.compile(
    r"(?<![A-Za-z0-9.,/:\-])"
    r"(?P<pre>%\s*)?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+|\d+,\d{1,2}(?![\d,])|\d+)"
    r"(?![A-Za-z0-9]|[/:\-]\d|[.,]\d)"
    rf"(?:\s+(?P<scale>{SCALE_WORD})(?!\w))?(?P<half>\s+ونصف(?!\w))?{_PCT}?"
)
_WORDS = re.compile(rf"{_B}(?!لست(?!\w))[وف]?[بل]?(?P<body>{NUMBER_PHRASE})(?P<half>\s+ونصف(?:\s+{SCALE_WORD})?(?!\w))?{_PCT}?")
_FRACTION = re.compile(
    rf"{_B}[وف]?[بل]?(?P<body>(?:(?P<count>{NUMBER_WORD})\s+ارباع|نصف|ثلثي|ثلثا|ثلث|ربع)){_E}"
)
_APPROX_BEFORE = re.compile(
    r"(?:نحو|حوالي|قرابه|زهاء|ما\s+يقرب\s+من|ما\s+يزيد\s+(?:عن|علي)|اكثر\s+من|اقل\s+من"
    r"|ما\s+لا\s+يقل\s+عن|ما\s+يناهز|يناهز|يقارب|اكثر\s+من)\s+$"
)
_APPROX_AFTER = re.compile(r"\s+تقريبا(?!\w)")
_YEAR_BEFORE = re.compile(fold_word(r"(?:عام|العام|لعام|سنه|السنه|في|منذ|حتى)\s+$"))
_NEXT_WORD = re.compile(r"\s+(?P<w>[\u0621-\u064A]+)")
_STOP = {fold_word(w) for w in (
    "من", "في", "على", "إلى", "عن", "مع", "أو", "و", "أن", "إن", "أنه", "التي", "الذي", "الذين",
    "هذا", "هذه", "ذلك", "تلك", "كل", "قد", "لم", "لن", "ما", "لا", "ثم", "حتى", "منذ", "بين",
    "عند", "بعد", "قبل", "خلال", "ضد", "حول", "وفق", "نحو", "فقط", "تقريبا", "أيضا", "كما",
    "وقد", "وهو", "وهي", "هو", "هي", "عليه", "منها", "منهم", "فيها", "بعد", "لدى", "مقابل",
    "بعدما", "عندما", "حيث", "بينما", "لكن", "ولكن", "إذ", "إذا",
)}
_ORDINAL_BEFORE = re.compile(
    "(?:" + "|".join(sorted({k.split()[0] for k in ORDINALS}, key=len, reverse=True)) + r")\s+$")
_TIME_KINDS = {"date", "year", "time"}


def _strip_unit_clitics(word: str) -> str:
    """«بالقوات» -> «القوات», «للجيش» -> «الجيش»; other words are left whole."""
    m = re.match(r"^[وف]?[بكل]?(?=ال)", word)
    if m and m.end():
        return word[m.end():]
    m = re.match(r"^[وف]?ل(?=ل)", word)
    if m:
        return "ا" + word[m.end():]
    return word


def _unit_after(folded: Folded, end: int, text: str) -> str | None:
    """The counted noun after folded offset ``end`` (original spelling), if any."""
    m = _NEXT_WORD.match(folded.text, end)
    if not m:
        return None
    word = m.group("w")
    if word in _DIRECTION_WORDS or (word[:1] in "وف" and word[1:] in _STOP):
        return None
    if word in _STOP:
        if word == "من":  # «5000 من العناصر»
            m2 = _NEXT_WORD.match(folded.text, m.end())
            if m2 and m2.group("w").startswith("ال") and m2.group("w") not in _STOP:
                m = m2
            else:
                return None
        else:
            return None
    if re.fullmatch(NUMBER_WORD, m.group("w")) or re.fullmatch(SCALE_WORD, m.group("w")):
        return None
    start, stop = folded.span(m.start("w"), m.end("w"))
    return _strip_unit_clitics(text[start:stop])


def _approximate(folded: Folded, start: int, end: int) -> bool:
    before = folded.text[max(0, start - 25):start]
    return bool(_APPROX_BEFORE.search(before) or _APPROX_AFTER.match(folded.text, end))


def _half_of(value: float) -> float:
    """Half of the largest scale in ``value``: «ثلاثة ملايين ونصف» adds 500,000."""
    scale = 1.0
    for s in (1e3, 1e6, 1e9, 1e12):
        if value >= s:
            scale = s
    return scale / 2


def _parse_digits(num: str) -> float:
    if re.fullmatch(r"\d+,\d{1,2}", num):
        return float(num.replace(",", "."))
    return float(num.replace(",", ""))


def find_numbers(text: str, times: list | None = None) -> list[NumberExpr]:  # type: ignore[type-arg]
    """All numbers in ``text``; ``times`` (the times layer) masks dates and years."""
    folded = fold(text)
    ft = folded.text
    blocked = [(t.start, t.end) for t in (times or []) if getattr(t, "kind", "") in _TIME_KINDS]
    hits: list[tuple[int, int, float, str | None, bool]] = []  # folded start, end, ...

    def add(start: int, end: int, value: float, unit: str | None, approx: bool) -> None:
        hits.append((start, end, value, unit, approx))

    for m in _DIGITS.finditer(ft):
        value = _parse_digits(m.group("num"))
        if times is None and 1900 <= value <= 2100 and re.fullmatch(r"\d{4}", m.group("num")) \
                and _YEAR_BEFORE.search(ft[max(0, m.start() - 8):m.start()]):
            continue
        if m.group("scale"):
            scale = scale_value(m.group("scale")) or 1.0
            value *= scale
            if m.group("half"):
                value += scale / 2
        pct = bool(m.group("pct") or m.group("pre"))
        end = m.end()
        unit = "%" if pct else _unit_after(folded, end, text)
        if re.search(r"رقم\s*$", ft[max(0, m.start() - 6):m.start()]):
            unit = None  # «القرار رقم 1701»: a label, it counts nothing
        if unit is None and not pct and not m.group("scale") and re.fullmatch(r"\d{4}", m.group("num")) \
                and 1900 <= value <= 2100:
            continue  # «كأس العالم 2018»: a bare year-like number that counts nothing
        add(m.start(), end, value, unit, _approximate(folded, m.start(), end))

    for m in _WORDS.finditer(ft):
        body_start = m.start("body")
        words = [(w.group(), w.start() + body_start) for w in re.finditer(r"\S+", m.group("body"))]
        for p in parse_number_words([w for w, _ in words]):
            start = words[p.first][1]
            if has_conjunction(words[p.first][0]):
                start += 1  # a «و» starting a separate number is the conjunction
            if p.first == 0 and _ORDINAL_BEFORE.search(ft[max(0, start - 12):start]) \
                    and words[0][0] in ("عشر", "عشره"):
                continue  # «الخامس عشر»: the tail of an ordinal, not ten
            last_word, last_start = words[p.last - 1]
            end = last_start + len(last_word)
            value = p.value
            at_end = p.last == len(words)
            if at_end and m.group("half"):
                value += _half_of(value)
                end = m.end("half")
            pct = at_end and bool(m.group("pct"))
            if pct:
                end = m.end()
            unit = "%" if pct else _unit_after(folded, end, text)
            add(start, end, value, unit, p.approximate or _approximate(folded, start, end))

    for m in _FRACTION.finditer(ft):
        body = m.group("body")
        if m.group("count"):
            count = words_value(m.group("count"))
            if count is None or count >= 4:
                continue
            value = count / 4
        else:
            value = FRACTIONS[body]
        unit = _unit_after(folded, m.end("body"), text)
        if unit is None or fold_word(unit).removeprefix("ال") == "نهائي":
            continue  # bare «نصف» is rarely a quantity; «ربع النهائي» is a round
        add(m.start("body"), m.end("body"), round(value, 3), unit,
            _approximate(folded, m.start("body"), m.end("body")))

    return _select(hits, folded, text, blocked)


def _select(hits: list[tuple[int, int, float, str | None, bool]], folded: Folded, text: str,
            blocked: list[tuple[int, int]]) -> list[NumberExpr]:
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    taken: list[tuple[int, int, float, str | None, bool]] = []
    for h in hits:
        if all(h[1] <= t[0] or h[0] >= t[1] for t in taken):
            taken.append(h)
    out: list[NumberExpr] = []
    for fs, fe, value, unit, approx in sorted(taken):
        start, end = folded.span(fs, fe)
        if any(start < be and end > bs for bs, be in blocked):
            continue
        out.append(NumberExpr(start, end, text=text[start:end], value=value, unit=unit,
                              approximate=approx))
    return out


class NumbersStage:
    """Pipeline stage that assigns the ``numbers`` layer (see the module docstring)."""

    name = "numbers"
    requires: tuple[str, ...] = ("tokens",)
    assigns: tuple[str, ...] = ("numbers",)

    def __call__(self, article: Article) -> Article:
        times = article.layers.get("times")
        article.set_layer("numbers", find_numbers(article.text or "", times))
        return article

    def pipe(self, articles: list[Article]) -> list[Article]:
        return [self(a) for a in articles]


__all__ = ["NumbersStage", "find_numbers"]
