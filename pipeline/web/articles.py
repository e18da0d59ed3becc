"""The article page's data: the record as indexed, rebuilt from the tables, and its findings as spans.

The index keeps every finding with its offsets into the cleaned text; this module reads them
back into the record's own shape (so the page's JSON is the record, plus the index's links to
persons and resolved dates) and into highlight spans for the text.
"""

from __future__ import annotations

import json
import sqlite3

from .highlight import Span


def _rows(conn: sqlite3.Connection, sql: str, params: tuple) -> list[dict]:
    """Query rows as dicts."""
    cursor = conn.execute(sql, params)
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row, strict=True)) for row in cursor.fetchall()]


def _loads(text: str | None) -> list:
    """A JSON list column, [] when empty."""
    return json.loads(text) if text else []


def _officials(conn: sqlite3.Connection, article_id: str) -> list[dict]:
    """The article's officials with their posts and the merged person each belongs to."""
    officials = _rows(conn, """
        SELECT o.id, o.idx, o.name, o.person_id, p.name AS person, o.titles, o.aliases, o.honorifics, o.degrees,
               o.mentions
        FROM officials o LEFT JOIN persons p ON p.id = o.person_id WHERE o.article_id = ? ORDER BY o.idx""",
        (article_id,))
    positions = _rows(conn, """
        SELECT official_id, title, normalized, region, acting, date, start, "end" FROM positions
        WHERE article_id = ? ORDER BY official_id, idx""", (article_id,))
    for official in officials:
        for column in ("titles", "aliases", "honorifics", "degrees", "mentions"):
            official[column] = _loads(official[column])
        official["positions"] = [{k: v for k, v in p.items() if k != "official_id"}
                                 for p in positions if p["official_id"] == official["id"]]
    return officials


def _meetings(conn: sqlite3.Connection, article_id: str) -> list[dict]:
    """The article's meetings with their participants."""
    meetings = _rows(conn, """
        SELECT id, idx, type, event, date, date_text, resolved_date, place, evidence FROM meetings
        WHERE article_id = ? ORDER BY idx""", (article_id,))
    participants = _rows(conn, """
        SELECT mp.meeting_id, mp.name, mp.role, mp.person_id, p.name AS person
        FROM meeting_participants mp LEFT JOIN persons p ON p.id = mp.person_id
        WHERE mp.article_id = ? ORDER BY mp.meeting_id, mp.idx""", (article_id,))
    for meeting in meetings:
        meeting["evidence"] = _loads(meeting["evidence"])
        meeting["participants"] = [{k: v for k, v in p.items() if k != "meeting_id"}
                                   for p in participants if p["meeting_id"] == meeting["id"]]
    return meetings


def _task_lists(conn: sqlite3.Connection, article_id: str) -> list[dict]:
    """The article's task lists with their items."""
    lists = _rows(conn, """
        SELECT id, intro, intro_start, intro_end, style, declared_count, complete, official FROM task_lists
        WHERE article_id = ? ORDER BY idx""", (article_id,))
    items = _rows(conn, """SELECT task_list_id, n, text, start, "end" FROM task_list_items
                           WHERE article_id = ? ORDER BY task_list_id, idx""", (article_id,))
    for task_list in lists:
        task_list["intro"] = {"text": task_list.pop("intro"), "start": task_list.pop("intro_start"),
                              "end": task_list.pop("intro_end")}
        task_list["complete"] = None if task_list["complete"] is None else bool(task_list["complete"])
        task_list["items"] = [{k: v for k, v in i.items() if k != "task_list_id"}
                              for i in items if i["task_list_id"] == task_list["id"]]
    return lists


def article_record(conn: sqlite3.Connection, article_id: str) -> dict | None:
    """The record as the index holds it, in the record's shape, or None for an unknown id."""
    found = _rows(conn, "SELECT * FROM articles WHERE id = ?", (article_id,))
    if not found:
        return None
    article = found[0]
    record = {k: article.get(k) for k in ("id", "url", "source_file", "title", "published", "outlet", "date",
                                          "date_source", "dateline_place", "words", "text")}
    record["warnings"] = _loads(article.get("warnings"))
    # Databases indexed before the boilerplate column have no record of it (None, not []).
    record["boilerplate"] = _loads(article["boilerplate"]) if "boilerplate" in article else None
    record["officials"] = _officials(conn, article_id)
    record["dates"] = _rows(conn, """
        SELECT text, value, resolved, granularity, time, timezone, year_inferred, relative, part_of_day, start, "end"
        FROM dates WHERE article_id = ? ORDER BY idx""", (article_id,))
    record["meetings"] = _meetings(conn, article_id)
    record["programs"] = _rows(conn, """SELECT name, aliases, kind, owner, mentions, start, "end" FROM programs
                                        WHERE article_id = ? ORDER BY idx""", (article_id,))
    for program in record["programs"]:
        program["aliases"], program["mentions"] = _loads(program["aliases"]), _loads(program["mentions"])
    record["task_lists"] = _task_lists(conn, article_id)
    record["organizations"] = _rows(conn, """SELECT name, aliases, expansion, start, "end" FROM organizations
                                             WHERE article_id = ? ORDER BY idx""", (article_id,))
    for organization in record["organizations"]:
        organization["aliases"] = _loads(organization["aliases"])
    return record


def finding_spans(record: dict) -> list[Span]:
    """Every finding of the record as a highlight span over its text."""
    spans: list[Span] = []
    for official in record["officials"]:
        attrs = {"official": str(official["idx"]), "name": official["name"] or ""}
        spans += [Span(m.get("start"), m.get("end"), "official", attrs, official["name"] or "")
                  for m in official["mentions"]]
        spans += [Span(p["start"], p["end"], "position", {"official": str(official["idx"])},
                       p["normalized"] or p["title"] or "") for p in official["positions"]]
    spans += [Span(d["start"], d["end"], "date", {}, d["resolved"] or d["value"] or "") for d in record["dates"]]
    for meeting in record["meetings"]:
        spans += [Span(e.get("start"), e.get("end"), "meeting", {"meeting": meeting["id"]},
                       f"{meeting['type'] or 'meeting'} {meeting['resolved_date'] or ''}".strip())
                  for e in meeting["evidence"]]
    for program in record["programs"]:
        spans += [Span(m.get("start"), m.get("end"), "program", {}, program["name"] or "")
                  for m in program["mentions"] or [{"start": program["start"], "end": program["end"]}]]
    for task_list in record["task_lists"]:
        intro = task_list["intro"]
        spans.append(Span(intro["start"], intro["end"], "list", {}, "task list"))
        spans += [Span(i["start"], i["end"], "list", {}, f"item {i['n']}") for i in task_list["items"]]
    spans += [Span(o["start"], o["end"], "organization", {}, o["expansion"] or o["name"] or "")
              for o in record["organizations"]]
    return spans


def meeting_page(conn: sqlite3.Connection, meeting_id: str) -> dict | None:
    """A meeting with its participants, evidence and article, or None for an unknown id."""
    found = _rows(conn, "SELECT article_id FROM meetings WHERE id = ?", (meeting_id,))
    if not found:
        return None
    article = _rows(conn, "SELECT id, title, url, outlet, date FROM articles WHERE id = ?",
                    (found[0]["article_id"],))[0]
    meeting = next(m for m in _meetings(conn, article["id"]) if m["id"] == meeting_id)
    return {"meeting": meeting, "article": article}
