"""When a name in running text is a place: the words around it. Short country names are also
ordinary words or given names ("Anh", "Đức", "Nhật", "Ý"); they count as countries only after a
preposition of travel or place, a title or body they qualify, or listed beside another country.
Split from gazetteer.py, which finds the names these rules judge."""

from __future__ import annotations

import re

# A word: letters/digits, with inner hyphens, apostrophes or dots ("Mát-xcơ-va", "TP.HCM", "d’Ivoire").
WORD = re.compile(r"\w+(?:[-.'’]\w+)*")

# A word that starts with a capital letter (Latin, any diacritics): where a place name may start.
_UPPER = "".join(sorted({chr(c) for c in range(0x41, 0x2000) if chr(c).isupper() and chr(c).isalpha()}))
CAPITALISED_WORD = re.compile(r"(?<!\w)[" + re.escape(_UPPER) + r"]\w*(?:[-.'’]\w+)*")

# Words after which an ambiguous short country name ("Anh", "Đức", "Nhật", "Ý") is the country:
# prepositions of travel and place, and titles/bodies that a country qualifies.
SAFE_BEFORE_AMBIGUOUS = (
    "nước", "tại", "sang", "tới", "thăm", "đến", "ở", "từ", "quốc tịch", "phía",
    # opening a sentence: "Tại Jerusalem ngày 23/5, ...", "Đến Seoul sáng nay để ..."
    "Tại", "Ở", "Từ", "Rời", "Đến", "Tới", "Sang",
    "Thủ tướng", "Tổng thống", "Ngoại trưởng", "Bộ trưởng", "Quốc vương", "Nhà vua", "Nữ hoàng",
    "Hoàng gia", "Chính phủ", "chính phủ", "Quốc hội", "Bộ Ngoại giao", "Đại sứ", "Đại sứ quán",
    "Đại sứ tại", "Thủ tướng nước", "đội tuyển", "Hoàng tử", "Thái tử", "Công nương", "Vua",
    "Bộ Quốc phòng", "Nghị viện", "Hạ viện", "Thượng viện", "quân đội", "Quân đội",
    "thủ đô", "Thủ đô", "thành phố", "Thành phố", "TP.", "TP", "Tp.", "rời", "rời khỏi",
    # the kinds of visit: "thăm chính thức Anh", "thăm cấp Nhà nước Ý", "công du Nhật"
    "thăm chính thức", "thăm cấp Nhà nước", "thăm cấp nhà nước", "thăm làm việc", "thăm hữu nghị",
    "thăm và làm việc tại", "công du", "chuyến thăm",
)  # fmt: skip
# Titles among the safe words: after them an ambiguous name may be followed by the person's name
# ("Thủ tướng Anh Keir Starmer"); after a preposition it may not ("tại Đức Giang" is a place).
TITLE_BEFORE = {"Thủ tướng", "Tổng thống", "Ngoại trưởng", "Bộ trưởng", "Quốc vương", "Nhà vua",
                "Nữ hoàng", "Đại sứ", "Hoàng tử", "Thái tử", "Vua", "Công nương"}  # fmt: skip
# Words that make an ambiguous name part of an ordinary word ("Thái tử", "Anh hùng", "Anh ấy").
NOT_BEFORE_AMBIGUOUS = frozenset({"tử", "hậu", "tâm", "ương", "hùng", "ấy", "ta", "em", "chị", "hoàng"})
# Words after a one-word country name that make it a language, not the country: "Pháp ngữ"
# (Francophone), "Anh ngữ", "Hán ngữ".
LANGUAGE_AFTER = re.compile(r"\s+ngữ(?![\w])")
# Separators that put two countries in one list ("Mỹ, Anh và Pháp", "Việt - Nhật").
LIST_SEPARATOR = re.compile(r"\s*(?:,|và|-|–|với)\s*")
DASH = re.compile(r"\s*[-–]\s*")
SAFE_BEFORE_PATTERN = re.compile(
    r"(?:^|[^\w])("
    + "|".join(sorted(map(re.escape, SAFE_BEFORE_AMBIGUOUS), key=len, reverse=True))
    + r")\s+$"
)


def safe_before(text: str, start: int) -> str | None:
    m = SAFE_BEFORE_PATTERN.search(text[max(0, start - 30) : start])
    return m.group(1) if m else None


def capitalised_word_before(text: str, start: int) -> bool:
    j = start
    while j > 0 and text[j - 1] == " ":
        j -= 1
    if j == start or j == 0 or not (text[j - 1].isalnum()):
        return False
    k = j
    while k > 0 and (text[k - 1].isalnum() or text[k - 1] in "-"):
        k -= 1
    return text[k].isupper()


def capitalised_word_after(text: str, end: int) -> bool:
    j = end
    while j < len(text) and text[j] == " ":
        j += 1
    return j > end and j < len(text) and text[j].isupper()


def word_after(text: str, end: int) -> bool:
    """The next word makes the name part of an ordinary word ("Thái tử", "Anh ấy")."""
    m = WORD.match(text, end + 1) if text[end : end + 1] == " " else None
    return m is not None and m.group() in NOT_BEFORE_AMBIGUOUS


def in_parentheses(text: str, start: int, end: int) -> bool:
    return start > 0 and text[start - 1] == "(" and text[end : end + 1] == ")"


def listed_with_country(text: str, found: list[tuple[int, int, str, str, int]], idx: int) -> bool:
    """'Mỹ, Anh và Pháp', 'Mỹ - Trung': an ambiguous name listed next to a plain country name, or
    two clipped names paired with a dash ('Việt - Trung')."""
    s, e, level = found[idx][0], found[idx][1], found[idx][4]
    for j in (idx - 1, idx + 1):
        if not (0 <= j < len(found) and found[j][2] == "COUNTRY"):
            continue
        gap = text[found[j][1] : s] if j < idx else text[e : found[j][0]]
        if found[j][4] == 0 and LIST_SEPARATOR.fullmatch(gap):
            return True
        if level == 2 and found[j][4] == 2 and DASH.fullmatch(gap):
            return True
    return False
