"""The brief: an extractive summary of an event or story, one claim per sentence.

Claims are scored by how widely they are carried (articles, log-scaled), how early they
come in the articles that carry them (the lead says what happened), how central their
canonical sentence is, whether they hold a checkable detail (a number, a date, an
attributed statement), and how many independent origins attest it. Sentences are taken
best first, skipping any that nearly repeats one already taken (link strength between
any of their sentences ≥ ``REDUNDANT``, or ≥ 50% shared stems); a claim a contradiction
touches scores ``DISPUTED`` more, so the brief says who disputes what (unless, in an
event of several articles, one article alone tells both sides). In a story of several
events, the best claim of each smaller event (up to a quarter of the brief, larger
events first) is taken before the rest, so a follow-up is not crowded out; then each
pick loses ``SAME_VOICE`` per line already quoting the same person, gains ``NEW_ACTOR``
when it names a main actor of its event (named in at least half of its articles) that no
line of the event names yet (Trump's plan for Musk, in a report on Musk and Putin), and
loses its ``DISPUTED`` bonus when every contradiction it is a side of already has a side
in the brief. A claim of one sentence is scored with centrality ``LONE_CENTRALITY``, not
its trivial 1. The chosen ones are shown in story order: earlier events first, then lead
before background. Each sentence cites every article that carries its claim, says how
many independent origins back it, and is marked contested when a contradiction touches
its claim (an attribution conflict, on whose word a claim rests, contests nothing).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from statistics import median
from typing import Any

import numpy as np

from riwaya.arabic.tokens import light_stem, word_tokens
from riwaya.reconstruct.claims import Claim, Sources, same_person
from riwaya.reconstruct.contradictions import disputes_fact

REDUNDANT = 0.40
#: what being one side of a contradiction adds to a claim's score: who denies what is news
DISPUTED = 0.8
#: what each earlier brief line quoting the same person takes off a claim's score: a brief
#: gives the story's voices a line each before it gives one voice a third
SAME_VOICE = 0.5
STEM_OVERLAP = 0.5
#: what each independent origin beyond the first adds (up to two): a claim two parties
#: attest on their own is surer news than one outlet's relayed report
CORROBORATED = 0.3
#: what a line gains by naming a main actor of its event (named in at least half of its
#: articles) that no line of the event names yet
NEW_ACTOR = 0.3
#: the centrality a claim of a single sentence is scored with (its own is 1 by definition)
LONE_CENTRALITY = 0.5
_MIN_WORDS = 8


def near_duplicate(a: set[str], b: set[str]) -> bool:
    """True when two stem sets share at least half of the smaller one."""
    return bool(a and b) and len(a & b) / min(len(a), len(b)) >= STEM_OVERLAP


def _all_stems(text: str) -> set[str]:
    # every word, function words too: a sentence that shares half its words with one
    # already taken adds too little to be worth a line
    return {light_stem(t.text) for t in word_tokens(text) if len(t.text) > 2}


def _smaller_events(claims: Sequence[Claim], length: int) -> list[str]:
    """Events other than the largest, largest first, at most a quarter of the brief."""
    articles: dict[str, set[str]] = {}
    for claim in claims:
        for u in claim.units:
            articles.setdefault(u.event_id, set()).add(u.article_id)
    ranked = sorted(articles, key=lambda e: (-len(articles[e]), e))
    return ranked[1 : 1 + length // 4]


def _main_actors(claims: Sequence[Claim]) -> dict[str, frozenset[str]]:
    """Per event, the names at least half of its articles name: its main actors."""
    articles: dict[str, set[str]] = {}
    named: dict[str, dict[str, set[str]]] = {}
    for claim in claims:
        for u in claim.units:
            articles.setdefault(u.event_id, set()).add(u.article_id)
            for name in u.entities:
                named.setdefault(u.event_id, {}).setdefault(name, set()).add(u.article_id)
    return {e: frozenset(x for x, where in named.get(e, {}).items() if len(where) >= max(2, len(articles[e]) / 2)) for e in articles}


def _voices(claim: Claim) -> frozenset[str]:
    return frozenset().union(*(u.speakers for u in claim.units))


def _voice_repeats(claim: Claim, chosen: Sequence[Claim]) -> int:
    """How many chosen claims quote a person this claim quotes."""
    mine = _voices(claim)
    return sum(1 for c in chosen if mine and same_person(mine, _voices(c)))


def _closest(a: Claim, b: Claim, strength: np.ndarray) -> float:
    """The strongest link between any sentence of one claim and any of the other: two
    claims that one outlet states in nearly the same words say the same thing."""
    return float(strength[np.ix_([u.n for u in a.units], [u.n for u in b.units])].max())


def _line(claim: Claim) -> str:
    """What the brief shows for a claim: its canonical sentence, whole (a clause read on
    its own — «قائلاً إنهما ناقشا …» — is no sentence)."""
    return claim.canonical.sentence_text or claim.canonical.text


def claim_score(claim: Claim) -> float:
    u = claim.canonical
    lead = 1 - min(x.position for x in claim.units)
    detail = 0.3 * bool(u.numbers) + 0.3 * bool(u.dates) + 0.4 * bool(u.statements) + 0.2 * min(len(u.entities), 3) / 3
    corroborated = CORROBORATED * min(2, len(claim.origins) - 1) if len(claim.origins) > 1 else 0.0
    # a claim of one sentence is central to nothing: it counts as a sentence just linked to another
    central = claim.centrality if len(claim.units) > 1 else LONE_CENTRALITY
    return 2.0 * math.log1p(len(claim.articles)) + 1.2 * lead + 0.5 * central + detail + corroborated


def story_disputes(claims: Sequence[Claim], contradictions: Sequence[dict[str, Any]]) -> set[str]:
    """The ids of the claims a contradiction of the story sets against each other — all
    but one article's asides: a dispute both of whose sides one article alone tells, when
    other articles tell more (Peskov denying, in one wire copy, more of Woodward's book
    than he confirms), is not the story's."""
    spread = {c.id: len(c.articles) for c in claims}
    several = len({a for c in claims for a in c.articles}) > 1
    return {c for item in contradictions if disputes_fact(item) and (not several or max(spread.get(x, 1) for x in item["claims"]) > 1)
            for c in item["claims"]}


def build_brief(
    claims: Sequence[Claim],
    strength: np.ndarray,
    contradictions: Sequence[dict[str, Any]],
    sources: Sources,
    *,
    length: int = 8,
    event_order: Sequence[str] = (),
) -> list[dict[str, Any]]:
    touching: dict[str, list[str]] = {}
    for item in contradictions:
        for c in item["claims"]:
            touching.setdefault(c, []).append(item["id"])
    disputing = [item for item in contradictions if disputes_fact(item)]
    contested: dict[str, list[str]] = {}
    sides = {item["id"]: list(item["claims"]) for item in disputing}
    for item in disputing:
        for c in item["claims"]:
            contested.setdefault(c, []).append(item["id"])
    candidates = [c for c in claims if len(c.canonical.text.split()) >= _MIN_WORDS]
    disputed = story_disputes(claims, contradictions)
    score = {c.id: claim_score(c) + DISPUTED * (c.id in disputed) for c in candidates}
    candidates.sort(key=lambda c: (-score[c.id], c.canonical.n))
    chosen: list[Claim] = []
    stems: list[set[str]] = []

    shown: set[tuple[str, int]] = set()

    def take(claim: Claim) -> bool:
        # a brief line is the canonical clause's whole sentence: one sentence is shown once
        where = (claim.canonical.article_id, claim.canonical.sentence_index)
        mine = _all_stems(_line(claim))
        if claim in chosen or where in shown or any(_closest(claim, c, strength) >= REDUNDANT or near_duplicate(mine, s) for c, s in zip(chosen, stems, strict=True)):
            return False
        chosen.append(claim)
        stems.append(mine)
        shown.add(where)
        return True

    # a story of several events: the lead of each smaller event gets a line of its own
    for event in _smaller_events(candidates, length):
        for claim in candidates:
            if all(u.event_id == event for u in claim.units) and take(claim):
                break
    # then best first, each pick discounted by how often its speaker already speaks in the brief
    remaining = [c for c in candidates if c not in chosen]

    def shown_already(claim: Claim) -> bool:
        # a contradiction one line already shows is told: the bonus goes to one that is not
        chosen_ids = {c.id for c in chosen}
        return bool(contested.get(claim.id)) and all(chosen_ids & set(sides[k]) - {claim.id} for k in contested[claim.id])

    main_actors = _main_actors(claims)

    def new_actors(claim: Claim) -> int:
        # a line naming a main actor of its event that no line of the event names yet tells
        # the reader more than one more line about the actors already there
        event = claim.canonical.event_id
        named = frozenset().union(*(u.entities for c in chosen for u in c.units if u.event_id == event))
        return len(main_actors.get(event, frozenset()) & claim.canonical.entities - named)

    while len(chosen) < length and remaining:
        best = max(remaining, key=lambda c: (score[c.id] - SAME_VOICE * _voice_repeats(c, chosen) - DISPUTED * shown_already(c)
                                             + NEW_ACTOR * min(1, new_actors(c)), -c.canonical.n))  # fmt: skip
        remaining.remove(best)
        take(best)
    rank = {e: k for k, e in enumerate(event_order)}
    chosen.sort(key=lambda c: (min(rank.get(u.event_id, 0) for u in c.units), round(median(u.position for u in c.units), 2), c.canonical.n))
    brief = []
    for k, claim in enumerate(chosen, 1):
        cites = []
        for article_id in claim.articles:
            unit = claim.canonical if claim.canonical.article_id == article_id else next(u for u in claim.units if u.article_id == article_id)
            cites.append(unit.cite(sentence=True))
        brief.append({
            "id": f"b{k}",
            "text": _line(claim),
            "claim_id": claim.id,
            "cite": claim.canonical.cite(sentence=True),
            "cites": cites,
            "articles": claim.articles,
            "event_ids": sorted({u.event_id for u in claim.units}),
            "origins": len(claim.origins),
            "origin_names": claim.origins,
            "stance": claim.stance,
            "contested": bool(contested.get(claim.id)),
            "contradictions": touching.get(claim.id, []),
        })  # fmt: skip
    return brief
