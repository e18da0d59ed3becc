"""Regions and places written after titles: listed regions, the article's own place names, abbreviations."""

from __future__ import annotations

from functools import cache

from ..names import (
    is_honorific,
)
from .tokens import (
    Tok,
    is_acronym,
    is_cap,
    is_roman,
    is_subsequence_str,
    match_title,
    name_token,
    paren_group,
    same_line,
)
from .vocab import POSTS_BEFORE_PLACE, SMALL_AREA_KEYWORDS, SMALL_AREAS, STATE_WORDS, region_words, regions, word_class


def match_region(toks: list[Tok], i: int) -> int | None:
    """End index of the longest region name at token i."""
    forms, longest = regions()
    for n in range(min(longest, len(toks) - i), 0, -1):
        words = toks[i:i + n]
        if not all(is_cap(t) for t in words):
            continue
        if tuple(t.low for t in words) in forms:
            return i + n
    return hyphenated_region(toks, i, forms)


def hyphenated_region(toks: list[Tok], i: int, forms: frozenset[tuple[str, ...]]) -> int | None:
    """End index of a listed region written with a hyphen where the list has a space: "Tojo
    Una-Una", "Tojo Una-una" for Tojo Una Una. The hyphen joins words, never opens or ends one."""
    words: list[str] = []
    found, k = None, i
    while k < len(toks) and len(words) < 6:
        tok = toks[k]
        if tok.text == "-" and words and k + 1 < len(toks) and toks[k - 1].end == tok.start == toks[k + 1].start - 1:
            k += 1
            continue
        if not is_cap(tok) and not (words and toks[k - 1].text == "-"):
            break
        words += tok.low.split("-")
        k += 1
        if tuple(words) in forms and any("-" in t.text for t in toks[i:k]):
            found = k
    return found


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


def balinese_initial(toks: list[Tok], i: int) -> bool:
    """An "I" (or "Ni") that opens a Balinese name: "I Made", "I Gusti Ngurah", "Ni Luh"."""
    return i + 1 < len(toks) and word_class(toks[i + 1].text, "balinese")


def compass_region(toks: list[Tok], j: int, text: str) -> bool:
    """A capitalized word followed by a compass word on the same line: a place, not a name, nor a
    unit's words ("Sumber Daya Manusia": "Daya" is also the compass word of "Barat Daya")."""
    return (j + 1 < len(toks) and is_cap(toks[j]) and word_class(toks[j + 1].text, "direction")
            and is_cap(toks[j + 1]) and same_line(text, toks[j], toks[j + 1]) and not match_title(toks, j)
            and not is_honorific(toks[j].text) and not word_class(toks[j].text, "agency"))


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


def written_regions(toks: list[Tok]) -> list[tuple[str, ...]]:
    """The multi-word regions the article writes in full, word for word; one look-up per run of
    words rather than one search of the text per listed region."""
    lows = [t.low for t in toks]
    lengths, firsts = region_shapes()
    runs = {tuple(lows[i:i + n]) for i, low in enumerate(lows) if low in firsts for n in lengths}
    return [r for r in region_words() if r in runs]


@cache
def region_shapes() -> tuple[frozenset[int], frozenset[str]]:
    """The word counts of the multi-word regions, and their first words."""
    return frozenset(len(r) for r in region_words()), frozenset(r[0] for r in region_words())


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
    written = written_regions(toks)
    # Matim, Butur: abbreviations count only when the article writes the region in full.
    # Each distinct word is tried once, against the regions that share its first letter.
    by_letter: dict[str, list[tuple[str, ...]]] = {}
    for r in written:
        by_letter.setdefault(r[0][0], []).append(r)
    words = {t.low for t in toks if is_cap(t) and t.text[1:].islower() and len(t.text) >= 4}
    out |= {w for w in words if any(abbreviates(w, r, loose=True) for r in by_letter.get(w[0], ()))}
    return frozenset(out)


def district_word(toks: list[Tok], title: int, k: int) -> bool:
    """Token k, right after a post at token `title`, is followed by a comma and a lower-case word,
    and a name and a comma come before the post."""
    return (k + 2 < len(toks) and toks[k + 1].text == "," and toks[k + 2].text.islower()
            and title >= 2 and toks[title - 1].text == "," and name_token(toks, title - 2))

