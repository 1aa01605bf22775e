"""Whose title a name after a comma holds when the title is of someone the person serves, and when a
bare title after a comma opens the next clause: the twenty-first session's rules for issue 9, on
sentences written for these tests (never copied from a reference set)."""

from __future__ import annotations

import pytest

from builders import article, journeys, met_pairs, of_type
from sukien.doc import Doc
from sukien.link import link


def roles_of(doc: Doc) -> dict[str, tuple[str, ...]]:
    return {m.key: dict(m.data)["roles"] for m in doc.mentions if m.label == "PERSON" and m.key}


@pytest.mark.parametrize(
    "aide",
    [
        "Người phát ngôn của Tổng thống Nga, ông Sergei Ivanov,",
        "Trợ lý đối ngoại của Tổng thống Nga, ông Sergei Ivanov,",
        "Cố vấn an ninh quốc gia của Tổng thống Mỹ, ông Sergei Ivanov,",
        "Luật sư riêng của Tổng thống Mỹ, ông Sergei Ivanov,",
    ],
)
def test_an_aide_named_after_the_title_he_serves_does_not_hold_it(aide: str) -> None:
    doc = article(f"Ngày 5/7/2018, {aide} cho biết hai bên đang chuẩn bị.", "2018-07-05")
    assert "Tổng thống" not in roles_of(doc).get("Sergei Ivanov", ())


def test_an_invitation_of_a_title_still_names_its_holder() -> None:
    doc = article("Theo lời mời của Chủ tịch Diễn đàn, ông Peter Brandt, đoàn sẽ sang Đức.", "2018-07-05")
    assert roles_of(doc).get("Peter Brandt") == ("Chủ tịch",)


@pytest.mark.parametrize("verb", ["sẽ thăm", "đã thăm", "lên đường thăm"])
def test_a_bare_title_after_the_inviter_is_the_next_clause_subject(verb: str) -> None:
    doc = article(
        f"Nhận lời mời của Tổng thống Indonesia Prabowo Subianto, Chủ tịch nước {verb} cấp Nhà nước "
        "Indonesia từ ngày 9-11/3.",
        "2025-03-01",
    )
    assert journeys(doc) == {("Lương Cường", "ID", None)}
    assert roles_of(doc)["Prabowo Subianto"] == ("Tổng thống",)


# -- who travels: a committee chair, a delegation, a guest named with a degree or a gloss -----------


def test_a_foreign_committee_chairman_leads_his_delegation_to_viet_nam() -> None:
    doc = article(
        "Ngày 12/3/2018, tại Hà Nội, Chủ tịch Quốc hội Nguyễn Thị Kim Ngân đã tiếp Đoàn do Chủ nhiệm Ủy "
        "ban Đối ngoại Thượng viện Australia Peter Carlson làm Trưởng đoàn.",
        "2018-03-12",
    )
    assert met_pairs(doc) == {("Nguyễn Thị Kim Ngân", "Peter Carlson")}
    assert journeys(doc) == {("Peter Carlson", "VN", "Hà Nội")}


def test_a_delegations_visit_is_no_journey_of_its_host() -> None:
    doc = article(
        "Ngày 12/3/2018, Phó Chủ tịch Quốc hội Uông Chu Lưu tin tưởng chuyến thăm của Đoàn sẽ góp phần "
        "thúc đẩy quan hệ giữa Việt Nam và Australia.",
        "2018-03-12",
    )
    assert journeys(doc) == set()


def test_a_delegation_led_by_a_leader_is_his_visit() -> None:
    doc = article(
        "Ngày 12/3/2018, trong chuyến thăm Pháp của Đoàn đại biểu cấp cao Việt Nam do Chủ tịch Quốc hội "
        "Nguyễn Thị Kim Ngân dẫn đầu, hai bên đã ký bản ghi nhớ.",
        "2018-03-12",
    )
    assert journeys(doc) == {("Nguyễn Thị Kim Ngân", "FR", None)}


@pytest.mark.parametrize("degree", ["Giáo sư", "Tiến sĩ", "PGS.TS"])
def test_a_guest_named_after_an_academic_degree_takes_his_titles(degree: str) -> None:
    doc = article(
        f"Chiều 4/6/2025, Bộ trưởng Ngoại giao Lê Hoài Trung đã hội đàm với {degree} Amadou Diallo, Bộ "
        "trưởng Ngoại giao Cộng hòa Senegal đang thăm chính thức Việt Nam.",
        "2025-06-04",
    )
    assert journeys(doc) == {("Amadou Diallo", "VN", None)}


def test_portfolios_listed_with_commas_lead_to_the_ministers_country() -> None:
    doc = article(
        "Chiều 4/6/2025, Bộ trưởng Ngoại giao Lê Hoài Trung đã hội đàm với ông Amadou Diallo, Bộ trưởng "
        "Ngoại giao, Hợp tác và Người Senegal ở nước ngoài Cộng hòa Senegal đang thăm Việt Nam.",
        "2025-06-04",
    )
    people = {m.key: dict(m.data) for m in doc.mentions if m.label == "PERSON"}
    assert people["Amadou Diallo"]["country"] == "SN"
    assert people["Amadou Diallo"]["roles"] == ("Bộ trưởng Ngoại giao",)


def test_a_bracketed_reading_between_name_and_titles_keeps_the_titles() -> None:
    doc = article(
        "Ngày 3/9/2025, Bộ Ngoại giao Lào cho biết ông Liu Jinsong (Lưu Kính Tùng), Đặc phái viên Trung "
        "Quốc về các vấn đề biên giới, đã tới Vientiane.",
        "2025-09-03",
    )
    assert journeys(doc) == {("Liu Jinsong", "LA", "Vientiane")}


def test_a_book_owner_named_before_someone_elses_journey_does_not_travel() -> None:
    doc = article(
        "Ca sĩ Mỹ Peter Blake đã tặng nhà lãnh đạo Cuba Miguel Díaz-Canel một đĩa nhạc của Tổng thống Mỹ "
        "Barack Obama, trong chuyến đi đến La Habana.",
        None,
    )
    assert journeys(doc) == set()


@pytest.mark.parametrize(
    "opening", ["Khi đang làm việc tại", "Khi đang còn làm việc tại", "Trong khi dự hội nghị tại"]
)
def test_a_fronted_time_clause_has_the_main_clauses_subject(opening: str) -> None:
    doc = article(
        f"{opening} Lima (Peru) ngày 16-11-2024, Tổng thống Pháp Emmanuel Macron đã bình luận về tình hình.",
        "2024-11-17",
    )
    assert ("Emmanuel Macron", "PE", "Lima") in journeys(doc)


# -- where: a country left, the relative clause of a summit, the ministers' meeting of a series ---------


def test_a_foreign_country_left_for_the_next_stop_is_a_leg() -> None:
    doc = article(
        "Ngày 12/11/2017, Tổng thống Mỹ Donald Trump đã rời Việt Nam, lên đường tới Philippines.", None
    )
    assert {country for _name, country, _city in journeys(doc)} == {"VN", "PH"}


def test_the_home_country_left_is_no_leg() -> None:
    doc = article(
        "Ngày 12/11/2017, Thủ tướng Nguyễn Xuân Phúc đã rời Việt Nam, lên đường tới Philippines.", None
    )
    assert {country for _name, country, _city in journeys(doc)} == {"PH"}


def test_what_a_relative_clause_names_does_not_place_the_summit() -> None:
    doc = article(
        "Ngày 8/7/2017, Thủ tướng Ấn Độ Narendra Modi tới Đức tham dự hội nghị G20, nơi các lãnh đạo thảo "
        "luận mà không có sự tham dự của Nga.",
        None,
    )
    assert {(e.location.country) for e in of_type(doc, "attend")} == {"DE"}


def test_the_ministers_meeting_of_a_series_does_not_place_its_summit() -> None:
    doc = article(
        "Tổng thống Pháp Emmanuel Macron tham dự hội nghị thượng đỉnh G7. Hồi tháng 4, hội nghị các ngoại "
        "trưởng G7 diễn ra ở Lucca, Italy.",
        None,
    )
    assert {e.location.city for e in of_type(doc, "attend")} == {None}


def test_a_demand_to_cancel_a_visit_leaves_it_planned() -> None:
    doc = article(
        "Hàng chục nghìn người đã ký đơn đòi hủy chuyến thăm của Tổng thống Mỹ Donald Trump tới Ireland.",
        None,
    )
    assert [(e.actor.name, e.location.country, e.status) for e in of_type(doc, "visit")] == [
        ("Donald Trump", "IE", "planned")
    ]


def test_a_parties_national_secretary_is_met() -> None:
    doc = article(
        "Sáng 7/10/2024, Tổng Bí thư Tô Lâm đã tiếp Bí thư toàn quốc Đảng Cộng sản Pháp Pierre Laurent "
        "tại Paris.",
        "2024-10-07",
    )
    assert met_pairs(doc) == {("Tô Lâm", "Pierre Laurent")}


# -- when: a pair named in an earlier sentence, a piece set weeks before the story ---------------------


STORY = (
    "Tổng thống Pháp Emmanuel Macron và Thủ tướng Ấn Độ Narendra Modi. Phát biểu trong chuyến thăm Nhật "
    "Bản ngày 14/7, Tổng thống Macron cho biết ông sẽ mời Thủ tướng Ấn Độ Narendra Modi thăm Paris. "
    "Trước đó, hai nhà lãnh đạo Pháp và Ấn Độ đã có cuộc gặp tại Đức hồi cuối tuần trước."
)


def test_a_pair_named_before_brings_no_plan_of_that_sentence() -> None:
    doc = article(STORY, None)
    assert {(e.actor.name, e.status) for e in of_type(doc, "meet") if e.location.country == "DE"} == {
        ("Emmanuel Macron", "reported")
    }


def test_a_piece_set_weeks_before_the_story_is_another_journey() -> None:
    doc = article(STORY, None)
    trips = [
        sorted(leg.country for leg in t.legs) for t in link(doc.events) if t.actor.name == "Emmanuel Macron"
    ]
    assert sorted(trips) == [["DE"], ["JP"]]


# -- round 2: a surname after its article, a going that opens the sentence, a summit framing from the end


def test_a_surname_after_its_arabic_article_is_the_person_introduced() -> None:
    doc = article(
        "Tổng thống Syria Bashar al - Assad đã tới Moskva. Tổng thống Assad đã hội đàm với Tổng thống Nga "
        "Vladimir Putin. Assad cảm ơn Nga.",
        None,
    )
    assert {m.key for m in doc.mentions if m.label == "PERSON" and "ssad" in m.text} == {"Bashar al-Assad"}


def test_a_going_that_opens_the_sentence_with_its_purpose_makes_a_trip() -> None:
    doc = article(
        "Đến Seoul sáng nay để bắt đầu hội nghị thượng đỉnh, Chủ tịch Triều Tiên Kim Jong-un mặc bộ đồ đen.",
        None,
    )
    assert [(t.actor.name, t.legs[0].country) for t in link(doc.events)] == [("Kim Jong-un", "KR")]


def test_a_meeting_set_inside_a_summit_from_the_sentences_end_attends_it() -> None:
    doc = article(
        "Thủ tướng Phạm Minh Chính gặp Tổng thống Brazil Lula da Silva và lãnh đạo nhiều nước trong "
        "khuôn khổ hội nghị thượng đỉnh G20.",
        "2024-11-19",
    )
    assert {(e.actor.name, e.location.country, e.occasion.series) for e in of_type(doc, "attend")} == {
        ("Phạm Minh Chính", "BR", "G20")
    }


def test_a_membership_before_the_title_still_names_the_guest() -> None:
    doc = article(
        "Sáng 5/3/2025, Phó Thủ tướng Bùi Thanh Sơn đã tiếp ông Hans Keller, thành viên Hội đồng quản trị, "
        "Giám đốc điều hành của Tập đoàn Siemens (Đức).",
        "2025-03-05",
    )
    assert met_pairs(doc) == {("Bùi Thanh Sơn", "Hans Keller")}


def test_a_tour_listed_after_since_taking_office_takes_every_country() -> None:
    doc = article(
        "Tổng thống Pháp Emmanuel Macron có chuyến công du nước ngoài đầu tiên kể từ khi nhậm chức, bao "
        "gồm Đức, Mali và Maroc.",
        None,
    )
    assert {country for _n, country, _c in journeys(doc)} == {"DE", "ML", "MA"}


def test_the_owner_of_a_stop_right_before_the_journey_is_its_traveller() -> None:
    doc = article(
        "Đức là điểm dừng chân đầu tiên của Tổng thống Pháp Emmanuel Macron trong chuyến công du tới Đức "
        "và Mali.",
        None,
    )
    assert {(name, country) for name, country, _c in journeys(doc)} == {
        ("Emmanuel Macron", "DE"),
        ("Emmanuel Macron", "ML"),
    }


def test_cu_ba_written_in_two_words_is_cuba() -> None:
    doc = article("Chủ tịch Quốc hội Cu Ba Juan Esteban Lazo đã thăm Hà Nội.", None)
    people = {m.key: dict(m.data) for m in doc.mentions if m.label == "PERSON"}
    assert (people["Juan Esteban Lazo"]["country"], people["Juan Esteban Lazo"]["org"]) == ("CU", None)
