"""Program names given in an announced series (issue 14).

"tiga program unggulan, yakni Papua Barat Cerdas, Papua Barat Sehat, dan Papua Barat Produktif";
"inovasi yang diluncurkan, yakni GITAKU MANIS (Gerakan ...), WAJAR (Wadah Belajar) dan ...";
"sembilan program unggulan (Progul), yaitu:\n- Padang Amanah\n- Padang Juara ..."; "program
unggulan ..., antara lain: Bursel Tertata: Melakukan ...\nBursel Cerdas: Menyediakan ...";
"Program kedua, Pelayanan Kesehatan Paripurna." A series is read when a program noun (program,
inovasi, aplikasi, gerakan) is followed, within its clause, by an introducing word; it is split
at its top-level separators (commas, semicolons, "dan"/"serta" before the last item, bullets),
each piece is cut at the first word that ends a name, and the pieces that look like names are
kept. Every step is a single forward scan, so the work is linear in the text.
"""

from __future__ import annotations

import re
from functools import cache

from .programs import VERB, Found
from .programs_vocab import DATA, acronym_kinds, norm_acronym, program_cues

SERIES_NOUN = r"(?:program|inovasi|aplikasi|gerakan)(?:-(?:program|inovasi|aplikasi))?"
INTRO = r"(?:yaitu|yakni|antara\s+lain|diantaranya|di\s+antaranya|seperti|adalah|ialah|meliputi)"
# the cue and its intro stay in one clause: no sentence end, no second intro in between
CUE_GAP = r"[^.\n:;]{0,70}?"
ORDINALS = r"(?:pertama|kedua|ketiga|keempat|kelima|keenam|ketujuh|kedelapan|kesembilan|kesepuluh)"
MAX_WORDS = 7  # words of a name outside its parentheses
LOWER_MAX_WORDS = 4  # a lower-case name ("swasembada gizi") is short
LINE = re.compile(r"[^\n]*\n|[^\n]+")


@cache
def series_words() -> dict[str, frozenset[str]]:
    """Word sets by group from programs_series.tsv: 'gap' nouns that make a series something else,
    'item_stop' words that end a name."""
    groups: dict[str, set[str]] = {}
    for line in (DATA / "programs_series.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, group = line.split("\t")
            groups.setdefault(group, set()).add(word)
    return {g: frozenset(ws) for g, ws in groups.items()}


def top_level_pieces(series: str) -> list[tuple[int, str]]:
    """(offset, piece) split at commas and semicolons outside parentheses."""
    pieces, depth, start = [], 0, 0
    for i, ch in enumerate(series):
        depth += ch == "("
        depth -= ch == ")" and depth > 0
        if depth == 0 and ch in ",;":
            pieces.append((start, series[start:i]))
            start = i + 1
    pieces.append((start, series[start:]))
    return pieces


def split_last_conjunction(pieces: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The last piece "A dan B ..." becomes two: a series joins its last item with dan/serta/hingga.

    Only the last piece is split, at its first conjunction outside parentheses: what follows the
    last item ("... dan B terus dijalankan hingga sekarang") is cut off by clean_item.
    """
    if not pieces:
        return pieces
    offset, last = pieces[-1]
    outside = re.sub(r"\([^()]*\)", lambda m: " " * len(m.group()), last)
    m = re.search(r"\s(?:dan|serta|hingga|maupun)\s", outside)
    if m is None:
        return pieces
    return [*pieces[:-1], (offset, last[:m.start()]), (offset + m.end(), last[m.end():])]


def clean_item(piece: str) -> tuple[int, str]:
    """(offset in piece, name): separators, bullets and a leading 'program' off, cut at a stop word."""
    marker = r"[\s\-–•*]*(?:\(?(?:\d{1,2}|[a-z])[.)]\s+)?"  # bullet or list number: "- ", "2) "
    joins = rf"(?:(?:dan|serta|hingga|maupun|{INTRO})\s+)*"
    noun = r"(?:(?:program|inovasi|aplikasi|gerakan)\s+(?=[a-z]))?"  # "program swasembada gizi"
    lead = re.match(marker + joins + noun, piece, re.IGNORECASE)
    offset = lead.end()
    rest = piece[offset:]
    stops = set(program_cues()["stop"]) | series_words()["item_stop"]
    words = list(re.finditer(r"\([^()]*\)|[^\s()]+", rest))
    end = 0
    for i, w in enumerate(words):
        token = w.group()
        bare = token.strip(".,:;!?\"“”’‘'").lower()
        verb = token[:1].islower() and re.fullmatch(VERB, bare)  # "Padang Melayani" is a name
        if i > 0 and not token.startswith("(") and (bare in stops or verb):
            joins_capitals = bare in {"dan", "serta"} and i + 1 < len(words) and words[i + 1].group()[:1].isupper()
            if not (joins_capitals and rest[:1].isupper()):
                break  # "Bursel Terang dan Terhubung" is one name, "Sekolah Ibu yang ..." ends at "yang"
        end = w.end()
    return offset, rest[:end].rstrip(" .,:;!?\"“”")


def name_like(name: str, lower_ok: bool) -> bool:
    """Whether a piece of a series reads as a program's name rather than a phrase or a place.

    lower_ok: the series was announced as programs with "yaitu/yakni/antara lain/diantaranya",
    where short lower-case names ("swasembada gizi") are names too.
    """
    if re.search(r"[\"“”]", name):
        return False  # a quotation ends the series: "..., daya saing daerah,” ujar Eri"
    outside = re.sub(r"\s*\([^()]*\)", "", name).split()
    if not outside or len(outside) > MAX_WORDS:
        return False
    first = outside[0]
    low = first.lower()
    cues = program_cues()
    if any(low in group for group in (cues["not_name"], cues["stop"], series_words()["item_stop"])):
        return False
    if low in cues["generic"] and (len(outside) < 3 or not first[:1].isupper()):
        return False  # "pembangunan infrastruktur", but "Pendidikan Unggul dan Merata" is a name
    if re.fullmatch(VERB, low) or re.match(r"(?:ber|ter|meng|meny|mem|men)[a-z]{3,}", first):
        return False  # "menekan angka pengangguran" is an aim, not a name
    if norm_acronym(first) in acronym_kinds() and len(outside) == 1:
        return False  # a known acronym alone is found by the acronym rules
    if first[:1].isupper() or re.match(r"[eE]-\w", first):
        return True
    if any(w[:1].isupper() for w in outside[1:]):
        return True  # "revitalisasi Kota Tua Ampenan", "rencana pembangunan Fly Over Martadinata"
    # a lower-case name is short and is not a process noun ("peningkatan kualitas ...")
    return (lower_ok and len(outside) <= LOWER_MAX_WORDS and "(" not in name
            and not re.fullmatch(r"pe[nmr]?[a-z]+an", low))


def parallel_to(name: str, previous: str) -> bool:
    """Whether a short lower-case piece is built like the name before it, so it is a name too:
    "kesehatan gratis, pendidikan gratis" (a generic head word with the same qualifier)."""
    words, before = name.split(), previous.split()
    return (1 < len(words) <= LOWER_MAX_WORDS and name.islower() and len(before) > 1
            and words[-1] == before[-1] and words[0] != before[0])


def item_found(name: str, start: int) -> Found:
    """A series item; "Sibelaku (Sistem Informasi ...)" is keyed by its short form, which is its alias,
    so that the same pair found by the acronym rules merges with it."""
    pair = re.fullmatch(r"([^()]+?)\s*\(([^()]+)\)", name)
    if not pair:
        return Found(name, "program", start, start + len(name), [], name.lower())
    short = min(pair.group(1), pair.group(2), key=lambda form: len(form.split()))
    key = norm_acronym(short) if len(short.split()) == 1 else short.lower()
    return Found(name, "program", start, start + len(name), [short], key)


def series_span(text: str, start: int) -> tuple[int, int, bool]:
    """(start, end, is_block): the series after an intro, to the end of its sentence or its block.

    A series that opens a new line ("yaitu:\\n- A\\n- B") runs over the following lines while they
    are bullets or 'Name: description' lines.
    """
    rest = re.match(r"[ \t,:]*", text[start:])
    pos = start + rest.end()
    if text.startswith("\n", pos) or text[start:pos].strip().endswith(":"):
        end = pos
        for line in LINE.finditer(text, pos):  # from pos, without copying the rest of the text
            body = line.group().strip()
            if not body and end == pos:
                continue
            if not re.match(r"[-–•*]\s*\S|[A-Z][^\n:]{1,50}:\s", body):
                break
            end = line.end()
        if end > pos:
            return pos, end, True
    stop = re.compile(r"\.(?=\s|$)|\n|[!?]")
    m = stop.search(text, pos)
    return pos, m.start() if m else len(text), False


def block_items(text: str, start: int, end: int) -> list[tuple[int, str, bool]]:
    """(offset, piece, whole) per line of a bulleted or 'Name: description' block.

    whole: the line is only a name, so it must be read whole ("• Bantuan Rp 50 juta per RT untuk
    pemberdayaan masyarakat." is a promise, not a name).
    """
    items = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        body = line.group()
        colon = re.match(r"\s*[-–•*]?\s*([^:\n]{2,50}):\s", body)
        piece = colon.group(1) if colon else body
        offset = line.start() + (colon.start(1) if colon else 0)
        items.append((start + offset, piece, not colon))
    return items


def read_series(text: str, start: int, lower_ok: bool, least: int = 2) -> list[Found]:
    """Names of the series that starts at start; none unless least of them read as names.

    The series ends at its first piece that is not a name ("..., program berbasis digital ...").
    """
    s, e, is_block = series_span(text, start)
    if is_block:
        pieces = block_items(text, s, e)
    else:
        pieces = [(s + o, p, False) for o, p in split_last_conjunction(top_level_pieces(text[s:e]))]
    found = []
    for offset, piece, whole in pieces:
        lead, name = clean_item(piece)
        if not name.strip():
            continue
        parallel = bool(found) and lower_ok and parallel_to(name, found[-1].name)
        if not (name_like(name, lower_ok) or parallel) or (whole and name != piece[lead:].strip()):
            break
        found.append(item_found(name, offset + lead))
    return found if len(found) >= least else []


def series_candidates(text: str) -> list[Found]:
    """Programs named in series announced by a program noun and an introducing word."""
    found: list[Found] = []
    gap_words = series_words()["gap"]
    # the intro may open the next sentence: "... berbagai program Pemkot Bengkulu. Seperti A, B, ..."
    pattern = re.compile(rf"(?<![\w-]){SERIES_NOUN}(?![\w-])({CUE_GAP})(?:\.[ \t]+)?\b{INTRO}\b", re.IGNORECASE)
    last_end = 0
    for m in pattern.finditer(text):
        if m.start() < last_end:
            continue
        gap = re.findall(r"\w+", m.group(1).lower())
        lead_words = re.findall(r"\w+", text[max(0, m.start() - 25):m.start()].lower())[-2:]
        if any(w in gap_words for w in gap + lead_words):
            continue  # "inovasi ... mencakup bidang seperti ...", "bentuk inovasi daerah meliputi 1) ..." list kinds
        first = m.group(1).split()[:1]
        named = first and first[0][:1].isupper() and first[0].lower() not in program_cues()["not_name"]
        if named and first[0].lower() not in program_cues()["generic"]:
            continue  # "Program Barisan Siap yaitu ..." describes one named program, "Program Studi ..."
        strong = not re.search(r"(?:adalah|ialah|meliputi|seperti)$", m.group(0), re.IGNORECASE)
        # "Salah satu inovasi ... adalah Kartu Sumbawa Barat Maju, ..." announces a single name; so does
        # yaitu/yakni/diantaranya, whose first item is a name even where the next one is a phrase
        # ("dua program ..., diantaranya revitalisasi Kota Tua Ampenan hingga pengelolaan ...")
        one = strong or re.search(r"salah\s+satu(?:nya)?\s+$", text[max(0, m.start() - 20):m.start()], re.IGNORECASE)
        items = read_series(text, m.end(), strong and m.group(0)[:7].lower().startswith("program"), 1 if one else 2)
        if items:
            found.extend(items)
            last_end = items[-1].end
    return found + ordinal_candidates(text)


def ordinal_candidates(text: str) -> list[Found]:
    """"Program pertama, yakni Pendidikan Unggul dan Merata." - each numbered program named."""
    pattern = rf"\bProgram\s+{ORDINALS}\s*,?\s*(?:{INTRO}\s+)?([A-Z][^.\n,;:]{{2,80}})"
    found = []
    for m in re.finditer(pattern, text):
        lead, name = clean_item(m.group(1))
        if name and name_like(name, False) and name[:1].isupper():
            found.append(item_found(name, m.start(1) + lead))
    return found
