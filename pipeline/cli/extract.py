"""`warta extract`: articles in, one JSON record per article out."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..analysis import LEVELS, analysis_requested, write_conllu
from ..extractor import DEFAULT_MAX_CHARS
from ..nlp import BACKENDS
from ..runner import run_extract

DEFAULT_OUTPUT = "outputs/records.jsonl"


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
    parser.add_argument("--resume", action="store_true", help="skip ids already in the output file")
    parser.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--backend", choices=BACKENDS, default="spacy",
                        help="linguistic backend: trained spaCy model (default), stanza, or rules only")
    parser.add_argument("--model", help="path of a spaCy pipeline to use instead of models/warta-id-core")
    parser.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS,
                        help=f"refuse longer articles (default {DEFAULT_MAX_CHARS:,})")
    # --analysis / --conllu: pipeline/analysis.py (speed helper)
    parser.add_argument("--analysis", choices=LEVELS, default=None,
                        help="full: each record also holds its sentences and tokens with UPOS, lemma, head "
                             "and relation (default none)")
    parser.add_argument("--conllu", metavar="PATH", help="also write the analysis as CoNLL-U (implies --analysis full)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Run the extraction; exit 1 when any article failed."""
    output = None if args.output == "-" else Path(args.output)
    if args.conllu and output is None:  # the CoNLL-U is written from the records file
        print("warta: --conllu needs an output file (-o RECORDS.jsonl), not stdout", file=sys.stderr)
        return 2
    progress = not args.quiet and sys.stderr.isatty()
    with analysis_requested("full" if args.conllu else args.analysis):  # read by every worker's load_nlp
        summary = run_extract(
            args.inputs, output, errors_path=Path(args.errors) if args.errors else None,
            resume=args.resume, workers=args.workers, backend=args.backend, model=args.model,
            max_chars=args.max_chars, progress=progress,
        )
    if not args.errors:
        for error in summary.errors:
            where = error["source_file"] + (f":{error['line']}" if error.get("line") else "")
            print(f"warta: {error['id'] or where}: {error['reason']} ({where})", file=sys.stderr)
    if not args.quiet:
        rate = summary.written / summary.seconds if summary.seconds else 0.0
        print(f"warta: {summary.written} records written to {args.output}, {summary.failed} failed, "
              f"{summary.skipped} skipped ({rate:.1f} articles/s)", file=sys.stderr)
    if args.conllu:
        write_conllu(output, Path(args.conllu))
    return 0 if summary.ok else 1
