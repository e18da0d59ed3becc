"""The model's part-of-speech tags as a check on names: a "name" whose every capitalized word the
model tags as a verb, auxiliary, pronoun or function word is a headline or quote word written
after a title ("Presiden Harus Lakukan Ini!"), not a person.

Measured on the dev and dev2 gold: of the names the rules read, this rejects only such words and
no real name (the model tags 98% of real and false names alike as PROPN, so a positive PROPN
requirement would not separate them)."""

from __future__ import annotations

import re

from .name_reading import Finding

NOT_NAME_TAGS = frozenset({"AUX", "VERB", "PRON", "ADP", "SCONJ", "CCONJ", "DET", "PART", "ADV", "ADJ", "NUM"})

Tags = dict[int, str]  # character offset where a token starts -> its universal POS tag


def tagged_as_name(finding: Finding, text: str, tags: Tags) -> bool:
    """False when the model tags every capitalized word of the finding's name as a non-name word."""
    s, e = finding.span
    words = [m.start() + s for m in re.finditer(r"\S+", text[s:e]) if m.group()[:1].isupper()]
    seen = [tags[w] for w in words if w in tags]
    return not seen or len(seen) < len(words) or not all(t in NOT_NAME_TAGS for t in seen)
