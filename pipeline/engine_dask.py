"""`warta extract --engine dask`: the local engine's records, computed partition by partition on a
Dask cluster (a LocalCluster on this machine, or any scheduler given by address).

Each partition (pipeline/dask_partitions.py) is one task: its worker reads its own share of
the input, extracts it with the runner's own pieces (the same chunks, error entries and `dump`,
so every record is byte for byte the local engine's), writes its output atomically and then a
manifest (`part-NNNNNN.json`: counts, errors, the ids it read) that marks it done. `--resume`
recomputes only partitions without both. The client then gathers: a single JSONL (`OUT`,
replaced only when complete, from the parts in `OUT.parts/`) or, with `--format parquet`, the
folder of part files (pipeline/parquet_io.py) gets its `_metadata`.

An id repeated across partitions is settled at the gather as the local engine settles it in
one pass: the first keeps its record, each later one is an error line.

Inputs and outputs must be at the same paths on the client and every worker (one machine, or a
shared file system). distributed is imported only when a run starts.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import resource
import shutil
import socket
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .dask_partitions import Partition, count_line_breaks, plan_partitions, read_partition
from .io import DEFAULT_MAX_CHARS, Article, NoArticlesError, check_inputs
from .lock import exclusive
from .runner import (
    WORKER_CHUNK,
    OutputError,
    RunSummary,
    atomic_writer,
    check_output,
    chunked,
    dump_error,
    error_entry,
    extract_chunk,
    sigterm_as_interrupt,
    split_inputs,
    write_chunk,
)

if TYPE_CHECKING:
    from distributed import Client, LocalCluster

    from .extractor import Extractor

FORMATS = ("jsonl", "parquet")
# Default partitioning: several partitions per worker (a slow one does not hold up the end),
# none over this many input bytes (a partition's output and manifest stay small).
PARTITIONS_PER_WORKER = 4
MAX_PARTITION_BYTES = 64 * 2**20
PLAN_FILE = "plan.json"
CONNECT_TIMEOUT = "20s"


class DaskRunError(RuntimeError):
    """A Dask run that could not reach its cluster, or whose partitions did not all finish."""


@dataclass(frozen=True)
class Settings:
    """How every worker builds its Extractor (the same settings as a local run)."""

    backend: str = "spacy"
    model: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    analysis: str | None = None
    workers_per_machine: int = 1


@dataclass
class DaskSummary(RunSummary):
    """A run's summary, plus what the cluster did."""

    partitions: int = 0
    computed: list[int] = field(default_factory=list)
    kept: list[int] = field(default_factory=list)
    worker_peak_rss_mib: dict[str, float] = field(default_factory=dict)


@dataclass
class Layout:
    """Where a run's files go. jsonl: parts and manifests in `OUT.parts/`, gathered into OUT;
    parquet: part files in OUT/, manifests in OUT/_warta/ (hidden from dataset readers)."""

    output: Path
    fmt: str = "jsonl"

    @property
    def work(self) -> Path:
        if self.fmt == "parquet":
            return self.output / "_warta"
        return self.output.with_name(self.output.name + ".parts")

    def part(self, number: int) -> Path:
        if self.fmt == "parquet":
            from .parquet_io import part_name

            return self.output / part_name(number)
        return self.work / f"part-{number:06d}.jsonl"

    def manifest(self, number: int) -> Path:
        return self.work / f"part-{number:06d}.json"

    def check(self) -> None:
        """Raise OutputError unless the output can be written (before any work)."""
        if self.fmt == "jsonl":
            check_output(self.output)
            return
        if self.output.exists() and not self.output.is_dir():
            raise OutputError(f"{self.output}: is a file; --format parquet writes a folder (-o DIR/)")
        if self.output.is_dir() and any(self.output.iterdir()) and not self.work.is_dir():
            raise OutputError(f"{self.output}: holds other files; give a new or empty folder "
                              f"(or the folder of an earlier --format parquet run)")
        try:
            self.output.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputError(f"{self.output}: cannot create it ({exc.strerror or exc})") from exc
        if not os.access(self.output, os.W_OK | os.X_OK):
            raise OutputError(f"{self.output}: not writable")


# --- on the worker -------------------------------------------------------------------------

_THREAD = threading.local()


def worker_extractor(settings: Settings) -> Extractor:
    """The Extractor of this worker thread, built on its first partition and kept for every
    later one (a worker runs one thread: one pipeline per worker process)."""
    cache: dict[Settings, Extractor] = _THREAD.__dict__.setdefault("extractors", {})
    if settings not in cache:
        from .analysis import analysis_requested
        from .extractor import Extractor

        if settings.backend == "stanza":
            from .backends.stanza_backend import share_cores

            share_cores(settings.workers_per_machine)
        with analysis_requested(settings.analysis):
            cache[settings] = Extractor(backend=settings.backend, model=settings.model,
                                        max_chars=settings.max_chars)
    return cache[settings]


class JsonlPartWriter:
    """One partition's record lines into a hidden temporary file, renamed into place by commit."""

    def __init__(self, path: Path):
        self.path = path
        self.tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        self.handle = self.tmp.open("w", encoding="utf-8")

    def write(self, lines: list[str]) -> None:
        self.handle.writelines(lines)

    def commit(self) -> None:
        self.handle.flush()
        os.fsync(self.handle.fileno())
        self.handle.close()
        os.replace(self.tmp, self.path)

    def discard(self) -> None:
        self.handle.close()
        self.tmp.unlink(missing_ok=True)


def part_writer(layout: Layout, number: int) -> JsonlPartWriter:
    """The writer of one partition's output in the run's format."""
    if layout.fmt == "parquet":
        from .parquet_io import ParquetPartWriter

        return ParquetPartWriter(layout.part(number))
    return JsonlPartWriter(layout.part(number))


def noted(articles: Iterator[Article], seen: list[Article]) -> Iterator[Article]:
    """The articles, each also noted in seen as it is handed on."""
    for article in articles:
        seen.append(article)
        yield article


def run_partition(partition: Partition, layout: Layout, settings: Settings) -> dict:
    """Extract one partition on a worker: its output, then its manifest (the done marker).
    Returns a few figures for the client; the manifest holds the rest."""
    extractor = worker_extractor(settings)
    started = time.perf_counter()
    summary, input_errors, seen = RunSummary(), [], []
    outcomes: list[list] = []
    writer = part_writer(layout, partition.number)
    try:
        articles = split_inputs(read_partition(partition), set(), summary, input_errors)
        for chunk in chunked(noted(articles, seen), WORKER_CHUNK):
            records, errors = extract_chunk(extractor, chunk)
            write_chunk(writer, records, input_errors + errors, summary)
            input_errors.clear()
            extracted = {record["id"] for record in records}
            outcomes += [[a.id, a.source_file or "?", a.id in extracted] for a in chunk]
        summary.errors += input_errors
        writer.commit()
    except BaseException:
        writer.discard()
        raise
    for entry in summary.errors:
        entry["partition"] = partition.number
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    manifest = {"partition": partition.number, "descriptor": partition.descriptor(), "settings": asdict(settings),
                "records": summary.written, "words": summary.words, "errors": summary.errors,
                "articles": outcomes, "seconds": time.perf_counter() - started}
    with atomic_writer(layout.manifest(partition.number)) as handle:
        json.dump(manifest, handle, ensure_ascii=True)
    return {"partition": partition.number, "records": summary.written, "errors": len(summary.errors),
            "worker": f"{socket.gethostname()}:{os.getpid()}", "peak_rss_mib": peak}


# --- on the client -------------------------------------------------------------------------


@contextlib.contextmanager
def dask_logs_at_warta_level() -> Iterator[None]:
    """distributed logs at INFO by default (cluster start and stop, every connection); here it logs
    what warta's own logging shows (warnings, or everything with --verbose)."""
    logger = logging.getLogger("distributed")
    previous = logger.level
    logger.setLevel(max(logging.getLogger().getEffectiveLevel(), logging.DEBUG))
    try:
        yield
    finally:
        logger.setLevel(previous)


@contextlib.contextmanager
def connected(client: Client | None, scheduler: str | None, workers: int) -> Iterator[Client]:
    """The given client; or one to the scheduler at that address; or a LocalCluster of `workers`
    processes with one thread each, closed at the end."""
    if client is not None:
        yield client
        return
    from distributed import Client

    with dask_logs_at_warta_level():
        if scheduler:
            try:
                remote = Client(scheduler, timeout=CONNECT_TIMEOUT)
            except (OSError, TimeoutError) as exc:
                raise DaskRunError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
            with remote:
                yield remote
            return
        with local_cluster(workers) as cluster, Client(cluster) as local:
            yield local


# Dask's statistical profiler samples every worker's stack and keeps the history: over a
# 10,000-article run it grew a worker from ~190 to ~260 MiB. warta's own cluster runs without it.
# The nanny also starts each worker with MALLOC_TRIM_THRESHOLD_=65536, which fixes glibc's trim
# and mmap thresholds low: every article's arrays are unmapped and faulted in again (about 14x
# the page faults, 10-20% of a worker's time). None unsets it, leaving glibc's own thresholds.
# A worker's own housekeeping (the event loop's 20 ms tick, a system monitor feeding a dashboard
# this cluster does not have, a memory check every 100 ms) took about 5% of its CPU beside the
# task's thread; at these intervals, under 1%.
WORKER_CONFIG = {"distributed.worker.profile.enabled": False,
                 "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
                 "distributed.admin.tick.interval": "500ms",
                 "distributed.admin.system-monitor.interval": "5s",
                 "distributed.worker.memory.monitor-interval": "1s"}


def local_cluster(workers: int) -> LocalCluster:
    """The LocalCluster `--engine dask` starts: `workers` processes of one thread, no dashboard,
    and WORKER_CONFIG (no profiler, glibc's own memory trimming, slower housekeeping)."""
    import dask
    from distributed import LocalCluster

    with dask.config.set(WORKER_CONFIG):
        return LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None,
                            silence_logs=logging.ERROR)


def worker_count(client: Client) -> int:
    """Workers the scheduler has now (at least 1)."""
    return max(1, len(client.scheduler_info().get("workers", {})))


def load_manifest(layout: Layout, number: int) -> dict | None:
    """A partition's manifest, or None when it has none (or a torn one)."""
    try:
        return json.loads(layout.manifest(number).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def is_done(layout: Layout, partition: Partition, settings: Settings) -> bool:
    """Whether a partition's output is complete and was made from the same input and settings."""
    manifest = load_manifest(layout, partition.number)
    return (manifest is not None and layout.part(partition.number).exists()
            and manifest.get("descriptor") == json.loads(json.dumps(partition.descriptor()))
            and manifest.get("settings") == asdict(settings))


def prepare_work(layout: Layout, resume: bool, partitions: int | None) -> int | None:
    """Make the work folder; without --resume, forget an earlier run's parts. Returns the
    partition count to plan with: the one given, else (on --resume) the earlier run's."""
    if not resume:
        if layout.fmt == "jsonl":
            shutil.rmtree(layout.work, ignore_errors=True)
        else:
            for manifest in layout.work.glob("part-*.json") if layout.work.is_dir() else []:
                manifest.unlink()
    if layout.fmt == "parquet":
        from .parquet_io import METADATA_FILE

        (layout.output / METADATA_FILE).unlink(missing_ok=True)  # its presence says: complete
    layout.work.mkdir(parents=True, exist_ok=True)
    if partitions is None and resume:
        with contextlib.suppress(OSError, ValueError, KeyError):
            return int(json.loads((layout.work / PLAN_FILE).read_text(encoding="utf-8"))["partitions"])
    return partitions


def line_numbers(client: Client, plan: list[Partition], pending: list[Partition]) -> None:
    """Set the first line number of each pending JSONL range: the line breaks before it are
    counted range by range, each as its own task."""
    wanted = [p for p in pending if p.kind == "jsonl" and p.start > 0]
    if not wanted:
        return
    last = {}
    for p in wanted:
        last[p.path] = max(last.get(p.path, 0), p.start)
    ranges = [p for p in plan if p.kind == "jsonl" and p.start < last.get(p.path, 0)]
    counts = client.gather(client.map(count_line_breaks, [p.path for p in ranges], [p.start for p in ranges],
                                      [p.end for p in ranges],
                                      key=[f"warta-lines-{p.number}-{uuid.uuid4().hex}" for p in ranges]))
    by_start = {(p.path, p.start): count for p, count in zip(ranges, counts, strict=True)}
    for p in wanted:
        p.first = 1 + sum(count for (path, start), count in by_start.items() if path == p.path and start < p.start)


def compute(client: Client, pending: list[Partition], layout: Layout, settings: Settings,
            progress: bool, summary: DaskSummary) -> None:
    """Run the pending partitions; raise DaskRunError naming those that failed (the others are
    kept for --resume)."""
    from distributed import wait

    run = uuid.uuid4().hex  # keys of this run only: a key the cluster still holds would not be recomputed
    futures = [client.submit(run_partition, p, layout, settings, key=f"warta-extract-{p.number}-{run}",
                             retries=1) for p in pending]
    try:
        if progress and futures:
            from distributed import progress as show_progress

            with contextlib.redirect_stdout(sys.stderr):  # the bar goes where the local engine's goes
                show_progress(futures)
                print(file=sys.stderr)
        wait(futures)
    except BaseException:
        client.cancel(futures)
        raise
    failed = []
    for partition, future in zip(pending, futures, strict=True):
        if future.status == "finished":
            result = future.result()
            summary.computed.append(partition.number)
            worker = result["worker"]
            summary.worker_peak_rss_mib[worker] = max(summary.worker_peak_rss_mib.get(worker, 0.0),
                                                      result["peak_rss_mib"])
        else:
            exc = future.exception() if future.status == "error" else None
            failed.append((partition.number, f"{type(exc).__name__}: {exc}" if exc else future.status))
    if failed:
        number, reason = failed[0]
        raise DaskRunError(f"{len(failed)} of {len(pending)} partitions failed (partition {number}: {reason}); "
                           f"the finished ones are kept in {layout.work}: run the same command with --resume")


@dataclass
class Settled:
    """A partition's outcome once ids repeated from earlier partitions are settled."""

    drop: set[str]
    errors: list[dict]
    records: int
    words: int


def settle_duplicates(manifests: list[dict]) -> list[Settled]:
    """Each partition's records to drop and errors, as one pass over all inputs would have them:
    the first article with an id is kept, each later one is a `duplicate id` error instead."""
    first_seen: dict[str, str] = {}
    settled = []
    for manifest in manifests:
        drop, dropped_errors, duplicates = set(), set(), []
        for article_id, where, extracted in manifest["articles"]:
            if article_id not in first_seen:
                first_seen[article_id] = where
                continue
            entry = error_entry(Article(id=article_id, text="", source_file=where), "input",
                                f"duplicate id {article_id!r}: the first, from {first_seen[article_id]}, is kept")
            duplicates.append({**entry, "partition": manifest["partition"]})
            if extracted:
                drop.add(article_id)
            else:  # its extraction error goes: the local engine never extracts a duplicate
                dropped_errors.add((entry["id"], entry["source_file"], entry["line"]))
        errors = [e for e in manifest["errors"] if (e["id"], e["source_file"], e["line"]) not in dropped_errors]
        settled.append(Settled(drop, errors + duplicates, manifest["records"], manifest["words"]))
    return settled


def gather_jsonl(layout: Layout, settled: list[Settled]) -> None:
    """OUT from the part files in order, replaced only when complete; then the work folder goes."""
    with atomic_writer(layout.output) as out:
        for number, outcome in enumerate(settled):
            with layout.part(number).open(encoding="utf-8") as part:
                if not outcome.drop:
                    shutil.copyfileobj(part, out)
                    continue
                for line in part:
                    record = json.loads(line)
                    if record["id"] in outcome.drop:
                        outcome.records -= 1
                        outcome.words -= len(record["text"].split())
                    else:
                        out.write(line)
    shutil.rmtree(layout.work, ignore_errors=True)


def finish_parquet(layout: Layout, plan: list[Partition], settled: list[Settled]) -> None:
    """Drop repeated ids from their part files, remove parts of an earlier, longer plan, and
    write `_metadata` last (its presence says the dataset is complete)."""
    from .parquet_io import dataset_parts, rewrite_part_without, write_dataset_metadata

    for number, outcome in enumerate(settled):
        if outcome.drop:
            dropped, words = rewrite_part_without(layout.part(number), outcome.drop)
            outcome.records -= dropped
            outcome.words -= words
    current = {layout.part(p.number) for p in plan}
    for stale in set(dataset_parts(layout.output)) - current:
        stale.unlink()
    for manifest in layout.work.glob("part-*.json"):
        if manifest.name not in {layout.manifest(p.number).name for p in plan}:
            manifest.unlink()
    write_dataset_metadata(layout.output, [layout.part(p.number) for p in plan])


def collect_errors(layout: Layout, plan: list[Partition]) -> list[dict]:
    """The errors of the partitions done so far (an interrupted or failed run)."""
    return [e for p in plan for e in (load_manifest(layout, p.number) or {}).get("errors", [])]


def missing_library(modules: list[str]) -> None:
    """Raise DaskRunError, before any work, when a library the run needs is not installed."""
    import importlib.util

    absent = [m for m in modules if importlib.util.find_spec(m) is None]
    if absent:
        raise DaskRunError(f"--engine dask needs {' and '.join(absent)}: pip install 'warta[dask]'")


def run_dask(inputs: list[str], output: Path, errors_path: Path | None = None, resume: bool = False,
             fmt: str = "jsonl", scheduler: str | None = None, workers: int = 1, partitions: int | None = None,
             backend: str = "spacy", model: str | None = None, max_chars: int = DEFAULT_MAX_CHARS,
             analysis: str | None = None, progress: bool = False, client: Client | None = None) -> DaskSummary:
    """Extract every article under inputs on a Dask cluster into output (a JSONL file, or a folder of
    Parquet parts with fmt="parquet"); returns the summary.

    Raises NoArticlesError or OutputError before any work (and before starting a cluster),
    OutputLockedError when another run writes the same output, DaskRunError when the cluster
    cannot be reached or partitions failed, KeyboardInterrupt on Ctrl-C or SIGTERM; in the
    last two cases the finished partitions are kept for --resume."""
    if "-" in inputs:
        raise NoArticlesError("-: --engine dask reads files and folders, which each worker opens itself, "
                              "not standard input; save the JSONL to a file first")
    check_inputs(inputs)
    missing_library(["distributed", "pyarrow"] if fmt == "parquet" else ["distributed"])
    layout = Layout(Path(os.path.abspath(output)), fmt)  # workers do not share this process's directory
    layout.check()
    check_output(errors_path)
    settings = Settings(backend, str(Path(model).resolve()) if model else None, max_chars, analysis,
                        workers if not scheduler and client is None else 1)
    summary, started = DaskSummary(), time.perf_counter()
    plan: list[Partition] = []
    with exclusive(output, "extract"), sigterm_as_interrupt():
        try:
            count = prepare_work(layout, resume, partitions)
            with connected(client, scheduler, workers) as dask:
                planned = count or PARTITIONS_PER_WORKER * worker_count(dask)
                plan = plan_partitions(inputs, planned, None if count else MAX_PARTITION_BYTES)
                (layout.work / PLAN_FILE).write_text(json.dumps({"partitions": planned}), encoding="utf-8")
                summary.partitions = len(plan)
                pending = [p for p in plan if not (resume and is_done(layout, p, settings))]
                waiting = {p.number for p in pending}
                summary.kept = [p.number for p in plan if p.number not in waiting]
                line_numbers(dask, plan, pending)
                compute(dask, pending, layout, settings, progress, summary)
            finish(layout, plan, summary)
        except BaseException:
            summary.interrupted = True
            summary.errors = collect_errors(layout, plan)
            raise
        finally:
            summary.failed = len(summary.errors)
            summary.seconds = time.perf_counter() - started
            if errors_path is not None:
                with atomic_writer(errors_path) as handle:
                    handle.writelines(dump_error(e) for e in summary.errors)
    return summary


def finish(layout: Layout, plan: list[Partition], summary: DaskSummary) -> None:
    """Settle repeated ids, publish the output, and count: kept partitions' records as kept
    (`--resume`), the others' as written. With no article at all, OUT is left as it was."""
    manifests = [load_manifest(layout, p.number) for p in plan]
    missing = [p.number for p, m in zip(plan, manifests, strict=True) if m is None]
    if missing:
        raise DaskRunError(f"partitions {missing[:5]} have no manifest in {layout.work}; run again with --resume")
    settled = settle_duplicates(manifests)
    summary.errors = [e for outcome in settled for e in outcome.errors]
    if not any(outcome.records for outcome in settled) and not summary.errors:
        if layout.fmt == "jsonl":
            shutil.rmtree(layout.work, ignore_errors=True)
        return
    if layout.fmt == "jsonl":
        gather_jsonl(layout, settled)
    else:
        finish_parquet(layout, plan, settled)
    kept = set(summary.kept)
    for partition, outcome in zip(plan, settled, strict=True):
        if partition.number in kept:
            summary.skipped += outcome.records
        else:
            summary.written += outcome.records
        summary.words += outcome.words
