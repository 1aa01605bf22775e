"""The shape of names in Vietnamese news: what a person's name looks like, what is not one.

Written by hand because no library knows Vietnamese naming: names are runs of capitalised syllables
("Tô Lâm", "Michael D. Higgins", "Ursula von der Leyen"), and the words that open organisations
("Tập đoàn", not "Tập Cận Bình") or places are not names.
"""

from __future__ import annotations

import re
import unicodedata

from sukien.text.fold import fold

# Every Latin capital letter, built once, for "a word that starts with a capital".
UPPER = "".join(
    c for c in map(chr, range(0x41, 0x2000)) if c.isupper() and unicodedata.name(c, "").startswith("LATIN")
)


UP = f"[{re.escape(UPPER)}]"


WORD = rf"{UP}[\w'’\-]*"


# Particles inside foreign names ("Ursula von der Leyen", "Mohamed bin Salman").
PARTICLES = (
    "von",
    "van",
    "der",
    "de",
    "del",
    "bin",
    "binti",
    "bint",
    "ibn",
    "al",
    "da",
    "dos",
    "di",
    "le",
    "la",
    "du",
)


# A word of a name, or an initial ("Michael D. Higgins"); a dot after a longer word ends the sentence.
# Some papers glue the initial of a given name to a transliterated surname ("B.Nê-ta-ni-a-hu").
NAME_WORD = rf"(?:{UP}\.{WORD}|[A-Z]\.(?=[ \u00a0])|{WORD})"


PARTICLE_RUN = rf"(?:(?:{'|'.join(PARTICLES)})[ \u00a0]+)*"


NAME_RUN = re.compile(rf"{NAME_WORD}(?:[ \u00a0]+{PARTICLE_RUN}{NAME_WORD})*")


# Phrases that open an organisation or a body, never a person's name ("Tập đoàn", not "Tập Cận Bình").
ORG_HEAD = re.compile(
    r"(?:Bộ|Ban|Viện|Quỹ|Hội|Tổ chức|Đảng|Công ty|Cộng đồng|Cộng sản|Cộng hòa|Tập đoàn|Trường|Ủy ban|Uỷ ban|"
    r"Hiệp hội|Liên minh|Liên đoàn|Liên hiệp|Liên bang|Văn phòng|Sở|Cục|Tổng cục|Đại học|Đại sứ quán|"
    r"Trung tâm|Trung ương|Thành ủy|Tỉnh ủy|Học viện|Nhà máy|Hãng|Cơ quan|Mặt trận|Phái đoàn|"
    r"Đoàn đại biểu|Đoàn Thanh niên|Chính phủ|Quốc hội|Hạ viện|Thượng viện|Tòa án|Ngân hàng|Công đoàn|"
    r"Nhà nước|Quân đội|"
    r"Quân ủy|Bộ Chính trị|Thành phố|Tỉnh|Tập đoàn|Tổng công ty|Cung điện|Cung|Dinh|Điện|Phủ|Nhà Trắng|"
    r"Sân bay|Khách sạn|Trụ sở|Thủ đô|TP|Tp|Bang|Tòa|Toà|Đại hội đồng|Đại hội|Hội đồng|Phòng Thương mại|"
    r"Phòng Công nghiệp|Phòng Thương|Câu lạc bộ|Quỹ đầu tư|Ủy hội|Nhóm)(?![\w])",
    re.IGNORECASE,
)


# Capitalised words that start sentences or phrases and are not names.
NOT_NAME_WORDS = frozenset(
    [
        "Tại",
        "Trong",
        "Theo",
        "Sau",
        "Trước",
        "Ngày",
        "Sáng",
        "Chiều",
        "Tối",
        "Trưa",
        "Đêm",
        "Hôm",
        "Nhân",
        "Với",
        "Khi",
        "Về",
        "Đây",
        "Đó",
        "Cùng",
        "Các",
        "Những",
        "Phu",
        "Phu-nhân",
        "Ông",
        "Bà",
        "Ngài",
        "Đồng",
        "Hai",
        "Ba",
        "Bốn",
        "Tháng",
        "Thứ",
        "Chủ",
        "TP",
        "Thủ",
        "Phó",
        "Nguyên",
        "Cựu",
        "Việt-Nam",
        "Người",
        "Dự",
        "Ngoài",
        "Bên",
        "Nhận",
        "Thay",
        "Qua",
        "Từ",
        "Đến",
        "Tới",
        "Lúc",
        "Vào",
        "Ảnh",
        "Nguồn",
        "Video",
        "Clip",
        "Xem",
        "Tin",
        "Tổng",
        "Bộ",
    ]
)


VIETNAMESE_SURNAMES = frozenset(
    [
        "Nguyễn",
        "Trần",
        "Lê",
        "Phạm",
        "Hoàng",
        "Huỳnh",
        "Phan",
        "Vũ",
        "Võ",
        "Đặng",
        "Bùi",
        "Đỗ",
        "Hồ",
        "Ngô",
        "Dương",
        "Lý",
        "Tô",
        "Lương",
        "Vương",
        "Trương",
        "Đinh",
        "Mai",
        "Đào",
        "Cao",
        "Lâm",
        "Thái",
        "Hà",
        "Chu",
        "Tạ",
        "Đoàn",
        "Trịnh",
        "Lại",
        "Quách",
        "Kiều",
        "Văn",
        "Tôn",
        "Phùng",
        "Triệu",
        "Đàm",
        "Lưu",
        "Khuất",
        "Nông",
        "Thân",
        "Từ",
        "Giang",
        "La",
        "Diệp",
        "Lò",
        "Tăng",
        "Hứa",
        "Mạc",
        "Châu",
        "Ông",
        "Hầu",
        "Lục",
        "Âu",
        "Vi",
        "Hoàng",
        "Thạch",
        "Y",
        "Ksor",
        "Nìm",
        "Sùng",
        "Vàng",
        # Rarer surnames of office-holders the corpus names as Vietnamese (data/mined/officeholders.json)
        "Uông",
        "Tòng",
        "Doãn",
        "Bế",
        "Nghiêm",
        "Tống",
        "Lữ",
        "Thiều",
        "Cù",
        "Khổng",
    ]
)


FOLDED_SURNAMES = frozenset(fold(name).lower() for name in VIETNAMESE_SURNAMES)


GLUED_INITIAL = re.compile(r"(\w)\.(\S+)")


# Arabic articles joined to a surname by a hyphen ("el-Sisi", "al-Assad"), which the surname alone drops.
ARTICLE_PARTICLES = frozenset({"el", "al", "ad", "as", "ash", "at", "an", "ar", "az", "ul", "ud"})


def surname_after_article(word: str) -> str | None:
    """The surname a name's last word holds after its Arabic article ("el-Sisi" → "Sisi"), or None."""
    article, _, bare = word.partition("-")
    return bare if bare and article.lower() in ARTICLE_PARTICLES else None


def same_name(a: str, b: str) -> bool:
    """Folded names of one person: equal, or one the other's last words ("phuc" / "nguyen xuan phuc"),
    or, for foreign names, first words ("moon" / "moon jae in")."""
    if a == b:
        return True
    short, long = sorted((a, b), key=len)
    if long.endswith(" " + short):
        return True
    last = long.rsplit(" ", 1)[-1]
    if " " not in short and last.partition("-")[2] == short:
        # "sisi" / "abdel fatah el-sisi", "assad" / "bashar al-assad": the surname after its article.
        return surname_after_article(last) is not None
    if (glued := GLUED_INITIAL.fullmatch(short)) is not None:
        # "d.trump" / "donald trump": a given name's initial glued to the surname ("D.Trump").
        words = long.split()
        return len(words) >= 2 and words[-1] == glued.group(2) and words[0].startswith(glued.group(1))
    # "Mikhail Mishustin" / "Mikhail Vladimirovich Mishustin": a middle name left out.
    sw, lw = short.split(), long.split()
    if len(sw) >= 2 and sw[0] == lw[0] and sw[-1] == lw[-1] and sw[0] not in FOLDED_SURNAMES:
        return True
    if len(sw) == len(lw) >= 3 and sw[:-1] == lw[:-1] and sw[0] not in FOLDED_SURNAMES:
        # "Esteban Lazo Hernandes" / "Esteban Lazo Hernández": one story spells a long surname two ways
        return one_letter_apart(sw[-1], lw[-1])
    return long.startswith(short + " ") and short not in FOLDED_SURNAMES


# The shortest surname whose spellings one letter apart are taken for one ("hernandes", "hernandez").
MIN_SPELLING_VARIANT = 6


def one_letter_apart(a: str, b: str) -> bool:
    """Two long words that differ in one letter only, at the same place (no library needed for this)."""
    if len(a) != len(b) or len(a) < MIN_SPELLING_VARIANT:
        return False
    return sum(x != y for x, y in zip(a, b, strict=True)) == 1


def looks_vietnamese(name: str) -> bool:
    words = name.split()
    return (
        2 <= len(words) <= 4
        and words[0] in VIETNAMESE_SURNAMES
        and all("-" not in w and w[:1].isupper() for w in words)
    )


# The shape of one Vietnamese syllable, folded (no marks): onset, one to three vowels, coda. A word
# of another shape ("maxima", "erdogan") is no Vietnamese word, so it can be a foreign name alone.
SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?"
)


def vietnamese_syllable(folded_word: str) -> bool:
    return SYLLABLE.fullmatch(folded_word) is not None


PLACE_PREFIXES = frozenset(["TP", "TP.", "Tp", "Tp.", "Bang", "Tỉnh", "Thủ", "Thành"])


NOT_PEOPLE = frozenset(
    ["Châu Á", "Châu Âu", "Châu Phi", "Châu Mỹ", "Châu Đại Dương", "Đông Nam Á", "Trung Đông"]
)


def is_acronym(word: str) -> bool:
    """ "APEC", "TTXVN", "VN": organisations and places, never a name (initials like "D." are)."""
    letters = word.rstrip(".")
    return len(letters) >= 2 and letters.isupper()
