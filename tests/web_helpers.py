"""Real article text and the web pages, archives and feeds the web-input tests build from it."""

from __future__ import annotations

import html
import json
import lzma
import re
from functools import cache
from itertools import islice
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "corpus" / "baomoi-2017.jsonl.xz"


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ])")


def paragraphs_of(text: str, sentences_each: int = 2) -> list[str]:
    """The corpus keeps no paragraph breaks: two sentences make a paragraph here."""
    sentences = [s.strip() for s in _SENTENCE_END.split(text) if s.strip()]
    return [" ".join(sentences[i : i + sentences_each]) for i in range(0, len(sentences), sentences_each)]


@cache
def _corpus_head(count: int) -> tuple[dict, ...]:
    articles = []
    with lzma.open(CORPUS, "rt", encoding="utf-8") as lines:
        for line in islice(lines, count * 4):
            item = json.loads(line)
            paragraphs = paragraphs_of(item.get("text") or "")
            if item.get("title") and item.get("summary") and len(paragraphs) >= 3:
                articles.append({**item, "paragraphs": paragraphs})
            if len(articles) == count:
                break
    return tuple(articles)


def real_articles(count: int) -> list[dict]:
    """The first `count` baomoi articles with a title, a lead and three paragraphs or more."""
    if not CORPUS.exists():
        pytest.skip("../shared/corpus/baomoi-2017.jsonl.xz is not here")
    return list(_corpus_head(count))


BOILERPLATE = {
    "menu": "Trang chủ Thời sự Thế giới Kinh doanh Giải trí Thể thao",
    "share": "Chia sẻ bài viết lên Facebook Twitter Zalo",
    "related": "Tin liên quan: Giá vàng hôm nay tăng mạnh sau phiên điều chỉnh",
    "comment": "Bình luận của bạn đọc: bài viết rất hay, cảm ơn tác giả",
    "footer": "Bản quyền thuộc về Báo Điện tử Ví Dụ. Giấy phép số 123/GP-BTTTT",
}


def news_page(
    article: dict,
    published: str = "2017-03-14T08:30:00+07:00",
    outlet: str = "Báo Ví Dụ",
    url: str = "https://vidu.example/bai-viet.html",
    author: str | None = "Minh Anh",
    charset: str = "utf-8",
) -> str:
    """A news page in the `<div>` layout Vietnamese sites use: the lead sits outside the article
    element, beside menus, a share bar, related links, comments and a footer."""
    esc = html.escape
    body = "\n".join(f'<p class="Normal">{esc(p)}</p>' for p in article["paragraphs"])
    byline = (
        f'<p class="Normal" style="text-align:right;"><strong>{esc(author)}</strong></p>' if author else ""
    )
    menu = "".join(f"<li><a href='/'>{word}</a></li>" for word in BOILERPLATE["menu"].split())
    related = BOILERPLATE["related"]
    return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="{charset}">
<title>{esc(article["title"])} - {esc(outlet)}</title>
<meta property="og:title" content="{esc(article["title"])}">
<meta property="og:site_name" content="{esc(outlet)}">
<meta property="og:description" content="{esc(article["summary"])}">
<meta property="article:published_time" content="{published}">
<link rel="canonical" href="{url}">
</head>
<body>
<header><nav class="menu"><ul>{menu}</ul></nav></header>
<div class="container">
<div class="sidebar-1">
<div class="social-share"><span>{BOILERPLATE["share"]}</span></div>
<h1 class="title-detail">{esc(article["title"])}</h1>
<p class="description">{esc(article["summary"])}</p>
<article class="fck_detail">
{body}
{byline}
</article>
<div class="related-news"><h3>Tin liên quan</h3><ul><li><a href="/a">{related}</a></li></ul></div>
<div id="comments" class="comment-box"><p>{BOILERPLATE["comment"]}</p></div>
</div>
</div>
<footer><p>{BOILERPLATE["footer"]}</p></footer>
</body>
</html>
"""
