"""Marker lines as writers type them: loose markers, wrapped items, sub-lists under one item."""

from __future__ import annotations

from pipeline.lists import find_task_lists

from .list_fixtures import items


def test_colon_and_spaced_colon_markers():
    text = ("Hasil rapat koordinasi sebagai berikut:\n1. Penertiban pedagang kaki lima di alun-alun\n"
            "2: Perbaikan drainase di Jalan Sudirman\n3 : Pendataan ulang penerima bantuan sosial")
    assert items(text) == [["Penertiban pedagang kaki lima di alun-alun", "Perbaikan drainase di Jalan Sudirman",
                            "Pendataan ulang penerima bantuan sosial"]]


def test_letter_i_typed_for_the_digit_one():
    lines = [f"{n}. Desa nomor {n} menerima bantuan" for n in range(1, 10)]
    text = "Sepuluh desa penerima bantuan:\n" + "\n".join(lines) + "\nI0. Desa Sukamaju menerima bantuan"
    (found,) = items(text)
    assert len(found) == 10 and found[-1] == "Desa Sukamaju menerima bantuan"


def test_bare_number_where_the_neighbours_carry_periods():
    text = ("Berikut 3 pejabat yang baru saja dilantik:\n1 Drs. Uus Kuswanto sebagai Wali Kota Jakarta Barat\n"
            "2. Junaedi sebagai Bupati Kepulauan Seribu\n3. Hendra Hidayat sebagai Wakil Wali Kota Jakarta Timur")
    (found,) = find_task_lists(text)
    assert found["complete"] is True
    assert found["items"][0]["text"] == "Drs. Uus Kuswanto sebagai Wali Kota Jakarta Barat"


def test_bare_numbers_alone_are_not_a_list():
    text = "Hasil pertandingan:\n1 Persib menang\n2 Persija kalah\n3 Arema seri"
    assert find_task_lists(text) == []


def test_item_that_wraps_onto_an_unmarked_line():
    text = ("Empat poin kesepakatan tersebut yakni:\n1. Para bupati sepakat membatalkan berita acara lama.\n"
            "2. Para bupati sepakat menunda pembahasan batas daerah sampai Pemilu 2024.\n"
            "Penyelesaian batas dilaksanakan secara musyawarah.\n"
            "3. RTRW provinsi tetap dilanjutkan pengesahannya.\n4. Para pihak mendukung rekomendasi kementerian.")
    (found,) = items(text)
    assert len(found) == 4
    assert found[1].endswith("dilaksanakan secara musyawarah")


def test_sub_list_nested_under_one_item():
    text = ("Turut hadir dalam pertemuan ini\n\n1. Dari jajaran Watimpres\n\n2. Dari jajaran SKPK Banda Aceh:\n\n"
            "– Kepala Dinas Sosial Kota Banda Aceh (Muzakkir)\n\n– Kepala Dinas Kesehatan Kota Banda Aceh\n\n"
            "3. Rektor Universitas Muhammadiyah Aceh")
    assert items(text) == [
        ["Dari jajaran Watimpres", "Dari jajaran SKPK Banda Aceh", "Rektor Universitas Muhammadiyah Aceh"],
        ["Kepala Dinas Sosial Kota Banda Aceh (Muzakkir)", "Kepala Dinas Kesehatan Kota Banda Aceh"]]


def test_counted_series_inside_one_bulleted_item():
    text = ("Kemudian kami mengusulkan:\n- Tindak lanjut pembentukan provinsi baru dimana bergabung tiga "
            "kabupaten yaitu Merauke, Mappi, dan Boven Digoel\n- Dukungan infrastruktur jalan poros Merauke")
    found = items(text)
    assert ["Merauke", "Mappi", "Boven Digoel"] in found and len(found) == 2


def test_numbered_report_section_headings_are_not_one_list():
    text = ("1. Pendahuluan\nLaporan ini disusun untuk memenuhi kewajiban daerah sebagaimana diatur.\n"
            "Bagian ini menjelaskan latar belakang penyusunan laporan.\n"
            "Data dihimpun dari seluruh perangkat daerah selama setahun.\n"
            "2. Capaian Kinerja\nCapaian kinerja daerah meningkat dibanding tahun lalu.")
    assert find_task_lists(text) == []
