"""A small archive of real articles (plus a hostile one), served by the app on every backend."""

from __future__ import annotations

import pytest
from tests.conftest import REPO, fresh_archive_url

pytest.importorskip("fastapi")

import svidok

TEXTS = ["000_422c6d6a13e598e4.txt", "ng_04b2cf6b449e.txt", "ng_07c51f631d18.txt", "bruk_13e0cb95075a.txt"]
HOSTILE_TEXT = (
    'Володимир Зеленський заявив: «Ми переможемо». <script>document.title="pwned"</script> '
    '"><img src=x onerror="document.title=1"> Кирило Дмитрієв мовчить.'
)
TOKEN = "s3cret-token"


def _docs() -> list[svidok.Document]:
    docs = []
    for n, name in enumerate(TEXTS):
        text = (REPO / "eval" / "texts" / name).read_text(encoding="utf-8")
        docs.append(svidok.Document(
            text=text, id=name, url=f"https://example.org/{n}", title=f"Стаття {n}: {text[:40]}",
            outlet="example.org" if n % 2 else "news.test", published=f"2025-03-0{n + 1}T09:00:00",
        ))  # fmt: skip
    docs.append(svidok.Document(
        text=HOSTILE_TEXT, id="hostile", url="javascript:alert(1)",
        title='<script>document.title="pwned"</script>Ворожа', outlet='" onmouseover="alert(1)',
        published="2025-03-04",
    ))  # fmt: skip
    return docs


@pytest.fixture(scope="session")
def analysed() -> list[svidok.Document]:
    return [svidok.analyze(doc) for doc in _docs()]


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def archive_url(request, tmp_path_factory, analysed):
    """An archive holding the analysed articles; yields (url, {external id: article id})."""
    from svidok.store import open_store

    url = fresh_archive_url(request.param, tmp_path_factory.mktemp("web"))
    with open_store(url) as store:
        ids = {doc.id: store.put(doc).article_id for doc in analysed}
    return url, ids


@pytest.fixture(scope="module")
def client(archive_url, tmp_path_factory):
    from fastapi.testclient import TestClient

    from svidok.web import WebConfig, create_app

    root = tmp_path_factory.mktemp("inbox")
    (root / "new.txt").write_text("Президент Володимир Зеленський заявив, що переговори тривають.", "utf-8")
    config = WebConfig(db=archive_url[0], token=TOKEN, ingest_roots=(root,))
    with TestClient(create_app(config)) as test_client:
        test_client.ids = archive_url[1]
        test_client.inbox = root
        yield test_client
