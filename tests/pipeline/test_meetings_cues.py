"""Meeting cues: word families read through their affixes, one pass per sentence (issues 13, 15)."""

from __future__ import annotations

from pipeline.meetings import find_meetings, merge_false_splits
from pipeline.meetings_cues import cue_index, root_candidates, voice_of
from pipeline.officials import find_officials


def roles_of(text: str) -> dict[str, str]:
    """Participant name -> role of the one meeting found in the text ({} when none)."""
    meetings = find_meetings(text, find_officials(text), [])
    assert len(meetings) <= 1
    return {p["name"]: p["role"] for p in meetings[0]["participants"]} if meetings else {}


def test_affixed_forms_reach_their_root():
    for word, root in [("menerima", "terima"), ("penerimaan", "terima"), ("mengunjungi", "kunjung"),
                       ("kedatangannya", "datang"), ("penyambutan", "sambut"), ("dikukuhkan", "kukuh"),
                       ("pengukuhan", "kukuh"), ("melaunching", "launching"), ("peluncuran", "luncur")]:
        assert root in root_candidates(word), word


def test_voice_of_a_form():
    assert voice_of("menerima", "terima") == "active"
    assert voice_of("diterima", "terima") == "passive"
    assert voice_of("kunjungan", "kunjung") == "agent_noun"
    assert voice_of("penyambutan", "sambut") == "patient_noun"


def test_a_family_form_gives_the_event_and_the_role_by_voice():
    text = "Bupati Merauke diterimanya"
    cues = cue_index().find(text, 0, len(text))
    kinds = {(c.cls, c.value) for c in cues}
    assert ("event", "penerimaan") in kinds
    assert ("after", "guest") in kinds  # the one received is written before a passive verb


def test_a_visit_written_with_datang_and_a_passive_welcome():
    roles = roles_of("Rombongan Wako Pariaman Dr Genius Umar SSos MSi datang ke Pekanbaru, Ahad (14/7). Ia "
                     "disambut langsung oleh Wako Pekanbaru Dr H Firdaus ST MT di ruang rapat kediamannya.")
    assert roles == {"Genius Umar": "guest", "Firdaus": "host"}


def test_an_induction_written_as_dikukuhkan():
    roles = roles_of("Staf ahli Bidang Perekonomian Gubernur DIY, Budi Wibowo dikukuhkan menjadi penjabat "
                     "sementara Bupati Bantul oleh Gubernur DIY, Sri Sultan Hamengku Buwono X, Sabtu (26/09/2020).")
    assert roles == {"Budi Wibowo": "guest", "Sri Sultan Hamengku Buwono X": "host"}


def test_bertemu_names_a_meeting():
    roles = roles_of("Bupati Merauke Frederikus Gebze bertemu Presiden Joko Widodo di Istana Merdeka, "
                     "Selasa (23/4/2019).")
    assert set(roles) == {"Frederikus Gebze", "Joko Widodo"}


def test_thanks_are_no_reception():
    assert roles_of("Bupati Ende Djafar Achmad menyampaikan terima kasih kepada Gubernur NTT Viktor Bungtilu "
                    "Laiskodat atas bantuan beras.") == {}


def test_melalui_after_a_verb_of_the_speaker_is_no_representation():
    roles = roles_of("Bupati Tabalong, H. Anang Syakhfiani membuka peringatan puncak Hari Jadi ke 54 Kabupaten "
                     "Tabalong di Pendopo Bersinar, Senin (9/12). Gubernur Kalimantan Selatan, Sahbirin Noor "
                     "mengatakan melalui momentum ini jajaran pemerintah kabupaten harus memperkokoh kebersamaan.")
    assert set(roles) == {"Anang Syakhfiani", "Sahbirin Noor"}


def test_melalui_right_after_a_name_is_representation():
    roles = roles_of("Rapat koordinasi dibuka Sekda Jambi Sudirman. Gubernur Jambi Al Haris melalui Sekda "
                     "menyampaikan apresiasi kepada seluruh peserta rapat.")
    assert "Al Haris" not in roles


def test_a_video_conference_counts_for_those_it_says_were_there():
    roles = roles_of("Pada konferensi video tersebut, selain Bupati Lampung Timur Zaiful Bokhari, terlihat juga "
                     "hadir Kapolres Lampung Timur AKBP Wawan Setiawan.")
    assert {"Zaiful Bokhari", "Wawan Setiawan"} <= {n.split("Timur ")[-1] for n in roles}


def test_a_video_conference_does_not_join_officials_only_quoted():
    text = ("Gubernur NTT Viktor Bungtilu Laiskodat menyampaikan hal itu saat melakukan telekonferensi bersama para "
            "bupati pada Selasa (26/5/2020). Bupati Ende Djafar Achmad mengatakan pihaknya siap. "
            "“Mudah-mudahan diikuti semua bupati,” ujar Bupati Flores Timur Antonius Hubertus Gege Hadjon.")
    assert roles_of(text) == {}


def test_a_long_run_without_sentence_end_is_joined_in_linear_time():
    # A 100,000-character token used to be rescanned for every later piece (277 s); only the tail counts now.
    text = "Bupati " + "a" * 100_000 + " hadir. Sekda B hadir."
    pieces = [(0, 7), (7, 100_014), (100_015, len(text))]
    assert merge_false_splits(text, pieces) == [(0, 100_014), (100_015, len(text))]


def test_a_passive_written_apart_from_its_prefix():
    roles = roles_of("Rombongan Pemda Muna melakukan studi tiru di Aula Bappeda, Rabu (15/11/2023). Mereka "
                     "di terima Sekda Kolaka Timur, Andi Muh Iqbal Tongasa. Sedang Pemda Muna di pimpin Staf Ahli "
                     "Bupati Muna Ahmad Yani Biku.")
    assert set(roles) == {"Andi Muh Iqbal Tongasa", "Ahmad Yani Biku"}
    assert roles["Andi Muh Iqbal Tongasa"] == "host"


def test_a_place_with_a_house_number_range_and_district():
    text = ("Menteri Dalam Negeri Tito Karnavian menerima Bupati Merauke Romanus Mbaraka di Jalan Medan Merdeka "
            "Utara No. 7-8, Gambir, Selasa (30/3/2021).")
    (meeting,) = find_meetings(text, find_officials(text), [])
    assert meeting["place"] == "Jalan Medan Merdeka Utara No. 7-8, Gambir"


def test_the_leader_of_a_visiting_delegation_is_a_guest():
    roles = roles_of("Wakil Walikota Bekasi, Tri Adhianto menerima kunjungan kerja dari Pemerintah Kota Bengkulu, Rabu "
                     "(10/4). Kunjungan Kerja Pemerintah Kota Bengkulu ini dipimpin oleh Wakil Walikota Bengkulu, "
                     "Dedy Wahyudi.")
    assert roles == {"Tri Adhianto": "host", "Dedy Wahyudi": "guest"}


def test_a_mayor_quoted_first_and_then_chairing_is_the_host():
    roles = roles_of("“Semua OPD harus siap,” kata Wali Kota Bitung Maurits Mantiri. Wali Kota Bitung Maurits Mantiri "
                     "memimpin rapat tim kerja bersama Sekda Bitung Rudy Theno di ruang rapat Sekda.")
    assert roles["Maurits Mantiri"] == "host"
    assert "Rudy Theno" in roles


def test_a_speech_family_names_the_speaker_after_a_passive_verb():
    roles = roles_of("Wakil Gubernur Bengkulu Rahmat Hidayat membuka Forum Konsultasi Publik RKPD di Hotel Raflesia, "
                     "Kamis (26/01/2023). Seperti yang disampaikan oleh Kabid Perencanaan Bappeda Provinsi Bengkulu "
                     "Sutrisno Wibowo, kegiatan ini bertujuan menyamakan persepsi pembangunan.")
    assert roles == {"Rahmat Hidayat": "host", "Sutrisno Wibowo": "speaker"}


def test_a_passive_speech_verb_after_a_name_makes_no_speaker():
    roles = roles_of("Pj Bupati Kampar Ahmad Fauzi memimpin upacara HUT Provinsi Riau di Lapangan Pelajar. "
                     "Dalam amanat Gubernur Riau Budi Santoso tersebut disampaikan bahwa ekonomi daerah membaik. "
                     "Upacara diikuti Asisten I Rudi Hartono.")
    assert "Budi Santoso" not in roles and "Rudi Hartono" in roles


def test_bersilaturahmi_opens_a_courtesy_call():
    roles = roles_of("Pj Gubernur Sumsel Budi Santoso bersilaturahmi dengan Pangdam II/Sriwijaya Mayjen TNI Rahmat "
                     "Hidayat membahas penanganan karhutla.")
    assert set(roles) == {"Budi Santoso", "Rahmat Hidayat"}


def test_dalam_kesempatan_itu_places_the_officials_it_names_at_the_event():
    roles = roles_of("Bupati Sleman Kustini menerima audiensi Kapolres Sleman AKBP Yuswanto di pendopo, Senin "
                     "(3/5/2021). Dalam kesempatan itu, Kapolres memperkenalkan Wakapolres Kompol Sugeng Riyadi dan "
                     "Kasat Reskrim AKP Rony Prasadana.")
    assert set(roles) == {"Kustini", "Yuswanto", "Sugeng Riyadi", "Rony Prasadana"}


def test_visit_verbs_of_their_own_families_open_a_visit():
    for verb in ("menghadap", "bertamu ke", "bertandang ke", "menyambangi"):
        roles = roles_of(f"Wali Kota Solo Gibran Rakabuming Raka {verb} Gubernur Jawa Tengah Ganjar Pranowo di "
                         "Semarang, Senin (5/4/2021).")
        assert roles == {"Gibran Rakabuming Raka": "guest", "Ganjar Pranowo": "host"}, verb


def test_terhadap_and_menghadapi_are_no_visit():
    for verb in ("menyampaikan apresiasi terhadap", "siap menghadapi"):
        assert roles_of(f"Wali Kota Solo Gibran Rakabuming Raka {verb} Gubernur Jawa Tengah Ganjar Pranowo.") == {}


def test_those_who_witness_a_handover_are_at_it():
    roles = roles_of("Bupati Kerinci Adirozal menyerahkan bantuan kepada warga di Desa Pungut, Senin (3/5/2021). "
                     "Penyerahan bantuan disaksikan Kapolres Kerinci AKBP Heru Eko Wibowo.")
    assert set(roles) == {"Adirozal", "Heru Eko Wibowo"}
