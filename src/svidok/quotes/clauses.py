"""Cue-driven quotes: a reporting verb or cue phrase and the clause it governs.

* ``X заявив, що …`` / ``заявивши, що …`` / ``X наголосив на тому, що …`` / ``said that …``
* ``Експерти попереджають: …`` (a colon after the verb)
* ``згадав про «…»`` / ``натякають на можливі домовленості`` (a marked object the verb points
  at, or what a verb of insinuation points at; "повідомила про намір …" reports no words)
* ``просувають тезу про «…»`` (a claim noun governed by the verb)
* ``як зазначив X, …`` / ``…, заявив X.`` (a parenthetical or trailing attribution)
* ``за словами X, …`` / ``на думку X, …`` / ``according to X, …``

The quote is the reported clause: up to the sentence end or the boundary that closes it. A
clause that is exactly one quotation-mark span is a direct quote of the words inside the marks.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from .attribution import source_phrase_at
from .context import Context, NameSpan, QuoteSpan
from .lexicon import CLAUSE_BREAKS, DASHES, SENTENCE_END, Lexicon, is_word, lemmas, speech_register
from .outlets import is_outlet, speaks_for_itself
from .speakers import Speaker, find_speaker, resolve_pronoun, speaker_after

_ANAPHORIC_OBJECTS = frozenset(
    {"те", "тому", "тим", "це", "цьому", "том", "то", "этом", "это", "that", "this", "it"}
)
# A clause break before these ends the reported clause; "а"/"and" usually go on with it
# ("дружина є власницею квартири, а йому належить ділянка").
_COORDINATORS = frozenset({"але", "проте", "однак", "but", "но", "однако"})
_AND_SO = frozenset({"а", "and", "и", "і"})
_AS = frozenset({"як", "как", "as"})
_AND = frozenset({"і", "й", "та", "и", "and"})
_MAX_GAP_WORDS = 5  # "заявив в інтерв'ю CNN, що": words between the verb and its complementizer
_MIN_TOPIC_WORDS = 3


@dataclass
class Found:
    first: int  # quote text tokens, inclusive
    last: int
    kind: str  # direct | indirect
    speaker: Speaker
    cue: tuple[int, int] | None  # cue tokens, inclusive


def span_starting(ctx: Context, i: int) -> QuoteSpan | None:
    return next((q for q in ctx.quote_spans if q.open_tok == i), None)


def _sentence_end(ctx: Context, i: int) -> int:
    """One past the last token of ``i``'s sentence."""
    return ctx.sentence_range(i)[1]


def _skip_adverbs(ctx: Context, i: int, hi: int) -> int:
    while (
        i < hi and ctx.tokens[i].pos in ("ADVB", "PRCL") and ctx.tokens[i].norm.lower() not in ("що", "что")
    ):
        i += 1
    return i


def _next_speech(ctx: Context, i: int, hi: int) -> bool:
    """A reporting verb within two tokens of ``i`` (the clause ends before "…, додав він")."""
    return any(speech_register(ctx.lex(j), ctx.tokens[j]) for j in range(i, min(i + 3, hi)))


def _reports_again(ctx: Context, i: int, hi: int) -> bool:
    """ ", а російські ЗМІ просувають тезу …": the next clause has its own reporting verb."""
    for j in range(i, hi):
        if ctx.tokens[j].norm in CLAUSE_BREAKS or ctx.tokens[j].norm in "«»":
            return False
        if speech_register(ctx.lex(j), ctx.tokens[j]):
            return True
    return False


def _coordinated_verb(ctx: Context, i: int, hi: int) -> bool:
    """ ", і надіслали …": the reporting clause's subject doing something else."""
    return ctx.tokens[i].norm.lower() in _AND and i + 1 < hi and ctx.tokens[i + 1].pos in ("VERB", "GRND")


def clause(ctx: Context, start: int) -> tuple[int, int, str] | None:
    """The reported clause starting at token ``start``: (first, last, kind)."""
    hi = _sentence_end(ctx, start)
    span = span_starting(ctx, start)
    if span is not None and span.close_tok > start + 1:
        after = span.close_tok + 1
        if (
            after >= hi
            or ctx.tokens[after].norm in SENTENCE_END
            or after >= len(ctx.tokens)
            or ctx.tokens[after].norm in CLAUSE_BREAKS
        ):
            span.consumed = True
            return start + 1, span.close_tok - 1, "direct"
    last, j = None, start
    while j < hi:
        token = ctx.tokens[j]
        q = span_starting(ctx, j)
        if q is not None:
            q.consumed = True
            last, j = min(q.close_tok, hi - 1), q.close_tok + 1
            continue
        if token.norm in (";", "»") or token.norm in SENTENCE_END and j == hi - 1:
            break  # a "." inside the sentence belongs to an abbreviation ("35 грн. на …")
        if token.norm in (",",) + tuple(DASHES) and j > start:
            nxt = j + 1 + (j + 1 < hi and ctx.tokens[j + 1].norm in DASHES)
            if nxt < hi and (
                _next_speech(ctx, nxt, hi)
                or ctx.tokens[nxt].norm.lower() in _COORDINATORS
                or _coordinated_verb(ctx, nxt, hi)
                or ctx.tokens[nxt].norm.lower() in _AND_SO
                and _reports_again(ctx, nxt + 1, hi)
            ):
                break
        last, j = j, j + 1
    while (
        last is not None and last >= start and not is_word(ctx.tokens[last]) and ctx.tokens[last].norm != "»"
    ):
        last -= 1
    if last is None or last < start or ctx.words(start, last) == 0:
        return None
    return start, last, "indirect"


def _complement_start(ctx: Context, verb_i: int) -> int | None:
    """Token after "…, що" / ":" / "that" governed by the verb, or None."""
    hi = _sentence_end(ctx, verb_i)
    lex = ctx.lex(verb_i)
    i, gap = _skip_adverbs(ctx, verb_i + 1, hi), 0
    while i < hi and gap <= _MAX_GAP_WORDS:
        low = ctx.tokens[i].norm.lower()
        if low in lex.complementizers:
            return i + 1 if i + 1 < hi else None
        if low == ":" or low in DASHES and i == verb_i + 1:  # "припускає – птахи заразилися …"
            return i + 1 if i + 1 < hi else None
        if low == ",":
            if i + 1 < hi and ctx.tokens[i + 1].norm.lower() in lex.complementizers:
                if i + 2 < hi and ctx.tokens[i + 2].norm.lower() in lex.concessive_particles:
                    return None  # "…, що б не сталося": whatever happens, not a reported clause
                return i + 2 if i + 2 < hi else None
            return None
        if low in CLAUSE_BREAKS or low in SENTENCE_END or low in "«»" or speech_register(lex, ctx.tokens[i]):
            return None
        if ctx.tokens[i].pos in ("VERB", "GRND", "CONJ") and low not in lex.correlatives:
            return None  # "объясняют его пропажу тем, что …" runs on past the correlative
        gap += 1
        i += 1
    return None


def _bare_clause_start(ctx: Context, verb_i: int) -> int | None:
    """ "Sybiha said Kyiv was ready" / "told reporters the talks failed": a reported clause
    with no complementizer, recognised by a finite verb form near its start (language data)."""
    lex = ctx.lex(verb_i)
    if not lex.bare_clause_verbs or not lemmas(ctx.tokens[verb_i]) & lex.bare_clause_verbs:
        return None
    hi = _sentence_end(ctx, verb_i)
    start = verb_i + 1
    if lemmas(ctx.tokens[verb_i]) & lex.addressee_verbs:  # "told reporters", "told the BBC"
        start = _after_addressee(ctx, start, hi)
    if start >= hi or not is_word(ctx.tokens[start]) or ctx.tokens[start].norm.lower() in lex.complementizers:
        return None
    for j in range(start + 1, min(start + 1 + lex.bare_clause_window, hi)):
        token = ctx.tokens[j]
        if token.norm in CLAUSE_BREAKS or token.norm in "«»":
            return None
        if token.norm.lower() in lex.bare_clause_finite:
            return start
    return None


def _after_addressee(ctx: Context, i: int, hi: int) -> int:
    """The token after a one-word object of "tell" ("reporters", "him", "the BBC")."""
    if i + 1 < hi and ctx.tokens[i].norm.lower() == "the":
        return i + 2
    return i + 1


def _topic_start(ctx: Context, verb_i: int) -> int | None:
    """ "натякають на …" / "згадав про «…»" / "просувають тезу про «…»": the object's first token."""
    hi = _sentence_end(ctx, verb_i)
    lex = ctx.lex(verb_i)
    i = _skip_adverbs(ctx, verb_i + 1, hi)
    if _impersonal(ctx.tokens[verb_i]):
        return None  # "Голяшкіну повідомлено про підозру": a notice, not a statement
    if i + 1 < hi and lemmas(ctx.tokens[i]) & lex.claim_nouns:
        # "просувають тезу про «…»"; not "визнав твердження прокурора необґрунтованими"
        return i + 2 if ctx.tokens[i + 1].norm.lower() in lex.topic_verbs and i + 2 < hi else None
    verb_lemmas = lemmas(ctx.tokens[verb_i])
    if i < hi and verb_lemmas & lex.topic_verbs.get(ctx.tokens[i].norm.lower(), frozenset()):
        i += 1
        if i < hi and ctx.tokens[i].norm.lower() not in _ANAPHORIC_OBJECTS:
            return i
    return None


def _inverted(ctx: Context, verb_i: int) -> bool:
    """The verb comes after its clause or opens its own: look for the speaker after it first."""
    lo, _ = ctx.sentence_range(verb_i)
    prev = verb_i - 1
    return prev < lo or ctx.tokens[prev].norm in CLAUSE_BREAKS or ctx.tokens[prev].norm in "«»"


def _impersonal(token) -> bool:
    return token.best is not None and "Impe" in token.best.grammemes


def _speaker(ctx: Context, verb_i: int, left_only: bool = False) -> Speaker:
    if _impersonal(ctx.tokens[verb_i]):
        return Speaker()  # "У рішенні зазначено, що …": no subject to find
    lo, hi = ctx.sentence_range(verb_i)
    if left_only:
        hi = verb_i + 1
    return find_speaker(ctx, verb_i, lo, hi, right_first=_inverted(ctx, verb_i) and not left_only)[0]


def _topic_quote(ctx: Context, verb_i: int, start: int) -> Found | None:
    found = clause(ctx, start)
    if found is None:
        return None
    first, last, kind = found
    lex = ctx.lex(verb_i)
    insinuated = speech_register(lex, ctx.tokens[verb_i]) in lex.topic_registers
    if kind == "indirect" and (not insinuated or ctx.words(first, last) < _MIN_TOPIC_WORDS):
        # "повідомила про намір …", "вказав на пропуск строку": a topic, not the words said;
        # a marked object is quoted ("згадав про «амбітні плани»"), and so is what a verb of
        # insinuation points at ("натякають на можливі домовленості зі США")
        span = span_starting(ctx, first)
        if span is None:
            return None
        first, last, kind = span.open_tok + 1, span.close_tok - 1, "direct"
    return Found(first, last, kind, _speaker(ctx, verb_i), (verb_i, verb_i))


def _trailing_quote(ctx: Context, verb_i: int) -> Found | None:
    """ "…, заявив X." / "як зазначив X, …": the attribution stands beside the clause."""
    lo, hi = ctx.sentence_range(verb_i)
    as_word = verb_i > lo and ctx.tokens[verb_i - 1].norm.lower() in _AS
    cue_first = verb_i - 1 if as_word else verb_i
    prev = cue_first - 1
    while prev >= lo and ctx.tokens[prev].norm in DASHES:
        prev -= 1
    if not as_word and (prev < lo or ctx.tokens[prev].norm != ","):
        return None
    if prev > lo and _marks_take_it(ctx, prev - 1, lo) or _dialogue_line(ctx, lo):
        return None  # «…», — сказав він / — …, — сказав він: left to the marks and dashes
    speaker, at = find_speaker(ctx, verb_i, verb_i + 1, hi, right_first=True)
    if at is None or at < verb_i:
        return None
    return _beside(ctx, cue_first, verb_i, lo, hi, speaker)


def _marks_take_it(ctx: Context, close: int, lo: int) -> bool:
    """ "«…», — сказав він": a closing mark before the attribution whose quote the mark finders
    take (it opens the sentence, or ends with its own comma or stop); not a marked fragment
    ending a longer clause ("поставка є "лишь вопросом времени", предсказал дипломат")."""
    if ctx.tokens[close].norm != "»":
        return False
    span = next((q for q in ctx.quote_spans if q.close_tok == close), None)
    if span is None or span.open_tok <= lo or ctx.tokens[close - 1].norm in {",", "!", "?", "…"}:
        return True
    return not any(is_word(t) for t in ctx.tokens[lo : span.open_tok])


def _dialogue_line(ctx: Context, lo: int) -> bool:
    """The sentence at ``lo`` opens with a dash, or is in a paragraph that does ("— Ми не
    погоджувались. Це було незаконно, — каже він."): a dialogue line, left to the dash lines."""
    para = ctx.paragraph_of(lo)
    first = lo
    while first > 0 and ctx.paragraph_of(first - 1) == para:
        first -= 1
    return ctx.tokens[lo].norm in DASHES or ctx.tokens[first].norm in DASHES


def _subject_first_trailing(ctx: Context, verb_i: int) -> Found | None:
    """ "…, he told reporters." / "…, Sybiha said." / "…, він додав.": the speaker stands
    between the comma and the verb at the end of the sentence."""
    lo, hi = ctx.sentence_range(verb_i)
    speaker, at = find_speaker(ctx, verb_i, max(lo, verb_i - _MAX_GAP_WORDS), verb_i)
    if at is None or at >= verb_i or at - 1 <= lo or ctx.tokens[at - 1].norm != ",":
        return None
    if _marks_take_it(ctx, at - 2, lo) or _dialogue_line(ctx, lo):
        return None  # «…», he said: left to the marks and dashes
    if any(ctx.tokens[j].norm in CLAUSE_BREAKS for j in range(verb_i + 1, hi)) and not _citing_tail(ctx, verb_i + 1):
        return None  # the sentence goes on: not a closing attribution
    before = _trim(ctx, lo, at - 2)
    if before is None:
        return None
    return Found(before[0], before[1], "indirect", speaker, (verb_i, verb_i))


def _citing_tail(ctx: Context, i: int) -> bool:
    """", citing three sources" / ", according to …" after the verb: the attribution still closes
    the sentence; the source cue after it is the sources stage's."""
    if i + 1 >= len(ctx.tokens) or ctx.tokens[i].norm != ",":
        return False
    return source_phrase_at(ctx, i + 1) is not None


def _beside(
    ctx: Context, cue_first: int, cue_last: int, lo: int, hi: int, speaker: Speaker, name_last: int | None = None
) -> Found | None:
    """The clause before or after a parenthetical cue, the longer one when it sits mid-sentence;
    with no comma after the cue, what follows the speaker's name ("за версією «X» оренда …")."""
    close = next(
        (
            j
            for j in range(cue_last + 1, hi)
            if ctx.tokens[j].norm in (",", ";") or ctx.tokens[j].norm in DASHES
        ),
        None,
    )
    before = _trim(ctx, lo, cue_first - 1)
    if close is None and name_last is not None:
        close = name_last + 1 if name_last + 1 < hi and ctx.tokens[name_last + 1].norm == "»" else name_last
    after = _trim(ctx, close + 1, hi - 1) if close is not None else None
    options = [r for r in (before, after) if r is not None]
    if not options:
        return None
    first, last = max(options, key=lambda r: ctx.words(*r))
    kind = "indirect"
    return Found(first, last, kind, speaker, (cue_first, cue_last))


def _trim(ctx: Context, first: int, last: int) -> tuple[int, int] | None:
    while first <= last and not is_word(ctx.tokens[first]) and ctx.tokens[first].norm != "«":
        first += 1
    while last >= first and not is_word(ctx.tokens[last]) and ctx.tokens[last].norm != "»":
        last -= 1
    if first > last or ctx.words(first, last) < 2:
        return None
    while first <= last and (
        ctx.tokens[first].norm.lower() in _COORDINATORS | {"і", "та", "и", "а", "and"}
        or not is_word(ctx.tokens[first])
    ):
        first += 1  # "Але, як правило, …": the coordinator and the comma after it
    return (first, last) if first <= last else None


def _verb_quote(ctx: Context, verb_i: int) -> Found | None:
    start, bare = _complement_start(ctx, verb_i), False
    if start is None:
        start = _bare_clause_start(ctx, verb_i)
        bare = start is not None
    if start is not None:
        found = clause(ctx, start)
        if found is not None:
            # a clause with no "that" starts with its own subject: the speaker is on the left
            speaker = _speaker(ctx, verb_i, left_only=bare)
            return Found(found[0], found[1], found[2], speaker, (verb_i, verb_i))
    start = _topic_start(ctx, verb_i)
    if start is not None:
        found = _topic_quote(ctx, verb_i, start)
        if found is not None:
            return found
    return _trailing_quote(ctx, verb_i) or _subject_first_trailing(ctx, verb_i)


@functools.cache
def _first_words(phrases: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    return frozenset(phrase[0] for phrase in phrases if phrase)


def _according_to(ctx: Context, i: int) -> Found | None:
    """ "за словами X, …" / "according to X, …"."""
    lex = ctx.lex(i)
    if ctx.tokens[i].norm.lower() not in _first_words(lex.according_to):
        return None  # most words start no cue phrase: skip building the candidates
    lo, hi = ctx.sentence_range(i)
    for phrase in lex.according_to:
        words = [t.norm.lower() for t in ctx.tokens[i : i + len(phrase) + 1]]
        pronoun = len(words) > 2 and words[1] in lex.pronouns  # "за його словами"
        if pronoun:
            del words[1]
        if tuple(words[: len(phrase)]) != phrase:
            continue
        cue_last = i + len(phrase) - (0 if pronoun else 1)
        if pronoun:
            speaker, at = resolve_pronoun(ctx, i + 1), i + 1
        else:
            speaker, at = speaker_after(ctx, cue_last, hi)
        if at is None:
            return None
        named = ctx.name_at.get(at)
        if not _quotes_speaker(ctx, lex, phrase, speaker, named):
            return None
        return _beside(ctx, i, cue_last, lo, hi, speaker, named.last if named is not None else None)
    return None


def _quotes_speaker(
    ctx: Context, lex: Lexicon, phrase: tuple[str, ...], speaker: Speaker, named: NameSpan | None
) -> bool:
    """Whether an "according to" phrase quotes who follows it rather than citing a source:
    "according to Reuters" cites; a company's own version is its quote ("За інформацією «Еста
    Холдинг», …"), but not an outlet's ("за інформацією «Української правди»"); "за даними X"
    quotes only a person or a body speaking for itself ("за даними «Нафтогазу»")."""
    if phrase in lex.according_to_records:
        return speaker.entity is not None and named is not None and speaks_for_itself(ctx, named)
    if speaker.entity is None or speaker.entity.type in ("PER", "PERS"):
        return True
    return phrase in lex.according_to_bodies and not (named is not None and is_outlet(ctx, named))


def _reportedly(ctx: Context, i: int, found: list[Found]) -> Found | None:
    """ "Мовляв, Валентин Вітер побоюється критики.": the rest of the sentence is reported, by
    the last speaker when a quote came in the two sentences before, else by nobody named."""
    lo, hi = ctx.sentence_range(i)
    if i != lo or ctx.tokens[i].norm.lower() not in ctx.lex(i).reportedly:
        return None
    if i + 2 >= hi or ctx.tokens[i + 1].norm != ",":
        return None
    last = hi - 1
    while last > i + 2 and ctx.tokens[last].norm in SENTENCE_END:
        last -= 1
    recent = found and ctx.tokens[i].sent - ctx.tokens[found[-1].last].sent <= 2
    return Found(i + 2, last, "indirect", found[-1].speaker if recent else Speaker(), (i, i))


def cue_quotes(ctx: Context) -> list[Found]:
    """Every quote a reporting verb or cue phrase introduces, in text order."""
    found: list[Found] = []
    claimed = ctx.reported  # pronouns look past the people a reported clause talks about
    for i, token in enumerate(ctx.tokens):
        if i in ctx.quoted or i in claimed or not is_word(token):
            continue
        quote = _according_to(ctx, i) or _reportedly(ctx, i, found)
        if quote is None and speech_register(ctx.lex(i), token):
            quote = _verb_quote(ctx, i)
        if quote is None or any(j in claimed for j in range(quote.first, quote.last + 1)):
            continue
        claimed.update(range(quote.first, quote.last + 1))
        found.append(quote)
    return found
