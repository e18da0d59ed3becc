"""Scaling of the text steps (cleaning, metadata, task lists) with article length.

usage: python benchmarks/text_steps_scaling.py [--articles DEV2.jsonl] [--size 20000] [--times 10]

A text of --size characters is cut from the joined articles and repeated --times over, once as
paragraphs and once run together as a single paragraph (no line breaks: the worst case for
look-backs to a line start). Each step's best time of three runs is printed for both lengths,
with the ratio; a step linear in length has a ratio near --times.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Callable
from pathlib import Path

from pipeline.clean import clean_text
from pipeline.lists import find_task_lists
from pipeline.lists_text import sentence_spans
from pipeline.metadata import extract_metadata

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"
STEPS: tuple[Callable, ...] = (clean_text, extract_metadata, find_task_lists)


def best_time(step: Callable, text: str, runs: int = 3) -> float:
    """The fastest of a few runs, with the sentence cache emptied before each."""
    best = float("inf")
    for _ in range(runs):
        sentence_spans.cache_clear()
        start = time.perf_counter()
        step(text)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    """Print the timings."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=Path, default=EVAL / "dev2.jsonl")
    parser.add_argument("--size", type=int, default=20000)
    parser.add_argument("--times", type=int, default=10)
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in args.articles.read_text(encoding="utf-8").splitlines()]
    layouts = {"paragraphs": ("\n\n".join(texts)[:args.size], "\n\n"),
               "one paragraph": (" ".join(t.replace("\n", " ") for t in texts)[:args.size], " ")}
    print(f"{'layout':14} {'step':17} {args.size // 1000}k chars  x{args.times}  ratio")
    for layout, (small, glue) in layouts.items():
        large = glue.join([small] * args.times)
        for step in STEPS:
            step(small)  # warm the vocabularies and compiled patterns
            t_small, t_large = best_time(step, small), best_time(step, large)
            print(f"{layout:14} {step.__name__:17} {t_small:8.3f}s {t_large:7.3f}s  {t_large / t_small:5.1f}")


if __name__ == "__main__":
    main()
