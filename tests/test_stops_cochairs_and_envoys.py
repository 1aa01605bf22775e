"""Cities left on a journey, leaders who chair or host together, envoys sent, people of no office,
time clauses, and one journey told as two (the twelfth session, issue 9), on sentences written for
these tests (never copied from a reference set)."""

from __future__ import annotations

import pytest

from builders import article, make_event, of_type
from sukien.doc import Doc
from sukien.link import link


def cities(doc: Doc, actor: str) -> set[str | None]:
    return {e.location.city for e in doc.events if e.type in ("visit", "attend") and e.actor.name == actor}


def meetings(doc: Doc) -> list[tuple[str, set[str]]]:
    return [(e.actor.name, {p.name for p in e.counterparts}) for e in of_type(doc, "meet")]


# -- a city left is a stop (SPEC: "rời Moskva đi Budapest", "rời Manila, kết thúc chuyến thăm") ---------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Chiều 12/9, Chủ tịch nước Lương Cường rời Milano tới Roma, tiếp tục chuyến thăm cấp Nhà nước "
            "Italy.",
            {"Milano", "Roma"},
        ),
        (
            "Sáng 12/9, Chủ tịch nước Lương Cường đi tàu từ Thượng Hải tới Hàng Châu, tiếp tục chuyến thăm "
            "Trung Quốc.",
            {"Thượng Hải", "Hàng Châu"},
        ),
        (
            "Chiều 14/9, Chủ tịch nước Lương Cường rời thủ đô Roma, lên đường về nước, kết thúc chuyến thăm "
            "cấp Nhà nước Italy.",
            {"Roma"},
        ),
    ],
)
def test_a_city_left_on_a_journey_is_one_of_its_stops(text: str, expected: set[str]) -> None:
    assert cities(article(text, "2025-09-15"), "Lương Cường") == expected


def test_talks_abroad_told_after_leaving_one_city_for_another_name_both() -> None:
    doc = article(
        "Ngày 4/7 (giờ địa phương), ngay sau khi rời Lyon tới Paris, Thủ tướng Phạm Minh Chính đã hội đàm "
        "với Thủ tướng Pháp Michel Barnier.",
        "2025-07-05",
    )
    assert cities(doc, "Phạm Minh Chính") == {"Lyon", "Paris"}


# -- hosts and chairs together -----------------------------------------------------------------------


def test_two_hosts_of_a_welcome_both_meet_the_guest() -> None:
    doc = article(
        "Quốc vương Brunei Hassanal Bolkiah và Thái tử Brunei Al-Muhtadee Billah cùng chủ trì lễ đón Tổng "
        "Bí thư Tô Lâm thăm cấp Nhà nước Brunei.",
        "2025-06-02",
    )
    assert ("Tô Lâm", {"Hassanal Bolkiah", "Al-Muhtadee Billah"}) in meetings(doc)


CO_CHAIRED = (
    "Chiều 10/1, tại Thủ đô Seoul, Phó Thủ tướng Bùi Thanh Sơn và đồng chí Cho Tae-yul, Bộ trưởng Ngoại giao "
    "Hàn Quốc đồng chủ trì lễ kỷ niệm 30 năm ký Hiệp định thương mại và 10 năm ký 2 văn kiện pháp lý về đầu "
    "tư Việt Nam - Hàn Quốc."
)


def test_two_leaders_who_chair_a_ceremony_together_meet() -> None:
    assert meetings(article(CO_CHAIRED, "2025-01-11")) == [("Bùi Thanh Sơn", {"Cho Tae-yul"})]


def test_an_anniversary_of_a_signing_is_no_signing() -> None:
    assert of_type(article(CO_CHAIRED, "2025-01-11"), "sign") == []


def test_a_session_chaired_as_the_journey_goes_on_is_its_occasion() -> None:
    doc = article(
        "Tiếp tục chương trình chuyến thăm Hàn Quốc, đồng chủ trì Phiên họp lần thứ 9 Ủy ban hỗn hợp Việt "
        "Nam - Hàn Quốc, chiều 6/5, tại Thủ đô Seoul, Phó Thủ tướng Bùi Thanh Sơn phát biểu.",
        "2025-05-07",
    )
    attended = [e for e in of_type(doc, "attend") if e.occasion is not None]
    assert [(e.actor.name, e.occasion.number) for e in attended] == [("Bùi Thanh Sơn", 9)]


# -- who travels ----------------------------------------------------------------------------------------


def test_the_envoy_sent_travels_not_the_one_who_sent_him() -> None:
    doc = article(
        "Tổng Thư ký Liên Hợp Quốc Antonio Guterres đã cử đặc phái viên về vấn đề Myanmar, bà Noeleen "
        "Hartwig, tới Thái Lan để dự cuộc họp.",
        "2025-02-10",
    )
    assert "Antonio Guterres" not in {e.actor.name for e in of_type(doc, "visit")}


def test_a_leader_sent_by_another_still_travels() -> None:
    doc = article(
        "Chủ tịch nước Lương Cường đã cử Phó Chủ tịch nước Võ Thị Ánh Xuân tới Campuchia dự lễ tang.",
        "2025-02-10",
    )
    assert [(e.actor.name, e.location.country) for e in of_type(doc, "visit")] == [("Võ Thị Ánh Xuân", "KH")]


def test_a_company_head_of_no_country_makes_no_journey() -> None:
    doc = article(
        "Giám đốc điều hành (CEO) Jensen Huang của Nvidia đã ghé thăm Bắc Kinh tuần trước để gặp các đối "
        "tác.",
        "2025-07-20",
    )
    assert of_type(doc, "visit") == []


def test_a_meeting_that_times_the_main_clause_is_not_placed_by_it() -> None:
    doc = article(
        "Ngay trước khi Tổng thống Mỹ Ronald Reagan và Tổng thống Pháp Francois Mitterrand gặp nhau, Anh và "
        "Italy quyết định tăng cường hiện diện quân sự tại Libya.",
        None,
    )
    assert [e.location.country for e in of_type(doc, "meet")] == [None]


def test_a_group_is_no_name_after_a_title() -> None:
    doc = article(
        "Chiều 7/3, tại Wellington, Thủ tướng Phạm Minh Chính đã tiếp bà Jacinda Reid, Phó Chủ tịch Quốc "
        "hội, Chủ tịch Nhóm Nghị sĩ hữu nghị New Zealand - Việt Nam.",
        "2025-03-08",
    )
    assert meetings(doc) == [("Phạm Minh Chính", {"Jacinda Reid"})]


# -- one journey told as two ---------------------------------------------------------------------------


def test_a_journey_told_by_its_month_joins_the_dated_one_that_reaches_its_country() -> None:
    summit = make_event("attend", "Donald Trump", "CA", "2018-06-08", "2018-06-09", article_id="a")
    onward = make_event("visit", "Donald Trump", "SG", None, None, article_id="a")
    told_by_month = make_event("visit", "Donald Trump", "SG", "2018-06", None, article_id="c")
    for n, event in enumerate((summit, onward, told_by_month)):
        event.id, event.actor.country = f"e{n}", "US"
    assert [sorted(leg.country for leg in t.legs) for t in link([summit, onward, told_by_month])] == [
        ["CA", "SG"]
    ]


@pytest.mark.parametrize(
    "told",
    [
        "Trong ngày làm việc đầu tiên, Bộ trưởng Ngoại giao hai nước đã hội đàm tại trụ sở Bộ Ngoại giao "
        "Đức.",
        "Chiều cùng ngày, hai Bộ trưởng Ngoại giao đã hội đàm.",
    ],
)
def test_a_title_told_of_both_countries_is_a_meeting_of_its_two_holders(told: str) -> None:
    doc = article(
        "Nhận lời mời của Bộ trưởng Ngoại giao Liên bang Đức Johann Wadephul, Bộ trưởng Ngoại giao Lê Hoài "
        "Trung thăm chính thức Đức từ ngày 5-7/3. " + told,
        "2026-03-05",
    )
    assert ("Lê Hoài Trung", {"Johann Wadephul"}) in meetings(doc)


@pytest.mark.parametrize(
    "text",
    [
        "Một quan chức Mỹ ngày 25/6 cho hay ông Trump không có kế hoạch gặp Chủ tịch Trung Quốc Tập Cận Bình "
        "trong chuyến thăm này.",
        "Tổng thống Mỹ Donald Trump sẽ không gặp Tổng thống Brazil Lula da Silva tại Osaka.",
    ],
)
def test_a_meeting_denied_is_no_meeting(text: str) -> None:
    assert of_type(article(text, "2019-06-26"), "meet") == []


def test_a_summit_reached_by_a_journey_is_where_the_journey_goes_not_the_travellers_country() -> None:
    doc = article(
        "Chiều 30/10, Tổng thống Hàn Quốc Lee Jae-myung đã tới Việt Nam để tham dự Hội nghị lãnh đạo các nền "
        "kinh tế thành viên APEC lần thứ 25.",
        None,
    )
    assert [(e.location.country, e.occasion.series) for e in of_type(doc, "attend") if e.occasion] == [
        ("VN", "APEC")
    ]


def test_an_undated_story_is_of_the_year_of_the_edition_its_leader_attends() -> None:
    doc = article(
        "Chiều 8-11, Tổng thống Chile Michelle Bachelet đã tới Việt Nam để tham dự Hội nghị lãnh đạo các nền "
        "kinh tế thành viên APEC lần thứ 25. Khoảng 18h tối 8-11, Tổng thống Chile Michelle Bachelet đã đến "
        "Đà Nẵng bằng chuyên cơ. Đây là lần thứ hai bà tới Việt Nam sau chuyến thăm chính thức tới Hà Nội "
        "tháng 9-2016.",
        None,
    )
    assert {e.start for e in doc.events if e.type in ("visit", "attend")} == {"2017-11-08"}


def test_a_plan_given_up_is_no_journey() -> None:
    doc = article(
        "Theo kế hoạch trước đó, Thủ tướng Canada Mark Carney dự kiến thăm Seoul, nơi ông sẽ gặp Tổng thống "
        "Hàn Quốc.",
        "2025-10-20",
    )
    assert of_type(doc, "visit") == []


def test_a_plan_that_ran_over_its_time_is_still_a_meeting() -> None:
    doc = article(
        "Tổng thống Nga Vladimir Putin đi thẳng tới nơi gặp Thủ tướng Ấn Độ Narendra Modi, sau cuộc gặp kéo "
        "dài hơn 2 giờ trong khi dự kiến ban đầu là 30 phút.",
        "2025-10-20",
    )
    assert meetings(doc) == [("Vladimir Putin", {"Narendra Modi"})]


# -- attendances told without a verb of attending ---------------------------------------------------


def test_beginning_activities_at_a_summit_is_attending_it() -> None:
    doc = article(
        "Sáng 22/11 theo giờ địa phương, tại Johannesburg, Nam Phi, Thủ tướng Phạm Minh Chính bắt đầu các "
        "hoạt động trong khuôn khổ Hội nghị Thượng đỉnh G20.",
        "2025-11-22",
    )
    assert [(e.location.city, e.occasion.series) for e in of_type(doc, "attend") if e.occasion] == [
        ("Johannesburg", "G20")
    ]


def test_a_leader_with_a_group_and_another_leader_are_one_subject() -> None:
    doc = article(
        "Ngày 26/10, tại Kuala Lumpur, Malaysia, Thủ tướng Phạm Minh Chính cùng các nhà lãnh đạo ASEAN và "
        "Thủ tướng Nhật Bản Takaichi Sanae tham dự Hội nghị Cấp cao ASEAN - Nhật Bản lần thứ 28.",
        "2025-10-26",
    )
    assert {e.actor.name for e in of_type(doc, "attend")} == {"Phạm Minh Chính", "Takaichi Sanae"}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Chiều 5/7, Thủ tướng Phạm Minh Chính gặp gỡ cộng đồng người Việt Nam tại Nhật Bản.", ("JP", None)),
        (
            "Chiều 5/7, Thủ tướng Phạm Minh Chính gặp mặt các lưu học sinh Việt Nam tại Tokyo.",
            ("JP", "Tokyo"),
        ),
    ],
)
def test_a_group_met_abroad_puts_the_leader_there(text: str, place: tuple[str, str | None]) -> None:
    doc = article(text, "2025-07-06")
    assert [(e.location.country, e.location.city) for e in of_type(doc, "visit")] == [place]


def test_a_group_met_at_home_is_no_journey() -> None:
    doc = article(
        "Chiều 5/7, tại Hà Nội, Thủ tướng Phạm Minh Chính gặp mặt cộng đồng doanh nghiệp Nhật Bản.",
        "2025-07-06",
    )
    assert doc.events == []


def test_a_numbered_session_named_by_its_body_after_the_number_is_an_occasion() -> None:
    doc = article(
        "Trưa 15/5, Thủ tướng Thái Lan Paetongtarn Shinawatra đến Hà Nội, bắt đầu thăm chính thức Việt Nam, "
        "đồng chủ trì Kỳ họp lần thứ 4 nội các chung Việt Nam - Thái Lan.",
        "2025-05-15",
    )
    occasions = {(e.occasion.series, e.occasion.number) for e in of_type(doc, "attend") if e.occasion}
    assert occasions == {("KY_HOP_NOI_CAC_CHUNG_VIET_NAM_THAI_LAN", 4)}


def test_a_meeting_named_again_is_where_the_sentence_that_named_it_says() -> None:
    doc = article(
        "Trong ngày 7-8/3, tại Hà Nội đã diễn ra Kỳ họp lần thứ 47 Ủy ban liên Chính phủ Việt Nam - "
        "Campuchia. Thủ tướng Phạm Minh Chính và Thủ tướng Campuchia Hun Manet đồng chủ trì kỳ họp lần thứ "
        "47 Ủy ban liên Chính phủ Việt Nam - Campuchia.",
        "2025-03-09",
    )
    assert {(e.actor.name, e.location.country) for e in of_type(doc, "attend")} >= {("Hun Manet", "VN")}


def test_a_party_named_with_a_bracket_before_its_chairman_is_no_name() -> None:
    doc = article(
        "Chiều 6/5 (theo giờ địa phương), tại Thủ đô Astana, Tổng Bí thư Tô Lâm đã có cuộc hội kiến Chủ tịch "
        "Thượng viện Kazakhstan, kiêm Chủ tịch Đảng Nur Otan (cầm quyền) Maulen Ashimbayev.",
        "2025-05-07",
    )
    assert meetings(doc) == [("Tô Lâm", {"Maulen Ashimbayev"})]


def test_a_meeting_the_story_says_a_country_hosts_is_held_there() -> None:
    doc = article(
        "Thủ tướng Phạm Minh Chính dẫn đầu Đoàn đại biểu cấp cao Việt Nam tham dự Diễn đàn hợp tác Mekong - "
        "Lan Thương lần thứ ba. Diễn đàn lần này do Thái Lan chủ trì là hoạt động đa phương lớn.",
        None,
    )
    assert [e.location.country for e in of_type(doc, "attend")] == ["TH"]


def test_a_standing_committee_member_and_secretariat_secretary_is_a_counterpart() -> None:
    doc = article(
        "Thủ tướng Phạm Minh Chính hội kiến với Thủ tướng Quốc vụ viện Lý Cường và Uỷ viên thường vụ Bộ "
        "Chính trị, Bí thư Ban Bí thư Lý Hy.",
        "2025-06-25",
    )
    assert meetings(doc) == [("Phạm Minh Chính", {"Lý Cường", "Lý Hy"})]


def test_an_edition_listed_without_its_place_meets_where_its_series_does() -> None:
    doc = article(
        "Thủ tướng Australia Malcolm Turnbull đã phát biểu khai mạc Đối thoại Shangri-La lần thứ 16.",
        None,
    )
    assert [e.location.country for e in of_type(doc, "attend")] == ["SG"]


def test_a_group_met_is_met_by_the_subject_not_by_a_name_on_a_monument() -> None:
    doc = article(
        "Tổng Bí thư Tô Lâm đặt vòng hoa tại Tượng đài Chủ tịch Hồ Chí Minh ở Havana và gặp cán bộ, nhân "
        "viên đại sứ quán tại Cuba.",
        "2025-09-28",
    )
    assert "Hồ Chí Minh" not in {e.actor.name for e in doc.events}


def test_talks_at_home_with_the_head_of_a_body_are_his_visit_and_done() -> None:
    doc = article(
        "Tổng thư ký ASEAN Kao Kim Hourn khẳng định ASEAN sẽ hỗ trợ Việt Nam, khi hội đàm với Chủ tịch nước "
        "Lương Cường.",
        "2025-10-24",
    )
    assert [(e.actor.name, e.location.country, e.status) for e in of_type(doc, "visit")] == [
        ("Kao Kim Hourn", "VN", "reported")
    ]


def test_a_pronoun_after_a_linking_phrase_continues_the_subject_before() -> None:
    doc = article(
        "Thủ tướng Anh Keir Starmer cho biết sẽ công bố kế hoạch mới. Theo đó, ông sẽ có chuyến công du đến "
        "Ấn Độ từ ngày 8/10 tới đây.",
        "2025-10-01",
    )
    assert [(e.actor.name, e.location.country) for e in of_type(doc, "visit")] == [("Keir Starmer", "IN")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tổng thống Mỹ Donald Trump Tuyên bố trên được đưa ra tại Nhà Trắng.", "Donald Trump"),
        ("Chủ tịch Cuba Miguel Díaz-Canel Bermúdez đã tới Hà Nội.", "Miguel Díaz-Canel Bermúdez"),
    ],
)
def test_a_known_name_run_into_the_next_sentence_ends_where_it_is_known(text: str, name: str) -> None:
    doc = article(text, "2025-05-13")
    assert [m.key for m in doc.mentions if m.label == "PERSON"] == [name]


def test_a_known_name_with_a_further_name_of_its_own_keeps_it() -> None:
    doc = article(
        "Tổng thống Chile Michelle Bachelet Jeria rời Hà Nội đi Đà Nẵng vào tối cùng ngày.", "2017-11-08"
    )
    assert [m.key for m in doc.mentions if m.label == "PERSON"] == ["Michelle Bachelet Jeria"]
