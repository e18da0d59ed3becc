"""`warta extract --engine dask`: options that cannot go together and inputs or outputs it cannot use
are refused at once (exit 2), before a cluster starts or Dask is even imported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.cli.extract import FORMATS
from pipeline.engine_dask import FORMATS as ENGINE_FORMATS

from ..conftest import REPO


def test_the_cli_names_the_engines_formats():
    assert FORMATS == ENGINE_FORMATS


@pytest.mark.parametrize("options", [["--format", "parquet"], ["--scheduler", "tcp://127.0.0.1:8786"],
                                     ["--partitions", "4"]])
def test_dask_options_without_the_dask_engine_are_refused(tmp_path: Path, options: list[str],
                                                          capsys: pytest.CaptureFixture):
    assert main(["extract", str(REPO / "corpus"), "-o", str(tmp_path / "out"), *options]) == 2
    assert "only with --engine dask" in capsys.readouterr().err
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("argv, message", [(["-", "-o", "out.jsonl"], "not standard input"),
                                           (["corpus", "-o", "-"], "not standard output"),
                                           (["corpus", "-o", "notes.txt", "--format", "parquet"], "is a file"),
                                           (["corpus", "-o", "full", "--format", "parquet"], "holds other files")])
def test_what_dask_cannot_read_or_write_is_refused_before_any_work(tmp_path: Path, argv: list[str], message: str,
                                                                  capsys: pytest.CaptureFixture,
                                                                  monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").symlink_to(REPO / "corpus", target_is_directory=True)
    (tmp_path / "notes.txt").write_text("catatan", encoding="utf-8")
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "notes.txt").write_text("catatan", encoding="utf-8")
    assert main(["extract", *argv, "--engine", "dask", "-q"]) == 2
    assert message in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "full", "notes.txt"]
    assert [p.name for p in (tmp_path / "full").iterdir()] == ["notes.txt"]


def test_a_mistyped_input_fails_without_importing_dask_or_spacy(tmp_path: Path):
    code = ("import sys; from pipeline.cli import main; "
            f"code = main(['extract', {str(tmp_path / 'corpsu')!r}, '-o', {str(tmp_path / 'out.jsonl')!r}, "
            "'--engine', 'dask']); print(code, 'distributed' in sys.modules, 'spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                          cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.stdout.split() == ["2", "False", "False"]
    assert "corpsu: no such file or folder" in done.stderr


def test_the_local_engine_and_help_never_import_dask():
    code = ("import sys\nfrom pipeline.cli import main\ntry:\n    main(['extract', '--help'])\nexcept SystemExit:\n"
            "    pass\nprint('distributed' in sys.modules, 'dask' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=REPO,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.stdout.strip().splitlines()[-1] == "False False"
    assert "--engine {local,dask}" in done.stdout
