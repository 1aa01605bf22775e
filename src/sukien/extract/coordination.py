"""Two or more people named as one subject ("Quốc vương X và Hoàng hậu Y đến Hà Nội", "A cùng B"):
who stands beside the actor a sentence chose."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from sukien.doc import Mention
from sukien.lexicon.names import ORG_HEAD

if TYPE_CHECKING:
    from sukien.extract.context import Context

# Between two people of one subject: "và", "cùng", after the body of the first one's last title ("X,
# Bộ trưởng Bộ Quốc phòng và đại tướng Y"), or before the second named by rank ("A và người đồng cấp
# Nga B": the name after the country is the mention).
COORDINATION = re.compile(
    # "A (trái) và B", "A, trái và B" (a caption's position, its brackets lost in tokenised text).
    r"(?:\s*\(?(?-i:,\s*)?(?:trái|phải|giữa)\)?)?"
    rf"\s*(?:{ORG_HEAD.pattern}[^,;.()]{{0,40}}?\s)?"
    # "Tướng A, tư lệnh Thuỷ quân lục chiến Mỹ, và Bộ trưởng B": what the first one is, in words of
    # the sentence between commas (no title list holds every post).
    r"(?-i:,\s*[a-zđà-ỹ][^,;.()]{0,60}?,\s*)?"
    # "A cùng các nhà lãnh đạo ASEAN và B": the group named between joins A and B as one subject.
    r"(?-i:cùng\s+(?:các|những)\s+[^,;.()A-ZĐ]{1,30}(?:\s[A-ZĐ][^\s,;.()]*){0,2}\s+)?"
    r"(?:và|cùng)\s*(?:(?:ông|bà|ngài|đồng chí)\s+)?"
    r"(?:(?:người|vị)\s+đồng\s+cấp(?:\s+của)?(?:\s+[^\s,;.()]+){0,3}?\s*)?"
    # "A và lãnh đạo Triều Tiên B": a leader described in lower case, the name after the country.
    r"(?-i:(?:nhà\s+)?lãnh\s+đạo(?:\s+[A-ZĐ][^\s,;.()]*){1,3}\s+)?",
    re.IGNORECASE,
)


PAIRED_BY_DASH = re.compile(r"[ \u00a0]+[-–][ \u00a0]+")


def coordinated(ctx: Context, actor: Mention, sent: tuple[int, int]) -> list[Mention]:
    """The actor and the people joined to it as one subject: "Quốc vương X và Hoàng hậu Y đến Hà Nội"."""
    text = ctx.doc.text
    people = [p for p in ctx.inside(sent[0], sent[1], "PERSON") if not p.get("former")]
    group = [actor]
    index = next((i for i, p in enumerate(people) if p is actor), None)
    if index is None:
        return group
    for previous in reversed(people[:index]):
        paired = (
            PAIRED_BY_DASH.fullmatch(text, previous.end, group[0].start) is not None
            and not previous.get("titled")
            and not group[0].get("titled")
        )  # "Trump - Kim sẽ gặp tại Singapore": two bare names a dash pairs, as headlines write them
        if not paired and not COORDINATION.fullmatch(text, previous.end, group[0].start):
            break
        group.insert(0, previous)
    return [p for i, p in enumerate(group) if all(q.key != p.key for q in group[:i])]
