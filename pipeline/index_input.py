"""Reading record files for the index: one problem per bad line or record, never a crash."""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO


@dataclass
class RecordProblem:
    """A line or record that cannot be indexed, and why."""

    where: str
    reason: str

    def __str__(self) -> str:
        return f"{self.where}: {self.reason}"


def check_record_files(paths: Iterable[str | Path]) -> None:
    """Raise FileNotFoundError, before any work, for a record file that is not there."""
    for path in paths:
        if str(path) != "-" and not Path(path).is_file():
            raise FileNotFoundError(f"{path}: no such record file")


def parse_record_line(raw: bytes, where: str) -> dict | RecordProblem | None:
    """One JSONL line as a record, a RecordProblem, or None for a blank line."""
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError:
        return RecordProblem(where, "line is not UTF-8")
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return RecordProblem(where, f"not valid JSON ({exc.msg})")
    except RecursionError:
        return RecordProblem(where, "not valid JSON (nested too deeply)")
    problem = record_problem(record)
    return RecordProblem(where, problem) if problem else record


def read_records(paths: Iterable[str | Path]) -> Iterator[dict | RecordProblem]:
    """Records from JSONL files ('-' for stdin), streamed; each bad line is a RecordProblem."""
    for path in paths:
        handle: IO[bytes] = sys.stdin.buffer if str(path) == "-" else open(path, "rb")  # noqa: SIM115
        try:
            for number, raw in enumerate(handle, start=1):
                item = parse_record_line(raw.removeprefix(b"\xef\xbb\xbf") if number == 1 else raw,
                                         f"{path}:{number}")
                if item is not None:
                    yield item
        finally:
            if handle is not sys.stdin.buffer:
                handle.close()


def record_problem(record: object) -> str | None:
    """Why a record cannot be indexed, or None (it needs a string id and text, lists where
    the schema has lists, and text a UTF-8 database can store)."""
    if not isinstance(record, dict):
        return "not a JSON object"
    rid = record.get("id")
    if not isinstance(rid, str) or not rid:
        return "no string `id`"
    if not isinstance(record.get("text"), str):
        return f"{ascii(rid)}: no string `text`"
    for name in ("officials", "meetings", "dates", "programs", "task_lists", "organizations", "warnings"):
        value = record.get(name)
        if value is not None and not isinstance(value, list):
            return f"{ascii(rid)}: `{name}` is not a list"
    return None


def record_hash(record: dict) -> str:
    """A stable hash of a record's content, to tell an unchanged record from a changed one."""
    canonical = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()
