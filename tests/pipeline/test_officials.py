"""Officials: names presented with public posts, their titles, regions and mentions."""

from __future__ import annotations

import json

import pytest

from pipeline.officials import find_officials


def by_name(text: str, entities=None) -> dict[str, dict]:
    """find_officials keyed by name."""
    return {o["name"]: o for o in find_officials(text, entities)}


# --- title then name ---------------------------------------------------------------------


def test_title_region_and_name_without_comma():
    text = "Balai Kota - Wali Kota Bekasi Rahmat Effendi melakukan Audiensi dengan Wakil Gubernur DKI Jakarta."
    people = by_name(text)
    assert list(people) == ["Rahmat Effendi"]
    person = people["Rahmat Effendi"]
    assert person["titles"] == ["Wali Kota Bekasi"]
    assert person["positions"][0]["region"] == "Kota Bekasi"
    assert person["mentions"][0]["text"] == "Rahmat Effendi"
    start = person["positions"][0]["start"]
    assert text[start:person["positions"][0]["end"]] == "Wali Kota Bekasi"


def test_title_comma_name_and_abbreviated_title_normalized():
    text = ("KOTABEKASI- Wakil Walikota Bekasi, Tri Adhianto menerima kunjungan kerja dari Pemerintah Kota "
            "Bengkulu. Kunjungan ini dipimpin oleh Wakil Walikota Bengkulu, Dedy Wahyudi.")
    people = by_name(text)
    assert set(people) == {"Tri Adhianto", "Dedy Wahyudi"}
    assert people["Dedy Wahyudi"]["titles"] == ["Wakil Walikota Bengkulu"]
    assert people["Tri Adhianto"]["positions"][0]["normalized"] == "Wakil Wali Kota Bekasi"


def test_list_of_officials_each_with_its_post():
    text = ("Hadir mendampingi Asisten Pembangunan dan Kemasyarakatan Kariman, Asisten Administrasi Umum Dadang "
            "Hidayat, Kepala Bappeda Koswara, Kepala Dinas LH Jumhana Lutfi, Kepala Disperkimtan Dadang Ginanjar, "
            "Kepala Dinas PUPR Tri Adhianto, Kepala BPKAD Supandi Budiman dan beberapa ASN Pemkot Bekasi.")
    people = by_name(text)
    assert {n: p["titles"] for n, p in people.items()} == {
        "Kariman": ["Asisten Pembangunan dan Kemasyarakatan"],
        "Dadang Hidayat": ["Asisten Administrasi Umum"],
        "Koswara": ["Kepala Bappeda"],
        "Jumhana Lutfi": ["Kepala Dinas LH"],
        "Dadang Ginanjar": ["Kepala Disperkimtan"],
        "Tri Adhianto": ["Kepala Dinas PUPR"],
        "Supandi Budiman": ["Kepala BPKAD"],
    }
    assert people["Tri Adhianto"]["positions"][0]["region"] == "Dinas PUPR"


def test_honorifics_and_degrees_around_the_name():
    text = ("BUPATI Banggai Dr. Ir. Herwin Yatim, MM, didampingi Camat Luwuk, Arslan Lapalanti, menyambut "
            "kedatangan Gubernur Sulawesi Tengah, Drs. H. Longki Djanggola, M.Si, bersama rombongan.")
    people = by_name(text)
    assert set(people) == {"Herwin Yatim", "Arslan Lapalanti", "Longki Djanggola"}
    longki = people["Longki Djanggola"]
    assert longki["honorifics"] == ["Drs.", "H."] and longki["degrees"] == ["M.Si"]
    assert people["Herwin Yatim"]["degrees"] == ["MM"]
    assert people["Arslan Lapalanti"]["titles"] == ["Camat Luwuk"]


def test_acting_posts_and_parenthesised_abbreviations():
    text = ("Pelaksana Tugas (Plt.) Wali Kota Bekasi, Tri Adhianto Tjahyono pimpin rapat perencanaan. "
            "Penjabat Sekretaris Daerah (Pj Sekda) Kabupaten Serang, Rudy Suhartanto, membuka Musrenbang.")
    people = by_name(text)
    tri = people["Tri Adhianto Tjahyono"]
    assert tri["titles"] == ["Pelaksana Tugas (Plt.) Wali Kota Bekasi"]
    assert tri["acting"] == "Plt." and tri["positions"][0]["normalized"].startswith("Pelaksana Tugas Wali Kota")
    rudy = people["Rudy Suhartanto"]
    assert rudy["acting"] == "Pj." and rudy["region"] == "Kabupaten Serang"


def test_region_written_with_its_abbreviation_and_a_police_rank():
    text = ("Inti penyampaian Kompol Johan Valentino, SIK (Wakapolres Demak) tentang persiapan lebaran. "
            "Bupati Manggarai Timur Agas Andreas menghadiri acara Grand Final.")
    people = by_name(text)
    assert "Wakapolres Demak" in people["Johan Valentino"]["titles"]
    assert people["Johan Valentino"]["degrees"] == ["SIK"]
    assert people["Agas Andreas"]["titles"] == ["Bupati Manggarai Timur"]


def test_unknown_region_abbreviation_before_a_comma_and_a_full_name():
    people = by_name("Musrenbang ini dibuka langsung oleh Bupati Kukar, Edi Damansyah, dan dihadiri camat.")
    assert list(people) == ["Edi Damansyah"]
    assert people["Edi Damansyah"]["titles"] == ["Bupati Kukar"]


# --- name then title -----------------------------------------------------------------------


def test_titles_in_parentheses_after_names_with_degrees():
    text = ("Keempat pejabat yang dilantik itu ialah Yan Rizana, ST, M.Si (Kadis Penanaman Modal, PTSP dan "
            "Naker), Eddy Supriadi, S.Ps, M.Pd (Kadis Pendidikan dan Kebudayaan), Manto, SE (Kadispora).")
    people = by_name(text)
    assert people["Yan Rizana"]["titles"] == ["Kadis Penanaman Modal, PTSP dan Naker"]
    assert people["Yan Rizana"]["degrees"] == ["ST", "M.Si"]
    assert people["Eddy Supriadi"]["titles"] == ["Kadis Pendidikan dan Kebudayaan"]
    assert people["Manto"]["titles"] == ["Kadispora"]


def test_title_in_apposition_after_the_name():
    text = "Hal itu disampaikan Tri Adhianto Tjahyono, Plt. Wali Kota Bekasi, saat membuka rapat."
    people = by_name(text)
    assert people["Tri Adhianto Tjahyono"]["titles"] == ["Plt. Wali Kota Bekasi"]


def test_a_sentence_opening_word_is_no_apposition():
    assert by_name("Kemarin, Presiden bekerja maraton hingga tengah malam di Istana.") == {}


# --- one person, many mentions ------------------------------------------------------------


def test_short_forms_and_bare_titles_resolve_to_the_full_name():
    text = ("Wali Kota Bekasi Rahmat Effendi melakukan audiensi dengan Wakil Gubernur DKI Jakarta Sandiaga "
            "Salahudin Uno. Usai audiensi, Wagub DKI Jakarta Sandiaga Uno mengatakan kemitraan berlanjut. "
            "\"Pak Wagub sangat terbuka,\" ujar Wali Kota Bekasi.")
    people = by_name(text)
    assert set(people) == {"Rahmat Effendi", "Sandiaga Salahudin Uno"}
    sandi = people["Sandiaga Salahudin Uno"]
    assert sandi["titles"] == ["Wakil Gubernur DKI Jakarta", "Wagub DKI Jakarta"]
    assert [m["text"] for m in sandi["mentions"]] == ["Sandiaga Salahudin Uno", "Sandiaga Uno", "Wagub"]
    assert people["Rahmat Effendi"]["mentions"][-1]["text"] == "Wali Kota Bekasi"
    for person in people.values():
        for m in person["mentions"]:
            assert text[m["start"]:m["end"]] == m["text"]


def test_first_name_alone_resolves_and_is_not_a_second_person():
    text = ("Plt. Wali Kota Bekasi, Tri Adhianto Tjahyono memimpin rapat. Dalam sambutannya Tri memaparkan "
            "enam konsep dasar. \"Pahami konsepnya,\" ujar Tri Adhianto.")
    people = by_name(text)
    assert list(people) == ["Tri Adhianto Tjahyono"]
    assert len(people["Tri Adhianto Tjahyono"]["mentions"]) == 3


def test_same_surname_with_another_post_stays_another_person():
    text = ("Walikota (Wako) Prabumulih Ir H Ridho Yahya didampingi Ketua PKK Prabumulih Ir Hj Nuryanti Ngesti "
            "Rahayu Ridho Yahya beserta rombongan tiba di Pagaralam.")
    people = by_name(text)
    assert set(people) == {"Ridho Yahya", "Nuryanti Ngesti Rahayu Ridho Yahya"}
    assert people["Ridho Yahya"]["titles"] == ["Walikota (Wako) Prabumulih"]
    assert people["Ridho Yahya"]["honorifics"] == ["Ir", "H"]


def test_one_person_holding_two_posts_keeps_both():
    text = ("Kepala Dinas PUPR Tri Adhianto hadir dalam rapat itu. Tri Adhianto, Ketua Tim Percepatan "
            "Pembangunan, menyampaikan laporannya.")
    people = by_name(text)
    assert list(people) == ["Tri Adhianto"]
    assert people["Tri Adhianto"]["titles"] == ["Kepala Dinas PUPR", "Ketua Tim Percepatan Pembangunan"]


def test_coordinated_titles_and_names():
    text = ("Gubernur Maluku Utara Serly Tjoanda secara resmi melantik Bupati dan Wakil Bupati Halmahera "
            "Utara Piet Hein Babua dan Kasman Hi Ahmad.")
    people = by_name(text)
    assert people["Piet Hein Babua"]["titles"] == ["Bupati Halmahera Utara"]
    assert people["Kasman Hi Ahmad"]["titles"] == ["Wakil Bupati Halmahera Utara"]


def test_nicknames_become_aliases():
    text = ("Walikota Pangkalpinang Maulan Aklil (Molen), melantik empat pejabat. Wakil Wali Kota Semarang "
            "Hendrar Prihadi, yang akrab disapa Hendi, ikut hadir.")
    people = by_name(text)
    assert people["Maulan Aklil"]["aliases"] == ["Molen"]
    assert people["Hendrar Prihadi"]["aliases"] == ["Hendi"]


# --- not officials --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Setelah acara penyambutan selesai, dilanjutkan dengan buka puasa bersama.\nReporter : Asep\nEditor : Ridho",
        "Penulis : Fahrurrosyi\nEditor : Ahmad Ainol Horri",
        "Pelantikan di Aula Pandopo Bupati, Sabtu, 16/1/2021. Foto, Sofyan Kastela.",
        "Ketua PCNU Tebingtinggi, Tagor Mulia Siregar, menyampaikan maksud kedatangannya.",
        "Warga bernama Budi Santoso mengaku senang dengan perbaikan jalan itu.",
        "Alamat redaksi: Jl. Jendral Ahmad Yani No. 1 Gd Perkantoran Lt Dasar, Bekasi.",
        "Kemacetan terjadi di Jalan Gubernur Suryo hingga Jalan Ahmad Yani sejak pagi.",
        "Kegiatan berlangsung di Ballroom Gedung Kesenian Ir. Soekarno, Minggu (2/3/2025).",
        "Wali Kota Bima bersama Wakil Wali Kota Bima menghadiri Rapat Koordinasi.",
        "Wali Kota Bekasi Ingatkan Pemangku Jabatan Buat Perencanaan Kerja Terukur",
        "Koordinator BEM se-Bogor Iqbal Habibi mengatakan hari ini merupakan momentum.",
        "Ketua Dewan Pertimbangan Partai Golkar Akbar Tandjung kembali menegaskan sikapnya.",
    ],
)
def test_people_who_are_not_officials_are_not_listed(text):
    assert find_officials(text) == []


def test_a_place_after_a_comma_is_not_a_name():
    text = ("Gubernur Sulawesi Tengah, Longki Djanggola, tiba di Luwuk. Saat tiba di Banggai Laut, Gubernur "
            "menyempatkan melihat pembangunan gedung.")
    assert list(by_name(text)) == ["Longki Djanggola"]


# --- model entities as a signal -------------------------------------------------------------


def test_per_entities_set_the_name_boundary_after_an_unknown_region():
    text = "Camat Tinangkung Arslan Lapalanti menyambut rombongan."
    start = text.index("Arslan")
    with_model = by_name(text, [(start, start + len("Arslan Lapalanti"), "PER")])
    assert list(with_model) == ["Arslan Lapalanti"]
    assert with_model["Arslan Lapalanti"]["titles"] == ["Camat Tinangkung"]
    # Without the model the rules cannot tell the district from the name; they keep both words.
    rules_only = find_officials(text)
    assert len(rules_only) == 1 and rules_only[0]["name"].endswith("Arslan Lapalanti")


def test_entities_other_than_per_leave_the_rules_alone():
    text = "Wakil Bupati Solok Selatan, Yulian Efi mengapresiasi cara Gubernur."
    rules_only = find_officials(text)
    assert [o["name"] for o in rules_only] == ["Yulian Efi"]
    loc_only = [(text.index("Solok"), text.index("Solok") + len("Solok Selatan"), "LOC")]
    assert find_officials(text, loc_only) == rules_only
    assert find_officials(text, []) == rules_only


# --- real articles --------------------------------------------------------------------------


def test_seed_article_officials(seeds):
    text = seeds["003_df042285db4102ce.txt"]
    people = by_name(text)
    assert set(people) == {"Tri Adhianto Tjahyono", "Chairruman J. Putro", "Reny Hendrawaty", "Dinar Faisal Badar"}
    assert people["Reny Hendrawaty"]["titles"] == ["Sekretaris Daerah Kota Bekasi"]


def test_records_validate_against_the_schema(seeds):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((__import__("pathlib").Path(__file__).resolve().parents[2]
                         / "pipeline" / "record.schema.json").read_text(encoding="utf-8"))
    item = {"$defs": schema["$defs"], **schema["properties"]["officials"]}
    for text in seeds.values():
        jsonschema.validate(find_officials(text), item)


def test_a_word_after_two_posts_or_a_village_post_is_a_place():
    text = "Musyawarah itu dihadiri Camat Parigi, Kapolsek Parigi, Kepala Desa Kampal dan aparat desa."
    assert find_officials(text) == []
    # A village head named once and again later is a person.
    people = by_name("Lurah Budi mengatakan warga senang. Budi menambahkan bahwa jalan rusak.")
    assert people["Budi"]["titles"] == ["Lurah"]


def test_honorific_after_a_region_starts_the_name():
    people = by_name("Gedung itu diresmikan oleh Wali Kota Madya Surakarta H. M Shaleh Werdhisastro.")
    assert people["M Shaleh Werdhisastro"]["titles"] == ["Wali Kota Madya Surakarta"]
    # A middle initial is not an honorific: the name stays whole.
    assert list(by_name("Menteri Hukum dan HAM Yasonna H. Laoly mengaku.")) == ["Yasonna H. Laoly"]


def test_police_and_military_commands_with_ranks():
    text = ("Kasat Lantas Polres Metro Bekasi Kota AKBP Arif Budiman mengatur lalu lintas bersama "
            "Dandim 0507/Bekasi Letkol Inf Ujang Darwis.")
    people = by_name(text)
    assert people["Arif Budiman"]["titles"] == ["Kasat Lantas Polres Metro Bekasi Kota", "AKBP"]
    assert people["Ujang Darwis"]["titles"] == ["Dandim 0507/Bekasi", "Letkol Inf"]


def test_a_short_name_like_a_region_abbreviation_is_still_a_name():
    # "Tanti" could abbreviate Tana Tidung, but this article never writes that region.
    people = by_name("Kepala Dinas Kesehatan Kota Bekasi dr. Tanti Rohilawati mengatakan vaksinasi berjalan.")
    assert people["Tanti Rohilawati"]["honorifics"] == ["dr."]


def test_officials_named_only_in_links_to_other_articles_are_not_listed():
    text = ("Wali Kota Makassar, Munafri Arifuddin, menyambut para saudagar.\nBACA JUGA:\n"
            "Wakil Gubernur Sulsel Fatmawati Rusdi Resmikan Pasar\n"
            "Baca Juga: Sekda Makassar Andi Zulkifly Buka Sosialisasi\nMunafri menekankan kolaborasi.")
    assert list(by_name(text)) == ["Munafri Arifuddin"]


def test_district_direction_words_rank_in_parentheses_and_company_names():
    people = by_name("Camat Bekasi Utara Sudarsono menerima kunjungan Ketua DPRD Provinsi Jawa Barat Brigjen TNI "
                     "(Purn) Taufik Hidayat. Direktur Utama PDAM Tirta Bhagasasi, Usep Rahman Salim, menyampaikan "
                     "laporan.")
    assert people["Sudarsono"]["titles"] == ["Camat Bekasi Utara"]
    assert people["Taufik Hidayat"]["titles"] == ["Ketua DPRD Provinsi Jawa Barat", "Brigjen TNI"]
    assert people["Usep Rahman Salim"]["titles"] == ["Direktur Utama PDAM Tirta Bhagasasi"]


# --- classes of error found on unseen regional news ----------------------------------------


def test_headline_words_the_body_writes_in_lower_case_are_not_a_name():
    text = ("Bupati Sinjai Kaji Banding ke Kota Makassar\n"
            "SINJAI - Bupati Sinjai Andi Seto Gadhista Asapa melakukan kaji banding ke Balai Kota Makassar.")
    assert set(by_name(text)) == {"Andi Seto Gadhista Asapa"}


def test_a_name_only_in_the_headline_is_kept_when_the_body_never_writes_it_in_lower_case():
    text = ("Ke Bappeda, Bupati Baddrut Sampaikan Tiga Poin Penting\n\n"
            "Bupati Pamekasan berkunjung ke kantor Bappeda, Senin (7/2).")
    assert "Baddrut" in by_name(text)


def test_unit_words_between_a_command_and_a_rank_belong_to_the_title():
    text = "Hadir pula Danrem 141 Toddopuli Brigjen TNI Andi Muhammad dan Kabid Propam Kombes Pol Agus Salim."
    people = by_name(text)
    assert set(people) == {"Andi Muhammad", "Agus Salim"}
    assert people["Andi Muhammad"]["titles"] == ["Danrem 141 Toddopuli", "Brigjen TNI"]
    assert people["Agus Salim"]["titles"] == ["Kabid Propam", "Kombes Pol"]


def test_a_rank_after_the_comma_opens_the_name():
    people = by_name("Kapolres Bone, AKBP Ardiansyah Putra mengikuti apel gelar pasukan di Makodam.")
    assert people["Ardiansyah Putra"]["titles"] == ["Kapolres Bone", "AKBP"]


def test_a_dotted_pol_does_not_end_the_sentence():
    people = by_name("Rombongan disambut Kapolda Sulsel Irjen Pol. Dr. Nana Sudjana, M.Si. di bandara.")
    assert people["Nana Sudjana"]["titles"] == ["Kapolda Sulsel", "Irjen Pol"]


def test_a_title_at_the_end_of_a_line_takes_nothing_from_the_next():
    text = "Gubernur Temui Kapolri\nMAKASSAR, Harian Fajar - Gubernur Sulsel Andi Sudirman bertemu Kapolri."
    assert set(by_name(text)) == {"Andi Sudirman"}


def test_an_unlisted_place_with_a_compass_word_is_the_region():
    people = by_name("Camat Sukaraja Timur Budi Hartono membuka musrenbang kecamatan.")
    assert people["Budi Hartono"]["titles"] == ["Camat Sukaraja Timur"]


def test_a_title_after_a_named_list_item_is_the_next_item_not_an_apposition():
    text = ("Rapat ini diikuti oleh Asisten II, Mukhadiris, kepala OPD terkait, dan undangan lainnya. "
            "Hadir Walikota Surabaya, Tri Rismaharini, Plt Walikota Sidoarjo dan Bupati Gresik.")
    people = by_name(text)
    assert people["Mukhadiris"]["titles"] == ["Asisten II"]
    assert people["Tri Rismaharini"]["titles"] == ["Walikota Surabaya"]


def test_a_unit_short_form_in_parentheses_is_not_a_nickname():
    text = ("Gubernur melantik Kepala Biro Administrasi Pembangunan (Adbang) Setda Provinsi Jambi, Ahmad Fauzi "
            "sebagai Pj Bupati Tebo.")
    person = by_name(text)["Ahmad Fauzi"]
    assert person["titles"] == ["Kepala Biro Administrasi Pembangunan (Adbang) Setda Provinsi Jambi", "Pj Bupati Tebo"]


def test_a_unit_written_as_a_comma_list_of_fields():
    text = ("Kepala Dinas Komunikasi, Informatika, Persandian, dan Statistik Kabupaten Gianyar, Wayan Sudira "
            "turut mendampingi Bupati.")
    assert by_name(text)["Wayan Sudira"]["titles"] == [
        "Kepala Dinas Komunikasi, Informatika, Persandian, dan Statistik Kabupaten Gianyar"]


def test_an_unknown_unit_word_followed_by_more_of_the_unit_is_not_a_name():
    text = ("Turut hadir Kepala Biro Pemkesra Setda Provinsi Gorontalo, Rahmat Lamato. Hadir juga Kepala Bagian "
            "Politik Kedubes RRT di Indonesia.")
    people = by_name(text)
    assert set(people) == {"Rahmat Lamato"}
    assert people["Rahmat Lamato"]["titles"] == ["Kepala Biro Pemkesra Setda Provinsi Gorontalo"]


def test_a_degree_written_with_a_space_is_not_a_second_name():
    text = ("Ia didampingi Kabag Administrasi Pembangunan Setda Kota Dumai Wilsubandi, SSTP, M. Eng, dan Lurah "
            "Bagan Besar, Yuli Fitri Yanti.")
    people = by_name(text)
    assert "Wilsubandi" in people
    assert "M. Eng" not in people
    assert "M. Eng" in people["Wilsubandi"]["degrees"]


def test_coordinated_titles_with_names_after_a_comma():
    people = by_name("Hadir Gubernur dan Wakil Gubernur Jambi, Al Haris, dan Abdullah Sani dalam acara itu.")
    assert people["Al Haris"]["titles"] == ["Gubernur Jambi"]
    assert people["Abdullah Sani"]["titles"] == ["Wakil Gubernur Jambi"]


def test_a_second_post_after_yang_juga():
    text = "Acara itu turut dihadiri Ketua APEKSI Hadianto Rasyid yang juga Wali Kota Palu."
    assert by_name(text)["Hadianto Rasyid"]["titles"] == ["Ketua APEKSI", "Wali Kota Palu"]


def test_a_name_written_before_its_title_without_a_comma():
    text = ("Sementara itu Ike Widyawaty Kabid Ekonomi Bappeda Bojonegoro menjelaskan arah pembangunan. "
            "Hal itu sesuai Keputusan Bupati Kapuas tentang tim percepatan.")
    people = by_name(text)
    assert set(people) == {"Ike Widyawaty"}
    assert people["Ike Widyawaty"]["titles"] == ["Kabid Ekonomi Bappeda Bojonegoro"]


def test_a_group_of_posts_takes_no_name():
    text = ("Musrenbang dibuka Penjabat Bupati Boalemo Hendriwan, dan dihadiri para Asisten Setda Boalemo, "
            "Pimpinan Perangkat Daerah, Camat, dan para Kepala Desa.")
    assert set(by_name(text)) == {"Hendriwan"}


def test_roman_numbers_and_balinese_names_after_a_title():
    text = ("Turut mendampingi Asisten I Julises Oehlers dan Pangdam III/Siliwangi Mayjen TNI Nugroho Budi. "
            "Hadir pula Bupati Jembrana I Made Kembang Hartawan.")
    people = by_name(text)
    assert people["Julises Oehlers"]["titles"] == ["Asisten I"]
    assert people["Nugroho Budi"]["titles"] == ["Pangdam III/Siliwangi", "Mayjen TNI"]
    assert people["I Made Kembang Hartawan"]["titles"] == ["Bupati Jembrana"]


def test_a_numbered_unit_is_not_a_name_ending_in_an_initial():
    text = "Wali Kota Pekanbaru yang juga Ketua Apeksi Komwil I bersama 20 wali kota membahas munas."
    assert by_name(text) == {}


def test_a_place_of_two_words_the_article_writes_after_kecamatan():
    text = ("Bupati Muara Enim Juarsah membuka Musrenbang di Kecamatan Gunung Megang. Ardiansyah, S.Sos, "
            "Camat Kecamatan Gunung Megang menyampaikan terima kasih.")
    people = by_name(text)
    assert set(people) == {"Juarsah", "Ardiansyah"}
    assert people["Ardiansyah"]["titles"] == ["Camat Kecamatan Gunung Megang"]


def test_a_short_form_merges_across_a_dropped_wakil_and_a_title_family():
    text = ("Wakil Wali Kota Palu Reny A Lamadjido hadir. Wali Kota Reny mengapresiasi hal itu. "
            "Sekretaris Kota (Sekkot) Manado Micler Lakat menerima tamu. Sekda Lakat menjelaskan.")
    people = by_name(text)
    assert set(people) == {"Reny A Lamadjido", "Micler Lakat"}


def test_a_one_off_misspelling_does_not_become_the_name():
    text = ("Sekkot Manado Micler Lakat menerima kunjungan. Micler Lakat menjelaskan kondisi kota. "
            "Turut mendampingi Sekda Micler Lakar dalam pertemuan ini.")
    people = by_name(text)
    assert list(people) == ["Micler Lakat"]
    assert people["Micler Lakat"]["aliases"] == ["Micler Lakar"]


def test_an_acronym_of_the_name_in_parentheses_is_an_alias():
    text = ("Gubernur Sulawesi Barat Suhardi Duka (SDK) hadir di Mamuju. “Nanti kami bantu,” kata SDK saat "
            "menghadiri Musrenbang.")
    person = by_name(text)["Suhardi Duka"]
    assert person["aliases"] == ["SDK"]
    assert [m["text"] for m in person["mentions"]][-1] == "SDK"


# --- generic posts confirmed by the NER model ------------------------------------------------

def per(text: str, *names: str) -> list[tuple[int, int, str]]:
    """PER entities over the given names, as the NER model would mark them."""
    return [(text.index(n), text.index(n) + len(n), "PER") for n in names]


def test_generic_post_with_a_number_takes_the_person_the_model_marks():
    text = "Rapat paripurna dipimpin oleh Wakil Ketua DPRD 1, Roni Imran dan Wakil Ketua 2, Hamzah Sidik Djibran."
    found = {o["name"]: o["titles"] for o in find_officials(text, per(text, "Roni Imran", "Hamzah Sidik Djibran"))}
    assert found == {"Roni Imran": ["Wakil Ketua DPRD 1"], "Hamzah Sidik Djibran": ["Wakil Ketua 2"]}
    # A numbered chair ("Wakil Ketua 2") is a post for the rules alone as well (issue 13).
    assert [o["name"] for o in find_officials(text)] == ["Roni Imran", "Hamzah Sidik Djibran"]


def test_representative_of_an_agency_is_an_official_when_the_model_marks_the_name():
    text = "Wakil Wali Kota didampingi perwakilan Kesbangpol Zulfadli Matondang dan Sekretaris Komisi III, Ahmad Rifai."
    found = {o["name"]: o["titles"] for o in find_officials(text, per(text, "Zulfadli Matondang", "Ahmad Rifai"))}
    assert found == {"Zulfadli Matondang": ["perwakilan Kesbangpol"], "Ahmad Rifai": ["Sekretaris Komisi III"]}


@pytest.mark.parametrize("text, name", [
    ("Ketua RT 05 Budi Santoso mengatakan warga menyambut baik program itu.", "Budi Santoso"),
    ("Ketua Kelompok Tani Maju Budi Santoso menerima bantuan bibit.", "Budi Santoso"),
    ("Aksi itu dikoordinasi Ketua BEM Rizki Maulana bersama mahasiswa lain.", "Rizki Maulana"),
])
def test_heads_of_neighbourhood_and_private_bodies_are_not_officials(text, name):
    assert find_officials(text, per(text, name)) == []


# --- second round of unseen text ---------------------------------------------------------------


@pytest.mark.parametrize("text, name", [
    ("Acara dibuka oleh H.Bahtiar Lamane selaku Bupati Wajo.", "Bahtiar Lamane"),
    ("Sekretaris Daerah Kabupaten Sinjai DR.Akbar Mappasessu membuka forum itu.", "Akbar Mappasessu"),
    ("Ia didampingi Kepala Bappeda Ir.Rahman Jafar.Turut hadir para camat.", "Rahman Jafar"),
])
def test_a_dot_without_a_space_splits_an_honorific_or_a_sentence_from_the_name(text, name):
    assert list(by_name(text)) == [name]


def test_a_site_name_with_a_dot_stays_whole():
    text = "Gresik, Beritakita.Today – Bupati Gresik Fandi Akhmad Yani meninjau pasar."
    assert list(by_name(text)) == ["Fandi Akhmad Yani"]


@pytest.mark.parametrize("text, name, title", [
    ("Apel dipimpin Kabag Ops Polres Sinjai AKP Hasbi Ahmad.", "Hasbi Ahmad", "Kabag Ops Polres Sinjai"),
    ("Kasi Dokes Polres Bone, Iptu Nurhayati, memeriksa kesehatan personel.", "Nurhayati", "Kasi Dokes Polres Bone"),
    ("Kasie Penkum dan Humas Kejati, Yusran Bakri, menjelaskan jadwalnya.", "Yusran Bakri",
     "Kasie Penkum dan Humas Kejati"),
])
def test_police_and_prosecutor_units_after_a_post_are_not_names(text, name, title):
    people = by_name(text)
    assert list(people) == [name]
    assert people[name]["titles"][0] == title


@pytest.mark.parametrize("text", [
    "Kegiatan diikuti pembekalan oleh Kabag Ops dan pemeriksaan kesehatan oleh Kasi Dokes.",
    "Hadir para Kabag, Kasat, Kapolsek, Kasubbag, Kasi, Kanit serta para perwira.",
    "Turut hadir para kepala OPD, Kabag, Kementerian Agama, Komisioner Baznas, Camat, LSM dan media.",
])
def test_posts_and_bodies_listed_without_names_give_no_official(text):
    assert find_officials(text) == []


def test_an_aide_post_takes_the_head_it_serves_as_its_unit():
    text = ("Wapres didampingi Kepala Sekretariat Wapres Hendra Kusuma, Staf Khusus Wapres Bidang Komunikasi "
            "Yudi Pranata, dan Staf Ahli Bupati Bidang Pemerintahan Drs. Arman Siregar.")
    people = by_name(text)
    assert set(people) == {"Hendra Kusuma", "Yudi Pranata", "Arman Siregar"}
    assert people["Hendra Kusuma"]["titles"] == ["Kepala Sekretariat Wapres"]
    assert people["Yudi Pranata"]["titles"] == ["Staf Khusus Wapres Bidang Komunikasi"]
    assert people["Arman Siregar"]["titles"] == ["Staf Ahli Bupati Bidang Pemerintahan"]


def test_a_bare_aide_post_without_a_head_is_not_enough():
    assert find_officials("Staf Khusus Rudi Hartono membagikan sembako kepada warga.") == []


def test_ranks_and_pangdam_with_a_long_roman_numeral():
    text = ("Hadir Pangdam XVII/Cenderawasih Mayjen TNI Izak Pangemanan, Komjen Pol Arif Wibowo, "
            "Kombespol Hendra Gunawan dan Bhabinkamtibmas Brigpol Yoga Pratama.")
    people = by_name(text)
    assert set(people) == {"Izak Pangemanan", "Arif Wibowo", "Hendra Gunawan", "Yoga Pratama"}
    assert people["Izak Pangemanan"]["titles"][0] == "Pangdam XVII/Cenderawasih"


def test_a_village_named_like_a_listed_region_is_not_part_of_the_name():
    text = ("Musrenbang digelar di aula Kelurahan Lebak Sari, Rabu. Lurah Lebak Sari Wawan Hermawan "
            "mengatakan usulan warga sudah dicatat.")
    people = by_name(text)
    assert list(people) == ["Wawan Hermawan"]
    assert people["Wawan Hermawan"]["titles"] == ["Lurah Lebak Sari"]


def test_a_second_village_joined_by_dan_is_a_place():
    text = ("Pemkab melantik penjabat kepala desa untuk Desa Sukamaju dan Karangsari. Heru Prasetyo dilantik "
            "sebagai Pj Kepala Desa Karangsari.")
    assert find_officials(text) == []


def test_a_district_set_off_by_commas_after_a_name_is_the_district_everywhere():
    text = ("Acara dihadiri Camat Sumberjo Agus Salim. Rudi Hartono, Sekretaris Camat Sumberjo, dilantik "
            "sebagai pejabat kepala desa.")
    people = by_name(text)
    assert set(people) == {"Agus Salim", "Rudi Hartono"}
    assert people["Agus Salim"]["titles"] == ["Camat Sumberjo"]
    assert people["Rudi Hartono"]["titles"] == ["Sekretaris Camat Sumberjo"]


def test_the_province_written_after_the_region_stays_in_the_title():
    text = "Bupati Kabupaten Lingga, Kepulauan Riau (Kepri), Muhammad Nizar meresmikan pasar."
    people = by_name(text)
    assert list(people) == ["Muhammad Nizar"]
    assert people["Muhammad Nizar"]["titles"] == ["Bupati Kabupaten Lingga, Kepulauan Riau (Kepri)"]


def test_a_one_word_region_after_the_comma_is_still_a_name():
    text = "Wali Kota Bogor, Bima Arya membuka acara itu."
    assert list(by_name(text)) == ["Bima Arya"]


def test_a_count_before_a_post_is_a_group_and_the_speaker_after_it_is_not_given_that_post():
    text = "Plt Bupati Lantik 20 Pj Kades, Ardi: Jaga Kondusivitas\nPlt Bupati Natuna Ardi Wiranata melantik mereka."
    people = by_name(text)
    assert list(people) == ["Ardi Wiranata"]
    assert people["Ardi Wiranata"]["titles"] == ["Plt Bupati Natuna"]


def test_yakni_links_a_post_to_the_name():
    text = "Hal itu disampaikan oleh Sekretaris Daerah yakni Darmawan Saputra kepada wartawan."
    assert by_name(text)["Darmawan Saputra"]["titles"] == ["Sekretaris Daerah"]


def test_head_of_a_state_water_company_with_its_own_short_form():
    text = ("Kedatangan Wakil Bupati disambut Direktur Utama (Dirut) PDAM, Hendra Wijaya SE, dan Direktur Teknik "
            "(Dirtek) Bambang Sutrisno ST.")
    people = by_name(text)
    assert people["Hendra Wijaya"]["titles"] == ["Direktur Utama (Dirut) PDAM"]
    assert people["Bambang Sutrisno"]["titles"] == ["Direktur Teknik (Dirtek)"]


def test_a_name_after_selaku_keeps_its_post_and_the_next_name_is_another_person():
    text = ("Pelantikan dihadiri Bupati Kendal Dico Ganinduto bersama Eko Santoso selaku Kepala Dinas Pemberdayaan "
            "Masyarakat dan Desa (Dispermasdes), Rina Marlina dari Dinas Kominfo.")
    people = by_name(text)
    assert "Rina Marlina" not in people
    assert people["Eko Santoso"]["titles"] == ["Kepala Dinas Pemberdayaan Masyarakat dan Desa (Dispermasdes)"]


def test_a_lower_case_region_word_continues_the_title():
    text = "Hadir Bupati Soppeng H. Andi Kaswadi, Ketua DPRD kabupaten Soppeng H.Syahrul Adam, MM dan tokoh agama."
    people = by_name(text)
    assert people["Andi Kaswadi"]["titles"] == ["Bupati Soppeng"]
    assert people["Syahrul Adam"]["titles"] == ["Ketua DPRD kabupaten Soppeng"]


def test_hm_is_an_honorific_not_part_of_the_title():
    text = "Tampak hadir Walikota Balikpapan HM Rizal Effendi."
    person = by_name(text)["Rizal Effendi"]
    assert person["titles"] == ["Walikota Balikpapan"]


def test_bunda_paud_and_a_hyphenated_tp_pkk_are_posts():
    text = ("Bunda PAUD Kabupaten Kampar Hj. Muslimawati Catur melantik pengurus. Ketua TP-PKK Kabupaten Lampung "
            "Utara Hj. Nur Endah Sulastri mengukuhkan kader.")
    people = by_name(text)
    assert people["Muslimawati Catur"]["titles"] == ["Bunda PAUD Kabupaten Kampar"]
    assert people["Nur Endah Sulastri"]["titles"] == ["Ketua TP-PKK Kabupaten Lampung Utara"]


def test_sekretaris_camat_is_one_post():
    text = "Musrenbang dipimpin oleh Sekretaris Camat (Sekcam) Amir Safrudin SE."
    assert by_name(text)["Amir Safrudin"]["titles"] == ["Sekretaris Camat (Sekcam)"]


def test_menurut_name_then_a_post_opening_the_next_clause_is_no_apposition():
    text = ("Ketua TP PKK Kabupaten Way Kanan Hj. Dina Yulianti melantik kader. Menurut Dina, Bunda PAUD Desa "
            "berperan penting.")
    assert list(by_name(text)) == ["Dina Yulianti"]


def test_a_residence_named_after_the_post_is_a_place():
    text = "Bantuan diserahkan di halaman Kediaman Bupati Supiori. Sekda Supiori Ferra Wanggai menyambut rombongan."
    assert list(by_name(text)) == ["Ferra Wanggai"]


def test_a_wife_named_after_her_husband_stays_apart_from_him():
    text = ("Pj Gubernur Papua Ramses Limbong bersama Ketua TP PKK Provinsi Papua Gerdina Ramses Limbong "
            "berkunjung ke Supiori.")
    wife = text.rindex("Ramses Limbong")
    entities = per(text, "Ramses Limbong") + [(wife, wife + len("Ramses Limbong"), "PER")]
    people = {o["name"]: o["titles"] for o in find_officials(text, entities)}
    assert people == {"Ramses Limbong": ["Pj Gubernur Papua"],
                      "Gerdina Ramses Limbong": ["Ketua TP PKK Provinsi Papua"]}


def test_a_headline_nickname_is_the_same_person_as_the_full_name_that_declares_it():
    text = "Presiden Jokowi Hadiri Apel\nPresiden Joko Widodo (Jokowi) menghadiri apel di Monas."
    people = by_name(text)
    assert list(people) == ["Joko Widodo"]
    assert people["Joko Widodo"]["aliases"] == ["Jokowi"]


def test_the_model_may_push_a_company_name_of_two_words_into_the_title():
    text = "Mereka disambut Direktur Utama PDAM Tirta Pakuan Denny Sumardi di kantor itu."
    people = {o["name"]: o["titles"] for o in find_officials(text, per(text, "Denny Sumardi"))}
    assert people == {"Denny Sumardi": ["Direktur Utama PDAM Tirta Pakuan"]}


def test_a_headline_base_verb_is_not_a_name():
    text = "Kapolres Batubara Uji Kesiapan Personil\nKapolres Batubara AKBP Taufik Hidayat memimpin apel."
    assert list(by_name(text)) == ["Taufik Hidayat"]


@pytest.mark.parametrize("text, name", [
    ("Pendampingan dilakukan Tenaga Ahli Desa Kabupaten Muna, Rahman, bersama warga.", "Rahman"),
    ("Tim Ahli UGM Prof. Budi Santoso memaparkan hasil kajian.", "Budi Santoso"),
])
def test_an_aide_post_of_no_head_is_not_an_official(text, name):
    assert name not in by_name(text)


def test_an_aide_of_a_minister():
    text = "Hadir pula Staf Khusus Menteri Sosial Bidang Ekonomi Ahmad Fikri."
    assert by_name(text)["Ahmad Fikri"]["titles"] == ["Staf Khusus Menteri Sosial Bidang Ekonomi"]


def test_spellings_of_the_pkk_chair_are_one_post_for_one_person():
    text = ("Ketua TP-PKK Kabupaten Lampung Utara Hj. Nur Endah Sulastri Budi Utomo mengukuhkan kader. Ketua Tim "
            "Penggerak PKK Kabupaten Lampung Utara, Hj. Nur Endah Sulastri dalam sambutannya bersyukur.")
    assert list(by_name(text)) == ["Nur Endah Sulastri Budi Utomo"]


def test_two_honorifics_glued_before_the_name():
    assert list(by_name("Bupati Soppeng Ir.H.Andi Kaswadi Razak membuka acara.")) == ["Andi Kaswadi Razak"]
