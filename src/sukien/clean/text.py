"""Plain-text dumps of news pages: the article body and its metadata out of the page around it.

Dumps carry the page around the article: menus, breadcrumbs, a date line, bylines, repeated photo
captions, share buttons, related-article blocks and footers. Like trafilatura, the rules are small
`extract_*` functions over lines, and the boilerplate itself is data (`data/boilerplate.json`), so
a new outlet's footer is a new pattern, not new code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sukien.clean.common import (
    NAME_WORD,
    SENTENCE_END,
    UPPER_VI,
    WORD_RE,
    Cleaned,
    boilerplate,
    fullmatch,
    nfc,
    normalise_published,
    outlet_from_url,
    outlet_named,
    parse_date,
    strip_outlet_prefix,
    strip_outlet_suffix,
)
from sukien.doc import RawRecord
from sukien.settings import HEADER_LINES


def word_count(line: str) -> int:
    return len(WORD_RE.findall(line))


def is_menu_line(line: str) -> bool:
    data = boilerplate()
    return (
        line.casefold().strip(" :|>»") in data.menu_words
        or fullmatch(data.breadcrumb, line)
        or fullmatch(data.drop_anywhere, line)
    )


def is_caption(line: str) -> bool:
    return fullmatch(boilerplate().caption, line)


def is_slug(line: str, vietnamese: bool) -> bool:
    """An image's alt text or a URL slug left in the dump: "tbt to lam" in a text with diacritics."""
    return vietnamese and word_count(line) <= 8 and re.fullmatch(r"[a-z0-9][a-z0-9 _-]*", line) is not None


NAME_RE = re.compile(rf"{NAME_WORD}(?:\s+{NAME_WORD}){{1,4}}")


INITIALS_RE = re.compile(rf"[{UPPER_VI}]{{1,3}}(?:\s?\.\s?[{UPPER_VI}]{{1,3}})+\.?")


SEVERAL_NAMES_RE = re.compile(rf"{NAME_RE.pattern}(?:\s*[-–,]\s*{NAME_RE.pattern})+")


REPORTER_RE = re.compile(r"(?:nhóm )?(?:pv|phóng viên|ptv|btv|ctv|nhóm pv)(?:\s*/\s*\S+)?", re.I)


CREDIT_LABEL_RE = re.compile(r"^(?:bài(?:,| và) ảnh|bài|tin(?:,| và) ảnh|tác giả|người viết)\s*:\s*", re.I)


def author_name(line: str) -> str | None:
    """The author when `line` is only a byline: "Hà Thu", "T.P", "Hà Phương (tổng hợp)", "PV"."""
    if credited_outlet(line):
        return None  # "Báo Vietnamnet" credits an outlet, not a person
    text = CREDIT_LABEL_RE.sub("", line.strip())
    text = boilerplate().byline_marker.sub("", text).strip(" .,-–")
    if not text or word_count(text) > 8:
        return None
    if text.isupper() and word_count(text) <= 5 and not INITIALS_RE.fullmatch(text):
        text = text.title()  # "HẢI ANH" bylines
    for pattern in (NAME_RE, INITIALS_RE, SEVERAL_NAMES_RE, REPORTER_RE):
        if pattern.fullmatch(text):
            return text
    return None


def credited_outlet(line: str) -> str | None:
    """The outlet of a credit line ("Báo Vietnamnet", "Theo TTXVN", "Nguồn: VOV"), when known."""
    if not fullmatch(boilerplate().credit_line, line) or word_count(line) > 8:
        return None
    name = re.sub(r"^(?:theo|nguồn\s*:)\s*", "", line.strip(" .()"), flags=re.I)
    return outlet_named(name) or outlet_named(re.sub(r"^(?:báo|tạp chí|trang tin)\s+", "", name, flags=re.I))


def is_body_like(line: str) -> bool:
    words = word_count(line)
    return words >= 14 or (words >= 6 and line.endswith(SENTENCE_END))


def is_title_like(line: str) -> bool:
    words = word_count(line)
    return 3 <= words <= 40 and len(line) <= 300 and not (line.endswith(".") and words > 25)


def date_line(line: str) -> tuple[str, str] | None:
    """(ISO date, what else the line says) when the line is a date line or a byline with a date."""
    if len(line) > 100:
        return None
    found = parse_date(line)
    if not found:
        return None
    iso, match = found
    rest = line[: match.start()] + " " + line[match.end() :]
    rest = boilerplate().date_words.sub(" ", rest)
    rest = re.sub(r"[\s|,/()\-–—:]+", " ", rest).strip()
    if word_count(rest) > 6:
        return None
    return iso, rest


def content_lines(text: str) -> list[str]:
    """The non-blank lines of a dump, stripped; paragraphs are lines from here on."""
    return [line for line in (raw.strip() for raw in text.splitlines()) if line]


@dataclass
class Header:
    title: str | None
    title_index: int | None
    body_start: int
    published: str | None
    author: str | None


def extract_header(lines: list[str]) -> Header:
    """Title, date and byline above the body, and where the body starts."""
    title = published = author = None
    title_index = None
    for index, line in enumerate(lines[:HEADER_LINES]):
        dated = date_line(line)
        if dated:
            published = published or dated[0]
            author = author or author_name(dated[1]) if dated[1] else author
            continue
        if is_menu_line(line) or is_caption(line):
            continue
        if title is not None and author is None and author_name(line):
            author = author_name(line)
            continue
        if is_body_like(line) and (title is not None or word_count(line) > 40 or line.endswith(".")):
            return Header(title, title_index, index, published, author)
        if title is None and is_title_like(line):
            title, title_index = line, index
    # No body-like line in the header: everything after the title is the body.
    start = title_index + 1 if title_index is not None else 0
    return Header(title, title_index, start, published, author)


def extract_date(text: str) -> str | None:
    """The publication date of a dump: a date line above the body, else one under it."""
    lines = content_lines(text)
    header = extract_header(lines)
    if header.published:
        return header.published
    for line in reversed(lines[header.body_start :][-12:]):
        dated = date_line(line)
        if dated and word_count(dated[1]) <= 3:
            return dated[0]
    return None


RELATED_DATED_RE = re.compile(r".{12,300}\(\d{1,2}/\d{1,2}/\d{2,4}\)")


HEADLINE_BULLET_RE = re.compile(r"[-•*]\s+.{8,300}")


def is_related_dated(line: str) -> bool:
    return RELATED_DATED_RE.fullmatch(line) is not None


def starts_headline_list(lines: list[str], index: int) -> bool:
    """Three "- headline" lines without final punctuation: a list of other articles."""
    run = lines[index : index + 3]
    return len(run) == 3 and all(
        HEADLINE_BULLET_RE.fullmatch(line) and not line.endswith((".", ";", ":", ",")) for line in run
    )


def starts_repeated_headlines(lines: list[str], index: int) -> bool:
    """Teasers of related articles: a headline printed twice, then again within a few lines."""

    def doubled(i: int) -> bool:
        return i + 1 < len(lines) and lines[i] == lines[i + 1] and not lines[i].endswith(".")

    return doubled(index) and any(doubled(i) for i in range(index + 2, min(index + 8, len(lines))))


def body_end(lines: list[str], start: int) -> tuple[int, str | None]:
    """The index where the body stops, and the author when a byline marks the stop."""
    data = boilerplate()
    for index in range(start, len(lines)):
        line = lines[index]
        if index > start and (
            fullmatch(data.end_of_body, line)
            or is_related_dated(line)
            or starts_headline_list(lines, index)
            or starts_repeated_headlines(lines, index)
        ):
            return index, None
        if index > start and data.byline_marker.search(line) and author_name(line):
            return index, author_name(line)
    return len(lines), None


def is_tail_junk(line: str) -> bool:
    return (
        is_menu_line(line)
        or is_caption(line)
        or author_name(line) is not None
        or credited_outlet(line) is not None
        or date_line(line) is not None
    )


def repeats_neighbour(line: str, neighbour: str | None) -> bool:
    """A short caption line whose words the next or previous paragraph says again."""
    if neighbour is None or word_count(line) > 30 or len(neighbour) <= len(line) + 20:
        return False
    return line.rstrip(". ").casefold() in neighbour.casefold()


def drop_inline_boilerplate(lines: list[str]) -> list[str]:
    data = boilerplate()
    vietnamese = any("\u00c0" <= ch <= "\u1ef9" for ch in "".join(lines[:5]))
    kept: list[str] = []
    for index, line in enumerate(lines):
        line = data.inline_related.sub(" ", line)
        if fullmatch(data.drop_anywhere, line) or is_slug(line, vietnamese) or is_caption(line):
            continue
        if kept and line == kept[-1]:  # a caption printed twice
            continue
        after = lines[index + 1] if index + 1 < len(lines) else None
        if index > 0 and (
            repeats_neighbour(line, after) or repeats_neighbour(line, kept[-1] if kept else None)
        ):
            continue
        kept.append(line)
    return kept


@dataclass
class Body:
    text: str
    author: str | None = None
    outlet: str | None = None
    published: str | None = None


def extract_body(lines: list[str], start: int) -> Body:
    """The article's paragraphs from `start` to the last one, without the page around them."""
    end, author = body_end(lines, start)
    outlet = published = None
    body = drop_inline_boilerplate(lines[start:end])
    while len(body) > 1 and is_tail_junk(body[-1]):
        line = body.pop()
        author = author or author_name(line)
        outlet = outlet or credited_outlet(line)
        dated = date_line(line)
        published = published or (dated[0] if dated else None)
    if body:
        body[0], prefixed = strip_outlet_prefix(body[0])
        outlet = prefixed or outlet
    return Body("\n\n".join(body), author, outlet, published)


def clean_text_dump(record: RawRecord) -> Cleaned:
    """A plain-text dump of a page: find title, date, byline and the body between the page parts."""
    text = nfc(record.text)
    lines = content_lines(text)
    header = extract_header(lines)
    body = extract_body(lines, header.body_start)
    title, suffix_outlet = strip_outlet_suffix(header.title) if header.title else (None, None)
    fields = record.fields
    url = fields.get("url")
    return Cleaned(
        text=body.text,
        title=nfc(fields.get("title")) or title,
        published=normalise_published(fields.get("published")) or header.published or body.published,
        author=nfc(fields.get("author")) or header.author or body.author,
        outlet=nfc(fields.get("outlet")) or suffix_outlet or body.outlet or outlet_from_url(url),
        url=url,
        summary=nfc(fields.get("summary")),
    )
