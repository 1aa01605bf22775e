"""The stage registry: a stage is a function `Doc -> Doc` registered with `@stage(name, ...)`.

It sits below every stage (clean, understand, extract import it) and above nothing but `Doc`, so the
stages and the pipeline that runs them (`sukien.pipeline`) never import each other in a circle.
`requires` and `adds` name `Doc` fields; `sukien.pipeline` checks them when it runs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sukien.doc import Doc


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
