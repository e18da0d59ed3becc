"""The index's cross-article tables: article dates resolved over the corpus, and persons
merged from every article's officials. Recomputed from the whole database after a change."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from datetime import date
from functools import cache
from importlib import resources

import sqlite_utils

from .persons import Mention, fold, merge_mentions, name_tokens, place_of, position_places

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
