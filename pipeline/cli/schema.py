"""`warta schema`: print the record JSON Schema."""

from __future__ import annotations

import argparse
import json

from ..schema import record_schema


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the schema verb."""
    parser = subparsers.add_parser("schema", help="print the JSON Schema of an output record")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Print the schema."""
    print(json.dumps(record_schema(), ensure_ascii=False, indent=2))
    return 0
