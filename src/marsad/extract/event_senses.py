"""Trigger filter: lexicon words used in their everyday sense are no events.

Many event words are ambiguous in news Arabic: the imperfect of استهدف is "aims at",
«فجر السبت» is dawn, «ضبط كميات» seizes goods, «أوقف … عن العمل» suspends, and a
masdar in the genitive of an institution («مركز الإيقاف») names what the institution
is for.  Each check here looks at the trigger's neighbours and says whether the word is
used in its event sense; a trigger that fails is dropped before any argument is read.
"""

from __future__ import annotations

from marsad.extract import cues as C
from marsad.extract.cues import Word
from marsad.extract.event_types import NOUN_INDEX, WEAK_NOUNS, conjugate
from marsad.extract.event_words import _LAUNCH, _TIME_WORDS, _noun_forms, _verb_forms

# Heads of institutions, places and instruments: a masdar in their genitive («مركز الإيقاف»،
# «لجنة الانتخابات»، «أنظمة التصويت»، «قانون التظاهر») says what they are for, not that it happened
_DOMAIN_HEADS = frozenset(C.fold(w) for w in (
    "مركز", "مراكز", "نظام", "أنظمة", "قانون", "قوانين", "لجنة", "لجان", "مفوضية", "هيئة", "صندوق", "صناديق",
    "مكتب", "مكاتب", "مقر", "مقرات", "قاعة", "بطاقة", "بطاقات", "ورقة", "أوراق", "وزارة", "إدارة", "خلية",
    "معسكر", "معسكرات", "مخيم", "مخيمات", "سجن", "سجون", "منشأة", "منشآت",  # «معسكرات احتجاز»
))


def _domain_genitive(ws: list[Word], i: int) -> bool:
    """Is the noun at ``i`` the genitive of an institution/place/instrument head (idafa)?"""
    if i == 0 or ws[i].end - ws[i].start < 2:
        return False
    head = ws[i - 1].bare
    if head[:1] in ("ب", "ل") and head[1:] in _DOMAIN_HEADS:
        head = head[1:]
    return head in _DOMAIN_HEADS and ws[i].start - ws[i - 1].end <= 1


_AIM_FORMS = frozenset(f for f in conjugate("استهدف") if f[:1] in "يت")
_CONSIDER_FORMS = frozenset(f for f in conjugate("اعتبر") if f[:1] in "يت")
_TRAIN_LEMMAS = frozenset(C.fold(w) for w in ("درب", "دربت", "يدرب", "تدرب", "تدريب", "التدريب", "تدريبات",
                                              "التدريبات", "مدرب", "مدربين"))
_ARMED = ("قوات", "قوة", "جيش", "جنود", "جندي", "عسكري", "عسكرية", "عسكريين", "أمني", "أمنية", "مقاتل", "شرطة",
          "وحدات", "ميليشيا", "مسلح", "سلاح", "أسلحة", "حرس", "بحرية", "داعش", "تنظيم", "إرهاب")
_ARMED_FOLDED = tuple(C.fold(w) for w in _ARMED)
_COMBATANTS = tuple(C.fold(w) for w in ("عنصر", "عناصر", "مسلح", "إرهابي", "إرهابيين", "مقاتل", "تكفيري",
                                          "متشدد", "انتحاري", "قيادي", "قادة", "أمير"))
_SIGN_FORMS = frozenset(conjugate("وقع"))
_RULE_IMPERFECT = frozenset(f for f in conjugate("حكم") if f[:1] in "يت")
_ERUPT = frozenset(conjugate("انفجر") + conjugate("تفجر"))
_LIFTING = frozenset(C.fold(w) for w in ("رفع", "برفع", "لرفع", "ورفع", "تخفيف", "بتخفيف", "إلغاء", "بإلغاء",
                                         "إنهاء", "بإنهاء"))


def _other_sense(ws: list[Word], i: int, etype: str) -> bool:
    """Is the trigger at ``i`` a lexicon word used in its everyday sense, not the event's?

    * the imperfect of استهدف is the goal sense in news («يستهدف الصندوق زيادة العائد»):
      attacks are reported in the perfect or the passive;
    * the imperfect of اعتبر without a complementiser is the copula «is considered»
      («تعتبر الصادرات طوق النجاة»), not someone's statement;
    * training is military assistance only with armed forces in view (coaching a club is not);
    * «انفجر/تفجر» right before another event noun is «erupted» («وانفجرت مظاهرات»).
    """
    w = ws[i]
    forms = set(_verb_forms(w)[0])
    if etype == "attack" and forms & _AIM_FORMS and not _verb_forms(w)[1]:
        return True
    if etype == "statement" and forms & _CONSIDER_FORMS \
            and not any(C.COMPLEMENTISER_RE.match(x.folded) for x in ws[i + 1:i + 7]):
        return True
    if etype == "military_assistance" and (forms | set(_noun_forms(w))) & _TRAIN_LEMMAS:
        window = ws[max(0, i - 8):i + 9]
        return not any(any(a in x.bare for a in _ARMED_FOLDED) for x in window)
    if etype == "statement" and w.bare == C.fold("عبر") and "\u0651" not in w.text \
            and not any(x.folded == "عن" for x in ws[i + 1:i + 11]):
        return True  # «كتب عبر صفحته»: the preposition «via»; عبّر states only «عن» something
    if etype == "agreement" and forms & _SIGN_FORMS \
            and not any(x.folded == "علي" or NOUN_INDEX.get(f) == ["agreement"] for x in ws[i + 1:i + 6]
                        for f in _noun_forms(x)):
        return True  # «وقعت الانتهاكات»، «فوقعت في مجموعة»: occurred/fell; signing has an object
    if etype == "sanctions" and any(x.bare.removeprefix("ال") in _LIFTING for x in ws[max(0, i - 2):i]):
        return True  # Round 10: «عن رفع جزئي لحظر سفر مواطنيها»: lifting a ban eases relations
    if etype == "sanctions" and i > 0 and ws[i - 1].folded == "في" and w.bare.removeprefix("ال") == C.fold("مقاطعة"):
        return True  # «في مقاطعة بيركشير»: the county, not a boycott
    if etype == "killing" and w.bare == C.fold("القضاء"):
        # «القضاء على 16 عنصرا»: eliminating people is killing; «القضاء على الفقر» is not
        objs = [x for x in ws[i + 2:i + 4]]
        return not any(x.text[:1].isdigit() or any(x.bare.removeprefix("ال").startswith(p) for p in _COMBATANTS)
                        for x in objs)
    if etype == "attack" and w.bare == C.fold("فجر") and i + 1 < len(ws) and ws[i + 1].folded in _TIME_WORDS:
        return True  # «فجر السبت»: dawn, not «detonated»
    if etype == "court_ruling" and forms & _RULE_IMPERFECT \
            and not any(x.folded == "علي" or x.bare.startswith("بال") for x in ws[i + 1:i + 4]):
        return True  # «الأعراف التي تحكم علاقات البلدين»: governs; a sentence is «يحكم على … بالسجن»
    if etype == "meeting" and forms & _SEARCH_FORMS and any(
            x.folded == "عن" for x in ws[i + 1:i + 5]):
        return True  # «تبحث الشرطة عن قرد»: بحث عن is "search for"; talks are «بحث … مع» / «بحث الملف»
    if etype == "diplomatic_cooperation" and w.folded == C.fold("بالتعاون") and i + 1 < len(ws) \
            and ws[i + 1].folded == "مع":
        return True  # «أطلق البريد بالتعاون مع القوات خدمة»: a manner adjunct, not an event
    if etype == "attack" and (forms | {w.bare}) & _LAUNCH and i + 1 < len(ws) and ws[i + 1].bare in _CAMPAIGN \
            and not any(x.bare.removeprefix("ال") in _CAMPAIGN_EVENT or x.bare in _CAMPAIGN_EVENT
                        for x in ws[i + 2:i + 5]):
        return True  # Round 8: «تشن حملة من الخطب والاتصالات»: a campaign of words, not an attack
    if etype == "arrest" and w.bare.removeprefix("ال") == C.fold("ضبط") and not forms & _ARREST_VERB_FORMS:
        # Round 8: the masdar «ضبط» arrests only people («من ضبط 6 أشخاص»); «ضبط كميات من
        # المخدرات» seizes goods
        return not any(x.bare.removeprefix("ال").startswith(_HUMAN_OBJECTS_FOLDED) for x in ws[i + 1:i + 4])
    if etype == "meeting" and forms & _RECEIVE_FORMS and any(
            x.bare.removeprefix("ال") in _FACILITY_HEADS for x in ws[max(0, i - 3):i] + ws[i + 1:i + 2]):
        return True  # Round 8: «سيستقبل مطار المنستير أول رحلة»: a facility receives traffic, not guests
    if etype == "diplomatic_cooperation" and (forms | set(_noun_forms(w)) | {w.bare}) & _SUPPORT_FORMS \
            and any(x.bare.removeprefix("ال") in _ECONOMY_OBJECTS for x in ws[i + 1:i + 3]):
        return True  # Round 9: «سيدعم النمو»، «دعم الأسعار»: propping up the economy, not ties
    if etype == "appeal" and w.bare == C.fold("الطلب") and (
            (i > 0 and ws[i - 1].bare.removeprefix("ال") in _ECONOMIC_DEMAND)
            or (i + 1 < len(ws) and ws[i + 1].folded == "علي")):
        return True  # Round 8: «تآكل الطلب»، «الطلب على النفط»: economic demand, not a request
    if etype == "attack" and (forms | {w.bare}) & _LAUNCH and i + 1 < len(ws):
        # «شن إضراب»، «شنت حملة اعتقالات»: شنّ is the light verb of the noun it launches
        launched = _noun_forms(ws[i + 1])
        if any(f in NOUN_INDEX and f not in WEAK_NOUNS and "attack" not in NOUN_INDEX[f] for f in launched):
            return True
    if etype == "armed_clash" and forms & _ADVANCE_FORMS and i + 1 < len(ws) \
            and ws[i + 1].folded.startswith("ب") and not ws[i + 1].folded.startswith("بات"):
        return True  # «طلبا تقدمت به جماعة»، «تقدم بشكوى»: تقدّم بـ is "submitted", not a military advance
    if etype == "attack" and forms & _ERUPT and i + 1 < len(ws):
        nxt = set(_noun_forms(ws[i + 1]))
        return any(f in NOUN_INDEX and "attack" not in NOUN_INDEX[f] for f in nxt)
    return False


_ARREST_VERB_FORMS = frozenset(conjugate("ضبط"))
_RECEIVE_FORMS = frozenset(conjugate("استقبل"))
_CAMPAIGN = frozenset(C.fold(w) for w in ("حملة", "حملات", "الحملة", "الحملات"))
# what makes a «حملة» an attack or a wave of arrests rather than a campaign of speeches or ads
_CAMPAIGN_EVENT = frozenset(C.fold(w) for w in (
    "عسكرية", "جوية", "عسكري", "قصف", "غارات", "اعتقالات", "مداهمات", "اعتقال", "أمنية", "تفجيرات", "هجمات",
    "عنيفة", "دامية"))
_FACILITY_HEADS = frozenset(C.fold(w) for w in (
    "مطار", "ميناء", "مستشفى", "ملعب", "فندق", "مطارات", "موانئ", "محطة", "معبر"))
_HUMAN_OBJECTS = ("شخص", "أشخاص", "اشخاص", "متهم", "مطلوب", "مشتبه", "عنصر", "عناصر", "مهرب", "مهربين",
                  "إرهابي", "ارهابي", "مسلح", "شاب", "شبان", "امرأة", "رجل", "نفر", "أفراد", "افراد")
_HUMAN_OBJECTS_FOLDED = tuple(C.fold(w) for w in _HUMAN_OBJECTS)
_ECONOMIC_DEMAND = frozenset(C.fold(w) for w in (
    "تآكل", "زيادة", "ارتفاع", "انخفاض", "تراجع", "ضعف", "نمو", "حجم", "العرض", "ضعيف", "قوة"))
_ADVANCE_FORMS = frozenset(conjugate("تقدم")) | frozenset(C.fold(w) for w in ("تقدم", "تقدمت", "يتقدم", "تتقدم"))
_SEARCH_FORMS = frozenset(conjugate("بحث")) | frozenset(C.fold(w) for w in ("بحث", "بحثت", "يبحث", "تبحث"))
_STOP_FORMS = frozenset(conjugate("أوقف") + conjugate("توقف")) | frozenset(
    C.fold(w) for w in ("أوقف", "أوقفت", "إيقاف", "توقيف", "الإيقاف", "التوقيف", "أُوقف"))

# Round 9: support of an economic quantity is no diplomatic cooperation («سيدعم النمو»)
_SUPPORT_FORMS = frozenset(conjugate("دعم")) | frozenset(C.fold(w) for w in (
    "دعم", "الدعم", "دعمت", "يدعم", "تدعم", "سيدعم", "ستدعم"))
_ECONOMY_OBJECTS = frozenset(C.fold(w) for w in (
    "نمو", "اقتصاد", "أسعار", "اسعار", "عملة", "إنفاق", "انفاق", "صادرات", "أسواق", "اسواق", "سوق", "طلب",
    "استهلاك", "أرباح", "ارباح", "إيرادات", "ايرادات", "مبيعات", "أسهم", "اسهم", "بورصة", "ليرة", "جنيه",
    "دولار", "ريال", "دينار", "الدرهم", "درهم", "يورو", "سيولة", "قطاع", "موازنة", "ميزانية"))


def _suspended(ws: list[Word], i: int) -> bool:
    """Is the أوقف/إيقاف at ``i`` «stop (someone) from» — followed by عن in its clause?

    Detention takes a direct object only; «أوقف … عن العمل»، «إيقافه عن مهامه» is a
    suspension from work or office."""
    forms = set(_noun_forms(ws[i])) | set(_verb_forms(ws[i])[0])
    if not forms & _STOP_FORMS:
        return False
    for k in range(i + 1, min(len(ws), i + 6)):
        if ws[k].folded == "عن":
            return not (k + 1 < len(ws) and ws[k + 1].folded == "طريق")  # «عن طريق»: by means of
        if C.COMPLEMENTISER_RE.match(ws[k].folded) or "،" in ws[k].text:
            break
    return False
