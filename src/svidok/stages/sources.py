"""Stage 7: source attributions, their scope, and the source each quote reached the article by.

Cues and scope rules live in :mod:`svidok.quotes.attribution`. A quote's ``source`` is the
attribution with the narrowest scope that contains it, giving chains such as
article -> WSJ -> Кіріл Дмітрієв.
"""

from __future__ import annotations

from ..document import Document, Quote, Source
from ..pipeline import stage
from ..quotes.attribution import find_attributions, scopes
from ..quotes.context import release_context, shared_context


def find_sources(doc: Document) -> list[Source]:
    if not doc.tokens:
        return []
    ctx = shared_context(doc)
    found = find_attributions(ctx)
    result = []
    for n, (att, (start, end)) in enumerate(zip(found, scopes(ctx, found)), start=1):
        mention = doc.span(ctx.tokens[att.first].start, ctx.tokens[att.last].end)
        cue, cue_start, cue_end = ctx.text(*att.cue)
        entity = att.entity.id if att.entity is not None else None
        result.append(Source(f"s{n}", att.name, mention, entity, cue, cue_start, cue_end, start, end))
    return result


def assign_sources(quotes: list[Quote], sources: list[Source]) -> None:
    """Each quote's source: the narrowest scope holding the quote's start."""
    for quote in quotes:
        holding = [
            s for s in sources if s.scope_start is not None and s.scope_start <= quote.start < s.scope_end
        ]
        best = min(holding, key=lambda s: s.scope_end - s.scope_start, default=None)
        quote.source = best.id if best is not None else None


@stage("sources", requires=("tokens", "lemmas", "entities", "quotes"), assigns=("sources",))
def sources(doc: Document) -> Document:
    doc.sources = find_sources(doc)
    release_context(doc)  # the last stage that reads it
    assign_sources(doc.quotes, doc.sources)
    return doc
