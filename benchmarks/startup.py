"""Start-up time of each `warta` verb: the wall time of a fresh interpreter running the verb.

    python benchmarks/startup.py [--runs 5] [--repo PATH]

The query verbs run against a database built from the hand-made index fixtures, so the figure
is start-up plus a tiny query. --repo measures another checkout (e.g. an older commit) the same
way, for a before/after comparison on one machine. Prints the median of --runs and the peak
resident memory of the verb's process.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
VERBS = [
    ["--help"],
    ["--version"],
    ["schema"],
    ["search", "Bekasi"],
    ["search", "Beka*"],
    ["who-met", "Rahmat Effendi"],
    ["person", "Tri Adhianto"],
    ["export", "persons"],
    ["extract", "--help"],
]


def build_db(folder: Path) -> Path:
    """A small database from the index fixtures, built in a child process so that this one stays
    small (a child's peak RSS counts the parent's memory it was forked from)."""
    path = folder / "warta.db"
    code = ("from pipeline.index import index_records\nfrom tests.pipeline.index_fixtures import sample_records\n"
            f"index_records(sample_records(), {str(path)!r})")
    subprocess.run([sys.executable, "-c", code], env={**os.environ, "PYTHONPATH": str(REPO)}, cwd=REPO, check=True)
    return path


def run_once(argv: list[str], repo: Path) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of one `warta ARGV` in a fresh interpreter."""
    code = f"import sys\nfrom pipeline.cli import main\nsys.exit(main({argv!r}))"
    env = {**os.environ, "PYTHONPATH": str(repo)}
    start = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL, cwd=repo)
    _, _, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = 0  # reaped by wait4
    return seconds, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--repo", type=Path, default=REPO, help="checkout to measure (default this one)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db = build_db(Path(folder))
        results = []
        for verb in VERBS:
            argv = [*verb, "--db", str(db)] if verb[0] in ("search", "who-met", "person", "export") else verb
            runs = [run_once(argv, args.repo) for _ in range(args.runs)]
            results.append({"verb": " ".join(verb), "seconds": statistics.median(s for s, _ in runs),
                            "peak_rss_mib": max(m for _, m in runs)})
    if args.json:
        print(json.dumps(results, indent=2))
        return
    print(f"warta start-up, {args.repo}, median of {args.runs} runs")
    print(f"{'verb':<28}{'seconds':>9}{'peak RSS MiB':>14}")
    for row in results:
        print(f"{row['verb']:<28}{row['seconds']:>9.2f}{row['peak_rss_mib']:>14.0f}")


if __name__ == "__main__":
    main()
