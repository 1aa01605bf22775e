"""People with their titles found in an article's text.

No library does this for Vietnamese: underthesea's CRF NER labels 80/85 people as places and keeps
titles inside the spans (TOOLKIT.md), so people are found from the shape news gives them —
TITLE [, TITLE] [QUALIFIER] Name ("Thủ tướng Quốc vụ viện Trung Quốc Lý Cường") — with the titles
and qualifiers from the gazetteer. Most counterparts are in no list; the pattern finds them anyway.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from sukien.doc import Mention
from sukien.lexicon import gazetteer as gz
from sukien.lexicon.names import (
    ORG_HEAD,
    looks_vietnamese,
    same_name,
    vietnamese_syllable,
)
from sukien.text.fold import fold
from sukien.understand.chains import (
    INVITER_BEFORE,
    TitleChain,
    apposition,
    country_ending,
    holder_after_body,
    names_company,
    parse_chain,
    short_roles,
    without_ranks,
)
from sukien.understand.later_mentions import find_bare_names, find_known_names, renamed_mention
from sukien.understand.names import (
    ACRONYM_WORD,
    LOWER_BODY,
    ORG_ACRONYM,
    name_after_acronym,
    runs_on_from_country,
    take_name,
    title_matches,
    title_pattern,
    written_name,
)
from sukien.understand.person import Person

APPOSED = re.compile(r"[\w.)][ \u00a0]*,[ \u00a0]*\Z")  # right after a name and its comma
APPOSED_REACH = 24  # looked for just before the chain: searched from the text's start, it was quadratic
FORMER = re.compile(r"(?:nguyên|cựu|Nguyên|Cựu|cố|Cố)\s+$")
DECEASED = re.compile(r"(?:cố|Cố)\s+$")
# "Người phát ngôn của Tổng thống Nga, ông Dmitry Peskov", "Phó trợ lý của Tổng thống Mỹ, ông
# Sebastian Gorka": the title is of the one served; the name after the comma is the aide's. Staff
# nouns read from the corpus's "X của TITLE, ông NAME" (a decision or an invitation "của" keeps the holder).
STAFF_OF = re.compile(
    r"(?:trợ lý|phụ tá|phát ngôn|thư ký|cố vấn|luật sư|con trai|con gái|con rể|đối thủ|chánh văn phòng"
    r"|đặc phái viên|đặc sứ|tranh cử)(?:[ \u00a0]+[\wÀ-ỹ]+){0,4}[ \u00a0]+của[ \u00a0]+$",
    re.IGNORECASE,
)
STAFF_REACH = 48


def holder_fits(name: str, chain: TitleChain, body: str, people: list[Person]) -> bool:
    """Can `name` hold the title: a plausible name, of no other country than the title's."""
    # "ông Pompeo": one word after the honorific refers back to someone, it introduces no holder.
    if len(name.split()) < 2 or not plausible_name(name, people):
        return False
    country = chain.country or (country_ending(body) if body else None)
    known = next((p.country for p in people if same_name(p.name, name)), None) or home_country(name)
    return country is None or known is None or known == country


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
    # The last person of each (role, country): "Thủ tướng Nhật Bản cho biết" after "Thủ tướng Shinzo Abe
    # và Thủ tướng Nguyễn Xuân Phúc" is Abe, not the last Prime Minister named.
    by_role_of: dict[tuple[str, str], Person] = {}
    consumed_until = 0
    for match in title_matches(text):
        if match.start() < consumed_until or runs_on_from_country(text, match):
            continue
        chain = parse_chain(text, match)
        if spouse_of_next(text, match) or BUILDING_BEFORE.search(
            text, max(0, match.start() - 12), match.start()
        ):
            consumed_until = match.end()
            continue
        before = text[max(0, chain.start - 8) : chain.start]
        former = bool(FORMER.search(before))
        titles = chain.titles
        if former and len(titles) > 1 and not DECEASED.search(before):
            # "Nguyên Bộ trưởng Bộ Ngoại giao Chile, Đại sứ X": a former office, then the one held now.
            former, titles = False, titles[1:]
        elif former and ENVOY_THEN_FORMER.search(text, max(0, chain.start - ENVOY_REACH), chain.start):
            # "Đặc phái viên của Thủ tướng Nhật Bản, nguyên Thủ tướng X": the envoy he is now.
            former, titles = False, ["Đặc phái viên"]
        roles = without_ranks(short_roles(titles))
        name_span = take_name(text, chain.end)
        if (
            name_span is not None
            and names_company(text, chain, name_span)
            and APPOSED.search(text, max(0, chain.start - APPOSED_REACH), chain.start)
        ):
            continue  # "ngài X, Chủ tịch Tập đoàn Pacific Land": X's titles and company, read with X
        # "... Bắc Đại Tây Dương (NATO) Jens Stoltenberg", "Đảng Nhân dân Campuchia (CPP) Hun Sen": the
        # acronym in brackets closes the body's name, and the person follows it.
        name_span = name_after_acronym(text, name_span[1] if name_span else chain.end) or name_span
        if name_span is not None and not plausible_name(text[name_span[0] : name_span[1]], people):
            name_span = None
        held = (
            holder_after_body(text, chain.end)
            if name_span is None
            and text[chain.start].isupper()
            and not STAFF_OF.search(text, max(0, chain.start - STAFF_REACH), chain.start)
            else None
        )
        if held is not None and holder_fits(text[held[0][0] : held[0][1]], chain, held[1], people):
            name_span, body = held
            chain.org = chain.org or body or None
            chain.country = chain.country or (country_ending(body) if body else None)
            chain.end = name_span[0]  # what lies between is told: no more body to read there
        person: Person | None
        if name_span is None and text[chain.start].islower():
            continue
        if named_only(chain.titles) and (
            name_span is None or chain.country is None or text[chain.start].islower()
        ):
            # "Lãnh đạo hai nước", "lãnh đạo Asia Society": a title only with a country and a name, written
            # as one ("lãnh đạo Triều Tiên Kim Jong-un" in lower case describes him).
            continue
        if name_span is not None:
            end = name_span[1] + bool(ABBREVIATED_SUFFIX.search(text, name_span[0], name_span[1] + 1))
            name = written_name(text[name_span[0] : end])
            between = text[chain.end : name_span[0]].strip()
            if between and ACRONYM_WORD.fullmatch(between):
                chain.org = chain.org or between  # "Tổng giám đốc IMF Kristalina Georgieva"
            elif between and (ORG_HEAD.match(between) or LOWER_BODY.match(between)):
                chain.org = chain.org or ORG_ACRONYM.sub("", between)
                # "Bộ trưởng Bộ Quốc phòng Nhật Bản Koizumi Shinjiro": the body names the country.
                countries = unpaired_countries(between)
                chain.country = chain.country or (countries[-1] if countries else None)
            # Titles after the name, in apposition: "Phan Văn Giang, Phó Thủ tướng, Bộ trưởng Bộ Quốc phòng".
            apposed = apposition(text, end)
            # The country a known leader has, not the guess from a Vietnamese-looking name: "Thượng tướng
            # Phạm Trường Long, ..., Phó Chủ tịch Quân ủy Trung ương Trung Quốc" is Chinese.
            leader = g.leader(name)
            known = chain.country or (leader.country if leader is not None else None)
            if apposed is not None and None not in (apposed.country, known) and apposed.country != known:
                apposed = None  # "Thủ tướng Phạm Minh Chính, Thủ tướng Vatican": another person
            if apposed is not None:
                roles = without_ranks(roles + [r for r in short_roles(apposed.titles) if r not in roles])
                chain.country = chain.country or apposed.country
                end = apposed.end
            person = resolve_person(name, roles, chain, people, published, former)
            label = "PERSON"
        else:
            person = resolve_title(roles, chain.country, by_role, by_role_of)
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
                if person.country:
                    by_role_of[(role, person.country)] = person
        mentions.append(
            Mention(
                chain.start,
                end,
                label,
                text[chain.start : end],
                person.name,
                (
                    # "Nhà lãnh đạo Ấn Độ" standing for its President: the office he holds, not the word
                    (
                        "roles",
                        tuple(
                            person.roles
                            if generic_only(roles) and label == "TITLE"
                            else roles or person.roles
                        ),
                    ),
                    ("all_roles", tuple(person.roles)),
                    ("country", person.country),
                    ("org", person.org),
                    ("former", former),
                    ("titled", True),
                ),
            )
        )
    renamed: dict[str, Person] = {}
    mentions.extend(find_known_names(text, people, mentions, published, renamed))
    mentions.extend(find_bare_names(text, people, mentions, published, renamed))
    if renamed:
        mentions = [renamed_mention(m, renamed) for m in mentions]
    mentions.sort(key=lambda m: m.start)
    del g
    return same_words_one_person(titles_listed_before(text, mentions))


# "Ferdinand Romualdez Marcos Jr.": the suffix's period is the name's, even where it ends the sentence.
ABBREVIATED_SUFFIX = re.compile(r"(?<![\w])(?:Jr|Sr)\.$")


def named_only(titles: list[str]) -> bool:
    """Titles that are titles only before a country and a name (`Title.named_only`)."""
    g = gz.load()
    found = [g.title(text) for text in titles]
    return bool(found) and all(title is not None and title.named_only for title in found)


# Between two titles of one person: the first one's body, if any, and a comma.
LISTED_TITLES_GAP = re.compile(r"(?:\s+[A-ZĐ][^,;.()\n]{0,40}?)?,\s*")


def titles_listed_before(text: str, mentions: list[Mention]) -> list[Mention]:
    """A title with a body the chains do not know, listed before another title and the name ("Chủ tịch
    Quốc hội Chính quyền Nhân dân, Chủ tịch Hội đồng Nhà nước Cuba Esteban Lazo Hernandez"): one
    person holding both, not a second, unnamed one."""
    kept: list[Mention] = []
    for mention in mentions:
        previous = kept[-1] if kept else None
        if (
            previous is not None
            and previous.label == "TITLE"
            and mention.label == "PERSON"
            and mention.get("titled")
            and text[previous.start].isupper()
            and LISTED_TITLES_GAP.fullmatch(text, previous.end, mention.start)
            and not (
                INVITER_BEFORE.search(text, max(0, previous.start - 24), previous.start)
                and previous.get("country") is None
                and mention.get("country") not in (None, "VN")
            )
        ):
            roles = [*(previous.get("roles") or ()), *(mention.get("roles") or ())]
            data = tuple((k, tuple(dict.fromkeys(roles)) if k == "roles" else v) for k, v in mention.data)
            kept[-1] = replace(
                mention, start=previous.start, text=text[previous.start : mention.end], data=data
            )
            continue
        kept.append(mention)
    return kept


def same_words_one_person(mentions: list[Mention]) -> list[Mention]:
    """A name written in both orders in one article ("ông Kuroiwa Yuji", then "ông Yuji Kuroiwa":
    Japanese, Korean and Hungarian names come either way) is one person, keyed as first written."""
    first: dict[tuple[str, ...], Mention] = {}
    kept = []
    for mention in mentions:
        words = tuple(sorted(fold(mention.key).split())) if mention.label == "PERSON" and mention.key else ()
        earlier = first.setdefault(words, mention) if len(words) >= 2 else mention
        if earlier is mention and len(words) >= 2:
            earlier = next((m for m in first.values() if short_form_of(mention, m)), mention)
        if earlier.key != mention.key:
            own = dict(mention.data)
            data = tuple((k, earlier.get(k) if k == "country" and v is None else v) for k, v in own.items())
            mention = replace(mention, key=earlier.key, data=data)
        kept.append(mention)
    return kept


def short_form_of(mention: Mention, earlier: Mention) -> bool:
    """ "Đặc phái viên Joe Yun" after "ông Joseph Yun, đặc phái viên của Mỹ": a familiar form of the
    given name (its first two letters), the same surname, one of the same roles and no country of its
    own names the person written before. "Sergei Kuzhugetovich Shoigu" after "Sergei Shoigu": the
    same given name and surname, a patronymic between. Foreign names only: Vietnamese ones are
    written one way."""
    if not earlier.key or not mention.key or looks_vietnamese(mention.key):
        return False
    words, before = fold(mention.key).split(), fold(earlier.key).split()
    if len(words) == 3 and len(before) == 2 and (words[0], words[-1]) == tuple(before):
        return mention.get("country") in (None, earlier.get("country"))
    if mention.get("country") is not None or len(words) != 2 or len(before) < 2:
        return False
    given, surname = words
    if before[-1] != surname or before[0] == given or given[:2] != before[0][:2]:
        return False
    return bool(set(mention.get("roles") or ()) & set(earlier.get("roles") or ()))


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
        # "Chủ tịch Hội đồng Biển Nga": the end of a body's name that ends in its country, no name;
        # a Vietnamese name may end in a word that is also a country ("Nguyễn Tuấn Anh").
        return looks_vietnamese(name) or g.leader(name) is not None or country_ending(name) is None
    if len(name) < 2:
        return False
    key = fold(name)
    if name.isascii() or not vietnamese_syllable(key):
        return True  # "Sullivan", "Máxima": no Vietnamese word, so a name
    return any(same_name(p.key, key) for p in people) or gz.load().leader(name) is not None


def home_country(name: str) -> str | None:
    leader = gz.load().leader(name)
    if leader is not None:
        return leader.country
    return "VN" if looks_vietnamese(name) else None


# An envoy's title, whose sender may follow, then the office the envoy once held: "Đặc phái viên của Thủ
# tướng Nhật Bản, nguyên Thủ tướng Suga Yoshihide".
ENVOY_THEN_FORMER = re.compile(
    r"(?<![\w])Đặc phái viên(?:\s+đặc biệt)?(?:\s+của\s+[^,;.()]{2,60}?)?,\s*(?:nguyên|cựu|Nguyên|Cựu)\s*$"
)
ENVOY_REACH = 100  # characters before "nguyên": the envoy's title and the sender it names


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
        if person.country is None and chain.country is not None:
            # "Tổng thống Bolsonaro" first, then "Tổng thống Brazil Jair Bolsonaro": the country told later.
            person.country = chain.country
        for role in roles:
            if role not in person.roles:
                person.roles.append(role)
        return person
    leader = g.leader(name)
    # A leader the gazetteer knows is of their own country, whatever a list of titles before the name
    # says ("Ngoại trưởng Tòa thánh Vatican, Thủ tướng Phạm Minh Chính").
    country = leader.country if leader is not None and leader.country else chain.country
    if country is None and leader is None:
        # "Phó Tổng thống Vance": a last name with the office its one holder held then.
        titled = g.leader_titled(name, roles, published)
        country = titled.country if titled is not None else None
    if country is None and looks_vietnamese(name):
        country = "VN"
    person = Person(name=name, roles=list(roles), country=country, org=chain.org, former=former)
    people.append(person)
    return person


PAIR_DASH = re.compile(r"\s*[-–]\s*")


def unpaired_countries(phrase: str) -> list[str]:
    """The countries a body's name tells, less those of a pair ("Ủy ban hợp tác Lào - Việt Nam"), which
    names a body of both and the officer of neither."""
    found = [(s, e, key) for s, e, label, key in gz.load().find_places(phrase) if label == "COUNTRY"]
    paired: set[int] = set()
    for n, ((_s, end, _k), (start, _e, _key)) in enumerate(zip(found, found[1:], strict=False)):
        if PAIR_DASH.fullmatch(phrase, end, start):
            paired.update((n, n + 1))
    return [key for n, (_s, _e, key) in enumerate(found) if n not in paired]


def resolve_title(
    roles: list[str],
    country: str | None,
    by_role: dict[str, Person],
    by_role_of: dict[tuple[str, str], Person],
) -> Person | None:
    """A bare title ("Chủ tịch nước cho biết") refers to the last person introduced with it (of the
    title's country, when it names one)."""
    for role in roles:
        person = (by_role_of.get((role, country)) if country else None) or by_role.get(role)
        if person is not None and (country is None or person.country in (None, country)):
            return person
    if country and generic_only(roles):
        # "Nhà lãnh đạo Ấn Độ bày tỏ ..." after "Tổng thống Ấn Độ X": the one head of that country named.
        g = gz.load()
        heads = {
            person.name: person
            for (role, of), person in by_role_of.items()
            if of == country and (title := g.title(role)) is not None and title.heads_a_country
        }
        if len(heads) == 1:
            return next(iter(heads.values()))
    return None


def generic_only(roles: list[str]) -> bool:
    return bool(roles) and all(role in GENERIC_LEADER for role in roles)


# Titles that name a country's leader without saying which office: they refer to the one head named.
GENERIC_LEADER = frozenset({"Nhà lãnh đạo", "Lãnh đạo", "Người đứng đầu"})
