"""Stage 6: direct and indirect quotations with speaker, cue and kind (being built)."""

from __future__ import annotations

from ..document import Document
from ..pipeline import stage


@stage("quotes", requires=("tokens", "lemmas", "entities"), assigns=("quotes",))
def quotes(doc: Document) -> Document:
    doc.quotes = []
    return doc
