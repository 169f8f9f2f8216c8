"""Issue 3, acceptance 1: the seed story's events, story thread and credited relays."""

from __future__ import annotations

import pytest

from riwaya.pipeline import ingest
from riwaya.samples import seed_documents
from riwaya.store.sqlite import SqliteStore
from riwaya.stories.views import event_view, list_events, story_view


@pytest.fixture(scope="module")
def seed_store():
    store = SqliteStore(":memory:")
    report = ingest(seed_documents(), store)
    assert len(report.ingested) == 5
    by_seed = {a.source.split("/")[-1][:3]: a.id for a in (store.get_article(i) for i in report.ingested)}
    return store, by_seed


def _event_of(store: SqliteStore, article_id: str) -> str:
    return next(e.id for e in list_events(store) if article_id in {a["id"] for a in e.articles})


def test_seeds_form_the_wsj_event_and_a_follow_up_event_in_one_story(seed_store, seeds_gold):
    store, by_seed = seed_store
    main = seeds_gold["events"][0]["articles"]  # 000, 001, 002, 004
    events = {seed: _event_of(store, by_seed[seed]) for seed in by_seed}
    grouped = sum(1 for seed in main if events[seed] == events[main[0]])
    print(f"\nseed events: {events}; {grouped} of {len(main)} main-event articles in one event")
    assert len({events[s] for s in main}) == 1, events
    assert events["003"] != events[main[0]]
    main_event = event_view(store, events[main[0]])
    follow_up = event_view(store, events["003"])
    assert main_event.story_id == follow_up.story_id
    assert {e["id"] for e in story_view(store, main_event.story_id)["events"]} == {main_event.id, follow_up.id}


def test_credited_relays_of_independent_arabia_and_al_jazeera(seed_store):
    store, by_seed = seed_store
    view = event_view(store, _event_of(store, by_seed["001"]))
    links = {m["id"]: m["derived_from"] for m in view.members}
    relay_001 = [(l["kind"], l["outlet"], l["evidence"]["credit"]) for l in links[by_seed["001"]]]
    relay_002 = [(l["kind"], l["outlet"], l["evidence"]["credit"]) for l in links[by_seed["002"]]]
    assert relay_001 == [("credited", "اندبندنت عربية", "relay")]
    assert relay_002 == [("credited", "الجزيرة", "lead")]
    assert links[by_seed["004"]] == []  # "وفقًا لتقرير" names no outlet


def test_reingesting_the_seeds_changes_no_event_id(seed_store):
    store, _ = seed_store
    before = sorted((e.id, e.story_id, tuple(a["id"] for a in e.articles)) for e in list_events(store))
    report = ingest(seed_documents(), store)
    assert report.ingested == [] and report.new_events == 0
    assert sorted((e.id, e.story_id, tuple(a["id"] for a in e.articles)) for e in list_events(store)) == before


def test_a_fresh_database_gives_identical_ids():
    runs = []
    for _ in range(2):
        store = SqliteStore(":memory:")
        ingest(seed_documents(), store)
        runs.append(sorted((e.id, e.story_id, tuple(a["id"] for a in e.articles)) for e in list_events(store)))
    assert runs[0] == runs[1]
