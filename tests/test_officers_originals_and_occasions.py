"""Who a name belongs to when a province, a ministry whose name is capitalised, a dash or a bracket
stands beside it; where a meeting is when the sentence opens with its occasion; and when a meeting
is still to come: the twentieth session's rules for issue 9, from its first sights, on sentences
written for these tests (never copied from a reference set)."""

from __future__ import annotations

import pytest

from builders import article, journeys, met_pairs, of_type
from sukien.doc import Doc


def people(doc: Doc) -> set[str]:
    return {m.key for m in doc.mentions if m.label == "PERSON" and m.key}


# -- names beside a province, a ministry, a dash ----------------------------------------------------


@pytest.mark.parametrize(
    ("unit", "name"),
    [
        ("tỉnh Nghệ An", "Lê Hồng Vinh"),
        ("thành phố Đà Nẵng", "Trần Phước Sơn"),
        ("tỉnh Quảng Ninh", "Cao Tường Huy"),
    ],
)
def test_an_officer_named_after_his_vietnamese_province_is_a_person(unit: str, name: str) -> None:
    doc = article(
        f"Ngày 9/5/2024, tại thành phố Osaka, Phó Chủ tịch UBND {unit} {name} đã có buổi làm việc với "
        "Thống đốc tỉnh Osaka Hirofumi Yoshimura.",
        "2024-05-09",
    )
    assert {(e.actor.name, e.location.country) for e in of_type(doc, "meet")} == {(name, "JP")}


def test_a_province_followed_by_words_that_are_no_whole_name_names_no_one() -> None:
    doc = article("Chủ tịch UBND tỉnh Nghệ An Hôm nay cho biết sẽ đón đoàn.", "2024-05-09")
    assert people(doc) == set()


@pytest.mark.parametrize("ministry", ["Bộ Công Thương", "Bộ Tài chính", "Bộ Giáo dục và Đào tạo"])
def test_a_minister_named_after_his_ministry_is_a_person(ministry: str) -> None:
    doc = article(
        f"Ngày 3/6/2024, Bộ trưởng {ministry} Nguyễn Văn Thắng có chuyến công tác tại Pháp.", "2024-06-03"
    )
    assert journeys(doc) == {("Nguyễn Văn Thắng", "FR", None)}


def test_a_vietnamese_title_after_a_dash_is_no_part_of_the_name() -> None:
    doc = article(
        "Ngày 3/6/2024, Thứ trưởng Ngoại giao Đỗ Hùng Việt - Trưởng đoàn Việt Nam đã tới Paris dự hội nghị.",
        "2024-06-03",
    )
    assert {e.actor.name for e in doc.events} == {"Đỗ Hùng Việt"}


@pytest.mark.parametrize("given", ["Nhân", "Nguyên"])
def test_a_given_name_that_also_opens_a_phrase_ends_the_name(given: str) -> None:
    doc = article(
        f"Sáng 4/7/2024, Đại sứ Anh Iain Frew chào xã giao Bí thư Thành ủy Lê Văn {given}.", "2024-07-04"
    )
    assert met_pairs(doc) == {(f"Lê Văn {given}", "Iain Frew")}


def test_nhan_dip_after_a_name_is_still_the_occasion() -> None:
    doc = article(
        "Sáng 4/7/2024, Thủ tướng Phạm Minh Chính tiếp Đại sứ Anh Iain Frew Nhân dịp kết thúc nhiệm kỳ.",
        "2024-07-04",
    )
    assert "Iain Frew Nhân" not in people(doc)


def test_a_title_in_apposition_whose_body_opens_with_a_vietnamese_word_is_his() -> None:
    doc = article(
        "Ngày 12/8/2024, tại Berlin, Chủ tịch UBND tỉnh Nghệ An Nguyễn Đức Trung có buổi làm việc với ông "
        "Markus Weber - Giám đốc Tư vấn BGT Consulting GmbH.",
        "2024-08-12",
    )
    assert met_pairs(doc) == {("Nguyễn Đức Trung", "Markus Weber")}


def test_a_country_that_begins_inside_a_bodys_capitalised_words_ends_the_body() -> None:
    doc = article(
        "Ngày 15/9/2025, Bộ trưởng Quốc phòng Phan Văn Giang hội đàm với Chủ tịch Hội đồng Biển Liên bang "
        "Nga Dmitry Orlov.",
        "2025-09-15",
    )
    assert met_pairs(doc) == {("Phan Văn Giang", "Dmitry Orlov")}


@pytest.mark.parametrize(
    ("title", "role"), [("Quốc vụ khanh", "Quốc vụ khanh"), ("Giám đốc điều hành", "Giám đốc điều hành")]
)
def test_a_minister_of_state_or_an_executive_is_met_by_title(title: str, role: str) -> None:
    doc = article(
        f"Chiều 2/11/2024, tại Thủ đô Riyadh, Thủ tướng Phạm Minh Chính đã tiếp ông Faisal Al Ibrahim, "
        f"{title} phụ trách kinh tế.",
        "2024-11-02",
    )
    meeting = of_type(doc, "meet")[0]
    assert (meeting.counterparts[0].name, meeting.counterparts[0].roles) == ("Faisal Al Ibrahim", [role])


# -- the original after a transliteration --------------------------------------------------------------


def test_a_transliterated_name_is_the_person_of_the_original_in_brackets() -> None:
    doc = article(
        "Ngày 5/3/2024, Chủ tịch Quốc hội Cu-ba Hô-xê Ma-ri-a Pê-rết (José María Pérez) đến Hà Nội, bắt đầu "
        "chuyến thăm chính thức Việt Nam. Chiều cùng ngày, Chủ tịch nước Võ Văn Thưởng tiếp Hô-xê Ma-ri-a "
        "Pê-rết.",
        "2024-03-05",
    )
    assert (journeys(doc), met_pairs(doc)) == (
        {("José María Pérez", "VN", "Hà Nội")},
        {("Võ Văn Thưởng", "José María Pérez")},
    )


def test_a_place_in_brackets_after_a_name_is_no_original() -> None:
    doc = article("Ngày 5/3/2024, Thủ tướng Phạm Minh Chính (Việt Nam) đến Tokyo.", "2024-03-05")
    assert journeys(doc) == {("Phạm Minh Chính", "JP", "Tokyo")}


# -- who meets, and whom ----------------------------------------------------------------------------


def test_the_one_honoured_at_his_mausoleum_is_no_actor() -> None:
    doc = article(
        "Ngày 8/4/2024, đoàn đại biểu Quân ủy Lào đã vào lăng viếng Chủ tịch Hồ Chí Minh, đến chào xã giao "
        "Chủ tịch nước Võ Văn Thưởng.",
        "2024-04-08",
    )
    assert "Hồ Chí Minh" not in {e.actor.name for e in doc.events}


def test_with_a_counterpart_named_by_rank_the_one_after_the_phrase_meets() -> None:
    doc = article(
        "Trong cuộc hội đàm với người đồng nhiệm Nga Sergei Lavrov ngày 21/6/2023, Ngoại trưởng Trung Quốc "
        "Tần Cương cho biết hai bên sẽ tăng cường hợp tác.",
        "2023-06-22",
    )
    assert met_pairs(doc) == {("Tần Cương", "Sergei Lavrov")}


# -- where, with the occasion told first ---------------------------------------------------------------


OCCASION_FIRST = (
    "Chiều 3/8/2024, nhân dịp dự Hội nghị Bộ trưởng Ngoại giao ASEAN mở rộng tại Singapore, Ngoại trưởng "
    "Nhật Bản Kamikawa Yoko đã đến thăm Hà Nội và chào xã giao Thủ tướng Phạm Minh Chính."
)


def test_the_meeting_is_where_the_main_clause_went_not_where_the_occasion_is() -> None:
    doc = article(OCCASION_FIRST, "2024-08-03")
    meeting = of_type(doc, "meet")[0]
    assert (meeting.location.country, meeting.location.city, meeting.occasion) == ("VN", "Hà Nội", None)


def test_the_occasion_is_attended_where_its_own_clause_puts_it() -> None:
    doc = article(OCCASION_FIRST, "2024-08-03")
    assert {(e.location.country, e.location.city) for e in of_type(doc, "attend")} == {("SG", None)}


# -- when -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("opening", ["Cuộc gặp", "Hội nghị thượng đỉnh"])
def test_a_meeting_named_as_a_subject_that_will_take_place_is_planned(opening: str) -> None:
    doc = article(
        f"{opening} giữa Tổng thống Nga Vladimir Putin và Tổng thống Mỹ Joe Biden sẽ diễn ra vào ngày "
        "16/6/2021 tại Geneva.",
        None,
    )
    assert {(e.actor.name, e.location.country, e.status) for e in of_type(doc, "meet")} == {
        ("Vladimir Putin", "CH", "planned")
    }


def test_a_summit_between_two_countries_names_no_meeting() -> None:
    doc = article("Hội nghị thượng đỉnh giữa Mỹ và Nga sẽ diễn ra vào ngày 16/6 tại Geneva.", "2021-06-01")
    assert of_type(doc, "meet") == []


def test_an_incident_something_came_after_does_not_date_an_undated_story() -> None:
    doc = article(
        "Ông Kim tuyên bố chương trình đã hoàn tất sau vụ thử tên lửa vào tháng 11/2017. Tổng thống Moon "
        "Jae-in rời Seoul tới Bắc Kinh hôm 10/6.",
        None,
    )
    assert {e.start for e in doc.events if e.type == "visit"} == {None}


def test_whether_or_not_he_comes_is_no_visit() -> None:
    doc = article(
        "Tổng thống Pháp Emmanuel Macron dù có tới Bắc Kinh hay không thì chính phủ của ông vẫn ủng hộ đàm "
        "phán.",
        "2024-05-01",
    )
    assert journeys(doc) == set()


def test_a_chinese_name_read_in_sino_vietnamese_keeps_its_vietnamese_form() -> None:
    doc = article(
        "Ngày 5/3/2024, Bộ trưởng Thương mại Trung Quốc Vương Văn Đào (Wang Wentao) đến Hà Nội.", "2024-03-05"
    )
    assert journeys(doc) == {("Vương Văn Đào", "VN", "Hà Nội")}


def test_the_province_after_a_party_committee_is_no_name() -> None:
    doc = article(
        "Ngày 8/7/2025, tại Quảng Châu (Quảng Đông, Trung Quốc), Phó Thủ tướng Bùi Thanh Sơn hội kiến ông "
        "Hoàng Khôn Minh, Bí thư Tỉnh ủy Quảng Đông.",
        "2025-07-08",
    )
    assert met_pairs(doc) == {("Bùi Thanh Sơn", "Hoàng Khôn Minh")}


def test_a_summit_the_sentence_prepares_for_is_not_held_where_it_is() -> None:
    doc = article(
        "Ngày 2/3/2025, Thứ trưởng Ngoại giao Đỗ Hùng Việt làm việc tại Tokyo nhằm chuẩn bị cho hội nghị "
        "thượng đỉnh giữa Thủ tướng Phạm Minh Chính và Thủ tướng Nhật Bản Ishiba Shigeru.",
        "2025-03-02",
    )
    assert journeys(doc) | {(e.actor.name, e.location.country, None) for e in of_type(doc, "meet")} == {
        ("Đỗ Hùng Việt", "JP", "Tokyo")
    }


# -- the second round: offices and names the first sights of 9264–9266 found unread --------------------


def test_a_ministry_that_runs_on_in_lower_case_to_its_country_is_the_ministers() -> None:
    doc = article(
        "Nhận lời mời của Phó Thủ tướng, Bộ trưởng Ngoại giao Bùi Thanh Sơn, Bộ trưởng Ngoại giao và Hợp tác "
        "phát triển Na Uy Espen Barth Eide sẽ thăm chính thức Việt Nam từ ngày 10-11/4/2025.",
        "2025-04-08",
    )
    assert journeys(doc) == {("Espen Barth Eide", "VN", None)}


def test_words_in_lower_case_with_no_country_and_name_after_them_are_no_portfolio() -> None:
    doc = article(
        "Bộ trưởng Ngoại giao và Thương mại cho biết Úc sẽ tham dự hội nghị.",
        "2025-04-08",
    )
    assert people(doc) == set()


def test_the_chairman_of_chinas_npc_under_his_archive_title_is_met() -> None:
    doc = article(
        "Chiều 14/5/2017, tại Bắc Kinh, Thủ tướng Nguyễn Xuân Phúc đã hội kiến Ủy viên trưởng Ủy ban Thường "
        "vụ Đại hội Đại biểu nhân dân toàn quốc Trung Quốc Trương Đức Giang.",
        "2017-05-14",
    )
    assert met_pairs(doc) == {("Nguyễn Xuân Phúc", "Trương Đức Giang")}


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Quyền Trưởng Ban Đối ngoại Trung ương", "Quyền Trưởng Ban Đối ngoại Trung ương"),
        ("Quyền Tổng thống", "Quyền Tổng thống"),
    ],
)
def test_an_acting_office_is_an_office(title: str, role: str) -> None:
    doc = article(
        f"Ngày 3/6/2025 tại Hà Nội, Thủ tướng Phạm Minh Chính đã tiếp ông Somphone Keola, {title} Lào.",
        "2025-06-03",
    )
    assert [c.roles for e in of_type(doc, "meet") for c in e.counterparts] == [[role]]


def test_quyen_in_a_compound_is_no_acting_office() -> None:
    doc = article("Việc này thuộc thẩm quyền Thủ tướng Phạm Minh Chính.", "2025-06-03")
    assert {m.get("roles") for m in doc.mentions if m.label == "PERSON"} == {("Thủ tướng",)}


def test_a_secretary_general_after_his_partys_acronym_and_ruling_is_met() -> None:
    doc = article(
        "Sáng 28/4/2025, tại Hà Nội, Thủ tướng Phạm Minh Chính đã tiếp Tổng Thư ký Đảng Đại hội Dân tộc "
        "Phi (ANC) cầm quyền Fikile Mbalula.",
        "2025-04-28",
    )
    assert met_pairs(doc) == {("Phạm Minh Chính", "Fikile Mbalula")}


def test_a_person_introduced_after_co_with_titles_after_the_name_is_found_everywhere() -> None:
    doc = article(
        "Tổng thống Hàn Quốc Moon Jae - in trò chuyện cùng Kim Yo - jong tại Seoul. Tổng thống Moon ngồi "
        "cạnh cô Kim Yo - jong, Phó chủ tịch Ủy ban Tuyên truyền Triều Tiên.",
        "2018-02-10",
    )
    assert met_pairs(doc) == {("Kim Yo-jong", "Moon Jae-in")}


def test_a_sentence_opened_by_a_summit_puts_the_counterpart_at_it() -> None:
    doc = article(
        "Tại Hội nghị thượng đỉnh G20 năm nay ở Osaka, Tổng thống Mỹ Donald Trump sẽ gặp Chủ tịch Trung Quốc "
        "Tập Cận Bình.",
        "2019-06-20",
    )
    assert ("Tập Cận Bình", "JP", "Osaka") in journeys(doc)


# -- the third round: a forum named again by its kind, a pair of leaders as the subject -----------------


def test_a_forum_named_again_by_its_kind_is_the_one_named_before() -> None:
    doc = article(
        "Từ ngày 3-6/9/2025, Diễn đàn Kinh tế phương Đông lần thứ 10 đã diễn ra tại thành phố Vladivostok, "
        "Liên bang Nga. Phó Thủ tướng Mai Văn Chính dẫn đầu Đoàn đại biểu Việt Nam tham dự Diễn đàn.",
        "2025-09-05",
    )
    assert {(e.actor.name, e.location.country) for e in of_type(doc, "attend")} == {("Mai Văn Chính", "RU")}


def test_a_pair_of_ministers_named_before_and_told_as_the_subject_meet() -> None:
    doc = article(
        "Ngoại trưởng Pháp Jean-Noël Barrot cho biết ông đã nói chuyện với Ngoại trưởng Đức Johann Wadephul. "
        "Hai nhà lãnh đạo ngoại giao Pháp - Đức đã hội đàm bên lề hội nghị tại Brussels (Bỉ).",
        "2025-06-10",
    )
    assert (met_pairs(doc), {e.actor.name for e in of_type(doc, "visit")}) == (
        {("Jean-Noël Barrot", "Johann Wadephul")},
        {"Jean-Noël Barrot", "Johann Wadephul"},
    )


def test_a_pair_of_leaders_is_the_subject_only_when_the_sentence_opens_with_it() -> None:
    doc = article(
        "Ngoại trưởng Pháp Jean-Noël Barrot gặp Ngoại trưởng Đức Johann Wadephul tại Paris. Báo chí cho biết "
        "hai nhà lãnh đạo ngoại giao Pháp - Đức đã hội đàm.",
        "2025-06-10",
    )
    # One meeting, the Paris one (its actor the visitor, SPEC); the reported pair adds none.
    assert met_pairs(doc) == {("Johann Wadephul", "Jean-Noël Barrot")}


def test_a_leader_about_to_meet_another_has_a_planned_meeting() -> None:
    doc = article(
        "Ngày 10/6/2018, Tổng thống Mỹ Donald Trump chuẩn bị gặp Chủ tịch Trung Quốc Tập Cận Bình tại "
        "Singapore.",
        "2018-06-09",
    )
    assert {(e.actor.name, e.status) for e in of_type(doc, "meet")} == {("Donald Trump", "planned")}


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("Phó Tổng Giám đốc Cơ quan Năng lượng nguyên tử Quốc tế (IAEA)", "Phó Tổng Giám đốc"),
        ("Tổng Giám đốc điều hành Ngân hàng Thế giới (WB)", "Tổng Giám đốc điều hành"),
    ],
)
def test_a_deputy_or_executive_head_before_the_name_keeps_the_whole_title(title: str, role: str) -> None:
    doc = article(
        f"Chiều 21/3/2024, tại Hà Nội, Phó Thủ tướng Trần Lưu Quang đã tiếp {title} Anna Bjerde.",
        "2024-03-21",
    )
    assert [(c.name, c.roles) for e in of_type(doc, "meet") for c in e.counterparts] == [
        ("Anna Bjerde", [role])
    ]


def test_an_acting_office_the_english_list_lacks_is_acting_and_the_office() -> None:
    from sukien.app.brief import role_in

    assert role_in("en", "Quyền Trưởng Ban Đối ngoại Trung ương").startswith("Acting ")


def test_a_forum_named_again_is_no_summit_of_another_kind_named_before() -> None:
    doc = article(
        "Ngày 5/9/2025, Hội nghị Cấp cao ASEAN lần thứ 47 đã kết thúc tại Kuala Lumpur. Ngày 8/9/2025, Thủ "
        "tướng Phạm Minh Chính đến Vladivostok, Liên bang Nga và tham dự Diễn đàn.",
        "2025-09-08",
    )
    attended = [
        (e.location.country, e.occasion.series if e.occasion else None) for e in of_type(doc, "attend")
    ]
    assert attended == [("RU", None)]
