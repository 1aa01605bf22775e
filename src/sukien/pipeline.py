"""The pipeline: the named stages of `sukien.stages` over one `Doc`, in order.

`process` runs clean -> normalise -> understand -> extract; the linker (`sukien.link`) works across
articles and runs after the store instead. Each stage declares the `Doc` fields it reads
(`requires`) and adds (`adds`); `stages()` checks once that every field a stage reads is a field of
the raw record or added by an earlier stage, so a stage moved out of order fails at once.

A stage that meets a problem of its input raises a coded `InputError`: `process` records it in
`Doc.errors` and stops there, so the caller reports it for this record and goes on with the rest.
"""

from __future__ import annotations

from functools import cache

from sukien.doc import Doc, RawRecord
from sukien.errors import Code, InputError, SukienError
from sukien.stages import REGISTRY, Stage

ORDER = ("clean", "normalise", "understand", "extract")
# What a Doc has before any stage runs: its raw record, and whether only its events are wanted.
GIVEN = frozenset({"record", "events_only"})


@cache
def stages() -> tuple[Stage, ...]:
    # Importing the stage packages registers their stages.
    from sukien import clean, extract, understand  # noqa: F401

    chain = tuple(REGISTRY[name] for name in ORDER)
    check_order(chain)
    return chain


def check_order(chain: tuple[Stage, ...]) -> None:
    available = set(GIVEN)
    for current in chain:
        missing = [name for name in current.requires if name not in available]
        if missing:
            message = f"stage {current.name!r} requires {missing}, added by no earlier stage"
            raise SukienError(Code.PROCESS, message)
        available.update(current.adds)


def process(record: RawRecord, until: str | None = None, events_only: bool = False) -> Doc:
    """Run every stage (or those up to `until`) on one record. With `events_only`, the events are
    the same but the analysis of an article that can hold none (it names no one) is left out."""
    doc = Doc(record=record, events_only=events_only)
    for current in stages():
        try:
            doc = current(doc)
        except InputError as problem:
            doc.errors.append(problem)
            break
        if current.name == until:
            break
    return doc
