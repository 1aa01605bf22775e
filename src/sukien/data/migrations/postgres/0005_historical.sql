-- 0005_historical: SQLite's 0006. Events that ended more than a year before their article was
-- published (`models.is_historical`, the same comparison in text) are left out of trips and of
-- default listings. Compared in the "C" collation, as Python compares text.
ALTER TABLE events ADD COLUMN historical INTEGER NOT NULL DEFAULT 0;
UPDATE events SET historical = 1
WHERE substr(COALESCE("end", start), 1, 4) ~ '^[0-9]{4}$'
  AND lpad((CAST(substr(COALESCE("end", start), 1, 4) AS INTEGER) + 1)::text, 4, '0')
      || substr(COALESCE("end", start), 5)
      || CASE WHEN length(COALESCE("end", start)) = 7 THEN '~' ELSE '' END COLLATE "C"
      < (SELECT substr(published, 1, 10) FROM articles WHERE articles.id = events.article_id);
CREATE INDEX events_historical ON events (historical);
