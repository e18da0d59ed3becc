"""Train the meeting presence model on the gold of dev + dev2, and cross-validate it over articles.

`python -m pipeline.train.cv_meetings train` writes models/warta-meetings-presence/ from all
160 gold articles; `python -m pipeline.train.cv_meetings cv` prints the 5-fold figures of the
rules alone, the model alone (without the rules' decision among its features) and the two
combined (the model, reading the rules' decision, keeps, adds or drops each official of each
event the rules found). Folds split ARTICLES, so a fold's model never saw the articles it is
scored on. Scoring uses the project's scorer (../shared/eval/score.py) on the meetings field:
participants of events aligned one-to-one, names matched as the scorer matches them.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import numpy as np

from ..meetings import WINDOWS, Episode, SentenceView, find_meetings
from ..meetings_presence import MODEL_DIR, PresenceModel, article_pairs, fit
from .crossval import EVAL_DIR, SETS, cv_main, fold_split, gold_articles, prf, scorer

MODES = ("rules", "learned", "combined")


@dataclass
class Article:
    """One gold article with what the rules need to find its meetings, and its candidate pairs."""

    id: str
    set: str
    text: str
    officials: list[dict]
    dates: list[dict]
    lemmas: dict[int, str] | None
    gold: dict
    pairs: dict[bool, list[tuple[list[str], float]]] = field(default_factory=dict)  # rules feats? -> examples

    def meetings(self, presence=None) -> list[dict]:
        """The meetings the rules find, revised by `presence` when given."""
        return find_meetings(self.text, self.officials, self.dates, None, WINDOWS, self.lemmas, presence)


def canon(score: ModuleType, gold: dict, name: str) -> str:
    """The gold official a predicted name stands for, as the scorer decides it."""
    best, arg = 0.0, None
    for go in gold.get("officials", []):
        s = score.name_match(name, [go["name"]] + go.get("aliases", []))
        if s > best:
            best, arg = s, go["name"]
    return arg or f"?{score.norm_name(name)}"


def event_overlap(a: set[str], b: set[str]) -> float:
    """How well two events' participants agree: the scorer's alignment score."""
    return len(a & b) + len(a & b) / len(a | b) if a & b else 0.0


def episode_labels(score: ModuleType, article: Article, episodes: list[Episode]) -> list[set[str]]:
    """For each episode, the gold participants of the gold event it stands for (empty when none):
    episodes and gold events aligned by shared participants, as the scorer aligns meetings."""
    gevents = [set(m.get("participants", [])) for m in article.gold.get("meetings", [])]
    gevents = [e for e in gevents if len(e) >= 2]
    pevents = [{canon(score, article.gold, article.officials[i]["name"]) for i in ep.attending()} for ep in episodes]
    pairs = dict(score.greedy_match(pevents, gevents, event_overlap))
    free_e = [k for k, ep in enumerate(episodes) if k not in pairs and ep.evidence]
    free_g = [j for j in range(len(gevents)) if j not in pairs.values()]
    if len(free_e) == 1 and len(free_g) == 1:  # the one event the rules found without its people
        pairs[free_e[0]] = free_g[0]
    return [gevents[pairs[k]] if k in pairs else set() for k in range(len(episodes))]


def label_pairs(score: ModuleType, article: Article) -> None:
    """Candidate pairs of the article with their gold labels, with and without the rules' decision."""
    def capture(text: str, officials: list[dict], episodes: list[Episode], views: list[SentenceView]) -> list[Episode]:
        gold = episode_labels(score, article, episodes)
        for rules in (True, False):
            article.pairs[rules] = [
                (feats, float(canon(score, article.gold, officials[idx]["name"]) in gold[k]))
                for k, idx, feats in article_pairs(text, officials, episodes, views, rules)]
        return episodes

    article.pairs = {True: [], False: []}
    article.meetings(capture)


def load_articles(sets: tuple[str, ...] = SETS) -> list[Article]:
    """Run the shipped pipeline over every gold article and collect its candidate pairs."""
    from ..extensions import doc_text, lemmas_by_offset
    from ..extractor import Extractor, article_from_dict

    score = scorer(EVAL_DIR)
    extractor = Extractor()
    rows = [(name, gold, extractor.prepare(article_from_dict(raw)).doc)
            for name, gold, raw in gold_articles(EVAL_DIR, sets)]
    articles = []
    for (name, gold, _), doc in zip(rows, extractor.nlp.pipe(r[2] for r in rows), strict=True):
        lemmas = lemmas_by_offset(doc) if doc.has_annotation("LEMMA") else None  # as the component reads them
        article = Article(gold["id"], name, doc_text(doc), doc._.officials or [], doc._.dates or [], lemmas, gold)
        label_pairs(score, article)
        articles.append(article)
    return articles


def tally(articles: list[Article], model: PresenceModel | None, score: ModuleType) -> np.ndarray:
    """(tp, fp, fn) of the meetings field over articles, the rules revised by model when given."""
    gold = {a.id: a.gold for a in articles}
    pred = {a.id: {"meetings": a.meetings(model.revise if model else None)} for a in articles}
    m = score.score(gold, pred)["meetings"]
    return np.array([m["tp"], m["fp"], m["fn"]])


def cross_validate(folds: int = 5, seed: int = 0, articles: list[Article] | None = None) -> dict:
    """5-fold cross-validation over articles of the rules, the model alone and both combined;
    per mode the pooled figures, and the combined/rules figures of the held-out dev and dev2 articles."""
    articles = articles if articles is not None else load_articles()
    score = scorer()
    totals = {mode: np.zeros(3, dtype=int) for mode in MODES}
    by_set = {(mode, s): np.zeros(3, dtype=int) for mode in ("rules", "combined") for s in SETS}
    for held in fold_split(len(articles), folds, seed):
        # "learned" reads only the text around each official; "combined" also the rules' decision.
        models = {rules: fit([ex for i, a in enumerate(articles) if i not in held for ex in a.pairs[rules]],
                             rules=rules) for rules in (True, False)}
        test = [articles[i] for i in sorted(held)]
        chosen = {"rules": None, "learned": models[False], "combined": models[True]}
        for mode, model in chosen.items():
            totals[mode] += tally(test, model, score)
            if mode != "learned":
                for s in SETS:
                    by_set[(mode, s)] += tally([a for a in test if a.set == s], model, score)
    return {"component": "meetings", "metric": "participant F1",
            **{mode: prf(c) for mode, c in totals.items()},
            "by_set": {f"{mode}/{s}": prf(c) for (mode, s), c in by_set.items()}}


def train(output: Path = MODEL_DIR, seed: int = 0) -> Path:
    """Fit on every gold article and write the model (the fit is deterministic: `seed` is unused)."""
    articles = load_articles()
    return fit([ex for a in articles for ex in a.pairs[True]]).save(output)


def main(argv: list[str] | None = None) -> int:
    """CLI: `cv` prints the cross-validated figures, `train` writes the model."""
    return cv_main(__doc__.splitlines()[0], cross_validate, train, MODEL_DIR, argv)


if __name__ == "__main__":
    sys.exit(main())
