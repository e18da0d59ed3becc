"""Dates: warta's find_dates against dateparser.search_dates on the hand-annotated dev articles.

usage: python benchmarks/dates_vs_dateparser.py [--articles DEV.jsonl] [--gold DEV.gold.jsonl]
                                                [--score score.py] [--published]
Both run over each article's raw text and are scored with score.py's own rule (distinct
day-precise values per article); score.py is imported from the shared folder, not copied.
--published gives both the gold publication date as the reference date (dateparser's
RELATIVE_BASE), as the pipeline would once the metadata step has read it.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from datetime import datetime
from pathlib import Path
from types import ModuleType

from pipeline.dates import find_dates

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"


def load_scorer(path: Path) -> ModuleType:
    """The shared score.py as a module."""
    spec = importlib.util.spec_from_file_location("warta_eval_score", path)
    if spec is None or spec.loader is None:
        sys.exit(f"cannot load scorer {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_warta(articles: dict, published: dict) -> dict:
    """Predicted records from warta's find_dates."""
    return {i: {"id": i, "dates": find_dates(a["text"], published.get(i))} for i, a in articles.items()}


def run_dateparser(articles: dict, published: dict) -> dict:
    """Predicted records from dateparser.search_dates, Indonesian, day first."""
    from dateparser.search import search_dates

    out = {}
    for i, a in articles.items():
        settings = {"DATE_ORDER": "DMY"}
        if published.get(i):
            settings["RELATIVE_BASE"] = datetime.fromisoformat(published[i][:10])
        found = search_dates(a["text"], languages=["id"], settings=settings) or []
        out[i] = {"id": i, "dates": [{"text": text, "value": when.date().isoformat()} for text, when in found]}
    return out


def timed(fn, *args) -> tuple[dict, float]:
    """fn(*args) and the seconds it took."""
    start = time.perf_counter()
    result = fn(*args)
    return result, time.perf_counter() - start


def main() -> None:
    """Run both extractors, score them the same way, print P/R/F1 and timing."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=Path, default=EVAL / "dev.jsonl")
    ap.add_argument("--gold", type=Path, default=EVAL / "dev.gold.jsonl")
    ap.add_argument("--score", type=Path, default=None, help="score.py (default: beside the gold file)")
    ap.add_argument("--published", action="store_true", help="give both the gold publication date")
    a = ap.parse_args()
    scorer = load_scorer(a.score or a.gold.parent / "score.py")
    articles, gold = scorer.read_jsonl(a.articles), scorer.read_jsonl(a.gold)
    published = {i: g.get("published") for i, g in gold.items()} if a.published else {}
    find_dates("Senin (1/1/2024)")  # compile the patterns outside the timing
    print(f"{len(articles)} articles, gold from {a.gold}")
    print(f"{'extractor':<26} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn   seconds  ms/article")
    for name, runner in (("warta find_dates", run_warta), ("dateparser search_dates", run_dateparser)):
        pred, seconds = timed(runner, articles, published)
        r = scorer.score(gold, pred)["dates"]
        print(f"{name:<26} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}   "
              f"{r['tp']}/{r['fp']}/{r['fn']}  {seconds:8.2f}  {1000 * seconds / max(len(articles), 1):10.1f}")


if __name__ == "__main__":
    main()
