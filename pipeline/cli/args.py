"""Argument types shared by the verbs: a bad value is a usage error (exit 2), never a traceback
or a filter that silently matches everything or nothing."""

from __future__ import annotations

import argparse
from datetime import date

# SQLite's LIMIT takes a signed 64-bit integer; anything larger cannot be a row count anyway.
MAX_LIMIT = 2**63 - 1


def positive_int(value: str) -> int:
    """A whole number of at least 1 (--workers, --max-chars)."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def row_limit(value: str) -> int:
    """A --limit: a whole number from 1 to the most rows SQLite can count."""
    number = positive_int(value)
    if number > MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"must be at most {MAX_LIMIT}, not {number}")
    return number


def iso_day(value: str) -> str:
    """A --since/--until day: YYYY-MM-DD (or YYYY-MM, YYYY), checked to be a real date."""
    parts = value.split("-")
    padded = "-".join([*parts, *["01"] * (3 - len(parts))]) if 1 <= len(parts) <= 3 else value
    try:
        date.fromisoformat(padded)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY") from None
    if not all(p.isdecimal() for p in parts):
        raise argparse.ArgumentTypeError(f"{value!r} is not a date; write YYYY-MM-DD, YYYY-MM or YYYY")
    return value
