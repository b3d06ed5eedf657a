"""Sources the article names without a proper name or beside a journalist: anonymous informants
speaking as a subject ("Источники издания говорят, что …", "Собеседники газеты объясняют …",
"Високопоставлене джерело в уряді не стало коментувати …") and the outlet a journalist writes in
("Як пише Вероніка Гаврилюк у «Комерсанті-Україна»"). Nouns are language data
(`informant_nouns`, `media_prepositions` in source_cues.yaml)."""

from __future__ import annotations

from .context import Context
from .lexicon import CLAUSE_BREAKS, SENTENCE_END, lemmas, speech_register

_MAX_PHRASE = 7  # words from the informant noun to its verb: "джерело в українському уряді"


def informant_at(ctx: Context, i: int) -> tuple[int, int, int] | None:
    """(first, last, verb) of an informant phrase whose head noun is token ``i`` and that is the
    subject of a reporting verb within a few words; None otherwise."""
    token, lex = ctx.tokens[i], ctx.lex(i)
    if not lemmas(token) & lex.informant_nouns or not any(p.case == "nomn" for p in token.parses):
        return None
    first = i
    while first > 0 and ctx.tokens[first - 1].pos == "ADJF" and ctx.tokens[first - 1].sent == token.sent:
        first -= 1  # "Высокопоставленный источник"
    _, hi = ctx.sentence_range(i)
    for j in range(i + 1, min(hi, i + 1 + _MAX_PHRASE)):
        nxt = ctx.tokens[j]
        if nxt.norm in CLAUSE_BREAKS or nxt.norm in SENTENCE_END:
            return None
        if speech_register(lex, nxt) or nxt.pos == "VERB" and _then_reports(ctx, j, hi):
            last = j - 1
            while last > i and ctx.tokens[last].norm.lower() in lex.negations:
                last -= 1  # "источник … не стал комментировать"
            return first, last, j
    return None


def _then_reports(ctx: Context, verb_i: int, hi: int) -> bool:
    """ "не стал комментировать …, но дал понять, что": a verb chain that ends in a report."""
    lex = ctx.lex(verb_i)
    return any(lemmas(ctx.tokens[k]) & lex.verbs.keys() for k in range(verb_i + 1, min(hi, verb_i + 4)))


def outlet_start(ctx: Context, last: int, hi: int) -> int | None:
    """Where the outlet a journalist's name is followed by starts: "… Гаврилюк у «Комерсанті»"."""
    k = last + 1
    if k + 1 >= hi or ctx.tokens[k].norm.lower() not in ctx.lex(k).media_prepositions:
        return None
    nxt = ctx.tokens[k + 1]
    span = ctx.name_at.get(k + 1)
    if nxt.norm == "«" or span is not None and span.type not in ("PER", "PERS", "LOC"):
        return k + 1
    return None
