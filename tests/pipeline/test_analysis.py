"""`--analysis full`: tokens with UPOS, lemma, head and relation in the record; CoNLL-U export."""

from __future__ import annotations

import json

import pytest

from pipeline.analysis import analysis_level, analysis_requested, record_conllu, write_conllu
from pipeline.schema import validation_errors

ARTICLE = ("BOGOR - Bupati Bogor Ade Yasin meresmikan jembatan gantung di Desa Cibinong, Senin (5/6/2023). "
           "Jembatan itu dibangun dengan dana desa dan menghubungkan dua kampung yang lama terpisah sungai.")


@pytest.fixture(scope="module")
def full_extractor():
    from pipeline.extractor import Extractor

    with analysis_requested("full"):
        return Extractor()


@pytest.fixture(scope="module")
def record(full_extractor):
    return full_extractor.extract(ARTICLE, id="bogor-1")


def test_every_token_has_its_tag_lemma_and_a_head_in_its_sentence(record):
    sentences = record["analysis"]
    assert len(sentences) >= 2
    for sentence in sentences:
        tokens = sentence["tokens"]
        assert [t["id"] for t in tokens] == list(range(1, len(tokens) + 1))
        assert sum(t["head"] == 0 for t in tokens) >= 1
        assert all(0 <= t["head"] <= len(tokens) and t["deprel"] for t in tokens)
        assert all(record["text"][t["start"]:t["end"]] == t["text"] for t in tokens)
    words = {t["text"]: t for s in sentences for t in s["tokens"]}
    assert words["meresmikan"]["upos"] == "VERB" and words["Bogor"]["upos"] == "PROPN"
    assert words["jembatan"]["lemma"] == "jembatan"


def test_the_analysed_record_keeps_the_schema_and_the_extractors_findings(record, extractor):
    assert validation_errors(record) == []
    plain = extractor.extract(ARTICLE, id="bogor-1")
    assert "analysis" not in plain
    assert {k: v for k, v in record.items() if k != "analysis"} == plain


def test_conllu_has_ten_columns_and_marks_glued_tokens(record, tmp_path):
    text = record_conllu(record)
    blocks = [b for b in text.strip().split("\n\n") if b]
    assert len(blocks) == len(record["analysis"])
    assert blocks[0].startswith("# sent_id = bogor-1-1\n# text = BOGOR - Bupati Bogor")
    rows = [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]
    assert all(len(row) == 10 for row in rows)
    assert ["Cibinong", "SpaceAfter=No"] == [rows[[r[1] for r in rows].index("Cibinong")][i] for i in (1, 9)]
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(record) + "\n" + json.dumps({"id": "plain", "text": "x"}) + "\n")
    assert write_conllu(records, tmp_path / "out.conllu") == 1
    assert (tmp_path / "out.conllu").read_text().startswith("# newdoc id = bogor-1\n# sent_id = bogor-1-1")


def test_an_unknown_level_is_refused_and_the_request_does_not_leak():
    with pytest.raises(ValueError, match="analysis level"):
        analysis_level("deep")
    with analysis_requested("full"):
        assert analysis_level() == "full"
    assert analysis_level() == "none"


def test_extract_verb_writes_records_with_analysis_and_the_conllu(tmp_path):
    from pipeline.cli import main

    source = tmp_path / "bogor.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    out, conllu = tmp_path / "records.jsonl", tmp_path / "records.conllu"
    assert main(["extract", str(source), "-o", str(out), "--conllu", str(conllu), "--quiet"]) == 0
    record = json.loads(out.read_text(encoding="utf-8"))
    assert record["analysis"] and conllu.read_text(encoding="utf-8") == (
        f"# newdoc id = {record['id']}\n" + record_conllu(record))
    assert main(["extract", str(source), "-o", "-", "--conllu", str(conllu), "--quiet"]) == 2
