"""The plugin's routes: each builds one page's data, then answers it as HTML or, with `.json`, as JSON.

Queries run on a read-only connection of their own in a worker thread, so a page never
touches Datasette's connections (pipeline.query sets row factories and temporary tables).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from contextlib import closing
from urllib.parse import quote, unquote, urlencode

from datasette import Response

from .. import query
from .articles import article_record, finding_spans, meeting_page
from .highlight import KINDS, highlight
from .people import person_page
from .search import FILTERS, search_page

STATIC = "pipeline.web"


def warta_database(datasette):
    """The warta database: the one named in the plugin's config, else the first one served."""
    return datasette.get_database((datasette.plugin_config("warta") or {}).get("database"))


async def _ask(datasette, build: Callable, *args):
    """Run build(conn, *args) on a fresh read-only connection in a worker thread."""
    path = warta_database(datasette).path

    def work():
        with closing(query.connect(path)) as conn:
            return build(conn, *args)

    return await asyncio.to_thread(work)


def _json(data: dict, status: int = 200) -> Response:
    """A JSON answer, readable (UTF-8, indented)."""
    return Response(json.dumps(data, ensure_ascii=False, indent=2, default=str), status=status,
                    content_type="application/json; charset=utf-8")


def _links(datasette) -> dict[str, Callable]:
    """URL builders the templates use, so every link is encoded the same way."""
    def person_url(name: str, person_id: int | None = None, suffix: str = "") -> str:
        url = datasette.urls.path(f"/warta/person/{quote(name, safe='')}{suffix}")
        return url + (f"?id={person_id}" if person_id is not None else "")

    return {
        "person_url": person_url,
        "article_url": lambda aid, suffix="": datasette.urls.path(f"/warta/article/{quote(aid, safe='')}{suffix}"),
        "meeting_url": lambda mid, suffix="": datasette.urls.path(f"/warta/meeting/{quote(mid, safe='')}{suffix}"),
        "search_url": lambda **params: datasette.urls.path("/warta/search") + (
            "?" + urlencode({k: v for k, v in params.items() if v}) if any(params.values()) else ""),
        "static_url": lambda name: datasette.urls.static_plugins(STATIC, name),
        "tables_url": datasette.urls.database(warta_database(datasette).name),
    }


async def _page(datasette, request, template: str, data: dict, status: int = 200) -> Response:
    """The data rendered with its template; the JSON twin is the page URL plus `.json`."""
    context = {**data, **_links(datasette), "json_url": _json_url(request), "kinds": KINDS}
    html = await datasette.render_template(f"warta/{template}", context, request=request)
    return Response.html(html, status=status)


def _json_url(request) -> str:
    """This page's JSON twin: `.json` before the query string."""
    return request.path + ".json" + (f"?{request.query_string}" if request.query_string else "")


def _wants_json(request) -> bool:
    return bool(request.url_vars.get("json"))


async def start(datasette, request) -> Response:
    """The start page is the search."""
    return Response.redirect(datasette.urls.path("/warta/search"))


async def search(datasette, request) -> Response:
    """Full-text search with date, outlet and person filters."""
    params = {k: request.args.get(k, "") for k in FILTERS}
    data = await _ask(datasette, search_page, params)
    if _wants_json(request):
        return _json(data, 400 if data["error"] else 200)
    return await _page(datasette, request, "search.html", data, 400 if data["error"] else 200)


def _hops(request) -> int:
    """The graph's reach from the query string: 1 (default) or 2."""
    return 2 if request.args.get("hops") == "2" else 1


async def person(datasette, request) -> Response:
    """A person by any known form of the name; an ambiguous name lists the candidates."""
    name = unquote(request.url_vars["name"])
    raw_id = request.args.get("id", "")
    person_id = int(raw_id) if raw_id.isdigit() else None
    data = await _ask(datasette, person_page, name, person_id, _hops(request))
    status = 404 if data["status"] == "unknown" else 200
    if _wants_json(request):
        return _json(data, status)
    keep = {"id": person_id} if person_id is not None else {}
    hop_urls = {1: request.path + (f"?{urlencode(keep)}" if keep else ""),
                2: request.path + "?" + urlencode({**keep, "hops": 2})}
    return await _page(datasette, request, "person.html", {**data, "hops": _hops(request), "hop_urls": hop_urls},
                       status)


def _exists(conn, table: str, ident: str) -> bool:
    """Whether the table (articles or meetings, never user input) has a row with this id."""
    return conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (ident,)).fetchone() is not None


def _id_and_format(request, exists: Callable[[str], bool]) -> tuple[str, bool]:
    """The id in the path and whether JSON was asked for; an id that itself ends in .json wins as an id."""
    ident = unquote(request.url_vars["id"])
    if _wants_json(request) and not exists(ident) and exists(ident + ".json"):
        return ident + ".json", False
    return ident, _wants_json(request)


def _article_data(conn, article_id: str) -> dict | None:
    """The record and, for the page, its text with findings highlighted."""
    record = article_record(conn, article_id)
    if record is None:
        return None
    return {"record": record, "text_html": highlight(record["text"] or "", finding_spans(record))}


async def _page_by_id(datasette, request, table: str, build: Callable, template: str,
                      as_data: Callable[[dict], dict] = lambda data: data) -> Response:
    """An article or meeting page: build(conn, id) gives its data, None for an unknown id."""
    def work(conn):
        ident, as_json = _id_and_format(request, lambda i: _exists(conn, table, i))
        return ident, as_json, build(conn, ident)

    ident, as_json, data = await _ask(datasette, work)
    what = table.rstrip("s")
    if as_json:
        return _json(as_data(data) if data else {"error": f"no {what} {ident!r}"}, 200 if data else 404)
    if data is None:
        return await _page(datasette, request, "missing.html", {"what": what, "ident": ident}, 404)
    return await _page(datasette, request, template, data)


async def article(datasette, request) -> Response:
    """An article's text with its findings highlighted, the folded boilerplate, and the record (JSON: the record)."""
    return await _page_by_id(datasette, request, "articles", _article_data, "article.html",
                             lambda data: {"record": data["record"]})


async def meeting(datasette, request) -> Response:
    """A meeting: type, date, place, participants with roles, evidence, and its article."""
    return await _page_by_id(datasette, request, "meetings", meeting_page, "meeting.html")


ROUTES = [
    (r"^/$", start),
    (r"^/warta/search(?P<json>\.json)?$", search),
    (r"^/warta/person/(?P<name>[^/]+?)(?P<json>\.json)?$", person),
    (r"^/warta/article/(?P<id>.+?)(?P<json>\.json)?$", article),
    (r"^/warta/meeting/(?P<id>.+?)(?P<json>\.json)?$", meeting),
]
