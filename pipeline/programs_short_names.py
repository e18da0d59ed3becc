"""Short programme names with their written-out form, where the letters do not spell each other.

Regional innovations are named with creative short forms that are not acronyms of their
expansion ("Akses Bang Dali (Akses Pengendalian Pelaksanaan Pembangunan Infrastruktur)",
"Papa Pande (Cepat Tanggap PPNS dalam Penegakan Peraturan Daerah)"), so the letter matcher of
pipeline/programs.py cannot pair them. Three ways of writing them are read here:

- "Short Name (Long Capitalised Expansion)": a run of one to three capitalised words followed by
  a longer, mostly capitalised phrase in brackets;
- "cue description (Short Name)": a program word ("program", "aplikasi", "inovasi", "gerakan")
  and a short description followed by its name in brackets ("program jelajah edukasi di laman
  pendidikan Banyuwangi (Jendela Wangi)", "aplikasi agenda ... (e-agenda)");
- "Short Name, singkatan dari Expansion" ("Sayangi Dlanggu, singkatan dari Sistem Aplikasi ...").

Every match is a single forward regex scan, so the work is linear in the text.
"""

from __future__ import annotations

import re
from functools import cache

from .programs import VERB, Found
from .programs_vocab import DATA, FUNCTION_WORDS, acronym_kinds, norm_acronym, only_cue_words, program_cues

# a capitalised word of a short name: "Akses", "D’Emba", "IndahKu", "GITAKU"
SHORT_WORD = r"[A-Z][\w’'-]*"
SHORT = rf"{SHORT_WORD}(?:[ \t]+{SHORT_WORD}){{0,2}}"
# an e-prefixed system name in brackets: "(e-agenda)", "(e-Pantau)"
E_NAME = r"[eE]-[\w-]{3,}"
MIN_EXPANSION_WORDS = 3
MAX_DESCRIPTION_WORDS = 9
# characters around a bracketed expansion searched for a program word (the passage it is in)
CONTEXT_BEFORE, CONTEXT_AFTER = 400, 300


@cache
def title_words() -> frozenset[str]:
    """First words of public positions (titles.tsv): "Ketua TP PKK Kota Bekasi" in brackets after a
    person's name is a post, not an expansion."""
    lines = (DATA / "titles.tsv").read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return frozenset(row[0].split()[0].lower().rstrip(".") for row in rows[1:] if row[0].strip())


def is_short_name(short: str) -> bool:
    """Whether a bracketed or bracketing short form can name a programme rather than a body or place.

    A single all-capitals word is an acronym: whether it spells its expansion, and what that names,
    is decided by the letter matcher of pipeline/programs.py ("PBB (Pajak Bumi Bangunan)", "(IPM)").
    """
    words = short.split()
    if len(words) == 1 and short.upper() == short:
        return False
    cues = program_cues()
    bodies = cues["not_name"].keys() | cues["org"].keys()
    if words[0].lower() in title_words() or any(w.lower() in bodies for w in words):
        return False  # "Kota Bekasi (...)", "Dinas ... (...)"
    known = acronym_kinds().get(norm_acronym(short))
    return known in (None, "program")


def is_expansion(phrase: str, short: str) -> bool:
    """A written-out name: longer than the short form, mostly capitalised, one phrase (no list,
    no abbreviation with a full stop, no title or body word first: "Ka. Kesbangpol ...", "dr. ...")."""
    words = phrase.split()
    if len(words) < MIN_EXPANSION_WORDS or len(words) <= len(short.split()) or re.search(r"[,.;:\d]", phrase):
        return False
    content = [w for w in words if w.lower() not in FUNCTION_WORDS]
    if not words[0][:1].isupper() or sum(w[:1].isupper() for w in content) * 4 < len(content) * 3:
        return False  # "(sekarang Jalan Pasar Besar)", "(bersama Joe Don Baker)" say something else
    cues = program_cues()
    first = words[0].lower()
    if any(w.lower() in cues["org"] for w in words):
        return False  # "(Dosen Fakultas Ekonomi Universitas Indonesia)" is a post in a body
    return first not in cues["not_name"] and first not in title_words()


def short_key(short: str) -> str:
    """The merge key of a short form, as the series reader and the acronym rules key it."""
    return norm_acronym(short) if len(short.split()) == 1 else short.lower()


def in_program_context(text: str, start: int, end: int) -> bool:
    """Whether a program word (program, inovasi, aplikasi, gerakan, ...) is written near a span:
    "Name (Capitalised Phrase)" also writes people with a nickname, places with their old name and
    translations; in a passage about programmes it names a programme."""
    window = text[max(0, start - CONTEXT_BEFORE):end + CONTEXT_AFTER]
    return re.search(rf"(?<![\w-])(?:{cue_words()})(?![\w-])", window, re.IGNORECASE) is not None


def bracketed_expansions(text: str) -> list[Found]:
    """'Short Name (Long Capitalised Expansion)' in a passage about programmes; the short name starts
    after a lower-case word or a punctuation mark, so that it is the whole capitalised run before
    the bracket."""
    pattern = rf"(?:(?<=[a-z,;:] )|(?<=^)|(?<=\n))({SHORT})[ \t]+\(([^()\n]{{8,140}})\)"
    found = []
    for m in re.finditer(pattern, text):
        short, expansion = m.group(1), m.group(2).strip()
        if is_short_name(short) and is_expansion(expansion, short) and in_program_context(text, m.start(), m.end()):
            name = f"{short} ({expansion})"
            found.append(Found(name, "program", m.start(1), m.end(), [short], short_key(short)))
    return found


@cache
def cue_words() -> str:
    """The program words that may lead a description named in brackets."""
    cues = program_cues()
    words = [w for w, kind in cues["lead"].items() if kind not in {"team", "org"}]
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


def reads_as_description(description: str, short: str) -> bool:
    """A noun phrase that the short form names: no clause words ("yang", "harus", "oleh"), no verb
    ("Inovasi Desa menjadi pilihan kegiatan yang dilaksanakan oleh Pemerintah Daerah (Pemda)"), and
    not one word that the short form abbreviates ("Diklat Kepemimpinan (Pim)")."""
    words = description.split()
    stops = program_cues()["stop"]
    if any(w.lower() in stops and w.lower() not in FUNCTION_WORDS or re.fullmatch(VERB, w.lower()) for w in words):
        return False
    if words[0].lower() in stops:
        return False
    letters = short.lower()
    return not (" " not in short and any(is_subsequence(letters, w.lower()) for w in words))


def is_subsequence(letters: str, word: str) -> bool:
    """Whether letters appear in word in order ("pim" in "kepemimpinan")."""
    it = iter(word)
    return all(ch in it for ch in letters)


def described_names(text: str) -> list[Found]:
    """'program jelajah edukasi di laman pendidikan Banyuwangi (Jendela Wangi)': a description after a
    program word, named by the short form in brackets. A capitalised cue is part of the name
    ("Gerakan Daerah Angkat Anak Muda Putus Sekoiah (Garda Ampuh)")."""
    words = rf"[\w’'-]+(?:[ \t]+[\w’'-]+){{0,{MAX_DESCRIPTION_WORDS - 1}}}"
    pattern = rf"(?<![\w-])({cue_words()})[ \t]+({words})[ \t]+\(((?:{SHORT})|{E_NAME})\)"
    found = []
    for m in re.finditer(pattern, text, re.IGNORECASE):
        cue, description, short = m.group(1), m.group(2), m.group(3)
        if not (short[:1].isupper() or re.fullmatch(E_NAME, short)) or not is_short_name(short):
            continue
        if only_cue_words(description) or not reads_as_description(description, short):
            continue  # "program unggulan (Progul)" abbreviates a phrase
        start = m.start(1) if cue[:1].isupper() else m.start(2)
        name = f"{text[start:m.end(2)]} ({short})"
        found.append(Found(name, "program", start, m.end(), [short], short_key(short)))
    return found


def stated_abbreviations(text: str) -> list[Found]:
    """'Sayangi Dlanggu, singkatan dari Sistem Aplikasi Pelayanan Bersinergi Dlanggu.'"""
    expansion = r"[A-Z][\w’'-]*(?:[ \t]+[\w’'-]+){2,11}?"
    pattern = (rf"(?:(?<=[a-z,;:] )|(?<=^)|(?<=\n))({SHORT}|{E_NAME}),?[ \t]+(?:yang[ \t]+merupakan[ \t]+)?"
               rf"(?:singkatan|kependekan|akronim)[ \t]+dari[ \t]+({expansion})(?=[ \t]*[.,;\n)]|$)")
    found = []
    for m in re.finditer(pattern, text):
        short, long_form = m.group(1), m.group(2)
        if is_short_name(short) and is_expansion(long_form, short):
            found.append(Found(f"{long_form} ({short})", "program", m.start(1), m.end(2), [short],
                               short_key(short)))
    return found


def short_name_candidates(text: str) -> list[Found]:
    """Every short programme name written with its expansion or its description."""
    return bracketed_expansions(text) + described_names(text) + stated_abbreviations(text)
