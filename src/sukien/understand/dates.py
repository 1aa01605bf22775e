"""The date grammar: dates and date ranges in Vietnamese news, resolved to calendar dates.

`find_dates(text, published)` returns the `DateMention`s of a text in text order, without
overlaps: single days ("Sáng 21.9.2024", "tối 8/11", "14:30 ngày 5 tháng 10 năm 2024"), ranges
("từ 14-17/11", "từ ngày 30/9 đến ngày 7/10/2024", "ngày 10 và 11/11"), months ("tháng 11/2017",
"cuối tháng 5"), years ("năm 2023") and, when the article's date is known, words relative to it
("hôm qua", "tuần tới", "sáng nay").

Hand-written rather than dateparser: dateparser reads one full date per string (no ranges, no
"Sáng 21.9.2024", see TOOLKIT.md) at ~3.5k strings/s, far too slow to try at every number of
80,000 articles. Here one compiled regex finds every candidate in a single pass; the context
around it (a cue word before, a unit after) decides whether a bare "8/11" is a date or a ratio.

Years: a date without one takes it from the nearest preceding full date in the text when that is
near the article's date (or when the article is undated), else from the publication date, moved
to the neighbouring year when the day would fall far from it ("28/12" in a January article).
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from importlib import resources
from typing import NamedTuple

from sukien.doc import DateMention
from sukien.settings import (
    AHEAD_AT_MOST_DAYS,
    BEHIND_AT_MOST_DAYS,
    DATE_LEFT_WINDOW,
    RANGE_AT_MOST_DAYS,
    STORY_DAYS,
)

# --- Vocabulary ---------------------------------------------------------------------------------


def _vocabulary() -> dict:
    return json.loads(resources.files("sukien").joinpath("data/dates_vi.json").read_text("utf-8"))


_VOCABULARY = _vocabulary()
PARTS_OF_DAY: tuple[str, ...] = tuple(_VOCABULARY["parts_of_day"]["words"])
RELATIVE: dict[str, tuple[str, int]] = {k: tuple(v) for k, v in _VOCABULARY["relative"]["phrases"].items()}
RELATIVE_AFTER_PART_OF_DAY: dict[str, int] = _VOCABULARY["relative_after_part_of_day"]["words"]
COUNT_WORDS: tuple[str, ...] = tuple(_VOCABULARY["count_words"]["words"])
WEAK_CUES: tuple[str, ...] = tuple(_VOCABULARY["weak_cues"]["words"])
YEAR_SHIFT_AFTER: dict[str, int] = _VOCABULARY["year_shift_after"]["words"]
UNITS_AFTER: tuple[str, ...] = tuple(_VOCABULARY["units_after"]["words"])
REFERENCE_ZONES: tuple[str, ...] = tuple(_VOCABULARY["reference_zones"]["words"])

# --- Patterns -----------------------------------------------------------------------------------


def _alternatives(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _grouped(phrases) -> str:
    """ "hôm nay|hôm qua|ngày mai" as "hôm\\s+(?:nay|qua)|ngày\\s+mai": one branch per head word, which
    the regex engine tries far faster than one branch per phrase."""
    tails: dict[str, list[str]] = {}
    for phrase in phrases:
        head, _, tail = phrase.rpartition(" ")
        tails.setdefault(head, []).append(tail)
    heads = sorted(tails, key=len, reverse=True)
    return "|".join(rf"{_alternatives([h])}\s+(?:{_alternatives(tails[h])})" for h in heads)


_D = r"(?:3[01]|[12]\d|0?[1-9])"
_M = r"(?:1[0-2]|0?[1-9])"
_Y = r"(?:1[89]\d\d|20\d\d)"
_SEP = r"\s?[/.\-]\s?"
_START = r"(?<![\w.,/:\-–])"  # not inside a number, a code or a word
_END = r"(?![\w%]|[/.\-]\d|\s?/\s?\d|[/\-][^\W\d_])"  # not followed by more digits or "/NĐ-CP"
_CONN_DAYS = r"(?:\s?[-–—]\s?|\s?,\s?|\s+(?:và|đến|tới)\s+(?:ngày\s+)?)"
_CONN_DATES = r"(?:\s?[-–—]\s?|\s+(?:đến|tới|cho\s+đến)\s+(?:hết\s+)?(?:ngày\s+)?)"
_CONN_MONTHS = r"(?:\s?[-–—]\s?|\s+(?:đến|tới|và)\s+(?:hết\s+)?(?:tháng\s+)?)"
_YEAR_WORD = r"(?:\s*,?\s*năm\s+|\s?[/\-]\s?)"

# Each form is one alternative of the master pattern; at one position the first that matches
# wins, so the longer forms come first.
_FORMS = {
    # 29/10-1/11, từ 30/9 đến ngày 7/10/2024, 31/12/2024 đến 2/1/2025
    "dates": rf"{_START}(?P<a_d1>{_D})(?P<a_s1>{_SEP})(?P<a_m1>{_M})(?:(?P<a_s2>{_SEP})(?P<a_y1>{_Y}))?"
    rf"{_CONN_DATES}(?P<a_d2>{_D})(?P<a_s3>{_SEP})(?P<a_m2>{_M})(?:(?P<a_s4>{_SEP})(?P<a_y2>{_Y}))?{_END}",
    # 14-17/11, 22 đến 26/9/2024, 10 và 11/11, 15, 16/4/2019, 22 đến 26 tháng 9
    "days": rf"{_START}(?P<b_days>{_D}(?:{_CONN_DAYS}{_D})+)"
    rf"(?:(?P<b_s1>{_SEP})(?P<b_m>{_M})(?:(?P<b_s2>{_SEP})(?P<b_y>{_Y}))?"
    rf"|\s+tháng\s+(?P<b_wm>{_M})(?:{_YEAR_WORD}(?P<b_wy>{_Y}))?){_END}",
    # 22-9-2024, 21.9.2024, 19/09/2024
    "dmy": rf"{_START}(?P<c_d>{_D})(?P<c_s1>{_SEP})(?P<c_m>{_M})(?P<c_s2>{_SEP})(?P<c_y>{_Y}){_END}",
    # 5 tháng 10 năm 2024, 5 tháng 10
    "words": rf"{_START}(?P<d_d>{_D})\s+tháng\s+(?P<d_m>{_M})(?:{_YEAR_WORD}(?P<d_y>{_Y}))?{_END}",
    # 8/11, 12-3, 20/01
    "dm": rf"{_START}(?P<e_d>{_D})(?P<e_s>{_SEP})(?P<e_m>{_M}){_END}",
    # tháng 9-10/2024, từ tháng 9 đến tháng 11
    "months": rf"\btháng\s+(?P<f_m1>{_M}){_CONN_MONTHS}(?P<f_m2>{_M})"
    rf"(?:(?:{_SEP}|\s*,?\s*năm\s+)(?P<f_y>{_Y}))?{_END}",
    # tháng 11/2017, tháng 11 năm 2017
    "month_year": rf"\btháng\s+(?P<g_m>{_M})(?:{_SEP}|\s*,?\s*năm\s+)(?P<g_y>{_Y}){_END}",
    # tháng 11
    "month": rf"\btháng\s+(?P<h_m>{_M}){_END}",
    # năm 2023, năm 2012 - 2017
    "year": rf"\bnăm\s+(?P<i_y1>{_Y})(?:\s?[-–]\s?(?P<i_y2>{_Y}))?{_END}",
    # hôm qua, tuần tới, sáng nay
    "relative": rf"\b(?P<j_phrase>{_grouped(RELATIVE)}"
    rf"|(?P<j_pod>{_alternatives(PARTS_OF_DAY)})\s+(?P<j_word>{_alternatives(RELATIVE_AFTER_PART_OF_DAY)}))\b",
}
# The master pattern runs over the lower-cased text, without IGNORECASE, behind a lookahead on
# the first characters a date can start with: ~7x faster than the plain alternation.
_FIRST_WORDS = {p.split()[0] for p in (*RELATIVE, *PARTS_OF_DAY)} | {"tháng", "năm"}
_MASTER = re.compile(
    rf"(?=\d|{_alternatives(_FIRST_WORDS)})(?:"
    + "|".join(f"(?P<{name}>{body})" for name, body in _FORMS.items())
    + ")"
)
_FORM_PATTERNS = {name: re.compile(f"(?P<{name}>{body})") for name, body in _FORMS.items()}
_FORMS_AFTER = {name: list(_FORMS)[i + 1 :] for i, name in enumerate(_FORMS)}
# Only the explicit single-day forms may follow "hôm nay (12/10)", "sáng nay 27/1".
_EXPLICIT_DAY = re.compile("|".join(f"(?P<{n}>{_FORMS[n]})" for n in ("dmy", "words", "dm")))

_TIME = r"\d{1,2}\s?(?::\s?\d{2}|[hg]\s?\d{0,2}|giờ(?:\s?\d{1,2}(?:\s?phút)?)?)"
# What may stand right before a date and belongs to the mention: a time, a part of the day,
# a weekday, "ngày"/"hôm", an opening parenthesis.
_PREFIX = re.compile(
    rf"(?:(?P<time>(?<!\w){_TIME})\s*,?\s*)?"
    rf"(?:(?P<pod>\b(?:{_alternatives(PARTS_OF_DAY)}))\s*,?\s*)?"
    r"(?:(?P<weekday>\b(?:thứ\s+(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s+nhật))\s*,?\s*)?"
    r"(?:(?P<day>\b(?:ngày|hôm))\s+)?"
    r"(?P<paren>\(\s*)?$",
    re.IGNORECASE,
)
_WEAK_CUE = re.compile(rf"(?:\b(?:{_alternatives(WEAK_CUES)})|[(:–-])\s*$", re.I)
_LINE_START = re.compile(r"(?:^|\n)\s*$")
_COUNT_BEFORE = re.compile(rf"(?:\d|\b(?:{_alternatives(COUNT_WORDS)}|những|các|mỗi|hằng|hàng))\s*$", re.I)
_DURATION_BEFORE_YEAR = re.compile(
    r"(?:\d+\s+tháng(?:\s+(?:đầu|cuối|giữa))?|những|các|thập\s+(?:niên|kỷ))\s*$", re.I
)
_TARGET_BEFORE_YEAR = re.compile(r"\b(?:đến|tới|tầm\s+nhìn|trước|sau)\s*$", re.I)
_COUNT_BEFORE_MONTH = re.compile(r"(?:\d|\b(?:mỗi|hằng|hàng|một))\s*$", re.I)
_UNIT_AFTER = re.compile(rf"\s*(?:{_alternatives(UNITS_AFTER)})(?!\w)", re.I)
_YEAR_SHIFT = re.compile(rf"\s*,?\s*(?:của\s+)?năm\s+(?P<shift>{_alternatives(YEAR_SHIFT_AFTER)})\b", re.I)
_DIRECTION = re.compile(
    r"\s+(?:(?P<past>vừa\s+qua|vừa\s+rồi|qua(?=\s*(?:[,.;:)]|$)))"
    r"|(?P<future>tới\s+đây|sắp\s+tới|tới(?=\s*(?:[,.;:)]|sẽ\b|$))))",
    re.I,
)
_REFERENCE_AFTER = re.compile(rf"\s*,?\s*(?:theo\s+)?giờ\s+(?:{_alternatives(REFERENCE_ZONES)})\b", re.I)
_LUNAR_AFTER = re.compile(r"\s*\)?\s*\(?(?:âm\s+lịch|al\b)", re.I)
_CLOSE_PAREN = re.compile(r"\s*\)")
_BEFORE_EXPLICIT = re.compile(r"\s*,?\s*(?P<paren>\(\s*)?")
# Cheap pre-check: no digit and no relative word, no date.
_ANY_CUE = re.compile(r"\d|hôm|mai|tuần|tháng|năm|nay|qua", re.I)

_ANCHOR_WITHIN = timedelta(days=400)  # a full date this near the article's date sets the year


# --- Parsing ------------------------------------------------------------------------------------

MonthDay = tuple[int, int | None]  # day None at month precision
MonthDays = tuple[MonthDay, MonthDay]  # first and last


class _Core(NamedTuple):
    precision: str
    month_days: MonthDays | None  # None for a year
    first_year: int | None
    last_year: int | None


@dataclass
class _Found:
    """A date as the text states it; `dates` is None until the year is settled."""

    start: int
    end: int
    precision: str
    month_days: MonthDays | None
    year_stated: bool
    dates: tuple[date, date] | None = None
    part_of_day: str | None = None
    year_shift: int | None = None  # "năm ngoái" after the date
    direction: int = 0  # -1 "vừa qua", +1 "tới"
    sets_year: bool = True  # False for a target, "đến năm 2030", which says nothing of the text's year


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _normal(words: str) -> str:
    return " ".join(words.lower().split())


def _seps_are(match: re.Match[str], names: tuple[str, ...], allowed: str) -> bool:
    return all(match.group(n) is None or match.group(n).strip() in allowed for n in names)


def _seps_spaced(match: re.Match[str], names: tuple[str, ...]) -> bool:
    return any(match.group(n) is not None and match.group(n) != match.group(n).strip() for n in names)


def _span_years(month_days: MonthDays, first: int | None, last: int | None) -> tuple[int, int] | None:
    """Both years from the one stated, across a year end when the months run backwards."""
    (m1, d1), (m2, d2) = month_days
    backwards = (m1, d1 or 0) > (m2, d2 or 0)
    if first is not None and last is not None:
        return first, last
    if first is not None:
        return first, first + 1 if backwards else first
    if last is not None:
        return last - 1 if backwards else last, last
    return None


def _dates(month_days: MonthDays, years: tuple[int, int]) -> tuple[date, date] | None:
    """First and last calendar day; None for an impossible date (31/4, 29/2 of a common year)."""
    (m1, d1), (m2, d2) = month_days
    try:
        first = date(years[0], m1, d1 or 1)
        last = date(years[1], m2, d2 or calendar.monthrange(years[1], m2)[1])
    except ValueError:
        return None
    return (first, last) if first <= last else None


def _possible(month_days: MonthDays) -> bool:
    """Whether the days exist in some year (2000 is a leap year: 29/2 may)."""
    return all(day is None or day <= calendar.monthrange(2000, month)[1] for month, day in month_days)


def _days_apart(month_days: MonthDays) -> int:
    """Days from first to last of a range without a year, over the new year if need be."""
    (m1, d1), (m2, d2) = month_days
    first, last = date(2001, m1, min(d1 or 1, 28)), date(2001, m2, min(d2 or 1, 28))
    return (last - first).days % 365


def _core(match: re.Match[str]) -> _Core | None:
    """What a matched form states, None if it is not a date after all."""
    form, g = match.lastgroup, match.group
    if form == "dates":
        first_year, last_year = _int(g("a_y1")), _int(g("a_y2"))
        if first_year and last_year and last_year - first_year > 1:
            return None  # an anniversary, "(9/11/1953 - 9/11/2024)": two dates, not a range
        md = ((int(g("a_m1")), int(g("a_d1"))), (int(g("a_m2")), int(g("a_d2"))))
        if not (first_year or last_year) and _days_apart(md) > RANGE_AT_MOST_DAYS:
            return None  # "từ 1/3 - 1/2 thời gian" is a fraction, no event runs eleven months
        return _Core("day", md, first_year, last_year)
    if form == "days":
        days = [int(d) for d in re.findall(r"\d+", g("b_days"))]
        if any(b <= a for a, b in zip(days, days[1:], strict=False)):
            return None
        month, year = int(g("b_m") or g("b_wm")), _int(g("b_y") or g("b_wy"))
        return _Core("day", ((month, days[0]), (month, days[-1])), year, year)
    if form == "dmy":
        if g("c_s1").strip() != g("c_s2").strip():
            return None
        day = (int(g("c_m")), int(g("c_d")))
        return _Core("day", (day, day), int(g("c_y")), int(g("c_y")))
    if form in ("words", "dm"):
        p = "d" if form == "words" else "e"
        day = (int(g(f"{p}_m")), int(g(f"{p}_d")))
        year = _int(g("d_y")) if form == "words" else None
        return _Core("day", (day, day), year, year)
    if form == "months":
        m1, m2 = int(g("f_m1")), int(g("f_m2"))
        return _Core("month", ((m1, None), (m2, None)), _int(g("f_y")), _int(g("f_y"))) if m1 < m2 else None
    if form in ("month_year", "month"):
        p = "g" if form == "month_year" else "h"
        whole: MonthDay = (int(g(f"{p}_m")), None)
        year = _int(g("g_y")) if form == "month_year" else None
        return _Core("month", (whole, whole), year, year)
    if form == "year":
        first, last = int(g("i_y1")), int(g("i_y2") or g("i_y1"))
        return _Core("year", None, first, last) if last >= first else None
    return None


def _accept(
    form: str, match: re.Match[str], text: str, prefix: re.Match[str], before: str, stated: bool
) -> bool:
    """Whether the context makes this match a date; `before` is the text left of the prefix."""
    strong = any(prefix.group(name) for name in ("pod", "weekday", "day", "paren"))
    weak = strong or bool(_WEAK_CUE.search(before))
    if not stated and _UNIT_AFTER.match(text, match.end()):
        return False
    if _LUNAR_AFTER.match(text, match.end()):
        return False  # "(11/1 âm lịch)": a date of the lunar calendar
    if form in ("dmy", "month_year", "months"):
        return True
    if form == "dates":
        slashes = _seps_are(match, ("a_s1", "a_s2", "a_s3", "a_s4"), "/")
        return stated or (slashes and not _seps_spaced(match, ("a_s1", "a_s3"))) or strong
    if form == "days":
        if stated:
            return True
        dashes_only = not re.search(r"[,\w]", re.sub(r"\d", "", match.group("b_days")))
        if match.group("b_s1") is not None:
            if match.group("b_s1").strip() == "." and weak:
                return True  # "từ ngày 18 - 22.8": the dotted month of VnExpress and Thanh Niên
            slash = match.group("b_s1").strip() == "/"
            if not slash and dashes_only:
                return False  # "3-5-2" is a football formation; days and month need a "/"
            return (slash and (dashes_only or weak)) or strong
        return weak
    if form == "words":
        return stated or weak
    if form == "dm":
        if match.group("e_s") == "/":
            # A schedule line, "8/11: Khai mạc", needs no cue word.
            return weak or bool(_LINE_START.search(before) and re.match(r"\s*[,:–-]", text[match.end() :]))
        return strong
    if form == "month":
        return not _COUNT_BEFORE_MONTH.search(before)
    if form == "year":
        return not _DURATION_BEFORE_YEAR.search(before)
    return False


def _from_match(match: re.Match[str], text: str, floor: int, start: int | None = None) -> _Found | None:
    """A `_Found` for one master-pattern match (a date form, not a relative word), or None.

    `start` is given when a relative word stands before the date ("hôm nay (12/10)"): that word
    is then both the cue and the start of the mention."""
    core = _core(match)
    if core is None or (core.month_days and not _possible(core.month_days)):
        return None
    window_start = max(floor, match.start() - DATE_LEFT_WINDOW)
    prefix = _PREFIX.search(text, window_start, match.start())
    assert prefix is not None  # every part of it is optional
    before = text[window_start : prefix.start()]
    stated = core.first_year is not None or core.last_year is not None
    if start is None and not _accept(str(match.lastgroup), match, text, prefix, before, stated):
        return None
    span_start = next((prefix.start(n) for n in ("time", "pod", "weekday", "day") if prefix.group(n)), None)
    found = _Found(
        start if start is not None else match.start() if span_start is None else span_start,
        match.end(),
        core.precision,
        core.month_days,
        stated,
        part_of_day=_normal(prefix.group("pod")) if prefix.group("pod") else None,
    )
    if core.month_days is None and core.first_year and core.last_year:  # a year
        found.dates = (date(core.first_year, 1, 1), date(core.last_year, 12, 31))
        found.sets_year = not _TARGET_BEFORE_YEAR.search(before)
    elif core.month_days and stated:
        years = _span_years(core.month_days, core.first_year, core.last_year)
        found.dates = _dates(core.month_days, years) if years else None
        if found.dates is None:
            return None
    if prefix.group("paren") and span_start is not None and span_start < prefix.start("paren"):
        close = _CLOSE_PAREN.match(text, found.end)  # "thứ hai (29-10)"
        found.end = close.end() if close else found.end
    if not stated and core.month_days:
        _read_year_words(found, text)
    return found


def _read_year_words(found: _Found, text: str) -> None:
    """ "tháng 11 năm ngoái", "ngày 12/9 vừa qua", "tháng 11 tới": what follows says the year."""
    shift = _YEAR_SHIFT.match(text, found.end)
    if shift:
        found.year_shift = YEAR_SHIFT_AFTER[_normal(shift.group("shift"))]
        found.end = shift.end()
        return
    direction = _DIRECTION.match(text, found.end)
    if direction:
        found.direction = -1 if direction.group("past") else 1
        found.end = direction.end()


def _relative(phrase: str, published: date) -> tuple[str, date, date]:
    """(precision, first, last) of a relative phrase read against the publication date."""
    if phrase in RELATIVE:
        unit, offset = RELATIVE[phrase]
    else:
        unit, offset = "day", RELATIVE_AFTER_PART_OF_DAY[phrase.split()[-1]]
    if unit == "day":
        day = published + timedelta(days=offset)
        return "day", day, day
    if unit == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
        return "day", monday, monday + timedelta(days=6)
    if unit == "month":
        year, month = divmod(published.year * 12 + published.month - 1 + offset, 12)
        month += 1
        return "month", date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    year = published.year + offset
    return "year", date(year, 1, 1), date(year, 12, 31)


def _from_relative(match: re.Match[str], text: str, published: date | None, floor: int) -> _Found | None:
    """ "hôm nay (12/10)", "Sáng nay 27/1": the explicit date wins; else the relative word alone."""
    pod = _normal(match.group("j_pod")) if match.group("j_pod") else None
    after = _BEFORE_EXPLICIT.match(text, match.end())
    assert after is not None  # every part of it is optional
    explicit = _EXPLICIT_DAY.match(text, after.end())
    item = _from_match(explicit, text, after.end(), start=match.start()) if explicit else None
    if item is not None:
        item.part_of_day = pod or item.part_of_day
        if after.group("paren"):
            close = _CLOSE_PAREN.match(text, item.end)
            item.end = close.end() if close else item.end
        return item
    if published is None:
        return None
    phrase = _normal(match.group("j_phrase"))
    counted = _COUNT_BEFORE.search(text, max(floor, match.start() - 12), match.start())
    if counted and phrase.split()[0] in ("tuần", "tháng", "năm"):
        return None  # "5 năm tới" is a duration
    precision, first, last = _relative(phrase, published)
    return _Found(match.start(), match.end(), precision, None, False, (first, last), part_of_day=pod)


def _item(match: re.Match[str], text: str, published: date | None, floor: int) -> _Found | None:
    if match.lastgroup == "relative":
        return _from_relative(match, text, published, floor)
    return _from_match(match, text, floor)


def _scan(text: str, published: date | None) -> list[_Found]:
    """Every date of `text` (lower-cased), left to right; a rejected candidate frees its characters
    for one starting further on."""
    found: list[_Found] = []
    pos = floor = 0
    while match := _MASTER.search(text, pos):
        item = _item(match, text, published, floor)
        # Rejected: the shorter forms may still read a date here ("9/11/1953" of an anniversary).
        for form in _FORMS_AFTER[str(match.lastgroup)]:
            if item is not None:
                break
            shorter = _FORM_PATTERNS[form].match(text, match.start())
            item = _item(shorter, text, published, floor) if shorter else None
        if item is None:
            pos = match.start() + 1
            continue
        found.append(item)
        pos = floor = item.end
    return found


# --- Years --------------------------------------------------------------------------------------


def resolve(mention: DateMention, year: int) -> DateMention:
    """`mention` dated in `year`: the year of its first day (a range over the new year ends in the next).

    For the extractor, once it knows the year an article is about; a mention that cannot be dated
    that way (no day and month, or 29/2 of a common year) comes back unchanged.
    """
    if mention.month_days is None:
        return mention
    years = _span_years(mention.month_days, year, None)
    dates = _dates(mention.month_days, years) if years else None
    if dates is None:
        return mention
    return replace(mention, first=dates[0], last=dates[1])


def _year_near(month_day: MonthDay, anchor: date, direction: int = 0) -> int:
    """The year that puts day/month sensibly near `anchor`: before it after "vừa qua", after it
    after "tới", else in the same year unless that lands far ahead of or behind it."""
    month, day = month_day
    year = anchor.year
    on = date(year, month, min(day or 15, 28))
    if direction < 0:
        return year if on <= anchor else year - 1
    if direction > 0:
        return year if on >= anchor else year + 1
    gap = (on - anchor).days
    if gap > AHEAD_AT_MOST_DAYS:
        return year - 1
    if gap < -BEHIND_AT_MOST_DAYS:
        return year + 1
    return year


class _Known(NamedTuple):
    """A date of the text whose year is stated: what dates the others."""

    position: int
    precision: str
    first: date
    last: date
    sets_year: bool


def _year_for(item: _Found, index: int, known: list[_Known], published: date | None) -> int | None:
    """The year of a mention whose text gives none, from the article's date and its other dates."""
    assert item.month_days is not None
    month_day = item.month_days[0]
    before = [k for k in known if k.position < index]
    after = [k for k in known if k.position > index]
    if item.year_shift is not None:  # "năm ngoái": relative to the article's year
        base = published or (before[-1].last if before else after[0].first if after else None)
        return base.year + item.year_shift if base else None
    if published is not None:
        year = _year_near(month_day, published, item.direction)
        story = [k for k in before if k.precision == "day"]
        if item.direction or not story or abs(story[-1].last - published) > _ANCHOR_WITHIN:
            return year
        # A story that goes on a few days after a full date ("Ngày 5/6/2023 ... ngày 7/6") keeps
        # its year, if that date is near the article's; an old one ("2/12/1960") does not count.
        in_story = _year_near(month_day, story[-1].last)
        on = date(in_story, month_day[0], min(month_day[1] or 15, 28))
        return in_story if abs((on - story[-1].last).days) <= STORY_DAYS else year
    # An undated article: the nearest full date before, else a year before, else the same after.
    for pool, nearest in ((before, -1), (after, 0)):
        dated = [k for k in pool if k.precision != "year"]
        if dated:
            anchor = dated[nearest].last if nearest else dated[nearest].first
            return _year_near(month_day, anchor, item.direction)
        years = [k for k in pool if k.precision == "year" and k.sets_year]
        if years:
            return years[nearest].first.year
    return None


def _settle(text: str, found: list[_Found], published: date | None) -> list[DateMention]:
    """Years for the dates that lack one, and the `DateMention`s."""
    known = [
        _Known(i, f.precision, *f.dates, f.sets_year)
        for i, f in enumerate(found)
        if f.year_stated and f.dates
    ]
    mentions: list[DateMention] = []
    for index, item in enumerate(found):
        dates = item.dates
        if dates is None and item.month_days is not None:
            year = _year_for(item, index, known, published)
            years = _span_years(item.month_days, year, None) if year is not None else None
            if years is not None:
                dates = _dates(item.month_days, years)
                if dates is None:
                    continue  # 29/2 in a common year
        mentions.append(
            DateMention(
                start=item.start,
                end=item.end,
                text=text[item.start : item.end],
                first=dates[0] if dates else None,
                last=dates[1] if dates else None,
                precision=item.precision,
                year_stated=item.year_stated,
                part_of_day=item.part_of_day,
                reference_time=_is_reference(text, item, mentions),
                month_days=item.month_days,
            )
        )
    return mentions


def _is_reference(text: str, item: _Found, earlier: list[DateMention]) -> bool:
    """ "ngày 22-9-2024, giờ địa phương (ngày 23-9-2024, giờ Việt Nam)": the second is the same moment
    in Vietnam's time zone, given beside a local date a little before it."""
    if not earlier or item.start - earlier[-1].end > 60:
        return False
    return bool(_REFERENCE_AFTER.match(text, item.end))


# --- API ----------------------------------------------------------------------------------------


def find_dates(text: str, published: date | None = None) -> list[DateMention]:
    """The dates `text` states, in text order and without overlaps.

    `published` (the article's date) dates relative words and gives the year of dates that have
    none; without it years come from the text alone, and a day with no year anywhere is returned
    with `first`/`last` None and its `month_days`, for `resolve` later.
    """
    if not text or not _ANY_CUE.search(text):
        return []
    return _settle(text, _scan(_lowered(text), published), published)


def _lowered(text: str) -> str:
    """`text` in lower case, offset for offset (a few letters, like "İ", lower to two characters)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
