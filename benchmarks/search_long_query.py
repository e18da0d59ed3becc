"""Search time for very long queries (a pasted article; 2,000 words joined by OR).

    python benchmarks/search_long_query.py [--db outputs/warta.db]

Build the database first (`warta extract corpus -o outputs/records.jsonl && warta index
outputs/records.jsonl`). snippet() costs grow with the square of a query's terms, so warta
highlights only the first query.SNIPPET_TERMS of them; this prints what such queries cost.
"""

from __future__ import annotations

import argparse
import re
import sqlite3
import time

from pipeline import query


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="outputs/warta.db")
    args = parser.parse_args()
    conn = sqlite3.connect(args.db)
    texts = [text for (text,) in conn.execute("SELECT text FROM articles")]
    conn.close()
    longest = re.findall(r"\w+", max(texts, key=len))
    many = re.findall(r"\w+", " ".join(texts))[:2000]
    cases = [(f"every word of the longest article ({len(longest)} terms)", " ".join(longest), False),
             (f"{len(many)} words joined by OR (--raw)", " OR ".join(many), True)]
    for label, text, raw in cases:
        start = time.perf_counter()
        rows = query.search_rows(args.db, text, raw=raw)
        print(f"{label:<48} {time.perf_counter() - start:6.2f} s  {len(rows)} results")


if __name__ == "__main__":
    main()
