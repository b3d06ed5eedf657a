"""``svidok kb show/add/import`` through click's test runner, with a temporary user KB."""

import json

import pytest
from click.testing import CliRunner

from svidok.commands.kb import kb
from svidok.kb import load_kb


@pytest.fixture
def user_kb(tmp_path, monkeypatch):
    path = tmp_path / "kb.tsv"
    monkeypatch.setenv("SVIDOK_KB", str(path))
    load_kb.cache_clear()
    yield path
    load_kb.cache_clear()


def test_show_finds_any_spelling(user_kb):
    result = CliRunner().invoke(kb, ["show", "Vladimir Putin"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)[0]["id"] == "per:volodymyr-putin"


def test_show_unknown_is_an_error(user_kb):
    result = CliRunner().invoke(kb, ["show", "Нікого Такого"])
    assert result.exit_code != 0 and "No knowledge-base entry" in result.output


def test_add_then_show(user_kb):
    runner = CliRunner()
    result = runner.invoke(kb, ["add", "Остап Вишня", "--type", "PER", "--alias", "Ostap Vyshnia"])
    assert result.exit_code == 0, result.output
    assert "Остап Вишня" in user_kb.read_text(encoding="utf-8")
    shown = json.loads(runner.invoke(kb, ["show", "Ostap Vyshnia"]).output)
    assert shown[0]["name"] == "Остап Вишня"


def test_import_rejects_bad_rows(user_kb, tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("PERSON\tХтось\t\t\t\n", encoding="utf-8")
    result = CliRunner().invoke(kb, ["import", str(bad)])
    assert result.exit_code != 0 and "TYPE" in result.output
    assert not user_kb.exists()


def test_import_adds_entries(user_kb, tmp_path):
    good = tmp_path / "good.tsv"
    good.write_text("# my list\nORG\tЗоря Медіа\tZoria Media\t\t\n", encoding="utf-8")
    result = CliRunner().invoke(kb, ["import", str(good)])
    assert result.exit_code == 0 and "imported 1" in result.output
    assert load_kb().lookup("Zoria Media")[0].name == "Зоря Медіа"


@pytest.mark.parametrize("flag, media", [(["--media"], True), ([], False)])
def test_add_a_media_outlet(user_kb, flag, media):
    runner = CliRunner()
    result = runner.invoke(kb, ["add", "Вголос", "--type", "ORG", "--alias", "Vgolos", *flag])
    assert result.exit_code == 0, result.output
    shown = json.loads(runner.invoke(kb, ["show", "Vgolos"]).output)
    assert shown[0]["media"] is media
