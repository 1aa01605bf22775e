-- 0004_actor_names: SQLite's 0005. Every name written for an actor, keyed as events are, with the
-- key and name of the person it names (`lexicon.identity`); replaced with the trips at every re-link.
CREATE TABLE actor_names (
    name_key   TEXT COLLATE "C" PRIMARY KEY,
    name       TEXT NOT NULL,
    actor_key  TEXT COLLATE "C" NOT NULL,
    actor_name TEXT NOT NULL
);
CREATE INDEX actor_names_actor ON actor_names (actor_key);
