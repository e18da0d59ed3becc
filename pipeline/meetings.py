"""Who met whom, at which event, when (issue 3).

A press release usually reports one event. Its sentences that name an event (kunjungan
kerja, audiensi, rapat, melantik ...) or presence (didampingi, turut hadir, bersama) put
the officials mentioned in them at the event; in a sentence that only reports speech, the
speaker is present. Mentions inside quotes, in clauses about another time ("sejak ...",
"usai ...", "kala itu") or in plans ("akan", "direncanakan") do not count. All officials
present form one meeting when there are at least two of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .names import read_lines

SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
PLACE_RE = re.compile(
    r"\b(?:bertempat\s+di|berlangsung\s+di|di)\s+((?:[A-Z][\w.'’-]*|\d+)(?:\s+(?:[A-Z][\w.'’-]*|\d+|dan|ke|No\.?|,(?=\s[A-Z])))*)"
)
SPEAKER_WINDOW = 60  # characters between a speaker's name and the speech verb


@dataclass(frozen=True)
class Cue:
    """A cue phrase found in a sentence."""

    cls: str
    value: str
    start: int
    end: int


@cache
def cue_table() -> tuple[tuple[re.Pattern, str, str], ...]:
    """Cue patterns with their class and value, longest phrases first."""
    rows = []
    for line in read_lines("meetings_cues.tsv")[1:]:
        cue, cls, value = (line.split("\t") + [""])[:3]
        body = re.escape(cue.rstrip("*")).replace(r"\ ", r"\s+")
        tail = r"\w*" if cue.endswith("*") else r"(?![\w-])"
        rows.append((len(cue), re.compile(rf"(?<![\w-]){body}{tail}", re.IGNORECASE), cls, value.strip()))
    rows.sort(key=lambda r: -r[0])
    return tuple((pat, cls, value) for _, pat, cls, value in rows)


def find_cues(sentence: str, offset: int) -> list[Cue]:
    """Cues in a sentence, with text offsets."""
    return [Cue(cls, value, offset + m.start(), offset + m.end())
            for pat, cls, value in cue_table() for m in pat.finditer(sentence)]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Rule-based sentence bounds when the pipeline gives none."""
    bounds, start = [], 0
    for m in SENTENCE_END.finditer(text):
        if m.start() > start:
            bounds.append((start, m.start()))
        start = m.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Stretches of direct speech: quotation marks paired in order within each paragraph.

    Sites mix straight and curly quotes and even open with a closing mark (”Ketika ...,”),
    so marks are paired by position, and an unpaired last mark runs to the paragraph end.
    """
    spans, pos = [], 0
    for line in text.split("\n"):
        marks = [pos + m.start() for m in re.finditer(r"[\"“”]", line)]
        for k in range(0, len(marks), 2):
            close = marks[k + 1] + 1 if k + 1 < len(marks) else pos + len(line)
            spans.append((marks[k], close))
        pos += len(line) + 1
    return spans


ABBREVIATION_END = re.compile(
    r"(?:\b[A-Z][a-z]{0,2}|\b[A-Z](?:\.[A-Z])*|\b(?:Kab|Kec|Kel|Prov|Jl|No|Ir|Dr|Drs|Hj|Ny|Plt|Pjs|Plh))\.\s*$"
)


def merge_abbreviation_splits(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join sentences split after an abbreviation or initial ("Pj.", "Dr.", "J.", "Kab.")."""
    merged: list[tuple[int, int]] = []
    for s, e in sentences:
        if merged and ABBREVIATION_END.search(text[merged[-1][0]:merged[-1][1]]) \
                and "\n" not in text[merged[-1][1]:s]:
            merged[-1] = (merged[-1][0], e)
        else:
            merged.append((s, e))
    return merged


def clause_end(text: str, start: int, limit: int) -> int:
    """End of the clause running from `start`: the next comma, semicolon or sentence end."""
    m = re.compile(r"[,;]").search(text, start, limit)
    return m.start() if m else limit


def inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    """True when pos lies in one of the spans."""
    return any(a <= pos < b for a, b in spans)


@dataclass
class SentenceView:
    """One sentence with its cues and the stretches whose mentions do not count."""

    start: int
    end: int
    cues: list[Cue]
    void: list[tuple[int, int]]

    def live(self, cls: str) -> list[Cue]:
        """Cues of a class outside void stretches."""
        return [c for c in self.cues if c.cls == cls and not inside(c.start, self.void)]


def view(text: str, start: int, end: int, quotes: list[tuple[int, int]]) -> SentenceView:
    """Cues (outside quotes) and void stretches of one sentence."""
    cues = [c for c in find_cues(text[start:end], start) if not inside(c.start, quotes)]
    void = []
    for c in cues:
        if c.cls == "past":
            void.append((c.start, clause_end(text, c.end, end)))
        elif c.cls == "plan":
            void.append((c.start, end))
    return SentenceView(start, end, cues, void)


def role_of(mention: tuple[int, int], sent: SentenceView, text: str) -> str:
    """The participant's role from the nearest cue before or after the mention."""
    before = [c for c in sent.cues if c.cls == "before" and c.end <= mention[0]]
    after = [c for c in sent.cues if c.cls == "after" and c.start >= mention[1]]
    if before and mention[0] - before[-1].end < 40:
        return before[-1].value
    if after and after[0].start - mention[1] < 80:
        return after[0].value
    if before:
        return before[-1].value
    if after:
        return after[0].value
    return "attendee"


def speaker_of(sent: SentenceView, mentions: list[tuple[int, int, int]], text: str) -> set[int]:
    """Officials who speak in a sentence: named just before a speech verb, or after 'ujar'."""
    speakers = set()
    for cue in sent.live("speech"):
        before = [m for m in mentions if m[1] <= cue.start and cue.start - m[1] <= SPEAKER_WINDOW]
        # "kata Kepala Bidang ... Kota Salatiga, Sutopo": the speaker's title may come first.
        after = [m for m in mentions if m[0] >= cue.end and m[0] - cue.end <= SPEAKER_WINDOW * 2
                 and not re.search(r"[.;!?\"“”]", text[cue.end:m[0]])]
        if after:
            speakers.add(after[0][2])
        elif before:
            speakers.add(before[-1][2])
    return speakers


def nearest_date(dates: list[dict], pos: int) -> dict | None:
    """The day-precise date written nearest to a position."""
    days = [d for d in dates if d.get("granularity") in ("day", "range")
            or re.fullmatch(r"[\dX]{4}-\d\d-\d\d.*", d.get("value") or "")]
    if not days:
        return None
    return min(days, key=lambda d: abs(d.get("start", 0) - pos))


def place_in(text: str, spans: list[tuple[int, int]]) -> str | None:
    """The first 'di <Capitalized place>' in the evidence sentences."""
    for s, e in spans:
        m = PLACE_RE.search(text, s, e)
        if m:
            return m.group(1).rstrip(" ,.")
    return None


def find_meetings(
    text: str,
    officials: list[dict],
    dates: list[dict],
    sentences: list[tuple[int, int]] | None = None,
) -> list[dict]:
    """Return one record `meetings` entry per event where named officials were together."""
    if len(officials) < 2:
        return []
    sentences = merge_abbreviation_splits(text, sentences or split_sentences(text))
    quotes = quoted_spans(text)
    mentions = sorted(
        (m["start"], m["end"], idx)
        for idx, o in enumerate(officials) for m in o.get("mentions", [])
        if not inside(m["start"], quotes)
    )
    present: dict[int, str] = {}
    evidence: list[tuple[int, int]] = []
    event_type = None
    remote = False
    for start, end in sentences:
        sent = view(text, start, end, quotes)
        here = [m for m in mentions if start <= m[0] < end and not inside(m[0], sent.void)]
        events = sent.live("event")
        if sent.live("remote") and (events or here):
            remote = True
        if events:
            event_type = event_type or min(events, key=lambda c: c.start).value
        if events and here:
            for s, e, idx in here:
                present.setdefault(idx, role_of((s, e), sent, text))
            evidence.append((start, end))
        elif here:
            for idx in speaker_of(sent, here, text):
                present.setdefault(idx, "speaker")
                evidence.append((start, end))
    if remote or event_type is None or len(present) < 2:
        return []
    evidence = sorted(set(evidence))
    date = nearest_date(dates, evidence[0][0])
    return [{
        "type": event_type,
        "event": None,
        "participants": [{"name": officials[idx]["name"], "role": role} for idx, role in sorted(present.items())],
        "date": date.get("value") if date else None,
        "date_text": date.get("text") if date else None,
        "place": place_in(text, evidence),
        "evidence": [{"text": text[s:e], "start": s, "end": e} for s, e in evidence],
    }]


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
