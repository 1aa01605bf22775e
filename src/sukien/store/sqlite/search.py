"""Full-text search in the embedded store (SQLite FTS5, migration `0002_search.sql`).

Every word of the query is quoted, so FTS5 operators typed by a user (`AND`, `NEAR`, `*`, `col:`)
are plain words, and every filter is a bound parameter. Diacritics are optional because the
tokenizer folds them; "đ", which it keeps as a letter, is spelt both ways here.
"""

from __future__ import annotations

import itertools
import json
import sqlite3
from functools import cache

from sukien.errors import Code, StoreError
from sukien.settings import FACET_PAGE, MAX_SPELLINGS, RANK_WINDOW, SNIPPET_TOKENS
from sukien.store.base import Filters
from sukien.store.filters import PERSON_COLUMNS, PERSON_JOIN
from sukien.store.query import ExactPattern, compose, exact_patterns, exact_score
from sukien.store.results import (
    ELLIPSIS,
    MARK_CLOSE,
    MARK_OPEN,
    Hit,
    SearchResult,
    article_hit,
    event_hit,
    facets,
)
from sukien.store.sqlite.filters import article_conditions, event_conditions


def quoted(words: list[str]) -> str:
    """An FTS5 phrase: the words in double quotes, any quote inside doubled."""
    return '"' + " ".join(word.replace('"', '""') for word in words) + '"'


def spellings(words: list[str]) -> list[list[str]]:
    """The words with a first "d" also as "đ" and a first "đ" also as "d", as far as MAX_SPELLINGS.

    The tokenizer lower-cases and drops every mark but the stroke of "đ", so that letter alone
    needs spelling out; in Vietnamese it only begins a syllable, so only a word's first letter can
    be it ("donald" is not spelt "donalđ").
    """
    options = [sorted({word, *dee_spellings(word)}) for word in words]
    return [list(combo) for combo in itertools.islice(itertools.product(*options), MAX_SPELLINGS)]


def dee_spellings(word: str) -> set[str]:
    if word[:1] in ("d", "đ"):
        return {"d" + word[1:], "đ" + word[1:]}
    return set()


def phrase_expression(words: list[str]) -> str:
    options = [quoted(spelt) for spelt in spellings(words)]
    return options[0] if len(options) == 1 else "(" + " OR ".join(options) + ")"


def match_expression(query: str, every: bool = True) -> str:
    """The FTS5 expression for a query: all terms (or any, when `every` is False)."""
    return compose(query, every, phrase_expression, " OR ", " AND ")


@cache
def parsed(patterns: str) -> tuple[ExactPattern, ...]:
    return tuple((pattern, weight) for pattern, weight in json.loads(patterns))


def exact_function(patterns: str, *texts: str | None) -> int:
    """`sukien_exact(patterns, text...)`, registered on every connection: how well the texts hold what
    was typed with diacritics (`store.query.exact_patterns`, given as JSON)."""
    return exact_score(parsed(patterns), *texts)


def exact_column(patterns: list[ExactPattern], columns: str) -> tuple[str, list[str]]:
    """The SELECT expression that scores a row by `exact_patterns`, and its parameter; 0 when none."""
    if not patterns:
        return "0", []
    return f"sukien_exact(?, {columns})", [json.dumps(patterns, ensure_ascii=False)]


def window_floor(db: sqlite3.Connection, expression: str) -> int | None:
    """The smallest rowid among the RANK_WINDOW newest matches, or None when fewer match.

    FTS5 walks matches in rowid order without ranking them, so this costs a fraction of BM25.
    """
    row = db.execute(
        "SELECT rowid FROM article_search WHERE article_search MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
        (expression, RANK_WINDOW - 1),
    ).fetchone()
    return None if row is None else int(row[0])


def article_hits(
    db: sqlite3.Connection,
    expression: str,
    filters: Filters,
    limit: int,
    floor: int | None = None,
    exact: list[ExactPattern] | None = None,
) -> list[Hit]:
    # One query: SQLite builds snippets only for the rows the LIMIT keeps (measured: asking for
    # the ranked rowids first and the snippets after was two to eight times slower).
    where, params = article_conditions(filters, article="a.", event="ev.")
    if floor is not None:
        where.append("s.rowid >= ?")
        params.append(floor)
    score, score_params = exact_column(exact or [], "a.title, a.text")
    sql = (
        f"SELECT a.id, a.title, a.published, a.outlet, a.source, a.url, s.rank, {score} AS exact,"
        f" highlight(article_search, 0, '{MARK_OPEN}', '{MARK_CLOSE}') AS marked_title,"
        f" snippet(article_search, 1, '{MARK_OPEN}', '{MARK_CLOSE}', '{ELLIPSIS}', {SNIPPET_TOKENS:d})"
        " AS snip"
        " FROM article_search AS s JOIN articles AS a ON a.rowid = s.rowid"
        f" WHERE article_search MATCH ? {''.join(' AND ' + w for w in where)}"
        " ORDER BY exact DESC, s.rank LIMIT ? OFFSET ?"
    )
    rows = db.execute(sql, [*score_params, expression, *params, limit, filters.offset]).fetchall()
    return [article_hit(row, row["rank"], row["marked_title"], row["snip"] or "") for row in rows]


def event_hits(
    db: sqlite3.Connection,
    expression: str,
    filters: Filters,
    limit: int,
    exact: list[ExactPattern] | None = None,
) -> list[Hit]:
    where, params = event_conditions(filters, prefix="e.")
    score, score_params = exact_column(
        exact or [], "s.actor, s.counterparts, s.place, s.occasion, s.evidence"
    )
    sql = (
        "SELECT e.id, e.type, e.actor_name, e.start, e.article_id, e.trip_id, e.json, s.rank,"
        f" {score} AS exact, a.outlet, a.source, a.url, a.published,"
        f" snippet(event_search, -1, '{MARK_OPEN}', '{MARK_CLOSE}', '{ELLIPSIS}', {SNIPPET_TOKENS:d}) AS snip"
        " FROM event_search AS s JOIN events AS e ON e.rowid = s.rowid"
        " JOIN articles AS a ON a.id = e.article_id"
        f" WHERE event_search MATCH ? {''.join(' AND ' + w for w in where)}"
        " ORDER BY exact DESC, s.rank LIMIT ? OFFSET ?"
    )
    rows = db.execute(sql, [*score_params, expression, *params, limit, filters.offset]).fetchall()
    return [event_hit(row, row["rank"], row["snip"] or "") for row in rows]


def run_search(
    db: sqlite3.Connection, query: str, filters: Filters, kinds: tuple[str, ...], limit: int, every: bool
) -> SearchResult:
    expression = match_expression(query, every)
    exact = exact_patterns(query)
    result = SearchResult(query=query, match=expression, offset=filters.offset, limit=limit)
    try:
        articles: list[sqlite3.Row] = []
        events: list[sqlite3.Row] = []
        if "article" in kinds:
            floor = window_floor(db, expression)
            result.windowed = floor is not None
            result.articles = article_hits(db, expression, filters, limit, floor, exact)
            articles, result.article_total = article_facet_rows(db, expression, filters)
        if "event" in kinds:
            result.events = event_hits(db, expression, filters, limit, exact)
            events, result.event_total = event_facet_rows(db, expression, filters)
        involved = involved_rows(db, [row["id"] for row in articles]) if articles else events
        result.facets = facets(articles or events, involved)
    except sqlite3.OperationalError as err:  # a query FTS5 refuses: never a server error
        raise StoreError(Code.BAD_QUERY, f"cannot search for this: {err}", query) from err
    return result


def article_facet_rows(
    db: sqlite3.Connection, expression: str, filters: Filters
) -> tuple[list[sqlite3.Row], int]:
    """The id, outlet and date of the RANK_WINDOW newest matching articles (the filters applied, no
    page) for the facets, and how many match in all: a word on every page costs a count, not a
    row per article."""
    where, params = article_conditions(filters, article="a.", event="ev.")
    tables = "article_search AS s JOIN articles AS a ON a.rowid = s.rowid"
    condition = f"article_search MATCH ? {''.join(' AND ' + w for w in where)}"
    return newest_and_total(
        db, f"a.id, a.outlet, a.published FROM {tables} WHERE {condition}", [expression, *params]
    )


def newest_and_total(db: sqlite3.Connection, select: str, params: list) -> tuple[list[sqlite3.Row], int]:
    rows = db.execute(f"SELECT {select} ORDER BY s.rowid DESC LIMIT ?", [*params, RANK_WINDOW]).fetchall()
    if len(rows) < RANK_WINDOW:
        return rows, len(rows)
    from_where = select[select.index(" FROM ") :]
    return rows, int(db.execute(f"SELECT count(*) {from_where}", params).fetchone()[0])


def involved_rows(db: sqlite3.Connection, article_ids: list[str]) -> list[sqlite3.Row]:
    """The events of the matching articles, each with its article as the item it counts for."""
    rows: list[sqlite3.Row] = []
    for start in range(0, len(article_ids), FACET_PAGE):
        page = article_ids[start : start + FACET_PAGE]
        sql = (
            f"SELECT e.article_id AS item, e.type, {PERSON_COLUMNS}, e.countries"
            f" FROM events AS e {PERSON_JOIN} WHERE e.article_id IN ({', '.join('?' for _ in page)})"
        )
        rows += db.execute(sql, page).fetchall()
    return rows


def event_facet_rows(
    db: sqlite3.Connection, expression: str, filters: Filters
) -> tuple[list[sqlite3.Row], int]:
    where, params = event_conditions(filters, prefix="e.")
    select = (
        f"e.id AS item, e.type, {PERSON_COLUMNS}, e.countries, a.outlet, a.published"
        " FROM event_search AS s JOIN events AS e ON e.rowid = s.rowid"
        f" JOIN articles AS a ON a.id = e.article_id {PERSON_JOIN}"
        f" WHERE event_search MATCH ? {''.join(' AND ' + w for w in where)}"
    )
    return newest_and_total(db, select, [expression, *params])
