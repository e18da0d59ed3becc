"""`warta extract` over real and broken inputs: every good article out, every bad one reported."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.cli import main
from pipeline.schema import validation_errors

from ..conftest import read_jsonl

HTML_PAGE = """<!DOCTYPE html>
<html lang="id"><head><title>Wali Kota Bekasi Buka Musrenbang Kecamatan</title>
<meta property="article:published_time" content="2022-02-14T09:30:00+07:00"></head>
<body><nav><a href="/">Beranda</a> | <a href="/berita">Berita</a> | <a href="/kontak">Kontak</a></nav>
<article><h1>Wali Kota Bekasi Buka Musrenbang Kecamatan</h1>
<p>BEKASI - Wali Kota Bekasi Rahmat Effendi membuka Musyawarah Perencanaan Pembangunan
(Musrenbang) tingkat Kecamatan Bekasi Timur, Senin (14/2/2022). Dalam sambutannya ia meminta
seluruh perangkat daerah menyusun usulan yang terukur dan berpihak kepada warga.</p>
<p>Hadir mendampingi Kepala Bappeda Kota Bekasi Koswara dan Camat Bekasi Timur. Usulan warga
yang terkumpul akan dibahas dalam forum perangkat daerah bulan depan.</p></article>
<footer>Hak cipta 2022 Pemerintah Kota Bekasi. Jl. Jend. Ahmad Yani No. 1</footer>
</body></html>"""


@pytest.fixture
def messy_folder(tmp_path: Path, seeds: dict[str, str]) -> Path:
    """A folder with the five seeds and every kind of bad input the issue names."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in seeds.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    legacy = "BEKASI - Wakil Wali Kota Bekasi Tri Adhianto menerima audiensi warga “Kampung Hijau”, Rabu (10/4)."
    (folder / "legacy.txt").write_bytes(legacy.encode("cp1252"))
    big = ("Pemerintah Kota Bekasi terus membangun infrastruktur jalan dan drainase. " * 70_000)
    (folder / "huge.txt").write_text(big, encoding="utf-8")
    lines = [json.dumps({"id": "jl-ok", "text": next(iter(seeds.values()))}),
             '{"id": "jl-broken", "text": "Wali',
             json.dumps({"id": "jl-no-text", "url": "https://bekasikota.go.id"})]
    (folder / "batch.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_bad_inputs_are_reported_and_good_articles_all_come_out(messy_folder: Path, tmp_path: Path):
    out, errors = tmp_path / "out.jsonl", tmp_path / "errors.jsonl"
    status = main(["extract", str(messy_folder), "-o", str(out), "--errors", str(errors), "--quiet"])
    assert status == 1  # some articles failed, and the exit status says so
    records = {r["id"]: r for r in read_jsonl(out)}
    assert set(records) == {*(p.name for p in messy_folder.glob("0*.txt")), "page.html", "legacy.txt", "jl-ok"}
    failed = {e["id"] or e["source_file"]: e for e in read_jsonl(errors)}
    assert "empty" in failed["empty.txt"]["reason"]
    assert "binary" in failed["binary.txt"]["reason"]
    assert "over the limit" in failed["huge.txt"]["reason"]
    assert failed["jl-no-text"]["line"] == 3 and "text" in failed["jl-no-text"]["reason"]
    broken = [e for e in failed.values() if e["line"] == 2]
    assert broken and "not valid JSON" in broken[0]["reason"] and broken[0]["source_file"].endswith("batch.jsonl")
    for record in records.values():
        assert validation_errors(record) == [], record["id"]


def test_html_page_yields_its_body_not_its_navigation(messy_folder: Path, tmp_path: Path):
    out = tmp_path / "out.jsonl"
    main(["extract", str(messy_folder / "page.html"), "-o", str(out), "--quiet"])
    (record,) = read_jsonl(out)
    assert "membuka Musyawarah Perencanaan Pembangunan" in record["text"]
    assert "Beranda" not in record["text"] and "Hak cipta" not in record["text"]
    assert record["title"] == "Wali Kota Bekasi Buka Musrenbang Kecamatan"
    assert record["published"].startswith("2022-02-14")


def test_windows_1252_file_is_decoded_and_flagged(messy_folder: Path, tmp_path: Path):
    out = tmp_path / "out.jsonl"
    main(["extract", str(messy_folder / "legacy.txt"), "-o", str(out), "--quiet"])
    (record,) = read_jsonl(out)
    assert "“Kampung Hijau”" in record["text"]
    assert record["encoding"] == "windows-1252"
    assert any("windows-1252" in w for w in record["warnings"])


def test_resume_skips_done_ids_and_keeps_earlier_records(tmp_path: Path, shared: Path):
    folder = tmp_path / "seeds"
    shutil.copytree(shared / "seeds", folder)
    out = tmp_path / "out.jsonl"
    first = sorted(folder.glob("*.txt"))[:2]
    main(["extract", *map(str, first), "-o", str(out), "--quiet"])
    before = read_jsonl(out)
    assert main(["extract", str(folder), "-o", str(out), "--resume", "--quiet"]) == 0
    after = read_jsonl(out)
    assert [r["id"] for r in after] == sorted(p.name for p in folder.glob("*.txt"))
    assert after[:2] == before


def test_two_workers_write_the_same_records_in_the_same_order(tmp_path: Path, shared: Path):
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    main(["extract", str(shared / "seeds"), "-o", str(one), "--quiet"])
    assert main(["extract", str(shared / "seeds"), "-o", str(two), "--workers", "2", "--quiet"]) == 0
    assert len(read_jsonl(two)) == 5 and read_jsonl(two) == read_jsonl(one)


def test_failed_run_leaves_out_untouched_and_its_records_in_the_journal(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, shared: Path):
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "old"}\n', encoding="utf-8")

    def explode(*args, **kwargs):
        yield [{"id": "x", "text": "t"}], []
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("pipeline.runner.extract_stream", explode)
    with pytest.raises(RuntimeError):
        main(["extract", str(shared / "seeds"), "-o", str(out), "--quiet"])
    assert out.read_text(encoding="utf-8") == '{"id": "old"}\n'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl", "out.jsonl.partial"]
    assert read_jsonl(tmp_path / "out.jsonl.partial") == [{"id": "x", "text": "t"}]


def test_jsonl_on_stdin_to_stdout_through_the_console_script(shared: Path):
    warta = shutil.which("warta") or str(Path(sys.executable).with_name("warta"))
    line = (shared / "eval" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[1]
    done = subprocess.run([warta, "extract", "-", "-o", "-", "--quiet"], input=line,
                          capture_output=True, text=True, timeout=120, check=True)
    (record,) = [json.loads(x) for x in done.stdout.splitlines()]
    assert record["id"] == json.loads(line)["id"] and validation_errors(record) == []


def test_schema_verb_prints_the_record_schema(capsys: pytest.CaptureFixture):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert "officials" in schema["required"] and schema["properties"]["schema_version"]["const"] == "1.0"
