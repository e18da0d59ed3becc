"""`warta train --stanza`: small stanza Indonesian models (no pretrained embeddings) into models/stanza-id.

stanza's own training entry points are used (stanza.models.tokenizer / tagger / lemmatizer /
parser, as their 1.15 command lines read) on the same UD splits as the spaCy pipeline
(pipeline/train/corpora.py): GSD test is kept out. Multi-word tokens are flattened into their
syntactic words ("menyetujuinya" -> "menyetujui" + "nya") so no MWT model is needed: the
tokenizer learns to split the clitics itself. The lemmatizer and the parser are scored on the
dev set as the tagger tagged it, and the finished pipeline is scored end to end on raw dev text.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from .corpora import data_dir, rewrite_word_lines, ud_texts

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUTPUT = REPO_ROOT / "models" / "stanza-id"
SHORTHAND = "id_warta"
PROCESSORS = ("tokenize", "pos", "lemma", "depparse")
XPOS, FEATS = 4, 5
SCORED = ("Tokens", "Sentences", "Words", "UPOS", "UFeats", "Lemmas", "UAS", "LAS")


@dataclass
class StanzaSettings:
    """Where the stanza models go and how long each trains; the defaults made the shipped models."""

    output: Path = DEFAULT_OUTPUT
    work_dir: Path = REPO_ROOT / ".work" / "train" / "stanza"
    data_root: Path | None = None
    # Sized to finish in ~12 minutes on one shared CPU thread (tokenizer 2, tagger 4, lemmatizer 1, parser 5)
    # at dev UPOS ~0.92 / LAS ~0.66, with the four models under 20 MB; more steps buy little.
    tokenize_steps: int = 1000
    pos_steps: int = 700
    pos_batch_sentences: int = 32
    lemma_epochs: int = 1
    lemma_batch_words: int = 50
    depparse_steps: int = 300
    depparse_batch_tokens: int = 2000
    word_emb_dim: int = 75
    word_cutoff: int = 2
    seed: int = 42
    threads: int = 1


def flatten_sentence(lines: list[str]) -> list[str]:
    """A CoNLL-U sentence without multi-word-token lines; the words inherit the token's spacing."""
    out: list[str] = []
    space_after_no_until = 0
    last_of_range: dict[int, str] = {}
    for line in lines:
        cols = line.split("\t")
        if line.startswith("#") or len(cols) != 10:
            out.append(line)
            continue
        if "." in cols[0]:
            continue
        if "-" in cols[0]:
            first, last = (int(x) for x in cols[0].split("-"))
            space_after_no_until = last
            last_of_range[last] = cols[9]
            continue
        index = int(cols[0])
        misc = [m for m in cols[9].split("|") if m not in ("_", "")]
        if index <= space_after_no_until:  # a word of a multi-word token: spacing comes from the token
            misc = [m for m in misc if not m.startswith("SpaceAfter=")]
            if index in last_of_range:
                misc += [m for m in last_of_range[index].split("|") if m.startswith("SpaceAfter=")]
            else:
                misc.append("SpaceAfter=No")
        cols[9] = "|".join(misc) or "_"
        out.append("\t".join(cols))
    return out


def flatten_conllu(text: str) -> str:
    """A whole CoNLL-U text with its multi-word tokens flattened."""
    sentences = [block.splitlines() for block in text.strip().split("\n\n") if block.strip()]
    return "\n\n".join("\n".join(flatten_sentence(s)) for s in sentences) + "\n\n"


def blank_columns(text: str, columns: tuple[int, ...]) -> str:
    """CoNLL-U text with the given (0-based) columns of every word line set to `_`."""
    def blank(words: list[str]) -> None:
        for column in columns:
            words[column] = "_"

    return rewrite_word_lines(text, blank)


def prepare_data(work_dir: Path, data_root: Path | None = None) -> dict[str, Path]:
    """Flattened train/dev CoNLL-U, raw text and tokenizer labels under work_dir."""
    from stanza.utils.datasets import prepare_tokenizer_data
    from stanza.utils.datasets.conllu_to_text import convert_text

    base = data_dir(data_root) / "ud"
    work_dir.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}
    splits = ud_texts(base)
    for split in ("train", "dev"):
        # XPOS is dropped: GSD (MorphInd), CSUI and PUD use three different tagsets, so a shared
        # XPOS head only learns noise, feeds it to the parser, and drowns the dev score in it.
        text = blank_columns("".join(flatten_conllu(t) for t in splits[split]), (XPOS,))
        conllu = work_dir / f"{split}.conllu"
        conllu.write_text(text, encoding="utf-8")
        txt = work_dir / f"{split}.txt"
        convert_text(str(conllu), str(txt))
        labels = work_dir / f"{split}.toklabels"
        mwt = work_dir / f"{split}-mwt.json"
        prepare_tokenizer_data.main([str(txt), str(conllu), "-o", str(labels), "-m", str(mwt)])
        files.update({f"{split}_conllu": conllu, f"{split}_txt": txt, f"{split}_labels": labels})
    # The tagger picks its checkpoint on the only tag column its dev file has: UPOS, what warta reads.
    files["dev_upos"] = work_dir / "dev-upos.conllu"
    files["dev_upos"].write_text(blank_columns(files["dev_conllu"].read_text(encoding="utf-8"), (FEATS,)),
                                 encoding="utf-8")
    return files


def run_module(module: str, args: list[str], log_path: Path, threads: int) -> None:
    """Run one stanza training module in a subprocess, logging to log_path."""
    env = {**os.environ, "OMP_NUM_THREADS": str(threads), "MKL_NUM_THREADS": str(threads)}
    with log_path.open("w", encoding="utf-8") as out:
        subprocess.run([sys.executable, "-m", module, *args], stdout=out, stderr=subprocess.STDOUT, env=env, check=True)


def tokenizer_args(settings: StanzaSettings, files: dict[str, Path]) -> list[str]:
    """stanza.models.tokenizer arguments: a small character model, early-stopped on dev token+sentence F1."""
    work = settings.work_dir
    return [
        "--save_name", "tokenize.pt",
        "--txt_file", str(files["train_txt"]), "--label_file", str(files["train_labels"]),
        "--dev_txt_file", str(files["dev_txt"]), "--dev_label_file", str(files["dev_labels"]),
        "--dev_conll_gold", str(files["dev_conllu"]), "--conll_file", str(work / "dev.tokenized.conllu"),
        # stanza 1.15 reads the (empty: tokens are flattened) MWT dictionary even with --no_use_mwt
        "--mwt_json_file", str(work / "train-mwt.json"), "--no_use_mwt",
        "--steps", str(settings.tokenize_steps), "--eval_steps", "250",
    ]


def tagger_args(settings: StanzaSettings, files: dict[str, Path]) -> list[str]:
    """stanza.models.tagger arguments: one small BiLSTM layer predicting UPOS and features."""
    return [
        "--save_name", "pos.pt", "--no_pretrain",
        "--train_file", str(files["train_conllu"]), "--eval_file", str(files["dev_upos"]),
        "--output_file", str(settings.work_dir / "dev.pos.conllu"),
        "--max_steps", str(settings.pos_steps), "--eval_interval", "100", "--fix_eval_interval",
        "--batch_size", str(settings.pos_batch_sentences),
        "--word_emb_dim", str(settings.word_emb_dim), "--word_cutoff", str(settings.word_cutoff),
        "--num_layers", "1", "--hidden_dim", "128", "--char_hidden_dim", "100",
        "--deep_biaff_hidden_dim", "100", "--composite_deep_biaff_hidden_dim", "50", "--dropout", "0.33",
    ]


def tag_dev_args(files: dict[str, Path]) -> list[str]:
    """stanza.models.tagger arguments that tag dev with the trained model, for scoring what follows it."""
    return [
        "--mode", "predict", "--save_name", "pos.pt", "--no_pretrain",
        "--eval_file", str(files["dev_conllu"]), "--output_file", str(files["dev_tagged"]),
    ]


def lemmatizer_args(settings: StanzaSettings, files: dict[str, Path]) -> list[str]:
    """stanza.models.lemmatizer arguments: the dictionary plus a small seq2seq for unseen words."""
    return [
        "--save_name", "lemma.pt",
        "--train_file", str(files["train_conllu"]), "--eval_file", str(files["dev_tagged"]),
        "--output_file", str(settings.work_dir / "dev.lemma.conllu"),
        "--num_epoch", str(settings.lemma_epochs), "--batch_size", str(settings.lemma_batch_words),
        "--hidden_dim", "100", "--log_step", "200",
    ]


def parser_args(settings: StanzaSettings, files: dict[str, Path]) -> list[str]:
    """stanza.models.parser arguments: a small biaffine parser (gold tags in training, the tagger's on dev)."""
    return [
        "--save_name", "depparse.pt", "--no_pretrain", "--no_checkpoint",
        "--train_file", str(files["train_conllu"]), "--eval_file", str(files["dev_tagged"]),
        "--output_file", str(settings.work_dir / "dev.depparse.conllu"),
        "--max_steps", str(settings.depparse_steps), "--eval_interval", "100",
        "--batch_size", str(settings.depparse_batch_tokens),
        "--word_emb_dim", str(settings.word_emb_dim), "--word_cutoff", str(settings.word_cutoff),
        "--num_layers", "2", "--hidden_dim", "150", "--char_hidden_dim", "100",
        "--deep_biaff_hidden_dim", "100", "--dropout", "0.33",
    ]


def dev_scores(models: dict[str, Path], files: dict[str, Path], pretokenized: bool) -> dict[str, float]:
    """F1 of the trained pipeline on dev: from raw text, or from the gold words and sentences."""
    from stanza.models.common.utils import ud_scores
    from stanza.utils.conll import CoNLL

    from ..backends.stanza_backend import StanzaModels, build_stanza_pipeline

    gold = files["dev_conllu"]
    if pretokenized:
        text = [[c.split("\t")[1] for c in block.splitlines() if c[:1].isdigit()]
                for block in gold.read_text(encoding="utf-8").strip().split("\n\n")]
    else:
        text = files["dev_txt"].read_text(encoding="utf-8")
    nlp = build_stanza_pipeline(StanzaModels(models["tokenize"].parent, models), tokenize_pretokenized=pretokenized)
    system = gold.with_name(f"dev.{'words' if pretokenized else 'text'}.pipeline.conllu")
    CoNLL.write_doc2conll(nlp(text), str(system))
    evaluation = ud_scores(str(gold), str(system))
    return {name: round(evaluation[name].f1, 4) for name in SCORED}


def training_steps(settings: StanzaSettings, files: dict[str, Path]) -> list[tuple[str, str, list[str]]]:
    """(stanza module, log name, command line) of each training run, in order."""
    common = ["--shorthand", SHORTHAND, "--save_dir", str(settings.output), "--seed", str(settings.seed), "--cpu"]
    return [
        ("stanza.models.tokenizer", "tokenize", [*common, "--mode", "train", "--lang", "id",
                                                 *tokenizer_args(settings, files)]),
        ("stanza.models.tagger", "pos", [*common, "--mode", "train", "--lang", "id", *tagger_args(settings, files)]),
        ("stanza.models.tagger", "pos.dev", [*common, "--lang", "id", *tag_dev_args(files)]),
        ("stanza.models.lemmatizer", "lemma", [*common, "--mode", "train", *lemmatizer_args(settings, files)]),
        ("stanza.models.parser", "depparse", [*common, "--mode", "train", "--lang", "id",
                                              *parser_args(settings, files)]),
    ]


def train_stanza(settings: StanzaSettings) -> dict[str, str]:
    """Train tokenize, pos, lemma and depparse models, score them on dev and return their paths."""
    started = time.monotonic()
    if not log.level:  # a 20-minute job says what it is doing, even under the CLI's default WARNING level
        log.setLevel(logging.INFO)
    work, out = settings.work_dir, settings.output
    files = prepare_data(work, settings.data_root)
    files["dev_tagged"] = work / "dev.tagged.conllu"
    out.mkdir(parents=True, exist_ok=True)
    for module, name, args in training_steps(settings, files):
        log.info("stanza: %s (log: %s)", name, work / f"{name}.log")
        run_module(module, args, work / f"{name}.log", settings.threads)
    models = {p: out / f"{p}.pt" for p in PROCESSORS}
    seconds = round(time.monotonic() - started)
    scores = {"gold_words": dev_scores(models, files, pretokenized=True),
              "raw_text": dev_scores(models, files, pretokenized=False)}
    log.info("stanza dev scores: %s", json.dumps(scores))
    write_metadata(settings, models, scores, seconds)
    return {p: str(path) for p, path in models.items()}


def write_metadata(settings: StanzaSettings, models: dict[str, Path], scores: dict, seconds: int) -> None:
    """meta.json (settings, dev scores, sizes), an empty resources.json and a README beside the models."""
    import stanza

    out = settings.output
    meta = {
        "stanza": stanza.__version__, "training_seconds": seconds,
        "settings": {k: str(v) if isinstance(v, Path) else v for k, v in asdict(settings).items()
                     if k not in ("output", "work_dir", "data_root")},
        "dev": "first 120 sentences of UD GSD dev (the rest of it, CSUI and PUD are trained on)",
        "dev_scores": scores, "sizes": {p: path.stat().st_size for p, path in models.items()},
    }
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    (out / "resources.json").write_text("{}\n", encoding="utf-8")
    (out / "README.txt").write_text(
        "stanza Indonesian models trained by `warta train --stanza-only` (no pretrained embeddings) on UD CSUI "
        "train+test, PUD and GSD dev minus its first 120 sentences (CC BY-SA 4.0); GSD test is never trained on. "
        "Loaded by pipeline/backends/stanza_backend.py. Dev scores and settings: meta.json.\n", encoding="utf-8")
