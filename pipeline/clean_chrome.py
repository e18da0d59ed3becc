"""Page chrome in blocks: runs of lines that look like headline links or widgets (issue 14).

A line-by-line cleaner cannot tell a related-articles block without a "Baca juga" heading
from article text: each headline alone is just a short line. A block of them can: several
short Title-Case lines without full stops, often with their dates, or widget rows (a calendar,
a menu of "|"-separated cells). Such a block is chrome after the body's last paragraph, and
anywhere past the first paragraph when headlines alternate with dates or widget rows repeat.
A run of lines introduced by a line that does not close a sentence ("Turut hadir:") is a list
of the article, never chrome.
"""

from __future__ import annotations

import re

# A body paragraph: at least this many words, closed like a sentence.
PARAGRAPH_WORDS = 20
HEADLINE_MIN_WORDS, HEADLINE_MAX_WORDS = 3, 20
# Share of capitalised content words in a headline link.
HEADLINE_CASE_SHARE = 0.6
# A dated line is short: the date, perhaps a clock and a category.
DATED_MAX_WORDS = 12
SMALL_WORDS = frozenset(
    "dan di ke dari yang untuk dengan pada atau dalam oleh ini itu se bagi akan sebagai adalah jadi "
    "kepada tak tidak hingga sampai tentang terhadap atas demi serta saat usai jelang".split())
SENTENCE_CLOSE = re.compile(r"[.!?][\"”’')]*(?:\s*\([\w*/ .&-]{1,30}\))?$")
NUMBERED_BULLET = re.compile(r"^[-•·*–]\s*\d{1,2}\s+\S")
LIST_MARKER = re.compile(r"^(?:\(?\d{1,2}[.):]|\(?[a-zA-Z][.)]|[-•·*–—▪●◦»►✓])\s")
CELL_SEPARATOR = re.compile(r"\s*[|·]\s*")


def closes_paragraph(line: str) -> bool:
    """A line that ends like a sentence, a credit code after it allowed: '… Rohidin. (tux)'."""
    return bool(SENTENCE_CLOSE.search(line))


def is_paragraph(line: str) -> bool:
    """A body paragraph."""
    return len(line.split()) >= PARAGRAPH_WORDS and closes_paragraph(line)


def case_share(line: str) -> float:
    """Share of content words that start with a capital letter or a digit."""
    words = [w for w in re.findall(r"[\w'’-]+", line) if w.lower() not in SMALL_WORDS]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper() or w[0].isdigit()) / len(words)


def is_headline_link(line: str) -> bool:
    """A related-article link: a short Title-Case line that is not a sentence."""
    if NUMBERED_BULLET.match(line):
        return True
    words = len(line.split())
    return (HEADLINE_MIN_WORDS <= words <= HEADLINE_MAX_WORDS and not closes_paragraph(line)
            and not line.endswith((":", ",", ";")) and case_share(line) >= HEADLINE_CASE_SHARE)


def is_widget_row(line: str) -> bool:
    """A row of a calendar, table or menu: several short cells between '|' or '·'."""
    cells = [c for c in CELL_SEPARATOR.split(line) if c]
    return line.count("|") + line.count("·") >= 2 and all(len(c.split()) <= 5 for c in cells) or (
        line.endswith("|") and len(line.split()) <= 8)


def is_dated_line(line: str, stamp) -> bool:
    """A short line that is a date, as the date under a related headline."""
    return len(line.split()) <= DATED_MAX_WORDS and stamp(line) is not None


def chrome_lines(kept: dict[int, str], stamp) -> list[int]:
    """Raw line numbers of the kept lines that belong to chrome blocks.

    stamp(line) reads a timestamp line (metadata.parse_timestamp), or returns None.
    """
    order = [i for i, line in sorted(kept.items()) if line]
    paragraphs = [n for n, i in enumerate(order) if is_paragraph(kept[i])]
    if not paragraphs:
        return []
    kinds = {}
    for n in range(paragraphs[0] + 1, len(order)):
        line = kept[order[n]]
        if is_dated_line(line, stamp):
            kinds[n] = "dated"
        elif is_widget_row(line):
            kinds[n] = "widget"
        elif is_headline_link(line) and not LIST_MARKER.match(line) or NUMBERED_BULLET.match(line):
            kinds[n] = "headline"
    out: list[int] = []
    n = paragraphs[0] + 1
    while n < len(order):
        if n not in kinds:
            n += 1
            continue
        end = n
        while end < len(order) and end in kinds:
            end += 1
        if block_is_chrome([kinds[k] for k in range(n, end)], n, end, paragraphs[-1], kept[order[n - 1]]):
            out.extend(order[n:end])
        n = end
    return out


def block_is_chrome(kinds: list[str], start: int, end: int, last_paragraph: int, before: str) -> bool:
    """Whether a run of headline, dated and widget lines is chrome."""
    if not closes_paragraph(before):
        return False  # "Turut hadir dalam pertemuan ini" introduces the lines below it
    headlines, dated, widgets = (kinds.count(k) for k in ("headline", "dated", "widget"))
    if start > last_paragraph and len(kinds) >= 2 and headlines + widgets >= 2:
        return True
    return len(kinds) >= 3 and ((dated >= 2 and headlines >= 1) or widgets >= 3)
