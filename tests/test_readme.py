"""The README's promises: CI runs its exact commands, and the sample corpus command works."""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.cli import main
from pipeline.schema import validation_errors

from .conftest import REPO, read_jsonl

README = (REPO / "README.md").read_text(encoding="utf-8")


def ci_command(marker: str) -> str:
    """The command line that follows `# README <marker>` in .ci/run."""
    lines = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    return lines[lines.index(f"# README {marker}") + 1].strip()


def test_ci_runs_the_readme_install_and_test_commands():
    for marker in ("install", "test"):
        assert ci_command(marker) in README, marker


def test_readme_sample_command_writes_five_valid_records(tmp_path: Path, monkeypatch):
    match = re.search(r"^warta extract corpus -o (\S+)$", README, re.M)
    assert match, "README must show the sample-corpus command"
    monkeypatch.chdir(REPO)
    out = tmp_path / Path(match.group(1)).name
    assert main(["extract", "corpus", "-o", str(out), "--quiet"]) == 0
    records = read_jsonl(out)
    assert len(records) == 5 and all(validation_errors(r) == [] for r in records)
