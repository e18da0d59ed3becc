"""Named officials and their positions (issue 3).

Rules first: a title from the vocabulary (data/titles.tsv), the region or body written after
it, then a name shaped like a name ("Wali Kota Bekasi Rahmat Effendi", "Kepala Dinas LH
Jumhana Lutfi", "Wakil Gubernur, Deinas Geley"), or a name with the title after it in
parentheses or apposition ("Yan Rizana, ST, M.Si (Kadis Penanaman Modal)", "Tri Adhianto,
Plt. Wali Kota"). PER entities from a model, when given, move the name boundaries.
Short forms, nicknames and bare titles later in the article resolve to the person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

from .names import (
    bare,
    degrees,
    is_degree,
    is_honorific,
    is_initial,
    is_short_form,
    name_key,
    read_lines,
    same_spelling,
    split_name,
)

# Words keep inner dots and apostrophes (M.Si, R.L, Ma'ruf) and lower-case hyphen parts
# (se-Kota, kota-kota); "SorotNTT.Com-Bupati" splits before the capitalized title.
TOKEN_RE = re.compile(r"\w+(?:[.'’]\w+)*(?:-[a-z0-9]\w*)*|[^\w\s]")


def word_set(name: str) -> frozenset[str]:
    """One of the closed word sets in data/officials_word_sets.tsv."""
    rows = (line.split("\t") for line in read_lines("officials_word_sets.tsv")[1:])
    return frozenset(word for set_name, word in rows if set_name == name)


# Abbreviations whose dot does not end a sentence; "Pol." in ranks (Irjen Pol. Dedi) is one of them.
DOTTED_ABBREVIATIONS = word_set("dotted_abbreviation")
ROMAN = {"i", "ii", "iii", "iv", "v", "vi"}
ROMAN_RE = re.compile(r"x{0,3}(?:ix|iv|v?i{0,3})")  # up to XXXIX: "Pangdam XVIII/Kasuari", "Komisi VIII"
RANK_CORPS = word_set("rank_corps")
GROUP_WORDS = word_set("group")
OPEN_QUOTES, CLOSE_QUOTES = "\"“”‘’'", "\"”“’‘'"
MAX_NAME_TOKENS = 6
UNIT_KINDS = ("agency", "body", "aide")  # posts that take a unit's name after them
LOWER_REGION_KEYWORDS = word_set("lower_region_keyword")
SMALL_AREA_KEYWORDS = word_set("small_area_keyword")
STATE_WORDS = word_set("state_word")
POSTS_BEFORE_PLACE = word_set("post_before_place")


@dataclass(frozen=True)
class Tok:
    """A word or punctuation token with its character span; `dot` when a '.' follows."""

    text: str
    start: int
    end: int
    dot: bool

    @property
    def low(self) -> str:
        """Lower-cased text."""
        return self.text.lower()


@dataclass(frozen=True)
class TitleEntry:
    """One row of data/titles.tsv."""

    form: tuple[str, ...]
    needs_dot: bool
    normalized: str
    kind: str
    unit: str


@dataclass
class TitleSpan:
    """A title found in the text: acting/deputy prefixes, core title and complement."""

    first: int
    core_end: int
    last: int  # token index after the complement
    entry: TitleEntry
    acting: str | None
    deputy: bool
    complement: tuple[int, int]

    def key(self) -> str:
        """Normalized core title, with 'Wakil' when the post is a deputy's."""
        norm = self.entry.normalized
        return f"Wakil {norm}" if self.deputy and not norm.startswith("Wakil") else norm


@dataclass
class Finding:
    """One named mention of a person together with a title."""

    name: str
    span: tuple[int, int]
    honorifics: list[str]
    degrees: list[str]
    titles: list[dict]
    aliases: list[str] = field(default_factory=list)


# --- vocabularies --------------------------------------------------------------------------


@cache
def title_entries() -> dict[str, list[TitleEntry]]:
    """Title vocabulary indexed by the first word, longest forms first."""
    index: dict[str, list[TitleEntry]] = {}
    for line in read_lines("titles.tsv")[1:]:
        cols = (line.split("\t") + ["", "", "", ""])[:4]
        form, normalized, kind, unit = (c.strip() for c in cols)
        words = tuple(bare(w) for w in form.split())
        entry = TitleEntry(words, form.endswith("."), normalized, kind, unit)
        index.setdefault(words[0], []).append(entry)
    for entries in index.values():
        entries.sort(key=lambda e: -len(e.form))
    return index


@cache
def lexicon() -> dict[str, frozenset[str]]:
    """Word classes from data/officials_lexicon.tsv, by lower-cased word."""
    classes: dict[str, set[str]] = {}
    for line in read_lines("officials_lexicon.tsv")[1:]:
        word, cls = line.split("\t")
        classes.setdefault(word.lower(), set()).add(cls)
    return {w: frozenset(c) for w, c in classes.items()}


def word_class(token: str, cls: str) -> bool:
    """True when the token belongs to a lexicon class."""
    return cls in lexicon().get(token.lower().rstrip("."), frozenset())


@cache
def regions() -> tuple[frozenset[tuple[str, ...]], int]:
    """Region names as lower-cased token tuples, and the longest length."""
    names = read_lines("officials_regions.txt") + read_lines("officials_region_abbreviations.txt")
    forms = frozenset(tuple(n.lower().split()) for n in names)
    return forms, max(len(f) for f in forms)


@cache
def count_words() -> frozenset[str]:
    """Cardinal number words of two or more (data/number_words.tsv): "tiga", "dua puluh"."""
    rows = [line.split("\t") for line in read_lines("number_words.tsv")[1:]]
    return frozenset(r[1].strip() for r in rows if len(r) > 1 and r[0].strip().isdigit() and int(r[0]) >= 2)


def counted(tok: Tok) -> bool:
    """A count written before a title ("20 Pj Kades", "tiga Kepala Desa"); not a year or a date."""
    t = tok.low
    return t.isdecimal() and len(t) <= 3 and int(t) >= 2 or t in count_words() or t in {"puluhan", "ratusan", "belasan"}


# --- tokens --------------------------------------------------------------------------------


class Tokens(list):
    """The token list of one text, with the indexes of words seen only in headlines, and of
    those among them that the body writes in lower case (common words: "Kaji Banding")."""

    headline_only: frozenset[int] = frozenset()
    headline_common: frozenset[int] = frozenset()


def tokenize(text: str) -> Tokens:
    """Word and punctuation tokens with offsets."""
    toks = Tokens()
    for m in TOKEN_RE.finditer(text):
        # A dot right after a word is kept as that word's `dot` flag, not as a token.
        if m.group() == "." and toks and toks[-1].end == m.start() and toks[-1].dot:
            continue
        cuts = glued_dots(m.group())
        if cuts:
            for a, b in zip([-1, *cuts], cuts, strict=False):
                toks.append(Tok(m.group()[a + 1:b], m.start() + a + 1, m.start() + b, True))
            last = cuts[-1] + 1
            toks.append(Tok(m.group()[last:], m.start() + last, m.end(), text[m.end():m.end() + 1] == "."))
            continue
        toks.append(Tok(m.group(), m.start(), m.end(), text[m.end():m.end() + 1] == "."))
    toks.headline_only = headline_only_tokens(text, toks)
    lower = {t.text for t in toks if t.text.islower()}
    toks.headline_common = frozenset(i for i in toks.headline_only if toks[i].low in lower)
    return toks


GLUED_RE = re.compile(r"([A-Za-z]+)\.([A-Z][a-z]{2,})")
HONORIFIC_HEAD_RE = re.compile(r"([A-Za-z]+)\.(?=[A-Z])")
WEB_WORDS = word_set("web")


def glued_dots(word: str) -> list[int]:
    """Indexes of dots that join words for want of a space: honorifics glued to the name
    ("H.Ikhlasinnufus", "Ir.H.Andi") or a sentence run on ("Yake.Turut hadir"); not a site
    name ("Investigasi.Today"), a degree ("M.Si") or initials ("R.L")."""
    cuts, pos = [], 0
    while (m := HONORIFIC_HEAD_RE.match(word, pos)) and is_honorific(m.group(1)):
        cuts.append(m.end(1))
        pos = m.end()
    m = GLUED_RE.fullmatch(word, pos)
    if m and m.group(2).lower() not in WEB_WORDS and len(m.group(1)) >= 3 and not is_degree(m.group(1)) \
            and not is_degree(word[pos:]):
        cuts.append(pos + len(m.group(1)))
    return cuts


def headline_only_tokens(text: str, toks: list[Tok]) -> frozenset[int]:
    """Capitalized words of Title-Case lines that the article never writes elsewhere.

    Headlines capitalize every word ("Rombongan Gubernur Dipandu Bupati Rettob"), so a
    word there is taken for part of a name only when the body repeats it.
    """
    headline_lines = set()
    pos = 0
    for line in text.split("\n"):
        words = [w for w in re.findall(r"[A-Za-z]\w*", line)
                 if w.lower() not in {"dan", "di", "ke", "yang", "dari", "untuk"}]
        if (len(words) >= 4 and len(line) <= 160 and not line.rstrip().endswith(".")
                and sum(w[0].isupper() for w in words) >= 0.75 * len(words)):
            headline_lines.add((pos, pos + len(line)))
        pos += len(line) + 1
    if not headline_lines:
        return frozenset()

    def in_headline(t: Tok) -> bool:
        return any(a <= t.start < b for a, b in headline_lines)

    body_words = {t.text for t in toks if not in_headline(t)}
    return frozenset(i for i, t in enumerate(toks)
                     if in_headline(t) and t.text[:1].isupper() and t.text not in body_words)


def is_roman(low: str) -> bool:
    """A lower-cased Roman numeral: the listed short ones, or any of two letters or more."""
    return low in ROMAN or len(low) >= 2 and ROMAN_RE.fullmatch(low) is not None


def is_cap(tok: Tok) -> bool:
    """Starts with a capital letter."""
    return tok.text[:1].isupper()


def is_acronym(tok: Tok) -> bool:
    """An agency or region acronym: PUPR, BPKAD, SBT, DKI, Bappeda-like camel forms."""
    t = tok.text
    if len(t) >= 2 and t.isupper() and t.isalpha():
        return True
    return word_class(t, "agency_acronym")


def ends_sentence(tok: Tok) -> bool:
    """A dot after the token that ends the sentence rather than an abbreviation."""
    if not tok.dot:
        return False
    return not (is_initial(tok.text) or is_honorific(tok.text) or is_degree(tok.text)
                or bare(tok.text) in DOTTED_ABBREVIATIONS or acting_form(tok.text))


def acting_form(text: str) -> bool:
    """Plt, Pj, Pjs, Plh."""
    return bare(text) in {"plt", "pj", "pjs", "plh"}


def gap(text: str, a: Tok, b: Tok) -> str:
    """The characters between two tokens, not counting a dot kept on the first."""
    return text[a.end + (1 if a.dot else 0):b.start]


def same_line(text: str, a: Tok, b: Tok) -> bool:
    """No line break between the two tokens."""
    return "\n" not in gap(text, a, b)


# --- titles --------------------------------------------------------------------------------


def match_title(toks: list[Tok], i: int) -> tuple[int, TitleEntry] | None:
    """The longest vocabulary title starting at token i: (end index, entry)."""
    if i >= len(toks):
        return None
    for entry in title_entries().get(bare(toks[i].text), []):
        n = len(entry.form)
        if i + n > len(toks):
            continue
        if all(bare(toks[i + k].text) == entry.form[k] for k in range(n)):
            if entry.needs_dot and not toks[i + n - 1].dot:
                continue
            # A title word in lower case is fine ("wakil walikota Serang"), but all its words
            # must agree: "Kepala" in "kepala Dinas" is still a title, "kota" alone is not.
            return i + n, entry
    return None


def match_region(toks: list[Tok], i: int) -> int | None:
    """End index of the longest region name at token i."""
    forms, longest = regions()
    for n in range(min(longest, len(toks) - i), 0, -1):
        words = toks[i:i + n]
        if not all(is_cap(t) for t in words):
            continue
        if tuple(t.low for t in words) in forms:
            return i + n
    return None


def paren_group(toks: list[Tok], i: int, limit: int = 5) -> int | None:
    """Index after a short '( ... )' group of capitalized words/acronyms starting at i."""
    if i >= len(toks) or toks[i].text != "(":
        return None
    for j in range(i + 1, min(len(toks), i + limit + 2)):
        if toks[j].text == ")":
            inner = toks[i + 1:j]
            if inner and all(is_cap(t) or t.text in {".", "-", "&"} or t.text.isdigit() for t in inner):
                return j + 1
            return None
    return None


def parse_title(toks: list[Tok], i: int, text: str, local_regions: frozenset[str]) -> TitleSpan | None:
    """A title starting at token i with its acting/deputy prefixes and complement."""
    first, acting, deputy = i, None, False
    while True:
        m = match_title(toks, i)
        if not m or m[1].kind not in ("acting", "deputy"):
            break
        if m[1].kind == "acting":
            acting = m[1].unit
        else:
            deputy = True
        i = m[0]
        after = paren_group(toks, i)
        if after is not None:
            i = after
    m = match_title(toks, i)
    if not m or m[1].kind in ("acting", "deputy"):
        return None
    core_end, entry = m
    if entry.kind == "rank" and (acting or deputy):
        return None
    if entry.kind == "aide" and head_title_at(toks, core_end) is None:
        return None  # "Staf Khusus", "Tenaga Ahli": public posts only when serving a head ("Staf Khusus Wapres")
    j = parse_complement(toks, core_end, entry, text, local_regions)
    if entry.kind == "agency" and not entry.unit and j == core_end:
        return None  # a bare "Kepala"/"Asisten" says nothing about the post
    return TitleSpan(first, core_end, j, entry, acting, deputy, (core_end, j))


def numbering_end(toks: list[Tok], j: int, start: int, entry: TitleEntry) -> int | None:
    """End of a number or period right after a core title ("Asisten 1", "Pangdam III/Siliwangi",
    "periode 2019-2024"), or None."""
    n, tok = len(toks), toks[j]
    if tok.text.isdigit() and j == start and (len(tok.text) <= 2 or entry.kind in ("police", "military")):
        j += 1  # Asisten 1, Wakil Ketua 2, Dandim 0507/Bekasi
        return j + 2 if j + 1 < n and toks[j].text == "/" and is_cap(toks[j + 1]) else j
    if is_roman(tok.low) and j == start and (j + 1 >= n or not is_cap(toks[j + 1]) or is_acronym(toks[j + 1])
                                             or word_class(toks[j + 1].text, "region_keyword")
                                             or tok.text == "I" and not balinese_initial(toks, j)):
        j += 1  # "Asisten I Julises", but "Bupati I Made Kembang" opens a Balinese name
        return j + 2 if j + 1 < n and toks[j].text == "/" and is_cap(toks[j + 1]) else j  # "Pangdam III/Siliwangi"
    if tok.low == "periode" and j + 1 < n and re.fullmatch(r"\d{4}(?:[-–]\d{4})?", toks[j + 1].text):
        j += 2
        while j + 1 < n and toks[j].text in {"-", "–"} and toks[j + 1].text.isdigit():
            j += 2
        return j
    return None


def unit_connector_end(toks: list[Tok], j: int, start: int, entry: TitleEntry) -> int | None:
    """Past a connector joining the words of a unit's name ("Komunikasi, Informatika, Persandian,
    dan Statistik"), or None."""
    n, tok = len(toks), toks[j]
    if entry.kind not in UNIT_KINDS or j <= start:
        return None
    if tok.text in {"dan", "&", ","} and j + 1 < n and (word_class(toks[j + 1].text, "agency")
                                                         or is_acronym(toks[j + 1])):
        return j + 1
    if tok.text == "," and j + 2 < n and toks[j + 1].text in {"dan", "serta"} \
            and word_class(toks[j + 2].text, "agency"):
        return j + 2
    return None


def province_end(toks: list[Tok], j: int, text: str) -> int | None:
    """"Bupati Kabupaten Bintan, Kepulauan Riau (Kepri), Roby": the province after the region,
    never one word alone ("Wali Kota Bogor, Bima Arya"); None when no province follows the comma."""
    n = len(toks)
    if toks[j].text != "," or j + 1 >= n or not same_line(text, toks[j], toks[j + 1]):
        return None
    end = match_region(toks, j + 1)
    after = paren_group(toks, end) if end is not None else None
    if after or end is not None and end - j > 2 and end < n and toks[end].text == ",":
        return after or end
    return None


def keyword_region_end(toks: list[Tok], j: int, text: str, local_regions: frozenset[str]) -> tuple[int, bool]:
    """Past a region keyword ("Kota", "Kab.", "Setda") and the place it introduces; whether a place was read."""
    n, tok, k = len(toks), toks[j], j + 1
    if (k < n and is_cap(toks[k]) and same_line(text, tok, toks[k]) and not match_title(toks, k)
            and not word_class(toks[k].text, "region_keyword")):
        end = match_region(toks, k) or match_local(toks, k, local_regions)
        if end is None and not word_class(toks[k].text, "region_keyword"):
            end = k + 1
        return (end if end is not None else k), True
    return k, False


def place_end(toks: list[Tok], j: int, text: str, local_regions: frozenset[str]) -> int | None:
    """End of a listed region, the article's own place name or a place with its compass word at j,
    with the district direction after it ("Bekasi Utara"); None when no place starts there."""
    n = len(toks)
    end = match_region(toks, j)
    local_end = match_local(toks, j, local_regions) if end is not None else None
    if local_end is not None and local_end > end:
        end = local_end  # "Lurah Lebak Denok": the article's village outruns the listed "Lebak"
    if end is None and compass_region(toks, j, text):
        end = j + 1  # "Wali Kota Tanggerang Selatan": an unlisted place with its compass word
    if end is not None:
        while end < n and word_class(toks[end].text, "direction") and is_cap(toks[end]):
            end += 1  # "Bekasi Utara": a district named after its city
        return end
    return match_local(toks, j, local_regions)


def numbered_unit(toks: list[Tok], j: int) -> bool:
    """"Komwil I", "Korwil III": a numbered unit, not a name ending in an initial; but a Balinese
    name opens with "I" ("Bupati Jembrana I Made Kembang")."""
    return (j + 1 < len(toks) and is_roman(toks[j + 1].low) and not toks[j + 1].dot and toks[j + 1].text.isupper()
            and not is_honorific(toks[j].text) and not match_title(toks, j)
            and not (toks[j + 1].text == "I" and balinese_initial(toks, j + 1)))


def parse_complement(toks: list[Tok], j: int, entry: TitleEntry, text: str,
                     local_regions: frozenset[str]) -> int:
    """Index after the region/body words written after a core title."""
    if entry.kind == "rank":
        return j
    start, region_done = j, False
    n = len(toks)
    while j < n:
        tok = toks[j]
        if not same_line(text, toks[j - 1], tok):
            break  # a title at a line end takes nothing from the next line ("Kapolri\nBENGKULU")
        if j > start and ends_sentence(toks[j - 1]):
            break
        after = paren_group(toks, j)
        if after is not None and j > start - 1:
            # The group may shorten the post itself: "Direktur Utama (Dirum) PDAM".
            if nickname_group(toks, j) and not short_for(toks[j + 1].text, toks[max(0, start - len(entry.form)):j]):
                break
            j = after
            continue
        skip = numbering_end(toks, j, start, entry) or unit_connector_end(toks, j, start, entry) \
            or (province_end(toks, j, text) if region_done else None)
        if skip:
            j = skip
            continue
        lower_keyword = tok.low in LOWER_REGION_KEYWORDS and j + 1 < n and is_cap(toks[j + 1]) \
            and same_line(text, tok, toks[j + 1])  # "Ketua DPRD kabupaten Soppeng H.Syaharuddin"
        if not is_cap(tok) and not lower_keyword:
            break
        head = head_title_at(toks, j) if entry.kind in UNIT_KINDS and not region_done else None
        if head and all(word_class(t.text, "agency") for t in toks[start:j]):
            j = head  # "Staf Ahli Bupati Bidang ...", "Kepala Sekretariat Wapres": a post serving the head
            continue
        if match_title(toks, j) and not word_class(tok.text, "region_keyword"):
            break
        if is_honorific(tok.text) and j + 1 < n and is_cap(toks[j + 1]):
            break
        if word_class(tok.text, "region_keyword"):
            j, placed = keyword_region_end(toks, j, text, local_regions)
            region_done = region_done or placed
            continue
        if numbered_unit(toks, j):
            j += 2
            continue
        end = place_end(toks, j, text, local_regions) if not region_done else None
        if end is not None:
            j, region_done = end, True
            continue
        if is_acronym(tok) and not is_degree(tok.text) and (entry.kind != "national" or tok.text == "RI"):
            j += 1
            continue
        if entry.kind in UNIT_KINDS and word_class(tok.text, "agency") and not region_done:
            j += 1
            continue
        break
    # Connectors and commas are never the last word of a title.
    while j > start and toks[j - 1].text in {"dan", "&", ",", "-"}:
        j -= 1
    return j


def head_title_at(toks: list[Tok], j: int) -> int | None:
    """End index of a region head's, minister's or national title at token j, deputy included ("Wapres")."""
    m = match_title(toks, j)
    if m and m[1].kind == "deputy":
        m = match_title(toks, m[0])
    if m and (m[1].kind == "national" or m[1].kind == "exec" and m[1].unit in ("Kabupaten", "Kota", "Provinsi")
              or m[1].unit == "Kementerian"):
        return m[0]
    return None


def balinese_initial(toks: list[Tok], i: int) -> bool:
    """An "I" (or "Ni") that opens a Balinese name: "I Made", "I Gusti Ngurah", "Ni Luh"."""
    return i + 1 < len(toks) and word_class(toks[i + 1].text, "balinese")


def compass_region(toks: list[Tok], j: int, text: str) -> bool:
    """A capitalized word followed by a compass word on the same line: a place, not a name."""
    return (j + 1 < len(toks) and is_cap(toks[j]) and word_class(toks[j + 1].text, "direction")
            and is_cap(toks[j + 1]) and same_line(text, toks[j], toks[j + 1]) and not match_title(toks, j)
            and not is_honorific(toks[j].text))


def short_for(word: str, unit: list[Tok]) -> bool:
    """True when a parenthesized word shortens the unit words before it: Adbang for
    Administrasi Pembangunan, Kominfosanti for Komunikasi, Informatika, Persandian dan Statistik."""
    words = [t.low for t in unit if t.text[:1].isalpha() and t.text[:1].isupper()]
    low = word.lower()
    return bool(words) and any(low[0] == w[0] for w in words) and is_subsequence_str(low, "".join(words))


@cache
def region_words() -> tuple[tuple[str, ...], ...]:
    """Multi-word region names, for recognising their syllable abbreviations."""
    forms, _ = regions()
    return tuple(f for f in forms if len(f) >= 2)


def abbreviates(token: str, words: tuple[str, ...], loose: bool = False) -> bool:
    """True when token takes a 2+ letter prefix of each word in turn: Matim (Manggarai
    Timur), Gorut (Gorontalo Utara). `loose` also allows letters picked from the word
    after its first one (Butur: Buton Utara), which only the article's own regions get."""
    if not words:
        return not token
    head, rest = words[0], words[1:]
    if not token or token[0] != head[0]:
        return False
    for n in range(min(len(token), len(head)), 1, -1):
        piece = token[:n]
        fits = is_subsequence_str(piece, head) if loose else head.startswith(piece)
        if fits and abbreviates(token[n:], rest, loose):
            return True
    return False


def is_subsequence_str(small: str, big: str) -> bool:
    """True when the letters of `small` occur in `big` in order."""
    it = iter(big)
    return all(c in it for c in small)


@cache
def is_region_abbreviation(token: str) -> bool:
    """A syllable abbreviation of a multi-word region: Matim, Flotim, Gorut, Kukar, Halut."""
    low = token.lower()
    if not token[:1].isupper() or len(low) < 4 or not low.isalpha():
        return False
    return any(low[:2] == w[0][:2] and abbreviates(low, w) for w in region_words())


def nickname_group(toks: list[Tok], i: int) -> bool:
    """A '(Molen)'-style group: one capitalized word that is not an acronym or title."""
    return (i + 2 < len(toks) and toks[i].text == "(" and toks[i + 2].text == ")"
            and is_cap(toks[i + 1]) and not is_acronym(toks[i + 1])
            and match_title(toks, i + 1) is None and toks[i + 1].text[1:].islower()
            and not word_class(toks[i + 1].text, "agency") and match_region(toks, i + 1) is None
            and not is_region_abbreviation(toks[i + 1].text))


def local_place_phrases(toks: list[Tok]) -> set[str]:
    """Unlisted places of two or three words the article writes after Kecamatan/Desa/Kelurahan
    ("Kecamatan Gunung Megang."): the whole run of capitalized words up to a lower-case word or
    punctuation, when its first word is not a listed region (those end where the list says)."""
    out = set()
    for i, a in enumerate(toks[:-2]):
        if not word_class(a.text, "region_keyword") or a.low in STATE_WORDS:
            continue
        if i > 0 and toks[i - 1].low in POSTS_BEFORE_PLACE:
            continue
        k = i + 1
        while k < min(len(toks), i + 5) and is_cap(toks[k]) and toks[k].text[1:].islower() \
                and toks[k].start - toks[k - 1].end <= 1:
            k += 1
        run = range(i + 1, k)
        # A village may share its first word with a listed region ("Kelurahan Lebak Denok").
        listed_ok = a.low in SMALL_AREA_KEYWORDS or match_region(toks, i + 1) is None
        if 2 <= len(run) <= 3 and listed_ok \
                and not any(match_title(toks, r) or is_honorific(toks[r].text)
                            or word_class(toks[r].text, "region_keyword") for r in run):
            out.add(" ".join(toks[r].low for r in run))
    return out


def match_local(toks: list[Tok], j: int, local: frozenset[str]) -> int | None:
    """End index of the longest of the article's own place names (one to three words) at token j."""
    for n in (3, 2, 1):
        if j + n <= len(toks) and all(is_cap(t) for t in toks[j:j + n]) \
                and " ".join(t.low for t in toks[j:j + n]) in local:
            return j + n
    return None


def local_region_words(toks: list[Tok]) -> frozenset[str]:
    """Words the article itself writes after Kota/Kabupaten/Kecamatan...: its place names."""
    out = set()
    for z, a, b in zip([None, *toks], toks, toks[1:], strict=False):
        if z is not None and z.low in POSTS_BEFORE_PLACE:
            continue
        if word_class(a.text, "region_keyword") and a.low not in STATE_WORDS \
                and is_cap(b) and not word_class(b.text, "region_keyword") and b.text[1:].islower():
            out.add(b.low)
    for i in range(len(toks) - 3):
        a, b, c, d = toks[i:i + 4]
        # "Desa Rembes dan Kalongan": the second of two places joined after one keyword.
        if a.low in SMALL_AREA_KEYWORDS and is_cap(b) and c.low == "dan" and is_cap(d) \
                and d.text[1:].islower() and not match_title(toks, i + 3) and not is_honorific(d.text):
            out.add(d.low)
    for i in range(2, len(toks) - 3):
        m = match_title(toks, i)
        if m and m[1].unit in SMALL_AREAS and is_cap(toks[m[0]]) and district_word(toks, i, m[0]):
            out.add(toks[m[0]].low)  # "X, Sekretaris Camat Bringin, dilantik": Bringin is a district
    out |= local_place_phrases(toks)
    low = " ".join(t.low for t in toks)
    written = [r for r in region_words() if " ".join(r) in low]
    for t in toks:
        if (is_cap(t) and t.text[1:].islower() and len(t.text) >= 4
                and any(abbreviates(t.low, r, loose=True) for r in written)):
            # Matim, Butur: abbreviations count only when the article writes the region in full.
            out.add(t.low)
    return frozenset(out)


# --- names ---------------------------------------------------------------------------------


def name_token(toks: list[Tok], k: int) -> bool:
    """Can token k be part of a person's name?"""
    tok = toks[k]
    t = tok.text
    if is_initial(t) or re.fullmatch(r"(?:al|el|Al|El)-[A-Z][a-z]+", t):
        return True
    if not is_cap(tok) or any(c.isdigit() for c in t) or t.isupper() and len(t) > 1:
        return False
    if word_class(t, "not_name") or word_class(t, "region_keyword") or word_class(t, "place"):
        return False
    if is_degree(t) or match_title(toks, k) or is_acronym(tok):
        return False
    if is_honorific(t) and len(bare(t)) >= 2:  # "Dr", "Ir", "Hj" open a name, never sit inside one
        return False
    if k in getattr(toks, "headline_only", ()) and re.match(r"(?:Di|Me|Ber|Ter|Per)[a-z]{4,}$", t):
        return False  # a headline verb ("Dipandu"), not a name the body never repeats
    if t.lower().endswith("kan") and len(t) > 5:  # headline verbs: Ingatkan, Sampaikan
        return False
    if t.lower().endswith("nya") and len(t) >= 8:  # Selanjutnya, Sebelumnya, Menurutnya
        return False
    return True


def parse_name(toks: list[Tok], k: int, text: str) -> tuple[int, int, int, list[str], list[str]] | None:
    """A name starting at token k: (first, last_excl, end_excl_with_degrees, honorifics, degrees)."""
    n = len(toks)
    hons = []
    while k < n - 1 and is_honorific(toks[k].text) and is_cap(toks[k + 1]) and same_line(text, toks[k], toks[k + 1]):
        hons.append(toks[k].text + ("." if toks[k].dot else ""))
        k += 1
    first = k
    while k < n and k - first < MAX_NAME_TOKENS and name_token(toks, k):
        if k > first and not same_line(text, toks[k - 1], toks[k]):
            break
        if k > first and gap(text, toks[k - 1], toks[k]) not in {" ", ""}:
            break
        k += 1
        if ends_sentence(toks[k - 1]) or (toks[k - 1].dot and not is_initial(toks[k - 1].text)):
            break
        # Lower-case particles inside a name: "Ahmad bin Umar".
        if (k + 1 < n and word_class(toks[k].text, "particle") and toks[k].text.islower()
                and is_cap(toks[k + 1]) and name_token(toks, k + 1)):
            k += 1
    if k == first:
        return None
    last = k
    degs, end = [], k
    while end < n:
        tok = toks[end]
        if tok.text == "," and end + 1 < n and (is_degree(toks[end + 1].text) or spaced_degree(toks, end + 1)):
            end += 1
            continue
        if spaced_degree(toks, end) and (toks[end - 1].text == "," or is_degree(toks[end - 1].text)):
            degs.append(f"{tok.text}. {toks[end + 1].text}")  # "M. Eng"
            end += 2
            continue
        if is_degree(tok.text) and (end == last or toks[end - 1].text in {",", "."} or toks[end - 1].dot
                                    or is_degree(toks[end - 1].text)):
            degs.append(tok.text + ("." if tok.dot else ""))
            end += 1
            continue
        break
    return first, last, end, hons, degs


def spaced_degree(toks: list[Tok], i: int) -> bool:
    """A degree written with a space after its initial: "M. Eng", "S. Sos"."""
    return (i + 1 < len(toks) and toks[i].dot and len(toks[i].text) == 1 and toks[i].text.isupper()
            and bare(toks[i].text + toks[i + 1].text) in degrees())


def parse_name_backward(toks: list[Tok], p: int, text: str) -> tuple[int, int, list[str], list[str], list[str]] | None:
    """A name ending at or before token p (skipping degrees): (first, last_excl, hons, degs, ranks)."""
    degs = []
    while p >= 0 and (toks[p].text == "," or is_degree(toks[p].text) and p > 0 and not is_initial(toks[p].text)):
        if toks[p].text != ",":
            degs.insert(0, toks[p].text)
        p -= 1
    last = p + 1
    k = p
    while k >= 0 and last - k <= MAX_NAME_TOKENS and name_token(toks, k) and not is_honorific(toks[k].text):
        if k < p and not same_line(text, toks[k], toks[k + 1]):
            break
        if k < p and (ends_sentence(toks[k]) or gap(text, toks[k], toks[k + 1]) != " "):
            break
        k -= 1
    first = k + 1
    if first >= last:
        return None
    hons, ranks = [], []
    while k >= 0 and (is_honorific(toks[k].text) or match_title(toks, k) and match_title(toks, k)[1].kind == "rank"):
        if is_honorific(toks[k].text):
            hons.insert(0, toks[k].text)
        else:
            ranks.insert(0, toks[k].text)
        k -= 1
    return first, last, hons, degs, ranks


# --- findings ------------------------------------------------------------------------------


def title_dict(span: TitleSpan, toks: list[Tok], text: str, start: int | None = None, end: int | None = None) -> dict:
    """The record's position entry for a title span."""
    s = toks[span.first].start if start is None else start
    e = (toks[span.last - 1].end + (1 if toks[span.last - 1].dot and acting_form(toks[span.last - 1].text) else 0)
         if end is None else end)
    written = re.sub(r"\s+", " ", text[s:e]).strip(" ,")
    a, b = span.complement
    comp = re.sub(r"\s+", " ", text[toks[a].start:toks[b - 1].end]).strip() if b > a else ""
    comp_plain = re.sub(r"\s*\([^)]*\)\s*", " ", comp).strip()
    unit = span.entry.unit
    level_units = {"Kota", "Kabupaten", "Provinsi", "Kecamatan", "Kelurahan", "Desa", "Kampung", "Distrik"}
    if not comp_plain:
        region = unit if unit and unit not in level_units else None
    elif unit in level_units and comp_plain.split()[0].lower() in {unit.lower(), "kab", "kab.", "prov", "prov.", "kota",
                                                                   "kabupaten", "provinsi"}:
        region = comp_plain
    elif unit:
        region = f"{unit} {comp_plain}"
    else:
        region = comp_plain
    acting_norm = {"Plt.": "Pelaksana Tugas", "Pj.": "Penjabat", "Pjs.": "Penjabat Sementara",
                   "Plh.": "Pelaksana Harian"}.get(span.acting or "", "")
    normalized = " ".join(x for x in (acting_norm, span.key(), comp_plain) if x)
    return {"title": written, "normalized": normalized, "region": region, "acting": span.acting,
            "start": s, "end": e, "key": span.key()}


def finding_from(toks: list[Tok], text: str, first: int, last: int, hons: list[str], degs: list[str],
                 titles: list[dict]) -> Finding | None:
    """A Finding for name tokens [first, last)."""
    s, e = toks[first].start, toks[last - 1].end
    if toks[last - 1].dot and is_initial(toks[last - 1].text):
        e += 1
    written = text[s:e]
    parts = split_name(written)
    if not parts.name or not any(c.islower() for c in parts.name) and len(parts.name) > 3:
        return None
    if tuple(parts.name.lower().split()) in regions()[0]:
        return None  # "Wali Kota Bima": the region, not a person
    return Finding(parts.name, (s, e), hons + parts.honorifics, parts.degrees + degs, titles)


def entity_starts(toks: list[Tok], entities: Iterable[tuple[int, int, str]] | None) -> tuple[dict[int, int], set[int]]:
    """PER entities as {token index of start: end char} and the set of covered token indexes."""
    starts: dict[int, int] = {}
    covered: set[int] = set()
    if not entities:
        return starts, covered
    by_char = {t.start: i for i, t in enumerate(toks)}
    for s, e, label in entities:
        if label.upper() not in {"PER", "PERSON"}:
            continue
        if s in by_char:
            starts[by_char[s]] = e
        covered.update(i for i, t in enumerate(toks) if t.start >= s and t.end <= e)
    return starts, covered


@cache
def related_markers() -> tuple[str, ...]:
    """Line openings that introduce links to other articles."""
    return tuple(m.lower() for m in read_lines("officials_related_markers.txt"))


def related_link_spans(text: str) -> list[tuple[int, int]]:
    """Lines that link to other articles, and the line after a bare marker."""
    spans, pos, after_bare = [], 0, False
    for line in text.split("\n"):
        head = line.strip().lower()
        marked = head.startswith(related_markers())
        if marked or (after_bare and head):
            spans.append((pos, pos + len(line)))
        if head:
            after_bare = marked and len(head.rstrip(": -")) <= max(len(m) for m in related_markers())
        pos += len(line) + 1
    return spans


ParsedName = tuple[int, int, int, list[str], list[str]]


@dataclass
class Reading:
    """A title being read at one place: the name after it, the ranks between, and where the name starts."""

    span: TitleSpan
    tdict: dict
    ranks: list[dict]
    k: int  # the token where the name may start
    comma: bool  # a comma stands between the title and the name
    parsed: ParsedName | None = None

    def end_title(self, last: int, toks: Tokens, text: str) -> None:
        """Close the title and its complement at token `last`."""
        self.span.last = last
        self.span.complement = (self.span.complement[0], last)
        self.tdict = title_dict(self.span, toks, text)


def read_up_to_name(toks: Tokens, text: str, span: TitleSpan) -> tuple[Reading, bool]:
    """The reading after a title's ranks and comma, and whether the sentence ends with the title.

    The title's record is taken before a rank extends the span: the rank is a title of its own.
    """
    n = len(toks)
    reading = Reading(span, title_dict(span, toks, text), [], span.last, False)
    k = span.last
    rank = match_title(toks, k) if k < n and not ends_sentence(toks[k - 1]) else None
    if rank and rank[1].kind == "rank" and span.entry.kind != "rank":
        # "Kapolres Demak AKBP Budi": the rank between the command and the name is a title too.
        reading.ranks.append(rank_dict(toks, text, k, rank[0]))
        k = span.last = paren_group(toks, rank[0]) or rank[0]  # "Brigjen TNI (Purn)"
    if ends_sentence(toks[k - 1]):
        reading.k = k
        return reading, True
    reading.comma = k < n and toks[k].text == ","
    if reading.comma:
        k += 1
    elif k + 1 < n and toks[k].low in {"yakni", "yaitu"} and is_cap(toks[k + 1]):
        k += 1  # "Sekretaris Daerah yakni Mustarani Abidin"
    after_rank = rank_at(toks, k, text) if reading.comma and not reading.ranks and span.entry.kind != "rank" else None
    if after_rank:
        # "Kapolres Lamongan, AKBP Harun": a rank opens the name after the comma.
        reading.ranks.append(rank_dict(toks, text, k, after_rank[0]))
        k = after_rank[1]
    reading.k = k
    return reading, False


def split_at_honorific(r: Reading, toks: Tokens, text: str) -> None:
    """"Wali Kota Madya Surakarta H. M Shaleh": the words before the honorific are the region."""
    split = honorific_split(toks, r.parsed) if r.parsed else None
    again = parse_name(toks, split, text) if split is not None else None
    if again:
        r.end_title(split, toks, text)
        r.parsed = again


def start_where_the_model_does(r: Reading, toks: Tokens, text: str, per_starts: dict[int, int],
                               per_tokens: set[int]) -> None:
    """Move the name's start to the model's PER start where the rules are unsure.

    Trusted only for a name of two or more words that the model starts one word later, the word
    being one the rules could not place (an unknown district) and no honorific marking where the
    name begins.
    """
    if not r.parsed or r.comma:
        return
    span, parsed = r.span, r.parsed
    first = parsed[0]
    # A unit's own name may take two words ("PDAM Tirta Pakuan Denny Sumardikarya").
    skips = (first + 1, first + 2) if span.entry.kind in UNIT_KINDS else (first + 1,)
    inner = [p for p in skips if p in per_starts and not parsed[3] and p < parsed[1] - 1
             and len(per_tokens & set(range(p, parsed[1]))) >= 2
             and not per_tokens & set(range(first, p)) and len(toks[first].text) >= 3]
    # Not once the region is written: "Ketua TP PKK Provinsi Papua Kerdina Ramses Limbong"
    # names a wife after her husband, and the model marks only his part.
    placed = any(match_region(toks, c) for c in range(*span.complement))
    if inner and not placed and span.complement[1] == parsed[0] - len(parsed[3]):
        # The model's name starts later: the capitalized words before it are the region.
        r.end_title(inner[0], toks, text)
        r.parsed = parse_name(toks, inner[0], text)


def continue_the_unit(r: Reading, toks: Tokens, text: str, local: frozenset[str]) -> None:
    """The words taken for a name are the unit's when a rank or more of the unit follows them:
    "Danrem 102 Panju Panjung Brigjen TNI Purwo", "Kepala Biro Pemkesra Setda Provinsi X, Murdanil"."""
    parsed, span, n = r.parsed, r.span, len(toks)
    if not (parsed and not r.ranks and not parsed[3] and parsed[2] == parsed[1] and span.entry.kind != "rank"
            and parsed[1] - parsed[0] <= 3
            and (rank_at(toks, parsed[1], text) or not r.comma and continues_unit(toks, parsed[1], text))):
        return
    j = parse_complement(toks, parsed[1], span.entry, text, local)
    r.end_title(j, toks, text)
    r.parsed = None
    k = j + 1 if j < n and toks[j].text == "," else j
    after_rank = rank_at(toks, k, text)
    if after_rank:
        r.ranks.append(rank_dict(toks, text, k, after_rank[0]))
        k = after_rank[1]
    if k < n and same_line(text, toks[j - 1], toks[k]):
        r.parsed = parse_name(toks, k, text)


def prefer_fuller_name_after_comma(r: Reading, toks: Tokens, text: str) -> None:
    """"Bupati Kukar, Edi Damansyah": one unknown word, then a fuller name after the comma.

    Units with multi-word names ("PDAM Tirta Bhagasasi") may leave up to three words.
    """
    parsed, span = r.parsed, r.span
    unknown_max = 3 if span.entry.kind in UNIT_KINDS else 1
    if (parsed and not r.ranks and span.entry.kind != "rank" and parsed[1] - parsed[0] <= unknown_max
            and not parsed[3] and not parsed[4] and parsed[2] < len(toks) and toks[parsed[2]].text == ","):
        again = parse_name(toks, parsed[2] + 1, text)
        if again and again[1] - again[0] >= 2 and not r.comma:
            r.end_title(parsed[1], toks, text)
            r.parsed = again


def read_name(r: Reading, toks: Tokens, text: str, local: frozenset[str],
              per_starts: dict[int, int], per_tokens: set[int]) -> None:
    """The name after the title, with the title's end moved where the words turn out to be its own."""
    span = r.span
    if r.k < len(toks) and same_line(text, toks[span.last - 1], toks[r.k]) \
            and not (r.comma and named_before(toks, span.first)):
        r.parsed = parse_name(toks, r.k, text)
    split_at_honorific(r, toks, text)
    start_where_the_model_does(r, toks, text, per_starts, per_tokens)
    continue_the_unit(r, toks, text, local)
    if r.parsed and any(x in toks.headline_common for x in range(r.parsed[0], r.parsed[1])):
        r.parsed = None  # "Bupati Kobar Kaji Banding ke Padang": headline words the body writes as "kaji banding"
    prefer_fuller_name_after_comma(r, toks, text)
    if r.parsed and not r.comma and district_apposition(toks, span, r.parsed):
        # "Wahyu Widayat, Sekretaris Camat Bringin, dilantik": the word is the district's and
        # the name came before the title.
        r.end_title(r.parsed[1], toks, text)
        r.parsed = None


def scan(text: str, entities: list[tuple[int, int, str]] | None = None) -> tuple[list[Finding], list[dict]]:
    """All named findings and the title-only occurrences of the text."""
    toks = tokenize(text)
    local = local_region_words(toks)
    per_starts, per_tokens = entity_starts(toks, entities)
    findings: list[Finding] = []
    bare_titles: list[tuple[TitleSpan, dict]] = []
    i, n = 0, len(toks)
    pending: tuple[TitleSpan, dict] | None = None  # "Bupati dan [Wakil Bupati X dan Y]"
    while i < n:
        if i > 0 and word_class(toks[i - 1].text, "place"):  # "Kantor Bupati", "di kantor bupati"
            i += 1
            continue
        span = parse_title(toks, i, text, local)
        if span is None:
            i += 1
            continue
        if span.first > 0 and (toks[span.first - 1].low in GROUP_WORDS or counted(toks[span.first - 1])):
            # "para Asisten Setda, Pimpinan ...", "Lantik 20 Pj Kades, Roby: ...": a group of posts,
            # never one named person.
            i = span.last
            continue
        r, ended = read_up_to_name(toks, text, span)
        if ended:
            bare_titles.append((span, r.tdict))
            pending = None
            i = r.k
            continue
        read_name(r, toks, text, local, per_starts, per_tokens)
        if r.parsed:
            first, last, end, hons, degs = r.parsed
            if pending and coordinated(toks, pending[0], span):
                second = coordinated_second_name(toks, end, text)
                if second:
                    f2 = finding_from(toks, text, second[0], second[1], second[3], second[4], [r.tdict])
                    joint = with_region(pending[1], r.tdict, span, toks, text)
                    fp = finding_from(toks, text, first, last, hons, degs, [joint])
                    if fp and f2:
                        findings += [fp, f2]
                        pending = None
                        i = second[2]
                        continue
            f = finding_from(toks, text, first, last, hons, degs, [r.tdict, *r.ranks])
            if f:
                local = local | unit_name(toks, span)
                f.aliases += nickname_after(toks, end) + initials_after(toks, end, f.name)
                findings.append(f)
                pending = None
                i = end
                continue
        bare_titles.append((span, r.tdict))
        pending = (span, r.tdict)
        i = span.last
    findings += appositions(toks, text, bare_titles, {f.span for f in findings})
    findings += entity_posts(toks, text, entities, [f.span for f in findings])
    links = related_link_spans(text)
    findings = [f for f in findings if not any(a <= f.span[0] < b for a, b in links)]
    return findings, [d | {"first": s.first, "last": s.last} for s, d in bare_titles]


def unit_name(toks: list[Tok], span: TitleSpan) -> frozenset[str]:
    """The own name (two or three plain words) closing a title's complement, lower-cased: "tirta pakuan"
    in "Direktur Utama PDAM Tirta Pakuan", so that a later "Direktur Teknik PDAM Tirta Pakuan X"
    ends its unit at the same place."""
    a, b = span.complement
    k = b
    while k > a and is_cap(toks[k - 1]) and toks[k - 1].text[1:].islower() \
            and not any(word_class(toks[k - 1].text, c) for c in ("agency", "region_keyword", "direction")):
        k -= 1
    if 2 <= b - k <= 3 and match_region(toks, k) is None:
        return frozenset({" ".join(t.low for t in toks[k:b])})
    return frozenset()


def named_before(toks: list[Tok], first: int) -> bool:
    """A name and "selaku"/"sebagai" right before a title: "Budi Raharjo selaku Kepala Dinas PMD, Petrus ..."
    gives the post to Budi, and the name after the comma is the next item."""
    return first >= 2 and toks[first - 1].low in {"selaku", "sebagai"} and name_token(toks, first - 2)


def district_apposition(toks: list[Tok], span: TitleSpan, parsed: tuple[int, int, int, list[str], list[str]]) -> bool:
    """A village or district post set off by commas after a name, its one word then a comma and a
    lower-case verb: "NAME, Camat Bringin, mengatakan"."""
    first, last, end, hons, degs = parsed
    return (last - first == 1 and not hons and end == last and span.entry.unit in SMALL_AREAS
            and district_word(toks, span.first, first))


def district_word(toks: list[Tok], title: int, k: int) -> bool:
    """Token k, right after a post at token `title`, is followed by a comma and a lower-case word,
    and a name and a comma come before the post."""
    return (k + 2 < len(toks) and toks[k + 1].text == "," and toks[k + 2].text.islower()
            and title >= 2 and toks[title - 1].text == "," and name_token(toks, title - 2))


@cache
def generic_posts() -> tuple[tuple[str, ...], ...]:
    """Post words that need a body or number after them, longest first ("wakil ketua")."""
    posts = {tuple(line.lower().split()) for line in read_lines("officials_generic_posts.txt")}
    return tuple(sorted(posts, key=len, reverse=True))


def body_token(tok: Tok) -> bool:
    """A word of a government body or a post's number: DPRD, Kesbangpol, Komisi, 2, III."""
    t = tok.text.rstrip(".")
    if word_class(t, "community"):
        return False
    return (t.isdigit() or is_roman(t.lower()) or is_acronym(tok) or t.lower() in title_units()
            or word_class(t, "agency") or word_class(t, "agency_acronym"))


@cache
def title_units() -> frozenset[str]:
    """The units posts belong to (data/titles.tsv): komisi, dinas, badan, dprd ..."""
    units = (e.unit for entries in title_entries().values() for e in entries)
    return frozenset(u.lower() for u in units if u and " " not in u)


def post_before(toks: list[Tok], k: int, text: str) -> int | None:
    """Index where a generic post and its body end just before token k ("Wakil Ketua 2, ")."""
    j = k - 1 if k > 0 and toks[k - 1].text == "," else k
    for body in range(j - 1, max(j - 4, 0), -1):
        if not body_token(toks[body]) or not same_line(text, toks[body], toks[k]):
            return None
        for post in generic_posts():
            start = body - len(post)
            if start >= 0 and tuple(t.text.lower() for t in toks[start:body]) == post:
                return start
    return None


def entity_posts(toks: list[Tok], text: str, entities: list[tuple[int, int, str]] | None,
                 taken: list[tuple[int, int]]) -> list[Finding]:
    """Officials the NER model vouches for: a person right after a generic post and its body
    ("Wakil Ketua 2, Hamzah Sidik Djibran", "perwakilan Kesbangpol Zulfadli Matondang")."""
    by_start = {t.start: i for i, t in enumerate(toks)}
    found = []
    for s, e, label in entities or ():
        k = by_start.get(s)
        if label.upper() not in {"PER", "PERSON"} or k is None or any(a < e and s < b for a, b in taken):
            continue
        start = post_before(toks, k, text)
        last = max((i for i in range(k, len(toks)) if toks[i].end <= e), default=None)
        if start is None or last is None or not all(name_token(toks, i) for i in range(k, last + 1)):
            continue
        title_end = toks[k - 1].start if toks[k - 1].text == "," else toks[k].start
        written = text[toks[start].start:title_end].strip(" ,")
        position = {"title": written, "normalized": written, "region": None, "acting": None,
                    "start": toks[start].start, "end": toks[start].start + len(written), "key": written.lower()}
        finding = finding_from(toks, text, k, last + 1, [], [], [position])
        if finding:
            found.append(finding)
    return found


def rank_at(toks: list[Tok], k: int, text: str) -> tuple[int, int] | None:
    """A rank starting at token k with a name-like word after it on the same line: (rank end,
    index after the rank and a "(Purn)" group)."""
    m = match_title(toks, k) if k < len(toks) else None
    if not m or m[1].kind != "rank":
        return None
    after = paren_group(toks, m[0]) or m[0]
    if after != m[0] and after < len(toks) and toks[after].low in RANK_CORPS:
        after += 1  # "Jenderal (Purn) Polisi"
    if after < len(toks) and same_line(text, toks[after - 1], toks[after]) and is_cap(toks[after]):
        return m[0], after
    return None


def continues_unit(toks: list[Tok], k: int, text: str) -> bool:
    """A word that carries a title's unit on (Setda, Provinsi, RRT), not one that ends a name."""
    if k >= len(toks) or not is_cap(toks[k]) or not same_line(text, toks[k - 1], toks[k]):
        return False
    tok = toks[k]
    # Two capitals may close a name ("Mahfud MD"); a longer acronym is a body's (Kedubes RRT).
    return (word_class(tok.text, "region_keyword")
            or is_acronym(tok) and len(tok.text) >= 3 and not is_degree(tok.text))


def rank_dict(toks: list[Tok], text: str, a: int, b: int) -> dict:
    """A rank written as a title of its own ("AKBP", "Kombes Pol")."""
    written = text[toks[a].start:toks[b - 1].end]
    entry = match_title(toks, a)[1]
    return {"title": written, "normalized": entry.normalized, "region": None, "acting": None,
            "start": toks[a].start, "end": toks[b - 1].end, "key": entry.normalized}


def honorific_split(toks: list[Tok], parsed: tuple[int, int, int, list[str], list[str]]) -> int | None:
    """Index of an honorific inside a parsed name run whose words before it name a region."""
    first, last = parsed[0], parsed[1]
    for j in range(first + 1, min(last + 1, len(toks) - 1)):
        t = toks[j].text
        if is_honorific(t) and (len(bare(t)) >= 2 or toks[j].dot) and is_cap(toks[j + 1]):
            if any(match_region(toks, k) or word_class(toks[k].text, "region_keyword") for k in range(first, j)):
                return j
    return None


def coordinated(toks: list[Tok], earlier: TitleSpan, later: TitleSpan) -> bool:
    """True for "Bupati dan Wakil Bupati ..." / "Bupati/Wakil Bupati ...": two titles joined."""
    return later.first == earlier.last + 1 and toks[earlier.last].text.lower() in {"dan", "/", "&"}


def coordinated_second_name(toks: list[Tok], k: int, text: str) -> tuple[int, int, int, list[str], list[str]] | None:
    """The name after "dan" (or ", dan") following the first of two coordinated names."""
    if k + 1 < len(toks) and toks[k].text == "," and toks[k + 1].low in {"dan", "serta"}:
        k += 1  # "Gubernur dan Wakil Gubernur Jabar, Ridwan Kamil, dan Uu Ruzhanul Ulum"
    if k < len(toks) and toks[k].text.lower() in {"dan", "&", "-"}:
        parsed = parse_name(toks, k + 1, text)
        if parsed and not match_title(toks, k + 1):
            first, last, end, hons, degs = parsed
            return first, last, end, hons, degs
    return None


def with_region(pending: dict, later: dict, later_span: TitleSpan, toks: list[Tok], text: str) -> dict:
    """The earlier of two coordinated titles, given the region written after the later one."""
    a, b = later_span.complement
    if b <= a or pending["region"]:
        return pending
    comp = text[toks[a].start:toks[b - 1].end]
    out = dict(pending)
    out["title"] = f"{pending['title']} {comp}"
    out["normalized"] = f"{pending['normalized']} {comp}"
    out["region"] = later["region"]
    return out


def nickname_after(toks: list[Tok], k: int) -> list[str]:
    """A nickname in parentheses right after a name: "Maulan Aklil (Molen)"."""
    return [toks[k + 1].text] if nickname_group(toks, k) else []


APPOSITION_LINKS = {"yang", "juga", "selaku", "sebagai", "menjabat", "merupakan"}
APPOSITION_VERBS = {"juga", "selaku", "sebagai", "merupakan"}  # "NAME yang juga Wali Kota ..."


def initials_after(toks: list[Tok], k: int, name: str) -> list[str]:
    """An acronym of the name in parentheses right after it: "Suhardi Duka (SDK)", "Herman Deru (HD)"."""
    if not (k + 2 < len(toks) and toks[k].text == "(" and toks[k + 2].text == ")"):
        return []
    acro = toks[k + 1].text
    initials = "".join(w[0] for w in name.split() if w[:1].isalpha()).upper()
    if 2 <= len(acro) <= 5 and acro.isalpha() and acro.isupper() and len(initials) >= 2 \
            and acro.startswith(initials[0]) and is_subsequence_str(initials, acro):
        return [acro]
    return []


BackName = tuple[int, int, list[str], list[str], list[str]]


def linked_apposition(toks: list[Tok], text: str, span: TitleSpan, tdict: dict) -> tuple[dict, BackName | None] | None:
    """"NAME yang juga Wali Kota ...": a name linked to the title by an apposition verb."""
    before = link = span.first - 1
    while link > 0 and before - link < 4 and toks[link].low in APPOSITION_LINKS:
        link -= 1
    linked = link < before and {t.low for t in toks[link + 1:span.first]} & APPOSITION_VERBS
    if linked and same_line(text, toks[link], toks[span.first]):
        return tdict, parse_name_backward(toks, link, text)
    return None


def parenthesised_apposition(toks: list[Tok], text: str, span: TitleSpan,
                             tdict: dict) -> tuple[dict, BackName | None] | None:
    """"NAME, ST (Kadis ...)": the title in brackets after the name, written up to the bracket's close."""
    before = span.first - 1
    close = next((j for j in range(span.last, min(len(toks), span.last + 12)) if toks[j].text == ")"), None)
    if close is None:
        return None
    title = dict(tdict)
    title["title"] = re.sub(r"\s+", " ", text[toks[span.first].start:toks[close - 1].end]).strip()
    title["end"] = toks[close - 1].end
    return title, parse_name_backward(toks, before - 1, text)


def comma_apposition(toks: list[Tok], text: str, span: TitleSpan, tdict: dict,
                     named: set[tuple[int, int]]) -> tuple[dict, BackName | None] | None:
    """"NAME, Plt. Wali Kota": the title after a comma, when it is not an item of a list or a clause."""
    before = span.first - 1
    nxt = toks[span.last] if span.last < len(toks) else None
    if nxt is not None and is_cap(nxt) and not ends_sentence(toks[span.last - 1]):
        return None  # the title goes on, or a name follows it: not an apposition
    back = parse_name_backward(toks, before - 1, text)
    if back and back[0] > 0 and match_title(toks, back[0] - 1):
        return None  # "Kepala Bappeda Koswara, Kepala Dinas LH": a list, not apposition
    if back and back[0] > 0 and toks[back[0] - 1].low == "menurut" and nxt is not None and nxt.text.islower():
        return None  # "Menurut Endah, Bunda PAUD Desa berperan ...": the title opens the next clause
    if back and back[0] > 1 and toks[back[0] - 1].text == "," and name_span(toks, back) in named:
        return None  # "Walikota Surabaya, Tri Rismaharini, Plt Walikota Sidoarjo": the next item of a list
    return tdict, back


def adjacent_apposition(toks: list[Tok], text: str, span: TitleSpan, tdict: dict,
                        named: set[tuple[int, int]]) -> tuple[dict, BackName | None] | None:
    """"Sementara itu Ike Widyawaty Kabid Ekonomi Bappeda ...": a name written right before its title."""
    before = span.first - 1
    if not (name_token(toks, before) and gap(text, toks[before], toks[span.first]) == " "):
        return None
    back = parse_name_backward(toks, before, text)
    if not back or name_span(toks, back) in named or back[2] or back[4] \
            or any(word_class(t.text, "agency") for t in toks[back[0]:back[1]]):
        return None
    if back[1] - back[0] < 2 and (back[0] == 0 or not toks[back[0] - 1].text.islower()
                                  or toks[back[0] - 1].low in {"di", "ke", "dari", "dan", "menuju"}):
        return None  # one word alone must follow a lower-case word: "dikatakan Hasyim Kepala Desa"
    return tdict, back


def name_before_title(toks: list[Tok], text: str, span: TitleSpan, tdict: dict,
                      named: set[tuple[int, int]]) -> tuple[dict, BackName | None] | None:
    """The title record and the name an apposition writes before a bare title, by the first form that fits."""
    linked = linked_apposition(toks, text, span, tdict)
    if linked:
        return linked
    mark = toks[span.first - 1].text
    if mark == "(":
        return parenthesised_apposition(toks, text, span, tdict)
    if mark == ",":
        return comma_apposition(toks, text, span, tdict, named)
    return adjacent_apposition(toks, text, span, tdict, named)


def plausible_name_before(toks: list[Tok], text: str, back: BackName) -> bool:
    """Whether the words read backwards can be a name: not headline words, a lone word at a clause
    start or after a unit number, nor a place after "di"/"ke" or a region word."""
    first, last, _hons, degs, _ranks = back
    if any(k in getattr(toks, "headline_only", ()) for k in range(first, last)):
        return False
    if last - first == 1 and not degs and (first == 0 or ends_sentence(toks[first - 1])
                                           or not same_line(text, toks[first - 1], toks[first])
                                           or toks[first - 1].text in {"/", "-"} or toks[first - 1].text.isdigit()):
        return False  # "Kemarin, Presiden ...", "Pangdam V/Brawijaya, Wakapolda": a lone word not a name
    return not (first > 0 and (toks[first - 1].low in {"di", "ke", "dari", "menuju", "dan"}
                               or word_class(toks[first - 1].text, "region_keyword")
                               or word_class(toks[first - 1].text, "place")))  # "di Banggai Laut, Gubernur ..."


def appositions(toks: list[Tok], text: str,
                bare_titles: list[tuple[TitleSpan, dict]], named: set[tuple[int, int]]) -> list[Finding]:
    """Names followed by their title: "NAME, ST (Kadis ...)", "NAME, Plt. Wali Kota" and
    "NAME yang juga Wali Kota ..."; `named` holds the spans of names already given a title."""
    out: list[Finding] = []
    for span, tdict in bare_titles:
        if span.first - 1 < 1:
            continue
        found = name_before_title(toks, text, span, tdict, named)
        if not found or not found[1] or not plausible_name_before(toks, text, found[1]):
            continue
        title, (first, last, hons, degs, ranks) = found
        f = finding_from(toks, text, first, last, hons, degs, [title])
        if f:
            for r in ranks:
                f.titles.append({"title": r, "normalized": r, "region": None, "acting": None,
                                 "start": None, "end": None, "key": r})
            f.aliases += nickname_after(toks, last)
            out.append(f)
    return out


def name_span(toks: list[Tok], back: tuple[int, int, list[str], list[str], list[str]]) -> tuple[int, int]:
    """Character span of a backward-parsed name, as finding_from writes it."""
    first, last = back[0], back[1]
    end = toks[last - 1].end + (1 if toks[last - 1].dot and is_initial(toks[last - 1].text) else 0)
    return toks[first].start, end


# --- people --------------------------------------------------------------------------------


@dataclass
class Person:
    """Findings grouped into one person."""

    findings: list[Finding]

    @property
    def keys(self) -> set[str]:
        """Normalized core titles of the person's posts."""
        return {t["key"] for f in self.findings for t in f.titles}

    @property
    def name(self) -> str:
        """Fullest form: the most words, then the most often written (a one-off typo loses:
        "Micler Lakat" twice over "Micler Lakar" once), then the first written."""
        names = [f.name for f in self.findings]
        first = {n: min(f.span[0] for f in self.findings if f.name == n) for n in names}
        return max(names, key=lambda s: (len(s.split()), names.count(s), -first[s]))


@cache
def title_families() -> dict[str, str]:
    """Normalized titles of one post under different names (Sekkot, Sekda -> Sekretaris Daerah)."""
    rows = [line.split("\t") for line in read_lines("officials_title_families.tsv")[1:]]
    return {key: family for key, family in rows}


def family(key: str, deputy_blind: bool = False) -> str:
    """A title key's family; with deputy_blind, "Wakil Wali Kota" and "Wali Kota" are one."""
    key = title_families().get(key, key)
    return key.removeprefix("Wakil ") if deputy_blind else key


def compatible(a: Person, b: Person, deputy_blind: bool = False) -> bool:
    """Two groups whose posts agree. A shortened name may drop the deputy's "Wakil" from the
    title as well ("Wali Kota Reny" for Wakil Wali Kota Reny A Lamadjido)."""
    ka = {family(k, deputy_blind) for k in a.keys if k}
    kb = {family(k, deputy_blind) for k in b.keys if k}
    return bool(ka & kb)


SMALL_AREAS = {"Kecamatan", "Kelurahan", "Desa", "Kampung", "Distrik"}


def place_after_titles(person: Person, text: str) -> bool:
    """One word that names a place, not a person: written after two different titles
    ("Camat Parigi, Kapolsek Parigi"), or once only, after a village or district post
    ("Kepala Desa Kampal dan aparat desa")."""
    if len(person.name.split()) != 1:
        return False
    titles = [f.titles[0] for f in person.findings if f.titles]
    if len({t["key"] for t in titles}) >= 2:
        return True
    once = len(re.findall(rf"(?<!\w){re.escape(person.name)}(?!\w)", text)) == 1
    small = any(t["region"] is None and t["key"] in small_area_titles() for t in titles)
    return once and small


@cache
def small_area_titles() -> frozenset[str]:
    """Normalized titles of village and district posts (their unit is a small area)."""
    return frozenset(e.normalized for entries in title_entries().values() for e in entries if e.unit in SMALL_AREAS)


def group_people(findings: list[Finding]) -> list[Person]:
    """Group findings: same name, then short forms and spelling variants with agreeing posts."""
    people: list[Person] = []
    for f in findings:
        for p in people:
            if name_key(p.name) == name_key(f.name):
                p.findings.append(f)
                break
        else:
            people.append(Person([f]))
    for p in list(people):
        # "Presiden Jokowi" in the headline, "Presiden Joko Widodo (Jokowi)" in the body: one person.
        called = {tuple(name_key(a)) for f in p.findings for a in f.aliases}
        if not called or not any(x is p for x in people):
            continue
        same = [q for q in people if q is not p and tuple(name_key(q.name)) in called]
        for q in same:
            p.findings += q.findings
        people = [x for x in people if not any(x is q for q in same)]
    merged = True
    while merged:
        merged = False
        for short in sorted(people, key=lambda p: len(p.name.split())):
            longs = [p for p in people if p is not short and is_short_form(short.name, p.name)
                     and compatible(short, p, deputy_blind=True)]
            if not longs:
                longs = [p for p in people if p is not short and len(p.name.split()) == len(short.name.split())
                         and same_spelling(short.name, p.name) and compatible(short, p)]
            if len(longs) >= 1:
                target = longs[0]
                target.findings += short.findings
                people.remove(short)
                merged = True
                break
    people.sort(key=lambda p: min(f.span[0] for f in p.findings))
    return people


def mentions_of(people: list[Person], text: str, bare_titles: list[dict]) -> list[list[dict]]:
    """Every mention of each person: named findings, later bare names, resolved bare titles."""
    taken: list[tuple[int, int]] = []
    result: list[list[dict]] = [[] for _ in people]

    def add(idx: int, s: int, e: int) -> None:
        if any(s < te and ts < e for ts, te in taken):
            return
        taken.append((s, e))
        result[idx].append({"text": text[s:e], "start": s, "end": e})

    for idx, p in enumerate(people):
        for f in p.findings:
            add(idx, *f.span)
    token_owner: dict[str, set[int]] = {}
    for idx, p in enumerate(people):
        for f in p.findings:
            for w in f.name.split():
                token_owner.setdefault(w, set()).add(idx)
    for idx, p in enumerate(people):
        forms = {f.name for f in p.findings} | {a for f in p.findings for a in f.aliases}
        words = p.name.split()
        # Runs of two or more of the name's words ("Tri Adhianto") before single words ("Tri").
        forms |= {" ".join(words[a:b]) for a in range(len(words)) for b in range(a + 2, len(words) + 1)}
        forms |= {w for w in words if len(w) >= 3 and token_owner.get(w) == {idx}
                  and not word_class(w, "not_name") and not word_class(w, "agency")}
        for form in sorted(forms, key=len, reverse=True):
            for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
                add(idx, m.start(), m.end())
    for t in bare_titles:
        owners = [idx for idx, p in enumerate(people) if t["key"] in p.keys and region_agrees(t, p)]
        if len(owners) == 1:
            add(owners[0], t["start"], t["end"])
    for r in result:
        r.sort(key=lambda m: m["start"])
    return result


def region_agrees(title: dict, person: Person) -> bool:
    """A bare title's region (when written) matches one of the person's posts."""
    if not title["region"]:
        return True
    words = set(re.findall(r"\w+", title["region"].lower()))
    return any(t["key"] == title["key"] and t["region"]
               and words <= set(re.findall(r"\w+", f"{t['region']} {t['title']}".lower()))
               for f in person.findings for t in f.titles)


def unique(items: Iterable[str]) -> list[str]:
    """Distinct strings (case-insensitive), first spelling kept, in order."""
    seen, out = set(), []
    for it in items:
        if it and it.lower() not in seen:
            seen.add(it.lower())
            out.append(it)
    return out


def person_record(p: Person, mentions: list[dict]) -> dict:
    """The record's `officials` entry for one person."""
    name = p.name
    titles = sorted((t for f in p.findings for t in f.titles), key=lambda t: (t["start"] is None, t["start"] or 0))
    positions, seen = [], set()
    for t in titles:
        if t["title"].lower() in seen:
            continue
        seen.add(t["title"].lower())
        pos = {k: t[k] for k in ("title", "normalized", "region", "acting")}
        if t["start"] is not None:
            pos |= {"start": t["start"], "end": t["end"]}
        positions.append(pos)
    forms = [f.name for f in p.findings] + [a for f in p.findings for a in f.aliases]
    aliases = unique(a for a in forms if not is_short_form(a, name) and name_key(a) != name_key(name))
    return {
        "name": name,
        "titles": [pos["title"] for pos in positions],
        "positions": positions,
        "region": next((pos["region"] for pos in positions if pos["region"]), None),
        "acting": next((pos["acting"] for pos in positions if pos["acting"]), None),
        "honorifics": unique(h for f in p.findings for h in f.honorifics),
        "degrees": unique(d for f in p.findings for d in f.degrees),
        "aliases": aliases,
        "mentions": mentions,
    }


def nicknames(text: str, people: list[Person]) -> None:
    """Add nicknames introduced as "yang akrab disapa Hendi" after a person's mention."""
    for m in re.finditer(r"(?:akrab|biasa|karib)\s+(?:di)?(?:sapa|panggil|disapa|dipanggil)\s+([A-Z][a-z]+)", text):
        before = [(f.span[1], p) for p in people for f in p.findings if f.span[1] <= m.start()]
        if before:
            end, person = max(before, key=lambda x: x[0])
            if m.start() - end < 60:
                person.findings[0].aliases.append(m.group(1))


def find_officials(text: str, entities: list[tuple[int, int, str]] | None = None) -> list[dict]:
    """Return one record `officials` entry per person presented with a public post."""
    findings, bare_titles = scan(text, entities)
    people = [p for p in group_people(findings) if not place_after_titles(p, text)]
    nicknames(text, people)
    mentions = mentions_of(people, text, bare_titles)
    return [person_record(p, m) for p, m in zip(people, mentions, strict=True)]


# --- spaCy component -------------------------------------------------------------------
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from .extensions import ensure_extensions  # noqa: E402


class OfficialsComponent:
    """Sets doc._.officials, using the model's PER entities when the pipeline has NER."""

    def __init__(self, use_ner: bool = True):
        self.use_ner = use_ner

    def __call__(self, doc: Doc) -> Doc:
        entities = None
        if self.use_ner and doc.has_annotation("ENT_IOB"):
            entities = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        doc._.officials = find_officials(doc.text, entities)
        return doc


@Language.factory("warta_officials", default_config={"use_ner": True})
def make_officials_component(nlp: Language, name: str, use_ner: bool) -> OfficialsComponent:
    """Build the warta_officials component."""
    ensure_extensions()
    return OfficialsComponent(use_ner=use_ner)
