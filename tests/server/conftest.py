"""Fixtures of the desk tests: the seed story in a database, apps and clients over it."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from riwaya.pipeline import ingest
from riwaya.samples import seed_documents
from riwaya.server import create_app
from riwaya.store import open_store

#: An article whose text holds markup: it must reach every page as text.
HOSTILE = {
    "title": "عنوان <img src=x onerror=alert(1)>",
    "outlet": "منفذ <b>عريض</b>",
    "published": "2024-10-26",
    "text": "قال المتحدث إن الوسم <script>alert('xss')</script> ظهر في الصفحة الرئيسية للموقع أمس. "
    "وأضاف أن الفريق التقني أزال الرمز <iframe src=\"javascript:alert(2)\"></iframe> بعد ساعة من اكتشافه.",
}


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The five seed articles ingested once (what ``riwaya demo`` stores)."""
    path = tmp_path_factory.mktemp("desk") / "seeds.db"
    with open_store(path) as store:
        ingest(seed_documents(), store)
    return path


@pytest.fixture(scope="session")
def seed_ids(seed_db: Path) -> dict[str, str]:
    """Ids the tests need: the main event, the follow-up, their story, an article of each."""
    from riwaya.stories.views import list_events

    with open_store(seed_db) as store:
        events = sorted(list_events(store), key=lambda e: -len(e.articles))
    main, follow = events[0], events[-1]
    return {"event": main.id, "follow": follow.id, "story": main.story_id, "article": main.articles[0]["id"],
            "follow_article": follow.articles[0]["id"]}  # fmt: skip


@pytest.fixture(scope="session")
def client(seed_db: Path) -> Iterator[TestClient]:
    """A read-only-by-convention client over the seed database (one app: caches shared)."""
    with TestClient(create_app(seed_db)) as test_client:
        yield test_client


@pytest.fixture()
def write_db(seed_db: Path, tmp_path: Path) -> Path:
    """A private copy of the seed database for tests that write."""
    path = tmp_path / "write.db"
    with open_store(seed_db) as store:  # fold the WAL in before copying
        store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(seed_db, path)
    return path
