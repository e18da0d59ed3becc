"""The search page's data: ranked hits with highlighted snippets, filters, and the latest articles."""

from __future__ import annotations

import sqlite3
from html import escape

from .. import query
from .people import candidates, records

# Snippet marks no article text contains (C0 controls), so highlighting can be added after escaping.
_OPEN, _CLOSE = "\x02", "\x03"
FILTERS = ("q", "since", "until", "outlet", "person")
RESULTS = 50


def snippet_html(snippet: str | None) -> str:
    """A snippet with its marks as <mark> and everything else escaped."""
    text = escape(snippet or "")
    return text.replace(_OPEN, "<mark>").replace(_CLOSE, "</mark>")


def _outlets(conn: sqlite3.Connection) -> list[str]:
    """The outlets in the database, for the filter."""
    return [o for (o,) in conn.execute("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet")]


def _latest(conn: sqlite3.Connection, limit: int = 20) -> list[dict]:
    """The most recent articles, for the start page before anything is searched."""
    rows = conn.execute("""SELECT id, title, outlet, date, n_officials, n_meetings FROM articles
                           ORDER BY date IS NULL, date DESC, id LIMIT ?""", (limit,)).fetchall()
    return [dict(zip(("article_id", "title", "outlet", "date", "n_officials", "n_meetings"), r, strict=True))
            for r in rows]


def search_page(conn: sqlite3.Connection, params: dict[str, str]) -> dict:
    """The hits for the query and filters given; without a query, the latest articles."""
    given = {k: (params.get(k) or "").strip() for k in FILTERS}
    page: dict = {"filters": given, "outlets": _outlets(conn), "results": [], "error": None,
                  "person_candidates": [], "latest": []}
    if given["person"]:
        ids = query.find_persons(conn, given["person"])
        if len(ids) > 1:
            # The search keeps articles naming any of them; say so rather than mix them silently.
            page["person_candidates"] = candidates(conn, ids)
    if not given["q"]:
        page["latest"] = _latest(conn)
        return page
    try:
        frame = query.search(conn, given["q"], since=given["since"] or None, until=given["until"] or None,
                             outlet=given["outlet"] or None, person_name=given["person"] or None,
                             limit=RESULTS, mark=(_OPEN, _CLOSE))
    except query.QueryError as exc:
        page["error"] = str(exc)
        return page
    for hit in records(frame):
        hit["snippet_html"] = snippet_html(hit["snippet"])
        hit["snippet"] = (hit["snippet"] or "").replace(_OPEN, "[").replace(_CLOSE, "]")
        page["results"].append(hit)
    return page
