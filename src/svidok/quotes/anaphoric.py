"""Attribution after the words: "Так вважає аналітик Олексій Жмеренецький" turns the text just
before it (the sentences of its paragraph, or the paragraphs before when it opens one) into that
speaker's indirect quote. The opener words are language data (`anaphoric_openers`)."""

from __future__ import annotations

from .clauses import Found
from .context import Context
from .lexicon import SENTENCE_END, is_word, speech_register
from .speakers import find_speaker

_MAX_PARAGRAPHS = 3  # how many paragraphs before such a line one attribution may cover


def so_says(ctx: Context, i: int, claimed: set[int]) -> Found | None:
    """The quote a sentence like "Так вважає X." at token ``i`` attributes backwards."""
    lo, hi = ctx.sentence_range(i)
    lex = ctx.lex(i)
    if i != lo or ctx.tokens[i].norm.lower() not in lex.anaphoric_openers or i + 2 >= hi:
        return None
    verb_i = i + 1
    if not speech_register(lex, ctx.tokens[verb_i]):
        return None
    speaker, at = find_speaker(ctx, verb_i, verb_i + 1, hi, right_first=True)
    if at is None:
        return None
    span = _text_before(ctx, lo, claimed)
    if span is None:
        return None
    return Found(span[0], span[1], "indirect", speaker, (i, verb_i))


def _text_before(ctx: Context, sentence_start: int, claimed: set[int]) -> tuple[int, int] | None:
    """Tokens of the sentences before ``sentence_start`` in its paragraph, or, when it opens its
    paragraph, of up to a few paragraphs before, stopping at a sentence holding a quote found."""
    if sentence_start == 0:
        return None
    para = ctx.paragraph_of(sentence_start)
    opens = ctx.paragraph_of(sentence_start - 1) != para
    first, last = sentence_start, sentence_start - 1
    while first > 0:
        lo, hi = ctx.sentence_range(first - 1)
        gap = para - ctx.paragraph_of(lo)
        if not opens and gap > 0 or opens and gap > _MAX_PARAGRAPHS:
            break
        if any(k in claimed for k in range(lo, hi)):
            break
        first = lo
    while first <= last and not is_word(ctx.tokens[first]) and ctx.tokens[first].norm != "«":
        first += 1
    while last >= first and ctx.tokens[last].norm in SENTENCE_END:
        last -= 1
    if first > last or ctx.words(first, last) < 3:
        return None
    return first, last


def with_backward_quotes(ctx: Context, found: list[Found]) -> list[Found]:
    """``found`` plus the quotes "Так вважає X." lines attribute backwards, replacing whatever
    was read from those lines' verbs on their own."""
    claimed = {i for f in found for i in range(f.first, f.last + 1)}
    claimed |= {i for f in found if f.cue is not None for i in range(f.cue[0], f.cue[1] + 1)}
    back = [q for q in (so_says(ctx, s.token_start, claimed) for s in ctx.doc.sentences) if q is not None]
    if not back:
        return found
    verbs = {q.cue[1] for q in back}
    kept = [f for f in found if f.cue is None or f.cue[0] not in verbs]
    return kept + back
