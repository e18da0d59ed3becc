"""Who met whom around one person: the meetings' participants as nodes and shared meetings as edges."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from itertools import combinations

MAX_HOPS = 2
# A two-hop graph around a busy official can hold hundreds of people; beyond this the
# drawing is unreadable, so the nearest ones are kept and the graph says it was cut.
MAX_NODES = 60


def _participants(conn: sqlite3.Connection, person_ids: set[int]) -> list[sqlite3.Row]:
    """Every participant of every meeting in which one of the persons took part."""
    marks = ",".join("?" * len(person_ids))
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(f"""
            SELECT mp.meeting_id, mp.person_id, COALESCE(p.name, mp.name) AS name, mp.role,
                   m.type, m.resolved_date AS date
            FROM meeting_participants mp
            JOIN meetings m ON m.id = mp.meeting_id
            LEFT JOIN persons p ON p.id = mp.person_id
            WHERE mp.meeting_id IN (SELECT meeting_id FROM meeting_participants WHERE person_id IN ({marks}))
            ORDER BY m.resolved_date IS NULL, m.resolved_date, mp.meeting_id, mp.idx""",
            sorted(person_ids)).fetchall()
    finally:
        conn.row_factory = None


def node_key(person_id: int | None, name: str) -> str:
    """A node's key: the person id where the participant is linked to a person, else the name as written."""
    return f"p{person_id}" if person_id is not None else f"n:{name}"


def meeting_graph(conn: sqlite3.Connection, person_id: int, hops: int = 1) -> dict:
    """Nodes (people, with their distance in hops) and edges (pairs who shared a meeting, with those
    meetings) around the person, out to `hops` (1 or 2)."""
    hops = max(1, min(MAX_HOPS, hops))
    nodes: dict[str, dict] = {}
    meetings: dict[str, dict] = {}
    frontier = {person_id}
    seen_persons = {person_id}
    for hop in range(1, hops + 1):
        rows = _participants(conn, frontier)
        for row in rows:
            meeting = meetings.setdefault(row["meeting_id"], {"type": row["type"], "date": row["date"], "people": {}})
            key = node_key(row["person_id"], row["name"])
            meeting["people"][key] = row["role"]
            if key not in nodes:
                nodes[key] = {"key": key, "id": row["person_id"], "name": row["name"],
                              "hop": 0 if row["person_id"] == person_id else hop}
        frontier = {n["id"] for n in nodes.values() if n["id"] is not None} - seen_persons
        seen_persons |= frontier
        if not frontier:
            break
    kept = sorted(nodes.values(), key=lambda n: (n["hop"], n["name"] or ""))[:MAX_NODES]
    kept_keys = {n["key"] for n in kept}
    edges: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for meeting_id, meeting in meetings.items():
        present = sorted(k for k in meeting["people"] if k in kept_keys)
        for a, b in combinations(present, 2):
            edges[(a, b)].append({"id": meeting_id, "type": meeting["type"], "date": meeting["date"]})
    return {
        "center": node_key(person_id, ""), "hops": hops, "truncated": len(nodes) > len(kept), "nodes": kept,
        "edges": [{"source": a, "target": b, "meetings": found} for (a, b), found in sorted(edges.items())],
    }
