"""``svidok analyze``: exit codes, skipped-input messages, ids, and every output format."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import svidok
from svidok.cli import cli

INPUTS = Path(__file__).resolve().parent / "data" / "inputs"
UK = str(INPUTS / "uk_utf8.txt")
CP1251 = str(INPUTS / "uk_cp1251.txt")
JSONL = str(INPUTS / "batch.jsonl")


def run(*args: str, stdin: bytes | None = None):
    return CliRunner().invoke(cli, ["analyze", *args], input=stdin)


def jsonl_objects(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def test_jsonl_is_the_default_off_a_terminal_and_validates():
    result = run(UK, CP1251)
    assert result.exit_code == 0, result.stderr
    objs = jsonl_objects(result.stdout)
    assert [o["id"] for o in objs] == [UK, CP1251]
    for obj in objs:
        svidok.validate(obj)
    assert objs[0]["text"] == objs[1]["text"]
    assert result.stderr == ""


def test_json_prints_one_object_for_one_article():
    result = run(UK, "--format", "json")
    assert result.exit_code == 0, result.stderr
    obj = json.loads(result.stdout)
    assert isinstance(obj, dict)
    svidok.validate(obj)


def test_json_prints_an_array_for_several():
    result = run(UK, CP1251, "--format", "json")
    objs = json.loads(result.stdout)
    assert isinstance(objs, list) and len(objs) == 2
    for obj in objs:
        svidok.validate(obj)


def test_skipped_records_go_to_stderr_with_exit_1_and_the_batch_goes_on():
    result = run(JSONL, UK)
    assert result.exit_code == 1
    ids = [o["id"] for o in jsonl_objects(result.stdout)]
    assert ids == ["a1", f"{JSONL}:3", UK]
    assert f"svidok: skipped {JSONL}:2: invalid JSON" in result.stderr
    assert f"svidok: skipped {JSONL}:4: record has no text field" in result.stderr


@pytest.mark.parametrize(("name", "reason"), [("empty.txt", "empty input"), ("binary.bin", "binary content")])
def test_unreadable_file_is_reported(name, reason):
    path = str(INPUTS / name)
    result = run(path)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"svidok: skipped {path}: {reason}" in result.stderr


def test_record_language_and_lang_option():
    by_record = jsonl_objects(run(JSONL).stdout)
    assert by_record[0]["language"] == "uk"
    forced = jsonl_objects(run(JSONL, "--lang", "ru").stdout)
    assert {o["language"] for o in forced} == {"ru"}


def test_stdin_is_read_with_dash():
    text = (INPUTS / "uk_utf8.txt").read_text(encoding="utf-8")
    result = run("-", stdin=text.encode("cp1251"))
    assert result.exit_code == 0, result.stderr
    [obj] = jsonl_objects(result.stdout)
    assert obj["text"] == text


def test_forced_input_format():
    result = run(str(INPUTS / "article.html"), "--input-format", "text")
    [obj] = jsonl_objects(result.stdout)
    assert obj["text"].startswith("<!DOCTYPE html>")


def test_table_format():
    result = run(UK, "--format", "table")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith(f"== {UK}")
    assert "Entities (" in result.stdout and "Quotes (" in result.stdout


def test_html_output_file(tmp_path):
    out = tmp_path / "report.html"
    result = run(UK, str(INPUTS / "feed_rss2.xml"), "--output", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert page.count('<article class="doc"') == 3
    assert "Сибіга зустрівся з Каллас" in page


def test_output_file_jsonl(tmp_path):
    out = tmp_path / "out.jsonl"
    assert run(UK, "-o", str(out)).exit_code == 0
    [obj] = jsonl_objects(out.read_text(encoding="utf-8"))
    assert obj["id"] == UK


@pytest.mark.parametrize(
    "args", [["--format", "xml", UK], ["--lang", "de", UK], ["--input-format", "pdf", UK], []]
)
def test_usage_errors_exit_2(args):
    assert run(*args).exit_code == 2


def test_progress_bar_on_request_for_several_articles():
    result = run(UK, CP1251, "--progress")
    assert result.exit_code == 0
    assert "articles" in result.stderr
    quiet = run(UK, CP1251, "--no-progress")
    assert quiet.stderr == ""


@pytest.mark.parametrize(
    ("output", "tty", "expected"),
    [
        (None, True, "table"),
        (None, False, "jsonl"),
        ("a.html", True, "html"),
        ("a.json", False, "json"),
        ("a.jsonl", True, "jsonl"),
        ("a.out", True, "jsonl"),
    ],
)
def test_default_output_format(monkeypatch, output, tty, expected):
    import sys

    from svidok.commands.analyze import _default_format

    monkeypatch.setattr(sys.stdout, "isatty", lambda: tty)
    assert _default_format(output) == expected
