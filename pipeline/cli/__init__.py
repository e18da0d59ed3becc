"""The `warta` command line: each verb is a thin layer over a library function."""

from __future__ import annotations

import argparse
import importlib
import logging
import sys

# One module per group of verbs; each exposes register(subparsers) and sets `func` on
# its parsers, so adding a verb never touches this file beyond this list.
VERB_MODULES = ("extract", "schema", "train", "evaluate", "index", "query", "serve")


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with every verb registered."""
    parser = argparse.ArgumentParser(
        prog="warta",
        description="Structured data from Indonesian regional-government news.",
    )
    parser.add_argument("--verbose", "-v", action="store_true", help="log debugging detail")
    subparsers = parser.add_subparsers(dest="verb", metavar="VERB")
    for name in VERB_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run one verb and return its exit status."""
    parser = build_parser()
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
