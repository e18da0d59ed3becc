"""Build the spaCy Language that runs the warta components."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import spacy
from spacy.language import Language

# Importing the modules registers their factories with spaCy.
from . import affixes, dates, lists, meetings, officials, programs, tokenizer  # noqa: F401
from .analysis import analysis_level  # also registers the warta_analysis factory
from .extensions import ensure_extensions

log = logging.getLogger(__name__)

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"
DEFAULT_MODEL = MODELS_DIR / "warta-id-core"
COMPONENTS = ("warta_dates", "warta_officials", "warta_programs", "warta_task_lists", "warta_meetings")
BACKENDS = ("spacy", "stanza", "rules")
# Trained components no extractor reads, left out of the default path (issue 15): the parser
# gave only sentence bounds, and the meetings extractor cuts its own (the same scores on dev
# and dev2, a fifth of an article's time saved). `--analysis full` loads them for the record.
UNREAD_COMPONENTS = ("parser",)


def default_model_path() -> Path:
    """The trained pipeline to load: $WARTA_MODEL, else models/warta-id-core."""
    return Path(os.environ.get("WARTA_MODEL", DEFAULT_MODEL))


def rules_nlp() -> Language:
    """A blank Indonesian pipeline with rule-based sentence bounds and no statistical model."""
    nlp = spacy.blank("id")
    nlp.add_pipe("sentencizer")
    return nlp


def base_nlp(backend: str = "spacy", model: str | Path | None = None, exclude: tuple[str, ...] = ()) -> Language:
    """The linguistic pipeline under the warta components, for the chosen backend; `exclude`
    names trained spaCy components not to load."""
    if backend == "rules":
        return rules_nlp()
    if backend == "stanza":
        from .backends.stanza_backend import load_stanza_nlp

        return load_stanza_nlp(model)
    if backend != "spacy":
        raise ValueError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")
    path = Path(model) if model else default_model_path()
    if not path.exists():
        if model:
            raise FileNotFoundError(f"no spaCy pipeline at {path}")
        log.warning("no trained model at %s; using rules only (run `warta train`)", path)
        return rules_nlp()
    return spacy.load(path, exclude=list(exclude), config=load_overrides(path))


def load_overrides(path: Path) -> dict:
    """Config overrides for spacy.load: a saved tokenizer's rules are then added only once.

    Only spaCy's own tokenizer is replaced (by the same class, created without rules); a
    pipeline with another tokenizer loads as it is.
    """
    config = path / "config.cfg"
    if not ((path / "tokenizer").is_file() and config.is_file()):
        return {}
    factory = spacy.util.load_config(config, interpolate=False)["nlp"].get("tokenizer", {})
    if factory.get("@tokenizers") == "spacy.Tokenizer.v1":
        return {"nlp": {"tokenizer": {"@tokenizers": "warta.saved_rules_tokenizer.v1"}}}
    return {}


def load_nlp(backend: str = "spacy", model: str | Path | None = None, analysis: str | None = None) -> Language:
    """The full warta pipeline: the backend's analysis followed by the warta components.

    analysis "full" (default: $WARTA_ANALYSIS, else "none") adds the component that copies
    every token's tag, lemma and parse into the record (pipeline/analysis.py); only then is the
    parser loaded.
    """
    ensure_extensions()
    full = analysis_level(analysis) == "full"
    nlp = base_nlp(backend, model, exclude=() if full else UNREAD_COMPONENTS)
    for name in COMPONENTS:
        if name not in nlp.pipe_names:
            nlp.add_pipe(name)
    if full and "warta_analysis" not in nlp.pipe_names:
        nlp.add_pipe("warta_analysis")
    return nlp
