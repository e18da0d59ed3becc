"""warta's pages for journalists, as a Datasette plugin: search, person, article and meeting pages.

`warta serve` registers this package with Datasette (pm.register), which then finds its
templates/ and static/ folders. Every page has a JSON twin at the same path plus `.json`:
/warta/search?q=…, /warta/person/<name>, /warta/article/<id>, /warta/meeting/<id>.
"""

from __future__ import annotations

from datasette import hookimpl

from .views import ROUTES

PLUGIN = "warta"


@hookimpl
def register_routes(datasette):
    """The journalist pages, ahead of Datasette's own routes."""
    return ROUTES


@hookimpl
def menu_links(datasette, actor, request):
    """A way back to the search from every Datasette page."""
    return [{"href": datasette.urls.path("/warta/search"), "label": "Search articles (warta)"}]
