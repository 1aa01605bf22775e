"""The command line (SPEC.md): each command is one small function over the library.

A command registers itself with `@command(name, help, *options)`; the options are functions that
add arguments to its parser (`db_option`, `filter_options`, `format_option`...). Data goes to
standard output only; messages and progress go to standard error, and so does anything a library
prints while a command runs. Exit status: 0 done, 1 some inputs rejected, 2 usage or database
error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from sukien import __version__, event_types
from sukien.app.ingest import IngestReport, Interrupted, expected_records, ingest, reprocess
from sukien.errors import Code, SukienError
from sukien.shells.output import cell, write, write_bytes
from sukien.shells.progress import Progress
from sukien.store import DEFAULT_DB, Filters, Store, StoreStats, open_store, redacted

PROG = "sukien"
EXIT_OK, EXIT_REJECTED, EXIT_ERROR, EXIT_INTERRUPTED = 0, 1, 2, 130
# Where `sukien ingest` looks when given no PATH: the shared seed articles beside the repository.
DEFAULT_INPUTS = (Path("../shared/seeds"), Path(__file__).resolve().parents[4] / "shared" / "seeds")
FORMATS = ("table", "json", "jsonl", "csv")

Option = Callable[[argparse.ArgumentParser], None]


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    options: tuple[Option, ...]
    run: Callable[[argparse.Namespace], int]


COMMANDS: dict[str, Command] = {}


def command(name: str, help: str, *options: Option) -> Callable[[Callable[[argparse.Namespace], int]], Any]:
    def register(run: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
        COMMANDS[name] = Command(name, help, options, run)
        return run

    return register


# -- options ----------------------------------------------------------------------------------------


def db_option(parser: argparse.ArgumentParser) -> None:
    default = os.environ.get("SUKIEN_DB", DEFAULT_DB)
    parser.add_argument("--db", default=default, help=f"database file (default: {default})")


def filter_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--actor", help="a person's name; case and diacritics optional")
    parser.add_argument("--country", type=country_code, help="ISO 3166-1 alpha-2 code, e.g. US")
    parser.add_argument("--since", type=iso_date, help="YYYY-MM-DD")
    parser.add_argument("--until", type=iso_date, help="YYYY-MM-DD")
    parser.add_argument("--type", dest="types", type=type_list, default=(), help="TYPE[,TYPE]")
    parser.add_argument(
        "--outlet", help="only what this outlet reported: part of its name, case and diacritics optional"
    )
    parser.add_argument("--limit", type=positive, help="at most this many (1 or more)")
    parser.add_argument("--offset", type=non_negative, default=0, help="skip this many first (0 or more)")
    parser.add_argument(
        "--historical",
        action="store_true",
        help="also events in history (dated more than a year before their article): left out by default",
    )


def format_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")


def workers_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workers",
        type=int,
        help="processes for extraction (default: one per CPU when there are many records)",
    )


def paths_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders (default: ../shared/seeds)"
    )


def iso_date(text: str) -> str:
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"{Code.BAD_QUERY.value} not a date (YYYY-MM-DD): {text!r}") from err


def country_code(text: str) -> str:
    if len(text) != 2 or not text.isalpha():
        raise argparse.ArgumentTypeError(f"{Code.BAD_QUERY.value} not a two-letter country code: {text!r}")
    return text.upper()


def type_list(text: str) -> tuple[str, ...]:
    known = event_types.codes()
    types = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [t for t in types if t not in known]
    if unknown or not types:
        wrong = ", ".join(unknown) or repr(text)
        raise argparse.ArgumentTypeError(
            f"{Code.BAD_QUERY.value} unknown event type {wrong}; one of {', '.join(known)}"
        )
    return types


def filters_from(args: argparse.Namespace) -> Filters:
    return Filters(
        actor=args.actor,
        country=args.country,
        since=args.since,
        until=args.until,
        types=args.types,
        outlet=args.outlet,
        limit=args.limit,
        offset=args.offset,
        historical=args.historical,
    )


# -- commands ---------------------------------------------------------------------------------------


@command(
    "ingest", "read files or folders, extract events and store them", db_option, workers_option, paths_option
)
def ingest_command(args: argparse.Namespace) -> int:
    paths = args.paths or default_inputs()
    if not paths:
        return usage_error("ingest: give files or folders to read (../shared/seeds is not here)")
    with open_store(args.db) as store, progress_bar("record", paths) as shown:
        try:
            report = ingest(store, paths, progress=shown.update, workers=args.workers, rejected=shown.reject)
        except Interrupted as stop:
            return interrupted(stop.report)
        totals = store.stats()
    return summarise(report, redacted(args.db), totals=totals, said=shown.rejected)


@command("reprocess", "extract again every stored article from its raw input, then re-link", db_option,
         workers_option)  # fmt: skip
def reprocess_command(args: argparse.Namespace) -> int:
    with open_store(args.db, create=False) as store, progress_bar("article") as shown:
        shown.total = store.stats().raw_inputs
        try:
            report = reprocess(store, progress=shown.update, workers=args.workers, rejected=shown.reject)
        except Interrupted as stop:
            return interrupted(stop.report)
        totals = store.stats()
    return summarise(report, redacted(args.db), verb="re-processed", totals=totals, said=shown.rejected)


def batch_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="files or folders (on Spark: paths it reads)"
    )
    parser.add_argument(
        "--out", dest="out_dir", required=True, help="folder of the result (Parquet, by year)"
    )
    parser.add_argument("--engine", choices=("local", "spark"), default="local", help="default: local")
    parser.add_argument("--workers", type=int, help="local: processes for extraction (default: one per CPU)")
    parser.add_argument("--partitions", type=int, help="spark: record partitions (default: by cores, input)")
    parser.add_argument("--master", help="spark: the master when not run by spark-submit (default: local[*])")


@command("batch", "run the pipeline over inputs into Parquet tables (articles, events, trips)", batch_options)
def batch_command(args: argparse.Namespace) -> int:
    from sukien.app.batch import run_batch

    with logged_to_stderr():  # a line per stage (the library logs; the shell shows)
        report = run_batch(
            args.inputs, args.out_dir, args.engine, args.workers, args.partitions, master=args.master
        )
    for error in report.errors:
        say(str(error))
    return EXIT_REJECTED if report.errors else EXIT_OK


@contextlib.contextmanager
def logged_to_stderr() -> Iterator[None]:
    """sukien's log lines at INFO and above on standard error, as `sukien: message`, while inside."""
    logger = logging.getLogger("sukien")
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter(f"{PROG}: %(message)s"))
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)


def folder_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("folder", metavar="DIR", help="the folder `sukien batch --out` wrote")


@command("load", "put a `sukien batch` result into a store", db_option, folder_option)
def load_command(args: argparse.Namespace) -> int:
    from sukien.app.batch import load

    with open_store(args.db) as store, progress_bar("article") as shown:
        report = load(store, args.folder, progress=shown.update)
    return summarise(report, redacted(args.db))


@command("articles", "the stored articles", db_option, filter_options, format_option)
def articles_command(args: argparse.Namespace) -> int:
    return show(args, lambda store: store.articles(filters_from(args)), "articles")


@command("events", "extracted events", db_option, filter_options, format_option)
def events_command(args: argparse.Namespace) -> int:
    return show(args, lambda store: store.events(filters_from(args)), "events")


@command("trips", "events grouped into trips", db_option, filter_options, format_option)
def trips_command(args: argparse.Namespace) -> int:
    return show(args, lambda store: store.trips(filters_from(args)), "trips")


def default_inputs() -> list[str]:
    for folder in DEFAULT_INPUTS:
        if folder.is_dir():
            say(f"no PATH given: reading {folder}")
            return [str(folder)]
    return []


def show(args: argparse.Namespace, query: Callable[[Store], Sequence[BaseModel]], kind: str) -> int:
    with open_store(args.db, create=False, read_only=True) as store:
        items = query(store)
    write(items, args.format, kind, args.out)
    return EXIT_OK


def summarise(
    report: IngestReport, db: str, verb: str = "stored", totals: StoreStats | None = None, said: int = 0
) -> int:
    """The run's own counts, then the database's: "41 events" of this run is not the database's 41."""
    for error in report.errors[said:]:  # those not said while the run went on
        say(str(error))
    for warning in report.warnings:
        say(f"warning: {warning}")
    say(
        f"this run: {report.read} read, {report.stored} {verb}, {report.duplicates} already stored, "
        f"{report.rejected} rejected, {report.events} events extracted"
    )
    if totals is not None:
        say(f"the database ({db}): {totals.articles} articles, {totals.events} events, {totals.trips} trips")
    return EXIT_REJECTED if report.errors else EXIT_OK


def interrupted(report: IngestReport) -> int:
    say(f"interrupted: {report.stored} articles committed, the batch in progress was rolled back")
    return EXIT_INTERRUPTED


def say(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def usage_error(message: str) -> int:
    say(message)
    return EXIT_ERROR


@contextlib.contextmanager
def progress_bar(unit: str, paths: list[str] | None = None) -> Iterator[Progress]:
    """Progress on standard error (`shells.progress`): a bar on a terminal, plain lines elsewhere;
    with `paths`, their records are counted meanwhile for the total."""
    shown = Progress(unit, PROG)
    if paths:
        shown.count_in_background(expected_records, paths)
    try:
        yield shown
    finally:
        shown.close()


# -- search, briefs, the server, exports (issue 5: thin shells over search.py, brief.py, api.py,
# export.py) ---------------------------------------------------------------------------------------

LOOPBACK = ("127.0.0.1", "localhost", "::1")
ANSI_HIGHLIGHT = ("\x1b[1;33m", "\x1b[0m")
# Piped or written to a file, the text is data: no markup a reader would have to strip.
PLAIN_HIGHLIGHT = ("", "")


def query_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("query", metavar="QUERY", help="words to find; diacritics optional")


def brief_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("trip_id", metavar="TRIP_ID", help="a trip id, as `sukien trips` lists them")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    parser.add_argument(
        "--lang",
        choices=("vi", "en"),
        default="vi",
        help="language of every fixed phrase: heading, section titles, dates (default: vi)",
    )


def serve_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument("--token", help="token writes must carry (made up and printed when not local)")
    parser.add_argument(
        "--allow-writes", action="store_true", help="take writes without a token (loopback only)"
    )
    parser.add_argument("--cors", action="append", default=[], metavar="ORIGIN", help="allow this origin")
    parser.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="NAME",
        help="a name the Host header may give besides the bound address (a proxy's name)",
    )
    parser.add_argument(
        "--workers", type=positive, default=None, help="server processes sharing the port (default: the CPUs)"
    )


def positive(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"{Code.BAD_QUERY.value} not a positive whole number: {text!r}")
    return number


def non_negative(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"{Code.BAD_QUERY.value} not a whole number of 0 or more: {text!r}")
    return number


def cpu_count() -> int:
    # The CPUs this process may run on (a container or `taskset` may allow fewer than the machine has).
    try:
        return len(os.sched_getaffinity(0)) or 1
    except AttributeError:
        return os.cpu_count() or 1


def allowed_hosts(bound: str, named: Sequence[str]) -> list[str] | None:
    """The names the Host header may give: loopback's (and those named) on loopback; beyond it, the
    names given, or any when none are (reads are public there, and writes need the token)."""
    if bound in LOOPBACK:
        return [*LOOPBACK, *named]
    if bound in ("0.0.0.0", "::", ""):
        return list(named) or None
    return [bound, *named]


def export_options(parser: argparse.ArgumentParser) -> None:
    from sukien.app.export import FORMATS as EXPORT_FORMATS
    from sukien.app.export import KINDS

    parser.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        required=True,
        help="csv, jsonl, parquet (events, trips or articles); ics (trips or events, every status:"
        " planned ones TENTATIVE); cameo (events)",
    )
    parser.add_argument(
        "--out", dest="out_file", required=True, metavar="FILE", help="file to write; - for standard output"
    )
    parser.add_argument(
        "--what", choices=KINDS, help="what to export (default: trips for ics, events for the others)"
    )


@command("search", "ranked articles and events for a query, diacritics optional", db_option, filter_options,
         format_option, query_option)  # fmt: skip
def search_command(args: argparse.Namespace) -> int:
    from sukien.app.search import search

    with open_store(args.db, create=False, read_only=True) as store:
        result = search(store, args.query, filters_from(args))
    if args.format == "table":
        marks = ANSI_HIGHLIGHT if args.out.isatty() else PLAIN_HIGHLIGHT
        args.out.write(result.text(*marks))
        if result.partial:
            say("no item has every word; these have some of them")
        return EXIT_OK
    hits = [hit.as_dict() for hit in (*result.articles, *result.events)]
    if args.format == "json":
        args.out.write(json.dumps(hits, ensure_ascii=False) + "\n")
    elif args.format == "jsonl":
        args.out.writelines(json.dumps(hit, ensure_ascii=False) + "\n" for hit in hits)
    else:
        columns = ("kind", "id", "rank", "title", "snippet", "published", "outlet", "source", "trip_id")
        writer = csv.writer(args.out, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows([cell(hit[column]) for column in columns] for hit in hits)
    return EXIT_OK


@command("brief", "a short, cited summary of one trip from all its sources", db_option, brief_options)
def brief_command(args: argparse.Namespace) -> int:
    from sukien.app.brief import build

    with open_store(args.db, create=False, read_only=True) as store:
        made = build(store, args.trip_id, args.lang)
    if args.format == "json":
        args.out.write(json.dumps(made.as_dict(), ensure_ascii=False) + "\n")
    else:
        args.out.write(made.text())
    return EXIT_OK


@command("serve", "the web UI and the JSON API", db_option, serve_options)
def serve_command(args: argparse.Namespace) -> int:
    import secrets

    import uvicorn

    from sukien.shells.api import SERVE_ENVIRONMENT, create_app

    # A missing database is an error now, not at the first request.
    open_store(args.db, create=False, read_only=True).close()
    local = args.host in LOOPBACK
    if args.allow_writes and not local:
        return usage_error("serve: --allow-writes is for loopback only; beyond it, writes need --token")
    token = args.token
    if token is None and not local:
        token = secrets.token_urlsafe(24)
        say(f"serving beyond this machine: writes need the header `Authorization: Bearer {token}`")
    elif token is None and not args.allow_writes:
        say("writes (POST /api/articles) are off: start with --token TOKEN or --allow-writes to take them")
    options = {
        "db": args.db,
        "token": token,
        "cors_origins": list(args.cors),
        "allow_writes": args.allow_writes and token is None,
        "hosts": allowed_hosts(args.host, args.allowed_host),
    }
    workers = args.workers or cpu_count()
    say(f"serving {args.db} on http://{args.host}:{args.port}/ with {workers} processes (Ctrl-C stops)")
    if workers == 1:
        uvicorn.run(create_app(**options), host=args.host, port=args.port, log_level="warning")
        return EXIT_OK
    # uvicorn starts each worker afresh from an import string: the options go by the environment
    # (readable by this user only, as the command line is not).
    os.environ[SERVE_ENVIRONMENT] = json.dumps(options)
    uvicorn.run(
        "sukien.shells.api:app_from_environment",
        factory=True,
        host=args.host,
        port=args.port,
        workers=workers,
        log_level="warning",
    )
    return EXIT_OK


def crawl_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("urls", nargs="*", metavar="URL", help="pages, sitemaps or feeds")
    parser.add_argument("--urls-file", type=Path, help="a file of URLs, one a line")
    parser.add_argument(
        "--folder",
        type=Path,
        help="where pages are kept as WARC (default: beside the database, DB-crawl; for PostgreSQL,"
        " ~/.local/share/sukien/crawl)",
    )
    parser.add_argument("--max-pages", type=int, default=1000, help="pages fetched per run (default: 1000)")
    parser.add_argument("--delay", type=float, default=1.0, help="seconds between two requests to a host")


@command("crawl", "fetch pages, a sitemap or a feed politely, keep them as WARC and ingest them", db_option,
         crawl_options)  # fmt: skip
def crawl_command(args: argparse.Namespace) -> int:
    from sukien.app.crawl import CrawlConfig, crawl, default_folder, ingest_crawl

    listed = args.urls_file.read_text(encoding="utf-8").split() if args.urls_file else []
    seeds = [*args.urls, *listed]
    if not seeds:
        return usage_error("crawl: give URLs (pages, a sitemap or a feed) or --urls-file")
    folder = args.folder or default_folder(args.db, dict(os.environ))
    done = crawl(seeds, folder, CrawlConfig(delay=args.delay, max_pages=args.max_pages))
    for url in done.forbidden:
        say(f"{url}: {Code.ROBOTS.value} robots.txt forbids it")
    for error in done.failed:
        say(str(error))
    capped = " (page cap reached)" if done.capped else ""
    say(
        f"{len(done.fetched)} fetched{capped}, {done.already} fetched before, "
        f"{len(done.forbidden)} forbidden, {len(done.failed)} failed; pages kept in {folder}"
    )
    with open_store(args.db) as store, progress_bar("record") as shown:
        try:
            report = ingest_crawl(store, done, folder, shown.update)
        except Interrupted as stop:
            return interrupted(stop.report)
        totals = store.stats()
    status = EXIT_OK if report is None else summarise(report, redacted(args.db), totals=totals)
    if done.failed:
        # A page that could not be fetched (an HTTP 404, a server that kept failing) is a failed input.
        say(f"{len(done.failed)} of {len(done.failed) + len(done.fetched)} pages could not be fetched")
        return EXIT_REJECTED
    return status


@command("export", "write events, trips or articles as CSV, JSON Lines, Parquet, iCalendar or a CAMEO table",
         db_option, filter_options, export_options)  # fmt: skip
def export_command(args: argparse.Namespace) -> int:
    from sukien.app.export import default_kind, export

    kind = args.what or default_kind(args.format)
    to_stdout = args.out_file == "-"
    target: Path | io.BytesIO = io.BytesIO() if to_stdout else Path(args.out_file)
    with open_store(args.db, create=False, read_only=True) as store:
        count = export(store, args.format, target, kind, filters_from(args))
    if isinstance(target, io.BytesIO):
        write_bytes(target.getvalue(), args.out)
    status = " (every status: planned ones TENTATIVE, the others CONFIRMED)" if args.format == "ics" else ""
    say(f"{count} {kind} written to {'standard output' if to_stdout else args.out_file}{status}")
    return EXIT_OK


# -- entry point ------------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG, description="Vietnamese news in, a cited record of diplomatic events and trips out."
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for spec in COMMANDS.values():
        sub = subparsers.add_parser(spec.name, help=spec.help, description=spec.help)
        for add_option in spec.options:
            add_option(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse has printed the usage line on stderr
        return int(stop.code or 0)
    if not args.command:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    args.out = sys.stdout
    try:
        # Whatever a library prints while we work must not mix with the data on standard output.
        with contextlib.redirect_stdout(sys.stderr):
            return COMMANDS[args.command].run(args)
    except SukienError as err:
        say(str(err))
        return EXIT_ERROR
    except KeyboardInterrupt:
        say("interrupted")
        return EXIT_INTERRUPTED
    except BrokenPipeError:  # `sukien trips | head`: the reader has gone, which is fine
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python quiet when it flushes at exit
        return EXIT_OK
