"""Full-text search in the PostgreSQL store (`unaccent` + tsvector, migration `0002_search.sql`).

The same search as `store/sqlite/search.py`, with PostgreSQL's means:
- The query is `store.query.query_terms` written as a tsquery: each word a lexeme (no prefix
  match), a phrase's words joined by `<->`, a term's spellings OR'ed, the terms AND'ed (OR'ed when
  `every` is False). Every lexeme is quoted, so nothing a user types is an operator, and the whole
  tsquery is one bound parameter of `to_tsquery('sukien', ...)`, which folds it like the index
  (`unaccent`: "đ" is "d" on both sides, so no second spelling is needed as in FTS5).
- Ranking is `ts_rank_cd` with the weights of SQLite's bm25() per column; `Hit.rank` is its
  negation, so lower is better on both backends. Equal ranks keep the order of insertion.
- `windowed`: as in SQLite, when more than RANK_WINDOW articles match, only the RANK_WINDOW newest
  (by order of insertion, whatever the filters) are ranked.
- Snippets and title highlights are made by `snippets.py`, as FTS5's snippet() and highlight()
  make them, from the texts of the page's hits only.
"""

from __future__ import annotations

from typing import Any

import psycopg

from sukien.errors import Code, StoreError
from sukien.settings import RANK_WINDOW
from sukien.store.base import Filters
from sukien.store.filters import PERSON_COLUMNS, PERSON_JOIN
from sukien.store.postgres.filters import article_conditions, event_conditions
from sukien.store.postgres.snippets import Marker
from sukien.store.query import ExactPattern, compose, exact_patterns, query_terms
from sukien.store.results import Hit, SearchResult, article_hit, event_hit, facets

# ts_rank_cd weights, in its order {D, C, B, A}: articles put the title in A and the body in D (a
# title word counts five times a body word, as bm25(5, 1)); events put actor and counterparts in
# A, place and occasion in B, evidence in C (4, 2, 1 as bm25(4, 4, 2, 2, 1)).
ARTICLE_WEIGHTS = [0.2, 0.2, 0.2, 1.0]
EVENT_WEIGHTS = [0.25, 0.25, 0.5, 1.0]
# ts_rank_cd's normalisation 1: divided by 1 + log(length), so a long article does not win by length.
RANK_NORMALISATION = 1

EVENT_PARTS = ("search_actor", "search_counterparts", "search_place", "search_occasion", "search_evidence")


# -- the query ---------------------------------------------------------------------------------------


def lexeme(word: str) -> str:
    """A tsquery operand: the word quoted, so that nothing in it is an operator."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def phrase_query(words: list[str]) -> str:
    return lexeme(words[0]) if len(words) == 1 else "(" + " <-> ".join(map(lexeme, words)) + ")"


def tsquery_text(query: str, every: bool = True) -> str:
    """The tsquery of a query: all terms (or any, when `every` is False)."""
    return compose(query, every, phrase_query, " | ", " & ")


def exact_column(patterns: list[ExactPattern], columns: list[str]) -> tuple[str, list[Any]]:
    """The expression that scores a row by `store.query.exact_patterns` (regular expressions that
    `~` reads as Python's `re` does), and its parameters: a pattern's weight when any column holds it."""
    if not patterns:
        return "0", []
    parts, params = [], []
    for pattern, weight in patterns:
        found = " OR ".join(f"coalesce({column}, '') ~ %s" for column in columns)
        parts.append(f"CASE WHEN {found} THEN %s ELSE 0 END")
        params.extend([*(pattern for _ in columns), weight])
    return "(" + " + ".join(parts) + ")", params


# -- the queries -------------------------------------------------------------------------------------


def window_floor(db: psycopg.Connection[Any], tsquery: str) -> int | None:
    """The smallest `seq` among the RANK_WINDOW newest matches, or None when fewer match."""
    row = db.execute(
        "SELECT seq FROM articles WHERE search @@ to_tsquery('sukien', %s)"
        " ORDER BY seq DESC LIMIT 1 OFFSET %s",
        (tsquery, RANK_WINDOW - 1),
    ).fetchone()
    return None if row is None else int(row["seq"])


def article_hits(
    db: psycopg.Connection[Any],
    tsquery: str,
    marker: Marker,
    filters: Filters,
    limit: int,
    floor: int | None = None,
    exact: list[ExactPattern] | None = None,
) -> list[Hit]:
    # Ranked first, then the page's rows read whole: only those texts leave the server.
    where, params = article_conditions(filters, article="a.", event="ev.")
    if floor is not None:
        where.append("a.seq >= %s")
        params.append(floor)
    score, score_params = exact_column(exact or [], ["a.title", "a.text"])
    sql = (
        "SELECT a.id, a.title, a.text, a.published, a.outlet, a.source, a.url, ranked.rank"
        " FROM (SELECT a.seq, -ts_rank_cd(%s::real[], a.search, q.query, %s) AS rank,"
        f"      {score} AS exact"
        "       FROM articles AS a, to_tsquery('sukien', %s) AS q (query)"
        f"      WHERE a.search @@ q.query {''.join(' AND ' + w for w in where)}"
        "       ORDER BY exact DESC, rank, a.seq LIMIT %s OFFSET %s) AS ranked"
        " JOIN articles AS a ON a.seq = ranked.seq"
        " ORDER BY ranked.exact DESC, ranked.rank, ranked.seq"
    )
    values = [ARTICLE_WEIGHTS, RANK_NORMALISATION, *score_params, tsquery, *params, limit, filters.offset]
    hits = []
    for row in db.execute(sql, values).fetchall():
        snippet, _ = marker.snippet(row["text"])
        hits.append(article_hit(row, float(row["rank"]), marker.highlight(row["title"]), snippet))
    return hits


def event_hits(
    db: psycopg.Connection[Any],
    tsquery: str,
    marker: Marker,
    filters: Filters,
    limit: int,
    exact: list[ExactPattern] | None = None,
) -> list[Hit]:
    where, params = event_conditions(filters, prefix="e.")
    parts = ", ".join(f"e.{part}" for part in EVENT_PARTS)
    score, score_params = exact_column(exact or [], [f"e.{part}" for part in EVENT_PARTS])
    sql = (
        "SELECT e.id, e.type, e.actor_name, e.start, e.article_id, e.trip_id, e.json, ranked.rank,"
        f" a.outlet, a.source, a.url, a.published, {parts}"
        " FROM (SELECT e.seq, -ts_rank_cd(%s::real[], e.search, q.query, %s) AS rank,"
        f"      {score} AS exact"
        "       FROM events AS e, to_tsquery('sukien', %s) AS q (query)"
        f"      WHERE e.search @@ q.query {''.join(' AND ' + w for w in where)}"
        "       ORDER BY exact DESC, rank, e.seq LIMIT %s OFFSET %s) AS ranked"
        " JOIN events AS e ON e.seq = ranked.seq"
        " JOIN articles AS a ON a.id = e.article_id"
        " ORDER BY ranked.exact DESC, ranked.rank, ranked.seq"
    )
    values = [EVENT_WEIGHTS, RANK_NORMALISATION, *score_params, tsquery, *params, limit, filters.offset]
    return [
        event_hit(row, float(row["rank"]), best_snippet(marker, [row[part] for part in EVENT_PARTS]))
        for row in db.execute(sql, values).fetchall()
    ]


def best_snippet(marker: Marker, texts: list[str]) -> str:
    """The snippet of the column that shows the most distinct terms, the first of equals (snippet(-1))."""
    best, best_terms = "", -1
    for text in texts:
        if not text:
            continue
        snippet, terms = marker.snippet(text)
        if terms > best_terms:
            best, best_terms = snippet, terms
    return best


def run_search(
    db: psycopg.Connection[Any],
    query: str,
    filters: Filters,
    kinds: tuple[str, ...],
    limit: int,
    every: bool,
) -> SearchResult:
    tsquery = tsquery_text(query, every)
    marker = Marker(query_terms(query))
    exact = exact_patterns(query)
    result = SearchResult(query=query, match=tsquery, offset=filters.offset, limit=limit)
    try:
        articles: list[Any] = []
        events: list[Any] = []
        if "article" in kinds:
            floor = window_floor(db, tsquery)
            result.windowed = floor is not None
            result.articles = article_hits(db, tsquery, marker, filters, limit, floor, exact)
            articles, result.article_total = article_facet_rows(db, tsquery, filters)
        if "event" in kinds:
            result.events = event_hits(db, tsquery, marker, filters, limit, exact)
            events, result.event_total = event_facet_rows(db, tsquery, filters)
        involved = involved_rows(db, [row["id"] for row in articles]) if articles else events
        result.facets = facets(articles or events, involved)
    except (psycopg.errors.SyntaxError, psycopg.DataError) as err:  # a tsquery the server refuses
        raise StoreError(Code.BAD_QUERY, f"cannot search for this: {err}", query) from err
    return result


def article_facet_rows(db: psycopg.Connection[Any], tsquery: str, filters: Filters) -> tuple[list[Any], int]:
    """The id, outlet and date of the RANK_WINDOW newest matching articles (the filters applied, no
    page) for the facets, and how many match in all."""
    where, params = article_conditions(filters, article="a.", event="ev.")
    select = (
        "a.id, a.outlet, a.published FROM articles AS a WHERE a.search @@ to_tsquery('sukien', %s)"
        f" {''.join(' AND ' + w for w in where)}"
    )
    return newest_and_total(db, select, "a.seq", [tsquery, *params])


def newest_and_total(
    db: psycopg.Connection[Any], select: str, order: str, params: list
) -> tuple[list[Any], int]:
    rows = db.execute(f"SELECT {select} ORDER BY {order} DESC LIMIT %s", [*params, RANK_WINDOW]).fetchall()
    if len(rows) < RANK_WINDOW:
        return rows, len(rows)
    from_where = select[select.index(" FROM ") :]
    counted = db.execute(f"SELECT count(*) AS n {from_where}", params).fetchone()
    return rows, int(counted["n"]) if counted else len(rows)


def involved_rows(db: psycopg.Connection[Any], article_ids: list[str]) -> list[Any]:
    """The events of the matching articles, each with its article as the item it counts for."""
    sql = (
        f"SELECT e.article_id AS item, e.type, {PERSON_COLUMNS}, e.countries"
        f" FROM events AS e {PERSON_JOIN} WHERE e.article_id = ANY(%s)"
    )
    return db.execute(sql, [article_ids]).fetchall()


def event_facet_rows(db: psycopg.Connection[Any], tsquery: str, filters: Filters) -> tuple[list[Any], int]:
    where, params = event_conditions(filters, prefix="e.")
    select = (
        f"e.id AS item, e.type, {PERSON_COLUMNS}, e.countries, a.outlet, a.published"
        f" FROM events AS e JOIN articles AS a ON a.id = e.article_id {PERSON_JOIN}"
        f" WHERE e.search @@ to_tsquery('sukien', %s) {''.join(' AND ' + w for w in where)}"
    )
    return newest_and_total(db, select, "e.seq", [tsquery, *params])


# -- what an event is searched by ----------------------------------------------------------------------


def event_search_parts(data: dict[str, Any]) -> tuple[str, str, str, str, str]:
    """The searchable text of an event (its SPEC JSON as a dict), column by column as SQLite's
    `event_search_source` view builds it: actor name and roles; each counterpart's name, body and
    roles, joined by " ; "; the city; the occasion's name and series; the evidence sentences."""

    def words(*values: Any) -> str:
        return " ".join("" if value is None else str(value) for value in values)

    actor = data.get("actor") or {}
    counterparts = " ; ".join(
        words(person.get("name"), person.get("org"), " ".join(person.get("roles") or []))
        for person in data.get("counterparts") or []
    )
    occasion = data.get("occasion") or {}
    return (
        words(actor.get("name"), " ".join(actor.get("roles") or [])),
        counterparts,
        (data.get("location") or {}).get("city") or "",
        words(occasion.get("name"), occasion.get("series")),
        " … ".join(item.get("text") or "" for item in data.get("evidence") or []),
    )
