"""People and their mentions: findings grouped into persons, bare names and titles resolved, records written."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..names import (
    is_short_form,
    name_key,
    same_spelling,
)
from .name_reading import Finding
from .vocab import small_area_titles, title_families, word_class


@dataclass
class Person:
    """Findings grouped into one person."""

    findings: list[Finding]

    @property
    def keys(self) -> set[str]:
        """Normalized core titles of the person's posts."""
        return {t["key"] for f in self.findings for t in f.titles}

    @property
    def name(self) -> str:
        """Fullest form: the most words, then the most often written (a one-off typo loses:
        "Micler Lakat" twice over "Micler Lakar" once), then the first written."""
        names = [f.name for f in self.findings]
        first = {n: min(f.span[0] for f in self.findings if f.name == n) for n in names}
        return max(names, key=lambda s: (len(s.split()), names.count(s), -first[s]))



def family(key: str, deputy_blind: bool = False) -> str:
    """A title key's family; with deputy_blind, "Wakil Wali Kota" and "Wali Kota" are one."""
    key = title_families().get(key, key)
    return key.removeprefix("Wakil ") if deputy_blind else key



def compatible(a: Person, b: Person, deputy_blind: bool = False) -> bool:
    """Two groups whose posts agree. A shortened name may drop the deputy's "Wakil" from the
    title as well ("Wali Kota Reny" for Wakil Wali Kota Reny A Lamadjido)."""
    ka = {family(k, deputy_blind) for k in a.keys if k}
    kb = {family(k, deputy_blind) for k in b.keys if k}
    return bool(ka & kb)



def place_after_titles(person: Person, text: str) -> bool:
    """One word that names a place, not a person: written after two different titles
    ("Camat Parigi, Kapolsek Parigi"), or once only, after a village or district post
    ("Kepala Desa Kampal dan aparat desa")."""
    if len(person.name.split()) != 1:
        return False
    titles = [f.titles[0] for f in person.findings if f.titles]
    if len({t["key"] for t in titles}) >= 2:
        return True
    once = len(re.findall(rf"(?<!\w){re.escape(person.name)}(?!\w)", text)) == 1
    small = any(t["region"] is None and t["key"] in small_area_titles() for t in titles)
    return once and small



def group_people(findings: list[Finding]) -> list[Person]:
    """Group findings: same name, then short forms and spelling variants with agreeing posts."""
    people: list[Person] = []
    for f in findings:
        for p in people:
            if name_key(p.name) == name_key(f.name):
                p.findings.append(f)
                break
        else:
            people.append(Person([f]))
    for p in list(people):
        # "Presiden Jokowi" in the headline, "Presiden Joko Widodo (Jokowi)" in the body: one person.
        called = {tuple(name_key(a)) for f in p.findings for a in f.aliases}
        if not called or not any(x is p for x in people):
            continue
        same = [q for q in people if q is not p and tuple(name_key(q.name)) in called]
        for q in same:
            p.findings += q.findings
        people = [x for x in people if not any(x is q for q in same)]
    merged = True
    while merged:
        merged = False
        for short in sorted(people, key=lambda p: len(p.name.split())):
            longs = [p for p in people if p is not short and is_short_form(short.name, p.name)
                     and compatible(short, p, deputy_blind=True)]
            if not longs:
                longs = [p for p in people if p is not short and len(p.name.split()) == len(short.name.split())
                         and same_spelling(short.name, p.name) and compatible(short, p)]
            if len(longs) >= 1:
                target = longs[0]
                target.findings += short.findings
                people.remove(short)
                merged = True
                break
    people.sort(key=lambda p: min(f.span[0] for f in p.findings))
    return people



def mentions_of(people: list[Person], text: str, bare_titles: list[dict]) -> list[list[dict]]:
    """Every mention of each person: named findings, later bare names, resolved bare titles."""
    taken: list[tuple[int, int]] = []
    result: list[list[dict]] = [[] for _ in people]

    def add(idx: int, s: int, e: int) -> None:
        if any(s < te and ts < e for ts, te in taken):
            return
        taken.append((s, e))
        result[idx].append({"text": text[s:e], "start": s, "end": e})

    for idx, p in enumerate(people):
        for f in p.findings:
            add(idx, *f.span)
    token_owner: dict[str, set[int]] = {}
    for idx, p in enumerate(people):
        for f in p.findings:
            for w in f.name.split():
                token_owner.setdefault(w, set()).add(idx)
    for idx, p in enumerate(people):
        forms = {f.name for f in p.findings} | {a for f in p.findings for a in f.aliases}
        words = p.name.split()
        # Runs of two or more of the name's words ("Tri Adhianto") before single words ("Tri").
        forms |= {" ".join(words[a:b]) for a in range(len(words)) for b in range(a + 2, len(words) + 1)}
        forms |= {w for w in words if len(w) >= 3 and token_owner.get(w) == {idx}
                  and not word_class(w, "not_name") and not word_class(w, "agency")}
        for form in sorted(forms, key=len, reverse=True):
            for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text):
                add(idx, m.start(), m.end())
    for t in bare_titles:
        owners = [idx for idx, p in enumerate(people) if t["key"] in p.keys and region_agrees(t, p)]
        if len(owners) == 1:
            add(owners[0], t["start"], t["end"])
    for r in result:
        r.sort(key=lambda m: m["start"])
    return result



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

