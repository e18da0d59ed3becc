"""Numbered, lettered, bulleted, ordinal and counted task lists (issue 5).

Four finders each propose lists over the cleaned text; overlapping proposals are resolved
in favour of the more explicit layout (marker lines, then inline numbers, then ordinal
words, then counted prose series). Every item keeps character offsets into the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

# A count above this is a quantity ("45 program kerja"), not the length of a list.
MAX_COUNT = 20
# How many sentences an ordinal run may skip between two of its markers.
ORDINAL_GAP = 3
# How many paragraphs a run may skip before a marker that opens a paragraph ("Keempat, ...").
ORDINAL_PARAGRAPH_GAP = 2
# Counted prose series with more pieces than this are not split (combinatorial guard).
MAX_SEGMENTS = 40


# --- vocabularies ------------------------------------------------------------------------

def data_rows(name: str) -> list[list[str]]:
    """Rows of a TSV data file, without comment lines and the header."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return rows[1:]


@cache
def cues() -> dict[str, frozenset[str]]:
    """List cue words by kind (introducer, closer, connector, ...)."""
    kinds: dict[str, set[str]] = {}
    for cue, kind in data_rows("lists_cues.tsv"):
        kinds.setdefault(kind, set()).add(cue)
    return {kind: frozenset(words) for kind, words in kinds.items()}


def cue_set(kind: str) -> frozenset[str]:
    """The cue words of one kind."""
    return cues().get(kind, frozenset())


@cache
def number_words() -> tuple[dict[str, int], dict[str, int]]:
    """(cardinal word -> value, ordinal word -> value) from number_words.tsv."""
    cardinals, ordinals = {}, {}
    for value, cardinal, ordinal in data_rows("number_words.tsv"):
        cardinals[cardinal] = int(value)
        for form in ordinal.split("|"):
            ordinals[form] = int(value)
    return cardinals, ordinals


def alternation(words: frozenset[str] | set[str] | dict) -> str:
    """A regex alternation of words, longest first, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def ordinal_regex() -> re.Pattern:
    """Ordinal words as whole words: pertama, kedua, ke-3, kedua belas ..."""
    return re.compile(rf"(?<![\w-])({alternation(number_words()[1])})(?![\w-])", re.IGNORECASE)


@cache
def count_regex() -> re.Pattern:
    """A count before a noun: "enam konsep", "6 program", "Keempat pejabat"."""
    cardinals, ordinals = number_words()
    both_forms = {w for w in ordinals if not w.startswith("ke-") and w not in {"pertama", "kesatu"}}
    words = alternation(set(cardinals) | both_forms)
    return re.compile(rf"(?<![\w.,-])(?:({words})|(\d{{1,2}}))\s+([A-Za-z][\w-]*)", re.IGNORECASE)


@cache
def introducer_regex() -> re.Pattern:
    """Words that open a series after its announcement: yakni, antara lain, meliputi ..."""
    return re.compile(rf"(?<!\w)({alternation(cue_set('introducer'))})(?!\w)\s*[:;,]?", re.IGNORECASE)


@cache
def abbreviations() -> frozenset[str]:
    """Lower-cased abbreviations whose period does not end a sentence."""
    path = DATA / "tokenizer_abbreviations.txt"
    words = {"no", "nomor", "rp", "dr", "drs", "ir", "h", "hj", "prof", "st", "jl", "kab", "kec", "kel"}
    if path.exists():  # shared with the tokenizer; the fallback keeps lists usable without it
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                words.add(line.strip().rstrip(".").lower())
    return frozenset(words)


def number_value(word: str) -> int | None:
    """The value of a cardinal or ordinal number word or of digits, else None."""
    cardinals, ordinals = number_words()
    key = re.sub(r"\s+", " ", word.lower())
    if key.isdigit():
        return int(key)
    return cardinals.get(key) or ordinals.get(key)


# --- spans -------------------------------------------------------------------------------

@dataclass
class Item:
    """One list item: its number and the span of its text."""

    n: int
    start: int
    end: int


@dataclass
class Proposal:
    """A list found by one finder, before intro and count are settled."""

    style: str
    items: list[Item]
    intro: tuple[int, int] | None = None
    declared_count: int | None = None
    extra: dict = field(default_factory=dict)

    @property
    def start(self) -> int:
        """Where the first item begins."""
        return self.items[0].start

    @property
    def end(self) -> int:
        """Where the last item ends."""
        return self.items[-1].end


def trim(text: str, start: int, end: int, chars: str = " \t\r\n") -> tuple[int, int]:
    """Shrink a span past leading and trailing characters in chars."""
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def is_sentence_period(text: str, i: int) -> bool:
    """Whether the period at i ends a sentence (not an abbreviation, initial or decimal)."""
    word = re.search(r"([\w.]*)$", text[max(0, i - 20):i]).group(1)
    if word.lower().rstrip(".") in abbreviations():
        return False
    if len(word) == 1 and word.isupper():  # an initial: "Choiruman J. Putro"
        return False
    nxt = text[i + 1:i + 3]
    return not (nxt[:1].isdigit() or nxt[:1].isalpha())


def newline_ends_sentence(text: str, i: int) -> bool:
    """Whether the line break at i ends a sentence (news text may wrap lines mid-sentence)."""
    before = text[:i].rstrip(" \t")
    after = text[i + 1:].lstrip(" \t")
    if not before or not after or after.startswith("\n") or before.endswith("\n"):
        return True
    if before[-1] in '.!?:;"”’)':
        return True
    return not after[0].islower()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentence spans of text, trimmed of whitespace."""
    spans, start = [], 0
    for m in re.finditer(r"[.!?]+[\"”’)]*(?=\s|$)|\n", text):
        if m.group() == "\n":
            if not newline_ends_sentence(text, m.start()):
                continue
            end = m.start()
        else:
            if m.group()[0] == "." and len(m.group()) == 1 and not is_sentence_period(text, m.start()):
                continue
            end = m.end()
        s, e = trim(text, start, end)
        if e > s:
            spans.append((s, e))
        start = m.end()
    s, e = trim(text, start, len(text))
    if e > s:
        spans.append((s, e))
    return spans


def sentence_index(spans: list[tuple[int, int]], pos: int) -> int:
    """Index of the sentence that contains (or follows) position pos."""
    for i, (_, end) in enumerate(spans):
        if pos < end:
            return i
    return len(spans) - 1


def clean_item(text: str, start: int, end: int, drop_tail_connector: bool = False) -> tuple[int, int]:
    """Item span without leading fillers, trailing punctuation and (inline) trailing 'dan'."""
    start, end = trim(text, start, end, " \t\r\n,;:.-–—")
    fillers = alternation(cue_set("filler"))
    m = re.match(rf"(?:{fillers})(?!\w)[\s,:;]*", text[start:end], re.IGNORECASE)
    if m and m.end() < end - start:
        start += m.end()
    for _ in range(2):
        if drop_tail_connector:
            tail = re.search(rf"[\s,;]+(?:{alternation(cue_set('connector'))})$", text[start:end], re.IGNORECASE)
            if tail:
                end = start + tail.start()
        start, end = trim(text, start, end, " \t\r\n,;:.")
    return start, end


# --- marker lines: "1. …", "a) …", "II. …", "• …" ------------------------------------------

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
         "xi": 11, "xii": 12}
BULLETS = "-•·*–—▪●◦»►✓"
MARKER = re.compile(
    rf"""[ \t]*(?:
        \((?P<pnum>\d{{1,2}})\)[ \t]*
      | (?P<num>\d{{1,2}})[ \t]*[.)][ \t]+
      | \(?(?P<let>[a-zA-Z])[.)][ \t]+
      | \(?(?P<rom>[ivxIVX]{{1,4}})[.)][ \t]+
      | (?P<bul>[{re.escape(BULLETS)}])[ \t]*
    )(?=\S)""",
    re.VERBOSE,
)


def marker_readings(m: re.Match) -> list[tuple[str, int]]:
    """The (style, value) readings of a marker: "i." may be a letter or a roman one."""
    readings = []
    if m.group("num") or m.group("pnum"):
        readings.append(("numbered", int(m.group("num") or m.group("pnum"))))
    if m.group("let"):
        readings.append(("lettered", ord(m.group("let").lower()) - ord("a") + 1))
    roman = (m.group("rom") or m.group("let") or "").lower()
    if roman in ROMAN:
        readings.append(("roman", ROMAN[roman]))
    if m.group("bul"):
        readings.append(("bulleted", 0))
    return readings


def is_false_marker(text: str, m: re.Match) -> bool:
    """Markers that start ordinary lines: "1. Januari", "5.000 orang", "- Dilihat 1964 Kali"."""
    rest = text[m.end():m.end() + 30]
    if (m.group("num") or m.group("pnum")) and re.match(r"\d", rest):
        return True
    if m.group("num") and month_regex().match(rest):
        return True
    return False


@cache
def month_regex() -> re.Pattern:
    """Month names (from the dates helper's vocabulary) at the start of a string."""
    path = DATA / "dates_months.tsv"
    names = {"januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
             "oktober", "november", "desember"}
    if path.exists():
        names |= {row[0] for row in data_rows("dates_months.tsv") if row and len(row[0]) > 3}
    return re.compile(rf"(?:{alternation(names)})\b", re.IGNORECASE)


def line_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of every line, without its line break."""
    start = 0
    for line in text.split("\n"):
        yield start, start + len(line)
        start += len(line) + 1


def marker_lines(text: str) -> list[tuple[int, int, re.Match | None]]:
    """Every line with its marker match (None for an unmarked line)."""
    out = []
    for start, end in line_spans(text):
        m = MARKER.match(text, start, end)
        if m and is_false_marker(text, m):
            m = None
        out.append((start, end, m))
    return out


def find_line_lists(text: str) -> list[Proposal]:
    """Lists laid out one item per line with a number, letter, roman numeral or bullet."""
    lines = marker_lines(text)
    found: list[Proposal] = []
    i = 0
    while i < len(lines):
        run = line_run(text, lines, i)
        if run:
            found.append(run[0])
            i = run[1]
        else:
            i += 1
    return found


def line_run(text: str, lines: list, i: int) -> tuple[Proposal, int] | None:
    """The list that starts at line i, with the index after its last line, or None."""
    m = lines[i][2]
    if not m:
        return None
    for style, first in marker_readings(m):
        if style != "bulleted" and first != 1:
            continue
        items, j, value = [], i, first
        last_item_line = i
        while j < len(lines):
            start, end, mj = lines[j]
            if mj is None:
                if not text[start:end].strip():
                    j += 1
                    continue
                break
            reading = dict(marker_readings(mj))
            if style not in reading or (style != "bulleted" and reading[style] != value):
                break
            items.append(Item(len(items) + 1, *clean_item(text, mj.end(), end)))
            last_item_line, value, j = j, value + 1, j + 1
        items = [it for it in items if it.end > it.start]
        if len(items) >= 2:
            return Proposal(style, items, extra={"marker_start": lines[i][0]}), last_item_line + 1
    return None


# --- inline numbers: "…, yakni; 1. Penguatan … 2. Pengembangan …" -------------------------

INLINE = re.compile(r"(?:(?<=^)|(?<=[\s;:,(]))(?:\((\d{1,2})\)|(\d{1,2})[.)])[ \t]+(?=[^\W\d])", re.MULTILINE)


def find_inline_lists(text: str) -> list[Proposal]:
    """Numbered items run together inside one paragraph."""
    found = []
    for start, end in line_spans(text):
        marks = [m for m in INLINE.finditer(text, start, end) if not inline_false(text, m, start)]
        i = 0
        while i < len(marks):
            if int(marks[i].group(1) or marks[i].group(2)) != 1:
                i += 1
                continue
            run = [marks[i]]
            for m in marks[i + 1:]:
                if int(m.group(1) or m.group(2)) == len(run) + 1:
                    run.append(m)
            if len(run) >= 2:
                bounds = [m.end() for m in run]
                stops = [m.start() for m in run[1:]] + [sentence_end_after(text, run[-1].end(), end)]
                items = [Item(k + 1, *clean_item(text, b, s, drop_tail_connector=True))
                         for k, (b, s) in enumerate(zip(bounds, stops, strict=True))]
                found.append(Proposal("numbered", items, extra={"marker_start": run[0].start()}))
                i = marks.index(run[-1]) + 1
            else:
                i += 1
    return found


def inline_false(text: str, m: re.Match, line_start: int) -> bool:
    """Numbers that only look like inline markers: "No. 1", "Rp 1.500", "1. Januari"."""
    before = text[max(line_start, m.start() - 12):m.start()].lower()
    if re.search(r"(no|nomor|nomer|rp|pukul|jam|tahun|ke|nomor urut|juara|peringkat)\.?\s*$", before):
        return True
    return bool(month_regex().match(text, m.end()))


def sentence_end_after(text: str, pos: int, limit: int) -> int:
    """End of the sentence running from pos, not beyond limit."""
    for m in re.finditer(r"[.!?](?=\s|$)", text[pos:limit]):
        if is_sentence_period(text, pos + m.start()) or m.group() != ".":
            return pos + m.start()
    return limit


# --- ordinal words across sentences: "pertama, … Kedua, … Dan keenam, …" ------------------

@dataclass
class Marker:
    """An ordinal marker: value, span of the marker words, and whether it opens a sentence."""

    value: int
    start: int
    end: int
    strong: bool


def ordinal_markers(text: str, spans: list[tuple[int, int]]) -> list[Marker]:
    """Ordinal words placed as list markers (not "hari pertama", "pertama kali")."""
    connectors, nouns = cue_set("connector"), cue_set("marker_noun")
    heads, intros = cue_set("ordinal_head"), cue_set("introducer")
    out = []
    for m in ordinal_regex().finditer(text):
        value = number_value(m.group(1))
        s_start, _ = spans[sentence_index(spans, m.start())]
        prefix = text[s_start:m.start()]
        words = re.findall(r"[\w-]+", prefix.lower())
        after = text[m.end():m.end() + 20]
        if re.match(r"\s*(kali|kalinya|dan|atau|-|nya|belas|puluh)\b", after, re.IGNORECASE):
            continue
        if re.match(r"\s*(tersebut|itu|ini)\b", after, re.IGNORECASE):
            continue
        if all(w in connectors or w in nouns for w in words):
            out.append(Marker(value, m.start(), m.end(), strong=True))
            continue
        last = words[-1] if words else ""
        if last not in heads and copula_regex().match(text, m.end()):
            # "Sapta Cita pertama adalah ...": an ordinal that a copula defines is a marker
            out.append(Marker(value, m.start(), m.end(), strong=value > 1))
            continue
        tail = prefix.rstrip()
        if tail.endswith((",", ";", ":")) or last in connectors or " ".join(words[-2:]) in intros or last in intros:
            out.append(Marker(value, m.start(), m.end(), strong=True))
        elif value == 1 and looks_like_verb(last) and last not in heads:
            out.append(Marker(value, m.start(), m.end(), strong=False))
    return out


@cache
def copula_regex() -> re.Pattern:
    """A copula right after an ordinal word: "pertama adalah", "kedua yaitu"."""
    return re.compile(rf"\s*(?:{alternation(cue_set('copula'))})(?!\w)", re.IGNORECASE)


def paragraph_gap(text: str, first: int, second: int) -> int | None:
    """Paragraphs between two positions when second opens its line, else None."""
    if text[text.rfind("\n", 0, second) + 1:second].strip():
        return None
    lines = [line for line in text[first:second].split("\n")[1:] if line.strip()]
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
        if first.value != 1 or k in used:
            continue
        run = [first]
        for j in range(k + 1, len(markers)):
            nxt = markers[j]
            gap = sentence_index(spans, nxt.start) - sentence_index(spans, run[-1].start)
            paragraphs = paragraph_gap(text, run[-1].start, nxt.start)
            near = gap <= ORDINAL_GAP or (paragraphs is not None and paragraphs <= ORDINAL_PARAGRAPH_GAP)
            if nxt.value == run[-1].value + 1 and near and nxt.strong:
                run.append(nxt)
                used.add(j)
            elif nxt.value == 1:
                break
        if len(run) >= 2 and not run[1].strong:
            continue
        proposal = ordinal_proposal(text, spans, run)
        if proposal and len(proposal.items) >= 2:
            found.append(proposal)
    return found


def ordinal_proposal(text: str, spans: list[tuple[int, int]], run: list[Marker]) -> Proposal | None:
    """Items of an ordinal run, extended by 'Selanjutnya' / closed by 'terakhir' sentences."""
    items = []
    for i, mk in enumerate(run):
        s_idx = sentence_index(spans, mk.start)
        stop = spans[s_idx][1]
        inline_next = i + 1 < len(run) and run[i + 1].start < stop
        if inline_next:
            stop = run[i + 1].start
        items.append(Item(mk.value, *clean_item(text, mk.end, stop, drop_tail_connector=inline_next)))
    last_sentence = sentence_index(spans, run[-1].start)
    extra = closing_items(text, spans, last_sentence, len(run))
    items += extra
    if len(run) == 1 and not extra:
        return None
    intro = ordinal_intro(text, spans, run[0])
    return Proposal("ordinal", [it for it in items if it.end > it.start], intro=intro)


def closing_items(text: str, spans: list[tuple[int, int]], last: int, count: int) -> list[Item]:
    """Items after the numbered run: a 'Selanjutnya,' sentence and a closing 'terakhir' one."""
    connectors = alternation(cue_set("connector"))
    continuer = re.compile(rf"(?:(?:{connectors})[\s,]+)*(?:{alternation(cue_set('continuer'))})\s*,\s*", re.IGNORECASE)
    closer = re.compile(rf"(?:(?:{connectors}|{alternation(cue_set('marker_noun'))})[\s,]+)*"
                        rf"(?:{alternation(cue_set('closer'))})\b[\s,:]*", re.IGNORECASE)
    items: list[Item] = []
    idx = last + 1
    if count == 1 and idx < len(spans):
        s, e = spans[idx]
        m = continuer.match(text, s, e)
        if not m:
            return []
        items.append(Item(count + 1, *clean_item(text, m.end(), e)))
        idx += 1
    for j in range(idx, min(idx + ORDINAL_GAP, len(spans))):
        s, e = spans[j]
        m = closer.match(text, s, e)
        if m:
            items.append(Item(count + len(items) + 1, *clean_item(text, m.end(), e)))
            break
    return items


def ordinal_intro(text: str, spans: list[tuple[int, int]], first: Marker) -> tuple[int, int] | None:
    """The clause before a mid-sentence first marker, else the sentence before the run."""
    idx = sentence_index(spans, first.start)
    s, _ = spans[idx]
    head = clean_intro(text, s, first.start)
    if head[1] - head[0] > 3 and not re.fullmatch(r"[\w-]+", text[head[0]:head[1]]):
        return head
    if idx > 0:
        return clean_intro(text, *spans[idx - 1])
    return None


def clean_intro(text: str, start: int, end: int) -> tuple[int, int]:
    """An intro span without trailing punctuation and trailing connectors."""
    start, end = trim(text, start, end, " \t\r\n,;:.")
    tail = re.search(rf"[\s,]+(?:{alternation(cue_set('connector'))})$", text[start:end], re.IGNORECASE)
    if tail:
        end = start + tail.start()
    return trim(text, start, end, " \t\r\n,;:.")


# --- counted prose series: "memiliki 6 program prioritas, yakni a, b, dan c" --------------

SEPARATOR = re.compile(r"\s*(?:,\s*(?:dan|serta)\s+|\s(?:dan|serta)\s+|[,;]\s*)", re.IGNORECASE)
DEGREE_LIKE = re.compile(r"^(?:[A-Z]{1,3}|[A-Za-z]{1,3}\.[A-Za-z.]{1,5})$")


def declared_count(text: str, start: int, end: int) -> int | None:
    """The list length announced in a span ("enam konsep dasar", "4 poin"), else None."""
    units, heads = cue_set("count_unit"), cue_set("ordinal_head")
    value = None
    for m in count_regex().finditer(text, start, end):
        noun = m.group(3).lower()
        if noun in units or (m.group(2) and text[m.end(2):m.end(2) + 1] in ".,"):
            continue
        before = re.findall(r"[\w-]+", text[max(start, m.start() - 20):m.start()].lower())
        if m.group(1) and m.group(1).lower().startswith("ke") and before and before[-1] in heads:
            continue  # "di periode kedua jabatan": an ordinal after its head noun, not "kedua pejabat"
        n = number_value(m.group(1) or m.group(2))
        if n and 2 <= n <= MAX_COUNT:
            value = n
    return value


def top_level_separators(text: str, start: int, end: int) -> list[re.Match]:
    """Separators of a series outside parentheses and quotes."""
    depth, out = 0, []
    opens, closes = "([{“", ")]}”"
    seps = {m.start(): m for m in SEPARATOR.finditer(text, start, end)}
    for i in range(start, end):
        ch = text[i]
        if ch in opens:
            depth += 1
        elif ch in closes:
            depth = max(0, depth - 1)
        elif depth == 0 and i in seps and (not out or i >= out[-1].end()):
            out.append(seps[i])
    return out


def item_score(piece: str, first_word: str, first_piece: str) -> float:
    """How plausible a piece of a series is as one item (parallel to the first item)."""
    words = piece.split()
    if not words:
        return -9.0
    score = 0.0
    if len(first_piece.split()) == 1 and len(words) > 1:
        score -= 1.5  # "sosial, serta penyediaan ...": a lone word closes the previous item
    if DEGREE_LIKE.match(words[0].rstrip(",")):
        score -= 5.0
    if len(words) == 1:
        score -= 2.0
    head = words[0].lower()
    if head[:3] == first_word.lower()[:3] or head == first_word.lower():
        score += 0.5
    if words[0][:1].isupper() != first_word[:1].isupper():
        score -= 0.5
    return score


def boundary_score(sep: str, is_last: bool) -> float:
    """A separator's fitness as the boundary between two items (the last one takes 'dan')."""
    conj = bool(re.search(r"\b(dan|serta)\b", sep, re.IGNORECASE))
    comma = "," in sep or ";" in sep
    if conj:
        return (1.0 if comma else 0.5) if is_last else (-1.0 if comma else -1.5)
    return -0.5 if is_last else 0.0


def split_series(text: str, start: int, end: int, count: int) -> list[tuple[int, int]] | None:
    """Split a prose series into exactly count items, or None when it cannot be done well."""
    seps = top_level_separators(text, start, end)
    if len(seps) + 1 < count or len(seps) + 1 > MAX_SEGMENTS:
        return None
    bounds = [start] + [m.end() for m in seps]
    stops = [m.start() for m in seps] + [end]
    n = len(bounds)
    if n == count and not any(DEGREE_LIKE.match(text[b:e].strip()) for b, e in zip(bounds, stops, strict=True)):
        return list(zip(bounds, stops, strict=True))  # as many pieces as announced: "E-Office, E-Agenda dan Si Jamed"
    first_word = text[bounds[0]:stops[0]].split()[0] if text[bounds[0]:stops[0]].split() else ""
    best: dict[tuple[int, int], tuple[float, list[int]]] = {(0, 0): (0.0, [])}
    # best[(i, k)]: best score grouping pieces [0, i) into k items, with item start indexes.
    for k in range(1, count + 1):
        for i in range(1, n + 1):
            cands = []
            for j in range(0, i):
                if (j, k - 1) not in best:
                    continue
                score, starts = best[(j, k - 1)]
                piece = text[bounds[j]:stops[i - 1]]
                s = score + item_score(piece, first_word, text[bounds[j]:stops[j]])
                if j > 0:
                    s += boundary_score(seps[j - 1].group(), is_last=(k == count))
                cands.append((s, starts + [j]))
            if cands:
                best[(i, k)] = max(cands, key=lambda c: c[0])
    if (n, count) not in best:
        return None
    score, starts = best[(n, count)]
    if score <= -4.0:
        return None
    ends = [stops[s - 1] for s in starts[1:]] + [end]
    return [(bounds[s], e) for s, e in zip(starts, ends, strict=True)]


def plausible_items(text: str, pieces: list[tuple[int, int]], introducer: str) -> bool:
    """Items of a prose series: not too long, and capitalised names after the loose 'sebagai'."""
    if any(len(text[a:b].split()) > 30 for a, b in pieces):
        return False
    if introducer == "sebagai":
        return all(text[a:a + 1].isupper() for a, _ in pieces)
    return True


def find_counted_series(text: str) -> list[Proposal]:
    """Prose series announced with a count and given in full."""
    spans = sentence_spans(text)
    found = []
    for idx, (s, e) in enumerate(spans):
        for intro_m in introducer_regex().finditer(text, s, e):
            count = declared_count(text, s, intro_m.start())
            intro_start = s
            if count is None and idx > 0 and not text[s:intro_m.start()].strip():
                # "... terdapat 5 aplikasi unggulan. Yakni, A, B, ...": the count closes the sentence before
                intro_start = spans[idx - 1][0]
                count = declared_count(text, intro_start, spans[idx - 1][1])
            if count is None and idx > 0 and re.match(r"[\w-]+\s+(tersebut|itu)\b", text[s:intro_m.start()], re.I):
                count = declared_count(text, *spans[idx - 1])  # "Tiga program ... . Program tersebut meliputi"
            if count is None:
                continue
            series_start, series_end = trim(text, intro_m.end(), e, " \t\r\n:;,.")
            if series_end - series_start < 3:
                continue
            pieces = split_series(text, series_start, series_end, count)
            if not pieces or not plausible_items(text, pieces, intro_m.group(1).lower()):
                continue
            items = [Item(k + 1, *clean_item(text, a, b)) for k, (a, b) in enumerate(pieces)]
            intro = clean_intro(text, intro_start, intro_m.end())
            found.append(Proposal("counted", items, intro=intro, declared_count=count))
            break
    return found


# --- assembly ----------------------------------------------------------------------------

def preceding_sentence(text: str, pos: int) -> tuple[int, int] | None:
    """The last sentence that ends before pos."""
    before = sentence_spans(text[:pos])
    return clean_intro(text, *before[-1]) if before else None


def skip_intro(text: str, intro: tuple[int, int] | None) -> bool:
    """Whether the intro heads a list of other articles ("Baca juga:")."""
    if not intro:
        return False
    words = re.sub(r"[^\w\s]", " ", text[intro[0]:intro[1]].lower()).split()
    heading = " ".join(words[:3])
    return any(heading.startswith(cue) for cue in cue_set("skip_intro"))


def overlaps(a: Proposal, b: Proposal) -> bool:
    """Whether two proposals share any text."""
    return a.start < b.end and b.start < a.end


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


def span_dict(text: str, span: tuple[int, int] | None) -> dict | None:
    """{text, start, end} for a span, or None."""
    if not span or span[1] <= span[0]:
        return None
    return {"text": text[span[0]:span[1]], "start": span[0], "end": span[1]}


def find_task_lists(text: str, officials: list[dict] | None = None) -> list[dict]:
    """Return every enumerated list in text as record `task_lists` entries."""
    accepted: list[Proposal] = []
    for finder in (find_line_lists, find_inline_lists, find_ordinal_lists, find_counted_series):
        for prop in finder(text):
            if len(prop.items) >= 2 and not any(overlaps(prop, other) for other in accepted):
                accepted.append(prop)
    records = []
    for prop in sorted(accepted, key=lambda p: p.start):
        if prop.intro is None:
            anchor = prop.extra.get("marker_start", prop.start)
            inline_head = clean_intro(text, line_start(text, anchor), anchor)
            prop.intro = inline_head if inline_head[1] - inline_head[0] > 3 else preceding_sentence(text, anchor)
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
    """Start of the line holding pos."""
    return text.rfind("\n", 0, pos) + 1


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
