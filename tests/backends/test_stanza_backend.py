"""Tests for the stanza backend: stanza analyses become spaCy Docs the warta components can read."""

from __future__ import annotations

import json

import pytest
import spacy

stanza = pytest.importorskip("stanza")

from stanza.models.common.doc import Document  # noqa: E402

from pipeline.backends import stanza_backend  # noqa: E402
from pipeline.backends.stanza_backend import (  # noqa: E402
    StanzaModels,
    find_models,
    stanza_to_doc,
    warta_model_paths,
)


def word(i, text, lemma, upos, head, deprel, start=None, end=None):
    """One stanza word dict, with character offsets when it is a token of its own."""
    entry = {"id": i, "text": text, "lemma": lemma, "upos": upos, "head": head, "deprel": deprel}
    if start is not None:
        entry["misc"] = f"start_char={start}|end_char={end}"
    return entry


def annotated(text: str, sentences: list[list[dict]]) -> Document:
    """A stanza Document as a stanza pipeline would return it."""
    return Document(sentences, text=text)


@pytest.fixture
def vocab():
    return spacy.blank("id").vocab


def two_sentences() -> tuple[str, Document]:
    """'Wali Kota meninjaunya.\\n\\nIa puas.' with a multi-word token (meninjau + nya)."""
    text = "Wali Kota meninjaunya.\n\nIa puas."
    first = [
        word(1, "Wali", "wali", "NOUN", 3, "nsubj", 0, 4),
        word(2, "Kota", "kota", "PROPN", 1, "flat", 5, 9),
        {"id": (3, 4), "text": "meninjaunya", "misc": "start_char=10|end_char=21"},
        word(3, "meninjau", "tinjau", "VERB", 0, "root"),
        word(4, "nya", "nya", "PRON", 3, "obj"),
        word(5, ".", ".", "PUNCT", 3, "punct", 21, 22),
    ]
    second = [
        word(1, "Ia", "ia", "PRON", 2, "nsubj", 24, 26),
        word(2, "puas", "puas", "ADJ", 0, "root", 27, 31),
        word(3, ".", ".", "PUNCT", 2, "punct", 31, 32),
    ]
    return text, annotated(text, [first, second])


def test_doc_text_is_the_input_text_including_paragraph_breaks(vocab):
    text, sdoc = two_sentences()
    doc = stanza_to_doc(vocab, text, sdoc, has_ner=False)
    assert doc.text == text
    assert [t.text for t in doc if not t.is_space] == ["Wali", "Kota", "meninjau", "nya", ".", "Ia", "puas", "."]


def test_multiword_token_becomes_its_words_with_their_annotations(vocab):
    text, sdoc = two_sentences()
    doc = stanza_to_doc(vocab, text, sdoc, has_ner=False)
    verb, clitic = doc[2], doc[3]
    assert (verb.text, verb.lemma_, verb.pos_, verb.dep_) == ("meninjau", "tinjau", "VERB", "ROOT")
    assert (clitic.text, clitic.pos_, clitic.dep_, clitic.head.i) == ("nya", "PRON", "obj", verb.i)
    assert verb.whitespace_ == "" and doc[1].whitespace_ == " "


def test_sentences_and_heads_follow_stanza(vocab):
    text, sdoc = two_sentences()
    doc = stanza_to_doc(vocab, text, sdoc, has_ner=False)
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == ["Wali Kota meninjaunya.", "Ia puas."]
    assert doc[0].head.text == "meninjau" and doc[1].head.text == "Wali"
    assert [t.text for t in doc if t.dep_ == "ROOT"] == ["meninjau", "puas"]


def test_entities_are_copied_when_the_pipeline_has_ner(vocab):
    text = "Bupati Bogor Rudy Susmanto hadir."
    sentence = [
        word(1, "Bupati", "bupati", "NOUN", 5, "nsubj", 0, 6),
        word(2, "Bogor", "Bogor", "PROPN", 1, "nmod", 7, 12),
        word(3, "Rudy", "Rudy", "PROPN", 1, "appos", 13, 17),
        word(4, "Susmanto", "Susmanto", "PROPN", 3, "flat", 18, 26),
        word(5, "hadir", "hadir", "VERB", 0, "root", 27, 32),
        word(6, ".", ".", "PUNCT", 5, "punct", 32, 33),
    ]
    sdoc = annotated(text, [sentence])
    sdoc.set_mentions = None
    for token, tag in zip(sdoc.sentences[0].tokens, ["O", "S-LOC", "B-PER", "E-PER", "O", "O"], strict=True):
        token.ner = tag
    sdoc.build_ents()
    doc = stanza_to_doc(vocab, text, sdoc, has_ner=True)
    assert [(e.text, e.label_) for e in doc.ents] == [("Bogor", "LOC"), ("Rudy Susmanto", "PER")]
    assert not stanza_to_doc(vocab, text, sdoc, has_ner=False).ents


def test_find_models_prefers_an_explicit_directory_and_refuses_an_empty_one(tmp_path):
    with pytest.raises(FileNotFoundError):
        find_models(tmp_path)
    for name in ("tokenize", "pos", "lemma", "depparse"):
        (tmp_path / f"{name}.pt").write_bytes(b"")
    models = find_models(tmp_path)
    assert models.processors == ("tokenize", "pos", "lemma", "depparse")
    assert set(warta_model_paths(tmp_path)) == {"tokenize", "pos", "lemma", "depparse"}


def test_installed_resources_directory_lists_its_processors(tmp_path):
    for name in ("tokenize", "mwt", "pos", "lemma", "depparse"):
        (tmp_path / "id" / name).mkdir(parents=True)
        (tmp_path / "id" / name / "gsd.pt").write_bytes(b"")
    assert StanzaModels(tmp_path, {}).processors == ("tokenize", "mwt", "pos", "lemma", "depparse")


def install_fake_stanza_resources(directory) -> None:
    """A stanza resources directory that holds (empty) Indonesian models, as stanza.download('id') leaves it."""
    (directory / "resources.json").write_text("{}", encoding="utf-8")
    for name in ("tokenize", "mwt", "pos", "lemma", "depparse"):
        (directory / "id" / name).mkdir(parents=True)
        (directory / "id" / name / "gsd.pt").write_bytes(b"")


def test_installed_stanza_models_are_preferred_to_warta_own(tmp_path, monkeypatch):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    install_fake_stanza_resources(tmp_path)
    models = find_models()
    assert models.resources_dir == tmp_path and models.model_paths == {}
    assert models.processors == ("tokenize", "mwt", "pos", "lemma", "depparse")


def test_warta_trained_models_are_used_without_installed_ones(tmp_path, monkeypatch):
    monkeypatch.setenv("STANZA_RESOURCES_DIR", str(tmp_path))
    (tmp_path / "resources.json").write_text("{}", encoding="utf-8")  # stanza installed, but no Indonesian
    if set(stanza_backend.REQUIRED) - set(warta_model_paths(stanza_backend.WARTA_STANZA_DIR)):
        pytest.skip("models/stanza-id not trained")
    models = find_models()
    assert models.resources_dir == stanza_backend.WARTA_STANZA_DIR
    assert models.processors == ("tokenize", "pos", "lemma", "depparse")


def available_models() -> StanzaModels | None:
    """The stanza models the backend would load here, or None."""
    try:
        return find_models()
    except FileNotFoundError:
        return None


@pytest.mark.skipif(available_models() is None, reason="no stanza Indonesian model installed or trained")
def test_stanza_backend_analyses_a_news_sentence():
    nlp = stanza_backend.load_stanza_nlp()
    text = "Wali Kota Bogor meresmikan jembatan baru di Kecamatan Tanah Sareal, Rabu. Warga menyambutnya gembira."
    doc = nlp(text)
    assert doc.text == text
    assert len(list(doc.sents)) == 2
    assert {t.pos_ for t in doc} >= {"NOUN", "VERB", "PUNCT"}
    assert all(t.lemma_ for t in doc)
    assert sum(1 for t in doc if t.dep_ == "ROOT") == 2


@pytest.mark.skipif(available_models() is None, reason="no stanza Indonesian model installed or trained")
def test_extract_with_stanza_backend_gives_a_valid_record():
    from pipeline.extractor import Extractor
    from pipeline.schema import validation_errors

    record = Extractor(backend="stanza").extract(
        "Bupati Bogor meninjau lokasi banjir di Kecamatan Cibinong, Senin (10/4). Ia meminta warga waspada.",
        id="stanza-test", published="2023-04-10",
    )
    assert validation_errors(record) == []
    assert record["id"] == "stanza-test"


def test_share_cores_gives_each_worker_an_equal_share_of_torch_threads(monkeypatch):
    import torch

    before = torch.get_num_threads()
    monkeypatch.setattr(stanza_backend.os, "cpu_count", lambda: 8)
    try:
        assert stanza_backend.share_cores(2) == 4 and torch.get_num_threads() == 4
        assert stanza_backend.share_cores(16) == 1 and torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(before)


@pytest.mark.skipif(available_models() is None, reason="no stanza Indonesian model installed or trained")
def test_stanza_workers_write_every_record(tmp_path):
    from pipeline.runner import run_extract
    from pipeline.schema import validation_errors

    articles = tmp_path / "in.jsonl"
    texts = ["Bupati Bogor meninjau lokasi banjir di Kecamatan Cibinong, Senin (10/4).",
             "Wali Kota Bekasi Tri Adhianto membuka Musrenbang Kecamatan Bekasi Timur, Rabu (14/2/2024)."]
    articles.write_text("".join(json.dumps({"id": f"a{i}", "text": t}) + "\n" for i, t in enumerate(texts)),
                        encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = run_extract([str(articles)], out, backend="stanza", workers=2)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert summary.written == 2 and [r["id"] for r in records] == ["a0", "a1"]
    assert all(validation_errors(r) == [] for r in records)
