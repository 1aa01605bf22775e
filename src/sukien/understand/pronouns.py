"""Pronoun subjects: a sentence opened by "Ông"/"Bà" and a verb continues the subject of the sentence
before it; a journey "của ông" is its own sentence's subject's; a title told before the article
names its holder is that holder. No library resolves Vietnamese pronouns or titles; these are the
cases the extractor needs (a journey told in the sentence after the one that names its traveller,
after an object who is another "ông", or in a lead that names the traveller only further down)."""

from __future__ import annotations

import re
from datetime import date

from sukien.doc import Mention
from sukien.lexicon import gazetteer as gz
from sukien.text.fold import fold

SUBJECT_REACH = 40  # how far into a sentence its subject may start ("Chiều 5/6, tại Hà Nội, X ...")
COORDINATED = re.compile(r"\s*(?:,|và|cùng)\s*(?:(?:ông|bà)\s+)?")
# A sentence opened by a pronoun and its verb: "Ông dự kiến ...", "Bà sẽ ...", not "Ông Macron ...";
# also after a linking phrase: "Theo đó, ông sẽ có chuyến công du ...".
PRONOUN_SUBJECT = re.compile(
    r"(?:(?:Theo đó|Sau đó|Trước đó|Tại đây|Khi đó|Cũng theo đó|Ngoài ra|Bên cạnh đó|Cùng ngày),\s+"
    r"(?P<after>ông|bà)|(?P<first>Ông|Bà))(?=\s+[a-zđà-ỹ])"
)


# "Tại buổi hội kiến với Toàn quyền Australia X, hai bên nhất trí ...": a meeting the sentence opens with,
# told by what both sides said; its own side is the subject of the sentence before.
BOTH_SIDES = re.compile(
    r"Tại\s+(?:buổi|cuộc)\s+(?:hội kiến|hội đàm|gặp gỡ|gặp|tiếp|làm việc|trao đổi)\s+(?:với\s+)?"
    r"[^.;:]{2,160}?,"
    r"\s+(?P<sides>hai bên|hai nhà lãnh đạo)(?=\s+[a-zđà-ỹ])"
)


# "X tặng ... cho ông Y, trong chuyến thăm chính thức đầu tiên của ông tới Triều Tiên": a journey
# "của ông" with no name after it is the sentence's subject's.
OWN_JOURNEY = re.compile(
    r"(?<![\w])chuyến (?:thăm|công du|công tác|đi)[^,.;()]{0,40}?\s+của\s+"
    r"(?P<word>ông|bà)(?![\w])(?!\s+[A-ZĐ])"
)


def pronoun_subjects(text: str, sentences: list[tuple[int, int]], people: list[Mention]) -> list[Mention]:
    """TITLE mentions for a sentence opened by "Ông"/"Bà" and a verb, resolved to the subject of the
    sentence before: the person that sentence opens with ("Tân tổng thống Pháp Macron ... sẽ gặp thị
    trưởng Paris X. Ông dự kiến ... tới Đức": Macron, X being the object of his verb); not when two
    are its subject ("A và B ..."). No library resolves Vietnamese pronouns."""
    found: list[Mention] = []
    for previous, (start, end) in zip(sentences, sentences[1:], strict=False):
        pronoun = PRONOUN_SUBJECT.match(text, start, end) or BOTH_SIDES.match(text, start, end)
        if pronoun is None:
            continue
        named = [m for m in people if previous[0] <= m.start < previous[1] and m.key]
        if not named:
            continue
        if named[0].start - previous[0] > SUBJECT_REACH and (
            len({m.key for m in named}) > 1 or shared_name(text, named[0], people)
        ):
            # The sentence before opens with no one; the one person it names is still who "ông"
            # continues ("Saudi Arabia là chặng dừng chân ... của ông X. Trước đó, ông đã tới Qatar"),
            # unless the name as written there is also another's ("ông Kim": the son or the father).
            continue
        antecedent = named[0]
        if len(named) > 1 and COORDINATED.fullmatch(text, antecedent.end, named[1].start):
            continue  # "Ông Macron và ông Hollande ...": either could be meant
        group = next(name for name, value in pronoun.groupdict().items() if value)
        found.append(standing_for(pronoun, group, antecedent))
    for start, end in sentences:
        for own in OWN_JOURNEY.finditer(text, start, end):
            named = [m for m in people if start <= m.start < own.start() and m.key]
            # The subject opens the sentence, or its main clause after a clause put first ("Phát biểu
            # trong cuộc họp báo ... ngày 8-7, Ngoại trưởng X khẳng định chuyến đi của ông ...").
            if not named or (
                named[0].start - start > SUBJECT_REACH
                and not text[start : named[0].start].rstrip().endswith(",")
            ):
                continue
            subject = named[0]
            if len(named) > 1 and COORDINATED.fullmatch(text, subject.end, named[1].start):
                continue  # "A và B ...": either could be meant
            found.append(standing_for(own, "word", subject))
    return found


def shared_name(text: str, mention: Mention, people: list[Mention]) -> bool:
    """Does a word of the name as this mention writes it belong to another person of the article?"""
    written = set(fold(text[mention.start : mention.end]).split()) & set(fold(mention.key or "").split())
    return any(
        written & set(fold(other.key).split()) for other in people if other.key and other.key != mention.key
    )


def standing_for(match: re.Match[str], group: str, antecedent: Mention) -> Mention:
    """A TITLE mention of the pronoun in `group`, resolved to the person `antecedent` names."""
    data = tuple((k, v) for k, v in antecedent.data if k in ("roles", "all_roles", "country", "org"))
    return Mention(match.start(group), match.end(group), "TITLE", match.group(group), antecedent.key, data)


def titles_named_after(people: list[Mention]) -> list[Mention]:
    """ "Tổng thống Mỹ sẽ tới Đà Nẵng ... Tổng thống Mỹ Donald Trump sẽ ...": a title of a country that
    no one held when it was told is the one person the article names with it (`find_people` resolves a
    title only to someone named before it)."""
    holders: dict[tuple[str, str], dict[str, Mention]] = {}
    for mention in people:
        if mention.label == "PERSON" and mention.key and mention.get("country"):
            for role in mention.get("roles") or ():
                holders.setdefault((role, mention.get("country")), {}).setdefault(mention.key, mention)
    resolved: list[Mention] = []
    for mention in people:
        roles = tuple(mention.get("roles") or ())
        # "Chủ tịch Quốc hội lên đường dự IPU ... Chủ tịch Quốc hội Trần Thanh Mẫn": a Vietnamese top
        # office told bare is of Viet Nam.
        country = mention.get("country") or ("VN" if len(roles) == 1 and roles[0] in HOME_OFFICES else None)
        if mention.label == "TITLE" and not mention.key and country:
            named: dict[str, Mention] = {}
            for role in roles:
                named.update(holders.get((role, country), {}))
            if len(named) == 1 and mention.end <= next(iter(named.values())).start:
                holder = next(iter(named.values()))
                data = tuple((k, v) for k, v in holder.data if k in ("roles", "all_roles", "country", "org"))
                mention = Mention(mention.start, mention.end, "TITLE", mention.text, holder.key, data)
        resolved.append(mention)
    return resolved


# The offices a Vietnamese paper names by title alone for their holder: "Thủ tướng và phu nhân hôm nay
# rời Hà Nội, lên đường thăm chính thức Kuwait".
HOME_OFFICES = ("Tổng Bí thư", "Chủ tịch nước", "Thủ tướng", "Chủ tịch Quốc hội")


# "Thủ tướng nước này", "Tổng thống nước chủ nhà": the office of the country just named, not Viet Nam's.
ANOTHER_COUNTRYS = re.compile(r"\s+(?:nước|quốc gia) (?:này|chủ nhà|sở tại)(?![\w])")


# The heads of a foreign state or government, and its foreign minister, whose terms the gazetteer keeps.
FOREIGN_OFFICES = ("Tổng thống", "Thủ tướng", "Chủ tịch", "Chủ tịch nước", "Quốc vương", "Ngoại trưởng")


# "các đồng chí nguyên Tổng Bí thư, nguyên Chủ tịch nước Lào": an office once held names no holder today.
FORMER_BEFORE = re.compile(r"(?<![\w])(?:nguyên|cựu|cố)\s+$", re.IGNORECASE)


def home_office_holders(text: str, people: list[Mention], published: date | None) -> list[Mention]:
    """A capitalised title of a Vietnamese top office with no country, in a dated article that names
    no one with that title (of any country), is the one who held it in Viet Nam that day."""
    if published is None:
        return people
    g = gz.load()
    # "Thủ tướng Nhật Bản ... Thủ tướng": a title the article gives someone else, or the same office of
    # another country, leaves the bare title to them.
    held = {role for m in people if m.key or m.get("country") for role in m.get("roles") or ()}
    holders: dict[str, gz.Leader | None] = {}  # each office looked up once an article

    def holder_of(office: str) -> gz.Leader | None:
        if office not in holders:
            holders[office] = g.holder(office, "VN", published)
        return holders[office]

    # "Tổng thống Mỹ thăm Trung Quốc ngày 13-15/5" in an article that names no President of the United
    # States: the one the gazetteer says held the office that day.
    held_abroad = {(role, m.get("country")) for m in people if m.key for role in m.get("roles") or ()}
    foreign: dict[tuple[str, str], gz.Leader | None] = {}

    def foreign_holder(office: str, country: str) -> gz.Leader | None:
        if (office, country) not in foreign:
            foreign[(office, country)] = g.holder(office, country, published)
        return foreign[(office, country)]

    resolved = []
    for mention in people:
        roles: tuple[str, ...] = tuple(mention.get("roles") or ())
        office = roles[0] if len(roles) == 1 else None
        country = mention.get("country")
        if (
            mention.label != "TITLE"
            or mention.key
            or office is None
            or not mention.text[:1].isupper()
            or FORMER_BEFORE.search(text, max(0, mention.start - 8), mention.start)
        ):
            resolved.append(mention)
            continue
        if (
            country not in (None, "VN")
            and office in FOREIGN_OFFICES
            and (office, country) not in held_abroad
            and (holder := foreign_holder(office, country)) is not None
        ):
            data: tuple[tuple[str, object], ...] = (
                ("roles", roles),
                ("all_roles", roles),
                ("country", country),
                ("org", None),
                ("by_office", True),
            )
            mention = Mention(mention.start, mention.end, "TITLE", mention.text, holder.name, data)
        elif (
            country is None
            and office in HOME_OFFICES
            and office not in held
            and not ANOTHER_COUNTRYS.match(text, mention.end)
            and (holder := holder_of(office)) is not None
        ):
            # "by_office": named by the office alone, so `extract` keeps only the events the article dates.
            data = (
                ("roles", roles),
                ("all_roles", roles),
                ("country", "VN"),
                ("org", None),
                ("by_office", True),
            )
            mention = Mention(mention.start, mention.end, "TITLE", mention.text, holder.name, data)
        resolved.append(mention)
    return resolved
