"""Officials on unseen text, second round (issue 13): one real-style sentence per error class
found on dev2, each checking the mechanism that failed for the class, not the dev2 line."""

from __future__ import annotations

from pipeline.officials import find_officials


def names(text: str, entities=None) -> dict[str, list[str]]:
    """The officials found, name -> titles."""
    return {o["name"]: o["titles"] for o in find_officials(text, entities)}


def per(text: str, name: str) -> tuple[int, int, str]:
    """A PER entity over the first occurrence of `name`, as the model would give it."""
    start = text.index(name)
    return start, start + len(name), "PER"


# --- ranks and regional posts missing from the vocabulary ----------------------------------------


def test_a_rank_takes_the_corps_written_after_it():
    text = ("Hadir Dandim 0612 Letkol Kav. Budi Santoso, Danrem 071 Wijayakusuma Kol Arm Hendra Wibowo "
            "dan Asterdam IV/Diponegoro Kol Inf Agus Salim.")
    found = names(text)
    assert found["Budi Santoso"] == ["Dandim 0612", "Letkol Kav"]
    assert found["Hendra Wibowo"] == ["Danrem 071 Wijayakusuma", "Kol Arm"]
    assert found["Agus Salim"] == ["Asterdam IV/Diponegoro", "Kol Inf"]


def test_regional_post_abbreviations():
    text = ("Sekprov Jemmy Kumendong membuka acara didampingi Karo Pemerintahan Setdaprov Sulut "
            "Marthin Tuwaidan dan Kabiro Umum Hendrik Kaunang.")
    found = names(text)
    assert found["Jemmy Kumendong"] == ["Sekprov"]
    assert found["Marthin Tuwaidan"] == ["Karo Pemerintahan Setdaprov Sulut"]
    assert found["Hendrik Kaunang"] == ["Kabiro Umum"]


def test_a_name_the_model_reads_after_a_region_keyword_is_not_the_place():
    # "Prov" takes the unlisted word after it as the province; the model's PER says it opens a name.
    text = "Gubernur Jambi Al Haris diwakili Sekda Prov Sudirman Hadiwijaya, meninjau lokasi banjir."
    assert "Sudirman Hadiwijaya" not in names(text)
    found = names(text, [per(text, "Sudirman Hadiwijaya")])
    assert found["Sudirman Hadiwijaya"] == ["Sekda Prov"]


# --- unit words read as a name ---------------------------------------------------------------------


def test_unit_words_after_a_post_are_the_units_not_a_name():
    text = ("Hadir Kepala Badan Intelijen Negara Daerah Kalbar, Kepala UPT Puskesmas Sungai Raya, "
            "Kepala Bagian Hukum Setkab Sintang, Plt Kadis Kominfotik Sambas, Ketua Tim Tanggap "
            "COVID-19 dan Kasudin Cipta Karya.")
    found = names(text)
    assert not {"Negara", "Puskesmas Sungai Raya", "Setkab Sintang", "Kominfotik Sambas", "Tanggap",
                "Kasudin Cipta Karya"} & set(found)


def test_a_coordinating_minister_and_his_unit_list():
    text = ("Bupati menyambut kunjungan Menteri Koordinator Bidang Hukum, HAM, Imigrasi, dan "
            "Pemasyarakatan RI, Yusril Ihza Mahendra, di Sungai Penuh.")
    found = names(text)
    assert "Yusril Ihza Mahendra" in found
    assert not {"Koordinator", "Imigrasi"} & set(found)


def test_a_spaced_dash_sets_the_name_off_like_a_comma():
    text = ("Kadis Kominfo Bima – Sukri Hamzah melaporkan kegiatan. Wakil Bupati Bima – H Dahlan "
            "Ishaka dalam sambutannya berterima kasih.")
    found = names(text)
    assert found["Sukri Hamzah"] == ["Kadis Kominfo Bima"]
    assert found["Dahlan Ishaka"] == ["Wakil Bupati Bima"]
