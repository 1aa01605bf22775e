"""Title chains: "Tổng Bí thư, Chủ tịch nước", "Bộ trưởng Ngoại giao Trung Quốc", the qualifiers and
bodies that tell whose officer someone is, and the titles set after a name in apposition ("ông X,
Phó tổng thư ký Quốc phòng Úc"). `people` puts a name to them.

Written by hand for the reason `people` gives: no Vietnamese NER reads titles and their bodies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sukien.lexicon import gazetteer as gz
from sukien.lexicon.names import NAME_RUN, ORG_HEAD
from sukien.text.fold import fold
from sukien.understand.names import (
    ORG_ACRONYM,
    PROSE_NEXT,
    take_name,
    title_pattern,
    vietnamese_syllable,
)
from sukien.understand.portfolios import listed_portfolios_end, portfolio_rest, portfolio_to_country
from sukien.understand.qualifiers import (
    HOST_WORDS,
    country_qualifier,
    qualifier_country,
    qualifier_pattern,
)


@dataclass
class TitleChain:
    start: int
    end: int
    titles: list[str]
    country: str | None
    org: str | None


# A spouse's title after a comma names the spouse, never the person before it.
SPOUSE = re.compile(r"(?:Phu nhân|phu nhân|Phu quân|phu quân|Đệ nhất [Pp]hu nhân)")
CHAIN_LINK = re.compile(r"(?:,(?:[ \u00a0]+(?:kiêm|đồng thời là))?|[ \u00a0]+kiêm)[ \u00a0]+")
# Words left of a body's name after the qualifiers the gazetteer knows (each capitalised, or the
# lower-case second syllable of one: "Cộng sản"); `body_rest` checks the capitals.
BODY_REST = re.compile(r"(?:[ \u00a0]+\w[\w-]*){1,8}")


def body_rest(text: str, pos: int) -> re.Match[str] | None:
    """The capitalised words from `pos` on ("Cộng sản Trung Quốc"), at most five, a lower-case word
    allowed only right after a capitalised one, never "và" (which joins another person)."""
    found = BODY_REST.match(text, pos)
    if found is None:
        return None
    words = found.group(0).split()
    kept, capitals, after_capital = 0, 0, False
    for word in words:
        if word[0].isupper():
            after_capital, capitals = True, capitals + 1
        elif after_capital and word not in ("và", "với", "của"):
            after_capital = False
        else:
            break
        kept += 1
        if capitals == 5:
            break
    if not kept:
        return None
    return re.compile(r"[\s\S]*").match(text, pos, words_end(text, pos, words[:kept]))


def words_end(text: str, pos: int, words: list[str]) -> int:
    """Where `words`, found one after the other from `pos` on, end in `text`."""
    for word in words:
        pos = text.index(word, pos) + len(word)
    return pos


# The inviter of a fronted "Theo lời mời của ...," clause: a title after its comma is the invitee's.
INVITER_BEFORE = re.compile(r"(?<![\w])lời mời của\s+$", re.IGNORECASE)
# A place in brackets after a title's country: "Trưởng Khu hành chính đặc biệt Hong Kong (Trung Quốc) X".
BRACKETED_PLACE = re.compile(r"[ \u00a0]*\(([^()]{2,24})\)")


def parse_chain(text: str, match: re.Match[str]) -> TitleChain:
    """TITLE [QUALIFIERS] [, TITLE [QUALIFIERS]]... starting at a title match."""
    titles: list[str] = []
    country: str | None = None
    org: str | None = None
    pos = match.start()
    invited_by = INVITER_BEFORE.search(text, max(0, pos - 24), pos) is not None
    first: TitleChain | None = None  # the chain up to its first title's end
    current: re.Match[str] | None = match
    while current is not None:
        pos = portfolio_rest(text, current.group(0), current.end())
        portfolio = portfolio_to_country(text, current.group(0), pos)
        # An unlisted portfolio is part of the role ("Bộ trưởng Biến đổi khí hậu và Môi trường"), a
        # ministry named as a body qualifies it ("Bộ trưởng Bộ Đầu tư, Thương mại và Công nghiệp").
        named_as_body = text[pos:portfolio].strip().startswith("Bộ ")
        unlisted = portfolio > pos and not named_as_body
        titles.append(text[current.start() : portfolio].strip() if unlisted else current.group(0))
        body_from = pos if named_as_body else None
        # The portfolios listed after the first are no part of the role: they only lead to the country.
        pos = listed_portfolios_end(text, current.group(0), portfolio) if portfolio == pos else portfolio
        last_org = False  # did the title's last qualifier name a body (whose name may run on)?
        after_country = False  # was the last qualifier a country?
        while True:
            qualifier = qualifier_pattern().match(text, pos)
            if not qualifier:
                break
            phrase = qualifier.group(0).strip()
            found = qualifier_country(phrase)
            if found is not None and after_country:
                # "Lãnh đạo Đài Loan Thái Anh Văn": one country qualifies a title; a second one right
                # after it is the name's first syllables ("Thái", "Anh").
                break
            after_country = found is not None
            last_org = found is None
            if found is not None:
                # The country nearest the name qualifies it ("Bộ trưởng Ngoại giao Trung Quốc, Phó Thủ
                # tướng, Bộ trưởng Ngoại giao Việt Nam Phạm Bình Minh").
                country = found.code
            elif phrase.lower() not in HOST_WORDS:
                org = org or phrase
                # A party or body named with its country ("Đảng Lao động Triều Tiên", "Quốc hội
                # Lào") tells the person's country as a bare country does.
                country = country_ending(phrase) or country
            pos = qualifier.end()
        acronym = ORG_ACRONYM.match(text, pos) if last_org else None
        if acronym is not None and CHAIN_LINK.match(text, acronym.end()):
            # "Phó Chủ tịch Ủy ban châu Âu (EC), Đại diện cấp cao ...": the body's acronym, then the chain.
            pos = acronym.end()
        bracketed = BRACKETED_PLACE.match(text, pos) if after_country else None
        if bracketed is not None and qualifier_country(bracketed.group(1).strip()) is not None:
            pos = bracketed.end()  # "Hong Kong (Trung Quốc)": the bracket says whose it is
        if body_from is not None:
            org = org or text[body_from:pos].strip()  # the ministry and its country, as a body is told
        if pos == current.end() and BODY_TITLE_END.search(current.group(0)):
            # "Chủ tịch Đảng Công nhân Hungary Guyls Thurmer": a party no list knows, named up to its
            # country, then the person.
            named = body_named_to_country(text, pos)
            if named is not None:
                org, country, pos = named
            elif (bracketed := BODY_THEN_BRACKET.match(text, pos)) is not None and NAME_RUN.match(
                text, bracketed.end() + 1
            ):
                # "Chủ tịch Đảng Amanat (cầm quyền) Yerlan Koshanov": the party's name, what the bracket
                # says of it, then the person.
                org, pos = bracketed.group(1).strip(), bracketed.end()
        rest = body_rest(text, pos) if last_org else None
        if rest and country_ending(rest.group(0)) and CHAIN_LINK.match(text, rest.end()):
            # "Tổng Bí thư Ban Chấp hành Trung ương Đảng Cộng sản Trung Quốc, Chủ tịch nước ...": the
            # rest of a body's name, ending in its country, before the next title of the chain.
            country = country_ending(rest.group(0))
            pos = rest.end()
        if country is None and (sent_by := sender_country(text, current.group(0), pos)) is not None:
            country, pos = sent_by
        pos = envoy_topic_end(text, current.group(0), pos)
        if first is None:
            first = TitleChain(match.start(), pos, list(titles), country, org)
        # Another title after a comma or "kiêm" continues the chain: "Tổng Bí thư, Chủ tịch nước".
        link = CHAIN_LINK.match(text, pos)
        current = title_pattern().match(text, link.end()) if link else None
    if (
        first is not None
        and invited_by
        and len(titles) > 1
        and first.country is None
        and country not in (None, "VN")
    ):
        # "Theo lời mời của Thủ tướng, Trưởng Khu hành chính đặc biệt Hong Kong X sẽ thăm": the comma
        # ends the inviter's title; the foreign office after it is the guest's.
        return first
    return TitleChain(match.start(), pos, titles, country, org)


# An envoy is of the country whose leader sends him: "Đặc phái viên của Thủ tướng Thái Lan".
ENVOY_TITLE = re.compile(
    r"(?:[Đđ]ặc phái viên|[Đđ]ặc sứ|[Pp]hái viên)(?:\s+đặc biệt)?(?:\s+của\s+\w+(?:\s+\w+)?)?"
)
SENT_BY = re.compile(r"[ \u00a0]+của[ \u00a0]+")


def sender_country(text: str, title: str, pos: int) -> tuple[str, int] | None:
    """(country, end) of the leader who sends an envoy, named after the envoy's title, or None."""
    if not ENVOY_TITLE.fullmatch(title):
        return None
    # ("Đặc phái viên của Tổng thống Hàn Quốc": a title holding the sender's office has its country from
    # the chain's qualifiers, and never comes here.)
    sender = SENT_BY.match(text, pos)
    office = title_pattern().match(text, sender.end()) if sender else None
    qualifier = country_qualifier(text, office.end()) if office else None
    if qualifier is None:
        return None
    found = qualifier_country(qualifier.group(0).strip())
    return (found.code, qualifier.end()) if found is not None else None


ENVOY_ABOUT = re.compile(r"[ \u00a0]+về(?:[ \u00a0]+vấn đề)?(?=[ \u00a0])")


def envoy_topic_end(text: str, title: str, pos: int) -> int:
    """Past the country an envoy is for ("Đặc phái viên Mỹ về Triều Tiên Sung Kim"), when a name follows
    it; `pos` otherwise."""
    about = ENVOY_ABOUT.match(text, pos) if ENVOY_TITLE.fullmatch(title) else None
    topic = country_qualifier(text, about.end()) if about else None
    if topic is None or take_name(text, topic.end()) is None:
        return pos
    return topic.end()


# A body's capitalised name and a bracket after it, before the holder's name.
BODY_THEN_BRACKET = re.compile(r"[ \u00a0]+((?:[A-ZĐ][\w-]*[ \u00a0]+){1,4})\([^()\n]{1,30}\)(?=[ \u00a0]+)")
# A title ending in the head of a body whose name follows: "Chủ tịch Đảng", "Chủ tịch Mặt trận".
BODY_TITLE_END = re.compile(r"(?:Đảng|Mặt trận|Liên minh|Phong trào)$")


def body_named_to_country(text: str, pos: int) -> tuple[str, str, int] | None:
    """The rest of a body's name from `pos` up to the country it ends in, with more capitalised words
    (the person's name) after it: (name, country, end)."""
    rest = body_rest(text, pos)
    if rest is None:
        return None
    words = rest.group(0).split()
    for size in range(len(words) - 1, 0, -1):
        country = country_ending(" ".join(words[:size]))
        if country is not None and gz.load().country(f"{words[size - 1]} {words[size]}") is not None:
            continue  # "Đảng Cộng sản Trung Quốc": "Trung" ends no name when "Trung Quốc" is the country
        if country is not None and words[size][:1].isupper():
            end = words_end(text, pos, words[:size])
            return text[pos:end].strip(), country, end
    return None


def country_ending(phrase: str) -> str | None:
    """The country a body's name ends with: "Đảng Cộng sản Trung Quốc" -> CN."""
    g = gz.load()
    words = phrase.split()
    for size in range(min(5, len(words) - 1), 0, -1):
        found = g.country(" ".join(words[-size:]))
        if found is not None and words[-size][:1].isupper():
            # "Ủy ban hợp tác Lào - Việt Nam": a body of two countries is neither's.
            return None if PAIRED_BEFORE.search(" ".join(words[:-size])) else found.code
    return None


# A country right before a dash or "và" ("Lào - ", "Việt Nam và"): the body's name pairs two countries.
PAIRED_BEFORE = re.compile(r"[A-ZĐ][\w]*\s*(?:[-–]|\svà)$")


def without_ranks(roles: list[str]) -> list[str]:
    """A military rank or a seat in a party body ("Ủy viên Bộ Chính trị") is not the role when the
    person also holds an office."""
    ranks = gz.load().military_ranks
    offices = [r for r in roles if r not in ranks and not fold(r).startswith("uy vien")]
    return offices or roles


# What a bare title followed by it is the subject of: a clause going on, not a title in apposition.
CLAUSE_GOES_ON = re.compile(
    r"[ \u00a0]+(?:sẽ|đã|đang|vừa|cũng|cho biết|khẳng định|nhấn mạnh|phát biểu|tuyên bố|tiếp|hội kiến"
    r"|hội đàm|gặp|thăm|dự|tham dự|lên đường|rời|chủ trì|đề nghị)(?![\w])"
)
# "ông X, thành viên Hội đồng quản trị, Giám đốc điều hành ...": a membership told before the title.
APPOSED_NOW = re.compile(
    r"(?:,|[ \u00a0]+[-–])[ \u00a0]+"
    r"(?:(?:thành viên|đồng sáng lập|người sáng lập)[^,;.()\n]{0,50},[ \u00a0]+)?"
)
APPOSED_FORMER = re.compile(r"(?:,|[ \u00a0]+[-–])[ \u00a0]+(?:nguyên|cựu)[ \u00a0]+")


def apposition(text: str, pos: int, former: bool = False) -> TitleChain | None:
    """A title chain right after a name, not followed by another name: the name's own titles; with
    `former`, only the titles once held ("Bounnhang Volachit, nguyên Tổng Bí thư ...")."""
    # ", Chủ tịch ..." or, as some outlets write it, " - Chủ tịch ...".
    comma = (APPOSED_FORMER if former else APPOSED_NOW).match(text, pos)
    if not comma:
        return None
    title = title_pattern().match(text, comma.end())
    if not title:
        return None
    chain = parse_chain(text, title)
    if chain.country is None and chain.org is None and CLAUSE_GOES_ON.match(text, chain.end):
        return None  # "Nhận lời mời của Tổng thống X, Chủ tịch nước sẽ thăm ...": the next clause's subject
    if all(SPOUSE.fullmatch(t) for t in chain.titles):
        return None  # "Thủ tướng X, Phu nhân và đoàn đại biểu ...": his wife, another person

    if (name := take_name(text, chain.end)) is not None and names_company(text, chain, name):
        # "ngài Patrick McKillen, Chủ tịch Tập đoàn Pacific Land, ...": the company's own name.
        chain.org, chain.end = text[chain.end : name[1]].strip(), name[1]
    elif name is not None:
        ending = body_of_country(text, chain.end, name)
        if ending is None and not opens_lower_body(text, name):
            return None
        if ending is not None:
            # "ông Hugh Jeffrey, Phó tổng thư ký Quốc phòng Úc, về ...": a body ending in its country,
            # not another person's name.
            chain.country, chain.org = chain.country or ending[0], chain.org or ending[1]
            chain.end = ending[2]
    rest = body_rest(text, chain.end) if chain.org is None else None
    if rest is not None and ORG_HEAD.match(rest.group(0).lstrip()):
        # "Bà X, Chủ tịch Tập đoàn TH Group": the body no list knows still says whose officer she is.
        body = rest.group(0)
        body = body[: next_title.start()] if (next_title := title_pattern().search(body, 1)) else body
        words = body.split()
        capitals = [n for n, word in enumerate(words) if word[0].isupper()]
        # Up to its last capital when it has several: "Tập đoàn TH Group", not "... Group phát".
        chain.org = " ".join(words[: capitals[-1] + 1] if len(capitals) > 1 else words)
        if chain.country is None and (clause := BODY_CLAUSE.match(text, chain.end)) is not None:
            # "ông A Đông, Bí thư thứ nhất Ban Bí thư Trung ương Đoàn Thanh niên Cộng sản Trung Quốc làm
            # Trưởng đoàn": the one country the body's clause names is the officer's, up to a verb of
            # going ("Bộ trưởng Bộ Quốc phòng thăm chính thức Nhật Bản" names where he goes).
            body = VERB_AFTER_BODY.split(clause.group(1), maxsplit=1)[0]
            named = {key for _s, _e, label, key in gz.load().find_places(body) if label == "COUNTRY"}
            chain.country = named.pop() if len(named) == 1 else None
    return chain


# A body named by what follows it, not by the title list: "Tập đoàn Pacific Land", "Công ty ABC".
COMPANY_HEAD = re.compile(r"(?:Tập đoàn|Tổng công ty|Công ty|Hãng|Ngân hàng|Quỹ)")


def names_company(text: str, chain: TitleChain, name: tuple[int, int]) -> bool:
    """Is what stands between the chain and the name a company's head word, so that the name is
    the company's ("Chủ tịch Tập đoàn Pacific Land")?"""
    return COMPANY_HEAD.fullmatch(chain.org or text[chain.end : name[0]].strip()) is not None


APPOSED_BODY = re.compile(r"[ \u00a0]+([^,;.:()\n]{2,60}?)(?=[ \u00a0]*[,;.:(\n])")
# A body's clause after an officer's title, up to the next comma: where its country may be named.
# What it does after the body ("thăm", "sang", "tới", "dự" ...) is no part of it.
VERB_AFTER_BODY = re.compile(r"\s(?:thăm|sang|tới|đến|dự|tham dự|công tác|làm việc|hội đàm|gặp)(?![\w])")
BODY_CLAUSE = re.compile(r"[ \u00a0]+([^,;.:()\n]{2,120}?)(?=[ \u00a0]*[,;.:(\n])")


# "Chủ tịch Hội đồng Đại biểu nhân dân Indonesia (Hạ viện), bà Puan Maharani": a title, its body, then
# its holder after a comma and an honorific.
# "Đại diện cấp cao của Liên minh châu Âu (EU) về Chính sách đối ngoại và an ninh, ông X": the body after
# "của", its acronym, and what the office is for after "về".
BODY_THEN_HOLDER = re.compile(
    r"(?:[ \u00a0]+(?:của[ \u00a0]+)?([A-ZĐ][^,;.:()\n]{0,80}?))?[ \u00a0]*(?:\([^()\n]{1,40}\))?"
    r"(?:[ \u00a0]+về[ \u00a0]+[^,;.:()\n]{2,60})?,[ \u00a0]+"
    r"(?:ông|bà|ngài|Ông|Bà|Ngài)(?=[ \u00a0]+[A-ZĐ])"
)
NOT_IN_BODY = frozenset(
    {"đã", "sẽ", "đang", "và", "với", "cho", "là", "có", "được", "để", "khi", "tại", "về", "từ"}
)


# "Chủ tịch Hội đồng Hiệp thương Nhân dân Indonesia (MPR), Ahmad Muzani": a body closed by its acronym in
# brackets, then its holder after a comma with no honorific; the name must end there.
BODY_ACRONYM_THEN_HOLDER = re.compile(
    r"(?:[ \u00a0]+(?:của[ \u00a0]+)?([A-ZĐ][^,;.:()\n]{0,80}?))?"
    r"[ \u00a0]*\([A-Z]{2,8}\),(?=[ \u00a0]+[A-ZĐ])"
)


def holder_after_body(text: str, pos: int) -> tuple[tuple[int, int], str] | None:
    """(the holder's name span, the body) of a title written "TITLE [BODY], bà NAME", or None."""
    found = BODY_THEN_HOLDER.match(text, pos)
    if found is None:
        return holder_after_acronym(text, pos) or holder_after_place(text, pos)
    body = (found.group(1) or "").strip()
    if any(word in NOT_IN_BODY for word in body.split()):
        return None
    name = take_name(text, found.end())
    return (name, body) if name is not None else None


ACRONYM_CLOSED = re.compile(r"\([A-Z]{2,8}\)$")
COMMA_THEN_NAME = re.compile(r",(?=[ \u00a0]+[A-ZĐ])")


def holder_after_acronym(text: str, pos: int) -> tuple[tuple[int, int], str] | None:
    if (found := BODY_ACRONYM_THEN_HOLDER.match(text, pos)) is not None:
        body, name_from = (found.group(1) or "").strip(), found.end()
    elif ACRONYM_CLOSED.search(text, max(0, pos - 10), pos) and (comma := COMMA_THEN_NAME.match(text, pos)):
        body, name_from = "", comma.end()  # the chain read the acronym already
    else:
        return None
    if any(word in NOT_IN_BODY for word in body.split()):
        return None
    name = take_name(text, name_from)
    if name is None or not NAME_ENDS.match(text, name[1]):
        return None
    return name, body


# "Thị trưởng thứ nhất thành phố cảng Hamburg, Peter Tschentscher": a title over a place, then its
# holder after a comma, with no honorific; the name must end there.
PLACE_THEN_HOLDER = re.compile(r"[ \u00a0]+([^,;.:()\n]{2,60}?),(?=[ \u00a0]+[A-ZĐ])")
NAME_ENDS = re.compile(r"[ \u00a0]*(?:[,.;:()\n\"”]|$)")
ACRONYM_BODY = re.compile(r"(?<![\w])[A-Z]{2,6}$")  # "FIFA", "IOC", "ADB": a body by its acronym
PROSE_AFTER = re.compile(r"[ \u00a0]+[a-zđà-ỹ]")


def holder_after_place(text: str, pos: int) -> tuple[tuple[int, int], str] | None:
    """(the holder's name span, the body) of a title written "TITLE OF PLACE, NAME", or None."""
    found = PLACE_THEN_HOLDER.match(text, pos)
    if found is None:
        return None
    body = found.group(1).strip()
    if any(word in NOT_IN_BODY for word in body.split()):
        return None
    g = gz.load()
    acronym = ACRONYM_BODY.search(body) is not None
    if not acronym and not any(end == len(body) for _start, end, _label, _key in g.find_places(body)):
        return None
    name = take_name(text, found.end())
    if name is None or len(text[name[0] : name[1]].split()) < 2:
        return None
    # The name ends there, or, after an organisation's acronym ("Chủ tịch FIFA, Gianni Infantino sẽ tham
    # dự ..."), it is a foreign name that the sentence goes on after in lower case.
    foreign = acronym and not vietnamese_syllable(text[name[0] : name[1]].split()[0])
    if not NAME_ENDS.match(text, name[1]) and not (foreign and PROSE_AFTER.match(text, name[1])):
        return None
    if any(start == name[0] for start, _end, _label, _key in g.find_places(text[name[0] : name[1] + 1])):
        return None  # "Thống đốc bang X, Hoa Kỳ": the place's country, no holder
    return name, body


def opens_lower_body(text: str, name: tuple[int, int]) -> bool:
    """Is what `take_name` read as a one-word name a Vietnamese syllable that opens a body written in
    words of the sentence ("ông X - Giám đốc Tư vấn ITM ...")? No name is one Vietnamese syllable."""
    word = text[name[0] : name[1]]
    return len(word.split()) == 1 and vietnamese_syllable(word) and bool(PROSE_NEXT.match(text, name[1]))


def body_of_country(text: str, pos: int, name: tuple[int, int]) -> tuple[str, str, int] | None:
    """(country, body, end) when what `take_name` read as a one-word name opens a body that runs up
    to the next comma and ends in a country ("Quốc phòng Úc"), else None."""
    if len(text[name[0] : name[1]].split()) > 1:
        return None
    body = APPOSED_BODY.match(text, pos)
    country = country_ending(body.group(1)) if body else None
    if body is None or country is None:
        return None
    return country, body.group(1), body.end(1)


def short_roles(titles: list[str]) -> list[str]:
    g = gz.load()
    roles: list[str] = []
    for title in titles:
        known = g.title(title)
        role = known.role if known else title
        if role not in roles:
            roles.append(role)
    return roles
