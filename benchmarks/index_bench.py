"""Indexing speed and memory: records/s and peak RSS of `warta index` at 2,000 and 50,000 records.

usage: python benchmarks/index_bench.py [--sizes 2000 50000] [--compare REF_CHECKOUT] [RECORDS.jsonl ...]

The records are real ones (default: outputs/dev.jsonl and outputs/dev2.jsonl, made by
`warta extract`), repeated under new ids until each size is reached; they are generated one
at a time, so the benchmark itself holds only the base records. Each size is indexed into a
fresh database in a fresh interpreter (PYTHONPATH = the checkout), so its peak RSS is the
indexer's own. Then the same records are indexed again (nothing changes) and 100 more are
added, at the smallest size. --compare REF measures another checkout the same way.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from itertools import cycle, islice
from pathlib import Path

HERE = Path(__file__).resolve()
REPO = HERE.parents[1]
DEFAULT_RECORDS = [REPO / "outputs" / "dev.jsonl", REPO / "outputs" / "dev2.jsonl"]


def base_records(paths: list[Path]) -> list[dict]:
    """The records of the given JSONL files."""
    records = [json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not records:
        sys.exit(f"no records in {', '.join(map(str, paths))}")
    return records


def repeated(base: list[dict], count: int, offset: int = 0) -> Iterator[dict]:
    """count records cycling through base, each with a new id (numbered from offset)."""
    for n, record in enumerate(islice(cycle(base), count), offset):
        yield {**record, "id": f"{record['id']}#{n}"}


def run_size(paths: list[Path], size: int, again: bool) -> dict:
    """Child mode: index size records into a fresh database; with again, re-index and add 100."""
    from pipeline.index import index_records

    base = base_records(paths)
    out: dict = {"records": size}
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "warta.db"
        started = time.perf_counter()
        index_records(repeated(base, size), db)
        out["seconds"] = time.perf_counter() - started
        out["rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        out["db_mib"] = db.stat().st_size / 2**20
        if again:
            started = time.perf_counter()
            index_records(repeated(base, size), db)
            out["again_s"] = time.perf_counter() - started
            started = time.perf_counter()
            index_records(repeated(base, 100, offset=size), db)
            out["more_s"] = time.perf_counter() - started
    return out


def measure(checkout: Path, paths: list[Path], size: int, again: bool) -> dict | None:
    """One size against one checkout, in a fresh interpreter; None when it failed."""
    command = [sys.executable, str(HERE), "--child-size", str(size), *map(str, paths)] + (["--again"] if again else [])
    done = subprocess.run(command, env={**os.environ, "PYTHONPATH": str(checkout)}, cwd=checkout,
                          capture_output=True, text=True)
    if done.returncode != 0 or not done.stdout.strip():
        print(f"  ({checkout.name}: {size} records failed: {done.stderr.strip().splitlines()[-1:]})", file=sys.stderr)
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def seconds(value: float | None) -> str:
    """Seconds for the table, or a dash where not measured."""
    return "–" if value is None else f"{value:.1f}"


def main() -> None:
    """Parse arguments; index one size (child) or every size for every checkout (parent), print a table."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("records_files", nargs="*", type=Path, help="records JSONL to repeat")
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 50000], help="default 2000 50000")
    parser.add_argument("--compare", metavar="REF", type=Path, help="another checkout to measure the same way")
    parser.add_argument("--child-size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--again", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    paths = [p.resolve() for p in (args.records_files or DEFAULT_RECORDS)]
    if args.child_size:
        print(json.dumps(run_size(paths, args.child_size, args.again)))
        return
    missing = [p for p in paths if not p.exists()]
    if missing:
        sys.exit(f"no records file {missing[0]}; run `warta extract` first (see the README)")
    checkouts = [args.compare.resolve(), REPO] if args.compare else [REPO]
    sizes = sorted(args.sizes)
    print(f"records repeated from {', '.join(p.name for p in paths)} ({len(base_records(paths))} records)")
    print("| checkout | records | seconds | records/s | peak RSS MiB | database MiB | re-index s | +100 s |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- |")
    for checkout in checkouts:
        label = "this checkout" if checkout == REPO else f"{checkout.name} (ref)"
        first_rss = None
        for size in sizes:
            row = measure(checkout, paths, size, again=size == sizes[0])
            if row is None:
                continue
            first_rss = first_rss or row["rss_mib"]
            growth = f" ({row['rss_mib'] / first_rss:.2f}× the smallest)" if size != sizes[0] else ""
            print(f"| {label} | {size:,} | {row['seconds']:.1f} | {size / row['seconds']:,.0f} | "
                  f"{row['rss_mib']:,.0f}{growth} | {row['db_mib']:.1f} | "
                  f"{seconds(row.get('again_s'))} | {seconds(row.get('more_s'))} |")


if __name__ == "__main__":
    main()
