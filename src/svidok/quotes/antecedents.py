"""What a later mention refers back to: a pronoun (він/вона/воно/вони), a role noun
("Президент наголосив", "Мер" after "міський голова … Андрій Садовий"), or a subject a verb
leaves out ("«…», – зазначив.")."""

from __future__ import annotations

from ..document import Token
from .bodies import previous_subject_body
from .context import Context, NameSpan
from .grammar import (
    Speaker,
    after_preposition,
    compatible,
    nominative_name,
    noun_phrase,
    role_before,
)
from .lexicon import CLAUSE_BREAKS, DASHES, SENTENCE_END, is_word, lemmas, speech_register
from .outlets import last_outlet

ANTECEDENT_SENTENCES = 3  # how far back an omitted subject may point


def recent_person(ctx: Context, i: int, verb: Token | None) -> NameSpan | None:
    """The person named last before ``i``, within a few sentences, agreeing with the verb."""
    for span in reversed(ctx.names):
        if span.last >= i:
            continue
        if _narrative_distance(ctx, span.last, i) > ANTECEDENT_SENTENCES:
            return None
        if _talked_about(ctx, span, i):
            continue  # named inside someone's quote, not the subject carried over
        if span.type in ("PER", "PERS") and compatible(verb, set(span.genders), set()):
            return span
    return None


def _talked_about(ctx: Context, span: NameSpan, i: int) -> bool:
    """A name inside quote marks (when ``i`` is not) that is not the attribution interrupting
    the quote ("«…? – зазначив пан Махмудов. – …»")."""
    if span.first not in ctx.quoted or i in ctx.quoted:
        return False
    lex, saw_verb = ctx.lex(span.first), False
    for k in range(span.first - 1, max(-1, span.first - 5), -1):
        token = ctx.tokens[k]
        if token.norm in DASHES:
            return not saw_verb  # "– зазначив пан Махмудов": who speaks the quote around it
        if token.norm in CLAUSE_BREAKS or token.norm in SENTENCE_END or token.norm in "«»":
            return True
        saw_verb = saw_verb or bool(speech_register(lex, token))
    return True


def _narrative_distance(ctx: Context, earlier: int, later: int) -> int:
    """Sentences from token ``earlier`` to ``later``, not counting those wholly inside quote
    marks: a six-sentence quote does not make its speaker a distant antecedent."""
    first, last = ctx.tokens[earlier].sent, ctx.tokens[later].sent
    if last - first <= ANTECEDENT_SENTENCES:
        return last - first
    between = {
        ctx.tokens[k].sent
        for k in range(earlier + 1, later)
        if k not in ctx.quoted and is_word(ctx.tokens[k])
    }
    return len(between - {first, last}) + 1


def resolve_pronoun(ctx: Context, i: int) -> Speaker:
    """він/вона -> the last person named before, of that gender; вони -> no one person, but the
    group voice it continues ("Аналітики вважають … Вони також зазначають") as the role."""
    gender = ctx.lex(i).pronouns[ctx.tokens[i].norm.lower()]
    if gender == "plur":
        return _recent_group(ctx, i)
    body = previous_subject_body(ctx, i, gender)
    if body is None and gender == "neut":  # "Оно утверждает": no person is "it"
        body = last_outlet(ctx, i, ANTECEDENT_SENTENCES)
    if body is not None or gender == "neut":
        return Speaker(body.entity, body.name, None) if body is not None else Speaker()
    for span in reversed(ctx.names):
        if span.last >= i or span.type not in ("PER", "PERS") or after_preposition(ctx, span.first):
            continue
        if _talked_about(ctx, span, i) or span.first in ctx.reported:
            continue  # a person the speaker talks about inside a quote is not who "він" is
        if not nominative_name(ctx, span, last_word=True) and not _named_by_cue(ctx, span):
            continue  # the antecedent of a subject pronoun is a subject: "до Вашингтона" is not
        if not span.genders or gender in span.genders:
            return Speaker(span.entity, span.name, None)
    return Speaker()


def _named_by_cue(ctx: Context, span: NameSpan) -> bool:
    """ "По словам Трампа, … Он также добавил": the speaker a cue phrase names (with or without
    a role: "за словами голови ОДА Олега Синєгубова") is a subject in all but case."""
    rng = role_before(ctx, span.first)
    start = rng[0] if rng is not None else span.first
    words = tuple(t.norm.lower() for t in ctx.tokens[max(0, start - 3) : start])
    return any(words[-len(phrase) :] == phrase for phrase in ctx.lex(span.first).according_to)


def _recent_group(ctx: Context, i: int) -> Speaker:
    """The last plural group noun used as a subject within a few sentences, as an unnamed voice."""
    lex = ctx.lex(i)
    nouns = lex.groups | lex.roles
    for j in range(i - 1, -1, -1):
        token = ctx.tokens[j]
        if ctx.tokens[i].sent - token.sent > ANTECEDENT_SENTENCES:
            break
        subject = any(  # "Аналітики" also reads as a genitive of "аналітика": look past the best
            p.pos == "NOUN" and p.number == "plur" and p.case == "nomn" and p.lemma in nouns
            for p in token.parses[:3]
        )
        if subject and j not in ctx.quoted:
            first, last = noun_phrase(ctx, j, i)
            return Speaker(role=ctx.text(first, last)[0])
    return Speaker()


def role_holder(ctx: Context, i: int, verb: Token | None) -> NameSpan | None:
    """The last person introduced with the role noun at ``i`` ("президент" -> "президент … Зеленський"),
    of the verb's gender ("суддя зазначила" skips a male judge)."""
    lex = ctx.lex(i)
    lo, hi = ctx.sentence_range(i)
    titled = _titles(ctx, max(lo, i - 1), min(hi - 1, i + 1))  # "Міський голова", "Глава города"
    # "Експерт" after "аналітик Олексій …"; "Мер" after "Міський голова … Андрій Садовий"
    wanted = lex.role_class(titled) if titled else lex.role_class(lemmas(ctx.tokens[i]))
    for span in reversed(ctx.names):
        if span.last >= i or span.type != "PER":
            continue
        if not compatible(verb, set(span.genders), set()):
            continue
        rng = role_before(ctx, span.first)
        if rng is None:
            continue
        title = _titles(ctx, *rng).union(*(lemmas(t) for t in ctx.tokens[rng[0] : rng[1] + 1]))
        if title & wanted:
            return span
    return None


def _titles(ctx: Context, first: int, last: int) -> set[str]:
    """The one-word roles two-word titles in tokens ``first..last`` stand for ("міський голова"
    -> "міськголова", "глава города" -> "мэр"; language data ``role_phrases``)."""
    phrases = ctx.lex(first).role_phrases
    found = set()
    for k in range(first, last):
        pairs = ((a, b) for a in lemmas(ctx.tokens[k]) for b in lemmas(ctx.tokens[k + 1]))
        found |= {phrases[pair] for pair in pairs if pair in phrases}
    return found
