"""What a search gives back, whatever the backend: ranked hits with marked snippets.

Matches are marked with private-use characters, which cannot occur in stored text; each renderer
(terminal, JSON, HTML) turns them into its own marks after escaping the text.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from typing import Any

from sukien.models import Event

# Private-use characters around a match in a snippet: they cannot occur in stored text, and
# each renderer (terminal, JSON, HTML) turns them into its own marks after escaping the text.
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"


ELLIPSIS = "…"


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
    article_total: int = 0  # every article that matches with the filters, not only this page's
    event_total: int = 0
    offset: int = 0
    limit: int = 0
    # name -> [{"value", "count"}], most frequent first: what the matches are spread over (the
    # RANK_WINDOW newest matches of each kind, when more match).
    facets: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def text(self, open_mark: str = "**", close_mark: str = "**") -> str:
        """The ranked hits as lines for a terminal, matches between the marks."""
        lines = []
        for heading, hits, total in (
            ("articles", self.articles, self.article_total),
            ("events", self.events, self.event_total),
        ):
            if not hits:
                continue
            shown = f"{self.offset + 1}-{self.offset + len(hits)} of {total}"
            lines.append(f"{heading} ({shown}):" if total > len(hits) or self.offset else f"{heading}:")
            for number, hit in enumerate(hits, start=self.offset + 1):
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
            "total": {"articles": self.article_total, "events": self.event_total},
            "offset": self.offset,
            "limit": self.limit,
            "facets": self.facets,
            "articles": [hit.as_dict() for hit in self.articles],
            "events": [hit.as_dict() for hit in self.events],
        }


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


# -- hits from the rows of either backend (each gives its own rank, title marks and snippet) -------


def article_hit(row: Any, rank: float, title: str | None, snippet: str) -> Hit:
    """An article's hit; `title` is the marked title, the plain one where nothing is marked."""
    return Hit(
        kind="article",
        id=row["id"],
        rank=rank,
        title=title or row["title"] or "",
        snippet=snippet,
        published=row["published"],
        outlet=row["outlet"],
        source=row["source"],
        url=row["url"],
        article_id=row["id"],
    )


def event_hit(row: Any, rank: float, snippet: str) -> Hit:
    """An event's hit, titled by its type, actor, day and place."""
    event = Event.model_validate_json(row["json"])
    where = ", ".join(part for part in (event.location.city, event.location.country) if part)
    title = " · ".join(part for part in (row["type"], row["actor_name"], row["start"], where) if part)
    return Hit(
        kind="event",
        id=row["id"],
        rank=rank,
        title=title,
        snippet=snippet,
        published=row["published"],
        outlet=row["outlet"],
        source=row["source"],
        url=row["url"],
        article_id=row["article_id"],
        trip_id=row["trip_id"],
        type=row["type"],
    )


# -- facets: counted from the facet columns of every match, whatever the backend ---------------------

FACET_SIZE = 12  # values shown per facet: the most frequent


def facets(dated: list[Any], involved: list[Any]) -> dict[str, list[dict[str, Any]]]:
    """Counts per outlet and year of the `dated` rows (the matching articles, or the matching events
    when only events were searched), and per event type, country and actor of the `involved` rows
    (events, each with the `item` it counts for: its article, so a facet counts articles as the
    filters select them, or itself). Each value is one a filter takes (`outlet`, the year as
    `since`/`until`, `type`, `country`, `actor`)."""

    def distinct(pairs: Any) -> Any:  # an article with two visits to Japan counts once for JP
        return (pair for _, pair in dict.fromkeys(pairs))

    found = {
        "outlet": count((row["outlet"], row["outlet"]) for row in dated if row["outlet"]),
        "year": count(
            (row["published"][:4], row["published"][:4]) for row in dated if (row["published"] or "")[:4]
        ),
        "type": count(distinct(((row["item"], row["type"]), (row["type"], row["type"])) for row in involved)),
        "country": count(
            distinct(
                ((row["item"], code), (code, code))
                for row in involved
                for code in (row["countries"] or "").split()
            )
        ),
        "actor": count(
            distinct(
                ((row["item"], row["actor_key"]), (row["actor_key"], row["actor_name"])) for row in involved
            )
        ),
    }
    if found["year"]:  # years read best in order, newest first, not by count
        found["year"].sort(key=lambda item: item["value"], reverse=True)
    return {name: values for name, values in found.items() if values}


def count(pairs: Any) -> list[dict[str, Any]]:
    """(key, label) pairs -> the FACET_SIZE most frequent keys, each with its most frequent label."""
    counts: dict[str, int] = {}
    labels: dict[str, dict[str, int]] = {}
    for key, label in pairs:
        counts[key] = counts.get(key, 0) + 1
        labels.setdefault(key, {})[label] = labels.get(key, {}).get(label, 0) + 1
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:FACET_SIZE]
    return [
        {"value": max(labels[key], key=lambda name: labels[key][name]), "count": number}
        for key, number in top
    ]
