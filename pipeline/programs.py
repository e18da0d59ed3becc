"""Named programs, plans, teams and apps, with acronym pairs; agencies as organisations (issue 5).

Candidates come from four sources: acronym <-> expansion pairs in parentheses (a
Schwartz & Hearst style matcher adapted to Indonesian), planning documents with their year,
known programme acronyms, and names led by a cue word or quoted. The kind of each is read
from its head word; agencies go to `organizations`, and what GUIDELINES.md rules out
(budgets, reports, meetings, titles, laws) is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from .programs_acronyms import Pair, acronym_pairs
from .programs_vocab import (
    TITLE_WORD,
    YEAR,
    acronym_kinds,
    acronyms,
    head_kind,
    norm_acronym,
    only_cue_words,
    program_cues,
)

# --- classification ----------------------------------------------------------------------

def pair_kind(pair: Pair) -> str | None:
    """Kind of a pair: a program kind, 'org', or None when it is not a program at all."""
    known = acronym_kinds().get(norm_acronym(pair.acronym))
    if known == "not_program" or only_cue_words(pair.expansion):
        return None  # "program unggulan (Progul)" abbreviates a phrase, not a name
    kind = head_kind(pair.expansion)
    if known in {"plan", "document"}:
        return known
    if known == "org" and kind != "team":
        return "org"
    if known == "program" and kind is None:
        return "program"
    return kind


# --- candidates --------------------------------------------------------------------------

@dataclass
class Found:
    """A program or organisation candidate before merging."""

    name: str
    kind: str
    start: int
    end: int
    aliases: list[str] = field(default_factory=list)
    key: str = ""


def qualifier_after(text: str, pos: int) -> re.Match | None:
    """Region and/or year right after a document name: " Kabupaten Serang tahun 2026"."""
    region = r"(?:(?:Kabupaten|Kota|Provinsi|Kab\.|Prov\.|Perangkat Daerah)\s+)?(?:[A-Z][\w-]+\s+){0,2}"
    return re.match(rf"\s+({region}{YEAR})", text[pos:pos + 60])


def planned_project(text: str, pair: Pair) -> str | None:
    """'program' for a pair with no head word that a building noun introduces: "pembangunan Kawasan
    Desa Kawasan Maju dan Produktif (KDKMP)" is a planned project; a known non-programme is not."""
    if acronym_kinds().get(norm_acronym(pair.acronym)) or only_cue_words(pair.expansion):
        return None
    before = re.search(r"([a-z]+)[ \t]+$", text[max(0, pair.exp_start - 30):pair.exp_start])
    return "program" if before and before.group(1) in program_cues()["project"] else None


def pair_candidates(text: str) -> list[Found]:
    """Programs and organisations from acronym pairs."""
    found = []
    for pair in acronym_pairs(text):
        kind = pair_kind(pair) or planned_project(text, pair)
        if kind is None:
            continue
        name, end, aliases = f"{pair.expansion} ({pair.acronym})", pair.end, [pair.acronym]
        if kind in {"plan", "document"}:
            qual = qualifier_after(text, pair.end)
            if qual:
                name, end = f"{name} {qual.group(1)}", pair.end + qual.end()
        found.append(Found(name, kind, pair.start, end, aliases, norm_acronym(pair.acronym)))
    return found


@cache
def document_regex() -> re.Pattern:
    """Planning documents by acronym, followed by an optional region and a year."""
    names = [a for a, (_, kind) in acronyms().items() if kind in {"plan", "document"}]
    alts = "|".join(re.escape(a).replace(r"\ ", r"\s+").replace(r"\-", r"[\s-]")
                    for a in sorted(names, key=len, reverse=True))
    region = r"(?:(?:Kabupaten|Kota|Provinsi|Kab\.|Prov\.|Perangkat Daerah)\s+)?(?:[A-Z][\w-]+\s+){0,2}"
    until = r"(?:(?:sampai|hingga|s\.d\.?)\s+)?"  # "target RPJMD sampai 2023": the document's horizon
    return re.compile(rf"(?<![\w-])({alts})(?![\w-])(\s+{region}{until}{YEAR})")


def document_candidates(text: str) -> list[Found]:
    """Planning documents named with their year: "RKPD 2022", "RPJMD tahun 2018 – 2023"."""
    found = []
    for m in document_regex().finditer(text):
        acr = m.group(1)
        kind = acronym_kinds().get(norm_acronym(acr), "plan")
        name = re.sub(r"\s+", " ", m.group(0)).strip()
        horizon = re.search(r"\s(?:sampai|hingga|s\.d)", m.group(2))
        found.append(Found(name, kind, m.start(), m.end(), [acr] if horizon else [], norm_acronym(acr)))
    return found


@cache
def known_program_regex() -> re.Pattern:
    """A known programme acronym and up to two capitalised words after it."""
    names = [a for a, (_, kind) in acronyms().items() if kind == "program"]
    alts = "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])({alts})(?![\w-])((?:[ \t]+{TITLE_WORD}){{0,2}})")


def known_program_candidates(text: str) -> list[Found]:
    """Known programme acronyms with a capitalised qualifier: "PPKM Mikro", "PKH Daerah"."""
    found = []
    stop = program_cues()["not_name"]
    for m in known_program_regex().finditer(text):
        tail = [w for w in m.group(2).split()]
        kept = []
        for w in tail:
            if w.lower() in stop or w.isupper():
                break
            kept.append(w)
        name = " ".join([m.group(1)] + kept)
        end = m.start() + len(m.group(1)) + (len(m.group(2)) if kept == tail else 0)
        if kept != tail and kept:
            end = text.find(kept[-1], m.start()) + len(kept[-1])
        found.append(Found(name, "program", m.start(), end, [m.group(1)] if kept else [], norm_acronym(m.group(1))))
    return found + known_expansion_candidates(text)


@cache
def expansion_patterns() -> tuple[tuple[str, str, re.Pattern], ...]:
    """(acronym, first word, pattern) of each national programme's written-out name; a word may
    double its last letter, as spellings vary: "Mall Pelayanan Publik"."""
    out = []
    for acr, (expansion, kind) in acronyms().items():
        if kind == "program":
            pattern = r"\s+".join(f"{re.escape(word)}{re.escape(word[-1])}?" for word in expansion.split())
            first = re.match(r"\w*", expansion)  # the letters the text must have for a match to start
            out.append((acr, first.group() if first else "", re.compile(rf"(?<![\w-]){pattern}(?![\w-])")))
    return tuple(out)


def known_expansion_candidates(text: str) -> list[Found]:
    """National programmes written out in capitals without their acronym: "Cek Kesehatan Gratis".
    Only the names whose first word the text has are searched for (one set look-up each)."""
    words = set(re.findall(r"\w+", text))
    found = []
    for acr, first, pattern in expansion_patterns():
        if first and first not in words and first + first[-1] not in words:
            continue
        for m in pattern.finditer(text):
            found.append(Found(m.group(), "program", m.start(), m.end(), [], norm_acronym(acr)))
    return found


@cache
def stop_regex() -> str:
    """Words that end a name written without quotes ("program Bogor tanpa plastik yang ...")."""
    return rf"(?:{'|'.join(map(re.escape, sorted(program_cues()['stop'], key=len, reverse=True)))})"


# A passive or active verb ends a lower-case tail: "aplikasi Sinokab dilaksanakan", "... Sinokab menjadi".
VERB = r"(?:di|me)[a-z]{2,}(?:kan|i)"
# A word with an adjective suffix borrowed from Dutch/English (struktural, inovatif, elektronik).
ADJECTIVE = r"[A-Z][a-z]{3,}(?:al|if|ik)"
# A capitalised word, or a web address used as a name ("aplikasi Info.go.id").
NAME_HEAD = rf"(?:[eE]-)?{TITLE_WORD}(?:\.(?=\w)[\w-]+)*"  # "aplikasi e-Pengendalian"


def words_with_numbers(words: list[str]) -> list[str]:
    """The words of a name with its numbers, or [] when a number shows it is no name.

    A number inside a capitalised run is part of the name ("Wajib Belajar 12 Tahun", "Gerakan
    Menuju 100 Smart City Indonesia"); one after a word in capitals is a rank ("TOP 40 Tingkat
    Nasional"), and one that ends the words is a count or a year ("Aplikasi Mendukung Asian
    Games 2018" is a contest category).
    """
    for i, word in enumerate(words):
        if not word.isdigit():
            continue
        inside = 0 < i < len(words) - 1 and words[i - 1][:1].isupper() and words[i + 1][:1].isupper()
        if not inside or words[i - 1].isupper():
            return []
    return words


def name_after(text: str, pos: int) -> tuple[int, int] | None:
    """A capitalised or quoted name starting at pos: "Bogor tanpa plastik", "‘Sapa Bupati’"."""
    quoted = re.match(r"[ \t]*[‘'“\"]([^‘’'“”\"\n]{2,60})[’'”\"]", text[pos:pos + 80])
    if quoted:
        inner = quoted.group(1)
        if inner[:1].isupper() and len(inner.split()) <= 6:
            return pos + quoted.start(1), pos + quoted.end(1)
        return None
    stop = rf"(?:{stop_regex()}|{VERB})\b"
    # a capitalised run may go on past the first five words ("Gerakan Menuju 100 Smart City Indonesia")
    m = re.match(rf"[ \t]+({NAME_HEAD}(?:[ \t]+(?!{stop})[\w'’-]+){{0,4}}(?:[ \t]+{TITLE_WORD}){{0,3}})",
                 text[pos:pos + 120])
    if not m:
        return None
    words = m.group(1).split()
    if "." in words[0]:
        words = words[:1]  # a web address is the whole name: "aplikasi Lapor.go.id setiap hari"
    cues = program_cues()
    first = words[0].lower()
    if first in cues["not_name"] or first in cues["generic"] or (words[0].isupper() and len(words) == 1):
        return None
    if only_cue_words(" ".join(words)):
        return None  # "program Aplikasi khususnya ..." names nothing
    words = words_with_numbers(words)
    if len(words) == 1 and re.fullmatch(ADJECTIVE, words[0]):
        return None  # "Inovasi Struktural", "Program Digital": a capitalised phrase, not a name
    if not words or norm_acronym(words[0]) in acronym_kinds():
        return None  # "inovasi TOP 40 Tingkat Nasional" is a rank, "program PKH" a known acronym
    # a lower-case tail only continues a name that began in capitals ("Bogor tanpa plastik")
    start = pos + m.start(1)
    return start, start + len(" ".join(words)) if text.startswith(" ".join(words), start) else pos + m.end(1)


def initials_acronym(name: str, text: str) -> tuple[str, str] | None:
    """(acronym, name cut to it) when the text also uses the initials of the name's first words.

    "Forum Kewaspadaan Dini daerah Kab" -> ("FKD", "Forum Kewaspadaan Dini").
    """
    words = name.split()
    for n in range(len(words), 1, -1):
        head = words[:n]
        if not head[-1][:1].isupper():
            continue
        initials = "".join(w[0] for w in head if w[:1].isupper())
        if len(initials) >= 3 and re.search(rf"(?<![\w-]){re.escape(initials)}(?![\w-])", text):
            return initials, " ".join(head)
    return None


def inside_proper_name(text: str, pos: int) -> bool:
    """Whether a capitalised cue at pos continues a capitalised name ("Riset dan Inovasi Daerah")."""
    before = re.search(r"([\w-]+)[ \t]+$", text[max(0, pos - 30):pos])
    if not before:
        return False
    if before.group(1) in {"dan", "dari", "untuk"}:  # joins two capitalised words, not ", dan Program ..."
        return inside_proper_name(text, before.start() + max(0, pos - 30))
    return before.group(1)[:1].isupper()


def project_after(text: str, pos: int) -> tuple[int, int] | None:
    """A planned project's name after a building noun: "program pembangunan Pusat Kajian ..."."""
    m = re.match(r"[ \t]+([a-z]+)(?=[ \t]+[A-Z])", text[pos:pos + 40])
    if not m or m.group(1) not in program_cues()["project"]:
        return None
    span = name_after(text, pos + m.end())
    return (pos + m.start(1), span[1]) if span else None


def cue_candidates(text: str) -> list[Found]:
    """Names after a cue word ("program ‘Sapa Bupati’", "inovasi Sekolah Ibu", "proyek Newfred")."""
    cues = program_cues()
    words = {**cues["lead"], **cues["name_cue"]}
    found = []
    for m in re.finditer(rf"(?<![\w-])({'|'.join(map(re.escape, words))})(?![\w-])", text, re.IGNORECASE):
        kind = words[m.group(1).lower()]
        if m.group(1)[0].isupper() and inside_proper_name(text, m.start()) and kind != "team":
            continue
        span = name_after(text, m.end()) or (project_after(text, m.end()) if kind == "program" else None)
        if not span:
            continue
        if kind == "plan" and m.group(1)[:1].isupper():
            span = (m.start(), span[1])  # "Masterplan Smart City Sumbawa": the document word is in its name
        name = text[span[0]:span[1]].strip(" ,.;:")
        quoted = text[span[0] - 1:span[0]] in "‘'“\""
        if kind == "name_cue":
            if not quoted:
                continue
            kind = "program"
        if len(name) < 3:
            continue
        short = None if quoted else initials_acronym(name, text)
        if kind == "team":
            for_task = name.split()[0].lower() in cues["team_purpose"] and len(name.split()) >= 2
            if not short and (for_task or m.group(1).lower() in cues["task_force"]):
                name = f"{m.group(1)} {name}"  # "Tim Percepatan Penegasan Batas Daerah", set up for a task
                found.append(Found(name, kind, m.start(), m.start() + len(name), [], name.lower()))
                continue
            if not short:
                continue  # "Tim Peliputan ...": a team is named when it has an acronym of its own
            name = f"{m.group(1)} {short[1]}"
            found.append(Found(name, kind, m.start(), m.start() + len(name), [short[0]], short[0]))
            continue
        found.append(Found(name, kind, span[0], span[0] + len(name), [short[0]] if short else [], name.lower()))
    return found


def key_documents_by_year(found: list[Found]) -> None:
    """A document acronym used with two or more different years names that many documents.

    "RKPD Tahun 2024", "RKPD 2018-2023" and "RKPD 2024-2026" are three plans; one year, or none,
    leaves every mention of the acronym with the one document.
    """
    years: dict[str, set[str]] = {}
    dated = []
    for f in found:
        span_years = "-".join(re.findall(r"(?:19|20)\d\d", f.name))
        if f.kind in {"plan", "document"} and span_years:
            years.setdefault(f.key, set()).add(span_years)
            dated.append((f, span_years))
    for f, span_years in dated:
        if len(years[f.key]) > 1:
            f.key = f"{f.key} {span_years}"


# --- merging -----------------------------------------------------------------------------

def norm_key(name: str) -> str:
    """Lower-cased name without punctuation, for merging."""
    return " ".join(re.sub(r"[^\w\s]", " ", name.lower()).split())


def merge(found: list[Found], text: str) -> list[dict]:
    """One entry per key: the fullest name, the other forms as aliases, every mention."""
    by_key: dict[str, list[Found]] = {}
    for f in sorted(found, key=lambda f: f.start):
        by_key.setdefault(f.key or f.name.lower(), []).append(f)
    entries = []
    for key, group in by_key.items():
        best = max(group, key=lambda f: (len(f.name), -f.start))
        aliases = []
        for f in group:
            for form in [f.name, *f.aliases]:
                same_words = sorted(norm_key(form).split()) == sorted(norm_key(best.name).split())
                if form != best.name and form not in aliases and not same_words:  # "A (B)" is "B (A)"
                    aliases.append(form)
        mentions = mention_spans(text, [best.name, *aliases], group)
        first = min(group, key=lambda f: f.start)
        entries.append({"name": best.name, "aliases": aliases, "kind": best.kind,
                        "start": first.start, "end": first.end, "mentions": mentions, "_key": key})
    return entries


def mention_spans(text: str, forms: list[str], group: list[Found]) -> list[dict]:
    """Spans of every found occurrence, plus later bare uses of the short forms."""
    spans = {(f.start, f.end) for f in group}
    short_forms = [form for form in forms if len(form) >= 2 and form.isupper()]
    if short_forms:
        # Which characters a span already covers, so each later use is checked in one step
        # (a long article repeats its short names hundreds of times).
        covered = bytearray(len(text))
        for s, e in spans:
            covered[s:e] = b"\x01" * (e - s)
        for form in short_forms:
            for m in standalone_uses(text, form):
                if not covered[m.start()]:
                    spans.add((m.start(), m.end()))
                    covered[m.start():m.end()] = b"\x01" * (m.end() - m.start())
    return [{"text": text[s:e], "start": s, "end": e} for s, e in sorted(spans)]


# A character that would make a short name part of a longer word ("BPJS" in "BPJS-TK").
WORDISH = re.compile(r"[\w-]")


@cache
def standalone_pattern(form: str) -> re.Pattern:
    """The form followed by no word character: a literal start the regex engine can search for."""
    return re.compile(rf"{re.escape(form)}(?![\w-])")


def standalone_uses(text: str, form: str) -> Iterator[re.Match]:
    r"""Uses of a form as a word of its own, left to right, as `(?<![\w-])FORM(?![\w-])` finds them.

    The lookbehind is checked by hand: leading a pattern, it is tried at every character of the
    text, which made long articles with many short names slow."""
    pattern, pos = standalone_pattern(form), 0
    while (m := pattern.search(text, pos)) is not None:
        if m.start() and WORDISH.match(text, m.start() - 1):
            pos = m.start() + 1
            continue
        yield m
        pos = m.end()


def owner_of(text: str, start: int, officials: list[dict]) -> str | None:
    """The official named in the same sentence as the first mention, else None."""
    s = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    e_candidates = [i for i in (text.find(".", start), text.find("\n", start)) if i != -1]
    e = min(e_candidates) if e_candidates else len(text)
    for off in officials:
        for mention in off.get("mentions") or []:
            if s <= mention.get("start", -1) < e:
                return off.get("name")
    government = r"\b(Pem(?:kot|kab|prov)\s+[A-Z][\w-]+|Pemerintah\s+(?:Kota|Kabupaten|Provinsi)\s+[A-Z][\w-]+)"
    body = re.search(government, text[s:e])
    return body.group(1) if body else None


def rule_candidates(text: str) -> list[Found]:
    """Every program and organisation candidate the rules find, before merging."""
    from .programs_series import series_candidates  # they build on this module's names
    from .programs_shapes import (
        brand_candidates,
        e_name_candidates,
        hundred_days_candidates,
        lower_team_candidates,
        quantity_candidates,
    )
    from .programs_short_names import short_name_candidates

    return (pair_candidates(text) + document_candidates(text) + known_program_candidates(text)
            + cue_candidates(text) + hundred_days_candidates(text) + series_candidates(text)
            + e_name_candidates(text) + short_name_candidates(text) + quantity_candidates(text)
            + brand_candidates(text) + lower_team_candidates(text))


def program_entries(found: list[Found], text: str, officials: list[dict] | None = None) -> list[dict]:
    """Program candidates merged into record entries, a name inside a longer kept one dropped."""
    key_documents_by_year(found)
    short_keys = {f.key for f in found if f.aliases and f.key == norm_acronym(f.aliases[0])}
    for f in found:
        if " " not in f.name and norm_acronym(f.name) in short_keys:
            f.key = norm_acronym(f.name)  # "aplikasi Sipandu" later on is the "... (Sipandu)" named before
    programs = []
    by_name: dict[str, dict] = {}
    covered: list[tuple[int, int]] = []
    merged = merge([f for f in found if f.kind != "org"], text)
    for entry in sorted(merged, key=lambda e: (-len(e["name"]), e["start"])):
        if any(s <= entry["start"] and entry["end"] <= e and (s, e) != (entry["start"], entry["end"])
               for s, e in covered):
            continue  # "Sapa Bupati" inside an already kept longer name
        same = by_name.get(norm_key(entry["name"]))
        if same:  # one name found by two rules ("Program Cek Kesehatan Gratis" and the known programme)
            same["aliases"] += [a for a in entry["aliases"] if a not in same["aliases"]]
            continue
        by_name[norm_key(entry["name"])] = entry
        covered.extend((m["start"], m["end"]) for m in entry["mentions"])
        entry.pop("_key")
        entry["owner"] = owner_of(text, entry["start"], officials or [])
        programs.append(entry)
    return sorted(programs, key=lambda e: e["start"])


def find_programs(text: str, officials: list[dict] | None = None,
                  extra: list[Found] | None = None) -> tuple[list[dict], list[dict]]:
    """Return (programs, organizations) found in text as record entries.

    extra: further program candidates (the learned span model's) merged with the rules' own.
    """
    found = rule_candidates(text)
    programs = program_entries(found + list(extra or []), text, officials)
    organizations = []
    for entry in merge([f for f in found if f.kind == "org"] + org_mentions(text), text):
        key = entry.pop("_key")
        entry.pop("kind")
        entry.pop("mentions")
        known = acronyms().get(entry["aliases"][0] if entry["aliases"] else key.upper(), (None,))[0]
        entry["expansion"] = known
        organizations.append(entry)
    return programs, sorted(organizations, key=lambda e: e["start"])


def org_mentions(text: str) -> list[Found]:
    """Known agency acronyms used alone ("Bappeda", "DPRD Kota Bekasi")."""
    names = [a for a, (_, kind) in acronyms().items() if kind == "org"]
    alts = "|".join(re.escape(a) for a in sorted(names, key=len, reverse=True))
    return [Found(m.group(1), "org", m.start(), m.end(), [], norm_acronym(m.group(1)))
            for m in re.finditer(rf"(?<![\w-])({alts})(?![\w-])", text)]


# --- spaCy component -------------------------------------------------------------------
from spacy.language import Language  # noqa: E402
from spacy.tokens import Doc  # noqa: E402

from .extensions import doc_text, ensure_extensions  # noqa: E402


class ProgramsComponent:
    """Sets doc._.programs and doc._.organizations."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.programs, doc._.organizations = find_programs(doc_text(doc), doc._.officials or [])
        return doc


@Language.factory("warta_programs", default_config={})
def make_programs_component(nlp: Language, name: str) -> ProgramsComponent:
    """Build the warta_programs component."""
    ensure_extensions()
    return ProgramsComponent()
