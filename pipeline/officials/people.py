"""People and their mentions: findings grouped into persons, bare names and titles resolved, records written."""

from __future__ import annotations

import re
from collections import Counter

from ..names import (
    is_short_form,
    name_key,
    same_spelling,
)
from .name_reading import Finding
from .tokens import one_edit_apart
from .vocab import small_area_titles, title_families


class Person:
    """Findings grouped into one person. The name, name key and post keys are computed once
    per change of the findings: grouping compares every person with many others."""

    def __init__(self, findings: list[Finding]):
        self.findings: list[Finding] = []
        self._name: str | None = None
        self._name_key: tuple[str, ...] | None = None
        self._keys: set[str] | None = None
        self.absorb(findings)

    def absorb(self, findings: list[Finding]) -> None:
        """Add findings to the person."""
        self.findings += findings
        self._name = self._name_key = self._keys = None

    @property
    def keys(self) -> set[str]:
        """Normalized core titles of the person's posts."""
        if self._keys is None:
            self._keys = {t["key"] for f in self.findings for t in f.titles}
        return self._keys

    @property
    def name(self) -> str:
        """Fullest form: the most words, then the most often written (a one-off typo loses:
        "Micler Lakat" twice over "Micler Lakar" once), then the first written."""
        if self._name is None:
            names = [f.name for f in self.findings]
            counts = Counter(names)
            first: dict[str, int] = {}
            for f in self.findings:
                first[f.name] = min(first.get(f.name, f.span[0]), f.span[0])
            self._name = max(names, key=lambda s: (len(s.split()), counts[s], -first[s]))
        return self._name

    def name_key(self) -> tuple[str, ...]:
        """The name's comparison key."""
        if self._name_key is None:
            self._name_key = tuple(name_key(self.name))
        return self._name_key

    def families(self, deputy_blind: bool = False) -> set[str]:
        """The families of the person's post keys. A head of any unit is also a "Kepala": "kepala BP
        Batam" (key Kepala) agrees with "Kepala Badan Pengusahaan (BP) Batam" (key Kepala Badan)."""
        families = {family(k, deputy_blind) for k in self.keys if k}
        return families | {GENERIC_HEAD for f in families if f.startswith(GENERIC_HEAD + " ")}


GENERIC_HEAD = "Kepala"


def family(key: str, deputy_blind: bool = False) -> str:
    """A title key's family; with deputy_blind, "Wakil Wali Kota" and "Wali Kota" are one."""
    key = title_families().get(key, key)
    return key.removeprefix("Wakil ") if deputy_blind else key


def compatible(a: Person, b: Person, deputy_blind: bool = False) -> bool:
    """Two groups whose posts agree. A shortened name may drop the deputy's "Wakil" from the
    title as well ("Wali Kota Reny" for Wakil Wali Kota Reny A Lamadjido)."""
    return bool(a.families(deputy_blind) & b.families(deputy_blind))


def place_after_titles(person: Person, text: str, words: Counter[str], places: frozenset[str]) -> bool:
    """One word that names a place, not a person: written after two different titles
    ("Camat Parigi, Kapolsek Parigi"), or once only, after a village or district post
    ("Kepala Desa Kampal dan aparat desa")."""
    if len(person.name.split()) != 1:
        return False
    titles = [f.titles[0] for f in person.findings if f.titles]
    if len({t["key"] for t in titles}) >= 2:
        return True
    if person.name in places:
        return True  # also written where only a place stands
    if len(person.name) >= 5 and any(one_edit_apart(person.name.lower(), p.lower()) for p in places):
        return True  # "Bupati Kalten" in an article on "Kabupaten Klaten": the place misspelt
    once = written_once(person.name, text, words)
    small = any(t["region"] is None and t["key"] in small_area_titles() for t in titles)
    return once and small


# Where only places are written: after "di"/"ke" or a region keyword ("di Stabat", "Kabupaten
# Pohuwato"; not the "Kota" of "Wali Kota Rahma"), or opening a dateline ("Biak (Antara Papua) -").
PLACE_CONTEXT_RE = re.compile(
    r"\b(?:di|ke|Kabupaten|Kab\.|(?<![Ww]ali )Kota|Provinsi|Kecamatan|Distrik|Desa|Kelurahan)\s+(\w[\w-]*)"
    r"|(?:^|\n)(\w[\w-]*)\s*(?:\(|[-–—]\s)"
    r"|\b([A-Z]\w+)\s+(?:provinsi|kabupaten)\s+[A-Z]")  # "Wali Kota Lorengau provinsi Manus": in a province


def place_words(text: str) -> frozenset[str]:
    """The words the article writes where only a place can stand, read in one pass: "Una" too
    for "di Una-una"."""
    words = set()
    for m in PLACE_CONTEXT_RE.finditer(text):
        word = m.group(1) or m.group(2) or m.group(3)
        words |= {word, word.split("-")[0]}
    return frozenset(words)


def written_once(word: str, text: str, words: Counter[str]) -> bool:
    """Whether a one-word name is written once in the text; `words` counts the text's words."""
    if re.fullmatch(r"\w+", word):
        return words[word] == 1
    return len(re.findall(rf"(?<!\w){re.escape(word)}(?!\w)", text)) == 1


def group_people(findings: list[Finding]) -> list[Person]:
    """Group findings: same name, then short forms and spelling variants with agreeing posts."""
    by_key: dict[tuple[str, ...], Person] = {}
    for f in findings:
        key = tuple(name_key(f.name))
        if key in by_key:
            by_key[key].absorb([f])
        else:
            by_key[key] = Person([f])
    people = merge_aliases(list(by_key.values()))
    merge_variants(people)
    people.sort(key=lambda p: min(f.span[0] for f in p.findings))
    return people


def merge_aliases(people: list[Person]) -> list[Person]:
    """"Presiden Jokowi" in the headline, "Presiden Joko Widodo (Jokowi)" in the body: one person."""
    for p in list(people):
        called = {tuple(name_key(a)) for f in p.findings for a in f.aliases}
        if not called or not any(x is p for x in people):
            continue
        same = [q for q in people if q is not p and q.name_key() in called]
        for q in same:
            p.absorb(q.findings)
        people = [x for x in people if not any(x is q for q in same)]
    return people


def merge_variants(people: list[Person]) -> None:
    """Merge, in place, each short form into the first longer name with an agreeing post, else each
    spelling variant into the first person with the same post. Only persons sharing a post family
    are compared, so the work follows the posts, not the square of the people."""
    order = {id(p): i for i, p in enumerate(people)}
    merged = True
    while merged:
        merged = False
        by_family: dict[tuple[bool, str], list[Person]] = {}
        for p in people:
            for blind in (True, False):
                for fam in p.families(blind):
                    by_family.setdefault((blind, fam), []).append(p)
        gone: set[int] = set()
        for short in sorted(people, key=lambda p: len(p.name.split())):
            if id(short) in gone:
                continue
            target = first_agreeing(short, by_family, gone, order)
            if target is not None:
                target.absorb(short.findings)
                gone.add(id(short))
                for blind in (True, False):
                    for fam in target.families(blind):
                        if target not in by_family.setdefault((blind, fam), []):
                            by_family[(blind, fam)].append(target)
                merged = True
        people[:] = [p for p in people if id(p) not in gone]


def first_agreeing(short: Person, by_family: dict[tuple[bool, str], list[Person]], gone: set[int],
                   order: dict[int, int]) -> Person | None:
    """The first person (in article order) that `short` shortens with an agreeing post, else the
    first same-length spelling variant with the same post."""
    def candidates(blind: bool) -> list[Person]:
        found = {id(p): p for fam in short.families(blind) for p in by_family.get((blind, fam), [])
                 if p is not short and id(p) not in gone}
        return sorted(found.values(), key=lambda p: order[id(p)])

    key = short.name_key()
    for p in candidates(True):
        if len(key) < len(p.name_key()) and key and key[0] in p.name_key() and is_short_form(short.name, p.name):
            return p
    words = len(short.name.split())
    for p in candidates(False):
        if len(p.name.split()) == words and same_spelling(short.name, p.name):
            return p
    for p in candidates(False):
        if nickname_of(short.name, p.name):
            return p
    return None


NICKNAME_OPENERS = {"bang", "kang", "cak", "mas", "bung", "uda", "kak", "abang", "daeng"}


def nickname_of(nick: str, name: str) -> bool:
    """A one-word nickname (after an opener such as "Bang") that opens like a word of the full name:
    "Bang Zul" for Zulkieflimansyah, "Jokowi" for Joko Widodo. Asked only of two persons with the
    same post, so that "Presiden Jokowi" and "Presiden Prabowo" stay two."""
    words = nick.split()
    if len(words) == 2 and words[0].lower() in NICKNAME_OPENERS:
        words = words[1:]
    full = [w.lower() for w in name.split()]
    if len(words) != 1 or len(words[0]) < 3 or words[0].lower() in full or len(nick) >= len(name):
        return False
    head = words[0].lower()[:3]
    return any(w.startswith(head) and len(w) > 3 for w in full)


