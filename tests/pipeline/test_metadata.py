"""Tests for pipeline.metadata: headline, publication timestamp, dateline, outlet, credits."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.metadata import extract_metadata, parse_dateline, parse_timestamp

SEEDS = next((p for p in (Path(__file__).resolve().parents[3] / "shared" / "seeds",
                          Path(__file__).resolve().parents[2] / "corpus") if p.is_dir()), None)


def seed(prefix: str) -> str:
    """The raw text of a seed article."""
    if SEEDS is None:
        pytest.skip("seed articles not available")
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


# --- seeds -------------------------------------------------------------------------------------


def test_seed_000_dateline_paragraph_is_not_a_title():
    meta = extract_metadata(seed("000"))
    assert meta["title"] is None
    assert meta["published"] is None and meta["published_source"] is None
    assert meta["dateline"] == {"text": "KOTABEKASI-", "place": "KOTABEKASI", "outlet": None}
    assert meta["credits"] == [{"role": "code", "value": "ADV/Humas"}]


def test_seed_001_timestamp_title_dateline():
    meta = extract_metadata(seed("001"))
    assert meta["title"] == ("Wali Kota Bekasi Ingatkan Pemangku Jabatan Buat Perencanaan "
                             "Kerja Terukur")
    assert meta["published"] == "2021-01-19T10:14:00+07:00"
    assert meta["published_source"] == "text"
    assert meta["dateline"] == {"text": "BEKASI, DAKTA -", "place": "BEKASI", "outlet": "DAKTA"}
    assert meta["outlet"] == "DAKTA"
    assert meta["credits"] == []  # "Reporter :" names nobody


def test_seed_002_headline_and_place_only_dateline():
    meta = extract_metadata(seed("002"))
    assert meta["title"] == ("Wali Kota Bekasi Lakukan Audiensi Dengan Wagub DKI Bicarakan "
                             "Kemitraan Antar Daerah")
    assert meta["published"] is None
    assert meta["dateline"]["place"] == "Balai Kota"
    assert meta["credits"] == [{"role": "code", "value": "gie"}]


def test_seed_003_outlet_and_place_split_by_bar():
    meta = extract_metadata(seed("003"))
    assert meta["title"].startswith("Plt. Wali Kota Bekasi Pimpin Rapat Perencanaan")
    assert meta["dateline"] == {"text": "Hipakad63.news | Kota Bekasi-", "place": "Kota Bekasi",
                                "outlet": "Hipakad63.news"}
    assert meta["outlet"] == "Hipakad63.news"
    assert {"role": "penulis", "value": "Redaksi"} in meta["credits"]


def test_seed_004_body_first_line_no_title_and_source_credit():
    meta = extract_metadata(seed("004"))
    assert meta["title"] is None
    assert meta["dateline"] is None
    assert meta["credits"] == [{"role": "code", "value": "Humpro:rabas/adt/Tiko/albi-SZ"},
                               {"role": "sumber", "value": "kotabogor.go.id"}]


# --- timestamps ------------------------------------------------------------------------------


@pytest.mark.parametrize("line, value", [
    ("Selasa, 19/01/2021 10:14 WIB", "2021-01-19T10:14:00+07:00"),
    ("16 Okt 2023 15:26 WITA", "2023-10-16T15:26:00+08:00"),
    ("Diposting pada : 22 Desember 2025", "2025-12-22"),
    ("Minggu, 16 Februari 2025 | 19:15 WIB", "2025-02-16T19:15:00+07:00"),
    ("Senin, 7 Februari 2022 - 20:36 WIB", "2022-02-07T20:36:00+07:00"),
    ("25 April 2024, 17:44 WIB", "2024-04-25T17:44:00+07:00"),
    ("Sabtu, 19 Juni 2021 - 04:07 WIB", "2021-06-19T04:07:00+07:00"),
    ("Kamis, 5 Juni 2025 09.30 WIT", "2025-06-05T09:30:00+09:00"),
    ("Redaksi | 16 Okt 2023 15:26 WITA", "2023-10-16T15:26:00+08:00"),
])
def test_timestamp_lines(line, value):
    assert parse_timestamp(line)["value"] == value


@pytest.mark.parametrize("line", [
    "Rapat yang dipimpin asisten tiga itu dilaksanakan di aula Setda Senin, 3 Maret 2025.",
    "Rabu (10/4) pukul 10.00 WIB",          # no year: an event, not the page's timestamp
    "Kamis, 31 Februari 2024",              # no such day
    "Hari Otonomi Daerah 2024",
])
def test_not_timestamp_lines(line):
    assert parse_timestamp(line) is None


def test_event_date_in_body_is_not_published():
    raw = ("Bupati Kukar Buka Musrenbang RKPD 2026\n\n"
           "AVNMEDIA.ID - Pemerintah Kabupaten Kutai Kartanegara menggelar Musrenbang.\n"
           "Kegiatan ini dilangsungkan di Kantor Bappeda Kukar pada Selasa, 22 April 2025.")
    meta = extract_metadata(raw, "https://www.avnmedia.id/bupati-kukar-buka-musrenbang")
    assert meta["published"] is None
    assert meta["outlet"] == "AVNMEDIA.ID"


def test_url_date_is_a_flagged_fallback():
    raw = "Walikota Lantik Empat Pejabat Eselon II\n\nPANGKALPINANG, LASPELA – Wali kota melantik."
    meta = extract_metadata(raw, "https://negerilaskarpelangi.com/2021/01/01/walikota-lantik/")
    assert (meta["published"], meta["published_source"]) == ("2021-01-01", "url")
    meta = extract_metadata(raw, "https://kliik.id/2025/04/wakil-wali-kota-terima-audiensi.html")
    assert meta["published"] is None


def test_timestamp_under_headline_beats_url_and_byline_is_credited():
    raw = ("Scroll untuk membaca artikel\nBernadette Sariyem\nMinggu, 16 Februari 2025 | 19:15 WIB\n"
           "\nSuaraMalang.id - Usai menjalani pelantikan di Jakarta, Wali Kota Malang Wahyu "
           "Hidayat akan langsung fokus pada kerja nyata tanpa seremonial besar.")
    meta = extract_metadata(raw, "https://malang.suara.com/amp/read/2025/02/15/191529/x")
    assert meta["published"] == "2025-02-16T19:15:00+07:00"
    assert meta["published_source"] == "text"
    assert meta["title"] is None
    assert {"role": "penulis", "value": "Bernadette Sariyem"} in meta["credits"]
    assert meta["dateline"]["outlet"] == "SuaraMalang.id"


def test_date_in_dateline_is_published():
    meta = extract_metadata("Palu, 16 Oktober 2023 – Wali Kota Palu Hadianto Rasyid membuka "
                            "rapat koordinasi di ruang kerjanya.")
    assert meta["published"] == "2023-10-16"
    assert meta["dateline"]["place"] == "Palu"


# --- datelines -------------------------------------------------------------------------------


@pytest.mark.parametrize("line, host, place, outlet", [
    ("SAWAHLUNTO, binews.id - Wali Kota Sawahlunto memimpin rapat", "binews.id",
     "SAWAHLUNTO", "binews.id"),
    ("TERASMALUKU.COM,-BULA-Bupati Seram Bagian Timur melantik", "terasmaluku.com",
     "BULA", "TERASMALUKU.COM"),
    ("Ambon, pusartimur.com- Wali Kota Ambon melakukan kunjungan", "pusartimur.com",
     "Ambon", "pusartimur.com"),
    ("KUPANG, SURYAFLOBAMORA.COM – Para Bupati se-daratan Flores", None,
     "KUPANG", "SURYAFLOBAMORA.COM"),
    ("BOJONEGORO – Acara Sapa Bupati perdana digelar", "liputanbojonegoro.com",
     "BOJONEGORO", None),
    ("TERAS, Manado – DPRD Provinsi Sulawesi Tenggara berkunjung", "terasmanado.com",
     "Manado", "TERAS"),
    ("JAMBIDAILY SERANG – Wakil Bupati Muarojambi berkunjung", "jambidaily.com",
     "SERANG", "JAMBIDAILY"),
    ("TATIYE.ID (GORUT) – Dewan Perwakilan Rakyat Daerah bersidang", "tatiye.id",
     "GORUT", "TATIYE.ID"),
    ("SERANG.beritaindonesianet – Penjabat Sekda membuka Musrenbang",
     "beritaindonesianet.com", "SERANG", "beritaindonesianet"),
])
def test_datelines(line, host, place, outlet):
    dateline = parse_dateline(line, host)
    assert (dateline["place"], dateline["outlet"]) == (place, outlet)


@pytest.mark.parametrize("line", [
    "Penularan COVID-19 Terus Meningkat, Ini Larangan Bupati Majalengka untuk ASN",
    "Dari Pra-Musrenbang RKPD Kaltim 2023",
    "BUPATI Banggai Dr. Ir. Herwin Yatim, MM, didampingi Asisten 1 Setda Banggai",
    "Wali Kota Bekasi, Rahmat Effendi menegaskan agar seluruh unsur pemangku jabatan",
])
def test_not_datelines(line):
    assert parse_dateline(line) is None


# --- titles ------------------------------------------------------------------------------------


def test_title_with_site_suffix_and_repeated_headline():
    raw = ("Ke Bappeda, Bupati Baddrut Sampaikan Tiga Poin Penting – Jejak\n\nlogo\n\n"
           "Ke Bappeda, Bupati Baddrut Sampaikan Tiga Poin Penting\n\n"
           "Senin, 7 Februari 2022 - 20:36 WIB\n\n3 tahun yang lalu\n\n"
           "JEJAK.CO, Pamekasan – Bupati Pamekasan berkunjung ke kantor Bappeda Pamekasan.")
    meta = extract_metadata(raw, "https://jejak.co/ke-bappeda/")
    assert meta["title"] == "Ke Bappeda, Bupati Baddrut Sampaikan Tiga Poin Penting"
    assert meta["published"] == "2022-02-07T20:36:00+07:00"
    assert meta["dateline"]["place"] == "Pamekasan"


def test_title_followed_by_lede_without_blank_line():
    raw = ("Daftar 10 Program Prioritas Pj Gubernur Jateng Nana Sudjana, Terus-Menerus Digenjot\n"
           "Sepuluh program prioritas Pj Gubernur Jawa Tengah, Nana Sudjana, terus digenjot.")
    assert extract_metadata(raw)["title"].startswith("Daftar 10 Program Prioritas")


def test_hard_wrapped_body_line_is_not_a_title():
    raw = ("Gubernur Maluku Said Assagaff mengatakan, pemerintah akan memfokuskan\n"
           "diri pada 8 program prioritas pembangunan di tahun 2018.")
    assert extract_metadata(raw)["title"] is None


def test_outlet_falls_back_to_url_host():
    raw = "Bupati Banggai menyambut kedatangan Gubernur Sulteng di Bandara Syukuran Aminuddin Amir."
    meta = extract_metadata(raw, "https://www.luwukpost.id/2020/09/safari-kerja/")
    assert meta["outlet"] == "luwukpost.id"
    assert meta["dateline"] is None


@pytest.mark.parametrize("line, value", [
    ("Diunggah pada : 23 Agustus 2023 18:43:47 258", "2023-08-23"),
    ("• 01 Agustus 2018 - 00:02 WIB", "2018-08-01T00:02:00+07:00"),
    ("- Minggu, 8 September 2024 | 23:57 WIB", "2024-09-08T23:57:00+07:00"),
    ("Thursday, March 28, 2024", "2024-03-28"),
])
def test_bulleted_cued_and_counted_timestamp_lines(line, value):
    assert parse_timestamp(line)["value"] == value


def test_cued_upload_line_beats_a_date_widget_above_the_headline():
    raw = ("Kamis, 2 Mei 2024\n\n"
           "Diskominfo Luncurkan Aplikasi Aduan Warga\n\n"
           "Diunggah pada : 23 Agustus 2023 18:43:47 258\n"
           "Kota Tepian - Dinas Komunikasi dan Informatika meluncurkan aplikasi aduan warga yang dapat "
           "diunduh gratis oleh seluruh masyarakat, Rabu (23/8/2023).")
    assert extract_metadata(raw)["published"] == "2023-08-23"


def test_timestamp_line_with_trailing_comma():
    assert parse_timestamp("Sabtu, 07 Des 2019,")["value"] == "2019-12-07"
    assert parse_timestamp("Minggu, 23 Februari 2020 Malang Post") is None


# --- the timestamp grammar and datelines (issue 14) --------------------------------------------

@pytest.mark.parametrize("line, value", [
    ("Selasa, 3 Mei 2022 Reporter: Asep Saepudin Editor: Budi", "2022-05-03"),
    ("Selasa | 5/3/2022 WIB Last Updated 2022-05-03T10:11:00+07:00", "2022-05-03"),  # Tuesday: 3 May
    ("Upload by Admin - 14 September 2021", "2021-09-14"),
    ("Wed 28/01/2026", "2026-01-28"),
    ("Wednesday, 15 January 2020 : 22:55", "2020-01-15"),
    ("Diposting oleh Humas Setda | Kamis, 14 September 2023 08:15 WIT", "2023-09-14T08:15:00+09:00"),
])
def test_timestamp_grammar(line, value):
    assert parse_timestamp(line)["value"] == value


@pytest.mark.parametrize("line", [
    "Selasa, 3 Mei 2022 Bupati meresmikan jembatan gantung di Desa Sukamaju",
    "Upload by Admin - pelantikan pejabat eselon II",
    "Senin, 3 Mei 2022 Reporter: Asep dan kawan-kawan datang ke lokasi untuk meliput acara itu bersama warga",
])
def test_lines_the_grammar_refuses(line):
    assert parse_timestamp(line) is None


def test_upload_by_line_is_a_cued_timestamp():
    assert parse_timestamp("Upload by Admin - 14 September 2021")["cued"] is True


@pytest.mark.parametrize("raw, url, value", [
    ("SORONG, Kamis (14/09/2023) Papuanews – Pj Wali Kota Sorong membuka rapat koordinasi inflasi daerah "
     "bersama seluruh kepala perangkat daerah di aula kantor wali kota.", None, "2023-09-14"),
    ("Kupang, fokusnusatenggara.com / 9 September 2019\nKetua Pengadilan Negeri melantik 40 anggota DPRD "
     "Kabupaten Kupang periode 2019 – 2024 di gedung dewan.", None, "2019-09-09"),
    ("610_4114Giri Menang, 7 Oktober 2016 – Hari ini Bupati Lombok Barat memimpin rapat Forkompinda di "
     "ruang rapat kantor bupati.", None, "2016-10-07"),
    ("Ambon, 20/6 (Antara Maluku) - Bupati menemui Gubernur di Ambon pada 19 Juni 2017 untuk membahas "
     "rapat kerja daerah, katanya.", None, "2017-06-20"),
])
def test_datelines_that_give_the_publication_date(raw, url, value):
    assert extract_metadata(raw, url)["published"] == value


def test_yearless_dateline_without_any_year_gives_no_date():
    raw = ("Ambon, 20/6 (Antara Maluku) - Bupati menemui Gubernur di Ambon untuk membahas rapat kerja "
           "daerah, katanya.")
    assert extract_metadata(raw)["published"] is None
