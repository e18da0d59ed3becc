"""Indonesian personal names: honorifics, degrees, name-token shapes and short forms."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"

# Degree shapes not worth listing one by one: S.Sos, M.Si, Sp.M, M.Ec.Dev, S.H.I ...
DEGREE_SHAPE = re.compile(r"^(?:[SMDA]|Sp|Ph)\.?\s?[A-Za-z]{1,5}\.?(?:\.[A-Za-z]{1,4}\.?)*$")


def read_lines(name: str) -> list[str]:
    """Non-comment, non-empty lines of a data file."""
    text = (DATA / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


@lru_cache(maxsize=1 << 16)
@lru_cache(maxsize=1 << 16)
def bare(token: str) -> str:
    """A token lower-cased without dots, spaces and hyphens, for vocabulary look-ups (cached: the
    officials extractor looks up every token's form many times)."""
    return re.sub(r"[.\s-]", "", token).lower()


@cache
def honorifics() -> frozenset[str]:
    """Honorifics written before names (bare forms)."""
    return frozenset(bare(w) for w in read_lines("names_honorifics.txt"))


@cache
def degrees() -> frozenset[str]:
    """Listed academic and professional degrees (bare forms)."""
    return frozenset(bare(w) for w in read_lines("names_degrees.txt"))


# Medical honorifics are written in lower case: "dr. Warqah Helmi", "drg Reswan", "drh. Stephanus".
LOWER_HONORIFICS = frozenset({"dr", "drg", "drh"})


def is_honorific(token: str) -> bool:
    """True for Dr., H., Hj., Ir, Ny. and the other listed forms of address."""
    return bare(token) in honorifics() and token[:1].isupper() or token.rstrip(".") in LOWER_HONORIFICS


@cache
def name_abbreviations() -> frozenset[str]:
    """One-part abbreviations inside names (data/names_abbreviations.txt): Moh, Abd, Hi."""
    return frozenset(read_lines("names_abbreviations.txt"))


def is_name_abbreviation(token: str) -> bool:
    """A dotted one-part abbreviation inside a name: "Moh." in "Nur Aini Moh. Rasyid"."""
    return token.rstrip(".") in name_abbreviations()


def is_degree(token: str) -> bool:
    """True for a degree written after a name: SH, S.H., M.Si, MSi, Sp.M, M.Ec.Dev."""
    b = bare(token)
    if not b or not token[:1].isupper() and not token.startswith("dr"):
        return False
    if b in degrees():
        return True
    # Dotted shapes only: "Sp.M" is a degree, a bare "Sandi" is not.
    return "." in token and bool(DEGREE_SHAPE.match(token)) and len(b) <= 8


def is_initial(token: str) -> bool:
    """A single-letter initial or a run of them: "J.", "R.L", "A", "M."."""
    return bool(re.fullmatch(r"[A-Z](?:\.[A-Z])*\.?", token))


@dataclass
class NameParts:
    """A written name split into the bare name, honorifics before it and degrees after it."""

    name: str
    honorifics: list[str] = field(default_factory=list)
    degrees: list[str] = field(default_factory=list)


def split_name(written: str) -> NameParts:
    """Split "Drs. H. Longki Djanggola, M.Si" into name, honorifics and degrees."""
    head, _, tail = written.partition(",")
    tokens = head.split()
    parts = NameParts("")
    while len(tokens) > 1 and is_honorific(tokens[0]):
        parts.honorifics.append(tokens.pop(0))
    while len(tokens) > 1 and is_degree(tokens[-1]) and not is_initial(tokens[-1]):
        parts.degrees.insert(0, tokens.pop())
    for piece in re.split(r"[,\s]+", tail):
        if piece.strip("."):
            parts.degrees.append(piece)
    parts.name = " ".join(tokens).strip(" ,.")
    return parts


def name_key(name: str) -> list[str]:
    """Lower-cased name tokens without dots, for comparing forms of one name."""
    return [t for t in (bare(w) for w in name.split()) if t]


def is_subsequence(short: list[str], long: list[str]) -> bool:
    """True when the tokens of `short` occur in `long` in the same order."""
    it = iter(long)
    return all(tok in it for tok in short)


def is_short_form(short: str, full: str) -> bool:
    """True when `short` ("Sandiaga Uno", "Tri") is a shortened form of `full`."""
    s, f = name_key(short), name_key(full)
    return bool(s) and len(s) < len(f) and is_subsequence(s, f)


def same_spelling(a: str, b: str) -> bool:
    """True for near-identical spellings of one name ("Usuludin" / "Usuluddin")."""
    ka, kb = " ".join(name_key(a)), " ".join(name_key(b))
    if ka == kb:
        return True
    if len(ka.split()) != len(kb.split()) or 2 * min(len(ka), len(kb)) < 0.9 * (len(ka) + len(kb)):
        return False  # the lengths alone keep the ratio under 0.9
    matcher = difflib.SequenceMatcher(None, ka, kb)
    # The quick upper bounds rule most pairs out before the full comparison.
    return matcher.real_quick_ratio() >= 0.9 and matcher.quick_ratio() >= 0.9 and matcher.ratio() >= 0.9
