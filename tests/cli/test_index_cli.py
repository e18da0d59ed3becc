"""`warta index` under hostile record files: each bad line or record is skipped, reported and
counted, the good ones are indexed, and one run at a time writes a database."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from pipeline import index as index_module
from pipeline.cli import index as index_cli
from pipeline.cli import main
from pipeline.index import index_records
from pipeline.lock import exclusive

from ..pipeline.index_fixtures import sample_records


def article_ids(db: Path) -> list[str]:
    """The ids in the database's articles table."""
    conn = sqlite3.connect(db)
    try:
        return sorted(i for (i,) in conn.execute("SELECT id FROM articles"))
    finally:
        conn.close()


def test_wrong_shaped_and_broken_records_are_skipped_and_counted(tmp_path: Path, capsys: pytest.CaptureFixture):
    first, second = sample_records()[:2]
    bad_officials = {**first, "id": "bad-officials", "officials": "x"}
    bad_dates = {**first, "id": "bad-dates", "dates": [1]}
    lines = [json.dumps(first).encode(), json.dumps(bad_officials).encode(), json.dumps(bad_dates).encode(),
             b'{"id": "latin1", "text": "Bupati \xe9"}', b"[" * 100_000,
             json.dumps({**second, "id": first["id"]}).encode(),
             json.dumps({**first, "id": "surrogate", "text": "Wali Kota \ud800"}).encode(),
             json.dumps({**first, "id": "huge-offset", "dates": [{**first["dates"][0], "start": 2**70}]}).encode(),
             json.dumps(second).encode()]
    source = tmp_path / "records.jsonl"
    source.write_bytes(b"\n".join(lines) + b"\n")
    db = tmp_path / "warta.db"
    assert main(["index", str(source), "-o", str(db)]) == 1
    err = capsys.readouterr().err
    assert article_ids(db) == sorted([first["id"], second["id"]])
    for reason in ("`officials` is not a list", "wrong shape", "not UTF-8", "nested too deeply", "duplicate id",
                   "lone surrogate", "'huge-offset': cannot be stored"):
        assert reason in err, reason
    assert "2 added, 0 replaced, 0 unchanged, 7 skipped; 2 articles" in err


def test_a_missing_record_file_is_refused_before_any_work(tmp_path: Path, capsys: pytest.CaptureFixture):
    assert main(["index", str(tmp_path / "recods.jsonl"), "-o", str(tmp_path / "w.db")]) == 2
    assert "no such record file" in capsys.readouterr().err
    assert list(tmp_path.iterdir()) == []


def test_a_second_run_on_the_same_database_fails_at_once(tmp_path: Path, capsys: pytest.CaptureFixture):
    source = tmp_path / "records.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in sample_records()), encoding="utf-8")
    db = tmp_path / "warta.db"
    with exclusive(db, "index"):
        assert main(["index", str(source), "-o", str(db)]) == 2
    assert "in use by another `warta index` run" in capsys.readouterr().err
    assert not db.exists()
    assert main(["index", str(source), "-o", str(db)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records.jsonl", "warta.db"]


def test_the_database_follows_the_umask_when_made_and_when_updated(tmp_path: Path):
    db = tmp_path / "warta.db"
    previous = os.umask(0o027)
    try:
        index_records(sample_records()[:3], db)
        made = db.stat().st_mode & 0o777
        index_records(sample_records(), db)
        updated = db.stat().st_mode & 0o777
    finally:
        os.umask(previous)
    assert (made, updated) == (0o640, 0o640)


def test_records_are_written_in_bounded_batches_with_the_same_result(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch):
    whole = tmp_path / "whole.db"
    index_records(sample_records(), whole)
    sizes: list[int] = []
    real_write = index_module._write_batch

    def counting(db, batch, known, summary):
        sizes.append(len(batch))
        real_write(db, batch, known, summary)

    monkeypatch.setattr(index_module, "INSERT_BATCH", 2)
    monkeypatch.setattr(index_module, "_write_batch", counting)
    batched = tmp_path / "batched.db"
    summary = index_records(iter(sample_records()), batched)
    assert summary.added == len(sample_records()) and max(sizes) == 2 and len(sizes) >= 3
    from ..pipeline.test_index import dump

    assert dump(batched) == dump(whole)


def test_the_cli_default_database_is_the_indexers():
    assert index_cli.DEFAULT_DB == index_module.DEFAULT_DB
