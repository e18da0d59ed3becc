"""Records into a searchable SQLite database: articles, persons, positions, meetings and more.

Indexing is incremental and idempotent: each article row keeps a hash of its record, an
unchanged record is skipped, a changed one replaces its own rows. Work happens on a copy of
the database that is renamed over the old one only when complete, so an interrupted run
leaves the previous database as it was. Cross-article tables (persons, person_names,
person_merges) and resolved dates are derived again from the whole database after a change.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import sqlite3
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import sqlite_utils

# Re-exported: the date helpers were part of this module's API before the split.
from .index_derive import DERIVED_TABLES, day_date, derive, meeting_date, partial_with_weekday, year_from_weekday  # noqa: F401
from .index_input import RecordProblem, check_record_files, read_records, record_hash, record_problem
from .lock import apply_umask, exclusive
from .persons import link_in_article

log = logging.getLogger(__name__)

# Bumped when the tables change shape; an older database must be rebuilt (--rebuild).
INDEX_VERSION = "3"
DEFAULT_DB = "outputs/warta.db"  # the same as cli/index.py says (a test checks)
# Records whose rows are written at once: memory stays flat however many records come in.
INSERT_BATCH = 500


# table -> (columns with SQLite types, primary key, foreign keys). Declared up front so an
# empty table still has every column (Datasette facets and the metadata test rely on it).
TABLES: dict[str, tuple[dict[str, type], str | tuple[str, ...], list[tuple[str, str, str]]]] = {
    "articles": ({
        "id": str, "url": str, "title": str, "outlet": str, "published": str, "date": str,
        "date_source": str, "dateline_place": str, "source_file": str, "words": int,
        "n_officials": int, "n_meetings": int, "warnings": str, "text": str, "boilerplate": str, "record_hash": str,
    }, "id", []),
    "persons": ({
        "id": int, "key": str, "name": str, "latest_title": str, "first_date": str, "last_date": str,
        "n_articles": int, "n_names": int,
    }, "id", []),
    "person_names": ({"person_id": int, "name": str, "name_key": str, "n": int},
                     ("person_id", "name"), [("person_id", "persons", "id")]),
    "person_merges": ({
        "official_id": str, "article_id": str, "person_id": int, "name": str, "decision": str,
        "reason": str, "matched_name": str, "score": float, "kept_apart_from": int, "kept_apart_reason": str,
    }, "official_id", [("official_id", "officials", "id"), ("article_id", "articles", "id"),
                       ("person_id", "persons", "id"), ("kept_apart_from", "persons", "id")]),
    "officials": ({
        "id": str, "article_id": str, "idx": int, "person_id": int, "name": str, "titles": str,
        "aliases": str, "honorifics": str, "degrees": str, "mentions": str, "n_mentions": int,
        "start": int, "end": int,
    }, "id", [("article_id", "articles", "id"), ("person_id", "persons", "id")]),
    "positions": ({
        "official_id": str, "idx": int, "article_id": str, "person_id": int, "title": str,
        "normalized": str, "region": str, "acting": str, "date": str, "date_source": str,
        "start": int, "end": int,
    }, ("official_id", "idx"), [("official_id", "officials", "id"), ("article_id", "articles", "id"),
                                ("person_id", "persons", "id")]),
    "meetings": ({
        "id": str, "article_id": str, "idx": int, "type": str, "event": str, "date": str,
        "date_text": str, "resolved_date": str, "place": str, "evidence": str, "start": int, "end": int,
    }, "id", [("article_id", "articles", "id")]),
    "meeting_participants": ({
        "meeting_id": str, "idx": int, "article_id": str, "name": str, "role": str,
        "official_id": str, "person_id": int,
    }, ("meeting_id", "idx"), [("meeting_id", "meetings", "id"), ("article_id", "articles", "id"),
                               ("official_id", "officials", "id"), ("person_id", "persons", "id")]),
    "dates": ({
        "article_id": str, "idx": int, "text": str, "value": str, "resolved": str, "granularity": str, "time": str,
        "timezone": str, "year_inferred": int, "relative": int, "part_of_day": str, "start": int, "end": int,
    }, ("article_id", "idx"), [("article_id", "articles", "id")]),
    "programs": ({
        "article_id": str, "idx": int, "name": str, "aliases": str, "kind": str, "owner": str,
        "mentions": str, "start": int, "end": int,
    }, ("article_id", "idx"), [("article_id", "articles", "id")]),
    "task_lists": ({
        "id": str, "article_id": str, "idx": int, "intro": str, "intro_start": int, "intro_end": int,
        "style": str, "declared_count": int, "n_items": int, "complete": int, "official": str,
    }, "id", [("article_id", "articles", "id")]),
    "task_list_items": ({
        "task_list_id": str, "idx": int, "article_id": str, "n": int, "text": str, "start": int, "end": int,
    }, ("task_list_id", "idx"), [("task_list_id", "task_lists", "id"), ("article_id", "articles", "id")]),
    "organizations": ({
        "article_id": str, "idx": int, "name": str, "aliases": str, "expansion": str, "start": int, "end": int,
    }, ("article_id", "idx"), [("article_id", "articles", "id")]),
    "index_info": ({"key": str, "value": str}, "key", []),
}
# Per-article tables, children before parents, so deleting an article never orphans a row.
ARTICLE_TABLES = ("meeting_participants", "meetings", "task_list_items", "task_lists", "positions", "officials",
                  "dates", "programs", "organizations", "articles")
INDEXED_COLUMNS = {"officials": ["article_id", "person_id"], "positions": ["person_id", "article_id"],
                   "meetings": ["article_id"], "meeting_participants": ["person_id", "article_id"],
                   "person_names": ["name_key"], "articles": ["date", "outlet"]}


class IndexDatabaseError(RuntimeError):
    """A database that cannot be indexed into as it is (another version, not a warta index)."""


@dataclass
class IndexSummary:
    """What an index run did."""

    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    invalid: int = 0
    persons: int = 0
    articles: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """True when the database was rewritten."""
        return bool(self.added or self.replaced)


# --- rows --------------------------------------------------------------------------------

def _json(value: object) -> str:
    """A list or object as compact JSON text for a column."""
    return json.dumps(value or [], ensure_ascii=False)


def _span_bounds(spans: list[dict] | None) -> tuple[int | None, int | None]:
    """The first span's start and end, or (None, None)."""
    spans = [s for s in spans or [] if isinstance(s, dict) and "start" in s]
    if not spans:
        return None, None
    first = min(spans, key=lambda s: s["start"])
    return first["start"], first.get("end")


def article_rows(record: dict, digest: str) -> dict[str, list[dict]]:
    """Every row one record contributes, by table."""
    aid = record["id"]
    rows: dict[str, list[dict]] = defaultdict(list)
    dateline = record.get("dateline") or {}
    rows["articles"].append({
        "id": aid, "url": record.get("url"), "title": record.get("title"), "outlet": record.get("outlet"),
        "published": record.get("published"), "date": None, "date_source": None,
        "dateline_place": dateline.get("place"), "source_file": record.get("source_file"),
        "words": len(record["text"].split()), "n_officials": len(record.get("officials") or []),
        "n_meetings": len(record.get("meetings") or []), "warnings": _json(record.get("warnings")),
        "text": record["text"], "boilerplate": _json(record.get("boilerplate")), "record_hash": digest,
    })
    officials = record.get("officials") or []
    for i, official in enumerate(officials):
        oid = f"{aid}#o{i}"
        start, end = _span_bounds(official.get("mentions"))
        rows["officials"].append({
            "id": oid, "article_id": aid, "idx": i, "person_id": None, "name": official.get("name"),
            "titles": _json(official.get("titles")), "aliases": _json(official.get("aliases")),
            "honorifics": _json(official.get("honorifics")), "degrees": _json(official.get("degrees")),
            "mentions": _json(official.get("mentions")), "n_mentions": len(official.get("mentions") or []),
            "start": start, "end": end,
        })
        for j, position in enumerate(official.get("positions") or []):
            rows["positions"].append({
                "official_id": oid, "idx": j, "article_id": aid, "person_id": None,
                "title": position.get("title"), "normalized": position.get("normalized"),
                "region": position.get("region"), "acting": position.get("acting"), "date": None,
                "date_source": None, "start": position.get("start"), "end": position.get("end"),
            })
    named = [(o.get("name") or "", o.get("aliases") or []) for o in officials]
    for i, meeting in enumerate(record.get("meetings") or []):
        mid = f"{aid}#m{i}"
        start, end = _span_bounds(meeting.get("evidence"))
        rows["meetings"].append({
            "id": mid, "article_id": aid, "idx": i, "type": meeting.get("type"), "event": meeting.get("event"),
            "date": meeting.get("date"), "date_text": meeting.get("date_text"), "resolved_date": None,
            "place": meeting.get("place"), "evidence": _json(meeting.get("evidence")), "start": start, "end": end,
        })
        for j, participant in enumerate(meeting.get("participants") or []):
            name = participant.get("name") if isinstance(participant, dict) else str(participant)
            linked = link_in_article(name or "", named)
            rows["meeting_participants"].append({
                "meeting_id": mid, "idx": j, "article_id": aid, "name": name,
                "role": participant.get("role") if isinstance(participant, dict) else None,
                "official_id": f"{aid}#o{linked}" if linked is not None else None, "person_id": None,
            })
    for i, found in enumerate(record.get("dates") or []):
        rows["dates"].append({
            "article_id": aid, "idx": i, "text": found.get("text"), "value": found.get("value"),
            "resolved": found.get("resolved"), "granularity": found.get("granularity"), "time": found.get("time"),
            "timezone": found.get("timezone"),
            "year_inferred": found.get("year_inferred"), "relative": found.get("relative"),
            "part_of_day": found.get("part_of_day"), "start": found.get("start"), "end": found.get("end"),
        })
    for i, program in enumerate(record.get("programs") or []):
        rows["programs"].append({
            "article_id": aid, "idx": i, "name": program.get("name"), "aliases": _json(program.get("aliases")),
            "kind": program.get("kind"), "owner": program.get("owner"), "mentions": _json(program.get("mentions")),
            "start": program.get("start"), "end": program.get("end"),
        })
    for i, task_list in enumerate(record.get("task_lists") or []):
        lid = f"{aid}#l{i}"
        intro = task_list.get("intro") or {}
        items = task_list.get("items") or []
        rows["task_lists"].append({
            "id": lid, "article_id": aid, "idx": i, "intro": intro.get("text"), "intro_start": intro.get("start"),
            "intro_end": intro.get("end"), "style": task_list.get("style"),
            "declared_count": task_list.get("declared_count"), "n_items": len(items),
            "complete": task_list.get("complete"), "official": task_list.get("official"),
        })
        for j, item in enumerate(items):
            rows["task_list_items"].append({
                "task_list_id": lid, "idx": j, "article_id": aid, "n": item.get("n"), "text": item.get("text"),
                "start": item.get("start"), "end": item.get("end"),
            })
    for i, organization in enumerate(record.get("organizations") or []):
        rows["organizations"].append({
            "article_id": aid, "idx": i, "name": organization.get("name"),
            "aliases": _json(organization.get("aliases")), "expansion": organization.get("expansion"),
            "start": organization.get("start"), "end": organization.get("end"),
        })
    return rows


# --- schema ------------------------------------------------------------------------------

def ensure_schema(db: sqlite_utils.Database) -> None:
    """Create every table, index and the articles full-text index when missing."""
    # Referenced tables first: sqlite-utils checks a foreign key's target column exists.
    order = ("articles", "persons", "officials", *(t for t in TABLES if t not in ("articles", "persons", "officials")))
    for name in order:
        columns, pk, foreign_keys = TABLES[name]
        if not db[name].exists():
            db[name].create(columns, pk=pk, foreign_keys=foreign_keys)
    for name, columns in INDEXED_COLUMNS.items():
        for column in columns:
            db[name].create_index([column], if_not_exists=True)
    if not db["articles_fts"].exists():
        db["articles"].enable_fts(["title", "text"], create_triggers=True, tokenize="unicode61")
    db["index_info"].upsert({"key": "index_version", "value": INDEX_VERSION}, pk="key")


def stored_hashes(path: Path) -> dict[str, str]:
    """Article id -> record hash in an existing database; raises IndexDatabaseError on a foreign one."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        try:
            version = conn.execute("SELECT value FROM index_info WHERE key = 'index_version'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise IndexDatabaseError(f"{path} is not a warta index ({exc}); use --rebuild to replace it") from exc
        if not version or version[0] != INDEX_VERSION:
            raise IndexDatabaseError(f"{path} was built by another index version ({version and version[0]}); "
                              f"use --rebuild")
        return dict(conn.execute("SELECT id, record_hash FROM articles"))
    finally:
        conn.close()


# --- indexing ----------------------------------------------------------------------------

def index_records(records: Iterable[dict | RecordProblem], db_path: str | Path, rebuild: bool = False,
                  problems: list[str] | None = None) -> IndexSummary:
    """Add records to the database at db_path; unchanged records are skipped, changed ones replace
    their own rows, a bad record (or a RecordProblem) is skipped with a problem. Records are
    written in batches to a copy that replaces the database only when complete; one run at a
    time (OutputLockedError for a second)."""
    started = time.perf_counter()
    summary = IndexSummary(problems=problems if problems is not None else [])
    path = Path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with exclusive(path, "index"):
        known = stored_hashes(path) if path.exists() and not rebuild else {}
        keep_existing = not rebuild and path.exists()
        tmp = _working_copy(path, keep_existing)
        try:
            db = sqlite_utils.Database(tmp)
            _apply(db, records, known, summary)
            if summary.changed or rebuild or not keep_existing:
                _publish(db, tmp, path)
            else:
                db.close()
        finally:
            for leftover in (tmp, tmp.with_name(f"{tmp.name}-journal")):
                if leftover.exists():
                    leftover.unlink()
    summary.articles, summary.persons = _counts(path)
    summary.seconds = time.perf_counter() - started
    return summary


def index_files(paths: Iterable[str | Path], db_path: str | Path, rebuild: bool = False) -> IndexSummary:
    """Index every record of the JSONL files given ('-' for stdin); a missing file is refused
    (FileNotFoundError) before any work."""
    paths = list(paths)
    check_record_files(paths)
    return index_records(read_records(paths), db_path, rebuild=rebuild)


def _working_copy(path: Path, keep_existing: bool) -> Path:
    """A private file beside path to build the new database in: a copy of it, or nothing yet."""
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    if keep_existing:
        shutil.copyfile(path, tmp)
    else:
        tmp.unlink()
    return tmp


def _apply(db: sqlite_utils.Database, records: Iterable[dict | RecordProblem], known: dict[str, str],
           summary: IndexSummary) -> None:
    """Write each new or changed record's rows, in batches; count and note the rest."""
    # The copy is private until the rename: no fsyncs. A rollback journal is still needed to
    # undo one bad record; it is a file, not memory, because a batch touches more pages the
    # larger the database (kept in memory, it grew from 5 to 26 MiB between 2,000 and 20,000 records).
    db.execute("PRAGMA journal_mode = DELETE")
    db.execute("PRAGMA synchronous = OFF")
    ensure_schema(db)
    db.conn.commit()
    db.conn.isolation_level = None
    seen: set[str] = set()
    batch: dict[str, dict[str, list[dict]]] = {}
    for item in records:
        problem = item if isinstance(item, RecordProblem) else _problem(item, seen)
        if problem is not None:
            summary.invalid += 1
            summary.problems.append(str(problem))
            continue
        seen.add(item["id"])
        try:
            digest = record_hash(item)
            if known.get(item["id"]) == digest:
                summary.unchanged += 1
                continue
            batch[item["id"]] = article_rows(item, digest)
        except UnicodeEncodeError:
            summary.invalid += 1
            summary.problems.append(f"{ascii(item['id'])}: holds a lone surrogate, which no UTF-8 database can store")
            continue
        except Exception as exc:  # a record of the wrong shape costs only itself
            summary.invalid += 1
            summary.problems.append(f"{ascii(item['id'])}: record of the wrong shape ({type(exc).__name__}: {exc})")
            continue
        if len(batch) >= INSERT_BATCH:
            _write_batch(db, batch, known, summary)
    _write_batch(db, batch, known, summary)


def _problem(record: object, seen: set[str]) -> RecordProblem | None:
    """Why a record read from Python (not a file) cannot be indexed, or a repeated id."""
    reason = record_problem(record)
    if reason:
        return RecordProblem("record", reason)
    if record["id"] in seen:
        return RecordProblem(ascii(record["id"]), "duplicate id; the first record with it is kept")
    return None


def _write_batch(db: sqlite_utils.Database, batch: dict[str, dict[str, list[dict]]], known: dict[str, str],
                 summary: IndexSummary) -> None:
    """Replace the batch's articles in one transaction; when that fails, one by one, so a
    record SQLite refuses is skipped and reported while the rest are written."""
    if not batch:
        return
    try:
        db.execute("BEGIN")
        _replace_rows(db, batch)
        db.execute("COMMIT")
    except sqlite3.OperationalError:  # the disk, not the record: stop
        raise
    except Exception:
        db.execute("ROLLBACK")
        for aid, rows in batch.items():
            try:
                db.execute("BEGIN")
                _replace_rows(db, {aid: rows})
                db.execute("COMMIT")
            except sqlite3.OperationalError:
                raise
            except Exception as exc:
                db.execute("ROLLBACK")
                summary.invalid += 1
                summary.problems.append(f"{ascii(aid)}: cannot be stored ({type(exc).__name__}: {exc})")
                continue
            _count(aid, known, summary)
        batch.clear()
        return
    for aid in batch:
        _count(aid, known, summary)
    batch.clear()


def _count(aid: str, known: dict[str, str], summary: IndexSummary) -> None:
    """Count one written article as replaced or added."""
    if aid in known:
        summary.replaced += 1
    else:
        summary.added += 1


def _replace_rows(db: sqlite_utils.Database, batch: dict[str, dict[str, list[dict]]]) -> None:
    """Delete the batch's old rows and insert its new ones (inside the caller's transaction)."""
    ids = list(batch)
    marks = ",".join("?" * len(ids))
    for table in ARTICLE_TABLES:
        column = "id" if table == "articles" else "article_id"
        db.conn.execute(f"DELETE FROM [{table}] WHERE [{column}] IN ({marks})", ids)
    for table in ("articles", *(t for t in TABLES if t != "articles")):
        rows = [row for by_table in batch.values() for row in by_table.get(table, [])]
        if rows:
            columns = list(TABLES[table][0])
            sql = (f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) "
                   f"VALUES ({', '.join('?' * len(columns))})")
            db.conn.executemany(sql, [[_cell(row.get(c)) for c in columns] for row in rows])


def _cell(value: object) -> object:
    """A row value as SQLite stores it: lists and objects as JSON text."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value


def _publish(db: sqlite_utils.Database, tmp: Path, path: Path) -> None:
    """Derive the cross-article tables, make the copy durable, and rename it over path."""
    # No rollback journal for the corpus-wide pass: it rewrites person_id in most rows, and a
    # journal of every changed page (kept in memory above) grew with the corpus. The copy is
    # private and deleted when anything fails, so nothing needs rolling back.
    db.execute("PRAGMA journal_mode = OFF")
    db.conn.isolation_level = ""
    derive(db)
    db.conn.commit()
    db.execute("PRAGMA journal_mode = DELETE")
    db.close()
    with open(tmp, "rb+") as handle:
        os.fsync(handle.fileno())
    apply_umask(tmp)
    os.replace(tmp, path)


def _counts(path: Path) -> tuple[int, int]:
    """Articles and persons in the database."""
    if not path.exists():
        return 0, 0
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return (conn.execute("SELECT count(*) FROM articles").fetchone()[0],
                conn.execute("SELECT count(*) FROM persons").fetchone()[0])
    finally:
        conn.close()
