"""The default pipeline loads only what an extractor reads; `--analysis full` loads the rest."""

from __future__ import annotations

import pytest

from pipeline.analysis import analysis_requested
from pipeline.nlp import UNREAD_COMPONENTS, default_model_path, load_nlp

pytestmark = pytest.mark.skipif(not default_model_path().exists(), reason="no trained model in models/")


def test_default_pipeline_leaves_the_parser_out():
    nlp = load_nlp()
    assert "parser" in UNREAD_COMPONENTS
    assert "parser" not in nlp.pipe_names
    assert {"tok2vec", "morphologizer", "trainable_lemmatizer", "ner"} <= set(nlp.pipe_names)


def test_full_analysis_loads_the_parser_for_the_record():
    with analysis_requested("full"):
        nlp = load_nlp()
    assert nlp.pipe_names.index("parser") < nlp.pipe_names.index("warta_analysis")
    doc = nlp("Wali Kota Palu Hadianto Rasyid menerima kunjungan Bupati Sigi Mohamad Irwan Lapatta di ruang "
              "kerjanya, Senin. Pertemuan itu membahas penanganan banjir.")
    assert len(list(doc.sents)) == 2
    met = {p["name"] for p in doc._.meetings[0]["participants"]}
    assert met == {"Hadianto Rasyid", "Mohamad Irwan Lapatta"}
