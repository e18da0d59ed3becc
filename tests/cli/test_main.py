"""The top-level `warta` parser: every verb in the table is registered by its module, and only
the module of the verb being run is imported."""

from __future__ import annotations

import pytest

from pipeline.cli import VERBS, build_parser, requested_verb


@pytest.mark.parametrize("verb", sorted(VERBS))
def test_each_verb_is_registered_by_its_module_with_a_handler(verb: str):
    parser = build_parser([verb, "--help"])
    subparsers = next(a for a in parser._actions if a.dest == "verb")
    assert subparsers.choices[verb].get_default("func") is not None, verb


def test_the_verb_is_the_first_argument_that_is_not_an_option():
    assert requested_verb(["-v", "who-met", "Rahmat Effendi", "--db", "x.db"]) == "who-met"
    assert requested_verb(["--help"]) is None


def test_help_lists_every_verb_without_registering_their_options(capsys: pytest.CaptureFixture):
    with pytest.raises(SystemExit):
        build_parser(["--help"]).parse_args(["--help"])
    out = capsys.readouterr().out
    assert all(verb in out for verb in VERBS)
