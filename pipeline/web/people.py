"""The person page's data: names, career timeline, people met (grouped), articles and the who-met graph.

The answers come from pipeline.query; a person is addressed to those functions as "#ID" unless
their merged name finds only them, so two namesakes kept apart are never mixed.
"""

from __future__ import annotations

import json
import sqlite3

import pandas as pd

from .. import query
from .graph import meeting_graph


def records(frame: pd.DataFrame) -> list[dict]:
    """DataFrame rows as JSON-ready dicts, missing values as None."""
    return json.loads(frame.to_json(orient="records", force_ascii=False))


def candidates(conn: sqlite3.Connection, ids: list[int]) -> list[dict]:
    """The persons a name could mean, with what tells them apart (latest post, dates, articles)."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = conn.execute(f"""
        SELECT id, name, latest_title, first_date, last_date, n_articles FROM persons
        WHERE id IN ({marks}) ORDER BY n_articles DESC, name""", ids).fetchall()
    return [{"id": r[0], "name": r[1], "latest_title": r[2], "first_date": r[3], "last_date": r[4],
             "n_articles": r[5]} for r in rows]


def address(conn: sqlite3.Connection, person: dict) -> str:
    """The form to ask pipeline.query about exactly this person."""
    return person["name"] if query.find_persons(conn, person["name"]) == [person["id"]] else f"#{person['id']}"


def _names(conn: sqlite3.Connection, person_id: int) -> list[dict]:
    """Every written form of the person's name, most used first."""
    rows = conn.execute("SELECT name, n FROM person_names WHERE person_id = ? ORDER BY n DESC, name",
                        (person_id,)).fetchall()
    return [{"name": name, "n": n} for name, n in rows]


def _article_titles(conn: sqlite3.Connection, ids: list[str]) -> dict[str, dict]:
    """Article id -> {id, title, date} for the ids given."""
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    rows = conn.execute(f"SELECT id, title, date FROM articles WHERE id IN ({marks})", ids).fetchall()
    return {r[0]: {"id": r[0], "title": r[1], "date": r[2]} for r in rows}


def _timeline(conn: sqlite3.Connection, who: str) -> list[dict]:
    """The posts in date order, each with the articles that state it."""
    posts = records(query.person_timeline(conn, who))
    wanted = sorted({a for p in posts for a in (p["articles"] or "").split(", ") if a})
    titles = _article_titles(conn, wanted)
    for post in posts:
        ids = [a for a in (post.pop("articles") or "").split(", ") if a]
        post["articles"] = [titles.get(a, {"id": a, "title": None, "date": None}) for a in ids]
        for column in ("first_title", "first_url", "person"):
            post.pop(column, None)
    return posts


def _evidence(conn: sqlite3.Connection, meeting_ids: list[str]) -> dict[str, list[str]]:
    """Meeting id -> the texts of its evidence sentences."""
    if not meeting_ids:
        return {}
    marks = ",".join("?" * len(meeting_ids))
    rows = conn.execute(f"SELECT id, evidence FROM meetings WHERE id IN ({marks})", meeting_ids).fetchall()
    return {mid: [span.get("text") or "" for span in json.loads(evidence or "[]")] for mid, evidence in rows}


def best_evidence(sentences: list[str], names: list[str], fallback: str | None) -> str | None:
    """The evidence sentence that names the first of `names` it can (the person met, then the person);
    a meeting's first evidence sentence is often the headline, which names neither."""
    for name in names:
        for sentence in sentences:
            if name and name.casefold() in sentence.casefold():
                return sentence
    return fallback


def _met(conn: sqlite3.Connection, who: str, own_names: list[str]) -> list[dict]:
    """The people met, one group per person (first met first), each with its meetings."""
    rows = records(query.who_met(conn, who))
    evidence = _evidence(conn, sorted({r["meeting_id"] for r in rows}))
    groups: dict[str, dict] = {}
    for row in rows:
        group = groups.setdefault(row["met"], {"name": row["met"], "meetings": []})
        meeting = {k: row[k] for k in ("meeting_id", "type", "event", "date", "place", "role", "met_as", "met_role",
                                       "article_id", "title", "url")}
        meeting["evidence"] = best_evidence(evidence.get(row["meeting_id"], []), [row["met_as"], *own_names],
                                            row["evidence"])
        group["meetings"].append(meeting)
    return list(groups.values())


def person_page(conn: sqlite3.Connection, name: str, person_id: int | None = None, hops: int = 1) -> dict:
    """Everything the person page shows; status is found, ambiguous (with candidates) or unknown."""
    ids = query.find_persons(conn, name)
    if person_id is not None:
        ids = [i for i in ids if i == person_id]
    page: dict = {"query": name, "status": "unknown", "candidates": candidates(conn, ids)}
    if len(ids) != 1:
        page["status"] = "ambiguous" if ids else "unknown"
        return page
    person = page["candidates"][0]
    who = address(conn, person)
    names = _names(conn, person["id"])
    articles = records(query.person_articles(conn, who).drop(columns=["person"]))
    page.update({
        "status": "found", "person": person, "names": names, "timeline": _timeline(conn, who),
        "met": _met(conn, who, [n["name"] for n in names]), "articles": articles,
        "graph": meeting_graph(conn, person["id"], hops),
    })
    for article in page["articles"]:
        article["titles"] = json.loads(article["titles"] or "[]")
    return page
