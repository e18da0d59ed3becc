"""Title grammar: acting/deputy prefixes, the core title, and the region or unit written after it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..names import (
    is_degree,
    is_honorific,
)
from .places import (
    balinese_initial,
    keyword_region_end,
    match_region,
    nickname_group,
    numbered_unit,
    place_end,
    province_end,
)
from .tokens import (
    Tok,
    acting_form,
    ends_sentence,
    is_acronym,
    is_cap,
    is_roman,
    is_subsequence_str,
    match_title,
    paren_group,
    same_line,
)
from .vocab import (
    LOWER_REGION_KEYWORDS,
    RANK_CORPS,
    UNIT_KINDS,
    TitleEntry,
    generic_posts,
    regions,
    title_units,
    word_class,
)


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
    if core_end == i + 1 and (toks[i].low,) in regions()[0] and not (core_end < len(toks) and is_cap(toks[core_end])
                                                  and word_class(toks[core_end].text, "agency")):
        return None  # "Karo" heads a bureau ("Karo Administrasi Pimpinan") but names a regency too
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
    if tok.text.isdecimal() and j == start and (len(tok.text) <= 2 or entry.kind in ("police", "military")):
        j += 1  # Asisten 1, Wakil Ketua 2, Dandim 0507/Bekasi
        return j + 2 if j + 1 < n and toks[j].text == "/" and is_cap(toks[j + 1]) else j
    if is_roman(tok.low) and j == start and (j + 1 >= n or not is_cap(toks[j + 1]) or is_acronym(toks[j + 1])
                                             or word_class(toks[j + 1].text, "region_keyword")
                                             or tok.text == "I" and not balinese_initial(toks, j)):
        j += 1  # "Asisten I Julises", but "Bupati I Made Kembang" opens a Balinese name
        return j + 2 if j + 1 < n and toks[j].text == "/" and is_cap(toks[j + 1]) else j  # "Pangdam III/Siliwangi"
    if tok.low == "periode" and j + 1 < n and re.fullmatch(r"\d{4}(?:[-–]\d{4})?", toks[j + 1].text):
        j += 2
        while j + 1 < n and toks[j].text in {"-", "–"} and toks[j + 1].text.isdecimal():
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
        after = paren_group(toks, j) or lower_short_form(toks, j)
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
        if match_title(toks, j) and not word_class(tok.text, "region_keyword") \
                and not (j == start and match_region(toks, j) == j + 1 and toks[j].text[1:].islower()):
            break  # but "Bupati Karo Cory": a one-word region that is also a title's abbreviation
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


def lower_short_form(toks: list[Tok], j: int) -> int | None:
    """Index after a post's short form written in lower case in brackets: "Sekretaris Daerah (sekda)
    Kota Tanjungpinang"; the capitalized ones are read by paren_group."""
    if j + 2 < len(toks) and toks[j].text == "(" and toks[j + 2].text == ")" and toks[j + 1].text.islower():
        m = match_title(toks, j + 1)
        if m and m[0] == j + 2:
            return j + 3
    return None


def head_title_at(toks: list[Tok], j: int) -> int | None:
    """End index of a region head's, minister's or national title at token j, deputy included ("Wapres")."""
    m = match_title(toks, j)
    if m and m[1].kind == "deputy":
        m = match_title(toks, m[0])
    if m and (m[1].kind == "national" or m[1].kind == "exec" and m[1].unit in ("Kabupaten", "Kota", "Provinsi")
              or m[1].unit == "Kementerian"):
        return m[0]
    return None


def short_for(word: str, unit: list[Tok]) -> bool:
    """True when a parenthesized word shortens the unit words before it: Adbang for
    Administrasi Pembangunan, Kominfosanti for Komunikasi, Informatika, Persandian dan Statistik."""
    words = [t.low for t in unit if t.text[:1].isalpha() and t.text[:1].isupper()]
    low = word.lower()
    return bool(words) and any(low[0] == w[0] for w in words) and is_subsequence_str(low, "".join(words))


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


def body_token(tok: Tok) -> bool:
    """A word of a government body or a post's number: DPRD, Kesbangpol, Komisi, 2, III."""
    t = tok.text.rstrip(".")
    if word_class(t, "community"):
        return False
    return (t.isdecimal() or is_roman(t.lower()) or is_acronym(tok) or t.lower() in title_units()
            or word_class(t, "agency") or word_class(t, "agency_acronym"))


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
