"""Names written before their title: "NAME, Plt. Wali Kota", "NAME (Kadis ...)", "NAME yang juga Wali Kota"."""

from __future__ import annotations

import re

from ..names import is_degree, is_initial
from .name_reading import BackName, Finding, finding_from, name_span, nickname_after, parse_name_backward
from .titles import TitleSpan, with_region
from .tokens import Tok, ends_sentence, gap, is_cap, match_title, name_token, same_line
from .vocab import word_class

APPOSITION_LINKS = {"yang", "juga", "selaku", "sebagai", "menjabat", "merupakan"}


APPOSITION_VERBS = {"juga", "selaku", "sebagai", "merupakan"}  # "NAME yang juga Wali Kota ..."


def linked_apposition(toks: list[Tok], text: str, span: TitleSpan, tdict: dict) -> tuple[dict, BackName | None] | None:
    """"NAME yang juga Wali Kota ...": a name linked to the title by an apposition verb."""
    before = link = span.first - 1
    while link > 0 and before - link < 4 and toks[link].low in APPOSITION_LINKS:
        link -= 1
    linked = link < before and {t.low for t in toks[link + 1:span.first]} & APPOSITION_VERBS
    if not (linked and same_line(text, toks[link], toks[span.first])):
        return None
    back = parse_name_backward(toks, link, text)
    opened = clause_opening(toks, before) if back is None else None
    if opened is not None and same_line(text, toks[opened], toks[span.first]):
        back = parse_name_backward(toks, opened - 1, text)
    return tdict, back


def clause_opening(toks: list[Tok], before: int) -> int | None:
    """The "yang" of a short clause ending in "sebagai"/"selaku" right before a title: "A dan B yang
    telah melaksanakan tugas sebagai Bupati dan Wabup Nabire"; None when there is none."""
    if before < 2 or toks[before].low not in {"sebagai", "selaku"}:
        return None
    for j in range(before - 1, max(0, before - 7), -1):
        if toks[j].low == "yang":
            return j
        if not toks[j].text.isalpha() or not toks[j].text.islower():
            return None
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
    if back and nxt is not None and nxt.text.islower() and fronted_clause(toks, back[0]):
        return None  # "Untuk menjawab pertanyaan Jabir, Bupati Kolaka lalu meminta ...": the same
    if back and back[0] > 1 and toks[back[0] - 1].text == "," and name_span(toks, back) in named:
        return None  # "Walikota Surabaya, Tri Rismaharini, Plt Walikota Sidoarjo": the next item of a list
    if back and name_span(toks, back) in named and span.last + 1 < len(toks) and toks[span.last].text == "," \
            and match_title(toks, span.last + 1):
        return None  # "Ketua DPRD Lobar Hj.Sumiatun, Dandim 1606 Lobar, Kepala Kejaksaan ...": a list of posts
    return tdict, back


CLAUSE_OPENERS = {"untuk", "saat", "ketika", "setelah", "sebelum", "usai", "karena", "atas", "bagi", "kepada",
                  "menanggapi", "menjawab", "mendengar"}


def fronted_clause(toks: list[Tok], first: int) -> bool:
    """The name closes a clause opened by a preposition or conjunction at the start of its sentence,
    with no comma between: "Untuk menjawab pertanyaan Jabir, ..."."""
    k = first - 1
    while k >= 0 and toks[k].text != "," and not ends_sentence(toks[k]) and toks[k].text not in {"“", "\""}:
        if k == 0 or ends_sentence(toks[k - 1]) or toks[k - 1].text in {"“", "\""}:
            return toks[k].low in CLAUSE_OPENERS
        k -= 1
    return False


def adjacent_apposition(toks: list[Tok], text: str, span: TitleSpan, tdict: dict,
                        named: set[tuple[int, int]]) -> tuple[dict, BackName | None] | None:
    """"Sementara itu Ike Widyawaty Kabid Ekonomi Bappeda ...": a name written right before its title."""
    before = span.first - 1
    named_at = before
    while named_at > 0 and is_degree(toks[named_at].text) and not is_initial(toks[named_at].text) \
            and gap(text, toks[named_at - 1], toks[named_at]) == " ":
        named_at -= 1  # "Ahmad Yani Biku SE MSi Staf Ahli Bupati Muna": degrees between name and title
    if not (name_token(toks, named_at) and gap(text, toks[before], toks[span.first]) == " "):
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


def plausible_name_before(toks: list[Tok], text: str, back: BackName, linked: bool = False,
                          paired: bool = False) -> bool:
    """Whether the words read backwards can be a name: not headline words, a lone word at a clause
    start or after a unit number, nor a place after "di"/"ke" or a region word. After "dan" only
    when an apposition verb links it to the title: "A sebagai Bupati dan B sebagai Wakil Bupati"."""
    first, last, _hons, degs, _ranks = back
    before = {"di", "ke", "dari", "menuju"} | (set() if linked else {"dan"})
    if any(k in getattr(toks, "headline_only", ()) for k in range(first, last)):
        return False
    if last - first == 1 and not degs and (first == 0 or ends_sentence(toks[first - 1])
                                           or not same_line(text, toks[first - 1], toks[first])
                                           or toks[first - 1].text in ({"/"} if paired else {"/", "-"})
                                           or toks[first - 1].text.isdecimal()):
        return False  # "Kemarin, Presiden ...", "Pangdam V/Brawijaya, Wakapolda": a lone word not a name
    return not (first > 0 and (toks[first - 1].low in before
                               or word_class(toks[first - 1].text, "region_keyword")
                               or word_class(toks[first - 1].text, "place")))  # "di Banggai Laut, Gubernur ..."


def coordinated_pair(toks: list[Tok], text: str, span: TitleSpan, back: BackName,
                     bare_titles: list[tuple[TitleSpan, dict]]) -> tuple[tuple[dict, BackName], dict] | None:
    """Two names joined by "dan" before two titles joined by "dan": ((first post, first name),
    second post), or None. The first post takes the region written after the second."""
    joined = span.last < len(toks) and toks[span.last].low in {"dan", "/", "&"}
    later = next(((s, d) for s, d in bare_titles if s.first == span.last + 1), None) if joined else None
    k = back[0] - 1
    if later is None or k < 1 or toks[k].low not in {"dan", "-"}:
        return None
    back_a = parse_name_backward(toks, k - 1, text)
    if not back_a or not plausible_name_before(toks, text, back_a, linked=True):
        return None
    tdict = next(d for s, d in bare_titles if s is span)
    return (with_region(tdict, later[1], later[0], toks, text), back_a), later[1]


def appositions(toks: list[Tok], text: str,
                bare_titles: list[tuple[TitleSpan, dict]], named: set[tuple[int, int]]) -> list[Finding]:
    """Names followed by their title: "NAME, ST (Kadis ...)", "NAME, Plt. Wali Kota" and
    "NAME yang juga Wali Kota ..."; `named` holds the spans of names already given a title."""
    out: list[Finding] = []
    for span, tdict in bare_titles:
        if span.first - 1 < 1:
            continue
        found = name_before_title(toks, text, span, tdict, named)
        linked = toks[span.first - 1].low in APPOSITION_VERBS
        pair = coordinated_pair(toks, text, span, found[1], bare_titles) if found and found[1] and linked else None
        # In a pair the second name may follow a hyphen: "Ibrahim Ali-Hendrik sebagai Bupati dan Wakil Bupati".
        if not found or not found[1] or not plausible_name_before(toks, text, found[1], linked, bool(pair)):
            continue
        title, (first, last, hons, degs, ranks) = found
        if pair:
            # "A dan B sebagai Bupati dan Wabup Nabire": A holds the first post, B the second.
            (earlier, back_a), later = pair
            fa = finding_from(toks, text, back_a[0], back_a[1], back_a[2], back_a[3], [earlier])
            if fa:
                out.append(fa)
            title = later
        f = finding_from(toks, text, first, last, hons, degs, [title])
        if f:
            for r in ranks:
                f.titles.append({"title": r, "normalized": r, "region": None, "acting": None,
                                 "start": None, "end": None, "key": r})
            f.aliases += nickname_after(toks, last)
            out.append(f)
    return out

