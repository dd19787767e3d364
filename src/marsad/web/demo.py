"""A small demo corpus, written for Marsad, for tests, screenshots and the e2e run.

The articles are short invented news items (no real corpus text), chosen to exercise
every page: quotes with a named speaker, places on the map, events, two outlets
republishing one agency item (a duplicate group), and one article whose text carries
``<script>`` and an attribute-breaking ``"><img onerror>`` payload, which every page
must show as plain text.

The articles are analysed by the shipped pipeline (``default_pipeline()``).

One article is also stored *hand-annotated* (:func:`annotated_article`): its quote,
speaker and entity spans are computed with ``str.find`` so the UI tests of quote
highlighting do not depend on how well the quote extractor does today.
"""

from __future__ import annotations

import html
from typing import Any

from marsad.model import Article, Entity, Event, Quote, Sentence
from marsad.pipeline import Pipeline, default_pipeline

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_ATTR = '"><img src=x onerror=alert(2)>'

# (title, source, published, text)
DEMO_ARTICLES: list[tuple[str, str, str, str]] = [
    ("الزين يدعو إلى الحوار لإنهاء الأزمة في ليبيا", "وكالة المرصد", "2018-03-05",
     ("طرابلس - قال وزير الخارجية الليبي محمد الزين إن «الحوار هو الطريق الوحيد لإنهاء الأزمة» "
     "خلال مؤتمر صحفي في طرابلس يوم الاثنين. وأضاف الزين أن الحكومة ستعقد اجتماعا مع الأمم المتحدة "
     "في جنيف الشهر المقبل لبحث وقف إطلاق النار.\n"
     "وأعلنت وزارة الداخلية الليبية مقتل ثلاثة مسلحين في هجوم على نقطة تفتيش قرب مدينة بنغازي.")),
    ("الزين يدعو إلى الحوار لإنهاء الأزمة في ليبيا", "صحيفة الساحل", "2018-03-05",
     ("طرابلس - قال وزير الخارجية الليبي محمد الزين إن «الحوار هو الطريق الوحيد لإنهاء الأزمة» "
     "خلال مؤتمر صحفي عقده في طرابلس الاثنين. وأضاف الزين أن الحكومة ستعقد اجتماعا مع الأمم المتحدة "
     "في جنيف الشهر المقبل من أجل بحث وقف إطلاق النار.\n"
     "وأعلنت وزارة الداخلية الليبية مقتل ثلاثة مسلحين في هجوم على نقطة تفتيش قرب مدينة بنغازي.")),
    ("مصر والأردن تبحثان التعاون الاقتصادي", "صحيفة الساحل", "2018-02-20",
     ("القاهرة - بحث وزير الاقتصاد المصري أحمد سالم مع نظيره الأردني في القاهرة سبل تعزيز التعاون "
     "التجاري بين مصر والأردن. وأكد سالم أن البلدين سيوقعان اتفاقية جديدة في عمان خلال شهر أبريل.")),
    # The raw text is HTML-escaped (as a scraped page would carry it); cleaning unescapes it,
    # so the *clean* text holds a literal <script> element and an attribute breaker.
    ("اختبار " + XSS_SCRIPT + " شيفرة " + XSS_ATTR, "موقع التجارب", "2018-04-01",
     "هذا مقال تجريبي عن أمن المواقع في تونس. يحتوي النص على " + html.escape(XSS_SCRIPT) + " وعلى "
     + html.escape(XSS_ATTR) + " ويجب أن يظهر ذلك كنص عادي. وقالت الباحثة ليلى حسن إن "
     "«الحماية تبدأ من تهريب كل نص»."),
    ("الأمم المتحدة ترحب باتفاق وقف إطلاق النار في ليبيا", "وكالة المرصد", "2018-03-12",
     ("جنيف - رحبت الأمم المتحدة باتفاق وقف إطلاق النار الذي أعلنه الطرفان في ليبيا. وقال المبعوث "
     "الأممي غسان عبد الله إن «الاتفاق خطوة أولى نحو السلام». وأشار محمد الزين إلى أن المفاوضات "
     "ستستأنف في جنيف.")),
]


def annotated_article() -> Article:
    """An article whose quote, speaker, cue, entities and event are annotated by hand."""
    text = ("قال وزير الخارجية الليبي محمد الزين إن «المفاوضات ستستأنف في جنيف الأسبوع المقبل» "
            "مؤكدا أن ليبيا ملتزمة بالسلام. وتعرضت مدينة سرت لقصف عنيف أمس.")
    art = Article(text=text, raw=text, title="الزين: المفاوضات ستستأنف في جنيف", source="وكالة المرصد",
                  published="2018-03-15")

    def span(sub: str, after: int = 0) -> tuple[int, int]:
        i = text.index(sub, after)
        return i, i + len(sub)

    p_s, p_e = span("محمد الزين")
    q_s, q_e = span("«المفاوضات ستستأنف في جنيف الأسبوع المقبل»")
    c_s, c_e = span("قال")
    g_s, g_e = span("جنيف")
    l_s, l_e = span("ليبيا")
    s_s, s_e = span("سرت")
    e_s, e_e = span("قصف")
    art.set_layer("sentences", [Sentence(0, text.index(".") + 1), Sentence(text.index(".") + 2, len(text))])
    art.set_layer("entities", [
        Entity(p_s, p_e, "محمد الزين", "PERS", "محمد الزين", title="وزير الخارجية الليبي"),
        Entity(g_s, g_e, "جنيف", "LOC", "جنيف", geo={"country": "CH", "lat": 46.2, "lon": 6.15}),
        Entity(l_s, l_e, "ليبيا", "LOC", "ليبيا", geo={"country": "LY", "lat": 25.0, "lon": 17.0}),
        Entity(s_s, s_e, "سرت", "LOC", "سرت", geo={"country": "LY", "lat": 31.2, "lon": 16.59}),
    ])
    art.set_layer("quotes", [Quote(q_s, q_e, text[q_s:q_e], "direct", "قال", c_s, c_e,
                                   {"text": "محمد الزين", "start": p_s, "end": p_e, "entity": 0, "kind": "name"})])
    art.set_layer("events", [Event(e_s, e_e, "قصف", "attack", "asserted",
                                   targets=[{"text": "سرت", "start": s_s, "end": s_e}], main=True)])
    art.validate()
    return art


# ------------------------------------------------------------------ the pipeline

def analysis_pipeline() -> Pipeline:
    """The pipeline the demo corpus is analysed with: the shipped one."""
    return default_pipeline()


def demo_articles(pipeline: Pipeline | None = None) -> list[Article]:
    """The demo articles analysed by ``pipeline`` (default: the shipped pipeline).

    A stage that fails or leaves invalid spans fails the demo build, and with it the
    API and browser tests that use it: the demo must show what the pipeline really does.
    """
    pipeline = pipeline or analysis_pipeline()
    out = []
    for title, source, published, text in DEMO_ARTICLES:
        article = pipeline(Article.from_raw(text, title=title, source=source, published=published))
        article.validate()
        out.append(article)
    out.append(annotated_article())
    return out


def build_demo_store(url: str, pipeline: Pipeline | None = None) -> dict[str, Any]:
    """Fill the store at ``url`` with the demo corpus; returns counts and the ids."""
    from marsad.store.base import open_store

    articles = demo_articles(pipeline)
    with open_store(url) as store:
        result = store.add_articles(articles)
        try:
            from marsad.corpus.persistence import update_corpus
        except ImportError:
            pass
        else:
            update_corpus(store, result.stored)  # duplicates, stories, registry (issue 6)
    return {"stored": len(result.stored), "ids": list(dict.fromkeys(a.id for a in articles)),
            "annotated_id": articles[-1].id, "xss_id": articles[3].id}
