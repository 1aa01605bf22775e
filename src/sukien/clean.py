"""Stage `clean`: the article body and its metadata out of a raw record.

Plain-text dumps of news pages carry the page around the article: menus, breadcrumbs, a date
line, bylines, repeated photo captions, share buttons, related-article blocks and footers. Like
trafilatura, the rules are small `extract_*` functions over lines, and the boilerplate itself is
data (`data/boilerplate.json`), so a new outlet's footer is a new pattern, not new code.

Structured items (JSON Lines, feeds) already hold a clean body: they only get the lead joined in
front and a light trim of trailing credit lines ("Theo VnExpress", photo credits), which is fast
enough for the 80,000-article corpus.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import Any

from sukien.doc import Doc, RawRecord
from sukien.pipeline import stage

SENTENCE_END = tuple('.!?…"”’»)')
UPPER_VI = "A-ZÀ-ỸĐ"
WORD_RE = re.compile(r"\S+")


@dataclass
class Cleaned:
    text: str
    title: str | None = None
    published: str | None = None
    author: str | None = None
    outlet: str | None = None
    url: str | None = None
    summary: str | None = None


# --- boilerplate data ------------------------------------------------------------------------


def _any_line(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@dataclass(frozen=True)
class Boilerplate:
    end_of_body: re.Pattern[str]
    drop_anywhere: re.Pattern[str]
    caption: re.Pattern[str]
    breadcrumb: re.Pattern[str]
    byline_marker: re.Pattern[str]
    credit_line: re.Pattern[str]
    date_words: re.Pattern[str]
    menu_words: frozenset[str]
    outlet_by_alias: dict[str, str]
    outlet_by_domain: dict[str, str]
    outlet_prefix: re.Pattern[str]
    outlet_suffix: re.Pattern[str]


@cache
def boilerplate() -> Boilerplate:
    raw = json.loads(resources.files("sukien").joinpath("data/boilerplate.json").read_text("utf-8"))
    by_alias: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    for outlet in raw["outlets"]:
        for alias in [outlet["name"], *outlet["aliases"]]:
            by_alias[alias.casefold()] = outlet["name"]
        for domain in outlet["domains"]:
            by_domain[domain] = outlet["name"]
    aliases = "|".join(re.escape(a) for a in sorted(by_alias, key=len, reverse=True))
    return Boilerplate(
        end_of_body=_any_line(raw["end_of_body"]),
        drop_anywhere=_any_line(raw["drop_anywhere"]),
        caption=_any_line(raw["caption"]),
        breadcrumb=_any_line(raw["breadcrumb"]),
        byline_marker=_any_line(raw["byline_markers"]),
        credit_line=_any_line(raw["credit_line"]),
        date_words=re.compile(r"\b(?:" + "|".join(raw["date_words"]) + r")\b", re.IGNORECASE),
        menu_words=frozenset(w.casefold() for w in raw["menu_words"]),
        outlet_by_alias=by_alias,
        outlet_by_domain=by_domain,
        # "TCCS - ", "(Chinhphu.vn) - ", "Hà Nội, 22/9 (TTXVN) - " at the start of the lead.
        outlet_prefix=re.compile(
            rf"^(?:[{UPPER_VI}][^()\n]{{0,40}}?\s*)?\((?P<paren>{aliases})\)\s*[-–—:]\s*"
            rf"|^(?P<bare>{aliases})\s*[-–—]\s+",
            re.IGNORECASE,
        ),
        # "Title - VnExpress", "Title | Báo Dân trí".
        outlet_suffix=re.compile(rf"\s+[-–—|]\s+(?P<alias>{aliases})\s*$", re.IGNORECASE),
    )


def outlet_named(alias: str) -> str | None:
    return boilerplate().outlet_by_alias.get(alias.strip().strip("().").casefold())


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = re.sub(r"^[a-z]+://", "", url.lower()).split("/", 1)[0].split(":", 1)[0]
    for domain, name in boilerplate().outlet_by_domain.items():
        if host == domain or host.endswith("." + domain):
            return name
    return None


# --- dates -----------------------------------------------------------------------------------

# English month names and abbreviations ("Sunday, September 22, 2024" date lines).
MONTH_NAMES_EN = "january jan|february feb|march mar|april apr|may|june jun|july jul|august aug|"
MONTH_NAMES_EN += "september sep sept|october oct|november nov|december dec"
MONTHS_EN = {name: i for i, names in enumerate(MONTH_NAMES_EN.split("|"), start=1) for name in names.split()}
_EN = "|".join(sorted(MONTHS_EN, key=len, reverse=True))
TIME = r"(?P<hh>\d{1,2})\s*[:hg]\s*(?P<mm>\d{2})"
# Ordered: the first pattern that matches a line wins.
DATE_PATTERNS = [
    re.compile(rf"(?P<y>\d{{4}})-(?P<m>\d{{1,2}})-(?P<d>\d{{1,2}})(?:[T ]{TIME})?"),
    re.compile(rf"(?P<d>\d{{1,2}})[/.-](?P<m>\d{{1,2}})[/.-](?P<y>\d{{4}})\D{{1,12}}?{TIME}"),
    re.compile(rf"{TIME}\D{{1,16}}?(?P<d>\d{{1,2}})[/.-](?P<m>\d{{1,2}})[/.-](?P<y>\d{{4}})"),
    re.compile(r"(?P<d>\d{1,2})[/.-](?P<m>\d{1,2})[/.-](?P<y>\d{4})"),
    re.compile(r"(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2}),?\s+năm\s+(?P<y>\d{4})", re.I),
    re.compile(rf"(?P<mon>{_EN})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})", re.I),
    re.compile(rf"(?P<d>\d{{1,2}})\s+(?P<mon>{_EN})\.?,?\s+(?P<y>\d{{4}})", re.I),
]


def parse_date(text: str) -> tuple[str, re.Match[str]] | None:
    """The first date written in `text` as ISO ("2024-09-19" or "2024-09-19T15:00:00") and its match."""
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            parts = match.groupdict()
            month = MONTHS_EN[parts["mon"].lower()] if parts.get("mon") else int(parts["m"])
            try:
                day = date(int(parts["y"]), month, int(parts["d"]))
                if parts.get("hh") is not None:
                    stamp = datetime(day.year, day.month, day.day, int(parts["hh"]), int(parts["mm"]))
                    return stamp.isoformat(), match
            except ValueError:
                continue
            return day.isoformat(), match
    return None


def normalise_published(value: Any) -> str | None:
    """An ISO date or date-time from whatever a record states, or None."""
    if value is None or value == "":
        return None
    if isinstance(value, int | float):
        return datetime.fromtimestamp(value).isoformat()
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return text if parse_date(text) else None
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        found = parse_date(text)
        return found[0] if found else None


# --- line classifiers ------------------------------------------------------------------------


def word_count(line: str) -> int:
    return len(WORD_RE.findall(line))


def fullmatch(pattern: re.Pattern[str], line: str) -> bool:
    return pattern.fullmatch(line) is not None


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


NAME_WORD = rf"[{UPPER_VI}][a-zà-ỹđ'’]*(?:-[{UPPER_VI}]?[a-zà-ỹđ]+)?"
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


# --- extract_* -------------------------------------------------------------------------------


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


HEADER_LINES = 15  # the title and date sit within the first few lines of a dump


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


def extract_title(text: str) -> str | None:
    return extract_header(content_lines(text)).title


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


def strip_outlet_prefix(line: str) -> tuple[str, str | None]:
    match = boilerplate().outlet_prefix.match(line)
    if not match or match.end() >= len(line):
        return line, None
    return line[match.end() :], outlet_named(match.group("paren") or match.group("bare"))


def strip_outlet_suffix(title: str) -> tuple[str, str | None]:
    match = boilerplate().outlet_suffix.search(title)
    if not match or match.start() < 10:
        return title, None
    return title[: match.start()].rstrip(), outlet_named(match.group("alias"))


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


def extract_author(text: str) -> str | None:
    lines = content_lines(text)
    header = extract_header(lines)
    return header.author or extract_body(lines, header.body_start).author


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


# --- structured items (JSON Lines, feeds) -----------------------------------------------------

# Trailing credits of corpus bodies: "... la-zăng. Theo Vnreview", "(Theo Reuters)", "Ảnh: Sina.".
AFTER_SENTENCE = r"(?:(?<=[.!?…\"”)\n])|^)"
TRAILING_CREDIT_RE = re.compile(
    AFTER_SENTENCE + r"\s*(?:\(\s*theo\s+(?P<paren>[^()\n]{1,50})\)|theo\s+(?P<bare>[^.,!?()\n]{1,40})"
    r"|\(?\s*(?:ảnh|nguồn)\s*:[^()\n]{1,60}\)?)\s*\.?\s*$",
    re.IGNORECASE,
)
# "... cuộc sống. Kim Thanh (T/h)" / "Mộc Miên (Tổng hợp)".
TRAILING_BYLINE_RE = re.compile(
    AFTER_SENTENCE + rf"\s*(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{0,4}})\s*"
    r"\((?:t/h|th|tổng hợp|theo [^()\n]{1,40})\)\s*\.?\s*$",
    re.IGNORECASE,
)
TAIL = 400  # only the end of a body is searched: the patterns are anchored there


def source_outlet(credit: str) -> str | None:
    """The outlet a "Theo ..." credit names: "Vnexpress", "Nhân hà/ Dantri" (the last part)."""
    for part in (credit, credit.rsplit("/", 1)[-1]):
        name = outlet_named(part)
        if name:
            return name
    return None


def trim_tail(text: str) -> tuple[str, str | None, str | None]:
    """Drop trailing credits, captions and a byline: (body, the byline's name, the credited outlet)."""
    author = outlet = None
    for _ in range(3):
        tail_start = max(0, len(text) - TAIL)
        last_newline = text.rfind("\n", tail_start)
        if last_newline > 0 and fullmatch(boilerplate().caption, text[last_newline:].strip()):
            text = text[:last_newline].rstrip()
            continue
        match = TRAILING_BYLINE_RE.search(text, tail_start) or TRAILING_CREDIT_RE.search(text, tail_start)
        if not match or match.start() == 0:
            break
        groups = match.groupdict()
        author = author or groups.get("name")
        credit = groups.get("paren") or groups.get("bare")
        outlet = outlet or (source_outlet(credit) if credit else None)
        text = text[: match.start()].rstrip()
    return text, author, outlet


def squash(text: str) -> str:
    return " ".join(text.split())


def join_lead(summary: str | None, text: str) -> str:
    """The body with its lead in front, unless the text already holds the lead."""
    if not summary:
        return text
    lead = squash(summary)
    probe = lead[:120]
    if probe and probe in squash(text[: len(text)]):
        return text
    return f"{summary}\n\n{text}" if text else summary


def clean_structured(record: RawRecord) -> Cleaned:
    fields = record.fields
    summary = nfc(fields.get("summary"))
    text, author, credited = trim_tail(nfc(record.text).strip())
    if summary:
        summary = summary.strip()
    url = fields.get("url")
    title = nfc(fields.get("title"))
    return Cleaned(
        text=join_lead(summary, text),
        title=title.strip() if title else None,
        published=normalise_published(fields.get("published")),
        author=nfc(fields.get("author")) or author,
        outlet=nfc(fields.get("outlet")) or credited or outlet_from_url(url),
        url=url,
        summary=summary,
    )


def nfc(value: Any) -> Any:
    if not isinstance(value, str) or unicodedata.is_normalized("NFC", value):
        return value
    return unicodedata.normalize("NFC", value)


def clean_html(record: RawRecord) -> Cleaned:
    from sukien.html import clean_record  # imported late: html.py uses this module's helpers

    return clean_record(record)


# Per record kind (a WARC record is a page: kind "html"); other kinds use `register_extractor`.
EXTRACTORS: dict[str, Callable[[RawRecord], Cleaned]] = {
    "text": clean_text_dump,
    "jsonl": clean_structured,
    "feed": clean_structured,
    "html": clean_html,
}


def register_extractor(kind: str, extractor: Callable[[RawRecord], Cleaned]) -> None:
    EXTRACTORS[kind] = extractor


@stage(
    "clean", requires=("record",), adds=("text", "title", "published", "author", "outlet", "url", "summary")
)
def clean(doc: Doc) -> Doc:
    record = doc.record
    extractor = EXTRACTORS.get(record.kind, clean_text_dump)
    cleaned = extractor(record)
    doc.text = cleaned.text
    doc.title = cleaned.title
    doc.published = cleaned.published
    doc.author = cleaned.author
    doc.outlet = cleaned.outlet
    doc.url = cleaned.url
    doc.summary = cleaned.summary
    return doc


def _clean_html(record: RawRecord) -> Cleaned:
    from sukien.html import clean_record  # issue 4: pages and WARC records (imports trafilatura)

    return clean_record(record)


register_extractor("html", _clean_html)
