"""How long the meetings extractor takes, and that it grows linearly with article length.

    python benchmarks/meetings_bench.py [--articles ../shared/eval/dev2.jsonl]

Prints the time of find_meetings alone (officials and dates computed beforehand by the rule
extractors) on real articles, then on one article repeated 1x, 4x and 16x, and on a pathological
100,000-character token: the per-character cost should stay flat.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from pipeline.dates import find_dates
from pipeline.meetings import find_meetings, merge_false_splits
from pipeline.officials import find_officials


def timed(fn, *args) -> float:
    """Seconds one call takes."""
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", default=str(Path(__file__).resolve().parents[2] / "shared/eval/dev2.jsonl"))
    parser.add_argument("--limit", type=int, default=40)
    args = parser.parse_args()
    texts = [json.loads(line)["text"] for line in open(args.articles, encoding="utf-8")][:args.limit]
    inputs = [(t, find_officials(t), find_dates(t)) for t in texts]
    seconds = sum(timed(find_meetings, t, o, d) for t, o, d in inputs)
    chars = sum(len(t) for t in texts)
    print(f"real articles: {len(texts)} articles, {chars:,} chars, {seconds:.3f} s, {chars / seconds:,.0f} chars/s")
    busiest = max(inputs, key=lambda x: len(x[1]))[0]  # the article naming most officials
    for times in (1, 4, 16):
        text = "\n".join([busiest] * times)
        officials, dates = find_officials(text), find_dates(text)
        s = timed(find_meetings, text, officials, dates)
        print(f"article x{times:<2}: {len(text):>9,} chars {s:7.3f} s {1e6 * s / len(text):6.2f} us/char")
    # A statistical segmenter cuts such a token into many pieces, none ending a sentence: all are joined.
    token = "Bupati " + "a" * 100_000 + ". Sekda hadir."
    pieces = [(k, min(k + 100, len(token))) for k in range(0, len(token), 100)]
    s = timed(merge_false_splits, token, pieces)
    print(f"100,000-char token in {len(pieces):,} pieces, sentence joining: {s:.4f} s")


if __name__ == "__main__":
    main()
