"""One person, one name: the names the press writes for one person, merged into one canonical actor.

Vietnamese news transliterates foreign names as each newsroom hears them ("Thongloun Sioulith" and
"Thongloun Sisoulith", "Anura Kumara Dissanayaka" and "...Dissanayake"), writes initials ("V. V.
Putin") and now and then splits a word ("Fran Cois-Philippe"). Merging is conservative, because two
people of one surname must stay two (two Kims of two countries, a president and his wife):

1. a name the gazetteer lists for a leader is that leader (data: `data/curated/leaders.json` and
   the mined office-holders), when the countries agree;
2. a short form is the one longer name it ends or starts ("Phúc" / "Nguyễn Xuân Phúc"), as before;
3. two full names are one person only when they are of the same country, their roles are of one
   family (the title's `category` in the gazetteer) or one of them has none, neither is Vietnamese
   (the Vietnamese press writes Vietnamese names one way) and the spellings agree: the same letters
   split differently, initials that fit the given names with the same surname, or words equal but
   one close in spelling (`CLOSE_SPELLING`).

The canonical name is the curated leader's, else the full name written most often, without initials.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

from sukien.lexicon import gazetteer as gz
from sukien.lexicon.names import looks_vietnamese, same_name
from sukien.models import Person
from sukien.text.fold import name_key

# (shortest length of both words, most edits): a word of 5 letters or more may differ by one letter
# ("sioulith" / "sisoulith"), of 9 or more by two; shorter words must be equal ("jong un" / "jong il").
CLOSE_SPELLING = ((9, 2), (5, 1))


@dataclass(frozen=True)
class Identity:
    """One person: the canonical name, and the other names written for them (their aliases)."""

    name: str
    aliases: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return name_key(self.name)

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass
class Written:
    """What the articles say of the people written under one name key."""

    names: Counter[str] = field(default_factory=Counter)
    countries: Counter[str] = field(default_factory=Counter)
    families: set[str] = field(default_factory=set)
    leader: gz.Leader | None = None

    def add(self, other: Written) -> None:
        self.names.update(other.names)
        self.countries.update(other.countries)
        self.families |= other.families
        self.leader = self.leader or other.leader

    @property
    def country(self) -> str | None:
        return self.countries.most_common(1)[0][0] if self.countries else None

    @property
    def vietnamese(self) -> bool:
        """The Vietnamese press writes Vietnamese names one way: no spelling of theirs is merged."""
        return self.country == "VN" or any(looks_vietnamese(name) for name in self.names)


def identities(people: Iterable[Person]) -> dict[str, Identity]:
    """Each written name's key (`text.fold.name_key`) -> the identity of the person it names."""
    written = gather(people)
    g = gz.load()
    # 1. The gazetteer's leaders, under their listed name.
    person_of: dict[str, str] = {}
    people_keys: dict[str, Written] = defaultdict(Written)
    for key, seen in written.items():
        leader = g.leader(seen.names.most_common(1)[0][0])
        if leader is not None and agrees(leader.country, seen.country):
            seen.leader = leader
            person_of[key] = name_key(leader.name)
        else:
            person_of[key] = key
        people_keys[person_of[key]].add(seen)
    # 2. Short forms under the longest name they are part of.
    root_of = fullest_forms(list(people_keys))
    roots: dict[str, Written] = defaultdict(Written)
    for key, seen in people_keys.items():
        roots[root_of[key]].add(seen)
    # 3. Spellings of one full name.
    identity_by_root: dict[str, Identity] = {}
    for members in merge_spellings(roots):
        together = Written()
        for root in sorted(members):
            together.add(roots[root])
        identity = identity_of(together)
        identity_by_root.update((root, identity) for root in members)
    return {key: identity_by_root[root_of[person_of[key]]] for key in written}


def fullest_forms(keys: list[str]) -> dict[str, str]:
    """Each key -> the longest key that is a fuller form of it (`same_name`: "phuc" -> "nguyen xuan
    phuc", "mikhail mishustin" -> "mikhail vladimirovich mishustin"), else itself. Only keys that end
    or start with it, or share its first and last words, can be: an index of those, not a scan of
    every key for every key (a corpus has thousands of names)."""
    longest_first = sorted(keys, key=len, reverse=True)
    rank = {key: place for place, key in enumerate(longest_first)}
    index: dict[tuple[str, ...], list[str]] = defaultdict(list)
    for key in longest_first:
        words = key.split()
        for cut in range(1, len(words)):
            index[("ends", " ".join(words[cut:]))].append(key)
            index[("starts", " ".join(words[:cut]))].append(key)
        index[("around", words[0], words[-1])].append(key)
    fullest = {}
    for key in longest_first:
        words = key.split()
        found = [*index.get(("ends", key), []), *index.get(("starts", key), [])]
        if len(words) >= 2:
            found += index.get(("around", words[0], words[-1]), [])
        fits = [other for other in found if len(other) > len(key) and same_name(other, key)]
        fullest[key] = min(fits, key=rank.__getitem__) if fits else key
    return fullest


def gather(people: Iterable[Person]) -> dict[str, Written]:
    g = gz.load()
    written: dict[str, Written] = defaultdict(Written)
    for person in people:
        key = name_key(person.name)
        if not key:
            continue
        seen = written[key]
        seen.names[person.name] += 1
        if person.country:
            seen.countries[person.country] += 1
        for role in person.roles:
            title = g.title(role)
            if title is not None:
                seen.families.add(title.category)
    return dict(written)


def agrees(first: str | None, second: str | None) -> bool:
    return first is None or second is None or first == second


def merge_spellings(roots: dict[str, Written]) -> list[set[str]]:
    """Groups of root keys that name one person (`same_person`). Spellings are compared within one
    country and for foreign names only; the same letters split differently, across all names."""
    group_of = {key: {key} for key in roots}
    by_country: dict[str, list[str]] = defaultdict(list)
    for key, seen in roots.items():
        if seen.country is not None and not seen.vietnamese:
            by_country[seen.country].append(key)
    by_letters: dict[str, list[str]] = defaultdict(list)
    for key in roots:
        by_letters[key.replace(" ", "")].append(key)
    pairs = {pair for keys in by_country.values() for pair in candidates(keys, roots)}
    pairs |= {pair for keys in by_letters.values() for pair in combinations(sorted(keys), 2)}
    for first, second in sorted(pairs):
        if group_of[first] is not group_of[second] and same_person(roots[first], roots[second]):
            joined = group_of[first] | group_of[second]
            for key in joined:
                group_of[key] = joined
    unique = {id(group): group for group in group_of.values()}
    return sorted(unique.values(), key=lambda group: sorted(group))


def candidates(keys: list[str], roots: dict[str, Written]) -> set[tuple[str, str]]:
    """The pairs of one country's names that `same_person` may join: those sharing a surname
    (`initials_fit`) or, as many words long, a word in the same place (`close_words` lets at most
    half of the words differ). Comparing every pair would grow with the square of a country's names."""
    blocks: dict[tuple[Any, ...], list[str]] = defaultdict(list)
    for key in keys:
        words = written_words(roots[key])
        if not words:
            continue
        blocks[("surname", words[-1])].append(key)
        for place, word in enumerate(words):
            blocks[("word", len(words), place, word)].append(key)
    return {pair for block in blocks.values() for pair in combinations(sorted(block), 2)}


def written_words(seen: Written) -> list[str]:
    """The words of the name most often written for the person, as keys."""
    return name_key(seen.names.most_common(1)[0][0]).split()


def same_person(first: Written, second: Written) -> bool:
    if not agrees(first.country, second.country):
        return False
    if first.families and second.families and not first.families & second.families:
        return False  # a president and a namesake minister, a leader and his wife
    curated = {leader.source for leader in (first.leader, second.leader) if leader} == {"curated"}
    if curated and first.leader is not second.leader and first.leader and second.leader:
        return False  # two people the curated list keeps apart
    a, b = written_words(first), written_words(second)
    if "".join(a) == "".join(b):
        return True  # "fran cois philippe" / "francois philippe"
    if first.country is None or second.country is None or first.vietnamese or second.vietnamese:
        return False
    return initials_fit(a, b) or initials_fit(b, a) or close_words(a, b)


def initials_fit(initialled: list[str], full: list[str]) -> bool:
    """ "v v putin" names "vladimir putin" and "vladimir vladimirovich putin": the same surname, given
    names all initials, each the first letter of the given name in its place (a patronymic left out)."""
    given, other = initialled[:-1], full[:-1]
    if not given or not other or initialled[-1] != full[-1]:
        return False
    if not all(len(word) == 1 for word in given) or any(len(word) == 1 for word in other):
        return False
    return all(initial == word[0] for initial, word in zip(given, other, strict=False))


def close_words(a: list[str], b: list[str]) -> bool:
    """As many words, most equal, and the others one or two letters apart."""
    if len(a) != len(b) or len(a) < 2:
        return False
    differing = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(differing) * 2 > len(a):
        return False
    return all(close_spelling(x, y) for x, y in differing)


def close_spelling(x: str, y: str) -> bool:
    shortest = min(len(x), len(y))
    allowed = next((edits for length, edits in CLOSE_SPELLING if shortest >= length), 0)
    return allowed > 0 and edit_distance(x, y, allowed) <= allowed


def edit_distance(x: str, y: str, cap: int) -> int:
    """Levenshtein distance, stopped once every path is over `cap` (returns cap + 1 then)."""
    if abs(len(x) - len(y)) > cap:
        return cap + 1
    previous = list(range(len(y) + 1))
    for i, cx in enumerate(x, 1):
        current = [i]
        for j, cy in enumerate(y, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (cx != cy)))
        if min(current) > cap:
            return cap + 1
        previous = current
    return previous[-1]


def identity_of(seen: Written) -> Identity:
    """The curated leader's name, else the full name most often written (initials and split words
    lose: "Vladimir Putin" over "V. V. Putin", "Francois-Philippe" over "Fran Cois-Philippe")."""
    if seen.leader is not None and seen.leader.source == "curated":
        name = seen.leader.name
    else:
        name = max(seen.names, key=lambda n: preference(n, seen.names[n]))
    aliases = sorted({n for n in seen.names if n != name})
    return Identity(name=name, aliases=tuple(aliases))


def preference(name: str, count: int) -> tuple[bool, bool, int, int, int, str]:
    """Full, without initials, most written, fewest words, longest; the name itself last, so the
    choice never depends on the order the articles came in."""
    words = name_key(name).split()
    return (len(words) >= 2, not any(len(word) == 1 for word in words), count, -len(words), len(name), name)
