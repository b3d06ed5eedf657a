"""Stage 5b: entity mentions from model output, gazetteers and morphology (being built)."""

from __future__ import annotations

from ..document import Document
from ..pipeline import stage


@stage("ner", requires=("tokens", "lemmas", "model_mentions"), assigns=("mentions",))
def ner(doc: Document) -> Document:
    doc.mentions = list(doc.model_mentions)
    return doc
