"""Who travels (a relative, a letter's sender, a couple, a bare title's holder, a Sino-Vietnamese name),
who is met (an event that only dates another, an invitation, an offer), where (an embassy, an envoy's
post, a visit's purpose, a city's abbreviation) and when (a past clause, a founding date, a
counterpart's office, a journey's days around an opening "Sau khi kết thúc ..." clause): the
eighteenth session's rules for issue 9, from three rounds of first sights and the audit, on sentences
written for these tests (never copied from a reference set)."""

from __future__ import annotations

import pytest

from builders import article, journeys, of_type
from sukien.link import link

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
    # The guest is the actor of a meeting abroad (SPEC); either way Pompeo met Kang alone.
    sides = [{e.actor.name, *(c.name for c in e.counterparts)} for e in of_type(doc, "meet")]
    assert [s for s in sides if "Mike Pompeo" in s] == [{"Mike Pompeo", "Kang Kyung-wha"}]
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
def test_the_abbreviated_city_is_kept_as_written(written: str) -> None:
    doc = article(
        f"Sáng 9/11, Thủ tướng Úc Malcolm Turnbull sẽ lên đường đi {written}, nơi ông gặp các doanh nghiệp.",
        "2017-11-08",
    )
    assert ("Malcolm Turnbull", "VN", written) in journeys(doc)


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


# -- the second round: who the guest is, and when a journey ends ------------------------------------


def test_a_sino_vietnamese_name_with_a_foreign_apposition_is_a_guest() -> None:
    doc = article(
        "Chiều 18/6, Thủ tướng Nguyễn Xuân Phúc tiếp Thượng tướng Lý Tác Thành, Phó Chủ tịch Quân ủy Trung "
        "ương Trung Quốc đang thăm chính thức Việt Nam.",
        "2017-06-19",
    )
    assert ("Lý Tác Thành", "VN", None) in journeys(doc)


def test_where_an_ambassador_serves_is_no_place_of_the_meeting() -> None:
    doc = article(
        "Chiều 18/6, Thủ tướng Nguyễn Xuân Phúc tiếp ông Trần Văn Hùng, Đại sứ Việt Nam tại Trung Quốc.",
        "2017-06-19",
    )
    assert [e.location.country for e in of_type(doc, "meet")] == [None]


def test_a_letter_handed_over_does_not_undo_the_visit_nor_move_its_sender() -> None:
    doc = article(
        "Tối 27/7, trong chuyến thăm Việt Nam, Ngoại trưởng Mỹ Antony Blinken đã chuyển lá thư chia buồn của "
        "Tổng thống Joe Biden gửi tới Chủ tịch nước Tô Lâm.",
        "2024-07-28",
    )
    assert journeys(doc) == {("Antony Blinken", "VN", None)}


def test_a_founding_date_does_not_date_an_undated_story() -> None:
    doc = article(
        "Trưa 19/7, Thủ tướng Slovakia Robert Fico đã có chuyến thăm và làm việc tại TP Đà Nẵng. Tại buổi "
        "tiếp, lãnh đạo thành phố cho biết Đà Nẵng đã thiết lập quan hệ hữu nghị và hợp tác với thành phố "
        "Kosice của Slovakia vào tháng 4/2015.",
        None,
    )
    assert [e.start for e in of_type(doc, "visit")] == [None]


def test_a_journey_going_on_past_its_last_stated_day_has_no_end() -> None:
    doc = article(
        "Sau khi kết thúc chuyến thăm cấp Nhà nước tại Mông Cổ từ ngày 30/9-1/10, chiều 1/10, Tổng Bí thư, "
        "Chủ tịch nước Tô Lâm đã rời Thủ đô Ulaanbaatar đi thăm cấp Nhà nước tới Ireland.",
        "2024-10-01",
    )
    (trip,) = link(doc.events)
    assert (trip.start, trip.end) == ("2024-09-30", None)


def test_a_journey_that_ends_at_home_keeps_its_last_day() -> None:
    doc = article(
        "Sau khi kết thúc chuyến thăm chính thức Pháp từ ngày 5-7/10, chiều 7/10, Thủ tướng Phạm Minh Chính "
        "đã rời Paris về nước.",
        "2024-10-08",
    )
    (trip,) = link(doc.events)
    assert (trip.start, trip.end) == ("2024-10-05", "2024-10-07")


# -- a top office named by its title alone ------------------------------------------------------------


def test_a_bare_home_title_is_its_holder_on_the_day() -> None:
    doc = article("Thủ tướng và phu nhân hôm nay rời Hà Nội, lên đường thăm chính thức Kuwait.", "2025-11-16")
    assert journeys(doc) == {("Phạm Minh Chính", "KW", None)}


def test_a_bare_title_another_country_holds_in_the_article_stays_unresolved() -> None:
    doc = article(
        "Thủ tướng Nhật Bản cho biết sẽ tới Mỹ. Thủ tướng hôm nay lên đường thăm chính thức Kuwait.",
        "2025-11-16",
    )
    assert journeys(doc) == set()


def test_a_bare_title_in_an_undated_article_stays_unresolved() -> None:
    doc = article("Thủ tướng và phu nhân hôm nay rời Hà Nội, lên đường thăm chính thức Kuwait.", None)
    assert journeys(doc) == set()


def test_a_couple_named_before_the_leader_travels_with_him() -> None:
    doc = article(
        "Tổng thống Mỹ đưa vợ chồng Vua Charles III tham quan vườn Nhà Trắng, khi nguyên thủ Anh thăm cấp "
        "nhà nước tới Mỹ.",
        "2026-04-28",
    )
    assert ("Charles III", "US", None) in journeys(doc)


# -- found by the audit -------------------------------------------------------------------------------


def test_a_counterparts_office_keeps_a_guessed_year_out() -> None:
    doc = article(
        "Ngày 5/11/2017, Tổng thống Mỹ Donald Trump tới Tokyo. Hôm 6/11, ông Trump gặp Nhật hoàng Naruhito "
        "tại Hoàng cung.",
        None,
    )
    assert [e.start for e in of_type(doc, "meet") if e.counterparts[0].name == "Naruhito"] == [None]


def test_a_year_told_after_once_is_the_backgrounds() -> None:
    doc = article(
        "Chiều 26/5, Tổng thống Mỹ Donald Trump đã tới Tokyo. Ông Trump từng gặp Hoàng đế Akihito, cha của "
        "Nhật hoàng Naruhito, khi ông thăm Nhật vào tháng 11/2017.",
        None,
    )
    visit = next(e for e in of_type(doc, "visit") if e.location.city == "Tokyo")
    assert visit.start is None


@pytest.mark.parametrize("offer", ["đề nghị", "sẵn sàng"])
def test_a_meeting_only_offered_is_no_journey(offer: str) -> None:
    doc = article(
        f"Tổng thống Nga Vladimir Putin nói rằng ông {offer} gặp Tổng thống Ukraine Volodymyr Zelensky tại "
        "Moskva.",
        "2025-09-03",
    )
    assert journeys(doc) == set()


def test_an_invitation_to_meet_is_no_meeting() -> None:
    doc = article(
        "Tại cuộc gặp với Thủ tướng Nhật Bản Shinzo Abe ở Washington, Tổng thống Mỹ Donald Trump cho biết "
        "ông do dự nhận lời mời gặp Nhật hoàng Naruhito.",
        "2019-04-27",
    )
    assert ("Naruhito", "US", "Washington") not in journeys(doc)


def test_a_named_ambassador_met_at_a_place_is_there() -> None:
    doc = article(
        "Hôm 10/5, Tổng thống Mỹ Donald Trump đã có cuộc họp kín với Ngoại trưởng Nga Sergey Lavrov và Đại "
        "sứ Nga Sergey Kislyak tại Nhà Trắng.",
        "2017-05-11",
    )
    assert ("Sergey Lavrov", "US", None) in journeys(doc)


def test_a_leg_ended_in_an_opening_clause_leaves_the_journeys_days_untold() -> None:
    doc = article(
        "Sau khi kết thúc tốt đẹp chuyến thăm chính thức Ba Lan, tối 20/1 theo giờ địa phương, Thủ tướng "
        "Phạm Minh Chính đã tới sân bay Zurich, Thụy Sĩ.",
        "2025-01-21",
    )
    (trip,) = link(doc.events)
    assert ({leg.country for leg in trip.legs}, trip.start, trip.end) == ({"PL", "CH"}, None, None)


def test_an_undated_remark_on_a_journey_of_a_bare_title_is_no_trip() -> None:
    doc = article(
        "Chuyến thăm Nga của Thủ tướng cho thấy quyết tâm nâng tầm hợp tác giữa hai bên.", "2025-05-12"
    )
    assert journeys(doc) == set()
