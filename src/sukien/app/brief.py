"""A short, cited Vietnamese brief of one trip, built only from the sentences its sources state.

Extractive on purpose: every sentence of a brief is an `evidence` sentence of one of the trip's
events, as the article wrote it, with its citation (outlet, date, link). Nothing is paraphrased,
so nothing can be said that no source says. The heading is a label built from the trip's fields,
not a sentence. Sections answer who/where/when and the occasion, whom they met, what was signed,
what was said; every source of the trip is cited at least once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from sukien import event_types
from sukien.models import Article, Event, Trip
from sukien.store import Store
from sukien.text.fold import fold

# Sections in the order a reader wants them, the event types each takes, and at most how many
# sentences each keeps (sources not cited yet are added beyond that).
SECTIONS: tuple[tuple[str, tuple[str, ...], int], ...] = tuple(
    (section, event_types.in_section(section), most)
    for section, most in (("journey", 3), ("meetings", 6), ("signed", 4), ("speeches", 2))
)
SECTION_TITLES = {
    "vi": {
        "journey": "Chuyến đi",
        "meetings": "Hội đàm, tiếp xúc",
        "signed": "Ký kết",
        "speeches": "Phát biểu",
    },
    "en": {"journey": "The journey", "meetings": "Meetings", "signed": "Signed", "speeches": "Speeches"},
}
LONG_SENTENCE = 400  # characters: a longer evidence sentence is a weaker lead
BULLETS = "*-•–+ "
# Every fixed phrase of a brief, in each language; what the articles say stays as they say it.
NO_OUTLET = {"vi": "không rõ nguồn", "en": "source unknown"}
NO_DATE = {"vi": "không rõ ngày", "en": "date unknown"}
MONTHS_EN = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


@dataclass
class Citation:
    source: str
    article_id: str | None
    outlet: str | None
    published: str | None
    link: str  # the article's URL, else its source name
    title: str | None = None

    def label(self, lang: str = "vi") -> str:
        outlet = self.outlet or NO_OUTLET[lang]
        return f"{outlet}, {date_in(lang, self.published) or NO_DATE[lang]}, {self.link}"


@dataclass
class Sentence:
    text: str
    section: str
    citation: Citation
    events: list[str] = field(default_factory=list)
    start: int = 0  # offsets into the article text (into its title where `part` is "title")
    end: int = 0
    part: str = "text"


@dataclass
class Brief:
    trip: Trip
    heading: str
    sentences: list[Sentence]
    lang: str = "vi"  # of the heading, the section titles and the citations' labels

    def sections(self) -> list[tuple[str, list[Sentence]]]:
        return [
            (name, [s for s in self.sentences if s.section == name])
            for name, _, _ in SECTIONS
            if any(s.section == name for s in self.sentences)
        ]

    def sources(self) -> list[str]:
        return list(dict.fromkeys(s.citation.source for s in self.sentences))

    def as_dict(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "trip_id": self.trip.id,
            "heading": self.heading,
            "sentences": [
                {
                    "text": s.text,
                    "section": s.section,
                    "events": s.events,
                    "start": s.start,
                    "end": s.end,
                    **({"part": s.part} if s.part != "text" else {}),
                    "citation": {**vars(s.citation), "label": s.citation.label(self.lang)},
                }
                for s in self.sentences
            ],
            "sources": self.sources(),
        }

    def text(self) -> str:
        """The brief as plain text: the heading, then each section, each sentence with its citation."""
        titles = SECTION_TITLES[self.lang]
        lines = [self.heading, ""]
        for name, sentences in self.sections():
            lines.append(f"{titles[name]}:")
            lines.extend(f"- {s.text} ({s.citation.label(self.lang)})" for s in sentences)
            lines.append("")
        return "\n".join(lines).rstrip() + "\n"


def vietnamese_date(value: str | None) -> str | None:
    """'2024-09-22' -> '22/9/2024', as Vietnamese news writes dates."""
    if not value or len(value) < 10:
        return value
    year, month, day = value[:10].split("-")
    return f"{int(day)}/{int(month)}/{year}"


def english_date(value: str | None) -> str | None:
    """'2024-09-22' -> '22 September 2024'."""
    if not value or len(value) < 10:
        return value
    year, month, day = value[:10].split("-")
    return f"{int(day)} {MONTHS_EN[int(month) - 1]} {year}"


def date_in(lang: str, value: str | None) -> str | None:
    """A date as the brief's language writes dates: one format in all of one brief."""
    return english_date(value) if lang == "en" else vietnamese_date(value)


@cache
def english_roles() -> dict[str, str]:
    data = resources.files("sukien").joinpath("data", "roles_en.json").read_text(encoding="utf-8")
    return dict(json.loads(data)["roles"])


def role_in(lang: str, role: str) -> str:
    """A role in the brief's language: the English name `data/roles_en.json` gives, else as written.
    An acting office the list does not name is "Acting" and the office's English name."""
    if lang != "en":
        return role
    if role not in english_roles() and role.startswith(ACTING) and role[len(ACTING) :] in english_roles():
        return "Acting " + english_roles()[role[len(ACTING) :]]
    return english_roles().get(role, role)


ACTING = "Quyền "


def heading(found: Trip, lang: str = "vi") -> str:
    from sukien.lexicon import gazetteer

    known = gazetteer.load()
    places = []
    for leg in found.legs:
        country = known.countries.get(leg.country)
        name = ((lang == "en" and country.english) or country.name) if country else leg.country
        city = known.city(leg.city, leg.country) if leg.city and lang == "en" else None
        # In English, the city's English name ("Beijing" for "Bắc Kinh"); else as the articles wrote it.
        shown = (city.english if city else None) or leg.city
        places.append(f"{shown}, {name}" if shown else name)
    roles = f" ({', '.join(role_in(lang, role) for role in found.actor.roles)})" if found.actor.roles else ""
    dates = " – ".join(d for d in dict.fromkeys((date_in(lang, found.start), date_in(lang, found.end))) if d)
    parts = [f"{found.actor.name}{roles}", "; ".join(dict.fromkeys(places)), dates]
    return " — ".join(part for part in parts if part)


def citation_for(source: str, article: Article | None) -> Citation:
    if article is None:
        return Citation(source=source, article_id=None, outlet=None, published=None, link=source)
    return Citation(
        source=source,
        article_id=article.id,
        outlet=article.outlet,
        published=article.published,
        link=article.url or article.source,
        title=article.title,
    )


def lead_score(event: Event, text: str) -> tuple:
    """How well a sentence says who went where, when and why: dated, with an occasion, not too long."""
    return (
        event.start is None,
        event.occasion is None,
        event.status == "planned",
        len(text) > LONG_SENTENCE,
        event.type not in event_types.with_link("seeds"),
    )


def candidates(events: list[Event], articles: dict[str, Article]) -> dict[str, list[tuple[tuple, Sentence]]]:
    """Every evidence sentence once, in its section, with the score that orders it."""
    by_section: dict[str, list[tuple[tuple, Sentence]]] = {name: [] for name, _, _ in SECTIONS}
    seen: dict[tuple[str, str], Sentence] = {}
    section_of = {kind: name for name, kinds, _ in SECTIONS for kind in kinds}
    for event in events:
        name = section_of.get(event.type)
        if name is None:
            continue
        for evidence in event.evidence:
            text = evidence.text.strip().lstrip(BULLETS).strip()
            key = (evidence.source, fold(text))
            if not text:
                continue
            if key in seen:
                seen[key].events.append(event.id)
                continue
            article = articles.get(evidence.source)
            sentence = Sentence(
                text,
                name,
                citation_for(evidence.source, article),
                [event.id],
                evidence.start,
                evidence.end,
                evidence.part,
            )
            seen[key] = sentence
            published = (article.published if article else None) or "9999"
            order = (*lead_score(event, text), event.start or "9999", published, evidence.start)
            by_section[name].append((order, sentence))
    return by_section


def build(store: Store, trip_id: str, lang: str = "vi") -> Brief:
    """The brief of trip `trip_id` (E202 when there is none), its fixed phrases in `lang` (vi, en)."""
    found = store.trip(trip_id)
    events = store.trip_events(found)
    sources = list(dict.fromkeys([*found.sources, *(e.source for ev in events for e in ev.evidence)]))
    articles = store.articles_by_source(sources)
    by_section = candidates(events, articles)
    chosen: list[tuple[tuple, Sentence]] = []
    for name, _, keep in SECTIONS:
        chosen.extend(pick(by_section[name], keep))
    # Every source of the trip is cited: add the best sentence of any source still missing.
    cited = {sentence.citation.source for _, sentence in chosen}
    for source in found.sources:
        if source in cited:
            continue
        pool = [
            item for name, _, _ in SECTIONS for item in by_section[name] if item[1].citation.source == source
        ]
        if pool:
            chosen.append(min(pool, key=lambda item: item[0]))
            cited.add(source)
    order = {name: position for position, (name, _, _) in enumerate(SECTIONS)}
    chosen.sort(key=lambda item: (order[item[1].section], reading_order(item[1])))
    sentences = [sentence for _, sentence in chosen]
    return Brief(trip=found, heading=heading(found, lang), sentences=sentences, lang=lang)


def pick(items: list[tuple[tuple, Sentence]], keep: int) -> list[tuple[tuple, Sentence]]:
    """The `keep` best, taking the best of each source first: several outlets tell more than one."""
    ranked = sorted(items, key=lambda item: item[0])
    firsts: dict[str, tuple[tuple, Sentence]] = {}
    for item in ranked:
        firsts.setdefault(item[1].citation.source, item)
    lead = sorted(firsts.values(), key=lambda item: item[0])[:keep]
    rest = [item for item in ranked if all(item is not other for other in lead)]
    return lead + rest[: keep - len(lead)]


def reading_order(sentence: Sentence) -> tuple:
    """Within a section, sources in publication order, and each source's sentences as it tells them."""
    return (sentence.citation.published or "9999", sentence.citation.source, sentence.start)
