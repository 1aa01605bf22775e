"""Counterparts named by rank: "gặp người đồng cấp Triều Tiên Ri Yong-ho" names the North Korean who
holds the office of the person just named. Hand-written: a coreference to the subject's office that
no title list gives (the words are no title of their own), and 498 of 60,000 corpus items use it.
"""

from __future__ import annotations

import re

from sukien.doc import Mention
from sukien.understand.names import take_name, written_name
from sukien.understand.people import home_country
from sukien.understand.qualifiers import qualifier_country, qualifier_pattern

PEER = re.compile(r"(?<![\w])(?:người|vị) đồng cấp(?: của)?(?![\w])")
# How far before "người đồng cấp" the person whose office it names may stand.
PEER_REACH = 250


def peer_country(text: str, pos: int) -> tuple[str | None, int]:
    """The country right after "người đồng cấp" ("Triều Tiên", "nước Nga") and where it ends."""
    qualifier = qualifier_pattern().match(text, pos)
    if qualifier is None:
        return None, pos
    found = qualifier_country(qualifier.group(0).strip())
    return (found.code if found else None), qualifier.end()


def find_peers(text: str, people: list[Mention]) -> list[Mention]:
    """PERSON mentions for "người đồng cấp [country] Name": the name's holder of the office of the
    nearest person named before, of the country given (or known for the name)."""
    if "đồng cấp" not in text:  # most articles: spares a scan of the text with a look-behind
        return []
    taken = [(m.start, m.end) for m in people]
    named = [m for m in people if m.label == "PERSON" and not m.get("former")]
    found = []
    for match in PEER.finditer(text):
        country, pos = peer_country(text, match.end())
        span = take_name(text, pos)
        if span is None or any(s < span[1] and span[0] < e for s, e in taken):
            continue  # no name, or one the article already knows as a person
        before = [m for m in named if m.end <= match.start() and match.start() - m.end <= PEER_REACH]
        if not before:
            continue
        roles = before[-1].get("roles") or ()
        name = written_name(text[span[0] : span[1]])
        country = country or home_country(name)
        if country is None or country == before[-1].get("country"):
            continue  # a peer is of another country; of none known, a guess
        data = (
            ("roles", tuple(roles)),
            ("all_roles", tuple(roles)),
            ("country", country),
            ("org", None),
            ("former", False),
            ("titled", True),
        )
        found.append(Mention(match.start(), span[1], "PERSON", text[match.start() : span[1]], name, data))
    return found
