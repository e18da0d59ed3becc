"""`warta index` and the query verbs from the command line: formats, exit codes, files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main

from ..pipeline.index_fixtures import sample_records


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture) -> Path:
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in sample_records()), encoding="utf-8")
    path = tmp_path / "out" / "warta.db"
    assert main(["index", str(records), "-o", str(path)]) == 0
    assert "6 added" in capsys.readouterr().err
    return path


def test_reindexing_reports_everything_unchanged(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture):
    assert main(["index", str(tmp_path / "records.jsonl"), "-o", str(db)]) == 0
    assert "0 added, 0 replaced, 6 unchanged" in capsys.readouterr().err


def test_who_met_as_json(db: Path, capsys: pytest.CaptureFixture):
    assert main(["who-met", "Rahmat Effendi", "--db", str(db), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"met": "Sandiaga Salahudin Uno", "date": "2017-12-05"}.items() <= \
        next(r for r in rows if r["met"] == "Sandiaga Salahudin Uno").items()


def test_who_met_table_and_unknown_name(db: Path, capsys: pytest.CaptureFixture):
    assert main(["who-met", "Sandiaga Uno", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Rahmat Effendi" in out and "2017-12-05" in out
    assert main(["who-met", "Bima Arya", "--db", str(db)]) == 1
    assert "(no results)" in capsys.readouterr().out


def test_person_shows_positions_then_articles(db: Path, capsys: pytest.CaptureFixture):
    assert main(["person", "Tri Adhianto", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.index("Kepala Dinas PUPR") < out.index("Wakil Wali Kota Bekasi") < out.index("Plt. Wali Kota Bekasi")
    assert out.index("Positions") < out.index("Articles")


def test_person_json_has_positions_articles_and_merges(db: Path, capsys: pytest.CaptureFixture):
    assert main(["person", "Choiruman J. Putro", "--db", str(db), "--format", "json", "--merges"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [p["post"] for p in out["positions"]] == ["Ketua DPRD Kota Bekasi"]
    assert len(out["articles"]) == 2
    assert any(m["reason"].startswith("spelling variant") for m in out["merges"])


def test_search_csv_with_filters(db: Path, capsys: pytest.CaptureFixture):
    assert main(["search", "Kota Bekasi", "--db", str(db), "--format", "csv", "--since", "2021-01-01"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["article_id"] for r in rows} == {"kickoff-2021", "rapat-2022"}
    assert all("[" in r["snippet"] for r in rows)


def test_search_table_shows_title_snippet_and_where_to_cite(db: Path, capsys: pytest.CaptureFixture):
    assert main(["search", "Bantargebang", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1. Wali Kota Bekasi Lakukan Audiensi")
    assert "[Bantargebang]" in out and "https://bekasikota.go.id/audiensi" in out


def test_export_parquet_and_csv(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture):
    target = tmp_path / "meetings.parquet"
    assert main(["export", "meetings", "--db", str(db), "--format", "parquet", "-o", str(target)]) == 0
    assert len(pd.read_parquet(target)) == 3
    assert main(["export", "persons", "--db", str(db)]) == 0
    assert capsys.readouterr().out.startswith("id,key,name")


def test_missing_database_and_unknown_table_exit_2(db: Path, tmp_path: Path, capsys: pytest.CaptureFixture):
    assert main(["search", "Bekasi", "--db", str(tmp_path / "none.db")]) == 2
    assert "no database" in capsys.readouterr().err
    assert main(["export", "nothing", "--db", str(db)]) == 2
    assert "no table" in capsys.readouterr().err


def test_metadata_verb_prints_datasette_metadata_for_the_index(db: Path, capsys: pytest.CaptureFixture):
    import sqlite3

    assert main(["metadata"]) == 0
    metadata = json.loads(capsys.readouterr().out)
    articles = metadata["databases"][db.stem]["tables"]["articles"]
    conn = sqlite3.connect(db)
    try:
        hits = conn.execute(f"SELECT rowid FROM {articles['fts_table']} WHERE {articles['fts_table']} MATCH ?",
                            ("Bantargebang",)).fetchall()
    finally:
        conn.close()
    assert hits, "the metadata's full-text table answers a search"
