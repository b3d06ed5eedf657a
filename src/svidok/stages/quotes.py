"""Stage 6: direct and indirect quotations with speaker, role, cue and kind.

Cue clauses come first (``заявив, що …``, ``за словами X, …``, ``згадав про «…»``); the
quotation-mark spans they leave become quotes only with an attribution beside them, a label,
or as a paragraph-long continuation (see :mod:`svidok.quotes.direct`). Speakers come from
:mod:`svidok.quotes.speakers`; no speaker is ever invented.

Decisions:

* ``kind`` is "direct" when the quote is exactly the words between quotation marks (``text``
  excludes the marks); a reported clause is "indirect", and keeps any quoted fragments it
  contains with their marks (``заявив, що «…» у відносинах … і є лише «…»``).
* A quoted phrase is speech only when a cue governs it. ``просувають тезу про «…»`` is a
  reported claim (speaker null, ``speaker_role`` the group, e.g. "російські ЗМІ"); a quoted
  title or scare quote with no cue (``вважає котів «милими»``) is not a quote.
* A group voice (``Аналітики вважають``, ``Представники рф натякають``, ``Військова
  прокуратура стверджувала``) has ``speaker`` null and the phrase in ``speaker_role``.
"""

from __future__ import annotations

from ..document import Document, Quote
from ..pipeline import stage
from ..quotes.anaphoric import with_backward_quotes
from ..quotes.clauses import Found, cue_quotes
from ..quotes.context import Context, fresh_context
from ..quotes.direct import (
    carried_subjects,
    cited_speakers,
    continue_speakers,
    dash_lines,
    label_lines,
    marked_quotes,
)
from ..quotes.headlines import colon_lines, headline_quotes


def find_quotes(doc: Document) -> list[Quote]:
    """All quotes in ``doc`` (tokens, lemmas and entities must be set), in text order."""
    if not doc.tokens:
        return []
    ctx = fresh_context(doc)
    found = cue_quotes(ctx)
    found += headline_quotes(ctx, {i for f in found for i in range(f.first, f.last + 1)})
    found += marked_quotes(ctx)
    found = with_backward_quotes(ctx, found)
    claimed = {i for f in found for i in range(f.first, f.last + 1)}
    found += dash_lines(ctx, claimed)
    claimed = {i for f in found for i in range(f.first, f.last + 1)}
    found += label_lines(ctx, claimed)
    claimed = {i for f in found for i in range(f.first, f.last + 1)}
    found += colon_lines(ctx, claimed)
    continue_speakers(found, ctx)
    carried_subjects(found, ctx)
    cited_speakers(found, ctx)
    found.sort(key=lambda f: (f.first, f.last))
    return [_to_quote(ctx, f, n) for n, f in enumerate(_distinct(found), start=1)]


def _distinct(found: list[Found]) -> list[Found]:
    """Drop a quote lying inside another one already kept (a nested mark inside a clause)."""
    kept: list[Found] = []
    for f in found:
        if any(k.first <= f.first and f.last <= k.last for k in kept):
            continue
        kept.append(f)
    return kept


def _to_quote(ctx: Context, f: Found, n: int) -> Quote:
    text, start, end = ctx.text(f.first, f.last)
    quote = Quote(f"q{n}", text, start, end, f.kind)
    quote.speaker = f.speaker.entity.id if f.speaker.entity is not None else None
    quote.speaker_name = f.speaker.name
    quote.speaker_role = f.speaker.role
    if f.cue is not None:
        quote.cue, quote.cue_start, quote.cue_end = ctx.text(*f.cue)
    return quote


@stage("quotes", requires=("tokens", "lemmas", "entities"), assigns=("quotes",))
def quotes(doc: Document) -> Document:
    doc.quotes = find_quotes(doc)
    return doc
