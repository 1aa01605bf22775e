"""Finding things in the embedded store: full-text search (SQLite FTS5) and look-ups by id.

The indexes and the triggers that keep them are migration `0002_search.sql`; this module turns
what a person types into an FTS5 query and reads the ranked hits back. Every word of the query is
quoted, so FTS5 operators typed by a user (`AND`, `NEAR`, `*`, `col:`) are plain words, and every
filter is a bound parameter. Diacritics are optional because the tokenizer folds them; "đ", which it
keeps as a letter, is spelt both ways here. A leader's Vietnamese and Latin names (Tập Cận Bình /
Xi Jinping) are alternatives of one another wherever the gazetteer lists both.
"""

from __future__ import annotations

import html
import itertools
import re
import sqlite3
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from sukien.errors import Code, StoreError
from sukien.models import Article, Event, Trip
from sukien.normalise import fold
from sukien.sqlite_store import article_conditions, event_conditions
from sukien.store import Filters, Store

# Private-use characters around a match in a snippet: they cannot occur in stored text, and
# each renderer (terminal, JSON, HTML) turns them into its own marks after escaping the text.
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
ELLIPSIS = "…"
SNIPPET_TOKENS = 28
# BM25 costs a few microseconds per matching article: "hội đàm" matches 20,000 articles of the
# corpus and "to lam" 34,000. A query with more matches than this ranks the most recently stored
# of them only (news readers want the recent ones first), which keeps p99 under 50 ms; the result
# says so (`windowed`).
RANK_WINDOW = 2000
DEFAULT_LIMIT = 20
MAX_LIMIT = 200
MAX_QUERY_WORDS = 16  # a longer query is cut: each word is one more index lookup
MAX_SPELLINGS = 8  # "d"/"đ" spellings of one word, at most
WORD_RE = re.compile(r"\w+", re.UNICODE)
PHRASE_RE = re.compile(r'"([^"]*)"')


@dataclass(frozen=True)
class Hit:
    """One ranked result: an article or an event, with a snippet whose matches are marked."""

    kind: str  # "article" | "event"
    id: str
    rank: float  # BM25 as SQLite gives it: lower is better
    title: str
    snippet: str  # with MARK_OPEN / MARK_CLOSE around each match
    published: str | None = None
    outlet: str | None = None
    source: str | None = None
    url: str | None = None
    article_id: str | None = None
    trip_id: str | None = None
    type: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON shape: plain snippet text plus the [start, end) of each match, and the same as HTML."""
        text, spans = unmark(self.snippet)
        title, title_spans = unmark(self.title)
        return {
            "kind": self.kind,
            "id": self.id,
            "type": self.type,
            "rank": round(self.rank, 4),
            "title": title,
            "title_highlights": spans_list(title_spans),
            "snippet": text,
            "highlights": spans_list(spans),
            "snippet_html": marked_html(self.snippet),
            "published": self.published,
            "outlet": self.outlet,
            "source": self.source,
            "url": self.url,
            "article_id": self.article_id,
            "trip_id": self.trip_id,
        }


@dataclass
class SearchResult:
    query: str
    match: str  # the FTS5 expression that was run
    articles: list[Hit] = field(default_factory=list)
    events: list[Hit] = field(default_factory=list)
    partial: bool = False  # no item had every word: these have some of them
    windowed: bool = False  # more articles matched than RANK_WINDOW: the newest of them were ranked

    def text(self, open_mark: str = "**", close_mark: str = "**") -> str:
        """The ranked hits as lines for a terminal, matches between the marks."""
        lines = []
        for heading, hits in (("articles", self.articles), ("events", self.events)):
            if not hits:
                continue
            lines.append(f"{heading}:")
            for number, hit in enumerate(hits, start=1):
                about = " · ".join(part for part in (hit.source, hit.outlet, hit.published) if part)
                lines.append(f"{number:3d}. {marked_text(hit.title, open_mark, close_mark)}  [{hit.id}]")
                lines.append(f"     {about}")
                lines.append(f"     {' '.join(marked_text(hit.snippet, open_mark, close_mark).split())}")
        return "\n".join(lines) + "\n" if lines else ""

    def as_dict(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "partial": self.partial,
            "windowed": self.windowed,
            "articles": [hit.as_dict() for hit in self.articles],
            "events": [hit.as_dict() for hit in self.events],
        }


# -- the query ----------------------------------------------------------------------------------


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


@cache
def name_variants() -> dict[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    """Folded words of each spelling of a leader's name -> the words of all its spellings."""
    from sukien import gazetteer

    g = gazetteer.load()
    table: dict[tuple[str, ...], tuple[tuple[str, ...], ...]] = {}
    for leader in g.leaders:
        # "Tập Chủ tịch" is a way of writing about Xi, not his name: a title inside an alias would
        # make it match every chairman (and costs a phrase search over very common words).
        spellings = [n for n in (leader.name, *leader.aliases) if not holds_title(g, n)]
        if len(spellings) < 2:
            continue
        names = tuple(dict.fromkeys(tuple(WORD_RE.findall(fold(n))) for n in spellings))
        for name in names:
            if len(name) > 1:  # one-word aliases ("Putin") are ordinary words: match them as typed
                table.setdefault(name, names)
    return table


def holds_title(g, name: str) -> bool:
    words = name.split()
    spans = (
        " ".join(words[i:j]) for i in range(len(words)) for j in range(i + 1, min(len(words), i + 3) + 1)
    )
    return any(g.title(span) is not None for span in spans)


def query_terms(query: str) -> list[list[list[str]]]:
    """The query as terms, each one or more spellings (lists of words) that may match."""
    phrases = [WORD_RE.findall(fold(p)) for p in PHRASE_RE.findall(query)]
    words = WORD_RE.findall(fold(PHRASE_RE.sub(" ", query)))[:MAX_QUERY_WORDS]
    variants = name_variants()
    longest = max((len(name) for name in variants), default=0)
    terms: list[list[list[str]]] = [[phrase] for phrase in phrases if phrase]
    position = 0
    while position < len(words):
        for size in range(min(longest, len(words) - position), 1, -1):
            found = variants.get(tuple(words[position : position + size]))
            if found:
                terms.append([list(name) for name in found])
                position += size
                break
        else:
            terms.append([[words[position]]])
            position += 1
    return terms


def match_expression(query: str, every: bool = True) -> str:
    """The FTS5 expression for a query: all terms (or any, when `every` is False)."""
    terms = query_terms(query)
    if not terms:
        raise StoreError(Code.BAD_QUERY, "the query has no word to search for", query)
    parts = []
    for options in terms:
        alternatives = [phrase_expression(words) for words in options]
        parts.append(alternatives[0] if len(alternatives) == 1 else "(" + " OR ".join(alternatives) + ")")
    return (" AND " if every else " OR ").join(parts)


# -- running it ---------------------------------------------------------------------------------


def connection(store: Store) -> sqlite3.Connection:
    db = getattr(store, "db", None)
    if not isinstance(db, sqlite3.Connection):
        raise StoreError(Code.DB, "full-text search needs the embedded SQLite store")
    return db


NO_FILTERS = Filters()
KINDS = ("article", "event")


def search(
    store: Store, query: str, filters: Filters = NO_FILTERS, kinds: tuple[str, ...] = KINDS
) -> SearchResult:
    """Ranked articles and events for `query`; when nothing has every word, those with some."""
    limit = min(filters.limit or DEFAULT_LIMIT, MAX_LIMIT)
    result = run(store, query, filters, kinds, limit, every=True)
    if not result.articles and not result.events and len(query_terms(query)) > 1:
        result = run(store, query, filters, kinds, limit, every=False)
        result.partial = True
    return result


def run(
    store: Store, query: str, filters: Filters, kinds: tuple[str, ...], limit: int, every: bool
) -> SearchResult:
    db = connection(store)
    expression = match_expression(query, every)
    result = SearchResult(query=query, match=expression)
    try:
        if "article" in kinds:
            floor = window_floor(db, expression)
            result.windowed = floor is not None
            result.articles = article_hits(db, expression, filters, limit, floor)
        if "event" in kinds:
            result.events = event_hits(db, expression, filters, limit)
    except sqlite3.OperationalError as err:  # a query FTS5 refuses: never a server error
        raise StoreError(Code.BAD_QUERY, f"cannot search for this: {err}", query) from err
    return result


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
    db: sqlite3.Connection, expression: str, filters: Filters, limit: int, floor: int | None = None
) -> list[Hit]:
    # One query: SQLite builds snippets only for the rows the LIMIT keeps (measured: asking for
    # the ranked rowids first and the snippets after was two to eight times slower).
    where, params = article_conditions(filters, article="a.", event="ev.")
    if floor is not None:
        where.append("s.rowid >= ?")
        params.append(floor)
    sql = (
        "SELECT a.id, a.title, a.published, a.outlet, a.source, a.url, s.rank,"
        f" highlight(article_search, 0, '{MARK_OPEN}', '{MARK_CLOSE}') AS marked_title,"
        f" snippet(article_search, 1, '{MARK_OPEN}', '{MARK_CLOSE}', '{ELLIPSIS}', {SNIPPET_TOKENS:d})"
        " AS snip"
        " FROM article_search AS s JOIN articles AS a ON a.rowid = s.rowid"
        f" WHERE article_search MATCH ? {''.join(' AND ' + w for w in where)}"
        " ORDER BY s.rank LIMIT ? OFFSET ?"
    )
    rows = db.execute(sql, [expression, *params, limit, filters.offset]).fetchall()
    return [
        Hit(
            kind="article",
            id=row["id"],
            rank=row["rank"],
            title=row["marked_title"] or row["title"] or "",
            snippet=row["snip"] or "",
            published=row["published"],
            outlet=row["outlet"],
            source=row["source"],
            url=row["url"],
            article_id=row["id"],
        )
        for row in rows
    ]


def event_hits(db: sqlite3.Connection, expression: str, filters: Filters, limit: int) -> list[Hit]:
    where, params = event_conditions(filters, prefix="e.")
    sql = (
        "SELECT e.id, e.type, e.actor_name, e.start, e.article_id, e.trip_id, e.json, s.rank,"
        " a.outlet, a.source, a.url, a.published,"
        f" snippet(event_search, -1, '{MARK_OPEN}', '{MARK_CLOSE}', '{ELLIPSIS}', {SNIPPET_TOKENS:d}) AS snip"
        " FROM event_search AS s JOIN events AS e ON e.rowid = s.rowid"
        " JOIN articles AS a ON a.id = e.article_id"
        f" WHERE event_search MATCH ? {''.join(' AND ' + w for w in where)}"
        " ORDER BY s.rank LIMIT ? OFFSET ?"
    )
    rows = db.execute(sql, [expression, *params, limit, filters.offset]).fetchall()
    hits = []
    for row in rows:
        event = Event.model_validate_json(row["json"])
        title = " · ".join(
            part for part in (row["type"], row["actor_name"], row["start"], place(event)) if part
        )
        hits.append(
            Hit(
                kind="event",
                id=row["id"],
                rank=row["rank"],
                title=title,
                snippet=row["snip"] or "",
                published=row["published"],
                outlet=row["outlet"],
                source=row["source"],
                url=row["url"],
                article_id=row["article_id"],
                trip_id=row["trip_id"],
                type=row["type"],
            )
        )
    return hits


def place(event: Event) -> str:
    return ", ".join(part for part in (event.location.city, event.location.country) if part)


# -- filters (bound parameters only; column names are ours) ---------------------------------------


# -- snippets -----------------------------------------------------------------------------------


def unmark(marked: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without marks, and the [start, end) of each marked stretch in it."""
    text: list[str] = []
    spans: list[tuple[int, int]] = []
    length, opened = 0, None
    for part in re.split(f"([{MARK_OPEN}{MARK_CLOSE}])", marked):
        if part == MARK_OPEN:
            opened = length
        elif part == MARK_CLOSE:
            if opened is not None:
                spans.append((opened, length))
            opened = None
        else:
            text.append(part)
            length += len(part)
    return "".join(text), spans


def spans_list(spans: list[tuple[int, int]]) -> list[list[int]]:
    return [[start, end] for start, end in spans]


def marked_html(marked: str) -> str:
    """HTML of a marked snippet: the text escaped first, then the marks made `<mark>`."""
    return html.escape(marked).replace(MARK_OPEN, "<mark>").replace(MARK_CLOSE, "</mark>")


def marked_text(marked: str, open_mark: str = "**", close_mark: str = "**") -> str:
    return marked.replace(MARK_OPEN, open_mark).replace(MARK_CLOSE, close_mark)


# -- look-ups by id (the API and the web pages) ----------------------------------------------------


def article(store: Store, article_id: str) -> Article:
    row = connection(store).execute("SELECT id FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        raise StoreError(Code.NOT_FOUND, f"no article {article_id}")
    found = articles_by_id(store, [article_id])
    return found[article_id]


def articles_by_id(store: Store, ids: list[str]) -> dict[str, Article]:
    from sukien.sqlite_store import SQLiteStore

    db = connection(store)
    marks = ", ".join("?" for _ in ids)
    rows = db.execute(f"SELECT * FROM articles WHERE id IN ({marks})", ids).fetchall() if ids else []
    return {row["id"]: SQLiteStore._article(row) for row in rows}


def articles_by_source(store: Store, sources: list[str]) -> dict[str, Article]:
    """The first stored article of each source name (file name, URL or item id)."""
    db = connection(store)
    marks = ", ".join("?" for _ in sources)
    sql = f"SELECT id, source FROM articles WHERE source IN ({marks}) ORDER BY rowid"
    ids: dict[str, str] = {}
    for row in db.execute(sql, sources).fetchall() if sources else []:
        ids.setdefault(row["source"], row["id"])
    found = articles_by_id(store, list(ids.values()))
    return {source: found[article_id] for source, article_id in ids.items()}


def event(store: Store, event_id: str) -> Event:
    found = events_by_id(store, [event_id])
    if event_id not in found:
        raise StoreError(Code.NOT_FOUND, f"no event {event_id}")
    return found[event_id]


def events_by_id(store: Store, ids: list[str]) -> dict[str, Event]:
    from sukien.sqlite_store import SQLiteStore

    marks = ", ".join("?" for _ in ids)
    sql = f"SELECT id, json, trip_id FROM events WHERE id IN ({marks})"
    rows = connection(store).execute(sql, ids).fetchall() if ids else []
    return {row["id"]: SQLiteStore._event(row) for row in rows}


def trip(store: Store, trip_id: str) -> Trip:
    row = connection(store).execute("SELECT json FROM trips WHERE id = ?", (trip_id,)).fetchone()
    if row is None:
        raise StoreError(Code.NOT_FOUND, f"no trip {trip_id}")
    return Trip.model_validate_json(row["json"])


def trip_events(store: Store, found: Trip) -> list[Event]:
    """The trip's events, in the order the trip lists them."""
    by_id = events_by_id(store, found.events)
    return [by_id[event_id] for event_id in found.events if event_id in by_id]


def article_events(store: Store, article_id: str) -> list[Event]:
    from sukien.sqlite_store import SQLiteStore

    sql = "SELECT json, trip_id FROM events WHERE article_id = ? ORDER BY position"
    return [SQLiteStore._event(row) for row in connection(store).execute(sql, (article_id,)).fetchall()]


def rebuild(store: Store) -> None:
    """Index everything again (after a VACUUM, which may renumber the articles' rowids)."""
    db = connection(store)
    with store.batch():
        db.execute("INSERT INTO article_search (article_search) VALUES ('rebuild')")
        db.execute("DELETE FROM event_search")
        db.execute(
            "INSERT INTO event_search (rowid, actor, counterparts, place, occasion, evidence)"
            " SELECT event_rowid, actor, counterparts, place, occasion, evidence FROM event_search_source"
        )
