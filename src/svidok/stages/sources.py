"""Stage 7: source attributions and their scope (being built)."""

from __future__ import annotations

from ..document import Document
from ..pipeline import stage


@stage("sources", requires=("tokens", "lemmas", "entities", "quotes"), assigns=("sources",))
def sources(doc: Document) -> Document:
    doc.sources = []
    return doc
