-- 0006_historical: events in history (`Event.historical`: ended more than HISTORICAL_YEARS, 1, before
-- their article was published) are left out of trips and of default listings. The rule as
-- `models.is_historical` writes it, in text: the last date moved a year on (a month to its end,
-- after every day of it) is before the publication day.
ALTER TABLE events ADD COLUMN historical INTEGER NOT NULL DEFAULT 0;
UPDATE events SET historical = 1
WHERE substr(COALESCE("end", start), 1, 4) GLOB '[0-9][0-9][0-9][0-9]'
  AND printf('%04d', CAST(substr(COALESCE("end", start), 1, 4) AS INTEGER) + 1)
      || substr(COALESCE("end", start), 5)
      || CASE WHEN length(COALESCE("end", start)) = 7 THEN '~' ELSE '' END
      < (SELECT substr(published, 1, 10) FROM articles WHERE articles.id = events.article_id);
CREATE INDEX events_historical ON events (historical);
