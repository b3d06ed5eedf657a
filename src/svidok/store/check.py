"""Integrity checks of an archive: is what ``svidok ingest`` left behind whole and consistent?

>>> from svidok.store import open_store
>>> from svidok.store.check import check_archive
>>> with open_store("svidok.db") as store:
...     report = check_archive(store)
>>> report.ok, [c.name for c in report.checks if not c.ok]

Each check returns a list of problems (plain sentences); an empty list means it passed. The
checks only read, except SQLite's FTS5 'integrity-check' command, which is issued inside a
write transaction (it changes nothing) because FTS5 commands are INSERT statements.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from . import migrations
from .base import Store

MAX_LISTED = 50  # problems listed per check; the rest are counted
_BATCH = 200  # articles read at a time, so a large archive is never held in memory whole
_SPAN_TABLES = {
    "mentions": "SELECT id, start_offset, end_offset, text FROM mentions WHERE article_id = ?",
    "quotes": "SELECT id, start_offset, end_offset, text FROM quotes WHERE article_id = ?",
}
# Child tables and the parent each foreign key points to: (table, column, parent table).
_FOREIGN_KEYS = [
    ("ingest_history", "article_id", "articles"),
    ("mentions", "article_id", "articles"),
    ("mentions", "entity_id", "entities"),
    ("quotes", "article_id", "articles"),
    ("quotes", "speaker_entity_id", "entities"),
    ("sources", "article_id", "articles"),
    ("sources", "entity_id", "entities"),
    ("events", "article_id", "articles"),
    ("narratives", "article_id", "articles"),
    ("techniques", "article_id", "articles"),
    ("story_articles", "article_id", "articles"),
    ("story_articles", "story_id", "stories"),
]


@dataclass(slots=True)
class CheckResult:
    name: str
    description: str
    problems: list[str] = field(default_factory=list)
    more: int = 0  # problems found beyond MAX_LISTED

    @property
    def ok(self) -> bool:
        return not self.problems

    def add(self, problem: str) -> None:
        if len(self.problems) < MAX_LISTED:
            self.problems.append(problem)
        else:
            self.more += 1


@dataclass(slots=True)
class CheckReport:
    location: str
    dialect: str
    articles: int
    checks: list[CheckResult]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    def to_dict(self) -> dict[str, Any]:
        return {
            "archive": self.location,
            "backend": self.dialect,
            "articles": self.articles,
            "ok": self.ok,
            "checks": [
                {"name": c.name, "description": c.description, "ok": c.ok,
                 "problems": c.problems, "more_problems": c.more}
                for c in self.checks
            ],
        }  # fmt: skip


def check_archive(store: Store) -> CheckReport:
    """Run every check on ``store``; a check that itself fails is reported, not raised."""
    results = []
    for name, description, run_check in _CHECKS:
        result = CheckResult(name, description)
        try:
            run_check(store, result)
        except store.database_errors as exc:
            result.add(f"the check could not run: {type(exc).__name__}: {exc}")
        results.append(result)
    return CheckReport(store.location, store.dialect, _count(store), results)


def _count(store: Store) -> int:
    try:
        return store.count()
    except store.database_errors:
        return -1


# -- the checks ------------------------------------------------------------------------------
def check_schema(store: Store, result: CheckResult) -> None:
    version = store.schema_version
    if version != migrations.LATEST:
        result.add(f"schema version {version}, this svidok expects {migrations.LATEST}")


def check_database(store: Store, result: CheckResult) -> None:
    """The engine's own structural check (SQLite); the foreign keys on both backends."""
    if store.dialect == "sqlite":
        for (message,) in store._read("PRAGMA integrity_check"):
            if message != "ok":
                result.add(f"integrity_check: {message}")
        for table, rowid, parent, _ in store._read("PRAGMA foreign_key_check"):
            result.add(f"{table} row {rowid} points to a missing {parent} row")
        return
    for table, column, parent in _FOREIGN_KEYS:  # PostgreSQL enforces them; check anyway
        rows = store._read(
            f"SELECT c.id FROM {table} c LEFT JOIN {parent} p ON p.id = c.{column} "
            f"WHERE c.{column} IS NOT NULL AND p.id IS NULL ORDER BY c.id"
        )
        for (child_id,) in rows:
            result.add(f"{table} row {child_id} points to a missing {parent} row ({column})")


def check_fulltext(store: Store, result: CheckResult) -> None:
    """The full-text index agrees with the articles' lemma text."""
    if store.dialect == "sqlite":
        try:  # rank 1: compare the index with the external content table, row by row
            with store._transaction() as run:
                run("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)", ())
        except store.database_errors as exc:
            result.add(f"the FTS5 index is out of sync with the articles: {exc}")
        return
    rows = store._read("SELECT id FROM articles WHERE lemma_tsv IS NULL ORDER BY id")
    for (article_id,) in rows:
        result.add(f"article {article_id} has no search vector (lemma_tsv is NULL)")


def check_analyses(store: Store, result: CheckResult) -> None:
    """Every article has a parseable analysis of its own text that passes the output contract."""
    from jsonschema import ValidationError

    import svidok

    for article_id, text, analysis in _articles(store):
        if analysis is None:
            result.add(f"article {article_id} has no readable analysis")
            continue
        if analysis.get("text") != text:
            result.add(f"article {article_id}: the stored analysis is of another text")
            continue
        try:
            svidok.validate(analysis)
        except (ValidationError, ValueError, KeyError, TypeError) as exc:  # schema or offsets
            result.add(f"article {article_id}: analysis fails the contract: {_first_line(exc)}")


def check_spans(store: Store, result: CheckResult) -> None:
    """Every stored span row points at its own text: text[start:end] == span text."""
    for article_id, text, _ in _articles(store):
        for table, sql in _SPAN_TABLES.items():
            for row_id, start, end, span_text in store._read(sql, (article_id,)):
                if not _span_ok(text, start, end, span_text):
                    result.add(
                        f"{table} row {row_id} (article {article_id}): text[{start}:{end}] is "
                        f"{_excerpt(text, start, end)}, not {span_text!r}"
                    )
        rows = store._read(
            "SELECT id, start_offset, end_offset FROM sources WHERE article_id = ?", (article_id,)
        )
        for row_id, start, end in rows:
            if not 0 <= start < end <= len(text):
                result.add(
                    f"sources row {row_id} (article {article_id}): [{start}:{end}] is outside the text"
                )


def check_completeness(store: Store, result: CheckResult) -> None:
    """Every article's rows are all there: as many of each (mentions, quotes …) as its analysis."""
    for article_id, _, analysis in _articles(store):
        if analysis is None:
            continue  # reported by check_analyses
        expected = expected_row_counts(analysis)
        for table, count in expected.items():
            stored = store._read(f"SELECT COUNT(*) FROM {table} WHERE article_id = ?", (article_id,))[0][0]
            if stored != count:
                result.add(f"article {article_id}: {stored} {table} stored, its analysis has {count}")
        history = store._read("SELECT COUNT(*) FROM ingest_history WHERE article_id = ?", (article_id,))
        if history[0][0] == 0:
            result.add(f"article {article_id} has no ingest history")


def check_entity_counts(store: Store, result: CheckResult) -> None:
    """Each entity's stored mention and article counts (migration 3) equal a recount."""
    rows = store._read(
        "SELECT e.id, e.mention_count, e.article_count, COUNT(m.id), COUNT(DISTINCT m.article_id) "
        "FROM entities e LEFT JOIN mentions m ON m.entity_id = e.id "
        "GROUP BY e.id, e.mention_count, e.article_count "
        "HAVING e.mention_count != COUNT(m.id) OR e.article_count != COUNT(DISTINCT m.article_id) ORDER BY e.id"
    )
    for entity_id, mentions, articles, counted, counted_articles in rows:
        result.add(
            f"entity {entity_id}: stored {mentions} mentions in {articles} articles, "
            f"the archive holds {counted} in {counted_articles}"
        )


def check_stories(store: Store, result: CheckResult) -> None:
    """Each story's stored article count and date span equal its members; no story is empty."""
    rows = store._read(
        "SELECT s.id, s.article_count, s.first_day, s.last_day, COUNT(m.id), MIN(m.day), MAX(m.day) "
        "FROM stories s LEFT JOIN story_articles m ON m.story_id = s.id "
        "GROUP BY s.id, s.article_count, s.first_day, s.last_day ORDER BY s.id"
    )
    for story_id, count, first, last, counted, first_member, last_member in rows:
        if counted == 0:
            result.add(f"story {story_id} has no articles")
        elif (count, first, last) != (counted, first_member, last_member):
            result.add(
                f"story {story_id}: stored {count} articles {first}..{last}, "
                f"its members are {counted} articles {first_member}..{last_member}"
            )


def expected_row_counts(analysis: dict[str, Any]) -> dict[str, int]:
    """How many mentions, quotes, sources, events, narratives and techniques rows ``Store.put``
    writes for this analysis."""
    mentions = sum(
        len({(m["start"], m["end"], m["text"]) for m in entity.get("mentions", [])})
        for entity in analysis.get("entities", [])
    )
    return {
        "mentions": mentions,
        "quotes": len(analysis.get("quotes", [])),
        "sources": len(analysis.get("sources", [])),
        "events": len(analysis.get("events") or []),
        "narratives": len(analysis.get("narratives") or []),
        "techniques": len(analysis.get("techniques") or []),
    }


_CHECKS: list[tuple[str, str, Callable[[Store, CheckResult], None]]] = [
    ("schema", "schema version matches this svidok", check_schema),
    ("database", "database integrity and foreign keys", check_database),
    ("fulltext", "full-text index in sync with the articles", check_fulltext),
    ("analyses", "every article has a valid analysis of its text", check_analyses),
    ("spans", "stored spans match the article text", check_spans),
    ("completeness", "every article has all its rows", check_completeness),
    ("entity_counts", "stored entity counts match the mentions", check_entity_counts),
    ("stories", "stored story counts and dates match their articles", check_stories),
]


# -- helpers ---------------------------------------------------------------------------------
def _articles(store: Store) -> Iterator[tuple[int, str, dict[str, Any] | None]]:
    """(id, text, analysis or None when unreadable) for every article, a batch at a time."""
    last = -1
    while True:
        rows = store._read(
            "SELECT id, text, analysis FROM articles WHERE id > ? ORDER BY id LIMIT ?", (last, _BATCH)
        )
        if not rows:
            return
        for article_id, text, raw in rows:
            yield article_id, text, _parse_analysis(store, raw)
        last = rows[-1][0]


def _parse_analysis(store: Store, raw: Any) -> dict[str, Any] | None:
    try:
        value = store._load_json(raw)
    except (TypeError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def _span_ok(text: str, start: int, end: int, span_text: str) -> bool:
    return 0 <= start <= end <= len(text) and text[start:end] == span_text


def _excerpt(text: str, start: int, end: int) -> str:
    if not 0 <= start <= end <= len(text):
        return f"outside the text (length {len(text)})"
    return repr(text[start:end][:60])


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0][:200] if str(exc).strip() else type(exc).__name__
