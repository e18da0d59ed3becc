"""The `warta` command line: each verb is a thin layer over a library function.

Only the module of the verb being run is imported: `warta --help` and the query verbs never
load spaCy, thinc or torch, so they answer at once.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

from .. import __version__

# verb -> (module under pipeline.cli, one-line summary for `warta --help`). Each module exposes
# register(subparsers), which adds the full parsers of its verbs and sets `func` on them.
VERBS: dict[str, tuple[str, str]] = {
    "extract": ("extract", "extract records from articles"),
    "index": ("index", "build or update a searchable SQLite database from records"),
    "who-met": ("query", "the people NAME met: event, date, place and article"),
    "person": ("query", "a person's posts in date order and the articles naming them"),
    "search": ("query", "ranked full-text search over article titles and texts"),
    "export": ("query", "write a whole table as CSV, JSON lines or Parquet"),
    "schema": ("schema", "print the JSON Schema of an output record"),
    "metadata": ("schema", "print the Datasette metadata for a warta database"),
    "serve": ("serve", "browse the database in a web browser: search, person, article and meeting pages"),
    "train": ("train", "train the Indonesian models (spaCy pipeline; stanza models with --stanza)"),
    "evaluate": ("evaluate", "score the backends (GSD test, idner-news-2k test, speed, dev scorecard)"),
}


def requested_verb(argv: list[str]) -> str | None:
    """The verb named on the command line: the first argument that is not an option."""
    return next((arg for arg in argv if not arg.startswith("-")), None)


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The top-level parser: the full parser of the verb in argv (every verb when argv is None),
    and a one-line entry for each other verb."""
    parser = argparse.ArgumentParser(
        prog="warta",
        description="Structured data from Indonesian regional-government news.",
    )
    parser.add_argument("--version", action="version", version=f"warta {__version__}")
    parser.add_argument("--verbose", "-v", action="store_true", help="log debugging detail")
    subparsers = parser.add_subparsers(dest="verb", metavar="VERB")
    if argv is None:
        modules = {module for module, _ in VERBS.values()}
    else:
        verb = requested_verb(argv)
        modules = {VERBS[verb][0]} if verb in VERBS else set()
    for module in sorted(modules):
        importlib.import_module(f"{__name__}.{module}").register(subparsers)
    for name, (_, summary) in VERBS.items():
        if name not in subparsers.choices:
            subparsers.add_parser(name, help=summary)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one verb and return its exit status."""
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="warta: %(levelname)s: %(message)s",
    )
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
