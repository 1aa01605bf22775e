"""Stage `extract` (placeholder)."""

from __future__ import annotations

from sukien.doc import Doc
from sukien.pipeline import stage


@stage("extract", requires=("sentences", "mentions", "dates"), adds=("events",))
def extract(doc: Doc) -> Doc:
    return doc
