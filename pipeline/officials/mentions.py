"""Mentions and records: every mention of each person, and the record's `officials` entries."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..names import is_short_form, name_key
from .people import Person
from .vocab import word_class

WORD_RUN_RE = re.compile(r"[\w-]+")


def word_runs(text: str) -> dict[str, list[int]]:
    """Start offsets of each maximal run of word characters and hyphens, by its text: a name's
    mention starts at one ("Tri" in "Tri Adhianto", not in "Putri")."""
    runs: dict[str, list[int]] = {}
    for m in WORD_RUN_RE.finditer(text):
        runs.setdefault(m.group(), []).append(m.start())
    return runs


def occurrences(form: str, text: str, runs: dict[str, list[int]]) -> list[tuple[int, int]]:
    """Where `form` is written as whole words (no word character or hyphen either side)."""
    head = WORD_RUN_RE.match(form)
    if not head:
        return []
    out = []
    for start in runs.get(head.group(), ()):
        end = start + len(form)
        if text.startswith(form, start) and (end >= len(text) or not (text[end].isalnum() or text[end] in "_-")):
            out.append((start, end))
    return out


class Mentions:
    """Mentions per person; a character written once belongs to one mention at most."""

    def __init__(self, text: str, n_people: int):
        self.text = text
        self.taken = bytearray(len(text) + 1)
        self.result: list[list[dict]] = [[] for _ in range(n_people)]

    def add(self, idx: int, s: int, e: int) -> None:
        """A mention of person idx at [s, e), unless it overlaps one taken before."""
        if any(self.taken[s:max(e, s + 1)]):
            return
        self.taken[s:max(e, s + 1)] = b"\x01" * (max(e, s + 1) - s)
        self.result[idx].append({"text": self.text[s:e], "start": s, "end": e})


def mentions_of(people: list[Person], text: str, bare_titles: list[dict]) -> list[list[dict]]:
    """Every mention of each person: named findings, later bare names, resolved bare titles."""
    found = Mentions(text, len(people))
    for idx, p in enumerate(people):
        for f in p.findings:
            found.add(idx, *f.span)
    token_owner: dict[str, set[int]] = {}
    for idx, p in enumerate(people):
        for f in p.findings:
            for w in f.name.split():
                token_owner.setdefault(w, set()).add(idx)
    runs = word_runs(text)
    for idx, p in enumerate(people):
        forms = {f.name for f in p.findings} | {a for f in p.findings for a in f.aliases}
        words = p.name.split()
        # Runs of two or more of the name's words ("Tri Adhianto") before single words ("Tri").
        forms |= {" ".join(words[a:b]) for a in range(len(words)) for b in range(a + 2, len(words) + 1)}
        forms |= {w for w in words if len(w) >= 3 and token_owner.get(w) == {idx}
                  and not word_class(w, "not_name") and not word_class(w, "agency")}
        for form in sorted(forms, key=len, reverse=True):
            for s, e in occurrences(form, text, runs):
                found.add(idx, s, e)
    by_key: dict[str, list[int]] = {}
    for idx, p in enumerate(people):
        for key in p.keys:
            by_key.setdefault(key, []).append(idx)
    for t in bare_titles:
        owners = [idx for idx in by_key.get(t["key"], []) if region_agrees(t, people[idx])]
        if len(owners) == 1:
            found.add(owners[0], t["start"], t["end"])
    for r in found.result:
        r.sort(key=lambda m: m["start"])
    return found.result


def region_agrees(title: dict, person: Person) -> bool:
    """A bare title's region (when written) matches one of the person's posts."""
    if not title["region"]:
        return True
    words = set(re.findall(r"\w+", title["region"].lower()))
    return any(t["key"] == title["key"] and t["region"]
               and words <= set(re.findall(r"\w+", f"{t['region']} {t['title']}".lower()))
               for f in person.findings for t in f.titles)


def unique(items: Iterable[str]) -> list[str]:
    """Distinct strings (case-insensitive), first spelling kept, in order."""
    seen, out = set(), []
    for it in items:
        if it and it.lower() not in seen:
            seen.add(it.lower())
            out.append(it)
    return out


def person_record(p: Person, mentions: list[dict]) -> dict:
    """The record's `officials` entry for one person."""
    name = p.name
    titles = sorted((t for f in p.findings for t in f.titles), key=lambda t: (t["start"] is None, t["start"] or 0))
    positions, seen = [], set()
    for t in titles:
        if t["title"].lower() in seen:
            continue
        seen.add(t["title"].lower())
        pos = {k: t[k] for k in ("title", "normalized", "region", "acting")}
        if t["start"] is not None:
            pos |= {"start": t["start"], "end": t["end"]}
        positions.append(pos)
    forms = [f.name for f in p.findings] + [a for f in p.findings for a in f.aliases]
    aliases = unique(a for a in forms if not is_short_form(a, name) and name_key(a) != name_key(name))
    return {
        "name": name,
        "titles": [pos["title"] for pos in positions],
        "positions": positions,
        "region": next((pos["region"] for pos in positions if pos["region"]), None),
        "acting": next((pos["acting"] for pos in positions if pos["acting"]), None),
        "honorifics": unique(h for f in p.findings for h in f.honorifics),
        "degrees": unique(d for f in p.findings for d in f.degrees),
        "aliases": aliases,
        "mentions": mentions,
    }


def nicknames(text: str, people: list[Person]) -> None:
    """Add nicknames introduced as "yang akrab disapa Hendi" after a person's mention."""
    for m in re.finditer(r"(?:akrab|biasa|karib)\s+(?:di)?(?:sapa|panggil|disapa|dipanggil)\s+([A-Z][a-z]+)", text):
        before = [(f.span[1], p) for p in people for f in p.findings if f.span[1] <= m.start()]
        if before:
            end, person = max(before, key=lambda x: x[0])
            if m.start() - end < 60:
                person.findings[0].aliases.append(m.group(1))

