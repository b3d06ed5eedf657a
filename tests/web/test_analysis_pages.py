"""Events, narratives and techniques in the web UI and the search API, on every backend."""

from __future__ import annotations

import html
from collections import Counter

HTML = {"accept": "text/html"}


def _page(client, url: str) -> str:
    response = client.get(url, headers=HTML)
    assert response.status_code == 200, response.text
    return html.unescape(response.text)


def _analyses(client, analysed) -> dict[int, object]:
    return {client.ids[doc.id]: doc for doc in analysed}


def test_article_page_lists_events_narratives_and_techniques(client, analysed):
    shown = 0
    for article_id, doc in _analyses(client, analysed).items():
        page = _page(client, f"/articles/{article_id}")
        for event in doc.events:
            assert f"/?event={event.type}" in page
            assert all(a.name in page for a in event.actors)
        for narrative in doc.narratives:
            assert narrative.title in page and narrative.stance in page
        for technique in doc.techniques:
            assert f"/?technique={technique.label}" in page
        shown += len(doc.events) + len(doc.narratives) + len(doc.techniques)
    assert shown > 0  # the fixture articles state some: otherwise this test checks nothing


def test_search_api_filters_by_event_narrative_stance_and_technique(client, analysed):
    docs = _analyses(client, analysed)
    for event_type in {e.type for doc in docs.values() for e in doc.events}:
        expected = {i for i, doc in docs.items() if any(e.type == event_type for e in doc.events)}
        found = client.get("/api/search", params={"event": event_type.lower(), "size": 100}).json()["items"]
        assert {hit["article_id"] for hit in found} == expected
    for doc_id, doc in docs.items():
        for n in doc.narratives:
            params = {"narrative": n.narrative, "stance": n.stance}
            assert doc_id in {h["article_id"] for h in client.get("/api/search", params=params).json()["items"]}
        for t in doc.techniques:
            found = client.get("/api/search", params={"technique": t.label}).json()["items"]
            assert doc_id in {h["article_id"] for h in found}


def test_hostile_analysis_filters_are_refused(client):
    assert client.get("/api/search", params={"event": "<script>"}).status_code == 422
    assert client.get("/api/search", params={"stance": "loves"}).status_code == 422
    page = client.get("/", params={"narrative": "x' OR 1=1 --"}, headers=HTML)
    assert page.status_code == 422 and "narrative must be an identifier" in page.text


def test_narratives_page_counts_articles_per_stance_and_event_type(client, analysed):
    docs = _analyses(client, analysed).values()
    page = _page(client, "/narratives")
    stances = Counter((n.narrative, n.stance) for doc in docs for n in {(x.narrative, x.stance): x
                      for x in doc.narratives}.values())  # fmt: skip
    for (narrative, stance), count in stances.items():
        assert f'/?narrative={narrative}&stance={stance}">{count}</a>' in page
    events = Counter(t for doc in docs for t in {e.type for e in doc.events})
    for event_type, count in events.items():
        assert f'<a href="/?event={event_type}">{event_type}</a> <span class="n">{count}</span>' in page
    assert "Україна — другорядне питання" in page  # every catalogue entry is listed


def test_narratives_api_gives_the_same_counts_as_the_stored_analyses(client, analysed):
    docs = _analyses(client, analysed).values()
    body = client.get("/api/narratives").json()
    events = Counter(t for doc in docs for t in {e.type for e in doc.events})
    assert {c["value"]: c["count"] for c in body["events"]} == dict(events)
    techniques = Counter(t for doc in docs for t in {x.label for x in doc.techniques})
    assert {c["value"]: c["count"] for c in body["techniques"]} == dict(techniques)
    found = {n["id"]: n["by_stance"] for n in body["narratives"] if n["total"]}
    expected: dict[str, Counter] = {}
    for doc in docs:
        for narrative, stance in {(n.narrative, n.stance) for n in doc.narratives}:
            expected.setdefault(narrative, Counter())[stance] += 1
    assert found == {k: dict(v) for k, v in expected.items()}
