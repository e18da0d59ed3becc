"""Tests for the Indonesian news tokenizer rules."""

from __future__ import annotations

import json

import pytest

from pipeline.tokenizer import clitic_splits, news_nlp, nya_whole_words


@pytest.fixture(scope="module")
def nlp():
    return news_nlp()


def words(nlp, text: str) -> list[str]:
    """The token texts of text."""
    return [t.text for t in nlp(text)]


def test_titles_and_address_abbreviations_stay_whole(nlp):
    tokens = words(nlp, "Plt. Kepala Dinas PUPR Kab. Bogor, Dr. Ir. H. Ade Yasin, S.H., M.Si. meninjau Jl. Raya No. 5.")
    for abbreviation in ("Plt.", "Kab.", "Dr.", "Ir.", "H.", "S.H.", "M.Si.", "Jl.", "No."):
        assert abbreviation in tokens
    assert tokens[-2:] == ["5", "."]


def test_pj_title_and_degree_pattern(nlp):
    tokens = words(nlp, "Pj. Wali Kota Tangerang, Nurdin S.Sos., M.Ap. hadir.")
    assert tokens[0] == "Pj." and "S.Sos." in tokens and "M.Ap." in tokens


def test_sentence_final_name_loses_its_period(nlp):
    assert words(nlp, "Sambutan dibacakan oleh Budi.") [-2:] == ["Budi", "."]


def test_day_and_date_in_brackets(nlp):
    assert words(nlp, "Rabu(10/4) lalu") == ["Rabu", "(", "10/4", ")", "lalu"]
    assert words(nlp, "pada Senin (10/4/2024).") == ["pada", "Senin", "(", "10/4/2024", ")", "."]


def test_em_dash_and_quotes_are_split(nlp):
    tokens = words(nlp, 'Menurut dia—"kita siap" katanya.')
    assert tokens[:6] == ["Menurut", "dia", "—", '"', "kita", "siap"]


def test_nya_clitic_is_split_but_lexical_nya_words_stay(nlp):
    assert words(nlp, "Bupati meresmikan gedungnya kemarin") == ["Bupati", "meresmikan", "gedung", "nya", "kemarin"]
    assert words(nlp, "Sebelumnya hanya warga bertanya") == ["Sebelumnya", "hanya", "warga", "bertanya"]
    assert "sebelumnya" in nya_whole_words()


def test_question_and_focus_clitics_follow_the_list(nlp):
    assert words(nlp, "Apakah jalan itu sudah diperbaiki?")[:2] == ["Apa", "kah"]
    assert words(nlp, "Meskipun hujan, acara tetap berjalan")[:2] == ["Meski", "pun"]
    assert words(nlp, "Sekolah itu adalah masalah") == ["Sekolah", "itu", "adalah", "masalah"]
    assert all(word == host + clitic for word, host, clitic in clitic_splits())


def test_tokenization_keeps_the_text(nlp):
    text = "Wali Kota Bogor, Bima Arya—didampingi Sekda—meninjau lokasi, Kamis(12/1).\n\nIa meminta warganya waspada."
    assert nlp(text).text == text


def test_the_shipped_pipeline_adds_its_saved_rules_once():
    import srsly

    from pipeline.nlp import base_nlp, default_model_path

    saved = srsly.msgpack_loads((default_model_path() / "tokenizer").read_bytes())["exceptions"]
    nlp = base_nlp("spacy")
    words = nlp.tokenizer.token_match.__self__.words  # the hyphenated words kept whole, as a set
    assert len(words) > 15000 and "anak-anak" in words
    assert nlp.tokenizer.rules.keys() | words == saved.keys()
    assert not nlp.tokenizer.rules.keys() & words
    assert [t.text for t in nlp("Kadis PUPR Kab. Bogor, Ir. H. Ade, S.H., M.Si. hadir Rabu(10/4) di kantornya.")] == [
        "Kadis", "PUPR", "Kab.", "Bogor", ",", "Ir.", "H.", "Ade", ",", "S.H.", ",", "M.Si.", "hadir", "Rabu", "(",
        "10/4", ")", "di", "kantor", "nya", "."]


@pytest.fixture(scope="module")
def special_case_nlp():
    """The shipped pipeline's tokenizer loaded by plain spaCy: every exception a special case."""
    import spacy

    from pipeline.nlp import default_model_path

    return spacy.load(default_model_path(), exclude=["parser", "ner", "tok2vec", "morphologizer",
                                                     "trainable_lemmatizer"])


def test_whole_words_as_a_set_tokenize_as_special_cases_on_real_text(shared, special_case_nlp):
    from pipeline.nlp import base_nlp

    nlp = base_nlp("spacy")
    texts = [json.loads(line)["text"] for name in ("dev", "dev2")
             for line in (shared / "eval" / f"{name}.jsonl").open(encoding="utf-8")]
    texts += [line[len("# text = "):].strip() for path in sorted((shared / "data" / "ud").glob("*.conllu"))
              for line in path.open(encoding="utf-8") if line.startswith("# text = ")]

    def tokens(doc):
        return [(t.text, t.whitespace_, t.norm_) for t in doc]

    differing = [text[:60] for text in texts if tokens(nlp.tokenizer(text)) != tokens(special_case_nlp.tokenizer(text))]
    assert len(texts) > 3000
    assert differing == []


def test_a_reduplication_glued_to_a_comma_is_joined_again(special_case_nlp):
    from pipeline.nlp import base_nlp

    text = "Bantuan diserahkan kepada penggali kubur,anak-anak yatim serta kader-kader Posyandu."
    expected = ["penggali", "kubur", ",", "anak-anak", "yatim", "serta", "kader-kader", "Posyandu", "."]
    assert [t.text for t in base_nlp("spacy").tokenizer(text)][3:] == expected
    assert [t.text for t in special_case_nlp.tokenizer(text)][3:] == expected


def test_saving_writes_the_whole_words_back_as_exceptions():
    import srsly

    from pipeline.nlp import base_nlp, default_model_path

    saved = srsly.msgpack_loads((default_model_path() / "tokenizer").read_bytes())
    written = srsly.msgpack_loads(base_nlp("spacy").tokenizer.to_bytes(exclude=["vocab"]))
    assert written["exceptions"] == saved["exceptions"]
    assert written["token_match"] == saved["token_match"]
