"""The batch runner: workers are fed through a bounded window, and stopping them is clean."""

from __future__ import annotations

from collections.abc import Iterator

from pipeline.io import Article
from pipeline.runner import CHUNKS_PER_WORKER, WORKER_CHUNK, extract_stream

SENTENCE = "Wali Kota Bekasi Rahmat Effendi meninjau banjir di Kecamatan Bekasi Timur, Senin (14/2/2022)."


def test_workers_read_the_input_only_as_fast_as_they_work():
    consumed = []

    def articles() -> Iterator[Article]:
        for i in range(10_000):
            consumed.append(i)
            yield Article(id=f"a{i}", text=SENTENCE)

    stream = extract_stream(articles(), workers=2, backend="rules")
    try:
        records, errors = next(stream)
    finally:
        stream.close()
    assert [r["id"] for r in records] == [f"a{i}" for i in range(WORKER_CHUNK)] and errors == []
    # The window holds workers x CHUNKS_PER_WORKER chunks, and one more is read to fill it.
    assert len(consumed) <= (2 * CHUNKS_PER_WORKER + 1) * WORKER_CHUNK + 1
