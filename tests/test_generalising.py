"""Rules of issue 9 on sentences written for these tests (never copied from a reference set): a
meeting placed abroad puts its actor there, online is no travel, the envoy travels, home buildings
are home, and the linker keeps journeys apart that only a country, a month or a gap of weeks joins."""

from __future__ import annotations

from datetime import date

import pytest

from builders import article, make_event
from sukien.doc import Doc
from sukien.link import fill_years, link


def item(text: str, published: str | None = "2025-03-20", title: str | None = None, name: str = "t") -> Doc:
    return article(text, published, name, title)


def trips_of(*docs: Doc) -> list[tuple[str, list[str], str | None]]:
    events = [e for doc in docs for e in doc.events]
    return [(t.actor.name, [leg.country for leg in t.legs], t.start) for t in link(events)]


@pytest.mark.parametrize(
    "text",
    [
        "Sáng 18/3, tại Thủ đô Oslo, Na Uy, Thủ tướng Phạm Minh Chính đã chứng kiến lễ ký kết thỏa thuận "
        "hợp tác giữa hai tập đoàn năng lượng.",
        "Chiều 18/3, tại nhà Quốc hội, Thủ đô Oslo, Na Uy, Thủ tướng Phạm Minh Chính đã hội kiến Chủ tịch "
        "Quốc hội Na Uy Masud Gharahkhani.",
        "(Chinhphu.vn) – Tham dự Tọa đàm doanh nghiệp diễn ra chiều 18/3 tại Oslo, Thủ tướng Phạm Minh "
        "Chính đề nghị các doanh nghiệp mở rộng đầu tư.",
    ],
)
def test_a_statement_placed_abroad_by_its_sentence_makes_a_trip(text: str) -> None:
    assert trips_of(item(text)) == [("Phạm Minh Chính", ["NO"], "2025-03-18")]


def test_taking_part_online_is_no_travel() -> None:
    doc = item(
        "Sáng 18/3, Thủ tướng Phạm Minh Chính tham dự trực tuyến Hội nghị Cấp cao ASEAN lần thứ 46 tại "
        "Kuala Lumpur, Malaysia từ điểm cầu Hà Nội."
    )
    assert trips_of(doc) == []


def test_a_meeting_at_the_presidential_palace_is_at_home() -> None:
    doc = item(
        "Chiều 18/3, tại Phủ Chủ tịch, Chủ tịch nước Lương Cường đã hội đàm với Tổng thống Chile Gabriel "
        "Boric Font."
    )
    meetings = [e for e in doc.events if e.type == "meet" and e.actor.name == "Lương Cường"]
    assert [e.location.country for e in meetings] == ["VN"]
    assert all(t[0] != "Lương Cường" for t in trips_of(doc))


def test_the_special_envoy_travels_not_the_leader_who_sent_him() -> None:
    doc = item(
        "Ngày 18/3, Đặc phái viên của Tổng Bí thư Tô Lâm đã lên đường thăm Cộng hòa Dân chủ Nhân dân Lào."
    )
    assert all(t[0] != "Tô Lâm" for t in trips_of(doc))


def test_a_month_announced_in_another_article_does_not_bridge_two_journeys() -> None:
    first = item(
        "Từ ngày 5-8/3, Thủ tướng Phạm Minh Chính thăm chính thức Ấn Độ.", published="2025-03-04", name="a"
    )
    second = item(
        "Thủ tướng Phạm Minh Chính sẽ thăm chính thức Singapore vào cuối tháng 3.",
        published="2025-03-10",
        name="b",
    )
    assert sorted(t[1] for t in trips_of(first, second)) == [["IN"], ["SG"]]


def test_undated_pieces_sharing_only_a_country_stay_apart() -> None:
    events = [
        make_event("visit", "Nguyễn Xuân Phúc", "JP", None, None, article_id="a", firm=True),
        make_event("visit", "Nguyễn Xuân Phúc", "JP", None, None, article_id="b", firm=True),
    ]
    for number, event in enumerate(events):
        event.id = f"{event.article_id}-{number}"
    assert len(link(events)) == 2


def test_a_chain_with_a_gap_of_weeks_is_two_journeys() -> None:
    events = [
        make_event("visit", "Nguyễn Xuân Phúc", "US", "2017-05-29", "2017-05-31", article_id="a"),
        make_event("visit", "Nguyễn Xuân Phúc", "US", "2017-07-20", "2017-07-21", article_id="a"),
    ]
    for number, event in enumerate(events):
        event.id = f"a-{number}"
    assert sorted(t.start for t in link(events)) == ["2017-05-29", "2017-07-20"]


def test_a_trip_of_dated_articles_knows_its_year_without_dates() -> None:
    doc = item("Tổng Bí thư Tô Lâm sẽ thăm cấp Nhà nước Trung Quốc theo lời mời của Chủ tịch Tập Cận Bình.")
    (trip,) = link(doc.events)
    assert (trip.start, trip.year) == (None, 2025)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Quốc vương Tây Ban Nha Felipe VI sẽ thăm cấp Nhà nước Việt Nam.", "Felipe VI"),
        ("Vua Charles III của Anh đã tới Paris hôm qua.", "Charles III"),
        ("Giáo hoàng Leo XIV đã tiếp đoàn đại biểu Việt Nam.", "Leo XIV"),
    ],
)
def test_a_regnal_number_is_part_of_the_name(sentence: str, name: str) -> None:
    assert name in {m.key for m in item(sentence).mentions if m.label == "PERSON"}


def test_when_both_sides_stand_before_the_verb_the_visitor_is_the_actor() -> None:
    doc = item(
        "Chiều 18/3, Tổng thống Nga Vladimir Putin và Thủ tướng Ấn Độ Narendra Modi đã hội đàm tại New Delhi."
    )
    meetings = [(e.actor.name, [c.name for c in e.counterparts]) for e in doc.events if e.type == "meet"]
    assert meetings == [("Vladimir Putin", ["Narendra Modi"])]
    assert trips_of(doc) == [("Vladimir Putin", ["IN"], "2025-03-18")]


def test_a_foreign_guest_of_unknown_country_in_viet_nam_makes_a_trip_with_its_leg() -> None:
    doc = item("Thủ tướng Robert Fico đến Hà Nội chiều 18/3, bắt đầu chuyến thăm chính thức Việt Nam.")
    assert trips_of(doc) == [("Robert Fico", ["VN"], "2025-03-18")]


def test_a_deputy_prime_minister_leads_a_visit_whatever_ministry_follows() -> None:
    doc = item(
        "Chiều 18/3, tại Hà Nội, Thủ tướng Phạm Minh Chính tiếp Phó Thủ tướng, Bộ trưởng Ngoại giao và "
        "Hợp tác quốc tế Campuchia Prak Sokhonn."
    )
    assert ("Prak Sokhonn", ["VN"], "2025-03-18") in trips_of(doc)


def test_a_chamber_of_commerce_is_no_name() -> None:
    doc = item("Chủ tịch Phòng Thương mại và Công nghiệp Nhật Bản Akio Mimura đã phát biểu tại Tokyo.")
    assert "Phòng Thương" not in {m.key for m in doc.mentions}


def test_a_cancelled_journey_is_no_trip() -> None:
    doc = item(
        "Ngày 18/3, Tổng thống Mỹ Donald Trump hủy chuyến đi của hai đặc phái viên lên đường đến Pakistan."
    )
    assert trips_of(doc) == []


def test_both_subjects_of_a_meeting_abroad_are_there() -> None:
    doc = item(
        "Chiều 18/3, Tổng thống Mỹ Donald Trump và Tổng thống Nga Vladimir Putin đã có cuộc hội đàm tại "
        "Helsinki, Phần Lan."
    )
    assert sorted(t[0] for t in trips_of(doc)) == ["Donald Trump", "Vladimir Putin"]


def test_a_city_read_two_ways_is_a_place_after_roi() -> None:
    doc = item(
        "Chiều 18/3, Chủ tịch nước Lương Cường rời Nam Kinh, kết thúc chuyến thăm cấp Nhà nước Trung Quốc."
    )
    assert ("CITY", "Nam Kinh") in {(m.label, m.text) for m in doc.mentions}


def test_a_known_leader_named_without_a_title_is_a_person() -> None:
    doc = item("Tổng thống Mỹ Donald Trump và Vladimir Putin đã gặp nhau hôm 7/7.")
    assert ("Vladimir Putin", "RU") in {
        (m.key, m.get("country")) for m in doc.mentions if m.label == "PERSON"
    }


def test_both_sides_of_a_meeting_between_them_abroad_are_there() -> None:
    doc = item(
        "Cái bắt tay trong cuộc gặp đầu tiên giữa hai Tổng thống Mỹ Donald Trump và Nga Vladimir Putin "
        "bên lề hội nghị G20 ở Hamburg (Đức) có nhiều điều đáng nói."
    )
    assert sorted(t[0] for t in trips_of(doc)) == ["Donald Trump", "Vladimir Putin"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Quốc vương Campuchia Preah Bat Samdech Preah Boromneat Norodom Sihamoni thăm Việt Nam.",
            "Norodom Sihamoni",
        ),
        ("Thủ tướng Campuchia Samdech Techo Hun Manet thăm chính thức Việt Nam.", "Hun Manet"),
    ],
)
def test_court_honorifics_are_no_part_of_the_name(sentence: str, name: str) -> None:
    assert name in {m.key for m in item(sentence).mentions if m.label == "PERSON"}


def test_an_announced_trip_a_later_article_tells_of_is_reported() -> None:
    before = item(
        "Thủ tướng Phạm Minh Chính sẽ thăm chính thức Nhật Bản ngày 18/3.", published="2025-03-10", name="a"
    )
    after = item(
        "Thủ tướng Phạm Minh Chính đã thăm chính thức Nhật Bản hôm 18/3.", published="2025-03-25", name="b"
    )
    assert [t.status for t in link(before.events)] == ["planned"]
    assert [t.status for t in link(before.events + after.events)] == ["reported"]


def test_a_story_is_not_dated_by_a_year_older_than_its_full_dates() -> None:
    from sukien.understand.years import story_year

    doc = item(
        "Hiệp định được ký ngày 12/5/2016 tại Hà Nội. Chiều 31/5/1945, đoàn đã đến thăm Hà Nội.",
        published=None,
    )
    assert story_year(doc) is None


def test_a_day_without_a_year_joins_a_month_only_journey_only_inside_that_month() -> None:
    events = [
        make_event("visit", "Nguyễn Xuân Phúc", "JP", "2017-06", None, article_id="a"),
        make_event("visit", "Nguyễn Xuân Phúc", "JP", None, None, article_id="a", day_month="11-02"),
    ]
    for number, event in enumerate(events):
        event.id = f"a-{number}"
    assert len(link(events)) == 2


def test_a_meeting_naming_no_place_joins_a_journey_only_from_its_article_or_days() -> None:
    trip = make_event("visit", "Phạm Minh Chính", "JP", "2025-03-18", "2025-03-20", article_id="a", firm=True)
    home = make_event("meet", "Phạm Minh Chính", None, "2025-03-17", "2025-03-17", article_id="b")
    trip.id, home.id = "a-1", "b-1"
    (made,) = link([trip, home])
    assert made.events == ["a-1"] and made.start == "2025-03-18"


def test_tai_tp_places_an_event_in_the_city() -> None:
    doc = item(
        "Chiều 18/3, Phó Thủ tướng Lê Thành Long dâng hoa tại tượng đài tại TP. Saint Petersburg, "
        "Liên bang Nga, nhân dịp tham dự Diễn đàn Kinh tế quốc tế."
    )
    assert ("Lê Thành Long", ["RU"], "2025-03-18") in trips_of(doc)


def test_a_chain_of_pieces_days_apart_longer_than_any_journey_is_cut() -> None:
    days = ["2017-07-03", "2017-07-12", "2017-07-21", "2017-07-29", "2017-08-07", "2017-08-16", "2017-08-25"]
    events = [make_event("visit", "Moon Jae-in", "US", day, day, article_id="a") for day in days]
    for number, event in enumerate(events):
        event.id = f"a-{number}"
    trips = link(events)
    assert len(trips) >= 2
    assert all(
        (date.fromisoformat(t.end or "") - date.fromisoformat(t.start or "")).days <= 45 for t in trips
    )


def test_a_day_far_from_the_journeys_own_days_takes_not_its_year() -> None:
    dated = make_event("visit", "Moon Jae-in", "US", "2017-09-21", "2017-09-24", article_id="a")
    near = make_event("visit", "Moon Jae-in", "US", None, None, article_id="a", day_month="09-23")
    far = make_event("visit", "Moon Jae-in", "US", None, None, article_id="a", day_month="07-03")
    fill_years([dated, near, far], {"2017"})
    assert (near.start, far.start) == ("2017-09-23", None)
