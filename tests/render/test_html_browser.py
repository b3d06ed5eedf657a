"""The standalone HTML view, rendered by a real headless Chromium (Debian's package)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

import svidok
from svidok.render import render_html

CHROMIUM = shutil.which("chromium")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip


def _chromium(tmp_path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args],
        capture_output=True, text=True, timeout=90, check=False,
    )


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed (.ci/chromium.sh installs it)")
def test_sample_page_renders_with_highlights_in_chromium(tmp_path, sample_doc):
    page = tmp_path / "sample.html"
    hostile = svidok.analyze('<script>alert(1)</script> Зеленський заявив, що "так".', id="x<script>")
    page.write_text(render_html([sample_doc, hostile]), encoding="utf-8")
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    assert "Кирило Дмитрієв" in dom and "Переговорник путіна" in dom
    assert len(re.findall(r"<mark[^>]*>", dom)) >= 40  # entity mentions highlighted in the text
    assert "<script>" not in dom  # article text is escaped, never executed
    shot = tmp_path / "sample.png"
    _chromium(tmp_path, f"--screenshot={shot}", "--window-size=1280,900", page.as_uri())
    assert shot.is_file() and shot.stat().st_size > 20_000  # a real rendered page, not a blank one
