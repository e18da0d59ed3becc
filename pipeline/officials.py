"""Named officials and their positions (issue 3). Stub: filled in by the officials work."""

from __future__ import annotations


def find_officials(text: str, entities: list[tuple[int, int, str]] | None = None) -> list[dict]:
    """Return one record `officials` entry per person presented with a public post."""
    return []


# --- spaCy component -------------------------------------------------------------------
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from .extensions import ensure_extensions  # noqa: E402


class OfficialsComponent:
    """Sets doc._.officials, using the model's PER entities when the pipeline has NER."""

    def __init__(self, use_ner: bool = True):
        self.use_ner = use_ner

    def __call__(self, doc: Doc) -> Doc:
        entities = None
        if self.use_ner and doc.has_annotation("ENT_IOB"):
            entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        doc._.officials = find_officials(doc.text, entities)
        return doc


@Language.factory("warta_officials", default_config={"use_ner": True})
def make_officials_component(nlp: Language, name: str, use_ner: bool) -> OfficialsComponent:
    """Build the warta_officials component."""
    ensure_extensions()
    return OfficialsComponent(use_ner=use_ner)
