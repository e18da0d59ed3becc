"""Reading inputs: encodings, HTML detection, JSONL lines and their errors."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from pipeline.io import (
    Article,
    DecodeError,
    InputError,
    NoArticlesError,
    check_inputs,
    decode_bytes,
    looks_like_html,
    read_inputs,
)

SENTENCE = "Wali Kota Bekasi Rahmat Effendi melakukan audiensi dengan Wakil Gubernur DKI Jakarta."


def test_utf8_with_bom_and_crlf_is_decoded_to_lf():
    text, encoding = decode_bytes(("\ufeff" + SENTENCE + "\r\nBaris kedua.\r\n").encode("utf-8"))
    assert text == SENTENCE + "\nBaris kedua.\n"
    assert encoding == "utf-8-sig"


def test_windows_1252_text_is_detected_and_decoded():
    raw = "“Kami siap,” kata Bupati — Rp 5 juta per desa.".encode("cp1252")
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    text, encoding = decode_bytes(raw)
    assert text.startswith("“Kami siap,”") and "—" in text
    assert encoding == "windows-1252"


@pytest.mark.parametrize("data, reason", [(b"", "empty"), (b"  \n\n ", "empty"),
                                          (bytes(range(256)) * 4, "binary")])
def test_empty_and_binary_bytes_are_refused(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode_bytes(data)


def test_html_is_recognised_but_prose_with_a_bracket_is_not():
    assert looks_like_html("<!DOCTYPE html><html><body><p>Berita</p></body></html>")
    assert not looks_like_html("Nilai indeks < 5 di Kota Bekasi, kata Kepala Bappeda <Koswara>.")


def test_folder_ids_are_paths_relative_to_the_folder(tmp_path: Path):
    (tmp_path / "2021" / "jan").mkdir(parents=True)
    (tmp_path / "2021" / "jan" / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    ids = [a.id for a in read_inputs([str(tmp_path)])]
    assert ids == ["2021/jan/a.txt", "b.txt"]


def test_jsonl_lines_keep_ids_and_report_broken_lines(tmp_path: Path):
    path = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": "ok-1", "text": SENTENCE, "url": "https://bekasikota.go.id/x"}),
             '{"id": "broken", "text": "Wali Kota',
             json.dumps({"id": "no-text", "url": "https://x.go.id"}),
             "",
             json.dumps({"id": 7, "text": SENTENCE, "published": "2021-01-19"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_inputs([str(path)]))
    assert [type(i) for i in items] == [Article, InputError, InputError, Article]
    assert items[0].url == "https://bekasikota.go.id/x" and items[0].source_file.endswith("in.jsonl:1")
    assert items[1].line == 2 and "not valid JSON" in items[1].reason
    assert items[2].id == "no-text" and "no `text`" in items[2].reason
    assert items[3].id == "7" and items[3].published == "2021-01-19"


def test_missing_input_path_is_an_error_not_a_crash(tmp_path: Path):
    (error,) = read_inputs([str(tmp_path / "nowhere")])
    assert isinstance(error, InputError) and "no such file" in error.reason


def write_article(path: Path, text: str = SENTENCE) -> Path:
    """A .txt article at path, its folders made."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_folder_under_a_dotted_path_is_read_and_only_hidden_names_below_it_are_skipped(tmp_path: Path):
    corpus = tmp_path / ".cache" / "news"
    write_article(corpus / "a.txt")
    write_article(corpus / ".draft.txt")
    write_article(corpus / ".git" / "b.txt")
    assert [a.id for a in read_inputs([str(corpus)])] == ["a.txt"]


def test_a_folder_given_as_a_parent_relative_path_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    write_article(tmp_path / "corpus" / "a.txt")
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    assert [a.id for a in read_inputs(["../corpus"])] == ["a.txt"]


def test_a_hidden_file_named_by_the_user_is_read(tmp_path: Path):
    path = write_article(tmp_path / ".berita.txt")
    (article,) = read_inputs([str(path)])
    assert isinstance(article, Article) and article.text == SENTENCE


def test_a_dangling_link_in_a_folder_is_an_error(tmp_path: Path):
    write_article(tmp_path / "a.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "gone.txt")
    items = list(read_inputs([str(tmp_path)]))
    assert isinstance(items[0], Article)
    assert isinstance(items[1], InputError) and items[1].id == "b.txt" and "dangling" in items[1].reason


def test_an_unreadable_subfolder_is_an_error_and_the_rest_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    write_article(tmp_path / "a.txt")
    write_article(tmp_path / "locked" / "b.txt")
    real_scandir = os.scandir

    def scandir(path):  # root reads every folder, so the refusal is simulated where the OS gives it
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    items = list(read_inputs([str(tmp_path)]))
    assert [type(i) for i in items] == [Article, InputError]
    assert items[1].source_file.endswith("locked") and "Permission denied" in items[1].reason


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder")
def test_a_folder_without_read_permission_is_an_error(tmp_path: Path):
    write_article(tmp_path / "locked" / "b.txt")
    (tmp_path / "locked").chmod(0)
    try:
        (error,) = read_inputs([str(tmp_path)])
    finally:
        (tmp_path / "locked").chmod(0o755)
    assert isinstance(error, InputError) and "Permission denied" in error.reason


def test_a_file_name_that_is_not_utf8_becomes_a_printable_id(tmp_path: Path):
    raw = os.fsencode(tmp_path) + b"/berita-\xff.txt"
    with open(raw, "wb") as handle:
        handle.write(SENTENCE.encode("utf-8"))
    (article,) = read_inputs([str(tmp_path)])
    assert article.id == "berita-\ufffd.txt" and article.id.encode("utf-8")


def test_utf16_with_a_byte_order_mark_is_decoded_not_called_binary(tmp_path: Path):
    text, encoding = decode_bytes(("\ufeff" + SENTENCE + "\r\n").encode("utf-16-le"))
    assert text == SENTENCE + "\n" and encoding == "utf-16"


def jsonl_items(tmp_path: Path, lines: list[str]) -> list[Article | InputError]:
    """What read_inputs makes of a JSONL file with these lines."""
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    return list(read_inputs([str(path)]))


def test_poison_jsonl_lines_are_errors_and_the_next_line_is_still_read(tmp_path: Path):
    good = json.dumps({"id": "ok", "text": SENTENCE})
    lines = ["[" * 100_000 + "]" * 100_000,
             '{"id": "\\ud800", "text": "Bupati Bogor meresmikan jembatan."}',
             json.dumps({"id": ["a"], "text": SENTENCE}),
             json.dumps({"id": True, "text": SENTENCE}),
             good]
    items = jsonl_items(tmp_path, lines)
    assert [type(i) for i in items] == [InputError] * 4 + [Article]
    assert "nested too deeply" in items[0].reason
    assert "lone surrogate" in items[1].reason and items[1].reason.encode("utf-8")
    assert "string or an integer" in items[2].reason and "string or an integer" in items[3].reason
    assert items[4].id == "ok"


def test_integer_ids_read_as_their_digits_so_5_and_quoted_5_are_the_same_id(tmp_path: Path):
    items = jsonl_items(tmp_path, [json.dumps({"id": 5, "text": SENTENCE}), json.dumps({"id": "5", "text": SENTENCE})])
    assert [a.id for a in items] == ["5", "5"]


def test_lone_surrogates_in_text_are_replaced_and_flagged(tmp_path: Path):
    (article,) = jsonl_items(tmp_path, ['{"id": "s", "text": "Wali Kota \\udc80Bekasi meninjau banjir."}'])
    assert article.text == "Wali Kota \ufffdBekasi meninjau banjir." and "U+FFFD" in article.warnings[0]


@pytest.mark.parametrize("make, message", [
    (lambda p: p / "nowhere", "no such file"),
    (lambda p: p, "no articles"),
])
def test_check_inputs_refuses_a_missing_path_and_a_folder_without_articles(tmp_path: Path, make, message):
    (tmp_path / "notes.md").write_text("bukan artikel", encoding="utf-8")
    with pytest.raises(NoArticlesError, match=message):
        check_inputs([str(make(tmp_path))])
