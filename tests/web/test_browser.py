"""The UI in a real headless Chromium (Debian's package), served by uvicorn in another process."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from tests.conftest import REPO

from .conftest import TEXTS

CHROMIUM = shutil.which("chromium")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def server(archive_url):
    """``svidok serve`` on a free loopback port; yields its base URL."""
    port = _free_port()
    cmd = [sys.executable, "-c", "from svidok.cli import main; main()", "serve", "--db", archive_url[0],
           "--host", "127.0.0.1", "--port", str(port)]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, proc)
        yield base, archive_url[1]
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def _wait_until_up(base: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"svidok serve exited: {proc.stdout.read().decode()}")
        try:
            urllib.request.urlopen(base + "/api/articles", timeout=2).read()
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("svidok serve did not start in 60 s")


def _chromium(tmp_path, *args: str) -> str:
    done = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True, text=True, timeout=90, check=False,
    )  # fmt: skip
    return done.stdout


def _dom_and_shot(tmp_path, url: str, name: str) -> str:
    """The DOM after Chromium loaded ``url``. Its screenshot is a test artefact: in the folder
    SVIDOK_TEST_ARTIFACTS names (for CI to keep), else in the test's temporary folder."""
    folder = Path(os.environ.get("SVIDOK_TEST_ARTIFACTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    shot = folder / f"{name}.png"
    _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,1000", url)
    assert shot.is_file() and shot.stat().st_size > 15_000, f"blank page for {url}"
    return _chromium(tmp_path, "--dump-dom", url)


def test_search_article_entity_and_quote_pages_in_chromium(tmp_path, server):
    base, ids = server
    search = _dom_and_shot(tmp_path, f"{base}/?q=путіна", "search")
    article_id = ids[TEXTS[0]]
    assert f'href="/articles/{article_id}"' in search and "Стаття 0" in search
    article = _dom_and_shot(tmp_path, f"{base}/articles/{article_id}", "article")
    assert "Кирило Дмитрієв" in article and len(re.findall(r"<mark[^>]*>", article)) >= 40
    entity_id = re.search(r'href="/entities/(\d+)"><mark class="ent ent-PER">Кирило Дмитрієв', article)[1]
    entity = _dom_and_shot(tmp_path, f"{base}/entities/{entity_id}", "entity")
    assert '<svg class="chart"' in entity and "<rect" in entity and '<svg class="network"' in entity
    quote_link = re.search(r'href="(/articles/\d+#a-q\d+)"', entity)[1]
    followed = _chromium(tmp_path, "--dump-dom", base + quote_link)
    anchor = quote_link.split("#")[1]
    assert f'id="{anchor}"' in followed  # the quote's anchor exists in its article
    quotes = _dom_and_shot(tmp_path, f"{base}/quotes?source=Wall+Street+Journal", "quotes")
    assert "Кирило Дмитрієв" in quotes


def test_narratives_page_and_article_analysis_panel_in_chromium(tmp_path, server, analysed):
    base, ids = server
    doc = next(d for d in analysed if d.narratives and d.events)
    article = _dom_and_shot(tmp_path, f"{base}/articles/{ids[doc.id]}", "article-analysis")
    assert f'href="/?event={doc.events[0].type}"' in article and doc.narratives[0].title in article
    page = _dom_and_shot(tmp_path, f"{base}/narratives", "narratives")
    narrative = doc.narratives[0]
    link = re.search(rf'href="(/\?narrative={narrative.narrative}&amp;stance={narrative.stance})"', page)[1]
    followed = _chromium(tmp_path, "--dump-dom", base + link.replace("&amp;", "&"))
    assert f'href="/articles/{ids[doc.id]}"' in followed  # the count links to the article's search


def test_script_in_an_article_is_text_and_never_runs(tmp_path, server):
    base, ids = server
    dom = _dom_and_shot(tmp_path, f"{base}/articles/{ids['hostile']}", "hostile")
    # the article's <script> (and its <img onerror>) would change document.title; it stays as served
    title = dom.split("</title>")[0].split("<title>")[1]
    assert title == '&lt;script&gt;document.title="pwned"&lt;/script&gt;Ворожа · svidok'
    assert "&lt;script&gt;document.title" in dom
    assert "<img" not in dom and 'href="javascript:' not in dom
    search = _chromium(tmp_path, "--dump-dom", f"{base}/")
    assert "<script" not in search
    assert not re.search(r"<[a-z]+[^>]*\sonmouseover=", search)  # shown as text, not an attribute
    assert '" onmouseover="alert(1)' in search
