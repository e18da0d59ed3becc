"""Small schema-valid records, written by hand from real Indonesian news sentences, for the index tests.

Offsets are computed from the text, so every span really points at what it names.
"""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path


def span(text: str, part: str, after: int = 0) -> dict:
    """The {text, start, end} span of part's first occurrence in text at or after `after`."""
    start = text.index(part, after)
    return {"text": part, "start": start, "end": start + len(part)}


def official(text: str, name: str, posts: list[tuple[str, str, str | None, str | None]],
             aliases: tuple[str, ...] = ()) -> dict:
    """An officials entry: posts are (title as written, normalized, region, acting)."""
    mentions, at = [], 0
    while (found := text.find(name, at)) >= 0:
        mentions.append({"text": name, "start": found, "end": found + len(name)})
        at = found + len(name)
    positions = []
    for title, normalized, region, acting in posts:
        where = span(text, title)
        positions.append({"title": title, "normalized": normalized, "region": region, "acting": acting,
                          "start": where["start"], "end": where["end"]})
    return {"name": name, "titles": [p[0] for p in posts], "positions": positions, "honorifics": [],
            "degrees": [], "aliases": list(aliases), "mentions": mentions}


def date_entry(text: str, written: str, value: str, granularity: str = "day") -> dict:
    """A dates entry for a written date."""
    return {**span(text, written), "value": value, "granularity": granularity}


def meeting(text: str, kind: str, participants: list[tuple[str, str]], date: str | None, place: str | None,
            evidence: str) -> dict:
    """A meetings entry with (name, role) participants and one evidence sentence."""
    return {"type": kind, "participants": [{"name": n, "role": r} for n, r in participants], "date": date,
            "place": place, "evidence": [span(text, evidence)]}


def record(rid: str, text: str, title: str | None = None, published: str | None = None,
           outlet: str | None = None, url: str | None = None, **fields: list) -> dict:
    """A full record with the article fields given and empty extraction fields otherwise."""
    base = {"schema_version": "1.0", "id": rid, "url": url, "source_file": f"corpus/{rid}", "title": title,
            "published": published, "published_source": "text" if published else None, "dateline": None,
            "outlet": outlet, "credits": [], "encoding": "utf-8", "warnings": [], "text": text, "boilerplate": [],
            "officials": [], "dates": [], "meetings": [], "task_lists": [], "programs": [], "organizations": []}
    base.update(fields)
    return base


AUDIENSI = (
    "Balai Kota - Wali Kota Bekasi Rahmat Effendi melakukan Audiensi dengan Wakil Gubernur DKI Jakarta "
    "Sandiaga Salahudin Uno terkait dengan kemitraan yang telah dilakukan antara Pemerintah Kota Bekasi dengan "
    "Pemerintah Provinsi DKI Jakarta bertempat di Ruang Rapat TPUT Balai Kota, Selasa (5/12/2017).\n"
    "Hadir mendampingi Kepala Bappeda Koswara dan Kepala Dinas PUPR Tri Adhianto.\n"
    "Saat ditemui usai audiensi, Wagub DKI Jakarta Sandiaga Uno mengatakan bahwa kami sangat berterima kasih "
    "atas kerjasamanya selama ini terutama Bantargebang."
)
KUNJUNGAN = (
    "KOTABEKASI- Wakil Walikota Bekasi, Tri Adhianto menerima kunjungan kerja dari Pemerintah Kota Bengkulu di "
    "ruang kerja Wakil Walikota Bekasi, Rabu (10/4). Kunjungan Kerja Pemerintah Kota Bengkulu ini dipimpin oleh "
    "Wakil Walikota Bengkulu, Dedy Wahyudi.\n"
    "Kota Bekasi juga konsen terhadap permasalahan lingkungan yang merupakan dampak dari sebuah pembangunan."
)
RAPAT = (
    "Pelaksana Tugas (Plt.) Wali Kota Bekasi, Tri Adhianto Tjahyono pimpin rapat perencanaan pembangunan Kota "
    "Bekasi Tahun 2023 di Aula Rapat Nonon Sontani, Rabu (12/01/2022).\n"
    "Bersama Ketua DPRD Kota Bekasi, Chairruman J. Putro dan Sekretaris Daerah Kota Bekasi, Reny Hendrawaty "
    "dalam pemaparan rapat perencanaan musyawarah rencana pembangunan tahun 2023."
)
KICK_OFF = (
    "BEKASI, DAKTA - Wali Kota Bekasi, Rahmat Effendi menegaskan agar seluruh unsur pemangku jabatan "
    "dilingkungan Pemkot Bekasi membuat perencanaan program kerja yang terukur.\n"
    "Ketua DPRD Kota Bekasi, Choiruman J. Putro mengingatkan agar pemerintah daerah mengedepankan prinsip "
    "good governance yang clear dan clean."
)
PALU = (
    "PALU - Camat Palu Barat Ahmad Yani menghadiri penyaluran bantuan sosial bagi warga Kelurahan Lere, "
    "Kamis (9/3/2023). Ahmad Yani meminta para lurah memastikan bantuan tepat sasaran."
)
BOGOR = (
    "CIBINONG - Sekretaris Daerah Kabupaten Bogor Ahmad Yani membuka rapat koordinasi penanganan banjir "
    "di Gedung Tegar Beriman, Senin (6/3/2023)."
)


def sample_records() -> list[dict]:
    """Six articles: a career across three posts, a spelling variant, a meeting, and two namesakes."""
    return [
        record(
            "audiensi-2017", AUDIENSI, title="Wali Kota Bekasi Lakukan Audiensi Dengan Wagub DKI",
            url="https://bekasikota.go.id/audiensi", outlet="bekasikota.go.id",
            officials=[
                official(AUDIENSI, "Rahmat Effendi", [("Wali Kota Bekasi", "Wali Kota Bekasi", "Kota Bekasi", None)]),
                official(AUDIENSI, "Sandiaga Salahudin Uno",
                         [("Wakil Gubernur DKI Jakarta", "Wakil Gubernur DKI Jakarta", "DKI Jakarta", None)],
                         aliases=("Sandiaga Uno",)),
                official(AUDIENSI, "Koswara", [("Kepala Bappeda", "Kepala Bappeda", "Bappeda", None)]),
                official(AUDIENSI, "Tri Adhianto", [("Kepala Dinas PUPR", "Kepala Dinas PUPR", "Dinas PUPR", None)]),
            ],
            dates=[date_entry(AUDIENSI, "Selasa (5/12/2017)", "2017-12-05")],
            meetings=[meeting(AUDIENSI, "audiensi", [("Rahmat Effendi", "host"), ("Sandiaga Salahudin Uno", "guest"),
                                                     ("Koswara", "accompanying"), ("Tri Adhianto", "accompanying")],
                              "2017-12-05", "Ruang Rapat TPUT Balai Kota",
                              "Wali Kota Bekasi Rahmat Effendi melakukan Audiensi")],
        ),
        record(
            "kunjungan-bengkulu", KUNJUNGAN,
            officials=[
                official(KUNJUNGAN, "Tri Adhianto",
                         [("Wakil Walikota Bekasi", "Wakil Wali Kota Bekasi", "Kota Bekasi", None)]),
                official(KUNJUNGAN, "Dedy Wahyudi",
                         [("Wakil Walikota Bengkulu", "Wakil Wali Kota Bengkulu", "Kota Bengkulu", None)]),
            ],
            dates=[date_entry(KUNJUNGAN, "Rabu (10/4)", "XXXX-04-10")],
            meetings=[meeting(KUNJUNGAN, "kunjungan kerja", [("Tri Adhianto", "host"), ("Dedy Wahyudi", "guest")],
                              "XXXX-04-10", "ruang kerja Wakil Walikota Bekasi",
                              "Tri Adhianto menerima kunjungan kerja")],
        ),
        record(
            "rapat-2022", RAPAT, title="Plt. Wali Kota Bekasi Pimpin Rapat Perencanaan Pembangunan",
            outlet="Hipakad63.news",
            officials=[
                official(RAPAT, "Tri Adhianto Tjahyono",
                         [("Wali Kota Bekasi", "Wali Kota Bekasi", "Kota Bekasi", "Plt.")]),
                official(RAPAT, "Chairruman J. Putro",
                         [("Ketua DPRD Kota Bekasi", "Ketua DPRD Kota Bekasi", "DPRD Kota Bekasi", None)]),
                official(RAPAT, "Reny Hendrawaty",
                         [("Sekretaris Daerah Kota Bekasi", "Sekretaris Daerah Kota Bekasi", "Kota Bekasi", None)]),
            ],
            dates=[date_entry(RAPAT, "Rabu (12/01/2022)", "2022-01-12"), date_entry(RAPAT, "2023", "2023", "year")],
            meetings=[meeting(RAPAT, "rapat", [("Tri Adhianto Tjahyono", "host"), ("Chairruman J. Putro", "attendee"),
                                               ("Reny Hendrawaty", "attendee")],
                              "2022-01-12", "Aula Rapat Nonon Sontani", "pimpin rapat perencanaan pembangunan")],
        ),
        record(
            "kickoff-2021", KICK_OFF, title="Wali Kota Bekasi Ingatkan Pemangku Jabatan",
            published="2021-01-19T10:14:00+07:00", outlet="DAKTA",
            officials=[
                official(KICK_OFF, "Rahmat Effendi", [("Wali Kota Bekasi", "Wali Kota Bekasi", "Kota Bekasi", None)]),
                official(KICK_OFF, "Choiruman J. Putro",
                         [("Ketua DPRD Kota Bekasi", "Ketua DPRD Kota Bekasi", "DPRD Kota Bekasi", None)]),
            ],
        ),
        record(
            "palu-bansos", PALU, title="Camat Palu Barat Pantau Penyaluran Bansos", outlet="palukota.go.id",
            officials=[official(PALU, "Ahmad Yani", [("Camat Palu Barat", "Camat Palu Barat", "Kecamatan Palu Barat",
                                                      None)])],
            dates=[date_entry(PALU, "Kamis (9/3/2023)", "2023-03-09")],
        ),
        record(
            "bogor-banjir", BOGOR, title="Sekda Buka Rakor Penanganan Banjir", outlet="bogorkab.go.id",
            officials=[official(BOGOR, "Ahmad Yani", [("Sekretaris Daerah Kabupaten Bogor",
                                                       "Sekretaris Daerah Kabupaten Bogor", "Kabupaten Bogor", None)])],
            dates=[date_entry(BOGOR, "Senin (6/3/2023)", "2023-03-06")],
        ),
    ]


def edited(records: list[dict], rid: str, **changes: object) -> list[dict]:
    """A deep copy of records with one record's fields changed."""
    out = copy.deepcopy(records)
    for rec in out:
        if rec["id"] == rid:
            rec.update(changes)
    return out


def sorted_rows(path: Path, queries: dict[str, str]) -> dict[str, list[tuple]]:
    """Each query's rows, sorted, to compare two databases by content."""
    conn = sqlite3.connect(path)
    try:
        return {name: sorted(conn.execute(sql).fetchall(), key=repr) for name, sql in queries.items()}
    finally:
        conn.close()
