"""Online event clustering: each new article joins an existing event or starts one.

Articles are taken in ingest order, so the same input gives the same events and
ids, and an ingest split over days gives what one ingest of everything gives.
For each article:

1. candidates: stored articles near it in embedding space within ±3 days (an event
   with no article for longer is closed), plus its LSH and long-sentence neighbours;
2. each candidate event is scored by the calibrated pair model
   (:mod:`riwaya.stories.pairs`) against its closest members; the best event wins
   when its probability reaches 0.5, else the article founds a new event;
3. an article sure of one event (≥ 0.9) and likely in a one-article event founded
   within a day of it (≥ 0.65) shows the two are one: they merge, the merge is
   recorded and the absorbed id redirects;
4. the membership stores why: the figures, the member it matched, the shared words;
5. copies become ``derived_from`` links (:mod:`riwaya.stories.relays`);
6. a new event joins the story of an earlier event (up to 30 days before) that is
   about the same actors (:mod:`riwaya.stories.threads`).

Only the days around the articles being placed are held in memory; candidate
retrieval never compares all pairs.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from typing import Any

import numpy as np
from threadpoolctl import threadpool_limits

from riwaya.errors import StoreError
from riwaya.model import Article
from riwaya.store.sqlite import SqliteStore
from riwaya.stories.embeddings import embed, lead_text
from riwaya.stories.fingerprints import estimated_jaccard, lsh_buckets
from riwaya.stories.pairs import PairModel, missing_names, pair_features, pair_model, shared_terms
from riwaya.stories.relays import PARTIAL_SHARED_SENTENCES, VERBATIM_JACCARD, credits
from riwaya.stories.signals import ArticleSignals, compute_signals
from riwaya.stories.threads import StoryLinker
from riwaya.stories.vectors import VectorIndex

EVENT_WINDOW_DAYS = 3
JOIN_PROBABILITY = 0.5
CANDIDATE_MEMBERS = 40
MIN_CANDIDATE_COSINE = 0.3
MEMBERS_COMPARED = 8
LINKAGE_MEMBERS = 3
#: How sure the best join must be before the article's other likely events merge into it.
MERGE_PROBABILITY = 0.9
#: …and how likely the other event must be. At the join threshold (0.5) merges chained
#: SPA templates on the dev gold (B-cubed precision 0.70).
BRIDGE_PROBABILITY = 0.65
#: …and the two must have begun within a day of each other: an article that bridges events
#: days apart reports a later happening of the same kind (a second strike on one town).
MERGE_MAX_DAYS_APART = 1
CHUNK = 500
_EMBED_WORKERS = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1

Progress = Callable[[int], None]


@dataclass
class _Upcoming:
    """A chunk read from the store, its leads being embedded on the embedding thread."""

    seqs: list[int]
    have: set[int]
    rows: list[tuple[int, Article]]
    parts: list[Future[np.ndarray]]

    def vectors(self) -> np.ndarray:
        return np.vstack([part.result() for part in self.parts])


@dataclass
class ClusterReport:
    """What one clustering run did."""

    placed: int = 0
    new_events: int = 0
    joined: int = 0
    links: int = 0
    merges: int = 0


class EventClusterer:
    """Places the store's unplaced articles into events, chunk by chunk."""

    def __init__(self, store: SqliteStore, model: PairModel | None = None) -> None:
        self.store = store
        self.tables = store.stories
        self.model = model or pair_model()
        self.signals: dict[int, ArticleSignals] = {}
        self.event_of: dict[int, str] = {}
        self.members: dict[str, list[int]] = {}
        self.index = VectorIndex()
        self.stories = StoryLinker(self.tables)

    def run(self, on_progress: Progress | None = None) -> ClusterReport:
        """Place every stored article that is in no event yet."""
        report = ClusterReport()
        pending = self.tables.pending()
        chunks = [pending[start : start + CHUNK] for start in range(0, len(pending), CHUNK)]
        # The next chunk is embedded on other threads, one part per core, while this one
        # is placed: the encoder's matrix products release the GIL, so embedding (the
        # larger cost) takes every core the placing leaves. BLAS keeps to one thread
        # per worker: its idle threads spin, and a spinning helper starves the others.
        with (
            threadpool_limits(limits=1, user_api="blas"),
            ThreadPoolExecutor(max_workers=_EMBED_WORKERS, thread_name_prefix="riwaya-embed") as embedder,
        ):
            upcoming = self._prepare(chunks[0], embedder) if chunks else None
            for number in range(len(chunks)):
                chunk_signals = self._signals_for(upcoming, report)
                upcoming = self._prepare(chunks[number + 1], embedder) if number + 1 < len(chunks) else None
                if chunk_signals:
                    self._place_chunk(chunk_signals, report, on_progress)
        return report

    def _place_chunk(self, chunk_signals: list[ArticleSignals], report: ClusterReport, on_progress: Progress | None) -> None:
        first = min(s.day for s in chunk_signals)
        last = max(s.day for s in chunk_signals)
        self._load_window(first - timedelta(days=EVENT_WINDOW_DAYS), last + timedelta(days=EVENT_WINDOW_DAYS))
        self.stories.load_window(first, last)
        with self.tables.transaction():
            for signals in chunk_signals:
                self._place(signals, report)
                if on_progress:
                    on_progress(1)
        self._evict(first - timedelta(days=EVENT_WINDOW_DAYS))

    # -- signals and memory ------------------------------------------------

    def _prepare(self, seqs: list[int], embedder: ThreadPoolExecutor) -> _Upcoming:
        """Read a chunk's articles that have no signals yet and start embedding their leads."""
        have = self.tables.seqs_with_signals(seqs)
        missing = [seq for seq in seqs if seq not in have]
        ids = self.tables.article_ids(missing) if missing else {}
        rows = [(seq, self.store.get_article(ids[seq])) for seq in missing]
        leads = [lead_text(article) for _, article in rows]
        step = max(1, -(-len(leads) // _EMBED_WORKERS))
        parts = [embedder.submit(embed, leads[start : start + step]) for start in range(0, len(leads), step)]
        return _Upcoming(seqs, have, rows, parts)

    def _signals_for(self, upcoming: _Upcoming | None, report: ClusterReport) -> list[ArticleSignals]:
        """The chunk's signals: stored ones read back, fresh ones finished and stored."""
        if upcoming is None:
            return []
        fresh: list[ArticleSignals] = []
        if upcoming.rows:
            today = datetime.now(timezone.utc).date()
            fresh = compute_signals(upcoming.rows, upcoming.vectors(), today)
            with self.tables.transaction():
                self.tables.save_signals(fresh, [lsh_buckets(s.minhash) for s in fresh])
                for _, article in upcoming.rows:
                    for credit in credits(article):
                        self.tables.add_link(article.id, "credited", None, credit.outlet, credit.to_dict())
                        report.links += 1
        # Fresh signals are used as computed: their vectors are already rounded as stored.
        by_seq = {s.seq: s for s in [*self.tables.load_signals(upcoming.have), *fresh]}
        return [by_seq[seq] for seq in upcoming.seqs if seq in by_seq]

    def _load_window(self, first: date, last: date) -> None:
        wanted = [seq for seq in self.tables.assigned_between(first, last) if seq not in self.signals]
        membership = self.tables.membership(wanted)
        for signals in self.tables.load_signals(wanted):
            self._remember(signals, membership[signals.seq])

    def _remember(self, signals: ArticleSignals, event_id: str) -> None:
        self.signals[signals.seq] = signals
        self.event_of[signals.seq] = event_id
        self.members.setdefault(event_id, []).append(signals.seq)
        self.index.add(signals.seq, signals.vector, signals.day.toordinal())

    def _evict(self, before: date) -> None:
        old = [seq for seq, s in self.signals.items() if s.day < before]
        for seq in old:
            event_id = self.event_of.pop(seq)
            self.members[event_id].remove(seq)
            if not self.members[event_id]:
                del self.members[event_id]
            del self.signals[seq]
        self.index.remove(set(old))

    # -- placing one article -----------------------------------------------

    def _place(self, a: ArticleSignals, report: ClusterReport) -> None:
        neighbours = self.tables.bucket_neighbours(lsh_buckets(a.minhash))
        shared = self.tables.sentence_neighbours(a.sentence_hashes)
        report.links += self._copy_links(a, (neighbours | set(shared)) - {a.seq}, shared)

        cosines = self.index.cosines(a.vector)
        candidates = self.index.nearest(cosines, a.day.toordinal(), EVENT_WINDOW_DAYS, CANDIDATE_MEMBERS, MIN_CANDIDATE_COSINE)
        candidate_seqs = {seq for seq, _ in candidates} | {
            seq for seq in (neighbours | set(shared)) if seq in self.signals and abs((self.signals[seq].day - a.day).days) <= EVENT_WINDOW_DAYS
        }
        scored_events: list[tuple[float, str, int, Any]] = []
        for event_id in sorted({self.event_of[s] for s in candidate_seqs if s in self.event_of}):
            scored = self._score_event(a, event_id, shared, cosines)
            if scored:
                scored_events.append((scored[0], event_id, scored[1], scored[2]))
        scored_events.sort(key=lambda x: (-x[0], x[1]))
        # An article that surely belongs to one event and likely to another shows they are one.
        confident = bool(scored_events) and scored_events[0][0] >= MERGE_PROBABILITY
        bridged = [e for p, e, _, _ in scored_events if p >= BRIDGE_PROBABILITY] if confident else []
        if len(bridged) > 1:
            bridged = [bridged[0], *(e for e in bridged[1:] if self._mergeable(e, bridged[0]))]
        if len(bridged) > 1:
            probability, _, match_seq, features = scored_events[0]
            scored_events = [(probability, self._merge(bridged, a, report), match_seq, features)]
        best = scored_events[0] if scored_events else None
        if best and best[0] >= JOIN_PROBABILITY:
            probability, event_id, match_seq, features = best
            match = self.signals[match_seq]
            reason = {
                "matched": match.id,
                "probability": round(probability, 3),
                **features.to_dict(),
                "shared_terms": shared_terms(a, match),
            }
            self.tables.add_member(a.seq, event_id, round(probability, 4), reason)
            report.joined += 1
        else:
            event_id = self.tables.unused_event_id(a.id)
            story_id, story_link = self.stories.story_for(a, event_id)
            self.tables.add_event(event_id, story_id, a.seq, story_link)
            reason: dict[str, Any] = {"new_event": True}
            if best:
                reason.update({"nearest_event": best[1], "nearest_probability": round(best[0], 3)})
            self.tables.add_member(a.seq, event_id, None, reason)
            self.stories.add_event(event_id, story_id, a)
            report.new_events += 1
        self._remember(a, event_id)
        report.placed += 1

    def _merge(self, event_ids: list[str], bridge: ArticleSignals, report: ClusterReport) -> str:
        """One article belongs, strongly, to several events: they were one all along. The
        oldest keeps its id; the others redirect to it, and the merge is recorded."""
        keep, *absorbed = sorted(event_ids, key=self.tables.created_seq)
        for event_id in absorbed:
            moved = self.tables.members([event_id])
            self.tables.move_members([m["seq"] for m in moved], keep, "machine-merge", {"merged_from": event_id, "bridge": bridge.id})
            self.tables.mark_merged(event_id, keep)
            self.tables.record_correction("machine-merge", keep, event_id, [m["id"] for m in moved])
            for seq in self.members.pop(event_id, []):
                self.event_of[seq] = keep
                self.members.setdefault(keep, []).append(seq)
            report.merges += 1
        return keep

    def _mergeable(self, event_id: str, other_id: str) -> bool:
        """Only a one-article event is absorbed (on the dev gold, merging two events of
        several articles each joined different happenings 341 times in 430 labelled
        pairs), and only one founded within a day of the other (the founders' days, read
        from the store, so that how an ingest is split cannot change the answer)."""
        if min(len(self.members.get(event_id, ())), len(self.members.get(other_id, ()))) > 1:
            return False
        return abs((self.tables.began(event_id) - self.tables.began(other_id)).days) <= MERGE_MAX_DAYS_APART

    def _score_event(
        self, a: ArticleSignals, event_id: str, shared: dict[int, int], cosines: np.ndarray
    ) -> tuple[float, int, Any] | None:
        """The event's probability for ``a``, from its closest members (``cosines``: ``a``
        against every article in memory, from :meth:`VectorIndex.cosines`)."""
        members = [self.signals[s] for s in self.members.get(event_id, ())]
        members = [b for b in members if abs((b.day - a.day).days) <= EVENT_WINDOW_DAYS]
        if not members:
            return None
        member_cosines = cosines[[self.index.row(b.seq) for b in members]]
        order = np.argsort(-member_cosines, kind="stable")[:MEMBERS_COMPARED]
        scored = []
        for i in order:
            b = members[int(i)]
            features = pair_features(a, b, shared.get(b.seq, 0))
            scored.append((self.model.probability(features), b.seq, features))
        scored.sort(key=lambda x: (-x[0], x[1]))
        _, best_seq, best_features = scored[0]
        top = [p for p, _, _ in scored[:LINKAGE_MEMBERS]]
        # The mean of the closest few: one close member of a large event is not enough to
        # pull in another happening of the same kind.
        probability = sum(top) / len(top)
        return probability, best_seq, best_features

    def _copy_links(self, a: ArticleSignals, neighbour_seqs: set[int], shared: dict[int, int]) -> int:
        """``verbatim`` and ``partial`` links between ``a`` and its already placed copies,
        from the later article to the earlier one."""
        outside = [seq for seq in neighbour_seqs if seq not in self.signals]
        placed_outside = self.tables.membership(outside) if outside else {}
        others = {s.seq: s for s in self.tables.load_signals(placed_outside)}
        links = 0
        for seq in sorted(seq for seq in neighbour_seqs if seq in self.signals or seq in others):
            b = self.signals.get(seq) or others[seq]
            jaccard = estimated_jaccard(a.minhash, b.minhash)
            count = shared.get(seq, 0)
            later, earlier = (a, b) if (a.day, a.seq) > (b.day, b.seq) else (b, a)
            if jaccard >= VERBATIM_JACCARD and not missing_names(a, b):  # same template, other names: no copy
                evidence: dict[str, Any] = {"jaccard": round(jaccard, 3), "shared_sentences": count}
                self.tables.add_link(later.id, "verbatim", earlier.id, earlier.outlet, evidence)
                links += 1
            elif count >= PARTIAL_SHARED_SENTENCES:
                shared_index = sorted(set(later.sentence_hashes) & set(earlier.sentence_hashes))
                evidence = {
                    "shared_sentences": count,
                    "sentences": [later.sentence_hashes.index(h) for h in shared_index][:10],
                    "jaccard": round(jaccard, 3),
                }
                self.tables.add_link(later.id, "partial", earlier.id, earlier.outlet, evidence)
                links += 1
        return links


def place_pending(store: SqliteStore, on_progress: Progress | None = None) -> ClusterReport:
    """Place every stored article that is in no event yet (what ingest calls after storing)."""
    return EventClusterer(store).run(on_progress)


def recluster(store: SqliteStore, on_progress: Progress | None = None, *, discard_corrections: bool = False) -> ClusterReport:
    """Place every stored article again from scratch (after ``riwaya train clusters``).

    Stored signals are reused, so nothing is embedded twice. Ids stay stable for the same
    model and input; merges and splits made by hand would be lost, so they must be
    discarded explicitly.
    """
    tables = store.stories
    corrections = tables.hand_corrections()
    if corrections and not discard_corrections:
        raise StoreError(
            f"{store.path}: {corrections} merges/splits made by hand would be lost by re-placing every article;"
            " pass --discard-corrections to go on"
        )
    tables.clear_placement()
    return EventClusterer(store).run(on_progress)
