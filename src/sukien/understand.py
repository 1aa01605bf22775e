"""Stage `understand` (placeholder)."""

from __future__ import annotations

from sukien.doc import Doc
from sukien.pipeline import stage


@stage("understand", requires=("text", "norm"), adds=("sentences", "mentions", "dates"))
def understand(doc: Doc) -> Doc:
    return doc
