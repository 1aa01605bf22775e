-- 0003_name_keys: actors keyed by `text.fold.name_key` (hyphens and dots as spaces), the key the
-- linker compares people by, so `--actor "Kim Jong Un"` finds "Kim Jong-un". `name_key` is the
-- library's own function, registered on the connection before migrating.
UPDATE events SET actor_key = name_key(actor_name);
UPDATE trips SET actor_key = name_key(actor_name);
