"""Speeches at a meeting's session, holders named after their body, ships named after people,
anniversary brackets, weeks told relative to the day, years framed by the sentence and other rules
of the ninth session (issue 9), on sentences written for these tests (never copied from a reference
set)."""

from __future__ import annotations

import pytest

from builders import article, of_type
from sukien.doc import Doc
from sukien.lexicon import gazetteer as gz


def item(text: str, published: str | None = "2025-05-20") -> Doc:
    return article(text, published)


def people(doc: Doc) -> dict[str, tuple[str | None, tuple[str, ...]]]:
    return {m.key: (m.get("country"), m.get("roles")) for m in doc.mentions if m.label == "PERSON" and m.key}


def visits(doc: Doc) -> list[tuple[str, str | None, str | None]]:
    return [(e.actor.name, e.location.country, e.start) for e in of_type(doc, "visit")]


def attendances(doc: Doc) -> list[tuple[str, str | None, str | None, int | None]]:
    return [
        (e.actor.name, e.location.country, e.occasion.series if e.occasion else None,
         e.occasion.year if e.occasion else None)
        for e in of_type(doc, "attend")
    ]  # fmt: skip


# -- speeches ---------------------------------------------------------------------------------------


def test_a_speech_at_a_session_of_a_meeting_attends_the_meeting() -> None:
    doc = item(
        "Thủ tướng Lê Văn Bình phát biểu tại phiên thảo luận chung cấp cao Đại hội đồng Liên hợp quốc "
        "khóa 80 ở New York.",
        "2025-09-25",
    )
    assert attendances(doc) == [("Lê Văn Bình", "US", "UNGA", 2025)]


def test_a_speech_named_by_its_speaker_attends_the_meeting() -> None:
    doc = item(
        "Bài phát biểu của Thủ tướng Lê Văn Bình tại phiên khai mạc Hội nghị Cấp cao ASEAN lần thứ 47.",
        "2025-10-26",
    )
    assert [a[:3] for a in attendances(doc)] == [("Lê Văn Bình", "MY", "ASEAN")]


def test_a_speech_on_a_topic_attends_nothing() -> None:
    doc = item("Thủ tướng Lê Văn Bình phát biểu về tình hình kinh tế tại phiên họp Chính phủ thường kỳ.")
    assert attendances(doc) == []


# -- holders of a title --------------------------------------------------------------------------------


def test_a_holder_named_after_the_body_and_an_honorific_holds_the_title() -> None:
    doc = item(
        "Chiều 20/5, Thủ tướng Lê Văn Bình hội kiến Chủ tịch Hội đồng Lập pháp Quốc gia Campuchia (Thượng "
        "viện), ông Sok Rithy Chan."
    )
    assert people(doc)["Sok Rithy Chan"] == ("KH", ("Chủ tịch",))


def test_a_short_name_after_a_lower_case_title_is_no_holder() -> None:
    doc = item("Trong lần gặp với nhà lãnh đạo Triều Tiên, ông Dawson đã bàn về lịch trình.")
    assert "Dawson" not in people(doc)


def test_a_holder_of_another_country_is_not_given_the_title() -> None:
    doc = item(
        "Ngoại trưởng Mỹ Mark Dawson đã tới Bình Nhưỡng. Tại đây, Chủ tịch Triều Tiên, ông Mark Dawson "
        "được tiếp đón."
    )
    assert people(doc)["Mark Dawson"][0] == "US"


def test_a_title_after_a_name_ending_in_a_body_of_a_country_gives_the_country() -> None:
    doc = item(
        "Sáng 12/5, Thứ trưởng Lê Văn An đã hội đàm với ông Peter Grant, Phó tổng thư ký Quốc phòng Úc, "
        "về hợp tác gìn giữ hòa bình."
    )
    assert people(doc)["Peter Grant"] == ("AU", ("Phó Tổng Thư ký",))


def test_a_deputy_secretary_received_at_a_ministry_at_home_visits_viet_nam() -> None:
    doc = item(
        "Sáng 12/5, tại Bộ Quốc phòng, Thứ trưởng Lê Văn An đã hội đàm với ông Peter Grant, Phó tổng thư ký "
        "Quốc phòng Úc."
    )
    assert visits(doc) == [("Peter Grant", "VN", "2025-05-12")]


# -- ships and groups ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tàu sân bay USS Carl Vinson đã đến Đà Nẵng sáng 5/3.",
        "Nhóm tác chiến tàu sân bay Carl Vinson sẽ thăm cảng Busan, Hàn Quốc từ ngày 5 đến 9/3.",
    ],
)
def test_a_ship_named_after_a_person_travels_as_no_person(text: str) -> None:
    assert of_type(item(text), "visit") == []


def test_a_visit_of_a_naval_group_is_not_its_speakers() -> None:
    doc = item(
        "Bà Lê Thị Hoa, người phát ngôn Bộ Ngoại giao, cho biết chuyến thăm của đoàn tàu hải quân Mỹ thúc "
        "đẩy quan hệ hai nước."
    )
    assert of_type(doc, "visit") == []


# -- dates -------------------------------------------------------------------------------------------------


def test_an_anniversary_bracket_dates_no_visit() -> None:
    doc = item(
        "Chiều 7/8, tại Hà Nội, Thủ tướng Lê Văn Bình tiếp Chủ tịch Quốc hội Thái Lan Somchai Wong nhân dịp "
        "thăm chính thức Việt Nam và dự lễ kỷ niệm 50 năm thiết lập quan hệ ngoại giao hai nước "
        "(6/8/1976 - 6/8/2026).",
        "2026-08-07",
    )
    assert ("Somchai Wong", "VN", "2026-08-07") in visits(doc)


def test_a_day_named_outweighs_a_week_told_relative_to_the_day_of_writing() -> None:
    doc = item(
        "Tổng thống Ukraine Taras Bondar tuần này sẽ có chuyến công du đến Mỹ và gặp Tổng thống Mỹ John Reed "
        "vào ngày 28/7.",
        "2026-07-26",
    )
    assert visits(doc) == [("Taras Bondar", "US", "2026-07-28")]


def test_a_past_year_earlier_in_the_sentence_frames_an_undated_articles_month() -> None:
    doc = item(
        "Hai bên nhất trí đẩy mạnh quan hệ trong năm 2018. Hai bên nhắc lại kết quả trong năm 2017, với "
        "chuyến thăm của Thủ tướng Lê Văn Bình đến Mỹ vào tháng 5.",
        None,
    )
    assert [v[2] for v in visits(doc)] == ["2017-05"]


def test_a_shangri_la_dialogue_after_the_pandemic_has_its_own_year() -> None:
    g = gz.load()
    assert (g.year_for("SHANGRI_LA", 16), g.year_for("SHANGRI_LA", 22)) == (2017, 2025)


# -- lists, relative clauses, landings -----------------------------------------------------------------------


def test_the_last_visit_of_a_long_list_of_predicates_keeps_its_subject() -> None:
    doc = item(
        "Ngày 5/5, Tổng Bí thư Lê Văn Bình và Phu nhân cùng Đoàn đại biểu cấp cao Việt Nam rời Thủ đô Hà "
        "Nội, lên đường thăm cấp Nhà nước Cộng hòa Kazakhstan, thăm cấp Nhà nước Cộng hòa Azerbaijan, thăm "
        "chính thức Liên bang Nga và dự Lễ kỷ niệm 80 năm Ngày Chiến thắng trong chiến tranh Vệ quốc vĩ "
        "đại, thăm cấp Nhà nước Cộng hòa Belarus từ ngày 5 đến ngày 12/5/2025.",
        "2025-05-05",
    )
    assert [v[1] for v in visits(doc)] == ["KZ", "AZ", "RU", "BY"]


def test_a_meeting_just_attended_where_a_clause_names_the_place() -> None:
    doc = item(
        "Chuyên cơ của Tổng thống Mỹ John Reed dự kiến hạ cánh xuống Singapore vào hôm nay, sau 17 giờ bay "
        "từ Quebec, Canada, nơi ông vừa tham dự hội nghị G7.",
        "2018-06-10",
    )
    assert [(e.location.country, e.location.city, e.status) for e in of_type(doc, "attend")] == [
        ("CA", "Quebec", "reported")
    ]


def test_a_plane_landing_is_its_passengers_arrival() -> None:
    doc = item(
        "Chuyên cơ chở Tổng thống Mỹ John Reed đã hạ cánh xuống sân bay quốc tế Nội Bài, Hà Nội tối 8/11."
    )
    assert [(v[0], v[1]) for v in visits(doc)] == [("John Reed", "VN")]


def test_a_partner_summit_is_not_placed_in_the_chairs_country() -> None:
    doc = item(
        "Thủ tướng Lê Văn Bình chiều nay dẫn đầu đoàn đại biểu cấp cao Việt Nam tham dự Hội nghị Cấp cao Đặc "
        "biệt ASEAN - Australia.",
        "2018-03-16",
    )
    assert [a[1] for a in attendances(doc)] in ([None], [])


def test_a_meeting_placed_with_its_year_after_its_acronym_places_its_later_mentions() -> None:
    doc = item(
        "Tiếp tục tham dự Diễn đàn Kinh tế thế giới về ASEAN (WEF ASEAN) năm 2017 tại Phnom Penh, Campuchia, "
        "hôm nay (12/5), Thủ tướng Lê Văn Bình đã dự một phiên thảo luận. Thủ tướng Lê Văn Bình phát biểu "
        "tại phiên bế mạc Hội nghị WEF ASEAN 2017.",
        "2017-05-12",
    )
    assert {a[1] for a in attendances(doc)} == {"KH"}


def test_viet_nam_abbreviated_is_viet_nam() -> None:
    doc = item("Chiều 7/8, Tổng thống Pháp Jean Morel bắt đầu chuyến thăm chính thức VN.", "2026-08-07")
    assert visits(doc) == [("Jean Morel", "VN", "2026-08-07")]


# -- second round: speakers, welcomes, state forms, ceremonies --------------------------------------------


def test_a_speaker_reporting_anothers_journey_does_not_travel() -> None:
    doc = item(
        "Thủ tướng Lê Văn Bình chủ trì cuộc họp. Bộ trưởng Trần Văn Nam cho biết, sau các chuyến thăm Hoa "
        "Kỳ, Nhật Bản, tới đây Thủ tướng sẽ tiếp tục thăm Đức, Hà Lan.",
        None,
    )
    assert {(v[0], v[1]) for v in visits(doc)} == {
        ("Lê Văn Bình", "US"), ("Lê Văn Bình", "JP"), ("Lê Văn Bình", "DE"), ("Lê Văn Bình", "NL")
    }  # fmt: skip


def test_a_speaker_telling_of_his_own_meeting_is_its_actor() -> None:
    doc = item(
        "Ngoại trưởng Nhật Bản Ken Sato cho biết, ông đã có cuộc gặp ngắn với người đồng cấp Triều Tiên Ri "
        "Chol Min tại trụ sở Liên Hợp Quốc."
    )
    assert [e.actor.name for e in of_type(doc, "meet")] == ["Ken Sato"]


def test_the_one_welcomed_abroad_visits_the_place_of_the_welcome() -> None:
    doc = item(
        "Sáng 12/5 theo giờ địa phương, lễ đón Tổng Bí thư Lê Văn Bình được tổ chức trọng thể tại Cung Độc "
        "lập của Belarus.",
        "2025-05-12",
    )
    assert visits(doc) == [("Lê Văn Bình", "BY", "2025-05-12")]


def test_a_welcome_for_a_medal_is_no_visit() -> None:
    doc = item("Lễ đón nhận Huân chương Lao động được tổ chức tại Hà Nội sáng 12/5.", "2025-05-12")
    assert visits(doc) == []


def test_a_short_name_after_the_form_of_its_state_is_the_country() -> None:
    doc = item("Thủ tướng Lê Văn Bình thăm chính thức Cộng hòa Ba Lan, Cộng hòa Czech từ ngày 15-19/1.", None)
    assert [v[1] for v in visits(doc)] == ["PL", "CZ"]


def test_a_party_named_republican_is_no_republic() -> None:
    doc = item("Thượng nghị sĩ Đảng Cộng hòa Mỹ John Hale đã tới Đài Bắc.")
    assert not [m.text for m in doc.mentions if m.label == "COUNTRY" and m.text.startswith("Cộng hòa")]


def test_coming_home_from_a_summit_says_where_the_leader_was() -> None:
    doc = item(
        "Tổng thống Mỹ John Reed tỏ ra vui vẻ sau khi trở về nhà từ Hội nghị thượng đỉnh G20 tại Đức.", None
    )
    assert [a[:3] for a in attendances(doc)] == [("John Reed", "DE", "G20")]


def test_a_plane_touching_down_brings_its_passenger() -> None:
    doc = item("Chuyên cơ của Tổng thống Mỹ John Reed đáp xuống Hamburg, Đức, ngày 6/7.", "2017-07-07")
    assert [(v[0], v[1]) for v in visits(doc)] == [("John Reed", "DE")]


def test_the_two_named_after_between_meet_not_who_spoke_before() -> None:
    doc = item(
        "Tuyên bố của ông Igor Petrov được đưa ra hai tuần trước cuộc gặp giữa Tổng thống Nga Pavel Orlov và "
        "Tổng thống Mỹ John Reed bên lề hội nghị G20 ở Argentina."
    )
    assert [(e.actor.name, [c.name for c in e.counterparts]) for e in of_type(doc, "meet")] == [
        ("Pavel Orlov", ["John Reed"])
    ]


def test_a_foreign_leader_at_a_ceremony_the_sentence_before_placed_attends_there() -> None:
    doc = item(
        "Sáng 24/6, Thành ủy TP Hà Nội đã tổ chức Lễ Kỷ niệm 50 năm quan hệ ngoại giao hai nước. Lễ Kỷ niệm "
        "có sự tham dự của Ngài Heng Samrin - Chủ tịch Quốc hội Vương quốc Campuchia.",
        "2017-06-24",
    )
    assert [(e.actor.name, e.location.country, e.location.city) for e in of_type(doc, "attend")] == [
        ("Heng Samrin", "VN", "Hà Nội")
    ]


def test_a_known_leaders_titles_after_a_dash_are_his() -> None:
    doc = item("Buổi lễ có sự tham dự của Ngài Heng Samrin - Chủ tịch Quốc hội Vương quốc Campuchia.", None)
    assert people(doc)["Heng Samrin"] == ("KH", ("Chủ tịch Quốc hội",))


def test_two_sides_of_a_summit_joined_by_a_dash_are_no_destination() -> None:
    doc = item(
        "Tổng thống Hàn Quốc Park Min nói chuyến thăm Trung Quốc của Chủ tịch Triều Tiên Kim Jong-un là dấu "
        "hiệu hội nghị thượng đỉnh Mỹ - Triều sắp diễn ra."
    )
    assert [(v[0], v[1]) for v in visits(doc)] == [("Kim Jong-un", "CN")]


def test_a_visit_owned_by_an_unnamed_leader_is_not_the_speakers() -> None:
    doc = item(
        "Theo Tổng thống Hàn Quốc Park Min, chuyến thăm Seoul của lãnh đạo Triều Tiên sẽ là bước ngoặt."
    )
    assert visits(doc) == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Tổng thống Nga Pavel Orlov và Tổng thống Mỹ John Reed gặp nhau. Reed và Orlov sẽ tới Lima.",
            "Pavel Orlov",
        ),
        (
            "Tổng thống Mỹ John Reed và Tổng thống Nga Pavel Orlov gặp nhau. Sau đó, ông Reed và Orlov ăn.",
            "Pavel Orlov",
        ),
    ],
)
def test_a_surname_after_a_word_ending_in_an_accented_letter_is_found(text: str, name: str) -> None:
    found = [m for m in item(text).mentions if m.label == "PERSON" and m.key == name]
    assert len(found) == 2


def test_a_surname_naming_a_government_is_no_person() -> None:
    doc = item("Tổng thống Mỹ John Reed phát biểu. Thượng nghị sĩ cảnh báo chính quyền Reed nên cân nhắc.")
    assert [m.start for m in doc.mentions if m.label == "PERSON" and m.key == "John Reed"] == [0]


def test_someone_asked_to_meet_is_not_the_meetings_subject() -> None:
    doc = item(
        "Tổng thống Nga Pavel Orlov được cho là người đề nghị Tổng thống Mỹ John Reed gặp Ngoại trưởng Nga "
        "Ivan Sokolov tại Washington."
    )
    assert [e.actor.name for e in of_type(doc, "meet")] == ["Pavel Orlov"]


def test_emphasising_a_matter_is_no_journey() -> None:
    doc = item("Tổng thống Mỹ John Reed nhấn mạnh đến việc Mexico cần kiểm soát biên giới.")
    assert visits(doc) == []


def test_a_city_written_after_tp_is_the_city() -> None:
    doc = item("Chiều 12/5, Thủ tướng Lào Sonexay Siphandone đã tới TP Đà Nẵng.", "2025-05-12")
    assert [e.location.city for e in of_type(doc, "visit")] == ["Đà Nẵng"]


def test_a_surname_after_a_dash_joined_given_name_is_part_of_the_name() -> None:
    doc = item("Chủ tịch Quốc hội Lê Văn An hội kiến Tổng thống Đức Frank - Walter Brandt tại Hà Nội.")
    assert "Frank-Walter Brandt" in people(doc)


def test_bringing_results_to_a_country_is_no_journey() -> None:
    doc = item("Ngoại trưởng Anh John Hale cho rằng đàm phán sẽ mang đến kết quả tích cực cho cả Anh và EU.")
    assert visits(doc) == []


def test_a_gulf_named_after_a_country_is_not_the_country() -> None:
    doc = item(
        "Hôm 27/7, Tổng thống Nga Pavel Orlov xuất hiện tại vịnh Phần Lan để tham dự buổi lễ tưởng niệm."
    )
    assert "FI" not in {e.location.country for e in doc.events}


def test_places_in_quoted_words_place_no_speech() -> None:
    doc = item(
        'Bên phải chịu trách nhiệm cho các cuộc không kích ở Syria chính là Iran ", Reuters dẫn lời Cố vấn '
        "An ninh Quốc gia Mỹ John Hale phát biểu."
    )
    assert [e.location.country for e in of_type(doc, "speak") if e.location.country] == []


def test_a_fuller_name_after_an_honorific_names_the_person_a_title_introduced() -> None:
    doc = item(
        "Chuyến thăm Việt Nam của Tổng thống Moon kéo dài từ ngày 22 đến 24/3. Ông Moon Jae - in sẽ gặp đội "
        "tuyển bóng đá.",
        None,
    )
    assert {m.key for m in doc.mentions if m.label in ("PERSON", "TITLE") and m.key} == {"Moon Jae-in"}
