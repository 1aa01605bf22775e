"""HTML from any outlet: one table of pages and what must be read from each.

Two sources of pages: the pages written for the tests in the markup of each major outlet
(`outlet_pages.py`), and real pages with their expected parse in ../shared (`html/` and, when
present, `corpus/html/`), read at run time and skipped, saying so, when absent. Each page is
checked for its title, date, lead, last paragraph and the chrome it must not keep; a pinned floor
says how many pages read right, so that a change that breaks one shows here.

Below the table, one small page per rule: entities escaped twice, the visible headline over
`og:title`, the lead kept, the app-download banner dropped.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass

import pytest

from outlet_pages import CHROME, OUTLET_PAGES
from sukien.clean.common import Cleaned
from sukien.clean.html import clean_record
from sukien.doc import RawRecord
from web_helpers import SHARED

REAL_DIRS = (SHARED / "html", SHARED / "corpus" / "html")


@dataclass(frozen=True)
class Case:
    """A page and the strings its parse must (not) contain; None where the reference is silent."""

    name: str
    html: str
    title: str | None
    published: str | None
    must: tuple[str, ...]
    must_not: tuple[str, ...]
    first: str | None = None  # the body's first paragraph (the lead), when known


def clean_html(html: str, name: str = "page.html") -> Cleaned:
    return clean_record(RawRecord(source=name, kind="html", text=html))


def outlet_cases() -> list[Case]:
    cases = []
    for build in OUTLET_PAGES:
        page = build()
        cases.append(
            Case(
                name=page.outlet,
                html=page.html,
                title=page.title,
                published=page.published,
                must=(page.lead, page.last),
                must_not=(*CHROME.values(), *page.absent),
                first=page.lead,
            )
        )
    return cases


def real_cases() -> list[Case]:
    """The real pages of ../shared with an expected.json beside them (title, published, lead as
    `summary`, `paragraphs`)."""
    cases = []
    for folder in REAL_DIRS:
        expected_file = folder / "expected.json"
        if not expected_file.exists():
            continue
        for name, want in json.loads(expected_file.read_text(encoding="utf-8")).items():
            data = (folder / name).read_bytes()
            data = gzip.decompress(data) if name.endswith(".gz") else data
            paragraphs = want.get("summary", []) + want.get("paragraphs", [])
            cases.append(
                Case(
                    name=f"{folder.name}/{name}",
                    html=data.decode("utf-8"),
                    title=want.get("title"),
                    published=(want.get("published") or "")[:10] or None,
                    must=tuple(paragraphs[:1] + paragraphs[-1:]),
                    must_not=("Tải ứng dụng", "Tin liên quan"),
                    first=paragraphs[0] if paragraphs else None,
                )
            )
    return cases


def problems(case: Case) -> list[str]:
    """What the parse of one page gets wrong (empty when it reads right)."""
    cleaned = clean_html(case.html, case.name)
    found = []
    if case.title is not None and cleaned.title != case.title:
        found.append(f"title {cleaned.title!r}")
    if case.published is not None and (cleaned.published or "")[:10] != case.published:
        found.append(f"published {cleaned.published!r}")
    paragraphs = cleaned.text.split("\n\n")
    if case.first is not None and paragraphs[0] != case.first:
        found.append(f"first paragraph {paragraphs[0][:80]!r}")
    found += [f"missing {text[:60]!r}" for text in case.must if text not in cleaned.text]
    found += [f"kept {text!r}" for text in case.must_not if text in cleaned.text]
    return found


OUTLET_CASES = outlet_cases()


# Pages that read right (every written page, and the real ones of ../shared when present):
# lower only with a reason, raise as rules improve.
OUTLET_FLOOR = 17


@pytest.mark.parametrize("case", OUTLET_CASES, ids=lambda case: case.name)
def test_each_outlet_page_reads_right(case):
    assert problems(case) == []


def test_the_outlet_pages_that_read_right_stay_at_or_above_the_floor():
    right = sum(not problems(case) for case in OUTLET_CASES)
    assert right >= OUTLET_FLOOR, f"{right} of {len(OUTLET_CASES)} outlet pages read right"


@pytest.fixture(scope="module")
def real() -> list[Case]:
    cases = real_cases()
    if not cases:
        pytest.skip("no real pages with an expected.json in ../shared/html or ../shared/corpus/html")
    return cases


def test_every_real_page_reads_right(real):
    wrong = {case.name: found for case in real if (found := problems(case))}
    assert wrong == {}, f"{len(real) - len(wrong)} of {len(real)} real pages read right"


# --- one page per rule, written for the test ----------------------------------------------------

LEAD = "Sáng 7/3, hai Bộ trưởng Ngoại giao đã hội đàm tại Hà Nội về hợp tác song phương trong năm mới."
BODY = [
    "Hai bên nhất trí tăng cường trao đổi đoàn cấp cao và hợp tác kinh tế, thương mại, đầu tư.",
    "Sau hội đàm, hai Bộ trưởng đã ký bản ghi nhớ về hợp tác giữa hai Bộ Ngoại giao.",
]


def rule_page(*, head: str = "", top: str = "", before_body: str = "") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in BODY)
    return (
        f'<html lang="vi"><head><meta charset="utf-8">{head}</head><body>'
        f"<nav><a href='/'>Trang chủ</a> <a href='/tg'>Thế giới</a></nav>{top}"
        f"<div class='article-body'>{before_body}{paragraphs}</div></body></html>"
    )


def test_a_title_escaped_twice_is_decoded():
    page = rule_page(
        head='<meta property="og:title" '
        'content="Chi&amp;#7871;n l&amp;#432;&amp;#7907;c &amp;amp; h&amp;#7907;p t&amp;#225;c">'
    )
    assert clean_html(page).title == "Chiến lược & hợp tác"


def test_a_description_escaped_twice_still_finds_its_lead():
    escaped = "".join(ch if ord(ch) < 128 else f"&amp;#{ord(ch)};" for ch in LEAD)
    page = rule_page(
        head=f'<meta property="og:description" content="{escaped}">', top=f'<p class="box-text">{LEAD}</p>'
    )
    assert clean_html(page).summary == LEAD


def test_the_visible_headline_wins_over_og_title():
    page = rule_page(
        head='<meta property="og:title" '
        'content="Bộ trưởng Ngoại giao hai nước hội đàm, ký bản ghi nhớ hợp tác">'
        "<title>Hội đàm cấp Bộ trưởng - Báo Ví Dụ</title>",
        top="<h1 class='logo'><a href='/'>Báo Ví Dụ</a></h1>"
        "<h1 class='article-title'>Hai Bộ trưởng Ngoại giao hội đàm tại Hà Nội</h1>",
    )
    assert clean_html(page).title == "Hai Bộ trưởng Ngoại giao hội đàm tại Hà Nội"


def test_a_headline_unlike_every_metadata_title_is_not_taken():
    page = rule_page(
        head='<meta property="og:title" content="Hai Bộ trưởng Ngoại giao hội đàm tại Hà Nội">',
        top="<h1>Tin mới nhất trong ngày</h1>",
    )
    assert clean_html(page).title == "Hai Bộ trưởng Ngoại giao hội đàm tại Hà Nội"


def test_a_lead_between_headline_and_body_is_kept_even_when_the_description_differs():
    page = rule_page(
        head='<meta property="og:description" content="Tin tức thời sự trong nước và quốc tế">',
        top=f"<h1>Hai Bộ trưởng Ngoại giao hội đàm</h1><h2 class='article-sapo'>{LEAD}</h2>",
    )
    cleaned = clean_html(page)
    assert cleaned.summary == LEAD
    assert cleaned.text.split("\n\n") == [LEAD, *BODY]


def test_an_outlet_credit_before_the_lead_is_left_out():
    page = rule_page(
        head=f'<meta property="og:description" content="{LEAD}">',
        top=f"<h1>Hai Bộ trưởng Ngoại giao hội đàm</h1><h2 class='sapo'>(Dân trí) - {LEAD}</h2>",
    )
    assert clean_html(page).text.split("\n\n")[0] == LEAD


def test_an_app_download_banner_is_not_the_first_paragraph():
    banner = "<p><b>Tải ứng dụng</b> Báo Ví Dụ trên App Store và Google Play</p>"
    page = rule_page(
        top=f"<h1>Hai Bộ trưởng Ngoại giao hội đàm</h1><h2 class='sapo'>{LEAD}</h2>", before_body=banner
    )
    cleaned = clean_html(page)
    assert "Tải ứng dụng" not in cleaned.text
    assert cleaned.text.split("\n\n") == [LEAD, *BODY]


def test_a_sentence_that_mentions_an_app_is_kept():
    sentence = (
        "Người dân có thể tải ứng dụng VNeID để làm thủ tục, theo hướng dẫn của Bộ Công an ban hành ngày 6/3."
    )
    page = rule_page(before_body=f"<p>{sentence}</p>")
    assert sentence in clean_html(page).text


def test_a_page_without_metadata_titles_takes_its_headline():
    page = rule_page(top="<h1>Hai Bộ trưởng Ngoại giao hội đàm tại Hà Nội</h1>")
    assert clean_html(page).title == "Hai Bộ trưởng Ngoại giao hội đàm tại Hà Nội"
