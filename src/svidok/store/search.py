"""Search requests: validation, and the SQL both backends share (full-text clause aside).

Every value the user gives travels as a bound parameter; the text query is lemmatised into
plain terms (:func:`lemmas.query_terms`) before a backend turns them into its own syntax.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..errors import SvidokError
from .lemmas import query_terms
from .records import fold, resolve_entity_keys

SORTS = ("date", "relevance")
STANCES = ("asserts", "quotes", "refutes")
_CODE = re.compile(r"[A-Za-z][A-Za-z0-9_-]{0,79}")  # event types, narrative ids, technique labels
MAX_LIMIT = 1000


class SearchError(SvidokError):
    """A search request that cannot be run as given."""

    code = "E031"


@dataclass(frozen=True)
class FulltextClause:
    from_sql: str  # joined after "FROM articles a"
    where_sql: str
    score_sql: str  # higher is better
    params: tuple[Any, ...]  # for from_sql then where_sql, in order


@dataclass
class SearchSpec:
    """What to look for. Text filters (entity, speaker, source) match whole words of a name,
    case-insensitively; dates are ISO ``YYYY-MM-DD`` and compared with ``published``'s date."""

    query: str | None = None
    entity: str | None = None
    speaker: str | None = None
    source: str | None = None
    outlet: str | None = None
    language: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    sort: str = "date"
    limit: int = 20
    offset: int = 0
    quoted_about: str | None = None  # articles with a quote that mentions this entity
    event: str | None = None  # event type (MEET, NEGOTIATE …), case-insensitive
    event_actor: str | None = None  # an actor of such an event (of any event without ``event``)
    narrative: str | None = None  # catalogue id (west-provoked-war …)
    stance: str | None = None  # of that narrative (of any narrative without ``narrative``)
    technique: str | None = None  # technique label (loaded_language …)

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise SearchError(f"Unknown sort {self.sort!r}: use one of {', '.join(SORTS)}.")
        if not 0 < int(self.limit) <= MAX_LIMIT:
            raise SearchError(f"limit must be between 1 and {MAX_LIMIT}, not {self.limit}.")
        if int(self.offset) < 0:
            raise SearchError(f"offset must be 0 or more, not {self.offset}.")
        for name in ("query", "entity", "speaker", "source", "outlet", "language", "quoted_about",
                     "event_actor"):  # fmt: skip
            if "\x00" in (getattr(self, name) or ""):  # PostgreSQL refuses NUL in text
                raise SearchError(f"{name} holds a NUL character: no text contains one.")
        self._check_codes()

    def _check_codes(self) -> None:
        for name, example in (("event", "MEET"), ("narrative", "west-provoked-war"),
                              ("technique", "loaded_language")):  # fmt: skip
            value = getattr(self, name)
            if value is not None and not _CODE.fullmatch(str(value)):
                raise SearchError(
                    f"{name} must be an identifier of letters, digits, '_' or '-' (like {example}), "
                    f"not {str(value)[:80]!r}."
                )
        if self.event:
            self.event = self.event.upper()
        if self.stance is not None and self.stance not in STANCES:
            raise SearchError(f"Unknown stance {str(self.stance)[:80]!r}: use one of {', '.join(STANCES)}.")
        for name in ("date_from", "date_to"):
            value = getattr(self, name)
            if value is not None:
                setattr(self, name, _iso_date(name, value))


def _iso_date(name: str, value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise SearchError(f"{name} must be a date as YYYY-MM-DD, not {value!r}.") from None


@dataclass
class BuiltQuery:
    sql: str
    params: list[Any] = field(default_factory=list)


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _word_match(column: str, value: str) -> tuple[str, list[Any]]:
    """``column`` (folded) equals ``value`` or contains it as whole words."""
    folded = _like_escape(fold(value) or "")
    sql = (
        f"({column} = ? OR {column} LIKE ? ESCAPE '\\' OR {column} LIKE ? ESCAPE '\\' "
        f"OR {column} LIKE ? ESCAPE '\\')"
    )
    return sql, [fold(value), f"{folded} %", f"% {folded}", f"% {folded} %"]


def entity_match(value: str, alias: str = "e") -> tuple[str, list[Any]]:
    """SQL true when entity row ``alias`` is ``value``: its key, KB id, name words or a KB name."""
    match, values = _word_match(f"{alias}.name_fold", value)
    keys = resolve_entity_keys(value)
    sql = (
        f"({alias}.key = ? OR {alias}.kb_id = ? OR {match} OR {alias}.key IN ({', '.join('?' * len(keys))}))"
    )
    return sql, [value, value, *values, *keys]


def _entity_filter(value: str, common: bool) -> tuple[str, ...]:
    """Articles mentioning the entity ``value``. A rare entity goes from the matching entities to
    their articles (index mentions_entity_article: costs what it finds, not the archive); a
    common one is tested article by article, newest first, which reaches a page of matches
    sooner than collecting all its articles would."""
    match, values = entity_match(value)
    entities = f"SELECT e.id FROM entities e WHERE {match}"
    if common:
        sql = f"EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.id AND m.entity_id IN ({entities}))"
    else:
        sql = f"a.id IN (SELECT m.article_id FROM mentions m WHERE m.entity_id IN ({entities}))"
    return (sql, *values)


def is_common_entity(read: Callable[..., list[tuple]], spec: SearchSpec) -> bool:
    """True when scanning articles newest first finds ``limit + offset`` mentioning the entity
    before the entity's own article list would be read: its articles² > wanted × archive size
    (stored counts of migration 3; the largest article id stands in for the archive size)."""
    if not spec.entity:
        return False
    match, values = entity_match(spec.entity)
    found = read(f"SELECT COALESCE(SUM(e.article_count), 0) FROM entities e WHERE {match}", values)[0][0]
    size = read("SELECT COALESCE(MAX(id), 0) FROM articles")[0][0]
    return int(found) ** 2 > (int(spec.limit) + int(spec.offset)) * int(size)


def _quoted_about(value: str) -> tuple[str, ...]:
    """Articles holding a quote whose span contains a mention of the entity ``value``."""
    match, values = entity_match(value, "qe")
    sql = (
        "EXISTS (SELECT 1 FROM quotes qa JOIN mentions qm ON qm.article_id = qa.article_id "
        "AND qm.start_offset >= qa.start_offset AND qm.end_offset <= qa.end_offset "
        f"JOIN entities qe ON qe.id = qm.entity_id WHERE qa.article_id = a.id AND {match})"
    )
    return (sql, *values)


def _analysis_filters(spec: SearchSpec, add: Callable[..., None]) -> None:
    """Event, narrative and technique filters (tables of migration 4)."""
    if spec.event or spec.event_actor:
        conditions, values = ["ev.article_id = a.id"], []
        if spec.event:
            conditions.append("ev.type = ?")
            values.append(spec.event)
        if spec.event_actor:
            folded = _like_escape(fold(spec.event_actor) or "")
            keys = [f"kb:{spec.event_actor}", *resolve_entity_keys(spec.event_actor)]  # a KB id, or names
            key_match = " OR ".join("(' ' || ev.actor_keys || ' ') LIKE ? ESCAPE '\\'" for _ in keys)
            conditions.append(f"(ev.actors_fold LIKE ? ESCAPE '\\' OR {key_match})")
            values += [f"%{folded}%", *(f"% {_like_escape(k)} %" for k in keys)]
        add(f"EXISTS (SELECT 1 FROM events ev WHERE {' AND '.join(conditions)})", *values)
    if spec.narrative or spec.stance:
        conditions, values = ["n.article_id = a.id"], []
        for column, value in (("n.narrative", spec.narrative), ("n.stance", spec.stance)):
            if value:
                conditions.append(f"{column} = ?")
                values.append(value)
        add(f"EXISTS (SELECT 1 FROM narratives n WHERE {' AND '.join(conditions)})", *values)
    if spec.technique:
        add("EXISTS (SELECT 1 FROM techniques t WHERE t.article_id = a.id AND t.label = ?)", spec.technique)


def _filters(spec: SearchSpec, common_entity: bool) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []

    def add(sql: str, *values: Any) -> None:
        where.append(sql)
        params.extend(values)

    if spec.entity:
        add(*_entity_filter(spec.entity, common_entity))
    if spec.speaker:
        match, values = _word_match("q.speaker_fold", spec.speaker)
        keys = resolve_entity_keys(spec.speaker)
        add(
            f"EXISTS (SELECT 1 FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_entity_id "
            f"WHERE q.article_id = a.id AND ({match} OR e.key IN ({', '.join('?' * len(keys))})))",
            *values, *keys,
        )  # fmt: skip
    if spec.quoted_about:
        add(*_quoted_about(spec.quoted_about))
    if spec.source:
        match, values = _word_match("s.name_fold", spec.source)
        add(f"EXISTS (SELECT 1 FROM sources s WHERE s.article_id = a.id AND {match})", *values)
    _analysis_filters(spec, add)
    if spec.outlet:
        add("a.outlet_fold = ?", fold(spec.outlet))
    if spec.language:
        add("a.language = ?", spec.language)
    if spec.date_from:
        add("substr(a.published, 1, 10) >= ?", spec.date_from)
    if spec.date_to:
        add("substr(a.published, 1, 10) <= ?", spec.date_to)
    return where, params


def build(
    spec: SearchSpec, fulltext: Callable[[list[frozenset[str]]], FulltextClause], common_entity: bool = False
) -> BuiltQuery | None:
    """The SELECT for ``spec``; None when the query has words but none that can be searched.
    ``common_entity``: see :func:`is_common_entity`."""
    from_sql, score_sql = "", "NULL"
    where, params = _filters(spec, common_entity)
    head_params: list[Any] = []
    if spec.query is not None and spec.query.strip():
        terms = query_terms(spec.query, spec.language)
        if not terms:
            return None
        clause = fulltext(terms)
        from_sql, score_sql = clause.from_sql, clause.score_sql
        where.insert(0, clause.where_sql)
        head_params = list(clause.params)
    order = "a.published DESC NULLS LAST, a.id DESC"
    if spec.sort == "relevance" and score_sql != "NULL":
        order = f"score DESC, {order}"
    sql = (
        "SELECT a.id, a.external_id, a.url, a.title, a.published, a.outlet, a.language, "
        f"{score_sql} AS score FROM articles a {from_sql} "
        f"{'WHERE ' + ' AND '.join(where) if where else ''} "
        f"ORDER BY {order} LIMIT ? OFFSET ?"
    )
    return BuiltQuery(sql, head_params + params + [int(spec.limit), int(spec.offset)])
