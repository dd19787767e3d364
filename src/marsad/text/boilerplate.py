"""The catalogue of publisher boilerplate that :mod:`marsad.text.clean` removes.

Everything here is data: word lists and compiled regular expressions, each named
for the kind of line it recognises. The engine in ``clean.py`` decides *where* a
pattern may fire (first lines, last lines, anywhere); this module only says *what*
the boilerplate looks like. The phrasings were collected by reading the footers
and headers of real Arabic portals (SaudiNewsNet, ANT: Al Arabiya, BBC, CNN, Sky
News, JawharaFM) and the disclaimers of Libyan portals that republish translated
foreign reports; the patterns are written from scratch, not copied.

Why so many small patterns instead of one big one: each must be conservative. A
body sentence that merely mentions «الحقوق» or «تابع» must survive, so every
pattern is anchored to a line shape (a short line that starts with a cue and has
no sentence ending) or to a phrase that only boilerplate uses.
"""

from __future__ import annotations

import re

# ----------------------------------------------------------------- character sets

#: Horizontal spaces other than U+0020 (NBSP, thin spaces, ideographic space, tabs).
EXOTIC_SPACES = "\t\x0b\x0c\x1c-\x1f\xa0\u1680\u2000-\u200a\u202f\u205f\u3000"
#: Line breaks other than LF and CR (NEL, line and paragraph separators): they become "\n".
OTHER_BREAKS = "\x85\u2028\u2029"
#: Characters with no visible width that scraped text is full of: zero-width
#: space/joiners, LRM/RLM, bidi embeddings and isolates, word joiner, BOM, soft
#: hyphen, Arabic letter mark.
INVISIBLES = "\x00-\x08\x0e-\x1b\x7f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u00ad\u061c"
#: Every character the line logic treats as blank.
BLANKS = " " + EXOTIC_SPACES + INVISIBLES
#: Punctuation that never takes a space before it in Arabic typography.
NO_SPACE_BEFORE = "،؛؟!.:,;?"

DASH = r"\-–—‒―"  # a regex class body: the hyphen is escaped
_D = f"[{DASH}]"
#: A dash between dateline parts; Arabic typography also uses a spaced tatweel («الرياضي ـ القاهرة»).
_SEP = rf"(?:\s*[{DASH}]+\s*|\s+ـ+\s+)"

# ------------------------------------------------------------------------- names

#: News agencies as they appear in datelines ("طرابلس (رويترز) -", "القاهرة - أ ش أ:").
AGENCIES = (
    "رويترز", "أ ف ب", "أ.ف.ب", "ا ف ب", "أ.ف.ب.", "أف ب", "فرانس برس", "وكالة فرانس برس",
    "د ب أ", "د.ب.أ", "أ ش أ", "أ.ش.أ", "ا ش ا", "واس", "وام", "قنا", "كونا", "بنا",
    "سانا", "وال", "لانا", "الأناضول", "الاناضول", "سبوتنيك", "شينخوا", "يو بي آي",
    "أسوشيتد برس", "أ ب", "العمانية", "بترا", "وفا", "معا", "سبأ", "وكالات", "رويترز وأ ف ب",
    "وات", "سونا", "ومع", "واج", "واع", "إرنا", "ارنا", "تاس", "نوفوستي", "أ.ب", "يو.بي.آي",
    "CNN", "AFP", "Reuters", "AP", "DPA", "UPI", "BBC", "سكاي نيوز عربية", "العربية.نت",
)
#: Portals that print their own name in datelines and bylines ("سبق- الدمام:").
PORTALS = (
    "سبق", "الوئام", "عين اليوم", "الرياضي", "بوابة الوسط", "الوسط", "المرصد", "ليبيا المستقبل",
    "عاجل", "الشرق الأوسط", "الاقتصادية", "عكاظ", "المدينة", "الرياض", "الجزيرة", "اليوم",
    "الوطن", "العربية.نت", "سكاي نيوز عربية", "بي بي سي", "هسبريس", "اليوم السابع",
)
#: Words that, next to a dash on a short first line, mark a byline, not a headline.
BYLINE_WORDS = ("متابعات", "وكالات", "خاص", "مراسلنا", "المحرر", "محرر", "مكتب")
_NAME_SET = {*AGENCIES, *PORTALS, *BYLINE_WORDS}
_AGENCY_SET = set(AGENCIES)
_OUTLET_NOUN = re.compile(r"^(?:بوابة|موقع|صحيفة|جريدة|وكالة|قناة|شبكة|إذاعة|راديو)\s+\S")
_AGENCY_KEYS = {re.sub(r"[\s.]", "", a) for a in AGENCIES}
#: Portal names that are also ordinary words or cities («الرياض», «المدينة», «اليوم»):
#: they still mark a byline line, but are never reported as the publisher.
AMBIGUOUS_PORTALS = frozenset({"الرياض", "المدينة", "اليوم", "الجزيرة", "الوطن", "عاجل", "الوسط"})
_PORTAL_SET = set(PORTALS) - _AGENCY_SET - AMBIGUOUS_PORTALS


def _agency_key(name: str) -> str:
    """«أ. ف. ب», «أ.ف.ب» and «أ ف ب» are one agency: compare without dots and spaces."""
    return re.sub(r"[\s.]", "", name.strip(" *«»\"'“”()[]{}"))


def is_agency(part: str) -> bool:
    return _agency_key(part) in _AGENCY_KEYS


def is_portal(part: str) -> bool:
    """A known portal, or any «بوابة/موقع/صحيفة ...» name of up to four words."""
    cleaned = part.strip(" *«»\"'“”()[]{}")
    return cleaned in _PORTAL_SET or bool(_OUTLET_NOUN.match(cleaned)) and len(cleaned.split()) <= 4


def is_known_source(part: str) -> bool:
    """True when ``part`` (one piece of a dateline) names an agency or a portal."""
    cleaned = part.strip(" *«»\"'“”()[]{}")
    return cleaned in _NAME_SET or is_agency(cleaned) or is_portal(cleaned)


#: Foreign outlets whose reports Arabic portals translate; a syndication line that
#: names one of these marks the article as a translation.
FOREIGN_OUTLETS = (
    "نيويورك تايمز", "واشنطن بوست", "بلومبيرغ", "بلومبرغ", "الغارديان", "الجارديان", "غارديان",
    "التايمز", "ذا تايمز", "تايمز", "ديلي ميل", "ديلي تلغراف", "التلغراف", "تلغراف", "الإندبندنت",
    "الاندبندنت", "إندبندنت", "فايننشال تايمز", "فاينانشال تايمز", "وول ستريت جورنال", "لوموند",
    "لو موند", "لوفيغارو", "لو فيغارو", "دير شبيغل", "شبيغل", "هآرتس", "يديعوت أحرونوت", "معاريف",
    "فورين بوليسي", "إيكونوميست", "الإيكونوميست", "ذي إيكونوميست", "نيوزويك", "بوليتيكو",
    "لوس أنجليس تايمز", "كريستيان ساينس مونيتور", "ميدل إيست آي", "فوربس", "الدايلي تلغراف",
)
#: Nationality adjectives that follow a foreign outlet's name («صحيفة التايمز البريطانية»).
FOREIGN_ADJECTIVES = (
    "البريطانية", "البريطاني", "الأمريكية", "الأميركية", "الأمريكي", "الأميركي", "الفرنسية",
    "الفرنسي", "الألمانية", "الألماني", "الإيطالية", "الإيطالي", "الإسبانية", "الروسية", "الروسي",
    "الإسرائيلية", "الإسرائيلي", "التركية", "التركي", "الإيرانية", "الصينية", "اليابانية",
    "الكندية", "الأسترالية", "السويسرية", "الهولندية", "البلجيكية", "النمساوية", "الهندية",
    "الباكستانية", "اليونانية", "السويدية", "النرويجية", "الدنماركية", "البرازيلية", "الكورية",
)
_FOREIGN_ADJ = "|".join(FOREIGN_ADJECTIVES)


def looks_foreign(outlet: str) -> bool:
    """An outlet name is foreign when it is written in Latin script, is a known
    foreign title, or carries a foreign nationality adjective."""
    name = outlet.strip(" *«»\"'“”{}()")
    if re.search(r"[A-Za-z]{2}", name) and not re.search(r"[\u0600-\u06ff]", name):
        return True
    if any(name == f or name.startswith(f + " ") or name.endswith(" " + f) for f in FOREIGN_OUTLETS):
        return True
    return bool(re.search(rf"(?:^|\s)(?:{_FOREIGN_ADJ})$", name))


def _alt(words: tuple[str, ...]) -> str:
    """Regex alternation of literal words, longest first so prefixes do not win."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


AGENCY_ALT = _alt(AGENCIES)

# -------------------------------------------------------------- platform words

#: Social platforms and share targets as portals spell them in share/follow lines.
PLATFORMS = (
    "فيسبوك", "فيس بوك", "الفيسبوك", "الفيس بوك", "تويتر", "تويتير", "إكس", "تلغرام", "تيليغرام",
    "تليجرام", "التلغرام", "انستغرام", "إنستغرام", "انستجرام", "إنستجرام", "يوتيوب", "اليوتيوب",
    "واتساب", "واتس اب", "واتس آب", "الواتساب", "جوجل بلس", "جوجل+", "لينكد إن", "لينكدإن",
    "تيك توك", "سناب شات", "البريد الإلكتروني", "البريد الالكتروني", "بريد إلكتروني",
    "Facebook", "Twitter", "WhatsApp", "Whatsapp", "Telegram", "Instagram", "YouTube", "Youtube",
    "LinkedIn", "Google+", "Email", "E-mail", "Pinterest", "Reddit", "Messenger", "X",
)
PLATFORM_ALT = _alt(PLATFORMS)
#: Words allowed in a line that consists of share buttons only.
SHARE_WORDS = frozenset(
    ["شارك", "شاركوا", "شارك:", "مشاركة", "المشاركة", "هذا", "هذه", "المقال", "الخبر", "الموضوع", "الصفحة", "على", "عبر", "من", "خلال", "مع", "أصدقائك", "اصدقائك", "طباعة", "اطبع", "أرسل", "ارسل", "لصديق", "نسخ", "الرابط", "اكتب", "رأيك", "تعليق", "تعليقات", "Share", "share", "Tweet", "Print", "Email", "Copy", "link", "on", "via"]
) | frozenset(w for p in PLATFORMS for w in p.split())

# ------------------------------------------------------------------ line patterns
# Each pattern is matched against ONE stripped line (no surrounding blanks).

#: «بوابة الوسط غير مسؤولة عن مضامين الأخبار والتقارير والمقالات المترجمة ...»,
#: «لا تتحمل الصحيفة أي مسؤولية عن ...», «المقالات المنشورة تعبر عن رأي كاتبها».
DISCLAIMER = re.compile(
    r"غير\s+مسؤول(?:ة|ين)?\s+عن\s+(?:\S+\s+){0,2}?(?:مضامين|مضمون|محتوى|محتويات|ما\s+(?:ي|يُ)نشر|الآراء|آراء)"
    r"|لا\s+(?:تتحمل|يتحمل|نتحمل)\s+(?:\S+\s+){0,4}?مسؤولية\s+(?:\S+\s+){0,5}?(?:مضامين|مضمون|محتوى|محتويات|ما\s+(?:ي|يُ)نشر|الآراء|آراء|المقالات|الأخبار|التعليقات)"
    r"|(?:المقالات|الآراء|المواد|التعليقات|الأفكار)(?:\s+و\S+)?\s+(?:المنشورة|الواردة)\s+(?:\S+\s+){0,4}?(?:تعبر|تعبّر|تمثل|تمثّل)\s+"
    r"(?:عن\s+)?(?:رأي|آراء|وجهة\s+نظر|وجهات\s+نظر)\s+(?:كاتبها|كتابها|كُتّابها|كتّابها|أصحابها|صاحبها|الكاتب|الكاتبة|كاتبيها)"
    r"|لا\s+(?:تعكس|تعبر|تعبّر|يعكس)\s+(?:بالضرورة\s+)?(?:عن\s+)?(?:رأي|وجهة\s+نظر|سياسة|موقف)\s+(?:شبكة\s+|موقع\s+|صحيفة\s+|بوابة\s+)?(?:الموقع|البوابة|الصحيفة|الجريدة|القناة|الشبكة|التحرير|المجلة|الوكالة|CNN|إدارة)"
)
#: Substrings without which no DISCLAIMER or COPYRIGHT pattern can match: tested
#: once per article with ``in`` so the slower patterns run only where they may fire.
DISCLAIMER_CUES = ("غير مسؤول", "تتحمل", "يتحمل", "نتحمل", "المنشورة", "الواردة", "تعكس", "يعكس", "لا تعبر", "لا تعبّر")
COPYRIGHT_CUES = ("محفوظة", "©", "(c)", "(C)", "Copyright", "COPYRIGHT", "rights reserved")
#: Words that show a disclaimer speaks of what the portal publishes (not a quote
#: saying some official is «غير مسؤول»).
DISCLAIMER_TOPIC = re.compile(r"الأخبار|التقارير|المقالات|المواد|ينشر|يُنشر|المنشورة|الآراء|آراء|التعليقات|المترجمة|مترجم|الكاتب|كاتب")
#: A disclaimer that says the portal republishes translations.
TRANSLATION_WORD = re.compile(r"المترجمة|مترجمة|مترجم|الترجمة|ترجمة|المترجم")
#: Where the portal's own name ends in a disclaimer: the name comes before this.
DISCLAIMER_SUBJECT_END = re.compile(r"\s+(?:غير\s+مسؤول|لا\s+(?:تتحمل|يتحمل))")

COPYRIGHT = re.compile(
    r"^[\W_]{0,4}(?:©|\(c\)|\(C\)|Copyright|COPYRIGHT|حقوق\s+(?:النشر|الطبع|الطبع\s+والنشر|الملكية)\s+محفوظة"
    r"|(?:جميع|كل|كافة)\s+الحقوق\s+محفوظة|الحقوق\s+محفوظة|All\s+rights\s+reserved)"
    r"|(?:جميع|كل|كافة)\s+الحقوق\s+محفوظة|All\s+rights\s+reserved|©\s*\d{4}"
)

#: «اقرأ أيضا:», «إقرأ أيضاً», «شاهد أيضا», «اقرأ المزيد», «Read more».
READ_ALSO = re.compile(
    r"^[\W_]{0,3}(?:(?:اقرأ|إقرأ|اقرا|إقرا|أقرأ|طالع|شاهد|اقرأ\s+ايضا)\s+(?:أيضا|أيضاً|أيضًا|ايضا|ايضاً|كذلك|المزيد|أيضا\s+:)"
    r"|Read\s+(?:also|more)|See\s+also)\s*(?:[:：\-–—]|$|\s)"
)
#: «مواضيع ذات صلة», «أخبار متعلقة», «روابط ذات صلة», «رابط الخبر ...».
RELATED = re.compile(
    r"^[\W_]{0,3}(?:(?:مواضيع|موضوعات|أخبار|مقالات|روابط|قصص)\s+(?:ذات\s+صلة|متعلقة|مشابهة|أخرى\s+قد\s+تهمك)"
    r"|قد\s+يهمك\s+أيضا|قد\s+يهمك|Related(?:\s+articles|\s+news)?)\s*[:：]?\s*$"
)
#: «رابط الخبر بصحيفة الوئام: <headline>» printed after the last sentence.
NEWS_LINK_TAIL = re.compile(r"(?:^|(?<=[\s.!؟»\"”]))رابط\s+الخبر\s+(?:ب|في\s+)?(?:صحيفة|موقع|بوابة)\s+(?P<name>[^:\n]{1,30}?)\s*:[^\n]*$")
#: 3alyoum prints its tag list after the last sentence: «... الجاري. سمات تبوك جامعة».
TAG_CUES = ("سمات", "الوسوم", "وسوم", "كلمات دلالية", "Tags")
TAGS_TAIL = re.compile(r"(?<=[.!؟»\"”)])\s+(?P<tags>(?:سمات|الوسوم|وسوم|كلمات\s+دلالية|Tags)\s*:?(?:\s+[^\s.!؟،:]+){1,15})\s*$")

#: «تابعونا على فيسبوك», «تابعوا آخر الأخبار عبر تلغرام», «انضموا إلى قناتنا».
FOLLOW_US = re.compile(
    r"^[\W_]{0,3}(?:تابعونا|تابعوا|تابعنا|انضموا|اشتركوا|للاشتراك|حمّلوا|حملوا|Follow\s+us|Join\s+us|Subscribe)(?=\s|:|$)"
)
FOLLOW_TARGET = re.compile(rf"(?:{PLATFORM_ALT}|قناتنا|صفحتنا|حسابنا|حساباتنا|موقعنا|تطبيق|النشرة|نشرتنا|القائمة\s+البريدية)")
#: «يمكنكم استلام إشعارات بأهم الموضوعات بعد تحميل أحدث نسخة من تطبيق ...».
SUBSCRIBE = re.compile(
    r"^[\W_]{0,3}(?:يمكنكم|يمكنك|بإمكانكم|بامكانكم|للحصول\s+على|احصل\s+على|اشترك\s+في|اشتركوا\s+في)\s+(?:\S+\s+){0,6}?"
    r"(?:إشعارات|اشعارات|النشرة|نشرتنا|خدمة\s+الرسائل|الرسائل\s+القصيرة|آخر\s+الأخبار\s+عبر|متابعتنا)"
)
#: Share prefix glued to the first line: «شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك».
SHARE_PREFIX = re.compile(
    rf"^(?:شارك|شاركوا|Share)(?:\s+(?:هذا\s+)?(?:المقال|الخبر|الموضوع))?(?:\s+(?:من\s+خلال|عبر|على|via|on))?"
    rf"(?:[\s:|,،/]+(?:{PLATFORM_ALT}))+(?:\s+اكتب\s+رأيك)?(?=\s|$)"
)
#: Slider navigation left in the text: «Next Previous», «السابق التالي».
NAVIGATION = re.compile(r"^(?:Next\s+Previous|Previous\s+Next|السابق\s+التالي|التالي\s+السابق)(?=\s|$)")

#: «المصدر: وكالات», «المصدر : رويترز» — only as a short line of its own.
SOURCE_LINE = re.compile(r"^[\W_]{0,3}(?:المصدر|المصادر|مصدر\s+الخبر|Source)\s*[:：]\s*(?P<name>.{1,80})$")
#: «*نقلاً عن الرؤية الإماراتية», «نقلا عن صحيفة التايمز البريطانية».
REPUBLISHED_LINE = re.compile(r"^[\W_]{0,3}نقل[ا\u064b-\u065f ]{0,4}\s*عن\s*[:：]?\s*(?P<name>[^\n.!؟]{2,80})\.?$")
#: «ترجمة عن الغارديان», «مترجم عن The Times», «ترجمة: فلان», «ترجمة خاصة».
TRANSLATION_LINE = re.compile(
    r"^[\W_]{0,3}(?:(?:هذا|هذه)\s+(?:المقال|التقرير|الخبر|المادة|النص|المقالة)\s+)?"
    r"(?:ترجمة\s+وتحرير|ترجمة\s+وإعداد|ترجمة|ترجمه|مترجم|مترجمة)"
    r"(?:\s+(?:عن|من)\s+(?P<origin>.{2,80})|\s*[:：\-–—]\s*(?P<translator>.{2,60})"
    r"|\s+خاصة(?:\s+(?:بـ|ب|لـ|ل)\s*(?P<for>.{1,40}))?)?$"
)
#: aawsat-style syndication footers: «* خدمة «نيويورك تايمز»», «خاص بـ«الشرق الأوسط»», «* بالاتفاق مع «بلومبيرغ»».
SYNDICATION_LINE = re.compile(
    r"^[\W_]{0,3}(?:(?:خدمة|بالاتفاق\s+مع|بالتعاون\s+مع)\s+(?P<origin>[«{\"“][^»}\"”]{2,40}[»}\"”]|\S+(?:\s+\S+){0,3}?)"
    r"(?:\s+خاص\s+ب[ـ]?\s*(?P<publisher>[«{\"“][^»}\"”]{2,40}[»}\"”]|\S+(?:\s+\S+){0,2}))?"
    r"|خاص\s+ب[ـ]?\s*(?P<publisher2>[«{\"“][^»}\"”]{2,40}[»}\"”]))\s*\.?$"
)
#: A quoted foreign outlet without a noun before it: «نشرت «ذا تايمز» البريطانية».
QUOTED_FOREIGN_OUTLET = re.compile(rf"[«\"“](?P<name>[^»\"”\n]{{2,40}})[»\"”]\s+(?:{_FOREIGN_ADJ})")
#: A foreign outlet named in a lead sentence: «صحيفة «التايمز» البريطانية».
FOREIGN_OUTLET_MENTION = re.compile(
    rf"(?:صحيفة|جريدة|مجلة|موقع|شبكة|وكالة)\s+[«\"“]?(?P<name>[^»\"”\n.،]{{2,40}}?)[»\"”]?\s+(?:{_FOREIGN_ADJ})"
)

#: A byline on a line of its own: «كتب: أحمد علي», «بقلم د. فلان», «إعداد: ...».
BYLINE_LINE = re.compile(
    r"^[\W_]{0,3}(?P<cue>إعداد\s+وترجمة|اعداد\s+وترجمة|ترجمة\s+وإعداد|ترجمة\s+وتحرير|إعداد\s+وتقديم"
    r"|كتب|كتبت|بقلم|إعداد|اعداد|متابعة|تحرير|تصوير|بواسطة|By)"  # not «تقرير:»/«حوار:», which start headlines
    r"\s*(?:[:：\-–—]\s*|\s+)(?P<name>[^\n.!؟:]{2,60})$"
)
#: CNN-style opinion header: «هذا المقال بقلم فلان، والآراء الواردة أدناه تعبر عن رأي الكاتب ...».
BYLINE_IN_DISCLAIMER = re.compile(r"(?:هذا\s+المقال\s+)?بقلم\s+(?P<name>[^،,\n.]{2,60}?)\s*[،,]")
#: A short «name – portal» / «portal – place» line at the top (3alyoum, arreyadi).
DASHED_HEAD = re.compile(
    rf"^(?P<a>[^\n.!؟:،{DASH}]{{2,40}}?){_SEP}(?P<b>[^\n.!؟:،{DASH}]{{2,40}}?)(?:{_SEP}(?P<c>[^\n.!؟:،{DASH}]{{2,40}}?))?\s*:?$"
)

# -------------------------------------------------------------------- datelines

#: «طرابلس (رويترز) -», «دبي، الإمارات العربية المتحدة (CNN)--», «(أ ف ب) —».
DATELINE_PAREN = re.compile(
    rf"^(?P<dateline>(?:(?P<place>[^\W\d_][^\n().!؟:]{{0,60}}?)\s*)?\(\s*(?P<agency>{AGENCY_ALT})\s*\))"
    rf"\s*(?:{_D}+|ـ+|:)\s*"
)
#: Anadolu's style: «أنقرة/ الأناضول» before the first sentence.
DATELINE_SLASH = re.compile(
    rf"^(?P<dateline>(?P<place>[^\W\d_][^\n/().!؟:،]{{0,30}}?)\s*/\s*(?P<agency>{AGENCY_ALT}))(?:\s*(?:{_D}+|ـ+|:))?(?:\s+|$)"
)
#: «القاهرة - أ ش أ:», «الرياض - الوئام :», «عبدالله الراجحي- سبق- جدة:».
DATELINE_DASHED = re.compile(
    rf"^(?P<dateline>(?P<a>[^\n().!؟:،{DASH}]{{1,40}}?){_SEP}(?P<b>[^\n().!؟:،{DASH}]{{1,40}}?)"
    rf"(?:{_SEP}(?P<c>[^\n().!؟:،{DASH}]{{1,40}}?))?)\s*:\s*"
)
#: SPA's first line: «بريدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس».
DATELINE_SPA = re.compile(
    rf"^(?P<place>[^\W\d_][^\n\d]{{0,30}}?)\s+\d{{1,2}}\s+\S+\s+\d{{4}}\s*(?:هـ)?\s*(?:الموافق\s+\d{{1,2}}\s+\S+\s+\d{{4}}\s*(?:م)?)?\s*(?P<agency>{AGENCY_ALT})$"
)

# --------------------------------------------------------------- tail-only lines

#: SPA end markers «// انتهى //», «// يتبع //» and the time stamp «20:26 ت م».
AGENCY_MARKER = re.compile(
    r"^(?://\s*(?:انتهى|يتبع|نهاية)\s*//|\d{1,2}:\d{2}\s*(?:ت\s*م|ت\s*غ|GMT|بتوقيت\s+\S+)?(?:\s*NNNN)?|-?\s*انتهى\s*-?|NNNN)$"
)
#: The same end marker glued to the last sentence: «... الدولي. // انتهى //».
AGENCY_MARKER_TAIL = re.compile(r"(?<=[.!؟»\"”)\s])\s*//\s*(?:انتهى|يتبع)\s*//\s*$")
#: A tag list on a line of its own at the end: «سمات أحمد العرفج احتفال العيد».
TAGS_LINE = re.compile(r"^(?:سمات|الوسوم|وسوم|كلمات\s+دلالية|Tags)\s*:?(?:\s+[^\s.!؟،:]+){1,15}$")
#: Contact footers: «للتواصل أرسل sms إلى 88548 ...», «88591 - Stc», e-mail lines.
CONTACT = re.compile(
    r"^(?:(?:للتواصل|لمراسلة|للاتصال|راسلونا|للتواصل\s+مع\s+الكاتب)\b[^\n]{0,160}"
    r"|\d{4,7}\s*[-–]\s*(?:stc|Stc|STC|mobily|Mobily|zain|Zain|موبايلي|زين|الاتصالات)"
    r"|[^\s@]{1,40}@[^\s@]{1,40}\.[A-Za-z]{2,6}|@[A-Za-z0-9_]{2,30}"
    r"|(?:(?:زين|موبايلي|الاتصالات)\s+)?تبدأ\s+بالرمز[^\n]{0,80}|(?:بالرمز\s+)?(?:\(?\d{1,4}\)?\s+)?(?:مسافة\s+)?ثم\s+(?:مسافة\s+ثم\s+)?(?:نص\s+)?الرسالة[^\n]{0,20}"
    r"|[,،]?\s*\d{5,7}\s*موبايلي[^\n]{0,80}"
    r"|(?:تويتر|توتير|Twitter|twitter|T|إيميل|ايميل|الإيميل|البريد\s+الإلكتروني|البريد\s+الالكتروني|E-?mail|e-?mail)"
    r"\s*:\s*@?[A-Za-z0-9_.@]{2,}[^\n]{0,200}"
    r"|(?:الاتصالات|موبايلي)\s*[,،]?\s*\d{5,7}[^\n]{0,60})$"
)
#: «...المزيد», «للمزيد من المعلومات: www...», «للمزيد اضغط هنا».
MORE = re.compile(
    r"^(?:\.{2,}|…)?\s*المزيد\s*\.{0,3}$|^للمزيد\b[^\n.!؟]{0,120}$"
    r"|^(?:لقراءة|لمشاهدة|للاطلاع\s+على|لمتابعة)\s[^\n.!؟]{0,80}(?:اضغط|انقر|أنقر|إضغط|هنا|هنــا|الرابط)[^\n.!؟]{0,30}$"
)
#: Lines of dashes, underscores or stars between the body and the footer.
SEPARATOR = re.compile(r"^(?:[-_=*•~#.·]\s*){3,}$|^\*\s*\*(?:\s*\*)*$")
#: An agency credit on a line of its own at the end: «(أ. ف. ب)».
AGENCY_CREDIT = re.compile(r"^\(\s*(?P<agency>[^()\n]{1,25}?)\s*\)\.?$")
#: An author note under an opinion piece: «* استشاري طب الأطفال», «* الوحدة الاقتصادية».
AUTHOR_NOTE = re.compile(r"^\*\s*[^\s*«»\"“”{}][^\n.!؟:«»\"“”{}]{1,60}$")
#: The publisher on a line of its own: «بـ«الشرق الأوسط»».
PUBLISHER_LINE = re.compile(r"^(?:خاص\s+)?بـ?\s*[«{](?P<name>[^»}\n]{2,30})[»}]\.?$")
#: A bare URL on a line of its own at the end.
URL_LINE = re.compile(r"^(?:https?://|www\.)\S+$")

# ---------------------------------------------------------------------- markup

#: Stray HTML: comments, scripts/styles with their content, and known tags.
HTML_TAG = re.compile(
    r"<!--.*?-->|<(?:script|style)\b[^>]*>.*?</(?:script|style)\s*>"
    r"|</?(?:p|br|div|span|a|b|i|u|s|em|strong|img|iframe|ul|ol|li|h[1-6]|table|tbody|thead|tr|td|th|"
    r"figure|figcaption|blockquote|font|center|section|article|header|footer|nav|hr|sup|sub|small|big|"
    r"label|button|input|form|meta|link|source|video|audio|picture|time|mark|abbr|cite|q|code|pre)\b[^<>]{0,300}>",
    re.IGNORECASE | re.DOTALL,
)
#: Tags after which the browser starts a new line; removing them leaves a newline.
HTML_BLOCK_TAG = re.compile(r"<(?:/?(?:p|div|li|ul|ol|h[1-6]|tr|table|section|article|blockquote|figure|header|footer)\b|br\b|hr\b)", re.IGNORECASE)
HTML_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,10});")
