"""Stories: the list (newest first), and one story's articles, timeline and per-outlet framing
(which narratives each outlet carried, with what stance, and whose quotes)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from .common import Count, Page, Where, paged

UNKNOWN_OUTLET = "(unknown outlet)"
TOP_SPEAKERS = 8


@dataclass(frozen=True, slots=True)
class StorySummary:
    id: int
    title: str | None
    first_day: str
    last_day: str
    article_count: int
    outlets: list[str] = field(default_factory=list)  # most articles first
    languages: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class StoryArticle:
    id: int
    title: str | None
    url: str | None
    published: str | None
    day: str  # the day clustering used: published, else ingested
    outlet: str | None
    language: str | None
    similarity: float  # score with which it joined (1.0: it started the story)
    duplicate_of: int | None  # the article of the story it nearly duplicates


@dataclass(frozen=True, slots=True)
class NarrativeStance:
    narrative: str
    title: str | None
    stance: str
    articles: int


@dataclass(frozen=True, slots=True)
class OutletFraming:
    """How one outlet told the story: its articles, narratives by stance, top quoted speakers."""

    outlet: str
    article_ids: list[int]
    languages: list[str]
    narratives: list[NarrativeStance]
    speakers: list[Count]


@dataclass(frozen=True, slots=True)
class StoryDetail:
    story: StorySummary
    articles: list[StoryArticle]  # in timeline order
    per_day: list[tuple[str, str, int]]  # (day, outlet, articles)
    framing: list[OutletFraming]


_STORY_COLUMNS = "s.id, s.title, s.first_day, s.last_day, s.article_count"


def list_stories(
    store, *, min_articles: int = 1, date_from: str | None = None, date_to: str | None = None,
    limit: int = 20, offset: int = 0,
) -> Page[StorySummary]:  # fmt: skip
    """Stories with at least ``min_articles`` articles, latest first (then the largest)."""
    where = Where()
    where.add("s.article_count >= ?", int(min_articles))
    where.dates("s.last_day", date_from, None)
    where.dates("s.first_day", None, date_to)
    page = paged(
        store, f"SELECT {_STORY_COLUMNS} FROM stories s", "SELECT COUNT(*) FROM stories s", where,
        "ORDER BY s.last_day DESC, s.article_count DESC, s.id DESC", limit, offset, tuple,
    )  # fmt: skip
    return Page(_with_outlets(store, page.items), page.total, page.limit, page.offset)


def _with_outlets(store, rows: list[tuple]) -> list[StorySummary]:
    if not rows:
        return []
    marks = ", ".join("?" * len(rows))
    outlets: dict[int, Counter] = defaultdict(Counter)
    languages: dict[int, Counter] = defaultdict(Counter)
    for story_id, outlet, language in store._read(
        f"SELECT s.story_id, a.outlet, a.language FROM story_articles s JOIN articles a ON a.id = s.article_id "
        f"WHERE s.story_id IN ({marks})",
        [row[0] for row in rows],
    ):
        outlets[story_id][outlet or UNKNOWN_OUTLET] += 1
        if language:
            languages[story_id][language] += 1
    return [
        StorySummary(int(i), title, first, last, int(n), _commonest(outlets[i]), _commonest(languages[i]))
        for i, title, first, last, n in rows
    ]


def _commonest(counter: Counter) -> list[str]:
    return [value for value, _ in sorted(counter.items(), key=lambda item: (-item[1], item[0]))]


def story_detail(store, story_id: int) -> StoryDetail | None:
    """One story with its timeline and framing; None when there is no such story."""
    rows = store._read(f"SELECT {_STORY_COLUMNS} FROM stories s WHERE s.id = ?", (int(story_id),))
    if not rows:
        return None
    story = _with_outlets(store, rows)[0]
    articles = [
        StoryArticle(int(r[0]), *r[1:7], float(r[7]), r[8])
        for r in store._read(
            "SELECT a.id, a.title, a.url, a.published, s.day, a.outlet, a.language, s.similarity, s.duplicate_of "
            "FROM story_articles s JOIN articles a ON a.id = s.article_id WHERE s.story_id = ? "
            "ORDER BY s.day, a.published, a.id",
            (int(story_id),),
        )
    ]  # fmt: skip
    per_day = Counter((a.day, a.outlet or UNKNOWN_OUTLET) for a in articles)
    return StoryDetail(
        story, articles, sorted((d, o, n) for (d, o), n in per_day.items()), _framing(store, articles)
    )


def _framing(store, articles: list[StoryArticle]) -> list[OutletFraming]:
    by_outlet: dict[str, list[StoryArticle]] = defaultdict(list)
    for article in articles:
        by_outlet[article.outlet or UNKNOWN_OUTLET].append(article)
    outlet_of = {a.id: a.outlet or UNKNOWN_OUTLET for a in articles}
    marks, ids = ", ".join("?" * len(articles)), [a.id for a in articles]
    narratives: dict[str, Counter] = defaultdict(Counter)
    for article_id, narrative, title, stance in store._read(
        f"SELECT DISTINCT article_id, narrative, title, stance FROM narratives WHERE article_id IN ({marks})",
        ids,
    ):
        narratives[outlet_of[article_id]][(narrative, title, stance)] += 1
    speakers: dict[str, Counter] = defaultdict(Counter)
    for article_id, name in store._read(
        "SELECT q.article_id, COALESCE(e.name, q.speaker_name) FROM quotes q "
        f"LEFT JOIN entities e ON e.id = q.speaker_entity_id WHERE q.article_id IN ({marks})",
        ids,
    ):
        if name:
            speakers[outlet_of[article_id]][name] += 1
    framing = []
    for outlet, items in sorted(by_outlet.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        stances = sorted(narratives[outlet].items(), key=lambda kv: (-kv[1], kv[0]))
        framing.append(OutletFraming(
            outlet, [a.id for a in items], sorted({a.language for a in items if a.language}),
            [NarrativeStance(n, t, s, c) for (n, t, s), c in stances],
            [Count(name, n) for name, n in sorted(speakers[outlet].items(), key=lambda kv: (-kv[1], kv[0]))][:TOP_SPEAKERS],
        ))  # fmt: skip
    return framing
