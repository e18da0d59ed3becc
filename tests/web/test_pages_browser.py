"""The journalist pages in a real browser (chromium via Playwright) against the indexed sample corpus."""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import quote

import pytest

from .conftest import MARKUP_ID, get_json


def audiensi_record(records: list[dict]) -> dict:
    """The corpus article about the audiensi between Bekasi and DKI Jakarta."""
    return next(r for r in records if any(m["type"] == "audiensi" for m in r["meetings"]))


def article_path(article_id: str) -> str:
    return "/warta/article/" + quote(article_id, safe="")


def test_search_for_bantargebang_lists_the_audiensi_article_first(page, corpus_records):
    page.goto("/warta/search")
    page.fill("input[name=q]", "Bantargebang")
    page.press("input[name=q]", "Enter")
    first = page.locator(".result").first
    first.wait_for()
    assert first.locator(".result-title").get_attribute("href") == article_path(audiensi_record(corpus_records)["id"])
    assert first.locator(".snippet mark").first.inner_text() == "Bantargebang"
    first.locator(".result-title").click()
    assert "Audiensi" in page.locator("h1").inner_text()


def test_search_filters_narrow_the_hits(page):
    page.goto("/warta/search?q=Bekasi")
    every = page.locator(".result").count()
    page.fill("input[name=since]", "2021-01-01")
    page.press("input[name=q]", "Enter")
    page.wait_for_url("**since=2021-01-01**")
    dates = page.locator(".result .meta").all_inner_texts()
    assert dates and all(d[:10] >= "2021-01-01" for d in dates)
    assert len(dates) < every


def met_group(page, name_part: str):
    """The 'people met' block of the person whose name contains name_part."""
    return page.locator(".met-group").filter(has=page.locator("h3", has_text=name_part))


def graph_pairs(page) -> set[frozenset[str]]:
    """The pairs of names joined by a line in the drawn graph."""
    page.locator("#warta-graph[data-drawn=true]").wait_for()
    pairs = page.eval_on_selector_all(
        "#warta-graph line", "lines => lines.map(l => [l.dataset.source, l.dataset.target])")
    return {frozenset(p) for p in pairs}


def test_rahmat_effendi_met_sandiaga_uno_on_2017_12_05_and_the_graph_joins_them(page):
    page.goto("/warta/person/" + quote("Rahmat Effendi"))
    assert page.locator("h1").inner_text() == "Rahmat Effendi"
    sandiaga = met_group(page, "Sandiaga")
    assert sandiaga.count() == 1
    assert "Uno" in sandiaga.locator("h3").inner_text()
    assert "2017-12-05" in sandiaga.locator("td.when").all_inner_texts()
    # The evidence shown names the person met, not only the headline.
    assert "Sandiaga" in sandiaga.locator("td.evidence").first.inner_text()
    sandiaga_name = sandiaga.locator("h3").inner_text()
    assert frozenset({"Rahmat Effendi", sandiaga_name}) in graph_pairs(page)
    # A node opens that person's page.
    page.locator(f'#warta-graph a[data-name="{sandiaga_name}"]').click()
    page.locator("h1").wait_for()
    assert page.locator("h1").inner_text() == sandiaga_name


def test_a_shortened_name_finds_the_person(page):
    page.goto("/warta/person/" + quote("Sandiaga Uno"))
    assert page.locator("h1").inner_text() == "Sandiaga Salahudin Uno"
    assert "Rahmat Effendi" in page.locator(".met-group h3").all_inner_texts()


def test_tri_adhianto_shows_his_three_posts_in_date_order(page):
    page.goto("/warta/person/" + quote("Tri Adhianto"))
    posts = page.locator(".timeline .post")
    assert posts.count() == 3
    dates = posts.locator(".when").all_inner_texts()
    assert dates == sorted(dates)
    assert posts.locator(".post-title").all_inner_texts() == [
        "Kepala Dinas PUPR", "Wakil Wali Kota Bekasi", "Plt. Wali Kota Bekasi"]
    # Each post links to the article that states it.
    for link in posts.locator(".sources a").all():
        assert link.get_attribute("href").startswith("/warta/article/")


def test_an_ambiguous_short_name_lists_the_candidates_instead_of_mixing_them(page):
    page.goto("/warta/person/Tri")
    names = page.locator(".candidates li a").all_inner_texts()
    assert len(names) >= 2 and all("Tri" in n for n in names)
    assert page.locator("#timeline").count() == 0
    page.locator(".candidates li a", has_text="Adhianto").click()
    assert page.locator(".timeline .post").count() == 3


def test_article_pages_highlight_each_officials_mentions(page, corpus_records):
    checked = 0
    for record in corpus_records:
        page.goto(article_path(record["id"]))
        for i, official in enumerate(record["officials"]):
            marks = page.locator(f'.article-text mark.f-official[data-official="{i}"]')
            expected = [m["text"] for m in sorted(official["mentions"], key=lambda m: m["start"])]
            assert marks.all_inner_texts() == expected, (record["id"], official["name"])
            colour = marks.first.evaluate("m => getComputedStyle(m).backgroundColor")
            assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
            checked += 1
        # The legend names every kind the text is marked with.
        kinds = set(page.eval_on_selector_all(".article-text mark.f", "ms => ms.map(m => m.classList[1])"))
        legend = set(page.eval_on_selector_all(".legend mark.f", "ms => ms.map(m => m.classList[1])"))
        assert kinds <= legend
    assert checked >= 10


def test_article_text_with_markup_is_shown_as_text(page):
    page.goto(article_path(MARKUP_ID))
    assert "<script>alert(1)</script>" in page.locator(".article-text").inner_text()
    assert page.locator("h1").inner_text() == "Awas <b>hoaks</b> berisi <script>alert(2)</script>"
    assert page.locator("script", has_text="alert").count() == 0
    assert page.locator(".article-text b, .article-text script, h1 b").count() == 0
    assert page.locator('.article-text mark.f-official[data-official="0"]').all_inner_texts() == ["Ade Yasin"] * 2


def test_meeting_page_shows_participants_roles_and_evidence(page, corpus_records, server):
    record = audiensi_record(corpus_records)
    meeting_id = f"{record['id']}#m0"
    page.goto("/warta/meeting/" + quote(meeting_id, safe=""))
    rows = page.locator("table.participants tbody tr")
    assert rows.count() == len(record["meetings"][0]["participants"])
    assert "2017-12-05" in page.locator("h1").inner_text()
    assert page.locator("blockquote.evidence").count() == len(record["meetings"][0]["evidence"])
    _, data = get_json(server, "/warta/meeting/" + quote(meeting_id, safe="") + ".json")
    assert [p["role"] for p in data["meeting"]["participants"]] == [
        p["role"] for p in record["meetings"][0]["participants"]]


def test_pages_work_with_javascript_off_except_the_graph(browser, server):
    context = browser.new_context(java_script_enabled=False, base_url=server)
    try:
        page = context.new_page()
        page.goto("/warta/person/" + quote("Tri Adhianto"))
        assert page.locator(".timeline .post").count() == 3
        assert page.locator("#warta-graph svg").count() == 0
        page.goto("/warta/search?q=Bantargebang")
        assert page.locator(".result").count() >= 1
    finally:
        context.close()


def test_screenshots_of_the_person_and_article_pages(page, corpus_records, tmp_path: Path):
    """Screenshots for the README; WARTA_SCREENSHOT_DIR=docs writes them there."""
    folder = Path(os.environ.get("WARTA_SCREENSHOT_DIR") or tmp_path)
    page.set_viewport_size({"width": 1000, "height": 900})
    page.goto("/warta/person/" + quote("Rahmat Effendi"))
    page.locator("#warta-graph[data-drawn=true]").wait_for()
    page.screenshot(path=folder / "warta-serve-person.png")
    page.goto(article_path(audiensi_record(corpus_records)["id"]))
    page.screenshot(path=folder / "warta-serve-article.png")
    for name in ("warta-serve-person.png", "warta-serve-article.png"):
        data = (folder / name).read_bytes()
        assert data.startswith(b"\x89PNG") and 20_000 < len(data) < 600_000


@pytest.mark.parametrize("path", ["/warta/person/Nobody%20Known", "/warta/article/no-such-article"])
def test_unknown_people_and_articles_say_so(page, path):
    response = page.goto(path)
    assert response.status == 404
    assert page.locator("h1").inner_text().startswith("No ")
