"""The meetings an article's events are at: the occasion a meeting's name codes (series, year,
number), where the article or the gazetteer holds it, and the meeting an event names again.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from sukien.doc import Mention
from sukien.extract.context import Context, location_from, place_country
from sukien.lexicon import gazetteer as gz
from sukien.models import Event, Location, Occasion

PARTNER_SUMMIT = re.compile(r"(?:ASEAN|Mekong|Mê Công)\s*[-–]\s*\w")
MINISTERIAL = re.compile(r"(?<![\w])Bộ trưởng(?![\w])", re.IGNORECASE)
SPECIAL_SUMMIT = re.compile(r"(?<![\w])(?:[Đđ]ặc biệt|[Kk]ỷ niệm)(?![\w])")


def held_by_partner(meeting: Mention) -> bool:
    """Is a partner summit held by the partner ("Hội nghị Cấp cao Đặc biệt ASEAN - Australia"), not
    with ASEAN's own summit in its chair's country, as a numbered one is ("Hội nghị Cấp cao ASEAN-Nhật
    Bản lần thứ 27")?"""
    if not PARTNER_SUMMIT.search(meeting.text):
        return False
    numbered = meeting.get("number") is not None and "ASEAN" in meeting.text
    return not numbered or SPECIAL_SUMMIT.search(meeting.text) is not None


def occasion_of(
    meeting: Mention, start: str | None, published: date | None, where: Location | None = None
) -> Occasion:
    g = gz.load()
    series = meeting.key
    number = meeting.get("number")
    year = meeting.get("year")
    # "Hội nghị Cấp cao ASEAN-Nhật Bản lần thứ 27" counts the partner summits, not ASEAN's own; "Hội nghị
    # liên Bộ trưởng ... (APEC) lần thứ 35" the ministers' meetings, not the leaders'.
    known = g.series.get(series) if series else None
    ministers_of_leaders = bool(MINISTERIAL.search(meeting.text)) and not (
        known is not None and MINISTERIAL.search(known.name)
    )
    partner = bool(PARTNER_SUMMIT.search(meeting.text)) or ministers_of_leaders
    if year is None and series and number and not partner:
        year = g.year_for(series, number)
    if year is None and series and where is not None and not partner:
        # The place tells the edition before a year guessed from the story does.
        held = g.edition_held(series, where.city, where.country)
        if held is not None and (published is None or abs(published.year - held.year) <= 1):
            year = held.year
    if year is None and start:
        year = int(start[:4])
    if year is None and published:
        year = published.year
    if number is None and series and year:
        number = g.number_for(series, year)
    return Occasion(name=meeting.get("name") or meeting.text, series=series, year=year, number=number)


def occasions_of_named_years(ctx: Context, events: list[Event]) -> None:
    """An unnumbered edition that a place made another year's ("dự tuần lễ cấp cao APEC và thăm Hà Nội":
    Hà Nội held APEC in 2006) is the one edition the article names by its year ("APEC 2017"), when the
    event states no year of its own."""
    g = gz.load()
    named: dict[str, set[int]] = {}
    for meeting in ctx.meetings:
        if meeting.key and meeting.get("year"):
            named.setdefault(meeting.key, set()).add(meeting.get("year"))
    for event in events:
        occasion = event.occasion
        if occasion is None or not occasion.series or len(years := named.get(occasion.series, set())) != 1:
            continue
        year = next(iter(years))
        if occasion.year in (None, year) or (event.start and not event.year_inferred):
            continue
        if occasion.number is not None and occasion.number != g.number_for(
            occasion.series, occasion.year or 0
        ):
            continue  # a number the text gave ("APEC lần thứ 14") tells its own edition
        occasion.year, occasion.number = year, g.number_for(occasion.series, year)


def year_from_occasion(event: Event) -> None:
    """An event dated by a year guessed from the story takes the year of the meeting it is at."""
    year = event.occasion.year if event.occasion else None
    if not (year and event.year_inferred and event.start and len(event.start) >= 4):
        return
    if event.start[:4] != str(year):
        into_year(event, year)


def into_year(event: Event, year: int) -> None:
    """An event's guessed year replaced by `year` (its month and day kept)."""
    event.start = f"{year}{event.start[4:]}" if event.start else event.start
    if event.end and len(event.end) >= 4:
        event.end = f"{year}{event.end[4:]}"


# "bên lề Hội nghị ...", and a sentence opened by it: "Tại Hội nghị thượng đỉnh G-20 ở Hamburg, A gặp B".
# "bên lề Hội nghị ...", "trong hội nghị thượng đỉnh G20": the meeting an event is at.
AT_MEETING = re.compile(
    r"(?:bên lề|tại|dự|tham dự|khuôn khổ|nhân dịp|trong(?=\s+(?:hội nghị|thượng đỉnh|phiên họp|kỳ họp)))"
    r"\s+(?:\w+\s+){0,4}$",
    re.IGNORECASE,
)


def summit_at(ctx: Context, sent: tuple[int, int]) -> Mention | None:
    """The meeting the sentence places its event at ("bên lề Hội nghị Cấp cao APEC 2017"), not one
    named in passing ("đại diện cho ASEAN", "Chủ tịch Đại hội đồng Liên Hợp Quốc")."""
    for meeting in ctx.inside(sent[0], sent[1], "MEETING"):
        if AT_MEETING.search(ctx.doc.norm, max(sent[0], meeting.start - 40), meeting.start):
            return meeting
    return None


def summit_location(ctx: Context, meeting: Mention | None) -> Location:
    """A meeting "bên lề Hội nghị Cấp cao APEC 2017" (`summit_at`) is where that summit was held:
    where the article says it is held, else where the gazetteer's edition of that year was."""
    if meeting is None:
        return Location()
    told = held_at(ctx, meeting)
    if told is not None:
        return told
    if (named := city_in_name(ctx, meeting)) is not None:
        return location_from(ctx, [named])  # "Hội nghị WEF Đại Liên": not Davos, where WEF meets in winter
    occasion = occasion_of(meeting, None, ctx.published)
    country = host_country(occasion.series, occasion.year, occasion.name)
    return Location(country=country) if country else Location()


# Between a meeting's name and the place the article holds it at: "G20 đang diễn ra tại Hamburg".
HELD_AT = re.compile(
    r"\s*(?:\([\w ]{1,20}\)\s*,?\s*)?(?:năm\s+(?P<year>(?:19|20)\d\d)\s+)?(?:(?:đang|đã|sẽ|vừa)\s+)?"
    r"(?:(?:diễn ra|được tổ chức|khai mạc|họp)\s+)?"
    r"(?:tại|ở)\s+(?:(?:thành phố|thủ đô|Thủ đô)\s+)?$"
)


def meeting_places(ctx: Context) -> dict[tuple[str, int | None, int | None], Location]:
    """Where the article says each recurring meeting is held ("Hội nghị thượng đỉnh G20 đang diễn ra
    tại Hamburg, Đức"), by series and the year and number its name states: a later "bên lề G20" in
    the same article is there too, while "Hội nghị Bộ trưởng APEC lần thứ 6 ... tại Hà Nội" tells
    only of that meeting."""
    if ctx.held_at is None:
        ctx.held_at = {}
        text = ctx.doc.text
        for meeting in ctx.meetings:
            key = place_key(ctx, meeting)
            if not meeting.key or key in ctx.held_at:
                continue
            following = [p for p in ctx.places if meeting.end <= p.start <= meeting.end + 40]
            held = HELD_AT.fullmatch(text, meeting.end, following[0].start) if following else None
            if held and held.group("year"):
                # "Diễn đàn Kinh tế thế giới về ASEAN (WEF ASEAN) năm 2017 tại Phnom Penh": that year's.
                key = (key[0], int(held.group("year")), key[2])
            if held and key not in ctx.held_at:
                chain = [following[0]] + [
                    p
                    for p in ctx.places
                    if following[0].end <= p.start <= following[0].end + 3
                    and re.fullmatch(r"\s*[,(]\s*", text[following[0].end : p.start])
                ]
                ctx.held_at[key] = location_from(ctx, chain)
    return ctx.held_at


def city_in_name(ctx: Context, meeting: Mention) -> Mention | None:
    """The foreign city a meeting's name holds ("Diễn đàn Kinh tế Quốc tế Saint-Petersburg", "Hội nghị
    Hamburg về Phát triển bền vững"), where such a meeting is held when the text says no other."""
    inside = ctx.inside(meeting.start, meeting.end, "PLACE")
    cities = [p for p in inside if p.label == "CITY" and place_country(p) != "VN"]
    if not cities:
        # "Diễn đàn Kinh tế thế giới (WEF) Davos 2025": the city right after the name and its acronym.
        after = ctx.inside(meeting.end, meeting.end + 40, "PLACE")[:1]
        cities = [
            p
            for p in after
            if p.label == "CITY"
            and place_country(p) != "VN"
            and NAME_THEN_CITY.fullmatch(ctx.doc.text, meeting.end, p.start)
        ]
    return cities[0] if len(cities) == 1 else None


NAME_THEN_CITY = re.compile(r"\s*(?:\([^()]{1,20}\)\s*)?")


def held_at(ctx: Context, meeting: Mention) -> Location | None:
    """Where this article holds the meeting a mention names, if it says so."""
    return meeting_places(ctx).get(place_key(ctx, meeting))


# "hội nghị các ngoại trưởng G7", "Hội nghị Bộ trưởng Ngoại giao G7": a ministers' meeting of the series,
# held apart from its summit (the G7 foreign ministers in Hiroshima, the leaders in Ise-Shima).
MINISTERIAL = re.compile(
    r"(?:ngoại trưởng|bộ trưởng|thứ trưởng|quan chức cao cấp|SOM)(?![\w])", re.IGNORECASE
)
MINISTERIAL_REACH = 24  # the words before the series's name in the same noun phrase


def place_key(ctx: Context, meeting: Mention) -> tuple[str, int | None, int | None]:
    """The key a meeting's place is kept under: its series, year and number, and whether it is a
    ministers' meeting of the series."""
    head = ctx.doc.text[max(0, meeting.start - MINISTERIAL_REACH) : meeting.end]
    ministerial = MINISTERIAL.search(head.split(",")[-1].split(".")[-1]) is not None
    return (
        (meeting.key or "") + ("/ministerial" if ministerial else ""),
        meeting.get("year"),
        meeting.get("number"),
    )


# A meeting named only by its kind, as one already named earlier: "tham dự Hội nghị", "dự Diễn đàn này".
BARE_MEETING = re.compile(
    r"(?:hội nghị|hội thảo|diễn đàn|sự kiện|lễ khai mạc|phiên họp)(?:\s+(?:này|lần này))?", re.IGNORECASE
)


def antecedent(
    ctx: Context, meeting: Mention, sent: tuple[int, int]
) -> tuple[Mention, tuple[int, int]] | None:
    """ "Ngày 07/10, tại thành phố Hamburg, Đức, đã diễn ra lễ khai mạc Hội nghị Hamburg về Phát
    triển bền vững. Phó Thủ tướng X ... tham dự Hội nghị.": the meeting named by its kind alone is
    the one the article named last, with the sentence that names it (where it is held and, for
    `when`, when). Of the meetings that sentence names, the one the gazetteer knows is the occasion."""
    if meeting.key is not None and meeting.key in gz.load().series:
        return None  # a listed series: the gazetteer and `held_at` tell where and when it meets
    if meeting.key is not None:
        # "Trong ngày 7-8/2, tại Hà Nội đã diễn ra Kỳ họp lần thứ 39 ... X đồng chủ trì kỳ họp lần thứ
        # 39 ...": a meeting no list holds, named again, is where and when the sentence that named it
        # first says.
        earlier = [
            m
            for m in ctx.meetings
            if m.end <= sent[0]
            and m.key == meeting.key
            and all(meeting.get(k) in (None, m.get(k)) for k in ("year", "number"))
        ]
    elif BARE_MEETING.fullmatch(meeting.text.strip()):
        # (Or before it in its own sentence: "trong khuôn khổ Hội nghị Thượng đỉnh G20 ..., X đã tiếp xúc
        # với lãnh đạo các nước tham dự Hội nghị".)
        earlier = [
            m for m in ctx.meetings if m.end <= meeting.start and not BARE_MEETING.fullmatch(m.text.strip())
        ]
        if meeting.text.strip().lower() == "diễn đàn":
            # "tham dự Diễn đàn": a forum named before, not the last meeting of any kind ("ASEAN 2020").
            earlier = [m for m in earlier if m.text.lower().startswith("diễn đàn")]
    else:
        return None
    if not earlier:
        return None
    starts = [s for s, _ in ctx.doc.sentences]
    index = bisect_right(starts, earlier[-1].start) - 1
    if index < 0 or sent[0] - ctx.doc.sentences[index][1] > ANTECEDENT_REACH:
        return None
    told_in = ctx.doc.sentences[index]
    if meeting.key is not None and not HELD_WORDS.search(ctx.doc.norm, told_in[0], told_in[1]):
        return None  # named again, but the first sentence tells of something else, not of the meeting held
    known = [m for m in earlier if m.key and m.start >= told_in[0]]
    return (known[0] if known else earlier[-1]), told_in


HELD_WORDS = re.compile(r"(?<![\w])(?:diễn ra|khai mạc|bế mạc|được tổ chức|tổ chức|họp)(?![\w])")


# How far back (characters between the sentences) the meeting a bare "Hội nghị" names may stand.
ANTECEDENT_REACH = 400


# A series' regional meeting, held elsewhere than its main one: "Diễn đàn Kinh tế thế giới về ASEAN",
# "Hội nghị WEF ASEAN", "WEF về Đông Á".
REGIONAL_MEETING = re.compile(r"\svề\s+(?:ASEAN|Đông Á|Trung Đông|châu|Mỹ La)|(?:WEF|Davos)[ -]ASEAN")


def host_country(series: str | None, year: int | None, name: str | None = None) -> str | None:
    """Where that year's edition met, else where the series always meets; not known for a regional
    meeting of the series (`name`)."""
    if not series or (name and REGIONAL_MEETING.search(name)):
        return None
    g = gz.load()
    edition = g.edition(series, year) if year else None
    if edition is not None and edition.country:
        return edition.country  # (an edition listed without its place meets where the series does)
    known = g.series.get(series)
    return known.venue_country if known is not None else None
