"""Sentences and tokens with offsets, and clitic-aware word forms for matching.

Everything here returns ``(start, end)`` offsets into the text it was given (or plain
strings for single words), so the pipeline can build spans over ``Article.text``.

Sentence rules (each has a test in ``tests/unit/test_segment.py``):

* a line break always ends a sentence (news paragraphs are lines; a heading is its own
  sentence);
* ``.``, ``!``, ``?``, ``؟``, ``۔`` end a sentence when followed by white space (or the
  end of the line), or directly by an Arabic letter or an opening quote: news copy often
  drops the space (``... "تويتر".بعد الجدل``);
* the Arabic comma ``،``, ``;``, ``؛`` and ``:`` never end a sentence; nor does a mark
  before a bracketed aside that closes the line (``دينار. (8,742 دولار)``);
* inside a quotation (``«...»``, ``“...”``, ``"..."``) a mark ends a sentence only
  when white space and a word follow it (a quoted statement of two sentences is two
  sentences; the quotes layer joins a quote across sentences), and never inside a
  quotation of three words or fewer (a title: ``«من؟ أين؟»``); a mark right before the
  closing quote ends the sentence *after* the quote (``قال: "هذا مهم."`` ends after
  ``"``) unless what follows continues it (a comma, a number, a lower-case word) or the
  quotation is a short title ending in ``?``/``!`` (``فيلم "هلق لوين؟" 2011``);
* a period is not an end after a single letter (Arabic abbreviations ``د.`` ``أ.د.``
  ``م.`` ``ص.ب.`` ``ق.م.``, Latin initials), after a known Latin abbreviation (``Mr.``
  ``Dr.`` ``Inc.`` ...), inside a number (``3.5``, ``1.000.000``), URL or e-mail
  address, before ``نت``/``كوم`` (``العربية.نت``), or after a list number at the start
  of a sentence or after a colon (``الآتي: 1. مبلغ``), nor after a letter name used as a
  middle initial (``ديفيد إيه. تومسون``: a word before it that is no letter name, a word
  after it on the line);
* an ellipsis (``..``, ``...``, ``…``) inside a line is a pause, not an end (Arabic
  news uses it like a dash: ``بتقووني".. موضحة أن``);
* when quotation marks cannot be paired on a line (an odd number of ``"``), those marks
  are ignored rather than allowed to swallow the rest of the paragraph.

Known limits: an abbreviation that really ends a sentence (``... عام 300 ق.م.``) does
not split it; a sentence ending in an ellipsis runs on to the next one in the same line.
"""

from __future__ import annotations

import re
from functools import lru_cache

from marsad.text.normalize import DIACRITICS, TATWEEL, normalize

__all__ = [
    "LATIN_ABBREVIATIONS",
    "proclitic_candidates",
    "split_clitics",
    "split_sentences",
    "strip_clitics",
    "strip_proclitics",
    "tokenize",
]

Span = tuple[int, int]


def _words(block: str) -> list[str]:
    """The words of a white-space separated block (keeps long word lists readable)."""
    return block.split()


# ----------------------------------------------------------------------------- tokens

# Combining marks that belong to the letter before them: Arabic harakat, Quranic marks,
# Latin combining diacritics; and the joiners used inside Persian/Urdu words.
_MARKS = (
    "\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e8"
    "\u06ea-\u06ed\u08d3-\u08ff\u200c\u200d"
)
# Invisible formatting characters (bidi marks, zero-width space, BOM): never a token.
_INVISIBLE = "\u200b\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c"
# Punctuation a URL may contain but not end with.
_URL_TAIL = r".,;:!?'’)\]}،؛؟…"
_URL_STOP = r"\s<>\"«»“”"

_URL = (
    rf"(?:https?://|ftp://|www\.)"
    rf"(?:[^{_URL_STOP}{_URL_TAIL}]|[{_URL_TAIL}]+(?=[^{_URL_STOP}{_URL_TAIL}]))+"
)
_EMAIL = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+"
_TAG = rf"[#@](?:[^\W]|[{_MARKS}])+"
_NUMBER = r"\d+(?:[.,٫٬]\d+)*"
# Arabic letters (with Persian/Urdu/extended letters, tatweel and marks inside). Tried
# first and written as explicit ranges: it is the commonest token, and a plain character
# class is about twice as fast in ``re`` as the generic ``[^\W\d_]`` letter test. An
# Arabic run glued to Latin letters is two tokens (لـCNN -> لـ + CNN).
_ARABIC_LETTERS = (
    "\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef"
    "\u06fa-\u06fc\u06ff\u0750-\u077f\u08a0-\u08c9"
)
_ARABIC_WORD = rf"[{_ARABIC_LETTERS}\u0640][{_ARABIC_LETTERS}\u0640{_MARKS}]*"
# Latin letters mixed with digits stay one token (F16, G20, MP3); Arabic letters do not
# take digits (و3 is و + 3, a conjunction before a number).
_LATIN_ALNUM = r"[A-Za-z]+\d[A-Za-z\d]*"
_WORD = rf"[^\W\d_](?:[^\W\d_]|[{_MARKS}])*(?:['’][A-Za-z]+)*"
_OTHER = rf"[^\s{_INVISIBLE}][{_MARKS}]*"

# Common single punctuation marks, tried second: they are the next most frequent token
# and none of them can start a URL, e-mail, tag, number or word.
_PUNCTUATION = "[،؛؟.,:;!?«»\"“”()\\[\\]\\-–—/%'’]"
_TOKEN_RE = re.compile(
    f"{_ARABIC_WORD}|{_PUNCTUATION}|{_URL}|{_EMAIL}|{_TAG}|{_NUMBER}|{_LATIN_ALNUM}|{_WORD}|{_OTHER}"
)
# The same with the white space before a token consumed by the match: ``re`` would
# otherwise try (and fail) every token alternative at every space (about 15% faster).
_GAP_TOKEN_RE = re.compile(f"[\\s{_INVISIBLE}]*({_TOKEN_RE.pattern})")
_URL_OR_EMAIL_RE = re.compile(f"{_URL}|{_EMAIL}")


def tokenize(text: str) -> list[Span]:
    """Token spans: words, numbers, URLs, e-mails, hashtags; each other mark alone.

    Words keep their clitics (``وبريطانيا`` is one token, as in ANERcorp) and their
    diacritics and tatweel; Arabic glued to Latin letters is split (``لـCNN``); numbers keep inner separators (``1,000.5``, ``٣٫٥``);
    URLs, e-mail addresses, ``#hashtags`` and ``@mentions`` stay whole. Every other
    visible character is a token of its own (``«``, ``،``, ``-``). White space and
    invisible bidi/zero-width marks belong to no token.
    """
    return [match.span(1) for match in _GAP_TOKEN_RE.finditer(text)]


# -------------------------------------------------------------------------- sentences

_TERMINALS = ".!?؟۔…‼⁇⁈⁉"
_TERMINAL_RE = re.compile(rf"[{_TERMINALS}]+")
_WORD_MARKS = frozenset(DIACRITICS + TATWEEL)
_DROP_MARKS = dict.fromkeys(map(ord, DIACRITICS + TATWEEL))
_ONLY_DOTS_RE = re.compile("[.…۔]+")
_QUOTE_CHARS_RE = re.compile('["«»“”]')
_CLOSERS = "\"'»”’)]}›"
_OPENERS = '"«“(['
# What may follow a sentence end with no space in between.
_ARABIC_LETTER_RE = re.compile("[\u0621-\u064a\u0671-\u06d3]")
# Words after a period that make it part of a name (العربية.نت, مصراوي.كوم).
_DOMAIN_WORD_RE = re.compile("(?:نت|كوم|أورغ|اورغ|أورج|اورج)(?![^\\W\\d_])")

#: Latin abbreviations after which a period does not end a sentence (lower case).
LATIN_ABBREVIATIONS = frozenset(
    _words("""mr mrs ms dr prof st jr sr vs inc ltd co corp no nos gen col lt sgt capt cmdr adm
    gov sen rep rev hon mt ft approx dept est fig jan feb mar apr jun jul aug sep sept oct
    nov dec e.g i.e cf al""")
)


#: Latin letter names in Arabic script (folded spelling), used in spelt-out acronyms
#: (إف. بي. آي for FBI); a period between two of them is not a sentence end.
LETTER_NAMES = frozenset(
    _words("""اي ايه بي سي دي اف جي اتش جاي كي ال ام ان او كيو ار اس تي يو في دبليو اكس واي زد زي
    ثري""")
)
#: letter names that stand as a middle initial in a transliterated name («ديفيد إيه. تومسون»،
#: «جون إف. كينيدي»); words that are also Arabic words (في، أم، أو، ال …) are left out
MIDDLE_INITIALS = (LETTER_NAMES - frozenset(_words("في ان ال او ام اي سي"))) | frozenset(_words("جيه"))
_NEXT_WORD_RE = re.compile(r"\s*([^\W\d_]+)")
_HAS_WORD_RE = re.compile(r"[^\W_]")


def split_sentences(text: str) -> list[Span]:
    """Sentence spans, trimmed of surrounding white space, in order (rules above).

    Together the spans cover every non-white-space character of ``text`` exactly once.
    """
    spans: list[Span] = []
    append = spans.append
    offset = 0
    # str.splitlines breaks at exactly the line and paragraph separators we want (\n, \r,
    # \r\n, \v, \f, \x1c-\x1e, \x85, U+2028, U+2029) and runs in C.
    for line in text.splitlines(True):
        line_start = offset
        offset += len(line)
        body = line.strip()
        if not body:
            continue
        start = line_start + len(line) - len(line.lstrip())
        end = start + len(body)
        pieces = _split_line(text, start, end)
        if len(pieces) == 1:
            append((start, end))
        else:
            for piece_start, piece_end in pieces:
                _append_trimmed(text, piece_start, piece_end, append)
    return spans


def _append_trimmed(text: str, start: int, end: int, append) -> None:  # type: ignore[no-untyped-def]
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        append((start, end))


def _split_line(text: str, start: int, end: int) -> list[Span]:
    """Split one line (no line breaks inside) at its sentence ends."""
    quotes: list[Span] | None = None  # computed on first need: most lines never need them
    links: list[Span] | None = None
    pieces: list[Span] = []
    sentence_start = start
    for match in _TERMINAL_RE.finditer(text, start, end):
        mark_start, after = match.span()
        marks = match.group()
        # Closing quotes/brackets glued to the mark belong to the sentence that ends.
        while after < end and text[after] in _CLOSERS:
            if quotes is None:
                quotes = _quote_regions(text, start, end)
            if not _closes(text, after, quotes):
                break
            after += 1
        if after >= end:
            break  # the line ends here anyway
        if marks == "." or marks == "۔":
            if links is None:
                links = _links(text, start, end)
            if not _period_can_end(text, sentence_start, mark_start, after, end, links):
                continue
        elif _ONLY_DOTS_RE.fullmatch(marks):
            continue  # an ellipsis inside a line is a pause
        if not _followed_by_new_sentence(text, after, end):
            continue
        if quotes is None:
            quotes = _quote_regions(text, start, end)
        if quotes and _quote_holds_sentence(quotes, mark_start, after, text):
            continue
        _add_piece(text, pieces, sentence_start, after)
        sentence_start = after
    _add_piece(text, pieces, sentence_start, end)
    return pieces


def _add_piece(text: str, pieces: list[Span], start: int, end: int) -> None:
    """Add a sentence, or glue it to the previous one if it has no word (a stray ". .")."""
    if pieces and not _HAS_WORD_RE.search(text, start, end):
        pieces[-1] = (pieces[-1][0], end)
    else:
        pieces.append((start, end))


def _links(text: str, start: int, end: int) -> list[Span]:
    """URL and e-mail spans of a line (a cheap substring test skips most lines)."""
    if (
        text.find("://", start, end) < 0
        and text.find("www.", start, end) < 0
        and text.find("@", start, end) < 0
    ):
        return []
    return [match.span() for match in _URL_OR_EMAIL_RE.finditer(text, start, end)]


def _quote_regions(text: str, start: int, end: int) -> list[Span]:
    """Paired quotations on a line as ``(open_index, close_index)``.

    Guillemets and curly quotes pair by nesting; straight ``"`` pair in order, and only
    when their number is even, so one stray mark cannot swallow the paragraph.
    """
    regions: list[Span] = []
    if not _QUOTE_CHARS_RE.search(text, start, end):
        return regions
    stacks: dict[str, list[int]] = {"«": [], "“": []}
    straight: list[int] = []
    for match in _QUOTE_CHARS_RE.finditer(text, start, end):
        char, index = match.group(), match.start()
        if char == '"':
            straight.append(index)
        elif char in stacks:
            stacks[char].append(index)
        else:
            stack = stacks["«" if char == "»" else "“"]
            if stack:
                regions.append((stack.pop(), index))
    if len(straight) % 2 == 0:
        regions.extend(zip(straight[::2], straight[1::2]))
    return regions


def _closes(text: str, index: int, quotes: list[Span]) -> bool:
    """Whether the closer at ``index`` closes something (a straight quote may open)."""
    char = text[index]
    if char == '"':
        return any(close == index for _, close in quotes)
    if char == "'":
        return index + 1 >= len(text) or not text[index + 1].isalpha()
    return True


def _quote_holds_sentence(quotes: list[Span], mark_start: int, after: int, text: str) -> bool:
    """Whether a quotation keeps the sentence going past the end at ``after``.

    * Inside a quotation that goes on past ``after``, a mark ends a sentence (counted
      inside the quote, as a reader counts the sentences of a quoted statement) only
      when white space and a word follow it, and the quotation is longer than a title
      (more than :data:`_TITLE_WORDS` words): ``قال «الوضع صعب. المستشفيات ممتلئة»``
      is two sentences, ``فيلم «من؟ أين؟» عرض`` one. A quote spanning sentences is
      reassembled by the quotes layer, not by holding sentences together.
    * A quotation closed within the glued closers has ended, unless it is a short
      title ending in ? or ! (``فيلم "هلق لوين؟" الذي``), which keeps the sentence
      going unless a colon introduces it as speech (``قال: "لا!"``).
    """
    enclosing: Span | None = None
    for open_index, close_index in quotes:
        if open_index < mark_start and close_index >= after:
            if enclosing is None or open_index > enclosing[0]:
                enclosing = (open_index, close_index)  # the innermost one decides
        elif open_index < mark_start < close_index < after:
            inner = text[open_index + 1 : close_index]
            introduced = text[max(0, open_index - 3) : open_index].rstrip().endswith(":")
            if not introduced and inner[-1:] in "!?؟" and len(inner.split()) <= _TITLE_WORDS:
                return True
    if enclosing is None:
        return False
    return not _word_follows_inside(text, after, enclosing)


#: A quotation of at most this many words is taken for a title or a slogan: it is
#: never split into sentences, and ending in ? or ! it does not end the sentence.
_TITLE_WORDS = 3


def _skip_space(text: str, index: int, end: int) -> int:
    """First index from ``index`` (before ``end``) that is not white space, else ``end``."""
    while index < end and text[index].isspace():
        index += 1
    return index


def _word_follows_inside(text: str, after: int, quote: Span) -> bool:
    """Whether white space then a word (not a lower-case Latin one) follow ``after``
    inside ``quote``, and the quotation is longer than a title."""
    open_index, close_index = quote
    if after >= close_index or not text[after].isspace():
        return False
    index = _skip_space(text, after + 1, close_index)
    if index >= close_index:
        return False
    char = text[index]
    if not char.isalpha() or "a" <= char <= "z":
        return False
    return len(text[open_index + 1 : close_index].split()) > _TITLE_WORDS


def _followed_by_new_sentence(text: str, after: int, end: int) -> bool:
    """Whether what follows a sentence mark can begin a new sentence."""
    char = text[after]
    if char.isspace():
        index = _skip_space(text, after + 1, end)
        if index >= end:
            return True
        nxt = text[index]
        if nxt in "،,؛;:)]}»”" or nxt.isdigit() and _is_quote_end(text, after):
            return False
        if nxt == "(" and _is_closing_aside(text, index, end):
            return False
        return not ("a" <= nxt <= "z")
    # No space: only an Arabic letter or an opening quote starts the next sentence.
    return bool(_ARABIC_LETTER_RE.match(char)) or (
        char in _OPENERS and after + 1 < end and bool(_ARABIC_LETTER_RE.match(text[after + 1]))
    )


_SENTENCE_INSIDE_RE = re.compile(rf"[{_TERMINALS}]\s")


def _is_closing_aside(text: str, open_index: int, end: int) -> bool:
    """Whether a bracket at ``open_index`` is an aside that closes the line and holds no
    sentence of its own: ``... بمليون دينار. (8,742 دولار)`` belongs to the sentence
    before it (a conversion, a credit), not a sentence of its own."""
    close = text.find(")", open_index, end)
    if close < 0 or text.find("(", open_index + 1, close) >= 0:
        return False
    if text[close + 1 : end].strip(_TERMINALS + _CLOSERS + " \t"):
        return False
    return _SENTENCE_INSIDE_RE.search(text, open_index, close) is None


def _is_quote_end(text: str, after: int) -> bool:
    return text[after - 1] in _CLOSERS


def _period_can_end(
    text: str, sentence_start: int, period: int, after: int, end: int, links: list[Span]
) -> bool:
    """Rules for a single ``.``: abbreviations, numbers, list markers, URLs, domains."""
    for link_start, link_end in links:
        if link_start <= period < link_end:
            return False
    if after < end and text[after] in "نكأا" and _DOMAIN_WORD_RE.match(text, after):
        return False
    # Fast path: a plain word longer than any abbreviation or letter name (C-level tests).
    word_start = max(text.rfind(" ", sentence_start, period) + 1, sentence_start)
    if period - word_start > 6 and text[word_start:period].isalpha():
        return True
    word_start = period
    while word_start > sentence_start and (
        text[word_start - 1].isalpha() or text[word_start - 1] in _WORD_MARKS
    ):
        word_start -= 1
    if word_start < period:
        letters = text[word_start:period].translate(_DROP_MARKS)
        if len(letters) <= 5 and _fold(letters) in LETTER_NAMES:
            following = _NEXT_WORD_RE.match(text, after, end)
            if following is not None and _fold(following.group(1)) in LETTER_NAMES:
                return False  # an acronym spelt in letter names: دي. بي. إيه، سي.ان.بي.سي
        if _fold(letters) in MIDDLE_INITIALS and _middle_initial(text, sentence_start, word_start, after, end):
            return False
        if len(letters) == 1:
            # د. أ. م. ق.م. J. -- but a letter glued to a number is a date or unit
            # suffix that often ends a sentence: "في 1433هـ." "عام 2018م."
            return word_start > sentence_start and text[word_start - 1].isdecimal()
        if letters.isascii():
            return letters.lower() not in LATIN_ABBREVIATIONS
        return True
    digits_start = period
    while digits_start > sentence_start and text[digits_start - 1].isdecimal():
        digits_start -= 1
    if digits_start < period:
        lead = text[max(sentence_start, digits_start - 20) : digits_start].rstrip()
        if not lead or lead[-1] in ":(":
            return False  # a list number: "1. البند" or "الآتي: 1. مبلغ"
    return True


def _middle_initial(text: str, sentence_start: int, word_start: int, after: int, end: int) -> bool:
    """Is the letter name before a period a middle initial («ديفيد إيه. تومسون»)? A word
    that is no letter name comes right before it (so not the tail of «بي بي سي.») and a
    word follows on the same line."""
    before = text[sentence_start:word_start].rstrip(" ")
    if not before or not before[-1].isalpha():
        return False
    previous = before.rsplit(" ", 1)[-1]
    if _fold(previous.translate(_DROP_MARKS)) in LETTER_NAMES:
        return False
    following = _NEXT_WORD_RE.match(text, after, end)
    return following is not None and "\n" not in text[after:following.start(1)]


# --------------------------------------------------------------------------- clitics
#
# A word is analysed as  [و|ف] [ب|ل|ك] [ال] stem  on its undiacritised form. The article
# is recognised only as bare ``ال`` on the surface (``أل``/``إل`` start roots: ألمانيا،
# إلغاء), ``لل`` is ل + ال with the article's alef elided. Stripping a one-letter
# proclitic without the article is the ambiguous case (وزير، بريطانيا، ليبيا، فرنسا،
# كانت start with those letters as root letters), decided by these rules:
#
# * the stem left must have 3+ letters (after و/ف also a short function word: وهو، ومن);
# * و، ب، ل are stripped unless the word is in :data:`_ROOT_INITIAL`: frequent words
#   whose remainder is (nearly) never a word of its own, counted on the ANT news corpus
#   (``بريطانيا``: ``ريطانيا`` never occurs), plus a few hand-added names;
# * ف and ك are stripped only before a word in :data:`_AFTER_FA` / :data:`_AFTER_KAF`
#   (on the corpus, half of the rarer ف/ك words start with a root letter: فيصل، كامل).
#
# Rare names can still be cut wrongly (بوغدانوف); callers matching against a list of
# names should try every reading from :func:`proclitic_candidates`.

_ROOT_INITIAL = frozenset(
    _words("""
    باءت بابادوبولوس بابتشينكو بابلو باتت باتريك باتشواي باجورتزيس باحثون باخشوين بادر بادره
    باراغواي باراك باربرا باربوزا باربي بارتوميو بارده بارز بارزا بارزه بارزون بارزين بارك باركلاند
    باركليز بارما بارنييه باروين باريخو باريرا باريس باريمور بازل باسرها باسكال باسيل باشا باشينيان
    باعت باقم باقه باقي باكستان باكستانيه باكمله باكملها باكو بامكانك بامكانهم باناسونيك بانمونجوم
    باهبري باهت باهظ باهظا باهظه باولينيو بايرن بايع بتاح بثته بثها بحثا بحثيه بحريا بحوث بخاري
    بخصوص بدءا بدات بداها بداوا بدايات بدايته بدايتها بدايل بدايه بداييه بدلا بديله بذلت براءات
    براءته براءه براديش برازيلي برازيليه براغ برافمان برامج برامجها برانت برانسون براون برايتون
    براينت بربري برديه برشلونه بركات بركان بركه برلسكوني برلمان برلماني برلمانيه برلين برمته برمتها
    برمجيات برمنغهام برميل برنابيو برنارد برنامج برنامجا برنامجه برنامجها برنس برنستين بروكسل
    بروكسيل بروميتش برونسون برونو بروين بريء بريجيت بريدك بريستول بريطاني بريطانيا بريطانيه
    بريطانيون بريطانيين بريكست بريكسيت برينس برييد برييه بساطه بسام بسيط بسيطا بسيطه بشار بشره بشري
    بشريه بشعه بشكتاش بشيكتاش بصحبه بصدد بصمات بصمه بضايع بضعه بطاريات بطرسبرغ بطرسبورغ بطرسبيرغ
    بطلا بطله بطولات بطولاته بطولته بطولتها بطولتي بطوله بطييه بظلالها بعثات بعثت بعثتها بعثه بعدما
    بعدها بعضا بعضنا بعضها بعضهم بعضهما بعضهن بعلبك بعيد بعيدا بعيده بغداد بغيه بقاء بقاءه بقايا
    بقايه بقيت بقيه بكين بلاتر بلاد بلادنا بلاده بلادها بلادهم بلاستيكيه بلاش بلاغا بلاغات بلال
    بلباو بلبله بلترام بلجيكا بلجيكي بلجيكيه بلدا بلدان بلدنا بلده بلدها بلدهم بلغاريا بلغت بلوت
    بلوشستان بلوغ بلومبرغ بلومبيرغ بلير بمثابه بمقدور بموجب بموجبه بموجبها بناء بناءه بنايه بندقيه
    بنزيمه بنزين بنسلفانيا بنسودا بنغلادش بنغلاديش بنفيكا بنكي بنكيه بنوك بنيامين بهاء بوابه بواتينغ
    بوادر بواسطه بواعث بوتشيمون بوتن بوتيا بوتين بوجديمون بوحيرد بودرباله بودريقه بورتر بورتمان
    بورتو بورتون بوردين بورز بورصه بوركينا بوركينافاسو بورما بورنموث بوره بوريس بوسطن بوسكيتس بوغبا
    بوفون بوكا بوكو بوكوحرام بوكيتينو بولار بولانسكي بولتون بولسونارو بولندا بولونيا بوليفار بوليوود
    بومبيو بونابرت بوند بوندسليغا بونغي بوينس بوينغ بويول بياجيو بيار بيان بيانا بيانات بياناتك
    بياناته بياناتهم بيانه بيانها بيانيتش بيبر بيبي بيت بيتا بيتانا بيتر بيتروس بيتزي بيتش بيتكوين
    بيته بيتيس بيدرو بيرت بيرغ بيرلسكوني بيرلو بيرند بيرنلي بيرهوف بيرو بيروت بيريرا بيريز
    بيريزوفسكي بيزتش بيزوس بيسكوف بيسونيت بيشه بيضاء بيع بيعت بيعه بيعها بيكاسو بيكر بيكهام بيكي
    بيكيه بيلباو بيلد بيلو بيليا بينا بينالا بينت بينغ بينفينتو بينما بيننا بينه بينها بينهم بينهما
    بينهن بيني بينيت بيوت بيوتهم بيونسيه بيونغيانغ بيير بييه بيييه فادي فيصل كامل كبار لابد لاتزال
    لاتسيو لاجي لاجيين لاحظت لاحق لاحقا لاحقه لادن لاذعا لاذعه لاسيما لاعب لاعبا لاعبه لاعبو لاعبون
    لاعبوه لاعبي لاعبين لاعبينا لاعبيه لاعبيها لاغارد لافت لافتا لافتات لافته لافروف لاقت لاكازيت
    لاكورونا لالويت لامو لانزيني لاهاي لاهور لايبزيغ لايتهايزر لايحه لايزال لايق لايقا لايقه لبنان
    لبناني لبنانيه لبني لجات لجنه لجوء لحاق لحظات لحظه لحقت لحوم لدينا لديه لديها لديهم لديهما لديهن
    لسانه لشبونه لصوص لطفي لطيفه لعبت لعبنا لعبه لعبها لعبوا لغات لغتهم لغوي لفتت لقاء لقاءات
    لقاءاته لقايه لقايهما لقايي لقبا لقبها لقبي لقطات لقوا لقيت لكننا لكنني لكنه لكنها لكنهم لكنهما
    لكني لمحه لمسه لمي لندن لهجتها لواء لوايح لوبتيجي لوبيتيجي لوبيتيغي لوبيز لوجنيكي لوحات لوحه
    لودريان لوران لورانس لوريس لوزان لوسيا لوفاتو لوفرين لوكا لوكاكو لوكسمبورغ لوكهيد لوكوموتيف
    لوموند لومير لويجي لويز لويزيانا لويس لياقته ليالي ليبرمان ليبي ليبيا ليتيسيا ليسا ليست ليستر
    ليسوا ليغا ليغانيس ليفانتي ليفاندوفسكي ليفاندوفيسكي ليفربول ليفركوزن ليله ليلي ليليان لينا
    لينغارد لينغليه لينو لينين ليوناردو ليونيل لييج وائل واتساب واتسون واتفورد واثقا واثقه واجب واجه
    واجهت واجهته واجهتها واجهه واجهها واحده وادي واردات وارداتها واستطرد واسع واسعا واسعه واشنطن
    واصفا واصل واصلت واضح واضحا واضحه واغادوغو وافقت وافقوا واقع واقعا واقعه واقعي واقعيه واندا
    واينستاين واينستين وباء وتيره وثايق وثايقي وثيق وثيقه وجبات وجبه وجدت وجدنا وجدوا وجدي وجها وجهت
    وجهه وجهها وجهي وجوب وجود وجودها وجودهم وجوه وجيزه وحدات وحده وحدها وحدهم وحشيه وحيد وحيدا وحيده
    وداعا ودايع وديا وديتين وديع وديعه وديه وراء وراءه وراءها ورقه وزارات وزارتي وزاره وزاري وزاريه
    وزراء وزرايها وزنها وزير وزيرا وزيره وزيري وساطه وسام وسايل وسطاء وسطه وسيله وشيكه وصافه وصفت
    وصفته وصفتها وصفه وصفها وصفهم وصلت وصلنا وصلوا وصول وصولا وصوله وصولها وصولهم وصيفه وصيه وضعا
    وضعت وضعته وضعتها وضعنا وضعه وضعها وضعهم وضعيه وضوح وضوحا وطني وطنيا وطنيه وظايف وظايفهم وظيفته
    وظيفه وفاء وفاته وفاتها وفاه وفدا وفقا وقايع وقتا وقتنا وقته وقتها وقعت وقعته وقعتها وقعه وقعها
    وقعوا وقفا وقفت وقفه وقود وقوع وقوعه وقوف وقوفه وكالات وكاله وكلاء وكيل ولاء ولاده ولايات ولايته
    ولايتها ولايتي ولايه ولدت ولي وليد ومحافظي وندسور وهبي وهميه وهيب ووترغيت ووتش وودورد وولفيرتون
    ويام ويبو ويدودو ويس ويست ويغان ويكيليكس ويلبور ويلز ويلسون ويلو ويليام ويليامز ويليان ويمبلدون
    ويمبلي ويندسور ويندوز وينفري ويني    """)
)
# Words after which ف is a conjunction (فقال، فهذا، فإن); normalised spelling.
_AFTER_FA = frozenset(
    _words("""ذلك هذا هذه هولاء انه انها انهم اننا انني انا انت نحن هناك هنا اذا ان قال قالت كان كانت
    يقول تقول سوف سيكون قد لم لن لا ليس ما من في بعد قبل منذ يجب كيف لماذا ماذا متي اين ربما
    عندما كما مثلا ايضا اكثر اما الان هو هي هم يمكن تم""")
)
# Words after which ك means "as, like" (كذلك، كلاعب، كرئيس); normalised spelling.
_AFTER_KAF = frozenset(
    _words("""ذلك هذا هذه ما لاعب مدرب مدير جزء بديل اول احد افضل رييس دوله شركه عضو حارس وسيله
    اجراء مركز قوه رجل مساعد سلاح""")
)
# Two-letter words a conjunction may leave (ومن، وفي، فهو).
_SHORT_AFTER_CONJUNCTION = frozenset(_words("هو هي هم ما من في قد لم لن لا عن مع ان ثم او اي كل"))
# Words that start with ال (or a clitic before it) without an article there.
_NOT_ARTICLE = frozenset(
    _words("""الله الذي التي الذين اللذين اللتين اللذان اللتان اللاتي اللايي اللواتي الا الي الان
    المانيا البانيا الاسكا الياس اليسا اليكس الكسندر الفونسو البرتو البرت الفريد اليزابيث
    والد والده والدي والدين والدا والدته والدها والدتها والدتي والدتهم والديه
    بالغ بالغه بالغا بالغين بالغون بالون""")
)
_ARTICLE_RE = re.compile("^([وف]?)([بكل]?)ال(..+)$")
_LAM_LAM_RE = re.compile("^([وف]?)لل(..+)$")
_ARABIC_WORD_RE = re.compile("[\u0621-\u063a\u0641-\u064a\u0671-\u06d3]+")
_FOLD = {"diacritics": True, "tatweel": True, "digits": False}


def _fold(word: str) -> str:
    """The spelling used for list look-ups (alef, ya, ta marbuta, hamza folded)."""
    return normalize(word, **_FOLD)


def _bare(word: str) -> str:
    """The word without diacritics and tatweel, hamza seats kept (for the article test)."""
    return normalize(word, alef=False, alef_maqsura=False, ta_marbuta=False, hamza=False, digits=False)


@lru_cache(maxsize=1 << 16)
def _analyse(word: str) -> tuple[str, str, str, str]:
    """``(conjunction, preposition, article, stem)`` of a word; empty strings if absent."""
    bare = _bare(word)
    if not _ARABIC_WORD_RE.fullmatch(bare):
        return "", "", "", word
    folded = _fold(bare)
    if folded in _NOT_ARTICLE:
        return "", "", "", bare
    article = _ARTICLE_RE.match(bare)
    if article is not None and not _is_false_article(folded, len(article.group(1) + article.group(2))):
        conjunction, preposition, stem = article.groups()
        return conjunction, preposition, "ال", stem
    lam_lam = _LAM_LAM_RE.match(bare)
    if lam_lam is not None:
        return lam_lam.group(1), "ل", "ال", lam_lam.group(2)

    conjunction = preposition = ""
    rest, rest_folded = bare, folded
    if rest[0] in "وف" and _conjunction_strips(rest_folded):
        conjunction, rest, rest_folded = rest[0], rest[1:], rest_folded[1:]
    if rest[0] in "بلك" and _preposition_strips(rest_folded):
        preposition, rest = rest[0], rest[1:]
    return conjunction, preposition, "", rest


def _is_false_article(folded: str, prefix_length: int) -> bool:
    return folded in _NOT_ARTICLE or folded[prefix_length:] in _NOT_ARTICLE


def _conjunction_strips(folded: str) -> bool:
    rest = folded[1:]
    if folded in _ROOT_INITIAL:
        return False
    if folded[0] == "ف":
        return rest in _AFTER_FA
    return len(rest) >= 3 or rest in _SHORT_AFTER_CONJUNCTION


def _preposition_strips(folded: str) -> bool:
    rest = folded[1:]
    if len(rest) < 3 or folded in _ROOT_INITIAL:
        return False
    if folded[0] == "ك":
        return rest in _AFTER_KAF
    return True


def split_clitics(word: str) -> list[str]:
    """Proclitics and stem: ``وبالمدرسة`` -> ``["و", "ب", "ال", "مدرسة"]``.

    Works on the undiacritised word (diacritics and tatweel dropped). ``لل`` is given
    as ``ل`` + ``ال`` (the elided alef restored, as the Arabic Treebank does), so the
    segments do not always concatenate back to the surface. Pronoun enclitics are not
    split: a final ها/هم/ه is too often part of the stem to do it safely. A word that
    is not all Arabic letters (a number, a Latin word, a mark) comes back whole.
    """
    return [part for part in _analyse(word) if part]


def strip_proclitics(word: str, keep_article: bool = True) -> str:
    """The word without its conjunction and preposition, and without ال unless kept.

    ``keep_article=True`` gives the canonical spelling of a name: ``والقاهرة`` ->
    ``القاهرة``, ``للقاهرة`` -> ``القاهرة``, ``وبريطانيا`` -> ``بريطانيا``.
    """
    _, _, article, stem = _analyse(word)
    return article + stem if keep_article else stem


def strip_clitics(word: str) -> str:
    """The bare stem for matching: every proclitic and the article removed.

    ``وبريطانيا`` -> ``بريطانيا``, ``والبريطانيين`` -> ``بريطانيين``.
    """
    return _analyse(word)[3]


def proclitic_candidates(word: str) -> list[str]:
    """Every reading of the word with 0, 1, 2... proclitics removed, best guess first.

    For look-ups in a list of names, where the list decides between readings the rules
    cannot: ``ليبيا`` gives ``["ليبيا", "يبيا"]``, ``لبريطانيا`` gives ``["بريطانيا",
    "لبريطانيا", "ريطانيا"]``. The article is kept (names carry it: القاهرة).
    """
    best = strip_proclitics(word)
    bare = _bare(word)
    readings = [best, bare]
    if _ARABIC_WORD_RE.fullmatch(bare):
        rest = bare
        if len(rest) > 3 and rest[0] in "وف":
            rest = rest[1:]
            readings.append(rest)
        if len(rest) > 3 and rest.startswith("لل"):
            readings.append("ا" + rest[1:])  # للقاهرة: ل + القاهرة
            readings.append("ا" + rest)  # للجنة: ل + اللجنة (two lams written as one)
        if len(rest) > 3 and rest[0] in "بلك":
            readings.append(rest[1:])
    seen: set[str] = set()
    return [r for r in readings if not (r in seen or seen.add(r))]  # type: ignore[func-returns-value]
