"""Acronym <-> expansion pairs written in parentheses: "Rencana Kerja Pemerintah Daerah (RKPD)"
and "BISA (Bogor Integrated System of Aspiration)", matched Schwartz & Hearst style, with the
Indonesian function words an expansion may skip."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .programs_vocab import FUNCTION_WORDS, head_kind


def acronym_letters(acr: str) -> str:
    """Letters an acronym encodes, a digit repeating the letter before it (P4 -> PPPP)."""
    out = ""
    for ch in re.sub(r"[\s.\-]", "", acr):
        if ch.isdigit() and out:
            out += out[-1] * (int(ch) - 1)
        elif ch.isalpha():
            out += ch
    return out.lower()


def looks_like_acronym(token: str) -> bool:
    """A single token with two capitals (OPD, TP2KB, KemenPAN-RB) or a capitalised short form (Bappeda)."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9.\-]{1,15}", token):
        return False
    capitals = sum(c.isupper() for c in token)
    return capitals >= 2 or (token[0].isupper() and len(token) <= 14)


def match_expansion(acr: str, words: list[str]) -> int | None:
    """Index of the first word of the shortest tail of words that spells acr, else None.

    Schwartz & Hearst: match the acronym's letters right to left inside the candidate
    words; the first letter must open a word. Indonesian function words may be skipped.
    """
    letters = acronym_letters(acr)
    if len(letters) < 2:
        return None
    long_form = " ".join(words)
    li, si = len(long_form) - 1, len(letters) - 1
    while si >= 0:
        ch = letters[si]
        while li >= 0 and (long_form[li].lower() != ch or (si == 0 and li > 0 and long_form[li - 1].isalnum())):
            li -= 1
        if li < 0:
            return None
        li -= 1
        si -= 1
    start_char = li + 1
    index = long_form[:start_char].count(" ")
    if words[index].lower() in FUNCTION_WORDS:
        return None
    return index


def expansion_is_plausible(acr: str, words: list[str]) -> bool:
    """Whether a matched expansion is a name (capitalised content words, not too long)."""
    content = [w for w in words if w.lower() not in FUNCTION_WORDS]
    if len(words) < 2 or len(content) > len(acronym_letters(acr)) + 2:
        return False
    initials = sum(1 for w in content if w[:1].lower() in acronym_letters(acr))
    return initials >= max(1, len(content) // 2)


@dataclass
class Pair:
    """An acronym with its expansion and the span covering both."""

    acronym: str
    expansion: str
    start: int
    end: int
    exp_start: int


def acronym_pairs(text: str) -> list[Pair]:
    """Pairs written 'Expansion (ACR)' or 'ACR (Expansion)'."""
    pairs = []
    for m in re.finditer(r"\(([^()\n]{2,90})\)", text):
        inner = m.group(1).strip()
        tokens = inner.split()
        if 1 < len(tokens) <= 3 and all(map(looks_like_acronym, tokens)) and sum(c.isupper() for c in tokens[-1]) >= 2:
            inner = tokens[-1]  # "(Musrenbang RKPD)": the last acronym names the tail of the expansion
        if looks_like_acronym(inner):
            pair = pair_before(text, m, inner)
        else:
            pair = pair_after(text, m, inner)
        if pair:
            pairs.append(pair)
    return pairs


def pair_before(text: str, m: re.Match, acr: str) -> Pair | None:
    """'Rencana Kerja Pemerintah Daerah (RKPD)': the expansion is in the words before."""
    # the expansion never reaches back over a line break, comma or full stop
    line_start = max(text.rfind("\n", 0, m.start()), text.rfind(",", 0, m.start()),
                     text.rfind(".", 0, m.start() - 1)) + 1
    window = list(re.finditer(r"[\w'’&-]+", text[line_start:m.start()]))
    window = window[-(len(acronym_letters(acr)) + 6):]
    words = [w.group() for w in window]
    if not words:
        return None
    index = match_expansion(acr, words)
    if index is None or not expansion_is_plausible(acr, words[index:]):
        return None
    exp_start = line_start + window[index].start()
    expansion = text[exp_start:line_start + window[-1].end()]
    return Pair(acr, expansion, exp_start, m.end(), exp_start)


def pair_after(text: str, m: re.Match, inner: str) -> Pair | None:
    """'BISA (Bogor Integrated System of Aspiration)': the acronym is the word before."""
    window = max(0, m.start() - 40)  # the word before, not the whole text before (linear in the text)
    before = re.search(r"(?<![A-Za-z0-9.\-])([A-Za-z][A-Za-z0-9.\-]{1,15})\s*$", text[window:m.start()])
    if not before or not looks_like_acronym(before.group(1)):
        return None
    # "Simanja (sistem informasi manajemen kinerja)": a short name with one capital needs a program head word
    if sum(c.isupper() for c in before.group(1)) < 2 and head_kind(inner) in (None, "org"):
        return None
    words = inner.split()
    if match_expansion(before.group(1), words) != 0 or not expansion_is_plausible(before.group(1), words):
        return None
    return Pair(before.group(1), inner, window + before.start(1), m.end(), m.start(1))
