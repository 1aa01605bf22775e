"""Leaders listed after a group word, meetings pointed back at, receptions at home, editions in
words, arrivals told as done, lone foreign names and delegations not sent (issue 9, eighth session),
on sentences written for these tests (never copied from a reference set)."""

from __future__ import annotations

import pytest

from builders import article, of_type
from sukien.doc import Doc
from sukien.lexicon.names import vietnamese_syllable
from sukien.link import link
from sukien.text.fold import fold
from sukien.understand.meetings import find_meetings


def item(text: str, published: str | None = "2025-05-20") -> Doc:
    return article(text, published)


def attendances(doc: Doc) -> list[tuple[str, str | None, str | None]]:
    return [
        (e.actor.name, e.location.country, e.occasion.series if e.occasion else None)
        for e in of_type(doc, "attend")
    ]


def test_leaders_listed_after_a_group_word_attend_the_meeting_the_article_named() -> None:
    doc = item(
        "Ngày 12/6, Hội nghị thượng đỉnh G7 đã khai mạc tại thành phố Osaka, Nhật Bản. Tại hội nghị thượng "
        "đỉnh lần này có sự tham dự lần đầu tiên của các nhà lãnh đạo như Thủ tướng Canada Mark Dale và "
        "Tổng thống Pháp Jean Morel."
    )
    assert attendances(doc) == [("Mark Dale", "JP", "G7"), ("Jean Morel", "JP", "G7")]


def test_a_sentence_that_points_back_at_no_meeting_makes_no_attendance() -> None:
    doc = item(
        "Ngày 12/6, Hội nghị thượng đỉnh G7 đã khai mạc tại thành phố Osaka, Nhật Bản. Buổi hòa nhạc có sự "
        "tham dự của các nhà lãnh đạo như Thủ tướng Canada Mark Dale."
    )
    assert attendances(doc) == []


def test_a_guest_received_with_no_place_visits_viet_nam() -> None:
    doc = item(
        "Chiều 20/5, Phó Thủ tướng Lê Văn Bình đã tiếp ông Ivan Petrov, Đặc phái viên của Tổng thống Nga "
        "về hợp tác khí hậu."
    )
    assert [(e.actor.name, e.location.country) for e in of_type(doc, "visit")] == [("Ivan Petrov", "VN")]


def test_a_host_received_by_a_leader_abroad_is_no_visit_to_viet_nam() -> None:
    doc = item(
        "Chiều 20/5, trong chuyến thăm chính thức Nga, Thủ tướng Lê Văn Bình đã tiếp ông Ivan Petrov, "
        "Chủ tịch Tập đoàn Sever."
    )
    assert [e.location.country for e in of_type(doc, "visit")] == ["RU"]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Hội nghị Thượng đỉnh Diễn đàn Đối tác Xanh (PGX) lần thứ tư diễn ra tại Hà Nội.", 4),
        ("Diễn đàn Hợp tác Mekong - Lan Thương lần thứ hai khai mạc.", 2),
        ("Hội nghị Bộ trưởng Năng lượng lần thứ 9 khai mạc.", 9),
    ],
)
def test_an_edition_is_read_in_words_or_digits(text, number) -> None:
    assert [m.get("number") for m in find_meetings(text)] == [number]


def test_a_weekday_after_a_meeting_is_no_edition() -> None:
    assert [m.get("number") for m in find_meetings("Hội nghị Bộ trưởng khai mạc sáng thứ tư.")] == [None]


@pytest.mark.parametrize(
    ("text", "trips"),
    [
        ("Trong bối cảnh căng thẳng gia tăng, Ngoại trưởng Nga Ivan Petrov đã tới Thổ Nhĩ Kỳ.", 1),
        # a weak word not told as done, no date: no journey
        ("Ngoại trưởng Nga Ivan Petrov muốn tới Thổ Nhĩ Kỳ.", 0),
    ],
)
def test_an_undated_arrival_told_as_done_makes_a_trip(text, trips) -> None:
    doc = item(text, None)
    assert len(link(doc.events)) == trips


@pytest.mark.parametrize(
    ("word", "vietnamese"),
    [("Máxima", False), ("Erdoğan", False), ("Chiến", True), ("Nghiêng", True), ("Quốc", True)],
)
def test_a_word_of_no_vietnamese_syllable_shape_is_foreign(word, vietnamese) -> None:
    assert vietnamese_syllable(fold(word)) is vietnamese


def test_a_lone_foreign_name_after_a_title_is_a_person() -> None:
    doc = item("Hoàng hậu Hà Lan Máxima sang thăm Việt Nam trong hai ngày.")
    assert [(e.actor.name, e.location.country) for e in of_type(doc, "visit")] == [("Máxima", "VN")]


def test_a_country_that_sends_nobody_attends_nothing() -> None:
    doc = item("Tổng thống Mỹ Robert Dole tuyên bố Mỹ không cử quan chức tham dự Hội nghị G20 tại Nam Phi.")
    assert attendances(doc) == []


def test_a_meeting_named_by_its_kind_alone_is_the_one_the_sentence_before_named() -> None:
    doc = item(
        "Ngày 14/11 (theo giờ địa phương), Hội nghị Bộ trưởng Ngoại giao - Kinh tế Diễn đàn Hợp tác kinh "
        "tế châu Á - Thái Bình Dương (APEC) diễn ra Thủ đô Lima, Peru. Phó Thủ tướng Lê Văn Bình dẫn đầu "
        "đoàn Việt Nam tham dự Hội nghị.",
        "2024-11-15",
    )
    assert attendances(doc) == [("Lê Văn Bình", "PE", "APEC")]
    assert of_type(doc, "attend")[0].location.city == "Lima"


def test_a_place_of_the_topic_discussed_is_not_where_the_talks_are() -> None:
    doc = item(
        "Trong cuộc gặp giữa Tổng thống Pháp Jean Morel và Tổng thống Nga Ivan Petrov nhân chuyến thăm Pháp "
        "ngày 19/5, khủng hoảng tại Ukraine là một trong những chủ đề thảo luận chính."
    )
    assert {e.location.country for e in doc.events if e.actor.name == "Ivan Petrov"} == {"FR"}


def test_thanks_for_being_received_abroad_make_no_visit_of_the_host() -> None:
    doc = item(
        "Tại buổi tiếp, Bộ trưởng Lê Văn Bình đã cảm ơn Đại tướng Jorge Díaz đã dành thời gian tiếp đoàn."
    )
    assert of_type(doc, "visit") == []


@pytest.mark.parametrize(
    ("text", "visits"),
    [
        ("Tổng thống Mỹ Robert Dole đã bổ nhiệm một đặc phái viên tới Greenland ngày 20/5.", []),
        ("Thủ tướng Lê Văn Bình đã cử một phái đoàn sang Lào ngày 20/5.", []),
        ("Thủ tướng Lê Văn Bình và phái đoàn tới Nhật Bản ngày 20/5.", ["JP"]),
    ],
)
def test_someone_sent_travels_not_the_sender(text, visits) -> None:
    assert [e.location.country for e in of_type(item(text), "visit")] == visits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tổng thống Mỹ Robert Dole có mặt tại Washington sau khi trở về từ hội nghị thượng đỉnh G20 ở "
            "Osaka (Nhật Bản).",
            [("attend", "JP", "G20")],
        ),
        ("Tổng thống Mỹ Robert Dole vừa trở về từ Nhật Bản.", [("visit", "JP", None)]),
        ("Thủ tướng Lê Văn Bình trở về từ chuyến thăm, rồi họp Chính phủ tại Hà Nội.", []),
    ],
)
def test_where_a_leader_comes_back_from_is_where_he_was(text, expected) -> None:
    doc = item(text)
    got = [(e.type, e.location.country, e.occasion.series if e.occasion else None) for e in doc.events]
    assert got == expected


def test_a_range_after_the_meeting_dates_the_attendance_not_the_visit_before_it() -> None:
    doc = item(
        "Nhân chuyến thăm chính thức của Chủ tịch nước Lê Văn Bình tới Peru (từ ngày 12-14/11) và tham "
        "dự Tuần lễ cấp cao Diễn đàn Hợp tác kinh tế châu Á-Thái Bình Dương (APEC) từ ngày 15-16/11, Đại "
        "sứ Nguyễn Văn An đã trả lời phỏng vấn.",
        "2024-11-07",
    )
    [attend] = of_type(doc, "attend")
    assert (attend.start, attend.end, attend.occasion.series) == ("2024-11-15", "2024-11-16", "APEC")


@pytest.mark.parametrize(
    "name",
    ["Diễn đàn Hợp tác kinh tế châu Á-Thái Bình Dương", "Diễn đàn Hợp tác kinh tế châu Á – Thái Bình Dương"],
)
def test_a_series_is_known_however_its_dash_is_spaced(name) -> None:
    assert [m.key for m in find_meetings(name + " khai mạc.")] == ["APEC"]


def test_a_numbered_session_of_a_body_is_a_recurring_meeting() -> None:
    [meeting] = find_meetings(
        "Hai ông đồng chủ trì phiên họp lần thứ 9 Ủy ban Hợp tác song phương Việt Nam-Lào."
    )
    assert (meeting.key is not None, meeting.get("number")) == (True, 9)


def test_a_session_without_its_number_is_no_meeting_name() -> None:
    assert find_meetings("Sau phiên họp, hai bên ký kết nhiều văn kiện.") == []


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        (
            "Chiều 28/4, Phó Thủ tướng Lê Văn Bình đã hội đàm với Bộ trưởng Ngoại giao và Hợp tác Đông Phi "
            "nước Cộng hòa Thống nhất Tanzania John Mwita nhân chuyến thăm chính thức Việt Nam.",
            "John Mwita",
            "TZ",
        ),
        ("Bộ trưởng Ngoại giao và Thương mại Australia Helen Ward thăm Việt Nam.", "Helen Ward", "AU"),
    ],
)
def test_a_ministry_named_on_after_va_keeps_its_minister(text, name, country) -> None:
    assert [(e.actor.name, e.actor.country) for e in of_type(item(text), "visit")] == [(name, country)]


def test_a_recent_visit_told_as_the_sentences_background_is_no_journey_of_the_day() -> None:
    doc = item(
        "Tại buổi trao đổi, Thủ tướng Lê Văn Bình cũng thông tin kết quả chuyến thăm chính thức Hoa Kỳ "
        "mới đây của mình."
    )
    assert of_type(doc, "visit") == []


def test_someone_else_coming_back_makes_no_journey_of_the_leader_named_before() -> None:
    doc = item(
        "Tổng thống Mỹ Robert Dole đang trò chuyện với cựu binh Mike Hall, ngay trước khi ông Hall trở về "
        "từ Nga."
    )
    assert [e.location.country for e in of_type(doc, "visit")] == []


def test_a_meeting_called_a_disaster_is_still_where_it_was_held() -> None:
    doc = item(
        "Sau cuộc gặp thảm họa ở Nhà Trắng hồi tháng 2 với Tổng thống Mỹ Robert Dole, Tổng thống Ukraine "
        "Ivan Koval đã nỗ lực không ngừng."
    )
    assert [e.location.country for e in doc.events if e.actor.name == "Ivan Koval"] == ["US"]


def test_a_deputy_chair_of_a_military_commission_keeps_his_country() -> None:
    doc = item(
        "Chiều 25/10, tại Phủ Chủ tịch, Chủ tịch nước Lê Văn Bình đã tiếp Phó Chủ tịch Quân ủy Trung ương "
        "Trung Quốc, Thượng tướng Vương Đại Minh, đang có chuyến thăm Việt Nam."
    )
    assert [(e.actor.name, e.actor.country) for e in of_type(doc, "visit")] == [("Vương Đại Minh", "CN")]


@pytest.mark.parametrize(
    ("text", "end"),
    [
        (
            "Chiều 13/3, Tổng Bí thư Lê Văn Bình rời Singapore về nước, kết thúc tốt đẹp chuyến thăm chính "
            "thức Singapore.",
            "2025-03-13",
        ),
        (
            "Chiều 13/3, Tổng Bí thư Lê Văn Bình đã về đến Hà Nội, kết thúc tốt đẹp chuyến thăm chính thức "
            "Singapore.",
            "2025-03-13",  # the day home ends the journey too (blind references 9244 and 9259)
        ),
    ],
)
def test_the_day_a_leader_leaves_or_comes_home_is_the_visits_last(text, end) -> None:
    [trip] = link(item(text, "2025-03-13").events)
    assert (trip.start, trip.end) == (None, end)


def test_a_capital_after_ma_is_its_government_not_a_destination() -> None:
    doc = item(
        "Việc này diễn ra ngay trước khi Tổng thống Mỹ Robert Dole tiếp đón Thủ tướng Nhật Bản Ken Sato "
        "trong chuyến thăm kéo dài 3 ngày mà Bắc Kinh hẳn sẽ theo sát."
    )
    assert "CN" not in [e.location.country for e in doc.events]
