"""Argument types: bad values are usage errors, not tracebacks or silent filters."""

from __future__ import annotations

import argparse

import pytest

from pipeline.cli.args import MAX_LIMIT, iso_day, positive_int, row_limit


@pytest.mark.parametrize("value", ["2021-01-19", "2021-01", "2021"])
def test_iso_days_and_their_prefixes_are_accepted(value: str):
    assert iso_day(value) == value


@pytest.mark.parametrize("value", ["garbage", "19/01/2021", "2021-13-01", "2021-02-30", "20210119", "kemarin"])
def test_anything_else_is_not_a_day(value: str):
    with pytest.raises(argparse.ArgumentTypeError, match="is not a date"):
        iso_day(value)


@pytest.mark.parametrize("value, message", [("0", "at least 1"), ("-3", "at least 1"), ("dua", "whole number")])
def test_counts_below_one_or_not_numbers_are_refused(value: str, message: str):
    with pytest.raises(argparse.ArgumentTypeError, match=message):
        positive_int(value)


def test_a_limit_sqlite_cannot_hold_is_refused():
    assert row_limit(str(MAX_LIMIT)) == MAX_LIMIT
    with pytest.raises(argparse.ArgumentTypeError, match="at most"):
        row_limit("99999999999999999999")
