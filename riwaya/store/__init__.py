"""Storage. SQLite (WAL, FTS5) is the default; :func:`open_store` picks the backend."""

from __future__ import annotations

import os
from pathlib import Path

from riwaya.store.sqlite import SqliteStore

DEFAULT_DB = "riwaya.db"


def default_db_path() -> str:
    """``$RIWAYA_DB`` when set, else ``./riwaya.db``."""
    return os.environ.get("RIWAYA_DB") or DEFAULT_DB


def open_store(path: str | Path | None = None) -> SqliteStore:
    """Open (creating or migrating as needed) the database at ``path`` or the default."""
    return SqliteStore(path if path is not None else default_db_path())


__all__ = ["SqliteStore", "default_db_path", "open_store"]
