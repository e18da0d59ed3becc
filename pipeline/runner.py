"""Batch runs: inputs to a JSONL file, atomically, with an errors file and resume."""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import IO

from tqdm import tqdm

from .extractor import DEFAULT_MAX_CHARS, Extractor
from .io import Article, InputError, read_inputs

WORKER_CHUNK = 8


@dataclass
class RunSummary:
    """What a run did: counts, failures and timing."""

    written: int = 0
    skipped: int = 0
    failed: int = 0
    words: int = 0
    seconds: float = 0.0
    errors: list[dict] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when no article failed."""
        return self.failed == 0


def error_entry(article: Article, stage: str, reason: str) -> dict:
    """The errors-file entry for an article that failed after it was read."""
    source, _, line = (article.source_file or "").rpartition(":")
    has_line = line.isdigit()
    return {"id": article.id, "source_file": source if has_line else article.source_file,
            "line": int(line) if has_line else None, "stage": stage, "reason": reason}


def read_done_ids(path: Path) -> tuple[set[str], list[str]]:
    """Ids and intact lines already in an output file (a torn last line is dropped)."""
    ids, lines = set(), []
    if not path.exists():
        return ids, lines
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            try:
                ids.add(str(json.loads(line)["id"]))
            except (json.JSONDecodeError, KeyError, TypeError):
                continue
            lines.append(line if line.endswith("\n") else line + "\n")
    return ids, lines


@contextmanager
def atomic_writer(path: Path | None, keep_partial: bool = True) -> Iterator[IO[str]]:
    """Write to a temporary file beside path and rename it into place at the end.

    On Ctrl-C the complete lines written so far are kept, so --resume can continue;
    on any other failure the previous file is left untouched.
    """
    if path is None:
        yield sys.stdout
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            try:
                yield handle
            except KeyboardInterrupt:
                if keep_partial:
                    handle.close()
                    os.replace(tmp, path)
                raise
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def dump(record: dict) -> str:
    """One JSONL line."""
    return json.dumps(record, ensure_ascii=False) + "\n"


def chunked(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of at most size items."""
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


_WORKER: Extractor | None = None


def _init_worker(backend: str, model: str | None, max_chars: int, workers: int) -> None:
    """Build one Extractor per worker process (a stanza worker gets its share of the cores)."""
    global _WORKER
    if backend == "stanza":
        from .backends.stanza_backend import share_cores

        share_cores(workers)
    _WORKER = Extractor(backend=backend, model=model, max_chars=max_chars)


def extract_chunk(extractor: Extractor, articles: list[Article]) -> tuple[list[dict], list[dict]]:
    """Extract a chunk of articles; returns (records, errors-file entries)."""
    errors: list[dict] = []
    records = list(extractor.pipe(articles, on_error=lambda a, s, r: errors.append(error_entry(a, s, r))))
    return records, errors


def _run_chunk(articles: list[Article]) -> tuple[list[dict], list[dict]]:
    """Extract a chunk in a worker process."""
    return extract_chunk(_WORKER, articles)


def extract_stream(articles: Iterable[Article], workers: int = 1, backend: str = "spacy",
                   model: str | None = None, max_chars: int = DEFAULT_MAX_CHARS,
                   extractor: Extractor | None = None) -> Iterator[tuple[list[dict], list[dict]]]:
    """Yield (records, errors) pairs in input order, in-process or across worker processes."""
    if workers <= 1:
        extractor = extractor or Extractor(backend=backend, model=model, max_chars=max_chars)
        for chunk in chunked(articles, WORKER_CHUNK):
            yield extract_chunk(extractor, chunk)
        return
    with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(backend, model, max_chars, workers)) as pool:
        yield from pool.map(_run_chunk, chunked(articles, WORKER_CHUNK), chunksize=1)


def split_inputs(items: Iterable[Article | InputError], done: set[str], summary: RunSummary,
                 input_errors: list[dict]) -> Iterator[Article]:
    """Articles still to do; read errors are collected, finished ids skipped."""
    for item in items:
        if isinstance(item, InputError):
            input_errors.append(item.as_dict())
        elif item.id in done:
            summary.skipped += 1
        else:
            yield item


def run_extract(inputs: list[str], output: Path | None, errors_path: Path | None = None,
                resume: bool = False, workers: int = 1, backend: str = "spacy",
                model: str | None = None, max_chars: int = DEFAULT_MAX_CHARS,
                progress: bool = False, extractor: Extractor | None = None) -> RunSummary:
    """Extract every article under inputs into output (None: stdout); returns the summary."""
    summary, started = RunSummary(), time.perf_counter()
    done, kept_lines = read_done_ids(output) if (resume and output) else (set(), [])
    input_errors: list[dict] = []
    articles = split_inputs(read_inputs(inputs), done, summary, input_errors)
    bar = tqdm(unit="article", disable=not progress, desc="warta extract", dynamic_ncols=True)
    try:
        with atomic_writer(output) as out:
            out.writelines(kept_lines)
            for records, errors in extract_stream(articles, workers, backend, model, max_chars, extractor):
                for record in records:
                    out.write(dump(record))
                    summary.words += len(record["text"].split())
                summary.written += len(records)
                summary.errors += input_errors + errors
                input_errors.clear()
                bar.update(len(records) + len(errors))
            summary.errors += input_errors
    finally:
        bar.close()
        summary.failed = len(summary.errors)
        summary.seconds = time.perf_counter() - started
        if errors_path is not None:
            with atomic_writer(errors_path) as handle:
                handle.writelines(dump(e) for e in summary.errors)
    return summary
