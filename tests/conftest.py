"""Shared fixtures: where ../shared is, and small stores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not (SHARED / "gold" / "seeds.json").exists():
        pytest.skip(f"{SHARED} not found: the shared seeds, gold and data sit beside the checkout")
    return SHARED


@pytest.fixture(scope="session")
def seeds_gold(shared_dir: Path) -> dict[str, Any]:
    return json.loads((shared_dir / "gold" / "seeds.json").read_text("utf-8"))


@pytest.fixture(scope="session")
def saudinewsnet_days(shared_dir: Path) -> list[Path]:
    days = sorted((shared_dir / "data" / "saudinewsnet").glob("*.zip"))
    if not days:
        pytest.skip("SaudiNewsNet zips not found under ../shared/data/saudinewsnet")
    return days
