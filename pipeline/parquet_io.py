"""Parquet in and out: articles from tables with `id` and `text` columns, and record datasets.

A record dataset (`warta extract --engine dask --format parquet -o DIR/`) is a folder of
`part-NNNNNN.parquet` files in input order plus a `_metadata` summary of all of them. Each row
holds one record: `record` is the exact JSONL line `warta extract` writes for it (without the
newline), so `record + "\\n"` is byte for byte the line of a JSONL run; `id`, `title`,
`published`, `outlet` and `url` are copied beside it as plain columns for filtering without
parsing JSON. Readers skip names starting with `_` or `.` (pyarrow's and Dask's default), so
the folder reads as one table with pandas, pyarrow or Dask.

pyarrow is imported only here, and only when a Parquet file is read or written.
"""

from __future__ import annotations

import datetime
import json
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .io import OPTIONAL_FIELDS, Article, InputError, article_from_object, os_reason
from .lock import apply_umask

# Plain columns beside `record`, for filters that need no JSON parsing.
FLAT_COLUMNS = ("id", "title", "published", "outlet", "url")
RECORD_COLUMN = "record"
# Rows per row group: a few MiB of records, so a reader can skip and a writer never holds much.
ROWS_PER_GROUP = 512
METADATA_FILE = "_metadata"
PART_PREFIX = "part-"
NEEDS_PYARROW = "Parquet needs pyarrow: pip install 'warta[parquet]'"
READ_BATCH_ROWS = 256


def plain_value(value: object) -> object:
    """A Parquet cell as the JSON reader would see it: dates and times as ISO text."""
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    return value


def read_parquet_articles(path: Path, name: str, row_groups: range | None = None,
                          first_row: int = 1) -> Iterator[Article | InputError]:
    """Articles from the rows of a Parquet file (all its row groups, or `row_groups`, whose first
    row is row number `first_row` of the file). Rows are read as JSONL objects are: `id` and
    `text`, and url/published/title/source when present; an unusable row is an InputError
    naming its row number, and a file that cannot be read is one InputError."""
    try:
        import pyarrow.parquet as pq
    except ImportError:
        yield InputError(source_file=name, reason=f"cannot read: {NEEDS_PYARROW}")
        return
    try:
        table = pq.ParquetFile(path)
    except OSError as exc:  # pyarrow's own I/O errors carry no errno: its message says why
        yield InputError(source_file=name, reason=os_reason(exc) if exc.errno else f"cannot read: {exc}")
        return
    except ValueError as exc:  # pyarrow's ArrowInvalid: not Parquet at all
        yield InputError(source_file=name, reason=f"not a Parquet file: {exc}")
        return
    names = table.schema_arrow.names
    if "text" not in names:
        yield InputError(source_file=name, reason="Parquet file has no `text` column")
        return
    columns = [column for column in ("id", "text", *OPTIONAL_FIELDS) if column in names]
    groups = list(row_groups) if row_groups is not None else list(range(table.num_row_groups))
    number = first_row
    try:
        for batch in table.iter_batches(batch_size=READ_BATCH_ROWS, row_groups=groups, columns=columns):
            for row in batch.to_pylist():
                yield article_from_object({k: plain_value(v) for k, v in row.items()}, name, number)
                number += 1
    except (OSError, ValueError) as exc:  # a damaged page: the rows after it are lost, and said so
        yield InputError(source_file=name, line=number, reason=f"cannot read the rest of the file: {exc}")


def row_group_sizes(path: Path) -> list[tuple[int, int]]:
    """(rows, bytes) of each row group of a Parquet file, from its footer; [] when it cannot be read
    (the worker that reads the file reports why)."""
    try:
        import pyarrow.parquet as pq

        meta = pq.read_metadata(path)
    except (ImportError, OSError, ValueError):
        return []
    return [(meta.row_group(i).num_rows, meta.row_group(i).total_byte_size) for i in range(meta.num_row_groups)]


def record_schema():
    """The Arrow schema of a record dataset: the plain columns, then `record`."""
    import pyarrow as pa

    return pa.schema([(column, pa.string()) for column in (*FLAT_COLUMNS, RECORD_COLUMN)])


def part_name(number: int) -> str:
    """The file name of partition `number`: zero-padded, so name order is input order."""
    return f"{PART_PREFIX}{number:06d}.parquet"


class ParquetPartWriter:
    """One partition's records into one Parquet file: written to a hidden temporary file beside
    it, row group by row group, and renamed into place by commit (never half-written)."""

    def __init__(self, path: Path):
        import pyarrow.parquet as pq

        self.path = path
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
        self.tmp = Path(tmp)
        self.writer = pq.ParquetWriter(self.tmp, record_schema(), compression="zstd")
        self.lines: list[str] = []

    def write(self, lines: list[str]) -> None:
        """Add JSONL record lines (as `runner.dump` makes them); a row group is written when full."""
        self.lines += lines
        if len(self.lines) >= ROWS_PER_GROUP:
            self._flush()

    def _flush(self) -> None:
        if self.lines:
            self.writer.write_table(records_table(self.lines))
            self.lines = []

    def commit(self) -> None:
        """The partition is complete: close the file and move it into place."""
        self._flush()
        self.writer.close()
        apply_umask(self.tmp)
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        """Nothing of a failed partition is left behind."""
        self.writer.close()
        self.tmp.unlink(missing_ok=True)


def records_table(lines: list[str]):
    """An Arrow table of JSONL record lines: the plain columns and the line itself."""
    import pyarrow as pa

    records = [json.loads(line) for line in lines]
    columns = {column: [none_or_text(r.get(column)) for r in records] for column in FLAT_COLUMNS}
    columns[RECORD_COLUMN] = [line.removesuffix("\n") for line in lines]
    return pa.table(columns, schema=record_schema())


def none_or_text(value: object) -> str | None:
    """A plain column's cell: text as is, None for a missing value."""
    return None if value is None else str(value)


def dataset_parts(folder: Path) -> list[Path]:
    """The part files of a record dataset, in input order (hidden and `_` names skipped)."""
    return sorted(p for p in folder.iterdir()
                  if p.suffix == ".parquet" and not p.name.startswith((".", "_")) and p.is_file())


def is_record_dataset(path: Path) -> bool:
    """Whether path is a folder holding Parquet part files (a record dataset)."""
    return path.is_dir() and bool(dataset_parts(path))


def write_dataset_metadata(folder: Path, parts: list[Path]) -> Path:
    """Write `_metadata`: the schema and every part's row groups, so readers (Dask, pyarrow) plan
    without opening each file. Written beside and renamed, like every output."""
    import pyarrow.parquet as pq

    collected = []
    for part in parts:
        meta = pq.read_metadata(part)
        meta.set_file_path(part.name)
        collected.append(meta)
    target = folder / METADATA_FILE
    fd, tmp = tempfile.mkstemp(prefix=f".{METADATA_FILE}.", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        pq.write_metadata(record_schema(), tmp, metadata_collector=collected)
        apply_umask(tmp)
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def part_record_lines(part: Path) -> Iterator[str]:
    """The JSONL line (newline included) of every record of one part file, in order."""
    import pyarrow.parquet as pq

    for batch in pq.ParquetFile(part).iter_batches(batch_size=READ_BATCH_ROWS, columns=[RECORD_COLUMN]):
        for line in batch.column(0).to_pylist():
            yield line + "\n"


def rewrite_part_without(part: Path, drop: set[str]) -> tuple[int, int]:
    """Rewrite a part file without the records whose id is in drop (in place, atomically);
    returns (records dropped, their words)."""
    writer = ParquetPartWriter(part)
    dropped = words = 0
    try:
        for line in part_record_lines(part):
            record = json.loads(line)
            if record["id"] in drop:
                dropped += 1
                words += len(record["text"].split())
            else:
                writer.write([line])
    except BaseException:
        writer.discard()
        raise
    if dropped:
        writer.commit()
    else:
        writer.discard()
    return dropped, words
