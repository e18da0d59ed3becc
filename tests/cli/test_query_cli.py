"""`warta index` and the query verbs from the command line: formats, exit codes, files."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from pipeline.cli import main
from pipeline.query import read_table

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


def test_who_met_table_fits_the_terminal_and_drops_empty_columns(db: Path, capsys: pytest.CaptureFixture,
                                                               monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("COLUMNS", "80")
    assert main(["who-met", "Rahmat Effendi", "--db", str(db)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert all(len(line) <= 80 for line in lines), [len(line) for line in lines]
    header = lines[0].split()
    assert header[:2] == ["met", "role"] and "event" not in header and "url" not in header  # never filled here
    assert any(line.startswith("Sandiaga") for line in lines)
    assert "…" in "".join(lines) and "--format json" in lines[-1]


def test_who_met_table_cites_the_url_where_there_is_one(db: Path, capsys: pytest.CaptureFixture,
                                                       monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("COLUMNS", "300")
    assert main(["who-met", "Sandiaga Uno", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "https://bekasikota.go.id/audiensi" in out and "…" not in out


def test_a_partial_name_of_two_people_asks_for_a_fuller_form(tmp_path: Path, capsys: pytest.CaptureFixture):
    from ..pipeline.test_query import SALATIGA, official, record

    salatiga = record("salatiga-2018", SALATIGA, officials=[official(
        SALATIGA, "Johanes Tri Priyo Nugroho", [("Asisten III Pemkot Salatiga", "Asisten III Pemkot Salatiga",
                                                 "Pemkot Salatiga", None)])])
    records = tmp_path / "records.jsonl"
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in [*sample_records(), salatiga]),
                       encoding="utf-8")
    path = tmp_path / "tri.db"
    assert main(["index", str(records), "-o", str(path), "--quiet"]) == 0
    assert main(["person", "Tri", "--db", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "give a fuller form" in captured.err
    tri = next(line for line in captured.err.splitlines() if line.startswith("Tri Adhianto Tjahyono"))
    johanes = next(line for line in captured.err.splitlines() if line.startswith("Johanes Tri Priyo Nugroho"))
    assert "Kepala Dinas PUPR" in tri and tri.rstrip().endswith("3")
    assert "Asisten III Pemkot Salatiga" in johanes and johanes.rstrip().endswith("1")
    assert main(["person", "Johanes Tri", "--db", str(path)]) == 0


@pytest.mark.parametrize("verb", ["search", "who-met", "person"])
def test_an_empty_query_says_so(db: Path, capsys: pytest.CaptureFixture, verb: str):
    assert main([verb, "", "--db", str(db)]) == 2
    captured = capsys.readouterr()
    assert "empty query" in captured.err and captured.out == ""


def test_a_prefix_search_needs_no_raw(db: Path, capsys: pytest.CaptureFixture):
    assert main(["search", "Bantar*", "--db", str(db)]) == 0
    assert "[Bantargebang]" in capsys.readouterr().out


def test_export_without_output_writes_every_format_to_stdout(db: Path, capsys: pytest.CaptureFixture,
                                                              monkeypatch: pytest.MonkeyPatch):
    def exported(fmt: str, isatty: bool = False) -> tuple[int, bytes]:
        stdout = io.TextIOWrapper(io.BytesIO(), encoding="utf-8")
        stdout.isatty = lambda: isatty
        monkeypatch.setattr("sys.stdout", stdout)
        code = main(["export", "persons", "--db", str(db), "--format", fmt])
        stdout.flush()
        return code, stdout.buffer.getvalue()

    code, parquet = exported("parquet")
    assert code == 0 and pd.read_parquet(io.BytesIO(parquet)).equals(read_table(db, "persons"))
    code, lines = exported("json")
    assert code == 0 and json.loads(lines.splitlines()[0])["name"]
    assert exported("parquet", isatty=True) == (2, b"")
    assert "give -o" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture):
    import pipeline

    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0 and capsys.readouterr().out.strip() == f"warta {pipeline.__version__}"


def test_the_query_verbs_load_neither_spacy_nor_pandas(db: Path):
    """`warta --help`, schema and the query verbs import only what they use (see benchmarks/startup.py)."""
    import subprocess
    import sys

    from ..conftest import REPO

    heavy = ("spacy", "thinc", "torch", "pandas", "jsonschema")
    for argv in (["--help"], ["schema"], ["search", "Bekasi"], ["who-met", "Rahmat Effendi"], ["person", "Tri"],
                 ["export", "persons"]):
        args = argv if argv[0].startswith("-") or argv[0] == "schema" else [*argv, "--db", str(db)]
        code = (f"import sys\nfrom pipeline.cli import main\ntry:\n    main({args!r})\nexcept SystemExit:\n    pass\n"
                f"print(sorted(m for m in {heavy!r} if m in sys.modules))")
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
        assert done.stdout.strip().splitlines()[-1] == "[]", (argv, done.stdout[-300:])


def test_the_query_verbs_default_to_the_index_default_database():
    from pipeline.cli.query import DEFAULT_DB
    from pipeline.index import DEFAULT_DB as INDEX_DEFAULT

    assert DEFAULT_DB == INDEX_DEFAULT


def test_index_of_an_article_file_says_to_extract_first(tmp_path: Path, capsys: pytest.CaptureFixture):
    article = tmp_path / "rapat.txt"
    article.write_text("Wali Kota Bekasi Rahmat Effendi memimpin rapat koordinasi di Balai Kota, Senin (6/3/2023).\n"
                       "Rapat dihadiri seluruh kepala dinas.\n", encoding="utf-8")
    assert main(["index", str(article), "-o", str(tmp_path / "warta.db")]) == 1
    err = capsys.readouterr().err
    assert f"warta extract {article}" in err and "holds articles, not records" in err


@pytest.mark.parametrize("make", ["missing", "folder"])
def test_index_of_a_missing_file_or_folder_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture,
                                                             make: str):
    path = tmp_path / "records.jsonl"
    if make == "folder":
        path.mkdir()
    assert main(["index", str(path), "-o", str(tmp_path / "warta.db")]) == 2
    err = capsys.readouterr().err
    assert ("not found" if make == "missing" else "is a folder") in err
    assert "Errno" not in err and "warta extract" in err


@pytest.mark.parametrize("argv", [
    ["search", "Bekasi", "--limit", "99999999999999999999"],
    ["search", "Bekasi", "--since", "garbage"],
    ["search", "Bekasi", "--until", "2022-13-40"],
])
def test_query_arguments_out_of_range_are_refused_by_the_parser(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert "argument" in capsys.readouterr().err


def test_export_into_a_missing_folder_is_a_clear_error(tmp_path, capsys):
    code = main(["export", "persons", "--db", str(tmp_path / "none.db"), "--format", "csv",
                 "-o", str(tmp_path / "no" / "such" / "x.csv")])
    assert code == 2
    assert "folder does not exist" in capsys.readouterr().err
