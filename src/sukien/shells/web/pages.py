"""The web pages: each handler builds one data dict, shown as HTML or, with `?format=json`, as JSON.

Like datasette, what a page shows is exactly its data, so a page is also an API call. Jinja2
escapes every value (autoescape), article text included; the only markup that is not escaped is
the `<mark>` that `search.marked_html` adds after escaping. Labels come in Vietnamese and English
(`labels.json`); the choice is kept in a cookie. No JavaScript build: one small script filters the
timeline in place, and every filter also works as a plain GET form without it.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import cache
from importlib import resources
from importlib.util import find_spec
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.datastructures import URL
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles

from sukien import event_types
from sukien.app import brief, search
from sukien.errors import Code, SukienError
from sukien.models import Article, Event, Trip
from sukien.shells.requests import context, date_param, filters_from_query, text_param
from sukien.shells.web import journeys
from sukien.shells.web import timeline as timelines
from sukien.shells.web.geo import country_name, leg_coordinates, place_name
from sukien.store import Filters, Store
from sukien.text.fold import name_key

LANGUAGES = ("vi", "en")
RECENT_TRIPS = 12
SWAGGER_ASSETS = "/docs/assets"  # where Swagger UI's script and style are served from
ACTOR_EVENTS = 200  # listed on a leader's page (the map counts them all)


@cache
def labels() -> dict[str, dict[str, Any]]:
    found = json.loads(
        resources.files("sukien.shells.web").joinpath("labels.json").read_text(encoding="utf-8")
    )
    for language, words in found.items():
        words["event_types"] = event_types.labels(language)  # from the table of event types
    return found


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("sukien.shells.web", "templates"), autoescape=select_autoescape(default=True)
    )
    env.filters["vndate"] = brief.vietnamese_date
    return env


def language(request: Request) -> str:
    chosen = request.query_params.get("lang") or request.cookies.get("lang") or "vi"
    return chosen if chosen in LANGUAGES else "vi"


def render(request: Request, template: str, data: dict[str, Any], status: int = 200) -> Response:
    if request.query_params.get("format") == "json":
        return JSONResponse(data, status_code=status)
    lang = language(request)
    other = "en" if lang == "vi" else "vi"
    toggle = request.url.include_query_params(lang=other)
    page = (
        environment()
        .get_template(template)
        .render(
            data=data,
            t=labels()[lang],
            lang=lang,
            toggle_url=str(toggle.path) + "?" + toggle.query,
            json_url=request.url.path + "?" + str(request.url.include_query_params(format="json").query),
        )
    )
    response = HTMLResponse(page, status_code=status)  # headers: shells.guard
    if "lang" in request.query_params and request.query_params["lang"] in LANGUAGES:
        response.set_cookie("lang", lang, samesite="lax")
    return response


# -- data -----------------------------------------------------------------------------------------


def trip_summary(trip: Trip, lang: str) -> dict[str, Any]:
    countries = list(dict.fromkeys(leg.country for leg in trip.legs))
    return {
        "id": trip.id,
        "actor": trip.actor.name,
        "roles": trip.actor.roles,
        "start": trip.start,
        "end": trip.end,
        "year": (trip.start or trip.end or "")[:4] or None,
        "status": trip.status,
        "countries": countries,
        "places": [place_name(leg.city, leg.country, lang) for leg in trip.legs],
        "occasions": [o.model_dump(exclude_none=True) for o in trip.occasions],
        "sources": len(trip.sources),
    }


def one_name(store: Store) -> Callable[[str], str]:
    """A name as the person's one name (`Store.people`, from the last re-link): "V. V. Putin" ->
    "Vladimir Putin"; a name no person holds as written."""
    names = {name_key(name): person.name for person in store.people() for name in person.names()}
    return lambda name: names.get(name_key(name), name)


Dated = TypeVar("Dated", Trip, Event)


def under_one_name(items: list[Dated], named: Callable[[str], str]) -> list[Dated]:
    """Copies of trips or events with each actor under the person's one name, so that the map and the
    timeline list, filter and draw a leader once however the articles spell him."""
    renamed = []
    for item in items:
        name = named(item.actor.name)
        if name != item.actor.name:
            item = item.model_copy(update={"actor": item.actor.model_copy(update={"name": name})})
        renamed.append(item)
    return renamed


def trip_choices(
    request: Request, everything: list[Trip], lang: str, named: Callable[[str], str]
) -> dict[str, Any]:
    """The leader, country and year a page is narrowed to, and every value each could take."""
    codes = sorted({leg.country for trip in everything for leg in trip.legs})
    leader = text_param(request, "leader")
    return {
        "selected": {
            "leader": named(leader) if leader else None,
            "country": (text_param(request, "country", 2) or "").upper() or None,
            "year": text_param(request, "year", 4),
        },
        "leaders": sorted({trip.actor.name for trip in everything}),
        "countries": [{"code": code, "name": country_name(code, lang)} for code in codes],
        "years": sorted(
            {(trip.start or trip.end or "")[:4] for trip in everything if trip.start or trip.end},
            reverse=True,
        ),
    }


def chosen(trips: list[Trip], selected: dict[str, Any], window: timelines.Window | None = None) -> list[Trip]:
    """The trips of the selected leader and country, in the selected year or window."""
    leader, country, year = selected["leader"], selected["country"], selected["year"]
    found = []
    for trip in trips:
        if leader and trip.actor.name != leader:
            continue
        if country and country not in {leg.country for leg in trip.legs}:
            continue
        if window is not None:
            start, end = timelines.day_of(trip.start), timelines.day_of(trip.end or trip.start)
            if start is None or end is None or end < window.since or start > window.until:
                continue
        elif year and not (trip.start or trip.end or "").startswith(year):
            continue
        found.append(trip)
    return sorted(found, key=lambda t: t.start or "", reverse=True)


def chosen_window(request: Request, year: str | None) -> timelines.Window | None:
    """The stretch of time asked for: `since`..`until`, else the year, else none (all of it)."""
    since, until = date_param(request, "since"), date_param(request, "until")
    if since or until:
        start = timelines.day_of(since) or timelines.day_of(until)
        end = timelines.day_of(until) or timelines.day_of(since)
        assert start is not None and end is not None
        return timelines.Window(min(start, end), max(start, end))
    if year and year.isdigit() and 1 <= int(year) <= 9999:
        return timelines.year_window(int(year))
    return None


def timeline_data(request: Request, lang: str) -> dict[str, Any]:
    store = context(request).store()
    named = one_name(store)
    everything = under_one_name(store.trips(Filters()), named)
    choices = trip_choices(request, everything, lang, named)
    selected = choices["selected"]
    window = chosen_window(request, selected["year"])
    events = under_one_name(store.events(Filters(country=selected["country"])), named)
    # a leader with events but no trip has a lane too, so the filter offers every one
    choices["leaders"] = sorted(set(choices["leaders"]) | {event.actor.name for event in events})
    if selected["leader"]:  # one exact name, as a lane is (the store's filter folds diacritics)
        events = [event for event in events if event.actor.name == selected["leader"]]

    def zoom_to(shown: timelines.Window) -> str:
        url = request.url.remove_query_params(["year", "format"]).include_query_params(
            since=shown.since.isoformat(), until=shown.until.isoformat()
        )
        return f"{url.path}?{url.query}"

    types = labels()[lang]["event_types"]
    shown = chosen(everything, selected, window if request.query_params.get("since") else None)
    return {
        **choices,
        "timeline": timelines.timeline(events, everything, window, zoom_to, types),
        "trips": [trip_summary(trip, lang) for trip in shown],
    }


def zoom_toggle(request: Request, zoomed: bool) -> str:
    """This page with the map the other way: the whole world, or zoomed to what it shows."""
    url = request.url.remove_query_params("zoom")
    if zoomed:
        url = url.include_query_params(zoom="world")
    return f"{url.path}?{url.query}" if url.query else url.path


def map_data(request: Request, lang: str) -> dict[str, Any]:
    store = context(request).store()
    named = one_name(store)
    everything = under_one_name(store.trips(Filters()), named)
    choices = trip_choices(request, everything, lang, named)
    shown = chosen(everything, choices["selected"])
    narrowed = any(choices["selected"].values())
    zoom = narrowed and request.query_params.get("zoom") != "world"
    return {
        **choices,
        "trips": [trip_summary(trip, lang) for trip in shown],
        "map": journeys.journey_map(shown, store.events(Filters()), lang, zoom),
        "zoom_url": zoom_toggle(request, zoom) if narrowed else None,
    }


def segments(text: str, spans: list[tuple[int, int]]) -> list[dict[str, Any]]:
    """The text cut into plain and marked stretches (overlapping spans merged)."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    found, position = [], 0
    for start, end in merged:
        if start > position:
            found.append({"text": text[position:start], "mark": False})
        found.append({"text": text[start:end], "mark": True})
        position = end
    if position < len(text):
        found.append({"text": text[position:], "mark": False})
    return found


def evidence_spans(article: Article, events: list[Event]) -> list[tuple[int, int]]:
    """Where each evidence sentence of `events` stands in the article (found again if offsets moved)."""
    spans = []
    for event in events:
        for evidence in event.evidence:
            if evidence.source != article.source:
                continue
            if article.text[evidence.start : evidence.end] == evidence.text:
                spans.append((evidence.start, evidence.end))
            elif (at := article.text.find(evidence.text)) >= 0:
                spans.append((at, at + len(evidence.text)))
    return spans


def article_card(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published,
        "url": article.url,
        "source": article.source,
    }


def event_row(event: Event, lang: str) -> dict[str, Any]:
    return {
        "id": event.id,
        "type": event.type,
        "status": event.status,
        "start": event.start,
        "end": event.end,
        "counterparts": [p.model_dump(exclude_none=True) for p in event.counterparts],
        "place": place_name(event.location.city, event.location.country, lang),
        "occasion": event.occasion.name if event.occasion else None,
        "evidence": [e.model_dump() for e in event.evidence],
        "sources": event.sources,
    }


def trip_data(request: Request, trip_id: str, lang: str) -> dict[str, Any]:
    store = context(request).store()
    zoom = request.query_params.get("zoom") != "world"  # zoomed to the trip's legs unless asked
    trip = store.trip(trip_id)
    events = store.trip_events(trip)
    articles = store.articles_by_source(trip.sources)
    legs = []
    for leg in trip.legs:
        point = leg_coordinates(leg)
        legs.append(
            {
                **leg.model_dump(),
                "country_name": country_name(leg.country, lang),
                "lat": point[0] if point else None,
                "lon": point[1] if point else None,
            }
        )
    return {
        "trip": trip.model_dump(mode="json"),
        "summary": trip_summary(trip, lang),
        "legs": legs,
        "events": [event_row(e, lang) for e in events],
        "meetings": [event_row(e, lang) for e in events if e.type in ("meet", "call") and e.counterparts],
        "brief": brief.build(store, trip_id, lang).as_dict(),
        "sources": [
            {
                "article": article_card(article),
                "segments": segments(article.text, evidence_spans(article, events)),
            }
            for source in trip.sources
            if (article := articles.get(source)) is not None
        ],
        "map": journeys.journey_map([trip], events, lang, zoom, numbered=True),
        "zoom_url": zoom_toggle(request, zoom),
    }


# -- handlers -------------------------------------------------------------------------------------


def home(request: Request) -> Response:
    lang = language(request)
    store = context(request).store()
    trips = store.trips(Filters())
    recent = sorted(trips, key=lambda t: t.start or "", reverse=True)[:RECENT_TRIPS]
    figures = store.stats()
    data = {
        "stats": {"articles": figures.articles, "events": figures.events, "trips": figures.trips},
        "recent_trips": [trip_summary(trip, lang) for trip in recent],
        "map": journeys.journey_map(trips, store.events(Filters()), lang, zoom=False),
    }
    return render(request, "home.html", data)


# The query parameter each facet sets (a year sets two: `since` and `until`).
FACET_PARAMETERS = {"outlet": "outlet", "type": "type", "country": "country", "actor": "actor"}
FILTER_PARAMETERS = ("outlet", "type", "country", "actor", "since", "until")


def search_page(request: Request) -> Response:
    query = text_param(request, "q", 500)
    data: dict[str, Any] = {"query": query or "", "result": None, "facets": [], "pages": {}}
    if query:
        filters = filters_from_query(request, default_limit=search.DEFAULT_LIMIT)
        result = search.search(context(request).store(), query, filters).as_dict()
        data["result"] = result
        data["facets"] = facet_links(request, result["facets"], language(request))
        data["pages"] = page_links(request, result)
        data["filtered"] = any(request.query_params.get(name) for name in FILTER_PARAMETERS)
        data["clear_url"] = "/search?" + str(URL("/").include_query_params(q=query).query)
    return render(request, "search.html", data)


def facet_links(request: Request, found: dict[str, list[dict[str, Any]]], lang: str) -> list[dict[str, Any]]:
    """Each facet's values as links that add its filter to the search (and go back to the first page)."""
    names = labels()[lang]
    shown = []
    for name, values in found.items():
        links = []
        for item in values:
            value = str(item["value"])
            if name == "year":
                changes = {"since": f"{value}-01-01", "until": f"{value}-12-31"}
                selected = request.query_params.get("since") == changes["since"]
            else:
                changes = {FACET_PARAMETERS[name]: value}
                selected = (request.query_params.get(FACET_PARAMETERS[name]) or "").lower() == value.lower()
            label = value
            if name == "country":
                label = country_name(value, lang)
            elif name == "type":
                label = names["event_types"].get(value, value)
            url = request.url.include_query_params(**changes).remove_query_params("offset")
            links.append(
                {
                    "label": label,
                    "count": item["count"],
                    "url": f"{url.path}?{url.query}",
                    "selected": selected,
                }
            )
        shown.append({"name": name, "title": names.get(name, name), "links": links})
    return shown


def page_links(request: Request, result: dict[str, Any]) -> dict[str, Any]:
    """The previous and next pages of the longer list (articles or events), and what this one shows."""
    offset, limit = result["offset"], result["limit"] or search.DEFAULT_LIMIT
    total = max(result["total"]["articles"], result["total"]["events"])
    shown = max(len(result["articles"]), len(result["events"]))

    def at(start: int) -> str:
        url = request.url.include_query_params(offset=start)
        return f"{url.path}?{url.query}"

    return {
        "first": offset + 1 if shown else 0,
        "last": offset + shown,
        "total": total,
        "previous": at(max(0, offset - limit)) if offset > 0 else None,
        "next": at(offset + limit) if shown == limit and offset + limit < total else None,
    }


def timeline_page(request: Request) -> Response:
    return render(request, "timeline.html", timeline_data(request, language(request)))


def map_page(request: Request) -> Response:
    return render(request, "map.html", map_data(request, language(request)))


def trip_page(request: Request) -> Response:
    return render(request, "trip.html", trip_data(request, request.path_params["id"], language(request)))


def actor_page(request: Request) -> Response:
    lang = language(request)
    name = request.path_params["name"]
    store = context(request).store()
    trips = store.trips(Filters(actor=name))
    everything = store.events(Filters(actor=name))
    events = everything[:ACTOR_EVENTS]
    if not trips and not events:  # an empty page with 200 would read as "this person did nothing"
        raise SukienError(Code.NOT_FOUND, f"no trip or event of {name!r}", name)
    person = store.person(name)
    data = {
        "name": person.name if person else name,
        "aliases": list(person.aliases) if person else [],  # the other names written for the person
        "trips": [trip_summary(trip, lang) for trip in trips],
        "events": [{**event_row(e, lang), "actor": e.actor.name, "trip_id": e.trip_id} for e in events],
        "map": journeys.journey_map(trips, everything, lang, zoom=bool(trips)),
    }
    return render(request, "actor.html", data)


def article_page(request: Request) -> Response:
    lang = language(request)
    store = context(request).store()
    article = store.article(request.path_params["id"])
    own = store.article_events(article.id)
    data = {
        "article": {**article_card(article), "author": article.author},
        "segments": segments(article.text, evidence_spans(article, own)),
        "events": [{**event_row(e, lang), "actor": e.actor.name, "trip_id": e.trip_id} for e in own],
    }
    return render(request, "article.html", data)


def guarded(handler):
    """A page for something that is not there is a 404 page (HTML or JSON), not a server error."""

    def run(request: Request) -> Response:
        try:
            return handler(request)
        except SukienError as err:
            status = 404 if err.code == Code.NOT_FOUND else 400
            return render(request, "error.html", {"error": err.as_dict()}, status=status)

    run.__name__ = handler.__name__
    return run


def favicon(request: Request) -> Response:
    icon = resources.files("sukien.shells.web").joinpath("static", "favicon.ico").read_bytes()
    return Response(icon, media_type="image/x-icon", headers={"Cache-Control": "public, max-age=86400"})


def swagger_ui_files() -> Path | None:
    """Swagger UI's files, as the `swagger-ui-py` package (the `web` extra) ships them: found
    without importing its Python code, which serves other frameworks."""
    spec = find_spec("swagger_ui")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))) / "static"
    return folder if (folder / "swagger-ui-bundle.js").is_file() else None


def api_docs(request: Request) -> Response:
    """The API's reference: Swagger UI over /openapi.json, from files served here (no CDN)."""
    data = {"openapi": "/openapi.json", "bundled": swagger_ui_files() is not None}
    return render(request, "docs.html", data)


def routes() -> list[BaseRoute]:
    swagger = swagger_ui_files()
    assets = [Mount(SWAGGER_ASSETS, StaticFiles(directory=swagger), name="swagger-ui")] if swagger else []
    return [
        *assets,
        Route("/docs", guarded(api_docs)),
        Route("/favicon.ico", favicon),
        Route("/", guarded(home)),
        Route("/search", guarded(search_page)),
        Route("/timeline", guarded(timeline_page)),
        Route("/map", guarded(map_page)),
        Route("/trips/{id}", guarded(trip_page)),
        Route("/actors/{name}", guarded(actor_page)),
        Route("/articles/{id}", guarded(article_page)),
    ]
