"""The year of an undated article (`sukien.years`): what dates the story, what is background."""

from __future__ import annotations

import pytest

from sukien.doc import RawRecord
from sukien.pipeline import process
from sukien.understand.years import story_year


def undated(text: str):
    return process(RawRecord(source="t.txt", kind="text", text=text), until="understand")


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # A full date dates the story.
        ("Sáng 4/6/2017, Thủ tướng lên đường thăm Nhật Bản. Hai nước lập quan hệ năm 1973.", 2017),
        # Figures "to date" name the present year.
        ("Thủ tướng sẽ thăm Australia từ ngày 14-3. Kim ngạch quý I năm 2018 tăng mạnh.", 2018),
        ("Tổng thống sẽ thăm Việt Nam ngày 8/11. Trong 8 tháng năm 2017, thương mại tăng 20%.", 2017),
        # The meeting the story tells of, by its year or its number (G20 14th: 2019).
        ("Thủ tướng dự Hội nghị thượng đỉnh G20 lần thứ 14 tại Osaka ngày 28/6.", 2019),
        ("Ông dự Diễn đàn Kinh tế Thế giới về ASEAN (WEF ASEAN) 2018, diễn ra ngày 11-13/9.", 2018),
        # The next edition handed over, and a chair year to come, are ahead of the story.
        (
            "Ngày 11/5, Thủ tướng dự phiên bế mạc Hội nghị WEF ASEAN năm 2016 tại Hà Nội và Lễ bàn giao "
            "vai trò nước chủ nhà Hội nghị WEF ASEAN năm 2017 cho Campuchia.",
            2016,
        ),
        (
            "Ngày 3/8, hai Bộ trưởng gặp nhau bên lề Hội nghị Bộ trưởng Ngoại giao ASEAN lần thứ 51. Hai "
            "nước sẽ phối hợp chặt chẽ trong Năm Chủ tịch ASEAN 2020 của Việt Nam.",
            2018,
        ),
        # ... but a meeting to come dates an announcement that names nothing else.
        ("Thủ tướng sẽ dự Hội nghị Cấp cao G20 năm 2019 tại Osaka ngày 28/6.", 2019),
        # A year alone in the lead dates the story ...
        ("Chuyến công tác là hoạt động đối ngoại quan trọng năm 2023. Chủ tịch nước đi từ 14-17/11.", 2023),
    ],
)
def test_story_year(text: str, year: int) -> None:
    assert story_year(undated(text)) == year


@pytest.mark.parametrize(
    "text",
    [
        # ... but not further down, where it is background.
        "Tổng thống sẽ thăm Việt Nam ngày 6-8/6. Hai bên hợp tác tốt. Quan hệ tốt đẹp. "
        "Các bên đều hài lòng về kết quả. Cả hai nước đã ký Hiệp định năm 1990 về thương mại và đầu tư.",
        # Targets are plans, not dates of the story.
        "Thủ tướng thăm Ấn Độ ngày 3/7. Hai bên phấn đấu đạt 15 tỷ USD vào năm 2020.",
        # A date in brackets tells when a past meeting was held, not when the story is.
        "Chủ tịch Lào thăm Việt Nam từ ngày 2-3. Tại Hội nghị Trung ương 5 (12/10/2016), hai bên hội đàm.",
    ],
)
def test_background_and_targets_do_not_date_the_story(text: str) -> None:
    assert story_year(undated(text)) is None


def test_a_meeting_before_a_later_stated_year_is_background() -> None:
    doc = undated("Ông Trump tới Hà Nội ngày 26-2. Năm 2018 hai bên gặp nhau; năm ngoái ông dự APEC 2017.")
    assert story_year(doc) != 2017


def test_dates_without_a_year_take_the_story_year() -> None:
    doc = undated("Sáng 4/6, Thủ tướng lên đường thăm Nhật Bản. Trong 5 tháng đầu năm 2017, thương mại tăng.")
    assert [d.iso() for d in doc.dates if d.text.startswith("Sáng")] == ["2017-06-04"]


def test_an_article_that_never_states_its_year_leaves_dates_without_one() -> None:
    doc = undated(
        "Chiều 2-11, tại Hà Nội, Bộ trưởng Ngoại giao Trung Quốc Vương Nghị hội đàm với Phạm Bình Minh."
    )
    assert [(d.first, d.month_days) for d in doc.dates] == [(None, ((11, 2), (11, 2)))]


@pytest.mark.parametrize(
    "text",
    [
        "Tổng thống Milos Zeman sẽ thăm Việt Nam từ ngày 6-8/6. Ông sinh ngày 28/9/1944 tại Zlín.",
        "Thủ tướng Dmitry Medvedev thăm Việt Nam ngày 18/11. Hiệp định có hiệu lực vào tháng 10/2016.",
    ],
)
def test_full_dates_of_background_do_not_date_the_story(text: str) -> None:
    assert story_year(undated(text)) is None
