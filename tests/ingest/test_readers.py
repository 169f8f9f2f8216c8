"""Readers on well-formed input: text, HTML, JSON/JSONL/zip, WARC, RSS/Atom, folders, stdin."""

from __future__ import annotations

import gzip
import io
import json
import sys
import threading
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from riwaya.errors import IngestError
from riwaya.ingest.sources import IngestOptions, detect_format, iter_raw_documents
from riwaya.model import RawDocument

SEEDS = Path(__file__).resolve().parents[2] / "riwaya" / "samples" / "seeds"


def seed_paragraphs(index: int) -> list[str]:
    """Body paragraphs of a seed article (markdown headings and blank lines dropped)."""
    path = sorted(SEEDS.glob(f"{index:03d}_*.txt"))[0]
    lines = [line.strip() for line in path.read_text("utf-8").splitlines()]
    return [line for line in lines if len(line.split()) >= 8 and not line.startswith(("#", "المصدر"))]


def read_all(inputs: list[str], **options: object) -> list[RawDocument | IngestError]:
    return list(iter_raw_documents(inputs, IngestOptions(**options)))  # type: ignore[arg-type]


def docs(items: list[RawDocument | IngestError]) -> list[RawDocument]:
    return [item for item in items if isinstance(item, RawDocument)]


def errors(items: list[RawDocument | IngestError]) -> list[IngestError]:
    return [item for item in items if isinstance(item, IngestError)]


NAV = "<nav><ul><li><a href='/'>الرئيسية</a></li><li><a href='/politics'>سياسة</a></li><li><a href='/sport'>رياضة</a></li></ul></nav>"
RELATED = (
    "<aside class='related'><h3>أخبار ذات صلة</h3><ul>"
    "<li><a href='/a'>شاهد ايضاً: ارتفاع أسعار الذهب في الأسواق العالمية</a></li>"
    "<li><a href='/b'>منتخب مصر يفوز على غانا في تصفيات كأس العالم</a></li></ul></aside>"
)
COMMENTS = (
    "<section id='comments' class='comments'><h3>التعليقات</h3>"
    "<div class='comment'><p>تعليق القارئ: هذا الخبر كاذب ولا أصدقه أبداً يا جماعة الخير</p></div></section>"
)
FOOTER = "<footer><p>جميع الحقوق محفوظة لصحيفة الشرق 2024</p><a href='/privacy'>سياسة الخصوصية</a></footer>"


def article_page(paragraphs: list[str], *, title: str = "الكرملين ينفي تقرير وول ستريت جورنال", charset: str = "utf-8") -> str:
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="{charset}">
<title>{title} | صحيفة الشرق</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="صحيفة الشرق">
<meta name="author" content="أحمد محمود">
<link rel="canonical" href="https://example.com/news/kremlin-denies">
<meta property="article:published_time" content="2024-10-25T09:30:00+03:00">
</head><body>{NAV}<header><div class="logo">صحيفة الشرق</div></header>
<main><article><h1>{title}</h1><time datetime="2024-10-25">25 أكتوبر 2024</time>
{body}</article>{RELATED}{COMMENTS}</main>{FOOTER}</body></html>"""


def assert_body_without_furniture(text: str, paragraphs: list[str]) -> None:
    for paragraph in paragraphs:
        assert paragraph in text
    for furniture in ("تعليق القارئ", "ارتفاع أسعار الذهب", "جميع الحقوق محفوظة", "سياسة الخصوصية", "رياضة"):
        assert furniture not in text


# --- plain text ---------------------------------------------------------------------------


def test_text_file_whole_text_no_title(tmp_path: Path) -> None:
    seed = sorted(SEEDS.glob("000_*.txt"))[0]
    target = tmp_path / "seed.txt"
    target.write_bytes(seed.read_bytes())
    (item,) = read_all([str(target)])
    assert isinstance(item, RawDocument)
    assert item.text == seed.read_text("utf-8")
    assert item.title is None and item.outlet is None
    assert item.source == str(target)


def test_folder_sorted_recursive_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "2.md").write_text("الخبر الثاني", "utf-8")
    (tmp_path / "1.txt").write_text("الخبر الأول", "utf-8")
    (tmp_path / ".hidden.txt").write_text("مخفي", "utf-8")
    (tmp_path / ".git" / "x.txt").write_text("مخفي", "utf-8")
    items = read_all([str(tmp_path)])
    assert [item.text for item in docs(items)] == ["الخبر الأول", "الخبر الثاني"]
    assert not errors(items)


def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = "\n".join(json.dumps({"title": f"عنوان {i}", "text": f"نص الخبر رقم {i}"}, ensure_ascii=False) for i in range(3))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(lines.encode())))
    items = read_all(["-"])
    assert [item.title for item in docs(items)] == ["عنوان 0", "عنوان 1", "عنوان 2"]
    assert docs(items)[1].source == "<stdin>:2"


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (b"WARC/1.1\r\n", "warc"),
        (b"\x1f\x8b\x08", "gzip"),
        (b"PK\x03\x04", "zip"),
        ("<rss version='2.0'><channel>".encode(), "feed"),
        (b"<!DOCTYPE html><html>", "html"),
        (b'[{"text": "x"}]', "json"),
        (b'{"text": "x"}\n', "jsonl"),
        ("مرحبا".encode(), "text"),
    ],
)
def test_detect_format(head: bytes, kind: str) -> None:
    assert detect_format(head) == kind


# --- HTML --------------------------------------------------------------------------------


def test_html_article_body_kept_furniture_dropped(tmp_path: Path) -> None:
    paragraphs = seed_paragraphs(1)[:5]
    page = tmp_path / "page.html"
    page.write_text(article_page(paragraphs), "utf-8")
    (item,) = read_all([str(page)])
    assert isinstance(item, RawDocument)
    assert_body_without_furniture(item.text, paragraphs)
    # paragraphs stay separated by newlines
    assert "\n".join(paragraphs[1:3]) in item.text
    assert item.title == "الكرملين ينفي تقرير وول ستريت جورنال"
    assert item.outlet == "صحيفة الشرق"
    assert item.url == "https://example.com/news/kremlin-denies"
    assert item.author == "أحمد محمود"
    assert item.published == "2024-10-25"


def test_html_windows_1256_meta_charset(tmp_path: Path) -> None:
    paragraphs = seed_paragraphs(2)[:3]
    page = tmp_path / "old.htm"
    page.write_bytes(article_page(paragraphs, charset="windows-1256").encode("cp1256", errors="ignore"))
    (item,) = read_all([str(page)])
    assert isinstance(item, RawDocument)
    assert paragraphs[0].encode("cp1256", errors="ignore").decode("cp1256") in item.text


# --- JSON, JSONL, zip --------------------------------------------------------------------


def test_jsonl_field_mapping_and_dates(tmp_path: Path) -> None:
    paragraphs = seed_paragraphs(3)
    rows = [
        {"headline": "عنوان أ", "body": paragraphs[0], "publisher": {"name": "الجزيرة"}, "link": "https://a.example/1",
         "published_at": "2024-10-25T09:30:00Z", "byline": ["أحمد", "سارة"]},
        {"title": "عنوان ب", "full_text": paragraphs[1], "domain": "alarabiya.net", "pubDate": "Fri, 25 Oct 2024 09:30:00 +0300"},
        {"title": "عنوان ج", "article": paragraphs[2], "site": "RT", "date": "2024/10/26", "lang": "ar"},
    ]  # fmt: skip
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(row, ensure_ascii=False) for row in rows) + "\n", "utf-8")
    first, second, third = read_all([str(path)])
    assert isinstance(first, RawDocument) and isinstance(second, RawDocument) and isinstance(third, RawDocument)
    assert (first.title, first.outlet, first.url, first.published, first.author) == (
        "عنوان أ", "الجزيرة", "https://a.example/1", "2024-10-25T09:30:00+00:00", "أحمد، سارة"
    )  # fmt: skip
    assert first.text == paragraphs[0] and first.source == f"{path}:1"
    assert (second.outlet, second.published) == ("alarabiya.net", "2024-10-25T09:30:00+03:00")
    assert (third.outlet, third.published, third.metadata["lang"]) == ("RT", "2024-10-26", "ar")


@pytest.mark.parametrize("shape", ["list", "object", "articles", "items", "data"])
def test_json_shapes(tmp_path: Path, shape: str) -> None:
    records = [{"title": f"عنوان {i}", "content": seed_paragraphs(0)[i]} for i in range(2)]
    value: object = {"list": records, "object": records[0]}.get(shape, {shape: records, "count": 2})
    path = tmp_path / "a.json"
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2), "utf-8")
    items = read_all([str(path)])
    assert not errors(items)
    assert [item.title for item in docs(items)] == ["عنوان 0", "عنوان 1"][: 1 if shape == "object" else 2]


def test_json_html_content_is_extracted(tmp_path: Path) -> None:
    paragraphs = seed_paragraphs(1)[:4]
    path = tmp_path / "html.json"
    path.write_text(json.dumps([{"url": "https://x.example/a", "content": article_page(paragraphs)}], ensure_ascii=False), "utf-8")
    (item,) = read_all([str(path)])
    assert isinstance(item, RawDocument)
    assert_body_without_furniture(item.text, paragraphs)
    assert item.title == "الكرملين ينفي تقرير وول ستريت جورنال"  # from the page, the record had none
    assert item.url == "https://x.example/a"  # the record's own field wins


def test_zip_members_named_with_index(tmp_path: Path) -> None:
    paragraphs = seed_paragraphs(4)
    path = tmp_path / "day.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("2015-07-21.json", json.dumps([{"source": "sabq", "content": p} for p in paragraphs[:3]], ensure_ascii=False))
        archive.writestr("notes/extra.txt", paragraphs[3])
        archive.writestr("__MACOSX/._junk", b"\x00\x01")
    items = read_all([str(path)])
    assert [item.source for item in items] == [
        f"{path}:2015-07-21.json[0]", f"{path}:2015-07-21.json[1]", f"{path}:2015-07-21.json[2]", f"{path}:notes/extra.txt"
    ]  # fmt: skip
    assert all(isinstance(item, RawDocument) for item in items)


def test_saudinewsnet_day_zip(saudinewsnet_days: list[Path]) -> None:
    day = saudinewsnet_days[0]
    items = read_all([str(day)])
    found = docs(items)
    assert len(found) > 1000
    first = found[0]
    assert first.source == f"{day}:{day.stem}.json[0]"
    assert first.outlet and first.url and first.text
    assert first.published is not None and first.published.startswith(day.stem[:7])
    assert first.metadata["published_field"] == "date_extracted"
    # empty records in the corpus are reported by index, not dropped silently
    for error in errors(items):
        assert "has no article text" in error.reason and error.source.startswith(f"{day}:{day.stem}.json[")


def test_gzipped_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for paragraph in seed_paragraphs(0)[:3]:
            out.write(json.dumps({"text": paragraph}, ensure_ascii=False) + "\n")
    items = read_all([str(path)])
    assert len(docs(items)) == 3 and not errors(items)


# --- WARC --------------------------------------------------------------------------------


def write_warc(path: Path, pages: list[tuple[str, bytes, str]], *, gz: bool) -> list[int]:
    """Write response records (plus a request and an image record to skip); return HTML record offsets."""
    offsets: list[int] = []
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for url, body, content_type in pages:
            request = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"), length=18)
            writer.write_record(request)
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
            record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers)
            if content_type.startswith("text/html"):
                offsets.append(out.tell())
            writer.write_record(record)
    return offsets


def warc_pages() -> list[tuple[str, bytes, str]]:
    return [
        ("https://news.example/1", article_page(seed_paragraphs(0)[:3]).encode(), "text/html; charset=utf-8"),
        ("https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png"),
        ("https://news.example/2", article_page(seed_paragraphs(2)[:3], charset="windows-1256").encode("cp1256", "ignore"), "text/html; charset=windows-1256"),
    ]  # fmt: skip


@pytest.mark.parametrize("gz", [True, False])
def test_warc_html_responses(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gz else "crawl.warc")
    offsets = write_warc(path, warc_pages(), gz=gz)
    items = read_all([str(path)])
    assert not errors(items)
    assert [item.source for item in items] == [f"{path}@{offset}" for offset in offsets]
    first, second = docs(items)
    assert first.metadata["fetched_url"] == "https://news.example/1"
    assert seed_paragraphs(0)[0] in first.text and "تعليق القارئ" not in first.text
    assert "crawled" in second.metadata


# --- feeds -------------------------------------------------------------------------------


class _PageHandler(BaseHTTPRequestHandler):
    pages: dict[str, tuple[int, str, bytes]] = {}

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        status, content_type, body = self.pages.get(self.path, (404, "text/plain", b"not found"))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep test output quiet
        pass


@pytest.fixture()
def server() -> Iterator[tuple[str, dict[str, tuple[int, str, bytes]]]]:
    pages: dict[str, tuple[int, str, bytes]] = {}
    handler = type("Handler", (_PageHandler,), {"pages": pages})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", pages
    httpd.shutdown()
    httpd.server_close()


def rss_feed(base: str, full: str) -> str:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>وكالة الأنباء العربية</title><link>{base}/</link>
<item><title>الكرملين ينفي تقرير وول ستريت جورنال</title><link>{base}/full</link>
<pubDate>Fri, 25 Oct 2024 09:30:00 +0300</pubDate><author>desk@example.com (قسم الأخبار)</author>
<description>نفى الكرملين تقريرا.</description>
<content:encoded><![CDATA[{full}]]></content:encoded></item>
<item><title>ماسك وبوتين: اتصالات منتظمة</title><link>{base}/teaser</link>
<pubDate>Sat, 26 Oct 2024 10:00:00 GMT</pubDate>
<description>قالت الصحيفة إن الاتصالات مستمرة منذ 2022…</description></item>
</channel></rss>"""


def test_rss_full_content_and_fetched_summary(tmp_path: Path, server: tuple[str, dict[str, tuple[int, str, bytes]]]) -> None:
    base, pages = server
    full_paragraphs = seed_paragraphs(0)[:4]
    page_paragraphs = seed_paragraphs(1)[:4]
    pages["/teaser"] = (200, "text/html; charset=utf-8", article_page(page_paragraphs).encode())
    feed = tmp_path / "news.rss"
    feed.write_text(rss_feed(base, "".join(f"<p>{p}</p>" for p in full_paragraphs)), "utf-8")
    items = read_all([str(feed)], allow_private=True)
    assert not errors(items)
    full, teaser = docs(items)
    assert full.text == "\n".join(full_paragraphs)
    assert (full.title, full.outlet, full.url) == ("الكرملين ينفي تقرير وول ستريت جورنال", "وكالة الأنباء العربية", f"{base}/full")
    assert full.published == "2024-10-25T06:30:00+00:00"
    assert full.source == f"{feed}[0]"
    assert_body_without_furniture(teaser.text, page_paragraphs)
    assert teaser.metadata["fetched"] is True and teaser.title == "ماسك وبوتين: اتصالات منتظمة"
    assert teaser.outlet == "وكالة الأنباء العربية"


def test_rss_summary_fetch_failure_is_one_error(tmp_path: Path, server: tuple[str, dict[str, tuple[int, str, bytes]]]) -> None:
    base, _pages = server  # /teaser is not served: 404
    feed = tmp_path / "news.xml"
    feed.write_text(rss_feed(base, "".join(f"<p>{p}</p>" for p in seed_paragraphs(0)[:4])), "utf-8")
    items = read_all([str(feed)], allow_private=True)
    assert isinstance(items[0], RawDocument)
    (error,) = errors(items)
    assert error.source == f"{feed}[1]"
    assert "HTTP 404" in error.reason and f"{base}/teaser" in error.reason


def test_rss_summary_kept_when_fetching_is_off(tmp_path: Path) -> None:
    feed = tmp_path / "news.xml"
    feed.write_text(rss_feed("https://news.example", "<p>قصير</p>"), "utf-8")
    items = read_all([str(feed)], fetch_summaries=False)
    assert [item.text for item in docs(items)] == ["قصير", "قالت الصحيفة إن الاتصالات مستمرة منذ 2022…"]
    assert all(item.metadata.get("summary_only") for item in docs(items))


def test_atom_feed_url(server: tuple[str, dict[str, tuple[int, str, bytes]]]) -> None:
    base, pages = server
    paragraphs = seed_paragraphs(3)[:3]
    content = "".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in paragraphs)
    atom = f"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>الشرق الأوسط</title><id>urn:x</id><updated>2024-10-25T10:00:00Z</updated>
<entry><title>ترمب وماسك</title><link href="{base}/a"/><id>urn:1</id><updated>2024-10-25T10:00:00Z</updated>
<author><name>مراسل الصحيفة</name></author><content type="html">{content}</content></entry></feed>"""
    pages["/feed"] = (200, "application/atom+xml", atom.encode())
    (item,) = read_all([f"{base}/feed"], allow_private=True)
    assert isinstance(item, RawDocument)
    assert item.text == "\n".join(paragraphs)
    assert (item.title, item.outlet, item.author, item.published) == ("ترمب وماسك", "الشرق الأوسط", "مراسل الصحيفة", "2024-10-25T10:00:00+00:00")
    assert item.source == f"{base}/feed[0]"


def test_html_url(server: tuple[str, dict[str, tuple[int, str, bytes]]]) -> None:
    base, pages = server
    paragraphs = seed_paragraphs(4)[:3]
    pages["/story"] = (200, "text/html; charset=utf-8", article_page(paragraphs).encode())
    (item,) = read_all([f"{base}/story"], allow_private=True)
    assert isinstance(item, RawDocument)
    assert item.source == f"{base}/story"
    assert_body_without_furniture(item.text, paragraphs)


# --- extraction quality over layouts (the measurement behind favor_precision) --------------

SHARE = "<div class='share'>شارك على فيسبوك تويتر واتساب</div>"
FURNITURE = ["ارتفاع أسعار الذهب", "تعليق القارئ", "جميع الحقوق محفوظة", "شارك على", "رياضة"]


def layouts(paragraphs: list[str]) -> dict[str, tuple[str, list[str]]]:
    """Six page layouts around the same body: name -> (html, paragraphs that must come through)."""
    plain = "".join(f"<p>{p}</p>" for p in paragraphs)
    split = "".join(f"<p>{p}</p>" for p in paragraphs[:3]) + RELATED.replace("aside", "div") + "".join(f"<p>{p}</p>" for p in paragraphs[3:])
    divs = "".join(f"<div class='txt'>{p}</div>" for p in paragraphs)
    reply = "<div class='replies'><p>تعليق القارئ: هذا الخبر كاذب ولا أصدقه أبداً يا جماعة</p></div>"
    two = "".join(f"<p>{p}</p>" for p in paragraphs[:2])
    return {
        "article": (f"<html><body>{NAV}<article>{plain}</article>{RELATED}{COMMENTS}{FOOTER}</body></html>", paragraphs),
        "related-inside": (f"<html><body>{NAV}<article>{split}{SHARE}</article>{COMMENTS}{FOOTER}</body></html>", paragraphs),
        "bare-divs": (f"<html><body>{NAV}<div class='content'>{divs}</div>{RELATED}{COMMENTS}{FOOTER}</body></html>", paragraphs),
        "br-separated": (f"<html><body>{NAV}<div id='body'>{'<br><br>'.join(paragraphs)}</div>{RELATED}{FOOTER}</body></html>", paragraphs),
        "comments-as-p": (f"<html><body>{NAV}<div class='post'>{plain}</div>{reply}{FOOTER}</body></html>", paragraphs),
        "two-paragraphs": (f"<html><body>{NAV}<article>{two}</article>{RELATED}{FOOTER}</body></html>", paragraphs[:2]),
    }  # fmt: skip


@pytest.mark.parametrize("seed", range(5))
def test_layouts_keep_body_drop_furniture(seed: int) -> None:
    from riwaya.ingest.html import extract_html

    paragraphs = seed_paragraphs(seed)[:6]
    for name, (page, wanted) in layouts(paragraphs).items():
        document = extract_html(page, f"{name}.html")
        missing = [p[:30] for p in wanted if p not in document.text]
        leaked = [f for f in FURNITURE if f in document.text]
        assert not missing and not leaked, (name, missing, leaked)
