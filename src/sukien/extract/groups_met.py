"""A group or an office no name tells, met in a place the sentence states ("gặp gỡ cộng đồng người Việt
Nam tại Nhật Bản", "hội kiến với Chủ tịch Đảng ... tại Moskva"): the leader was there."""

from __future__ import annotations

import re
from functools import cache

from sukien.doc import Mention
from sukien.extract.actors import REVERED
from sukien.extract.context import Context, foreign, make_event, person_of, place_country
from sukien.extract.leaders import is_leader
from sukien.lexicon.triggers import Trigger, alternation, word_list
from sukien.models import Event, Location


def group_met_abroad(
    ctx: Context, trigger: Trigger, actor: Mention, sent: tuple[int, int], location: Location, common: dict
) -> list[Event]:
    """ "Thủ tướng X gặp gỡ cộng đồng người Việt Nam tại Nhật Bản", "gặp mặt các lưu học sinh Lào tại
    Sơn La", "hội kiến với Chủ tịch Đảng ... tại Moskva": a group or an office no name tells, met in a
    place the sentence states, puts the leader there (a visit, as a meeting placed abroad does); no
    meeting, as no one is named."""
    if not foreign(location.country, actor):
        return []
    if (
        not group_met().match(ctx.doc.norm, trigger.end)
        and not title_met(ctx, trigger, location)
        and not MEETING_PLACED_NEXT.match(ctx.doc.norm, trigger.end)
    ):
        return []
    if common.get("remote") or not is_leader(person_of(actor)):
        return []
    where = [p for p in ctx.inside(trigger.end, sent[1], "PLACE") if place_country(p) == location.country]
    if not where or PAST_OF_GROUP.search(ctx.doc.norm, trigger.end, where[0].start):
        return []  # "gặp cựu chiến binh từng chiến đấu tại Campuchia": where they were, not the meeting
    if not any(GROUP_MET_AT.search(ctx.doc.text, max(trigger.end, p.start - 30), p.start) for p in where):
        return []  # "làm việc với người đồng cấp của Ukraine": whose peers, not where they met
    named = ctx.inside(sent[0], trigger.start, "PERSON")
    if REVERED.search(ctx.doc.norm[max(0, actor.start - 24) : actor.start].lower()):
        return []  # "đặt vòng hoa tại Tượng đài Chủ tịch Y ... và gặp cộng đồng": Y is revered, not there
    if not named or actor.key not in (named[0].key, named[-1].key):
        # The sentence's subject, named first, or last after a fronted clause ("Chỉ sau một tuần ông Y
        # trúng cử, Thủ tướng X đã có cuộc gặp ... tại New York"); not someone named in between.
        return []
    event = make_event(ctx, "visit", actor, sent, location=location, **common)
    event.end = None
    event.location_stated = True
    return [event]


# "đã có cuộc gặp kéo dài 90 phút tại New York": a meeting of no one named, placed right after its noun.
MEETING_PLACED_NEXT = re.compile(r"(?:\s+(?:kéo dài|kín|riêng|song phương)[^,.;:]{0,24}?)?\s+(?:tại|ở)\s")
# Where a group was met: "tại Nhật Bản", "ở thủ đô Manila, Philippines".
# "tại Tháp Trump, New York": a venue, then its city.
GROUP_MET_AT = re.compile(r"(?<![\w])(?:tại|ở)\s+(?:[\w-]+,?\s+){0,3}$")


# "có các cuộc hội kiến với Chủ tịch Đảng Nước Nga Thống nhất ... tại Moskva": a title with no name.
TITLE_MET = re.compile(r"\s+(?:(?:với|cùng)\s+)?(?:(?:các|những)\s+)?")


def title_met(ctx: Context, trigger: Trigger, location: Location) -> bool:
    """Does the meeting verb name an office of the country it is placed in (or of none) and no one
    holding it: officials met there, unnamed."""
    opening = TITLE_MET.match(ctx.doc.text, trigger.end)
    titles = ctx.starting("TITLE", opening.end()) if opening else []
    return any(t.get("country") in (None, location.country) for t in titles)


PAST_OF_GROUP = re.compile(r"(?<![\w])(?:từng|trước đây|trước kia)(?![\w])")


@cache
def group_met() -> re.Pattern[str]:
    """What a meeting verb names when it names a group, not a person: "(với) (đại diện) (các) cộng đồng"."""
    groups = alternation(word_list("groups_met"))
    return re.compile(
        rf"\s+(?:(?:với|cùng)\s+)?(?:(?:đại diện|đông đảo)\s+)?(?:(?:các|những)\s+)?(?:{groups})(?![\w])"
    )
