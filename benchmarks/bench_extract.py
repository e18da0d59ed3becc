"""Extraction speed in one run: tokenizer, pipeline and full extraction words/s, where the time goes.

usage: python benchmarks/bench_extract.py [--articles 200] [--workers 2] [--stanza-articles 20]
                                          [--compare REF_CHECKOUT] [--engine dask] [CORPUS.jsonl]

On one corpus (default ../shared/eval/dev.jsonl, cycled to --articles, each with a new id) it prints:
  - words/s of the shipped pipeline's tokenizer alone, of its statistical pipeline (nlp.pipe
    without the warta components), and of full extraction with 1 and --workers processes;
  - each step's share of the time of one article: cleaning and metadata, the tokenizer, every
    spaCy component and every warta extractor (each step run over all documents in turn);
  - peak RSS of one extraction process (and of the largest worker), the wall time and peak RSS
    of a one-article `warta extract` from a fresh interpreter, and the stanza backend on a sample.
Words are the whitespace words of the cleaned text, as the runner counts them.

--engine dask measures only full extraction, with the local engine and with `--engine dask` (a
LocalCluster of 1 and of --workers processes, one thread each), side by side: articles/s, words/s
and the peak RSS of each worker. The Dask run reads the articles from a JSONL file and writes its
records like `warta extract` does; the cluster's start is timed apart. `--articles 10000` is the
check that a worker's memory stays flat however long the corpus (`--only-workers` skips the 1-worker runs).

--compare REF runs the same measurements against the checkout at REF (for example
`git worktree add /tmp/warta-ref 04f258c`), so before and after come from one run on one
machine. Each measurement runs in a fresh interpreter with PYTHONPATH set to the checkout,
so the two never share a loaded model or a warmed cache.
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
from itertools import cycle, islice
from pathlib import Path

HERE = Path(__file__).resolve()
REPO = HERE.parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "eval" / "dev.jsonl"
STAGES = ("analysis", "full", "startup", "stanza", "long", "dask")
# Article lengths (characters) for --long: time should grow no faster than the length.
LONG_SIZES = (20_000, 200_000)
# Each length is extracted this many times and the best time kept, as timeit advises (a slower
# run measures what else the machine was doing): one timing of one article moved by a third
# between runs on the development machine.
LONG_REPEATS = 3


# --- measurements, each run in a child interpreter over one checkout ----------------------------


def load_articles(corpus: Path, count: int) -> list:
    """count articles cycling through the corpus, with unique ids."""
    from pipeline.io import Article, read_inputs

    base = [a for a in read_inputs([str(corpus)]) if isinstance(a, Article)]
    if not base:
        sys.exit(f"no articles in {corpus}")
    return [Article(id=f"{a.id}#{n}", text=a.text, url=a.url, source_file=a.source_file)
            for n, a in enumerate(islice(cycle(base), count))]


def own_peak_rss_mib() -> float:
    """Peak resident memory of this process, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_peak_rss_mib() -> float:
    """Peak resident memory of the largest finished child process, in MiB."""
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU seconds used so far by this process and its finished children (steadier than wall time
    on a shared machine, where other work takes turns on the cores)."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed_steps(nlp, prepared: list) -> dict[str, float]:
    """Seconds of each pipeline step, every step run over all documents before the next one."""
    docs = [p.doc for p in prepared]
    steps: dict[str, float] = {}
    for name, proc in nlp.pipeline:
        started = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=16))
        else:
            docs = [proc(doc) for doc in docs]
        steps[name] = time.perf_counter() - started
    return steps


def stage_analysis(corpus: Path, articles: int) -> dict:
    """Tokenizer-only and pipeline-only words/s, and each step's time on the same documents."""
    from pipeline.extractor import Extractor

    extractor = Extractor()
    nlp = extractor.nlp
    items = load_articles(corpus, articles)
    started = time.perf_counter()
    prepared = []
    for article in items:  # cleaning, metadata and the tokenizer (make_doc)
        prepared.append(extractor.prepare(article))
    prepare_s = time.perf_counter() - started
    texts = [p.record["text"] for p in prepared]
    words = sum(len(t.split()) for t in texts)
    started = time.perf_counter()
    for _ in nlp.tokenizer.pipe(texts, batch_size=64):
        pass
    tokenizer_s = time.perf_counter() - started
    model = [name for name in nlp.pipe_names if not name.startswith("warta_")]
    started = time.perf_counter()
    with nlp.select_pipes(enable=model):
        for _ in nlp.pipe(texts, batch_size=16):
            pass
    pipeline_s = time.perf_counter() - started
    steps = {"cleaning + metadata": max(prepare_s - tokenizer_s, 0.0), "tokenizer": tokenizer_s}
    steps.update(timed_steps(nlp, prepared))
    return {"words": words, "articles": len(texts), "tokenizer_wps": words / tokenizer_s,
            "pipeline_wps": words / pipeline_s,
            "steps_ms": {k: v * 1000 / len(texts) for k, v in steps.items()}}


def stage_full(corpus: Path, articles: int, workers: int, backend: str = "spacy") -> dict:
    """Full extraction words/s through the runner, and peak RSS of the process(es)."""
    from pipeline.runner import extract_stream

    items = load_articles(corpus, articles)
    started, cpu = time.perf_counter(), cpu_seconds()
    records = words = failed = 0
    for recs, errors in extract_stream(iter(items), workers=workers, backend=backend):
        records += len(recs)
        failed += len(errors)
        words += sum(len(r["text"].split()) for r in recs)
    seconds, cpu = time.perf_counter() - started, cpu_seconds() - cpu
    return {"workers": workers, "backend": backend, "articles": records, "failed": failed, "seconds": seconds,
            "wps": words / seconds, "aps": records / seconds, "words_per_cpu_s": words / cpu,
            "rss_mib": own_peak_rss_mib(), "worker_rss_mib": children_peak_rss_mib()}


def stage_dask(corpus: Path, articles: int, workers: int) -> dict:
    """Full extraction with `--engine dask` on a LocalCluster of `workers` processes: the same
    articles as stage_full, read from a JSONL file, records written to one JSONL file."""
    from distributed import Client

    from pipeline.engine_dask import local_cluster, run_dask

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "articles.jsonl"
        with source.open("w", encoding="utf-8") as handle:
            for article in load_articles(corpus, articles):
                handle.write(json.dumps({"id": article.id, "text": article.text, "url": article.url}) + "\n")
        started = time.perf_counter()
        with local_cluster(workers) as cluster, Client(cluster) as client:
            ready = time.perf_counter()
            summary = run_dask([str(source)], Path(folder) / "records.jsonl", client=client)
            seconds = time.perf_counter() - ready
    rss = sorted(summary.worker_peak_rss_mib.values())
    return {"workers": workers, "articles": summary.written, "failed": summary.failed, "seconds": seconds,
            "wps": summary.words / seconds, "aps": summary.written / seconds, "cluster_start_s": ready - started,
            "partitions": summary.partitions, "worker_rss_mib": rss[-1] if rss else None, "each_worker_rss_mib": rss}


def stage_startup(corpus: Path) -> dict:
    """Wall time and peak RSS of `warta extract` on one article, from a fresh interpreter."""
    article = load_articles(corpus, 1)[0]
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "one.txt"
        source.write_text(article.text, encoding="utf-8")
        code = "import sys; from pipeline.cli import main; sys.exit(main(sys.argv[1:]))"
        command = [sys.executable, "-c", code, "extract", str(source), "-o", str(Path(folder) / "out.jsonl"), "-q"]
        started = time.perf_counter()
        child = subprocess.Popen(command, env=os.environ.copy())
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
    return {"seconds": seconds, "cpu_s": usage.ru_utime + usage.ru_stime, "rss_mib": usage.ru_maxrss / 1024,
            "status": os.waitstatus_to_exitcode(status)}


def settle_like_the_cli() -> None:
    """What `warta extract` does once its model is loaded (a checkout without it: nothing)."""
    from pipeline import runner

    getattr(runner, "settle_heap", lambda: None)()


def stage_long(corpus: Path) -> dict:
    """Seconds to extract one article of each LONG_SIZES length, made by joining corpus articles."""
    from pipeline.extractor import Extractor

    extractor = Extractor()
    settle_like_the_cli()
    joined = "\n".join(a.text for a in load_articles(corpus, 200))
    while len(joined) < max(LONG_SIZES):
        joined += "\n" + joined
    extractor.extract(joined[:2000], id="warm-up")
    out: dict = {"runs": {}}
    for size in LONG_SIZES:
        runs = []
        for _ in range(LONG_REPEATS):
            started = time.perf_counter()
            extractor.extract(joined[:size], id=f"long-{size}")
            runs.append(time.perf_counter() - started)
        out[str(size)] = min(runs)
        out["runs"][str(size)] = runs
    return out


def run_stage(args: argparse.Namespace) -> None:
    """Child mode: one measurement, printed as one JSON line."""
    corpus = Path(args.corpus)
    if args.stage == "analysis":
        result = stage_analysis(corpus, args.articles)
    elif args.stage == "full":
        result = stage_full(corpus, args.articles, args.workers)
    elif args.stage == "startup":
        result = stage_startup(corpus)
    elif args.stage == "long":
        result = stage_long(corpus)
    elif args.stage == "dask":
        result = stage_dask(corpus, args.articles, args.workers)
    else:
        result = stage_full(corpus, args.articles, 1, backend="stanza")
    print(json.dumps(result))


# --- the parent: run every stage over every checkout, print tables -----------------------------


def measure(checkout: Path, stage: str, corpus: str, articles: int, workers: int = 1) -> dict | None:
    """Run one stage against checkout in a fresh interpreter; None when it failed."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    command = [sys.executable, str(HERE), "--stage", stage, "--articles", str(articles),
               "--workers", str(workers), corpus]
    done = subprocess.run(command, env=env, cwd=checkout, capture_output=True, text=True)
    if done.returncode != 0 or not done.stdout.strip():
        print(f"  ({checkout.name}: {stage} failed: {done.stderr.strip().splitlines()[-1:]})", file=sys.stderr)
        return None
    return json.loads(done.stdout.strip().splitlines()[-1])


def fmt(value: float | None, spec: str = ",.0f") -> str:
    """A number for the table, or a dash."""
    return "–" if value is None else format(value, spec)


def ratio(new: float | None, old: float | None) -> str:
    """new/old as a multiple, or a dash."""
    return f"{new / old:.2f}×" if new and old else "–"


def collect(checkout: Path, args: argparse.Namespace) -> dict:
    """Every measurement for one checkout."""
    print(f"measuring {checkout} ...", file=sys.stderr)
    if args.engine == "dask":  # the engines side by side, nothing else
        counts = [args.workers] if args.only_workers else sorted({1, args.workers})
        return {f"{stage}{n}": measure(checkout, stage, args.corpus, args.articles, n)
                for stage in ("full", "dask") for n in counts}
    out = {"analysis": measure(checkout, "analysis", args.corpus, args.articles),
           "full1": measure(checkout, "full", args.corpus, args.articles, 1),
           "startup": measure(checkout, "startup", args.corpus, 1)}
    if args.workers > 1:
        out["fullN"] = measure(checkout, "full", args.corpus, args.articles, args.workers)
    if args.stanza_articles:
        out["stanza"] = measure(checkout, "stanza", args.corpus, args.stanza_articles)
    if args.long:
        out["long"] = measure(checkout, "long", args.corpus, 1)
    return out


def rows_for(result: dict, workers: int) -> dict[str, float | None]:
    """The headline figures of one checkout, by row label."""
    get = lambda key, field: (result.get(key) or {}).get(field)  # noqa: E731
    return {
        "tokenizer alone, words/s": get("analysis", "tokenizer_wps"),
        "statistical pipeline (nlp.pipe), words/s": get("analysis", "pipeline_wps"),
        "full extraction, 1 process, words/s": get("full1", "wps"),
        "full extraction, 1 process, words per CPU-second": get("full1", "words_per_cpu_s"),
        f"full extraction, {workers} workers, words/s": get("fullN", "wps"),
        "stanza backend, full extraction, words/s": get("stanza", "wps"),
        "peak RSS, 1 extraction process, MiB": get("full1", "rss_mib"),
        f"peak RSS, largest of {workers} workers, MiB": get("fullN", "worker_rss_mib"),
        "one-article `warta extract`, s": get("startup", "seconds"),
        "one-article `warta extract`, CPU s": get("startup", "cpu_s"),
        "one-article `warta extract`, peak RSS MiB": get("startup", "rss_mib"),
        **{f"one {size:,}-character article, s": get("long", str(size)) for size in LONG_SIZES},
        f"{LONG_SIZES[-1]:,} vs {LONG_SIZES[0]:,} characters, time ratio": long_ratio(result.get("long")),
    }


def long_ratio(long: dict | None) -> float | None:
    """How many times the short article's time the long one takes (10 = linear)."""
    if not long or not long.get(str(LONG_SIZES[0])):
        return None
    return long[str(LONG_SIZES[-1])] / long[str(LONG_SIZES[0])]


def print_engines(results: dict[str, dict], workers: int) -> None:
    """The local and Dask engines side by side, for 1 and `workers` workers."""
    print("| checkout | engine | workers | articles/s | words/s | peak RSS per worker, MiB |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name, result in results.items():
        for stage, engine in (("full", "local"), ("dask", "dask")):
            for n in sorted({1, workers}):
                got = result.get(f"{stage}{n}") or {}
                # one local process measures itself; local workers are its children
                rss = got.get("rss_mib") if stage == "full" and n == 1 else got.get("worker_rss_mib")
                print(f"| {name} | {engine} | {n} | {fmt(got.get('aps'), ',.1f')} | {fmt(got.get('wps'))} | "
                      f"{fmt(rss)} |")
        for n in sorted({1, workers}):
            local, dask = result.get(f"full{n}") or {}, result.get(f"dask{n}") or {}
            if local.get("wps") and dask.get("wps"):
                print(f"\n{name}, {n} worker(s): dask at {100 * dask['wps'] / local['wps']:.0f}% of local words/s; "
                      f"{dask['partitions']} partitions; cluster start {dask['cluster_start_s']:.1f} s (not counted)")


def print_tables(results: dict[str, dict], workers: int) -> None:
    """The headline table (with a ratio column when comparing) and the per-step shares."""
    names = list(results)
    rows = {name: rows_for(res, workers) for name, res in results.items()}
    header = "| measure | " + " | ".join(names) + (" | after/before |" if len(names) == 2 else " |")
    print(header)
    print("|" + " --- |" * (len(names) + 1 + (len(names) == 2)))
    for label in rows[names[0]]:
        spec = ",.2f" if label.endswith((", s", "CPU s", "ratio")) else ",.0f"
        cells = [fmt(rows[n][label], spec) for n in names]
        extra = [ratio(rows[names[1]][label], rows[names[0]][label])] if len(names) == 2 else []
        print(f"| {label} | " + " | ".join(cells + extra) + " |")
    print()
    for name, res in results.items():
        steps = (res.get("analysis") or {}).get("steps_ms")
        if not steps:
            continue
        total = sum(steps.values())
        warta = sum(v for k, v in steps.items() if k.startswith("warta_"))
        model = total - warta - steps["tokenizer"] - steps["cleaning + metadata"]
        print(f"per article, {name}: {total:.1f} ms; extractors {100 * warta / total:.1f}%, "
              f"model {100 * model / total:.1f}%, tokenizer {100 * steps['tokenizer'] / total:.1f}%, "
              f"cleaning and metadata {100 * steps['cleaning + metadata'] / total:.1f}%")
        print("| step | ms/article | share |")
        print("| --- | --- | --- |")
        for step, ms in sorted(steps.items(), key=lambda kv: -kv[1]):
            print(f"| {step} | {ms:.2f} | {100 * ms / total:.1f}% |")
        print()


def main() -> None:
    """Parse arguments; run one stage (child) or every stage for every checkout (parent)."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--articles", type=int, default=200, help="articles per measurement (default 200)")
    parser.add_argument("--workers", type=int, default=2, help="also measure with this many workers (default 2)")
    parser.add_argument("--stanza-articles", type=int, default=20,
                        help="articles for the stanza backend sample (0: skip; default 20)")
    parser.add_argument("--long", action="store_true",
                        help="also time one 20,000- and one 200,000-character article (slow)")
    parser.add_argument("--only-workers", action="store_true",
                        help="with --engine dask: measure only --workers workers, not also 1 (long memory runs)")
    parser.add_argument("--compare", metavar="REF", type=Path, help="another checkout to measure the same way")
    parser.add_argument("--engine", choices=("local", "dask"), default="local",
                        help="dask: only full extraction, the local engine beside --engine dask (1 and --workers)")
    parser.add_argument("--stage", choices=STAGES, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.stage:
        run_stage(args)
        return
    args.corpus = str(Path(args.corpus).resolve())
    checkouts = [args.compare.resolve(), REPO] if args.compare else [REPO]
    print(f"corpus {args.corpus}: {args.articles} articles per measurement (stanza: {args.stanza_articles}); "
          f"{os.cpu_count()} CPUs")
    results = {}
    for checkout in checkouts:
        label = "this checkout" if checkout == REPO else f"{checkout.name} (ref)"
        results[label] = collect(checkout, args)
    if args.engine == "dask":
        print_engines(results, args.workers)
    else:
        print_tables(results, args.workers)


if __name__ == "__main__":
    main()
