"""Programme names read from their shape: e-prefixed systems, "program 100 hari kerja", and
movements named by a quantity ("gerakan sejuta masker")."""

from __future__ import annotations

import re

from .programs import TITLE_WORD, VERB, Found, program_cues, stop_regex

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
