"""Extraction time against article length: is any extractor worse than linear?

usage: python benchmarks/scaling.py [--backend spacy] [--sizes 25000,50000,...] [--max-seconds 600]

Builds one article of each size from the dev articles' real text, repeated paragraph by
paragraph, and times one extraction of it; then one article that is a single 100,000-character
token (dev text with its spaces removed), the worst case for joining sentence splits. Prints
seconds per article, milliseconds per 1,000 characters, and the growth against the previous
size (1.0 = linear: twice the text, twice the time). Sizes after one that took longer than
--max-seconds are skipped, so a super-linear extractor cannot hang the benchmark.
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEV = REPO.parent / "shared" / "eval" / "dev.jsonl"
SIZES = (25_000, 50_000, 100_000, 200_000, 400_000)
TOKEN = 100_000


def dev_paragraphs() -> list[str]:
    """The dev articles' paragraphs, in order."""
    lines = DEV.read_text(encoding="utf-8").splitlines()
    return [p for line in lines for p in json.loads(line)["text"].split("\n") if p.strip()]


def article_of(size: int, paragraphs: list[str]) -> str:
    """Real text of about size characters: whole paragraphs, cycling through the dev set."""
    parts, total, i = [], 0, 0
    while total < size:
        parts.append(paragraphs[i % len(paragraphs)])
        total += len(parts[-1]) + 2
        i += 1
    return "\n\n".join(parts)[:size]


def one_token(size: int, paragraphs: list[str]) -> str:
    """A single token of size characters: dev text with all whitespace removed."""
    joined = re.sub(r"\s+", "", "".join(paragraphs))
    return (joined * (size // len(joined) + 1))[:size]


def timed(extractor, text: str) -> float:
    """Seconds for one extraction of text."""
    started = time.perf_counter()
    extractor.extract(text, id="scaling")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--backend", default="spacy", choices=("spacy", "stanza", "rules"))
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="article lengths in characters")
    parser.add_argument("--max-seconds", type=float, default=600.0, help="skip larger sizes after a slower one")
    args = parser.parse_args()
    from pipeline.extractor import Extractor

    extractor = Extractor(backend=args.backend)
    paragraphs = dev_paragraphs()
    timed(extractor, article_of(2_000, paragraphs))  # warm-up: lazy vocabularies and caches
    print(f"backend {args.backend}")
    print(f"{'article':>24} {'seconds':>9} {'ms/1k chars':>12} {'growth':>7}")
    previous: tuple[int, float] | None = None
    for size in (int(s) for s in args.sizes.split(",")):
        if previous and previous[1] > args.max_seconds:
            print(f"{f'{size:,} chars of prose':>24} {'skipped':>9}")
            continue
        seconds = timed(extractor, article_of(size, paragraphs))
        growth = f"{(seconds / previous[1]) / (size / previous[0]):.2f}" if previous else ""
        print(f"{f'{size:,} chars of prose':>24} {seconds:9.2f} {1000 * seconds / (size / 1000):12.2f} {growth:>7}",
              flush=True)
        previous = (size, seconds)
    seconds = timed(extractor, one_token(TOKEN, paragraphs))
    print(f"{f'one {TOKEN:,}-char token':>24} {seconds:9.2f} {1000 * seconds / (TOKEN / 1000):12.2f}")


if __name__ == "__main__":
    main()
