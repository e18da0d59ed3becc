"""thinc does not import torch for the spaCy backend; the stanza backend still gets it."""

from __future__ import annotations

import subprocess
import sys

SCRIPT = """
import sys
from pipeline.nlp import load_nlp
nlp = load_nlp("spacy")
doc = nlp("Bupati Bogor meresmikan jembatan desa, Senin (5/6/2023).")
import thinc.compat
print("torch" in sys.modules, thinc.compat.has_torch, len(doc._.dates))
import torch
print(torch.tensor([1, 2]).sum().item())
"""


def test_spacy_pipeline_runs_without_torch_and_torch_stays_importable():
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["False", "False", "1", "3"]
