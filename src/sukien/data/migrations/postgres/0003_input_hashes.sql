-- 0003_input_hashes: SQLite's 0004. Every input already turned into a stored article, by a hash of
-- what the reader gave (`doc.input_hash`), so a re-ingest or a resumed run skips it before
-- extracting it; inputs stored before this migration are hashed at their next ingest.
CREATE TABLE input_hashes (
    hash       TEXT COLLATE "C" PRIMARY KEY,
    article_id TEXT COLLATE "C" NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);
CREATE INDEX input_hashes_article ON input_hashes (article_id);
