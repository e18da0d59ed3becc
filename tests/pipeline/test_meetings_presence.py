"""Meetings: who the text places at the event, and who it only mentions (issue 13)."""

from __future__ import annotations

from pipeline.meetings import find_meetings
from pipeline.officials import find_officials


def roles_of(text: str) -> dict[str, str]:
    """Participant name -> role of the one meeting found in the text ({} when none)."""
    meetings = find_meetings(text, find_officials(text), [])
    assert len(meetings) <= 1
    return {p["name"]: p["role"] for p in meetings[0]["participants"]} if meetings else {}


def test_an_attendance_list_goes_on_line_by_line():
    text = ("Apel Hari Jadi Kabupaten Sumenep ke-750 digelar di jalan Trunojoyo, Kamis (31/10/2019).\n"
            "Tampak hadir Bupati Sumenep DR. KH. A. Busyro Karim, M. Si beserta istri.\n"
            "Wakil Bupati Sumenep Ahmad Fauzi, SH, MH beserta istri.\n"
            "Setda Sumenep Ir. Edy Rasyadi, MM beserta istri.\n"
            "Dandim 0827/ Sumenep Letkol Inf Ato Sudiatna beserta istri.\n"
            "Kepala Kejaksaan Negeri Sumenep Djamaludin,SH, MH berserta istri.")
    assert set(roles_of(text)) == {"A. Busyro Karim", "Ahmad Fauzi", "Ato Sudiatna", "Djamaludin"}


def test_a_line_with_a_predicate_ends_the_list():
    text = ("Tampak hadir Bupati Sumenep A Busyro Karim.\n"
            "Wakil Bupati Sumenep Ahmad Fauzi beserta istri.\n"
            "Kapolres Sumenep AKBP Deddy Supriadi berangkat ke Surabaya pada sore harinya.")
    assert set(roles_of(text)) == {"A Busyro Karim", "Ahmad Fauzi"}


def test_the_entourage_after_ikut_serta_dalam_rombongan():
    text = ("Gubernur Sulawesi Tengah, Rusdy Mastura melakukan kunjungan kerja ke Kabupaten Morowali, "
            "Senin (4/12/2023). Ikut serta dalam rombongan gubernur yakni Kadis Bina Marga dan Tata Ruang "
            "Faidul Keteng, Kadis Kesehatan I Komang Adi Sujendra, dan Kabag Protokol Ferianus Jator Wibisono.")
    assert set(roles_of(text)) == {"Rusdy Mastura", "Faidul Keteng", "I Komang Adi Sujendra", "Ferianus Jator Wibisono"}


def test_the_one_who_plans_a_visit_is_not_at_the_event():
    text = ("Presiden Joko Widodo dikabarkan akan berkunjung ke Natuna besok. Menteri Kelautan dan Perikanan Edhy "
            "Prabowo meninjau SKPT Selat Lampa bersama Bupati Natuna Abdul Hamid Rizal, Selasa (7/1/2020).")
    assert set(roles_of(text)) == {"Edhy Prabowo", "Abdul Hamid Rizal"}


def test_the_visitor_a_meeting_prepares_for_is_not_at_it():
    text = ("Pemprov Kalsel menggelar Rapat Koordinasi persiapan kunjungan kerja Presiden Republik Indonesia, Prabowo "
            "Subianto, ke Kalimantan Selatan. Rakor dipimpin langsung oleh Gubernur Kalsel H. Muhidin dan dihadiri "
            "Kapolda Kalsel Irjen Pol Rosyanto Yudha Hermawan.")
    assert set(roles_of(text)) == {"Muhidin", "Rosyanto Yudha Hermawan"}


def test_not_seen_present_is_absent():
    text = ("Sampai berita ini ditulis, rapat paripurna DPRD Kota Cirebon masih berlangsung dipimpin Wakil Ketua DPRD "
            "Fitria Pamungkaswati dan dihadiri Wali Kota Cirebon Nashrudin Azis. Ketua DPRD Affiati sendiri tidak "
            "terlihat hadir.")
    assert set(roles_of(text)) == {"Fitria Pamungkaswati", "Nashrudin Azis"}


def test_a_relative_named_in_an_apposition_is_not_a_speaker():
    text = ("Gubernur Rusli dalam sambutannya di acara halal bihalal bersama Bupati Gorontalo Nelson Pomalingo "
            "memaparkan perkembangan pembangunan. Kemudian putra sulung Presiden Jokowi ini menambahkan bahwa "
            "pembangunan terus berjalan.")
    assert set(roles_of(text)) == {"Rusli", "Nelson Pomalingo"}


def test_a_numbered_list_after_a_presence_line_without_names():
    text = ("Walikota Banda Aceh Aminullah Usman menerima kunjungan anggota Wantimpres di Ruang Rapat Walikota.\n"
            "Turut hadir dalam pertemuan ini\n"
            "1. Dari Jajaran SKPK Banda Aceh:\n"
            "– Kepala Dinas Sosial Kota Banda Aceh Muzakkir\n"
            "– Kepala Dinas Kesehatan Kota Banda Aceh dr. Warqah Helmi")
    assert {"Aminullah Usman", "Muzakkir", "Warqah Helmi"} <= set(roles_of(text))


def test_speaking_through_an_interpreter_is_being_there():
    text = ("Walikota Jayapura, Dr. Benhur Tomi Mano, MM menerima kunjungan rombongan Kota Lorengau di ruang kerja "
            "Walikota, Senin (16/11/2020). Wakil Wali Kota Lorengau, Y. Hubert Joachim melalui interpreter "
            "mengatakan, pertemuan itu untuk menyatakan keinginan bekerja sama.")
    assert set(roles_of(text)) == {"Benhur Tomi Mano", "Y. Hubert Joachim"}


def test_the_governor_whose_written_speech_is_read_out_is_not_there():
    text = ("Ketua Pengadilan Negeri Oelamasi, Decki Nitbani melantik 40 anggota DPRD Kabupaten Kupang. Sementara "
            "Bupati Kupang, Korinus Masneno saat membacakan sambutan tertulis Gubernur NTT, Viktor Bungtilu Laiskodat "
            "menekankan soal kolaborasi. “Perlu kolaborasi antara Pemkab dan Pemprov,” kata Viktor Bungtilu "
            "Laiskodat.")
    assert "Viktor Bungtilu Laiskodat" not in roles_of(text)
    assert "Korinus Masneno" in roles_of(text)


def test_the_programme_goes_on_with_dilanjutkan():
    text = ("Bupati Kupang Korinus Masneno menghadiri pelantikan anggota DPRD Kabupaten Kupang. Usai pengucapan "
            "sumpah, dilanjutkan dengan pengumuman pimpinan sementara oleh Plh. Sekretaris Dewan Rima Salean.")
    assert set(roles_of(text)) == {"Korinus Masneno", "Rima Salean"}


def test_a_written_instruction_of_a_minister_is_no_presence():
    text = ("Musrenbang RKPD Provinsi Kalimantan Barat dibuka Pj Gubernur Kalbar Harisson di Aula Garuda. "
            "Kepala Bappeda Kalbar Makhruzi Rahman hadir sekaligus menyampaikan arahan tertulis dari Menteri "
            "Dalam Negeri Tito Karnavian.")
    assert set(roles_of(text)) == {"Harisson", "Makhruzi Rahman"}


def test_a_deputy_named_with_the_governors_term_is_not_there():
    text = ("Gubernur Gorontalo Rusli Habibie menghadiri halal bihalal bersama Bupati Gorontalo Nelson Pomalingo. "
            "Gubernur Rusli dalam sambutannya memaparkan pembangunan tujuh tahun di bawah kepemimpinannya bersama "
            "Wakil Gubernur Idris Rahim.")
    assert set(roles_of(text)) == {"Rusli Habibie", "Nelson Pomalingo"}


def test_an_official_seen_at_work_during_the_visit_is_there():
    text = ("Wakil Walikota Bengkulu, Dedy Wahyudi melakukan kunjungan kerja ke Mataram, Rabu (04/03). Asisten I "
            "Pemkot Mataram, Lalu Mutarwan, tampak sangat serius mencatat program Pemkot Bengkulu.")
    assert set(roles_of(text)) == {"Dedy Wahyudi", "Lalu Mutarwan"}


def test_the_stand_in_named_in_an_entourage_list_is_there():
    text = ("Gubernur Lampung melakukan peninjauan lokasi rest area KM 215 Jalan Tol Trans Sumatera, Rabu (2/10/2019). "
            "Tampak hadir dalam rombongan tersebut.\nKepala Bappeda Prov Lampung Herlina Warganegara, Bupati Tulang "
            "Bawang Hj. Winarti diwakili Sekdakab Ir Antoni MM, juga Kapro PT Waskita Dhetik Ariyanto.")
    roles = roles_of(text)
    assert {"Herlina Warganegara", "Antoni"} <= set(roles)
    assert "Winarti" not in roles
