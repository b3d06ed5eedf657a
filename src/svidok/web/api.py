"""The JSON API: read the archive (always) and ingest into it (only with a token)."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field, field_validator

from ..store import queries
from ..store.queries.common import MAX_OFFSET
from .security import allowed_path, reject_nul, require_token

MAX_SIZE = 100
MAX_PAGE = MAX_OFFSET // MAX_SIZE
MAX_ID = 2**63 - 1  # row ids are 64-bit on both backends: a larger number is a 422, not a 500
RowId = Annotated[int, Path(ge=1, le=MAX_ID, description="Row id in the archive.")]


router = APIRouter(prefix="/api", dependencies=[Depends(reject_nul)])


def archive(request: Request):
    return request.app.state.archive


def _page_json(page: queries.Page) -> dict[str, Any]:
    return {"items": [dataclasses.asdict(i) for i in page.items], "total": page.total,
            "limit": page.limit, "offset": page.offset}  # fmt: skip


Page = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page number, from 1.")]
Size = Annotated[int, Query(ge=1, le=MAX_SIZE, description=f"Results per page (1-{MAX_SIZE}).")]
Language = Annotated[str | None, Query(max_length=16, description="Language code: uk, ru, en.")]
DateFrom = Annotated[str | None, Query(max_length=32, description="Published on or after (YYYY-MM-DD).")]
DateTo = Annotated[str | None, Query(max_length=32, description="Published on or before (YYYY-MM-DD).")]
Text = Annotated[str | None, Query(max_length=500)]
Code = Annotated[str | None, Query(max_length=80, description="An identifier: MEET, west-provoked-war, fud.")]


@router.get("/articles", summary="List articles", description="Newest first; undated articles last.")
def list_articles(
    request: Request, page: Page = 1, size: Size = 20,
    outlet: Annotated[str | None, Query(max_length=200, description="Outlet, case-insensitive.")] = None,
    language: Language = None, date_from: DateFrom = None, date_to: DateTo = None,
) -> dict[str, Any]:  # fmt: skip
    result = queries.list_articles(
        archive(request).store, outlet=outlet, language=language, date_from=date_from,
        date_to=date_to, limit=size, offset=(page - 1) * size,
    )  # fmt: skip
    return _page_json(result)


@router.get("/articles/{article_id}", summary="One article's full analysis (svidok.analysis JSON)")
def get_article(request: Request, article_id: RowId) -> dict[str, Any]:
    analysis = queries.article_analysis(archive(request).store, article_id)
    if analysis is None:
        raise HTTPException(404, f"No article {article_id} in the archive.")
    return {"id": article_id, "analysis": analysis}


@router.get("/entities", summary="List entities", description="Most mentioned first.")
def list_entities(
    request: Request, page: Page = 1, size: Size = 50,
    type: Annotated[Literal["PER", "ORG", "LOC", "MISC"] | None, Query(description="Entity type.")] = None,
    name: Annotated[str | None, Query(max_length=200, description="Part of the name.")] = None,
) -> dict[str, Any]:  # fmt: skip
    result = queries.list_entities(
        archive(request).store, type=type, name=name, limit=size, offset=(page - 1) * size
    )
    return _page_json(result)


@router.get(
    "/entities/{entity_id}", summary="One entity",
    description="Aliases, articles, mentions per day, quotes by and about it, co-occurring entities, "
    "and the who-quotes-whom edges touching it.",
)  # fmt: skip
def get_entity(request: Request, entity_id: RowId) -> dict[str, Any]:
    store = archive(request).store
    detail = queries.entity_detail(store, entity_id)
    if detail is None:
        raise HTTPException(404, f"No entity {entity_id} in the archive.")
    result = dataclasses.asdict(detail)
    result["quote_edges"] = [dataclasses.asdict(e) for e in queries.quote_edges(store, entity_id=entity_id)]
    return result


@router.get("/narratives", summary="Narrative, event and technique counts",
            description="Catalogue narratives with article counts per stance; articles per event type "
            "and per technique.")  # fmt: skip
def narratives(request: Request) -> dict[str, Any]:
    store = archive(request).store
    return {
        "narratives": [{"id": n.id, "title": n.title, "by_stance": n.by_stance, "total": n.total}
                       for n in queries.narrative_counts(store)],
        "events": [dataclasses.asdict(c) for c in queries.event_type_counts(store)],
        "techniques": [dataclasses.asdict(c) for c in queries.technique_counts(store)],
    }  # fmt: skip


@router.get("/stories", summary="List stories",
            description="Articles about the same story across outlets and languages; latest first.")  # fmt: skip
def list_stories(
    request: Request, page: Page = 1, size: Size = 20,
    min_articles: Annotated[int, Query(ge=1, le=MAX_ID, description="At least this many articles.")] = 1,
    date_from: Annotated[str | None, Query(max_length=32, description="Running on or after (YYYY-MM-DD).")] = None,
    date_to: Annotated[str | None, Query(max_length=32, description="Begun on or before (YYYY-MM-DD).")] = None,
) -> dict[str, Any]:  # fmt: skip
    result = queries.list_stories(
        archive(request).store, min_articles=min_articles, date_from=date_from, date_to=date_to,
        limit=size, offset=(page - 1) * size,
    )  # fmt: skip
    return _page_json(result)


@router.get("/stories/{story_id}", summary="One story",
            description="Its articles in timeline order, articles per day per outlet, and each outlet's "
            "framing: narratives with stance and the speakers it quoted.")  # fmt: skip
def get_story(request: Request, story_id: RowId) -> dict[str, Any]:
    detail = queries.story_detail(archive(request).store, story_id)
    if detail is None:
        raise HTTPException(404, f"No story {story_id} in the archive.")
    return dataclasses.asdict(detail)


@router.get("/quotes", summary="List quotes", description="Filter by speaker, quoted entity, source.")
def list_quotes(
    request: Request, page: Page = 1, size: Size = 50,
    speaker: Annotated[str | None, Query(max_length=200, description="Speaker name words.")] = None,
    speaker_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Speaker entity id.")] = None,
    about_id: Annotated[int | None, Query(ge=1, le=MAX_ID, description="Quotes mentioning this entity id.")] = None,
    source: Annotated[str | None, Query(max_length=200, description="Source the quote is via.")] = None,
    language: Language = None, date_from: DateFrom = None, date_to: DateTo = None,
) -> dict[str, Any]:  # fmt: skip
    result = queries.list_quotes(
        archive(request).store, speaker=speaker, speaker_id=speaker_id, about_id=about_id,
        source=source, language=language, date_from=date_from, date_to=date_to,
        limit=size, offset=(page - 1) * size,
    )  # fmt: skip
    return _page_json(result)


@router.get("/sources", summary="List cited sources", description="Most cited first.")
def list_sources(
    request: Request, page: Page = 1, size: Size = 50,
    name: Annotated[str | None, Query(max_length=200, description="Source name words.")] = None,
) -> dict[str, Any]:  # fmt: skip
    result = queries.list_sources(archive(request).store, name=name, limit=size, offset=(page - 1) * size)
    return _page_json(result)


@router.get("/search", summary="Search articles", description="The filters of `svidok search`. "
            "`q` is plain text, lemmatised: quotes, `*`, NEAR, `col:` mean nothing special.")  # fmt: skip
def search(
    request: Request, q: Text = None, entity: Text = None, speaker: Text = None,
    quoted_about: Annotated[str | None, Query(max_length=500, description="Quotes mention it.")] = None,
    source: Text = None, outlet: Text = None, language: Language = None,
    date_from: DateFrom = None, date_to: DateTo = None,
    event: Code = None, event_actor: Text = None, narrative: Code = None,
    stance: Annotated[Literal["asserts", "quotes", "refutes"] | None, Query()] = None, technique: Code = None,
    sort: Annotated[Literal["date", "relevance"], Query()] = "date", page: Page = 1, size: Size = 20,
) -> dict[str, Any]:  # fmt: skip
    hits = archive(request).store.search(
        q, entity=entity, speaker=speaker, quoted_about=quoted_about, source=source, outlet=outlet,
        language=language, date_from=date_from, date_to=date_to, event=event, event_actor=event_actor,
        narrative=narrative, stance=stance, technique=technique, sort=sort,
        limit=size + 1, offset=(page - 1) * size,
    )  # fmt: skip
    return {"items": [dataclasses.asdict(h) for h in hits[:size]], "page": page, "size": size,
            "has_more": len(hits) > size}  # fmt: skip


class IngestRequest(BaseModel):
    """Either ``text`` (with optional metadata) or ``path``: a file or folder inside the
    server's ingest folders."""

    text: str | None = Field(None, description="Article text.")
    path: str | None = Field(None, max_length=4096, description="Server-side file or folder.")
    url: str | None = Field(None, max_length=4096)
    title: str | None = Field(None, max_length=2000)
    outlet: str | None = Field(None, max_length=500)
    published: str | None = Field(None, max_length=64)
    language: str | None = Field(None, max_length=16)
    id: str | None = Field(None, max_length=500)

    @field_validator("*")
    @classmethod
    def storable_text(cls, value: str | None) -> str | None:
        """NUL and lone surrogates (JSON allows "\\ud800") cannot be stored: 422, not a failed write."""
        if value is not None and ("\x00" in value or any("\ud800" <= ch <= "\udfff" for ch in value)):
            raise ValueError("holds a NUL character or a lone surrogate")
        return value


@router.post("/ingest", summary="Analyse and store articles (needs the server's token)", status_code=200)
def ingest(request: Request, body: Annotated[IngestRequest, Body()]) -> dict[str, Any]:
    state = archive(request)
    require_token(request, state.config.token)
    if (body.text is None) == (body.path is None):
        raise HTTPException(422, "Give either 'text' or 'path'.")
    if body.text is not None:
        results = [_ingest_text(state, body)]
    else:
        results = _ingest_path(state, allowed_path(body.path, state.config.ingest_roots))
    state.store.update_stories()
    state.forget_facets()
    return {"results": results}


def _ingest_text(state, body: IngestRequest) -> dict[str, Any]:
    import svidok

    if not body.text.strip():
        raise HTTPException(422, "'text' is empty.")
    if len(body.text) > state.config.max_ingest_chars:
        raise HTTPException(413, f"'text' is longer than {state.config.max_ingest_chars} characters.")
    meta = body.model_dump(exclude={"text", "path"}, exclude_none=True)
    result = state.store.put(svidok.analyze(svidok.Document(text=body.text, **meta)))
    return {"origin": body.id or body.url or "text", "status": result.status.value, "id": result.article_id}


def _ingest_path(state, path) -> list[dict[str, Any]]:
    import svidok

    from ..commands.ingest import _inputs
    from ..errors import SvidokError

    results = []
    for origin, doc, reason in _inputs((str(path),), None):
        if doc is not None:
            try:
                put = state.store.put(svidok.analyze(doc))
                results.append({"origin": origin, "status": put.status.value, "id": put.article_id})
                continue
            except (SvidokError, ValueError) as exc:
                reason = f"{type(exc).__name__}: {exc}"
        results.append({"origin": origin, "status": "skipped", "reason": reason})
    return results
