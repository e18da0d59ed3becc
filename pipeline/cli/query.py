"""`warta who-met`, `warta person`, `warta search`, `warta export`: questions asked of the database.

These verbs import neither pandas nor spaCy: they ask the library for plain rows and print them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .. import query
from . import VERBS
from .args import iso_day, row_limit
from .table import FORMATS, render, render_table

DEFAULT_DB = "outputs/warta.db"  # as pipeline.index.DEFAULT_DB, which needs sqlite-utils to import


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the query verbs."""
    who = _add(subparsers, "who-met")
    who.add_argument("name", metavar="NAME", help="any known form of the person's name")
    who.set_defaults(func=run_who_met)

    person = _add(subparsers, "person")
    person.add_argument("name", metavar="NAME", help="any known form of the person's name")
    person.add_argument("--merges", action="store_true", help="also show why each mention was merged")
    person.set_defaults(func=run_person)

    search = _add(subparsers, "search")
    search.add_argument("query", metavar="QUERY", help="words that must all occur; end a word with * for a prefix")
    search.add_argument("--since", metavar="YYYY-MM-DD", type=iso_day, help="articles dated on or after this day")
    search.add_argument("--until", metavar="YYYY-MM-DD", type=iso_day,
                        help="articles dated on or before this day (or month, year)")
    search.add_argument("--outlet", help="outlet name, or part of it")
    search.add_argument("--person", metavar="NAME", help="only articles naming this person")
    search.add_argument("--limit", type=row_limit, default=20, help="most results (default 20)")
    search.add_argument("--raw", action="store_true", help="QUERY is SQLite FTS5 syntax (OR, NOT, NEAR)")
    search.set_defaults(func=run_search)

    export = subparsers.add_parser("export", help=VERBS["export"][1],
                                   description="Write one table of the database for use elsewhere: to -o FILE, "
                                               "or without -o to standard output (Parquet only when redirected).")
    export.add_argument("table", metavar="TABLE", help="table name (articles, persons, positions, meetings, ...)")
    export.add_argument("--db", default=DEFAULT_DB, help=f"database (default {DEFAULT_DB})")
    export.add_argument("--format", choices=query.EXPORT_FORMATS, default="csv", help="default csv")
    export.add_argument("-o", "--output", help="output file (default standard output)")
    export.set_defaults(func=run_export)


def _add(subparsers: argparse._SubParsersAction, verb: str) -> argparse.ArgumentParser:
    """A query verb with the shared --db and --format options."""
    summary = VERBS[verb][1]
    parser = subparsers.add_parser(verb, help=summary, description=summary[0].upper() + summary[1:] + ".")
    parser.add_argument("--db", default=DEFAULT_DB, help=f"database (default {DEFAULT_DB})")
    parser.add_argument("--format", choices=FORMATS, default="table", help="output format (default table)")
    return parser


def _answer(func, *args, **kwargs) -> list[dict] | None:
    """Run a query, printing the reason and returning None when it cannot be asked as given."""
    try:
        return func(*args, **kwargs)
    except query.AmbiguousName as exc:
        print(f"warta: {exc.name!r} may mean {len(exc.candidates)} people; give a fuller form of the name:",
              file=sys.stderr)
        print(render_table(exc.candidates, ["person", "posts", "n_articles"]), file=sys.stderr)
    except query.QueryError as exc:
        print(f"warta: {exc}", file=sys.stderr)
    return None


def _source(row: dict) -> str:
    """Where to cite a row: the article's URL, else its id."""
    return row.get("url") or row["article_id"]


def _shown(rows: list[dict], columns: list[str]) -> list[str]:
    """The columns to show in a table: `person` only when the answer covers several people."""
    if len({row.get("person") for row in rows}) > 1:
        return ["person", *columns]
    return columns


def run_who_met(args: argparse.Namespace) -> int:
    """Print whom NAME met; exit 1 when nothing is known, 2 when the name cannot be asked."""
    rows = _answer(query.who_met_rows, args.db, args.name)
    if rows is None:
        return 2
    if args.format == "table":
        table = [{**row, "role": row["met_role"], "source": _source(row)} for row in rows]
        print(render_table(table, _shown(rows, ["met", "role", "type", "event", "date", "place", "title",
                                                "source"]), keep=("person", "met", "role", "date")))
    else:
        print(render(rows, query.WHO_MET_COLUMNS, args.format))
    return 0 if rows else 1


def run_person(args: argparse.Namespace) -> int:
    """Print a person's positions timeline and articles; exit 1 when the person is unknown."""
    timeline = _answer(query.person_timeline_rows, args.db, args.name)
    if timeline is None:
        return 2
    articles = query.person_articles_rows(args.db, args.name)
    merges = query.person_merges_rows(args.db, args.name) if args.merges else None
    if args.format == "json":
        out = {"positions": timeline, "articles": articles}
        if merges is not None:
            out["merges"] = merges
        print(json.dumps(out, ensure_ascii=False, indent=2))
    elif args.format == "csv":
        print(render(timeline, query.TIMELINE_COLUMNS, "csv"))
    else:
        print("Positions\n" + render_table(timeline, _shown(timeline, ["post", "since", "until", "n_articles",
                                                                        "first_title"]), keep=("post", "since")))
        shown = [{**row, "source": _source(row)} for row in articles]
        print("\nArticles\n" + render_table(shown, _shown(articles, ["date", "title", "outlet", "named_as",
                                                                     "n_mentions", "source"]), keep=("date",)))
        if merges is not None:
            print("\nMerges\n" + render_table(merges))
    return 0 if articles or timeline else 1


def run_search(args: argparse.Namespace) -> int:
    """Print the best-matching articles; exit 1 when none match, 2 when the query cannot be asked."""
    rows = _answer(query.search_rows, args.db, args.query, since=args.since, until=args.until, outlet=args.outlet,
                   person=args.person, limit=args.limit, raw=args.raw)
    if rows is None:
        return 2
    print(render_results(rows) if args.format == "table" else render(rows, query.SEARCH_COLUMNS, args.format))
    return 0 if rows else 1


def render_results(rows: list[dict]) -> str:
    """Search results as numbered blocks: title, date and outlet, then the snippet and where to cite."""
    if not rows:
        return "(no results)"
    blocks = []
    for row in rows:
        where = ", ".join(v for v in (row["date"], row["outlet"]) if v)
        title = row["title"] or "(untitled)"
        blocks.append(f"{row['rank']}. {title}" + (f" ({where})" if where else "") +
                      f"\n   {row['snippet']}\n   {_source(row)}")
    return "\n\n".join(blocks)


def run_export(args: argparse.Namespace) -> int:
    """Write one table to -o, or to standard output; Parquet, being binary, never to a terminal."""
    if args.format == "parquet" and args.output is None and sys.stdout.isatty():
        print("warta: Parquet is binary: give -o FILE.parquet or redirect standard output", file=sys.stderr)
        return 2
    if args.output is not None and not Path(args.output).resolve().parent.is_dir():
        print(f"warta: {args.output}: its folder does not exist", file=sys.stderr)
        return 2
    result = _answer(query.export_table, args.db, args.table, args.format, args.output)
    if result is None:
        return 2
    if isinstance(result, bytes):
        sys.stdout.flush()
        sys.stdout.buffer.write(result)
    elif isinstance(result, str):
        sys.stdout.write(result)
    else:
        print(f"warta: {args.table} written to {result}", file=sys.stderr)
    return 0
