"""What a page states about its article in its metadata: JSON-LD `NewsArticle`, `article:*`,
Open Graph, `itemprop`, `<title>`, the canonical link; htmldate only when the page states no date.

Every value is read with its entities decoded, twice-escaped ones too (`read.html.unescape`): some CMSs
escape a title before the template escapes it again, and lxml decodes only the outer level.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from sukien.read.html import text_of

# Meta descriptions and titles often end with the site's name: "... - VnExpress".
SITE_SUFFIX = re.compile(r"\s+[-|–—]\s+[^-|–—]{2,40}$")


ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNews", "AnalysisNewsArticle", "BlogPosting", "WebPage"}


DATE_META = (
    ("property", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "date"),
    ("property", "og:published_time"),
    ("name", "dc.date.issued"),
)


def page_metadata(tree: Any) -> dict[str, Any]:
    """Titles (best first), date, authors, outlet, canonical URL, language and description the
    page states."""
    meta = _meta_tags(tree)
    article = _json_ld_article(tree)
    authors, organisations = _json_ld_people(article.get("author"))
    publisher = article.get("publisher")
    publisher_name = _text(publisher.get("name")) if isinstance(publisher, dict) else None
    outlet = _first(publisher_name, meta.get("og:site_name"), meta.get("application-name"))
    meta_author = _first(meta.get("article:author"), meta.get("author"), meta.get("dc.creator"))
    if not authors and _is_person(meta_author, outlet, organisations):
        authors = [meta_author]
    return {
        # Every title the metadata states, best first: the visible headline is matched against them.
        "titles": [
            title
            for title in (
                _text(article.get("headline")),
                meta.get("og:title"),
                meta.get("twitter:title"),
                _title_tag(tree),
            )
            if title
        ],
        "published": _first(
            _iso(article.get("datePublished")), *(_iso(meta.get(key)) for _, key in DATE_META)
        ),
        "authors": authors,
        "outlet": outlet,
        "url": _first(_canonical(tree), meta.get("og:url"), _id_of(article.get("mainEntityOfPage"))),
        "language": _language(tree, meta, article),
        "description": _first(
            _text(article.get("description")), meta.get("og:description"), meta.get("description")
        ),
    }


def _is_person(name: str | None, outlet: str | None, organisations: list[str]) -> bool:
    """A meta author that is not the outlet, an organisation, a URL or a domain."""
    if not name or name.startswith("http") or "." in name or name == outlet:
        return False
    return name.lower() not in {organisation.lower() for organisation in organisations}


def _meta_tags(tree: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        content = element.get("content")
        if not content or not content.strip():
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = element.get(attribute)
            if key:
                found.setdefault(
                    key.strip().lower() if attribute != "itemprop" else key.strip(), text_of(content)
                )
    return found


def _json_ld_article(tree: Any) -> dict[str, Any]:
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or ""):
            continue
        try:
            data = json.loads(script.text or "", strict=False)
        except ValueError:
            continue
        for item in _json_ld_items(data):
            kind = item.get("@type")
            kinds = set(kind) if isinstance(kind, list) else {kind}
            if kinds & ARTICLE_TYPES and (item.get("headline") or item.get("datePublished")):
                return item
    return {}


def _json_ld_items(data: Any) -> Iterator[dict[str, Any]]:
    if isinstance(data, list):
        for item in data:
            yield from _json_ld_items(item)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _json_ld_items(data["@graph"])


def _json_ld_people(value: Any) -> tuple[list[str], list[str]]:
    """(people, organisations) named in a JSON-LD author field."""
    people: list[str] = []
    organisations: list[str] = []
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and item.strip():
            people.append(text_of(item))
        elif isinstance(item, dict) and isinstance(item.get("name"), str) and item["name"].strip():
            target = organisations if item.get("@type") == "Organization" else people
            target.append(text_of(item["name"]))
    return people, organisations


def _title_tag(tree: Any) -> str | None:
    title = tree.find(".//title")
    if title is None or not title.text_content().strip():
        return None
    return SITE_SUFFIX.sub("", text_of(title.text_content()))


def _canonical(tree: Any) -> str | None:
    for link in tree.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href", "").startswith("http"):
            return link.get("href").strip()
    return None


def _id_of(value: Any) -> str | None:
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    return value if isinstance(value, str) and value.startswith("http") else None


def _language(tree: Any, meta: dict[str, str], article: dict[str, Any]) -> str | None:
    root = tree.getroottree().getroot() if hasattr(tree, "getroottree") else tree
    for value in (
        root.get("lang"),
        article.get("inLanguage"),
        meta.get("inLanguage"),
        meta.get("og:locale"),
        meta.get("content-language"),
    ):
        if isinstance(value, str) and value.strip():
            return re.split(r"[-_]", value.strip().lower())[0]
    return None


def _iso(value: Any) -> str | None:
    """An ISO date or date-time from a metadata value, or None."""
    if not isinstance(value, str) or not value.strip():
        return None
    from datetime import datetime

    text = value.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(text).isoformat()
    except ValueError:
        return None


def _text(value: Any) -> str | None:
    """A JSON-LD string as text: its JSON is not HTML-decoded by the parser, so entities stay."""
    return text_of(value) if isinstance(value, str) else None


def _first(*values: Any) -> Any:
    for value in values:
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def htmldate_of(html: str) -> str | None:
    """htmldate's publication date, for pages that state none in their metadata."""
    from htmldate import find_date

    try:
        return find_date(html, original_date=True, extensive_search=True)
    except (ValueError, TypeError):
        return None
