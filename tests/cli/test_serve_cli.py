"""`warta serve`: clear refusals before anything starts, and the metadata it hands Datasette."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.cli import build_parser, main
from pipeline.cli.serve import DEFAULT_PORT, serve_metadata


def test_serve_without_a_database_says_how_to_build_one(tmp_path: Path, capsys: pytest.CaptureFixture):
    missing = tmp_path / "none.db"
    assert main(["serve", "--db", str(missing)]) == 2
    error = capsys.readouterr().err
    assert str(missing) in error and "warta index" in error
    assert not missing.exists()


def test_serve_options_default_to_loopback():
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port) == ("127.0.0.1", DEFAULT_PORT)


def test_metadata_is_filed_under_the_served_database_and_names_it_for_the_plugin():
    metadata = serve_metadata("berita")
    assert list(metadata["databases"]) == ["berita"]
    assert "persons" in metadata["databases"]["berita"]["tables"]
    assert metadata["plugins"] == {"warta": {"database": "berita"}}
