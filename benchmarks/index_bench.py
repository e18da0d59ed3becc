"""Indexing speed: 2,000 records into a fresh database, the same again (a no-op), then 100 more.

usage: python benchmarks/index_bench.py [--records 2000] [RECORDS.jsonl]
With RECORDS.jsonl (output of `warta extract`), its records are repeated under new ids until
--records is reached. Without it, records are synthesised from the sample corpus texts with
officials, positions, meetings and dates drawn from small lists of names, posts and regions,
so that persons really have to be merged across articles (and namesakes kept apart).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from itertools import cycle, islice
from pathlib import Path

from pipeline.index import index_records

REPO = Path(__file__).resolve().parents[1]
GIVEN = ["Tri", "Rahmat", "Dedy", "Ahmad", "Siti", "Dadang", "Reny", "Bima", "Ade", "Nur", "Agus", "Dewi",
         "Hendra", "Yulianto", "Sutopo", "Koswara", "Eko", "Rina", "Budi", "Sri"]
FAMILY = ["Adhianto", "Effendi", "Wahyudi", "Yani", "Hidayat", "Hendrawaty", "Arya", "Sarip", "Putro",
          "Santoso", "Lestari", "Nugroho", "Saputra", "Gunawan", "Kurniawan", "Rahayu", "Wibowo", "Susanto"]
POSTS = ["Wali Kota", "Wakil Wali Kota", "Bupati", "Wakil Bupati", "Sekretaris Daerah", "Ketua DPRD Kota",
         "Kepala Dinas PUPR", "Kepala Bappeda", "Camat"]
REGIONS = ["Bekasi", "Bogor", "Bengkulu", "Salatiga", "Palu", "Serang", "Solok Selatan", "Pamekasan"]
KINDS = ["audiensi", "kunjungan kerja", "rapat", "pelantikan"]


def synthetic_records(count: int, seed: int = 7) -> list[dict]:
    """count schema-shaped records over the sample corpus texts with random officials."""
    rng = random.Random(seed)
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO / "corpus").glob("*.txt"))]
    records = []
    for n in range(count):
        text = texts[n % len(texts)]
        region = rng.choice(REGIONS)
        officials, participants = [], []
        for i in range(rng.randint(2, 6)):
            name = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
            post = rng.choice(POSTS)
            title = f"{post} {region}" if not post.startswith("Kepala") else post
            start = min(i * 40, len(text) - 20)
            officials.append({
                "name": name, "titles": [title], "honorifics": [], "degrees": [], "aliases": [],
                "positions": [{"title": title, "normalized": title, "region": f"Kota {region}",
                               "acting": rng.choice([None, None, None, "Plt."]), "start": start, "end": start + 10}],
                "mentions": [{"text": name, "start": start, "end": start + 10}],
            })
            participants.append({"name": name, "role": "host" if i == 0 else "attendee"})
        day = f"{rng.randint(2015, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        records.append({
            "schema_version": "1.0", "id": f"synthetic-{n:05d}", "url": f"https://example.go.id/berita/{n}",
            "source_file": None, "title": f"Berita {n} {region}", "published": day if n % 3 else None,
            "dateline": None, "outlet": f"{region.lower()}kota.go.id", "credits": [], "encoding": "utf-8",
            "warnings": [], "text": text, "boilerplate": [], "officials": officials,
            "dates": [{"text": "Rabu (10/4)", "start": 0, "end": 11, "value": day, "granularity": "day"}],
            "meetings": [{"type": rng.choice(KINDS), "participants": participants, "date": day,
                          "place": f"Balai Kota {region}", "evidence": [{"text": text[:40], "start": 0, "end": 40}]}],
            "task_lists": [], "programs": [], "organizations": [],
        })
    return records


def repeated(path: Path, count: int) -> list[dict]:
    """count records cycling through a records file, with unique ids."""
    base = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    if not base:
        sys.exit(f"no records in {path}")
    return [{**r, "id": f"{r['id']}#{n}"} for n, r in enumerate(islice(cycle(base), count))]


def main() -> None:
    """Time a fresh index, a repeated one and an incremental one."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("records_file", nargs="?", type=Path, help="records JSONL to repeat (default: synthetic)")
    parser.add_argument("--records", type=int, default=2000, help="how many records (default 2000)")
    args = parser.parse_args()
    total = args.records + 100
    records = repeated(args.records_file, total) if args.records_file else synthetic_records(total)
    first, extra = records[:args.records], records[args.records:]
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "warta.db"
        for label, batch in ((f"index {len(first)} records, new database", first),
                             (f"index the same {len(first)} records again", first),
                             (f"index {len(extra)} more records (incremental)", first + extra)):
            started = time.perf_counter()
            summary = index_records(batch, db)
            seconds = time.perf_counter() - started
            print(f"{label:48s} {seconds:6.2f} s  ({summary.added} added, {summary.unchanged} unchanged; "
                  f"{summary.articles} articles, {summary.persons} persons)")
        print(f"database size: {db.stat().st_size / 2**20:.1f} MiB")


if __name__ == "__main__":
    main()
