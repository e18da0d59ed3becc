"""The extraction evaluation as part of the suite: the dev set, scored by ../shared/eval/score.py.

The floors are the figures the pipeline reached when they were set, a little below, so a change
that loses ground on real articles fails here. They are measurements, not targets: the held-out
articles judge the work, and the issues' targets are in the README.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.io import Article, read_inputs
from pipeline.schema import validation_errors
from pipeline.train.crossval import scorer

FLOORS = {
    "officials.f1": 0.95,
    "official_title_score": 0.95,
    "dates.f1": 0.97,
    "meetings.f1": 0.95,
    "list_items.f1": 0.88,
    "lists_exact": 0.80,
    "programs.f1": 0.90,
    "published_accuracy": 0.95,
}


# dev2: 120 articles scored first as unseen text (macro-F1 0.735), then used to find classes of
# error; the floors sit below the figures measured after that work (macro-F1 0.893).
DEV2_FLOORS = {
    "officials.f1": 0.85,
    "official_title_score": 0.95,
    "dates.f1": 0.97,
    "meetings.f1": 0.80,
    "meeting_pairs.f1": 0.74,
    "list_items.f1": 0.92,
    "lists_exact": 0.85,
    "programs.f1": 0.75,
    "published_accuracy": 0.95,
}


def load_scorer(shared: Path):
    """The shared scorer module, loaded as the cross-validation loads it."""
    return scorer(shared / "eval")


def run_set(shared: Path, extractor, name: str) -> tuple[list[dict], dict]:
    """Records for every article of one eval set, and the scorer's figures for them."""
    articles = [a for a in read_inputs([str(shared / "eval" / f"{name}.jsonl")]) if isinstance(a, Article)]
    records = list(extractor.pipe(articles))
    scorer = load_scorer(shared)
    gold = scorer.read_jsonl(str(shared / "eval" / f"{name}.gold.jsonl"))
    return records, scorer.score(gold, {r["id"]: r for r in records})


@pytest.fixture(scope="module")
def dev_run(shared: Path, extractor):
    """Records for every dev article, and the scorer's figures for them."""
    return run_set(shared, extractor, "dev")


@pytest.fixture(scope="module")
def dev2_result(shared: Path, extractor):
    """The scorer's figures for the 120 dev2 articles."""
    return run_set(shared, extractor, "dev2")[1]


def figure(result: dict, key: str) -> float:
    """A dotted metric such as officials.f1 from the scorer's result."""
    node = result
    for part in key.split("."):
        node = node[part]
    return node


def test_every_dev_article_yields_a_schema_valid_record(dev_run):
    records, result = dev_run
    assert len(records) == result["documents"] == 40 and not result["missing_predictions"]
    invalid = {r["id"]: validation_errors(r)[:3] for r in records if validation_errors(r)}
    assert invalid == {}


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_dev_scorecard_holds_its_floor(dev_run, metric):
    _, result = dev_run
    assert figure(result, metric) >= FLOORS[metric]


@pytest.mark.parametrize("metric", sorted(DEV2_FLOORS))
def test_dev2_scorecard_holds_its_floor(dev2_result, metric):
    assert dev2_result["documents"] == 120 and not dev2_result["missing_predictions"]
    assert figure(dev2_result, metric) >= DEV2_FLOORS[metric]


def test_the_trained_model_loses_no_official_the_rules_find(dev_run, shared: Path):
    from pipeline.extractor import Extractor

    articles = [a for a in read_inputs([str(shared / "eval" / "dev.jsonl")]) if isinstance(a, Article)]
    scorer = load_scorer(shared)
    gold = scorer.read_jsonl(str(shared / "eval" / "dev.gold.jsonl"))
    rules = scorer.score(gold, {r["id"]: r for r in Extractor(backend="rules").pipe(articles)})
    _, with_model = dev_run
    # Since issue 13 the rules alone read the one dev official the model used to add (a numbered
    # chair, names with initials); on dev2 the model still adds recall (0.856 against 0.851).
    assert with_model["officials"]["recall"] >= rules["officials"]["recall"]
    assert with_model["officials"]["precision"] >= rules["officials"]["precision"]
