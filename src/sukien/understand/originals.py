"""A foreign name written in Vietnamese transliteration with the original after it in brackets:
"Hoan Ết-xtê-ban La-xô Ê-rơ-nan-đết (Joan Esteban Lazo Hernandez)". Both are one person, who goes
by the original, the form other articles and the gazetteer use; a coreference no list makes. A name
read in Sino-Vietnamese keeps its Vietnamese form.
"""

from __future__ import annotations

import re
from dataclasses import replace

from sukien.doc import Mention
from sukien.understand.names import vietnamese_syllable

ORIGINAL_AFTER = re.compile(r"[ \u00a0]*\(([A-Z][^()\n]{2,60})\)")
LATIN_WORD = re.compile(r"[A-Z][A-Za-zÀ-ÿ'’.-]*")
# A phonetic transliteration joins its syllables with dashes ("Ết-xtê-ban"). A Chinese name read in
# Sino-Vietnamese ("Lạc Thụ Cương (Luo Shugang)") is the form SPEC keeps, as the news does.
PHONETIC = re.compile(r"\w-\w")


def latin_name(words: str) -> bool:
    """Two to six capitalised words in Latin letters, none with a mark only Vietnamese writes."""
    parts = words.split()
    return 2 <= len(parts) <= 6 and all(LATIN_WORD.fullmatch(w) and not vietnamese_syllable(w) for w in parts)


def with_original_names(text: str, people: list[Mention]) -> list[Mention]:
    """Every mention of a transliterated person keyed by the original name in brackets after it; the
    mention inside the brackets is dropped, being the same person told again."""
    renamed: dict[str, str] = {}
    inside: list[tuple[int, int]] = []
    for mention in people:
        if mention.label != "PERSON" or not mention.key or mention.key in renamed:
            continue
        bracket = ORIGINAL_AFTER.match(text, mention.end)
        if bracket is None or not latin_name(bracket.group(1)) or not PHONETIC.search(mention.key):
            continue
        within = [
            p
            for p in people
            if p.label == "PERSON" and p.key and bracket.start(1) <= p.start and p.end <= bracket.end(1)
        ]
        renamed[mention.key] = within[0].key if within and within[0].key else bracket.group(1).strip()
        inside.append(bracket.span(1))
    if not renamed:
        return people
    return [
        replace(m, key=renamed[m.key]) if m.label in ("PERSON", "TITLE") and m.key in renamed else m
        for m in people
        if not any(start <= m.start and m.end <= end for start, end in inside)
    ]
