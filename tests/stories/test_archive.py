"""Stories in a real archive (SQLite file and PostgreSQL): assigned, listed, shown, kept in step
when an article changes, grouped by the first update after an older archive is upgraded, and checked."""

from __future__ import annotations

import dataclasses

from click.testing import CliRunner
from tests.store.conftest import open_at_version

from svidok.commands.stories import stories as stories_command
from svidok.store import open_store, queries
from svidok.store.check import check_archive
from svidok.stories.archive import since_version

from .labelled import labelled_doc

ITEMS = ["alaska-uk", "patriot-uk", "alaska-ru", "erp-uk", "erp-ru"]


def _put(store, item_ids) -> dict[str, int]:
    return {item: store.put(labelled_doc(item)).article_id for item in item_ids}


def _story_of(store) -> dict[int, int]:
    return dict(store._read("SELECT article_id, story_id FROM story_articles"))


def test_update_groups_one_story_across_languages_and_keeps_the_decoy_apart(store_url):
    with open_store(store_url) as store:
        ids = _put(store, ITEMS)
        result = store.update_stories()
        assert (result.assigned, result.new_stories) == (5, 3)
        story = _story_of(store)
        assert story[ids["alaska-uk"]] == story[ids["alaska-ru"]] != story[ids["patriot-uk"]]
        assert story[ids["erp-uk"]] == story[ids["erp-ru"]] != story[ids["alaska-uk"]]
        assert store.update_stories().assigned == 0  # nothing new: nothing moves
        assert _story_of(store) == story
        assert check_archive(store).ok


def test_list_and_detail_show_outlets_languages_timeline_and_framing(store_url):
    with open_store(store_url) as store:
        ids = _put(store, ITEMS)
        store.update_stories()
        page = queries.list_stories(store, min_articles=2)
        assert page.total == 2 and all(s.article_count == 2 for s in page.items)
        alaska_id = _story_of(store)[ids["alaska-uk"]]
        alaska = next(s for s in page.items if s.id == alaska_id)
        assert sorted(alaska.languages) == ["ru", "uk"] and sorted(alaska.outlets) == [
            "meduza.io",
            "pravda.com.ua",
        ]
        assert (alaska.first_day, alaska.last_day) == ("2025-08-11", "2025-08-11")
        assert queries.list_stories(store).total == 3
        later = queries.list_stories(store, date_from="2025-08-12").items
        assert [s.id for s in later] == [_story_of(store)[ids["patriot-uk"]]]
        assert [s.article_count for s in queries.list_stories(store, date_to="2025-08-10").items] == [2]

        detail = queries.story_detail(store, alaska_id)
        assert {a.id for a in detail.articles} == {ids["alaska-uk"], ids["alaska-ru"]}
        assert detail.per_day == [("2025-08-11", "meduza.io", 1), ("2025-08-11", "pravda.com.ua", 1)]
        framing = {f.outlet: f for f in detail.framing}
        assert framing["pravda.com.ua"].article_ids == [ids["alaska-uk"]]
        assert "Кирило Дмитрієв" in {c.value for c in framing["pravda.com.ua"].speakers}
        stored = {(n[0], n[1]) for n in store._read(
            "SELECT narrative, stance FROM narratives WHERE article_id = ?", (ids["alaska-uk"],))}  # fmt: skip
        assert {(n.narrative, n.stance) for n in framing["pravda.com.ua"].narratives} == stored
        assert queries.story_detail(store, 10**9) is None


def test_a_changed_article_leaves_its_story_and_the_next_update_places_it_again(store_url):
    with open_store(store_url) as store:
        ids = _put(store, ITEMS)
        store.update_stories()
        alaska = _story_of(store)[ids["alaska-ru"]]
        changed = dataclasses.replace(labelled_doc("erp-ru"), url="eval:alaska-ru")  # same URL, other text
        assert store.put(changed).status.value == "updated"
        assert ids["alaska-ru"] not in _story_of(store)
        assert queries.story_detail(store, alaska).story.article_count == 1
        assert check_archive(store).ok
        store.update_stories()
        assert _story_of(store)[ids["alaska-ru"]] == _story_of(store)[ids["erp-uk"]]


def test_an_emptied_story_is_deleted(store_url):
    with open_store(store_url) as store:
        ids = _put(store, ["patriot-uk", "erp-uk"])
        store.update_stories()
        patriot = _story_of(store)[ids["patriot-uk"]]
        store.put(dataclasses.replace(labelled_doc("erp-ru"), url="eval:patriot-uk"))
        assert queries.story_detail(store, patriot) is None
        assert check_archive(store).ok


def test_an_upgraded_older_archive_gets_its_stories_from_the_next_update(store_url):
    from svidok.stories.archive import pending_count

    with open_at_version(store_url, since_version() - 1) as old:
        ids = _put(old, ITEMS)
        tables = {"stories", "story_articles"}
        assert not tables & {r[0] for r in old._read(_TABLES_SQL[old.dialect])}
    with open_store(store_url) as store:
        assert store.schema_version >= since_version()
        assert _story_of(store) == {} and pending_count(store) == len(ids)  # opening stays instant
        assigned = []
        assert store.update_stories(progress=assigned.append).assigned == len(ids)
        assert sum(assigned) == len(ids) and pending_count(store) == 0
        story = _story_of(store)
        assert set(story) == set(ids.values())
        assert story[ids["alaska-uk"]] == story[ids["alaska-ru"]] != story[ids["patriot-uk"]]
        assert check_archive(store).ok


_TABLES_SQL = {
    "sqlite": "SELECT name FROM sqlite_master WHERE type = 'table'",
    "postgres": "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
}


def test_stories_commands(tmp_path):
    db = str(tmp_path / "archive.db")
    with open_store(db) as store:
        ids = _put(store, ITEMS)
    runner = CliRunner()
    update = runner.invoke(stories_command, ["update", "--db", db, "--progress"])
    assert update.exit_code == 0 and "5 articles assigned, 3 new stories" in update.output
    assert "5/5" in update.output  # the progress bar (stderr) counted every article
    listed = runner.invoke(stories_command, ["list", "--db", db, "--min-articles", "2"])
    assert listed.exit_code == 0
    assert "2025-08-11" in listed.output and "meduza.io" in listed.output and "patriot" not in listed.output
    with open_store(db) as store:
        alaska = _story_of(store)[ids["alaska-uk"]]
    shown = runner.invoke(stories_command, ["show", str(alaska), "--db", db])
    assert shown.exit_code == 0 and "Framing by outlet" in shown.output and "pravda.com.ua" in shown.output
    assert "Кирило Дмитрієв" in shown.output
    missing = runner.invoke(stories_command, ["show", "999999", "--db", db])
    assert missing.exit_code == 1 and "No story 999999" in missing.output
    nowhere = runner.invoke(stories_command, ["list", "--db", str(tmp_path / "typo.db")])
    assert nowhere.exit_code == 1 and "No archive" in nowhere.output
    zero = runner.invoke(stories_command, ["show", "0", "--db", db])
    assert zero.exit_code == 2


def test_two_concurrent_updates_assign_each_article_once(store_url):
    """Two `svidok stories update` processes on one archive: the second waits for or skips what
    the first assigned, and sees the stories it made (no duplicate story for one event)."""
    import os
    import subprocess
    import sys

    from tests.conftest import REPO

    with open_store(store_url) as store:
        ids = _put(store, ITEMS)
    cmd = [
        sys.executable,
        "-c",
        "from svidok.cli import main; main()",
        "stories",
        "update",
        "--db",
        store_url,
    ]
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    procs = [
        subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        for _ in range(2)
    ]
    outputs = [p.communicate(timeout=300)[0].decode() for p in procs]
    assert all(p.returncode == 0 for p in procs), outputs
    assert sum(int(o.split("stories: ")[1].split()[0]) for o in outputs) == len(ITEMS)
    with open_store(store_url) as store:
        story = _story_of(store)
        assert set(story) == set(ids.values())
        assert story[ids["alaska-uk"]] == story[ids["alaska-ru"]] != story[ids["patriot-uk"]]
        assert store._read("SELECT COUNT(*) FROM stories")[0][0] == 3
        assert check_archive(store).ok
