"""Questions asked of a warta database.

who_met: the people a person met, with event, date, place and the article that says so.
person_timeline / person_articles: a person's posts in date order, and where they are named.
search: ranked full-text search over article titles and texts with highlighted snippets.
read_table / export_table: whole tables for researchers (CSV, JSON lines, Parquet).

Each question is answered twice over: `who_met` etc. return a pandas DataFrame for notebooks,
`who_met_rows` etc. the same rows as plain dicts. The command line uses the rows, so the query
verbs never import pandas and start at once.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
import warnings
from collections import defaultdict
from contextlib import closing
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from .persons import fold, name_tokens, query_matches

if TYPE_CHECKING:
    import pandas as pd

DbLike = str | Path | sqlite3.Connection
Rows = list[dict]
EXPORT_FORMATS = ("csv", "json", "parquet")
# snippet() costs grow with the square of a query's terms (2,000 terms: 47 s); the snippet is
# highlighted for the first SNIPPET_TERMS of them, the ranking still uses them all.
SNIPPET_TERMS = 32
_FTS_SHADOW = re.compile(r"_fts(_.*)?$")
_FTS_OPERATORS = {"AND", "OR", "NOT", "NEAR"}


class QueryError(ValueError):
    """A question that cannot be asked as given (no database, unknown table, bad search syntax)."""


class AmbiguousName(QueryError):
    """A partial name that fits several people; `candidates` says who they are (person, posts, n_articles)."""

    def __init__(self, name: str, candidates: Rows):
        self.name = name
        self.candidates = candidates
        who = "; ".join(f"{c['person']} ({c['posts'] or 'no post known'}, {c['n_articles']} articles)"
                        for c in candidates)
        super().__init__(f"{name!r} may mean {len(candidates)} people: {who}. Give a fuller form of the name.")


def connect(db: DbLike) -> sqlite3.Connection:
    """A read-only connection to the database (or the connection given)."""
    if isinstance(db, sqlite3.Connection):
        return db
    path = Path(db)
    if not path.exists():
        raise QueryError(f"no database at {path}; build one with `warta index RECORDS.jsonl -o {path}`")
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _rows(conn: sqlite3.Connection, sql: str, params: list | tuple = ()) -> Rows:
    """The rows of a query as dicts keyed by column name."""
    cursor = conn.execute(sql, list(params))
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def as_frame(rows: Rows, columns: list[str]) -> pd.DataFrame:
    """Rows as a DataFrame with the given columns (pandas is imported only here)."""
    import pandas as pd

    return pd.DataFrame(rows, columns=columns)


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


def _marks(ids: list) -> str:
    """SQL placeholders for an IN list (NULL for none, which matches nothing)."""
    return ",".join("?" * len(ids)) or "NULL"


# --- persons -----------------------------------------------------------------------------

def _name_key(name: str) -> str:
    """The name as index key, refusing a query with no name in it."""
    if not name.strip():
        raise QueryError("empty query: give a person's name")
    key = " ".join(name_tokens(name))
    if not key:
        raise QueryError(f"no name to look up in {name!r}")
    return key


def _matching_persons(conn: sqlite3.Connection, name: str) -> tuple[list[int], bool]:
    """Ids of the persons a typed name refers to, and whether they matched a known form exactly."""
    if re.fullmatch(r"#\d+", name.strip()):  # a person id, as the web pages link candidates
        found = conn.execute("SELECT id FROM persons WHERE id = ?", (int(name.strip()[1:]),)).fetchone()
        return ([found[0]] if found else []), True
    key = _name_key(name)
    rows = conn.execute("SELECT person_id, name, name_key FROM person_names ORDER BY person_id").fetchall()
    exact = sorted({pid for pid, _, k in rows if k == key})
    if exact:
        return exact, True
    return sorted({pid for pid, written, _ in rows if query_matches(name, written)}), False


def find_persons(db: DbLike, name: str) -> list[int]:
    """Ids of the persons a typed name refers to: an exact known form first, else a shortened
    form or spelling variant, else (for one word) any person with that word in a name.
    "#12" names the person with id 12, for links that must not be ambiguous."""
    with _with_conn(db) as conn:
        return _matching_persons(conn, name)[0]


def resolve_persons(db: DbLike, name: str) -> list[int]:
    """find_persons, refusing a name that fits several people only in part ("Tri" for Tri Adhianto
    and Johanes Tri Priyo Nugroho) with AmbiguousName. Namesakes written in full alike ("Ahmad Yani"
    twice, with different posts) are all returned: no fuller form could tell them apart."""
    with _with_conn(db) as conn:
        ids, exact = _matching_persons(conn, name)
        if len(ids) > 1 and not (exact and len(name_tokens(name)) > 1):
            raise AmbiguousName(name, person_candidates(conn, ids))
    return ids


def person_candidates(db: DbLike, ids: list[int]) -> Rows:
    """Who each person is, to choose among them: name, posts in date order, number of articles."""
    with _with_conn(db) as conn:
        names = _person_names(conn, ids)
        posts: dict[int, list[str]] = defaultdict(list)
        for row in _rows(conn, f"SELECT person_id, title, normalized, region, acting FROM positions "
                               f"WHERE person_id IN ({_marks(ids)}) ORDER BY date IS NULL, date", ids):
            label = post_label(row["acting"], row["normalized"], row["title"], row["region"])
            if label and label not in posts[row["person_id"]]:
                posts[row["person_id"]].append(label)
        counts = dict(conn.execute(f"SELECT person_id, COUNT(DISTINCT article_id) FROM officials "
                                   f"WHERE person_id IN ({_marks(ids)}) GROUP BY person_id", ids).fetchall())
    candidates = [{"person": names.get(i), "posts": "; ".join(posts[i]), "n_articles": counts.get(i, 0)}
                  for i in ids]
    return sorted(candidates, key=lambda c: -c["n_articles"])


def _person_names(conn: sqlite3.Connection, ids: list[int]) -> dict[int, str]:
    """Person id -> merged name."""
    if not ids:
        return {}
    return dict(conn.execute(f"SELECT id, name FROM persons WHERE id IN ({_marks(ids)})", ids).fetchall())


WHO_MET_COLUMNS = ["person", "met", "met_as", "met_role", "role", "type", "event", "date", "place",
                   "title", "url", "article_id", "meeting_id", "evidence"]


def who_met_rows(db: DbLike, name: str) -> Rows:
    """The people NAME met: one row per other participant of each meeting, in date order."""
    with _with_conn(db) as conn:
        ids = resolve_persons(conn, name)
        unlinked = [(m, i) for m, i, n in conn.execute(
            "SELECT meeting_id, idx, name FROM meeting_participants WHERE person_id IS NULL").fetchall()
            if query_matches(name, n or "")]
        if not ids and not unlinked:
            return []
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS _who (meeting_id TEXT, idx INTEGER)")
        conn.execute("DELETE FROM _who")
        conn.execute(f"INSERT INTO _who SELECT meeting_id, idx FROM meeting_participants "
                     f"WHERE person_id IN ({_marks(ids)})", ids)
        conn.executemany("INSERT INTO _who VALUES (?, ?)", unlinked)
        rows = _rows(conn, f"""
            SELECT p.person_id AS person_id, p.name AS person_as, o.person_id AS met_id, o.name AS met_as,
                   o.role AS met_role, p.role AS role, m.type, m.event, m.resolved_date AS date, m.place,
                   a.title, a.url, a.id AS article_id, m.id AS meeting_id, m.evidence
            FROM _who w
            JOIN meeting_participants p ON p.meeting_id = w.meeting_id AND p.idx = w.idx
            JOIN meetings m ON m.id = p.meeting_id
            JOIN meeting_participants o ON o.meeting_id = p.meeting_id AND o.idx != p.idx
            JOIN articles a ON a.id = m.article_id
            WHERE o.person_id IS NULL OR o.person_id NOT IN ({_marks(ids)})
            ORDER BY m.resolved_date IS NULL, m.resolved_date, a.id, m.idx, o.idx""", ids)
        names = _person_names(conn, sorted({r["person_id"] for r in rows if r["person_id"] is not None}
                                           | {r["met_id"] for r in rows if r["met_id"] is not None}))
        conn.execute("DROP TABLE _who")
    out, seen = [], set()
    for row in rows:
        row["person"] = names.get(row["person_id"], row["person_as"])
        row["met"] = names.get(row["met_id"], row["met_as"])
        row["evidence"] = _first_span_text(row["evidence"])
        if (row["meeting_id"], row["met"]) not in seen:
            seen.add((row["meeting_id"], row["met"]))
            out.append({column: row[column] for column in WHO_MET_COLUMNS})
    return out


def who_met(db: DbLike, name: str) -> pd.DataFrame:
    """The people NAME met (see who_met_rows) as a DataFrame."""
    return as_frame(who_met_rows(db, name), WHO_MET_COLUMNS)


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
    said = " ".join(folded)
    # "Camat Palu Barat" already names "Kecamatan Palu Barat": the region less its kind of area is said.
    named = [" ".join(fold(w) for w in region_words[k:]) for k in range(min(len(region_words), 2))]
    if region_words and not any(f" {name} " in f" {said} " for name in named if name):
        # "Wali Kota" + "Kota Bekasi" -> "Wali Kota Bekasi": skip the region words already said last.
        overlap = max((k for k in range(len(region_words) + 1)
                       if [fold(w) for w in region_words[:k]] == folded[len(folded) - k:]), default=0)
        words = [*words, *region_words[overlap:]]
    return " ".join(words)


TIMELINE_COLUMNS = ["person", "post", "since", "until", "n_articles", "acting", "region", "articles", "first_title",
                    "first_url"]


def person_timeline_rows(db: DbLike, name: str) -> Rows:
    """A person's posts in date order: one row per post with the first and last dates it is seen."""
    with _with_conn(db) as conn:
        ids = resolve_persons(conn, name)
        rows = _rows(conn, f"""
            SELECT pos.person_id, pos.title, pos.normalized, pos.region, pos.acting, pos.date, pos.article_id,
                   a.title AS article_title, a.url
            FROM positions pos JOIN articles a ON a.id = pos.article_id
            WHERE pos.person_id IN ({_marks(ids)})
            ORDER BY pos.date IS NULL, pos.date, pos.article_id, pos.official_id, pos.idx""", ids)
        names = _person_names(conn, ids)
    posts: dict[tuple, dict] = {}
    for row in rows:
        label = post_label(row["acting"], row["normalized"], row["title"], row["region"])
        post = posts.setdefault((row["person_id"], fold(label)), {
            "person": names.get(row["person_id"]), "post": label, "since": row["date"], "until": row["date"],
            "n_articles": 0, "acting": row["acting"], "region": row["region"], "articles": [],
            "first_title": row["article_title"], "first_url": row["url"],
        })
        if row["article_id"] not in post["articles"]:
            post["articles"].append(row["article_id"])
            post["n_articles"] += 1
        if row["date"] and (not post["until"] or row["date"] > post["until"]):
            post["until"] = row["date"]
    timeline = [{**post, "articles": ", ".join(post["articles"])} for post in posts.values()]
    return sorted(timeline, key=lambda p: (p["since"] is None, p["since"] or "", p["person"] or ""))


def person_timeline(db: DbLike, name: str) -> pd.DataFrame:
    """A person's posts in date order (see person_timeline_rows) as a DataFrame."""
    return as_frame(person_timeline_rows(db, name), TIMELINE_COLUMNS)


def person(db: DbLike, name: str) -> pd.DataFrame:
    """The positions timeline of the person NAME (see person_timeline)."""
    return person_timeline(db, name)


PERSON_ARTICLES_COLUMNS = ["person", "date", "article_id", "title", "outlet", "url", "named_as", "titles",
                           "n_mentions"]


def person_articles_rows(db: DbLike, name: str) -> Rows:
    """The articles that name the person, in date order, with the name and titles used there."""
    with _with_conn(db) as conn:
        ids = resolve_persons(conn, name)
        return _rows(conn, f"""
            SELECT p.name AS person, a.date, a.id AS article_id, a.title, a.outlet, a.url, o.name AS named_as,
                   o.titles, o.n_mentions
            FROM officials o JOIN articles a ON a.id = o.article_id JOIN persons p ON p.id = o.person_id
            WHERE o.person_id IN ({_marks(ids)})
            ORDER BY a.date IS NULL, a.date, a.id""", ids)


def person_articles(db: DbLike, name: str) -> pd.DataFrame:
    """The articles that name the person (see person_articles_rows) as a DataFrame."""
    return as_frame(person_articles_rows(db, name), PERSON_ARTICLES_COLUMNS)


def person_merges_rows(db: DbLike, name: str) -> Rows:
    """Why each mention of the person was merged (or kept apart from a namesake)."""
    with _with_conn(db) as conn:
        ids = resolve_persons(conn, name)
        return _rows(conn, f"SELECT * FROM person_merges WHERE person_id IN ({_marks(ids)}) "
                           "ORDER BY person_id, article_id", ids)


def person_merges(db: DbLike, name: str) -> pd.DataFrame:
    """Why each mention of the person was merged (see person_merges_rows) as a DataFrame."""
    rows = person_merges_rows(db, name)
    return as_frame(rows, list(rows[0]) if rows else [])


# --- search ------------------------------------------------------------------------------

SEARCH_COLUMNS = ["rank", "article_id", "title", "outlet", "date", "url", "snippet", "score"]
_SEARCH_WORD = re.compile(r"[\w’'-]+\*?")


def _fts_string(word: str) -> str:
    """One word as a quoted FTS5 string; a trailing * keeps it a prefix ("Beka*")."""
    prefix = word.endswith("*")
    return '"' + word.rstrip("*").replace('"', '""') + '"' + ("*" if prefix else "")


def fts_query(text: str) -> str:
    """A user's words as a safe FTS5 query: every word required, each quoted; "Beka*" a prefix."""
    return " ".join(_fts_string(w) for w in _SEARCH_WORD.findall(text))


def search_terms(text: str) -> list[str]:
    """The words of a query (plain or FTS5 syntax, without its operators) as FTS5 strings."""
    return [_fts_string(w) for w in _SEARCH_WORD.findall(text) if w.rstrip("*") not in _FTS_OPERATORS]


def search_rows(db: DbLike, query: str, since: str | None = None, until: str | None = None,
                outlet: str | None = None, person: str | None = None, limit: int = 20,
                raw: bool = False, mark: tuple[str, str] = ("[", "]"), *, person_name: str | None = None) -> Rows:
    """Articles matching QUERY, best first (title words weigh more), with a highlighted snippet.

    since/until compare with the article's date (ISO, inclusive); outlet matches part of the
    outlet name; person keeps articles that name that person (person_name is its old spelling,
    deprecated). raw passes FTS5 syntax through; prefixes ("Beka*") work either way."""
    if person_name is not None:
        warnings.warn("search(person_name=...) is deprecated; use person=", DeprecationWarning, stacklevel=3)
        person = person or person_name
    if not query.strip():
        raise QueryError("empty query: give words to search for")
    match = query if raw else fts_query(query)
    if not match:
        raise QueryError(f"no words to search for in {query!r}")
    where, params = ["articles_fts MATCH ?"], [match]
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
        if person:
            ids = resolve_persons(conn, person)
            where.append(f"a.id IN (SELECT article_id FROM officials WHERE person_id IN ({_marks(ids)}))")
            params += ids
        try:
            rows = _rows(conn, f"""
                SELECT a.rowid AS _rowid, a.id AS article_id, a.title, a.outlet, a.date, a.url,
                       bm25(articles_fts, 5.0, 1.0) AS score
                FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
                WHERE {' AND '.join(where)}
                ORDER BY score, a.id LIMIT ?""", [*params, limit])
        except sqlite3.Error as exc:
            raise QueryError(f"cannot search for {query!r}: {exc}") from exc
        terms = search_terms(query)[:SNIPPET_TERMS]
        for rank, row in enumerate(rows, 1):
            row["rank"] = rank
            row["snippet"] = _snippet(conn, row.pop("_rowid"), terms, mark)
    return [{column: row[column] for column in SEARCH_COLUMNS} for row in rows]


def _snippet(conn: sqlite3.Connection, rowid: int, terms: list[str], mark: tuple[str, str]) -> str:
    """Some twenty words of the article around the query's first terms, highlighted; the text's
    opening words when none of them occurs (a raw query that matched by NOT or NEAR only)."""
    found = conn.execute(
        "SELECT snippet(articles_fts, -1, ?, ?, '…', 20) FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?",
        [mark[0], mark[1], " OR ".join(terms), rowid]).fetchone() if terms else None
    if found and found[0]:
        return " ".join(found[0].split())
    (text,) = conn.execute("SELECT coalesce(text, '') FROM articles WHERE rowid = ?", [rowid]).fetchone()
    words = text.split()
    return " ".join(words[:20]) + ("…" if len(words) > 20 else "")


def search(db: DbLike, query: str, since: str | None = None, until: str | None = None,
           outlet: str | None = None, person: str | None = None, limit: int = 20,
           raw: bool = False, mark: tuple[str, str] = ("[", "]"), *, person_name: str | None = None) -> pd.DataFrame:
    """Articles matching QUERY (see search_rows) as a DataFrame."""
    rows = search_rows(db, query, since=since, until=until, outlet=outlet, person=person, limit=limit, raw=raw,
                       mark=mark, person_name=person_name)
    return as_frame(rows, SEARCH_COLUMNS)


# --- tables ------------------------------------------------------------------------------

def table_names(db: DbLike) -> list[str]:
    """The data tables of the database (not the full-text index's own tables)."""
    with _with_conn(db) as conn:
        names = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
    return [n for n in names if not _FTS_SHADOW.search(n) and not n.startswith("sqlite_")]


def _known_table(db: DbLike, table: str) -> str:
    """The table's name, or a QueryError listing the tables there are."""
    known = table_names(db)
    if table not in known:
        raise QueryError(f"no table {table!r}; tables: {', '.join(known)}")
    return table


def read_table(db: DbLike, table: str) -> pd.DataFrame:
    """A whole table as a DataFrame."""
    import pandas as pd

    _known_table(db, table)
    with _with_conn(db) as conn:
        # Nullable dtypes keep integer columns with gaps as integers in CSV and Parquet.
        return pd.read_sql_query(f"SELECT * FROM [{table}]", conn, dtype_backend="numpy_nullable")


def table_text(db: DbLike, table: str, fmt: str) -> str:
    """A whole table as CSV text or JSON lines, read without pandas."""
    _known_table(db, table)
    with _with_conn(db) as conn:
        cursor = conn.execute(f"SELECT * FROM [{table}]")
        columns = [column[0] for column in cursor.description]
        rows = cursor.fetchall()
    if fmt == "json":
        return "".join(json.dumps(dict(zip(columns, row, strict=True)), ensure_ascii=False) + "\n" for row in rows)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()


def export_table(db: DbLike, table: str, fmt: str = "csv", output: str | Path | None = None) -> Path | str | bytes:
    """Write a table as CSV, JSON lines or Parquet to output and return its path; without
    output, return the table itself: CSV or JSON text, Parquet bytes."""
    if fmt not in EXPORT_FORMATS:
        raise QueryError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
    if fmt == "parquet":
        data = _parquet_bytes(db, table)
        if output is None:
            return data
        Path(output).write_bytes(data)
        return Path(output)
    text = table_text(db, table, fmt)
    if output is None:
        return text
    Path(output).write_text(text, encoding="utf-8")
    return Path(output)


def _parquet_bytes(db: DbLike, table: str) -> bytes:
    """A table as a Parquet file's bytes."""
    try:
        import pyarrow  # noqa: F401
    except ImportError as exc:
        raise QueryError("Parquet export needs pyarrow: pip install 'warta[parquet]'") from exc
    buffer = io.BytesIO()
    read_table(db, table).to_parquet(buffer, index=False)
    return buffer.getvalue()
