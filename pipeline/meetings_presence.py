"""A learned check on who attended an event (issue 13: "learn where rules plateau").

The rules (meetings.py) build one episode per event they find and put officials in it. Each
candidate pair (an official of the article, an episode the rules found) is described by
features that generalise beyond the articles they were learned from: whether and in what role
the rules put the official there, the cue nearest each of its mentions (class, value, side,
distance), whether a mention is quoted, shares a sentence with an event cue or lies in the
episode's evidence, whether an absence, speech, plan or past cue is near, the head word of the
official's title, the words right around a mention. A logistic regression over those named
features (numpy, weights kept as {feature: weight}) says whether the official was present.

`PresenceModel.revise` is the hook `find_meetings(presence=...)` calls: it keeps, adds or drops
officials of each episode by the model's probability.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .meetings import Episode, SentenceView, in_void, inside, quoted_spans
from .programs_spans import bucket  # coarse counts and distances, as the span model's features

MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "warta-meetings-presence"
NEAR = 60  # characters around a mention in which a cue counts as near
WORD = re.compile(r"\w+")
THRESHOLD = 0.5


def title_head(official: dict) -> list[str]:
    """The head word of the official's first title, and its first two words ("wakil bupati")."""
    titles = official.get("titles") or []
    words = WORD.findall(titles[0].lower()) if titles else []
    return [f"head={words[0] if words else '-'}", f"head2={' '.join(words[:2]) if words else '-'}"]


def sentence_of(views: list[SentenceView], pos: int) -> SentenceView | None:
    """The sentence view holding a text offset (views are in text order)."""
    k = bisect_right([v.start for v in views], pos) - 1
    return views[k] if k >= 0 and views[k].start <= pos < views[k].end else None


def cue_side(cue_start: int, cue_end: int, mention: tuple[int, int]) -> tuple[str, int]:
    """Whether a cue is written before or after a mention, and how many characters apart."""
    if cue_end <= mention[0]:
        return "b", mention[0] - cue_end
    return "a", max(0, cue_start - mention[1])


def mention_features(text: str, mention: tuple[int, int], sent: SentenceView | None,
                     quotes: list[tuple[int, int]], evidence: list[tuple[int, int]]) -> list[str]:
    """Features of one mention of an official relative to an episode."""
    feats = []
    quoted = inside(mention[0], quotes)
    feats.append(f"quoted={quoted}")
    feats.append(f"in_evidence={any(s <= mention[0] < e for s, e in evidence)}")
    before = WORD.findall(text[max(0, mention[0] - 30):mention[0]].lower())[-2:]
    after = WORD.findall(text[mention[1]:mention[1] + 30].lower())[:1]
    feats += [f"b1={before[-1]}" if before else "b1=^", f"a1={after[0]}" if after else "a1=$"]
    if before:
        feats.append(f"b2={' '.join(before)}")
    if sent is None:
        return feats
    feats.append(f"void={in_void(mention[0], sent.void)}")
    events = [c for c in sent.cues if c.cls == "event" and not in_void(c.start, sent.void)]
    feats.append(f"sent_event={bool(events)}")
    if events:
        dist = min(cue_side(c.start, c.end, mention)[1] for c in events)
        feats.append(f"dist_event={bucket(dist, (10, 30, 60, 120, 250))}")
    near = []
    for c in sent.every:
        side, dist = cue_side(c.start, c.end, mention)
        if dist <= NEAR:
            near.append((dist, side, c.cls, c.value))
    for dist, side, cls, value in sorted(near)[:2]:
        feats += [f"near={cls}:{side}", f"near_v={cls}:{value}:{side}", f"near_d={cls}:{bucket(dist, (5, 15, 40))}"]
    for cls in ("absent_before", "absent_after", "speech", "plan", "past", "remote", "with"):
        if any(n[2] == cls for n in near):
            feats.append(f"has_{cls}")
    return feats


def pair_features(text: str, officials: list[dict], idx: int, episode: Episode, episodes: list[Episode],
                  views: list[SentenceView], quotes: list[tuple[int, int]], rules: bool = True) -> list[str]:
    """Named features of (official idx, episode); `rules` adds what the rules decided."""
    official = officials[idx]
    mentions = sorted((m["start"], m["end"]) for m in official.get("mentions", []))
    attending = episode.attending()
    feats = ["bias", *title_head(official), f"nment={bucket(len(mentions), (1, 2, 3, 5))}",
             f"nofficials={bucket(len(officials), (2, 3, 4, 6, 9))}", f"nepisodes={min(len(episodes), 3)}",
             f"first={bool(mentions) and mentions[0][0] < 300}"]
    if rules:
        feats += [f"rule={idx in attending}", f"role={attending.get(idx) or '-'}" if idx in attending else "role=none",
                  f"anchored={idx in episode.anchored}", f"npresent={bucket(len(attending), (1, 2, 3, 5, 8))}",
                  f"other_episode={any(idx in e.attending() for e in episodes if e is not episode)}"]
    per_mention: set[str] = set()
    for mention in mentions[:6]:
        per_mention.update(mention_features(text, mention, sentence_of(views, mention[0]), quotes, episode.evidence))
    return feats + sorted(per_mention)


def article_pairs(text: str, officials: list[dict], episodes: list[Episode], views: list[SentenceView],
                  rules: bool = True) -> list[tuple[int, int, list[str]]]:
    """(episode index, official index, features) of every candidate pair of an article: every
    official against each episode with evidence."""
    quotes = quoted_spans(text)
    return [(k, idx, pair_features(text, officials, idx, ep, episodes, views, quotes, rules))
            for k, ep in enumerate(episodes) if ep.evidence for idx in range(len(officials))]


@dataclass
class PresenceModel:
    """Logistic regression over named features."""

    weights: dict[str, float]
    threshold: float = THRESHOLD
    rules: bool = True  # whether the features include the rules' decision

    def prob(self, feats: list[str]) -> float:
        """Probability that the official was present."""
        z = sum(self.weights.get(f, 0.0) for f in feats)
        return float(1.0 / (1.0 + np.exp(-z)))

    def revise(self, text: str, officials: list[dict], episodes: list[Episode],
               views: list[SentenceView]) -> list[Episode]:
        """The hook for find_meetings: each episode's attendees as the model decides them; an
        added official takes the role the rules gave (else attendee), a dropped one leaves."""
        for k, idx, feats in article_pairs(text, officials, episodes, views, self.rules):
            episode = episodes[k]
            attending = episode.attending()
            if self.prob(feats) >= self.threshold:
                if idx not in attending:
                    episode.present.setdefault(idx, None)
                    episode.anchored.add(idx)
            elif idx in attending:
                episode.present.pop(idx, None)
        return episodes

    def save(self, path: Path = MODEL_DIR) -> Path:
        """Write the weights as one small JSON file (only the features with weight)."""
        path.mkdir(parents=True, exist_ok=True)
        out = path / "weights.json"
        kept = {f: round(w, 4) for f, w in sorted(self.weights.items()) if abs(w) >= 1e-4}
        tmp = out.with_suffix(".tmp")
        tmp.write_text(json.dumps({"threshold": self.threshold, "rules": self.rules, "weights": kept},
                                  ensure_ascii=False, indent=0), encoding="utf-8")
        tmp.replace(out)  # never a half-written model
        return out

    @classmethod
    def load(cls, path: Path = MODEL_DIR) -> PresenceModel:
        """Read weights written by save()."""
        data = json.loads((path / "weights.json").read_text(encoding="utf-8"))
        return cls(data["weights"], data["threshold"], data["rules"])


def fit(examples: list[tuple[list[str], float]], steps: int = 300, l2: float = 1e-2,
        threshold: float = THRESHOLD, rules: bool = True) -> PresenceModel:
    """Logistic regression by full-batch Adam over (features, label) pairs."""
    vocab = {f: i for i, f in enumerate(sorted({f for feats, _ in examples for f in feats}))}
    rows = np.concatenate([[i] * len(feats) for i, (feats, _) in enumerate(examples)]).astype(np.int64) \
        if examples else np.zeros(0, np.int64)
    cols = np.array([vocab[f] for feats, _ in examples for f in feats], dtype=np.int64)
    y = np.array([label for _, label in examples], dtype=np.float64)
    w = np.zeros(len(vocab))
    m1, m2 = np.zeros_like(w), np.zeros_like(w)
    for step in range(1, steps + 1):
        z = np.bincount(rows, weights=w[cols], minlength=len(y))
        grad_z = (1.0 / (1.0 + np.exp(-z)) - y) / max(1, len(y))
        grad = np.bincount(cols, weights=grad_z[rows], minlength=len(w)) + l2 * w
        m1 = 0.9 * m1 + 0.1 * grad
        m2 = 0.999 * m2 + 0.001 * grad * grad
        w -= 0.05 * (m1 / (1 - 0.9 ** step)) / (np.sqrt(m2 / (1 - 0.999 ** step)) + 1e-8)
    return PresenceModel({f: float(w[i]) for f, i in vocab.items()}, threshold, rules)
