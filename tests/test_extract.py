"""Stage `extract`: typed events with their evidence, on the seeds, on real corpus items (named by id,
read from ../shared/corpus) and on short sentences written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_items import process_item, process_seeds, read_items
from sukien.doc import Doc, RawRecord
from sukien.extract.leaders import is_leader
from sukien.lexicon.names import same_name
from sukien.lexicon.triggers import find_triggers
from sukien.link import link
from sukien.models import Event, Person
from sukien.pipeline import process
from sukien.text.fold import fold
from sukien.understand.years import story_year

TRAVEL_TYPES = ("visit", "attend", "host_visit")

# SPEC.md, the table of event types.
SPEC_CODES = {
    "visit": ("042", "CONSULT"),
    "host_visit": ("043", "CONSULT"),
    "attend": ("044", "CONSULT"),
    "meet": ("040", "CONSULT"),
    "call": ("041", "CONSULT"),
    "sign": ("057", "AGREE"),
    "speak": ("010", None),
}

# Items that tell of no journey (tests/gold/corpus-sample and ../shared/dev list them as distractors).
NO_TRIP = {
    "baochinhphu-000220": "congratulation messages (điện mừng) on the Japanese Emperor's birthday",
    "baochinhphu-000257": "a letter (thư chúc mừng) to Cambodia's Prime Minister",
    "baochinhphu-000828": "a message (điện chúc mừng) to Russia's re-appointed Prime Minister",
    "baochinhphu-000186": "a phone call (điện đàm) with Russia's Deputy Prime Minister",
    "baochinhphu-000485": "a phone call (điện đàm) with Vladimir Putin",
    "baochinhphu-000961": "a phone call (điện đàm) with Lawrence Wong",
    "baochinhphu-001050": "a domestic tour (thăm và làm việc tại tỉnh Cao Bằng)",
    "baochinhphu-003195": "a domestic tour (thăm và làm việc tại tỉnh Ninh Thuận)",
    "baochinhphu-000685": "a domestic visit to a border gate in Lạng Sơn",
    "baochinhphu-000046": "ambassadors received at home, one saying goodbye (chào từ biệt)",
    "baochinhphu-000096": "a resident ambassador received at home",
    "feeds-001975": "a phone call (điện đàm) with Hun Sen",
    "feeds-076757": "a phone call (điện đàm) with Xi Jinping",
    "feeds-068638": "a letter (thư chúc mừng) to Laos' General Secretary",
    "feeds-087771": "a message (điện mừng) to Kim Jong Un",
    "feeds-022774": "the US ambassador received at the Party headquarters",
    "feeds-070546": "the US ambassador received, saying goodbye (chào từ biệt)",
    "feeds-045543": "a domestic tour (chuyến công tác tại TP.Đà Nẵng)",
}

# "X chủ trì lễ đón Y thăm chính thức Z": Y travels to Z. (id, guest as written, destination)
WELCOMED_GUESTS = [
    ("baochinhphu-001137", "Vladimir Vladimirovich Putin", "VN"),
    ("baochinhphu-001573", "Jose Ramos-Horta", "VN"),
    ("baochinhphu-003636", "Mikhail Vladimirovich Mishustin", "VN"),
    ("baochinhphu-002976", "Tô Lâm", "MY"),
    ("baochinhphu-004298", "Adylbek Kasymaliev", "VN"),
    ("baochinhphu-002923", "Alen Simonyan", "VN"),
    ("baochinhphu-000020", "Phạm Minh Chính", "RO"),
    ("baochinhphu-000306", "Phạm Minh Chính", "AU"),
    ("baochinhphu-004380", "Tô Lâm", "SG"),
    ("baochinhphu-004207", "Christopher Luxon", "VN"),
]

BAOCHINHPHU_IDS = {
    "baochinhphu-002232",
    "baochinhphu-003640",
    "baochinhphu-002423",
    "baochinhphu-002961",
    "baochinhphu-004358",
    "baochinhphu-004526",
    "baochinhphu-004535",
    *(i for i in NO_TRIP if i.startswith("baochinhphu")),
    *(i for i, *_ in WELCOMED_GUESTS),
}
FEEDS_IDS = {i for i in NO_TRIP if i.startswith("feeds")}


@pytest.fixture(scope="module")
def docs(corpus_dir: Path) -> dict[str, Doc]:
    """Every corpus item these tests use, through the whole pipeline, once."""
    items = read_items(corpus_dir, "baochinhphu-2024-2025.jsonl.xz", BAOCHINHPHU_IDS)
    items |= read_items(corpus_dir, "feeds-2025-2026.jsonl.xz", FEEDS_IDS)
    return {item_id: process_item(item) for item_id, item in items.items()}


@pytest.fixture(scope="module")
def seed_docs(seeds_dir: Path) -> dict[str, Doc]:
    return process_seeds(seeds_dir)


def written(text: str, published: str | None = "2024-10-01T08:00:00+07:00") -> list[Event]:
    """The events of a short article written here."""
    return process(
        RawRecord(source="written", kind="jsonl", text=text, fields={"published": published})
    ).events


def of_type(events: list[Event], kind: str) -> list[Event]:
    return [e for e in events if e.type == kind]


def by(events: list[Event], name: str) -> list[Event]:
    return [e for e in events if same_name(fold(e.actor.name), fold(name))]


# --- the seeds -----------------------------------------------------------------------------------


def test_seed_meeting_with_parolin(seed_docs: dict[str, Doc]) -> None:
    meetings = [
        e
        for e in of_type(seed_docs["004"].events, "meet")
        if e.actor.name == "Tô Lâm" and "Pietro Parolin" in [c.name for c in e.counterparts]
    ]
    assert len(meetings) == 1


def test_seed_counterpart_country(seed_docs: dict[str, Doc]) -> None:
    counterparts = [c for e in seed_docs["004"].events for c in e.counterparts if c.name == "Pietro Parolin"]
    assert counterparts and {c.country for c in counterparts} == {"VA"}


def test_seed_meeting_evidence_names_counterpart(seed_docs: dict[str, Doc]) -> None:
    doc = seed_docs["004"]
    meeting = next(
        e for e in of_type(doc.events, "meet") if "Pietro Parolin" in [c.name for c in e.counterparts]
    )
    evidence = meeting.evidence[0]
    assert "Parolin" in evidence.text and evidence.source == doc.source


def test_evidence_points_into_text(seed_docs: dict[str, Doc]) -> None:
    evidence = [(doc, ev) for doc in seed_docs.values() for e in doc.events for ev in e.evidence]
    assert evidence and all(doc.text[ev.start : ev.end] == ev.text for doc, ev in evidence)


def test_seed_events_cite_their_article(seed_docs: dict[str, Doc]) -> None:
    assert all(
        e.sources == [doc.source] and e.article_id == doc.id for doc in seed_docs.values() for e in doc.events
    )


@pytest.mark.parametrize(("seed", "year"), [("000", 2023), ("001", 2025), ("004", 2024)])
def test_story_year_of_undated_seed(seed_docs: dict[str, Doc], seed: str, year: int) -> None:
    # 004 also names "Đại hội XIV ... vào đầu năm 2026" (a plan) and "vào năm 2025" (an anniversary ahead).
    assert seed_docs[seed].published is None and story_year(seed_docs[seed]) == year


# --- visits on real items -------------------------------------------------------------------------


def test_announced_state_visits_go_to_each_country(docs: dict[str, Doc]) -> None:
    visits = by(of_type(docs["baochinhphu-002232"].events, "visit"), "Tô Lâm")
    assert {e.location.country for e in visits} == {"MN", "IE", "FR"}


def test_announced_visits_take_the_stated_range(docs: dict[str, Doc]) -> None:
    visits = of_type(docs["baochinhphu-002232"].events, "visit")
    assert visits and {(e.start, e.end) for e in visits} == {("2024-09-30", "2024-10-07")}


def test_announced_visits_are_planned(docs: dict[str, Doc]) -> None:
    visits = of_type(docs["baochinhphu-002232"].events, "visit")
    assert visits and {e.status for e in visits} == {"planned"}


def test_summit_in_announcement_is_attended(docs: dict[str, Doc]) -> None:
    attends = of_type(docs["baochinhphu-002232"].events, "attend")
    assert [(e.occasion.series, e.occasion.number) for e in attends if e.occasion] == [("FRANCOPHONIE", 19)]


def test_foreign_leader_arriving_in_vietnam_visits_it(docs: dict[str, Doc]) -> None:
    visits = by(of_type(docs["baochinhphu-002423"].events, "visit"), "Lý Cường")
    assert [(e.location.city, e.location.country, e.start, e.end) for e in visits] == [
        ("Hà Nội", "VN", "2024-10-12", "2024-10-14")
    ]


def test_guest_received_at_home_is_visiting(docs: dict[str, Doc]) -> None:
    visits = by(of_type(docs["baochinhphu-003640"].events, "visit"), "Mikhail Mishustin")
    assert [e.location.country for e in visits] == ["VN"]


def test_host_receiving_a_guest_is_a_host_visit(docs: dict[str, Doc]) -> None:
    hosts = of_type(docs["baochinhphu-003640"].events, "host_visit")
    assert [(e.actor.name, [c.name for c in e.counterparts]) for e in hosts] == [
        ("Tô Lâm", ["Mikhail Mishustin"])
    ]


def test_host_at_home_makes_no_trip(docs: dict[str, Doc]) -> None:
    trips = link(docs["baochinhphu-003640"].events)
    assert [t.actor.name for t in trips if same_name(fold(t.actor.name), fold("Tô Lâm"))] == []


@pytest.mark.parametrize(("item_id", "guest", "country"), WELCOMED_GUESTS)
def test_welcomed_guest_is_the_visitor(docs: dict[str, Doc], item_id: str, guest: str, country: str) -> None:
    visits = by(of_type(docs[item_id].events, "visit"), guest)
    assert country in {e.location.country for e in visits}


def test_announced_visit_of_foreign_leader(docs: dict[str, Doc]) -> None:
    visits = by(of_type(docs["baochinhphu-004535"].events, "visit"), "Luiz Inácio Lula da Silva")
    assert [(e.location.country, e.start, e.end, e.status) for e in visits] == [
        ("VN", "2025-03-27", "2025-03-29", "planned")
    ]


def test_spouse_before_a_comma_is_not_the_next_leaders_role(docs: dict[str, Doc]) -> None:
    visits = by(of_type(docs["baochinhphu-004526"].events, "visit"), "Lawrence Wong")
    assert visits and all("Phu nhân" not in e.actor.roles for e in visits)


def test_talks_abroad_name_the_counterpart(docs: dict[str, Doc]) -> None:
    talks = by(of_type(docs["baochinhphu-004358"].events, "meet"), "Tô Lâm")
    assert [[c.name for c in e.counterparts] for e in talks] == [["Prabowo Subianto"]]


# --- what is not a visit --------------------------------------------------------------------------


@pytest.mark.parametrize("item_id", sorted(NO_TRIP))
def test_no_travel_event(docs: dict[str, Doc], item_id: str) -> None:
    travel = [
        (e.type, e.actor.name, e.location.country) for e in docs[item_id].events if e.type in TRAVEL_TYPES
    ]
    assert travel == [], NO_TRIP[item_id]


@pytest.mark.parametrize("item_id", sorted(NO_TRIP))
def test_no_trip(docs: dict[str, Doc], item_id: str) -> None:
    assert link(docs[item_id].events) == [], NO_TRIP[item_id]


@pytest.mark.parametrize(
    ("item_id", "actor", "counterpart"),
    [
        ("baochinhphu-000485", "Nguyễn Phú Trọng", "Vladimir Putin"),
        ("baochinhphu-000961", "Phạm Minh Chính", "Lawrence Wong"),
        ("feeds-076757", "Tô Lâm", "Tập Cận Bình"),
        ("feeds-001975", "Tô Lâm", "Hun Sen"),
    ],
)
def test_phone_talks_are_calls(docs: dict[str, Doc], item_id: str, actor: str, counterpart: str) -> None:
    calls = of_type(docs[item_id].events, "call")
    assert [(e.actor.name, [c.name for c in e.counterparts]) for e in calls] == [(actor, [counterpart])]


def test_wish_to_visit_is_not_a_visit_in_a_real_item(docs: dict[str, Doc]) -> None:
    pope = [e for e in of_type(docs["baochinhphu-002961"].events, "visit") if "Giáo hoàng" in e.actor.roles]
    assert pope == []


@pytest.mark.parametrize(
    "text",
    [
        "Tổng thống Pháp Emmanuel Macron mong sớm thăm Việt Nam.",
        "Tổng thống Pháp Emmanuel Macron hy vọng sẽ thăm Việt Nam trong thời gian tới.",
        "Tổng thống Pháp Emmanuel Macron mong muốn thăm Việt Nam.",
        "Chủ tịch nước Tô Lâm mời Tổng thống Pháp Emmanuel Macron thăm Việt Nam.",
    ],
)
def test_wish_or_invitation_is_not_a_visit(text: str) -> None:
    assert of_type(written(text), "visit") == []


@pytest.mark.parametrize(
    "text",
    [
        "Ngày 2/9, Tổng thống Nga Vladimir Putin đã gửi điện mừng tới Chủ tịch nước Lương Cường.",
        "Ngày 10/6, Chủ tịch nước Tô Lâm thăm và làm việc tại tỉnh Cao Bằng.",
        "Ngày 16/2, tại Hà Nội, Thủ tướng Phạm Minh Chính điện đàm với Thủ tướng Nhật Bản Kishida Fumio.",
        "Ngày 12/1, Chủ tịch nước Lương Cường tiếp Đại sứ Mỹ tại Việt Nam Marc Knapper đến chào từ biệt.",
    ],
)
def test_written_distractor_has_no_travel(text: str) -> None:
    assert [e for e in written(text) if e.type in TRAVEL_TYPES] == []


# --- types, codes and status on written sentences -------------------------------------------------


ONE_OF_EACH_TYPE = [
    ("Ngày 9/10, Thủ tướng Phạm Minh Chính thăm chính thức Lào.", "visit"),
    (
        "Ngày 9/10, Thủ tướng Phạm Minh Chính dự Hội nghị Cấp cao ASEAN lần thứ 44 tại Vientiane.",
        "attend",
    ),
    ("Ngày 10/10, Thủ tướng Phạm Minh Chính hội đàm với Thủ tướng Lào Sonexay Siphandone.", "meet"),
    ("Ngày 16/2, Thủ tướng Phạm Minh Chính điện đàm với Thủ tướng Nhật Bản Kishida Fumio.", "call"),
    ("Ngày 10/10, Thủ tướng Phạm Minh Chính ký với Thủ tướng Lào Sonexay Siphandone hiệp định.", "sign"),
    ("Ngày 10/10, Thủ tướng Phạm Minh Chính phát biểu tại Hội nghị Cấp cao ASEAN lần thứ 44.", "speak"),
]


@pytest.mark.parametrize(("text", "kind"), ONE_OF_EACH_TYPE)
def test_event_type(text: str, kind: str) -> None:
    assert kind in {e.type for e in written(text)}


@pytest.mark.parametrize(("text", "kind"), ONE_OF_EACH_TYPE)
def test_codes_of_each_type(text: str, kind: str) -> None:
    events = of_type(written(text), kind)
    assert events and all((e.codes.cameo, e.codes.plover) == SPEC_CODES[kind] for e in events)


def test_codes_follow_the_spec(seed_docs: dict[str, Doc], docs: dict[str, Doc]) -> None:
    events = [e for doc in [*seed_docs.values(), *docs.values()] for e in doc.events]
    assert {e.type for e in events} >= {"visit", "attend", "meet", "call", "host_visit"}
    assert all((e.codes.cameo, e.codes.plover) == SPEC_CODES[e.type] for e in events)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Ngày 28/9, Thủ tướng Phạm Minh Chính đã thăm chính thức Lào.", "reported"),
        ("Từ ngày 9 đến 11/10, Thủ tướng Phạm Minh Chính sẽ thăm chính thức Lào.", "planned"),
        ("Thủ tướng Phạm Minh Chính dự kiến thăm chính thức Lào.", "planned"),
        ("Thủ tướng Phạm Minh Chính đang thăm chính thức Lào.", "ongoing"),
    ],
)
def test_status(text: str, status: str) -> None:
    assert [e.status for e in of_type(written(text), "visit")] == [status]


def test_date_without_year_takes_the_articles_year() -> None:
    visits = of_type(
        written("Từ ngày 9 đến 11/10, Thủ tướng Phạm Minh Chính sẽ thăm chính thức Lào."), "visit"
    )
    assert [(e.start, e.end) for e in visits] == [("2024-10-09", "2024-10-11")]


def test_undated_visit_has_no_dates() -> None:
    visits = of_type(written("Thủ tướng Phạm Minh Chính thăm chính thức Lào.", published=None), "visit")
    assert [(e.start, e.end) for e in visits] == [(None, None)]


# --- triggers and leaders -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("Thủ tướng điện đàm với", ["call"]),
        ("hai bên hội đàm", ["meet"]),
        ("hội đàm trực tuyến với", ["call"]),
        ("sẽ thăm chính thức Lào", ["visit"]),
        ("tham dự Hội nghị", ["attend"]),
        ("ký kết hiệp định", ["sign"]),
        ("chứng kiến lễ ký", ["sign"]),
        ("có bài phát biểu", ["speak"]),
        ("thăm hỏi gia đình", []),
        ("điện thăm hỏi", []),
        ("tiếp tục thúc đẩy", []),
        ("tiếp nhận hồ sơ", []),
    ],
)
def test_find_triggers(text: str, kinds: list[str]) -> None:
    assert [t.type for t in find_triggers(text, 0)] == kinds


def test_trigger_offsets_are_shifted() -> None:
    triggers = find_triggers("hai bên hội đàm", 100)
    assert [(t.start, t.end) for t in triggers] == [(108, 115)]


def test_weak_trigger_is_marked() -> None:
    assert [(t.type, t.strong) for t in find_triggers("lên đường", 0)] == [("visit", False)]


@pytest.mark.parametrize(
    ("person", "leader"),
    [
        (Person(name="Nguyễn Văn An", roles=["Thủ tướng"], country="VN"), True),
        (Person(name="Lý Cường", roles=["Thủ tướng"], country="CN", org="Quốc vụ viện"), True),
        (Person(name="Vladimir Putin"), True),  # in the gazetteer of leaders
        (Person(name="Marc Knapper", roles=["Đại sứ"], country="US"), False),
        (Person(name="Phạm Nhật Vượng", roles=["Chủ tịch"], org="Tập đoàn Vingroup"), False),
        (Person(name="Tim Cook", roles=["Giám đốc điều hành"], org="Apple"), False),
    ],
)
def test_is_leader(person: Person, leader: bool) -> None:
    assert is_leader(person) is leader
