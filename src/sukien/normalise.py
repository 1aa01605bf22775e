"""Stage `normalise` (placeholder): `norm` is `text`."""

from __future__ import annotations

from sukien.doc import Doc
from sukien.pipeline import stage


@stage("normalise", requires=("text",), adds=("norm",))
def normalise(doc: Doc) -> Doc:
    doc.norm = doc.text
    return doc
