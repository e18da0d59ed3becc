"""Train the program span model on the gold of dev + dev2, and cross-validate it over articles.

`python -m pipeline.train.cv_programs train` writes models/warta-programs-spans/ from all
160 gold articles; `python -m pipeline.train.cv_programs cv` prints the 5-fold figures of the
rules alone, the learned spans alone and the two combined (the learned spans added to the rules'
candidates). Folds split ARTICLES, so a fold's model never saw the articles it is scored on.
Scoring uses the project's scorer (../shared/eval/score.py): program names matched one-to-one
by normalised text, near-spelling or containment.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

import numpy as np

from ..clean import clean_text
from ..programs import find_programs, rule_candidates
from ..programs_spans import HASH_BITS, MODEL_DIR, Example, SpanModel, doc_examples, plausible, select, span_found
from .crossval import EVAL_DIR, SETS, cv_main, fold_split, gold_articles, prf, scorer

THRESHOLD = 0.5
STEPS = 300  # full-batch Adam steps: a few seconds on 10k spans
L2 = 1e-4


@dataclass
class Article:
    """One gold article with its suggested spans."""

    id: str
    text: str
    gold: list[list[str]]  # forms (name + aliases) of each gold program
    examples: list[Example]


def load_articles(eval_dir: Path = EVAL_DIR, sets: tuple[str, ...] = SETS) -> list[Article]:
    """Parse every article of the gold sets with the shipped model and suggest its spans."""
    from ..nlp import base_nlp

    score = scorer(eval_dir)
    nlp = base_nlp()
    rows = [(raw["id"], clean_text(raw["text"]).text,  # the text the extractor analyses
             [score.program_forms(p) for p in gold.get("programs", [])])
            for _, gold, raw in gold_articles(eval_dir, sets)]
    articles = []
    for i, (doc, (doc_id, text, forms)) in enumerate(zip(nlp.pipe(r[1] for r in rows), rows, strict=True)):
        examples = doc_examples(doc, rule_candidates(text), i)
        for ex in examples:
            ex.label = float(score.program_sim([ex.text], [f for fs in forms for f in fs]) >= 0.9)
        articles.append(Article(doc_id, text, forms, examples))
    return articles


def fit(examples: list[Example], steps: int = STEPS, seed: int = 0, l2: float = L2,
        pos_share: float = 4.0) -> SpanModel:
    """Logistic regression by full-batch Adam over the hashed and dense features."""
    rng = np.random.default_rng(seed)
    width = max((len(e.dense) for e in examples), default=0)
    sparse_idx = np.concatenate([e.sparse for e in examples])
    owner = np.repeat(np.arange(len(examples)), [len(e.sparse) for e in examples])
    dense = np.stack([e.dense if len(e.dense) == width else np.zeros(width, np.float32) for e in examples])
    y = np.array([e.label for e in examples])
    pos_weight = max(1.0, (len(y) - y.sum()) / max(1.0, y.sum()) / pos_share)  # programs are rare among spans
    weight = np.where(y > 0, pos_weight, 1.0)
    params = [np.zeros(1 << HASH_BITS), rng.normal(0, 0.01, width), np.zeros(1)]
    moments = [(np.zeros_like(p), np.zeros_like(p)) for p in params]
    for step in range(1, steps + 1):
        w, v, b = params
        z = np.bincount(owner, weights=w[sparse_idx], minlength=len(y)) + dense @ v + b[0]
        grad_z = weight * (1.0 / (1.0 + np.exp(-z)) - y) / len(y)
        grads = [np.bincount(sparse_idx, weights=grad_z[owner], minlength=len(w)) + l2 * w,
                 dense.T @ grad_z + l2 * v, np.array([grad_z.sum()])]
        for p, g, (m1, m2) in zip(params, grads, moments, strict=True):
            m1 *= 0.9
            m1 += 0.1 * g
            m2 *= 0.999
            m2 += 0.001 * g * g
            p -= 0.05 * (m1 / (1 - 0.9 ** step)) / (np.sqrt(m2 / (1 - 0.999 ** step)) + 1e-8)
    return SpanModel(params[0].astype(np.float32), params[1].astype(np.float32), float(params[2][0]), THRESHOLD)


def predictions(article: Article, model: SpanModel, mode: str) -> list[list[str]]:
    """Program forms predicted for an article by 'rules', 'learned' or 'combined'."""
    extra = []
    if mode != "rules":
        chosen = select(article.examples, model.scores(article.examples), model.threshold)
        extra = [span_found(ex) for ex in chosen if mode == "learned" or plausible(ex)]
    if mode == "learned":
        from ..programs import program_entries

        entries = program_entries(extra, article.text)
    else:
        entries, _ = find_programs(article.text, extra=extra)
    return [[e["name"], *e.get("aliases", [])] for e in entries]


def tally(articles: list[Article], model: SpanModel | None, mode: str, score: ModuleType) -> np.ndarray:
    """(tp, fp, fn) of one mode over articles."""
    counts = np.zeros(3, dtype=int)
    for article in articles:
        pred = predictions(article, model, mode)  # type: ignore[arg-type]
        pairs = score.greedy_match(pred, article.gold, score.program_sim)
        counts += (len(pairs), len(pred) - len(pairs), len(article.gold) - len(pairs))
    return counts


def cross_validate(folds: int = 5, seed: int = 0, articles: list[Article] | None = None) -> dict:
    """5-fold cross-validation over articles of the rules, the learned spans and both combined."""
    articles = articles if articles is not None else load_articles()
    score = scorer()
    totals = {mode: np.zeros(3, dtype=int) for mode in ("rules", "learned", "combined")}
    for held in fold_split(len(articles), folds, seed):
        train = [ex for i, a in enumerate(articles) if i not in held for ex in a.examples]
        model = fit(train, seed=seed)
        test = [articles[i] for i in sorted(held)]
        for mode in totals:
            totals[mode] += tally(test, model, mode, score)
    return {"component": "programs", "metric": "program F1",
            **{mode: prf(c) for mode, c in totals.items()}}


def train(output: Path = MODEL_DIR, seed: int = 0) -> Path:
    """Fit on every gold article and write the model."""
    articles = load_articles()
    fit([ex for a in articles for ex in a.examples], seed=seed).save(output)
    return output


def main(argv: list[str] | None = None) -> int:
    """CLI: `cv` prints the cross-validated figures, `train` writes the model."""
    return cv_main(__doc__.splitlines()[0], cross_validate, train, MODEL_DIR, argv)


if __name__ == "__main__":
    sys.exit(main())
