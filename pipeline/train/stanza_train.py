"""`warta train --stanza`: small stanza Indonesian models (no pretrained embeddings) into models/stanza-id.

stanza's own training entry points are used (stanza.models.tokenizer / tagger / lemmatizer /
parser) on the same UD splits as the spaCy pipeline (pipeline/train/corpora.py): GSD test is
kept out. Multi-word tokens are flattened
into their syntactic words ("menyetujuinya" -> "menyetujui" + "nya") so no MWT model is needed:
the tokenizer learns to split the clitics itself.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .corpora import data_dir, ud_texts

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_OUTPUT = REPO_ROOT / "models" / "stanza-id"
SHORTHAND = "id_warta"


@dataclass
class StanzaSettings:
    """Where the stanza models go and how long each may train."""

    output: Path = DEFAULT_OUTPUT
    work_dir: Path = REPO_ROOT / ".work" / "train" / "stanza"
    data_root: Path | None = None
    tokenize_steps: int = 500
    pos_steps: int = 150
    lemma_epochs: int = 1
    depparse_steps: int = 200
    batch_sentences: int = 32
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


def prepare_data(work_dir: Path, data_root: Path | None = None) -> dict[str, Path]:
    """Flattened train/dev CoNLL-U, raw text and tokenizer labels under work_dir."""
    from stanza.utils.datasets import prepare_tokenizer_data
    from stanza.utils.datasets.conllu_to_text import convert_text

    base = data_dir(data_root) / "ud"
    work_dir.mkdir(parents=True, exist_ok=True)
    files: dict[str, Path] = {}
    splits = ud_texts(base)
    for split in ("train", "dev"):
        conllu = work_dir / f"{split}.conllu"
        conllu.write_text("".join(flatten_conllu(text) for text in splits[split]), encoding="utf-8")
        txt = work_dir / f"{split}.txt"
        convert_text(str(conllu), str(txt))
        labels = work_dir / f"{split}.toklabels"
        mwt = work_dir / f"{split}-mwt.json"
        prepare_tokenizer_data.main([str(txt), str(conllu), "-o", str(labels), "-m", str(mwt)])
        files.update({f"{split}_conllu": conllu, f"{split}_txt": txt, f"{split}_labels": labels})
    return files


def run_module(module: str, args: list[str], log_path: Path, threads: int) -> None:
    """Run one stanza training module in a subprocess, logging to log_path."""
    env = {**os.environ, "OMP_NUM_THREADS": str(threads), "MKL_NUM_THREADS": str(threads)}
    with log_path.open("w", encoding="utf-8") as out:
        subprocess.run([sys.executable, "-m", module, *args], stdout=out, stderr=subprocess.STDOUT, env=env, check=True)


def train_stanza(settings: StanzaSettings) -> dict[str, str]:
    """Train tokenize, pos, lemma and depparse models and return their paths."""
    work, out = settings.work_dir, settings.output
    files = prepare_data(work, settings.data_root)
    out.mkdir(parents=True, exist_ok=True)
    common = ["--shorthand", SHORTHAND, "--save_dir", str(out), "--seed", str(settings.seed)]
    dev_out = str(work / "dev.pred.conllu")
    run_module("stanza.models.tokenizer", [
        "--mode", "train", "--lang", "id", *common, "--save_name", "tokenize.pt",
        "--txt_file", str(files["train_txt"]), "--label_file", str(files["train_labels"]),
        "--dev_txt_file", str(files["dev_txt"]), "--dev_label_file", str(files["dev_labels"]),
        "--dev_conll_gold", str(files["dev_conllu"]), "--conll_file", dev_out,
        "--mwt_json_file", str(work / "train-mwt.json"),
        "--steps", str(settings.tokenize_steps), "--eval_steps", "250",
    ], work / "tokenize.log", settings.threads)
    run_module("stanza.models.tagger", [
        "--mode", "train", "--lang", "id", *common, "--save_name", "pos.pt", "--no_pretrain",
        "--train_file", str(files["train_conllu"]), "--eval_file", str(files["dev_conllu"]),
        "--output_file", dev_out, "--max_steps", str(settings.pos_steps), "--eval_interval", "50",
        "--hidden_dim", "128", "--char_hidden_dim", "100", "--batch_size", str(settings.batch_sentences),
    ], work / "pos.log", settings.threads)
    run_module("stanza.models.lemmatizer", [
        "--mode", "train", *common, "--save_name", "lemma.pt",
        "--train_file", str(files["train_conllu"]), "--eval_file", str(files["dev_conllu"]),
        "--output_file", dev_out, "--gold_file", str(files["dev_conllu"]),
        "--num_epoch", str(settings.lemma_epochs),
    ], work / "lemma.log", settings.threads)
    run_module("stanza.models.parser", [
        "--mode", "train", "--lang", "id", *common, "--save_name", "depparse.pt", "--no_pretrain",
        "--train_file", str(files["train_conllu"]), "--eval_file", str(files["dev_conllu"]),
        "--output_file", dev_out, "--max_steps", str(settings.depparse_steps), "--eval_interval", "50",
        "--hidden_dim", "200", "--char_hidden_dim", "100", "--batch_size", "1000",
    ], work / "depparse.log", settings.threads)
    models = {p: str(out / f"{p}.pt") for p in ("tokenize", "pos", "lemma", "depparse")}
    (out / "resources.json").write_text("{}\n", encoding="utf-8")
    (out / "README.txt").write_text(
        "stanza Indonesian models trained by `warta train --stanza` (no pretrained embeddings) on UD CSUI "
        "train + GSD dev + PUD (CC BY-SA 4.0). Loaded by pipeline/backends/stanza_backend.py.\n"
        + json.dumps(models, indent=2) + "\n", encoding="utf-8")
    return models
