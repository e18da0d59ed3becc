"""The index: tables from records, persons merged across articles, dates, and safe incremental updates."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from pipeline import index as index_module
from pipeline.index import (
    IndexDatabaseError,
    day_date,
    index_files,
    index_records,
    meeting_date,
    partial_with_weekday,
    year_from_weekday,
)
from pipeline.schema import validation_errors

from .index_fixtures import edited, sample_records, sorted_rows

REPO = Path(__file__).resolve().parents[2]


def dump(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, sorted, to compare two databases by content."""
    names = [n for (n,) in rows(path, "SELECT name FROM sqlite_master WHERE type = 'table'")
             if not n.startswith("articles_fts")]
    return sorted_rows(path, {n: f"SELECT * FROM [{n}]" for n in names})


def rows(path: Path, sql: str, params: tuple = ()) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "warta.db"
    index_records(sample_records(), path)
    return path


def test_fixture_records_follow_the_schema():
    for record in sample_records():
        assert validation_errors(record) == []


def test_every_record_field_becomes_rows(db: Path):
    counts = {t: rows(db, f"SELECT count(*) FROM [{t}]")[0][0] for t in
              ("articles", "officials", "positions", "meetings", "meeting_participants", "dates")}
    records = sample_records()
    assert counts["articles"] == len(records)
    assert counts["officials"] == sum(len(r["officials"]) for r in records)
    assert counts["meetings"] == sum(len(r["meetings"]) for r in records)
    assert counts["meeting_participants"] == sum(len(m["participants"]) for r in records for m in r["meetings"])
    assert counts["dates"] == sum(len(r["dates"]) for r in records)


def test_offsets_point_back_into_the_article_text(db: Path):
    for text, start, end, name in rows(db, "SELECT a.text, o.start, o.end, o.name FROM officials o "
                                           "JOIN articles a ON a.id = o.article_id"):
        assert text[start:end] == name


def test_career_is_one_person_with_three_dated_posts(db: Path):
    persons = rows(db, "SELECT person_id FROM person_names WHERE name_key LIKE 'tri adhianto%'")
    assert len({p for (p,) in persons}) == 1
    timeline = rows(db, "SELECT date, acting, normalized FROM positions WHERE person_id = ? ORDER BY date",
                    (persons[0][0],))
    assert [(a, n) for _, a, n in timeline] == [(None, "Kepala Dinas PUPR"), (None, "Wakil Wali Kota Bekasi"),
                                                ("Plt.", "Wali Kota Bekasi")]
    assert [d[:4] for d, _, _ in timeline] == ["2017", "2019", "2022"]


def test_spelling_variants_merge_and_keep_their_evidence(db: Path):
    merged = rows(db, "SELECT m.name, m.reason, m.matched_name FROM person_merges m JOIN persons p "
                      "ON p.id = m.person_id WHERE p.name LIKE '%J. Putro' AND m.decision = 'merged'")
    assert len(merged) == 1
    name, reason, matched = merged[0]
    assert {name, matched} == {"Choiruman J. Putro", "Chairruman J. Putro"}
    assert reason.startswith("spelling variant")


def test_namesakes_in_different_regions_stay_two_persons(db: Path):
    found = rows(db, "SELECT DISTINCT person_id FROM officials WHERE name = 'Ahmad Yani'")
    assert len(found) == 2
    reasons = rows(db, "SELECT kept_apart_reason FROM person_merges WHERE name = 'Ahmad Yani' "
                       "AND kept_apart_from IS NOT NULL")
    assert reasons and "different regions" in reasons[0][0]


def test_meeting_participants_point_to_persons(db: Path):
    linked = rows(db, "SELECT p.name, pe.name FROM meeting_participants p JOIN persons pe ON pe.id = p.person_id "
                      "WHERE p.meeting_id = 'audiensi-2017#m0'")
    assert ("Sandiaga Salahudin Uno", "Sandiaga Salahudin Uno") in linked
    assert len(linked) == 4


def test_year_less_date_is_placed_by_its_weekday_within_the_corpus_years(db: Path):
    (found,) = rows(db, "SELECT date, date_source FROM articles WHERE id = 'kunjungan-bengkulu'")
    assert found == ("2019-04-10", "weekday within corpus years")
    assert rows(db, "SELECT resolved_date FROM meetings WHERE article_id = 'kunjungan-bengkulu'") == [("2019-04-10",)]


def test_article_date_prefers_published_then_most_given_day():
    dates = [("2022-01-12", "day", "Rabu (12/01/2022)"), ("2023", "year", "2023"),
             ("2021-05-01", "day", "1 Mei 2021"), ("2022-01-12", "day", "12 Januari 2022")]
    assert day_date("2021-01-19T10:14:00+07:00", dates) == ("2021-01-19", "published")
    assert day_date(None, dates) == ("2022-01-12", "text")
    assert day_date(None, [("2018-11-07/2018-11-09", "range", "7-9 November 2018")]) == \
        ("2018-11-07", "text (range start)")
    assert day_date(None, [("2023", "year", "tahun 2023")]) == (None, None)


def test_weekday_year_needs_a_unique_fit():
    assert partial_with_weekday([("XXXX-04-10", "day", "Rabu (10/4)")]) == (4, 10, 3)
    assert partial_with_weekday([("XXXX-04-10", "day", "10/4")]) is None
    assert year_from_weekday(4, 10, 3, [2017, 2022]) == 2019
    assert year_from_weekday(4, 10, 3, [2013, 2024]) is None  # 2013, 2019 and 2024 all fit
    assert year_from_weekday(4, 10, 3, []) is None


def test_meeting_date_completes_a_year_less_date_with_the_article_year():
    assert meeting_date("2017-12-05", "2017-12-06") == "2017-12-05"
    assert meeting_date("XXXX-04-10", "2019-04-10") == "2019-04-10"
    assert meeting_date(None, "2021-01-19") == "2021-01-19"


def test_indexing_the_same_records_twice_changes_nothing(db: Path):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    summary = index_records(sample_records(), db)
    assert (summary.added, summary.replaced, summary.unchanged) == (0, 0, len(sample_records()))
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_adding_records_later_gives_the_same_database_as_all_at_once(tmp_path: Path, db: Path):
    records = sample_records()
    stepwise = tmp_path / "stepwise.db"
    index_records(records[:3], stepwise)
    summary = index_records(records, stepwise)
    assert (summary.added, summary.unchanged) == (3, 3)
    assert dump(stepwise) == dump(db)


def test_a_reindexed_article_replaces_its_own_rows(db: Path):
    records = sample_records()
    audiensi = next(r for r in records if r["id"] == "audiensi-2017")
    changed = edited(records, "audiensi-2017", title="Wali Kota Bekasi Audiensi Kemitraan",
                     officials=audiensi["officials"][:2], meetings=[])
    summary = index_records(changed, db)
    assert (summary.replaced, summary.added) == (1, 0)
    assert rows(db, "SELECT count(*) FROM officials WHERE article_id = 'audiensi-2017'") == [(2,)]
    assert rows(db, "SELECT count(*) FROM meetings WHERE article_id = 'audiensi-2017'") == [(0,)]
    assert rows(db, "SELECT count(*) FROM meeting_participants WHERE article_id = 'audiensi-2017'") == [(0,)]
    hits = rows(db, "SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                    "WHERE articles_fts MATCH 'Kemitraan' AND a.title LIKE '%Kemitraan%'")
    assert hits == [("audiensi-2017",)]
    # Tri Adhianto's post of 2017 went with the replaced rows.
    assert ("Kepala Dinas PUPR",) not in rows(db, "SELECT normalized FROM positions")


def test_an_interrupted_run_leaves_the_previous_database(db: Path, monkeypatch: pytest.MonkeyPatch):
    before = dump(db)

    def fail(_db):
        raise KeyboardInterrupt

    monkeypatch.setattr(index_module, "derive", fail)
    with pytest.raises(KeyboardInterrupt):
        index_records(edited(sample_records(), "palu-bansos", title="Judul baru"), db)
    assert dump(db) == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["warta.db"]


def test_broken_lines_and_records_are_skipped_and_reported(tmp_path: Path):
    source = tmp_path / "records.jsonl"
    good = sample_records()[0]
    source.write_text("\n".join([json.dumps(good), '{"id": "torn", "te', json.dumps({"id": "no-text"}), ""]),
                      encoding="utf-8")
    summary = index_files([source], tmp_path / "w.db")
    assert summary.added == 1 and summary.invalid == 2
    assert len(summary.problems) == 2


def test_a_database_of_another_kind_is_refused(tmp_path: Path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(IndexDatabaseError):
        index_records(sample_records(), other)
    assert index_records(sample_records(), other, rebuild=True).added == len(sample_records())


def test_datasette_metadata_names_real_tables_and_columns(db: Path):
    metadata = json.loads((REPO / "pipeline" / "data" / "datasette-metadata.json").read_text(encoding="utf-8"))
    tables = metadata["databases"]["warta"]["tables"]
    conn = sqlite3.connect(db)
    try:
        for table, spec in tables.items():
            columns = {row[1] for row in conn.execute(f"PRAGMA table_info([{table}])")}
            assert columns, f"metadata names a table the index lacks: {table}"
            named = set(spec.get("columns", {})) | set(spec.get("facets", []))
            named |= {spec["label_column"]} if spec.get("label_column") else set()
            named |= {spec["sort_desc"]} if spec.get("sort_desc") else set()
            assert named <= columns, f"{table}: {named - columns}"
            if "fts_table" in spec:
                assert conn.execute("SELECT name FROM sqlite_master WHERE name = ?", (spec["fts_table"],)).fetchone()
        data_tables = {n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                       if not n.startswith("articles_fts")}
    finally:
        conn.close()
    assert data_tables <= set(tables), f"tables without metadata: {data_tables - set(tables)}"


# --- the sample corpus, end to end (needs the real extractors) -------------------------

@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory, extractor) -> Path:
    from pipeline.io import read_inputs

    articles = [a for a in read_inputs([str(REPO / "corpus")]) if not hasattr(a, "reason")]
    path = tmp_path_factory.mktemp("corpus") / "warta.db"
    index_records(list(extractor.pipe(articles)), path)
    return path


def test_corpus_who_met_rahmat_effendi_lists_sandiaga_uno_on_2017_12_05(corpus_db: Path):
    from pipeline.query import find_persons, who_met

    met = who_met(corpus_db, "Rahmat Effendi")
    sandiaga = set(find_persons(corpus_db, "Sandiaga Uno"))
    assert sandiaga, "Sandiaga Uno is not among the indexed persons"
    names = {name for pid, name in rows(corpus_db, "SELECT id, name FROM persons") if pid in sandiaga}
    hits = met[met["met"].isin(names)]
    assert "2017-12-05" in set(hits["date"])


def test_corpus_person_tri_adhianto_shows_three_posts_in_date_order(corpus_db: Path):
    from pipeline.query import person_timeline

    timeline = person_timeline(corpus_db, "Tri Adhianto")
    posts = [p.lower() for p in timeline["post"]]
    expected = ["kepala dinas pupr", "wakil wali kota bekasi", "wali kota bekasi"]
    found = [next((i for i, p in enumerate(posts) if e in p and (e != "wali kota bekasi" or "plt" in p)), None)
             for e in expected]
    assert None not in found, posts
    assert found == sorted(found)
    assert list(timeline["since"].dropna()) == sorted(timeline["since"].dropna())


def test_corpus_search_bantargebang_returns_the_audience_article_first(corpus_db: Path):
    from pipeline.query import search

    results = search(corpus_db, "Bantargebang")
    assert len(results)
    first = results.iloc[0]
    assert "audiensi" in (first["title"] or "").lower()
    assert "[Bantargebang]" in first["snippet"]
