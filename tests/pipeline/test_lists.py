"""Task lists: every list style on real news sentences, and text that only looks like a list."""

from __future__ import annotations

import pytest

from pipeline.lists import find_task_lists, number_value, sentence_spans


def item_texts(found: list[dict]) -> list[list[str]]:
    """The item texts of every list found."""
    return [[it["text"] for it in lst["items"]] for lst in found]


def assert_offsets(text: str, found: list[dict]) -> None:
    """Every item and intro span points at its own text."""
    for lst in found:
        for it in lst["items"]:
            assert text[it["start"]:it["end"]] == it["text"]
        if lst["intro"]:
            assert text[lst["intro"]["start"]:lst["intro"]["end"]] == lst["intro"]["text"]


def test_numbered_lines_with_count_in_intro():
    text = ("Pemkot Bekasi pada tahun 2022 memiliki 6 program prioritas pembangunan kota, yakni;\n \n"
            "1. Penguatan dan pengembangan ekonomi kreatif kota.\n"
            "2. Pengembangan iklim dan kemampuan entrepreneurship masyarakat.\n"
            "3. Pemberdayaan sumber daya ekonomi lokal dan pasar domestik.\n"
            "4. Peningkatan iklim usaha Kota Bekasi dan peluang kerja.\n"
            "5. Pengelolaan rantai pasok sembako melalui teknologi digital.\n"
            "6. pembentukan Bekasi city star up dan pengembangan wirausaha industri kreatif berbasis komunitas\n"
            "Reporter :\n")
    found = find_task_lists(text)
    assert len(found) == 1
    lst = found[0]
    assert lst["style"] == "numbered"
    assert lst["declared_count"] == 6 and lst["complete"] is True
    assert lst["items"][0]["text"] == "Penguatan dan pengembangan ekonomi kreatif kota"
    assert lst["items"][5]["n"] == 6
    assert lst["intro"]["text"].endswith("yakni")
    assert_offsets(text, found)


def test_bulleted_list_incomplete_against_its_count():
    text = ("Selama lima tahun ke depan, Wahyu-Ali telah menyiapkan lima program unggulan yang akan "
            "direalisasikan secara bertahap, yaitu:\n\n"
            "• Bantuan Rp 50 juta per RT untuk pemberdayaan masyarakat.\n"
            "• 1.000 acara di Kota Malang guna mendukung UMKM dan usaha kerakyatan.\n"
            "• Program beasiswa bagi pelajar berprestasi dan")
    (lst,) = find_task_lists(text)
    assert lst["style"] == "bulleted"
    assert item_texts([lst])[0][1] == "1.000 acara di Kota Malang guna mendukung UMKM dan usaha kerakyatan"
    assert lst["declared_count"] == 5 and lst["complete"] is False


def test_lettered_and_roman_lines():
    lettered = ("Adapun tugas satgas antara lain:\na. melakukan pendataan warga terdampak;\n"
                "b. menyalurkan bantuan sosial;\nc. melaporkan hasil kegiatan kepada Bupati.")
    roman = ("Rapat menyepakati hal berikut:\nI. Penataan pedagang kaki lima di alun-alun\n"
             "II. Penertiban reklame liar\nIII. Perbaikan drainase kota")
    (a,) = find_task_lists(lettered)
    assert a["style"] == "lettered"
    assert item_texts([a]) == [["melakukan pendataan warga terdampak", "menyalurkan bantuan sosial",
                                "melaporkan hasil kegiatan kepada Bupati"]]
    (r,) = find_task_lists(roman)
    assert r["style"] == "roman" and len(r["items"]) == 3


def test_inline_numbers_in_one_paragraph():
    text = ("Wali Kota menyampaikan tiga arahan, yakni; 1. Penguatan pelayanan publik di kelurahan "
            "2. Pengembangan ekonomi kreatif 3. Penanganan banjir di wilayah timur. Arahan itu disambut baik.")
    (lst,) = find_task_lists(text)
    assert lst["style"] == "numbered"
    assert item_texts([lst]) == [["Penguatan pelayanan publik di kelurahan", "Pengembangan ekonomi kreatif",
                                  "Penanganan banjir di wilayah timur"]]
    assert lst["declared_count"] == 3 and lst["complete"] is True
    assert_offsets(text, [lst])


def test_ordinal_words_across_sentences_with_closing_dan_keenam():
    text = ("Tim ini bertugas antara lain pertama, melakukan kajian dan analisa terhadap persoalan\n"
            "Kedua, memberikan pertimbangan kepada Wali Kota.\n"
            "Ketiga, menginisiasi dan menyusun terobosan percepatan.\n"
            "Dan keempat, adalah melaksanakan tugas lain yang diberikan Wali Kota.\n"
            "Diakhir acara, dua pimpinan daerah saling bertukar cindera mata.")
    (lst,) = find_task_lists(text)
    assert lst["style"] == "ordinal"
    assert lst["intro"]["text"] == "Tim ini bertugas antara lain"
    assert [it["n"] for it in lst["items"]] == [1, 2, 3, 4]
    assert lst["items"][0]["text"] == "melakukan kajian dan analisa terhadap persoalan"
    assert lst["items"][3]["text"] == "melaksanakan tugas lain yang diberikan Wali Kota"
    assert_offsets(text, [lst])


def test_inline_ordinals_and_kemudian_ketiga():
    text = ("Secara khusus kegiatan musrenbang bertujuan pertama menyepakati prioritas pembangunan daerah, "
            "kedua menyepakati program kegiatan dan pagu indikatif.\nKemudian ketiga, penyelarasan program "
            "dengan prioritas provinsi, dan keempat penetapan rencana lokasi.")
    (lst,) = find_task_lists(text)
    assert item_texts([lst]) == [["menyepakati prioritas pembangunan daerah",
                                  "menyepakati program kegiatan dan pagu indikatif",
                                  "penyelarasan program dengan prioritas provinsi",
                                  "penetapan rencana lokasi"]]


def test_pertama_then_selanjutnya():
    text = ("Mursalim merinci sejumlah kegiatan Gubernur selama kunjungan kerja. Pertama, silaturahmi "
            "dengan pelaku usaha penginapan. Selanjutnya, Gubernur akan memberikan kuliah subuh di Masjid Raya.")
    (lst,) = find_task_lists(text)
    assert item_texts([lst]) == [["silaturahmi dengan pelaku usaha penginapan",
                                  "Gubernur akan memberikan kuliah subuh di Masjid Raya"]]


def test_poin_pertama_and_yang_terakhir_with_count_nearby():
    text = ("Bupati menyampaikan tiga hal terkait pola pemerintahan.\n\n"
            "Poin pertama mengenai kekompakan dalam bingkai organisasi perangkat daerah. Menurutnya, "
            "kompak menjadi modal kerja.\n\nKemudian, point kedua tentang kepatuhan terhadap pimpinan.\n\n"
            "Kemudian yang terakhir kontrak kerja dengan para kepala OPD.")
    (lst,) = find_task_lists(text)
    assert [it["text"] for it in lst["items"]] == [
        "mengenai kekompakan dalam bingkai organisasi perangkat daerah",
        "tentang kepatuhan terhadap pimpinan", "kontrak kerja dengan para kepala OPD"]
    assert lst["declared_count"] == 3 and lst["complete"] is True


def test_counted_prose_series_split_by_count():
    text = ("Tiga program unggulan menjadi prioritas dalam 100 hari kerja. Program tersebut meliputi "
            "fasilitasi permodalan bagi calon Pekerja Migran Indonesia (PMI), penyediaan kendaraan pick-up "
            "untuk mendukung kegiatan keagamaan, adat, dan sosial, serta penyediaan rumah singgah di Denpasar.")
    (lst,) = find_task_lists(text)
    assert lst["style"] == "counted" and lst["declared_count"] == 3
    assert item_texts([lst]) == [[
        "fasilitasi permodalan bagi calon Pekerja Migran Indonesia (PMI)",
        "penyediaan kendaraan pick-up untuk mendukung kegiatan keagamaan, adat, dan sosial",
        "penyediaan rumah singgah di Denpasar"]]


def test_counted_series_of_names_with_degrees():
    text = ("Keempat pejabat yang dilantik itu ialah Yan Rizana, ST, M.Si (Kadis Penanaman Modal, PTSP dan "
            "Naker), Eddy Supriadi, S.Pd (Kadis Pendidikan), Manto, SE (Kadispora), Samri, SP (Kadis Pertanian).")
    (lst,) = find_task_lists(text)
    assert [it["text"].split(",")[0] for it in lst["items"]] == ["Yan Rizana", "Eddy Supriadi", "Manto", "Samri"]


def test_counted_series_given_only_in_part_is_not_a_list():
    text = ("Delapan program prioritas yang diunggulkan pemerintah diantaranya peningkatan kualitas "
            "pendidikan, peningkatan kualitas kesehatan, percepatan pembangunan infrastruktur.")
    assert find_task_lists(text) == []


def test_series_without_count_is_not_a_list():
    text = ("Rahmat meminta OPD memperhatikan skala prioritas, yakni infrastruktur, penguatan "
            "pembangunan kewilayahan dan pelayanan kesehatan.")
    assert find_task_lists(text) == []


@pytest.mark.parametrize("text", [
    "Kegiatan dimulai pukul 09.00 WIB dan dihadiri 1.500 warga. Harga beras Rp 1.500 per kilogram.",
    "Berdasarkan surat edaran No. 1 tahun 2021, kegiatan dibatasi. Kemudian No. 2 mengatur jam kerja.",
    "Kabupaten Sumedang menempati peringkat 1. Kota Bandung di posisi 2. Kabupaten Bogor ketiga.",
    "Pada hari pertama kerja, Wali Kota meninjau pasar. Pada hari kedua ia mengunjungi puskesmas.",
    "Ini merupakan kunjungan pertama kali Gubernur ke Solok Selatan, dan kedua kalinya ke Sumbar.",
    "Rapat digelar 1. Januari lalu dan dilanjutkan 2. Februari mendatang di aula kantor.",
])
def test_text_that_only_looks_like_a_list(text):
    assert find_task_lists(text) == []


def test_baca_juga_headlines_are_not_a_task_list():
    text = ("Wali Kota meresmikan taman kota.\nBaca juga:\n1. Bupati Resmikan Pasar Rakyat\n"
            "2. DPRD Gelar Rapat Paripurna\n3. Warga Keluhkan Jalan Rusak")
    assert find_task_lists(text) == []


def test_official_from_intro_mentions():
    text = ("Dalam sambutannya Tri memaparkan enam konsep dasar yang perlu dipahami, diantaranya;\n"
            "1. Tahapan Pembangunan\n2. Capaian dan target kinerja pembangunan\n3. Skema pendanaan")
    start = text.index("Tri")
    officials = [{"name": "Tri Adhianto", "mentions": [{"text": "Tri", "start": start, "end": start + 3}]}]
    (lst,) = find_task_lists(text, officials)
    assert lst["official"] == "Tri Adhianto"
    assert lst["declared_count"] == 6 and lst["complete"] is False
    assert find_task_lists(text)[0]["official"] is None


def test_number_words_and_sentences():
    assert number_value("enam") == 6 and number_value("Keenam") == 6 and number_value("sepuluh") == 10
    assert number_value("dua belas") == 12 and number_value("foo") is None
    spans = sentence_spans("Wali Kota Bekasi, Choiruman J. Putro hadir. Ia memberi\narahan singkat.")
    assert len(spans) == 2


def test_first_ordinal_defined_by_a_copula_and_markers_a_paragraph_apart():
    text = ("Empat misi yang diusung pasangan bupati ini diberi nama Catur Karya.\n"
            "Ia mengatakan, Catur Karya pertama adalah mewujudkan tata kelola pemerintahan yang bersih.\n"
            "Kedua, memperluas akses layanan kesehatan hingga ke desa terpencil.\n"
            "\"Pelayanan dasar harus merata,\" kata bupati di hadapan anggota dewan. Puskesmas akan dibenahi.\n"
            "Menurut dia, anggaran kesehatan akan ditambah pada tahun depan. Tenaga medis juga ditambah.\n"
            "Ketiga, membangun jalan penghubung antarkecamatan.\n"
            "Keempat, menggerakkan ekonomi desa melalui badan usaha milik desa.")
    (lst,) = find_task_lists(text)
    assert [it["text"][:20] for it in lst["items"]] == [
        "mewujudkan tata kelo", "memperluas akses lay", "membangun jalan peng", "menggerakkan ekonomi"]
    assert lst["declared_count"] == 4 and lst["complete"] is True


def test_ordinal_after_its_head_noun_is_not_a_count():
    text = ("Program yang dijalankan pada periode kedua masa jabatan ini diberi nama Tri Daya.\n"
            "Tri Daya pertama adalah memperkuat layanan publik.\n"
            "Kedua, memperbaiki irigasi pertanian.")
    (lst,) = find_task_lists(text)
    assert lst["declared_count"] is None


def test_count_in_one_sentence_and_series_opened_by_yakni_in_the_next():
    text = ("Dari puluhan aplikasi yang dibangun, terdapat 4 aplikasi andalan. Yakni, E-Surat, E-Rapat, "
            "Si Pantau dan Lapor Camat.\nAplikasi itu dikelola Dinas Kominfo.")
    (lst,) = find_task_lists(text)
    assert lst["style"] == "counted" and lst["complete"] is True
    assert item_texts([lst]) == [["E-Surat", "E-Rapat", "Si Pantau", "Lapor Camat"]]
    assert lst["intro"]["text"].endswith("terdapat 4 aplikasi andalan. Yakni")
    assert_offsets(text, [lst])


def test_juara_ranking_with_adalah_is_not_a_list():
    text = ("Juara pertama adalah Kecamatan Kota Timur dengan nilai 89. Juara kedua diraih Kecamatan Dungingi, "
            "sedangkan juara ketiga adalah Kecamatan Sipatana.")
    assert find_task_lists(text) == []
