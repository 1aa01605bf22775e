"""A meeting's own day, a name written longer than the gazetteer's, and an office held after a former
one (issue 9, sixth session), on sentences written for these tests (never copied from a reference
set)."""

from __future__ import annotations

from functools import cache

from builders import article, of_type
from sukien.doc import Doc
from sukien.understand.people import find_people


@cache
def meeting_in_a_visit() -> Doc:
    return article(
        "Chiều 19/3, tại Phủ Chủ tịch, Chủ tịch nước Lê Văn Bình đã tiếp Bộ trưởng Ngoại giao Chile Juan "
        "Perez trong khuôn khổ chuyến thăm làm việc tại Việt Nam từ ngày 18-20/3/2025.",
        "2025-03-19",
    )


def test_a_meeting_is_on_its_own_day_not_the_first_day_of_the_visit_around_it() -> None:
    assert [(e.start, e.end) for e in of_type(meeting_in_a_visit(), "meet")] == [("2025-03-19", "2025-03-19")]


def test_the_visit_around_a_meeting_keeps_its_range() -> None:
    assert [(e.start, e.end) for e in of_type(meeting_in_a_visit(), "visit")] == [
        ("2025-03-18", "2025-03-20")
    ]


def test_a_known_name_written_with_one_more_name_word_keeps_it() -> None:
    people = find_people("Thủ tướng tiếp đồng chí Nicolas Maduro Moros, Tổng thống Venezuela, tại Hà Nội.")
    assert [p.key for p in people if p.label == "PERSON"] == ["Nicolas Maduro Moros"]


def test_a_country_after_a_known_name_is_no_part_of_it() -> None:
    people = find_people("Cuộc gặp giữa hai nhà lãnh đạo Nicolas Maduro Venezuela, theo hãng tin AFP.")
    assert [p.key for p in people if p.label == "PERSON"] == ["Nicolas Maduro"]


def test_an_office_held_now_after_a_former_one_makes_a_counterpart() -> None:
    doc = article(
        "Ngày 5/6, tại Lima, Thủ tướng Lê Văn Bình đã tiếp Đặc phái viên của Tổng thống Peru, Nguyên Bộ "
        "trưởng Bộ Ngoại giao Peru, Đại sứ Carlos Ruiz.",
        "2025-06-05",
    )
    assert [[p.name for p in e.counterparts] for e in of_type(doc, "meet")] == [["Carlos Ruiz"]]
