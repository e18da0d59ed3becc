"""Tokenizer rules for Indonesian news, applied to a spaCy Indonesian tokenizer.

The rules are plain spaCy tokenizer settings (special cases, affix and token-match
patterns), so a pipeline saved after `customize_tokenizer` loads with `spacy.load`
without importing this module.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from importlib import resources

import spacy
import srsly
from spacy.attrs import ORTH, SPACY
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc
from spacy.util import compile_infix_regex, compile_suffix_regex

# Multi-part abbreviations such as academic degrees: "S.H.", "M.Si.", "S.Sos.", "A.Md.Kep.".
DOTTED_ABBREVIATION = r"(?:[A-Z][A-Za-z]{0,3}\.){2,4}"
# Day/month numbers such as "10/4" or "10/4/2024" stay one token (the dates extractor reads them).
SLASH_DATE = r"\d{1,2}/\d{1,2}(?:/\d{2,4})?"
TOKEN_MATCH = re.compile(rf"^(?:{DOTTED_ABBREVIATION}|{SLASH_DATE})$")
# The digit/digit slash infix of spaCy's defaults, dropped so that "10/4" stays whole.
DIGIT_SLASH_INFIX = r"(?<=[0-9])[\\/](?=[0-9%-])"
# Extra infixes: dashes between words and brackets glued to a word ("Rabu(10/4)").
EXTRA_INFIXES = (r"[—–]", r"(?<=\w)[(\[](?=\w)", r"(?<=\w)[)\]](?=\w)", r"(?<=[—–])[\"'“”‘’]", r"[\"'“”‘’](?=[—–])")
# The possessive/object enclitic "-nya" after a host of at least three lower-case letters.
NYA_SUFFIX = r"(?<=[a-z]{3})nya"


def _data_lines(name: str) -> list[str]:
    """Non-comment, non-empty lines of a file in pipeline/data."""
    text = resources.files("pipeline.data").joinpath(name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def abbreviations() -> tuple[str, ...]:
    """Abbreviations that keep their final period."""
    return tuple(_data_lines("tokenizer_abbreviations.txt"))


@cache
def nya_whole_words() -> tuple[str, ...]:
    """Lower-case words ending in -nya that are not split."""
    return tuple(_data_lines("tokenizer_nya_whole.txt"))


@cache
def clitic_splits() -> tuple[tuple[str, str, str], ...]:
    """(word, host, clitic) triples for the -kah/-lah/-pun/-ku/-mu words that are split."""
    rows = [tuple(line.split("\t")) for line in _data_lines("tokenizer_clitic_splits.tsv")]
    return tuple(row for row in rows if len(row) == 3 and row[0] != "word")


def _cased_variants(word: str) -> set[str]:
    """The word as written in lower case and in title case."""
    return {word, word[:1].upper() + word[1:]}


def customize_tokenizer(nlp: Language) -> Language:
    """Apply the news tokenization rules to nlp.tokenizer in place and return nlp."""
    tokenizer = nlp.tokenizer
    infixes = [p for p in nlp.Defaults.infixes if p != DIGIT_SLASH_INFIX] + list(EXTRA_INFIXES)
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    tokenizer.suffix_search = compile_suffix_regex([*nlp.Defaults.suffixes, NYA_SUFFIX]).search
    tokenizer.token_match = TOKEN_MATCH.match
    for abbreviation in abbreviations():
        tokenizer.add_special_case(abbreviation, [{ORTH: abbreviation}])
    for word in nya_whole_words():
        for variant in _cased_variants(word):
            tokenizer.add_special_case(variant, [{ORTH: variant}])
    for word, host, _clitic in clitic_splits():
        for variant in _cased_variants(word):
            tokenizer.add_special_case(variant, [{ORTH: variant[: len(host)]}, {ORTH: variant[len(host) :]}])
    return nlp


@spacy.registry.callbacks("warta.news_tokenizer.v1")
def make_news_tokenizer_callback():
    """spaCy [initialize.before_init] callback that applies the news tokenizer rules."""
    return customize_tokenizer


def news_nlp() -> Language:
    """A blank Indonesian pipeline with the news tokenizer."""
    return customize_tokenizer(spacy.blank("id"))


# A hyphenated word the saved exceptions keep whole ("anak-anak", "Kemana-Mana").
HYPHENATED_WORD = re.compile(r"\w+(?:-\w+)+")


class WholeWords:
    """The tokenizer's token_match: a saved pattern, or one of a set of words kept whole.

    Its `match` is what the tokenizer calls; `pattern` is what spaCy saves for token_match."""

    def __init__(self, words: frozenset[str], pattern: str | None):
        self.words = words
        self.pattern = pattern
        self.regex = re.compile(pattern) if pattern else None

    def match(self, text: str) -> bool:
        """Whether text is one token."""
        return text in self.words or (self.regex is not None and self.regex.match(text) is not None)


def whole_word_exceptions(rules: dict) -> set[str]:
    """The exceptions that only keep a hyphenated word whole: one token, its own text, no norm."""
    return {key for key, tokens in rules.items() if tokens == [{ORTH: key}] and HYPHENATED_WORD.fullmatch(key)}


def glued_hyphens(doc: Doc) -> list[int]:
    """Indexes of "-" tokens with no space on either side, found on the token arrays: a word
    kept whole never leaves one, so most documents have none and cost no Python loop."""
    if len(doc) < 3:
        return []
    rows = doc.to_array([ORTH, SPACY])
    orth, space = rows[:, 0], rows[:, 1]
    glued = (orth[1:-1] == doc.vocab.strings["-"]) & (space[1:-1] == 0) & (space[:-2] == 0)
    return (glued.nonzero()[0] + 1).tolist()


def glued_word_spans(doc: Doc, words: frozenset[str]) -> list[tuple[int, int]]:
    """Token ranges "X", "-", "Y" (no space between) that spell a word kept whole: what an infix
    split leaves of "kubur,anak-anak", and spaCy's special-case pass would join again."""
    glued = glued_hyphens(doc)
    at_glued = set(glued)
    spans, taken = [], 0
    for i in glued:
        if i < taken:
            continue  # inside a word already joined
        start, end = i - 1, i + 2
        while end in at_glued:  # "kupu-kupu-kupu": the word runs on over the next glued hyphen
            end += 2
        if doc[start:end].text in words:
            spans.append((start, end))
            taken = end
    return spans


def merge_glued_words(doc: Doc, words: frozenset[str]) -> None:
    """Join each glued_word_spans range into one token."""
    spans = glued_word_spans(doc, words)
    if spans:
        with doc.retokenize() as retokenizer:
            for start, end in spans:
                retokenizer.merge(doc[start:end])


class SavedRulesTokenizer(Tokenizer):
    """spaCy's tokenizer, loading the ~15,600 saved "keep this hyphenated word whole" exceptions
    as a set consulted by token_match instead of as special cases.

    Each special case costs spaCy a tokenization and a phrase-matcher pattern when it is added:
    about four seconds of every start-up for these words. As token_match they are one set
    lookup, and they tokenize the same (tests/pipeline/test_tokenizer.py compares the two on the
    eval articles and the UD corpora). Saving writes them back as exceptions.
    """

    def from_bytes(self, bytes_data: bytes, *, exclude=tuple()) -> SavedRulesTokenizer:
        data = srsly.msgpack_loads(bytes_data)
        rules = data.get("exceptions")
        if not isinstance(rules, dict) or "token_match" in exclude:
            return super().from_bytes(bytes_data, exclude=exclude)
        words = whole_word_exceptions(rules)
        data["exceptions"] = {key: tokens for key, tokens in rules.items() if key not in words}
        super().from_bytes(srsly.msgpack_dumps(data), exclude=exclude)
        self.token_match = WholeWords(frozenset(words), data.get("token_match")).match
        return self

    def __call__(self, text: str) -> Doc:
        doc = super().__call__(text)
        owner = getattr(self.token_match, "__self__", None)
        if isinstance(owner, WholeWords):
            merge_glued_words(doc, owner.words)
        return doc

    def to_bytes(self, *, exclude=tuple()) -> bytes:
        data = srsly.msgpack_loads(super().to_bytes(exclude=exclude))
        owner = getattr(self.token_match, "__self__", None)
        if isinstance(owner, WholeWords) and "exceptions" in data:
            data["exceptions"].update({word: [{ORTH: word}] for word in owner.words})
        return srsly.msgpack_dumps(data)


@spacy.registry.tokenizers("warta.saved_rules_tokenizer.v1")
def make_saved_rules_tokenizer() -> Callable[[Language], Tokenizer]:
    """A tokenizer created without rules, for a pipeline whose saved tokenizer brings them.

    spaCy's default factory adds the language's ~16,000 exceptions, and loading the saved
    tokenizer then replaces them with its own ~16,000: twice the work at every start-up.
    Everything this factory leaves out is read back from the pipeline's `tokenizer` file, the
    hyphenated words as a set (SavedRulesTokenizer).
    """

    def factory(nlp: Language) -> Tokenizer:
        return SavedRulesTokenizer(nlp.vocab)

    return factory
