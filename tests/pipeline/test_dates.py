"""Indonesian date expressions: every written form, year inference, negatives, round trips."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.dates import find_dates, month_names, parse_date_text, weekday_names

WEEKDAYS = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"]
MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember"]


def values(text: str, published: str | None = None) -> list[str]:
    """The values found in text, in order."""
    return [d["value"] for d in find_dates(text, published)]


def only(text: str, published: str | None = None) -> dict:
    """The one date found in text."""
    found = find_dates(text, published)
    assert len(found) == 1, found
    return found[0]


# --- weekday with a numeric date -------------------------------------------------------------

@pytest.mark.parametrize("sentence, value", [
    ("Rombongan diterima di ruang kerja Wakil Walikota Bekasi, Selasa (5/12/2017).", "2017-12-05"),
    ("Kegiatan berlangsung di Aula Rapat Nonon Sontani, Rabu (12/01/2022).", "2022-01-12"),
    ("Acara digelar di Padjajaran Suites, Kota Bogor, Rabu (07/11/2018) malam.", "2018-11-07"),
    ("Sapa Bupati perdana digelar di Pendopo pada Kamis, (17/04/2025).", "2025-04-17"),
    ("Rapat berlangsung di Balai Kota pada Kamis, (5/6/25)", "2025-06-05"),
    ("Wali Kota meninjau sejumlah tempat wisata di Kota Pagaralam, Kamis (25/3)2021).", "2021-03-25"),
    ("Pelantikan penjabat desa berlangsung di Aula Pandopo Bupati, Sabtu, 16/1/2021.", "2021-01-16"),
    ("Wakil Wali Kota berkunjung ke Pemerintah Kota Serang. Senin pagi (28/6/2021).", "2021-06-28"),
    ("Rapat koordinasi dipimpin Gubernur, Ahad (5/5/2024), di rumah jabatan.", "2024-05-05"),
])
def test_weekday_with_numeric_date(sentence, value):
    assert values(sentence) == [value]


def test_dateline_timestamp_keeps_time_and_zone():
    d = only("Selasa, 19/01/2021 10:14 WIB")
    assert (d["value"], d["time"], d["timezone"], d["granularity"]) == ("2021-01-19", "10:14", "+07:00", "day")
    assert d["text"] == "Selasa, 19/01/2021 10:14 WIB"


@pytest.mark.parametrize("line, value, clock", [
    ("Senin, 7 Februari 2022 - 20:36 WIB", "2022-02-07", "20:36"),
    ("Minggu, 16 Februari 2025 | 19:15 WIB", "2025-02-16", "19:15"),
    ("25 April 2024, 17:44 WIB", "2024-04-25", "17:44"),
])
def test_timestamp_lines(line, value, clock):
    d = only(line)
    assert (d["value"], d["time"], d["text"]) == (value, clock, line)


@pytest.mark.parametrize("sentence, value", [
    ("Rakor dilaksanakan pada 19/01/2021 di ruang rapat Sekda.", "2021-01-19"),
    ("Batas akhir pengumpulan berkas 12-01-2022 pukul 16.00 WIB.", "2022-01-12"),
    ("Surat tersebut ditandatangani pada 12.01.2022 oleh Sekda.", "2022-01-12"),
])
def test_bare_numeric_dates_with_a_year(sentence, value):
    assert values(sentence) == [value]


# --- month names and abbreviations ------------------------------------------------------------

@pytest.mark.parametrize("sentence, value", [
    ("Pelantikan direncanakan pada Rabu, 5 Maret 2025 di pelabuhan Waodeburi.", "2025-03-05"),
    ("Musrenbang RKPD digelar pada Rabu siang, 14 Mei 2025 di Aula Jayang Tingang.", "2025-05-14"),
    ("Surat edaran yang dikeluarkan pada 18 Juni 2021 itu berlaku dua pekan.", "2021-06-18"),
    ("Sepekan jelang Pilkada Serentak 09 Desember 2020 lalu, terjadi pergantian.", "2020-12-09"),
    ("Bupati menghadiri pelantikan di istana negara 20 Ferbruari 2025 lalu.", "2025-02-20"),
    ("Jadwal pelaksanaan 2 Agt 2019 di Gedung Sate.", "2019-08-02"),
    ("Jadwal pelaksanaan 3 Agust 2019 di Gedung Sate.", "2019-08-03"),
    ("Jadwal pelaksanaan 5 Sept 2019 di Gedung Sate.", "2019-09-05"),
    ("Jadwal pelaksanaan 7 Okt 2019 di Gedung Sate.", "2019-10-07"),
    ("Jadwal pelaksanaan 1 Des. 2019 di Gedung Sate.", "2019-12-01"),
    ("Peresmian dijadwalkan pada 17 Nopember 2019.", "2019-11-17"),
])
def test_day_month_name_year(sentence, value):
    assert values(sentence) == [value]


def test_every_month_vocabulary_entry_is_read():
    for name, (number, _) in month_names().items():
        assert values(f"Rapat digelar pada 3 {name.capitalize()} 2023 di Balai Kota.") == [f"2023-{number:02d}-03"]


def test_every_weekday_vocabulary_entry_anchors_a_date():
    for name in weekday_names():
        assert values(f"Bupati meninjau lokasi banjir, {name.capitalize()} (4/3/2024).") == ["2024-03-04"]


# --- ranges -------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, value", [
    ("Diklatpim dilaksanakan selama 3 hari, mulai 7-9 November 2018 di Bogor.", "2018-11-07/2018-11-09"),
    ("Kegiatan berlangsung 30 Juni hingga 3 Juli 2020 di Aula Bappeda.", "2020-06-30/2020-07-03"),
    ("ASN dilarang meninggalkan daerah sejak 10-18 April 2019.", "2019-04-10/2019-04-18"),
    ("ASN dilarang meninggalkan daerah dari tanggal 10 -18 April 2019.", "2019-04-10/2019-04-18"),
    ("Kunjungan berlangsung selama 2 hari, mulai tanggal 17 sampai 18 Januari 2025.", "2025-01-17/2025-01-18"),
    ("PPKM mikro berlaku mulai 06 Mei s.d 27 Mei 2021 dengan esensi yang sama.", "2021-05-06/2021-05-27"),
    ("Pendaftaran dibuka 1 sampai dengan 3 Maret 2024 secara daring.", "2024-03-01/2024-03-03"),
    ("Lomba digelar 28 Desember 2020 - 2 Januari 2021 di alun-alun.", "2020-12-28/2021-01-02"),
    ("Pameran UMKM berlangsung Selasa-Rabu (7-8/5/2024) di Mal Pelayanan Publik.", "2024-05-07/2024-05-08"),
])
def test_ranges(sentence, value):
    d = only(sentence)
    assert (d["value"], d["granularity"]) == (value, "range")


def test_range_without_year_takes_the_year_of_the_article():
    found = find_dates("Pendaftaran dibuka 1 s.d. 3 Maret, kata Kepala Dinas, Senin (24/2/2025).")
    assert [d["value"] for d in found] == ["2025-03-01/2025-03-03", "2025-02-24"]
    assert found[0]["year_inferred"] is True and found[1]["year_inferred"] is False


# --- times and zones ------------------------------------------------------------------------

def test_time_span_after_a_date():
    d = only("Pada tanggal 07 Mei 2021 pukul Pukul 13.07 s.d 14.15 WIB, di Ruang Rapat Kantor Kesbangpol.")
    assert (d["value"], d["time"], d["timezone"]) == ("2021-05-07", "13:07/14:15", "+07:00")


@pytest.mark.parametrize("zone, offset", [("WIB", "+07:00"), ("WITA", "+08:00"), ("WIT", "+09:00")])
def test_time_elsewhere_in_the_sentence_goes_to_its_date(zone, offset):
    d = only(f"Rapat dimulai pukul 09.00 {zone} di ruang rapat Wali Kota, Selasa (12/3/2024).")
    assert (d["value"], d["time"], d["timezone"]) == ("2024-03-12", "09:00", offset)


def test_a_time_does_not_jump_to_the_date_of_another_sentence():
    found = find_dates("Rapat digelar Selasa (12/3/2024). Acara kedua dimulai pukul 10.00 WITA.")
    assert "time" not in found[0]


def test_part_of_day_is_kept():
    assert only("Kegiatan itu berlangsung Rabu (07/11/2018) malam.")["part_of_day"] == "malam"


# --- coarser expressions --------------------------------------------------------------------

@pytest.mark.parametrize("sentence, value, granularity", [
    ("Rakor rutin dilakukan sejak Januari 2022 di Pendopo.", "2022-01", "month"),
    ("Rakor pertama di bulan Janunari tahun 2026 ini membahas tujuh poin.", "2026-01", "month"),
    ("Pemkot Bekasi pada tahun 2022 memiliki 6 program prioritas.", "2022", "year"),
    ("Perubahan RPJMD tahun 2018 – 2023 dibahas dalam forum itu.", "2018/2023", "year"),
    ("Penghargaan diberikan kepada Bupati periode 2018-2023.", "2018/2023", "year"),
])
def test_month_and_year_expressions(sentence, value, granularity):
    d = only(sentence)
    assert (d["value"], d["granularity"]) == (value, granularity)


def test_coarse_expressions_are_not_day_precise():
    for d in find_dates("Kegiatan dimulai November 2018 dan berlanjut pada tahun 2019."):
        assert d["granularity"] in ("month", "year") and d["value"].count("-") <= 1


# --- year inference --------------------------------------------------------------------------

def test_year_from_publication_date():
    d = only("Wali Kota membuka Musrenbang, Selasa (19/1).", "2021-01-19T10:14:00+07:00")
    assert (d["value"], d["year_inferred"]) == ("2021-01-19", True)


def test_year_before_publication_when_the_date_is_late_in_the_year():
    assert values("Pelantikan dilakukan Senin (28/12) di Balai Kota.", "2021-01-05") == ["2020-12-28"]


def test_year_from_the_nearest_written_date():
    text = ("Gubernur tiba di Pelabuhan Luwuk, Senin (14/09/2020). Rencananya pada Selasa (15/9), "
            "Gubernur menuju Desa Kanali. Sehari kemudian, pada Kamis (17/9) Gubernur kembali.")
    assert values(text) == ["2020-09-14", "2020-09-15", "2020-09-17"]


def test_weekday_chooses_between_candidate_years():
    # 11 April was a Monday in 2022, not in 2023: the stated planning year is the next one.
    text = "Pra-Musrenbang RKPD Kaltim tahun 2023 berlangsung di Hotel Samarinda, Senin (11/4)."
    assert [d["value"] for d in find_dates(text) if d["granularity"] == "day"] == ["2022-04-11"]


def test_a_weekday_that_fits_no_nearby_year_is_taken_as_written():
    text = "Gubernur tiba Senin (14/09/2020). Lalu pada Rabu (16/7) pagi, ia menuju Banggai."
    assert values(text)[1] == "2020-07-16"


def test_unknowable_year_is_written_xxxx():
    d = only("Rombongan diterima di ruang kerja Wakil Walikota Bekasi, Rabu (10/4).")
    assert (d["value"], d["year_inferred"]) == ("XXXX-04-10", False)
    assert values("Sebelumnya, pada tanggal 22 Maret lalu di hari pertama kerja Walikota.") == ["XXXX-03-22"]


# --- relative expressions --------------------------------------------------------------------

@pytest.mark.parametrize("sentence, value", [
    ("Wali Kota meninjau lokasi banjir kemarin.", "2021-01-18"),
    ("Besok Bupati dijadwalkan ke Jakarta.", "2021-01-20"),
    ("Hari ini rapat paripurna digelar.", "2021-01-19"),
    ("Pekan lalu DPRD menggelar audiensi.", "2021-01-11/2021-01-17"),
])
def test_relative_expressions_resolved_against_published(sentence, value):
    d = only(sentence, "2021-01-19T10:14:00+07:00")
    assert (d["value"], d["resolved"], d["relative"]) == (None, value, True)


def test_relative_expressions_need_a_publication_date():
    assert find_dates("Wali Kota meninjau lokasi banjir kemarin dan hari ini ke pasar.") == []


def test_kemarin_after_an_event_year_is_not_yesterday():
    assert values("Janji itu disampaikan saat kampanye Pilkada 2020 kemarin.", "2021-01-16") == []


def test_bare_weekday_is_the_latest_such_day_before_publication():
    d = only("Bupati meresmikan jembatan gantung itu pada Senin.", "2024-03-14")
    assert (d["value"], d["resolved"], d["relative"]) == (None, "2024-03-11", True)


def test_recurring_weekday_is_not_a_date():
    assert find_dates("Bupati berkantor di desa setiap Senin dan Kamis.", "2024-05-06") == []


# --- numbers that are not dates --------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Sebanyak 45 program dan 60 % anggaran telah terserap.",
    "Balai Kota berada di Jalan Merdeka Selatan No. 8-9, Gambir Jakarta Pusat.",
    "Informasi lebih lanjut hubungi (021) 88961767 atau 88959980/88960250.",
    "Diklatpim dilaksanakan selama 3 hari dan diikuti 45 pejabat.",
    "Sesuai Keputusan Bupati No. 360/Kep.611-BPBD/2021 tentang perpanjangan PPKM.",
    "Rapat dihadiri dua pertiga (2/3) anggota DPRD.",
    "Pembukaan Kick Off Meeting RKPD 2022 berlangsung lancar.",
    "5 Destinasi Tersembunyi di Cianjur yang Patut Dikunjungi",
    "Layanan dibuka setiap bulan pada tanggal 17, mulai pukul 10.00 hingga 12.00 WIB.",
])
def test_not_dates(sentence):
    assert find_dates(sentence) == []


@pytest.mark.parametrize("sentence", [
    "Sesuai Keputusan Mendagri Nomor :100.2.1.3-1997 Tahun 2025 tentang pengesahan.",
    "Perubahan atas peraturan daerah nomor 2 tahun 2018 tentang pemilihan kepala desa.",
    "Sesuai amanat Permendagri Nomor 86 Tahun 2017, musrenbang dilaksanakan berjenjang.",
])
def test_document_numbers_give_no_date(sentence):
    assert find_dates(sentence) == []


def test_decree_date_after_its_number_is_still_a_date():
    assert values("Keputusan Bupati Nomor 5 tanggal 12 April 2021 mengatur jam kerja.") == ["2021-04-12"]


# --- public helpers and the spaCy component --------------------------------------------------

def test_parse_date_text_reads_a_dateline():
    d = parse_date_text("Diposting pada : Selasa, 19/01/2021 10:14 WIB")
    assert d is not None and (d["value"], d["time"]) == ("2021-01-19", "10:14")
    assert parse_date_text("Tidak ada tanggal di sini.") is None


def test_offsets_point_into_the_text(seeds):
    for text in seeds.values():
        for d in find_dates(text):
            assert text[d["start"]:d["end"]] == d["text"]


def test_component_sets_doc_dates():
    nlp = spacy.blank("id")
    nlp.add_pipe("warta_dates")
    doc = nlp.make_doc("Wali Kota membuka Musrenbang, Selasa (19/1).")
    doc._.published = "2021-01-19"
    doc = nlp.get_pipe("warta_dates")(doc)
    assert [d["value"] for d in doc._.dates] == ["2021-01-19"]


# --- round trips: render random dates in each Indonesian format, read them back ----------------

days = st.dates(min_value=date(1995, 1, 1), max_value=date(2035, 12, 31))
FULL_FORMATS = [
    lambda d: f"{WEEKDAYS[d.weekday()]} ({d.day}/{d.month}/{d.year})",
    lambda d: f"{WEEKDAYS[d.weekday()]}, ({d.day:02d}/{d.month:02d}/{d.year})",
    lambda d: f"{WEEKDAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.day:02d} {MONTHS[d.month - 1]} {d.year}",
    lambda d: f"{d.day} {MONTHS[d.month - 1][:3]} {d.year}",
    lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    lambda d: f"{d.day}-{d.month}-{d.year}",
    lambda d: f"tanggal {d.day} {MONTHS[d.month - 1]} {d.year} pukul 09.30 WITA",
    lambda d: f"{WEEKDAYS[d.weekday()]} ({d.day}/{d.month}/{d.year % 100:02d})",
    lambda d: d.isoformat(),
]


@settings(max_examples=150, deadline=None)
@given(day=days, form=st.sampled_from(FULL_FORMATS))
def test_written_dates_round_trip(day, form):
    sentence = f"Rapat koordinasi digelar di Aula Bappeda, {form(day)}, dihadiri para camat."
    assert values(sentence) == [day.isoformat()]


SHORT_FORMATS = [
    lambda d: f"{WEEKDAYS[d.weekday()]} ({d.day}/{d.month})",
    lambda d: f"{WEEKDAYS[d.weekday()]}, {d.day} {MONTHS[d.month - 1]}",
    lambda d: f"tanggal {d.day} {MONTHS[d.month - 1]}",
]


@settings(max_examples=150, deadline=None)
@given(day=days, lag=st.integers(min_value=-120, max_value=120), form=st.sampled_from(SHORT_FORMATS))
def test_dates_without_year_take_the_year_of_the_publication(day, lag, form):
    published = (day + timedelta(days=lag)).isoformat()
    d = only(f"Bupati meninjau pasar tradisional, {form(day)}, bersama Sekda.", published)
    assert (d["value"], d["year_inferred"]) == (day.isoformat(), True)


@settings(max_examples=100, deadline=None)
@given(first=days, length=st.integers(min_value=1, max_value=40))
def test_ranges_round_trip(first, length):
    last = first + timedelta(days=length)
    if (first.year, first.month) == (last.year, last.month):
        written = f"{first.day}-{last.day} {MONTHS[last.month - 1]} {last.year}"
    elif first.year == last.year:
        written = f"{first.day} {MONTHS[first.month - 1]} hingga {last.day} {MONTHS[last.month - 1]} {last.year}"
    else:
        start = f"{first.day} {MONTHS[first.month - 1]} {first.year}"
        written = f"{start} s.d {last.day} {MONTHS[last.month - 1]} {last.year}"
    assert values(f"Pameran pembangunan berlangsung {written} di alun-alun.") == [f"{first}/{last}"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789/-.() :,WIBtahunSeiMr", max_size=60))
def test_any_text_gives_valid_spans(text):
    for d in find_dates(text):
        assert text[d["start"]:d["end"]] == d["text"]
        assert d["granularity"] in ("day", "range", "month", "year")


def test_relative_expressions_can_be_left_out():
    text = "Bupati meresmikan jembatan pada Senin dan kemarin meninjau pasar, Rabu (13/3/2024)."
    assert [d["value"] or d["resolved"] for d in find_dates(text, "2024-03-14")] == [
        "2024-03-11", "2024-03-13", "2024-03-13"]
    assert [d["value"] for d in find_dates(text, "2024-03-14", relative=False)] == ["2024-03-13"]


def test_days_listed_with_dan_share_the_month():
    text = "Festival budaya digelar pada tanggal 5 dan 6 Maret 2024 di alun-alun."
    assert values(text) == ["2024-03-05", "2024-03-06"]


def test_component_can_leave_out_relative_expressions():
    nlp = spacy.blank("id")
    nlp.add_pipe("warta_dates", config={"relative": False})
    doc = nlp.make_doc("Kemarin Wali Kota meninjau pasar.")
    doc._.published = "2021-01-19"
    assert nlp.get_pipe("warta_dates")(doc)._.dates == []


# --- two written days joined into one span -----------------------------------------------------

@pytest.mark.parametrize("sentence, published, value", [
    ("Bazar UMKM berlangsung mulai Sabtu (19/8/2023) hingga Minggu (20/8/2023) di alun-alun.", None,
     "2023-08-19/2023-08-20"),
    ("Vaksinasi massal digelar Jumat (19/3) sampai Minggu (21/3) di GOR.", "2021-03-22", "2021-03-19/2021-03-21"),
    ("Pendaftaran dibuka Senin, 1 Maret s.d Jumat, 5 Maret 2021.", None, "2021-03-01/2021-03-05"),
    ("Bimtek diikuti operator desa pada Rabu-Kamis, 9-10 Juni 2021.", None, "2021-06-09/2021-06-10"),
    ("Pasar murah dibuka Kamis dan Jumat (10-11/3) di halaman kantor camat.", "2022-03-12", "2022-03-10/2022-03-11"),
])
def test_days_joined_by_a_connector_are_one_range(sentence, published, value):
    assert values(sentence, published) == [value]


@pytest.mark.parametrize("sentence", [
    "Rapat digelar Senin (1/3/2021) dan kunjungan kerja Selasa (2/3/2021).",
    "Rapat pertama Selasa (2/3/2021) - rapat kedua Senin (1/3/2021).",
])
def test_days_not_joined_without_a_range_connector_or_in_reverse(sentence):
    assert [d["granularity"] for d in find_dates(sentence)] == ["day", "day"]


# --- month-first dates and page furniture -------------------------------------------------------

@pytest.mark.parametrize("line, value", [
    ("Thursday, March 28, 2024", "2024-03-28"),
    ("Diperbarui November 15, 2023 09:10 WIB", "2023-11-15"),
    ("Rabu | 09-01-2019 | 19:04 WIB", "2019-01-09"),
])
def test_month_first_and_barred_timestamps(line, value):
    d = only(line)
    assert d["value"] == value
    assert d["text"].split()[0] not in ("Diperbarui",)


def test_month_first_needs_day_and_year():
    assert values("Pada Mei 2021 sebanyak Juni 12 orang mendaftar.", "2021-07-01") == ["2021-05"]


def test_full_month_name_leaves_the_full_stop_out():
    assert only("Pameran ditutup pada tanggal 9 Oktober. Jadi ada 14 acara.", "2023-10-01")["text"] == \
        "tanggal 9 Oktober"
    assert only("Laporan diserahkan 8 Des. 2021 ke DPRD.")["text"] == "8 Des. 2021"


# --- candidates found only where an expression can begin -------------------------------------

def _searched_everywhere(text: str) -> list[tuple]:
    """Every pattern searched from every position: what `candidates` must find, by other means."""
    from pipeline.dates import patterns, read_match

    found = []
    for kind, pattern in patterns():
        pos = 0
        while (m := pattern.search(text, pos)) is not None:
            item = read_match(kind, m, text)
            if item is not None and item.end > item.start:
                found.append((item.start, item.end, item.kind, item.parts))
            pos = m.start() + 1
    return found


@pytest.mark.parametrize("sentence", [
    "Rapat digelar hari Kamis (10/4/2025) pukul 09.00 WIB hingga 12.30 WITA di Aula Setda, tgl. 5/6.",
    "Musrenbang berlangsung 24 sampai 3 Oktober dan 5, 6 dan 7 Maret 2024, Rabu-Kamis, 9-10 Juni.",
    "Perda Nomor 2 Tahun 2018 tentang RPJMD periode 2018-2023 ditetapkan bulan Ferbruari lalu.",
    "Thursday, March 28, 2024 - 20:36 WIB. Kemarin lusa, setiap Senin, dua pertiga (2/3) anggota hadir.",
    "Kegiatan dimulai 2024-03-05T09:30:00+07:00 sedangkan SK-12-05-2021 berlaku sejak Sabtu, 16/1/2021.",
])
def test_candidates_are_the_matches_of_a_search_from_every_position(sentence):
    from pipeline.dates import candidates

    assert [(f.start, f.end, f.kind, f.parts) for f in candidates(sentence)] == _searched_everywhere(sentence)


def test_a_month_typo_and_a_lower_case_weekday_are_places_to_start():
    from pipeline.dates import start_positions

    text = "pada rabu, 3 Janunari 2021 pukul 10.15"
    starts = start_positions(text)
    assert text.index("rabu") in starts["word"] and text.index("pukul") in starts["word"]
    assert starts["month"] == [text.index("Janunari")]
    assert text.index("10.15") in starts["clock"] and text.index("3 ") in starts["number"]


def test_the_component_reads_the_docs_text_once_and_keeps_it():
    from pipeline.extensions import TEXT_KEY, doc_text, ensure_extensions

    ensure_extensions()
    nlp = spacy.blank("id")
    nlp.add_pipe("warta_dates")
    doc = nlp("Bupati meresmikan pasar desa, Senin (5/6/2023).")
    assert doc.user_data[TEXT_KEY] == doc.text == doc_text(doc)
    assert [d["value"] for d in doc._.dates] == ["2023-06-05"]


def test_candidates_equal_the_search_from_every_position_on_every_dev_article(shared):
    from pipeline.dates import candidates

    from ..conftest import read_jsonl

    articles = read_jsonl(shared / "eval" / "dev.jsonl") + read_jsonl(shared / "eval" / "dev2.jsonl")
    found = {a["id"]: [(f.start, f.end, f.kind, f.parts) for f in candidates(a["text"])] for a in articles}
    differing = [a["id"] for a in articles if found[a["id"]] != _searched_everywhere(a["text"])]
    assert len(articles) == 160 and differing == []
