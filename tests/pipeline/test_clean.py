"""Tests for pipeline.clean: boilerplate goes, article body stays, removals are recorded."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.clean import Cleaned, clean_text

SEEDS = next((p for p in (Path(__file__).resolve().parents[3] / "shared" / "seeds",
                          Path(__file__).resolve().parents[2] / "corpus") if p.is_dir()), None)


def seed(prefix: str) -> str:
    """The raw text of a seed article."""
    if SEEDS is None:
        pytest.skip("seed articles not available")
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def kinds(cleaned: Cleaned) -> dict[str, str]:
    """Removed text -> kind."""
    return {b["text"]: b["kind"] for b in cleaned.boilerplate}


def body_lines(raw: str, removed: set[str]) -> list[str]:
    """Raw lines that were not recorded as removed, normalised like the cleaner does."""
    return [" ".join(line.replace("\u00a0", " ").split()) for line in raw.splitlines()
            if line.strip() and line.strip() not in removed]


# --- seeds: removal --------------------------------------------------------------------------


def test_seed_001_page_furniture_removed():
    cleaned = clean_text(seed("001"))
    removed = kinds(cleaned)
    assert removed["Follow daktacom Like Like"] == "social"
    assert removed["- Dilihat 1964 Kali"] == "counter"
    assert removed["Berita Terkait"] == "related"
    assert removed["0 Comments"] == "comments"
    assert removed["Bekasi / Kota /"] == "breadcrumb"
    assert "Reporter :" in removed
    for gone in ("Dilihat", "Follow daktacom", "0 Comments", "Berita Terkait"):
        assert gone not in cleaned.text


def test_seed_001_body_and_list_kept_and_whitespace_normalised():
    text = clean_text(seed("001")).text
    assert "Wali Kota Bekasi Ingatkan Pemangku Jabatan Buat Perencanaan Kerja Terukur" in text
    assert "1. Penguatan dan pengembangan ekonomi kreatif kota." in text
    assert "6. pembentukan Bekasi city star up" in text
    assert "\u00a0" not in text
    assert "\n\n\n" not in text
    assert all(line == line.rstrip() for line in text.splitlines())
    # the photo caption printed twice is kept once
    assert text.count("Wali Kota Bekasi Rahmat Effendi dalam Pembukaan Kick Off Meeting") == 1


def test_seed_002_address_footer_removed_with_line_numbers():
    raw = seed("002")
    cleaned = clean_text(raw)
    raw_lines = raw.splitlines()
    footer = [b for b in cleaned.boilerplate if b["kind"] in ("footer", "address", "contact")]
    assert {b["text"] for b in footer} >= {"Alamat", "email : info@bekasikota.go.id"}
    for b in cleaned.boilerplate:
        assert b["text"] in raw_lines[b["line"]].replace("\u00a0", " ")
    assert "Jl. Jendral Ahmad Yani" not in cleaned.text
    assert "Tlf" not in cleaned.text


def test_seed_002_trailing_credit_code_cut_from_last_paragraph():
    cleaned = clean_text(seed("002"))
    assert cleaned.text.endswith("yang memberikan sumbangsih terhadap bagaimana proses "
                                 "perekonomian\" pungkasnya.")
    assert {"kind": "credit", "text": "(gie)", "line": 26} in cleaned.boilerplate


def test_seed_004_code_source_and_comment_counter():
    cleaned = clean_text(seed("004"))
    removed = kinds(cleaned)
    assert removed["(Humpro:rabas/adt/Tiko/albi-SZ)"] == "credit"
    assert removed["Sumber : kotabogor.go.id"] == "credit"
    assert removed["0 Komentar"] == "comments"
    assert cleaned.text.endswith("45 pejabat dan administrator di lingkungan Pemkot Salatiga.")


def test_seed_000_headline_less_page_keeps_every_paragraph():
    raw = seed("000")
    cleaned = clean_text(raw)
    assert [b["text"] for b in cleaned.boilerplate] == ["(ADV/Humas)"]
    assert cleaned.text.startswith("KOTABEKASI- Wakil Walikota Bekasi, Tri Adhianto")
    assert "Dan keenam, adalah melaksanakan tugas lain" in cleaned.text


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seeds_lose_no_body_sentence(prefix):
    raw = seed(prefix)
    cleaned = clean_text(raw)
    whole = {b["text"] for b in cleaned.boilerplate}
    for line in body_lines(raw, whole):
        for cut in whole:
            line = line.replace(cut, "").strip()
        assert line in cleaned.text


def test_seed_003_headline_stays_first_and_desk_line_goes():
    cleaned = clean_text(seed("003"))
    assert cleaned.text.splitlines()[0].startswith("Plt. Wali Kota Bekasi Pimpin Rapat")
    assert kinds(cleaned)["Redaksi"] == "credit"
    assert "Hipakad63.news | Kota Bekasi-" in cleaned.text


# --- other page shapes ------------------------------------------------------------------------


def test_related_list_after_heading_removed_until_body():
    raw = ("Wali Kota Makassar menyambut para saudagar di Lapangan Bersejarah Makassar.\n"
           "BACA JUGA:\n"
           "Wali Kota Makassar Sebut Kinerja Perusda Berantakan, Siap Lakukan Perombakan Direksi\n"
           "Aliyah Mustika menambahkan, kegiatan semacam ini perlu dijadikan agenda rutin.")
    cleaned = clean_text(raw)
    assert "Perusda" not in cleaned.text
    assert "Aliyah Mustika menambahkan, kegiatan semacam ini perlu dijadikan agenda rutin." \
        in cleaned.text
    assert [b["kind"] for b in cleaned.boilerplate] == ["related", "related"]


def test_inline_baca_juga_inside_numbered_list():
    raw = ("Sepuluh prioritas itu adalah:\n"
           "1. Menyukseskan penyelenggaraan Pemilu 2024 secara luber dan jurdil.\n"
           "Baca juga: Pj Gubernur Jateng: Sumpah Pemuda Jadi Pemacu Semangat Kaum Muda\n"
           "2. Menjaga stabilitas sosial, ekonomi, politik, keamanan, dan ketertiban masyarakat.")
    text = clean_text(raw).text
    assert "Baca juga" not in text
    assert "1. Menyukseskan" in text and "2. Menjaga stabilitas" in text


def test_counters_credits_and_comment_footer():
    raw = ("Bupati Kembang menegaskan tidak ada ruang bagi intervensi pihak luar. (Red)\n"
           "Artikel ini telah dibaca 17 kali\n"
           "Penulis: Saptarius | Editor: BiNews\n"
           "Leave a comment\n"
           "Budi: mantap pak bupati\n")
    cleaned = clean_text(raw)
    assert cleaned.text == ("Bupati Kembang menegaskan tidak ada ruang bagi intervensi "
                            "pihak luar.")
    assert [b["kind"] for b in cleaned.boilerplate] == [
        "credit", "counter", "credit", "comments", "footer"]


def test_photo_credit_cut_but_caption_kept():
    raw = ("Gubernur Sumbar Mahyeldi Ansharullah di Kawasan Saribu Rumah Gadang, Solok Selatan "
           "(Solsel). [Foto: Dok. Biro Adpim Sumbar]\n\n"
           "Padang Aro, Padangkita.com - Gubernur Sumatera Barat melakukan kunjungan kerja.")
    cleaned = clean_text(raw)
    assert "[Foto:" not in cleaned.text
    assert "Solok Selatan (Solsel)." in cleaned.text
    assert cleaned.boilerplate == [
        {"kind": "photo_credit", "text": "[Foto: Dok. Biro Adpim Sumbar]", "line": 0}]


def test_read_time_widget_cut_from_dateline():
    raw = ("Wakil Bupati Muarojambi Lakukan Kunker Ke Pemerintah Kota Serang Banten\n"
           "1 min readJAMBIDAILY SERANG – Wakil Bupati Muarojambi melakukan kunjungan kerja.")
    text = clean_text(raw).text
    assert "JAMBIDAILY SERANG – Wakil Bupati" in text
    assert "min read" not in text


def test_body_sentences_that_look_like_labels_are_kept():
    raw = ("Oleh karena itu, Pj Bupati Yudia Ramli menyampaikan terima kasih kepada ASN.\n"
           "Sumber dana kegiatan berasal dari APBD Kota Bekasi tahun 2023 yang telah disahkan "
           "bersama DPRD.\n"
           "Jalan tersebut akan diperbaiki oleh Dinas PUPR pada tahun depan.\n"
           "Kegiatan ini dihadiri Kepala Badan Pusat Statistik (BPS)")
    cleaned = clean_text(raw)
    assert cleaned.boilerplate == []
    assert cleaned.text == raw


def test_acronym_at_end_is_not_a_credit_code_but_lowercase_code_is():
    assert clean_text("Rapat dipimpin Kepala Dinas Kesehatan (DINKES)").boilerplate == []
    cleaned = clean_text("Rapat dipimpin Kepala Dinas Kesehatan Kota Bekasi (dnd)")
    assert cleaned.text == "Rapat dipimpin Kepala Dinas Kesehatan Kota Bekasi"


def test_empty_input():
    assert clean_text("").text == ""
    assert clean_text("\u00a0\n\n").boilerplate == []


def test_widget_lines_and_more_stories_headlines_removed():
    raw = ("Lompat ke isi utama\n"
           "Camat Tinjau Posyandu Keliling di Desa Tepian\n"
           "Camat Tinjau Posyandu Keliling di Desa Tepian bersama kader kesehatan dan bidan desa pada "
           "Senin pagi, sembari memeriksa stok vitamin dan buku KIA yang dibagikan kepada ibu hamil.\n"
           "- Advertisement -spot_img\n"
           "spot_img\n"
           "(Simak berita terbaru dari Tepian)\n"
           "Cek berita dan artikel lainnya di Google News\n"
           "Ikuti kami di\n"
           "Sumber Antara\n"
           "More Stories\n"
           "Bupati Resmikan Pasar Rakyat di Kecamatan Utara\n"
           "Lurah Ajak Warga Kerja Bakti Bersihkan Saluran\n")
    cleaned = clean_text(raw)
    assert cleaned.text.splitlines() == raw.splitlines()[1:3]
    kinds = [b["kind"] for b in cleaned.boilerplate]
    assert kinds == ["ui", "ui", "ui", "ui", "ui", "ui", "credit", "related", "related", "related"]


def test_bulleted_byline_block_removed_but_timestamp_kept():
    raw = ("- Oleh MC Kabupaten Tepian\n"
           "- Senin, 9 September 2024 | 10:05 WIB\n"
           "- Redaktur: Rina Wulandari - 312\n"
           "Tepian, InfoDaerah -- Pemerintah Kabupaten Tepian menggelar pelatihan kearsipan bagi staf kecamatan.")
    cleaned = clean_text(raw)
    assert cleaned.text.splitlines()[0] == "- Senin, 9 September 2024 | 10:05 WIB"
    assert [b["kind"] for b in cleaned.boilerplate] == ["credit", "credit"]


def test_body_sentence_about_google_news_is_kept():
    raw = ("Kepala Diskominfo mengatakan pemerintah daerah kini menyebarkan rilis kegiatan melalui situs resmi, "
           "media sosial, dan kanal Google News agar warga di pelosok desa lebih cepat memperoleh informasi.")
    assert clean_text(raw).boilerplate == []


def test_share_bar_copy_notice_scroll_hint_and_lone_counter_removed():
    raw = ("Scroll ke bawah untuk melanjutkan\n"
           "Avatar\n"
           "254\n"
           "×\n"
           "Sebarkan artikel ini\n"
           "- Editor\n"
           "facebook icon twitter icon whatsapp icon telegram icon line icon copy\n"
           "URL berhasil dicopy\n"
           "1.\n"
           "TEPIAN, Kabartepian.id – Bupati memimpin rapat koordinasi bersama para camat di pendopo.")
    cleaned = clean_text(raw)
    assert cleaned.text.splitlines() == ["1.", raw.splitlines()[-1]]
    assert [b["kind"] for b in cleaned.boilerplate] == ["ui", "ui", "counter", "ui", "ui", "credit", "social", "ui"]


# --- chrome blocks: headline links and widgets without a heading -----------------------------

BODY = ("Gubernur Bengkulu meminta pemerintah kabupaten memetakan potensi sumber daya alam dengan benar "
        "dan terencana agar pembangunan daerah bergerak dengan baik, kata Rohidin di Mukomuko. (tux)")


def test_numbered_headline_links_after_the_body_are_chrome():
    raw = (BODY + "\n- 1 Beragam Manfaat Air Tajin untuk Kesehatan Tubuh\n"
           "- 2 Doa yang Dipanjatkan Nabi Yaqub Saat Mengalami Kesedihan\n"
           "- 3 Jangan Anggap Sepele! Ini 7 Bahaya yang Mengancam")
    cleaned = clean_text(raw)
    assert cleaned.text.startswith("Gubernur Bengkulu") and "Air Tajin" not in cleaned.text
    assert [b["kind"] for b in cleaned.boilerplate].count("chrome") == 3


def test_calendar_widget_rows_are_chrome():
    raw = (BODY + "\nMin | Sen | Sel | Rab | Kam | Jum | Sab |\n1 | 2 | 3 | 4 | 5 | 6 | 7 |\n"
           "8 | 9 | 10 | 11 | 12 | 13 | 14 |\nAgenda Rutin |\nSetiap Senin: Apel Pagi |")
    cleaned = clean_text(raw)
    assert "Apel Pagi" not in cleaned.text
    assert {b["kind"] for b in cleaned.boilerplate} >= {"chrome"}


def test_related_headlines_with_their_dates_between_paragraphs_are_chrome():
    raw = (BODY + "\n\nWali Kota Resmikan Pasar Baru Cikampek\nSenin, 3 Mei 2022\n"
           "Bupati Tinjau Banjir di Karawang Barat\nSelasa, 4 Mei 2022\n\n" + BODY.replace("Bengkulu", "Lampung"))
    cleaned = clean_text(raw)
    assert "Pasar Baru" not in cleaned.text and "3 Mei 2022" not in cleaned.text
    assert "Gubernur Lampung" in cleaned.text


def test_lines_introduced_by_the_body_are_a_list_not_chrome():
    raw = (BODY + "\nTurut hadir dalam pertemuan ini\n1. Dari Jajaran Watimpres\n2. Dari Jajaran SKPK Banda Aceh\n"
           "3. Rektor Universitas Muhammadiyah Aceh")
    cleaned = clean_text(raw)
    assert "Rektor Universitas" in cleaned.text and "Dari Jajaran Watimpres" in cleaned.text
    assert "chrome" not in {b["kind"] for b in cleaned.boilerplate}


def test_short_title_case_lines_alone_after_the_body_stay():
    raw = BODY + "\nKota Bekasi Juara Umum MTQ"
    assert "Juara Umum" in clean_text(raw).text


def test_ad_slot_line_between_paragraphs_is_removed():
    raw = BODY + "\n\nbanner 468x60\n\n" + BODY
    cleaned = clean_text(raw)
    assert "banner" not in cleaned.text and {"kind": "ui", "text": "banner 468x60", "line": 2} in cleaned.boilerplate


def test_social_media_embeds_in_the_footer_are_removed_with_their_dates():
    raw = (BODY + "\nView this post on Instagram\nA post shared by Humas Pemkot Bogor (@humaskotabogor)\n"
           "Wali Kota Bogor meninjau banjir di Sempur hari ini pic.twitter.com/AbC123xyz\n"
           "— Pemkot Bogor (@PemkotBogor) May 3, 2022")
    cleaned = clean_text(raw)
    assert cleaned.text.startswith("Gubernur Bengkulu") and "2022" not in cleaned.text
    assert [b["kind"] for b in cleaned.boilerplate].count("social") == 4
