"""The batch runner: workers are fed through a bounded window, and stopping them is clean."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator

from pipeline.io import Article
from pipeline.runner import CHUNKS_PER_WORKER, WORKER_CHUNK, extract_stream

from ..conftest import REPO

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


def test_a_run_that_loads_its_own_model_puts_it_out_of_the_garbage_collectors_reach():
    # A fresh interpreter: freezing is for processes warta owns (the CLI, its workers).
    script = (
        "import gc\n"
        "from pipeline.io import Article\n"
        "from pipeline.runner import extract_stream\n"
        "text = 'Bupati Sleman Kustini Sri Purnomo meresmikan Pasar Prambanan, Senin (3/3/2025).'\n"
        "[(records, errors)] = list(extract_stream([Article(id='a', text=text)]))\n"
        "print(gc.get_freeze_count(), records[0]['officials'][0]['name'])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, timeout=300)
    frozen, name = done.stdout.split(maxsplit=1)
    assert int(frozen) > 50_000  # the model and its vocabulary, not a handful of objects
    assert name.strip() == "Kustini Sri Purnomo"
