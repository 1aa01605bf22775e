"""Two leaders as one subject of a meeting, meetings named to tell a time, background clauses,
meetings named by an acronym in brackets, names written in both orders, titles listed before a
name, and the other rules of the tenth session (issue 9), on sentences written for these tests
(never copied from a reference set)."""

from __future__ import annotations

import pytest

from builders import article, of_type
from sukien.doc import Doc


def meetings(doc: Doc) -> list[tuple[str, tuple[str, ...], str | None, str | None]]:
    return [
        (e.actor.name, tuple(p.name for p in e.counterparts), e.location.country, e.location.city)
        for e in of_type(doc, "meet")
    ]


def people(doc: Doc) -> dict[str, tuple[str, ...]]:
    return {m.key: tuple(m.get("roles") or ()) for m in doc.mentions if m.label == "PERSON" and m.key}


# -- two leaders before their meeting verb -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tổng thống Pháp Emmanuel Macron và Thủ tướng Canada Justin Trudeau ngày 9/6 có cuộc gặp tại "
        "Quebec, Canada.",
        "Tổng thống Pháp Emmanuel Macron và người đồng cấp Canada Justin Trudeau chiều qua đã gặp nhau "
        "tại Quebec, Canada.",
    ],
)
def test_the_first_of_two_leaders_before_a_meeting_with_a_date_between_is_its_actor(text: str) -> None:
    doc = article(text, "2018-06-10")
    assert meetings(doc) == [("Emmanuel Macron", ("Justin Trudeau",), "CA", "Quebec")]


def test_two_foreign_leaders_meeting_at_a_summit_abroad_both_travel_there() -> None:
    doc = article(
        "Thủ tướng Ấn Độ Narendra Modi và người đồng cấp Nhật Bản Shinzo Abe ngày 8/7 có cuộc gặp "
        "bên lề hội nghị thượng đỉnh G20 tại Hamburg, Đức.",
        "2017-07-09",
    )
    travellers = {e.actor.name: e.location.country for e in doc.events if e.location.country == "DE"}
    assert travellers == {"Narendra Modi": "DE", "Shinzo Abe": "DE"}


def test_a_summit_named_after_several_words_frames_the_meeting() -> None:
    doc = article(
        "Thủ tướng Ấn Độ Narendra Modi ngày 8/7 gặp Thủ tướng Nhật Bản Shinzo Abe bên lề hội nghị "
        "thượng đỉnh G20 tại Hamburg, Đức.",
        "2017-07-09",
    )
    occasions = {(e.occasion.series, e.occasion.year) for e in of_type(doc, "meet") if e.occasion}
    assert occasions == {("G20", 2017)}


# -- a meeting named to tell a time --------------------------------------------------------------------


def test_a_meeting_named_only_as_a_time_is_not_the_speakers_meeting() -> None:
    doc = article(
        "Ngoại trưởng Pháp Jean-Yves Le Drian không lâu sau cuộc gặp thông báo với báo giới rằng Tổng "
        "thống Donald Trump đã đồng ý với đề xuất về thương mại ở Mỹ.",
        "2018-06-10",
    )
    assert meetings(doc) == []


def test_a_meeting_after_which_someone_speaks_with_its_counterpart_named_is_kept() -> None:
    doc = article(
        "Ngoại trưởng Pháp Jean-Yves Le Drian phát biểu sau cuộc gặp với Ngoại trưởng Đức Heiko Maas "
        "tại Berlin, Đức.",
        "2018-06-10",
    )
    assert [m[:2] for m in meetings(doc)] == [("Jean-Yves Le Drian", ("Heiko Maas",))]


# -- what a background clause says ---------------------------------------------------------------------


def test_the_days_of_a_background_clause_do_not_date_the_event() -> None:
    doc = article(
        "Thủ tướng Úc Malcolm Turnbull đến dự APEC ở Việt Nam trong bối cảnh nhiều người chờ đợi, sau "
        "hai lần ông phải hoãn chuyến công tác hôm 2/11 và hôm 5/11.",
        None,
    )
    days = {e.day_month for e in doc.events if e.actor.name == "Malcolm Turnbull"}
    assert days == {None}


def test_a_meeting_told_in_a_background_clause_is_not_placed_by_the_main_clause() -> None:
    doc = article(
        "Thủ tướng Úc Malcolm Turnbull đến dự APEC ở Việt Nam, sau khi tiếp Thủ tướng New Zealand "
        "Jacinda Ardern tại văn phòng của ông.",
        "2017-11-10",
    )
    assert [e.actor.name for e in of_type(doc, "visit")] == ["Malcolm Turnbull"]


# -- a speech placed by "tuyên bố tại" -----------------------------------------------------------------


def test_a_statement_made_in_a_named_country_places_the_speaker_there() -> None:
    doc = article(
        "Tổng thống Pháp Emmanuel Macron hôm 6/7 tuyên bố tại Ba Lan rằng châu Âu cần đoàn kết.", "2017-07-07"
    )
    assert [(e.actor.name, e.location.country) for e in of_type(doc, "speak")] == [("Emmanuel Macron", "PL")]


def test_a_statement_about_a_place_places_no_speech() -> None:
    doc = article(
        "Tổng thống Pháp Emmanuel Macron tuyên bố rằng tình hình tại Ba Lan rất đáng lo ngại.", "2017-07-07"
    )
    assert of_type(doc, "speak") == []


# -- meetings named by their acronym in brackets -------------------------------------------------------


def test_a_meeting_whose_name_is_unknown_takes_the_series_of_its_acronym_in_brackets() -> None:
    doc = article(
        "Thủ tướng Lê Văn Bình lên đường dự Hội nghị các Nhà lãnh đạo Nhóm các nền kinh tế mới nổi "
        "(BRICS) mở rộng tại Rio de Janeiro, Brazil từ ngày 6-7/7/2025.",
        "2025-07-05",
    )
    occasions = {(e.occasion.series, e.occasion.year) for e in of_type(doc, "attend") if e.occasion}
    assert occasions == {("BRICS", 2025)}


def test_a_numbered_lower_case_meeting_of_a_named_body_is_a_recurring_meeting() -> None:
    doc = article(
        "Phó Thủ tướng Lê Văn Bình sẽ tham dự cuộc họp Ủy ban hỗn hợp hợp tác song phương lần thứ 12 "
        "tại Viêng Chăn, Lào ngày 3/3/2025.",
        "2025-03-01",
    )
    numbers = {e.occasion.number for e in of_type(doc, "attend") if e.occasion and e.occasion.series}
    assert numbers == {12}


# -- names and roles -----------------------------------------------------------------------------------


def test_a_name_written_in_both_orders_is_one_person_named_as_first_written() -> None:
    doc = article(
        "Ngày 3/5, Thủ tướng Lê Văn Bình tiếp ông Tanaka Hiroshi, Thống đốc tỉnh Aichi (Nhật Bản). "
        "Ông Hiroshi Tanaka, Thống đốc tỉnh Aichi, đang thăm và làm việc tại Việt Nam.",
        "2025-05-04",
    )
    assert "Hiroshi Tanaka" not in people(doc)
    assert [e.actor.name for e in of_type(doc, "visit")] == ["Tanaka Hiroshi"]


def test_a_title_with_an_unknown_body_listed_before_another_title_is_the_same_persons() -> None:
    doc = article(
        "Chủ tịch nước Trần Văn Nam hội kiến Chủ tịch Quốc hội Chính quyền Nhân dân, Chủ tịch Hội đồng "
        "Nhà nước Cuba Juan Esteban Lazo đang thăm Việt Nam.",
        "2025-06-03",
    )
    assert people(doc)["Juan Esteban Lazo"] == ("Chủ tịch Quốc hội", "Chủ tịch Hội đồng Nhà nước")


# -- a state banquet is given at home ------------------------------------------------------------------


@pytest.mark.parametrize(
    "host",
    [
        "của Chủ tịch Trung Quốc Tập Cận Bình",
        "của Chủ tịch Trung Quốc T.C.Bình",
        "do Chủ tịch Trung Quốc chủ trì",
    ],
)
def test_a_leader_at_a_banquet_given_by_a_foreign_head_of_state_is_in_that_country(host: str) -> None:
    doc = article(
        f"Tối 3/9, nhân dịp tham dự Chiêu đãi trọng thể các đoàn quốc tế {host}, Thủ tướng Lê Văn Bình "
        "đã có các cuộc tiếp xúc song phương với Tổng thống Nga Vladimir Putin.",
        "2025-09-04",
    )
    assert {e.location.country for e in doc.events if e.actor.name == "Lê Văn Bình"} == {"CN"}


def test_a_banquet_given_by_an_embassy_places_no_one_abroad() -> None:
    doc = article(
        "Tối 3/9, Phó Thủ tướng Lê Văn Bình tham dự Chiêu đãi của Đại sứ quán Trung Quốc nhân dịp Quốc "
        "khánh.",
        "2025-09-04",
    )
    assert [e for e in doc.events if e.location.country == "CN"] == []


# -- the tenth session's second round ------------------------------------------------------------------


def test_a_leader_after_a_welcome_and_a_comma_is_the_subject_of_the_talks_abroad() -> None:
    doc = article(
        "Sáng 10/3/2025, tại Phủ Thủ tướng Hà Lan, sau nghi thức chào đón trọng thể, Thủ tướng Lê Văn "
        "Bình đã hội đàm với Thủ tướng Hà Lan Dick Schoof.",
        "2025-03-10",
    )
    assert [m[:3] for m in meetings(doc)] == [("Lê Văn Bình", ("Dick Schoof",), "NL")]


def test_a_negation_in_what_the_actor_speaks_of_does_not_unmake_the_visit() -> None:
    doc = article(
        "Tổng thống Pháp Emmanuel Macron đã phản đối việc Mỹ yêu cầu châu Âu không mua khí đốt trong "
        "chuyến thăm mới nhất đến thủ đô Bắc Kinh.",
        "2025-12-05",
    )
    assert [(e.actor.name, e.location.country) for e in of_type(doc, "visit")] == [("Emmanuel Macron", "CN")]


def test_the_actors_own_negation_still_unmakes_the_visit() -> None:
    doc = article("Tổng thống Pháp Emmanuel Macron cho biết ông sẽ không sang Trung Quốc.", "2025-12-05")
    assert of_type(doc, "visit") == []


def test_a_long_foreign_surname_after_an_honorific_names_the_one_leader_holding_it() -> None:
    doc = article("Ông Lukashenko đã tới Bình Nhưỡng, Triều Tiên hôm 25/3.", "2026-03-27")
    assert [(e.actor.name, e.actor.country) for e in of_type(doc, "visit")] == [
        ("Alexander Lukashenko", "BY")
    ]


def test_a_short_surname_after_an_honorific_names_no_one() -> None:
    doc = article("Ông Kim đã tới Bình Nhưỡng hôm 25/3.", "2026-03-27")
    assert of_type(doc, "visit") == []


def test_an_assault_rifle_is_no_attack_that_unmakes_a_visit() -> None:
    doc = article(
        "Ông Lukashenko tặng một khẩu súng trường tấn công cho chủ nhà nhân chuyến thăm tới Triều Tiên.",
        "2026-03-27",
    )
    assert [e.location.country for e in of_type(doc, "visit")] == ["KP"]


def test_a_journey_its_subject_plans_is_stated_firmly_without_a_date() -> None:
    doc = article("Thủ tướng Israel Benjamin Netanyahu dự định tới Nga vào tuần tới.", None)
    assert [(e.location.country, e.status, e.firm) for e in of_type(doc, "visit")] == [
        ("RU", "planned", True)
    ]


def test_a_meeting_named_after_a_foreign_city_is_held_there() -> None:
    doc = article(
        "Trong thời gian tham dự Diễn đàn Kinh tế Quốc tế Saint-Petersburg lần thứ 29 từ ngày 17 đến 20/6, "
        "Phó Thủ tướng Lê Văn Bình đã tiếp lãnh đạo một số tập đoàn của Nga.",
        "2026-06-21",
    )
    places = [(e.location.country, e.location.city) for e in of_type(doc, "attend")]
    assert places == [("RU", "Saint-Petersburg")]


# -- the tenth session's third round -------------------------------------------------------------------


def test_the_activities_framed_by_a_summit_put_the_leader_at_it() -> None:
    doc = article(
        "Ngày 19/11 (theo giờ địa phương), tiếp tục các hoạt động trong khuôn khổ Hội nghị Thượng đỉnh "
        "G20 tại Brazil, Thủ tướng Lê Văn Bình đã có 7 cuộc tiếp xúc song phương với lãnh đạo các nước.",
        "2024-11-20",
    )
    attended = [
        (e.actor.name, e.location.country, e.occasion.series) for e in of_type(doc, "attend") if e.occasion
    ]
    assert attended == [("Lê Văn Bình", "BR", "G20")]


def test_guests_met_at_a_foreign_hosts_home_travel_there() -> None:
    doc = article(
        "Ngoại trưởng Mỹ Mike Pompeo hôm nay sẽ đối thoại an ninh và ngoại giao với Ngoại trưởng Nhật Bản "
        "Taro Kono tại Washington.",
        "2018-11-09",
    )
    assert [(e.actor.name, e.location.country) for e in of_type(doc, "visit")] == [("Taro Kono", "US")]


def test_a_leader_witnessing_a_ceremony_told_in_the_article_is_at_it() -> None:
    doc = article(
        "Hai hãng đã ký hợp đồng mua 50 máy bay tại Hà Nội. Lễ ký kết này diễn ra dưới sự chứng kiến của "
        "Thủ tướng Lê Văn Bình và Tổng thống Pháp Emmanuel Macron tại Hà Nội.",
        "2018-03-30",
    )
    assert {(e.actor.name, e.location.country) for e in of_type(doc, "attend")} == {("Emmanuel Macron", "VN")}


def test_a_meeting_at_a_summit_named_with_its_city_is_held_in_that_city() -> None:
    # WEF's own meeting of 2024 was in Davos; the one the name places is in Dalian.
    doc = article(
        "Trong khuôn khổ tham dự Hội nghị WEF Đại Liên năm 2024, sáng 25/6, Thủ tướng Lê Văn Bình đã tiếp "
        "Giáo sư Klaus Schwab, người sáng lập WEF.",
        "2024-06-25",
    )
    assert {(e.location.country, e.location.city) for e in of_type(doc, "meet")} == {("CN", "Đại Liên")}


def test_a_city_right_after_a_meetings_name_and_acronym_is_where_it_is_held() -> None:
    # WEF's meetings of one year are in Davos (January) and in China (June): the text says which.
    doc = article(
        "Chiều 21/1, trong khuôn khổ Diễn đàn Kinh tế thế giới (WEF) Davos 2026, Thủ tướng Lê Văn Bình đã "
        'phát biểu tại Phiên thảo luận "Kinh tế số châu Á".',
        "2026-01-22",
    )
    assert [(e.location.country, e.location.city) for e in of_type(doc, "speak")] == [("CH", "Davos")]


def test_the_owner_of_visits_a_meeting_talked_about_is_not_its_subject() -> None:
    doc = article(
        "Bộ Ngoại giao cho biết tại cuộc gặp ở Washington ngày 9/1, hai bên đánh giá cao các chuyến thăm "
        "rất thành công của Thủ tướng Lê Văn Bình (5/2025) và Tổng thống Mỹ Donald Trump (11/2025).",
        "2026-01-10",
    )
    assert [m for m in meetings(doc) if m[0] == "Lê Văn Bình"] == []
