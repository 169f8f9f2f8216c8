"""Fetch one URL with httpx, safely: every hop checked, size and time capped.

Readers may be handed URLs by users of a server, so a URL must not become a
way to reach the machine's own network: loopback, private, link-local,
reserved and multicast addresses are refused (unless
``IngestOptions.allow_private``), for the first URL *and for every redirect*,
which is why redirects are followed here by hand rather than by httpx.

Known gap: the host is resolved for the check and then again by httpx when it
connects, so a DNS server that answers differently the second time (DNS
rebinding) is not caught. Run behind an egress proxy when that matters.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from riwaya.errors import FetchError
from riwaya.ingest.options import IngestOptions, megabytes, one_line

logger = logging.getLogger(__name__)

__all__ = ["USER_AGENT", "FetchResult", "check_url", "fetch_url"]

USER_AGENT = "riwaya/0.1 (+news reconstruction)"

#: media types worth reading: pages, feeds, JSON, text
_ALLOWED_TYPES = (
    "text/",
    "application/xhtml+xml",
    "application/xml",
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/feed+json",
    "application/json",
    "application/ld+json",
    "application/x-ndjson",
    "application/jsonl",
)
_REDIRECTS = {301, 302, 303, 307, 308}


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A fetched body and what the server said about it."""

    url: str  # final URL, after redirects
    content_type: str  # media type without parameters, lower case; "" when absent
    charset: str | None
    body: bytes


def _refused_reason(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    for attribute, label in (
        ("is_loopback", "loopback"),
        ("is_link_local", "link-local"),
        ("is_multicast", "multicast"),
        ("is_unspecified", "unspecified"),
        ("is_reserved", "reserved"),
        ("is_private", "private"),
    ):
        if getattr(ip, attribute):
            return label
    if not ip.is_global:
        return "non-public"
    return None


def check_url(url: str, options: IngestOptions) -> None:
    """Raise :class:`FetchError` unless ``url`` is http(s) to a public address.

    The host is resolved with :func:`socket.getaddrinfo` and every address is
    checked; IP literals (including forms like ``127.1``) are checked too.

    >>> check_url("http://127.0.0.1:8080/x", IngestOptions())
    Traceback (most recent call last):
    ...
    riwaya.errors.FetchError: http://127.0.0.1:8080/x: refused: 127.0.0.1 is a loopback address (pass allow_private to fetch from the local network)
    >>> check_url("ftp://example.com/a", IngestOptions())
    Traceback (most recent call last):
    ...
    riwaya.errors.FetchError: ftp://example.com/a: only http and https URLs can be fetched, not ftp
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError(url, f"only http and https URLs can be fetched, not {parts.scheme or 'a bare path'}")
    host = parts.hostname
    if not host:
        raise FetchError(url, "the URL has no host name")
    if options.allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError as e:
        raise FetchError(url, f"bad port in URL ({e})") from e
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        addresses = [literal]
    else:
        try:
            infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
        except (socket.gaierror, UnicodeError) as e:
            raise FetchError(url, f"could not resolve host {host} ({one_line(str(e), 120)})") from e
        # Strip an IPv6 zone ("fe80::1%eth0") before parsing.
        addresses = [ipaddress.ip_address(str(info[4][0]).split("%")[0]) for info in infos]
    for ip in addresses:
        reason = _refused_reason(ip)
        if reason is not None:
            raise FetchError(
                url, f"refused: {ip} is a {reason} address (pass allow_private to fetch from the local network)"
            )


def _check_type(url: str, content_type: str) -> None:
    if content_type and not content_type.startswith(_ALLOWED_TYPES):
        raise FetchError(url, f"unsupported content type {content_type} (only HTML, XML/feeds, JSON and text are read)")


def _seconds(value: float) -> str:
    return f"{value:g} s"


def fetch_url(url: str, options: IngestOptions = IngestOptions()) -> FetchResult:
    """GET ``url`` and return its body, or raise :class:`FetchError` saying why not.

    Redirects are followed by hand (at most ``options.max_redirects``), each
    target checked like the first URL; the body is streamed and abandoned as
    soon as it passes ``options.max_bytes``; the whole request, body included,
    must finish within ``options.timeout`` seconds.

    >>> fetch_url("http://[::1]/", IngestOptions())
    Traceback (most recent call last):
    ...
    riwaya.errors.FetchError: http://[::1]/: refused: ::1 is a loopback address (pass allow_private to fetch from the local network)
    """
    current = url
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,application/xhtml+xml,application/xml,*/*;q=0.8"}
    with httpx.Client(
        follow_redirects=False, timeout=httpx.Timeout(options.timeout), headers=headers, trust_env=True
    ) as client:
        for _hop in range(options.max_redirects + 1):
            check_url(current, options)
            try:
                result = _get_once(client, current, options)
            except httpx.TimeoutException as e:
                raise FetchError(current, f"timed out after {_seconds(options.timeout)}") from e
            except httpx.ConnectError as e:
                raise FetchError(current, f"could not connect: {one_line(str(e), 160) or type(e).__name__}") from e
            except httpx.HTTPError as e:
                raise FetchError(current, f"request failed: {one_line(str(e), 160) or type(e).__name__}") from e
            if isinstance(result, FetchResult):
                return result
            logger.debug("redirect %s -> %s", current, result)
            current = result
    raise FetchError(url, f"more than {options.max_redirects} redirects (last one to {current})")


def _get_once(client: httpx.Client, url: str, options: IngestOptions) -> FetchResult | str:
    """One request: a :class:`FetchResult`, or the next URL when redirected."""
    started = time.monotonic()
    with client.stream("GET", url) as response:
        if response.status_code in _REDIRECTS:
            location = response.headers.get("location")
            if not location:
                raise FetchError(url, f"HTTP {response.status_code} redirect without a Location header")
            return urljoin(url, location)
        if response.status_code >= 400:
            raise FetchError(url, f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
        raw_type = response.headers.get("content-type", "")
        content_type = raw_type.split(";")[0].strip().lower()
        _check_type(url, content_type)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > options.max_bytes:
            raise FetchError(url, f"larger than {megabytes(options.max_bytes)} ({int(declared):,} bytes announced)")
        chunks: list[bytes] = []
        size = 0
        # iter_bytes undoes gzip/deflate, so the cap applies to the decompressed size.
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > options.max_bytes:
                raise FetchError(url, f"larger than {megabytes(options.max_bytes)}; stopped reading")
            chunks.append(chunk)
            # httpx's timeout is per read; a server dripping bytes must not hold us forever.
            if time.monotonic() - started > options.timeout:
                raise FetchError(url, f"timed out after {_seconds(options.timeout)}")
        body = b"".join(chunks)
        charset = response.charset_encoding
        return FetchResult(url=str(response.url), content_type=content_type, charset=charset, body=body)

