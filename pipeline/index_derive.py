"""The index's cross-article tables: article dates resolved over the corpus, and persons
merged from every article's officials. Recomputed from the whole database after a change."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date
from functools import cache
from importlib import resources
from itertools import groupby
from operator import itemgetter

import sqlite_utils

from .persons import Decision, Mention, Person, PersonMerger, fold, name_tokens, place_of, position_places

_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_PARTIAL_DAY = re.compile(r"^XXXX-(\d{2})-(\d{2})$")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
DERIVED_TABLES = ("person_merges", "person_names", "persons")


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


# Articles whose dates are read, resolved and written at a time.
DATES_PAGE = 1000


def resolve_dates(db: sqlite_utils.Database) -> None:
    """Give each article, position and meeting a day date where one can be known.

    Articles are read a page at a time (by id, so no cursor stays open over the rows being
    updated); only the first and last year of the corpus are kept between pages."""
    years: list[int] = []  # the smallest and largest year dated so far
    for page in _article_pages(db, "1"):
        updates = []
        for aid, published, dates in page:
            found, source = day_date(published, dates)
            if found:
                year = int(found[:4])
                years = [min(years[0], year), max(years[1], year)] if years else [year, year]
            updates.append((found, source, aid))
        db.conn.executemany("UPDATE articles SET date = ?, date_source = ? WHERE id = ?", updates)
    for page in _article_pages(db, "date IS NULL"):
        updates = []
        for aid, _, dates in page:
            partial = partial_with_weekday(dates)
            year = year_from_weekday(*partial, years) if partial else None
            if year:
                updates.append((f"{year}-{partial[0]:02d}-{partial[1]:02d}", "weekday within corpus years", aid))
        db.conn.executemany("UPDATE articles SET date = ?, date_source = ? WHERE id = ?", updates)
    db.execute("UPDATE positions SET date = (SELECT date FROM articles WHERE id = positions.article_id), "
               "date_source = (SELECT date_source FROM articles WHERE id = positions.article_id)")
    db.conn.create_function("warta_meeting_date", 2, meeting_date, deterministic=True)
    db.execute("UPDATE meetings SET resolved_date = "
               "warta_meeting_date(date, (SELECT date FROM articles WHERE id = meetings.article_id))")


def _article_pages(db: sqlite_utils.Database, where: str
                   ) -> Iterator[list[tuple[str, str | None, list[tuple[str, str, str]]]]]:
    """Pages of (article id, published, its dates as (value, granularity, text)) for the
    articles matching where, in id order; each page is read whole before it is yielded."""
    after = ""  # below every id: an empty id is refused before indexing
    while True:
        articles = db.execute(f"SELECT id, published FROM articles WHERE ({where}) AND id > ? ORDER BY id LIMIT ?",
                              (after, DATES_PAGE)).fetchall()
        if not articles:
            return
        dates: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
        marks = ",".join("?" * len(articles))
        for aid, value, granularity, text in db.execute(
                f"SELECT article_id, value, granularity, text FROM dates WHERE article_id IN ({marks}) "
                f"ORDER BY article_id, idx", [aid for aid, _ in articles]):
            dates[aid].append((value, granularity, text))
        yield [(aid, published, dates.get(aid, [])) for aid, published in articles]
        after = articles[-1][0]


def meeting_date(given: str | None, article_date: str | None) -> str | None:
    """A meeting's day: its own full date, its year-less date in the article's year, or the article's."""
    if given and _ISO_DAY.match(given[:10]):
        return given[:10]
    partial = _PARTIAL_DAY.match(given or "")
    if partial and article_date:
        return f"{article_date[:4]}-{partial.group(1)}-{partial.group(2)}"
    return article_date


def build_persons(db: sqlite_utils.Database) -> None:
    """Merge every article's officials into persons and link positions and participants to them.

    A stream: officials are read one article at a time and each decision is written as it is
    made, so memory grows with the number of distinct persons, not with the corpus."""
    for table in DERIVED_TABLES:
        db.execute(f"DELETE FROM [{table}]")
    merger = PersonMerger()
    db["person_merges"].insert_all((_merge_row(merger.add(mention), mention, written)
                                    for mention, written in official_mentions(db)), batch_size=1000)
    _write_persons(db, merger.persons)
    _link_persons(db)


# Officials with their posts and their article's dateline, in the order persons are merged.
_OFFICIALS_SQL = """
SELECT o.id, o.article_id, o.name, o.aliases, a.dateline_place,
       p.title, p.normalized, p.region, p.date, p.official_id IS NOT NULL
FROM officials o
LEFT JOIN articles a ON a.id = o.article_id
LEFT JOIN positions p ON p.official_id = o.id
ORDER BY o.article_id, o.idx, p.idx
"""


def official_mentions(db: sqlite_utils.Database) -> Iterator[tuple[Mention, str | None]]:
    """Every official as a Mention (with its name as stored), article by article in officials'
    order; an article's context is the places of all its officials and its dateline place."""
    rows = db.execute(_OFFICIALS_SQL)
    for article_id, grouped in groupby(rows, key=itemgetter(1)):
        article_rows = list(grouped)  # one article's officials and posts
        dateline = article_rows[0][4]
        mentions: dict[str, tuple[Mention, str | None]] = {}
        positions: dict[str, list[dict]] = {}
        for oid, _, name, aliases, _, title, normalized, region, held_date, has_post in article_rows:
            if oid not in mentions:
                mentions[oid] = (Mention(id=oid, article_id=article_id, name=name or "",
                                         aliases=json.loads(aliases or "[]")), name)
                positions[oid] = []
            if has_post:
                positions[oid].append({"title": title, "normalized": normalized, "region": region, "date": held_date})
        context: set[str] = set()
        for oid, (mention, _) in mentions.items():
            mention.places = position_places(positions[oid])
            mention.titles = {fold(p["normalized"] or p["title"] or "") for p in positions[oid]}
            mention.held = [(p["date"] or "", p["normalized"] or p["title"] or "") for p in positions[oid]]
            context |= mention.places
        place = place_of(dateline.title(), bare_is_place=True) if dateline else None
        if place:
            context.add(place)
        for mention, written in mentions.values():
            mention.context = context
            yield mention, written


def _merge_row(decision: Decision, mention: Mention, written: str | None) -> dict:
    """One person_merges row: which person an official went to, and why."""
    return {
        "official_id": decision.mention_id, "article_id": mention.article_id, "person_id": decision.person_index + 1,
        "name": written, "decision": decision.decision, "reason": decision.reason,
        "matched_name": decision.matched_name, "score": decision.score,
        "kept_apart_from": None if decision.kept_apart_from is None else decision.kept_apart_from + 1,
        "kept_apart_reason": decision.kept_apart_reason,
    }


def _write_persons(db: sqlite_utils.Database, persons: list[Person]) -> None:
    """Store the persons and their names, each row made as it is written."""
    db["persons"].insert_all(_person_rows(persons), batch_size=1000)
    db["person_names"].insert_all(({"person_id": person.index + 1, "name": written, "name_key": " ".join(key),
                                    "n": person.form_counts[key]}
                                   for person in persons for key, written in person.forms.items()),
                                  batch_size=1000, ignore=True)


def _person_rows(persons: list[Person]) -> Iterator[dict]:
    """One persons row each: a key from the name (numbered after the first of a name), the
    latest title and dates held, and counts."""
    slugs: Counter[str] = Counter()
    for person in persons:
        pid = person.index + 1
        slug = "-".join(name_tokens(person.name())) or f"person-{pid}"
        slugs[slug] += 1
        yield {
            "id": pid, "key": slug if slugs[slug] == 1 else f"{slug}-{slugs[slug]}", "name": person.name(),
            "latest_title": person.latest_title(), "first_date": person.first_date,
            "last_date": person.last_date, "n_articles": person.n_articles, "n_names": len(person.forms),
        }


def _link_persons(db: sqlite_utils.Database) -> None:
    """Set person_id on officials (from the merge decisions), their positions and the meeting
    participants that are among an article's officials, then link the other participants."""
    # person_merges.official_id is its primary key, so each lookup is an index search.
    db.execute("UPDATE officials SET person_id = "
               "(SELECT person_id FROM person_merges WHERE official_id = officials.id)")
    db.execute("UPDATE positions SET person_id = (SELECT person_id FROM officials WHERE id = positions.official_id)")
    db.execute("UPDATE meeting_participants SET person_id = "
               "(SELECT person_id FROM officials WHERE id = meeting_participants.official_id)")
    _link_unmatched_participants(db)


# Participants looked at, and updates written, at a time.
LINK_BATCH = 1000


def _link_unmatched_participants(db: sqlite_utils.Database) -> None:
    """A participant not among its article's officials is linked when exactly one person has that name."""
    owners: dict[str, set[int]] = defaultdict(set)
    for person_id, name_key in db.execute("SELECT person_id, name_key FROM person_names"):
        owners[name_key].add(person_id)
    after = -1
    while True:
        # By rowid, a page at a time: no cursor stays open over the rows being updated.
        page = db.execute("SELECT rowid, name FROM meeting_participants WHERE person_id IS NULL AND rowid > ? "
                          "ORDER BY rowid LIMIT ?", (after, LINK_BATCH)).fetchall()
        if not page:
            return
        updates = []
        for rowid, name in page:
            key = " ".join(name_tokens(name or ""))
            if len(key.split()) >= 2 and len(owners.get(key, ())) == 1:
                updates.append((next(iter(owners[key])), rowid))
        db.conn.executemany("UPDATE meeting_participants SET person_id = ? WHERE rowid = ?", updates)
        after = page[-1][0]
