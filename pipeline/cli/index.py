"""`warta index`: records into a searchable SQLite database."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Not imported from ..index, so that the command line starts without loading the indexer.
DEFAULT_DB = "outputs/warta.db"


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the index verb."""
    parser = subparsers.add_parser(
        "index", help="build or update a searchable SQLite database from records",
        description="Add records (JSONL from `warta extract`) to an SQLite database with full-text search, "
                    "persons merged across articles, positions, meetings, dates, programs and lists. "
                    "Unchanged records are skipped; a changed record replaces its own rows.",
    )
    parser.add_argument("records", nargs="+", metavar="RECORDS.jsonl",
                        help="record files, Parquet record folders (warta extract --format parquet), or - for stdin")
    parser.add_argument("-o", "--output", default=DEFAULT_DB, help=f"database file (default {DEFAULT_DB})")
    parser.add_argument("--rebuild", action="store_true", help="start a new database instead of updating it")
    parser.add_argument("--quiet", "-q", action="store_true", help="no summary")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Index the records; exit 1 when some could not be indexed, 2 when the run could not
    start (a missing record file, a database of another kind, another run on the database)."""
    from ..index import IndexDatabaseError, index_files
    from ..index_input import is_record_dataset
    from ..lock import OutputLockedError

    for path in args.records:
        if path != "-" and not Path(path).is_file() and not is_record_dataset(path):
            what = ("is a folder with no Parquet record parts" if Path(path).is_dir()
                    else "not found (no such record file)")
            print(f"warta: {path}: {what}; `warta index` reads the record files `warta extract` writes "
                  f"(warta extract ARTICLES -o outputs/records.jsonl)", file=sys.stderr)
            return 2
    try:
        summary = index_files(args.records, args.output, rebuild=args.rebuild)
    except (IndexDatabaseError, OutputLockedError, OSError) as exc:
        print(f"warta: {exc}", file=sys.stderr)
        return 2
    for problem in summary.problems:
        print(f"warta: skipped record: {problem}", file=sys.stderr)
    for path in articles_not_records(args.records, summary.problems):
        print(f"warta: {path} holds articles, not records: run `warta extract {path} -o outputs/records.jsonl` "
              "first, then `warta index outputs/records.jsonl`", file=sys.stderr)
    if not args.quiet or summary.invalid:
        print(f"warta: {args.output}: {summary.added} added, {summary.replaced} replaced, {summary.unchanged} "
              f"unchanged, {summary.invalid} skipped; {summary.articles} articles, {summary.persons} persons "
              f"({summary.seconds:.2f}s)", file=sys.stderr)
    return 1 if summary.invalid else 0


def articles_not_records(paths: list[str], problems: list[str]) -> list[str]:
    """The inputs that are article files (.txt, .html) rather than records, judged by their name."""
    return [path for path in paths if Path(path).suffix.lower() in (".txt", ".html", ".htm")
            and any(problem.startswith(f"{path}:") for problem in problems)]
