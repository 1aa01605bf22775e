"""One person of an article, as the people finders build it (`people`, `later_mentions`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from sukien.text.fold import fold


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
