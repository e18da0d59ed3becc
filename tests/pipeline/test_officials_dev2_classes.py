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


# --- places read as a name -------------------------------------------------------------------------


def test_a_listed_region_written_with_a_hyphen_is_the_region():
    text = ("Hadir Ketua Bawaslu Tojo Una-Una dan Ketua DPRD Tojo Una-una, serta Bupati Tojo Una-Una "
            "Mohammad Lahay.")
    found = names(text)
    assert found == {"Mohammad Lahay": ["Bupati Tojo Una-Una"]}


# --- names written after the title in other ways ---------------------------------------------------


def test_a_name_alone_in_brackets_after_its_title():
    text = ("Dari jajaran SKPK:\n\n– Kepala Dinas Sosial Kota Langsa (Zulkifli)\n\n"
            "– Kepala Dinas Kesehatan Kota Langsa (dr. Nurul Fitri)\n\n– Kepala Bappeda Kota Langsa (Ridwan, S.STP)")
    found = names(text)
    assert found["Zulkifli"] == ["Kepala Dinas Sosial Kota Langsa"]
    assert found["Nurul Fitri"] == ["Kepala Dinas Kesehatan Kota Langsa"]
    assert found["Ridwan"] == ["Kepala Bappeda Kota Langsa"]


def test_a_bracketed_short_form_of_the_words_before_is_not_a_name():
    text = ("Pemilihan Kepala Daerah (Pilkada) serentak digelar. Aturan ditetapkan melalui Peraturan "
            "Menteri Dalam Negeri (Permendagri). Gubernur Sumatera Barat (Sumbar) Mahyeldi hadir.")
    assert set(names(text)) == {"Mahyeldi"}


def test_an_elected_title_sets_its_name_off_with_a_comma():
    text = ("Yakni Bupati dan Wakil Bupati Bulungan terpilih, Syarwani-Ingkong Ala. Gubernur NTB "
            "terpilih Pilkada 2024, Lalu Muhammad Iqbal bertamu ke kantor Wali Kota Mataram.")
    found = names(text)
    assert found["Syarwani"] == ["Bupati Bulungan"]
    assert found["Ingkong Ala"] == ["Wakil Bupati Bulungan terpilih"]
    assert found["Lalu Muhammad Iqbal"] == ["Gubernur NTB terpilih Pilkada 2024"]


def test_elected_before_a_region_leaves_the_region_out_of_the_name():
    text = "Pelantikan Bupati/Wakil Bupati terpilih Halut sesuai surat keputusan Menteri Dalam Negeri."
    assert "Halut" not in names(text)


# --- lists ------------------------------------------------------------------------------------------


def test_a_list_of_bare_posts_after_a_named_official_is_not_his_second_post():
    text = ("Rapat dihadiri Ketua DPRD Sumbawa Hj.Suryani, Dandim 1607 Sumbawa, Kepala Kejaksaan Negeri, "
            "Wakapolres Sumbawa dan Kepala SKPD Sumbawa.")
    found = names(text)
    assert found["Suryani"] == ["Ketua DPRD Sumbawa"]


def test_members_named_in_a_list_announced_after_a_counted_post():
    text = ("Terdapat 20 anggota DPRD Kota Palopo yang datang berkunjung, di antaranya Ir H Baharuddin, "
            "Nurhaedah, Taufik Hidayat dan H Abdul Salam SAg.\nKunjungan diterima Sekretaris DPRD.")
    found = names(text)
    assert set(found) == {"Baharuddin", "Nurhaedah", "Taufik Hidayat", "Abdul Salam"}
    assert found["Nurhaedah"] == ["anggota DPRD Kota Palopo"]


def test_a_counted_post_without_a_list_names_nobody():
    text = "Sebanyak 20 anggota DPRD Kota Palopo hadir, Rahman mengatakan rapat berjalan lancar."
    assert names(text) == {}


# --- one person read twice -------------------------------------------------------------------------


def test_a_degree_written_with_a_space_after_the_name():
    found = names("Dalam amanat yang dibacakan Gubernur Riau Drs. Syamsuar M. Si tersebut disampaikan target.")
    assert list(found) == ["Syamsuar"]


def test_a_spaced_initial_inside_a_name_stays():
    found = names("Acara dibuka Bupati Kampar Catur M. Sugeng di aula.")
    assert list(found) == ["Catur M. Sugeng"]


def test_a_short_name_with_the_unit_head_post_is_the_same_person():
    text = ("Pembicara utama Kepala Badan Pengusahaan (BP) Batam, Muhammad Rudi. Rahma berterima kasih "
            "atas kehadiran Rudi sebagai kepala BP Batam sekaligus Wali Kota.")
    found = names(text)
    assert list(found) == ["Muhammad Rudi"]


def test_an_app_spelled_out_in_brackets_is_not_the_officials_name():
    text = ("Kepala Biro Umum Setdaprov Sulut Dantje Lantang, Manjo Ka Sulut (Media Center Jaringan "
            "Online Akurat Cepat untuk Sulut Hebat).")
    assert list(names(text)) == ["Dantje Lantang"]


def test_jenderal_after_a_directorate_is_the_bodys_name_not_a_rank():
    text = "Rapat dihadiri Safrizal dari Direktorat Jenderal Bina Administrasi Kewilayahan Kemendagri."
    assert "Bina Administrasi Kewilayahan" not in names(text)


# --- name words the rules took for other words ------------------------------------------------------


def test_a_name_ending_in_kan_in_the_body():
    text = ("Mulkan Kunjungi Beltim\n\nMANGGAR - Bupati Bangka Mulkan melakukan kunjungan kerja, "
            "disambut Bupati Beltim Burhanudin.")
    found = names(text)
    assert found["Mulkan"] == ["Bupati Bangka"]


def test_a_verb_ending_in_kan_is_still_no_name():
    text = "Bupati Disampaikan Bahwa Anggaran Sudah Cair, kata warga."
    assert names(text) == {}


def test_a_common_word_after_an_honorific_opens_a_name():
    text = "Rapat dihadiri PJ Gubernur Provinsi Jambi Dr. Hari Nur Cahya Murni, M.Si pada Rabu (19/05/21)."
    assert names(text) == {"Hari Nur Cahya Murni": ["PJ Gubernur Provinsi Jambi"]}


def test_a_hyphenated_satpol_pp_and_a_lower_case_short_form_in_brackets():
    text = ("Kepala Satpol-PP Sulteng Arfan Lamarauna membuka apel. Tim diketuai Sekretaris Daerah (sekda) "
            "Kota Batam, Jefridin, itu beranggotakan 20 orang.")
    found = names(text)
    assert found["Arfan Lamarauna"] == ["Kepala Satpol-PP Sulteng"]
    assert found["Jefridin"] == ["Sekretaris Daerah (sekda) Kota Batam"]


def test_a_degree_after_the_place_words_closes_the_name():
    text = "Demikian dijelaskan oleh Kades Sorowua Kecamatan Pekat Jamaluddin, A.Md kepada wartawan."
    assert names(text) == {"Jamaluddin": ["Kades Sorowua Kecamatan Pekat"]}


def test_the_secretary_of_a_national_council_the_model_names():
    text = "Wali Kota menyambut tamu beserta Sekretaris Wantimpres, Subiantoro dan para staf."
    assert names(text, [per(text, "Subiantoro")])["Subiantoro"] == ["Sekretaris Wantimpres"]


# --- posts and bodies listed where a name would stand ----------------------------------------------


def test_bodies_and_post_words_in_a_list_are_not_names():
    text = ("Rangkaian ini diikuti Pak Wakil, DPRD, Kapolres, Kejaksaan Negeri dan juga Pengadilan Negeri. "
            "Hadir pula para Camat, Kades dan Lurah, Ketua KNPI Kolaka dan undangan lainnya.")
    assert names(text) == {}


def test_a_list_of_posts_with_the_same_head_word():
    text = "Ketua TP-PKK Sulteng Vera Rompas mengukuhkan Bunda PAUD, Bunda Literasi dan Bunda Anti Narkoba."
    assert set(names(text)) == {"Vera Rompas"}


def test_interim_council_chairs():
    text = ("Ditetapkan Ketua Sementara, Habel Mbate dari Partai Golkar dan Wakil Ketua Sementara, "
            "Sofia Malelak de Haan dari Partai NasDem.")
    found = names(text)
    assert found["Habel Mbate"] == ["Ketua Sementara"]
    assert found["Sofia Malelak de Haan"] == ["Wakil Ketua Sementara"]


def test_a_nickname_with_the_same_post_is_the_same_person():
    text = ("Gubernur NTB, Dr. H. Zulkieflimansyah membuka Musrenbang. Dalam sambutannya Gubernur NTB "
            "Bang Zul sapaan akrabnya mengatakan dokumen harus baik.")
    found = find_officials(text)
    assert len(found) == 1
    assert {found[0]["name"], *found[0]["aliases"]} == {"Zulkieflimansyah", "Bang Zul"}


def test_two_presidents_stay_two():
    text = "Presiden Joko Widodo bertemu warga. Pak Jokowi menang, kata Presiden Prabowo Subianto kemudian."
    found = names(text)
    assert "Prabowo Subianto" in found and "Joko Widodo" in found


# --- places read as a name, again ------------------------------------------------------------------


def test_a_misspelt_place_of_the_article_is_not_a_name():
    text = ("Forum mengunjungi Kabupaten Klaten dengan penuh sukacita. Kami berterima kasih, "
            "ucap Bupati Kalten, Selasa, 13 Juni 2023.")
    assert "Kalten" not in names(text)


def test_a_real_name_near_no_place_of_the_article_stays():
    text = "Forum mengunjungi Kabupaten Klaten. Kami berterima kasih, ucap Sekda Kariman, Selasa."
    assert "Kariman" in names(text)


def test_a_place_in_a_province_is_not_a_name():
    text = ("Walikota Jayapura menerima kunjungan Wakil Wali Kota Lorengau provinsi Manus Papua New Guinea. "
            "Kerja sama dengan Walikota Lorengau Manus PNG dibahas.")
    assert "Lorengau" not in names(text)


def test_an_honorific_after_one_word_opens_the_name_and_the_word_is_the_region():
    text = "Ruteng – Bupati Mangarai Dr.Deno Kamelus SH,MH, dan wakil Bupati Drs.Victor Madur hadir."
    assert names(text)["Deno Kamelus"] == ["Bupati Mangarai"]


def test_a_region_between_commas_before_the_fuller_name():
    text = ("Ketua Pengadilan Negeri Oelamasi, Kupang, Decki Ariyanto Save Nitbani, SH, MH, melantik "
            "40 anggota DPRD.")
    assert names(text) == {"Decki Ariyanto Save Nitbani": ["Ketua Pengadilan Negeri Oelamasi"]}


def test_se_and_a_place_is_not_a_name():
    assert names("Gubernur, Walikota dan Bupati Se-bali Kompak Satukan Persepsi") == {}


# --- words between a name and its title --------------------------------------------------------------


def test_degrees_between_a_name_and_the_title_after_it():
    text = ("Kunjungan Kerja Pemda Muna\n\nRombongan Pemda Muna di pimpin Ahmad Yani Biku SE MSi "
            "Staf Ahli Bupati Muna.")
    assert names(text)["Ahmad Yani Biku"] == ["Staf Ahli Bupati Muna"]


def test_a_short_relative_clause_between_title_and_name():
    text = ("Acara dihadiri Forkompimda.\nBupati Jayapura yang baru dilantik, Mathius Awoitauw, SE., M.Si "
            "dalam sambutannya berterima kasih.")
    assert names(text) == {"Mathius Awoitauw": ["Bupati Jayapura"]}


def test_an_electoral_district_inside_a_legislators_title():
    text = "Anggota DPR RI dapil Kaltara Deddy Sitorus dan Ketua DPRD Kaltara Noorhayati Andris hadir."
    found = names(text)
    assert found["Deddy Sitorus"] == ["Anggota DPR RI dapil Kaltara"]


def test_a_pair_linked_to_two_posts_by_a_short_clause():
    text = ("Gubernur hadir.\nGubernur berterima kasih kepada saudara Yulius Yapugau, S.Sos dan Yakub Boma, "
            "SIP, MM yang telah melaksanakan tugas sebagai Bupati dan Wabup Paniai.")
    found = names(text)
    assert found["Yulius Yapugau"] == ["Bupati Paniai"]
    assert found["Yakub Boma"] == ["Wabup Paniai"]


# --- heads of private associations -------------------------------------------------------------------


def test_the_head_of_an_association_the_article_spells_out_is_no_official():
    text = ("Pemprov menggelar halal bihalal dengan Kerukunan Keluarga Indonesia Gorontalo (KKIG) Sulut.\n"
            "Ketua KKIG Sulut Ismail Moo dan ratusan warga memadati auditorium. Ketua DPRD Sulut "
            "Andrei Angouw hadir.")
    found = names(text, [per(text, "Sulut Ismail Moo"), per(text, "Andrei Angouw")])
    assert set(found) == {"Andrei Angouw"}


def test_a_place_word_ending_a_sentence_does_not_hide_the_next_title():
    text = "Warga memadati auditorium.\nAcara digelar di auditorium. Ketua DPRD Sulut Andrei Angouw hadir."
    assert names(text) == {"Andrei Angouw": ["Ketua DPRD Sulut"]}


# --- bad input ----------------------------------------------------------------------------------------


def test_an_age_or_a_year_in_brackets_after_a_unit_heads_name():
    # Once an IndexError: the bracket was read as an acronym with no letters.
    text = "Hadir Kepala BPBD Garut Budi Santoso (45) dan Kepala Bappeda Kota Bogor Ade Sarip (2020)."
    found = names(text)
    assert found["Budi Santoso"] == ["Kepala BPBD Garut"]
    assert found["Ade Sarip"] == ["Kepala Bappeda Kota Bogor"]


def test_a_title_abbreviation_that_is_also_a_regency():
    text = ("Rapat digelar.\nBupati Karo Cory Sebayang dan Karo Administrasi Pimpinan Eddy Lesnusa hadir "
            "bersama warga karo Barus.")
    assert names(text) == {"Cory Sebayang": ["Bupati Karo"], "Eddy Lesnusa": ["Karo Administrasi Pimpinan"]}


def test_a_name_closing_a_fronted_clause_is_not_the_next_subjects_apposition():
    text = ("Rapat digelar.\nUntuk menjawab pertanyaan Jabir, Bupati Kolaka lalu meminta Kadis Pertanian "
            "menjawab. Dalam kesempatan itu, Andi Saleh, Kepala Desa Lapai, mengatakan hal itu.")
    found = names(text)
    assert "Jabir" not in found
    assert found["Andi Saleh"] == ["Kepala Desa Lapai"]


def test_a_misspelt_region_keyword_and_its_region_are_not_a_name():
    text = "Rapat didampingi Kepala Bappeda Provensi Sultra, Asisten I Setda Kolaka H Muh Bakri."
    found = names(text)
    assert "Provensi Sultra" not in found
    assert "Muh Bakri" in found


def test_an_office_written_as_its_heads_post_in_a_list_of_officials():
    text = ("Rapat digelar.\nHadir Kepala Dinas Pariwisata Rita Tumewu, Disperindag Benny Lontoh, dan "
            "Kabag Humas Erwin Kontu. Dinkes Bitung Maria Lumi menggelar vaksinasi.")
    ents = [per(text, n) for n in ("Rita Tumewu", "Benny Lontoh", "Erwin Kontu", "Maria Lumi")]
    found = names(text, ents)
    assert found["Benny Lontoh"] == ["Disperindag"]
    assert "Maria Lumi" not in found  # an office opening a sentence is its subject, not a post


def test_a_unit_is_not_carried_on_over_a_sentence_end():
    text = "Rapat digelar.\nHadir Kabag Humas Erwin Kontu. Dinkes Bitung Maria Lumi menggelar vaksinasi."
    assert names(text)["Erwin Kontu"] == ["Kabag Humas"]


def test_two_undotted_capitals_after_a_generals_name_are_his_initials():
    text = "Rapat.\nPangdam II/SWJ Mayjend TNI Iskandar MS, Asterdam II/SWJ Kol Inf Syaiful Anwar hadir."
    found = names(text)
    assert "Iskandar MS" in found and "Iskandar" not in found
