"""Counted prose series: a list announced with a count and then given in full.

One reader serves every layout. An announcement ("Keempat hal itu ialah", "lima program
prioritas, yakni", "tiga zona:", "enam Kecamatan (…)") opens a series; the reader splits the
series at its top-level separators (commas, semicolons, "dan", "serta"; never inside brackets
or quotes), carries it on into the next sentence when that one opens with "Selanjutnya",
"Berikutnya" or "Selain itu" and the count is not reached yet, and accepts it only when the
pieces can be grouped into exactly the announced number of items.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .lists_text import (
    Item,
    Proposal,
    clean_intro,
    clean_item,
    count_mentions,
    cue_regex,
    cue_set,
    cut_attribution,
    declared_count,
    introducer_regex,
    sentence_spans,
    trim,
)

# Counted prose series with more pieces than this are not split (combinatorial guard).
MAX_SEGMENTS = 40
# A series is read at most this far past its announcement (keeps long articles linear).
MAX_SERIES_CHARS = 3000
# How many following sentences may carry a series on ("Selanjutnya D, E, serta F").
CONTINUATION_SENTENCES = 2
# How many sentences back a "yang dilantik" may find the count of its active verb.
BACK_REFERENCE_SENTENCES = 2
# Counts below this need an introducer word: "dua kota, Solo dan Yogya" is too loose alone.
LOOSE_MIN_COUNT = 3
# How far an announcement may run on past its count when the quoted series follows it.
QUOTED_REACH = 120
# Items of a series laid out one per line after "dua fungsi utama:" stay this short.
LINE_ITEM_MAX_WORDS = 60

SEPARATOR = re.compile(r"\s*(?:,\s*(?:dan|serta)\s+|\s(?:dan|serta)\s+|[,;]\s*)", re.IGNORECASE)
DEGREE_LIKE = re.compile(r"^(?:[A-Z]{1,3}|[A-Za-z]{1,3}\.[A-Za-z.]{1,5})$")
# "Selanjutnya ada pula rekomendasi tentang F, G, …": the lead-in of a continued series.
LEAD_IN = re.compile(r"ada\s+(?:pula|juga|lagi)\s+[\w-]+(?:\s+lainnya)?\s+(?:tentang|mengenai|berupa|terkait)\s+",
                     re.IGNORECASE)
CONJUNCTION = re.compile(r"\b(?:dan|serta)\b", re.IGNORECASE)

Spans = tuple[tuple[int, int], ...]


@dataclass
class Piece:
    """A stretch of a series between two top-level separators."""

    start: int
    end: int
    sep_before: str = ""  # the separator text before it ("" for the first)
    hard: bool = False  # a sentence break lies before it: no item spans it


# --- splitting -----------------------------------------------------------------------------

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


def pieces_of(text: str, start: int, end: int, hard: bool = False) -> list[Piece]:
    """The top-level pieces of one stretch of a series."""
    seps = top_level_separators(text, start, end)
    bounds = [start] + [m.end() for m in seps]
    stops = [m.start() for m in seps] + [end]
    labels = [""] + [m.group() for m in seps]
    out = []
    for k, (a, b, sep) in enumerate(zip(bounds, stops, labels, strict=True)):
        a, b = trim(text, a, b)
        if b > a:
            out.append(Piece(a, b, sep, hard and k == 0))
    return out


def item_score(text: str, piece: tuple[int, int], first_word: str, first_piece: str) -> float:
    """How plausible a piece of a series is as one item (parallel to the first item)."""
    words = text[piece[0]:piece[1]].split()
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
    conj = bool(CONJUNCTION.search(sep))
    comma = "," in sep or ";" in sep
    if conj:
        return (1.0 if comma else 0.5) if is_last else (-1.0 if comma else -1.5)
    return -0.5 if is_last else 0.0


def group_pieces(text: str, pieces: list[Piece], count: int) -> list[tuple[int, int]] | None:
    """Group pieces into exactly count items, never across a hard break, or None."""
    if len(pieces) < count:
        pieces = split_dropped_commas(text, pieces)
    n = len(pieces)
    if n < count or n > MAX_SEGMENTS:
        return None
    if n == count and not any(DEGREE_LIKE.match(text[p.start:p.end]) for p in pieces):
        return [(p.start, p.end) for p in pieces]  # as many pieces as announced
    closed = closing_conjunction(text, pieces, count) or parallel_heads(text, pieces, count)
    if closed:
        return closed
    first = text[pieces[0].start:pieces[0].end]
    first_word = first.split()[0] if first.split() else ""
    best: dict[tuple[int, int], tuple[float, list[int]]] = {(0, 0): (0.0, [])}
    # best[(i, k)]: best score grouping pieces [0, i) into k items, with item start indexes.
    for k in range(1, count + 1):
        for i in range(1, n + 1):
            cands = []
            for j in range(0, i):
                if (j, k - 1) not in best or any(p.hard for p in pieces[j + 1:i]):
                    continue
                score, starts = best[(j, k - 1)]
                s = score + item_score(text, (pieces[j].start, pieces[i - 1].end), first_word,
                                       text[pieces[j].start:pieces[j].end])
                if j > 0:
                    s += boundary_score(pieces[j].sep_before, is_last=(k == count))
                cands.append((s, starts + [j]))
            if cands:
                best[(i, k)] = max(cands, key=lambda c: c[0])
    if (n, count) not in best:
        return None
    score, starts = best[(n, count)]
    if score <= -4.0:
        return None
    ends = [pieces[s - 1].end for s in starts[1:]] + [pieces[-1].end]
    return [(pieces[s].start, e) for s, e in zip(starts, ends, strict=True)]


def closing_conjunction(text: str, pieces: list[Piece], count: int) -> list[tuple[int, int]] | None:
    """"A, B, C dan D, dengan …": the first conjunction closes the series after count pieces,
    and what follows it, opening in lower case, is the rest of the sentence."""
    if len(pieces) <= count or count < 2:
        return None
    rest = pieces[count]
    if rest.hard or not text[rest.start:rest.start + 1].islower():
        return None
    seps = [p.sep_before for p in pieces[1:count]]
    if CONJUNCTION.search(seps[-1]) and not any(CONJUNCTION.search(s) for s in seps[:-1]) \
            and not any(p.hard for p in pieces[1:count]):
        return [(p.start, p.end) for p in pieces[:count]]
    return None


def split_dropped_commas(text: str, pieces: list[Piece]) -> list[Piece]:
    """"smart environment (lingkungan) smart living (kehidupan)": where the first item's head
    word follows a closing bracket inside a piece, a comma was dropped there."""
    words = text[pieces[0].start:pieces[0].end].split() if pieces else []
    if not words or len(words[0]) < 3:
        return pieces
    gap = re.compile(rf"\)\s+(?={re.escape(words[0])}\b)", re.IGNORECASE)
    out: list[Piece] = []
    for p in pieces:
        start, sep, hard = p.start, p.sep_before, p.hard
        for m in gap.finditer(text, p.start, p.end):
            out.append(Piece(start, m.start() + 1, sep, hard))
            start, sep, hard = m.end(), " ", False
        out.append(Piece(start, p.end, sep, hard))
    return out


def parallel_heads(text: str, pieces: list[Piece], count: int) -> list[tuple[int, int]] | None:
    """"Bupati dan Wakil Bupati Sintang, Jarot …, Bupati dan Wakil Bupati Melawi …": when exactly
    count pieces open with the first item's head word, each item starts at one of them."""
    def head(p: Piece) -> str:
        words = text[p.start:p.end].split()
        return words[0].lower() if words else ""
    first = head(pieces[0])
    if len(first) < 3 or first in cue_set("connector") or first in cue_set("shared_preposition"):
        return None
    starts = [k for k, p in enumerate(pieces) if head(p) == first]
    if len(starts) != count or any(p.hard for k, p in enumerate(pieces) if k not in starts):
        return None
    ends = [pieces[k - 1].end for k in starts[1:]] + [pieces[-1].end]
    return [(pieces[k].start, e) for k, e in zip(starts, ends, strict=True)]


@cache
def clause_start_regex() -> re.Pattern:
    """A word that opens the clause after a series ("… dan sipakainge mesti dijunjung")."""
    return re.compile(rf"\s(?:{cue_regex('clause_start')})\b", re.IGNORECASE)


def cut_series_tail(text: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Cut the rest of the sentence off the last item when the other items are short names:
    "Wawasa, kelkulat, kelurat yang mendapatkan Rp 100 juta" -> "kelurat"."""
    longest = max(len(text[a:b].split()) for a, b in items[:-1])
    a, b = items[-1]
    if longest > 3 or len(text[a:b].split()) <= longest + 1:
        return items
    comma = text.find(",", a, b)
    clause = clause_start_regex().search(text, a, b)
    cut = min(x for x in (comma if comma > a else b, clause.start() if clause else b))
    return items[:-1] + [trim(text, a, cut, " \t\r\n,;:.")]


def drop_shared_preposition(text: str, items: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """"diantaranya dari Fraksi A, dari Fraksi B, …": a preposition every item repeats is not
    part of the items."""
    heads = {text[a:b].split()[0].lower() for a, b in items if text[a:b].split()}
    if len(heads) != 1 or heads.pop() not in cue_set("shared_preposition"):
        return items
    out = []
    for a, b in items:
        m = re.match(r"\S+\s+", text[a:b])
        out.append((a + m.end(), b) if m else (a, b))
    return out


def plausible_items(text: str, pieces: list[tuple[int, int]], introducer: str) -> bool:
    """Items of a prose series: not too long, and capitalised names after the loose 'sebagai'."""
    if any(len(text[a:b].split()) > 30 for a, b in pieces):
        return False
    if introducer == "sebagai":
        return all(text[a:a + 1].isupper() for a, _ in pieces)
    return True


# --- reading a series from its announcement ---------------------------------------------------

@cache
def continuation_regex() -> re.Pattern:
    """The opener of a sentence that carries a series on: "Selanjutnya", "Selain itu, … yakni"."""
    return re.compile(rf"[\"“]?\s*(?:{cue_regex('series_continuer')})(?!\w)[\s,:]*", re.IGNORECASE)


def series_stretches(text: str, spans: Spans, idx: int, start: int, count: int) -> list[Piece]:
    """Pieces of a series that starts at start in sentence idx, carried on into following
    sentences that open with a continuer while the count is not reached."""
    end = min(spans[idx][1], start + MAX_SERIES_CHARS)
    end = cut_attribution(text, start, end)[1]
    pieces = pieces_of(text, *trim(text, start, end, " \t\r\n:;,.\"“"))
    for nxt in range(idx + 1, min(idx + 1 + CONTINUATION_SENTENCES, len(spans))):
        if len(pieces) >= count:
            break
        s, e = spans[nxt]
        m = continuation_regex().match(text, s, e)
        if not m:
            break
        s = m.end()
        intro = introducer_regex().search(text, s, min(e, s + 60)) or LEAD_IN.match(text, s, e)
        if intro:
            s = intro.end()
        e = cut_attribution(text, s, e)[1]
        pieces += pieces_of(text, *trim(text, s, e, " \t\r\n:;,.\"“"), hard=True)
    return pieces


def split_announced(text: str, spans: Spans, idx: int, start: int, count: int,
                    strict: bool = False) -> list[tuple[int, int]] | None:
    """The count items of the series at start, or None; strict: exactly count pieces with a
    closing conjunction (series without an introducer word)."""
    pieces = series_stretches(text, spans, idx, start, count)
    if strict:
        if len(pieces) != count or not CONJUNCTION.search(pieces[-1].sep_before):
            return None
        items = [(p.start, p.end) for p in pieces]
    else:
        items = group_pieces(text, pieces, count)
    if not items:
        return None
    return drop_shared_preposition(text, cut_series_tail(text, items))


def counted_proposal(text: str, items: list[tuple[int, int]], intro: tuple[int, int],
                     count: int) -> Proposal:
    """A counted series as a proposal."""
    cleaned = [Item(k + 1, *clean_item(text, a, b)) for k, (a, b) in enumerate(items)]
    return Proposal("counted", cleaned, intro=clean_intro(text, *intro), declared_count=count)


def introduced_series(text: str, spans: Spans, idx: int) -> Proposal | None:
    """"… memiliki 6 program prioritas, yakni A, B, …": the count before an introducer word
    (or in the sentence before, "… 5 aplikasi unggulan. Yakni, A, B, …")."""
    s, e = spans[idx]
    for intro_m in introducer_regex().finditer(text, s, e):
        count = declared_count(text, s, intro_m.start())
        intro_start = s
        if count is None and idx > 0 and not text[s:intro_m.start()].strip(" \"“"):
            intro_start = spans[idx - 1][0]
            count = declared_count(text, intro_start, spans[idx - 1][1])
        if count is None and idx > 0 and re.match(r"\W*[\w-]+\s+(tersebut|itu)\b", text[s:intro_m.start()], re.I):
            count = declared_count(text, *spans[idx - 1])  # "Tiga program ... . Program tersebut meliputi"
        if count is None:
            count = back_reference_count(text, spans, idx, intro_m.start())
        if count is None:
            continue
        if trim(text, intro_m.end(), e, " \t\r\n:;,.")[1] - intro_m.end() < 3:
            continue
        items = split_announced(text, spans, idx, intro_m.end(), count)
        if items and plausible_items(text, items, intro_m.group(1).lower()):
            return counted_proposal(text, items, (intro_start, intro_m.end()), count)
    return None


PASSIVE_BACK_REFERENCE = re.compile(r"\W*(?:adapun\s+)?(?:mereka\s+)?yang\s+di(\w{4,})\s*$", re.IGNORECASE)
ACTIVE_PREFIX = re.compile(r"^(?:meng|meny|mem|men|me)")


def back_reference_count(text: str, spans: Spans, idx: int, intro: int) -> int | None:
    """"… melantik 5 (Lima) Bupati … . Adapun yang dilantik yakni A, B, …": a passive "yang
    di-VERB" before the introducer takes the count that the same verb, active, gave shortly before."""
    m = PASSIVE_BACK_REFERENCE.fullmatch(text, spans[idx][0], intro)
    if not m:
        return None
    root = m.group(1).lower()
    for s, e in reversed(spans[max(0, idx - BACK_REFERENCE_SENTENCES):idx]):
        for count, after, _noun in reversed(count_mentions(text, s, e)):
            before = re.findall(r"\w+", text[max(s, after - 80):after].lower())
            stems = {ACTIVE_PREFIX.sub("", w) for w in before}
            if any(stem == root or (len(stem) >= 4 and root.endswith(stem)) for stem in stems):
                return count
    return None


def punctuated_series(text: str, spans: Spans, idx: int) -> Proposal | None:
    """A series right after its count without an introducer word: after a colon ("3 S:
    Sipakatau, …"), in brackets ("enam Kecamatan ( Patumbak, …)"), after a comma ("empat hal
    penting kepada kepala daerah, Jaga integritas, …, dan …"), or as the quoted sentence that
    follows ("tiga pesan penting. “Tingkatkan …, jalin …, dan fokuskan …,” ujar Meki")."""
    s, e = spans[idx]
    for count, after, _ in count_mentions(text, s, e):
        head = text[after:min(e, after + 80)]
        colon = re.match(r"[^.,;:()\"“”]{0,60}?:\s*(?=\S)", head)
        bracket = re.match(r"[^.,;:()\"“”]{0,40}?\(\s*", head)
        if colon and after + colon.end() < e:
            items = split_announced(text, spans, idx, after + colon.end(), count)
        elif bracket:
            close = text.find(")", after + bracket.end(), e)
            inner = pieces_of(text, after + bracket.end(), close) if close > 0 else []
            items = [(p.start, p.end) for p in inner] if len(inner) == count else None
        elif count >= LOOSE_MIN_COUNT and (comma := re.match(r"[^.,;:()\"“”]{0,80}?,\s*", head)):
            items = split_announced(text, spans, idx, after + comma.end(), count, strict=True)
        elif count >= LOOSE_MIN_COUNT and idx + 1 < len(spans) and not text[after:e].strip(" .:")[QUOTED_REACH:] \
                and text[spans[idx + 1][0]] in "\"“":
            return quoted_series(text, spans, idx, count)
        else:
            continue
        if items and plausible_items(text, items, ""):
            return counted_proposal(text, items, (s, after), count)
    return None


def quoted_series(text: str, spans: Spans, idx: int, count: int) -> Proposal | None:
    """The quoted sentence after an announcement, when it is exactly the announced series."""
    items = split_announced(text, spans, idx + 1, spans[idx + 1][0], count, strict=True)
    if items and plausible_items(text, items, ""):
        return counted_proposal(text, items, spans[idx], count)
    return None


def line_series(text: str, spans: Spans, idx: int) -> Proposal | None:
    """"Kartu ini memiliki dua fungsi utama:" closing its line, then one item per line."""
    s, e = spans[idx]
    if not text[s:e].rstrip().endswith(":") or text.find("\n", e) < 0:
        return None
    count = declared_count(text, s, e)
    if count is None:
        return None
    lines = [ln for ln in line_bounds(text, e, count + 1) if trim(text, *ln)[1] > trim(text, *ln)[0]]
    if len(lines) < count:
        return None
    items = [trim(text, a, b) for a, b in lines[:count]]
    words = [text[a:b].split() for a, b in items]
    if any(not w or len(w) > LINE_ITEM_MAX_WORDS or re.match(r"[\d•\-–*]", w[0]) for w in words):
        return None
    same_head = len({w[0].lower() for w in words}) == 1
    if not same_head and any(len(w) > 12 for w in words):
        return None
    return counted_proposal(text, items, (s, e), count)


def line_bounds(text: str, pos: int, wanted: int) -> list[tuple[int, int]]:
    """(start, end) of up to wanted non-blank lines after pos."""
    out: list[tuple[int, int]] = []
    start = text.find("\n", pos) + 1
    while 0 < start < len(text) and len(out) < wanted:
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        if text[start:end].strip():
            out.append((start, end))
        start = end + 1
    return out


def find_counted_series(text: str) -> list[Proposal]:
    """Prose series announced with a count and given in full."""
    spans = sentence_spans(text)
    found = []
    for idx in range(len(spans)):
        for reader in (introduced_series, punctuated_series, line_series):
            proposal = reader(text, spans, idx)
            if proposal:
                found.append(proposal)
                break
    return found
