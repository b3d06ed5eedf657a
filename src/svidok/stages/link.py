"""Stage 5c: cluster mentions into entities and link them to the knowledge base (being built)."""

from __future__ import annotations

from ..document import Document
from ..pipeline import stage


@stage("link", requires=("mentions",), assigns=("entities",))
def link(doc: Document) -> Document:
    doc.entities = []
    return doc
