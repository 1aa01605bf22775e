"""HTML pages: the article body and its metadata.

trafilatura finds the body (it leaked no boilerplate on the pages we measured, TOOLKIT.md) and
keeps in-body photo captions with `include_images`; what it misses is added, not rewritten:

- the lead (sapo): trafilatura drops it on `<div>` layouts, where it sits outside the article
  element. The page states it twice, as a visible element (class "sapo", "description", ...) and
  as its description metadata; the visible one is put back in front when the two agree.
- metadata: the page's own structured data first (JSON-LD `NewsArticle`, `article:*`, Open
  Graph, `itemprop`), which carries the time and zone of publication; htmldate only when the
  page states no date.
- a trailing byline ("Lê Phương") becomes the author, through the same rules as plain text
  (`clean.common.trim_tail`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from sukien.clean.common import Cleaned, normalise_published, outlet_from_url, trim_tail
from sukien.doc import RawRecord
from sukien.read.html import squash
from sukien.settings import MIN_LEAD_CHARS

# Class or id words that mark a lead paragraph on Vietnamese and international news sites
# (VnExpress p.description, Tuổi Trẻ/Thanh Niên/baochinhphu .detail-sapo, Dân trí .singular-sapo,
# VietnamNet .content-detail-sapo, Zing .the-article-summary, VOV .article__sapo...).
LEAD_HINTS = ("sapo", "description", "lead", "summary", "chapeau", "excerpt", "intro", "standfirst", "desc")


LEAD_TAGS = ("p", "h2", "h3", "div", "span", "strong", "em", "section")


PLAIN_LEAD_TAGS = ("p", "h2")  # compared with the description even without a marking class


# Ancestors whose text is never the lead: navigation, related links, teasers.
NOT_LEAD_ANCESTORS = ("a", "nav", "footer", "li", "aside", "header")


# Meta descriptions often end with the site's name: "... - VnExpress".
SITE_SUFFIX = re.compile(r"\s+[-|–—]\s+[^-|–—]{2,40}$")


ARTICLE_TYPES = {"NewsArticle", "Article", "ReportageNews", "AnalysisNewsArticle", "BlogPosting", "WebPage"}


# Body element tags of trafilatura's output that are not text of the article.
SKIP_BODY_TAGS = {"graphic", "ref"}


DATE_META = (
    ("property", "article:published_time"),
    ("itemprop", "datePublished"),
    ("name", "pubdate"),
    ("name", "publishdate"),
    ("name", "date"),
    ("property", "og:published_time"),
    ("name", "dc.date.issued"),
)


# A byline paragraph: names joined by these, after an optional label ("Bài và ảnh:").
BYLINE_SEPARATOR = re.compile(r"\s+[-–—&]\s+|\s*[,;/]\s*|\s+và\s+")


BYLINE_LABEL = re.compile(r"^(?:bài(?:\s+và\s+ảnh)?|ảnh|tin|nhóm phóng viên|pv)\s*:\s*", re.IGNORECASE)


MIN_NAME_WORDS, MAX_NAME_WORDS, MAX_BYLINE_NAMES = 2, 5, 4


@dataclass
class Page:
    """What one HTML page says about its article."""

    paragraphs: list[str] = field(default_factory=list)  # the body, lead first when there is one
    lead: str | None = None
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    url: str | None = None
    language: str | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def parse(html: str) -> Any:
    import trafilatura.utils

    trafilatura.utils.HTML_PARSER = unbounded_depth_parser()
    return trafilatura.utils.load_html(html)


@cache
def unbounded_depth_parser() -> Any:
    """trafilatura's HTML parser with libxml2's safety limits lifted (`huge_tree`).

    Without it, elements nested 255 deep or more and a text node over 10 MB are dropped and their
    text lost. trafilatura reads its parser from a module global, so that global is replaced: its
    own options are kept. The input is already bounded by `settings.MAX_ITEM_BYTES`."""
    from lxml.html import HTMLParser

    return HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )


def extract_page(html: str, url: str | None = None) -> Page:
    """Body paragraphs and metadata of one page (its text, not its bytes)."""
    tree = parse(html)
    if tree is None:
        return Page(url=url)
    meta = page_metadata(tree)
    lead = visible_lead(tree, meta.get("description"))
    paragraphs = body_paragraphs(tree, url)  # trafilatura prunes the tree: metadata first
    if lead and not _starts_with(paragraphs, lead):
        paragraphs.insert(0, lead)
    published = meta.get("published") or htmldate_of(html)
    return Page(
        paragraphs=paragraphs,
        lead=lead,
        title=meta.get("title"),
        published=published,
        authors=meta.get("authors", []),
        outlet=meta.get("outlet"),
        url=meta.get("url") or url,
        language=meta.get("language"),
    )


def body_paragraphs(tree: Any, url: str | None = None) -> list[str]:
    import trafilatura

    document = trafilatura.bare_extraction(
        tree, url=url, include_images=True, include_comments=False, include_tables=True, with_metadata=False
    )
    body = getattr(document, "body", None)
    if body is None:
        return []
    paragraphs: list[str] = []
    for element in body:
        paragraphs.extend(_element_paragraphs(element))
    return [p for p in paragraphs if p]


def _element_paragraphs(element: Any) -> list[str]:
    if element.tag in SKIP_BODY_TAGS:
        return []
    if element.tag == "list":
        return [squash("".join(item.itertext())) for item in element.iter("item")]
    if element.tag == "table":
        rows = [" | ".join(squash("".join(cell.itertext())) for cell in row) for row in element.iter("row")]
        return [row for row in rows if row.strip(" |")]
    return [squash("".join(element.itertext()))]


def _starts_with(paragraphs: list[str], lead: str) -> bool:
    probe = squash(lead)[:120]
    return any(probe in paragraph for paragraph in paragraphs[:3])


def visible_lead(tree: Any, description: str | None) -> str | None:
    """The lead as the page shows it: an element marked as such, agreeing with the description."""
    # The description as stated, and without a trailing " - Site" (which may be part of the lead).
    wanted = {squash(description), squash(SITE_SUFFIX.sub("", description))} - {""} if description else set()
    hinted: list[str] = []
    for element in tree.iter(*LEAD_TAGS):
        marks = f"{element.get('class', '')} {element.get('id', '')}".lower()
        marked = any(hint in marks for hint in LEAD_HINTS)
        if not marked and element.tag not in PLAIN_LEAD_TAGS:
            continue  # a container's text is most of the page: costly, and never the lead
        text = squash(element.text_content())
        if len(text) < MIN_LEAD_CHARS or _inside(element, NOT_LEAD_ANCESTORS):
            continue
        if any(_agrees(text, variant) for variant in wanted):
            return text
        if marked and len(hinted) < 3:
            hinted.append(text)
    # No description to compare: the first marked element, unless the page has a description
    # that no element shows (then the lead is not on the page).
    return hinted[0] if hinted and not wanted else None


def _agrees(text: str, description: str) -> bool:
    if text == description:
        return True
    shorter, longer = sorted((text, description), key=len)
    return len(shorter) >= 0.8 * len(longer) and longer.startswith(shorter.rstrip(".… "))


def _inside(element: Any, tags: tuple[str, ...]) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.getparent()
    return False


def page_metadata(tree: Any) -> dict[str, Any]:
    """Title, date, authors, outlet, canonical URL, language and description the page states."""
    meta = _meta_tags(tree)
    article = _json_ld_article(tree)
    authors, organisations = _json_ld_people(article.get("author"))
    publisher = article.get("publisher")
    publisher_name = publisher.get("name") if isinstance(publisher, dict) else None
    outlet = _first(publisher_name, meta.get("og:site_name"), meta.get("application-name"))
    meta_author = _first(meta.get("article:author"), meta.get("author"), meta.get("dc.creator"))
    if not authors and _is_person(meta_author, outlet, organisations):
        authors = [meta_author]
    return {
        "title": _first(
            article.get("headline"), meta.get("og:title"), meta.get("twitter:title"), _title_tag(tree)
        ),
        "published": _first(
            _iso(article.get("datePublished")), *(_iso(meta.get(key)) for _, key in DATE_META)
        ),
        "authors": authors,
        "outlet": outlet,
        "url": _first(_canonical(tree), meta.get("og:url"), _id_of(article.get("mainEntityOfPage"))),
        "language": _language(tree, meta, article),
        "description": _first(
            article.get("description"), meta.get("og:description"), meta.get("description")
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
                    key.strip().lower() if attribute != "itemprop" else key.strip(), squash(content)
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
            people.append(squash(item))
        elif isinstance(item, dict) and isinstance(item.get("name"), str) and item["name"].strip():
            target = organisations if item.get("@type") == "Organization" else people
            target.append(squash(item["name"]))
    return people, organisations


def _title_tag(tree: Any) -> str | None:
    title = tree.find(".//title")
    if title is None or not title.text_content().strip():
        return None
    return SITE_SUFFIX.sub("", squash(title.text_content()))


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


def split_byline(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """(body, authors): a last paragraph that is only names ("Lê Phương", "Anh Minh - Thu Hà")
    is the byline, not the article."""
    if len(paragraphs) < 2:
        return paragraphs, []
    last = BYLINE_LABEL.sub("", paragraphs[-1]).strip()
    names = [name.strip() for name in BYLINE_SEPARATOR.split(last) if name.strip()]
    if names and len(names) <= MAX_BYLINE_NAMES and all(_is_name(name) for name in names):
        return paragraphs[:-1], names
    return paragraphs, []


def _is_name(text: str) -> bool:
    words = text.split()
    if not MIN_NAME_WORDS <= len(words) <= MAX_NAME_WORDS:
        return False
    return all(word[0].isupper() and word[1:].islower() and word.isalpha() for word in words)


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host[4:] if host and host.startswith("www.") else host


def clean_record(record: RawRecord) -> Cleaned:
    """`clean.Cleaned` for an HTML record (registered for kind "html" in `clean.py`)."""
    url = record.fields.get("url") or (record.source if record.source.startswith("http") else None)
    page = extract_page(record.text, url)
    paragraphs, signed = split_byline(page.paragraphs)
    text, byline, credited = trim_tail("\n\n".join(paragraphs))
    authors = page.authors or signed or ([byline] if byline else [])
    url = page.url or url
    record.fields.setdefault("language", page.language)
    return Cleaned(
        text=text,
        title=page.title,
        published=normalise_published(page.published),
        author=", ".join(authors) or None,
        outlet=page.outlet or credited or outlet_from_url(url) or host_of(url),
        url=url,
        summary=page.lead,
    )
