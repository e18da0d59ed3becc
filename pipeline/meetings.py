"""Who met whom, at which event, when (issues 3 and 13).

A press release usually reports one event, sometimes several. Its sentences that name an event (kunjungan
kerja, audiensi, rapat, melantik ...) or presence (didampingi, turut hadir, bersama) put
the officials mentioned in them at the event; in a sentence that only reports speech, the
speaker is present. Mentions inside quotes, in clauses about another time ("sejak ...",
"usai ...", "kala itu") or in plans ("akan", "direncanakan") do not count, nor officials only
represented ("mewakili X", "X melalui Y") or named as the owner of a policy. Each participant's
role (host, guest, accompanying, attendee, speaker) comes from the cue written nearest the
mention (cues and word families: meetings_cues.py). The lines of an attendance list that follow
an event sentence count with it. An event sentence dated another day starts another event; one
dated over a month earlier is background. An event sentence opened by "Sebelumnya," or "Diketahui,"
tells another event, unless it names nobody new (the same event told from its start). Each event
with at least two officials present is a meeting.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from .meetings_cues import Cue, cue_index
from .names import is_honorific

SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
# A comma after a house number goes on with the place ("No. 8-9, Gambir"), unless the day of the
# event follows it; after a name it ends the place ("di Palembang, Pj Gubernur ...").
WEEKDAYS = "Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad"
PLACE_RE = re.compile(
    r"\b(?:bertempat\s+di|berlangsung\s+di|di)\s+((?:[A-Z][\w.'’-]*|\d+(?:[-/]\d+)*)"
    r"(?:\s+(?:[A-Z][\w.'’-]*|\d+(?:[-/]\d+)*|dan|ke|No\.?)|(?<=\d),(?=\s[A-Z])(?!\s(?:" + WEEKDAYS + r")\b))*)"
)


@dataclass(frozen=True)
class Windows:
    """How many characters the rules trust between a cue and the name it is about."""

    speaker: int = 60  # a speaker's name and the speech verb (twice this after "kata ...")
    absent: int = 30  # an absence cue ("mewakili", "berhalangan") and the name
    role_before: int = 40  # a role cue written before the mention: decides the role first
    role_after: int = 80  # a role cue written after the mention: decides the role first


WINDOWS = Windows()


def find_cues(sentence: str, offset: int) -> list[Cue]:
    """Cues in a sentence, with text offsets (one pass over its words)."""
    return [Cue(c.cls, c.value, c.start + offset, c.end + offset) for c in cue_index().find(sentence, 0, len(sentence))]


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


def split_at_lines(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences cut at line breaks: a headline or a paragraph never runs on into the next line."""
    out = []
    for start, end in sentences:
        pos = start
        for m in re.finditer(r"\n+", text[start:end]):
            if start + m.start() > pos:
                out.append((pos, start + m.start()))
            pos = start + m.end()
        if end > pos:
            out.append((pos, end))
    return out


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
LAST_WORD = re.compile(r"(?<!\w)(\w+)\.\s*$")
# A predicate of its own between a name and an absence cue: the cue is not about that name.
VERB_BETWEEN = re.compile(r"\b(?:me|ber|di|ter)[a-z]{3,}\b")
# What follows "melalui" when someone stands in for an official: a title or name (capitalised),
# an office written in lower case, or a written message.
REPRESENTATIVE = re.compile(
    r"\s+(?:[A-Z]|(?:sekretaris|sekda|staf|staff|asisten|kepala|kadis|wakil|juru|kabag|plt|pj)\b"
    r"|(?:sambutan|pesan|surat)\w*\s+tertulis|surat\b|pesan\b)"
)
# A line of an attendance list: short, and its only words with a verb's prefix are these.
LIST_LINE = 400
LIST_WORDS = frozenset({"beserta", "berserta", "bersama", "terdiri", "diwakili"})
BACKGROUND_DAYS = 31  # an event dated this long before the one reported is background, not a meeting of it
TAIL = 64  # characters at the end of a sentence that tell whether it may end there
# What a sentence may end with: terminal punctuation, a closing quote or bracket, a colon or semicolon.
SENTENCE_FINAL = re.compile(r"[.!?…:;\"”’')\]]\s*$")


def merge_false_splits(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join sentences split where none can end: after an abbreviation or initial ("Pj.", "J."), or mid-clause."""
    merged: list[tuple[int, int]] = []
    for s, e in sentences:
        # Only the end of the sentence so far decides, so a long run of merged text is never rescanned.
        prev = text[max(merged[-1][0], merged[-1][1] - TAIL):merged[-1][1]] if merged else ""
        word = LAST_WORD.search(prev)
        # Honorifics in any spelling end no sentence either ("DR. Zefnihan", "Prof. Tito").
        # A statistical segmenter also splits mid-clause, after a comma ("Wakil Ketua DPRD 1, | Roni
        # Imran") or a plain word ("... beserta rombongan | melakukan kunjungan kerja"): within a
        # paragraph, a sentence ends only at closing punctuation.
        unfinished = not SENTENCE_FINAL.search(prev)
        if merged and (ABBREVIATION_END.search(prev) or word and is_honorific(word.group(1)) or unfinished) \
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
    """True when pos lies in one of the spans (sorted by start and not overlapping: a binary search)."""
    k = bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def within(mentions: list[tuple[int, int, int]], starts: list[int], lo: int, hi: int) -> list[tuple[int, int, int]]:
    """The mentions (sorted, with their start offsets in `starts`) that start in [lo, hi)."""
    return mentions[bisect_left(starts, lo):bisect_left(starts, hi)]


@dataclass
class SentenceView:
    """One sentence with its cues and the stretches whose mentions do not count."""

    start: int
    end: int
    cues: list[Cue]
    void: list[tuple[int, int]]
    every: list[Cue] = field(default_factory=list)  # all cues, those inside quotes too

    def live(self, cls: str) -> list[Cue]:
        """Cues of a class outside void stretches."""
        return [c for c in self.cues if c.cls == cls and not in_void(c.start, self.void)]


def in_void(pos: int, void: list[tuple[int, int]]) -> bool:
    """True when pos lies in a void stretch (a sentence has few: a plain scan)."""
    return any(a <= pos < b for a, b in void)


def view(text: str, start: int, end: int, quotes: list[tuple[int, int]],
         lemmas: dict[int, str] | None = None) -> SentenceView:
    """Cues (outside quotes) and void stretches of one sentence."""
    every = cue_index().find(text, start, end, lemmas)
    cues = [c for c in every if not inside(c.start, quotes)]
    # "menyambut baik usulan": a phrase that only looks like a cue cancels the cues inside it.
    idioms = [(c.start, c.end) for c in cues if c.cls == "not"]
    cues = [c for c in cues if c.cls != "not" and not any(a <= c.start < b for a, b in idioms)]
    void = []
    for c in cues:
        if c.cls == "past" and c.value == "head" and re.match(r"\s*,", text[c.end:end]):
            void.append((c.start, end))  # "Tahun lalu, A bertemu B": the time of all that follows
        elif c.cls == "past":
            void.append((c.start, clause_end(text, c.end, end)))
        elif c.cls == "plan" and re.search(r"\byang\s+$", text[max(start, c.start - 8):c.start]):
            void.append((c.start, clause_end(text, c.end, end)))  # "Musrenbang yang dijadwalkan ..., dibuka"
        elif c.cls == "plan":
            void.append((c.start, end))
    return SentenceView(start, end, cues, sorted(void), every)


def cue_reach(cue: Cue, mention: tuple[int, int], earlier: list[tuple[int, int]]) -> tuple[str, int] | None:
    """How a cue points at a mention: ('before'|'after', distance), or None when it does not.

    'active' cues ("mendampingi") describe the mention written before them; they describe the
    mentions after them only when nobody is written before ("Hadir mendampingi, Asisten X").
    """
    if cue.cls in ("before", "with") and cue.end <= mention[0]:
        return "before", mention[0] - cue.end
    if cue.cls in ("after", "active") and cue.start >= mention[1]:
        return "after", cue.start - mention[1]
    if cue.cls == "active" and cue.end <= mention[0] and not any(e <= cue.start for _, e in earlier):
        return "before", mention[0] - cue.end
    return None


def role_of(mention: tuple[int, int], sent: SentenceView,
            earlier: list[tuple[tuple[int, int], str | None]], text: str = "",
            others: list[tuple[int, int]] | None = None, windows: Windows = WINDOWS) -> str | None:
    """The participant's role from the cue nearest the mention in the text.

    `earlier` holds the sentence's mentions before this one with their roles: "bersama"/"serta"
    give a mention the role of the one written before it ("Gubernur A bersama Kapolda B").
    None when no cue points at the mention.
    """
    reached = []
    for cue in sent.cues:
        if in_void(cue.start, sent.void):
            continue
        way = cue_reach(cue, mention, [span for span, _ in earlier])
        if way is None:
            continue
        side, distance = way
        role = cue.value
        if role == "lead":
            # "Kunjungan kerja Pemkot Bengkulu dipimpin oleh Wawali X": X leads the visitors.
            visit = any(c.cls == "event" and c.value == "kunjungan kerja" and c.start < cue.start for c in sent.cues)
            role = "guest" if visit else "host"
        if side == "before" and opens_sentence(cue, sent, text) \
                and subject_of_verb(mention, sent, text, others or [], windows):
            continue  # "Didampingi Pj Sekda, Bupati Kobar X menyambangi ...": X is the subject, not the company
        if cue.cls == "with":
            if any(cue.end <= c.start < mention[0] for c in sent.cues):
                continue  # "A bersama B menggelar pertemuan bersama C": C is not A's companion
            role = shared_role(cue, sent, earlier, windows)
            if role is None:
                continue
        near = distance < (windows.role_before if side == "before" else windows.role_after)
        # Near cues first, and among them one written before the mention: a list follows its cue
        # ("didampingi Kapolres X, ... meninjau": X accompanies).
        reached.append((not near, side != "before", distance, role))
    return min(reached)[3] if reached else None


def opens_sentence(cue: Cue, sent: SentenceView, text: str) -> bool:
    """A cue that starts its sentence ("Didampingi ...", "Dengan didampingi ...")."""
    return bool(text) and re.fullmatch(r"\W*(?:\w+\s+)?", text[sent.start:cue.start]) is not None


def subject_of_verb(mention: tuple[int, int], sent: SentenceView, text: str, others: list[tuple[int, int]],
                    windows: Windows = WINDOWS) -> bool:
    """The mention after the last comma of an opening clause, right before the sentence's verb cue,
    with no other official named between them."""
    verbs = [c for c in sent.cues if c.cls in ("after", "active") and c.start >= mention[1]]
    if not verbs or "," not in text[sent.start:mention[0]]:
        return False
    verb = min(verbs, key=lambda c: c.start)
    between = text[mention[1]:verb.start]
    return verb.start - mention[1] < windows.role_before and "," not in between.strip(" ,") \
        and not any(mention[1] <= o[0] < verb.start for o in others)


def shared_role(cue: Cue, sent: SentenceView, earlier: list[tuple[tuple[int, int], str | None]],
                windows: Windows = WINDOWS) -> str | None:
    """The role "bersama" passes on: that of the mention just before it, when no other cue
    stands between them ("Gubernur A bersama Kapolda B", not "A menggelar pertemuan bersama B")."""
    before = [(span, role) for span, role in earlier if span[1] <= cue.start]
    if not before:
        return None
    span, role = before[-1]
    if cue.start - span[1] > windows.role_before or any(span[1] <= c.start < cue.start for c in sent.cues):
        return None
    return role


def together(sent: SentenceView, here: list[tuple[int, int, int]], windows: Windows = WINDOWS) -> list[Cue]:
    """A "bersama" joining two officials named right around it ("Wakapolres X bersama Kabag Ops Y
    melakukan pemeriksaan"): they were together, even without a word naming the event."""
    out = []
    for cue in sent.live("with"):
        before = [m for m in here if 0 <= cue.start - m[1] <= windows.role_before]
        after = [m for m in here if 0 <= m[0] - cue.end <= windows.role_before]
        if before and after and before[-1][2] != after[0][2]:
            out.append(Cue("event", "acara", cue.start, cue.end))
    return out


def absent_of(cues: list[Cue], mentions: list[tuple[int, int, int]], text: str,
              windows: Windows = WINDOWS, titles: dict[int, list[tuple[int, int]]] | None = None) -> dict[int, str]:
    """Starts of the mentions a sentence says were not there: represented ("mewakili X",
    "X melalui Y", "X diwakili"), excused ("berhalangan") or only sending a message ("pesan dari X").

    Only those mentions are dropped: the same person may be named elsewhere at the event, as a
    spokesman speaks "mewakili Kapolda" who is there. `mentions` are the sentence's, sorted.
    Each start maps to its cue's value: "mention" where the official is only named as the owner
    of a policy, "" where someone else stood in for them. `titles` (official -> spans of the titles
    the text gives them) keep an owner cue from reaching past another noun: in "pembaca visi misi
    Riau Kadis Perindustrian X" the vision is Riau's, not X's."""
    out: dict[int, str] = {}
    starts = [m[0] for m in mentions]
    for cue in cues:
        if cue.cls == "absent_before":
            after = within(mentions, starts, cue.end, cue.end + windows.absent)
            if after and not (cue.value == "mention" and titled_apart(text, cue.end, after[0], titles or {})):
                out[after[0][0]] = cue.value
        elif cue.cls == "absent_after" and (cue.value != "by" or REPRESENTATIVE.match(text, cue.end)):
            before = [m for m in within(mentions, starts, cue.start - windows.absent - 200, cue.start)
                      if cue.start - windows.absent < m[1] <= cue.start]
            # "X melalui Y", not "X mengatakan melalui momentum ini": no verb of X's own between.
            if before and not VERB_BETWEEN.search(text, before[-1][1], cue.start):
                out[max(before, key=lambda m: m[1])[0]] = cue.value
    return out


def titled_apart(text: str, pos: int, mention: tuple[int, int, int], titles: dict[int, list[tuple[int, int]]]) -> bool:
    """The official's own title stands between pos and the mention, after a name of its own
    ("visi misi Riau Kadis X": the vision is Riau's). Not when the title follows right away or
    after plain words ("kebijakan Gubernur Riau X", "kepemimpinannya bersama Wakil Gubernur X")."""
    spans = [(s, e) for s, e in titles.get(mention[2], []) if pos <= s and e <= mention[0]]
    return bool(spans) and all(re.search(r"\b[A-Z]", text[pos:s]) for s, _ in spans)


def speaker_of(sent: SentenceView, mentions: list[tuple[int, int, int]], text: str,
               windows: Windows = WINDOWS) -> set[int]:
    """Officials who speak in a sentence: named just before a speech verb, or after 'ujar'."""
    speakers = set()
    for cue in sent.live("speech"):
        before = [m for m in mentions if m[1] <= cue.start and cue.start - m[1] <= windows.speaker]
        # "kata Kepala Bidang ... Kota Salatiga, Sutopo": the speaker's title may come first.
        after = [m for m in mentions if m[0] >= cue.end and m[0] - cue.end <= windows.speaker * 2
                 and not re.search(r"[.;!?\"“”]", text[cue.end:m[0]])]
        # "Sekda Ridwan menyampaikan jawaban wali kota": a verb with its own prefix follows its speaker;
        # "kata Kepala Bidang ..., Sutopo" names the speaker after the word.
        verb = re.match(r"(?:me|ber)", text[cue.start:cue.end], re.IGNORECASE) is not None
        # A passive one names its speaker only after it: "Dalam amanat Gubernur X tersebut disampaikan
        # bahwa ..." says nothing of who spoke, "hal itu disampaikan oleh Kabid Y" names Y.
        passive = re.match(r"di", text[cue.start:cue.end], re.IGNORECASE) is not None
        if before and not passive and (verb or not after):
            speakers.add(before[-1][2])
        elif after:
            speakers.add(after[0][2])
    return speakers


def nearest_date(dates: list[dict], pos: int) -> dict | None:
    """The day-precise date written nearest to a position; a stated date wins over a relative one."""
    days = [d for d in dates if d.get("granularity") in ("day", "range")
            or re.fullmatch(r"[\dX]{4}-\d\d-\d\d.*", d.get("value") or "")]
    candidates = [d for d in days if d.get("value")] or days
    return min(candidates, key=lambda d: abs(d.get("start", 0) - pos), default=None)


def place_in(text: str, spans: list[tuple[int, int]]) -> str | None:
    """The first 'di <Capitalized place>' in the evidence sentences."""
    for s, e in spans:
        m = PLACE_RE.search(text, s, e)
        if m:
            return m.group(1).rstrip(" ,.")
    return None


def planned(sent: SentenceView, here: list[tuple[int, int, int]], text: str, windows: Windows = WINDOWS) -> set[int]:
    """Starts of the mentions a plan speaks of: the one written right before "akan"/"dijadwalkan"
    with nothing but plain words between ("Presiden X akan berkunjung", "Kedatangan X dikabarkan
    akan ..."), and the one a planning noun phrase names ("persiapan kunjungan kerja Presiden X")."""
    out = set()
    for cue in (c for c in sent.cues if c.cls == "plan"):  # each voids its own start: not live()
        before = [m for m in here if m[1] <= cue.start]
        if before:
            m = before[-1]
            gap = text[m[1]:cue.start]
            if len(gap) <= windows.absent and not re.search(r"[,;.:]", gap) \
                    and not any(m[1] <= c.start < cue.start for c in sent.cues if c.cls != "plan"):
                out.add(m[0])
    for cue in sent.live("plan_np"):
        after = [m for m in here if cue.end <= m[0] <= cue.end + windows.role_after]
        if after and not re.search(r"[.;]", text[cue.end:after[0][0]]):
            out.add(after[0][0])
    return out


def turns_to_another_event(sent: SentenceView, text: str) -> bool:
    """A sentence or clause opened by a connective that turns to another event, followed by a comma:
    "Sebelumnya, setiba di Palembang, Pj Gubernur A meninjau ...", "Diketahui, Mendagri B melantik A",
    "Bupati A menambahkan, beberapa waktu lalu, pihaknya berdialog dengan wakilnya, C"."""
    return any(re.search(r"(?:^|,)\W*(?:\w+\s+)?$", text[sent.start:c.start])
               and re.match(r"\s*,", text[c.end:sent.end]) for c in sent.live("turn"))


def fold_retold(episodes: list[Episode]) -> list[Episode]:
    """Episodes opened by a turn that name nobody new are the event already told, from its start
    ("Sebelumnya, A mendengarkan paparan B" where A and B met): they join the episode before."""
    out: list[Episode] = []
    for ep in episodes:
        if ep.turned and out and ep.present.keys() <= out[-1].present.keys():
            prev = out[-1]
            for idx, role in ep.present.items():
                if prev.present.get(idx) is None:
                    prev.present[idx] = role
            prev.anchored |= ep.anchored
            prev.evidence += ep.evidence
            prev.remote = prev.remote or ep.remote
        else:
            out.append(ep)
    return out


def continues_list(text: str, sent: SentenceView, here: list[tuple[int, int, int]]) -> bool:
    """A sentence that only names officials, with no predicate of its own: one more line of the
    list the sentence before began ("Tampak hadir Bupati A beserta istri." / "Wakil Bupati B
    beserta istri." / "Ketua DPRD C.")."""
    if sent.end - sent.start > LIST_LINE or any(c.cls in ("speech", "event") for c in sent.cues):
        return False
    rest, pos = [], sent.start
    for s, e, _ in here:
        rest.append(text[pos:s])
        pos = max(pos, e)
    rest.append(text[pos:sent.end])
    words = re.findall(r"[a-z]+", " ".join(rest))
    return not any(VERB_BETWEEN.fullmatch(w) and w not in LIST_WORDS for w in words)


def find_meetings(
    text: str,
    officials: list[dict],
    dates: list[dict],
    sentences: list[tuple[int, int]] | None = None,
    windows: Windows = WINDOWS,
    lemmas: dict[int, str] | None = None,
    presence: Presence | None = None,
) -> list[dict]:
    """Return one record `meetings` entry per event where named officials were together.

    `lemmas` (a word's start offset -> the model's lemma) add the model's reading of a word to
    the affix rules that put it in a cue family. `presence` may revise who attended each event
    the rules found before the meetings are written (the learned model, meetings_presence.py)."""
    if len(officials) < 2:
        return []
    sentences = merge_false_splits(text, split_at_lines(text, sentences or split_sentences(text)))
    quotes = quoted_spans(text)
    every = sorted((m["start"], m["end"], idx) for idx, o in enumerate(officials) for m in o.get("mentions", []))
    starts = [m[0] for m in every]
    views = [view(text, start, end, quotes, lemmas) for start, end in sentences]
    titles = {idx: [(p["start"], p["end"]) for p in o.get("positions", []) if "start" in p]
              for idx, o in enumerate(officials)}
    absent = {pos: why for sent in views
              for pos, why in absent_of(sent.every, within(every, starts, sent.start, sent.end), text, windows,
                                        titles).items()}
    # An official whose speech is read out or who is represented was not there, even when quoted.
    represented = {m[2] for m in every if absent.get(m[0], "mention") != "mention"}
    mentions = [m for m in every if not inside(m[0], quotes) and m[0] not in absent]
    mention_starts = [m[0] for m in mentions]
    days = day_dates(dates)
    episodes = [Episode()]
    event_type = None  # the first event the article names: the type of an episode that names none
    listing = False  # the sentence before named officials at the event: a list may go on
    for sent in views:
        here = [m for m in within(mentions, mention_starts, sent.start, sent.end) if not in_void(m[0], sent.void)]
        plans = planned(sent, here, text, windows)
        here = [m for m in here if m[0] not in plans]
        events = sent.live("event") or together(sent, here, windows)
        line_of_list = not events and listing and continues_list(text, sent, here)
        if line_of_list and here:
            events = [Cue("event", "acara", sent.start, sent.start)]
        # A line naming someone who is no official ("Setda Sumenep Ir. Edy Rasyadi") keeps the list going.
        # A presence cue without names yet ("Turut hadir dalam pertemuan ini:") opens a list too.
        listing = bool(events and (here or any(c.cls == "before" for c in sent.live("before")))) or line_of_list
        if events:
            event_type = event_type or min(events, key=lambda c: c.start).value
        day = day_in(days, sent.start, sent.end)
        if day and episodes[-1].day and days_between(day, episodes[-1].day) > BACKGROUND_DAYS:
            continue  # an event long before the one reported ("ditandatangani ... tanggal 19 Mei 2021") is background
        if events and here and episodes[-1].present and turns_to_another_event(sent, text):
            episodes.append(Episode(turned=True))  # "Sebelumnya, ...": another event, unless it names no one new
        if events and here and day and episodes[-1].day and day != episodes[-1].day and episodes[-1].present:
            episodes.append(Episode())  # an event on another day is another meeting
        episode = episodes[-1]
        episode.day = episode.day or (day if events and here else None)
        episode.remote = episode.remote or bool(sent.live("remote") and (events or here))
        if events and here:
            episode.event_type = episode.event_type or min(events, key=lambda c: c.start).value
            earlier: list[tuple[tuple[int, int], str | None]] = []
            for s, e, idx in here:
                role = role_of((s, e), sent, earlier, text, [(m[0], m[1]) for m in here], windows)
                earlier.append(((s, e), role))
                episode.anchored.add(idx)
                # The first mention a cue speaks for decides; a bare presence stays open, and so does
                # a speech quoted before the sentence that says what the speaker did ("memimpin rapat").
                known = episode.present.get(idx)
                if idx not in episode.present or known is None or known == "speaker" and role is not None:
                    episode.present[idx] = role
            episode.evidence.append((sent.start, sent.end))
        elif here:
            for idx in speaker_of(sent, here, text, windows) - represented:
                if episode.present.get(idx) is None:
                    episode.present[idx] = "speaker"
                episode.evidence.append((sent.start, sent.end))
    if event_type is None:
        return []
    episodes = fold_retold(episodes)
    if presence is not None:
        episodes = presence(text, officials, episodes, views)
    return [meeting_record(text, officials, dates, ep, event_type) for ep in episodes if len(ep.attending()) >= 2]


@dataclass
class Episode:
    """One event of an article: who was there in what role, and the sentences that say so."""

    present: dict[int, str | None] = field(default_factory=dict)
    anchored: set[int] = field(default_factory=set)  # named in a sentence about the event, not only quoted
    evidence: list[tuple[int, int]] = field(default_factory=list)
    event_type: str | None = None
    day: str | None = None
    remote: bool = False
    turned: bool = False  # opened by a sentence that turns to another event ("Sebelumnya, ...")

    def attending(self) -> dict[int, str | None]:
        """The participants: at a video conference only those it places there, not every official
        quoted in the article, as each may have spoken from their own office."""
        if self.remote:
            return {idx: role for idx, role in self.present.items() if idx in self.anchored}
        return self.present


# Revises the episodes of an article: (text, officials, episodes, sentence views) -> episodes.
Presence = Callable[[str, list[dict], list[Episode], list[SentenceView]], list[Episode]]


def day_dates(dates: list[dict]) -> list[tuple[int, str]]:
    """(start, value) of the dates that name one day, in text order."""
    return sorted((d.get("start", 0), d["value"]) for d in dates
                  if re.fullmatch(r"\d{4}-\d\d-\d\d", d.get("value") or ""))


def days_between(earlier: str, later: str) -> int:
    """Days from one ISO date to a later one (negative when it is not later; 0 for an impossible date)."""
    try:
        return (date.fromisoformat(later) - date.fromisoformat(earlier)).days
    except ValueError:
        return 0


def day_in(days: list[tuple[int, str]], start: int, end: int) -> str | None:
    """The first one-day date written in [start, end)."""
    k = bisect_left(days, (start, ""))
    return days[k][1] if k < len(days) and days[k][0] < end else None


def meeting_record(text: str, officials: list[dict], dates: list[dict], episode: Episode, event_type: str) -> dict:
    """The record `meetings` entry of one episode."""
    evidence = sorted(set(episode.evidence))
    when = nearest_date(dates, evidence[0][0])
    return {
        "type": episode.event_type or event_type,
        "event": None,
        "participants": [{"name": officials[idx]["name"], "role": role or "attendee"}
                         for idx, role in sorted(episode.attending().items())],
        "date": (when.get("value") or when.get("resolved")) if when else None,
        "date_text": when.get("text") if when else None,
        "place": place_in(text, evidence),
        "evidence": [{"text": text[s:e], "start": s, "end": e} for s, e in evidence],
    }


# --- spaCy component -------------------------------------------------------------------
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from .extensions import doc_text, ensure_extensions, lemmas_by_offset  # noqa: E402


class MeetingsComponent:
    """Sets doc._.meetings from doc._.officials, doc._.dates and the model's lemmas."""

    def __init__(self, windows: Windows = WINDOWS) -> None:
        self.windows = windows

    def __call__(self, doc: Doc) -> Doc:
        # The sentences are warta's own (split_sentences), not the model's: they score the same
        # as the parser's on dev and dev2, so the default path runs no parser, and a record does
        # not change with the backend's or `--analysis full`'s sentence bounds.
        lemmas = None
        if doc.has_annotation("LEMMA"):
            lemmas = lemmas_by_offset(doc)
        doc._.meetings = find_meetings(doc_text(doc), doc._.officials or [], doc._.dates or [], None,
                                       self.windows, lemmas)
        return doc


@Language.factory("warta_meetings", default_config={
    "speaker_window": WINDOWS.speaker, "absent_window": WINDOWS.absent,
    "role_window_before": WINDOWS.role_before, "role_window_after": WINDOWS.role_after,
})
def make_meetings_component(nlp: Language, name: str, speaker_window: int, absent_window: int,
                            role_window_before: int, role_window_after: int) -> MeetingsComponent:
    """Build the warta_meetings component with its cue-to-name windows (in characters)."""
    ensure_extensions()
    return MeetingsComponent(Windows(speaker_window, absent_window, role_window_before, role_window_after))
