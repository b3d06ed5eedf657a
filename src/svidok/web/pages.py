"""The HTML pages: search with facets, article, entity, entity list and the quote browser.

Server-rendered Jinja2 with autoescape; the few HTML fragments built in Python (highlighted
text, SVG) escape everything they take from the archive."""

from __future__ import annotations

from importlib import resources
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from ..render.html import _marks, _quotes_panel, _sources_panel, highlight
from ..store import SearchError, queries
from ..store.records import name_entity_key
from . import svg
from .api import MAX_ID, MAX_PAGE, RowId
from .security import reject_nul

TEMPLATES = Jinja2Templates(directory=str(resources.files("svidok.web").joinpath("templates")))
TEMPLATES.env.autoescape = True  # every template, whatever its name
router = APIRouter(
    include_in_schema=False, default_response_class=HTMLResponse, dependencies=[Depends(reject_nul)]
)
PAGE_SIZE = 20
SEARCH_FILTERS = ("q", "entity", "speaker", "quoted_about", "source", "outlet", "language",
                  "date_from", "date_to", "event", "event_actor", "narrative", "stance", "technique",
                  "sort")  # fmt: skip


def is_web_link(url: Any) -> bool:
    return isinstance(url, str) and url.lower().startswith(("http://", "https://"))


TEMPLATES.env.tests["web_link"] = is_web_link


def _render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    return TEMPLATES.TemplateResponse(request, name, context, status_code=status)


def _link(path: str, params: dict[str, Any]) -> str:
    defaults = {"sort": "date", "page": 1}  # left out: shorter links
    kept = {k: v for k, v in params.items() if v not in (None, "") and defaults.get(k) != v}
    return f"{path}?{urlencode(kept)}" if kept else path


def _nav(path: str, params: dict[str, Any], page: int, more: bool) -> dict[str, str | None]:
    """Links to the previous and next page of a paged list (None where there is none)."""
    return {"prev": _link(path, {**params, "page": page - 1}) if page > 1 else None,
            "next": _link(path, {**params, "page": page + 1}) if more else None}  # fmt: skip


Text = Annotated[str | None, Query(max_length=500)]


@router.get("/")
def search_page(
    request: Request, q: Text = None, entity: Text = None, speaker: Text = None, quoted_about: Text = None,
    source: Text = None, outlet: Text = None, language: Text = None, date_from: Text = None,
    date_to: Text = None, event: Text = None, event_actor: Text = None, narrative: Text = None,
    stance: Text = None, technique: Text = None, sort: Literal["date", "relevance"] = "date",
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
):  # fmt: skip
    state = request.app.state.archive
    filters = {k: v for k, v in locals().items() if k in SEARCH_FILTERS}
    hits, error = [], None
    try:
        hits = state.store.search(**_search_args(filters), limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
    except SearchError as exc:
        error = str(exc)
    nav = _nav("/", filters, page, len(hits) > PAGE_SIZE)
    facet_counts, facet_scope = _facets(state, filters) if not error else ({}, "")
    facets = {name: [(c, _link("/", {**filters, name: c.value})) for c in counts]
              for name, counts in facet_counts.items()}  # fmt: skip
    active = [(k, v, _link("/", {**filters, k: None})) for k, v in filters.items() if v and k != "sort"]
    return _render(
        request, "search.html", 422 if error else 200, filters=filters, hits=hits[:PAGE_SIZE],
        openings=queries.article_openings(state.store, [h.article_id for h in hits[:PAGE_SIZE]]),
        error=error, nav=nav, facets=facets, facet_scope=facet_scope, active=active, page=page,
        total=state.store.count(),
    )  # fmt: skip


def _facets(state, filters: dict[str, Any]) -> tuple[dict[str, list[queries.Count]], str]:
    """Facet counts over the search's hits (its first MAX_FACET_ARTICLES), or over the whole
    archive (cached) when nothing is asked yet; and a phrase saying which."""
    args = _search_args(filters)
    args.pop("sort", None)
    if not any(args.values()):
        return state.facets(), "in the archive"
    limit = queries.articles.MAX_FACET_ARTICLES
    ids = [hit.article_id for hit in state.store.search(**args, limit=limit)]
    counts = {
        name: queries.facet_counts(state.store, name, article_ids=ids) for name in queries.articles.FACETS
    }
    return counts, f"in the first {limit} hits" if len(ids) >= limit else f"in {len(ids)} hits"


def _search_args(filters: dict[str, Any]) -> dict[str, Any]:
    args = {k: v for k, v in filters.items() if v not in (None, "")}
    return {"query": args.pop("q", None), **args}


@router.get("/narratives")
def narratives_page(request: Request):
    """The narrative catalogue with article counts per stance, and event and technique counts."""
    store = request.app.state.archive.store
    narratives = [
        (n, {stance: _link("/", {"narrative": n.id, "stance": stance}) for stance in queries.analysis.STANCES})
        for n in queries.narrative_counts(store)
    ]  # fmt: skip
    events = [(c, _link("/", {"event": c.value})) for c in queries.event_type_counts(store)]
    techniques = [(c, _link("/", {"technique": c.value})) for c in queries.technique_counts(store)]
    return _render(request, "narratives.html", narratives=narratives, events=events, techniques=techniques)


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: RowId):
    store = request.app.state.archive.store
    obj = queries.article_analysis(store, article_id)
    if obj is None:
        raise HTTPException(404, f"No article {article_id} in the archive.")
    prefix = "a"
    return _render(
        request, "article.html", obj=obj, article_id=article_id,
        body=Markup(highlight(obj["text"], _marks(obj, prefix))),
        quotes_panel=Markup(_quotes_panel(obj, prefix)), sources_panel=Markup(_sources_panel(obj, prefix)),
        entities=_linked_entities(store, obj),
    )  # fmt: skip


def _linked_entities(store, obj: dict[str, Any]) -> list[dict[str, Any]]:
    """The article's entities, most mentioned first, each with its archive id (for links)."""
    keys = {e["id"]: f"kb:{e['kb_id']}" if e.get("kb_id") else name_entity_key(e["type"], e["name"])
            for e in obj["entities"]}  # fmt: skip
    ids = {}
    if keys:
        marks = ", ".join("?" * len(keys))
        ids = dict(store._read(f"SELECT key, id FROM entities WHERE key IN ({marks})", list(keys.values())))
    entities = sorted(obj["entities"], key=lambda e: (-len(e["mentions"]), e["name"]))
    return [{**e, "archive_id": ids.get(keys[e["id"]]), "count": len(e["mentions"])} for e in entities]


@router.get("/entities")
def entities_page(
    request: Request, name: Text = None,
    type: Literal["PER", "ORG", "LOC", "MISC"] | None = None,
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
):  # fmt: skip
    store = request.app.state.archive.store
    result = queries.list_entities(store, type=type, name=name, limit=50, offset=(page - 1) * 50)
    params = {"name": name, "type": type}
    nav = _nav("/entities", params, page, result.offset + len(result.items) < result.total)
    return _render(request, "entities.html", result=result, params=params, nav=nav)


@router.get("/entities/{entity_id}")
def entity_page(request: Request, entity_id: RowId):
    store = request.app.state.archive.store
    detail = queries.entity_detail(store, entity_id, limit=30)
    if detail is None:
        raise HTTPException(404, f"No entity {entity_id} in the archive.")
    quoting = queries.quote_edges(store, entity_id=entity_id, limit=30)
    edges = quoting + [e for e in detail.co_occurring[:16] if e.target_id not in
                       {x.source_id for x in quoting} | {x.target_id for x in quoting}]  # fmt: skip
    return _render(
        request, "entity.html", d=detail, e=detail.entity,
        chart=Markup(svg.mentions_chart(detail.mentions_per_day)),
        network=Markup(svg.network(entity_id, detail.entity.name, edges)),
    )  # fmt: skip


@router.get("/quotes")
def quotes_page(
    request: Request, speaker: Text = None, source: Text = None, language: Text = None,
    speaker_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    about_id: Annotated[int | None, Query(ge=1, le=MAX_ID)] = None,
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
):  # fmt: skip
    store = request.app.state.archive.store
    params = {"speaker": speaker, "source": source, "language": language,
              "speaker_id": speaker_id, "about_id": about_id}  # fmt: skip
    result = queries.list_quotes(store, **params, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    nav = _nav("/quotes", params, page, result.offset + len(result.items) < result.total)
    speakers = queries.facet_counts(store, "speaker", 15)
    sources = queries.list_sources(store, limit=15).items
    return _render(request, "quotes.html", result=result, params=params, nav=nav,
                   speakers=speakers, sources=sources)  # fmt: skip


@router.get("/stories")
def stories_page(
    request: Request, min_articles: Annotated[int, Query(ge=1, le=MAX_ID)] = 2,
    page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1,
):  # fmt: skip
    """Stories, latest first; by default those told by more than one article."""
    store = request.app.state.archive.store
    result = queries.list_stories(store, min_articles=min_articles, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    params = {"min_articles": min_articles}
    nav = _nav("/stories", params, page, result.offset + len(result.items) < result.total)
    return _render(request, "stories.html", result=result, min_articles=min_articles, nav=nav)


@router.get("/stories/{story_id}")
def story_page(request: Request, story_id: RowId):
    detail = queries.story_detail(request.app.state.archive.store, story_id)
    if detail is None:
        raise HTTPException(404, f"No story {story_id} in the archive.")
    colours = svg.outlet_colours([f.outlet for f in detail.framing])
    return _render(
        request, "story.html", d=detail, s=detail.story, colours=colours,
        chart=Markup(svg.timeline_chart(detail.per_day, colours)),
        articles={a.id: a for a in detail.articles},
    )  # fmt: skip
