"""Bodies and their units as speakers, named as the text names them: "прес-служба МОЗ" (from "У
прес-службі МОЗ зазначили"), "обласна прокуратура" ("в обласній прокуратурі заявили"), "Медіа
центр РНБО", "Київське відділення АМКУ" ("Київське відділення комітету" after the committee's
name). The unit's words turn to the nominative and its parent stays as written; the speaker's
entity is the parent's, where the text names it. Unit and body nouns are language data
(``unit_nouns``, ``collectives`` in roles.yaml)."""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Entity, Token
from ..names.nominative import word_nominative
from .context import Context, NameSpan
from .lexicon import CLAUSE_BREAKS, SENTENCE_END, has_case, is_word, lemmas

_MAX_COMPLEMENT = 6  # "управління патрульної поліції в Києві", "відділ … при РНБО"
_LINKS = frozenset({"при", "в", "у", "по", "з", "із", "at", "of"})
_AND = frozenset({"та", "і", "й", "и", "and"})


@dataclass
class Body:
    name: str
    entity: Entity | None  # the body itself, or the parent a unit belongs to
    first: int  # the phrase's tokens, inclusive
    last: int


def body_at(ctx: Context, first: int, stop: int) -> Body | None:
    """The body or unit a phrase starting at token ``first`` names ([adjectives] noun
    [complement]), short of ``stop``; None when its head is no body or unit noun."""
    head = first
    while head < stop and ctx.tokens[head].pos == "ADJF" or head + 1 < stop and _title_before_unit(ctx, head):
        head += 1
    if head >= stop:
        return None
    lex = ctx.lex(head)
    found = lemmas(ctx.tokens[head])
    unit = bool(found & lex.unit_nouns)
    body = found & (lex.collectives | lex.org_heads - lex.company_nouns)  # "у зерновій асоціації"
    if not unit and not body or any(p.number == "plur" for p in ctx.tokens[head].parses[:1]):
        return None
    last, parent = _complement(ctx, head, stop)
    if first == head == last:  # "у поліції", "в міністерстві": the body named before, if any
        if unit:
            return None  # "у відділі": a unit of nobody named
        from .bodies import named_body

        body = named_body(ctx, head)
        if body is not None:
            return Body(body.name, body.entity, first, last)
    words = " ".join(_nominative(ctx, k, head) for k in range(first, head + 1))
    tail = _parent_text(ctx, head, last, parent)
    return Body(f"{words} {tail}".strip(), parent.entity if parent is not None else None, first, last)


def _title_before_unit(ctx: Context, k: int) -> bool:
    """ "Медіа центр": a capitalised word opening a unit's name before its noun."""
    nxt = ctx.tokens[k + 1]
    return ctx.tokens[k].is_title and bool(lemmas(nxt) & ctx.lex(k + 1).unit_nouns)


def _complement(ctx: Context, head: int, stop: int) -> tuple[int, NameSpan | None]:
    """The last token of the complement after ``head`` (genitives, names, and phrases after a
    link word: "по боротьбі з економічними злочинами") and the body it names."""
    last, parent, k, linked = head, None, head + 1, False
    while k < stop and k - head <= _MAX_COMPLEMENT:
        token = ctx.tokens[k]
        span = ctx.name_at.get(k)
        if span is not None and span.first == k and span.type in ("ORG", "LOC") and span.last < stop:
            last, k, linked = span.last, span.last + 1, False
            parent = parent or (span if span.type == "ORG" else None)
            continue
        nxt = ctx.tokens[k + 1] if k + 1 < stop else None
        if (
            token.norm.lower() in _LINKS
            and nxt is not None
            and (k + 1 in ctx.name_at or nxt.pos in ("NOUN", "ADJF"))
        ):
            k, linked = k + 1, True  # "при РНБО", "в Києві", "по боротьбі"
            continue
        if token.norm.lower() in _AND and last > head and nxt is not None and _genitive(nxt):
            k += 1  # "управління молоді та спорту"
            continue
        if not is_word(token) or token.norm in CLAUSE_BREAKS or token.norm[:1].isdigit():
            break
        if not (_genitive(token) or linked and token.pos in ("NOUN", "ADJF")):
            break
        if parent is None and lemmas(token) & ctx.lex(k).collectives:
            from .bodies import named_body  # "відділення комітету" after "Антимонопольний комітет"

            parent = named_body(ctx, k)
        last, k, linked = k, k + 1, linked and token.pos != "NOUN"
        if token.text.isupper() and len(token.text) > 1:
            break  # "Медіа центр РНБО": the parent's abbreviation ends the name
    return last, parent


def _genitive(token: Token) -> bool:
    return token.pos in ("NOUN", "ADJF", None) and has_case(token, "gent") and token.norm not in SENTENCE_END


def _nominative(ctx: Context, k: int, head: int) -> str:
    token = ctx.tokens[k]
    lang = ctx.doc.language if ctx.doc.language in ("uk", "ru") else "uk"
    if k == head and token.lemma and token.pos == "NOUN":
        lemma = token.lemma
        return lemma[:1].upper() + lemma[1:] if token.text[:1].isupper() else lemma
    case = next((p.case for p in ctx.tokens[head].parses if p.case), None)
    gender = next((p.gender for p in ctx.tokens[head].parses if p.case == case and p.pos == "NOUN"), None)
    return word_nominative(token.text, case, lang, gender)


def _parent_text(ctx: Context, head: int, last: int, parent: NameSpan | None) -> str:
    """The complement as written, with a bare noun standing for a named parent replaced by the
    parent's written name ("відділення комітету" -> "відділення АМКУ")."""
    if last == head:
        return ""
    text = ctx.text(head + 1, last)[0]
    if parent is None or head < parent.first <= last:
        return text
    written = _abbreviation(ctx, parent) if head + 1 == last else None
    return written or text


def _abbreviation(ctx: Context, parent: NameSpan) -> str | None:
    """The parent's abbreviation in the text ("АМКУ", "МОЗ"), which reads the same in the
    genitive; None when the text has none (the complement then stays as written)."""
    for span in ctx.names:
        if span.entity is parent.entity and span.first == span.last and span.surface.isupper():
            return span.surface
    return None
