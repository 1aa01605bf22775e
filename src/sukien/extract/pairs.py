"""Two leaders told as a pair: "cuộc gặp giữa hai nguyên thủ Mỹ-Nga", "Hai nhà lãnh đạo ngoại giao
Nga - Mỹ đã hội đàm": which of the article's people they are, by rank and country."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sukien.doc import Mention
from sukien.extract.leaders import known_title
from sukien.lexicon import gazetteer as gz
from sukien.lexicon.entries import HEAD_CATEGORIES
from sukien.lexicon.names import UP
from sukien.lexicon.triggers import SENTENCE_OPENING, Trigger

if TYPE_CHECKING:
    from sukien.extract.context import Context

# "cuộc gặp đầu tiên và rất được chờ đợi giữa ...": the meeting's words, then its two sides.
BETWEEN_AFTER = re.compile(r"(?:\s+[\w/-]+){0,8}?\s+giữa\s+")


# "giữa hai nguyên thủ quốc gia Mỹ-Nga", "giữa 2 nhà lãnh đạo": the sides told by rank and country.
LEADER_PAIR = re.compile(
    r"(?:hai|2)\s+(?:vị\s+|nhà\s+)?(?:lãnh đạo|nguyên thủ(?:\s+quốc gia)?|tổng thống|thủ tướng|ngoại trưởng|"
    r"người đứng đầu)(?![\w])(?:\s+ngoại giao)?(?:\s+(?:hai\s+)?(?:nước|quốc gia))?\s*",
    re.IGNORECASE,
)
# Between a pair of leaders as the subject and their meeting: "Hai nhà lãnh đạo ngoại giao Nga - Mỹ đã
# hội đàm", "Hai Tổng thống Nga - Mỹ sẽ có cuộc gặp".
PAIR_THEN_MEETING = re.compile(r"(?:\s+(?:đã|sẽ|cũng|vừa|có|cuộc|một|buổi|dự kiến|đang|từng))*\s+$")
GENERIC_PAIR = re.compile(r"lãnh đạo|nguyên thủ|người đứng đầu", re.IGNORECASE)
# How many sentences back "Hai nhà lãnh đạo dự kiến gặp nhau ..." may find the two it names.
PAIR_REACH = 2
MINISTERS = frozenset({"minister", "deputy"})
# Two countries' names joined: "Mỹ-Nga", "Nga - Mỹ", "Nga và Mỹ" (no mention of each where written
# "Mỹ-Nga", hence read here with the gazetteer).
# Any Latin capital opens a country's name: "Ấn Độ", "Úc", "Ý" as well as "Nga".
COUNTRY_PAIR = re.compile(rf"({UP}\w*(?:\s{UP}\w*)*)\s*(?:[-–]|\svà\s)\s*({UP}\w*(?:\s{UP}\w*)*)")


def pair_group(ctx: Context, trigger: Trigger, sent: tuple[int, int]) -> list[Mention] | None:
    """The two leaders a meeting "giữa hai nguyên thủ Mỹ-Nga" is between (`leaders_of_pair`), when no
    one is named right after "giữa"; None if the meeting is not told so."""
    among = BETWEEN_AFTER.match(ctx.doc.text, trigger.end)
    if among is None or ctx.starting("PERSON", among.end()):
        return None
    people = [p for p in ctx.inside(sent[0], sent[1], "PERSON") if not p.get("former")]
    return leaders_of_pair(ctx, among.end(), sent, people)


def leaders_of_pair(
    ctx: Context, pos: int, sent: tuple[int, int], candidates: list[Mention]
) -> list[Mention] | None:
    """The two sides of "giữa hai nguyên thủ Mỹ-Nga" at `pos`: the sentence's leaders of those two
    countries, in the order named (empty when the text does not name both countries or the sentence
    not both leaders, so that no one else there takes the meeting); None if no such phrase."""
    phrase = LEADER_PAIR.match(ctx.doc.text, pos)
    if phrase is None or any(m.start <= phrase.end() for m in ctx.inside(pos, sent[1], "PERSON")):
        return None  # "giữa hai Tổng thống Mỹ Donald Trump và Nga ...": the two are named
    pair = COUNTRY_PAIR.match(ctx.doc.text, phrase.end(), sent[1])
    g = gz.load()
    sides = [g.country(name) for name in pair.groups()] if pair else []
    if len(sides) != 2 or None in sides:
        return []
    countries = [side.code for side in sides if side is not None]
    # "hai ngoại trưởng": ministers; "hai nguyên thủ", "hai nhà lãnh đạo": the heads, not an aide.
    ranks = MINISTERS if "ngoại" in phrase.group(0).lower() else HEAD_CATEGORIES
    found: dict[str, Mention] = {}
    for person in candidates:
        country = person.get("country")
        titles = [t for t in map(known_title, person.get("roles") or ()) if t is not None]
        if country in countries and country not in found and any(t.category in ranks for t in titles):
            found[country] = person
    return sorted(found.values(), key=lambda m: m.start) if len(found) == 2 else []


def subject_pair(ctx: Context, trigger: Trigger, sent: tuple[int, int]) -> list[Mention] | None:
    """The two leaders a sentence opens with as the subject of their meeting, named before in the
    article ("Hai nhà lãnh đạo ngoại giao Nga - Mỹ đã hội đàm bên lề ..."; "Hai nhà lãnh đạo dự kiến
    gặp nhau tại Singapore": the two leaders the sentences just before name): None if it does not."""
    text = ctx.doc.text
    phrase = LEADER_PAIR.search(text, sent[0], trigger.start)
    if phrase is None:
        return None
    opening = SENTENCE_OPENING.fullmatch(text, sent[0], phrase.start()) is not None
    if not opening and not text[sent[0] : phrase.start()].rstrip().endswith(","):
        return None  # the pair must open the sentence or its main clause: "Hai ...", "Ngày 7-12, hai ..."
    pair = COUNTRY_PAIR.match(text, phrase.end(), trigger.start)
    if pair is not None and PAIR_THEN_MEETING.fullmatch(text, pair.end(), trigger.start):
        earlier = [p for p in ctx.inside(0, sent[0], "PERSON") if not p.get("former")]
        return leaders_of_pair(ctx, phrase.start(), sent, earlier) or None
    words_end = phrase.start() + len(phrase.group(0).rstrip())
    generic = GENERIC_PAIR.search(phrase.group(0)) is not None  # "hai Thủ tướng": `other_of_the_two`
    if pair is None and generic and PAIR_THEN_MEETING.fullmatch(text, words_end, trigger.start):
        return last_two_leaders(ctx, sent)
    return None


def last_two_leaders(ctx: Context, sent: tuple[int, int]) -> list[Mention] | None:
    """The two heads of different countries the nearest sentence before `sent` names (within
    `PAIR_REACH`): "Trump vẫn lên kế hoạch gặp Kim. Hai nhà lãnh đạo dự kiến gặp nhau ..."; None if
    no sentence there names exactly two such heads."""
    sentences = ctx.doc.sentences
    index = next((i for i, s in enumerate(sentences) if s[0] == sent[0]), 0)
    g = gz.load()
    for start, end in reversed(sentences[max(0, index - PAIR_REACH) : index]):
        heads: dict[str, Mention] = {}
        for person in ctx.inside(start, end, "PERSON"):
            country = person.get("country")
            titles = [t for t in map(known_title, person.get("roles") or ()) if t is not None]
            # "lãnh đạo Triều Tiên Kim Jong-un": no title read, a leader the lists hold
            untitled_leader = not titles and person.key is not None and g.leader(person.key) is not None
            head = untitled_leader or any(t.heads_a_country for t in titles)
            if country and not person.get("former") and head:
                heads.setdefault(country, person)
        if len(heads) == 2:
            return sorted(heads.values(), key=lambda m: m.start)
        if len(heads) > 2:
            return None  # more than two could be meant
    return None
