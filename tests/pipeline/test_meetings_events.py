"""Meetings: separate events of one article stay separate (issue 13)."""

from __future__ import annotations

from pipeline.dates import find_dates
from pipeline.meetings import find_meetings
from pipeline.officials import find_officials


def events_of(text: str) -> list[set[str]]:
    """The participants of each meeting found in the text, with the text's own dates."""
    return [{p["name"] for p in m["participants"]}
            for m in find_meetings(text, find_officials(text), find_dates(text))]


def test_events_on_different_days_are_different_meetings():
    text = ("Wali Kota Sorong, Septinus Lobat menghadiri peringatan HUT Ke-25 Kota Sorong bersama Ketua DPRD Kota "
            "Sorong Petronela Kambuaya pada Jumat (28/2/2025). Wali Kota Sorong Septinus Lobat kembali memimpin apel "
            "perdana bersama Sekda Yakob Kareth di halaman Kantor Wali Kota Sorong, pada Senin (3/3/2025).")
    assert events_of(text) == [{"Septinus Lobat", "Petronela Kambuaya"}, {"Septinus Lobat", "Yakob Kareth"}]


def test_one_day_officials_alone_make_no_meeting():
    text = ("Program prioritas ini pertama kali disampaikan dalam peringatan HUT Ke-25 Kota Sorong pada Jumat "
            "(28/2/2025), yang mana sambutan tersebut dibacakan oleh Sekda Yakob Kareth. Wali Kota Sorong Septinus "
            "Lobat kembali menegaskan komitmen itu dalam apel perdana di halaman Kantor Wali Kota Sorong, pada Senin "
            "(3/3/2025).")
    assert events_of(text) == []


def test_a_document_signed_years_before_is_background():
    text = ("Bupati Tanjung Jabung Barat Anwar Sadat dan Bupati Tanjung Jabung Timur Romi Hariyanto, Rabu (31/5/2023), "
            "menggelar pertemuan di Kemendagri. Pertemuan tersebut juga dihadiri Gubernur Jambi Al Haris. Berita "
            "acara kesepakatan tanggal 19 Mei 2021 ditandatangani oleh Bupati Tanjung Jabung Barat Anwar Sadat dan "
            "Pj Gubernur Jambi Hari Nur Cahya Murni.")
    assert events_of(text) == [{"Anwar Sadat", "Romi Hariyanto", "Al Haris"}]


def test_an_event_told_after_sebelumnya_is_another_meeting():
    text = ("Pj Gubernur Sumsel Budi Santoso bersilaturahmi dengan Pangdam II/Sriwijaya Mayjen TNI Rahmat Hidayat "
            "membahas penanganan karhutla. Sebelumnya, setiba di Palembang, Pj Gubernur Budi Santoso langsung "
            "meninjau sejumlah ruangan di Sekretariat Daerah. Dia didampingi Sekda Andi Saputra mengecek ruang "
            "kerjanya. Diketahui, Mendagri Tito Karnavian secara resmi melantik Budi Santoso sebagai Pj Gubernur.")
    assert events_of(text) == [{"Budi Santoso", "Rahmat Hidayat"}, {"Budi Santoso", "Andi Saputra"},
                               {"Tito Karnavian", "Budi Santoso"}]


def test_sebelumnya_naming_nobody_new_retells_the_same_meeting():
    text = ("Ketua TP PKK Sumut Rina Lubis mengunjungi Posyandu di Desa Sei Silau, Senin (05/09/2022). Dalam kunjungan "
            "tersebut, Rina Lubis didampingi Ketua TP PKK Asahan Titi Suryani. Sebelumnya, Rina Lubis mendengarkan "
            "paparan dari Ketua TP PKK Asahan Titi Suryani di Aula Kantor Desa.")
    assert events_of(text) == [{"Rina Lubis", "Titi Suryani"}]


def test_a_dialog_a_speaker_dates_beberapa_waktu_lalu_is_another_meeting():
    text = ("Menteri Dalam Negeri Tito Karnavian menerima Bupati Merauke, Yohanes Gebze di ruang kerjanya, Selasa "
            "(30/3/2021). Bupati Merauke Yohanes Gebze menambahkan, beberapa waktu lalu, pihaknya sudah ke Keppi, "
            "Kabupaten Mappi melakukan dialog bersama wakilnya, Markus Ndiken.")
    assert events_of(text) == [{"Tito Karnavian", "Yohanes Gebze"}, {"Yohanes Gebze", "Markus Ndiken"}]


def test_a_meeting_dated_tahun_lalu_adds_nobody():
    text = ("Gubernur Jambi Al Haris menerima Bupati Kerinci Adirozal di rumah dinas, Senin (3/5/2021). Tahun lalu, "
            "Al Haris juga bertemu Wali Kota Jambi Syarif Fasha di Jakarta.")
    assert events_of(text) == [{"Al Haris", "Adirozal"}]
