"""Requests generated from the OpenAPI schema (schemathesis): no answer is a 5xx, and
every answer matches the schema it promises. Bounded examples per operation keep it
short; RIWAYA_FUZZ_EXAMPLES raises the bound."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from riwaya.server import create_app
from riwaya.store import open_store

EXAMPLES = int(os.environ.get("RIWAYA_FUZZ_EXAMPLES", "12"))


@pytest.fixture(scope="module")
def fuzz_schema(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> schemathesis.BaseSchema:
    path = tmp_path_factory.mktemp("fuzz") / "fuzz.db"
    with open_store(seed_db) as store:
        store._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(seed_db, path)
    return schemathesis.openapi.from_asgi("/openapi.json", create_app(path))


def test_no_server_errors(fuzz_schema: schemathesis.BaseSchema) -> None:
    problems: list[str] = []
    calls = 0
    operations = [result.ok() for result in fuzz_schema.get_all_operations()]
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))  # fmt: skip
        def run(case: schemathesis.Case) -> None:
            nonlocal calls
            calls += 1
            response = case.call()
            if response.status_code >= 500:
                problems.append(f"{case.method} {case.formatted_path} {case.query} -> {response.status_code}: {response.text[:300]}")
                return
            try:
                case.validate_response(response, checks=[schemathesis.checks.response_schema_conformance])
            except Exception as error:  # noqa: BLE001 - collected and reported below
                problems.append(f"{case.method} {case.formatted_path}: {str(error)[:300]}")

        run()
    print(f"\nfuzz: {calls} requests over {len(operations)} operations, {len(problems)} problems")
    assert not problems, "\n".join(problems[:20])
