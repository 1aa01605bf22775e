"""Office-holders from appositions: TITLE [qualifier] [COUNTRY|ORG] Name, chains of titles
("Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh") and "ông Name, TITLE COUNTRY"."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from . import common as c

# First words of capitalised runs that are bodies or places, not people ("Bộ", "Quảng" is left to
# the Vietnamese-surname rescue: "Bí thư Tỉnh ủy Quảng Ninh Nguyễn Văn A").
NON_NAME_START = c.words(
    """
    Bộ Ban Ủy Cục Viện Tòa Hội Đảng Chính Nhà Quốc Liên Tập Công Tổng Phó Thủ Chủ Sở Học Đại Trung Cơ
    Hãng Tổ Quỹ Ngân Hiệp Diễn Thượng Hạ Nghị Cộng Vương Tỉnh Thành Huyện Xã Quận Phường Lực Quân Cảnh
    Bệnh Trường Đài Báo Thông Tân Cựu Người Các Những Tại Theo Trong Khi Sau Với Và Ngày Tháng Năm Sáng
    Chiều Tối Hôm Đoàn Phái Văn Tiểu Khu Miền Bắc Nam Đông Tây Châu Thế Vịnh Biển Sông Núi Đảo Cảng Sân
    Mặt Tòa Hãng Công ty Tòa Điện Phủ Dinh Lâu Cung Điện Ngoại Nội Phòng Hải Không Thái Dân Giáo Thánh
    Đức Lễ Hiến Luật Nghị Quyết Chương Trình Dự Kế Kỳ Khóa Phiên Vòng Giải Cup Đội Câu CLB Hãng Lãnh Sứ
    """
)
# Words before a name that are honorifics, not part of it ("Tan Sri", "Samdech Techo").
HONORIFICS = c.words(
    """
    Ông Bà Ngài Tan Sri Dato Datuk Seri Samdech Techo Akka Moha Sena Padei Thipadei Haji Sheikh Sir Dr
    """
)
TRAILING_STATE = re.compile(r" (?:nước |của )?(?:Cộng hòa|Vương quốc|Liên bang)\b.*$")
# Capitalised words that start a sentence run on without its full stop ("... Moon Jae-in Theo Yonhap").
SENTENCE_STARTS = c.words(
    """
    Theo Trong Tại Sau Khi Với Ngày Hôm Sáng Chiều Tối Đây Ông Bà Các Những Nhưng Tuy Vì Để Cùng Ngoài
    Đó Này Về Trước Từ Nếu Đến Còn Cũng Lúc Người Ảnh Video Clip Báo Thủ Tổng Chủ Bộ
    """
)
# Candidates are not holders: "ứng cử viên Tổng thống Mỹ Hillary Clinton".
CANDIDATE_RE = re.compile(r"(?:ứng cử viên|ứng viên|tranh cử|Ứng viên|Ứng cử viên) $")
PARTICLES = c.words("bin ibn bint al el de del della der den van von da dos das di du la le ter")
SPOUSES = frozenset({"Phu nhân", "Đệ nhất phu nhân"})
PEOPLE_NAMED_AS_PLACES = frozenset({"ho chi minh"})  # the President, then the city named after him
LOCAL = re.compile(r"\b(?:TP|Thành ủy|UBND|HĐND)\b")
# Former holders: "cựu Tổng thống", "nguyên Thủ tướng".
FORMER_RE = re.compile(r"(?:cựu|nguyên) $")
BODY_WORDS = c.words(
    """
    Nhân dân Cách mạng Cộng sản Lao động Xã hội chủ nghĩa Dân Hoàng gia Liên bang Thống nhất
    """
)
BODY_ROLES = ("Chủ tịch", "Phó Chủ tịch", "Phó chủ tịch", "Bộ trưởng", "Thứ trưởng")
GENERIC_ROLES = (
    "Bộ trưởng",
    "Thứ trưởng",
    "Chủ tịch",
    "Phó Chủ tịch",
    "Tổng",
    "Phó Tổng",
    "Giám đốc",
    "Trưởng",
)


@cache
def rx() -> dict[str, re.Pattern[str]]:
    countries = c.trie_regex(c.countries())
    name = c.NAME
    titles = c.trie_regex(c.titles())
    words = {w for q in [*c.qualifiers(), *c.orgs()] for w in q.split(" ") if len(w) > 1 and w.isalpha()}
    vocab = c.trie_regex(words | set(BODY_WORDS))
    return {
        "title": re.compile(rf"(?<!\w)(?:{titles})(?!\w)", re.IGNORECASE),
        "body": re.compile(rf" ((?:{vocab})(?: (?:{vocab})){{0,11}}) (?:[nN]ước )?({countries})(?!\w)"),
        "qual": re.compile(rf" (?:{c.trie_regex(c.qualifiers())})(?!\w)"),
        "country": re.compile(rf" (?:[nN]ước )?({countries})(?!\w)"),
        "in_country": re.compile(rf"({countries})(?!\w)"),
        "org": re.compile(rf" ({c.trie_regex(c.orgs())})(?!\w)"),
        "acro": re.compile(r" ([A-Z][A-Z0-9&]{1,6})(?![\w-])"),
        "initials": re.compile(r"[A-Z]{2}"),
        "filler": re.compile(rf" ({c.U}{c.L}*(?: {c.L}+){{0,3}})(?= )"),
        "posted": re.compile(rf" (?:tại|ở|bên cạnh) ({countries})(?!\w)"),
        "sep": re.compile(r"(?:, | kiêm | và kiêm | - )"),
        "name_after": re.compile(rf"(?:,? {c.HONORIFIC} |(?: -| –) {c.HONORIFIC} | )({name})"),
        "lookback": re.compile(rf"{c.HONORIFIC} ({name})(?:,| -| –) $"),
        "roman": re.compile(c.ROMAN),
        "word": re.compile(r" (\w+)"),
        "nested": re.compile(rf" (?:của )?((?:{titles}))(?!\w)", re.IGNORECASE),
        "of": re.compile(r"(?:của|Của) $"),
        "initial": re.compile(rf"({c.U}\.)(?={c.U})"),
    }


@dataclass
class Held:
    title: str
    country: str | None = None
    org: str | None = None
    extra: list[str] = field(default_factory=list)
    skip: bool = False


def _bodies(held: Held, text: str) -> None:
    """Give `held` the country or org a qualifier names ("Đảng Cộng sản Trung Quốc" -> CN)."""
    found = c.orgs().get(text)
    if found:
        held.country, held.org = found
        return
    m = rx()["in_country"].search(text)
    if m and m.group(1) not in c.ambiguous_countries():
        held.country = c.countries()[m.group(1)]


def _local(text: str, cm: re.Match[str]) -> bool:
    """An ambiguous country word starting a Vietnamese name or place ("Bí thư Tỉnh ủy Thái Bình")."""
    if cm.group(1) not in c.ambiguous_countries():
        return False
    nxt = rx()["word"].match(text, cm.end())
    return nxt is not None and nxt.group(1)[0].isupper() and c.vietnamese_syllable(nxt.group(1))


def _parse_title(text: str, m: re.Match[str], nested: bool = True) -> tuple[Held, int]:
    r = rx()
    entry = c.titles()[m.group().lower()]
    held = Held(entry["role"])
    if FORMER_RE.search(text, max(0, m.start() - 7), m.start()) and not held.title.startswith("Cựu"):
        held.title = "Cựu " + held.title
    end = m.end()
    inner = r["nested"].match(text, end) if nested else None
    if inner:
        of, end = _parse_title(text, r["title"].match(text, inner.start(1)), nested=False)  # type: ignore[arg-type]
        if inner.group().startswith(" của"):  # "Cố vấn của Tổng thống Mỹ X": X is the president
            return of, end
        held.extra.append(of.title)
        held.country, held.org = of.country, of.org
        # "Phu nhân Tổng thống Mỹ X": X is the wife; "Người phát ngôn Tổng thống Nga X": either one.
        held.skip = entry["role"] not in SPOUSES
        return held, end
    cm = r["country"].match(text, end)
    om = r["org"].match(text, end)
    bm = r["body"].match(text, end)
    if om and (not cm or om.end() > cm.end()) and (not bm or om.end() >= bm.end()):
        held.country, held.org = c.orgs()[om.group(1)]
        end = om.end()
    elif cm and (not bm or cm.end() >= bm.end()) and not _local(text, cm):
        held.country, end = c.countries()[cm.group(1)], cm.end()
    elif bm:
        held.country, end = c.countries()[bm.group(2)], bm.end()
        if held.title.startswith(BODY_ROLES):
            held.extra.append(bm.group(1))
    else:
        q = r["qual"].match(text, end)
        if q:
            _bodies(held, q.group().strip())
            end = q.end()
            cm = r["country"].match(text, end)
            if held.country is None and held.org is None and cm:
                held.country, end = c.countries()[cm.group(1)], cm.end()
    if held.country is None and held.org is None:
        am = r["acro"].match(text, end)
        found = c.orgs().get(am.group(1)) if am else None
        if (
            am
            and not r["roman"].fullmatch(am.group(1))
            and (found or not r["initials"].fullmatch(am.group(1)))
        ):
            if found:
                held.country, held.org = found
            else:
                held.extra.append(am.group(1))
            end = am.end()
            cm = r["country"].match(text, end)
            if found is None and cm:
                held.country, end = c.countries()[cm.group(1)], cm.end()
        elif held.title.startswith(GENERIC_ROLES):
            fm = r["filler"].match(text, end)
            cm = r["country"].match(text, fm.end()) if fm else None
            if fm and cm and cm.group(1) not in c.ambiguous_countries():
                held.extra.append(fm.group(1))
                held.country, end = c.countries()[cm.group(1)], cm.end()
    if held.country and entry.get("category") == "diplomat":
        pm = r["posted"].match(text, end)
        if pm:
            held.extra.append("tại " + pm.group(1))
            end = pm.end()
    return held, end


def clean_name(raw: str) -> tuple[list[str], list[str]] | None:
    """(name tokens, tokens before them that belong to the title) or None when it is no name."""
    raw = rx()["initial"].sub(r"\1 ", raw)
    tokens = raw.split(" ")
    while len(tokens) > 1 and tokens[0] in HONORIFICS:
        tokens.pop(0)
    if tokens[0] in HONORIFICS:
        return None
    countries = c.countries()
    ambiguous = c.ambiguous_countries()
    for i in range(1, len(tokens)):  # a sentence run on without its full stop: "... Moon Jae-in Theo Yonhap"
        if tokens[i] in SENTENCE_STARTS:
            tokens = tokens[:i]
            break
    for i in range(1, len(tokens)):  # a country after the name: "Kim Jong-un Triều Tiên" -> cut
        if any(" ".join(tokens[i : i + k]) in countries for k in range(1, 5)) and tokens[i] not in ambiguous:
            tokens = tokens[:i]
            break
    prefix: list[str] = []
    # a body or place before a Vietnamese name: "Quảng Ninh Nguyễn Văn A", "Bộ Công Thương Trần Văn B"
    for i in range(1, len(tokens) - 1):
        before = tokens[:i]
        if (before[0] in NON_NAME_START or c.key(" ".join(before)) in c.place_keys()) and c.vietnamese_name(
            tokens[i:]
        ):
            prefix, tokens = before, tokens[i:]
            break
    if tokens[0] in NON_NAME_START:
        return None
    if len(tokens) > 6:
        return None
    return tokens, prefix


Mention = tuple[int, str, str | None, str | None, str]  # position, name, country, org, title


def extract(text: str) -> list[Mention]:
    """Every (position, name, country or None, org or None, title) apposition in `text`."""
    r = rx()
    out: list[Mention] = []
    pos = 0
    while True:
        m = r["title"].search(text, pos)
        if m is None:
            return out
        if m.group().startswith("quyền "):  # "chính quyền Tổng thống": power, not "Quyền" (acting)
            m = r["title"].match(text, m.start() + 6) or m
        candidate = CANDIDATE_RE.search(text, max(0, m.start() - 14), m.start()) is not None
        chain: list[Held] = []
        cur: re.Match[str] | None = m
        end = m.end()
        chained = r["of"].search(text, max(0, m.start() - 4), m.start()) is None  # "của Tổng Bí thư, ..."
        while cur is not None:
            held, end = _parse_title(text, cur)
            chain.append(held)
            sep = r["sep"].match(text, end) if chained else None
            cur = r["title"].match(text, sep.end()) if sep else None
        nm = r["name_after"].match(text, end)
        name_pos = end
        raw = nm.group(1) if nm else None
        if raw is None and any(h.country or h.org for h in chain):
            lb = r["lookback"].search(text, max(0, m.start() - 90), m.start())
            raw, name_pos = (lb.group(1), lb.start(1)) if lb else (None, end)
        pos = nm.end() if nm else end
        cleaned = clean_name(raw) if raw and not candidate else None
        if cleaned is None:
            continue
        tokens, prefix = cleaned
        last = chain[-1]
        if prefix:
            last.extra.append(" ".join(prefix))
        country = org = None
        for held in reversed(chain):  # titles without a body take the chain's last one
            if held.country or held.org:
                country, org = held.country, held.org
            if held.country is None and held.org is None:
                held.country, held.org = country, org
        name = " ".join(tokens)
        for held in chain:
            if held.skip:
                continue
            extra = TRAILING_STATE.sub("", " ".join(held.extra))
            out.append((name_pos, name, held.country, held.org, f"{held.title} {extra}".strip()))


# ---- aggregation ---------------------------------------------------------------------------------


@dataclass
class Stats:
    """Items (in the order first seen) with their date: a day, a year, or None."""

    items: dict[str, str | None] = field(default_factory=dict)

    def add(self, item: str, date: str | None) -> None:
        if item not in self.items or (self.items[item] is None and date is not None):
            self.items[item] = date

    def merge(self, other: Stats) -> None:
        for item, date in other.items.items():
            self.add(item, date)

    def dump(self) -> dict[str, Any]:
        dates = sorted(d for d in self.items.values() if d)
        out: dict[str, Any] = {"count": len(self.items), "undated_count": len(self.items) - len(dates)}
        if dates:
            out["first"], out["last"] = dates[0], dates[-1]
        out["examples"] = list(self.items)[:3]
        return out


@dataclass
class Person:
    spellings: Counter[str] = field(default_factory=Counter)
    titles: dict[str, Stats] = field(default_factory=lambda: defaultdict(Stats))
    short: set[str] = field(default_factory=set)  # spellings of a surname or cut name merged in

    def items(self) -> set[str]:
        return {item for s in self.titles.values() for item in s.items}

    def top_title(self) -> str:
        return max(self.titles, key=lambda t: (len(self.titles[t].items), t))

    def absorb(self, other: Person) -> None:
        self.spellings.update(other.spellings)
        self.short |= other.short
        for title, stats in other.titles.items():
            self.titles[title].merge(stats)


class Aggregate:
    """Mentions -> people keyed by (folded name, country code or 'org:KEY' or None)."""

    def __init__(self) -> None:
        self.people: dict[tuple[str, str | None], Person] = defaultdict(Person)
        self.dropped: Counter[str] = Counter()

    def add(self, item: str, date: str | None, name: str, country: str | None, org: str | None, title: str):
        where = country or (f"org:{org}" if org else None)
        person = self.people[(person_key(name), where)]
        if item not in person.titles[title].items:
            person.spellings[name] += 1
        person.titles[title].add(item, date)

    def _move(self, src: tuple[str, str | None], dst: tuple[str, str | None]) -> None:
        self.people[dst].absorb(self.people.pop(src))

    def resolve(self) -> None:
        by_key: dict[str, list[str]] = defaultdict(list)
        for k, where in self.people:
            if where is not None:
                by_key[k].append(where)
        # 1. a name written without a country takes the one it has elsewhere, else VN if Vietnamese.
        for k, _ in [p for p in self.people if p[1] is None]:
            options = by_key.get(k)
            if options:
                best = max(options, key=lambda w: (len(self.people[(k, w)].items()), w))
                self._move((k, None), (k, best))
            elif c.vietnamese_name(self.people[(k, None)].spellings.most_common(1)[0][0].split(" ")):
                self._move((k, None), (k, "VN"))
                by_key[k].append("VN")
        # 2. the same words in another order ("Orban Viktor", "Viktor Orban").
        groups: dict[tuple[str, str | None], list[str]] = defaultdict(list)
        for k, where in self.people:
            groups[(" ".join(sorted(k.split())), where)].append(k)
        for (_, where), keys in groups.items():
            if len(keys) > 1:
                keys.sort(key=lambda k: (-len(self.people[(k, where)].items()), k))
                for k in keys[1:]:
                    self._move((k, where), (keys[0], where))
        # 3. a surname alone ("Tổng thống Trump", "V. Putin") joins the one full name with that title.
        #    A name cut short ("Moon Jae" of "Moon Jae in") joins the longer one it starts the same way.
        full: dict[str, list[tuple[str, str | None]]] = defaultdict(list)
        for k, where in self.people:
            words = [w for w in k.split() if len(w) > 1]
            if len(words) >= 2:
                full[words[-1]].append((k, where))
                full[words[0]].append((k, where))  # "Park" of Park Geun-hye, "Thaksin" of Thaksin Shinawatra
                for cut in range(2, len(words)):
                    full[" ".join(words[:cut]) + " …"].append((k, where))
        for k, where in sorted(self.people, key=lambda p: (p[0], p[1] or "")):
            words = [w for w in k.split() if len(w) > 1]
            if len(words) > 2 or (k, where) not in self.people:
                continue
            person = self.people[(k, where)]
            roles = {t.removeprefix("Cựu ") for t in person.titles}
            cands = [
                p
                for p in full.get(words[0] if len(words) == 1 else " ".join(words) + " …", [])
                if (where is None or p[1] == where)
                and p in self.people
                and not c.vietnamese_name(max(self.people[p].spellings, key=len).split(" "))
                and roles & {t.removeprefix("Cựu ") for t in self.people[p].titles}
            ]
            cands = [p for p in cands if self.people[p].top_title().removeprefix("Cựu ") in roles]
            if len(words) == 2:  # the longer name must be the usual one, not a slip ("Nancy Pelosi Pelosi")
                cands = [p for p in cands if len(self.people[p].items()) >= len(person.items())]
            cands.sort(key=lambda p: -len(self.people[p].items()))
            if cands and (
                len(cands) == 1
                or len(self.people[cands[0]].items()) >= 3 * len(self.people[cands[1]].items())
            ):
                self.people[cands[0]].short.update(person.spellings)
                self._move((k, where), cands[0])
        for k, where in [p for p in self.people if p[1] is None]:
            self.dropped["no country"] += len(self.people.pop((k, where)).items())

    def output(self) -> list[dict[str, Any]]:
        titles = {c.key(t) for t in c.titles()}
        places = (c.place_keys() | {c.key(n) for n in c.orgs()}) - PEOPLE_NAMED_AS_PLACES
        out = []
        for (k, where), person in self.people.items():
            full = [s for s in person.spellings if s not in person.short and len(s.split(" ")) >= 2]
            name = max(full or person.spellings, key=lambda s: (person.spellings[s], s))
            tokens = name.split(" ")
            if (
                k in titles
                or k in places
                or not junk_free(tokens)
                or (where == "VN" and not c.vietnamese_name(tokens))
            ):
                self.dropped["junk name"] += 1
                continue
            kept = {
                t: s
                for t, s in person.titles.items()
                if (len(s.items) >= 2 or any(s.items.values()))
                and not (k in PEOPLE_NAMED_AS_PLACES and LOCAL.search(t))
            }
            if not kept:
                self.dropped["seen once undated"] += 1
                continue
            total = Stats()
            for s in kept.values():
                total.merge(s)
            entry: dict[str, Any] = {"name": name}
            aliases = sorted(s for s in person.spellings if s != name)
            if aliases:
                entry["aliases"] = aliases
            if where and where.startswith("org:"):
                entry["country"], entry["org"] = None, where[4:]
            else:
                entry["country"] = where
            entry.update(total.dump())
            entry["titles"] = [
                {"title": t, **s.dump()}
                for t, s in sorted(kept.items(), key=lambda kv: (-len(kv[1].items), kv[0]))
            ]
            out.append(entry)
        out.sort(key=lambda e: (-e["count"], e["name"], e["country"] or ""))
        return out


def person_key(name: str) -> str:
    """key() without particles: "Bashar al-Assad" and "Bashar Assad" are one man."""
    return " ".join(w for w in c.key(name).split(" ") if w not in PARTICLES) or c.key(name)


def junk_free(tokens: list[str]) -> bool:
    if len(tokens) == 1:
        word = tokens[0]
        return (
            c.is_latin_name(word) and len(word) > 3 and not word.isupper() and not c.vietnamese_syllable(word)
        )
    if all(rx()["roman"].fullmatch(t) or len(t) <= 2 for t in tokens):
        return False
    return tokens[0] not in NON_NAME_START
