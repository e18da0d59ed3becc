"""Cutting inputs into Dask partitions: read one by one, they give exactly what the local engine
reads, named the same way, and no line or row is read twice or lost (no cluster needed)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pipeline.dask_partitions import count_line_breaks, plan_partitions, read_partition
from pipeline.io import read_inputs


def read_in_partitions(inputs: list[str], count: int) -> list:
    """Every item of every partition in order, each JSONL range numbered from the line breaks
    before it (as the engine does with count_line_breaks tasks)."""
    plan = plan_partitions(inputs, count)
    for partition in plan:
        if partition.kind == "jsonl":
            partition.first = 1 + count_line_breaks(partition.path, 0, partition.start)
    return [item for partition in plan for item in read_partition(partition)]


@pytest.fixture
def mixed_inputs(tmp_path: Path, shared: Path, seeds: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A folder of seeds with a broken JSONL line and an empty file, then the dev articles."""
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for name, text in seeds.items():
        (folder / "sub" / name).write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    lines = [json.dumps({"id": "a", "text": next(iter(seeds.values()))}), '{"id": "torn", "text": "Wali',
             "", json.dumps({"id": 7, "url": "https://bekasikota.go.id"})]
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    dev = tmp_path / "dev.jsonl"
    shutil.copyfile(shared / "eval" / "dev.jsonl", dev)
    monkeypatch.chdir(tmp_path)  # relative names, as on a command line
    return ["in", "dev.jsonl"]


@pytest.mark.parametrize("count", [1, 3, 17, 200])
def test_partitions_read_exactly_what_the_local_engine_reads(mixed_inputs: list[str], count: int):
    local = list(read_inputs(mixed_inputs))
    assert read_in_partitions(mixed_inputs, count) == local
    assert any(getattr(item, "line", None) == 2 for item in local)  # the torn line, reported with its number


def test_a_large_jsonl_file_is_cut_at_line_starts_and_numbered_from_its_real_line(mixed_inputs: list[str]):
    plan = plan_partitions(["dev.jsonl"], 7)
    assert [p.kind for p in plan] == ["jsonl"] * 7
    assert [p.start for p in plan[1:]] == [p.end for p in plan[:-1]]  # contiguous, nothing skipped
    items = read_in_partitions(["dev.jsonl"], 7)
    assert [item.source_file for item in items] == [f"dev.jsonl:{n}" for n in range(1, 41)]


def test_a_byte_range_holding_no_line_start_reads_nothing(tmp_path: Path):
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "Bupati Bekasi membuka rapat. " * 50}) + "\n", encoding="utf-8")
    plan = plan_partitions([str(path)], 5)
    assert len(plan) == 5
    assert [len(list(read_partition(p))) for p in plan] == [1, 0, 0, 0, 0]


def test_a_large_parquet_file_is_cut_at_row_groups_and_read_like_jsonl(tmp_path: Path, shared: Path,
                                                                       monkeypatch: pytest.MonkeyPatch):
    pq = pytest.importorskip("pyarrow.parquet")
    import pyarrow as pa

    rows = [json.loads(line) for line in (shared / "eval" / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
    table = pa.Table.from_pylist([{"id": r["id"], "text": r["text"], "url": r.get("url")} for r in rows])
    pq.write_table(table, tmp_path / "dev.parquet", row_group_size=6)
    monkeypatch.chdir(tmp_path)
    plan = plan_partitions(["dev.parquet"], 4)
    assert len(plan) > 1 and {p.kind for p in plan} == {"parquet"}
    items = [item for p in plan for item in read_partition(p)]
    assert items == list(read_inputs(["dev.parquet"]))
    assert [a.source_file for a in items] == [f"dev.parquet:{n}" for n in range(1, len(rows) + 1)]
    assert [(a.id, a.text) for a in items] == [(r["id"], r["text"]) for r in rows]


def test_a_changed_input_changes_the_partition_descriptor(tmp_path: Path, seeds: dict[str, str]):
    path = tmp_path / "a.txt"
    path.write_text(next(iter(seeds.values())), encoding="utf-8")
    before = plan_partitions([str(path)], 1)[0].descriptor()
    path.write_text(next(iter(seeds.values())) + "\nTambahan.", encoding="utf-8")
    assert plan_partitions([str(path)], 1)[0].descriptor() != before
