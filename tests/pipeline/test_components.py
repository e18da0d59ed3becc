"""warta's spaCy factories are found by name, whichever module was imported, and through spaCy's
`spacy_factories` entry points, so a saved pipeline with warta components loads with spacy.load."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.components import FACTORY_MODULES, factory

from ..entry_points import declared_entry_points, entry_point_env

SENTENCE = ("Wali Kota Bekasi Rahmat Effendi menerima audiensi Wakil Gubernur DKI Jakarta Sandiaga Uno "
            "di Balai Kota, Selasa (5/12/2017).")


def test_pyproject_advertises_every_factory_through_this_module():
    assert declared_entry_points()["spacy_factories"] == {
        name: f"pipeline.components:{name}" for name in FACTORY_MODULES}


@pytest.mark.parametrize("name", sorted(FACTORY_MODULES))
def test_each_factory_is_registered_by_its_module(name: str):
    import spacy

    assert callable(factory(name))
    nlp = spacy.blank("id")
    nlp.add_pipe(name)
    assert nlp.pipe_names == [name]


def run_python(code: str, tmp_path: Path) -> str:
    """Run code in a fresh interpreter that knows only the declared entry points; its stdout."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=entry_point_env(tmp_path / "site"), cwd=tmp_path, timeout=600)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_add_pipe_after_import_pipeline_and_spacy_load_of_a_saved_pipeline(tmp_path: Path):
    saved = tmp_path / "nlp"
    build = f"""
import spacy
import pipeline  # the package alone, no component module
nlp = spacy.blank("id")
for name in {sorted(FACTORY_MODULES)!r}:
    nlp.add_pipe(name)
nlp.to_disk({str(saved)!r})
"""
    run_python(build, tmp_path)
    load = f"""
import json, spacy, sys
nlp = spacy.load({str(saved)!r})  # nothing of warta imported by hand
doc = nlp({SENTENCE!r})
print(json.dumps({{"pipes": nlp.pipe_names, "dates": [d["value"] for d in doc._.dates],
                  "warta_imported": "pipeline" in sys.modules}}))
"""
    out = json.loads(run_python(load, tmp_path).strip().splitlines()[-1])
    assert sorted(out["pipes"]) == sorted(FACTORY_MODULES)
    assert out["dates"] == ["2017-12-05"]
    assert out["warta_imported"], "spaCy imported warta's components through the entry points"
