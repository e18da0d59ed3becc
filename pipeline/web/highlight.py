"""An article's text as HTML with every finding marked in place, nested and escaped.

Findings overlap: a meeting's evidence sentence holds officials and dates, a list item holds a
program. Spans are opened outermost first and a span that crosses the end of the one around it
is split there, so the markup stays well formed and a mention inside a sentence stays one
element. All text goes through html.escape; attribute values are escaped too.
"""

from __future__ import annotations

import heapq
from dataclasses import dataclass, field
from html import escape

# Finding kinds in nesting order (outer first when two spans start together and are as long),
# with the legend label each page shows.
KINDS: dict[str, str] = {
    "meeting": "meeting evidence",
    "list": "task list (intro and items)",
    "official": "official",
    "position": "post",
    "date": "date",
    "program": "program",
    "organization": "organization",
}
_RANK = {kind: i for i, kind in enumerate(KINDS)}


@dataclass(order=True)
class Span:
    """One finding's stretch of text: [start, end) with its kind and a few data-* attributes."""

    start: int
    end: int
    kind: str = field(compare=False)
    attrs: dict[str, str] = field(default_factory=dict, compare=False)
    title: str = field(default="", compare=False)


def _order(span: Span) -> tuple[int, int, int]:
    """Sort key: earlier first, then longer first, then the outer kind first."""
    return span.start, -span.end, _RANK.get(span.kind, len(_RANK))


def valid_spans(spans: list[Span], length: int) -> list[Span]:
    """The spans that point inside a text of this length and are not empty."""
    return [s for s in spans if isinstance(s.start, int) and isinstance(s.end, int) and 0 <= s.start < s.end <= length]


def _open_tag(span: Span) -> str:
    """The opening <mark> of a span."""
    attrs = "".join(f' data-{escape(k)}="{escape(str(v))}"' for k, v in span.attrs.items())
    title = f' title="{escape(span.title)}"' if span.title else ""
    return f'<mark class="f f-{escape(span.kind)}"{attrs}{title}>'


def highlight(text: str, spans: list[Span]) -> str:
    """The text as escaped HTML with each span wrapped in <mark class="f f-KIND">, properly nested."""
    queue = [(_order(s), i, s) for i, s in enumerate(valid_spans(spans, len(text)))]
    heapq.heapify(queue)
    counter = len(queue)
    out: list[str] = []
    stack: list[Span] = []
    pos = 0

    def close_until(limit: int) -> None:
        nonlocal pos
        while stack and stack[-1].end <= limit:
            top = stack.pop()
            out.append(escape(text[pos:top.end]))
            out.append("</mark>")
            pos = top.end

    while queue:
        _, _, span = heapq.heappop(queue)
        close_until(span.start)
        if span.start > pos:
            out.append(escape(text[pos:span.start]))
            pos = span.start
        if stack and span.end > stack[-1].end:
            # Crosses the end of the span around it: mark up to there, the rest comes back later.
            rest = Span(stack[-1].end, span.end, span.kind, span.attrs, span.title)
            heapq.heappush(queue, (_order(rest), counter, rest))
            counter += 1
            span = Span(span.start, stack[-1].end, span.kind, span.attrs, span.title)
        out.append(_open_tag(span))
        stack.append(span)
    close_until(len(text))
    out.append(escape(text[pos:]))
    return "".join(out)
