"""Organisations that speak without being named in the clause: "Суд зазначив" after the court's
name, "компанія стверджує" after "ТОВ «Еста Холдинг»", "У прес-службі МОЗ зазначили", "в компанії
заявили", and "Він зазначив" after a sentence opened by a court's name."""

from __future__ import annotations

from .context import Context, NameSpan
from .lexicon import CLAUSE_BREAKS, has_case, lemmas
from .units import Body, body_at

BODY_SENTENCES = 10  # "Суд зазначив": a story keeps talking about the same court for longer


def named_body(ctx: Context, i: int) -> NameSpan | None:
    """The organisation a bare singular noun at ``i`` refers back to, within a few sentences:
    one whose name holds the same noun ("Суд" -> "Господарський суд м. Києва"), or, for a company
    noun ("компанія", "забудовник"), the last organisation named with a company form ("ТОВ …")
    or introduced by a company noun ("компанія DOGUS")."""
    token, lex = ctx.tokens[i], ctx.lex(i)
    if any(p.number == "plur" for p in token.parses[:1]):
        return None
    found = lemmas(token)
    wanted = found & lex.collectives
    company = bool(found & lex.company_nouns)
    for span in reversed(ctx.names):
        if span.last >= i or span.type != "ORG":
            continue
        if token.sent - ctx.tokens[span.last].sent > BODY_SENTENCES:
            return None
        words = ctx.tokens[span.first : span.last + 1]
        # "міністерства" after "МОЗ": the canonical name (Міністерство охорони …) holds the noun
        named = any(lemmas(t) & wanted for t in words) or set(span.name.lower().split()) & wanted
        if named or company and _named_as_company(ctx, span):
            return span
    return None


def _named_as_company(ctx: Context, span: NameSpan) -> bool:
    lex = ctx.lex(span.first)
    first = ctx.tokens[span.first].norm.lower()
    k = span.first - 1
    if k > 0 and ctx.tokens[k].norm == "«":
        k -= 1  # ТОВ «Еста Холдинг»
    before = ctx.tokens[k] if k >= 0 else None
    before_company = before is not None and bool(lemmas(before) & (lex.company_nouns | lex.company_markers))
    return first in lex.company_markers or before_company


def institution_voice(ctx: Context, verb_i: int) -> Body | None:
    """ "У прес-службі МОЗ зазначили" / "В МЗС заявили" / "в компанії стверджують" /
    "Повідомили у Ковельському міськвиконкомі, що": a body or unit in a locative phrase beside a
    plural verb with no subject speaks through it (see :mod:`.units` for how it is named)."""
    best = ctx.tokens[verb_i].best
    if best is None or best.number != "plur":
        return None
    lo, hi = ctx.sentence_range(verb_i)
    for i in _locatives(ctx, verb_i, lo, hi):
        before = i < verb_i
        found = _body_after(ctx, i + 1, verb_i if before else hi)
        if found is not None and (not before or _clear_until(ctx, found.last + 1, verb_i)):
            return found
    return None


def _locatives(ctx: Context, verb_i: int, lo: int, hi: int) -> list[int]:
    """Prepositions that may open a locative body: before the verb in its sentence, or right
    after it ("Повідомили у міськвиконкомі", "заявили також в прокуратурі")."""
    preps = ctx.lex(verb_i).institution_prepositions
    found = [
        i
        for i in range(lo, verb_i - 1)
        if ctx.tokens[i].norm.lower() in preps and (i == lo or ctx.tokens[i - 1].pos != "NOUN")
    ]  # not a noun's complement: "джерела в уряді повідомили" is no voice of the government
    k = verb_i + 1
    while k < hi and ctx.tokens[k].pos in ("ADVB", "PRCL"):
        k += 1
    return found + ([k] if k + 1 < hi and ctx.tokens[k].norm.lower() in preps else [])


def _body_after(ctx: Context, j: int, stop: int) -> Body | None:
    if j >= stop:
        return None
    lex = ctx.lex(j)
    if lemmas(ctx.tokens[j]) & lex.institution_containers:
        j += 1  # "на сайті Запорізької міської ради повідомили": the body whose site it is
        if j >= stop or not has_case(ctx.tokens[j], "gent"):
            return None
    if lemmas(ctx.tokens[j]) & lex.company_nouns:
        named = _named_after(ctx, j, stop)  # "в компанії «Єгоров, Пугінський, … і партнери»"
        if named is not None:
            return named
        body = named_body(ctx, j)  # "в компанії стверджують"
        return Body(body.name, body.entity, j, j) if body is not None else None
    k = j + 1 if ctx.tokens[j].norm == "«" else j  # "У «Київавтодорі» пояснили"
    span = ctx.name_at.get(k)
    if span is not None and span.first == k and span.type == "ORG" and span.last < stop:
        last = span.last + 1 if k > j and span.last + 1 < stop and ctx.tokens[span.last + 1].norm == "»" else span.last
        return Body(span.name, span.entity, j, last)  # "В МЗС заявили"
    return body_at(ctx, j, stop)


_MAX_TITLE = 10


def _named_after(ctx: Context, noun: int, stop: int) -> Body | None:
    """The company a company noun introduces right after it: a name, or a title in marks."""
    k = noun + 1
    span = ctx.name_at.get(k)
    if span is not None and span.first == k and span.type == "ORG" and span.last < stop:
        return Body(span.name, span.entity, noun, span.last)
    title = next((q for q in ctx.quote_spans if q.open_tok == k), None)
    close = title.close_tok if title is not None else stop
    if close >= stop or not 1 < close - k <= _MAX_TITLE:
        return None
    inner = ctx.name_at.get(k + 1)
    whole = inner is not None and inner.first == k + 1 and inner.last == close - 1
    return Body(ctx.text(k + 1, close - 1)[0], inner.entity if whole else None, noun, close)


def _clear_until(ctx: Context, start: int, stop: int) -> bool:
    return all(ctx.tokens[k].norm not in CLAUSE_BREAKS for k in range(start, stop))


def previous_subject_body(ctx: Context, i: int, gender: str) -> NameSpan | None:
    """ "Київський апеляційний адмінсуд змінив постанову. Він зазначив, що …": an organisation
    opening the previous sentence as its subject, of the pronoun's gender, is who "він" is."""
    start = ctx.sentence_range(i)[0]
    if start == 0:
        return None
    lo, hi = ctx.sentence_range(start - 1)
    verb = next((k for k in range(lo, hi) if ctx.tokens[k].pos == "VERB"), hi)
    # the first name before the sentence's verb ("А у 2011 році Київський … адмінсуд змінив")
    span = next((n for n in ctx.names if lo <= n.first < verb), None)
    if span is None or span.type != "ORG" or span.first in ctx.quoted:
        return None
    head = next((t for t in ctx.tokens[span.first : span.last + 1] if t.pos == "NOUN"), None)
    if head is None or not has_case(head, "nomn"):
        return None
    genders = {p.gender for p in head.parses if p.case in (None, "nomn") and p.gender}
    return span if gender in genders else None
