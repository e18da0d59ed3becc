"""`--analysis full`: the model's linguistic analysis in each record, and its CoNLL-U export.

By default a record holds only what the extractors found. With the full analysis each record
also carries its sentences and tokens, each token with its UPOS tag, lemma, syntactic head
and relation, so that "tokenized, tagged and parsed" is a product of the run, not only its
hidden cost. `records_to_conllu` turns such records into CoNLL-U (one sentence block per
sentence, `# sent_id = <record id>-<n>`), readable by UD tools.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

LEVELS = ("none", "full")
# The level load_nlp uses when none is passed; set by `warta extract --analysis`, and read
# from the environment so that worker processes, however started, get the same one.
LEVEL_ENV = "WARTA_ANALYSIS"
FIELD = "analysis"


def analysis_level(level: str | None = None) -> str:
    """The analysis level asked for: level, else $WARTA_ANALYSIS, else none."""
    chosen = level or os.environ.get(LEVEL_ENV) or "none"
    if chosen not in LEVELS:
        raise ValueError(f"unknown analysis level {chosen!r}; choose one of {', '.join(LEVELS)}")
    return chosen


@contextmanager
def analysis_requested(level: str | None) -> Iterator[None]:
    """Within the block, pipelines loaded without an explicit level (workers too) use level."""
    if level is None:
        yield
        return
    previous = os.environ.get(LEVEL_ENV)
    os.environ[LEVEL_ENV] = analysis_level(level)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop(LEVEL_ENV, None)
        else:
            os.environ[LEVEL_ENV] = previous


def _head_id(token: Token, sentence: Span) -> int:
    """The head's 1-based number in the sentence; 0 for the root (or a head outside the sentence)."""
    head = token.head
    if head.i == token.i or not (sentence.start <= head.i < sentence.end):
        return 0
    return head.i - sentence.start + 1


def token_entry(token: Token, sentence: Span, parsed: bool) -> dict:
    """One token of the record's analysis; what the backend does not predict is None."""
    return {
        "id": token.i - sentence.start + 1, "text": token.text,
        "start": token.idx, "end": token.idx + len(token.text),
        "upos": token.pos_ or None, "lemma": token.lemma_ or None,
        "head": _head_id(token, sentence) if parsed else None, "deprel": (token.dep_ or None) if parsed else None,
    }


def doc_analysis(doc: Doc) -> list[dict]:
    """The Doc's sentences, each with its tokens (whitespace tokens left out)."""
    parsed = doc.has_annotation("DEP")
    return [{"start": s.start_char, "end": s.end_char,
             "tokens": [token_entry(t, s, parsed) for t in s if not t.is_space]} for s in doc.sents]


class AnalysisComponent:
    """Sets doc._.analysis, the record's `analysis` field, from the tokens' annotation."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.analysis = doc_analysis(doc)
        return doc


def ensure_extension() -> None:
    """Register doc._.analysis (None unless the analysis component ran)."""
    if not Doc.has_extension(FIELD):
        Doc.set_extension(FIELD, default=None)


@Language.factory("warta_analysis")
def make_analysis_component(nlp: Language, name: str) -> AnalysisComponent:
    """Build the component that copies the linguistic analysis into the record."""
    ensure_extension()
    return AnalysisComponent()


# --- CoNLL-U -------------------------------------------------------------------------------


def _conllu_field(value: object) -> str:
    """A CoNLL-U column: '_' for a missing value, spaces (not allowed in FORM/LEMMA) as '_'."""
    if value is None or value == "":
        return "_"
    return str(value).replace(" ", "_").replace("\t", "_")


def sentence_conllu(record_id: str, number: int, sentence: dict, text: str) -> str:
    """One CoNLL-U sentence block, with a blank line after it."""
    tokens = sentence["tokens"]
    lines = [f"# sent_id = {record_id}-{number}",
             "# text = " + " ".join(text[sentence["start"]:sentence["end"]].split())]
    for k, token in enumerate(tokens):
        following = tokens[k + 1]["start"] if k + 1 < len(tokens) else sentence["end"]
        misc = "SpaceAfter=No" if token["end"] == following else "_"
        head = token["head"] if token["head"] is not None else "_"
        lines.append("\t".join([str(token["id"]), _conllu_field(token["text"]), _conllu_field(token["lemma"]),
                                _conllu_field(token["upos"]), "_", "_", str(head), _conllu_field(token["deprel"]),
                                "_", misc]))
    return "\n".join(lines) + "\n\n"


def record_conllu(record: dict) -> str:
    """The CoNLL-U of one record with an `analysis` field ('' without one)."""
    sentences = [s for s in record.get(FIELD) or [] if s["tokens"]]
    return "".join(sentence_conllu(record["id"], n, s, record["text"]) for n, s in enumerate(sentences, 1))


def records_to_conllu(records: Iterable[dict]) -> Iterator[str]:
    """CoNLL-U blocks, one record after another, each with a `# newdoc id` line."""
    for record in records:
        if record.get(FIELD):
            yield f"# newdoc id = {record['id']}\n" + record_conllu(record)


def write_conllu(records_path: Path, conllu_path: Path) -> int:
    """Write the CoNLL-U of every record in a JSONL file, one line at a time; returns the records written."""
    written = 0
    with records_path.open(encoding="utf-8") as records, conllu_path.open("w", encoding="utf-8") as out:
        for block in records_to_conllu(json.loads(line) for line in records if line.strip()):
            out.write(block)
            written += 1
    return written
