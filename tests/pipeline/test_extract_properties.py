"""Property-based: whatever text comes in (random Unicode, Indonesian fragments in any order,
dev articles cut and spliced), extraction gives a schema-valid record whose every span lies
inside the text and says what the text says there; the only refusal is a clear ArticleError."""

from __future__ import annotations

import json
import os
from functools import cache

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import pipeline
from pipeline.extractor import ArticleError, Extractor
from pipeline.schema import validation_errors

from ..conftest import SHARED

# Pieces of real regional-news prose and the characters that broke extractors before:
# superscript and circled digits in counts, odd dashes, quotes, list markers, datelines.
FRAGMENTS = [
    "Wali Kota Bekasi Rahmat Effendi", "Bupati Bogor Ade Yasin", "Wakil Gubernur DKI Jakarta",
    "Plt. Kepala Dinas Pendidikan", "Sekretaris Daerah (Sekda) Kota Padang", "H. Andi Harun, S.T., M.Si.",
    "BEKASI -", "JAKARTA, KOMPAS.com —", "Senin (14/2/2022)", "Rabu (10/4)", "pukul 09.00 WIB",
    "menggelar rapat koordinasi", "bersama Forkopimda", "membahas penanganan banjir", "di Aula Pemkot",
    "Ada tiga hal yang harus dilakukan, yakni", "1. Menyusun anggaran;", "2) mendata warga;", "② ",
    "ketiga, memperbaiki drainase.", "Program Keluarga Harapan (PKH)", "Bantuan Langsung Tunai (BLT)",
    "²", "①", "³ orang", "Rp 5 juta", "”", "“", "\n", "\n\n", ". ", ", ", " ", "kata dia.", "(ant)",
    "Ia menegaskan,", "\u00a0", "\t", "…", "–", "Pj. Bupati", "Camat", "Lurah", "Kepala Bappeda Koswara",
]


@cache
def rules_extractor() -> Extractor:
    """The rules backend: every warta component, no statistical model, fast enough for many examples."""
    return Extractor(backend="rules")


@cache
def dev_texts() -> list[str]:
    """The dev articles' texts."""
    lines = (SHARED / "eval" / "dev.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["text"] for line in lines]


def spans(value: object):
    """Every dict with integer start/end anywhere in a record."""
    if isinstance(value, dict):
        if isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
            yield value
        for inner in value.values():
            yield from spans(inner)
    elif isinstance(value, list):
        for inner in value:
            yield from spans(inner)


def check(make_record, text: str) -> None:
    """The record for text is valid, and each span is inside it and quotes it."""
    try:
        record = make_record(text)
    except ArticleError:
        return  # a documented refusal (nothing left after cleaning, too long), not a crash
    assert validation_errors(record) == []
    body = record["text"]
    for item in spans({k: v for k, v in record.items() if k not in ("boilerplate", "dateline")}):
        assert 0 <= item["start"] <= item["end"] <= len(body), item
        if isinstance(item.get("text"), str):
            assert body[item["start"]:item["end"]] == item["text"], item


fragment_text = st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=60).map("".join)
mixed_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), min_size=1, max_size=40).map(
    "".join)


@st.composite
def mutated_article(draw) -> str:
    """A dev article with slices cut, repeated or replaced by fragments or random characters."""
    text = draw(st.sampled_from(dev_texts()))
    for _ in range(draw(st.integers(1, 4))):
        start = draw(st.integers(0, len(text)))
        end = draw(st.integers(start, min(len(text), start + 400)))
        insert = draw(st.one_of(st.just(""), st.just(text[start:end] * 2), fragment_text, st.text(max_size=20)))
        text = text[:start] + insert + text[end:]
    return text


# CI runs a fixed sample; WARTA_PROPERTY_EXAMPLES=N searches N fresh random examples per test.
SEARCH = int(os.environ.get("WARTA_PROPERTY_EXAMPLES", "0"))
SETTINGS = settings(max_examples=SEARCH or 60, deadline=None, derandomize=not SEARCH,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@SETTINGS
@given(st.text(min_size=1, max_size=400))
def test_random_unicode(text: str):
    check(lambda t: rules_extractor().extract(t, id="random"), text)


@SETTINGS
@given(st.one_of(fragment_text, mixed_text))
# Found by this test: a superscript or circled digit counts as a digit to str.isdigit() but
# not to int(), and crashed the officials extractor's "20 Pj Kades" count.
@example("② Wali Kota Bekasi Rahmat Effendi")
@example("²\nWali Kota Bekasi Rahmat Effendi membuka rapat.")
def test_indonesian_fragments_in_any_order(text: str):
    check(lambda t: rules_extractor().extract(t, id="fragments"), text)


@SETTINGS
@given(mutated_article())
def test_mutated_dev_articles(text: str):
    check(lambda t: rules_extractor().extract(t, id="mutated"), text)


@pytest.mark.usefixtures("shared")
@settings(max_examples=15, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(mutated_article(), mixed_text))
def test_the_default_pipeline_on_mutated_articles(text: str):
    check(lambda t: pipeline.extract(t, id="default"), text)
