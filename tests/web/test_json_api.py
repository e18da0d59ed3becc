"""The pages' JSON twins over plain HTTP: same paths plus `.json`, the same data the pages show."""

from __future__ import annotations

from urllib.parse import quote

from .conftest import MARKUP_ID, MARKUP_TEXT, get_json, get_text
from .test_pages_browser import article_path, audiensi_record


def test_search_json_ranks_the_audiensi_article_first_with_a_marked_snippet(server, corpus_records):
    status, data = get_json(server, "/warta/search.json?q=Bantargebang")
    assert status == 200
    assert data["results"][0]["article_id"] == audiensi_record(corpus_records)["id"]
    assert "[Bantargebang]" in data["results"][0]["snippet"]


def test_search_json_filters_by_date_outlet_and_person(server, corpus_records):
    _, every = get_json(server, "/warta/search.json?q=Bekasi")
    _, late = get_json(server, "/warta/search.json?q=Bekasi&until=2018")
    assert 0 < len(late["results"]) < len(every["results"])
    assert all(hit["date"] <= "2018-12-31" for hit in late["results"])
    outlet = next(r["outlet"] for r in corpus_records if r["outlet"])
    _, by_outlet = get_json(server, "/warta/search.json?q=Bekasi&outlet=" + quote(outlet))
    assert by_outlet["results"] and {hit["outlet"] for hit in by_outlet["results"]} == {outlet}
    _, by_person = get_json(server, "/warta/search.json?q=Bekasi&person=" + quote("Rahmat Effendi"))
    named = {r["id"] for r in corpus_records if any(o["name"] == "Rahmat Effendi" for o in r["officials"])}
    assert {hit["article_id"] for hit in by_person["results"]} == named


def test_search_json_takes_any_typed_text_safely(server):
    for typed in ('"Bekasi', "Bekasi OR (", "kota* NEAR", "'; DROP TABLE articles; --"):
        status, data = get_json(server, "/warta/search.json?q=" + quote(typed))
        assert status == 200 and data["error"] is None, typed
    _, data = get_json(server, "/warta/search.json?q=Bekasi")
    assert data["results"]


def test_search_json_warns_when_the_person_filter_is_ambiguous(server):
    _, data = get_json(server, "/warta/search.json?q=Bekasi&person=Tri")
    assert len(data["person_candidates"]) >= 2


def test_person_json_by_another_form_of_the_name(server):
    status, data = get_json(server, "/warta/person/" + quote("Sandiaga Uno") + ".json")
    assert status == 200 and data["status"] == "found"
    assert data["person"]["name"] == "Sandiaga Salahudin Uno"
    met = {group["name"]: group["meetings"] for group in data["met"]}
    assert [m["date"] for m in met["Rahmat Effendi"]] == ["2017-12-05"]


def test_person_json_graph_has_the_meeting_edges(server):
    _, data = get_json(server, "/warta/person/" + quote("Rahmat Effendi") + ".json")
    graph = data["graph"]
    names = {node["key"]: node["name"] for node in graph["nodes"]}
    pairs = {frozenset((names[e["source"]], names[e["target"]])) for e in graph["edges"]}
    assert frozenset({"Rahmat Effendi", "Sandiaga Salahudin Uno"}) in pairs
    assert {node["hop"] for node in graph["nodes"]} == {0, 1}
    _, wider = get_json(server, "/warta/person/" + quote("Rahmat Effendi") + ".json?hops=2")
    assert len(wider["graph"]["nodes"]) > len(graph["nodes"])
    assert max(node["hop"] for node in wider["graph"]["nodes"]) == 2


def test_ambiguous_and_unknown_names(server):
    status, data = get_json(server, "/warta/person/Tri.json")
    assert status == 200 and data["status"] == "ambiguous" and "timeline" not in data
    chosen = next(c for c in data["candidates"] if "Adhianto" in c["name"])
    _, one = get_json(server, f"/warta/person/Tri.json?id={chosen['id']}")
    assert one["status"] == "found" and [p["post"] for p in one["timeline"]][-1] == "Plt. Wali Kota Bekasi"
    status, data = get_json(server, "/warta/person/" + quote("Nobody Known") + ".json")
    assert status == 404 and data["status"] == "unknown"


def test_article_json_is_the_record_as_indexed(server, corpus_records):
    for record in corpus_records:
        status, data = get_json(server, article_path(record["id"]) + ".json")
        assert status == 200
        indexed = data["record"]
        assert indexed["text"] == record["text"]
        assert indexed["boilerplate"] == record["boilerplate"]
        assert [o["name"] for o in indexed["officials"]] == [o["name"] for o in record["officials"]]
        assert [o["mentions"] for o in indexed["officials"]] == [o["mentions"] for o in record["officials"]]
        assert [d["text"] for d in indexed["dates"]] == [d["text"] for d in record["dates"]]
        assert [len(t["items"]) for t in indexed["task_lists"]] == [len(t["items"]) for t in record["task_lists"]]


def test_meeting_json_with_an_encoded_id(server, corpus_records):
    record = audiensi_record(corpus_records)
    status, data = get_json(server, "/warta/meeting/" + quote(f"{record['id']}#m0", safe="") + ".json")
    assert status == 200
    assert data["meeting"]["type"] == "audiensi" and data["article"]["id"] == record["id"]
    assert [p["name"] for p in data["meeting"]["participants"]] == [
        p["name"] for p in record["meetings"][0]["participants"]]


def test_markup_in_an_article_is_escaped_in_the_html(server):
    status, html = get_text(server, article_path(MARKUP_ID))
    assert status == 200
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert" not in html and "<b>hoaks" not in html and "<i>News" not in html
    _, data = get_json(server, article_path(MARKUP_ID) + ".json")
    assert data["record"]["text"] == MARKUP_TEXT


def test_start_page_and_datasette_pages_remain(server):
    status, html = get_text(server, "/")
    assert status == 200 and 'name="q"' in html
    status, rows = get_json(server, "/warta/persons.json?_shape=array")
    assert status == 200 and any(row["name"] == "Rahmat Effendi" for row in rows)
    status, _ = get_text(server, "/warta/articles?_facet=outlet")
    assert status == 200


def test_unknown_article_and_meeting_are_404(server):
    assert get_json(server, "/warta/article/no-such-id.json")[0] == 404
    assert get_json(server, "/warta/meeting/" + quote("no-such-id#m0", safe="") + ".json")[0] == 404
