"""How well warta carries over to text it was not tuned on.

Prints, in one run: the dev (40 articles the rules were written on) and dev2 (120 unseen
articles) scorecards side by side, with dev2's 95% intervals, and for every learned component
its figures under 5-fold cross-validation over articles against the rules alone.

    python benchmarks/generalisation.py                  # scorecards and cross-validation
    python benchmarks/generalisation.py --no-cv          # scorecards only
    python benchmarks/generalisation.py --backend rules  # the extractors without a model

A learned component joins the report by providing `pipeline/train/cv_<component>.py` with
`cross_validate(folds=5, seed=0) -> dict` (keys: component, metric, rules, learned, combined).
"""

from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WARTA_SHARED", REPO.parent / "shared"))
FIELDS = ("officials", "dates", "meetings", "meeting_pairs", "list_items", "programs")
FIGURES = ("official_title_score", "published_accuracy", "lists_exact", "macro_f1")


def load_scorer():
    """The shared scorer module (pipeline.train.crossval loads it for every user of it)."""
    from pipeline.train.crossval import scorer

    return scorer(SHARED / "eval")


def score_set(name: str, backend: str, scorer) -> dict:
    """Extract one eval set with the given backend and score it against its gold."""
    from pipeline.extractor import Extractor
    from pipeline.io import Article, read_inputs

    articles = [a for a in read_inputs([str(SHARED / "eval" / f"{name}.jsonl")]) if isinstance(a, Article)]
    records = {r["id"]: r for r in Extractor(backend=backend).pipe(articles)}
    gold = scorer.read_jsonl(str(SHARED / "eval" / f"{name}.gold.jsonl"))
    return {"result": scorer.score(gold, records), "gold": gold, "records": records}


def print_scorecards(dev: dict, dev2: dict) -> None:
    """The two scorecards as one table: P/R/F1 per field, dev beside dev2."""
    print(f"{'field':<22}{'dev P':>7}{'R':>7}{'F1':>7}   {'dev2 P':>7}{'R':>7}{'F1':>7}   {'gap':>6}")
    for field in FIELDS:
        a, b = dev["result"].get(field), dev2["result"].get(field)
        if not a or not b:
            continue
        gap = a["f1"] - b["f1"]
        print(f"{field:<22}{a['precision']:>7.3f}{a['recall']:>7.3f}{a['f1']:>7.3f}   "
              f"{b['precision']:>7.3f}{b['recall']:>7.3f}{b['f1']:>7.3f}   {gap:>6.3f}")
    for key in FIGURES:
        a, b = dev["result"].get(key), dev2["result"].get(key)
        if isinstance(a, float) and isinstance(b, float):
            print(f"{key:<22}{'':>14}{a:>7.3f}   {'':>14}{b:>7.3f}   {a - b:>6.3f}")


def cv_modules() -> list[str]:
    """Every pipeline.train.cv_* module: one per learned component."""
    import pipeline.train as train

    return sorted(f"pipeline.train.{m.name}" for m in pkgutil.iter_modules(train.__path__)
                  if m.name.startswith("cv_"))


def print_cross_validation(folds: int) -> None:
    """Each learned component's cross-validated figures against the rules alone."""
    names = cv_modules()
    if not names:
        print("\nno learned component on top of the rules")
        return
    print(f"\n{folds}-fold cross-validation over articles of dev+dev2 (trained on 4/5, scored on 1/5):")
    print(f"{'component':<22}{'metric':<18}{'source':<10}{'P':>7}{'R':>7}{'F1':>7}")
    for name in names:
        report = importlib.import_module(name).cross_validate(folds=folds)
        for source in ("rules", "learned", "combined"):
            figures = report.get(source)
            if figures:
                print(f"{report['component']:<22}{report['metric']:<18}{source:<10}"
                      f"{figures['p']:>7.3f}{figures['r']:>7.3f}{figures['f1']:>7.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", default="spacy", choices=("spacy", "stanza", "rules"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--no-cv", action="store_true", help="skip the learned components' cross-validation")
    args = parser.parse_args(argv)
    if not (SHARED / "eval" / "dev2.jsonl").exists():
        print(f"shared eval data not found at {SHARED}; set WARTA_SHARED", file=sys.stderr)
        return 1
    scorer = load_scorer()
    dev, dev2 = score_set("dev", args.backend, scorer), score_set("dev2", args.backend, scorer)
    print(f"backend {args.backend}: dev (40 articles, tuned on) beside dev2 (120 articles, unseen)\n")
    print_scorecards(dev, dev2)
    ci = scorer.bootstrap(dev2["gold"], dev2["records"])
    print("\ndev2 95% intervals (articles resampled): "
          + "  ".join(f"{k} {lo:.3f}-{hi:.3f}" for k, (lo, hi) in ci.items()))
    if not args.no_cv:
        print_cross_validation(args.folds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
