"""Lists marked by ordinal words across sentences: "Pertama, … Kedua, … Dan keenam, …".

A run of markers pertama → kedua → … is carried on by a "Selanjutnya," sentence and closed by a
"terakhir" one. Markers are ordinal words placed as list markers: at the start of a sentence or
clause, after a marker noun ("Poin pertama", and the noun the article counted: "6 lokasi …
lokasi yang kedua"), or defined by a copula ("Sapta Cita pertama adalah"); not "hari pertama" or
"pertama kali". A run whose first point is unmarked ("Keenam pesan tersebut dimulai dari A. …
Selanjutnya B. Ketiga C.") gets its leading points back from the announcement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lists_text import (
    Item,
    Proposal,
    alternation,
    clean_intro,
    clean_item,
    count_mentions,
    cue_regex,
    cue_set,
    declared_count,
    number_value,
    ordinal_regex,
    sentence_index,
    sentence_spans,
    trim,
)

# How many sentences an ordinal run may skip between two of its markers.
ORDINAL_GAP = 3
# How many paragraphs a run may skip before a marker that opens a paragraph ("Keempat, ...").
ORDINAL_PARAGRAPH_GAP = 2
# How many head words ("Dan poin yang") may stand before a marker that opens a paragraph.
MARKER_HEAD_WORDS = 3
# Past this many sentences no later marker can continue a run (keeps the search linear).
RUN_HORIZON = 20
# How many sentences before a run that starts at "Kedua"/"Ketiga" may hold its announcement.
BACKFILL_SENTENCES = 5

Spans = tuple[tuple[int, int], ...]


@dataclass
class Marker:
    """An ordinal marker: value, span of the marker words, and whether it opens a sentence."""

    value: int
    start: int
    end: int
    strong: bool


@cache
def copula_regex() -> re.Pattern:
    """A copula right after an ordinal word: "pertama adalah", "kedua yaitu"."""
    return re.compile(rf"\s*(?:{cue_regex('copula')})(?!\w)", re.IGNORECASE)


def counted_nouns(text: str) -> frozenset[str]:
    """Nouns the article counts ("6 (enam) lokasi"): they may head its ordinal markers."""
    return frozenset(noun for _, _, noun in count_mentions(text, 0, len(text)))


def ordinal_markers(text: str, spans: Spans) -> list[Marker]:
    """Ordinal words placed as list markers (not "hari pertama", "pertama kali")."""
    connectors, heads, intros = cue_set("connector"), cue_set("ordinal_head"), cue_set("introducer")
    nouns = cue_set("marker_noun") | (counted_nouns(text) - heads)
    out = []
    for m in ordinal_regex().finditer(text):
        value = number_value(m.group(1))
        s_start, _ = spans[sentence_index(spans, m.start())]
        prefix = text[max(s_start, m.start() - 200):m.start()]
        words = re.findall(r"[\w-]+", prefix.lower())
        after = text[m.end():m.end() + 30]
        if re.match(r"\s*(kali|kalinya|dan|-|nya|belas|puluh)\b", after, re.IGNORECASE):
            continue
        if re.match(r"\s*atau\b(?!\s+(?:yang\s+)?terakhir)", after, re.IGNORECASE):
            continue
        if re.match(r"\s*(tersebut|itu|ini)\b", after, re.IGNORECASE):
            continue
        if m.start() - s_start <= 200 and all(w in connectors or w in nouns for w in words):
            out.append(Marker(value, m.start(), m.end(), strong=True))
            continue
        last = words[-1] if words else ""
        if last not in heads and copula_regex().match(text, m.end()):
            # "Sapta Cita pertama adalah ...": an ordinal that a copula defines is a marker
            out.append(Marker(value, m.start(), m.end(), strong=value > 1))
            continue
        tail = prefix.rstrip()
        if (tail.endswith((",", ";", ":", ",-")) or last in connectors or last in nouns
                or " ".join(words[-2:]) in intros or last in intros):
            out.append(Marker(value, m.start(), m.end(), strong=True))
        elif value == 1 and looks_like_verb(last) and last not in heads:
            out.append(Marker(value, m.start(), m.end(), strong=False))
    return out


def paragraph_gap(text: str, first: int, second: int) -> int | None:
    """Paragraphs between two positions when second opens its line ("Program kedua, …"
    counts: the head words of a marker may stand before it), else None."""
    window = max(first, second - 200)  # the head words are short: look no further back
    line_start = text.rfind("\n", window, second)
    if line_start < 0 and window > 0 or len(text[line_start + 1:second].split()) > MARKER_HEAD_WORDS:
        return None
    lines = [line for line in text[first:second].split("\n")[1:-1] if line.strip()]
    return len(lines)


def looks_like_verb(word: str) -> bool:
    """A word with a verbal prefix ("bertujuan pertama ..."): "orang pertama" is not a marker."""
    return len(word) >= 6 and bool(re.match(r"(ber|me|di|ter)", word))


def find_ordinal_lists(text: str) -> list[Proposal]:
    """Runs of ordinal markers pertama → kedua → … with continuers and a closing 'terakhir'."""
    spans = sentence_spans(text)
    markers = ordinal_markers(text, spans)
    found, used = [], set()
    for k, first in enumerate(markers):
        if k in used or first.value > 3 or (first.value > 1 and opened_before(spans, markers, k)):
            continue
        run = ordinal_run(text, spans, markers, k, used)
        if len(run) >= 2 and not run[1].strong:
            continue
        if first.value == 1:
            proposal = ordinal_proposal(text, spans, run)
        else:
            proposal = backfilled_proposal(text, spans, run)
        if proposal and len(proposal.items) >= 2:
            found.append(proposal)
    return found


def opened_before(spans: Spans, markers: list[Marker], k: int) -> bool:
    """Whether a "pertama" marker shortly before markers[k] opened a run that did not reach it
    (then the points before markers[k] are not unmarked)."""
    here = sentence_index(spans, markers[k].start)
    return any(mk.value == 1 and here - sentence_index(spans, mk.start) <= BACKFILL_SENTENCES
               for mk in markers[max(0, k - 8):k])


def ordinal_run(text: str, spans: Spans, markers: list[Marker], k: int, used: set[int]) -> list[Marker]:
    """The markers that carry on the run opened by markers[k], each the next value and near."""
    run = [markers[k]]
    for j in range(k + 1, len(markers)):
        nxt = markers[j]
        gap = sentence_index(spans, nxt.start) - sentence_index(spans, run[-1].start)
        if gap > RUN_HORIZON:
            break
        paragraphs = paragraph_gap(text, run[-1].start, nxt.start)
        near = gap <= ORDINAL_GAP or (paragraphs is not None and paragraphs <= ORDINAL_PARAGRAPH_GAP)
        if nxt.value == run[-1].value + 1 and near and nxt.strong:
            run.append(nxt)
            used.add(j)
        elif nxt.value == 1:
            break
    return run


def run_items(text: str, spans: Spans, run: list[Marker]) -> list[Item]:
    """One item per marker: the rest of its sentence, or up to the next marker in it."""
    items = []
    for i, mk in enumerate(run):
        stop = spans[sentence_index(spans, mk.start)][1]
        inline_next = i + 1 < len(run) and run[i + 1].start < stop
        if inline_next:
            stop = run[i + 1].start
        start, end = clean_item(text, mk.end, stop, drop_tail_connector=inline_next)
        if inline_next:
            end = drop_trailing_heads(text, start, end)
        items.append(Item(mk.value, start, end))
    return items


def drop_trailing_heads(text: str, start: int, end: int) -> int:
    """End of an inline item before the next marker's head words ("…, lokasi yang")."""
    nouns = cue_set("marker_noun") | counted_nouns(text[max(0, start - 2000):end])
    words = alternation(nouns | cue_set("connector"))
    m = re.search(rf"(?:[\s,;-]+(?:{words}))+[\s,;-]*$", text[start:end], re.IGNORECASE)
    if m and m.start() > 0:
        end = start + m.start()
    return trim(text, start, end, " \t\r\n,;:.-")[1]


def ordinal_proposal(text: str, spans: Spans, run: list[Marker]) -> Proposal | None:
    """Items of an ordinal run, extended by 'Selanjutnya' / closed by 'terakhir' sentences."""
    items = run_items(text, spans, run)
    last_sentence = sentence_index(spans, run[-1].start)
    intro = ordinal_intro(text, spans, run[0])
    announced = declared_count(text, *intro) if intro else None
    reached = announced is not None and len(run) >= announced
    extra = [] if reached else closing_items(text, spans, last_sentence, len(run))
    items += extra
    if len(run) == 1 and not extra:
        return None
    return Proposal("ordinal", [it for it in items if it.end > it.start], intro=intro)


@cache
def continuer_regex() -> re.Pattern:
    """A sentence opener that carries a run on without a number: "Selanjutnya,"."""
    return re.compile(rf"[\"“]?(?:(?:{cue_regex('connector')})[\s,]+)*(?:{cue_regex('continuer')})\s*,?\s*",
                      re.IGNORECASE)


@cache
def closer_regex() -> re.Pattern:
    """A sentence opener that marks the last point: "Terakhir,", "Lalu poin terakhir itu"."""
    return re.compile(rf"[\"“]?(?:(?:{cue_regex('connector')}|{cue_regex('marker_noun')})[\s,]+)*"
                      rf"(?:{cue_regex('closer')})\b(?:\s+(?:itu|ini)\b)?[\s,:]*", re.IGNORECASE)


def closing_items(text: str, spans: Spans, last: int, count: int) -> list[Item]:
    """Items after the numbered run: a 'Selanjutnya,' sentence and a closing 'terakhir' one."""
    items: list[Item] = []
    idx = last + 1
    if count == 1 and idx < len(spans):
        s, e = spans[idx]
        m = continuer_regex().match(text, s, e)
        if not m or m.end() == s:
            return []
        items.append(Item(count + 1, *clean_item(text, m.end(), e)))
        idx += 1
    for j in range(idx, min(idx + ORDINAL_GAP, len(spans))):
        s, e = spans[j]
        m = closer_regex().match(text, s, e)
        if m:
            items.append(Item(count + len(items) + 1, *clean_item(text, m.end(), e)))
            break
    return items


def backfilled_proposal(text: str, spans: Spans, run: list[Marker]) -> Proposal | None:
    """A run that starts at "Kedua"/"Ketiga" after an announced count whose first points are
    unmarked: the series after the announcement's introducer ("dimulai dari A"), or the
    sentence after it, and a "Selanjutnya" sentence just before the run."""
    first_idx = sentence_index(spans, run[0].start)
    missing = run[0].value - 1
    for idx in range(first_idx - 1, max(-1, first_idx - 1 - BACKFILL_SENTENCES), -1):
        s, e = spans[idx]
        counts = [n for n, _, _ in count_mentions(text, s, e)]
        if not counts or counts[-1] < run[-1].value:
            continue
        lead = leading_items(text, spans, idx, first_idx, missing)
        if lead is None:
            return None
        proposal = ordinal_proposal(text, spans, run) if len(run) >= 2 else None
        rest = proposal.items if proposal else run_items(text, spans, run)
        items = [Item(k + 1, it.start, it.end) for k, it in enumerate(lead + rest)]
        return Proposal("ordinal", items, intro=clean_intro(text, s, lead[0].start))
    return None


def leading_items(text: str, spans: Spans, announce: int, first: int, missing: int) -> list[Item] | None:
    """The unmarked points between an announcement sentence and the first marked one."""
    s, e = spans[announce]
    intro = list(re.finditer(rf"(?<!\w)(?:{cue_regex('introducer')})(?!\w)\s*[:;,]?", text[s:e], re.I))
    items: list[Item] = []
    if intro:
        items.append(Item(1, *clean_item(text, s + intro[-1].end(), e)))
    elif announce + 1 < first:
        items.append(Item(1, *clean_item(text, *spans[announce + 1])))
    if missing == 2:
        ps, pe = spans[first - 1]
        m = continuer_regex().match(text, ps, pe)
        if not m or m.end() == ps or (items and items[0].start >= ps):
            return None
        items.append(Item(2, *clean_item(text, m.end(), pe)))
    return items if len(items) == missing else None


def ordinal_intro(text: str, spans: Spans, first: Marker) -> tuple[int, int] | None:
    """The clause before a mid-sentence first marker, else the sentence before the run."""
    idx = sentence_index(spans, first.start)
    s, _ = spans[idx]
    head = clean_intro(text, s, first.start)
    if head[1] - head[0] > 3 and not re.fullmatch(r"[\w-]+", text[head[0]:head[1]]):
        return head
    if idx > 0:
        return clean_intro(text, *spans[idx - 1])
    return None
