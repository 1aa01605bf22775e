"""Pieces of one person into journeys: dated pieces by their days, undated ones by article and
purpose, chains cut at gaps longer than a journey, meetings joined to the journey of their days."""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta

from sukien.lexicon.identity import Identity, identities
from sukien.link.pieces import (
    actor_key,
    alike,
    anchor,
    compatible,
    days_agree,
    edition_days,
    fits_days,
    in_year,
    is_month,
    near_or_unknown,
    overlapping,
    shares_purpose,
    span_of,
)
from sukien.models import Event, parse_day
from sukien.settings import MAX_TRIP_DAYS, OPEN_VISIT_DAYS, SPLIT_GAP_DAYS


class UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        ri, rj = self.find(i), self.find(j)
        if ri != rj:
            self.parent[max(ri, rj)] = min(ri, rj)


def group_by_actor(events: list[Event], people: dict[str, Identity] | None = None) -> dict[str, list[Event]]:
    """Events keyed by the canonical name of their actor (`lexicon.identity`, unless `people` gives
    it already): "Phúc" joins "Nguyễn Xuân Phúc", "V. V. Putin" joins "Vladimir Putin"."""
    people = people or identities(e.actor for e in events)
    groups: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        groups[people[actor_key(event.actor)].key].append(event)
    return groups


def cluster(seeds: list[Event]) -> list[list[Event]]:
    """Dated pieces first, by overlapping dates; then each undated piece joins the journey it shares
    an article and a purpose with, else the one journey its article firmly tells of, else one that shares
    its purpose close in time; the rest group among themselves."""
    ordered = sorted(seeds, key=lambda e: (anchor(e) or date.max, e.article_id or "", e.id))
    dated = [e for e in ordered if span_of(e)]
    undated = [e for e in ordered if not span_of(e)]
    uf = UnionFind(len(dated))
    for i, a in enumerate(dated):
        for j in range(i + 1, len(dated)):
            if overlapping(a, dated[j]):
                uf.union(i, j)
    by_root: dict[int, list[Event]] = defaultdict(list)
    for i, event in enumerate(dated):
        by_root[uf.find(i)].append(event)
    groups = list(by_root.values())
    # The journeys whose days touch those of the edition a piece attends, found once per piece: the
    # spans of dated journeys do not change while undated pieces join them.
    held_in = {id(e): [g for g in groups if held_within(e, g)] for e in undated}
    # Pieces an edition's days place in a journey go first: the rest of their article follows them.
    undated.sort(key=lambda e: not held_in[id(e)])
    rest: list[Event] = []
    for event in undated:
        # A piece dated by day and month alone only joins a journey on those days of the year.
        groups_here = [g for g in groups if fits_days(event, g)]
        same_article = [g for g in groups_here if any(m.article_id == event.article_id for m in g)]
        if told_earlier(event):
            # "trong cuộc gặp ... tháng 11 năm ngoái tại Peru": another journey than the story's.
            same_article = [g for g in same_article if any(told_earlier(m) for m in g)]
        with_purpose = [g for g in same_article if any(shares_purpose(event, m) for m in g)]
        if with_purpose:
            with_purpose[0].append(event)
        elif len(same_article) == 1 and any(m.firm or told_together(event, m) for m in same_article[0]):
            # Not to a journey only a caption or a weak word tells ("A và B bên lề Hội nghị ... tháng
            # 7-2016 ở Mông Cổ"): a photo of another time beside a journey the story tells undated.
            same_article[0].append(event)
        elif len(held := [g for g in held_in[id(event)] if any(g is h for h in groups_here)]) == 1:
            # "kết quả chuyến tham dự Hội nghị ... lần thứ 19": the journey on that edition's days.
            held[0].append(event)
        else:
            # With no date of its own, it joins the one journey of its purpose near in time; where
            # no date tells (an undated archive) the one journey of its purpose at all.
            nearby = [
                g
                for g in groups_here
                if any(shares_purpose(event, m) and near_or_unknown(event, m) for m in g)
            ]
            if len(nearby) == 1:
                nearby[0].append(event)
            elif nearest := nearest_group(event, nearby):
                nearest.append(event)
            else:
                rest.append(event)
    # "Trong 4 ngày ở Nhật Bản và Hàn Quốc, ông X ...": one sentence's legs stay one journey, wherever
    # the leg that found a journey went.
    rest = [event for event in rest if not joined_told_together(event, groups)]
    groups = joined_by_itinerary(groups)
    uf = UnionFind(len(rest))
    earlier = [told_earlier(event) for event in rest]  # once per piece, not once per pair
    for i, a in enumerate(rest):
        for j in range(i + 1, len(rest)):
            b = rest[j]
            one_story = a.article_id == b.article_id and earlier[i] == earlier[j]
            if (one_story or compatible(a, b) or alike(a, b)) and days_agree(a, b):
                uf.union(i, j)
    by_root = defaultdict(list)
    for i, event in enumerate(rest):
        by_root[uf.find(i)].append(event)
    return groups + list(by_root.values())


# "Trước đó, hai nhà lãnh đạo ... đã có cuộc gặp tại Đức hồi cuối tuần trước": a piece the article
# sets weeks before its story, another journey than the one the story tells undated.
EARLIER_TIME = re.compile(
    r"(?<![\w])(?:(?:cuối|đầu)\s+)?(?:tuần|tháng)\s+trước|năm ngoái|năm trước(?![\w])", re.IGNORECASE
)


def told_earlier(event: Event) -> bool:
    return any(EARLIER_TIME.search(e.text) for e in event.evidence)


def told_together(a: Event, b: Event) -> bool:
    """Stated by one sentence of one article ("Sau khi kết thúc ... chuyến thăm chính thức Cộng hoà Czech,
    tối 20/1 ..., Thủ tướng ... đã tới sân bay Zurich"): legs of one journey, however weakly told."""
    return a.article_id == b.article_id and any(
        x.part == y.part and x.start < y.end and y.start < x.end for x in a.evidence for y in b.evidence
    )


def joined_told_together(event: Event, groups: list[list[Event]]) -> bool:
    """Join the event to the one journey holding a piece its own sentence told; True when it did."""
    holding = [g for g in groups if any(told_together(event, m) for m in g)]
    if len(holding) != 1:
        return False
    holding[0].append(event)
    return True


def held_within(event: Event, group: list[Event]) -> bool:
    """Do the days of the edition the piece attends (`edition_days`) touch the journey's days?"""
    held, span = edition_days(event), group_span(group)
    return held is not None and span is not None and close_enough(held, span)


def group_span(group: list[Event]) -> tuple[date, date] | None:
    spans = [span for e in group if (span := span_of(e)) and not is_month(e)]
    return (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None


def nearest_group(event: Event, groups: list[list[Event]]) -> list[Event] | None:
    """Of several journeys of its purpose near its article's date, the one an undated piece is
    clearly nearest to (a Johannesburg arrival told on the 21st goes with the summit of the 22nd,
    not the stops of the week before); None where two are about as near."""
    day = anchor(event)
    if day is None:
        return None
    distances = []
    for group in groups:
        span = group_span(group)
        if span is not None:
            distances.append((max((span[0] - day).days, (day - span[1]).days, 0), id(group), group))
    distances.sort(key=lambda item: item[:2])
    if not distances or len(distances) > 1 and distances[1][0] - distances[0][0] < NEAREST_MARGIN_DAYS:
        return None
    return distances[0][2]


# How much nearer one journey must be than the next for an undated piece to go with it.
NEAREST_MARGIN_DAYS = 2


def joined_by_itinerary(groups: list[list[Event]]) -> list[list[Event]]:
    """Two dated journeys a few days apart are one where an undated plan lists both destinations
    ("sắp thăm Kuwait và Algeria, tham dự G20 tại Nam Phi", its pieces gone to each): the days
    between (told by no article at hand) do not make two departures."""
    dated = sorted((g for g in groups if group_span(g)), key=lambda g: group_span(g) or ())
    merged: list[list[Event]] = []
    for group in dated:
        if merged:
            last = merged[-1]
            gap = ((group_span(group) or (date.max,))[0] - (group_span(last) or (date.min, date.min))[1]).days
            planned = [e for e in last if not span_of(e)]
            listed = any(shares_purpose(p, e) for p in planned for e in group)
            if 0 <= gap <= SPLIT_GAP_DAYS and (listed or plans_of(last) & plans_of(group)):
                last.extend(group)
                continue
        merged.append(group)
    return merged + [g for g in groups if not group_span(g)]


def plans_of(group: list[Event]) -> set[str]:
    """The articles that gave this journey an undated piece: a plan or an itinerary."""
    return {e.article_id for e in group if e.article_id and not span_of(e)}


def split_at_gaps(members: list[Event]) -> list[list[Event]]:
    """One journey has no gap of weeks between its dated pieces: a chain that has one is two
    journeys (pieces joined through a shared article or a guessed year). The undated pieces go with
    the part their article dates, else the part of their destination, else the first."""
    dated = sorted((e for e in members if span_of(e) and not is_month(e)), key=lambda e: span_of(e) or ())
    if len(dated) < 2:
        return [members]
    parts: list[list[Event]] = [[dated[0]]]
    last = (span_of(dated[0]) or (date.min, date.min))[1]
    for event in dated[1:]:
        span = span_of(event) or (date.min, date.min)
        if span[0] - last > timedelta(days=SPLIT_GAP_DAYS):
            parts.append([])
        parts[-1].append(event)
        last = max(last, span[1])
    parts = [piece for part in parts for piece in within_longest_trip(part)]
    if len(parts) == 1:
        return [members]
    placed_ids = {e.id for part in parts for e in part}
    for event in members:
        if event.id in placed_ids:
            continue
        home = next((p for p in parts if any(m.article_id == event.article_id for m in p)), None)
        # Undated, it goes with the part nearest the day its article was published: the visit made
        # in May, told in May, is not the visit planned for March and put off.
        home = home or nearest_part(event, parts)
        home = home or next((p for p in parts if any(shares_purpose(event, m) for m in p)), parts[0])
        home.append(event)
    return parts


def nearest_part(event: Event, parts: list[list[Event]]) -> list[Event] | None:
    """The part whose pieces dated to the day are nearest the day the undated event's article was published,
    when it is nearer than any other by more than NEAREST_MARGIN_DAYS."""
    if parse_day(event.article_published) is None or span_of(event) is not None:
        return None
    distances = sorted(
        (days_from(event, part), index) for index, part in enumerate(parts) if group_span(part)
    )
    if len(distances) < 2 or distances[1][0] - distances[0][0] <= NEAREST_MARGIN_DAYS:
        return None
    return parts[distances[0][1]]


def within_longest_trip(dated: list[Event]) -> list[list[Event]]:
    """A chain of dated pieces, each a few days after the last, that runs longer than any journey
    (MAX_TRIP_DAYS) is several journeys told on neighbouring days: cut at its widest gaps until each
    part is short enough."""
    spans = [span_of(e) or (date.min, date.min) for e in dated]
    if len(dated) < 2 or (max(s[1] for s in spans) - spans[0][0]).days <= MAX_TRIP_DAYS:
        return [dated]
    reach = spans[0][1]
    gaps = []
    for index in range(1, len(dated)):
        gaps.append((spans[index][0] - reach, index))
        reach = max(reach, spans[index][1])
    cut = max(gaps)[1]
    return within_longest_trip(dated[:cut]) + within_longest_trip(dated[cut:])


def join_others(trips: list[list[Event]], others: list[Event]) -> None:
    """Meetings abroad join the trip whose dates (or article) they share; a dated meeting outside a
    dated trip's days (a past meeting recalled in a caption) does not."""
    seeds_of = [list(members) for members in trips]  # joining compares with seeds, never with joiners
    for event in others:
        fits = [
            (members, seeds) for members, seeds in zip(trips, seeds_of, strict=True) if joins(event, seeds)
        ]
        if fits:
            # Of several journeys it may join, the nearest in days (to its own days, else to the day
            # it was told): the talks held in May, not the plan for March that was put off.
            nearest = min(range(len(fits)), key=lambda i: (days_from(event, fits[i][1]), i))
            fits[nearest][0].append(event)


def days_from(event: Event, seeds: list[Event]) -> int:
    """Days between the event (its dates, else its article's day) and the seeds dated to the day."""
    own = span_of(event)
    told = parse_day(event.article_published)
    at = own or ((told, told) if told else None)
    trip = group_span(seeds)
    if at is None or trip is None:
        return 0
    return max((trip[0] - at[1]).days, (at[0] - trip[1]).days, 0)


def joins(event: Event, seeds: list[Event]) -> bool:
    """May a meeting join the trip of these seeds? Its place, purpose and days agree with them."""
    if not event.location.country and not joins_unplaced(event, seeds):
        return False
    if not any(compatible(event, seed) for seed in seeds):
        return False
    spans = [s for s in (span_of(m) for m in seeds) if s]
    day = span_of(event)
    trip = (min(s[0] for s in spans), max(s[1] for s in spans)) if spans else None
    if day and trip and not close_enough(day, trip):
        # A guessed year may be wrong, the day and month not: moved into the journey's year, the
        # piece must still fall on its days.
        moved = in_year(day, trip[0].year) if event.year_inferred else None
        if moved is None or not close_enough(moved, trip):
            return False
    return True


def joins_unplaced(event: Event, seeds: list[Event]) -> bool:
    """A meeting that names no place may be at home: it joins a journey only when its article tells
    of that journey, or when it falls within the journey's own days."""
    if any(seed.article_id == event.article_id for seed in seeds):
        return True
    day = span_of(event)
    spans = [s for s in (span_of(m) for m in seeds) if s]
    if not day or not spans or is_month(event):
        return False
    return min(s[0] for s in spans) <= day[0] and day[1] <= max(s[1] for s in spans)


def close_enough(day: tuple[date, date], trip: tuple[date, date]) -> bool:
    return max(day[0], trip[0]) - min(day[1], trip[1]) <= timedelta(days=OPEN_VISIT_DAYS)
