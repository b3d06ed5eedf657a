"""The JSON API on every backend: each endpoint, its errors, and hostile parameters."""

from __future__ import annotations

import pytest

from .conftest import TOKEN


def test_articles_list_and_detail(client):
    page = client.get("/api/articles", params={"size": 2}).json()
    assert page["total"] == 5 and len(page["items"]) == 2
    assert page["items"][0]["published"] >= page["items"][1]["published"]  # newest first
    news = client.get("/api/articles", params={"outlet": "NEWS.test"}).json()
    assert news["total"] == 2 and {a["outlet"] for a in news["items"]} == {"news.test"}
    one = client.get(f"/api/articles/{client.ids['hostile']}").json()
    analysis = one["analysis"]
    assert analysis["schema"].startswith("svidok.analysis/") and "<script>" in analysis["text"]
    for quote in analysis["quotes"]:
        assert analysis["text"][quote["start"] : quote["end"]] == quote["text"]
    missing = client.get("/api/articles/999999")
    assert missing.status_code == 404 and missing.json()["error"] == "not found"


def test_entities_list_and_detail(client):
    entities = client.get("/api/entities", params={"type": "PER", "size": 100}).json()["items"]
    assert entities and all(e["type"] == "PER" for e in entities)
    counts = [e["mention_count"] for e in entities]
    assert counts == sorted(counts, reverse=True)
    zelensky = next(e for e in entities if e["name"] == "Володимир Зеленський")
    assert zelensky["article_count"] == 2  # the sample and the hostile article: one entity across both
    detail = client.get(f"/api/entities/{zelensky['id']}").json()
    assert detail["entity"]["id"] == zelensky["id"]
    assert {c["value"] for c in detail["mentions_per_day"]} == {"2025-03-01", "2025-03-04"}
    assert {q["article_id"] for q in detail["quotes_by"]} == {client.ids["000_422c6d6a13e598e4.txt"],
                                                             client.ids["hostile"]}  # fmt: skip
    assert detail["aliases"] and detail["co_occurring"]
    assert any(e["target_name"] == "Кирило Дмитрієв" for e in detail["co_occurring"])
    assert client.get("/api/entities/999999").status_code == 404


def test_quotes_and_sources(client):
    quotes = client.get("/api/quotes", params={"speaker": "зеленський"}).json()
    assert quotes["total"] == 2 and all(q["speaker"] == "Володимир Зеленський" for q in quotes["items"])
    wsj = client.get("/api/quotes", params={"source": "Wall Street Journal"}).json()
    assert wsj["total"] >= 5 and all(q["source"] == "The Wall Street Journal" for q in wsj["items"])
    sources = client.get("/api/sources").json()["items"]
    assert sources[0]["citations"] >= sources[-1]["citations"]
    assert any(s["name"] == "The Wall Street Journal" for s in sources)


def test_search_filters(client):
    hits = client.get("/api/search", params={"q": "путіна"}).json()["items"]
    assert [h["article_id"] for h in hits] == [client.ids["000_422c6d6a13e598e4.txt"]]
    by = client.get("/api/search", params={"speaker": "Зеленський", "sort": "relevance"}).json()["items"]
    assert {h["article_id"] for h in by} == {client.ids["000_422c6d6a13e598e4.txt"], client.ids["hostile"]}
    dated = client.get("/api/search", params={"date_from": "2025-03-02", "date_to": "2025-03-03"}).json()
    assert {h["published"][:10] for h in dated["items"]} == {"2025-03-02", "2025-03-03"}
    first = client.get("/api/search", params={"size": 2}).json()
    assert first["has_more"] and len(first["items"]) == 2
    last = client.get("/api/search", params={"size": 2, "page": 3}).json()
    assert not last["has_more"] and len(last["items"]) == 1


HOSTILE_QUERIES = ['"', "путін NEAR(a b)", "*", "-- DROP TABLE articles", "text:путін", "a OR b",
                   "'; SELECT 1; --", "%", "^путін", "(", "NOT", "\\", "путін*"]  # fmt: skip


@pytest.mark.parametrize("query", HOSTILE_QUERIES)
def test_hostile_search_text_is_plain_text(client, query):
    response = client.get("/api/search", params={"q": query, "entity": query, "source": query})
    assert response.status_code == 200 and isinstance(response.json()["items"], list)


@pytest.mark.parametrize("url", [
    "/api/search?size=-1", "/api/search?size=0", "/api/search?size=100000", "/api/search?page=0",
    "/api/search?page=99999999999999999999999", "/api/search?page=abc", "/api/search?sort=score%20DESC",
    "/api/search?date_from=2025-13-45", "/api/search?date_to=%27%3B--", "/api/search?q=a%00b",
    "/api/articles/%ff", "/api/articles/-1.5", "/api/entities?type=PER%27%20OR%201=1",
    "/api/quotes?speaker_id=0", "/api/entities/99999999999999999999", "/api/articles/9223372036854775808",
    "/api/quotes?about_id=99999999999999999999999", "/api/articles?date_from=yesterday", "/api/search?q=" + "x" * 600,
])  # fmt: skip
def test_bad_parameters_are_422_json(client, url):
    response = client.get(url)
    assert response.status_code == 422, response.text
    body = response.json()
    assert body["error"] and body["detail"]


@pytest.mark.parametrize(
    "url", ["/api/search?q=%ff%fe", "/api/search?outlet=%C3%28", "/api/quotes?speaker=%80"]
)
def test_non_utf8_percent_encodings_do_not_break(client, url):
    response = client.get(url)
    assert response.status_code == 200 and response.json()["items"] == []


def test_openapi_describes_every_endpoint(client):
    spec = client.get("/openapi.json").json()
    paths = spec["paths"]
    for path in ("/api/articles", "/api/articles/{article_id}", "/api/entities", "/api/entities/{entity_id}",
                 "/api/quotes", "/api/sources", "/api/search", "/api/ingest"):  # fmt: skip
        assert path in paths
    params = {p["name"]: p for p in paths["/api/search"]["get"]["parameters"]}
    assert {"q", "entity", "speaker", "quoted_about", "source", "outlet", "language", "page", "size",
            "sort", "date_from", "date_to"} <= set(params)  # fmt: skip
    assert params["size"].get("description") and spec["info"]["description"]


def test_ingest_needs_the_token(client):
    body = {
        "text": "Прем'єр-міністр Денис Шмигаль заявив, що уряд ухвалив рішення.",
        "url": "https://t.test/1",
    }
    assert client.post("/api/ingest", json=body).status_code == 401
    wrong = client.post("/api/ingest", json=body, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 403 and wrong.json()["error"] == "forbidden"
    assert client.get("/api/search", params={"q": "Шмигаль"}).json()["items"] == []
    ok = client.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert ok.status_code == 200 and ok.json()["results"][0]["status"] == "stored"
    new_id = ok.json()["results"][0]["id"]
    assert [h["article_id"] for h in client.get("/api/search", params={"q": "Шмигаль"}).json()["items"]] == [
        new_id
    ]
    again = client.post("/api/ingest", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert again.json()["results"][0] == {"origin": "https://t.test/1", "status": "unchanged", "id": new_id}


def test_ingest_paths_only_inside_the_ingest_folders(client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    inside = client.post("/api/ingest", json={"path": str(client.inbox / "new.txt")}, headers=auth)
    assert inside.status_code == 200 and inside.json()["results"][0]["status"] in ("stored", "unchanged")
    for path in [str(client.inbox / ".." / ".." / "etc" / "passwd"), "/etc/passwd",
                 str(client.inbox) + "/../" + client.inbox.name + "x", "../../../../etc/hostname"]:  # fmt: skip
        response = client.post("/api/ingest", json={"path": path}, headers=auth)
        assert response.status_code == 403, path
    (client.inbox / "escape").symlink_to("/etc")
    escaped = client.post(
        "/api/ingest", json={"path": str(client.inbox / "escape" / "hostname")}, headers=auth
    )
    assert escaped.status_code == 403
    both = client.post("/api/ingest", json={"path": "x", "text": "y"}, headers=auth)
    assert both.status_code == 422


def test_read_only_server_refuses_ingest(archive_url):
    from fastapi.testclient import TestClient

    from svidok.web import WebConfig, create_app

    with TestClient(create_app(WebConfig(db=archive_url[0]))) as read_only:
        response = read_only.post("/api/ingest", json={"text": "x"}, headers={"Authorization": "Bearer x"})
        assert response.status_code == 403 and "read-only" in response.json()["detail"]
        assert read_only.get("/api/articles").status_code == 200


def test_any_text_in_any_filter_is_never_a_500(client):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    names = st.sampled_from(["q", "entity", "speaker", "quoted_about", "source", "outlet", "language",
                             "date_from", "sort", "page", "size"])  # fmt: skip
    endpoints = st.sampled_from(["/api/search", "/api/quotes", "/api/entities", "/api/sources", "/"])

    @settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
    @given(endpoints, st.dictionaries(names, st.text(max_size=40), max_size=4))
    def check(endpoint, params):
        response = client.get(endpoint, params=params)
        assert response.status_code in (200, 422), (endpoint, params, response.text)

    check()


def test_ingest_refuses_unstorable_text_with_422(client):
    auth = {"Authorization": f"Bearer {TOKEN}", "content-type": "application/json"}
    for raw in [b'{"text": "a\\u0000b"}', b'{"text": "ok text", "title": "\\ud800"}', b'{"text": "  "}',
                b'{"text": "ok", "id": "x\\u0000"}', b"{broken json", b"[1, 2]"]:  # fmt: skip
        response = client.post("/api/ingest", content=raw, headers=auth)
        assert response.status_code == 422, (raw, response.text)
        assert response.json()["error"]
