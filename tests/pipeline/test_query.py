"""Questions asked of the index: who met whom, a person's career, full-text search, export."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from pipeline.index import index_records
from pipeline.query import (
    SNIPPET_TERMS,
    AmbiguousName,
    QueryError,
    export_table,
    find_persons,
    fts_query,
    person_articles,
    person_timeline,
    post_label,
    read_table,
    search,
    search_rows,
    who_met,
    who_met_rows,
)

from .index_fixtures import official, record, sample_records

SALATIGA = (
    "SALATIGA - Asisten III Pemkot Salatiga Johanes Tri Priyo Nugroho membuka sosialisasi pengelolaan "
    "sampah rumah tangga di Gedung Setda, Rabu (7/11/2018)."
)


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("query") / "warta.db"
    index_records(sample_records(), path)
    return path


def test_who_met_lists_each_other_participant_with_event_date_place_and_article(db: Path):
    met = who_met(db, "Rahmat Effendi")
    assert isinstance(met, pd.DataFrame)
    sandiaga = met[met["met"] == "Sandiaga Salahudin Uno"].iloc[0]
    assert sandiaga["date"] == "2017-12-05"
    assert sandiaga["type"] == "audiensi"
    assert sandiaga["place"] == "Ruang Rapat TPUT Balai Kota"
    assert sandiaga["url"] == "https://bekasikota.go.id/audiensi"
    assert "Audiensi" in sandiaga["evidence"]
    assert "Rahmat Effendi" not in set(met["met"])


def test_who_met_accepts_any_known_form_of_the_name(db: Path):
    by_short = who_met(db, "Sandiaga Uno")
    by_honorific = who_met(db, "H. Rahmat Effendi, S.Sos.")
    assert "Rahmat Effendi" in set(by_short["met"])
    assert "Sandiaga Salahudin Uno" in set(by_honorific["met"])


def test_who_met_follows_the_person_across_articles_in_date_order(db: Path):
    met = who_met(db, "Tri Adhianto")
    assert {"Rahmat Effendi", "Dedy Wahyudi", "Chairruman J. Putro"} <= set(met["met"])
    assert list(met["date"]) == sorted(met["date"])


def test_who_met_an_unknown_name_is_empty(db: Path):
    assert who_met(db, "Bima Arya").empty


def test_person_timeline_reads_as_a_career(db: Path):
    timeline = person_timeline(db, "Tri Adhianto")
    assert list(timeline["post"]) == ["Kepala Dinas PUPR", "Wakil Wali Kota Bekasi", "Plt. Wali Kota Bekasi"]
    assert list(timeline["since"]) == ["2017-12-05", "2019-04-10", "2022-01-12"]
    assert set(timeline["person"]) == {"Tri Adhianto Tjahyono"}


def test_person_articles_name_where_the_person_is_written(db: Path):
    articles = person_articles(db, "Chairruman J. Putro")
    assert list(articles["article_id"]) == ["kickoff-2021", "rapat-2022"]
    assert set(articles["named_as"]) == {"Choiruman J. Putro", "Chairruman J. Putro"}


def test_a_shared_name_finds_both_namesakes(db: Path):
    assert len(find_persons(db, "Ahmad Yani")) == 2
    assert len(person_timeline(db, "Ahmad Yani")) == 2


@pytest.mark.parametrize("acting, normalized, region, label", [
    ("Plt.", "Pelaksana Tugas Wali Kota Bekasi", "Kota Bekasi", "Plt. Wali Kota Bekasi"),
    ("Pj.", "Wali Kota", "Kota Bekasi", "Pj. Wali Kota Bekasi"),
    (None, "Kepala Dinas PUPR", "Dinas PUPR", "Kepala Dinas PUPR"),
    (None, "Camat Palu Barat", "Kecamatan Palu Barat", "Camat Palu Barat"),
])
def test_post_label_says_capacity_and_region_once(acting, normalized, region, label):
    assert post_label(acting, normalized, None, region) == label


def test_search_ranks_and_highlights(db: Path):
    results = search(db, "Bantargebang")
    assert list(results["article_id"]) == ["audiensi-2017"]
    assert "[Bantargebang]" in results.iloc[0]["snippet"]


def test_search_weighs_titles_and_filters(db: Path):
    ranked = search(db, "rapat")
    assert ranked.iloc[0]["article_id"] == "rapat-2022"  # the word is in its title
    assert set(search(db, "Kota Bekasi", since="2021-01-01")["article_id"]) == {"kickoff-2021", "rapat-2022"}
    assert set(search(db, "Kota Bekasi", until="2019")["article_id"]) == {"audiensi-2017", "kunjungan-bengkulu"}
    assert list(search(db, "Kota Bekasi", outlet="dakta")["article_id"]) == ["kickoff-2021"]
    assert set(search(db, "Bekasi", person="Tri Adhianto")["article_id"]) == \
        {"audiensi-2017", "kunjungan-bengkulu", "rapat-2022"}


def test_search_person_name_is_a_deprecated_spelling_of_person(db: Path):
    with pytest.warns(DeprecationWarning, match="person="):
        old = search(db, "Bekasi", person_name="Tri Adhianto")
    assert list(old["article_id"]) == list(search(db, "Bekasi", person="Tri Adhianto")["article_id"])


def test_search_takes_any_user_text_safely(db: Path):
    assert fts_query('Wali "Kota" Bekasi-') == '"Wali" "Kota" "Bekasi-"'
    assert "rapat-2022" in set(search(db, 'Wali "Kota" Bekasi- rapat')["article_id"])  # quotes, hyphens
    with pytest.raises(QueryError, match="no words"):
        search(db, "???")
    with pytest.raises(QueryError):
        search(db, "NEAR(", raw=True)


def test_export_writes_csv_and_parquet(db: Path, tmp_path: Path):
    csv_text = export_table(db, "positions", "csv")
    assert csv_text.splitlines()[0].startswith("official_id,idx,article_id,person_id")
    path = export_table(db, "persons", "parquet", tmp_path / "persons.parquet")
    back = pd.read_parquet(path)
    assert list(back.columns) == list(read_table(db, "persons").columns)
    assert len(back) == len(read_table(db, "persons"))


def test_unknown_table_and_missing_database_are_errors(db: Path, tmp_path: Path):
    with pytest.raises(QueryError, match="no table"):
        read_table(db, "articles_fts_data")
    with pytest.raises(QueryError, match="no database"):
        who_met(tmp_path / "missing.db", "Rahmat Effendi")


@pytest.mark.parametrize("blank", ["", "   "])
def test_an_empty_query_is_an_error_not_an_empty_answer(db: Path, blank: str):
    with pytest.raises(QueryError, match="empty query"):
        search(db, blank)
    with pytest.raises(QueryError, match="empty query"):
        who_met(db, blank)
    with pytest.raises(QueryError, match="empty query"):
        person_timeline(db, blank)


def test_a_word_ending_in_star_is_a_prefix_search_without_raw(db: Path):
    assert fts_query("Bantar*") == '"Bantar"*'
    assert list(search(db, "Bantar*")["article_id"]) == ["audiensi-2017"]
    assert search(db, "Bantar*").iloc[0]["snippet"].count("[Bantargebang]") == 1
    assert set(search(db, "Bengk* Tri")["article_id"]) == {"kunjungan-bengkulu"}


def test_a_long_query_highlights_only_its_first_terms(db: Path):
    """A query of thousands of words (pasted text) ranks by all of them; the snippet is built
    from a bounded number, because snippet() costs grow with the square of the terms."""
    words = (["Kota", "Bekasi"] + [f"kata{i}" for i in range(2000)])
    import sqlite3
    conn = sqlite3.connect(db)
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        assert search_rows(conn, " ".join(words[:2])), "the short query matches"
        assert search_rows(conn, " ".join(words)) == []  # every word is required: nothing has kata0
        rows = search_rows(conn, " OR ".join(words), raw=True)
    finally:
        conn.close()
    assert rows and all("[" in r["snippet"] for r in rows)
    snippet_calls = [s for s in statements if "snippet(" in s]
    assert snippet_calls and all(s.count(" OR ") < SNIPPET_TERMS for s in snippet_calls)


@pytest.fixture(scope="module")
def db_with_two_tris(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("query_tri") / "warta.db"
    salatiga = record("salatiga-2018", SALATIGA, outlet="salatiga.go.id", officials=[
        official(SALATIGA, "Johanes Tri Priyo Nugroho", [("Asisten III Pemkot Salatiga", "Asisten III Pemkot Salatiga",
                                                          "Pemkot Salatiga", None)])])
    index_records([*sample_records(), salatiga], path)
    return path


def test_a_partial_name_of_two_people_lists_them_instead_of_mixing_them(db_with_two_tris: Path):
    with pytest.raises(AmbiguousName) as raised:
        person_timeline(db_with_two_tris, "Tri")
    candidates = raised.value.candidates
    assert [c["person"] for c in candidates] == ["Tri Adhianto Tjahyono", "Johanes Tri Priyo Nugroho"]
    assert candidates[0]["n_articles"] == 3 and "Plt. Wali Kota Bekasi" in candidates[0]["posts"]
    assert candidates[1]["posts"] == "Asisten III Pemkot Salatiga"
    assert "fuller form" in str(raised.value)
    with pytest.raises(AmbiguousName):
        who_met_rows(db_with_two_tris, "Tri")
    with pytest.raises(AmbiguousName):
        search(db_with_two_tris, "Kota", person="Tri")
    # a fuller form picks one
    assert set(person_timeline(db_with_two_tris, "Tri Adhianto")["person"]) == {"Tri Adhianto Tjahyono"}
    assert list(person_timeline(db_with_two_tris, "Johanes Tri")["post"]) == ["Asisten III Pemkot Salatiga"]


def test_namesakes_written_in_full_alike_are_both_answered(db: Path):
    """No fuller form could tell two "Ahmad Yani" apart: both come back, one row each."""
    assert set(person_timeline(db, "Ahmad Yani")["post"]) == {"Camat Palu Barat", "Sekretaris Daerah Kabupaten Bogor"}
    with pytest.raises(AmbiguousName):
        person_timeline(db, "Ahmad")


def test_export_without_output_returns_the_table_in_every_format(db: Path):
    import io

    assert export_table(db, "persons", "json").splitlines()[0].startswith('{"id": ')
    data = export_table(db, "persons", "parquet")
    assert isinstance(data, bytes)
    assert len(pd.read_parquet(io.BytesIO(data))) == len(read_table(db, "persons"))
