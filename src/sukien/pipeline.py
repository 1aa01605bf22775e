"""Named stages over one `Doc`, each declaring what it reads and what it adds.

A stage is a plain function `Doc -> Doc` registered with `@stage`. `process` runs them in the
order of `STAGES`; the linker (`link.py`) works across articles and runs in the store instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sukien.doc import Doc, RawRecord


@dataclass(frozen=True)
class Stage:
    name: str
    requires: tuple[str, ...]
    adds: tuple[str, ...]
    func: Callable[[Doc], Doc]

    def __call__(self, doc: Doc) -> Doc:
        return self.func(doc)


REGISTRY: dict[str, Stage] = {}


def stage(name: str, requires: tuple[str, ...] = (), adds: tuple[str, ...] = ()):
    def register(func: Callable[[Doc], Doc]) -> Callable[[Doc], Doc]:
        REGISTRY[name] = Stage(name, requires, adds, func)
        return func

    return register


ORDER = ("clean", "normalise", "understand", "extract")


def stages() -> list[Stage]:
    # Importing the modules registers their stages.
    from sukien import clean, extract, normalise, understand  # noqa: F401

    return [REGISTRY[name] for name in ORDER]


def process(record: RawRecord, until: str | None = None) -> Doc:
    """Run every stage (or those up to `until`) on one record."""
    doc = Doc(record=record)
    for current in stages():
        doc = current(doc)
        if current.name == until:
            break
    return doc
