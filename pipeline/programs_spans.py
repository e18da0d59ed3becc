"""A learned span categorizer for program names (issue 14: "learn the span, not the cue word").

A suggester proposes token spans of a parsed Doc: runs of capitalised or acronym tokens (with a
following parenthesis), the same runs without a leading cue word, short phrases right after a
program cue word, and every span the rules found. Each span is scored by a logistic regression
over hashed lexical features (its words, first and last word, the words around it, POS tags,
entity labels, which rule proposed it) and the mean of the shipped model's token vectors
(doc.tensor). Spans above a threshold that do not overlap a better one are programs.

Both the suggester and the features are local windows, so the work is linear in the Doc.
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from spacy.tokens import Doc, Span

from .programs import Found
from .programs_series import item_found
from .programs_vocab import acronym_kinds, norm_acronym, program_cues

HASH_BITS = 16
MAX_SPAN = 14  # tokens in a suggested span, parenthesis included
AFTER_CUE = 5  # lengths of the phrases suggested right after a cue word
CONNECTORS = frozenset({"dan", "untuk", "&", "of", "-"})  # not "di": "Simpel di Kabupaten Sleman" is two
MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "warta-programs-spans"


def is_name_token(token) -> bool:
    """Capitalised word, acronym, e-prefixed word ("e-Planning") or number inside a name."""
    text = token.text
    return bool(text[:1].isupper() or re.match(r"[eE]-\w", text) or (text.isdigit() and token.i > 0))


def name_runs(doc: Doc) -> list[tuple[int, int]]:
    """Maximal runs of name tokens; a connector joins two of them ("Papua Barat dan Jambi")."""
    runs, i, n = [], 0, len(doc)
    while i < n:
        if not is_name_token(doc[i]) or doc[i].text.isdigit():
            i += 1
            continue
        j = i + 1
        while j < n and j - i < MAX_SPAN:
            if is_name_token(doc[j]):
                j += 1
            elif doc[j].lower_ in CONNECTORS and j + 1 < n and is_name_token(doc[j + 1]):
                j += 2
            else:
                break
        runs.append((i, j))
        i = j
    return runs


def with_parenthesis(doc: Doc, end: int) -> int | None:
    """End of a "( ... )" group right after end, when it is short and on one line."""
    if end >= len(doc) or doc[end].text != "(":
        return None
    for k in range(end + 1, min(len(doc), end + MAX_SPAN)):
        if doc[k].text == ")":
            return k + 1
        if "\n" in doc[k].text:
            return None
    return None


def suggest(doc: Doc, rule_spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Candidate token spans (start, end), without duplicates, in document order."""
    cues = program_cues()
    lead = set(cues["head"])
    spans: set[tuple[int, int]] = set(rule_spans)
    for start, end in name_runs(doc):
        starts = [start] + ([start + 1] if doc[start].lower_ in lead and end - start > 1 else [])
        for s in starts:
            spans.add((s, end))
            closed = with_parenthesis(doc, end)
            if closed and closed - s <= MAX_SPAN:
                spans.add((s, closed))
    for token in doc:
        if token.lower_ in lead and token.i + 1 < len(doc) and not is_name_token(doc[token.i + 1]):
            for length in range(1, AFTER_CUE + 1):
                end = token.i + 1 + length
                if end > len(doc) or any(t.is_punct or "\n" in t.text for t in doc[token.i + 1:end]):
                    break
                spans.add((token.i + 1, end))
    return sorted(s for s in spans if 0 <= s[0] < s[1] <= len(doc))


def rule_token_spans(doc: Doc, found: list[Found]) -> dict[tuple[int, int], str]:
    """Token span -> kind of every candidate the rules produced."""
    spans = {}
    for f in found:
        span = doc.char_span(f.start, f.end, alignment_mode="expand")
        if span is not None and len(span):
            spans[(span.start, span.end)] = f.kind
    return spans


def bucket(value: int, edges: tuple[int, ...] = (1, 2, 3, 4, 6, 9)) -> int:
    """Index of the first edge >= value, for coarse length features."""
    return next((i for i, e in enumerate(edges) if value <= e), len(edges))


def shape(text: str) -> str:
    """Coarse word shape: Xx, XX, x, d, or other."""
    if text.isdigit():
        return "d"
    if text.isupper() and len(text) > 1:
        return "XX"
    if text[:1].isupper():
        return "Xx"
    return "x" if text[:1].isalpha() else "o"


def lexical_features(doc: Doc, span: Span, rules: dict[tuple[int, int], str]) -> list[str]:
    """Named features of a span in its context."""
    words = [t.lower_ for t in span]
    before = [doc[i] for i in range(max(0, span.start - 2), span.start)]
    after = doc[span.end] if span.end < len(doc) else None
    cues = program_cues()
    feats = [f"w={w}" for w in words]
    feats += [f"first={words[0]}", f"last={words[-1]}", f"len={bucket(len(span))}",
              f"shape={shape(span[0].text)}>{shape(span[-1].text)}", f"pos={span[0].pos_}>{span[-1].pos_}",
              f"paren={span[-1].text == ')'}", f"firstcue={words[0] in cues['head']}",
              f"lower={sum(1 for t in span if t.text[:1].islower())}"]
    feats += [f"b{len(before) - i}={t.lower_}" for i, t in enumerate(before)]
    feats += [f"bpos={before[-1].pos_}" if before else "bpos=^"]
    feats += [f"bcue={any(t.lower_ in cues['head'] for t in before)}"]
    feats += [f"a1={after.lower_}", f"apos={after.pos_}"] if after is not None else ["a1=$"]
    feats += [f"ent={t.ent_type_}" for t in span if t.ent_type_][:2]
    kind = rules.get((span.start, span.end))
    feats.append(f"rule={kind}")
    if kind is None:
        feats.append(f"rule_overlap={any(s < span.end and span.start < e for s, e in rules)}")
    if len(span) == 1 and norm_acronym(span.text) == span.text.upper() and span.text.isupper():
        feats.append("acronym_only")
    return feats


def hashed(feats: list[str]) -> np.ndarray:
    """Hash indices of named features."""
    mask = (1 << HASH_BITS) - 1
    return np.array([zlib.crc32(f.encode("utf-8")) & mask for f in feats], dtype=np.int64)


def dense_features(doc: Doc, span: Span) -> np.ndarray:
    """Mean token vector of the span and the vector of the word before it (zeros without a tensor)."""
    tensor = doc.tensor if doc.tensor is not None and len(doc.tensor) == len(doc) else None
    width = tensor.shape[1] if tensor is not None else 0
    if not width:
        return np.zeros(0, dtype=np.float32)
    inside = tensor[span.start:span.end].mean(axis=0)
    prev = tensor[span.start - 1] if span.start > 0 else np.zeros(width, dtype=tensor.dtype)
    return np.concatenate([inside, prev]).astype(np.float32)


@dataclass
class Example:
    """One suggested span with its features (and its label when training)."""

    doc_index: int
    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    sparse: np.ndarray
    dense: np.ndarray
    label: float = 0.0


def doc_examples(doc: Doc, found: list[Found], doc_index: int = 0) -> list[Example]:
    """Every suggested span of doc with its features."""
    rules = rule_token_spans(doc, found)
    examples = []
    for start, end in suggest(doc, list(rules)):
        span = doc[start:end]
        examples.append(Example(doc_index, start, end, span.start_char, span.end_char, span.text,
                                hashed(lexical_features(doc, span, rules)), dense_features(doc, span)))
    return examples


class SpanModel:
    """Logistic regression over hashed sparse features plus dense token vectors."""

    def __init__(self, sparse_weights: np.ndarray, dense_weights: np.ndarray, bias: float, threshold: float):
        self.sparse_weights = sparse_weights
        self.dense_weights = dense_weights
        self.bias = bias
        self.threshold = threshold

    def scores(self, examples: list[Example]) -> np.ndarray:
        """Probability that each example is a program name."""
        out = np.empty(len(examples), dtype=np.float64)
        for i, ex in enumerate(examples):
            z = self.bias + self.sparse_weights[ex.sparse].sum()
            if len(ex.dense) == len(self.dense_weights):
                z += float(ex.dense @ self.dense_weights)
            out[i] = z
        return 1.0 / (1.0 + np.exp(-out))

    def save(self, path: Path) -> None:
        """Write the weights as one small .npz file."""
        path.mkdir(parents=True, exist_ok=True)
        np.savez_compressed(path / "weights.npz", sparse=self.sparse_weights.astype(np.float16),
                            dense=self.dense_weights.astype(np.float32),
                            meta=np.array([self.bias, self.threshold, HASH_BITS], dtype=np.float64))

    @classmethod
    def load(cls, path: Path = MODEL_DIR) -> SpanModel:
        """Read weights written by save()."""
        with np.load(path / "weights.npz") as data:
            bias, threshold, bits = data["meta"]
            if int(bits) != HASH_BITS:
                raise ValueError(f"{path}: trained with {int(bits)} hash bits, this code uses {HASH_BITS}")
            return cls(data["sparse"].astype(np.float32), data["dense"], float(bias), float(threshold))


def select(examples: list[Example], probs: np.ndarray, threshold: float) -> list[Example]:
    """Spans above threshold, best first, none overlapping a better one."""
    chosen: list[Example] = []
    for i in np.argsort(-probs):
        if probs[i] < threshold:
            break
        ex = examples[i]
        if all(ex.end <= c.start or c.end <= ex.start for c in chosen):
            chosen.append(ex)
    return sorted(chosen, key=lambda e: e.start)


def plausible(ex: Example) -> bool:
    """Whether a learned span passes the rules' exclusions: not a known agency, budget, party or
    title acronym, and not led by a government body, place or title word."""
    words = ex.text.split()
    cues = program_cues()
    first = words[0].lower()
    if acronym_kinds().get(norm_acronym(words[0])) in {"org", "not_program"}:
        return False
    return first not in cues["org"] and first not in cues["not_name"] and first not in cues["generic"]


def span_found(ex: Example) -> Found:
    """A chosen span as a rules-style candidate ("Sibelaku (Sistem ...)" keyed by its short form)."""
    return item_found(ex.text, ex.start_char)
