"""Doc extension attributes the warta components read and write."""

from __future__ import annotations

from spacy.attrs import IDX, LEMMA, ORTH, POS
from spacy.tokens import Doc

# Each component stores its findings as plain dicts in the record's shape, so the
# record is assembled without translation and every component can read earlier ones.
FIELDS = ("published", "dates", "officials", "programs", "organizations", "task_lists", "meetings")


def ensure_extensions() -> None:
    """Register the Doc extensions once per process."""
    for name in FIELDS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


TEXT_KEY = "warta.text"


def doc_text(doc: Doc) -> str:
    """doc.text, computed once per Doc: spaCy joins every token again at each access (about
    1 ms an article), and each warta component reads the text."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def pos_by_offset(doc: Doc) -> dict[int, str]:
    """Each token's start offset -> its UPOS tag, read as arrays: a Python Token object per word
    costs more than the tags themselves."""
    rows = doc.to_array([IDX, POS]).tolist()
    names = doc.vocab.strings
    return {idx: names[pos] if pos else "" for idx, pos in rows}


def lemmas_by_offset(doc: Doc) -> dict[int, str]:
    """Each token's start offset -> its lemma, for the tokens whose lemma is not their own text."""
    names = doc.vocab.strings
    return {idx: names[lemma] for idx, lemma, orth in doc.to_array([IDX, LEMMA, ORTH]).tolist()
            if lemma and lemma != orth}
