"""What one piece of a journey is: whether an event seeds a trip, its days, its destination and
its purpose, and when two pieces can be one journey (`sukien.link` groups them)."""

from __future__ import annotations

from datetime import date, timedelta

from sukien import event_types
from sukien.extract.leaders import is_leader
from sukien.lexicon import gazetteer as gz
from sukien.models import Event, Person, parse_day
from sukien.settings import MAX_GAP_DAYS, OPEN_LEG_DAYS, OPEN_VISIT_DAYS, UNDATED_WINDOW_DAYS
from sukien.text.fold import fold, name_key

TRIP_TYPES = event_types.with_link("seeds")  # visit, attend: what a trip is made of


JOINING_TYPES = event_types.with_link("seeds", "joins")  # what may join a trip of its person and days


def actor_key(person: Person) -> str:
    """The name's key (`text.fold.name_key`): "Kim Jong-un" and "Kim Jong Un" are one person."""
    return name_key(person.name)


def is_abroad(event: Event) -> bool:
    """In a country not the actor's; an actor of unknown country is taken for Vietnamese abroad and a
    foreigner in Viet Nam."""
    country = event.location.country
    own = event.actor.country or ("VN" if country != "VN" else None)
    return bool(country) and country != own


def confident(seeds: list[Event]) -> bool:
    """A journey no piece dates is taken only when one piece states it firmly ("thăm chính thức",
    "chuyến thăm", "dự Hội nghị"): a bare "tới Tehran" in a headline summary is too little."""
    return any(e.start or e.day_month for e in seeds) or any(e.firm for e in seeds)


def present_abroad(event: Event) -> bool:
    """A meeting, signing or speech whose own sentence places it abroad ("tại Thủ đô Praha, Cộng hòa
    Czech, Thủ tướng ... chứng kiến lễ ký kết") puts its actor there as surely as "thăm" does."""
    return event.type in JOINING_TYPES and event.location_stated and is_abroad(event)


def seeds_trip(event: Event) -> bool:
    if event.remote or not (event.type in TRIP_TYPES and is_abroad(event)) and not present_abroad(event):
        return False
    return is_leader(event.actor) and placed(event)


def placed(event: Event) -> bool:
    """A journey abroad of someone whose country is unknown is a guess ("Starmer" in Britain is at
    home): such a person's trip is taken only when it brings them to Viet Nam."""
    return event.actor.country is not None or event.location.country == "VN"


def month_of(first: date) -> tuple[date, date]:
    """The first and last day of the month `first` opens."""
    following = date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following - timedelta(days=1)


def span_of(event: Event) -> tuple[date, date] | None:
    """The days an event covers; a month-precision date ("2017-11") covers its whole month."""
    first = parse_day(event.start)
    if first is None:
        return None
    if event.start and len(event.start) == 7:
        return month_of(first)
    last = parse_day(event.end) or first
    return first, max(first, last)


def edition_days(event: Event) -> tuple[date, date] | None:
    """The days of the listed edition of the meeting an undated piece attends ("chuyến tham dự Hội nghị
    Thượng đỉnh Pháp ngữ lần thứ 19": 4-5 October 2024). They place the piece for joining only: the
    record keeps the dates the text states."""
    occasion = event.occasion
    if occasion is None or not occasion.series or not occasion.year:
        return None
    edition = gz.load().edition(occasion.series, occasion.year)
    first = parse_day(edition.start) if edition is not None else None
    if edition is None or first is None:
        return None
    return first, parse_day(edition.end) or first


def anchor(event: Event) -> date | None:
    dated = span_of(event)
    return dated[0] if dated else parse_day(event.article_published)


def shares_purpose(a: Event, b: Event) -> bool:
    """Same destination country, or the same recurring meeting of the same year."""
    if a.location.country and a.location.country == b.location.country:
        return True
    return bool(
        a.occasion
        and b.occasion
        and a.occasion.series
        and a.occasion.series == b.occasion.series
        and a.occasion.year == b.occasion.year
    )


def near_in_time(a: Event, b: Event) -> bool:
    """Articles of one undated journey appear close together. Two pieces of which one has no date
    and no dated article are not known to be near: a shared destination alone chained the journeys
    of years into one (the archive's 2016-2019 "trips")."""
    pa, pb = anchor(a), anchor(b)
    if pa and pb:
        return abs(pa - pb) <= timedelta(days=UNDATED_WINDOW_DAYS)
    return False


def near_or_unknown(a: Event, b: Event) -> bool:
    pa, pb = anchor(a), anchor(b)
    return near_in_time(a, b) if pa and pb else True


def alike(a: Event, b: Event) -> bool:
    """Two pieces no date places that still tell one journey: the same city abroad, the same meeting
    (of one year, where both say), or the same days of the year. A shared country alone is not enough."""
    if not shares_purpose(a, b):
        return False
    ca, cb = a.location.city, b.location.city
    country = a.location.country or ""
    if (
        ca
        and cb
        and a.location.country == b.location.country
        and city_key(ca, country) == city_key(cb, country)
    ):
        return True
    if a.occasion and b.occasion and a.occasion.series and a.occasion.series == b.occasion.series:
        return a.occasion.year is None or b.occasion.year is None or a.occasion.year == b.occasion.year
    return day_of_year(a) is not None and day_of_year(b) is not None and days_agree(a, b)


def close(sa: tuple[date, date], sb: tuple[date, date]) -> bool:
    return max(sa[0], sb[0]) - min(sa[1], sb[1]) <= timedelta(days=MAX_GAP_DAYS)


def in_year(span: tuple[date, date], year: int) -> tuple[date, date] | None:
    try:
        shift = year - span[0].year
        return span[0].replace(year=year), span[1].replace(year=span[1].year + shift)
    except ValueError:  # 29 February
        return None


def is_month(event: Event) -> bool:
    return bool(event.start) and len(event.start or "") == 7


def overlapping(a: Event, b: Event) -> bool:
    """Dates that overlap or touch; a guessed year may be overruled by the other's stated year."""
    sa, sb = span_of(a), span_of(b)
    if not (sa and sb):
        return False
    if (is_month(a) or is_month(b)) and not shares_purpose(a, b):
        # A month ("cuối tháng này") ties another destination only when one article tells both, and
        # by a day inside it: from two articles it bridged two journeys of one month into one.
        same_article = a.article_id is not None and a.article_id == b.article_id
        return same_article and max(sa[0], sb[0]) <= min(sa[1], sb[1])
    if close(sa, sb):
        return True
    if a.article_id is not None and a.article_id == b.article_id and open_leg_then(a, sa, b, sb):
        return True
    # An open-ended visit (no last day stated) goes on for days after its start.
    if shares_purpose(a, b) and max(sa[0], sb[0]) - min(sa[1], sb[1]) <= timedelta(days=OPEN_VISIT_DAYS):
        return True
    if (a.year_inferred or b.year_inferred) and shares_purpose(a, b):
        # Guessed years disagree more often than journeys repeat on the same days of the year.
        weak, strong = (sa, sb) if a.year_inferred else (sb, sa)
        moved = in_year(weak, strong[0].year)
        return moved is not None and max(moved[0], strong[0]) - min(moved[1], strong[1]) <= timedelta(
            days=OPEN_VISIT_DAYS
        )
    return False


def open_leg_then(a: Event, sa: tuple[date, date], b: Event, sb: tuple[date, date]) -> bool:
    """ "bắt đầu chuyến thăm New Zealand từ hôm 11-3. Thủ tướng sẽ thăm Úc từ ngày 14-3": one article's
    leg with no last day, then another a few days on, are one journey going on."""
    first, then = ((a, sa), (b, sb)) if sa[0] <= sb[0] else ((b, sb), (a, sa))
    return first[0].end is None and (then[1][0] - first[1][0]).days <= OPEN_LEG_DAYS


def compatible(a: Event, b: Event) -> bool:
    """Could a and b be parts of one journey of one person?"""
    if span_of(a) and span_of(b):
        return overlapping(a, b)
    same_article = a.article_id is not None and a.article_id == b.article_id
    return (same_article or near_in_time(a, b)) and shares_purpose(a, b)


def day_of_year(event: Event) -> date | None:
    """The event's month and day in a leap year, for comparing days when years are unknown."""
    if event.start:
        day = parse_day(event.start)
        return day.replace(year=2000) if day and len(event.start) == 10 else None
    return parse_day(f"2000-{event.day_month}") if event.day_month else None


def days_agree(a: Event, b: Event) -> bool:
    da, db = day_of_year(a), day_of_year(b)
    if da is None or db is None:
        return True
    gap = abs((da - db).days)
    return min(gap, 366 - gap) <= OPEN_VISIT_DAYS


def fits_days(event: Event, members: list[Event]) -> bool:
    """Whether a piece known only by day and month can belong to this journey: on its days of the
    year, and inside the month of a journey known only by its month."""
    if not event.day_month:
        return True
    months = {m.start[5:7] for m in members if m.start and len(m.start) == 7}
    if months and not any(day_of_year(m) for m in members) and event.day_month[:2] not in months:
        return False
    return any(days_agree(event, m) for m in members if day_of_year(m) is not None) or not any(
        day_of_year(m) for m in members
    )


def city_key(name: str, country: str) -> str:
    """One key for the writings of one city ("TPHCM", "Thành phố Hồ Chí Minh"; "Moskva", "Moscow")."""
    known = gz.load().city(name, country)
    return known.name if known is not None and known.country == country else fold(name)
