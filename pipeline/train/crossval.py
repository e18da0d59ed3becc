"""What every cross-validated component shares: the gold sets, the project's scorer, the folds
over articles, the figures and the `cv`/`train` command line (pipeline/train/cv_*.py)."""

from __future__ import annotations

import argparse
import importlib.util
import json
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import numpy as np

REPO = Path(__file__).resolve().parents[2]
EVAL_DIR = REPO.parent / "shared" / "eval"
SETS = ("dev", "dev2")


def scorer(eval_dir: Path = EVAL_DIR) -> ModuleType:
    """The project's score.py, loaded from the shared eval folder."""
    spec = importlib.util.spec_from_file_location("warta_eval_score", eval_dir / "score.py")
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"no score.py in {eval_dir}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def gold_articles(eval_dir: Path = EVAL_DIR, sets: tuple[str, ...] = SETS) -> Iterator[tuple[str, dict, dict]]:
    """Every article of the gold sets as (set name, its gold record, its input line), in file order."""
    for name in sets:
        with (eval_dir / f"{name}.gold.jsonl").open(encoding="utf-8") as handle:
            gold = {g["id"]: g for g in map(json.loads, handle)}
        with (eval_dir / f"{name}.jsonl").open(encoding="utf-8") as handle:
            for line in handle:
                raw = json.loads(line)
                yield name, gold[raw["id"]], raw


def fold_split(n: int, folds: int, seed: int) -> list[set[int]]:
    """Article indices held out by each fold: a shuffled round-robin, each article in one fold."""
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return [{order[i] for i in range(k, n, folds)} for k in range(folds)]


def prf(counts: np.ndarray) -> dict:
    """Precision, recall and F1 of (tp, fp, fn), rounded."""
    tp, fp, fn = (int(c) for c in counts)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3), "tp": tp, "fp": fp, "fn": fn}


def cv_main(description: str, cross_validate: Callable[[int, int], dict],
            train: Callable[[Path, int], Path], model_dir: Path, argv: list[str] | None = None) -> int:
    """The command line of a cv_* module: `cv` prints the cross-validated figures, `train`
    writes the model fitted on every gold article."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("action", choices=("cv", "train"))
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("-o", "--output", type=Path, default=model_dir)
    args = parser.parse_args(argv)
    if args.action == "cv":
        print(json.dumps(cross_validate(args.folds, args.seed), indent=1))
    else:
        print(f"wrote {train(args.output, args.seed)}")
    return 0
