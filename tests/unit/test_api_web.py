"""The server-rendered pages: escaping, highlights at exact offsets, facets, entity/story/map pages."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from marsad.api import create_app
from marsad.api.settings import Settings
from marsad.web.charts import bar_chart, fill_months
from marsad.web.demo import XSS_ATTR, XSS_SCRIPT, build_demo_store
from marsad.web.highlight import Mark, render_marked, render_snippet
from marsad.web.worldmap import country_lookup, project, render_map


class _Collect(HTMLParser):
    """Text content, tag balance and any script/img/event-handler found in a fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.stack: list[str] = []
        self.bad: list[str] = []
        self.balanced = True

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "img", "iframe") or any(name.startswith("on") for name, _ in attrs):
            self.bad.append(tag)
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack.pop() != tag:
            self.balanced = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(fragment: str) -> _Collect:
    p = _Collect()
    p.feed(fragment)
    p.close()
    return p


def article_body(html: str) -> str:
    m = re.search(r'<div class="article-text" id="article-text">(.*?)</div>', html, re.DOTALL)
    assert m is not None, "article body not found"
    return m.group(1)


# ------------------------------------------------------------------ highlighting (pure)


def test_marks_nest_and_cross_but_stay_well_formed() -> None:
    text = "قال محمد الزين إن «السلام قريب» <b>"
    marks = [Mark(4, 14, "entity", "a", (("href", "/entities/E1"),)), Mark(18, 31, "quote", "mark"),
             Mark(9, 20, "event", "span"), Mark(0, 3, "cue", "span")]
    html = str(render_marked(text, marks))
    p = parse(html)
    assert "".join(p.text) == text
    assert p.balanced and not p.stack
    assert "&lt;b&gt;" in html


def test_out_of_range_and_empty_marks_are_ignored() -> None:
    html = str(render_marked("abc", [Mark(2, 9, "entity"), Mark(1, 1, "quote"), Mark(-1, 2, "event")]))
    assert html == "abc"


def test_attribute_values_are_escaped() -> None:
    html = str(render_marked("x", [Mark(0, 1, "entity", "a", (("title", XSS_ATTR),))]))
    assert "<img" not in html and "&#34;&gt;&lt;img" in html


def test_disallowed_tag_or_attribute_is_refused() -> None:
    with pytest.raises(ValueError):
        render_marked("x", [Mark(0, 1, "entity", "script")])
    with pytest.raises(ValueError):
        render_marked("x", [Mark(0, 1, "entity", "span", (("onclick x", "1"),))])


_chars = st.sampled_from([*list("ab <>&\"'/=سلام"), "<script>", "</mark>", XSS_ATTR])


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(_chars, min_size=1, max_size=30),
       raw_marks=st.lists(st.tuples(st.integers(0, 200), st.integers(0, 200),
                                    st.sampled_from(["entity", "quote", "event", "cue", "speaker"])), max_size=12))
def test_any_text_and_spans_render_to_the_same_text(parts: list[str], raw_marks: list[tuple[int, int, str]]) -> None:
    text = "".join(parts)
    tags = {"entity": "a", "quote": "mark", "event": "span", "cue": "span", "speaker": "span"}
    marks = [Mark(min(a, b), max(a, b), kind, tags[kind]) for a, b, kind in raw_marks]
    html = str(render_marked(text, marks))
    p = parse(html)
    assert "".join(p.text) == text
    assert p.balanced and not p.stack
    assert not p.bad


def test_snippet_markers_become_marks_after_escaping() -> None:
    html = str(render_snippet("a \x02<b>\x03 c \x02d", "\x02", "\x03"))
    assert html == 'a <mark class="hit">&lt;b&gt;</mark> c d'


def test_chart_and_months() -> None:
    assert fill_months([("2018-01", 2), ("2018-03", 1), ("bad", 5)]) == [("2018-01", 2), ("2018-02", 0),
                                                                          ("2018-03", 1)]
    svg = str(bar_chart([("2018-01", 2), ("2018-02", 0)]))
    assert svg.count("<rect") == 2 and "2018-01: 2" in svg


def test_map_projection_and_lookup() -> None:
    assert project(90, -180) == (0.0, 0.0)
    x, y = project(0, 0)
    assert (round(x), round(y)) == (500, 250)
    assert country_lookup()["ليبيا"][0] == "LY"
    svg = str(render_map([{"id": "E1", "name": XSS_SCRIPT, "lat": 32.9, "lon": 13.2, "count": 3},
                          {"name": "bad", "lat": 999, "lon": 0}]))
    assert "<script>" not in svg and 'href="/entities/E1"' in svg
    assert svg.count('fill="#c0392b"') == 1


# ------------------------------------------------------------------ pages over the demo store


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, dict[str, Any]]]:
    path = tmp_path_factory.mktemp("web") / "demo.db"
    info = build_demo_store(str(path))
    with TestClient(create_app(str(path), Settings())) as c:
        yield c, info


def _assert_no_injected_markup(html: str) -> None:
    assert "<script>alert" not in html
    assert "<img" not in html
    assert "onerror=alert(2)>" not in html


@pytest.mark.parametrize("url", ["/", "/search?q=اختبار", "/search?q=شيفرة", "/search", "/map", "/entities",
                                 "/stories"])
def test_pages_render_rtl_and_escape_payloads(site: tuple[TestClient, dict[str, Any]], url: str) -> None:
    client, _ = site
    r = client.get(url)
    assert r.status_code == 200
    assert '<html lang="ar" dir="rtl">' in r.text
    _assert_no_injected_markup(r.text)
    assert "cdn" not in r.text.lower()


def test_payload_title_is_listed_as_text(site: tuple[TestClient, dict[str, Any]]) -> None:
    client, _ = site
    r = client.get("/search", params={"q": "شيفرة"})
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text


def test_xss_article_page_shows_payload_as_text(site: tuple[TestClient, dict[str, Any]]) -> None:
    client, info = site
    r = client.get(f"/articles/{info['xss_id']}")
    assert r.status_code == 200
    _assert_no_injected_markup(r.text)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert XSS_SCRIPT in "".join(parse(article_body(r.text)).text)
    assert XSS_ATTR in "".join(parse(article_body(r.text)).text)


def test_search_page_has_snippets_facets_and_exports(site: tuple[TestClient, dict[str, Any]]) -> None:
    client, _ = site
    r = client.get("/search", params={"q": "الزين"})
    assert r.status_code == 200
    assert '<mark class="hit">' in r.text
    assert 'data-facet="source"' in r.text and "صحيفة الساحل" in r.text
    assert "/api/export/search?" in r.text and "format=csv" in r.text and "format=json" in r.text
    narrowed = client.get("/search", params={"q": "الزين", "source": "صحيفة الساحل"})
    assert 0 < narrowed.text.count('class="result"') < r.text.count('class="result"')


def test_bad_query_and_bad_date_are_shown_not_crashed(site: tuple[TestClient, dict[str, Any]]) -> None:
    client, _ = site
    r = client.get("/search", params={"q": "NOT", "from": "garbage"})
    assert r.status_code == 200
    assert 'class="error"' in r.text


def test_article_page_highlights_quote_speaker_and_links_entity(site: tuple[TestClient, dict[str, Any]]) -> None:
    client, info = site
    aid = info["annotated_id"]
    article = client.get(f"/api/articles/{aid}").json()
    r = client.get(f"/articles/{aid}")
    assert r.status_code == 200
    body = article_body(r.text)
    assert "".join(parse(body).text) == article["text"]
    quote = article["quotes"][0]
    m = re.search(r'<mark class="quote quote-direct" data-quote="0">(.*?)</mark>', body, re.DOTALL)
    assert m and "".join(parse(m.group(1)).text) == quote["text"]
    speaker_id = article["entity_ids"][0]
    assert f'<a class="speaker-link" href="/entities/{speaker_id}">محمد الزين</a>' in r.text
    assert 'class="speaker"' in body and 'class="event ev-attack"' in body
    assert article["events"][0]["main"] is True and 'class="ev-main"' in r.text  # the headline event is marked
    page = client.get(f"/entities/{speaker_id}")
    assert page.status_code == 200
    assert "محمد الزين" in page.text and "<svg" in page.text
    assert "المفاوضات ستستأنف في جنيف" in page.text


def test_story_page_collapses_duplicates(site: tuple[TestClient, dict[str, Any]]) -> None:
    pytest.importorskip("marsad.corpus.stories")
    client, info = site
    stories = client.get("/api/stories").json()["items"]
    with_copy = [s for s in stories if {info["ids"][0], info["ids"][1]} <= set(s["articles"])]
    if not with_copy:
        pytest.skip("the story clusterer did not put the two copies in one story")
    r = client.get(f"/stories/{with_copy[0]['id']}")
    assert r.status_code == 200
    assert '<details class="copies">' in r.text


def test_map_page_plots_places(site: tuple[TestClient, dict[str, Any]]) -> None:
    client, _ = site
    r = client.get("/map")
    assert r.text.count("<circle") > 200  # the country base layer
    assert 'fill="#c0392b"' in r.text  # at least one place from the articles


def test_unknown_pages_get_html_404(site: tuple[TestClient, dict[str, Any]]) -> None:
    client, _ = site
    for url in ("/articles/0000000000000000", "/entities/Enope", "/stories/Snope", "/no/such/page"):
        r = client.get(url, headers={"Accept": "text/html"})
        assert r.status_code == 404 and 'dir="rtl"' in r.text
