"""Every REST endpoint, good and bad requests; auth; body limits; error shape."""

from __future__ import annotations

import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from riwaya.server import create_app
from riwaya.server.app import MAX_BODY, is_loopback

from .conftest import HOSTILE


def _error(response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert body["error"] == code and body["message"], body
    return body


# -- stories ------------------------------------------------------------------------


def test_stories_list_seed_events(client: TestClient, seed_ids: dict[str, str]) -> None:
    page = client.get("/api/stories").json()
    assert page["total"] == 2
    ids = [s["id"] for s in page["items"]]
    assert seed_ids["event"] in ids and seed_ids["follow"] in ids
    main = next(s for s in page["items"] if s["id"] == seed_ids["event"])
    assert main["articles"] == 4 and main["coverage"] == [{"day": "2024-10-25", "articles": 4}]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "الكرملين"}, 2),
        ({"q": "تايوان"}, 1),  # only the main event speaks of Taiwan
        ({"entity": "زيلينسكي"}, 1),
        ({"since": "2024-11-01"}, 1),
        ({"until": "2024-10-30"}, 1),
        ({"since": "2024-10-01", "until": "2024-12-01"}, 2),
        ({"min_articles": 2}, 1),
        ({"outlet": "لا منفذ بهذا الاسم"}, 0),
        ({"q": "كلمةلاتوجد"}, 0),
    ],
)
def test_stories_filters(client: TestClient, query: dict[str, object], expected: int) -> None:
    response = client.get("/api/stories", params=query)
    assert response.status_code == 200, response.text
    assert response.json()["total"] == expected


def test_stories_pagination(client: TestClient) -> None:
    first = client.get("/api/stories", params={"limit": 1}).json()
    second = client.get("/api/stories", params={"limit": 1, "offset": 1}).json()
    assert first["total"] == second["total"] == 2
    assert len(first["items"]) == len(second["items"]) == 1
    assert first["items"][0]["id"] != second["items"][0]["id"]
    assert client.get("/api/stories", params={"offset": 10}).json()["items"] == []


@pytest.mark.parametrize(
    "query",
    [{"limit": 0}, {"limit": 201}, {"offset": -1}, {"since": "2024-13-01"}, {"until": "yesterday"}, {"min_articles": 0}],
)
def test_stories_bad_queries_are_422(client: TestClient, query: dict[str, object]) -> None:
    body = _error(client.get("/api/stories", params=query), 422, "invalid")
    assert body["detail"]


def test_stories_since_after_until_is_400(client: TestClient) -> None:
    _error(client.get("/api/stories", params={"since": "2024-12-01", "until": "2024-01-01"}), 400, "bad_request")


def test_story_detail_is_the_contract(client: TestClient, seed_ids: dict[str, str]) -> None:
    story = client.get(f"/api/stories/{seed_ids['event']}").json()
    for key in ("id", "title", "story_id", "articles", "outlets", "claims", "contradictions", "statements", "timeline",
                "entities", "coverage", "brief"):  # fmt: skip
        assert key in story
    assert story["id"] == seed_ids["event"] and len(story["articles"]) == 4
    assert story["brief"] and all(item["cites"] or item.get("cite") for item in story["brief"])
    denials = [k for k in story["contradictions"] if k["kind"] == "denial"]
    assert denials, "the Kremlin denial is a contradiction"
    assert any("الكرملين" in (s.get("text") or "") for k in denials for s in k["b"])
    assert {e["id"] for e in story["story_events"]} == {seed_ids["event"], seed_ids["follow"]}


def test_story_by_prefix_and_by_story_id(client: TestClient, seed_ids: dict[str, str]) -> None:
    assert client.get(f"/api/stories/{seed_ids['event'][:8]}").json()["id"] == seed_ids["event"]
    story = client.get(f"/api/stories/{seed_ids['story']}")
    assert story.status_code == 200, story.text
    assert story.json()["story_id"] == seed_ids["story"]


@pytest.mark.parametrize(("path", "status"), [("e-ffffffffffff", 404), ("s-ffffffffffff", 404), ("bad id!", 422), ("e-", 422)])
def test_story_missing_or_malformed(client: TestClient, path: str, status: int) -> None:
    response = client.get(f"/api/stories/{path}")
    _error(response, status, "not_found" if status == 404 else "invalid")
    assert "seeds.db" not in response.text, "answers do not reveal server paths"


# -- articles and search ------------------------------------------------------------------


def test_articles_list_and_filters(client: TestClient) -> None:
    page = client.get("/api/articles", params={"limit": 3}).json()
    assert page["limit"] == 3 and len(page["items"]) == 3
    named = client.get("/api/articles", params={"entity": "بيسكوف"}).json()["items"]
    assert named and len(named) < 5
    assert client.get("/api/articles", params={"outlet": "nothing"}).json()["items"] == []
    _error(client.get("/api/articles", params={"limit": 500}), 422, "invalid")


def test_article_detail_has_spans(client: TestClient, seed_ids: dict[str, str]) -> None:
    article = client.get(f"/api/articles/{seed_ids['article'][:6]}").json()
    assert article["id"] == seed_ids["article"] and article["event_id"] == seed_ids["event"]
    text = article["text"]
    for layer in ("sentences", "dates", "entities", "numbers"):
        for item in article[layer]:
            assert text[item["start"] : item["end"]] == item["text"], layer
    for statement in article["statements"]:
        start, end = statement["spans"]["content"]
        assert text[start:end] == statement["content"]


@pytest.mark.parametrize(("article_id", "status"), [("ffffffffffff", 404), ("abc", 422), ("<script>", 422)])
def test_article_missing_or_malformed(client: TestClient, article_id: str, status: int) -> None:
    _error(client.get(f"/api/articles/{article_id}"), status, "not_found" if status == 404 else "invalid")


def test_search(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "الكرملين"}).json()
    assert hits and all("كرملين" in h["snippet"] for h in hits)
    assert client.get("/api/search", params={"q": "!!!"}).json() == []
    _error(client.get("/api/search"), 422, "invalid")
    _error(client.get("/api/search", params={"q": ""}), 422, "invalid")


def test_unknown_endpoint_and_method(client: TestClient) -> None:
    _error(client.get("/api/nothing"), 404, "not_found")
    _error(client.delete("/api/stories"), 405, "method_not_allowed")


def test_openapi_lists_every_endpoint(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert set(schema["paths"]) == {
        "/api/stories", "/api/stories/{story_id}", "/api/articles", "/api/articles/{article_id}", "/api/search",
        "/api/ingest/url", "/api/ingest/file", "/api/events/merge", "/api/events/{event_id}/split",
    }  # fmt: skip
    assert "StoryDetail" in schema["components"]["schemas"]
    assert client.get("/docs").status_code == 200


# -- writes ------------------------------------------------------------------------------------


def test_post_articles_ingests_and_reports_duplicates(write_db: Path) -> None:
    with TestClient(create_app(write_db)) as client:
        first = client.post("/api/articles", json=HOSTILE)
        assert first.status_code == 200, first.text
        assert len(first.json()["ingested"]) == 1
        again = client.post("/api/articles", json=[HOSTILE])
        assert again.json()["ingested"] == [] and again.json()["duplicates"] == first.json()["ingested"]
        stored = client.get(f"/api/articles/{first.json()['ingested'][0]}").json()
        assert "<script>alert('xss')</script>" in stored["text"]
        assert client.get("/api/stories").json()["total"] == 3


def test_article_copy_links_both_ways(write_db: Path, seed_ids: dict[str, str]) -> None:
    """A later article that repeats a stored one is linked from both sides."""
    with TestClient(create_app(write_db)) as client:
        original = client.get(f"/api/articles/{seed_ids['article']}").json()
        copy = {"text": original["text"] + "\n\nوتابع المراسل أن الاجتماع سيعقد مرة أخرى الأسبوع المقبل في العاصمة.",
                "outlet": "منفذ ناسخ", "published": "2024-12-30", "title": "نسخة"}  # fmt: skip
        copy_id = client.post("/api/articles", json=copy).json()["ingested"][0]
        copied_by = client.get(f"/api/articles/{seed_ids['article']}").json()["copied_by"]
        assert [(link["kind"], link["article"], link["outlet"]) for link in copied_by] == [("verbatim", copy_id, "منفذ ناسخ")]
        derived = client.get(f"/api/articles/{copy_id}").json()["derived_from"]
        assert [(link["kind"], link["article"]) for link in derived] == [("verbatim", seed_ids["article"])]


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"title": "بلا نص"}, 422, "invalid"),
        ({"text": ""}, 422, "invalid"),
        ([], 400, "bad_request"),
        ({"text": "This is English text only, not Arabic news at all."}, 422, "ingest_failed"),
        ("not json", 422, "invalid"),
    ],
)
def test_post_articles_bad_bodies(write_db: Path, body: object, status: int, code: str) -> None:
    with TestClient(create_app(write_db)) as client:
        _error(client.post("/api/articles", json=body), status, code)


def test_post_articles_malformed_json(write_db: Path) -> None:
    with TestClient(create_app(write_db)) as client:
        _error(client.post("/api/articles", content=b"{nope", headers={"content-type": "application/json"}), 422, "invalid")


def test_body_too_large_is_413(write_db: Path) -> None:
    with TestClient(create_app(write_db)) as client:
        big = b'{"text": "' + b"a" * (MAX_BODY + 10) + b'"}'
        _error(client.post("/api/articles", content=big, headers={"content-type": "application/json"}), 413, "too_large")


def test_upload_file(write_db: Path) -> None:
    with TestClient(create_app(write_db)) as client:
        text = HOSTILE["text"].encode()
        response = client.post("/api/ingest/file", files={"file": ("خبر.txt", io.BytesIO(text), "text/plain")},
                               data={"published": "2024-10-27"})  # fmt: skip
        assert response.status_code == 200, response.text
        article = client.get(f"/api/articles/{response.json()['ingested'][0]}").json()
        assert article["source"] == "خبر.txt" and article["published"] == "2024-10-27"
        _error(client.post("/api/ingest/file", files={"file": ("empty.txt", b"", "text/plain")}), 422, "ingest_failed")
        _error(client.post("/api/ingest/file", files={"file": ("x.zip", b"PK\x03\x04broken", "application/zip")}),
               422, "ingest_failed")  # fmt: skip
        _error(client.post("/api/ingest/file", files={"file": ("a.txt", text, "text/plain")}, data={"published": "x"}),
               422, "invalid")  # fmt: skip
        _error(client.post("/api/ingest/file"), 422, "invalid")


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        body = ("<html><head><title>نفي الكرملين</title></head><body><article><p>"
                + "نفى الكرملين الجمعة تقريرا لصحيفة أمريكية عن اتصالات منتظمة بين ماسك وبوتين منذ عام 2022. " * 4
                + "</p></article></body></html>").encode()  # fmt: skip
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_ingest_url(write_db: Path) -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}/story.html"
    try:
        with TestClient(create_app(write_db)) as client:  # the SSRF guard refuses loopback by default
            body = _error(client.post("/api/ingest/url", json={"url": url}), 422, "ingest_failed")
            assert "127.0.0.1" in body["message"]
            _error(client.post("/api/ingest/url", json={"url": "ftp://example.org/x"}), 422, "ingest_failed")
            _error(client.post("/api/ingest/url", json={}), 422, "invalid")
        with TestClient(create_app(write_db, allow_private_urls=True)) as client:
            response = client.post("/api/ingest/url", json={"url": url, "published": "2024-10-25"})
            assert response.status_code == 200, response.text
            assert len(response.json()["ingested"]) == 1
    finally:
        server.shutdown()


def test_merge_and_split(write_db: Path, seed_ids: dict[str, str]) -> None:
    with TestClient(create_app(write_db)) as client:
        merged = client.post("/api/events/merge", json={"keep": seed_ids["event"], "absorb": seed_ids["follow"]})
        assert merged.status_code == 200, merged.text
        assert merged.json()["event"] == seed_ids["event"]
        assert client.get("/api/stories").json()["total"] == 1
        assert client.get(f"/api/stories/{seed_ids['follow']}").json()["id"] == seed_ids["event"]  # redirects
        _error(client.post("/api/events/merge", json={"keep": seed_ids["event"], "absorb": seed_ids["follow"]}),
               409, "conflict")  # fmt: skip
        split = client.post(f"/api/events/{seed_ids['event']}/split", json={"articles": [seed_ids["follow_article"]]})
        assert split.status_code == 200, split.text
        assert split.json()["event"] != seed_ids["event"]
        assert client.get("/api/stories").json()["total"] == 2
        _error(client.post(f"/api/events/{seed_ids['event']}/split", json={"articles": ["ffffffffffffffff"]}), 404, "not_found")
        _error(client.post(f"/api/events/{seed_ids['event']}/split", json={"articles": []}), 422, "invalid")
        _error(client.post("/api/events/e-ffffffffffff/split", json={"articles": ["abcd"]}), 404, "not_found")
        _error(client.post("/api/events/merge", json={"keep": "e-ffffffffffff", "absorb": seed_ids["event"]}), 404, "not_found")


# -- auth ------------------------------------------------------------------------------------------


def test_token_required_when_set(write_db: Path, seed_ids: dict[str, str]) -> None:
    with TestClient(create_app(write_db, token="s3cret")) as client:
        assert client.get("/api/stories").status_code == 200  # reads stay open
        missing = client.post("/api/articles", json=HOSTILE)
        _error(missing, 401, "unauthorized")
        assert missing.headers["www-authenticate"] == "Bearer"
        _error(client.post("/api/articles", json=HOSTILE, headers={"Authorization": "Bearer wrong"}), 401, "unauthorized")
        for path, body in (("/api/events/merge", {"keep": seed_ids["event"], "absorb": seed_ids["follow"]}),
                           ("/api/ingest/url", {"url": "http://example.org"})):  # fmt: skip
            _error(client.post(path, json=body), 401, "unauthorized")
        _error(client.post("/api/ingest/file", files={"file": ("a.txt", b"x", "text/plain")}), 401, "unauthorized")
        ok = client.post("/api/articles", json=HOSTILE, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 200, ok.text


def test_public_server_without_token_is_read_only(write_db: Path) -> None:
    with TestClient(create_app(write_db, public=True)) as client:
        assert client.get("/api/stories").status_code == 200
        _error(client.post("/api/articles", json=HOSTILE), 403, "writes_disabled")


def test_is_loopback() -> None:
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.4") and not is_loopback("example.org")


def test_cross_origin_writes_refused(write_db: Path) -> None:
    with TestClient(create_app(write_db)) as client:
        _error(client.post("/api/articles", json=HOSTILE, headers={"Origin": "https://evil.example"}), 403, "forbidden")
        same = client.post("/api/articles", json=HOSTILE, headers={"Origin": "http://testserver"})
        assert same.status_code == 200, same.text
