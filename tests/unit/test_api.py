"""The JSON API over a real SQLite store filled by running the pipeline on demo articles."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from marsad.api import create_app
from marsad.api.settings import Settings
from marsad.web.demo import DEMO_ARTICLES, XSS_ATTR, XSS_SCRIPT, build_demo_store

TOKEN = "test-token-0123456789"


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, dict[str, Any]]:
    path = tmp_path_factory.mktemp("api") / "demo.db"
    info = build_demo_store(str(path))
    return str(path), info


@pytest.fixture(scope="module")
def client(demo_db: tuple[str, dict[str, Any]]) -> Iterator[TestClient]:
    app = create_app(demo_db[0], Settings(write_token=TOKEN))
    with TestClient(app) as c:
        yield c


def error_of(response: Any) -> dict[str, Any]:
    body = response.json()
    assert set(body) == {"error"}, body
    assert body["error"]["status"] == response.status_code
    assert body["error"]["message"]
    return body["error"]


# ------------------------------------------------------------------ search


def test_search_finds_article_with_snippet_highlights(client: TestClient) -> None:
    r = client.get("/api/search", params={"q": "الحوار"})
    assert r.status_code == 200
    body = r.json()
    assert body["count"] >= 2
    titles = [h["title"] for h in body["results"]]
    assert DEMO_ARTICLES[0][0] in titles
    hit = body["results"][0]
    assert hit["highlights"], hit
    s, e = hit["highlights"][0]
    assert "الحوار" in hit["snippet"][s:e]


def test_search_filters_by_source_and_date(client: TestClient) -> None:
    all_hits = client.get("/api/search", params={"q": "الزين"}).json()["results"]
    only = client.get("/api/search", params={"q": "الزين", "source": "صحيفة الساحل"}).json()["results"]
    assert {h["source"] for h in only} == {"صحيفة الساحل"}
    assert len(only) < len(all_hits)
    late = client.get("/api/search", params={"q": "الزين", "from": "2018-03-10"}).json()["results"]
    assert late and all(h["published"] >= "2018-03-10" for h in late)


def test_search_query_language_not(client: TestClient) -> None:
    with_not = client.get("/api/search", params={"q": "الزين -جنيف"}).json()["results"]
    without = client.get("/api/search", params={"q": "الزين"}).json()["results"]
    assert len(with_not) < len(without)


@pytest.mark.parametrize("params, status", [
    ({"q": ""}, 422), ({}, 422), ({"q": "x", "limit": 0}, 422), ({"q": "x", "limit": 101}, 422),
    ({"q": "x", "offset": -1}, 422), ({"q": "x", "from": "yesterday"}, 422),
    ({"q": "x", "from": "2018-05-01", "to": "2018-01-01"}, 400), ({"q": "NOT"}, 400), ({"q": "-الزين"}, 400),
])
def test_search_bad_parameters_are_json_4xx(client: TestClient, params: dict[str, Any], status: int) -> None:
    r = client.get("/api/search", params=params)
    assert r.status_code == status
    error_of(r)


# ------------------------------------------------------------------ articles


def test_article_list_is_paginated_newest_first(client: TestClient, demo_db: tuple[str, dict[str, Any]]) -> None:
    first = client.get("/api/articles", params={"limit": 2}).json()
    assert first["total"] == len(demo_db[1]["ids"])
    assert len(first["items"]) == 2
    second = client.get("/api/articles", params={"limit": 2, "offset": 2}).json()
    assert not {i["id"] for i in first["items"]} & {i["id"] for i in second["items"]}
    dates = [i["published"] for i in first["items"] + second["items"]]
    assert dates == sorted(dates, reverse=True)


def test_article_detail_has_all_layers_with_exact_offsets(client: TestClient,
                                                          demo_db: tuple[str, dict[str, Any]]) -> None:
    aid = demo_db[1]["annotated_id"]
    body = client.get(f"/api/articles/{aid}").json()
    assert body["id"] == aid
    text = body["text"]
    for layer in ("entities", "quotes", "events"):
        assert body[layer], layer
        for span in body[layer]:
            assert text[span["start"]:span["end"]] == span["text"]
    assert len(body["entity_ids"]) == len(body["entities"])
    assert all(body["entity_ids"])


@pytest.mark.parametrize("bad", ["0000000000000000", "..%2F..%2Fetc%2Fpasswd", "a" * 65, "x y"])
def test_unknown_or_malformed_article_id_is_json_404_or_422(client: TestClient, bad: str) -> None:
    r = client.get(f"/api/articles/{bad}")
    assert r.status_code in (404, 422)
    assert "root:" not in r.text
    error_of(r)


# ------------------------------------------------------------------ writes


def test_post_requires_a_configured_token(demo_db: tuple[str, dict[str, Any]]) -> None:
    app = create_app(demo_db[0], Settings())
    with TestClient(app) as c:
        r = c.post("/api/articles", json={"text": "نص"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 403
    assert error_of(r)["code"] == "writes_disabled"


@pytest.mark.parametrize("headers, status", [
    ({}, 401), ({"Authorization": "Bearer wrong-token-xxxxxxxx"}, 403), ({"Authorization": "Basic abc"}, 401),
    ({"Authorization": f"bearer {TOKEN}x"}, 403), ({"Authorization": TOKEN[:-1]}, 401),
])
def test_post_rejects_missing_or_wrong_token(client: TestClient, headers: dict[str, str], status: int) -> None:
    r = client.post("/api/articles", json={"text": "نص قصير"}, headers=headers)
    assert r.status_code == status
    error_of(r)


def test_post_analyses_stores_and_is_idempotent(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    app = create_app(db, Settings(write_token=TOKEN))
    auth = {"Authorization": f"Bearer {TOKEN}"}
    text = "أعلن رئيس الوزراء التونسي أن «الانتخابات ستجري في موعدها» خلال زيارة إلى مدينة صفاقس."
    with TestClient(app) as c:
        r = c.post("/api/articles", json={"text": text, "title": "تونس تؤكد موعد الانتخابات",
                                          "source": "اختبار", "published": "2018-04-02"}, headers=auth)
        assert r.status_code == 201, r.text
        created = r.json()
        assert created["created"] is True
        assert created["article"]["tokens"], "the pipeline should have tokenised the text"
        aid = created["id"]
        assert c.get(f"/api/articles/{aid}").status_code == 200
        hits = c.get("/api/search", params={"q": "الانتخابات"}).json()["results"]
        assert [h["id"] for h in hits] == [aid]
        assert c.get("/api/articles").json()["total"] == 1
        again = c.post("/api/articles", json={"text": text}, headers=auth)
        assert again.status_code == 200 and again.json()["created"] is False


@pytest.mark.parametrize("payload", [
    {"text": ""}, {"text": "   "}, {"title": "no text"}, {"text": "x", "published": "not a date"},
    {"text": "x", "unknown": 1}, {"text": 5},
])
def test_post_bad_body_is_422(client: TestClient, payload: dict[str, Any]) -> None:
    r = client.post("/api/articles", json=payload, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 422
    error_of(r)


def test_post_broken_json_is_422(client: TestClient) -> None:
    r = client.post("/api/articles", content=b"{not json", headers={"Authorization": f"Bearer {TOKEN}",
                                                                   "Content-Type": "application/json"})
    assert r.status_code == 422
    error_of(r)


def test_too_large_body_is_413(demo_db: tuple[str, dict[str, Any]]) -> None:
    app = create_app(demo_db[0], Settings(write_token=TOKEN, max_body_bytes=5_000))
    with TestClient(app) as c:
        r = c.post("/api/articles", json={"text": "ن" * 10_000}, headers={"Authorization": f"Bearer {TOKEN}"})
        assert r.status_code == 413
        assert error_of(r)["code"] == "payload_too_large"

        def chunks() -> Iterator[bytes]:  # no Content-Length: the streamed size is counted
            yield b'{"text": "'
            for _ in range(10):
                yield b"a" * 1000
            yield b'"}'

        r = c.post("/api/articles", content=chunks(), headers={"Authorization": f"Bearer {TOKEN}",
                                                              "Content-Type": "application/json"})
        assert r.status_code == 413


# ------------------------------------------------------------------ corpus views


def test_entity_endpoints(client: TestClient, demo_db: tuple[str, dict[str, Any]]) -> None:
    aid = demo_db[1]["annotated_id"]
    article = client.get(f"/api/articles/{aid}").json()
    speaker_id = article["entity_ids"][0]
    ent = client.get(f"/api/entities/{speaker_id}")
    assert ent.status_code == 200
    body = ent.json()
    assert body["canonical"] == "محمد الزين" and body["type"] == "PERS"
    assert any("المفاوضات ستستأنف" in q["text"] for q in body["quotes"])
    assert body["comentions"] and all(c["id"] != speaker_id for c in body["comentions"])
    # every demo article is from March 2018; the timeline counts articles mentioning the entity
    assert body["articles"] >= 1
    assert body["timeline"] == [{"period": "2018-03", "count": body["articles"]}]
    listed = client.get("/api/entities", params={"q": "الزين"}).json()
    assert speaker_id in [e["id"] for e in listed["items"]]
    tl = client.get("/api/timeline", params={"entity": speaker_id}).json()
    assert tl["entity"]["id"] == speaker_id and tl["series"]
    assert client.get("/api/entities/Enope00000000").status_code == 404


def test_quotes_events_sources(client: TestClient) -> None:
    quotes = client.get("/api/quotes", params={"limit": 100}).json()
    assert quotes["total"] >= 1
    texts = [q["text"] for q in quotes["items"]]
    assert any("المفاوضات ستستأنف" in t for t in texts)
    events = client.get("/api/events").json()
    assert any(e["type"] == "attack" for e in events["items"])
    only = client.get("/api/events", params={"type": "attack"}).json()["items"]
    assert only and {e["type"] for e in only} == {"attack"}
    main = client.get("/api/events", params={"main": "true", "limit": 100}).json()
    rest = client.get("/api/events", params={"main": "false", "limit": 100}).json()
    assert main["total"] >= 1 and all(e["main"] for e in main["items"])
    assert not any(e["main"] for e in rest["items"])
    assert main["total"] + rest["total"] == client.get("/api/events").json()["total"]
    assert len({e["article_id"] for e in main["items"]}) == main["total"]  # at most one main event an article
    csv_text = client.get("/api/export/events", params={"format": "csv", "main": "true"}).text
    assert csv_text.splitlines()[0].endswith(",main") and len(csv_text.splitlines()) == main["total"] + 1
    sources = {s["name"]: s["articles"] for s in client.get("/api/sources").json()["items"]}
    assert sources["وكالة المرصد"] == 3 and sources["صحيفة الساحل"] == 2


def test_duplicates_and_stories(client: TestClient, demo_db: tuple[str, dict[str, Any]]) -> None:
    pytest.importorskip("marsad.corpus.duplicates")
    ids = demo_db[1]["ids"]
    groups = client.get("/api/duplicates").json()["items"]
    pair = {ids[0], ids[1]}
    assert any(pair <= set(g["members"]) for g in groups), groups
    group = next(g for g in groups if pair <= set(g["members"]))
    assert group["original"] in pair
    stories = client.get("/api/stories").json()
    for story in stories["items"]:
        detail = client.get(f"/api/stories/{story['id']}").json()
        shown = {i["id"] for i in detail["timeline"]} | {c["id"] for i in detail["timeline"] for c in i["copies"]}
        assert shown == set(story["articles"])
    assert client.get("/api/stories/Snope").status_code == 404


def test_exports(client: TestClient) -> None:
    r = client.get("/api/export/search", params={"q": "الزين", "format": "csv"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    lines = r.text.lstrip("\ufeff").splitlines()
    assert lines[0].startswith("id,title,source")
    assert len(lines) >= 3
    j = client.get("/api/export/quotes", params={"format": "json"}).json()
    assert isinstance(j, list) and j and "speaker" in j[0]
    assert client.get("/api/export/search", params={"format": "xml"}).status_code == 422


def test_csv_cells_cannot_start_formulas() -> None:
    from marsad.api.export import _cell
    assert _cell("=HYPERLINK(1)") == "'=HYPERLINK(1)"
    assert _cell("@SUM") == "'@SUM"
    assert _cell("عادي") == "عادي"


def test_read_endpoints_can_be_closed(demo_db: tuple[str, dict[str, Any]]) -> None:
    app = create_app(demo_db[0], Settings(write_token=TOKEN, read_open=False))
    with TestClient(app) as c:
        assert c.get("/api/articles").status_code == 401
        assert c.get("/api/articles", headers={"Authorization": "Bearer nope-nope-nope"}).status_code == 403
        ok = c.get("/api/articles", headers={"Authorization": f"Bearer {TOKEN}"})
        assert ok.status_code == 200 and ok.json()["total"] > 0
        assert c.get("/").status_code == 401


def test_openapi_and_offline_docs(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    for path in ("/api/search", "/api/articles", "/api/articles/{article_id}", "/api/entities/{entity_id}",
                 "/api/quotes", "/api/events", "/api/stories", "/api/duplicates", "/api/sources", "/api/timeline"):
        assert path in spec["paths"], path
    assert "post" in spec["paths"]["/api/articles"]
    docs = client.get("/docs")
    assert docs.status_code == 200
    assert "cdn" not in docs.text.lower() and "https://" not in docs.text
    assert client.get("/static/docs.js").status_code == 200


def test_static_files_cannot_escape_their_folder(client: TestClient) -> None:
    for path in ("/static/../api/app.py", "/static/%2e%2e/%2e%2e/model.py", "/static/..%2fsettings.py"):
        r = client.get(path)
        assert r.status_code == 404, path
        assert "import" not in r.text


def test_security_headers_on_pages(client: TestClient) -> None:
    r = client.get("/")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert r.headers["x-content-type-options"] == "nosniff"


def test_settings_from_env() -> None:
    from marsad.api.settings import SettingsError
    s = Settings.from_env({"MARSAD_WRITE_TOKEN": "abcdefgh12", "MARSAD_READ_OPEN": "false"})
    assert s.write_token == "abcdefgh12" and s.read_open is False
    assert Settings.from_env({}).write_token is None
    with pytest.raises(SettingsError):
        Settings.from_env({"MARSAD_READ_OPEN": "maybe"})
    with pytest.raises(SettingsError):
        Settings.from_env({"MARSAD_WRITE_TOKEN": "short"})


def test_xss_article_json_keeps_text_verbatim(client: TestClient, demo_db: tuple[str, dict[str, Any]]) -> None:
    body = client.get(f"/api/articles/{demo_db[1]['xss_id']}").json()
    assert XSS_SCRIPT in body["title"] and XSS_ATTR in body["title"]
    assert XSS_SCRIPT in body["text"] and XSS_ATTR in body["text"]
    assert json.loads(json.dumps(body))["text"] == body["text"]


def test_undeclared_method_is_405_with_allow_header(client: TestClient) -> None:
    r = client.request("TRACE", "/api/duplicates")
    assert r.status_code == 405 and "GET" in r.headers["allow"]
    error_of(r)


def test_serve_refuses_a_bad_database_url_with_one_line() -> None:
    from typer.testing import CliRunner

    from marsad.cli import _register, app
    _register()
    result = CliRunner().invoke(app, ["serve", "--db", "mysql://nowhere/x", "--port", "9"])
    assert result.exit_code == 2
    assert "unknown database URL" in result.output
    assert "Traceback" not in result.output


def test_serve_refuses_a_short_token(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from marsad.cli import _register, app
    _register()
    monkeypatch.setenv("MARSAD_WRITE_TOKEN", "short")
    result = CliRunner().invoke(app, ["serve", "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 2 and "at least 8 characters" in result.output


def test_warm_start_builds_the_read_model_in_the_background(demo_db: tuple[str, dict[str, Any]]) -> None:
    import time

    app = create_app(demo_db[0], Settings(warm=True))
    with TestClient(app):
        backend = app.state.backend
        for _ in range(200):  # bounded wait for the background thread, not a speed assertion
            if backend._index is not None and backend._groups is not None:
                break
            time.sleep(0.05)
        assert backend._index is not None and len(backend._index.articles) == len(demo_db[1]["ids"])


def test_post_when_the_pipeline_cannot_be_built_is_503(tmp_path: Path) -> None:
    def broken() -> Any:
        raise ImportError("no module named marsad.text.clean")

    app = create_app(str(tmp_path / "p.db"), Settings(write_token=TOKEN), pipeline_factory=broken)
    with TestClient(app) as c:
        r = c.post("/api/articles", json={"text": "نص"}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 503
    assert "cannot be built" in error_of(r)["message"]
