"""Who can lead a trip in the news: the offices of a state and the leaders the gazetteer lists."""

from __future__ import annotations

import re

from sukien.lexicon import gazetteer as gz
from sukien.lexicon.triggers import word_list_pattern
from sukien.models import Person

# Offices of a state whatever body a text names beside them ("Chủ tịch" alone may chair a company).
STATE_OFFICES = ("head_of_state", "head_of_government", "legislature_head", "royal", "deputy")


def is_leader(person: Person) -> bool:
    """Can this person lead a trip in the news? Ambassadors, officials of companies and
    associations, and unknown titles cannot."""
    g = gz.load()
    if g.leader(person.name) is not None:
        return True
    titles = [t for t in map(known_title, person.roles) if t is not None]
    if any(t.category in STATE_OFFICES and t.leader_level and t.role != "Chủ tịch" for t in titles):
        return True  # "Phó Thủ tướng, Bộ trưởng Ngoại giao và Hợp tác quốc tế": the body cannot unmake it
    if person.org and not word_list_pattern("state_bodies", re.IGNORECASE).search(person.org):
        return False
    return any(t.leader_level for t in titles)


def known_title(role: str) -> gz.Title | None:
    """The listed title of a role; a minister of a ministry no list holds ("Bộ trưởng Biến đổi khí hậu
    và Môi trường", named up to the country by `understand.names`) is a minister still."""
    g = gz.load()
    return g.title(role) or (g.title("Bộ trưởng") if role.startswith("Bộ trưởng ") else None)
