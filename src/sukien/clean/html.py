"""HTML pages from any outlet: the article body and its metadata.

trafilatura finds the body (it leaked no boilerplate on the pages we measured, TOOLKIT.md) and
keeps in-body photo captions with `include_images`; the page's own structure settles the rest,
by rules that hold on every outlet's layout rather than by a list of sites:

- the title is the visible headline: the `<h1>` that agrees with a title of the metadata
  (`og:title` is often a longer social-media title), else the `<h1>` just above the lead;
  the metadata's title only when neither exists (`extract_headline`).
- the lead (sapo): trafilatura drops it on `<div>` layouts, where it sits outside the article
  element. It is the element marked "sapo", "description", "summary"... that agrees with the
  description metadata, else the first marked one below the headline (`extract_lead`); an outlet
  credit in front ("(Dân trí) - ") is left out, and it goes first in the body.
- page chrome trafilatura keeps (an app-download banner, a share line, the headline or kicker
  above the lead) is dropped by the patterns of `data/boilerplate.json` (`drop_chrome`).
- entities are decoded however often they were escaped (`read.html.unescape`).
- metadata (`clean.metadata`): the page's structured data first, htmldate when it states no date.
- a trailing byline ("Lê Phương") becomes the author, through the same rules as plain text
  (`clean.common.trim_tail`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any
from urllib.parse import urlsplit

from sukien.clean.common import (
    Cleaned,
    boilerplate,
    fullmatch,
    normalise_published,
    outlet_from_url,
    outlet_named,
    strip_outlet_prefix,
    strip_outlet_suffix,
    trim_tail,
)
from sukien.clean.listing import listing_reason
from sukien.clean.metadata import SITE_SUFFIX, htmldate_of, page_metadata
from sukien.doc import RawRecord
from sukien.errors import Code, InputError
from sukien.read.html import squash, text_of
from sukien.settings import MAX_LEAD_CHARS, MIN_HEADLINE_AGREEMENT, MIN_LEAD_CHARS

# Class or id words that mark a lead paragraph on Vietnamese and international news sites
# (VnExpress p.description, Tuổi Trẻ/Thanh Niên/baochinhphu .detail-sapo, Dân trí .singular-sapo,
# VietnamNet .content-detail-sapo, Znews .the-article-summary, Nhân Dân .article__sapo, VOV
# .article-summary, QĐND .post-summary, Lao Động .chappeau - spelt with two p).
LEAD_HINTS = (
    "sapo",
    "description",
    "lead",
    "summary",
    "chapeau",
    "chappeau",
    "excerpt",
    "intro",
    "standfirst",
    "desc",
)


LEAD_TAGS = ("p", "h2", "h3", "div", "span", "strong", "em", "section")


PLAIN_LEAD_TAGS = ("p", "h2")  # compared with the description even without a marking class


# Ancestors whose text is never the lead nor the headline: navigation, related links, teasers.
# A `<header>` is chrome only when it holds no headline: articles wrap headline and lead in one.
NOT_LEAD_ANCESTORS = ("a", "nav", "footer", "li", "aside")


# Body element tags of trafilatura's output that are not text of the article.
SKIP_BODY_TAGS = {"graphic", "ref"}


# How many first paragraphs of trafilatura's body may hold the lead or the headline: what comes
# before the lead there is the top of the page (kicker, headline, date), not the article.
LEAD_WINDOW = 3


WORD = re.compile(r"\w+")


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
    listing: str | None = None  # why the page lists other pages rather than telling an article

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
    listing = listing_reason(tree)  # on the whole page, before trafilatura prunes it
    meta = page_metadata(tree)  # trafilatura prunes the tree: metadata, headline and lead first
    lead, lead_element = extract_lead(tree, meta.get("description"))
    headline = extract_headline(tree, meta["titles"], lead_element)
    title = headline or (meta["titles"][0] if meta["titles"] else None)
    paragraphs = drop_chrome(body_paragraphs(tree, url), title)
    paragraphs, lead = put_lead_first(paragraphs, lead)
    published = meta.get("published") or htmldate_of(html)
    return Page(
        paragraphs=paragraphs,
        lead=lead,
        title=title,
        published=published,
        authors=meta.get("authors", []),
        outlet=meta.get("outlet"),
        url=meta.get("url") or url,
        language=meta.get("language"),
        listing=listing,
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


def drop_chrome(paragraphs: list[str], title: str | None) -> list[str]:
    """The body without the page's chrome: lines of `page_chrome` and `drop_anywhere`, and the
    headline repeated at the top."""
    data = boilerplate()
    kept = [p for p in paragraphs if not (fullmatch(data.page_chrome, p) or fullmatch(data.drop_anywhere, p))]
    top = kept[:LEAD_WINDOW]
    if title and title in top:
        kept.pop(top.index(title))
    return kept


def put_lead_first(paragraphs: list[str], lead: str | None) -> tuple[list[str], str | None]:
    """(body, lead): the lead first, where trafilatura left it out, kept or put it after the page's
    top; no lead when its text is deep in the body (a marked element of the article, not its lead)."""
    if not lead:
        return paragraphs, None
    probe = lead[:120]
    for index, paragraph in enumerate(paragraphs):
        if probe not in paragraph:
            continue
        if index >= LEAD_WINDOW:
            return paragraphs, None
        return [strip_outlet_prefix(paragraph)[0], *paragraphs[index + 1 :]], lead
    return [lead, *paragraphs], lead


def extract_lead(tree: Any, description: str | None) -> tuple[str | None, Any]:
    """(text, element) of the lead as the page shows it: the element that agrees with the
    description, else the first marked element below a headline, else (no description) the first
    marked element; (None, None) when the page shows none."""
    # The description as stated, and without a trailing " - Site" (which may be part of the lead).
    wanted = {squash(description), squash(SITE_SUFFIX.sub("", description))} - {""} if description else set()
    below_headline: tuple[str, Any] | None = None
    first_marked: tuple[str, Any] | None = None
    seen_headline = False
    for element in tree.iter():
        if element.tag == "h1":
            seen_headline = seen_headline or _headline_text(element) is not None
            continue
        if element.tag not in LEAD_TAGS:
            continue
        marks = f"{element.get('class', '')} {element.get('id', '')}".lower()
        marked = any(hint in marks for hint in LEAD_HINTS)
        if not marked and element.tag not in PLAIN_LEAD_TAGS:
            continue  # a container's text is most of the page: costly, and never the lead
        text = strip_outlet_prefix(text_of(element.text_content()))[0]
        if not MIN_LEAD_CHARS <= len(text) <= MAX_LEAD_CHARS or _in_chrome(element):
            continue
        if any(_agrees(text, variant) for variant in wanted):
            return text, element
        if marked and seen_headline and below_headline is None:
            below_headline = (text, element)
        if marked and first_marked is None:
            first_marked = (text, element)
    # A description that no element shows says the lead is not on the page, unless the page
    # marks one below its headline (descriptions are often cut short, or the site's blurb).
    found = below_headline or (first_marked if not wanted else None)
    return found if found else (None, None)


def _agrees(text: str, description: str) -> bool:
    if text == description:
        return True
    shorter, longer = sorted((text, description), key=len)
    return len(shorter) >= 0.8 * len(longer) and longer.startswith(shorter.rstrip(".… "))


def extract_headline(tree: Any, titles: list[str], lead_element: Any = None) -> str | None:
    """The visible headline: the first `<h1>` that agrees with a title of the metadata, else the
    last `<h1>` above the lead, else (no metadata title) the first `<h1>`; None when the page shows
    none of these (a logo in an `<h1>`, a section name). Agreement is shared words, since
    `og:title` often says more than the headline."""
    wanted = [_words(strip_outlet_suffix(title)[0]) for title in titles]
    first = above_lead = None
    passed_lead = False
    for element in tree.iter():
        passed_lead = passed_lead or element is lead_element
        if element.tag != "h1":
            continue
        text = _headline_text(element)
        if text is None:
            continue
        words = _words(text)
        if any(_agreement(words, other) >= MIN_HEADLINE_AGREEMENT for other in wanted):
            return text
        first = first or text
        above_lead = above_lead if passed_lead else text
    if lead_element is not None:
        return above_lead
    return None if wanted else first


def _headline_text(element: Any) -> str | None:
    """An `<h1>`'s text, or None when it is chrome: inside navigation, or only a link (a logo)."""
    text = text_of(element.text_content())
    if not text or _in_chrome(element):
        return None
    links = "".join(link.text_content() for link in element.iter("a"))
    return None if links.split() and "".join(links.split()) == text.replace(" ", "") else text


def _words(text: str) -> set[str]:
    return set(WORD.findall(text.casefold()))


def _agreement(words: set[str], other: set[str]) -> float:
    """Shared words over the longer title's words (a logo shares a word or two with a title)."""
    return len(words & other) / max(len(words), len(other), 1)


def _in_chrome(element: Any) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag in NOT_LEAD_ANCESTORS:
            return True
        if parent.tag == "header" and parent.find(".//h1") is None:
            return True
        parent = parent.getparent()
    return False


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


# What a site's name may start with besides the outlet's own name ("Báo VnExpress" is VnExpress).
OUTLET_KIND = re.compile(r"^(?:báo|tạp chí|trang tin|tin tức)\s+", re.IGNORECASE)


def known_outlet(name: str | None) -> str | None:
    """The outlets table's name for a site name it lists, with or without a kind in front ("Báo
    VnExpress"), else the name as the page says."""
    if not name:
        return None
    return outlet_named(name) or outlet_named(OUTLET_KIND.sub("", name)) or name


def host_of(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url).hostname
    return host[4:] if host and host.startswith("www.") else host


def clean_record(record: RawRecord) -> Cleaned:
    """`clean.Cleaned` for an HTML record (registered for kind "html" in `clean.py`)."""
    url = record.fields.get("url") or (record.source if record.source.startswith("http") else None)
    page = extract_page(record.text, url)
    if page.listing:
        raise InputError(Code.LISTING, f"not an article: {page.listing}", record.source, record.line)
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
        # One site, one name, whatever its pages call themselves ("VnExpress", "Báo VnExpress"):
        # the outlet known for the host first, then the site's name as the outlets table knows it.
        outlet=outlet_from_url(url) or known_outlet(page.outlet) or credited or host_of(url),
        url=url,
        summary=page.lead,
    )
