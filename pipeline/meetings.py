"""Who met whom, at which event, when (issue 3). Stub: filled in by the officials work."""

from __future__ import annotations


def find_meetings(
    text: str,
    officials: list[dict],
    dates: list[dict],
    sentences: list[tuple[int, int]] | None = None,
) -> list[dict]:
    """Return one record `meetings` entry per event where named officials were together."""
    return []


# --- spaCy component -------------------------------------------------------------------
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from .extensions import ensure_extensions  # noqa: E402


class MeetingsComponent:
    """Sets doc._.meetings from doc._.officials, doc._.dates and the sentence bounds."""

    def __call__(self, doc: Doc) -> Doc:
        sentences = None
        if doc.has_annotation("SENT_START"):
            sentences = [(s.start_char, s.end_char) for s in doc.sents]
        doc._.meetings = find_meetings(doc.text, doc._.officials or [], doc._.dates or [], sentences)
        return doc


@Language.factory("warta_meetings", default_config={})
def make_meetings_component(nlp: Language, name: str) -> MeetingsComponent:
    """Build the warta_meetings component."""
    ensure_extensions()
    return MeetingsComponent()
