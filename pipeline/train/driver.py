"""`warta train`: rebuild models/warta-id-core from the shared corpora with fixed seeds."""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language

from .. import affixes, tokenizer  # noqa: F401  (register the warta.* spaCy callbacks)
from .corpora import convert_all, write_raw_text

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[2]
CONFIG_DIR = Path(__file__).resolve().parent / "configs"
DEFAULT_OUTPUT = REPO_ROOT / "models" / "warta-id-core"
DEFAULT_WORK_DIR = REPO_ROOT / ".work" / "train"
PIPELINE_NAME = "warta_id_core"
PIPELINE_VERSION = "0.1.0"


@dataclass
class TrainSettings:
    """What `warta train` builds and how long each part may train."""

    output: Path = DEFAULT_OUTPUT
    work_dir: Path = DEFAULT_WORK_DIR
    data_root: Path | None = None
    pretrain_epochs: int = 10
    ud_max_steps: int = 4000
    ner_max_steps: int = 2400
    seed: int = 42
    threads: int = 1
    timings: dict[str, float] = field(default_factory=dict)


def limit_threads(threads: int) -> None:
    """Keep numpy/BLAS and torch to a few threads: the machine is shared."""
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, str(threads))


def pretrain_tok2vec(config: Path, output: Path, raw_text: Path, epochs: int, seed: int) -> Path:
    """Pretrain the config's tok2vec on raw text (spaCy's characters objective); return the weights."""
    from spacy.training.pretrain import pretrain

    overrides = {"paths.raw_text": str(raw_text), "pretraining.max_epochs": epochs,
                 "system.seed": seed, "training.seed": seed}
    output.mkdir(parents=True, exist_ok=True)
    pretrain(spacy.util.load_config(config, overrides=overrides, interpolate=False), output, use_gpu=-1, silent=False)
    return output / "model-last.bin"


def train_part(config: Path, output: Path, train: Path, dev: Path, max_steps: int, seed: int,
               extra: dict | None = None) -> Path:
    """Train one spaCy pipeline from a config and return its best model directory."""
    from spacy.cli.train import train as spacy_train

    overrides = {
        "paths.train": str(train), "paths.dev": str(dev), "training.max_steps": max_steps,
        "system.seed": seed, "training.seed": seed, **(extra or {}),
    }
    spacy_train(config, output, overrides=overrides, use_gpu=-1)
    return output / "model-best"


def assemble(ud_model: Path, ner_model: Path) -> Language:
    """The UD pipeline with the NER component (and its own tok2vec) sourced in."""
    nlp = spacy.load(ud_model)
    nlp.add_pipe("ner", source=spacy.load(ner_model))
    nlp.meta.update({
        "name": PIPELINE_NAME, "version": PIPELINE_VERSION, "lang": "id",
        "description": "Indonesian news pipeline for warta: tokenizer rules, UPOS+morphology, lemmas, "
                       "dependencies (UD CSUI train + GSD dev + PUD) and PER/ORG/LOC entities "
                       "(idner-news-2k + NERGrit). Trained by `warta train`.",
        "license": "CC BY-SA 4.0 (UD data), MIT (idner-news-2k), Apache-2.0 (NERGrit)",
        "author": "warta",
    })
    return nlp


def train_all(settings: TrainSettings) -> dict:
    """Convert the corpora, train the UD and NER parts, assemble, score and save the pipeline."""
    from .evaluate import score_core

    limit_threads(settings.threads)
    spacy.util.fix_random_seed(settings.seed)
    corpus = settings.work_dir / "corpus"
    started = time.perf_counter()
    counts = convert_all(corpus, settings.data_root)
    counts["raw-text-lines"] = write_raw_text(corpus / "raw.jsonl", settings.data_root)
    log.info("corpora: %s", counts)
    part_started = time.perf_counter()
    extra = {"paths.raw_text": str(corpus / "raw.jsonl")}
    if settings.pretrain_epochs > 0:
        extra["paths.init_tok2vec"] = str(pretrain_tok2vec(
            CONFIG_DIR / "ud.cfg", settings.work_dir / "pretrain", corpus / "raw.jsonl",
            settings.pretrain_epochs, settings.seed))
    settings.timings["pretrain_seconds"] = round(time.perf_counter() - part_started, 1)
    part_started = time.perf_counter()
    ud_best = train_part(CONFIG_DIR / "ud.cfg", settings.work_dir / "ud", corpus / "ud-train.spacy",
                         corpus / "ud-dev.spacy", settings.ud_max_steps, settings.seed, extra)
    settings.timings["ud_seconds"] = round(time.perf_counter() - part_started, 1)
    part_started = time.perf_counter()
    ner_best = train_part(CONFIG_DIR / "ner.cfg", settings.work_dir / "ner", corpus / "ner-train.spacy",
                          corpus / "ner-dev.spacy", settings.ner_max_steps, settings.seed)
    settings.timings["ner_seconds"] = round(time.perf_counter() - part_started, 1)
    nlp = assemble(ud_best, ner_best)
    scores = score_core(nlp, corpus)
    settings.timings["total_seconds"] = round(time.perf_counter() - started, 1)
    nlp.meta["performance"] = scores
    nlp.meta["warta_training"] = {"corpora": counts, "seed": settings.seed, **settings.timings,
                                  "pretrain_epochs": settings.pretrain_epochs, "ud_max_steps": settings.ud_max_steps,
                                  "ner_max_steps": settings.ner_max_steps}
    save(nlp, settings.output)
    return nlp.meta


def clear_paths(nlp: Language) -> None:
    """Blank the config's [paths]: they name this machine's scratch files, which a loaded model never reads."""
    config = nlp.config
    config["paths"] = {key: None for key in config["paths"]}
    nlp.config = config


def save(nlp: Language, output: Path) -> None:
    """Write the pipeline to output, replacing what was there."""
    if output.exists():
        shutil.rmtree(output)
    clear_paths(nlp)
    nlp.to_disk(output)
    (output / "meta.json").write_text(json.dumps(nlp.meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
