-- Schema 3: the entity index behind `riwaya articles --entity` (and the API's entity filter).
-- One row per article and distinct name (normalized for matching: the mention as written
-- and its canonical group name), so "بوتين" finds articles that wrote "فلاديمير بوتين".
CREATE TABLE IF NOT EXISTS article_entities (
    seq      INTEGER NOT NULL REFERENCES articles(seq) ON DELETE CASCADE,
    name     TEXT    NOT NULL,
    type     TEXT    NOT NULL,          -- PER | ORG | LOC | MISC
    mentions INTEGER NOT NULL,
    PRIMARY KEY (seq, name, type)
);
CREATE INDEX IF NOT EXISTS article_entities_name ON article_entities(name);
