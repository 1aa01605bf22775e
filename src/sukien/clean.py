"""Stage `clean` (placeholder until the boilerplate rules land): the record's text as the body."""

from __future__ import annotations

import unicodedata

from sukien.doc import Doc
from sukien.pipeline import stage


@stage("clean", requires=("record",), adds=("text", "title", "published", "author", "outlet", "url", "summary"))
def clean(doc: Doc) -> Doc:
    fields = doc.record.fields
    doc.text = unicodedata.normalize("NFC", doc.record.text).strip()
    doc.title = fields.get("title")
    doc.published = fields.get("published")
    doc.outlet = fields.get("outlet")
    doc.url = fields.get("url")
    doc.summary = fields.get("summary")
    return doc
