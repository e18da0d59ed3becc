"""`warta evaluate`: linguistic scores, throughput and the dev scorecard for each backend."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

log = logging.getLogger(__name__)


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the evaluate verb."""
    parser = subparsers.add_parser(
        "evaluate", help="score the backends (GSD test, idner-news-2k test, speed, dev scorecard)",
        description="For each backend: tokens/sentences F1, UPOS, LAS on the UD GSD test file, NER F1 on the "
                    "idner-news-2k test file, throughput in words/s on the dev articles, and the dev "
                    "extraction scorecard, all in one run on this machine.",
    )
    parser.add_argument("--backend", action="append", choices=("spacy", "stanza", "rules"),
                        help="backend(s) to evaluate (repeatable; default: spacy, stanza if it has models, rules)")
    parser.add_argument("--model", help="spaCy pipeline path (default models/warta-id-core)")
    parser.add_argument("--stanza-model", help="stanza models directory (default: installed, else models/stanza-id)")
    parser.add_argument("--data", type=Path, help="the shared data folder (default ../shared/data)")
    parser.add_argument("--work-dir", type=Path, default=Path(".work/evaluate"), help="scratch folder")
    parser.add_argument("--no-scorecard", action="store_true", help="skip the dev extraction scorecard")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of a table")
    parser.set_defaults(func=run)


def format_report(reports: list[dict]) -> str:
    """A plain-text table of the figures, one column per backend."""
    rows = [
        ("tokens F1 (GSD test)", ("gsd_test", "token_f")), ("sentences F1 (GSD test)", ("gsd_test", "sents_f")),
        ("UPOS (GSD test)", ("gsd_test", "pos_acc")), ("lemma acc (GSD test)", ("gsd_test", "lemma_acc")),
        ("UAS (GSD test)", ("gsd_test", "dep_uas")), ("LAS (GSD test)", ("gsd_test", "dep_las")),
        ("NER P (idner test)", ("idner_test", "ents_p")), ("NER R (idner test)", ("idner_test", "ents_r")),
        ("NER F1 (idner test)", ("idner_test", "ents_f")),
        ("words/s (dev articles)", ("throughput", "words_per_second")),
    ]
    fields = ("officials", "dates", "meetings", "list_items", "programs")
    rows += [(f"dev {f} F1", ("scorecard", f, "f1")) for f in fields]
    rows += [(f"dev {f} recall", ("scorecard", f, "recall")) for f in ("officials",)]
    lines = [f"{'':<26}" + "".join(f"{r['backend']:>12}" for r in reports)]
    for label, path in rows:
        cells = []
        for report in reports:
            value = report
            for key in path:
                value = value.get(key) if isinstance(value, dict) else None
            cells.append(f"{value:>12.3f}" if isinstance(value, float) else f"{'-' if value is None else value:>12}")
        lines.append(f"{label:<26}" + "".join(cells))
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Evaluate each requested backend and print the figures."""
    from ..nlp import base_nlp
    from ..train.evaluate import build_eval_corpus, evaluate_backend

    backends = args.backend or ["spacy", "stanza", "rules"]
    corpus = build_eval_corpus(args.work_dir, args.data)
    reports = []
    for backend in backends:
        model = args.model if backend == "spacy" else args.stanza_model
        try:
            nlp = base_nlp(backend, model)
        except (FileNotFoundError, ImportError) as error:
            if args.backend:
                print(f"warta: {backend}: {error}", file=sys.stderr)
                return 1
            log.warning("skipping %s: %s", backend, error)
            print(f"warta: skipping {backend}: {error}", file=sys.stderr)
            continue
        reports.append(evaluate_backend(backend, nlp, corpus, with_scorecard=not args.no_scorecard,
                                        model=model, work_dir=args.work_dir))
    if args.json:
        print(json.dumps(reports, indent=2, ensure_ascii=False))
    else:
        print(format_report(reports))
    return 0
