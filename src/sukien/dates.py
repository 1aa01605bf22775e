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
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sukien.doc import DateMention

# --- Vocabulary ---------------------------------------------------------------------------------

# Longest first, so that "chiều tối" wins over "chiều".
PARTS_OF_DAY = (
    "rạng sáng",
    "sáng sớm",
    "sáng",
    "gần trưa",
    "trưa",
    "xế chiều",
    "chiều tối",
    "chiều",
    "tối muộn",
    "tối",
    "nửa đêm",
    "đêm khuya",
    "đêm",
    "khuya",
)
# Relative words: phrase -> (unit, offset from the publication date).
RELATIVE = {
    "hôm nay": ("day", 0),
    "ngày hôm nay": ("day", 0),
    "hôm qua": ("day", -1),
    "ngày hôm qua": ("day", -1),
    "hôm kia": ("day", -2),
    "ngày mai": ("day", 1),
    "tuần này": ("week", 0),
    "tuần tới": ("week", 1),
    "tuần sau": ("week", 1),
    "tuần trước": ("week", -1),
    "tuần qua": ("week", -1),
    "tháng này": ("month", 0),
    "tháng tới": ("month", 1),
    "tháng sau": ("month", 1),
    "tháng trước": ("month", -1),
    "năm nay": ("year", 0),
    "năm ngoái": ("year", -1),
    "năm tới": ("year", 1),
}
# "sáng nay", "tối qua", "chiều mai": a part of the day plus one of these.
RELATIVE_AFTER_PART_OF_DAY = {"nay": 0, "qua": -1, "mai": 1}
# A count before "tuần tới" / "năm tới" makes it a duration: "5 năm tới" is "the next five years".
COUNT_WORDS = ("một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười", "vài", "mấy", "nhiều")
# Words right before a bare "8/11" that make it a date rather than a ratio ("1/3 dân số", "24/7").
WEAK_CUES = (
    "từ",
    "đến",
    "tới",
    "vào",
    "và",
    "hoặc",
    "trước",
    "sau",
    "hết",
    "lúc",
    "dịp",
    "kể từ",
    "tính đến",
    "hạn",
    "mùng",
    "mồng",
    "các",
    "những",
    "hôm",
    "nay",
    "qua",
    "cuối",
    "đầu",
    "giữa",
)
# After "tháng 11", "ngày 8/11": the year relative to the article's ("tháng 11 năm ngoái").
YEAR_SHIFT_AFTER = {"ngoái": -1, "trước": -1, "nay": 0, "tới": 1, "sau": 1}
# Counted nouns: "3/4 số", "từ 6-8 người" are quantities, not dates.
UNITS_AFTER = (
    "%",
    "phút",
    "giây",
    "tuổi",
    "lần",
    "người",
    "triệu",
    "tỷ",
    "tỉ",
    "nghìn",
    "ngàn",
    "đồng",
    "km",
    "kg",
    "tấn",
    "usd",
    "điểm",
    "bàn",
    "trận",
    "số",
)
# A date followed by one of these is the equivalent in Vietnam of a local date beside it.
REFERENCE_ZONES = ("việt nam", "hà nội", "vn")

# --- Patterns -----------------------------------------------------------------------------------


def _alternatives(words) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


def _grouped(phrases) -> str:
    """"hôm nay|hôm qua|ngày mai" as "hôm\\s+(?:nay|qua)|ngày\\s+mai": one branch per head word, which
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
_DURATION_BEFORE_YEAR = re.compile(r"(?:\d+\s+tháng(?:\s+(?:đầu|cuối|giữa))?|những|các|thập\s+(?:niên|kỷ))\s*$", re.I)
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
_CLOSE_PAREN = re.compile(r"\s*\)")
# Cheap pre-check: no digit and no relative word, no date.
_ANY_CUE = re.compile(r"\d|hôm|mai|tuần|tháng|năm|nay|qua", re.I)

_LEFT_WINDOW = 48
_ANCHOR_WITHIN = timedelta(days=400)  # a full date this near the article's date sets the year
_AHEAD_AT_MOST = 270  # days: "28/12" in a January article is last December
_BEHIND_AT_MOST = 300  # days: "5/1" in a late-December article is next January


# --- Parsing ------------------------------------------------------------------------------------


@dataclass
class _Found:
    """A date as the text states it, before the year is settled."""

    start: int
    end: int
    precision: str
    month_days: tuple[tuple[int, int | None], tuple[int, int | None]] | None
    years: tuple[int, int] | None  # (first, last) when the text states a year
    part_of_day: str | None = None
    year_shift: int | None = None  # "năm ngoái" after the date
    direction: int = 0  # -1 "vừa qua", +1 "tới"
    dates: tuple[date, date] | None = None  # already resolved (relative words)
    reference_time: bool = False
    sets_year: bool = True  # False for a target, "đến năm 2030", which says nothing of the text's year


def _int(value: str | None) -> int | None:
    return int(value) if value else None


def _seps_are(match: re.Match, names: tuple[str, ...], allowed: str) -> bool:
    return all(match.group(n) is None or match.group(n).strip() in allowed for n in names)


def _seps_spaced(match: re.Match, names: tuple[str, ...]) -> bool:
    return any(match.group(n) is not None and match.group(n) != match.group(n).strip() for n in names)


def _valid(month: int, day: int | None, year: int | None) -> bool:
    if day is None:
        return True
    return day <= calendar.monthrange(year if year is not None else 2000, month)[1]  # 2000: leap


def _normal(words: str | None) -> str | None:
    return " ".join(words.lower().split()) if words else None


def _years(month_days, first_year: int | None, last_year: int | None) -> tuple[int, int] | None:
    """Both years from the one stated, across a year end when the months run backwards."""
    (m1, d1), (m2, d2) = month_days
    backwards = (m1, d1 or 0) > (m2, d2 or 0)
    if first_year is None and last_year is None:
        return None
    if first_year is None:
        return (last_year - 1 if backwards else last_year, last_year)
    if last_year is None:
        return (first_year, first_year + 1 if backwards else first_year)
    return (first_year, last_year)


def _core(match: re.Match) -> tuple[str, tuple, int | None, int | None] | None:
    """(precision, month_days, first year, last year) of a matched form, None if not a date."""
    form = match.lastgroup
    g = match.group
    if form == "dates":
        md = ((int(g("a_m1")), int(g("a_d1"))), (int(g("a_m2")), int(g("a_d2"))))
        first_year, last_year = _int(g("a_y1")), _int(g("a_y2"))
        if first_year and last_year and last_year - first_year > 1:
            return None  # an anniversary, "(9/11/1953 - 9/11/2024)": two dates, not a range
        return "day", md, first_year, last_year
    if form == "days":
        days = [int(d) for d in re.findall(r"\d+", g("b_days"))]
        if any(b <= a for a, b in zip(days, days[1:], strict=False)):
            return None
        month = int(g("b_m") or g("b_wm"))
        year = _int(g("b_y") or g("b_wy"))
        return "day", ((month, days[0]), (month, days[-1])), year, year
    if form == "dmy":
        if g("c_s1").strip() != g("c_s2").strip():
            return None
        md = (int(g("c_m")), int(g("c_d")))
        return "day", (md, md), int(g("c_y")), int(g("c_y"))
    if form == "words":
        md = (int(g("d_m")), int(g("d_d")))
        return "day", (md, md), _int(g("d_y")), _int(g("d_y"))
    if form == "dm":
        md = (int(g("e_m")), int(g("e_d")))
        return "day", (md, md), None, None
    if form == "months":
        m1, m2 = int(g("f_m1")), int(g("f_m2"))
        if m2 <= m1:
            return None
        return "month", ((m1, None), (m2, None)), _int(g("f_y")), _int(g("f_y"))
    if form == "month_year":
        md = (int(g("g_m")), None)
        return "month", (md, md), int(g("g_y")), int(g("g_y"))
    if form == "month":
        md = (int(g("h_m")), None)
        return "month", (md, md), None, None
    if form == "year":
        first, last = int(g("i_y1")), _int(g("i_y2")) or int(g("i_y1"))
        return ("year", None, first, last) if last >= first else None
    return None


def _accept(form: str, match: re.Match, text: str, prefix: re.Match, before: str, stated: bool) -> bool:
    """Whether the context makes this match a date; `before` is the text left of the prefix."""
    strong = bool(prefix.group("pod") or prefix.group("weekday") or prefix.group("day") or prefix.group("paren"))
    weak = strong or bool(_WEAK_CUE.search(before))
    if not stated and _UNIT_AFTER.match(text, match.end()):
        return False
    if form in ("dmy", "month_year"):
        return True
    if form == "dates":
        slashes = _seps_are(match, ("a_s1", "a_s2", "a_s3", "a_s4"), "/")
        return stated or (slashes and not _seps_spaced(match, ("a_s1", "a_s3"))) or strong
    if form == "days":
        if stated:
            return True
        dashes_only = not re.search(r"[,\w]", re.sub(r"\d", "", match.group("b_days")))
        if match.group("b_s1") is not None:
            slash = match.group("b_s1") == "/"
            return (slash and dashes_only) or (slash and weak) or strong
        return weak
    if form == "words":
        return stated or weak
    if form == "dm":
        if match.group("e_s") == "/":
            return weak or bool(_LINE_START.search(before) and re.match(r"\s*[,:–-]", text[match.end() :]))
        return strong
    if form == "month":
        return not _COUNT_BEFORE_MONTH.search(before)
    if form == "months":
        return True
    if form == "year":
        return not _DURATION_BEFORE_YEAR.search(before)
    return False


def _relative(phrase: str, published: date) -> tuple[str, date, date]:
    """(precision, first, last) of a relative phrase read against the publication date."""
    words = _normal(phrase)
    if words in RELATIVE:
        unit, offset = RELATIVE[words]
    else:
        unit, offset = "day", RELATIVE_AFTER_PART_OF_DAY[words.split()[-1]]
    if unit == "day":
        day = published + timedelta(days=offset)
        return "day", day, day
    if unit == "week":
        monday = published - timedelta(days=published.weekday()) + timedelta(weeks=offset)
        return "day", monday, monday + timedelta(days=6)
    if unit == "month":
        index = published.year * 12 + published.month - 1 + offset
        year, month = divmod(index, 12)
        return "month", date(year, month + 1, 1), date(year, month + 1, calendar.monthrange(year, month + 1)[1])
    year = published.year + offset
    return "year", date(year, 1, 1), date(year, 12, 31)


def _from_match(match: re.Match, text: str, floor: int, start: int | None = None) -> _Found | None:
    """A `_Found` for one master-pattern match (a date form, not a relative word), or None.

    `start` is given when a relative word stands before the date ("hôm nay (12/10)"): that word
    is then both the cue and the start of the mention."""
    core = _core(match)
    if core is None:
        return None
    precision, month_days, first_year, last_year = core
    window_start = max(floor, match.start() - _LEFT_WINDOW)
    prefix = _PREFIX.search(text, window_start, match.start())
    before = text[window_start : prefix.start()]
    stated = first_year is not None or last_year is not None
    if start is None and not _accept(match.lastgroup, match, text, prefix, before, stated):
        return None
    years = _years(month_days, first_year, last_year) if month_days else (first_year, last_year)
    if month_days and not all(
        _valid(m, d, y) for (m, d), y in zip(month_days, years or (None, None), strict=True)
    ):
        return None
    span_start = match.start()
    for name in ("time", "pod", "weekday", "day"):
        if prefix.group(name):
            span_start = prefix.start(name)
            break
    found = _Found(start if start is not None else span_start, match.end(), precision, month_days, years)
    found.part_of_day = _normal(prefix.group("pod"))
    if prefix.group("paren") and span_start < prefix.start("paren"):  # "thứ hai (29-10)"
        close = _CLOSE_PAREN.match(text, found.end)
        found.end = close.end() if close else found.end
    if match.lastgroup == "year" and _TARGET_BEFORE_YEAR.search(before):
        found.sets_year = False
    if not stated and month_days:
        end = found.end
        shift = _YEAR_SHIFT.match(text, end)
        if shift:
            found.year_shift = YEAR_SHIFT_AFTER[_normal(shift.group("shift"))]
            found.end = shift.end()
        else:
            direction = _DIRECTION.match(text, end)
            if direction:
                found.direction = -1 if direction.group("past") else 1
                found.end = direction.end()
    return found


def _scan(text: str, published: date | None) -> list[_Found]:
    """Every date of `text` (lower-cased), left to right; a rejected candidate frees its characters
    for one starting further on."""
    found: list[_Found] = []
    pos = 0
    floor = 0
    while True:
        match = _MASTER.search(text, pos)
        if match is None:
            return found
        item = _item(match, text, published, floor)
        # Rejected: the shorter forms may still read a date here ("9/11/1953" of an anniversary).
        for form in _FORMS_AFTER[match.lastgroup]:
            if item is not None:
                break
            shorter = _FORM_PATTERNS[form].match(text, match.start())
            item = _item(shorter, text, published, floor) if shorter else None
        if item is None:
            pos = match.start() + 1
            continue
        found.append(item)
        pos = floor = item.end


def _item(match: re.Match, text: str, published: date | None, floor: int) -> _Found | None:
    if match.lastgroup == "relative":
        return _from_relative(match, text, published, floor)
    return _from_match(match, text, floor)


def _from_relative(match: re.Match, text: str, published: date | None, floor: int) -> _Found | None:
    """"hôm nay (12/10)", "Sáng nay 27/1": the explicit date wins; else the relative word alone."""
    pod = _normal(match.group("j_pod"))
    after = re.compile(r"\s*,?\s*(\(\s*)?").match(text, match.end())
    explicit = _EXPLICIT_DAY.match(text, after.end())
    if explicit:
        item = _from_match(explicit, text, after.end(), start=match.start())
        if item is not None:
            item.part_of_day = pod or item.part_of_day
            if after.group(1):
                close = _CLOSE_PAREN.match(text, item.end)
                item.end = close.end() if close else item.end
            return item
    if published is None:
        return None
    phrase = _normal(match.group("j_phrase"))
    if phrase.split()[0] in ("tuần", "tháng", "năm") and _COUNT_BEFORE.search(text, max(floor, match.start() - 12), match.start()):
        return None
    precision, first, last = _relative(phrase, published)
    return _Found(match.start(), match.end(), precision, None, None, part_of_day=pod, dates=(first, last))


# --- Years --------------------------------------------------------------------------------------


def _dates(month_days, years: tuple[int, int]) -> tuple[date, date] | None:
    """First and last calendar day; None for an impossible date (29/2 of a common year)."""
    (m1, d1), (m2, d2) = month_days
    try:
        first = date(years[0], m1, d1 or 1)
        last = date(years[1], m2, d2 or calendar.monthrange(years[1], m2)[1])
    except ValueError:
        return None
    return (first, last) if first <= last else None


def resolve(mention: DateMention, year: int) -> DateMention:
    """`mention` dated in `year`: the year of its first day (a range over the new year ends in the next).

    For the extractor, once it knows the year an article is about; a mention that cannot be dated
    that way (no day and month, or 29/2 of a common year) comes back unchanged.
    """
    if mention.month_days is None:
        return mention
    dates = _dates(mention.month_days, _years(mention.month_days, year, None))
    if dates is None:
        return mention
    return replace(mention, first=dates[0], last=dates[1])


def _year_near(month: int, day: int | None, anchor: date, direction: int) -> int:
    """The year that puts day/month sensibly near `anchor`: before it after "vừa qua", after it
    after "tới", else in the same year unless that lands far ahead of or behind it."""
    year = anchor.year
    on = date(year, month, min(day or 15, 28))
    if direction < 0:
        return year if on <= anchor else year - 1
    if direction > 0:
        return year if on >= anchor else year + 1
    gap = (on - anchor).days
    if gap > _AHEAD_AT_MOST:
        return year - 1
    if gap < -_BEHIND_AT_MOST:
        return year + 1
    return year


def _year_for(item: _Found, index: int, found: list[_Found], published: date | None) -> int | None:
    """The year of a mention whose text gives none, from the article's date and its other dates."""
    (month, day), _ = item.month_days
    full = [(i, f) for i, f in enumerate(found) if f.years and f.month_days]
    before = [f for i, f in full if i < index]
    after = [f for i, f in full if i > index]
    if item.year_shift is not None:
        base = published.year if published else (before or after or [None])[-1 if before else 0]
        if isinstance(base, _Found):
            base = base.years[0]
        return base + item.year_shift if base else None
    if published is not None:
        anchor = published
        if not item.direction and before:
            nearest = _dates(before[-1].month_days, before[-1].years)
            # A full date near the article's date sets the year; an old one ("2/12/1960") does not.
            if nearest and abs(nearest[1] - published) <= _ANCHOR_WITHIN:
                anchor = nearest[1]
        return _year_near(month, day, anchor, item.direction)
    years_only = [(i, f) for i, f in enumerate(found) if f.precision == "year" and f.years and f.sets_year]
    if before:
        nearest = _dates(before[-1].month_days, before[-1].years)
        return _year_near(month, day, nearest[1], item.direction) if nearest else None
    earlier_years = [f for i, f in years_only if i < index]
    if earlier_years:
        return earlier_years[-1].years[0]
    if after:
        nearest = _dates(after[0].month_days, after[0].years)
        return _year_near(month, day, nearest[0], item.direction) if nearest else None
    later_years = [f for i, f in years_only if i > index]
    return later_years[0].years[0] if later_years else None


def _settle(text: str, found: list[_Found], published: date | None) -> list[DateMention]:
    mentions: list[DateMention] = []
    for index, item in enumerate(found):
        stated = item.years is not None
        dates = item.dates
        if dates is None and item.month_days is None and item.years:  # a year or years
            dates = (date(item.years[0], 1, 1), date(item.years[1], 12, 31))
        elif dates is None and stated:
            dates = _dates(item.month_days, item.years)
            if dates is None:
                continue
        elif dates is None:
            year = _year_for(item, index, found, published)
            if year is not None:
                dates = _dates(item.month_days, _years(item.month_days, year, None))
                if dates is None:
                    continue
        mentions.append(
            DateMention(
                start=item.start,
                end=item.end,
                text=text[item.start : item.end],
                first=dates[0] if dates else None,
                last=dates[1] if dates else None,
                precision=item.precision,
                year_stated=stated,
                part_of_day=item.part_of_day,
                reference_time=_is_reference(text, item, mentions),
                month_days=item.month_days,
            )
        )
    return mentions


def _is_reference(text: str, item: _Found, earlier: list[DateMention]) -> bool:
    """"ngày 22-9-2024, giờ địa phương (ngày 23-9-2024, giờ Việt Nam)": the second is the same moment
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
