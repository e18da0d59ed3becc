"""Vocabularies of the officials extractor: titles, word classes, regions (pipeline/data/)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ..names import (
    bare,
    read_lines,
)


def word_set(name: str) -> frozenset[str]:
    """One of the closed word sets in data/officials_word_sets.tsv."""
    rows = (line.split("\t") for line in read_lines("officials_word_sets.tsv")[1:])
    return frozenset(word for set_name, word in rows if set_name == name)


# Abbreviations whose dot does not end a sentence; "Pol." in ranks (Irjen Pol. Dedi) is one of them.
DOTTED_ABBREVIATIONS = word_set("dotted_abbreviation")


ROMAN = {"i", "ii", "iii", "iv", "v", "vi"}


ROMAN_RE = re.compile(r"x{0,3}(?:ix|iv|v?i{0,3})")  # up to XXXIX: "Pangdam XVIII/Kasuari", "Komisi VIII"


RANK_CORPS = word_set("rank_corps")


GROUP_WORDS = word_set("group")


OPEN_QUOTES, CLOSE_QUOTES = "\"“”‘’'", "\"”“’‘'"


MAX_NAME_TOKENS = 6


UNIT_KINDS = ("agency", "body", "aide")  # posts that take a unit's name after them


LOWER_REGION_KEYWORDS = word_set("lower_region_keyword")


SMALL_AREA_KEYWORDS = word_set("small_area_keyword")


STATE_WORDS = word_set("state_word")


POSTS_BEFORE_PLACE = word_set("post_before_place")


@dataclass(frozen=True)
class TitleEntry:
    """One row of data/titles.tsv."""

    form: tuple[str, ...]
    needs_dot: bool
    normalized: str
    kind: str
    unit: str


@cache
def title_entries() -> dict[str, list[TitleEntry]]:
    """Title vocabulary indexed by the first word, longest forms first."""
    index: dict[str, list[TitleEntry]] = {}
    for line in read_lines("titles.tsv")[1:]:
        cols = (line.split("\t") + ["", "", "", ""])[:4]
        form, normalized, kind, unit = (c.strip() for c in cols)
        words = tuple(bare(w) for w in form.split())
        entry = TitleEntry(words, form.endswith("."), normalized, kind, unit)
        index.setdefault(words[0], []).append(entry)
    for entries in index.values():
        entries.sort(key=lambda e: -len(e.form))
    return index


@cache
def long_region_keywords() -> frozenset[str]:
    """Region keywords of eight letters or more, lower-cased (kabupaten, provinsi, kecamatan ...): long
    enough that a word one letter from one is that keyword misspelt, not a name."""
    return frozenset(w for w, classes in lexicon().items() if "region_keyword" in classes and len(w) >= 8)


@cache
def lexicon() -> dict[str, frozenset[str]]:
    """Word classes from data/officials_lexicon.tsv, by lower-cased word."""
    classes: dict[str, set[str]] = {}
    for line in read_lines("officials_lexicon.tsv")[1:]:
        word, cls = line.split("\t")
        classes.setdefault(word.lower(), set()).add(cls)
    return {w: frozenset(c) for w, c in classes.items()}


def word_class(token: str, cls: str) -> bool:
    """True when the token belongs to a lexicon class."""
    return cls in classes_of(token)


@lru_cache(maxsize=1 << 16)
def classes_of(token: str) -> frozenset[str]:
    """The lexicon classes of a token (looked up for every token by several passes)."""
    return lexicon().get(token.lower().rstrip("."), frozenset())


@cache
def regions() -> tuple[frozenset[tuple[str, ...]], int]:
    """Region names as lower-cased token tuples, and the longest length."""
    names = read_lines("officials_regions.txt") + read_lines("officials_region_abbreviations.txt")
    forms = frozenset(tuple(n.lower().split()) for n in names)
    return forms, max(len(f) for f in forms)


@cache
def count_words() -> frozenset[str]:
    """Cardinal number words of two or more (data/number_words.tsv): "tiga", "dua puluh"."""
    rows = [line.split("\t") for line in read_lines("number_words.tsv")[1:]]
    return frozenset(r[1].strip() for r in rows if len(r) > 1 and r[0].strip().isdecimal() and int(r[0]) >= 2)


WEB_WORDS = word_set("web")


@cache
def region_words() -> tuple[tuple[str, ...], ...]:
    """Multi-word region names, for recognising their syllable abbreviations."""
    forms, _ = regions()
    return tuple(f for f in forms if len(f) >= 2)


@cache
def related_markers() -> tuple[str, ...]:
    """Line openings that introduce links to other articles."""
    return tuple(m.lower() for m in read_lines("officials_related_markers.txt"))


@cache
def generic_posts() -> tuple[tuple[str, ...], ...]:
    """Post words that need a body or number after them, longest first ("wakil ketua")."""
    posts = {tuple(line.lower().split()) for line in read_lines("officials_generic_posts.txt")}
    return tuple(sorted(posts, key=len, reverse=True))


@cache
def title_units() -> frozenset[str]:
    """The units posts belong to (data/titles.tsv): komisi, dinas, badan, dprd ..."""
    units = (e.unit for entries in title_entries().values() for e in entries)
    return frozenset(u.lower() for u in units if u and " " not in u)


@cache
def title_families() -> dict[str, str]:
    """Normalized titles of one post under different names (Sekkot, Sekda -> Sekretaris Daerah)."""
    rows = [line.split("\t") for line in read_lines("officials_title_families.tsv")[1:]]
    return {key: family for key, family in rows}


SMALL_AREAS = {"Kecamatan", "Kelurahan", "Desa", "Kampung", "Distrik"}


@cache
def small_area_titles() -> frozenset[str]:
    """Normalized titles of village and district posts (their unit is a small area)."""
    return frozenset(e.normalized for entries in title_entries().values() for e in entries if e.unit in SMALL_AREAS)

