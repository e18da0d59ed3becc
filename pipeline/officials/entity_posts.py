"""Officials the NER model vouches for where the title vocabulary has no post: a person right after
a generic post and its body ("Wakil Ketua 2, Hamzah Sidik Djibran"), or after an office written as its
head's post in a list of officials ("Disperindag Benny Lontoh"); not the heads of private bodies."""

from __future__ import annotations

from ..names import is_honorific
from ..programs_acronyms import acronym_pairs
from .name_reading import Finding, finding_from, tokens_inside
from .places import match_region
from .titles import post_before
from .tokens import Tok, acting_form, is_cap, name_token, same_line
from .vocab import word_class


def entity_posts(toks: list[Tok], text: str, entities: list[tuple[int, int, str]] | None,
                 taken: list[tuple[int, int]]) -> list[Finding]:
    """Officials the NER model vouches for: a person right after a generic post and its body
    ("Wakil Ketua 2, Hamzah Sidik Djibran", "perwakilan Kesbangpol Zulfadli Matondang")."""
    by_start = {t.start: i for i, t in enumerate(toks)}
    token_starts = [t.start for t in toks]
    named = bytearray(len(text) + 1)
    for a, b in taken:
        named[a:b] = b"\x01" * (b - a)
    found = []
    private = community_acronyms(text)
    for s, e, label in entities or ():
        k = by_start.get(s)
        if label.upper() not in {"PER", "PERSON"} or k is None or any(named[s:e]):
            continue
        start = post_before(toks, k, text)
        if start is not None and any(t.text in private for t in toks[start:k]):
            continue  # "Ketua KKIG Sulut": the head of a private association, not an official
        named_at = k
        if start is None:
            start, named_at = office_before(toks, k, text)
        inside = tokens_inside(toks, token_starts, s, e)
        if start is None or not inside or not all(name_token(toks, i) for i in inside):
            continue
        last = inside[-1]
        title_end = toks[named_at - 1].start if toks[named_at - 1].text == "," else toks[named_at].start
        written = text[toks[start].start:title_end].strip(" ,")
        position = {"title": written, "normalized": written, "region": None, "acting": None,
                    "start": toks[start].start, "end": toks[start].start + len(written), "key": written.lower()}
        finding = finding_from(toks, text, k, last + 1, [], [], [position])
        if finding:
            found.append(finding)
    return found


def office_before(toks: list[Tok], k: int, text: str) -> tuple[int | None, int]:
    """An office written as its head's post in a list of officials, right before the model's PER at
    token k: "Kepala Dinas Pariwisata Rita Tumewu, Disperindag Benny Lontoh", "Plt Kemenag Kampar
    Fuadi Ahmad", "Setda Sumenep Ir. Edy Rasyadi". The office is an agency acronym, with an acting
    prefix or a listed region, after a list separator or at a line's start. Returns (start of the
    post, index where the name and its honorifics begin)."""
    named_at = k
    while named_at > 0 and is_honorific(toks[named_at - 1].text):
        named_at -= 1
    j = named_at
    for r in range(max(0, j - 3), j):
        if match_region(toks, r) == j and is_cap(toks[r]):
            j = r
            break
    if j < 1 or not (word_class(toks[j - 1].text, "agency_acronym") and is_cap(toks[j - 1])):
        return None, k
    start = j - 1
    if start > 0 and acting_form(toks[start - 1].text):
        start -= 1
    before = toks[start - 1] if start > 0 else None
    if before is None or before.text in {",", ";"} or not same_line(text, before, toks[start]) \
            or acting_form(toks[start].text):
        return start, named_at
    return None, k


def community_acronyms(text: str) -> frozenset[str]:
    """Acronyms the article spells out as a private body: "Kerukunan Keluarga Indonesia Gorontalo
    (KKIG)", "Ikatan Pelajar ... (IPM)": the expansion (read as the programs extractor reads
    acronym pairs) opens with a community word."""
    return frozenset(p.acronym for p in acronym_pairs(text)
                     if word_class(p.expansion.split()[0], "community"))
