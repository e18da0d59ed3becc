"""Kills and concurrent runs: after kill -9 or SIGTERM the records done so far are kept and
--resume finishes the run with each id exactly once; SIGTERM leaves no worker behind; a
second run on the same output fails at once while the first completes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.cli import main

from ..conftest import REPO, read_jsonl

ARTICLES = 2000
WARTA = [sys.executable, "-c", "import sys; from pipeline.cli import main; sys.exit(main())"]


@pytest.fixture(scope="module")
def many_articles(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Path:
    """2,000 short real articles: the paragraphs of the dev articles, in turn, each its own id."""
    paragraphs = [p for line in (shared / "eval" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
                  for p in json.loads(line)["text"].split("\n") if len(p) > 150]
    path = tmp_path_factory.mktemp("many") / "articles.jsonl"
    with path.open("w", encoding="utf-8") as handle:
        for i in range(ARTICLES):
            handle.write(json.dumps({"id": f"k{i:04d}", "text": paragraphs[i % len(paragraphs)]},
                                    ensure_ascii=False) + "\n")
    return path


def start_extract(source: Path, out: Path, *extra: str) -> subprocess.Popen:
    """`warta extract` with the rules backend in a child process."""
    command = [*WARTA, "extract", str(source), "-o", str(out),
               "--backend", "rules", "--quiet", *extra]
    return subprocess.Popen(command, cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_for(condition, process: subprocess.Popen, timeout: float = 300) -> None:
    """Poll until condition() holds; fail if the process ends first or time runs out."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert process.poll() is None, process.stderr.read().decode()
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def complete_lines(path: Path) -> int:
    """Complete lines in a file (0 when it is missing)."""
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def children(pid: int) -> list[int]:
    """The ids of a process's child processes, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    """Whether a process exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def assert_each_id_once(out: Path) -> None:
    """The finished output holds every article exactly once, in input order."""
    ids = [r["id"] for r in read_jsonl(out)]
    assert ids == [f"k{i:04d}" for i in range(ARTICLES)]


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
@pytest.mark.parametrize("how, workers", [("kill -9", "1"), ("SIGTERM", "2")])
def test_a_killed_run_keeps_its_records_and_resume_does_each_id_once(many_articles: Path, tmp_path: Path,
                                                                      how: str, workers: str):
    out = tmp_path / "out.jsonl"
    journal = tmp_path / "out.jsonl.partial"
    run = start_extract(many_articles, out, "--workers", workers)
    try:
        wait_for(lambda: complete_lines(journal) >= 40, run)
        workers_seen = children(run.pid)
        run.send_signal(signal.SIGKILL if how == "kill -9" else signal.SIGTERM)
        code = run.wait(timeout=120)
    finally:
        if run.poll() is None:
            run.kill()
    if how == "SIGTERM":
        assert code == 130 and "--resume" in run.stderr.read().decode()
        assert len(workers_seen) >= 2 and not [pid for pid in workers_seen if alive(pid)]
    assert not out.exists()
    kept = read_jsonl(journal)
    assert len(kept) >= 40 and len({r["id"] for r in kept}) == len(kept)
    assert main(["extract", str(many_articles), "-o", str(out), "--backend", "rules", "--resume", "--quiet"]) == 0
    assert_each_id_once(out)
    assert not journal.exists()


def test_a_second_extract_on_the_same_output_fails_while_the_first_completes(
        many_articles: Path, tmp_path: Path, capsys: pytest.CaptureFixture):
    source = tmp_path / "some.jsonl"
    source.write_text("".join(many_articles.read_text(encoding="utf-8").splitlines(True)[:200]), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    first = start_extract(source, out)
    try:
        wait_for((tmp_path / ".out.jsonl.lock").exists, first)
        assert main(["extract", str(source), "-o", str(out), "--backend", "rules"]) == 2
        assert "in use by another `warta extract` run" in capsys.readouterr().err
        assert first.wait(timeout=600) == 0
    finally:
        if first.poll() is None:
            first.kill()
    assert len(read_jsonl(out)) == 200


def test_a_second_index_on_the_same_database_fails_while_the_first_completes(
        tmp_path: Path, capsys: pytest.CaptureFixture):
    from ..pipeline.index_fixtures import sample_records

    records = tmp_path / "records.jsonl"
    with records.open("w", encoding="utf-8") as handle:
        for copy in range(400):
            for record in sample_records():
                handle.write(json.dumps({**record, "id": f"{record['id']}-{copy}"}) + "\n")
    db = tmp_path / "warta.db"
    first = subprocess.Popen([*WARTA, "index", str(records), "-o", str(db), "--quiet"],
                             cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)},
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_for((tmp_path / ".warta.db.lock").exists, first)
        assert main(["index", str(records), "-o", str(db)]) == 2
        assert "in use by another `warta index` run" in capsys.readouterr().err
        assert first.wait(timeout=600) == 0
    finally:
        if first.poll() is None:
            first.kill()
    import sqlite3

    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 400 * len(sample_records())
    conn.close()
