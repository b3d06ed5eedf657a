"""``svidok ingest`` and ``svidok search`` end to end, on a SQLite archive (and PostgreSQL when set)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from svidok.commands.ingest import ingest
from svidok.commands.search import search

ARTICLES = {
    "a.txt": "Переговори з Путіним неможливі, заявив міністр закордонних справ.",
    "b.txt": "Кабінет міністрів ухвалив рішення про вибори до місцевих рад.",
}


@pytest.fixture
def inputs(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "empty.txt").write_text("  \n", encoding="utf-8")
    return folder


def run(command, *args, input=None):
    try:
        runner = CliRunner(mix_stderr=False)  # click < 8.2 mixes stderr into stdout by default
    except TypeError:
        runner = CliRunner()
    return runner.invoke(command, [str(a) for a in args], input=input)


def test_ingest_reports_counts_and_exit_status(store_url, inputs):
    good = [inputs / "a.txt", inputs / "b.txt"]
    first = run(ingest, *good, "--db", store_url)
    assert first.exit_code == 0, first.stderr
    assert "stored 2, updated 0, unchanged 0, skipped 0" in first.stderr
    again = run(ingest, *good, inputs / "empty.txt", "--db", store_url)
    assert again.exit_code == 1
    assert "stored 0, updated 0, unchanged 2, skipped 1" in again.stderr
    assert "skipped" in again.stderr and "empty.txt" in again.stderr


def test_ingest_from_stdin(store_url):
    result = run(ingest, "-", "--db", store_url, input=ARTICLES["a.txt"])
    assert result.exit_code == 0, result.stderr
    assert "stored 1" in result.stderr


@pytest.mark.parametrize(
    "args,expected",
    [
        (["путіна"], ["a.txt"]),
        (["вибори"], ["b.txt"]),
        (["міністр"], ["a.txt", "b.txt"]),
        (['"; DROP TABLE articles; --'], []),
        (["--lang", "ru"], []),
    ],
)
def test_search_json(store_url, inputs, args, expected):
    run(ingest, inputs / "a.txt", inputs / "b.txt", "--db", store_url)
    result = run(search, *args, "--db", store_url, "--format", "json")
    assert result.exit_code == 0, result.stderr
    found = sorted(hit["external_id"].rsplit("/", 1)[-1] for hit in json.loads(result.stdout))
    assert found == expected


def test_search_table_and_errors(tmp_path, inputs):
    db = tmp_path / "a.db"
    run(ingest, inputs / "a.txt", "--db", db)
    table = run(search, "путін", "--db", db)
    assert table.exit_code == 0 and "a.txt" in table.stdout and table.stdout.startswith("id")
    assert "no articles found" in run(search, "вибори", "--db", db).stdout
    bad_date = run(search, "путін", "--from", "2024-13-01", "--db", db)
    assert bad_date.exit_code == 1 and "YYYY-MM-DD" in bad_date.stderr
    missing = run(search, "путін", "--db", tmp_path / "missing.db")
    assert missing.exit_code == 1 and "No archive" in missing.stderr
    assert not (tmp_path / "missing.db").exists()


def test_search_by_event_narrative_and_technique_from_the_command_line(store_url):
    from tests.conftest import REPO

    import svidok

    sample = REPO / "eval" / "texts" / "000_422c6d6a13e598e4.txt"
    assert run(ingest, sample, "--db", store_url).exit_code == 0
    analysis = svidok.analyze(svidok.Document(text=sample.read_text(encoding="utf-8")))
    event, narrative = analysis.events[0], analysis.narratives[0]
    args = ["--event", event.type, "--narrative", narrative.narrative, "--stance", narrative.stance]
    found = run(search, *args, "--db", store_url, "--format", "json")
    assert found.exit_code == 0, found.stderr
    assert len(json.loads(found.stdout)) == 1
    unused = {"MEET", "AGREE", "ATTACK", "SANCTION"} - {e.type for e in analysis.events}
    none = run(search, "--event", min(unused), "--db", store_url, "--format", "json")
    assert json.loads(none.stdout) == []
    refused = run(search, "--technique", "x; DROP TABLE techniques", "--db", store_url)
    assert refused.exit_code != 0 and "technique must be an identifier" in refused.stderr
