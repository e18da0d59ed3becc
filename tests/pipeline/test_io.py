"""Reading inputs: encodings, HTML detection, JSONL lines and their errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.io import Article, DecodeError, InputError, decode_bytes, looks_like_html, read_inputs

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
