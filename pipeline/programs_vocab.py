"""The programs extractor's vocabularies: known acronyms and their kinds, cue words by group,
and the head-word reading of a name's kind (data files under pipeline/data/)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

# Function words an expansion may skip or use for a letter ("Tim Wali Kota untuk ...").
FUNCTION_WORDS = frozenset({"untuk", "dan", "dari", "di", "ke", "yang", "dalam", "bagi", "serta", "atau",
                            "pada", "oleh", "dengan", "of", "and", "for", "the", "&"})
YEAR = r"(?:(?:[Tt]ahun|TA\.?)\s+)?(?:19|20)\d\d(?:\s*[–—-]\s*(?:19|20)\d\d)?"
TITLE_WORD = r"[A-Z][\w'’-]*"
# English heads come last in a name ("Bogor Integrated System of Aspiration").
ENGLISH_HEADS = frozenset({"system", "application", "app", "platform", "movement", "program"})


# --- vocabularies ------------------------------------------------------------------------

def data_rows(name: str) -> list[list[str]]:
    """Rows of a TSV data file, without comment lines and the header."""
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    rows = [line.split("\t") for line in lines if line.strip() and not line.startswith("#")]
    return rows[1:]


@cache
def acronyms() -> dict[str, tuple[str, str]]:
    """Known acronym -> (expansion, kind)."""
    return {acr: (exp, kind) for acr, exp, kind in data_rows("acronyms.tsv")}


@cache
def acronym_kinds() -> dict[str, str]:
    """Known acronym, upper-cased without punctuation -> kind."""
    return {norm_acronym(acr): kind for acr, (_, kind) in acronyms().items()}


@cache
def program_cues() -> dict[str, dict[str, str]]:
    """Cue words by group: 'head' (word -> kind), 'lead', 'org', 'name_cue', 'not_name'."""
    groups: dict[str, dict[str, str]] = {"head": {}, "lead": {}, "org": {}, "name_cue": {}, "not_name": {},
                                         "generic": {}, "stop": {}, "team_purpose": {}, "task_force": {},
                                         "project": {}, "brand": {}, "brand_noun": {}}
    for cue, kind, lead in data_rows("program_cues.tsv"):
        group = kind if kind in groups else "head"
        groups[group][cue] = kind
        if lead == "yes":
            groups["lead"][cue] = kind
    return groups


def norm_acronym(acr: str) -> str:
    """Acronym upper-cased without dots, hyphens and spaces."""
    return re.sub(r"[\s.\-]", "", acr).upper()


# --- classification ----------------------------------------------------------------------

def head_kind(expansion: str) -> str | None:
    """The program kind or 'org' named by an expansion's head word, else None."""
    cues = program_cues()
    words = [w.lower() for w in re.findall(r"[\w-]+", expansion)]
    if not words:
        return None
    two = " ".join(words[:2])
    for key in (two, words[0]):
        if key in cues["head"]:
            return cues["head"][key]
        if key in cues["org"]:
            return "org"
    # English names put the head last: "Bogor Integrated System of Aspiration".
    english = [cues["head"][w] for w in words if w in cues["head"] and w in ENGLISH_HEADS]
    return english[0] if english else None


def only_cue_words(name: str) -> bool:
    """Whether a name is made of cue and generic words only ("program unggulan", "Aplikasi")."""
    cues = program_cues()
    words = [w.lower() for w in re.findall(r"[\w-]+", name)]
    return all(w in cues["head"] or w in cues["generic"] or w in FUNCTION_WORDS for w in words)
