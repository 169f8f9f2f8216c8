"""Acceptance 3: the entities of seeds.json in the five seed articles.

Every variant of every gold entity is looked for in the clean text of each article
the gold lists it in (the pipeline has removed boilerplate, so mentions that occur
only in boilerplate are not expected). A variant counts as found when a mention
in that article has its words, holds them ("إيلون" in "إيلون ماسك": the gold
lists name parts as variants) or is held by them ("البنتاغون" in "وزارة الدفاع
الأميركية (البنتاغون)"); then the variants of one entity must share
one canonical group, no two gold entities may share a group, and no
``entity_negatives`` surface may join a gold entity.
"""

from __future__ import annotations

from typing import Any

import pytest

from riwaya.entities import canonical_entities, find_entities
from riwaya.entities.canonical import CanonicalEntity, _words
from riwaya.pipeline import analyze
from riwaya.samples import seed_documents

# Gold entries that are descriptions ("الإدارة", "التقرير", "القوات الروسية") or
# events, not names: a name recognizer is not expected to find them. They are
# still counted in the printed "all" figure.
DESCRIPTIVE = {
    "US military", "US intelligence community", "US government / Biden administration",
    "Trump administration (prospective/incoming)", "Trump 2024 campaign",
    "Pro-Trump super PAC funded by Musk (America PAC; unnamed in texts)",
    "Government efficiency commission (proposed; later DOGE)", "Russian armed forces", "Ukrainian military",
}
# The merges the issue names explicitly: each must end up in one group.
MUST_GROUP = {
    "Donald Trump": ["ترامب", "ترمب", "دونالد ترامب"],
    "Starlink": ["ستارلينك", "ستار لينك", "Starlink"],
    "SpaceX": ["سبيس إكس", "SpaceX"],
    "Sergei Kiriyenko": ["كيرينكو", "سيرغي كيريينكو"],
    "Dmitry Peskov": ["دميتري بيسكوف", "ديمتري بيسكوف", "بيسكوف"],
    "X (formerly Twitter)": ["إكس", "X", "تويتر"],
}


def _key(surface: str) -> str:
    return " ".join(_words(surface))


@pytest.fixture(scope="module")
def story() -> tuple[dict[str, str], list[CanonicalEntity]]:
    articles = {doc.source.split("/")[-1][:3]: analyze(doc) for doc in seed_documents()}
    mentions = {aid: find_entities(a.text, list(a.sentences)) for aid, a in articles.items()}
    return {aid: a.text for aid, a in articles.items()}, canonical_entities(mentions)


def _contains(outer: str, inner: str) -> bool:
    return f" {inner} " in f" {outer} "


def _group_of(groups: list[CanonicalEntity], article: str, surface: str, *, exact: bool = True) -> int | None:
    """The group of a mention of ``surface`` in ``article``: the same words, or (not
    ``exact``) a mention holding them ("إيلون" in "إيلون ماسك") or held by them
    ("البنتاغون" in "وزارة الدفاع الأميركية (البنتاغون)")."""
    key = _key(surface)
    partial = None
    for i, group in enumerate(groups):
        for aid, m in group.mentions:
            if aid != article:
                continue
            if _key(m.text) == key:
                return i
            if not exact and partial is None and (_contains(_key(m.text), key) or _contains(key, _key(m.text))):
                partial = i
    return partial


def test_seed_entities_found_grouped_and_kept_apart(story, seeds_gold: dict[str, Any]):
    texts, groups = story
    expected = found = 0
    named_expected = named_found = 0
    grouped_ok = 0
    group_of_entity: dict[str, set[int]] = {}
    missing: list[str] = []
    for entity in seeds_gold["entities"]:
        named = entity["canonical"] not in DESCRIPTIVE and entity["type"] in ("PER", "ORG", "LOC", "MISC")
        named = named and not (entity["type"] == "MISC" and entity["canonical"] not in MUST_GROUP)
        seen: set[int] = set()
        for variant, article_ids in entity["variant_articles"].items():
            for aid in article_ids:
                if variant.strip("“”\"() ") not in texts[aid]:
                    continue  # only in boilerplate the pipeline removed
                expected += 1
                named_expected += named
                g = _group_of(groups, aid, variant, exact=not named)
                if g is None:
                    if named:
                        missing.append(f"{entity['canonical']}: {variant} ({aid})")
                    continue
                found += 1
                named_found += named
                seen.add(g)
        if named:
            group_of_entity[entity["canonical"]] = seen
            grouped_ok += len(seen) == 1
    entities_with_mentions = sum(1 for s in group_of_entity.values() if s)
    shared = [
        (a, b) for a in group_of_entity for b in group_of_entity
        if a < b and group_of_entity[a] & group_of_entity[b]
    ]
    negatives_merged = []
    gold_groups = set().union(*group_of_entity.values())
    for negative in seeds_gold["entity_negatives"]:
        for aid in texts:
            g = _group_of(groups, aid, negative["surface"])
            if g is not None and g in gold_groups:
                negatives_merged.append(negative["surface"])
    print(
        f"\nseeds entities: variant occurrences found {found} of {expected} (all gold entries), "
        f"{named_found} of {named_expected} (named entities)"
        f"\nnamed entities whose found variants share one group: {grouped_ok} of {entities_with_mentions}"
        f"\ngold entities merged with another: {len(shared)} {shared}"
        f"\nentity_negatives merged into a gold entity: {len(negatives_merged)} of {len(seeds_gold['entity_negatives'])}"
        f"\nmissing named: {missing}"
        f"\nsplit over several groups: {[c for c, g in group_of_entity.items() if len(g) > 1]}"
    )
    for canonical, surfaces in MUST_GROUP.items():
        owners = {g for aid in texts for s in surfaces if (g := _group_of(groups, aid, s)) is not None}
        assert len(owners) == 1, f"{canonical}: variants {surfaces} are in {len(owners)} groups"
    assert not negatives_merged
    assert not shared
    # Floors a little under the figures measured with the shipped model (160/160, 40/42).
    assert named_found >= 0.95 * named_expected
    assert grouped_ok >= entities_with_mentions - 3
