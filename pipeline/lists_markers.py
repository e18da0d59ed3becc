"""Lists whose items carry a marker: one per line ("1. …", "a) …", "II. …", "• …") or run
together inside a paragraph ("…, yakni; 1. Penguatan … 2. Pengembangan …").

Typed markers are read loosely, as writers type them: "2:" and "3 :" for "2." and "3.", "I0."
for "10.", a bare "1 " where the neighbouring lines carry "2." and "3.". An item may wrap onto
unmarked lines, and a sub-list of another marker style may sit under one item; the run goes on
at the next marker in sequence.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .lists_text import Item, Proposal, clean_item, is_sentence_period, month_regex

ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10,
         "xi": 11, "xii": 12}
BULLETS = "-•·*–—▪●◦»►✓"
# How many unmarked lines an item may wrap onto before the next marker of its run.
WRAP_LINES = 2
# How many lines a sub-list under one item may take before the run must go on.
MAX_SUBLIST_LINES = 40
MARKER = re.compile(
    rf"""[ \t]*(?:
        \((?P<pnum>\d{{1,2}})\)[ \t]*
      | (?P<num>\d{{1,2}}|[Il]\d)[ \t]*[.):][ \t]+
      | \(?(?P<let>[a-zA-Z])[.)][ \t]+
      | \(?(?P<rom>[ivxIVX]{{1,4}})[.)][ \t]+
      | (?P<bul>[{re.escape(BULLETS)}])[ \t]*
      | (?P<bare>\d{{1,2}})[ \t]+(?=[A-Z])
    )(?=\S)""",
    re.VERBOSE,
)


def marker_number(digits: str) -> int:
    """The value of a typed number: "I0" and "l0" are "10" typed with a letter."""
    return int(re.sub(r"^[Il]", "1", digits))


def marker_readings(m: re.Match) -> list[tuple[str, int]]:
    """The (style, value) readings of a marker: "i." may be a letter or a roman one."""
    readings = []
    if m.group("num") or m.group("pnum") or m.group("bare"):
        readings.append(("numbered", marker_number(m.group("num") or m.group("pnum") or m.group("bare"))))
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
    if (m.group("num") or m.group("pnum") or m.group("bare")) and re.match(r"\d", rest):
        return True
    if (m.group("num") or m.group("bare")) and month_regex().match(rest):
        return True
    return False


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
    taken: set[int] = set()  # item lines of an earlier run; a nested sub-list's lines stay free
    for i in range(len(lines)):
        if i in taken:
            continue
        run = line_run(text, lines, i)
        if run:
            found.append(run[0])
            taken.update(run[1])
    return found


def line_run(text: str, lines: list, i: int) -> tuple[Proposal, list[int]] | None:
    """The list that starts at line i, with the indexes of its item lines, or None."""
    m = lines[i][2]
    if not m:
        return None
    for style, first in marker_readings(m):
        if style != "bulleted" and first != 1:
            continue
        items, item_lines = run_items(text, lines, i, style, first)
        loose = sum(1 for k in item_lines if lines[k][2].group("bare"))
        if len(items) >= 2 and len(items) - loose >= 2:
            return Proposal(style, items, extra={"marker_start": lines[i][0]}), item_lines
    return None


def run_items(text: str, lines: list, i: int, style: str, value: int) -> tuple[list[Item], list[int]]:
    """Items of one marker style from line i on, with the lines that carry their markers."""
    items: list[Item] = []
    item_lines: list[int] = []
    j = i
    while j < len(lines):
        start, end, mj = lines[j]
        reading = dict(marker_readings(mj)) if mj else {}
        if style in reading and (style == "bulleted" or reading[style] == value):
            stop = item_end(text, lines, j, style, value + 1)
            items.append(Item(len(items) + 1, *clean_item(text, mj.end(), stop)))
            item_lines.append(j)
            value, j = value + 1, j + 1
            continue
        if not text[start:end].strip() and items:
            j += 1
            continue
        nxt = resume_at(text, lines, j, style, value)
        if nxt is None or not items:
            break
        j = nxt
    return [it for it in items if it.end > it.start], item_lines


def item_end(text: str, lines: list, j: int, style: str, next_value: int) -> int:
    """Where the item on line j ends: its line, or the unmarked lines it wraps onto when the
    run resumes after them."""
    end = lines[j][1]
    if style == "bulleted":
        return end
    for k in range(j + 1, min(len(lines), j + 2 * WRAP_LINES + 2)):
        start, stop, mk = lines[k]
        if mk is not None or (text[start:stop].strip() and resume_at(text, lines, k, style, next_value) is None):
            break
        if text[start:stop].strip():
            end = stop
    return end


def resume_at(text: str, lines: list, j: int, style: str, value: int) -> int | None:
    """The line from j on where the run goes on with marker value, past at most WRAP_LINES
    unmarked lines and any sub-list of another style; None when it does not."""
    unmarked = 0
    for k in range(j, min(len(lines), j + MAX_SUBLIST_LINES)):
        start, end, mk = lines[k]
        if mk is None:
            if text[start:end].strip():
                unmarked += 1
                if unmarked > WRAP_LINES or style == "bulleted":
                    return None
            continue
        reading = dict(marker_readings(mk))
        if style in reading:
            return k if style != "bulleted" and reading[style] == value else None
    return None


# --- inline numbers: "…, yakni; 1. Penguatan … 2. Pengembangan …" -------------------------

INLINE = re.compile(r"(?:(?<=^)|(?<=[\s;:,(]))(?:\((\d{1,2})\)|(\d{1,2})[.)])[ \t]+(?=[^\W\d])", re.MULTILINE)
# A paragraph with more numbers than this is a table, not a list (and would cost quadratic time).
MAX_INLINE_MARKS = 60


def find_inline_lists(text: str) -> list[Proposal]:
    """Numbered items run together inside one paragraph."""
    found = []
    for start, end in line_spans(text):
        marks = [m for m in INLINE.finditer(text, start, end) if not inline_false(text, m, start)]
        marks = marks[:MAX_INLINE_MARKS]
        i = 0
        while i < len(marks):
            if int(marks[i].group(1) or marks[i].group(2)) != 1:
                i += 1
                continue
            run, last = [marks[i]], i
            for k in range(i + 1, len(marks)):
                if int(marks[k].group(1) or marks[k].group(2)) == len(run) + 1:
                    run.append(marks[k])
                    last = k
            if len(run) >= 2:
                bounds = [m.end() for m in run]
                stops = [m.start() for m in run[1:]] + [sentence_end_after(text, run[-1].end(), end)]
                items = [Item(k + 1, *clean_item(text, b, s, drop_tail_connector=True))
                         for k, (b, s) in enumerate(zip(bounds, stops, strict=True))]
                found.append(Proposal("numbered", items, extra={"marker_start": run[0].start()}))
                i = last + 1
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
