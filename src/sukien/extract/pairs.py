"""Two leaders told as a pair: "cuộc gặp giữa hai nguyên thủ Mỹ-Nga", "Hai nhà lãnh đạo ngoại giao
Nga - Mỹ đã hội đàm": which of the article's people they are, by rank and country."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sukien.doc import Mention
from sukien.extract.leaders import known_title
from sukien.lexicon import gazetteer as gz
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
PAIR_THEN_MEETING = re.compile(r"(?:\s+(?:đã|sẽ|cũng|vừa|có|cuộc|một|buổi))*\s+$")
HEADS = frozenset({"head_of_state", "head_of_government", "party_leader", "royal"})
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
    ranks = MINISTERS if "ngoại" in phrase.group(0).lower() else HEADS
    found: dict[str, Mention] = {}
    for person in candidates:
        country = person.get("country")
        titles = [t for t in map(known_title, person.get("roles") or ()) if t is not None]
        if country in countries and country not in found and any(t.category in ranks for t in titles):
            found[country] = person
    return sorted(found.values(), key=lambda m: m.start) if len(found) == 2 else []


def subject_pair(ctx: Context, trigger: Trigger, sent: tuple[int, int]) -> list[Mention] | None:
    """The two leaders a sentence opens with as the subject of their meeting, named before in the
    article ("Hai nhà lãnh đạo ngoại giao Nga - Mỹ đã hội đàm bên lề ..."): None if it does not."""
    text = ctx.doc.text
    phrase = LEADER_PAIR.search(text, sent[0], trigger.start)
    pair = COUNTRY_PAIR.match(text, phrase.end(), trigger.start) if phrase else None
    if phrase is None or pair is None or not PAIR_THEN_MEETING.fullmatch(text, pair.end(), trigger.start):
        return None
    opening = SENTENCE_OPENING.fullmatch(text, sent[0], phrase.start()) is not None
    if not opening and not text[sent[0] : phrase.start()].rstrip().endswith(","):
        return None  # the pair must open the sentence or its main clause: "Hai ...", "Ngày 7-12, hai ..."
    earlier = [p for p in ctx.inside(0, sent[0], "PERSON") if not p.get("former")]
    found = leaders_of_pair(ctx, phrase.start(), sent, earlier)
    return found or None
