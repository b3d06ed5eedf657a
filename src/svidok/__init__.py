"""svidok: turn news articles into structured, searchable evidence.

>>> import svidok
>>> doc = svidok.analyze("Президент Володимир Зеленський заявив, що ...")
>>> svidok.to_dict(doc)["entities"]
"""

from __future__ import annotations

import logging

__version__ = "0.1.0"

from .document import Document, Entity, Mention, Quote, Source, Span, Token
from .output import to_dict, to_json, validate
from .pipeline import DEFAULT_ORDER, Pipeline

__all__ = [
    "DEFAULT_ORDER",
    "Document",
    "Entity",
    "Mention",
    "Pipeline",
    "Quote",
    "Source",
    "Span",
    "Token",
    "analyze",
    "load_pipeline",
    "to_dict",
    "to_json",
    "validate",
]

logging.getLogger(__name__).addHandler(logging.NullHandler())

_default_pipeline: Pipeline | None = None


def load_pipeline(names=DEFAULT_ORDER, *, exclude=()) -> Pipeline:
    """Build a pipeline; the stage order is checked here, before any text is read."""
    return Pipeline(names, exclude=exclude)


def analyze(text: str | Document, **meta) -> Document:
    """Analyse one article. ``meta`` may give id, title, url, published, outlet, author, language."""
    global _default_pipeline
    if _default_pipeline is None:
        _default_pipeline = load_pipeline()
    doc = text if isinstance(text, Document) else Document(text=text, **meta)
    return _default_pipeline(doc)
