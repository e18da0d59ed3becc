"""Title, publication date, dateline, outlet and credits of an article (issue 2).

Everything is read from the page furniture, never from body sentences: the title is the
headline line at the top, `published` comes from a line that is only a timestamp ("Selasa,
19/01/2021 10:14 WIB", "Diposting pada : 22 Desember 2025") or, failing that, from a
/YYYY/MM/DD/ URL path, and the dateline is the "PLACE, OUTLET –" opening of the first
paragraph. Credits are the reporter/editor/source/photo lines and codes the cleaner removed.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache
from urllib.parse import urlparse

from .clean import SENTENCE_END, Scan, credit_roles, data_rows, scan, word_count

# Only the opening lines can hold the headline or the dateline.
HEADER_LINES = 10
TITLE_MIN_WORDS, TITLE_MAX_WORDS = 3, 30
# Share of capitalised content words that marks a Title Case headline.
TITLE_CASE_SHARE = 0.6
# Words Indonesian headlines leave in lower case.
TITLE_SMALL_WORDS = frozenset(
    "dan di ke dari yang untuk dengan pada atau dalam oleh ini itu se bagi akan sebagai "
    "adalah jadi kepada tak tidak hingga sampai tentang terhadap atas demi serta the of".split())
MIN_YEAR, MAX_YEAR = 1990, 2100


# --- vocabularies -------------------------------------------------------------------------


# The month, weekday and time-zone vocabularies are the dates module's data files (shared).
@cache
def month_numbers() -> dict[str, int]:
    """Month name or abbreviation -> month number."""
    return {row[0]: int(row[1]) for row in data_rows("dates_months.tsv")}


@cache
def weekday_names() -> tuple[str, ...]:
    """Weekday names."""
    return tuple(row[0] for row in data_rows("dates_weekdays.tsv"))


@cache
def timezone_offsets() -> dict[str, str]:
    """Time-zone abbreviation -> UTC offset."""
    return {row[0]: row[1] for row in data_rows("dates_timezones.tsv")}


@cache
def timestamp_cues() -> tuple[str, ...]:
    """Words that introduce the publication timestamp."""
    return tuple(row[0] for row in data_rows("metadata_timestamp_cues.txt"))


def _alternation(words) -> str:
    """A regex alternation of words, longest first."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


YEAR = re.compile(r"\d{4}")


@cache
def date_pattern() -> str:
    """A day-precise date with its year, as a regex with named parts."""
    months = _alternation(month_numbers())
    day_month_year = rf"(?P<d1>\d{{1,2}})\s+(?P<m1>{months})\.?,?\s+(?P<y1>\d{{4}})"
    month_day_year = rf"(?P<m2>{months})\.?\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})"
    numeric = r"(?P<d3>\d{1,2})[/.-](?P<m3>\d{1,2})[/.-](?P<y3>\d{4})"
    iso = r"(?P<y4>\d{4})-(?P<m4>\d{2})-(?P<d4>\d{2})"
    return rf"(?P<date>{day_month_year}|{month_day_year}|{numeric}|{iso})"


@cache
def timestamp_regex() -> re.Pattern:
    """A line that is only a timestamp, with optional cue, weekday, time and zone."""
    weekdays = _alternation(weekday_names())
    zones = _alternation(timezone_offsets())
    cues = _alternation(timestamp_cues())
    # a view counter may follow the clock: "23 Agustus 2023 18:43:47 258"
    counter = r"(?:\s*[|•·-]?\s*\d[\d.,]*\s*(?:x|kali|views?|dilihat|dibaca)?)?"
    clock = (rf"(?:pukul\s+|jam\s+)?(?P<hh>\d{{1,2}})[:.](?P<mm>\d{{2}})(?::\d{{2}})?\s*(?P<tz>{zones})?"
             rf"{counter}")
    # A byline may share the line: "Redaksi | 16 Okt 2023 15:26 WITA", "... 2024 by admin".
    byline = r"(?:[^\d|•·:]{1,40}?\s*[|•·]\s*)?"
    by_suffix = r"(?:\s*[|•·-]?\s*(?:by|oleh)\s+[^\d|]{1,40})?"
    bullet = r"(?:[-•·*–]\s+)?"  # a timestamp in a bulleted byline block: "• 01 Agustus 2018 - 00:02 WIB"
    return re.compile(
        rf"{bullet}{byline}(?:(?P<cue>{cues})\s*:?\s*)?(?:(?:{weekdays})\s*,?\s*)?{date_pattern()}"
        rf"(?:\s*(?:[,|•·/-]|–|—|T)?\s*{clock})?{by_suffix}\s*[,.]?\s*",
        re.IGNORECASE)


@cache
def dated_dateline_regex() -> re.Pattern:
    """A dateline that carries the date: 'Palu, 16 Oktober 2023 –', 'BEKASI, Senin (16/10/2023) -',
    'SORONG, Kamis (14/09/2023) outlet –', 'Kupang, outlet.com / 9 September 2019',
    'Ambon, 20/6 (Antara Maluku) -' (its year read from the article)."""
    weekdays = _alternation(weekday_names())
    yearless = r"(?P<d5>\d{1,2})/(?P<m5>\d{1,2})(?![/\d])"
    return re.compile(
        rf"(?:\d+_\d+)?[A-Z][^\d()\n/|]{{1,40}}?\s*(?:[,(/|]|\s[-–—])\s*(?:{DOMAIN}\s*[/|,]\s*)?"
        rf"(?:(?:{weekdays})\s*,?\s*\(?\s*)?(?:{date_pattern()}|{yearless})"
        rf"\s*\)?\s*(?:\(?[A-Za-z][\w.&' ]{{0,30}}?\)?\s*)?(?:[-–—]|$)", re.IGNORECASE)


def article_year(result: Scan, url: str | None) -> int | None:
    """The year the article's own full dates name most often (the latest on a tie), else the URL's."""
    years: dict[int, int] = {}
    for _, line in result.kept_lines():
        for m in re.finditer(date_pattern(), line, re.IGNORECASE):
            day = _date_from_groups(m.groupdict())
            if day:
                years[day.year] = years.get(day.year, 0) + 1
    if years:
        return max(years, key=lambda y: (years[y], y))
    from_url = published_from_url(url)
    return int(from_url[:4]) if from_url else None


def dateline_date(match: re.Match, result: Scan, url: str | None) -> date | None:
    """The date a dated dateline gives, a yearless one dated by the article."""
    g = match.groupdict()
    if g["d5"]:
        year = article_year(result, url)
        return _valid_date(year, int(g["m5"]), int(g["d5"])) if year else None
    return _date_from_groups(g)


# --- published ---------------------------------------------------------------------------


def _valid_date(year: int, month: int, day: int) -> date | None:
    """The date, when it exists and lies in the range of news pages."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_timestamp(line: str) -> dict | None:
    """{value, text, cued, timed} when the whole line is a publication timestamp."""
    line = line.strip()
    if not YEAR.search(line):  # every date form above has a four-digit year: most lines end here
        return None
    match = timestamp_regex().fullmatch(line)
    if match:
        return _stamp(line, match.groupdict(), bool(match["cue"]))
    return parse_stamp_line(line)


def _stamp(line: str, g: dict, cued: bool) -> dict | None:
    """The timestamp record of a matched line, or None when its date does not exist."""
    day = _date_from_groups(g)
    if day is None:
        return None
    value = day.isoformat()
    timed = g.get("hh") is not None and int(g["hh"]) < 24 and int(g["mm"]) < 60
    if timed and g.get("tz"):
        offset = timezone_offsets()[g["tz"].upper()]
        value = f"{value}T{int(g['hh']):02d}:{g['mm']}:00{offset}"
    return {"value": value, "text": line, "cued": cued, "timed": timed}


# --- the timestamp grammar -------------------------------------------------------------------
# A timestamp line is PREFIX DATE SUFFIX: the prefix may hold a bullet, an uploader ("Upload by
# Admin -"), a byline ("Redaksi |") and a cue ("Diposting pada :"); the date may open with a
# weekday, short ones included ("Wed", "Sel"); the suffix is a sequence of clock, time zone,
# "Last Updated …", credits ("Reporter: A Editor: B"), "by X" and view counters, between
# separators (| , - • /). Anything else on the line makes it a sentence, not a timestamp.

STAMP_MAX_CHARS = 200
STAMP_SEPARATORS = re.compile(r"[\s,.|•·/:–—-]+")


@cache
def stamp_labels(kind: str) -> str:
    """The labels of one kind from metadata_stamp_labels.tsv, as a regex alternation."""
    return _alternation(row[0] for row in data_rows("metadata_stamp_labels.tsv") if row[1] == kind)


@cache
def stamp_core_regex() -> re.Pattern:
    """A weekday (full or short) and a day-precise date with its year."""
    short = (row[0] for row in data_rows("metadata_weekday_abbreviations.tsv"))
    weekdays = _alternation(set(weekday_names()) | set(short))
    return re.compile(rf"(?:(?<![\w])(?P<wd>{weekdays})\.?\s*[,|/-]?\s*)?{date_pattern()}", re.IGNORECASE)


@cache
def weekday_numbers() -> dict[str, int]:
    """Weekday name, full or short -> ISO weekday."""
    rows = data_rows("dates_weekdays.tsv") + data_rows("metadata_weekday_abbreviations.tsv")
    return {row[0]: int(row[1]) for row in rows}


def month_first(g: dict) -> dict:
    """A numeric date whose weekday fits only the month-first reading ("Selasa | 5/3/2022" is
    Tuesday 3 May): read it month first."""
    if not (g.get("wd") and g.get("y3")):
        return g
    weekday = weekday_numbers().get(g["wd"].lower())
    day_first = _valid_date(int(g["y3"]), int(g["m3"]), int(g["d3"]))
    swapped = _valid_date(int(g["y3"]), int(g["d3"]), int(g["m3"]))
    if weekday and swapped and swapped.isoweekday() == weekday and (
            day_first is None or day_first.isoweekday() != weekday):
        return {**g, "d3": g["m3"], "m3": g["d3"]}
    return g


@cache
def stamp_prefix_regex() -> re.Pattern:
    """What may stand before the date on a timestamp line."""
    cues = _alternation(timestamp_cues())
    return re.compile(
        rf"(?:[-•·*–]\s+)?(?:(?P<up>{stamp_labels('uploader')})\s+[^\d|•·:]{{1,40}}?\s*[-–—|•·,:]\s*)?"
        rf"(?:[^\d|•·:]{{1,40}}?\s*[|•·]\s*)?(?:(?P<cue>{cues})\s*:?\s*)?", re.IGNORECASE)


@cache
def stamp_suffix_parts() -> tuple[re.Pattern, ...]:
    """The pieces a timestamp line may carry after its date, tried in order."""
    zones = _alternation(timezone_offsets())
    roles = "|".join(sorted(map(re.escape, credit_roles()), key=len, reverse=True))
    return (
        re.compile(rf"(?:pukul\s+|jam\s+)?(?P<hh>\d{{1,2}})[:.](?P<mm>\d{{2}})(?::\d{{2}})?"
                   rf"(?:\s*(?P<tz>{zones})\b)?", re.IGNORECASE),
        re.compile(rf"(?:{zones})\b", re.IGNORECASE),
        re.compile(rf"(?:{stamp_labels('updated')})\b\s*:?\s*(?=[^|]{{0,12}}\d)[^|]{{0,60}}$", re.IGNORECASE),
        re.compile(rf"(?:{roles})\s*[:：]\s*[^:|]{{1,60}}?(?=\s+(?:{roles})\s*[:：]|\s*[|•·]|$)", re.IGNORECASE),
        re.compile(r"(?:by|oleh)\s+[^\d|]{1,40}?(?=\s*[|•·]|$)", re.IGNORECASE),
        re.compile(r"\d[\d.,]*\s*(?:x|kali|views?|dilihat|dibaca)\b", re.IGNORECASE),
    )


def read_stamp_suffix(rest: str) -> dict | None:
    """The clock parts of what follows a date, or None when something else is there."""
    found: dict = {}
    pos = 0
    while pos < len(rest):
        sep = STAMP_SEPARATORS.match(rest, pos)
        if sep:
            pos = sep.end()
            if pos >= len(rest):
                break
        for k, part in enumerate(stamp_suffix_parts()):
            if (m := part.match(rest, pos)) and m.end() > pos:
                if k == 0 and "hh" not in found:
                    found.update(hh=m["hh"], mm=m["mm"], tz=m["tz"])
                pos = m.end()
                break
        else:
            if found.get("hh") and re.fullmatch(r"\d[\d.,]*", rest[pos:].strip()):
                break  # a bare view counter after the clock: "18:43:47 258"
            return None
    return found


def parse_stamp_line(line: str) -> dict | None:
    """A timestamp line read by the grammar above, or None."""
    if len(line) > STAMP_MAX_CHARS:
        return None
    for core in stamp_core_regex().finditer(line):
        prefix = stamp_prefix_regex().fullmatch(line[:core.start()])
        if prefix is None:
            continue
        suffix = read_stamp_suffix(line[core.end():])
        if suffix is None:
            continue
        groups = {**month_first(core.groupdict()), "hh": None, "mm": None, "tz": None, **suffix}
        return _stamp(line, groups, bool(prefix["cue"] or prefix["up"]))
    return None


def _date_from_groups(g: dict) -> date | None:
    """The date matched by date_pattern()."""
    if g["y1"]:
        parts = int(g["y1"]), month_numbers()[g["m1"].lower()], int(g["d1"])
    elif g["y2"]:
        parts = int(g["y2"]), month_numbers()[g["m2"].lower()], int(g["d2"])
    elif g["y3"]:
        parts = int(g["y3"]), int(g["m3"]), int(g["d3"])
    else:
        parts = int(g["y4"]), int(g["m4"]), int(g["d4"])
    return _valid_date(*parts)


def published_from_text(result: Scan, url: str | None = None) -> str | None:
    """The page's own timestamp line: cued anywhere, otherwise above the first paragraph."""
    kept = [(i, line) for i, line in result.kept_lines() if line]
    first_body = next((n for n, (_, line) in enumerate(kept) if word_count(line) >= 15),
                      len(kept))
    last_body = max((n for n, (_, line) in enumerate(kept) if word_count(line) >= 15),
                    default=-1)
    found = []
    for n, (_, line) in enumerate(kept):
        stamp = parse_timestamp(line)
        if not stamp:
            continue
        header = n < first_body
        footer = n > last_body and stamp["timed"]
        if stamp["cued"] or header or footer:
            found.append((not stamp["cued"], not header, n, stamp["value"]))
    if found:
        return min(found)[3]
    for _, line in kept[:HEADER_LINES]:
        if match := dated_dateline_regex().match(line):
            day = dateline_date(match, result, url)
            return day.isoformat() if day else None
    return None


URL_DATE = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$)")


def published_from_url(url: str | None) -> str | None:
    """A /YYYY/MM/DD/ date in the URL path."""
    if not url:
        return None
    match = URL_DATE.search(urlparse(url).path)
    if not match:
        return None
    day = _valid_date(*map(int, match.groups()))
    return day.isoformat() if day else None


# --- dateline ----------------------------------------------------------------------------

DOMAIN = r"[\w-]+(?:\.[A-Za-z]{2,6})+\b"
CAPS = r"[A-Z][A-Z0-9]+(?:\s+[A-Z][A-Z0-9]+){0,3}\b"
CAPITALISED = r"[A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,3}\b"
SEGMENT = rf"(?:{DOMAIN}|{CAPS}|{CAPITALISED})(?:\s*\([A-Za-z]{{1,12}}\))?"
DATELINE = re.compile(
    rf"(?P<head>{SEGMENT}(?:\s*[,|]\s*-?\s*{SEGMENT}|\s+[-–—]\s+{CAPS}|\.[a-z]\w+){{0,3}})"
    rf"(?P<sep>\s*[-–—]+\s*(?=\S)|\s*[-–—]+\s*$|\.$)")
PAREN = re.compile(r"\s*\((?P<inner>[^)]*)\)\s*$")


def host_of(url: str | None) -> str | None:
    """The URL's host without 'www.'/'m.'/'amp.'."""
    if not url:
        return None
    host = (urlparse(url).hostname or "").lower()
    host = re.sub(r"^(?:www\d?|m|amp)\.", "", host)
    return host or None


def _squash(text: str) -> str:
    """Lower-case letters and digits only, to compare outlet names with hosts."""
    return re.sub(r"[^a-z0-9]", "", text.lower())


def host_labels(host: str | None) -> list[str]:
    """The name labels of a host, without its suffixes ('kabarpriangan', 'pikiran-rakyat')."""
    if not host:
        return []
    labels = host.split(".")
    return [_squash(label) for label in labels[:-1] if len(label) > 3 or label == labels[0]]


def names_host(segment: str, host: str | None, exact: bool = False) -> bool:
    """Whether a dateline segment names the site ('KABAR PRIANGAN' ~ kabarpriangan.…)."""
    squashed = _squash(segment)
    if len(squashed) < 4:
        return False
    return any(label == squashed or (not exact and label.startswith(squashed))
               for label in host_labels(host))


def is_domain(segment: str) -> bool:
    """'binews.id', 'SURYAFLOBAMORA.COM'."""
    return re.fullmatch(DOMAIN, segment) is not None


def parse_dateline(line: str, host: str | None = None) -> dict | None:
    """{text, place, outlet} when the line opens with a dateline."""
    match = DATELINE.match(line)
    if not match:
        dated = dated_dateline_regex().match(line)
        if not dated:
            return None
        place = re.split(r"\s*[,(]", dated.group())[0].strip()
        return {"text": dated.group().strip(), "place": place, "outlet": None}
    head = match["head"].strip()
    segments = [s.strip(" -") for s in re.split(r"\s*[,|]\s*|\s+[-–—]\s+|\.(?=[a-z]\w{6,}$)", head)]
    segments = [s for s in segments if s]
    if match["sep"] == "-" and len(segments) == 1 and not is_domain(segments[0]):
        return None  # "Pra-Musrenbang", "COVID-19": a hyphenated word, not a dateline
    if match["sep"] == "." and not any(is_domain(s) or names_host(s, host) for s in segments):
        return None  # "Kota Bekasi." alone is a sentence, not a dateline
    if word_count(head) > 6:
        return None
    place, outlet = _place_and_outlet(segments, host)
    return {"text": line[:match.end()].strip(), "place": place, "outlet": outlet}


def _place_and_outlet(segments: list[str], host: str | None) -> tuple[str | None, str | None]:
    """Tell the place from the outlet among dateline segments."""
    place = outlet = None
    qualifiers: list[str] = []
    for raw in segments:
        segment = raw
        if paren := PAREN.search(segment):
            qualifiers.append(paren["inner"].strip())
            segment = segment[:paren.start()].strip()
        words = segment.split()
        if outlet is None and (is_domain(segment) or names_host(segment, host)):
            outlet = segment
        elif outlet is None and len(words) > 1 and segment.isupper() and names_host(
                words[0], host, exact=True):
            outlet, rest = words[0], " ".join(words[1:])  # "JAMBIDAILY SERANG"
            place = place or rest
        elif place is None:
            place = segment
        elif outlet is None:
            outlet = segment  # "BEKASI, DAKTA": place first, then the outlet
    for qualifier in qualifiers:
        if outlet is None:
            outlet = qualifier
        elif place is None:
            place = qualifier
    return place, outlet


def find_dateline(result: Scan, host: str | None, skip: int | None = None) -> dict | None:
    """The dateline among the opening kept lines; one that names the outlet wins."""
    captions = {note.line for note in result.notes if note.kind == "photo_credit"}
    opening = [line for i, line in result.kept_lines() if line and i != skip and i not in captions]
    found = [d for line in opening[:HEADER_LINES]
             if not parse_timestamp(line) and (d := parse_dateline(line, host))]
    return next((d for d in found if d["outlet"]), found[0] if found else None)


# --- title -------------------------------------------------------------------------------


def title_case_share(line: str) -> float:
    """Share of content words that start with a capital letter or a digit."""
    words = [w for w in re.findall(r"[\w'’-]+", line) if w.lower() not in TITLE_SMALL_WORDS]
    if not words:
        return 0.0
    return sum(1 for w in words if w[0].isupper() or w[0].isdigit()) / len(words)


def find_title(result: Scan, host: str | None) -> tuple[int, str] | None:
    """(line, headline) when the page opens with a headline rather than a body paragraph."""
    kept = result.kept_lines()
    content = [(n, i, line) for n, (i, line) in enumerate(kept) if line]
    for position, (n, i, line) in enumerate(content[:3]):
        if parse_timestamp(line):
            continue
        if parse_dateline(line, host) or not headline_shaped(line):
            return None
        following = kept[n + 1][1] if n + 1 < len(kept) else ""
        next_line = content[position + 1][2] if position + 1 < len(content) else ""
        separated = (not following or parse_timestamp(next_line) is not None
                     or parse_dateline(next_line, host) is not None)
        if separated or title_case_share(line) >= TITLE_CASE_SHARE:
            return i, line
        return None
    return None


def headline_shaped(line: str) -> bool:
    """Short enough, and not closed like a sentence."""
    words = word_count(line)
    return (TITLE_MIN_WORDS <= words <= TITLE_MAX_WORDS and not SENTENCE_END.search(line)
            and not line.endswith((",", ";", ":", "|")))


# --- credits and the record ----------------------------------------------------------------


def credits_from(result: Scan) -> list[dict]:
    """Reporter, editor, source, photo and code credits found by the cleaner."""
    out: list[dict] = []
    for note in result.notes:
        for role, value in note.credits:
            if value and {"role": role, "value": value} not in out:
                out.append({"role": role, "value": value})
    return out


def extract_metadata(raw: str, url: str | None = None, scanned: Scan | None = None) -> dict:
    """Return title, published, published_source, dateline, outlet and credits from raw text;
    `scanned` is scan(raw) when the caller has it already (it also cleans the text)."""
    result = scanned or scan(raw)
    host = host_of(url)
    title = find_title(result, host)
    dateline = find_dateline(result, host, skip=title[0] if title else None)
    published, source = published_from_text(result, url), "text"
    if published is None:
        published, source = published_from_url(url), "url"
    return {
        "title": title[1] if title else None,
        "published": published,
        "published_source": source if published else None,
        "dateline": dateline,
        "outlet": (dateline or {}).get("outlet") or host,
        "credits": credits_from(result),
    }
