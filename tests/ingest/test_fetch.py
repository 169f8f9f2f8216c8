"""URL fetching: private addresses refused before any connection, redirects, caps, types, timeouts."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from riwaya.errors import FetchError
from riwaya.ingest import fetch as fetch_module
from riwaya.ingest.fetch import USER_AGENT, check_url, fetch_url
from riwaya.ingest.options import IngestOptions

LOCAL = IngestOptions(allow_private=True, timeout=2.0)
PAGE = "<html><body><article><p>نفى الكرملين التقرير جملة وتفصيلا</p></article></body></html>".encode()


class Handler(BaseHTTPRequestHandler):
    """Routes: /page, /png, /big, /slow, /redirect/N (chain of N), /to?url=…, /ua."""

    protocol_version = "HTTP/1.1"
    hits: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        self.hits.append(self.path)
        if self.path == "/page":
            self._send(200, "text/html; charset=utf-8", PAGE)
        elif self.path == "/ua":
            self._send(200, "text/plain; charset=utf-8", self.headers.get("User-Agent", "").encode())
        elif self.path == "/png":
            self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(100))
        elif self.path == "/big":
            # No Content-Length: the cap must work while streaming.
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"<p>" + "خبر ".encode() * 2000 + b"</p>"
            try:
                for _ in range(200):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
        elif self.path == "/slow":
            time.sleep(3)
            self._send(200, "text/html", PAGE)
        elif self.path.startswith("/redirect/"):
            left = int(self.path.rsplit("/", 1)[1])
            target = "/page" if left <= 1 else f"/redirect/{left - 1}"
            self._redirect(target)
        elif self.path.startswith("/to?url="):
            self._redirect(self.path.split("=", 1)[1])
        else:
            self._send(404, "text/plain", b"not found")

    def _send(self, status: int, content_type: str, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout test): expected

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep test output quiet
        pass


@pytest.fixture()
def base() -> Iterator[str]:
    Handler.hits = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture()
def no_connections(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record every attempt to open a connection through httpx."""
    attempts: list[str] = []

    def refuse(self: httpx.HTTPTransport, request: httpx.Request) -> httpx.Response:
        attempts.append(str(request.url))
        raise AssertionError("a connection was attempted")

    monkeypatch.setattr(httpx.HTTPTransport, "handle_request", refuse)
    return attempts


def test_fetch_page_sends_user_agent(base: str) -> None:
    result = fetch_url(f"{base}/page", LOCAL)
    assert result.body == PAGE and result.content_type == "text/html" and result.charset == "utf-8"
    assert fetch_url(f"{base}/ua", LOCAL).body.decode() == USER_AGENT


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://127.0.0.1/", "loopback"),
        ("http://127.1:8080/", "loopback"),  # a short IP form; getaddrinfo expands it
        ("http://10.1.2.3/admin", "private"),
        ("http://192.168.0.1/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://[::1]/", "loopback"),
        ("http://[::ffff:127.0.0.1]/", "loopback"),
        ("http://[fe80::1]/", "link-local"),
        ("http://224.0.0.1/", "multicast"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://localhost:9/", "loopback"),
    ],
)
def test_private_addresses_refused_without_connecting(url: str, kind: str, no_connections: list[str]) -> None:
    with pytest.raises(FetchError) as caught:
        fetch_url(url, IngestOptions())
    message = str(caught.value)
    assert message.startswith(f"{url}: refused: ") and f"is a {kind} address" in message
    assert "allow_private" in message and "\n" not in message
    assert no_connections == []


def test_hostname_resolving_to_private_address_refused(monkeypatch: pytest.MonkeyPatch, no_connections: list[str]) -> None:
    def fake_getaddrinfo(host: str, port: int, *args: object, **kwargs: object) -> list[tuple[object, ...]]:
        # one public and one private address: every address must pass
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port)),
        ]

    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", fake_getaddrinfo)
    with pytest.raises(FetchError, match=r"refused: 10\.0\.0\.7 is a private address"):
        fetch_url("https://intranet.example.com/", IngestOptions())
    assert no_connections == []


def test_non_http_scheme_refused() -> None:
    with pytest.raises(FetchError, match="only http and https"):
        check_url("file:///etc/passwd", LOCAL)


def test_redirects_followed_within_limit(base: str) -> None:
    result = fetch_url(f"{base}/redirect/3", LOCAL)
    assert result.body == PAGE and result.url == f"{base}/page"


def test_redirect_limit(base: str) -> None:
    with pytest.raises(FetchError, match=r"more than 2 redirects"):
        fetch_url(f"{base}/redirect/5", IngestOptions(allow_private=True, max_redirects=2))
    assert Handler.hits == ["/redirect/5", "/redirect/4", "/redirect/3"]


def test_redirect_to_private_address_refused(base: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A public page redirecting to 169.254.169.254 is refused at the hop, before connecting."""
    # Our local server plays the public site: let its address through the check, nothing else.
    real_check = fetch_module.check_url

    def check(url: str, options: IngestOptions) -> None:
        real_check(url, IngestOptions(allow_private=url.startswith(base)))

    monkeypatch.setattr(fetch_module, "check_url", check)
    target = "http://169.254.169.254/latest/meta-data/"
    with pytest.raises(FetchError) as caught:
        fetch_url(f"{base}/to?url={target}", IngestOptions(timeout=2.0))
    assert str(caught.value) == f"{target}: refused: 169.254.169.254 is a link-local address (pass allow_private to fetch from the local network)"
    assert Handler.hits == [f"/to?url={target}"]


def test_size_cap_while_streaming(base: str) -> None:
    with pytest.raises(FetchError, match=r"larger than 0.1 MB; stopped reading"):
        fetch_url(f"{base}/big", IngestOptions(allow_private=True, max_bytes=100_000))


def test_wrong_content_type(base: str) -> None:
    with pytest.raises(FetchError, match=r"/png: unsupported content type image/png"):
        fetch_url(f"{base}/png", LOCAL)


def test_timeout(base: str) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=r"/slow: timed out after 0.5 s$"):
        fetch_url(f"{base}/slow", IngestOptions(allow_private=True, timeout=0.5))
    assert time.monotonic() - started < 2.5


def test_unreachable_port() -> None:
    with socket.socket() as probe:  # a port nobody listens on: bind, read its number, close
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(FetchError) as caught:
        fetch_url(f"http://127.0.0.1:{port}/", LOCAL)
    assert str(caught.value).startswith(f"http://127.0.0.1:{port}/: could not connect: ")
    assert "\n" not in str(caught.value)


def test_http_error_status(base: str) -> None:
    with pytest.raises(FetchError, match=r"/missing: HTTP 404 Not Found"):
        fetch_url(f"{base}/missing", LOCAL)
