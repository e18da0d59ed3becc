"""Indonesian affix attributes for the trained pipeline's word embeddings.

spaCy's PREFIX attribute is a word's first character, which cannot tell "menulis" (verb,
meN-) from "masjid" (noun). Indonesian marks voice and part of speech with prefixes of two
or three letters (meN-, ber-, ter-, di-, ke-, peN-, per-), so the shipped pipeline embeds
the first three characters instead; SUFFIX already covers -kan, -an, -nya and -i.
"""

from __future__ import annotations

from collections.abc import Callable

import spacy
from spacy.attrs import PREFIX
from spacy.language import Language

PREFIX_LENGTH = 3


def indonesian_prefix(word: str) -> str:
    """The first three characters of a word, where Indonesian prefixes sit."""
    return word[:PREFIX_LENGTH]


@spacy.registry.callbacks("warta.indonesian_affixes.v1")
def make_indonesian_affixes() -> Callable[[type[Language]], type[Language]]:
    """spaCy [nlp] before_creation callback: PREFIX becomes the three-letter prefix.

    spaCy requires the callback to return the class it was given, so the getter is set on
    that class's defaults; it only changes lexemes of vocabularies created afterwards.
    """

    def before_creation(lang_cls: type[Language]) -> type[Language]:
        getters = dict(lang_cls.Defaults.lex_attr_getters)
        getters[PREFIX] = indonesian_prefix
        lang_cls.Defaults.lex_attr_getters = getters
        return lang_cls

    return before_creation
