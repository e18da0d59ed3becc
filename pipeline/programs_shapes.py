"""Programme names read from their shape: e-prefixed systems, "program 100 hari kerja",
movements named by a quantity ("gerakan sejuta masker"), and capitalised names branded with an
English word ("Pekanbaru Smart City Madani")."""

from __future__ import annotations

import re

from .programs import VERB, Found, stop_regex
from .programs_short_names import title_words
from .programs_vocab import TITLE_WORD, only_cue_words, program_cues

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
    lower-case word, a comma or a list marker (not a headline, not a bracket); a post or cue word before it and
    a region after it ("Anggota Dewan Smart City Kabupaten Sumbawa") are not part of the name."""
    cues = program_cues()
    found = []
    lowered = text.lower()
    if not any(brand in lowered for brand in cues["brand"]):
        return found  # no brand word at all: no capital run can hold one
    for m in CAPITAL_RUN.finditer(text):
        before = re.search(r"(?:^|[^\w])([\w,]+)[ \t]+$", text[max(0, m.start() - 30):m.start()])
        item = re.search(r"(?:^|\n)[ \t]*(?:\d{1,2}[.)]|[-•*])[ \t]+$", text[max(0, m.start() - 10):m.start()])
        if not item and not (before and (before.group(1) == "," or before.group(1).islower())):
            continue  # a list item ("5. Visit Wonderful Bengkulu 2020") is not a headline either
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


TEAM_WORDS = 4  # words after the purpose word of a team written in lower case


def written_as_proper_name(text: str, name: str) -> bool:
    """Whether the text also writes these words with capitals ("Tim Percepatan Pembangunan")."""
    pattern = r"[ \t]+".join(map(re.escape, name.split()))
    return any(not m.group().islower() for m in re.finditer(pattern, text, re.IGNORECASE)
               if m.group().split()[0][:1].isupper() and m.group().split()[1][:1].isupper())


def lower_team_candidates(text: str) -> list[Found]:
    """'tim percepatan penegasan batas daerah': a team set up for a task, written in lower case.

    The name runs from "tim" over its purpose word to a stop word, a verb, a capitalised word that
    is not generic, or a punctuation mark. Mentions of one team in shorter words ("tim percepatan
    batas Daerah") share the key of the team word and its purpose, so they become aliases.
    """
    cues = program_cues()
    purposes = "|".join(map(re.escape, sorted(cues["team_purpose"], key=len, reverse=True)))
    found = []
    for m in re.finditer(rf"(?<![\w-])(tim|satgas)[ \t]+({purposes})((?:[ \t]+[\w-]+){{1,{TEAM_WORDS}}})", text):
        kept = []
        for word in m.group(3).split():
            low = word.lower()
            capital_proper = word[:1].isupper() and low not in cues["generic"]
            if low in cues["stop"] or re.fullmatch(VERB, low) or capital_proper or not word.isalpha():
                break
            kept.append(word)
            if word[:1].isupper():
                break  # a capitalised generic word ends the name: "tim percepatan batas Daerah utusan ..."
        if not kept:
            continue
        name = " ".join([m.group(1), m.group(2), *kept])
        if written_as_proper_name(text, name):
            continue  # "Tim Percepatan Pembangunan (TPP)" is read by the acronym and cue rules
        if text.startswith(name, m.start()):
            found.append(Found(name, "team", m.start(), m.start() + len(name), [], f"{m.group(1)} {m.group(2)}"))
    return found
