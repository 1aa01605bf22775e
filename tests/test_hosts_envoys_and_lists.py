"""A foreign leader receiving another country's leader, a meeting in a Vietnamese government building
told with the guest's occasion, an envoy's country from the leader who sends him, a journey an
invitation is set in, a list repeating its honorific, and a former office that names no holder today:
the twenty-third session's rules for issue 9, on sentences written for these tests (never copied
from a reference set)."""

from __future__ import annotations

import pytest

from builders import article, of_type


def visits(doc: object) -> set[tuple[str, str | None]]:
    return {(e.actor.name, e.location.country) for e in of_type(doc, "visit")}


def test_a_foreign_leader_receiving_another_sends_the_guest_to_his_country() -> None:
    doc = article(
        "Tổng thống Nga Vladimir Putin tiếp Thủ tướng Israel Benjamin Netanyahu và hai bên thảo luận về "
        "tình hình Syria.",
        "2018-05-09",
    )
    assert visits(doc) == {("Benjamin Netanyahu", "RU")}


def test_the_guest_of_a_foreign_host_is_the_actor_of_their_meeting() -> None:
    doc = article(
        "Thủ tướng Ấn Độ Narendra Modi tiếp đãi Thủ tướng Nhật Bản Shinzo Abe bữa tối.", "2017-09-13"
    )
    assert [(e.actor.name, [c.name for c in e.counterparts]) for e in of_type(doc, "meet")] == [
        ("Shinzo Abe", ["Narendra Modi"])
    ]


def test_a_foreign_host_at_a_summit_abroad_sends_no_one_to_his_country() -> None:
    doc = article(
        "Thủ tướng Nhật Bản Shinzo Abe tiếp Tổng thống Hàn Quốc Moon Jae-in bên lề Hội nghị thượng đỉnh G20.",
        "2017-07-07",
    )
    assert ("Moon Jae-in", "JP") not in visits(doc)


def test_a_meeting_in_the_government_building_is_at_home_whatever_its_verb() -> None:
    doc = article(
        "Chiều 10/3, tại Trụ sở Chính phủ, Thủ tướng Phạm Minh Chính đã có cuộc gặp làm việc với Thủ tướng "
        "Campuchia Hun Manet nhân dịp tham dự Hội nghị Thượng đỉnh Mekong - Lan Thương lần thứ năm.",
        "2025-03-10",
    )
    assert visits(doc) == {("Hun Manet", "VN")}


def test_the_occasion_after_the_guest_met_at_home_is_the_guests() -> None:
    doc = article(
        "Chiều 10/3, tại Trụ sở Chính phủ, Thủ tướng Phạm Minh Chính đã có cuộc gặp với Thủ tướng "
        "Campuchia Hun Manet nhân dịp tham dự Hội nghị Thượng đỉnh Mekong - Lan Thương lần thứ năm.",
        "2025-03-10",
    )
    assert [e.actor.name for e in of_type(doc, "attend")] == ["Hun Manet"]


@pytest.mark.parametrize(
    "envoy",
    [
        "Đặc phái viên của Thủ tướng Thái Lan",
        "Bộ trưởng Văn phòng Thủ tướng, Đặc phái viên của Thủ tướng Thái Lan",
    ],
)
def test_an_envoy_is_of_the_country_whose_leader_sends_him(envoy: str) -> None:
    doc = article(
        f"Ngày 12/8, tại Trụ sở Chính phủ, Thủ tướng Phạm Minh Chính đã tiếp ông Prasert Chanthong, {envoy}, "
        "nhân dịp sang Việt Nam dự lễ kỷ niệm.",
        "2024-08-12",
    )
    guests = {(e.actor.name, e.actor.country, e.location.country) for e in of_type(doc, "visit")}
    assert guests == {("Prasert Chanthong", "TH", "VN")}


def test_a_journey_an_invitation_is_set_in_is_the_inviters() -> None:
    doc = article(
        "Tổng thống Pháp Emmanuel Macron mời một nhóm doanh nhân đi cùng trên chuyên cơ trước chuyến thăm "
        "Ấn Độ.",
        "2026-02-15",
    )
    assert visits(doc) == {("Emmanuel Macron", "IN")}


def test_one_invited_to_visit_does_not_travel_yet() -> None:
    doc = article(
        "Tổng thống Pháp Emmanuel Macron mời Thủ tướng Ấn Độ Narendra Modi thăm Pháp.", "2026-02-15"
    )
    assert visits(doc) == set()


def test_a_name_listed_after_the_same_honorific_as_a_known_leader_is_met() -> None:
    doc = article(
        "Sáng 25/4, Chủ tịch nước Lương Cường đã gặp các nguyên lãnh đạo Campuchia, gồm ông Hun Sen và ông "
        "Chea Sim Rithy.",
        "2025-04-25",
    )
    met = {c.name for e in of_type(doc, "meet") for c in e.counterparts}
    assert "Chea Sim Rithy" in met


def test_a_former_office_names_no_one_who_holds_it_today() -> None:
    doc = article(
        "Chiều 25/4, Chủ tịch nước Lương Cường đã gặp các đồng chí nguyên Tổng Bí thư, nguyên Chủ tịch nước "
        "Lào tại Viêng Chăn.",
        "2025-04-25",
    )
    met = {c.name for e in of_type(doc, "meet") for c in e.counterparts}
    assert "Tô Lâm" not in met
