"""A journey's last stop left for home, its legs told by how many countries it went to, a country
named by the article's own acronym or "nước này", a foreign office named alone, one person under two
spellings, an anniversary that dates an undated story, and occasions named twice in one sentence:
the twenty-fourth session's rules for issue 9, on sentences written for these tests (never copied
from a reference set)."""

from __future__ import annotations

import pytest

from builders import article, journeys, met_pairs, of_type, visits


def occasions(doc: object) -> set[tuple[str, str | None]]:
    return {(e.actor.name, e.occasion.series if e.occasion else None) for e in of_type(doc, "attend")}


def test_the_place_left_for_home_is_the_last_stop_on_that_day() -> None:
    doc = article(
        "Tối 12/6 (giờ địa phương), Thủ tướng Phạm Minh Chính và đoàn đại biểu rời Ai Cập lên đường về "
        "nước, kết thúc chuyến công tác ba nước châu Phi.",
        "2025-06-12",
    )
    assert [(e.location.country, e.start, e.end) for e in of_type(doc, "visit")] == [
        ("EG", None, "2025-06-12")
    ]


def test_ong_after_a_sentence_naming_one_person_continues_him() -> None:
    doc = article(
        "Cairo là điểm dừng chân thứ hai trong chuyến đi của Ngoại trưởng Nga Sergei Lavrov. Trước đó, ông "
        "đã tới Jordan.",
        None,
    )
    assert ("Sergei Lavrov", "JO") in visits(doc)


def test_the_host_countrys_title_is_a_description_not_a_body() -> None:
    doc = article(
        "Thủ tướng Australia Malcolm Turnbull đang ở Ấn Độ. Ngoại trưởng Nhật Bản Taro Kono đang thăm Ấn Độ "
        "đã hội kiến Thủ tướng nước chủ nhà Narendra Modi.",
        "2018-03-29",
    )
    assert met_pairs(doc) == {("Taro Kono", "Narendra Modi")}


def test_going_on_after_khi_ong_with_its_purpose_is_firm() -> None:
    doc = article(
        "Reuters dẫn lời Thủ tướng Australia Malcolm Turnbull hôm nay, khi ông tới Manila, Philippines, để "
        "dự hội nghị của khu vực.",
        None,
    )
    assert [(e.location.country, e.firm) for e in of_type(doc, "visit")] == [("PH", True)]


def test_a_press_conference_placed_in_the_hosts_country_sends_the_guest_there() -> None:
    doc = article(
        "Thủ tướng Italy Paolo Gentiloni ngày 13/6 khẳng định lập trường về di cư. Phát biểu tại một "
        "cuộc họp báo chung với người đồng cấp Hà Lan Mark Rutte tại thủ đô Rome, ông Gentiloni nói rằng "
        "hai nước nhất trí.",
        None,
    )
    assert journeys(doc) == {("Mark Rutte", "IT", "Rome")}


def test_a_familiar_given_name_with_the_same_surname_and_role_is_the_same_person() -> None:
    doc = article(
        "Ông Michael Kirby, đặc phái viên của Mỹ về nhân quyền, được cử đi Bình Nhưỡng. Đặc phái viên Mike "
        "Kirby đã tới Bình Nhưỡng từ ngày 12/6.",
        None,
    )
    assert {e.actor.name for e in of_type(doc, "visit")} == {"Michael Kirby"}


def test_a_name_with_its_patronymic_added_is_the_same_person() -> None:
    doc = article(
        "Bộ trưởng Quốc phòng Nga Sergei Shoigu đã tới Lào. Tại Vientiane, Bộ trưởng Sergei Kuzhugetovich "
        "Shoigu hội đàm với Bộ trưởng Quốc phòng Lào Chansamone Chanyalath.",
        None,
    )
    assert {e.actor.name for e in doc.events} == {"Sergei Shoigu"}


@pytest.mark.parametrize(
    ("span", "start"),
    [("(ngày 7/1/1972-7/1/2017)", "2017-07-04"), ("(ngày 7/1/1975-7/1/2017)", None)],
    ids=["span-as-long-as-the-anniversary", "span-of-another-length"],
)
def test_an_anniversary_told_with_its_span_dates_an_undated_story(span: str, start: str | None) -> None:
    doc = article(
        "Chiều 4/7, Phó Thủ tướng Phạm Bình Minh đã hội đàm với Ngoại trưởng Ấn Độ Sushma Swaraj tại New "
        f"Delhi, đúng dịp hai nước kỷ niệm 45 năm quan hệ ngoại giao {span}.",
        None,
    )
    assert [e.start for e in of_type(doc, "meet")] == [start]


def test_a_bare_meeting_word_after_the_meetings_full_name_in_one_sentence_is_that_meeting() -> None:
    doc = article(
        "Ngày 5/9, trong khuôn khổ Hội nghị Thượng đỉnh G20 tại Hàng Châu, Trung Quốc, Thủ tướng Nguyễn "
        "Xuân Phúc đã tiếp xúc với lãnh đạo các nước tham dự Hội nghị.",
        "2016-09-05",
    )
    assert occasions(doc) == {("Nguyễn Xuân Phúc", "G20")}


def test_an_attendance_joined_to_a_visits_places_is_its_travellers() -> None:
    doc = article(
        "Trước thềm chuyến thăm chính thức Cộng hòa Argentina, Cộng hòa Chile và tham dự Hội nghị thượng "
        "đỉnh G20 2018 của Thủ tướng Nguyễn Xuân Phúc, Thứ trưởng Ngoại giao Lê Hoài Trung đã trả lời phỏng "
        "vấn.",
        "2018-11-25",
    )
    assert occasions(doc) == {("Nguyễn Xuân Phúc", "G20")}


@pytest.mark.parametrize(
    ("meeting", "series"),
    [
        ("Hội nghị thượng đỉnh G-7", "G7"),
        ("Hội nghị cấp cao Hiệp hội các nước Đông Nam Á", "ASEAN"),
    ],
)
def test_a_recurring_meeting_under_another_spelling_is_its_series(meeting: str, series: str) -> None:
    doc = article(f"Thủ tướng Canada Justin Trudeau đã tới Singapore dự {meeting}.", "2018-11-14")
    assert occasions(doc) == {("Justin Trudeau", series)}


def test_an_answer_to_reporters_placed_abroad_is_a_speech_there() -> None:
    doc = article(
        "Ngoại trưởng Mỹ Mike Pompeo trả lời phóng viên hôm 30/7 tại Bangkok, Thái Lan về vấn đề Biển Đông.",
        "2019-07-31",
    )
    assert [(e.actor.name, e.location.country) for e in of_type(doc, "speak")] == [("Mike Pompeo", "TH")]


def test_a_foreign_office_named_alone_in_a_dated_article_is_its_holder_that_day() -> None:
    doc = article(
        "Tổng thống Mỹ thăm Nhật Bản ngày 27-28/10 và hội đàm với Thủ tướng nước này.", "2025-10-29"
    )
    assert visits(doc) == {("Donald Trump", "JP")}


def test_a_foreign_office_named_alone_makes_no_undated_journey() -> None:
    doc = article("Tổng thống Mỹ sẽ thăm Nhật Bản và hội đàm với Thủ tướng nước này.", "2025-10-20")
    assert visits(doc) == set()


def test_a_journey_of_two_countries_goes_to_the_two_the_sentence_names() -> None:
    doc = article(
        "Trong chuyến công du hai nước châu Âu của Chủ tịch nước Lương Cường, Việt Nam đã ký nhiều văn kiện "
        "hợp tác với Áo và Slovakia.",
        "2025-11-20",
    )
    assert visits(doc) == {("Lương Cường", "AT"), ("Lương Cường", "SK")}


def test_a_count_the_countries_named_do_not_fill_makes_no_journey() -> None:
    doc = article(
        "Sau chuyến thăm ba nước châu Âu của Chủ tịch nước Lương Cường, quan hệ với Áo được nâng cấp.",
        "2025-11-20",
    )
    assert visits(doc) == set()


def test_a_visit_to_this_country_goes_to_the_one_named_before_and_no_further() -> None:
    doc = article(
        "Đầu tư của Nhật Bản vào Philippines cũng như chuyến thăm nước này của Thủ tướng Nhật Bản Shinzo Abe "
        "khiến Trung Quốc lo ngại.",
        None,
    )
    assert visits(doc) == {("Shinzo Abe", "PH")}


def test_an_acronym_the_article_gives_a_country_names_it_afterwards() -> None:
    doc = article(
        "Chính phủ Papua New Guinea (PNG) cho biết Thủ tướng Australia Scott Morrison đã tới PNG hôm 10/1.",
        None,
    )
    assert ("Scott Morrison", "PG") in visits(doc)


def test_a_journey_that_only_times_the_news_is_not_denied_by_it() -> None:
    doc = article(
        "Israel không kích Gaza ngay trước chuyến thăm của Ngoại trưởng Mỹ Antony Blinken tới Ai Cập.",
        "2024-02-05",
    )
    assert visits(doc) == {("Antony Blinken", "EG")}


def test_the_oval_office_is_in_the_united_states() -> None:
    doc = article(
        "Thủ tướng Nhật Bản Shinzo Abe (trái) và Tổng thống Mỹ Donald Trump tại Phòng Bầu Dục ngày 10/2.",
        "2017-02-11",
    )
    assert ("Shinzo Abe", "US") in visits(doc)


def test_one_received_by_a_host_after_duoc_visits_the_hosts_country() -> None:
    doc = article(
        "Tổng thống Argentina Javier Milei được Thủ tướng Italy Giorgia Meloni đón tiếp trọng thể hôm 12/2.",
        "2024-02-13",
    )
    assert visits(doc) == {("Javier Milei", "IT")}


def test_a_vietnamese_office_told_bare_is_the_one_the_article_names_with_it_later() -> None:
    doc = article(
        "Chủ tịch Quốc hội lên đường thăm chính thức Hungary. Đây là chuyến công du đầu tiên trong năm của "
        "Chủ tịch Quốc hội Trần Thanh Mẫn.",
        "2025-03-01",
    )
    assert visits(doc) == {("Trần Thanh Mẫn", "HU")}


def test_ong_continues_no_one_whose_name_as_written_is_also_anothers() -> None:
    doc = article(
        "Chủ tịch Triều Tiên Kim Jong-un công bố chân dung mới. Cha ông, cố lãnh đạo Kim Jong-il, chưa "
        "từng có chân dung chính thức. Không giống như cha mình, người chủ yếu tập trung vào quân đội, ông "
        "Kim đã thiết lập nhiều kết nối ngoại giao. Ông đến Hàn Quốc và Trung Quốc.",
        None,
    )
    assert not {name for name, _ in visits(doc)} & {"Kim Jong-il"}


def test_one_told_something_directly_by_another_is_not_received() -> None:
    doc = article(
        "Ngoại trưởng Mỹ Rex Tillerson không được Tổng thống Donald Trump thông báo trực tiếp về quyết định.",
        "2018-03-14",
    )
    assert of_type(doc, "meet") == []
