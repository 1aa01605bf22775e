"""People with their titles found in an article's text.

No library does this for Vietnamese: underthesea's CRF NER labels 80/85 people as places and keeps
titles inside the spans (TOOLKIT.md), so people are found from the shape news gives them —
TITLE [, TITLE] [QUALIFIER] Name ("Thủ tướng Quốc vụ viện Trung Quốc Lý Cường") — with the titles
and qualifiers from the gazetteer. Most counterparts are in no list; the pattern finds them anyway.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache

from sukien.doc import Mention
from sukien.lexicon import gazetteer as gz
from sukien.lexicon.names import (
    NAME_RUN,
    NOT_NAME_WORDS,
    NOT_PEOPLE,
    ORG_HEAD,
    PLACE_PREFIXES,
    is_acronym,
    looks_vietnamese,
    same_name,
)
from sukien.lexicon.triggers import word_list
from sukien.settings import ORG_SKIP_WORDS
from sukien.text.fold import fold
from sukien.text.patterns import trie_alternation

FORMER = re.compile(r"(?:nguyên|cựu|Nguyên|Cựu|cố|Cố)\s+$")


@dataclass
class Person:
    """One person of the article, however often and however briefly mentioned."""

    name: str
    roles: list[str] = field(default_factory=list)
    country: str | None = None
    org: str | None = None
    former: bool = False

    @property
    def key(self) -> str:
        return fold(self.name)


@cache
def title_pattern() -> re.Pattern[str]:
    # Matched without regard to case: news also writes titles in lower case ("đại tướng Phan Văn
    # Giang"); those need a name after them (find_people).
    titles = {t.text.lower() for t in gz.load().titles}
    return re.compile(rf"(?<![\w]){trie_alternation(titles)}(?![\w])", re.IGNORECASE)


@cache
def qualifier_pattern() -> re.Pattern[str]:
    """Bodies and countries that may stand between a title and a name, longest first."""
    g = gz.load()
    phrases = set(g.qualifiers) | set(EXTRA_QUALIFIERS)
    # Short country names that are also words ("Đức", "Anh", "Nhật") are safe right after a title,
    # but only capitalised.
    exact: set[str] = set()
    for country in g.countries.values():
        names = [v for n in country.names for v in gz.syllable_spellings(n)]
        phrases.update(names)
        phrases.update(f"nước {n}" for n in names)
        exact.update(country.ambiguous_names)
    loose = trie_alternation({p.lower() for p in phrases if p})
    strict = trie_alternation(exact)
    return re.compile(
        rf"[ \u00a0]*(?:(?i:{loose})|(?i:{FORMAL_PREFIX})?(?:(?i:{loose})|{strict})|{strict})(?![\w])"
    )


# The formal forms of a country's name: "nước Cộng hòa Liên bang Brazil", "Vương quốc Thái Lan".
FORMAL_PREFIX = (
    r"(?:nước\s+)?(?:(?:Cộng hòa|Cộng hoà|Liên bang|Vương quốc|Nhà nước|Hồi giáo|Dân chủ|Nhân dân|"
    r"Xã hội chủ nghĩa|Ả Rập|Thống nhất|Hợp chúng quốc|Hợp chủng quốc|Đại Công quốc|Công quốc|"
    r"Thịnh vượng chung|Độc lập|Đa dân tộc|Bolivar|Dân chủ Nhân dân)\s+)+"
)


FORMAL = re.compile(FORMAL_PREFIX, re.IGNORECASE)


# Bodies the gazetteer's qualifier list may lack, and honorifics that stand before a name.
# "Bộ trưởng Ngoại giao và Quốc phòng Ireland Micheál Martin": a second portfolio joins the title.
PORTFOLIOS = (
    "Quốc phòng",
    "Ngoại giao",
    "Thương mại",
    "Công nghiệp",
    "Đầu tư",
    "Du lịch",
    "Kinh tế",
    "Tài chính",
    "Nội vụ",
    "Tư pháp",
    "Văn hóa",
    "Giáo dục",
    "Y tế",
    "Nông nghiệp",
    "Lao động",
    "Phát triển",
    "Năng lượng",
    "Giao thông",
    "Môi trường",
    "Công Thương",
    "Khoa học",
    "An ninh",
    "Hợp tác quốc tế",
    "Thương mại quốc tế",
)


EXTRA_QUALIFIERS = tuple(f"và {p}" for p in PORTFOLIOS) + (
    "Hoàng gia",
    "Duma Quốc gia",
    "Quốc hội",
    "Thượng viện",
    "Hạ viện",
    "Samdech",
    "Techo",
    "Ngài",
    "Tiến sĩ",
    "Đảng Lao động",
    "Đảng Cộng sản",
    "Nhà nước",
    "Chính phủ",
)


@dataclass
class TitleChain:
    start: int
    end: int
    titles: list[str]
    country: str | None
    org: str | None


def parse_chain(text: str, match: re.Match[str]) -> TitleChain:
    """TITLE [QUALIFIERS] [, TITLE [QUALIFIERS]]... starting at a title match."""
    g = gz.load()
    titles: list[str] = []
    country: str | None = None
    org: str | None = None
    pos = match.start()
    current: re.Match[str] | None = match
    while current is not None:
        titles.append(current.group(0))
        pos = current.end()
        while True:
            qualifier = qualifier_pattern().match(text, pos)
            if not qualifier:
                break
            phrase = qualifier.group(0).strip()
            found = g.country(phrase.removeprefix("nước ").strip()) or g.country(
                FORMAL.sub("", phrase).strip()
            )
            if found is not None:
                # The country nearest the name qualifies it ("Bộ trưởng Ngoại giao Trung Quốc, Phó Thủ
                # tướng, Bộ trưởng Ngoại giao Việt Nam Phạm Bình Minh").
                country = found.code
            else:
                org = org or phrase
            pos = qualifier.end()
        # Another title after a comma or "kiêm" continues the chain: "Tổng Bí thư, Chủ tịch nước".
        link = re.compile(r"(?:,|[ \u00a0]+kiêm)[ \u00a0]+").match(text, pos)
        current = title_pattern().match(text, link.end()) if link else None
    return TitleChain(match.start(), pos, titles, country, org)


@cache
def honorific_words() -> frozenset[str]:
    return frozenset(word_list("name_honorifics"))


# A regnal number after a monarch's or pope's name.
REGNAL = re.compile(r"(?:X{0,2})(?:IX|IV|V?I{0,3})")


def take_name(text: str, pos: int) -> tuple[int, int] | None:
    """The name right after a title chain, or None: "Tô Lâm", "Michael D. Higgins", "Sullivan".

    When an organisation follows the title ("Chủ tịch Quỹ hòa giải và phát triển John McAucliff"),
    the name is the first run of two or more capitalised words after it, within a few words.
    """
    gap = re.compile(r"[ \u00a0]+").match(text, pos)
    if not gap:
        return None
    run = NAME_RUN.match(text, gap.end())
    if not run:
        # "Tổng thư ký đảng cầm quyền UMNO Tengku Adnan", "Bộ trưởng phụ trách Hội đồng An ninh Quốc
        # gia Shahidan Bin Kassim": a body in lower case between title and name.
        if LOWER_BODY.match(text, gap.end()):
            return name_after_org(text, gap.end())
        return None
    words = list(re.finditer(r"\S+", run.group(0)))
    # Court honorifics before a monarch's or a leader's name ("Preah Bat Samdech Preah Boromneat
    # Norodom Sihamoni", "Samdech Techo Hun Manet") are no part of the name the news goes by.
    while len(words) > 1 and words[0].group(0) in honorific_words():
        words = words[1:]
    if not words:
        return None
    first = words[0].group(0)
    if ORG_HEAD.match(text, gap.end()):
        return name_after_org(text, gap.end())
    if first in NOT_NAME_WORDS or is_acronym(first):
        return None
    kept = [words[0]]
    # Cut where a capitalised non-name word follows the name ("Tô Lâm Tại ..."); six words at most.
    for word in words[1:6]:
        if len(word.group(0).rstrip(".,")) > 1 and REGNAL.fullmatch(word.group(0).rstrip(".,")):
            kept.append(word)  # "Felipe VI", "Charles III": the number is part of the name, and ends it
            break
        if word.group(0) in NOT_NAME_WORDS or is_acronym(word.group(0)):
            break
        if ORG_HEAD.match(text, gap.end() + word.start()):
            break
        kept.append(word)
    span = without_leading_city(text, gap.end() + kept[0].start(), gap.end() + kept[-1].end())
    if span is None:
        return None
    start, end = span
    # A trailing dot ends the sentence unless the word is an initial ("D.").
    if text[end - 1] == "." and len(text[start:end].split()[-1]) > 2:
        end -= 1
    # "Suh Choo - suk", "Ri Sol - ju": a Korean given name's last syllable written apart, in lower case.
    tail = SPACED_SYLLABLE.match(text, end)
    if tail:
        end = tail.end()
    return start, end


SPACED_SYLLABLE = re.compile(r" ?[-–] ?[a-zđ][a-zđà-ỹ]{0,5}(?![\w-])")


def without_leading_city(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name without a city that qualifies the title before it ("Thống đốc Saint Petersburg
    Georgy Poltavchenko"); None when what is left is not a name."""
    g = gz.load()
    words = list(re.finditer(r"\S+", text[start:end]))
    if words and words[0].group(0) in PLACE_PREFIXES:
        words = words[1:]
    for n in (3, 2, 1):
        city = g.city(" ".join(w.group(0) for w in words[:n])) if len(words) > n else None
        # A one-word city is often a given name too ("Vladimir"): strip only well-known ones.
        if city is not None and (n > 1 or city.capital or city.population >= 1_000_000):
            words = words[n:]
            break
    name = " ".join(w.group(0) for w in words)
    if not words or name in NOT_PEOPLE or " ".join(name.split()[:2]) in NOT_PEOPLE:
        return None
    return start + words[0].start(), start + words[-1].end()


# Lower-case words that open the body a title belongs to (never a verb: "cho biết", "tiếp" stop it).
LOWER_BODY = re.compile(r"(?:đảng|bộ|ủy ban|hội đồng|phụ trách|tòa|tập đoàn|công ty|quỹ|viện|ban)(?![\w])")


def name_after_org(text: str, pos: int) -> tuple[int, int] | None:
    """The name after an organisation that qualifies a title, within a few words and before any
    other title: "Chủ tịch Đảng Cộng sản Hoa Kỳ Rossana Cambron"."""
    g = gz.load()
    window = re.compile(r"[^,;.:()\n]{0,100}").match(text, pos)
    if not window:
        return None
    limit = pos + len(window.group(0))
    next_title = title_pattern().search(text, pos + 1, limit)
    if next_title:
        limit = next_title.start()
    if len(text[pos:limit].split()) > ORG_SKIP_WORDS + 3:
        limit = pos + len(" ".join(text[pos:limit].split()[: ORG_SKIP_WORDS + 3]))
    for run in NAME_RUN.finditer(text, pos, limit):
        start, end = run.start(), run.end()
        # Strip a leading country ("Hoa Kỳ Rossana Cambron" after "Đảng Cộng sản").
        while True:
            qualifier = qualifier_pattern().match(text, start, end)
            if not qualifier or qualifier.end() >= end:
                break
            start = qualifier.end() + 1
        # An acronym closing the organisation's name ("đảng cầm quyền UMNO Tengku Adnan") is not the name.
        lead = re.match(r"(?:[A-ZĐ]{2,}[ \u00a0]+)+", text[start:end])
        if lead and lead.end() < end - start:
            start += lead.end()
        stripped = without_leading_city(text, start, end)
        if stripped is None:
            continue
        start, end = stripped
        words = text[start:end].split()
        if (
            len(words) < 2
            or any(w in NOT_NAME_WORDS or is_acronym(w) for w in words)
            or ORG_HEAD.match(text, start)
        ):
            continue
        if g.country(text[start:end]) is not None or g.city(text[start:end]) is not None:
            continue
        # The name must end the phrase: a verb or punctuation follows, not more of the organisation.
        return start, end
    return None


def without_ranks(roles: list[str]) -> list[str]:
    """A military rank or a seat in a party body ("Ủy viên Bộ Chính trị") is not the role when the
    person also holds an office."""
    ranks = gz.load().military_ranks
    offices = [r for r in roles if r not in ranks and not fold(r).startswith("uy vien")]
    return offices or roles


def apposition(text: str, pos: int) -> TitleChain | None:
    """A title chain right after a name, not followed by another name: the name's own titles."""
    comma = re.compile(r",[ \u00a0]+").match(text, pos)
    if not comma:
        return None
    title = title_pattern().match(text, comma.end())
    if not title:
        return None
    chain = parse_chain(text, title)
    if take_name(text, chain.end) is not None:
        return None
    return chain


def short_roles(titles: list[str]) -> list[str]:
    g = gz.load()
    roles: list[str] = []
    for title in titles:
        known = g.title(title)
        role = known.role if known else title
        if role not in roles:
            roles.append(role)
    return roles


def find_people(text: str, published: date | None = None) -> list[Mention]:
    """PERSON mentions (a title chain with a name), and TITLE mentions (a title chain alone).

    Each mention's `key` is the person's full name as first introduced in the article; short
    forms ("Thủ tướng Phúc", "Tổng thống Putin") and bare titles ("Chủ tịch nước") are resolved to
    the person last introduced with that name or role.
    """
    g = gz.load()
    mentions: list[Mention] = []
    people: list[Person] = []
    by_role: dict[str, Person] = {}
    consumed_until = 0
    for match in title_pattern().finditer(text):
        if match.start() < consumed_until:
            continue
        chain = parse_chain(text, match)
        if spouse_of_next(text, match) or BUILDING_BEFORE.search(
            text, max(0, match.start() - 12), match.start()
        ):
            consumed_until = match.end()
            continue
        before = text[max(0, chain.start - 8) : chain.start]
        former = bool(FORMER.search(before))
        roles = without_ranks(short_roles(chain.titles))
        name_span = take_name(text, chain.end)
        if name_span is not None and not plausible_name(text[name_span[0] : name_span[1]], people):
            name_span = None
        person: Person | None
        if name_span is None and text[chain.start].islower():
            continue
        if name_span is not None:
            name = text[name_span[0] : name_span[1]]
            end = name_span[1]
            between = text[chain.end : name_span[0]].strip()
            if between and ORG_HEAD.match(between):
                chain.org = chain.org or between
                # "Bộ trưởng Bộ Quốc phòng Nhật Bản Koizumi Shinjiro": the body names the country.
                countries = [key for _s, _e, label, key in g.find_places(between) if label == "COUNTRY"]
                chain.country = chain.country or (countries[-1] if countries else None)
            # Titles after the name, in apposition: "Phan Văn Giang, Phó Thủ tướng, Bộ trưởng Bộ Quốc phòng".
            apposed = apposition(text, end)
            if apposed is not None and apposed.country not in (None, chain.country or home_country(name)):
                apposed = None  # "Thủ tướng Phạm Minh Chính, Thủ tướng Vatican": another person
            if apposed is not None:
                roles = without_ranks(roles + [r for r in short_roles(apposed.titles) if r not in roles])
                chain.country = chain.country or apposed.country
                end = apposed.end
            person = resolve_person(name, roles, chain, people, published, former)
            label = "PERSON"
        else:
            person = resolve_title(roles, chain.country, by_role, published)
            end = chain.end
            label = "TITLE"
        consumed_until = end
        if person is None:
            mentions.append(
                Mention(
                    chain.start,
                    end,
                    "TITLE",
                    text[chain.start : end],
                    None,
                    (("roles", tuple(roles)), ("country", chain.country)),
                )
            )
            continue
        if not former:
            for role in roles:
                by_role[role] = person
        mentions.append(
            Mention(
                chain.start,
                end,
                label,
                text[chain.start : end],
                person.name,
                (
                    ("roles", tuple(roles or person.roles)),
                    ("all_roles", tuple(person.roles)),
                    ("country", person.country),
                    ("org", person.org),
                    ("former", former),
                    ("titled", True),
                ),
            )
        )
    mentions.extend(find_known_names(text, people, mentions, published))
    mentions.extend(find_bare_names(text, people, mentions, published))
    mentions.sort(key=lambda m: m.start)
    del g
    return mentions


# "Phủ Chủ tịch", "Dinh Tổng thống": a building named after a title, not a person.
BUILDING_BEFORE = re.compile(r"(?:Phủ|phủ|Dinh|dinh|Văn phòng|văn phòng)[ \u00a0]+$")


SPOUSE = re.compile(r"(?:Phu nhân|phu nhân|Phu quân|phu quân)$")


def spouse_of_next(text: str, match: re.Match[str]) -> bool:
    """ "Phu nhân Thủ tướng Lawrence Wong", "và Phu nhân, Thủ tướng X": a spouse, not a title of the
    next person."""
    if not SPOUSE.match(match.group(0)):
        return False
    link = re.compile(r",?[ \u00a0]+").match(text, match.end())
    return bool(link and title_pattern().match(text, link.end()))


def plausible_name(name: str, people: list[Person]) -> bool:
    """A name of one word is a person only when it is known: a given name of someone introduced
    ("Thủ tướng Phúc"), a leader of the gazetteer, or a foreign surname ("Thượng nghị sĩ Sullivan").
    A Vietnamese word after a title is the rest of a phrase ("Bộ trưởng Chiến tranh", "Thể thao")."""
    words = name.split()
    g = gz.load()
    if g.city(name) is not None or g.country(name) is not None:
        return False  # "Thống đốc Saint Petersburg tin tưởng": the place the title governs, no name
    if len(words) > 1:
        return True
    if len(name) < 2:
        return False
    if name.isascii():
        return True
    key = fold(name)
    return any(same_name(p.key, key) for p in people) or gz.load().leader(name) is not None


def home_country(name: str) -> str | None:
    leader = gz.load().leader(name)
    if leader is not None:
        return leader.country
    return "VN" if looks_vietnamese(name) else None


def resolve_person(
    name: str,
    roles: list[str],
    chain: TitleChain,
    people: list[Person],
    published: date | None,
    former: bool,
) -> Person:
    """The article's person this name refers to; a new one when it is the first mention."""
    g = gz.load()
    key = fold(name)
    matches = [p for p in reversed(people) if same_name(p.key, key)]
    # "Tổng thống Trump" is Donald, not Melania: prefer the person already known by this title;
    # "Thủ tướng Trudeau" is Justin, not "cố Thủ tướng Pierre Trudeau".
    matches.sort(key=lambda p: (p.former != former, bool(roles) and not set(roles) & set(p.roles)))
    if matches:
        person = matches[0]
        if len(name) > len(person.name):
            person.name = name
        for role in roles:
            if role not in person.roles:
                person.roles.append(role)
        return person
    leader = g.leader(name)
    # A leader the gazetteer knows is of their own country, whatever a list of titles before the name
    # says ("Ngoại trưởng Tòa thánh Vatican, Thủ tướng Phạm Minh Chính").
    country = leader.country if leader is not None and leader.country else chain.country
    if country is None and looks_vietnamese(name):
        country = "VN"
    person = Person(name=name, roles=list(roles), country=country, org=chain.org, former=former)
    people.append(person)
    return person


def resolve_title(
    roles: list[str], country: str | None, by_role: dict[str, Person], published: date | None
) -> Person | None:
    """A bare title ("Chủ tịch nước cho biết") refers to the last person introduced with it."""
    for role in roles:
        person = by_role.get(role)
        if person is not None and (country is None or person.country in (None, country)):
            return person
    return None


HONORIFIC = re.compile(
    rf"(?<![\w])(?:ông|bà|Ông|Bà|ngài|Ngài|đồng chí|Đồng chí)[ \u00a0]+({NAME_RUN.pattern})"
)


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


def find_bare_names(
    text: str, people: list[Person], titled: list[Mention], published: date | None = None
) -> list[Mention]:
    """Later mentions of an introduced person by name alone ("Tô Lâm nhấn mạnh") or after "ông"/"bà"
    with part of the name ("ông Trump", "ông Tập")."""
    taken = [(m.start, m.end) for m in titled]
    found: list[Mention] = []
    for person in people:
        if len(person.name.split()) < 2:
            continue
        for match in re.finditer(rf"(?<![\w]){re.escape(person.name)}(?![\w])", text):
            if not any(s <= match.start() < e for s, e in taken):
                found.append(bare_mention(match.start(), match.end(), person))
    taken += [(m.start, m.end) for m in found]
    for match in HONORIFIC.finditer(text):
        if any(s <= match.start(1) < e for s, e in taken):
            continue
        key = fold(match.group(1))
        first_word = fold(match.group(1).split()[0])
        known = next(
            (p for p in reversed(people) if same_name(p.key, key) or p.key.split()[0] == first_word), None
        )
        if known is None:
            known = person_from_gazetteer(match.group(1), published) or person_in_apposition(
                text, match.end(1), match.group(1)
            )
            if known is None:
                continue
            people.append(known)
        found.append(bare_mention(match.start(1), match.end(1), known))
    return found


def person_in_apposition(text: str, end: int, name: str) -> Person | None:
    """ "Ông Umeda Shoji, Chủ tịch Hội Hữu nghị Nhật-Việt": a person introduced by name, then titles."""
    if len(name.split()) < 2:
        return None
    chain = apposition(text, end)
    if chain is None:
        return None
    return Person(name=name, roles=short_roles(chain.titles), country=chain.country, org=chain.org)


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
    return re.compile(rf"(?<![\w-]){trie_alternation(sorted(names))}(?![\w-])") if names else None


def find_known_names(
    text: str, people: list[Person], found: list[Mention], published: date | None
) -> list[Mention]:
    """Known leaders named with no title ("cuộc gặp giữa ... và Nga Vladimir Putin"), where no other
    mention is; they are introduced for the mentions after them ("ông Putin")."""
    pattern = known_names()
    if pattern is None:
        return []
    taken = [(m.start, m.end) for m in found]
    mentions = []
    for match in pattern.finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        person = next((p for p in people if same_name(p.name, match.group(0))), None)
        person = person or person_from_gazetteer(match.group(0), published)
        if person is None:
            continue
        if person not in people:
            people.append(person)
        mentions.append(bare_mention(match.start(), match.end(), person))
    return mentions


def person_from_gazetteer(name: str, published: date | None) -> Person | None:
    """ "đồng chí Tập Cận Bình" with no title in the article: the gazetteer knows who and what."""
    g = gz.load()
    leader = g.leader(name) if len(name.split()) >= 2 else None
    if leader is None:
        return None
    roles = g.roles_at(leader.name, published) if published else []
    return Person(name=name, roles=list(roles), country=leader.country)
