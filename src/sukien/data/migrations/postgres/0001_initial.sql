-- 0001_initial: articles with their raw input, events, trips; the tables of SQLite's 0001, with
-- actors keyed by `text.fold.name_key` from the start (SQLite's 0003), the store computing the
-- keys as it writes.
-- Each event and trip keeps its SPEC JSON (`json`, as text: what the model wrote, read back by
-- the model) and copies of the fields the filters use, with indexes. `seq` is the order of
-- insertion, SQLite's rowid: articles are listed in it and search windows count by it.
-- Dates are ISO text as in SQLite ("2024-11" is a date too), and every column compared, sorted or
-- matched by key is COLLATE "C", so order and comparisons are byte-wise whatever the server's
-- locale ("2017-11" < "2017-11-15" < "2017-11~", "a1-10" < "a1-2", as SQLite has them).

-- Texts are Vietnamese: a database in another encoding would refuse them one article at a time.
DO $$
BEGIN
    IF current_setting('server_encoding') <> 'UTF8' THEN
        RAISE EXCEPTION 'sukien needs a UTF8 database, this one is %', current_setting('server_encoding');
    END IF;
END
$$;

CREATE TABLE articles (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    id           TEXT COLLATE "C" PRIMARY KEY,    -- content hash (Doc.id)
    source       TEXT COLLATE "C" NOT NULL,
    url          TEXT,
    title        TEXT,
    published    TEXT COLLATE "C",
    author       TEXT,
    outlet       TEXT COLLATE "C",
    text         TEXT NOT NULL,
    duplicate_of TEXT COLLATE "C",
    summary      TEXT,
    encoding     TEXT,
    language     TEXT,
    extra        TEXT NOT NULL DEFAULT '{}',      -- Article fields added after this migration (JSON)
    ingested_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX articles_published ON articles (published);
CREATE INDEX articles_outlet ON articles (outlet);
CREATE INDEX articles_source ON articles (source);

-- What the reader found, so that `reprocess` can start again without the original files. `text` is
-- kept as its UTF-8 bytes: a PostgreSQL text value cannot hold U+0000, which an input may.
CREATE TABLE raw_inputs (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    article_id TEXT COLLATE "C" PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    source     TEXT NOT NULL,
    fields     TEXT NOT NULL,  -- JSON
    text       BYTEA NOT NULL, -- UTF-8
    raw        BYTEA,          -- the undecoded bytes, only when they are not `text` in UTF-8
    line       INTEGER,
    encoding   TEXT
);

CREATE TABLE trips (
    id            TEXT COLLATE "C" PRIMARY KEY,
    actor_name    TEXT NOT NULL,
    actor_key     TEXT COLLATE "C" NOT NULL,  -- name_key: lower case, no diacritics, one space
    actor_country TEXT,
    countries     TEXT COLLATE "C" NOT NULL,  -- ' VN US CU ': actor and leg countries
    start         TEXT COLLATE "C",
    "end"         TEXT COLLATE "C",
    status        TEXT NOT NULL,
    json          TEXT NOT NULL
);
CREATE INDEX trips_actor ON trips (actor_key);
CREATE INDEX trips_start ON trips (start);

CREATE TABLE trip_sources (
    trip_id TEXT COLLATE "C" NOT NULL REFERENCES trips (id) ON DELETE CASCADE,
    source  TEXT COLLATE "C" NOT NULL,
    PRIMARY KEY (trip_id, source)
);
CREATE INDEX trip_sources_source ON trip_sources (source);

CREATE TABLE events (
    seq           BIGINT GENERATED ALWAYS AS IDENTITY UNIQUE,
    id            TEXT COLLATE "C" PRIMARY KEY,
    article_id    TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    type          TEXT COLLATE "C" NOT NULL,
    actor_name    TEXT NOT NULL,
    actor_key     TEXT COLLATE "C" NOT NULL,
    actor_country TEXT,
    countries     TEXT COLLATE "C" NOT NULL,  -- actor, location and counterpart countries
    start         TEXT COLLATE "C",
    "end"         TEXT COLLATE "C",
    status        TEXT NOT NULL,
    trip_id       TEXT COLLATE "C" REFERENCES trips (id) ON DELETE SET NULL,
    json          TEXT NOT NULL,              -- the SPEC event; trip_id comes from the column
    -- The searchable text of the event, as SQLite's `event_search_source` view has it: name and
    -- roles; counterparts' names, bodies and roles; the city; the occasion; the evidence sentences.
    -- Written by the store from the event (`store/postgres/search.py`), indexed by 0002.
    search_actor        TEXT NOT NULL DEFAULT '',
    search_counterparts TEXT NOT NULL DEFAULT '',
    search_place        TEXT NOT NULL DEFAULT '',
    search_occasion     TEXT NOT NULL DEFAULT '',
    search_evidence     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX events_article ON events (article_id);
CREATE INDEX events_actor ON events (actor_key);
CREATE INDEX events_type ON events (type);
CREATE INDEX events_start ON events (start);
CREATE INDEX events_trip ON events (trip_id);
