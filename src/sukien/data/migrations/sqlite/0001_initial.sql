-- 0001_initial: articles with their raw input, events, trips.
-- Each event and trip keeps its SPEC JSON (`json`) so output is exactly the model; the other
-- columns are copies of the fields the filters use, with indexes.

CREATE TABLE articles (
    id           TEXT PRIMARY KEY,          -- content hash (Doc.id)
    source       TEXT NOT NULL,
    url          TEXT,
    title        TEXT,
    published    TEXT,
    author       TEXT,
    outlet       TEXT,
    text         TEXT NOT NULL,
    duplicate_of TEXT,
    summary      TEXT,
    encoding     TEXT,
    language     TEXT,
    extra        TEXT NOT NULL DEFAULT '{}', -- Article fields added after this migration
    ingested_at  TEXT NOT NULL
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_outlet ON articles (outlet);
CREATE INDEX articles_source ON articles (source);

-- What the reader found, so that `reprocess` can start again without the original files.
CREATE TABLE raw_inputs (
    article_id TEXT PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    source     TEXT NOT NULL,
    fields     TEXT NOT NULL,  -- JSON
    text       TEXT NOT NULL,
    raw        BLOB,           -- the undecoded bytes, only when they are not `text` in UTF-8
    line       INTEGER,
    encoding   TEXT
);

CREATE TABLE trips (
    id            TEXT PRIMARY KEY,
    actor_name    TEXT NOT NULL,
    actor_key     TEXT NOT NULL,    -- folded name: lower case, no diacritics
    actor_country TEXT,
    countries     TEXT NOT NULL,    -- ' VN US CU ': actor and leg countries, for LIKE-free lookups
    start         TEXT,
    "end"         TEXT,
    status        TEXT NOT NULL,
    json          TEXT NOT NULL
);
CREATE INDEX trips_actor ON trips (actor_key);
CREATE INDEX trips_start ON trips (start);

CREATE TABLE trip_sources (
    trip_id TEXT NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
    source  TEXT NOT NULL,
    PRIMARY KEY (trip_id, source)
);
CREATE INDEX trip_sources_source ON trip_sources (source);

CREATE TABLE events (
    id            TEXT PRIMARY KEY,
    article_id    TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    type          TEXT NOT NULL,
    actor_name    TEXT NOT NULL,
    actor_key     TEXT NOT NULL,
    actor_country TEXT,
    countries     TEXT NOT NULL,    -- actor, location and counterpart countries
    start         TEXT,
    "end"         TEXT,
    status        TEXT NOT NULL,
    trip_id       TEXT REFERENCES trips (id) ON DELETE SET NULL,
    json          TEXT NOT NULL     -- the SPEC event; trip_id comes from the column
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_actor ON events (actor_key);
CREATE INDEX events_type ON events (type);
CREATE INDEX events_start ON events (start);
CREATE INDEX events_trip ON events (trip_id);
