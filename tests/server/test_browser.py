"""The desk in a real browser: headless Chromium (Debian's package) driven by Playwright.

Builds a database with ``riwaya demo``, serves it with uvicorn, opens the seed story,
clicks a citation and saves screenshots (the folder is printed; set
``RIWAYA_SCREENSHOTS`` to keep them somewhere). ``RIWAYA_CHROMIUM`` overrides the
browser path.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

playwright_api = pytest.importorskip("playwright.sync_api")

from riwaya.server import create_app  # noqa: E402

from .conftest import HOSTILE  # noqa: E402


def _chromium() -> str | None:
    for candidate in (os.environ.get("RIWAYA_CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"),
                      "/usr/bin/chromium"):  # fmt: skip
        if candidate and Path(candidate).exists():
            return candidate
    return None


CHROMIUM = _chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no system Chromium: `apt-get install -y chromium` (or set RIWAYA_CHROMIUM)"
)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("browser") / "demo.db"
    riwaya = Path(sys.executable).with_name("riwaya")
    command = [str(riwaya)] if riwaya.exists() else [sys.executable, "-c", "from riwaya.cli import app; app()"]
    subprocess.run([*command, "demo", "--db", str(path)], check=True, capture_output=True, timeout=600)
    return path


@pytest.fixture(scope="module")
def base_url(demo_db: Path) -> Iterator[str]:
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(demo_db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline:
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("RIWAYA_SCREENSHOTS") or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {folder}")
    return folder


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield chromium
        chromium.close()


def _offline(page: object, base_url: str) -> list[str]:
    """Refuse every request that leaves the desk (no CDN, no web font); return them."""
    refused: list[str] = []

    def route(r: object) -> None:
        url = r.request.url  # type: ignore[attr-defined]
        if url.startswith(base_url) or url.startswith("data:"):
            r.continue_()  # type: ignore[attr-defined]
        else:
            refused.append(url)
            r.abort()  # type: ignore[attr-defined]

    page.route("**/*", route)  # type: ignore[attr-defined]
    return refused


def _main_event(base_url: str) -> str:
    import httpx

    stories = httpx.get(f"{base_url}/api/stories", params={"min_articles": 2}, timeout=30).json()
    return str(stories["items"][0]["id"])


def test_seed_story_citation_opens_source_sentence(browser: object, base_url: str, shots: Path) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})  # type: ignore[attr-defined]
    alerts: list[str] = []
    page.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
    refused = _offline(page, base_url)
    event = _main_event(base_url)
    page.goto(f"{base_url}/stories/{event}", timeout=120_000)
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("#brief li").count() >= 3
    assert page.locator("#claims tbody tr").count() >= 3
    assert page.locator("#claims td.num .count").first.inner_text().strip().isdigit()  # origin counts
    contradictions = page.locator("#contradictions .contradiction").all_inner_texts()
    assert any("الكرملين" in text for text in contradictions)  # the Kremlin's denial of the WSJ report
    assert page.locator("#timeline li").count() >= 3
    assert page.locator("svg.isnad g.node").count() >= 2
    assert page.locator("svg.isnad").first.is_visible()
    page.screenshot(path=str(shots / "story-desktop.png"), full_page=True)
    page.locator("#claims tbody tr").first.screenshot(path=str(shots / "isnad.png"))
    page.locator("#contradictions").screenshot(path=str(shots / "contradictions.png"))

    first = page.locator("#brief a.cite").first
    first.click()
    dialog = page.locator("#cite-dialog")
    dialog.wait_for(state="visible")
    sentence = dialog.locator("blockquote.source-sentence")
    assert sentence.is_visible() and len(sentence.inner_text()) > 20
    assert dialog.locator(".chain").count() >= 1, "the cited sentence shows its chain"
    page.screenshot(path=str(shots / "citation-open.png"))
    page.keyboard.press("Escape")
    dialog.wait_for(state="hidden")

    # The citation is a real link: follow it to the sentence in the article.
    href = first.get_attribute("href")
    page.goto(f"{base_url}{href}")
    assert page.locator(".flash").count() >= 1
    page.screenshot(path=str(shots / "article-cited-sentence.png"))
    assert alerts == [] and refused == []
    page.close()


def test_api_docs_render_offline(browser: object, base_url: str, shots: Path) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    refused = _offline(page, base_url)
    page.goto(f"{base_url}/docs")
    page.locator(".swagger-ui .opblock").first.wait_for(state="visible", timeout=30_000)
    assert page.locator(".swagger-ui .opblock").count() >= 10
    page.screenshot(path=str(shots / "api-docs.png"))
    assert refused == []
    page.close()


def test_phone_layout(browser: object, base_url: str, shots: Path) -> None:
    page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=2, is_mobile=True)  # type: ignore[attr-defined]
    event = _main_event(base_url)
    for name, path in (("home", "/"), ("story", f"/stories/{event}")):
        page.goto(f"{base_url}{path}", timeout=120_000)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"{name} scrolls sideways on a phone by {overflow}px"
        page.screenshot(path=str(shots / f"{name}-phone.png"), full_page=name == "home")
    page.close()


def test_script_in_article_renders_as_text(browser: object, base_url: str, shots: Path) -> None:
    import httpx

    article_id = httpx.post(f"{base_url}/api/articles", json=HOSTILE, timeout=120).json()["ingested"][0]
    page = browser.new_page()  # type: ignore[attr-defined]
    alerts: list[str] = []
    page.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
    page.goto(f"{base_url}/articles/{article_id}")
    body = page.locator(".article .body").inner_text()
    assert "<script>alert('xss')</script>" in body and "<iframe" in body
    assert page.locator("h1").inner_text() == HOSTILE["title"]
    assert page.locator(".article .body script, .article .body iframe, h1 img").count() == 0
    page.screenshot(path=str(shots / "article-with-markup.png"))
    assert alerts == []
    page.close()
