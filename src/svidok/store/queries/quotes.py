"""Quotes (filtered by speaker, what they mention, source, language, date) and cited sources."""

from __future__ import annotations

from dataclasses import dataclass

from ..search import _word_match
from .common import Page, Where, check_page, paged

_QUOTE_COLUMNS = (
    "q.id, q.article_id, q.quote_id, q.speaker_entity_id, COALESCE(q.speaker_name, se.name), q.role, "
    "q.cue, q.kind, q.text, q.start_offset, q.end_offset, s.name, a.title, a.published, a.language"
)
_QUOTE_FROM = (
    "FROM quotes q JOIN articles a ON a.id = q.article_id "
    "LEFT JOIN entities se ON se.id = q.speaker_entity_id "
    "LEFT JOIN sources s ON s.article_id = q.article_id AND s.source_id = q.source_id"
)
# quotes holding a mention of the entity; driven by the entity's mentions (indexed), not by all quotes
_MENTIONS_INSIDE = (
    "q.id IN (SELECT qi.id FROM mentions qm JOIN quotes qi ON qi.article_id = qm.article_id "
    "AND qm.start_offset >= qi.start_offset AND qm.end_offset <= qi.end_offset WHERE qm.entity_id = ?)"
)


@dataclass(frozen=True, slots=True)
class QuoteRow:
    """One quote; ``start``/``end`` are offsets into its article's original text."""

    id: int
    article_id: int
    quote_id: str
    speaker_id: int | None
    speaker: str | None
    role: str | None
    cue: str | None
    kind: str
    text: str
    start: int
    end: int
    source: str | None  # the source it is attributed through ("за даними WSJ")
    article_title: str | None
    published: str | None
    language: str | None


def list_quotes(
    store,
    *,
    speaker: str | None = None,
    speaker_id: int | None = None,
    about_id: int | None = None,
    source: str | None = None,
    language: str | None = None,
    article_id: int | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
    limit: int = 50,
    offset: int = 0,
    count_total: bool = True,
) -> Page[QuoteRow]:
    """Quotes newest article first, in text order. ``speaker`` matches name words; ``speaker_id``
    the speaker entity; ``about_id`` quotes mentioning that entity; ``source`` its citing source."""
    where = Where()
    if speaker:
        match, values = _word_match("q.speaker_fold", speaker)
        where.add(match, *values)
    if speaker_id is not None:
        where.add("q.speaker_entity_id = ?", int(speaker_id))
    if about_id is not None:
        where.add(_MENTIONS_INSIDE, int(about_id))
    if source:
        match, values = _word_match("s.name_fold", source)
        where.add(match, *values)
    if language:
        where.add("a.language = ?", language)
    if article_id is not None:
        where.add("q.article_id = ?", int(article_id))
    where.dates("a.published", date_from, date_to)
    return paged(
        store, f"SELECT {_QUOTE_COLUMNS} {_QUOTE_FROM}",
        f"SELECT COUNT(*) {_QUOTE_FROM}" if count_total else None, where,
        "ORDER BY a.published DESC NULLS LAST, q.article_id DESC, q.start_offset, q.id",
        limit, offset, lambda row: QuoteRow(*row),
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class SourceSummary:
    name: str  # as first written
    citations: int
    article_count: int
    entity_id: int | None  # the entity it was linked to, if any


def list_sources(store, *, name: str | None = None, limit: int = 50, offset: int = 0) -> Page[SourceSummary]:
    """Cited sources (grouped by their folded name), most cited first."""
    limit, offset = check_page(limit, offset)
    where = Where()
    if name:
        match, values = _word_match("s.name_fold", name)
        where.add(match, *values)
    group = f"FROM sources s {where.sql()} GROUP BY s.name_fold"
    rows = store._read(
        f"SELECT MIN(s.name), COUNT(*), COUNT(DISTINCT s.article_id), MIN(s.entity_id) {group} "
        "ORDER BY COUNT(*) DESC, s.name_fold LIMIT ? OFFSET ?",
        [*where.params, limit, offset],
    )
    total = store._read(f"SELECT COUNT(*) FROM (SELECT s.name_fold {group}) g", where.params)[0][0]
    items = [SourceSummary(str(n), int(c), int(a), e) for n, c, a, e in rows]
    return Page(items, int(total), limit, offset)
