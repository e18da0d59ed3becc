"""`--engine dask` against the local engine on the sample corpus and the dev articles: the same
records byte for byte, every failure in the errors file with its partition, `--resume` that
recomputes only what is missing, a Parquet dataset that reads back as the same records, and
`warta index` over it. One 2-process LocalCluster serves the whole module."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.dask_partitions import count_line_breaks, plan_partitions, read_partition
from pipeline.engine_dask import local_cluster, run_dask
from pipeline.index import index_files
from pipeline.runner import run_extract

from ..conftest import REPO, read_jsonl


@pytest.fixture(scope="module")
def client():
    """The LocalCluster `--engine dask` starts, of 2 worker processes: one thread each, no
    dashboard (no port clash), no profiler."""
    from distributed import Client

    with local_cluster(2) as cluster, Client(cluster) as dask:
        yield dask


def test_warta_starts_its_workers_without_the_dask_profiler(client):
    import dask

    # The profiler's history grew a worker from ~190 to ~260 MiB over 10,000 articles.
    assert set(client.run(lambda: dask.config.get("distributed.worker.profile.enabled")).values()) == {False}
    assert len(client.scheduler_info()["workers"]) == 2


def test_warta_starts_its_workers_with_slower_housekeeping(client):
    import dask

    keys = ["distributed.admin.tick.interval", "distributed.admin.system-monitor.interval",
            "distributed.worker.memory.monitor-interval"]
    seen = client.run(lambda: [dask.config.get(key) for key in keys])
    # Dask's own defaults are 20ms, 500ms and 100ms: 5% of a worker's CPU beside its task.
    assert all(values == ["500ms", "5s", "1s"] for values in seen.values())


def test_the_readme_gives_a_real_cluster_the_settings_of_wartas_own():
    import yaml

    from pipeline.engine_dask import WORKER_CONFIG

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    start = readme.index("```text\n", readme.index("~/.config/dask/warta.yaml")) + len("```text\n")
    settings = yaml.safe_load(readme[start:readme.index("```", start)])
    for dotted, value in WORKER_CONFIG.items():
        node = settings
        for part in dotted.split("."):
            node = node[part]
        assert node == value, dotted


def test_warta_starts_its_workers_with_glibcs_own_memory_trimming(client):
    # The nanny's default MALLOC_TRIM_THRESHOLD_=65536 made every article's arrays be unmapped
    # and faulted in again. The workers get the environment this process has (a user's own
    # setting is kept), not Dask's value.
    given = os.environ.get("MALLOC_TRIM_THRESHOLD_")
    assert set(client.run(lambda: os.environ.get("MALLOC_TRIM_THRESHOLD_")).values()) == {given}
    assert given != "65536"


@pytest.fixture(scope="module")
def inputs(shared: Path) -> list[str]:
    """The sample corpus (a folder of .txt files) and the dev articles (one JSONL file)."""
    return [str(REPO / "corpus"), str(shared / "eval" / "dev.jsonl")]


@pytest.fixture(scope="module")
def local_records(tmp_path_factory: pytest.TempPathFactory, inputs: list[str], extractor) -> bytes:
    """The local engine's records file for the inputs."""
    out = tmp_path_factory.mktemp("local") / "records.jsonl"
    summary = run_extract(inputs, out, extractor=extractor)
    assert summary.ok and summary.written == 45
    return out.read_bytes()


@pytest.fixture(scope="module")
def parquet_run(tmp_path_factory: pytest.TempPathFactory, inputs: list[str], client):
    """A --format parquet run of the inputs in 6 partitions: (folder, summary)."""
    folder = tmp_path_factory.mktemp("parquet") / "records"
    return folder, run_dask(inputs, folder, fmt="parquet", partitions=6, client=client)


def test_dask_writes_the_local_engines_records_byte_for_byte(tmp_path: Path, inputs: list[str], client,
                                                              local_records: bytes):
    out = tmp_path / "records.jsonl"
    summary = run_dask(inputs, out, partitions=6, client=client)
    assert out.read_bytes() == local_records
    assert summary.line() == "45 articles: 45 records, 0 errors"
    assert summary.partitions > 2 and summary.computed == list(range(summary.partitions))
    assert not (tmp_path / "records.jsonl.parts").exists()  # the work folder goes once OUT is complete


def test_the_parquet_dataset_reads_back_as_the_jsonl_records(parquet_run, local_records: bytes):
    import pandas as pd

    folder, summary = parquet_run
    assert summary.ok and summary.written == 45
    frame = pd.read_parquet(folder)
    assert "".join(line + "\n" for line in frame["record"]).encode("utf-8") == local_records
    records = [json.loads(line) for line in local_records.decode("utf-8").splitlines()]
    assert [json.loads(line) for line in frame["record"]] == records
    assert list(frame["id"]) == [r["id"] for r in records]
    assert (folder / "_metadata").exists() and len(list(folder.glob("part-*.parquet"))) == summary.partitions


def table_counts(db: Path) -> dict[str, int]:
    """Rows of every table of a database."""
    with sqlite3.connect(db) as connection:
        names = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {name: connection.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def test_index_over_the_parquet_folder_matches_index_over_the_jsonl(tmp_path: Path, parquet_run,
                                                                     local_records: bytes):
    folder, _ = parquet_run
    jsonl = tmp_path / "records.jsonl"
    jsonl.write_bytes(local_records)
    assert main(["index", str(folder), "-o", str(tmp_path / "from-parquet.db"), "-q"]) == 0
    index_files([jsonl], tmp_path / "from-jsonl.db")
    counts = table_counts(tmp_path / "from-parquet.db")
    assert counts["articles"] == 45 and counts == table_counts(tmp_path / "from-jsonl.db")


@pytest.fixture
def messy_inputs(tmp_path: Path, seeds: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Seeds, an empty file, a JSONL file with a torn line and a line without text, and a second
    JSONL file repeating an id of the first: every file its own partition."""
    monkeypatch.chdir(tmp_path)
    folder = Path("in")
    folder.mkdir()
    texts = list(seeds.values())
    for name, text in list(seeds.items())[:3]:
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    lines = [json.dumps({"id": "jl-ok", "text": texts[3]}), '{"id": "jl-torn", "text": "Wali',
             json.dumps({"id": "jl-no-text", "url": "https://bekasikota.go.id"})]
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "later.jsonl").write_text(json.dumps({"id": "jl-ok", "text": texts[4]}) + "\n", encoding="utf-8")
    return ["in"]


def test_failures_land_in_the_errors_file_with_their_partition(messy_inputs: list[str], client, extractor,
                                                               capsys: pytest.CaptureFixture):
    local = run_extract(messy_inputs, Path("local.jsonl"), errors_path=Path("local-errors.jsonl"), extractor=extractor)
    capsys.readouterr()
    status = main(["extract", *messy_inputs, "-o", "dask.jsonl", "--errors", "dask-errors.jsonl", "--engine", "dask",
                   "--scheduler", client.scheduler.address, "--partitions", "50"])
    assert status == 1  # some articles failed, as with the local engine
    assert capsys.readouterr().err.strip().splitlines()[-1] == f"warta: {local.line()}"
    assert Path("dask.jsonl").read_bytes() == Path("local.jsonl").read_bytes()
    errors = read_jsonl(Path("dask-errors.jsonl"))
    without_partition = [{k: v for k, v in e.items() if k != "partition"} for e in errors]
    assert sorted(map(json.dumps, without_partition)) == sorted(map(json.dumps, read_jsonl(Path("local-errors.jsonl"))))
    reads = partition_reading(plan_partitions(messy_inputs, 50))
    where = {located(e["source_file"], e["line"]): e["partition"] for e in errors}
    assert set(where) == {"in/empty.txt", "in/batch.jsonl:2", "in/batch.jsonl:3", "in/later.jsonl:1"}
    assert all(where[source] == reads[source] for source in where)
    # The repeated id is settled across partitions as one pass settles it: the first record stays.
    assert reads["in/later.jsonl:1"] != reads["in/batch.jsonl:1"]
    assert [r["source_file"] for r in read_jsonl(Path("dask.jsonl")) if r["id"] == "jl-ok"] == ["in/batch.jsonl:1"]


def located(source_file: str, line: int | None) -> str:
    """file:line, or the file alone."""
    return f"{source_file}:{line}" if line else source_file


def partition_reading(plan: list) -> dict[str, int]:
    """The partition that reads each article or input error, by file:line."""
    reads = {}
    for partition in plan:
        if partition.kind == "jsonl":
            partition.first = 1 + count_line_breaks(partition.path, 0, partition.start)
        for item in read_partition(partition):
            reads[located(item.source_file, getattr(item, "line", None))] = partition.number
    return reads


def test_resume_recomputes_only_the_missing_partition(parquet_run, inputs: list[str], client,
                                                      local_records: bytes):
    import pandas as pd

    folder, first = parquet_run
    parts = sorted(folder.glob("part-*.parquet"))
    before = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in parts}
    parts[2].unlink()
    summary = run_dask(inputs, folder, fmt="parquet", resume=True, client=client)
    assert summary.computed == [2] and summary.kept == [n for n in range(first.partitions) if n != 2]
    assert summary.line() == f"45 articles: 45 records, 0 errors ({summary.skipped} kept from before, --resume)"
    after = {p.name: (p.stat().st_ino, p.stat().st_mtime_ns) for p in sorted(folder.glob("part-*.parquet"))}
    assert after.keys() == before.keys()
    assert {n: v for n, v in after.items() if n != parts[2].name} == {n: v for n, v in before.items()
                                                                      if n != parts[2].name}
    assert "".join(line + "\n" for line in pd.read_parquet(folder)["record"]).encode("utf-8") == local_records


def test_a_killed_run_resumes_from_its_finished_partitions(tmp_path: Path, shared: Path, client,
                                                           local_records: bytes):
    dev = str(shared / "eval" / "dev.jsonl")
    out, work = tmp_path / "records.jsonl", tmp_path / "records.jsonl.parts"
    command = [sys.executable, "-c", "import sys; from pipeline.cli import main; sys.exit(main(sys.argv[1:]))",
               "extract", dev, "-o", str(out), "--engine", "dask", "--scheduler", client.scheduler.address,
               "--partitions", "16", "-q"]
    run = subprocess.Popen(command, env={**os.environ, "PYTHONPATH": str(REPO)}, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not list(work.glob("part-*.json")) and run.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    run.send_signal(signal.SIGTERM)
    assert run.wait(timeout=60) == 130, run.stderr.read()
    assert "--resume" in run.stderr.read() and not out.exists()
    while any(client.processing().values()):  # cancelled tasks already running still finish
        time.sleep(0.1)
    done = sorted(int(p.stem.removeprefix("part-")) for p in work.glob("part-*.json"))
    summary = run_dask([dev], out, resume=True, client=client)
    assert summary.partitions == 16 and done and len(done) < 16  # the kill left work to resume
    assert summary.kept == done and summary.computed == [n for n in range(16) if n not in done]
    dev_lines = [line for line in local_records.decode("utf-8").splitlines(keepends=True)
                 if json.loads(line)["source_file"].startswith(dev + ":")]
    assert out.read_text(encoding="utf-8") == "".join(dev_lines)
    assert summary.articles == 40
