"""Tokens of an article for the officials extractor, and the title vocabulary look-up at a token."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..names import (
    bare,
    is_degree,
    is_honorific,
    is_initial,
    is_name_abbreviation,
)
from .vocab import (
    DOTTED_ABBREVIATIONS,
    RANK_CORPS,
    ROMAN,
    ROMAN_RE,
    WEB_WORDS,
    TitleEntry,
    count_words,
    generic_posts,
    title_entries,
    word_class,
)

# Words keep inner dots and apostrophes (M.Si, R.L, Ma'ruf) and lower-case hyphen parts
# (se-Kota, kota-kota); "SorotNTT.Com-Bupati" splits before the capitalized title.
TOKEN_RE = re.compile(r"\w+(?:[.'’]\w+)*(?:-[a-z0-9]\w*)*|[^\w\s]")


@dataclass(frozen=True)
class Tok:
    """A word or punctuation token with its character span; `dot` when a '.' follows."""

    text: str
    start: int
    end: int
    dot: bool
    # Forms looked up many times per token (a title is tried at every token): computed once.
    low: str = field(init=False, repr=False, compare=False)
    key: str = field(init=False, repr=False, compare=False)  # names.bare: the vocabulary form

    def __post_init__(self) -> None:
        object.__setattr__(self, "low", self.text.lower())
        object.__setattr__(self, "key", bare(self.text))


def counted(tok: Tok) -> bool:
    """A count written before a title ("20 Pj Kades", "tiga Kepala Desa"); not a year or a date."""
    t = tok.low
    return t.isdecimal() and len(t) <= 3 and int(t) >= 2 or t in count_words() or t in {"puluhan", "ratusan", "belasan"}


class Tokens(list):
    """The token list of one text, with the indexes of words seen only in headlines, and of
    those among them that the body writes in lower case (common words: "Kaji Banding")."""

    headline_only: frozenset[int] = frozenset()
    headline_common: frozenset[int] = frozenset()

    def __init__(self, *args: object) -> None:
        super().__init__(*args)
        # match_title's answer at each index: a title is tried at every token by several passes
        self.title_memo: dict[int, tuple[int, TitleEntry] | None] = {}


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


# An enumerated line ("1. Dr. Hendriwan, M.Si sebagai Pjs Bupati ...", "– Kepala Dinas ...") is a
# list item, however capitalized, not a headline.
LIST_ITEM_RE = re.compile(r"\s*(?:\d{1,2}[.)]?\s|[-–•*]\s?)")


def headline_only_tokens(text: str, toks: list[Tok]) -> frozenset[int]:
    """Capitalized words of Title-Case lines that the article never writes elsewhere.

    Headlines capitalize every word ("Rombongan Gubernur Dipandu Bupati Rettob"), so a
    word there is taken for part of a name only when the body repeats it.
    """
    headline_lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        words = [w for w in re.findall(r"[A-Za-z]\w*", line)
                 if w.lower() not in {"dan", "di", "ke", "yang", "dari", "untuk"}]
        if (len(words) >= 4 and len(line) <= 160 and not line.rstrip().endswith(".") and not LIST_ITEM_RE.match(line)
                and sum(w[0].isupper() for w in words) >= 0.75 * len(words)):
            headline_lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    if not headline_lines:
        return frozenset()

    in_headline = tokens_within(toks, headline_lines)
    body_words = {t.text for t, inside in zip(toks, in_headline, strict=True) if not inside}
    return frozenset(i for i, t in enumerate(toks)
                     if in_headline[i] and t.text[:1].isupper() and t.text not in body_words)


def tokens_within(toks: list[Tok], spans: list[tuple[int, int]]) -> list[bool]:
    """For each token, whether it starts inside one of the spans; both run in text order, so one
    walk over the two serves (a long article has many lines)."""
    inside, k = [], 0
    for t in toks:
        while k < len(spans) and spans[k][1] <= t.start:
            k += 1
        inside.append(k < len(spans) and spans[k][0] <= t.start)
    return inside


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
    return not (is_initial(tok.text) or is_honorific(tok.text) or is_degree(tok.text) or is_name_abbreviation(tok.text)
                or tok.key in DOTTED_ABBREVIATIONS or acting_form(tok.text))


def acting_form(text: str) -> bool:
    """Plt, Pj, Pjs, Plh."""
    return bare(text) in {"plt", "pj", "pjs", "plh"}


def gap(text: str, a: Tok, b: Tok) -> str:
    """The characters between two tokens, not counting a dot kept on the first."""
    return text[a.end + (1 if a.dot else 0):b.start]


def same_line(text: str, a: Tok, b: Tok) -> bool:
    """No line break between the two tokens."""
    return "\n" not in gap(text, a, b)


def match_title(toks: list[Tok], i: int) -> tuple[int, TitleEntry] | None:
    """The longest vocabulary title starting at token i: (end index, entry); remembered per
    index on a Tokens list, which is never changed once made."""
    memo = toks.title_memo if type(toks) is Tokens else None
    if memo is None:
        return longest_title(toks, i)
    if i not in memo:
        memo[i] = longest_title(toks, i)
    return memo[i]


def longest_title(toks: list[Tok], i: int) -> tuple[int, TitleEntry] | None:
    """match_title without the memo."""
    if i >= len(toks):
        return None
    for entry in title_entries().get(toks[i].key, []):
        n = len(entry.form)
        if i + n > len(toks):
            continue
        if all(toks[i + k].key == entry.form[k] for k in range(n)):
            if entry.needs_dot and not toks[i + n - 1].dot:
                continue
            # A title word in lower case is fine ("wakil walikota Serang"), but all its words
            # must agree: "Kepala" in "kepala Dinas" is still a title, "kota" alone is not.
            return (corps_end(toks, i + n) if entry.kind == "rank" else i + n), entry
    return None


def corps_end(toks: list[Tok], k: int) -> int:
    """The end of a rank with the corps written after it: "Kol Arm", "Letkol Kav.", "Kolonel Inf",
    "Brigjen TNI" (data/officials_word_sets.tsv, rank_corps). One corps word at most."""
    if k < len(toks) and toks[k].low in RANK_CORPS and is_cap(toks[k]):
        return k + 1
    return k


def paren_group(toks: list[Tok], i: int, limit: int = 5) -> int | None:
    """Index after a short '( ... )' group of capitalized words/acronyms starting at i."""
    if i >= len(toks) or toks[i].text != "(":
        return None
    for j in range(i + 1, min(len(toks), i + limit + 2)):
        if toks[j].text == ")":
            inner = toks[i + 1:j]
            if inner and all(is_cap(t) or t.text in {".", "-", "&"} or t.text.isdecimal() for t in inner):
                return j + 1
            return None
    return None


def is_subsequence_str(small: str, big: str) -> bool:
    """True when the letters of `small` occur in `big` in order."""
    it = iter(big)
    return all(c in it for c in small)


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
    if re.match(r"[Ss]e-\w", t):
        return False  # "se-Bali", "Se-kota": "all of a place", never a name
    if is_degree(t) or match_title(toks, k) or is_acronym(tok) or (tok.low,) in generic_posts():
        return False  # "Ketua", "Sekretaris", "Anggota" head a post, never a name
    if is_honorific(t) and len(bare(t)) >= 2:  # "Dr", "Ir", "Hj" open a name, never sit inside one
        return False
    if k in getattr(toks, "headline_only", ()) and re.match(r"(?:Di|Me|Ber|Ter|Per)[a-z]{4,}$", t):
        return False  # a headline verb ("Dipandu"), not a name the body never repeats
    if t.lower().endswith("kan") and len(t) > 5 and (k in getattr(toks, "headline_only", ())
                                                     or re.match(r"(?:[Dd]i|[Mm]e|[Bb]er|[Tt]er|[Pp]er)", t)):
        return False  # headline verbs (Ingatkan, Sampaikan; Disampaikan in a body), not "Bupati Bangka Mulkan"
    if t.lower().endswith("nya") and len(t) >= 8:  # Selanjutnya, Sebelumnya, Menurutnya
        return False
    return True


def one_edit_apart(a: str, b: str) -> bool:
    """Two different words one letter apart: one inserted, dropped, changed, or two swapped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long = (a, b) if len(a) < len(b) else (b, a)
    return any(long[:i] + long[i + 1:] == short for i in range(len(long)))
