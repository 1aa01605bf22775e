"""The `clean` stage: article bodies kept whole and free of page boilerplate, and their metadata."""

from __future__ import annotations

import json
import lzma
import unicodedata
from itertools import islice
from pathlib import Path

import pytest

from sukien.clean import clean
from sukien.clean.common import normalise_published, outlet_from_url
from sukien.clean.text import author_name, extract_date
from sukien.doc import Doc, RawRecord
from sukien.read import read_file, read_jsonl

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
GOLD = SHARED / "seeds" / "gold.json"
BODY_CASES = sorted(json.loads(GOLD.read_text("utf-8"))["body"].items()) if GOLD.exists() else []


def fold(text: str | None) -> str:
    """The scorer's comparison: lower case, no diacritics, single spaces."""
    text = unicodedata.normalize("NFD", text or "").replace("đ", "d").replace("Đ", "D")
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


def clean_text(text: str) -> Doc:
    return clean(Doc(record=RawRecord(source="dump.txt", kind="text", text=text)))


def clean_item(**fields) -> Doc:
    text = fields.pop("text")
    return clean(Doc(record=RawRecord(source="item", kind="jsonl", text=text, fields=fields)))


def clean_seed(seeds_dir: Path, name: str) -> Doc:
    record = next(read_file(seeds_dir / name))
    return clean(Doc(record=record))


# --- the seeds against gold.json ---------------------------------------------------------------


@pytest.mark.parametrize(("name", "want"), BODY_CASES, ids=[name for name, _ in BODY_CASES])
def test_seed_body_is_whole(seeds_dir: Path, name: str, want: dict) -> None:
    text = fold(clean_seed(seeds_dir, name).text)
    assert fold(want["first"]) in text
    assert fold(want["last"]) in text


@pytest.mark.parametrize(("name", "want"), BODY_CASES, ids=[name for name, _ in BODY_CASES])
def test_seed_body_has_no_boilerplate(seeds_dir: Path, name: str, want: dict) -> None:
    text = fold(clean_seed(seeds_dir, name).text)
    assert [phrase for phrase in want["not"] if fold(phrase) in text] == []


@pytest.mark.parametrize(("name", "want"), BODY_CASES, ids=[name for name, _ in BODY_CASES])
def test_seed_title(seeds_dir: Path, name: str, want: dict) -> None:
    assert fold(clean_seed(seeds_dir, name).title) == fold(want["title"])


@pytest.mark.parametrize(
    ("name", "want"), [(n, w) for n, w in BODY_CASES if w.get("published")], ids=lambda v: str(v)[:8]
)
def test_seed_publication_date(seeds_dir: Path, name: str, want: dict) -> None:
    assert (clean_seed(seeds_dir, name).published or "")[:10] == want["published"]


@pytest.mark.parametrize(
    ("name", "author", "outlet"),
    [
        ("002_0e41423d2c0796fc.txt", "T.P", None),
        ("003_2961b6aa5de9d877.txt", "Hà Thu", None),
        ("004_2d1773ccbd889302.txt", "Hà Phương", "Tạp chí Cộng sản"),
        ("000_364b94460fe8a4ca.txt", None, "VietNamNet"),
    ],
)
def test_seed_byline_and_outlet(seeds_dir: Path, name: str, author: str | None, outlet: str | None) -> None:
    doc = clean_seed(seeds_dir, name)
    assert (doc.author, doc.outlet) == (author, outlet)


def test_outlet_prefix_leaves_the_lead(seeds_dir: Path) -> None:
    doc = clean_seed(seeds_dir, "004_2d1773ccbd889302.txt")
    assert doc.text.startswith("Trong khuôn khổ chuyến công tác")


def test_caption_printed_twice_is_dropped(seeds_dir: Path) -> None:
    doc = clean_seed(seeds_dir, "001_8e993b39ec41d519.txt")
    assert "(Ảnh: Bộ Ngoại giao)" not in doc.text
    assert "Phóng viên: Xin Thứ trưởng cho biết" in doc.text


# --- dumps the tests write ---------------------------------------------------------------------

LEAD = (
    "Chiều 10/10, tại Moskva, Tổng Bí thư Tô Lâm đã hội đàm với Tổng thống Nga Vladimir Putin "
    "trong khuôn khổ chuyến thăm chính thức Liên bang Nga."
)
MIDDLE = (
    "Hai bên nhất trí tăng cường hợp tác trong các lĩnh vực năng lượng, giáo dục và thương mại song phương."
)
LAST = "Tổng thống Putin nhận lời mời thăm Việt Nam vào thời gian thích hợp trong năm tới."
TITLE = "Tổng Bí thư Tô Lâm hội đàm với Tổng thống Nga"


def dump(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


def test_related_block_ends_the_body() -> None:
    doc = clean_text(
        dump(
            TITLE, LEAD, MIDDLE, LAST, "Tin liên quan", "Thủ tướng gặp Tổng thống Indonesia Prabowo Subianto"
        )
    )
    assert doc.text == "\n\n".join([LEAD, MIDDLE, LAST])


@pytest.mark.parametrize(
    "marker",
    ["Tin liên quan", "Xem thêm:", "Có thể bạn quan tâm", "RELATED ARTICLES", "Bình luận (3)", "Tags: APEC"],
)
def test_end_markers(marker: str) -> None:
    doc = clean_text(dump(TITLE, LEAD, LAST, marker, "Thủ tướng gặp Tổng thống Indonesia Prabowo Subianto"))
    assert "Prabowo" not in doc.text
    assert doc.text.endswith(LAST)


@pytest.mark.parametrize(
    "caption",
    [
        "Tổng Bí thư Tô Lâm và Tổng thống Putin. (Ảnh: TTXVN)",
        "Tổng Bí thư Tô Lâm và Tổng thống Putin tại điện Kremlin. Ảnh: Reuters",
        "Ảnh: Thống Nhất/TTXVN",
        "Ảnh minh họa",
    ],
)
def test_captions_are_dropped(caption: str) -> None:
    doc = clean_text(dump(TITLE, LEAD, caption, MIDDLE, LAST))
    assert doc.text == "\n\n".join([LEAD, MIDDLE, LAST])


def test_caption_repeating_the_next_paragraph_is_dropped() -> None:
    doc = clean_text(dump(TITLE, LEAD, "Hai bên nhất trí tăng cường hợp tác", MIDDLE, LAST))
    assert doc.text == "\n\n".join([LEAD, MIDDLE, LAST])


def test_related_teasers_printed_twice_end_the_body() -> None:
    teaser = "Thủ tướng gặp Tổng thống Indonesia Prabowo Subianto"
    other = "Chủ tịch Quốc hội tiếp Đại sứ Nhật Bản"
    doc = clean_text(dump(TITLE, LEAD, LAST, teaser, teaser, MIDDLE, other, other, MIDDLE))
    assert doc.text == "\n\n".join([LEAD, LAST])


def test_dated_related_titles_and_headline_lists_end_the_body() -> None:
    doc = clean_text(
        "\n".join(
            [
                TITLE,
                LEAD,
                LAST,
                "Thanh Hà (tổng hợp)",
                "Thủ tướng gặp Tổng thống Indonesia Prabowo Subianto  (14/09/2024)",
                "- Thực hiện chính sách xã hội trong tình hình mới",
                "- Tư tưởng Hồ Chí Minh về chỉnh huấn cán bộ",
                "- Tổ hợp công nghiệp quốc phòng",
            ]
        )
    )
    assert doc.text == "\n\n".join([LEAD, LAST])
    assert doc.author == "Thanh Hà"


def test_header_menus_date_and_byline() -> None:
    doc = clean_text(
        dump(
            "Trang chủ > Thế giới > Đối ngoại",
            "Thế giới",
            "Thứ năm, 10/10/2024 - 14:30",
            TITLE,
            LEAD,
            LAST,
            "Minh Anh",
        )
    )
    assert doc.title == TITLE
    assert doc.published == "2024-10-10T14:30:00"
    assert doc.author == "Minh Anh"
    assert doc.text == "\n\n".join([LEAD, LAST])


def test_share_row_and_slug_lines_are_dropped() -> None:
    doc = clean_text(dump(TITLE, LEAD, "tong bi thu to lam", MIDDLE, LAST, "fb yt zl tw"))
    assert doc.text == "\n\n".join([LEAD, MIDDLE, LAST])


@pytest.mark.parametrize(
    ("lead", "outlet"),
    [
        ("(Dân trí) - " + LEAD, "Dân trí"),
        ("TTO - " + LEAD, "Tuổi Trẻ"),
        ("Moskva, 10/10 (TTXVN) - " + LEAD, "TTXVN"),
        ("VOV.VN - " + LEAD, "VOV"),
    ],
)
def test_outlet_prefix_of_the_lead(lead: str, outlet: str) -> None:
    doc = clean_text(dump(TITLE, lead, LAST))
    assert doc.outlet == outlet
    assert doc.text.startswith(LEAD)


def test_outlet_suffix_of_the_title() -> None:
    doc = clean_text(dump(TITLE + " | VnExpress", LEAD, LAST))
    assert (doc.title, doc.outlet) == (TITLE, "VnExpress")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Sunday, September 22, 2024", "2024-09-22"),
        ("19/09/2024 15:00", "2024-09-19T15:00:00"),
        ("Thứ hai, 23/9/2024, 08:15 (GMT+7)", "2024-09-23T08:15:00"),
        ("Cập nhật: 14:30 ngày 05/10/2024", "2024-10-05T14:30:00"),
        ("Ngày 22 tháng 9 năm 2024", "2024-09-22"),
        ("2024-09-22 10:00", "2024-09-22T10:00:00"),
        ("22 September 2024", "2024-09-22"),
    ],
)
def test_date_lines(line: str, expected: str) -> None:
    assert extract_date(dump(line, TITLE, LEAD, LAST)) == expected


def test_dates_inside_the_body_are_not_the_publication_date() -> None:
    assert extract_date(dump(TITLE, "Ngày 22/9/2024, " + LEAD, LAST)) is None


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Hà Phương (tổng hợp)", "Hà Phương"),
        ("T.P", "T.P"),
        ("Hà Thu", "Hà Thu"),
        ("Bài và ảnh: Minh Đức", "Minh Đức"),
        ("Như Tâm (Theo Reuters)", "Như Tâm"),
        ("Báo Vietnamnet", None),
        ("Theo TTXVN", None),
        (LAST, None),
    ],
)
def test_author_lines(line: str, expected: str | None) -> None:
    assert author_name(line) == expected


def test_text_is_nfc() -> None:
    doc = clean_text(unicodedata.normalize("NFD", dump(TITLE, LEAD, LAST)))
    assert unicodedata.is_normalized("NFC", doc.text)
    assert doc.title == TITLE


# --- JSON Lines items ----------------------------------------------------------------------------


def corpus_records(name: str, count: int) -> list[RawRecord]:
    path = SHARED / "corpus" / name
    if not path.exists():
        pytest.skip(f"../shared/corpus/{name} is not here")
    with lzma.open(path, "rb") as lines:
        data = b"".join(islice(lines, count))
    return [r for r in read_jsonl(name, data) if isinstance(r, RawRecord)]


def test_corpus_lead_is_joined_in_front_of_the_body() -> None:
    records = [
        r for r in corpus_records("baomoi-2017.jsonl.xz", 200) if r.fields["summary"][:40] not in r.text
    ]
    assert records
    for record in records[:50]:
        doc = clean(Doc(record=record))
        assert doc.text.startswith(record.fields["summary"].strip())
        assert doc.summary == record.fields["summary"].strip()


def test_corpus_lead_already_in_the_text_is_not_repeated() -> None:
    for record in corpus_records("baochinhphu-2024-2025.jsonl.xz", 50):
        if not record.fields["summary"]:
            continue  # a headline-only item: its title is all its text
        doc = clean(Doc(record=record))
        assert doc.text.count(record.fields["summary"].strip()[:60]) == 1
        assert doc.published == normalise_published(record.fields["published"])
        assert doc.outlet == "Báo Điện tử Chính phủ"


@pytest.mark.parametrize(
    ("tail", "kept", "author", "outlet"),
    [
        (" Theo VnExpress", "", None, "VnExpress"),
        (" (Theo Reuters)", "", None, None),
        (" Kim Thanh (T/h)", "", "Kim Thanh", None),
        ("\n\nMộc Miên (Tổng hợp)\n\nNữ sinh Lê Diệu Linh. (Ảnh: VOV)", "", "Mộc Miên", None),
        ("\n(ảnh: VOV).", "", None, None),
        (" Theo ông Hùng, giá sẽ còn tăng", " Theo ông Hùng, giá sẽ còn tăng", None, None),
    ],
)
def test_corpus_trailing_credits(tail: str, kept: str, author: str | None, outlet: str | None) -> None:
    doc = clean_item(text=LEAD + tail, summary=None, title=TITLE, url=None, published=None, outlet=None)
    assert doc.text == LEAD + kept
    assert (doc.author, doc.outlet) == (author, outlet)


def test_corpus_text_keeps_its_spelling() -> None:
    doc = clean_item(text="Ông Nguyễn Văn Hoà đến Uỷ ban.\n\nHai bên thoả thuận.", summary=None, title=None)
    assert doc.text == "Ông Nguyễn Văn Hoà đến Uỷ ban.\n\nHai bên thoả thuận."


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2024-01-20T18:23:00+07:00", "2024-01-20T18:23:00+07:00"),
        ("2024-01-20", "2024-01-20"),
        ("20/01/2024 18:23", "2024-01-20T18:23:00"),
        ("", None),
        ("không rõ", None),
    ],
)
def test_published_is_iso(given: str, expected: str | None) -> None:
    assert normalise_published(given) == expected


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://vnexpress.net/a-123.html", "VnExpress"),
        ("https://tuoitre.vn/x.htm", "Tuổi Trẻ"),
        ("http://x.org/", None),
    ],
)
def test_outlet_from_url(url: str, outlet: str | None) -> None:
    assert outlet_from_url(url) == outlet


def test_every_corpus_record_cleans_to_a_normalised_body() -> None:
    """3,000 real items in a row: none raises, none is emptied, all come out NFC.

    (How fast cleaning runs is measured in bench/ingest.py, not asserted here.)"""
    for record in corpus_records("vietnews.jsonl.xz", 3000):
        doc = clean(Doc(record=record))
        assert doc.text.strip(), record.source
        assert unicodedata.is_normalized("NFC", doc.text), record.source
