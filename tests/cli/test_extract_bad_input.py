"""`warta extract` under hostile input: every article is one record or one error line, a
run that cannot start fails before any work, and an existing OUT is never emptied."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import extract as extract_cli
from pipeline.cli import main
from pipeline.lock import exclusive
from pipeline.schema import validation_errors

from ..conftest import REPO, read_jsonl

SENTENCES = [
    "Wali Kota Bekasi Rahmat Effendi meninjau banjir di Kecamatan Bekasi Timur, Senin (14/2/2022).",
    "Bupati Bogor Ade Yasin meresmikan jembatan penghubung dua desa di Kecamatan Cibinong.",
    "Gubernur Jawa Barat Ridwan Kamil membuka Musrenbang provinsi di Gedung Sate, Bandung.",
]
EXISTING = '{"id": "kept", "text": "a record from an earlier run"}\n'


def run_cli(*args: str) -> int:
    """warta extract with the rules backend (no model needed for these checks)."""
    return main(["extract", *args, "--backend", "rules"])


def last_line(capsys: pytest.CaptureFixture) -> str:
    """The last line the run wrote to standard error."""
    return capsys.readouterr().err.strip().splitlines()[-1]


def jsonl(path: Path, lines: list[str]) -> Path:
    """A JSONL file with these raw lines."""
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    return path


def test_a_mistyped_input_fails_at_once_without_loading_a_model_and_keeps_out(tmp_path: Path):
    out = tmp_path / "keep.jsonl"
    out.write_text(EXISTING, encoding="utf-8")
    code = ("import sys; from pipeline.cli import main; "
            f"code = main(['extract', {str(tmp_path / 'corpsu')!r}, '-o', {str(out)!r}]); "
            "print(code, 'spacy' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                          cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.stdout.split() == ["2", "False"]
    assert "corpsu: no such file or folder" in done.stderr
    assert out.read_text(encoding="utf-8") == EXISTING
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.jsonl"]


@pytest.mark.parametrize("content", [{}, {"notes.md": "catatan rapat, bukan artikel"}])
def test_a_folder_without_articles_is_refused_before_any_work(tmp_path: Path, content: dict,
                                                              capsys: pytest.CaptureFixture):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in content.items():
        (folder / name).write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text(EXISTING, encoding="utf-8")
    assert run_cli(str(folder), "-o", str(out)) == 2
    assert "no articles in this folder" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == EXISTING


def test_an_output_folder_that_cannot_be_made_is_refused_before_any_work(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture):
    source = jsonl(tmp_path / "in.jsonl", [json.dumps({"id": "a", "text": SENTENCES[0]})])
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    assert run_cli(str(source), "-o", str(blocker / "out.jsonl")) == 2
    assert "cannot create its folder" in capsys.readouterr().err


def test_a_jsonl_file_with_no_articles_leaves_out_as_it_was(tmp_path: Path, capsys: pytest.CaptureFixture):
    source = jsonl(tmp_path / "in.jsonl", ["", "   "])
    out = tmp_path / "out.jsonl"
    out.write_text(EXISTING, encoding="utf-8")
    assert run_cli(str(source), "-o", str(out)) == 1
    assert "no articles found" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == EXISTING


def test_workers_below_one_are_refused(tmp_path: Path):
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(tmp_path), "--workers", "0"])
    assert exit_info.value.code == 2


def test_the_cli_backend_choices_are_the_pipelines():
    from pipeline.nlp import BACKENDS

    assert extract_cli.BACKENDS == BACKENDS


def test_dotted_and_parent_relative_folders_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture):
    corpus = tmp_path / ".cache" / "news"
    corpus.mkdir(parents=True)
    for i, sentence in enumerate(SENTENCES):
        (corpus / f"{i}.txt").write_text(sentence, encoding="utf-8")
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    assert run_cli("../.cache/news", "-o", "out.jsonl") == 0
    assert [r["id"] for r in read_jsonl(Path("out.jsonl"))] == ["0.txt", "1.txt", "2.txt"]
    assert last_line(capsys) == "warta: 3 articles: 3 records, 0 errors"


def test_repeated_and_colliding_ids_are_an_error_line_each_and_the_first_wins(tmp_path: Path,
                                                                              capsys: pytest.CaptureFixture):
    source = jsonl(tmp_path / "in.jsonl", [
        json.dumps({"id": 5, "text": SENTENCES[0]}), json.dumps({"id": "5", "text": SENTENCES[1]}),
        json.dumps({"id": "a", "text": SENTENCES[2]}), json.dumps({"id": "a", "text": SENTENCES[0]}),
    ])
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    assert run_cli(str(source), "-o", str(out), "--errors", str(errors)) == 1
    records = read_jsonl(out)
    assert [(r["id"], r["text"]) for r in records] == [("5", SENTENCES[0]), ("a", SENTENCES[2])]
    assert [(e["id"], e["line"]) for e in read_jsonl(errors)] == [("5", 2), ("a", 4)]
    assert all("duplicate id" in e["reason"] for e in read_jsonl(errors))
    assert last_line(capsys) == "warta: 4 articles: 2 records, 2 errors"


def test_poison_lines_cost_only_themselves(tmp_path: Path, capsys: pytest.CaptureFixture):
    source = jsonl(tmp_path / "in.jsonl", [
        "[" * 50_000 + "]" * 50_000,
        '{"id": "\\ud800", "text": "Bupati Bogor meresmikan jembatan."}',
        json.dumps({"id": {"x": 1}, "text": SENTENCES[0]}),
        json.dumps({"id": "bad-url", "url": "http://[::1", "text": SENTENCES[1]}),
        json.dumps({"id": "good", "text": SENTENCES[2]}),
    ])
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(("\ufeff" + SENTENCES[0]).encode("utf-16-le"))
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    assert run_cli(str(source), str(utf16), "-o", str(out), "--errors", str(errors)) == 1
    records = {r["id"]: r for r in read_jsonl(out)}
    assert set(records) == {"bad-url", "good", "utf16.txt"}
    assert records["bad-url"]["url"] == "http://[::1" and "not a valid URL" in records["bad-url"]["warnings"][0]
    assert records["utf16.txt"]["text"] == SENTENCES[0] and records["utf16.txt"]["encoding"] == "utf-16"
    assert all(validation_errors(r) == [] for r in records.values())
    assert [e["line"] for e in read_jsonl(errors)] == [1, 2, 3]
    assert last_line(capsys) == "warta: 6 articles: 3 records, 3 errors"


def test_a_dangling_link_is_an_error_line(tmp_path: Path, capsys: pytest.CaptureFixture):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(SENTENCES[0], encoding="utf-8")
    (folder / "b.txt").symlink_to(tmp_path / "moved-away.txt")
    assert run_cli(str(folder), "-o", str(tmp_path / "out.jsonl")) == 1
    err = capsys.readouterr().err
    assert "b.txt: cannot read: no such file" in err and err.strip().endswith("2 articles: 1 records, 1 errors")


@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o027, 0o640)])
def test_records_and_errors_files_follow_the_umask(tmp_path: Path, umask: int, mode: int):
    source = jsonl(tmp_path / "in.jsonl", [json.dumps({"id": "a", "text": SENTENCES[0]}), "{broken"])
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    previous = os.umask(umask)
    try:
        run_cli(str(source), "-o", str(out), "--errors", str(errors))
    finally:
        os.umask(previous)
    assert (out.stat().st_mode & 0o777, errors.stat().st_mode & 0o777) == (mode, mode)


def test_a_second_run_on_the_same_output_fails_at_once(tmp_path: Path, capsys: pytest.CaptureFixture):
    source = jsonl(tmp_path / "in.jsonl", [json.dumps({"id": "a", "text": SENTENCES[0]})])
    out = tmp_path / "out.jsonl"
    out.write_text(EXISTING, encoding="utf-8")
    with exclusive(out, "extract"):
        assert run_cli(str(source), "-o", str(out)) == 2
    assert "in use by another `warta extract` run" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == EXISTING
    assert run_cli(str(source), "-o", str(out)) == 0  # the lock went with the first run
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl", "out.jsonl"]


def test_an_interrupted_run_keeps_out_and_resume_finishes_from_the_journal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture):
    lines = [json.dumps({"id": f"n{i:02d}", "text": SENTENCES[i % 3]}) for i in range(20)]
    source = jsonl(tmp_path / "in.jsonl", lines)
    out = tmp_path / "out.jsonl"
    out.write_text(EXISTING, encoding="utf-8")
    real_chunk = extract_cli.run_extract.__globals__["extract_chunk"]
    calls = []

    def interrupted_after_one_chunk(extractor, articles):
        calls.append(len(articles))
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real_chunk(extractor, articles)

    monkeypatch.setattr("pipeline.runner.extract_chunk", interrupted_after_one_chunk)
    assert run_cli(str(source), "-o", str(out)) == 130
    assert "--resume" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == EXISTING
    journal = tmp_path / "out.jsonl.partial"
    assert [r["id"] for r in read_jsonl(journal)] == [f"n{i:02d}" for i in range(calls[0])]
    monkeypatch.setattr("pipeline.runner.extract_chunk", real_chunk)
    assert run_cli(str(source), "-o", str(out), "--resume") == 0
    assert [r["id"] for r in read_jsonl(out)] == [f"n{i:02d}" for i in range(20)]
    assert not journal.exists()
    assert last_line(capsys) == f"warta: 20 articles: 20 records, 0 errors ({calls[0]} kept from before, --resume)"
