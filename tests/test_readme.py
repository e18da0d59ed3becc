"""The README's promises: CI runs its exact install and test commands, the quick start goes from
a clone to a who-met answer in three commands, and every code block runs on the sample corpus.

Blocks are run in document order in one scratch folder holding the sample corpus, so a later
block sees what an earlier one wrote (the database the Library API examples query). `warta`
commands that are cheap and offline are run; the others (training, evaluation, installs,
benchmarks, the test suite itself) are parsed: by warta's own argument parser, or by bash.
A Python line `EXPRESSION  # LITERAL` is checked: the expression must equal the literal.
"""

from __future__ import annotations

import ast
import contextlib
import io
import json
import re
import shlex
import subprocess
from pathlib import Path

import pytest

from pipeline.cli import build_parser, main
from pipeline.schema import validation_errors

from .conftest import REPO, SHARED, read_jsonl

README = (REPO / "README.md").read_text(encoding="utf-8")
BLOCK = re.compile(r"^```(\w*)\n(.*?)^```$", re.M | re.S)
LANGUAGES = {"bash", "python", "json", "jsonl", "text"}
# warta verbs the test runs (offline, seconds); `extract` only on the sample corpus.
RUN_VERBS = {"extract", "index", "who-met", "person", "search", "export", "metadata", "schema"}


def ci_command(marker: str) -> str:
    """The command line that follows `# README <marker>` in .ci/run."""
    lines = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    return lines[lines.index(f"# README {marker}") + 1].strip()


def code_blocks() -> list[tuple[str, str]]:
    """(language, code) of every fenced block, in document order."""
    return [(m.group(1), m.group(2)) for m in BLOCK.finditer(README)]


def test_ci_runs_the_readme_install_and_test_commands():
    for marker in ("install", "test"):
        assert ci_command(marker) in README, marker


def test_every_block_says_its_language():
    assert {language for language, _ in code_blocks()} <= LANGUAGES


def test_the_quick_start_is_three_commands_from_install_to_who_met():
    language, code = next(b for b in code_blocks() if b[0] == "bash")
    lines = code.strip().splitlines()
    assert len(lines) == 3
    assert lines[0] == ci_command("install")
    assert lines[-1].startswith("warta who-met ")
    assert README.index(code) < README.index("## Install")


def run_warta(argv: list[str], folder: Path) -> tuple[int, str]:
    """Run `warta ARGV` in this process (the model is loaded once per session); its status and
    standard output, which a `> FILE` at the end sends to FILE instead."""
    target = None
    if ">" in argv:
        at = argv.index(">")
        argv, target = argv[:at], argv[at + 1]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(argv[1:])
    if target:
        (folder / target).write_text(out.getvalue(), encoding="utf-8")
    return code, out.getvalue()


def check_command(words: list[str], folder: Path) -> str | None:
    """Run one cheap warta command (returning its output) or check that a command parses."""
    if words[0] == "warta":
        verb = words[1] if len(words) > 1 else ""
        if verb in RUN_VERBS and (verb != "extract" or words[2] == "corpus"):
            code, out = run_warta(words, folder)
            assert code == 0, words
            return out
        argv = [w for w in words[1:] if w != ">"]
        build_parser(argv).parse_args(argv)  # exits with an error for a wrong option
        return None
    if words[0] in ("python", "python3") and words[1].endswith(".py"):
        shared = words[1].removeprefix("../shared/")
        assert (SHARED / shared if shared != words[1] else REPO / words[1]).exists(), words
    return None


def run_bash_block(code: str, folder: Path, done: dict[tuple, str | None]) -> list[str]:
    """Each command line of a bash block, run or checked (once: `done` remembers each command's
    output across blocks); the outputs of those run."""
    outputs = []
    for line in code.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        syntax = subprocess.run(["bash", "-n", "-c", line], capture_output=True, text=True)
        assert syntax.returncode == 0, (line, syntax.stderr)
        words = shlex.split(line, comments=True)
        commands = [[]]
        for word in words:
            if word == "&&":
                commands.append([])
            else:
                commands[-1].append(word)
        for command in commands:
            if tuple(command) not in done:
                done[tuple(command)] = check_command(command, folder)
            out = done[tuple(command)]
            if out is not None:
                outputs.append(out)
    return outputs


class _CheckedComments(ast.NodeTransformer):
    """`EXPRESSION  # LITERAL` becomes `assert EXPRESSION == LITERAL`."""

    def __init__(self, lines: list[str]):
        self.lines = lines

    def visit_Expr(self, node: ast.Expr) -> ast.stmt:
        line = self.lines[node.end_lineno - 1]
        rest = line[node.end_col_offset:].strip()
        if not rest.startswith("#"):
            return node
        try:
            expected = ast.parse(rest[1:].strip(), mode="eval").body
            ast.literal_eval(expected)
        except (SyntaxError, ValueError):
            return node  # a comment in words
        check = ast.Compare(left=node.value, ops=[ast.Eq()], comparators=[expected])
        return ast.copy_location(ast.Assert(test=check, msg=ast.Constant(f"README: {line.strip()}")), node)


def run_python_block(code: str) -> None:
    """Execute a Python block with its `# LITERAL` comments checked."""
    tree = _CheckedComments(code.splitlines()).visit(ast.parse(code))
    exec(compile(ast.fix_missing_locations(tree), "README.md", "exec"), {"__name__": "readme"})


def test_every_readme_block_runs_on_the_sample_corpus(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    (tmp_path / "corpus").symlink_to(REPO / "corpus", target_is_directory=True)
    (tmp_path / "outputs").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "120")
    outputs: list[str] = []
    done: dict[tuple, str | None] = {}
    for language, code in code_blocks():
        if language == "bash":
            outputs += run_bash_block(code, tmp_path, done)
        elif language == "python":
            run_python_block(code)
        elif language == "json":
            json.loads(code)
        elif language == "jsonl":
            for line in code.splitlines():
                json.loads(line)
    records = read_jsonl(tmp_path / "outputs" / "records.jsonl")
    assert len(records) == 5 and all(validation_errors(r) == [] for r in records)
    who_met = next(out for out in outputs if out.startswith("met "))
    assert "Sandiaga Salahudin Uno" in who_met, "the quick start answers whom Rahmat Effendi met"


def test_a_python_line_with_a_literal_comment_is_checked():
    run_python_block("total = 2 + 2\ntotal  # 4\ntotal  # the sum, in words")
    with pytest.raises(AssertionError, match="README: total  # 5"):
        run_python_block("total = 2 + 2\ntotal  # 5")
