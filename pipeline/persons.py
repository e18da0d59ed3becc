"""One person across many articles: name keys, name relations, and cross-article merging.

Each record's `officials` entry is one person *in one article*. To read a career or a list of
meetings across the corpus, entries are merged when their names agree (same name, a shortened
form, or a spelling variant) and their posts and regions do not contradict each other. Every
decision keeps its reason, so a merge can be checked and cited.
"""

from __future__ import annotations

import bisect
import heapq
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import cache
from importlib import resources

from .names import split_name

Tokens = tuple[str, ...]

# A spelling variant must also look alike as a whole: same consonant skeleton AND this ratio.
VARIANT_MIN_RATIO = 0.75
# Relation strengths; the best-scoring candidate person wins.
SCORES = {"same name": 1.0, "shortened form": 0.9, "spelling variant": 0.85,
          "shortened form, spelling variant": 0.8}
GUARD_STRENGTH = {"same region": 2, "same regional context": 1, "same full name, no conflicting region": 0}

_NON_WORD = re.compile(r"[^a-z0-9]+")
_VOWELS_AND_H = re.compile(r"[aeiouh]")
_DOUBLED = re.compile(r"(.)\1+")


# --- vocabularies ----------------------------------------------------------------------

def _data_lines(name: str) -> list[str]:
    """The non-comment, non-empty lines of a data file under pipeline/data/."""
    text = resources.files("pipeline").joinpath("data", name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def place_markers() -> frozenset[str]:
    """Words after which a title or region names a place (kota, kabupaten, gubernur)."""
    return frozenset(_data_lines("persons_place_markers.txt"))


@cache
def body_words() -> frozenset[str]:
    """First words of a region that name an agency, not a place (dinas, badan)."""
    return frozenset(_data_lines("persons_body_words.txt"))


@cache
def spelling_folds() -> tuple[tuple[str, str], ...]:
    """Old/variant spellings and what they fold to, in file order (oe -> u, dj -> j)."""
    rows = [line.split("\t") for line in _data_lines("persons_spelling.tsv")]
    return tuple((written, folded) for written, folded in rows[1:])


# --- names -----------------------------------------------------------------------------

def fold(text: str) -> str:
    """Lower-case ASCII with accents removed (Ã© -> e) and apostrophes dropped."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return ascii_text.lower().replace("'", "")


def strip_affixes(name: str) -> str:
    """The name without leading honorifics and trailing degrees (Dr. H. X, S.H., M.M. -> X)."""
    return split_name(name).name


@cache
def name_tokens(name: str) -> Tokens:
    """A name as comparable lower-case words, without honorifics and degrees."""
    return tuple(t for t in _NON_WORD.split(fold(strip_affixes(name))) if t)


@cache
def skeleton(word: str) -> str:
    """A name word's consonant skeleton after folding old spellings (Choiruman ~ Chairruman)."""
    folded = word
    for written, new in spelling_folds():
        folded = folded.replace(written, new)
    return _DOUBLED.sub(r"\1", folded[:1] + _VOWELS_AND_H.sub("", folded[1:]))


def word_match(a: str, b: str) -> str | None:
    """How two name words agree: 'exact', 'initial' (J ~ Jaya), 'variant', or None."""
    if a == b:
        return "exact"
    if len(a) == 1 or len(b) == 1:
        return "initial" if a[0] == b[0] else None
    if min(len(a), len(b)) >= 4 and skeleton(a) == skeleton(b):
        if SequenceMatcher(None, a, b).ratio() >= VARIANT_MIN_RATIO:
            return "variant"
    return None


@dataclass(frozen=True)
class Relation:
    """Why two names may be the same person, and how strongly."""

    reason: str
    score: float


@cache
def name_relation(a: Tokens, b: Tokens) -> Relation | None:
    """Whether two names can be one person: same, shortened form, or spelling variant."""
    if not a or not b:
        return None
    if a == b:
        return Relation("same name", SCORES["same name"])
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 2:
        return None  # one word alone is too common to merge across articles on the name alone
    kinds = _align(short, long_)
    if kinds is None or "exact" not in kinds:
        return None
    if sum(len(word) > 1 for word in short) < 2:
        return None  # "J. Putro" must not stand for any Putro
    reason = "shortened form" if len(short) < len(long_) else ""
    if "variant" in kinds:
        reason = f"{reason}, spelling variant" if reason else "spelling variant"
    if not reason:  # same length, only initials differ from full words: a shortened form
        reason = "shortened form"
    return Relation(reason, SCORES[reason])


def _align(short: Tokens, long_: Tokens) -> list[str] | None:
    """Match each word of short, in order, to a word of long_; the kinds used, or None."""
    kinds, position = [], 0
    for word in short:
        while position < len(long_) and word_match(word, long_[position]) is None:
            position += 1
        if position == len(long_):
            return None
        kinds.append(word_match(word, long_[position]))
        position += 1
    return kinds


# --- places ----------------------------------------------------------------------------

def place_of(text: str | None, bare_is_place: bool = False) -> str | None:
    """The place a title or region names ("Ketua DPRD Kota Bekasi" -> "bekasi"), or None.

    Without a marker word, capitalised words are a place only when bare_is_place (a region
    field such as "Jawa Barat"; a title such as "Presiden" is not a place)."""
    if not text:
        return None
    words = [w.strip(".,;:()") for w in text.split()]
    words = [w for w in words if w]
    marks = [i for i, w in enumerate(words) if fold(w) in place_markers()]
    if marks:
        after = []
        for word in words[marks[-1] + 1:]:
            if not word[:1].isupper():
                break
            after.append(word)
        return " ".join(fold(w) for w in after) or None
    if not bare_is_place or not words or fold(words[0]) in body_words():
        return None
    if all(w[:1].isupper() and not (len(w) > 1 and w.isupper()) for w in words):
        return " ".join(fold(w) for w in words)
    return None


def places_agree(a: str, b: str) -> bool:
    """Whether two places can be the same (equal, or one's words within the other's)."""
    wa, wb = set(a.split()), set(b.split())
    return wa <= wb or wb <= wa


def any_place_agrees(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether some place of a agrees with some place of b."""
    b = list(b)
    return any(places_agree(x, y) for x in a for y in b)


def position_places(positions: Iterable[dict]) -> set[str]:
    """The places an official's positions name (region first, else the title)."""
    found = set()
    for position in positions:
        place = (place_of(position.get("region"), bare_is_place=True) or place_of(position.get("normalized"))
                 or place_of(position.get("title")))
        if place:
            found.add(place)
    return found


# --- merging ---------------------------------------------------------------------------

@dataclass
class Mention:
    """One `officials` entry of one article, ready for merging."""

    id: str
    article_id: str
    name: str
    aliases: list[str] = field(default_factory=list)
    places: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    # (date or "", title) of each post it holds: what a person's latest title and dates come from.
    held: list[tuple[str, str]] = field(default_factory=list)
    _forms: dict[Tokens, str] | None = field(default=None, repr=False)

    def forms(self) -> dict[Tokens, str]:
        """The name and aliases as token keys, each with its written form."""
        if self._forms is None:
            self._forms = {}
            for written in [self.name, *self.aliases]:
                key = name_tokens(written)
                if key and key not in self._forms:
                    self._forms[key] = written
        return self._forms


@dataclass(slots=True)  # no __dict__: a corpus holds one per distinct person
class Person:
    """A merged person: every name form, place and title seen, and counts of its mentions.

    Only what matching needs is kept whole (names, places, titles: bounded by the person, not
    by how often it is mentioned); mentions and articles are counted, and the posts held are
    folded into the latest title and the first and last dates as they arrive."""

    index: int
    forms: dict[Tokens, str] = field(default_factory=dict)
    form_counts: dict[Tokens, int] = field(default_factory=dict)
    places: set[str] = field(default_factory=set)
    context: set[str] = field(default_factory=set)
    titles: set[str] = field(default_factory=set)
    n_mentions: int = 0
    n_articles: int = 0
    # Mentions arrive grouped by article, so the last article seen is enough to tell whether
    # this person is already in the current one.
    last_article: str | None = None
    latest_held: tuple[str, str] | None = None  # the greatest (date or "", title) held
    first_date: str | None = None
    last_date: str | None = None

    def add(self, mention: Mention) -> None:
        """Take a mention in, with its names, places, titles and posts."""
        for key, written in mention.forms().items():
            self.forms.setdefault(key, written)
            self.form_counts[key] = self.form_counts.get(key, 0) + 1
        self.places |= mention.places
        self.context |= mention.context
        self.titles |= mention.titles
        if mention.article_id != self.last_article:
            self.n_articles += 1
            self.last_article = mention.article_id
        self.n_mentions += 1
        for held in mention.held:
            self.latest_held = held if self.latest_held is None else max(self.latest_held, held)
            if held[0]:
                self.first_date = held[0] if self.first_date is None else min(self.first_date, held[0])
                self.last_date = held[0] if self.last_date is None else max(self.last_date, held[0])

    def latest_title(self) -> str | None:
        """The title of the latest post held (the greatest title among equal dates), or None."""
        return self.latest_held[1] if self.latest_held else None

    def name(self) -> str:
        """The fullest written form: most words, then most used, then longest."""
        key = max(self.forms, key=lambda k: (sum(len(w) > 1 for w in k), self.form_counts[k],
                                             len(self.forms[k]), self.forms[k]))
        return self.forms[key]


@dataclass
class Decision:
    """How one mention was assigned: merged into a person or started one, and why."""

    mention_id: str
    person_index: int
    decision: str
    reason: str
    matched_name: str | None = None
    score: float | None = None
    kept_apart_from: int | None = None
    kept_apart_reason: str | None = None


def region_guard(mention: Mention, person: Person, relation: Relation, single: bool) -> tuple[str | None, str]:
    """Whether posts and regions allow the merge: (guard name, or None and why not)."""
    if mention.places and person.places:
        if any_place_agrees(mention.places, person.places):
            return "same region", ""
        return None, f"different regions ({', '.join(sorted(mention.places))} / {', '.join(sorted(person.places))})"
    if single:
        return None, "one-word name without a shared region"
    if any_place_agrees(mention.context | mention.places, person.context | person.places):
        return "same regional context", ""
    if relation.reason == "same name":
        return "same full name, no conflicting region", ""
    return None, "no shared region for a partial name match"


def best_relation(mention: Mention, person: Person) -> tuple[Relation, str, bool] | None:
    """The strongest name relation between a mention and a person, the name it matched, and
    whether it rests on one word alone."""
    best = None
    for key in mention.forms():
        for other, written in person.forms.items():
            single = len(key) == 1 and key == other
            relation = Relation("same name", 1.0) if single else name_relation(key, other)
            if relation and (best is None or relation.score > best[0].score):
                best = (relation, written, single)
    return best


def word_keys(key: Tokens) -> set[str]:
    """Lookup keys of a name's full words: first letter and skeleton, shared by exact words
    and spelling variants alike."""
    return {word[0] + skeleton(word) for word in key if len(word) > 1}


def candidate_persons(forms: Iterable[Tokens], by_word: dict[str, set[int]],
                      by_single: dict[Tokens, list[int]]) -> list[int]:
    """Persons that can stand in a name relation to one of the forms: two full words in
    common for a name of several words (the relation needs two), the same word for a one-word name."""
    found: set[int] = set()
    for key in forms:
        if len(key) == 1:
            found.update(by_single.get(key, ()))
            continue
        hits: dict[int, int] = {}
        for word_key in word_keys(key):
            for i in by_word.get(word_key, ()):
                hits[i] = hits.get(i, 0) + 1
        found |= {i for i, n in hits.items() if n >= 2}
    return sorted(found)


class PersonMerger:
    """Mentions in, one at a time, grouped by article: each is merged into a person or starts one.

    Deterministic for a given order. Holds the persons and their name lookups, never the
    mentions, so a corpus can be merged as a stream."""

    def __init__(self) -> None:
        self.persons: list[Person] = []
        # Persons by full-word key, once they have two keys: a candidate needs two in common.
        self.by_word: dict[str, set[int]] = {}
        # Persons by one-word name, in index order.
        self.by_single: dict[Tokens, list[int]] = {}

    def candidates(self, mention: Mention) -> tuple[Iterable[int], bool]:
        """The persons to try, in index order, and whether none can be merged with.

        A mention with only one-word names and no region can merge with nobody (a one-word
        name needs a shared region); only the first namesake is tried, to say who it was kept
        apart from. Without that, each new "Budi" would be compared with every earlier one."""
        forms = mention.forms()
        if not mention.places and all(len(key) == 1 for key in forms):
            namesakes = heapq.merge(*(self.by_single.get(key, []) for key in forms))
            return (i for i, _ in itertools.groupby(namesakes)), True
        return candidate_persons(forms, self.by_word, self.by_single), False

    def add(self, mention: Mention) -> Decision:
        """Assign one mention to a person and say why."""
        forms = mention.forms()
        chosen, kept_apart = None, None
        candidates, hopeless = self.candidates(mention)
        for i in candidates:
            person = self.persons[i]
            if person.last_article == mention.article_id:
                continue  # the extractor already told two people of one article apart
            found = best_relation(mention, person)
            if not found:
                continue
            relation, matched, single = found
            guard, why_not = region_guard(mention, person, relation, single)
            if guard is None:
                if kept_apart is None:
                    kept_apart = (i, f"{relation.reason} as {matched!r}, but {why_not}")
                if hopeless:
                    break
                continue
            rank = (relation.score, GUARD_STRENGTH[guard], person.n_mentions, -i)
            if chosen is None or rank > chosen[0]:
                reason = f"{relation.reason} ({guard})"
                chosen = (rank, i, reason, matched, relation.score)
        if chosen:
            _, i, reason, matched, score = chosen
            decision = Decision(mention.id, i, "merged", reason, matched, score)
        else:
            i = len(self.persons)
            self.persons.append(Person(index=i))
            decision = Decision(mention.id, i, "new person", "no earlier mention of this person")
        if kept_apart and kept_apart[0] != i:
            decision.kept_apart_from, decision.kept_apart_reason = kept_apart
        self.persons[i].add(mention)
        self.register(i, forms)
        return decision

    def register(self, i: int, forms: Iterable[Tokens]) -> None:
        """Make person i findable by the one-word names among forms and by its full words."""
        for key in forms:
            if len(key) == 1:
                namesakes = self.by_single.setdefault(key, [])
                at = bisect.bisect_left(namesakes, i)
                if at == len(namesakes) or namesakes[at] != i:
                    namesakes.insert(at, i)
        keys = set().union(*(word_keys(key) for key in self.persons[i].forms))
        if len(keys) >= 2:
            for word_key in keys:
                self.by_word.setdefault(word_key, set()).add(i)


def merge_mentions(mentions: Iterable[Mention], merger: PersonMerger | None = None) -> Iterator[Decision]:
    """Each mention's decision as it is made, in the order given (one article's mentions
    together); the persons grow in merger (a fresh one when none is given)."""
    merger = merger if merger is not None else PersonMerger()
    for mention in mentions:
        yield merger.add(mention)


def link_in_article(name: str, officials: list[tuple[str, list[str]]]) -> int | None:
    """Which of one article's officials (name, aliases) a name written there refers to."""
    key = name_tokens(name)
    if not key:
        return None
    scored = []
    for n, (official, aliases) in enumerate(officials):
        forms = [name_tokens(f) for f in [official, *aliases]]
        if key in forms:
            return n
        relations = [name_relation(key, f) for f in forms]
        best = max((r.score for r in relations if r), default=0.0)
        if not best and len(key) == 1 and any(key[0] in f for f in forms):
            best = 0.5  # "Tri" for "Tri Adhianto" in the same article
        if best:
            scored.append((best, n))
    scored.sort(reverse=True)
    if scored and (len(scored) == 1 or scored[0][0] > scored[1][0]):
        return scored[0][1]
    return None


def query_matches(query: str, form: str) -> bool:
    """Whether a name typed by a user matches one known form of a person."""
    q, f = name_tokens(query), name_tokens(form)
    if not q or not f:
        return False
    if q == f or name_relation(q, f):
        return True
    return len(q) == 1 and q[0] in f
