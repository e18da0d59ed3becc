"""Numbered and ordinal task lists (issue 5). Stub: filled in by the lists work."""

from __future__ import annotations


def find_task_lists(text: str, officials: list[dict] | None = None) -> list[dict]:
    """Return every enumerated list in text as record `task_lists` entries."""
    return []


# --- spaCy component -------------------------------------------------------------------
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from .extensions import ensure_extensions  # noqa: E402


class TaskListsComponent:
    """Sets doc._.task_lists, attributing lists to doc._.officials where the text says so."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.task_lists = find_task_lists(doc.text, doc._.officials or [])
        return doc


@Language.factory("warta_task_lists", default_config={})
def make_task_lists_component(nlp: Language, name: str) -> TaskListsComponent:
    """Build the warta_task_lists component."""
    ensure_extensions()
    return TaskListsComponent()
