"""Meetings, calls, signings and speeches: the counterparts of a contact, told from the Vietnamese side."""

from __future__ import annotations

import re

from sukien.doc import Mention
from sukien.extract.actors import REVERED, SENDER
from sukien.extract.context import (
    BACKGROUND_CLAUSE,
    Context,
    derived,
    location_from,
    make_event,
    person_of,
    places_at,
)
from sukien.extract.coordination import coordinated
from sukien.extract.groups_met import group_met_abroad
from sukien.extract.leaders import is_leader
from sukien.extract.occasions import (
    held_at,
    occasion_of,
    summit_at,
    summit_location,
    year_from_occasion,
)
from sukien.extract.pairs import pair_group, subject_pair
from sukien.lexicon.triggers import Trigger, word_pattern
from sukien.models import Event, Location, Person

# Between "A và B" and their meeting verb: "đã có cuộc hội đàm", "sẽ hội kiến", "ngày 7/7 có cuộc gặp",
# "chiều qua đã gặp nhau".
BOTH_SIDES_GAP = re.compile(
    r"\s*(?:(?:vào\s+)?(?:(?:sáng|chiều|tối|trưa|đêm|hôm|ngày)\s+)+(?:nay|qua|mai|\d{1,2}(?:/\d{1,2})?(?:/\d{4})?)"
    r"\s*,?\s*)?"
    # "A và B lần đầu tiên gặp mặt", "đã chính thức hội đàm": how and when, before the verb.
    r"(?:(?:đã|sẽ|vừa|đang|chuẩn bị|dự kiến|sắp|lần đầu tiên|lần đầu|cũng|lại|chính thức|trực tiếp)\s*)*"
    r"(?:có\s+)?(?:một\s+)?(?:cuộc\s+)?"
)
# "A và B đã tìm cách cải thiện quan hệ ... trong cuộc gặp gỡ ngày 29/5 tại ...": what the two did, framed
# by their meeting; both are its sides.
MEETING_FRAMED = re.compile(r"[^,;.:()]{0,100}?\s(?:trong|tại)\s+(?:một\s+|các\s+)?cuộc\s+$")
# A subject of its own, capitalised, then what it will or did do: "Mỹ sẽ", "Nga vẫn".
SUBJECT_THEN_MODAL = r"[A-ZĐ][\w-]*(?:\s+[A-ZĐ][\w-]*)*\s+(?:sẽ|đã|đang|cũng|phải|vẫn|cần|muốn)\s"
# A clause with a subject of its own after the contact's: "..., và Mỹ sẽ phải ...", "nhưng Nga vẫn ...".
NEW_SUBJECT = re.compile(rf",?\s(?:và|nhưng|còn|trong khi)\s+{SUBJECT_THEN_MODAL}")
# After the verb, the other side: "A và B đã hội đàm với C" has C as the counterpart of both.
# A meeting denied: "không gặp", "không có kế hoạch gặp", "từ chối gặp", "chưa thể gặp"; or only
# asked for or offered: "do dự nhận lời mời gặp tân Nhật hoàng", "đề nghị gặp", "sẵn sàng gặp".
NEGATED_CONTACT = re.compile(
    r"(?<![\w])(?:(?:không|chưa|chẳng|từ chối|hủy|huỷ|hoãn)\s+(?:(?:có\s+)?(?:kế hoạch|dự định|ý định)\s+)?"
    r"(?:(?:thể|được|còn|muốn)\s+)?|(?:lời mời|đề nghị|đề xuất|sẵn sàng)\s+)$"
)
# The other event is named ("hội nghị NATO", "chuyến thăm ... của ông Trump"): a bare "trước hội nghị thượng
# đỉnh tại Helsinki" is the summit of the two who meet.
OTHER_EVENT_PLACED = re.compile(
    r"(?<![\w])(?i:trước)\s+(?:thềm\s+)?(?i:hội nghị|thượng đỉnh|diễn đàn|chuyến)[^,.;:()]{0,40}?"
    r"\s[A-ZĐ][^,.;:()]{0,40}?"
    r"\s(?:tại|ở|tới|đến)\s+(?:(?:thủ đô|Thủ đô|thành phố)\s+)?$"
)


def timed_by_other_event(text: str, sent: tuple[int, int], trigger: Trigger, place: Mention) -> bool:
    """Is the place that of another, named event the meeting comes before, not of the summit that is
    the meeting itself (its trigger inside the phrase)?"""
    other = OTHER_EVENT_PLACED.search(text, max(sent[0], place.start - 70), place.start)
    return other is not None and not other.start() <= trigger.start < other.end()


# A meeting supposed: "nếu A và B gặp nhau", "giả sử ông A gặp ông B".
CONDITIONAL = re.compile(r"(?<![\w])(?:[Nn]ếu|[Gg]iả sử|[Gg]iá như|[Tt]rong trường hợp)\s+[^,;.:]{0,60}$")
# A meeting that what the sentence tells prepares for: "làm việc ... nhằm chuẩn bị cho hội nghị thượng
# đỉnh giữa A và B". It is to come, and where it will be the sentence does not say ("chuẩn bị gặp",
# about to meet, is a meeting planned by this sentence, and stays).
PREPARED_FOR = re.compile(
    r"(?<![\w])(?:chuẩn bị cho|tiến tới|hướng tới|tiền đề cho)\s+(?:(?:cuộc|các|một|buổi)\s+)?$"
)
# A clause that tells the time of the main one: "trước khi A và B gặp nhau, ...".
TIME_CLAUSE = re.compile(r"(?<![\w])(?:trước khi|sau khi|khi)\s", re.IGNORECASE)
# A span counted from another event: "chưa đầy 2 tháng sau thượng đỉnh ...".
TIME_FROM_ANOTHER = re.compile(
    r"(?<![\w])(?:\d+|một|hai|ba|bốn|năm|sáu|vài|mấy)\s+(?:ngày|tuần|tháng|năm)\s+(?:sau|trước)\s+(?!đó|khi)"
)
# Two subjects acting together: "A và B cùng chủ trì lễ đón C", "A và B đã cùng tiếp C".
CO_HOSTS_GAP = re.compile(r"\s*(?:đã|sẽ|vừa)?\s*(?:cùng|đồng)\s*")
WITH_AFTER = re.compile(r"\s*(?:\w+\s+){0,3}?(?:với|cùng)\s")


# The subject of a meeting verb that refers back to two people: "khi hai lãnh đạo gặp".
THE_TWO = re.compile(
    r"(?<![\w])hai\s+(?:nhà\s+)?(?:lãnh đạo|nguyên thủ|ngoại trưởng|bộ trưởng|tổng thống|thủ tướng)"
    r"\s*(?:đã|sẽ|vừa|đang)?\s*(?:có\s+)?(?:một\s+)?(?:cuộc\s+)?$",
    re.IGNORECASE,
)

# A meeting named only to tell a time ("không lâu sau cuộc gặp", "trước cuộc hội đàm"): whose it is,
# the words after it say ("với B", "giữa A và B"), not the people named later in the sentence.
MEETING_AS_TIME = re.compile(r"(?<![\w])(?:sau|trước)\s+(?:các\s+|những\s+|mỗi\s+|một\s+|hai\s+)?cuộc\s+$")
# A meeting named to compare with: another one, told in passing, not this sentence's news.
# ("cũng như cuộc gặp với X" lists one more meeting: "as well as".)
MEETING_COMPARED = re.compile(
    r"(?<![\w])(?:giống như|tương tự như|(?<!cũng )như)\s+(?:các\s+|những\s+)?cuộc\s+$"
)
MEETING_OWN_SIDES = re.compile(
    r"\s*(?:(?:kín|riêng|đầu tiên|trực tiếp|này|đó|thượng đỉnh|cấp cao|song phương|lịch sử|chính thức|"
    r"hẹp|mặt đối mặt|lần này|lần đầu(?: tiên)?|trước đó)\s+)*(?:với|giữa)\s"
)

GREETINGS_OF = re.compile(
    r"(?<![\w])lời (?:thăm hỏi|chào|chúc|chúc mừng|hỏi thăm)[^.;:]{0,20}?\s+của\s+"
    r"(?:(?!\s(?:tới|đến|với)\s)[^.;:]){0,130}$"  # not "... tới Tổng thống X": the one greeted
)
# A former office holder is met when named as the meeting's object ("gặp gỡ các đồng chí A, nguyên
# Tổng Bí thư ... và đồng chí B, nguyên Thủ tướng", "tiếp nguyên Thủ tướng C"); named elsewhere in
# the sentence, or deceased ("cố"), he is talked about ("kỷ niệm ngày sinh nguyên Tổng Bí thư D").
FORMER_MET = re.compile(
    r"(?<![\w])(?:(?:gặp gỡ|gặp mặt|gặp|tiếp kiến|tiếp|hội kiến|chào)(?:\s+với)?|và)\s+(?:các\s+)?"
    r"(?:(?:đồng chí|ông|bà|ngài|Ngài)\s+)?(?:(?:nguyên|cựu)\s+)?$"
)
# "... điện đàm với giới chức Hàn Quốc, và những tín hiệu trong chuyến công du của Bộ trưởng X": the
# owner of a journey named past a comma is no one met ("hội đàm nhân chuyến thăm của X" is X's own).
JOURNEY_OWNED = re.compile(
    r",[^,;.]*?(?<!nhân)(?<!dịp)\s+chuyến\s+(?:công du|thăm|đi|công tác|viếng thăm)[^,;.]{0,40}?\s+của\s+"
    r"(?:(?:ông|bà|ngài|Ngài)\s+)?$"
)
THAT_CLAUSE = re.compile(r"(?<![\w])rằng(?![\w])")
PURPOSE_CLAUSE = re.compile(r"(?<![\w])(?:nhằm|để)\s+[a-zà-ỹđ]")

# "A được B đón tiếp": the host after "được", the guest before it.
PASSIVE_BY = re.compile(r"(?<![\w])được\s+(?:(?:ông|bà|ngài|Ngài)\s+)?$")
RECEIVED_NEXT = re.compile(r"\s*(?:,\s*)?(?:(?:đã|vừa|cùng|đón)\s+)*")  # "được B đón tiếp"


def received_by(ctx: Context, host: Mention, trigger: Trigger, sent: tuple[int, int]) -> Mention | None:
    """The guest of a host named after "được" right before the word that receives ("A được B đón tiếp"):
    the one named last before "được"."""
    passive = PASSIVE_BY.search(ctx.doc.text, max(sent[0], host.start - 16), host.start)
    if passive is None or not RECEIVED_NEXT.fullmatch(ctx.doc.text, host.end, trigger.start):
        return None
    before = [p for p in ctx.inside(sent[0], passive.start(), "PERSON") if p.key and p.key != host.key]
    return before[-1] if before else None


# "cuộc gặp (đầu tiên) giữa (hai Tổng thống) A và B".
BETWEEN = re.compile(r"giữa\s+(?:hai\s+)?(?:[\w-]+\s+){0,2}$")


def contact_events(
    ctx: Context,
    trigger: Trigger,
    actor: Mention,
    sent: tuple[int, int],
    stop: int,
    common: dict,
    not_travel: bool,
    triggers: list[Trigger],
) -> list[Event]:
    text = ctx.doc.text
    if trigger.type in ("meet", "call") and NEGATED_CONTACT.search(
        text, max(sent[0], trigger.start - 30), trigger.start
    ):
        return []  # "ông Trump không có kế hoạch gặp ông Kim", "sẽ không gặp": no meeting
    if trigger.type in ("meet", "call") and PREPARED_FOR.search(
        text, max(sent[0], trigger.start - 24), trigger.start
    ):
        return []  # "nhằm chuẩn bị cho hội nghị thượng đỉnh giữa A và B": not this sentence's meeting
    if trigger.type in ("meet", "call") and CONDITIONAL.search(
        text, max(sent[0], trigger.start - 80), trigger.start
    ):
        return []  # "nếu ông Trump và ông Putin gặp nhau trước ...": a supposition, no meeting
    both_before = False
    # Counterparts may be listed past a ";" ("hội đàm với A; B; C"): the whole sentence after the verb.
    reach = sent[1] if trigger.type in ("meet", "call") else stop
    # ... but not past the next meeting verb, whose counterparts are its own.
    following = [t.start for t in triggers if t.start > trigger.end and t.type in ("meet", "call")]
    if following and ctx.inside(trigger.end, following[0], "PERSON"):
        reach = min(reach, following[0])
    # ... nor past its purpose ("làm việc với phái đoàn do X dẫn đầu nhằm đưa ra quyết định về hội
    # nghị giữa A và B"): who is named there is talked about, not met.
    purpose = PURPOSE_CLAUSE.search(text, trigger.end, reach)
    if purpose and ctx.inside(trigger.end, purpose.start(), "PERSON"):
        reach = purpose.start()
    # ... nor into the event that dates it ("tiếp A tại Washington, một tháng trước khi B và C họp").
    dated_by = TIME_CLAUSE.search(text, trigger.end, reach)
    if dated_by and ctx.inside(trigger.end, dated_by.start(), "PERSON"):
        reach = dated_by.start()
    # ... nor into what was said there ("khẳng định trong cuộc hội đàm với A ... rằng ông không tin B").
    said = THAT_CLAUSE.search(text, trigger.end, reach)
    if said and ctx.inside(trigger.end, said.start(), "PERSON"):
        reach = said.start()
    counterparts = [
        p
        for p in ctx.inside(trigger.end, reach, "PERSON")
        if p.key != actor.key
        and (not p.get("former") or FORMER_MET.search(text, max(0, p.start - 40), p.start))
        # "tiếp ông A, đặc phái viên của Tổng Bí thư B": B sent A and is not there.
        and not SENDER.search(text, max(0, p.start - 30), p.start)
        # "tiếp ông A sang Việt Nam viếng Tổng Bí thư B": B is mourned, not met.
        and not REVERED.search(text, max(0, p.start - 20), p.start)
        # "... tiếp đoàn và chuyển lời thăm hỏi của Tổng Bí thư B, Chủ tịch nước C": greetings sent.
        and not GREETINGS_OF.search(text, max(0, p.start - 120), p.start)
        and not JOURNEY_OWNED.search(text, max(trigger.end, p.start - 120), p.start)
    ]
    if (
        trigger.type == "meet"
        and not counterparts
        and (passive := received_by(ctx, actor, trigger, sent)) is not None
    ):
        # "Tổng thống A được Tổng thống B đón tiếp tại Ankara": B receives A, as "B đón tiếp A" tells.
        counterparts = [passive]
    if (
        trigger.type in ("meet", "call")
        and actor.end <= trigger.start
        and (not counterparts or not WITH_AFTER.match(text, trigger.end))
    ):
        # "Tổng thống A và Thủ tướng B đã hội đàm": both sides before the verb; one is the other's,
        # whoever the rest of the sentence names ("... chuẩn bị có cuộc gặp thượng đỉnh và Mỹ sẽ ...").
        joined_before = [p for p in coordinated(ctx, actor, sent) if p.key != actor.key]
        if joined_before and (
            BOTH_SIDES_GAP.fullmatch(text, actor.end, trigger.start)
            or MEETING_FRAMED.fullmatch(text, actor.end, trigger.start)
        ):
            if counterparts and all(p.get("country") == actor.get("country") for p in joined_before):
                # "Thủ tướng A cùng Phu nhân B đã hội kiến Toàn quyền C": one side joined, the other
                # named after the verb; the first of that side is the subject.
                actor = joined_before[0]
            else:
                # The first named is the subject ("Tổng thống A và người đồng cấp B ... có cuộc gặp": A's
                # meeting with B); a meeting in one side's country is turned to the visitor's below.
                actor, *counterparts = [*joined_before, actor]
                both_before = True
    if (
        trigger.type == "meet"
        and not both_before
        and actor.end <= trigger.start
        and counterparts
        and CO_HOSTS_GAP.fullmatch(text, actor.end, trigger.start)
    ):
        # "Tổng thống A và Thủ tướng B cùng chủ trì lễ đón C": A and B, one subject, both meet C.
        counterparts = [p for p in coordinated(ctx, actor, sent) if p.key != actor.key] + counterparts
    if trigger.type == "meet" and not counterparts and THE_TWO.search(text, sent[0], trigger.start):
        # "Ông A thúc giục ông B ..., khi hai lãnh đạo gặp bên lề ...": the two named before meet.
        named = {
            p.key: p
            for p in ctx.inside(sent[0], trigger.start, "PERSON")
            if p.key != actor.key and not p.get("former") and p.get("country") != actor.get("country")
        }
        if len(named) == 1:
            counterparts, both_before = list(named.values()), True
    if (
        trigger.type in ("meet", "call")
        and not counterparts
        and (other := other_of_the_two(ctx, actor, sent))
    ):
        # "Bộ trưởng Ngoại giao hai nước đã hội đàm", "hai Thủ tướng hội đàm": the title names both
        # holders; the other is the one of another country the article introduced with it.
        counterparts = [other]
    if trigger.type in ("meet", "call") and (pair := subject_pair(ctx, trigger, sent)):
        # "Hai nhà lãnh đạo ngoại giao Nga - Mỹ đã hội đàm": the other of the two named before, whoever
        # else the sentence names ("... gặp nhau tại Singapore sau nỗ lực của Tổng thống Hàn Quốc").
        counterparts, both_before = [p for p in pair if p.key != actor.key], True
    if trigger.type in ("meet", "call") and (group := pair_group(ctx, trigger, sent) or []):
        # "Sau cuộc gặp giữa hai nguyên thủ Mỹ-Nga tại Hamburg, Ngoại trưởng X ... Trump ... Putin": the
        # two heads meet; whoever else the sentence names does not.
        counterparts, both_before = [p for p in group if p.key != actor.key], True
    if actor.start > trigger.end and BETWEEN.search(text, trigger.end, actor.start):
        both_before = True  # "cuộc gặp giữa hai Tổng thống A và B": both sides are its subjects
    if actor.start > trigger.end:
        # "Tại hội đàm, A và B ...": the verb comes first, the two sides after it.
        joined = [p for p in counterparts if re.fullmatch(r"\s*(?:và|với)\s*", text[actor.end : p.start])]
        counterparts = joined or counterparts
    # "X đến dự G20 ở Nhật Bản trong bối cảnh ..., sau hai lần ... khi tiếp đón Y tại phủ thủ tướng": a
    # meeting told in a clause of what came before is not placed by the main clause.
    own = clause_of(ctx, sent, trigger, triggers)
    comma = comma_outside_names(ctx, trigger.end, sent[1])
    if comma >= 0 and (said_after := word_pattern("reported_speech").search(ctx.doc.norm, comma, sent[1])):
        # "Tại cuộc gặp giữa A và B, ông B khẳng định sẽ ... tham dự APEC tại Đà Nẵng": what is said
        # after the meeting's phrase, places and summits, is the words', not the meeting's.
        own = (own[0], said_after.start())
    stated = places_at(ctx, own)
    if other_subject := NEW_SUBJECT.search(text, trigger.end, sent[1]):
        # "A và B chuẩn bị có cuộc gặp thượng đỉnh và Mỹ sẽ phải ... tại Syria": a clause of its own.
        stated = [p for p in stated if p.start < other_subject.start()]
    if told_by := last_said(ctx, sent[0], min(actor.start, trigger.start)):
        # "Tại Moskva, người phát ngôn X cho biết ... cuộc hội đàm giữa A và B": where the speaker was is
        # not where the meeting he tells of was; nor what the other clause says after a comma.
        stated = [
            p for p in stated if p.start > told_by and not re.search(r"[,;]\s*$", text[told_by : p.start])
        ]
    if (quoted := QUOTE_CLOSED.search(text, sent[0], sent[1])) is not None:
        # "... các cuộc không kích ở Syria ... chính là Iran ", Reuters dẫn lời X": the words quoted
        # place nothing the speaker did.
        stated = [p for p in stated if p.start > quoted.start()]
    if trigger.type == "speak":
        # "Phát biểu ... tại Singapore, Bộ trưởng X nhấn mạnh ... khủng bố ở Marawi": what the speaker
        # said is not where he spoke.
        said = word_pattern("reported_speech").search(ctx.doc.norm, trigger.end, sent[1])
        if said:
            stated = [p for p in stated if p.start < said.start()]
    if (clause := TIME_CLAUSE.search(text, sent[0], trigger.start)) and "," not in text[
        clause.end() : trigger.start
    ]:
        # "ngay trước khi A và B gặp nhau, Mỹ và Israel ... tại Syria": a meeting told as the time of
        # the main clause is not placed by what the main clause says after the comma.
        stated = [p for p in stated if comma < 0 or p.start < comma]
    if other_time := TIME_FROM_ANOTHER.search(text, trigger.end, sent[1]):
        # "Cuộc hội đàm giữa A và B diễn ra chưa đầy 2 tháng sau thượng đỉnh ... ở Hà Nội": the place
        # after a span counted from another event is that event's.
        stated = [p for p in stated if p.start < other_time.start()]
    elsewhere = main_clause_places(ctx, sent, trigger)
    stated = elsewhere or stated
    # "gặp nhau trước hội nghị NATO tại Brussels và trước chuyến thăm ... tới London": the places of the
    # events the meeting comes before, not the meeting's (a press conference "sau hội nghị ... ở Hamburg"
    # is held where the summit was).
    if trigger.type in ("meet", "call"):
        stated = [p for p in stated if not timed_by_other_event(text, sent, trigger, p)]
    location = location_from(ctx, stated)
    if location.country is None and not stated and (where := place_of_where(ctx, sent, trigger)):
        # "gọi điện cho X từ Jerusalem, nơi ông có cuộc gặp với Y": the place the clause is about.
        stated, location = where, location_from(ctx, where)
    if location.country is None and word_pattern("home_buildings").search(ctx.doc.norm, sent[0], sent[1]):
        location = Location(country="VN")  # "tại Phủ Chủ tịch", "tại Trụ sở Chính phủ": at home
    kind = trigger.type
    if (
        kind in ("meet", "call")
        and MEETING_AS_TIME.search(text, max(sent[0], trigger.start - 24), trigger.start)
        and not MEETING_OWN_SIDES.match(text, trigger.end)
    ):
        joined = [p for p in coordinated(ctx, actor, sent) if p.key != actor.key]
        if counterparts or not joined:
            return []  # "X không lâu sau cuộc gặp thông báo ... Trump ...": a time, not X's meeting
        # "A và B đã cùng nhau chơi trống sau cuộc hội đàm tại Nara": the two subjects' own meeting.
        actor, *counterparts = [*joined, actor]
        both_before = True
    if kind in ("meet", "call") and MEETING_COMPARED.search(
        text, max(sent[0], trigger.start - 24), trigger.start
    ):
        return []  # "... khoảnh khắc lịch sử, giống như cuộc gặp ở Singapore năm 2018 giữa ông và ông Kim"
    if kind == "meet" and not counterparts and not not_travel:
        return group_met_abroad(ctx, trigger, actor, sent, location, common)
    if kind in ("meet", "call"):
        if not counterparts or (kind == "meet" and counterparts[0].start - max(trigger.end, actor.end) > 250):
            return []
        if kind == "meet" and not_travel:
            return []
    if kind == "sign" and not word_pattern("agreement_words").search(text, trigger.end, stop):
        return []
    if kind == "speak" and not (
        ctx.inside(trigger.end, stop, "MEETING") or location.city or location.country
    ):
        return []
    summit = summit_at(ctx, own) if not elsewhere else None
    if location.country is None:
        location = summit_location(ctx, summit)
        stated = stated or ([summit] if summit is not None and held_at(ctx, summit) is not None else [])
    people = [person_of(p) for p in counterparts]
    unique = list({p.name: p for p in people}.values())
    received_at_home = (
        location.country is None and summit is None and receives_vietnamese(ctx, trigger, actor, unique)
    )
    if received_at_home:
        # "Tổng thống Bulgaria X chủ trì lễ đón Tổng Bí thư Tô Lâm tại quảng trường ...": a foreign head
        # receives at home, as a Vietnamese one does (`hosting.at_home`): the guest is the traveller.
        location = Location(country=actor.get("country"))
    event = make_event(ctx, kind, actor, sent, counterparts=unique, location=location, **common)
    event.end = event.start
    event.location_stated = (bool(stated) or received_at_home) and location.country is not None
    if summit is not None and summit.key:
        event.occasion = occasion_of(summit, event.start, ctx.published, location)
        year_from_occasion(event)
    if both_before and len(event.counterparts) == 1:
        guest = event.counterparts[0]
        host = event.actor
        if (
            location.country
            and host.country == location.country
            and guest.country not in (None, location.country)
        ):
            event.actor, event.counterparts = guest, [host]  # the visitor is the actor of a meeting abroad
    extra = others_present(ctx, event, both_before)
    return vietnamese_side_first(ctx, event) + extra


WELCOMES = re.compile(r"(?:chủ trì\s+)?lễ đón(?:\s+(?:chính thức|trọng thể|cấp [Nn]hà nước))?|đón")


def receives_vietnamese(ctx: Context, trigger: Trigger, actor: Mention, guests: list[Person]) -> bool:
    """Is the meeting a foreign leader, its subject, receiving or welcoming a Vietnamese leader?"""
    said = ctx.doc.text[trigger.start : trigger.end]
    return (
        actor.end <= trigger.start
        and actor.get("country") not in (None, "VN")
        and is_leader(person_of(actor))
        and any(g.country == "VN" and is_leader(g) for g in guests)
        and (word_pattern("receptions").fullmatch(said) is not None or WELCOMES.fullmatch(said) is not None)
    )


# The end of a quotation, then who is quoted: '... là Iran ", Reuters dẫn lời ông X'.
QUOTE_CLOSED = re.compile(
    r"[”\"]\s*,\s*(?:(?:ông|bà)\s+)?(?:[A-ZĐ][\w-]*(?:\s+[A-ZĐ][\w-]*){0,3}\s+)?"
    r"(?:dẫn lời|cho biết|nói)(?![\w])"
)


def comma_outside_names(ctx: Context, start: int, end: int) -> int:
    """The first comma in [start, end) outside a person's titles ("Tổng Bí thư, Chủ tịch nước X"), or -1."""
    comma = ctx.doc.text.find(",", start, end)
    while comma >= 0 and any(p.start < comma < p.end for p in ctx.inside(start, end, "PERSON")):
        comma = ctx.doc.text.find(",", comma + 1, end)
    return comma


def clause_of(
    ctx: Context, sent: tuple[int, int], trigger: Trigger, triggers: list[Trigger]
) -> tuple[int, int]:
    """The sentence from the background clause (`BACKGROUND_CLAUSE`) the trigger stands in, when that
    clause follows another predicate: "X đến dự G20 ..., sau hai lần ... khi tiếp đón Y"."""
    start = sent[0]
    for found in BACKGROUND_CLAUSE.finditer(ctx.doc.norm, sent[0], trigger.start):
        if any(sent[0] <= t.start and t.end <= found.start() for t in triggers):
            start = found.start()
    return start, sent[1]


def last_said(ctx: Context, start: int, end: int) -> int | None:
    """Where the last verb of reported speech before `end` ends, if any."""
    found = list(word_pattern("reported_speech").finditer(ctx.doc.norm, start, end))
    return found[-1].end() if found else None


def others_present(ctx: Context, event: Event, both_before: bool) -> list[Event]:
    """Who else a meeting abroad puts in its place. "A và B đã hội đàm tại X": both are the sentence's
    subjects. "A gặp B bên lề Hội nghị G20 tại Hamburg": a leader met at a summit attends it too.
    Each counterpart not at home gets a visit of its own (no second meeting)."""
    where = event.location.country
    if not event.location_stated or not where or event.remote or event.type not in ("meet", "sign"):
        return []
    if both_before and len(event.counterparts) == 1:
        # Either side may be the one who travelled: the guest a meeting at the host's home was turned
        # to (the actor now), or the counterpart of a meeting at a third country's summit.
        others = [event.actor, *event.counterparts]
    elif event.actor.country not in (None, "VN") and event.actor.country == where:
        # "Ngoại trưởng Mỹ X sẽ đối thoại với Y của Trung Quốc tại Washington": met at the foreign
        # host's home, the guests are the ones who travelled.
        others = [p for p in event.counterparts if is_leader(p) and p.country not in (None, "VN")]
    elif event.occasion is not None and event.occasion.series and event.actor.country not in (None, "VN"):
        # Foreign news tells of both sides; a Vietnamese leader's meetings abroad are told as his
        # own journey, the counterparts being met, not followed (the convention of SPEC.md).
        others = [p for p in event.counterparts if is_leader(p) and p.country != "VN"]
    else:
        return []
    # As firmly stated as the meeting that places it: the copy keeps its `firm`; the meeting's day is
    # one of the visit's, not its last (none is told).
    visits = [
        derived(ctx, event, "visit", other, [p for p in (event.actor, *event.counterparts) if p is not other])
        for other in others
        if other.country and other.country != where
    ]
    for visit in visits:
        visit.end = None
    return visits


def vietnamese_side_first(ctx: Context, event: Event) -> list[Event]:
    """A meeting between a foreign leader and Vietnamese leaders is told from the Vietnamese side:
    one event per Vietnamese participant, with the foreign leader as counterpart (the convention of
    the reference sets)."""
    if event.type not in ("meet", "call") or event.actor.country == "VN":
        return [event]
    hosts = [p for p in event.counterparts if p.country == "VN"]
    if not hosts:
        return [event]
    flipped = []
    for host in hosts:
        others = [event.actor] + [p for p in event.counterparts if p.country != "VN"]
        flipped.append(derived(ctx, event, event.type, host, others))
    return flipped


# Chairing together: "A và B đồng chủ trì Phiên họp ...", "A và B cùng chủ trì lễ kỷ niệm ...".
CO_CHAIR = re.compile(r"(?:đồng|cùng)\s+chủ trì")


def co_chairs_meet(
    ctx: Context, trigger: Trigger, actor: Mention, sent: tuple[int, int], common: dict
) -> list[Event]:
    """Two leaders of different countries who chair something together meet: one event, from the
    Vietnamese side where there is one (the convention of the reference sets), else the first named."""
    if not CO_CHAIR.search(ctx.doc.text, max(sent[0], trigger.start - 6), trigger.end):
        return []
    group = [p for p in coordinated(ctx, actor, sent) if p.get("country")]
    if len({p.get("country") for p in group}) < 2:
        return []
    first = next((p for p in group if p.get("country") == "VN"), group[0])
    others = list({person_of(p).name: person_of(p) for p in group if p.key != first.key}.values())
    event = make_event(ctx, "meet", first, sent, counterparts=others, **common)
    event.end = event.start
    return [event]


# A title told of both sides: "Bộ trưởng Ngoại giao hai nước", "hai Thủ tướng".
OF_BOTH_AFTER = re.compile(r"\s+hai\s+nước(?![\w])")
OF_BOTH_BEFORE = re.compile(r"(?<![\w])hai\s+$")


def other_of_the_two(ctx: Context, actor: Mention, sent: tuple[int, int]) -> Mention | None:
    """The other holder of a title told of both countries: the last person before the sentence who
    holds it and is of another country than the one the title resolved to."""
    text = ctx.doc.text
    if actor.label != "TITLE" or not (
        OF_BOTH_AFTER.match(text, actor.end)
        or OF_BOTH_BEFORE.search(text, max(0, actor.start - 6), actor.start)
    ):
        return None
    roles = set(actor.get("roles") or ())
    others = [
        p
        for p in ctx.inside(0, sent[0], "PERSON")
        if p.key != actor.key
        and p.get("country") not in (None, actor.get("country"))
        and roles & set(p.get("all_roles") or ())
    ]
    return others[-1] if others else None


# A clause naming the meeting that is the occasion of what the sentence tells: "Chiều 16/10, nhân dịp dự
# Hội nghị ... tại Singapore, ông X đã đến thăm TP HCM và chào xã giao Y" (not "nhân chuyến thăm Việt
# Nam, X hội kiến Y": the visit itself, where the meeting is).
OCCASION_CLAUSE = re.compile(
    r"(?:^|,\s*)(?:[Nn]hân dịp|[Nn]hân)\s+(?:sang\s+|tới\s+|đến\s+)?(?:tham\s+)?dự\s[^,;]*,"
)


def main_clause_places(ctx: Context, sent: tuple[int, int], trigger: Trigger) -> list[Mention]:
    """The places the main clause names before the meeting, after a clause naming the occasion: where
    the occasion is held ("nhân dịp dự Hội nghị ... tại Singapore") is not where the subject went
    from there ("đến thăm TP HCM và chào xã giao Y"), nor is its meeting the summit. None without."""
    clause = OCCASION_CLAUSE.search(ctx.doc.text, sent[0], trigger.start)
    places = ctx.inside(clause.end(), trigger.start, "PLACE") if clause is not None else []
    return [p for p in places if not ctx.within_person(p)]  # not "Bộ trưởng Quốc phòng Mỹ"


# ", nơi ông vừa tham dự ...": a relative clause about the place named right before it.
WHERE_CLAUSE = re.compile(r",\s+nơi\s+[^,;.]{0,40}$")


def place_of_where(ctx: Context, sent: tuple[int, int], trigger: Trigger) -> list[Mention]:
    clause = WHERE_CLAUSE.search(ctx.doc.text, sent[0], trigger.start)
    if clause is None:
        return []
    places = ctx.inside(sent[0], clause.start(), "PLACE")[-2:]
    if not places or clause.start() - places[-1].end > 1:
        return []
    # "Quebec, Canada": a city and its country, or the last place alone.
    paired = len(places) == 2 and ctx.doc.text[places[0].end : places[1].start].strip() == ","
    return places if paired else places[-1:]
