"""The index's corpus-wide pass as a stream: officials read article by article, persons merged
as they come, dates and participant links written a page at a time, with the same result."""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path

import pytest
import sqlite_utils

from pipeline import index_derive
from pipeline.index import index_records
from pipeline.index_derive import official_mentions

from .index_fixtures import RAPAT, edited, meeting, sample_records, sorted_rows


def corpus() -> list[dict]:
    """The sample articles twice (the copy under new ids), and a third Rapat article whose
    officials miss Reny Hendrawaty while its meeting names her: a participant linked by name."""
    copies = []
    for rec in sample_records():
        again = copy.deepcopy(rec)
        again["id"] = f"{rec['id']}-lagi"
        copies.append(again)
    missed = next(copy.deepcopy(r) for r in sample_records() if r["id"] == "rapat-2022")
    missed["id"] = "rapat-2022-ulang"
    missed["officials"] = missed["officials"][:2]
    missed["meetings"] = [meeting(RAPAT, "rapat", [("Tri Adhianto Tjahyono", "host"), ("Reny Hendrawaty", "attendee")],
                                  "2022-01-12", "Aula Rapat Nonon Sontani", "pimpin rapat perencanaan pembangunan")]
    return [*sample_records(), *copies, missed]


def table_rows(path: Path) -> dict[str, list[tuple]]:
    """The derived tables and every derived column, sorted, to compare two databases."""
    queries = {
        "persons": "SELECT * FROM persons", "person_names": "SELECT * FROM person_names",
        "person_merges": "SELECT * FROM person_merges", "officials": "SELECT id, person_id FROM officials",
        "positions": "SELECT official_id, idx, person_id, date, date_source FROM positions",
        "participants": "SELECT meeting_id, idx, person_id FROM meeting_participants",
        "articles": "SELECT id, date, date_source FROM articles", "meetings": "SELECT id, resolved_date FROM meetings",
    }
    return sorted_rows(path, queries)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "warta.db"
    index_records(corpus(), path)
    return path


def test_officials_come_article_by_article_with_their_article_context(tmp_path: Path):
    path = tmp_path / "warta.db"
    index_records(edited(sample_records(), "bogor-banjir", dateline={"place": "CIBINONG"}), path)
    streamed = list(official_mentions(sqlite_utils.Database(path)))
    articles = [m.article_id for m, _ in streamed]
    assert articles == sorted(articles)  # each article's officials together, in article order
    audiensi = {m.name: m for m, _ in streamed if m.article_id == "audiensi-2017"}
    assert list(audiensi) == ["Rahmat Effendi", "Sandiaga Salahudin Uno", "Koswara", "Tri Adhianto"]
    # Tri Adhianto's post here (Kepala Dinas PUPR) names no place; the other officials' posts do.
    assert audiensi["Tri Adhianto"].places == set()
    assert audiensi["Tri Adhianto"].context == {"bekasi", "jakarta", "bappeda"}
    assert audiensi["Tri Adhianto"].context is audiensi["Rahmat Effendi"].context
    assert audiensi["Sandiaga Salahudin Uno"].aliases == ["Sandiaga Uno"]
    (bogor,) = [m for m, _ in streamed if m.article_id == "bogor-banjir"]
    assert bogor.context == {"bogor", "cibinong"}  # the dateline place joins the article's context
    assert bogor.held == [("2023-03-06", "Sekretaris Daerah Kabupaten Bogor")]


def test_one_career_over_seven_articles_is_one_person_and_namesakes_stay_two(db: Path):
    conn = sqlite3.connect(db)
    tri = conn.execute("SELECT DISTINCT person_id FROM officials WHERE name LIKE 'Tri Adhianto%'").fetchall()
    yani = conn.execute("SELECT DISTINCT person_id FROM officials WHERE name = 'Ahmad Yani'").fetchall()
    assert len(tri) == 1  # three articles, their copies and the repeated Rapat: one career
    assert len(yani) == 2  # Palu and Bogor, each article twice
    (n_articles,) = conn.execute("SELECT n_articles FROM persons WHERE id = ?", tri[0]).fetchone()
    assert n_articles == 7


def test_person_aggregates_are_those_of_their_linked_rows(db: Path):
    conn = sqlite3.connect(db)
    for pid, latest, first, last, n_articles in conn.execute(
            "SELECT id, latest_title, first_date, last_date, n_articles FROM persons"):
        held = sorted(conn.execute("SELECT coalesce(date, ''), coalesce(normalized, title, '') FROM positions "
                                   "WHERE person_id = ?", (pid,)).fetchall())
        dated = [d for d, _ in held if d]
        assert latest == held[-1][1]
        assert (first, last) == (min(dated), max(dated))
        (articles,) = conn.execute("SELECT count(DISTINCT article_id) FROM officials WHERE person_id = ?",
                                   (pid,)).fetchone()
        assert n_articles == articles
    assert conn.execute("SELECT count(*) FROM officials o JOIN person_merges m ON m.official_id = o.id "
                        "WHERE m.person_id IS NOT o.person_id").fetchone() == (0,)


def test_a_participant_missing_from_its_article_officials_is_linked_by_name(db: Path):
    conn = sqlite3.connect(db)
    linked = conn.execute("SELECT p.person_id, pe.name FROM meeting_participants p JOIN persons pe "
                          "ON pe.id = p.person_id WHERE p.meeting_id = 'rapat-2022-ulang#m0' AND p.official_id IS NULL"
                          ).fetchall()
    assert [name for _, name in linked] == ["Reny Hendrawaty"]


def test_pages_of_one_give_the_same_database(db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(index_derive, "DATES_PAGE", 1)
    monkeypatch.setattr(index_derive, "LINK_BATCH", 1)
    paged = tmp_path / "paged.db"
    index_records(corpus(), paged)
    assert table_rows(paged) == table_rows(db)
    assert table_rows(db)["articles"][0] == ("audiensi-2017", "2017-12-05", "text")

