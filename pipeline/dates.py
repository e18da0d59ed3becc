"""Indonesian date expressions, normalised to ISO (issue 4). Stub: filled in by the dates work."""

from __future__ import annotations


def find_dates(text: str, published: str | None = None) -> list[dict]:
    """Return every date expression in text as record `dates` entries."""
    return []


# --- spaCy component -------------------------------------------------------------------
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from .extensions import ensure_extensions  # noqa: E402


class DateComponent:
    """Sets doc._.dates from the text, resolving years against doc._.published."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.dates = find_dates(doc.text, doc._.published)
        return doc


@Language.factory("warta_dates", default_config={})
def make_date_component(nlp: Language, name: str) -> DateComponent:
    """Build the warta_dates component."""
    ensure_extensions()
    return DateComponent()
