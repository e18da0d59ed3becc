"""Programme names read from their shape: quantity slogans, e-prefixed systems, 100 days."""

from __future__ import annotations

from pipeline.programs import find_programs


def names(text: str) -> list[str]:
    """The names of the programs found in text."""
    return [p["name"] for p in find_programs(text)[0]]


def test_movement_named_by_a_quantity_in_lower_case():
    text = ("Pemerintah bersinergi memutus penyebaran COVID-19, yaitu dengan gerakan sejuta masker diadakan oleh "
            "Pemda, dan program 1000 sumur resapan untuk warga.")
    assert names(text) == ["gerakan sejuta masker", "1000 sumur resapan"]


def test_a_quantity_of_days_or_people_is_no_slogan():
    text = ("Wali Kota memulai program seratus hari kerja. Gerakan ini diikuti sejuta warga, dan program "
            "sejuta yang dibagikan.")
    assert names(text) == ["program seratus hari kerja"]


def test_names_branded_with_an_english_word_and_a_proper_name():
    text = ("Di Pekanbaru, konsep ini disebut Pekanbaru Smart City Madani. Peraturan Gubernur tentang "
            "penyelenggaraan Sumsel Smart Province terbit, selaku Anggota Dewan Smart City Kabupaten Sumbawa.")
    assert names(text) == ["Pekanbaru Smart City Madani", "Sumsel Smart Province", "Dewan Smart City"]


def test_the_concept_alone_a_headline_or_capitals_are_no_brand():
    text = ("Kota Pekanbaru Jadi Rujukan Konsep Smart City\nMewujudkan Kota Pintar (Smart City) sesuai prinsip "
            "pemerintahan elektronik dan Smart City. Sekolah memakai SMART Board baru.")
    assert names(text) == []


def test_team_for_a_task_written_in_lower_case_with_its_shorter_mention():
    text = ("Rapat dihadiri tim percepatan batas Daerah utusan Kemendagri. Kementerian dalam negeri melalui tim "
            "percepatan penegasan batas daerah melaksanakan rapat percepatan.")
    programs, _ = find_programs(text)
    assert [(p["name"], p["aliases"]) for p in programs] == [
        ("tim percepatan penegasan batas daerah", ["tim percepatan batas Daerah"])]


def test_lower_case_team_also_written_as_a_proper_name_is_read_once():
    text = ("Wali Kota membentuk tim percepatan pembangunan. Tim Percepatan Pembangunan (TPP) beranggotakan "
            "20 orang.")
    assert names(text) == ["Tim Percepatan Pembangunan (TPP)"]


def test_branded_name_as_a_numbered_list_item():
    text = ("Lima program prioritas:\n\n4. Transformasi Birokrasi dan Tata Kelola Pemerintahan\n\n"
            "5. Visit Wonderful Bengkulu 2020\n\nDari program pertama, kemiskinan turun.")
    assert names(text) == ["Visit Wonderful Bengkulu"]
