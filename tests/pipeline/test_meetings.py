"""Meetings: which named officials were together at the event an article reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.dates import find_dates
from pipeline.meetings import find_meetings, merge_false_splits, quoted_spans, split_sentences
from pipeline.officials import find_officials


def meetings_of(text: str, dates: list[dict] | None = None) -> list[dict]:
    """Meetings found from the rule-based officials of the text."""
    return find_meetings(text, find_officials(text), dates or [])


def participants(meeting: dict) -> dict[str, str]:
    """Participant name -> role."""
    return {p["name"]: p["role"] for p in meeting["participants"]}


def test_a_working_visit_with_host_and_guest_and_the_nearest_date():
    text = ("KOTABEKASI- Wakil Walikota Bekasi, Tri Adhianto menerima kunjungan kerja dari Pemerintah Kota "
            "Bengkulu di ruang kerja Wakil Walikota Bekasi, Rabu (10/4). Kunjungan Kerja Pemerintah Kota Bengkulu "
            "ini dipimpin oleh Wakil Walikota Bengkulu, Dedy Wahyudi.")
    start = text.index("Rabu (10/4)")
    dates = [{"text": "Rabu (10/4)", "start": start, "end": start + 11, "value": "2019-04-10", "granularity": "day"}]
    (meeting,) = meetings_of(text, dates)
    assert meeting["type"] == "penerimaan"
    roles = participants(meeting)
    assert set(roles) == {"Tri Adhianto", "Dedy Wahyudi"}
    assert roles["Tri Adhianto"] == "host"
    assert meeting["date"] == "2019-04-10"
    for ev in meeting["evidence"]:
        assert text[ev["start"]:ev["end"]] == ev["text"]


def test_people_accompanying_and_attending_count_as_present():
    text = ("BUPATI Banggai Dr. Ir. Herwin Yatim, MM, didampingi Asisten 1 Setda Banggai, Judi A. Amisudin, "
            "Kadis Perhubungan, Tasrik Djibran, dan Camat Luwuk, Arslan Lapalanti, menyambut kedatangan Gubernur "
            "Sulawesi Tengah, Drs. H. Longki Djanggola, M.Si, bersama rombongan di Pelabuhan Luwuk, "
            "Senin (14/09/2020).")
    (meeting,) = meetings_of(text)
    roles = participants(meeting)
    assert set(roles) == {"Herwin Yatim", "Judi A. Amisudin", "Tasrik Djibran", "Arslan Lapalanti", "Longki Djanggola"}
    assert roles["Judi A. Amisudin"] == "accompanying"
    assert roles["Longki Djanggola"] == "guest"
    assert meeting["place"] == "Pelabuhan Luwuk"


def test_turut_hadir_list_joins_the_event():
    text = ("Hal ini disampaikan Bupati Pasaman Welly Suhery dihadapan Forkopimda di Balairong Anak Nagari. "
            "Dalam kesempatan tersebut juga hadir Sekda Pasaman Yudesri, Ketua TP PKK Pasaman Ny. Lusi Welly "
            "Suhery, Ketua GOW Pasaman Ny. Asra Parulian, dan beberapa istri Forkopimda.")
    (meeting,) = meetings_of(text)
    assert set(participants(meeting)) == {"Welly Suhery", "Yudesri", "Lusi Welly Suhery", "Asra Parulian"}


def test_one_main_event_gives_one_meeting():
    text = ("Wali Kota Ambon, Bodewin Melkias Wattimena bersama Wakil Wali Kota Ely Toisutta, serta Pj. Sekretaris "
            "Kota Ambon Robert Sapulette melakukan kunjungan kerja ke beberapa instansi strategis. Kunjungan ini "
            "meliputi Kantor Pengadilan Tinggi. Wali Kota Ambon menegaskan silaturahmi ini penting. Selain itu, "
            "Wali Kota juga menghadiri rapat di Mako Lantamal IX.")
    meetings = meetings_of(text)
    assert len(meetings) == 1
    assert set(participants(meetings[0])) == {"Bodewin Melkias Wattimena", "Ely Toisutta", "Robert Sapulette"}


def test_a_person_quoted_or_referred_to_from_elsewhere_is_not_present():
    text = ("Gubernur Maluku Utara Serly Tjoanda secara resmi melantik Bupati Halmahera Utara Piet Hein Babua. "
            "\"Mari kita maju sesuai dengan pesan Presiden Prabowo yakni melayani semua,\" ungkap Serly.")
    (meeting,) = meetings_of(text)
    assert set(participants(meeting)) == {"Serly Tjoanda", "Piet Hein Babua"}


def test_past_clauses_and_plans_do_not_place_people_at_the_event():
    text = ("Wali Kota Bogor, Bima Arya memaparkan capaian pembangunan sejak dirinya dan Wakil Wali Kota Bogor "
            "Usmar Hariman dilantik. Kegiatan itu dihadiri Sekretaris Daerah Kota Bogor Ade Sarip Hidayat. "
            "Usai menjalani pelantikan, Wakil Gubernur Jawa Barat Uu Ruzhanul akan berkunjung ke Bogor.")
    (meeting,) = meetings_of(text)
    assert set(participants(meeting)) == {"Bima Arya", "Ade Sarip Hidayat"}


def test_a_planned_meeting_is_not_a_meeting():
    text = ("Usai menjalani pelantikan di Jakarta, Wali Kota Malang Wahyu Hidayat dan Wakil Wali Kota Ali "
            "Muthohirin akan langsung fokus pada kerja nyata. Keduanya direncanakan akan mengunjungi warga.")
    assert meetings_of(text) == []


def test_a_teleconference_is_not_a_meeting_in_person():
    text = ("Gubernur NTT Viktor Bungtilu Laiskodat menyampaikan hal itu saat melakukan telekonferensi bersama "
            "para bupati. Bupati Ende Djafar Achmad mengatakan pihaknya gembira.")
    assert meetings_of(text) == []


def test_a_lone_official_makes_no_meeting():
    text = ("Musrenbang ini dibuka langsung oleh Bupati Kukar, Edi Damansyah, dan dihadiri camat dan kepala desa."
            "\nReporter : Asep\nEditor : Ridho")
    assert meetings_of(text) == []


def test_the_speaker_named_after_the_speech_verb_is_present():
    text = ("Wali Kota Bogor, Bima Arya memaparkan program di hadapan peserta Diklatpim. \"Pemilihan Kota Bogor "
            "didasari pertimbangan yang matang,\" kata Kepala Bidang Pengembangan Bkdiklatda Kota Salatiga, Sutopo.")
    (meeting,) = meetings_of(text)
    assert participants(meeting)["Sutopo"] == "speaker"


def test_quotes_are_paired_in_order_even_with_odd_marks():
    text = "”Ketika kami dilantik, hal paling utama,” kata Bima. “Bersama Muspida kami siaga"
    spans = quoted_spans(text)
    assert [text[a:b] for a, b in spans] == ["”Ketika kami dilantik, hal paling utama,”", "“Bersama Muspida kami siaga"]


def test_sentences_are_not_split_after_abbreviations():
    text = "Hadir Pj. Sekretaris Kota Ambon Robert Sapulette. Kunjungan berlanjut."
    bounds = merge_false_splits(text, split_sentences(text))
    assert [text[a:b] for a, b in bounds] == ["Hadir Pj. Sekretaris Kota Ambon Robert Sapulette.",
                                              "Kunjungan berlanjut."]


def test_a_model_split_mid_clause_is_joined_but_a_line_break_still_ends_the_headline():
    text = ("Meki Nawipa Kunjungi Kota Tua Kokonao\nBupati Mimika, Johannes Rettob, dan Wakil Bupati, Emanuel Kemong "
            "beserta rombongan melakukan kunjungan kerja ke Kota Tua, Kokonao, pada hari Kamis (10/4/2025). "
            "Ketua Forkopimda tampak juga hadir.")
    lead, cut, last = text.index("Bupati"), text.index("melakukan"), text.index("Ketua")
    bounds = merge_false_splits(text, [(0, lead - 1), (lead, cut - 1), (cut, last - 1), (last, len(text))])
    assert [text[s:e] for s, e in bounds] == [
        "Meki Nawipa Kunjungi Kota Tua Kokonao", text[lead:last - 1], "Ketua Forkopimda tampak juga hadir."]


def test_dev_article_meetings_validate_against_the_schema(shared):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((Path(__file__).resolve().parents[2] / "pipeline" / "record.schema.json")
                        .read_text(encoding="utf-8"))
    item = {"$defs": schema["$defs"], **schema["properties"]["meetings"]}
    lines = (shared / "eval" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:10]
    found = 0
    for line in lines:
        text = json.loads(line)["text"]
        result = meetings_of(text)
        jsonschema.validate(result, item)
        found += len(result)
    assert found >= 5


def test_a_policy_story_with_a_spokesperson_is_not_a_meeting():
    text = ("Bupati Sleman Kustini Sri Purnomo mengeluarkan surat edaran tentang pembatasan kegiatan masyarakat. "
            "Kepala Dinas Kesehatan Sleman Cahya Purnama mengatakan kasus Covid-19 meningkat.")
    assert len(find_officials(text)) == 2
    assert meetings_of(text) == []


# --- roles and presence on unseen regional news ------------------------------------------


def test_the_role_comes_from_the_cue_nearest_the_mention():
    text = ("Wakil Gubernur DKI Jakarta Sandiaga Uno menerima audiensi Wali Kota Bekasi Rahmat Effendi. "
            "Hadir mendampingi Asisten Pembangunan dan Kemasyarakatan Kariman, dan Kepala Bappeda Koswara.")
    roles = participants(meetings_of(text)[0])
    assert roles["Kariman"] == "accompanying"
    assert roles["Koswara"] == "accompanying"
    assert roles["Sandiaga Uno"] == "host"
    assert roles["Rahmat Effendi"] == "guest"


def test_who_accompanies_is_written_before_mendampingi_when_a_subject_is_there():
    text = ("Kepala Dinas Kominfo Kabupaten Buleleng, Made Suharta turut mendampingi Bupati Buleleng, "
            "I Nyoman Sutjidra dalam kunjungan kerja ke Kecamatan Seririt.")
    roles = participants(meetings_of(text)[0])
    assert roles["Made Suharta"] == "accompanying"
    assert roles["I Nyoman Sutjidra"] != "accompanying"


def test_hosts_and_guests_of_visits_and_audiences():
    text = ("Pemkab Kotawaringin Barat (Kobar) belajar ke Padang. "
            "Didampingi Pj Sekda, Bupati Kobar Nurhidayah menyambangi Kantor Wali Kota Padang, Kamis. "
            "Kehadiran rombongan disambut langsung oleh Wali Kota Padang Mahyeldi Ansharullah.\n"
            "Wali Kota Pekanbaru Firdaus melaksanakan audiensi dengan Presiden Republik Indonesia Joko Widodo.")
    roles = participants(meetings_of(text)[0])
    assert roles["Nurhidayah"] == "guest"
    assert roles["Mahyeldi Ansharullah"] == "host"
    assert roles["Firdaus"] == "guest"
    assert roles["Joko Widodo"] == "host"


def test_bersama_shares_the_role_of_the_official_just_before_it_only():
    text = ("Gubernur Bengkulu Rohidin Mersyah bersama Kapolda Bengkulu Brigjen Pol Supratman menggelar "
            "pertemuan bersama Kapolri Jenderal Polisi Tito Karnavian di Jakarta.")
    roles = participants(meetings_of(text)[0])
    assert roles["Rohidin Mersyah"] == roles["Supratman"] == "host"
    assert roles["Tito Karnavian"] == "attendee"


def test_a_represented_or_excused_official_is_not_present():
    text = ("Mewakili Wali Kota Batam Muhammad Rudi, Sekda Kota Batam Jefridin Hamid menerima kunjungan "
            "kehormatan Wakil Bupati Natuna Rodhial Huda di Kantor Wali Kota Batam.")
    roles = participants(meetings_of(text)[0])
    assert set(roles) == {"Jefridin Hamid", "Rodhial Huda"}


def test_a_spokesman_speaking_for_an_official_named_at_the_event_leaves_him_present():
    text = ("Kedatangan Mendagri Tito Karnavian disambut Kapolda Kalteng Irjen Pol Dedi Prasetyo di bandara. "
            "\"Kami menurunkan 385 personel,\" kata Kabid Humas Kombes Pol Hendra Rochmawan mewakili Kapolda.")
    assert {"Tito Karnavian", "Dedi Prasetyo"} <= set(participants(meetings_of(text)[0]))


def test_an_official_named_as_the_owner_of_a_policy_is_not_present():
    text = ("Sekretaris Daerah Provinsi Sulawesi Barat Junda Maulana memimpin rapat koordinasi OPD. "
            "Rapat dihadiri Kepala Biro Pemkesra Setda Provinsi Sulawesi Barat, Murdanil. Rapat membahas "
            "program yang menjadi penekanan Gubernur Sulbar Suhardi Duka.")
    assert set(participants(meetings_of(text)[0])) == {"Junda Maulana", "Murdanil"}


def test_a_schedule_in_a_relative_clause_does_not_void_the_rest_of_the_sentence():
    text = ("Musrenbang yang dijadwalkan berlangsung dua hari, dibuka secara resmi oleh Bupati Jembrana, "
            "I Nengah Tamba dan dihadiri pula oleh Ketua DPRD Jembrana, Ni Made Sri Sutharmi.")
    roles = participants(meetings_of(text)[0])
    assert roles == {"I Nengah Tamba": "host", "Ni Made Sri Sutharmi": "attendee"}


def test_two_officials_joined_by_bersama_were_together():
    text = ("Wakapolres Tanggamus Kompol Muhammad Ali bersama Kabag Ops Kompol Bunyamin melakukan pemeriksaan "
            "tanggul yang jebol, Selasa sore.")
    assert set(participants(meetings_of(text)[0])) == {"Muhammad Ali", "Bunyamin"}


def test_menyambut_baik_is_not_a_reception():
    text = ("Gubernur Sulawesi Barat Suhardi Duka menghadiri Musrenbang di Mamuju. Bupati Mamuju Sitti Sutinah "
            "menyambut baik dukungan dari Pemprov. “Kerusakan jaringan sudah lama,” ucap Sutinah.")
    (meeting,) = meetings_of(text)
    assert participants(meeting)["Sitti Sutinah"] == "speaker"


def test_a_headline_line_is_its_own_sentence():
    text = "Wali Kota Sambut Presiden\nBersama Kapolres Bogor AKBP Susatyo, Wali Kota Bogor Bima Arya hadir."
    bounds = [(0, len(text))]
    officials = find_officials(text)
    (meeting,) = find_meetings(text, officials, [], bounds)
    assert all(ev["text"].count("\n") == 0 for ev in meeting["evidence"])


def test_an_honorific_before_the_name_does_not_end_the_sentence():
    text = ("Rapat dipimpin oleh Sekretaris Daerah Kabupaten Sijunjung, DR. Zefnihan. "
            "Rapat diikuti oleh Asisten II, Mukhadiris.")
    roles = participants(meetings_of(text)[0])
    assert roles["Zefnihan"] == "host"
    assert "Mukhadiris" in roles


def test_meeting_on_a_relative_day_takes_the_day_it_points_to():
    text = ("Wali Kota Bekasi Tri Adhianto menerima audiensi Kepala Kantor Pertanahan Kota Bekasi "
            "Amir Sofwan di ruang rapat Wali Kota, kemarin.")
    officials = find_officials(text)
    meetings = find_meetings(text, officials, find_dates(text, "2024-03-14"))
    assert [m["date"] for m in meetings] == ["2024-03-13"]


# --- second round of unseen text ---------------------------------------------------------------


def test_a_planned_inauguration_and_its_informant_make_no_meeting():
    text = ("Bupati Sekadau Aron direncanakan melantik tujuh penjabat kepala desa. Pelantikan diagendakan di aula "
            "kantor bupati, Kamis. Hal itu disampaikan Kepala Bidang Pemerintahan Desa Paskalis Alianto, Rabu.")
    assert meetings_of(text) == []


def test_a_camat_excused_in_a_speech_is_not_present():
    text = ("Musrenbang Kelurahan Adipuro Kecamatan Trimurjo dihadiri Sekcam Trimurjo Suhaimi. Dalam sambutannya "
            "Lurah Adipuro Eka Pebri mengucapkan terima kasih. Suhaimi mewakili Camat Trimurjo Suparyono menyampaikan "
            "permohonan maaf atas ketidakhadiran Camat Trimurjo yang mengikuti rapat di kabupaten.")
    roles = participants(meetings_of(text)[0])
    assert set(roles) == {"Suhaimi", "Eka Pebri"}


def test_an_official_who_did_not_attend_is_left_out():
    text = ("Rapat paripurna dipimpin Ketua DPRD Kota Jambi Kemas Faried. Wali Kota Jambi Syarif Fasha tidak hadir "
            "karena tugas luar daerah. Sekda Kota Jambi Ridwan menyampaikan jawaban wali kota.")
    roles = participants(meetings_of(text)[0])
    assert set(roles) == {"Kemas Faried", "Ridwan"}


def test_a_coinciding_event_elsewhere_is_not_this_one():
    text = ("Para gubernur tiba di Balikpapan, bertepatan dengan berkemah Presiden Joko Widodo di IKN. "
            "Kedatangan mereka diterima Wakil Gubernur Kaltim Hadi Mulyadi. Kepala Dinas Pendidikan Provinsi "
            "Kaltim Anwar Sanusi menyambut kedatangan Gubernur NTB Zulkieflimansyah.")
    roles = participants(meetings_of(text)[0])
    assert "Joko Widodo" not in roles
    assert {"Hadi Mulyadi", "Anwar Sanusi", "Zulkieflimansyah"} <= set(roles)


def test_governors_who_took_part_in_the_audience_are_present():
    text = ("Gubernur Kalteng Sugianto Sabran beraudiensi dengan Mendagri Tito Karnavian di Jakarta. Gubernur lain "
            "yang turut berpartisipasi, di antaranya Gubernur Banten Wahidin Halim dan Gubernur Gorontalo Rusli "
            "Habibie.")
    roles = participants(meetings_of(text)[0])
    assert set(roles) == {"Sugianto Sabran", "Tito Karnavian", "Wahidin Halim", "Rusli Habibie"}


def test_a_member_who_proposes_at_the_plenary_speaks_there():
    text = ("Rapat paripurna DPRD Lampung dipimpin Wakil Ketua DPRD Lampung Yozi Rizal. Anggota DPRD Lampung "
            "Mardani Umar mengusulkan agar pandangan fraksi diserahkan saja ke pimpinan.")
    roles = participants(meetings_of(text)[0])
    assert set(roles) == {"Yozi Rizal", "Mardani Umar"}
    assert roles["Mardani Umar"] == "speaker"


def test_the_office_of_the_regent_is_not_the_regent_present():
    text = ("Sekda Sambas Fatah Maryunani memimpin rapat di aula kantor bupati. Kepala Bappeda Sambas Ahmad Rizal "
            "memaparkan rancangan RKPD. Bupati Sambas Satono berada di Jakarta.")
    roles = participants(meetings_of(text)[0])
    assert set(roles) == {"Fatah Maryunani", "Ahmad Rizal"}


def test_a_split_after_a_comma_is_joined_again():
    text = ("Rapat dipimpin oleh Wakil Ketua DPRD 1, Roni Imran dan Wakil Ketua 2, Hamzah Sidik Djibran. "
            "Usai rapat, ia pulang.")
    cut, usai = text.index("Roni"), text.index("Usai")
    bounds = merge_false_splits(text, [(0, cut - 1), (cut, usai - 1), (usai, len(text))])
    assert [text[s:e] for s, e in bounds] == [text[:usai - 1], "Usai rapat, ia pulang."]


def test_the_absence_window_is_component_config():
    import spacy

    from pipeline.meetings import Windows

    text = ("Musrenbang Kelurahan Adipuro Kecamatan Trimurjo dihadiri Sekcam Trimurjo Suhaimi. Dalam sambutannya "
            "Lurah Adipuro Eka Pebri mengucapkan terima kasih. Suhaimi mewakili Camat Trimurjo Suparyono menyampaikan "
            "permohonan maaf atas ketidakhadiran Camat Trimurjo yang mengikuti rapat di kabupaten.")
    blind = find_meetings(text, find_officials(text), [], windows=Windows(absent=0))
    assert "Suparyono" in participants(blind[0])  # no cue reaches the name, so nothing marks him absent
    component = spacy.blank("id").add_pipe("warta_meetings", config={"absent_window": 0, "speaker_window": 90})
    assert component.windows == Windows(speaker=90, absent=0)


def test_a_vision_owned_by_a_region_does_not_hide_the_official_named_after_it():
    text = ("Upacara HUT Provinsi Riau dipimpin langsung oleh Pj Bupati Kampar Hendra Saputra di Lapangan Pelajar. "
            "Adapun petugas upacara yakni pemimpin upacara Kadis PMD Rudi Hartono, pembaca visi misi Riau Kadis "
            "Perindustrian Ali Akbar, serta pembaca doa Kabag Kesra Joko Susilo.")
    assert "Ali Akbar" in participants(meetings_of(text)[0])


def test_a_policy_owner_named_right_after_the_cue_is_not_present():
    text = ("Rapat koordinasi dipimpin Sekda Kampar Rudi Hartono di aula kantor bupati. Rapat membahas kebijakan "
            "Gubernur Riau Syamsul Bahri tentang pangan bersama Kadis Pertanian Joko Susilo.")
    roles = participants(meetings_of(text)[0])
    assert "Syamsul Bahri" not in roles and {"Rudi Hartono", "Joko Susilo"} <= set(roles)
