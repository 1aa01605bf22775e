"""Later mentions of an article's people with no title before them: the full name alone, the
surname alone, "ông"/"bà" with part of the name, and known leaders named without a title.

Split from `people` (the title chains and who holds them), which calls `find_known_names` and
`find_bare_names` after its chains are read.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import cache

from sukien.doc import Mention
from sukien.lexicon import gazetteer as gz
from sukien.lexicon.names import (
    NAME_RUN,
    looks_vietnamese,
    same_name,
    surname_after_article,
    vietnamese_syllable,
)
from sukien.text.fold import fold
from sukien.text.patterns import trie_alternation, word_spans, word_start_matches
from sukien.understand.chains import apposition, short_roles, without_ranks
from sukien.understand.names import spaced_parts, written_name
from sukien.understand.person import Person

# Matched at the start of a word (`word_start_matches`): "ông" is not "Bông".
# Academic degrees stand before a name as an honorific does ("với Giáo sư Robert Dussey, Bộ trưởng ...").
HONORIFIC = re.compile(
    rf"(?:ông|bà|Ông|Bà|ngài|Ngài|đồng chí|Đồng chí|cô|Cô|(?:Phó )?Giáo sư|Tiến sĩ|(?:P?GS\.)?TS|P?GS)"
    rf"[ \u00a0]+({NAME_RUN.pattern})"
)

# "ông Deng Xijun (Đặng Tích Quân), Đặc phái viên ...": the name as another script or reading writes it,
# in brackets between the name and its titles.
NAME_GLOSS = re.compile(r"[ \u00a0]*\([^()\n]{2,40}\)")


def bare_mention(start: int, end: int, person: Person) -> Mention:
    return Mention(
        start,
        end,
        "PERSON",
        person.name,
        person.name,
        (
            ("roles", tuple(person.roles)),
            ("all_roles", tuple(person.roles)),
            ("country", person.country),
            ("org", person.org),
            ("former", person.former),
            ("titled", False),
        ),
    )


def renamed_mention(mention: Mention, renamed: dict[str, Person]) -> Mention:
    """A mention of a person later found under a fuller name ("Tổng thống Moon", then "Ông Moon Jae - in"):
    the fuller name and the country the gazetteer gives it."""
    person = renamed.get(mention.key or "") if mention.label in ("PERSON", "TITLE") else None
    if person is None:
        return mention
    data = tuple((k, person.country if k == "country" and v is None else v) for k, v in mention.data)
    return replace(mention, key=person.name, data=data)


def find_bare_names(
    text: str,
    people: list[Person],
    titled: list[Mention],
    published: date | None = None,
    renamed: dict[str, Person] | None = None,
) -> list[Mention]:
    """Later mentions of an introduced person by name alone ("Tô Lâm nhấn mạnh") or after "ông"/"bà"
    with part of the name ("ông Trump", "ông Tập")."""
    taken = [(m.start, m.end) for m in titled]
    found: list[Mention] = []
    for person in people:
        if len(person.name.split()) < 2:
            continue
        for start, end in word_spans(text, person.name):
            if not any(s <= start < e for s, e in taken) and not vessel_named(text, start):
                found.append(bare_mention(start, end, person))
    taken += [(m.start, m.end) for m in found]
    found += surnames_alone(text, people, taken)
    taken += [(m.start, m.end) for m in found]
    introduced: list[Person] = []  # people first found after an honorific, their titles after the name
    for match in word_start_matches(HONORIFIC, text):
        if any(s <= match.start(1) < e for s, e in taken):
            continue
        # "Ông Moon Jae - in": a name's dash-joined parts, as tokenised text writes them, are the name's.
        end = spaced_parts(text, match.end(1))
        name = written_name(text[match.start(1) : end])
        key = fold(match.group(1))
        first_word = fold(match.group(1).split()[0])
        # "ông Moon" after "Moon Jae-in", "Ông Moon Jae - in" after "Tổng thống Moon": one person by the
        # first word where one side is that word alone; "bà Kim Yo-jong" is not "Kim Jong-un".
        known = next(
            (
                p
                for p in reversed(people)
                if same_name(p.key, key)
                or (p.key.split()[0] == first_word and 1 in (len(p.key.split()), len(key.split())))
            ),
            None,
        )
        if (
            known is not None
            and renamed is not None
            and len(known.name.split()) == 1
            and len(name.split()) > 1
        ):
            # "Tổng thống Moon" came first, then "Ông Moon Jae - in": the person is the fuller name's.
            fuller = person_from_gazetteer(name, published)
            if fuller is not None and fold(fuller.name).split()[0] == known.key:
                renamed[known.name] = known
                known.name, known.country = fuller.name, known.country or fuller.country
                found = [renamed_mention(m, renamed) for m in found]
        if known is None:
            known = (
                person_from_gazetteer(match.group(1), published)
                # "cô Kim Yo - jong, Phó chủ tịch ...": the titles follow the name's dash-joined parts.
                or person_in_apposition(
                    text, gloss.end() if (gloss := NAME_GLOSS.match(text, end)) else end, name
                )
                or leader_by_surname(match.group(1), published)
            )
            if known is None:
                known = listed_beside(text, match, name, [*titled, *found])
            if known is None:
                continue
            people.append(known)
            introduced.append(known)
        found.append(bare_mention(match.start(1), end, known))
    taken += [(m.start, m.end) for m in found]
    for person in introduced:
        # "Kim Yo - jong" named alone elsewhere, before or after "cô Kim Yo - jong, Phó chủ tịch ...".
        for form in {person.name, person.name.replace("-", " - ")}:
            for start, end in word_spans(text, form):
                if len(form.split()) > 1 and not any(s <= start < e for s, e in taken):
                    found.append(bare_mention(start, end, person))
                    taken.append((start, end))
    return sorted(found, key=lambda m: m.start)


# "gồm đồng chí Bounnhang Vorachith và đồng chí Choummaly Sayasone": one honorific repeated over a list.
LISTED_WITH = re.compile(r"[ \u00a0]*(?:,|và)[ \u00a0]*$")


def listed_beside(text: str, match: re.Match[str], name: str, named: list[Mention]) -> Person | None:
    """A name no list knows, after the same honorific as the known person listed right before it ("A và
    đồng chí B"): a person of that one's country, with no title. A list repeats its honorific only over
    people of one kind."""
    if len(name.split()) < 2:
        return None
    honorific = text[match.start() : match.start(1)].strip()
    before = max((m for m in named if m.end <= match.start()), key=lambda m: m.end, default=None)
    if before is None or not LISTED_WITH.search(text, before.end, match.start()):
        return None
    if text[max(0, before.start - len(honorific) - 1) : before.start].strip() != honorific:
        return None
    country = before.get("country")
    return Person(name=name, roles=[], country=country) if country else None


def surnames_alone(text: str, people: list[Person], taken: list[tuple[int, int]]) -> list[Mention]:
    """ "Trump dự kiến tới Osaka": a foreign person introduced by full name is later called by the
    surname alone. Only a surname of one introduced person, not run into another name ("Melania
    Trump", "Trump Tower"), and never a Vietnamese name, whose last word is a given name."""
    by_surname: dict[str, list[Person]] = {}
    for person in people:
        words = person.name.split()
        if (
            (len(words) >= 2 or titled_foreign_surname(person))
            and words[-1].isascii()
            and len(words[-1]) >= 4
            and not looks_vietnamese(person.name)
        ):
            by_surname.setdefault(words[-1], []).append(person)
            if (
                person.country in SURNAME_FIRST
                and len(words) >= 2
                and len(words[0]) >= 3
                and words[0].isascii()
            ):
                # "Kim Jong-un", "Moon Jae-in": a Korean surname comes first ("Trump - Kim sẽ gặp ...").
                by_surname.setdefault(words[0], []).append(person)
            bare = surname_after_article(words[-1])
            if bare is not None and len(bare) >= 4:
                by_surname.setdefault(bare, []).append(person)  # "Sisi" for "Abdel Fatah el-Sisi"
    found: list[Mention] = []
    for surname, owners in by_surname.items():
        if len({p.key for p in owners}) != 1:
            continue
        for start, end in word_spans(text, surname, joiners="-"):
            if any(s <= start < e for s, e in taken):
                continue
            if (
                name_before(text, start)
                or vessel_named(text, start)
                or GOVERNMENT_OF.search(text, max(0, start - 20), start)
            ):
                continue
            if NAME_AFTER.match(text, end):
                continue
            found.append(bare_mention(start, end, owners[0]))
    return found


SURNAME_FIRST = {"KP", "KR"}


def titled_foreign_surname(person: Person) -> bool:
    """ "Tổng thống Mỹ Trump": a foreign office holder introduced by the surname alone, which no
    Vietnamese syllable could be, is that person wherever the surname stands alone after."""
    return (
        bool(person.roles)
        and person.country not in (None, "VN")
        and not vietnamese_syllable(fold(person.name))
    )


# A ship named after a person: "tàu sân bay USS Carl Vinson", "hàng không mẫu hạm Ronald Reagan".
VESSEL_BEFORE = re.compile(
    r"(?:(?:USS|HMS|INS|JS|tàu|Tàu)|(?:tàu|Tàu) (?:sân bay|khu trục|tuần dương|chiến|ngầm|hộ tống|đổ bộ)"
    r"|(?:hàng không|Hàng không) mẫu hạm|chiến hạm|(?:nhóm|cụm) tác chiến(?: tàu sân bay)?)"
    r"(?: USS| HMS)?[ \u00a0]+$"
)


def vessel_named(text: str, start: int) -> bool:
    return VESSEL_BEFORE.search(text, max(0, start - 40), start) is not None


# "chính quyền Trump", "dưới thời Obama", "Tập đoàn Trump": the surname names a government, a time or
# a company, not the person.
GOVERNMENT_OF = re.compile(
    r"(?<![\w])(?:chính quyền|nội các|chính phủ|thời|nhà|[Tt]ập đoàn|[Cc]ông ty)[ \u00a0]+\Z"
)
WORD_BEFORE = re.compile(r"(?<![\w-])([\w-]+)[ \u00a0]+$")


def name_before(text: str, start: int) -> bool:
    """Is the word right before `start` capitalised, so the surname runs on from another name
    ("Melania Trump")? Not "và Putin": a range of letters would take the "à" of "và" for a capital."""
    word = WORD_BEFORE.search(text, max(0, start - 30), start)
    return word is not None and word.group(1)[0].isupper()


NAME_AFTER = re.compile(r"[ \u00a0]+[A-ZĐ][a-zà-ỹ]")


def person_in_apposition(text: str, end: int, name: str) -> Person | None:
    """ "Ông Umeda Shoji, Chủ tịch Hội Hữu nghị Nhật-Việt": a person introduced by name, then titles."""
    if len(name.split()) < 2:
        return None
    chain = apposition(text, end)
    former = chain is None
    chain = chain or apposition(text, end, former=True)  # "đồng chí X, nguyên Tổng Bí thư ..."
    if chain is None:
        return None
    # "ông Hoàng Bình Quân, đặc phái viên của Tổng Bí thư ...": a Vietnamese name with a title of no
    # country is Vietnamese, as it is before a title (`resolve_person`).
    country = chain.country or ("VN" if looks_vietnamese(name) else None)
    return Person(name=name, roles=short_roles(chain.titles), country=country, org=chain.org, former=former)


@cache
def known_names() -> re.Pattern[str] | None:
    """The full names (two words or more) of every leader the gazetteer knows, curated or mined from
    the corpus, as one trie-shaped pattern: "Vladimir Putin" is a person with no title before it."""
    g = gz.load()
    names = set()
    for leader in g.leaders:
        for name in (leader.name, *leader.aliases):
            if len(name.split()) < 2 or any(g.title(word) for word in name.split()):
                continue
            if any(start == 0 and end == len(name) for start, end, _label, _key in g.find_places(name)):
                continue  # "Hồ Chí Minh" is also a city
            names.add(name)
            if "-" in name:
                names.add(name.replace("-", " - "))  # "Kim Yong - chol": as tokenised text writes it
    # Matched at the start of a word (`word_start_matches`): every name starts with a capital, and
    # `re` then looks for those capitals alone.
    return re.compile(rf"{trie_alternation(sorted(names))}(?![\w-])") if names else None


def find_known_names(
    text: str,
    people: list[Person],
    found: list[Mention],
    published: date | None,
    renamed: dict[str, Person] | None = None,
) -> list[Mention]:
    """Known leaders named with no title ("cuộc gặp giữa ... và Nga Vladimir Putin"), where no other
    mention is; they are introduced for the mentions after them ("ông Putin")."""
    pattern = known_names()
    if pattern is None:
        return []
    g = gz.load()
    taken = [(m.start, m.end) for m in found]
    mentions = []
    for match in word_start_matches(pattern, text, joiners="-"):
        if any(s < match.end() and match.start() < e for s, e in taken) or vessel_named(text, match.start()):
            continue
        if PLACE_NOUN_BEFORE.search(text, max(0, match.start() - 20), match.start()):
            continue  # "tại đền Chung Sơn": a temple, not the minister of that name
        # Compared folded and as written: "el - Sisi" in a tokenised text is "el-Sisi" introduced before.
        said = fold(written_name(match.group(0)))
        person = next((p for p in people if same_name(fold(p.name), said)), None)
        one_word = person is not None and len(person.name.split()) == 1
        fuller = person_from_gazetteer(match.group(0), published) if person is None or one_word else None
        if (
            person is not None
            and fuller is not None
            and renamed is not None
            and len(person.name.split()) == 1
            and fold(fuller.name).split()[0] == person.key
        ):
            # "Tổng thống Moon" came first, then "Moon Jae - in": the one person, under the fuller name.
            renamed[person.name] = person
            person.name, person.country = fuller.name, person.country or fuller.country
        person = person or fuller
        if person is None:
            continue
        end = match.end()
        # "đồng chí Delcy Rodriguez Gomez, Phó Tổng thống": the article writes the name longer than
        # the gazetteer does, one more name word before the punctuation.
        tail = NAME_TAIL.match(text, end)
        if tail and g.country(tail.group(1)) is None and g.city(tail.group(1)) is None:
            end = tail.end()
            if len(text[match.start() : end]) > len(person.name):
                person.name = text[match.start() : end]
        apposed = apposition(text, end)
        if apposed is not None and not person.roles and apposed.country in (None, person.country):
            # "Ngài Heng Samrin - Chủ tịch danh dự ..., Chủ tịch Quốc hội Vương quốc Campuchia": a
            # known leader's titles at this date, as the article gives them.
            person.roles = without_ranks(short_roles(apposed.titles))
        if person not in people:
            people.append(person)
        mentions.append(bare_mention(match.start(), end, person))
    return mentions


# A lower-case noun of a place or a building before a known name: the name is the place's.
PLACE_NOUN_BEFORE = re.compile(
    r"(?<![\w])(?:đền|chùa|miếu|phố|đường|cầu|núi|sông|hồ|làng|xã|phường|huyện|quận|tỉnh|"
    r"nhà thờ|quảng trường|công viên|bệnh viện|trường|sân bay|sân vận động)[ \u00a0]+$"
)
NAME_TAIL = re.compile(r"[ \u00a0]+([A-ZĐ][a-zà-ỹ]+)(?=[ \u00a0]*[,;(])")


def leader_by_surname(name: str, published: date | None) -> Person | None:
    """ "Ông Lukashenko" with no title in the article: the one foreign leader of that surname in
    office on the day (any day, undated), of one country. Only a long, foreign surname: "ông Kim" or
    "ông Lee" could be anyone."""
    g = gz.load()
    if " " in name or len(name) < 5 or not name.isascii() or looks_vietnamese(name):
        return None
    leader = g.leader_titled(name, list(OFFICE_ROLES), published)
    if leader is None or leader.country == "VN":
        return None
    roles = g.roles_at(leader.name, published) if published else []
    return Person(name=leader.name, roles=list(roles), country=leader.country)


# The offices a leader of the gazetteer holds in the news, for `leader_by_surname`.
OFFICE_ROLES = (
    "Tổng thống", "Thủ tướng", "Chủ tịch", "Chủ tịch nước", "Quốc vương", "Nhà vua", "Ngoại trưởng",
    "Tổng Bí thư", "Phó Tổng thống", "Thủ tướng Chính phủ", "Chủ tịch Quốc hội", "Tổng Thư ký",
)  # fmt: skip


def person_from_gazetteer(name: str, published: date | None) -> Person | None:
    """ "đồng chí Tập Cận Bình" with no title in the article: the gazetteer knows who and what."""
    g = gz.load()
    name = written_name(name)
    leader = g.leader(name)
    if leader is None:
        return None
    if len(name.split()) < 2:
        # One word only where the gazetteer lists it as this leader's own short name ("ông Trump",
        # "ông Tập"), and then under the full name, so the person is one across articles.
        if name not in leader.aliases:
            return None
        name = leader.name
    roles = g.roles_at(leader.name, published) if published else []
    return Person(name=name, roles=list(roles), country=leader.country)
