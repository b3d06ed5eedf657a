"""Stage 5a: statistical NER over tokens (being built: see issue 3). Adds ``model_mentions``."""

from __future__ import annotations

from ..document import Document
from ..pipeline import stage


@stage("ner_model", requires=("tokens", "lemmas"), assigns=("model_mentions",))
def ner_model(doc: Document) -> Document:
    doc.model_mentions = []
    return doc
