"""Stage `clean`: the article body and its metadata out of a raw record, by the record's kind.

One extractor per kind: plain-text dumps (`text.py`), structured items (`common.py`) and HTML
pages and WARC records (`html.py`, trafilatura). A new kind is one `register_extractor` call;
a new outlet's boilerplate is one pattern in `data/boilerplate.json`.
"""

from __future__ import annotations

from collections.abc import Callable

from sukien.clean.common import Cleaned, clean_structured, cut_at
from sukien.clean.html import clean_record
from sukien.clean.text import clean_text_dump
from sukien.doc import Doc, RawRecord
from sukien.errors import Code, InputWarning
from sukien.settings import MAX_ARTICLE_CHARS
from sukien.stages import stage

# Per record kind (a WARC record is a page: kind "html"); other kinds use `register_extractor`.
EXTRACTORS: dict[str, Callable[[RawRecord], Cleaned]] = {
    "text": clean_text_dump,
    "jsonl": clean_structured,
    "feed": clean_structured,
    "html": clean_record,  # pages and WARC records (trafilatura, imported when first used)
}


def register_extractor(kind: str, extractor: Callable[[RawRecord], Cleaned]) -> None:
    EXTRACTORS[kind] = extractor


@stage(
    "clean", requires=("record",), adds=("text", "title", "published", "author", "outlet", "url", "summary")
)
def clean(doc: Doc) -> Doc:
    record = doc.record
    extractor = EXTRACTORS.get(record.kind, clean_text_dump)
    cleaned = extractor(record)
    doc.text = cut_at(cleaned.text, MAX_ARTICLE_CHARS)
    if len(doc.text) < len(cleaned.text):
        # Bounded work per article: the stages after this one cost more than linear time.
        kept, total = len(doc.text), len(cleaned.text)
        message = f"the article's text has {total:,} characters: only the first {kept:,} are read"
        doc.errors.append(InputWarning(Code.CUT, message, record.source))
    doc.title = cleaned.title
    doc.published = cleaned.published
    doc.author = cleaned.author
    doc.outlet = cleaned.outlet
    doc.url = cleaned.url
    doc.summary = cleaned.summary
    return doc
