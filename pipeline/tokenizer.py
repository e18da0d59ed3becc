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
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
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


@spacy.registry.tokenizers("warta.saved_rules_tokenizer.v1")
def make_saved_rules_tokenizer() -> Callable[[Language], Tokenizer]:
    """A tokenizer created without rules, for a pipeline whose saved tokenizer brings them.

    spaCy's default factory adds the language's ~16,000 exceptions, and loading the saved
    tokenizer then replaces them with its own ~16,000: twice the work at every start-up.
    Everything this factory leaves out is read back from the pipeline's `tokenizer` file.
    """

    def factory(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return factory
