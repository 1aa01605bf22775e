"""One sentence's events: its trigger words, each with its actor, places, dates and counterparts."""

from __future__ import annotations

import re

from sukien import event_types
from sukien.doc import Mention
from sukien.extract.actors import SENDER, choose_actor, visit_owner
from sukien.extract.attendance import (
    attend_placed,
    dated_with,
    listed_meetings,
    next_editions,
    speaker_skipped,
    speeches_attended,
)
from sukien.extract.contact import (
    OCCASION_CLAUSE,
    SUBJECT_THEN_MODAL,
    co_chairs_meet,
    contact_events,
    place_of_where,
)
from sukien.extract.context import (
    OTHER_MEETING_PLACED,
    Context,
    city_name,
    foreign,
    list_end,
    list_through,
    location_from,
    make_event,
    meeting_range,
    opening_clause_end,
    person_of,
    place_country,
    places_after,
    places_at,
    status_of,
    when,
)
from sukien.extract.coordination import coordinated
from sukien.extract.hosting import placeless_hosts
from sukien.extract.leaders import is_leader
from sukien.extract.occasions import (
    antecedent,
    city_in_name,
    held_at,
    held_by_partner,
    host_country,
    occasion_of,
    summit_at,
    year_from_occasion,
)
from sukien.extract.phrases import (
    COUNTRIES_LISTED,
    arrived,
    firmly_told,
    goods_sent,
    past_visit,
    sent_there,
    timed_apart,
)
from sukien.extract.presence import presence_events
from sukien.extract.travel import countries_left, hosted_by, name_cities
from sukien.lexicon.triggers import (
    EARLIER_CLAUSE,
    Trigger,
    clause_end,
    find_triggers,
    quotation_end,
    rules,
    word_pattern,
)
from sukien.models import Event, Location

# How far into a sentence a place may stand and still open it ("Tại Jerusalem ngày 23/5, ...").
FRONTED = 40
# A visit to people, not a place: "thăm cán bộ, nhân viên", "thăm cộng đồng người Việt".
VISITS_PEOPLE = re.compile(
    r"\s+(?:và\s+(?:làm việc|gặp)\s+(?:với\s+)?)?(?:cán bộ|nhân viên|cộng đồng|bà con|kiều bào|"
    r"Đại sứ quán|Tổng Lãnh sự quán|cơ quan đại diện|sinh viên|lưu học sinh|người Việt)"
    r"|\s+và\s+(?:cắt băng|khánh thành)(?![\w])"  # "đến thăm và cắt băng khánh thành trụ sở mới ..."
)
# How far after "tham dự" an unnamed event's place may stand: "dự gặp mặt cán bộ ... tham gia công
# tác, chiến đấu tại Campuchia" places the veterans, not the meeting.
PLACE_REACH = 70
# What an attended event no gazetteer names opens with: a capitalised name, or a word for an event.
EVENT_NOUN = re.compile(
    r"\s+(?:[A-ZĐÀ-Ỹ]|(?:các |một |)(?:lễ|hội nghị|hội thảo|diễn đàn|tọa đàm|toạ đàm|triển lãm|"
    r"hội chợ|buổi|cuộc|phiên|tiệc|chiêu đãi|quốc yến|khai mạc|bế mạc|kỷ niệm|hội đàm|gặp mặt|gặp gỡ|sự kiện)"
    r"(?![\w]))"
)
# ", nơi các lãnh đạo ... Trung Quốc": a relative clause tells what happens at the meeting, not where.
NEXT_CLAUSE = re.compile(r"\s(?:trước khi|sau khi|rồi|sau đó)\s|;|,\s+nơi\s")
JOINED = re.compile(r"\s+và\s+(?:tham\s+)?")
# What a journey told before it is for: "tới Osaka để dự", "đến Phnom Penh, bắt đầu chuyến tham dự".
PURPOSE = re.compile(r"(?<![\w])(?:để|bắt đầu chuyến(?: công tác)?)\s+(?:tham\s+)?$")
NEGATED = re.compile(r"(?<![\w])(?:không|chưa|chẳng|từ chối|vắng mặt|hủy|huỷ)\s+(?:(?:thể|được|còn)\s+)?$")
NOT_SENT = re.compile(r"(?<![\w])(?:không|chưa|sẽ không)\s+(?:cử|gửi|phái)\s+(?:\S+\s+){0,4}$")
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")


def quoted_at(text: str, start: int, pos: int, actor: Mention) -> bool:
    """Is `pos` inside a quotation the sentence opens after its actor (a quote still open there), one
    that is not the speaker's own first person ('nói: "Tôi sẽ tới ...'), which still tells his plan?"""
    if actor.start > pos:
        return False
    before = text[max(start, actor.end) : pos]
    opened = max(before.rfind("“"), before.rfind('"'))
    inside = before.count("“") > before.count("”") or before.count('"') % 2 == 1
    return inside and not FIRST_PERSON.search(before, opened)


FIRST_PERSON = re.compile(r"(?<![\w])(?:[Tt]ôi|[Cc]húng tôi)(?![\w])")
# "đón ... trong khuôn khổ chuyến thăm chính thức Vương quốc Anh": a visit that frames a reception.
WITHIN_VISIT = re.compile(r"(?:khuôn khổ|nhân|trong|dịp)\s+$")


# "A mời B lên chuyên cơ trước chuyến đi Trung Quốc", "mời B tháp tùng trong chuyến thăm": the journey a
# time word sets the invitation in is the subject's own; "A mời B thăm Z" invites B.
JOURNEY_FRAMED = re.compile(r"(?<![\w])(?:trước|trong|sau|nhân|dịp)\s+$")


BORDER_LINE = re.compile(
    r"(?<![\w])(?:địa giới|giới tuyến|đường biên giới|phía bên|không phận|vùng trời|lãnh hải)(?:\s+của)?\s+$"
)
TRANSIT_BEFORE = re.compile(r"(?<![\w])quá cảnh(?:\s+(?:tại|ở))?(?:\s+(?:sân bay|Sân bay))?\s+$")


def in_transit(text: str, sent: tuple[int, int], place: Mention) -> bool:
    return TRANSIT_BEFORE.search(text, max(sent[0], place.start - 30), place.start) is not None


# "... ở thủ đô Damascus của Syria, khi Tổng thống X đang có chuyến thăm tại đây": "here", the place before.
PLACE_HERE = re.compile(r"\s+(?:tại|ở|đến|tới)\s+đây(?![\w])")


def place_named_before(ctx: Context, sent: tuple[int, int], trigger: Trigger) -> list[Mention]:
    """The place the sentence names last before the trigger, with its city when the two before it are a
    city and its country."""
    before = [p for p in places_at(ctx, sent) if p.end <= trigger.start and not ctx.within_person(p)]
    last = before[-2:]
    return last if len({place_country(p) for p in last}) == 1 else before[-1:]


def framed_by_journey(text: str, trigger: Trigger) -> bool:
    return text.startswith("chuyến", trigger.start) and bool(
        JOURNEY_FRAMED.search(text, max(0, trigger.start - 8), trigger.start)
    )


# Where what a verb tells of begins: "về việc ...", "rằng ...".
COMPLEMENT = re.compile(r"(?<![\w])(?:về việc|việc|rằng)(?![\w])")
UNCONFIRMED_BEFORE = re.compile(
    r"(?<![\w])(?:chưa|không)\s+(?:có\s+)?(?:thông tin|xác nhận|quyết định|tin tức)(?:\s+nào)?"
    r"(?:\s+(?:về|rằng))?(?:\s+việc)?\s+(?:(?:ông|bà)\s+)?$"
)
# "A sẽ chuyển lời mời ... tới B khi đến Vatican": the time clause's verb is A's own, past the invitation.
OWN_TIME_CLAUSE = re.compile(r"(?<![\w])(?:khi|rồi)\s")
TIME_CLAUSE_OPENS = re.compile(r",\s*(?:trước khi|sau khi|ngay khi|rồi|sau đó)(?![\w])")


def weak_window(kind: str) -> int:
    """How far after a weak trigger ("tới", "sang") its place may stand (the table of event types)."""
    return event_types.info(kind).weak_window


# After a comma, a clause with a subject of its own: the visit's places end before it.
NEW_SUBJECT_CLAUSE = re.compile(rf",\s+{SUBJECT_THEN_MODAL}")


HANDED_OVER = re.compile(r"(?<![\w])(?:chuyển|trao|trao lại|mang|mang theo)\s+(?:lá\s+|bức\s+)?$")


TIMED_BY_JOURNEY = re.compile(r"(?<![\w])(?:ngay\s+)?(?:trước|sau|trong)\s+(?:thềm\s+)?$")


def travel_denied(sentence: str, first_trigger: int) -> bool:
    """Does the sentence say its travel did not happen (a call, a letter, a trip cancelled...)? What
    came before the news, told after its verb ("Chuyến thăm lần này của ông Putin ... diễn ra bảy tháng
    sau khi nhà lãnh đạo Nga hủy chuyến đi tới Paris"), does not undo it."""
    # "Ngoại trưởng X đã chuyển lá thư chia buồn của ...": a letter handed over is brought in person.
    denial = next(
        (
            d
            for d in word_pattern("not_travel").finditer(sentence)
            if not HANDED_OVER.search(sentence, 0, d.start())
        ),
        None,
    )
    if denial is None:
        return False
    if denial.end() <= first_trigger and TIMED_BY_JOURNEY.search(sentence, denial.end(), first_trigger):
        # "Syria tấn công IS ngay trước chuyến thăm ... của Tổng thống": the journey times what the
        # sentence tells; what it tells does not undo the journey.
        return False
    earlier = EARLIER_CLAUSE.search(sentence, first_trigger)
    return earlier is None or denial.start() < earlier.start()


def extract_sentence(ctx: Context, sent: tuple[int, int]) -> list[Event]:
    text = ctx.doc.text
    sentence = ctx.doc.norm[sent[0] : sent[1]]
    triggers = speeches_attended(ctx, find_triggers(sentence, sent[0]))
    if not triggers:
        return presence_events(ctx, sent, [])
    not_travel = travel_denied(sentence, triggers[0].start - sent[0])
    homecoming = bool(word_pattern("trip_end").search(sentence))
    remote = bool(word_pattern("online").search(sentence))
    events: list[Event] = []
    visited: dict[tuple[str | None, str | None], Event] = {}  # the visit made for (traveller, country)
    visit_phrases: list[tuple[int, int]] = []
    # "chuyến công tác của Thủ tướng dự Hội nghị WEF và thăm chính thức Hungary": what follows the
    # owner of a visit in the same clause is the owner's too, not the sentence's subject's.
    owned: tuple[int, int, Mention] | None = None
    joined_visit: tuple[int, Mention] | None = None  # (end of a visit's places, its traveller)
    for trigger in triggers:
        actor = choose_actor(ctx, trigger, sent, triggers)
        if owned is not None and owned[0] <= trigger.start < owned[1] and trigger.type in ("visit", "attend"):
            if owned[2].key is None:
                continue
            actor = owned[2]
        if (
            trigger.type == "attend"
            and joined_visit is not None
            and JOINED.fullmatch(text, joined_visit[0], trigger.start)
        ):
            # "đón Thủ tướng X thăm chính thức Việt Nam và tham dự Diễn đàn Y", "chuyến thăm chính thức
            # Chile, Peru và tham dự Tuần lễ cấp cao APEC của Chủ tịch nước X": what the visit's place
            # list runs on to with "và" is the same traveller's.
            actor = joined_visit[1]
        if actor is None:
            continue
        stop = quotation_end(text, sent[0], trigger.start, clause_end(text, trigger.end, sent[1]))
        dated = when(ctx, sent, trigger)
        start, end, end_stated = dated.start, dated.end, dated.end_stated
        if trigger.type in ("visit", "attend") and (apart := timed_apart(ctx, trigger, stop)) is not None:
            # "tờ Inquirer ngày 5-9 dẫn lời ông X nhắc lại chuyến thăm Trung Quốc cuối tuần trước": the
            # date is the report's; the visit's own time is only relative to it (the days it names when
            # the article's date resolves them, else none).
            dated = apart
            start, end, end_stated = dated.start, dated.end, dated.end_stated
        status = status_of(ctx, sent, actor, trigger, start)
        between = text[actor.end : trigger.start] if actor.end <= trigger.start else ""
        # What the actor is quoted saying ("“... không nên có xung đột ...”") says nothing of the trip.
        between = QUOTED.sub(" ", between)
        # "X chất vấn về việc Mỹ yêu cầu Ấn Độ không mua ... trong chuyến thăm": a "không" in what the
        # actor speaks of is not the actor's own; only the words before "(về) việc"/"rằng" are.
        own = COMPLEMENT.split(between, maxsplit=1)[0]
        # "X tuyên bố Anh sẽ không chọn phe ..., trước khi ông lên đường tới Bắc Kinh": a time clause
        # after a comma is the verb's own; what the main clause denies is not.
        own = TIME_CLAUSE_OPENS.split(own)[-1]
        invited = bool(
            re.search(rules()["invitation"], OWN_TIME_CLAUSE.split(between)[-1])
            and not framed_by_journey(text, trigger)
        ) or bool(word_pattern("irrealis").search(own))
        # "chưa có thông tin nào về việc Moon sẽ đến Singapore": what nobody has heard of yet.
        invited = invited or bool(
            UNCONFIRMED_BEFORE.search(text, max(sent[0], actor.start - 60), actor.start)
        )
        common = {
            "trigger": ctx.doc.text[trigger.start : trigger.end],
            # A journey told in a week of its own ("Trong tuần này X đã sải bước ... tại Bắc Kinh") is as
            # sure as one told on a day, though neither names the day.
            "firm": firmly_told(ctx, sent, trigger, actor, visit_phrases) or dated.week_only,
            "start": start,
            "end": end,
            "status": status,
            "year_inferred": dated.year_inferred,
            "day_month": dated.day_month,
            "day_month_end": dated.day_month_end if end_stated else None,
            "remote": remote,
        }
        if trigger.type == "visit" and not not_travel and not invited and not past_visit(ctx, trigger, stop):
            # "Chiều 6/9, ... các thỏa thuận đạt được trong chuyến thăm Hàn Quốc của Thủ tướng vừa
            # qua": a visit told as past beside the sentence's own event is background, undated.
            if not trigger.strong and any(s < trigger.start < e for s, e in visit_phrases):
                continue  # "tới" inside "chuyến thăm cấp Nhà nước tới Nhật Bản": that phrase's own word
            if not trigger.strong and goods_sent(ctx, trigger, actor):
                continue  # "ngừng xuất khẩu dầu sang Triều Tiên": the oil goes there, not the subject
            if not trigger.strong and quoted_at(text, sent[0], trigger.start, actor):
                continue  # 'ông Trump nói: " Từ Libăng cho tới Yemen, Iran ...': words said, no journey
            window = stop if trigger.strong else min(stop, trigger.end + weak_window(trigger.type))
            window = list_end(ctx, trigger.end, window)
            if (clause := NEW_SUBJECT_CLAUSE.search(text, trigger.end, window)) is not None:
                window = clause.start()  # "trong chuyến công du tới Trung Quốc, Mỹ đã có ... với Triều Tiên"
            if trigger.strong:
                visit_phrases.append((trigger.start, window))
            owner = visit_owner(ctx, trigger, window)
            if owner is not None:
                owned = (owner.end, clause_end(text, owner.end, sent[1]), owner)
                # "chuyến thăm Nhật Bản của Thủ tướng X": the visit is X's, whoever the sentence is about.
                if owner.key is None:
                    continue
                actor = owner
            # "chuyến thăm Trung Quốc cuối năm nay của ông Trump": a visit still to come; the words
            # up to its owner are the visit's ("chuyến thăm ... và dự Hội nghị APEC sắp tới của ông X").
            reach = max(window, owner.start) if owner is not None else window
            if word_pattern("upcoming").search(ctx.doc.norm, trigger.end, reach) and not end_stated:
                common["status"] = "planned"
            places = places_after(ctx, trigger.end, window)
            # "Chuyến thăm ... diễn ra một tuần trước hội nghị G20 diễn ra tại Nhật Bản": that meeting's place
            places = [p for p in places if not OTHER_MEETING_PLACED.search(text, trigger.end, p.start)]
            # "dẫn ông sang địa giới Triều Tiên": a step over a border line, no journey.
            places = [
                p for p in places if not BORDER_LINE.search(text, max(trigger.end, p.start - 16), p.start)
            ]
            if places and places[0].get("referred") and places[0].start - trigger.end < 3:
                # "chuyến thăm nước này": the country named before (`understand.referred_countries`),
                # and no other the clause goes on to ("... khiến hàng xóm của PNG là Úc nóng mặt").
                places = places[:1]
            if not places and PLACE_HERE.match(text, trigger.end):
                places = place_named_before(ctx, sent, trigger)
            if not places and (listed := COUNTRIES_LISTED.match(text, trigger.end, stop)) is not None:
                # "thăm một số nước vùng Vịnh gồm Arab Saudi, UAE và Qatar": the countries named after.
                places = places_after(ctx, listed.end(), min(stop, listed.end() + 40))[:1]
                places = [p for p in places if p.start == listed.end()]
            if not trigger.strong or places and places[0].start > window:
                places = list_through(ctx, places, stop)
                if arrived(ctx, trigger, places) or sent_there(ctx, actor, trigger, places):
                    common = {**common, "firm": True}
            if not places and (
                (not trigger.strong and text[trigger.start : trigger.end].endswith("tại"))
                or (trigger.strong and VISITS_PEOPLE.match(text, trigger.end))
            ):
                # "Tại Jerusalem ngày 23/5, Tổng thống X ... có mặt tại lễ đặt vòng hoa": a verb of
                # presence at a venue happens where the sentence opens ("tới", "sang" never do); so does
                # a visit to people ("Chiều 7/3, tại Canberra, Thủ tướng X đã tới thăm cán bộ ...").
                opening = [p for p in places_at(ctx, sent) if p.start - sent[0] < FRONTED]
                places = [p for p in opening if p.start < actor.start]
            # The owner named after "của" travels with those joined to him ("của Nhà Vua và Hoàng
            # hậu"); the others the sentence names are hosts.
            group = owners_joined(ctx, owner) if owner is not None else coordinated(ctx, actor, sent)
            within_visit = WITHIN_VISIT.search(text, max(sent[0], trigger.start - 24), trigger.start)
            for place in places:
                if (
                    within_visit
                    and owner is None
                    and not any(foreign(place_country(place), t) for t in group)
                ):
                    # "Vua Charles III đón Tổng thống Trump ... trong chuyến thăm chính thức Vương quốc
                    # Anh": the hosts cannot visit their own country; the guest does.
                    group = guests_of(ctx, sent, group, place_country(place)) or group
                    break
            hosts = None
            if not places and trigger.strong:
                hosts = placeless_hosts(ctx, sent, owner or actor, owned=owner is not None)
            for traveller in group if hosts else []:
                # "Trong khuôn khổ chuyến thăm cấp nhà nước của Quốc vương Bhutan ..., phu nhân Chủ tịch
                # nước ...": a visit named with no place, among its hosts.
                if foreign(hosts, traveller) and (traveller.key, hosts) not in visited:
                    location = Location(country=hosts)
                    here = make_event(ctx, "visit", traveller, sent, location=location, **common)
                    here.end = end if end_stated else None
                    visited[(traveller.key, hosts)] = here
                    events.append(here)
            for traveller in group:
                for place in places:
                    country = place_country(place)
                    if not foreign(country, traveller):
                        continue
                    told = visited.get((traveller.key, country))
                    if told is not None:
                        # "đã đến thủ đô Hà Nội, bắt đầu chuyến thăm chính thức Việt Nam": the visit the
                        # weak word told is stated firmly by the strong one after it.
                        told.firm = told.firm or bool(common["firm"])
                        continue
                    city = (
                        city_name(place)
                        if place.label == "CITY" and not place.get("same_as_country")
                        else None
                    )
                    location = Location(city=city, country=country)
                    event = make_event(ctx, "visit", traveller, sent, location=location, **common)
                    event.end = end if end_stated else None
                    if homecoming and not end_stated and not past_opening(ctx, sent, trigger):
                        # "về đến Hà Nội, kết thúc chuyến thăm": the day home is no day of the visit;
                        # "rời Singapore về nước" on that day: the visit's last day.
                        # "Sau khi kết thúc chuyến thăm Czech, tối 20/1, ... tới Zurich": left that day too.
                        left = (
                            left_from(ctx, sent, country)
                            or ended_before(ctx, sent, trigger)
                            or ARRIVED_HOME.search(ctx.doc.norm, sent[0], sent[1]) is not None
                        )
                        event.end = event.start if left else None
                        event.start = None
                    visited[(traveller.key, country)] = event
                    events.append(event)
            if places and len(group) == 1:
                joined_visit = (places[-1].end, group[0])
        elif trigger.type == "attend":
            if NEGATED.search(text, max(sent[0], trigger.start - 16), trigger.start):
                continue  # "sẽ không tham dự APEC", "từ chối dự": no attendance
            if NOT_SENT.search(text, max(sent[0], trigger.start - 40), trigger.start):
                continue  # "Mỹ không cử quan chức tham dự hội nghị G20": nobody attends
            after_speaker = speaker_skipped(ctx, trigger.end)  # "Phát biểu của X tại Hội nghị ..."
            meetings = [
                m
                for m in ctx.inside(after_speaker, stop, "MEETING")
                if m.start - after_speaker < 60 and not re.search(r"[,;]", text[after_speaker : m.start])
            ]
            stated = places_at(ctx, sent)
            events.extend(co_chairs_meet(ctx, trigger, actor, sent, common))
            if not meetings:
                # "Tham dự Tọa đàm ... tại Tokyo, Phó Thủ tướng X ...": an event no gazetteer names, but
                # placed abroad by its own sentence, still puts its attendee there.
                if not EVENT_NOUN.match(text, trigger.end):
                    continue  # "tham gia công tác, chiến đấu tại Campuchia": no event to be at
                near = [p for p in stated if p.start < actor.start or p.start - trigger.end < PLACE_REACH]
                # "Trong khuôn khổ Hội nghị ... (UNOC 3), tại Nice, X tham dự sự kiện ...": the summit the
                # sentence frames it with is its occasion.
                framed_by = summit_at(ctx, sent)
                framed = framed_by is not None and bool(framed_by.key) and framed_by.start < trigger.start
                # "X và Y đã đồng chủ trì phiên họp": each of them was there.
                for attendee in coordinated(ctx, actor, sent):
                    for placed in attend_placed(ctx, attendee, sent, near, common):
                        if framed and framed_by is not None:
                            placed.occasion = occasion_of(framed_by, start, ctx.published, placed.location)
                        events.append(placed)
                continue
            meeting = meetings[0]
            if meeting.key and not (meeting.get("number") or meeting.get("year")):
                # "trong khuôn khổ Hội nghị Cấp cao ASEAN lần thứ 46 ..., X tham dự phiên đối thoại với
                # Hội đồng Tư vấn Kinh doanh ASEAN": the edition the sentence opens with is this one.
                framing = [
                    m
                    for m in ctx.inside(sent[0], trigger.start, "MEETING")
                    if m.key == meeting.key and (m.get("number") or m.get("year"))
                ]
                meeting = framing[-1] if framing else meeting
            if (own := meeting_range(ctx, meeting, sent)) is not None:
                start, end, end_stated = own.start, own.end, True
                common = {
                    **common, "start": own.start, "end": own.end, "year_inferred": own.year_inferred,
                    "day_month": own.day_month, "day_month_end": own.day_month_end,
                }  # fmt: skip
            # "Sáng 10/10, tại Thủ đô Vientiane (Lào), Thủ tướng ... tham dự ...": the place may come first.
            # "... G20 trước khi tới Seoul": a place after "trước khi" is the next leg, not the meeting's.
            after = NEXT_CLAUSE.search(text, trigger.end, sent[1])
            reach = after.start() if after else sent[1]
            occasion_clause = OCCASION_CLAUSE.search(text, sent[0], sent[1])
            if occasion_clause and occasion_clause.start() <= trigger.start < occasion_clause.end():
                # "nhân dịp dự Hội nghị ... tại Singapore, ông X đã đến thăm TP HCM": the meeting is where
                # its own clause puts it, not where the subject went from there.
                reach = min(reach, occasion_clause.end())
                stated = [p for p in stated if p.end <= occasion_clause.end()]
            # "quá cảnh tại sân bay Seville trước khi tới Osaka ... để dự G20": a stop on the way.
            stated = [p for p in stated if not in_transit(text, sent, p)]
            following = places_after(ctx, trigger.end, reach)
            # "... lần thứ 30 tiếp tục khẳng định vị thế của Việt Nam": the attendee's own country,
            # named as an owner, is not where the meeting is.
            following = [p for p in following if not owned_by_own_country(ctx, p, actor)]
            location = location_from(ctx, following + stated)
            if location.country is None and PURPOSE.search(
                text, max(sent[0], trigger.start - 30), trigger.start
            ):
                # "tới Osaka, Nhật Bản vào tối nay để dự G20": the meeting is where the journey goes.
                went = [p for p in ctx.inside(sent[0], trigger.start, "PLACE") if not ctx.within_person(p)]
                location = location_from(ctx, went[-2:])
            if location.country is None:
                location = location_from(ctx, gone_to_attend(ctx, sent, trigger))
            if location.country is None:
                # "bay từ Quebec, Canada, nơi ông vừa tham dự hội nghị G7": the place the clause is about.
                location = location_from(ctx, place_of_where(ctx, sent, trigger))
            location = location if location.country else (held_at(ctx, meeting) or location)
            named_city = city_in_name(ctx, meeting)
            if named_city is not None and location.city is None:
                # "tham dự Diễn đàn Kinh tế Quốc tế Saint-Petersburg": a meeting named after its city.
                in_name = location_from(ctx, [named_city])
                if location.country in (None, in_name.country):
                    location = in_name
            told_in, occasion_named = None, meeting
            if (earlier := antecedent(ctx, meeting, sent)) is not None:
                named, told_in = earlier
                if location.country is None:
                    location = location_from(ctx, places_at(ctx, told_in))
                occasion_named = named if named.key else meeting
            occasion = occasion_of(occasion_named, start, ctx.published, location)
            if location.country is None and occasion.series and not held_by_partner(occasion_named):
                # Not for "Hội nghị Cấp cao Đặc biệt ASEAN - Australia": held by the partner, not the chair.
                location = Location(country=host_country(occasion.series, occasion.year, occasion.name))
            if location.country is None:
                location = hosted_by(ctx) or location  # "diễn đàn lần này do Trung Quốc chủ trì"
            # "Thủ tướng X cùng Tổng thư ký Y ... dự Hội nghị": both attend.
            for attendee in coordinated(ctx, actor, sent):
                event = make_event(
                    ctx, "attend", attendee, sent, location=location, occasion=occasion.model_copy(), **common
                )
                event.end = end if end_stated else None
                event.location_stated = bool(stated) and location.country is not None
                if told_in is not None and event.start is None and event.day_month is None:
                    dated_with(event, when(ctx, told_in, trigger))
                year_from_occasion(event)
                events.append(event)
                events.extend(next_editions(ctx, event, meeting))
                events.extend(listed_meetings(ctx, event, meeting, stop))
        elif trigger.type in ("meet", "call", "sign", "speak"):
            events.extend(contact_events(ctx, trigger, actor, sent, stop, common, not_travel, triggers))
    events.extend(presence_events(ctx, sent, events))
    events.extend(name_cities(ctx, sent, events))
    events.extend(countries_left(ctx, sent, events))
    return events


# "lên đường tới Nhật Bản tham dự hội nghị G7": the place gone to, right before the attendance.
GONE_TO = re.compile(r"(?<![\w])(?:tới|đến|sang)\s+$")


def gone_to_attend(ctx: Context, sent: tuple[int, int], trigger: Trigger) -> list[Mention]:
    """The destination told right before the attendance ("lên đường tới Nhật Bản tham dự"), or none."""
    went = [p for p in ctx.inside(sent[0], trigger.start, "PLACE") if not ctx.within_person(p)]
    text = ctx.doc.text
    if not went or text[went[-1].end : trigger.start].strip():
        return []
    return went[-1:] if GONE_TO.search(text, max(sent[0], went[-1].start - 8), went[-1].start) else []


def left_from(ctx: Context, sent: tuple[int, int], country: str | None) -> bool:
    """Does the sentence tell the traveller leaving a place of `country` ("rời Singapore về nước")?"""
    return any(
        place_country(place) == country
        and LEFT.search(ctx.doc.text, max(sent[0], place.start - 20), place.start)  # "rời thủ đô X"
        for place in ctx.inside(sent[0], sent[1], "PLACE")
    )


LEFT = re.compile(r"(?<![\w])rời\s+(?:(?:thủ đô|Thủ đô|thành phố)\s+)?$")
# "Tối 25/4, Chủ tịch nước X đã về tới sân bay quốc tế Nội Bài, kết thúc chuyến thăm ...": the day home
# ends the journey, as two blind references say (9244, 9259).
ARRIVED_HOME = re.compile(r"(?<![\w])về (?:tới|đến)\s+(?:sân bay|Sân bay|Thủ đô|thủ đô|Hà Nội|Nội Bài)")


def owned_by_own_country(ctx: Context, place: Mention, actor: Mention) -> bool:
    return place_country(place) == (actor.get("country") or "VN") and bool(
        re.search(r"(?<![\w])của\s+$", ctx.doc.text[max(0, place.start - 8) : place.start])
    )


def owners_joined(ctx: Context, owner: Mention) -> list[Mention]:
    """The owner of a visit and whoever "và" joins to him right after ("của Nhà Vua và Hoàng hậu")."""
    group = [owner]
    joined = re.compile(r"\s+và\s+").match(ctx.doc.text, owner.end)
    if joined:
        group += [p for p in ctx.people if p.start == joined.end() and p.key and p.key != owner.key][:1]
    return group


def ended_before(ctx: Context, sent: tuple[int, int], trigger: Trigger) -> bool:
    """Is the trigger inside an opening clause that ends the visit before the sentence goes on ("Sau khi
    kết thúc tốt đẹp chuyến thăm chính thức Cộng hoà Czech, tối 20/1 ...")?"""
    norm = ctx.doc.norm
    comma = opening_clause_end(norm, sent)
    return trigger.end <= comma and bool(word_pattern("trip_end").search(norm, sent[0], comma))


def past_opening(ctx: Context, sent: tuple[int, int], trigger: Trigger) -> bool:
    """Is the trigger past an opening clause of what came before, holding the sentence's only word of
    a journey's end ("Sau khi kết thúc chuyến thăm Mông Cổ ..., X rời Ulaanbaatar đi thăm Ireland": the
    end is Mongolia's, not Ireland's)?"""
    norm = ctx.doc.norm
    comma = opening_clause_end(norm, sent)
    return 0 <= comma < trigger.start and not word_pattern("trip_end").search(norm, comma, sent[1])


def guests_of(
    ctx: Context, sent: tuple[int, int], hosts: list[Mention], country: str | None
) -> list[Mention]:
    """The leaders of one other country in a sentence whose subjects are the hosts of `country`."""
    keys = {h.key for h in hosts}
    guests = [
        p
        for p in ctx.inside(sent[0], sent[1], "PERSON")
        if p.key not in keys
        and not p.get("former")
        and p.get("country") not in (None, country)
        and is_leader(person_of(p))
        # "... chuyển lá thư chia buồn của Tổng thống Y": who sent the letter is not there.
        and not SENDER.search(ctx.doc.text, max(0, p.start - 30), p.start)
    ]
    if len({g.get("country") for g in guests}) != 1:
        return []  # none, or leaders of several countries: whose visit it is cannot be told
    return guests
