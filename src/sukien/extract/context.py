"""What the extractor knows of one article while it reads it, and the small readings every event family
shares: the places after a trigger, the dates of a sentence, the status, the occasion, one `Event`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date
from functools import cache

from sukien.doc import DateMention, Doc, Mention
from sukien.lexicon.triggers import Trigger, alternation, word_list, word_pattern
from sukien.models import Event, EventType, Evidence, Location, Person, codes_for
from sukien.understand.people import home_country
from sukien.understand.years import FOUNDING_BEFORE


@dataclass
class Context:
    """What the extractor knows of one article while it reads it."""

    doc: Doc
    people: list[Mention]
    places: list[Mention]
    meetings: list[Mention]
    published: date | None
    n_events: int = 0
    # (series, year, number) -> where the article holds that meeting; filled on first use
    held_at: dict[tuple[str, int | None, int | None], Location] | None = None

    # Each pool sorted by start, with its starts, so a span's mentions are found by binary search: a
    # scan of every mention for every sentence made a long article quadratic.
    _sorted: dict[str, tuple[list[int], list[Mention]]] | None = None

    def _pool(self, label: str) -> tuple[list[int], list[Mention]]:
        if self._sorted is None:
            self._sorted = {}
            titles = [m for m in self.doc.mentions if m.label == "TITLE"]
            pools = (
                ("PERSON", self.people),
                ("PLACE", self.places),
                ("MEETING", self.meetings),
                ("TITLE", titles),
            )
            for name, pool in pools:
                ordered = sorted(pool, key=lambda m: m.start)
                self._sorted[name] = ([m.start for m in ordered], ordered)
        return self._sorted[label]

    def inside(self, start: int, end: int, label: str) -> list[Mention]:
        starts, ordered = self._pool(label)
        first, last = bisect_left(starts, start), bisect_right(starts, end)
        return [m for m in ordered[first:last] if m.end <= end]

    def starts_inside(self, start: int, end: int, label: str) -> bool:
        """Whether a mention starts within [start, end]."""
        starts, _ordered = self._pool(label)
        return bisect_left(starts, start) < bisect_right(starts, end)

    def starting(self, label: str, start: int, slack: int = 2) -> list[Mention]:
        """The mentions that start at `start`, give or take a space or two ("của  Thủ tướng ...")."""
        starts, ordered = self._pool(label)
        return ordered[bisect_left(starts, start) : bisect_right(starts, start + slack)]

    def within_title(self, mention: Mention) -> bool:
        """Inside a title chain that names no one ("Tổng thống nước ... Sri Lanka")."""
        return self._within("TITLE", mention)

    def within_person(self, mention: Mention) -> bool:
        return self._within("PERSON", mention)

    def _within(self, label: str, mention: Mention) -> bool:
        # A mention holding this one starts at or before it, and such mentions are short.
        starts, ordered = self._pool(label)
        last = bisect_right(starts, mention.start)
        return any(mention.end <= held.end for held in ordered[max(0, last - 8) : last])


def person_of(mention: Mention) -> Person:
    return Person(
        name=mention.key or mention.text,
        roles=list(mention.get("roles") or ()),
        country=mention.get("country"),
        org=mention.get("org"),
    )


def places_after(ctx: Context, start: int, end: int) -> list[Mention]:
    """Places named in [start, end) that are not inside a person's or meeting's name, nor a departure."""
    text = ctx.doc.text
    departure = word_pattern("departure")
    found = []
    for place in ctx.inside(start, end, "PLACE"):
        if ctx.within_person(place) or any(m.start <= place.start < m.end for m in ctx.meetings):
            continue
        if ctx.within_title(place):
            continue  # "của Tổng thống ... Sri Lanka": the country qualifies a title, no destination
        if REGION_BEFORE.search(text, max(0, place.start - 14), place.start):
            continue  # "bán đảo Triều Tiên", "biên giới Nga": a region named after the country
        if MISSION_BEFORE.search(text, max(0, place.start - 30), place.start):
            continue  # "trụ sở mới của Đại sứ quán Việt Nam tại đây": whose mission, not where
        if posted_at(ctx, place):
            continue  # "tiếp ông A, Đại sứ Việt Nam tại Trung Quốc": where the envoy serves
        if AGREEMENT_NAMED.search(text, max(0, place.start - 50), place.start):
            continue  # "tham gia trở lại Hiệp định Paris về chống biến đổi khí hậu": the agreement's name
        if governed_by_official(text, place.start):
            continue  # "tiếp ông A, Thị trưởng thành phố Ninh Ba": the place the guest governs
        if RELATIVE_BEFORE.search(text, max(0, place.start - 4), place.start):
            continue  # "chuyến thăm ... mà Bắc Kinh hẳn sẽ theo sát": the capital's government, a subject
        if PAIR_AFTER.match(text, place.end) and PAIR_HEAD.search(
            text, max(0, place.start - 30), place.start
        ):
            continue  # "thượng đỉnh Mỹ - Triều", "quan hệ Việt - Mỹ": two sides named, no destination
        if second_of_pair(ctx, place):
            continue  # "quan hệ VN - Mỹ", "Tổng thống Mỹ - Hàn": the second of two sides, no destination
        if TOPIC_BEFORE.search(text, max(0, place.start - 40), place.start):
            continue  # "... mà không đạt được đột phá nào về thương mại hay vấn đề Ukraine": a topic
        if placed_as_topic(text, place, start):
            continue  # "khủng hoảng tại Ukraine", "trí thức ... sinh sống tại Houston": not the event's
        head = text[max(start, place.start - 22) : place.start]
        if departure.search(head) and not re.search(r"(?:tới|đến|sang|tại|thăm)\W*(?:\w+\W+){0,3}$", head):
            continue
        found.append(place)
    return found


def second_of_pair(ctx: Context, place: Mention) -> bool:
    """Is this place the second of two joined by a dash ("VN - Mỹ", "Việt - Trung")?"""
    dash = PAIR_BEFORE.search(ctx.doc.text, max(0, place.start - 4), place.start)
    if dash is None:
        return False
    return any(m.end == dash.start() for m in ctx.inside(max(0, place.start - 30), dash.start(), "PLACE"))


# A local office and the place it governs: "Thị trưởng thành phố Ninh Ba", "Thống đốc bang Texas".
LOCAL_OFFICE_BEFORE = re.compile(
    r"(?<![\w])(?:Thị trưởng|Tỉnh trưởng|Thống đốc|Tổng đốc|Bí thư Thành ủy|Bí thư Tỉnh ủy|Chủ tịch"
    r"(?: UBND| Ủy ban nhân dân)?)(?:\s+(?:thứ nhất|thành phố|tỉnh|bang|TP\.?))*\s+$",
    re.IGNORECASE,
)


def governed_by_official(text: str, place_start: int, reach: int = 30) -> bool:
    """Is the place the one a local official governs, named right after the office (`LOCAL_OFFICE_BEFORE`,
    within `reach` characters: "Bí thư Thành ủy thành phố " at most)?"""
    return LOCAL_OFFICE_BEFORE.search(text, max(0, place_start - reach), place_start) is not None


# A meeting named to tell when, then where it is held: "một tuần trước hội nghị G20 diễn ra tại Nhật Bản".
OTHER_MEETING_PLACED = re.compile(
    r"(?<![\w])(?:trước|sau)\s+(?:thềm\s+)?(?:hội nghị|thượng đỉnh|diễn đàn)[^,.;:()]{0,40}?"
    r"\s(?:diễn ra|tổ chức|được tổ chức|khai mạc)\s+(?:tại|ở)\s+(?:\w+\s+){0,2}",
    re.IGNORECASE,
)
# An agreement named after the city where it was made: "Hiệp định Paris", "thỏa thuận khí hậu Paris".
AGREEMENT_NAMED = re.compile(
    r"(?<![\w])(?:[Hh]iệp định|[Tt]hỏa thuận|[Tt]hoả thuận|[Hh]iệp ước|[Cc]ông ước|[Nn]ghị định thư|"
    r"[Đđ]ồng thuận|[Tt]iến trình|[Đđ]ịnh dạng)(?:\s+(?!(?:tại|ở|với|cho)\s)[a-zđà-ỹ]+){0,4}\s+$"
)
RELATIVE_BEFORE = re.compile(r"(?<![\w])mà\s+$")
POSTED_AT = re.compile(
    r"(?<![\w])(?:[Đđ]ại sứ(?! [Qq]uán)|[Tt]ổng [Ll]ãnh sự(?! [Qq]uán)|[Tt]rưởng [Pp]hái đoàn thường trực)"
    r"(?:\s+[\w-]+){0,6}?\s+(?:tại|ở|bên cạnh)\s+$"
)


def posted_at(ctx: Context, place: Mention) -> bool:
    """Is the place where an envoy serves, told after his title ("Đại sứ Việt Nam tại Trung Quốc"), not
    after his name ("với ... Đại sứ Nga Sergey Kislyak tại Nhà Trắng": where they met)?"""
    text = ctx.doc.text
    posted = POSTED_AT.search(text, max(0, place.start - 70), place.start)
    if posted is None:
        return False
    named = ctx.inside(posted.start(), place.start, "PERSON")
    return not any(AT_WORD.fullmatch(text, p.end, place.start) for p in named)


AT_WORD = re.compile(r"\s*(?:tại|ở|bên cạnh)\s+")
MISSION_BEFORE = re.compile(
    r"(?<![\w])(?:[Đđ]ại [Ss]ứ [Qq]uán|[Tt]ổng [Ll]ãnh [Ss]ự [Qq]uán|[Ll]ãnh [Ss]ự [Qq]uán|[Ss]ứ [Qq]uán|"
    r"[Cc]ơ quan đại diện)\s+(?:nước\s+)?$"  # "Đại sứ Quán Việt Nam tại Nhật Bản", as some write it
)
PAIR_BEFORE = re.compile(r"\s*[-–]\s*$")
# A topic, up to two words of it in lower case ("vấn đề hạt nhân Triều Tiên"), before the country.
TOPIC_BEFORE = re.compile(
    r"(?<![\w])(?:vấn đề|chủ đề|hồ sơ|xung đột|khủng hoảng|cuộc chiến|chiến sự|chiến tranh|tình hình)"
    r"(?:\s+[a-zđà-ỹ]+){0,2}?\s+(?:(?:tại|ở)\s+)?$"
)
PAIR_AFTER = re.compile(r"\s*[-–]\s*[A-ZĐ]")
# "hội nghị xúc tiến đầu tư Việt Nam - Nhật Bản": the head may take a few words of its own first.
PAIR_HEAD = re.compile(
    r"(?<![\w])(?:thượng đỉnh|quan hệ|hội nghị|hội đàm|đối thoại|hợp tác|thương mại|diễn đàn)"
    r"(?:\s+(?-i:[a-zđà-ỹ]+)){0,4}\s+$",
    re.I,
)
REGION_BEFORE = re.compile(
    r"(?<![\w])(?:bán đảo|Bán đảo|biên giới|vùng biển|eo biển|miền|vịnh|Vịnh|biển|Biển)\s+$"
)
CAPITAL_WORD = re.compile(r"^(?:[Tt]hủ đô|[Kk]inh đô|(?:TP|Tp)\.?(?=\s+(?!Hồ Chí Minh|HCM)[A-ZĐ]))\s+")


def list_end(ctx: Context, start: int, stop: int) -> int:
    """Where the destinations of a visit phrase end: at the first comma, or "và" after a destination,
    that does not go on to another place ("tới Mông Cổ, Ireland, tham dự ..." lists two; "đến Việt
    Nam, tranh cãi giữa Úc và Trung Quốc" only one)."""
    text = ctx.doc.text
    places = ctx.inside(start, stop, "PLACE")
    for joint in re.finditer(r",\s*|\s+và\s+", text[start:stop]):
        after = start + joint.end()
        if any(p.start < start + joint.start() < p.end for p in ctx.inside(start, stop, "PERSON")):
            continue  # "của Tổng Bí thư, Chủ tịch nước Tô Lâm tới Cuba": a comma of a title chain
        before_any = not any(p.end <= start + joint.start() for p in places)
        right_after = joint.start() == 0  # "Chuyến thăm, làm việc": the comma right after the verb
        if before_any and ("," not in joint.group(0) or right_after and JOINED_VERB.match(text, after)):
            continue  # "chuyến thăm và làm việc tại Lào", "chuyến thăm, làm việc tại Lào": verbs joined
        following = [p for p in ctx.places if p.start == after]
        if not following or SUBJECT_OF_CLAUSE.match(text, following[0].end):
            # "chuyến thăm Việt Nam và đồng chủ trì phiên họp ... Việt Nam - Cuba": the destinations
            # end where a second predicate begins, or at a place that is the subject of its own clause
            # ("đi Pakistan, Tehran chưa xác nhận tham dự").
            return start + joint.start()
    return stop


# A second verb of the same journey after a comma, before any destination: "Chuyến thăm, làm việc tại".
JOINED_VERB = re.compile(r"(?:làm việc|công tác|thăm|dự|tham dự)(?![\w])")


# "thăm Hawaii và các nước Nhật Bản, Hàn Quốc": a group word may open the rest of the list.
# A state's form may open its name where no list holds the whole: "..., Đại công quốc Luxembourg và ...".
LIST_JOINT = re.compile(
    r"\s*(?:,|,?\s*và|cùng)\s*(?:(?:các|những)\s+(?:nước|quốc gia)\s+)?"
    r"(?:(?:Đại công quốc|Công quốc|Vương quốc|Cộng hòa|Cộng hoà|Liên bang|Nhà nước)\s+)?"
)


# A place followed by what it does: the subject of a clause of its own ("Tehran chưa xác nhận").
# ("... tới Saudi Arabia, Israel, Italy và Bỉ sẽ là ...": the journey is the subject, the list ends there.)
SUBJECT_OF_CLAUSE = re.compile(
    r"\s+(?:(?:chưa|đã|sẽ|không|vẫn|cũng|đang)\s+(?!là(?![\w]))|từ chối\s|cho biết\s|tuyên bố\s)"
)


def list_through(ctx: Context, places: list[Mention], stop: int) -> list[Mention]:
    """The places of a list that runs on past a weak trigger's window ("thăm ... các nước Nhật Bản,
    Hàn Quốc, Trung Quốc, Việt Nam và Philippines"): each next one joined by a comma or "và"."""
    if not places:
        return places
    found = list(places)
    for place in ctx.places:
        last = found[-1]
        if place.start < last.end or place.end > stop or ctx.within_person(place):
            continue
        if not LIST_JOINT.fullmatch(ctx.doc.text, last.end, place.start):
            break
        if SUBJECT_OF_CLAUSE.match(ctx.doc.text, place.end):
            break  # "đi Pakistan, Tehran chưa xác nhận tham dự": the capital is its government, a subject
        found.append(place)
    return found


def city_name(place: Mention) -> str:
    """The city as the text writes it (exonyms kept: "Bắc Kinh", "Mát-xcơ-va"), without the word
    "Thủ đô" before it ("Thành phố Hồ Chí Minh", "TP. HCM" keep theirs: it is part of the name)."""
    return CAPITAL_WORD.sub("", place.text)


def place_country(place: Mention) -> str | None:
    if place.label == "COUNTRY":
        return place.key
    return place.get("country")


# What may stand between "tại"/"ở" and the place it introduces: a few words ("tại Thủ đô"), a venue
# and a comma ("tại nhà Quốc hội, Thủ đô Canberra"), or a city the gazetteer lacks and "của" ("tại
# thành phố Nice của Cộng hòa Pháp"). Never "với" or a person: "tại cuộc gặp với Thủ tướng Nhật Bản"
# places nothing in Japan.
AT_PLACE = re.compile(
    r"(?:[Tt]ại|[Ởở])\s+(?:(?:TP|Tp)\.\s*)?(?:"
    r"(?:\w+\s+){0,3}"
    r"|(?:(?!với\b)[\w-]+\s+){0,4}(?!với\b)[\w-]+,\s*(?:(?:[Tt]hủ đô|[Tt]hành phố)\s+)?"
    r"|(?:[Tt]hành phố|[Tt]hủ đô|TP\.?)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:của\s+)?"
    r")$"
    # "... diễn ra Thủ đô Lima, Peru": "tại" left out before a capital or a city named as one.
    r"|diễn ra\s+(?:[Tt]hủ đô|[Tt]hành phố)\s+$"
)


def places_at(ctx: Context, sent: tuple[int, int]) -> list[Mention]:
    """The places the sentence puts its event at: "tại Thủ đô Vientiane (Lào)", "ở Davos, Thụy Sĩ"."""
    text = ctx.doc.text
    found: list[Mention] = []
    for place in places_after(ctx, sent[0], sent[1]):
        head = text[max(sent[0], place.start - 48) : place.start]
        # The country after its city, "tại Davos, Thụy Sĩ", "tại Thủ đô Vientiane (Lào)", is there too.
        after_city = found and re.fullmatch(r"\s*(?:[,(]|của)\s*", text[found[-1].end : place.start])
        if AT_PLACE.search(head) and not ctx.within_person(place) or after_city:
            found.append(place)
    return found


@cache
def topic_at() -> re.Pattern[str]:
    topics = alternation(word_list("topics_placed"))
    return re.compile(rf"(?<![\w])(?:{topics})\s+(?:tại|ở)\s+(?:[\w-]+\s+){{0,3}}$")


# What belongs to a place rather than happens there: "món bánh cốm truyền thống của Hà Nội".
BELONGS_TO = re.compile(
    r"(?<![\w])(?:truyền thống|đặc sản|ẩm thực|món ăn|văn hóa|văn hoá|nghệ thuật)(?:\s+[a-zđà-ỹ]+){0,3}"
    r"\s+của\s+(?:(?:thủ đô|thành phố|Thủ đô|Thành phố)\s+)?$"
)


def topic_placed(head: str) -> bool:
    return topic_at().search(head) is not None or BELONGS_TO.search(head) is not None


TOPIC_HEAD = 48  # characters before a place that may tell it as a topic's or a residence


def placed_as_topic(text: str, place: Mention, floor: int = 0) -> bool:
    """Is the place told as a topic's or where others live ("khủng hoảng tại Ukraine", "sinh sống tại
    thành phố Houston"), by the words before it (not before `floor`)?"""
    return topic_placed(text[max(floor, place.start - TOPIC_HEAD) : place.start])


def location_from(ctx: Context, places: list[Mention]) -> Location:
    city = next((p for p in places if p.label == "CITY" and not p.get("same_as_country")), None)
    country = next((place_country(p) for p in places if place_country(p)), None)
    if city is not None:
        return Location(city=city_name(city), country=place_country(city))
    return Location(city=None, country=country)


def corrected(ctx: Context, local: DateMention) -> DateMention:
    """A local date that its own Vietnam-time equivalent contradicts is a slip of the pen ("tối
    25/5 theo giờ địa phương (sáng 26/9 giờ Hà Nội)"): the equivalent, a day apart at most, wins."""
    if local.first is None or local.precision != "day":
        return local
    beside = next(
        (
            d
            for d in ctx.doc.dates
            if d.reference_time and 0 <= d.start - local.end <= 60 and d.first is not None
        ),
        None,
    )
    if beside is None or beside.first is None or abs((beside.first - local.first).days) <= 2:
        return local
    return replace(beside, reference_time=False)


def dates_in(ctx: Context, start: int, end: int) -> list[DateMention]:
    return [d for d in ctx.doc.dates if start <= d.start and d.end <= end and not d.reference_time]


@dataclass(frozen=True)
class When:
    start: str | None = None
    end: str | None = None
    end_stated: bool = False  # a range or a stated last day, not just the day of one event
    year_inferred: bool = False
    # Month and day ("05-11") when the article never states the year: the linker may find it.
    day_month: str | None = None
    day_month_end: str | None = None
    week_only: bool = False  # told only by a week ("trong tuần này"): no day, yet a time of its own


def relative_week(mention: DateMention) -> bool:
    """A span of days the text never wrote as days ("tuần này", "tuần tới")."""
    return mention.precision == "day" and mention.month_days is None and mention.first != mention.last


def is_range(mention: DateMention) -> bool:
    if mention.precision != "day" or mention.month_days is None:
        return False
    return mention.month_days[0] != mention.month_days[1]


def month_day(mention: DateMention, which: int) -> str | None:
    if mention.month_days is None or mention.month_days[which][1] is None:
        return None
    month, day = mention.month_days[which]
    return f"{month:02d}-{day:02d}"


def semicolon_clause(text: str, sent: tuple[int, int], position: int) -> tuple[int, int]:
    """The part of a sentence between the semicolons around `position`."""
    start = text.rfind(";", sent[0], position)
    end = text.find(";", position, sent[1])
    return (start + 1 if start >= 0 else sent[0], end if end >= 0 else sent[1])


# After the event's verb, a clause of what came before or frames it: its dates are its own.
BACKGROUND_CLAUSE = re.compile(
    r"(?<![\w])(?:trong bối cảnh|sau (?:\w+ )?lần|kể từ khi|sau khi|trước khi)(?![\w])"
)


ONE_DAY_TYPES = ("meet", "call", "sign", "speak")  # events of one day, whatever range frames them


# "kỷ niệm 50 năm thiết lập quan hệ ngoại giao VN - Thái Lan (6.8.1976 - 6.8.2026)": the bracket
# gives the anniversary's span, not the days of anything told in the sentence.
ANNIVERSARY_BRACKET = re.compile(r"[Kk]ỷ niệm\s[^()]{0,120}\([^()]*$")


def anniversary_date(ctx: Context, mention: DateMention) -> bool:
    return ANNIVERSARY_BRACKET.search(ctx.doc.text, max(0, mention.start - 160), mention.start) is not None


def when(ctx: Context, sent: tuple[int, int], trigger: Trigger) -> When:
    """The dates of an event: the range in its sentence nearest the trigger, else its nearest date."""
    dates = [
        d
        for d in dates_in(ctx, sent[0], sent[1])
        if (d.first is not None or d.month_days is not None)
        and d.precision != "year"
        and not anniversary_date(ctx, d)
        # "thiết lập quan hệ ngoại giao ... vào ngày 31-1-1950": a date of the background.
        and not FOUNDING_BEFORE.search(ctx.doc.norm, max(0, d.start - 90), d.start)
    ]
    # "Lầu Năm Góc ngày 26.10 thông báo X sắp có chuyến thăm ...": the day of the announcement, not of
    # the visit still to come ("Reuters ngày 1.2 đưa tin X vừa đến Caracas": about that day).
    dates = [d for d in dates if not (d.end < trigger.start and announced_on(ctx, d, trigger.start))]
    if not dates:
        return When()
    # An itinerary "thăm A từ ngày 25-26/5; thăm B và dự C tại D từ ngày 28-30/5": each ";" clause
    # dates its own legs when it has a date of its own.
    clause = semicolon_clause(ctx.doc.text, sent, trigger.start)
    own = [d for d in dates if clause[0] <= d.start < clause[1]]
    dates = own or dates
    # "X đến dự G20 ở Nhật Bản trong bối cảnh ..., sau hai lần ... khi tiếp đón Y hôm 18/6": the days of
    # a clause that tells what came before are not the event's.
    if background := BACKGROUND_CLAUSE.search(ctx.doc.norm, trigger.end, sent[1]):
        dates = [d for d in dates if d.start < background.start()]
        if not dates:
            return When()
    # "Sau khi kết thúc ... chuyến thăm Mông Cổ từ ngày 30/9-1/10, chiều 1/10, X ... đi Ireland": the days
    # of an opening clause that tells what came before are not those of what the sentence goes on to.
    if 0 <= (opening_end := opening_clause_end(ctx.doc.norm, sent)) < trigger.start:
        dates = [d for d in dates if d.start > opening_end] or dates
    # "tuần này sẽ có chuyến công du đến Mỹ và gặp Tổng thống X vào ngày 28.7": a week told relative
    # to the day of writing says less than a day the sentence names.
    # A week alone names no day: careful readers leave the event's days unknown ("vào tuần sau").
    weeks = dates
    dates = [d for d in dates if not relative_week(d)]
    if not dates:
        return When(week_only=bool(weeks))
    ranges = [d for d in dates if is_range(d)]
    days = [d for d in dates if not is_range(d) and d.precision == "day"]
    if trigger.type in ONE_DAY_TYPES and days:
        # "Chiều 19/2, ... tiếp X trong khuôn khổ chuyến thăm ... từ ngày 18-20/2": a meeting is on its
        # day; the range is the visit's that frames it.
        ranges = []
        dates = days
    chosen = corrected(ctx, min(ranges or dates, key=lambda d: abs(d.start - trigger.start)))
    return when_told(ctx, chosen, bool(ranges))


EARLIER_OPENING = re.compile(r"\s*(?:[Ss]au khi|[Kk]ể từ khi)\s")


def opening_clause_end(norm: str, sent: tuple[int, int]) -> int:
    """Where a sentence's opening clause of what came before ends ("Sau khi kết thúc chuyến thăm A ...,"):
    its first comma, or -1 when the sentence opens with no such clause or has no comma."""
    opening = EARLIER_OPENING.match(norm, sent[0])
    return norm.find(",", opening.end(), sent[1]) if opening else -1


ANNOUNCED = re.compile(r"\s*(?:đã\s+)?(?:thông báo|công bố|cho biết|tuyên bố|loan báo|đưa tin)(?![\w])")


STILL_TO_COME = re.compile(r"(?<![\w])(?:sẽ|sắp|dự kiến|chuẩn bị|dự định)(?![\w])")


def announced_on(ctx: Context, mention: DateMention, told: int) -> bool:
    said = ANNOUNCED.match(ctx.doc.norm, mention.end)
    return said is not None and STILL_TO_COME.search(ctx.doc.norm, said.end(), told) is not None


# Between a meeting's name and its own range: its acronym in brackets, "từ ngày", "vào các ngày".
RANGE_AFTER_MEETING = re.compile(
    r"\s*(?:\([^()]{1,20}\))?\s*,?\s*(?:(?:từ|vào|trong)\s+)?(?:(?:các\s+)?ngày\s+)?"
)


def meeting_range(ctx: Context, meeting: Mention, sent: tuple[int, int]) -> When | None:
    """ "thăm Peru (từ ngày 12-14/11) và tham dự Tuần lễ cấp cao APEC từ ngày 15-16/11": a range right
    after a meeting's name dates the attendance, whatever range stands nearer the verb."""
    for told in dates_in(ctx, meeting.end, sent[1]):
        if is_range(told) and RANGE_AFTER_MEETING.fullmatch(ctx.doc.text, meeting.end, told.start):
            return when_told(ctx, corrected(ctx, told), True)
    return None


def when_told(ctx: Context, chosen: DateMention, ranges: bool) -> When:
    if chosen.first is None:
        last = month_day(chosen, 1) if ranges else None
        return When(end_stated=bool(ranges), day_month=month_day(chosen, 0), day_month_end=last)
    inferred = not chosen.year_stated and ctx.published is None
    if ranges:
        return When(chosen.iso("first"), chosen.iso("last"), True, inferred)
    if chosen.precision != "day":
        return When(chosen.iso("first"), None, False, inferred)
    return When(chosen.iso("first"), chosen.iso("first"), False, inferred)


# An attended meeting named, then said to come: "dự Hội nghị Cấp cao APEC sắp tới".
MEETING_TO_COME = re.compile(r"[^,;.\n]{0,60}?\s(?:sắp tới|tới đây)(?![\w])")


# A past told right before the verb outweighs a plan told earlier in the sentence.
JUST_DONE = re.compile(r"(?<![\w])(?:vừa|vừa mới|mới)\s+$")


# A promise right before the verb: "đã khẳng định tham gia", "xác nhận tham dự", "nhận lời thăm".
COMMITTED = re.compile(r"(?<![\w])(?:khẳng định|xác nhận|cam kết|nhận lời)\s+$")


ALONG_BEFORE = re.compile(r"(?<![\w])cùng(?:\s+với)?\s+$")


# A meeting named as the subject, its sides, then what is still to come of it: "Cuộc gặp giữa A và B
# sẽ diễn ra vào ngày 12/6 tại Singapore", "Hội đàm ... dự kiến được tổ chức tại ...".
TO_TAKE_PLACE = re.compile(
    r"[^,;.:]{0,120}?(?<![\w])(?:sẽ|dự kiến(?: sẽ)?|sắp)\s+(?:được\s+)?(?:diễn ra|tổ chức|khai mạc)(?![\w])"
)


def status_of(
    ctx: Context, sent: tuple[int, int], actor: Mention | None, trigger: Trigger, start: str | None
) -> str:
    text = ctx.doc.text
    # Within the sentence: an actor named in an earlier one ("Hai nhà lãnh đạo ... đã có cuộc gặp") brings
    # no words of that sentence.
    lead_in = text[
        (max(sent[0], actor.end) if actor and actor.end <= trigger.start else sent[0]) : trigger.start
    ]
    if actor and ALONG_BEFORE.search(text, max(sent[0], actor.start - 12), actor.start):
        # "Ông Trump cho biết sẽ cùng Thủ tướng X thăm ...": the companion's plan is the subject's.
        lead_in = text[sent[0] : actor.start] + lead_in
    # "X khẳng định LHQ sẽ hỗ trợ ..., khi hội đàm với Y": what X said is to come, the talks are not.
    lead_in = lead_in[lead_in.rfind(", khi ") + 1 :] if ", khi " in lead_in else lead_in
    if COMMITTED.search(lead_in):
        return "planned"  # "Chủ tịch X đã khẳng định tham gia Tuần lễ cấp cao APEC": a promise to attend
    if JUST_DONE.search(lead_in):
        return "reported"  # "dự kiến hạ cánh ... sau 17 giờ bay từ Quebec, nơi ông vừa tham dự G7"
    if word_pattern("planned").search(lead_in):
        return "planned"
    if word_pattern("ongoing").search(lead_in) or ctx.doc.norm.startswith("đang", trigger.start):
        return "ongoing"  # "đang thăm" is one trigger
    if trigger.type == "attend" and MEETING_TO_COME.match(ctx.doc.norm, trigger.end):
        return "planned"  # "tham dự Hội nghị Cấp cao APEC sắp tới": the meeting is still to come
    if trigger.type in ("meet", "call") and TO_TAKE_PLACE.match(ctx.doc.norm, trigger.end, sent[1]):
        return "planned"  # "Cuộc gặp giữa A và B sẽ diễn ra vào ngày 12/6": the meeting is the subject
    if HAS_ENDED.search(text, trigger.end, sent[1]):
        return "reported"  # "hội nghị thượng đỉnh ... đã kết thúc": over, whatever the article's clock says
    if start and ctx.published and len(start) == 10 and start > ctx.published.isoformat():
        return "planned"
    return "reported"


HAS_ENDED = re.compile(r"(?<![\w])đã (?:kết thúc|bế mạc|khép lại)(?![\w])")


def derived(ctx: Context, event: Event, kind: EventType, actor: Person, counterparts: list[Person]) -> Event:
    """Another event told by the same words (a guest's visit beside the host's meeting, a meeting
    told from the other side): a copy with its own draft id, type, codes and sides."""
    copy = event.model_copy(deep=True)
    ctx.n_events += 1
    copy.id = f"{ctx.doc.id}-{ctx.n_events}"
    copy.type = kind
    copy.codes = codes_for(kind)
    copy.actor, copy.counterparts = actor, counterparts
    return copy


def make_event(ctx: Context, kind: EventType, actor: Mention, sent: tuple[int, int], **fields) -> Event:
    ctx.n_events += 1
    doc = ctx.doc
    return Event(
        id=f"{doc.id}-{ctx.n_events}",
        type=kind,
        actor=person_of(actor),
        sources=[doc.source],
        evidence=[Evidence(source=doc.source, text=doc.text[sent[0] : sent[1]], start=sent[0], end=sent[1])],
        codes=codes_for(kind),
        article_id=doc.id,
        **fields,
    )


def foreign(country: str | None, actor: Mention) -> bool:
    """Is `country` another than the actor's? Someone of unknown country is taken for Vietnamese
    abroad, and for a foreigner in Viet Nam unless the name is Vietnamese ("Thủ tướng Robert Fico
    đến Hà Nội" is a visit)."""
    own = actor.get("country")
    if own is None and country == "VN":
        return home_country(actor.key or actor.text) != "VN"
    return bool(country) and country != (own or "VN")
