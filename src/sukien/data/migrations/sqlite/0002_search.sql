-- 0002_search: full-text indexes (SQLite FTS5) over articles and events, kept by triggers.
-- `remove_diacritics 2` folds case and every Vietnamese tone and vowel mark, so "to lam" matches
-- "Tô Lâm" and "hoà" matches "hòa"; only "đ" is a letter of its own there, and `search.py`
-- spells a query both ways ("da" OR "đa").
-- Articles: an external-content index, so the text is not stored twice; snippet() and
-- highlight() read it from `articles`. Events: a small index of their own text (names, place,
-- occasion, evidence sentences) taken from the event JSON.

CREATE VIRTUAL TABLE article_search USING fts5(
    title, text,
    content = 'articles', content_rowid = 'rowid',
    tokenize = 'unicode61 remove_diacritics 2'
);
-- A title word counts five times a body word.
INSERT INTO article_search (article_search, rank) VALUES ('rank', 'bm25(5.0, 1.0)');

CREATE TRIGGER article_search_insert AFTER INSERT ON articles BEGIN
    INSERT INTO article_search (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

CREATE TRIGGER article_search_delete AFTER DELETE ON articles BEGIN
    INSERT INTO article_search (article_search, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
END;

CREATE TRIGGER article_search_update AFTER UPDATE OF title, text ON articles BEGIN
    INSERT INTO article_search (article_search, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    INSERT INTO article_search (rowid, title, text) VALUES (new.rowid, new.title, new.text);
END;

INSERT INTO article_search (article_search) VALUES ('rebuild');

CREATE VIRTUAL TABLE event_search USING fts5(
    actor, counterparts, place, occasion, evidence,
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO event_search (event_search, rank) VALUES ('rank', 'bm25(4.0, 4.0, 2.0, 2.0, 1.0)');

-- The searchable text of each event, from its JSON: names with roles and bodies, the city, the
-- occasion, the evidence sentences.
CREATE VIEW event_search_source AS
SELECT events.rowid AS event_rowid,
       ifnull(json_extract(json, '$.actor.name'), '') || ' '
           || ifnull((SELECT group_concat(value, ' ') FROM json_each(events.json, '$.actor.roles')), '') AS actor,
       (SELECT group_concat(ifnull(json_extract(value, '$.name'), '') || ' ' || ifnull(json_extract(value, '$.org'), '')
                            || ' ' || ifnull((SELECT group_concat(r.value, ' ') FROM json_each(value, '$.roles') AS r), ''),
                            ' ; ')
        FROM json_each(events.json, '$.counterparts')) AS counterparts,
       json_extract(json, '$.location.city') AS place,
       ifnull(json_extract(json, '$.occasion.name'), '') || ' ' || ifnull(json_extract(json, '$.occasion.series'), '')
           AS occasion,
       (SELECT group_concat(json_extract(value, '$.text'), ' … ') FROM json_each(events.json, '$.evidence')) AS evidence
FROM events;

CREATE TRIGGER event_search_insert AFTER INSERT ON events BEGIN
    INSERT INTO event_search (rowid, actor, counterparts, place, occasion, evidence)
    SELECT event_rowid, actor, counterparts, place, occasion, evidence FROM event_search_source
    WHERE event_rowid = new.rowid;
END;

CREATE TRIGGER event_search_delete AFTER DELETE ON events BEGIN
    DELETE FROM event_search WHERE rowid = old.rowid;
END;

CREATE TRIGGER event_search_update AFTER UPDATE OF json ON events BEGIN
    DELETE FROM event_search WHERE rowid = old.rowid;
    INSERT INTO event_search (rowid, actor, counterparts, place, occasion, evidence)
    SELECT event_rowid, actor, counterparts, place, occasion, evidence FROM event_search_source
    WHERE event_rowid = new.rowid;
END;

INSERT INTO event_search (rowid, actor, counterparts, place, occasion, evidence)
SELECT event_rowid, actor, counterparts, place, occasion, evidence FROM event_search_source;
