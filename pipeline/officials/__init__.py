"""Named officials and their positions (issue 3).

Rules first: a title from the vocabulary (data/titles.tsv), the region or body written after
it, then a name shaped like a name ("Wali Kota Bekasi Rahmat Effendi", "Kepala Dinas LH
Jumhana Lutfi", "Wakil Gubernur, Deinas Geley"), or a name with the title after it in
parentheses or apposition ("Yan Rizana, ST, M.Si (Kadis Penanaman Modal)", "Tri Adhianto,
Plt. Wali Kota"). PER entities from a model, when given, move the name boundaries.
Short forms, nicknames and bare titles later in the article resolve to the person.

The package reads in layers: `tokens` and `vocab` (words and vocabularies), `places` and
`titles` (title grammar), `name_reading` (a name at a token), `reading` (one pass over an
article), `appositions` (names written before their title) and `people` (grouping, mentions,
records).
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.language import Language
from spacy.tokens import Doc

from ..extensions import doc_text, ensure_extensions, pos_by_offset
from .mentions import mentions_of, nicknames, person_record
from .people import group_people, place_after_titles, place_words
from .reading import scan
from .tags import Tags, tagged_as_name

__all__ = ["OfficialsComponent", "find_officials", "make_officials_component"]


def find_officials(text: str, entities: list[tuple[int, int, str]] | None = None,
                   tags: Tags | None = None) -> list[dict]:
    """Return one record `officials` entry per person presented with a public post. `entities`
    (PER spans) and `tags` (POS by token start) come from a model when there is one."""
    findings, bare_titles = scan(text, entities)
    if tags:
        findings = [f for f in findings if tagged_as_name(f, text, tags)]
    words = Counter(re.findall(r"\w+", text))
    places = place_words(text)
    people = [p for p in group_people(findings) if not place_after_titles(p, text, words, places)]
    nicknames(text, people)
    mentions = mentions_of(people, text, bare_titles)
    return [person_record(p, m) for p, m in zip(people, mentions, strict=True)]


class OfficialsComponent:
    """Sets doc._.officials, using the model's PER entities when the pipeline has NER and its
    part-of-speech tags when it has a tagger or morphologizer."""

    def __init__(self, use_ner: bool = True):
        self.use_ner = use_ner

    def __call__(self, doc: Doc) -> Doc:
        entities = None
        if self.use_ner and doc.has_annotation("ENT_IOB"):
            entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        tags = pos_by_offset(doc) if doc.has_annotation("POS") else None
        doc._.officials = find_officials(doc_text(doc), entities, tags)
        return doc


@Language.factory("warta_officials", default_config={"use_ner": True})
def make_officials_component(nlp: Language, name: str, use_ner: bool) -> OfficialsComponent:
    """Build the warta_officials component."""
    ensure_extensions()
    return OfficialsComponent(use_ner=use_ner)

