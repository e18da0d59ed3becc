"""Tests for the Indonesian news tokenizer rules."""

from __future__ import annotations

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
    assert nlp.tokenizer.rules.keys() == saved.keys()
    assert [t.text for t in nlp("Kadis PUPR Kab. Bogor, Ir. H. Ade, S.H., M.Si. hadir Rabu(10/4) di kantornya.")] == [
        "Kadis", "PUPR", "Kab.", "Bogor", ",", "Ir.", "H.", "Ade", ",", "S.H.", ",", "M.Si.", "hadir", "Rabu", "(",
        "10/4", ")", "di", "kantor", "nya", "."]
