"""Questions asked of a warta database, each answered as a pandas DataFrame.

who_met: the people a person met, with event, date, place and the article that says so.
person_timeline / person_articles: a person's posts in date order, and where they are named.
search: ranked full-text search over article titles and texts with highlighted snippets.
read_table / export_table: whole tables for researchers (CSV, JSON lines, Parquet).
"""

from __future__ import annotations

import json
import re
import sqlite3
from contextlib import closing
from functools import cache
from importlib import resources
from pathlib import Path

import pandas as pd

from .persons import fold, name_tokens, query_matches

DbLike = str | Path | sqlite3.Connection
EXPORT_FORMATS = ("csv", "json", "parquet")
_FTS_SHADOW = re.compile(r"_fts(_.*)?$")


class QueryError(ValueError):
    """A question that cannot be asked as given (no database, unknown table, bad search syntax)."""


def connect(db: DbLike) -> sqlite3.Connection:
    """A read-only connection to the database (or the connection given)."""
    if isinstance(db, sqlite3.Connection):
        return db
    path = Path(db)
    if not path.exists():
        raise QueryError(f"no database at {path}; build one with `warta index RECORDS.jsonl -o {path}`")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _frame(conn: sqlite3.Connection, sql: str, params: list | tuple = ()) -> pd.DataFrame:
    """The rows of a query as a DataFrame."""
    return pd.read_sql_query(sql, conn, params=list(params))


def _with_conn(db: DbLike):
    """A context manager giving a connection, closing it only when this module opened it."""
    conn = connect(db)
    return closing(conn) if not isinstance(db, sqlite3.Connection) else _NoClose(conn)


class _NoClose:
    """Context manager that hands back a caller's connection without closing it."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def __enter__(self) -> sqlite3.Connection:
        return self.conn

    def __exit__(self, *exc: object) -> None:
        return None


# --- persons -----------------------------------------------------------------------------

def find_persons(db: DbLike, name: str) -> list[int]:
    """Ids of the persons a typed name refers to: an exact known form first, else a shortened
    form or spelling variant, else (for one word) any person with that word in a name.
    "#12" names the person with id 12, for links that must not be ambiguous."""
    if re.fullmatch(r"#\d+", name.strip()):
        with _with_conn(db) as conn:
            found = conn.execute("SELECT id FROM persons WHERE id = ?", (int(name.strip()[1:]),)).fetchone()
        return [found[0]] if found else []
    key = " ".join(name_tokens(name))
    if not key:
        return []
    with _with_conn(db) as conn:
        rows = conn.execute("SELECT person_id, name, name_key FROM person_names ORDER BY person_id").fetchall()
    exact = sorted({pid for pid, _, k in rows if k == key})
    if exact:
        return exact
    return sorted({pid for pid, written, _ in rows if query_matches(name, written)})


def _person_names(conn: sqlite3.Connection, ids: list[int]) -> dict[int, str]:
    """Person id -> merged name."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return dict(conn.execute(f"SELECT id, name FROM persons WHERE id IN ({marks})", ids).fetchall())


WHO_MET_COLUMNS = ["person", "met", "met_as", "met_role", "role", "type", "event", "date", "place",
                   "title", "url", "article_id", "meeting_id", "evidence"]


def who_met(db: DbLike, name: str) -> pd.DataFrame:
    """The people NAME met: one row per other participant of each meeting, in date order."""
    with _with_conn(db) as conn:
        ids = find_persons(conn, name)
        unlinked = [(m, i) for m, i, n in conn.execute(
            "SELECT meeting_id, idx, name FROM meeting_participants WHERE person_id IS NULL").fetchall()
            if query_matches(name, n or "")]
        if not ids and not unlinked:
            return pd.DataFrame(columns=WHO_MET_COLUMNS)
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS _who (meeting_id TEXT, idx INTEGER)")
        conn.execute("DELETE FROM _who")
        marks = ",".join("?" * len(ids)) or "NULL"
        conn.execute(f"INSERT INTO _who SELECT meeting_id, idx FROM meeting_participants WHERE person_id IN ({marks})",
                     ids)
        conn.executemany("INSERT INTO _who VALUES (?, ?)", unlinked)
        frame = _frame(conn, f"""
            SELECT p.person_id AS person_id, p.name AS person_as, o.person_id AS met_id, o.name AS met_as,
                   o.role AS met_role, p.role AS role, m.type, m.event, m.resolved_date AS date, m.place,
                   a.title, a.url, a.id AS article_id, m.id AS meeting_id, m.evidence
            FROM _who w
            JOIN meeting_participants p ON p.meeting_id = w.meeting_id AND p.idx = w.idx
            JOIN meetings m ON m.id = p.meeting_id
            JOIN meeting_participants o ON o.meeting_id = p.meeting_id AND o.idx != p.idx
            JOIN articles a ON a.id = m.article_id
            WHERE o.person_id IS NULL OR o.person_id NOT IN ({marks})
            ORDER BY m.resolved_date IS NULL, m.resolved_date, a.id, m.idx, o.idx""", ids)
        names = _person_names(conn, sorted({int(i) for i in frame["person_id"].dropna()}
                                           | {int(i) for i in frame["met_id"].dropna()}))
        conn.execute("DROP TABLE _who")
    frame["person"] = _named(frame["person_id"], frame["person_as"], names)
    frame["met"] = _named(frame["met_id"], frame["met_as"], names)
    frame["evidence"] = [_first_span_text(e) for e in frame["evidence"]]
    frame = frame.drop_duplicates(subset=["meeting_id", "met"])
    return frame[WHO_MET_COLUMNS].reset_index(drop=True)


def _named(ids: pd.Series, written: pd.Series, names: dict[int, str]) -> list[str]:
    """The merged person's name where a row is linked to a person, else the name as written."""
    return [names.get(int(i), n) if pd.notna(i) else n for i, n in zip(ids, written, strict=True)]


def _first_span_text(evidence: str | None) -> str | None:
    """The text of the first evidence span, from its JSON column."""
    spans = json.loads(evidence or "[]")
    return spans[0].get("text") if spans else None


@cache
def acting_forms() -> dict[str, str]:
    """Acting abbreviations -> their expansions (Plt. -> Pelaksana Tugas)."""
    text = resources.files("pipeline").joinpath("data", "persons_acting.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {abbreviation: expansion for abbreviation, expansion in rows[1:]}


def post_label(acting: str | None, normalized: str | None, title: str | None, region: str | None) -> str:
    """A post as one readable label: "Plt. Wali Kota Bekasi" (region added unless already said)."""
    words = (normalized or title or "").split()
    if acting:
        # Drop the capacity however the title spells it, then say it once, abbreviated.
        for form in (acting, acting_forms().get(acting, acting)):
            if fold(" ".join(words)).startswith(fold(form) + " "):
                words = words[len(form.split()):]
        words = [acting, *words]
    region_words = (region or "").split()
    folded = [fold(w) for w in words]
    if region_words and " ".join(fold(w) for w in region_words) not in " ".join(folded):
        # "Wali Kota" + "Kota Bekasi" -> "Wali Kota Bekasi": skip the region words already said last.
        overlap = max((k for k in range(len(region_words) + 1)
                       if [fold(w) for w in region_words[:k]] == folded[len(folded) - k:]), default=0)
        words = [*words, *region_words[overlap:]]
    return " ".join(words)


TIMELINE_COLUMNS = ["person", "post", "since", "until", "n_articles", "acting", "region", "articles", "first_title",
                    "first_url"]


def person_timeline(db: DbLike, name: str) -> pd.DataFrame:
    """A person's posts in date order: one row per post with the first and last dates it is seen."""
    with _with_conn(db) as conn:
        ids = find_persons(conn, name)
        if not ids:
            return pd.DataFrame(columns=TIMELINE_COLUMNS)
        marks = ",".join("?" * len(ids))
        conn.row_factory = sqlite3.Row
        rows = conn.execute(f"""
            SELECT pos.person_id, pos.title, pos.normalized, pos.region, pos.acting, pos.date, pos.article_id,
                   a.title AS article_title, a.url
            FROM positions pos JOIN articles a ON a.id = pos.article_id
            WHERE pos.person_id IN ({marks})
            ORDER BY pos.date IS NULL, pos.date, pos.article_id, pos.official_id, pos.idx""", ids).fetchall()
        conn.row_factory = None
        names = _person_names(conn, ids)
    posts: dict[tuple, dict] = {}
    for row in rows:
        label = post_label(row["acting"], row["normalized"], row["title"], row["region"])
        key = (row["person_id"], fold(label))
        post = posts.setdefault(key, {
            "person": names.get(row["person_id"]), "post": label, "since": row["date"], "until": row["date"],
            "n_articles": 0, "acting": row["acting"], "region": row["region"], "articles": [],
            "first_title": row["article_title"], "first_url": row["url"],
        })
        if row["article_id"] not in post["articles"]:
            post["articles"].append(row["article_id"])
            post["n_articles"] += 1
        if row["date"] and (not post["until"] or row["date"] > post["until"]):
            post["until"] = row["date"]
    frame = pd.DataFrame(list(posts.values()), columns=TIMELINE_COLUMNS)
    frame["articles"] = [", ".join(a) for a in frame["articles"]]
    frame["_undated"] = frame["since"].isna()
    frame = frame.sort_values(["_undated", "since", "person"], kind="stable").drop(columns="_undated")
    return frame.reset_index(drop=True)


def person(db: DbLike, name: str) -> pd.DataFrame:
    """The positions timeline of the person NAME (see person_timeline)."""
    return person_timeline(db, name)


def person_articles(db: DbLike, name: str) -> pd.DataFrame:
    """The articles that name the person, in date order, with the name and titles used there."""
    with _with_conn(db) as conn:
        ids = find_persons(conn, name)
        marks = ",".join("?" * len(ids)) or "NULL"
        return _frame(conn, f"""
            SELECT p.name AS person, a.date, a.id AS article_id, a.title, a.outlet, a.url, o.name AS named_as,
                   o.titles, o.n_mentions
            FROM officials o JOIN articles a ON a.id = o.article_id JOIN persons p ON p.id = o.person_id
            WHERE o.person_id IN ({marks})
            ORDER BY a.date IS NULL, a.date, a.id""", ids)


def person_merges(db: DbLike, name: str) -> pd.DataFrame:
    """Why each mention of the person was merged (or kept apart from a namesake)."""
    with _with_conn(db) as conn:
        ids = find_persons(conn, name)
        marks = ",".join("?" * len(ids)) or "NULL"
        return _frame(conn, f"SELECT * FROM person_merges WHERE person_id IN ({marks}) "
                            "ORDER BY person_id, article_id", ids)


# --- search ------------------------------------------------------------------------------

SEARCH_COLUMNS = ["rank", "article_id", "title", "outlet", "date", "url", "snippet", "score"]


def fts_query(text: str) -> str:
    """A user's words as a safe FTS5 query: every word required, each quoted."""
    words = re.findall(r"[\w’'-]+", text)
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def search(db: DbLike, query: str, since: str | None = None, until: str | None = None,
           outlet: str | None = None, person_name: str | None = None, limit: int = 20,
           raw: bool = False, mark: tuple[str, str] = ("[", "]")) -> pd.DataFrame:
    """Articles matching QUERY, best first (title words weigh more), with a highlighted snippet.

    since/until compare with the article's date (ISO, inclusive); outlet matches part of the
    outlet name; person_name keeps articles that name that person. raw passes FTS5 syntax through."""
    match = query if raw else fts_query(query)
    if not match:
        return pd.DataFrame(columns=SEARCH_COLUMNS)
    where, params = ["articles_fts MATCH ?"], [mark[0], mark[1], match]
    if since:
        where.append("a.date >= ?")
        params.append(since)
    if until:
        where.append("substr(a.date, 1, ?) <= ?")
        params += [len(until), until]
    if outlet:
        where.append("a.outlet LIKE ?")
        params.append(f"%{outlet}%")
    with _with_conn(db) as conn:
        if person_name:
            ids = find_persons(conn, person_name)
            where.append(f"a.id IN (SELECT article_id FROM officials WHERE person_id IN "
                         f"({','.join('?' * len(ids)) or 'NULL'}))")
            params += ids
        try:
            frame = _frame(conn, f"""
                SELECT a.id AS article_id, a.title, a.outlet, a.date, a.url,
                       snippet(articles_fts, -1, ?, ?, '…', 20) AS snippet,
                       bm25(articles_fts, 5.0, 1.0) AS score
                FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
                WHERE {' AND '.join(where)}
                ORDER BY score, a.id LIMIT ?""", [*params, limit])
        except pd.errors.DatabaseError as exc:
            raise QueryError(f"cannot search for {query!r}: {exc.__cause__ or exc}") from exc
    frame.insert(0, "rank", range(1, len(frame) + 1))
    frame["snippet"] = [" ".join(s.split()) if isinstance(s, str) else s for s in frame["snippet"]]
    return frame[SEARCH_COLUMNS]


# --- tables ------------------------------------------------------------------------------

def table_names(db: DbLike) -> list[str]:
    """The data tables of the database (not the full-text index's own tables)."""
    with _with_conn(db) as conn:
        names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return [n for n in names if not _FTS_SHADOW.search(n) and not n.startswith("sqlite_")]


def read_table(db: DbLike, table: str) -> pd.DataFrame:
    """A whole table as a DataFrame."""
    known = table_names(db)
    if table not in known:
        raise QueryError(f"no table {table!r}; tables: {', '.join(known)}")
    with _with_conn(db) as conn:
        # Nullable dtypes keep integer columns with gaps as integers in CSV and Parquet.
        return pd.read_sql_query(f"SELECT * FROM [{table}]", conn, dtype_backend="numpy_nullable")


def export_table(db: DbLike, table: str, fmt: str = "csv", output: str | Path | None = None) -> Path | str:
    """Write a table as CSV, JSON lines or Parquet to output; CSV/JSON text is returned when
    output is None, and Parquet then goes to TABLE.parquet."""
    if fmt not in EXPORT_FORMATS:
        raise QueryError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    frame = read_table(db, table)
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError as exc:
            raise QueryError("Parquet export needs pyarrow: pip install 'warta[parquet]'") from exc
        path = Path(output or f"{table}.parquet")
        frame.to_parquet(path, index=False)
        return path
    text = frame.to_csv(index=False) if fmt == "csv" else frame.to_json(orient="records", lines=True,
                                                                         force_ascii=False)
    if output is None:
        return text
    Path(output).write_text(text, encoding="utf-8")
    return Path(output)
