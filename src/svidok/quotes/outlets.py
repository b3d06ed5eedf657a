"""News outlets in the text, and who cites and who speaks.

An outlet is a name the knowledge base flags as ``media``, or one the article introduces with an
outlet noun ("видання «Вголос»", "телеканал Z"; language data ``outlet_nouns``). A bare outlet
noun or a neuter pronoun refers back to the last outlet named ("Видання пише, що …", "Издание
отмечает", "Оно утверждает"). ``за даними X`` / ``за інформацією X`` cite X as a source when X
is an outlet, an agency or a document, and quote X when X is a person or a company.
"""

from __future__ import annotations

from ..kb import load_kb
from .context import Context, NameSpan
from .lexicon import lemmas

OUTLET_SENTENCES = 10  # a story keeps calling the outlet it retells "видання" for long
_PEOPLE = ("PER", "PERS")


def is_outlet(ctx: Context, span: NameSpan) -> bool:
    """A news outlet: flagged ``media`` in the knowledge base, or any of its mentions in the text
    introduced by an outlet noun ("видання «Вголос»")."""
    if span.type in _PEOPLE:
        return False
    entry = _kb_entry(span)
    if entry is not None and entry.media:
        return True
    return any(
        _introduced_by(ctx, other, ctx.lex(other.first).outlet_nouns) for other in _same_name(ctx, span)
    )


def speaks_for_itself(ctx: Context, span: NameSpan) -> bool:
    """A person, or a company (flagged ``company`` in the knowledge base, or named as one in the
    text: "ТОВ «Еста Холдинг»", "компанія DOGUS"): quoted, not cited, by "за даними X". Agencies
    and other bodies are sources there, as the annotation guideline has it ("за даними Генштабу")."""
    if span.type in _PEOPLE:
        return True
    if span.type != "ORG" or is_outlet(ctx, span):
        return False
    entry = _kb_entry(span)
    if entry is not None and entry.company:
        return True
    lex = ctx.lex(span.first)
    companies = lex.company_nouns | lex.company_markers
    return any(
        _introduced_by(ctx, other, companies) or ctx.tokens[other.first].norm.lower() in lex.company_markers
        for other in _same_name(ctx, span)
    )


def _kb_entry(span: NameSpan):
    """The knowledge-base entry the name is linked to, if any."""
    entity = span.entity
    return load_kb().by_id.get(entity.kb_id) if entity is not None and entity.kb_id else None


def _same_name(ctx: Context, span: NameSpan) -> list[NameSpan]:
    if span.entity is None:
        return [span]
    return [other for other in ctx.names if other.entity is span.entity]


def _introduced_by(ctx: Context, span: NameSpan, nouns: frozenset[str]) -> bool:
    """The word before the name (past an opening quote mark) is one of ``nouns``."""
    k = span.first - 1
    if k >= 0 and ctx.tokens[k].norm == "«":
        k -= 1
    return k >= 0 and bool(lemmas(ctx.tokens[k]) & nouns)


def outlet_noun(ctx: Context, i: int) -> bool:
    """ "Видання", "Издание", "газета": a noun that names an outlet without its name."""
    return bool(lemmas(ctx.tokens[i]) & ctx.lex(i).outlet_nouns)


def last_outlet(ctx: Context, i: int, sentences: int = OUTLET_SENTENCES) -> NameSpan | None:
    """The outlet named last before token ``i``, within a few sentences."""
    for span in reversed(ctx.names):
        if span.last >= i:
            continue
        if ctx.tokens[i].sent - ctx.tokens[span.last].sent > sentences:
            return None
        if is_outlet(ctx, span):
            return span
    return None
