"""The lean default path changes no record: the speed work (issue 15) drops from the default
pipeline what no extractor reads, so a run with every trained component enabled
(`--analysis full`) must give the same records, bar the added analysis, on dev and dev2."""

from __future__ import annotations

import json

import pytest

from pipeline.analysis import FIELD, analysis_requested
from pipeline.io import Article, read_inputs


@pytest.fixture(scope="module")
def full_extractor():
    from pipeline.extractor import Extractor

    with analysis_requested("full"):
        return Extractor()


def canonical(records) -> list[str]:
    """Each record as sorted-key JSON, the analysis left out."""
    return [json.dumps({k: v for k, v in r.items() if k != FIELD}, sort_keys=True, ensure_ascii=False)
            for r in records]


@pytest.mark.parametrize("eval_set", ["dev", "dev2"])
def test_every_component_enabled_gives_the_same_records(eval_set, shared, extractor, full_extractor):
    articles = [a for a in read_inputs([str(shared / "eval" / f"{eval_set}.jsonl")]) if isinstance(a, Article)]
    lean = canonical(extractor.pipe(articles))
    full_records = list(full_extractor.pipe(articles))
    assert all(r.get(FIELD) for r in full_records)  # the full pipeline really ran
    full = canonical(full_records)
    assert len(lean) == len(articles)
    differing = [json.loads(a)["id"] for a, b in zip(lean, full, strict=True) if a != b]
    assert differing == []
