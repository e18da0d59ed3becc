"""Scores for a linguistic backend: UD (GSD test), NER (idner-news-2k test), throughput, dev scorecard."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc, DocBin
from spacy.training import Example

from .corpora import convert_all

REPO_ROOT = Path(__file__).resolve().parents[2]
EVAL_DIR = REPO_ROOT.parent / "shared" / "eval"
UD_KEYS = ("token_p", "token_r", "token_f", "sents_p", "sents_r", "sents_f", "pos_acc", "morph_acc",
           "lemma_acc", "dep_uas", "dep_las")
NER_KEYS = ("ents_p", "ents_r", "ents_f", "ents_per_type")


def gold_docs(nlp: Language, path: Path) -> list[Doc]:
    """The gold docs stored in a .spacy file."""
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def examples_for(nlp: Language, golds: Iterable[Doc]) -> list[Example]:
    """Examples pairing the backend's own tokenization of each gold text with the gold doc."""
    return [Example(nlp.make_doc(gold.text), gold) for gold in golds]


def rounded(scores: dict, keys: Iterable[str]) -> dict:
    """The chosen scores, rounded to four places (nested per-type dicts too)."""
    out = {}
    for key in keys:
        value = scores.get(key)
        if isinstance(value, float):
            out[key] = round(value, 4)
        elif isinstance(value, dict):
            out[key] = {k: {m: round(v, 4) for m, v in d.items()} for k, d in value.items()}
        else:
            out[key] = value
    return out


def dep_label(token, attr: str) -> str:
    """A dependency label in lower case, as spaCy's parser scorer reads it."""
    return token.vocab.strings.as_string(getattr(token, attr)).lower()


def score_ud(nlp: Language, path: Path) -> dict:
    """Tokens, sentences, UPOS, morphology, lemma and attachment scores on a UD test file.

    Scored with spaCy's Scorer directly rather than nlp.evaluate, so a backend whose analysis
    happens in its tokenizer (stanza) is scored the same way; what it does not predict is None.
    """
    examples = [Example(nlp(gold.text), gold) for gold in gold_docs(nlp, path)]
    predicted = [eg.predicted for eg in examples]
    scores = {**Scorer.score_tokenization(examples), **Scorer.score_spans(examples, "sents")}
    for attr, annotation in (("pos", "POS"), ("morph", "MORPH"), ("lemma", "LEMMA")):
        if all(doc.has_annotation(annotation) for doc in predicted):
            scores.update(Scorer.score_token_attr(examples, attr))
    if all(doc.has_annotation("DEP") for doc in predicted):
        scores.update(Scorer.score_deps(examples, "dep", getter=dep_label, ignore_labels=("p", "punct")))
    return rounded(scores, UD_KEYS)


def score_ner(nlp: Language, path: Path) -> dict:
    """Exact-span entity precision, recall and F1 (PER/ORG/LOC) on an NER test file."""
    scores = nlp.evaluate(examples_for(nlp, gold_docs(nlp, path)))
    return rounded(scores, NER_KEYS)


def score_core(nlp: Language, corpus: Path) -> dict:
    """The scores stored in meta.json: GSD test (UD) and idner-news-2k test (NER)."""
    return {"gsd_test": score_ud(nlp, corpus / "ud-test.spacy"),
            "idner_test": score_ner(nlp, corpus / "ner-test.spacy")}


def dev_texts(path: Path | None = None) -> list[str]:
    """The article texts of the dev set, used to measure throughput."""
    source = path or EVAL_DIR / "dev.jsonl"
    with source.open(encoding="utf-8") as lines:
        return [json.loads(line)["text"] for line in lines if line.strip()]


def throughput(nlp: Language, texts: list[str], batch_size: int = 16, warm_up: int = 3, passes: int = 3) -> dict:
    """Words (non-space tokens) per second when the backend analyses the texts: the median of a few passes.

    The first few texts are analysed once beforehand, so one-off costs (lazy model setup,
    first allocations) are not counted against either backend; a single pass over the dev
    articles takes under a second for spaCy, so one pass alone would be at the mercy of noise.
    """
    list(nlp.pipe(texts[:warm_up], batch_size=batch_size))
    timings = []
    for _ in range(passes):
        started = time.perf_counter()
        words = sum(sum(1 for t in doc if not t.is_space) for doc in nlp.pipe(texts, batch_size=batch_size))
        timings.append(time.perf_counter() - started)
    seconds = statistics.median(timings)
    return {"words": words, "passes": passes, "seconds": round(seconds, 2),
            "words_per_second": round(words / seconds, 1)}


def scorecard(backend: str, model: str | None = None, work_dir: Path | None = None) -> dict:
    """The dev extraction scorecard (score.py --json) of `warta extract` with the given backend."""
    from ..runner import run_extract

    out_dir = Path(work_dir or tempfile.mkdtemp(prefix="warta-eval-"))
    out_dir.mkdir(parents=True, exist_ok=True)
    predictions = out_dir / f"dev-{backend}.jsonl"
    run_extract([str(EVAL_DIR / "dev.jsonl")], predictions, backend=backend, model=model, progress=False)
    result = subprocess.run(
        [sys.executable, str(EVAL_DIR / "score.py"), str(EVAL_DIR / "dev.gold.jsonl"), str(predictions), "--json"],
        capture_output=True, text=True, check=False,
    )
    return json.loads(result.stdout) if result.stdout.strip() else {"error": result.stderr.strip()}


def evaluate_backend(name: str, nlp: Language, corpus: Path, with_scorecard: bool = True,
                     model: str | None = None, work_dir: Path | None = None) -> dict:
    """Every figure `warta evaluate` prints for one backend."""
    report = {"backend": name, "gsd_test": score_ud(nlp, corpus / "ud-test.spacy")}
    if nlp.has_pipe("ner") or getattr(nlp.tokenizer, "has_ner", False):
        report["idner_test"] = score_ner(nlp, corpus / "ner-test.spacy")
    report["throughput"] = throughput(nlp, dev_texts())
    if with_scorecard:
        report["scorecard"] = scorecard(name, model, work_dir)
    return report


def build_eval_corpus(work_dir: Path, data_root: Path | None = None) -> Path:
    """Convert the shared corpora for evaluation and return the folder of .spacy files."""
    corpus = work_dir / "corpus"
    convert_all(corpus, data_root)
    return corpus
