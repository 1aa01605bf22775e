"""When a visit phrase is told as past or as timed apart from its sentence: "chuyến thăm ... vừa qua"
(background, undated), "chuyến thăm Trung Quốc cuối tuần trước" (the days of last week, not the
report's), and countries a visit names as a group before listing them."""

from __future__ import annotations

import re

from sukien.extract.context import Context, When
from sukien.lexicon.triggers import Trigger

# After a visit phrase: a visit already past when the sentence's own event happens.
PAST_VISIT = re.compile(r"\s(?:vừa qua|trước đó|trước đây|năm ngoái|năm trước|mới đây|gần đây)(?![\w])")


# A time told relative to another ("cuối tuần trước", "tuần trước", "hôm qua"): of the phrase it closes.
RELATIVE_TIME = re.compile(
    r"\s(?:(?:cuối|đầu|giữa)\s+)?(?:tuần|tháng)\s+(?:trước|qua)(?![\w])|\shôm\s+(?:qua|trước)(?![\w])"
)


# Countries a visit names as a group, then lists: "thăm một số nước vùng Vịnh gồm ...", "thăm ba nước
# châu Phi là ...".
COUNTRIES_LISTED = re.compile(
    r"\s+(?:(?:một số|các|một loạt|\w+)\s+)?(?:nước|quốc gia)(?:\s+[^\s,.;:()]+){0,4}?\s+"
    r"(?:gồm(?: có)?|là|như|:)\s*"
)


def timed_apart(ctx: Context, trigger: Trigger, stop: int) -> When | None:
    """The time of a visit phrase closed by a time relative to the report ("chuyến thăm Trung Quốc
    cuối tuần trước"), with no other date inside it: the days it resolves to, or no date; None when
    the phrase has no such time (the sentence's dates are the visit's)."""
    relative = RELATIVE_TIME.search(ctx.doc.text, trigger.end, stop)
    if relative is None or relative.start() - trigger.end > 40:
        return None
    inside = [d for d in ctx.doc.dates if trigger.start <= d.start < relative.end() and not d.reference_time]
    own = [d for d in inside if d.start >= relative.start()]
    if len(inside) > len(own):
        return None  # a date of its own before the relative time: the phrase is dated
    if own and own[0].first is not None:
        return When(start=own[0].iso("first"), end=own[0].iso("last"))
    return When()


def past_visit(ctx: Context, trigger: Trigger, stop: int) -> bool:
    """A visit phrase closed by "vừa qua", "trước đó" with no date of its own inside it."""
    past = PAST_VISIT.search(ctx.doc.text, trigger.end, stop)
    if past is None:
        return False
    return not any(trigger.start <= d.start < past.end() for d in ctx.doc.dates if not d.reference_time)
