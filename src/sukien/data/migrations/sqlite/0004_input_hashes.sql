-- 0004_input_hashes: every input already turned into a stored article, by a hash of what the reader
-- gave (`doc.input_hash`), so a re-ingest or a resumed run skips it before extracting it. Several
-- inputs may give one article (the same story in two files); each is remembered. Inputs stored
-- before this migration are not hashed here: their next ingest extracts them once more and
-- records them.
CREATE TABLE input_hashes (
    hash       TEXT PRIMARY KEY,
    article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE
);
CREATE INDEX input_hashes_article ON input_hashes (article_id);
