"""Convert the shared UD and NER corpora into spaCy DocBin files for training and evaluation."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Doc, DocBin
from spacy.training.converters import conllu_to_docs
from spacy.vocab import Vocab

DATA_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "data"

# Treebanks (relative to data/ud). GSD test is the reported benchmark and never trained on.
# GSD's train split is not available, so its dev split is the only GSD-style data: the first
# GSD_DEV_HELD_OUT sentences are the development set (model selection), the rest is trained on
# GSD_TRAIN_REPEATS times so GSD's conventions (e.g. `compound`) are not drowned out by CSUI/PUD.
GSD_DEV = "gsd-id_gsd-ud-dev.conllu"
UD_TRAIN = ("csui-id_csui-ud-train.conllu", "csui-id_csui-ud-test.conllu", "pud-id_pud-ud-test.conllu")
UD_TEST = ("gsd-id_gsd-ud-test.conllu",)
GSD_DEV_HELD_OUT = 120
GSD_TRAIN_REPEATS = 3

# NER corpora: (file relative to data/ner, column of the tag). NERP is left out: it is
# lower-cased upstream and would teach a cased model to ignore capitals.
NER_TRAIN = (("idner-news-2k/train.txt", -1), ("nergrit/train_preprocess.txt", -1))
NER_DEV = (("idner-news-2k/dev.txt", -1),)
NER_TEST = (("idner-news-2k/test.txt", -1),)
# Raw text for pretraining the token vectors: every training and dev sentence of the corpora
# above (never a test file), plus NERP's, whose lower case does no harm to a character objective.
RAW_NER_FILES = ("idner-news-2k/train.txt", "idner-news-2k/dev.txt", "nergrit/train_preprocess.txt",
                 "nergrit/valid_preprocess.txt", "nerp/train_preprocess.txt", "nerp/valid_preprocess.txt")
RAW_SENTENCES_PER_LINE = 8
NER_LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "ORGANISATION": "ORG", "LOC": "LOC", "PLACE": "LOC"}


@dataclass(frozen=True)
class Sentence:
    """One tokenized NER sentence with its IOB tags mapped onto PER/ORG/LOC."""

    words: tuple[str, ...]
    tags: tuple[str, ...]


def data_dir(root: str | Path | None = None) -> Path:
    """The shared data directory: the argument, else ../shared/data beside the checkout."""
    return Path(root) if root else DATA_DIR


def conllu_sentences(path: Path) -> list[str]:
    """The sentence blocks of a CoNLL-U file."""
    return [block for block in path.read_text(encoding="utf-8").strip().split("\n\n") if block.strip()]


def split_gsd_dev(base: Path) -> tuple[str, str]:
    """GSD dev as (held-out CoNLL-U text, trainable CoNLL-U text)."""
    blocks = conllu_sentences(base / GSD_DEV)
    return "\n\n".join(blocks[:GSD_DEV_HELD_OUT]) + "\n\n", "\n\n".join(blocks[GSD_DEV_HELD_OUT:]) + "\n\n"


def conllu_docs(texts: Iterable[str], sentences_per_doc: int = 10) -> Iterator[Doc]:
    """Docs from CoNLL-U texts, several sentences per doc so the parser learns sentence bounds."""
    for text in texts:
        yield from conllu_to_docs(text, n_sents=sentences_per_doc, no_print=True)


def is_word_line(columns: list[str]) -> bool:
    """Whether a split CoNLL-U line is a word (integer ID), not a comment, range or empty node."""
    return len(columns) == 10 and columns[0].isdigit()


def rewrite_word_lines(text: str, rewrite: Callable[[list[str]], None]) -> str:
    """CoNLL-U text with `rewrite` applied, in place, to the columns of every word line."""
    lines = []
    for line in text.split("\n"):
        columns = line.split("\t")
        if is_word_line(columns):
            rewrite(columns)
            line = "\t".join(columns)
        lines.append(line)
    return "\n".join(lines)


def harmonise_compounds(text: str) -> str:
    """CoNLL-U text with noun-noun `nmod` arcs that have no case marker relabelled `compound`.

    CSUI and PUD label "kantor wali kota" or "dinas pendidikan" noun+noun as nmod, GSD labels
    them compound and keeps nmod for a dependent with a preposition or a proper-noun possessor;
    one scheme (GSD's, the reported benchmark's) keeps the parser from learning both at once.
    """
    blocks = []
    for block in text.strip().split("\n\n"):
        lines = [line.split("\t") for line in block.splitlines()]
        words = {c[0]: c for c in lines if is_word_line(c)}
        with_case = {c[6] for c in words.values() if c[7] == "case"}
        for c in words.values():
            head = words.get(c[6])
            if c[7] == "nmod" and c[3] == "NOUN" and head and head[3] in ("NOUN", "PROPN") and c[0] not in with_case:
                c[7] = "compound"
        blocks.append("\n".join("\t".join(c) for c in lines))
    return "\n\n".join(blocks) + "\n\n"


# GSD writes every lemma in lower case and lemmatises the personal pronouns "ia" and clitic
# "-nya" as "dia"; CSUI and PUD keep the word's case and the form itself.
GSD_PRONOUN_LEMMAS = {"ia": "dia", "nya": "dia"}


def harmonise_lemmas(text: str) -> str:
    """CoNLL-U text with lemmas in GSD's convention: lower case, "ia"/"-nya" pronouns as "dia"."""
    def gsd_lemma(columns: list[str]) -> None:
        lemma = columns[2].lower()
        columns[2] = GSD_PRONOUN_LEMMAS.get(lemma, lemma) if columns[3] == "PRON" else lemma

    return rewrite_word_lines(text, gsd_lemma)


def fix_punctuation(text: str) -> str:
    """CoNLL-U text with punctuation re-attached by the UD guidelines (udapi's ud.FixPunct).

    GSD follows them (35 of its 1,858 dev punct arcs change) but CSUI hangs most commas and
    quotes on the root (608 of 2,285 change), which would teach the parser both schemes.
    """
    from udapi.block.ud.fixpunct import FixPunct
    from udapi.core.document import Document

    document = Document()
    document.from_conllu_string(text.strip() + "\n\n")  # udapi needs the closing blank line
    FixPunct().run(document)
    return document.to_conllu_string()


def harmonise(text: str) -> str:
    """A non-GSD treebank's CoNLL-U text in GSD's conventions for compounds, punctuation and lemmas."""
    return harmonise_lemmas(harmonise_compounds(fix_punctuation(text)))


def ud_texts(base: Path) -> dict[str, list[str]]:
    """The CoNLL-U texts of each UD split: train, dev and test."""
    held_out, trainable = split_gsd_dev(base)
    others = [harmonise((base / name).read_text(encoding="utf-8")) for name in UD_TRAIN]
    train = others + [trainable] * GSD_TRAIN_REPEATS
    return {"train": train, "dev": [held_out], "test": [(base / n).read_text(encoding="utf-8") for n in UD_TEST]}


def map_iob_tag(tag: str) -> str:
    """An IOB tag with its label mapped onto PER/ORG/LOC; other labels become O."""
    if tag == "O" or "-" not in tag:
        return "O"
    prefix, label = tag.split("-", 1)
    mapped = NER_LABELS.get(label)
    return f"{prefix}-{mapped}" if mapped and prefix in ("B", "I") else "O"


def repair_iob(tags: list[str]) -> list[str]:
    """IOB tags where an I- that does not continue the same label starts a new entity."""
    repaired = []
    for i, tag in enumerate(tags):
        if tag.startswith("I-") and (i == 0 or repaired[i - 1][2:] != tag[2:]):
            tag = "B-" + tag[2:]
        repaired.append(tag)
    return repaired


def read_iob(path: Path, tag_column: int = -1) -> Iterator[Sentence]:
    """Sentences from a whitespace-columned IOB file (blank line between sentences)."""
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        columns = line.strip().split()
        if not columns:
            if words:
                yield Sentence(tuple(words), tuple(repair_iob(tags)))
            words, tags = [], []
            continue
        words.append(columns[0])
        tags.append(map_iob_tag(columns[tag_column]) if len(columns) > 1 else "O")
    if words:
        yield Sentence(tuple(words), tuple(repair_iob(tags)))


def ner_doc(vocab: Vocab, sentence: Sentence) -> Doc:
    """A Doc for one NER sentence, with entities set from its IOB tags."""
    return Doc(vocab, words=list(sentence.words), ents=list(sentence.tags))


def ner_docs(vocab: Vocab, files: Iterable[tuple[Path, int]]) -> Iterator[Doc]:
    """Docs for every sentence of the given IOB files."""
    for path, column in files:
        for sentence in read_iob(path, column):
            yield ner_doc(vocab, sentence)


def write_docbin(docs: Iterable[Doc], path: Path) -> int:
    """Write docs to a .spacy file and return how many were written."""
    docbin = DocBin(store_user_data=False)
    count = 0
    for doc in docs:
        docbin.add(doc)
        count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(path)
    return count


def conllu_texts(text: str) -> list[str]:
    """The `# text =` sentences of a CoNLL-U text."""
    return [line.split("=", 1)[1].strip() for line in text.splitlines() if line.startswith("# text =")]


def raw_sentences(base: Path) -> Iterator[str]:
    """Every training and development sentence of the shared corpora, as plain text."""
    for name in (*UD_TRAIN, GSD_DEV):
        yield from conllu_texts((base / "ud" / name).read_text(encoding="utf-8"))
    for name in RAW_NER_FILES:
        yield from (" ".join(sentence.words) for sentence in read_iob(base / "ner" / name))


def write_raw_text(path: Path, root: str | Path | None = None) -> int:
    """Write the raw sentences as JSONL ({"text": ...}, a few sentences a line); return the line count."""
    sentences = list(raw_sentences(data_dir(root)))
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for start in range(0, len(sentences), RAW_SENTENCES_PER_LINE):
            text = " ".join(sentences[start:start + RAW_SENTENCES_PER_LINE])
            out.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    return -(-len(sentences) // RAW_SENTENCES_PER_LINE)


def convert_all(out_dir: Path, root: str | Path | None = None) -> dict[str, int]:
    """Write ud-{train,dev,test}.spacy and ner-{train,dev,test}.spacy; return doc counts."""
    base = data_dir(root)
    vocab = Vocab()
    counts = {}
    for split, texts in ud_texts(base / "ud").items():
        counts[f"ud-{split}"] = write_docbin(conllu_docs(texts), out_dir / f"ud-{split}.spacy")
    for split, files in (("train", NER_TRAIN), ("dev", NER_DEV), ("test", NER_TEST)):
        resolved = [(base / "ner" / name, column) for name, column in files]
        counts[f"ner-{split}"] = write_docbin(ner_docs(vocab, resolved), out_dir / f"ner-{split}.spacy")
    return counts
