"""Reading a person's name at a token: name words, honorifics, degrees, forwards and backwards."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..names import (
    bare,
    degrees,
    is_degree,
    is_honorific,
    is_initial,
    is_name_abbreviation,
    split_name,
)
from .places import match_region, nickname_group
from .tokens import (
    Tok,
    ends_sentence,
    gap,
    is_cap,
    is_subsequence_str,
    match_title,
    name_token,
    one_edit_apart,
    same_line,
)
from .vocab import MAX_NAME_TOKENS, lexicon, long_region_keywords, regions, word_class


@dataclass
class Finding:
    """One named mention of a person together with a title."""

    name: str
    span: tuple[int, int]
    honorifics: list[str]
    degrees: list[str]
    titles: list[dict]
    aliases: list[str] = field(default_factory=list)


def parse_name(toks: list[Tok], k: int, text: str) -> tuple[int, int, int, list[str], list[str]] | None:
    """A name starting at token k: (first, last_excl, end_excl_with_degrees, honorifics, degrees)."""
    n = len(toks)
    hons = []
    while k < n - 1 and is_honorific(toks[k].text) and is_cap(toks[k + 1]) and same_line(text, toks[k], toks[k + 1]):
        hons.append(toks[k].text + ("." if toks[k].dot else ""))
        k += 1
    first = k
    while k < n and k - first < MAX_NAME_TOKENS and (
            name_token(toks, k) or k == first and hons and honoured_word(toks, k, text)
            or initials_in_name(toks, k, text) and (k > first or name_word_follows(toks, k, text))):
        if k > first and not same_line(text, toks[k - 1], toks[k]):
            break
        if k > first and gap(text, toks[k - 1], toks[k]) not in {" ", ""}:
            break
        if k > first and spaced_degree(toks, k) and not (k + 2 < len(toks) and name_token(toks, k + 2)
                                                        and same_line(text, toks[k + 1], toks[k + 2])):
            break  # "Drs. Syamsuar M. Si tersebut": a degree written with a space, not an initial
        k += 1
        if toks[k - 1].dot and not dot_inside_name(toks, k - 1, text):
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
        if spaced_degree(toks, end) and (end == last or toks[end - 1].text == "," or is_degree(toks[end - 1].text)):
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


def honoured_word(toks: list[Tok], k: int, text: str) -> bool:
    """A common capitalized word opening a name right after an honorific, with a name word after
    it: "Dr. Hari Nur Cahya Murni" ("Hari" is otherwise the day of "Hari Senin")."""
    return (word_class(toks[k].text, "not_name") and toks[k].text[:1].isupper() and toks[k].text[1:].islower()
            and k + 1 < len(toks) and name_token(toks, k + 1) and same_line(text, toks[k], toks[k + 1])
            and gap(text, toks[k], toks[k + 1]) == " ")


def initials_in_name(toks: list[Tok], k: int, text: str) -> bool:
    """Two capitals written inside or closing a name: "Supian HK", "Arnold AP Ritiauw", "Paris RA.
    Jusuf". Not a known acronym, title, region or honorific; a degree's letters ("AP", "MS") only
    between two name words, since after the name they are the degree."""
    t = toks[k].text
    if not (len(t) == 2 and t.isalpha() and t.isupper()) or t.lower() in lexicon() \
            or match_title(toks, k) or match_region(toks, k) or is_honorific(t):
        return False
    return not is_degree(t) or name_word_follows(toks, k, text)


def name_word_follows(toks: list[Tok], k: int, text: str) -> bool:
    """A name word follows token k on the same line after one space."""
    return (k + 1 < len(toks) and same_line(text, toks[k], toks[k + 1])
            and gap(text, toks[k], toks[k + 1]) == " " and name_token(toks, k + 1))


def dot_inside_name(toks: list[Tok], k: int, text: str) -> bool:
    """The dot after token k sits inside a name: an initial ("J."), or an abbreviation or two
    capitals with the name going on ("Moh. Rasyid", "RA. Jusuf")."""
    t = toks[k].text
    if is_initial(t):
        return True
    return (is_name_abbreviation(t) or len(t) == 2 and t.isupper()) and name_word_follows(toks, k, text)


def spaced_degree(toks: list[Tok], i: int) -> bool:
    """A degree written with a space after its initial: "M. Eng", "S. Sos"."""
    return (i + 1 < len(toks) and toks[i].dot and len(toks[i].text) == 1 and toks[i].text.isupper()
            and bare(toks[i].text + toks[i + 1].text) in degrees())


def degree_before_title(toks: list[Tok], p: int) -> bool:
    """A degree closing a name read backwards. Dotted capitals are initials ("R.L") unless a listed
    degree set off by a comma: "Muhammad Zen, S.H., M.Si.", "Reswan W Soewardjo M.M., M.H."."""
    t = toks[p].text
    if not is_degree(t):
        return False
    if not is_initial(t):
        return True
    return bare(t) in degrees() and len(bare(t)) >= 2 and (
        toks[p - 1].text == "," or p + 1 < len(toks) and toks[p + 1].text == ",")


def parse_name_backward(toks: list[Tok], p: int, text: str) -> tuple[int, int, list[str], list[str], list[str]] | None:
    """A name ending at or before token p (skipping degrees): (first, last_excl, hons, degs, ranks)."""
    degs = []
    while p >= 0 and (toks[p].text == "," or p > 0 and degree_before_title(toks, p)):
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
    if all(word_class(w, "agency") or word_class(w, "agency_acronym") for w in parts.name.split()):
        return None  # "Kapolres, Kejaksaan Negeri dan ...": a body, not a person
    if any(len(w) >= 7 and any(one_edit_apart(w.lower(), k) for k in long_region_keywords())
           for w in parts.name.split()):
        return None  # "Kepala Bappeda Provensi Sultra": a region keyword misspelt, then the region
    return Finding(parts.name, (s, e), hons + parts.honorifics, parts.degrees + degs, titles)


def entity_starts(toks: list[Tok], entities: Iterable[tuple[int, int, str]] | None) -> tuple[dict[int, int], set[int]]:
    """PER entities as {token index of start: end char} and the set of covered token indexes."""
    starts: dict[int, int] = {}
    covered: set[int] = set()
    if not entities:
        return starts, covered
    by_char = {t.start: i for i, t in enumerate(toks)}
    token_starts = [t.start for t in toks]
    for s, e, label in entities:
        if label.upper() not in {"PER", "PERSON"}:
            continue
        if s in by_char:
            starts[by_char[s]] = e
        covered.update(tokens_inside(toks, token_starts, s, e))
    return starts, covered


def tokens_inside(toks: list[Tok], token_starts: list[int], s: int, e: int) -> range:
    """Indexes of the tokens lying within characters [s, e): tokens run in text order, so they
    are one run found by bisection, not by a pass over the article per entity."""
    first = bisect_left(token_starts, s)
    last = first
    while last < len(toks) and toks[last].end <= e:
        last += 1
    return range(first, last)


ParsedName = tuple[int, int, int, list[str], list[str]]


def honorific_split(toks: list[Tok], parsed: tuple[int, int, int, list[str], list[str]]) -> int | None:
    """Index of an honorific inside a parsed name run whose words before it name a region."""
    first, last = parsed[0], parsed[1]
    for j in range(first + 1, min(last + 1, len(toks) - 1)):
        t = toks[j].text
        if is_honorific(t) and (len(bare(t)) >= 2 or toks[j].dot) and is_cap(toks[j + 1]):
            if any(match_region(toks, k) or word_class(toks[k].text, "region_keyword") for k in range(first, j)):
                return j
    return None


def nickname_after(toks: list[Tok], k: int) -> list[str]:
    """A nickname in parentheses right after a name: "Maulan Aklil (Molen)"."""
    return [toks[k + 1].text] if nickname_group(toks, k) else []


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


def name_span(toks: list[Tok], back: tuple[int, int, list[str], list[str], list[str]]) -> tuple[int, int]:
    """Character span of a backward-parsed name, as finding_from writes it."""
    first, last = back[0], back[1]
    end = toks[last - 1].end + (1 if toks[last - 1].dot and is_initial(toks[last - 1].text) else 0)
    return toks[first].start, end

