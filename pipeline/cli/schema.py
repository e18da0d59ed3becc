"""`warta schema` and `warta metadata`: print the package's JSON documents."""

from __future__ import annotations

import argparse
import json
from importlib import resources

from ..schema import record_schema
from . import VERBS


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the schema and metadata verbs."""
    parser = subparsers.add_parser("schema", help=VERBS["schema"][1])
    parser.set_defaults(func=run)
    metadata = subparsers.add_parser(
        "metadata", help=VERBS["metadata"][1],
        description="Print the Datasette metadata (titles, descriptions, facets, labels, full-text search) "
                    "for a database built by `warta index`: "
                    "warta metadata > metadata.json && datasette outputs/warta.db -m metadata.json",
    )
    metadata.set_defaults(func=run_metadata)


def run(args: argparse.Namespace) -> int:
    """Print the schema."""
    print(json.dumps(record_schema(), ensure_ascii=False, indent=2))
    return 0


def datasette_metadata() -> dict:
    """The Datasette metadata shipped with the package."""
    text = resources.files("pipeline.data").joinpath("datasette-metadata.json").read_text(encoding="utf-8")
    return json.loads(text)


def run_metadata(args: argparse.Namespace) -> int:
    """Print the Datasette metadata."""
    print(json.dumps(datasette_metadata(), ensure_ascii=False, indent=2))
    return 0
