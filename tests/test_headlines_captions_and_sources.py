"""A journey a headline states firmly, a meeting placed by the sentence after it, a caption's pair,
a report's source, and a host who welcomes the guests to a summit: the twenty-first session's third
round of rules for issue 9, on sentences written for these tests (never copied from a reference set)."""

from __future__ import annotations

from builders import article, journeys, met_pairs, of_type
from sukien.link import link


def trips_of(
    text: str, published: str | None = None, title: str | None = None
) -> list[tuple[str, list[str]]]:
    doc = article(text, published, title=title)
    return [(t.actor.name, sorted(leg.country for leg in t.legs)) for t in link(doc.events)]


def test_a_journey_the_headline_states_makes_the_leads_weak_words_a_trip() -> None:
    assert trips_of(
        "Trong ba ngày, Thủ tướng Nguyễn Xuân Phúc tham dự nhiều hoạt động tại Paris.",
        title="Lịch trình bận rộn trong chuyến đi Pháp của Thủ tướng Nguyễn Xuân Phúc",
    ) == [("Nguyễn Xuân Phúc", ["FR"])]


def test_a_journey_named_chuyen_di_with_its_owner_is_firm() -> None:
    assert trips_of("Chuyến đi của ông Tập Cận Bình tới Italy là chuyến thăm đầu tiên sau 10 năm.") == [
        ("Tập Cận Bình", ["IT"])
    ]


def test_cities_listed_after_tai_are_each_a_leg() -> None:
    doc = article("Thủ tướng Nguyễn Xuân Phúc tham dự nhiều hoạt động tại New York và Washington DC.", None)
    assert {city for _n, _c, city in journeys(doc)} == {"New York", "Washington DC"}


def test_a_meeting_named_again_by_the_next_sentence_is_placed_there() -> None:
    doc = article(
        "Tổng thống Pháp Emmanuel Macron sẽ có buổi đối thoại cùng Thủ tướng Ấn Độ Narendra Modi. Buổi gặp "
        "này dự kiến diễn ra trong bữa tối bên lề Hội nghị G7 tổ chức tại Biarritz, Pháp.",
        None,
    )
    assert {(e.actor.name, e.location.city) for e in of_type(doc, "meet")} == {
        ("Emmanuel Macron", "Biarritz")
    }


def test_a_press_conference_after_a_summit_places_its_speaker() -> None:
    doc = article(
        "Tổng thống Pháp Emmanuel Macron cho biết trong họp báo sau hội nghị thượng đỉnh G20 ở Hamburg, Đức.",
        None,
    )
    assert {(e.actor.name, e.location.city) for e in of_type(doc, "speak")} == {
        ("Emmanuel Macron", "Hamburg")
    }


def test_a_captions_pair_with_an_unbracketed_position_meets() -> None:
    doc = article("Thủ tướng Canada Trudeau, trái và Thủ tướng Ấn Độ Modi gặp tại G 20.", None)
    assert met_pairs(doc) == {("Trudeau", "Modi")}


def test_a_high_representative_after_the_bodys_acronym_is_met_and_travels() -> None:
    doc = article(
        "Sáng 5/3/2025, Chủ tịch nước Lương Cường đã tiếp Phó Chủ tịch Ủy ban Châu Âu (EC), Đại diện cấp "
        "cao của Liên minh Châu Âu (EU) về Chính sách đối ngoại và an ninh, bà Kaja Kallas, đang thăm "
        "chính thức Việt Nam.",
        "2025-03-05",
    )
    assert met_pairs(doc) == {("Lương Cường", "Kaja Kallas")}
    roles = {m.key: dict(m.data)["roles"] for m in doc.mentions if m.label == "PERSON"}
    assert roles["Kaja Kallas"] == ("Phó Chủ tịch", "Đại diện cấp cao")


def test_the_guests_a_host_welcomes_to_a_summit_attend_it() -> None:
    doc = article(
        "Sáng 26/10/2025, Thủ tướng Malaysia Anwar Ibrahim đã chào đón Thủ tướng Phạm Minh Chính và lãnh "
        "đạo các nước ASEAN tham dự Hội nghị Cấp cao ASEAN 47 tại Kuala Lumpur.",
        "2025-10-26",
    )
    assert ("Phạm Minh Chính", "MY", "Kuala Lumpur") in journeys(doc)


def test_the_source_of_a_report_does_not_travel() -> None:
    doc = article(
        "Theo lời ông Lindsey Graham, sau chuyến thăm tới Afghanistan, Tổng thống Mỹ Donald Trump đã "
        "hiểu hơn.",
        None,
    )
    assert {name for name, _c, _city in journeys(doc)} == {"Donald Trump"}


def test_talks_a_headline_tells_with_no_place_are_kept() -> None:
    doc = article(
        "Nhận lời mời của Chủ tịch nước Lương Cường, Tổng thống Áo Alexander Van der Bellen thăm chính thức "
        "Việt Nam từ ngày 3-5/6/2025.",
        "2025-06-04",
        title="Chủ tịch nước Lương Cường hội đàm với Tổng thống Áo",
    )
    assert met_pairs(doc) == {("Lương Cường", "Alexander Van der Bellen")}


def test_what_the_sentence_naming_a_meeting_again_talks_of_does_not_place_it() -> None:
    doc = article(
        "Bên lề Hội nghị G20, Tổng thống Pháp Emmanuel Macron đã có cuộc gặp với Thủ tướng Canada Justin "
        "Trudeau. Cuộc gặp này diễn ra trong bối cảnh nhóm G7 (gồm Italy, Nhật Bản) chia rẽ.",
        None,
    )
    assert {e.location.country for e in of_type(doc, "meet")} == {None}


def test_a_journey_of_ong_after_a_clause_put_first_is_the_main_subjects() -> None:
    doc = article(
        "Phát biểu trong cuộc họp báo sau hội đàm tại Tokyo ngày 8-7, Ngoại trưởng Mỹ Mike Pompeo khẳng định "
        "chuyến đi của ông tới Bình Nhưỡng đã đạt được tiến triển.",
        None,
    )
    assert ("Mike Pompeo", "KP", "Bình Nhưỡng") in journeys(doc)


def test_a_goal_year_in_a_summits_capitalised_name_is_not_its_edition() -> None:
    doc = article(
        "Chiều 16/4/2025, Thủ tướng Đan Mạch Mette Frederiksen tham dự Hội nghị thượng đỉnh Diễn đàn Đối "
        "tác vì Tăng trưởng Xanh và Mục tiêu toàn cầu 2030 lần thứ tư (P4G) tại Hà Nội.",
        "2025-04-16",
    )
    assert {(e.occasion.number, e.occasion.year) for e in of_type(doc, "attend") if e.occasion} == {(4, 2025)}
