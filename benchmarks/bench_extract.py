"""Extraction throughput: articles/s, words/s and peak RSS, single process and with workers.

usage: python benchmarks/bench_extract.py [--articles 2000] [--workers 2] [--backend spacy] [CORPUS.jsonl]
The default corpus is ../shared/eval/dev.jsonl, repeated until --articles is reached.
"""

from __future__ import annotations

import argparse
import resource
import sys
import time
from itertools import cycle, islice
from pathlib import Path

from pipeline.io import Article, read_inputs
from pipeline.runner import extract_stream

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "eval" / "dev.jsonl"


def load_corpus(path: Path, count: int) -> list[Article]:
    """count articles, cycling through the corpus, with unique ids."""
    base = [a for a in read_inputs([str(path)]) if isinstance(a, Article)]
    if not base:
        sys.exit(f"no articles in {path}")
    out = []
    for n, article in enumerate(islice(cycle(base), count)):
        out.append(Article(id=f"{article.id}#{n}", text=article.text, url=article.url,
                           source_file=article.source_file))
    return out


def peak_rss_mib() -> tuple[float, float]:
    """Peak resident memory of this process and of its finished children, in MiB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def measure(articles: list[Article], workers: int, backend: str) -> dict:
    """Run one extraction pass and return its figures."""
    started = time.perf_counter()
    records = failed = words = 0
    for recs, errors in extract_stream(iter(articles), workers=workers, backend=backend):
        records += len(recs)
        failed += len(errors)
        words += sum(len(r["text"].split()) for r in recs)
    seconds = time.perf_counter() - started
    return {"workers": workers, "articles": records, "failed": failed, "seconds": seconds,
            "articles_per_s": records / seconds, "words_per_s": words / seconds}


def main() -> None:
    """Parse arguments, run the passes, print a table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2, help="also measure with this many workers")
    parser.add_argument("--backend", default="spacy")
    args = parser.parse_args()
    articles = load_corpus(Path(args.corpus), args.articles)
    print(f"corpus {args.corpus}: {len(articles)} articles, backend {args.backend}")
    print(f"{'workers':>7} {'articles':>8} {'seconds':>8} {'articles/s':>10} {'words/s':>9} {'peak RSS MiB':>13}")
    for workers in sorted({1, args.workers}):
        row = measure(articles, workers, args.backend)
        own, children = peak_rss_mib()
        rss = own if workers == 1 else max(own, children)
        print(f"{row['workers']:>7} {row['articles']:>8} {row['seconds']:>8.1f} {row['articles_per_s']:>10.1f} "
              f"{row['words_per_s']:>9.0f} {rss:>13.0f}" + (f"  ({row['failed']} failed)" if row["failed"] else ""))


if __name__ == "__main__":
    main()
