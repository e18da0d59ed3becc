"""How the officials extractor's time grows with article length.

Joins the dev2 articles into one text and times `find_officials` on its first 20k and 200k
characters (after a warm-up that loads the vocabularies). Linear work gives a ratio near 10;
the issue's bound is about 10x. Timings on a shared machine are noisy: take the median of a few runs.

    python benchmarks/officials_scaling.py [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from pipeline.officials import find_officials

DEV2 = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "dev2.jsonl"


def seconds(text: str, runs: int) -> float:
    """Median wall time of find_officials on the text."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        find_officials(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=DEV2, help="a JSONL file of articles with a `text` field")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    blob = "\n".join(json.loads(line)["text"] for line in args.corpus.open(encoding="utf-8"))
    find_officials(blob[:5000])
    small, large = seconds(blob[:20_000], args.runs), seconds(blob[:200_000], args.runs)
    print(f"20k chars: {small:.3f}s  200k chars: {large:.3f}s  ratio {large / small:.1f}x")


if __name__ == "__main__":
    main()
