"""Programs named in an announced series: inline, bulleted, 'Name: description' lines, ordinals."""

from __future__ import annotations

from pipeline.programs import find_programs


def names(text: str) -> list[str]:
    """The names of the programs found in text."""
    return [p["name"] for p in find_programs(text)[0]]


def test_inline_series_after_counted_program_noun():
    text = ("Ia juga menekankan agar pejabat baru turut mendukung pelaksanaan tiga program unggulan "
            "Pemerintah Provinsi Papua Barat, yakni Papua Barat Cerdas, Papua Barat Sehat, dan Papua Barat "
            "Produktif.\n“Program-program ini harus berjalan,” katanya.")
    assert names(text) == ["Papua Barat Cerdas", "Papua Barat Sehat", "Papua Barat Produktif"]


def test_series_of_names_with_their_expansions_merges_with_the_pair():
    text = ("Program tersebut adalah Sepeda Keren (Sekolah Perempuan, Anak, Disabilitas, dan Kelompok Rentan), "
            "Rumah Perempuan, Smart Center, dan PKSAI (Program Kesejahteraan Sosial Anak Interaktif).")
    programs, _ = find_programs(text)
    assert [p["name"] for p in programs][:3] == [
        "Sepeda Keren (Sekolah Perempuan, Anak, Disabilitas, dan Kelompok Rentan)", "Rumah Perempuan",
        "Smart Center"]
    assert len(programs) == 4 and "Program Kesejahteraan Sosial Anak Interaktif" in programs[-1]["name"]
    assert programs[-1]["aliases"] == ["PKSAI"]  # one program, not the pair beside the series item


def test_bulleted_series_keeps_capitalised_verbs_inside_names():
    text = ("Visi ini kemudian dijabarkan dalam sembilan program unggulan, yaitu:\n- Padang Amanah\n"
            "- Smart Surau\n- Padang Melayani\n- UMKM Naik Kelas\nWali Kota menekankan pentingnya perencanaan.")
    assert names(text) == ["Padang Amanah", "Smart Surau", "Padang Melayani", "UMKM Naik Kelas"]


def test_name_colon_description_lines():
    text = ("Bupati juga memaparkan sejumlah program unggulan, antara lain: Bursel Tertata: Melakukan reformasi "
            "birokrasi dan pembinaan disiplin ASN.\nBursel Cerdas: Menyediakan pendidikan gratis untuk PAUD.\n"
            "Bursel Terang dan Terhubung: Pemasangan jaringan listrik desa.\n")
    assert names(text) == ["Bursel Tertata", "Bursel Cerdas", "Bursel Terang dan Terhubung"]


def test_short_lower_case_names_after_yakni_but_not_generic_phrases():
    text = ("Banyak program yang kami jalankan, diantaranya seperti program swasembada gizi, swasembada "
            "sekolah dan swasembada rumahku untuk menuntaskan kemiskinan.")
    assert names(text) == ["swasembada gizi", "swasembada sekolah", "swasembada rumahku"]
    aims = ("Inovasi di Surabaya harus berorientasi pada tujuh sasaran utama, yaitu: menekan angka kemiskinan, "
            "menurunkan kematian ibu dan anak, menanggulangi stunting.")
    assert names(aims) == []
    fields = "Inovasi tersebut mencakup berbagai bidang seperti ekonomi, teknologi informasi, kesehatan, sosial."
    assert names(fields) == []


def test_series_of_villages_is_not_a_series_of_programs():
    text = ("Bursa ini mengetengahkan sejumlah inovasi dari setidaknya 9 Desa diantaranya Desa Kadindi dan "
            "Desa Calabai dari Kecamatan Pekat, Desa Sukadamai, Desa Nusa Jaya, dan Desa Kwangko.")
    assert names(text) == []


def test_series_ends_at_its_first_piece_that_is_not_a_name():
    text = ("Salah satu inovasi yang menjadi sorotan adalah Kartu Sumbawa Barat Maju, program berbasis digital "
            "yang mengadopsi prinsip Smart City.")
    assert names(text) == ["Kartu Sumbawa Barat Maju"]


def test_a_predicate_after_adalah_is_not_a_series():
    text = ("Bupati Saidi Mansyur mengatakan, inovasi adalah kunci meningkatkan pertumbuhan ekonomi, daya saing "
            "daerah, dan meningkatkan kesejahteraan masyarakat.")
    assert names(text) == []


def test_numbered_programs_by_ordinal():
    text = ("Pemerintah Kota meluncurkan lima program prioritas.\nProgram pertama, yakni Pendidikan Unggul dan "
            "Merata. Adapun langkah konkret program ini meliputi pelatihan guru.\nProgram kedua, Pelayanan "
            "Kesehatan Paripurna. Yang berfokus pada akses layanan.")
    assert names(text) == ["Pendidikan Unggul dan Merata", "Pelayanan Kesehatan Paripurna"]


def test_abbreviated_phrase_is_not_a_program():
    text = "Pertemuan ini menyelaraskan visi, misi, serta program unggulan (Progul) yang akan dijalankan."
    assert names(text) == []


def test_e_prefixed_system_names_but_not_common_nouns():
    text = ("Kunjungan membahas sinergitas antara E-Planning dengan E-Parkir serta pengadaan lewat "
            "e-procurement dan penerapan e-government.")
    assert names(text) == ["E-Planning", "E-Parkir"]


def test_team_set_up_for_a_task_needs_no_acronym():
    text = ("Catur sempat menjabat Ketua Tim Tanggap COVID-19 DKI Jakarta. Hadir pula Tim Peliputan "
            "Diskominfo Kota Tebingtinggi.")
    assert names(text) == ["Tim Tanggap COVID-19 DKI Jakarta"]


def test_document_acronym_with_different_years_names_different_documents():
    text = ("Gubernur membuka Musrenbang dalam rangka penyusunan Rencana Kerja Pemerintah Daerah (RKPD) Tahun "
            "2024. Provinsi NTB akan mengakhiri RKPD 2018-2023. Fokus RKPD 2024-2026 adalah membangun manusia.")
    assert names(text) == ["Rencana Kerja Pemerintah Daerah (RKPD) Tahun 2024", "RKPD 2018-2023", "RKPD 2024-2026"]
    one_year = "Wali Kota membuka Kick Off Meeting RKPD 2022. Penyusunan RKPD 2022 dibahas bersama OPD."
    assert names(one_year) == ["RKPD 2022"]


def test_program_after_a_comma_and_dan_is_not_inside_a_longer_name():
    text = ("Fokus studi tiru terkait reputasi Banyuwangi sebagai kabupaten dengan festival terbanyak, dan Program "
            "Smart Kampung yang mendorong pelayanan desa. Badan Riset dan Inovasi Daerah ikut hadir.")
    assert names(text) == ["Smart Kampung"]


def test_series_intro_opening_the_next_sentence():
    text = ("Pemkot Mataram tertarik dengan berbagai program Pemkot Bengkulu. Seperti Akta Kematian antar alamat, "
            "KTP antar alamat dan program lainnya.")
    assert names(text) == ["Akta Kematian antar alamat", "KTP antar alamat"]


def test_national_programme_written_out_without_its_acronym():
    text = "Rombongan meninjau Program Cek Kesehatan Gratis di Puskesmas Detusoko bersama kepala desa."
    (ckg,), _ = find_programs(text)
    assert ckg["name"] == "Cek Kesehatan Gratis"


def test_task_forces_are_programs_without_an_acronym():
    text = "Bupati membentuk Satgas Pengamanan Pantai dan Satgas Pupuk untuk musim tanam tahun ini."
    assert names(text) == ["Satgas Pengamanan Pantai", "Satgas Pupuk"]


def test_political_party_is_not_a_movement():
    text = "Ketua DPD Partai Gerakan Indonesia Raya (Gerindra) Kalimantan Tengah ikut hadir."
    assert names(text) == []


def test_categories_of_a_regulation_list_are_not_programs():
    text = ("Sesuai Permendagri, bentuk inovasi daerah meliputi 1) Inovasi Tata Kelola Pemerintahan Daerah; "
            "2) Inovasi Pelayanan Publik; dan 3) Inovasi Daerah lainnya. Aplikasi tersebut merupakan Inovasi "
            "Layanan Publik.")
    assert names(text) == []


def test_first_name_after_yakni_is_kept_where_the_series_turns_into_phrases():
    text = ("Ke depan akan ada dua program yang akan dijalankan bersama, diantaranya revitalisasi Kota Tua Ampenan "
            "hingga pengelolaan dan pengadaan transportasi publik di Kota Mataram. Empat program unggulan di "
            "periode pertama yakni kesehatan gratis, pembangunan infrastruktur dan ekonomi kerakyatan.")
    programs, _ = find_programs(text)
    assert [p["name"] for p in programs] == ["revitalisasi Kota Tua Ampenan", "kesehatan gratis"]


def test_a_single_capitalised_word_after_seperti_is_no_series():
    text = "Pemkot punya banyak program seperti Bupati sampaikan kemarin, dan inovasi adalah Kunci kemajuan."
    programs, _ = find_programs(text)
    assert programs == []


def test_generic_head_with_the_qualifier_of_the_name_before_is_a_name():
    text = ("Empat program unggulan di periode pertama yakni kesehatan gratis, pendidikan gratis, pembangunan "
            "infrastruktur dan ekonomi kerakyatan terus dijalankan hingga sekarang.")
    programs, _ = find_programs(text)
    assert [p["name"] for p in programs] == ["kesehatan gratis", "pendidikan gratis"]
