-- 0002_search: full-text search over articles and events, diacritics optional (PostgreSQL 14 or later).
-- What SQLite's 0002 does with FTS5, done with `unaccent` and tsvector columns:
-- - The `sukien` text search configuration is `simple` (lower case, no stop words, no stemming)
--   after `unaccent`, which drops every Vietnamese tone and vowel mark and maps "đ" to "d": "to lam"
--   matches "Tô Lâm", "hoà" "hòa", "da nang" "Đà Nẵng". Queries are folded the same way by the
--   library (`text.fold`) before they reach `to_tsquery`.
-- - `sukien_words` makes the punctuation that joins words a space first, so words split where FTS5's
--   unicode61 tokenizer splits them: "Jong-un", "a_b", "2024-09-21" and "www.baochinhphu.vn" are
--   words, not the compounds, hosts and signed numbers of PostgreSQL's own parser.
-- - A vector per searchable column, each with its weight class, joined with a gap (the "_" lexeme,
--   then deleted) so a phrase never runs from one column into the next. Ranking (`ts_rank_cd`)
--   gives the classes the weights of SQLite's bm25(): a title word five times a body word; an
--   event's actor and counterparts 4, place and occasion 2, evidence 1.
-- The columns are generated (computed by the server on every insert and update, so the index can
-- never fall behind its rows) and indexed with GIN.

CREATE EXTENSION IF NOT EXISTS unaccent;

CREATE TEXT SEARCH CONFIGURATION sukien (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION sukien
    ALTER MAPPING FOR asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart
    WITH unaccent, simple;

-- The marks that would join words into one token: PostgreSQL's parser makes compounds, hosts, paths,
-- e-mail addresses, signed or decimal numbers and "~word"s with these ASCII ones (it takes the others for
-- spaces already), and on a server in the C locale it takes every non-ASCII character for a letter,
-- so the quotes, dashes, ellipses, bullets and no-break spaces of Vietnamese news are listed too.
-- (A regular expression with \u escapes: five times faster here than translate() over a long list.)
CREATE FUNCTION sukien_words(value text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN regexp_replace(
        coalesce(value, ''),
        E'[-./@_:+~\\u00a0\\u00ab\\u00b7\\u00bb\\u2010-\\u2015\\u2018-\\u201e\\u2022\\u2026\\u2032\\u2033\\u2039\\u203a\\u3000-\\u3002]',
        ' ', 'g');

-- One column's words as a vector of weight class `weight`, followed by the gap marker.
CREATE FUNCTION sukien_vector(value text, weight "char") RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN setweight(to_tsvector('sukien', sukien_words(value)), weight) || '_:1'::tsvector;

ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (
    ts_delete(sukien_vector(title, 'A') || sukien_vector(text, 'D'), '_')
) STORED;
CREATE INDEX articles_search ON articles USING gin (search);

ALTER TABLE events ADD COLUMN search tsvector GENERATED ALWAYS AS (
    ts_delete(
        sukien_vector(search_actor, 'A') || sukien_vector(search_counterparts, 'A')
        || sukien_vector(search_place, 'B') || sukien_vector(search_occasion, 'B')
        || sukien_vector(search_evidence, 'C'),
        '_')
) STORED;
CREATE INDEX events_search ON events USING gin (search);
