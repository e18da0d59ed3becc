"""Vocabularies, sentences and spans shared by the task-list finders (pipeline/lists*.py).

Everything here is linear in the length of the text: sentence spans are found in one pass and
cached per text, and the sentence holding a position is found by bisection, so a 200k-character
article costs about ten times a 20k one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

# A count above this is a quantity ("45 program kerja"), not the length of a list.
MAX_COUNT = 20


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
            if form.startswith("ke") and not form.startswith("ke-") and form != "kesatu":
                ordinals["ke " + form[2:]] = int(value)  # "ke lima", typed apart
    return cardinals, ordinals


def alternation(words: frozenset[str] | set[str] | dict) -> str:
    """A regex alternation of words, longest first, spaces matching any whitespace."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def cue_regex(kind: str) -> str:
    """The cue words of one kind as a regex alternation."""
    return alternation(cue_set(kind))


@cache
def ordinal_regex() -> re.Pattern:
    """Ordinal words as whole words: pertama, kedua, ke-3, kedua belas ..."""
    return re.compile(rf"(?<![\w-])({alternation(number_words()[1])})(?![\w-])", re.IGNORECASE)


@cache
def count_regex() -> re.Pattern:
    """A count before a noun: "enam konsep", "6 program", "Keempat pejabat", "6 (enam) lokasi"."""
    cardinals, ordinals = number_words()
    both_forms = {w for w in ordinals if w.startswith("ke") and not w.startswith(("ke-", "ke "))
                  and w not in {"pertama", "kesatu"}}
    words = alternation(set(cardinals) | both_forms)
    return re.compile(rf"(?<![\w.,-])(?:({words})|(\d{{1,2}}))(?:\s*\((?:{words})\))?\s+([A-Za-z][\w-]*)",
                      re.IGNORECASE)


@cache
def introducer_regex() -> re.Pattern:
    """Words that open a series after its announcement: yakni, antara lain, meliputi ..."""
    return re.compile(rf"(?<!\w)({cue_regex('introducer')})(?!\w)\s*[:;,]?", re.IGNORECASE)


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


@cache
def month_regex() -> re.Pattern:
    """Month names (from the dates helper's vocabulary) at the start of a string."""
    names = {"januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september",
             "oktober", "november", "desember"}
    if (DATA / "dates_months.tsv").exists():
        names |= {row[0] for row in data_rows("dates_months.tsv") if row and len(row[0]) > 3}
    return re.compile(rf"(?:{alternation(names)})\b", re.IGNORECASE)


@cache
def function_words() -> frozenset[str]:
    """Words that cannot be the noun a count announces ("3 yaitu", "dua atas")."""
    kinds = ("introducer", "connector", "closer", "copula", "function_word")
    return frozenset(w for kind in kinds for w in cue_set(kind) if " " not in w)


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
    """Whether the line break at i ends a sentence (news text may wrap lines mid-sentence).

    Only the characters next to the break are looked at, so the test costs the same anywhere
    in a long article.
    """
    b = i
    while b > 0 and text[b - 1] in " \t":
        b -= 1
    a = i + 1
    while a < len(text) and text[a] in " \t":
        a += 1
    if b == 0 or a >= len(text) or text[a] == "\n" or text[b - 1] == "\n":
        return True
    if text[b - 1] in ",;":  # "... (Sutarmidji),\nKepala Biro ...": an item of a series wraps,
        return bool(LINE_MARKER.match(text, a))  # unless a marked list item opens the next line
    if text[b - 1] in '.!?:"”’)':
        return True
    return not text[a].islower()


# The opening of a marked list line: "1.", "a)", "(2)", "•".
LINE_MARKER = re.compile(r"\(?(?:\d{1,2}|[a-zA-Z])[.):]\s|[-•·*–—▪●◦»►✓]")
SENTENCE_BREAK = re.compile(r"[.!?]+[\"”’)]*(?=\s|$)|\n")


@lru_cache(maxsize=8)
def sentence_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans of text, trimmed of whitespace (cached: every finder asks for them)."""
    spans, start = [], 0
    for m in SENTENCE_BREAK.finditer(text):
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
    return tuple(spans)


@lru_cache(maxsize=8)
def _span_ends(spans: tuple[tuple[int, int], ...]) -> tuple[int, ...]:
    """The end offsets of sentence spans, for bisection."""
    return tuple(end for _, end in spans)


def sentence_index(spans: tuple[tuple[int, int], ...], pos: int) -> int:
    """Index of the sentence that contains (or follows) position pos."""
    if not spans:
        return -1
    return min(bisect_right(_span_ends(tuple(spans)), pos), len(spans) - 1)


def clean_item(text: str, start: int, end: int, drop_tail_connector: bool = False) -> tuple[int, int]:
    """Item span without leading fillers, trailing punctuation, a quote's attribution
    ('," kata Bupati') and (inline) a trailing 'dan'."""
    start, end = trim(text, start, end, " \t\r\n,;:.-–—")
    start, end = cut_attribution(text, start, end)
    if lead := inserted_attribution().match(text, start, end):  # "Terakhir, sambung Rohidin, pemerintah …"
        start = lead.end()
    fillers = cue_regex("filler")
    m = re.match(rf"(?:{fillers})(?!\w)[\s,:;]*", text[start:end], re.IGNORECASE)
    if m and m.end() < end - start:
        start += m.end()
    for _ in range(2):
        if drop_tail_connector:
            tail = re.search(rf"[\s,;]+(?:{cue_regex('connector')})$", text[start:end], re.IGNORECASE)
            if tail:
                end = start + tail.start()
        start, end = trim(text, start, end, " \t\r\n,;:.\"“”'")
    if text.count("“", start, end) < text.count("”", start, end) or text.count('"', start, end) % 2:
        start, end = trim(text, start, end, " \t\r\n,;:.\"“”'")
    return start, end


@cache
def attribution_regex() -> re.Pattern:
    """A closing quote followed by who said it: '," papar Gibran', '," kata Sutarmidji ...'."""
    verbs = cue_regex("speech_verb")
    return re.compile(rf"[,.!?]?\s*[\"”’]\s*,?\s*(?:{verbs})\b", re.IGNORECASE)


@cache
def inserted_attribution() -> re.Pattern:
    """A speaker inserted at the start of an item: "sambung Rohidin, …", "kata Bupati, …"."""
    verbs = cue_regex("speech_verb")
    return re.compile(rf"(?:{verbs})\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){{0,3}}\s*,\s*", re.IGNORECASE)


def cut_attribution(text: str, start: int, end: int) -> tuple[int, int]:
    """End an item at the closing quote that hands the sentence back to the reporter."""
    m = attribution_regex().search(text, start, end)
    if m and m.start() > start:
        return trim(text, start, m.start(), " \t\r\n,;:.")
    return start, end


def clean_intro(text: str, start: int, end: int) -> tuple[int, int]:
    """An intro span without trailing punctuation and trailing connectors."""
    start, end = trim(text, start, end, " \t\r\n,;:.")
    tail = re.search(rf"[\s,]+(?:{cue_regex('connector')})$", text[start:end], re.IGNORECASE)
    if tail:
        end = start + tail.start()
    return trim(text, start, end, " \t\r\n,;:.")


def declared_count(text: str, start: int, end: int) -> int | None:
    """The list length announced in a span ("enam konsep dasar", "4 poin"), else None."""
    found = count_mentions(text, start, end)
    return found[-1][0] if found else None


def count_mentions(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """(count, end offset, noun) of every list-length announcement in a span, in order."""
    units, heads = cue_set("count_unit"), cue_set("ordinal_head")
    out = []
    for m in count_regex().finditer(text, start, end):
        noun = m.group(3).lower()
        if noun in units or (m.group(2) and text[m.end(2):m.end(2) + 1] in ".,") or month_regex().fullmatch(noun):
            continue  # "5 November" is a date, not five things
        before = re.findall(r"[\w-]+", text[max(start, m.start() - 20):m.start()].lower())
        if m.group(1) and m.group(1).lower().startswith("ke") and before and (before[-1] in heads
                                                                             or before[-1] == "yang"):
            continue  # "di periode kedua jabatan", "yang kedua": an ordinal, not "kedua pejabat"
        if (before and before[-1] == "ke") or noun in function_words():
            continue  # "perubahan ke dua atas", "koridor 3 yaitu": no counted noun follows
        n = number_value(m.group(1) or m.group(2))
        if n and 2 <= n <= MAX_COUNT:
            out.append((n, m.end(), noun))
    return out


def span_dict(text: str, span: tuple[int, int] | None) -> dict | None:
    """{text, start, end} for a span, or None."""
    if not span or span[1] <= span[0]:
        return None
    return {"text": text[span[0]:span[1]], "start": span[0], "end": span[1]}
