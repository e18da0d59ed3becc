"""Programme names read from their shape: e-prefixed systems, "program 100 hari kerja",
movements named by a quantity ("gerakan sejuta masker"), and capitalised names branded with an
English word ("Pekanbaru Smart City Madani")."""

from __future__ import annotations

import re

from .programs import TITLE_WORD, VERB, Found, only_cue_words, program_cues, stop_regex
from .programs_short_names import title_words

# a quantity that opens a movement's slogan: "gerakan sejuta masker", "gerakan seribu pohon"
QUANTITY = r"(?:se(?:juta|ribu|ratus)|\d{4,}|\d{1,3}(?:\.\d{3})+)"  # "program 100 hari kerja" is read on its own
SLOGAN_WORDS = 3


def e_name_candidates(text: str) -> list[Found]:
    """Systems named with an e- prefix and a capital: "E-Planning", "e-Village Budgeting".

    A lower-case tail ("e-government", "e-procurement") is a common noun, not a name.
    """
    pattern = rf"(?<![\w-])[eE]-[A-Z][\w-]*(?:[ \t]+(?!{stop_regex()}\b){TITLE_WORD})*"
    return [Found(m.group(), "app", m.start(), m.end(), [], m.group().lower()) for m in re.finditer(pattern, text)]


def hundred_days_candidates(text: str) -> list[Found]:
    """'program (kerja) 100 hari (kerja) Bupati dan Wakil Bupati', named as a program by the text."""
    titles = rf"(?:\s+{TITLE_WORD}(?:\s+(?:dan\s+)?{TITLE_WORD}){{0,5}})?"
    pattern = rf"\bprogram(?:\s+kerja)?\s+(?:100|seratus)\s+hari(?:\s+kerja)?{titles}"
    return [Found(m.group(0), "program", m.start(), m.end(), [], "100 hari")
            for m in re.finditer(pattern, text, re.IGNORECASE)]


def quantity_candidates(text: str) -> list[Found]:
    """'gerakan sejuta masker': a movement or programme named in lower case by a quantity and what
    it counts; the name ends at a stop word or a verb ("... masker diadakan oleh Pemda")."""
    cues = program_cues()
    words = [w for w, kind in cues["lead"].items() if kind in {"program", "movement"}]
    slogan = rf"{QUANTITY}(?![ \t]+hari\b)(?:[ \t]+[a-z]+){{1,{SLOGAN_WORDS}}}"
    pattern = rf"(?<![\w-])((?i:{'|'.join(map(re.escape, words))}))[ \t]+({slogan})"
    found = []
    for m in re.finditer(pattern, text):
        kept = [m.group(2).split()[0]]
        for word in m.group(2).split()[1:]:
            if word in cues["stop"] or re.fullmatch(VERB, word):
                break
            kept.append(word)
        if len(kept) < 2:
            continue
        start = m.start(1) if cues["lead"][m.group(1).lower()] == "movement" else m.start(2)
        end = m.start(2) + len(" ".join(kept)) if m.group(2).startswith(" ".join(kept)) else m.end(2)
        found.append(Found(text[start:end], "program", start, end, [], text[start:end].lower()))
    return found


# a maximal run of capitalised words and numbers: "Gerakan Menuju 100 Smart City Indonesia"
CAPITAL_RUN = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*(?:[ \t]+(?:[A-Z][\w’'-]*|\d+(?=[ \t]+[A-Z])))*")


def brand_candidates(text: str) -> list[Found]:
    """'Pekanbaru Smart City Madani', 'Sumsel Smart Province', 'Dewan Smart City': a capitalised run
    in running text with a brand word and a proper word of its own. The run starts after a
    lower-case word or a comma (not a headline, not a bracket); a post or cue word before it and
    a region after it ("Anggota Dewan Smart City Kabupaten Sumbawa") are not part of the name."""
    cues = program_cues()
    found = []
    for m in CAPITAL_RUN.finditer(text):
        before = re.search(r"(?:^|[^\w])([\w,]+)[ \t]+$", text[max(0, m.start() - 30):m.start()])
        if not before or not (before.group(1) == "," or before.group(1).islower()):
            continue
        words = m.group().split()
        if not any(w.lower() in cues["brand"] and w[1:].islower() for w in words):
            continue  # "SMART Board" is a product written in capitals
        start = 0
        while start < len(words) and (words[start].lower() in title_words() or only_cue_words(words[start])):
            start += 1
        end = start
        while end < len(words) and words[end].lower() not in cues["not_name"]:
            end += 1
        name_words = words[start:end]
        proper = [w for w in name_words if w.lower() not in cues["brand"] and w.lower() not in cues["brand_noun"]]
        if not proper or not any(w.lower() in cues["brand"] for w in name_words):
            continue
        offset = m.start() + len(" ".join(words[:start])) + (1 if start else 0)
        name = " ".join(name_words)
        if text.startswith(name, offset):
            found.append(Found(name, "program", offset, offset + len(name), [], name.lower()))
    return found
