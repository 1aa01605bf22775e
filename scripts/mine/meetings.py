"""Recurring meetings and their numbering: "Hội nghị ... lần thứ N", "Kỳ họp thứ N của ...",
"Diễn đàn ... năm YYYY", "Hội nghị Thượng đỉnh ... YYYY", with an acronym given in brackets."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from functools import cache
from typing import Any

from . import common as c

WORDS = {
    "nhất": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
}
ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
TOK = r"[^\s,.;:!?\"“”‘’…]+"
NUM = r"(\d{1,3}|[IVXLC]{1,7}|nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười)(?![\w-])"
YEAR = r"((?:19|20)\d\d)(?![\d\w])"
HEAD = r"(?:Hội nghị|Diễn đàn|Đối thoại|Đại hội đồng|Tuần lễ Cấp cao|Tuần lễ cấp cao)"
# Words that show a run has left the meeting's name for the sentence around it.
STOP = c.words(
    """
    tại ở vào được đã sẽ đang là diễn ra tổ chức với cho này đó khi sau trước từ đến trong nhằm để thì
    mà có không những nhiều lần năm ngày tháng sáng chiều tối hôm qua nay cùng bế khai mạc dự tham gia
    chủ trì phát biểu kết thúc thông qua tiếp đón gặp nhân dịp bên lề kỳ họp thứ hôm theo như lúc dưới
    trình hồi vừa sắp
    """
)
# Lower-case words a name may start with after its head ("Hội nghị cấp cao ASEAN").
START_OK = c.words(
    """
    cấp thượng bộ quan thường quốc toàn các lãnh đối liên bàn chính hợp an
    """
)
# Local and party-cell meetings: recurring, but no diplomacy.
DOMESTIC = re.compile(
    r"\b(?:HĐND|UBND|[tT]ỉnh|[hH]uyện|[xX]ã|[pP]hường|[qQ]uận|Tỉnh ủy|Thành ủy|Huyện ủy|Đảng bộ"
    r"|Hội đồng nhân dân)\b"
)
# Bodies of Viet Nam's state and party: their sessions are domestic unless a foreign country is named.
STATE_BODY = re.compile(
    r"\b(?:Quốc hội|QH|UBTVQH|Trung ương|Ban Chỉ đạo|Ủy ban Thường vụ|Ủy ban Kiểm tra|Chính phủ|Đảng|Tiểu ban"
    r"|Hội đồng|toàn quốc|khóa [XVI]+)\b"
)
GENERIC = c.words("cấp cao thượng đỉnh bộ trưởng")
ACRONYM = re.compile(r" ?\(([A-Z][A-Za-z0-9&+]*(?:[- ][A-Za-z0-9+]+)?)\)")


@cache
def rx() -> dict[str, re.Pattern[str]]:
    tail = rf"(?: (?:năm |vào năm )?{YEAR})?"
    return {
        "name_number": re.compile(rf"({HEAD}(?: {TOK}){{0,12}}?) lần thứ {NUM}{tail}"),
        "number_name": re.compile(
            rf"(?<!\w)(Hội nghị(?: [cC]ấp cao| [tT]hượng đỉnh| Bộ trưởng)?|Diễn đàn|Đối thoại"
            rf"|[kK]ỳ họp|[kK]hóa họp|[pP]hiên họp) (?:lần )?thứ {NUM},?"
            rf"(?: của| tại)?((?: {TOK}){{1,14}})"
        ),
        "name_year": re.compile(rf"({HEAD}(?: {TOK}){{1,10}}?) (?:năm )?{YEAR}"),
    }


def number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if text in WORDS:
        return WORDS[text]
    if set(text) <= set(ROMAN_VALUES):
        total = 0
        for i, ch in enumerate(text):
            v = ROMAN_VALUES[ch]
            total += -v if i + 1 < len(text) and ROMAN_VALUES[text[i + 1]] > v else v
        return total
    return None


def _trim(tokens: list[str]) -> list[str]:
    """The name part of a run after the number: up to the first word of the sentence around it."""
    out: list[str] = []
    for tok in tokens:
        if tok in STOP or tok.lower() in STOP:
            break
        out.append(tok)
    return out


def _acronym(name: str, after: str) -> tuple[str, str | None, int | None]:
    """Name without its bracketed acronym, the acronym, and a number it carries ("AMM-50")."""
    acr = num = None
    m = ACRONYM.search(name)
    if m:
        name = name[: m.start()] + name[m.end() :]
    else:
        m = ACRONYM.match(after)
    if m:
        acr = m.group(1)
        nm = re.fullmatch(r"([A-Za-z&+]+?)[- ]?(\d{1,3})", acr)
        if nm:
            acr, num = nm.group(1), int(nm.group(2))
    if acr:
        acr = re.sub(r"[- ]?(?:19|20)\d\d$", "", acr) or None
    return tidy(name), acr, num


def tidy(name: str) -> str:
    """Spaces, an unclosed bracket, a trailing year or dash off."""
    if "(" in name and ")" not in name[name.index("(") :]:
        name = name[: name.index("(")]
    name = re.sub(
        r"(?:\s+(?:năm\s+)?(?:19|20)\d\d|\s*[-–]|\s+(?:và|của|giữa|với|về|các|cho)|\s+[A-ZĐ])+$",
        "",
        " ".join(name.split()),
    )
    return name.strip()


def _good(head_and_name: str) -> bool:
    tokens = head_and_name.split(" ")
    head = 4 if tokens[0] == "Tuần" else 3 if tokens[0] == "Đại" else 2
    rest = tokens[head:]
    if not rest or DOMESTIC.search(head_and_name):
        return False
    if any(t in STOP for t in rest):
        return False
    if rest[0][0].islower() and rest[0] not in START_OK:
        return False
    # a name, not a kind of meeting only ("Hội nghị Cấp cao lần thứ 3 về ...": the name follows)
    return any((t[0].isupper() or t[0].isdigit() or t[0] == "(") and t.lower() not in GENERIC for t in rest)


Mention = tuple[int, str, str | None, int | None, str | None]  # position, name, acronym, number, year


def _scan(pattern: re.Pattern[str], text: str, accept: Any) -> list[Mention]:
    """Matches `accept` takes; after one it refuses, look again from the next character (a later
    "Hội nghị" inside a rejected run may start a good name)."""
    out: list[Mention] = []
    pos = 0
    while (m := pattern.search(text, pos)) is not None:
        got = accept(m)
        if got is None:
            pos = m.start() + 1
        else:
            out.append(got)
            pos = m.end()
    return out


def _word_start(m: re.Match[str]) -> bool:
    return m.start() == 0 or not m.string[m.start() - 1].isalnum()


def _name_number(m: re.Match[str]) -> Mention | None:
    raw = m.group(1)
    if not _word_start(m) or not _good(raw):
        return None
    name, acr, num2 = _acronym(raw, m.string[m.end() : m.end() + 24])
    return (m.start(), name, acr, number(m.group(2)) or num2, m.group(3))


def _number_name(m: re.Match[str]) -> Mention | None:
    rest = _trim(m.group(3).split())
    if not rest or not any(t[0].isupper() for t in rest):
        return None
    head = m.group(1)
    head = "Kỳ họp" if head.lower() in ("kỳ họp", "khóa họp") else head[0].upper() + head[1:]
    full = f"{head} {' '.join(rest)}"
    if DOMESTIC.search(full):
        return None
    name, acr, num2 = _acronym(full, "")
    return (m.start(), name, acr, number(m.group(2)) or num2, None)


def _name_year(m: re.Match[str]) -> Mention | None:
    raw = m.group(1)
    if " lần thứ " in raw or not _word_start(m) or not _good(raw):
        return None
    name, acr, num2 = _acronym(raw, m.string[m.end() : m.end() + 24])
    return (m.start(), name, acr, num2, m.group(2))


def extract(text: str) -> list[Mention]:
    r = rx()
    return (
        _scan(r["name_number"], text, _name_number)
        + _scan(r["number_name"], text, _number_name)
        + _scan(r["name_year"], text, _name_year)
    )


# ---- normalising and comparing -------------------------------------------------------------------

HEADS = ("hoi nghi", "ky hop", "phien hop", "dien dan", "doi thoai", "tuan le cap cao")


@cache
def _org_aliases() -> list[tuple[re.Pattern[str], str]]:
    out = []
    for name, _ in c.orgs().items():
        if name.isupper() and len(name) >= 3:
            for org in c.load("gazetteer/orgs.json")["orgs"]:
                if name in org["names"] and not org["name"].isupper():
                    out.append((re.compile(rf"\b{re.escape(c.key(name))}\b"), c.key(org["name"])))
    return out


def meeting_key(name: str) -> str:
    k = c.key(re.sub(r"\s*[-–—]\s*", "-", name)).replace("thuong dinh", "cap cao")
    for pattern, repl in _org_aliases():
        k = pattern.sub(repl, k)
    return " ".join(k.split())


def core(k: str) -> str:
    for head in HEADS:
        if k.startswith(head + " "):
            return k[len(head) + 1 :]
    return k


@cache
def known_series() -> tuple[dict[str, str], dict[str, str], list[tuple[re.Pattern[str], str]]]:
    keys: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    regexes: list[tuple[re.Pattern[str], str]] = []
    for s in c.meeting_series():
        acronyms[s["code"]] = s["code"]
        for name in s["names"]:
            if name.startswith("re:"):
                regexes.append((re.compile(name[3:]), s["code"]))
            elif name.isupper() or name.replace("-", "").isalnum() and name.upper() == name:
                acronyms[name] = s["code"]
            else:
                k = meeting_key(name)
                keys.setdefault(k, s["code"])
                if core(k) != k and len(core(k).split()) >= 2:
                    keys.setdefault(core(k), s["code"])
    return keys, acronyms, regexes


def series_of(name: str, acronym: str | None) -> str | None:
    keys, acronyms, regexes = known_series()
    k = meeting_key(name)
    if k in keys:
        return keys[k]
    if core(k) in keys and len(core(k).split()) >= 2:
        return keys[core(k)]
    for pattern, code in regexes:
        if pattern.search(name):
            return code
    if core(k).upper() in acronyms:  # "Hội nghị APEC"
        return acronyms[core(k).upper()]
    for other, code in keys.items():  # "Hội nghị an ninh châu Á - Đối thoại Shangri-La"
        if len(other.split()) >= 3 and other.startswith(HEADS) and f" {other}" in k:
            return code
    return acronyms.get(acronym or "")


def scope(name: str) -> str:
    """'domestic' for sessions of Viet Nam's own bodies ("Kỳ họp Quốc hội khóa XV"), else 'international'."""
    if not STATE_BODY.search(name):
        return "international"
    named = {code for n, code in c.countries().items() if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", name)}
    return "international" if named - {"VN"} else "domestic"


class Aggregate:
    def __init__(self) -> None:
        self.meetings: dict[str, dict[str, Any]] = {}

    def add(
        self, item: str, name: str, acr: str | None, num: int | None, year: str | None, item_year: str | None
    ):
        entry = self.meetings.setdefault(
            meeting_key(name),
            {
                "names": Counter(),
                "acronyms": Counter(),
                "numbers": Counter(),
                "years": Counter(),
                "pairs": Counter(),
                "stated": Counter(),
                "items": {},
            },
        )
        entry["names"][name] += 1
        if acr:
            entry["acronyms"][acr] += 1
        if num is not None:
            entry["numbers"][num] += 1
        when = year or item_year
        if when:
            entry["years"][int(when)] += 1
        if num is not None and when:
            entry["pairs"][(num, int(when))] += 1
            if year:
                entry["stated"][(num, int(year))] += 1
        entry["items"].setdefault(item)

    def _fold_tails(self) -> None:
        """A name that is a longer one's start plus lower-case words ("Kỳ họp Quốc hội khóa XV và lắng
        nghe...") is the sentence run on: it joins the shorter name when that is at least as common."""
        for k in sorted(self.meetings, key=lambda k: -len(k)):
            e = self.meetings[k]
            display = e["names"].most_common(1)[0][0].split(" ")
            words = k.split(" ")
            for cut in range(len(words) - 1, 1, -1):
                prefix = " ".join(words[:cut])
                target = self.meetings.get(prefix)
                tail = display[cut:] if len(display) == len(words) else []
                if target and tail and tail[0][0].islower() and len(target["items"]) >= len(e["items"]):
                    for field in ("names", "acronyms", "numbers", "years", "pairs", "stated"):
                        target[field].update(e[field])
                    for item in e["items"]:
                        target["items"].setdefault(item)
                    del self.meetings[k]
                    break

    def output(self, min_items: int = 2) -> list[dict[str, Any]]:
        self._fold_tails()
        out = []
        for k, e in self.meetings.items():
            if len(e["items"]) < min_items or not (e["numbers"] or e["years"]):
                continue
            name = max(e["names"], key=lambda n: (e["names"][n], n))
            acr = max(e["acronyms"], key=lambda a: (e["acronyms"][a], a)) if e["acronyms"] else None
            code = series_of(name, acr)
            pairs: dict[str, dict[str, int]] = defaultdict(dict)
            for (num, year), n in sorted(e["pairs"].items()):
                pairs[str(num)][str(year)] = n
            stated: dict[str, dict[str, int]] = defaultdict(dict)
            for (num, year), n in sorted(e["stated"].items()):
                stated[str(num)][str(year)] = n
            out.append(
                {
                    "name": name,
                    "key": k,
                    "acronym": acr,
                    "known": code is not None,
                    "scope": scope(name),
                    "series": code,
                    "count": len(e["items"]),
                    "names": dict(e["names"].most_common(8)),
                    "numbers": {str(n): v for n, v in sorted(e["numbers"].items())},
                    "years": {str(y): v for y, v in sorted(e["years"].items())},
                    "number_year": dict(pairs),
                    "number_year_stated": dict(stated),
                    "examples": list(e["items"])[:3],
                }
            )
        out.sort(key=lambda e: (-e["count"], e["key"]))
        return out
