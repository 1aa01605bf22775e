"""The web UI in a real browser: Playwright driving Debian's chromium (never `playwright install`).

Skipped, with the reason, where chromium or the playwright package is absent; `.ci/run` installs both.
A screenshot of each page is kept under tests/artefacts/ (git-ignored).
"""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from seeded_store import TO_LAM_PAROLIN_SOURCE, store_text, trip_telling
from sukien.app.ingest import ingest
from sukien.store import open_store

CHROMIUM = Path("/usr/bin/chromium")
ARTEFACTS = Path(__file__).resolve().parent / "artefacts"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
XSS_TEXT = 'Bài thử: <img src=x onerror="window.__xss=1"> và <script>window.__xss=2</script> hết.'

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="Debian's chromium is not installed (apt-get install chromium)"
    ),
]
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed (test extra)"
)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory, seeds_dir):
    import uvicorn

    from sukien.shells.api import create_app

    db = tmp_path_factory.mktemp("browser") / "site.db"
    with open_store(db) as store:
        ingest(store, [seeds_dir])
        xss_id = store_text(store, "xss.txt", XSS_TEXT, title="<script>window.__xss=3</script>Tiêu đề")
        trip = trip_telling(store, TO_LAM_PAROLIN_SOURCE, "Tô Lâm")
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(str(db)), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}", "trip": trip.id, "xss": xss_id}
    server.should_exit = True
    thread.join(timeout=5)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    opened = context.new_page()
    yield opened
    context.close()


def screenshot(page, name: str) -> None:
    ARTEFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)


def test_home_page_shows_the_map_with_markers(page, site):
    page.goto(site["url"] + "/")
    assert page.locator("h1").inner_text() == "Sự kiện đối ngoại"
    assert page.locator("circle.marker").count() > 0
    assert page.locator("svg.world image").count() == 1
    screenshot(page, "home")


def test_search_from_the_box_lists_seed_004_first_with_parolin_marked(page, site):
    page.goto(site["url"] + "/")
    page.fill("#q", "to lam parolin")
    page.press("#q", "Enter")
    page.wait_for_selector("#article-hits")
    first = page.locator("#article-hits li").first
    assert TO_LAM_PAROLIN_SOURCE in first.inner_text()
    assert "Parolin" in first.locator("mark").all_inner_texts()
    screenshot(page, "search")


def test_trip_page_shows_the_evidence_highlighted(page, site):
    page.goto(site["url"] + "/")
    page.goto(site["url"] + f"/trips/{site['trip']}")
    marks = page.locator("#sources mark.evidence")
    assert marks.count() >= 3
    assert any("Pietro Parolin" in text for text in marks.all_inner_texts())
    background = marks.first.evaluate("element => getComputedStyle(element).backgroundColor")
    assert background not in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator("#legs tr.leg").count() >= 1
    screenshot(page, "trip")


def test_timeline_filter_hides_other_leaders(page, site):
    page.goto(site["url"] + "/timeline")
    rows = page.locator("tr.trip-row")
    total = rows.count()
    assert total >= 3
    page.select_option("#filter-leader", "Tô Lâm")
    visible = page.locator("tr.trip-row:not(.hidden)")
    assert 0 < visible.count() < total
    assert set(visible.locator("td:nth-child(3)").all_inner_texts()) == {"Tô Lâm"}
    assert page.locator("#shown-count").inner_text() == str(visible.count())
    screenshot(page, "timeline")


def test_map_page_draws_a_marker_per_place(page, site):
    page.goto(site["url"] + "/map")
    markers = page.locator("#map svg.world circle.marker")
    assert markers.count() == 4  # San Francisco, New York, Cuba, Korea
    assert page.locator("#map-legend svg.key-marker").count() == 3
    box = page.locator("svg.world").bounding_box()
    assert box and box["width"] > 300
    screenshot(page, "map")


def test_an_xss_payload_shows_as_text(page, site):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site["url"] + f"/articles/{site['xss']}")
    assert page.evaluate("window.__xss === undefined")
    assert "<script>window.__xss=3</script>" in page.locator("#article-title").inner_text()
    assert 'onerror="window.__xss=1"' in page.locator("#article-text").inner_text()
    assert page.locator("#article-text img").count() == 0
    assert dialogs == []
    screenshot(page, "xss")


def test_the_language_toggle_switches_to_english(page, site):
    page.goto(site["url"] + "/timeline")
    page.click("#lang-toggle")
    assert page.locator("h1").inner_text() == "Timeline"
    screenshot(page, "timeline-en")


@pytest.mark.parametrize("width", [390, 1366])
def test_search_pages_and_narrows_by_a_facet_without_overflow(browser, site, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = context.new_page()
    try:
        page.goto(site["url"] + "/search?q=ch%E1%BB%A7+t%E1%BB%8Bch&limit=2")
        page.wait_for_selector("#facets")
        totals = page.locator("#search-totals").inner_text()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.click("#pager a[rel=next]")
        page.wait_for_selector("#pager a[rel=prev]")
        assert page.locator("#article-hits").get_attribute("start") == "3"
        outlet = page.locator("section[data-facet=outlet] a").first
        outlet.click()
        page.wait_for_selector("section[data-facet=outlet] a.selected")
        assert page.locator("#search-totals").inner_text() != totals  # narrowed to that outlet
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        screenshot(page, f"search-facets-{width}")
    finally:
        context.close()


def test_the_trip_map_draws_its_route_leg_by_leg_zoomed_to_the_legs(page, site):
    data = page.request.get(site["url"] + f"/trips/{site['trip']}?format=json").json()
    placed = [leg for leg in data["legs"] if leg["lat"] is not None]
    assert len(placed) >= 2
    page.goto(site["url"] + f"/trips/{site['trip']}")
    route = page.locator(f"#map g.route[data-trip='{site['trip']}']")
    segments = route.locator("path.route-leg")
    assert segments.count() == len(placed) - 1
    assert route.locator("path.route-home").count() == 2
    for index in range(segments.count()):
        box = segments.nth(index).bounding_box()
        assert box and box["height"] > 20  # drawn on screen, New York to Havana
    assert page.locator("#map text.stop").all_text_contents() == [str(n) for n in range(1, len(placed) + 1)]
    width = float(page.locator("#map svg.world").get_attribute("viewBox").split()[2])
    assert width < 120  # zoomed to the Americas, not the world
    frame = page.locator("#map svg.world").bounding_box()
    for index in range(page.locator("#map circle.marker").count()):
        marker = page.locator("#map circle.marker").nth(index).bounding_box()
        assert frame["x"] <= marker["x"] and marker["x"] + marker["width"] <= frame["x"] + frame["width"]
    page.click("#map-zoom")
    assert page.locator("#map svg.world").get_attribute("viewBox") == "0 0 360 180"
    screenshot(page, "trip-world")


def test_timeline_marks_stand_by_date_and_lead_to_their_trip(page, site):
    page.goto(site["url"] + "/timeline")
    lanes = page.locator("#timeline .lane")
    assert sorted(lanes.evaluate_all("nodes => nodes.map(n => n.dataset.actor)")) == sorted(
        ["Lương Cường", "Tô Lâm", "Võ Văn Thưởng"]
    )
    lefts = {}
    for actor in ("Võ Văn Thưởng", "Tô Lâm", "Lương Cường"):
        mark = page.locator(f"#timeline .lane[data-actor='{actor}'] circle.mark").first
        lefts[actor] = mark.bounding_box()["x"]
    assert lefts["Võ Văn Thưởng"] < lefts["Tô Lâm"] < lefts["Lương Cường"]  # 2023, 2024, 2025
    page.locator("#timeline .lane[data-actor='Tô Lâm'] circle.mark").last.click()  # the one on top
    page.wait_for_url(f"**/trips/{site['trip']}")
    assert page.locator("#legs tr.leg").count() >= 2


def test_timeline_zooms_to_a_year_and_in(page, site):
    page.goto(site["url"] + "/timeline")
    page.click("#timeline svg.ticks text:text-is('2024')")
    page.wait_for_url("**since=2024-01-01&until=2024-12-31*")
    assert page.locator("#window").inner_text() == "1/1/2024 – 31/12/2024"
    assert page.locator("#timeline .lane").count() == 1
    before = page.locator("#timeline circle.mark").first.bounding_box()["x"]
    page.click("#zoom-in")
    page.wait_for_url("**since=2024-04-02*")
    after = page.locator("#timeline circle.mark").first.bounding_box()["x"]
    assert after > before  # September moves right when the window narrows to April-October
    screenshot(page, "timeline-zoomed")


def test_docs_lists_every_api_path_without_leaving_the_machine(page, site):
    asked = []
    page.on("request", lambda request: asked.append(request.url))
    page.goto(site["url"] + "/docs")
    page.wait_for_selector("#swagger-ui .opblock-summary-path", timeout=15000)
    shown = set(page.locator("#swagger-ui .opblock-summary-path").all_inner_texts())
    document = page.request.get(site["url"] + "/openapi.json").json()
    assert {path.replace("\u200b", "") for path in shown} == set(document["paths"])
    assert all(url.startswith(site["url"]) for url in asked), asked
    screenshot(page, "docs")


# The rows the header's items stand in: an item below the bottom of the row so far starts another.
HEADER_ROWS = """() => {
  const boxes = [...document.querySelectorAll('header.top > *')]
    .map(e => e.getBoundingClientRect()).filter(r => r.width > 0).sort((a, b) => a.top - b.top);
  let rows = 0, bottom = -Infinity;
  for (const box of boxes) {
    if (box.top >= bottom - 1) { rows += 1; bottom = box.bottom; }
    else { bottom = Math.max(bottom, box.bottom); }
  }
  return rows;
}"""

LAYOUT_PAGES = {
    "home": "/",
    "search": "/search?q=t%C3%B4+l%C3%A2m",
    "actor": "/actors/T%C3%B4%20L%C3%A2m",
    "trip": None,  # the seeded trip
    "map": "/map",
    "timeline": "/timeline",
    "docs": "/docs",
}


@pytest.mark.parametrize("width", [390, 1366])
def test_every_page_fits_the_screen_and_the_header_keeps_to_two_rows(browser, site, width):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="vi-VN")
    page = context.new_page()
    try:
        for name, path in LAYOUT_PAGES.items():
            page.goto(site["url"] + (path or f"/trips/{site['trip']}"))
            if name == "docs":
                page.wait_for_selector("#swagger-ui .opblock", timeout=15000)
            overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
            assert overflow <= 0, f"{name} at {width}px is {overflow}px too wide"
            rows = page.evaluate(HEADER_ROWS)
            assert rows <= (2 if width < 600 else 1), f"the header of {name} has {rows} rows at {width}px"
            screenshot(page, f"layout-{name}-{width}")
    finally:
        context.close()
