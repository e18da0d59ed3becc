"""The stanza backend: a spaCy Language whose tokenizer runs a stanza Pipeline.

Like spacy-stanza, the Doc carries stanza's words, sentences, UPOS, XPOS, features,
lemmas, dependencies and (when a model exists) entities, so the warta components run
on top unchanged. Models come from, in order: an explicit directory, the user's stanza
resources directory when it holds Indonesian models, or the models warta trains
itself (models/stanza-id). stanza is never allowed to download anything.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

REPO_ROOT = Path(__file__).resolve().parents[2]
WARTA_STANZA_DIR = REPO_ROOT / "models" / "stanza-id"
# The processors warta asks for, in pipeline order; "mwt" and "ner" are used when a model exists.
PROCESSORS = ("tokenize", "mwt", "pos", "lemma", "depparse", "ner")
REQUIRED = ("tokenize", "pos", "lemma", "depparse")


@dataclass(frozen=True)
class StanzaModels:
    """Where a stanza Indonesian pipeline comes from: a resources dir or explicit model files."""

    resources_dir: Path
    model_paths: dict[str, Path]

    @property
    def processors(self) -> tuple[str, ...]:
        """The processors this set of models can run."""
        if not self.model_paths:
            lang_dir = self.resources_dir / "id"
            return tuple(p for p in PROCESSORS if (lang_dir / p).is_dir() and any((lang_dir / p).glob("*.pt")))
        return tuple(p for p in PROCESSORS if p in self.model_paths)


def stanza_resources_dir() -> Path:
    """stanza's standard resources directory ($STANZA_RESOURCES_DIR, else ~/stanza_resources)."""
    return Path(os.environ.get("STANZA_RESOURCES_DIR", Path.home() / "stanza_resources"))


def warta_model_paths(directory: Path) -> dict[str, Path]:
    """The `<processor>.pt` model files warta's own stanza training wrote into directory."""
    return {p: directory / f"{p}.pt" for p in PROCESSORS if (directory / f"{p}.pt").is_file()}


def find_models(model: str | Path | None = None) -> StanzaModels:
    """The stanza models to use; FileNotFoundError when there are none."""
    candidates = [Path(model)] if model else [stanza_resources_dir(), WARTA_STANZA_DIR]
    for directory in candidates:
        own = warta_model_paths(directory)
        if all(p in own for p in REQUIRED):
            return StanzaModels(directory, own)
        installed = StanzaModels(directory, {})
        if (directory / "resources.json").is_file() and all(p in installed.processors for p in REQUIRED):
            return installed
    where = ", ".join(str(c) for c in candidates)
    raise FileNotFoundError(
        f"no stanza Indonesian models in {where}: install them with stanza.download('id') "
        "on a machine with network access, or train warta's own with `warta train --stanza`"
    )


class UnlistedLanguageFilter(logging.Filter):
    """Drops stanza's "unsupported language" warning, which warta's own (unlisted) models always trigger."""

    def filter(self, record: logging.LogRecord) -> bool:
        """False for that one warning."""
        return "unsupported language" not in record.getMessage()


def build_stanza_pipeline(models: StanzaModels, use_gpu: bool = False, **options):
    """A stanza.Pipeline over the given models that never downloads; options go to stanza.Pipeline."""
    import stanza

    processors = ",".join(models.processors)
    if not models.model_paths:
        return stanza.Pipeline("id", dir=str(models.resources_dir), processors=processors,
                               download_method=None, use_gpu=use_gpu, logging_level="WARN", **options)
    kwargs = {f"{p}_model_path": str(path) for p, path in models.model_paths.items()} | options
    resources = models.resources_dir / "resources.json"
    if not resources.is_file():
        resources = Path(os.environ.get("TMPDIR", "/tmp")) / "warta-stanza-resources.json"
        resources.write_text(json.dumps({}), encoding="utf-8")
    stanza_log = logging.getLogger("stanza")
    if not any(isinstance(f, UnlistedLanguageFilter) for f in stanza_log.filters):
        stanza_log.addFilter(UnlistedLanguageFilter())
    return stanza.Pipeline("id", dir=str(models.resources_dir), processors=processors, download_method=None,
                           allow_unknown_language=True, resources_filepath=str(resources),
                           use_gpu=use_gpu, logging_level="WARN", **kwargs)


def word_pieces(token) -> list[tuple[str, object]]:
    """(text, stanza word) pieces of a stanza token: its words when they spell the token, else the token."""
    words = token.words
    if len(words) > 1 and "".join(w.text for w in words) == token.text:
        return [(w.text, w) for w in words]
    return [(token.text, words[0])]


def stanza_to_doc(vocab: Vocab, text: str, sdoc, has_ner: bool) -> Doc:
    """A spaCy Doc for text (doc.text == text) carrying the stanza analysis."""
    words: list[str] = []
    spaces: list[bool] = []
    attrs: dict[str, list] = {"pos": [], "tags": [], "morphs": [], "lemmas": [], "deps": []}
    heads: list[int | None] = []
    cursor = 0

    def add_whitespace(gap: str) -> None:
        words.append(gap)
        spaces.append(False)
        for key, value in (("pos", "SPACE"), ("tags", "_SP"), ("morphs", ""), ("lemmas", gap), ("deps", "dep")):
            attrs[key].append(value)
        heads.append(None)

    def close_gap(start: int) -> None:
        gap = text[cursor:start]
        if not gap:
            return
        if gap.startswith(" ") and words and not spaces[-1]:
            spaces[-1] = True
            gap = gap[1:]
        if gap:
            add_whitespace(gap)

    for sentence in sdoc.sentences:
        index_of_word: dict[int, int] = {}
        pending: list[tuple[int, object]] = []
        for token in sentence.tokens:
            close_gap(token.start_char)
            pieces = word_pieces(token)
            for word in token.words:  # words folded into one piece all point at it
                index_of_word[word.id] = len(words)
            for piece, word in pieces:
                index_of_word[word.id] = len(words)
                pending.append((len(words), word))
                words.append(piece)
                spaces.append(False)
                attrs["pos"].append(word.upos or "X")
                attrs["tags"].append(word.xpos or "")
                attrs["morphs"].append(word.feats or "")
                attrs["lemmas"].append(word.lemma or piece)
                attrs["deps"].append("ROOT" if not word.head else (word.deprel or "dep"))
                heads.append(None)
            cursor = token.end_char
        for position, word in pending:
            heads[position] = index_of_word.get(word.head, position) if word.head else position
    close_gap(len(text))
    resolved = [h if h is not None else (i - 1 if i > 0 else min(i + 1, len(words) - 1)) for i, h in enumerate(heads)]
    if len(words) == 1 and heads[0] is None:
        resolved = [0]
        attrs["deps"][0] = "ROOT"
    doc = Doc(vocab, words=words, spaces=spaces, heads=resolved, **attrs)
    if has_ner:
        spans = [doc.char_span(e.start_char, e.end_char, label=e.type, alignment_mode="expand") for e in sdoc.ents]
        doc.ents = spacy.util.filter_spans([s for s in spans if s is not None])
    return doc


class StanzaTokenizer:
    """A spaCy tokenizer that runs the whole stanza pipeline and returns an annotated Doc."""

    def __init__(self, vocab: Vocab, pipeline, has_ner: bool):
        self.vocab = vocab
        self.pipeline = pipeline
        self.has_ner = has_ner

    def __call__(self, text: str) -> Doc:
        """Analyse text with stanza and convert the result."""
        if not text.strip():
            return Doc(self.vocab, words=[text] if text else [], spaces=[False] if text else [])
        return stanza_to_doc(self.vocab, text, self.pipeline(text), self.has_ner)

    def pipe(self, texts, batch_size: int = 16):
        """Analyse texts one after another (stanza batches within each text)."""
        for text in texts:
            yield self(text)

    def to_disk(self, path, **kwargs) -> None:
        """Nothing to save: the stanza models live in their own directory."""

    def from_disk(self, path, **kwargs) -> StanzaTokenizer:
        """Nothing to load."""
        return self


def share_cores(workers: int) -> int:
    """Give this process's torch an equal share of the CPU cores; return its thread count.

    torch starts as many threads as there are cores in every process, so N stanza workers
    would run N x cores threads; on this project's 2-core machine a second thread per process
    added no speed (1,441 vs 1,487 words/s on the dev articles) and 70% more CPU time.
    """
    import torch

    threads = max(1, (os.cpu_count() or 1) // max(1, workers))
    torch.set_num_threads(threads)
    return threads


def load_stanza_nlp(model: str | Path | None = None, use_gpu: bool = False) -> Language:
    """A spaCy Indonesian Language analysed by stanza (tokens, sentences, POS, lemmas, deps, ents)."""
    models = find_models(model)
    nlp = spacy.blank("id")
    nlp.tokenizer = StanzaTokenizer(nlp.vocab, build_stanza_pipeline(models, use_gpu), "ner" in models.processors)
    nlp.meta["warta_stanza_models"] = str(models.resources_dir)
    return nlp
