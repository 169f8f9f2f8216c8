"""Bad input: every problem is yielded as one error naming the input, and the batch goes on."""

from __future__ import annotations

import gzip
import io
import json
import random
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from riwaya.errors import FetchError, IngestError
from riwaya.ingest.encoding import decode_bytes
from riwaya.ingest.sources import IngestOptions, iter_raw_documents
from riwaya.model import RawDocument

SEEDS = Path(__file__).resolve().parents[2] / "riwaya" / "samples" / "seeds"
ARABIC = sorted(SEEDS.glob("000_*.txt"))[0].read_text("utf-8")
PARAGRAPHS = [line for line in ARABIC.splitlines() if len(line.split()) >= 8 and not line.startswith("#")]


def read_all(inputs: list[str], **options: object) -> list[RawDocument | IngestError]:
    items = list(iter_raw_documents(inputs, IngestOptions(**options)))  # type: ignore[arg-type]
    for item in items:
        if isinstance(item, IngestError):
            assert "\n" not in str(item), "error messages are one line"
            assert str(item) == f"{item.source}: {item.reason}"
    return items


def only_error(items: list[RawDocument | IngestError]) -> IngestError:
    assert len(items) == 1 and isinstance(items[0], IngestError), items
    return items[0]


def test_missing_path() -> None:
    assert str(only_error(read_all(["/no/such/day.zip"]))) == "/no/such/day.zip: no such file or folder"


def test_empty_file(tmp_path: Path) -> None:
    for name in ("empty.txt", "empty.html", "empty.json"):
        (tmp_path / name).write_bytes(b"")
        assert str(only_error(read_all([str(tmp_path / name)]))) == f"{tmp_path / name}: empty file"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"\x7fELF\x02\x01\x01" + bytes(64), "ELF executable"),
        (gzip.compress(b"hello"), "gzip archive"),
        ("نص".encode() + b"\x00\x00\x01\x02", "contains NUL bytes"),
    ],
)
def test_binary_file_named_txt(tmp_path: Path, data: bytes, kind: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    assert str(only_error(read_all([str(path)]))) == f"{path}: binary file ({kind}), not text"


def test_windows_1256_arabic_decodes(tmp_path: Path) -> None:
    path = tmp_path / "old.txt"
    path.write_bytes(PARAGRAPHS[0].encode("cp1256"))
    (item,) = read_all([str(path)])
    assert isinstance(item, RawDocument) and item.text == PARAGRAPHS[0]


def test_invalid_bytes_fail_clearly(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Le Kremlin a démenti l'article, selon l'agence.".encode("latin-1") + bytes(range(0x80, 0xA0)))
    error = only_error(read_all([str(path)]))
    assert error.source == str(path)
    assert error.reason.startswith("not valid UTF-8 or windows-1256 text (bad byte at offset ")
    noise = random.Random(7).randbytes(4096)
    with pytest.raises(IngestError, match=r"^random\.dat: not valid UTF-8 or windows-1256 text"):
        decode_bytes(noise, "random.dat")


def test_html_without_article(tmp_path: Path) -> None:
    path = tmp_path / "portal.html"
    path.write_text(
        """<html><head><title>بوابة الأخبار</title></head><body>
        <nav><ul><li><a href='/'>الرئيسية</a></li><li><a href='/p'>سياسة</a></li><li><a href='/e'>اقتصاد</a></li></ul></nav>
        <form><label>اسم المستخدم</label><input name=u><button>دخول</button></form>
        <ul class="latest"><li><a href="/1">ارتفاع أسعار النفط في الأسواق العالمية اليوم</a></li>
        <li><a href="/2">منتخب السعودية يستعد لمباراة الأحد المقبل</a></li></ul>
        <footer><p>جميع الحقوق محفوظة</p></footer></body></html>""",
        "utf-8",
    )
    assert str(only_error(read_all([str(path)]))) == f"{path}: no article text found in the page"


def test_too_large_single_article_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(10_000_001)  # sparse: large on paper, nothing to read
    reads: list[int] = []
    real_open = Path.open

    def spy_open(self: Path, *args: object, **kwargs: object) -> object:
        handle = real_open(self, *args, **kwargs)  # type: ignore[arg-type]
        real_read = handle.read
        handle.read = lambda n=-1: reads.append(n) or real_read(n)  # type: ignore[method-assign]
        return handle

    monkeypatch.setattr(Path, "open", spy_open)
    error = only_error(read_all([str(path)]))
    assert error.reason == "larger than the 10 MB limit for one article (10,000,001 bytes)"
    assert reads == []  # refused from its size, before reading


# --- truncated archives ------------------------------------------------------------------


def warc_bytes(count: int, *, gz: bool) -> tuple[bytes, list[int]]:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    offsets = []
    for index in range(count):
        body = f"<html><body><article><p>{PARAGRAPHS[index % len(PARAGRAPHS)]}</p><p>{PARAGRAPHS[(index + 1) % len(PARAGRAPHS)]}</p></article></body></html>".encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        offsets.append(out.tell())
        writer.write_record(writer.create_warc_record(f"https://news.example/{index}", "response", payload=io.BytesIO(body), length=len(body), http_headers=headers))
    return out.getvalue(), offsets


@pytest.mark.parametrize("gz", [True, False])
def test_truncated_warc(tmp_path: Path, gz: bool) -> None:
    data, offsets = warc_bytes(3, gz=gz)
    path = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    path.write_bytes(data[: offsets[2] + (offsets[2] - offsets[1]) // 2])  # half of the third record
    items = read_all([str(path)])
    assert [type(item) for item in items] == [RawDocument, RawDocument, IngestError]
    assert str(items[2]) == f"{path}@{offsets[2]}: truncated at offset {offsets[2]}: the archive ends inside this record; stopped reading"


def test_not_a_warc(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("هذا ليس أرشيفا", "utf-8")
    assert only_error(read_all([str(path)])).reason.startswith("not a readable WARC file")


def test_truncated_gzip_jsonl(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"text": p}, ensure_ascii=False) + "\n" for p in PARAGRAPHS * 50).encode()
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(gzip.compress(lines)[:-200])
    items = read_all([str(path)])
    assert isinstance(items[0], RawDocument)
    assert isinstance(items[-1], IngestError) and items[-1].source == str(path)
    assert "truncated or corrupt gzip data" in items[-1].reason


def test_corrupt_zip(tmp_path: Path) -> None:
    path = tmp_path / "day.zip"
    path.write_bytes(b"PK\x03\x04" + bytes(50))
    assert only_error(read_all([str(path)])).reason.startswith("not a readable zip archive")


# --- JSON --------------------------------------------------------------------------------


def test_malformed_jsonl_line_named_others_go_on(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    rows = [json.dumps({"title": f"عنوان {i}", "text": p}, ensure_ascii=False) for i, p in enumerate(PARAGRAPHS[:4])]
    rows.insert(2, '{"title": "مكسور", "text": "نص')  # line 3: cut in the middle of a string
    rows.insert(4, json.dumps({"title": "بلا نص"}, ensure_ascii=False))  # line 5: no text
    path.write_text("\n".join(rows) + "\n", "utf-8")
    items = read_all([str(path)])
    assert [item.source for item in items] == [f"{path}:{n}" for n in range(1, 7)]
    assert str(items[2]).startswith(f"{path}:3: malformed JSON (Unterminated string starting at, column 28); the line was skipped")
    assert str(items[4]) == f"{path}:5: the record has no article text (expected one of: content, text, body, article, full_text)"
    assert [item.title for item in items if isinstance(item, RawDocument)] == ["عنوان 0", "عنوان 1", "عنوان 2", "عنوان 3"]


def test_malformed_json_list_element(tmp_path: Path) -> None:
    path = tmp_path / "day.zip"
    good = [{"content": p} for p in PARAGRAPHS[:2]]
    broken = json.dumps(good, ensure_ascii=False)[:-1] + ', {"content": "نص" "x"}]'
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("2015-07-21.json", broken)
    items = read_all([str(path)])
    assert [type(item) for item in items] == [RawDocument, RawDocument, IngestError]
    assert str(items[2]).startswith(f"{path}:2015-07-21.json[2]: malformed JSON (Expecting ',' delimiter")


def test_malformed_feed(tmp_path: Path) -> None:
    path = tmp_path / "broken.rss"
    path.write_text('<?xml version="1.0"?><rss version="2.0"><channel><title>خبر</title></chan', "utf-8")
    error = only_error(read_all([str(path)]))
    assert error.reason.startswith("not a readable RSS/Atom feed (")


def test_fifty_megabyte_jsonl_bounded_memory(tmp_path: Path) -> None:
    """All records of a ~50 MB JSONL come through while peak traced memory stays a few MB."""
    line = (json.dumps({"title": "عنوان", "source": "sabq", "content": " ".join(PARAGRAPHS)}, ensure_ascii=False) + "\n").encode()
    count = 50_000_000 // len(line) + 1
    path = tmp_path / "big.jsonl"
    with path.open("wb") as out:
        for _ in range(count // 100):
            out.write(line * 100)
        out.write(line * (count % 100))
    size = path.stat().st_size
    assert size >= 50_000_000
    tracemalloc.start()
    try:
        seen = 0
        for item in iter_raw_documents([str(path)]):
            assert isinstance(item, RawDocument)
            seen += 1
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seen == count
    assert peak < size / 10, f"peak {peak:,} bytes for a {size:,}-byte file"


# --- URLs --------------------------------------------------------------------------------


def test_private_and_unreachable_urls_are_errors_and_batch_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "ok.txt"
    good.write_text(PARAGRAPHS[0], "utf-8")
    items = read_all(["http://10.0.0.1/news", "http://127.0.0.1:9/", str(good)], timeout=2.0)
    first, second, third = items
    assert isinstance(first, FetchError) and str(first) == "http://10.0.0.1/news: refused: 10.0.0.1 is a private address (pass allow_private to fetch from the local network)"
    assert isinstance(second, FetchError) and second.source == "http://127.0.0.1:9/"
    assert isinstance(third, RawDocument)
    unreachable = read_all(["http://127.0.0.1:9/"], allow_private=True, timeout=2.0)
    assert only_error(unreachable).reason.startswith("could not connect: ")
