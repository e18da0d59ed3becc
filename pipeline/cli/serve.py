"""`warta serve`: the database in Datasette, with warta's search, person, article and meeting pages."""

from __future__ import annotations

import argparse
import asyncio
import copy
import sys
from pathlib import Path

from ..index import DEFAULT_DB
from .schema import datasette_metadata

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8001


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the serve verb."""
    parser = subparsers.add_parser(
        "serve", help="browse the database: search, person, article and meeting pages (Datasette)",
        description="Open the database in Datasette with warta's pages on top: /warta/search, "
                    "/warta/person/NAME, /warta/article/ID, /warta/meeting/ID (each also as .json). "
                    "Every Datasette table, facet and SQL page stays available.",
    )
    parser.add_argument("--db", default=DEFAULT_DB, help=f"database (default {DEFAULT_DB})")
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})")
    parser.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    parser.set_defaults(func=run)


def serve_metadata(database: str) -> dict:
    """The shipped Datasette metadata, filed under the database's name, telling the plugin which one to use."""
    metadata = copy.deepcopy(datasette_metadata())
    databases = metadata.get("databases", {})
    metadata["databases"] = {database: next(iter(databases.values()))} if databases else {}
    metadata["plugins"] = {"warta": {"database": database}}
    return metadata


def make_datasette(db: Path):
    """A Datasette for the database with warta's plugin registered."""
    from datasette.app import Datasette
    from datasette.plugins import pm

    from .. import web

    if not pm.is_registered(web):
        pm.register(web, name=web.PLUGIN)
    return Datasette([str(db)], metadata=serve_metadata(db.stem), settings={"default_page_size": 50})


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted; exit 2 when the database or Datasette is missing."""
    db = Path(args.db)
    if not db.is_file():
        print(f"warta: no database at {db}; build one with `warta index RECORDS.jsonl -o {db}`", file=sys.stderr)
        return 2
    try:
        import uvicorn

        ds = make_datasette(db)
    except ImportError:
        print("warta: `warta serve` needs Datasette: pip install 'warta[datasette]'", file=sys.stderr)
        return 2
    asyncio.run(ds.invoke_startup())
    print(f"warta: serving {db} at http://{args.host}:{args.port}/warta/search (Ctrl-C stops)", file=sys.stderr)
    uvicorn.run(ds.app(), host=args.host, port=args.port, log_level="warning", lifespan="on", workers=1)
    return 0
