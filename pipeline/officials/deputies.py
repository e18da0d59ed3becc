"""Deputies named through their head: "Bupati Badung Giri Prasta dan Wakilnya Ketut Suiasa",
"Bupati Langkat didampingi wakilnya H.Syah Afandin". "Wakilnya" (his/her deputy) is a post
whose region is the head's written before it."""

from __future__ import annotations

from functools import cache

from .name_reading import Finding, finding_from, parse_name
from .tokens import Tok, match_title, same_line
from .vocab import title_entries

DEPUTY_PRONOUNS = {"wakilnya"}
HEAD_WINDOW = 300  # characters back from "Wakilnya" within which the head's title is looked for


@cache
def head_keys() -> frozenset[str]:
    """Normalized titles of heads of regions and the nation, the posts that have a deputy."""
    return frozenset(e.normalized for entries in title_entries().values() for e in entries
                     if e.kind in ("exec", "national") and not e.normalized.startswith("Wakil"))


def heads_and_deputies(toks: list[Tok], i: int) -> bool:
    """"melantik lima bupati dan wakilnya, Sutarmidji ...": a bare title joined to "wakilnya"
    names a group of heads and their deputies; the name after the comma opens the next clause."""
    return i >= 2 and toks[i - 1].low in {"dan", "serta"} and match_title(toks, i - 2) is not None


def deputy_findings(toks: list[Tok], text: str, titles: list[dict], taken: set[tuple[int, int]]) -> list[Finding]:
    """Names written after "wakilnya": the written post, and the head's post with "Wakil" when a
    head's title comes shortly before (`titles`: the title records read so far, with offsets)."""
    heads = sorted((t for t in titles if t.get("key") in head_keys() and t.get("start") is not None),
                   key=lambda t: t["start"])
    found = []
    for i, tok in enumerate(toks[:-1]):
        if tok.low not in DEPUTY_PRONOUNS or heads_and_deputies(toks, i):
            continue
        k = i + 2 if toks[i + 1].text == "," else i + 1
        if k >= len(toks) or not same_line(text, tok, toks[k]):
            continue
        parsed = parse_name(toks, k, text)
        if not parsed:
            continue
        first, last, _end, hons, degs = parsed
        written = {"title": tok.text, "normalized": "Wakil", "region": None, "acting": None,
                   "start": tok.start, "end": tok.end, "key": "Wakil"}
        posts = [written]
        head = next((t for t in reversed(heads) if tok.start - HEAD_WINDOW <= t["start"] < tok.start), None)
        if head:
            posts.append({"title": f"Wakil {head['title']}", "normalized": f"Wakil {head['normalized']}",
                          "region": head["region"], "acting": None, "start": None, "end": None,
                          "key": f"Wakil {head['key']}"})
        finding = finding_from(toks, text, first, last, hons, degs, posts)
        if finding and finding.span not in taken:
            found.append(finding)
    return found
