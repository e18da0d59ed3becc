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


def is_record_dataset(path: str | Path) -> bool:
    """Whether path is a folder of Parquet record parts (`warta extract --format parquet`)."""
    from .parquet_io import is_record_dataset as holds_parts  # pyarrow is not needed to ask

    return str(path) != "-" and holds_parts(Path(path))


def check_record_files(paths: Iterable[str | Path]) -> None:
    """Raise FileNotFoundError, before any work, for a record file (or Parquet record folder)
    that is not there."""
    for path in paths:
        if str(path) != "-" and not Path(path).is_file() and not is_record_dataset(path):
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
    """Records from JSONL files ('-' for stdin) and Parquet record folders, streamed; each bad
    line is a RecordProblem."""
    for path in paths:
        if is_record_dataset(path):
            yield from read_dataset_records(Path(path))
            continue
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


def read_dataset_records(folder: Path) -> Iterator[dict | RecordProblem]:
    """Records from the `record` column of a Parquet record folder, part by part in input order;
    a record is read exactly as its JSONL line would be (pipeline/parquet_io.py)."""
    from .parquet_io import dataset_parts, part_record_lines

    for part in dataset_parts(folder):
        for number, line in enumerate(part_record_lines(part), start=1):
            item = parse_record_line(line.encode("utf-8", "surrogatepass"), f"{part}:{number}")
            if item is not None:
                yield item


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
