"""Read-side queries over an archive: lists, entity pages, quotes, sources and networks.

Plain parameterised SQL on the shared tables, so SQLite and PostgreSQL give the same results.

>>> from svidok.store import open_store
>>> from svidok.store import queries
>>> with open_store("svidok.db") as store:
...     top = queries.list_entities(store, type="PER", limit=10)
...     page = queries.entity_detail(store, top.items[0].id)
"""

from .analysis import NarrativeCount, event_type_counts, narrative_counts, technique_counts
from .articles import ArticleSummary, article_analysis, article_openings, facet_counts, list_articles
from .common import Count, Page
from .entities import EntityDetail, EntitySummary, entity_detail, get_entity, list_entities
from .network import Edge, co_mentions, quote_edges
from .quotes import QuoteRow, SourceSummary, list_quotes, list_sources
from .stories import OutletFraming, StoryArticle, StoryDetail, StorySummary, list_stories, story_detail

__all__ = [
    "ArticleSummary",
    "Count",
    "Edge",
    "EntityDetail",
    "EntitySummary",
    "NarrativeCount",
    "OutletFraming",
    "Page",
    "QuoteRow",
    "SourceSummary",
    "StoryArticle",
    "StoryDetail",
    "StorySummary",
    "article_analysis",
    "article_openings",
    "co_mentions",
    "entity_detail",
    "event_type_counts",
    "facet_counts",
    "get_entity",
    "list_articles",
    "list_entities",
    "list_quotes",
    "list_sources",
    "list_stories",
    "narrative_counts",
    "quote_edges",
    "story_detail",
    "technique_counts",
]
