"""Short programme names with an expansion whose letters they do not spell."""

from __future__ import annotations

from pipeline.programs import find_programs


def names(text: str) -> list[str]:
    """The names of the programs found in text."""
    return [p["name"] for p in find_programs(text)[0]]


def test_creative_short_name_before_its_capitalised_expansion():
    text = ("Empat pejabat meluncurkan aplikasi. Kepala Biro Pembangunan Abdulla Mokoginta dengan "
            "Akses Bang Dali (Akses Pengendalian Pelaksanaan Pembangunan Infrastruktur) dan Kepala Satpol-PP "
            "Farly Kotambunan mengangkat Papa Pande (Cepat Tanggap PPNS dalam Penegakan Peraturan Daerah).")
    programs, _ = find_programs(text)
    assert [p["aliases"] for p in programs] == [["Akses Bang Dali"], ["Papa Pande"]]
    assert programs[1]["name"] == "Papa Pande (Cepat Tanggap PPNS dalam Penegakan Peraturan Daerah)"


def test_bodies_places_people_and_acronyms_before_brackets_are_not_short_names():
    text = ("Rapat dihadiri Kadis Pendidikan Agus Herawan SIP (Ka. Kesbangpolinmas Kab. Demak), warga "
            "Jabodebek (Jakarta, Bogor, Depok dan Kabupaten Bekasi) dan petugas Kota Bekasi (Jawa Barat Selatan "
            "Raya). Persoalan PBB (Pajak Bumi Bangunan) dibahas bersama Siti Rahma (Ketua TP PKK Kota Bekasi).")
    assert names(text) == []


def test_description_after_a_program_word_named_in_brackets():
    text = ("Kami ingin melihat program jelajah edukasi di laman pendidikan Banyuwangi (Jendela Wangi), "
            "serta Gerakan Daerah Angkat Anak Muda Putus Sekolah (Garda Ampuh). Wali Kota meluncurkan "
            "aplikasi agenda wali kota berbasis elektronik (e-agenda) di kantornya.")
    assert names(text) == ["jelajah edukasi di laman pendidikan Banyuwangi (Jendela Wangi)",
                           "Gerakan Daerah Angkat Anak Muda Putus Sekolah (Garda Ampuh)",
                           "agenda wali kota berbasis elektronik (e-agenda)"]


def test_clauses_and_word_abbreviations_in_brackets_are_not_names():
    text = ("Gagasan ini sebagai proyek perubahan dari Diklat Kepemimpinan (Pim) 3. Inovasi Desa menjadi "
            "pilihan kegiatan yang dilaksanakan oleh Pemerintah Daerah (Pemda). Program ini untuk "
            "peningkatan indeks pembangunan manusia (IPM).")
    assert names(text) == []


def test_short_name_stated_as_an_abbreviation():
    text = ("Kecamatan Dlanggu memiliki aplikasi berbasis online. Yaitu, Sayangi Dlanggu, singkatan dari "
            "Sistem Aplikasi Pelayanan Bersinergi Dlanggu. Aplikasi ini memudahkan warga.")
    programs, _ = find_programs(text)
    assert [(p["name"], p["aliases"]) for p in programs] == [
        ("Sistem Aplikasi Pelayanan Bersinergi Dlanggu (Sayangi Dlanggu)", ["Sayangi Dlanggu"])]


def test_bracketed_phrase_outside_a_passage_about_programmes_is_no_expansion():
    text = ("Toko itu berdiri di Jalan Pecinan (sekarang Jalan Pasar Besar) sejak lama. Partai pengusung "
            "Lex Laksamana (Demokrat dan PAN) menang, kata Heruwasto (Dosen Fakultas Ekonomi Universitas Indonesia).")
    assert names(text) == []
