"""The learned program span model: suggester, features and a fit that separates names from phrases."""

from __future__ import annotations

import numpy as np
import spacy

from pipeline.programs import rule_candidates
from pipeline.programs_spans import SpanModel, doc_examples, select, span_found, suggest
from pipeline.train.cv_programs import fit

NLP = spacy.blank("id")


def texts_of(doc, spans):
    """Span texts of token spans."""
    return [doc[s:e].text for s, e in spans]


def test_suggester_proposes_names_with_their_parenthesis_and_phrases_after_a_cue():
    doc = NLP("Inovasi unggulan di antaranya Sibelaku (Sistem Informasi Kebencanaan Daerah) dan "
              "program sarapan pagi anak sekolah di Kabupaten Kulon Progo.")
    spans = texts_of(doc, suggest(doc, []))
    assert "Sibelaku (Sistem Informasi Kebencanaan Daerah)" in spans
    assert "sarapan pagi anak sekolah" in spans
    assert "Kabupaten Kulon Progo" in spans


def test_rule_spans_are_suggested_and_named_as_features():
    text = "Tiga program unggulan, yakni Papua Barat Cerdas, Papua Barat Sehat, dan Papua Barat Produktif."
    doc = NLP(text)
    examples = doc_examples(doc, rule_candidates(text))
    assert {"Papua Barat Cerdas", "Papua Barat Sehat", "Papua Barat Produktif"} <= {e.text for e in examples}
    assert all(len(e.sparse) > 5 for e in examples)


def test_fit_ranks_program_names_above_places_and_keeps_one_of_overlapping_spans():
    sentences = [
        ("Pemkab meluncurkan aplikasi Simonela di Kabupaten Kolaka Timur.", "Simonela"),
        ("Pemkot meluncurkan aplikasi Sipandu di Kota Bekasi.", "Sipandu"),
        ("Dinas memperkenalkan aplikasi Sidalih di Kabupaten Bantul.", "Sidalih"),
        ("Bupati meresmikan aplikasi Silacak di Kota Palu.", "Silacak"),
    ]
    examples = []
    for i, (text, name) in enumerate(sentences):
        for ex in doc_examples(NLP(text), [], i):
            ex.label = float(ex.text == name)
            examples.append(ex)
    model = fit(examples, steps=150)
    doc = NLP("Camat memamerkan aplikasi Simpel di Kabupaten Sleman.")
    test = doc_examples(doc, [])
    probs = model.scores(test)
    by_text = dict(zip((e.text for e in test), probs, strict=True))
    assert by_text["Simpel"] > by_text["Kabupaten Sleman"]
    chosen = select(test, probs, 0.5)
    assert [c.text for c in chosen] == ["Simpel"]
    assert span_found(chosen[0]).name == "Simpel"


def test_model_round_trips_through_its_file(tmp_path):
    model = SpanModel(np.linspace(-1, 1, 1 << 16, dtype=np.float32), np.zeros(0, np.float32), 0.25, 0.6)
    model.save(tmp_path)
    loaded = SpanModel.load(tmp_path)
    assert loaded.threshold == 0.6 and loaded.bias == 0.25
    assert np.allclose(loaded.sparse_weights, model.sparse_weights, atol=1e-3)
