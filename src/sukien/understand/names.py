"""A person's name where a title leaves off: where it ends, what is no part of it, and how a careful
reader writes it ("Felipe VI", "Suh Choo-suk", "Abdel-Fattah El-Sisi", not "Thống đốc Saint
Petersburg"). Split from people.py, which finds the title chains these names follow."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import cache

from sukien.lexicon import gazetteer as gz
from sukien.lexicon.names import (
    NAME_RUN,
    NOT_NAME_WORDS,
    NOT_PEOPLE,
    ORG_HEAD,
    PLACE_PREFIXES,
    VIETNAMESE_SURNAMES,
    is_acronym,
)
from sukien.lexicon.names import vietnamese_syllable as syllable_shaped
from sukien.lexicon.triggers import word_list
from sukien.settings import ORG_SKIP_WORDS
from sukien.text.fold import fold
from sukien.text.patterns import trie_alternation, word_start_matches
from sukien.understand.qualifiers import country_qualifier, qualifier_pattern


@cache
def title_pattern() -> re.Pattern[str]:
    # Matched without regard to case: news also writes titles in lower case ("đại tướng Phan Văn
    # Giang"); those need a name after them (find_people).
    titles = {t.text.lower() for t in gz.load().titles}
    return re.compile(rf"(?<![\w]){trie_alternation(titles)}(?![\w])", re.IGNORECASE)


def title_matches(text: str) -> Iterator[re.Match[str]]:
    """What `title_pattern().finditer(text)` gives, in half the time: `re` scans without regard to
    case letter by letter and tries a look-behind at every character, so the titles are looked for
    in the lower-cased text by a pattern of lower-case letters (`re` then skips to their first
    letters), and each found is matched again in `text` by `title_pattern()` at that place: the very
    match, in the text's own case. A text that lower-cases otherwise than `re` compares letters
    (a longer text, "İ"; a letter `re` takes for a title's, "ſ" for "s") is scanned as before."""
    lowered = text.lower()
    scan, unlike = lowered_titles()
    if len(lowered) != len(text) or unlike.search(text):
        yield from map(not_in_government, title_pattern().finditer(text))
        return
    for found in word_start_matches(scan, lowered):
        match = title_pattern().match(text, found.start())
        if match is not None:
            yield not_in_government(match)


def runs_on_from_country(text: str, match: re.Match[str]) -> bool:
    """Does the title's first word end a country's name with the word before it ("người đồng cấp
    Trung Quốc Vương Nghị": "Quốc Vương" is the end of "Trung Quốc" and a surname, no king)?"""
    before = WORD_BEFORE_TITLE.search(text, max(0, match.start() - 24), match.start())
    if before is None:
        return False
    return gz.load().country(f"{before.group(1)} {match.group(0).split()[0]}") is not None


WORD_BEFORE_TITLE = re.compile(r"(\w+)[ \u00a0]+$")


# "của chính quyền Tổng thống Donald Trump", "thuộc thẩm quyền Thủ tướng": the "quyền" of a compound
# (government, authority, human rights, sovereignty, power) is no "Quyền" (acting) of the title after it.
GOVERNMENT_WORD = re.compile(
    r"(?<![\w])(?:[Cc]hính|[Tt]hẩm|[Uu]ỷ|[Ủủ]y|[Nn]hân|[Cc]hủ|[Đđ]ặc|[Tt]oàn|[Tt]hực|[Ll]ạm|[Tt]rao|[Nn]ắm)"
    r"[ \u00a0]+$"
)
ACTING = re.compile(r"quyền[ \u00a0]+", re.IGNORECASE)


def not_in_government(match: re.Match[str]) -> re.Match[str]:
    text = match.string
    acting = ACTING.match(text, match.start())
    if acting is None or not GOVERNMENT_WORD.search(text, max(0, match.start() - 8), match.start()):
        return match
    return title_pattern().match(text, acting.end()) or match


@cache
def lowered_titles() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The titles for lower-cased text (case-sensitive, their look-behind left to the caller), and
    the letters that `re` matches to a title's letter without lower-casing to it (re._casefix; when
    this Python has none, every text is scanned as before)."""
    titles = {t.text.lower() for t in gz.load().titles}
    scan = re.compile(rf"{trie_alternation(titles)}(?![\w])")
    try:
        from re._casefix import _EXTRA_CASES  # type: ignore[import-not-found]
    except ImportError:  # pragma: no cover - another Python
        return scan, re.compile(r"(?s).")
    letters = {ord(char) for title in titles for char in title}
    unlike = sorted({chr(other) for code in letters for other in _EXTRA_CASES.get(code, ())})
    return scan, re.compile(f"[{re.escape(''.join(unlike))}]" if unlike else "(?!)")


@cache
def honorific_words() -> frozenset[str]:
    return frozenset(word_list("name_honorifics"))


# A regnal number after a monarch's or pope's name.
REGNAL = re.compile(r"(?:X{0,2})(?:IX|IV|V?I{0,3})")


def syllable_of_name(words: list[re.Match[str]], kept: list[re.Match[str]], word: re.Match[str]) -> bool:
    """A Vietnamese name may hold a syllable that also opens a body ("Phạm Trường Long", "Nguyễn
    Thị Dinh", "Lê Văn Điện"): after a Vietnamese surname, the word is the name's own when the run
    ends with it or one word after it, as a name of at most four syllables does; "Nguyễn Văn A Trường
    Đại học ..." runs on and is cut."""
    if kept[0].group(0) not in VIETNAMESE_SURNAMES:
        return False
    rest = words[words.index(word) :]
    return (
        len(rest) <= 2
        and len(kept) + len(rest) <= 4
        and all(not ORG_SUFFIX.fullmatch(w.group(0)) for w in rest[1:])
    )


# Words that open a phrase ("Nhân dịp", "Nguyên Bộ trưởng") but also end Vietnamese names.
GIVEN_NAME_WORDS = frozenset({"Nhân", "Nguyên", "Đồng"})
OCCASION_NEXT = re.compile(r"[ \u00a0]+(?:dịp|danh|chuyến|kỷ niệm|ngày)(?![\w])")


def ends_vietnamese_name(
    text: str, offset: int, words: list[re.Match[str]], kept: list[re.Match[str]], word: re.Match[str]
) -> bool:
    """Is a phrase-opening word the last syllable of the Vietnamese name before it: the run's last
    word, after a surname and one or two syllables, not opening an occasion ("Nhân dịp")?"""
    return (
        word.group(0) in GIVEN_NAME_WORDS
        and word is words[-1]
        and kept[0].group(0) in VIETNAMESE_SURNAMES
        and 2 <= len(kept) <= 3
        and not OCCASION_NEXT.match(text, offset + word.end())
    )


# The second word of a two-word body head ("Trường Đại học", "Bộ Chính trị"): never a given name.
ORG_SUFFIX = re.compile(r"Đại|Chính|Ngoại|Quốc|Trung|Công|Nông|Tài|Tư|Nội|Y|Giáo")


DASHES = ("-", "–")
# A lower-case word next: the capitalised word before it opens a phrase ("Lãnh đạo"), not a name.
PROSE_NEXT = re.compile(r"[ \u00a0]+[a-zà-ỹđ]")


# A capitalised word followed by prose in lower case: the first word of a sentence ("Tuyên bố trên").
SENTENCE_GOES_ON = re.compile(r"[ \u00a0]+[a-zđà-ỹ]")


def vietnamese_syllable(word: str) -> bool:
    """Does the word carry a mark only Vietnamese writes ("Tuyên", "Để"), unlike "Jeria" or "Díaz"?"""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return any(c in "ăâđêôơư" for c in word.lower()) or any(
        c in "\u0309\u0323\u0306\u031b" for c in decomposed
    )


def known_full_name(words: list[re.Match[str]]) -> bool:
    return gz.load().leader(" ".join(w.group(0) for w in words)) is not None


def known_name_start(words: list[re.Match[str]]) -> bool:
    """Do these words open a longer name the gazetteer knows ("Miguel Díaz-Canel Bermúdez")?"""
    return " ".join(w.group(0) for w in words) in leader_name_starts()


@cache
def leader_name_starts() -> frozenset[str]:
    starts: set[str] = set()
    for leader in gz.load().leaders:
        for name in (leader.name, *leader.aliases):
            words = name.split()
            starts.update(" ".join(words[:n]) for n in range(2, len(words) + 1))
    return frozenset(starts)


# "Abdullah II Ibn Al Hussein", "Abdullah II bin Al-Hussein": a patronymic after the regnal number.
PATRONYMIC_AFTER_NUMBER = frozenset({"Ibn", "ibn", "Bin", "bin"})


def take_name(text: str, pos: int) -> tuple[int, int] | None:
    """The name right after a title chain, or None: "Tô Lâm", "Michael D. Higgins", "Sullivan".

    When an organisation follows the title ("Chủ tịch Quỹ hòa giải và phát triển John McAucliff"),
    the name is the first run of two or more capitalised words after it, within a few words.
    """
    gap = re.compile(r"[ \u00a0]+").match(text, pos)
    if not gap:
        return None
    run = NAME_RUN.match(text, gap.end())
    if run and PLACE_COMMITTEE.search(text, max(0, pos - 12), pos) and told_as_place(text, run.group(0)):
        return None  # "Bí thư Tỉnh ủy Vân Nam.": the committee's province, and no name after it
    if not run and (unit := ADMIN_UNIT.match(text, gap.end())):
        # "Thống đốc tỉnh Fukuoka Hattori Seitaro"; "Phó Chủ tịch UBND tỉnh Hà Tĩnh X" (a Vietnamese
        # unit only after its People's Committee or Council: "Chủ tịch tỉnh X" is no "Chủ tịch").
        local = LOCAL_BODY_BEFORE.search(text, max(0, pos - 24), pos) is not None
        return name_after_unit(text, unit.end(), local)
    if not run and (posted := POSTED_AT.match(text, gap.end())):
        return name_after_posting(text, posted.end())  # "Đại sứ Hoa Kỳ tại Việt Nam Marc Knapper"
    if not run:
        # "Tổng thư ký đảng cầm quyền UMNO Tengku Adnan", "Bộ trưởng phụ trách Hội đồng An ninh Quốc
        # gia Shahidan Bin Kassim": a body in lower case between title and name.
        if LOWER_BODY.match(text, gap.end()):
            return name_after_org(text, gap.end())
        return None
    words = list(re.finditer(r"\S+", run.group(0)))
    # Court honorifics before a monarch's or a leader's name ("Preah Bat Samdech Preah Boromneat
    # Norodom Sihamoni", "Samdech Techo Hun Manet") are no part of the name the news goes by.
    while len(words) > 1 and words[0].group(0) in honorific_words():
        words = words[1:]
    if not words:
        return None
    first = words[0].group(0)
    if ORG_HEAD.match(text, gap.end()):
        return name_after_org(text, gap.end())
    if is_acronym(first) and (posted := POSTED_AT.match(text, gap.end() + words[0].end() + 1)):
        return name_after_posting(text, posted.end())  # "Trưởng Đại diện UNICEF tại Việt Nam, bà X"
    if first in NOT_NAME_WORDS or is_acronym(first):
        return None
    kept = [words[0]]
    # Cut where a capitalised non-name word follows the name ("Tô Lâm Tại ..."); six words at most.
    for index, word in enumerate(words[1:6], start=1):
        if len(word.group(0).rstrip(".,")) > 1 and REGNAL.fullmatch(word.group(0).rstrip(".,")):
            kept.append(word)  # "Felipe VI", "Charles III": the number is part of the name, and ends it
            following = words[index + 1].group(0) if index + 1 < len(words) else ""
            if following in PATRONYMIC_AFTER_NUMBER:
                continue  # "Abdullah II Ibn Al Hussein": unless the father's name follows it
            break
        if word.group(0) in NOT_NAME_WORDS and ends_vietnamese_name(text, gap.end(), words, kept, word):
            kept.append(word)  # "Bí thư Thành ủy Nguyễn Thiện Nhân": a given name, not "Nhân dịp"
            break
        if word.group(0) in NOT_NAME_WORDS or is_acronym(word.group(0)):
            break
        if ORG_HEAD.match(text, gap.end() + word.start()) and not syllable_of_name(words, kept, word):
            break
        if kept[-1].group(0).endswith(DASHES) and PROSE_NEXT.match(text, gap.end() + word.end()):
            break  # "Dissanayaka- Lãnh đạo Đảng ...": the dash opens an apposition, not a name's part
        if (
            len(kept) > 1
            and SENTENCE_GOES_ON.match(text, gap.end() + word.end())
            and vietnamese_syllable(word.group(0))
            and known_full_name(kept)
            and not known_name_start([*kept, word])
        ):
            break  # "Tổng thống Mỹ Donald Trump Tuyên bố trên ...": a caption run into the next sentence
        kept.append(word)
    span = without_leading_city(text, gap.end() + kept[0].start(), gap.end() + kept[-1].end())
    if span is None:
        return None
    start, end = span
    end -= text[end - 1] in DASHES
    # A trailing dot ends the sentence unless the word is an initial ("D.").
    if text[end - 1] == "." and len(text[start:end].split()[-1]) > 2:
        end -= 1
    return start, spaced_parts(text, end)


# A name's parts joined by a dash set apart, as tokenised text writes them: "Suh Choo - suk" (a
# Korean given name's last syllable, romanised, in lower case), "Abdel - Fattah El - Sisi".
SPACED_PART = re.compile(r" ?[-–] ?(?:(?P<lower>[a-z]{1,4})|(?P<upper>[A-Z][a-zà-ỹ]{1,12}))(?![\w-])")
NOT_SYLLABLES = frozenset({"la", "va", "cho", "con", "ma", "mot", "nay", "do", "khi", "thi", "cung", "the"})


def lopsided(joint: str) -> bool:
    """A dash with a space on one side only ("Dissanayaka- Lãnh"): neither tokenised text (" - ") nor
    a name's own dash ("Choo-suk"), but a typed one, which may open an apposition."""
    return joint.startswith(" ") != joint.endswith(" ")


def spaced_parts(text: str, end: int) -> int:
    """Where a name ends once its dash-joined parts are taken in; a part that opens a title ("Tô Lâm
    - Tổng Bí thư") or a lower-case Vietnamese word is no part of it."""
    if article := JOINED_ARTICLE.match(text, end):
        end = article.end()  # "Mohammed bin Abdulrahman al - Thani": the Arabic article and its name
    for _ in range(3):
        part = SPACED_PART.match(text, end)
        if not part:
            break
        if part.group("lower") and part.group("lower") in NOT_SYLLABLES:
            break
        if part.group("upper") and title_pattern().match(text, part.start("upper")):
            break
        upper = part.group("upper")
        if upper and vietnamese_syllable(upper) and PROSE_NEXT.match(text, part.end()):
            break  # "Nguyễn Hồng Diên - Trưởng đoàn Việt Nam": Vietnamese words open an apposition
        joint = part.group(0)[: part.start("upper") - part.start()] if part.group("upper") else ""
        if joint and lopsided(joint) and PROSE_NEXT.match(text, part.end()):
            break  # "Dissanayaka- Lãnh đạo": a dash spaced on one side only opens an apposition
        end = part.end()
        if part.group("lower") and not SPACED_PART.match(text, end):
            break  # the romanised last syllable ends the name ("Chan - o - cha" goes on)
        more = NAME_RUN.match(text, end + 1) if text[end : end + 1] == " " else None
        if more and not title_pattern().match(text, end + 1) and SPACED_PART.match(text, more.end()):
            end = more.end()  # "Abdel - Fattah El - Sisi": a next word that is dash-joined again
        elif (
            part.group("upper")
            and (surname := FOREIGN_SURNAME.match(text, end))
            and not title_pattern().match(text, end + 1)
        ):
            end = surname.end()  # "Frank - Walter Steinmeier": a dash-joined given name, then the surname
    return end


JOINED_ARTICLE = re.compile(r" (?:al|el|Al|El) ?[-–] ?[A-Z][a-z]{1,12}(?![\w-])")
# One more foreign name word after a dash-joined given name (no Vietnamese letters: not a place or a word).
FOREIGN_SURNAME = re.compile(r" [A-Z][a-z]{2,}(?![\w-])")


def without_leading_city(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The name without a city that qualifies the title before it ("Thống đốc Saint Petersburg
    Georgy Poltavchenko"); None when what is left is not a name."""
    g = gz.load()
    words = list(re.finditer(r"\S+", text[start:end]))
    if words and words[0].group(0) in PLACE_PREFIXES:
        words = words[1:]
    for n in (3, 2, 1):
        lead = " ".join(w.group(0) for w in words[:n]) if len(words) > n else ""
        city = g.city(lead) if lead else None
        # A one-word city is often a given name too ("Vladimir"): strip only well-known ones.
        if city is not None and (n > 1 or city.capital or city.population >= 1_000_000):
            words = words[n:]
            break
        if n > 1 and lead in g.regions:  # "Bí thư Tỉnh ủy Sơn La Hoàng Văn Chất": a province's officer
            words = words[n:]
            break
    name = " ".join(w.group(0) for w in words)
    if not words or name in NOT_PEOPLE or " ".join(name.split()[:2]) in NOT_PEOPLE:
        return None
    return start + words[0].start(), start + words[-1].end()


# A unit of a country a title governs, written before its name: "Thống đốc bang California X",
# "Thị trưởng thành phố Paris X", "Thống đốc tỉnh Fukuoka X".
ADMIN_UNIT = re.compile(r"(?:tỉnh|bang|thành phố|quận|vùng|đặc khu)[ \u00a0]+(?=[A-ZĐ])")


# A party committee of a place, whose name comes next: "Tỉnh ủy", "Thành ủy", "Khu ủy".
PLACE_COMMITTEE = re.compile(r"(?:Tỉnh|Thành|Khu|Huyện|Quận)\s+(?:ủy|uỷ|Ủy|Uỷ)$")


def told_as_place(text: str, words: str) -> bool:
    """Are these one or two words a place the article names as one elsewhere ("tại Côn Minh (Vân Nam,
    Trung Quốc)", "tỉnh Vân Nam"), not a name of two syllables ("Bí thư Tỉnh ủy Vưu Quyền")?"""
    if len(words.split()) > 2:
        return False
    told = rf"(?:\(|(?<![\w])(?:tỉnh|tại|ở|đến|tới)\s+){re.escape(words)}(?![\w])"
    return re.search(told, text) is not None


LOCAL_BODY_BEFORE = re.compile(r"(?:UBND|HĐND|[Ủủ]y ban nhân dân|[Uu]ỷ ban nhân dân|Hội đồng nhân dân)$")


def name_after_unit(text: str, pos: int, local: bool = False) -> tuple[int, int] | None:
    """The name after the unit's own name, a place the gazetteer knows ("New York", "Fukuoka"); a
    name of two words or more is left. A unit no list knows leaves the name untold: where the unit's
    name ends cannot be told ("thành phố Saint Peterburg Georgy Poltavchenko")."""
    run = NAME_RUN.match(text, pos)
    if run is None:
        return None
    words = list(re.finditer(r"\S+", run.group(0)))
    g = gz.load()
    # (A lookup, not `find_places`: a city run into a name is what that scan is wary of.)
    known = [n for n in (3, 2, 1) if len(words) > n and g.city(" ".join(w.group(0) for w in words[:n]))]
    if not known or syllable_shaped(fold(words[0].group(0))):
        return vietnamese_officer(words, pos) if local else None
    name = take_name(text, pos + words[known[0] - 1].end())
    return name if name is not None and len(text[name[0] : name[1]].split()) >= 2 else None


def vietnamese_officer(words: list[re.Match[str]], pos: int) -> tuple[int, int] | None:
    """The officer after a Vietnamese province or city ("Phó Chủ tịch UBND tỉnh Hà Tĩnh Dương Tất
    Thắng"): where the unit's name ends is told by the list of provinces and cities of Viet Nam, and
    what follows must be a whole Vietnamese name, a surname and one to three syllables, nothing after."""
    g = gz.load()
    for n in (3, 2, 1):
        unit = " ".join(w.group(0) for w in words[:n])
        city = g.city(unit, "VN")
        if len(words) > n and (g.regions.get(unit) == "VN" or city is not None and city.country == "VN"):
            rest = [w.group(0) for w in words[n:]]
            whole = 2 <= len(rest) <= 4 and all(syllable_shaped(fold(w)) for w in rest)
            if whole and rest[0] in VIETNAMESE_SURNAMES:
                return pos + words[n].start(), pos + words[-1].end()
            return None
    return None


# Where an envoy is posted, between his title and his name: "Đại sứ Hoa Kỳ tại Việt Nam Marc
# Knapper", "Trưởng Đại diện UNDP tại Việt Nam, bà Ramla Khalidi" (119 envoys in two corpora).
POSTED_AT = re.compile(r"tại[ \u00a0]+(?=[A-ZĐ])")
POSTING_THEN_NAME = re.compile(r"[ \u00a0]*,?[ \u00a0]*(?:(?:ông|bà|ngài)[ \u00a0]+)?(?=[A-ZĐ])")


def name_after_posting(text: str, pos: int) -> tuple[int, int] | None:
    """The name after the country or city a title's holder is posted to: a place the gazetteer knows,
    then a name of two words or more (a one-word run is likely the next sentence's)."""
    places = gz.load().find_places(text[pos : pos + 60])
    if not places or places[0][0] != 0 or places[0][2] not in ("COUNTRY", "CITY"):
        return None
    then = POSTING_THEN_NAME.match(text, pos + places[0][1])
    if then is None or not NAME_RUN.match(text, then.end()):
        return None
    name = take_name(text, then.end() - 1) if text[then.end() - 1] in " \u00a0" else None
    return name if name is not None and len(text[name[0] : name[1]].split()) >= 2 else None


# Lower-case words that open the body a title belongs to (never a verb: "cho biết", "tiếp" stop it).
LOWER_BODY = re.compile(r"(?:đảng|bộ|ủy ban|hội đồng|phụ trách|tòa|tập đoàn|công ty|quỹ|viện|ban)(?![\w])")


# Acronyms before a name ("TƯ", "TTXVN"), with the spaces after them.
ACRONYM_LEAD = re.compile(r"(?:[A-ZĐƯƠÂĂÊÔ]{2,}[ \u00a0]+)+")


# What closes an organisation's name in brackets: its acronym ("(NATO)", "(PSUV)", "(CPP)") or a
# gloss of what the body is ("Hội đồng Cộng hòa (Thượng viện)", "Viện Đại biểu (Hạ viện)").
ORG_ACRONYM = re.compile(r"[ \u00a0]*\((?:[A-Z][A-Z0-9&.\-]{1,11}|[A-ZĐ][a-zà-ỹ]+(?: [a-zà-ỹ]+){1,3})\)")


# "Tổng giám đốc IMF Kristalina Georgieva", "Giám đốc điều hành WEF Philipp Roesler": a body's acronym
# unbracketed between the title and the name. Vietnam's own bodies and places are named this way too
# ("Chủ tịch UBND TP Hồ Chí Minh"): those acronyms are never a foreign body's.
BARE_ACRONYM = re.compile(r"[ \u00a0]+[A-Z][A-Z0-9&]{1,7}(?=[ \u00a0]+[A-ZĐ][a-zà-ỹđ])")
ACRONYM_WORD = re.compile(r"[A-Z][A-Z0-9&]{1,7}")
HOME_ACRONYMS = {
    "UBND",
    "HĐND",
    "MTTQ",
    "BCH",
    "TW",
    "TƯ",
    "TP",
    "QĐND",
    "CAND",
    "ĐHQG",
    "BCT",
    "QH",
    "UBTVQH",
}
RULING_AFTER = re.compile(r"[ \u00a0]+(?:cầm quyền|đối lập)(?=[ \u00a0])")


def name_after_acronym(text: str, pos: int) -> tuple[int, int] | None:
    """The name right after an organisation's acronym in brackets that starts at `pos`: "Tổng Thư ký
    Tổ chức Hiệp ước Bắc Đại Tây Dương (NATO) Jens Stoltenberg". The acronym closes the body's name,
    however long, so what follows is the person."""
    acronym = ORG_ACRONYM.match(text, pos) or BARE_ACRONYM.match(text, pos)
    if acronym is None or acronym.group(0).strip() in HOME_ACRONYMS:
        return None
    at = acronym.end()
    # "Mặt trận Tổ quốc (MTTQ) Việt Nam đã tiếp ...": the body's country after its acronym is no name.
    if (country := country_qualifier(text, at)) is not None:
        at = country.end()
    if ruling := RULING_AFTER.match(text, at):
        at = ruling.end()  # "Đảng Mặt trận giải phóng Mozambique (FRELIMO) cầm quyền Chakil Aboobabcar"
    name = take_name(text, at)
    return None if name is not None and names_a_place(text[name[0] : name[1]]) else name


def names_a_place(words: str) -> bool:
    """Are these capitalised words a country's or a city's name, not a person's?"""
    g = gz.load()
    return g.country(words) is not None or g.city(words) is not None


def name_after_org(text: str, pos: int) -> tuple[int, int] | None:
    """The name after an organisation that qualifies a title, within a few words and before any
    other title: "Chủ tịch Đảng Cộng sản Hoa Kỳ Rossana Cambron"."""
    g = gz.load()
    window = re.compile(r"[^,;.:()\n]{0,100}").match(text, pos)
    if not window:
        return None
    closed = name_after_acronym(text, pos + len(window.group(0)))
    if closed is not None:
        return closed  # "phụ trách đối ngoại Đảng Xã hội chủ nghĩa Thống nhất Venezuela (PSUV) Rander Pena"
    limit = pos + len(window.group(0))
    next_title = title_pattern().search(text, pos + 1, limit)
    if next_title:
        limit = next_title.start()
    if len(text[pos:limit].split()) > ORG_SKIP_WORDS + 3:
        # A body longer than that is still closed by the country it ends in ("Hiệp hội Nghiên cứu đổi
        # mới sáng tạo toàn cầu Hàn Quốc Kim Jin Pyo"), as by an acronym in brackets.
        countries = [e for s, e, label, _ in g.find_places(text[pos:limit]) if label == "COUNTRY"]
        closing = pos + countries[-1] if countries else None
        if closing is None or not NAME_RUN.match(text, closing + 1) or text[closing : closing + 1] != " ":
            limit = pos + len(" ".join(text[pos:limit].split()[: ORG_SKIP_WORDS + 3]))
    for run in NAME_RUN.finditer(text, pos, limit):
        start, end = run.start(), run.end()
        if country_runs_out_of(text, start, end):
            continue  # "Chủ tịch Hội đồng Biển Liên bang Nga X": "Liên" opens the country, not a name
        # Strip a leading country ("Hoa Kỳ Rossana Cambron" after "Đảng Cộng sản") and an acronym
        # closing the organisation's name ("đảng cầm quyền UMNO Tengku Adnan", "Quân ủy TƯ Trung
        # Quốc Phạm Trường Long"), in any order.
        while True:
            qualifier = qualifier_pattern().match(text, start, end)
            lead = ACRONYM_LEAD.match(text, start, end)
            cut = qualifier or lead
            if not cut or cut.end() >= end:
                break
            start = cut.end() + (1 if qualifier else 0)
        stripped = without_leading_city(text, start, end)
        if stripped is None:
            continue
        start, end = stripped
        if ORG_HEAD.match(text, start) and (tail := vietnamese_name_ending(text, start, end)) is not None:
            start = tail  # "Bộ trưởng Bộ Công Thương Nguyễn Hồng Diên": the body's words are capitalised too
        words = text[start:end].split()
        if (
            len(words) < 2
            or any(w in NOT_NAME_WORDS or is_acronym(w) for w in words)
            or ORG_HEAD.match(text, start)
        ):
            continue
        if names_a_place(text[start:end]):
            continue
        # The name must end the phrase: a verb or punctuation follows, not more of the organisation.
        return start, end
    return None


def country_runs_out_of(text: str, start: int, end: int) -> bool:
    """Does a country's name begin inside the run and end past it, in words the run leaves out
    ("Biển Liên" of "Hội đồng Biển Liên bang Nga")?"""
    for word in list(re.finditer(r"\S+", text[start:end]))[1:]:
        country = country_qualifier(text, start + word.start() - 1)
        if country is not None and country.end() > end:
            return True
    return False


def vietnamese_name_ending(text: str, start: int, end: int) -> int | None:
    """Where a Vietnamese name that ends a run of capitalised words begins, the run opened by a body
    ("Bộ Công Thương Nguyễn Hồng Diên"): a surname, then one to three syllables up to the run's end,
    after at least two words of the body. None when no such name ends it."""
    words = list(re.finditer(r"\S+", text[start:end]))
    for first in range(2, len(words) - 1):
        rest = [w.group(0) for w in words[first:]]
        shaped = all(syllable_shaped(fold(w)) for w in rest[1:])
        if len(rest) <= 4 and rest[0] in VIETNAMESE_SURNAMES and shaped and not names_a_place(" ".join(rest)):
            return start + words[first].start()
    return None


def written_name(name: str) -> str:
    """The name as a careful reader writes it: the dashes of tokenised text joined ("El - Sisi" is
    "El-Sisi"). A patronymic stays ("Vyacheslav Viktorovich Volodin"): the article's own form."""
    return re.sub(r"(?<=\w) [-–] (?=\w)", "-", name)
