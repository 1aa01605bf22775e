"""When a visit phrase is told as past or as timed apart from its sentence: "chuyến thăm ... vừa qua"
(background, undated), "chuyến thăm Trung Quốc cuối tuần trước" (the days of last week, not the
report's); countries a visit names as a group before listing them; and when a weak word of going
("tới", "sang") still tells a journey firmly: its sentence's other words, an arrival done ("đã tới"),
a journey named as one ("chuyến đi tới"), a country visited itself ("thăm Úc"), someone sent ("cử X
đến"); and when it takes goods, not the subject ("xuất khẩu dầu sang")."""

from __future__ import annotations

import re
from functools import cache

from sukien.doc import Mention
from sukien.extract.actors import MESSAGE_PASSED
from sukien.extract.context import Context, When
from sukien.extract.presence import SOMEONE
from sukien.lexicon.triggers import SENTENCE_OPENING, Trigger, alternation, word_list, word_pattern
from sukien.understand.years import story_year

# After a visit phrase: a visit already past when the sentence's own event happens.
PAST_VISIT = re.compile(r"\s(?:vừa qua|trước đó|trước đây|năm ngoái|năm trước|mới đây|gần đây)(?![\w])")


# The year closing a visit phrase, within a few words of it: "chuyến thăm Cuba cuối năm 2016".
PAST_YEAR = re.compile(
    r"(?:\s+[^\s,.;:()]+){0,4}?\s+(?:(?:cuối|đầu|giữa|hồi|vào|trong)\s+)?năm\s+((?:19|20)\d\d)(?![\d]|[/.-]\d)"
)


# A time told relative to another ("cuối tuần trước", "tuần trước", "hôm qua"): of the phrase it closes.
RELATIVE_TIME = re.compile(
    r"\s(?:(?:cuối|đầu|giữa)\s+)?(?:tuần|tháng)\s+(?:trước|qua)(?![\w])|\shôm\s+(?:qua|trước)(?![\w])"
)


# Countries a visit names as a group, then lists: "thăm một số nước vùng Vịnh gồm ...", "thăm ba nước
# châu Phi là ...".
COUNTRIES_LISTED = re.compile(
    # "chuyến công du nước ngoài đầu tiên tới 5 nước, trong đó có Israel": the phrase may run on to a
    # verb of going before the group.
    r"(?:(?:\s+[^\s,.;:()]+){0,4}?\s+(?:tới|đến|sang|tại))?"
    r"\s+(?:(?:một số|các|một loạt|\w+)\s+)?(?:nước|quốc gia)(?:\s+[^\s,.;:()]+){0,8}?"
    # "4 nước châu Á, trong đó có X", "chuyến công du nước ngoài đầu tiên kể từ khi nhậm chức, bao gồm X",
    # "chuyến thăm và làm việc tại 3 nước châu Âu, gồm: X, Y và Z"
    r"(?:\s*,?\s+(?:gồm(?: có)?|bao gồm|là|như)\s*:?|\s*:|\s*,\s*(?:trong đó có|bao gồm))\s*"
)


RESULTS_OF = re.compile(r"(?<![\w])kết quả (?:của )?(?:các |những |hai )?$")


def timed_apart(ctx: Context, trigger: Trigger, stop: int) -> When | None:
    """The time of a visit phrase closed by a time relative to the report ("chuyến thăm Trung Quốc
    cuối tuần trước"), with no other date inside it, or of a journey looked back on ("kết quả chuyến
    công tác ..."): the days it resolves to, or no date; None when the phrase is neither (the
    sentence's dates are the visit's)."""
    if RESULTS_OF.search(ctx.doc.text, max(0, trigger.start - 24), trigger.start):
        # "hội nghị ngày 2-6 về kết quả chuyến công tác ... thăm Thái Lan": a journey looked back on;
        # the day is the review's, the journey's own days are those inside its phrase, if any.
        inside = [d for d in ctx.doc.dates if trigger.start <= d.start < stop and not d.reference_time]
        return When(start=inside[0].iso("first"), end=inside[0].iso("last")) if inside else When()
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
    """A visit phrase closed by "vừa qua", "trước đó" with no date of its own inside it, or by a year
    before the story's ("nhắc lại chuyến thăm Cuba cuối năm 2016" in a story of 2017)."""
    year = PAST_YEAR.match(ctx.doc.text, trigger.end, stop)
    if year is not None:
        story = ctx.published.year if ctx.published else story_year(ctx.doc)
        if story is not None and int(year.group(1)) < story:
            return True
    past = PAST_VISIT.search(ctx.doc.text, trigger.end, stop)
    if past is None:
        return False
    return not any(trigger.start <= d.start < past.end() for d in ctx.doc.dates if not d.reference_time)


SET_APART = re.compile(r"\s*,\s*")
LANDED = re.compile(r"(?:hạ cánh|đáp)\s")
# A plan right before a verb of going: "dự định tới", "sẽ sang".
PLANNED_MOVE = re.compile(r"(?<![\w])(?:dự định|dự kiến|sẽ|sắp)\s+$")
# A destination of a few words, then what the journey is for: "tới Mỹ để đàm phán".
# A time may stand between them: "Đến Bình Nhưỡng sáng nay để bắt đầu hội nghị thượng đỉnh".
GOING_FOR = re.compile(
    r"\s+(?:[A-ZĐ][\w-]*,?\s+){1,4}(?:(?:(?:sáng|trưa|chiều|tối|hôm) nay|ngày\s+[\d/-]+)\s+)?"
    r"(?:(?:để|nhằm)\s+[a-zđà-ỹ]|(?:tham\s+)?dự\s+[A-ZĐ])"  # "Đến Thổ Nhĩ Kỳ dự Hội nghị ...": to attend
)
# ... told of its subject right before the verb, a time or a tense between at most.
SUBJECT_GOES = re.compile(
    r"\s+(?:(?:hôm nay|hôm qua|sáng nay|chiều nay|tối nay|ngày mai|đã|sẽ|vừa|mới|đang|cũng)(?:\s+|(?=,)))*"
    # "... dẫn lời Ngoại trưởng X hôm nay, khi ông tới Brussels, Bỉ, để dự ...": "ông" is he.
    r"(?:,\s+khi\s+(?:ông|bà)\s+(?:(?:đã|sẽ|vừa|mới|đang)\s+)?)?"
)
GOING = ("tới", "đến", "sang")
PLANNED_VISIT = re.compile(r"(?<![\w])(?:đã\s+)?(?:lên|có)\s+kế hoạch\s+(?:sang\s+|đến\s+|tới\s+)?$")


def firmly_told(
    ctx: Context,
    sent: tuple[int, int],
    trigger: Trigger,
    actor: Mention,
    visit_phrases: list[tuple[int, int]],
) -> bool:
    """Does the trigger state a journey on its own (a strong word, or a weak one told firmly), so that
    an undated piece still makes a trip?"""
    text = ctx.doc.text
    word = text[trigger.start : trigger.end]
    return (
        trigger.strong
        or bool(word_pattern("firm_departures").fullmatch(text, trigger.start, trigger.end))
        # "Thủ tướng X dự định tới Nga vào tuần tới": a journey announced by its own subject.
        or (
            word in GOING and bool(PLANNED_MOVE.search(text, max(sent[0], trigger.start - 12), trigger.start))
        )
        # "X đã lên kế hoạch thăm Nga": a visit its subject plans, the country right after it.
        or (
            word == "thăm"
            and PLANNED_VISIT.search(text, max(sent[0], trigger.start - 24), trigger.start) is not None
            and bool(ctx.starting("PLACE", trigger.end + 1, slack=1))
        )
        # "Guajardo hôm nay tới Mỹ để đàm phán với ...": a going with its purpose, told of its subject.
        # "Đến Bình Nhưỡng sáng nay để bắt đầu ..., Tổng thống X": the going opens the sentence, its
        # subject after it.
        or (
            word.lower() in GOING
            and GOING_FOR.match(text, trigger.end) is not None
            and (
                SUBJECT_GOES.fullmatch(text, actor.end, trigger.start) is not None
                if actor.end <= trigger.start
                else SENTENCE_OPENING.fullmatch(text, sent[0], trigger.start) is not None
            )
        )
        # "có chuyến công du nước ngoài đầu tiên, tới Đức": the destination of the visit phrase
        # before the comma, set apart.
        or any(w <= trigger.start and SET_APART.fullmatch(text, w, trigger.start) for _, w in visit_phrases)
        # "Chuyên cơ chở Thủ tướng X ... hạ cánh xuống thủ đô Kuwait": the plane of the subject
        # landed (not "C-17 hạ cánh ..., chuẩn bị cho chuyến thăm của X": X named after it).
        or (LANDED.match(text, trigger.start) is not None and actor.end <= trigger.start)
    )


ARRIVED_BEFORE = re.compile(r"(?<![\w])(?:đã|vừa|vừa mới|đã đặt chân)\s+$")


# "trở về từ chuyến đi tới Việt Nam": a journey named as one before its going.
JOURNEY_BEFORE = re.compile(r"(?<![\w])chuyến đi\s+$")


def arrived(ctx: Context, trigger: Trigger, places: list[Mention]) -> bool:
    """Does a weak visit word state an arrival as done, or a journey as one ("chuyến đi tới X"), or
    a visit to a country itself ("Tô Lâm thăm Úc", not "thăm nhà máy ... tại"), so a journey no date
    backs is still firm?"""
    if not places or places[0].start - trigger.end > 2:
        return False
    text = ctx.doc.text
    before = text[max(0, trigger.start - 16) : trigger.start]
    if ARRIVED_BEFORE.search(before) or JOURNEY_BEFORE.search(before):
        return True
    return text[trigger.start : trigger.end] == "thăm" and places[0].label == "COUNTRY"


# "sẽ cử Đặc phái viên X đến Moscow": the one sent is told to go, as firmly as a visit.
SENT_BEFORE = re.compile(r"(?<![\w])(?:cử|phái)\s+$")


def sent_there(ctx: Context, actor: Mention, trigger: Trigger, places: list[Mention]) -> bool:
    """Is the actor the one a sentence sends, right before the weak word and its place?"""
    text = ctx.doc.text
    return (
        bool(places)
        and places[0].start - trigger.end <= 2
        and not text[actor.end : trigger.start].strip()
        and SENT_BEFORE.search(text, max(0, actor.start - 8), actor.start) is not None
    )


# A verb of sending (goods, a letter, an envoy) and up to four words of what is sent, right before a weak
# visit word.
GOODS_REACH = 40


@cache
def goods_before() -> re.Pattern[str]:
    # What is sent is a noun phrase of up to six syllables ("gửi một thông điệp sai lầm đến Nga"),
    # within the clause: a comma ends it.
    return re.compile(rf"(?<![\w])(?:{alternation(word_list('goods_moved'))})(?:\s+[^\s,.;:!?]+){{0,6}}\s+$")


def goods_sent(ctx: Context, trigger: Trigger, actor: Mention) -> bool:
    """ "xuất khẩu dầu sang", "phóng tên lửa tới": the weak word takes goods to the place; "X đã cử đặc
    phái viên ..., ông Y, tới Nga": it takes Y, named between, not X who sent him."""
    goods = goods_before().search(ctx.doc.norm, max(0, trigger.start - GOODS_REACH), trigger.start)
    if goods and not goods.start() < actor.start < trigger.start:
        return True  # ("Chuyên cơ chở Thủ tướng X hạ cánh": what is carried is the traveller himself)
    if MESSAGE_PASSED.search(ctx.doc.norm, max(0, trigger.start - ENVOY_REACH), trigger.start):
        return True  # "chuyển lời mời thăm Bình Nhưỡng của X tới Giáo hoàng": the words go, X stays
    sent_by = list(SENDING.finditer(ctx.doc.norm, max(actor.end, trigger.start - ENVOY_REACH), trigger.start))
    if not sent_by:
        return False
    between = (sent_by[-1].end(), trigger.start)
    return bool(ctx.inside(*between, "PERSON")) or bool(SOMEONE.search(ctx.doc.norm, *between))


SENDING = re.compile(r"(?<![\w])(?:cử|phái)\s+(?=[^.;!?]*$)")
ENVOY_REACH = 120
