"""``svidok serve``: refuses bad setups clearly, and serves with several worker processes."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request

from click.testing import CliRunner
from tests.conftest import REPO

from svidok.commands.serve import serve

from .test_browser import _free_port, _wait_until_up


def test_serve_refuses_a_missing_archive_and_ingest_roots_without_token(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(serve, ["--db", str(tmp_path / "nope.db")])
    assert missing.exit_code != 0 and "No archive at" in missing.output
    (tmp_path / "a.db").touch()
    no_token = runner.invoke(serve, ["--db", str(tmp_path / "a.db"), "--ingest-root", str(tmp_path)])
    assert no_token.exit_code != 0 and "--ingest-root needs --token" in no_token.output


def test_serve_with_two_workers(archive_url):
    if "://" in archive_url[0]:
        return  # one backend is enough for the process model
    port = _free_port()
    cmd = [sys.executable, "-c", "from svidok.cli import main; main()", "serve", "--db", archive_url[0],
           "--port", str(port), "--workers", "2", "--token", "t0ken"]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, proc)
        for _ in range(6):  # requests spread over both workers; each opened the archive
            page = json.loads(urllib.request.urlopen(base + "/api/articles?size=1", timeout=10).read())
            assert page["total"] >= 5
        request = urllib.request.Request(base + "/api/ingest", data=b'{"text": "x"}', method="POST",
                                         headers={"content-type": "application/json"})  # fmt: skip
        try:
            urllib.request.urlopen(request, timeout=10)
            raise AssertionError("ingest without the token was accepted")
        except urllib.error.HTTPError as exc:
            assert exc.code == 401  # the token reached the workers
    finally:
        proc.terminate()
        proc.wait(timeout=30)
