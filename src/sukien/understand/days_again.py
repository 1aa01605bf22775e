"""Days told again by reference to the last one stated: "Tối cùng ngày" (that same day), "Sáng hôm sau"
(the day after). News tells a visit's programme so, day by day: the departure "tối cùng ngày" is
the visit's last day. No date library reads these: they need the article's own last date.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from sukien.doc import DateMention

PART_OF_DAY = r"(?:(rạng sáng|sáng|trưa|chiều|tối|đêm)\s+)?"
SAME_DAY = re.compile(rf"(?<![\w]){PART_OF_DAY}(?:cùng ngày|trong cùng ngày)(?![\w])", re.IGNORECASE)
NEXT_DAY = re.compile(rf"(?<![\w]){PART_OF_DAY}(?:ngày hôm sau|hôm sau|ngày sau đó)(?![\w])", re.IGNORECASE)
# Words every match of SAME_DAY or NEXT_DAY holds.
TOLD_AGAIN_WORDS = ("cùng ngày", "hôm sau", "ngày sau đó")
# A calendar with 29 February, to move a month and day whose year is still open (`month_days`).
ANY_LEAP_YEAR = 2000


def with_days_told_again(text: str, dates: list[DateMention]) -> list[DateMention]:
    """`dates` with a mention for each "cùng ngày" / "hôm sau" after a single day told with its time."""
    told: list[DateMention] = []
    lowered = text.lower()
    # Most articles hold neither phrase: a substring test spares two case-blind scans of the text.
    if not any(phrase in lowered for phrase in TOLD_AGAIN_WORDS):
        return sorted(dates, key=lambda d: d.start)
    for pattern, shift in ((SAME_DAY, 0), (NEXT_DAY, 1)):
        for match in pattern.finditer(text):
            if any(d.start < match.end() and match.start() < d.end for d in dates):
                continue
            # The day of the last event told with its time of day ("Chiều 14/5, ..."), not a date named
            # in passing ("kỷ niệm 45 năm ... 8/11/1972 - 8/11/2017").
            before = [d for d in dates if d.end <= match.start() and not d.reference_time and d.part_of_day]
            last = before[-1] if before else None
            if last is None or last.precision != "day" or not single_day(last):
                continue  # "cùng ngày" after a range or a month: which day is not told
            told.append(day_after(last, match, shift))
    return sorted(dates + told, key=lambda d: d.start)


def single_day(mention: DateMention) -> bool:
    if mention.first is not None:
        return mention.first == mention.last
    return mention.month_days is not None and mention.month_days[0] == mention.month_days[1]


def day_after(last: DateMention, match: re.Match[str], shift: int) -> DateMention:
    first = last.first + timedelta(days=shift) if last.first is not None else None
    month_days = last.month_days
    if month_days is not None and shift:
        month, day = month_days[0]
        moved = date(ANY_LEAP_YEAR, month, day or 1) + timedelta(days=shift)
        month_days = ((moved.month, moved.day), (moved.month, moved.day))
    return replace(
        last,
        start=match.start(),
        end=match.end(),
        text=match.group(0),
        first=first,
        last=first,
        part_of_day=(match.group(1) or "").lower() or None,
        month_days=month_days,
    )
