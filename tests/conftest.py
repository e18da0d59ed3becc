"""Shared fixtures: the shared data folder beside the checkout, and one pipeline per session."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("WARTA_SHARED", REPO.parent / "shared"))


def read_jsonl(path: Path) -> list[dict]:
    """Every JSON object in a JSONL file."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="session")
def shared() -> Path:
    """The shared data folder (../shared); the suite needs it, as CI has it."""
    if not (SHARED / "eval" / "dev.jsonl").exists():
        pytest.fail(f"shared data not found at {SHARED}; set WARTA_SHARED")
    return SHARED


@pytest.fixture(scope="session")
def seeds(shared: Path) -> dict[str, str]:
    """The five seed articles, by file name."""
    return {p.name: p.read_text(encoding="utf-8") for p in sorted((shared / "seeds").glob("*.txt"))}


@pytest.fixture(scope="session")
def extractor():
    """One default Extractor for the whole test session (model loading is slow)."""
    from pipeline.extractor import Extractor

    return Extractor()
