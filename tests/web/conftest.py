"""A database indexed from the sample corpus, `warta serve` on a free loopback port, and a browser.

The database is built with the CLI exactly as a user would (`warta extract corpus`, then
`warta index`), plus one hand-written record whose text holds markup, to check escaping.
The browser is Debian's chromium driven by Playwright; without it the browser tests are
skipped, unless WARTA_BROWSER_REQUIRED is set (CI sets it, so there they must run).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from ..conftest import REPO, read_jsonl
from ..pipeline.index_fixtures import official, record

CHROMIUM = Path(os.environ.get("WARTA_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
# Starting the server imports the whole CLI (spaCy included) on a shared machine: allow time.
SERVER_START_SECONDS = 180
MARKUP_ID = "markup-test"
MARKUP_TEXT = (
    "Cibinong - Bupati Bogor Ade Yasin meminta warga waspada terhadap pesan berantai berisi kode "
    "<script>alert(1)</script> yang beredar di media sosial, Senin (4/3/2019).\n"
    "Ade Yasin menegaskan pesan itu bukan berasal dari Pemerintah Kabupaten Bogor."
)


def warta(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess:
    """Run the warta CLI with this interpreter (so it is the checkout under test)."""
    command = [sys.executable, "-c", "import sys; from pipeline.cli import main; sys.exit(main(sys.argv[1:]))", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def markup_record() -> dict:
    """A record whose text and title carry HTML, with one official named twice."""
    return record(MARKUP_ID, MARKUP_TEXT, title="Awas <b>hoaks</b> berisi <script>alert(2)</script>",
                  published="2019-03-04", outlet="Contoh <i>News</i>",
                  officials=[official(MARKUP_TEXT, "Ade Yasin", [("Bupati Bogor", "Bupati Bogor", "Bogor", None)])])


@pytest.fixture(scope="session")
def corpus_records(tmp_path_factory: pytest.TempPathFactory) -> list[dict]:
    """The sample corpus extracted with `warta extract corpus -o …`."""
    out = tmp_path_factory.mktemp("web") / "records.jsonl"
    done = warta("extract", "corpus", "-o", str(out), "--quiet")
    assert done.returncode == 0, done.stderr
    return read_jsonl(out)


@pytest.fixture(scope="session")
def web_db(corpus_records: list[dict], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The corpus records and the markup record indexed with `warta index`."""
    folder = tmp_path_factory.mktemp("webdb")
    records, extra = folder / "records.jsonl", folder / "markup.jsonl"
    records.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in corpus_records), encoding="utf-8")
    extra.write_text(json.dumps(markup_record(), ensure_ascii=False) + "\n", encoding="utf-8")
    db = folder / "warta.db"
    for source in (records, extra):
        done = warta("index", str(source), "-o", str(db), "--quiet")
        assert done.returncode == 0, done.stderr
    return db


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(url: str, server: subprocess.Popen) -> None:
    """Poll the start page until it answers; fail early if the server exits."""
    deadline = time.monotonic() + SERVER_START_SECONDS
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"warta serve exited with {server.returncode}: {server.stderr.read()}")
        try:
            with urllib.request.urlopen(url + "/warta/search", timeout=5):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.5)
    pytest.fail(f"warta serve did not answer at {url} within {SERVER_START_SECONDS}s")


@pytest.fixture(scope="session")
def server(web_db: Path) -> Iterator[str]:
    """`warta serve` on a free loopback port; its base URL. Stopped at the end of the session."""
    port = free_port()
    command = [sys.executable, "-c", "import sys; from pipeline.cli import main; sys.exit(main(sys.argv[1:]))",
               "serve", "--db", str(web_db), "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium under Playwright (its own browser download is not reachable)."""
    required = bool(os.environ.get("WARTA_BROWSER_REQUIRED"))
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        if required:
            pytest.fail("playwright is not installed (pip install -e '.[dev]')")
        pytest.skip("playwright is not installed")
    if not CHROMIUM.exists():
        if required:
            pytest.fail(f"no chromium at {CHROMIUM} (apt-get install chromium)")
        pytest.skip(f"no chromium at {CHROMIUM}")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def page(browser, server: str):
    """A fresh page (1200×900) that fails the test on any script error or dialog."""
    context = browser.new_context(viewport={"width": 1200, "height": 900}, base_url=server)
    tab = context.new_page()
    problems: list[str] = []
    tab.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    tab.on("dialog", lambda dialog: (problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    yield tab
    context.close()
    assert not problems, problems


def get_json(server: str, path: str) -> tuple[int, dict]:
    """Status and JSON body of a GET."""
    try:
        with urllib.request.urlopen(server + path, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def get_text(server: str, path: str) -> tuple[int, str]:
    """Status and text body of a GET."""
    try:
        with urllib.request.urlopen(server + path, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")
