"""The inputs of a Dask run cut into partitions, and one partition read on a worker.

A partition is a run of small files (text, HTML, small JSONL or Parquet files, read whole),
a byte range of a large JSONL file (snapped to line starts: a line belongs to the range it
starts in) or a run of row groups of a large Parquet file. Partitions are numbered in input
order, and each reads exactly the articles the local engine reads from the same bytes, named
the same way (the source file as the command line named it, with the same line numbers).

Planning happens on the client and only stats files and reads Parquet footers; the articles
are read by the worker that runs the partition. A JSONL range's first line number needs the
line breaks before it: `count_line_breaks` counts one range's, as a task of its own, so no
process reads a whole large file.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .io import (
    JSONL_SUFFIXES,
    PARQUET_SUFFIXES,
    Article,
    InputError,
    display,
    os_reason,
    read_jsonl_lines,
    read_path,
    walk_folder,
)

READ_BLOCK = 1 << 20


@dataclass
class Partition:
    """One task's share of the input. `items` (kind "files"): files to read whole, as
    {"path": path to open, "name": path as named on the command line, "id": article id}, or
    {"error": errors-file entry} for a folder that cannot be read. `path`/`name`, `start`/`end`
    (kind "jsonl": bytes; "parquet": row groups) and `first` (the first row's number; for a
    JSONL range, set once the line breaks before it are counted) say which slice of one file.
    `stamps` are (size, mtime_ns) of every file read: a kept output is reused only while they
    are unchanged."""

    number: int
    kind: str
    items: list[dict] = field(default_factory=list)
    path: str = ""
    name: str = ""
    start: int = 0
    end: int = 0
    first: int = 1
    stamps: list[list[int]] = field(default_factory=list)

    def descriptor(self) -> dict:
        """What the partition reads, as JSON: equal descriptors read the same articles."""
        described = asdict(self)
        del described["first"]  # derived from the same bytes
        return described


@dataclass
class InputUnit:
    """One file or error of the inputs, in input order, before grouping."""

    error: dict | None = None
    path: str = ""
    name: str = ""
    article_id: str = ""
    size: int = 0
    mtime_ns: int = 0

    @property
    def suffix(self) -> str:
        return Path(self.name).suffix.lower()

    def item(self) -> dict:
        """The unit as an item of a "files" partition."""
        if self.error is not None:
            return {"error": self.error}
        return {"path": self.path, "name": self.name, "id": self.article_id}


def file_unit(path: Path, article_id: str) -> InputUnit:
    """A file to read; its size weighs it (0 when it cannot be stat'ed: the reader says why)."""
    try:
        stat = path.stat()
        size, mtime = stat.st_size, stat.st_mtime_ns
    except OSError:
        size = mtime = 0
    return InputUnit(path=os.path.abspath(path), name=display(str(path)), article_id=article_id,
                     size=size, mtime_ns=mtime)


def input_units(inputs: Iterable[str]) -> Iterator[InputUnit]:
    """Every file and unreadable folder of the inputs, in the local engine's reading order."""
    for spec in inputs:
        path = Path(spec)
        if path.is_dir():
            for file, error in walk_folder(path):
                if error is not None:
                    yield InputUnit(error=error.as_dict())
                else:
                    yield file_unit(file, display(file.relative_to(path).as_posix()))
        elif path.exists():
            yield file_unit(path, display(path.name))
        else:
            reason = "dangling symbolic link" if path.is_symlink() else "no such file or folder"
            yield InputUnit(error=InputError(source_file=display(spec), reason=reason).as_dict())


def byte_ranges(size: int, pieces: int) -> list[tuple[int, int]]:
    """pieces contiguous ranges covering [0, size)."""
    bounds = [size * i // pieces for i in range(pieces + 1)]
    return [(bounds[i], bounds[i + 1]) for i in range(pieces) if bounds[i] < bounds[i + 1]]


def row_group_runs(sizes: list[tuple[int, int]], target: int) -> list[tuple[int, int, int]]:
    """(first group, end group, first row number) of consecutive row groups of about target bytes."""
    runs, start, row, first_row, weight = [], 0, 1, 1, 0
    for index, (rows, size) in enumerate(sizes):
        weight += size
        row += rows
        if weight >= target or index == len(sizes) - 1:
            runs.append((start, index + 1, first_row))
            start, first_row, weight = index + 1, row, 0
    return runs


def slices(unit: InputUnit, target: int) -> list[Partition] | None:
    """A large JSONL or Parquet file as several partitions (numbered later), or None when the
    file is read whole."""
    stamp = [[unit.size, unit.mtime_ns]]
    if unit.size <= target:
        return None
    if unit.suffix in JSONL_SUFFIXES:
        return [Partition(0, "jsonl", path=unit.path, name=unit.name, start=start, end=end, stamps=stamp)
                for start, end in byte_ranges(unit.size, math.ceil(unit.size / target))]
    if unit.suffix in PARQUET_SUFFIXES:
        from .parquet_io import row_group_sizes

        runs = row_group_runs(row_group_sizes(Path(unit.path)), target)
        if len(runs) > 1:
            return [Partition(0, "parquet", path=unit.path, name=unit.name, start=start, end=end, first=first,
                              stamps=stamp) for start, end, first in runs]
    return None


def plan_partitions(inputs: Iterable[str], count: int, max_bytes: int | None = None) -> list[Partition]:
    """The inputs as about `count` partitions of similar size in bytes (none over max_bytes
    where a file can be cut), numbered in input order."""
    units = list(input_units(inputs))
    total = sum(unit.size for unit in units)
    target = max(1, math.ceil(total / max(1, count)))
    if max_bytes:
        target = min(target, max_bytes)
    plan: list[Partition] = []
    group: list[InputUnit] = []

    def close_group() -> None:
        if group:
            plan.append(Partition(0, "files", items=[u.item() for u in group],
                                  stamps=[[u.size, u.mtime_ns] for u in group if u.error is None]))
            group.clear()

    for unit in units:
        pieces = slices(unit, target) if unit.error is None else None
        if pieces is None:
            group.append(unit)
            if sum(u.size for u in group) >= target:
                close_group()
        else:
            close_group()
            plan += pieces
    close_group()
    for number, partition in enumerate(plan):
        partition.number = number
    return plan


# --- on the worker -------------------------------------------------------------------------


def count_line_breaks(path: str, start: int, end: int) -> int:
    """Line breaks in bytes [start, end) of a file."""
    count = 0
    with open(path, "rb") as handle:
        handle.seek(start)
        left = end - start
        while left > 0:
            block = handle.read(min(READ_BLOCK, left))
            if not block:
                break
            count += block.count(b"\n")
            left -= len(block)
    return count


def jsonl_range_lines(path: str, start: int, end: int) -> tuple[int, Iterator[bytes]]:
    """(line breaks skipped to reach the first line starting at or after start, the lines that
    start before end). A line torn by `start` belongs to the range before."""
    handle = open(path, "rb")  # noqa: SIM115 - closed by the generator
    position, skipped = start, 0
    if start > 0:
        handle.seek(start - 1)
        rest = handle.readline()  # from the byte before start to the end of its line
        position = start - 1 + len(rest)
        skipped = 1 if len(rest) > 1 and rest.endswith(b"\n") else 0

    def lines() -> Iterator[bytes]:
        nonlocal position
        try:
            while position < end:
                raw = handle.readline()
                if not raw:
                    return
                position += len(raw)
                yield raw
        finally:
            handle.close()

    return skipped, lines()


def renamed(items: Iterable[Article | InputError], opened: str, name: str) -> Iterator[Article | InputError]:
    """Items read from a file opened by its absolute path, named as the command line named it
    (`corpus/a.jsonl:3`, as the local engine names it)."""
    if opened == name:
        yield from items
        return
    for item in items:
        source = item.source_file or ""
        if source == opened or source.startswith(opened + ":"):
            item.source_file = name + source[len(opened):]
        yield item


def read_partition(partition: Partition) -> Iterator[Article | InputError]:
    """The articles and input errors of one partition, in input order."""
    if partition.kind == "files":
        for item in partition.items:
            if "error" in item:
                entry = item["error"]
                yield InputError(source_file=entry["source_file"], reason=entry["reason"], id=entry["id"],
                                 line=entry["line"])
            else:
                yield from renamed(read_path(Path(item["path"]), item["id"]), display(item["path"]), item["name"])
    elif partition.kind == "jsonl":
        try:
            skipped, lines = jsonl_range_lines(partition.path, partition.start, partition.end)
        except OSError as exc:
            yield InputError(source_file=partition.name, reason=os_reason(exc))
            return
        try:
            yield from read_jsonl_lines(lines, partition.name, partition.first + skipped)
        except OSError as exc:
            yield InputError(source_file=partition.name, reason=os_reason(exc))
    else:
        from .parquet_io import read_parquet_articles

        yield from read_parquet_articles(Path(partition.path), partition.name,
                                         range(partition.start, partition.end), partition.first)
