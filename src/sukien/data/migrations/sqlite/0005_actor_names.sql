-- 0005_actor_names: one person, one name. Every name written for an actor, keyed as events are
-- (`text.fold.name_key`), with the key and name of the person it names (`lexicon.identity`):
-- "V. V. Putin" and "Vladimir Putin" are one person. Replaced with the trips at every re-link; the
-- actor filter finds a person by any of their names through it. The person's own name has a row.
CREATE TABLE actor_names (
    name_key   TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    actor_key  TEXT NOT NULL,
    actor_name TEXT NOT NULL
);
CREATE INDEX actor_names_actor ON actor_names (actor_key);
