"""Issue 2, acceptance 4: every SaudiNewsNet day ingests with zero crashes."""

from __future__ import annotations

from collections import Counter

import pytest

from riwaya.pipeline import ingest_inputs
from riwaya.store.sqlite import SqliteStore

# The only ways a SaudiNewsNet record may fail: the crawler kept no content, the
# content is a film list in English (aawsat) or the string "Array" (almadina), or
# it is a bare "رابط الخبر" plug (alweeam) that cleaning removes whole.
EXPECTED_REASONS = ("the record has no article text", "not Arabic text", "no article text left after removing")


@pytest.mark.slow
def test_every_saudinewsnet_day_ingests_without_a_crash(saudinewsnet_days, tmp_path):
    with SqliteStore(tmp_path / "snn.db") as store:
        report = ingest_inputs([str(day) for day in saudinewsnet_days], store, stories=False)
        stored = store.count_articles()
    reasons = Counter(next((r for r in EXPECTED_REASONS if e.reason.startswith(r)), e.reason) for e in report.failed)
    print(f"\ningested {len(report.ingested)}, duplicates {len(report.duplicates)}, failed {len(report.failed)}: {dict(reasons)}")
    assert set(reasons) <= set(EXPECTED_REASONS), reasons
    assert len(report.failed) < 0.02 * stored
    assert stored == len(report.ingested) > 26_000
