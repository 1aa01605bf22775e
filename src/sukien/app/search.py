"""Search, as the CLI, the API and the web UI ask for it: ranked articles and events for a query, and
when nothing has every word, those with some (`partial`). Ranking and snippets are the store's
(`Store.search`); this module only decides what to ask.
"""

from __future__ import annotations

from sukien.settings import SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT
from sukien.store import SEARCH_KINDS, Filters, Store
from sukien.store.query import query_terms
from sukien.store.results import MARK_CLOSE, MARK_OPEN, Hit, SearchResult, marked_html, marked_text, unmark

DEFAULT_LIMIT = SEARCH_DEFAULT_LIMIT
NO_FILTERS = Filters()

__all__ = [
    "DEFAULT_LIMIT", "MARK_CLOSE", "MARK_OPEN", "Hit", "SearchResult", "marked_html", "marked_text", "search",
    "unmark",
]  # fmt: skip


def search(
    store: Store, query: str, filters: Filters = NO_FILTERS, kinds: tuple[str, ...] = SEARCH_KINDS
) -> SearchResult:
    """Ranked articles and events for `query`; when nothing has every word, those with some."""
    limit = min(filters.limit or SEARCH_DEFAULT_LIMIT, SEARCH_MAX_LIMIT)
    result = store.search(query, filters, kinds, limit, every=True)
    if not result.articles and not result.events and len(query_terms(query)) > 1:
        result = store.search(query, filters, kinds, limit, every=False)
        result.partial = True
    return result
