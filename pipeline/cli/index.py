"""`warta index` verbs. Stub: filled in by the issue that owns them."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add this module's verbs to the warta parser."""
