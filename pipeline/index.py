"""Records into a searchable SQLite database: articles, persons, positions, meetings and more.

Indexing is incremental and idempotent: each article row keeps a hash of its record, an
unchanged record is skipped, a changed one replaces its own rows. Work happens on a copy of
the database that is renamed over the old one only when complete, so an interrupted run
leaves the previous database as it was. Cross-article tables (persons, person_names,
person_merges) and resolved dates are derived again from the whole database after a change.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path

import sqlite_utils

from .persons import Mention, fold, link_in_article, merge_mentions, name_tokens, place_of, position_places

log = logging.getLogger(__name__)

# Bumped when the tables change shape; an older database must be rebuilt (--rebuild).
INDEX_VERSION = "3"
DEFAULT_DB = "outputs/warta.db"

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARTIAL_DAY = re.compile(r"^XXXX-(\d{2})-(\d{2})$")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

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
DERIVED_TABLES = ("person_merges", "person_names", "persons")
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


# --- reading records ---------------------------------------------------------------------

def read_records(paths: Iterable[str | Path], problems: list[str] | None = None) -> Iterator[dict]:
    """Records from JSONL files ('-' for stdin); broken lines are noted in problems and skipped."""
    for path in paths:
        handle = sys.stdin if str(path) == "-" else open(path, encoding="utf-8")  # noqa: SIM115
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    if problems is not None:
                        problems.append(f"{path}:{number}: not valid JSON ({exc.msg})")
                    continue
                yield record
        finally:
            if handle is not sys.stdin:
                handle.close()


def record_problem(record: object) -> str | None:
    """Why a record cannot be indexed, or None (it needs a string id and text)."""
    if not isinstance(record, dict):
        return "not a JSON object"
    if not isinstance(record.get("id"), str) or not record["id"]:
        return "no string `id`"
    if not isinstance(record.get("text"), str):
        return f"{record['id']}: no string `text`"
    return None


def record_hash(record: dict) -> str:
    """A stable hash of a record's content, to tell an unchanged record from a changed one."""
    canonical = json.dumps(record, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


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

def index_records(records: Iterable[dict], db_path: str | Path, rebuild: bool = False,
                  problems: list[str] | None = None) -> IndexSummary:
    """Add records to the database at db_path; unchanged records are skipped, changed ones replace
    their own rows. The database is rewritten only when something changed, and atomically."""
    started = time.perf_counter()
    summary = IndexSummary(problems=problems if problems is not None else [])
    path = Path(db_path)
    known = stored_hashes(path) if path.exists() and not rebuild else {}
    pending: dict[str, tuple[str, dict]] = {}
    same: set[str] = set()
    for record in records:
        problem = record_problem(record)
        if problem:
            summary.invalid += 1
            summary.problems.append(problem)
            continue
        digest = record_hash(record)
        # A later line for the same id wins.
        pending.pop(record["id"], None)
        same.discard(record["id"])
        if known.get(record["id"]) == digest:
            same.add(record["id"])
        else:
            pending[record["id"]] = (digest, record)
    summary.replaced = sum(aid in known for aid in pending)
    summary.added = len(pending) - summary.replaced
    summary.unchanged = len(same)
    if pending or rebuild or not path.exists():
        _rewrite(path, pending, keep_existing=not rebuild and path.exists())
    summary.articles, summary.persons = _counts(path)
    summary.seconds = time.perf_counter() - started
    return summary


def index_files(paths: Iterable[str | Path], db_path: str | Path, rebuild: bool = False) -> IndexSummary:
    """Index every record of the JSONL files given ('-' for stdin)."""
    problems: list[str] = []
    return index_records(read_records(paths, problems), db_path, rebuild=rebuild, problems=problems)


def _rewrite(path: Path, pending: dict[str, tuple[str, dict]], keep_existing: bool) -> None:
    """Apply the pending records to a copy of the database, then rename it into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        if keep_existing:
            shutil.copyfile(path, tmp)
        else:
            tmp.unlink()
        db = sqlite_utils.Database(tmp)
        # The copy is private until the rename, so the journal and fsyncs of a live database are not needed.
        db.execute("PRAGMA journal_mode = OFF")
        db.execute("PRAGMA synchronous = OFF")
        ensure_schema(db)
        _replace_articles(db, pending)
        derive(db)
        db.conn.commit()
        db.execute("PRAGMA journal_mode = DELETE")
        db.close()
        with open(tmp, "rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    finally:
        if tmp.exists():
            tmp.unlink()


def _replace_articles(db: sqlite_utils.Database, pending: dict[str, tuple[str, dict]]) -> None:
    """Delete the pending articles' old rows and insert their new ones."""
    ids = list(pending)
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        for table in ARTICLE_TABLES:
            column = "id" if table == "articles" else "article_id"
            db.execute(f"DELETE FROM [{table}] WHERE [{column}] IN ({marks})", chunk)
    by_table: dict[str, list[dict]] = defaultdict(list)
    for digest, record in pending.values():
        for table, rows in article_rows(record, digest).items():
            by_table[table].extend(rows)
    for table in ("articles", *(t for t in TABLES if t != "articles")):
        if by_table.get(table):
            db[table].insert_all(by_table[table], batch_size=1000)


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


# --- derived tables ----------------------------------------------------------------------

def derive(db: sqlite_utils.Database) -> None:
    """Recompute what depends on the whole corpus: article dates, then persons."""
    resolve_dates(db)
    build_persons(db)


@cache
def weekdays() -> dict[str, int]:
    """Weekday names -> ISO weekday, from the dates vocabulary (senin -> 1)."""
    try:
        text = resources.files("pipeline").joinpath("data", "dates_weekdays.tsv").read_text("utf-8")
    except FileNotFoundError:
        return {}
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {name: int(day) for name, day in rows[1:]}


def day_date(published: str | None, dates: list[tuple[str, str, str]]) -> tuple[str | None, str | None]:
    """An article's date from its published value, else the day-precise date it gives most
    often (the earliest among equals), else the start of a range: (date, source)."""
    if published and _ISO_DAY.match(published[:10]):
        return published[:10], "published"
    days = Counter(value for value, granularity, _ in dates if value and _ISO_DAY.match(value))
    if days:
        most = max(days.values())
        return min(v for v, n in days.items() if n == most), "text"
    starts = sorted(value[:10] for value, granularity, _ in dates
                    if granularity == "range" and value and _ISO_DAY.match(value[:10]))
    if starts:
        return starts[0], "text (range start)"
    return None, None


def partial_with_weekday(dates: list[tuple[str, str, str]]) -> tuple[int, int, int] | None:
    """(month, day, ISO weekday) of a year-less date whose text names its weekday ("Rabu (10/4)")."""
    for value, _, text in dates:
        found = _PARTIAL_DAY.match(value or "")
        if not found:
            continue
        names = [weekdays().get(w.lower()) for w in _WORD.findall(text or "")]
        weekday = next((n for n in names if n), None)
        if weekday:
            return int(found.group(1)), int(found.group(2)), weekday
    return None


def year_from_weekday(month: int, day: int, weekday: int, known_years: list[int]) -> int | None:
    """The one year within the corpus's dated span in which month/day fell on weekday; None
    when no year or several years fit (a weekday repeats every 5-11 years), or nothing is dated."""
    if not known_years:
        return None
    fits = []
    for year in range(min(known_years), max(known_years) + 1):
        try:
            if date(year, month, day).isoweekday() == weekday:
                fits.append(year)
        except ValueError:
            continue
    return fits[0] if len(fits) == 1 else None


def resolve_dates(db: sqlite_utils.Database) -> None:
    """Give each article, position and meeting a day date where one can be known."""
    by_article: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for aid, value, granularity, text in db.execute("SELECT article_id, value, granularity, text FROM dates "
                                                    "ORDER BY article_id, idx"):
        by_article[aid].append((value, granularity, text))
    resolved: dict[str, tuple[str | None, str | None]] = {}
    for aid, published in db.execute("SELECT id, published FROM articles"):
        resolved[aid] = day_date(published, by_article.get(aid, []))
    known_years = [int(d[:4]) for d, _ in resolved.values() if d]
    for aid, (found, _) in list(resolved.items()):
        partial = None if found else partial_with_weekday(by_article.get(aid, []))
        year = year_from_weekday(*partial, known_years) if partial else None
        if year:
            resolved[aid] = (f"{year}-{partial[0]:02d}-{partial[1]:02d}", "weekday within corpus years")
    db.conn.executemany("UPDATE articles SET date = ?, date_source = ? WHERE id = ?",
                        [(d, s, aid) for aid, (d, s) in resolved.items()])
    db.execute("UPDATE positions SET date = (SELECT date FROM articles WHERE id = positions.article_id), "
               "date_source = (SELECT date_source FROM articles WHERE id = positions.article_id)")
    meetings = []
    for mid, aid, given in db.execute("SELECT id, article_id, date FROM meetings"):
        meetings.append((meeting_date(given, resolved.get(aid, (None, None))[0]), mid))
    db.conn.executemany("UPDATE meetings SET resolved_date = ? WHERE id = ?", meetings)


def meeting_date(given: str | None, article_date: str | None) -> str | None:
    """A meeting's day: its own full date, its year-less date in the article's year, or the article's."""
    if given and _ISO_DAY.match(given[:10]):
        return given[:10]
    partial = _PARTIAL_DAY.match(given or "")
    if partial and article_date:
        return f"{article_date[:4]}-{partial.group(1)}-{partial.group(2)}"
    return article_date


def build_persons(db: sqlite_utils.Database) -> None:
    """Merge every article's officials into persons and link positions and participants to them."""
    positions: dict[str, list[dict]] = defaultdict(list)
    for row in db.query("SELECT official_id, title, normalized, region, acting, date FROM positions "
                        "ORDER BY official_id, idx"):
        positions[row["official_id"]].append(row)
    datelines = {r["id"]: r["dateline_place"] for r in db.query("SELECT id, dateline_place FROM articles")}
    officials = list(db.query("SELECT id, article_id, name, aliases FROM officials ORDER BY article_id, idx"))
    mentions = []
    for row in officials:
        mentions.append(Mention(
            id=row["id"], article_id=row["article_id"], name=row["name"] or "",
            aliases=json.loads(row["aliases"] or "[]"), places=position_places(positions[row["id"]]),
            titles={fold(p["normalized"] or p["title"] or "") for p in positions[row["id"]]},
        ))
    context: dict[str, set[str]] = defaultdict(set)
    for mention in mentions:
        context[mention.article_id] |= mention.places
    for aid, place in datelines.items():
        if place and place_of(place.title(), bare_is_place=True):
            context[aid].add(place_of(place.title(), bare_is_place=True))
    for mention in mentions:
        mention.context = context[mention.article_id]
    persons, decisions = merge_mentions(mentions)
    for table in DERIVED_TABLES:
        db.execute(f"DELETE FROM [{table}]")
    _write_persons(db, persons, decisions, officials, positions)


def _write_persons(db: sqlite_utils.Database, persons: list, decisions: list, officials: list[dict],
                   positions: dict[str, list[dict]]) -> None:
    """Store persons, their names and the merge decisions, and set person_id everywhere."""
    article_of = {row["id"]: row["article_id"] for row in officials}
    name_of = {row["id"]: row["name"] for row in officials}
    slugs: Counter[str] = Counter()
    person_rows, name_rows = [], []
    for person in persons:
        pid = person.index + 1
        slug = "-".join(name_tokens(person.name())) or f"person-{pid}"
        slugs[slug] += 1
        held = sorted((p["date"] or "", p["normalized"] or p["title"] or "")
                      for m in person.mentions for p in positions[m])
        dated = [d for d, _ in held if d]
        person_rows.append({
            "id": pid, "key": slug if slugs[slug] == 1 else f"{slug}-{slugs[slug]}", "name": person.name(),
            "latest_title": held[-1][1] if held else None, "first_date": min(dated, default=None),
            "last_date": max(dated, default=None), "n_articles": len(person.articles), "n_names": len(person.forms),
        })
        for key, written in person.forms.items():
            name_rows.append({"person_id": pid, "name": written, "name_key": " ".join(key),
                              "n": person.form_counts[key]})
    db["persons"].insert_all(person_rows, batch_size=1000)
    db["person_names"].insert_all(name_rows, batch_size=1000, ignore=True)
    db["person_merges"].insert_all([{
        "official_id": d.mention_id, "article_id": article_of[d.mention_id], "person_id": d.person_index + 1,
        "name": name_of[d.mention_id], "decision": d.decision, "reason": d.reason, "matched_name": d.matched_name,
        "score": d.score, "kept_apart_from": None if d.kept_apart_from is None else d.kept_apart_from + 1,
        "kept_apart_reason": d.kept_apart_reason,
    } for d in decisions], batch_size=1000)
    person_of = {d.mention_id: d.person_index + 1 for d in decisions}
    db.conn.executemany("UPDATE officials SET person_id = ? WHERE id = ?", [(p, o) for o, p in person_of.items()])
    db.execute("UPDATE positions SET person_id = (SELECT person_id FROM officials WHERE id = positions.official_id)")
    db.execute("UPDATE meeting_participants SET person_id = "
               "(SELECT person_id FROM officials WHERE id = meeting_participants.official_id)")
    _link_unmatched_participants(db)


def _link_unmatched_participants(db: sqlite_utils.Database) -> None:
    """A participant not among its article's officials is linked when exactly one person has that name."""
    owners: dict[str, set[int]] = defaultdict(set)
    for row in db.query("SELECT person_id, name_key FROM person_names"):
        owners[row["name_key"]].add(row["person_id"])
    updates = []
    for row in db.query("SELECT meeting_id, idx, name FROM meeting_participants WHERE person_id IS NULL"):
        key = " ".join(name_tokens(row["name"] or ""))
        if len(key.split()) >= 2 and len(owners.get(key, ())) == 1:
            updates.append((next(iter(owners[key])), row["meeting_id"], row["idx"]))
    db.conn.executemany("UPDATE meeting_participants SET person_id = ? WHERE meeting_id = ? AND idx = ?", updates)
