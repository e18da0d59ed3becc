"""Cue words for meetings, found in one pass over a sentence's words (issues 13 and 15).

Two kinds of cue:
- phrases (`meetings_cues.tsv`), looked up word by word from a table keyed by their first word,
  so a sentence is read once however many phrases there are;
- word families (`meetings_families.tsv`): every affixed form of a root names the event
  ("terima": menerima, diterima, penerimaan, diterimanya), and the form's voice gives the role
  of the official written before or after it. The agent of an active verb is written before it
  ("Gubernur A menerima Bupati B": A hosts, B is the guest); a passive verb puts the patient
  first and the agent after ("Bupati B diterima (oleh) Gubernur A"); a noun of the agent
  ("kunjungan Menteri C", "kedatangan Menteri C") names its agent after it, a peN-...-an noun
  ("penyambutan Gubernur D") its patient. A family of speech verbs (event "speech": sampaikan,
  paparkan, jelaskan ...) gives speech cues instead, so its passive ("disampaikan oleh Kabid E")
  and noun forms name a speaker too.

A word's root comes from stripping Indonesian prefixes and suffixes with the nasal of meN-/peN-
restored (menerima -> terima, mengunjungi -> kunjung, penyambutan -> sambut); the candidates
are only looked up in the family table, so over-generating them is harmless. Where the trained
pipeline gives lemmas, the model's lemma is one more candidate.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from .names import read_lines

WORD = re.compile(r"\w+(?:-\w+)*")

# (prefix, letter restored in front of the root): the nasal of meN-/peN- replaces the root's
# first consonant (p, t, k, s), other prefixes leave the root whole.
PREFIXES = (
    ("memper", ""), ("diper", ""), ("meny", "s"), ("meng", "k"), ("meng", ""), ("mem", "p"), ("mem", ""),
    ("men", "t"), ("men", ""), ("me", ""), ("peny", "s"), ("peng", "k"), ("peng", ""), ("pem", "p"),
    ("pem", ""), ("pen", "t"), ("pen", ""), ("per", ""), ("pe", ""), ("ber", ""), ("be", ""), ("ter", ""),
    ("di", ""), ("ke", ""), ("", ""),
)
SUFFIXES = ("kannya", "annya", "inya", "nya", "kan", "an", "i", "lah", "pun", "")
MIN_ROOT = 3
MAX_REMEMBERED = 200_000  # distinct words whose roots are kept
SPEECH = "speech"  # the event of a family whose forms report speech, not an event


@dataclass(frozen=True)
class Cue:
    """A cue phrase found in a sentence."""

    cls: str
    value: str
    start: int
    end: int


@dataclass(frozen=True)
class Phrase:
    """A cue phrase of the table: its words (the last one a prefix when `open_end`)."""

    words: tuple[str, ...]
    open_end: bool
    cls: str
    value: str


@dataclass(frozen=True)
class Family:
    """Every affixed form of a root: the event it names and the roles of its agent and patient."""

    root: str
    event: str
    agent: str
    patient: str
    excluded: frozenset[str]


def root_candidates(word: str) -> set[str]:
    """Possible roots of a lower-case word: prefixes and suffixes stripped, the nasal restored."""
    out = set()
    for prefix, restore in PREFIXES:
        if not word.startswith(prefix):
            continue
        rest = word[len(prefix):]
        for suffix in SUFFIXES:
            if suffix and not rest.endswith(suffix):
                continue
            stem = restore + rest[:len(rest) - len(suffix)]
            if len(stem) >= MIN_ROOT:
                out.add(stem)
    return out


def voice_of(word: str, root: str) -> str:
    """'active', 'passive', 'agent_noun' or 'patient_noun': how a form relates to its root."""
    if word.startswith("di") and not root.startswith("di"):
        return "passive"
    if word.startswith(("pe", "per")) and not root.startswith("pe") and re.search(r"an(?:nya)?$", word):
        return "patient_noun"
    if re.search(r"an(?:nya)?$", word) and not root.endswith("an"):
        return "agent_noun"
    return "active"


class CueIndex:
    """All cue phrases and families, indexed for one pass over a sentence's words."""

    def __init__(self, phrases: Iterable[Phrase], families: Iterable[Family]) -> None:
        self.by_first: dict[str, list[Phrase]] = {}
        self.open_single: list[Phrase] = []
        for phrase in phrases:
            if phrase.open_end and len(phrase.words) == 1:
                self.open_single.append(phrase)
            else:
                self.by_first.setdefault(phrase.words[0], []).append(phrase)
        self.families = {f.root: f for f in families}
        self.roots_seen: dict[str, frozenset[str]] = {}  # word -> its family roots: words recur

    def family_roots(self, word: str) -> frozenset[str]:
        """The family roots a lower-case word may be a form of (remembered per word)."""
        roots = self.roots_seen.get(word)
        if roots is None:
            if len(self.roots_seen) > MAX_REMEMBERED:
                self.roots_seen.clear()
            roots = self.roots_seen[word] = frozenset(root_candidates(word) & self.families.keys())
        return roots

    def find(self, text: str, start: int, end: int, lemmas: dict[int, str] | None = None) -> list[Cue]:
        """Cues in text[start:end], with text offsets; `lemmas` maps a word's start to the model's lemma."""
        words = [(m.start(), m.end(), m.group().lower()) for m in WORD.finditer(text, start, end)]
        found: set[Cue] = set()
        for i, (s, e, word) in enumerate(words):
            for phrase in self.by_first.get(word, ()):
                stop = self.phrase_end(text, words, i, phrase)
                if stop is not None:
                    found.add(Cue(phrase.cls, phrase.value, s, stop))
            for phrase in self.open_single:
                if word.startswith(phrase.words[0]):
                    found.add(Cue(phrase.cls, phrase.value, s, e))
            found.update(self.family_cues(word, s, e, lemmas.get(s) if lemmas else None))
            if word == "di" and i + 1 < len(words) and text[e:words[i + 1][0]] == " ":
                found.update(self.split_passive(text, words, i))
        return sorted(found, key=lambda c: (c.start, -c.end, c.cls, c.value))

    def split_passive(self, text: str, words: list[tuple[int, int, str]], i: int) -> list[Cue]:
        """Cues of a passive verb written apart from its prefix ("di terima Sekda", "di pimpin"):
        read as one word, spanning both."""
        start, (_, end, verb) = words[i][0], words[i + 1]
        joined = "di" + verb
        out = [Cue(p.cls, p.value, start, end) for p in self.by_first.get(joined, ()) if len(p.words) == 1]
        out += [Cue(c.cls, c.value, start, end) for c in self.family_cues(joined, start, end, None)]
        return out

    @staticmethod
    def phrase_end(text: str, words: list[tuple[int, int, str]], i: int, phrase: Phrase) -> int | None:
        """End offset of the phrase read from word i on, or None when the words differ.

        Words of a phrase are separated by white space only, as written in the table."""
        n = len(phrase.words)
        if i + n > len(words):
            return None
        for k in range(1, n):
            s, _, word = words[i + k]
            last = k == n - 1
            if not (word.startswith(phrase.words[k]) if last and phrase.open_end else word == phrase.words[k]):
                return None
            gap = text[words[i + k - 1][1]:s]
            if not gap or not gap.isspace():
                return None
        return words[i + n - 1][1]

    def family_cues(self, word: str, start: int, end: int, lemma: str | None) -> list[Cue]:
        """The event and role cues a word gives as a form of a family's root."""
        roots = self.family_roots(word)
        if lemma and lemma.lower() in self.families:
            roots = roots | {lemma.lower()}
        out: list[Cue] = []
        for root in roots:
            family = self.families[root]
            if word in family.excluded:
                continue
            if family.event == SPEECH:
                # "disampaikan oleh Kabid X", "penjelasan Kadis X": every form reports speech, and
                # speaker_of reads the voice (a passive or a noun names its speaker after it).
                out.append(Cue("speech", "speaker", start, end))
                continue
            out.append(Cue("event", family.event, start, end))
            voice = voice_of(word, root)
            before, after = {
                "active": (family.patient, family.agent),
                "passive": (family.agent, family.patient),
                "agent_noun": (family.agent, ""),
                "patient_noun": (family.patient, ""),
            }[voice]
            # "before" cues describe the mention written after them, "after" cues the one before.
            if before:
                out.append(Cue("before", before, start, end))
            if after:
                out.append(Cue("after", after, start, end))
        return out


def read_phrases() -> list[Phrase]:
    """The cue phrases of meetings_cues.tsv."""
    out = []
    for line in read_lines("meetings_cues.tsv")[1:]:
        cue, cls, value = (line.split("\t") + [""])[:3]
        out.append(Phrase(tuple(cue.rstrip("*").lower().split()), cue.endswith("*"), cls, value.strip()))
    return out


def read_families() -> list[Family]:
    """The word families of meetings_families.tsv."""
    out = []
    for line in read_lines("meetings_families.tsv")[1:]:
        root, event, agent, patient, excluded = (line.split("\t") + [""] * 4)[:5]
        out.append(Family(root.strip(), event.strip(), agent.strip(), patient.strip(),
                          frozenset(w for w in excluded.replace(",", " ").split())))
    return out


@cache
def cue_index() -> CueIndex:
    """The cue index, built once per process."""
    return CueIndex(read_phrases(), read_families())
