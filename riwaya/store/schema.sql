-- riwaya schema, version 1. Later versions add numbered migrations in sqlite.py.
CREATE TABLE IF NOT EXISTS schema_version (
    version    INTEGER NOT NULL,
    applied_at TEXT    NOT NULL
);

CREATE TABLE IF NOT EXISTS outlets (
    id   INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

-- One row per distinct article: the same text from the same outlet is stored once
-- (content_hash), the same text from another outlet is another article (a relay).
CREATE TABLE IF NOT EXISTS articles (
    seq          INTEGER PRIMARY KEY,           -- insertion order; also the FTS rowid
    id           TEXT    NOT NULL UNIQUE,
    content_hash TEXT    NOT NULL UNIQUE,
    outlet_id    INTEGER REFERENCES outlets(id),
    url          TEXT,
    title        TEXT,
    author       TEXT,
    published    TEXT,
    source       TEXT    NOT NULL,
    text         TEXT    NOT NULL,
    ingested_at  TEXT    NOT NULL
);
CREATE INDEX IF NOT EXISTS articles_outlet ON articles(outlet_id);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE INDEX IF NOT EXISTS articles_url ON articles(url);

-- Credit lines taken out of the body ("نقلاً عن : اندبندنت عربية").
CREATE TABLE IF NOT EXISTS provenance (
    article_id TEXT    NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    kind       TEXT    NOT NULL,
    outlet     TEXT    NOT NULL,
    line       TEXT    NOT NULL,
    PRIMARY KEY (article_id, position)
);
CREATE INDEX IF NOT EXISTS provenance_outlet ON provenance(outlet);

-- Per-article annotation layers as JSON (sentences, numbers, dates, headings, …),
-- every span an offset into articles.text.
CREATE TABLE IF NOT EXISTS article_layers (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    layer      TEXT NOT NULL,
    data       TEXT NOT NULL,
    PRIMARY KEY (article_id, layer)
);

-- Full-text search over light stems of normalized words (riwaya.arabic.tokens.match_keys),
-- so "الكرملين" finds "للكرملين" and "احمد" finds "أحمد". Contentless: the display text
-- lives in articles; rowid = articles.seq.
CREATE VIRTUAL TABLE IF NOT EXISTS article_search USING fts5(
    title, body, content='', tokenize='unicode61 remove_diacritics 0'
);
