"""A relative named by the leader, an event that only dates another, a going out to welcome someone,
one Korean surname shared by two people, names in tokenised text, a past clause's year, a city's
abbreviation, an embassy's country and a visit's purpose (the eighteenth session, issue 9), on
sentences written for these tests (never copied from a reference set)."""

from __future__ import annotations

import pytest

from builders import article, journeys, of_type

# -- who travels --------------------------------------------------------------------------------------


@pytest.mark.parametrize("relative", ["con gái", "con trai", "em gái", "vợ", "cháu trai"])
def test_a_relative_named_by_the_leader_is_not_the_leader(relative: str) -> None:
    doc = article(
        f"Bà Anna Smith, {relative} Tổng thống Mỹ Joe Biden, thăm Nhật Bản 3 ngày, từ 14/2.",
        "2022-02-15",
    )
    assert journeys(doc) == set()


def test_the_leader_named_without_a_relative_still_travels() -> None:
    doc = article("Tổng thống Mỹ Joe Biden thăm Nhật Bản 3 ngày, từ 14/2.", "2022-02-15")
    assert journeys(doc) == {("Joe Biden", "JP", None)}


def test_one_korean_surname_does_not_make_two_people_one() -> None:
    doc = article(
        "Bà Kim Yo-jong, em gái nhà lãnh đạo Kim Jong-un, tới Hàn Quốc ngày 9/2 dự lễ khai mạc Thế vận hội.",
        "2018-02-10",
    )
    assert [e for e in doc.events if e.actor.name == "Kim Jong-un" and e.type == "visit"] == []


def test_a_known_name_in_tokenised_text_is_the_person() -> None:
    doc = article(
        "Kim Yong - chol, phó chủ tịch đảng Lao động Triều Tiên, sẽ dẫn đầu một phái đoàn tới Hàn Quốc vào "
        "cuối tuần.",
        "2018-02-22",
    )
    assert ("Kim Yong-chol", "KR", None) in journeys(doc)


# -- who is met ---------------------------------------------------------------------------------------


def test_those_of_the_event_a_meeting_is_dated_by_are_not_met() -> None:
    doc = article(
        "Ngoại trưởng Mỹ Mike Pompeo ngày 11/5 tiếp Bộ trưởng Ngoại giao Hàn Quốc Kang Kyung-wha tại "
        "Washington, hai tuần trước khi Tổng thống Mỹ Donald Trump và Chủ tịch Triều Tiên Kim Jong-un gặp "
        "thượng đỉnh.",
        "2018-05-12",
    )
    met = {c.name for e in of_type(doc, "meet") if e.actor.name == "Mike Pompeo" for c in e.counterparts}
    assert met == {"Kang Kyung-wha"}
    assert {actor for actor, _country, _city in journeys(doc)} == {"Kang Kyung-wha"}


@pytest.mark.parametrize("word", ["tới", "đến"])
def test_going_out_to_welcome_someone_names_no_destination(word: str) -> None:
    doc = article(
        f"Hôm 10/5, vài giờ sau khi Tổng thống Mỹ Donald Trump {word} đón ba công dân được Triều Tiên trả tự "
        "do, Nhà Trắng công bố ngày gặp thượng đỉnh.",
        "2018-05-11",
    )
    assert journeys(doc) == set()


# -- when and where ---------------------------------------------------------------------------------


def test_a_year_told_in_a_past_clause_does_not_date_an_undated_story() -> None:
    doc = article(
        "Sáng nay 8-11, Thủ tướng Úc Malcolm Turnbull đã đến Hà Nội, bắt đầu chuyến thăm chính thức Việt "
        "Nam. Thủ tướng Turnbull đã từng gặp gỡ Chủ tịch nước Trần Đại Quang bên lề Hội nghị APEC tháng 11 - "
        "2016.",
        None,
    )
    visit = next(e for e in of_type(doc, "visit") if e.location.city == "Hà Nội")
    assert visit.start is None


@pytest.mark.parametrize("written", ["TP. HCM", "TP.HCM", "TPHCM"])
def test_the_abbreviated_city_is_written_out(written: str) -> None:
    doc = article(
        f"Sáng 9/11, Thủ tướng Úc Malcolm Turnbull sẽ lên đường đi {written}, nơi ông gặp các doanh nghiệp.",
        "2017-11-08",
    )
    assert ("Malcolm Turnbull", "VN", "Thành phố Hồ Chí Minh") in journeys(doc)


def test_the_country_of_an_embassy_is_whose_mission_not_where() -> None:
    doc = article(
        "Tối 9/7, tại Oslo, Na Uy, Thủ tướng Nguyễn Xuân Phúc đã đến thăm và cắt băng khánh thành trụ sở "
        "mới của Đại sứ quán Việt Nam tại đây.",
        "2017-07-10",
    )
    assert journeys(doc) == {("Nguyễn Xuân Phúc", "NO", "Oslo")}


def test_a_body_named_in_a_visits_purpose_is_no_destination() -> None:
    doc = article(
        "Chủ tịch Quốc hội Nguyễn Thị Kim Ngân cho biết chuyến thăm làm việc Bỉ lần này nhằm thúc đẩy quan "
        "hệ hợp tác với EU và Nghị viện châu Âu.",
        "2017-04-05",
    )
    assert {country for _actor, country, _city in journeys(doc)} == {"BE"}


@pytest.mark.parametrize("habit", ["luôn", "thường"])
def test_trips_told_as_a_habit_are_no_journey(habit: str) -> None:
    doc = article(
        f"Ngoại trưởng Trung Quốc Vương Nghị, người {habit} tháp tùng Chủ tịch Tập Cận Bình trong các chuyến "
        "công du đến Nga, hôm nay không có mặt.",
        "2019-02-25",
    )
    assert journeys(doc) == set()


# -- a visit told by its hosts' envoy ---------------------------------------------------------------


def test_a_placeless_visit_told_by_an_envoy_goes_to_the_envoys_country() -> None:
    doc = article(
        "Đại sứ Nhật Bản Ito Naoki cho biết phía Nhật Bản đang tích cực chuẩn bị cho chuyến thăm chính thức "
        "của Thủ tướng Phạm Minh Chính vào tháng 4 tới.",
        "2025-03-01",
    )
    assert journeys(doc) == {("Phạm Minh Chính", "JP", None)}


def test_an_envoy_beside_another_country_named_tells_no_visit() -> None:
    doc = article(
        "Đại sứ Nhật Bản Ito Naoki cho biết Nhật Bản và Ấn Độ đang tích cực chuẩn bị cho chuyến thăm chính "
        "thức của Thủ tướng Phạm Minh Chính vào tháng 4 tới.",
        "2025-03-01",
    )
    assert journeys(doc) == set()
