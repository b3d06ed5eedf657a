"""The HTML pages: content, escaping of hostile article data, and security headers."""

from __future__ import annotations

import re

HTML = {"accept": "text/html"}


def _page(client, url: str) -> str:
    response = client.get(url, headers=HTML)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def test_every_response_carries_the_csp(client):
    for url in ("/", "/api/articles", "/static/style.css", "/static/page.css", "/nowhere"):
        csp = client.get(url, headers=HTML).headers["content-security-policy"]
        assert "default-src 'self'" in csp and "script-src 'none'" in csp


def test_search_page_lists_hits_facets_and_pages(client):
    page = _page(client, "/?q=путіна")
    assert f'href="/articles/{client.ids["000_422c6d6a13e598e4.txt"]}"' in page
    assert "Стаття 0" in page and "Стаття 1" not in page
    assert '<p class="opening">Глава кремля прагне' in page  # the article's opening words
    all_pages = _page(client, "/")
    assert 'href="/?outlet=example.org"' in all_pages  # outlet facet links keep the other filters
    assert "Володимир Зеленський" in all_pages  # speaker facet
    assert "page 1" in all_pages and "<script" not in all_pages
    filtered = _page(client, "/?outlet=example.org&q=")
    assert "Стаття 1" in filtered and "Стаття 0" not in filtered
    bad = client.get("/?date_from=not-a-date", headers=HTML)
    assert bad.status_code == 422 and "date_from must be a date" in bad.text


def test_hostile_metadata_is_escaped_and_never_a_link(client):
    hostile = client.ids["hostile"]
    for page in (_page(client, "/"), _page(client, f"/articles/{hostile}")):
        assert "<script>" not in page and "&lt;script&gt;" in page
        assert 'href="javascript:' not in page.lower()
        assert 'onmouseover="' not in page and "&#34; onmouseover=&#34;" in page
        assert "<img" not in page
    article = _page(client, f"/articles/{hostile}")
    assert "javascript:alert(1)" in article  # shown as text


def test_article_page_highlights_and_panel(client):
    page = _page(client, f"/articles/{client.ids['000_422c6d6a13e598e4.txt']}")
    assert len(re.findall(r'<mark class="ent ent-', page)) >= 40
    assert 'class="quote quote-direct"' in page and "Who said what" in page
    entity_links = re.findall(r'href="/entities/(\d+)"', page)
    assert len(entity_links) >= 10
    entity = client.get(f"/api/entities/{entity_links[0]}").json()["entity"]
    assert entity["name"] in page


def test_entity_page_chart_network_and_quotes(client):
    entities = client.get("/api/entities", params={"name": "Зеленський"}).json()["items"]
    page = _page(client, f"/entities/{entities[0]['id']}")
    assert page.count('<svg class="chart"') == 1 and page.count('<rect class="bar"') == 2
    assert '<svg class="network"' in page and page.count('<circle class="node') >= 3
    assert "Quotes by Володимир Зеленський (2)" in page
    assert f'href="/articles/{client.ids["hostile"]}#a-q' in page  # follow a quote to its article


def test_quote_browser_filters(client):
    page = _page(client, "/quotes?source=Wall+Street+Journal")
    assert "The Wall Street Journal" in page and "Кирило Дмитрієв" in page
    assert "Ворожа" not in page
    speaker = _page(client, "/quotes?speaker=Зеленський")
    assert speaker.count('class="quote-item') == 2


def test_missing_pages_are_html_for_browsers_and_json_for_the_api(client):
    page = client.get("/entities/999999", headers=HTML)
    assert page.status_code == 404 and "<h1>404" in page.text
    huge = client.get("/articles/99999999999999999999", headers=HTML)
    assert huge.status_code == 422 and "<h1>422" in huge.text
    api = client.get("/api/entities/999999", headers=HTML)
    assert api.status_code == 404 and api.json()["error"] == "not found"


def test_facets_count_the_hits_of_the_search(client):
    everything = _page(client, "/")
    assert "Counts in the archive" in everything and 'href="/?outlet=news.test"' in everything
    filtered = _page(client, "/?outlet=example.org")
    assert "Counts in 2 hits" in filtered
    assert 'href="/?outlet=news.test"' not in filtered  # no hit of this search is from news.test
    assert re.search(r'href="/\?outlet=example.org"[^>]*>example.org</a> <span class="n">2</span>', filtered)


def test_pages_link_the_article_stylesheet_shared_with_the_html_view(client):
    from importlib import resources

    page = _page(client, "/")
    assert '<link rel="stylesheet" href="/static/page.css">' in page
    served = client.get("/static/page.css")
    assert served.status_code == 200 and served.headers["content-type"].startswith("text/css")
    assert served.text == resources.files("svidok.render").joinpath("page.css").read_text(encoding="utf-8")


def test_nul_in_a_page_filter_is_refused_before_the_search_runs(client):
    for url in ("/?q=%D0%BF%00", "/?entity=a%00b", "/quotes?speaker=%00"):
        assert client.get(url, headers=HTML).status_code == 422
