"""The library API: pipeline.extract and Extractor.pipe over real articles."""

from __future__ import annotations

import pytest

import pipeline
from pipeline.extractor import ArticleError, normalise_published, outlet_from_url
from pipeline.io import Article
from pipeline.schema import validation_errors


def test_extract_returns_a_schema_valid_record_with_offsets_into_the_text(seeds):
    text = seeds["001_8dcd5bd8d2bddff7.txt"]
    record = pipeline.extract(text, id="dakta-rkpd", url="https://www.dakta.com/news/1")
    assert validation_errors(record) == []
    assert record["id"] == "dakta-rkpd" and record["schema_version"] == pipeline.SCHEMA_VERSION
    for field in ("officials", "dates", "programs", "task_lists", "organizations"):
        for item in record[field]:
            for span in [item, *item.get("mentions", [])]:
                if "start" in span and "text" in span:
                    assert record["text"][span["start"]:span["end"]] == span["text"]


def test_input_published_wins_over_the_text(seeds, extractor):
    text = seeds["001_8dcd5bd8d2bddff7.txt"]  # its dateline says 19/01/2021
    record = extractor.extract(text, id="x", published="2021-01-20")
    assert record["published"] == "2021-01-20" and record["published_source"] == "input"


def test_pipe_reports_bad_articles_to_the_handler_and_keeps_going(seeds, extractor):
    good = [Article(id=name, text=text) for name, text in seeds.items()]
    huge = Article(id="huge", text="Kota Bekasi membangun. " * (extractor.max_chars // 20))
    failures = []
    records = list(extractor.pipe([good[0], huge, *good[1:]],
                                  on_error=lambda a, stage, reason: failures.append((a.id, reason))))
    assert [r["id"] for r in records] == [a.id for a in good]
    assert failures and failures[0][0] == "huge" and "over the limit" in failures[0][1]


def test_pipe_without_a_handler_raises(extractor):
    too_long = Article(id="big", text="Kota Bekasi. " * (extractor.max_chars // 10))
    with pytest.raises(ArticleError, match="over the limit"):
        list(extractor.pipe([too_long]))


@pytest.mark.parametrize("given, expected", [
    ("2021-01-19", "2021-01-19"),
    ("2021-01-19T10:14:00+07:00", "2021-01-19T10:14:00+07:00"),
    ("2024-04-25T10:44:00Z", "2024-04-25T10:44:00+00:00"),
    ("19 Januari 2021", None),
])
def test_input_published_must_be_iso(given, expected):
    assert normalise_published(given) == expected


def test_outlet_from_url_drops_www():
    assert outlet_from_url("https://www.posmetropadang.co.id/baca/1") == "posmetropadang.co.id"
    assert outlet_from_url(None) is None


def test_pipe_reports_items_that_are_not_articles_to_the_handler(seeds, extractor):
    text = next(iter(seeds.values()))
    failures = []
    items = [{"id": "no-text", "url": "https://bekasikota.go.id"}, "Wali Kota Bekasi meninjau banjir.",
             {"id": "ok", "text": text}]
    records = list(extractor.pipe(items, on_error=lambda a, stage, reason: failures.append((a.id, stage, reason))))
    assert [r["id"] for r in records] == ["ok"]
    assert [(i, s) for i, s, _ in failures] == [("no-text", "input"), ("item 2", "input")]
    assert "`text` string" in failures[0][2] and "not str" in failures[1][2]


def test_a_malformed_url_is_kept_flagged_and_costs_nothing(seeds, extractor):
    record = extractor.extract(seeds["001_8dcd5bd8d2bddff7.txt"], id="x", url="http://[::1")
    assert validation_errors(record) == [] and record["url"] == "http://[::1"
    assert any("not a valid URL" in w for w in record["warnings"]) and record["officials"]
