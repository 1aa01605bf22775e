"""People with their titles and multilateral meetings (`sukien.entities`), on sentences written here
in the shapes news gives them and on real items of ../shared/corpus."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus_items import read_items
from sukien.doc import Mention
from sukien.lexicon.names import same_name
from sukien.text.normalise import tone_normalise
from sukien.understand.chains import parse_chain
from sukien.understand.meetings import find_meetings
from sukien.understand.names import take_name, title_pattern
from sukien.understand.people import find_people


def people(sentence: str) -> list[Mention]:
    """Titled and bare mentions of people, found as `understand` finds them (on tone-normalised text)."""
    return [m for m in find_people(tone_normalise(sentence)) if m.label in ("PERSON", "TITLE")]


def person_named(sentence: str, name: str) -> Mention:
    found = [m for m in people(sentence) if m.key == name]
    assert found, f"{name!r} not among {[m.key for m in people(sentence)]}"
    return found[0]


def meeting(text: str) -> Mention:
    found = find_meetings(tone_normalise(text))
    assert found, f"no meeting in {text!r}"
    return found[0]


# --- people: the name after a chain of titles -------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Thủ tướng Quốc vụ viện Trung Quốc Lý Cường đã đến Hà Nội.", "Lý Cường"),
        ("Tổng Bí thư, Chủ tịch nước Tô Lâm phát biểu khai mạc.", "Tô Lâm"),
        ("Tô Lâm gặp Thủ tướng Tòa thánh Vatican, Hồng y Pietro Parolin tại New York.", "Pietro Parolin"),
        ("Nhận lời mời của Tổng thống Ireland Michael D. Higgins, đoàn sẽ sang thăm.", "Michael D. Higgins"),
        ("Đồng Chủ tịch Đảng Cộng sản Hoa Kỳ Rossana Cambron phát biểu tại buổi gặp.", "Rossana Cambron"),
        ("Thủ tướng Nhật Bản Kishida Fumio hội đàm với đoàn.", "Kishida Fumio"),
        ("Quốc vương Campuchia Norodom Sihamoni thăm Việt Nam.", "Norodom Sihamoni"),
        (
            "Tiếp đón đại tướng Phan Văn Giang, Phó thủ tướng Chính phủ, Bộ trưởng Bộ Quốc phòng.",
            "Phan Văn Giang",
        ),
    ],
)
def test_name_after_titles(sentence: str, name: str) -> None:
    assert name in [m.key for m in people(sentence) if m.label == "PERSON"]


@pytest.mark.parametrize(
    ("sentence", "name", "country"),
    [
        ("Thủ tướng Quốc vụ viện Trung Quốc Lý Cường đã đến Hà Nội.", "Lý Cường", "CN"),
        ("Tổng Bí thư, Chủ tịch nước Tô Lâm phát biểu khai mạc.", "Tô Lâm", "VN"),
        (
            "Tô Lâm gặp Thủ tướng Tòa thánh Vatican, Hồng y Pietro Parolin tại New York.",
            "Pietro Parolin",
            "VA",
        ),
        (
            "Nhận lời mời của Tổng thống Ireland Michael D. Higgins, đoàn sẽ sang thăm.",
            "Michael D. Higgins",
            "IE",
        ),
        ("Thủ tướng Nhật Bản Kishida Fumio hội đàm với đoàn.", "Kishida Fumio", "JP"),
        # A Vietnamese name with no country beside it is Vietnamese.
        ("Thủ tướng Chính phủ Phạm Minh Chính chủ trì phiên họp.", "Phạm Minh Chính", "VN"),
    ],
)
def test_country_of_person(sentence: str, name: str, country: str) -> None:
    assert person_named(sentence, name).get("country") == country


@pytest.mark.parametrize(
    ("sentence", "name", "roles"),
    [
        # SPEC: short titles, without the body that qualifies them.
        ("Thủ tướng Quốc vụ viện Trung Quốc Lý Cường đã đến Hà Nội.", "Lý Cường", ["Thủ tướng"]),
        ("Thủ tướng Chính phủ Phạm Minh Chính chủ trì phiên họp.", "Phạm Minh Chính", ["Thủ tướng"]),
        ("Tổng Bí thư, Chủ tịch nước Tô Lâm phát biểu khai mạc.", "Tô Lâm", ["Tổng Bí thư", "Chủ tịch nước"]),
        (
            "Nhận lời mời của Tổng thống Ireland Michael D. Higgins, đoàn sẽ sang thăm.",
            "Michael D. Higgins",
            ["Tổng thống"],
        ),
    ],
)
def test_roles_of_person(sentence: str, name: str, roles: list[str]) -> None:
    assert list(person_named(sentence, name).get("roles")) == roles


def test_titles_in_apposition_join_the_roles() -> None:
    sentence = (
        "Tiếp đón đại tướng Phan Văn Giang, Phó thủ tướng Chính phủ, Bộ trưởng Bộ Quốc phòng tại sân bay."
    )
    roles = person_named(sentence, "Phan Văn Giang").get("roles")
    assert {"Phó Thủ tướng", "Bộ trưởng"} <= set(roles)


def test_cardinal_keeps_both_titles() -> None:
    sentence = "Tô Lâm gặp Thủ tướng Tòa thánh Vatican, Hồng y Pietro Parolin tại New York."
    assert "Hồng y" in person_named(sentence, "Pietro Parolin").get("roles")


def test_spouse_title_is_not_the_leaders_role() -> None:
    mention = person_named("Phu nhân Thủ tướng Singapore Lawrence Wong thăm bảo tàng.", "Lawrence Wong")
    assert "Phu nhân" not in mention.get("roles")


def test_former_office_is_marked() -> None:
    assert person_named("Nguyên Thủ tướng Nguyễn Tấn Dũng dự lễ.", "Nguyễn Tấn Dũng").get("former") is True


@pytest.mark.parametrize(
    "sentence",
    [
        "Nhà lãnh đạo APEC nhóm họp tại Lima.",
        "Tổng thống TTXVN đưa tin.",
        "Chủ tịch Tập đoàn phát biểu.",
    ],
)
def test_acronyms_and_bodies_are_not_names(sentence: str) -> None:
    assert [m for m in people(sentence) if m.label == "PERSON"] == []


def test_name_with_particles() -> None:
    sentence = "Chủ tịch Ủy ban châu Âu Ursula von der Leyen gặp Thủ tướng."
    assert "Ursula von der Leyen" in [m.key for m in people(sentence)]


def test_one_word_name_is_kept_as_written() -> None:
    assert "Francis" in [m.key for m in people("Giáo hoàng Francis mong sớm thăm Việt Nam.")]


# --- people: later mentions resolve to the person introduced -------------------------------------


@pytest.mark.parametrize(
    ("text", "short", "name"),
    [
        (
            "Thủ tướng Nguyễn Xuân Phúc lên đường. Thủ tướng Phúc nhấn mạnh quan hệ hai nước.",
            "Thủ tướng Phúc",
            "Nguyễn Xuân Phúc",
        ),
        (
            "Tổng thống Nga Vladimir Putin tiếp đoàn. Tổng thống Putin cho biết hai bên nhất trí.",
            "Tổng thống Putin",
            "Vladimir Putin",
        ),
    ],
)
def test_short_form_resolves_to_full_name(text: str, short: str, name: str) -> None:
    later = [m for m in people(text) if m.text == short]
    assert [m.key for m in later] == [name]


def test_bare_title_resolves_to_person_introduced_with_it() -> None:
    text = "Chủ tịch nước Tô Lâm đến New York. Chủ tịch nước cho biết hai bên nhất trí tăng cường hợp tác."
    bare = [m for m in people(text) if m.label == "TITLE" and m.text == "Chủ tịch nước"]
    assert [m.key for m in bare] == ["Tô Lâm"]


def test_bare_title_with_nobody_introduced_stays_unresolved() -> None:
    bare = [m for m in people("Chủ tịch nước cho biết hai bên nhất trí.") if m.label == "TITLE"]
    assert bare and all(m.key is None for m in bare)


def test_bare_full_name_is_a_later_mention() -> None:
    text = "Tổng Bí thư Tô Lâm đến Jakarta. Tô Lâm nhấn mạnh quan hệ hai nước."
    later = [m for m in people(text) if m.get("titled") is False]
    assert [(m.text, m.key) for m in later] == [("Tô Lâm", "Tô Lâm")]


# --- same_name, parse_chain, take_name -----------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("nguyen xuan phuc", "nguyen xuan phuc", True),
        ("phuc", "nguyen xuan phuc", True),  # Vietnamese short form: the given name
        ("putin", "vladimir putin", True),  # foreign short form: the family name
        ("moon", "moon jae in", True),  # East Asian family name first
        ("nguyen", "nguyen xuan phuc", False),  # a Vietnamese surname alone is nobody in particular
        ("tran dai quang", "tran quoc vuong", False),
        ("lawrence wong", "wong", True),
        ("donald trump", "melania trump", False),
    ],
)
def test_same_name(a: str, b: str, same: bool) -> None:
    assert same_name(a, b) is same
    assert same_name(b, a) is same


@pytest.mark.parametrize(
    ("text", "titles", "country"),
    [
        ("Tổng Bí thư, Chủ tịch nước Tô Lâm", ["Tổng Bí thư", "Chủ tịch nước"], None),
        (
            "Phó Thủ tướng kiêm Bộ trưởng Ngoại giao Bùi Thanh Sơn",
            ["Phó Thủ tướng", "Bộ trưởng Ngoại giao"],
            None,
        ),
        ("Thủ tướng Quốc vụ viện Trung Quốc Lý Cường", ["Thủ tướng"], "CN"),
        ("Tổng thống Ireland Michael D. Higgins", ["Tổng thống"], "IE"),
        ("Bộ trưởng Ngoại giao Hoa Kỳ Antony Blinken", ["Bộ trưởng Ngoại giao"], "US"),
    ],
)
def test_parse_chain(text: str, titles: list[str], country: str | None) -> None:
    chain = parse_chain(text, title_pattern().match(text))
    assert (chain.titles, chain.country) == (titles, country)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tổng Bí thư, Chủ tịch nước Tô Lâm đã phát biểu", "Tô Lâm"),
        ("Phó Thủ tướng kiêm Bộ trưởng Ngoại giao Bùi Thanh Sơn cho biết", "Bùi Thanh Sơn"),
        ("Tổng thống Ireland Michael D. Higgins.", "Michael D. Higgins"),
        ("Cố vấn An ninh quốc gia Sullivan cho biết", "Sullivan"),
        ("Chủ tịch Đảng Cộng sản Hoa Kỳ Rossana Cambron phát biểu", "Rossana Cambron"),
        ("Thủ tướng Nga Mikhail Mishustin thăm Việt Nam", "Mikhail Mishustin"),
    ],
)
def test_take_name(text: str, name: str) -> None:
    chain = parse_chain(text, title_pattern().match(text))
    span = take_name(text, chain.end)
    assert span is not None and text[span[0] : span[1]] == name


def test_take_name_keeps_a_given_name_that_is_also_a_city() -> None:
    text = "Tổng thống Nga Vladimir Putin phát biểu"
    span = take_name(text, parse_chain(text, title_pattern().match(text)).end)
    assert span is not None and text[span[0] : span[1]] == "Vladimir Putin"


@pytest.mark.parametrize(
    "text", ["Nhà lãnh đạo APEC nhất trí", "Chủ tịch nước cho biết", "Thủ tướng Tại Hà Nội"]
)
def test_take_name_finds_none(text: str) -> None:
    chain = parse_chain(text, title_pattern().match(text))
    assert take_name(text, chain.end) is None


# --- meetings -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "series", "number"),
    [
        ("Hội nghị Cấp cao APEC lần thứ 30 diễn ra tại San Francisco.", "APEC", 30),
        ("Đại hội đồng Liên hợp quốc khóa 79 khai mạc tại New York.", "UNGA", 79),
        ("Hội nghị thượng đỉnh G20 tại Osaka.", "G20", None),
        ("Hội nghị Cấp cao ASEAN lần thứ 44 tại Vientiane.", "ASEAN", 44),
        ("Hội nghị thượng đỉnh Tương lai của Liên hợp quốc đã bế mạc.", "SOTF", None),
        ("Hội nghị thượng đỉnh BRICS tại Kazan.", "BRICS", None),
        ("Diễn đàn Kinh tế Thế giới tại Davos.", "WEF", None),
    ],
)
def test_meeting_series_and_number(text: str, series: str, number: int | None) -> None:
    found = meeting(text)
    assert (found.key, found.get("number")) == (series, number)


def test_meeting_number_after_khoa_hop() -> None:
    assert meeting("Khóa họp 79 Đại hội đồng Liên hợp quốc khai mạc.").get("number") == 79


def test_domestic_conference_has_no_series() -> None:
    assert all(
        m.key is None for m in find_meetings(tone_normalise("Hội nghị tổng kết công tác năm 2024 của ngành"))
    )


def test_one_off_forum_without_series_is_not_a_meeting() -> None:
    assert find_meetings(tone_normalise("Diễn đàn doanh nghiệp hai nước diễn ra sôi nổi.")) == []


# --- on real items --------------------------------------------------------------------------------

# Items whose text puts a leader's name right before a full stop and a capitalised next sentence.
SENTENCE_END_IDS = ("baochinhphu-001616", "baochinhphu-004358")


@pytest.fixture(scope="module")
def baochinhphu(corpus_dir: Path) -> dict[str, dict]:
    return read_items(corpus_dir, "baochinhphu-2024-2025.jsonl.xz", SENTENCE_END_IDS)


def test_seed_people(seeds_dir: Path) -> None:
    text = tone_normalise(next(seeds_dir.glob("004_*.txt")).read_text(encoding="utf-8"))
    names = {m.key for m in find_people(text) if m.label == "PERSON"}
    assert {"Tô Lâm", "Pietro Parolin"} <= names


def test_seed_people_span_their_text(seeds_dir: Path) -> None:
    text = tone_normalise(next(seeds_dir.glob("004_*.txt")).read_text(encoding="utf-8"))
    assert all(text[m.start : m.end] == m.text for m in find_people(text))


@pytest.mark.parametrize("item_id", SENTENCE_END_IDS)
def test_name_stops_at_sentence_end(baochinhphu: dict[str, dict], item_id: str) -> None:
    text = tone_normalise(baochinhphu[item_id]["text"])
    names = [m.key for m in find_people(text) if m.key]
    assert names and not [n for n in names if re.search(r"\.\s+\w", n)]


# --- people introduced other ways ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "name", "roles", "country"),
    [
        # Honorific + name + titles in apposition introduce a new person.
        (
            "Ông Umeda Shoji, Chủ tịch Hội Hữu nghị Nhật-Việt tỉnh Osaka, cảm ơn Thủ tướng.",
            "Umeda Shoji",
            ("Chủ tịch",),
            None,
        ),
        # "đồng chí" + a leader the gazetteer knows, with no title in the text.
        ("Chủ tịch Quốc hội Vương Đình Huệ đã hội kiến đồng chí Tập Cận Bình.", "Tập Cận Bình", None, "CN"),
        # A formal country name between title and name.
        (
            "Tổng thống nước Cộng hòa Liên bang Brazil Luiz Inácio Lula da Silva sẽ thăm Việt Nam.",
            "Luiz Inácio Lula da Silva",
            ("Tổng thống",),
            "BR",
        ),
        # "TP" and a city before the name qualify the title.
        (
            "Chủ tịch nước đã gặp Thống đốc TP Saint Petersburg Georgy Poltavchenko.",
            "Georgy Poltavchenko",
            ("Thống đốc",),
            None,
        ),
        # A body in lower case, closed by an acronym, between title and name.
        (
            "Ông gặp Tổng thư ký đảng cầm quyền UMNO Tengku Adnan Tengku Mansor, tiếp Chánh án.",
            "Tengku Adnan Tengku Mansor",
            ("Tổng thư ký",),
            None,
        ),
        (
            "Ông tiếp Bộ trưởng phụ trách Hội đồng An ninh Quốc gia Shahidan Bin Kassim.",
            "Shahidan Bin Kassim",
            ("Bộ trưởng",),
            None,
        ),
        # A ministry with its country qualifies the title.
        (
            "Bộ trưởng Bộ Quốc phòng Nhật Bản Koizumi Shinjiro đã chủ trì lễ đón.",
            "Koizumi Shinjiro",
            ("Bộ trưởng",),
            "JP",
        ),
    ],
)
def test_people_introduced_by_other_shapes(
    text: str, name: str, roles: tuple[str, ...] | None, country: str | None
) -> None:
    found = {m.key: m for m in find_people(tone_normalise(text)) if m.label == "PERSON"}
    assert name in found
    if roles is not None:
        assert tuple(found[name].get("roles")) == roles
    assert found[name].get("country") == country


@pytest.mark.parametrize("text", ["Nhà lãnh đạo APEC đã nhóm họp.", "Thủ tướng Châu Á phát triển."])
def test_acronyms_and_continents_are_not_people(text: str) -> None:
    assert [m for m in find_people(tone_normalise(text)) if m.label == "PERSON"] == []


def test_a_meeting_name_stops_before_the_verb_that_follows_it() -> None:
    found = meeting("Hội nghị thượng đỉnh G20 đang diễn ra tại Osaka.")
    assert found.text == "Hội nghị thượng đỉnh G20"
