"""Boilerplate removal for scraped article text (issue 2).

The cleaner works line by line and is conservative: a line goes only when it matches a
boilerplate pattern as a whole (pipeline/data/boilerplate_lines.tsv, credit labels, share
widgets, image file names), when it belongs to a related-articles list that follows a
"Baca juga"/"Berita Terkait" heading, or when it lies after a strong footer marker (comment
section, address block, copyright). Only three things are cut from inside a line: a photo
credit at the end of a caption, a "1 min read" widget glued to the dateline, and a credit code
such as "(gie)" after the last sentence. Everything removed is recorded with its kind and its
0-based line number in the raw text.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

from .clean_chrome import chrome_lines

# Long paragraphs are article body: a "footer" marker followed by one is not a footer.
BODY_WORDS = 40
# A related-articles list is a run of headlines: short lines without a closing full stop.
HEADLINE_MAX_WORDS = 25


@dataclass
class Cleaned:
    """The article body, and the lines removed from it, by kind."""

    text: str
    boilerplate: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class Note:
    """One removal: a whole line, or the part of a line that was cut."""

    line: int
    kind: str
    text: str
    credits: tuple[tuple[str, str], ...] = ()  # (role, value) pairs the removal carried
    partial: bool = False


@dataclass
class Scan:
    """Normalised raw lines, the removals found in them, and the kept text of each line."""

    lines: list[str]
    notes: list[Note]
    kept: dict[int, str]

    def kept_lines(self) -> list[tuple[int, str]]:
        """(raw line number, kept text) of the lines that survive cleaning, blanks included."""
        return sorted(self.kept.items())


@dataclass(frozen=True)
class LinePattern:
    """A whole-line boilerplate pattern from boilerplate_lines.tsv."""

    kind: str
    scope: str
    regex: re.Pattern


# --- vocabularies -------------------------------------------------------------------------


def data_rows(name: str) -> list[list[str]]:
    """Rows of a data file, without comment lines and the header row of a TSV."""
    text = resources.files("pipeline").joinpath("data", name).read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    return rows[1:] if name.endswith(".tsv") else rows


@cache
def line_patterns() -> tuple[LinePattern, ...]:
    """The whole-line boilerplate patterns."""
    return tuple(LinePattern(kind, scope, re.compile(pattern, re.IGNORECASE))
                 for kind, scope, pattern in data_rows("boilerplate_lines.tsv"))


@cache
def credit_roles() -> dict[str, str]:
    """Credit-line label -> role ("wartawan" -> "reporter")."""
    return {label: role for label, role in data_rows("boilerplate_credit_roles.tsv")}


@cache
def social_words() -> frozenset[str]:
    """Words of share/follow/like widgets."""
    return frozenset(row[0] for row in data_rows("boilerplate_social_words.txt"))


@cache
def credit_line_regex() -> re.Pattern:
    """'<label>[/<label>] : <value>' as a whole line, for every credit label."""
    labels = "|".join(sorted(map(re.escape, credit_roles()), key=len, reverse=True))
    return re.compile(rf"(?P<label>(?:{labels})(?:\s*[/&]\s*(?:{labels}))*)\.?\s*[:：]\s*"
                      rf"(?P<value>.{{0,80}}?)\s*", re.IGNORECASE)


@cache
def credit_split_regex() -> re.Pattern:
    """Where a line holding several credits ('Penulis: A | Editor: B') splits."""
    labels = "|".join(sorted(map(re.escape, credit_roles()), key=len, reverse=True))
    return re.compile(rf"\s*[|,;/•·]\s*(?=(?:{labels})\.?\s*[:：])", re.IGNORECASE)


# --- patterns that need code rather than a table -------------------------------------------

# "Laporan Jurnalis Tribun-PapuaTengah.com, Marselinus Labu Lela"
REPORT_BY = re.compile(r"laporan\s+(?:wartawan|jurnalis|reporter|koresponden)\s+\S+(?:\s\S+)?"
                       r",\s*(?P<value>[^,.!?]{2,60})", re.IGNORECASE)
# "Artikel ini telah tayang di Kompas.com dengan judul ..."
REPUBLISHED = re.compile(r"artikel ini (?:telah |sudah )?(?:tayang|terbit|dimuat|diterbitkan)"
                         r" (?:di|pada|oleh) (?P<value>\S+?)[.,]?(?:\s.{0,300})?", re.IGNORECASE)
# "By admin", "Oleh: Redaksi"; "oleh" without a colon only before a capitalised name.
BY_LINE = re.compile(r"(?:by\s*:?\s*|oleh\s*:\s*)(?P<value>\S[^.!?]{0,40})|"
                     r"oleh\s+(?P<name>[A-Z][\w.']*(?:\s+[A-Z][\w.']*){0,3})", re.IGNORECASE)
# The source agency alone on a line, without a colon: "Sumber Antara", "Source Reuters".
SOURCE_LINE = re.compile(r"(?i:sumber|source)\s+(?P<value>[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*){0,2})")
# The desk signature on its own line, as some outlets print under the headline.
DESK_LINE = re.compile(r"(?:redaksi|admin|administrator|tim redaksi)", re.IGNORECASE)
# A person's name alone on a line (byline next to the timestamp): 2-4 capitalised words.
NAME_LINE = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,3}")
# Photo credits that close a caption: "[Foto: Dok. Biro Adpim Sumbar]", "(Ist)", "[dokumentasi]".
CAPTION_BRACKET = re.compile(
    r"\s*[\[(](?P<value>(?:foto|photo|dok|dokumentasi|ist|istimewa|sumber foto|ilustrasi)\b"
    r"[^\])]{0,80})[\])]\s*$", re.IGNORECASE)
# "... tahun 2026/ avnmedia.id", "... /kabar-priangan.com/DOK/"
CAPTION_SITE = re.compile(
    r"\s*(?<![:/])/\s*(?P<value>(?:[\w-]+\.)+[a-z]{2,6}(?:/[\w.-]*)*)/?\s*$", re.IGNORECASE)
# "... Sabtu, 16/1/2021. Foto, Sofyan Kastela."
CAPTION_FOTO = re.compile(
    r"(?<=[.!?])\s*\b(?:foto|photo)\s*[,:/]\s*(?P<value>[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*){0,3})"
    r"\.?\s*$")
# A reading-time widget glued to the start of the dateline: "1 min readJAMBIDAILY SERANG –".
READ_TIME_PREFIX = re.compile(r"^\d+\s*(?:min|mins|menit)\s*(?:read|baca)\s*", re.IGNORECASE)
# A credit code after the last sentence: "(ADV/Humas)", "(*/ris)", "|isw|", ".(Aceng)".
CODE_AFTER_SENTENCE = re.compile(
    r"(?<=[.!?\"”’')])\s*(?P<code>\((?=[^)]*[A-Za-z*])(?P<v1>[\w*][\w*/:.&+-]{0,39})\)"
    r"|\|(?P<v2>[\w*/.-]{1,20})\|)\s*$")
# Lower-case codes ("(gie)") are not acronyms, so they need no sentence end before them.
CODE_LOWER = re.compile(r"\s*(?P<code>\((?P<v1>\*?/?[a-z]{2,8})\))\s*$")
CODE_ALONE = re.compile(
    r"\((?=[^)]*[A-Za-z*])(?P<v1>[\w*][\w*/:.&+-]{0,39})\)|\|(?P<v2>[\w*/.-]{1,20})\|")
SENTENCE_END = re.compile(r"[.!?][\"”’')]*$")
BULLET = re.compile(r"^[-•·*–]\s+")
SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
PAGE_TITLE_SEPARATORS = (" – ", " — ", " - ", " | ", " :: ")


# --- line classification -------------------------------------------------------------------


def normalize_line(line: str) -> str:
    """Strip a line and turn NBSP and other odd spaces into single spaces."""
    return SPACES.sub(" ", INVISIBLE.sub("", line)).strip()


def word_count(text: str) -> int:
    """Number of whitespace-separated words."""
    return len(text.split())


def match_pattern(line: str) -> LinePattern | None:
    """The first whole-line boilerplate pattern the line matches."""
    for pattern in line_patterns():
        if pattern.regex.fullmatch(line):
            return pattern
    return None


def is_social_line(line: str) -> bool:
    """A share/follow widget: only widget words, plus at most one account name."""
    tokens = re.findall(r"[\w']+", line.lower())
    if not tokens or len(tokens) > 20:
        return False
    others = [t for t in tokens if t not in social_words()]
    return len(others) <= 1 and len(tokens) - len(others) >= max(1, len(tokens) - 1) and (
        len(tokens) >= 2 or not others)


def is_breadcrumb(line: str) -> bool:
    """'Bekasi / Kota /' or 'Home › Berita › Daerah': short segments between separators."""
    parts = re.split(r"\s*[/›»>]\s*", line)
    separators = len(parts) - 1
    if separators == 0 or SENTENCE_END.search(line):
        return False
    if not all(word_count(p) <= 3 for p in parts):
        return False
    spaced = len(re.findall(r"\s[/›»>]\s|\s[/›»>]$|^[/›»>]\s", line))
    return line.endswith(("/", "›", "»", ">")) or spaced >= 2 or "›" in line or "»" in line


def labelled_credits(line: str) -> list[tuple[str, str]] | None:
    """(role, value) pairs when the whole line is 'Reporter : Asep' or 'Penulis: A | Editor: B'."""
    pairs: list[tuple[str, str]] = []
    for part in credit_split_regex().split(line):
        match = credit_line_regex().fullmatch(part)
        if not match or word_count(match["value"]) > 8:
            return None
        for label in re.split(r"\s*[/&]\s*", match["label"]):
            pairs.append((credit_roles()[label.lower()], match["value"].strip(" .")))
    return pairs


def credit_line(line: str) -> list[tuple[str, str]] | None:
    """(role, value) pairs when the whole line is a credit such as 'Reporter : Asep'."""
    if (pairs := labelled_credits(line)) is not None:
        return pairs
    if match := REPORT_BY.fullmatch(line):
        return [("reporter", match["value"].strip())]
    if line.lower().rstrip(" :") in credit_roles():
        return [(credit_roles()[line.lower().rstrip(" :")], "")]  # a label left without its value: "- Editor"
    if match := SOURCE_LINE.fullmatch(line):
        return [("sumber", match["value"])]
    if match := REPUBLISHED.fullmatch(line):
        return [("sumber", match["value"].strip(" ."))]
    if (match := BY_LINE.fullmatch(line)) and not re.match(r"oleh\s+karena", line, re.I):
        value = (match["value"] or match["name"] or "").strip()
        return [("penulis", value)] if word_count(value) <= 4 else None
    if DESK_LINE.fullmatch(line):
        return [("penulis", line)]
    return None


def looks_like_headline(line: str) -> bool:
    """A related-article entry: a bullet, or a short line without a closing full stop."""
    if BULLET.match(line):
        return True
    return word_count(line) <= HEADLINE_MAX_WORDS and not SENTENCE_END.search(line)


def looks_like_body(line: str) -> bool:
    """A long paragraph that ends like a sentence."""
    return word_count(line) >= BODY_WORDS


def caption_credit(line: str) -> tuple[str, str, str] | None:
    """(kept caption, cut credit, credit value) when the line ends with a photo credit."""
    for regex in (CAPTION_BRACKET, CAPTION_SITE, CAPTION_FOTO):
        match = regex.search(line)
        if match and match.start() > 0:
            value = re.sub(r"^(?:foto|photo)\s*[:,]?\s*", "", match["value"], flags=re.I)
            return line[:match.start()].rstrip(), line[match.start():].strip(), value.strip(" /")
    return None


def mentioned_elsewhere(line: str, page_words: Counter) -> bool:
    """Whether a word of the line recurs in the rest of the page (a headline's words do,
    a reporter's name does not); page_words counts the words of the whole page."""
    own = Counter(re.findall(r"\w+", line.lower()))
    return any(page_words[word] > count for word, count in own.items() if len(word) > 2)


def page_title_line(line: str, later: list[str]) -> bool:
    """The browser title: a later header line plus ' – Site name'."""
    for other in later:
        if other and line != other and line.startswith(other):
            rest = line[len(other):]
            if rest.startswith(PAGE_TITLE_SEPARATORS) and word_count(rest) <= 5:
                return True
    return False


# --- the scan ------------------------------------------------------------------------------


def scan(raw: str) -> Scan:
    """Classify every line of a raw article and work out what is kept of it."""
    from .metadata import parse_timestamp  # late import: metadata builds on this module

    lines = [normalize_line(line) for line in raw.replace("\r\n", "\n").replace("\r", "\n")
             .split("\n")]
    notes: dict[int, Note] = {}
    kept = dict(enumerate(lines))
    footer_at: int | None = None
    header = [i for i, line in enumerate(lines) if line][:12]
    last_body = max((i for i, line in enumerate(lines) if looks_like_body(line)), default=-1)

    def remove(i: int, kind: str, credits: tuple[tuple[str, str], ...] = ()) -> None:
        notes[i] = Note(i, kind, lines[i], credits)
        kept.pop(i, None)

    i = 0
    while i < len(lines):
        line = lines[i]
        if not line:
            i += 1
            continue
        pattern = match_pattern(line)
        # a bulleted byline block: "- Oleh MC Kota Padang Panjang", "• Redaktur: Inda Susanti"
        credit = None if pattern else credit_line(BULLET.sub("", line))
        if pattern:
            remove(i, pattern.kind)
            if pattern.scope == "footer" and footer_at is None and last_body <= i:
                footer_at = i
            if pattern.scope == "related":
                j = i + 1
                while j < len(lines) and (not lines[j] or looks_like_headline(lines[j])):
                    if lines[j] and match_pattern(lines[j]):
                        break  # e.g. the comment counter under the list: classify it itself
                    if lines[j]:
                        remove(j, "related")
                    j += 1
                if j - 1 > i:
                    i = j
                    continue
        elif credit:
            remove(i, "credit", tuple((r, v) for r, v in credit if v))
        elif is_social_line(line):
            remove(i, "social")
        elif is_breadcrumb(line):
            remove(i, "breadcrumb")
        elif i in header and page_title_line(line, [lines[j] for j in header if j > i]):
            remove(i, "page_title")
        i += 1

    if footer_at is not None:
        for j in range(footer_at + 1, len(lines)):
            if lines[j] and j not in notes:
                remove(j, "footer")

    partial: list[Note] = []
    previous = ""
    for i, line in sorted(kept.items()):
        if not line:
            continue
        if match := READ_TIME_PREFIX.match(line):
            partial.append(Note(i, "ui", match.group().strip(), partial=True))
            line = kept[i] = line[match.end():]
        if (cut := caption_credit(line)) is not None:
            caption, credit_text, value = cut
            partial.append(Note(i, "photo_credit", credit_text, (("foto", value),), partial=True))
            line = kept[i] = caption
        if line == previous and word_count(line) >= 3:
            remove(i, "duplicate")
            continue
        previous = line

    # A name alone just above the timestamp is the byline ("Bernadette Sariyem").
    order = [i for i, line in sorted(kept.items()) if line]
    page_words = Counter(re.findall(r"\w+", "\n".join(lines).lower()))
    for before, after in zip(order, order[1:], strict=False):
        if (NAME_LINE.fullmatch(kept[before]) and parse_timestamp(kept[after])
                and not mentioned_elsewhere(kept[before], page_words)):
            remove(before, "credit", (("penulis", lines[before]),))

    # Blocks of headline links, their dates and widget rows, wherever they stand after the lead.
    for i in chrome_lines(kept, parse_timestamp):
        remove(i, "chrome")

    partial.extend(_cut_trailing_code(kept, lines, remove))
    all_notes = sorted([*notes.values(), *partial], key=lambda n: (n.line, n.partial))
    return Scan(lines, all_notes, kept)


def _cut_trailing_code(kept: dict[int, str], lines: list[str], remove) -> list[Note]:
    """Cut a credit code such as '(gie)' from the end of the last kept line."""
    order = [i for i, line in sorted(kept.items()) if line]
    if not order:
        return []
    last = order[-1]
    line = kept[last]
    if (alone := CODE_ALONE.fullmatch(line)) and len(order) > 1:
        remove(last, "credit", (("code", alone["v1"] or alone["v2"]),))
        return []
    match = CODE_AFTER_SENTENCE.search(line) or CODE_LOWER.search(line)
    if not match or match.start() == 0:
        return []
    kept[last] = line[:match.start()].rstrip()
    value = match["v1"] or match.groupdict().get("v2")
    return [Note(last, "credit", match["code"], (("code", value),), partial=True)]


def assemble(scan_result: Scan) -> str:
    """Join the kept lines, collapsing runs of blank lines into one."""
    out: list[str] = []
    for _, line in scan_result.kept_lines():
        if line or (out and out[-1]):
            out.append(line)
    return "\n".join(out).strip()


def clean_text(raw: str, scanned: Scan | None = None) -> Cleaned:
    """Remove boilerplate lines from raw article text and record what was removed; `scanned`
    is scan(raw) when the caller has it already (metadata reads the same scan)."""
    result = scanned or scan(raw)
    removed = [{"kind": n.kind, "text": n.text, "line": n.line} for n in result.notes]
    return Cleaned(text=assemble(result), boilerplate=removed)
