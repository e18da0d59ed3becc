"""Ordinal runs as news text writes them: unmarked first points, counted nouns as marker heads,
a quoted closer, a speaker's attribution inside an item; and ordinal words that are no list."""

from __future__ import annotations

from pipeline.lists import find_task_lists

from .list_fixtures import items


def test_unmarked_first_point_then_selanjutnya_then_ketiga():
    text = ("Menurutnya, ada 4 pesan khusus untuk Kabupaten Mukomuko. Keempat pesan tersebut dimulai dari "
            "pemetaan potensi sumber daya alam. Selanjutnya bangun komitmen antar kecamatan. Ketiga tingkatkan "
            "kualitas pelayanan dasar. Keempat jaga harmonisasi dengan tokoh adat.")
    assert items(text) == [["pemetaan potensi sumber daya alam", "bangun komitmen antar kecamatan",
                            "tingkatkan kualitas pelayanan dasar", "jaga harmonisasi dengan tokoh adat"]]


def test_kedua_without_a_count_before_it_is_not_backfilled():
    text = ("Bupati meninjau pasar. Ia berbincang dengan pedagang. Kedua, harga cabai naik. "
            "Ketiga, pasokan beras aman.")
    assert find_task_lists(text) == []


def test_counted_noun_heads_inline_markers():
    text = ("Peresmian dilaksanakan di 3 (tiga) lokasi. Lokasi yang pertama adalah irigasi Pendowo senilai "
            "Rp 22.000.000,- lokasi yang kedua penataan lanskap Kecamatan Bambanglipuro,- lokasi ketiga "
            "pembangunan depo sampah di Desa Murtigading.")
    assert items(text) == [["irigasi Pendowo senilai Rp 22.000.000", "penataan lanskap Kecamatan Bambanglipuro",
                            "pembangunan depo sampah di Desa Murtigading"]]


def test_marker_head_words_before_a_paragraph_marker():
    text = ("Program pertama, yakni Pendidikan Unggul dan Merata.\nLangkahnya meliputi pelatihan guru.\n"
            "“Kami menargetkan mutu pendidikan naik,” ujar Mohan.\n"
            "Program kedua, Pelayanan Kesehatan Paripurna.\nProgram ketiga ialah Pariwisata Berkualitas.")
    assert items(text) == [["Pendidikan Unggul dan Merata", "Pelayanan Kesehatan Paripurna",
                            "Pariwisata Berkualitas"]]


def test_quoted_closer_with_poin_terakhir_itu():
    text = ("Tiga poin solusi tersebut, memang yang pertama agar warga dapat beraktivitas. Kemudian yang kedua "
            "agar aparat mengedepankan pendekatan preventif. \"Lalu poin terakhir itu kami membantu proses "
            "perizinan,\" papar Ketua DPRD.")
    (found,) = items(text)
    assert found[-1] == "kami membantu proses perizinan"


def test_attribution_after_a_quoted_item_is_cut():
    text = ("Gibran memaparkan dua lokasi yang akan direvitalisasi.\n\"Pertama pembangunan rel layang simpang "
            "joglo. Kedua pembangunan masjid Sheikh Zayed sebagai destinasi religi,\" papar Gibran.")
    assert items(text) == [["pembangunan rel layang simpang joglo",
                            "pembangunan masjid Sheikh Zayed sebagai destinasi religi"]]


def test_closer_after_the_count_is_reached_is_not_an_item():
    text = ("Dia menekankan dua tugas utama, antara lain pertama menurunkan angka COVID-19.\n"
            "Kedua, mendukung program vaksinasi.\nAnsar juga meminta wali kota membangun ekonomi.\n"
            "\"Terakhir, saya ingatkan bahwa pergantian kepala daerah merupakan dinamika politik.\"")
    assert items(text) == [["menurunkan angka COVID-19", "mendukung program vaksinasi"]]


def test_repeated_event_labels_are_not_a_list():
    text = ("Kunjungan pertama Gubernur dilakukan ke Pasar Atas pada pagi hari. Rombongan lalu beristirahat. "
            "Kunjungan kedua ke RSUD dilakukan siang harinya bersama Kepala Dinas Kesehatan.")
    assert find_task_lists(text) == []
