"""One pass over an article: each title, the name after it, and the title's end where the words
turn out to be its own."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..names import is_degree, is_honorific, is_initial
from .appositions import appositions
from .deputies import deputy_findings
from .entity_posts import entity_posts
from .members import group_members, is_member_post, listed_members
from .name_reading import (
    Finding,
    ParsedName,
    entity_starts,
    finding_from,
    honorific_split,
    initials_after,
    initials_in_name,
    nickname_after,
    parse_name,
)
from .places import district_word, local_region_words, match_region, nickname_group
from .titles import (
    TitleSpan,
    continues_unit,
    parse_complement,
    parse_title,
    rank_at,
    rank_dict,
    short_for,
    title_dict,
    with_region,
)
from .tokens import (
    Tok,
    Tokens,
    counted,
    ends_sentence,
    is_acronym,
    is_cap,
    is_subsequence_str,
    match_title,
    name_token,
    paren_group,
    same_line,
    tokenize,
)
from .vocab import GROUP_WORDS, MAX_NAME_TOKENS, SMALL_AREAS, UNIT_KINDS, related_markers, word_class


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


def elected_end(toks: Tokens, k: int) -> int:
    """Past "terpilih" and the election or period it names, written after a title: "Bupati dan
    Wakil Bupati Bulungan terpilih, A-B", "Gubernur NTB terpilih Pilkada 2024, NAME". The words
    belong to the title; the name follows them."""
    if not (k < len(toks) and toks[k].low == "terpilih" and k > 0 and not ends_sentence(toks[k - 1])):
        return k
    j = k + 1
    if j + 1 < len(toks) and toks[j].low in {"pilkada", "pilgub", "pilbup", "pilwalkot", "periode"} \
            and re.fullmatch(r"\d{4}(?:[-–]\d{4})?", toks[j + 1].text):
        j += 2
    # Only where a comma then sets the name off: "Bupati terpilih Halut Piet ..." names the region next.
    return j if j < len(toks) and toks[j].text == "," else k


def relative_clause_end(toks: Tokens, k: int) -> int:
    """The comma closing a short "yang" clause right after a title, when a name follows it: "Bupati
    Jayapura yang baru dilantik, Mathius Awoitauw" (the clause says which holder, the name is his)."""
    if not (k < len(toks) and toks[k].low == "yang"):
        return k
    for j in range(k + 1, min(len(toks), k + 5)):
        if toks[j].text == ",":
            return j if j > k + 1 and j + 1 < len(toks) and is_cap(toks[j + 1]) else k
        if not toks[j].text.isalpha() or not toks[j].text.islower() or ends_sentence(toks[j]):
            return k
    return k


def read_up_to_name(toks: Tokens, text: str, span: TitleSpan) -> tuple[Reading, bool]:
    """The reading after a title's ranks and comma, and whether the sentence ends with the title.

    The title's record is taken before a rank extends the span: the rank is a title of its own.
    """
    n = len(toks)
    elect_end = elected_end(toks, span.last)
    if elect_end != span.last:
        span.last = elect_end  # "Gubernur NTB terpilih Pilkada 2024, Lalu Muhammad Iqbal"
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
    k = relative_clause_end(toks, k)
    # A spaced dash sets the name off as a comma does: "Plt Kadis Kominfotik Sumbawa – Rachman Ansori".
    reading.comma = k < n and (toks[k].text == "," or spaced_dash(toks[k], text))
    if reading.comma:
        k += 1
    elif k + 1 < n and toks[k].low in {"yakni", "yaitu"} and is_cap(toks[k + 1]):
        k += 1  # "Sekretaris Daerah yakni Mustarani Abidin"
    elif bracketed_name(toks, k, text, span):
        k += 1  # "Kepala Dinas Sosial Kota Banda Aceh (Muzakkir)", "(dr. Warqah Helmi)"
    after_rank = rank_at(toks, k, text) if reading.comma and not reading.ranks and span.entry.kind != "rank" else None
    if after_rank:
        # "Kapolres Lamongan, AKBP Harun": a rank opens the name after the comma.
        reading.ranks.append(rank_dict(toks, text, k, after_rank[0]))
        k = after_rank[1]
    reading.k = k
    return reading, False


def bracketed_name(toks: Tokens, k: int, text: str, span: TitleSpan) -> bool:
    """A name alone in brackets right after a title, nothing capitalized after the bracket on its
    line: "Kepala Dinas Sosial Kota Banda Aceh (Muzakkir)", "(Faisal, S.STP)", "(dr. Warqah Helmi)".
    Not the title's own short form ("Gubernur Sumatera Barat (Sumbar)", "Badan Pengusahaan (BP)"):
    one word must pass as a nickname group and not spell the title's words."""
    if k >= len(toks) or toks[k].text != "(":
        return False
    parsed = parse_name(toks, k + 1, text)
    if not parsed or parsed[2] >= len(toks) or toks[parsed[2]].text != ")":
        return False
    first, last, close = parsed[0], parsed[1], parsed[2]
    if last - first == 1 and not parsed[3] and not parsed[4]:
        if not nickname_group(toks, k) or short_for(toks[first].text, capitalized_run_before(toks, k)):
            return False
    after = close + 1
    return not (after < len(toks) and is_cap(toks[after]) and same_line(text, toks[close], toks[after]))


def capitalized_run_before(toks: Tokens, k: int, limit: int = 10) -> list[Tok]:
    """The capitalized words (with "dan" and commas) ending right before token k: the expansion a
    bracketed acronym may spell, which may begin before the title ("Pemilihan Kepala Daerah (Pilkada)",
    "Peraturan Menteri Dalam Negeri (Permendagri)")."""
    j = k
    while j > max(0, k - limit) and (is_cap(toks[j - 1]) or toks[j - 1].low in {"dan", ","}):
        j -= 1
    return toks[j:k]


def spaced_dash(tok: Tok, text: str) -> bool:
    """A dash standing alone between words (not the hyphen of "Satpol-PP")."""
    return tok.text in {"-", "–", "—"} and text[tok.start - 1:tok.start].isspace() \
        and text[tok.end:tok.end + 1].isspace()


def split_at_honorific(r: Reading, toks: Tokens, text: str) -> None:
    """"Wali Kota Madya Surakarta H. M Shaleh": the words before the honorific are the region."""
    split = honorific_split(toks, r.parsed) if r.parsed else None
    again = parse_name(toks, split, text) if split is not None else None
    if again:
        r.end_title(split, toks, text)
        r.parsed = again


def initials_open_the_name(r: Reading, toks: Tokens, text: str) -> None:
    """"Sekda SA Supriono", "Bupati Gianyar AA Baratha": two unknown capitals closing a head's
    title open the name instead. Not after a unit's title, whose acronyms name bodies ("Kepala BP")."""
    parsed, span = r.parsed, r.span
    if not parsed or r.comma or parsed[3] or span.entry.kind in UNIT_KINDS:
        return
    k = parsed[0] - 1
    if k >= span.core_end and span.complement[1] == parsed[0] and initials_in_name(toks, k, text):
        r.end_title(k, toks, text)
        r.parsed = parse_name(toks, k, text)


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
    if not (parsed and not r.ranks and not parsed[3] and parsed[2] == parsed[1] and span.entry.kind != "rank"):
        return
    if ends_sentence(toks[parsed[1] - 1]):
        return  # "Kabag Humas Erwin Kontu. Dinkes Bitung ...": the next sentence carries no unit on
    short = parsed[1] - parsed[0] <= 3
    joined = short and not r.comma and unit_joined_after(toks, span, parsed[1])
    if not (short and (rank_at(toks, parsed[1], text) or not r.comma and continues_unit(toks, parsed[1], text))
            or joined or spelled_by_acronym(toks, span, parsed[1])):
        return
    j = parse_complement(toks, parsed[1] + 1 if joined else parsed[1], span.entry, text, local)
    r.end_title(j, toks, text)
    r.parsed = None
    k = j + 1 if j < n and toks[j].text == "," else j
    after_rank = rank_at(toks, k, text)
    if after_rank:
        r.ranks.append(rank_dict(toks, text, k, after_rank[0]))
        k = after_rank[1]
    if k < n and same_line(text, toks[j - 1], toks[k]) and not ends_sentence(toks[j - 1]):
        r.parsed = parse_name(toks, k, text)


def spelled_by_acronym(toks: Tokens, span: TitleSpan, k: int) -> bool:
    """"Kepala Badan Pengusahaan (BP) Batam", "Ketua Tim Penggerak PKK ... (TP PKK)": the acronym in
    brackets at token k spells the title's words and the words taken for a name, so those are
    the unit's. It must open with a title word's initial and not be the name's own initials
    ("Suhardi Duka (SDK)")."""
    end = paren_group(toks, k)
    if end is None or k + 1 >= end - 1:
        return False
    letters = "".join(t.text for t in toks[k + 1:end - 1] if t.text.isalpha()).lower()
    title_words = [t.low for t in toks[span.first:span.complement[1]] if t.text[:1].isalpha()]
    words = title_words + [t.low for t in toks[span.complement[1]:k] if t.text[:1].isalpha()]
    name_initials = "".join(w[0] for w in words[len(title_words):])
    if not letters:
        return False  # "(45)", "(2020)": an age or a year, no acronym
    if name_initials and letters[0] == name_initials[0] and is_subsequence_str(name_initials, letters):
        return False  # "Gubernur Sulawesi Barat Suhardi Duka (SDK)": the name's initials
    return (len(letters) >= 2 and any(w[0] == letters[0] for w in title_words)
            and is_subsequence_str(letters, "".join(words)))


def unit_joined_after(toks: Tokens, span: TitleSpan, k: int) -> bool:
    """"Kadis Kesehatan Hewan dan Peternakan Rusli Akase": "dan" and a unit word after the word taken
    for a name carry the unit on."""
    return (span.entry.kind in UNIT_KINDS and k + 1 < len(toks) and toks[k].low in {"dan", "&"}
            and word_class(toks[k + 1].text, "agency") and is_cap(toks[k + 1]))


def prefer_fuller_name_after_comma(r: Reading, toks: Tokens, text: str) -> None:
    """"Bupati Kukar, Edi Damansyah": one unknown word, then a fuller name after the comma.

    Units with multi-word names ("PDAM Tirta Bhagasasi") may leave up to three words.
    """
    parsed, span = r.parsed, r.span
    unknown_max = 3 if span.entry.kind in UNIT_KINDS else 1
    if (parsed and not r.ranks and span.entry.kind != "rank" and parsed[1] - parsed[0] <= unknown_max
            and not parsed[3] and not parsed[4] and parsed[2] < len(toks) and toks[parsed[2]].text == ","):
        k = parsed[2] + 1
        place = match_region(toks, k)
        if place is not None and place < len(toks) and toks[place].text == ",":
            k = place + 1  # "Ketua Pengadilan Negeri Oelamasi, Kupang, Decki Ariyanto ...": a region between
        again = parse_name(toks, k, text)
        if again and again[1] - again[0] >= 2 and not r.comma and not spelled_out_after(toks, again[2]):
            r.end_title(parsed[1], toks, text)
            r.parsed = again


def prefer_name_after_honorific(r: Reading, toks: Tokens, text: str) -> None:
    """"Bupati Mangarai Dr.Deno Kamelus": one unknown word, then an honorific opening a name; the
    word is the region, misspelt or unlisted, since an honorific never stands inside a name."""
    parsed = r.parsed
    if not parsed or r.ranks or r.comma or r.span.entry.kind == "rank" or parsed[1] - parsed[0] != 1 \
            or parsed[3] or parsed[4] or parsed[2] >= len(toks) or not is_honorific(toks[parsed[2]].text):
        return
    again = parse_name(toks, parsed[2], text)
    if again and again[3] and same_line(text, toks[parsed[0]], toks[again[0]]):
        r.end_title(parsed[1], toks, text)
        r.parsed = again


def spelled_out_after(toks: Tokens, k: int) -> bool:
    """A bracket of three words or more right after the words, not opening with a title: the words
    name an app or program spelled out in it ("Dantje Lantang, Manjo Ka Sulut (Media Center Jaringan
    Online ...)"), not a person (whose bracket holds a post, an age or a side: "(Kadis ...)", "(45)")."""
    if k >= len(toks) or toks[k].text != "(" or match_title(toks, k + 1):
        return False
    words = 0
    for tok in toks[k + 1:k + 40]:
        if tok.text == ")":
            break
        words += tok.text[:1].isalpha()
    return words >= 3


def cut_where_the_model_names(r: Reading, toks: Tokens, text: str, per_starts: dict[int, int],
                              per_tokens: set[int]) -> None:
    """End the title where the model's PER name starts inside its complement and runs past it.

    "Sekda Prov Fahrizal Darminto": a region keyword takes the unlisted word after it as the place,
    but the model reads "Fahrizal Darminto" as one person. Trusted only for a PER of two or more
    words that starts on a capitalized word no vocabulary claims (a listed region, a region keyword,
    a unit word or an acronym) and covers the words the rules read after the title.
    """
    if r.ranks:
        return
    a, b = r.span.complement
    for p in range(a + 1, b):
        if p not in per_starts or p - 1 in per_tokens:
            continue
        run = [q for q in range(p, min(len(toks), p + MAX_NAME_TOKENS)) if q in per_tokens]
        if len(run) < 2 or run != list(range(p, p + len(run))) or run[-1] < b - 1:
            continue
        tok = toks[p]
        if (not is_cap(tok) or is_acronym(tok) or match_region(toks, p) is not None
                or any(word_class(tok.text, c) for c in ("region_keyword", "agency", "direction"))):
            continue
        r.end_title(p, toks, text)
        r.k, r.comma = p, False  # a comma after the name is no longer one after the title
        return


def read_name(r: Reading, toks: Tokens, text: str, local: frozenset[str],
              per_starts: dict[int, int], per_tokens: set[int]) -> None:
    """The name after the title, with the title's end moved where the words turn out to be its own."""
    span = r.span
    cut_where_the_model_names(r, toks, text, per_starts, per_tokens)
    if r.k < len(toks) and same_line(text, toks[span.last - 1], toks[r.k]) \
            and not (r.comma and named_before(toks, span.first)):
        r.parsed = parse_name(toks, r.k, text)
    split_at_honorific(r, toks, text)
    initials_open_the_name(r, toks, text)
    start_where_the_model_does(r, toks, text, per_starts, per_tokens)
    continue_the_unit(r, toks, text, local)
    if r.parsed and any(x in toks.headline_common for x in range(r.parsed[0], r.parsed[1])):
        r.parsed = None  # "Bupati Kobar Kaji Banding ke Padang": headline words the body writes as "kaji banding"
    prefer_fuller_name_after_comma(r, toks, text)
    prefer_name_after_honorific(r, toks, text)
    if r.parsed and r.comma and toks[r.parsed[0]].low == toks[span.first].low:
        r.parsed = None  # "Bunda PAUD, Bunda Literasi, ...": the next post of a list, not a name
    if r.parsed and not r.comma and district_apposition(toks, span, r.parsed):
        # "Wahyu Widayat, Sekretaris Camat Bringin, dilantik": the word is the district's and
        # the name came before the title.
        r.end_title(r.parsed[1], toks, text)
        r.parsed = None
    if not r.parsed:
        name_before_degree(r, toks, text)


def name_before_degree(r: Reading, toks: Tokens, text: str) -> None:
    """A degree right after a title's place words closes a name: the last word is the person's
    ("Kades Kadindi Kecamatan Pekat Doriwanto, A.Md"), never a place's, which takes no degree."""
    a, b = r.span.complement
    k = r.span.last + (r.span.last < len(toks) and toks[r.span.last].text == ",")
    if r.ranks or b - a < 2 or k >= len(toks) or not is_degree(toks[k].text) or is_initial(toks[k].text):
        return
    last = toks[b - 1]
    if name_token(toks, b - 1) and last.text[1:].islower() and match_region(toks, b - 1) is None \
            and not word_class(last.text, "agency"):
        r.end_title(b - 1, toks, text)
        r.parsed = parse_name(toks, b - 1, text)


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
        if i > 0 and word_class(toks[i - 1].text, "place") and not ends_sentence(toks[i - 1]):
            # "Kantor Bupati", "di kantor bupati"; not a title opening the next sentence ("... auditorium. Ketua")
            i += 1
            continue
        span = parse_title(toks, i, text, local)
        if span is None:
            i += 1
            continue
        if span.entry.kind == "rank" and span.first > 0 and word_class(toks[span.first - 1].text, "agency") \
                and is_cap(toks[span.first - 1]):
            i = span.last  # "Direktorat Jenderal Bina ...", "Inspektorat Jenderal": a body's name, not a rank
            continue
        if span.first > 0 and (toks[span.first - 1].low in GROUP_WORDS or counted(toks[span.first - 1])):
            # "para Asisten Setda, Pimpinan ...", "Lantik 20 Pj Kades, Roby: ...": a group of posts,
            # never one named person; but its members may be named in a list announced after it.
            members, i = group_members(toks, text, span)
            findings += members
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
                if is_member_post(r.tdict):
                    members, i = listed_members(toks, text, end, r.tdict)
                    findings += members
                continue
        bare_titles.append((span, r.tdict))
        pending = (span, r.tdict)
        i = span.last
    findings += appositions(toks, text, bare_titles, {f.span for f in findings})
    findings += entity_posts(toks, text, entities, [f.span for f in findings])
    titles = [t for f in findings for t in f.titles] + [d for _, d in bare_titles]
    findings += deputy_findings(toks, text, titles, {f.span for f in findings})
    links = related_link_spans(text)
    linked = bytearray(len(text) + 1)
    for a, b in links:
        linked[a:b] = b"\x01" * (b - a)
    findings = [f for f in findings if not linked[f.span[0]]]
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
