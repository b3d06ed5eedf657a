"""Stage 8: event frames stated by the text (see :mod:`svidok.events`)."""

from __future__ import annotations

from ..document import Document
from ..events import find_events
from ..pipeline import stage


@stage("events", requires=("tokens", "lemmas", "entities", "quotes", "sources"), assigns=("events",))
def events(doc: Document) -> Document:
    doc.events = find_events(doc)
    return doc
