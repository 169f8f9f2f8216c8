"""merge, split, redirects, eval clusters and the story commands, on the seed story."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from typer.testing import CliRunner

from riwaya.cli import app
from riwaya.pipeline import ingest
from riwaya.samples import seed_documents
from riwaya.store.sqlite import SqliteStore
from riwaya.stories.corrections import CorrectionError, merge_events, split_event
from riwaya.stories.views import event_view, list_events

runner = CliRunner()


@pytest.fixture()
def seed_db(tmp_path):
    path = tmp_path / "seeds.db"
    documents = [replace(d, url=f"https://example.org/{d.source.split('/')[-1][:3]}") for d in seed_documents()]
    with SqliteStore(path) as store:
        ingest(documents, store)
    return path


def _events(path) -> dict[str, str]:
    with SqliteStore(path) as store:
        return {a["url"][-3:]: e.id for e in list_events(store) for a in e.articles}


def test_merge_moves_articles_and_the_old_id_redirects(seed_db):
    events = _events(seed_db)
    with SqliteStore(seed_db) as store:
        kept = merge_events(store, events["000"], events["003"])
        assert kept == events["000"]
        assert event_view(store, events["003"]).id == kept  # the merged id still answers
        assert {a["url"][-3:] for a in event_view(store, kept).articles} >= {"000", "003"}
        with pytest.raises(CorrectionError):
            merge_events(store, kept, events["003"])
        corrections = store._db.execute("SELECT action, event_id, other_id FROM event_corrections WHERE action = 'merge'").fetchall()
        assert [tuple(r) for r in corrections] == [("merge", kept, events["003"])]


def test_split_moves_articles_into_a_new_event_of_the_same_story(seed_db):
    events = _events(seed_db)
    with SqliteStore(seed_db) as store:
        main = event_view(store, events["000"])
        mover = next(a["id"] for a in main.articles if a["url"].endswith("002"))
        new_id = split_event(store, main.id, [mover[:8]])
        assert new_id not in events.values()
        moved = event_view(store, new_id)
        assert [a["id"] for a in moved.articles] == [mover] and moved.story_id == main.story_id
        assert mover not in {a["id"] for a in event_view(store, main.id).articles}
        assert event_view(store, new_id).members[0]["membership"]["decided_by"] == "split"
        with pytest.raises(CorrectionError, match="not in event"):
            split_event(store, main.id, [mover])


def test_stories_json_contract_and_story_text(seed_db):
    result = runner.invoke(app, ["stories", "--json", "--db", str(seed_db)])
    assert result.exit_code == 0, result.output
    events = json.loads(result.stdout)
    assert {"id", "title", "articles", "outlets", "first_seen", "last_seen", "story_id"} == set(events[0])
    assert set(events[0]["articles"][0]) == {"id", "url", "outlet", "title", "published"}
    main = max(events, key=lambda e: len(e["articles"]))
    shown = runner.invoke(app, ["story", main["id"], "--db", str(seed_db)])
    assert shown.exit_code == 0 and "credited from اندبندنت عربية" in shown.stdout
    story = runner.invoke(app, ["story", main["story_id"], "--json", "--db", str(seed_db)])
    data = json.loads(story.stdout)
    assert len(data["event_ids"]) == 2
    assert {"id", "title", "story_id", "articles", "outlets", "claims", "contradictions", "statements", "timeline",
            "entities", "coverage", "brief"} <= set(data)
    report = runner.invoke(app, ["story", main["id"], "--markdown", "--length", "3", "--db", str(seed_db)])
    assert report.exit_code == 0 and report.stdout.startswith("# ")
    assert report.stdout.count("\n1. ") == 1 and "\n4. " not in report.stdout.split("##")[1]  # brief of 3
    missing = runner.invoke(app, ["story", "e-nothing", "--db", str(seed_db)])
    assert missing.exit_code == 1 and "no event with id" in missing.stderr


def test_eval_clusters_scores_the_database_against_a_gold_file(seed_db, tmp_path):
    gold = tmp_path / "gold.json"
    urls = [f"https://example.org/{n}" for n in ("000", "001", "002", "004")]
    gold.write_text(json.dumps({"clusters": [{"id": "wsj", "urls": urls}], "singletons": ["https://example.org/003"]}))
    result = runner.invoke(app, ["eval", "clusters", str(gold), "--json", "--db", str(seed_db)])
    assert result.exit_code == 0, result.output
    score = json.loads(result.stdout)
    assert score["found"] == 5 and score["f1"] == 1.0
    bad = tmp_path / "bad.json"
    bad.write_text("[1, 2]")
    failed = runner.invoke(app, ["eval", "clusters", str(bad), "--db", str(seed_db)])
    assert failed.exit_code == 1 and "not a clusters gold file" in failed.stderr


def test_recluster_gives_the_same_events_and_guards_hand_corrections(seed_db):
    before = _events(seed_db)
    result = runner.invoke(app, ["recluster", "--db", str(seed_db)])
    assert result.exit_code == 0, result.output
    assert "placed 5" in result.output
    assert _events(seed_db) == before  # same model, same input: same ids

    with SqliteStore(seed_db) as store:
        merge_events(store, before["000"], before["003"])
    refused = runner.invoke(app, ["recluster", "--db", str(seed_db)])
    assert refused.exit_code == 1 and "1 merges/splits made by hand would be lost" in refused.output
    assert _events(seed_db)["003"] == before["000"]  # nothing was touched
    forced = runner.invoke(app, ["recluster", "--db", str(seed_db), "--discard-corrections"])
    assert forced.exit_code == 0, forced.output
    assert _events(seed_db) == before


def test_export_writes_json_markdown_and_csv(seed_db):
    everything = runner.invoke(app, ["export", "--db", str(seed_db)])
    assert everything.exit_code == 0, everything.output
    reports = json.loads(everything.stdout)
    assert len(reports) == 1 and len(reports[0]["articles"]) == 4  # only events of 2+ articles
    rows = runner.invoke(app, ["export", reports[0]["id"], "--format", "csv", "--db", str(seed_db)]).stdout.splitlines()
    assert rows[0].startswith("event_or_story,claim_id,brief_id,text") and len(rows) > 2
    markdown = runner.invoke(app, ["export", "--format", "markdown", "--min-articles", "1", "--db", str(seed_db)]).stdout
    assert markdown.count("\n# ") + markdown.startswith("# ") == 2
    wrong = runner.invoke(app, ["export", "--format", "xml", "--db", str(seed_db)])
    assert wrong.exit_code == 1 and "choose json, markdown or csv" in wrong.stderr
