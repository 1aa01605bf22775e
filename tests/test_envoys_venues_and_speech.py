"""Who is where when a sentence names a sender, a venue, a country said again, or what was said
(issue 9, sixth session), on sentences written for these tests (never copied from a reference set)."""

from __future__ import annotations

from builders import article, of_type
from sukien.doc import Doc
from sukien.link import link
from sukien.understand.people import find_people


def item(text: str, published: str | None = "2025-05-20") -> Doc:
    return article(text, published)


def test_an_envoy_received_abroad_is_the_one_who_meets() -> None:
    doc = item(
        "Tổng thống Pháp Jean Lemaire chiều nay tiếp ông Trần Văn Hải, đặc phái viên của Chủ tịch nước "
        "Lê Văn Bình, tại Paris."
    )
    meetings = [
        (e.actor.name, e.actor.country, [p.name for p in e.counterparts]) for e in of_type(doc, "meet")
    ]
    assert meetings == [("Trần Văn Hải", "VN", ["Jean Lemaire"])]


def test_the_leader_who_sends_an_envoy_does_not_travel() -> None:
    doc = item(
        "Tổng thống Pháp Jean Lemaire chiều nay tiếp ông Trần Văn Hải, đặc phái viên của Chủ tịch nước "
        "Lê Văn Bình, tại Paris."
    )
    assert [t.actor.name for t in link(doc.events)] == ["Trần Văn Hải"]


def test_a_visit_whose_owner_ends_a_long_phrase_with_sap_toi_is_planned() -> None:
    doc = item(
        "Việt Nam hoan nghênh chuyến thăm cấp nhà nước đến Việt Nam và tham dự Hội nghị Cấp cao ASEAN sắp "
        "tới của Tổng thống Indonesia Joko Widodo."
    )
    found = sorted((e.type, e.actor.name, e.status) for e in doc.events if e.type in ("visit", "attend"))
    assert found == [("attend", "Joko Widodo", "planned"), ("visit", "Joko Widodo", "planned")]


def test_a_meeting_name_stops_before_a_day_and_sap_toi() -> None:
    doc = item("Bộ trưởng Quốc phòng Nhật Bản Nakatani Gen phát biểu tại Đối thoại Shangri-La hôm 3/6.")
    assert [e.occasion.name for e in of_type(doc, "attend") if e.occasion] == ["Đối thoại Shangri-La"]


def test_quoc_gia_nay_after_a_journey_is_the_country_named_before() -> None:
    doc = item(
        "Hoàng tử Nhật Bản Hisahito mặc trang phục truyền thống của Campuchia trong chuyến công du "
        "nước ngoài đầu tiên tới quốc gia này."
    )
    assert [(e.actor.name, e.location.country) for e in of_type(doc, "visit")] == [("Hisahito", "KH")]


def test_what_a_speaker_says_of_another_place_is_not_where_he_spoke() -> None:
    doc = item(
        "Phát biểu sau bế mạc hội nghị tại Singapore, Bộ trưởng Quốc phòng Singapore Lim Boon Keng nhấn mạnh "
        "các nước cam kết giúp Manila chống khủng bố ở Marawi."
    )
    assert [e.location.country for e in doc.events if e.location.country == "PH"] == []


def test_a_party_no_list_knows_is_named_up_to_its_country() -> None:
    people = find_people("Thủ tướng tiếp Chủ tịch Đảng Nông dân Hungary Istvan Kovacs tại Hà Nội.")
    assert [(p.key, p.get("country"), p.get("org")) for p in people if p.label == "PERSON"] == [
        ("Istvan Kovacs", "HU", "Nông dân Hungary")
    ]


def test_dang_o_tham_states_a_journey_under_way() -> None:
    doc = item(
        "Ông Park Min-ho, Tổng Công tố Hàn Quốc, ngày 9/7 đón Bộ trưởng Bộ Công an Việt Nam Lê Văn Bình đang "
        "ở thăm Hàn Quốc.",
        published="2025-07-10",
    )
    assert [(t.actor.name, t.legs[0].country, t.status) for t in link(doc.events)] == [
        ("Lê Văn Bình", "KR", "ongoing")
    ]


def test_talks_at_a_venue_are_in_its_country_with_no_city_the_text_does_not_write() -> None:
    doc = item(
        "Thủ tướng Nhật Bản Fumio Kishida và Tổng thống Mỹ Joe Biden đã hội đàm tại Nhà Trắng ngày 10/4."
    )
    assert [(t.actor.country, t.legs[0].country, t.legs[0].city) for t in link(doc.events)] == [
        ("JP", "US", None)
    ]


def test_a_venue_that_speaks_is_no_place() -> None:
    doc = item("Nhà Trắng cho biết Thủ tướng Nhật Bản Fumio Kishida đã hội đàm với Tổng thống Joe Biden.")
    assert [e.location.country for e in of_type(doc, "meet")] == [None]


def test_a_related_headline_in_brackets_inside_a_paragraph_is_cut() -> None:
    doc = item(
        "Đại sứ quán tổ chức chiêu đãi kỷ niệm quan hệ ngoại giao hai nước tối 22/6.  [Thủ tướng Lê Văn Bình "
        "hội đàm với Thủ tướng Lào]  Nhân dịp này, Đại sứ bày tỏ lòng biết ơn."
    )
    assert "[" not in doc.text
    assert doc.events == []


def test_a_vague_meeting_takes_the_edition_the_sentence_opens_with() -> None:
    doc = item(
        "Chiều 20/5, trong khuôn khổ Hội nghị Cấp cao ASEAN lần thứ 42 và các hội nghị liên quan, Thủ "
        "tướng Lê Văn Bình tham dự phiên đối thoại với Hội đồng Tư vấn Kinh doanh ASEAN.",
        published="2023-05-20",
    )
    assert [(e.occasion.series, e.occasion.number) for e in of_type(doc, "attend") if e.occasion] == [
        ("ASEAN", 42)
    ]


def test_a_visit_phrase_run_on_by_a_second_predicate_keeps_its_owner() -> None:
    doc = item(
        "Thứ trưởng Ngoại giao Lê Văn An khẳng định, chuyến thăm chính thức Malaysia và đồng chủ trì Đối "
        "thoại Chiến lược Việt Nam - Malaysia của Thường trực Ban Bí thư Nguyễn Văn Nam có ý nghĩa quan "
        "trọng."
    )
    assert [(e.actor.name, e.location.country) for e in of_type(doc, "visit")] == [("Nguyễn Văn Nam", "MY")]


def test_a_commitment_made_at_a_summit_puts_its_maker_there() -> None:
    doc = item("Cam kết được Tổng thống Mỹ Joe Biden đưa ra tại Hội nghị thượng đỉnh G20 tại Rome, Italy.")
    assert [(e.occasion.series, e.location.country) for e in of_type(doc, "attend") if e.occasion] == [
        ("G20", "IT")
    ]


def test_two_leaders_before_a_meeting_are_its_two_sides_and_a_later_clause_is_not_its_place() -> None:
    doc = item(
        "Tổng thống Nga Vladimir Putin và Tổng thống Mỹ Joe Biden chuẩn bị có cuộc gặp thượng đỉnh và Mỹ "
        "sẽ phải xác định lập trường của mình tại Ukraine."
    )
    meetings = [
        (e.actor.name, [p.name for p in e.counterparts], e.location.country) for e in of_type(doc, "meet")
    ]
    assert meetings == [("Vladimir Putin", ["Joe Biden"], None)]  # the first named is the actor


def test_dang_o_a_country_is_a_journey_under_way_even_undated() -> None:
    doc = item("Trong khi Thủ tướng Israel Benjamin Netanyahu đang ở Nga, hai bên bàn về tình hình Syria.")
    assert [(t.legs[0].country, t.status) for t in link(doc.events)] == [("RU", "ongoing")]


def test_dang_o_at_home_or_at_a_level_is_no_journey() -> None:
    doc = item(
        "Thủ tướng Nhật Bản Fumio Kishida đang ở Tokyo. Tổng thống Mỹ Joe Biden đang ở mức ủng hộ thấp nhất."
    )
    assert link(doc.events) == []
