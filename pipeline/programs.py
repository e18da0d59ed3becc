"""Named programs and organisations with acronym pairs (issue 5). Stub: filled in by the programs work."""

from __future__ import annotations


def find_programs(text: str, officials: list[dict] | None = None) -> tuple[list[dict], list[dict]]:
    """Return (programs, organizations) found in text as record entries."""
    return [], []


# --- spaCy component -------------------------------------------------------------------
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from .extensions import ensure_extensions  # noqa: E402


class ProgramsComponent:
    """Sets doc._.programs and doc._.organizations."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.programs, doc._.organizations = find_programs(doc.text, doc._.officials or [])
        return doc


@Language.factory("warta_programs", default_config={})
def make_programs_component(nlp: Language, name: str) -> ProgramsComponent:
    """Build the warta_programs component."""
    ensure_extensions()
    return ProgramsComponent()
