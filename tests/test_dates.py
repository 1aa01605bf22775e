"""The date grammar (`sukien.dates`): a table of forms, the negatives, years, and real articles."""

from __future__ import annotations

import json
import lzma
from datetime import date
from pathlib import Path
from typing import NamedTuple

import pytest

from sukien.understand.dates import find_dates, resolve

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"

D = date


class Case(NamedTuple):
    text: str
    published: date | None
    span: str  # the mention's text
    first: date | None
    last: date | None
    precision: str = "day"
    year_stated: bool = False
    part_of_day: str | None = None
    reference_time: bool = False


P24 = D(2024, 9, 25)  # a Wednesday
CASES = [
    # Single days.
    Case(
        "Theo đó, ngày 22-9-2024, đoàn tới New York.",
        None,
        "ngày 22-9-2024",
        D(2024, 9, 22),
        D(2024, 9, 22),
        year_stated=True,
    ),
    Case(
        "Cập nhật 22/9/2024 lúc 10:00.", None, "22/9/2024", D(2024, 9, 22), D(2024, 9, 22), year_stated=True
    ),
    Case("Hà Thu 19/09/2024 15:00", None, "19/09/2024", D(2024, 9, 19), D(2024, 9, 19), year_stated=True),
    Case(
        "Ngày 21.9.2024, Tổng Bí thư lên đường.",
        None,
        "Ngày 21.9.2024",
        D(2024, 9, 21),
        D(2024, 9, 21),
        year_stated=True,
    ),
    Case(
        "Sáng 21.9.2024, Tổng Bí thư lên đường.",
        None,
        "Sáng 21.9.2024",
        D(2024, 9, 21),
        D(2024, 9, 21),
        year_stated=True,
        part_of_day="sáng",
    ),
    Case(
        "Trước đó, tối 8/11, hai bên hội đàm.",
        P24,
        "tối 8/11",
        D(2024, 11, 8),
        D(2024, 11, 8),
        part_of_day="tối",
    ),
    Case(
        "Chiều 8/1, Thủ tướng chủ trì hội nghị.",
        D(2025, 1, 8),
        "Chiều 8/1",
        D(2025, 1, 8),
        D(2025, 1, 8),
        part_of_day="chiều",
    ),
    Case(
        "Đến rạng sáng 16/11, tổ công tác có mặt.",
        P24,
        "rạng sáng 16/11",
        D(2024, 11, 16),
        D(2024, 11, 16),
        part_of_day="rạng sáng",
    ),
    Case(
        "Trao đổi với phóng viên chiều tối 12/10, ông nói.",
        P24,
        "chiều tối 12/10",
        D(2024, 10, 12),
        D(2024, 10, 12),
        part_of_day="chiều tối",
    ),
    Case(
        "Hội nghị khai mạc ngày 20/01 tại Davos.",
        D(2025, 1, 10),
        "ngày 20/01",
        D(2025, 1, 20),
        D(2025, 1, 20),
    ),
    Case(
        "Lúc 14:30 ngày 5 tháng 10 năm 2024, lễ đón bắt đầu.",
        None,
        "14:30 ngày 5 tháng 10 năm 2024",
        D(2024, 10, 5),
        D(2024, 10, 5),
        year_stated=True,
    ),
    Case("Ông sẽ tới Paris ngày 5 tháng 10.", P24, "ngày 5 tháng 10", D(2024, 10, 5), D(2024, 10, 5)),
    Case(
        "Vào khoảng 21h15 ngày 28/07, anh A về nhà.", P24, "21h15 ngày 28/07", D(2024, 7, 28), D(2024, 7, 28)
    ),
    Case(
        "Hôm nay (12/10), hội nghị bế mạc.",
        D(2024, 10, 12),
        "Hôm nay (12/10)",
        D(2024, 10, 12),
        D(2024, 10, 12),
    ),
    Case(
        "Sáng nay 27/1, lễ kỷ niệm diễn ra.",
        D(2026, 1, 27),
        "Sáng nay 27/1",
        D(2026, 1, 27),
        D(2026, 1, 27),
        part_of_day="sáng",
    ),
    Case("Ngày 29/2, Quốc hội họp.", D(2024, 3, 5), "Ngày 29/2", D(2024, 2, 29), D(2024, 2, 29)),
    Case("Thủ tướng đã tới Tokyo (22/9).", P24, "22/9", D(2024, 9, 22), D(2024, 9, 22)),
    Case(
        "Tối 29-8, nguồn tin cho biết.",
        D(2018, 8, 30),
        "Tối 29-8",
        D(2018, 8, 29),
        D(2018, 8, 29),
        part_of_day="tối",
    ),
    Case(
        "Sáng 20/1 (giờ địa phương), tại Budapest, Thủ tướng tiếp.",
        D(2024, 1, 20),
        "Sáng 20/1",
        D(2024, 1, 20),
        D(2024, 1, 20),
        part_of_day="sáng",
    ),
    Case(
        "Sáng thứ Hai (23/9), ông đến.",
        P24,
        "Sáng thứ Hai (23/9)",
        D(2024, 9, 23),
        D(2024, 9, 23),
        part_of_day="sáng",
    ),
    Case("Nghỉ lễ Quốc khánh 2/9 kéo dài bốn ngày.", P24, "2/9", D(2024, 9, 2), D(2024, 9, 2)),
    Case("Lịch trình:\n8/11: Khai mạc hội nghị.", P24, "8/11", D(2024, 11, 8), D(2024, 11, 8)),
    # Ranges.
    Case(
        "Ông sẽ dự Tuần lễ cấp cao APEC từ 14-17/11.",
        D(2023, 11, 13),
        "14-17/11",
        D(2023, 11, 14),
        D(2023, 11, 17),
    ),
    Case(
        "Theo đó, từ ngày 22 đến 26/9/2024 Tổng Bí thư thăm.",
        None,
        "ngày 22 đến 26/9/2024",
        D(2024, 9, 22),
        D(2024, 9, 26),
        year_stated=True,
    ),
    Case(
        "Tuần lễ thời trang diễn ra từ ngày 24 - 29/11.",
        P24,
        "ngày 24 - 29/11",
        D(2024, 11, 24),
        D(2024, 11, 29),
    ),
    Case(
        "Chuyến thăm từ ngày 12-14/10 theo lời mời.", P24, "ngày 12-14/10", D(2024, 10, 12), D(2024, 10, 14)
    ),
    Case("APEC họp tại Gyeongju 29/10-1/11.", P24, "29/10-1/11", D(2024, 10, 29), D(2024, 11, 1)),
    Case(
        "Chủ tịch nước thăm Hàn Quốc từ 29/10 đến 1/11/2025.",
        None,
        "29/10 đến 1/11/2025",
        D(2025, 10, 29),
        D(2025, 11, 1),
        year_stated=True,
    ),
    Case(
        "Diễn ra từ ngày 30/9 đến ngày 7/10/2024 tại Hà Nội.",
        None,
        "ngày 30/9 đến ngày 7/10/2024",
        D(2024, 9, 30),
        D(2024, 10, 7),
        year_stated=True,
    ),
    Case(
        "Hội nghị từ ngày 14 đến ngày 15/1/2025.",
        None,
        "ngày 14 đến ngày 15/1/2025",
        D(2025, 1, 14),
        D(2025, 1, 15),
        year_stated=True,
    ),
    Case("Hội nghị diễn ra trong hai ngày 8-9/11.", P24, "ngày 8-9/11", D(2024, 11, 8), D(2024, 11, 9)),
    Case(
        "Phiên họp vào ngày 10 và 11/11 tới.", P24, "ngày 10 và 11/11 tới", D(2024, 11, 10), D(2024, 11, 11)
    ),
    Case(
        "Nghỉ Tết từ 31/12/2024 đến 2/1/2025.",
        None,
        "31/12/2024 đến 2/1/2025",
        D(2024, 12, 31),
        D(2025, 1, 2),
        year_stated=True,
    ),
    Case("Lễ hội kéo dài 30/12-2/1.", D(2025, 1, 3), "30/12-2/1", D(2024, 12, 30), D(2025, 1, 2)),
    Case(
        "Diễn ra vào các ngày 15, 16/4/2019.",
        None,
        "ngày 15, 16/4/2019",
        D(2019, 4, 15),
        D(2019, 4, 16),
        year_stated=True,
    ),
    Case(
        "Vào ngày 17-18-19/11/2017 tới đây, tại thôn.",
        None,
        "ngày 17-18-19/11/2017",
        D(2017, 11, 17),
        D(2017, 11, 19),
        year_stated=True,
    ),
    Case(
        "Kế hoạch áp dụng tháng 9-10/2024.",
        None,
        "tháng 9-10/2024",
        D(2024, 9, 1),
        D(2024, 10, 31),
        "month",
        True,
    ),
    # Time zones.
    Case(
        "ngày 22-9-2024, giờ địa phương (ngày 23-9-2024, giờ Việt Nam), ông gặp",
        None,
        "ngày 22-9-2024",
        D(2024, 9, 22),
        D(2024, 9, 22),
        year_stated=True,
    ),
    Case(
        "ngày 22-9-2024, giờ địa phương (ngày 23-9-2024, giờ Việt Nam), ông gặp",
        None,
        "ngày 23-9-2024",
        D(2024, 9, 23),
        D(2024, 9, 23),
        year_stated=True,
        reference_time=True,
    ),
    Case(
        "Tối 30/7 giờ địa phương (tức 0 giờ 10 phút ngày 31/7 giờ Hà Nội), ông tới.",
        D(2024, 7, 31),
        "0 giờ 10 phút ngày 31/7",
        D(2024, 7, 31),
        D(2024, 7, 31),
        reference_time=True,
    ),
    # Months and years.
    Case(
        "Dự án khởi công tháng 11/2017.",
        None,
        "tháng 11/2017",
        D(2017, 11, 1),
        D(2017, 11, 30),
        "month",
        True,
    ),
    Case(
        "Dự án khởi công tháng 11 năm 2017.",
        None,
        "tháng 11 năm 2017",
        D(2017, 11, 1),
        D(2017, 11, 30),
        "month",
        True,
    ),
    Case(
        "Dự án khởi công tháng 11-2015.",
        None,
        "tháng 11-2015",
        D(2015, 11, 1),
        D(2015, 11, 30),
        "month",
        True,
    ),
    Case(
        "Ông sẽ thăm Pháp vào tháng 11 tới.",
        D(2024, 3, 1),
        "tháng 11 tới",
        D(2024, 11, 1),
        D(2024, 11, 30),
        "month",
    ),
    Case(
        "Ông sẽ thăm Pháp vào tháng 2 tới.",
        D(2024, 11, 1),
        "tháng 2 tới",
        D(2025, 2, 1),
        D(2025, 2, 28),
        "month",
    ),
    Case("Hội nghị dự kiến cuối tháng 5.", D(2024, 4, 2), "tháng 5", D(2024, 5, 1), D(2024, 5, 31), "month"),
    Case("Hội nghị dự kiến đầu tháng 6.", D(2024, 4, 2), "tháng 6", D(2024, 6, 1), D(2024, 6, 30), "month"),
    Case(
        "Ông Bannon rời Nhà Trắng từ tháng 8 năm ngoái.",
        D(2017, 5, 2),
        "tháng 8 năm ngoái",
        D(2016, 8, 1),
        D(2016, 8, 31),
        "month",
    ),
    Case(
        "Đây là hoạt động đối ngoại quan trọng năm 2023.",
        None,
        "năm 2023",
        D(2023, 1, 1),
        D(2023, 12, 31),
        "year",
        True,
    ),
    Case(
        "Thời điểm năm 2001 - 2004, địa bàn chưa có quy hoạch.",
        None,
        "năm 2001 - 2004",
        D(2001, 1, 1),
        D(2004, 12, 31),
        "year",
        True,
    ),
    # Relative to the article's date.
    Case("Tuần này, Chủ tịch nước sẽ dự APEC.", P24, "Tuần này", D(2024, 9, 23), D(2024, 9, 29)),
    Case("Tuần tới, Thủ tướng thăm Lào.", P24, "Tuần tới", D(2024, 9, 30), D(2024, 10, 6)),
    Case("Hôm nay, hai bên ký thỏa thuận.", P24, "Hôm nay", P24, P24),
    Case("Hôm qua, hai bên ký thỏa thuận.", P24, "Hôm qua", D(2024, 9, 24), D(2024, 9, 24)),
    Case("Ngày mai, đoàn lên đường.", P24, "Ngày mai", D(2024, 9, 26), D(2024, 9, 26)),
    Case("Tối qua, đội tuyển về nước.", P24, "Tối qua", D(2024, 9, 24), D(2024, 9, 24), part_of_day="tối"),
    Case("Sáng nay, Quốc hội khai mạc.", P24, "Sáng nay", P24, P24, part_of_day="sáng"),
    Case("Chiều nay, Quốc hội bế mạc.", P24, "Chiều nay", P24, P24, part_of_day="chiều"),
    Case("Kinh tế năm nay tăng trưởng tốt.", P24, "năm nay", D(2024, 1, 1), D(2024, 12, 31), "year"),
    # Years from the article's date and from the text.
    Case("Ngày 28/12, hai bên ký thỏa thuận.", D(2025, 1, 3), "Ngày 28/12", D(2024, 12, 28), D(2024, 12, 28)),
    Case("Ngày 5/1, đoàn sẽ lên đường.", D(2024, 12, 20), "Ngày 5/1", D(2025, 1, 5), D(2025, 1, 5)),
    Case(
        "Hội nghị ngày 12/9 vừa qua đã thành công.",
        D(2024, 9, 5),
        "ngày 12/9 vừa qua",
        D(2023, 9, 12),
        D(2023, 9, 12),
    ),
    Case(
        "Ông nhậm chức ngày 5/3 năm ngoái.", D(2017, 6, 1), "ngày 5/3 năm ngoái", D(2016, 3, 5), D(2016, 3, 5)
    ),
    Case(
        "Ngày 5/3/2017, ông A bị bắt. Sáng 8/3, cơ quan điều tra khám xét.",
        None,
        "Sáng 8/3",
        D(2017, 3, 8),
        D(2017, 3, 8),
        part_of_day="sáng",
    ),
    Case(
        "Sáng 8/3, cơ quan điều tra khám xét. Ngày 9/3/2017, ông A bị bắt.",
        None,
        "Sáng 8/3",
        D(2017, 3, 8),
        D(2017, 3, 8),
        part_of_day="sáng",
    ),
    Case("Chiều 8/1, Thủ tướng chủ trì hội nghị.", None, "Chiều 8/1", None, None, part_of_day="chiều"),
]


@pytest.mark.parametrize("case", CASES, ids=[f"{i:02d}-{c.span}" for i, c in enumerate(CASES)])
def test_grammar(case: Case) -> None:
    mentions = {m.text: m for m in find_dates(case.text, case.published)}
    assert case.span in mentions, f"found {list(mentions)}"
    m = mentions[case.span]
    assert (m.first, m.last, m.precision) == (case.first, case.last, case.precision)
    assert (m.year_stated, m.part_of_day, m.reference_time) == (
        case.year_stated,
        case.part_of_day,
        case.reference_time,
    )
    assert case.text[m.start : m.end] == m.text


NOT_DATES = [
    "Kim ngạch thương mại 8 tháng đầu năm 2024 đạt gần 88 tỉ USD.",
    "Hội nghị đánh dấu 30 năm kể từ lần đầu tổ chức.",
    "Hợp tác APEC trong 30 năm qua.",
    "Đại hội XIV của Đảng sẽ diễn ra.",
    "Khóa họp 79 Đại hội đồng Liên hợp quốc.",
    "Hội nghị lần thứ 30 các bên.",
    "Liên hệ chị Hương: 0969.576.288 hoặc 0912-345-678.",
    "Đội nhà thắng 2-1 trên sân khách.",
    "Đại dịch COVID-19 lan rộng.",
    "Bản cập nhật 2.10 và 3.5 đã phát hành.",
    "Theo Nghị định 15/2020/NĐ-CP của Chính phủ.",
    "Thực hiện Nghị quyết số 36-NQ/TW của Bộ Chính trị.",
    "Tăng trưởng 6-8% mỗi năm.",
    "Giá 1.500.000 đồng, khoảng 88 tỉ USD, 3,5 tr.đồng.",
    "Cuộc họp bắt đầu lúc 15:00.",
    "Ngày 31/2 không có trong lịch.",
    "Ngày 32/1 là lỗi đánh máy.",
    "Ngày 5/13 là lỗi đánh máy.",
    "Khoảng 1/3 dân số được phục vụ 24/7.",
    "Mức án từ 18-20 năm tù, từ 3-4 giờ đồng hồ.",
    "Tiền Giang từ những năm 2000 đã phát triển.",
    "Mỗi tháng 2 lần kiểm tra.",
    "Đội hình xuất phát (3-5-2): Trung, Phạm.",
]


@pytest.mark.parametrize("text", NOT_DATES)
def test_not_a_date(text: str) -> None:
    assert find_dates(text, P24) == []


def test_lunar_date_is_not_a_date() -> None:
    found = [m.text for m in find_dates("Người dân đi lễ đêm 7/2 (11/1 âm lịch) rất đông.", P24)]
    assert found == ["đêm 7/2"]


def test_yearless_range_of_eleven_months_is_not_a_range() -> None:
    mentions = find_dates("Thủ tục rút ngắn từ 1/3 - 1/2 thời gian.", P24)
    assert all(m.first == m.last for m in mentions)


def test_feb_29_of_a_common_year_is_not_a_date() -> None:
    assert find_dates("Ngày 29/2, Quốc hội họp.", D(2025, 3, 5)) == []
    assert find_dates("Ngày 29/2/2023 không có.", None) == []


def test_relative_words_need_the_article_date() -> None:
    assert find_dates("Hôm qua, hai bên ký thỏa thuận. Tuần tới, đoàn lên đường.", None) == []


def test_count_before_makes_a_duration() -> None:
    assert find_dates("Trong 5 năm tới và hai tuần tới sẽ khó khăn.", P24) == []


def test_anniversary_is_two_dates_not_a_range() -> None:
    text = "Kỷ niệm Quốc khánh (9/11/1953 - 9/11/2024), ngày 8/11, Ban Đối ngoại tổ chức lễ."
    found = [(m.text, m.first) for m in find_dates(text, None)]
    assert found == [
        ("9/11/1953", D(1953, 11, 9)),
        ("9/11/2024", D(2024, 11, 9)),
        ("ngày 8/11", D(2024, 11, 8)),
    ]


def test_year_falls_back_to_nearest_preceding_full_date() -> None:
    text = "Ngày 2/3/2016, ông A bị bắt. Ngày 5/6/2017, tòa xét xử. Chiều 9/6, tòa tuyên án."
    last = find_dates(text, None)[-1]
    assert (last.text, last.first, last.year_stated) == ("Chiều 9/6", D(2017, 6, 9), False)


def test_old_full_date_does_not_set_the_year_of_a_dated_article() -> None:
    text = "Hai nước lập quan hệ ngày 2/12/1960. Ngày 25/9, hai bên hội đàm."
    last = find_dates(text, D(2024, 9, 26))[-1]
    assert last.first == D(2024, 9, 25)


def test_full_date_in_the_story_sets_the_year_of_the_days_after_it() -> None:
    text = "Ngày 5/6/2023, đoàn tới Paris. Ngày 7/6, hai bên ký thỏa thuận."
    last = find_dates(text, D(2024, 3, 26))[-1]
    assert (last.text, last.first) == ("Ngày 7/6", D(2023, 6, 7))


def test_month_before_does_not_move_a_day_away_from_the_article_date() -> None:
    text = "Quan hệ được nâng cấp tháng 9/2023. Ngày 25/3, tại Washington, hội thảo diễn ra."
    last = find_dates(text, D(2024, 3, 26))[-1]
    assert last.first == D(2024, 3, 25)


def test_target_year_does_not_set_the_year() -> None:
    text = "Tầm nhìn đến năm 2040 được thông qua. Chiều 8/1, Bộ Ngoại giao họp báo."
    last = find_dates(text, None)[-1]
    assert (last.text, last.first) == ("Chiều 8/1", None)


def test_unresolved_mention_resolves_once_the_year_is_known() -> None:
    (mention,) = find_dates("Lễ hội kéo dài 30/12-2/1.", None)
    assert mention.first is None and mention.month_days == ((12, 30), (1, 2))
    dated = resolve(mention, 2024)
    assert (dated.first, dated.last) == (D(2024, 12, 30), D(2025, 1, 2))


def test_resolve_leaves_an_impossible_date_alone() -> None:
    (mention,) = find_dates("Ngày 29/2, Quốc hội họp.", None)
    assert resolve(mention, 2025).first is None
    assert resolve(mention, 2024).first == D(2024, 2, 29)


def test_mentions_are_in_text_order_without_overlaps() -> None:
    text = "Sáng 21.9.2024, ông lên đường; từ ngày 22 đến 26/9/2024 ông thăm Mỹ, ngày 25/9 phát biểu."
    mentions = find_dates(text, None)
    assert [m.text for m in mentions] == ["Sáng 21.9.2024", "ngày 22 đến 26/9/2024", "ngày 25/9"]
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))


# --- Real articles ------------------------------------------------------------------------------


def _seed(prefix: str) -> str:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is absent")
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def _by_text(text: str, published: date | None = None) -> dict:
    return {m.text: m for m in find_dates(text, published)}


def test_seed_000_range_takes_the_year_of_the_text() -> None:
    m = _by_text(_seed("000"))["14-17/11"]
    assert (m.first, m.last, m.year_stated) == (D(2023, 11, 14), D(2023, 11, 17), False)


def test_seed_000_duration_is_not_a_date() -> None:
    texts = [m.text for m in find_dates(_seed("000"), None)]
    assert not any("30 năm" in t for t in texts)


def test_seed_001_range_with_year_at_the_end() -> None:
    m = _by_text(_seed("001"))["ngày 29/10 đến 1/11/2025"]
    assert (m.first, m.last) == (D(2025, 10, 29), D(2025, 11, 1))


def test_seed_002_part_of_day_and_no_duration() -> None:
    text = _seed("002")
    mentions = _by_text(text)
    assert mentions["Sáng 21.9.2024"].part_of_day == "sáng"
    assert not any("2024" in t and "tháng" in t for t in mentions)  # "8 tháng đầu năm 2024"


def test_seed_003_range_and_past_day_from_the_dateline() -> None:
    mentions = _by_text(_seed("003"))
    assert (mentions["ngày 22 đến 26/9/2024"].first, mentions["ngày 22 đến 26/9/2024"].last) == (
        D(2024, 9, 22),
        D(2024, 9, 26),
    )
    assert mentions["ngày 12/9 vừa qua"].first == D(2024, 9, 12)


def test_seed_004_local_time_and_vietnam_time() -> None:
    mentions = find_dates(_seed("004"), None)
    local, vietnam = mentions[0], mentions[1]
    assert (local.text, local.first, local.reference_time) == ("ngày 22-9-2024", D(2024, 9, 22), False)
    assert (vietnam.text, vietnam.first, vietnam.reference_time) == ("ngày 23-9-2024", D(2024, 9, 23), True)


def _corpus(name: str, limit: int) -> list[dict]:
    path = CORPUS / name
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    items = []
    with lzma.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            items.append(json.loads(line))
            if len(items) >= limit:
                break
    return items


def test_corpus_offsets_order_and_ranges_hold() -> None:
    for item in _corpus("vietnews.jsonl.xz", 400):
        text = item["text"] or ""
        mentions = find_dates(text, None)
        assert all(text[m.start : m.end] == m.text for m in mentions)
        assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:], strict=False))
        assert all(m.first <= m.last for m in mentions if m.first)


def test_corpus_dates_without_a_year_fall_near_the_article_date() -> None:
    checked = 0
    for item in _corpus("baochinhphu-2024-2025.jsonl.xz", 600):
        if not item["published"] or not item["text"]:
            continue
        published = date.fromisoformat(item["published"][:10])
        for m in find_dates(item["text"], published):
            if m.precision == "day" and not m.year_stated:
                checked += 1
                assert abs((m.first - published).days) <= 366, (m.text, item["id"])
    assert checked > 100
