"""The year an undated article is about, for its dates that state no year.

Many archives (baomoi 2017, VietNews) carry no publication date, and their articles write "ngày
8/11" without a year. The date grammar takes the nearest stated year, which is often background
("thiết lập quan hệ ngoại giao năm 1973", "Công ước Luật Biển năm 1982"). A careful reader takes
the year from what dates the article itself: full dates, statistics "to date" ("8 tháng năm 2017",
"quý I năm 2018"), and the meetings it reports ("APEC 2017", "G20 lần thứ 14"). No library does this.
"""

from __future__ import annotations

import re
from datetime import date

from sukien.doc import DateMention, Doc
from sukien.lexicon import gazetteer as gz
from sukien.settings import YEAR_LEAD_CHARS
from sukien.text.patterns import word_start_matches
from sukien.understand.dates import resolve

# Periods of the present: figures "to date" in the article's own year.
PRESENT_PERIOD = re.compile(  # preceded by no word character: `word_start_matches`
    r"(?:(?:\d{1,2}|mấy)\s+tháng\s+(?:đầu\s+|qua\s+(?:của\s+)?|cuối\s+)?năm|quý\s+(?:I{1,3}|IV|[1-4])"
    r"(?:\s+năm|/)|nửa\s+đầu\s+năm|đầu\s+năm\s+nay,?\s+năm)\s+((?:19|20)\d\d)(?!\d)"
)
# A year that is a target ("đến năm 2030", "lên 1 tỷ USD vào năm 2020") says nothing of the present.
TARGET_BEFORE = re.compile(
    r"(?:(?:đến|tới|trước|hướng tới|tầm nhìn|giai đoạn|từ nay đến|kế hoạch|mục tiêu|dự kiến|sẽ|vào khoảng)"
    r"\s+(?:hết\s+)?(?:năm\s+)?"
    r"|(?:USD|đồng|euro|%|tấn|người)\s+(?:vào\s+)?(?:năm\s+)?)$"
)
# Words of the news a full date may date: visits, meetings, calls, summits.
NEWS_WORDS = re.compile(
    r"(?<![\w])(?:thăm|hội đàm|hội kiến|gặp|tiếp|điện đàm|dự|tham dự|lên đường|đến|tới|rời|công du|"
    r"chuyến|hội nghị|Hội nghị|thượng đỉnh|ký|phát biểu|chủ trì|đón)(?![\w])"
)
# A year of the background: founding, treaties, relations, a past visit, an incident something came
# after ("sau vụ nổ hạt nhân ... vào tháng 9/2017").
BACKGROUND_BEFORE = re.compile(
    r"(?:Công ước|Luật|Hiệp định|Hiệp ước|Tuyên bố|Nghị quyết|ký|thành lập|thiết lập|từ năm|kể từ|hồi|"
    r"trước đây|sinh|từng|lần đầu|hiệu lực|nâng cấp|qua đời|đắc cử|nhậm chức|tốt nghiệp|bổ nhiệm|sau vụ)"
    r"[^.;\n]{0,40}$",
    re.IGNORECASE,
)
# A clause told as what has happened before ("Thủ tướng X đã từng gặp ... bên lề Hội nghị APEC tháng 11
# - 2016", "Trump từng gặp Hoàng đế Akihito ... khi ông thăm Nhật vào tháng 11/2017"): its dates are
# the background's, however far the date is from the words.
PAST_CLAUSE = re.compile(
    r"(?<![\w])(?:đã từng|từng\s+(?:gặp|thăm|đến|tới|sang|là|tham dự|dự|hội đàm|hội kiến|làm việc))(?![\w])"
    r"[^;]*$"
)
# What a date after it belongs to when an event's sentence also tells of a founding, relations set up,
# a birth ("... nước thiết lập quan hệ ngoại giao với Việt Nam rất sớm, vào ngày 25-3-1971"): further
# apart than `BACKGROUND_BEFORE` allows, and with fewer words ("ký" may well date the event itself).
# The date must be told as that event's ("vào ngày", "là ngày"), not as a range that begins the
# sentence's own ("dự Lễ kỷ niệm 80 năm thành lập Đảng ... từ ngày 9-11/10").
FOUNDING_BEFORE = re.compile(
    r"(?<!kỷ niệm )(?<!\d năm )(?:thành lập|thiết lập|sinh|qua đời|nhậm chức|tốt nghiệp)(?![\w])"
    r"[^.;\n]{0,70}?(?:vào|là|hôm)\s+(?:ngày\s+)?$",
    re.IGNORECASE,
)

# Words that put what follows in the sentence ahead of the story: the next edition handed over, a
# chair year to come, what will be done ("bàn giao vai trò nước chủ nhà Hội nghị WEF ASEAN năm 2018",
# "sẽ tăng cường hợp tác ... trong Năm Chủ tịch ASEAN 2020"). Their years date the story only when
# nothing else does (an announcement of a meeting to come is dated by it).
AHEAD_BEFORE = re.compile(
    r"(?<![\w])(?:sẽ|dự kiến|sắp tới|chuẩn bị|bàn giao|chuyển giao|tiếp nhận|đảm nhận|đăng cai|"
    r"nước chủ nhà|[Nn]ăm Chủ tịch|cương vị Chủ tịch)(?![\w])"
)


def sentence_at(doc: Doc, position: int) -> tuple[int, int] | None:
    return next(((s, e) for s, e in doc.sentences if s <= position < e), None)


def ahead(doc: Doc, position: int) -> bool:
    """Whether the sentence holding `position` puts it ahead of the story, by a word before it."""
    sentence = sentence_at(doc, position)
    start = sentence[0] if sentence else max(0, position - 200)
    return bool(AHEAD_BEFORE.search(doc.norm, start, position))


def target_or_range(doc: Doc, mention: DateMention) -> bool:
    before = doc.norm[max(0, mention.start - 24) : mention.start]
    after = doc.norm[mention.end : mention.end + 3]
    return bool(TARGET_BEFORE.search(before) or re.match(r"\s?[-–]\s?\d", after))


# "Về đầu tư, tính đến tháng 11/2016, Mỹ xếp thứ 8": the cut-off of a statistic, often months before
# the story; it dates the story only when nothing else does ("Tính đến tháng 3-2018, có 66 doanh nghiệp").
CUTOFF_BEFORE = re.compile(
    r"(?<![\w])(?:[Tt]ính (?:đến|tới)|[Ll]ũy kế (?:đến|tới))\s+(?:hết\s+)?(?:ngày\s+)?$"
)


# A date alone in brackets ("(20/4/2018)", "(ngày 6-9/5/2016)"), annotating what it follows.
BRACKET_OPENS = re.compile(r"\((?:ngày\s+)?$")


def tells_news(doc: Doc, mention: DateMention) -> bool:
    """A full date dates the story when its sentence tells of a visit, a meeting or a call, and not
    of a birth, a treaty or relations set up ("sinh ngày 28/9/1944", "có hiệu lực từ ngày 1/1/2014")."""
    if BACKGROUND_BEFORE.search(doc.norm, max(0, mention.start - 60), mention.start):
        return False
    if FOUNDING_BEFORE.search(doc.norm, max(0, mention.start - 90), mention.start):
        return False  # "Đà Nẵng đã thiết lập quan hệ hữu nghị ... với thành phố Kosice ... vào tháng 4/2015"
    opened = BRACKET_OPENS.search(doc.norm, max(0, mention.start - 8), mention.start)
    if opened and doc.norm[mention.end : mention.end + 1] == ")":
        return False  # "Tại Hội nghị Trung ương 3 (20/4/2018), ...": the date of a past event, in brackets
    if told_as_past(doc, mention.start):
        return False
    start, end = sentence_at(doc, mention.start) or (mention.start, mention.end)
    return bool(NEWS_WORDS.search(doc.norm, start, end))


def told_as_past(doc: Doc, position: int) -> bool:
    # Within the sentence, and a few lines back at most: a text with no sentence breaks stays linear.
    start = (sentence_at(doc, position) or (position, position))[0]
    return bool(PAST_CLAUSE.search(doc.norm, max(start, position - PAST_CLAUSE_REACH), position))


PAST_CLAUSE_REACH = 300  # characters


def present_years(doc: Doc) -> list[int]:
    """Years that date the article itself: full dates and periods to date; failing those, the
    meetings it tells of, when no year it states is later (a later year makes the meeting past)."""
    g = gz.load()
    told = [
        m
        for m in doc.dates
        if m.year_stated
        and m.first
        and not m.reference_time
        and m.precision in ("day", "month")
        and tells_news(doc, m)
    ]
    cut = [bool(CUTOFF_BEFORE.search(doc.norm, max(0, m.start - 24), m.start)) for m in told]
    cutoffs = [m.first.year for m, is_cutoff in zip(told, cut, strict=True) if m.first and is_cutoff]
    years = [m.first.year for m, is_cutoff in zip(told, cut, strict=True) if m.first and not is_cutoff]
    years += [int(found.group(1)) for found in word_start_matches(PRESENT_PERIOD, doc.norm)]
    years += anniversary_years(doc)
    years += years_after_last_years_meeting(doc)
    if years:
        return years
    now: list[int] = []
    later: list[int] = []
    for meeting in doc.mentions:
        if meeting.label != "MEETING" or not meeting.key or told_as_past(doc, meeting.start):
            continue
        year = meeting.get("year") or (
            g.year_for(meeting.key, meeting.get("number")) if meeting.get("number") else None
        )
        if year:
            (later if ahead(doc, meeting.end - 1) else now).append(year)
    stated = [
        m.first.year
        for m in doc.dates
        if m.year_stated
        and m.first
        and m.precision == "year"
        and not target_or_range(doc, m)
        and not ahead(doc, m.start)
    ]
    latest_stated = max(stated, default=0)
    return [y for y in now if y >= latest_stated] or [y for y in later if y >= latest_stated] or cutoffs


# "kỷ niệm 45 năm quan hệ ngoại giao (ngày 7/1/1972-7/1/2017)": an anniversary kept in the story's
# year, told with both ends of its span (about 200 in the undated archive files).
ANNIVERSARY = re.compile(
    r"(?<![\w])kỷ niệm\s+(\d{1,3})\s+năm[^()]{0,120}?\((?:ngày\s+)?[\d/.-]*?((?:19|20)\d\d)\s*[-–]\s*"
    r"(?:ngày\s+)?[\d/.-]*?((?:19|20)\d\d)\)"
)


def anniversary_years(doc: Doc) -> list[int]:
    """The years of anniversaries whose span, as told, is as long as the number of years they mark."""
    return [
        int(found.group(3))
        for found in ANNIVERSARY.finditer(doc.norm)
        if int(found.group(3)) - int(found.group(2)) == int(found.group(1))
    ]


# "Năm ngoái, tại Hội nghị cấp cao APEC ở Đà Nẵng, ...": last year's meeting; the story is a year on.
LAST_YEAR_BEFORE = re.compile(r"(?<![\w])[Nn]ăm ngoái(?![\w])[^.;!?]{0,80}$")
HELD_IN = re.compile(r"[^.;!?]{0,40}?\s(?:ở|tại)\s+(?:thành phố\s+|thủ đô\s+)?$")


def years_after_last_years_meeting(doc: Doc) -> list[int]:
    """The year after each meeting told as last year's whose edition the article names by its year,
    its number or the city it was held in (one edition per city, as the gazetteer lists them)."""
    g = gz.load()
    cities = [m for m in doc.mentions if m.label == "CITY" and m.key]
    found = []
    for meeting in doc.mentions:
        if meeting.label != "MEETING" or not meeting.key:
            continue
        sentence = sentence_at(doc, meeting.start) or (max(0, meeting.start - 80), meeting.start)
        if not LAST_YEAR_BEFORE.search(doc.norm, max(sentence[0], meeting.start - 90), meeting.start):
            continue
        year = meeting.get("year") or (
            g.year_for(meeting.key, meeting.get("number")) if meeting.get("number") else None
        )
        if year is None:
            city = next(
                (
                    c
                    for c in cities
                    if 0 <= c.start - meeting.end <= 60 and HELD_IN.fullmatch(doc.norm, meeting.end, c.start)
                ),
                None,
            )
            edition = g.edition_held(meeting.key, city.key, None) if city else None
            year = edition.year if edition else None
        if year:
            found.append(year + 1)
    return found


def story_year(doc: Doc) -> int | None:
    """The latest year that dates the article (news tells of the present; background is older);
    failing those, its latest year alone that is neither a target nor background."""
    this_year = date.today().year
    # A story is not older than the days it dates: a "present" year well before a later full date
    # the article states (not a target) is background that slipped through ("31/5" beside "1945").
    mentioned = [
        m.first.year
        for m in doc.dates
        if m.year_stated
        and m.first
        and m.precision == "day"
        and m.first.year <= this_year
        and not target_or_range(doc, m)
    ]
    floor = max(mentioned, default=0) - 1
    years = [y for y in present_years(doc) if floor <= y <= this_year]
    if not years:
        # A year alone dates the story only in its lead ("hoạt động đối ngoại quan trọng năm 2023");
        # further down it is background, and careful readers leave such dates without a year.
        lead_end = doc.sentences[1][1] if len(doc.sentences) > 1 else YEAR_LEAD_CHARS
        for mention in doc.dates:
            if mention.precision != "year" or not mention.year_stated or mention.first is None:
                continue
            if mention.start > max(lead_end, YEAR_LEAD_CHARS):
                continue
            if target_or_range(doc, mention) or ahead(doc, mention.start):
                continue  # "... sẽ diễn ra vào năm 2018": a year to come is not the story's
            if BACKGROUND_BEFORE.search(doc.norm[max(0, mention.start - 60) : mention.start]):
                continue
            if mention.first.year <= this_year:
                years.append(mention.first.year)
    return max(years) if years else None


def settle_years(doc: Doc) -> None:
    """In an undated article, every date without a year takes the year the article is about, and
    stays without one when the article never says it."""
    if doc.published_date is not None:
        return
    year = story_year(doc)
    # The latest day the article states with its year: a day said to come ("ngày 8/2 tới") is after it.
    latest = max(
        (m.first for m in doc.dates if m.year_stated and m.precision == "day" and m.first is not None),
        default=None,
    )
    settled = []
    for mention in doc.dates:
        if not mention.year_stated and mention.precision in ("day", "month"):
            if year is None:
                mention = DateMention(
                    mention.start,
                    mention.end,
                    mention.text,
                    None,
                    None,
                    mention.precision,
                    False,
                    mention.part_of_day,
                    mention.reference_time,
                    mention.month_days,
                )
            else:
                resolved = resolve(mention, sentence_year(doc, mention.start, year))
                if (
                    latest is not None
                    and resolved.first is not None
                    and resolved.first < latest
                    and (TO_COME.match(doc.norm, mention.end) or SAID_TO_COME.search(mention.text))
                ):
                    resolved = resolve(mention, latest.year + 1)  # "vào ngày 8/2 tới" after "23/11/2016"
                mention = resolved
        settled.append(mention)
    doc.dates = settled


# A day said to come, right after it: "vào ngày 8/2 tới", "tháng 11 tới".
TO_COME = re.compile(r"\s+tới(?![\w])(?!\s+(?:[A-ZĐ]|thăm|dự|tham|làm))")
SAID_TO_COME = re.compile(r"\stới$")  # the mention itself may end with it


# "nhắc lại những kết quả trong năm 2017, với chuyến thăm ... vào tháng 5": a past year stated earlier
# in the sentence frames the dates after it.
SENTENCE_YEAR = re.compile(r"(?<![\w])(?:trong|vào|của)\s+năm\s+((?:19|20)\d\d)(?![\d/.-])[^.!?;\n]*$")


def sentence_year(doc: Doc, start: int, story: int) -> int:
    """The year a date without one takes in an undated article: the story's, unless its sentence
    stated an earlier one before it."""
    framed = SENTENCE_YEAR.search(doc.text, max(0, start - 200), start)
    if framed is None or int(framed.group(1)) >= story:
        return story
    return int(framed.group(1))
