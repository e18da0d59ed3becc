"""`warta extract`: articles in, one JSON record per article out."""

from __future__ import annotations

import argparse
import contextlib
import sys
from pathlib import Path

from ..io import NoArticlesError, display
from ..lock import OutputLockedError
from ..runner import DEFAULT_MAX_CHARS, OutputError, RunSummary, journal_path, run_extract
from .args import positive_int

# The analysis levels of pipeline.analysis, named here so that --help loads no spaCy.
ANALYSIS_LEVELS = ("none", "full")

DEFAULT_OUTPUT = "outputs/records.jsonl"
# The same as pipeline.nlp.BACKENDS (a test checks); named here so that checking the
# arguments, the inputs and the output imports no model library and fails in a moment.
BACKENDS = ("spacy", "stanza", "rules")
# The same as pipeline.engine_dask.FORMATS (a test checks); named here so that --help imports no Dask.
ENGINES = ("local", "dask")
FORMATS = ("jsonl", "parquet")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the extract verb."""
    parser = subparsers.add_parser(
        "extract", help="extract records from articles",
        description="Read .txt/.html files, folders of them, JSONL files or '-' (JSONL on stdin) "
                    "and write one JSON record per article.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="folder, file, or - for stdin")
    parser.add_argument("-o", "--output", default=DEFAULT_OUTPUT,
                        help=f"output JSONL ('-' for stdout; default {DEFAULT_OUTPUT})")
    parser.add_argument("--errors", metavar="ERRORS.jsonl",
                        help="write one line per article that could not be processed")
    parser.add_argument("--resume", action="store_true",
                        help="continue an interrupted run: skip ids already written (OUT.partial, else OUT)")
    parser.add_argument("--workers", type=positive_int, default=1, help="worker processes (default 1)")
    parser.add_argument("--backend", choices=BACKENDS, default="spacy",
                        help="linguistic backend: trained spaCy model (default), stanza, or rules only")
    parser.add_argument("--model", help="path of a spaCy pipeline to use instead of models/warta-id-core")
    parser.add_argument("--max-chars", type=positive_int, default=DEFAULT_MAX_CHARS,
                        help=f"refuse longer articles (default {DEFAULT_MAX_CHARS:,})")
    # --analysis / --conllu: pipeline/analysis.py (speed helper)
    parser.add_argument("--analysis", choices=ANALYSIS_LEVELS, default=None,
                        help="full: each record also holds its sentences and tokens with UPOS, lemma, head "
                             "and relation (default none)")
    parser.add_argument("--conllu", metavar="PATH", help="also write the analysis as CoNLL-U (implies --analysis full)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar; the summary only on errors")
    # --engine dask and its options: pipeline/engine_dask.py (README: Scaling out on Dask)
    parser.add_argument("--engine", choices=ENGINES, default="local",
                        help="local: worker processes on this machine (default); dask: partitions on a Dask "
                             "cluster (a LocalCluster of --workers processes, or --scheduler)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="with --engine dask: a running Dask scheduler (tcp://host:8786) instead of a LocalCluster")
    parser.add_argument("--partitions", type=positive_int,
                        help="with --engine dask: cut the input into about N partitions (default: 4 per worker, "
                             "none over 64 MiB of input)")
    parser.add_argument("--format", choices=FORMATS, default="jsonl",
                        help="with --engine dask: one JSONL file (default), or parquet: -o DIR/ gets one Parquet "
                             "file per partition and a _metadata summary")
    parser.set_defaults(func=run)


def print_errors(summary: RunSummary) -> None:
    """One stderr line per article that failed."""
    for error in summary.errors:
        where = display(str(error["source_file"])) + (f":{error['line']}" if error.get("line") else "")
        name = display(str(error["id"])) if error["id"] else where
        print(f"warta: {name}: {display(error['reason'])} ({where})", file=sys.stderr)


def requested_analysis(args: argparse.Namespace) -> contextlib.AbstractContextManager:
    """The analysis level for the run's workers; spaCy is imported only when one is asked for,
    so that a mistyped input still fails before any model library loads."""
    level = "full" if args.conllu else args.analysis
    if level is None:
        return contextlib.nullcontext()
    from ..analysis import analysis_requested

    return analysis_requested(level)


def engine_problem(args: argparse.Namespace) -> str | None:
    """Why the engine options cannot go together, or None."""
    if args.engine == "local":
        given = [name for name, value in (("--scheduler", args.scheduler), ("--partitions", args.partitions),
                                          ("--format parquet", args.format == "parquet")) if value]
        return f"{', '.join(given)}: only with --engine dask" if given else None
    if args.output == "-":
        return "--engine dask writes a file or a folder (-o OUT), not standard output"
    if args.conllu and args.format == "parquet":
        return "--conllu is written from a JSONL records file, not with --format parquet"
    return None


def run_dask_engine(args: argparse.Namespace, output: Path, progress: bool) -> RunSummary:
    """The run on Dask (imported only here, so the local engine never loads it)."""
    from ..engine_dask import run_dask

    return run_dask(args.inputs, output, errors_path=Path(args.errors) if args.errors else None,
                    resume=args.resume, fmt=args.format, scheduler=args.scheduler, workers=args.workers,
                    partitions=args.partitions, backend=args.backend, model=args.model, max_chars=args.max_chars,
                    analysis="full" if args.conllu else args.analysis, progress=progress)


def run(args: argparse.Namespace) -> int:
    """Run the extraction; exit 1 when any article failed, 2 when the run could not start
    (or, on Dask, a partition could not finish), 130 when interrupted (Ctrl-C or SIGTERM; the
    records so far are kept for --resume)."""
    output = None if args.output == "-" else Path(args.output)
    if args.conllu and output is None:  # the CoNLL-U is written from the records file
        print("warta: --conllu needs an output file (-o RECORDS.jsonl), not stdout", file=sys.stderr)
        return 2
    problem = engine_problem(args)
    if problem:
        print(f"warta: {problem}", file=sys.stderr)
        return 2
    progress = not args.quiet and sys.stderr.isatty()
    summary = RunSummary()
    refused: tuple[type[Exception], ...] = (NoArticlesError, OutputError, OutputLockedError)
    if args.engine == "dask":
        from ..engine_dask import DaskRunError  # imports no Dask

        refused += (DaskRunError,)
    try:
        if args.engine == "dask":
            summary = run_dask_engine(args, output, progress)
        else:
            with requested_analysis(args):  # read by every worker's load_nlp
                summary = run_extract(
                    args.inputs, output, errors_path=Path(args.errors) if args.errors else None,
                    resume=args.resume, workers=args.workers, backend=args.backend, model=args.model,
                    max_chars=args.max_chars, progress=progress,
                )
    except refused as exc:
        print(f"warta: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        if output is not None:
            kept = f"the finished partitions are kept in {work_folder(args, output)}" if args.engine == "dask" \
                else f"the records done so far are in {journal_path(output)}"
            print(f"warta: interrupted; {kept}: run the same command with --resume to continue", file=sys.stderr)
        return 130
    if not args.errors:
        print_errors(summary)
    if summary.articles == 0:
        print("warta: no articles found in the input; nothing written", file=sys.stderr)
        return 1
    if not args.quiet or not summary.ok:
        rate = summary.written / summary.seconds if summary.seconds else 0.0
        where = "standard output" if output is None else args.output
        print(f"warta: wrote {where} ({rate:.1f} articles/s)", file=sys.stderr)
        print(f"warta: {summary.line()}", file=sys.stderr)
    if args.conllu:
        from ..analysis import write_conllu

        write_conllu(output, Path(args.conllu))
    return 0 if summary.ok else 1


def work_folder(args: argparse.Namespace, output: Path) -> Path:
    """Where a Dask run keeps its finished partitions (pipeline.engine_dask.Layout.work)."""
    return output / "_warta" if args.format == "parquet" else output.with_name(output.name + ".parts")
