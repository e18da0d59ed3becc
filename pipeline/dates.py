"""Indonesian date expressions, normalised to ISO (issue 4).

Design: an ordered set of compiled regexes built from the vocabularies in pipeline/data/dates_*
finds candidate expressions (day, range, month, year, relative, weekday, clock time); the
longest non-overlapping candidates win; then a resolver fills in missing years from the
publication date, the nearest fully written date, or the nearest stated year, using the
weekday (when written) to choose between candidate years.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"
# A fully written date this close (characters) to an undated one is taken as its context
# before the publication date is: "Senin (14/09/2020) ... Selasa (15/9)".
NEAR_CONTEXT = 400
# A year written in a date ("5 Juni 1879") may be old; a bare four-digit number is only taken as
# a year (context for undated days, "2018-2023") from 1900 on, as smaller ones are mostly counts.
YEAR_RE = r"(?:1[6-9]|20)\d{2}"
BARE_YEAR_RE = r"(?:19|20)\d{2}"
DAY_RE = r"0?[1-9]|[12]\d|3[01]"
MONTH_NUM_RE = r"0?[1-9]|1[0-2]"
# A word that may be a month name; validated against the vocabulary (typos tolerated).
MONTH_WORD_RE = r"[A-Za-z]{3,10}"
# Full month names this long may carry one typo ("Ferbruari", "Janunari").
FUZZY_MIN_LEN = 5


# --- vocabularies -------------------------------------------------------------------------


def _rows(name: str) -> list[list[str]]:
    """Rows of a tab-separated data file, without comments and the header line."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return rows[1:] if name.endswith(".tsv") else rows


@cache
def month_names() -> dict[str, tuple[int, str]]:
    """Lower-case month name or abbreviation -> (month number, 'full' or 'abbr')."""
    return {name: (int(month), kind) for name, month, kind in _rows("dates_months.tsv")}


@cache
def weekday_names() -> dict[str, int]:
    """Lower-case weekday name -> ISO weekday (1 Monday .. 7 Sunday)."""
    return {name: int(number) for name, number in _rows("dates_weekdays.tsv")}


@cache
def timezones() -> dict[str, str]:
    """Time-zone abbreviation -> UTC offset."""
    return {name: offset for name, offset in _rows("dates_timezones.tsv")}


@cache
def range_connectors() -> tuple[str, ...]:
    """Words and signs joining the two ends of a range."""
    return tuple(row[0] for row in _rows("dates_range_connectors.txt"))


@cache
def parts_of_day() -> tuple[str, ...]:
    """Parts of the day ("pagi", "malam")."""
    return tuple(row[0] for row in _rows("dates_parts_of_day.txt"))


@cache
def relative_expressions() -> dict[str, tuple[str, int]]:
    """Relative expression -> (unit, offset)."""
    return {expr: (unit, int(offset)) for expr, unit, offset in _rows("dates_relative.tsv")}


@cache
def cues(role: str) -> tuple[str, ...]:
    """Cue words of one role (day, time, year, month, number, weekday)."""
    return tuple(cue for cue, cue_role in _rows("dates_cues.tsv") if cue_role == role)


def _alternation(words) -> str:
    """Regex alternation of words, longest first, spaces matching any whitespace."""
    escaped = (re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))
    return "|".join(escaped)


# --- patterns -----------------------------------------------------------------------------


@cache
def _parts() -> dict[str, str]:
    """Regex fragments shared by the patterns."""
    symbols = [c for c in range_connectors() if not c[0].isalpha()]
    words = [c for c in range_connectors() if c[0].isalpha()]
    names = rf"\b(?:{_alternation(weekday_names())})\b"
    pod = rf"\b(?:{_alternation(parts_of_day())})\b"
    conn = rf"(?:\s*(?:{_alternation(symbols)})\s*|\s+(?:{_alternation(words)})\s*)"
    day_cue = rf"(?:\b(?:{_alternation(c.rstrip('.') for c in cues('day'))})\.?\s+)"
    weekday = rf"(?:\b(?:{_alternation(cues('weekday'))})\s+)?(?P<wd>{names})"
    # two weekdays before one span of days: "Rabu-Kamis, 9-10 Juni", "Kamis dan Jumat (10-11/3)"
    weekdays = rf"{weekday}(?:(?:{conn}|\s*,\s*|\s+dan\s+){names})?"
    return {
        "names": names, "weekday": weekday, "weekdays": weekdays, "pod": pod, "conn": conn, "day_cue": day_cue,
        "zone": rf"\b(?:{_alternation(timezones())})\b",
        "year_cue": rf"\b(?:{_alternation(cues('year'))})\.?\s*",
        "month_cue": rf"\b(?:{_alternation(cues('month'))})\s+",
        # weekday, part of day, comma or bar: "Senin pagi (28/6/2021)", "Rabu siang, 14 Mei 2025",
        # "Rabu | 09-01-2019"
        "prefix": rf"(?:{weekday}(?:\s+(?P<pod>{pod}))?\s*[,|]?\s*)?(?P<cue>{day_cue})?",
        "range_prefix": rf"(?:{weekdays}\s*,?\s*)?(?P<cue>{day_cue})?",
    }


def _time_re(cue: str) -> str:
    """A clock time or span with its zone ("pukul 13.07 s.d 14.15 WIB"); cue says how many cue words."""
    p = _parts()
    clock = r"(?:[01]?\d|2[0-3])[:.][0-5]\d"
    time_cue = rf"(?:\b(?:{_alternation(c.rstrip('.') for c in cues('time'))})\.?\s*)"
    return rf"{time_cue}{cue}(?P<hh>{clock})(?:{p['conn']}(?P<hh2>{clock}))?(?:\s*(?P<tz>{p['zone']}))?"


def _suffix() -> str:
    """What may follow a day: ", 10:14 WIB", " - 20:36 WIB", " pukul 13.07 s.d 14.15 WIB", " malam"."""
    pod = _parts()["pod"]
    return (rf"(?:(?:\s*[,|\-–—]\s*|\s+)(?:(?P<pod2>{pod})\s+)?{_time_re('*')}"
            rf"|\s+(?P<pod3>{pod})(?!\s*(?:ini|itu|hari)))?")


@cache
def patterns() -> tuple[tuple[str, re.Pattern], ...]:
    """(kind, compiled pattern) for every kind of expression."""
    p, suffix = _parts(), _suffix()
    d, m, y, conn, prefix = DAY_RE, MONTH_NUM_RE, YEAR_RE, p["conn"], p["prefix"]
    lead = r"(?<![\w.,/:])"  # a day number never continues a code, a decimal or a time
    lead_num = r"(?<![\w.,/:\-])"  # nor, when all digits, a code such as "SK-12-05-2021"
    tail = r"(?![\w/]|[.\-]\d)"
    mon = rf"(?P<mon>{MONTH_WORD_RE})\.?(?!\w)"
    year = rf"(?:\s+(?:{p['year_cue']})?(?P<y>{y})(?!\d))?"
    capital = r"(?=(?-i:[A-Z]))"  # a bare weekday is capitalised ("minggu" alone is "week")
    sources = {
        "range_text": rf"{p['range_prefix']}{lead}(?P<d>{d})(?:\s+(?P<mon1>{MONTH_WORD_RE})\.?(?:\s+(?P<y1>{y}))?)?"
        rf"{conn}{p['day_cue']}?(?P<d2>{d})\s+{mon}{year}",
        "range_paren": rf"(?:{p['weekdays']}\s*,?\s*)?\(\s*(?P<d>{d}){conn}(?P<d2>{d})"
        rf"\s*/\s*(?P<m>{m})(?:\s*/\s*(?P<y>{y}|\d{{2}}))?\s*\)",
        "day_text": rf"{prefix}{lead}(?P<d>{d})\s+{mon}{year}{suffix}",
        # the first days of "5 dan 6 Maret 2024", "5, 6 dan 7 Maret": each number is a day of that month
        # month first, as English-language page furniture prints it: "Thursday, March 28, 2024"
        "day_mdy": rf"{prefix}(?<![\d.])\b{mon}\s+(?P<d>{d}),?\s+(?P<y>{y})(?![\d/.\-]){suffix}",
        "day_list": rf"{lead}(?P<d>{d})(?=(?:\s*,\s*(?:{d}))*\s*,?\s+dan\s+(?:{d})\s+{mon}{year})",
        "day_paren": rf"{prefix}\(\s*(?P<d>{d})\s*(?P<sep>[/.\-])\s*(?P<m>{m})"
        rf"(?:\s*[/.\-)]\s*(?P<y>{y}|\d{{2}}))?\s*\){suffix}",
        "day_numeric": rf"{prefix}{lead_num}(?P<d>{d})(?P<sep>[/.\-])(?P<m>{m})(?P=sep)(?P<y>{y}){tail}{suffix}",
        "day_short": rf"(?:{p['weekday']}(?:\s+(?P<pod>{p['pod']}))?\s*,?\s*|(?P<cue>{p['day_cue']})){lead}"
        rf"(?P<d>{d})/(?P<m>{m})(?:/(?P<y>{y}|\d{{2}}))?{tail}{suffix}",
        "day_iso": rf"(?<![\w/.\-])(?P<y>{y})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])"
        rf"(?:[T ](?P<hh>(?:[01]\d|2[0-3]):[0-5]\d)(?::\d\d)?(?P<off>[+-]\d\d:?\d\d|Z)?)?{tail}",
        "month": rf"(?P<mcue>{p['month_cue']})?(?<![\d.])\b{mon}{year}(?![/.\-]\d)",
        "year": rf"(?P<cue>{p['year_cue']})(?P<y>{y})\b(?:{conn}(?P<y2>{y})\b)?(?![/.\-]\d)"
        rf"|(?<![\w/.\-])(?P<ya>{BARE_YEAR_RE}){conn}(?P<yb>{BARE_YEAR_RE}){tail}",
        "relative": rf"\b(?P<rel>{_alternation(relative_expressions())})\b",
        "weekday": rf"(?:\b(?:{_alternation(cues('weekday'))})\s+)?{capital}(?P<wd>{p['names']})",
        "time": rf"{_time_re('+')}|(?P<hh_z>(?:[01]?\d|2[0-3])[:.][0-5]\d)\s*(?P<tz_z>{p['zone']})",
    }
    return tuple((kind, re.compile(src, re.IGNORECASE)) for kind, src in sources.items())


# --- candidates ---------------------------------------------------------------------------


@dataclass
class Found:
    """One candidate expression: its span, kind and the parts read from it."""

    start: int
    end: int
    kind: str
    parts: dict = field(default_factory=dict)


def month_number(word: str | None) -> int | None:
    """Month number of a month name or abbreviation, allowing one typo in a full name."""
    return _month_number(word) if word else None


@lru_cache(maxsize=1 << 16)
def _month_number(word: str) -> int | None:
    """month_number of a non-empty word; a news vocabulary repeats, so answers are kept."""
    key = word.lower().rstrip(".")
    if key in month_names():
        return month_names()[key][0]
    if len(key) < FUZZY_MIN_LEN:
        return None
    for name, (number, kind) in month_names().items():
        if kind == "full" and len(name) >= FUZZY_MIN_LEN and name[0] == key[0] and _one_edit(key, name):
            return number
    return None


def _full_month(word: str) -> bool:
    """True for a month written in full (or with a typo), not abbreviated."""
    return month_names().get(word.lower(), (0, "full"))[1] == "full"


def _one_edit(a: str, b: str) -> bool:
    """True when a and b differ by one insertion, deletion, substitution or swap."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return a[i + 1:] == b[i + 1:] or a[i:] == b[i + 1:] or a[i + 1:] == b[i:] or (
        a[i + 2:] == b[i + 2:] and a[i:i + 2] == b[i:i + 2][::-1])


def _year(text: str | None) -> int | None:
    """Four-digit year; two-digit years are read as 20xx up to 69, 19xx from 70."""
    if not text:
        return None
    number = int(text)
    if len(text) == 2:
        return 2000 + number if number < 70 else 1900 + number
    return number


def _weekday(text: str | None) -> int | None:
    """ISO weekday of a weekday name."""
    return weekday_names().get(text.lower()) if text else None


def _after_number_cue(text: str, start: int) -> bool:
    """True when the expression continues a document number ("Perda nomor 2 tahun 2018")."""
    return bool(_number_cue_before().search(text[max(0, start - 40):start]))


@cache
def _number_cue_before() -> re.Pattern:
    """A document-number cue and its number at the end of a stretch of text."""
    number = _alternation(c.rstrip(".") for c in cues("number"))
    return re.compile(rf"\b(?:{number})\b\.?\s*[:.,]?\s*[\w./\-]*\d[\w./\-]*\s*,?\s*$", re.I)


def _clock(text: str | None) -> str | None:
    """'HH:MM' from '9.00' or '10:14'."""
    if not text:
        return None
    hours, minutes = re.split(r"[:.]", text)
    return f"{int(hours):02d}:{minutes}"


def _time_parts(g: dict) -> dict:
    """time, timezone and part_of_day from a match's groups."""
    start, end = _clock(g.get("hh")), _clock(g.get("hh2"))
    zone = g.get("tz")
    pod = g.get("pod") or g.get("pod2") or g.get("pod3")
    return {"time": f"{start}/{end}" if start and end else start,
            "timezone": timezones().get(zone.upper()) if zone else None,
            "part_of_day": pod.lower() if pod else None}


def read_match(kind: str, m: re.Match, text: str) -> Found | None:
    """A candidate from one regex match, or None when its parts are not a date."""
    g = m.groupdict()
    start, end = m.span()
    if kind in ("day_text", "day_mdy", "day_list", "range_text", "month"):
        month = month_number(g.get("mon"))
        month1 = month_number(g.get("mon1")) if g.get("mon1") else month
        if month is None or month1 is None:
            return None
        g = {**g, "m": month, "m1": month1}
    if not _plausible(kind, g, text, start):
        return None
    if g.get("mon") and end == m.end("mon") + 1 and _full_month(g["mon"]):
        end -= 1  # "sampai 9 Oktober." : the full stop ends the sentence, only an abbreviation takes one
    reader = READERS.get(kind)
    parts = reader(g) if reader else g
    return Found(start, end, kind, parts) if parts is not None else None


def _preceded_by(text: str, start: int, role: str, span: int = 25) -> bool:
    """True when a cue word of role stands in the few words before start."""
    return bool(_cue_before(role).search(text[max(0, start - span):start]))


@cache
def _cue_before(role: str) -> re.Pattern:
    """A cue word of role followed by no sentence or clause break up to the end of a stretch of text."""
    return re.compile(rf"\b(?:{_alternation(cues(role))})\b[^.;:]*$", re.I)


def _plausible(kind: str, g: dict, text: str, start: int) -> bool:
    """False for numbers that only look like dates: document numbers, fractions, habits, decree years."""
    anchored = g.get("wd") or g.get("cue")
    if kind == "weekday":
        return not _preceded_by(text, start, "recurring")
    if kind == "year" and g.get("cue"):
        # "Perda nomor 2 tahun 2018": the year of a regulation's number, not a time expression.
        return not _after_number_cue(text, start)
    if kind == "day_paren" and not (anchored or g.get("y")) and _preceded_by(text, start, "fraction", 12):
        return False
    # "Nomor 5/12/2017" is a document number; a weekday or "tanggal" before it makes it a date.
    return anchored or kind in ("month", "relative", "time", "year") or not _after_number_cue(text, start)


def _day_parts(g: dict) -> dict:
    """Parts of a single-day expression."""
    return {"day": int(g["d"]), "month": int(g["m"]), "year": _year(g.get("y")),
            "weekday": _weekday(g.get("wd")), **_time_parts(g), "offset": g.get("off")}


def _range_parts(g: dict) -> dict:
    """Parts of a day range; the first end takes the second's month (or the one before) when unwritten."""
    year, month1 = _year(g.get("y")), g["m1"]
    if g.get("mon1") is None and int(g["d"]) > int(g["d2"]):  # "24 sampai 3 Oktober": from September
        month1 = 12 if g["m"] == 1 else g["m"] - 1
    return {"day": int(g["d"]), "month": month1, "year": _year(g.get("y1")),
            "day2": int(g["d2"]), "month2": g["m"], "year2": year, "weekday": _weekday(g.get("wd"))}


def _month_parts(g: dict) -> dict | None:
    """Parts of a month expression: a month name with a year, or after "bulan"."""
    if not (g.get("y") or g.get("mcue")):
        return None
    return {"month": g["m"], "year": _year(g.get("y"))}


def _year_parts(g: dict) -> dict | None:
    """Parts of a year or year-range expression."""
    first, second = g.get("y") or g.get("ya"), g.get("y2") or g.get("yb")
    if second and int(second) < int(first):
        return None
    return {"year": int(first), "year2": int(second) if second else None}


READERS = {
    "day_text": _day_parts, "day_mdy": _day_parts, "day_list": _day_parts, "day_paren": _day_parts,
    "day_numeric": _day_parts,
    "day_short": _day_parts, "day_iso": _day_parts, "range_text": _range_parts,
    "range_paren": lambda g: _range_parts({**g, "m1": int(g["m"]), "m": int(g["m"])}),
    "month": _month_parts, "year": _year_parts,
    "relative": lambda g: {"expr": re.sub(r"\s+", " ", g["rel"].lower())},
    "weekday": lambda g: {"weekday": _weekday(g["wd"])},
    "time": lambda g: _time_parts({"hh": g.get("hh") or g.get("hh_z"), "hh2": g.get("hh2"),
                                   "tz": g.get("tz") or g.get("tz_z")}),
}


# Where an expression of each kind can begin: at a vocabulary word (a cue, weekday or relative
# expression), a month word, a number, a clock time or an opening bracket. Each pattern is tried
# only there, so the cost follows the number of such places, not the length of the text.
STARTS = {
    "range_text": ("word", "number"), "range_paren": ("word", "paren"), "day_text": ("word", "number"),
    "day_mdy": ("word", "month"), "day_list": ("number",), "day_paren": ("word", "paren"),
    "day_numeric": ("word", "number"), "day_short": ("word",), "day_iso": ("number",),
    "month": ("word", "month"), "year": ("word", "number"), "relative": ("word",), "weekday": ("word",),
    "time": ("word", "clock"),
}


# A run of letters after a non-word character: where a vocabulary or month word can begin.
LETTER_RUN = re.compile(r"\b[^\W\d_]+")
# Every pattern but the clock time reads a number only where no word character precedes it.
NUMBER_START = re.compile(r"(?<!\w)\d")
# A clock time ("9.30", "10:14") may begin inside a longer number; every such digit is found.
CLOCK_START = re.compile(r"\d(?=\d?[:.]\d)")


@cache
def _vocabulary_heads() -> frozenset[str]:
    """The first run of letters of every cue, weekday and relative expression, lower-cased."""
    words = [*weekday_names(), *relative_expressions()]
    words += [c for role in ("day", "time", "year", "month", "weekday") for c in cues(role)]
    return frozenset(re.match(r"[^\W\d_]*", w).group().lower() for w in words)


@lru_cache(maxsize=1 << 16)
def _word_places(run: str) -> tuple[bool, bool]:
    """(may begin a vocabulary word, is a month word) for a run of letters.

    The patterns read a cue or name only when no letter follows it, so the whole run is the
    vocabulary word's first run of letters; a month word is a whole word of 3 to 10 letters.
    """
    heads = _vocabulary_heads()
    vocabulary = run.lower() in heads or run.casefold() in heads
    return vocabulary, 3 <= len(run) <= 10 and month_number(run) is not None


def start_positions(text: str) -> dict[str, list[int]]:
    """The places where a date expression may begin, by kind of place, in text order."""
    words, months = [], []
    for m in LETTER_RUN.finditer(text):
        vocabulary, month = _word_places(m.group())
        if vocabulary:
            words.append(m.start())
        if month:
            months.append(m.start())
    return {"word": words, "month": months, "paren": [m.start() for m in re.finditer(r"\(", text)],
            "number": [m.start() for m in NUMBER_START.finditer(text)],
            "clock": [m.start() for m in CLOCK_START.finditer(text)]}


def candidates(text: str) -> list[Found]:
    """Every candidate of every pattern, overlapping ones included.

    A candidate is a pattern's match at one of the places where its kind can begin; matching
    there gives exactly the matches that searching from every position would find.
    """
    starts = start_positions(text)
    found = []
    for kind, pattern in patterns():
        for pos in sorted({p for place in STARTS[kind] for p in starts[place]}):
            m = pattern.match(text, pos)
            if m is None:
                continue
            item = read_match(kind, m, text)
            if item is not None and item.end > item.start:
                found.append(item)
    return found


def select(found: list[Found]) -> list[Found]:
    """The longest non-overlapping candidates, in text order."""
    starts: list[int] = []  # the spans taken so far, sorted by start; they never overlap
    ends: list[int] = []
    taken: list[Found] = []
    for item in sorted(found, key=lambda f: (f.start - f.end, f.start)):
        i = bisect_right(starts, item.start)
        if (i and ends[i - 1] > item.start) or (i < len(starts) and starts[i] < item.end):
            continue
        starts.insert(i, item.start)
        ends.insert(i, item.end)
        taken.insert(i, item)
    return taken


# --- resolution ---------------------------------------------------------------------------


@dataclass
class Context:
    """What the article says about when it happens: publication date, written dates, years."""

    published: date | None
    dated: list[tuple[int, date]]
    years: list[tuple[int, int]]

    def reference(self, pos: int) -> date | None:
        """The date an undated expression at pos is read against."""
        near = _nearest(self.dated, pos)
        if near and abs(near[0] - pos) <= NEAR_CONTEXT:
            return near[1]
        return self.published or (near[1] if near else None)

    def year(self, pos: int) -> int | None:
        """The nearest stated year, when no date is known."""
        near = _nearest(self.years, pos)
        return near[1] if near else None


def _nearest(items: list[tuple[int, object]], pos: int) -> tuple[int, object] | None:
    """The item whose position (items are in text order) is nearest pos; the earlier one on a tie."""
    i = bisect_left(items, pos, key=lambda item: item[0])
    around = items[max(0, i - 1):i + 1]
    return min(around, key=lambda item: abs(item[0] - pos)) if around else None


def parse_published(published: str | None) -> date | None:
    """The date of an ISO date or datetime string, or None."""
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _safe_date(year: int, month: int, day: int) -> date | None:
    """date(year, month, day), or None when it does not exist."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def build_context(text: str, chosen: list[Found], published: str | None) -> Context:
    """Publication date, the fully written dates and the stated years of an article."""
    dated = []
    for f in chosen:
        if f.kind.startswith("day") and f.parts.get("year"):
            day = _safe_date(f.parts["year"], f.parts["month"], f.parts["day"])
            if day:
                dated.append((f.start, day))
        elif f.kind.startswith("range") and f.parts.get("year2"):
            day = _safe_date(f.parts["year2"], f.parts["month2"], f.parts["day2"])
            if day:
                dated.append((f.start, day))
    years = [(m.start(), int(m.group())) for m in re.finditer(rf"(?<![\d.,/])\b{BARE_YEAR_RE}\b(?![\d])", text)
             if not _after_number_cue(text, _year_cue_start(text, m.start()))]
    return Context(parse_published(published), dated, years)


def _year_cue_start(text: str, pos: int) -> int:
    """Start of "tahun " before a year at pos, so "Nomor 86 Tahun 2017" is seen as a number."""
    m = re.search(rf"(?:{_parts()['year_cue']})$", text[max(0, pos - 8):pos], re.I)
    return pos - len(m.group()) if m else pos


def infer_year(month: int, day: int, weekday: int | None, pos: int, ctx: Context) -> int | None:
    """Year of an undated day: near the reference date (or stated year), matching its weekday."""
    ref = ctx.reference(pos)
    anchor = ref.year if ref else ctx.year(pos)
    if anchor is None:
        return None
    options = [(y, d) for y in (anchor, anchor - 1, anchor + 1) if (d := _safe_date(y, month, day))]
    if weekday:
        options = [o for o in options if o[1].isoweekday() == weekday] or options
    if not options:
        return None
    if ref:
        return min(options, key=lambda o: abs((o[1] - ref).days))[0]
    return options[0][0]


def _iso(year: int | None, month: int, day: int) -> str | None:
    """YYYY-MM-DD (XXXX for an unknown year), or None when the day does not exist."""
    if not _safe_date(year or 2000, month, day):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"


def resolve_day(f: Found, ctx: Context) -> dict | None:
    """value and flags of a single day."""
    p = f.parts
    year, inferred = p["year"], False
    if year is None:
        year, inferred = infer_year(p["month"], p["day"], p["weekday"], f.start, ctx), True
    value = _iso(year, p["month"], p["day"])
    if value is None:
        return None
    out = {"value": value, "granularity": "day", "year_inferred": inferred and year is not None}
    out.update({k: p[k] for k in ("time", "timezone", "part_of_day") if p.get(k)})
    if p.get("offset"):  # an ISO timestamp's own offset
        out["timezone"] = "+00:00" if p["offset"] == "Z" else p["offset"]
    return out


def resolve_range(f: Found, ctx: Context) -> dict | None:
    """value and flags of a day range."""
    p = f.parts
    year2, inferred = p["year2"], False
    if year2 is None:
        year2, inferred = infer_year(p["month2"], p["day2"], None, f.start, ctx), True
    year1 = p["year"] or (year2 - 1 if year2 and (p["month"], p["day"]) > (p["month2"], p["day2"]) else year2)
    first, last = _iso(year1, p["month"], p["day"]), _iso(year2, p["month2"], p["day2"])
    if first is None or last is None or (year1 and year2 and first >= last):
        return None
    return {"value": f"{first}/{last}", "granularity": "range", "year_inferred": inferred and year2 is not None}


def resolve_month(f: Found, ctx: Context) -> dict:
    """value and flags of a month."""
    year, inferred = f.parts["year"], False
    if year is None:
        ref = ctx.reference(f.start)
        year, inferred = (ref.year if ref else ctx.year(f.start)), True
    prefix = f"{year:04d}" if year else "XXXX"
    return {"value": f"{prefix}-{f.parts['month']:02d}", "granularity": "month",
            "year_inferred": inferred and year is not None}


def resolve_year(f: Found, ctx: Context) -> dict:
    """value of a year or a span of years."""
    first, second = f.parts["year"], f.parts["year2"]
    return {"value": f"{first}/{second}" if second else str(first), "granularity": "year"}


def resolve_relative(f: Found, ctx: Context) -> dict | None:
    """A relative expression resolved against the publication date; None without one."""
    today = ctx.published
    if today is None:
        return None
    unit, offset = relative_expressions()[f.parts["expr"]]
    if unit == "day":
        value, granularity = (today + timedelta(days=offset)).isoformat(), "day"
    elif unit == "week":
        monday = today - timedelta(days=today.weekday()) + timedelta(weeks=offset)
        value, granularity = f"{monday.isoformat()}/{(monday + timedelta(days=6)).isoformat()}", "range"
    elif unit == "month":
        index = today.year * 12 + today.month - 1 + offset
        value, granularity = f"{index // 12:04d}-{index % 12 + 1:02d}", "month"
    else:
        value, granularity = str(today.year + offset), "year"
    return relative_entry(value, granularity)


def relative_entry(resolved: str, granularity: str) -> dict:
    """A relative expression's entry: no stated `value`, the day it points to in `resolved`."""
    # The text does not state these days; they are inferred from the publication date, so they
    # are kept apart from the stated dates that `value` holds (GUIDELINES: not a listed date).
    return {"value": None, "resolved": resolved, "granularity": granularity, "relative": True}


def resolve_weekday(f: Found, ctx: Context) -> dict | None:
    """A bare weekday: the latest such day on or before the publication date; None without one."""
    today = ctx.published
    if today is None:
        return None
    back = (today.isoweekday() - f.parts["weekday"]) % 7
    return relative_entry((today - timedelta(days=back)).isoformat(), "day")


RESOLVERS = {
    "range_text": resolve_range, "range_paren": resolve_range, "month": resolve_month, "year": resolve_year,
    "relative": resolve_relative, "weekday": resolve_weekday,
}


def _not_relative(text: str, f: Found) -> bool:
    """True for a relative word used as an adjective after a year ("Pilkada 2020 kemarin" = the last one)."""
    return f.kind == "relative" and bool(re.search(rf"{YEAR_RE}\s*$", text[max(0, f.start - 6):f.start]))


def attach_times(text: str, entries: list[dict], times: list[Found]) -> None:
    """Give a free-standing clock time to the date of its sentence that has none."""
    if not times:
        return
    breaks = [m.start() for m in SENTENCE_BREAK.finditer(text)]
    for t in times:
        sentence = [e for e in entries if e["granularity"] in ("day", "range") and "time" not in e
                    and not _break_between(breaks, min(e["end"], t.start), max(e["start"], t.end))]
        if sentence:
            nearest = min(sentence, key=lambda e: min(abs(e["start"] - t.end), abs(t.start - e["end"])))
            nearest.update({k: v for k, v in t.parts.items() if v and k != "part_of_day"})


SENTENCE_BREAK = re.compile(r"[.!?]\s")


def _break_between(breaks: list[int], start: int, end: int) -> bool:
    """True when a sentence break (positions of SENTENCE_BREAK in text order) lies wholly in text[start:end]."""
    i = bisect_left(breaks, start)
    return i < len(breaks) and breaks[i] + 2 <= end


# Two written days joined by a connector are one span only when it is this short at most.
MAX_JOINED_DAYS = 366


def _ordered_days(first: str, last: str) -> bool:
    """True when the ISO day last follows first within MAX_JOINED_DAYS (XXXX years compare as the same year)."""
    if ("XXXX" in first) != ("XXXX" in last):
        return False
    if "XXXX" in first:
        return first[5:] < last[5:]
    gap = (date.fromisoformat(last) - date.fromisoformat(first)).days
    return 0 < gap <= MAX_JOINED_DAYS


def join_ranges(text: str, entries: list[dict]) -> list[dict]:
    """Read two days joined by a range connector ("Sabtu (19/8/2023) hingga Minggu (20/8/2023)") as one range."""
    conn = re.compile(_parts()["conn"], re.IGNORECASE)
    out: list[dict] = []
    for e in entries:
        prev = out[-1] if out else None
        if (prev and prev["granularity"] == e["granularity"] == "day" and not prev.get("relative")
                and not e.get("relative") and conn.fullmatch(text, prev["end"], e["start"])
                and _ordered_days(prev["value"], e["value"])):
            out[-1] = {"text": text[prev["start"]:e["end"]], "start": prev["start"], "end": e["end"],
                       "value": f"{prev['value']}/{e['value']}", "granularity": "range",
                       "year_inferred": prev["year_inferred"] or e["year_inferred"]}
        else:
            out.append(e)
    return out


def find_dates(text: str, published: str | None = None, relative: bool = True) -> list[dict]:
    """Return every date expression in text as record `dates` entries (relative ones unless relative=False)."""
    chosen = select(candidates(text))
    if not relative:
        chosen = [f for f in chosen if f.kind not in ("relative", "weekday")]
    ctx = build_context(text, chosen, published)
    entries, times = [], []
    for f in chosen:
        if f.kind == "time":
            times.append(f)
            continue
        if _not_relative(text, f):
            continue
        resolved = RESOLVERS.get(f.kind, resolve_day)(f, ctx)
        if resolved:
            entries.append({"text": text[f.start:f.end], "start": f.start, "end": f.end, **resolved})
    attach_times(text, entries, times)
    return join_ranges(text, entries)


def parse_date_text(s: str, published: str | None = None) -> dict | None:
    """The longest date expression in s (e.g. a dateline), or None."""
    found = [e for e in find_dates(s, published) if not e.get("relative")]
    return max(found, key=lambda e: e["end"] - e["start"], default=None)


# --- spaCy component -------------------------------------------------------------------
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from .extensions import doc_text, ensure_extensions  # noqa: E402


class DateComponent:
    """Sets doc._.dates from the text, resolving years against doc._.published."""

    def __init__(self, relative: bool = True):
        self.relative = relative

    def __call__(self, doc: Doc) -> Doc:
        published = doc._.published
        if isinstance(published, dict):  # a published object with its value
            published = published.get("value")
        doc._.dates = find_dates(doc_text(doc), published, relative=self.relative)
        return doc


@Language.factory("warta_dates", default_config={"relative": True})
def make_date_component(nlp: Language, name: str, relative: bool) -> DateComponent:
    """Build the warta_dates component; relative=False leaves out "kemarin", bare weekdays and the like."""
    ensure_extensions()
    return DateComponent(relative)
