"""The three-letter PREFIX attribute the shipped pipeline embeds."""

from __future__ import annotations

import spacy
from spacy.lang.id import Indonesian

from pipeline.affixes import indonesian_prefix, make_indonesian_affixes


def test_prefix_keeps_the_indonesian_verb_and_noun_prefixes_apart():
    assert [indonesian_prefix(w) for w in ("menyampaikan", "diresmikan", "berkoordinasi", "masjid")] == [
        "men", "dir", "ber", "mas"]
    assert indonesian_prefix("di") == "di"


def test_callback_gives_a_new_pipeline_three_letter_prefixes(monkeypatch):
    # The callback changes the class's defaults; monkeypatch puts them back after the test.
    monkeypatch.setattr(Indonesian.Defaults, "lex_attr_getters", Indonesian.Defaults.lex_attr_getters)
    before_creation = make_indonesian_affixes()
    assert before_creation(Indonesian) is Indonesian  # spaCy requires the same class back
    nlp = spacy.blank("id")
    doc = nlp("Wali Kota menyampaikan bahwa jembatan itu diresmikan pada Senin.")
    assert [t.prefix_ for t in doc if t.text in ("menyampaikan", "diresmikan")] == ["men", "dir"]


def test_the_callback_is_found_through_the_registry():
    assert spacy.registry.callbacks.get("warta.indonesian_affixes.v1") is make_indonesian_affixes
