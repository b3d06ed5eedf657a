"""Stories on the web: the JSON API, the pages, hostile ids, and the story page in Chromium."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from tests.conftest import REPO, fresh_archive_url
from tests.stories.labelled import labelled_doc

from .test_browser import CHROMIUM, _dom_and_shot, _free_port, _wait_until_up

ITEMS = ["alaska-uk", "alaska-ru", "alaska-en", "patriot-uk", "erp-uk"]


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def story_archive(request, tmp_path_factory):
    """(url, {item: article id}, {item: story id}) of an archive with stories."""
    from svidok.store import open_store

    url = fresh_archive_url(request.param, tmp_path_factory.mktemp("stories"))
    with open_store(url) as store:
        ids = {item: store.put(labelled_doc(item)).article_id for item in ITEMS}
        store.update_stories()
        story_of = dict(store._read("SELECT article_id, story_id FROM story_articles"))
    return url, ids, {item: story_of[article_id] for item, article_id in ids.items()}


@pytest.fixture(scope="module")
def client(story_archive):
    from fastapi.testclient import TestClient

    from svidok.web import WebConfig, create_app

    with TestClient(create_app(WebConfig(db=story_archive[0]))) as test_client:
        yield test_client


def test_api_lists_stories_with_outlets_and_languages(client, story_archive):
    _, _, story = story_archive
    page = client.get("/api/stories", params={"min_articles": 2}).json()
    assert page["total"] == 1
    (alaska,) = page["items"]
    assert alaska["id"] == story["alaska-uk"] and alaska["article_count"] == 3
    assert sorted(alaska["languages"]) == ["en", "ru", "uk"]
    assert (alaska["first_day"], alaska["last_day"]) == ("2025-08-11", "2025-08-12")
    assert client.get("/api/stories").json()["total"] == 3


def test_api_story_detail_has_timeline_and_framing(client, story_archive):
    _, ids, story = story_archive
    detail = client.get(f"/api/stories/{story['alaska-uk']}").json()
    assert [a["id"] for a in detail["articles"]][:2] == sorted([ids["alaska-uk"], ids["alaska-ru"]])
    assert detail["articles"][-1]["id"] == ids["alaska-en"]
    assert ["2025-08-12", "kyivindependent.com", 1] in detail["per_day"]
    outlets = {f["outlet"]: f for f in detail["framing"]}
    assert set(outlets) == {"pravda.com.ua", "meduza.io", "kyivindependent.com"}
    assert "Кирило Дмитрієв" in {s["value"] for s in outlets["pravda.com.ua"]["speakers"]}


@pytest.mark.parametrize(
    "url, status",
    [("/api/stories/999999", 404), ("/api/stories/0", 422), ("/api/stories/-1", 422),
     ("/api/stories/abc", 422), ("/api/stories/1e3", 422), ("/api/stories/99999999999999999999", 422),
     ("/api/stories/1%00", 422), ("/api/stories?date_from=soon", 422), ("/api/stories?size=101", 422),
     ("/api/stories?min_articles=0", 422), ("/api/stories?page=0", 422),
     ("/stories/999999", 404), ("/stories/0", 422), ("/stories/x", 422), ("/stories?min_articles=-5", 422)],
)  # fmt: skip
def test_hostile_story_ids_and_parameters_are_4xx_not_500(client, url, status):
    assert client.get(url).status_code == status


def test_story_pages_render_chart_and_framing(client, story_archive):
    _, ids, story = story_archive
    listing = client.get("/stories").text
    assert f'href="/stories/{story["alaska-uk"]}"' in listing
    assert f'href="/stories/{story["patriot-uk"]}"' not in listing  # one article: not by default
    assert f'href="/stories/{story["patriot-uk"]}"' in client.get("/stories?min_articles=1").text
    page = client.get(f"/stories/{story['alaska-uk']}").text
    assert '<svg class="chart timeline"' in page and page.count('class="segment"') == 3
    assert f'href="/articles/{ids["alaska-ru"]}"' in page and "meduza.io" in page


@pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")
def test_story_page_in_chromium(tmp_path, story_archive):
    url, ids, story = story_archive
    port = _free_port()
    cmd = [sys.executable, "-c", "from svidok.cli import main; main()", "serve", "--db", url,
           "--host", "127.0.0.1", "--port", str(port)]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, proc)
        listing = _dom_and_shot(tmp_path, f"{base}/stories", "stories")
        link = re.search(r'href="(/stories/\d+)"', listing)[1]
        assert link == f"/stories/{story['alaska-uk']}"
        dom = _dom_and_shot(tmp_path, base + link, "story")
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    assert len(re.findall(r'<rect class="segment"[^>]* fill="#[0-9a-f]{6}"', dom)) == 3
    framing = dom.split('class="list framing"')[1]
    assert framing.count("<tr>") == 4  # header + three outlets
    assert "Кирило Дмитрієв" in framing and f'href="/articles/{ids["alaska-en"]}"' in framing
