"""Parquet in and out: article tables read as JSONL lines are, record datasets that give back the
exact JSONL lines (pandas, pyarrow and `warta index` alike)."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from pipeline.index_input import read_records
from pipeline.io import Article, InputError, read_inputs
from pipeline.parquet_io import (
    ParquetPartWriter,
    dataset_parts,
    part_name,
    read_parquet_articles,
    rewrite_part_without,
    write_dataset_metadata,
)
from pipeline.runner import dump

from ..conftest import read_jsonl

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

TEXT = "Wali Kota Bekasi Rahmat Effendi membuka Musrenbang Kecamatan Bekasi Timur, Senin (14/2/2022)."


def test_rows_are_read_as_jsonl_lines_are(tmp_path: Path):
    table = pa.table({"id": [5, None, 9], "text": [TEXT, TEXT, None], "title": ["Musrenbang", None, "x"],
                      "published": [datetime.datetime(2022, 2, 14, 9, 30), None, None],
                      "extra": ["ignored", "ignored", "ignored"]})
    pq.write_table(table, tmp_path / "news.parquet")
    first, second, third = read_parquet_articles(tmp_path / "news.parquet", "news.parquet")
    assert isinstance(first, Article) and first.id == "5" and first.source_file == "news.parquet:1"
    assert first.title == "Musrenbang" and first.published == "2022-02-14T09:30:00"
    assert isinstance(second, Article) and second.id == "news.parquet:2"  # no id: file:row, as for JSONL
    assert isinstance(third, InputError) and third.line == 3 and third.id == "9" and "text" in third.reason


def test_a_parquet_file_in_a_folder_is_an_input_of_the_local_engine_too(tmp_path: Path):
    pq.write_table(pa.table({"id": ["p1"], "text": [TEXT]}), tmp_path / "news.parquet")
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    assert [a.id for a in read_inputs([str(tmp_path)])] == ["b.txt", "p1"]


@pytest.mark.parametrize("content, reason", [(None, "not a Parquet file"), ({"id": ["x"]}, "no `text` column")])
def test_a_file_that_is_not_an_article_table_is_one_error(tmp_path: Path, content: dict | None, reason: str):
    path = tmp_path / "bad.parquet"
    if content is None:
        path.write_text("id,text\nx,Bupati\n", encoding="utf-8")
    else:
        pq.write_table(pa.table(content), path)
    (error,) = read_parquet_articles(path, "bad.parquet")
    assert isinstance(error, InputError) and reason in error.reason


@pytest.fixture
def record_lines(shared: Path) -> list[str]:
    """JSONL record lines as `warta extract` writes them (the gold records of the dev set)."""
    return [dump({**r, "text": r.get("text") or TEXT}) for r in read_jsonl(shared / "eval" / "dev.gold.jsonl")]


def write_dataset(folder: Path, lines: list[str], parts: int) -> None:
    """lines as a dataset of `parts` part files and _metadata."""
    folder.mkdir()
    size = -(-len(lines) // parts)
    for number in range(parts):
        writer = ParquetPartWriter(folder / part_name(number))
        writer.write(lines[number * size:(number + 1) * size])
        writer.commit()
    write_dataset_metadata(folder, dataset_parts(folder))


def test_a_record_dataset_gives_back_the_exact_jsonl_lines(tmp_path: Path, record_lines: list[str]):
    import pandas as pd

    write_dataset(tmp_path / "ds", record_lines, 3)
    assert sorted(p.name for p in (tmp_path / "ds").iterdir()) == ["_metadata", *(part_name(n) for n in range(3))]
    frame = pd.read_parquet(tmp_path / "ds")
    assert "".join(line + "\n" for line in frame["record"]) == "".join(record_lines)
    assert list(frame["id"]) == [json.loads(line)["id"] for line in record_lines]
    assert pq.read_metadata(tmp_path / "ds" / "_metadata").num_rows == len(record_lines)
    assert list(read_records([tmp_path / "ds"])) == [json.loads(line) for line in record_lines]


def test_rewriting_a_part_drops_only_the_named_records(tmp_path: Path, record_lines: list[str]):
    write_dataset(tmp_path / "ds", record_lines, 1)
    part = tmp_path / "ds" / part_name(0)
    drop = json.loads(record_lines[1])["id"]
    assert rewrite_part_without(part, {drop})[0] == 1
    kept = pq.read_table(part).column("record").to_pylist()
    assert [line + "\n" for line in kept] == record_lines[:1] + record_lines[2:]
    assert not [p for p in (tmp_path / "ds").iterdir() if p.name.startswith(".")]  # no temporary file left
