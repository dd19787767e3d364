"""A small demo corpus, written for Marsad, for tests, screenshots and the e2e run.

The articles are short invented news items (no real corpus text), chosen to exercise
every page: quotes with a named speaker, places on the map, events, two outlets
republishing one agency item (a duplicate group), and one article whose text carries
``<script>`` and an attribute-breaking ``"><img onerror>`` payload, which every page
must show as plain text.

:func:`analysis_pipeline` is the real pipeline (``default_pipeline()``) plus whichever
extraction stages exist but are not yet in ``DEFAULT_STAGES``. ADAPTER: while the text
layer is being written, a missing clean/segment module makes it fall back to a minimal
stand-in (:class:`_StandInSegment`) so the API can still be exercised end to end; the
stand-in is used only when ``default_pipeline()`` cannot be built.

One article is also stored *hand-annotated* (:func:`annotated_article`): its quote,
speaker and entity spans are computed with ``str.find`` so the UI tests of quote
highlighting do not depend on how well the quote extractor does today.
"""

from __future__ import annotations

import html
import importlib
import logging
import re
from typing import Any

from marsad.model import Article, Entity, Event, Quote, Sentence, Token
from marsad.pipeline import Pipeline, Stage

log = logging.getLogger("marsad.web.demo")

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
                                   targets=[{"text": "سرت", "start": s_s, "end": s_e}])])
    art.validate()
    return art


# ------------------------------------------------------------------ the pipeline

_EXTRA_STAGES = [("marsad.extract.entities", "EntityStage"), ("marsad.extract.times", "TimesStage"),
                 ("marsad.extract.quotes", "QuoteStage"), ("marsad.extract.events", "EventStage")]
_WORD = re.compile(r"\w+|[^\w\s]")
_SENT = re.compile(r"[^.!؟?\n]+[.!؟?]*")


class _StandInSegment:
    """ADAPTER: sentences and tokens by regex, used only if the text stages cannot load."""

    name = "segment"
    requires: tuple[str, ...] = ("text",)
    assigns: tuple[str, ...] = ("sentences", "tokens", "removed")

    def __call__(self, article: Article) -> Article:
        text = article.text
        sents = []
        for m in _SENT.finditer(text):
            start, end = m.start(), m.end()
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if end > start:
                sents.append(Sentence(start, end))
        article.set_layer("sentences", sents)
        article.layers["tokens"] = [Token(m.start(), m.end(), m.group(), m.group(), [m.group()])
                                    for m in _WORD.finditer(text)]
        return article


def analysis_pipeline() -> Pipeline:
    """The shipped pipeline plus the extraction stages not yet listed in it."""
    try:
        from marsad.pipeline import default_pipeline
        stages: list[Stage] = list(default_pipeline().stages)
    except Exception as exc:  # noqa: BLE001 - the text layer may be mid-rewrite
        log.warning("default pipeline unavailable (%s); using the stand-in segmenter", exc)
        stages = [_StandInSegment()]
    names = {s.name for s in stages}
    for module, factory in _EXTRA_STAGES:
        try:
            stage = getattr(importlib.import_module(module), factory)()
        except Exception as exc:  # noqa: BLE001 - a stage in flux must not break the demo
            log.warning("stage %s.%s unavailable: %s", module, factory, exc)
            continue
        if stage.name not in names:
            candidate = Pipeline([*stages, stage])  # checks requires/assigns order
            stages = candidate.stages
            names.add(stage.name)
    return Pipeline(stages)


def demo_articles(pipeline: Pipeline | None = None) -> list[Article]:
    """The demo articles analysed by ``pipeline`` (default: :func:`analysis_pipeline`)."""
    pipeline = pipeline or analysis_pipeline()
    out = []
    for title, source, published, text in DEMO_ARTICLES:
        article = Article.from_raw(text, title=title, source=source, published=published)
        analysed = _safe_run(pipeline, article)
        out.append(analysed)
    out.append(annotated_article())
    return out


def _safe_run(pipeline: Pipeline, article: Article) -> Article:
    """Run the pipeline; if a stage in flux breaks, keep the article with the layers so far."""
    for stage in pipeline.stages:
        try:
            article = stage(article)
        except Exception as exc:  # noqa: BLE001
            log.warning("stage %s failed on a demo article: %s", stage.name, exc)
    try:
        article.validate()
    except ValueError as exc:
        log.warning("demo article has invalid layers (%s); keeping text only", exc)
        article.layers = {k: v for k, v in article.layers.items() if k in ("sentences", "tokens")}
    return article


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
