"""Tests for the training package: corpus conversion, stanza data preparation, the shipped pipeline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from pipeline.cli.evaluate import format_report
from pipeline.train.corpora import (
    NER_TEST,
    UD_TEST,
    UD_TRAIN,
    conllu_texts,
    data_dir,
    fix_punctuation,
    harmonise_compounds,
    harmonise_lemmas,
    map_iob_tag,
    ner_doc,
    read_iob,
    repair_iob,
    write_raw_text,
)
from pipeline.train.driver import save
from pipeline.train.stanza_train import StanzaSettings, blank_columns, flatten_conllu, training_steps

REPO = Path(__file__).resolve().parents[2]
MODEL = REPO / "models" / "warta-id-core"
STANZA_MODELS = REPO / "models" / "stanza-id"

CONLLU_WITH_MWT = """# text = Bupati meninjaunya, Senin.
1\tBupati\tbupati\tNOUN\t_\t_\t3\tnsubj\t_\t_
2-3\tmeninjaunya\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No
2\tmeninjau\ttinjau\tVERB\t_\t_\t0\troot\t_\t_
3\tnya\tnya\tPRON\t_\t_\t2\tobj\t_\t_
4\t,\t,\tPUNCT\t_\t_\t5\tpunct\t_\t_
5\tSenin\tSenin\tPROPN\t_\t_\t2\tobl\t_\tSpaceAfter=No
6\t.\t.\tPUNCT\t_\t_\t2\tpunct\t_\t_
"""


def test_ner_labels_are_mapped_onto_per_org_loc():
    assert [map_iob_tag(t) for t in ("B-PERSON", "I-PER", "B-ORGANISATION", "I-PLACE", "O")] == [
        "B-PER", "I-PER", "B-ORG", "I-LOC", "O"]
    assert map_iob_tag("B-EVT") == "O"


def test_stray_inside_tags_start_a_new_entity():
    assert repair_iob(["O", "I-ORG", "I-ORG", "I-LOC"]) == ["O", "B-ORG", "I-ORG", "B-LOC"]
    assert repair_iob(["B-PER", "I-PER"]) == ["B-PER", "I-PER"]


def test_read_iob_handles_crlf_and_three_columns(tmp_path):
    path = tmp_path / "train.txt"
    path.write_bytes(b"Gubernur NOUN O\r\nAnies PROPN B-PER\r\nBaswedan PROPN I-PER\r\n\r\n"
                     b"Pemprov PROPN B-ORG\r\nDKI PROPN I-ORG\r\n")
    sentences = list(read_iob(path))
    assert [s.words for s in sentences] == [("Gubernur", "Anies", "Baswedan"), ("Pemprov", "DKI")]
    doc = ner_doc(spacy.blank("id").vocab, sentences[0])
    assert [(e.text, e.label_) for e in doc.ents] == [("Anies Baswedan", "PER")]


CSUI_STYLE = """# text = Kepala dinas pendidikan datang, lalu rapat di kantor.
1\tKepala\tkepala\tNOUN\t_\t_\t4\tnsubj\t_\t_
2\tdinas\tdinas\tNOUN\t_\t_\t1\tnmod\t_\t_
3\tpendidikan\tpendidikan\tNOUN\t_\t_\t2\tnmod\t_\t_
4\tdatang\tdatang\tVERB\t_\t_\t0\troot\t_\tSpaceAfter=No
5\t,\t,\tPUNCT\t_\t_\t4\tpunct\t_\t_
6\tlalu\tlalu\tCCONJ\t_\t_\t7\tcc\t_\t_
7\trapat\trapat\tVERB\t_\t_\t4\tconj\t_\t_
8\tdi\tdi\tADP\t_\t_\t9\tcase\t_\t_
9\tkantor\tkantor\tNOUN\t_\t_\t7\tnmod\t_\tSpaceAfter=No
10\t.\t.\tPUNCT\t_\t_\t4\tpunct\t_\t_
"""


def columns(conllu: str, column: int) -> list[str]:
    """One column of every word line."""
    return [line.split("\t")[column] for line in conllu.splitlines() if line and not line.startswith("#")]


def test_pretraining_text_holds_no_test_sentence_of_its_own(tmp_path):
    lines = write_raw_text(tmp_path / "raw.jsonl")
    rows = [json.loads(line) for line in (tmp_path / "raw.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == lines > 1000
    raw = " ".join(row["text"] for row in rows)
    assert "Bappenas" in raw and "kata dia" in raw  # a cased treebank sentence and a lower-cased NERP one
    ud = data_dir() / "ud"
    trained = {s for name in UD_TRAIN for s in conllu_texts((ud / name).read_text(encoding="utf-8"))}
    held_out = [s for s in conllu_texts((ud / UD_TEST[0]).read_text(encoding="utf-8")) if s not in trained]
    held_out += [" ".join(s.words) for s in read_iob(data_dir() / "ner" / NER_TEST[0][0])]
    lines_text = {row["text"] for row in rows}
    assert not any(sentence in text for sentence in held_out[::7] for text in lines_text)


def test_pretrained_token_vectors_are_what_ud_training_starts_from(tmp_path):
    from spacy.training import Example

    from pipeline.train.driver import CONFIG_DIR, pretrain_tok2vec

    write_raw_text(tmp_path / "all.jsonl")
    raw = tmp_path / "raw.jsonl"
    raw.write_text("\n".join((tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()[:6]) + "\n",
                   encoding="utf-8")
    weights = pretrain_tok2vec(CONFIG_DIR / "ud.cfg", tmp_path / "pretrain", raw, epochs=1, seed=0)
    config = spacy.util.load_config(CONFIG_DIR / "ud.cfg",
                                    overrides={"paths.raw_text": str(raw), "paths.init_tok2vec": str(weights)})
    nlp = spacy.util.load_model_from_config(config, auto_fill=True)
    doc = nlp.make_doc("Bupati meninjau jembatan.")
    gold = {"heads": [1, 1, 1, 1], "deps": ["nsubj", "ROOT", "obj", "punct"],
            "pos": ["NOUN", "VERB", "NOUN", "PUNCT"], "lemmas": ["bupati", "tinjau", "jembatan", "."]}
    nlp.initialize(lambda: [Example.from_dict(doc, gold)] * 5)  # the lemmatizer needs a tree seen 3 times
    assert nlp.get_pipe("tok2vec").model.to_bytes() == weights.read_bytes()
    assert [t.prefix_ for t in nlp("Bupati meninjau")] == ["Bup", "men"]


def test_lemmas_follow_gsd_lower_case_and_pronoun_convention():
    lemmas = [line.split("\t")[2] for line in harmonise_lemmas(CONLLU_WITH_MWT).splitlines()
              if line[:1].isdigit() and "-" not in line.split("\t")[0]]
    assert lemmas == ["bupati", "tinjau", "dia", ",", "senin", "."]


def test_noun_noun_nmod_without_a_preposition_becomes_compound():
    relations = columns(harmonise_compounds(CSUI_STYLE), 7)
    assert relations[1:3] == ["compound", "compound"]  # dinas pendidikan: no case marker
    assert relations[8] == "nmod"  # di kantor keeps nmod


def test_comma_before_a_conjunct_attaches_to_the_conjunct():
    heads = columns(fix_punctuation(CSUI_STYLE), 6)
    assert heads[4] == "7" and heads[9] == "4"  # the comma goes to "rapat", the full stop stays on the root


def test_flatten_conllu_keeps_words_and_moves_spacing_from_the_token():
    lines = [line for line in flatten_conllu(CONLLU_WITH_MWT).splitlines() if line and not line.startswith("#")]
    assert [line.split("\t")[1] for line in lines] == ["Bupati", "meninjau", "nya", ",", "Senin", "."]
    misc = {line.split("\t")[1]: line.split("\t")[9] for line in lines}
    assert misc["meninjau"] == "SpaceAfter=No" and misc["nya"] == "SpaceAfter=No"
    assert misc["Bupati"] == "_" and misc["Senin"] == "SpaceAfter=No"


def test_blank_columns_clears_a_column_of_word_lines_only():
    text = blank_columns(CONLLU_WITH_MWT, (4, 5))
    assert text.splitlines()[0] == "# text = Bupati meninjaunya, Senin."
    words = [line.split("\t") for line in text.splitlines()[1:] if line]
    assert {(w[4], w[5]) for w in words} == {("_", "_")}
    assert [w[3] for w in words][:2] == ["NOUN", "_"] and words[0][2] == "bupati"


def test_stanza_training_command_lines_parse_with_the_installed_stanza(tmp_path):
    # stanza's argparse exits on an unknown argument (as `--gold_file` once did in the lemmatizer).
    pytest.importorskip("stanza")
    import importlib

    settings = StanzaSettings(output=tmp_path / "out", work_dir=tmp_path / "work")
    names = ("train_txt", "train_labels", "train_conllu", "dev_txt", "dev_labels", "dev_conllu", "dev_upos",
             "dev_tagged")
    files = {name: tmp_path / name for name in names}
    steps = training_steps(settings, files)
    assert [name for _, name, _ in steps] == ["tokenize", "pos", "pos.dev", "lemma", "depparse"]
    for module, _, args in steps:
        parsed = vars(importlib.import_module(module).build_argparse().parse_args(args))
        assert parsed["seed"] == settings.seed and parsed["save_dir"] == str(settings.output)
        assert parsed.get("pretrain", False) is False


needs_stanza_models = pytest.mark.skipif(not (STANZA_MODELS / "meta.json").exists(),
                                         reason="models/stanza-id not trained")


@needs_stanza_models
def test_shipped_stanza_models_come_from_the_default_settings_and_meet_their_targets():
    meta = json.loads((STANZA_MODELS / "meta.json").read_text(encoding="utf-8"))
    defaults = {k: v for k, v in vars(StanzaSettings()).items() if k not in ("output", "work_dir", "data_root")}
    assert meta["settings"] == defaults
    scores = meta["dev_scores"]["gold_words"]
    assert scores["UPOS"] >= 0.85 and scores["LAS"] >= 0.55
    assert meta["dev_scores"]["raw_text"]["Tokens"] >= 0.95
    assert sum(f.stat().st_size for f in STANZA_MODELS.rglob("*") if f.is_file()) < 30 * 1024 * 1024


def test_throughput_counts_every_word_of_every_pass():
    from pipeline.nlp import rules_nlp
    from pipeline.train.evaluate import dev_texts, throughput

    texts, nlp = dev_texts()[:5], rules_nlp()
    result = throughput(nlp, texts, passes=3)
    assert result["words"] == sum(sum(1 for t in nlp(text) if not t.is_space) for text in texts)
    assert result["passes"] == 3 and result["words_per_second"] > 0


def test_report_table_has_one_column_per_backend():
    reports = [{"backend": "spacy", "gsd_test": {"pos_acc": 0.93}, "throughput": {"words_per_second": 9000.0}},
               {"backend": "rules", "gsd_test": {"pos_acc": None}}]
    table = format_report(reports)
    upos = next(line for line in table.splitlines() if line.startswith("UPOS"))
    assert "0.930" in upos and upos.rstrip().endswith("-")


needs_model = pytest.mark.skipif(not (MODEL / "meta.json").exists(), reason="models/warta-id-core not trained")


@needs_model
def test_shipped_pipeline_loads_with_plain_spacy_and_meets_its_targets():
    # A fresh interpreter that never imports `pipeline` itself: spaCy finds the one custom callback
    # (the three-letter PREFIX attribute) through warta's spacy_callbacks entry point.
    script = (
        f"import json, spacy; nlp = spacy.load({str(MODEL)!r}); "
        "doc = nlp('Plt. Bupati Bogor, Dr. H. Burhanudin, M.Si. meninjau Jl. Raya Tegar Beriman, Rabu (10/4).'); "
        "print(json.dumps({'pipes': nlp.pipe_names, 'tokens': [t.text for t in doc]}))"
    )
    out = json.loads(subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout)
    assert {"morphologizer", "trainable_lemmatizer", "parser", "ner"} <= set(out["pipes"])
    assert {"Plt.", "Dr.", "H.", "M.Si.", "Jl.", "10/4"} <= set(out["tokens"])
    meta = json.loads((MODEL / "meta.json").read_text(encoding="utf-8"))
    assert meta["performance"]["gsd_test"]["pos_acc"] >= 0.90
    assert meta["performance"]["idner_test"]["ents_f"] >= 0.80
    assert sum(f.stat().st_size for f in MODEL.rglob("*") if f.is_file()) < 50 * 1024 * 1024


def test_saved_pipeline_forgets_the_training_paths(tmp_path):
    nlp = spacy.blank("id")
    config = nlp.config
    config["paths"]["train"] = str(tmp_path / "corpus" / "ud-train.spacy")
    nlp.config = config
    save(nlp, tmp_path / "model")
    assert spacy.util.load_config(tmp_path / "model" / "config.cfg")["paths"]["train"] is None
    assert spacy.load(tmp_path / "model").lang == "id"


@needs_model
def test_shipped_pipeline_config_names_no_file_of_the_training_machine():
    # `warta train` blanks [paths] before saving; a retrained model saved any other way would
    # carry the trainer's scratch paths (and look as if loading needed them).
    config = spacy.util.load_config(MODEL / "config.cfg", interpolate=False)
    assert set(config["paths"]) >= {"train", "dev", "init_tok2vec", "raw_text"}
    assert all(value is None for value in config["paths"].values())


@needs_model
def test_shipped_pipeline_finds_people_places_and_a_parse():
    nlp = spacy.load(MODEL)
    doc = nlp("Wali Kota Surabaya Eri Cahyadi meninjau pembangunan jembatan di Kecamatan Rungkut, Senin. "
              "Ia meminta Dinas PU segera menyelesaikannya.")
    labels = {e.label_ for e in doc.ents}
    assert "PER" in labels and "LOC" in labels
    assert len(list(doc.sents)) == 2
    assert sum(1 for t in doc if t.dep_ == "ROOT") == 2
    assert any(t.pos_ == "VERB" and t.lemma_ for t in doc)
