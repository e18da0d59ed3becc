"""Programs and organisations: acronym pairs, planning documents, cue-led names, exclusions."""

from __future__ import annotations

import pytest

from pipeline.programs import find_programs
from pipeline.programs_acronyms import acronym_letters, match_expansion


def names(programs: list[dict]) -> list[str]:
    """The names of the programs found."""
    return [p["name"] for p in programs]


def test_acronym_letters_repeat_by_digit():
    assert acronym_letters("TWUP4") == "twupppp"
    assert acronym_letters("TP2KB") == "tppkb"


def test_expansion_with_indonesian_function_word():
    words = "Maka dibentuk Tim Wali Kota untuk Percepatan Penyelenggaraan Pemerintah dan Pembangunan".split()
    assert words[match_expansion("TWUP4", words)] == "Tim"


def test_team_pairs_with_digit_acronyms():
    text = ("Dedy Wahyudi memperkenalkan unsur pimpinan OPD dan Tim Percepatan Pembangunan Kota Bengkulu "
            "(TP2KB) yang turut serta. Maka dibentuk Tim Wali Kota untuk Percepatan Penyelenggaraan "
            "Pemerintah dan Pembangunan (TWUP4) Kota Bekasi. Ada beberapa hal yang ingin dipelajari dari TWUP4.")
    programs, _ = find_programs(text)
    assert names(programs) == ["Tim Percepatan Pembangunan Kota Bengkulu (TP2KB)",
                               "Tim Wali Kota untuk Percepatan Penyelenggaraan Pemerintah dan Pembangunan (TWUP4)"]
    assert all(p["kind"] == "team" for p in programs)
    twup4 = programs[1]
    assert twup4["aliases"] == ["TWUP4"] and len(twup4["mentions"]) == 2
    assert text[twup4["start"]:twup4["end"]].startswith("Tim Wali Kota")


def test_acronym_before_its_english_expansion():
    text = "“Yang terbaru akan segera diluncurkan BISA (Bogor Integrated System of Aspiration),” jelas Bima."
    (bisa,), _ = find_programs(text)
    assert bisa["aliases"] == ["BISA"] and bisa["kind"] == "app"
    assert "Bogor Integrated System of Aspiration" in bisa["name"]


def test_planning_documents_need_a_year_or_expansion():
    text = ("Wali Kota membuka Kick Off Meeting RKPD 2022. Ketercapaian target indikator dan perubahan "
            "RPJMD tahun 2018 – 2023 dibahas. RKPD disusun berpedoman pada RKP nasional serta RPJMD kabupaten.")
    programs, _ = find_programs(text)
    assert names(programs) == ["RKPD 2022", "RPJMD tahun 2018 – 2023"]
    assert {p["kind"] for p in programs} == {"plan"}


def test_document_pair_with_region_and_year():
    text = ("Sekda membuka pra-musrenbang rencana kerja pemerintah daerah (RKPD) Kaltim tahun 2023. "
            "Usulan dimaksud dapat diinternalisasi di dalam Renja Perangkat Daerah 2023.")
    programs, _ = find_programs(text)
    assert names(programs) == ["rencana kerja pemerintah daerah (RKPD) Kaltim tahun 2023",
                               "Renja Perangkat Daerah 2023"]


def test_compound_acronym_in_parentheses():
    text = ("Pemkab menggelar Pra Musyawarah Perencanaan Pembangunan Rencana Kerja Pemerintah Daerah "
            "(Musrenbang RKPD) Tahun 2026, Rabu (26/3/2025).")
    (rkpd,), _ = find_programs(text)
    assert rkpd["name"] == "Rencana Kerja Pemerintah Daerah (RKPD) Tahun 2026"


def test_quoted_and_cue_led_names():
    text = ("Acara ‘Sapa Bupati’ perdana digelar di Pendopo. Bupati menjelaskan bahwa program ‘Sapa Bupati’ "
            "adalah kewajiban pemimpin daerah. Acara juga diisi pemaparan rencana program kerja 100 hari "
            "Bupati dan Wakil Bupati. Mahasiswa meminta Pemkot konsisten terhadap program Bogor tanpa plastik.")
    programs, _ = find_programs(text)
    assert names(programs) == ["Sapa Bupati", "program kerja 100 hari Bupati dan Wakil Bupati", "Bogor tanpa plastik"]
    assert len(programs[0]["mentions"]) == 2


def test_names_listed_after_program_dan_inovasi():
    text = ("Bima menjelaskan program dan inovasi terbaru, diantaranya Sekolah Ibu yang terbukti efektif, "
            "Anjas Go Clear yang masuk inovasi TOP 40 Tingkat Nasional, dan penghargaan lainnya.")
    programs, _ = find_programs(text)
    assert names(programs) == ["Sekolah Ibu", "Anjas Go Clear"]


def test_team_named_by_cue_and_its_acronym():
    text = ("Telah dilaksanakan Rapat Koordinasi Tim Forum Kewaspadaan Dini daerah Kab. Demak. "
            "“Selamat bergabung di FKD,” ujarnya. Diberlakukannya PPKM Mikro diharapkan efektif.")
    programs, _ = find_programs(text)
    assert names(programs) == ["Tim Forum Kewaspadaan Dini", "PPKM Mikro"]
    assert programs[0]["aliases"] == ["FKD"] and programs[1]["aliases"] == ["PPKM"]


@pytest.mark.parametrize("text", [
    "Penggunaan Anggaran Pendapatan dan Belanja Daerah (APBD) harus tepat sasaran.",
    "Bupati menyampaikan Laporan Keterangan Pertanggungjawaban (LKPJ) di rapat paripurna.",
    "Para peserta Pendidikan dan Pelatihan Kepemimpinan (Diklatpim) tiba di Bogor.",
    "Seluruh Aparatur Sipil Negara (ASN) wajib hadir, kata Sekretaris Daerah (Sekda).",
    "Pemerintah menyusun program kerja dan program prioritas untuk pembangunan infrastruktur.",
    "Audiensi terkait bantuan Kemitraan Pemprov DKI Jakarta untuk Pemkot Bekasi.",
    "Peserta didik Program Studi Teknik Informatika mengikuti lomba.",
])
def test_not_programs(text):
    programs, _ = find_programs(text)
    assert programs == []


def test_agencies_are_organizations():
    text = ("Kepala Badan Perencanaan Pembangunan Daerah (Bappeda) hadir bersama Dinas PUPR. "
            "Seluruh Organisasi Perangkat Daerah (OPD) diwajibkan memiliki juru bicara.")
    programs, orgs = find_programs(text)
    assert programs == []
    org_names = " | ".join(o["name"] for o in orgs)
    assert "Badan Perencanaan Pembangunan Daerah (Bappeda)" in org_names
    assert "Organisasi Perangkat Daerah (OPD)" in org_names and "PUPR" in org_names


def test_owner_from_official_mention():
    text = "Wali Kota Bogor Bima Arya meluncurkan aplikasi Sapa Warga di Balai Kota."
    start = text.index("Bima Arya")
    officials = [{"name": "Bima Arya", "mentions": [{"text": "Bima Arya", "start": start, "end": start + 9}]}]
    (app,), _ = find_programs(text, officials)
    assert app["name"] == "Sapa Warga" and app["kind"] == "app" and app["owner"] == "Bima Arya"


def test_short_name_with_spelled_out_system_expansion():
    text = ("Bulan depan Diskominfo akan meluncurkan Sipandu (sistem informasi pelayanan terpadu). "
            "Rapat uji coba aplikasi Sipandu dilaksanakan di ruang rapat, dan aplikasi Sipandu juga akan "
            "digunakan kecamatan.")
    programs, _ = find_programs(text)
    assert names(programs) == ["sistem informasi pelayanan terpadu (Sipandu)"]
    assert programs[0]["aliases"] == ["Sipandu"]


def test_capitalised_word_before_an_ordinary_gloss_is_not_a_pair():
    programs, _ = find_programs("Rombongan tiba di Manado (ibu kota provinsi) pada sore hari.")
    assert programs == []


def test_cue_led_name_stops_at_verbs_auxiliaries_and_atau():
    text = ("Di antaranya program Lumbung Desa atau gerakan menabung gabah. Aplikasi Simpeg telah "
            "dipakai seluruh OPD, sedangkan aplikasi Kartu Sehat diluncurkan tahun lalu.")
    programs, _ = find_programs(text)
    assert names(programs) == ["Lumbung Desa", "Simpeg", "Kartu Sehat"]


def test_web_address_named_as_an_app():
    programs, _ = find_programs("Warga dapat mengadu melalui aplikasi Lapor.go.id setiap hari.")
    assert names(programs) == ["Lapor.go.id"]


def test_known_programme_qualifier_stays_on_its_line():
    text = "Rapat Evaluasi PPKM\n\nKabarKota.id – Pemkot mengevaluasi pelaksanaan PPKM di 12 kelurahan."
    programs, _ = find_programs(text)
    assert names(programs) == ["PPKM"]


def test_number_inside_a_capitalised_name_but_not_a_rank_or_a_year():
    text = ("Kami ingin menerapkan Program Wajib Belajar 12 Tahun yang telah diterapkan di Gowa, dan "
            "mensukseskan program Gerakan Menuju 100 Smart City Indonesia di Kabupaten Sumbawa. "
            "Kabupaten ini meraih inovasi TOP 40 Tingkat Nasional dalam kategori Aplikasi Mendukung Asian Games 2018.")
    programs, _ = find_programs(text)
    assert names(programs) == ["Wajib Belajar 12 Tahun", "Gerakan Menuju 100 Smart City Indonesia"]


def test_scholarships_master_plans_and_planned_projects_after_their_nouns():
    text = ("Langkah konkret program ini meliputi pemberian beasiswa Mataram Cerdas bagi pelajar berprestasi. "
            "Dinas juga mensosialisasikan Masterplan Smart City Sumbawa kepada Pimpinan Perangkat Daerah. "
            "Pemkab Serang punya program pembangunan Pusat Kajian Kitab Kuning Syeikh Nawawi Albantani. "
            "Ada pula beasiswa bagi 200 mahasiswa dan program pembangunan jalan desa.")
    programs, _ = find_programs(text)
    assert names(programs) == ["Mataram Cerdas", "Masterplan Smart City Sumbawa",
                               "pembangunan Pusat Kajian Kitab Kuning Syeikh Nawawi Albantani"]
    assert programs[1]["kind"] == "plan"


def test_pair_without_a_head_word_is_a_planned_project_after_a_building_noun():
    text = ("Bupati melakukan peninjauan lokasi pembangunan Kawasan Desa Kawasan Maju dan Produktif (KDKMP) di "
            "Desa Huidu. Program ini untuk peningkatan Indeks Pembangunan Manusia (IPM) dan pembangunan "
            "Pendapatan Asli Daerah (PAD).")
    programs, _ = find_programs(text)
    assert [(p["name"], p["aliases"]) for p in programs] == [
        ("Kawasan Desa Kawasan Maju dan Produktif (KDKMP)", ["KDKMP"])]


def test_planning_document_with_its_horizon_year():
    text = ("Saya bersama seluruh jajaran harus berlari untuk mengejar target RPJMD sampai 2023. "
            "RKPD disusun berpedoman pada RPJMD kabupaten.")
    programs, _ = find_programs(text)
    assert [(p["name"], p["aliases"]) for p in programs] == [("RPJMD sampai 2023", ["RPJMD"])]


def test_national_programme_written_out_with_a_spelling_variant():
    text = "Fokus studi tiru juga terkait best practise Mall Pelayanan Publik di kabupaten itu."
    programs, _ = find_programs(text)
    assert names(programs) == ["Mall Pelayanan Publik"]


def test_one_adjective_after_a_capitalised_cue_is_no_name():
    text = ("Memajukan Sumenep dengan Harmonisasi Sosial, Dinamisasi kultur dan Inovasi Struktural, agar tidak "
            "tertinggal. Dinas meluncurkan aplikasi Sipandu.")
    programs, _ = find_programs(text)
    assert names(programs) == ["Sipandu"]


def test_a_short_name_is_found_only_where_it_stands_as_a_word_of_its_own():
    from pipeline.programs import standalone_uses

    text = ("Peserta BPJS Kesehatan dan BPJS-TK di Kota Bogor terus bertambah. Kartu eBPJS diterima "
            "di kantor BPJS, dan layanan TP PKK menjangkau kader PKK di 6 kecamatan.")
    assert [m.start() for m in standalone_uses(text, "BPJS")] == [text.index("BPJS Kes"), text.index("BPJS,")]
    # A form of two words, and its second word alone, each where it stands by itself.
    assert [m.group() for m in standalone_uses(text, "TP PKK")] == ["TP PKK"]
    assert [m.start() for m in standalone_uses(text, "PKK")] == [text.index("PKK men"), text.index("PKK di")]
