"""Members listed after one post: "Anggota DPRD Bukittinggi, Edison Katik Basa, Ibnu Asis, Ibra
Yaser, Novi Candra dan Alizarman" names five members of one council; "25 anggota DPRD Kota X ...,
di antaranya A, B dan C" names three members of a counted post."""

from __future__ import annotations

from .name_reading import Finding, finding_from, parse_name
from .titles import TitleSpan, title_dict
from .tokens import Tok, ends_sentence, match_title, same_line

LIST_JOINS = {",", "dan", "serta"}


def is_member_post(title: dict) -> bool:
    """A post held by many at once (a council's members), so that a list of names can share it."""
    return title["key"].lower().startswith("anggota")


def listed_members(toks: list[Tok], text: str, k: int, title: dict) -> tuple[list[Finding], int]:
    """The names listed from token k (just after the first member's name) on, each given the same
    post, and the token where the list ends. An item must be a name alone: one followed by a title
    or by a word that goes on the clause is another person's apposition, so the list stops there."""
    found: list[Finding] = []
    n = len(toks)
    while k < n and toks[k].low in LIST_JOINS:
        nxt = k + 2 if toks[k].text == "," and k + 1 < n and toks[k + 1].low in {"dan", "serta"} else k + 1
        if nxt >= n or not same_line(text, toks[k], toks[nxt]) or match_title(toks, nxt):
            break
        parsed = parse_name(toks, nxt, text)
        if not parsed:
            break
        first, last, end, hons, degs = parsed
        if end < n and not toks[end - 1].dot and toks[end].low not in LIST_JOINS and toks[end].text != ";":
            break  # "..., Ibnu Asis mengatakan": the clause goes on
        finding = finding_from(toks, text, first, last, hons, degs, [dict(title)])
        if not finding:
            break
        found.append(finding)
        k = end
    return found, k


LIST_CUES = {"antaranya", "diantaranya", "yakni", "yaitu"}  # "25 anggota DPRD ... di antaranya A, B, dan C"


def group_members(toks: list[Tok], text: str, span: TitleSpan) -> tuple[list[Finding], int]:
    """The members a counted or plural member post names in a list announced later in its sentence
    ("Terdapat 25 anggota DPRD Kota Makassar yang datang, di antaranya Ir H Abidin, Muslim Fattah,
    ... dan H Abd Rahim"): each listed name holds the post. A list needs two names or more; the
    token to read on from."""
    if not is_member_post(title_dict(span, toks, text)):
        return [], span.last
    k = span.last
    while k < min(len(toks), span.last + 30) and not ends_sentence(toks[k]) and toks[k].low not in LIST_CUES:
        k += 1
    if k + 1 >= len(toks) or toks[k].low not in LIST_CUES or not same_line(text, toks[span.last], toks[k]):
        return [], span.last
    k += 1 + (toks[k + 1].text == ":")
    parsed = parse_name(toks, k, text)
    if not parsed or match_title(toks, k):
        return [], span.last
    title = title_dict(span, toks, text)
    first = finding_from(toks, text, parsed[0], parsed[1], parsed[3], parsed[4], [title])
    rest, end = listed_members(toks, text, parsed[2], title)
    if not first or not rest:
        return [], span.last
    return [first, *rest], end
