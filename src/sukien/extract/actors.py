"""Who did it: the actor of a trigger word in a sentence of Vietnamese news.

The subject stands before its verb ("Thủ tướng X hội đàm với Y"); a verb's object ("với Y",
"tiếp Y") is nobody's subject; a noun-phrase trigger that opens a sentence ("Trong khuôn khổ chuyến
thăm ..., Bộ trưởng X") takes its subject after it; "chuyến thăm của Y" is Y's. Hand-written: no
Vietnamese parser that runs offline here gives subjects and objects.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from sukien.doc import Mention
from sukien.extract.pairs import BETWEEN_AFTER, pair_group, subject_pair
from sukien.lexicon.triggers import (
    SENTENCE_OPENING,
    Trigger,
    alternation,
    clause_end,
    word_list,
    word_pattern,
)
from sukien.settings import GROUP_OWNER_REACH, OWNER_REACH
from sukien.understand.names import title_pattern

if TYPE_CHECKING:
    from sukien.extract.context import Context

ADJUNCT_VISIT = re.compile(
    r"(?<![\w])(?<!Phu )(?<!phu )(?:nhân|nhân dịp|trong|trong khuôn khổ|khuôn khổ)\s+"
    r"(?:(?:chuyến|đợt)\s+(?:(?:đi|công du|công tác)\s+)?)?$"
)
# Someone named as what is given or thanked is nobody's subject, nor the owner of a thing set apart
# from the verb by a comma: "gửi tặng nhà lãnh đạo X cuốn sách của Tổng thống Y, trong chuyến đi đến
# Bình Nhưỡng" (the giver goes, neither X nor Y); "điểm dừng chân của Y trong chuyến công du" is Y's.
GIVEN_BEFORE = re.compile(r"(?<![\w])(?:tặng|trao|gửi|cảm ơn)\s+(?:(?:ông|bà|ngài|Ngài)\s+)?$")
OWNED_BEFORE = re.compile(r"(?<![\w])của\s+(?:(?:ông|bà|ngài|Ngài)\s+)?$")


def sentence_subject(
    ctx: Context, before: list[Mention], sent: tuple[int, int], until: int
) -> Mention | None:
    """The first person of the sentence who is nobody's object."""
    text = ctx.doc.text
    for person in before:
        head = text[max(sent[0], person.start - 14) : person.start]
        if not OBJECT_OF_MEETING.search(head) and not given_or_owned(ctx, person, sent, until):
            return person
    return None


def given_or_owned(ctx: Context, person: Mention, sent: tuple[int, int], until: int) -> bool:
    """Is the person named as what is given or thanked, or as the owner of a thing a comma sets apart
    from the verb at `until`?"""
    text = ctx.doc.text
    head = max(sent[0], person.start - 14)
    if GIVEN_BEFORE.search(text, head, person.start):
        return True
    return OWNED_BEFORE.search(text, head, person.start) is not None and "," in text[person.end : until]


@cache
def at_home_building() -> re.Pattern[str]:
    """ "tại Trụ sở Chính phủ", "tại Phủ Chủ tịch", not "tại Phủ Chủ tịch Lào" (a country's name after)
    nor "tại Phủ Chủ tịch ở Thủ đô Vientiane" (a foreign city)."""
    buildings = alternation(word_list("home_buildings"))
    # News writes them in lower case as well ("tại trụ sở Chính phủ").
    return re.compile(
        rf"(?<![\w])tại\s+(?i:{buildings})(?![\w])(?!\s+(?:nước\s+)?[A-ZĐ])"
        r"(?!\s+(?:ở|tại)\s+(?:(?:[Tt]hủ đô|[Tt]hành phố)\s+)?(?!Hà Nội)[A-ZĐ])"
    )


# What stands between the guest and the meeting he came for: "Y nhân dịp (sang) tham dự Z".
GUEST_OCCASION = re.compile(r",?\s+nhân(?: dịp)?\s+(?:sang\s+|đến\s+)?")
# "tiếp ông Y", "đã có cuộc gặp làm việc với Thủ tướng Lào Y": the guest right after the host's verb.
RECEIVED_BY = re.compile(
    r"(?<![\w])(?:tiếp|đón|(?:gặp|gặp gỡ|hội đàm|hội kiến|làm việc)(?:\s+làm việc)?\s+với|hội kiến)"
    r"\s+(?:(?:ông|bà|Ngài|ngài)\s+)?$"
)


def guest_attending(
    ctx: Context, before: list[Mention], trigger: Trigger, sent: tuple[int, int]
) -> Mention | None:
    """ "Tại Trụ sở Chính phủ, Thủ tướng X đã tiếp Bộ trưởng Y nhân dịp tham dự Hội nghị Z": the guest
    received at home came for the meeting; the host, at home, attends nothing."""
    text = ctx.doc.text
    guest = before[-1] if before else None
    if guest is None or not GUEST_OCCASION.fullmatch(text, guest.end, trigger.start):
        return None
    if not RECEIVED_BY.search(text, max(sent[0], guest.start - 24), guest.start):
        return None
    return guest if at_home_building().search(ctx.doc.norm, sent[0], sent[1]) else None


# "Thủ tướng Malaysia A đã nhiệt liệt chào đón Thủ tướng B và lãnh đạo các nước ASEAN tham dự Hội nghị":
# those welcomed are those who attend; the host welcomes them.
WELCOMED_BY = re.compile(r"(?<![\w])(?:chào đón|đón tiếp|chào mừng|đón)\s+(?:(?:ông|bà|Ngài|ngài)\s+)?$")
WELCOMED_THEN_ATTENDING = re.compile(r"(?:\s+(?:và|cùng)\s+[^,;.()A-ZĐ]{2,40}?(?:\s[A-ZĐ][\w-]*){0,2})?\s+$")


def welcomed_attending(
    ctx: Context, before: list[Mention], trigger: Trigger, sent: tuple[int, int]
) -> Mention | None:
    """The guest a host welcomes to the meeting he attends, named right before "tham dự"."""
    text = ctx.doc.text
    guest = before[-1] if before else None
    if guest is None or not WELCOMED_THEN_ATTENDING.fullmatch(text, guest.end, trigger.start):
        return None
    return guest if WELCOMED_BY.search(text, max(sent[0], guest.start - 16), guest.start) else None


# "A mời B thăm Z", "mời ông Tập Cận Bình sang thăm": the one invited is no traveller yet.
INVITED = re.compile(r"(?:lời mời của|mời|đề nghị|yêu cầu)\s*(?:(?:ông|bà|ngài|Ngài)\s+)?$")


OBJECT_OF_MEETING = re.compile(r"(?:lời mời của|với|tiếp|gặp|đón|mời)\s*$")
# "... người đề nghị Trump gặp Lavrov": asked to meet, right before the verb, not the meeting's subject.
ASKED = re.compile(r"(?:đề nghị|yêu cầu)\s*$")


TWO_BEFORE_NAMES = re.compile(r"(?:hai|2)\s+(?=[A-ZĐ])")  # "giữa hai Tổng thống Mỹ A và ... B"
NOUN_PHRASE_TRIGGER = re.compile(
    r"(?:chuyến|dịp|khuôn khổ|[Nn]hân|[Tt]rong|[Ss]au|[Tt]rước|[Tt]ại|[Kk]ết thúc|[Tt]iếp tục)"
    r"\W+(?:\w+\W+){0,4}\w+$"
)


# Before a person named as whose body or administration another's office is: "của chính quyền X".
OWNER_IN_APPOSITION = re.compile(r"(?<![\w])của\s+(?:chính quyền|chính phủ|nội các|ê-kíp)\s+$")
# Before a person: someone sent on his behalf is the one who travels; so is a relative named by him
# ("Ivanka Trump, con gái Tổng thống Mỹ Donald Trump, thăm Hàn Quốc"; "vợ chồng Vua X" is the couple)
# and the bearer of his letter ("... Ngoại trưởng X đã chuyển lá thư chia buồn của Tổng thống Y").
SENDER = re.compile(
    r"(?:[Đđ]ặc phái viên|[Đđ]ặc sứ|[Pp]hái viên|[Đđ]ại diện|[Pp]hu nhân"
    r"|(?<![\w])(?:con (?:gái|trai)|em (?:gái|trai)|anh trai|chị gái|vợ(?! chồng)|(?<!vợ )chồng|cha|bố|mẹ"
    r"|cháu (?:gái|trai))"
    r"|(?<![\w])(?:thư|điện|thông điệp)(?:\s+(?:chia buồn|chúc mừng|cảm ơn|trả lời|riêng))?)"
    r"\s+(?:của\s+)?$"
)


def without_apposition(gap: str) -> str:
    """The words between a person and a verb, less the titles set after the name: "do đồng chí X,
    Ủy viên Bộ Chính trị, Trưởng Ban Quốc tế ..., Chủ tịch Ủy ban ..., dẫn đầu đang thăm" is as
    close to its verb as "do X dẫn đầu đang thăm"."""
    if gap.startswith(",") and title_pattern().match(gap.lstrip(", ")):
        return gap[gap.rindex(",") + 1 :]
    return gap


SPEAKER_AFTER = re.compile(r"\s+của\s+")
NOMINAL_BEFORE = re.compile(r"(?<![\w])sự\s+$")  # "sự tham dự": the participation, a noun
WELCOME = re.compile(r"[Ll]ễ đón")
# What opens the words a speaker reports: "cho biết, ...", "nói rằng ...".
SAID_OPENS = re.compile(r"\s*[,:]|\s+rằng(?![\w])")
SELF_AFTER = re.compile(r"\s*(?:ông|bà|mình|tôi)(?![\w])")


def speaker_of_another(ctx: Context, person: Mention, trigger: Trigger, candidates: list[Mention]) -> bool:
    """Does `person` only report what another person of the sentence, named after the words that
    report it, does ("X cho biết, tới đây Thủ tướng sẽ thăm Đức")?"""
    text = ctx.doc.text
    objects = word_pattern("object_markers")
    for said in word_pattern("reported_speech").finditer(ctx.doc.norm, person.end, trigger.start):
        opens = SAID_OPENS.match(text, said.end())
        if opens is None or SELF_AFTER.match(text, opens.end()):
            continue  # "X cho biết, ông đã có cuộc gặp ...": he speaks of himself
        if any(
            other.start >= said.end()
            and other.key != person.key
            and not objects.search(text, max(said.end(), other.start - 25), other.start)
            for other in candidates
        ):
            return True
    return False


# Where a verb goes on a list of predicates: "..., thăm chính thức Nga và dự Lễ ..., thăm cấp Nhà nước".
LISTED_NEXT = re.compile(r"(?:,|\svà)\s+$")


def listed_from(text: str, triggers: list[Trigger], start: int, trigger: Trigger) -> int:
    """The first verb of the list of predicates `trigger` ends, after `start`: "X lên đường thăm A,
    thăm B, thăm C và dự D, thăm E" is as close to X as its first verb, however long the list."""
    first = trigger.start
    for earlier in sorted(
        (t for t in triggers if start <= t.start and t.end <= first), key=lambda t: -t.start
    ):
        between = text[earlier.end : first]
        if len(between) > 120 or re.search(r"[;:.]", between) or not LISTED_NEXT.search(between):
            break
        first = earlier.start
    return first


def choose_actor(
    ctx: Context, trigger: Trigger, sent: tuple[int, int], triggers: list[Trigger]
) -> Mention | None:
    text = ctx.doc.text
    candidates = [p for p in ctx.inside(sent[0], sent[1], "PERSON") if not p.get("former")]
    before = [p for p in candidates if p.end <= trigger.start]
    if trigger.type == "visit" and ADJUNCT_VISIT.search(
        text, max(sent[0], trigger.start - 25), trigger.start
    ):
        # "A hội đàm với B nhân chuyến thăm Việt Nam": the visit is the subject's, A's.
        subject = sentence_subject(ctx, before, sent, trigger.start)
        if subject is not None:
            return subject
        if before and all(given_or_owned(ctx, p, sent, trigger.start) for p in before):
            # Those named are given or owned: the one who goes is the visit's owner, or no one named.
            owner = visit_owner(ctx, trigger, sent[1])
            return owner if owner is not None and owner.key else None
    if trigger.type == "attend" and (owner := visit_owner(ctx, trigger, sent[1])) is not None and owner.key:
        return owner  # "kết quả chuyến tham dự Hội nghị ... của Tổng Bí thư X, Đại sứ Y nhận định": X's
    if trigger.type == "attend" and (guest := guest_attending(ctx, before, trigger, sent)) is not None:
        return guest
    if trigger.type == "attend" and (guest := welcomed_attending(ctx, before, trigger, sent)) is not None:
        return guest
    if trigger.type == "attend" and NOMINAL_BEFORE.search(
        text, max(sent[0], trigger.start - 5), trigger.start
    ):
        # "mà không có sự tham dự của Trung Quốc": the participation is of the one named after "của",
        # a person or no one (a country's), never the sentence's subject.
        of = SPEAKER_AFTER.match(text, trigger.end)
        named = ctx.starting("PERSON", of.end()) if of else []
        if of is not None:
            return named[0] if named else None
    if trigger.type in ("meet", "call") and (pair := subject_pair(ctx, trigger, sent)) is not None:
        return pair[0]  # "Hai nhà lãnh đạo ngoại giao Nga - Mỹ đã hội đàm": the first named of the two
    if trigger.type in ("meet", "call") and (owner := meeting_owner(ctx, trigger, sent)) is not None:
        return owner  # "... can thiệp vào cuộc hội đàm kéo dài của A với B": A's meeting, not the subject's
    if trigger.type in ("meet", "call") and (among := BETWEEN_AFTER.match(text, trigger.end)):
        # "Tuyên bố của X được đưa ra trước cuộc gặp giữa A và B": the two after "giữa" meet, not X.
        two = TWO_BEFORE_NAMES.match(text, among.end())
        named = ctx.starting("PERSON", two.end() if two else among.end())
        if named:
            return named[0]
        group = pair_group(ctx, trigger, sent)
        if group is not None:  # "cuộc gặp giữa hai nguyên thủ Mỹ-Nga": those two, or no one known
            return group[0] if group else None
    if trigger.type != "visit" and JUDGED.search(text, max(sent[0], trigger.start - 30), trigger.start):
        # "Thượng nghị sĩ X gọi cuộc họp báo ở Helsinki là ...": what the subject judges is not his.
        return None
    if trigger.type in ("meet", "call") and AFTER_SEMICOLON.search(
        text, max(sent[0], trigger.start - 30), trigger.start
    ):
        # "X đã có các cuộc tiếp A, Tổng Giám đốc ...; tiếp ông B, ...": a clause with no subject after
        # ";" goes on the sentence's first meeting, whose subject it keeps (A, the last named, was met).
        earlier = [t for t in triggers if t.type in ("meet", "call") and t.end <= trigger.start]
        if earlier and text.find(";", earlier[0].end, trigger.start) >= 0:
            return choose_actor(ctx, earlier[0], sent, triggers)
    objects = word_pattern("object_markers")
    for person in reversed(before):
        if SENDER.search(text, max(sent[0], person.start - 30), person.start):
            continue  # "Đặc phái viên của Tổng Bí thư X": the envoy travels, X sends him
        if speaker_of_another(ctx, person, trigger, candidates):
            continue  # "X cho biết, sau các chuyến thăm Mỹ, Thủ tướng sẽ thăm Đức": the speaker stays
        # Another meeting verb between them makes this person that verb's object, not our subject.
        if any(t.type in ("meet", "call") and person.end <= t.start < trigger.start for t in triggers):
            head = text[max(sent[0], person.start - 25) : person.start]
            if objects.search(head):
                continue
        gap = text[person.end : listed_from(text, triggers, person.end, trigger)]
        if len(without_apposition(gap)) > 160:
            break
        if OWNER_IN_APPOSITION.search(text, max(sent[0], person.start - 30), person.start) and re.match(
            r"\s*,", text[person.end : trigger.start]
        ):
            # "James Mattis, Bộ trưởng Quốc phòng Mỹ của chính quyền Tổng thống Donald Trump, thăm Nhật
            # Bản": the one whose administration is named is no subject; the one it is told of is.
            continue
        head = text[max(sent[0], person.start - 14) : person.start]
        if SOURCE_BEFORE.search(head):
            continue  # "Theo lời ông X, sau chuyến thăm ..., Tổng thống Y": X tells, Y went
        if REVERED.search(head):
            continue  # "vào lăng viếng Chủ tịch Hồ Chí Minh, đến chào xã giao X": the one honoured acts not
        if within_closed_quote(text, sent[0], person, trigger.start):
            continue  # '" ... khó để Kim từ bỏ ... ", X nói với phóng viên': the one quoted of says nothing
        if MESSAGE_OWNER.search(text, max(sent[0], person.start - 90), person.start):
            continue  # "A chuyển lời mời thăm Z của lãnh đạo B tới C khi đến Y": B's words go, A travels
        if RECIPIENT_BEFORE.search(head) and MESSAGE_PASSED.search(
            text, max(sent[0], person.start - 120), person.start - 4
        ):
            continue  # "... tới Giáo hoàng khi đến Vatican": the one the words go to receives them
        # "A đón B thăm Z": B is the one who visits; "A mời B thăm Z" is only an invitation.
        objects_here = INVITED if trigger.type == "visit" else OBJECT_OF_MEETING
        if objects_here.search(head):
            continue
        if ASKED.search(head) and not text[person.end : trigger.start].strip():
            continue
        # "A sẽ gặp ông B tại APEC và đến thăm Trung Quốc": B, the object of the first verb, is not
        # the subject of the second, which goes on A's predicate.
        if (
            trigger.type == "visit"
            and any(t.type in ("meet", "call") and 0 <= person.start - t.end <= 12 for t in triggers)
            and NEXT_PREDICATE.search(text, person.end, trigger.start)
        ):
            continue
        # "X hội đàm với A; chào xã giao B; hội kiến C": B, right after a meeting verb, is its object.
        # ("sau nghi thức chào đón, Thủ tướng X đã hội đàm": past a comma, the subject of its own verb.)
        if trigger.type != "visit" and any(
            t.type in ("meet", "call")
            and t.end <= person.start
            and person.start - t.end <= 25
            and not re.search(r"[,;]", text[t.end : person.start])
            for t in triggers
        ):
            continue
        return person
    # "lễ đón Tổng Bí thư X ... tại Cung Độc lập": the one welcomed is the one who came.
    if WELCOME.match(ctx.doc.norm, trigger.start):
        welcomed = ctx.starting("PERSON", trigger.end + 1)
        return welcomed[0] if welcomed else None
    # "Phát biểu của Tổng Bí thư X tại ...": a speech named by its speaker right after it.
    of = SPEAKER_AFTER.match(text, trigger.end) if trigger.type in ("speak", "attend") else None
    speaker = [p for p in candidates if of and p.start == of.end()]
    if speaker:
        return speaker[0]
    # A subject after its verb only where the verb is a noun phrase that opens the sentence
    # ("Trong khuôn khổ chuyến thăm ..., Bộ trưởng X"), not "sang thăm" said of someone else.
    lead_in = text[max(sent[0], trigger.start - 30) : trigger.end]
    opens = SENTENCE_OPENING.fullmatch(text, sent[0], trigger.start) is not None  # "Tham dự ..., X ..."
    opens = opens or time_opens(ctx, trigger, sent)  # "Chiều tối 16/4, tiếp ông A, ..., Thủ tướng X ..."
    # "Khi đang làm việc tại Buenos Aires ..., Tổng thống X": a time clause put first has the main
    # clause's subject.
    # Its subject stands after the clause's comma: "Trước khi rời X tới Y để gặp A và B, ông Z ..." is Z's.
    main_from = trigger.end
    if FRONTED_TIME_CLAUSE.fullmatch(text, sent[0], trigger.start) or purpose_of_opening_going(
        text, sent, trigger, triggers
    ):
        opens, main_from = True, max(trigger.end, text.find(",", trigger.end, sent[1]))
    # "cuộc gặp vào ngày mai giữa A và B": the meeting of the two named after "giữa".
    between = trigger.type in ("meet", "call") and BETWEEN_AFTER.match(text, trigger.end)
    # "Trong khuôn khổ chuyến thăm Lào và đồng chủ trì Tham vấn ..., Bộ trưởng X": a verb joined by
    # "và" to a framing noun phrase frames the sentence as well.
    joined = any(
        t.end <= trigger.start
        and re.fullmatch(r"[^,;]*(?:\svà\s|,\s+)", text[t.end : trigger.start])
        and NOUN_PHRASE_TRIGGER.search(text[max(sent[0], t.start - 30) : t.end])
        for t in triggers
    )
    if not NOUN_PHRASE_TRIGGER.search(lead_in) and not opens and not between and not joined:
        return None
    for number, person in enumerate(candidates):
        if person.start < main_from:
            continue
        # Not past the one named before ("Trong cuộc gặp với ông A, Bộ trưởng B ...": "với" is A's).
        named_before = candidates[number - 1].end if number else sent[0]
        # "với người đồng nhiệm Pháp X": the object marker stands before the counterpart's rank.
        peer = PEER_BEFORE.search(text, max(sent[0], person.start - 40, named_before), person.start)
        head_end = peer.start() if peer else person.start
        head = text[max(sent[0], head_end - 14, named_before) : head_end]
        if objects.search(head) or SENDER.search(text, max(sent[0], person.start - 30), person.start):
            continue
        if trigger.type != "visit" and GIVER.search(head):
            # "Tham dự Chiêu đãi của X, Thủ tướng Y ...": X gives it, Y attends; "tại cuộc gặp ..., hai
            # bên đánh giá ... các chuyến thăm của Thủ tướng X": X owns the visits, not the meeting,
            # which is his only as "cuộc gặp của X với Y".
            if any(q.start > person.end and "," in text[person.end : q.start] for q in candidates):
                continue
            if trigger.type in ("meet", "call") and not OWN_MEETING.match(text, person.end):
                return None  # nor are those listed with X ("của X và Y"): the meeting names no subject
        return person
    return None


OPENING_GOING = ("đến", "tới", "sang")


def purpose_of_opening_going(
    text: str, sent: tuple[int, int], trigger: Trigger, triggers: list[Trigger]
) -> bool:
    """ "Đến Thổ Nhĩ Kỳ dự Hội nghị thượng đỉnh NATO, Tổng thống X ...": the purpose of a going that opens
    the sentence, in the same clause, has the main clause's subject as the going has."""
    return any(
        t.end <= trigger.start
        and text[t.start : t.end].lower() in OPENING_GOING
        and SENTENCE_OPENING.fullmatch(text, sent[0], t.start) is not None
        and not re.search(r"[,;]", text[t.end : trigger.start])
        for t in triggers
    )


PEER_BEFORE = re.compile(r"(?<![\w])người đồng (?:nhiệm|cấp)(?:\s+[A-ZĐ][^\s,;.]*){0,3}\s+$")


# Paying respects to someone, at his tomb or monument: "viếng Chủ tịch Hồ Chí Minh", "đặt vòng hoa
# tưởng niệm Tổng thống X", "đặt hoa tại tượng đài X".
# A message passed on to someone: what goes after "tới" is the message, whoever's words they are.
MESSAGE_PASSED = re.compile(
    r"(?<![\w])(?:chuyển|gửi|trao|chuyển tải)\s+(?:lời|bức thư|thư|thông điệp)(?![\w])"
    r"(?:(?!\s(?:rồi|sau đó|và|khi)\s)[^,.;:!?])*$"
)
RECIPIENT_BEFORE = re.compile(r"(?<![\w])(?:tới|đến|cho)\s+$")
CLOSED_QUOTE = re.compile(r"[\"“][^\"“”]*[\"”]")


def within_closed_quote(text: str, start: int, person: Mention, until: int) -> bool:
    """Is the person named inside a quotation that closes before `until`?"""
    return any(
        q.start() < person.start and person.end < q.end() for q in CLOSED_QUOTE.finditer(text, start, until)
    )


# The owner of an invitation or a message named in the sentence ("lời mời ... của lãnh đạo Triều Tiên").
MESSAGE_OWNER = re.compile(
    r"(?<![\w])(?:lời mời|lời|bức thư|thư|thông điệp)(?![\w])[^,;.()]{0,50}?\s+của\s+"
    r"(?:(?:nhà\s+)?lãnh\s+đạo(?:\s+[A-ZĐ][\w-]*){0,3}\s+)?(?:(?:ông|bà|ngài|Ngài)\s+)?$"
)
SOURCE_BEFORE = re.compile(r"(?<![\w])[Tt]heo(?:\s+lời)?\s+(?:(?:ông|bà|ngài|Ngài)\s+)?$")
REVERED = re.compile(r"(?<![\w])(?:viếng|tưởng niệm|tượng đài|lăng|đền thờ|đặt hoa)\s+(?:tại\s+)?$")


# A verb judging an event named after it: "gọi cuộc họp báo ... là", "chỉ trích hội nghị".
JUDGED = re.compile(
    r"(?<![\w])(?:gọi|chỉ trích|ca ngợi|phê phán|lên án|chế giễu|bình luận về)\s+"
    r"(?:(?:các|những|một|cuộc|buổi)\s+)*$"
)

# A meeting verb opening a clause after ";", with no subject of its own: "...; tiếp ông B".
AFTER_SEMICOLON = re.compile(r";\s*(?:và\s+)?(?:(?:đã|cũng|sau đó)\s+)*(?:(?:có\s+)?(?:các\s+|cuộc\s+)+)?$")

# Between a sentence's opening time and its verb: "Chiều tối 16/4, tiếp", "Tối 12/7 (giờ địa phương),
# hội kiến".
TIME_THEN_VERB = re.compile(r"(?:\s*\([^()]{0,30}\))?\s*,\s*")


def time_opens(ctx: Context, trigger: Trigger, sent: tuple[int, int]) -> bool:
    """Whether only the time the sentence opens with stands before the trigger: the verb's subject is
    then told after its object ("Chiều tối 16/4, tiếp ông A, Phó Chủ tịch ADB, Thủ tướng X đề nghị")."""
    text = ctx.doc.text
    first = SENTENCE_OPENING.match(text, sent[0])
    at = first.end() if first else sent[0]
    return any(
        when.start == at and TIME_THEN_VERB.fullmatch(text, when.end, trigger.start) is not None
        for when in ctx.doc.dates
        if at <= when.start < trigger.start
    )


# The opening of a time clause before its main clause, up to its verb: "Khi đang còn", "Trước khi".
FRONTED_TIME_CLAUSE = re.compile(
    r"\W*(?:Khi|Trong khi|Trong lúc|Lúc|Sau khi|Trước khi)(?:\s+(?:đang|còn|vừa|đã|sẽ|lên đường))*\s+"
)


MEETING_NOUN = re.compile(r"(?<![\w])(?:cuộc|buổi)\s")
OWNER_AFTER = re.compile(r"(?:\s+[\w-]+){0,3}?\s+của\s+(?:(?:ông|bà|ngài|Ngài)\s+)?")


def meeting_owner(ctx: Context, trigger: Trigger, sent: tuple[int, int]) -> Mention | None:
    """The owner of a meeting noun told with its other side: "cuộc hội đàm (kéo dài) của A với B" (a
    noun: "cuộc"/"buổi" before it; "A gặp đại diện của B với ..." is A's)."""
    if not MEETING_NOUN.search(ctx.doc.text, max(sent[0], trigger.start - 6), trigger.end):
        return None
    owner = OWNER_AFTER.match(ctx.doc.text, trigger.end, sent[1])
    named = ctx.starting("PERSON", owner.end()) if owner else []
    if not named or not OWN_MEETING.match(ctx.doc.text, named[0].end):
        return None
    return named[0]


# After the owner of a meeting noun, its other side: "cuộc gặp của X với Y".
OWN_MEETING = re.compile(r"\s*(?:\([^()]{0,30}\)\s*)?với\s")
# The one who gives or chairs what the verb names: "Chiêu đãi của X", "tiệc do X chủ trì".
GIVER = re.compile(r"(?<![\w])(?:của|do)\s+$")
OWNER = re.compile(r"(?<![\w])của\s+")
# A visit phrase run on before its owner: by a second predicate ("chuyến thăm chính thức Singapore và
# đồng chủ trì Đối thoại ... của X") or a time to come ("... và dự Hội nghị APEC sắp tới của ông X").
RUN_ON = re.compile(r"\svà\s|(?:sắp tới|tới đây)\s$")
# "và" opening a noun of its own ("và những tuyên bố của X"), not a second predicate of the visit's subject.
NOUN_RUN_ON = re.compile(r"\svà\s+(?:những|các|mọi|nhiều|một số)\s")
# "của ông Trump": the person is named after the honorific.
HONORIFIC_BEFORE = re.compile(r"(?:ông|bà|Ông|Bà|ngài|Ngài)\s+")
# An owner that is a group, not one person: "chuyến thăm Triều Tiên của nhóm chuyên gia Mỹ".
GROUP_OWNER = re.compile(
    r"(?:nhóm|các|những|giới|quan chức|chuyên gia|doanh nghiệp|nhà đầu tư|người dân|du khách|sinh viên"
    r"|học sinh|tàu|đoàn tàu|hải quân)(?![\w])"
)
# "chuyến thăm của Đoàn sẽ góp phần ...": a delegation's visit; its head is named only by "do X dẫn
# đầu" or "dưới sự dẫn đầu của X" in the same clause, and is then the visit's owner.
DELEGATION_OWNER = re.compile(r"[Đđ]oàn(?![\w])")
LED_BY = re.compile(r"[^,;.]{0,120}?\s(?:do|dưới sự dẫn đầu của)\s")
# A second predicate of one subject: "... và đến thăm", "..., sau đó sang".
NEXT_PREDICATE = re.compile(r"(?:\s|,)(?:và|rồi|sau đó|trước khi)\s+(?:\w+\s+){0,2}$")


def visit_owner(ctx: Context, trigger: Trigger, window: int) -> Mention | None:
    """The person after "của" in "chuyến thăm ... của Y", or None when the visit names no owner.

    A title without a name ("của Nhà Vua") comes back with no key: someone the article does not name.
    """
    phrase = ctx.doc.text[max(0, trigger.start - 7) : trigger.end]
    if "chuyến" not in phrase.lower():
        return None
    found = OWNER.search(ctx.doc.norm, trigger.end, min(window, trigger.end + OWNER_REACH)) or far_owner(
        ctx, trigger
    )
    if not found or re.search(r"mời\s*$", ctx.doc.norm[max(0, found.start() - 8) : found.start()]):
        return None  # "theo lời mời của Y": Y invites, the visit is someone else's
    if SENDER.search(ctx.doc.text, max(0, found.start() - 30), found.end()):
        return None  # "chuyến thăm Hoa Kỳ với tư cách Đặc phái viên của Tổng Bí thư X": X sends, not goes
    if KIN_OWNER.match(ctx.doc.text, found.end()):
        # "chuyến thăm ... của con gái ông Donald Trump": a relative's visit, someone the text does not name
        return Mention(found.end(), found.end(), "TITLE", "", None)
    honorific = HONORIFIC_BEFORE.match(ctx.doc.text, found.end())
    people = ctx.starting("PERSON", found.end()) or (
        ctx.starting("PERSON", honorific.end()) if honorific else []
    )
    if people:
        return people[0]
    gap = ctx.doc.text[trigger.end : found.start()]
    delegation = DELEGATION_OWNER.match(ctx.doc.norm, found.end()) and not LED_BY.match(
        ctx.doc.norm, found.end()
    )
    if (
        (delegation or GROUP_OWNER.match(ctx.doc.norm, found.end()))
        and len(gap) <= GROUP_OWNER_REACH
        and "," not in gap
    ):
        return Mention(found.end(), found.end(), "TITLE", "", None)  # a group's visit, no one leader's
    chained = person_after_titles(ctx, found.end())
    if chained is not None:
        return chained
    titles = ctx.starting("TITLE", found.end())
    named_later = named_after(ctx, titles[0]) if titles else None
    if named_later is not None:
        return named_later
    if titles or re.match(
        # "chuyến thăm của cựu ngoại trưởng": a title in lower case names someone the sentence does not.
        r"(?:Nhà Vua|Nhà vua|Hoàng|Vua|Nữ hoàng|ông|bà|Ông|Bà|(?:nhà )?lãnh đạo|người đứng đầu|[Cc]ựu\s|"
        r"(?:phó )?(?:tổng thống|thủ tướng|ngoại trưởng|bộ trưởng|quốc vương)(?![\w]))",
        ctx.doc.text[found.end() :],
    ):
        return Mention(found.end(), found.end(), "TITLE", "", None)
    return None


# A relative of the one named after: "của con gái ông X", "của vợ Tổng thống X", "của ái nữ ...".
KIN_OWNER = re.compile(
    r"(?:con gái|con trai|con rể|con dâu|vợ|chồng|ái nữ|em gái|em trai|anh trai|chị gái|cháu|mẹ|cha|bố)"
    r"(?:\s+(?:cả|út|riêng|lớn))?\s+(?:của\s+)?(?:ông|bà|ngài|[A-ZĐ])"
)


def far_owner(ctx: Context, trigger: Trigger) -> re.Match[str] | None:
    """The "của" of a visit phrase that runs on past `OWNER_REACH`, within its clause, with no comma
    and no person before it."""
    norm = ctx.doc.norm
    found = OWNER.search(norm, trigger.end, clause_end(norm, trigger.end, trigger.end + 2 * OWNER_REACH))
    if found is None:
        return None
    gap = norm[trigger.end : found.start() + 1]
    if "," in gap or not RUN_ON.search(gap) or ctx.inside(trigger.end, found.start(), "PERSON"):
        return None
    if NOUN_RUN_ON.search(gap):
        return None  # "chuyến thăm ... tại Nga và những tuyên bố của Tổng thống Putin": another noun's owner
    return found


def person_after_titles(ctx: Context, start: int, pieces: int = 3) -> Mention | None:
    """The person ending a chain of offices: "của Tổng Bí thư Ban Chấp hành Trung ương Đảng Cộng sản
    Trung Quốc, Chủ tịch nước ... Tập Cận Bình" names one man after two titles, each piece of the
    chain opening with a title and closed by a comma."""
    text = ctx.doc.text
    position = start
    for _ in range(pieces):
        if not ctx.starting("TITLE", position):
            return None
        comma = text.find(",", position, position + 120)
        if comma < 0 or re.search(r"[.;:!?\n]", text[position:comma]):
            return None
        position = comma + 1
        while position < len(text) and text[position] == " ":
            position += 1
        people = ctx.starting("PERSON", position)
        if people:
            return people[0]
    return None


def named_after(ctx: Context, title: Mention) -> Mention | None:
    """The person a title names further on in its sentence ("chuyến thăm ... của Tổng thống Sri Lanka,
    sáng 5/5, ... Tổng thống Anura Kumara Dissanayaka đã ..."): same role, no other country."""
    roles = set(title.get("roles") or ())
    country = title.get("country")
    stop = next((e for s, e in ctx.doc.sentences if s <= title.start < e), title.end)
    for person in ctx.inside(title.end, stop, "PERSON"):
        if roles & set(person.get("roles") or ()) and person.get("country") in (None, country):
            return person
    return None
