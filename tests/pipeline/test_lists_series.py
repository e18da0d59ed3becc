"""Counted prose series: one reader for every layout of an announced series."""

from __future__ import annotations

import pytest

from pipeline.lists import find_task_lists

from .list_fixtures import items


def test_series_carried_on_after_berikutnya():
    text = ("Kesembilan prioritas tersebut meliputi penataan pasar tradisional, perbaikan jalan kabupaten, "
            "serta pembangunan puskesmas pembantu. Berikutnya peningkatan mutu guru, beasiswa mahasiswa "
            "berprestasi, pengembangan desa wisata, penguatan BUMDes, digitalisasi layanan perizinan, "
            "serta penanganan stunting.")
    (found,) = find_task_lists(text)
    assert found["declared_count"] == 9 and found["complete"] is True
    assert [it["text"] for it in found["items"]][2:4] == [
        "pembangunan puskesmas pembantu", "peningkatan mutu guru"]


def test_series_carried_on_by_selain_itu_with_its_own_introducer():
    text = ("Tiga agenda yang diparipurnakan yakni, laporan Badan Pembentukan Perda tahun 2022.\n"
            "Selain itu, agenda lainnya yakni penyampaian nota pengantar rancangan perda, dan penetapan "
            "alat kelengkapan DPRD Kota Cirebon.")
    assert items(text) == [["laporan Badan Pembentukan Perda tahun 2022",
                            "penyampaian nota pengantar rancangan perda",
                            "penetapan alat kelengkapan DPRD Kota Cirebon"]]


def test_semicolon_series_with_line_breaks_inside_items():
    text = ("Keempat hal itu ialah penguatan koordinasi antara Kepala Biro Pemerintahan (Setda),\n"
            "camat dan lurah; peningkatan disiplin pegawai; percepatan realisasi anggaran; dan "
            "pelayanan publik yang cepat.")
    (found,) = items(text)
    assert len(found) == 4
    assert found[0].startswith("penguatan koordinasi") and found[0].endswith("camat dan lurah")


def test_series_without_spaces_after_commas():
    text = "Kawasan itu dibagi menjadi tiga zona,zona inti,zona penyangga,serta zona pemanfaatan."
    assert items(text) == [["zona inti", "zona penyangga", "zona pemanfaatan"]]


def test_count_and_series_inside_a_quote():
    text = ("“Ada tiga hal yang harus dijaga, yakni integritas, disiplin, dan kekompakan,” kata "
            "Bupati Sleman Kustini Sri Purnomo.")
    assert items(text) == [["integritas", "disiplin", "kekompakan"]]


def test_series_in_brackets_after_its_count():
    text = ("Ia berbuka puasa bersama para Kepala Desa di empat Kecamatan di Deli Serdang ( Patumbak, "
            "STM Hulu, Delitua, Namorambe), Senin (29/5).")
    assert items(text) == [["Patumbak", "STM Hulu", "Delitua", "Namorambe"]]


def test_series_after_a_colon_in_a_headline():
    text = "Hari Jadi Wajo, Ketua DPRD Ingatkan 3 S: Sipakatau, Sipakalebbi, Sipakainge\n\nIsi berita."
    assert items(text) == [["Sipakatau", "Sipakalebbi", "Sipakainge"]]


def test_series_after_a_comma_without_introducer():
    text = ("Gubernur menekankan empat hal penting kepada kepala daerah yang terpilih, jaga integritas, "
            "layani masyarakat dengan sepenuh hati, jaga kekompakan dan terus berkoordinasi dengan provinsi.")
    assert items(text) == [["jaga integritas", "layani masyarakat dengan sepenuh hati", "jaga kekompakan",
                            "terus berkoordinasi dengan provinsi"]]


def test_quoted_series_in_the_sentence_after_the_announcement():
    text = ("Ia juga menyampaikan tiga pesan penting kepada bupati terpilih.\n\n"
            "“Tingkatkan disiplin pegawai, jalin komunikasi dengan Forkopimda, dan fokuskan anggaran pada "
            "kebutuhan masyarakat,” ujar Gubernur.")
    assert items(text) == [["Tingkatkan disiplin pegawai", "jalin komunikasi dengan Forkopimda",
                            "fokuskan anggaran pada kebutuhan masyarakat"]]


def test_items_one_per_line_after_a_counted_colon():
    text = ("Kartu ini memiliki dua fungsi utama:\nFungsi eksekusi, sebagai alat penerima bantuan sosial.\n"
            "Fungsi kontrol, melalui kode QR yang terhubung aplikasi.\nDengan sistem ini layanan diawasi.")
    assert items(text) == [["Fungsi eksekusi, sebagai alat penerima bantuan sosial",
                            "Fungsi kontrol, melalui kode QR yang terhubung aplikasi"]]


@pytest.mark.parametrize("text, last", [
    ("Bantuan diberikan kepada masjid di tiga dusun yaitu Wawasa, Kelkulat, Kelurat yang mendapatkan "
     "Rp 100 juta tiap dusunnya.", "Kelurat"),
    ("Olehnya, semangat 3 S, yakni sipakatau, sipakalebbi, dan sipakainge mesti dijunjung tinggi.",
     "sipakainge"),
    ("Daerah ini berdekatan dengan dua kota besar, yaitu Solo dan Yogyakarta, dengan dua bandara di "
     "Yogyakarta dan Solo.", "Yogyakarta"),
])
def test_rest_of_the_sentence_is_cut_off_the_last_short_item(text, last):
    (found,) = items(text)
    assert found[-1] == last


def test_preposition_every_item_repeats_is_dropped():
    text = ("Adapun tiga fraksi yang menyampaikan pandangan umum diantaranya dari Fraksi Partai Golkar, "
            "dari Fraksi Partai Demokrat dan dari Fraksi Gabungan PAN, PKS, dan Hanura (FGP).")
    assert items(text) == [["Fraksi Partai Golkar", "Fraksi Partai Demokrat",
                            "Fraksi Gabungan PAN, PKS, dan Hanura (FGP)"]]


@pytest.mark.parametrize("text", [
    # a date, not five things
    "Usianya akan memasuki 592 tahun pada 5 November mendatang, yaitu cengkih, kelapa dan jagung.",
    # "ke dua" is an ordinal typed apart, not a count of "atas"
    "Keputusan tentang perubahan ke dua atas keputusan Mendagri: pengesahan, pengangkatan Kepala Daerah.",
    # "yang kedua" is an ordinal marker, not a count
    "Nah yang kedua tetap masalah pemulihan ekonomi yaitu lahirnya wirausaha baru, menguatkan UMKM.",
    # a count with no series after the comma but a clause
    "Dua kota besar, Solo dan Yogyakarta, berdekatan dengan Klaten.",
])
def test_counts_that_announce_no_series(text):
    assert find_task_lists(text) == []


def test_continued_series_after_a_lead_in_that_repeats_the_noun():
    text = ("Lima rekomendasi tersebut terdiri dari penanganan aset daerah, peningkatan pendapatan pajak.\n\n"
            "Selanjutnya ada pula rekomendasi tentang konsistensi perencanaan, proyek jalan Iluta, serta "
            "pengembangan wisata Pantai Minanga.")
    assert items(text) == [["penanganan aset daerah", "peningkatan pendapatan pajak", "konsistensi perencanaan",
                            "proyek jalan Iluta", "pengembangan wisata Pantai Minanga"]]


def test_passive_back_reference_takes_the_count_of_its_active_verb_and_items_start_at_parallel_heads():
    text = ("Gubernur melantik 3 (tiga) Bupati dan Wakil Bupati di Balai Petitih, Jumat (26/2/2021).\n\n"
            "Adapun yang dilantik yakni, Bupati dan Wakil Bupati Kapuas Hulu, Fransiskus Diaan-Wahyudi Hidayat, "
            "Bupati dan Wakil Bupati Sintang, Jarot Winarno-Yosef Sudiyanto dan Bupati dan Wakil Bupati Ketapang "
            "Martin Rantan-Farhan.")
    assert items(text) == [["Bupati dan Wakil Bupati Kapuas Hulu, Fransiskus Diaan-Wahyudi Hidayat",
                            "Bupati dan Wakil Bupati Sintang, Jarot Winarno-Yosef Sudiyanto",
                            "Bupati dan Wakil Bupati Ketapang Martin Rantan-Farhan"]]


def test_passive_back_reference_without_that_verb_before_is_no_list():
    text = ("Gubernur menghadiri 3 (tiga) acara di Pontianak.\n\nAdapun yang dilantik yakni, Bupati Sintang, "
            "Bupati Melawi dan Bupati Ketapang.")
    assert find_task_lists(text) == []


def test_comma_dropped_between_bracketed_items_carried_on_after_selain_itu():
    text = ("Keempat pilar tersebut yaitu smart governance (tata kelola), smart people (penduduk). Selain itu, "
            "smart economy (ekonomi) smart living (kehidupan).")
    assert items(text) == [["smart governance (tata kelola)", "smart people (penduduk)", "smart economy (ekonomi)",
                            "smart living (kehidupan)"]]
