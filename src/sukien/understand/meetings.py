"""Multilateral meetings named in an article: "Hội nghị Cấp cao APEC lần thứ 30", "Đại hội đồng
Liên hợp quốc khóa 79", "G20", with the gazetteer's series code, number and year."""

from __future__ import annotations

import re

from sukien.doc import Mention
from sukien.lexicon import gazetteer as gz
from sukien.lexicon.names import UP
from sukien.text.fold import fold
from sukien.text.patterns import word_start_matches
from sukien.understand.names import title_pattern

# Multilateral meetings: a head noun, then the meeting's name up to a clause boundary.
# Its look-behind (?<![\w]) is applied by `word_start_matches`: written in the pattern, it would have
# `re` try the whole pattern at every character of the text.
MEETING_HEAD = re.compile(
    r"(?:Hội nghị|Hội nghị Cấp cao|Hội nghị cấp cao|Hội nghị Thượng đỉnh|Hội nghị thượng đỉnh|"
    r"Tuần lễ Cấp cao|Tuần lễ cấp cao|Diễn đàn|Đại hội đồng|Đại Hội đồng|Khóa họp|Khoá họp|khóa họp|"
    r"Phiên họp|"
    r"Phiên thảo luận|Hội nghị Bộ trưởng|Thượng đỉnh|Lễ kỷ niệm|Năm APEC|Cuộc họp|Đối thoại|"
    r"Tham vấn chính trị|Tham vấn|phiên họp tham vấn|phiên tham vấn|phiên họp(?= lần thứ)|"
    r"[Kk]ỳ họp(?= lần thứ)|cuộc họp(?= "
    rf"{UP}))(?![\w])"
)


MEETING_STOP = re.compile(
    r"[,;.:!?()\"“”\n]|\s(?:tại|ở|diễn ra|từ ngày|từ|vào|và thăm|và làm việc|và có|và (?:các )?hoạt động|"
    r"với|nhằm|theo|được|sẽ|đã|và (?:tham )?dự|"
    r"đang|vừa|do|cùng|trong|khi|sau khi|kết hợp|trên|sắp tới|tới đây|và [Ll]ễ|hôm|ngày(?=\s\d)|cuối tuần|"
    r"và (?:[Pp]hiên|[Hh]ội nghị|[Dd]iễn đàn|[Tt]uần lễ|[Kk]ỳ họp|[Hh]ội thảo|[Hh]ội chợ)|"
    r"tuần (?:qua|trước|này|tới)|năm ngoái|lần này)\s"
)


OWNER = re.compile(r"\scủa\s+")

# Attending a meeting named by its kind alone, as one the article named before: "tham dự Diễn đàn".
ATTENDED_BEFORE = re.compile(r"(?<![\w])(?:dự|tham dự)\s+$")


# An acronym in brackets right after a meeting's name.
BRACKETED = re.compile(r"\s*\(([^()]{1,20})\)")


# Held once, not an edition of the series the name holds: for an anniversary ("Hội nghị Cấp cao Đặc
# biệt kỷ niệm 50 năm quan hệ ASEAN – Australia") or as a special session ("Hội nghị đặc biệt Bộ
# trưởng Ngoại giao ASEAN – Trung Quốc", "Hội nghị Cấp cao đặc biệt ASEAN – Mỹ").
COMMEMORATIVE = re.compile(
    r"(?<![\w])(?:[Kk]ỷ niệm\s+\d+\s+năm|(?:Hội nghị|Phiên họp)(?:\s+[Cc]ấp cao)?\s+[Đđ]ặc biệt)(?![\w])"
)
QUOTED_NAME = re.compile(r"[\"“][^\"“”\n]{1,60}[\"”]")


TOPIC = re.compile(r"\svề\s")
TOPIC_BEFORE = re.compile(r"(?<![\w])về\s+$")
EDITION_THEN_PROSE = re.compile(r"(?P<edition>\slần thứ \d{1,3})\s+(?P<next>\w+)")


ACRONYM = re.compile(  # preceded by no word character: `word_start_matches`
    r"(?:APEC|ASEAN|G[ -]?20|G[ -]?7|BRICS|COP\s?\d{1,2}|WEF|EAS|ASEM|AIPA|SCO|CICA|Davos|Mekong)"
    r"(?:\s(?:20\d\d|lần thứ \d+))?(?![\w])"
)


ORDINAL = re.compile(
    r"(?:lần thứ|thứ|[Kk]hóa họp|[Kk]hoá họp|[Kk]hóa|[Kk]hoá|lần)\s+(\d{1,3}|[IVXLC]+)(?![\w])"
)


YEAR = re.compile(r"(?<!\d)(19[5-9]\d|20[0-4]\d)(?!\d)")


# "Diễn đàn Kinh tế Thế giới về ASEAN (WEF ASEAN) 2018": the year after the acronym in brackets.
YEAR_AFTER = re.compile(r"\s*(?:\([^()]{1,30}\))?\s*(19[5-9]\d|20[0-4]\d)(?!\d)")
ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman_to_int(numeral: str) -> int | None:
    total, previous = 0, 0
    for char in reversed(numeral):
        value = ROMAN.get(char)
        if value is None:
            return None
        total = total - value if value < previous else total + value
        previous = max(previous, value)
    return total


# "lần thứ tư": an edition in words, only after "lần thứ" ("thứ tư" alone is Wednesday).
ORDINAL_WORDS = {
    "nhất": 1, "hai": 2, "ba": 3, "tư": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10,
}  # fmt: skip
ORDINAL_WORD = re.compile(rf"lần thứ\s+({'|'.join(ORDINAL_WORDS)})(?![\w])")


def ordinal_in(span: str) -> int | None:
    found = ORDINAL.search(span)
    if not found:
        worded = ORDINAL_WORD.search(span)
        return ORDINAL_WORDS[worded.group(1)] if worded else None
    raw = found.group(1)
    return int(raw) if raw.isdigit() else roman_to_int(raw)


def find_meetings(text: str) -> list[Mention]:
    """MEETING mentions with the gazetteer's series code where it knows the meeting."""
    g = gz.load()
    found: list[Mention] = []
    last_end = -1
    for head in word_start_matches(MEETING_HEAD, text):
        if head.start() < last_end:
            continue
        window = text[head.start() : head.start() + 200]
        stop = MEETING_STOP.search(window, len(head.group(0)))
        # 'Hội nghị thượng đỉnh "Vành đai, Con đường" lần thứ 9': a quoted name is the meeting's own.
        quoted = QUOTED_NAME.match(window, stop.start()) if stop and stop.group(0) in '"“' else None
        if quoted is not None:
            stop = MEETING_STOP.search(window, quoted.end())
        # A number or a year right after the stop word still belongs to the name ("khóa 79").
        span = window[: stop.start()] if stop else window
        span = span.rstrip()
        # "Tuần lễ cấp cao APEC 2024 của Chủ tịch nước X": whose attendance it is, not the meeting's name
        # (unlike "Thượng đỉnh của NATO").
        owner = next((o for o in OWNER.finditer(span) if title_pattern().match(span, o.end())), None)
        if owner is not None:
            span = span[: owner.start()]
        # "Hội nghị Tương lai châu Á lần thứ 30 tiếp tục khẳng định ...": the edition ends the name
        # when the sentence goes on in lower case.
        edition = EDITION_THEN_PROSE.search(span)
        # ("Kỳ họp lần thứ 4 nội các chung Việt Nam - Thái Lan": a bare head names its body after it.)
        bare_head = edition is not None and span[: edition.start()].strip() == head.group(0)
        if (
            edition
            and edition.group("next")[0].islower()
            and edition.group("next") not in ("và", "của")
            and not bare_head
        ):
            span = span[: edition.end("edition")]
        full_end = head.start() + len(span)
        if len(span.split()) > 18:
            span = " ".join(span.split()[:18])
        # "Hội nghị Cấp cao Đặc biệt kỷ niệm 50 năm quan hệ ASEAN – Australia": held once, no edition
        # of the series it names.
        series = None if COMMEMORATIVE.search(span) else g.series_for(span)
        end = head.start() + len(span)
        about = TOPIC.search(span) if series is not None else None
        if (
            about is not None
            and ACRONYM.match(span, about.end())
            and g.series_for(span[: about.start()]) is None
        ):
            # "Đối thoại nhiều bên về APEC hướng tới 2020": a meeting about the series, of no series.
            series, code = None, None
        else:
            code = series.code if series else recurring_code(text, head.start(), end)
        # (A long name cut to its first words still takes the acronym after the whole of it.)
        if series is None and (bracket := BRACKETED.match(text, end) or BRACKETED.match(text, full_end)):
            # "Hội nghị các Nhà lãnh đạo Nhóm các nền kinh tế mới nổi (BRICS)": the acronym names it.
            known = g.series_for(bracket.group(1))
            if known is not None:
                code, end = known.code, bracket.end()
        # "tham dự Diễn đàn.": a kind alone, the forum the article named before (`extract.occasions`).
        attended = ATTENDED_BEFORE.search(text, max(0, head.start() - 12), head.start())
        named_again = span == head.group(0) and attended is not None
        unnamed = head.group(0) in ("Lễ kỷ niệm", "Cuộc họp", "Đối thoại", "Diễn đàn", "Tham vấn")
        if code is None and unnamed and not named_again:
            continue
        if code is None and head.group(0).islower():
            continue  # "phiên họp tham vấn" is a meeting's name only with its edition ("lần thứ 2")
        found.append(meeting_mention(text, head.start(), end, code))
        last_end = end
    for match in word_start_matches(ACRONYM, text):
        if any(m.start <= match.start() < m.end for m in found):
            continue
        if TOPIC_BEFORE.search(text, max(0, match.start() - 5), match.start()):
            continue  # "Đối thoại nhiều bên về APEC": what the meeting is about
        series = g.series_for(match.group(0))
        if series is not None:
            found.append(meeting_mention(text, match.start(), match.end(), series.code))
    found.sort(key=lambda m: m.start)
    return found


def edition_in(text: str, start: int, end: int) -> tuple[int | None, int | None]:
    """The number and year a meeting's name gives its edition ("lần thứ 30", "APEC 2017")."""
    span = text[start:end]
    # "khóa 79" and "lần thứ 30" often follow the name after a comma: look a little further.
    tail = text[end : end + 30]
    # "Đại Hội đồng Liên Hợp Quốc (LHQ) Khóa 79": after the acronym in brackets too.
    edition_next = re.match(r"\s*(?:\([^()]{1,12}\)\s*)?(?:khóa|khoá|lần)", tail, re.IGNORECASE)
    number = ordinal_in(span) or (ordinal_in(tail) if edition_next else None)
    year_match = next((y for y in YEAR.finditer(span) if not TARGET_YEAR.search(span, 0, y.start())), None)
    year_match = year_match or YEAR_AFTER.match(text, end)
    return number, int(year_match.group(1)) if year_match else None


# A year a meeting's name sets as a goal, not its edition: "... mục tiêu toàn cầu 2030 (P4G)",
# "Chương trình nghị sự 2030", "Tầm nhìn 2045".
TARGET_YEAR = re.compile(
    r"(?:[Mm]ục tiêu(?: toàn cầu)?|[Tt]ầm nhìn|[Cc]hương trình nghị sự|đến năm|tới năm)\s+$"
)


# "lần thứ 44 và 45": two editions held back to back, told as one.
MORE_NUMBERS = re.compile(r"(?:\s*(?:,|và)\s*(\d{1,3})(?![\w/.,]\d))")


def more_numbers(text: str, start: int, end: int) -> tuple[int, ...]:
    """The editions named after the first one ("Hội nghị Cấp cao ASEAN lần thứ 44 và 45")."""
    first = ORDINAL.search(text, start, end + 30)
    if first is None or not first.group(1).isdigit():
        return ()
    numbers: list[int] = []
    position = first.end()
    while (more := MORE_NUMBERS.match(text, position)) is not None:
        number = int(more.group(1))
        if number != int(first.group(1)) + len(numbers) + 1:
            break  # "lần thứ 44, 2 nước ...": only the next editions in order are editions
        numbers.append(number)
        position = more.end()
    return tuple(numbers)


def meeting_mention(text: str, start: int, end: int, code: str | None) -> Mention:
    span = text[start:end]
    number, year = edition_in(text, start, end)
    more = more_numbers(text, start, end)
    data = (("number", number), ("year", year), ("name", span), ("more_numbers", more))
    return Mention(start, end, "MEETING", span, code, data)


# The words a recurring meeting's own code leaves out: its head, its number and its year.
CODE_DROPS = re.compile(
    rf"(?:lần thứ|thứ|lần|khóa|khoá|năm)\s+(?:\d{{1,4}}|[IVXLC]+)|{ORDINAL_WORD.pattern}|\d{{1,4}}|[^\w\s]",
    re.IGNORECASE,
)


def recurring_code(text: str, start: int, end: int) -> str | None:
    """A code for a recurring meeting no gazetteer lists ("Đối thoại chính sách quốc phòng Việt Nam -
    Hàn Quốc lần thứ 6", "Diễn đàn Kinh tế Mùa thu năm 2025"): the meeting's name without its number
    and year, folded, so every edition shares it (SPEC: a code of the system's choosing). Only a
    name that counts its editions (an ordinal or a year) is recurring."""
    span = text[start:end]
    numbered, yeared = edition_in(text, start, end)
    # A year alone makes a meeting recurring only when it has a proper name ("Diễn đàn Kinh tế Mùa thu
    # năm 2025"), not a domestic "Hội nghị tổng kết công tác năm 2024".
    named = any(w[:1].isupper() for w in span.split()[2:])
    if not numbered and not (yeared is not None and named) and not summit_of_body(span):
        return None
    code = ""
    for word in fold(CODE_DROPS.sub(" ", span)).upper().split():
        if len(code) + len(word) + 1 > MAX_CODE_CHARS:
            break
        code = f"{code}_{word}" if code else word
    return code or None


MAX_CODE_CHARS = 48

# "Hội nghị thượng đỉnh NATO": the summit of an intergovernmental body meets again and again, numbered
# or not.
SUMMIT_OF = re.compile(r"(?:Hội nghị\s+)?(?:[Tt]hượng đỉnh|[Cc]ấp cao)\s+(?:của\s+)?(?P<body>.+)")


def summit_of_body(span: str) -> bool:
    found = SUMMIT_OF.fullmatch(span.strip())
    org = gz.load().org(found.group("body").strip()) if found else None
    return org is not None and org.kind == "intergovernmental"
