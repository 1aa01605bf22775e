"""News pages for the benchmarks, generated from corpus articles (the corpus stays in ../shared)."""

from __future__ import annotations

import json
import lzma
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from xml.sax.saxutils import escape

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "baomoi-2017.jsonl.xz"


def corpus_articles(count: int) -> Iterator[dict]:
    with lzma.open(CORPUS, "rt", encoding="utf-8") as lines:
        for line in islice(lines, count):
            yield json.loads(line)


def page_of(article: dict, n: int) -> str:
    """A `<div>`-layout news page: lead outside the article element, menus, related links, footer."""

    def esc(text: str) -> str:
        return escape(text, {'"': "&quot;"})

    sentences = (article.get("text") or "").split(". ")
    body = "".join(
        f'<p class="Normal">{esc(". ".join(sentences[i : i + 2]))}</p>' for i in range(0, len(sentences), 2)
    )
    title, summary = esc(article.get("title") or ""), esc(article.get("summary") or "")
    menu = "".join(f"<li><a href='/s{i}'>Chuyên mục {i}</a></li>" for i in range(30))
    related = "".join(
        f"<li><a href='/r{i}'>Tin liên quan số {i} của ngày hôm nay</a></li>" for i in range(10)
    )
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>{title} - Báo Ví Dụ</title>
<meta property="og:title" content="{title}">
<meta property="og:description" content="{summary}">
<meta property="article:published_time" content="2017-03-{n % 28 + 1:02d}T08:00:00+07:00">
<script>var ads = {{"slot": {n}}};</script></head>
<body><header><ul class="menu">{menu}</ul></header>
<div class="container"><div class="sidebar-1"><h1>{title}</h1>
<p class="description">{summary}</p>
<article class="fck_detail">{body}<p style="text-align:right"><strong>Minh Anh</strong></p></article>
<div class="box-related"><ul>{related}</ul></div><div class="comments">Bình luận (0)</div></div></div>
<footer>Bản quyền © Báo Ví Dụ. Giấy phép số {n}/GP-BTTTT</footer></body></html>"""
