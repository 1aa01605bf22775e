"""What may stand between a title and a name: a country, bare or in its formal form ("nước Cộng hòa
Liên bang Brazil"), a body the gazetteer's qualifier list holds, a second portfolio ("và Quốc
phòng"), an honorific."""

from __future__ import annotations

import re
from functools import cache

from sukien.lexicon import gazetteer as gz
from sukien.text.patterns import trie_alternation


@cache
def qualifier_pattern() -> re.Pattern[str]:
    """Bodies and countries that may stand between a title and a name, longest first."""
    g = gz.load()
    phrases = set(g.qualifiers) | set(EXTRA_QUALIFIERS)
    # Short country names that are also words ("Đức", "Anh", "Nhật") are safe right after a title,
    # but only capitalised.
    exact: set[str] = set()
    for country in g.countries.values():
        names = [v for n in country.names for v in gz.syllable_spellings(n)]
        phrases.update(names)
        phrases.update(f"nước {n}" for n in names)
        exact.update(country.ambiguous_names)
    loose = trie_alternation({p.lower() for p in phrases if p})
    strict = trie_alternation(exact)
    return re.compile(
        rf"[ \u00a0]*(?:(?i:{loose})|(?i:{FORMAL_PREFIX})?(?:(?i:{loose})|{strict})|{strict})(?![\w])"
    )


# The formal forms of a country's name: "nước Cộng hòa Liên bang Brazil", "Vương quốc Thái Lan".
FORMAL_PREFIX = (
    r"(?:nước\s+)?(?:(?:Cộng hòa|Cộng hoà|Liên bang|Vương quốc|Nhà nước|Hồi giáo|Dân chủ|Nhân dân|"
    r"Xã hội chủ nghĩa|Ả Rập|Thống nhất|Hợp chúng quốc|Hợp chủng quốc|Đại Công quốc|Công quốc|"
    r"Thịnh vượng chung|Độc lập|Đa dân tộc|Bol[ií]var(?:iana?)?|Boliva|Dân chủ Nhân dân)\s+)+"
)


FORMAL = re.compile(FORMAL_PREFIX, re.IGNORECASE)


def country_qualifier(text: str, pos: int) -> re.Match[str] | None:
    """The qualifier at `pos` when it names a country ("Hungary", "nước Cộng hòa Liên bang Đức"), not a
    body; None otherwise."""
    qualifier = qualifier_pattern().match(text, pos)
    return qualifier if qualifier is not None and qualifier_country(qualifier.group(0).strip()) else None


def qualifier_country(phrase: str) -> gz.Country | None:
    """The country a qualifier names, bare or formal: "nước Nga", "Cộng hòa Liên bang Đức"."""
    g = gz.load()
    return g.country(phrase.removeprefix("nước ").strip()) or g.country(FORMAL.sub("", phrase).strip())


# Bodies the gazetteer's qualifier list may lack, and honorifics that stand before a name.
# "Bộ trưởng Ngoại giao và Quốc phòng Ireland Micheál Martin": a second portfolio joins the title.
PORTFOLIOS = (
    "Quốc phòng",
    "Ngoại giao",
    "Thương mại",
    "Công nghiệp",
    "Đầu tư",
    "Du lịch",
    "Kinh tế",
    "Tài chính",
    "Nội vụ",
    "Tư pháp",
    "Văn hóa",
    "Giáo dục",
    "Y tế",
    "Nông nghiệp",
    "Lao động",
    "Phát triển",
    "Năng lượng",
    "Giao thông",
    "Môi trường",
    "Công Thương",
    "Khoa học",
    "An ninh",
    "Hợp tác quốc tế",
    "Thương mại quốc tế",
)


# "Thủ tướng nước chủ nhà Angela Merkel", "Quốc vương nước chủ nhà Salman": the host's, of the country
# the sentence places the meeting in (about 30 in the corpus); a description, not a body.
HOST_WORDS = ("nước chủ nhà", "chủ nhà")

EXTRA_QUALIFIERS = (
    tuple(f"và {p}" for p in PORTFOLIOS)
    + (
        "Hoàng gia",
        "Duma Quốc gia",
        "Quốc hội",
        "Thượng viện",
        "Hạ viện",
        "Nghị viện",
        "Samdech",
        "Techo",
        "Ngài",
        "Tiến sĩ",
        "Đảng Lao động",
        "Đảng Cộng sản",
        "Nhà nước",
        "Chính phủ",
        # A party's military commission ("Phó Chủ tịch Quân ủy Trung ương Trung Quốc, Thượng tướng X"):
        # 40 mentions in the baochinhphu file alone.
        "Quân ủy Trung ương",
        "Quân uỷ Trung ương",
        "Quân ủy TƯ",
        # "Bộ trưởng Văn phòng Thủ tướng, Đặc phái viên ...": a minister of a leader's office (Thailand,
        # Japan).
        "Văn phòng Thủ tướng",
        "Văn phòng Tổng thống",
        "Văn phòng Nội các",
    )
    + HOST_WORDS
)
