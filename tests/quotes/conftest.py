"""Build Documents for the quote and source finders with hand-made entities, so the tests do
not depend on what the entity stages find today."""

from __future__ import annotations

import re

import pytest

import svidok
from svidok.document import Entity, Mention
from svidok.stages.quotes import quotes as quotes_stage
from svidok.stages.sources import sources as sources_stage

_PRE = svidok.load_pipeline(["langid", "normalize", "segment", "morph"])


def build(text: str, entities=(), language: str | None = "uk") -> svidok.Document:
    """Run the pipeline to morphology, add ``entities`` = [(name, type, [surfaces])] or
    [(name, type, [surfaces], kb_id)], then the quote and source stages."""
    doc = _PRE(svidok.Document(text, language=language))
    doc.entities = []
    for n, (name, kind, surfaces, *kb_id) in enumerate(entities, start=1):
        ent = Entity(f"e{n}", name, kind, kb_id=kb_id[0] if kb_id else None)
        for surface in surfaces:
            for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
                ent.mentions.append(Mention(surface, m.start(), m.end(), kind, entity=ent.id))
        doc.entities.append(ent)
    quotes_stage(doc)
    sources_stage(doc)
    return doc


@pytest.fixture(scope="session")
def analyse():
    return build
