"""Headline attributions with no reporting verb: ``Statement, — Name``.

News and Telegram headlines drop the verb: "Такої поразки у росіян не було ніде, — Кирило
Буданов", "«…», — Bloomberg", "Основная слабость контрнаступления — истребители, — Welt". The
words before a comma + dash are the named one's when nothing but a name (with its role words,
"митрополит Павел") follows the dash to the end of the sentence. A dash after a comma with
anything else after it ("…, — каже він", "…, — Іван та Марія") is not this construction.
"""

from __future__ import annotations

from .clauses import Found
from .context import Context, NameSpan, is_name_token
from .grammar import Speaker, role_before
from .lexicon import DASHES, SENTENCE_END, is_word, speech_register
from .speakers import find_speaker

_MAX_TAIL_WORDS = 7  # role words and the name: "вице-премьер Молдовы Олег Серебрян"
_MIN_STATEMENT_WORDS = 4
_MAX_BACK_SENTENCES = 4  # a Telegram headline broken over lines: "…,\n однако\n …,\n—\nБуданов"
_LEAD_PUNCT = frozenset({",", "!", "?", "…", "..."})


def _tail_name(ctx: Context, first: int, hi: int) -> tuple[NameSpan | None, int, int] | None:
    """The name that fills tokens ``first..`` to the sentence end, or None; with the range of
    the name's tokens (a capitalised foreign word the entity stages left unnamed counts)."""
    last = hi - 1
    while last >= first and ctx.tokens[last].norm in SENTENCE_END:
        last -= 1
    if last < first or ctx.words(first, last) > _MAX_TAIL_WORDS:
        return None
    if any(
        not is_word(ctx.tokens[j]) or ctx.tokens[j].pos in ("VERB", "GRND") for j in range(first, last + 1)
    ):
        return None  # "…, — каже він", "…, — Іван, Марія": a clause or a list, not a byline
    span = ctx.name_at.get(last)
    if span is not None and span.last == last and span.first >= first:
        roles = range(first, span.first)
        if roles and role_before(ctx, span.first) is None:
            return None  # "…, — вважають у Києві Іван": words before the name that are no role
        return span, span.first, span.last
    token = ctx.tokens[last]
    if last == first and token.is_title and (token.pos is None or is_name_token(token)):
        return None, last, last  # "— Welt", "— Bloomberg", "– Салліван": a name no stage resolved
    return None


def _tail_after(ctx: Context, dash: int) -> tuple[NameSpan | None, int, int] | None:
    _, hi = ctx.sentence_range(dash)
    if dash + 1 < hi:
        return _tail_name(ctx, dash + 1, hi)
    if hi >= len(ctx.tokens):
        return None
    return _tail_name(ctx, hi, ctx.sentence_range(hi)[1])  # "—" alone on its line, the name below


def _statement_start(ctx: Context, dash: int) -> int:
    """The first token of the statement the dash closes: its sentence's start, or earlier
    sentences of a headline broken over lines (none of them ends with a full stop)."""
    lo, _ = ctx.sentence_range(dash)
    for _ in range(_MAX_BACK_SENTENCES):
        prev = lo - 1
        if prev < 0 or ctx.tokens[prev].norm in SENTENCE_END or ctx.tokens[prev].norm in DASHES:
            break
        if ctx.tokens[prev].norm != "," and ctx.tokens[prev].pos != "CONJ":
            break  # only a line that ends mid-sentence ("…,\n", "однако\n") goes on; not a title
        start, _ = ctx.sentence_range(prev)
        if not any(is_word(t) for t in ctx.tokens[start:lo]):
            break  # an emoji line: the headline starts below it
        lo = start
    return lo


def _speaker(ctx: Context, span: NameSpan | None, first: int, last: int) -> Speaker:
    if span is None:
        return Speaker(None, ctx.text(first, last)[0], None)
    role = role_before(ctx, span.first)
    return Speaker(span.entity, span.name, ctx.text(*role)[0] if role else None)


def _marked(ctx: Context, dash: int) -> tuple[int, int] | None:
    """«…», — X / «…,» — X: the quotation-mark span the dash follows, still unclaimed."""
    close = dash - 2 if ctx.tokens[dash - 1].norm == "," else dash - 1
    span = next((q for q in ctx.quote_spans if q.close_tok == close and not q.consumed), None)
    if span is None or ctx.tokens[close].norm not in ("»", '"', "“", "”"):
        return None
    first, last = span.open_tok + 1, span.close_tok - 1
    while last >= first and not is_word(ctx.tokens[last]):
        last -= 1
    if last < first or ctx.words(first, last) < _MIN_STATEMENT_WORDS:
        return None
    span.consumed = True
    return first, last


def _title_line(ctx: Context, dash: int) -> bool:
    """ "Запад отчаянно хочет переговоров — Скотт Риттер": with no comma, only a title line
    (one sentence, its own paragraph, no full stop) whose words before the dash hold a finite
    verb; "Головний гість вечора — Кирило Буданов" is a copula, not a byline."""
    lo, hi = ctx.sentence_range(dash)
    para = ctx.paragraph_of(dash)
    alone = (lo == 0 or ctx.paragraph_of(lo - 1) != para) and (
        hi >= len(ctx.tokens) or ctx.paragraph_of(hi) != para
    )
    if not alone or ctx.tokens[hi - 1].norm in SENTENCE_END:
        return False
    return any(t.pos == "VERB" for t in ctx.tokens[lo:dash])


def _plain(ctx: Context, dash: int, claimed: set[int]) -> tuple[int, int] | None:
    if ctx.tokens[dash - 1].norm in _LEAD_PUNCT:
        first, last = _statement_start(ctx, dash), dash - 2
    elif _title_line(ctx, dash):
        first, last = ctx.sentence_range(dash)[0], dash - 1
    else:
        return None
    while first <= last and not is_word(ctx.tokens[first]):
        first += 1
    if first > last or ctx.words(first, last) < _MIN_STATEMENT_WORDS:
        return None
    if any(j in claimed for j in range(first, last + 1)):
        return None
    return first, last


_MAX_LABEL_GAP = 6  # «…»: стендап-комік Щегель …: role words between the colon and the name


def _quote_then_label(ctx: Context, span) -> Found | None:
    """ "«Я вважаю, що …»: стендап-комік Щегель записав відеозвернення": a quotation opening its
    paragraph, a colon, then the person it belongs to (the headline form of "X: «…»")."""
    close = span.close_tok
    if span.consumed or close + 2 >= len(ctx.tokens) or ctx.tokens[close + 1].norm != ":":
        return None
    if span.open_tok > 0 and ctx.paragraph_of(span.open_tok - 1) == ctx.paragraph_of(span.open_tok):
        return None
    _, hi = ctx.sentence_range(close + 1)
    person = next(
        (
            n
            for n in ctx.names
            if close + 2 <= n.first <= close + 2 + _MAX_LABEL_GAP
            and n.last < hi
            and n.type in ("PER", "PERS")
        ),
        None,
    )
    first, last = span.open_tok + 1, close - 1
    if person is None or any(not is_word(t) for t in ctx.tokens[close + 2 : person.first]):
        return None
    if ctx.words(first, last) < _MIN_STATEMENT_WORDS:
        return None
    span.consumed = True
    return Found(first, last, "direct", _speaker(ctx, person, person.first, person.last), None)


def headline_quotes(ctx: Context, claimed: set[int]) -> list[Found]:
    """Every ``Statement, — Name`` the other finders left: direct when the statement is
    exactly a quotation-mark span, else indirect."""
    found = []
    for dash, token in enumerate(ctx.tokens):
        if dash < 2 or token.norm not in DASHES or dash in claimed or dash in ctx.quoted:
            continue
        tail = _tail_after(ctx, dash)
        if tail is None:
            continue
        marked = _marked(ctx, dash)
        inner = marked or _plain(ctx, dash, claimed)
        if inner is None:
            continue
        kind = "direct" if marked else "indirect"
        found.append(Found(*inner, kind, _speaker(ctx, *tail), None))
        claimed.update(range(inner[0], inner[1] + 1))
    labelled = (_quote_then_label(ctx, span) for span in ctx.quote_spans)
    return found + [f for f in labelled if f is not None]


_MAX_AFTER_VERB = 3  # "заявив журналістам:": words between the verb and the colon


def _paragraph_bounds(ctx: Context, i: int) -> tuple[int, int]:
    para, first, last = ctx.paragraph_of(i), i, i
    while first > 0 and ctx.paragraph_of(first - 1) == para:
        first -= 1
    while last + 1 < len(ctx.tokens) and ctx.paragraph_of(last + 1) == para:
        last += 1
    return first, last


def _line_label(ctx: Context, first: int, colon: int) -> tuple[Speaker, str, tuple[int, int] | None] | None:
    """Who a line ending with a colon gives the floor to: "Кирило Буданов:" (a name, direct
    words follow) or "Кирило Буданов заявив журналістам:" (a reporting verb, a clause follows)."""
    while first < colon and not is_word(ctx.tokens[first]):
        first += 1  # "❗️Кирило Буданов:"
    if first >= colon:
        return None
    span = ctx.name_at.get(colon - 1)
    person = span is not None and span.last == colon - 1 and span.type in ("PER", "PERS")
    if person and (span.first == first or role_before(ctx, span.first) == (first, span.first - 1)):
        return _speaker(ctx, span, span.first, span.last), "direct", None
    for verb in range(colon - 1, max(first, colon - 1 - _MAX_AFTER_VERB) - 1, -1):
        if speech_register(ctx.lex(verb), ctx.tokens[verb]):
            speaker = find_speaker(ctx, verb, first, colon)[0]
            return speaker, "indirect", (verb, verb)
    return None


def colon_lines(ctx: Context, claimed: set[int]) -> list[Found]:
    """A line ending with "Name:" or "X заявив:" and the paragraph after it: Telegram puts the
    words on their own line ("Кирило Буданов заявив:\nМи повернемо всі території.")."""
    found = []
    for colon, token in enumerate(ctx.tokens[:-1]):
        if token.norm != ":" or ctx.paragraph_of(colon + 1) == ctx.paragraph_of(colon):
            continue
        label = _line_label(ctx, _paragraph_bounds(ctx, colon)[0], colon)
        first, last = _paragraph_bounds(ctx, colon + 1)
        while last > first and ctx.tokens[last].norm in SENTENCE_END:
            last -= 1
        if label is None or ctx.words(first, last) < 3 or claimed & set(range(first, last + 1)):
            continue
        span = next((q for q in ctx.quote_spans if q.open_tok == first), None)
        if span is not None and span.close_tok >= last:
            continue  # "X:\n«…»" is a marked quote
        speaker, kind, cue = label
        found.append(Found(first, last, kind, speaker, cue))
        claimed.update(range(first, last + 1))
    return found
