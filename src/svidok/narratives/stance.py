"""Who voices a matched narrative: the outlet itself (``asserts``), someone it quotes
(``quotes``, with the speaker), or the outlet exposing it (``refutes``: a distancing cue such as
"міф", "фейк", "пропаганда стверджує" in the sentence, outside the quoted words)."""

from __future__ import annotations

import functools

from .. import lang as langdata
from ..document import Document, Quote, Sentence, Span


@functools.cache
def refute_cues(lang: str | None) -> frozenset[str]:
    code = lang if lang and langdata.has(lang, "narrative_cues") else "uk"
    return frozenset(str(w).lower() for w in langdata.load(code, "narrative_cues").get("refute") or [])


def quote_for(doc: Document, unit: tuple[int, int]) -> Quote | None:
    """The quote that holds most of ``unit`` (a sentence or a quote's own span)."""
    best, best_shared = None, 0
    for quote in doc.quotes:
        shared = min(unit[1], quote.end) - max(unit[0], quote.start)
        if shared > best_shared:
            best, best_shared = quote, shared
    length = unit[1] - unit[0]
    return best if best is not None and best_shared >= 0.5 * min(length, best.end - best.start) else None


NEXT_SENTENCE_REACH = 4  # "… . Це міф: …" — a verdict opening the next sentence


def refutation_cue(doc: Document, sent: Sentence, quote: Quote | None) -> Span | None:
    """A distancing cue in the sentence outside the quoted words, or opening the next sentence."""
    cues = refute_cues(doc.paragraph_language(sent.start) or doc.language)
    tokens = doc.sentence_tokens(sent)
    at = doc.sentences.index(sent)
    if at + 1 < len(doc.sentences):
        tokens = tokens + doc.sentence_tokens(doc.sentences[at + 1])[:NEXT_SENTENCE_REACH]
    for token in tokens:
        if quote is not None and quote.start <= token.start < quote.end:
            continue
        if (token.lemma or token.norm).lower() in cues or token.norm.lower() in cues:
            return doc.span(token.start, token.end)
    return None


def stance_of(doc: Document, sent: Sentence, unit: tuple[int, int]) -> tuple[str, Quote | None, Span | None]:
    quote = quote_for(doc, unit)
    cue = refutation_cue(doc, sent, quote)
    if cue is not None:
        return "refutes", quote, cue
    return ("quotes" if quote is not None else "asserts"), quote, None
