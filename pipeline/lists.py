"""Numbered, lettered, bulleted, ordinal and counted task lists (issue 5).

Four finders each propose lists over the cleaned text: marker lines and inline numbers
(lists_markers), ordinal words (lists_ordinal) and counted prose series (lists_series).
Overlapping proposals are resolved in favour of the more explicit layout (marker lines, then
inline numbers, then ordinal words, then counted prose series); a list nested under one item of
another, or inside one item, stands beside it. Every item keeps character offsets into the text.
"""

from __future__ import annotations

import re

from .lists_markers import find_inline_lists, find_line_lists
from .lists_ordinal import find_ordinal_lists
from .lists_series import find_counted_series
from .lists_text import (
    Proposal,
    clean_intro,
    cue_set,
    declared_count,
    number_value,
    sentence_index,
    sentence_spans,
    span_dict,
)

__all__ = ["find_task_lists", "number_value", "sentence_spans"]

# An intro on the marker's own line is a clause, not a paragraph: past this, take the sentence.
MAX_INTRO_CHARS = 600


def preceding_sentence(text: str, pos: int) -> tuple[int, int] | None:
    """The last sentence that ends before pos."""
    spans = sentence_spans(text)
    idx = sentence_index(spans, pos)
    while idx >= 0 and spans[idx][1] > pos:
        idx -= 1
    return clean_intro(text, *spans[idx]) if idx >= 0 else None


def skip_intro(text: str, intro: tuple[int, int] | None) -> bool:
    """Whether the intro heads a list of other articles ("Baca juga:")."""
    if not intro:
        return False
    words = re.sub(r"[^\w\s]", " ", text[intro[0]:intro[1]].lower()).split()
    heading = " ".join(words[:3])
    return any(heading.startswith(cue) for cue in cue_set("skip_intro"))


def nested(inner: Proposal, outer: Proposal) -> bool:
    """Whether inner sits between two items of outer (a sub-list under one point), or inside
    one item of outer when inner is a counted series ("… lima kabupaten yaitu A, B, …")."""
    for a, b in zip(outer.items, outer.items[1:], strict=False):
        if a.end <= inner.start and inner.end <= b.start:
            return True
    return inner.style == "counted" and any(it.start <= inner.start and inner.end <= it.end
                                            for it in outer.items)


def conflicts(a: Proposal, b: Proposal) -> bool:
    """Whether two proposals claim the same text (nesting is not a conflict)."""
    if not (a.start < b.end and b.start < a.end):
        return False
    return not (nested(a, b) or nested(b, a))


def official_for(span: tuple[int, int] | None, officials: list[dict], text: str) -> str | None:
    """The official named in the intro's sentence, when the text says who set the list out."""
    if not span or not officials:
        return None
    spans = sentence_spans(text)
    s_idx = sentence_index(spans, span[0])
    lo, hi = spans[s_idx][0], max(span[1], spans[s_idx][1])
    for off in officials:
        for mention in off.get("mentions") or []:
            if lo <= mention.get("start", -1) and mention.get("end", 10**9) <= hi:
                return off.get("name")
    return None


def find_task_lists(text: str, officials: list[dict] | None = None) -> list[dict]:
    """Return every enumerated list in text as record `task_lists` entries."""
    accepted: list[Proposal] = []
    for finder in (find_line_lists, find_inline_lists, find_ordinal_lists, find_counted_series):
        for prop in finder(text):
            if len(prop.items) >= 2 and not any(conflicts(prop, other) for other in accepted):
                accepted.append(prop)
    records = []
    for prop in sorted(accepted, key=lambda p: p.start):
        if prop.intro is None:
            anchor = prop.extra.get("marker_start", prop.start)
            inline_head = clean_intro(text, line_start(text, anchor), anchor)
            fits = 3 < inline_head[1] - inline_head[0] <= MAX_INTRO_CHARS
            prop.intro = inline_head if fits else preceding_sentence(text, anchor)
        if skip_intro(text, prop.intro):
            continue
        count = prop.declared_count
        if count is None and prop.intro:
            count = declared_count(text, *prop.intro)
        if count is None and prop.style == "ordinal":
            count = nearby_count(text, prop.start)
        records.append({
            "intro": span_dict(text, prop.intro),
            "style": prop.style,
            "declared_count": count,
            "items": [{"n": it.n, "text": text[it.start:it.end], "start": it.start, "end": it.end}
                      for it in prop.items],
            "complete": None if count is None else count == len(prop.items),
            "official": official_for(prop.intro, officials or [], text),
        })
    return records


def line_start(text: str, pos: int) -> int:
    """Start of the line holding pos, looked for no further back than an intro can reach."""
    return text.rfind("\n", max(0, pos - MAX_INTRO_CHARS - 1), pos) + 1


def nearby_count(text: str, pos: int) -> int | None:
    """A count announced in one of the two sentences before an ordinal run ("tiga hal")."""
    spans = sentence_spans(text)
    idx = sentence_index(spans, pos)
    for s, e in reversed(spans[max(0, idx - 2):idx]):
        count = declared_count(text, s, e)
        if count:
            return count
    return None


# --- spaCy component -------------------------------------------------------------------
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from .extensions import doc_text, ensure_extensions  # noqa: E402


class TaskListsComponent:
    """Sets doc._.task_lists, attributing lists to doc._.officials where the text says so."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.task_lists = find_task_lists(doc_text(doc), doc._.officials or [])
        return doc


@Language.factory("warta_task_lists", default_config={})
def make_task_lists_component(nlp: Language, name: str) -> TaskListsComponent:
    """Build the warta_task_lists component."""
    ensure_extensions()
    return TaskListsComponent()
