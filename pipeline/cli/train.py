"""`warta train`: rebuild the trained Indonesian models from ../shared/data."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the train verb. Its defaults come from TrainSettings when it runs: importing the
    trainer here would load spaCy for every verb, and `warta extract` must fail on a typo at once."""
    parser = subparsers.add_parser(
        "train", help="train the Indonesian models (spaCy pipeline; stanza models with --stanza)",
        description="Rebuild models/warta-id-core (spaCy) from the UD and NER corpora with fixed seeds; "
                    "with --stanza also (or with --stanza-only, only) the stanza models in models/stanza-id.",
    )
    parser.add_argument("--data", type=Path, help="the shared data folder (default ../shared/data)")
    parser.add_argument("-o", "--output", type=Path,
                        help="where to write the spaCy pipeline (default models/warta-id-core)")
    parser.add_argument("--work-dir", type=Path, help="scratch folder for converted corpora and checkpoints "
                                                      "(default .work/train)")
    parser.add_argument("--pretrain-epochs", type=int,
                        help="epochs of tok2vec pretraining on the corpora's raw text (0: none)")
    parser.add_argument("--ud-steps", type=int, help="max steps, UD part")
    parser.add_argument("--ner-steps", type=int, help="max steps, NER part")
    parser.add_argument("--seed", type=int)
    parser.add_argument("--threads", type=int, help="BLAS/torch threads (default 1)")
    parser.add_argument("--stanza", action="store_true", help="also train the stanza models")
    parser.add_argument("--stanza-only", action="store_true", help="train only the stanza models")
    parser.add_argument("--programs", action="store_true",
                        help="only the experimental program span model, from the gold of ../shared/eval, and "
                             "its 5-fold CV figures (extract does not use it: it loses to the rules under CV)")
    parser.set_defaults(func=run)


def fill_defaults(args: argparse.Namespace) -> None:
    """Options left out take TrainSettings' values."""
    from ..train.driver import DEFAULT_OUTPUT, DEFAULT_WORK_DIR, TrainSettings

    defaults = TrainSettings()
    given = {"output": DEFAULT_OUTPUT, "work_dir": DEFAULT_WORK_DIR, "pretrain_epochs": defaults.pretrain_epochs,
             "ud_steps": defaults.ud_max_steps, "ner_steps": defaults.ner_max_steps, "seed": defaults.seed,
             "threads": defaults.threads}
    for name, value in given.items():
        if getattr(args, name) is None:
            setattr(args, name, value)


def run(args: argparse.Namespace) -> int:
    """Train what was asked and print the scores."""
    from ..train.driver import TrainSettings, train_all

    fill_defaults(args)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if args.programs:
        from ..train.cv_programs import main as programs_main

        return programs_main(["train", "--seed", str(args.seed)]) or programs_main(["cv", "--seed", str(args.seed)])
    if not args.stanza_only:
        settings = TrainSettings(output=args.output, work_dir=args.work_dir, data_root=args.data,
                                 pretrain_epochs=args.pretrain_epochs, ud_max_steps=args.ud_steps,
                                 ner_max_steps=args.ner_steps,
                                 seed=args.seed, threads=args.threads)
        meta = train_all(settings)
        print(json.dumps({"output": str(args.output), "performance": meta["performance"],
                          "training": meta["warta_training"]}, indent=2, ensure_ascii=False))
    if args.stanza or args.stanza_only:
        from ..train.stanza_train import StanzaSettings, train_stanza

        models = train_stanza(StanzaSettings(work_dir=args.work_dir / "stanza", data_root=args.data,
                                             seed=args.seed, threads=args.threads))
        print(json.dumps({"stanza_models": models}, indent=2), file=sys.stdout)
    return 0
