"""`warta who-met`, `warta person`, `warta search`, `warta export`: questions asked of the database."""

from __future__ import annotations

import argparse
import json
import sys

import pandas as pd

from .. import query
from ..index import DEFAULT_DB

FORMATS = ("table", "json", "csv")
# Long text columns are cut in table output so a row fits a terminal; json/csv keep them whole.
TABLE_COLUMN_WIDTH = 60


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the query verbs."""
    who = _add(subparsers, "who-met", "the people NAME met: event, date, place and article")
    who.add_argument("name", metavar="NAME", help="any known form of the person's name")
    who.set_defaults(func=run_who_met)

    person = _add(subparsers, "person", "a person's posts in date order and the articles naming them")
    person.add_argument("name", metavar="NAME", help="any known form of the person's name")
    person.add_argument("--merges", action="store_true", help="also show why each mention was merged")
    person.set_defaults(func=run_person)

    search = _add(subparsers, "search", "ranked full-text search over article titles and texts")
    search.add_argument("query", metavar="QUERY", help="words that must all occur")
    search.add_argument("--since", metavar="YYYY-MM-DD", help="articles dated on or after this day")
    search.add_argument("--until", metavar="YYYY-MM-DD", help="articles dated on or before this day (or month, year)")
    search.add_argument("--outlet", help="outlet name, or part of it")
    search.add_argument("--person", metavar="NAME", help="only articles naming this person")
    search.add_argument("--limit", type=int, default=20, help="most results (default 20)")
    search.add_argument("--raw", action="store_true", help="QUERY is SQLite FTS5 syntax (OR, NEAR, prefix*)")
    search.set_defaults(func=run_search)

    export = subparsers.add_parser("export", help="write a whole table as CSV, JSON lines or Parquet",
                                   description="Write one table of the database for use elsewhere.")
    export.add_argument("table", metavar="TABLE", help="table name (articles, persons, positions, meetings, ...)")
    export.add_argument("--db", default=DEFAULT_DB, help=f"database (default {DEFAULT_DB})")
    export.add_argument("--format", choices=query.EXPORT_FORMATS, default="csv", help="default csv")
    export.add_argument("-o", "--output", help="output file (default stdout; TABLE.parquet for parquet)")
    export.set_defaults(func=run_export)


def _add(subparsers: argparse._SubParsersAction, verb: str, summary: str) -> argparse.ArgumentParser:
    """A query verb with the shared --db and --format options."""
    parser = subparsers.add_parser(verb, help=summary, description=summary[0].upper() + summary[1:] + ".")
    parser.add_argument("--db", default=DEFAULT_DB, help=f"database (default {DEFAULT_DB})")
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default table)")
    return parser


def render(frame: pd.DataFrame, fmt: str) -> str:
    """A DataFrame as an aligned table, JSON records or CSV text."""
    if fmt == "json":
        return json.dumps(_records(frame), ensure_ascii=False, indent=2)
    if fmt == "csv":
        return frame.to_csv(index=False).rstrip("\n")
    if frame.empty:
        return "(no results)"
    return frame.fillna("").to_string(index=False, max_colwidth=TABLE_COLUMN_WIDTH)


def _records(frame: pd.DataFrame) -> list[dict]:
    """Rows as JSON-ready dicts, with missing values as null."""
    return json.loads(frame.to_json(orient="records", force_ascii=False))


def _answer(func, *args, **kwargs) -> pd.DataFrame | None:
    """Run a query, printing the reason and returning None when it cannot be asked."""
    try:
        return func(*args, **kwargs)
    except query.QueryError as exc:
        print(f"warta: {exc}", file=sys.stderr)
        return None


def run_who_met(args: argparse.Namespace) -> int:
    """Print whom NAME met; exit 1 when nothing is known."""
    frame = _answer(query.who_met, args.db, args.name)
    if frame is None:
        return 2
    if args.format == "table":
        frame = frame.drop(columns=["meeting_id", "evidence", "met_as", "role"])
    print(render(frame, args.format))
    return 0 if len(frame) else 1


def run_person(args: argparse.Namespace) -> int:
    """Print a person's positions timeline and articles; exit 1 when the person is unknown."""
    timeline = _answer(query.person_timeline, args.db, args.name)
    if timeline is None:
        return 2
    articles = query.person_articles(args.db, args.name)
    merges = query.person_merges(args.db, args.name) if args.merges else None
    if args.format == "json":
        out = {"positions": _records(timeline), "articles": _records(articles)}
        if merges is not None:
            out["merges"] = _records(merges)
        print(json.dumps(out, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        print(render(timeline, "csv"))
    else:
        print("Positions\n" + render(timeline.drop(columns=["articles", "first_url"]), "table"))
        print("\nArticles\n" + render(articles.drop(columns=["titles"]), "table"))
        if merges is not None:
            print("\nMerges\n" + render(merges, "table"))
    return 0 if len(articles) or len(timeline) else 1


def run_search(args: argparse.Namespace) -> int:
    """Print the best-matching articles; exit 1 when none match."""
    frame = _answer(query.search, args.db, args.query, since=args.since, until=args.until, outlet=args.outlet,
                    person_name=args.person, limit=args.limit, raw=args.raw)
    if frame is None:
        return 2
    print(render_results(frame) if args.format == "table" else render(frame, args.format))
    return 0 if len(frame) else 1


def render_results(frame: pd.DataFrame) -> str:
    """Search results as numbered blocks: title, date and outlet, then the snippet and where to cite."""
    if frame.empty:
        return "(no results)"
    blocks = []
    for row in frame.itertuples(index=False):
        where = ", ".join(v for v in (row.date, row.outlet) if isinstance(v, str) and v)
        title = row.title if isinstance(row.title, str) else "(untitled)"
        cite = row.url if isinstance(row.url, str) else row.article_id
        blocks.append(f"{row.rank}. {title}" + (f" ({where})" if where else "") + f"\n   {row.snippet}\n   {cite}")
    return "\n\n".join(blocks)


def run_export(args: argparse.Namespace) -> int:
    """Write one table; text formats go to stdout without -o."""
    result = _answer(query.export_table, args.db, args.table, args.format, args.output)
    if result is None:
        return 2
    if isinstance(result, str):
        sys.stdout.write(result)
    else:
        print(f"warta: {args.table} written to {result}", file=sys.stderr)
    return 0
