"""What every cleaner shares: the `Cleaned` result, boilerplate as data (`data/boilerplate.json`), outlets,
publication dates, trailing credits and structured items (JSON Lines, feeds), which only get the
lead joined in front and a light trim of trailing credit lines.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from importlib import resources
from typing import Any

from sukien.doc import RawRecord
from sukien.settings import TAIL_CHARS

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


def cut_at(text: str, limit: int) -> str:
    """The text up to `limit` characters, ended at the last paragraph, else sentence, else word
    break in the last fifth before it, so that what is read ends where a reader would stop."""
    if len(text) <= limit:
        return text
    window_start = limit - limit // 5
    for separator in ("\n", ". ", " "):
        end = text.rfind(separator, window_start, limit)
        if end >= 0:
            return text[: end + len(separator)].rstrip()
    return text[:limit]


def _any_line(patterns: list[str]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


@dataclass(frozen=True)
class Boilerplate:
    end_of_body: re.Pattern[str]
    inline_related: re.Pattern[str]
    drop_anywhere: re.Pattern[str]
    page_chrome: re.Pattern[str]
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
        inline_related=_any_line(raw["inline_related"]),
        drop_anywhere=_any_line(raw["drop_anywhere"]),
        page_chrome=_any_line(raw["page_chrome"]),
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


def fullmatch(pattern: re.Pattern[str], line: str) -> bool:
    return pattern.fullmatch(line) is not None


NAME_WORD = rf"[{UPPER_VI}][a-zà-ỹđ'’]*(?:-[{UPPER_VI}]?[a-zà-ỹđ]+)?"


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
        tail_start = max(0, len(text) - TAIL_CHARS)
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
    text = boilerplate().inline_related.sub(" ", text)
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
