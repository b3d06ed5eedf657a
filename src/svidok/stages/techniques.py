"""Stage 8: manipulation techniques (UNLP 2025) and manipulative spans, for uk and ru documents.

The model (``svidok.techniques``) was trained on Telegram posts, so it reads the document as
one post. Documents in other languages get empty lists: the model has seen no such text.
"""

from __future__ import annotations

from ..document import Document, ManipulativeSpan, Technique
from ..pipeline import stage
from ..techniques.model import load_model

TECHNIQUE_LANGS = frozenset({"uk", "ru"})


def _document_language(doc: Document) -> str | None:
    """The document's language, else the language of most of its paragraphs."""
    if doc.language:
        return doc.language
    sizes: dict[str, int] = {}
    for para in doc.paragraphs:
        if para.language:
            sizes[para.language] = sizes.get(para.language, 0) + para.end - para.start
    return max(sizes, key=sizes.get) if sizes else None


@stage("techniques", requires=("language",), assigns=("techniques", "technique_scores", "manipulative_spans"))
def techniques(doc: Document) -> Document:
    doc.techniques, doc.technique_scores, doc.manipulative_spans = [], {}, []
    if _document_language(doc) not in TECHNIQUE_LANGS or not doc.text.strip():
        return doc
    prediction = load_model().predict(doc.text)
    doc.technique_scores = {label: round(score, 4) for label, score in prediction.scores.items()}
    doc.techniques = sorted(
        (Technique(label, doc.technique_scores[label]) for label in prediction.labels), key=lambda t: -t.score
    )
    doc.manipulative_spans = [ManipulativeSpan(doc.text[s:e], s, e) for s, e in prediction.spans]
    return doc
